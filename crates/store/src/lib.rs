//! The evidence graph: an embedded SQLite store of documents, actors, mentions and claims, with
//! corroboration by independent origins, NATO Admiralty grades and the questions analysts ask.
//!
//! The core types are [`Store`] (open, migrate, ingest, query), [`Edge`] (one relation across
//! documents, with its counts and grade) and [`ClaimRow`] (one claim with its evidence).
//!
//! ```
//! use claimgraph_model::Document;
//! use claimgraph_relations::Extractor;
//! use claimgraph_store::{Store, EdgeFilter};
//! let mut store = Store::open_in_memory().unwrap();
//! let ex = Extractor::builtin();
//! let doc = Document { id: "a".into(), text: "Iran supplied rockets to Hizballah.".into(),
//!     hash: "h1".into(), outlet: Some("Wire".into()), ..Default::default() };
//! let x = ex.extract(&doc);
//! let mut batch = store.batch().unwrap();
//! batch.put(&doc, &x).unwrap();
//! batch.commit().unwrap();
//! let edges = store.edges(&EdgeFilter::default()).unwrap();
//! assert_eq!(edges[0].category, "AID");
//! assert_eq!(edges[0].grade(), "F2");
//! ```
#![deny(missing_docs)]

mod grade;
mod schema;

pub use grade::{credibility, Credibility, SourceGrades};

use claimgraph_model::{Document, Source};
use claimgraph_relations::Extraction;
use claimgraph_text::CharIndex;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Everything that can go wrong with the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("{path}: {source}")]
    Sqlite {
        /// The database file.
        path: String,
        /// The cause.
        source: rusqlite::Error,
    },
    /// The file is not a claimgraph database, or is damaged.
    #[error("{path}: not a usable claimgraph database ({reason}); give another --db, or move this file away and ingest again")]
    NotADatabase {
        /// The database file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A newer claimgraph wrote this database.
    #[error("{path}: written by a newer claimgraph (schema {found}, this one reads up to {supported}); upgrade claimgraph")]
    TooNew {
        /// The database file.
        path: String,
        /// Its schema version.
        found: i64,
        /// The newest this build reads.
        supported: i64,
    },
    /// An actor name that matches nothing, or more than one actor.
    #[error("{0}")]
    Lookup(String),
}

type Result<T> = std::result::Result<T, StoreError>;

/// The store.
pub struct Store {
    conn: Connection,
    path: String,
    grades: SourceGrades,
}

/// What happened to one document on ingest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Not stored before.
    New,
    /// Stored with the same content hash: nothing to do.
    Unchanged,
    /// Stored with another hash: its claims were replaced.
    Replaced,
}

/// One relation across documents: subject, category, object and polarity, with counts.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// Subject actor id.
    pub subject: String,
    /// Subject name.
    pub subject_name: String,
    /// Category.
    pub category: String,
    /// Object actor id.
    pub object: String,
    /// Object name.
    pub object_name: String,
    /// Negated relation.
    pub negated: bool,
    /// Modes seen, most frequent first.
    pub modes: Vec<String>,
    /// Claims.
    pub claims: i64,
    /// Documents.
    pub documents: i64,
    /// Outlets.
    pub outlets: i64,
    /// Independent origins (a source, else the outlet).
    pub origins: i64,
    /// The origins.
    pub origin_names: Vec<String>,
    /// Stances seen with their counts.
    pub stances: BTreeMap<String, i64>,
    /// Earliest date.
    pub first: Option<String>,
    /// Latest date.
    pub last: Option<String>,
    /// Another origin disputes it (claims it negated or denies it).
    pub disputed: bool,
    /// Information credibility 1-6.
    pub credibility: u8,
    /// Source reliability A-F (the best of its origins).
    pub reliability: char,
}

impl Edge {
    /// The Admiralty grade, e.g. "B2".
    pub fn grade(&self) -> String {
        format!("{}{}", self.reliability, self.credibility)
    }
    /// Alleged, reported or assessed only: nothing asserted or confirmed.
    pub fn unconfirmed(&self) -> bool {
        !self.stances.contains_key("asserted") && !self.stances.contains_key("confirmed")
    }
}

/// One claim with its evidence.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimRow {
    /// Claim id.
    pub id: i64,
    /// Document id.
    pub document: String,
    /// Document title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Subject id and name.
    pub subject: String,
    /// Subject name.
    pub subject_name: String,
    /// Category.
    pub category: String,
    /// Mode.
    pub mode: Option<String>,
    /// Object id.
    pub object: String,
    /// Object name.
    pub object_name: String,
    /// Negated.
    pub negated: bool,
    /// Stance.
    pub stance: String,
    /// Source id or text, and its display name.
    pub source: Option<String>,
    /// Source display name.
    pub source_name: Option<String>,
    /// The independent origin.
    pub origin: String,
    /// When it happened.
    pub time: Option<String>,
    /// The sentence.
    pub sentence: String,
    /// Evidence offsets (chars) in the document.
    pub start: i64,
    /// End offset.
    pub end: i64,
    /// The rule that coded it.
    pub rule: String,
    /// Admiralty grade of this claim: its origin's reliability and its edge's credibility.
    pub grade: String,
}

/// A document's metadata.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentMeta {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Words.
    pub words: i64,
}

/// Filters of `edges`.
#[derive(Debug, Clone, Default)]
pub struct EdgeFilter {
    /// Edges touching this actor id.
    pub actor: Option<String>,
    /// Edges between these two actor ids (either direction).
    pub between: Option<(String, String)>,
    /// Only this category.
    pub category: Option<String>,
    /// At least this many independent origins.
    pub min_origins: Option<i64>,
    /// Claims dated on or after.
    pub since: Option<String>,
    /// Claims dated on or before.
    pub until: Option<String>,
    /// Only claims with this stance.
    pub stance: Option<String>,
    /// At most this many edges (strongest first).
    pub limit: Option<usize>,
}

