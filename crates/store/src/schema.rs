//! The schema and its migrations. `meta.schema_version` says which migrations ran; a database
//! written by an older version is brought up to date on open, one written by a newer one is
//! refused.

use crate::StoreError;
use rusqlite::Connection;

/// Each entry migrates from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
     CREATE TABLE documents(
       id TEXT PRIMARY KEY, path TEXT, title TEXT, url TEXT, published TEXT, outlet TEXT,
       hash TEXT NOT NULL, words INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL);
     CREATE TABLE actors(
       id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, part_of TEXT,
       known INTEGER NOT NULL);
     CREATE TABLE aliases(actor TEXT NOT NULL, alias TEXT NOT NULL COLLATE NOCASE,
       PRIMARY KEY(actor, alias)) WITHOUT ROWID;
     CREATE INDEX aliases_alias ON aliases(alias COLLATE NOCASE);
     CREATE TABLE mentions(doc TEXT NOT NULL, actor TEXT NOT NULL, start INTEGER NOT NULL,
       end INTEGER NOT NULL);
     CREATE INDEX mentions_doc ON mentions(doc);
     CREATE INDEX mentions_actor ON mentions(actor);
     CREATE TABLE claims(
       id INTEGER PRIMARY KEY, doc TEXT NOT NULL, subject TEXT NOT NULL, category TEXT NOT NULL,
       mode TEXT, object TEXT NOT NULL, negated INTEGER NOT NULL, stance TEXT NOT NULL,
       source TEXT, source_name TEXT, origin TEXT NOT NULL, time TEXT,
       ev_start INTEGER NOT NULL, ev_end INTEGER NOT NULL, sentence TEXT NOT NULL,
       rule TEXT NOT NULL);
     CREATE INDEX claims_subject ON claims(subject, object);
     CREATE INDEX claims_object ON claims(object, subject);
     CREATE INDEX claims_doc ON claims(doc);
     CREATE INDEX claims_time ON claims(time);
     CREATE VIRTUAL TABLE sentences USING fts5(doc UNINDEXED, start UNINDEXED, end UNINDEXED, text);",
    // 2: edges kept up to date at ingest, so that questions about one actor do not scan all of
    // its claims. Symmetric categories are keyed with the lesser id first.
    "CREATE TABLE edge_totals(subject TEXT NOT NULL, category TEXT NOT NULL, object TEXT NOT NULL,
       negated INTEGER NOT NULL, claims INTEGER NOT NULL, documents INTEGER NOT NULL,
       first TEXT, last TEXT, PRIMARY KEY(subject, category, object, negated)) WITHOUT ROWID;
     CREATE INDEX edge_totals_object ON edge_totals(object);
     CREATE TABLE edge_origins(subject TEXT NOT NULL, category TEXT NOT NULL, object TEXT NOT NULL,
       negated INTEGER NOT NULL, origin TEXT NOT NULL, stance TEXT NOT NULL, claims INTEGER NOT NULL,
       PRIMARY KEY(subject, category, object, negated, origin, stance)) WITHOUT ROWID;
     CREATE TABLE edge_outlets(subject TEXT NOT NULL, category TEXT NOT NULL, object TEXT NOT NULL,
       negated INTEGER NOT NULL, outlet TEXT NOT NULL, documents INTEGER NOT NULL,
       PRIMARY KEY(subject, category, object, negated, outlet)) WITHOUT ROWID;
     CREATE TABLE edge_modes(subject TEXT NOT NULL, category TEXT NOT NULL, object TEXT NOT NULL,
       negated INTEGER NOT NULL, mode TEXT NOT NULL, claims INTEGER NOT NULL,
       PRIMARY KEY(subject, category, object, negated, mode)) WITHOUT ROWID;
     CREATE TEMP VIEW canon AS SELECT c.*,
       CASE WHEN c.category IN ('CONSULT', 'COOPERATE') AND c.subject > c.object THEN c.object ELSE c.subject END AS s,
       CASE WHEN c.category IN ('CONSULT', 'COOPERATE') AND c.subject > c.object THEN c.subject ELSE c.object END AS o,
       COALESCE(d.outlet, '') AS outlet
       FROM claims c JOIN documents d ON d.id = c.doc;
     INSERT INTO edge_totals SELECT s, category, o, negated, COUNT(*), COUNT(DISTINCT doc), MIN(time), MAX(time)
       FROM canon GROUP BY s, category, o, negated;
     INSERT INTO edge_origins SELECT s, category, o, negated, origin, stance, COUNT(*)
       FROM canon GROUP BY s, category, o, negated, origin, stance;
     INSERT INTO edge_outlets SELECT s, category, o, negated, outlet, COUNT(DISTINCT doc)
       FROM canon WHERE outlet <> '' GROUP BY s, category, o, negated, outlet;
     INSERT INTO edge_modes SELECT s, category, o, negated, mode, COUNT(*)
       FROM canon WHERE mode IS NOT NULL GROUP BY s, category, o, negated, mode;
     DROP VIEW canon;",
    // 3: evidence pages read claims of a pair in date order from an index.
    "CREATE INDEX claims_pair_time ON claims(subject, object, time);",
];

