//! Helpers shared by the end-to-end tests of the binary.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `claimgraph` binary under test.
pub fn bin() -> Command {
    Command::cargo_bin("claimgraph").unwrap()
}

/// A folder of the shared corpus beside the checkout (`dev`, `seed`, ...).
pub fn shared(sub: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(sub);
    assert!(p.is_dir(), "missing the shared corpus at {}", p.display());
    p
}

/// Run a question against a store with `--format json` and parse the answer.
pub fn db_json(db: &Path, args: &[&str]) -> serde_json::Value {
    let out = bin()
        .args(args)
        .arg("--db")
        .arg(db)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}