/// An actor in the store.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Type.
    pub kind: String,
    /// Parent id.
    pub part_of: Option<String>,
    /// From the dictionary.
    pub known: bool,
    /// Documents that mention it.
    pub documents: i64,
    /// Claims it takes part in.
    pub claims: i64,
}

/// Counts of the store.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: i64,
    /// Words.
    pub words: i64,
    /// Actors.
    pub actors: i64,
    /// Mentions.
    pub mentions: i64,
    /// Claims.
    pub claims: i64,
    /// Edges.
    pub edges: i64,
    /// Disputed edges.
    pub disputed: i64,
    /// Claims by category.
    pub by_category: BTreeMap<String, i64>,
}

/// A full-text hit.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    /// Document id.
    pub document: String,
    /// The sentence.
    pub sentence: String,
    /// Actors named in the sentence.
    pub actors: Vec<String>,
}

impl Store {
    /// Open (creating or migrating) a database file.
    pub fn open(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Sqlite {
            path: shown.clone(),
            source,
        })?;
        Store::init(conn, shown)
    }

    /// A store in memory, for tests and examples.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Sqlite {
            path: ":memory:".into(),
            source,
        })?;
        Store::init(conn, ":memory:".into())
    }

    fn init(conn: Connection, path: String) -> Result<Store> {
        schema::migrate(&conn, &path)?;
        Ok(Store {
            conn,
            path,
            grades: SourceGrades::default(),
        })
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Another connection to the same database file, for reading while this one writes.
    pub fn reader(&self) -> Result<Store> {
        if self.path == ":memory:" {
            return Err(StoreError::Lookup(
                "an in-memory store has no second connection".into(),
            ));
        }
        Store::open(Path::new(&self.path))
    }

    /// Use these source reliability grades.
    pub fn set_source_grades(&mut self, g: SourceGrades) {
        self.grades = g;
    }

    /// The content hash stored for a document id, if any.
    pub fn document_hash(&self, id: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT hash FROM documents WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.err())
    }

    /// Start a write batch: one transaction, committed whole or not at all.
    pub fn batch(&mut self) -> Result<Batch<'_>> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|source| StoreError::Sqlite {
                path: path.clone(),
                source,
            })?;
        Ok(Batch { tx, path })
    }

    /// `PRAGMA integrity_check` returns "ok".
    pub fn integrity_ok(&self) -> Result<bool> {
        let s: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(self.err())?;
        Ok(s == "ok")
    }

    /// Resolve a name, alias or id to one actor id (case-insensitive). An unknown or
    /// ambiguous name gets "did you mean ...".
    pub fn resolve_actor(&self, name: &str) -> Result<String> {
        let q = name.trim();
        let mut ids: Vec<String> = Vec::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id FROM actors WHERE id = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE
                 UNION SELECT actor FROM aliases WHERE alias = ?1 COLLATE NOCASE",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([q], |r| r.get::<_, String>(0))
            .map_err(self.err())?;
        for r in rows {
            ids.push(r.map_err(self.err())?);
        }
        ids.sort();
        ids.dedup();
        match ids.len() {
            1 => Ok(ids.remove(0)),
            0 => {
                let like = format!("%{}%", q.replace(['%', '_'], ""));
                let mut stmt = self
                    .conn
                    .prepare_cached(
                        "SELECT DISTINCT a.name FROM actors a LEFT JOIN aliases s ON s.actor = a.id
                         WHERE a.name LIKE ?1 OR s.alias LIKE ?1 ORDER BY a.name LIMIT 5",
                    )
                    .map_err(self.err())?;
                let mut names: Vec<String> = stmt
                    .query_map([like], |r| r.get(0))
                    .map_err(self.err())?
                    .filter_map(|r| r.ok())
                    .collect();
                if names.is_empty() {
                    names = self.near_names(q)?;
                }
                if names.is_empty() {
                    Err(StoreError::Lookup(format!(
                        "no actor named {q:?} in the store; `claimgraph actors --search` lists them"
                    )))
                } else {
                    Err(StoreError::Lookup(format!(
                        "no actor named {q:?}; did you mean {}?",
                        names.join(", ")
                    )))
                }
            }
            _ => Err(StoreError::Lookup(format!(
                "{q:?} names several actors ({}); did you mean one of these ids?",
                ids.join(", ")
            ))),
        }
    }

    /// Names and aliases within a small edit distance of a misspelt name (same first letter).
    fn near_names(&self, q: &str) -> Result<Vec<String>> {
        let lower = q.to_lowercase();
        let Some(first) = lower.chars().next() else {
            return Ok(Vec::new());
        };
        let max = if lower.chars().count() <= 5 { 1 } else { 2 };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.name, a.name FROM actors a WHERE lower(substr(a.name, 1, 1)) = ?1
                 UNION SELECT a.name, s.alias FROM aliases s JOIN actors a ON a.id = s.actor
                 WHERE lower(substr(s.alias, 1, 1)) = ?1",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([first.to_string()], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(self.err())?;
        let mut found: Vec<(usize, String)> = Vec::new();
        for r in rows {
            let (name, form) = r.map_err(self.err())?;
            let d = edit_distance(&lower, &form.to_lowercase());
            if d <= max && !found.iter().any(|(_, n)| *n == name) {
                found.push((d, name));
            }
        }
        found.sort();
        Ok(found.into_iter().take(5).map(|x| x.1).collect())
    }

    /// Actors, optionally of one type and matching a text.
    pub fn actors(&self, kind: Option<&str>, search: Option<&str>) -> Result<Vec<ActorRow>> {
        let like = search.map(|s| format!("%{s}%"));
        let sql = format!(
            "{ACTOR_SELECT}
             WHERE (?1 IS NULL OR a.type = ?1)
               AND (?2 IS NULL OR a.name LIKE ?2 OR a.id LIKE ?2
                    OR EXISTS (SELECT 1 FROM aliases s WHERE s.actor = a.id AND s.alias LIKE ?2))
             ORDER BY 7 DESC, 6 DESC, a.name"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(self.err())?;
        let rows = stmt
            .query_map(params![kind, like], actor_of_row)
            .map_err(self.err())?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(self.err())
    }

    /// An actor's type and whether it is in the dictionary (cheap: no counts).
    pub fn actor_kind(&self, id: &str) -> Result<Option<(String, bool)>> {
        self.conn
            .prepare_cached("SELECT type, known FROM actors WHERE id = ?1")
            .map_err(self.err())?
            .query_row([id], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? != 0)))
            .optional()
            .map_err(self.err())
    }

    /// One actor by id, with its counts.
    pub fn actor_row(&self, id: &str) -> Result<Option<ActorRow>> {
        self.conn
            .prepare_cached(&format!("{ACTOR_SELECT} WHERE a.id = ?1"))
            .map_err(self.err())?
            .query_row([id], actor_of_row)
            .optional()
            .map_err(self.err())
    }

    /// One actor, with aliases and children.
    pub fn actor(&self, id: &str) -> Result<(ActorRow, Vec<String>, Vec<ActorRow>)> {
        let row = self
            .actor_row(id)?
            .ok_or_else(|| StoreError::Lookup(format!("no actor {id:?}")))?;
        let aliases = self.aliases(id)?;
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "{ACTOR_SELECT} WHERE a.part_of = ?1 ORDER BY 7 DESC, 6 DESC, a.name"
            ))
            .map_err(self.err())?;
        let children = stmt
            .query_map([id], actor_of_row)
            .map_err(self.err())?
            .collect::<std::result::Result<_, _>>()
            .map_err(self.err())?;
        Ok((row, aliases, children))
    }

    /// Edges, strongest first (most origins, then claims). Without date or stance filters they
    /// come from the aggregates kept at ingest; with them, from the claims.
    pub fn edges(&self, f: &EdgeFilter) -> Result<Vec<Edge>> {
        let aggs = if f.since.is_none() && f.until.is_none() && f.stance.is_none() {
            self.edges_stored(f)?
        } else {
            self.edges_scanned(f)?
        };
        self.finish_edges(aggs, f)
    }

    fn edges_stored(&self, f: &EdgeFilter) -> Result<BTreeMap<Key, Agg>> {
        let (a, b) = match &f.between {
            Some((a, b)) => (Some(a.as_str()), Some(b.as_str())),
            None => (None, None),
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT subject, category, object, negated, claims, documents, first, last
                 FROM edge_totals
                 WHERE (?1 IS NULL OR subject = ?1 OR object = ?1)
                   AND (?2 IS NULL OR (subject = ?2 AND object = ?3) OR (subject = ?3 AND object = ?2))
                   AND (?4 IS NULL OR category = ?4) AND claims > 0",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map(
                params![
                    f.actor,
                    a,
                    b,
                    f.category.as_deref().map(str::to_ascii_uppercase)
                ],
                |r| {
                    Ok((
                        (
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, i64>(3)? != 0,
                        ),
                        r.get::<_, i64>(4)?,
                        r.get::<_, i64>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                    ))
                },
            )
            .map_err(self.err())?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (k, claims, docs, first, last) = row.map_err(self.err())?;
            out.insert(
                k,
                Agg {
                    claims,
                    docs,
                    first,
                    last,
                    ..Agg::default()
                },
            );
        }
        let mut origins = self
            .conn
            .prepare_cached(
                "SELECT origin, stance, claims FROM edge_origins
                 WHERE subject = ?1 AND category = ?2 AND object = ?3 AND negated = ?4 AND claims > 0",
            )
            .map_err(self.err())?;
        let mut outlets = self
            .conn
            .prepare_cached(
                "SELECT COUNT(*) FROM edge_outlets
                 WHERE subject = ?1 AND category = ?2 AND object = ?3 AND negated = ?4 AND documents > 0",
            )
            .map_err(self.err())?;
        let mut modes = self
            .conn
            .prepare_cached(
                "SELECT mode, claims FROM edge_modes
                 WHERE subject = ?1 AND category = ?2 AND object = ?3 AND negated = ?4 AND claims > 0",
            )
            .map_err(self.err())?;
        for (k, agg) in out.iter_mut() {
            let p = params![k.0, k.1, k.2, k.3 as i64];
            for r in origins
                .query_map(p, |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })
                .map_err(self.err())?
            {
                let (o, st, n) = r.map_err(self.err())?;
                agg.origins.insert(o);
                *agg.stances.entry(st).or_default() += n;
            }
            agg.outlets = outlets.query_row(p, |r| r.get(0)).map_err(self.err())?;
            for r in modes
                .query_map(p, |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .map_err(self.err())?
            {
                let (m, n) = r.map_err(self.err())?;
                agg.modes.insert(m, n);
            }
        }
        // The other polarity of each edge, for disputes.
        let mut opp = self
            .conn
            .prepare_cached(
                "SELECT COUNT(DISTINCT origin) FROM edge_origins
                 WHERE subject = ?1 AND category = ?2 AND object = ?3 AND negated = ?4 AND claims > 0",
            )
            .map_err(self.err())?;
        for (k, agg) in out.iter_mut() {
            agg.against = opp
                .query_row(params![k.0, k.1, k.2, !k.3 as i64], |r| r.get::<_, i64>(0))
                .map_err(self.err())? as usize;
        }
        Ok(out)
    }

    fn edges_scanned(&self, f: &EdgeFilter) -> Result<BTreeMap<Key, Agg>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT c.subject, c.category, c.object, c.negated, c.mode, c.stance, c.origin,
                        c.doc, d.outlet, c.time
                 FROM claims c JOIN documents d ON d.id = c.doc
                 WHERE {CLAIM_FILTER}"
            ))
            .map_err(self.err())?;
        let mut acc: BTreeMap<Key, Agg> = BTreeMap::new();
        let mut docs: BTreeMap<Key, std::collections::BTreeSet<String>> = BTreeMap::new();
        let mut outlets: BTreeMap<Key, std::collections::BTreeSet<String>> = BTreeMap::new();
        let rows = stmt
            .query_map(rusqlite::params_from_iter(filter_values(f)), |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)? != 0,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, Option<String>>(9)?,
                ))
            })
            .map_err(self.err())?;
        for row in rows {
            let (s, c, o, neg, mode, stance, origin, doc, outlet, time) =
                row.map_err(self.err())?;
            let k = canonical(s, c, o, neg);
            let e = acc.entry(k.clone()).or_default();
            e.claims += 1;
            if let Some(m) = mode {
                *e.modes.entry(m).or_default() += 1;
            }
            *e.stances.entry(stance).or_default() += 1;
            e.origins.insert(origin);
            docs.entry(k.clone()).or_default().insert(doc);
            if let Some(o) = outlet {
                outlets.entry(k.clone()).or_default().insert(o);
            }
            if let Some(t) = time {
                if e.first.as_ref().is_none_or(|f| &t < f) {
                    e.first = Some(t.clone());
                }
                if e.last.as_ref().is_none_or(|l| &t > l) {
                    e.last = Some(t);
                }
            }
        }
        let counts: BTreeMap<Key, usize> = acc
            .iter()
            .map(|(k, e)| (k.clone(), e.origins.len()))
            .collect();
        for (k, e) in acc.iter_mut() {
            e.docs = docs.get(k).map_or(0, |d| d.len() as i64);
            e.outlets = outlets.get(k).map_or(0, |d| d.len() as i64);
            e.against = counts
                .get(&(k.0.clone(), k.1.clone(), k.2.clone(), !k.3))
                .copied()
                .unwrap_or(0);
        }
        Ok(acc)
    }

    fn finish_edges(&self, aggs: BTreeMap<Key, Agg>, f: &EdgeFilter) -> Result<Vec<Edge>> {
        let names = self.actor_names()?;
        let mut out = Vec::with_capacity(aggs.len());
        for ((s, c, o, neg), e) in aggs {
            // Disputed: the other polarity is claimed by some origin, or one of several origins
            // denies it.
            let denied = e.stances.contains_key("denied");
            let disputed = e.against > 0 || (denied && e.origins.len() > 1);
            let cred = credibility(&Credibility {
                origins: e.origins.len(),
                disputed,
                disputing: e.against.max(denied as usize),
                asserted: e.stances.contains_key("asserted"),
                confirmed: e.stances.contains_key("confirmed"),
                alleged: e.stances.contains_key("alleged") || e.stances.contains_key("reported"),
            });
            let reliability = e
                .origins
                .iter()
                .map(|o| self.grades.grade(o))
                .min()
                .unwrap_or('F');
            let mut modes: Vec<(String, i64)> = e.modes.into_iter().collect();
            modes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let edge = Edge {
                subject_name: names.get(&s).cloned().unwrap_or_else(|| s.clone()),
                object_name: names.get(&o).cloned().unwrap_or_else(|| o.clone()),
                subject: s,
                category: c,
                object: o,
                negated: neg,
                modes: modes.into_iter().map(|m| m.0).collect(),
                claims: e.claims,
                documents: e.docs,
                outlets: e.outlets,
                origins: e.origins.len() as i64,
                origin_names: e.origins.into_iter().collect(),
                stances: e.stances,
                first: e.first,
                last: e.last,
                disputed,
                credibility: cred,
                reliability,
            };
            if f.min_origins.is_some_and(|m| edge.origins < m) {
                continue;
            }
            out.push(edge);
        }
        out.sort_by(|a, b| {
            b.origins
                .cmp(&a.origins)
                .then(b.claims.cmp(&a.claims))
                .then(a.credibility.cmp(&b.credibility))
                .then(a.subject_name.cmp(&b.subject_name))
                .then(a.object_name.cmp(&b.object_name))
        });
        if let Some(l) = f.limit {
            out.truncate(l);
        }
        Ok(out)
    }

    fn actor_names(&self) -> Result<BTreeMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name FROM actors")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.err())?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(self.err())
    }

    /// Every claim between two actors (either direction), optionally of one category.
    pub fn evidence(&self, a: &str, b: &str, category: Option<&str>) -> Result<Vec<ClaimRow>> {
        self.evidence_page(a, b, category, usize::MAX, 0)
    }

    /// A page of the claims between two actors: at most `limit`, after skipping `offset`.
    pub fn evidence_page(
        &self,
        a: &str,
        b: &str,
        category: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ClaimRow>> {
        // Newest first (undated last), ties by id in the inner reads as in the outer order, so
        // that pages agree with the whole list. Each direction is read from the (subject,
        // object, time) index only as far as the page needs, so a page costs the same however
        // many claims the pair has.
        let limit = limit.min(i64::MAX as usize / 2) as i64;
        let need = limit.saturating_add(offset as i64);
        self.claims_where(
            "c.id IN (
               SELECT id FROM (SELECT id FROM claims WHERE subject = ?1 AND object = ?2
                 AND (?3 IS NULL OR category = ?3) ORDER BY time DESC, id LIMIT ?6)
               UNION ALL
               SELECT id FROM (SELECT id FROM claims WHERE subject = ?2 AND object = ?1
                 AND ?1 <> ?2 AND (?3 IS NULL OR category = ?3) ORDER BY time DESC, id LIMIT ?6))
             ORDER BY c.time DESC, c.id LIMIT ?4 OFFSET ?5",
            params![
                a,
                b,
                category.map(str::to_ascii_uppercase),
                limit,
                offset as i64,
                need
            ],
        )
    }

    /// Dated claims in time order, optionally of one actor.
    pub fn timeline(&self, actor: Option<&str>) -> Result<Vec<ClaimRow>> {
        let mut rows = self.claims_where(
            "c.time IS NOT NULL AND (?1 IS NULL OR c.subject = ?1 OR c.object = ?1)
             ORDER BY c.time IS NULL, c.time, c.doc, c.ev_start",
            params![actor],
        )?;
        rows.sort_by(|x, y| x.time.cmp(&y.time).then(x.id.cmp(&y.id)));
        Ok(rows)
    }

    fn claims_where(&self, cond: &str, p: impl rusqlite::Params) -> Result<Vec<ClaimRow>> {
        let mut out = self.claims_raw(cond, p)?;
        self.grade_claims(&mut out)?;
        Ok(out)
    }

    /// Claims matching a condition, not yet graded.
    fn claims_raw(&self, cond: &str, p: impl rusqlite::Params) -> Result<Vec<ClaimRow>> {
        let sql = format!(
            "SELECT c.id, c.doc, d.title, d.outlet, d.published, c.subject, sa.name, c.category,
                    c.mode, c.object, oa.name, c.negated, c.stance, c.source, c.source_name,
                    c.origin, c.time, c.sentence, c.ev_start, c.ev_end, c.rule
             FROM claims c JOIN documents d ON d.id = c.doc
             JOIN actors sa ON sa.id = c.subject JOIN actors oa ON oa.id = c.object
             WHERE {cond}"
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(self.err())?;
        let rows = stmt
            .query_map(p, |r| {
                Ok(ClaimRow {
                    id: r.get(0)?,
                    document: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    subject: r.get(5)?,
                    subject_name: r.get(6)?,
                    category: r.get(7)?,
                    mode: r.get(8)?,
                    object: r.get(9)?,
                    object_name: r.get(10)?,
                    negated: r.get::<_, i64>(11)? != 0,
                    stance: r.get(12)?,
                    source: r.get(13)?,
                    source_name: r.get(14)?,
                    origin: r.get(15)?,
                    time: r.get(16)?,
                    sentence: r.get(17)?,
                    start: r.get(18)?,
                    end: r.get(19)?,
                    rule: r.get(20)?,
                    grade: String::new(),
                })
            })
            .map_err(self.err())?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(self.err())
    }

    fn grade_claims(&self, out: &mut [ClaimRow]) -> Result<()> {
        // Grade each claim: its origin's reliability, its edge's credibility.
        let mut cache: BTreeMap<(String, String, String, bool), u8> = BTreeMap::new();
        for c in out.iter_mut() {
            let key = (
                c.subject.clone(),
                c.category.clone(),
                c.object.clone(),
                c.negated,
            );
            let cred = match cache.get(&key) {
                Some(v) => *v,
                None => {
                    let e = self.edges(&EdgeFilter {
                        between: Some((c.subject.clone(), c.object.clone())),
                        category: Some(c.category.clone()),
                        ..EdgeFilter::default()
                    })?;
                    let v = e
                        .iter()
                        .find(|e| e.negated == c.negated)
                        .map_or(6, |e| e.credibility);
                    cache.insert(key, v);
                    v
                }
            };
            c.grade = format!("{}{}", self.grades.grade(&c.origin), cred);
        }
        Ok(())
    }

    /// The claims behind `edges` (found with the same filter `f`), graded, in id order: what
    /// the exports write beside the edges. Each claim comes with the index of its edge.
    pub fn claims_of(&self, f: &EdgeFilter, edges: &[Edge]) -> Result<Vec<(usize, ClaimRow)>> {
        let index: std::collections::HashMap<Key, usize> = edges
            .iter()
            .enumerate()
            .map(|(i, e)| {
                (
                    (
                        e.subject.clone(),
                        e.category.clone(),
                        e.object.clone(),
                        e.negated,
                    ),
                    i,
                )
            })
            .collect();
        let rows = self.claims_raw(
            &format!("{CLAIM_FILTER} ORDER BY c.id"),
            rusqlite::params_from_iter(filter_values(f)),
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for mut c in rows {
            let k = canonical(
                c.subject.clone(),
                c.category.clone(),
                c.object.clone(),
                c.negated,
            );
            if let Some(&i) = index.get(&k) {
                c.grade = format!("{}{}", self.grades.grade(&c.origin), edges[i].credibility);
                out.push((i, c));
            }
        }
        Ok(out)
    }

    /// The metadata of one document (no text).
    pub fn document_meta(&self, id: &str) -> Result<Option<DocumentMeta>> {
        self.conn
            .prepare_cached(
                "SELECT id, title, url, published, outlet, words FROM documents WHERE id = ?1",
            )
            .map_err(self.err())?
            .query_row([id], |r| {
                Ok(DocumentMeta {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    url: r.get(2)?,
                    published: r.get(3)?,
                    outlet: r.get(4)?,
                    words: r.get(5)?,
                })
            })
            .optional()
            .map_err(self.err())
    }

    /// The forms an actor was named by in the stored documents and its dictionary aliases.
    pub fn aliases(&self, id: &str) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT alias FROM aliases WHERE actor = ?1 ORDER BY alias")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([id], |r| r.get(0))
            .map_err(self.err())?
            .collect::<std::result::Result<Vec<String>, _>>()
            .map_err(self.err())?;
        Ok(rows)
    }

    /// Disputed edges.
    pub fn disputes(&self) -> Result<Vec<Edge>> {
        Ok(self
            .edges(&EdgeFilter::default())?
            .into_iter()
            .filter(|e| e.disputed)
            .collect())
    }

    /// Full-text search over sentences (FTS5 syntax; plain words are ANDed).
    pub fn search(&self, q: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT doc, start, end, text FROM sentences WHERE sentences MATCH ?1
                 ORDER BY rank LIMIT ?2",
            )
            .map_err(self.err())?;
        let rows: Vec<(String, i64, i64, String)> = stmt
            .query_map(params![fts_query(q), limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .map_err(|e| StoreError::Lookup(format!("search {q:?}: {e}")))?
            .filter_map(|r| r.ok())
            .collect();
        let mut m = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT a.name FROM mentions m JOIN actors a ON a.id = m.actor
                 WHERE m.doc = ?1 AND m.start >= ?2 AND m.end <= ?3 ORDER BY a.name",
            )
            .map_err(self.err())?;
        let mut out = Vec::new();
        for (doc, s, e, text) in rows {
            let actors = m
                .query_map(params![doc, s, e], |r| r.get(0))
                .map_err(self.err())?
                .filter_map(|r| r.ok())
                .collect();
            out.push(SearchHit {
                document: doc,
                sentence: text,
                actors,
            });
        }
        Ok(out)
    }

    /// Counts.
    pub fn stats(&self) -> Result<Stats> {
        let one = |sql: &str| -> Result<i64> {
            self.conn
                .query_row(sql, [], |r| r.get(0))
                .map_err(self.err())
        };
        let mut by_category = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT category, COUNT(*) FROM claims GROUP BY category")
            .map_err(self.err())?;
        for r in stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .map_err(self.err())?
        {
            let (c, n) = r.map_err(self.err())?;
            by_category.insert(c, n);
        }
        let edges = self.edges(&EdgeFilter::default())?;
        Ok(Stats {
            documents: one("SELECT COUNT(*) FROM documents")?,
            words: one("SELECT COALESCE(SUM(words), 0) FROM documents")?,
            actors: one("SELECT COUNT(*) FROM actors")?,
            mentions: one("SELECT COUNT(*) FROM mentions")?,
            claims: one("SELECT COUNT(*) FROM claims")?,
            edges: edges.len() as i64,
            disputed: edges.iter().filter(|e| e.disputed).count() as i64,
            by_category,
        })
    }

    /// A document's text with its mention and claim spans (char offsets).
    pub fn document(&self, id: &str) -> Result<Option<serde_json::Value>> {
        let doc = self
            .conn
            .query_row(
                "SELECT id, title, url, published, outlet, text FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok(serde_json::json!({
                        "id": r.get::<_, String>(0)?, "title": r.get::<_, Option<String>>(1)?,
                        "url": r.get::<_, Option<String>>(2)?, "published": r.get::<_, Option<String>>(3)?,
                        "outlet": r.get::<_, Option<String>>(4)?, "text": r.get::<_, String>(5)?,
                    }))
                },
            )
            .optional()
            .map_err(self.err())?;
        let Some(mut doc) = doc else { return Ok(None) };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT actor, start, end FROM mentions WHERE doc = ?1 ORDER BY start")
            .map_err(self.err())?;
        let mentions: Vec<serde_json::Value> = stmt
            .query_map([id], |r| {
                Ok(serde_json::json!({"actor": r.get::<_, String>(0)?, "start": r.get::<_, i64>(1)?, "end": r.get::<_, i64>(2)?}))
            })
            .map_err(self.err())?
            .filter_map(|r| r.ok())
            .collect();
        doc["mentions"] = serde_json::Value::Array(mentions);
        let claims = self.claims_where("c.doc = ?1 ORDER BY c.ev_start", params![id])?;
        doc["claims"] = serde_json::to_value(claims).unwrap_or_default();
        Ok(Some(doc))
    }
}

