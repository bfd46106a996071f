//! FollowTheMoney entities, one JSON object per line.
//!
//! - Actors: a state or state agency is a `PublicBody`, a person a `Person`, anything else an
//!   `Organization`; with `name`, `alias`, `country` (alpha-2), `parent` (the `part_of` actor,
//!   exported too) and `keywords` carrying claimgraph's id, type, capitals and demonyms, so that
//!   `--actors` reads the file back into the same dictionary entries.
//! - MEMBER edges are `Membership`, LEADS edges `Directorship` (when the object is an
//!   organisation); other edges `UnknownLink` with role `CATEGORY/mode` (`not ...` when
//!   negated) and a description with counts and grade.
//! - Documents are `Document` (title, sourceUrl, publishedAt, publisher).
//! - Each claim is a `Documentation` of its link by its document: role = stance, summary = the
//!   sentence, date = the claim's date.
//!
//! Ids are `cg-<kind>-` and 20 hex digits of a blake3 hash of the thing's natural key, so they
//! are the same on every export of the same data.

use crate::{stance_summary, Node, Snapshot};
use claimgraph_actors::ftm::{alpha2, KEYWORD};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::io::{Result, Write};

/// A deterministic FtM id.
pub(crate) fn fid(kind: &str, key: &str) -> String {
    format!("cg-{kind}-{}", &blake3::hash(key.as_bytes()).to_hex()[..20])
}

fn schema_of(kind: &str) -> &'static str {
    match kind {
        "state" | "state_agency" => "PublicBody",
        "person" => "Person",
        _ => "Organization",
    }
}

fn entity(id: &str, schema: &str, props: Map<String, Value>) -> Value {
    json!({"id": id, "schema": schema, "properties": props})
}

fn put(props: &mut Map<String, Value>, k: &str, v: impl Into<String>) {
    let v = v.into();
    if v.trim().is_empty() {
        return;
    }
    let list = props
        .entry(k.to_string())
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(a) = list {
        if !a.iter().any(|x| x.as_str() == Some(v.as_str())) {
            a.push(Value::String(v));
        }
    }
}

fn actor(n: &Node, ids: &BTreeMap<&str, String>) -> Value {
    let mut p = Map::new();
    put(&mut p, "name", n.name.clone());
    for a in &n.aliases {
        put(&mut p, "alias", a.clone());
    }
    if let Some(c) = n.country.as_deref().and_then(alpha2) {
        put(&mut p, "country", c);
    }
    if let Some(parent) = n.part_of.as_deref() {
        match ids.get(parent) {
            Some(pid) => put(&mut p, "parent", pid.clone()),
            None => put(&mut p, "keywords", format!("{KEYWORD}part_of={parent}")),
        }
    }
    match n.kind.as_str() {
        "state" => put(&mut p, "topics", "gov.national"),
        "political_org" => put(&mut p, "topics", "pol.party"),
        _ => {}
    }
    put(&mut p, "keywords", format!("{KEYWORD}id={}", n.id));
    put(&mut p, "keywords", format!("{KEYWORD}type={}", n.kind));
    for m in &n.metonyms {
        put(&mut p, "keywords", format!("{KEYWORD}capital={m}"));
    }
    for d in &n.demonyms {
        put(&mut p, "keywords", format!("{KEYWORD}demonym={d}"));
    }
    if !n.known {
        put(&mut p, "keywords", format!("{KEYWORD}unknown"));
        put(
            &mut p,
            "notes",
            "Found in the text by claimgraph; not in its dictionary.",
        );
    }
    entity(&ids[n.id.as_str()], schema_of(&n.kind), p)
}

