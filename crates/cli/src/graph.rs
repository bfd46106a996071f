//! The evidence-graph commands: ingest into the store, and the questions asked of it.

use anyhow::{Context, Result};
use claimgraph_ingest::{expand, ReadOptions, Reader};
use claimgraph_model::Document;
use claimgraph_relations::{Extraction, Extractor};
use claimgraph_store::{ClaimRow, Edge, Outcome, SourceGrades, Store};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Output formats of the questions.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Debug)]
pub enum Format {
    /// Columns for an 80-column terminal.
    Table,
    /// JSON.
    Json,
    /// CSV with a header.
    Csv,
}

/// Open the store, with source grades if given.
pub fn open(db: &Path, sources: Option<&Path>) -> Result<Store> {
    let mut store = Store::open(db)?;
    if let Some(p) = sources {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("{}: cannot read the source grades", p.display()))?;
        store.set_source_grades(
            SourceGrades::parse(&text, &p.display().to_string()).map_err(anyhow::Error::msg)?,
        );
    }
    Ok(store)
}

/// Counts of one ingest run.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Documents stored for the first time.
    pub new: usize,
    /// Documents already stored with the same hash.
    pub unchanged: usize,
    /// Documents whose claims were replaced.
    pub replaced: usize,
    /// Inputs or records that could not be read.
    pub failed: usize,
    /// Words extracted.
    pub words: usize,
    /// Claims written.
    pub claims: usize,
}

