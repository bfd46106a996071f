//! The text layer: a folded copy of a document for matching, with a map back to the original
//! offsets; sentences; tokens; and date expressions.
//!
//! The core types are [`Folded`] (the matching text and its [`OffsetMap`]), the sentence splitter
//! [`sentences`], the tokenizer [`tokens`], and [`dates::find_dates`].
//!
//! ```
//! use claimgraph_text::{Folded, sentences};
//! let f = Folded::new("Hamas’ ties to Ḥizballah. Maj. (res.) Dan Feferman said so.");
//! assert_eq!(&f.text[..24], "Hamas' ties to Hizballah");
//! let s = sentences(&f.text);
//! assert_eq!(s.len(), 2);
//! // Every folded offset maps back to the original text.
//! assert_eq!(f.map.to_original(f.text.len()), "Hamas’ ties to Ḥizballah. Maj. (res.) Dan Feferman said so.".len());
//! ```
#![deny(missing_docs)]

pub mod dates;

use claimgraph_model::Span;
use std::borrow::Cow;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Maps byte offsets in a folded text back to byte offsets in the original text.
///
/// Stored as breakpoints: from folded offset `f` on, original = `o + (x - f)`, until the next
/// breakpoint. ASCII text has none, so the map costs nothing there.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    points: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// The original byte offset of a folded byte offset (a char boundary of the folded text).
    pub fn to_original(&self, folded: usize) -> usize {
        match self.points.partition_point(|&(f, _)| f <= folded) {
            0 => folded,
            i => {
                let (f, o) = self.points[i - 1];
                o + (folded - f)
            }
        }
    }
    /// A folded span in original offsets.
    pub fn span(&self, s: Span) -> Span {
        Span::new(self.to_original(s.start), self.to_original(s.end))
    }
    /// True when folded and original offsets agree everywhere.
    pub fn is_identity(&self) -> bool {
        self.points.is_empty()
    }
}

/// A document's text folded for matching: quotes, apostrophes and dashes unified, spaces
/// unified, diacritics removed (which also composes or drops combining marks), invisible
/// characters dropped. Case is kept. Every folded char boundary maps back to the original.
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    /// The folded text.
    pub text: Cow<'a, str>,
    /// Folded offsets to original offsets.
    pub map: OffsetMap,
}

/// How one character folds.
enum Fold {
    Keep,
    Drop,
    Char(char),
    Str(String),
}

fn fold_char(c: char) -> Fold {
    match c {
        '`' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{02BB}' | '\u{02BE}' | '\u{02BF}' | '\u{00B4}' | '\u{02B9}' => Fold::Char('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Fold::Char('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Fold::Char('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Fold::Char(' ')
        }
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{FEFF}' | '\u{2060}' => Fold::Drop,
        '\u{2026}' => Fold::Str("...".into()),
        c if is_combining_mark(c) => Fold::Drop,
        c => {
            let mut out = String::new();
            let mut changed = false;
            decompose_canonical(c, |d| {
                if is_combining_mark(d) {
                    changed = true;
                } else {
                    out.push(d);
                }
            });
            if changed || out.chars().ne(std::iter::once(c)) {
                Fold::Str(out)
            } else {
                Fold::Keep
            }
        }
    }
}

