//! `claimgraph`: turn articles into an evidence graph of who does what to whom, who says so,
//! and when.

mod graph;
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
    after_help = "Examples:\n  claimgraph demo\n  claimgraph extract --format text examples/d05.txt\n  claimgraph ingest examples/ && claimgraph edges --actor Hizballah\n  claimgraph evidence Iran Hizballah\n  cat article.html | claimgraph extract --format jsonl --published 2017-02 -"
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
        after_help = "Examples:\n  claimgraph dictionary --search hizballah\n  claimgraph dictionary --actors extra.csv --type person"
    )]
    Dictionary(ActorsArgs),
    /// Ingest articles into the evidence graph (SQLite).
    #[command(
        after_help = "Examples:\n  claimgraph ingest examples/\n  claimgraph ingest --db team.db feed.jsonl.gz\n  claimgraph ingest --quiet --outlet Reuters reuters/"
    )]
    Ingest(IngestArgs),
    /// Ingest the bundled examples into a fresh database and show what the graph says.
    Demo(DemoArgs),
    /// Actors in the store.
    #[command(
        after_help = "Examples:\n  claimgraph actors --type armed_group\n  claimgraph actors --search hamas --format json"
    )]
    Actors(StoreActorsArgs),
    /// One actor: aliases, parent, children, relations in and out by category.
    Actor(ActorArgs),
    /// Relations across documents, with counts of independent origins and grades.
    #[command(
        after_help = "Examples:\n  claimgraph edges --actor Hizballah\n  claimgraph edges --between Iran Hamas --min-origins 2\n  claimgraph edges --category ASSAULT --since 2019 --format csv"
    )]
    Edges(EdgesArgs),
    /// Every claim between two actors, with sentence, source, stance, grade and document.
    #[command(
        after_help = "Examples:\n  claimgraph evidence Iran Hizballah\n  claimgraph evidence Hamas ISIS-Sinai --category AID"
    )]
    Evidence(EvidenceArgs),
    /// Dated claims in time order.
    Timeline(TimelineArgs),
    /// Relations that another origin denies or claims the opposite of.
    Disputes(QueryArgs),
    /// Full-text search over sentences, with the actors in each hit.
    #[command(
        after_help = "Examples:\n  claimgraph search \"rocket attacks\"\n  claimgraph search 'smuggl*'"
    )]
    Search(SearchArgs),
    /// Counts of the store.
    Stats(QueryArgs),
    /// Write the graph for other tools: Gephi, networkx, Neo4j, Aleph, Cytoscape, spreadsheets.
    #[command(
        after_help = "Examples:\n  claimgraph export --format gexf -o graph.gexf\n  claimgraph export --format graphml --actor Hizballah > hizballah.graphml\n  claimgraph export --format neo4j -o neo4j-import/\n  claimgraph export --format ftm --min-origins 2 -o claims.ftm.json\n  claimgraph export --format csv -o sheets/"
    )]
    Export(ExportArgs),
    /// Open the evidence graph in a browser: JSON API and web page (network, evidence,
    /// actor profile, timeline, document views).
    #[command(
        after_help = "Examples:\n  claimgraph serve\n  claimgraph serve --db team.db --addr 127.0.0.1:9000\n  claimgraph serve --allow-ingest --token-file token.txt"
    )]
    Serve(ServeArgs),
}

#[derive(clap::Args)]
struct ServeArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Address to listen on (loopback by default; port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8750")]
    addr: std::net::SocketAddr,
    /// Source reliability grades (CSV: name,grade,note; grades A-F). Unlisted sources are F.
    #[arg(long)]
    sources: Option<PathBuf>,
    /// Accept POST /api/documents (needs --token-file).
    #[arg(long, requires = "token_file")]
    allow_ingest: bool,
    /// A file holding the bearer token that POST /api/documents requires.
    #[arg(long)]
    token_file: Option<PathBuf>,
    #[command(flatten)]
    dict: DictArgs,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum ExportFormat {
    /// GraphML (Gephi, yEd, networkx, igraph).
    Graphml,
    /// GEXF 1.3 with edge dates, for Gephi's timeline.
    Gexf,
    /// neo4j-admin import CSV files (a folder).
    Neo4j,
    /// FollowTheMoney entity JSON lines (Aleph, OpenSanctions tools).
    Ftm,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// edges.csv and claims.csv (a folder).
    Csv,
    /// One JSON document with actors, edges and claims.
    Json,
    /// Claims, one JSON object per line.
    Jsonl,
}

#[derive(clap::Args)]
struct ExportArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Source reliability grades (CSV: name,grade,note; grades A-F). Unlisted sources are F.
    #[arg(long)]
    sources: Option<PathBuf>,
    /// Extra actor dictionaries (for aliases and countries of the exported actors).
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// Export format.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Output file (a folder for neo4j and csv); standard output if omitted.
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(clap::Args)]
struct DbArgs {
    /// The database file.
    #[arg(long, env = "CLAIMGRAPH_DB", default_value = "claimgraph.db")]
    db: PathBuf,
}

