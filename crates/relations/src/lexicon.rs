//! The trigger lexicon: words and phrases that signal a relation, with category, mode and frame.
//! The file format is documented at the top of `data/triggers.tsv`.

use claimgraph_model::Category;
use std::collections::HashMap;

/// The lexicon shipped in the binary.
pub const BUILTIN_TSV: &str = include_str!("../../../data/triggers.tsv");

/// A bad lexicon entry.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// A malformed line.
    #[error("{path}:{line}: {reason}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong and what to do.
        reason: String,
    },
}

/// How a trigger finds its subject and object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Active or passive verb.
    Verb,
    /// The giver follows the preposition ("depends on X").
    Rev,
    /// A nominalisation.
    Noun,
    /// "X-backed Y".
    Hyphen,
    /// A structure noun: branch, wing, proxy.
    Part,
    /// A leadership noun: leader, commander.
    Lead,
    /// A membership noun: member, fighter.
    Member,
}

impl Frame {
    fn parse(s: &str) -> Option<Frame> {
        Some(match s {
            "verb" => Frame::Verb,
            "rev" => Frame::Rev,
            "noun" => Frame::Noun,
            "hyphen" => Frame::Hyphen,
            "part" => Frame::Part,
            "lead" => Frame::Lead,
            "member" => Frame::Member,
            _ => return None,
        })
    }
    /// The frame's name in the lexicon and in rule names.
    pub fn as_str(self) -> &'static str {
        match self {
            Frame::Verb => "verb",
            Frame::Rev => "rev",
            Frame::Noun => "noun",
            Frame::Hyphen => "hyphen",
            Frame::Part => "part",
            Frame::Lead => "lead",
            Frame::Member => "member",
        }
    }
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// The trigger as written in the lexicon.
    pub lemma: String,
    /// Category.
    pub category: Category,
    /// Mode, or `None` to infer it from the clause.
    pub mode: Option<String>,
    /// Frame.
    pub frame: Frame,
    /// The words after the first (a verb's particles: "down on").
    pub rest: Vec<String>,
    /// The rule name: "frame:lemma".
    pub rule: String,
}

/// A trigger found in a sentence: token range and entry.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entry index.
    pub entry: usize,
    /// True when the first word is a past participle or past form ("-ed", "sent").
    pub participle: bool,
}

/// The compiled trigger lexicon.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: Vec<Trigger>,
    /// word form (lower case) -> (entry, is past participle)
    forms: HashMap<String, Vec<(usize, bool)>>,
    modes: Vec<(String, Vec<Vec<String>>)>,
}

