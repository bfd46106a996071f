//! Finding relations inside sentences and clauses: triggers, subject and object by frame,
//! voice, coordination, relative clauses, negation and modality.

use crate::attribution::{self, Attribution, ListContext};
use crate::lexicon::{Frame, Hit, Lexicon};
use claimgraph_actors::Recognition;
use claimgraph_model::{
    ActorType, Category, MentionKind, Modality, PartialDate, Relation, Span, Stance,
};
use claimgraph_text::dates::find_dates;
use claimgraph_text::{tokens, Token, TokenKind};

/// Words that end a clause: a subject is not sought beyond them.
const CLAUSE_BREAKS: &[&str] = &[
    ";", ":", "but", "while", "whereas", "although", "though", "because", "so", "after", "before",
    "when", "since", "until", "unless", "if", "as", "where", "and", "that", "which", "who",
];

/// Prepositions whose object is not a clause subject.
const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "for",
    "to",
    "with",
    "against",
    "from",
    "on",
    "at",
    "into",
    "by",
    "about",
    "over",
    "between",
    "among",
    "via",
    "like",
    "including",
    "within",
    "inside",
    "across",
    "toward",
    "towards",
    "through",
    "under",
    "than",
    "as",
    "near",
    "around",
    "throughout",
];

/// Nouns of quantity before "of": "a range of", "a series of", "a wave of".
const QUANTITY_NOUNS: &[&str] = &[
    "range",
    "number",
    "series",
    "variety",
    "wave",
    "string",
    "spate",
    "host",
    "set",
    "lot",
    "dozens",
    "hundreds",
    "thousands",
    "multitude",
];

/// Verbs that carry a relation noun: "hold meetings", "maintain relations", "launch attacks".
const LIGHT_VERBS: &[&str] = &[
    // "ordered the arrest and kidnapping of", "facilitated the movement and training of":
    // verbs of directing an act.
    "order",
    "orders",
    "ordered",
    "ordering",
    // ("direct" is also the adjective of "direct financial support".)
    "directed",
    "directing",
    "oversee",
    "oversees",
    "oversaw",
    "overseeing",
    "organize",
    "organized",
    "organizes",
    "organizing",
    "facilitate",
    "facilitates",
    "facilitated",
    "facilitating",
    "hold",
    "holds",
    "held",
    "holding",
    "have",
    "has",
    "had",
    "having",
    "maintain",
    "maintains",
    "maintained",
    "maintaining",
    "conduct",
    "conducts",
    "conducted",
    "conducting",
    "establish",
    "established",
    "establishing",
    "attend",
    "attended",
    "attending",
    "launch",
    "launched",
    "launching",
    "carry",
    "carried",
    "carrying",
    "stage",
    "staged",
    "staging",
    "pursue",
    "pursued",
    "strengthen",
    "strengthened",
    "deepen",
    "deepened",
    "expand",
    "expanded",
    "enjoy",
    "enjoys",
    "enjoyed",
    "develop",
    "developed",
    "provide",
    "provided",
    "provides",
    "providing",
    "offer",
    "offered",
    "offers",
    "extend",
    "extended",
    "continue",
    "continued",
    "intensify",
    "intensified",
    "claimed",
    "share",
    "shares",
    "shared",
    "sharing",
    "use",
    "uses",
    "used",
    "using",
    "employ",
    "employs",
    "employed",
    "employing",
    "wage",
    "wages",
    "waged",
    "waging",
    "increased",
    "increase",
    "use",
    "used",
    "uses",
    "using",
    "employ",
    "employed",
    "mount",
    "mounted",
    "wage",
    "waged",
];

const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "am",
];

const NEGATORS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "without"];

const MODALS: &[(&str, Modality)] = &[
    ("would", Modality::Possible),
    ("could", Modality::Possible),
    ("may", Modality::Possible),
    ("might", Modality::Possible),
    ("can", Modality::Possible),
    ("will", Modality::Future),
    ("shall", Modality::Future),
    ("plans", Modality::Future),
    ("planned", Modality::Future),
    ("plan", Modality::Future),
    ("intends", Modality::Future),
    ("intended", Modality::Future),
    ("seeks", Modality::Future),
    ("sought", Modality::Future),
    ("aims", Modality::Future),
    ("aim", Modality::Future),
    ("threatened", Modality::Future),
    ("vowed", Modality::Future),
    ("able", Modality::Possible),
    ("possibly", Modality::Possible),
];

/// A sentence prepared for analysis.
struct Sent<'a> {
    toks: Vec<Token>,
    lower: Vec<String>,
    /// For each token, the mention (index into rec.mentions) covering it.
    men: Vec<Option<usize>>,
    rec: &'a Recognition,
    /// The publishing agency's actor, the implicit agent of agentless designations.
    publisher: Option<usize>,
    /// The actor a profile section is about ("Asbat al-Ansar (AAA):"), the implicit subject
    /// of the subjectless clauses of its labelled lines ("aim(s): overthrow ...").
    topic: Option<usize>,
    /// The ':' that ends a line's label ("aim(s):", "area(s) of operation:").
    label_end: Option<usize>,
    /// The document's text, for the case of a token.
    text: &'a str,
    /// Per token, the actor a branch phrase stands for ("ISIS in the Sinai").
    over: Vec<Option<usize>>,
    /// The people the previous sentence named, when it named two or more.
    prev_list: Vec<usize>,
}

/// A token index that stands for the section's topic actor in argument lists.
const TOPIC: usize = usize::MAX - 1;

/// Token indices from here up to [`TOPIC`] stand for the people the previous sentence listed
/// ("They are A; B; and C. Each has been designated ...").
const LISTED: usize = usize::MAX - 64;

/// Verbs of intent before an infinitive: "seeks to disrupt", "vowed to attack".
const INTENT: &[&str] = &[
    "seek",
    "seeks",
    "sought",
    "seeking",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "vow",
    "vows",
    "vowed",
    "vowing",
    "intend",
    "intends",
    "intended",
    "threaten",
    "threatens",
    "threatened",
    "threatening",
];

/// Labels of profile lines that state aims.
const AIM_LABELS: &[&str] = &["aim", "aims", "goal", "goals", "objective", "objectives"];

/// A token index that stands for the publisher in argument lists.
const PUBLISHER: usize = usize::MAX;

impl Sent<'_> {
    fn w(&self, i: usize) -> &str {
        self.lower.get(i).map(String::as_str).unwrap_or("")
    }
    /// The first token of the mention at token i.
    fn mention_start(&self, i: usize) -> usize {
        // A stand-in index (the section's topic, the publisher) is its own mention.
        let Some(&m) = self.men.get(i) else {
            return i;
        };
        let mut s = i;
        while s > 0 && self.men[s - 1] == m {
            s -= 1;
        }
        s
    }
    fn mention_end(&self, i: usize) -> usize {
        let Some(&m) = self.men.get(i) else {
            return i;
        };
        let mut e = i;
        while e + 1 < self.men.len() && self.men[e + 1] == m {
            e += 1;
        }
        e
    }
    /// The actor at token `i` (none past the sentence's end).
    fn actor(&self, i: usize) -> Option<usize> {
        if let Some(Some(a)) = self.over.get(i) {
            return Some(*a);
        }
        self.men
            .get(i)
            .copied()
            .flatten()
            .map(|m| self.rec.mentions[m].actor)
    }
    fn locative(&self, i: usize) -> bool {
        self.men
            .get(i)
            .copied()
            .flatten()
            .is_some_and(|m| self.rec.mentions[m].locative)
    }
    fn kind(&self, i: usize) -> Option<ActorType> {
        self.actor(i).map(|a| self.rec.actors[a].kind)
    }
    fn is_break(&self, i: usize) -> bool {
        CLAUSE_BREAKS.contains(&self.w(i))
    }
}

enum Heading {
    /// "Hizballah:", "Asbat al-Ansar (AAA):", "al-Shabaab: aim(s): ..."
    Actor(usize),
    /// A line that ends in ':' and names no actor.
    Other,
    None,
}

/// Is the sentence a section heading? With an actor heading, also the index of the token after
/// its ':' (where a label may follow on the same line).
fn section_heading(lower: &[String], men: &[Option<usize>], rec: &Recognition) -> (Heading, usize) {
    let n = lower.len();
    let Some(colon) = lower.iter().position(|w| w == ":") else {
        return (Heading::None, 0);
    };
    if colon == 0 {
        return (Heading::None, 0);
    }
    // The tokens before the ':' are one actor's mentions and an optional bracketed acronym.
    let mut actor = None;
    let mut ok = true;
    let mut k = 0;
    while k < colon {
        match men[k] {
            Some(m) => {
                let a = rec.mentions[m].actor;
                if actor.is_some_and(|x| x != a) {
                    ok = false;
                }
                actor = Some(a);
            }
            None => {
                let w = lower[k].as_str();
                let bracketed = w == "(" || w == ")" || (k > 0 && lower[k - 1] == "(");
                if !bracketed {
                    ok = false;
                }
            }
        }
        k += 1;
    }
    match actor {
        Some(a) if ok => (Heading::Actor(a), colon + 1),
        _ if colon == n - 1 => (Heading::Other, n),
        _ => (Heading::None, 0),
    }
}

/// The person a sentence consists of: one person's mention and nothing else, on a line of its
/// own (no final stop), as in a list of leaders ("Ismail Haniyeh" then "Political Bureau chief
/// since May 2017").
fn person_line(s: &Sent, text: &str, sent: Span) -> Option<usize> {
    // Runs for every sentence: the token tests fail first on almost all of them.
    let a = s.actor(0)?;
    (s.kind(0) == Some(ActorType::Person)
        && (0..s.toks.len()).all(|k| s.actor(k) == Some(a))
        && !text[sent.start..sent.end].contains(['.', ':', ';']))
    .then_some(a)
}

/// Role words after a body's name in a role line: "Political Bureau chief", "Gaza Political
/// Bureau deputy chief".
const ROLE_WORDS: &[&str] = &[
    "chief",
    "leader",
    "head",
    "commander",
    "director",
    "chairman",
    "chair",
    "emir",
];

/// The role phrases of a line under a person's name: at the line's start or after a ';', a
/// body's name and a role word ("Political Bureau chief since May 2017; Political Bureau chief
/// from April 1996 to May 2017") make the person LEADS the body, a deputy included.
fn role_line(s: &Sent, person: usize, name: Span) -> Vec<Relation> {
    let n = s.toks.len();
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        // Skip place words before the body ("Gaza Political Bureau"): the body is the first
        // mention of the segment that is not a place or a person.
        let seg_end = (k..n).find(|&j| s.w(j) == ";").unwrap_or(n);
        if let Some(m) = (k..seg_end.min(k + 4)).find(|&j| {
            s.men[j].is_some()
                && !s.locative(j)
                && !matches!(
                    s.kind(j),
                    Some(ActorType::Person | ActorType::State | ActorType::Population)
                )
        }) {
            let e = s.mention_end(m);
            let mut r = e + 1;
            // "Political Bureau External Region chief": up to two words name the unit's part.
            while r < seg_end.min(e + 3)
                && s.men[r].is_none()
                && !ROLE_WORDS.contains(&s.w(r))
                && s.w(r).bytes().all(|c| c.is_ascii_alphabetic())
                && !matches!(
                    s.w(r),
                    "since" | "from" | "until" | "and" | "of" | "in" | "deputy"
                )
            {
                r += 1;
            }
            if s.w(r) == "deputy" {
                r += 1;
            }
            if r < seg_end && ROLE_WORDS.contains(&s.w(r)) {
                if let Some(body) = s.actor(m) {
                    let hi = (seg_end - 1).max(r);
                    let mut rel = structural(s, person, body, Category::Leads, k, hi, r);
                    // The first role's evidence takes in the name line above it.
                    if k == 0 {
                        rel.evidence.start = name.start;
                    }
                    rel.rule = "struct:role-line".into();
                    out.push(rel);
                }
            }
        }
        k = seg_end + 1;
    }
    out
}

/// A line label after `from`: a few lower-case words ending in ':' ("aim(s):").
fn line_label(lower: &[String], men: &[Option<usize>], from: usize) -> Option<usize> {
    let end = (from..lower.len().min(from + 7)).find(|&i| lower[i] == ":")?;
    if end == from {
        return None;
    }
    (from..end)
        .all(|i| men[i].is_none() && lower[i] != "," && lower[i] != ".")
        .then_some(end)
}

/// Is the verb at `t` the head of a subjectless clause of a labelled line: only adverbs, "to"
/// and verbs of intent between it and the label or a clause boundary?
fn topic_clause(s: &Sent, t: usize) -> bool {
    let Some(le) = s.label_end else {
        return false;
    };
    if s.topic.is_none() || t <= le {
        return false;
    }
    let mut j = t;
    while j > le + 1 {
        j -= 1;
        let w = s.w(j);
        if matches!(w, "and" | "or") {
            // "Iran's IRGC has had a presence in Lebanon and coordinates closely with X": a
            // verb coordinated in a clause that has its own subject.
            let lo = (le..j)
                .rfind(|&x| matches!(s.w(x), ";" | ":"))
                .map_or(le, |x| x + 1);
            let own_subject = (lo..j).any(|x| {
                let next = s.w(s.mention_end(x) + 1);
                s.men[x].is_some()
                    && s.mention_start(x) == x
                    && !s.locative(x)
                    && (x == 0 || !PREPOSITIONS.contains(&s.w(x - 1)))
                    && (matches!(next, "has" | "have" | "had" | "is" | "are" | "was" | "were")
                        || (next.len() > 3 && next.ends_with('s') && !next.ends_with("ss")))
            });
            return !own_subject;
        }
        if matches!(w, "," | ";") {
            return true;
        }
        if !(w.ends_with("ly") || w == "to" || INTENT.contains(&w) || w == "also") {
            return false;
        }
    }
    true
}

/// Does a commitment govern the trigger at `t` (from its subject at `from`): "will", "shall",
/// or "offered / promised / pledged / agreed / is ready / willing / prepared / committed to"?
fn commitment(s: &Sent, from: usize, t: usize) -> bool {
    let lo = from.max(t.saturating_sub(6));
    (lo..t).any(|i| {
        let w = s.w(i);
        matches!(w, "will" | "shall")
            || (w == "to"
                && i > 0
                && matches!(
                    s.w(i - 1),
                    "offer"
                        | "offers"
                        | "offered"
                        | "promise"
                        | "promises"
                        | "promised"
                        | "pledge"
                        | "pledges"
                        | "pledged"
                        | "agree"
                        | "agrees"
                        | "agreed"
                        | "ready"
                        | "willing"
                        | "prepared"
                        | "committed"
                )
                // "committed to preserving its partnership with Iran": keeping a relation
                // that exists is no promise of a new act.
                && !matches!(
                    s.w(i + 1),
                    "preserving" | "maintaining" | "continuing" | "keeping" | "sustaining"
                ))
    })
}

/// In a labelled line of a profile section, with no name of its own before `t` ("area(s) of
/// operation: headquartered in Beirut, with considerable support from Iran")?
fn topic_line(s: &Sent, t: usize) -> bool {
    match (s.topic, s.label_end) {
        (Some(_), Some(le)) if t > le => (le + 1..t).all(|i| s.men[i].is_none() || s.locative(i)),
        _ => false,
    }
}

/// Is the trigger at `t` an aim rather than a deed: after "seeks to", "vowed to", or in a line
/// labelled "aim(s):"?
fn intended(s: &Sent, t: usize) -> bool {
    if t >= 2 && s.w(t - 1) == "to" && INTENT.contains(&s.w(t - 2)) {
        return true;
    }
    s.label_end.is_some_and(|le| {
        t > le && (0..le).any(|i| AIM_LABELS.contains(&s.w(i))) && topic_clause(s, t)
    })
}