/// Plain words become an AND of quoted terms; FTS5 syntax (quotes, OR, NEAR, *) passes through.
fn fts_query(q: &str) -> String {
    if q.contains('"') || q.contains(" OR ") || q.contains("NEAR") || q.contains('*') {
        return q.to_string();
    }
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A write batch: one transaction.
pub struct Batch<'s> {
    tx: rusqlite::Transaction<'s>,
    path: String,
}

impl Batch<'_> {
    fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |source| StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Store one document and its extraction; an unchanged document (same hash) is a no-op, a
    /// changed one has its mentions, claims and sentences replaced.
    pub fn put(&mut self, doc: &Document, x: &Extraction) -> Result<Outcome> {
        let old: Option<String> = self
            .tx
            .query_row("SELECT hash FROM documents WHERE id = ?1", [&doc.id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.err())?;
        let outcome = match &old {
            Some(h) if *h == doc.hash => return Ok(Outcome::Unchanged),
            Some(_) => Outcome::Replaced,
            None => Outcome::New,
        };
        if outcome == Outcome::Replaced {
            let old = aggregate_stored(&self.tx, &doc.id).map_err(self.err())?;
            apply_aggregates(&self.tx, &old, -1).map_err(self.err())?;
            for t in ["mentions", "claims"] {
                self.tx
                    .execute(&format!("DELETE FROM {t} WHERE doc = ?1"), [&doc.id])
                    .map_err(self.err())?;
            }
            self.tx
                .execute("DELETE FROM sentences WHERE doc = ?1", [&doc.id])
                .map_err(self.err())?;
        }
        self.tx
            .execute(
                "INSERT OR REPLACE INTO documents(id, path, title, url, published, outlet, hash, words, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    doc.id,
                    doc.path,
                    doc.title,
                    doc.url,
                    doc.published.map(|p| p.to_string()),
                    doc.outlet,
                    doc.hash,
                    x.words as i64,
                    doc.text
                ],
            )
            .map_err(self.err())?;
        let idx = CharIndex::new(&doc.text);
        {
            let mut ins_actor = self
                .tx
                .prepare_cached(
                    "INSERT INTO actors(id, name, type, part_of, known) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT(id) DO UPDATE SET part_of = COALESCE(actors.part_of, excluded.part_of)",
                )
                .map_err(self.err())?;
            let mut ins_alias = self
                .tx
                .prepare_cached("INSERT OR IGNORE INTO aliases(actor, alias) VALUES (?1, ?2)")
                .map_err(self.err())?;
            let mut ins_mention = self
                .tx
                .prepare_cached(
                    "INSERT INTO mentions(doc, actor, start, end) VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(self.err())?;
            for a in &x.actors {
                ins_actor
                    .execute(params![
                        a.id,
                        a.name,
                        a.kind.as_str(),
                        a.part_of,
                        a.known as i64
                    ])
                    .map_err(self.err())?;
                for al in &a.aliases {
                    ins_alias.execute(params![a.id, al]).map_err(self.err())?;
                }
            }
            let mut seen_alias = std::collections::HashSet::new();
            for m in &x.mentions {
                let id = &x.actors[m.actor].id;
                ins_mention
                    .execute(params![
                        doc.id,
                        id,
                        idx.char_of(m.span.start) as i64,
                        idx.char_of(m.span.end) as i64
                    ])
                    .map_err(self.err())?;
                let form = &doc.text[m.span.start..m.span.end];
                if seen_alias.insert((m.actor, form)) {
                    ins_alias.execute(params![id, form]).map_err(self.err())?;
                }
            }
            let mut ins_claim = self
                .tx
                .prepare_cached(
                    "INSERT INTO claims(doc, subject, category, mode, object, negated, stance, source,
                       source_name, origin, time, ev_start, ev_end, sentence, rule)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                )
                .map_err(self.err())?;
            for r in &x.relations {
                let (source, source_name) = match &r.source {
                    None => (None, None),
                    Some(Source::Actor(i)) => (
                        Some(x.actors[*i].id.clone()),
                        Some(x.actors[*i].name.clone()),
                    ),
                    Some(Source::Text(t)) => (Some(t.clone()), Some(t.clone())),
                };
                // The origin: the source if there is one, else the outlet (else the document).
                let origin = source_name
                    .clone()
                    .or_else(|| doc.outlet.clone())
                    .unwrap_or_else(|| format!("document {}", doc.id));
                ins_claim
                    .execute(params![
                        doc.id,
                        x.actors[r.subject].id,
                        r.category.as_str(),
                        r.mode,
                        x.actors[r.object].id,
                        r.negated as i64,
                        r.stance.as_str(),
                        source,
                        source_name,
                        origin,
                        r.time.map(|t| t.to_string()),
                        idx.char_of(r.evidence.start) as i64,
                        idx.char_of(r.evidence.end) as i64,
                        &doc.text[r.evidence.start..r.evidence.end],
                        r.rule
                    ])
                    .map_err(self.err())?;
            }
            let fresh = aggregate_new(doc, x);
            apply_aggregates(&self.tx, &fresh, 1).map_err(self.err())?;
            let mut ins_sent = self
                .tx
                .prepare_cached(
                    "INSERT INTO sentences(doc, start, end, text) VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(self.err())?;
            for s in &x.sentences {
                ins_sent
                    .execute(params![
                        doc.id,
                        idx.char_of(s.start) as i64,
                        idx.char_of(s.end) as i64,
                        &doc.text[s.start..s.end]
                    ])
                    .map_err(self.err())?;
            }
        }
        Ok(outcome)
    }

    /// Commit the batch.
    pub fn commit(self) -> Result<()> {
        refresh_dates(&self.tx).map_err(self.err())?;
        let path = self.path.clone();
        self.tx
            .commit()
            .map_err(|source| StoreError::Sqlite { path, source })
    }
}

