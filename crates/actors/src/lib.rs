//! Recognising actors: the alias dictionary compiled to aho-corasick automata, heuristics for
//! names that are not in it, and within-document resolution (short forms, acronyms introduced in
//! brackets, descriptions in apposition).
//!
//! The core types are [`ActorEntry`] (a dictionary row), [`Recognizer`] (the compiled
//! dictionary) and [`Recognition`] (the actors and mentions of one text).
//!
//! ```
//! use claimgraph_actors::Recognizer;
//! use claimgraph_text::sentences;
//! let r = Recognizer::builtin();
//! let text = "Tehran said the IRGC-QF armed Hizballah. It is unclear what US officials think.";
//! let found = r.recognize(text, &sentences(text));
//! let ids: Vec<&str> = found.mentions.iter().map(|m| found.actors[m.actor].id.as_str()).collect();
//! assert_eq!(ids, ["st_iran", "sa_ir_irgcqf", "ag_hizballah", "st_united_states"]);
//! ```
#![deny(missing_docs)]

pub mod dictionary;
pub mod ftm;
mod unknown;
pub mod words;

pub use dictionary::{ActorEntry, DictionaryError};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use claimgraph_model::{ActorRef, ActorType, Mention, MentionKind, Span};
use claimgraph_text::{fold, is_word_byte};
use std::collections::{HashMap, HashSet};

/// A compiled pattern's meaning.
#[derive(Debug, Clone)]
struct Pat {
    entry: u32,
    kind: MentionKind,
    /// The folded alias as written, for the case check.
    form: String,
}

/// The dictionary compiled for matching. Build it once and share it across threads.
pub struct Recognizer {
    entries: Vec<ActorEntry>,
    by_id: HashMap<String, usize>,
    ci: AhoCorasick,
    ci_pats: Vec<Vec<Pat>>,
    cs: AhoCorasick,
    cs_pats: Vec<Vec<Pat>>,
    /// First words (lower case) of forms that may start in lower case ("al", "the",
    /// "civilians"); other lower-case words cannot start a match.
    /// Each with whether it is a whole form by itself ("civilians"), not only a first word.
    lower_starts: WordMap<bool>,
    /// For forms of several words that start with one of `lower_starts` ("the Houthis",
    /// "al-Qaida"): the first word's and the second word's first three bytes, lower case.
    lower_pairs: rustc_hash::FxHashSet<u64>,
    /// The first two bytes of every entry of `lower_starts`, as a bit set: most words fail
    /// here without hashing.
    lower_prefix: Vec<u64>,
    /// The first word (lower case) of every case-insensitive form, and of every acronym (as
    /// written), with what starts there: a word that starts no form is passed over without
    /// a search.
    ci_first: WordMap<Starts>,
    cs_first: WordMap<Starts>,
    /// Whether some form starts with a non-word byte (then every position is searched).
    ci_any: bool,
    cs_any: bool,
    lists: unknown::Lists,
    /// For each entry, the entries that are part of it (the branches of a group).
    children: Vec<Vec<usize>>,
}

/// The forms that start with one first word.
#[derive(Debug, Clone, Copy, Default)]
struct Starts {
    /// The pattern that is this word alone ("Hamas"), if any.
    single: Option<u32>,
    /// Whether longer forms start with it ("Hamas' Izz ad-Din al-Qassam Brigades"): only then
    /// does the automaton run.
    longer: bool,
}

impl Starts {
    const ANY: Starts = Starts {
        single: None,
        longer: true,
    };

    /// The longest form at the input's start (span, pattern), given the first word there.
    fn find(
        self,
        ac: &AhoCorasick,
        input: aho_corasick::Input,
        fw: &[u8],
    ) -> Option<(Span, usize)> {
        if self.longer {
            ac.find(input)
                .map(|m| (Span::new(m.start(), m.end()), m.pattern().as_usize()))
        } else {
            let at = input.start();
            self.single
                .map(|p| (Span::new(at, at + fw.len()), p as usize))
        }
    }
}

/// A map from words (byte strings) to values, for lookups at every token: a word of up to 15
/// bytes is packed with its length into one `u128` key, so a lookup hashes two machine words
/// and compares integers instead of hashing and comparing a heap string.
#[derive(Debug, Clone, Default)]
struct WordMap<V> {
    short: rustc_hash::FxHashMap<u128, V>,
    long: rustc_hash::FxHashMap<Box<[u8]>, V>,
}

