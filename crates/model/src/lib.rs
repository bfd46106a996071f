//! Plain data shared by every claimgraph crate: no I/O, no parsing of files.
//!
//! The core types are [`Document`] (an article as read), [`Mention`] and [`ActorRef`] (who is
//! named where), and [`Relation`] (who does what to whom, who says so, and when).
//!
//! ```
//! use claimgraph_model::{Category, PartialDate, Stance};
//! assert_eq!(Category::parse("aid"), Some(Category::Aid));
//! assert_eq!(Category::Aid.as_str(), "AID");
//! assert_eq!(Stance::parse("alleged"), Some(Stance::Alleged));
//! assert_eq!(PartialDate::parse("2016-12").unwrap().to_string(), "2016-12");
//! ```
#![deny(missing_docs)]

use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A new span; `start <= end` is the caller's invariant.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What kind of actor an id names. Serialised in the schema's spelling (`armed_group`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    /// A sovereign state.
    State,
    /// A non-state armed group.
    ArmedGroup,
    /// A party, movement or political body.
    PoliticalOrg,
    /// A ministry, army, intelligence service or other organ of a state.
    StateAgency,
    /// A named person.
    Person,
    /// An outlet, channel or media group.
    Media,
    /// Any other organisation (international, research, NGO, company).
    Organization,
    /// A group of people that is not an organisation (civilians, supporters).
    Population,
}

impl ActorType {
    /// All types, in schema order.
    pub const ALL: [ActorType; 8] = [
        ActorType::State,
        ActorType::ArmedGroup,
        ActorType::PoliticalOrg,
        ActorType::StateAgency,
        ActorType::Person,
        ActorType::Media,
        ActorType::Organization,
        ActorType::Population,
    ];
    /// The schema's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::State => "state",
            ActorType::ArmedGroup => "armed_group",
            ActorType::PoliticalOrg => "political_org",
            ActorType::StateAgency => "state_agency",
            ActorType::Person => "person",
            ActorType::Media => "media",
            ActorType::Organization => "organization",
            ActorType::Population => "population",
        }
    }
    /// Parse the schema's spelling (case-insensitive).
    pub fn parse(s: &str) -> Option<ActorType> {
        let s = s.trim().to_ascii_lowercase();
        ActorType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for ActorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A relation category: the 16 PLOVER event types plus three structural relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Category {
    /// Agree to, sign or promise something.
    Agree,
    /// Meet, visit, talk, mediate.
    Consult,
    /// Verbal backing, praise, endorsement.
    Support,
    /// Yield, ease, release, apologise.
    Concede,
    /// Joint action, coordination, trade, ties.
    Cooperate,
    /// Material help: weapons, money, training, care, shelter.
    Aid,
    /// Withdraw, demobilise.
    Retreat,
    /// Ask, demand, appeal.
    Request,
    /// Accuse, criticise, charge.
    Accuse,
    /// Refuse, reject, deny a request.
    Reject,
    /// Threaten, warn of force.
    Threaten,
    /// Demonstrate, boycott, strike.
    Protest,
    /// Sanction, designate, embargo.
    Sanction,
    /// Deploy, mobilise, raise alert.
    Mobilize,
    /// Arrest, detain, seize, expel, repress.
    Coerce,
    /// Attack, bomb, kill, fight.
    Assault,
    /// Subject is a branch, wing, affiliate, proxy, front or faction of object.
    Affiliate,
    /// Subject (a person) leads, commands or founded object.
    Leads,
    /// Subject (a person or population) belongs to or fights for object.
    Member,
}

impl Category {
    /// All categories in a stable order.
    pub const ALL: [Category; 19] = [
        Category::Agree,
        Category::Consult,
        Category::Support,
        Category::Concede,
        Category::Cooperate,
        Category::Aid,
        Category::Retreat,
        Category::Request,
        Category::Accuse,
        Category::Reject,
        Category::Threaten,
        Category::Protest,
        Category::Sanction,
        Category::Mobilize,
        Category::Coerce,
        Category::Assault,
        Category::Affiliate,
        Category::Leads,
        Category::Member,
    ];
    /// The schema's spelling (`"AID"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Agree => "AGREE",
            Category::Consult => "CONSULT",
            Category::Support => "SUPPORT",
            Category::Concede => "CONCEDE",
            Category::Cooperate => "COOPERATE",
            Category::Aid => "AID",
            Category::Retreat => "RETREAT",
            Category::Request => "REQUEST",
            Category::Accuse => "ACCUSE",
            Category::Reject => "REJECT",
            Category::Threaten => "THREATEN",
            Category::Protest => "PROTEST",
            Category::Sanction => "SANCTION",
            Category::Mobilize => "MOBILIZE",
            Category::Coerce => "COERCE",
            Category::Assault => "ASSAULT",
            Category::Affiliate => "AFFILIATE",
            Category::Leads => "LEADS",
            Category::Member => "MEMBER",
        }
    }
    /// Parse a category name (case-insensitive).
    pub fn parse(s: &str) -> Option<Category> {
        let s = s.trim();
        Category::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
    }
    /// Symmetric categories: direction does not matter (meetings, cooperation between equals).
    pub fn is_symmetric(self) -> bool {
        matches!(self, Category::Consult | Category::Cooperate)
    }
    /// The family an edge belongs to, for colouring maps.
    pub fn family(self) -> Family {
        match self {
            Category::Agree
            | Category::Consult
            | Category::Support
            | Category::Concede
            | Category::Cooperate
            | Category::Aid
            | Category::Retreat
            | Category::Request => Family::Cooperation,
            Category::Affiliate | Category::Leads | Category::Member => Family::Structural,
            _ => Family::Conflict,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Coarse grouping of categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Cooperative acts.
    Cooperation,
    /// Hostile acts.
    Conflict,
    /// Hierarchy and membership.
    Structural,
}

/// How a claim is put forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Stated as fact, in the outlet's own voice or by the source.
    Asserted,
    /// Claimed by a party, hedged, or an accusation.
    Alleged,
    /// Attributed to reports, or neutrally relayed.
    Reported,
    /// Confirmed by an authority.
    Confirmed,
    /// Denied by the source.
    Denied,
    /// An analyst's judgement, a belief, or a hypothetical or future relation.
    Assessed,
}

