//! Names that are not in the dictionary, and within-document resolution.
//!
//! A candidate is a run of capitalised words (with name particles such as `al-`, `bin`, `of`
//! inside) that no dictionary match covers. Function words and titles at its front are trimmed;
//! months, generic words, laws and places are dropped; its last word, the title before it, the
//! verb after it and its shape give its type. A bare surname joins the person whose full name
//! the document gives; an acronym in brackets after a name joins that name; a description in
//! apposition ("al-Qassam, Hamas' militia") gives a parent.

use crate::words::*;
use crate::{next_word, prev_word, ActorEntry, Found, Who};
use claimgraph_model::{ActorType, MentionKind, Span};
use claimgraph_text::{is_word_byte, Token, TokenKind};
use rustc_hash::FxHashMap as HashMap;

type Set = rustc_hash::FxHashSet<&'static str>;

/// The word lists as sets, built once per recognizer.
pub(crate) struct Lists {
    pub state_nouns: Set,
    pub origin: Set,
    pub locative: Set,
    pub state_locative: Set,
    pub function: Set,
    pub stop: Set,
    pub armed: Set,
    pub agency: Set,
    pub political: Set,
    pub media: Set,
    pub org: Set,
    pub place: Set,
    pub titles: Set,
    pub person_cues: Set,
    pub speech: Set,
    pub particles: Set,
    pub law: Set,
    pub heads: Set,
    /// The first two bytes of every head, as a bit set: most plurals are not heads, and fail
    /// here without hashing.
    pub head_prefix: Vec<u64>,
    pub armed_heads: Set,
    pub desc_stops: Set,
    pub specific: Set,
}

const LAW_HEADS: &[&str] = &[
    "Act",
    "Order",
    "Resolution",
    "Law",
    "Code",
    "Amendment",
    "Convention",
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Report",
    "Reports",
    "Guide",
    "Prize",
    "Award",
    "Day",
    "War",
    "Wars",
    "Revolution",
    "Spring",
    "Crisis",
    "Conference",
    "Summit",
    "Talks",
    "Plan",
    "Strategy",
    "Declaration",
    "Doctrine",
    "Protocol",
    "Statute",
    "Regulations",
    "Operation",
    "Campaign",
    "Olympics",
    "Games",
    "Cup",
    "Award",
    "Index",
    "Chapter",
    "Section",
    "Article",
    "Appendix",
];

/// A word's first two bytes as a bit index (0..65536).
fn pair_bit(w: &[u8]) -> usize {
    let a = w.first().copied().unwrap_or(0) as usize;
    let b = w.get(1).copied().unwrap_or(0) as usize;
    (a << 8) | b
}

fn set(words: &[&'static str]) -> Set {
    words.iter().copied().collect()
}

/// The tokens of every sentence, tokenized once per document.
pub(crate) struct SentenceTokens {
    pub tokens: Vec<Token>,
    /// For each sentence, its range in `tokens`.
    pub ranges: Vec<std::ops::Range<usize>>,
}

impl SentenceTokens {
    pub fn new(text: &str, sentences: &[Span]) -> SentenceTokens {
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut ranges = Vec::with_capacity(sentences.len());
        for s in sentences {
            let a = toks.len();
            claimgraph_text::tokens_into(text, *s, &mut toks);
            ranges.push(a..toks.len());
        }
        SentenceTokens {
            tokens: toks,
            ranges,
        }
    }
    pub fn sentence(&self, i: usize) -> &[Token] {
        &self.tokens[self.ranges[i].clone()]
    }
    /// The index of the sentence holding a byte offset.
    pub fn sentence_at(&self, pos: usize) -> usize {
        let t = self.tokens.partition_point(|t| t.span.end <= pos);
        self.ranges.partition_point(|r| r.end <= t)
    }
}

impl Lists {
    pub fn new() -> Lists {
        Lists {
            state_nouns: set(STATE_NOUNS),
            origin: set(ORIGIN_NOUNS),
            locative: set(LOCATIVE_PREPOSITIONS),
            state_locative: set(STATE_LOCATIVES),
            function: set(FUNCTION_CAPITALS),
            stop: set(STOP_CAPITALS),
            armed: set(ARMED_GROUP_HEADS),
            agency: set(AGENCY_HEADS),
            political: set(POLITICAL_HEADS),
            media: set(MEDIA_HEADS),
            org: set(ORG_HEADS),
            place: set(PLACE_HEADS),
            titles: set(PERSON_TITLES),
            person_cues: set(PERSON_CUE_WORDS),
            speech: set(SPEECH_VERBS),
            particles: set(NAME_PARTICLES),
            law: set(LAW_HEADS),
            heads: set(POPULATION_HEADS),
            head_prefix: {
                let mut bits = vec![0u64; 1024];
                for w in POPULATION_HEADS {
                    let b = pair_bit(w.as_bytes());
                    bits[b / 64] |= 1 << (b % 64);
                }
                bits
            },
            armed_heads: set(ARMED_DESCRIPTION_HEADS),
            desc_stops: set(DESCRIPTION_STOPS),
            specific: set(SPECIFIC_HEADS),
        }
    }
}

/// The identity of an unknown actor within a document: its normalised name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct UnknownKey(pub String);

/// Name and type of an unknown actor.
#[derive(Debug, Clone)]
pub(crate) struct UnknownInfo {
    pub name: String,
    pub kind: ActorType,
    pub aliases: Vec<String>,
}

/// A capitalised run that may name an actor.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub span: Span,
    pub kind: Option<ActorType>,
    /// One significant word ("Feferman", "al-Muhajir").
    pub single: bool,
    /// Capitalised only because it opens the sentence.
    pub initial: bool,
    /// The name with its title and the state or group before it ("Serbian President Vojislav
    /// Kostunica"), when they were trimmed off.
    pub titled_form: Option<Span>,
}

fn is_cap(w: &str) -> bool {
    w.as_bytes().first().is_some_and(|c| c.is_ascii_uppercase())
}

/// A derived id: lower case ASCII words joined by hyphens.
pub(crate) fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !s.is_empty() {
                s.push('-');
            }
            dash = false;
            s.push(c.to_ascii_lowercase());
        } else if c != '\'' {
            dash = true;
        }
    }
    if s.is_empty() {
        s.push_str("unnamed");
    }
    s
}

fn norm_key(name: &str) -> String {
    let mut k = String::with_capacity(name.len());
    if name.is_ascii() {
        // Words of letters, digits and apostrophes, lower case, one space apart.
        let mut gap = false;
        for &c in name.as_bytes() {
            if c.is_ascii_alphanumeric() || c == b'\'' {
                if gap && !k.is_empty() {
                    k.push(' ');
                }
                gap = false;
                k.push(c.to_ascii_lowercase() as char);
            } else {
                gap = true;
            }
        }
        return k;
    }
    norm_key_chars(name, k)
}