#[derive(clap::Args)]
struct QueryArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Source reliability grades (CSV: name,grade,note; grades A-F). Unlisted sources are F.
    #[arg(long)]
    sources: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: graph::Format,
}

#[derive(clap::Args)]
struct IngestArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    dict: DictArgs,
    #[command(flatten)]
    db: DbArgs,
    /// No progress line.
    #[arg(long, short)]
    quiet: bool,
    /// Documents per transaction.
    #[arg(long, default_value_t = 256)]
    batch: usize,
    /// Worker threads for extraction (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
}

#[derive(clap::Args)]
struct DemoArgs {
    /// Where to write the demo database (replaced if it exists).
    #[arg(long, default_value = "claimgraph-demo.db")]
    db: PathBuf,
}

#[derive(clap::Args)]
struct StoreActorsArgs {
    #[command(flatten)]
    q: QueryArgs,
    /// Only this type.
    #[arg(long = "type")]
    kind: Option<String>,
    /// Only actors whose name, id or an alias contains this text.
    #[arg(long)]
    search: Option<String>,
}

#[derive(clap::Args)]
struct ActorArgs {
    #[command(flatten)]
    q: QueryArgs,
    /// A name, alias or id (case-insensitive).
    name: String,
}

#[derive(clap::Args)]
struct EdgesArgs {
    #[command(flatten)]
    q: QueryArgs,
    #[command(flatten)]
    filter: FilterArgs,
}

#[derive(clap::Args)]
struct FilterArgs {
    /// Edges touching this actor.
    #[arg(long)]
    actor: Option<String>,
    /// Edges between two actors.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    between: Option<Vec<String>>,
    /// Only this category (AID, ASSAULT, ...).
    #[arg(long)]
    category: Option<String>,
    /// At least this many independent origins.
    #[arg(long)]
    min_origins: Option<i64>,
    /// Claims dated on or after (YYYY[-MM[-DD]]).
    #[arg(long)]
    since: Option<String>,
    /// Claims dated on or before.
    #[arg(long)]
    until: Option<String>,
    /// Only claims with this stance.
    #[arg(long)]
    stance: Option<String>,
    /// At most this many edges.
    #[arg(long)]
    limit: Option<usize>,
}

#[derive(clap::Args)]
struct EvidenceArgs {
    #[command(flatten)]
    q: QueryArgs,
    /// One actor.
    a: String,
    /// The other actor.
    b: String,
    /// Only this category.
    #[arg(long)]
    category: Option<String>,
    /// At most this many claims (a page).
    #[arg(long, default_value_t = 100)]
    limit: usize,
    /// Skip this many claims (the next page).
    #[arg(long, default_value_t = 0)]
    offset: usize,
}

#[derive(clap::Args)]
struct TimelineArgs {
    #[command(flatten)]
    q: QueryArgs,
    /// Only claims of this actor.
    #[arg(long)]
    actor: Option<String>,
}

