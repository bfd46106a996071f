//! End-to-end tests of the `claimgraph` binary: the README's commands, bad inputs, and the
//! recognition floor on the shared corpus.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn bin() -> Command {
    Command::cargo_bin("claimgraph").unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared() -> PathBuf {
    let p = repo().join("../shared/corpus");
    assert!(
        p.is_dir(),
        "the shared corpus must sit beside the checkout at {}",
        p.display()
    );
    p
}

fn lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn extract_examples_follows_the_contract() {
    let out = bin()
        .arg("extract")
        .arg(repo().join("examples"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = lines(&out.stdout);
    assert_eq!(docs.len(), 11);
    for d in &docs {
        let doc = &d["document"];
        assert!(doc["id"].as_str().unwrap().starts_with('d'));
        assert!(doc["published"].is_string(), "sidecar read: {doc}");
        let path = doc["path"].as_str().unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for a in d["actors"].as_array().unwrap() {
            for m in a["mentions"].as_array().unwrap() {
                let (s, e) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                let got: String = chars[s..e].iter().collect();
                assert_eq!(got, m["text"].as_str().unwrap());
            }
        }
        for r in d["relations"].as_array().unwrap() {
            let ev = &r["evidence"];
            let (s, e) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            let got: String = chars[s..e].iter().collect();
            assert_eq!(got, ev["text"].as_str().unwrap());
            assert!(r["rule"].as_str().unwrap().contains(':'));
        }
    }
}

#[test]
fn text_format_is_readable() {
    let out = bin()
        .args(["extract", "--format", "text", "--explain"])
        .arg(repo().join("examples/d05.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("Kata'ib Hizballah"), "{s}");
    assert!(s.contains("-SANCTION"), "{s}");
    assert!(s.contains("rule verb:designate"), "{s}");
}

#[test]
fn stdin_html_and_overrides() {
    let html = "<html><head><title>T</title></head><body><article><p>Iran supplied rockets to Hizballah, officials said on Monday in a statement.</p></article></body></html>";
    let out = bin()
        .args([
            "extract",
            "--published",
            "2021-03-10",
            "--outlet",
            "Wire",
            "-",
        ])
        .write_stdin(html)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d = &lines(&out.stdout)[0];
    assert_eq!(d["document"]["outlet"], "Wire");
    assert_eq!(d["document"]["published"], "2021-03-10");
    let rels = d["relations"].as_array().unwrap();
    assert!(
        rels.iter().any(|r| r["subject"] == "st_iran"
            && r["category"] == "AID"
            && r["object"] == "ag_hizballah"
            && r["time"] == "2021-03-08"),
        "{rels:?}"
    );
}

#[test]
fn bad_inputs_are_named_and_the_rest_runs() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    std::fs::write(p.join("good.txt"), "Hamas attacked Israel.").unwrap();
    std::fs::write(p.join("binary.txt"), [0u8, 1, 2, 3, 0, 0]).unwrap();
    std::fs::write(p.join("latin1.txt"), b"Caf\xe9 Hamas").unwrap();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    std::fs::write(p.join("side.txt"), "Text.").unwrap();
    std::fs::write(p.join("side.meta.json"), "{not json").unwrap();
    std::fs::write(p.join("big.txt"), "word ".repeat(1000)).unwrap();
    std::fs::write(
        p.join("recs.jsonl"),
        "{\"id\":\"r1\",\"text\":\"Iran funds Hamas.\"}\nnot json\n",
    )
    .unwrap();
    let out = bin()
        .args(["extract", "--max-bytes", "2000"])
        .arg(p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for want in [
        "binary.txt",
        "latin1.txt: not valid UTF-8",
        "empty.txt: empty",
        "side.meta.json: bad sidecar",
        "big.txt",
        "limit",
        "recs.jsonl:2:",
    ] {
        assert!(err.contains(want), "{want} not in {err}");
    }
    let ids: Vec<String> = lines(&out.stdout)
        .iter()
        .map(|d| d["document"]["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["good", "r1"]);
}

#[test]
fn a_bad_dictionary_row_says_where() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("mine.csv");
    std::fs::write(
        &f,
        "id,name,type,aliases,part_of,country\nx_1,X,planet,,,\n",
    )
    .unwrap();
    let out = bin()
        .args(["extract", "--actors"])
        .arg(&f)
        .arg(repo().join("examples/d05.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mine.csv:2:") && err.contains("planet"),
        "{err}"
    );
}

#[test]
fn user_dictionary_adds_actors() {
    let d = tempfile::tempdir().unwrap();
    let f = d.path().join("mine.csv");
    std::fs::write(&f, "id,name,type,aliases,part_of,country\nag_mmy,Mai-Mai Yakutumba,armed_group,Yakutumba|CNPSC,,COD\n").unwrap();
    let out = bin()
        .args(["extract", "--actors"])
        .arg(&f)
        .arg("-")
        .write_stdin("The CNPSC attacked the town, and Yakutumba fighters fled.")
        .output()
        .unwrap();
    let d = &lines(&out.stdout)[0];
    let a = d["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "ag_mmy")
        .expect("user actor found");
    assert_eq!(a["mentions"].as_array().unwrap().len(), 2);
}

/// Share of gold actors recognised on a shared corpus folder, as score.py computes it.
fn recognised(part: &str) -> f64 {
    let dir = shared().join(part);
    let out = bin().arg("extract").arg(&dir).output().unwrap();
    let tmp = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(tmp.path(), &out.stdout).unwrap();
    let score = std::process::Command::new("python3")
        .arg(repo().join("../shared/tools/score.py"))
        .arg(&dir)
        .arg(tmp.path())
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    let s = String::from_utf8_lossy(&score.stdout);
    let json_end = s.rfind('}').unwrap();
    let start = s.find('{').unwrap();
    let v: serde_json::Value = serde_json::from_str(&s[start..=json_end]).unwrap();
    v["actors_recognised"].as_f64().unwrap()
}

#[test]
fn recognition_floor_on_the_shared_corpus() {
    // Issue 2 asks for 0.95 on both; measured 0.959 (dev) and 0.968 (seed) when this was set.
    let dev = recognised("dev");
    let seed = recognised("seed");
    eprintln!("recognised: dev {dev:.3}, seed {seed:.3}");
    assert!(dev >= 0.95, "dev recognised {dev:.3}");
    assert!(seed >= 0.95, "seed recognised {seed:.3}");
}

#[test]
fn user_lexicon_adds_triggers_and_bad_lines_say_where() {
    let d = tempfile::tempdir().unwrap();
    let lex = d.path().join("mine.tsv");
    std::fs::write(
        &lex,
        "# my triggers\nbankroll|bankrolls|bankrolled	AID	funding	verb\n",
    )
    .unwrap();
    let out = bin()
        .args(["extract", "--lexicon"])
        .arg(&lex)
        .arg("-")
        .write_stdin("Iran quietly underwrote Hamas. Qatar bankrolled Hamas.")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d0 = &lines(&out.stdout)[0];
    let rels = d0["relations"].as_array().unwrap();
    assert!(
        rels.iter().any(|r| r["subject"] == "st_qatar"
            && r["category"] == "AID"
            && r["mode"] == "funding"),
        "{rels:?}"
    );
    let bad = d.path().join("bad.tsv");
    std::fs::write(&bad, "supply\tAID\t-\n").unwrap();
    let out = bin()
        .args(["extract", "--lexicon"])
        .arg(&bad)
        .arg(repo().join("examples/d05.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.tsv:1:"));
}

/// The seed's relations as a snapshot of structure only (ids, categories, stances, offsets, rules):
/// the article is not public domain, so no text of it is kept in the repository.
#[test]
fn seed_snapshot() {
    let seed = shared().join("seed/seed.txt");
    let out = bin().arg("extract").arg(&seed).output().unwrap();
    assert!(out.status.success());
    let d = &lines(&out.stdout)[0];
    let mut got = String::new();
    for r in d["relations"].as_array().unwrap() {
        got.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            r["subject"].as_str().unwrap(),
            r["category"].as_str().unwrap(),
            r["object"].as_str().unwrap(),
            r["negated"],
            r["stance"].as_str().unwrap(),
            r["source"].as_str().unwrap_or("-"),
            r["time"].as_str().unwrap_or("-"),
            r["evidence"]["start"],
            r["evidence"]["end"],
            r["rule"].as_str().unwrap(),
        ));
    }
    let snap = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/seed.relations.tsv");
    if std::env::var("UPDATE_SNAPSHOTS").is_ok() {
        std::fs::create_dir_all(snap.parent().unwrap()).unwrap();
        std::fs::write(&snap, &got).unwrap();
    }
    let want =
        std::fs::read_to_string(&snap).expect("snapshot exists; create it with UPDATE_SNAPSHOTS=1");
    if got != want {
        let gl: Vec<&str> = got.lines().collect();
        let wl: Vec<&str> = want.lines().collect();
        let added: Vec<&&str> = gl.iter().filter(|l| !wl.contains(l)).collect();
        let removed: Vec<&&str> = wl.iter().filter(|l| !gl.contains(l)).collect();
        panic!(
            "the seed's relations changed; review and re-run with UPDATE_SNAPSHOTS=1\nadded: {added:#?}\nremoved: {removed:#?}"
        );
    }
}