/// [`norm_key`] for any text, char by char.
fn norm_key_chars(name: &str, mut k: String) -> String {
    for w in name.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        if w.is_empty() {
            continue;
        }
        if !k.is_empty() {
            k.push(' ');
        }
        if w.is_ascii() {
            k.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            k.push_str(&w.to_lowercase());
        }
    }
    k
}

/// Find capitalised runs not covered by dictionary matches.
pub(crate) fn candidates(
    text: &str,
    st: &SentenceTokens,
    found: &[Found],
    lists: &Lists,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut fi = 0; // cursor into found (sorted by start)
                    // Buffers reused by every run.
    let mut name_words: Vec<&str> = Vec::new();
    let mut caps: Vec<&str> = Vec::new();
    for si in 0..st.ranges.len() {
        let toks = st.sentence(si);
        let covered = |sp: Span, fi: &mut usize| -> bool {
            while *fi < found.len() && found[*fi].span.end <= sp.start {
                *fi += 1;
            }
            found[*fi..]
                .iter()
                .take_while(|f| f.span.start < sp.end)
                .any(|f| f.span.overlaps(&sp))
        };
        let word = |k: usize| toks[k].text(text);
        let adjacent = |a: usize, c: usize| toks[a].span.end == toks[c].span.start;
        let is_particle = |k: usize| {
            let w = word(k);
            toks[k].kind == TokenKind::Word && !is_cap(w) && lists.particles.contains(w)
        };
        // A particle that leads into a capitalised word: "al-Qassam", "bin Laden", "of Jerusalem".
        let particle_leads = |k: usize| -> Option<usize> {
            if !is_particle(k) {
                return None;
            }
            let mut j = k + 1;
            if j < toks.len() && word(j) == "-" && adjacent(k, j) {
                j += 1;
            }
            // "of the Faithful": a second particle may follow.
            if j + 1 < toks.len() && is_particle(j) && word(k) != word(j) {
                j += 1;
            }
            (j < toks.len() && toks[j].kind == TokenKind::Word && is_cap(word(j))).then_some(j)
        };
        let first_word = toks.iter().position(|t| t.kind == TokenKind::Word);
        let mut k = 0;
        while k < toks.len() {
            let t = toks[k];
            // (Byte tests first; the cheap hyphen test goes before the particle lookup.)
            let b = text.as_bytes();
            let starts = t.kind == TokenKind::Word && b[t.span.start].is_ascii_uppercase()
                || (k + 1 < toks.len()
                    && b[toks[k + 1].span.start] == b'-'
                    && toks[k + 1].span.len() == 1
                    && adjacent(k, k + 1)
                    && particle_leads(k).is_some());
            if !starts || covered(t.span, &mut fi) {
                k += 1;
                continue;
            }
            // Extend the run.
            let s = k;
            let mut e = k; // last token of the run
            let mut j = k + 1;
            loop {
                if j >= toks.len() {
                    break;
                }
                let tj = toks[j];
                if covered(tj.span, &mut fi) {
                    break;
                }
                if tj.kind == TokenKind::Word && is_cap(word(j)) {
                    e = j;
                    j += 1;
                    continue;
                }
                if word(j) == "-" && adjacent(e, j) && j + 1 < toks.len() && adjacent(j, j + 1) {
                    let n = j + 1;
                    if toks[n].kind == TokenKind::Word
                        && (is_cap(word(n)) || particle_leads(n).is_some())
                        && !covered(toks[n].span, &mut fi)
                    {
                        e = n;
                        j = n + 1;
                        continue;
                    }
                }
                if let Some(n) = particle_leads(j) {
                    if !covered(toks[n].span, &mut fi) && word(j) != "and" {
                        e = n;
                        j = n + 1;
                        continue;
                    }
                }
                break;
            }
            k = e + 1;
            // A heading label that opens a paragraph ("2018 Terrorist Incidents: Both ..."),
            // not a name.
            if e + 1 < toks.len()
                && word(e + 1) == ":"
                && toks[..s].iter().all(|t| t.kind == TokenKind::Number)
            {
                continue;
            }
            // Words of the run, trimmed of function words and titles at the front.
            let mut a = s;
            let mut titled = false;
            while a <= e {
                let w = word(a);
                if toks[a].kind != TokenKind::Word {
                    a += 1;
                    continue;
                }
                if lists.function.contains(w) {
                    a += 1;
                } else if lists.titles.contains(w) && a < e {
                    titled = true;
                    a += 1;
                } else {
                    break;
                }
            }
            // "Assistant Secretary for Financial Markets": after a title, a preposition does
            // not start the name.
            while a < e
                && matches!(
                    word(a),
                    "of" | "for"
                        | "and"
                        | "the"
                        | "to"
                        | "on"
                        | "in"
                        | "at"
                        | "with"
                        | "from"
                        | "by"
                )
            {
                a += 1;
            }
            if a > e {
                continue;
            }
            while a <= e && toks[a].kind != TokenKind::Word {
                a += 1;
            }
            let span = Span::new(toks[a].span.start, toks[e].span.end);
            name_words.clear();
            name_words.extend(
                (a..=e)
                    .filter(|&x| toks[x].kind == TokenKind::Word)
                    .map(word),
            );
            caps.clear();
            caps.extend(name_words.iter().copied().filter(|w| is_cap(w)));
            if caps.is_empty() {
                continue;
            }
            let initial = Some(s) == first_word && a == s;
            if let Some(c) = classify(text, span, &name_words, &caps, titled, lists) {
                let single = caps.len() == 1;
                let titled_form = titled.then(|| {
                    // Take in a name right before the title ("Serbian", "Hamas").
                    let mut st = toks[s].span.start;
                    let before = &text[..st];
                    let gap = before.len() - before.trim_end().len();
                    if gap == 1 {
                        if let Some(f) = found.iter().find(|f| f.span.end == st - 1) {
                            st = f.span.start;
                        }
                    }
                    Span::new(st, span.end)
                });
                out.push(Candidate {
                    span,
                    kind: c,
                    single,
                    initial,
                    titled_form,
                });
            }
        }
    }
    out
}

