//! Property tests of the repeat finder against a naive O(n²) oracle.
//!
//! The texts are random sequences of sentences drawn from a small alphabet, with random white space
//! and line breaks between them. Every sentence of the alphabet ends where the finder's units end
//! (at a terminator, or a note's closing parenthesis), so the oracle knows the sentences of the
//! text without asking the code under test, and checks every claim sentence by sentence.
#![cfg(not(target_arch = "wasm32"))]

use notice_lens::{analyze, repeats, Options};
use proptest::prelude::*;

/// A sentence of the alphabet, and whether it is long and not formulaic: a sentence that counts as
/// a repeat on its own (at least `min_repeat_chars` = 12 counted characters, and no note).
const SENTENCES: [(&str, bool); 13] = [
    (
        "加快培育壮大新动能，改造提升传统动能是促进经济结构转型和高质量发展的重要途径。",
        true,
    ),
    // The same sentence in half-width punctuation: no difference.
    (
        "加快培育壮大新动能, 改造提升传统动能是促进经济结构转型和高质量发展的重要途径。",
        true,
    ),
    // One word changed: a near-duplicate of the two above.
    (
        "加快培育发展新动能，改造提升传统动能是促进经济结构转型和高质量发展的重要途径。",
        true,
    ),
    // Astral characters: 𠀀 (U+20000) and 😀 take two UTF-16 units each.
    ("𠀀𠀀推进供给侧结构性改革，着力振兴实体经济😀😀。", true),
    (
        "完善知识产权快速维权机制，实施更加严格的知识产权保护制度。",
        true,
    ),
    (
        "各地区、各部门要立足改革创新，坚持需求导向，从根本上解决创业创新中面临的各种体制机制问题，共同推进大众创业、万众创新蓬勃发展。",
        true,
    ),
    ("坚持底线思维。", false),
    ("（一）加强组织领导。", false),
    ("𠀀😀𠀀。", false),
    ("（责任单位：省科技厅、省教育厅）", false),
    ("（各有关部门按职责分工负责）。", false),
    ("二、总体要求。", false),
    // The last clause of the first three (27 counted characters, more than twice the minimum, so a
    // copy even where nothing after it goes on as after the original): a copy of theirs when it
    // comes after one of them.
    ("改造提升传统动能是促进经济结构转型和高质量发展的重要途径。", true),
];

const GAPS: [&str; 7] = [
    "",
    "",
    " ",
    "\n",
    "\u{3000}\u{3000}",
    "\r\n",
    "\n\u{3000}\u{3000}",
];

/// A generated text: the sentence indices, and the text with each sentence's byte span.
#[derive(Debug, Clone)]
struct Text {
    text: String,
    /// (sentence index in `SENTENCES`, start, end); `end` includes the white space that follows.
    sentences: Vec<(usize, usize, usize)>,
}

fn build(picks: &[(usize, usize)]) -> Text {
    let mut text = String::new();
    let mut sentences = Vec::with_capacity(picks.len());
    for (k, &(sentence, gap)) in picks.iter().enumerate() {
        let start = text.len();
        text.push_str(SENTENCES[sentence].0);
        // No white space after the last sentence, so that every span ends where its unit does.
        if k + 1 < picks.len() {
            text.push_str(GAPS[gap]);
        }
        sentences.push((sentence, start, text.len()));
    }
    Text { text, sentences }
}

fn texts() -> impl Strategy<Value = Text> {
    prop::collection::vec((0..SENTENCES.len(), 0..GAPS.len()), 0..24).prop_map(|p| build(&p))
}