impl<'a> Folded<'a> {
    /// Fold a text. ASCII text is borrowed as it is.
    pub fn new(original: &'a str) -> Folded<'a> {
        if original.is_ascii() && !original.contains('`') {
            return Folded {
                text: Cow::Borrowed(original),
                map: OffsetMap::default(),
            };
        }
        let mut out = String::with_capacity(original.len());
        let mut points = Vec::new();
        let bytes = original.as_bytes();
        let mut o = 0;
        while o < bytes.len() {
            // Copy a run of plain ASCII at once.
            let run = bytes[o..]
                .iter()
                .position(|&b| !b.is_ascii() || b == b'`')
                .unwrap_or(bytes.len() - o);
            if run > 0 {
                out.push_str(&original[o..o + run]);
                o += run;
                continue;
            }
            // `o` is at the start of a non-ASCII char (or a backtick): a char boundary.
            let c = original[o..].chars().next().unwrap_or('\0');
            let folded_len_before = out.len();
            let clen = c.len_utf8();
            let fc = fold_char(c);
            if let Fold::Keep = fc {
                out.push(c);
                o += clen;
                continue;
            }
            // At the replacement, offsets map to the start of the original char.
            points.push((folded_len_before, o));
            match fc {
                Fold::Keep => {}
                Fold::Drop => {}
                Fold::Char(r) => out.push(r),
                Fold::Str(s) => {
                    // Every char boundary inside the replacement maps to the original char's
                    // start.
                    for (k, _) in s.char_indices().skip(1) {
                        points.push((folded_len_before + k, o));
                    }
                    out.push_str(&s);
                }
            }
            // After the replacement, offsets resume at the original char's end.
            points.push((out.len(), o + clen));
            o += clen;
        }
        // Breakpoints with the same folded offset: the later one wins (partition_point takes
        // the last entry <= x), which is what a zero-width fold needs.
        Folded {
            text: Cow::Owned(out),
            map: OffsetMap { points },
        }
    }
}

/// Fold a short string (a dictionary alias) the same way as a document.
pub fn fold(s: &str) -> String {
    Folded::new(s).text.into_owned()
}

/// Abbreviations that never end a sentence when followed by a period.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "gov",
    "sen", "rep", "rev", "st", "mt", "ft", "pres", "amb", "brig", "cmdr", "cdr", "insp", "supt",
    "det", "pvt", "cpl", "hon", "res", "ret", "jr", "sr", "vs", "etc", "approx", "dept", "univ",
    "assn", "bros", "inc", "ltd", "co", "corp", "no", "nos", "vol", "art", "sec", "para", "fig",
    "ca", "cf", "al", "e.g", "i.e", "a.k.a", "aka", "u.s.c",
];

const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words that open sentences: after "U.S." one of these means the period also ends the
/// sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "However",
    "Its",
    "His",
    "Her",
    "Their",
    "Since",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "If",
    "According",
    "There",
    "Some",
    "Many",
    "Most",
    "Other",
    "Also",
    "For",
    "From",
    "Although",
    "Despite",
    "During",
    "Meanwhile",
    "Officials",
    "Such",
];