/// The type of a candidate, `Some(None)` when it may only be a short form, `None` to drop it.
fn classify(
    text: &str,
    span: Span,
    words: &[&str],
    caps: &[&str],
    titled: bool,
    lists: &Lists,
) -> Option<Option<ActorType>> {
    let last = *caps.last()?;
    // "Office of the Coordinator": the head stands before "of" or "for".
    let of_head = words
        .iter()
        .position(|w| *w == "of" || *w == "for")
        .filter(|&i| i > 0)
        .map(|i| words[i - 1]);
    // Shouting headlines.
    if caps.len() > 1
        && caps
            .iter()
            .all(|w| w.bytes().all(|c| !c.is_ascii_lowercase()))
    {
        return None;
    }
    if caps
        .iter()
        .all(|w| lists.stop.contains(w) || lists.function.contains(w) || lists.titles.contains(w))
    {
        return None;
    }
    if lists.law.contains(last) || lists.place.contains(last) {
        return None;
    }
    // "Operation Sinai 2018", "Exercise Eager Lion": a named operation is an event.
    if matches!(caps[0], "Operation" | "Operations" | "Exercise") {
        return None;
    }
    // "North Sinai", "Southern Lebanon", "Upper Egypt": a region, unless a head word makes it
    // an organisation ("North Sinai Province Council").
    if caps.len() == 2
        && matches!(
            caps[0],
            "North"
                | "South"
                | "East"
                | "West"
                | "Northern"
                | "Southern"
                | "Eastern"
                | "Western"
                | "Upper"
                | "Lower"
                | "Central"
                | "Greater"
        )
        && head_type(last, lists).is_none()
    {
        return None;
    }
    let prev = prev_word(text, span.start).to_ascii_lowercase();
    let next = next_word(text, span.end).to_ascii_lowercase();
    let head = head_type(last, lists).or_else(|| of_head.and_then(|h| head_type(h, lists)));
    if let Some(h) = head {
        return (caps.len() > 1 || words.len() > 1).then_some(Some(h));
    }
    // Places after locative prepositions.
    if matches!(
        prev.as_str(),
        "in" | "at" | "near" | "inside" | "outside" | "across" | "throughout" | "into" | "around"
    ) {
        return None;
    }
    let particle_name = words.iter().any(|w| {
        let l = w.to_ascii_lowercase();
        matches!(
            l.as_str(),
            "al" | "el" | "bin" | "ibn" | "abu" | "abd" | "bint"
        )
    });
    let speaker = lists.speech.contains(next.as_str());
    let cue = titled || lists.person_cues.contains(prev.as_str()) || speaker;
    let title_case = caps
        .iter()
        .all(|w| w.len() > 1 && w.bytes().skip(1).any(|c| c.is_ascii_lowercase()));
    if caps.len() == 1 {
        // A lone word: only a short form or a cued person.
        if particle_name || cue {
            return Some(Some(ActorType::Person));
        }
        return Some(None);
    }
    // A bare title-case pair after a preposition is more often a place ("to Sharm el-Sheikh").
    let after_preposition = lists.locative.contains(prev.as_str()) || prev == "of";
    if (cue
        || particle_name && !after_preposition
        || (caps.len() <= 3 && title_case && !after_preposition))
        && caps.len() <= 5
    {
        return Some(Some(ActorType::Person));
    }
    None
}

fn head_type(w: &str, lists: &Lists) -> Option<ActorType> {
    if lists.media.contains(w) {
        Some(ActorType::Media)
    } else if lists.armed.contains(w) {
        Some(ActorType::ArmedGroup)
    } else if lists.agency.contains(w) {
        Some(ActorType::StateAgency)
    } else if lists.political.contains(w) {
        Some(ActorType::PoliticalOrg)
    } else if lists.org.contains(w) {
        Some(ActorType::Organization)
    } else {
        None
    }
}

/// Everything resolution produces.
pub(crate) struct Resolved {
    pub found: Vec<Found>,
    pub names: HashMap<UnknownKey, UnknownInfo>,
    pub parents: Vec<(Who, Who)>,
}

/// The significant last word of a name, lower case, without a particle prefix ("al-Muhajir" →
/// "muhajir").
fn surname(name: &str) -> Option<String> {
    let last = name.rsplit([' ']).next()?;
    let last = last
        .split_once('-')
        .filter(|(p, _)| matches!(p.to_ascii_lowercase().as_str(), "al" | "el" | "ad" | "as"))
        .map(|(_, r)| r)
        .unwrap_or(last);
    let l = last.to_ascii_lowercase();
    (l.len() > 2).then_some(l)
}

pub(crate) fn resolve(
    text: &str,
    st: &SentenceTokens,
    entries: &[ActorEntry],
    mut found: Vec<Found>,
    cands: Vec<Candidate>,
    lists: &Lists,
) -> Resolved {
    let mut names: HashMap<UnknownKey, UnknownInfo> = HashMap::default();
    // Surnames of the people named in full in this document.
    let mut surnames: HashMap<String, Who> = HashMap::default();
    for f in &found {
        if let Who::Entry(e) = f.who {
            if entries[e].kind == ActorType::Person {
                let n = &entries[e].name;
                if n.contains(' ') {
                    if let Some(s) = surname(n) {
                        surnames.entry(s).or_insert(f.who.clone());
                    }
                }
            }
        }
    }
    for c in &cands {
        if !c.single {
            if let Some(kind) = c.kind {
                let name = &text[c.span.start..c.span.end];
                let key = UnknownKey(norm_key(name));
                let info = names.entry(key.clone()).or_insert(UnknownInfo {
                    name: name.to_string(),
                    kind,
                    aliases: Vec::new(),
                });
                if let Some(t) = c.titled_form {
                    let form = text[t.start..t.end].to_string();
                    if !info.aliases.contains(&form) {
                        info.aliases.push(form);
                    }
                }
                if kind == ActorType::Person {
                    if let Some(s) = surname(name) {
                        surnames.entry(s).or_insert(Who::Unknown(key));
                    }
                }
            }
        }
    }
    for c in &cands {
        let name = &text[c.span.start..c.span.end];
        if c.single {
            if let Some(who) = surname(name).and_then(|s| surnames.get(&s)) {
                found.push(Found {
                    span: c.span,
                    who: who.clone(),
                    kind: MentionKind::ShortForm,
                    locative: false,
                });
            } else if let Some(kind) = c.kind.filter(|_| !c.initial) {
                let key = UnknownKey(norm_key(name));
                names.entry(key.clone()).or_insert(UnknownInfo {
                    name: name.to_string(),
                    kind,
                    aliases: Vec::new(),
                });
                found.push(Found {
                    span: c.span,
                    who: Who::Unknown(key),
                    kind: MentionKind::Unknown,
                    locative: false,
                });
            }
        } else if c.kind.is_some() {
            let key = UnknownKey(norm_key(name));
            found.push(Found {
                span: c.span,
                who: Who::Unknown(key),
                kind: MentionKind::Unknown,
                locative: false,
            });
        }
    }
    found.sort_by_key(|f| f.span);
    acronyms(text, &mut found);
    let population =
        |f: &Found| matches!(f.who, Who::Entry(e) if entries[e].kind == ActorType::Population);
    // Populations do not block descriptions; copy the mentions only when there are some.
    let descs = if found.iter().any(population) {
        let blocking: Vec<Found> = found.iter().filter(|f| !population(f)).cloned().collect();
        descriptions(text, st, &blocking, lists)
    } else {
        descriptions(text, st, &found, lists)
    };
    found.retain(|f| {
        !matches!(f.who, Who::Entry(e) if entries[e].kind == ActorType::Population)
            || !descs
                .iter()
                .any(|d| d.span.overlaps(&f.span) && d.span != f.span)
    });
    let mut role_parents = Vec::new();
    let desc_spans: Vec<Span> = descs.iter().map(|d| d.span).collect();
    for d in descs {
        let key = UnknownKey(norm_key(&d.name));
        let info = names.entry(key.clone()).or_insert(UnknownInfo {
            name: d.name.clone(),
            kind: d.kind,
            aliases: Vec::new(),
        });
        for a in d.aliases {
            if !info.aliases.contains(&a) {
                info.aliases.push(a);
            }
        }
        if let Some(o) = d.owner {
            role_parents.push((Who::Unknown(key.clone()), o));
        }
        found.push(Found {
            span: d.span,
            who: Who::Unknown(key),
            kind: MentionKind::Unknown,
            locative: false,
        });
    }
    found.sort_by_key(|f| f.span);
    anaphors(text, st, entries, &names, &mut found);
    pronoun_subjects(text, st, entries, &names, &mut found);
    predicates(text, st, &desc_spans, &mut found);
    let mut parents = appositions(text, &found);
    parents.extend(role_parents);
    Resolved {
        found,
        names,
        parents,
    }
}

