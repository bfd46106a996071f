//! The web page end to end, in Debian's headless Chromium driven by playwright-core
//! (`tests/e2e/e2e.mjs`): open the page, search an actor, click an edge on the canvas, check
//! the evidence panel against the store, open the document view, save screenshots under
//! `target/e2e-shots/`; and an injection document whose markup must show as text with nothing
//! run. With `UPDATE_SCREENSHOTS=1` the network and evidence screenshots are also copied to
//! `docs/` for the README.
//!
//! Needs `chromium` (Debian) and `target/e2e/node_modules/playwright-core`
//! (`scripts/setup-test-tools`); `.ci/run` installs both.

mod common;

use assert_cmd::cargo::CommandCargoExt;
use common::{db_json, shared};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn claimgraph() -> Command {
    Command::cargo_bin("claimgraph").unwrap()
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Start `claimgraph serve` on a free port; return it and its URL.
fn serve(db: &Path) -> (Server, String) {
    let mut child = claimgraph()
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("serve printed no URL: {line:?}"))
        .to_string();
    (Server(child), url)
}

const INJECTED: &str = "Iran armed Hizballah in 2016, the report said. \
<script>window.__pwned = 'script'; alert('script ran')</script> \
\"><img src=x onerror=\"window.__pwned = 'img'; alert('onerror ran')\"> \
The text above is data, not markup.\n";

#[test]
fn the_page_in_headless_chromium() {
    let modules = root().join("target/e2e/node_modules");
    assert!(
        modules.join("playwright-core").is_dir(),
        "playwright-core is not installed: run scripts/setup-test-tools (it installs into target/e2e)"
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).exists(),
        "no Chromium at {chromium}: apt-get install chromium (or set CHROMIUM)"
    );
    let d = tempfile::tempdir().unwrap();
    let inj = d.path().join("injected");
    std::fs::create_dir(&inj).unwrap();
    std::fs::write(inj.join("x-injection.txt"), INJECTED).unwrap();
    std::fs::write(
        inj.join("x-injection.meta.json"),
        r#"{"title": "<b>Injected</b> <script>alert(1)</script>", "outlet": "Test"}"#,
    )
    .unwrap();
    let db = d.path().join("e2e.db");
    let out = claimgraph()
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(shared("dev"))
        .arg(&inj)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (_server, url) = serve(&db);
    let shots = root().join("target/e2e-shots");
    std::fs::create_dir_all(&shots).unwrap();
    let out = Command::new("node")
        .arg(root().join("tests/e2e/e2e.mjs"))
        .args([
            url.as_str(),
            shots.to_str().unwrap(),
            "Hizballah",
            "AID",
            "x-injection",
        ])
        .env("E2E_MODULES", &modules)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node must be installed (apt-get install nodejs)");
    assert!(
        out.status.success(),
        "the browser test failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Value = serde_json::from_slice(&out.stdout).unwrap();
    eprintln!("{seen:#}");
    for k in ["dialogs", "pageErrors", "consoleErrors"] {
        assert_eq!(seen[k], serde_json::json!([]), "{k}");
    }
    assert!(seen["edgesDrawn"].as_u64().unwrap() > 50);
    assert_eq!(seen["profileTitle"], "Hizballah");
    assert_eq!(seen["center"], "ag_hizballah");

    // The clicked edge, and the evidence panel against the store's own answers.
    let e = &seen["edge"];
    let (s, o) = (
        e["subject"].as_str().unwrap(),
        e["object"].as_str().unwrap(),
    );
    assert_eq!(e["category"], "AID");
    let edges = db_json(&db, &["edges", "--between", s, o, "--category", "AID"]);
    let stored = edges
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["subject"] == s && x["object"] == o && x["negated"] == e["negated"])
        .expect("the clicked edge is in the store");
    let grade = format!(
        "{}{}",
        stored["reliability"].as_str().unwrap(),
        stored["credibility"]
    );
    assert_eq!(seen["edgeGrade"], grade.as_str());
    let title = seen["evidenceTitle"].as_str().unwrap();
    assert!(
        title.contains(stored["subject_name"].as_str().unwrap())
            && title.contains(stored["object_name"].as_str().unwrap())
            && title.contains("AID"),
        "{title}"
    );
    let claims = db_json(&db, &["evidence", s, o, "--category", "AID"]);
    let want: Vec<(i64, &str, &str)> = claims
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["subject"] == s && c["negated"] == e["negated"])
        .map(|c| {
            (
                c["id"].as_i64().unwrap(),
                c["sentence"].as_str().unwrap(),
                c["grade"].as_str().unwrap(),
            )
        })
        .collect();
    let got: Vec<(i64, &str, &str)> = seen["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_i64().unwrap(),
                c["sentence"].as_str().unwrap(),
                c["grade"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(got.len() as i64, stored["claims"].as_i64().unwrap());
    // The actors are highlighted where the sentence names them: every sentence marks at least
    // one (a profile line may leave its section's actor implicit: "with support from Iran"),
    // and sentences that name both mark both.
    let mut both = 0;
    for c in seen["claims"].as_array().unwrap() {
        let marks: Vec<&str> = c["marked"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        assert!(!marks.is_empty(), "{c}");
        let sentence = c["sentence"].as_str().unwrap();
        for (prefix, name) in [("subj:", "Iran"), ("obj:", "Hizballah")] {
            if sentence.contains(name) {
                assert!(marks.iter().any(|m| m.starts_with(prefix)), "{c}");
            }
        }
        both += (marks.iter().any(|m| m.starts_with("subj:"))
            && marks.iter().any(|m| m.starts_with("obj:"))) as usize;
    }
    assert!(both >= 2, "{both}");
    // The document view of the first claim, with that claim's sentence in focus.
    let first = &claims
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == got[0].0)
        .unwrap();
    assert_eq!(seen["documentTitle"], first["title"]);
    let focus = seen["focus"].as_str().expect("the claim is highlighted");
    assert!(
        first["sentence"]
            .as_str()
            .unwrap()
            .starts_with(focus.trim())
            || focus.contains(first["sentence"].as_str().unwrap()),
        "{focus:?} vs {}",
        first["sentence"]
    );
    assert!(seen["mentionsShown"].as_u64().unwrap() > 3);

    // The injection document: its markup is shown as text and nothing ran.
    let inj = &seen["injection"];
    let text = inj["text"].as_str().unwrap();
    assert!(text.contains("<script>window.__pwned = 'script'"), "{text}");
    assert!(text.contains("\"><img src=x onerror="), "{text}");
    assert_eq!(inj["title"], "<b>Injected</b> <script>alert(1)</script>");
    assert_eq!(inj["images"], 0);
    assert_eq!(inj["scripts"], 0);
    assert_eq!(inj["pwned"], Value::Null);

    for f in [
        "network.png",
        "evidence.png",
        "document.png",
        "injection.png",
    ] {
        let p = shots.join(f);
        let bytes = std::fs::read(&p).unwrap();
        assert!(
            bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
            "{}",
            p.display()
        );
    }
    if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        for f in ["network.png", "evidence.png"] {
            std::fs::copy(shots.join(f), root().join("docs").join(f)).unwrap();
        }
    }
}
