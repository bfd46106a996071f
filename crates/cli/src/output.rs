//! The extraction output: the JSON-lines contract (`OUTPUT.md`) and a readable text summary.
//! Spans leave here as Unicode scalar (char) offsets.

use claimgraph_model::{Document, Source, Span};
use claimgraph_relations::Extraction;
use claimgraph_text::CharIndex;
use serde_json::{json, Value};
use std::fmt::Write;

fn span_json(text: &str, idx: &CharIndex, s: Span) -> Value {
    json!({"start": idx.char_of(s.start), "end": idx.char_of(s.end), "text": &text[s.start..s.end]})
}

/// One JSON line for a document.
pub fn jsonl(doc: &Document, x: &Extraction, with_text: bool) -> String {
    let idx = CharIndex::new(&doc.text);
    let mut document = json!({
        "id": doc.id,
        "path": doc.path,
        "title": doc.title,
        "url": doc.url,
        "published": doc.published.map(|d| d.to_string()),
        "outlet": doc.outlet,
        "hash": doc.hash,
        "words": x.words,
    });
    if with_text {
        document["text"] = Value::String(doc.text.clone());
    }
    let mut actors: Vec<Value> = x
        .actors
        .iter()
        .map(|a| {
            json!({
                "id": a.id, "name": a.name, "type": a.kind.as_str(), "part_of": a.part_of,
                "known": a.known, "aliases": a.aliases, "mentions": [],
            })
        })
        .collect();
    for m in &x.mentions {
        let mut v = span_json(&doc.text, &idx, m.span);
        if m.locative {
            v["locative"] = Value::Bool(true);
        }
        if let Some(Value::Array(ms)) = actors[m.actor].get_mut("mentions") {
            ms.push(v);
        }
    }
    let relations: Vec<Value> = x
        .relations
        .iter()
        .map(|r| {
            let source = match &r.source {
                None => Value::Null,
                Some(Source::Actor(i)) => Value::String(x.actors[*i].id.clone()),
                Some(Source::Text(t)) => Value::String(t.clone()),
            };
            json!({
                "subject": x.actors[r.subject].id,
                "category": r.category.as_str(),
                "mode": r.mode,
                "object": x.actors[r.object].id,
                "negated": r.negated,
                "stance": r.stance.as_str(),
                "source": source,
                "time": r.time.map(|t| t.to_string()),
                "modality": r.modality,
                "evidence": span_json(&doc.text, &idx, r.evidence),
                "trigger": span_json(&doc.text, &idx, r.trigger),
                "rule": r.rule,
            })
        })
        .collect();
    let mut line = serde_json::to_string(&json!({
        "document": document, "actors": actors, "relations": relations,
    }))
    .unwrap_or_default();
    line.push('\n');
    line
}

/// A readable summary of a document.
pub fn text(doc: &Document, x: &Extraction, explain: bool) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "== {}{}{}",
        doc.id,
        doc.title
            .as_deref()
            .map(|t| format!(": {t}"))
            .unwrap_or_default(),
        doc.published.map(|p| format!(" ({p})")).unwrap_or_default()
    );
    let _ = writeln!(s, "actors ({}):", x.actors.len());
    for (i, a) in x.actors.iter().enumerate() {
        let n = x.mentions.iter().filter(|m| m.actor == i).count();
        let _ = writeln!(
            s,
            "  {:<32} {:<13} {:>3}x  {}{}{}",
            a.name,
            a.kind.as_str(),
            n,
            a.id,
            a.part_of
                .as_deref()
                .map(|p| format!("  part of {p}"))
                .unwrap_or_default(),
            if a.known { "" } else { "  (new)" }
        );
    }
    let _ = writeln!(s, "relations ({}):", x.relations.len());
    for r in &x.relations {
        let mode = r
            .mode
            .as_deref()
            .map(|m| format!("({m})"))
            .unwrap_or_default();
        let neg = if r.negated { "NOT " } else { "" };
        let source = match &r.source {
            None => String::new(),
            Some(Source::Actor(i)) => format!(" by {}", x.actors[*i].name),
            Some(Source::Text(t)) => format!(" by {t}"),
        };
        let time = r.time.map(|t| format!(", {t}")).unwrap_or_default();
        let ev: String = doc.text[r.evidence.start..r.evidence.end]
            .chars()
            .take(90)
            .collect();
        let _ = writeln!(
            s,
            "  {} -{}{}{}-> {}  {}{}{}  «{}»",
            x.actors[r.subject].name,
            neg,
            r.category,
            mode,
            x.actors[r.object].name,
            r.stance,
            source,
            time,
            ev.replace('\n', " ")
        );
        if explain {
            let _ = writeln!(
                s,
                "      rule {}; trigger «{}»",
                r.rule,
                &doc.text[r.trigger.start..r.trigger.end]
            );
        }
    }
    s.push('\n');
    s
}
