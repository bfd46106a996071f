//! Actor dictionaries from FollowTheMoney entity JSON lines (`{id, schema, properties}`), the
//! format of Aleph, OpenAleph and OpenSanctions exports, and the mapping both ways between
//! claimgraph's dictionary and FtM.
//!
//! Import:
//! - `Person`, `Organization`, `Company`, `LegalEntity` and `PublicBody` become actors: the first
//!   `name` is the canonical name; the other names, `alias`, `weakAlias` and `previousName` are
//!   aliases; `country` (ISO alpha-2) becomes the alpha-3 code.
//! - Types: `Person` → person, `PublicBody` → state_agency, an entity with topic `pol.party` →
//!   political_org, `gov.national` → state, other legal entities → organization.
//! - `parent`, `Membership` (member → organization) and `Directorship` (director →
//!   organization) give `part_of`; references to entities that are not in the file are dropped.
//! - Other schemas (addresses, sanctions, identifiers, vessels...) are skipped, and so are the
//!   actors that claimgraph itself found in text (keyword `claimgraph:unknown`): extraction
//!   finds them again, and a dictionary is for curated names.
//! - claimgraph's own exports carry keywords `claimgraph:id=`, `claimgraph:type=`,
//!   `claimgraph:capital=`, `claimgraph:demonym=` and `claimgraph:part_of=`, so that a round trip gives back the same
//!   entries. FtM entity ids cannot hold `_`, which claimgraph ids may.

use crate::dictionary::{ActorEntry, DictionaryError};
use claimgraph_model::ActorType;
use std::collections::HashMap;

/// ISO 3166-1 alpha-3 → alpha-2 (lower case), from `data/iso3166.tsv`.
const ISO: &str = include_str!("../../../data/iso3166.tsv");

/// The alpha-2 code (lower case, as FtM writes it) of an alpha-3 code.
pub fn alpha2(alpha3: &str) -> Option<&'static str> {
    ISO.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(a3, _)| a3.eq_ignore_ascii_case(alpha3))
        .map(|(_, a2)| a2)
}

/// The alpha-3 code of an alpha-2 code.
pub fn alpha3(alpha2: &str) -> Option<&'static str> {
    ISO.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(_, a2)| a2.eq_ignore_ascii_case(alpha2))
        .map(|(a3, _)| a3)
}

/// The keyword prefix of claimgraph's own fields in FtM entities.
pub const KEYWORD: &str = "claimgraph:";

/// Does this text look like FtM JSON lines rather than CSV?
pub fn looks_like_ftm(path: &str, text: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".json")
        || lower.ends_with(".jsonl")
        || lower.ends_with(".ftm")
        || lower.ends_with(".ijson")
        || text.trim_start().starts_with('{')
}

struct Raw {
    line: u64,
    id: String,
    schema: String,
    props: HashMap<String, Vec<String>>,
}

impl Raw {
    fn get(&self, p: &str) -> &[String] {
        self.props.get(p).map_or(&[], |v| v.as_slice())
    }
    fn keyword(&self, key: &str) -> Vec<&str> {
        self.get("keywords")
            .iter()
            .filter_map(|k| {
                k.strip_prefix(KEYWORD)?
                    .strip_prefix(key)?
                    .strip_prefix('=')
            })
            .collect()
    }
}

const ACTOR_SCHEMAS: [&str; 5] = [
    "Person",
    "Organization",
    "Company",
    "LegalEntity",
    "PublicBody",
];

