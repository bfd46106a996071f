//! Store tests: idempotency, replacement, corroboration, disputes, grades, migrations.

use super::*;
use claimgraph_model::{Document, PartialDate};
use claimgraph_relations::Extractor;

fn doc(id: &str, outlet: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        outlet: Some(outlet.into()),
        published: PartialDate::parse("2020-05-01"),
        hash: format!("{id}:{}", text.len()),
        text: text.into(),
        ..Default::default()
    }
}

fn put(store: &mut Store, docs: &[Document]) -> Vec<Outcome> {
    let ex = Extractor::builtin();
    let mut b = store.batch().unwrap();
    let out = docs
        .iter()
        .map(|d| b.put(d, &ex.extract(d)).unwrap())
        .collect();
    b.commit().unwrap();
    out
}

#[test]
fn idempotent_and_replacing() {
    let mut s = Store::open_in_memory().unwrap();
    let d = doc("a", "Wire", "Iran supplied rockets to Hizballah.");
    assert_eq!(put(&mut s, std::slice::from_ref(&d)), [Outcome::New]);
    assert_eq!(put(&mut s, std::slice::from_ref(&d)), [Outcome::Unchanged]);
    assert_eq!(s.stats().unwrap().claims, 1);
    let d2 = doc(
        "a",
        "Wire",
        "Iran supplied rockets to Hizballah. Hamas attacked Israel.",
    );
    assert_eq!(put(&mut s, &[d2]), [Outcome::Replaced]);
    let st = s.stats().unwrap();
    assert_eq!((st.documents, st.claims), (1, 2));
}

#[test]
fn origins_count_sources_not_outlets() {
    let mut s = Store::open_in_memory().unwrap();
    // Two outlets repeat one source: one origin. A third outlet says it in its own voice.
    put(
        &mut s,
        &[
            doc(
                "a",
                "Outlet A",
                "According to the Treasury, Iran funds Hizballah.",
            ),
            doc(
                "b",
                "Outlet B",
                "According to the Treasury, Iran funds Hizballah.",
            ),
            doc("c", "Outlet C", "Iran funds Hizballah."),
        ],
    );
    let e = s.edges(&EdgeFilter::default()).unwrap();
    let e = e.iter().find(|e| e.category == "AID").unwrap();
    assert_eq!((e.claims, e.documents, e.outlets, e.origins), (3, 3, 3, 2));
    assert_eq!(e.credibility, 1);
}

#[test]
fn disputes_and_grades() {
    let mut s = Store::open_in_memory().unwrap();
    put(
        &mut s,
        &[
            doc("a", "Outlet A", "Iran supplied rockets to Hizballah."),
            doc("b", "Outlet B", "Iran did not supply rockets to Hizballah."),
        ],
    );
    let d = s.disputes().unwrap();
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(d.iter().all(|e| e.credibility == 5));
    s.set_source_grades(SourceGrades::parse("Outlet A,B,wire\n", "g.csv").unwrap());
    let e = s
        .edges(&EdgeFilter {
            category: Some("AID".into()),
            ..Default::default()
        })
        .unwrap();
    let pos = e.iter().find(|e| !e.negated).unwrap();
    assert_eq!(pos.grade(), "B5");
}

#[test]
fn names_resolve_with_suggestions() {
    let mut s = Store::open_in_memory().unwrap();
    put(&mut s, &[doc("a", "W", "Hezbollah attacked Israel.")]);
    assert_eq!(s.resolve_actor("hizballah").unwrap(), "ag_hizballah");
    assert_eq!(s.resolve_actor("Hezbollah").unwrap(), "ag_hizballah");
    let e = s.resolve_actor("Hizb").unwrap_err().to_string();
    assert!(e.contains("did you mean") && e.contains("Hizballah"), "{e}");
}

#[test]
fn refuses_foreign_and_newer_databases() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("other.db");
    let c = rusqlite::Connection::open(&p).unwrap();
    c.execute_batch("CREATE TABLE t(x)").unwrap();
    drop(c);
    let e = Store::open(&p).err().unwrap().to_string();
    assert!(e.contains("not a usable claimgraph database"), "{e}");

    let p = d.path().join("new.db");
    drop(Store::open(&p).unwrap());
    let c = rusqlite::Connection::open(&p).unwrap();
    c.execute(
        "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
        [],
    )
    .unwrap();
    drop(c);
    let e = Store::open(&p).err().unwrap().to_string();
    assert!(e.contains("newer claimgraph"), "{e}");

    let p = d.path().join("junk.db");
    std::fs::write(
        &p,
        b"this is not sqlite at all, just bytes that a user gave us",
    )
    .unwrap();
    let e = Store::open(&p).err().unwrap().to_string();
    assert!(e.contains("junk.db"), "{e}");
}

#[test]
fn search_finds_sentences_with_actors() {
    let mut s = Store::open_in_memory().unwrap();
    put(
        &mut s,
        &[doc(
            "a",
            "W",
            "Hamas fired rockets at Israel. The weather was fine.",
        )],
    );
    let h = s.search("rockets", 10).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].actors, ["Hamas", "Israel"]);
}

#[test]
fn stored_edges_equal_scanned_edges_after_replacements() {
    let mut s = Store::open_in_memory().unwrap();
    put(
        &mut s,
        &[
            doc(
                "a",
                "Outlet A",
                "Iran supplied rockets to Hizballah in 2019. Hamas met Hizballah leaders.",
            ),
            doc(
                "b",
                "Outlet B",
                "According to the Treasury, Iran funds Hizballah. Hizballah met Hamas in 2020.",
            ),
            doc("c", "Outlet A", "Iran did not supply rockets to Hizballah."),
        ],
    );
    // Replace a document with other claims, and drop one relation entirely.
    put(
        &mut s,
        &[doc(
            "a",
            "Outlet C",
            "Iran supplied weapons to Hizballah in 2021, officials said.",
        )],
    );
    let f = EdgeFilter::default();
    let stored = s.finish_edges(s.edges_stored(&f).unwrap(), &f).unwrap();
    let scanned = s.finish_edges(s.edges_scanned(&f).unwrap(), &f).unwrap();
    assert_eq!(
        serde_json::to_value(&stored).unwrap(),
        serde_json::to_value(&scanned).unwrap()
    );
    assert!(stored.iter().any(|e| e.category == "CONSULT"));
    assert!(stored.iter().any(|e| e.first.as_deref() == Some("2021")));
}
