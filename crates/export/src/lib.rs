//! Exports of the evidence graph into the formats analysts' tools open: GraphML and GEXF
//! (Gephi, networkx), the Neo4j bulk-import CSV files, FollowTheMoney entities (Aleph,
//! OpenAleph, OpenSanctions tools), Cytoscape.js elements, flat CSV and JSON.
//!
//! Every format is written from one [`Snapshot`]: the edges that an [`EdgeFilter`] selects (the
//! same filter as `claimgraph edges`), their actors and the claims and documents behind them.
//! Edge ids (`e0`, `e1`, ...) follow the order of `edges`, strongest first, and are the same in
//! every format of one export.
//!
//! ```no_run
//! use claimgraph_export::{Format, Snapshot};
//! use claimgraph_store::{EdgeFilter, Store};
//! let store = Store::open("claimgraph.db".as_ref()).unwrap();
//! let snap = Snapshot::load(&store, &EdgeFilter::default(), None).unwrap();
//! let mut out = Vec::new();
//! claimgraph_export::write(&snap, Format::Graphml, &mut out).unwrap();
//! ```

mod ftm;
mod xml;

pub use xml::family;

use claimgraph_actors::Recognizer;
use claimgraph_store::{ClaimRow, DocumentMeta, Edge, EdgeFilter, Store, StoreError};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

/// What can go wrong in an export.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing failed.
    #[error("cannot write {what}: {source}")]
    Io {
        /// What was being written.
        what: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A format that writes several files was asked for one stream.
    #[error("the {0} export writes several files: give a folder with -o DIR")]
    NeedsFolder(&'static str),
}

type Result<T> = std::result::Result<T, ExportError>;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GraphML (Gephi, yEd, networkx, igraph).
    Graphml,
    /// GEXF 1.3, dynamic: edges carry start and end dates for Gephi's timeline.
    Gexf,
    /// The `neo4j-admin database import full` CSV files, in a folder.
    Neo4j,
    /// FollowTheMoney entity JSON lines.
    Ftm,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// `edges.csv` and `claims.csv`, in a folder.
    Csv,
    /// One JSON document: actors, edges and claims, with MISP Admiralty tags.
    Json,
    /// Claims with everything, one JSON object per line, with MISP Admiralty tags.
    Jsonl,
}

impl Format {
    /// All formats with their names.
    pub const ALL: [(Format, &'static str); 8] = [
        (Format::Graphml, "graphml"),
        (Format::Gexf, "gexf"),
        (Format::Neo4j, "neo4j"),
        (Format::Ftm, "ftm"),
        (Format::Cytoscape, "cytoscape"),
        (Format::Csv, "csv"),
        (Format::Json, "json"),
        (Format::Jsonl, "jsonl"),
    ];

    /// The format's name.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("", |x| x.1)
    }

    /// The format by name.
    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(s))
            .map(|x| x.0)
    }

    /// Does it write a folder of files?
    pub fn is_folder(self) -> bool {
        matches!(self, Format::Neo4j | Format::Csv)
    }
}

/// An actor of the export.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// Actor id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Type (state, armed_group, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// From the dictionary.
    pub known: bool,
    /// Parent actor id.
    pub part_of: Option<String>,
    /// Dictionary aliases and the forms the documents name it by.
    pub aliases: Vec<String>,
    /// Capitals standing for it (dictionary `@` aliases).
    #[serde(skip)]
    pub metonyms: Vec<String>,
    /// Adjectives of nationality (dictionary `~` aliases).
    #[serde(skip)]
    pub demonyms: Vec<String>,
    /// ISO 3166-1 alpha-3 country.
    pub country: Option<String>,
    /// Edges of the export that touch it.
    pub degree: usize,
    /// In the export only as the parent of another actor.
    #[serde(skip)]
    pub ancestor_only: bool,
}

/// Everything one export writes.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// Actors: the edges' ends, then (marked `ancestor_only`) their parents.
    pub nodes: Vec<Node>,
    /// Edges, strongest first.
    pub edges: Vec<Edge>,
    /// Claims with the index of their edge.
    pub claims: Vec<(usize, ClaimRow)>,
    /// The documents of the claims.
    pub documents: Vec<DocumentMeta>,
}

