//! GraphML and GEXF 1.3.

use crate::{edge_id, stance_summary, Snapshot};
use std::io::{Result, Write};

/// Escape text for XML 1.0 attributes and content; characters XML 1.0 cannot hold are dropped.
pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => o.push(c),
        }
    }
    o
}

/// (id, for, type) of the attributes.
const NODE_KEYS: [(&str, &str); 6] = [
    ("label", "string"),
    ("type", "string"),
    ("known", "boolean"),
    ("part_of", "string"),
    ("country", "string"),
    ("degree", "int"),
];

const EDGE_KEYS: [(&str, &str); 17] = [
    ("category", "string"),
    ("mode", "string"),
    ("negated", "boolean"),
    ("claims", "int"),
    ("documents", "int"),
    ("outlets", "int"),
    ("origins", "int"),
    ("origin_names", "string"),
    ("credibility", "int"),
    ("reliability", "string"),
    ("grade", "string"),
    ("stances", "string"),
    ("disputed", "boolean"),
    ("first", "string"),
    ("last", "string"),
    ("claim_ids", "string"),
    ("family", "string"),
];

/// The family of a category: cooperation, conflict or structure (colours in Gephi and the web
/// page).
pub fn family(category: &str) -> &'static str {
    match category {
        "AFFILIATE" | "LEADS" | "MEMBER" => "structural",
        "ACCUSE" | "REJECT" | "THREATEN" | "PROTEST" | "SANCTION" | "MOBILIZE" | "COERCE"
        | "ASSAULT" => "conflict",
        _ => "cooperation",
    }
}

fn node_values(n: &crate::Node) -> [String; 6] {
    [
        n.name.clone(),
        n.kind.clone(),
        n.known.to_string(),
        n.part_of.clone().unwrap_or_default(),
        n.country.clone().unwrap_or_default(),
        n.degree.to_string(),
    ]
}

fn edge_values(s: &Snapshot, i: usize, ids: &[Vec<i64>]) -> [String; 17] {
    let e = &s.edges[i];
    [
        e.category.clone(),
        crate::join(&e.modes),
        e.negated.to_string(),
        e.claims.to_string(),
        e.documents.to_string(),
        e.outlets.to_string(),
        e.origins.to_string(),
        crate::join(&e.origin_names),
        e.credibility.to_string(),
        e.reliability.to_string(),
        e.grade(),
        stance_summary(e),
        e.disputed.to_string(),
        e.first.clone().unwrap_or_default(),
        e.last.clone().unwrap_or_default(),
        ids[i]
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(";"),
        family(&e.category).to_string(),
    ]
}