#[cfg(test)]
mod tests;

/// An edge key: subject, category, object, negated (symmetric categories lesser id first).
/// The claims an `EdgeFilter` selects (over `claims c`), with `filter_values` as ?1..?7.
const CLAIM_FILTER: &str = "(?1 IS NULL OR c.subject = ?1 OR c.object = ?1)
     AND (?2 IS NULL OR (c.subject = ?2 AND c.object = ?3) OR (c.subject = ?3 AND c.object = ?2))
     AND (?4 IS NULL OR c.category = ?4)
     AND (?5 IS NULL OR c.time >= ?5)
     AND (?6 IS NULL OR substr(c.time, 1, length(?6)) <= ?6)
     AND (?7 IS NULL OR c.stance = ?7)";

fn filter_values(f: &EdgeFilter) -> [Option<String>; 7] {
    let (a, b) = f.between.clone().unzip();
    [
        f.actor.clone(),
        a,
        b,
        f.category.as_deref().map(str::to_ascii_uppercase),
        f.since.clone(),
        f.until.clone(),
        f.stance.clone(),
    ]
}

/// An actor with its document and claim counts; `actor_of_row` reads one row of it.
const ACTOR_SELECT: &str = "SELECT a.id, a.name, a.type, a.part_of, a.known,
       (SELECT COUNT(DISTINCT doc) FROM mentions m WHERE m.actor = a.id),
       (SELECT COUNT(*) FROM claims c WHERE c.subject = a.id OR c.object = a.id)
     FROM actors a";