impl Snapshot {
    /// Read the edges that `f` selects, with their actors, claims and documents. `dict` adds
    /// dictionary aliases and countries (default: the built-in dictionary's).
    pub fn load(store: &Store, f: &EdgeFilter, dict: Option<&Recognizer>) -> Result<Snapshot> {
        let builtin;
        let dict = match dict {
            Some(d) => d,
            None => {
                builtin = Recognizer::builtin();
                &builtin
            }
        };
        let edges = store.edges(f)?;
        let claims = store.claims_of(f, &edges)?;
        let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
        let mut order: Vec<&str> = Vec::new();
        for e in &edges {
            for id in [e.subject.as_str(), e.object.as_str()] {
                let d = degree.entry(id).or_insert(0);
                if *d == 0 {
                    order.push(id);
                }
                *d += 1;
            }
        }
        let mut nodes = Vec::new();
        let mut have: BTreeSet<String> = BTreeSet::new();
        let mut queue: Vec<(String, bool)> = order.iter().map(|s| (s.to_string(), false)).collect();
        let mut i = 0;
        while i < queue.len() {
            let (id, ancestor) = queue[i].clone();
            i += 1;
            if !have.insert(id.clone()) {
                continue;
            }
            let entry = dict.entry(&id);
            let row = store.actor_row(&id)?;
            let (name, kind, known, part_of) = match (&row, entry) {
                (Some(r), _) => (r.name.clone(), r.kind.clone(), r.known, r.part_of.clone()),
                (None, Some(e)) => (
                    e.name.clone(),
                    e.kind.as_str().to_string(),
                    true,
                    e.part_of.clone(),
                ),
                (None, None) => continue,
            };
            let mut aliases: Vec<String> = Vec::new();
            let mut push = |a: &str| {
                if a != name && !aliases.iter().any(|x| x == a) {
                    aliases.push(a.to_string());
                }
            };
            // A dictionary actor keeps its dictionary aliases: the forms the documents used
            // include capitals, demonyms and descriptions ("the group"), which are not names.
            // An actor found in the text keeps the forms that look like names.
            match entry {
                Some(e) => e.aliases.iter().for_each(|a| push(a)),
                None if row.is_some() => store
                    .aliases(&id)?
                    .iter()
                    .filter(|a| looks_like_name(a))
                    .for_each(|a| push(a)),
                None => {}
            }
            if let Some(p) = &part_of {
                queue.push((p.clone(), true));
            }
            nodes.push(Node {
                degree: degree.get(id.as_str()).copied().unwrap_or(0),
                metonyms: entry.map(|e| e.metonyms.clone()).unwrap_or_default(),
                demonyms: entry.map(|e| e.demonyms.clone()).unwrap_or_default(),
                country: entry.and_then(|e| e.country.clone()),
                id,
                name,
                kind,
                known,
                part_of,
                aliases,
                ancestor_only: ancestor,
            });
        }
        let docs: BTreeSet<&str> = claims.iter().map(|(_, c)| c.document.as_str()).collect();
        let mut documents = Vec::new();
        for d in docs {
            if let Some(m) = store.document_meta(d)? {
                documents.push(m);
            }
        }
        Ok(Snapshot {
            nodes,
            edges,
            claims,
            documents,
        })
    }

    /// The actors at the ends of edges (the graph formats' nodes).
    pub fn graph_nodes(&self) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(|n| !n.ancestor_only)
    }

    /// Claim ids of each edge.
    fn claim_ids(&self) -> Vec<Vec<i64>> {
        let mut v = vec![Vec::new(); self.edges.len()];
        for (i, c) in &self.claims {
            v[*i].push(c.id);
        }
        v
    }
}

/// A form that names (not "the group", "its leader"): some word after a leading determiner
/// starts with a capital.
fn looks_like_name(form: &str) -> bool {
    const DET: [&str; 8] = [
        "the", "this", "that", "these", "those", "its", "their", "his",
    ];
    let mut words = form.split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| DET.contains(&w.to_lowercase().as_str()))
    {
        words.next();
    }
    words
        .filter(|w| !w.is_empty())
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Several values in one field, separated by `;` (a `;` inside a value becomes `,`).
pub fn join(values: &[String]) -> String {
    values
        .iter()
        .map(|v| v.replace(';', ","))
        .collect::<Vec<_>>()
        .join(";")
}

/// The edge id used in every format.
pub fn edge_id(i: usize) -> String {
    format!("e{i}")
}