const IRREGULAR: &[(&str, &str, &str)] = &[
    ("meet", "met", "met"),
    ("fight", "fought", "fought"),
    ("send", "sent", "sent"),
    ("lead", "led", "led"),
    ("shoot", "shot", "shot"),
    ("hold", "held", "held"),
    ("buy", "bought", "bought"),
    ("sell", "sold", "sold"),
    ("take", "took", "taken"),
    ("give", "gave", "given"),
    ("withdraw", "withdrew", "withdrawn"),
    ("strike", "struck", "struck"),
    ("bring", "brought", "brought"),
    ("teach", "taught", "taught"),
    ("build", "built", "built"),
    ("seek", "sought", "sought"),
    ("swear", "swore", "sworn"),
    ("pay", "paid", "paid"),
    ("say", "said", "said"),
    ("tell", "told", "told"),
    ("make", "made", "made"),
    ("keep", "kept", "kept"),
    ("feed", "fed", "fed"),
    ("lend", "lent", "lent"),
    ("spend", "spent", "spent"),
    ("flee", "fled", "fled"),
    ("win", "won", "won"),
    ("hit", "hit", "hit"),
    ("set", "set", "set"),
    ("shell", "shelled", "shelled"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Inflected forms of a verb: (form, is past or participle).
pub fn verb_forms(lemma: &str) -> Vec<(String, bool)> {
    let l = lemma.to_ascii_lowercase();
    let b = l.as_bytes();
    let n = b.len();
    let mut out = vec![(l.clone(), false)];
    // third person
    let s3 = if l.ends_with('s')
        || l.ends_with('x')
        || l.ends_with('z')
        || l.ends_with("ch")
        || l.ends_with("sh")
    {
        format!("{l}es")
    } else if n > 1 && l.ends_with('y') && !is_vowel(b[n - 2]) {
        format!("{}ies", &l[..n - 1])
    } else {
        format!("{l}s")
    };
    out.push((s3, false));
    if let Some((_, past, part)) = IRREGULAR.iter().find(|(v, _, _)| *v == l) {
        out.push((past.to_string(), true));
        out.push((part.to_string(), true));
    }
    // Doubling of a final consonant after one short vowel: ban -> banned, kidnap -> kidnapped.
    let double = n >= 3
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y' | b'r' | b'l' | b'h')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
        && (n <= 4
            || l.ends_with("nap")
            || l.ends_with("mit")
            || l.ends_with("fer")
            || l.ends_with("pel"));
    let double = double || l == "expel" || l == "compel" || l == "propel";
    let stem = if double {
        format!("{l}{}", b[n - 1] as char)
    } else {
        l.clone()
    };
    let past = if l.ends_with('e') {
        format!("{l}d")
    } else if n > 1 && l.ends_with('y') && !is_vowel(b[n - 2]) {
        format!("{}ied", &l[..n - 1])
    } else {
        format!("{stem}ed")
    };
    if !IRREGULAR.iter().any(|(v, _, _)| *v == l) || l == "shell" {
        out.push((past, true));
    }
    let ing = if l.ends_with("ee") {
        format!("{l}ing")
    } else if l.ends_with("ie") {
        format!("{}ying", &l[..n - 2])
    } else if l.ends_with('e') {
        format!("{}ing", &l[..n - 1])
    } else {
        format!("{stem}ing")
    };
    out.push((ing, false));
    out.dedup();
    out
}

fn noun_forms(noun: &str) -> Vec<(String, bool)> {
    let l = noun.to_ascii_lowercase();
    let mut out = vec![(l.clone(), false)];
    if !l.ends_with('s') {
        let pl = if l.ends_with('y') && !l.ends_with("ey") {
            format!("{}ies", &l[..l.len() - 1])
        } else if l.ends_with("ch") || l.ends_with("sh") || l.ends_with('x') {
            format!("{l}es")
        } else {
            format!("{l}s")
        };
        out.push((pl, false));
    }
    out
}

impl Lexicon {
    /// The lexicon shipped in the binary.
    pub fn builtin() -> Lexicon {
        let mut l = Lexicon::default();
        // The shipped file is checked by a unit test; failing here is a build defect.
        l.add(BUILTIN_TSV, "data/triggers.tsv")
            .expect("the built-in lexicon is valid");
        l
    }

    /// Add the entries of a lexicon file (same format as the built-in one).
    pub fn add(&mut self, text: &str, path: &str) -> Result<(), LexiconError> {
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let bad = |reason: String| LexiconError::Invalid {
                path: path.to_string(),
                line,
                reason,
            };
            let l = raw.trim_end();
            if l.trim().is_empty() || l.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
            if cols[0] == "mode" {
                if cols.len() != 3 || cols[1].is_empty() || cols[2].is_empty() {
                    return Err(bad(
                        "a mode line is `mode<TAB>name<TAB>word|word|...`".into()
                    ));
                }
                let words = cols[2]
                    .split('|')
                    .map(|w| w.split_whitespace().map(str::to_ascii_lowercase).collect())
                    .collect();
                self.modes.push((cols[1].to_string(), words));
                continue;
            }
            if cols.len() != 4 {
                return Err(bad(format!(
                    "{} tab-separated fields; an entry is `trigger<TAB>CATEGORY<TAB>mode<TAB>frame`",
                    cols.len()
                )));
            }
            let category = Category::parse(cols[1]).ok_or_else(|| {
                bad(format!(
                    "category {:?} is not one of {}",
                    cols[1],
                    Category::ALL.map(|c| c.as_str()).join(", ")
                ))
            })?;
            let frame = Frame::parse(cols[3]).ok_or_else(|| {
                bad(format!(
                    "frame {:?} is not one of verb, rev, noun, hyphen, part, lead, member",
                    cols[3]
                ))
            })?;
            let mode = (cols[2] != "-" && !cols[2].is_empty()).then(|| cols[2].to_string());
            let mut words = cols[0].split_whitespace();
            let head = words.next().ok_or_else(|| bad("empty trigger".into()))?;
            let rest: Vec<String> = words.map(str::to_ascii_lowercase).collect();
            if !head
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == '|' || c == '-')
            {
                return Err(bad(format!(
                    "trigger word {head:?} may hold only letters, '-' and '|'"
                )));
            }
            let forms: Vec<(String, bool)> = if head.contains('|') {
                let given: Vec<&str> = head.split('|').filter(|f| !f.is_empty()).collect();
                given
                    .iter()
                    .enumerate()
                    .map(|(k, f)| {
                        let f = f.to_ascii_lowercase();
                        let past = k > 0
                            && (f.ends_with("ed")
                                || f.ends_with('n')
                                || f.ends_with('t')
                                || !f.ends_with("ing") && !f.ends_with('s'));
                        (f, past)
                    })
                    .collect()
            } else if matches!(frame, Frame::Verb | Frame::Rev) {
                verb_forms(head)
            } else if frame == Frame::Hyphen {
                vec![(head.to_ascii_lowercase(), true)]
            } else {
                noun_forms(head)
            };
            let idx = self.entries.len();
            let lemma = head.split('|').next().unwrap_or(head).to_ascii_lowercase();
            let lemma = std::iter::once(lemma.as_str())
                .chain(rest.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ");
            self.entries.push(Trigger {
                rule: format!("{}:{}", frame.as_str(), lemma),
                lemma,
                category,
                mode,
                frame,
                rest,
            });
            for (f, past) in forms {
                self.forms.entry(f).or_default().push((idx, past));
            }
        }
        Ok(())
    }

    /// The entries.
    pub fn entries(&self) -> &[Trigger] {
        &self.entries
    }

    /// An entry.
    pub fn entry(&self, i: usize) -> &Trigger {
        &self.entries[i]
    }

    /// Find triggers among lower-cased words. Longer phrases win at the same start.
    pub fn find(&self, words: &[String]) -> Vec<Hit> {
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let Some(list) = self.forms.get(w.as_str()) else {
                continue;
            };
            let mut best: Vec<Hit> = Vec::new();
            let mut best_len = 0;
            for &(e, past) in list {
                let t = &self.entries[e];
                let n = t.rest.len();
                if i + 1 + n > words.len() {
                    continue;
                }
                // Reversed verbs may hold their object before the particle: "received funds
                // from"; other phrases are contiguous.
                // "withdraw its troops from", "expelled the PA from": a verb's "from" may
                // follow its object.
                let gap = if t.frame == Frame::Rev {
                    8
                } else if t.rest.len() == 1 && t.rest[0] == "from" {
                    4
                } else {
                    0
                };
                let mut pos = i + 1;
                let mut ok = true;
                for r in &t.rest {
                    match (pos..(pos + 1 + gap).min(words.len())).find(|&p| words[p] == *r) {
                        Some(p) => pos = p + 1,
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                if n > 0 && ok {
                    let len = pos - i;
                    if len > best_len {
                        best.clear();
                        best_len = len;
                    }
                    if len == best_len {
                        best.push(Hit {
                            start: i,
                            end: pos,
                            entry: e,
                            participle: past,
                        });
                    }
                    continue;
                }
                if n == 0 {
                    let len = 1;
                    if len > best_len {
                        best.clear();
                        best_len = len;
                    }
                    if len == best_len {
                        best.push(Hit {
                            start: i,
                            end: i + 1,
                            entry: e,
                            participle: past,
                        });
                    }
                }
            }
            out.extend(best);
        }
        // A hit inside a longer one ("Minister" in "Prime Minister") is part of it.
        let spans: Vec<(usize, usize)> = out.iter().map(|h| (h.start, h.end)).collect();
        out.retain(|h| {
            !spans
                .iter()
                .any(|&(a, b)| a <= h.start && h.end <= b && (b - a) > (h.end - h.start))
        });
        out
    }

    /// The mode that the words of a clause suggest, if any.
    pub fn mode_of(&self, words: &[String]) -> Option<&str> {
        for (name, cues) in &self.modes {
            for cue in cues {
                let n = cue.len();
                if n > 0 && words.windows(n).any(|w| w == cue.as_slice()) {
                    return Some(name);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_is_valid() {
        let l = Lexicon::builtin();
        assert!(l.entries().len() > 150);
    }

    #[test]
    fn inflection() {
        let f = |v: &str| verb_forms(v).into_iter().map(|x| x.0).collect::<Vec<_>>();
        assert_eq!(f("supply"), ["supply", "supplies", "supplied", "supplying"]);
        assert_eq!(f("arrest"), ["arrest", "arrests", "arrested", "arresting"]);
        assert_eq!(
            f("kidnap"),
            ["kidnap", "kidnaps", "kidnapped", "kidnapping"]
        );
        assert_eq!(
            f("provide"),
            ["provide", "provides", "provided", "providing"]
        );
        assert_eq!(f("meet"), ["meet", "meets", "met", "meeting"]);
        assert_eq!(f("expel"), ["expel", "expels", "expelled", "expelling"]);
    }

    #[test]
    fn bad_lines_say_where() {
        let rows = [
            ("supply\tAID\t-", "3 tab-separated"),
            ("supply\tHELP\t-\tverb", "category"),
            ("supply\tAID\t-\tsideways", "frame"),
            ("sup.ply\tAID\t-\tverb", "letters"),
            ("mode\tweapons", "mode line"),
        ];
        for (line, want) in rows {
            let e = Lexicon::default()
                .add(&format!("# c\n{line}\n"), "my.tsv")
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("my.tsv:2:") && e.contains(want), "{e}");
        }
    }

    #[test]
    fn phrases_win() {
        let l = Lexicon::builtin();
        let w: Vec<String> = "hamas cracked down on them"
            .split(' ')
            .map(String::from)
            .collect();
        let hits = l.find(&w);
        assert_eq!(l.entry(hits[0].entry).lemma, "crack down on");
    }
}