impl<V: Default> WordMap<V> {
    /// The packed key of a word, optionally lower-cased (ASCII); `None` past 15 bytes.
    #[inline]
    fn key(w: &[u8], lower: bool) -> Option<u128> {
        if w.len() > 15 {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..w.len()].copy_from_slice(w);
        buf[15] = w.len() as u8;
        let k = u128::from_le_bytes(buf);
        if !lower {
            return Some(k);
        }
        // ASCII capitals to lower case, sixteen bytes at once: a byte gets 0x20 where it is
        // at least 'A' and at most 'Z' (bytes of 0x80 and over are left alone).
        const LOW7: u128 = 0x7f7f_7f7f_7f7f_7f7f_7f7f_7f7f_7f7f_7f7f;
        const HIGH: u128 = !LOW7;
        let ones = u128::from_le_bytes([1; 16]);
        let a = k & LOW7;
        let ge_a = a + ones * (0x80 - b'A' as u128);
        let gt_z = a + ones * (0x80 - b'Z' as u128 - 1);
        let upper = ge_a & !gt_z & !k & HIGH;
        // The length byte (at most 15) is never a capital.
        Some(k | (upper >> 2))
    }

    fn entry(&mut self, w: &[u8]) -> &mut V {
        match Self::key(w, false) {
            Some(k) => self.short.entry(k).or_default(),
            None => self.long.entry(w.into()).or_default(),
        }
    }

    /// The value of a word, lower-casing it (ASCII) first when `lower`.
    #[inline]
    fn get(&self, w: &[u8], lower: bool) -> Option<&V> {
        match Self::key(w, lower) {
            Some(k) => self.short.get(&k),
            None if lower => self.long.get(&w.to_ascii_lowercase()[..]),
            None => self.long.get(w),
        }
    }
}

/// First words of forms, with what starts there, and whether a form starts with no word.
fn starts_of(list: &[String], lower: bool) -> (WordMap<Starts>, bool) {
    let mut map: WordMap<Starts> = Default::default();
    let mut any = false;
    for (i, f) in list.iter().enumerate() {
        let fw = first_word(f.as_bytes());
        any |= fw.is_empty();
        let key = if lower {
            fw.to_ascii_lowercase()
        } else {
            fw.to_vec()
        };
        let e = map.entry(&key);
        if fw.len() == f.len() {
            e.single = Some(i as u32);
        } else {
            e.longer = true;
        }
    }
    (map, any)
}

/// The first word of a form or of a text position: its leading word bytes (letters, digits,
/// non-ASCII), so that "al-Qaida" and "Qa'ida" give "al" and "Qa".
#[inline]
fn first_word(b: &[u8]) -> &[u8] {
    let e = b.iter().position(|&c| !is_word_byte(c)).unwrap_or(b.len());
    &b[..e]
}

/// The key of a first word and the start of the second, lower case.
fn pair_key(first: &[u8], second: &[u8]) -> u64 {
    ((key3(first, true) as u64) << 32) | key3(second, true) as u64
}

/// The first three bytes of a word (zero where it is shorter), optionally lower-cased.
#[inline]
fn key3(w: &[u8], lower: bool) -> u32 {
    let mut k = 0u32;
    for i in 0..3 {
        let c = w.get(i).copied().unwrap_or(0);
        let c = if lower { c.to_ascii_lowercase() } else { c };
        k = (k << 8) | c as u32;
    }
    k
}

fn prefix_bit(w: &[u8]) -> usize {
    let a = w[0].to_ascii_lowercase() as usize;
    let b = w.get(1).map_or(0, |c| c.to_ascii_lowercase() as usize);
    (a << 8) | b
}

/// The actors of one text and where they are named.
#[derive(Debug, Clone, Default)]
pub struct Recognition {
    /// Actors, in order of first mention.
    pub actors: Vec<ActorRef>,
    /// Mentions, sorted by position; spans index the text given to [`Recognizer::recognize`].
    pub mentions: Vec<Mention>,
    /// The tokens of every sentence given to [`Recognizer::recognize`], for later stages.
    pub tokens: Vec<claimgraph_text::Token>,
    /// For each sentence, its range in `tokens`.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
}

impl Recognition {
    /// The index of an actor by id.
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.id == id)
    }
}

/// A raw match before resolution: which actor (dictionary entry or unknown name) and where.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub span: Span,
    pub who: Who,
    pub kind: MentionKind,
    pub locative: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Who {
    Entry(usize),
    Unknown(unknown::UnknownKey),
}

fn is_acronym(form: &str) -> bool {
    if form.contains(' ') || form.len() > 12 {
        return false;
    }
    let upper = form.bytes().filter(|c| c.is_ascii_uppercase()).count();
    let lower = form.bytes().filter(|c| c.is_ascii_lowercase()).count();
    upper >= 2 && upper > lower || (upper >= 1 && form.contains('.') && lower == 0)
}