#[derive(clap::Args)]
struct SearchArgs {
    #[command(flatten)]
    q: QueryArgs,
    /// Words to find (FTS5 syntax: "exact phrase", OR, prefix*).
    words: String,
    /// At most this many hits.
    #[arg(long, default_value_t = 20)]
    limit: usize,
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
    /// Extra actor dictionary (CSV: id,name,type,aliases,part_of,country; or FollowTheMoney
    /// entity JSON lines, e.g. a sanctions list); repeatable. Rows with an existing id replace
    /// the built-in row.
    #[arg(long = "actors", value_name = "FILE")]
    actors: Vec<PathBuf>,
    /// Extra trigger lexicon (same format as data/triggers.tsv); repeatable. Its entries are
    /// added to the built-in ones.
    #[arg(long = "lexicon", value_name = "FILE")]
    lexicon: Vec<PathBuf>,
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
        Command::Dictionary(a) => actors(a),
        Command::Ingest(a) => ingest(a),
        Command::Demo(a) => demo(a),
        Command::Actors(a) => store_actors(a),
        Command::Actor(a) => store_actor(a),
        Command::Edges(a) => edges(a),
        Command::Evidence(a) => evidence(a),
        Command::Timeline(a) => timeline(a),
        Command::Disputes(a) => disputes(a),
        Command::Search(a) => search(a),
        Command::Stats(a) => stats(a),
        Command::Export(a) => export(a),
        Command::Serve(a) => serve(a),
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
        let name = p.display().to_string();
        if claimgraph_actors::ftm::looks_like_ftm(&name, &text) {
            extra.extend(claimgraph_actors::ftm::parse_ftm(&text, &name)?);
        } else {
            extra.extend(dictionary::parse_csv(&text, &name)?);
        }
    }
    Recognizer::with_entries(extra).map_err(|e| anyhow::anyhow!("actor dictionary: {e}"))
}

fn load_lexicon(d: &DictArgs) -> Result<Lexicon> {
    let mut lex = Lexicon::builtin();
    for p in &d.lexicon {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("{}: cannot read the lexicon", p.display()))?;
        lex.add(&text, &p.display().to_string())?;
    }
    Ok(lex)
}

fn extract(a: ExtractArgs) -> Result<i32> {
    if let Some(n) = a.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start worker threads")?;
    }
    let extractor = Extractor::new(load_recognizer(&a.dict)?, load_lexicon(&a.dict)?);
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
    let flush = |batch: &mut Vec<Document>, out: &mut BufWriter<Box<dyn Write>>| -> Result<usize> {
        let results: Vec<Result<String, String>> = batch
            .par_iter()
            .map(|d| {
                let x: Extraction = extractor.try_extract(d)?;
                Ok(match a.format {
                    ExtractFormat::Jsonl => output::jsonl(d, &x, a.with_text),
                    ExtractFormat::Text => output::text(d, &x, a.explain),
                })
            })
            .collect();
        let mut bad = 0;
        for r in results {
            match r {
                Ok(s) => out.write_all(s.as_bytes())?,
                Err(e) => {
                    eprintln!("claimgraph: {e}");
                    bad += 1;
                }
            }
        }
        batch.clear();
        Ok(bad)
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
                        failed += flush(&mut batch, &mut out)?;
                    }
                }
                Err(e) => {
                    eprintln!("claimgraph: {e}");
                    failed += 1;
                }
            }
        }
    }
    failed += flush(&mut batch, &mut out)?;
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

fn read_options(i: &InputArgs) -> ReadOptions {
    ReadOptions {
        published: i.published,
        outlet: i.outlet.clone(),
        max_bytes: i.max_bytes,
    }
}

fn ingest(a: IngestArgs) -> Result<i32> {
    if let Some(n) = a.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .context("cannot start worker threads")?;
    }
    let ex = Extractor::new(load_recognizer(&a.dict)?, load_lexicon(&a.dict)?);
    let mut store = graph::open(&a.db.db, None)?;
    let started = std::time::Instant::now();
    let s = graph::ingest(
        &mut store,
        &ex,
        &a.input.paths,
        &read_options(&a.input),
        a.quiet,
        a.batch.max(1),
    )?;
    let stats = store.stats()?;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "ingested into {}: {} new, {} unchanged, {} replaced, {} failed; {} words in {:.1} s ({:.0} words/s); the store holds {} documents, {} actors, {} claims",
        a.db.db.display(), s.new, s.unchanged, s.replaced, s.failed, s.words, secs,
        s.words as f64 / secs.max(1e-9), stats.documents, stats.actors, stats.claims
    );
    Ok(if s.failed > 0 { 1 } else { 0 })
}