pub(crate) fn graphml(s: &Snapshot, w: &mut dyn Write) -> Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, ty) in NODE_KEYS {
        writeln!(
            w,
            r#"  <key id="n_{id}" for="node" attr.name="{id}" attr.type="{ty}"/>"#
        )?;
    }
    for (id, ty) in EDGE_KEYS {
        writeln!(
            w,
            r#"  <key id="e_{id}" for="edge" attr.name="{id}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(w, r#"  <graph id="claimgraph" edgedefault="directed">"#)?;
    for n in s.graph_nodes() {
        writeln!(w, r#"    <node id="{}">"#, esc(&n.id))?;
        for ((k, _), v) in NODE_KEYS.iter().zip(node_values(n)) {
            if !v.is_empty() {
                writeln!(w, r#"      <data key="n_{k}">{}</data>"#, esc(&v))?;
            }
        }
        writeln!(w, "    </node>")?;
    }
    let ids = s.claim_ids();
    for (i, e) in s.edges.iter().enumerate() {
        writeln!(
            w,
            r#"    <edge id="{}" source="{}" target="{}">"#,
            edge_id(i),
            esc(&e.subject),
            esc(&e.object)
        )?;
        for ((k, _), v) in EDGE_KEYS.iter().zip(edge_values(s, i, &ids)) {
            if !v.is_empty() {
                writeln!(w, r#"      <data key="e_{k}">{}</data>"#, esc(&v))?;
            }
        }
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>\n</graphml>")
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_date(d: &str) -> bool {
    matches!(d.len(), 4 | 7 | 10)
        && d.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// The first day of a `YYYY[-MM[-DD]]` date.
pub fn start_of(d: &str) -> Option<String> {
    if !is_date(d) {
        return None;
    }
    match d.len() {
        4 => Some(format!("{d}-01-01")),
        7 => Some(format!("{d}-01")),
        10 => Some(d.to_string()),
        _ => None,
    }
}

/// The last day of a `YYYY[-MM[-DD]]` date.
pub fn end_of(d: &str) -> Option<String> {
    if !is_date(d) {
        return None;
    }
    match d.len() {
        4 => Some(format!("{d}-12-31")),
        7 => {
            let y: i32 = d[..4].parse().ok()?;
            let m: u32 = d[5..].parse().ok()?;
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let last = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                1..=12 => 31,
                _ => return None,
            };
            Some(format!("{d}-{last:02}"))
        }
        10 => Some(d.to_string()),
        _ => None,
    }
}

pub(crate) fn gexf(s: &Snapshot, w: &mut dyn Write) -> Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(
        w,
        "  <meta>\n    <creator>claimgraph {}</creator>\n    <description>Reported relations between actors, with their evidence</description>\n  </meta>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        w,
        r#"  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">"#
    )?;
    fn gexf_type(t: &str) -> &str {
        match t {
            "int" => "integer",
            other => other,
        }
    }
    writeln!(w, r#"    <attributes class="node" mode="static">"#)?;
    for (id, ty) in NODE_KEYS.iter().skip(1) {
        writeln!(
            w,
            r#"      <attribute id="{id}" title="{id}" type="{}"/>"#,
            gexf_type(ty)
        )?;
    }
    writeln!(w, "    </attributes>")?;
    writeln!(w, r#"    <attributes class="edge" mode="static">"#)?;
    for (id, ty) in EDGE_KEYS {
        writeln!(
            w,
            r#"      <attribute id="{id}" title="{id}" type="{}"/>"#,
            gexf_type(ty)
        )?;
    }
    writeln!(w, "    </attributes>")?;
    writeln!(w, "    <nodes>")?;
    for n in s.graph_nodes() {
        writeln!(
            w,
            r#"      <node id="{}" label="{}">"#,
            esc(&n.id),
            esc(&n.name)
        )?;
        writeln!(w, "        <attvalues>")?;
        for ((k, _), v) in NODE_KEYS.iter().zip(node_values(n)).skip(1) {
            if !v.is_empty() {
                writeln!(w, r#"          <attvalue for="{k}" value="{}"/>"#, esc(&v))?;
            }
        }
        writeln!(w, "        </attvalues>\n      </node>")?;
    }
    writeln!(w, "    </nodes>\n    <edges>")?;
    let ids = s.claim_ids();
    for (i, e) in s.edges.iter().enumerate() {
        let mut when = String::new();
        if let Some(a) = e.first.as_deref().and_then(start_of) {
            when.push_str(&format!(r#" start="{a}""#));
        }
        if let Some(b) = e.last.as_deref().and_then(end_of) {
            when.push_str(&format!(r#" end="{b}""#));
        }
        writeln!(
            w,
            r#"      <edge id="{}" source="{}" target="{}" label="{}" weight="{}"{when}>"#,
            edge_id(i),
            esc(&e.subject),
            esc(&e.object),
            esc(&e.category),
            e.origins.max(1)
        )?;
        writeln!(w, "        <attvalues>")?;
        for ((k, _), v) in EDGE_KEYS.iter().zip(edge_values(s, i, &ids)) {
            if !v.is_empty() {
                writeln!(w, r#"          <attvalue for="{k}" value="{}"/>"#, esc(&v))?;
            }
        }
        writeln!(w, "        </attvalues>\n      </edge>")?;
    }
    writeln!(w, "    </edges>\n  </graph>\n</gexf>")
}