fn is_demonym(entry: &ActorEntry, alias: &str) -> bool {
    if entry.kind != ActorType::State || alias == entry.name {
        return false;
    }
    let words: Vec<&str> = alias.split(' ').collect();
    let last = words[words.len() - 1];
    if words.len() > 2 || !last.as_bytes()[0].is_ascii_uppercase() {
        return false;
    }
    [
        "ian", "ean", "an", "ese", "ish", "i", "ic", "ch", "ene", "ine",
    ]
    .iter()
    .any(|s| last.ends_with(s))
}

/// Forms of an alias that are matched: as written, with hyphens as spaces, without apostrophes.
fn variants(alias: &str) -> Vec<String> {
    let f = fold(alias.trim());
    let mut out = vec![f.clone()];
    if f.contains('-') {
        out.push(f.replace('-', " "));
    }
    if f.contains('\'') {
        out.push(f.replace('\'', ""));
    }
    // "UN Security Council" is also written "U.N. Security Council".
    if let Some((first, rest)) = f.split_once(' ') {
        if (2..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_uppercase()) {
            let dotted: String = first.chars().flat_map(|c| [c, '.']).collect();
            out.push(format!("{dotted} {rest}"));
        }
    }
    out.retain(|v| v.len() >= 2);
    out.dedup();
    out
}

impl Recognizer {
    /// The dictionary shipped in the binary.
    pub fn builtin() -> Recognizer {
        // The shipped file is checked by a unit test, so failing here is a build defect.
        let entries = dictionary::parse_csv(dictionary::BUILTIN_CSV, "data/actors.csv")
            .expect("the built-in dictionary is valid");
        Recognizer::new(entries).expect("the built-in dictionary is consistent")
    }

    /// The built-in dictionary with user entries added: an entry whose id exists replaces it.
    pub fn with_entries(extra: Vec<ActorEntry>) -> Result<Recognizer, String> {
        let mut entries = dictionary::parse_csv(dictionary::BUILTIN_CSV, "data/actors.csv")
            .map_err(|e| e.to_string())?;
        let mut index: HashMap<String, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        for e in extra {
            match index.get(&e.id) {
                Some(&i) => entries[i] = e,
                None => {
                    index.insert(e.id.clone(), entries.len());
                    entries.push(e);
                }
            }
        }
        Recognizer::new(entries)
    }