impl Stance {
    /// All stances.
    pub const ALL: [Stance; 6] = [
        Stance::Asserted,
        Stance::Alleged,
        Stance::Reported,
        Stance::Confirmed,
        Stance::Denied,
        Stance::Assessed,
    ];
    /// The schema's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserted => "asserted",
            Stance::Alleged => "alleged",
            Stance::Reported => "reported",
            Stance::Confirmed => "confirmed",
            Stance::Denied => "denied",
            Stance::Assessed => "assessed",
        }
    }
    /// Parse the schema's spelling (case-insensitive).
    pub fn parse(s: &str) -> Option<Stance> {
        let s = s.trim();
        Stance::ALL
            .into_iter()
            .find(|x| x.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year, e.g. 2016.
    pub year: i32,
    /// Month 1-12, if known.
    pub month: Option<u8>,
    /// Day 1-31, if known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// A year.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }
    /// A month of a year.
    pub fn month(year: i32, month: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }
    /// A day.
    pub fn day(year: i32, month: u8, day: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        }
    }
    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a longer ISO timestamp keeps its date part.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let s = s.trim();
        let date = s.split(['T', ' ']).next().unwrap_or("");
        let mut parts = date.split('-');
        let y: i32 = parts.next()?.parse().ok()?;
        if !(1..=9999).contains(&y) {
            return None;
        }
        let m = match parts.next() {
            None => return Some(PartialDate::year(y)),
            Some(m) => m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?,
        };
        let d = match parts.next() {
            None => return Some(PartialDate::month(y, m)),
            Some(d) => d
                .parse::<u8>()
                .ok()
                .filter(|d| (1..=days_in_month(y, m)).contains(d))?,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate::day(y, m, d))
    }
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY[-MM[-DD]]): {s}")))
    }
}

/// An article as read, before any analysis.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file stem, or the JSONL record's id.
    pub id: String,
    /// Where it was read from, or `None` for stdin and JSONL records.
    pub path: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Canonical address.
    pub url: Option<String>,
    /// Publication date, the anchor for relative dates.
    pub published: Option<PartialDate>,
    /// Publisher or site name.
    pub outlet: Option<String>,
    /// The exact text that every offset indexes.
    pub text: String,
    /// blake3 hash of the text, hex.
    pub hash: String,
}

/// One place in a text that names an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index of the actor in the extraction's actor list.
    pub actor: usize,
    /// Byte span into the document text.
    pub span: Span,
    /// How the mention was found.
    pub kind: MentionKind,
    /// The mention only locates an event ("in Syria"), so it is not a party to a relation.
    pub locative: bool,
}

/// How a mention was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// Dictionary name or alias.
    Name,
    /// An adjective of nationality ("Iranian support").
    Demonym,
    /// A capital standing for its government ("Tehran said").
    Capital,
    /// A capitalised name not in the dictionary.
    Unknown,
    /// A short form resolved within the document ("al-Muhajir" after the full name).
    ShortForm,
    /// A definite description that refers back to an actor ("the group").
    Anaphor,
}

/// An actor as it appears in one extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRef {
    /// Stable slug: the dictionary id or one derived from the name.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Type.
    pub kind: ActorType,
    /// Parent actor id.
    pub part_of: Option<String>,
    /// True when it comes from the dictionary.
    pub known: bool,
    /// Other names the text gives it beyond its mentions (descriptions, quantified forms).
    pub aliases: Vec<String>,
}

/// Who does what to whom: one coded relation between two actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// Index of the subject in the extraction's actors.
    pub subject: usize,
    /// Category.
    pub category: Category,
    /// Refinement (weapons, funding, visit, ...).
    pub mode: Option<String>,
    /// Index of the object in the extraction's actors.
    pub object: usize,
    /// True when the text says it did not happen.
    pub negated: bool,
    /// How it is put forward.
    pub stance: Stance,
    /// Who makes the claim: an actor index, or free text; `None` for the outlet's own voice.
    pub source: Option<Source>,
    /// When it happened.
    pub time: Option<PartialDate>,
    /// Byte span of the sentence or clause that states it.
    pub evidence: Span,
    /// The rule that produced it.
    pub rule: String,
    /// The words that triggered it.
    pub trigger: Span,
    /// Hypothetical, future or conditional (`would`, `plans to`): then stance is `assessed`.
    pub modality: Option<Modality>,
}

/// Who makes a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// An actor of the extraction.
    Actor(usize),
    /// A non-actor source named in the text ("the letter", "reports").
    Text(String),
}

/// Whether a relation is stated as fact or as possibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Possible or hypothetical ("could", "would", "may").
    Possible,
    /// Future or planned ("will", "plans to", "threatened to").
    Future,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print() {
        for s in ["2016", "2016-07", "2016-02-29", "2017-02"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(
            PartialDate::parse("2018-04-05T06:00").unwrap().to_string(),
            "2018-04-05"
        );
        for bad in ["2017-02-29", "2016-13", "x", "", "2016-1-1-1"] {
            assert!(PartialDate::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn categories_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
        assert!(Category::Consult.is_symmetric());
        assert!(!Category::Aid.is_symmetric());
    }
}