/// Can the words from `lo` up to the relative pronoun at `pron` sit between the pronoun and
/// its antecedent? Brackets, an apposition or a copular predicate ("X, a jihadist from Gaza
/// who", "X is a Jordanian facilitator who") can; a verb of another clause cannot ("It was
/// also designated in 2012 pursuant to E.O. 13582, which targets ...": the order targets).
fn antecedent_span(s: &Sent, lo: usize, pron: usize) -> bool {
    let mut k = lo;
    // A copula or aux right after the name: "X is a ...", "X, also a ...".
    while k < pron
        && matches!(
            s.w(k),
            "," | ")" | "is" | "was" | "are" | "were" | "also" | "remains"
        )
    {
        k += 1;
    }
    (k..pron).all(|x| {
        let w = s.w(x);
        let verb_like = (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")))
            || matches!(
                w,
                "is" | "was" | "are" | "were" | "has" | "have" | "had" | "will" | "be" | "been"
            );
        !verb_like || (x > 0 && s.w(x - 1) == "-")
    })
}

/// "... three individuals as examples of key Hezbollah financiers or facilitators. They are
/// Adham Tabaja; Mohammad Ibrahim Bassi; and Ali Youssef Charara." A sentence that lists people
/// as "They are" / "These include" gives each the role a plural role noun of the sentence
/// before named with its owner ("Hezbollah financiers", "financiers of Hezbollah").
fn listed_roles(s: &Sent, lex: &Lexicon, prev: Span, prev_si: usize) -> Vec<Relation> {
    if !matches!(s.w(0), "they" | "these" | "those")
        || !matches!(s.w(1), "are" | "were" | "include" | "included" | "includes")
    {
        return Vec::new();
    }
    let n = s.toks.len();
    let people: Vec<usize> = (2..n)
        .take_while(|&k| !matches!(s.w(k), "who" | "whom" | "which" | "that" | "whose"))
        .filter(|&k| {
            s.men[k].is_some()
                && s.mention_start(k) == k
                && !s.locative(k)
                && s.kind(k) == Some(ActorType::Person)
        })
        .collect();
    if people.is_empty() {
        return Vec::new();
    }
    // The sentence before: its words and mentions.
    let rec = s.rec;
    let toks = match rec.sentence_tokens.get(prev_si) {
        Some(r) if r.end <= rec.tokens.len() => rec.tokens[r.clone()].to_vec(),
        _ => tokens(s.text, prev),
    };
    let lower: Vec<String> = toks
        .iter()
        .map(|t| t.text(s.text).to_ascii_lowercase())
        .collect();
    let first = rec.mentions.partition_point(|m| m.span.end <= prev.start);
    let mention_at = |k: usize| {
        rec.mentions[first..]
            .iter()
            .take_while(|m| m.span.start < prev.end)
            .find(|m| m.span.overlaps(&toks[k].span))
    };
    let mut out = Vec::new();
    for h in lex.find(&lower) {
        let t = lex.entry(h.entry);
        let w = lower[h.start].as_str();
        if !matches!(t.frame, Frame::Member | Frame::Lead)
            || h.end != h.start + 1
            || !w.ends_with('s')
            || mention_at(h.start).is_some()
        {
            continue;
        }
        // The owner: "Hezbollah financiers", "Hezbollah's financiers", "financiers of Hezbollah".
        let mut o = None;
        if h.start >= 1 {
            let b = if h.start >= 2 && matches!(lower[h.start - 1].as_str(), "'s" | "'") {
                h.start - 2
            } else {
                h.start - 1
            };
            o = mention_at(b);
        }
        if o.is_none() && lower.get(h.end).is_some_and(|x| x == "of") {
            let j = if lower.get(h.end + 1).is_some_and(|x| x == "the") {
                h.end + 2
            } else {
                h.end + 1
            };
            o = (j < toks.len()).then(|| mention_at(j)).flatten();
        }
        // "They" takes up the last plural of the sentence before: the role noun must end it,
        // or end it but for a relative clause ("financiers or facilitators about whom ...").
        let mut j = h.end;
        if lower.get(j).is_some_and(|x| x == "of") {
            j = toks
                .iter()
                .enumerate()
                .skip(j)
                .find(|(k, t)| mention_at(*k).is_some_and(|m| m.span.end == t.span.end))
                .map_or(j, |(k, _)| k + 1);
        }
        if lower.get(j).is_some_and(|x| x == "or" || x == "and") {
            j += 2;
        }
        let w = |k: usize| lower.get(k).map_or("", String::as_str);
        let ends = j + 1 >= lower.len()
            || matches!(w(j), "who" | "whom" | "that" | "which" | "whose")
            || (PREPOSITIONS.contains(&w(j)) && matches!(w(j + 1), "whom" | "which"));
        if !ends {
            continue;
        }
        let Some(owner) = o.filter(|m| !m.locative) else {
            continue;
        };
        if rec.actors[owner.actor].kind == ActorType::Person {
            continue;
        }
        for &k in &people {
            let Some(person) = s.actor(k) else { continue };
            out.push(Relation {
                subject: person,
                category: t.category,
                mode: t.mode.clone(),
                object: owner.actor,
                negated: false,
                stance: Stance::Asserted,
                source: None,
                time: None,
                evidence: Span::new(
                    owner.span.start.min(toks[h.start].span.start),
                    s.toks[s.mention_end(k)].span.end,
                ),
                rule: format!("list:{}", t.lemma),
                trigger: toks[h.start].span,
                modality: None,
            });
        }
    }
    out
}

/// Verbs that want an act of their object but do not say it happened: "urged Syria to expel".
/// ("forced X to" and "persuaded X to" say it did; "to compel X to" is checked apart.)
const CAUSATIVE: &[&str] = &[
    "pressure",
    "pressured",
    "pressuring",
    "urge",
    "urges",
    "urged",
    "urging",
    "ask",
    "asks",
    "asked",
    "asking",
    "encourage",
    "encourages",
    "encouraged",
    "encouraging",
];

/// Words of an amount before "of": "tens of millions of dollars of support".
const AMOUNT_WORDS: &[&str] = &[
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "million",
    "billion",
    "dollars",
    "euros",
    "worth",
    "amount",
    "amounts",
    "sum",
    "sums",
];

/// The group a sentence is about: its first organisation, armed group or state named outside
/// a prepositional phrase.
fn sentence_subject(s: &Sent) -> Option<usize> {
    let n = s.toks.len();
    let k = (0..n).find(|&k| {
        if s.men[k].is_none() || s.mention_start(k) != k || s.locative(k) {
            return false;
        }
        let mut b = k;
        if b > 0 && matches!(s.w(b - 1), "the" | "a" | "an") {
            b -= 1;
        }
        b == 0 || !PREPOSITIONS.contains(&s.w(b - 1)) && s.w(b - 1) != "and"
    })?;
    (!matches!(
        s.kind(k),
        Some(ActorType::Person | ActorType::Population) | None
    ))
    .then(|| s.actor(k))
    .flatten()
}

/// "Hamas was established in 1987 ... The armed element, the Izz al-Din al-Qassam Brigades,
/// has conducted ...": a sentence that opens with a part word ("The armed element", "Its
/// military wing") in apposition to a name makes that name a part of the group the sentence
/// before was about.
fn implicit_owner_part(s: &Sent, owner: Option<usize>) -> Option<Relation> {
    let owner = owner?;
    if !matches!(s.w(0), "the" | "its") {
        return None;
    }
    let n = s.toks.len();
    // Up to two modifiers, then the part word and a comma.
    let k = (1..n.min(4)).find(|&k| {
        matches!(
            s.w(k),
            "element" | "wing" | "arm" | "branch" | "affiliate" | "faction" | "unit" | "offshoot"
        )
    })?;
    if (1..k).any(|i| s.men[i].is_some() || s.toks[i].kind != TokenKind::Word) || s.w(k + 1) != ","
    {
        return None;
    }
    let m = if s.w(k + 2) == "the" { k + 3 } else { k + 2 };
    if m >= n || s.men[m].is_none() || s.locative(m) {
        return None;
    }
    let part = s.actor(m)?;
    let e = s.mention_end(m);
    if part == owner
        || s.w(e + 1) != ","
        || matches!(
            s.kind(m),
            Some(ActorType::Person | ActorType::Population | ActorType::State)
        )
    {
        return None;
    }
    let mut r = structural(s, part, owner, Category::Affiliate, 0, e, k);
    r.rule = "struct:implicit-owner".into();
    Some(r)
}

/// Code the relations of a (folded) text.
pub(crate) fn relations(
    text: &str,
    sentences: &[Span],
    rec: &Recognition,
    lex: &Lexicon,
    published: Option<PartialDate>,
    publisher: Option<usize>,
) -> Vec<Relation> {
    let mut out = Vec::new();
    let mut list = ListContext::default();
    let mut topic: Option<usize> = None;
    let analysts = analysts(text, rec);
    // Each actor's parent and branches among the document's actors, for "ISIS in the Sinai".
    let parents: Vec<Option<usize>> = rec
        .actors
        .iter()
        .map(|a| a.part_of.as_deref().and_then(|p| rec.actor_index(p)))
        .collect();
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); rec.actors.len()];
    for (c, p) in parents.iter().enumerate() {
        if let Some(p) = p {
            kids[*p].push(c);
        }
    }
    // A line that is only a person's name ("Ismail Haniyeh"): the person the next line's role
    // phrases are about.
    let mut name_line: Option<(usize, Span)> = None;
    // The branch a paragraph opens with ("Reports on the close ties between Hamas and ISIS'
    // Sinai chapter ..."): later bare names of its parent in the paragraph mean the branch.
    let mut para_branch: Option<usize> = None;
    let mut prev_list: Vec<usize> = Vec::new();
    // The group the sentence before was about, for "The armed element, X, ..." in this one.
    let mut prev_subject: Option<usize> = None;
    let mut prev_end = 0;
    let mut mi = 0;
    for (si, sent) in sentences.iter().enumerate() {
        let para_start = si == 0 || text[prev_end.min(sent.start)..sent.start].contains('\n');
        prev_end = sent.end;
        while mi < rec.mentions.len() && rec.mentions[mi].span.end <= sent.start {
            mi += 1;
        }
        let mut mj = mi;
        while mj < rec.mentions.len() && rec.mentions[mj].span.start < sent.end {
            mj += 1;
        }
        // The recognizer tokenized these sentences already.
        let toks = match rec.sentence_tokens.get(si) {
            Some(r) if rec.sentence_tokens.len() == sentences.len() => {
                rec.tokens[r.clone()].to_vec()
            }
            _ => tokens(text, *sent),
        };
        let lower: Vec<String> = toks
            .iter()
            .map(|t| t.text(text).to_ascii_lowercase())
            .collect();
        let mut men = vec![None; toks.len()];
        for (k, t) in toks.iter().enumerate() {
            men[k] = (mi..mj).find(|&m| rec.mentions[m].span.overlaps(&t.span));
        }
        // Profile sections: "Asbat al-Ansar (AAA):" names the topic of the lines that follow;
        // a heading with no actor ("Terrorist groups - home based:") ends it.
        let (heading, prefix) = section_heading(&lower, &men, rec);
        match heading {
            Heading::Actor(a) => topic = Some(a),
            Heading::Other => topic = None,
            Heading::None => {}
        }
        let label_end = topic.and_then(|_| line_label(&lower, &men, prefix));
        let (mut over, branch_parts) = branches(&toks, &lower, &mut men, rec, text, &kids);
        topic_branch(
            &toks,
            &men,
            &mut over,
            rec,
            text,
            &parents,
            para_start,
            &mut para_branch,
        );
        let s = Sent {
            toks,
            lower,
            men,
            rec,
            publisher,
            topic,
            label_end,
            text,
            over,
            prev_list: std::mem::take(&mut prev_list),
        };
        let roles = name_line
            .take()
            .map(|(person, span)| role_line(&s, person, span))
            .unwrap_or_default();
        name_line = person_line(&s, text, *sent).map(|p| (p, *sent));
        // The people this sentence names, for a plural subject that opens the next.
        for (k, m) in s.men.iter().enumerate() {
            if let (Some(_), Some(a)) = (m, s.actor(k)) {
                if !s.locative(k) && s.kind(k) == Some(ActorType::Person) && !prev_list.contains(&a)
                {
                    prev_list.push(a);
                }
            }
        }
        if prev_list.len() < 2 || prev_list.len() > TOPIC - LISTED {
            prev_list.clear();
        }
        let before_subject = if para_start { None } else { prev_subject };
        prev_subject = sentence_subject(&s);
        let implicit_part = implicit_owner_part(&s, before_subject);
        let attr = attribution::find(&s.toks, &s.lower, &s.men, rec, &mut list, *sent, text);
        let parties = (mi..mj)
            .filter(|&m| !rec.mentions[m].locative)
            .map(|m| rec.mentions[m].actor)
            .collect::<std::collections::HashSet<_>>();
        if parties.len() < 2
            && attr.source_mention.is_none()
            && !(publisher.is_some() && parties.len() == 1)
            && (s.label_end.is_none() || parties.is_empty())
            && roles.is_empty()
            && (!matches!(s.w(0), "each" | "they" | "both" | "all") || s.prev_list.is_empty())
            && !matches!(s.w(0), "they" | "these" | "those")
            && implicit_part.is_none()
        {
            continue;
        }
        let mut found = sentence_relations(&s, lex, &attr);
        found.extend(roles);
        found.extend(implicit_part);
        if si > 0 {
            found.extend(listed_roles(&s, lex, sentences[si - 1], si - 1));
        }
        // What an analyst says is an assessment.
        for r in &mut found {
            if let Some(claimgraph_model::Source::Actor(a)) = r.source {
                if analysts.contains(&a) && matches!(r.stance, Stance::Reported | Stance::Asserted)
                {
                    r.stance = Stance::Assessed;
                }
            }
        }
        if let Some(r) = accusation(&s, &attr) {
            found.push(r);
        }
        if let Some(r) = demand(&s, &attr) {
            found.push(r);
        }
        found.extend(fixed_structures(&s));
        found.extend(possessive_parts(&s));
        // "the group's affiliate in the Sinai Peninsula": the branch is the parent's.
        for &(branch, parent, lo, hi, word) in &branch_parts {
            let mut r = structural(&s, branch, parent, Category::Affiliate, lo, hi, word);
            r.rule = "struct:branch".into();
            found.push(r);
        }
        // Dates: the clause's own, else the attribution's (one claim per date).
        let dates = find_dates(text, sent.start, sent.end, published);
        let mut dated = Vec::new();
        for mut r in found.drain(..) {
            let near = dates
                .iter()
                .filter(|d| !attr.dates_span.is_some_and(|a| a.contains(&d.span)))
                .min_by_key(|d| d.span.start.abs_diff(r.trigger.start));
            match near {
                Some(d) => {
                    r.time = Some(d.date);
                    dated.push(r);
                }
                None => {
                    let own: Vec<_> = dates
                        .iter()
                        .filter(|d| attr.dates_span.is_some_and(|a| a.contains(&d.span)))
                        .collect();
                    if own.len() > 1 {
                        for d in own {
                            let mut c = r.clone();
                            c.time = Some(d.date);
                            dated.push(c);
                        }
                    } else {
                        r.time = own.first().map(|d| d.date);
                        dated.push(r);
                    }
                }
            }
        }
        // One relation per (subject, category, mode, object, negated, time) per sentence: "was
        // providing ISIS with weapons, and even smuggled wounded ISIS fighters" states two.
        let mut seen = std::collections::HashSet::new();
        for r in dated {
            let (a, b) = if r.category.is_symmetric() && r.subject > r.object {
                (r.object, r.subject)
            } else {
                (r.subject, r.object)
            };
            if seen.insert((a, r.category, r.mode.clone(), b, r.negated, r.time)) {
                out.push(r);
            }
        }
    }
    out
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "such", "any",
    "some", "no", "whose", "my", "your", "close", "direct", "regional", "new", "key", "main",
];

