//! Load benchmark of `claimgraph serve` on loopback: 2,000 requests across the API endpoints
//! at concurrency 16 (as the load test), over the shared dev corpus; prints p50, p99 and
//! requests/s. `cargo bench -p claimgraph-server --bench load`.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let d = tempfile::tempdir().unwrap();
    let db = common::dev_db(d.path());
    let addr = common::spawn(common::state(&db));
    // Warm the pool and caches.
    let _ = common::load(addr, 200, 16);
    let t = std::time::Instant::now();
    let (ok, bad) = common::load(addr, 2000, 16);
    let secs = t.elapsed().as_secs_f64();
    assert!(bad.is_empty(), "{bad:?}");
    println!(
        "serve load: 2000 requests, concurrency 16, {} errors: p50 {:.2} ms, p99 {:.2} ms, {:.0} requests/s",
        bad.len(),
        common::percentile(&ok, 0.50).as_secs_f64() * 1e3,
        common::percentile(&ok, 0.99).as_secs_f64() * 1e3,
        2000.0 / secs
    );
    for p in common::PATHS {
        let mut v: Vec<_> = (0..50).map(|_| common::get(addr, p).unwrap().2).collect();
        v.sort();
        println!(
            "  {p:<48} p50 {:.2} ms  p99 {:.2} ms",
            common::percentile(&v, 0.5).as_secs_f64() * 1e3,
            common::percentile(&v, 0.99).as_secs_f64() * 1e3
        );
    }
}