fn demo(a: DemoArgs) -> Result<i32> {
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", a.db.display()));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("{}: cannot replace", p.display()))?;
        }
    }
    let dir = std::env::temp_dir().join(format!("claimgraph-demo-{}", std::process::id()));
    graph::write_examples(&dir)?;
    let ex = Extractor::builtin();
    let mut store = graph::open(&a.db, None)?;
    let s = graph::ingest(
        &mut store,
        &ex,
        std::slice::from_ref(&dir),
        &ReadOptions::default(),
        true,
        256,
    )?;
    let _ = std::fs::remove_dir_all(&dir);
    let mut out = std::io::stdout().lock();
    let st = store.stats()?;
    writeln!(
        out,
        "claimgraph demo: {} public-domain U.S. government texts ingested\ninto {}",
        s.new,
        a.db.display()
    )?;
    writeln!(
        out,
        "{} actors, {} claims, {} edges, {} disputed.\n",
        st.actors, st.claims, st.edges, st.disputed
    )?;
    writeln!(
        out,
        "Strongest edges (independent origins, claims, Admiralty grade):"
    )?;
    let edges = store.edges(&claimgraph_store::EdgeFilter {
        limit: Some(12),
        ..Default::default()
    })?;
    graph::print_edges(&mut out, &edges, graph::Format::Table)?;
    if let Some(e) = edges.first() {
        writeln!(out, "\nThe evidence behind the first one:")?;
        let claims = store.evidence(&e.subject, &e.object, Some(&e.category))?;
        graph::print_claims(
            &mut out,
            &claims[..claims.len().min(3)],
            graph::Format::Table,
        )?;
    }
    let d = store.disputes()?;
    writeln!(out, "\nDisputes: {}", d.len())?;
    if !d.is_empty() {
        graph::print_edges(&mut out, &d[..d.len().min(5)], graph::Format::Table)?;
    }
    let db = a.db.display();
    writeln!(
        out,
        "\nTry next:\n  claimgraph edges --db {db} --actor Hizballah\n  claimgraph evidence --db {db} Iran Hizballah\n  claimgraph timeline --db {db} --actor \"Kata'ib Hizballah\"\n  claimgraph search --db {db} \"rocket attacks\"\n  claimgraph ingest --db {db} your-articles/"
    )?;
    Ok(0)
}

fn out_json<T: serde::Serialize>(v: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

fn store_actors(a: StoreActorsArgs) -> Result<i32> {
    let store = graph::open(&a.q.db.db, a.q.sources.as_deref())?;
    let rows = store.actors(a.kind.as_deref(), a.search.as_deref())?;
    match a.q.format {
        graph::Format::Json => out_json(&rows)?,
        graph::Format::Csv => {
            let mut w = csv::Writer::from_writer(std::io::stdout().lock());
            w.write_record([
                "id",
                "name",
                "type",
                "part_of",
                "known",
                "documents",
                "claims",
            ])?;
            for r in &rows {
                w.write_record([
                    r.id.as_str(),
                    &r.name,
                    &r.kind,
                    r.part_of.as_deref().unwrap_or(""),
                    &r.known.to_string(),
                    &r.documents.to_string(),
                    &r.claims.to_string(),
                ])?;
            }
            w.flush()?;
        }
        graph::Format::Table => {
            let mut out = std::io::stdout().lock();
            writeln!(
                out,
                "{:<30} {:<13} {:>5} {:>6}  ID",
                "NAME", "TYPE", "DOCS", "CLAIMS"
            )?;
            for r in &rows {
                let line = format!(
                    "{:<30} {:<13} {:>5} {:>6}  {}",
                    r.name.chars().take(30).collect::<String>(),
                    r.kind,
                    r.documents,
                    r.claims,
                    r.id
                );
                // An 80-column terminal: a long id is cut, never wrapped.
                writeln!(out, "{}", line.chars().take(80).collect::<String>())?;
            }
        }
    }
    Ok(0)
}

fn store_actor(a: ActorArgs) -> Result<i32> {
    let store = graph::open(&a.q.db.db, a.q.sources.as_deref())?;
    let id = store.resolve_actor(&a.name)?;
    let (row, aliases, children) = store.actor(&id)?;
    let edges = store.edges(&claimgraph_store::EdgeFilter {
        actor: Some(id.clone()),
        ..Default::default()
    })?;
    if a.q.format != graph::Format::Table {
        out_json(
            &serde_json::json!({"actor": row, "aliases": aliases, "children": children, "edges": edges}),
        )?;
        return Ok(0);
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} ({}, {}){}",
        row.name,
        row.kind,
        row.id,
        if row.known {
            ""
        } else {
            ", not in the dictionary"
        }
    )?;
    if let Some(p) = &row.part_of {
        writeln!(out, "part of: {p}")?;
    }
    if !children.is_empty() {
        let names: Vec<&str> = children.iter().map(|c| c.name.as_str()).collect();
        writeln!(out, "parts: {}", names.join(", "))?;
    }
    writeln!(out, "aliases: {}", aliases.join(" | "))?;
    writeln!(
        out,
        "named in {} documents, in {} claims\n",
        row.documents, row.claims
    )?;
    let mut cats: std::collections::BTreeMap<String, Vec<&claimgraph_store::Edge>> =
        Default::default();
    for e in &edges {
        let dir = if e.subject == id { "out" } else { "in" };
        cats.entry(format!("{} ({dir})", e.category))
            .or_default()
            .push(e);
    }
    for (c, es) in cats {
        writeln!(out, "{c}: {} relations", es.len())?;
        for e in es {
            let other = if e.subject == id {
                &e.object_name
            } else {
                &e.subject_name
            };
            writeln!(
                out,
                "  {}{}  {} origins, {} claims, {}",
                if e.negated { "NOT " } else { "" },
                other,
                e.origins,
                e.claims,
                e.grade()
            )?;
        }
    }
    Ok(0)
}