/// For a word that is both a verb and a noun ("supplies", "allies", "support"), true when the
/// noun reading fits: after a determiner or possessive, or after a name that is not followed
/// by its object ("U.S. allies like Egypt").
fn noun_reading(s: &Sent, i: usize) -> bool {
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    let next = s.w(i + 1);
    if DETERMINERS.contains(&prev) || matches!(prev, "'s" | "'" | "-") {
        return true;
    }
    // "their loyalty and support for the Islamic State": coordinated with a noun that a
    // determiner opens, and followed by its preposition.
    if matches!(prev, "and" | "or")
        && i >= 3
        && DETERMINERS.contains(&s.w(i - 3))
        && matches!(next, "for" | "of" | "to" | "from")
    {
        return true;
    }
    // "more than 500 attacks", "dozens of attacks", "several attacks": a counted plural.
    if prev.bytes().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(
            prev,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "dozens"
                | "hundreds"
                | "several"
                | "many"
                | "numerous"
                | "multiple"
                | "frequent"
                | "repeated"
        )
    {
        return true;
    }
    if matches!(
        prev,
        "to" | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "not"
            | "n't"
            | "did"
            | "does"
            | "do"
            | "it"
            | "they"
            | "he"
            | "she"
            | "who"
            | "which"
            | "that"
            | "also"
            | "must"
            | "should"
            | "and"
            | "continue"
            | "continues"
            | "continued"
    ) {
        return false;
    }
    // "Iranian support": a demonym is an adjective, so what follows it is a noun.
    if i > 0
        && s.men[i - 1].is_some_and(|m| s.rec.mentions[m].kind == MentionKind::Demonym)
        && !matches!(next, "the" | "a" | "an")
    {
        return true;
    }
    if i > 0 && s.men[i - 1].is_some() {
        return matches!(
            next,
            "like"
                | "such"
                | "including"
                | ","
                | "."
                | "and"
                | "of"
                | "in"
                | "from"
                | ";"
                | "against"
        );
    }
    // After a plain modifier ("terrorist attacks", "coordinated attacks"), a plural is a noun.
    if s.w(i).ends_with('s') && i > 0 && plain_modifier(s, i - 1) {
        return true;
    }
    // After an adjective ("continuous supply routes", "military support"), a noun.
    if i > 0
        && plain_modifier(s, i - 1)
        && ["ous", "ive", "al", "ic", "ful", "ent", "ant", "ary"]
            .iter()
            .any(|x| prev.ends_with(x))
    {
        return true;
    }
    // "a rocket attack on": after a plain modifier, "on" follows a noun.
    matches!(next, "for" | "of" | "from" | "between" | "with" | "to")
        || (next == "on" && i > 0 && plain_modifier(s, i - 1))
}

/// Is token `j` a plain lower-case word that can modify a following noun ("small",
/// "terrorist", "coordinated"), rather than a name, pronoun, adverb, auxiliary, preposition or
/// a noun that is itself a subject ("the group arms")?
fn plain_modifier(s: &Sent, j: usize) -> bool {
    let w = s.w(j);
    s.men[j].is_none()
        && s.toks[j].kind == TokenKind::Word
        && !w.ends_with("ly")
        && !PREPOSITIONS.contains(&w)
        && !BE.contains(&w)
        && !DETERMINERS.contains(&w)
        && !matches!(
            w,
            "and"
                | "or"
                | "but"
                | "has"
                | "have"
                | "had"
                | "it"
                | "he"
                | "she"
                | "they"
                | "who"
                | "which"
                | "that"
                | "also"
                | "still"
                | "often"
                | "now"
                | "then"
                | "reportedly"
                | "allegedly"
                | "not"
                | "never"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "did"
                | "does"
                | "do"
                | "group"
                | "movement"
                | "organization"
                | "government"
                | "regime"
                | "militia"
                | "network"
                | "further"
                | "even"
        )
}

/// A participle used as an adjective before a relation noun, after a determiner or quantifier:
/// "multiple, often coordinated attacks", "the sponsored operations". It is not a verb.
fn attributive(s: &Sent, h: &Hit, noun_at: &[usize]) -> bool {
    let w = s.w(h.start);
    let (ed, ing) = (w.ends_with("ed"), w.ends_with("ing"));
    if h.end != h.start + 1 || !(ed || ing) {
        return false;
    }
    // The word before, past adverbs.
    let mut j = h.start;
    let mut prev = "";
    while j > 0 {
        j -= 1;
        let p = s.w(j);
        if (p.ends_with("ly") && p.len() > 3) || matches!(p, "often" | "well" | "jointly") {
            continue;
        }
        prev = p;
        break;
    }
    // "multiple, often coordinated attacks", "small arms, kidnapping operations", "in
    // coordinated attacks": before a relation noun, in a list or after a determiner.
    if noun_at.contains(&h.end)
        && (DETERMINERS.contains(&prev)
            || PREPOSITIONS.contains(&prev)
            || matches!(
                prev,
                "," | "and"
                    | "or"
                    | "multiple"
                    | "several"
                    | "many"
                    | "numerous"
                    | "other"
                    | "two"
                    | "three"
                    | "more"
            ))
    {
        return true;
    }
    // "ISIS-Sinai conducts coordinated suicide bombings": the object of a verb of carrying out
    // is the act, and the participle describes it.
    if CONDUCT.contains(&prev) && (h.end..h.end + 3).any(|x| noun_at.contains(&x)) {
        return true;
    }
    // "committed to armed resistance": a participle between a preposition and a noun.
    let next = h.end;
    ed && PREPOSITIONS.contains(&prev)
        && next < s.toks.len()
        && s.men[next].is_none()
        && s.toks[next].kind == TokenKind::Word
        && !DETERMINERS.contains(&s.w(next))
        && !PREPOSITIONS.contains(&s.w(next))
        && !matches!(s.w(next), "and" | "or" | "it" | "them" | "him" | "her")
}

/// Verbs whose object is an act ("conducted coordinated attacks").
const CONDUCT: &[&str] = &[
    "conduct",
    "conducts",
    "conducted",
    "conducting",
    "out",
    "launch",
    "launches",
    "launched",
    "launching",
    "stage",
    "stages",
    "staged",
    "staging",
    "mount",
    "mounts",
    "mounted",
    "perpetrated",
    "perpetrates",
    "claimed",
    "claims",
];

fn sentence_relations(s: &Sent, lex: &Lexicon, attr: &Attribution) -> Vec<Relation> {
    let mut hits = lex.find(&s.lower);
    let noun_at: Vec<usize> = hits
        .iter()
        .filter(|h| lex.entry(h.entry).frame == Frame::Noun)
        .map(|h| h.start)
        .collect();
    hits.retain(|h| lex.entry(h.entry).frame != Frame::Verb || !attributive(s, h, &noun_at));
    // "a Specially Designated Global Terrorist", "the Defense Cooperation Agreement": a
    // capitalised word after another word inside the sentence belongs to a name or title.
    hits.retain(|h| {
        // Titles ("Prime Minister", "Commander") are capitalised and stay; a capitalised
        // plural part word is a heading's ("United Nations Instruments").
        let plural_part = lex.entry(h.entry).frame == Frame::Part && s.w(h.start).ends_with('s');
        if !plural_part
            && !matches!(
                lex.entry(h.entry).frame,
                Frame::Verb | Frame::Rev | Frame::Noun
            )
        {
            return true;
        }
        // "Special Agent in Charge", "the minister in charge of": an idiom of office.
        if h.start > 0 && s.w(h.start) == "charge" && s.w(h.start - 1) == "in" {
            return false;
        }
        let t = &s.toks[h.start];
        let b = s.text.as_bytes();
        !(h.start > 0
            && b[t.span.start].is_ascii_uppercase()
            && b.get(t.span.start + 1)
                .is_some_and(|c| c.is_ascii_lowercase())
            && s.toks[h.start - 1].kind == TokenKind::Word
            && s.text.as_bytes()[s.toks[h.start - 1].span.start].is_ascii_uppercase())
    });
    // A word read both as verb and as noun keeps one reading.
    let both: Vec<usize> = hits
        .iter()
        .filter(|h| lex.entry(h.entry).frame == Frame::Noun)
        .map(|h| h.start)
        .filter(|&st| {
            hits.iter().any(|o| {
                o.start == st && matches!(lex.entry(o.entry).frame, Frame::Verb | Frame::Rev)
            })
        })
        .collect();
    hits.retain(|h| {
        if !both.contains(&h.start) {
            return true;
        }
        let noun = noun_reading(s, h.start);
        (lex.entry(h.entry).frame == Frame::Noun) == noun
    });
    let mut out = Vec::new();
    let n = s.toks.len();
    for h in &hits {
        // A trigger inside a mention ("Revolutionary Guard") is part of a name. (A phrase
        // may hold its object: "expelled the PA from".)
        let gap_ok = lex.entry(h.entry).frame == Frame::Verb;
        if s.men[h.start].is_some()
            || s.men[h.end - 1].is_some()
            || (!gap_ok && (h.start..h.end).any(|i| s.men[i].is_some()))
        {
            continue;
        }
        // The reporting verb itself is not a relation.
        if attr.verb_token == Some(h.start) {
            continue;
        }
        let t = lex.entry(h.entry);
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = match t.frame {
            Frame::Verb => verb_args(s, h, t.category),
            Frame::Rev => rev_args(s, h),
            Frame::Noun => noun_args(s, h, t.category),
            Frame::Hyphen => hyphen_args(s, h),
            Frame::Part | Frame::Lead | Frame::Member => struct_args(s, h, t.frame),
        };
        for (subs, objs) in pairs {
            for &sa in &subs {
                for &oa in &objs {
                    // The section's topic may also be the object ("with support from Iran").
                    let topic_obj = oa == TOPIC;
                    // "Each has previously been designated": the people the sentence before
                    // listed.
                    let list_obj = (LISTED..TOPIC).contains(&oa);
                    let listed = list_obj
                        .then(|| s.prev_list.get(oa - LISTED).copied())
                        .flatten();
                    let oa = if topic_obj || list_obj { h.start } else { oa };
                    let by_publisher = sa == PUBLISHER || sa == TOPIC;
                    let sub = if sa == PUBLISHER {
                        s.publisher
                    } else if sa == TOPIC {
                        s.topic
                    } else {
                        s.actor(sa)
                    };
                    let obj = if topic_obj {
                        s.topic
                    } else {
                        listed.or_else(|| s.actor(oa))
                    };
                    let (Some(sub), Some(obj)) = (sub, obj) else {
                        continue;
                    };
                    if sub == obj || (!by_publisher && s.locative(sa)) || s.locative(oa) {
                        continue;
                    }
                    let sub_kind = if by_publisher {
                        Some(s.rec.actors[sub].kind)
                    } else {
                        s.kind(sa)
                    };
                    // An aim to attack or coerce is a threat, not the deed.
                    let mut category = if matches!(t.category, Category::Assault | Category::Coerce)
                        && intended(s, h.start)
                    {
                        Category::Threaten
                    } else {
                        t.category
                    };
                    // Allegiance sworn to a group makes a group its affiliate and a person its
                    // member; sworn to a person (a leader), it is support.
                    if t.mode.as_deref() == Some("allegiance") {
                        let group = matches!(
                            s.kind(oa),
                            Some(
                                ActorType::ArmedGroup
                                    | ActorType::PoliticalOrg
                                    | ActorType::Organization
                            )
                        );
                        if group {
                            category = if sub_kind == Some(ActorType::Person) {
                                Category::Member
                            } else {
                                Category::Affiliate
                            };
                        }
                    }
                    if !plausible(category, sub_kind, s.kind(oa)) {
                        continue;
                    }
                    let sa = if by_publisher { h.start } else { sa };
                    // From the clause's grammatical subject: the relation's object in a
                    // passive or a "received ... from" frame.
                    let from = if oa < h.start && oa != TOPIC {
                        sa.min(oa)
                    } else {
                        sa
                    };
                    let (neg, mut modality) = polarity(s, from.min(h.start), h.start);
                    // "compel Kenya to withdraw troops", "urged Syria to expel": what someone
                    // wants of the subject, not what it did.
                    if sa < h.start && h.start > 0 && s.w(h.start - 1) == "to" {
                        let st = s.mention_start(sa);
                        let v = if st > 0 { s.w(st - 1) } else { "" };
                        // "forced Kenya to withdraw" says it withdrew; "to compel Kenya to
                        // withdraw" does not.
                        let wanted = CAUSATIVE.contains(&v)
                            || (matches!(v, "compel" | "force") && st > 1 && s.w(st - 2) == "to");
                        if wanted {
                            modality = Some(Modality::Future);
                        }
                    }
                    // "Finland will give Tanzania a grant", "Libya has offered to hand over",
                    // "France is ready to contribute troops": a commitment to cooperate is
                    // AGREE (PLOVER), with what is promised as its mode.
                    let mut mode_override = None;
                    if !neg
                        && matches!(
                            category,
                            Category::Aid
                                | Category::Support
                                | Category::Cooperate
                                | Category::Consult
                                | Category::Concede
                                | Category::Retreat
                        )
                        && commitment(s, sa.min(h.start), h.start)
                    {
                        mode_override = Some(category.as_str().to_ascii_lowercase());
                        category = Category::Agree;
                        modality = None;
                    }
                    if category == Category::Threaten && t.category != Category::Threaten {
                        // The threat is stated, whatever it aims at.
                        modality = None;
                    }
                    let clause = clause_span(s, h.start.min(sa).min(oa), h.end.max(sa).max(oa));
                    let words = &s.lower[clause.0..=clause.1.min(n - 1)];
                    let mode = t.mode.clone().or_else(|| {
                        matches!(
                            t.category,
                            Category::Aid | Category::Cooperate | Category::Assault
                        )
                        .then(|| lex.mode_of(words).map(str::to_string))
                        .flatten()
                        // "died and been injured in the group's attacks": help modes
                        // describe no attack.
                        .filter(|m| {
                            t.category != Category::Assault
                                || !matches!(
                                    m.as_str(),
                                    "medical" | "funding" | "training" | "shelter" | "logistics"
                                )
                        })
                    });
                    let mode = match mode_override {
                        Some(c) => Some(match mode {
                            Some(m) => format!("{c}/{m}"),
                            None => c,
                        }),
                        None => mode,
                    };
                    // Appositions and titles ("X, Hamas' militia", "leader Y") are the
                    // writer's own description, not part of what a source reports.
                    let structural = matches!(t.frame, Frame::Part | Frame::Lead | Frame::Member);
                    let inside = !structural && attr.covers(s.toks[h.start].span.start);
                    let (stance, source) = if inside {
                        (attr.stance, attr.source.clone())
                    } else {
                        (Stance::Asserted, None)
                    };
                    let mut negated = neg;
                    if inside && attr.stance == Stance::Denied {
                        negated = true;
                    }
                    // A hedge right before the trigger speaks for itself: "it has reportedly
                    // been receiving".
                    let (mut stance, source) = match hedge_before(s, h.start) {
                        Some(hs) => (hs, None),
                        None => (stance, source),
                    };
                    if modality.is_some() && matches!(stance, Stance::Asserted | Stance::Reported) {
                        // "may have received", "might have provided": a hedge on a past event
                        // is an allegation; a possibility still to come is a judgment.
                        let hedged_past = modality == Some(Modality::Possible)
                            && (from.min(h.start)..h.start).any(|i| {
                                matches!(s.w(i), "may" | "might" | "could") && s.w(i + 1) == "have"
                            });
                        stance = if hedged_past {
                            Stance::Alleged
                        } else {
                            Stance::Assessed
                        };
                    }
                    if inside && attr.hedge.is_some() && stance == Stance::Asserted {
                        stance = attr.hedge.unwrap_or(Stance::Asserted);
                    }
                    let ev_start = s.toks[clause.0].span.start;
                    let ev_end = s.toks[clause.1.min(n - 1)].span.end;
                    out.push(Relation {
                        subject: sub,
                        category,
                        mode,
                        object: obj,
                        negated,
                        stance,
                        source,
                        time: None,
                        evidence: Span::new(ev_start, ev_end),
                        rule: t.rule.clone(),
                        trigger: Span::new(s.toks[h.start].span.start, s.toks[h.end - 1].span.end),
                        modality,
                    });
                }
            }
        }
    }
    out
}

fn hedge_before(s: &Sent, t: usize) -> Option<Stance> {
    // "was implicated, along with Iran, in the 1992 attacks": a hedge a little further back.
    let implicated = (t.saturating_sub(10)..t)
        .any(|i| s.w(i) == "implicated" && !(i..t).any(|k| matches!(s.w(k), ";" | ".")));
    if implicated {
        return Some(Stance::Alleged);
    }
    (t.saturating_sub(4)..t).find_map(|i| match s.w(i) {
        "reportedly" => Some(Stance::Reported),
        "allegedly" | "purportedly" | "alleged" | "suspected" | "purported" => {
            Some(Stance::Alleged)
        }
        _ => None,
    })
}

