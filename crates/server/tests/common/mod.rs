//! Shared by the API tests, the load test and the load benchmark: a store of the shared dev
//! corpus, a server on a free loopback port, and a small HTTP/1.1 client.

#![allow(dead_code)]

use claimgraph_ingest::{expand, ReadOptions, Reader};
use claimgraph_relations::Extractor;
use claimgraph_server::{AppState, Config};
use claimgraph_store::Store;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub fn shared(sub: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(sub);
    assert!(p.is_dir(), "missing the shared corpus at {}", p.display());
    p
}

/// Ingest paths into a new database at `db`.
pub fn build(db: &Path, paths: &[PathBuf]) {
    let ex = Extractor::builtin();
    let mut store = Store::open(db).unwrap();
    let mut batch = store.batch().unwrap();
    for input in expand(paths) {
        for doc in Reader::open(input.unwrap(), &ReadOptions::default()) {
            let doc = doc.unwrap();
            let x = ex.extract(&doc);
            batch.put(&doc, &x).unwrap();
        }
    }
    batch.commit().unwrap();
}

/// The dev corpus in a database under `dir`.
pub fn dev_db(dir: &Path) -> PathBuf {
    let db = dir.join("dev.db");
    build(&db, &[shared("dev")]);
    db
}

pub fn state(db: &Path) -> Arc<AppState> {
    AppState::open(Config::new(db.to_path_buf())).unwrap()
}

/// Serve on a free loopback port in a background thread; the address.
pub fn spawn(st: Arc<AppState>) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        claimgraph_server::serve(st, "127.0.0.1:0".parse().unwrap(), |a| {
            tx.send(a).unwrap();
        })
        .unwrap();
    });
    rx.recv_timeout(Duration::from_secs(10)).unwrap()
}

/// One GET with `Connection: close`: (status, body, latency).
pub fn get(addr: SocketAddr, path: &str) -> std::io::Result<(u16, Vec<u8>, Duration)> {
    let t = Instant::now();
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(10))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let took = t.elapsed();
    let head_end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no header end"))?;
    let status: u16 = std::str::from_utf8(&buf[9..12])
        .ok()
        .and_then(|x| x.parse().ok())
        .ok_or_else(|| std::io::Error::other("bad status line"))?;
    Ok((status, buf[head_end + 4..].to_vec(), took))
}

/// The requests of the load test: every read endpoint, with real parameters.
pub const PATHS: [&str; 14] = [
    "/api/stats",
    "/api/actors?limit=50",
    "/api/actors/Hizballah",
    "/api/actors?search=hamas",
    "/api/edges?actor=Iran",
    "/api/edges?between=Iran,Hizballah",
    "/api/edges?category=ASSAULT&since=2010",
    "/api/graph",
    "/api/evidence?subject=Iran&object=Hizballah",
    "/api/timeline?actor=Iran",
    "/api/disputes",
    "/api/search?q=weapons",
    "/api/documents/d01",
    "/",
];

/// Fire `total` requests over `PATHS` from `concurrency` threads. Latencies of the successes
/// (sorted) and the failures.
pub fn load(addr: SocketAddr, total: usize, concurrency: usize) -> (Vec<Duration>, Vec<String>) {
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut handles = Vec::new();
    for _ in 0..concurrency {
        let next = next.clone();
        handles.push(std::thread::spawn(move || {
            let mut ok = Vec::new();
            let mut bad = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let path = PATHS[i % PATHS.len()];
                match get(addr, path) {
                    Ok((200, _, t)) => ok.push(t),
                    Ok((s, body, _)) => {
                        bad.push(format!("{path}: {s} {}", String::from_utf8_lossy(&body)))
                    }
                    Err(e) => bad.push(format!("{path}: {e}")),
                }
            }
            (ok, bad)
        }));
    }
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for h in handles {
        let (o, b) = h.join().unwrap();
        ok.extend(o);
        bad.extend(b);
    }
    ok.sort();
    (ok, bad)
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}
