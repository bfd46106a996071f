//! Exports proven by their real consumers: networkx reads the GraphML and GEXF, the
//! followthemoney package parses every FtM entity, the Neo4j CSV files are checked against the
//! import tool's header syntax, and an FtM export read back as a dictionary recognises the same
//! actors.
//!
//! The Python consumers live in `target/consumers` (made by `scripts/setup-test-tools`, which
//! `scripts/test` and `.ci/run` call), or wherever `CLAIMGRAPH_PYTHON` points.

mod common;

use common::{bin, db_json, shared};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("CLAIMGRAPH_PYTHON") {
        return PathBuf::from(p);
    }
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/consumers/bin/python");
    assert!(
        p.exists(),
        "the export consumers (networkx, followthemoney) are not installed: run \
         scripts/setup-test-tools (or set CLAIMGRAPH_PYTHON to a python that has them)"
    );
    p
}

fn run(args: &[&str], db: &Path) -> std::process::Output {
    let out = bin().args(args).arg("--db").arg(db).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A store of the dev corpus and the origin article.
fn store(dir: &Path) -> PathBuf {
    let db = dir.join("g.db");
    let out = bin()
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(shared("dev"))
        .arg(shared("seed"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

fn edge_key(e: &Value) -> (String, String, String, bool) {
    (
        e["subject"].as_str().unwrap().to_string(),
        e["category"].as_str().unwrap().to_string(),
        e["object"].as_str().unwrap().to_string(),
        e["negated"].as_bool().unwrap(),
    )
}

#[test]
fn networkx_and_followthemoney_read_the_exports() {
    let d = tempfile::tempdir().unwrap();
    let db = store(d.path());
    let edges = db_json(&db, &["edges"]);
    let edges = edges.as_array().unwrap();
    assert!(edges.len() > 50, "{} edges", edges.len());
    let claims_total: i64 = edges.iter().map(|e| e["claims"].as_i64().unwrap()).sum();
    let actors: BTreeSet<&str> = edges
        .iter()
        .flat_map(|e| {
            [
                e["subject"].as_str().unwrap(),
                e["object"].as_str().unwrap(),
            ]
        })
        .collect();
    let paths: Vec<PathBuf> = ["x.graphml", "x.gexf", "x.ftm.json"]
        .iter()
        .map(|f| d.path().join(f))
        .collect();
    for (fmt, p) in ["graphml", "gexf", "ftm"].iter().zip(&paths) {
        run(&["export", "--format", fmt, "-o", p.to_str().unwrap()], &db);
    }
    let out = std::process::Command::new(python())
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/consumers/check_exports.py"))
        .args(&paths)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the consumers failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen: Value = serde_json::from_slice(&out.stdout).unwrap();
    let by_key: BTreeMap<_, &Value> = edges.iter().map(|e| (edge_key(e), e)).collect();
    for fmt in ["graphml", "gexf"] {
        let g = &seen[fmt];
        assert_eq!(
            g["nodes"].as_u64().unwrap() as usize,
            actors.len(),
            "{fmt} nodes"
        );
        assert_eq!(
            g["edges"].as_u64().unwrap() as usize,
            edges.len(),
            "{fmt} edges"
        );
        for ge in g["edge_list"].as_array().unwrap() {
            let k = (
                ge["source"].as_str().unwrap().to_string(),
                ge["category"].as_str().unwrap().to_string(),
                ge["target"].as_str().unwrap().to_string(),
                ge["negated"].as_bool().unwrap(),
            );
            let e = by_key
                .get(&k)
                .unwrap_or_else(|| panic!("{fmt}: edge {k:?} is not in the store"));
            for a in ["claims", "origins", "credibility"] {
                assert_eq!(ge[a].as_i64(), e[a].as_i64(), "{fmt} {k:?} {a}");
            }
            assert_eq!(ge["first"].as_str(), e["first"].as_str(), "{fmt} {k:?}");
            let modes: Vec<&str> = e["modes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap())
                .collect();
            assert_eq!(
                ge["mode"].as_str().unwrap_or(""),
                modes.join(";"),
                "{fmt} {k:?}"
            );
            if fmt == "gexf" {
                if let Some(f) = e["first"].as_str() {
                    assert!(ge["start"].as_str().unwrap().starts_with(f), "{k:?}");
                }
            }
        }
        for (id, ty) in g["node_types"].as_object().unwrap() {
            assert!(actors.contains(id.as_str()), "{fmt}: node {id}");
            assert!(
                ty.as_str().is_some_and(|t| !t.is_empty()),
                "{fmt}: {id} type"
            );
        }
    }
    let ftm = &seen["ftm"];
    let problems = ftm["problems"].as_array().unwrap();
    assert!(problems.is_empty(), "followthemoney: {problems:?}");
    assert_eq!(ftm["schemas"]["Documentation"].as_i64(), Some(claims_total));
    let links: i64 = ["UnknownLink", "Membership", "Directorship"]
        .iter()
        .filter_map(|s| ftm["schemas"][s].as_i64())
        .sum();
    assert_eq!(links as usize, edges.len());
    assert!(ftm["references"].as_i64().unwrap() > 2 * claims_total);
    // Deterministic ids: a second export is byte for byte the same.
    let again = d.path().join("again.ftm.json");
    run(
        &["export", "--format", "ftm", "-o", again.to_str().unwrap()],
        &db,
    );
    assert_eq!(
        std::fs::read(&paths[2]).unwrap(),
        std::fs::read(&again).unwrap()
    );
}

/// A Neo4j header field: `name`, `name:type`, `:ID`, `name:ID`, `:LABEL`, `:TYPE`,
/// `:START_ID`, `:END_ID`, with the types neo4j-admin knows (optionally arrays).
fn neo4j_field_ok(f: &str) -> bool {
    const TYPES: [&str; 11] = [
        "int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "date",
        "datetime",
    ];
    const SPECIAL: [&str; 5] = ["ID", "LABEL", "TYPE", "START_ID", "END_ID"];
    match f.split_once(':') {
        None => !f.is_empty() && f.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
        Some((name, ty)) => {
            let name_ok = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            let ty = ty.strip_suffix("[]").unwrap_or(ty);
            name_ok && (SPECIAL.contains(&ty) || (!name.is_empty() && TYPES.contains(&ty)))
        }
    }
}

fn read_csv(p: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(p).unwrap();
    let h = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect();
    (h, rows)
}

#[test]
fn neo4j_files_follow_the_import_syntax_and_ids_resolve() {
    let d = tempfile::tempdir().unwrap();
    let db = store(d.path());
    let dir = d.path().join("neo4j");
    run(
        &["export", "--format", "neo4j", "-o", dir.to_str().unwrap()],
        &db,
    );
    let (h, _) = read_csv(&dir.join("actors.csv"));
    assert_eq!(h, ["id:ID", "name", "type", ":LABEL"]);
    let (h, rel) = read_csv(&dir.join("relations.csv"));
    assert_eq!(
        h,
        [
            ":START_ID",
            ":END_ID",
            ":TYPE",
            "mode",
            "claims:int",
            "origins:int",
            "credibility:int"
        ]
    );
    let mut ids = BTreeSet::new();
    for f in ["actors.csv", "claims.csv", "documents.csv"] {
        let (h, rows) = read_csv(&dir.join(f));
        assert!(h.iter().all(|x| neo4j_field_ok(x)), "{f}: {h:?}");
        let id = h.iter().position(|x| x.ends_with(":ID")).unwrap();
        let label = h.iter().position(|x| x == ":LABEL").unwrap();
        assert!(!rows.is_empty(), "{f} is empty");
        for r in rows {
            assert!(ids.insert(r[id].clone()), "{f}: id {} twice", r[id]);
            assert!(!r[label].is_empty(), "{f}: no label");
        }
    }
    let (h, links) = read_csv(&dir.join("claim_links.csv"));
    assert_eq!(h, [":START_ID", ":END_ID", ":TYPE"]);
    for r in rel.iter().chain(&links) {
        assert!(ids.contains(&r[0]), "start {} is not a node", r[0]);
        assert!(ids.contains(&r[1]), "end {} is not a node", r[1]);
        assert!(
            r[2].chars().all(|c| c.is_ascii_uppercase() || c == '_'),
            "type {}",
            r[2]
        );
    }
    for r in &rel {
        for v in &r[4..7] {
            v.parse::<i64>().expect("int column");
        }
    }
    assert!(neo4j_field_ok("claims:int") && !neo4j_field_ok("claims:integer"));
    assert!(!neo4j_field_ok(":START") && !neo4j_field_ok("a b"));
}

fn recognised(args: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let out = bin()
        .arg("extract")
        .args(args)
        .arg(shared("dev"))
        .arg(shared("seed"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let ids = v["actors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_str().unwrap().to_string())
                .collect();
            (v["document"]["id"].as_str().unwrap().to_string(), ids)
        })
        .collect()
}

#[test]
fn an_ftm_export_read_back_as_a_dictionary_recognises_the_same_actors() {
    let d = tempfile::tempdir().unwrap();
    let db = store(d.path());
    let ftm = d.path().join("actors.ftm.json");
    run(
        &["export", "--format", "ftm", "-o", ftm.to_str().unwrap()],
        &db,
    );
    let before = recognised(&[]);
    let after = recognised(&["--actors", ftm.to_str().unwrap()]);
    assert_eq!(before.len(), 12);
    for (doc, ids) in &before {
        assert_eq!(Some(ids), after.get(doc), "{doc}");
    }
    // The exported dictionary actors replace their built-in rows one for one (actors found in
    // the text are not turned into dictionary entries).
    let listing = |extra: &[&Path]| {
        let mut c = bin();
        c.arg("dictionary");
        for p in extra {
            c.arg("--actors").arg(p);
        }
        let out = c.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().lines().count()
    };
    assert_eq!(listing(&[]), listing(&[&ftm]));
}

#[test]
fn json_exports_carry_misp_admiralty_tags() {
    let d = tempfile::tempdir().unwrap();
    let db = store(d.path());
    let out = run(&["export", "--format", "jsonl"], &db);
    let text = String::from_utf8(out.stdout).unwrap();
    let mut n = 0;
    for l in text.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        let g = v["grade"].as_str().unwrap();
        let tags: Vec<&str> = v["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        assert_eq!(
            tags,
            [
                format!(
                    "admiralty-scale:source-reliability=\"{}\"",
                    g[..1].to_ascii_lowercase()
                ),
                format!("admiralty-scale:information-credibility=\"{}\"", &g[1..])
            ]
        );
        assert!(v["sentence"].as_str().is_some_and(|s| !s.is_empty()));
        n += 1;
    }
    let stats = db_json(&db, &["stats"]);
    assert_eq!(n as i64, stats["claims"].as_i64().unwrap());
    // Cytoscape: claim ids in edge data, every edge end is a node.
    let cy: Value =
        serde_json::from_slice(&run(&["export", "--format", "cytoscape"], &db).stdout).unwrap();
    let nodes: BTreeSet<&str> = cy["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["data"]["id"].as_str().unwrap())
        .collect();
    let mut claim_ids = 0;
    for e in cy["elements"]["edges"].as_array().unwrap() {
        assert!(nodes.contains(e["data"]["source"].as_str().unwrap()));
        assert!(nodes.contains(e["data"]["target"].as_str().unwrap()));
        claim_ids += e["data"]["claim_ids"].as_array().unwrap().len();
        assert_eq!(e["data"]["tags"].as_array().unwrap().len(), 2);
    }
    assert_eq!(claim_ids, n);
    // CSV: one row per edge and per claim.
    let dir = d.path().join("csv");
    run(
        &["export", "--format", "csv", "-o", dir.to_str().unwrap()],
        &db,
    );
    let (_, claims) = read_csv(&dir.join("claims.csv"));
    assert_eq!(claims.len(), n);
    // A folder format without a folder is a clear error.
    let out = bin()
        .args(["export", "--format", "neo4j", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("give a folder with -o DIR"));
}