/// "Hizballah's Islamic Jihad Organization", "Iran's Islamic Revolutionary Guard Corps": a
/// possessive between a part and the whole the dictionary puts it in; and "Assistant Attorney
/// General Michael Chertoff of the Criminal Division": a person of an organisation.
fn possessive_parts(s: &Sent) -> Vec<Relation> {
    let n = s.toks.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if s.men[i].is_none() || s.locative(i) {
            i += 1;
            continue;
        }
        let e = s.mention_end(i);
        let next = e + 1;
        let (Some(a), true) = (s.actor(i), next + 1 < n) else {
            i = e + 1;
            continue;
        };
        // Possessive: "A's B" where B is part of A.
        if matches!(s.w(next), "'s" | "'") && s.men[next + 1].is_some() {
            if let Some(b) = s.actor(next + 1) {
                let whole = &s.rec.actors[a];
                let part = &s.rec.actors[b];
                if part.part_of.as_deref() == Some(whole.id.as_str())
                    && !matches!(part.kind, ActorType::Person)
                {
                    out.push(structural(
                        s,
                        b,
                        a,
                        Category::Affiliate,
                        i,
                        s.mention_end(next + 1),
                        next,
                    ));
                }
            }
        }
        // "Person of (the) Organisation"
        if s.kind(i) == Some(ActorType::Person) && s.w(next) == "of" {
            let k = if s.w(next + 1) == "the" {
                next + 2
            } else {
                next + 1
            };
            if k < n && s.men[k].is_some() && !s.locative(k) {
                if let Some(o) = s.actor(k) {
                    if !matches!(s.kind(k), Some(ActorType::Person | ActorType::Population)) {
                        // "Assistant Attorney General Michael Chertoff of the Criminal
                        // Division", "Director Jane Doe of the Bureau": a head's title before
                        // the name makes the person the unit's head.
                        let c = if head_title_before(s, i) {
                            Category::Leads
                        } else {
                            Category::Member
                        };
                        out.push(structural(s, a, o, c, i, s.mention_end(k), next));
                    }
                }
            }
        }
        // "Marco Rubio, Secretary of State" / "Secretary of State Marco Rubio": an office of
        // the dictionary next to a person's name; the person leads the office's body.
        if s.kind(i) == Some(ActorType::Person) {
            // (Not when the office titles the next name: "Rubin, Attorney General Reno".)
            let office = if s.w(next) == "," && s.men[next + 1].is_some() {
                let after = s.mention_end(next + 1) + 1;
                (s.kind(after) != Some(ActorType::Person)).then_some(next + 1)
            } else {
                let st = s.mention_start(i);
                (st > 0 && s.men[st - 1].is_some()).then(|| s.mention_start(st - 1))
            };
            if let Some((o, body)) = office.and_then(|o| office_body(s, o).map(|b| (o, b))) {
                let (lo, hi) = if o > i {
                    (s.mention_start(i), s.mention_end(o))
                } else {
                    (o, e)
                };
                let mut r = structural(s, a, body, Category::Leads, lo, hi, o);
                r.rule = "struct:office".into();
                out.push(r);
            }
        }
        i = e + 1;
    }
    out
}

/// Last words of titles that head a body: "Director", "Attorney General", "Secretary".
const HEAD_TITLES: &[&str] = &[
    "general",
    "director",
    "chief",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "commander",
    "secretary",
    "minister",
    "attorney",
    "administrator",
    "governor",
    "leader",
    "coordinator",
];

/// Whether the words right before person mention `i` are the title of a body's head: the last
/// one a head word, none of the four before it "deputy"/"vice" ("Deputy Director" is not the
/// head).
fn head_title_before(s: &Sent, i: usize) -> bool {
    let st = s.mention_start(i);
    st > 0
        && HEAD_TITLES.contains(&s.w(st - 1))
        && !(st.saturating_sub(5)..st)
            .any(|k| matches!(s.w(k), "deputy" | "vice" | "associate" | "under"))
}

/// When mention `o` is an office of the dictionary ("U.S. Secretary of State": a body whose
/// name is a head's title, part of a larger body), the actor index of that larger body, if
/// the text names it. A deputy's or an assistant's office is not the office.
fn office_body(s: &Sent, o: usize) -> Option<usize> {
    let st = s.mention_start(o);
    if st > 0
        && matches!(
            s.w(st - 1),
            "assistant" | "deputy" | "vice" | "associate" | "under"
        )
    {
        return None;
    }
    let office = &s.rec.actors[s.actor(o)?];
    if !office.known || office.kind == ActorType::Person {
        return None;
    }
    // The name is a title: it ends in a head word ("Attorney General") or opens with an
    // office's word ("Secretary of State"); "General Intelligence Directorate" is not.
    let last = office
        .name
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let last = last.as_str();
    let first = office
        .name
        .split(' ')
        .find(|w| !w.starts_with("U.S") && !w.ends_with('.'))
        .unwrap_or("");
    let opens_office = matches!(
        first,
        "Secretary"
            | "Minister"
            | "Attorney"
            | "President"
            | "Director"
            | "Chairman"
            | "Administrator"
            | "Governor"
            | "Commander"
    );
    if !(HEAD_TITLES.contains(&last) || opens_office) {
        return None;
    }
    let parent = office.part_of.as_deref()?;
    s.rec.actors.iter().position(|a| a.id == parent)
}

fn structural(
    s: &Sent,
    sub: usize,
    obj: usize,
    c: Category,
    lo: usize,
    hi: usize,
    trig: usize,
) -> Relation {
    Relation {
        subject: sub,
        category: c,
        mode: None,
        object: obj,
        negated: false,
        stance: Stance::Asserted,
        source: None,
        time: None,
        evidence: Span::new(s.toks[lo].span.start, s.toks[hi].span.end),
        rule: format!(
            "struct:{}",
            if c == Category::Affiliate {
                "possessive"
            } else {
                "of"
            }
        ),
        trigger: s.toks[trig].span,
        modality: None,
    }
}

/// People the text describes as analysts ("Dan Feferman, a former senior IDF intelligence
/// officer and Iran specialist"; "Arik Agassi, an analyst"): what they say is an assessment.
fn analysts(text: &str, rec: &Recognition) -> std::collections::HashSet<usize> {
    const CUES: &[&str] = &[
        "analyst",
        "expert",
        "specialist",
        "scholar",
        "researcher",
        "fellow",
        "professor",
        "commentator",
        "observer",
        "historian",
        "academic",
        "journalist",
        "author",
    ];
    let mut out = std::collections::HashSet::new();
    for m in &rec.mentions {
        if rec.actors[m.actor].kind != ActorType::Person {
            continue;
        }
        let rest = &text[m.span.end..claimgraph_text::floor_boundary(text, m.span.end + 120)];
        // "Arik Agassi wrote in The Tower Magazine that ...": a writer in a publication, or
        // one who argues, gives a judgment.
        if [
            " wrote in ",
            " writes in ",
            ", writing in ",
            " argued ",
            " argues ",
        ]
        .iter()
        .any(|p| rest.starts_with(p))
        {
            out.insert(m.actor);
            continue;
        }
        let Some(r) = rest.strip_prefix(", ") else {
            continue;
        };
        if !(r.starts_with("a ") || r.starts_with("an ") || r.starts_with("the ")) {
            continue;
        }
        let desc: String = r
            .chars()
            .take_while(|c| !matches!(c, ',' | '.' | ';' | '"'))
            .collect();
        if desc
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| CUES.contains(&w.to_ascii_lowercase().as_str()))
        {
            out.insert(m.actor);
        }
    }
    out
}

/// "X complained that Y ...": the complaint is itself an accusation of Y by X.
fn accusation(s: &Sent, attr: &Attribution) -> Option<Relation> {
    let v = attr.verb_token?;
    if !matches!(
        s.w(v),
        "complained" | "complains" | "criticized" | "criticised" | "condemned" | "blamed"
    ) {
        return None;
    }
    let Some(claimgraph_model::Source::Actor(speaker)) = attr.source else {
        return None;
    };
    let content = attr.content?;
    let first = (0..s.toks.len()).find(|&i| {
        s.toks[i].span.start >= content.start
            && s.toks[i].span.end <= content.end
            && s.men[i].is_some()
            && !s.locative(i)
            && s.actor(i) != Some(speaker)
    })?;
    let clause = clause_span(s, v, first);
    Some(Relation {
        subject: speaker,
        category: Category::Accuse,
        mode: Some("complaint".into()),
        object: s.actor(first)?,
        negated: false,
        stance: Stance::Asserted,
        source: None,
        time: None,
        evidence: Span::new(s.toks[clause.0].span.start, s.toks[clause.1].span.end),
        rule: format!("attribution:{}", s.w(v)),
        trigger: s.toks[v].span,
        modality: None,
    })
}

/// Structural relations stated by fixed phrases: "the Yemeni government under the leadership
/// of President Hadi" (Hadi LEADS Yemen); "the Saudi-led coalition, which includes Saudi Arabia
/// and the UAE" (each AFFILIATE the coalition).
fn fixed_structures(s: &Sent) -> Vec<Relation> {
    let n = s.toks.len();
    let mut out = Vec::new();
    let mut push = |sub: usize,
                    c: Category,
                    mode: &str,
                    obj: usize,
                    lo: usize,
                    hi: usize,
                    rule: &str,
                    trig: usize| {
        let (Some(a), Some(b)) = (s.actor(sub), s.actor(obj)) else {
            return;
        };
        if a == b {
            return;
        }
        let clause = clause_span(s, lo, hi);
        out.push(Relation {
            subject: a,
            category: c,
            mode: Some(mode.into()),
            object: b,
            negated: false,
            stance: Stance::Asserted,
            source: None,
            time: None,
            evidence: Span::new(s.toks[clause.0].span.start, s.toks[clause.1].span.end),
            rule: rule.into(),
            trigger: s.toks[trig].span,
            modality: None,
        });
    };
    for i in 0..n {
        // "the Syrian regime of Bashar Assad", "the Iranian government of Hassan Rouhani":
        // the person leads the state whose regime it is.
        if i > 0
            && matches!(s.w(i), "regime" | "government" | "administration")
            && s.w(i + 1) == "of"
            && s.kind(i + 2) == Some(ActorType::Person)
            && s.kind(i - 1) == Some(ActorType::State)
        {
            push(
                i + 2,
                Category::Leads,
                "head of state",
                i - 1,
                i - 1,
                s.mention_end(i + 2),
                "struct:regime",
                i,
            );
        }
        // "U.S. Special Representative for Iran Brian Hook": a state's name before a person
        // whose name the recogniser took with an office title serves that state.
        if s.kind(i) == Some(ActorType::State) && s.mention_start(i) == i && !s.locative(i) {
            let j = s.mention_end(i) + 1;
            if j < n
                && s.kind(j) == Some(ActorType::Person)
                && matches!(
                    s.w(j),
                    "special"
                        | "representative"
                        | "ambassador"
                        | "envoy"
                        | "secretary"
                        | "spokesman"
                        | "spokeswoman"
                        | "senator"
                        | "deputy"
                        | "assistant"
                        | "undersecretary"
                        | "director"
                        | "adviser"
                        | "advisor"
                        | "counselor"
                        | "official"
                )
            {
                push(
                    j,
                    Category::Member,
                    "official",
                    i,
                    i,
                    s.mention_end(j),
                    "struct:office",
                    j,
                );
            }
        }
        // "Iran has often put aside its religious differences with radical Sunni groups like
        // ISIS and Hamas": setting differences aside is cooperation.
        if s.w(i) == "differences"
            && s.w(i + 1) == "with"
            && (i.saturating_sub(5)..i).any(|k| s.w(k) == "aside")
        {
            let verb = (i.saturating_sub(6)..i).find(|&k| {
                matches!(
                    s.w(k),
                    "put" | "puts" | "putting" | "set" | "sets" | "setting"
                )
            });
            if let (Some(v), Some(objs)) = (verb, object_right(s, i + 1)) {
                if let Some(subs) = subject_left(s, v) {
                    for &a in &subs {
                        for &b in &objs {
                            push(
                                a,
                                Category::Cooperate,
                                "reconciliation",
                                b,
                                v,
                                s.mention_end(b),
                                "struct:differences",
                                i,
                            );
                        }
                    }
                }
            }
        }
        // "the Riyadh Agreement between the ROYG and the STC": the parties agreed.
        if matches!(
            s.w(i),
            "agreement" | "accord" | "accords" | "treaty" | "deal" | "memorandum" | "truce"
        ) && s.w(i + 1) == "between"
        {
            let first = (i + 2..(i + 5).min(n)).find(|&j| s.men[j].is_some() && !s.locative(j));
            if let Some(a) = first {
                let e = s.mention_end(a);
                let second = (e + 1..(e + 5).min(n))
                    .take_while(|&j| matches!(s.w(j), "and" | "the") || s.men[j].is_some())
                    .find(|&j| s.men[j].is_some() && !s.locative(j));
                if let Some(b) = second {
                    let b = s.mention_start(b);
                    push(
                        a,
                        Category::Agree,
                        "agreement",
                        b,
                        i,
                        s.mention_end(b),
                        "struct:agreement",
                        i,
                    );
                }
            }
        }
        // "X under the leadership of P"
        if s.w(i) == "under"
            && s.w(i + 1) == "the"
            && s.w(i + 2) == "leadership"
            && s.w(i + 3) == "of"
        {
            let p = (i + 4..(i + 8).min(n)).find(|&j| s.men[j].is_some());
            let o = (i.saturating_sub(4)..i)
                .rev()
                .find(|&j| s.men[j].is_some() && !s.locative(j));
            if let (Some(p), Some(o)) = (p, o) {
                if s.kind(p) == Some(ActorType::Person) {
                    push(
                        p,
                        Category::Leads,
                        "leadership",
                        o,
                        o,
                        p,
                        "phrase:under the leadership of",
                        i + 2,
                    );
                }
            }
        }
        // "X, which includes A and B" / "X includes A": members of a coalition or body.
        if matches!(s.w(i), "includes" | "included" | "include") && i > 0 {
            let mut x = i - 1;
            if matches!(s.w(x), "which" | "that") && x >= 2 && s.w(x - 1) == "," {
                x -= 2;
            }
            if s.men[x].is_none() || s.locative(x) {
                continue;
            }
            let body = matches!(
                s.kind(x),
                Some(ActorType::Organization | ActorType::PoliticalOrg | ActorType::ArmedGroup)
            );
            let j = i + 1 + usize::from(s.w(i + 1) == "the");
            if !body || j >= n || s.men[j].is_none() || s.locative(j) {
                continue;
            }
            for m in coordinated_right(s, j, n) {
                if matches!(
                    s.kind(m),
                    Some(
                        ActorType::State
                            | ActorType::StateAgency
                            | ActorType::Organization
                            | ActorType::ArmedGroup
                            | ActorType::PoliticalOrg
                    )
                ) {
                    push(
                        m,
                        Category::Affiliate,
                        "member",
                        x,
                        x,
                        m,
                        "phrase:includes",
                        i,
                    );
                }
            }
        }
    }
    out
}

/// "Russia said Sudan must return the helicopter", "Chirac reminded Iraq that it must
/// cooperate": what a speaker says another actor must or should do is a demand (PLOVER
/// REQUEST).
fn demand(s: &Sent, attr: &Attribution) -> Option<Relation> {
    let v = attr.verb_token?;
    let Some(claimgraph_model::Source::Actor(speaker)) = attr.source else {
        return None;
    };
    let content = attr.content?;
    let n = s.toks.len();
    let inside =
        |i: usize| s.toks[i].span.start >= content.start && s.toks[i].span.end <= content.end;
    let k = (0..n).find(|&i| {
        inside(i)
            && (matches!(s.w(i), "must" | "should")
                || (matches!(s.w(i), "has" | "have") && s.w(i + 1) == "to"))
    })?;
    // The actor right before the modal ("Sudan must"), or the one an "it" / "they" stands for
    // ("Iraq that it must").
    let before = k.checked_sub(1)?;
    let target = if s.men[before].is_some() {
        before
    } else if matches!(s.w(before), "it" | "they") {
        (v + 1..before)
            .rev()
            .find(|&i| s.men[i].is_some() && !s.locative(i) && s.actor(i) != Some(speaker))?
    } else {
        return None;
    };
    if s.locative(target) || s.actor(target) == Some(speaker) {
        return None;
    }
    let clause = clause_span(s, v.min(target), k);
    Some(Relation {
        subject: speaker,
        category: Category::Request,
        mode: Some("demand".into()),
        object: s.actor(target)?,
        negated: false,
        stance: Stance::Asserted,
        source: None,
        time: None,
        evidence: Span::new(s.toks[clause.0].span.start, s.toks[clause.1].span.end),
        rule: format!("attribution:{} {}", s.w(v), s.w(k)),
        trigger: s.toks[k].span,
        modality: None,
    })
}