/// The newest schema version this build writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn migrate(conn: &Connection, path: &str) -> Result<(), StoreError> {
    let sql = |source| StoreError::Sqlite {
        path: path.to_string(),
        source,
    };
    let not_db = |e: rusqlite::Error| StoreError::NotADatabase {
        path: path.to_string(),
        reason: e.to_string(),
    };
    // WAL lets readers go on while a writer ingests; a busy timeout waits for the writer.
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(sql)?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
        .map_err(not_db)?;
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536;
         PRAGMA temp_store = MEMORY;",
    )
    .map_err(not_db)?;
    let has_meta: bool = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(not_db)?
        > 0;
    let current: i64 = if has_meta {
        conn.query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get::<_, String>(0),
        )
        .map_err(not_db)?
        .parse()
        .map_err(|_| StoreError::NotADatabase {
            path: path.to_string(),
            reason: "schema_version is not a number".into(),
        })?
    } else {
        let tables: i64 = conn
            .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(not_db)?;
        if tables > 0 {
            return Err(StoreError::NotADatabase {
                path: path.to_string(),
                reason: "it holds tables that claimgraph did not write".into(),
            });
        }
        0
    };
    if current > VERSION {
        return Err(StoreError::TooNew {
            path: path.to_string(),
            found: current,
            supported: VERSION,
        });
    }
    for (i, m) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let v = i as i64 + 1;
        let tx = conn.unchecked_transaction().map_err(sql)?;
        tx.execute_batch(m).map_err(sql)?;
        tx.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?1)",
            [v.to_string()],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_database_is_migrated_and_keeps_its_data() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("v1.db");
        {
            // A database as the first release wrote it.
            let c = Connection::open(&p).unwrap();
            c.execute_batch(MIGRATIONS[0]).unwrap();
            c.execute_batch(
                "INSERT INTO meta VALUES ('schema_version', '1');
                 INSERT INTO documents(id, outlet, hash, words, text) VALUES ('a', 'Wire', 'h', 5, 'Iran armed Hizballah in 2019.');
                 INSERT INTO actors VALUES ('st_iran', 'Iran', 'state', NULL, 1), ('ag_hizballah', 'Hizballah', 'armed_group', NULL, 1);
                 INSERT INTO claims(doc, subject, category, mode, object, negated, stance, origin, time, ev_start, ev_end, sentence, rule)
                   VALUES ('a', 'st_iran', 'AID', 'weapons', 'ag_hizballah', 0, 'asserted', 'Wire', '2019', 0, 29, 'Iran armed Hizballah in 2019.', 'verb:arm');",
            )
            .unwrap();
        }
        let s = crate::Store::open(&p).unwrap();
        let c = Connection::open(&p).unwrap();
        let v: String = c
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(v, VERSION.to_string());
        let e = s.edges(&crate::EdgeFilter::default()).unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].claims, e[0].origins, e[0].first.as_deref()),
            (1, 1, Some("2019"))
        );
        assert_eq!(e[0].modes, ["weapons"]);
    }
}