/// Stance counts as `asserted:2;alleged:1`.
pub fn stance_summary(e: &Edge) -> String {
    let mut v: Vec<(&String, &i64)> = e.stances.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .map(|(s, n)| format!("{s}:{n}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// MISP tags of an Admiralty grade, e.g. `admiralty-scale:source-reliability="b"` and
/// `admiralty-scale:information-credibility="2"` for B2.
pub fn misp_tags(grade: &str) -> Vec<String> {
    let mut chars = grade.chars();
    let (Some(r), Some(c)) = (chars.next(), chars.next()) else {
        return Vec::new();
    };
    vec![
        format!(
            "admiralty-scale:source-reliability=\"{}\"",
            r.to_ascii_lowercase()
        ),
        format!("admiralty-scale:information-credibility=\"{c}\""),
    ]
}

fn io(what: &str) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        what: what.to_string(),
        source,
    }
}

/// Write a single-stream format.
pub fn write(s: &Snapshot, format: Format, out: &mut dyn Write) -> Result<()> {
    let r = match format {
        Format::Graphml => xml::graphml(s, out),
        Format::Gexf => xml::gexf(s, out),
        Format::Ftm => ftm::write(s, out),
        Format::Cytoscape => cytoscape(s, out),
        Format::Json => json(s, out),
        Format::Jsonl => jsonl(s, out),
        Format::Neo4j | Format::Csv => return Err(ExportError::NeedsFolder(format.name())),
    };
    r.map_err(io("the export"))
}

/// Writes one file of a folder export.
type Writer<'a> = Box<dyn Fn(&mut dyn Write) -> std::io::Result<()> + 'a>;

/// Write a format into a folder (created if needed). Single-stream formats write
/// `claimgraph.<ext>` there. Returns the files written.
pub fn write_folder(s: &Snapshot, format: Format, dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let what = dir.display().to_string();
    std::fs::create_dir_all(dir).map_err(io(&what))?;
    let files: Vec<(&str, Writer<'_>)> = match format {
        Format::Neo4j => vec![
            (
                "actors.csv",
                Box::new(|w: &mut dyn Write| neo4j_actors(s, w)),
            ),
            (
                "relations.csv",
                Box::new(|w: &mut dyn Write| neo4j_relations(s, w)),
            ),
            (
                "claims.csv",
                Box::new(|w: &mut dyn Write| neo4j_claims(s, w)),
            ),
            (
                "documents.csv",
                Box::new(|w: &mut dyn Write| neo4j_documents(s, w)),
            ),
            (
                "claim_links.csv",
                Box::new(|w: &mut dyn Write| neo4j_claim_links(s, w)),
            ),
            (
                "import.sh",
                Box::new(|w: &mut dyn Write| w.write_all(NEO4J_IMPORT.as_bytes())),
            ),
        ],
        Format::Csv => vec![
            ("edges.csv", Box::new(|w: &mut dyn Write| edges_csv(s, w))),
            ("claims.csv", Box::new(|w: &mut dyn Write| claims_csv(s, w))),
        ],
        f => {
            let ext = match f {
                Format::Graphml => "claimgraph.graphml",
                Format::Gexf => "claimgraph.gexf",
                Format::Ftm => "claimgraph.ftm.json",
                Format::Cytoscape => "claimgraph.cyjs",
                Format::Json => "claimgraph.json",
                _ => "claimgraph.jsonl",
            };
            vec![(
                ext,
                Box::new(move |w: &mut dyn Write| {
                    write(s, f, w).map_err(|e| std::io::Error::other(e.to_string()))
                }),
            )]
        }
    };
    let mut out = Vec::new();
    for (name, f) in files {
        let p = dir.join(name);
        let what = p.display().to_string();
        let file = std::fs::File::create(&p).map_err(io(&what))?;
        let mut w = std::io::BufWriter::new(file);
        f(&mut w).map_err(io(&what))?;
        w.flush().map_err(io(&what))?;
        out.push(p);
    }
    Ok(out)
}

const NEO4J_IMPORT: &str = "#!/bin/sh
# Load this folder into an empty Neo4j database (Neo4j 5: stop the database first).
# Usage: sh import.sh [DATABASE]   (default: neo4j)
set -e
cd \"$(dirname \"$0\")\"
neo4j-admin database import full \"${1:-neo4j}\" --overwrite-destination \\
  --nodes=actors.csv --nodes=claims.csv --nodes=documents.csv \\
  --relationships=relations.csv --relationships=claim_links.csv
";

fn neo4j_label(kind: &str) -> String {
    let pascal: String = kind
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    format!("Actor;{pascal}")
}

/// The relationship type of an edge: its category, `NOT_` before it when negated.
pub fn neo4j_type(e: &Edge) -> String {
    if e.negated {
        format!("NOT_{}", e.category)
    } else {
        e.category.clone()
    }
}

fn csv_writer(w: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new().from_writer(w)
}

fn csv_err(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

fn neo4j_actors(s: &Snapshot, w: &mut dyn Write) -> std::io::Result<()> {
    let mut c = csv_writer(w);
    c.write_record(["id:ID", "name", "type", ":LABEL"])
        .map_err(csv_err)?;
    for n in s.graph_nodes() {
        c.write_record([n.id.as_str(), &n.name, &n.kind, &neo4j_label(&n.kind)])
            .map_err(csv_err)?;
    }
    c.flush()
}

fn neo4j_relations(s: &Snapshot, w: &mut dyn Write) -> std::io::Result<()> {
    let mut c = csv_writer(w);
    c.write_record([
        ":START_ID",
        ":END_ID",
        ":TYPE",
        "mode",
        "claims:int",
        "origins:int",
        "credibility:int",
    ])
    .map_err(csv_err)?;
    for e in &s.edges {
        c.write_record([
            e.subject.as_str(),
            &e.object,
            &neo4j_type(e),
            &crate::join(&e.modes),
            &e.claims.to_string(),
            &e.origins.to_string(),
            &e.credibility.to_string(),
        ])
        .map_err(csv_err)?;
    }
    c.flush()
}

fn claim_node_id(c: &ClaimRow) -> String {
    format!("claim:{}", c.id)
}

fn doc_node_id(d: &str) -> String {
    format!("doc:{d}")
}

fn neo4j_claims(s: &Snapshot, w: &mut dyn Write) -> std::io::Result<()> {
    let mut c = csv_writer(w);
    c.write_record([
        "id:ID",
        "edge",
        "category",
        "mode",
        "negated:boolean",
        "stance",
        "source",
        "origin",
        "time",
        "grade",
        "sentence",
        "rule",
        ":LABEL",
    ])
    .map_err(csv_err)?;
    for (i, x) in &s.claims {
        c.write_record([
            claim_node_id(x).as_str(),
            &edge_id(*i),
            &x.category,
            x.mode.as_deref().unwrap_or(""),
            if x.negated { "true" } else { "false" },
            &x.stance,
            x.source_name.as_deref().unwrap_or(""),
            &x.origin,
            x.time.as_deref().unwrap_or(""),
            &x.grade,
            &x.sentence,
            &x.rule,
            "Claim",
        ])
        .map_err(csv_err)?;
    }
    c.flush()
}

fn neo4j_documents(s: &Snapshot, w: &mut dyn Write) -> std::io::Result<()> {
    let mut c = csv_writer(w);
    c.write_record([
        "id:ID",
        "name",
        "title",
        "url",
        "published",
        "outlet",
        ":LABEL",
    ])
    .map_err(csv_err)?;
    for d in &s.documents {
        c.write_record([
            doc_node_id(&d.id).as_str(),
            &d.id,
            d.title.as_deref().unwrap_or(""),
            d.url.as_deref().unwrap_or(""),
            d.published.as_deref().unwrap_or(""),
            d.outlet.as_deref().unwrap_or(""),
            "Document",
        ])
        .map_err(csv_err)?;
    }
    c.flush()
}

fn neo4j_claim_links(s: &Snapshot, w: &mut dyn Write) -> std::io::Result<()> {
    let mut c = csv_writer(w);
    c.write_record([":START_ID", ":END_ID", ":TYPE"])
        .map_err(csv_err)?;
    for (_, x) in &s.claims {
        let id = claim_node_id(x);
        c.write_record([id.as_str(), &x.subject, "SUBJECT"])
            .map_err(csv_err)?;
        c.write_record([id.as_str(), &x.object, "OBJECT"])
            .map_err(csv_err)?;
        c.write_record([id.as_str(), &doc_node_id(&x.document), "STATED_IN"])
            .map_err(csv_err)?;
    }
    c.flush()
}

fn edges_csv(s: &Snapshot, w: &mut dyn Write) -> std::io::Result<()> {
    let mut c = csv_writer(w);
    c.write_record([
        "edge",
        "subject",
        "subject_name",
        "category",
        "mode",
        "object",
        "object_name",
        "negated",
        "claims",
        "documents",
        "outlets",
        "origins",
        "origin_names",
        "stances",
        "credibility",
        "reliability",
        "grade",
        "disputed",
        "first",
        "last",
    ])
    .map_err(csv_err)?;
    for (i, e) in s.edges.iter().enumerate() {
        c.write_record([
            edge_id(i).as_str(),
            &e.subject,
            &e.subject_name,
            &e.category,
            &crate::join(&e.modes),
            &e.object,
            &e.object_name,
            &e.negated.to_string(),
            &e.claims.to_string(),
            &e.documents.to_string(),
            &e.outlets.to_string(),
            &e.origins.to_string(),
            &crate::join(&e.origin_names),
            &stance_summary(e),
            &e.credibility.to_string(),
            &e.reliability.to_string(),
            &e.grade(),
            &e.disputed.to_string(),
            e.first.as_deref().unwrap_or(""),
            e.last.as_deref().unwrap_or(""),
        ])
        .map_err(csv_err)?;
    }
    c.flush()
}

fn claims_csv(s: &Snapshot, w: &mut dyn Write) -> std::io::Result<()> {
    let mut c = csv_writer(w);
    c.write_record([
        "claim",
        "edge",
        "document",
        "title",
        "outlet",
        "published",
        "subject",
        "subject_name",
        "category",
        "mode",
        "object",
        "object_name",
        "negated",
        "stance",
        "source",
        "origin",
        "time",
        "grade",
        "sentence",
        "start",
        "end",
        "rule",
    ])
    .map_err(csv_err)?;
    for (i, x) in &s.claims {
        c.write_record([
            x.id.to_string().as_str(),
            &edge_id(*i),
            &x.document,
            x.title.as_deref().unwrap_or(""),
            x.outlet.as_deref().unwrap_or(""),
            x.published.as_deref().unwrap_or(""),
            &x.subject,
            &x.subject_name,
            &x.category,
            x.mode.as_deref().unwrap_or(""),
            &x.object,
            &x.object_name,
            &x.negated.to_string(),
            &x.stance,
            x.source_name.as_deref().unwrap_or(""),
            &x.origin,
            x.time.as_deref().unwrap_or(""),
            &x.grade,
            &x.sentence,
            &x.start.to_string(),
            &x.end.to_string(),
            &x.rule,
        ])
        .map_err(csv_err)?;
    }
    c.flush()
}

fn edge_json(i: usize, e: &Edge, ids: &[i64]) -> serde_json::Value {
    let mut v = serde_json::to_value(e).unwrap_or_default();
    v["id"] = edge_id(i).into();
    v["grade"] = e.grade().into();
    v["stance_summary"] = stance_summary(e).into();
    v["claim_ids"] = ids.into();
    v["tags"] = misp_tags(&e.grade()).into();
    v
}

fn claim_json(i: usize, c: &ClaimRow) -> serde_json::Value {
    let mut v = serde_json::to_value(c).unwrap_or_default();
    v["edge"] = edge_id(i).into();
    v["tags"] = misp_tags(&c.grade).into();
    v
}

fn cytoscape(s: &Snapshot, w: &mut dyn Write) -> std::io::Result<()> {
    let ids = s.claim_ids();
    let nodes: Vec<serde_json::Value> = s
        .graph_nodes()
        .map(|n| {
            serde_json::json!({"data": {
                "id": n.id, "label": n.name, "type": n.kind, "known": n.known,
                "part_of": n.part_of, "degree": n.degree,
            }})
        })
        .collect();
    let edges: Vec<serde_json::Value> = s
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut d = edge_json(i, e, &ids[i]);
            d["source"] = e.subject.clone().into();
            d["target"] = e.object.clone().into();
            d["label"] = e.category.clone().into();
            serde_json::json!({ "data": d })
        })
        .collect();
    serde_json::to_writer_pretty(
        &mut *w,
        &serde_json::json!({"elements": {"nodes": nodes, "edges": edges}}),
    )?;
    w.write_all(b"\n")
}

fn json(s: &Snapshot, w: &mut dyn Write) -> std::io::Result<()> {
    let ids = s.claim_ids();
    let edges: Vec<serde_json::Value> = s
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| edge_json(i, e, &ids[i]))
        .collect();
    let claims: Vec<serde_json::Value> = s.claims.iter().map(|(i, c)| claim_json(*i, c)).collect();
    let actors: Vec<&Node> = s.graph_nodes().collect();
    serde_json::to_writer_pretty(
        &mut *w,
        &serde_json::json!({
            "actors": actors, "edges": edges, "claims": claims, "documents": s.documents,
        }),
    )?;
    w.write_all(b"\n")
}

fn jsonl(s: &Snapshot, w: &mut dyn Write) -> std::io::Result<()> {
    let urls: BTreeMap<&str, Option<&str>> = s
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.url.as_deref()))
        .collect();
    for (i, c) in &s.claims {
        let mut v = claim_json(*i, c);
        v["url"] = urls.get(c.document.as_str()).copied().flatten().into();
        serde_json::to_writer(&mut *w, &v)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