/// Type constraints: LEADS and MEMBER need a person or population subject; structure needs
/// organisations.
fn plausible(c: Category, sub: Option<ActorType>, _obj: Option<ActorType>) -> bool {
    use ActorType::*;
    match c {
        Category::Leads => sub == Some(Person),
        Category::Member => true,
        Category::Affiliate => !matches!(sub, Some(Person | Population)),
        _ => !(matches!(sub, Some(Population)) && c == Category::Sanction),
    }
}

/// Negation and modality between the subject and the trigger (and just before the trigger).
fn polarity(s: &Sent, from: usize, trig: usize) -> (bool, Option<Modality>) {
    let lo = from.max(trig.saturating_sub(5));
    let mut neg = false;
    let mut modality = None;
    for i in lo..trig {
        let w = s.w(i);
        if NEGATORS.contains(&w) {
            neg = true;
        }
        if let Some((_, m)) = MODALS.iter().find(|(x, _)| *x == w) {
            modality = Some(*m);
        }
    }
    // "did not deny", "failed to", "refrained from"
    if (lo..trig).any(|i| matches!(s.w(i), "failed" | "refused" | "refrained")) {
        neg = true;
    }
    (neg, modality)
}

/// Token range of the clause holding tokens lo..=hi, widened to clause breaks.
fn clause_span(s: &Sent, lo: usize, hi: usize) -> (usize, usize) {
    let n = s.toks.len();
    let mut a = lo;
    while a > 0 && !matches!(s.w(a - 1), ";" | ":") && !(s.w(a - 1) == "," && s.is_break(a)) {
        a -= 1;
    }
    let mut b = hi;
    while b + 1 < n && !matches!(s.w(b + 1), ";" | ":" | "!" | "?") {
        if s.w(b + 1) == "," && b + 2 < n && (s.is_break(b + 2) || s.w(b + 2) == "and") {
            break;
        }
        // A period ends the clause unless it is inside a word ("U.S.", "2.5").
        if s.w(b + 1) == "."
            && (b + 2 >= n || s.toks[b + 2].span.start > s.toks[b + 1].span.end)
            && !(b + 1 > 0 && s.toks[b + 1].span.start == s.toks[b].span.end && s.w(b).len() == 1)
        {
            break;
        }
        b += 1;
    }
    (a, b)
}

/// The actor mentions coordinated with the one at token i, walking left ("Hamas and al-Qassam").
fn coordinated_left(s: &Sent, i: usize) -> Vec<usize> {
    let mut out = vec![i];
    let mut p = s.mention_start(i);
    // A bare comma joins names only in a list that an "and" / "or" closes ("A, B and C"); "By
    // supporting ISIS in the Sinai, Iran is able" is no list.
    let after = s.mention_end(i) + 1;
    let mut closed = matches!(s.w(after), "and" | "or")
        || (s.w(after) == "," && matches!(s.w(after + 1), "and" | "or"));
    while p >= 2 {
        let c = s.w(p - 1);
        if !matches!(c, "and" | "," | "or") {
            break;
        }
        if c == "," && !closed {
            break;
        }
        closed = true;
        let mut q = p - 2;
        if s.w(q) == "," && q > 0 {
            q -= 1;
        }
        // "the Somali National Army (SNA), and": skip the bracketed acronym.
        if s.w(q) == ")" && q >= 2 && s.w(q - 2) == "(" {
            q -= 3;
        }
        if s.men[q].is_none() || s.locative(q) {
            break;
        }
        out.push(q);
        p = s.mention_start(q);
        if p > 0 && s.w(p - 1) == "the" {
            p -= 1;
        }
    }
    out
}

fn coordinated_right(s: &Sent, i: usize, limit: usize) -> Vec<usize> {
    let mut out = vec![i];
    let mut p = item_end(s, i, limit);
    loop {
        let mut q = p + 1;
        // Skip a bracketed description: "Al-Qassam [Hamas' militia]".
        if q < limit && matches!(s.w(q), "[" | "(") {
            while q < limit && !matches!(s.w(q), "]" | ")") {
                q += 1;
            }
            q += 1;
        }
        let as_well_as = |q: usize| s.w(q) == "as" && s.w(q + 1) == "well" && s.w(q + 2) == "as";
        // Possessive: "Hamas' militia" is the same party.
        if q < limit && (matches!(s.w(q), "," | "and" | "or") || as_well_as(q)) {
            if s.w(q) != "as" {
                q += 1;
            }
            if q < limit && matches!(s.w(q), "and" | "or") {
                q += 1;
            }
            if q < limit && as_well_as(q) {
                q += 3;
                // "attacks against Israel, as well as against ISIS": the same preposition.
                if matches!(s.w(q), "against" | "to" | "with" | "on" | "from" | "for") {
                    q += 1;
                }
            }
            // "Saudi Arabia and the United Arab Emirates", "and other civilians": a list item
            // may open with a determiner or one of a few plain modifiers.
            let mut r = q;
            while r < limit.min(q + 2) && s.men[r].is_none() && ITEM_OPENERS.contains(&s.w(r)) {
                r += 1;
            }
            // "... a serious rival such as ISIS, Feferman said": a name that a speech verb
            // follows opens the reporting clause, not a list item.
            let speaker = r < limit
                && s.men[r].is_some()
                && matches!(
                    s.w(s.mention_end(r) + 1),
                    "said" | "says" | "told" | "wrote" | "added" | "noted" | "stated" | "explained"
                );
            if r < limit && s.men[r].is_some() && !s.locative(r) && !speaker {
                out.push(r);
                p = item_end(s, r, limit);
                continue;
            }
            // "government personnel and infrastructure, Israeli interests, ..., and other
            // civilians": an unnamed item between separators is passed over, when a comma
            // ends it and the list closes with "and"/"or" later in the clause.
            let mut e = r;
            while e < limit && e < r + 3 && plain_item_word(s, e) {
                e += 1;
            }
            if e > r && e < limit && s.w(e) == "," && list_closes(s, e, limit) {
                p = e - 1;
                continue;
            }
        }
        break;
    }
    out
}

/// A lower-case word that may make up an unnamed list item ("infrastructure").
fn plain_item_word(s: &Sent, k: usize) -> bool {
    s.men[k].is_none()
        && s.w(k).bytes().all(|c| c.is_ascii_lowercase())
        && !BE.contains(&s.w(k))
        && !matches!(
            s.w(k),
            "and"
                | "or"
                | "of"
                | "in"
                | "to"
                | "with"
                | "that"
                | "which"
                | "who"
                | "has"
                | "have"
                | "had"
                | "by"
                | "for"
                | "from"
                | "on"
                | "at"
                | "while"
                | "but"
        )
}

/// Whether a list that has reached the comma at `e` closes with "and"/"or"/"as well as" before
/// its clause ends.
fn list_closes(s: &Sent, e: usize, limit: usize) -> bool {
    (e + 1..limit.min(e + 30))
        .take_while(|&k| !matches!(s.w(k), ";" | "." | ":"))
        .any(|k| matches!(s.w(k), "and" | "or") || (s.w(k) == "as" && s.w(k + 1) == "well"))
}

/// Words that may open a list item before its named party.
const ITEM_OPENERS: &[&str] = &[
    "the", "other", "its", "their", "local", "several", "various", "allied", "partner", "senior",
];

/// The last token of the list item that mention `i` opens. A demonym names its state only
/// before a noun ("Israeli interests, Coptic Christians, and other civilians"): the item takes
/// in up to two lower-case words when a list separator follows them.
fn item_end(s: &Sent, i: usize, limit: usize) -> usize {
    let e = s.mention_end(i);
    let demonym = s.men[i].is_some_and(|m| s.rec.mentions[m].kind == MentionKind::Demonym);
    if !demonym {
        return e;
    }
    for n in 1..=2 {
        let tail = e + 1..=e + n;
        if e + n + 1 >= limit
            || !tail.clone().all(|k| {
                s.men[k].is_none()
                    && s.w(k).bytes().all(|c| c.is_ascii_lowercase())
                    && !matches!(s.w(k), "and" | "or" | "of" | "in" | "to" | "with" | "that")
            })
        {
            return e;
        }
        if matches!(s.w(e + n + 1), "," | "and" | "or") {
            return e + n;
        }
    }
    e
}

/// The subject of a verb at token t: the nearest mention to the left in the clause that is not
/// the object of a preposition, with its coordinated mentions; across a relative pronoun, the
/// antecedent.
fn subject_left(s: &Sent, t: usize) -> Option<Vec<usize>> {
    // "X shares ties with the Syrian regime, and like Iran, provides assistance": a verb
    // coordinated with an earlier one shares the sentence's subject.
    let mut k = t;
    let mut skipped_comma_group = false;
    // ", like Iran," / ", along with Iran,": the compared party does the same.
    let mut also = Vec::new();
    // "and since 2014 has conducted": an auxiliary or a time phrase between "and" and the verb
    // marks a new verb phrase.
    let mut aux = false;
    while k > 0 {
        k -= 1;
        let w = s.w(k);
        if w.ends_with("ly") || matches!(w, "also" | "often" | "still" | "then" | "even") {
            continue;
        }
        if matches!(
            w,
            "has" | "have" | "had" | "will" | "would" | "can" | "could" | "may"
        ) {
            aux = true;
            continue;
        }
        if k > 0
            && w.bytes().next().is_some_and(|c| c.is_ascii_digit())
            && matches!(s.w(k - 1), "since" | "in" | "until")
        {
            aux = true;
            k -= 1;
            continue;
        }
        if w == "," && !skipped_comma_group {
            // ", like Iran," / ", along with Iran,"
            let open = (k.saturating_sub(6)..k).rev().find(|&x| s.w(x) == ",");
            if let Some(o) = open {
                if matches!(s.w(o + 1), "like" | "along" | "together" | "unlike") {
                    if s.w(o + 1) != "unlike" {
                        also.extend((o + 1..k).filter(|&x| {
                            s.men[x].is_some() && s.mention_start(x) == x && !s.locative(x)
                        }));
                    }
                    k = o;
                    skipped_comma_group = true;
                    continue;
                }
            }
        }
        if matches!(w, "like" | "along" | "with" | "unlike") {
            continue;
        }
        // "X shares ties with the Syrian regime of Bashar Assad and, like Iran, provides": after
        // a comma group, "and" joins verbs even after a name.
        // "The group mostly targets X but also attacks Y": "but" joins verbs too.
        if (w == "and"
            && k > 0
            && (s.men[k - 1].is_none() || skipped_comma_group || aux || s.locative(k - 1)))
            || (w == "but" && k > 0)
            || (w == ","
                && k > 0
                && s.w(k - 1) != ","
                && s.men[k - 1].is_none()
                && s.w(k + 1) == "and")
        {
            // The sentence's subject: a name followed by a finite verb ("Iran is able",
            // "Hizballah continues"), else the first name not inside a prepositional phrase.
            let free = |j: usize| {
                s.men[j].is_some() && !s.locative(j) && !is_modifier_mention(s, j) && {
                    let st = s.mention_start(j);
                    st == 0 || !PREPOSITIONS.contains(&s.w(st - 1))
                }
            };
            let finite = |j: usize| {
                let v = s.w(s.mention_end(j) + 1);
                matches!(
                    v,
                    "is" | "are"
                        | "was"
                        | "were"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "may"
                        | "did"
                        | "does"
                        | "also"
                ) || (v.len() > 3 && (v.ends_with("ed") || v.ends_with('s')) && !v.ends_with("ss"))
            };
            // Within the clause: after the last ';' or ':' ("area(s) of operation: ...;
            // Iran's IRGC has had a presence in Lebanon and coordinates closely with X").
            // "IDF officials confirmed that Hamas was providing ..., and even smuggled": inside
            // a complement clause, its own subject.
            let lo = (0..k)
                .rfind(|&x| matches!(s.w(x), ";" | ":" | "that"))
                .map_or(0, |x| x + 1);
            let first = (lo..k)
                .find(|&j| free(j) && finite(j))
                .or_else(|| (lo..k).find(|&j| free(j)));
            if let Some(j) = first {
                {
                    let mut subs = coordinated_right(s, j, t);
                    for x in also {
                        if !subs.contains(&x) {
                            subs.push(x);
                        }
                    }
                    return Some(subs);
                }
            }
        }
        break;
    }
    let mut i = t;
    while i > 0 {
        i -= 1;
        let w = s.w(i);
        // "that" is a relative pronoun only right after a name ("Hamas, that ..." is rare;
        // "claims that they" is a complement clause, whose subject is inside it).
        if w == "that" && i > 0 && s.men[i - 1].is_none() {
            // "a vast IRGC network that has provided": a body of the named group.
            if i > 1
                && s.men[i - 2].is_some()
                && !s.locative(i - 2)
                && matches!(
                    s.w(i - 1),
                    "network" | "networks" | "cell" | "cells" | "unit" | "units" | "front"
                )
            {
                return Some(coordinated_left(s, s.mention_start(i - 2)));
            }
            return copular_head(s, i);
        }
        // A subject pronoun: the nearest name before it that is not inside a prepositional
        // phrase ("Hizballah denied that it attacked").
        // "we routinely coordinate with partners": the speaker, no actor of the text.
        if matches!(w, "we" | "i" | "you") && s.men[i].is_none() {
            return None;
        }
        if matches!(w, "it" | "they" | "he" | "she")
            && s.men[i].is_none()
            && i + 1 < s.toks.len()
            && s.men[i + 1].is_none()
        {
            let ante = (0..i).rev().find(|&j| {
                s.men[j].is_some() && !s.locative(j) && !is_modifier_mention(s, j) && {
                    let st = s.mention_start(j);
                    st == 0 || !PREPOSITIONS.contains(&s.w(st - 1))
                }
            });
            return ante.map(|j| vec![s.mention_start(j)]);
        }
        if matches!(w, "who" | "which" | "that") && i > 0 {
            // Relative clause: the antecedent is the mention just before (", who").
            let mut a = i - 1;
            if s.w(a) == "," && a > 0 {
                a -= 1;
            }
            // Skip an apposition: "X, a jihadist from Gaza who". Other words between a name
            // and the pronoun make their own antecedent ("It was designated pursuant to
            // E.O. 13582, which targets ...": the order, not "It").
            let mut k = a + 1;
            while k > 0 {
                k -= 1;
                if s.men[k].is_some() && !s.locative(k) {
                    let st = s.mention_start(k);
                    let e = s.mention_end(k);
                    let apposition = antecedent_span(s, e + 1, i);
                    // "written by X, who ...": an agent may be the antecedent.
                    if apposition
                        && (st == 0 || s.w(st - 1) == "by" || !PREPOSITIONS.contains(&s.w(st - 1)))
                    {
                        return Some(coordinated_left(s, k));
                    }
                }
                if matches!(s.w(k), ";" | ":") {
                    break;
                }
            }
            return None;
        }
        // "ISIS-Sinai since 2014 has conducted": a preposition of time before a date.
        let time_phrase = matches!(w, "since" | "until" | "before" | "after")
            && s.w(i + 1)
                .bytes()
                .next()
                .is_some_and(|c| c.is_ascii_digit());
        if matches!(w, ";" | ":")
            || (i + 1 < t
                && CLAUSE_BREAKS.contains(&w)
                && !time_phrase
                && !matches!(w, "and" | "as" | "that" | "which" | "who"))
        {
            return None;
        }
        // ", which includes X and Y," is a relative clause: skip it.
        if w == "," && i > 0 {
            let mut q = i;
            let mut skipped = None;
            while q > 0 && i - q < 15 {
                q -= 1;
                if matches!(s.w(q), "which" | "who") && q > 0 && s.w(q - 1) == "," {
                    skipped = Some(q - 1);
                    break;
                }
                if matches!(s.w(q), ";" | ":" | ",") {
                    break;
                }
            }
            if let Some(q) = skipped {
                i = q;
                continue;
            }
        }
        if s.men[i].is_some() && !s.locative(i) {
            let st = s.mention_start(i);
            // "other FTOs, such as Hizballah, may be supporting": the named member acts.
            let example = st >= 2
                && ((s.w(st - 2) == "such" && s.w(st - 1) == "as") || s.w(st - 1) == "including")
                && s.w(s.mention_end(i) + 1) == ",";
            if st > 0 && PREPOSITIONS.contains(&s.w(st - 1)) && !example {
                i = st;
                continue;
            }
            // "at Camp Taji (Iraq) killed": a place in brackets is no subject.
            if st > 0 && s.w(st - 1) == "(" && s.w(s.mention_end(i) + 1) == ")" {
                i = st;
                continue;
            }
            if is_modifier_mention(s, i) {
                i = st;
                continue;
            }
            // "spared Chinese-flagged ships": a name inside a hyphenated modifier; but
            // "Vietnamese-led forces" are the leader's own.
            if s.w(s.mention_end(i) + 1) == "-"
                && s.toks
                    .get(s.mention_end(i) + 2)
                    .is_some_and(|t| t.kind == TokenKind::Word)
                && s.w(s.mention_end(i) + 2) != "led"
            {
                i = st;
                continue;
            }
            // "against Israel and Egypt": a coordination whose first member is the object of a
            // preposition is no subject either.
            let group = coordinated_left(s, i);
            let first = s.mention_start(*group.iter().min().unwrap_or(&i));
            if first > 0 && PREPOSITIONS.contains(&s.w(first - 1)) && !example && first < st {
                i = first;
                continue;
            }
            // "X, the group's Egyptian affiliate, was ...": the apposition's head X.
            if st >= 2 && s.w(st - 1) == "," && s.men[st - 2].is_some() && !s.locative(st - 2) {
                let after = s.mention_end(i) + 1;
                if matches!(s.w(after), "'s" | "'") {
                    return Some(coordinated_left(s, st - 2));
                }
            }
            return Some(coordinated_left(s, i));
        }
    }
    None
}

