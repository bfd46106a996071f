//! Evidence-graph benchmark: `cargo bench -p claimgraph --bench store`.
//!
//! Builds corpora from the public-domain texts in `examples/` repeated under new ids (JSON
//! lines), ingests them with the release `claimgraph` binary on all cores, and reports:
//! - ingest throughput in words/s and the peak RSS of the ingest process, at two corpus sizes
//!   (memory must stay flat as the corpus grows);
//! - p50/p99 latency of `edges --actor X` and `evidence A B` (first page) on the larger store.
//!
//! `CLAIMGRAPH_BENCH_DOCS` sets the larger size (default 90,000 documents, about 1 million
//! claims and 44 million words); the smaller is a quarter of it.

mod common;
use claimgraph_store::{EdgeFilter, Store};
use std::io::Write;
use std::time::Instant;

fn peak_rss_kb(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

fn ingest(exe: &str, db: &std::path::Path, feed: &std::path::Path) -> (f64, u64, String) {
    let start = Instant::now();
    let mut child = std::process::Command::new(exe)
        .args(["ingest", "--quiet", "--db"])
        .arg(db)
        .arg(feed)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut peak = 0;
    loop {
        if let Some(p) = peak_rss_kb(pid) {
            peak = peak.max(p);
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    (
        start.elapsed().as_secs_f64(),
        peak,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let texts = common::example_texts();
    let big: usize = std::env::var("CLAIMGRAPH_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(90_000);
    let exe = env!("CARGO_BIN_EXE_claimgraph");
    let dir = tempfile::tempdir().unwrap();
    let mut last_db = None;
    for n in [big / 4, big] {
        let feed = dir.path().join(format!("feed-{n}.jsonl"));
        let mut f = std::io::BufWriter::new(std::fs::File::create(&feed).unwrap());
        let mut bytes = 0;
        for i in 0..n {
            let t = &texts[i % texts.len()];
            bytes += t.len();
            let rec = serde_json::json!({"id": format!("doc{i}"), "text": t, "published": "2020-01-01", "outlet": format!("Outlet {}", i % 13)});
            writeln!(f, "{rec}").unwrap();
        }
        drop(f);
        let db = dir.path().join(format!("store-{n}.db"));
        let (secs, peak, summary) = ingest(exe, &db, &feed);
        let words: f64 = summary
            .split(';')
            .nth(1)
            .and_then(|s| s.split_whitespace().next())
            .and_then(|w| w.parse().ok())
            .unwrap_or(0.0);
        println!(
            "ingest {n} documents ({:.0} MB of text, {:.1} M words): {secs:.1} s, {:.0} words/s, peak RSS {:.0} MB",
            bytes as f64 / 1e6,
            words / 1e6,
            words / secs,
            peak as f64 / 1024.0
        );
        println!("  {}", summary.trim());
        last_db = Some(db);
    }
    let db = last_db.unwrap();
    let store = Store::open(&db).unwrap();
    let st = store.stats().unwrap();
    println!(
        "store: {} documents, {} claims, {} edges",
        st.documents, st.claims, st.edges
    );
    let actors = [
        "ag_hizballah",
        "st_iran",
        "ag_hamas",
        "ag_isis_sinai",
        "ag_kh",
        "st_united_states",
    ];
    let mut t_edges = Vec::new();
    for _ in 0..30 {
        for a in actors {
            let s = Instant::now();
            let e = store
                .edges(&EdgeFilter {
                    actor: Some(a.into()),
                    ..Default::default()
                })
                .unwrap();
            t_edges.push(s.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(e);
        }
    }
    let pairs = [
        ("st_iran", "ag_hizballah"),
        ("ag_hamas", "st_israel"),
        ("ag_kh", "st_united_states"),
        ("ag_isis_sinai", "sa_eg_army"),
    ];
    let mut t_ev = Vec::new();
    for _ in 0..30 {
        for (a, b) in pairs {
            let s = Instant::now();
            let e = store.evidence_page(a, b, None, 100, 0).unwrap();
            t_ev.push(s.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(e);
        }
    }
    println!(
        "edges --actor X: p50 {:.2} ms, p99 {:.2} ms ({} queries)",
        percentile(&mut t_edges, 0.5),
        percentile(&mut t_edges, 0.99),
        t_edges.len()
    );
    println!(
        "evidence A B (first page of 100): p50 {:.2} ms, p99 {:.2} ms ({} queries)",
        percentile(&mut t_ev, 0.5),
        percentile(&mut t_ev, 0.99),
        t_ev.len()
    );
}