/// "Al-Shabaab is a violent and brutal extremist group", "KH is an Iraqi terrorist
/// organization": a description that is the indefinite predicate of a copula names the
/// copula's subject, so it takes the subject's identity.
fn predicates(text: &str, st: &SentenceTokens, desc_spans: &[Span], found: &mut [Found]) {
    for di in 0..found.len() {
        if !desc_spans.contains(&found[di].span) {
            continue;
        }
        let si = st.sentence_at(found[di].span.start);
        let toks = st.sentence(si);
        let Some(mut k) = toks
            .iter()
            .position(|t| t.span.start == found[di].span.start)
        else {
            continue;
        };
        let word = |k: usize| &text[toks[k].span.start..toks[k].span.end];
        // Left over the description's other modifiers ("violent and") to the article.
        let mut steps = 0;
        while k > 0 && steps < 5 {
            let w = word(k - 1);
            if matches!(w, "a" | "an") {
                break;
            }
            if !(w == "," || w.bytes().all(|c| c.is_ascii_lowercase())) {
                break;
            }
            k -= 1;
            steps += 1;
        }
        if k < 2 || !matches!(word(k - 1), "a" | "an") {
            continue;
        }
        let mut v = k - 2;
        // "is also a", "remains primarily a"
        if matches!(word(v), "also" | "now" | "still" | "primarily" | "mainly") && v > 0 {
            v -= 1;
        }
        if !matches!(
            word(v),
            "is" | "was" | "remains" | "remained" | "became" | "becomes" | "been"
        ) {
            continue;
        }
        if word(v) == "been" {
            if v == 0 || !matches!(word(v - 1), "has" | "had" | "have") {
                continue;
            }
            v -= 1;
        }
        // The subject ends right before the verb, past a bracketed gloss: "Al-Shabaab (The
        // Youth) is a ...".
        let mut end = toks[v].span.start;
        let before = text[..end].trim_end();
        end = before.len();
        if before.ends_with(')') {
            if let Some(open) = before.rfind('(') {
                end = text[..open].trim_end().len();
            }
        }
        if let Some(sj) = found.iter().position(|f| f.span.end == end) {
            if sj != di {
                found[di].who = found[sj].who.clone();
            }
        }
    }
}

/// "Allied Democratic Forces (ADF)": the bracketed acronym names the actor before it, here and
/// wherever else the document uses it, over any dictionary meaning.
fn acronyms(text: &str, found: &mut Vec<Found>) {
    let b = text.as_bytes();
    let mut defs: Vec<(String, Who, Span)> = Vec::new();
    for f in found.iter() {
        let mut i = f.span.end;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if b.get(i) != Some(&b'(') {
            continue;
        }
        let s = i + 1;
        let mut e = s;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'-') && e - s <= 10 {
            e += 1;
        }
        if b.get(e) != Some(&b')') || e == s {
            continue;
        }
        let acr = &text[s..e];
        let upper = acr.bytes().filter(|c| c.is_ascii_uppercase()).count();
        if upper >= 2 && upper * 2 > acr.len() && acr.as_bytes()[0].is_ascii_uppercase() {
            defs.push((acr.to_string(), f.who.clone(), Span::new(s, e)));
        }
    }
    // An acronym defined twice takes its last definition everywhere: search for it once.
    let mut last: HashMap<&str, usize> = HashMap::default();
    for (i, (acr, _, _)) in defs.iter().enumerate() {
        last.insert(acr.as_str(), i);
    }
    for (i, (acr, who, _)) in defs.iter().enumerate() {
        if last[acr.as_str()] != i {
            continue;
        }
        for (pos, _) in text.match_indices(acr.as_str()) {
            let sp = Span::new(pos, pos + acr.len());
            let before = pos == 0 || !is_word_byte(b[pos - 1]);
            let after = sp.end >= b.len() || !is_word_byte(b[sp.end]);
            if !(before && after) {
                continue;
            }
            if let Some(f) = found.iter_mut().find(|f| f.span == sp) {
                f.who = who.clone();
                continue;
            }
            if found.iter().any(|f| f.span.overlaps(&sp)) {
                continue;
            }
            found.push(Found {
                span: sp,
                who: who.clone(),
                kind: MentionKind::Name,
                locative: false,
            });
        }
    }
    found.sort_by_key(|f| f.span);
}

const PART_WORDS: &[&str] = &[
    "militia",
    "wing",
    "branch",
    "affiliate",
    "arm",
    "faction",
    "front",
    "proxy",
    "unit",
    "chapter",
    "province",
    "division",
    "offshoot",
    "subsidiary",
    "cell",
    "franchise",
    "brigade",
    "brigades",
];