/// "Kata'ib Hizballah (KH) is a radical Shia Islamist group with an anti-Western ideology that
/// has conducted attacks": a relative clause on the predicate noun of "X is a ..." describes X.
/// `rel` is the relative pronoun; nothing but the description may stand between.
fn copular_head(s: &Sent, rel: usize) -> Option<Vec<usize>> {
    let first = (0..rel).find(|&j| s.men[j].is_some())?;
    if s.locative(first) || s.w(rel - 1) == "," {
        return None;
    }
    let mut e = s.mention_end(first) + 1;
    if s.w(e) == "(" {
        while e < rel && s.w(e) != ")" {
            e += 1;
        }
        e += 1;
    }
    if !(matches!(s.w(e), "is" | "was" | "remains") && matches!(s.w(e + 1), "a" | "an" | "one")) {
        return None;
    }
    let clean = (e + 2..rel).all(|k| {
        !matches!(s.w(k), ";" | ":" | "," | "which" | "who" | "that" | "\"")
            && (s.men[k].is_none()
                || is_modifier_mention(s, k)
                || s.men[k].is_some_and(|m| s.rec.mentions[m].kind == MentionKind::Demonym))
    });
    clean.then(|| coordinated_left(s, first))
}

/// Words for a part of an organisation that a place can name ("ISIS' Sinai chapter").
const PART_WORDS: &[&str] = &[
    "affiliate",
    "branch",
    "chapter",
    "province",
    "wing",
    "franchise",
    "offshoot",
    "arm",
    "faction",
];

/// A branch, parent, first and last token and part word of a phrase naming a branch.
type BranchPart = (usize, usize, usize, usize, usize);

/// "ISIS in the Sinai", "the group's affiliate in the Sinai Peninsula", "ISIS' Sinai chapter":
/// a parent named with the place of one of its branches, which the document names elsewhere,
/// stands for that branch. The phrase's tokens join the parent's mention; the result gives
/// each token's actor override, and the phrases that name the branch by a part word (which
/// state the branch's affiliation).
fn branches(
    toks: &[Token],
    lower: &[String],
    men: &mut [Option<usize>],
    rec: &Recognition,
    text: &str,
    kids: &[Vec<usize>],
) -> (Vec<Option<usize>>, Vec<BranchPart>) {
    let n = toks.len();
    let mut over = vec![None; n];
    let mut parts = Vec::new();
    let w = |i: usize| lower.get(i).map(String::as_str).unwrap_or("");
    let cap = |i: usize| {
        i < n
            && toks[i].kind == TokenKind::Word
            && text.as_bytes()[toks[i].span.start].is_ascii_uppercase()
    };
    let mut k = 0;
    while k < n {
        let Some(m) = men[k] else {
            k += 1;
            continue;
        };
        let mut e = k;
        while e + 1 < n && men[e + 1] == Some(m) {
            e += 1;
        }
        let start = k;
        k = e + 1;
        if rec.mentions[m].locative {
            continue;
        }
        let parent = rec.mentions[m].actor;
        let children = &kids[parent];
        if children.is_empty() {
            continue;
        }
        let mut j = e + 1;
        let mut part_word = None;
        let mut place = None;
        if matches!(w(j), "'s" | "'") {
            j += 1;
            if cap(j) && PART_WORDS.contains(&w(j + 1)) {
                place = Some(j);
                j += 1;
            }
            if !PART_WORDS.contains(&w(j)) {
                continue;
            }
            part_word = Some(j);
            j += 1;
        }
        let mut end = j.saturating_sub(1);
        if w(j) == "in" {
            let mut p = j + 1;
            if w(p) == "the" {
                p += 1;
            }
            if cap(p) {
                place = Some(p);
                end = p;
                // Through the rest of the place's name ("the Sinai Peninsula").
                while end + 1 < n
                    && cap(end + 1)
                    && (men[end + 1].is_none() || men[end + 1] == men[p])
                {
                    end += 1;
                }
            }
        }
        let Some(p) = place else {
            continue;
        };
        let word = toks[p].text(text);
        let named: Vec<usize> = children
            .iter()
            .copied()
            .filter(|&c| {
                rec.actors[c]
                    .name
                    .split(|ch: char| !ch.is_alphanumeric())
                    .any(|x| x == word)
            })
            .collect();
        let [child] = named[..] else {
            continue;
        };
        for t in start..=end {
            men[t] = Some(m);
            over[t] = Some(child);
        }
        if let Some(pw) = part_word {
            parts.push((child, parent, start, end, pw));
        }
        k = end + 1;
    }
    (over, parts)
}

/// Paragraph topic continuity for branches. A paragraph whose first sentence names a branch
/// (and not its parent on its own) is about that branch; in its later sentences, a name of the
/// parent that the branch's own name contains ("ISIS" in "ISIS-Sinai Province") stands for
/// the branch, unless the sentence names the branch itself (then the parent is meant) or the
/// parent is placed ("ISIS in Syria", "ISIS in those countries", "other ISIS branches").
#[allow(clippy::too_many_arguments)]
fn topic_branch(
    toks: &[Token],
    men: &[Option<usize>],
    over: &mut [Option<usize>],
    rec: &Recognition,
    text: &str,
    parents: &[Option<usize>],
    para_start: bool,
    para_branch: &mut Option<usize>,
) {
    if !para_start && para_branch.is_none() {
        return;
    }
    let n = toks.len();
    let actor_at = |k: usize, over: &[Option<usize>]| {
        over[k].or_else(|| men[k].map(|m| rec.mentions[m].actor))
    };
    let named: Vec<usize> = (0..n)
        .filter(|&k| men[k].is_some_and(|m| !rec.mentions[m].locative))
        .filter_map(|k| actor_at(k, over))
        .collect();
    if para_start {
        *para_branch = named
            .iter()
            .copied()
            .find(|&b| parents[b].is_some_and(|p| !named.contains(&p)));
        return;
    }
    let Some(b) = *para_branch else {
        return;
    };
    let Some(p) = parents[b] else {
        return;
    };
    if named.contains(&b) {
        return;
    }
    let lower = |k: usize| toks[k].text(text).to_ascii_lowercase();
    let mut k = 0;
    while k < n {
        let Some(m) = men[k] else {
            k += 1;
            continue;
        };
        let mention = &rec.mentions[m];
        let mut e = k;
        while e + 1 < n && men[e + 1] == Some(m) {
            e += 1;
        }
        let form = &text[mention.span.start..mention.span.end];
        // "ISIS in Syria", "ISIS in those countries", "other ISIS branches".
        let elsewhere = (e + 1 < n && lower(e + 1) == "in") || (k > 0 && lower(k - 1) == "other");
        if over[k].is_none()
            && mention.actor == p
            && !mention.locative
            && mention.kind == MentionKind::Name
            && !elsewhere
            && rec.actors[b].name.split([' ', '-']).any(|w| w == form)
        {
            for t in &mut over[k..=e] {
                *t = Some(b);
            }
        }
        k = e + 1;
    }
}

/// "pro-ISIS", "anti-Israeli": a name inside a modifier, never a subject.
fn is_modifier_mention(s: &Sent, j: usize) -> bool {
    let st = s.mention_start(j);
    st >= 2 && s.w(st - 1) == "-" && matches!(s.w(st - 2), "pro" | "anti" | "counter")
}

/// "U.S. persons", "the U.S. financial system": a state's name modifying a word of commerce or
/// law names no party to the relation ("sanctioned U.S. persons" does not sanction the state).
fn is_state_modifier(s: &Sent, j: usize) -> bool {
    if s.kind(j) != Some(ActorType::State) {
        return false;
    }
    matches!(
        s.w(s.mention_end(j) + 1),
        "persons"
            | "person"
            | "entities"
            | "entity"
            | "companies"
            | "company"
            | "banks"
            | "bank"
            | "dollars"
            | "dollar"
            | "financial"
            | "jurisdiction"
            | "exports"
            | "imports"
            | "products"
            | "goods"
            | "assets"
            | "accounts"
            | "markets"
            | "market"
            | "businesses"
            | "currency"
            | "law"
            | "laws"
            | "regulations"
            | "property"
            | "courts"
            | "court"
            | "economy"
            | "economic"
            | "trade"
            | "commerce"
            | "oil"
            | "petroleum"
    )
}

/// The first object mentions to the right of token t within the clause.
fn object_right(s: &Sent, t: usize) -> Option<Vec<usize>> {
    let n = s.toks.len();
    // Inside a quotation the closing quote ends the search: what follows is its speaker.
    let quoted = (0..t).filter(|&k| s.w(k) == "\"").count() % 2 == 1;
    let mut i = t;
    while i < n {
        let w = s.w(i);
        if matches!(
            w,
            ";" | ":"
                | "."
                | "because"
                | "but"
                | "while"
                | "although"
                | "whereas"
                | "after"
                | "when"
                | "so"
        ) || (w == "," && matches!(s.w(i + 1), "which" | "who" | "but" | "while" | "when"))
            || (w == "\"" && quoted)
            || (i > t
                && (BE.contains(&w) || matches!(w, "has" | "have" | "had" | "will" | "would")))
            // "designated Tajideen as a financier of Hezbollah": past the object's role.
            // "whom the Treasury designated as a financier of Hezbollah": the verb's object is
            // the relative pronoun's antecedent, and the role's owner is no object of it.
            || (w == "as"
                && matches!(s.w(i + 1), "a" | "an")
                && (i > t
                    || (t.saturating_sub(12)..t).any(|k| matches!(s.w(k), "whom" | "which"))))
        {
            return None;
        }
        // "operating at the U.S. southern border": a place, not a party.
        let st = if s.men[i].is_some() {
            s.mention_start(i)
        } else {
            i
        };
        let at_place = (st.saturating_sub(2)..st).any(|k| {
            matches!(
                s.w(k),
                "at" | "near" | "along" | "inside" | "within" | "across" | "throughout" | "around"
            )
        });
        if s.men[i].is_some() && !s.locative(i) && !is_state_modifier(s, i) && !at_place {
            // "to support Syria's Bashar Assad", "Iran's Quds Force": the possessed name heads
            // the phrase.
            let e = s.mention_end(i);
            let i = if matches!(s.w(e + 1), "'s" | "'")
                && s.men.get(e + 2).is_some_and(|m| m.is_some())
                && !s.locative(e + 2)
                && s.actor(e + 2) != s.actor(i)
            {
                e + 2
            } else {
                i
            };
            let mut objs = coordinated_right(s, i, n);
            // "supported groups in Bahrain and Iraq, including Hizballah and Hamas": the named
            // members of a described set are objects too.
            let last = s.mention_end(*objs.last().unwrap_or(&i));
            let mut j = last + 1;
            while j < n && j < last + 12 {
                if matches!(s.w(j), ";" | "." | ":") {
                    break;
                }
                // "attacks against Israeli forces and civilians, as well as against ISIS": a
                // second object of the same preposition.
                if s.w(j) == "as"
                    && s.w(j + 1) == "well"
                    && s.w(j + 2) == "as"
                    && matches!(
                        s.w(j + 3),
                        "against" | "to" | "with" | "on" | "from" | "for"
                    )
                {
                    let mut k = j + 4;
                    while k < n && k < j + 6 && s.men[k].is_none() && ITEM_OPENERS.contains(&s.w(k))
                    {
                        k += 1;
                    }
                    if k < n && s.men[k].is_some() && !s.locative(k) {
                        objs.extend(coordinated_right(s, k, n));
                    }
                    break;
                }
                if matches!(s.w(j), "including" | "like")
                    || (s.w(j) == "such" && s.w(j + 1) == "as")
                {
                    let k = if s.w(j) == "such" { j + 2 } else { j + 1 };
                    if let Some(m) =
                        (k..(k + 3).min(n)).find(|&x| s.men[x].is_some() && !s.locative(x))
                    {
                        // The named examples stand for a described set with no name of its
                        // own ("radical Sunni groups like ISIS and Hamas").
                        objs.retain(|&o| s.actor(o).is_some_and(|a| s.rec.actors[a].known));
                        objs.extend(coordinated_right(s, m, n));
                    }
                    break;
                }
                j += 1;
            }
            return Some(objs);
        }
        i += 1;
    }
    None
}

fn is_passive(s: &Sent, h: &Hit) -> bool {
    if !h.participle {
        return false;
    }
    let mut i = h.start;
    for _ in 0..3 {
        if i == 0 {
            return false;
        }
        i -= 1;
        let w = s.w(i);
        if BE.contains(&w) || w == "," {
            return true;
        }
        if !(w.ends_with("ly")
            || matches!(
                w,
                "not" | "also" | "reportedly" | "allegedly" | "never" | "been" | "being"
            ))
        {
            return false;
        }
    }
    false
}

fn agent_after_by(s: &Sent, from: usize) -> Option<Vec<usize>> {
    let n = s.toks.len();
    let mut i = from;
    while i < n && i < from + 8 {
        if s.w(i) == "by" {
            let mut j = i + 1;
            while j < n && j < i + 4 {
                if s.men[j].is_some() {
                    return Some(coordinated_right(s, j, n));
                }
                j += 1;
            }
            return None;
        }
        if matches!(s.w(i), ";" | "." | ",") {
            return None;
        }
        i += 1;
    }
    None
}

type Pairs = Vec<(Vec<usize>, Vec<usize>)>;

/// "By directly supporting Hamas ..., Iran is able to ...": a gerund in an opening adverbial
/// clause takes the main clause's subject.
fn gerund_subject(s: &Sent, h: &Hit) -> Option<Vec<usize>> {
    if !s.w(h.start).ends_with("ing") {
        return None;
    }
    let opener = (0..h.start).find(|&i| s.toks[i].kind == TokenKind::Word)?;
    if !matches!(
        s.w(opener),
        "by" | "while" | "after" | "before" | "when" | "through" | "despite"
    ) {
        return None;
    }
    if (opener..h.start).any(|i| s.w(i) == "," || s.men[i].is_some() && i < opener + 1) {
        return None;
    }
    let comma = (h.end..s.toks.len()).find(|&i| s.w(i) == ",")?;
    let j = (comma + 1..s.toks.len().min(comma + 4)).find(|&i| s.men[i].is_some())?;
    Some(vec![j])
}