    /// Compile entries. Fails when a `part_of` names no entry or makes a cycle.
    pub fn new(entries: Vec<ActorEntry>) -> Result<Recognizer, String> {
        dictionary::check_hierarchy(&entries)?;
        let by_id: HashMap<String, usize> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let mut ci_keys: HashMap<String, usize> = HashMap::new();
        let mut ci_list: Vec<String> = Vec::new();
        let mut ci_pats: Vec<Vec<Pat>> = Vec::new();
        let mut cs_keys: HashMap<String, usize> = HashMap::new();
        let mut cs_list: Vec<String> = Vec::new();
        let mut cs_pats: Vec<Vec<Pat>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let forms = std::iter::once((e.name.as_str(), MentionKind::Name))
                .chain(e.aliases.iter().map(|a| (a.as_str(), MentionKind::Name)))
                .chain(
                    e.metonyms
                        .iter()
                        .map(|a| (a.as_str(), MentionKind::Capital)),
                )
                .chain(
                    e.demonyms
                        .iter()
                        .map(|a| (a.as_str(), MentionKind::Demonym)),
                );
            for (alias, given) in forms {
                // "Ansar Allah (Lebanon)": a qualifier for people, not text.
                if alias.trim_end().ends_with(')') && alias.contains(" (") {
                    continue;
                }
                let kind = if given != MentionKind::Name {
                    given
                } else if is_demonym(e, alias) {
                    MentionKind::Demonym
                } else {
                    MentionKind::Name
                };
                for v in variants(alias) {
                    let pat = Pat {
                        entry: i as u32,
                        kind,
                        form: v.clone(),
                    };
                    if is_acronym(&v) {
                        let k = *cs_keys.entry(v.clone()).or_insert_with(|| {
                            cs_list.push(v.clone());
                            cs_pats.push(Vec::new());
                            cs_list.len() - 1
                        });
                        if !cs_pats[k].iter().any(|p| p.entry == pat.entry) {
                            cs_pats[k].push(pat);
                        }
                    } else {
                        let key = v.to_ascii_lowercase();
                        let k = *ci_keys.entry(key.clone()).or_insert_with(|| {
                            ci_list.push(key);
                            ci_pats.push(Vec::new());
                            ci_list.len() - 1
                        });
                        ci_pats[k].push(pat);
                    }
                }
            }
        }
        // Where one form names two actors, the actor whose own name it is comes first.
        for pats in ci_pats.iter_mut().chain(cs_pats.iter_mut()) {
            pats.sort_by_key(|p| {
                let e = &entries[p.entry as usize];
                (!fold(&e.name).eq_ignore_ascii_case(&p.form)) as u8
            });
        }
        let mut lower_starts = rustc_hash::FxHashSet::default();
        for pats in &ci_pats {
            for p in pats {
                let first = p.form.split([' ', '-']).next().unwrap_or("");
                let starts_lower = !p.form.as_bytes()[0].is_ascii_uppercase();
                if starts_lower || (first.len() <= 3 && p.form.len() > first.len()) {
                    lower_starts.insert(first.to_ascii_lowercase());
                }
            }
        }
        let mut lower_single = rustc_hash::FxHashSet::default();
        let mut lower_pairs = rustc_hash::FxHashSet::default();
        for pats in &ci_pats {
            for p in pats {
                let lower = p.form.to_ascii_lowercase();
                let mut parts = lower.split([' ', '-']).filter(|w| !w.is_empty());
                let first = parts.next().unwrap_or("");
                if !lower_starts.contains(first)
                    || !first.bytes().all(|b| b.is_ascii_alphanumeric())
                {
                    // A first word the text reader cannot split the same way: always search.
                    lower_single.insert(first.to_string());
                    continue;
                }
                match parts.next() {
                    None => {
                        lower_single.insert(first.to_string());
                    }
                    Some(second) => {
                        // As the text is read: the second word's letters and digits only.
                        let end = second
                            .find(|c: char| !c.is_ascii_alphanumeric())
                            .unwrap_or(second.len());
                        lower_pairs.insert(pair_key(first.as_bytes(), &second.as_bytes()[..end]));
                    }
                }
            }
        }
        let mut lower_words: WordMap<bool> = Default::default();
        for w in &lower_starts {
            *lower_words.entry(w.as_bytes()) = lower_single.contains(w);
        }
        let mut lower_prefix = vec![0u64; 1024];
        for w in &lower_starts {
            if !w.is_empty() {
                let bit = prefix_bit(w.as_bytes());
                lower_prefix[bit / 64] |= 1 << (bit % 64);
            }
        }
        let (ci_first, ci_any) = starts_of(&ci_list, true);
        let (cs_first, cs_any) = starts_of(&cs_list, false);
        // A contiguous NFA, not a DFA: searches are anchored at word starts and short, so
        // failure transitions never run, and the automaton takes 0.5 MB instead of 11 MB
        // (a DFA of 2,000 case-insensitive forms), which keeps it in cache and builds in a
        // fraction of the time at start-up.
        let build = |pats: &[String], ci: bool| {
            AhoCorasickBuilder::new()
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .start_kind(aho_corasick::StartKind::Anchored)
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(ci)
                .build(pats)
                .map_err(|e| format!("cannot compile the dictionary: {e}"))
        };
        Ok(Recognizer {
            ci: build(&ci_list, true)?,
            cs: build(&cs_list, false)?,
            ci_pats,
            cs_pats,
            lower_starts: lower_words,
            lower_pairs,
            lower_prefix,
            ci_first,
            cs_first,
            ci_any,
            cs_any,
            children: {
                let mut c = vec![Vec::new(); entries.len()];
                for (i, e) in entries.iter().enumerate() {
                    if let Some(p) = e.part_of.as_ref().and_then(|p| by_id.get(p.as_str())) {
                        c[*p].push(i);
                    }
                }
                c
            },
            entries,
            by_id,
            lists: unknown::Lists::new(),
        })
    }

    /// "ISIS in the Sinai", "ISIS' Sinai chapter", "al-Qaida's Somali branch": a group named
    /// with a place that one of its branches is named after is that branch.
    fn branches(&self, text: &str, found: &mut Vec<Found>) {
        let b = text.as_bytes();
        let mut i = 0;
        while i < found.len() {
            let Who::Entry(e) = found[i].who else {
                i += 1;
                continue;
            };
            if self.children[e].is_empty() {
                i += 1;
                continue;
            }
            let end = found[i].span.end;
            let rest = &text[end..];
            // "ISIS in (the) Sinai" or "ISIS' / ISIS's Sinai branch".
            let (place_at, suffix) = if let Some(r) = rest.strip_prefix(" in ") {
                let skip = if r.starts_with("the ") { 4 } else { 0 };
                (end + 4 + skip, false)
            } else if rest.starts_with("' ") || rest.starts_with("'s ") {
                (end + rest.find(' ').unwrap_or(0) + 1, true)
            } else {
                i += 1;
                continue;
            };
            let mut pe = place_at;
            while pe < b.len() && (b[pe].is_ascii_alphanumeric() || b[pe] >= 0x80) {
                pe += 1;
            }
            let place = &text[place_at..pe];
            if place.len() < 3 || !place.as_bytes()[0].is_ascii_uppercase() {
                i += 1;
                continue;
            }
            let mut span_end = pe;
            if suffix {
                let w = next_word(text, pe);
                if !matches!(
                    w,
                    "branch" | "chapter" | "affiliate" | "wing" | "province" | "Province"
                ) {
                    i += 1;
                    continue;
                }
                span_end = w.as_ptr() as usize - text.as_ptr() as usize + w.len();
            }
            // A branch named "<group>-<Place>", "<group> <Place> Province" or "<group> in
            // (the) <Place>": its name less the place and those words is the group's.
            let stem = place.trim_end_matches('n').trim_end_matches("ia");
            let parent = &self.entries[e];
            let parent_forms: Vec<String> = std::iter::once(&parent.name)
                .chain(parent.aliases.iter())
                .map(|f| f.to_ascii_lowercase())
                .collect();
            let branch = self.children[e].iter().copied().find(|&c| {
                let ce = &self.entries[c];
                std::iter::once(&ce.name).chain(ce.aliases.iter()).any(|n| {
                    let words: Vec<&str> = n.split([' ', '-']).filter(|w| !w.is_empty()).collect();
                    let is_place =
                        |w: &&str| *w == place || (stem.len() >= 4 && w.starts_with(stem));
                    if !words.iter().any(is_place) {
                        return false;
                    }
                    let rest: Vec<&str> = words
                        .iter()
                        .filter(|w| {
                            !is_place(w) && !matches!(**w, "in" | "the" | "Province" | "province")
                        })
                        .copied()
                        .collect();
                    parent_forms.contains(&rest.join(" ").to_ascii_lowercase())
                })
            });
            let Some(c) = branch else {
                i += 1;
                continue;
            };
            found[i].who = Who::Entry(c);
            found[i].span = Span::new(found[i].span.start, span_end);
            // The place's own mention is inside the branch's now.
            found.retain(|f| !(f.span.start >= end && f.span.end <= span_end));
            i += 1;
        }
    }

    /// The dictionary's entries.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.entries
    }

    /// An entry by id.
    pub fn entry(&self, id: &str) -> Option<&ActorEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Number of compiled patterns.
    pub fn pattern_count(&self) -> usize {
        self.ci_pats.len() + self.cs_pats.len()
    }

    /// Recognise the actors of a (folded) text whose sentences are given.
    pub fn recognize(&self, text: &str, sentences: &[Span]) -> Recognition {
        let st = unknown::SentenceTokens::new(text, sentences);
        let mut found = self.dictionary_matches(text, &st.tokens);
        self.branches(text, &mut found);
        let sets = &self.lists;
        let unknowns = unknown::candidates(text, &st, &found, sets);
        let resolved = unknown::resolve(
            text,
            &st,
            &self.entries,
            std::mem::take(&mut found),
            unknowns,
            sets,
        );
        let mut rec = self.finish(text, resolved);
        rec.tokens = st.tokens;
        rec.sentence_tokens = st.ranges;
        rec
    }

    /// Dictionary forms starting at the document's word tokens (`tokens`, in text order).
    fn dictionary_matches(&self, text: &str, tokens: &[claimgraph_text::Token]) -> Vec<Found> {
        let bytes = text.as_bytes();
        let mut cands: Vec<(Span, &Pat)> = Vec::new();
        // Anchored searches at word starts only: a capitalised word, a non-ASCII letter, or a
        // lower-case word that some form may start with. The tokenizer has already found the
        // word starts, so the text is not scanned byte by byte again.
        let n = bytes.len();
        for t in tokens {
            if t.kind == claimgraph_text::TokenKind::Punct {
                continue;
            }
            let i = t.span.start;
            let c = bytes[i];
            if !c.is_ascii_uppercase() && c.is_ascii() {
                // The bit set of first two bytes rules out most words before the word's end
                // is even found.
                let second = bytes
                    .get(i + 1)
                    .filter(|b| i + 1 < t.span.end && b.is_ascii_alphanumeric());
                let bit = prefix_bit(&[c, second.copied().unwrap_or(0)]);
                if self.lower_prefix[bit / 64] & (1 << (bit % 64)) == 0 {
                    continue;
                }
                let mut e = i;
                while e < t.span.end && bytes[e].is_ascii_alphanumeric() {
                    e += 1;
                }
                let w = &text[i..e];
                let Some(&single) = self.lower_starts.get(w.as_bytes(), true) else {
                    continue;
                };
                // "the" starts a form only if the next word does too ("the Houthis").
                if !single {
                    let mut s2 = e;
                    if s2 < n && matches!(bytes[s2], b' ' | b'-') {
                        s2 += 1;
                    }
                    let mut e2 = s2;
                    while e2 < n && bytes[e2].is_ascii_alphanumeric() {
                        e2 += 1;
                    }
                    if e2 == s2
                        || !self
                            .lower_pairs
                            .contains(&pair_key(w.as_bytes(), &bytes[s2..e2]))
                    {
                        continue;
                    }
                }
            }
            let input = aho_corasick::Input::new(text)
                .range(i..)
                .anchored(aho_corasick::Anchored::Yes);
            // Only a word that is the first word of some form can start a match (a shorter
            // form ending inside the word would not end at a word boundary). When no longer
            // form starts with it, the word alone is the match and the automaton is not run.
            let fw = first_word(&bytes[i..t.span.end]);
            let ci_starts = if self.ci_any {
                Some(Starts::ANY)
            } else {
                self.ci_first.get(fw, true).copied()
            };
            if let Some((span, p)) = ci_starts.and_then(|st| st.find(&self.ci, input.clone(), fw)) {
                if bounded(bytes, span) {
                    let got = &text[span.start..span.end];
                    if let Some(p) = self.ci_pats[p].iter().find(|p| case_fits(&p.form, got)) {
                        cands.push((span, p));
                    }
                }
            }
            if c.is_ascii_uppercase() {
                let cs_starts = if self.cs_any {
                    Some(Starts::ANY)
                } else {
                    self.cs_first.get(fw, false).copied()
                };
                if let Some((span, p)) = cs_starts.and_then(|st| st.find(&self.cs, input, fw)) {
                    if bounded(bytes, span) && !shouting(bytes, span) {
                        cands.push((span, &self.cs_pats[p][0]));
                    }
                }
            }
        }
        cands.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut out: Vec<Found> = Vec::with_capacity(cands.len());
        let mut last_end = 0;
        for (span, pat) in cands {
            if span.start < last_end {
                continue;
            }
            let entry = &self.entries[pat.entry as usize];
            // "the Department of Justice": a generic form ("the Department") followed by "of"
            // and a name is the start of a longer name, not this actor.
            if pat
                .form
                .get(..4)
                .is_some_and(|a| a.eq_ignore_ascii_case("the "))
                && text[span.end..].starts_with(" of ")
                && text[span.end + 4..]
                    .bytes()
                    .next()
                    .is_some_and(|c| c.is_ascii_uppercase() || c == b't')
                && matches!(
                    text[span.start..span.end].rsplit(' ').next().unwrap_or(""),
                    "Department"
                        | "Ministry"
                        | "Office"
                        | "Bureau"
                        | "Council"
                        | "Committee"
                        | "Agency"
                        | "Service"
                        | "Directorate"
                        | "Division"
                )
            {
                continue;
            }
            let mut buf = [0u8; 16];
            let prev = lower_short(prev_word(text, span.start), &mut buf);
            // "an Islamic state", "a Sinai province": with its last word in lower case after an
            // indefinite article, a form is a common noun.
            if matches!(prev, "a" | "an")
                && relaxed_last_word(&pat.form, &text[span.start..span.end])
            {
                continue;
            }
            let (keep, locative) = match pat.kind {
                MentionKind::Demonym => (demonym_names_state(text, span.end, &self.lists), false),
                MentionKind::Capital => (
                    // "an admission by Moscow": the agent of an act.
                    prev == "by"
                        || (!self.lists.locative.contains(prev) && metonym_acts(text, span.end)),
                    false,
                ),
                _ => (
                    true,
                    entry.kind == ActorType::State
                        && (self.lists.state_locative.contains(prev)
                            // "Lebanon-based terrorist group": where it is, not a party.
                            || text[span.end..].starts_with("-based")),
                ),
            };
            if !keep {
                continue;
            }
            last_end = span.end;
            out.push(Found {
                span,
                who: Who::Entry(pat.entry as usize),
                kind: pat.kind,
                locative,
            });
        }
        out
    }

    fn finish(&self, text: &str, resolved: unknown::Resolved) -> Recognition {
        let unknown::Resolved {
            mut found,
            names,
            parents,
        } = resolved;
        found.sort_by_key(|f| f.span);
        let mut index: rustc_hash::FxHashMap<Who, usize> = Default::default();
        let mut actors: Vec<ActorRef> = Vec::new();
        let mut mentions = Vec::with_capacity(found.len());
        for f in found {
            let next = actors.len();
            let i = index.get(&f.who).copied().unwrap_or(next);
            if i == next {
                actors.push(match &f.who {
                    Who::Entry(e) => {
                        let e = &self.entries[*e];
                        ActorRef {
                            id: e.id.clone(),
                            name: e.name.clone(),
                            kind: e.kind,
                            part_of: e.part_of.clone(),
                            known: true,
                            aliases: Vec::new(),
                        }
                    }
                    Who::Unknown(k) => {
                        let info = &names[k];
                        ActorRef {
                            id: unknown::slug(&info.name),
                            name: info.name.clone(),
                            kind: info.kind,
                            part_of: None,
                            known: false,
                            aliases: info.aliases.clone(),
                        }
                    }
                });
                index.insert(f.who, next);
            }
            mentions.push(Mention {
                actor: i,
                span: f.span,
                kind: f.kind,
                locative: f.locative,
            });
        }
        // Populations named with a quantifier ("Many Palestinians") keep that form too.
        for m in &mentions {
            let a = &mut actors[m.actor];
            if a.kind != ActorType::Population {
                continue;
            }
            let mut start = m.span.start;
            let mut words = 0;
            loop {
                let w = prev_word(text, start);
                let l = w.to_ascii_lowercase();
                let quant = matches!(
                    l.as_str(),
                    "many"
                        | "most"
                        | "some"
                        | "several"
                        | "numerous"
                        | "dozens"
                        | "hundreds"
                        | "thousands"
                        | "of"
                        | "more"
                        | "than"
                        | "at"
                        | "least"
                        | "all"
                ) || (!w.is_empty() && w.bytes().all(|c| c.is_ascii_digit()));
                if !quant || words >= 4 || w.is_empty() {
                    break;
                }
                let ws = text[..start].trim_end().len() - w.len();
                start = ws;
                words += 1;
            }
            if start < m.span.start {
                let form = text[start..m.span.end].to_string();
                if !a.aliases.contains(&form) {
                    a.aliases.push(form);
                }
            }
        }
        // Parents from descriptions in apposition ("al-Qassam, Hamas' militia").
        for (child, parent) in parents {
            if let (Some(&c), Some(p)) = (index.get(&child), index.get(&parent)) {
                let pid = actors[*p].id.clone();
                if actors[c].part_of.is_none() || !actors[c].known {
                    actors[c].part_of = Some(pid);
                }
            }
        }
        // Unknown ids must not collide with each other.
        let mut seen: HashSet<String> = actors
            .iter()
            .filter(|a| a.known)
            .map(|a| a.id.clone())
            .collect();
        for a in actors.iter_mut().filter(|a| !a.known) {
            let mut id = a.id.clone();
            let mut n = 2;
            while !seen.insert(id.clone()) {
                id = format!("{}-{n}", a.id);
                n += 1;
            }
            a.id = id;
        }
        Recognition {
            actors,
            mentions,
            ..Recognition::default()
        }
    }
}

