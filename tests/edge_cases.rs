//! Offsets in UTF-16 units, and texts that are not notices at all.

use notice_lens::{analyze, analyze_bytes, Options, Report};

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("a span splits a surrogate pair")
}

/// Every span the report gives, as (what, start, end).
fn all_spans(report: &Report) -> Vec<(&'static str, usize, usize)> {
    let mut spans = Vec::new();
    for r in &report.repeats {
        spans.extend(r.occurrences.iter().map(|o| ("repeat", o.start, o.end)));
    }
    spans.extend(
        report
            .dedup
            .removed
            .iter()
            .map(|s| ("removed", s.start, s.end)),
    );
    for s in &report.sections {
        spans.push(("heading", s.start, s.heading_end));
        spans.push(("section", s.start, s.end));
    }
    for a in &report.attributions {
        spans.push(("attribution", a.start, a.end));
        spans.push(("task", a.scope_start, a.start));
    }
    spans.extend(report.warnings.iter().map(|w| ("warning", w.start, w.end)));
    spans
}

#[test]
fn offsets_after_cjk_extension_b_and_emoji_count_utf16_units() {
    let text = "𠀀😀\n一、总体要求\n（一）指导思想。加快发展。（质检总局牵头负责）\n𠀀😀\n（二）基本原则。坚持改革。";
    let report = analyze(text, &Options::default()).unwrap();
    let first = &report.sections[0];
    assert_eq!(
        first.start, 5,
        "𠀀 and 😀 count two units each, the line break one"
    );
    assert_eq!(
        utf16_slice(text, first.start, first.heading_end),
        "一、总体要求"
    );
    let second = report
        .sections
        .iter()
        .find(|s| s.marker == "（二）")
        .expect("（二） found");
    assert_eq!(utf16_slice(text, second.start, second.start + 3), "（二）");
    let note = &report.attributions[0];
    assert_eq!(
        utf16_slice(text, note.start, note.end),
        "（质检总局牵头负责）"
    );
    for (what, start, end) in all_spans(&report) {
        assert!(
            start <= end && end <= report.stats.utf16_len,
            "{what} {start}..{end}"
        );
        utf16_slice(text, start, end);
    }
    assert_eq!(report.stats.utf16_len, text.encode_utf16().count());
    assert_eq!(report.stats.chars, text.chars().count());
}

#[test]
fn byte_offsets_and_utf16_offsets_name_the_same_text() {
    let text =
        "😀一、总体要求随着全球创新创业进入高度密集活跃期。（国家发展改革委、人民银行牵头负责）";
    let bytes = analyze_bytes(text, &Options::default()).unwrap();
    let units = analyze(text, &Options::default()).unwrap();
    for ((what, bs, be), (_, us, ue)) in all_spans(&bytes).into_iter().zip(all_spans(&units)) {
        assert_eq!(&text[bs..be], utf16_slice(text, us, ue), "{what}");
    }
}

#[test]
fn empty_text_gives_an_empty_report() {
    let report = analyze("", &Options::default()).unwrap();
    assert_eq!(report.stats.utf16_len, 0);
    assert!(report.repeats.is_empty());
    assert!(report.sections.is_empty());
    assert!(report.attributions.is_empty());
    assert!(report.warnings.is_empty());
    assert_eq!(report.dedup.text, "");
    assert_eq!(report.document.title, None);
}

#[test]
fn english_text_gives_no_structure_and_keeps_every_word() {
    let text = "The State Council issued guidance. 1. Improve services. (a) Cut red tape.\nThe State Council issued guidance.";
    let report = analyze(text, &Options::default()).unwrap();
    assert!(report.sections.is_empty(), "{:?}", report.sections);
    assert!(report.attributions.is_empty());
    assert_eq!(report.document.doc_number, None);
    for word in text.split_whitespace() {
        assert!(report.dedup.text.contains(word), "lost {word}");
    }
}

#[test]
fn html_in_the_paste_is_text() {
    let text =
        "<img src=x onerror=alert(1)>一、总体要求<script>alert(1)</script>（质检总局牵头负责）";
    let report = analyze(text, &Options::default()).unwrap();
    assert!(report.dedup.text.contains("<img src=x onerror=alert(1)>"));
    for (what, start, end) in all_spans(&report) {
        utf16_slice(text, start, end);
        assert!(end <= report.stats.utf16_len, "{what}");
    }
}

#[test]
fn too_large_text_is_refused_with_a_plain_message() {
    let options = Options {
        max_bytes: 10,
        ..Options::default()
    };
    let err = analyze("一二三四五六七八九十", &options).unwrap_err();
    assert!(err.is_too_large());
    assert!(err.to_string().contains("MB"), "{err}");
}

#[test]
fn a_threshold_outside_zero_to_one_is_refused() {
    let options = Options {
        near_threshold: 1.5,
        ..Options::default()
    };
    assert!(analyze("一", &options)
        .unwrap_err()
        .to_string()
        .contains("near_threshold"));
}