/// "al-Qassam, Hamas' militia" / "Al-Qassam [Hamas' militia]": the child and its parent.
fn appositions(text: &str, found: &[Found]) -> Vec<(Who, Who)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (i, x) in found.iter().enumerate() {
        let mut p = x.span.end;
        match b.get(p) {
            Some(b',') | Some(b'[') | Some(b'(') => p += 1,
            Some(b' ') if matches!(b.get(p + 1), Some(b'[') | Some(b'(')) => p += 2,
            _ => continue,
        }
        while p < b.len() && b[p] == b' ' {
            p += 1;
        }
        for skip in ["the ", "its ", "a "] {
            if text[p..].starts_with(skip) {
                p += skip.len();
            }
        }
        let Some(y) = found[i + 1..].iter().find(|f| f.span.start == p) else {
            continue;
        };
        let mut q = y.span.end;
        if text[q..].starts_with("'s") {
            q += 2;
        } else if text[q..].starts_with('\'') {
            q += 1;
        } else {
            continue;
        }
        // Up to two modifiers, then the part word.
        let rest = &text[q..claimgraph_text::floor_boundary(text, q + 60)];
        let words: Vec<String> = rest
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .take(3)
            .map(|w| w.to_ascii_lowercase())
            .collect();
        if words.iter().any(|w| PART_WORDS.contains(&w.as_str())) && y.who != x.who {
            out.push((x.who.clone(), y.who.clone()));
        }
    }
    out
}

/// Words that end a description's modifiers when walking left from its head.
const DESCRIPTION_STOPS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "by",
    "with",
    "for",
    "that",
    "which",
    "who",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "against",
    "from",
    "all",
    "some",
    "many",
    "most",
    "more",
    "than",
    "at",
    "least",
    "about",
    "nearly",
    "over",
    "including",
    "such",
    "as",
    "both",
    "not",
    "no",
    "into",
    "targeting",
    "targeted",
    "killed",
    "killing",
    "attacked",
    "attacking",
    "harmed",
    "wounded",
    "injured",
    "kidnapped",
    "threatened",
    "among",
    "between",
    "other",
    "said",
    "says",
    "also",
    "had",
    "would",
    "will",
    "could",
    "may",
    "any",
    "each",
    "every",
    "several",
    "numerous",
    "dozens",
    "hundreds",
    "thousands",
    "it",
    "they",
    "he",
    "she",
    "we",
    "use",
    "used",
    "using",
    "against",
    "toward",
    "towards",
    "where",
    "when",
    "while",
    "via",
];

/// Heads specific enough to stand alone ("tourists", "worshippers").
const SPECIFIC_HEADS: &[&str] = &[
    "civilians",
    "tourists",
    "worshippers",
    "worshipers",
    "villagers",
    "passengers",
    "pilgrims",
    "refugees",
    "protesters",
    "protestors",
    "journalists",
    "hostages",
    "peacekeepers",
    "copts",
    "jury",
];

/// A group of people named by description: "Iraqi politicians and civilians", "tourists in
/// Egypt", "local tribal militias", "Salafist armed group".
pub(crate) struct Description {
    pub span: Span,
    pub name: String,
    pub kind: ActorType,
    /// Other forms of the same description in the text ("more than 300 worshippers", a nested
    /// "Salafist armed group").
    pub aliases: Vec<String>,
    /// The actor a role description belongs to ("the ISIS caliph").
    pub owner: Option<Who>,
}

