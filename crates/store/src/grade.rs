//! NATO Admiralty grades: source reliability A-F and information credibility 1-6.
//!
//! Information credibility of an edge:
//! - 1: confirmed by two or more independent origins, and not disputed;
//! - 2: one origin, which asserts or confirms it;
//! - 3: one origin, which only alleges or reports it;
//! - 4: disputed, with more origins for it than against it;
//! - 5: disputed, with as many or more origins against it;
//! - 6: cannot be judged (only assessed or hypothetical).
//!
//! Two or more origins that only allege it, and no dispute, are a 2: corroborated, not
//! confirmed.
//!
//! Source reliability comes from a user file (`--sources`: CSV `name,grade,note`); a source or
//! outlet not in it is F, "cannot be judged".

use std::collections::HashMap;

/// What the credibility of an edge depends on.
#[derive(Debug, Clone, Copy, Default)]
pub struct Credibility {
    /// Independent origins.
    pub origins: usize,
    /// Another origin disputes it.
    pub disputed: bool,
    /// Origins against it.
    pub disputing: usize,
    /// Some claim asserts it.
    pub asserted: bool,
    /// Some claim confirms it.
    pub confirmed: bool,
    /// Some claim alleges or reports it.
    pub alleged: bool,
}

/// Information credibility 1-6, by the rules in this module's documentation.
pub fn credibility(c: &Credibility) -> u8 {
    if c.disputed {
        return if c.origins > c.disputing.max(1) { 4 } else { 5 };
    }
    if !(c.asserted || c.confirmed || c.alleged) {
        return 6;
    }
    if c.origins >= 2 {
        return if c.asserted || c.confirmed { 1 } else { 2 };
    }
    if c.asserted || c.confirmed {
        2
    } else {
        3
    }
}

/// Source reliability grades by source or outlet name (case-insensitive).
#[derive(Debug, Clone, Default)]
pub struct SourceGrades {
    grades: HashMap<String, (char, String)>,
}

impl SourceGrades {
    /// Parse the CSV `name,grade,note` (header optional). A bad row gives `file:line: what`.
    pub fn parse(text: &str, path: &str) -> Result<SourceGrades, String> {
        let mut grades = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = l.splitn(3, ',').map(str::trim).collect();
            if i == 0 && cols[0].eq_ignore_ascii_case("name") {
                continue;
            }
            let name = cols[0].trim_matches('"');
            let grade = cols.get(1).copied().unwrap_or("");
            let g = grade.chars().next().map(|c| c.to_ascii_uppercase());
            match g {
                Some(c @ 'A'..='F') if grade.len() == 1 && !name.is_empty() => {
                    grades.insert(
                        name.to_lowercase(),
                        (c, cols.get(2).unwrap_or(&"").to_string()),
                    );
                }
                _ => {
                    return Err(format!(
                        "{path}:{}: expected `name,grade,note` with a grade from A to F, got {l:?}",
                        i + 1
                    ))
                }
            }
        }
        Ok(SourceGrades { grades })
    }

    /// The grade of a source or outlet; F when unknown.
    pub fn grade(&self, name: &str) -> char {
        self.grades.get(&name.to_lowercase()).map_or('F', |g| g.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credibility_rules() {
        let c = |origins, disputed, disputing, asserted, confirmed, alleged| {
            credibility(&Credibility {
                origins,
                disputed,
                disputing,
                asserted,
                confirmed,
                alleged,
            })
        };
        assert_eq!(c(2, false, 0, true, false, false), 1);
        assert_eq!(c(3, false, 0, false, true, true), 1);
        assert_eq!(c(2, false, 0, false, false, true), 2);
        assert_eq!(c(1, false, 0, true, false, false), 2);
        assert_eq!(c(1, false, 0, false, true, false), 2);
        assert_eq!(c(1, false, 0, false, false, true), 3);
        assert_eq!(c(3, true, 1, true, false, false), 4);
        assert_eq!(c(1, true, 1, true, false, false), 5);
        assert_eq!(c(1, false, 0, false, false, false), 6);
    }

    #[test]
    fn source_file() {
        let g =
            SourceGrades::parse("name,grade,note\nReuters,B,wire\nIDF,c,party\n", "s.csv").unwrap();
        assert_eq!(g.grade("reuters"), 'B');
        assert_eq!(g.grade("IDF"), 'C');
        assert_eq!(g.grade("Unknown Blog"), 'F');
        let e = SourceGrades::parse("name,grade\nX,Z\n", "s.csv").unwrap_err();
        assert!(e.starts_with("s.csv:2:"), "{e}");
    }
}
