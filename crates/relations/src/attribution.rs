//! Who says so: reporting verbs ("X said that", "..., X alleged"), "according to X", hedges
//! ("reportedly", "believed to"), and lists introduced by an attributed sentence.

use claimgraph_actors::Recognition;
use claimgraph_model::{Source, Span, Stance};
use claimgraph_text::Token;

/// Reporting verbs and the stance they give to what they report.
const REPORTING: &[(&str, Stance)] = &[
    ("said", Stance::Reported),
    ("says", Stance::Reported),
    ("say", Stance::Reported),
    ("told", Stance::Reported),
    ("stated", Stance::Reported),
    ("states", Stance::Reported),
    ("added", Stance::Reported),
    ("wrote", Stance::Reported),
    ("writes", Stance::Reported),
    ("noted", Stance::Reported),
    ("explained", Stance::Assessed),
    ("announced", Stance::Reported),
    ("declared", Stance::Reported),
    ("reported", Stance::Reported),
    ("revealed", Stance::Reported),
    ("disclosed", Stance::Reported),
    ("alleged", Stance::Alleged),
    ("alleges", Stance::Alleged),
    ("claimed", Stance::Alleged),
    ("claims", Stance::Alleged),
    ("accused", Stance::Alleged),
    ("complained", Stance::Alleged),
    ("charged", Stance::Alleged),
    ("charges", Stance::Alleged),
    ("contended", Stance::Alleged),
    ("insisted", Stance::Alleged),
    ("asserted", Stance::Alleged),
    ("maintained", Stance::Alleged),
    ("listed", Stance::Alleged),
    ("confirmed", Stance::Confirmed),
    ("confirms", Stance::Confirmed),
    ("acknowledged", Stance::Confirmed),
    ("admitted", Stance::Confirmed),
    ("verified", Stance::Confirmed),
    ("denied", Stance::Denied),
    ("denies", Stance::Denied),
    ("refuted", Stance::Denied),
    ("believe", Stance::Assessed),
    ("believes", Stance::Assessed),
    ("believed", Stance::Assessed),
    ("suggest", Stance::Alleged),
    ("suggests", Stance::Alleged),
    ("suggested", Stance::Alleged),
    ("indicate", Stance::Alleged),
    ("indicates", Stance::Alleged),
    ("assess", Stance::Assessed),
    ("assesses", Stance::Assessed),
    ("assessed", Stance::Assessed),
    ("expect", Stance::Assessed),
    ("expects", Stance::Assessed),
    ("estimated", Stance::Assessed),
    ("judged", Stance::Assessed),
    ("thinks", Stance::Assessed),
    ("suspect", Stance::Assessed),
    ("suspects", Stance::Assessed),
    ("concluded", Stance::Assessed),
    ("argued", Stance::Assessed),
    ("argues", Stance::Assessed),
];

/// The attribution of (part of) a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    /// Who says it.
    pub source: Option<Source>,
    /// The token of the source's mention, if an actor.
    pub source_mention: Option<usize>,
    /// The stance the verb gives.
    pub stance: Stance,
    /// A hedge without a source ("reportedly").
    pub hedge: Option<Stance>,
    /// The reported content, as a byte span; relations inside it take source and stance.
    pub content: Option<Span>,
    /// The reporting clause (dates in it date the report, and so the claims).
    pub dates_span: Option<Span>,
    /// The reporting verb's token.
    pub verb_token: Option<usize>,
}

impl Attribution {
    fn none() -> Attribution {
        Attribution {
            source: None,
            source_mention: None,
            stance: Stance::Asserted,
            hedge: None,
            content: None,
            dates_span: None,
            verb_token: None,
        }
    }
    /// True when a byte offset lies in the reported content (or a hedge covers the sentence).
    pub fn covers(&self, at: usize) -> bool {
        self.content.is_some_and(|c| c.start <= at && at < c.end)
    }
}

/// An attribution that carries over a list: "X listed five areas of cooperation:" then "1. ...".
#[derive(Debug, Default)]
pub(crate) struct ListContext {
    pending: Option<(Option<Source>, Stance)>,
}

