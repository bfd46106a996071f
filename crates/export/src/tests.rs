use super::*;

#[test]
fn dates_widen_to_whole_periods() {
    use xml::{end_of, start_of};
    assert_eq!(start_of("2017").as_deref(), Some("2017-01-01"));
    assert_eq!(end_of("2017").as_deref(), Some("2017-12-31"));
    assert_eq!(start_of("2016-02").as_deref(), Some("2016-02-01"));
    assert_eq!(end_of("2016-02").as_deref(), Some("2016-02-29"));
    assert_eq!(end_of("2017-02").as_deref(), Some("2017-02-28"));
    assert_eq!(end_of("2017-11").as_deref(), Some("2017-11-30"));
    assert_eq!(end_of("2017-07-04").as_deref(), Some("2017-07-04"));
    assert_eq!(end_of("2017-13"), None);
    assert_eq!(start_of("soon"), None);
}

#[test]
fn admiralty_grades_become_misp_tags() {
    assert_eq!(
        misp_tags("B2"),
        [
            "admiralty-scale:source-reliability=\"b\"",
            "admiralty-scale:information-credibility=\"2\""
        ]
    );
    assert!(misp_tags("").is_empty());
}

#[test]
fn xml_text_is_escaped_and_cleaned() {
    assert_eq!(
        xml::esc("<script>\"a\" & 'b'\u{1}</script>"),
        "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;"
    );
}

#[test]
fn descriptions_are_not_names() {
    assert!(looks_like_name("Al-Nasr Brigade"));
    assert!(looks_like_name("The State of Sinai"));
    assert!(!looks_like_name("the group"));
    assert!(!looks_like_name("The movement"));
    assert!(!looks_like_name("its leaders"));
}

#[test]
fn formats_and_labels() {
    for (f, n) in Format::ALL {
        assert_eq!(Format::parse(n), Some(f));
        assert_eq!(f.name(), n);
    }
    assert!(Format::Neo4j.is_folder() && !Format::Gexf.is_folder());
    assert_eq!(neo4j_label("armed_group"), "Actor;ArmedGroup");
    assert_eq!(xml::family("ASSAULT"), "conflict");
    assert_eq!(xml::family("LEADS"), "structural");
    assert_eq!(xml::family("AID"), "cooperation");
}

#[test]
fn ftm_ids_are_deterministic_and_valid() {
    let a = ftm::fid("actor", "st_iran");
    assert_eq!(a, ftm::fid("actor", "st_iran"));
    assert_ne!(a, ftm::fid("actor", "st_iraq"));
    assert!(a
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'));
}