fn http(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

pub(crate) fn write(s: &Snapshot, w: &mut dyn Write) -> Result<()> {
    let ids: BTreeMap<&str, String> = s
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), fid("actor", &n.id)))
        .collect();
    let kinds: BTreeMap<&str, &str> = s
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.kind.as_str()))
        .collect();
    let mut line = |v: Value| -> Result<()> {
        serde_json::to_writer(&mut *w, &v)?;
        w.write_all(b"\n")
    };
    for n in &s.nodes {
        line(actor(n, &ids))?;
    }
    let doc_ids: BTreeMap<&str, String> = s
        .documents
        .iter()
        .map(|d| (d.id.as_str(), fid("doc", &d.id)))
        .collect();
    for d in &s.documents {
        let mut p = Map::new();
        put(
            &mut p,
            "title",
            d.title.clone().unwrap_or_else(|| d.id.clone()),
        );
        put(&mut p, "fileName", d.id.clone());
        if let Some(u) = d.url.as_deref().filter(|u| http(u)) {
            put(&mut p, "sourceUrl", u);
        }
        if let Some(t) = &d.published {
            put(&mut p, "publishedAt", t.clone());
        }
        if let Some(o) = &d.outlet {
            put(&mut p, "publisher", o.clone());
        }
        line(entity(&doc_ids[d.id.as_str()], "Document", p))?;
    }
    let mut link_ids = Vec::with_capacity(s.edges.len());
    for e in &s.edges {
        let key = format!("{}|{}|{}|{}", e.subject, e.category, e.object, e.negated);
        let (sid, oid) = (&ids[e.subject.as_str()], &ids[e.object.as_str()]);
        let object_is_org = kinds.get(e.object.as_str()).copied() != Some("person");
        let mut p = Map::new();
        let mode = if e.modes.is_empty() {
            String::new()
        } else {
            format!("/{}", e.modes.join(","))
        };
        let role = format!(
            "{}{}{}",
            if e.negated { "not " } else { "" },
            e.category,
            mode
        );
        let schema = match e.category.as_str() {
            "MEMBER" if object_is_org && !e.negated => {
                put(&mut p, "member", sid.clone());
                put(&mut p, "organization", oid.clone());
                "Membership"
            }
            "LEADS" if object_is_org && !e.negated => {
                put(&mut p, "director", sid.clone());
                put(&mut p, "organization", oid.clone());
                "Directorship"
            }
            _ => {
                put(&mut p, "subject", sid.clone());
                put(&mut p, "object", oid.clone());
                "UnknownLink"
            }
        };
        put(&mut p, "role", role);
        put(
            &mut p,
            "description",
            format!(
                "{} {}{} {}: {} claims in {} documents, {} independent origins ({}); stances {}; Admiralty grade {}{}.",
                e.subject_name,
                if e.negated { "not " } else { "" },
                e.category,
                e.object_name,
                e.claims,
                e.documents,
                e.origins,
                e.origin_names.join(", "),
                stance_summary(e),
                e.grade(),
                if e.disputed { ", disputed" } else { "" }
            ),
        );
        if let Some(f) = &e.first {
            put(&mut p, "startDate", f.clone());
        }
        if let Some(l) = &e.last {
            put(&mut p, "endDate", l.clone());
        }
        let id = fid("link", &key);
        line(entity(&id, schema, p))?;
        link_ids.push(id);
    }
    // A claim's natural key is its statement: document, evidence span, relation, stance and
    // source. The same statement coded twice (two modes) is told apart by its order.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, c) in &s.claims {
        let mut key = format!(
            "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
            c.document,
            c.start,
            c.end,
            c.subject,
            c.category,
            c.object,
            c.negated,
            c.mode.as_deref().unwrap_or(""),
            c.stance,
            c.source.as_deref().unwrap_or("")
        );
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            key.push_str(&format!("|{n}"));
        }
        let mut p = Map::new();
        put(&mut p, "document", doc_ids[c.document.as_str()].clone());
        put(&mut p, "entity", link_ids[*i].clone());
        put(&mut p, "role", c.stance.clone());
        put(&mut p, "summary", c.sentence.clone());
        if let Some(t) = &c.time {
            put(&mut p, "date", t.clone());
        }
        put(
            &mut p,
            "description",
            format!(
                "source: {}; grade {}; rule {}",
                c.source_name.as_deref().unwrap_or("the outlet"),
                c.grade,
                c.rule
            ),
        );
        line(entity(&fid("claim", &key), "Documentation", p))?;
    }
    Ok(())
}
