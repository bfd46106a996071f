//! A load test on loopback, bounded in count: 2,000 requests across the API endpoints at
//! concurrency 16, with no errors. Latencies are printed (`--nocapture`), not asserted: the
//! numbers in BENCHMARKS.md come from `cargo bench -p claimgraph-server --bench load`.

mod common;

#[test]
fn two_thousand_requests_at_concurrency_16_without_errors() {
    let d = tempfile::tempdir().unwrap();
    let db = common::dev_db(d.path());
    let addr = common::spawn(common::state(&db));
    let (ok, bad) = common::load(addr, 2000, 16);
    assert!(
        bad.is_empty(),
        "{} failures, first: {:?}",
        bad.len(),
        bad.first()
    );
    assert_eq!(ok.len(), 2000);
    eprintln!(
        "2000 requests, concurrency 16: p50 {:?}, p99 {:?}",
        common::percentile(&ok, 0.50),
        common::percentile(&ok, 0.99)
    );
}