/// The oracle's own normal form: full-width forms folded to ASCII, white space left out.
fn key(sentence: &str) -> String {
    sentence
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The Dice coefficient of the character bigram multisets, by brute force.
fn dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let chars: Vec<char> = s.chars().collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>()
    };
    let (a, mut b) = (grams(a), grams(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let total = a.len() + b.len();
    let mut shared = 0;
    for g in &a {
        if let Some(i) = b.iter().position(|h| h == g) {
            b.swap_remove(i);
            shared += 1;
        }
    }
    2.0 * shared as f64 / total as f64
}

/// Whether `tail` is the text of `sentence` after one of its clause marks.
fn is_clause_tail(tail: &str, sentence: &str) -> bool {
    sentence.len() > tail.len()
        && sentence.ends_with(tail)
        && sentence[..sentence.len() - tail.len()].ends_with([',', ':'])
}

fn options(drop_near: bool) -> Options {
    Options {
        drop_near_duplicates: drop_near,
        ..Options::default()
    }
}

/// Which sentences of `t` the finder removed; fails if a removed span does not consist of whole
/// sentences, if the removed spans are not ascending and disjoint, or if a span takes all the white
/// space that separated the text before it from the text after it.
fn removed_sentences(t: &Text, found: &repeats::Found) -> Result<Vec<bool>, TestCaseError> {
    let mut removed = vec![false; t.sentences.len()];
    let (mut previous_end, mut chain_start) = (0, 0);
    let spans = &found.dedup.removed;
    for (k, span) in spans.iter().enumerate() {
        prop_assert!(span.start < span.end, "empty span {span:?}");
        prop_assert!(previous_end <= span.start, "spans not ascending: {span:?}");
        // Spans that touch are taken out together: what precedes them is what precedes the first.
        if span.start != previous_end || previous_end == 0 {
            chain_start = span.start;
        }
        previous_end = span.end;
        let first = t.sentences.iter().position(|s| s.1 == span.start);
        // A span ends with its last sentence, with or without (some of) the white space after it.
        let last = t
            .sentences
            .iter()
            .position(|s| s.1 + SENTENCES[s.0].0.len() <= span.end && span.end <= s.2);
        let takes_space = span.of(&t.text).ends_with(char::is_whitespace);
        let after_space = t.text[..chain_start]
            .chars()
            .next_back()
            .map_or(true, char::is_whitespace);
        // Inside a chain of touching spans, the white space between them goes with the chain.
        let chain_goes_on = spans.get(k + 1).is_some_and(|next| next.start == span.end);
        let space_stays = t.text[span.end..].starts_with(char::is_whitespace);
        prop_assert!(
            !takes_space || after_space || chain_goes_on || space_stays,
            "span {span:?} {:?} takes the only white space between its neighbours",
            span.of(&t.text)
        );
        let (Some(first), Some(last)) = (first, last) else {
            return Err(TestCaseError::fail(format!(
                "span {span:?} {:?} cuts a sentence",
                span.of(&t.text)
            )));
        };
        removed[first..=last].iter_mut().for_each(|r| *r = true);
    }
    Ok(removed)
}

fn without(text: &str, spans: &[notice_lens::Span]) -> String {
    let mut out = String::new();
    let mut from = 0;
    for s in spans {
        out.push_str(&text[from..s.start]);
        from = s.end;
    }
    out.push_str(&text[from..]);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Every removed sentence has an earlier occurrence that is kept: identical up to white space and
    /// width, or, when near-duplicates are dropped, at least `near_threshold` similar.
    #[test]
    fn every_removed_sentence_has_a_kept_earlier_occurrence(t in texts(), drop_near in any::<bool>()) {
        let options = options(drop_near);
        let found = repeats::find(&t.text, &options);
        let removed = removed_sentences(&t, &found)?;
        let keys: Vec<String> = t.sentences.iter().map(|s| key(SENTENCES[s.0].0)).collect();
        for k in (0..keys.len()).filter(|&k| removed[k]) {
            let earlier = (0..k).filter(|&j| !removed[j]).any(|j| {
                keys[j] == keys[k]
                    || is_clause_tail(&keys[k], &keys[j])
                    || (drop_near && dice(&keys[j], &keys[k]) >= options.near_threshold)
            });
            prop_assert!(earlier, "sentence {k} {:?} removed without a kept earlier occurrence", keys[k]);
        }
        prop_assert_eq!(&found.dedup.text, &without(&t.text, &found.dedup.removed));
    }

    /// Analysing the deduplicated text again removes nothing.
    #[test]
    fn deduplication_is_idempotent(t in texts(), drop_near in any::<bool>()) {
        let options = options(drop_near);
        let once = repeats::find(&t.text, &options).dedup.text;
        let twice = repeats::find(&once, &options);
        prop_assert!(twice.dedup.removed.is_empty(), "{:?}", twice.dedup.removed);
        prop_assert_eq!(twice.dedup.text, once);
    }

    /// A sentence that occurs once (and, when near-duplicates are dropped, has no near-duplicate)
    /// is kept; a long sentence that occurs more than once is kept exactly once, unless, with
    /// near-duplicates kept, a later occurrence is part of an edited passage: joined, through kept
    /// repeats of earlier sentences, to a kept sentence that is an edited (near, not equal) copy
    /// of an earlier one.
    #[test]
    fn single_sentences_stay_and_long_repeats_stay_once(t in texts(), drop_near in any::<bool>()) {
        let options = options(drop_near);
        let found = repeats::find(&t.text, &options);
        let removed = removed_sentences(&t, &found)?;
        let keys: Vec<String> = t.sentences.iter().map(|s| key(SENTENCES[s.0].0)).collect();
        for k in 0..keys.len() {
            let others = (0..keys.len()).filter(|&j| j != k);
            let same = others
                .clone()
                .filter(|&j| keys[j] == keys[k] || is_clause_tail(&keys[k], &keys[j]))
                .count();
            let near = others.clone().any(|j| dice(&keys[j], &keys[k]) >= options.near_threshold);
            if same == 0 && !(drop_near && near) {
                prop_assert!(!removed[k], "single sentence {k} {:?} removed", keys[k]);
            }
            if same > 0 && SENTENCES[t.sentences[k].0].1 {
                let edited = |j: usize| {
                    !removed[j]
                        && (0..j).any(|i| {
                            keys[i] != keys[j] && dice(&keys[i], &keys[j]) >= options.near_threshold
                        })
                };
                // Through kept sentences that repeat earlier ones, to an edited one, with the
                // removed copies out of the way.
                let repeated = |j: usize| !removed[j] && (0..j).any(|i| keys[i] == keys[j]);
                let passed = |i: usize| repeated(i) || removed[i];
                let in_edited_passage = |j: usize| {
                    let left = (0..j).rev().find(|&i| !passed(i)).is_some_and(edited);
                    let right = (j + 1..keys.len()).find(|&i| !passed(i)).is_some_and(edited);
                    left || right
                };
                let kept: Vec<usize> = (0..keys.len())
                    .filter(|&j| keys[j] == keys[k] && !removed[j])
                    .collect();
                let kept = kept
                    .iter()
                    .enumerate()
                    .filter(|&(n, &j)| n == 0 || drop_near || !in_edited_passage(j))
                    .count();
                // A clause tail that first stands after a kept sentence ending with it is a copy
                // of that ending every time.
                let first = (0..keys.len()).find(|&j| keys[j] == keys[k]).unwrap_or(k);
                let in_earlier_sentence =
                    (0..first).any(|i| !removed[i] && is_clause_tail(&keys[k], &keys[i]));
                if in_earlier_sentence {
                    prop_assert_eq!(kept, 0, "{:?} stands after a sentence ending with it", &keys[k]);
                } else if drop_near {
                    prop_assert!(kept <= 1, "{:?} kept {kept} times", keys[k]);
                } else {
                    prop_assert_eq!(kept, 1, "{:?}", &keys[k]);
                }
            }
        }
    }

    /// Every offset of the public report is a UTF-16 boundary within the text, the removed spans
    /// ascend without overlap, and `dedup.text` is the text without them.
    #[test]
    fn report_offsets_are_utf16_boundaries(t in texts(), drop_near in any::<bool>()) {
        let report = analyze(&t.text, &options(drop_near)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let units: Vec<u16> = t.text.encode_utf16().collect();
        let n = units.len();
        prop_assert_eq!(report.stats.utf16_len, n);
        // A boundary is anywhere but just after a high surrogate.
        let boundary = |o: usize| o == 0 || (o <= n && !(0xD800..0xDC00).contains(&units[o - 1]));
        let mut offsets = Vec::new();
        for r in &report.repeats {
            for o in &r.occurrences {
                prop_assert!(o.start <= o.end);
                offsets.extend([o.start, o.end]);
            }
        }
        let mut previous_end = 0;
        for s in &report.dedup.removed {
            prop_assert!(previous_end <= s.start && s.start < s.end, "{:?}", report.dedup.removed);
            previous_end = s.end;
            offsets.extend([s.start, s.end]);
        }
        for s in &report.sections {
            offsets.extend([s.start, s.heading_end, s.end]);
        }
        for a in &report.attributions {
            offsets.extend([a.start, a.end, a.scope_start]);
        }
        for w in &report.warnings {
            offsets.extend([w.start, w.end]);
        }
        for o in offsets {
            prop_assert!(boundary(o), "offset {o} of {n} is no UTF-16 boundary");
        }
        let mut kept: Vec<u16> = Vec::with_capacity(n);
        let mut from = 0;
        for s in &report.dedup.removed {
            kept.extend_from_slice(&units[from..s.start]);
            from = s.end;
        }
        kept.extend_from_slice(&units[from..]);
        prop_assert_eq!(String::from_utf16(&kept).ok(), Some(report.dedup.text.clone()));
    }
}

/// The oracle itself: the width variant is the same sentence, the edited one is near and not equal.
#[test]
fn the_oracle_sees_width_as_no_difference() {
    assert_eq!(key(SENTENCES[0].0), key(SENTENCES[1].0));
    let (a, b) = (key(SENTENCES[0].0), key(SENTENCES[2].0));
    assert!(a != b && dice(&a, &b) >= 0.8 && dice(&a, &b) < 1.0);
    assert!(dice(&a, &key(SENTENCES[4].0)) < 0.8);
    assert!(is_clause_tail(&key(SENTENCES[12].0), &a));
    assert!(!is_clause_tail(
        &key(SENTENCES[12].0),
        &key(SENTENCES[12].0)
    ));
}

/// Pieces of a plan as scrapes leave it: headings, item headings glued to their words or on their
/// own, items written as sentences, their words, notes, with astral characters.
const PLAN_PIECES: [&str; 12] = [
    "一、教育服务提升行动",
    "二、医疗卫生服务提升行动",
    "（一）工作目标",
    "（二）重点任务",
    "1.加大财政资金支持力度，落实税收优惠政策",
    "1.加大财政资金支持力度，落实税收优惠政策。",
    "2.强化人才队伍建设",
    "对新建幼儿园给予一次性建设补助，对普惠性民办幼儿园给予运营补贴𠀀。",
    "实施乡村教师支持计划，每年招聘补充农村中小学教师不少于300名😀。",
    "到2025年，全市学前教育毛入园率达到95%以上。",
    "（1）推进电子政务外网向社区延伸，实现“一网通达”。",
    "（责任单位：市教育局、市财政局）",
];

fn plans() -> impl Strategy<Value = String> {
    prop::collection::vec((0..PLAN_PIECES.len(), 0..3usize), 0..28).prop_map(|picks| {
        picks
            .iter()
            .map(|&(piece, gap)| {
                let gap = ["", "\n", "\u{3000}\u{3000}"][gap];
                format!("{}{gap}", PLAN_PIECES[piece])
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// On plans, with or without line breaks, where copies are cut inside units (after a glued
    /// heading's title): the deduplicated text is the text without the removed spans, and every
    /// removed span starts and ends on a UTF-16 boundary of the text. (Deduplicating such a plan
    /// twice can remove more: the headings the structure analysis finds change once copies are
    /// out; see the README's "Not yet".)
    #[test]
    fn plans_are_cut_on_boundaries(text in plans(), drop_near in any::<bool>()) {
        let options = options(drop_near);
        let report = analyze(&text, &options).expect("analysable");
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut kept: Vec<u16> = Vec::with_capacity(units.len());
        let mut from = 0;
        for s in &report.dedup.removed {
            prop_assert!(from <= s.start && s.start < s.end && s.end <= units.len(), "{s:?}");
            for o in [s.start, s.end] {
                prop_assert!(o == units.len() || !(0xDC00..0xE000).contains(&units[o]), "{o}");
            }
            kept.extend_from_slice(&units[from..s.start]);
            from = s.end;
        }
        kept.extend_from_slice(&units[from..]);
        prop_assert_eq!(String::from_utf16(&kept).ok(), Some(report.dedup.text.clone()));
    }
}