pub(crate) fn descriptions(
    text: &str,
    st: &SentenceTokens,
    found: &[Found],
    lists: &Lists,
) -> Vec<Description> {
    let (heads, armed, stops, specific) = (
        &lists.heads,
        &lists.armed_heads,
        &lists.desc_stops,
        &lists.specific,
    );
    let armed_mods = [
        "armed",
        "terrorist",
        "militant",
        "jihadist",
        "extremist",
        "salafist",
        "insurgent",
    ];
    let mut out = Vec::new();
    for si in 0..st.ranges.len() {
        let toks = st.sentence(si);
        // `found` is sorted by start: only mentions starting before the span's end can overlap,
        // and mentions are short, so a window before that point suffices.
        let covered = |sp: Span| {
            let hi = found.partition_point(|f| f.span.start < sp.end);
            found[hi.saturating_sub(8)..hi]
                .iter()
                .any(|f| f.span.overlaps(&sp))
        };
        let word = |k: usize| toks[k].text(text);
        let mut k = 0;
        while k < toks.len() {
            // Heads end in "s" or are one of a few singulars (group, militia, network, jury,
            // shia, personnel): the last byte rules out most words before any string work.
            let t = &toks[k];
            if t.kind != TokenKind::Word
                || !matches!(
                    text.as_bytes()[t.span.end - 1],
                    b's' | b'p' | b'a' | b'k' | b'y' | b'l'
                )
            {
                k += 1;
                continue;
            }
            let w = word(k);
            if is_cap(w) && w != "Civilians" {
                k += 1;
                continue;
            }
            let lw: &str = if w == "Civilians" { "civilians" } else { w };
            // Heads are plural nouns or one of a few singulars: a cheap test before hashing.
            if !(lw.ends_with('s')
                || matches!(
                    lw,
                    "group" | "militia" | "network" | "jury" | "shia" | "personnel"
                ))
            {
                k += 1;
                continue;
            }
            let singular_armed = matches!(lw, "group" | "militia");
            let network = matches!(lw, "network" | "networks" | "jury");
            let pb = pair_bit(lw.as_bytes());
            if lists.head_prefix[pb / 64] & (1 << (pb % 64)) == 0 && !singular_armed && !network {
                k += 1;
                continue;
            }
            if !(heads.contains(lw) || singular_armed || network) || covered(toks[k].span) {
                k += 1;
                continue;
            }
            // Walk left over modifiers, and over "X and" where X is another head.
            let mut a = k;
            let mut mods = 0;
            while a > 0 {
                let p = a - 1;
                let pw = word(p);
                let pl = pw.to_ascii_lowercase();
                if toks[p].kind == TokenKind::Punct
                    && pw == "-"
                    && p > 0
                    && toks[p - 1].span.end == toks[p].span.start
                {
                    a = p;
                    continue;
                }
                if toks[p].kind != TokenKind::Word || covered(toks[p].span) {
                    break;
                }
                if pl == "and" && p > 0 && heads.contains(word(p - 1).to_ascii_lowercase().as_str())
                {
                    a = p;
                    continue;
                }
                if stops.contains(pl.as_str()) || lists.function.contains(pw) || mods >= 4 {
                    break;
                }
                // "to target civilian sites": an infinitive is no modifier.
                if p > 0 && word(p - 1) == "to" {
                    break;
                }
                // "ISIS-Sinai attacks government personnel": a word in -s right after a named
                // party, before further modifiers, is its verb, not a modifier.
                if p > 0 && p + 1 < k && pl.ends_with('s') && covered(toks[p - 1].span) {
                    break;
                }
                // "but also attacks government personnel", "mostly targets security forces":
                // a word in -s after an adverb is a verb too.
                if p > 0 && pl.ends_with('s') && !pl.ends_with("ss") && {
                    let b = word(p - 1);
                    matches!(b, "also" | "often" | "still" | "then" | "mostly" | "mainly")
                        || (b.len() > 4
                            && b.ends_with("ly")
                            && b.bytes().all(|c| c.is_ascii_lowercase()))
                } {
                    break;
                }
                if pl.ends_with("ing")
                    && !matches!(
                        pl.as_str(),
                        "ruling" | "fighting" | "opposing" | "competing"
                    )
                {
                    break;
                }
                if pl.ends_with("ly")
                    || pl.ends_with("ed") && !matches!(pl.as_str(), "armed" | "united" | "based")
                {
                    break;
                }
                a = p;
                mods += 1;
            }
            let has_armed_mod =
                (a..k).any(|x| armed_mods.contains(&word(x).to_ascii_lowercase().as_str()));
            // Things aimed at ("interests", "targets", "sites") name a group only with a
            // name-like or institutional modifier ("Israeli interests", "civilian sites").
            let thing = matches!(
                lw,
                "interests" | "targets" | "sites" | "facilities" | "vessels" | "ships"
            );
            let institutional = (a..k).any(|x| {
                let m = word(x);
                is_cap(m)
                    || matches!(
                        m,
                        "civilian"
                            | "military"
                            | "government"
                            | "diplomatic"
                            | "commercial"
                            | "economic"
                            | "foreign"
                            | "western"
                    )
            });
            // "a pro-ISIS media group": a media outlet of its own.
            let media_group =
                lw == "group" && (a..k).any(|x| word(x).eq_ignore_ascii_case("media"));
            let ok = if singular_armed {
                has_armed_mod || media_group
            } else if thing {
                institutional
            } else {
                mods > 0 || specific.contains(lw)
            };
            if !ok {
                k += 1;
                continue;
            }
            // "its senior leaders", "their fighters": people of a group named elsewhere, not a
            // group of their own.
            if a > 0 && matches!(word(a - 1), "its" | "their") {
                k += 1;
                continue;
            }
            // "terrorist group Hezbollah", "the militant group Hamas": a description right
            // before a name is that name's title, not another actor.
            if singular_armed
                && k + 1 < toks.len()
                && toks[k + 1].span.start == toks[k].span.end + 1
                && {
                    // `found` is sorted by start.
                    let at = toks[k + 1].span.start;
                    found
                        .get(found.partition_point(|f| f.span.start < at))
                        .is_some_and(|f| f.span.start == at)
                }
            {
                k += 1;
                continue;
            }
            // "Lebanon-based terrorist group": "-based" belongs to the name before it.
            while a < k && word(a) == "-" {
                a += 2;
            }
            // "a pro-ISIS media group": the stance belongs to the name.
            if media_group
                && a >= 3
                && word(a - 2) == "-"
                && word(a - 3).eq_ignore_ascii_case("pro")
                && toks[a - 3].span.end == toks[a - 2].span.start
                && toks[a - 2].span.end == toks[a - 1].span.start
            {
                a -= 3;
            }
            if a > k {
                k += 1;
                continue;
            }
            let span = Span::new(toks[a].span.start, toks[k].span.end);
            // A place after it belongs to its name: "tourists in Egypt".
            let mut name = text[span.start..span.end].to_string();
            // "Hezbollah's global support network": the owner belongs to the name.
            let owner = (a >= 2 && matches!(word(a - 1), "'s" | "'"))
                .then(|| found.iter().find(|f| f.span.end == toks[a - 1].span.start))
                .flatten();
            if lw.starts_with("network") {
                match owner {
                    Some(o) => name = format!("{}'s {name}", &text[o.span.start..o.span.end]),
                    None => {
                        k += 1;
                        continue;
                    }
                }
            }
            let mut aliases = Vec::new();
            if k + 2 < toks.len()
                && matches!(word(k + 1), "in" | "within" | "from")
                && is_cap(word(k + 2))
            {
                let mut e = k + 2;
                loop {
                    while e + 1 < toks.len() && is_cap(word(e + 1)) {
                        e += 1;
                    }
                    // "in Saudi Arabia and the UAE"
                    let mut f = e + 1;
                    if f < toks.len() && matches!(word(f), "and" | ",") {
                        f += 1;
                        if f < toks.len() && word(f) == "the" {
                            f += 1;
                        }
                        if f < toks.len() && is_cap(word(f)) {
                            e = f;
                            continue;
                        }
                    }
                    break;
                }
                name = text[span.start..toks[e].span.end].to_string();
                aliases.push(text[span.start..span.end].to_string());
            }
            // With its quantifier: "more than 300 worshippers", "at least three villages".
            let mut q = a;
            while q > 0 && q + 4 > a {
                let p = q - 1;
                let pl = word(p).to_ascii_lowercase();
                if toks[p].kind == TokenKind::Number
                    || matches!(
                        pl.as_str(),
                        "more"
                            | "than"
                            | "at"
                            | "least"
                            | "about"
                            | "nearly"
                            | "over"
                            | "all"
                            | "some"
                            | "many"
                            | "dozens"
                            | "hundreds"
                            | "thousands"
                            | "of"
                            | "several"
                            | "two"
                            | "three"
                            | "four"
                            | "five"
                            | "ten"
                    )
                {
                    q = p;
                } else {
                    break;
                }
            }
            if q < a {
                aliases.push(text[toks[q].span.start..span.end].to_string());
            }
            let kind = if network {
                if lw == "jury" {
                    ActorType::StateAgency
                } else {
                    ActorType::Organization
                }
            } else if media_group && !has_armed_mod {
                ActorType::Media
            } else if armed.contains(lw) || singular_armed || has_armed_mod && lw == "members" {
                ActorType::ArmedGroup
            } else {
                ActorType::Population
            };
            out.push(Description {
                span,
                name,
                kind,
                aliases,
                owner: None,
            });
            k += 1;
        }
    }
    // "Iraqi politicians" inside "Iraqi politicians and civilians": keep the longer, with the
    // shorter as an alias.
    let mut i = 0;
    while i < out.len() {
        let inner = out[i].span;
        if let Some(j) =
            (0..out.len()).find(|&j| j != i && out[j].span != inner && out[j].span.contains(&inner))
        {
            let alias = text[inner.start..inner.end].to_string();
            out[j].aliases.push(alias);
            out.remove(i);
        } else {
            i += 1;
        }
    }
    out.extend(roles(text, st, found));
    out
}