/// A short word in lower case, on the stack; "" when it is longer than the buffer (no short
/// function word is).
fn lower_short<'a>(w: &str, buf: &'a mut [u8; 16]) -> &'a str {
    if w.len() > buf.len() {
        return "";
    }
    for (l, c) in buf.iter_mut().zip(w.bytes()) {
        *l = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).unwrap_or("")
}

/// True when the match stands alone: no word character right before or after it.
fn bounded(b: &[u8], s: Span) -> bool {
    let before_ok = s.start == 0 || !is_word_byte(b[s.start - 1]);
    let after_ok = s.end >= b.len() || !is_word_byte(b[s.end]);
    before_ok && after_ok
}

/// True inside an all-capitals headline, where "IS" and "US" are ordinary words.
fn shouting(b: &[u8], s: Span) -> bool {
    if s.len() > 4 {
        return false;
    }
    // A window of 24 bytes either side, within the line.
    let lo = s.start.saturating_sub(24);
    let lo = b[lo..s.start]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(lo, |p| lo + p + 1);
    let hi = (s.end + 24).min(b.len());
    let hi = b[s.end..hi]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(hi, |p| s.end + p);
    let window = &b[lo..hi];
    let letters = window.iter().filter(|c| c.is_ascii_alphabetic()).count();
    letters > s.len() + 6 && !window.iter().any(|c| c.is_ascii_lowercase())
}

