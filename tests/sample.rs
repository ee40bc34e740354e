//! The sample notice (粤府办〔2017〕32号 forwarding 国办发〔2017〕4号) against its expected report.
//!
//! `tests/fixtures/guangdong-2017-32.expected.json` counts characters; the sample has no character
//! beyond U+FFFF, so that equals the UTF-16 units the report uses.

use notice_lens::{analyze, Options, Report, Role};
use serde_json::Value;

fn sample() -> (String, Value, Report) {
    let text = include_str!("fixtures/guangdong-2017-32.txt").to_string();
    let expected: Value =
        serde_json::from_str(include_str!("fixtures/guangdong-2017-32.expected.json")).unwrap();
    let report = analyze(&text, &Options::default()).unwrap();
    (text, expected, report)
}

fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

#[test]
fn headings_match_the_expected_list() {
    let (_, expected, report) = sample();
    let got: Vec<Value> = report
        .sections
        .iter()
        .map(|s| {
            serde_json::json!({"start": s.start, "level": s.level, "ordinal": s.ordinal,
                               "marker": s.marker, "title": s.title})
        })
        .collect();
    assert_eq!(got, expected["headings"].as_array().unwrap().clone());
}

#[test]
fn attributions_match_the_expected_list() {
    let (text, expected, report) = sample();
    let got: Vec<Value> = report
        .attributions
        .iter()
        .map(|a| {
            let departments: Vec<Value> = a
                .departments
                .iter()
                .map(|d| {
                    let role = match d.role {
                        Role::Lead => "lead",
                        Role::Shared => "shared",
                        Role::Participant => "participant",
                    };
                    serde_json::json!([d.name, role])
                })
                .collect();
            serde_json::json!({"start": a.start, "end": a.end, "text": slice(&text, a.start, a.end),
                               "departments": departments})
        })
        .collect();
    assert_eq!(got, expected["attributions"].as_array().unwrap().clone());
}

#[test]
fn canonical_names_match_as_of_2017() {
    let (_, expected, report) = sample();
    for d in report.attributions.iter().flat_map(|a| &a.departments) {
        if let Some(want) = expected["canonical"].get(&d.name) {
            assert_eq!(
                d.canonical,
                want.as_str().unwrap(),
                "canonical name of {}",
                d.name
            );
        }
    }
    let named: std::collections::BTreeSet<&str> = report
        .attributions
        .iter()
        .flat_map(|a| &a.departments)
        .map(|d| d.name.as_str())
        .collect();
    for name in expected["canonical"].as_object().unwrap().keys() {
        assert!(
            named.contains(name.as_str()),
            "{name} was not found in any attribution"
        );
    }
}

#[test]
fn document_fields_match() {
    let (_, expected, report) = sample();
    let want = &expected["document"];
    let doc = serde_json::to_value(&report.document).unwrap();
    for field in [
        "title",
        "doc_number",
        "doc_numbers",
        "issuer",
        "date",
        "published",
        "addressees",
    ] {
        assert_eq!(doc[field], want[field], "document.{field}");
    }
    let forwarded = &doc["forwarded"][0];
    for field in ["title", "doc_number", "issuer", "addressees"] {
        assert_eq!(
            forwarded[field], want["forwarded"][0][field],
            "document.forwarded[0].{field}"
        );
    }
}

#[test]
fn repeats_are_found_and_removed_without_losing_a_sentence() {
    let (text, _, report) = sample();
    // The scrape repeated about 30% of the notice.
    let share = report.stats.repeated_utf16 as f64 / report.stats.utf16_len as f64;
    assert!((0.2..0.45).contains(&share), "repeated share {share}");
    // The repeated opening sentence is kept once.
    let sentence = "加快培育壮大新动能、改造提升传统动能是促进经济结构转型和实体经济升级的重要途径，也是推进供给侧结构性改革的重要着力点。";
    assert!(text.matches(sentence).count() >= 3);
    assert_eq!(report.dedup.text.matches(sentence).count(), 1);
    // Every sentence of the input is still in the deduplicated text.
    for s in text.split_inclusive(['。', '\n']) {
        let s = s.trim();
        if !s.is_empty() {
            assert!(report.dedup.text.contains(s), "lost: {s}");
        }
    }
    // Each removed span is a later occurrence of a repeat. White space is not a difference (the
    // contract: a copy differing only in white space is an exact copy, and the scrape lost or moved
    // line breaks), so the earlier occurrence is looked for with white space left out on both sides.
    // `text` without white space, and for each byte of the result the UTF-16 offset it came from.
    let without_white_space = |text: &str| {
        let (mut squeezed, mut utf16_at, mut utf16) = (String::new(), Vec::new(), 0);
        for c in text.chars() {
            if !c.is_whitespace() {
                squeezed.push(c);
                utf16_at.extend(std::iter::repeat(utf16).take(c.len_utf8()));
            }
            utf16 += c.len_utf16();
        }
        (squeezed, utf16_at)
    };
    let (squeezed, utf16_at) = without_white_space(&text);
    for r in &report.dedup.removed {
        let (copy, _) = without_white_space(&slice(&text, r.start, r.end));
        let first = squeezed.find(&copy).unwrap();
        assert!(
            utf16_at[first] < r.start,
            "{copy} has no earlier occurrence"
        );
    }
}

#[test]
fn notes_inside_copies_point_at_their_originals() {
    let (text, _, report) = sample();
    let copied: Vec<_> = report
        .attributions
        .iter()
        .filter_map(|a| a.repeat_of.map(|r| (a, &report.attributions[r])))
        .collect();
    // The scrape copied the passages holding （质检总局牵头负责） and （人力资源社会保障部牵头负责）.
    assert!(copied.len() >= 2, "{} notes linked", copied.len());
    for (copy, original) in copied {
        assert_eq!(
            slice(&text, copy.start, copy.end),
            slice(&text, original.start, original.end)
        );
        assert!(original.start < copy.start && original.repeat_of.is_none());
        assert!(
            report
                .dedup
                .removed
                .iter()
                .any(|r| r.start <= copy.start && copy.end <= r.end),
            "the copy at {} is not in a removed span",
            copy.start
        );
    }
}