/// Ingest paths into the store: parallel extraction, one writer, one transaction per batch.
pub fn ingest(
    store: &mut Store,
    ex: &Extractor,
    paths: &[PathBuf],
    opts: &ReadOptions,
    quiet: bool,
    batch_size: usize,
) -> Result<Summary> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let progress = !quiet && std::io::stderr().is_terminal();
    let started = Instant::now();
    // Folders are walked once: the list serves the ETA and the reading.
    let inputs = expand(paths);
    let total_bytes: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            Ok(claimgraph_ingest::Input::File(p)) => p.metadata().ok().map(|m| m.len()),
            _ => None,
        })
        .sum();
    // A second connection reads stored hashes, so that unchanged documents are not extracted
    // again while the writer works (WAL lets it read).
    let reader = store.reader()?;
    let words_done = AtomicUsize::new(0);
    let docs_done = AtomicUsize::new(0);
    std::thread::scope(|scope| -> Result<Summary> {
        // The writer: one thread, one transaction per batch, while the next batch is
        // extracted on the other cores.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(Document, Extraction)>>(2);
        let words_ref = &words_done;
        let docs_ref = &docs_done;
        let writer = scope.spawn(move || -> Result<Summary> {
            let mut sum = Summary::default();
            for batch in rx {
                let mut w = store.batch()?;
                for (d, x) in &batch {
                    match w.put(d, x)? {
                        Outcome::New => sum.new += 1,
                        Outcome::Replaced => sum.replaced += 1,
                        Outcome::Unchanged => sum.unchanged += 1,
                    }
                    sum.words += x.words;
                    sum.claims += x.relations.len();
                }
                w.commit()?;
                words_ref.store(sum.words, Ordering::Relaxed);
                docs_ref.fetch_add(batch.len(), Ordering::Relaxed);
            }
            Ok(sum)
        });
        let mut failed = 0usize;
        let mut skipped = 0usize;
        let mut done_bytes = 0u64;
        let mut last_draw = Instant::now();
        let mut batch: Vec<Document> = Vec::with_capacity(batch_size);
        let send =
            |batch: &mut Vec<Document>, skipped: &mut usize, failed: &mut usize| -> Result<bool> {
                let mut todo = Vec::with_capacity(batch.len());
                for d in batch.drain(..) {
                    if reader.document_hash(&d.id)?.as_deref() == Some(d.hash.as_str()) {
                        *skipped += 1;
                    } else {
                        todo.push(d);
                    }
                }
                let results: Vec<Result<(Document, Extraction), String>> = todo
                    .into_par_iter()
                    .map(|d| {
                        let x = ex.try_extract(&d)?;
                        Ok((d, x))
                    })
                    .collect();
                let mut done = Vec::with_capacity(results.len());
                for r in results {
                    match r {
                        Ok(pair) => done.push(pair),
                        Err(e) => {
                            eprintln!("claimgraph: {e}");
                            *failed += 1;
                        }
                    }
                }
                // A closed channel means the writer stopped on an error: stop reading.
                Ok(tx.send(done).is_ok())
            };
        'inputs: for input in inputs {
            let input = match input {
                Ok(i) => i,
                Err(e) => {
                    eprintln!("claimgraph: {e}");
                    failed += 1;
                    continue;
                }
            };
            for doc in Reader::open(input, opts) {
                match doc {
                    Ok(d) => {
                        done_bytes += d.text.len() as u64;
                        batch.push(d);
                        if batch.len() >= batch_size
                            && !send(&mut batch, &mut skipped, &mut failed)?
                        {
                            break 'inputs;
                        }
                    }
                    Err(e) => {
                        eprintln!("claimgraph: {e}");
                        failed += 1;
                    }
                }
                if progress && last_draw.elapsed().as_millis() > 200 {
                    last_draw = Instant::now();
                    let secs = started.elapsed().as_secs_f64().max(1e-3);
                    let rate = words_done.load(Ordering::Relaxed) as f64 / secs;
                    let eta = if total_bytes > done_bytes && done_bytes > 0 {
                        format!(
                            ", ETA {:.0} s",
                            secs * (total_bytes - done_bytes) as f64 / done_bytes as f64
                        )
                    } else {
                        String::new()
                    };
                    eprint!(
                        "\r{} documents, {:.0} words/s{eta}    ",
                        docs_done.load(Ordering::Relaxed) + skipped,
                        rate
                    );
                }
            }
        }
        if !batch.is_empty() {
            send(&mut batch, &mut skipped, &mut failed)?;
        }
        drop(tx);
        let mut sum = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the writer thread panicked"))??;
        sum.unchanged += skipped;
        sum.failed = failed;
        if progress {
            eprint!("\r{:60}\r", "");
        }
        Ok(sum)
    })
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn stance_summary(e: &Edge) -> String {
    e.stances
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Print edges.
pub fn print_edges(out: &mut dyn Write, edges: &[Edge], format: Format) -> Result<()> {
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(edges)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "subject",
                "category",
                "object",
                "negated",
                "modes",
                "claims",
                "documents",
                "outlets",
                "origins",
                "grade",
                "disputed",
                "stances",
                "first",
                "last",
            ])?;
            for e in edges {
                w.write_record([
                    e.subject_name.as_str(),
                    &e.category,
                    &e.object_name,
                    &e.negated.to_string(),
                    &e.modes.join(";"),
                    &e.claims.to_string(),
                    &e.documents.to_string(),
                    &e.outlets.to_string(),
                    &e.origins.to_string(),
                    &e.grade(),
                    &e.disputed.to_string(),
                    &stance_summary(e),
                    e.first.as_deref().unwrap_or(""),
                    e.last.as_deref().unwrap_or(""),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            // 20 + 1 + 14 + 1 + 20 + 4 + 4 + 6 + 9 = 79 columns at most.
            writeln!(
                out,
                "{:<20} {:<14} {:<20} {:>3} {:>3} {:>5}",
                "SUBJECT", "RELATION", "OBJECT", "ORG", "CLM", "GRADE"
            )?;
            for e in edges {
                let rel = format!("{}{}", if e.negated { "NOT " } else { "" }, e.category);
                let mark = if e.disputed { " disputed" } else { "" };
                writeln!(
                    out,
                    "{:<20} {:<14} {:<20} {:>3} {:>3} {:>5}{}",
                    cut(&e.subject_name, 20),
                    cut(&rel, 14),
                    cut(&e.object_name, 20),
                    e.origins,
                    e.claims,
                    e.grade(),
                    mark
                )?;
            }
        }
    }
    Ok(())
}