/// Case rule for names matched case-insensitively: the capitals of the alias must be capitals in
/// the text, except the first letter of a short leading particle ("al-Qassam" / "Al-Qassam") and
/// those of the last word of a longer name ("Sinai province" for "Sinai Province").
fn case_fits(form: &str, got: &str) -> bool {
    let first_word_len = form.find([' ', '-']).unwrap_or(form.len());
    let last_word_start = form.rfind([' ', '-']).map_or(0, |p| p + 1);
    for (i, (f, g)) in form.bytes().zip(got.bytes()).enumerate() {
        if f.is_ascii_uppercase() && !g.is_ascii_uppercase() {
            if i == 0 && first_word_len <= 3 && form.len() > first_word_len {
                continue;
            }
            if i >= last_word_start
                && last_word_start > 0
                && form.as_bytes()[last_word_start - 1] == b' '
            {
                continue;
            }
            return false;
        }
    }
    true
}

/// Did `got` match `form` only because a name's capitalised last word was written in lower
/// case ("Islamic state" for "Islamic State")?
fn relaxed_last_word(form: &str, got: &str) -> bool {
    let starts = |s: &str, upper: bool| {
        s.rsplit(' ')
            .next()
            .and_then(|w| w.bytes().next())
            .is_some_and(|b| {
                if upper {
                    b.is_ascii_uppercase()
                } else {
                    b.is_ascii_lowercase()
                }
            })
    };
    starts(form, true) && starts(got, false)
}