/// Role nouns that name one person by office. A `match` compiles to a length switch: this
/// runs on every token.
fn is_role_head(w: &str) -> bool {
    // Called on every word: a cheap test on the first byte first.
    matches!(w.as_bytes().first(), Some(b'c' | b'l' | b's' | b'e' | b'f'))
        && matches!(
            w,
            "caliph"
                | "leader"
                | "spokesman"
                | "spokeswoman"
                | "commander"
                | "emir"
                | "founder"
                | "chief"
                | "spokesperson"
        )
}

/// "the ISIS self-proclaimed caliph", "the Hamas spokesman": a person known by an office of a
/// named group, when no name follows.
fn roles(text: &str, st: &SentenceTokens, found: &[Found]) -> Vec<Description> {
    let mut out = Vec::new();
    for si in 0..st.ranges.len() {
        let toks = st.sentence(si);
        let word = |k: usize| toks[k].text(text);
        for k in 1..toks.len() {
            if toks[k].kind != TokenKind::Word
                || !matches!(
                    text.as_bytes()[toks[k].span.start],
                    b'c' | b'l' | b's' | b'e' | b'f'
                )
                || !is_role_head(word(k))
            {
                continue;
            }
            // A name right after ("leader Shadi al-Manei") makes this a title, not an actor.
            if k + 1 < toks.len() && (is_cap(word(k + 1)) || word(k + 1) == ",") {
                continue;
            }
            // Walk left over up to two modifiers to an actor mention.
            let mut a = k;
            let mut steps = 0;
            while a > 0 && steps < 4 {
                let p = a - 1;
                let w = word(p);
                if w == "-"
                    || (toks[p].kind == TokenKind::Word
                        && !is_cap(w)
                        && !matches!(
                            w,
                            "the" | "a" | "an" | "of" | "and" | "its" | "their" | "his"
                        ))
                {
                    a = p;
                    steps += 1;
                } else {
                    break;
                }
            }
            if a == 0 {
                continue;
            }
            let p = a - 1;
            let Some(owner) = found
                .iter()
                .find(|f| f.span.end == toks[p].span.end && !f.locative)
            else {
                continue;
            };
            // "the (new) ISIS caliph": a determiner before the owner.
            let det = toks
                .iter()
                .rposition(|t| t.span.end <= owner.span.start)
                .is_some_and(|q| {
                    (q.saturating_sub(1)..=q).any(|x| {
                        matches!(word(x).to_ascii_lowercase().as_str(), "the" | "a" | "an")
                    })
                });
            if !det {
                continue;
            }
            let span = Span::new(toks[a].span.start, toks[k].span.end);
            let name = format!(
                "{} {}",
                &text[owner.span.start..owner.span.end],
                &text[span.start..span.end]
            );
            out.push(Description {
                span,
                name,
                kind: ActorType::Person,
                aliases: Vec::new(),
                owner: Some(owner.who.clone()),
            });
        }
    }
    out
}

/// The type of a dictionary entry or of an unknown name.
fn who_kind(
    w: &Who,
    entries: &[ActorEntry],
    names: &HashMap<UnknownKey, UnknownInfo>,
) -> ActorType {
    match w {
        Who::Entry(e) => entries[*e].kind,
        Who::Unknown(k) => names.get(k).map_or(ActorType::Organization, |i| i.kind),
    }
}

/// Words before a name that make it the object of a phrase, not a sentence's subject ("an
/// outgrowth of the Muslim Brotherhood").
const OBJECT_MARKERS: &[&str] = &[
    "of", "in", "to", "from", "with", "by", "against", "on", "for", "and", "as", "between", "into",
    "at",
];

/// "the group", "the organization": the most recent group named before, unless the phrase is
/// in apposition to it ("ISIS-Sinai Province, the group's Egyptian affiliate" refers further back).
/// Definite descriptions that refer back to a group.
/// Heads of the definite descriptions that refer back to a group ("the group said").
const ANAPHOR_HEADS: &[&str] = &["group", "organization", "organisation", "movement"];

fn anaphors(
    text: &str,
    st: &SentenceTokens,
    entries: &[ActorEntry],
    names: &HashMap<UnknownKey, UnknownInfo>,
    found: &mut Vec<Found>,
) {
    let kind_of = |w: &Who| who_kind(w, entries, names);
    let mut added = Vec::new();
    // "the group", "The organization": two adjacent word tokens one space apart.
    let phrases = st.tokens.windows(2).filter_map(|w| {
        let (a, h) = (&w[0], &w[1]);
        // Adjacency and length first: this runs at every token.
        if h.span.start != a.span.end + 1 || !matches!(a.span.len(), 3 | 4) {
            return None;
        }
        let head = &text[h.span.start..h.span.end];
        let det = &text[a.span.start..a.span.end];
        (matches!(det, "the" | "The" | "that" | "That" | "this" | "This")
            && ANAPHOR_HEADS.contains(&head))
        .then(|| {
            let demonstrative = !matches!(det, "the" | "The");
            (Span::new(a.span.start, h.span.end), head, demonstrative)
        })
    });
    for (sp, head, demonstrative) in phrases {
        let wants: &[ActorType] = if head == "group" {
            &[ActorType::ArmedGroup, ActorType::PoliticalOrg]
        } else {
            &[
                ActorType::ArmedGroup,
                ActorType::PoliticalOrg,
                ActorType::Organization,
            ]
        };
        let hi = found.partition_point(|f| f.span.start < sp.end);
        if found[hi.saturating_sub(8)..hi]
            .iter()
            .any(|f| f.span.overlaps(&sp))
        {
            continue;
        }
        // The antecedent: the last group before, skipping one that this phrase follows as an
        // apposition (", the group's").
        let before = &found[..found.partition_point(|f| f.span.end <= sp.start)];
        let mut skip = None;
        if let Some(last) = before.last() {
            let gap = &text[last.span.end..sp.start];
            if gap.trim() == "," || gap.trim().is_empty() {
                skip = Some(last.who.clone());
            }
        }
        // Prefer a group in subject position: not the object of a preposition ("an outgrowth
        // of the Muslim Brotherhood. The group ..." means the subject, not the Brotherhood);
        // among those, the first of the most recent sentence that has one.
        let eligible = |f: &&Found| {
            wants.contains(&kind_of(&f.who))
                && Some(&f.who) != skip.as_ref()
                && !OBJECT_MARKERS.contains(
                    &crate::prev_word(text, f.span.start)
                        .to_ascii_lowercase()
                        .as_str(),
                )
        };
        // "may have received support from that group": a demonstrative points back to the
        // nearest group, wherever it stands.
        if demonstrative {
            if let Some(a) = before
                .iter()
                .rev()
                .take(40)
                .find(|f| wants.contains(&kind_of(&f.who)) && Some(&f.who) != skip.as_ref())
            {
                added.push(Found {
                    span: sp,
                    who: a.who.clone(),
                    kind: MentionKind::Anaphor,
                    locative: false,
                });
            }
            continue;
        }
        let sent_of = |pos: usize| st.sentence_at(pos);
        let mut ante = None;
        let mut cur = None;
        for f in before.iter().rev().take(40) {
            let si = sent_of(f.span.start);
            if ante.is_some() && cur != Some(si) {
                break;
            }
            if eligible(&f) {
                ante = Some(f);
                cur = Some(si);
            }
        }
        let ante = ante.or_else(|| {
            before
                .iter()
                .rev()
                .take(40)
                .find(|f| wants.contains(&kind_of(&f.who)) && Some(&f.who) != skip.as_ref())
        });
        if let Some(a) = ante {
            added.push(Found {
                span: sp,
                who: a.who.clone(),
                kind: MentionKind::Anaphor,
                locative: false,
            });
        }
    }
    found.extend(added);
    found.sort_by_key(|f| f.span);
}