/// Print claims.
pub fn print_claims(out: &mut dyn Write, claims: &[ClaimRow], format: Format) -> Result<()> {
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(claims)?)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "time",
                "subject",
                "category",
                "mode",
                "object",
                "negated",
                "stance",
                "source",
                "grade",
                "document",
                "outlet",
                "published",
                "sentence",
            ])?;
            for c in claims {
                w.write_record([
                    c.time.as_deref().unwrap_or(""),
                    &c.subject_name,
                    &c.category,
                    c.mode.as_deref().unwrap_or(""),
                    &c.object_name,
                    &c.negated.to_string(),
                    &c.stance,
                    c.source_name.as_deref().unwrap_or(""),
                    &c.grade,
                    &c.document,
                    c.outlet.as_deref().unwrap_or(""),
                    c.published.as_deref().unwrap_or(""),
                    &c.sentence,
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            // Three lines a claim, each within 80 columns: what, the sentence, who and where.
            for c in claims {
                let neg = if c.negated { "NOT " } else { "" };
                let mode = c
                    .mode
                    .as_deref()
                    .map(|m| format!("({m})"))
                    .unwrap_or_default();
                let head = format!(
                    "{} {} {neg}{}{mode} {}",
                    c.time.as_deref().unwrap_or("----------"),
                    c.subject_name,
                    c.category,
                    c.object_name
                );
                writeln!(out, "{}", cut(&head, 80))?;
                writeln!(out, "    «{}»", cut(&c.sentence.replace('\n', " "), 74))?;
                let by = c
                    .source_name
                    .as_deref()
                    .map(|s| format!(" by {s}"))
                    .unwrap_or_default();
                let tail = format!(
                    "    {}{by}, {}; {} {}{}",
                    c.stance,
                    c.grade,
                    c.document,
                    c.outlet.as_deref().unwrap_or(""),
                    c.published
                        .as_deref()
                        .map(|p| format!(", {p}"))
                        .unwrap_or_default()
                );
                writeln!(out, "{}", cut(&tail, 80))?;
            }
        }
    }
    Ok(())
}

/// The bundled public-domain examples, embedded so that `demo` runs from anywhere.
pub const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "d01",
        include_str!("../../../examples/d01.txt"),
        include_str!("../../../examples/d01.meta.json"),
    ),
    (
        "d02",
        include_str!("../../../examples/d02.txt"),
        include_str!("../../../examples/d02.meta.json"),
    ),
    (
        "d03",
        include_str!("../../../examples/d03.txt"),
        include_str!("../../../examples/d03.meta.json"),
    ),
    (
        "d04",
        include_str!("../../../examples/d04.txt"),
        include_str!("../../../examples/d04.meta.json"),
    ),
    (
        "d05",
        include_str!("../../../examples/d05.txt"),
        include_str!("../../../examples/d05.meta.json"),
    ),
    (
        "d06",
        include_str!("../../../examples/d06.txt"),
        include_str!("../../../examples/d06.meta.json"),
    ),
    (
        "d07",
        include_str!("../../../examples/d07.txt"),
        include_str!("../../../examples/d07.meta.json"),
    ),
    (
        "d08",
        include_str!("../../../examples/d08.txt"),
        include_str!("../../../examples/d08.meta.json"),
    ),
    (
        "d09",
        include_str!("../../../examples/d09.txt"),
        include_str!("../../../examples/d09.meta.json"),
    ),
    (
        "d10",
        include_str!("../../../examples/d10.txt"),
        include_str!("../../../examples/d10.meta.json"),
    ),
    (
        "d11",
        include_str!("../../../examples/d11.txt"),
        include_str!("../../../examples/d11.meta.json"),
    ),
];

/// Write the embedded examples to a folder (for `demo`).
pub fn write_examples(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    for (id, text, meta) in EXAMPLES {
        std::fs::write(dir.join(format!("{id}.txt")), text)?;
        std::fs::write(dir.join(format!("{id}.meta.json")), meta)?;
    }
    Ok(())
}
