//! Table-driven tests of recognition with real-style sentences.

use super::*;
use claimgraph_text::{sentences, Folded};

/// Recognise a sentence; return (mention text, actor id) pairs, locative ones marked with `@`.
fn found(r: &Recognizer, text: &str) -> Vec<(String, String)> {
    let f = Folded::new(text);
    let rec = r.recognize(&f.text, &sentences(&f.text));
    rec.mentions
        .iter()
        .map(|m| {
            let s = f.map.span(m.span);
            let id = &rec.actors[m.actor].id;
            let id = if m.locative {
                format!("@{id}")
            } else {
                id.clone()
            };
            (text[s.start..s.end].to_string(), id)
        })
        .collect()
}

static BUILTIN: std::sync::LazyLock<Recognizer> = std::sync::LazyLock::new(Recognizer::builtin);

macro_rules! t {
    ($name:ident, $text:expr, [$(($m:expr, $id:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let r = &*BUILTIN;
            let want: Vec<(String, String)> = vec![$(($m.to_string(), $id.to_string())),*];
            assert_eq!(found(&r, $text), want, "{}", $text);
        }
    };
}

// Longest match.
t!(
    longest_match,
    "ISIS-Sinai Province leader Shadi al-Manei met Hamas leaders.",
    [
        ("ISIS-Sinai Province", "ag_isis_sinai"),
        ("Shadi al-Manei", "pe_al_manei"),
        ("Hamas", "ag_hamas")
    ]
);
t!(
    longest_match_agency,
    "The IRGC-Qods Force and the Islamic Revolutionary Guard Corps.",
    [
        ("IRGC-Qods Force", "sa_ir_irgcqf"),
        ("Islamic Revolutionary Guard Corps", "sa_ir_irgc")
    ]
);
// Case: acronyms only in their own case.
t!(
    acronym_case,
    "This is what US officials told us: IS is weak.",
    [("US", "st_united_states"), ("IS", "ag_isis")]
);
t!(
    acronym_shouting_headline,
    "THIS IS A HEADLINE ABOUT US\n\nBody text.",
    []
);
t!(
    name_case,
    "the party of god is not the Party of God.",
    [("Party of God", "ag_hizballah")]
);
// Possessives.
t!(
    possessives,
    "Hamas' militia, Hamas's leaders and ISIS’ media.",
    [
        ("Hamas", "ag_hamas"),
        ("Hamas", "ag_hamas"),
        ("ISIS", "ag_isis")
    ]
);
// Hyphenated and compound names.
t!(
    compound,
    "ISIS-Sinai Province is not ISIS plus a place; Iran-backed Hizballah.",
    [
        ("ISIS-Sinai Province", "ag_isis_sinai"),
        ("ISIS", "ag_isis"),
        ("Iran", "st_iran"),
        ("Hizballah", "ag_hizballah")
    ]
);
// Diacritics and transliteration variants.
t!(
    variants,
    "Ḥizballah, Hezbollah and Kata’ib Hizballah (KH); Al Qaeda.",
    [
        ("Ḥizballah", "ag_hizballah"),
        ("Hezbollah", "ag_hizballah"),
        ("Kata’ib Hizballah", "ag_kh"),
        ("KH", "ag_kh"),
        ("Al Qaeda", "ag_aq")
    ]
);
// Demonyms and capital-city metonyms only where they name the actor.
t!(
    demonym_names_state,
    "Iranian support for Hamas grew, Israeli Prime Minister Benjamin Netanyahu said.",
    [
        ("Iranian", "st_iran"),
        ("Hamas", "ag_hamas"),
        ("Israeli", "st_israel"),
        ("Benjamin Netanyahu", "pe_netanyahu")
    ]
);
t!(
    demonym_origin_is_not_state,
    "An Iranian national and an Egyptian-born cleric were arrested.",
    []
);
t!(
    capital_metonym,
    "Tehran said it would respond, but the talks in Tehran failed.",
    [("Tehran", "st_iran")]
);
t!(
    state_as_place,
    "Iran fights ISIS in Syria.",
    [
        ("Iran", "st_iran"),
        ("ISIS", "ag_isis"),
        ("Syria", "@st_syria")
    ]
);
// Unknown actors and within-document resolution.
t!(
    unknown_person_short_form,
    "Major (res.) Dan Feferman, a former senior officer, spoke. Feferman said Iran benefits.",
    [
        ("Major (res.) Dan Feferman", "pe_feferman"),
        ("Feferman", "pe_feferman"),
        ("Iran", "st_iran")
    ]
);
t!(
    unknown_org_cue,
    "The Kurdistan Freedom Hawks and the Popular Resistance Brigades claimed the attack.",
    [
        ("Kurdistan Freedom Hawks", "kurdistan-freedom-hawks"),
        ("Popular Resistance Brigades", "popular-resistance-brigades")
    ]
);
t!(
    acronym_in_brackets,
    "The Allied Democratic Forces (ADF) attacked. The ADF later withdrew.",
    [
        ("Allied Democratic Forces", "ag_isis_drc"),
        ("ADF", "ag_isis_drc"),
        ("ADF", "ag_isis_drc")
    ]
);
t!(
    new_acronym_in_brackets,
    "The Mai-Mai Yakutumba Movement (MMY) attacked. MMY fighters fled.",
    [
        ("Mai-Mai Yakutumba Movement", "mai-mai-yakutumba-movement"),
        ("MMY", "mai-mai-yakutumba-movement"),
        ("MMY", "mai-mai-yakutumba-movement")
    ]
);
t!(
    al_names,
    "The letter was written by Abu Hamza al-Masri, and later al-Masri denied it.",
    [
        ("Abu Hamza al-Masri", "abu-hamza-al-masri"),
        ("al-Masri", "abu-hamza-al-masri")
    ]
);
t!(drops_months_and_generic_words, "In December the Foreign Terrorist Organization designation under Executive Order 13224 took effect.", []);

#[test]
fn apposition_gives_parent() {
    let r = Recognizer::builtin();
    let text = "The Yarmouk Martyrs Brigade, Hamas' armed wing, denied it.";
    let rec = r.recognize(text, &sentences(text));
    let child = rec
        .actors
        .iter()
        .find(|a| a.name == "Yarmouk Martyrs Brigade")
        .unwrap();
    assert_eq!(child.part_of.as_deref(), Some("ag_hamas"));
    assert_eq!(child.kind, ActorType::ArmedGroup);
}

proptest::proptest! {
    #[test]
    fn mention_spans_slice_the_text(s in "(Hamas|Iran|Tehran|IS|US|is|us|al-Muhajir|Abu Bakr al-Baghdadi|Ḥizballah|’s|'|-| |, |\\. |said|in|Iranian|support|\\(|\\)|ADF|[A-Z][a-z]{1,6}){0,30}") {
        let r = &*BUILTIN;
        let f = Folded::new(&s);
        let rec = r.recognize(&f.text, &sentences(&f.text));
        for m in &rec.mentions {
            let o = f.map.span(m.span);
            proptest::prop_assert!(s.is_char_boundary(o.start) && s.is_char_boundary(o.end));
            proptest::prop_assert!(o.start < o.end);
            proptest::prop_assert!(m.actor < rec.actors.len());
        }
    }
}

// A heading label that opens a paragraph is not a name.
t!(
    heading_labels_are_not_names,
    "2018 Terrorist Incidents:  Both ISIS-Somalia and al-Shabaab attacked AMISOM.",
    [
        ("ISIS-Somalia", "ag_isis_somalia"),
        ("al-Shabaab", "ag_shabaab"),
        ("AMISOM", "or_amisom")
    ]
);

// A name with a lower-case last word after "a"/"an" is a common noun; in a headline-cased
// phrase it is still the name.
t!(
    indefinite_article_makes_a_common_noun,
    "They seek to establish an Islamic state in the Levant. Islamic state fighters attacked.",
    [("Islamic state", "ag_isis")]
);

// A capital acts past an adverb, with "along with", or as the agent after "by".
t!(
    capitals_acting,
    "Beirut again rejected the appeal. Washington along with its allies demanded talks. Poland demanded an admission by Moscow. He lives in Amman.",
    [
        ("Beirut", "st_lebanon"),
        ("Washington", "st_united_states"),
        ("Poland", "st_poland"),
        ("Moscow", "st_russia")
    ]
);

// An acronym that opens a name may carry dots.
t!(
    dotted_acronym_in_a_name,
    "Hungary will support a U.N. Security Council resolution. The IAEA sent inspectors.",
    [
        ("Hungary", "st_hungary"),
        ("U.N. Security Council", "or_unsc"),
        ("IAEA", "or_iaea")
    ]
);

// A group named with a place one of its branches bears is that branch.
t!(
    branches_named_by_place,
    "Iran supported ISIS in the Sinai. ISIS' Somali branch grew. ISIS in Paris is not a branch.",
    [
        ("Iran", "st_iran"),
        ("ISIS in the Sinai", "ag_isis_sinai"),
        ("ISIS' Somali branch", "ag_isis_somalia"),
        ("ISIS", "ag_isis")
    ]
);

// After a title, a preposition does not start a name.
#[test]
fn no_name_starts_with_a_preposition() {
    let f = Folded::new(
        "Assistant Secretary for Financial Markets Anna Smith met the Hamas delegation.",
    );
    let rec = BUILTIN.recognize(&f.text, &sentences(&f.text));
    for a in &rec.actors {
        assert!(!a.name.starts_with("for "), "{a:?}");
    }
}

proptest::proptest! {
    /// The packed word key lower-cases exactly as `to_ascii_lowercase` does.
    #[test]
    fn word_key_lowercases_like_std(w in proptest::collection::vec(proptest::num::u8::ANY, 0..16)) {
        let ours = crate::WordMap::<bool>::key(&w, true);
        let std = crate::WordMap::<bool>::key(&w.to_ascii_lowercase(), false);
        proptest::prop_assert_eq!(ours, std);
    }
}

// A description that is the indefinite predicate of a copula names the subject; one that is
// not a predicate stays its own actor.
t!(
    predicate_description_names_the_subject,
    "Al-Shabaab (The Youth) is a violent and brutal extremist group. Kenya faces extremist groups.",
    [
        ("Al-Shabaab", "ag_shabaab"),
        ("brutal extremist group", "ag_shabaab"),
        ("Kenya", "st_kenya"),
        ("extremist groups", "extremist-groups")
    ]
);

// A place before "-based" is where a group is, not a party; a description right before a
// name is its title; a generic alias ("the Department") does not take the start of a longer
// name ("the Department of Justice").
t!(
    based_titles_and_longer_names,
    "A Lebanon-based terrorist group Hezbollah official met the Department of Justice.",
    [
        ("Lebanon", "@st_lebanon"),
        ("Hezbollah", "ag_hizballah"),
        ("Department of Justice", "sa_us_doj")
    ]
);

// A demonym before an act a state performs names the state.
t!(
    demonym_before_an_act,
    "Bangladesh rejected an Indian proposal and a Senegalese peace plan.",
    [
        ("Bangladesh", "st_bangladesh"),
        ("Indian", "st_india"),
        ("Senegalese", "st_senegal")
    ]
);

// A named operation is an event and a compass region a place, not people ("Sinai" later would
// otherwise be taken for the surname of "Operation Sinai").
t!(
    operations_and_regions_are_not_people,
    "Egypt's campaign, Operation Sinai 2018, ended. Attacks continued in North Sinai and Sinai.",
    [("Egypt", "st_egypt")]
);

// "The group mostly targets X but also attacks government personnel": "attacks" is the verb.
t!(
    a_verb_after_an_adverb_is_no_modifier,
    "ISIS-Sinai mostly targets police but also attacks government personnel and infrastructure.",
    [
        ("ISIS-Sinai", "ag_isis_sinai"),
        ("government personnel", "government-personnel")
    ]
);
t!(
    in_charge_of_is_part_of_a_title,
    "James F. Jarboe, FBI Special Agent In Charge of the Tampa Field Office, spoke.",
    [
        ("James F. Jarboe", "pe_jarboe"),
        ("FBI", "sa_us_fbi"),
        ("Tampa Field Office", "tampa-field-office")
    ]
);
t!(
    it_opening_a_sentence_is_the_group_before,
    "Ansar Bayt al-Maqdis rose to prominence in 2011. It is responsible for attacks. It is \
     important to note this.",
    [
        ("Ansar Bayt al-Maqdis", "ag_isis_sinai"),
        ("It", "ag_isis_sinai")
    ]
);