/// The word before a byte offset (skipping spaces), or "".
pub fn prev_word(text: &str, at: usize) -> &str {
    let b = text.as_bytes();
    let mut e = at;
    while e > 0 && b[e - 1] == b' ' {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && is_word_byte(b[s - 1]) {
        s -= 1;
    }
    &text[s..e]
}

/// The word after a byte offset (skipping spaces and one hyphen), or "".
pub fn next_word(text: &str, at: usize) -> &str {
    let b = text.as_bytes();
    let mut s = at;
    while s < b.len() && (b[s] == b' ' || b[s] == b'-') {
        s += 1;
    }
    let mut e = s;
    while e < b.len() && is_word_byte(b[e]) {
        e += 1;
    }
    &text[s..e]
}

/// A capital stands for its government when it acts: "Tehran said", "Tehran's support",
/// "Moscow has", not "visit Gaza and".
fn metonym_acts(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    if b.get(end) == Some(&b'\'') {
        return true;
    }
    if b.get(end) != Some(&b' ') {
        return false;
    }
    let mut next = next_word(text, end);
    if next.is_empty() || next.as_bytes()[0].is_ascii_uppercase() {
        return false;
    }
    // "Beirut again rejected", "Moscow reportedly agreed": past one adverb.
    let lower_next = next.to_ascii_lowercase();
    if matches!(
        lower_next.as_str(),
        "again" | "already" | "once" | "first" | "formally"
    ) || (lower_next.ends_with("ly") && lower_next.len() > 3)
    {
        let at = next.as_ptr() as usize - text.as_ptr() as usize + next.len();
        next = next_word(text, at);
        if next.is_empty() || next.as_bytes()[0].is_ascii_uppercase() {
            return false;
        }
    }
    let l = next.to_ascii_lowercase();
    // "Washington, along with its allies, demanded"
    if l == "along" {
        return true;
    }
    matches!(
        l.as_str(),
        "has"
            | "had"
            | "is"
            | "was"
            | "will"
            | "would"
            | "did"
            | "does"
            | "could"
            | "may"
            | "might"
            | "must"
            | "can"
            | "also"
            | "then"
            | "now"
            | "still"
            | "never"
    ) || words::SPEECH_VERBS.contains(&l.as_str())
        || (l.ends_with("ed") || l.ends_with('s')) && l.len() > 3 && !l.ends_with("ss")
}

fn demonym_names_state(text: &str, end: usize, lists: &unknown::Lists) -> bool {
    let b = text.as_bytes();
    let hyphen = b.get(end) == Some(&b'-');
    let next = next_word(text, end);
    let lower = next.to_ascii_lowercase();
    if hyphen {
        return matches!(
            lower.as_str(),
            "backed"
                | "sponsored"
                | "supported"
                | "funded"
                | "led"
                | "allied"
                | "aligned"
                | "armed"
                | "trained"
                | "controlled"
                | "directed"
                | "made"
                | "supplied"
                | "flagged"
                | "owned"
                | "operated"
                | "registered"
        );
    }
    if lists.origin.contains(lower.as_str()) {
        return false;
    }
    // "Israeli and Egyptian government", "Iraqi, U.S., and other targets": look past the
    // coordinated names (commas, the dots of "U.S.", "other") to the noun they share.
    if matches!(lower.as_str(), "and" | "or") || b.get(end) == Some(&b',') {
        let mut p = end;
        for _ in 0..8 {
            while p < b.len() && matches!(b[p], b',' | b'.' | b' ') {
                p += 1;
            }
            let w = next_word(text, p);
            if w.is_empty() {
                break;
            }
            let wpos = text[p..].find(w).map_or(p, |i| p + i);
            p = wpos + w.len();
            let l = w.to_ascii_lowercase();
            if matches!(
                l.as_str(),
                "and" | "or" | "other" | "allied" | "partner" | "coalition"
            ) || w.as_bytes()[0].is_ascii_uppercase()
            {
                continue;
            }
            return lists.state_nouns.contains(l.as_str());
        }
        return false;
    }
    if lists.state_nouns.contains(lower.as_str()) {
        return true;
    }
    // A title ("Israeli Prime Minister ...").
    next.as_bytes()
        .first()
        .is_some_and(|c| c.is_ascii_uppercase())
        && lists.titles.contains(next)
}

#[cfg(test)]
mod tests;