fn verb_args(s: &Sent, h: &Hit, c: Category) -> Pairs {
    // "Designated as an FTO in 1984, Iran ...": an opening participle clause whose subject
    // follows the comma; for a designation in the agency's own text, the agency designated it.
    if c == Category::Sanction && h.participle && s.publisher.is_some() {
        // After a line label ("Description: Originally designated ...").
        let from = (0..h.start.min(4))
            .rfind(|&i| s.w(i) == ":")
            .map_or(0, |c| c + 1);
        let opening =
            (from..h.start).all(|i| s.w(i).ends_with("ly") || s.toks[i].kind != TokenKind::Word);
        if opening {
            if let Some(comma) = (h.end..s.toks.len()).find(|&i| s.w(i) == ",") {
                if let Some(j) =
                    (comma + 1..(comma + 4).min(s.toks.len())).find(|&i| s.men[i].is_some())
                {
                    return vec![(vec![PUBLISHER], vec![j])];
                }
            }
        }
    }
    // "the smuggling of crude": after a determiner, a verb form is a noun.
    if h.start > 0 && DETERMINERS.contains(&s.w(h.start - 1)) {
        return vec![];
    }
    // "Asbat al-Ansar (AAA): aim(s): overthrow the Lebanese Government, ...": the section's
    // actor is the subject of each clause.
    if topic_clause(s, h.start) {
        return object_right(s, h.end)
            .map(|o| vec![(vec![TOPIC], o)])
            .unwrap_or_default();
    }
    if let Some(sub) = gerund_subject(s, h) {
        return object_right(s, h.end)
            .map(|o| vec![(sub, o)])
            .unwrap_or_default();
    }
    // "the Houthis spared Chinese ships while targeting American vessels": an adverbial
    // participle clause shares the main clause's subject.
    if h.start > 1
        && s.w(h.start).ends_with("ing")
        && matches!(
            s.w(h.start - 1),
            "while" | "by" | "after" | "before" | "when"
        )
    {
        let sub = subject_left(s, h.start - 1).filter(|v| {
            let st = s.mention_start(v[0]);
            st == 0 || s.w(st - 1) != "-"
        });
        return match (sub, object_right(s, h.end)) {
            (Some(a), Some(b)) => vec![(a, b)],
            _ => vec![],
        };
    }
    // A third-person form needs its subject right before it ("Hamas bombs"), not a list of
    // nouns ("explosive devices and bombs").
    let form = s.w(h.start);
    if form.ends_with('s') && !form.ends_with("ss") && h.start > 0 {
        let prev = s.w(h.start - 1);
        let list_noun = prev == "and"
            && h.start >= 2
            && s.men[h.start - 2].is_none()
            && s.toks[h.start - 2].kind == TokenKind::Word
            && !s.w(h.start - 2).ends_with("ly");
        // "small arms", "explosive bombs": after a plain lower-case word (not a name, a
        // pronoun or an adverb) the form is a plural noun.
        let plain_word = h.end == h.start + 1 && plain_modifier(s, h.start - 1);
        if list_noun || DETERMINERS.contains(&prev) || plain_word {
            return vec![];
        }
    }
    // "X is affiliated with Y", "X is closely allied with Y": a state, not a passive.
    let stative = h.end > h.start + 1 && matches!(s.w(h.end - 1), "with" | "to") && h.participle;
    if !stative && is_passive(s, h) {
        let Some(agent) = agent_after_by(s, h.end) else {
            // "Hizballah was designated as an FTO in 1997", in the designating agency's own
            // publication: the agency designated it.
            if c == Category::Sanction && s.publisher.is_some() {
                if let Some(patient) = subject_left(s, h.start) {
                    return vec![(vec![PUBLISHER], patient)];
                }
            }
            return vec![];
        };
        // "Each has previously been designated by the Treasury", "They were arrested by the
        // FBI": a plural subject that opens the sentence stands for the people the previous
        // sentence listed.
        if matches!(s.w(0), "each" | "they" | "both" | "all")
            && !s.prev_list.is_empty()
            && (1..h.start).all(|k| s.men[k].is_none() && !matches!(s.w(k), "," | ";" | "that"))
        {
            let listed = (0..s.prev_list.len()).map(|k| LISTED + k).collect();
            return vec![(agent, listed)];
        }
        let Some(patient) = subject_left(s, h.start) else {
            // "weapons were supplied to Hezbollah by Iran"
            let obj = object_right(s, h.end)
                .filter(|o| !agent.contains(&o[0]))
                .unwrap_or_default();
            return vec![(agent, obj)];
        };
        return vec![(agent, patient)];
    }
    let Some(sub) = subject_left(s, h.start) else {
        return vec![];
    };
    // "to destabilize them": an object pronoun stands for the nearest names before the verb.
    if matches!(s.w(h.end), "them" | "it") {
        let ante = (0..h.start).rev().find(|&j| {
            s.men[j].is_some() && !s.locative(j) && !sub.iter().any(|&x| s.actor(x) == s.actor(j))
        });
        if let Some(j) = ante {
            return vec![(sub, coordinated_left(s, j))];
        }
    }
    // "expelled the PA and Fatah from Gaza": a verb whose "from" follows its object has the
    // object between them; what follows "from" is where from.
    let gapped = h.end > h.start + 2 && s.w(h.end - 1) == "from" && s.w(h.start + 1) != "from";
    let obj = if gapped {
        object_right(s, h.start + 1)
            .filter(|o| o[0] < h.end)
            .or_else(|| object_right(s, h.end))
    } else {
        object_right(s, h.end)
    };
    let obj = obj.or_else(|| object_relative(s, &sub));
    let Some(obj) = obj else {
        // "The United States and Jordan have agreed", "Hamas and Fatah met": a joint act of
        // the coordinated subjects, with each other.
        if sub.len() >= 2 && matches!(c, Category::Agree | Category::Consult | Category::Cooperate)
        {
            let mut out = Vec::new();
            for a in 0..sub.len() {
                for b in a + 1..sub.len() {
                    out.push((vec![sub[b]], vec![sub[a]]));
                }
            }
            return out;
        }
        return vec![];
    };
    vec![(sub, with_examples(s, obj))]
}

/// "supported partner groups in the region, including Hizballah and Hamas": the named
/// examples after a described object are objects too.
fn with_examples(s: &Sent, mut obj: Vec<usize>) -> Vec<usize> {
    let Some(&last) = obj.iter().max() else {
        return obj;
    };
    let n = s.toks.len();
    let mut j = s.mention_end(last) + 1;
    // Past the rest of a described object's own words ("groups in Bahrain, Iraq, Lebanon,
    // and Yemen").
    let stop = (j + 12).min(n);
    while j < stop
        && (s.men[j].is_some()
            || matches!(s.w(j), "," | "and" | "or")
            || (matches!(s.w(j), "in" | "across" | "throughout") && s.locative(j + 1)))
    {
        j = if s.men[j].is_some() {
            s.mention_end(j) + 1
        } else {
            j + 1
        };
    }
    let lead = if s.w(j) == "including" {
        1
    } else if s.w(j) == "such" && s.w(j + 1) == "as" {
        2
    } else {
        return obj;
    };
    let m = j + lead;
    if m < n && s.men[m].is_some() && !s.locative(m) {
        // "radical Sunni groups like ISIS and Hamas": the named examples stand for a described
        // set that has no name of its own.
        obj.retain(|&o| s.actor(o).is_some_and(|a| s.rec.actors[a].known));
        for x in coordinated_right(s, m, n) {
            if !obj.iter().any(|&o| s.actor(o) == s.actor(x)) {
                obj.push(x);
            }
        }
    }
    obj
}

/// "Iran, which the Secretary of State designated as ...": a verb with no object after it,
/// whose subject follows a relative pronoun, takes the pronoun's antecedent as its object.
fn object_relative(s: &Sent, sub: &[usize]) -> Option<Vec<usize>> {
    let st = s.mention_start(*sub.iter().min()?);
    let mut p = st;
    // "whom the United States Department of the Treasury designated": past the state's name
    // before its agency.
    if p > 0 && s.kind(p - 1) == Some(ActorType::State) {
        p = s.mention_start(p - 1);
    }
    if p > 0 && s.w(p - 1) == "the" {
        p -= 1;
    }
    if p < 2 || !matches!(s.w(p - 1), "which" | "that" | "whom") {
        return None;
    }
    let mut a = p - 2;
    if s.w(a) == "," && a > 0 {
        a -= 1;
    }
    (s.men[a].is_some() && !s.locative(a)).then(|| vec![a])
}

/// "S depends on O for weapons": O gives to S.
fn rev_args(s: &Sent, h: &Hit) -> Pairs {
    let Some(sub) = subject_left(s, h.start) else {
        return vec![];
    };
    // The giver: the first mention after the particle.
    let Some(giver) = object_right(s, h.end) else {
        return vec![];
    };
    vec![(giver, sub)]
}