/// Split a text into sentence spans (byte offsets, trimmed of surrounding white space).
///
/// Handles paragraphs (blank lines, and single line breaks after a complete line or before a
/// capital), abbreviations and titles (`Gen.`, `Maj. (res.)`, `Jan. 5`), initials (`George W.
/// Bush`), dotted acronyms (`U.S.`), decimals, numbered list items (`1. Sinai province ...`),
/// closing quotes and brackets after the final stop, and bracketed insertions.
pub fn sentences(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut depth: i32 = 0;
    let mut i = 0usize;
    let push = |out: &mut Vec<Span>, s: usize, e: usize| {
        let (s, e) = trim_span(b, s, e);
        if s < e {
            out.push(Span::new(s, e));
        }
    };
    while i < n {
        // Most bytes are none of the marks below: pass over them in a tight loop.
        while i < n && !SENTENCE_MARK[b[i] as usize] {
            i += 1;
        }
        if i >= n {
            break;
        }
        let c = b[i];
        match c {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = (depth - 1).max(0),
            b'\n' => {
                // Blank line: always a paragraph break.
                let mut j = i + 1;
                while j < n && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\r') {
                    j += 1;
                }
                let blank = j < n && b[j] == b'\n';
                let prev = last_non_space(b, start, i);
                let next = b.get(j).copied();
                let line_complete = matches!(prev, Some(b'.' | b'!' | b'?' | b':' | b'"' | b')'));
                let next_lower = next.is_some_and(|c| c.is_ascii_lowercase());
                if blank || j >= n || !next_lower || line_complete {
                    push(&mut out, start, i);
                    start = i + 1;
                    depth = 0;
                }
            }
            b'.' | b'!' | b'?' => {
                // Ellipsis or repeated marks: move to the last.
                let mut j = i + 1;
                while j < n && matches!(b[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
                let mut closed_depth = depth;
                while j < n && matches!(b[j], b'"' | b'\'' | b')' | b']') {
                    if matches!(b[j], b')' | b']') {
                        closed_depth -= 1;
                    }
                    j += 1;
                }
                if j < n && !b[j].is_ascii_whitespace() {
                    // Not followed by white space: decimals, "U.S.-backed"; re-scan the
                    // closing characters normally.
                    i += 1;
                    continue;
                }
                depth = closed_depth.max(0);
                // A stop inside an open bracket that the bracket does not close.
                if closed_depth > 0 {
                    i = j;
                    continue;
                }
                if c == b'.' && !period_ends_sentence(text, start, i, j) {
                    i = j;
                    continue;
                }
                // The next sentence must start like one.
                let mut k = j;
                while k < n && (b[k] == b' ' || b[k] == b'\t') {
                    k += 1;
                }
                if k < n && b[k].is_ascii_lowercase() {
                    i = j;
                    continue;
                }
                push(&mut out, start, j);
                start = j;
                depth = 0;
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    push(&mut out, start, n);
    out
}

/// The bytes that `sentences` looks at: brackets, line breaks and stops.
const SENTENCE_MARK: [bool; 256] = {
    let mut t = [false; 256];
    let marks = b"()[]\n.!?";
    let mut k = 0;
    while k < marks.len() {
        t[marks[k] as usize] = true;
        k += 1;
    }
    t
};

/// ASCII letters and digits, and every non-ASCII byte: see [`is_word_byte`].
const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b >= 0x80;
        c += 1;
    }
    t
};

fn last_non_space(b: &[u8], start: usize, end: usize) -> Option<u8> {
    b[start..end]
        .iter()
        .rev()
        .find(|c| !c.is_ascii_whitespace())
        .copied()
}

fn trim_span(b: &[u8], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && b[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && b[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    (s, e)
}

/// Decide whether the period at `dot` ends a sentence; `after` is past closing quotes.
fn period_ends_sentence(text: &str, sent_start: usize, dot: usize, after: usize) -> bool {
    let b = text.as_bytes();
    // The word before the period: letters, digits and inner periods.
    let mut w = dot;
    while w > sent_start && (b[w - 1].is_ascii_alphanumeric() || b[w - 1] == b'.') {
        w -= 1;
    }
    let word = &text[w..dot];
    let opened = w > 0 && matches!(b[w - 1], b'(' | b'[');
    if word.is_empty() {
        return true;
    }
    let next_word = {
        let rest = &text[after..];
        let rest = rest.trim_start_matches([' ', '\t', '"', '\'', '(', '[']);
        let end = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        &rest[..end]
    };
    // Abbreviations are short: lower-case the word on the stack.
    let mut buf = [0u8; 8];
    let lower: &str = if word.len() <= buf.len() {
        for (l, c) in buf.iter_mut().zip(word.bytes()) {
            *l = c.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..word.len()]).unwrap_or("")
    } else {
        ""
    };
    // A bracketed abbreviation such as "(res.)" closes inside its bracket.
    if opened && after > dot + 1 && TITLE_ABBREVIATIONS.contains(&lower) {
        return false;
    }
    if TITLE_ABBREVIATIONS.contains(&lower) {
        // "etc." and "Inc." can end a sentence when a sentence opener follows.
        return matches!(lower, "etc" | "inc" | "ltd" | "corp" | "co" | "jr" | "sr")
            && SENTENCE_OPENERS.contains(&next_word);
    }
    if MONTH_ABBREVIATIONS.contains(&lower)
        && next_word.bytes().next().is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    // An initial: one capital letter ("George W. Bush").
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return SENTENCE_OPENERS.contains(&next_word) && next_word.len() > 1;
    }
    // Dotted acronyms: U.S., U.N., a.m.
    if word.contains('.') {
        return SENTENCE_OPENERS.contains(&next_word);
    }
    // A numbered list item: only digits, and nothing but white space before it on the line.
    if word.bytes().all(|c| c.is_ascii_digit()) && word.len() <= 3 {
        let line_start = text[..w].rfind('\n').map(|p| p + 1).unwrap_or(0);
        let before = &text[line_start.max(sent_start)..w];
        if before.trim().is_empty() {
            return false;
        }
    }
    true
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed in).
    Word,
    /// Digits, possibly with inner `.` or `,` (`3.5`, `10,000`).
    Number,
    /// One punctuation character; `'s` is one token too.
    Punct,
}

/// A token of a sentence, with byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span.
    pub span: Span,
    /// Kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.start..self.span.end]
    }
}