fn edges(a: EdgesArgs) -> Result<i32> {
    let store = graph::open(&a.q.db.db, a.q.sources.as_deref())?;
    let f = edge_filter(&store, &a.filter)?;
    let e = store.edges(&f)?;
    graph::print_edges(&mut std::io::stdout().lock(), &e, a.q.format)?;
    Ok(0)
}

fn export(a: ExportArgs) -> Result<i32> {
    use claimgraph_export::{Format, Snapshot};
    let format = match a.format {
        ExportFormat::Graphml => Format::Graphml,
        ExportFormat::Gexf => Format::Gexf,
        ExportFormat::Neo4j => Format::Neo4j,
        ExportFormat::Ftm => Format::Ftm,
        ExportFormat::Cytoscape => Format::Cytoscape,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Json => Format::Json,
        ExportFormat::Jsonl => Format::Jsonl,
    };
    if format.is_folder() && a.output.is_none() {
        anyhow::bail!(
            "the {} export writes several files: give a folder with -o DIR",
            format.name()
        );
    }
    let store = graph::open(&a.db.db, a.sources.as_deref())?;
    let f = edge_filter(&store, &a.filter)?;
    let dict = load_recognizer(&DictArgs {
        actors: a.actors.clone(),
        lexicon: Vec::new(),
    })?;
    let snap = Snapshot::load(&store, &f, Some(&dict))?;
    let nodes = snap.graph_nodes().count();
    match &a.output {
        Some(dir) if format.is_folder() => {
            let files = claimgraph_export::write_folder(&snap, format, dir)?;
            for p in files {
                eprintln!("wrote {}", p.display());
            }
        }
        Some(p) => {
            let file = std::fs::File::create(p)
                .with_context(|| format!("{}: cannot create the export file", p.display()))?;
            let mut w = std::io::BufWriter::new(file);
            claimgraph_export::write(&snap, format, &mut w)?;
            w.flush()
                .with_context(|| format!("{}: cannot write", p.display()))?;
            eprintln!("wrote {}", p.display());
        }
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            claimgraph_export::write(&snap, format, &mut w)?;
            w.flush()?;
        }
    }
    eprintln!(
        "{} actors, {} edges, {} claims, {} documents",
        nodes,
        snap.edges.len(),
        snap.claims.len(),
        snap.documents.len()
    );
    Ok(0)
}