/// Parse FtM entity JSON lines into dictionary entries. `path` names the file in errors.
pub fn parse_ftm(text: &str, path: &str) -> Result<Vec<ActorEntry>, DictionaryError> {
    let bad = |line: u64, reason: String| DictionaryError::Invalid {
        path: path.to_string(),
        line,
        reason,
    };
    let mut raws = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let line = i as u64 + 1;
        let l = l.trim();
        if l.is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(l).map_err(|e| {
            bad(
                line,
                format!("not a JSON object: {e}; each line must be one FollowTheMoney entity"),
            )
        })?;
        let id = v
            .get("id")
            .and_then(|x| x.as_str())
            .filter(|s| !s.is_empty())
            .ok_or_else(|| bad(line, "the entity has no \"id\"".into()))?;
        let schema = v
            .get("schema")
            .and_then(|x| x.as_str())
            .ok_or_else(|| bad(line, format!("entity {id:?} has no \"schema\"")))?;
        let mut props = HashMap::new();
        if let Some(p) = v.get("properties") {
            let obj = p.as_object().ok_or_else(|| {
                bad(
                    line,
                    format!("entity {id:?}: \"properties\" must be an object of lists"),
                )
            })?;
            for (k, vals) in obj {
                let list: Vec<String> = match vals {
                    serde_json::Value::Array(a) => a
                        .iter()
                        .filter_map(|x| match x {
                            serde_json::Value::String(s) => Some(s.trim().to_string()),
                            serde_json::Value::Object(o) => {
                                // Nested entities (the `-n` form of ftm exports): keep the id.
                                o.get("id").and_then(|i| i.as_str()).map(str::to_string)
                            }
                            serde_json::Value::Null => None,
                            other => Some(other.to_string()),
                        })
                        .filter(|s| !s.is_empty())
                        .collect(),
                    serde_json::Value::String(s) => vec![s.trim().to_string()],
                    _ => {
                        return Err(bad(
                            line,
                            format!("entity {id:?}: property {k:?} must be a list of strings"),
                        ))
                    }
                };
                props.insert(k.clone(), list);
            }
        }
        raws.push(Raw {
            line,
            id: id.to_string(),
            schema: schema.to_string(),
            props,
        });
    }
    // FtM id → claimgraph id, for the actors of the file.
    let mut ids: HashMap<&str, String> = HashMap::new();
    for r in &raws {
        if ACTOR_SCHEMAS.contains(&r.schema.as_str()) {
            let id = r
                .keyword("id")
                .first()
                .map_or(r.id.clone(), |s| s.to_string());
            if !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
            {
                return Err(bad(
                    r.line,
                    format!("id {id:?} may hold only ASCII letters, digits, '_', '-' and '.'"),
                ));
            }
            ids.insert(r.id.as_str(), id);
        }
    }
    // Parents from links: explicit part-of first, then memberships, then directorships.
    let mut parent: HashMap<&str, String> = HashMap::new();
    for r in &raws {
        for p in r.get("parent") {
            if let Some(pid) = ids.get(p.as_str()) {
                parent.entry(r.id.as_str()).or_insert_with(|| pid.clone());
            }
        }
    }
    for (schema, from) in [("Membership", "member"), ("Directorship", "director")] {
        for r in raws.iter().filter(|r| r.schema == schema) {
            for m in r.get(from) {
                let Some(key) = ids.get_key_value(m.as_str()).map(|(k, _)| *k) else {
                    continue;
                };
                if let Some(org) = r
                    .get("organization")
                    .iter()
                    .find_map(|o| ids.get(o.as_str()))
                {
                    if org != &ids[key] {
                        parent.entry(key).or_insert_with(|| org.clone());
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let unknown = format!("{KEYWORD}unknown");
    for r in raws
        .iter()
        .filter(|r| ACTOR_SCHEMAS.contains(&r.schema.as_str()))
        .filter(|r| !r.get("keywords").contains(&unknown))
    {
        let id = ids[r.id.as_str()].clone();
        if let Some(prev) = seen.insert(id.clone(), r.line) {
            return Err(bad(
                r.line,
                format!("id {id:?} is already defined on line {prev}"),
            ));
        }
        let names = r.get("name");
        let Some(name) = names.first() else {
            return Err(bad(
                r.line,
                format!("entity {:?} ({}) has no name", r.id, r.schema),
            ));
        };
        let kind = match r.keyword("type").first() {
            Some(t) => ActorType::parse(t)
                .ok_or_else(|| bad(r.line, format!("keyword claimgraph:type={t} is not a type")))?,
            None => {
                let topics = r.get("topics");
                if r.schema == "Person" {
                    ActorType::Person
                } else if topics.iter().any(|t| t == "gov.national") {
                    ActorType::State
                } else if topics.iter().any(|t| t == "pol.party") {
                    ActorType::PoliticalOrg
                } else if r.schema == "PublicBody" {
                    ActorType::StateAgency
                } else {
                    ActorType::Organization
                }
            }
        };
        let mut aliases: Vec<String> = Vec::new();
        for a in names[1..]
            .iter()
            .chain(r.get("alias"))
            .chain(r.get("weakAlias"))
            .chain(r.get("previousName"))
        {
            if a != name && !aliases.contains(a) {
                aliases.push(a.clone());
            }
        }
        let country = r
            .get("country")
            .iter()
            .find_map(|c| alpha3(c))
            .map(str::to_string);
        // Dangling parents (not in this file) are dropped; a claimgraph keyword may name a
        // built-in parent.
        let part_of = parent
            .get(r.id.as_str())
            .cloned()
            .or_else(|| r.keyword("part_of").first().map(|s| s.to_string()));
        out.push(ActorEntry {
            id,
            name: name.clone(),
            kind,
            aliases,
            metonyms: r.keyword("capital").iter().map(|s| s.to_string()).collect(),
            demonyms: r.keyword("demonym").iter().map(|s| s.to_string()).collect(),
            part_of,
            country,
        });
    }
    if out.is_empty() {
        return Err(bad(
            1,
            "no Person, Organization, Company, LegalEntity or PublicBody entity in the file".into(),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_codes_go_both_ways() {
        assert_eq!(alpha2("IRN"), Some("ir"));
        assert_eq!(alpha3("ir"), Some("IRN"));
        assert_eq!(alpha2("XXX"), None);
    }

    #[test]
    fn entities_links_and_keywords_become_entries() {
        let text = r#"{"id":"NK-1","schema":"Organization","properties":{"name":["Al-Nasr Brigade"],"alias":["Nasr Brigade"],"weakAlias":["ANB"],"country":["sy"]}}
{"id":"NK-2","schema":"Person","properties":{"name":["Abu Example"],"previousName":["Example Man"]}}
{"id":"NK-3","schema":"Directorship","properties":{"director":["NK-2"],"organization":["NK-1"],"role":["leader"]}}
{"id":"NK-4","schema":"Address","properties":{"full":["Somewhere"]}}
{"id":"cg-x","schema":"PublicBody","properties":{"name":["Iran"],"keywords":["claimgraph:id=st_iran","claimgraph:type=state","claimgraph:capital=Tehran","claimgraph:demonym=Iranian"],"parent":["NK-9"]}}
"#;
        let e = parse_ftm(text, "x.ftm.json").unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].id, "NK-1");
        assert_eq!(e[0].kind, ActorType::Organization);
        assert_eq!(e[0].aliases, ["Nasr Brigade", "ANB"]);
        assert_eq!(e[0].country.as_deref(), Some("SYR"));
        assert_eq!(e[1].kind, ActorType::Person);
        assert_eq!(e[1].part_of.as_deref(), Some("NK-1"));
        assert_eq!(e[1].aliases, ["Example Man"]);
        assert_eq!(e[2].id, "st_iran");
        assert_eq!(e[2].kind, ActorType::State);
        assert_eq!(e[2].metonyms, ["Tehran"]);
        assert_eq!(e[2].demonyms, ["Iranian"]);
        assert_eq!(e[2].part_of, None, "a parent outside the file is dropped");
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let text =
            "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n{not json\n";
        let e = parse_ftm(text, "list.json").unwrap_err().to_string();
        assert!(e.starts_with("list.json:2: not a JSON object"), "{e}");
        let e = parse_ftm("{\"schema\":\"Person\"}\n", "l.json")
            .unwrap_err()
            .to_string();
        assert!(e.contains("l.json:1: the entity has no \"id\""), "{e}");
        let e = parse_ftm(
            "{\"id\":\"p\",\"schema\":\"Person\",\"properties\":{}}\n",
            "l.json",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("l.json:1: entity \"p\" (Person) has no name"),
            "{e}"
        );
    }
}