/// Tokenize a span of a (folded) text. Apostrophes inside words stay in the word
/// (`Kata'ib`), but a possessive `'s` or a final `'` is its own token.
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::with_capacity(span.len() / 5 + 1);
    tokens_into(text, span, &mut out);
    out
}

/// Like [`tokens`], appending to `out` (one buffer for a whole document).
pub fn tokens_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let b = text.as_bytes();
    let mut i = span.start;
    while i < span.end {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let s = i;
            while i < span.end
                && (b[i].is_ascii_digit()
                    || ((b[i] == b'.' || b[i] == b',')
                        && i + 1 < span.end
                        && b[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            // "1990s", "3rd"
            while i < span.end && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(Token {
                span: Span::new(s, i),
                kind: TokenKind::Number,
            });
            continue;
        }
        if is_word_byte(c) {
            let s = i;
            while i < span.end {
                if is_word_byte(b[i]) {
                    i += 1;
                    continue;
                }
                let inner_apostrophe = b[i] == b'\''
                    && i + 1 < span.end
                    && is_word_byte(b[i + 1])
                    && !(b[i + 1] == b's' && (i + 2 >= span.end || !is_word_byte(b[i + 2])));
                if inner_apostrophe {
                    i += 1;
                } else {
                    break;
                }
            }
            out.push(Token {
                span: Span::new(s, i),
                kind: TokenKind::Word,
            });
            continue;
        }
        if c == b'\''
            && i + 1 < span.end
            && b[i + 1] == b's'
            && (i + 2 >= span.end || !is_word_byte(b[i + 2]))
        {
            out.push(Token {
                span: Span::new(i, i + 2),
                kind: TokenKind::Punct,
            });
            i += 2;
            continue;
        }
        let len = utf8_len(c);
        out.push(Token {
            span: Span::new(i, (i + len).min(span.end)),
            kind: TokenKind::Punct,
        });
        i += len;
    }
}

/// True for bytes that belong to words: ASCII letters and digits, and any non-ASCII byte (folded
/// text keeps letters such as `ß`).
#[inline]
pub fn is_word_byte(c: u8) -> bool {
    WORD_BYTE[c as usize]
}

fn utf8_len(c: u8) -> usize {
    match c {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The largest char boundary of `text` at or before `at` (clamped to the text's length).
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Count words (runs of word bytes) in a text, for throughput figures.
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &c in text.as_bytes() {
        let w = is_word_byte(c);
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// Byte offsets to char offsets for one text.
pub struct CharIndex {
    /// (byte offset just after a multi-byte char, extra bytes so far)
    steps: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Index a text (free for ASCII).
    pub fn new(text: &str) -> CharIndex {
        let mut steps = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (i, c) in text.char_indices() {
                let l = c.len_utf8();
                if l > 1 {
                    extra += l - 1;
                    steps.push((i + l, extra));
                }
            }
        }
        CharIndex { steps }
    }
    /// The char offset of a byte offset (a char boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        match self.steps.partition_point(|&(b, _)| b <= byte) {
            0 => byte,
            i => byte - self.steps[i - 1].1,
        }
    }
}

/// Paragraph spans: runs of text separated by blank lines.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < b.len() && b[j] == b'\n' {
                let (s, e) = trim_span(b, start, i);
                if s < e {
                    out.push(Span::new(s, e));
                }
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    let (s, e) = trim_span(b, start, b.len());
    if s < e {
        out.push(Span::new(s, e));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t)
            .into_iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentence_splitting_survives_abbreviations() {
        let rows: &[(&str, &[&str])] = &[
            (
                "The U.S. Department of State designated it. Gen. Smith agreed.",
                &["The U.S. Department of State designated it.", "Gen. Smith agreed."],
            ),
            (
                "Major (res.) Dan Feferman said it. Dr. Jones did not.",
                &["Major (res.) Dan Feferman said it.", "Dr. Jones did not."],
            ),
            (
                "It happened on Jan. 5, 2017 in Gaza. Then it ended.",
                &["It happened on Jan. 5, 2017 in Gaza.", "Then it ended."],
            ),
            (
                "George W. Bush spoke. It cost 3.5 million dollars.",
                &["George W. Bush spoke.", "It cost 3.5 million dollars."],
            ),
            (
                "He listed areas:\n1. Sinai province is smuggling weapons.\n2. Hamas provides hubs.",
                &[
                    "He listed areas:",
                    "1. Sinai province is smuggling weapons.",
                    "2. Hamas provides hubs.",
                ],
            ),
            (
                "He wrote that \"Hamas was impure.\" The group denied it.",
                &["He wrote that \"Hamas was impure.\"", "The group denied it."],
            ),
            (
                "Al-Qassam [Hamas' militia. etc] operates. Others agree.",
                &["Al-Qassam [Hamas' militia. etc] operates.", "Others agree."],
            ),
            (
                "It was sent to the U.S. The embassy replied.",
                &["It was sent to the U.S.", "The embassy replied."],
            ),
            (
                "Title line\n\nFirst paragraph. Second sentence.",
                &["Title line", "First paragraph.", "Second sentence."],
            ),
        ];
        for (text, want) in rows {
            assert_eq!(split(text), *want, "{text}");
        }
    }

    #[test]
    fn folding_maps_back() {
        let o = "Kata’ib Ḥizballah — “KH” said";
        let f = Folded::new(o);
        assert_eq!(f.text, "Kata'ib Hizballah - \"KH\" said");
        let i = f.text.find("KH").unwrap();
        let s = f.map.span(Span::new(i, i + 2));
        assert_eq!(&o[s.start..s.end], "KH");
        let j = f.text.find("Hizballah").unwrap();
        let s = f.map.span(Span::new(j, j + "Hizballah".len()));
        assert_eq!(&o[s.start..s.end], "Ḥizballah");
    }

    #[test]
    fn char_index_counts_scalars() {
        let t = "a’b Ḥc";
        let idx = CharIndex::new(t);
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(idx.char_of(bi), ci);
        }
        assert_eq!(idx.char_of(t.len()), t.chars().count());
    }

    #[test]
    fn tokens_split_possessives() {
        let t = "Hamas's and Kata'ib Hizballah's 10,000 fighters' ties";
        let toks: Vec<&str> = tokens(t, Span::new(0, t.len()))
            .iter()
            .map(|k| k.text(t))
            .collect();
        assert_eq!(
            toks,
            [
                "Hamas",
                "'s",
                "and",
                "Kata'ib",
                "Hizballah",
                "'s",
                "10,000",
                "fighters",
                "'",
                "ties"
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn folded_spans_are_char_boundaries(s in "\\PC{0,60}") {
            let f = Folded::new(&s);
            for (i, _) in f.text.char_indices().chain(std::iter::once((f.text.len(), ' '))) {
                let o = f.map.to_original(i);
                proptest::prop_assert!(s.is_char_boundary(o));
            }
            for sp in sentences(&f.text) {
                proptest::prop_assert!(f.text.is_char_boundary(sp.start) && f.text.is_char_boundary(sp.end));
            }
        }
    }
}