fn serve(a: ServeArgs) -> Result<i32> {
    let mut cfg = claimgraph_server::Config::new(a.db.db.clone());
    if let Some(p) = &a.sources {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("{}: cannot read the source grades", p.display()))?;
        cfg.grades = claimgraph_store::SourceGrades::parse(&text, &p.display().to_string())
            .map_err(anyhow::Error::msg)?;
    }
    if a.allow_ingest {
        let p = a.token_file.as_ref().expect("clap requires --token-file");
        let token = std::fs::read_to_string(p)
            .with_context(|| format!("{}: cannot read the token file", p.display()))?
            .trim()
            .to_string();
        if token.len() < 16 {
            anyhow::bail!(
                "{}: the token must be at least 16 characters (e.g. `openssl rand -hex 32 > {}`)",
                p.display(),
                p.display()
            );
        }
        cfg.ingest_token = Some(token);
        cfg.extractor = Some(Extractor::new(
            load_recognizer(&a.dict)?,
            load_lexicon(&a.dict)?,
        ));
    }
    let writes = a.allow_ingest;
    let st = claimgraph_server::AppState::open(cfg)?;
    if !a.addr.ip().is_loopback() {
        eprintln!(
            "claimgraph: warning: listening on {}, reachable from other machines; the API has no login for reads",
            a.addr
        );
    }
    let db = a.db.db.display().to_string();
    claimgraph_server::serve(st, a.addr, |addr| {
        println!(
            "claimgraph: serving {db} at http://{addr}/ ({}; Ctrl-C to stop)",
            if writes {
                "POST /api/documents on"
            } else {
                "read-only"
            }
        );
        let _ = std::io::stdout().flush();
    })?;
    Ok(0)
}

fn edge_filter(
    store: &claimgraph_store::Store,
    a: &FilterArgs,
) -> Result<claimgraph_store::EdgeFilter> {
    let actor = a
        .actor
        .as_deref()
        .map(|n| store.resolve_actor(n))
        .transpose()?;
    let between = match &a.between {
        Some(v) => Some((store.resolve_actor(&v[0])?, store.resolve_actor(&v[1])?)),
        None => None,
    };
    let f = claimgraph_store::EdgeFilter {
        actor,
        between,
        category: a.category.clone(),
        min_origins: a.min_origins,
        since: a.since.clone(),
        until: a.until.clone(),
        stance: a.stance.clone(),
        limit: a.limit,
    };
    Ok(f)
}

fn evidence(a: EvidenceArgs) -> Result<i32> {
    let store = graph::open(&a.q.db.db, a.q.sources.as_deref())?;
    let x = store.resolve_actor(&a.a)?;
    let y = store.resolve_actor(&a.b)?;
    let c = store.evidence_page(&x, &y, a.category.as_deref(), a.limit, a.offset)?;
    graph::print_claims(&mut std::io::stdout().lock(), &c, a.q.format)?;
    Ok(0)
}

fn timeline(a: TimelineArgs) -> Result<i32> {
    let store = graph::open(&a.q.db.db, a.q.sources.as_deref())?;
    let actor = a
        .actor
        .as_deref()
        .map(|n| store.resolve_actor(n))
        .transpose()?;
    let c = store.timeline(actor.as_deref())?;
    graph::print_claims(&mut std::io::stdout().lock(), &c, a.q.format)?;
    Ok(0)
}

fn disputes(a: QueryArgs) -> Result<i32> {
    let store = graph::open(&a.db.db, a.sources.as_deref())?;
    let d = store.disputes()?;
    graph::print_edges(&mut std::io::stdout().lock(), &d, a.format)?;
    Ok(0)
}

fn search(a: SearchArgs) -> Result<i32> {
    let store = graph::open(&a.q.db.db, a.q.sources.as_deref())?;
    let hits = store.search(&a.words, a.limit)?;
    match a.q.format {
        graph::Format::Json => out_json(&hits)?,
        graph::Format::Csv => {
            let mut w = csv::Writer::from_writer(std::io::stdout().lock());
            w.write_record(["document", "actors", "sentence"])?;
            for h in &hits {
                w.write_record([h.document.as_str(), &h.actors.join(";"), &h.sentence])?;
            }
            w.flush()?;
        }
        graph::Format::Table => {
            let mut out = std::io::stdout().lock();
            for h in &hits {
                writeln!(
                    out,
                    "{}  [{}]\n    «{}»",
                    h.document,
                    h.actors.join(", "),
                    h.sentence.replace('\n', " ")
                )?;
            }
        }
    }
    Ok(0)
}

fn stats(a: QueryArgs) -> Result<i32> {
    let store = graph::open(&a.db.db, a.sources.as_deref())?;
    let s = store.stats()?;
    if a.format == graph::Format::Table {
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "documents {}\nwords     {}\nactors    {}\nmentions  {}\nclaims    {}\nedges     {}\ndisputed  {}",
            s.documents, s.words, s.actors, s.mentions, s.claims, s.edges, s.disputed
        )?;
        for (c, n) in &s.by_category {
            writeln!(out, "  {c:<10} {n}")?;
        }
    } else {
        out_json(&s)?;
    }
    Ok(0)
}