fn noun_args(s: &Sent, h: &Hit, c: Category) -> Pairs {
    let n = s.toks.len();
    // "the financing and operations of Al Qaida": the group's own operations, whose target
    // this phrase does not name.
    if matches!(s.w(h.start), "operations" | "operation") && s.w(h.end) == "of" {
        return vec![];
    }
    // "between X and Y"
    if c.is_symmetric() || matches!(c, Category::Cooperate | Category::Consult) {
        let mut i = h.end;
        // "a cooperation mechanism between", "ties and coordination between".
        if i + 1 < n
            && s.w(i + 1) == "between"
            && matches!(
                s.w(i),
                "mechanism"
                    | "mechanisms"
                    | "agreement"
                    | "framework"
                    | "channel"
                    | "channels"
                    | "network"
            )
        {
            i += 1;
        }
        if i < n && s.w(i) == "between" {
            i += 1;
            let mut ms = Vec::new();
            while i < n && i < h.end + 24 {
                if s.men[i].is_some() && !s.locative(i) {
                    // "and the Palestinian terror organization Hamas": a description before
                    // the name; a demonym in it is no party of its own.
                    let demonym =
                        s.men[i].is_some_and(|m| s.rec.mentions[m].kind == MentionKind::Demonym);
                    if demonym && !ms.is_empty() {
                        let e = s.mention_end(i) + 1;
                        if let Some(x) = (e..(e + 4).min(n))
                            .take_while(|&x| {
                                s.men[x].is_some() || s.toks[x].kind == TokenKind::Word
                            })
                            .find(|&x| s.men[x].is_some() && !s.locative(x))
                        {
                            if (e..x).all(|y| {
                                plain_item_word(s, y)
                                    || s.w(y)
                                        .bytes()
                                        .next()
                                        .is_some_and(|c| c.is_ascii_alphabetic())
                            }) {
                                i = x;
                                continue;
                            }
                        }
                    }
                    ms.push(i);
                    i = s.mention_end(i) + 1;
                    continue;
                }
                // "between X and the militant group Y": description words before a name.
                if !ms.is_empty() && matches!(s.w(i.saturating_sub(1)), "and" | "the") {
                    if let Some(x) = (i..(i + 4).min(n))
                        .take_while(|&x| plain_item_word(s, x) || s.men[x].is_some())
                        .find(|&x| s.men[x].is_some() && !s.locative(x))
                    {
                        i = x;
                        continue;
                    }
                }
                // Before the first name only a determiner or an adjective; after it, only
                // "and" or a comma joins the next.
                if !ms.is_empty() && !matches!(s.w(i), "and" | "," | "the" | "[" | "]" | "'s" | "'")
                {
                    break;
                }
                if ms.is_empty() && i > h.end + 3 {
                    break;
                }
                if !matches!(s.w(i), "and" | "," | "the" | "[" | "]" | "'s" | "'")
                    && s.men[i].is_none()
                    && ms.len() >= 2
                {
                    break;
                }
                if matches!(
                    s.w(i),
                    ";" | "." | "were" | "was" | "is" | "are" | "have" | "has"
                ) {
                    break;
                }
                i += 1;
            }
            let mut out = Vec::new();
            for a in 0..ms.len() {
                for b in a + 1..ms.len() {
                    out.push((vec![ms[a]], vec![ms[b]]));
                }
            }
            if !out.is_empty() {
                return out;
            }
        }
        // "the Iran-Hamas-ISIS axis": hyphen-joined mentions before the noun.
        let mut chain = Vec::new();
        let mut j = h.start;
        while j > 0 {
            let p = j - 1;
            if s.men[p].is_some() {
                let st = s.mention_start(p);
                chain.push(st);
                if st > 0 && s.w(st - 1) == "-" {
                    j = st - 1;
                    continue;
                }
            }
            break;
        }
        if chain.len() >= 2 {
            let mut out = Vec::new();
            for a in 0..chain.len() {
                for b in a + 1..chain.len() {
                    out.push((vec![chain[b]], vec![chain[a]]));
                }
            }
            return out;
        }
    }
    // Subject: possessor or adjacent modifier before the noun ("Iran's support", "Iranian
    // support", "Hamas' severe crackdown"); else "by X" / "from X" after it.
    let mut sub = None;
    let mut j = h.start;
    let mut steps = 0;
    let mut pronoun = None;
    while j > 0 && steps < 8 {
        j -= 1;
        steps += 1;
        if s.men[j].is_some() {
            if !s.locative(j) {
                sub = Some(vec![j]);
            }
            break;
        }
        let w = s.w(j);
        if matches!(w, "its" | "their" | "his" | "her") {
            pronoun = Some(j);
        }
        // "his tens of millions of dollars of financial support": an amount is part of the
        // noun phrase.
        let amount = w == "of" && j > 0 && AMOUNT_WORDS.contains(&s.w(j - 1));
        if amount {
            steps -= 1;
        }
        let modifier = s.toks[j].kind == TokenKind::Word
            && !PREPOSITIONS.contains(&w)
            && !BE.contains(&w)
            && !matches!(
                w,
                "the" | "a" | "an" | "and" | "its" | "their" | "his" | "her"
            );
        if !amount && !modifier && !matches!(w, "'s" | "'" | "-") {
            break;
        }
    }
    // "anti-Israeli attacks": the modifier is the target, not the actor.
    let mut anti_obj = None;
    if let Some(v) = &sub {
        let st = s.mention_start(v[0]);
        if st >= 2 && s.w(st - 1) == "-" && s.w(st - 2) == "anti" {
            anti_obj = Some(vec![v[0]]);
            sub = None;
        } else {
            sub = Some(coordinated_left(s, v[0]));
        }
    }
    // "amended ABM's designation", "Tajideen's arrest by the FBI": for sanctions and coercion
    // a possessor with no object after the noun ("of", "on", "against") is the one acted on. The agent is "by X",
    // else the clause's subject, else the publishing agency in its own text.
    let object_follows = matches!(s.w(h.end), "of" | "on" | "against" | "for")
        || (s.w(h.end) == "to" && (s.men.get(h.end + 1).is_some_and(|m| m.is_some())));
    if matches!(c, Category::Sanction | Category::Coerce) && !object_follows {
        if let Some(v) = &sub {
            let me = s.mention_end(v[0]);
            if matches!(s.w(me + 1), "'s" | "'") {
                let patient = v.clone();
                let st = s.mention_start(patient[0]);
                let agent = agent_after_by(s, h.end)
                    .or_else(|| subject_left(s, st))
                    .or_else(|| s.publisher.map(|_| vec![PUBLISHER]));
                return agent.map(|a| vec![(a, patient)]).unwrap_or_default();
            }
        }
    }
    // "focused most of its attacks against Israel", "based on his financial support of
    // Hezbollah": a possessive pronoun stands for the nearest fitting name before it.
    if sub.is_none() {
        if let Some(p) = pronoun {
            let person = matches!(s.w(p), "his" | "her");
            let clause_subject = if person {
                None
            } else {
                // The clause's subject, which a verb follows ("ISIS-Sinai had ties ... and
                // focused most of its attacks"), not the object of a relative clause ("the
                // faction that controls Afghanistan for its support of").
                subject_left(s, p).filter(|v| {
                    let next = s.w(s.mention_end(*v.iter().max().unwrap_or(&v[0])) + 1);
                    !matches!(
                        s.kind(v[0]),
                        Some(ActorType::Person | ActorType::Population)
                    ) && (next.ends_with("ed")
                        || next.ends_with('s')
                        || matches!(next, "had" | "has" | "have" | "is" | "was" | "," | "(")
                        || next == "'s")
                })
            };
            sub = clause_subject.or_else(|| {
                (0..p)
                    .filter(|_| person)
                    .rev()
                    .find(|&k| {
                        s.men[k].is_some()
                            && !s.locative(k)
                            && !is_modifier_mention(s, k)
                            && (s.kind(k) == Some(ActorType::Person)) == person
                    })
                    .map(|k| vec![s.mention_start(k)])
            });
        }
    }
    // "in consultation with X": the clause's subject.
    if sub.is_none() && h.start > 0 && s.w(h.start - 1) == "in" {
        sub = subject_left(s, h.start - 1);
    }
    // "Iran continued its activity, including support for Hizballah": the clause's subject.
    if sub.is_none() && h.start > 1 && s.w(h.start - 1) == "including" && s.w(h.start - 2) == "," {
        sub = subject_left(s, h.start - 2);
    }
    // "responsible for numerous attacks on", "claimed responsibility for the abduction of",
    // "was implicated in the 1992 attacks on": the clause's subject carried them out.
    if sub.is_none() {
        let lo = h.start.saturating_sub(7);
        if let Some(p) = (lo..h.start)
            .rev()
            .find(|&i| matches!(s.w(i), "for" | "in"))
        {
            // "implicated, along with Iran, in the 1992 attacks": past the comma group, whose
            // party took part too.
            let mut q = p;
            let mut also = Vec::new();
            if p > 1 && s.w(p - 1) == "," {
                if let Some(o) = (p.saturating_sub(8)..p - 1).rev().find(|&x| s.w(x) == ",") {
                    if matches!(s.w(o + 1), "along" | "together" | "like") {
                        also.extend((o + 1..p - 1).filter(|&x| {
                            s.men[x].is_some() && s.mention_start(x) == x && !s.locative(x)
                        }));
                        q = o;
                    }
                }
            }
            let p = q;
            if p > 0
                && matches!(
                    s.w(p - 1),
                    "responsible"
                        | "responsibility"
                        | "implicated"
                        | "involved"
                        | "participated"
                        | "role"
                        | "credit"
                )
                && (p + 1..h.start)
                    .all(|i| s.men[i].is_none() || also.contains(&s.mention_start(i)))
            {
                sub = if topic_line(s, p - 1) {
                    Some(vec![TOPIC])
                } else {
                    subject_left(s, p - 1).map(|mut v| {
                        for &a in &also {
                            if !v.contains(&a) {
                                v.push(a);
                            }
                        }
                        v
                    })
                };
            }
        }
    }
    // "holding cordial meetings with X", "maintaining warm relations": the light verb's subject.
    if sub.is_none() {
        let mut j = h.start;
        let mut steps = 0;
        while j > 0 && steps < 6 {
            j -= 1;
            steps += 1;
            if LIGHT_VERBS.contains(&s.w(j)) {
                sub = if topic_clause(s, j) {
                    Some(vec![TOPIC])
                } else {
                    subject_left(s, j)
                };
                break;
            }
            // "used a range of tactics", "launched a series of attacks": a quantity, not a
            // phrase of its own.
            if s.w(j) == "of" && j > 0 && QUANTITY_NOUNS.contains(&s.w(j - 1)) {
                continue;
            }
            // "conducted more than 500 attacks": a quantity.
            if s.w(j) == "than" && j > 0 && matches!(s.w(j - 1), "more" | "less" | "fewer") {
                continue;
            }
            // "conducted anti-Israeli attacks": the target in a modifier is no boundary.
            if s.men[j].is_some() && is_modifier_mention(s, j) {
                j = s.mention_start(j);
                continue;
            }
            if s.men[j].is_some() || PREPOSITIONS.contains(&s.w(j)) {
                break;
            }
        }
    }
    // Object: after for/to/on/against/of/with/toward within a few tokens.
    let mut obj = None;
    let mut from_agent = None;
    // A phrase trigger that ends in its preposition ("acts against"): the object follows it.
    let mut i = if h.end > h.start + 1 && PREPOSITIONS.contains(&s.w(h.end - 1)) {
        h.end - 1
    } else {
        h.end
    };
    while i < n && i < h.end + 6 {
        let w = s.w(i);
        if matches!(
            w,
            "for"
                | "to"
                | "on"
                | "against"
                | "of"
                | "with"
                | "toward"
                | "towards"
                | "into"
                | "like"
                | "including"
                | "as"
        ) {
            let mut j = i + 1;
            while j < n && j < i + 4 {
                // "attack on international counter-ISIS forces": the name in the modifier is
                // no target.
                if s.men[j].is_some() && is_modifier_mention(s, j) {
                    j = s.mention_end(j) + 1;
                    continue;
                }
                if s.men[j].is_some() {
                    if !s.locative(j) {
                        obj = Some(coordinated_right(s, j, n));
                    }
                    break;
                }
                j += 1;
            }
            if obj.is_some() {
                break;
            }
        }
        if matches!(w, "from" | "by") {
            let j = i + 1;
            // "rocket attacks fired from Lebanon": for attacks, a state after "from" is the
            // place they came from.
            let place =
                w == "from" && c == Category::Assault && s.kind(j) == Some(ActorType::State);
            if j < n && s.men[j].is_some() && !place {
                from_agent = Some(vec![j]);
            }
        }
        // "500 attacks in the Sinai, mostly against Egyptian security forces": an adverb
        // of degree carries the phrase past the comma.
        let degree = w == ","
            && matches!(
                s.w(i + 1),
                "mostly" | "mainly" | "primarily" | "largely" | "particularly" | "especially"
            );
        if degree {
            i += 2;
            continue;
        }
        if matches!(w, ";" | "." | ",")
            || (w == "\"" && (0..i).filter(|&k| s.w(k) == "\"").count() % 2 == 1)
        {
            break;
        }
        i += 1;
    }
    let mut obj = obj.or(anti_obj);
    // "U.S. citizens have died and been injured in the group's attacks": the victims of the
    // clause are the attacks' targets.
    if obj.is_none() && c == Category::Assault && sub.is_some() {
        let st = match sub.as_deref() {
            Some([x, ..]) if *x < s.toks.len() => s.mention_start(*x),
            _ => h.start,
        };
        let before = st.saturating_sub(2)..st;
        if let Some(p) = before.rev().find(|&k| s.w(k) == "in") {
            let victim_verb = (p.saturating_sub(6)..p).rev().find(|&k| {
                matches!(
                    s.w(k),
                    "died" | "killed" | "injured" | "wounded" | "hurt" | "harmed" | "maimed"
                )
            });
            if let Some(v) = victim_verb {
                let mut k = v;
                // Back over the coordinated participles ("have died and been injured").
                while k > 0 && s.men[k - 1].is_none() && !matches!(s.w(k - 1), "," | ";" | ".") {
                    k -= 1;
                }
                if k > 0 && s.men[k - 1].is_some() && !s.locative(k - 1) {
                    let victims = coordinated_left(s, s.mention_start(k - 1));
                    if !victims
                        .iter()
                        .any(|x| sub.as_ref().is_some_and(|v| v.contains(x)))
                    {
                        obj = Some(victims);
                    }
                }
            }
        }
    }
    // "Hezbollah generates funds from a combination of direct financial support from Iran":
    // the giver follows "from"; the clause's subject receives.
    if sub.is_none() && obj.is_none() && from_agent.is_some() {
        obj = if topic_line(s, h.start) {
            Some(vec![TOPIC])
        } else {
            subject_left(s, h.start).filter(|o| from_agent.as_ref() != Some(o))
        };
    }
    let sub = sub.or(from_agent);
    // "The ROYG, with Saudi and Emirati support, continued ...": the clause's subject benefits.
    if obj.is_none() && (h.start.saturating_sub(5)..h.start).any(|i| s.w(i) == "with") {
        let mut j = h.end;
        while j < n && !matches!(s.w(j), "," | ";" | ".") {
            j += 1;
        }
        if let Some(wi) = (h.start.saturating_sub(5)..h.start)
            .rev()
            .find(|&i| s.w(i) == "with")
        {
            if wi > 0 && s.w(wi - 1) == "," {
                obj = subject_left(s, wi - 1);
            }
        }
    }
    // "has become powerful largely due to Iranian support", "thanks to Russian backing": the
    // clause's subject is who benefits.
    if obj.is_none() && matches!(c, Category::Aid | Category::Support) {
        if let Some(d) = (h.start.saturating_sub(5)..h.start)
            .rev()
            .find(|&i| i > 0 && s.w(i) == "to" && matches!(s.w(i - 1), "due" | "thanks" | "owing"))
        {
            obj = subject_left(s, d - 1).filter(|o| sub.as_ref() != Some(o));
        }
    }
    // "Iranian support via its proxy, Hamas": the channel gives too.
    let channel = if matches!(c, Category::Aid) {
        (h.end..n.min(h.end + 3))
            .find(|&i| matches!(s.w(i), "via" | "through"))
            .and_then(|v| {
                (v + 1..n.min(v + 6))
                    .take_while(|&k| !matches!(s.w(k), ";" | "."))
                    .find(|&k| s.men[k].is_some() && !s.locative(k))
            })
    } else {
        None
    };
    match (sub, obj) {
        (Some(a), Some(b)) => {
            let mut out = vec![(a, b.clone())];
            if let Some(ch) = channel.filter(|ch| !b.contains(ch)) {
                out.push((vec![ch], b));
            }
            out
        }
        // "Hamas and Sinai province are maintaining warm relations": a joint relation of the
        // coordinated subjects, with each other.
        (Some(a), None)
            if a.len() >= 2
                && matches!(c, Category::Cooperate | Category::Consult | Category::Agree) =>
        {
            let mut out = Vec::new();
            for x in 0..a.len() {
                for y in x + 1..a.len() {
                    out.push((vec![a[y]], vec![a[x]]));
                }
            }
            out
        }
        _ => vec![],
    }
}

/// "Iran-backed Hamas", "the Rwandan-backed M23".
fn hyphen_args(s: &Sent, h: &Hit) -> Pairs {
    if h.start < 2 || s.w(h.start - 1) != "-" || s.men[h.start - 2].is_none() {
        return vec![];
    }
    let sub = vec![h.start - 2];
    let n = s.toks.len();
    let mut i = h.end;
    while i < n && i < h.end + 4 {
        if s.men[i].is_some() {
            return vec![(sub, vec![i])];
        }
        i += 1;
    }
    vec![]
}

/// Structure nouns: "X, a branch of Y", "X, Y's wing", "Y's wing, X", "Y leader X",
/// "X, the leader of Y", "X is a member of Y".
fn struct_args(s: &Sent, h: &Hit, frame: Frame) -> Pairs {
    let n = s.toks.len();
    let t = h.start;
    // A plural ("Hamas leaders") names no one person.
    if matches!(frame, Frame::Lead | Frame::Member) && s.w(t).ends_with('s') && h.end == t + 1 {
        return vec![];
    }
    // "U.S. Special Representative for Iran Brian Hook": "for Iran" is the portfolio; the
    // state before the title is the one the person serves.
    if matches!(frame, Frame::Lead | Frame::Member)
        && s.w(h.end) == "for"
        && s.men.get(h.end + 1).is_some_and(|m| m.is_some())
    {
        let person = s.mention_end(h.end + 1) + 1;
        let mut b = t;
        while b > 0 && s.men[b - 1].is_none() && {
            let tk = &s.toks[b - 1];
            tk.kind == TokenKind::Word && s.text.as_bytes()[tk.span.start].is_ascii_uppercase()
        } {
            b -= 1;
        }
        if s.kind(person) == Some(ActorType::Person)
            && b > 0
            && s.men[b - 1].is_some()
            && !matches!(s.kind(b - 1), Some(ActorType::Person) | None)
        {
            return vec![(vec![person], vec![s.mention_start(b - 1)])];
        }
    }
    // The part word's owner: "of Y" after, or "Y's" / "Y" right before.
    let mut owner = None;
    if h.end + 1 < n && matches!(s.w(h.end), "of" | "for" | "in" | "at") {
        let mut j = h.end + 1;
        if matches!(s.w(j), "the" | "a") {
            j += 1;
        }
        // "a financier of Lebanon-based terrorist group Hezbollah": past a place modifier and
        // a title.
        if j < n && s.men[j].is_some() && s.locative(j) {
            let lo = s.mention_end(j) + 1;
            if let Some(x) = (lo..n.min(lo + 5))
                .take_while(|&x| s.toks[x].kind == TokenKind::Word || s.w(x) == "-")
                .find(|&x| s.men[x].is_some())
            {
                j = x;
            }
        }
        if j < n && s.men[j].is_some() && !s.locative(j) {
            owner = Some(j);
        }
    }
    let mut before;
    // skip modifiers: "Hamas' armed wing", "the group's Egyptian affiliate"
    let mut k = t;
    let mut steps = 0;
    while k > 0 && steps < 3 {
        let p = k - 1;
        if s.men[p].is_some() {
            break;
        }
        let w = s.w(p);
        if matches!(w, "'s" | "'")
            || s.toks[p].kind != TokenKind::Word
            || PREPOSITIONS.contains(&w)
            || matches!(w, "a" | "an" | "the" | "its" | "and")
        {
            break;
        }
        k = p;
        steps += 1;
    }
    if k >= 1 && matches!(s.w(k - 1), "its" | "their") && owner.is_none() {
        // "Iranian support via its proxy, Hamas": the nearest organisation or state before.
        before = k - 1;
        owner = (0..k - 1).rev().find(|&j| {
            s.men[j].is_some()
                && !s.locative(j)
                && !matches!(s.kind(j), Some(ActorType::Person | ActorType::Population))
        });
    } else if k >= 1 && s.men[k - 1].is_some() {
        owner = owner.or(Some(k - 1));
        before = s.mention_start(k - 1);
    } else if k >= 2 && matches!(s.w(k - 1), "'s" | "'") && s.men[k - 2].is_some() {
        owner = owner.or(Some(k - 2));
        before = s.mention_start(k - 2);
    } else {
        before = k;
    }
    // "the group selected a new leader, Ismail Haniyeh": the selecting group.
    if owner.is_none() && frame == Frame::Lead {
        let lo = t.saturating_sub(4);
        if let Some(v) = (lo..t).find(|&i| {
            matches!(
                s.w(i),
                "selected" | "named" | "appointed" | "elected" | "chose" | "picked" | "installed"
            )
        }) {
            if let Some(sub) = subject_left(s, v) {
                owner = Some(sub[0]);
                before = t;
            }
        }
    }
    let Some(owner) = owner else {
        return vec![];
    };
    // The member: a mention right after the noun phrase ("leader Shadi al-Manei", "wing, X"),
    // or the mention the phrase is in apposition to ("X, a branch of Y", "X [Y's militia]").
    let mut after = h.end;
    if after < n && s.w(after) == "of" {
        after = s.mention_end(owner) + 1;
    }
    if after < n && matches!(s.w(after), ",") {
        after += 1;
    }
    if after < n && s.men[after].is_some() && s.actor(after) != s.actor(owner) {
        let member = after;
        if frame != Frame::Part || after == h.end || s.w(h.end) == "," {
            return vec![(vec![member], vec![owner])];
        }
    }
    // "the Syrian regime of Bashar Assad": the person after "of" leads what stands before.
    if frame == Frame::Lead
        && s.kind(owner) == Some(ActorType::Person)
        && h.start > 0
        && s.men[h.start - 1].is_some()
        && s.kind(h.start - 1) != Some(ActorType::Person)
    {
        return vec![(vec![owner], vec![h.start - 1])];
    }
    // Apposition before: "X, a T of Y" / "X [Y's T]" / "X, who is a T of Y" / "X is a T of Y".
    let mut p = before;
    let mut steps = 0;
    while p > 0 && steps < 6 {
        p -= 1;
        steps += 1;
        let w = s.w(p);
        if matches!(
            w,
            "," | "["
                | "("
                | "a"
                | "an"
                | "the"
                | "is"
                | "was"
                | "are"
                | "became"
                | "as"
                | "remains"
                | "who"
                | "former"
                | "senior"
        ) {
            continue;
        }
        if s.men[p].is_some() && s.actor(p) != s.actor(owner) {
            return vec![(vec![p], vec![owner])];
        }
        // "X, whom the Treasury designated as a financier of Y": the relative pronoun's
        // antecedent holds the role.
        if p + 1 < h.start && s.w(p + 1) == "as" && (w.ends_with("ed") || w == "named") {
            let rel = (p.saturating_sub(12)..p)
                .rev()
                .find(|&k| matches!(s.w(k), "whom" | "which") || matches!(s.w(k), ";" | ":"));
            if let Some(k) = rel.filter(|&k| k >= 2 && s.w(k) != ";" && s.w(k) != ":") {
                let a = if s.w(k - 1) == "," { k - 2 } else { k - 1 };
                if s.men[a].is_some() && !s.locative(a) && s.actor(a) != s.actor(owner) {
                    return vec![(vec![s.mention_start(a)], vec![owner])];
                }
            }
        }
        break;
    }
    vec![]
}

#[cfg(test)]
mod tests;
