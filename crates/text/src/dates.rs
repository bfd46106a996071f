//! Date expressions: explicit dates, months and years, and relative ones ("last July", "in
//! December", "last month", "earlier this year", "two years ago", "on Monday") resolved against
//! the document's publication date.
//!
//! ```
//! use claimgraph_model::PartialDate;
//! use claimgraph_text::dates::find_dates;
//! let text = "IDF officials confirmed last July, and again last month, that it happened.";
//! let published = PartialDate::parse("2017-02");
//! let found: Vec<String> = find_dates(text, 0, text.len(), published)
//!     .iter().map(|d| d.date.to_string()).collect();
//! assert_eq!(found, ["2016-07", "2017-01"]);
//! ```

use crate::{tokens, Token, TokenKind};
use claimgraph_model::{days_in_month, PartialDate, Span};

/// A date expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span of the expression.
    pub span: Span,
    /// Its value.
    pub date: PartialDate,
    /// True when it was resolved against the publication date.
    pub relative: bool,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number (1-12) of a month name or abbreviation.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    for (i, m) in MONTHS.iter().enumerate() {
        if *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept")) {
            return Some(i as u8 + 1);
        }
    }
    None
}

fn small_number(word: &str) -> Option<i32> {
    let w = word.to_ascii_lowercase();
    let n = match w.as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "several" | "few" => return None,
        _ => return w.parse().ok().filter(|n| (1..=100).contains(n)),
    };
    Some(n)
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> PartialDate {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    PartialDate::day((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

fn shift_month(y: i32, m: u8, delta: i32) -> (i32, u8) {
    let total = y * 12 + (m as i32 - 1) + delta;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
}

fn is_year(tok: &str) -> Option<i32> {
    if tok.len() == 4 && tok.bytes().all(|c| c.is_ascii_digit()) {
        let y: i32 = tok.parse().ok()?;
        if (1900..=2099).contains(&y) {
            return Some(y);
        }
    }
    None
}

/// Find date expressions in `text[start..end]`, resolving relative ones against `published`.
/// Relative expressions are skipped when the publication date is unknown.
pub fn find_dates(
    text: &str,
    start: usize,
    end: usize,
    published: Option<PartialDate>,
) -> Vec<DateMention> {
    let toks: Vec<Token> = tokens(text, Span::new(start, end));
    let t = |i: usize| -> &str { toks.get(i).map(|k| k.text(text)).unwrap_or("") };
    let lower = |i: usize| -> String { t(i).to_ascii_lowercase() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let tok = toks[i];
        let w = tok.text(text);
        let lw = w.to_ascii_lowercase();
        let span_to = |j: usize| Span::new(tok.span.start, toks[j].span.end);
        // ISO date: 2016-07-04 (tokenized as 2016 - 07 - 04)
        if let Some(y) = is_year(w) {
            if t(i + 1) == "-" && t(i + 3) == "-" {
                if let (Ok(m), Ok(d)) = (t(i + 2).parse::<u8>(), t(i + 4).parse::<u8>()) {
                    if (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d) {
                        out.push(DateMention {
                            span: span_to(i + 4),
                            date: PartialDate::day(y, m, d),
                            relative: false,
                        });
                        i += 5;
                        continue;
                    }
                }
            }
            // A bare year, unless it is part of a number or a designation ("Section 2001").
            let prev = lower(i.wrapping_sub(1));
            let numbered = matches!(
                prev.as_str(),
                "section" | "resolution" | "order" | "no" | "number" | "$" | "chapter" | "law"
            );
            if !numbered {
                out.push(DateMention {
                    span: tok.span,
                    date: PartialDate::year(y),
                    relative: false,
                });
            }
            i += 1;
            continue;
        }
        if let Some(m) = month_number(w).filter(|_| w.as_bytes()[0].is_ascii_uppercase()) {
            // "May" the verb: a month only next to a number or after in/last/since/...
            // Month D, YYYY | Month D | Month YYYY | Month
            let nd = t(i + 1).parse::<u8>().ok().filter(|d| (1..=31).contains(d));
            if let Some(d) = nd {
                let (ystart, _) = if t(i + 2) == "," {
                    (i + 3, ())
                } else {
                    (i + 2, ())
                };
                if let Some(y) = is_year(t(ystart)) {
                    if d <= days_in_month(y, m) {
                        out.push(DateMention {
                            span: span_to(ystart),
                            date: PartialDate::day(y, m, d),
                            relative: false,
                        });
                    }
                    i = ystart + 1;
                    continue;
                }
                if let Some(p) = published {
                    let y = resolve_month_year(p, m, false);
                    out.push(DateMention {
                        span: span_to(i + 1),
                        date: PartialDate::day(y, m, d.min(days_in_month(y, m))),
                        relative: true,
                    });
                }
                i += 2;
                continue;
            }
            let ynext = if t(i + 1) == "," { i + 2 } else { i + 1 };
            if let Some(y) = is_year(t(ynext)) {
                out.push(DateMention {
                    span: span_to(ynext),
                    date: PartialDate::month(y, m),
                    relative: false,
                });
                i = ynext + 1;
                continue;
            }
            let prev = lower(i.wrapping_sub(1));
            let is_may = m == 5 && lw == "may";
            let cue = matches!(
                prev.as_str(),
                "in" | "last"
                    | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "this"
                    | "next"
                    | "during"
                    | "from"
                    | "through"
            );
            if cue || !is_may && lw.len() > 3 {
                if let Some(p) = published {
                    let strict = prev == "last";
                    let y = if prev == "next" {
                        let y = resolve_month_year(p, m, false);
                        if p.month.is_some_and(|pm| m > pm) {
                            y
                        } else {
                            y + 1
                        }
                    } else {
                        resolve_month_year(p, m, strict)
                    };
                    let s = if cue {
                        toks[i - 1].span.start
                    } else {
                        tok.span.start
                    };
                    out.push(DateMention {
                        span: Span::new(s, tok.span.end),
                        date: PartialDate::month(y, m),
                        relative: true,
                    });
                }
            }
            i += 1;
            continue;
        }
        if let Some(d) = (tok.kind == TokenKind::Number)
            .then(|| w.parse::<u8>().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
        {
            // D Month YYYY
            if let Some(m) = month_number(t(i + 1)) {
                if let Some(y) = is_year(t(i + 2)) {
                    if d <= days_in_month(y, m) {
                        out.push(DateMention {
                            span: span_to(i + 2),
                            date: PartialDate::day(y, m, d),
                            relative: false,
                        });
                        i += 3;
                        continue;
                    }
                }
            }
        }
        if let Some(p) = published {
            let (pm, pd) = (p.month, p.day);
            // last/this/next month|year|week
            if matches!(lw.as_str(), "last" | "this" | "next" | "past" | "previous") {
                let unit = lower(i + 1);
                let delta = match lw.as_str() {
                    "last" | "past" | "previous" => -1,
                    "this" => 0,
                    _ => 1,
                };
                let date = match unit.as_str() {
                    "year" => Some(PartialDate::year(p.year + delta)),
                    "month" => pm.map(|m| {
                        let (y, m) = shift_month(p.year, m, delta);
                        PartialDate::month(y, m)
                    }),
                    "week" => pd.map(|_| {
                        let z = days_from_civil(p.year, pm.unwrap_or(1), pd.unwrap_or(1));
                        let c = civil_from_days(z + 7 * delta as i64);
                        PartialDate::month(c.year, c.month.unwrap_or(1))
                    }),
                    _ => None,
                };
                if let Some(date) = date {
                    let s = if matches!(lower(i.wrapping_sub(1)).as_str(), "earlier" | "later") {
                        toks[i - 1].span.start
                    } else {
                        tok.span.start
                    };
                    out.push(DateMention {
                        span: Span::new(s, toks[i + 1].span.end),
                        date,
                        relative: true,
                    });
                    i += 2;
                    continue;
                }
            }
            // N years|months ago
            if let Some(n) = small_number(w) {
                let unit = lower(i + 1);
                if lower(i + 2) == "ago" {
                    let date = match unit.trim_end_matches('s') {
                        "year" => Some(PartialDate::year(p.year - n)),
                        "month" => pm.map(|m| {
                            let (y, m) = shift_month(p.year, m, -n);
                            PartialDate::month(y, m)
                        }),
                        "day" => pd.map(|d| {
                            civil_from_days(days_from_civil(p.year, pm.unwrap_or(1), d) - n as i64)
                        }),
                        "week" => pd.map(|d| {
                            let c = civil_from_days(
                                days_from_civil(p.year, pm.unwrap_or(1), d) - 7 * n as i64,
                            );
                            PartialDate::month(c.year, c.month.unwrap_or(1))
                        }),
                        _ => None,
                    };
                    if let Some(date) = date {
                        out.push(DateMention {
                            span: span_to(i + 2),
                            date,
                            relative: true,
                        });
                        i += 3;
                        continue;
                    }
                }
            }
            // yesterday / today / on Monday
            if let (Some(m), Some(d)) = (pm, pd) {
                let z = days_from_civil(p.year, m, d);
                let date = match lw.as_str() {
                    "yesterday" => Some(civil_from_days(z - 1)),
                    "today" => Some(p),
                    _ => WEEKDAYS.iter().position(|x| *x == lw).map(|wd| {
                        // 1970-01-01 was a Thursday (index 3).
                        let pub_wd = (z + 3).rem_euclid(7);
                        let back = (pub_wd - wd as i64).rem_euclid(7);
                        civil_from_days(z - back)
                    }),
                };
                if let Some(date) = date {
                    out.push(DateMention {
                        span: tok.span,
                        date,
                        relative: true,
                    });
                }
            }
        }
        i += 1;
    }
    out
}

/// The year of the most recent `month` at or before the publication date (strictly before it
/// when `strict`, as in "last July" written in July).
fn resolve_month_year(p: PartialDate, month: u8, strict: bool) -> i32 {
    match p.month {
        None => p.year,
        Some(pm) if month < pm || (month == pm && !strict) => p.year,
        Some(_) => p.year - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, published: &str) -> Vec<String> {
        find_dates(text, 0, text.len(), PartialDate::parse(published))
            .iter()
            .map(|d| d.date.to_string())
            .collect()
    }

    #[test]
    fn date_forms() {
        let rows: &[(&str, &str, &[&str])] = &[
            ("He met them in December.", "2017-02", &["2016-12"]),
            ("He met them in December.", "2017-12-20", &["2017-12"]),
            (
                "confirmed last July and again last month",
                "2017-02",
                &["2016-07", "2017-01"],
            ),
            (
                "earlier this year the group struck",
                "2019-06-01",
                &["2019"],
            ),
            ("two years ago it began", "2019-06-01", &["2017"]),
            ("three months ago it began", "2019-02-10", &["2018-11"]),
            (
                "On June 24, 2009 the Deputy Secretary designated",
                "2009-06-26",
                &["2009-06-24"],
            ),
            (
                "attacks on 4 July 2016 and in March 2015",
                "2019",
                &["2016-07-04", "2015-03"],
            ),
            (
                "since 2007, under Section 219 of the Act",
                "2009",
                &["2007"],
            ),
            ("It was announced on 2020-06-24.", "2021", &["2020-06-24"]),
            ("It was announced yesterday.", "2021-03-10", &["2021-03-09"]),
            // 2021-03-10 was a Wednesday: the Monday before is the 8th.
            (
                "Officials said on Monday that",
                "2021-03-10",
                &["2021-03-08"],
            ),
            ("last year", "2021-03-10", &["2020"]),
            ("He may have received support", "2021-03-10", &[]),
            ("freed 10,000 prisoners", "2021", &[]),
        ];
        for (text, p, want) in rows {
            assert_eq!(dates(text, p), *want, "{text} / {p}");
        }
    }

    #[test]
    fn relative_needs_a_publication_date() {
        let t = "in December";
        assert!(find_dates(t, 0, t.len(), None).is_empty());
    }
}