/// Find the attribution of a sentence. `lower` are its tokens in lower case, `men` the mention
/// covering each token.
pub(crate) fn find(
    toks: &[Token],
    lower: &[String],
    men: &[Option<usize>],
    rec: &Recognition,
    list: &mut ListContext,
    sent: Span,
    text: &str,
) -> Attribution {
    let n = lower.len();
    let w = |i: usize| lower.get(i).map(String::as_str).unwrap_or("");
    let actor_at = |i: usize| men[i].map(|m| rec.mentions[m].actor);
    let mut a = Attribution::none();
    // A list item inherits the attribution of the sentence that introduced the list.
    let is_item = n > 1
        && (lower[0].bytes().all(|c| c.is_ascii_digit()) && matches!(w(1), "." | ")")
            || matches!(w(0), "-" | "*" | "\u{2022}"));
    // A sentence that continues an item's line belongs to the item.
    let line_start = text[..sent.start]
        .trim_end_matches([' ', '\t'])
        .ends_with('\n')
        || sent.start == 0;
    if let Some((src, stance)) = &list.pending {
        if is_item || !line_start {
            a.source = src.clone();
            a.stance = *stance;
            a.content = Some(sent);
        } else {
            list.pending = None;
        }
    }
    // "according to X"
    for i in 0..n.saturating_sub(2) {
        if w(i) == "according" && w(i + 1) == "to" {
            let j = (i + 2..(i + 6).min(n)).find(|&j| men[j].is_some());
            a.source = j.and_then(actor_at).map(Source::Actor);
            a.source_mention = j;
            if a.source.is_none() {
                let phrase: Vec<&str> = (i + 2..(i + 6).min(n))
                    .map(w)
                    .take_while(|x| !matches!(*x, "," | "." | ";"))
                    .collect();
                if !phrase.is_empty() {
                    a.source = Some(Source::Text(phrase.join(" ")));
                }
            }
            a.stance = Stance::Reported;
            a.content = Some(sent);
            return a;
        }
    }
    // Reporting verbs.
    for r in 0..n {
        let Some(&(_, mut stance)) = REPORTING.iter().find(|(v, _)| *v == w(r)) else {
            continue;
        };
        // A word of a name ("United States") is no verb.
        if men[r].is_some() {
            continue;
        }
        // "the alleged leader": an adjective, a hedge on what follows.
        if r > 0
            && matches!(
                w(r - 1),
                "the" | "a" | "an" | "his" | "her" | "its" | "their"
            )
        {
            continue;
        }
        // A claim of responsibility is a report of the claimant's act.
        if matches!(w(r), "claimed" | "claims") && w(r + 1) == "responsibility" {
            stance = Stance::Reported;
        } else if matches!(
            w(r + 1),
            "allegiance" | "war" | "independence" | "victory" | "control"
        ) {
            // "declared allegiance", "claimed control": an act, not a report.
            continue;
        }
        // Verbs that report only with a clause: "maintained that", not "maintained pressure".
        if matches!(
            w(r),
            "maintained"
                | "added"
                | "charged"
                | "charges"
                | "declared"
                | "announced"
                | "noted"
                | "revealed"
                | "confirmed"
                | "confirms"
                | "claimed"
                | "claims"
                | "states"
        ) && !(matches!(w(r), "claimed" | "claims") && w(r + 1) == "responsibility")
        {
            let clause = (r + 1..(r + 16).min(n))
                .take_while(|&k| !matches!(w(k), ";" | "."))
                .any(|k| w(k) == "that")
                || matches!(w(r + 1), "\"" | ":" | ",")
                || w(n.saturating_sub(1)) == ":"
                || (r + 1..n).all(|k| matches!(w(k), "." | "\"" | "'"));
            if !clause {
                continue;
            }
        }
        // "believed to", "said to" after a be-form: a hedge with no source.
        if r > 0
            && matches!(w(r - 1), "is" | "are" | "was" | "were" | "been" | "widely")
            && matches!(w(r + 1), "to" | "that")
        {
            a.hedge = Some(Stance::Alleged);
            a.content = Some(sent);
            a.verb_token = Some(r);
            continue;
        }
        // Inverted: "..., said Major Dan Feferman, a former officer."
        let after_quote = r > 0
            && (matches!(w(r - 1), "\"" | "'")
                || (r > 1 && w(r - 1) == "," && matches!(w(r - 2), "\"" | "'")));
        if after_quote && w(r + 1) != "that" {
            let cand = (r + 1..(r + 5).min(n)).find(|&j| men[j].is_some());
            let ends = |j: usize| {
                let mut e = j;
                while e + 1 < n && men[e + 1] == men[j] {
                    e += 1;
                }
                matches!(w(e + 1), "," | "." | "" | ";")
            };
            if let Some(j) = cand.filter(|&j| ends(j)) {
                a.source = actor_at(j).map(Source::Actor);
                a.source_mention = Some(j);
                a.stance = stance;
                a.content = Some(Span::new(sent.start, toks[r - 1].span.start));
                a.verb_token = Some(r);
                a.dates_span = Some(Span::new(toks[r].span.start, sent.end));
                break;
            }
        }
        // Speaker before the verb: the nearest mention within 8 tokens; or "by X" inside the
        // subject ("The letter, written by X, complained").
        let mut speaker = None;
        // "The letter, written by X, ... complained": the writer speaks.
        let writer = (1..r)
            .find(|&k| {
                w(k) == "by"
                    && matches!(
                        w(k - 1),
                        "written" | "signed" | "authored" | "sent" | "penned"
                    )
            })
            .and_then(|b| (b + 1..(b + 4).min(r)).find(|&k| men[k].is_some()));
        let lo = r.saturating_sub(10);
        for j in (lo..r).rev() {
            if let Some(m) = men[j] {
                // Not a place ("in Syria") and not the object of a preposition.
                let mut st = j;
                while st > 0 && men[st - 1] == men[j] {
                    st -= 1;
                }
                let prep = st > 0
                    && matches!(
                        w(st - 1),
                        "in" | "of"
                            | "for"
                            | "to"
                            | "from"
                            | "with"
                            | "at"
                            | "on"
                            | "against"
                            | "into"
                            | "near"
                    );
                if rec.mentions[m].locative || prep {
                    continue;
                }
                speaker = Some(j);
                break;
            }
            if matches!(w(j), ";" | ":") {
                break;
            }
        }
        if writer.is_some() {
            speaker = writer;
        }
        // "..., Major Dan Feferman, a former officer and Iran specialist, told the Tower": after
        // an apposition the speaker is the first name of the clause, not the last.
        if r > 0 && w(r - 1) == "," {
            let open = (0..r)
                .rev()
                .find(|&k| matches!(w(k), "\"" | ";" | ":"))
                .map_or(0, |k| k + 1);
            if let Some(j) =
                (open..r).find(|&k| men[k].is_some() && !rec.mentions[men[k].unwrap_or(0)].locative)
            {
                speaker = Some(j);
            }
        }
        let verb_at_end = (r + 1..n).all(|k| {
            matches!(w(k), "." | "\"" | "'" | "," | ")")
                || matches!(w(k), "in" | "on" | "last" | "this" | "earlier")
        }) || r + 3 >= n;
        if let Some(sp) = speaker {
            let sp_start = {
                let mut s0 = sp;
                while s0 > 0 && men[s0 - 1] == men[sp] {
                    s0 -= 1;
                }
                s0
            };
            let after_quote = sp_start > 0 && matches!(w(sp_start - 1), "\"" | "'");
            let trailing =
                (verb_at_end && sp_start > 0 && matches!(w(sp_start - 1), "," | "\"" | "'"))
                    || after_quote;
            // "confirmed last July, and again last month, that ...": the reported clause starts
            // after "that"; what stands between belongs to the report.
            let that = (r + 1..(r + 16).min(n))
                .take_while(|&k| !matches!(w(k), ";" | "."))
                .find(|&k| w(k) == "that");
            let content = if trailing {
                // "..., al-Muhajir alleged."
                Span::new(sent.start, toks[sp_start].span.start)
            } else if let Some(k) = that.filter(|&k| k + 1 < n) {
                Span::new(toks[k + 1].span.start, sent.end)
            } else if r + 1 < n && !verb_at_end {
                Span::new(toks[r + 1].span.start, sent.end)
            } else {
                continue;
            };
            a.source = actor_at(sp).map(Source::Actor);
            a.source_mention = Some(sp);
            a.stance = stance;
            a.content = Some(content);
            a.verb_token = Some(r);
            let (ds, de) = if content.start > toks[r].span.start {
                (toks[sp_start].span.start, content.start)
            } else {
                (toks[sp_start].span.start, sent.end)
            };
            a.dates_span = Some(Span::new(ds, de));
        } else if r > 0 {
            // "Reports ... have been surfacing", "sources said": no actor source.
            a.stance = if stance == Stance::Reported {
                Stance::Reported
            } else {
                stance
            };
            a.content = Some(Span::new(toks[(r + 1).min(n - 1)].span.start, sent.end));
            a.verb_token = Some(r);
            let subj: Vec<&str> = (r.saturating_sub(3)..r).map(w).collect();
            if subj
                .iter()
                .any(|x| matches!(*x, "sources" | "officials" | "reports" | "media"))
            {
                a.source = Some(Source::Text(subj.join(" ")));
            }
        }
        break;
    }
    // Hedges.
    if a.content.is_none() || a.hedge.is_some() {
        for i in 0..n {
            let h = match w(i) {
                "reportedly" | "reports" => Some(Stance::Reported),
                "allegedly" | "purportedly" | "suspected" => Some(Stance::Alleged),
                _ => None,
            };
            if let Some(h) = h {
                a.hedge = Some(h);
                a.content = Some(sent);
                if a.stance == Stance::Asserted {
                    a.stance = h;
                }
            }
        }
    }
    // A sentence that introduces a list passes its attribution on.
    if w(n.saturating_sub(1)) == ":" && a.source.is_some() {
        list.pending = Some((a.source.clone(), a.stance));
    }
    a
}