fn actor_of_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActorRow> {
    Ok(ActorRow {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        part_of: r.get(3)?,
        known: r.get::<_, i64>(4)? != 0,
        documents: r.get(5)?,
        claims: r.get(6)?,
    })
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

type Key = (String, String, String, bool);

fn canonical(s: String, c: String, o: String, neg: bool) -> Key {
    if matches!(c.as_str(), "CONSULT" | "COOPERATE") && s > o {
        (o, c, s, neg)
    } else {
        (s, c, o, neg)
    }
}

/// What is known of one edge.
#[derive(Debug, Default)]
struct Agg {
    modes: BTreeMap<String, i64>,
    stances: BTreeMap<String, i64>,
    origins: std::collections::BTreeSet<String>,
    docs: i64,
    outlets: i64,
    claims: i64,
    first: Option<String>,
    last: Option<String>,
    /// Origins claiming the other polarity.
    against: usize,
}

/// One document's contribution to the edge aggregates.
#[derive(Debug, Default)]
struct DocAgg {
    outlet: Option<String>,
    edges: BTreeMap<Key, DocEdge>,
}

#[derive(Debug, Default)]
struct DocEdge {
    claims: i64,
    origins: BTreeMap<(String, String), i64>,
    modes: BTreeMap<String, i64>,
    first: Option<String>,
    last: Option<String>,
}

impl DocAgg {
    fn add(
        &mut self,
        k: Key,
        origin: String,
        stance: String,
        mode: Option<String>,
        time: Option<String>,
    ) {
        let e = self.edges.entry(k).or_default();
        e.claims += 1;
        *e.origins.entry((origin, stance)).or_default() += 1;
        if let Some(m) = mode {
            *e.modes.entry(m).or_default() += 1;
        }
        if let Some(t) = time {
            if e.first.as_ref().is_none_or(|f| &t < f) {
                e.first = Some(t.clone());
            }
            if e.last.as_ref().is_none_or(|l| &t > l) {
                e.last = Some(t);
            }
        }
    }
}

fn aggregate_new(doc: &Document, x: &Extraction) -> DocAgg {
    let mut a = DocAgg {
        outlet: doc.outlet.clone(),
        ..DocAgg::default()
    };
    for r in &x.relations {
        let origin = match &r.source {
            Some(Source::Actor(i)) => x.actors[*i].name.clone(),
            Some(Source::Text(t)) => t.clone(),
            None => doc
                .outlet
                .clone()
                .unwrap_or_else(|| format!("document {}", doc.id)),
        };
        let k = canonical(
            x.actors[r.subject].id.clone(),
            r.category.as_str().to_string(),
            x.actors[r.object].id.clone(),
            r.negated,
        );
        a.add(
            k,
            origin,
            r.stance.as_str().to_string(),
            r.mode.clone(),
            r.time.map(|t| t.to_string()),
        );
    }
    a
}

fn aggregate_stored(tx: &rusqlite::Transaction, doc: &str) -> rusqlite::Result<DocAgg> {
    let outlet: Option<String> = tx
        .query_row("SELECT outlet FROM documents WHERE id = ?1", [doc], |r| {
            r.get(0)
        })
        .optional()?
        .flatten();
    let mut a = DocAgg {
        outlet,
        ..DocAgg::default()
    };
    let mut stmt = tx.prepare_cached(
        "SELECT subject, category, object, negated, origin, stance, mode, time FROM claims WHERE doc = ?1",
    )?;
    let rows = stmt.query_map([doc], |r| {
        Ok((
            canonical(r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, i64>(3)? != 0),
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, Option<String>>(7)?,
        ))
    })?;
    for row in rows {
        let (k, o, st, m, t) = row?;
        a.add(k, o, st, m, t);
    }
    Ok(a)
}

/// Add (`sign` 1) or take away (`sign` -1) one document's contribution.
fn apply_aggregates(tx: &rusqlite::Transaction, a: &DocAgg, sign: i64) -> rusqlite::Result<()> {
    let mut totals = tx.prepare_cached(
        "INSERT INTO edge_totals(subject, category, object, negated, claims, documents, first, last)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT DO UPDATE SET claims = claims + excluded.claims,
           documents = documents + excluded.documents,
           first = CASE WHEN excluded.claims > 0 THEN min(COALESCE(first, excluded.first), COALESCE(excluded.first, first)) ELSE first END,
           last = CASE WHEN excluded.claims > 0 THEN max(COALESCE(last, excluded.last), COALESCE(excluded.last, last)) ELSE last END",
    )?;
    let mut origins = tx.prepare_cached(
        "INSERT INTO edge_origins(subject, category, object, negated, origin, stance, claims)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT DO UPDATE SET claims = claims + excluded.claims",
    )?;
    let mut outlets = tx.prepare_cached(
        "INSERT INTO edge_outlets(subject, category, object, negated, outlet, documents)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT DO UPDATE SET documents = documents + excluded.documents",
    )?;
    let mut modes = tx.prepare_cached(
        "INSERT INTO edge_modes(subject, category, object, negated, mode, claims)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT DO UPDATE SET claims = claims + excluded.claims",
    )?;
    for (k, e) in &a.edges {
        let neg = k.3 as i64;
        totals.execute(params![
            k.0,
            k.1,
            k.2,
            neg,
            sign * e.claims,
            sign,
            e.first,
            e.last
        ])?;
        for ((o, st), n) in &e.origins {
            origins.execute(params![k.0, k.1, k.2, neg, o, st, sign * n])?;
        }
        if let Some(out) = &a.outlet {
            outlets.execute(params![k.0, k.1, k.2, neg, out, sign])?;
        }
        for (m, n) in &e.modes {
            modes.execute(params![k.0, k.1, k.2, neg, m, sign * n])?;
        }
        if sign < 0 {
            // Dates cannot be taken away: mark them, and `refresh_dates` recomputes them from
            // the claims when the batch commits.
            tx.execute(
                "UPDATE edge_totals SET first = '~', last = '~'
                 WHERE subject = ?1 AND category = ?2 AND object = ?3 AND negated = ?4",
                params![k.0, k.1, k.2, neg],
            )?;
        }
    }
    if sign < 0 {
        for t in ["edge_totals", "edge_origins", "edge_modes"] {
            tx.execute(&format!("DELETE FROM {t} WHERE claims <= 0"), [])?;
        }
        tx.execute("DELETE FROM edge_outlets WHERE documents <= 0", [])?;
    }
    Ok(())
}

/// Recompute the dates of edges whose dates were reset by a replacement.
fn refresh_dates(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE edge_totals SET
           first = (SELECT MIN(time) FROM claims c WHERE c.category = edge_totals.category
                    AND c.negated = edge_totals.negated
                    AND ((c.subject = edge_totals.subject AND c.object = edge_totals.object)
                      OR (c.subject = edge_totals.object AND c.object = edge_totals.subject
                          AND c.category IN ('CONSULT', 'COOPERATE')))),
           last = (SELECT MAX(time) FROM claims c WHERE c.category = edge_totals.category
                    AND c.negated = edge_totals.negated
                    AND ((c.subject = edge_totals.subject AND c.object = edge_totals.object)
                      OR (c.subject = edge_totals.object AND c.object = edge_totals.subject
                          AND c.category IN ('CONSULT', 'COOPERATE'))))
         WHERE first = '~' OR last = '~'",
        [],
    )?;
    Ok(())
}
