//! The alias dictionary: CSV rows `id,name,type,aliases,part_of,country`, aliases separated by
//! `|`. An alias that starts with `@` is a place standing for the actor (a capital: "Tehran
//! said"); it names the actor only where it is not a place ("in Tehran"). An alias that starts
//! with `~` is an adjective of nationality ("~Greek"); it names the state only before a word of
//! state action ("Greek government", not "Greek food"). Adjectives ending like demonyms
//! ("Iranian", "Lebanese") are recognised as such without the mark. An alias that ends with
//! a bracketed qualifier ("Ansar Allah (Lebanon)") is a label for people, not matched in text.

use claimgraph_model::ActorType;
use std::collections::HashMap;

/// One actor of the dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// Stable id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: ActorType,
    /// Aliases (without the `@` marker).
    pub aliases: Vec<String>,
    /// Aliases that are places standing for the actor (capitals).
    pub metonyms: Vec<String>,
    /// Adjectives of nationality ("Greek"), marked `~` in the file; they name the state only
    /// before a word of state action.
    pub demonyms: Vec<String>,
    /// Parent actor id.
    pub part_of: Option<String>,
    /// ISO 3166-1 alpha-3 code of the actor's base.
    pub country: Option<String>,
}

/// A bad dictionary row.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DictionaryError {
    /// A row is malformed.
    #[error("{path}:{line}: {reason}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line.
        line: u64,
        /// What is wrong and what to do.
        reason: String,
    },
    /// The file cannot be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// The columns a dictionary CSV must have, in this order.
pub const COLUMNS: [&str; 6] = ["id", "name", "type", "aliases", "part_of", "country"];

/// The dictionary shipped in the binary.
pub const BUILTIN_CSV: &str = include_str!("../../../data/actors.csv");

/// Parse dictionary CSV text. `path` names the file in errors. Every row is checked; the first
/// bad row is reported with its line.
pub fn parse_csv(text: &str, path: &str) -> Result<Vec<ActorEntry>, DictionaryError> {
    let bad = |line: u64, reason: String| DictionaryError::Invalid {
        path: path.to_string(),
        line,
        reason,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| bad(1, format!("cannot read the header: {e}")))?
        .clone();
    let got: Vec<String> = headers
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    if got.len() < 3 || got[..3] != COLUMNS[..3] {
        return Err(bad(
            1,
            format!(
                "the header is {:?}; it must be `{}`",
                headers.iter().collect::<Vec<_>>().join(","),
                COLUMNS.join(",")
            ),
        ));
    }
    let col = |name: &str| got.iter().position(|h| h == name);
    let (ci_alias, ci_part, ci_country) = (col("aliases"), col("part_of"), col("country"));
    let mut out = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            bad(line, format!("not valid CSV: {e}"))
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rec.len() > headers.len() {
            return Err(bad(
                line,
                format!(
                    "{} fields, but the header has {}; quote fields that hold commas",
                    rec.len(),
                    headers.len()
                ),
            ));
        }
        let field = |i: Option<usize>| {
            i.and_then(|i| rec.get(i))
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let id = field(Some(0)).ok_or_else(|| bad(line, "empty id".into()))?;
        if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
        {
            return Err(bad(
                line,
                format!("id {id:?} may hold only ASCII letters, digits, '_', '-' and '.'"),
            ));
        }
        if let Some(prev) = seen.insert(id.to_string(), line) {
            return Err(bad(
                line,
                format!("id {id:?} is already defined on line {prev}"),
            ));
        }
        let name = field(Some(1)).ok_or_else(|| bad(line, format!("{id}: empty name")))?;
        let ty = field(Some(2)).unwrap_or("");
        let kind = ActorType::parse(ty).ok_or_else(|| {
            bad(
                line,
                format!(
                    "{id}: type {ty:?} is not one of {}",
                    ActorType::ALL.map(|t| t.as_str()).join(", ")
                ),
            )
        })?;
        let mut aliases = Vec::new();
        let mut metonyms = Vec::new();
        let mut demonyms = Vec::new();
        for a in field(ci_alias).unwrap_or("").split('|') {
            let a = a.trim();
            if a.is_empty() {
                continue;
            }
            if let Some(m) = a.strip_prefix('@') {
                metonyms.push(m.trim().to_string());
            } else if let Some(d) = a.strip_prefix('~') {
                demonyms.push(d.trim().to_string());
            } else {
                aliases.push(a.to_string());
            }
        }
        let country = field(ci_country).map(str::to_string);
        if let Some(c) = &country {
            if c.len() != 3 || !c.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(bad(
                    line,
                    format!("{id}: country {c:?} is not an ISO 3166-1 alpha-3 code such as IRN"),
                ));
            }
        }
        out.push(ActorEntry {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            aliases,
            metonyms,
            demonyms,
            part_of: field(ci_part).map(str::to_string),
            country,
        });
    }
    Ok(out)
}

/// Check that every `part_of` names an id, and that the hierarchy has no cycle.
pub fn check_hierarchy(entries: &[ActorEntry]) -> Result<(), String> {
    let ids: HashMap<&str, &ActorEntry> = entries.iter().map(|e| (e.id.as_str(), e)).collect();
    for e in entries {
        if let Some(p) = &e.part_of {
            if !ids.contains_key(p.as_str()) {
                return Err(format!(
                    "{}: part_of {p:?} is not an id of the dictionary",
                    e.id
                ));
            }
        }
        let mut cur = e;
        for _ in 0..=entries.len() {
            match cur.part_of.as_deref().and_then(|p| ids.get(p)) {
                Some(next) if next.id == e.id => {
                    return Err(format!("{}: part_of makes a cycle", e.id))
                }
                Some(next) => cur = next,
                None => break,
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_is_consistent() {
        let e = parse_csv(BUILTIN_CSV, "data/actors.csv").unwrap();
        assert!(e.len() >= 311);
        check_hierarchy(&e).unwrap();
        let iran = e.iter().find(|e| e.id == "st_iran").unwrap();
        assert!(iran.metonyms.contains(&"Tehran".to_string()));
        assert!(iran.aliases.contains(&"Iranian".to_string()));
    }

    #[test]
    fn bad_rows_say_where() {
        let rows = [
            ("id,name,type\nx,X,planet\n", ":2:", "planet"),
            ("id,name,type\n,X,state\n", ":2:", "empty id"),
            (
                "id,name,type,aliases\nx,X,state,a\nx,Y,state,b\n",
                ":3:",
                "already defined",
            ),
            ("name,id,type\n", ":1:", "header"),
            (
                "id,name,type,aliases,part_of,country\nx,X,state,,,Iran\n",
                ":2:",
                "alpha-3",
            ),
            ("id,name,type\nx,X,state,extra\n", ":2:", "fields"),
        ];
        for (csv, at, what) in rows {
            let e = parse_csv(csv, "my.csv").unwrap_err().to_string();
            assert!(
                e.starts_with("my.csv") && e.contains(at) && e.contains(what),
                "{e}"
            );
        }
    }
}
