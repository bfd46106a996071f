//! End-to-end tests of the evidence graph: ingest the shared dev corpus and ask real questions;
//! idempotency; a crash mid-ingest; bad databases.

mod common;

use assert_cmd::Command;
use common::db_json;
use std::path::{Path, PathBuf};

fn bin() -> Command {
    Command::cargo_bin("claimgraph").unwrap()
}

fn dev() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/dev");
    assert!(
        p.is_dir(),
        "the shared corpus must sit beside the checkout at {}",
        p.display()
    );
    p
}

fn ingest(db: &Path, paths: &[&Path]) -> std::process::Output {
    let mut c = bin();
    c.arg("ingest").arg("--quiet").arg("--db").arg(db);
    for p in paths {
        c.arg(p);
    }
    c.output().unwrap()
}

#[test]
fn questions_over_the_dev_corpus() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("g.db");
    let out = ingest(&db, &[&dev()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("11 new, 0 unchanged, 0 replaced, 0 failed"),
        "{err}"
    );

    // Edges between two named actors (names resolve through aliases, case-insensitively).
    let e = db_json(&db, &["edges", "--between", "iran", "Hezbollah"]);
    let aid = e
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["category"] == "AID" && e["subject"] == "st_iran" && e["negated"] == false)
        .expect("Iran AID Hizballah is in the corpus");
    // d07 (State) and d08 (DEA/VOA) state it in their own voices: two independent origins.
    assert!(aid["origins"].as_i64().unwrap() >= 2, "{aid}");
    assert_eq!(aid["credibility"], 1, "{aid}");

    // Evidence: each claim carries its sentence, document and grade.
    let ev = db_json(&db, &["evidence", "Iran", "Hizballah", "--category", "AID"]);
    let ev = ev.as_array().unwrap();
    assert!(ev.len() >= 2);
    for c in ev {
        assert!(
            c["sentence"].as_str().unwrap().contains("Iran")
                || c["sentence"].as_str().unwrap().contains("Iranian")
        );
        assert!(c["grade"].as_str().unwrap().starts_with('F'));
    }

    // A timeline in date order.
    let t = db_json(&db, &["timeline", "--actor", "Kata'ib Hizballah"]);
    let times: Vec<&str> = t
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["time"].as_str().unwrap())
        .collect();
    assert!(times.len() >= 2, "{times:?}");
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);

    // A full-text hit with the actors of the sentence.
    let h = db_json(&db, &["search", "Camp Taji"]);
    let h = h.as_array().unwrap();
    assert!(!h.is_empty());
    assert!(
        h[0]["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Kata'ib Hizballah"),
        "{h:?}"
    );

    // A dispute: another outlet denies a relation the corpus asserts.
    let extra = d.path().join("denial.txt");
    std::fs::write(
        &extra,
        "Iran did not provide weapons to Hizballah, the ministry said.",
    )
    .unwrap();
    std::fs::write(
        d.path().join("denial.meta.json"),
        r#"{"outlet":"Tasnim","published":"2021-01-05"}"#,
    )
    .unwrap();
    assert!(ingest(&db, &[&extra]).status.success());
    let disputes = db_json(&db, &["disputes"]);
    assert!(
        disputes
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["subject"] == "st_iran" && e["object"] == "ag_hizballah"),
        "{disputes}"
    );

    // Unknown names get suggestions.
    let out = bin()
        .args(["edges", "--actor", "Hizbal"])
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean"));
}

#[test]
fn ingest_is_idempotent() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("g.db");
    assert!(ingest(&db, &[&dev()]).status.success());
    let first = db_json(&db, &["stats"]);
    let out = ingest(&db, &[&dev()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 new, 11 unchanged, 0 replaced"));
    assert_eq!(db_json(&db, &["stats"]), first);
}

fn check_whole(db: &Path) -> (i64, i64) {
    let c = rusqlite::Connection::open(db).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // Every document has its sentences, and no claim or mention lacks its document.
    let docs: i64 = c
        .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    let partial: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc = d.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let orphans: i64 = c
        .query_row(
            "SELECT (SELECT COUNT(*) FROM claims WHERE doc NOT IN (SELECT id FROM documents))
                  + (SELECT COUNT(*) FROM mentions WHERE doc NOT IN (SELECT id FROM documents))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!((partial, orphans), (0, 0));
    let claims: i64 = c
        .query_row("SELECT COUNT(*) FROM claims", [], |r| r.get(0))
        .unwrap();
    (docs, claims)
}

#[test]
fn a_killed_ingest_leaves_whole_documents_and_resumes() {
    let d = tempfile::tempdir().unwrap();
    // A few thousand documents: the dev texts under new ids.
    let feed = d.path().join("feed.jsonl");
    let mut lines = String::new();
    let texts: Vec<String> = std::fs::read_dir(dev())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let n = 1500;
    for i in 0..n {
        let rec = serde_json::json!({"id": format!("doc{i}"), "text": texts[i % texts.len()], "outlet": format!("Outlet {}", i % 7)});
        lines.push_str(&rec.to_string());
        lines.push('\n');
    }
    std::fs::write(&feed, lines).unwrap();
    let db = d.path().join("g.db");
    let exe = assert_cmd::cargo::cargo_bin("claimgraph");
    let mut child = std::process::Command::new(&exe)
        .args([
            "ingest",
            "--quiet",
            "--batch",
            "32",
            "--threads",
            "1",
            "--db",
        ])
        .arg(&db)
        .arg(&feed)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some batches are in.
    let start = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let some = db.exists()
            && rusqlite::Connection::open(&db)
                .and_then(|c| {
                    c.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
                })
                .unwrap_or(0)
                > 0;
        if some || start.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let (docs, _) = check_whole(&db);
    assert!(
        docs < n as i64,
        "the kill came too late to test anything ({docs} documents)"
    );
    // The same command completes the rest.
    let out = std::process::Command::new(&exe)
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&feed)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (docs, claims) = check_whole(&db);
    assert_eq!(docs, n as i64);
    assert!(claims > 0);
}

#[test]
fn bad_databases_say_what_and_lose_nothing() {
    let d = tempfile::tempdir().unwrap();
    let junk = d.path().join("junk.db");
    std::fs::write(
        &junk,
        b"not a database, just text that someone named .db by mistake",
    )
    .unwrap();
    let out = ingest(&junk, &[&dev()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("junk.db"), "{err}");
    assert_eq!(
        std::fs::read(&junk).unwrap(),
        b"not a database, just text that someone named .db by mistake"
    );
    let ro = d.path().join("no-such-dir/x.db");
    let out = ingest(&ro, &[&dev()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("x.db"));
}

#[test]
fn demo_runs() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("demo.db");
    let out = bin().args(["demo", "--db"]).arg(&db).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("11 public-domain"), "{s}");
    assert!(
        s.contains("Strongest edges") && s.contains("Try next"),
        "{s}"
    );
}

#[test]
fn tables_fit_80_columns() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("g.db");
    assert!(ingest(&db, &[&dev()]).status.success());
    for args in [
        vec!["edges"],
        vec!["evidence", "Iran", "Hizballah"],
        vec!["timeline", "--actor", "Hamas"],
        vec!["actors"],
    ] {
        let out = bin().args(&args).arg("--db").arg(&db).output().unwrap();
        assert!(out.status.success());
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            assert!(
                line.chars().count() <= 80,
                "{args:?}: {} columns: {line}",
                line.chars().count()
            );
        }
    }
}