/// Words after "It is" that make the "it" an expletive ("It is important to", "It is not
/// clear whether"). A "that" soon after "It" makes one too ("It is believed that"); "It is
/// believed to fund" is about the group.
const EXPLETIVE_AFTER_BE: &[&str] = &[
    "important",
    "critical",
    "crucial",
    "essential",
    "imperative",
    "vital",
    "necessary",
    "clear",
    "unclear",
    "evident",
    "obvious",
    "possible",
    "impossible",
    "likely",
    "unlikely",
    "probable",
    "difficult",
    "hard",
    "easy",
    "true",
    "false",
    "time",
    "worth",
    "urgent",
    "remarkable",
    "interesting",
    "noteworthy",
    "significant",
    "unfortunate",
    "fortunate",
    "appropriate",
    "fitting",
    "useful",
    "helpful",
    "good",
    "great",
    "right",
    "wrong",
    "fair",
    "unacceptable",
    "natural",
    "surprising",
    "striking",
    "ironic",
    "telling",
    "incumbent",
    "noted",
    "a",
    "an",
    "the",
    "my",
    "our",
    "no",
    "not",
    "also",
    "still",
    "now",
    "here",
    "there",
    "what",
    "how",
    "why",
    "because",
    "as",
    "in",
    "for",
];

/// A sentence that opens with "It" and goes on about a group ("... Ansar Bayt al-Maqdis (ABM)
/// rose to prominence in 2011. It is responsible for attacks against ..."): the "It" is the
/// group that was the subject of the sentence before, in the same paragraph. An expletive "it"
/// ("It is important that", "It seems", "It was in 1998 that") and an "it" after a sentence
/// whose subject is no group stay unresolved.
fn pronoun_subjects(
    text: &str,
    st: &SentenceTokens,
    entries: &[ActorEntry],
    names: &HashMap<UnknownKey, UnknownInfo>,
    found: &mut Vec<Found>,
) {
    let kind_of = |w: &Who| who_kind(w, entries, names);
    let group = |k: ActorType| {
        matches!(
            k,
            ActorType::ArmedGroup | ActorType::PoliticalOrg | ActorType::Organization
        )
    };
    let mut added = Vec::new();
    for si in 1..st.ranges.len() {
        let toks = st.sentence(si);
        let Some(first) = toks.first() else {
            continue;
        };
        if &text[first.span.start..first.span.end] != "It" {
            continue;
        }
        let word = |i: usize| {
            toks.get(i).map_or(String::new(), |t| {
                text[t.span.start..t.span.end].to_ascii_lowercase()
            })
        };
        let w1 = word(1);
        let be = matches!(w1.as_str(), "is" | "was" | "has" | "had" | "will" | "would");
        let w2 = word(2);
        let w2 = if be && w2 == "been" { word(3) } else { w2 };
        if (be && EXPLETIVE_AFTER_BE.contains(&w2.as_str()))
            || matches!(
                w1.as_str(),
                "seems"
                    | "seemed"
                    | "appears"
                    | "appeared"
                    | "remains"
                    | "takes"
                    | "took"
                    | "means"
                    | "meant"
                    | "is'"
                    | "'s"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
            )
            || (2..6).any(|i| matches!(word(i).as_str(), "that" | "whether" | "if"))
        {
            continue;
        }
        // The sentence before, in the same paragraph.
        let prev = st.sentence(si - 1);
        let (Some(p0), Some(p1)) = (prev.first(), prev.last()) else {
            continue;
        };
        if text[p1.span.end..first.span.start].contains('\n') {
            continue;
        }
        // Its subject: the first actor named outside a prepositional phrase.
        let lo = found.partition_point(|f| f.span.start < p0.span.start);
        let hi = found.partition_point(|f| f.span.start < p1.span.end);
        let subject = found[lo..hi].iter().find(|f| {
            // The word before the name, past a determiner ("of the Taliban").
            let mut before = crate::prev_word(text, f.span.start).to_ascii_lowercase();
            if matches!(before.as_str(), "the" | "a" | "an" | "its" | "their") {
                let at = text[..f.span.start].trim_end().len() - before.len();
                before = crate::prev_word(text, at).to_ascii_lowercase();
            }
            !f.locative
                && !OBJECT_MARKERS.contains(&before.as_str())
                && !matches!(before.as_str(), "or" | "than" | "like" | "including")
        });
        if let Some(f) = subject.filter(|f| group(kind_of(&f.who))) {
            added.push(Found {
                span: first.span,
                who: f.who.clone(),
                kind: MentionKind::Anaphor,
                locative: false,
            });
        }
    }
    found.extend(added);
    found.sort_by_key(|f| f.span);
}

#[cfg(test)]
mod key_tests {
    use super::{norm_key, norm_key_chars};
    use proptest::prelude::*;

    proptest! {
        /// The ASCII fast path keys names exactly as the char-by-char path does.
        #[test]
        fn ascii_key_matches_char_key(name in "[ -~]{0,40}") {
            prop_assert_eq!(norm_key(&name), norm_key_chars(&name, String::new()));
        }
    }

    #[test]
    fn keys() {
        assert_eq!(
            norm_key("Kata'ib  Hizballah-Iraq"),
            "kata'ib hizballah iraq"
        );
        assert_eq!(norm_key("  -Abu Bakr, "), "abu bakr");
        assert_eq!(norm_key("Ḥizb Allāh"), "ḥizb allāh");
    }
}
