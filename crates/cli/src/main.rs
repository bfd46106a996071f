//! `claimgraph`: turn articles into an evidence graph of who does what to whom, who says so,
//! and when.

mod output;

use anyhow::{bail, Context, Result};
use claimgraph_actors::{dictionary, Recognizer};
use claimgraph_ingest::{expand, ReadOptions, Reader};
use claimgraph_model::{Document, PartialDate};
use claimgraph_relations::{Extraction, Extractor, Lexicon};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "claimgraph",
    version,
    about = "Turn news and reports into an evidence graph: who does what to whom, who says so, and when.",
    after_help = "Examples:\n  claimgraph extract examples/\n  claimgraph extract --format text examples/d05.txt\n  cat article.html | claimgraph extract --format jsonl --published 2017-02 -\n  claimgraph actors --search hizballah"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles and print their actors and relations (one JSON line per document, or text).
    #[command(
        after_help = "Examples:\n  claimgraph extract examples/\n  claimgraph extract --format jsonl --with-text corpus/ > out.jsonl\n  claimgraph extract --actors my-actors.csv --published 2017-02 article.txt\n  zcat feed.jsonl.gz | claimgraph extract -"
    )]
    Extract(ExtractArgs),
    /// List the actor dictionary (built in, plus --actors files).
    #[command(
        after_help = "Examples:\n  claimgraph actors --search hizballah\n  claimgraph actors --actors extra.csv --type person"
    )]
    Actors(ActorsArgs),
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExtractFormat {
    /// One JSON object per document (the contract in OUTPUT.md).
    Jsonl,
    /// A readable summary per document.
    Text,
}

#[derive(clap::Args)]
struct InputArgs {
    /// Files or folders to read (.txt with optional NAME.meta.json, .html, .jsonl, .jsonl.gz), or - for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Publication date for every document (YYYY, YYYY-MM or YYYY-MM-DD); overrides metadata.
    #[arg(long, value_parser = parse_date)]
    published: Option<PartialDate>,
    /// Outlet name for every document; overrides metadata.
    #[arg(long)]
    outlet: Option<String>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 20 * 1024 * 1024)]
    max_bytes: u64,
}

#[derive(clap::Args)]
struct DictArgs {
    /// Extra actor dictionary (CSV: id,name,type,aliases,part_of,country); repeatable. Rows
    /// with an existing id replace the built-in row.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dict: DictArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExtractFormat,
    /// Add each document's text (the text all offsets index) to the JSON output.
    #[arg(long)]
    with_text: bool,
    /// Also show the rule and the words that produced each relation (text format).
    #[arg(long)]
    explain: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(clap::Args)]
struct ActorsArgs {
    #[command(flatten)]
    dict: DictArgs,
    /// Only this type (state, armed_group, political_org, state_agency, person, media, organization, population).
    #[arg(long = "type")]
    kind: Option<String>,
    /// Only actors whose id, name or an alias contains this text (case-insensitive).
    #[arg(long)]
    search: Option<String>,
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse(s)
        .ok_or_else(|| format!("{s:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"))
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract(a),
        Command::Actors(a) => actors(a),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                std::process::exit(0);
            }
            eprintln!("claimgraph: error: {e:#}");
            std::process::exit(2);
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn load_recognizer(d: &DictArgs) -> Result<Recognizer> {
    if d.actors.is_empty() {
        return Ok(Recognizer::builtin());
    }
    let mut extra = Vec::new();
    for p in &d.actors {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("{}: cannot read the actor dictionary", p.display()))?;
        extra.extend(dictionary::parse_csv(&text, &p.display().to_string())?);
    }
    Recognizer::with_entries(extra).map_err(|e| anyhow::anyhow!("actor dictionary: {e}"))
}

fn extract(a: ExtractArgs) -> Result<i32> {
    if let Some(n) = a.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start worker threads")?;
    }
    let extractor = Extractor::new(load_recognizer(&a.dict)?, Lexicon::builtin());
    let opts = ReadOptions {
        published: a.input.published,
        outlet: a.input.outlet.clone(),
        max_bytes: a.input.max_bytes,
    };
    let out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("{}: cannot create", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut failed = 0usize;
    let mut done = 0usize;
    let mut batch: Vec<Document> = Vec::new();
    let flush = |batch: &mut Vec<Document>, out: &mut BufWriter<Box<dyn Write>>| -> Result<()> {
        let results: Vec<(usize, String)> = batch
            .par_iter()
            .enumerate()
            .map(|(i, d)| {
                let x: Extraction = extractor.extract(d);
                let s = match a.format {
                    ExtractFormat::Jsonl => output::jsonl(d, &x, a.with_text),
                    ExtractFormat::Text => output::text(d, &x, a.explain),
                };
                (i, s)
            })
            .collect();
        for (_, s) in results {
            out.write_all(s.as_bytes())?;
        }
        batch.clear();
        Ok(())
    };
    for input in expand(&a.input.paths) {
        let input = match input {
            Ok(i) => i,
            Err(e) => {
                eprintln!("claimgraph: {e}");
                failed += 1;
                continue;
            }
        };
        for doc in Reader::open(input, &opts) {
            match doc {
                Ok(d) => {
                    batch.push(d);
                    done += 1;
                    if batch.len() >= 256 {
                        flush(&mut batch, &mut out)?;
                    }
                }
                Err(e) => {
                    eprintln!("claimgraph: {e}");
                    failed += 1;
                }
            }
        }
    }
    flush(&mut batch, &mut out)?;
    out.flush()?;
    if failed > 0 {
        eprintln!("claimgraph: {done} documents read, {failed} failed (see above)");
        return Ok(1);
    }
    if done == 0 {
        bail!("no documents found under the given paths (looked for .txt, .html, .htm, .jsonl, .jsonl.gz)");
    }
    Ok(0)
}

fn actors(a: ActorsArgs) -> Result<i32> {
    let r = load_recognizer(&a.dict)?;
    let kind = match &a.kind {
        Some(k) => Some(
            claimgraph_model::ActorType::parse(k)
                .with_context(|| format!("--type {k:?} is not a known actor type"))?,
        ),
        None => None,
    };
    let needle = a.search.as_deref().map(str::to_lowercase);
    let mut out = std::io::stdout().lock();
    writeln!(out, "{:<22} {:<14} {:<30} ALIASES", "ID", "TYPE", "NAME")?;
    for e in r.entries() {
        if kind.is_some_and(|k| k != e.kind) {
            continue;
        }
        if let Some(n) = &needle {
            let hay = std::iter::once(&e.id)
                .chain(std::iter::once(&e.name))
                .chain(e.aliases.iter())
                .any(|s| s.to_lowercase().contains(n.as_str()));
            if !hay {
                continue;
            }
        }
        let aliases = e.aliases.join("|");
        let aliases: String = aliases.chars().take(60).collect();
        writeln!(
            out,
            "{:<22} {:<14} {:<30} {}",
            e.id,
            e.kind.as_str(),
            e.name,
            aliases
        )?;
    }
    Ok(0)
}
