//! Section headings by GB/T 9704-2012 clause 7.3.3: 一、 （一） 1. （1）.
//!
//! One scan finds every marker-shaped string; each is then accepted or refused by what
//! precedes it, because a heading starts a paragraph or follows the end of something:
//!
//! - the start of the text or a line, white space (U+3000 included), 。；：！？, or a closing `）`;
//! - or, with no punctuation at all, the words of the heading just before it, when it is that
//!   heading's first or next sub-item (`一、全面优化营商环境（一）深化审批制度改革`), or, after a short
//!   title with no words under it, its next sibling (`（一）整治目标（二）重点举措`) or the next heading
//!   of a higher level, when it has that level's next number (`（二）重点举措二、……`): a
//!   line-break-free scrape glues the two together.
//!
//! Numbers in prose are refused by the same test (`2017年`, `第（一）项`, `推动一、二、三产业`), and by
//! what follows the marker (`1.5倍`). Titles are cut by `title`; warnings come from `warn`.

pub(crate) mod title;
mod warn;

use crate::document::date::chinese_number;
use crate::document::markup;
use crate::document::sign::{signatures, Signature};
use crate::report::{Section, Warning};
use std::collections::HashMap;

/// Headings and the warnings about their order.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// Heading occurrences in text order, byte offsets.
    pub sections: Vec<Section>,
    /// Numbering gaps, headings out of order, repeated headings.
    pub warnings: Vec<Warning>,
}

/// The numerals of a Chinese heading number. A `match`, not `"一二…十".contains(c)`: that is a
/// substring search per character of the text, which without SIMD (wasm) builds a Two-Way searcher
/// each time and was most of this module's time.
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Every marker-shaped string `(level, ordinal, start, end)`: 一、 （一） 1. （1）, half-width
/// brackets and the dots ．﹒ included. A hand scan, one pass: the crate's regex build has only the
/// PikeVM, too slow for a 50 MB paste. A marker starts where its kind of character run starts, so
/// the 17 of 2017. is never read as a marker.
fn markers(text: &str) -> Vec<(u8, u32, usize, usize)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let rest = &text[i + c.len_utf8()..];
        let run_start = |same: &dyn Fn(char) -> bool| !prev.is_some_and(same);
        if c == '（' || c == '(' {
            if let Some((level, n, len)) = bracketed(rest) {
                out.push((level, n, i, i + c.len_utf8() + len));
            }
        } else if is_numeral(c) && run_start(&is_numeral) {
            let run = run_len(&text[i..], is_numeral, 3);
            if let (Some(n), Some(len)) = (
                chinese_number(&text[i..i + run]),
                text[i + run..].strip_prefix('、').map(|_| '、'.len_utf8()),
            ) {
                out.push((1, n, i, i + run + len));
            }
        } else if is_digit(c) && run_start(&is_digit) {
            let run = run_len(&text[i..], is_digit, 2);
            let after = &text[i + run..];
            if let Some(dot) = after
                .chars()
                .next()
                .filter(|d| matches!(d, '.' | '．' | '﹒'))
            {
                if let Some(n) = arabic(&text[i..i + run]) {
                    out.push((3, n, i, i + run + dot.len_utf8()));
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// A number in brackets right after an opening bracket: `一）` or `12)`; (level, number, bytes).
fn bracketed(rest: &str) -> Option<(u8, u32, usize)> {
    let first = rest.chars().next()?;
    let (level, run) = if is_numeral(first) {
        (2, run_len(rest, is_numeral, 3))
    } else if is_digit(first) {
        (4, run_len(rest, is_digit, 2))
    } else {
        return None;
    };
    let close = rest[run..]
        .chars()
        .next()
        .filter(|&c| c == '）' || c == ')')?;
    let n = if level == 2 {
        chinese_number(&rest[..run])?
    } else {
        arabic(&rest[..run])?
    };
    Some((level, n, run + close.len_utf8()))
}

/// Bytes of the run of `is` characters at the start of `s`, or 0 when it is longer than `max`.
fn run_len(s: &str, is: impl Fn(char) -> bool, max: usize) -> usize {
    let mut bytes = 0;
    for (k, c) in s.chars().enumerate() {
        if !is(c) {
            return bytes;
        }
        if k == max {
            return 0;
        }
        bytes += c.len_utf8();
    }
    bytes
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The longest run, in characters, of a heading's words that a glued sub-heading may follow.
const MAX_GLUED: usize = 40;
/// And a glued next sibling or next part: a short title with no words under it
/// (`（一）整治目标（二）……`, `（二）重点举措二、……`).
const MAX_GLUED_SIBLING: usize = 12;

/// Finds every heading in `text`.
pub fn find(text: &str) -> Outline {
    let signs = signatures(text);
    let mut accepted: Vec<(u8, u32, usize, usize)> = Vec::new();
    let mut last_ordinal = [0u32; 5];
    let mut attachments_until = 0;
    // The marker before, accepted or not: `（1）（2）两类` and `（一）、（二）项` list clauses, so a
    // marker right after one of its own level, or after one and a 、, is the list's next item.
    let mut prev_marker: Option<(u8, usize)> = None;
    for (level, ordinal, start, marker_end) in markers(text) {
        let listed = prev_marker.is_some_and(|(l, end)| {
            l == level
                && text
                    .get(end..start)
                    .is_some_and(|gap| gap.is_empty() || gap == "、")
        });
        prev_marker = Some((level, marker_end));
        if ordinal == 0 || listed {
            continue;
        }
        let before = &text[..start];
        let after = &text[marker_end..];
        if !follows_well(level, ordinal, after) || start < attachments_until {
            continue;
        }
        if level == 3
            && (before.trim_end().ends_with("附件：") || before.trim_end().ends_with("附件:"))
        {
            // A numbered 附件说明 lists attachment titles, not sections; it runs to the signature.
            attachments_until = signs
                .iter()
                .find(|s| s.start > start)
                .map_or(start, |s| s.start)
                .min(start + 3 * 600);
            continue;
        }
        let ok = match before.chars().next_back() {
            None => true,
            Some(c) if opens_after(c) => true,
            // `<p>一、`: a tag stands where the browser broke the line.
            Some(_) if markup::len_before(before) > 0 => true,
            // `★一、` or an emoji before the marker at the start of a line.
            Some(c) if is_symbol(c) => {
                let lead = before.trim_end_matches(is_symbol);
                lead.chars()
                    .next_back()
                    .map_or(true, |p| p.is_whitespace() || p == '\u{FEFF}')
                    || markup::len_before(lead) > 0
            }
            // `广东省人民政府办公厅2017年5月10日一、……`: the body of a wrapped document starts right
            // after the wrapping notice's signature.
            // Or after the title of the document it issues: `……2024年3月28日修水县防汛应急预案一、总则`.
            Some(_)
                if signs
                    .get(signs.partition_point(|g| g.end < start))
                    .is_some_and(|g| g.end == start) =>
            {
                true
            }
            Some(_) if level == 1 && ordinal == 1 && after_an_issued_title(text, &signs, start) => {
                true
            }
            // Or after the title that the sentence before it cites as the document it issues:
            // `现将《2025年……招生简章》印发给你们……工作。2025年……招生简章一、……`.
            Some(_) if level == 1 && ordinal == 1 && after_a_cited_title(text, start) => true,
            // Or after an annex's label and title: `……附件22024年生活垃圾分类重点任务清单1．统一……`.
            Some(_) if ordinal == 1 && after_an_annex_title(text, start) => true,
            Some(_) => accepted.last().is_some_and(|&(l, o, _, prev_end)| {
                let next = if l == level {
                    ordinal == o.saturating_add(1)
                } else if level < l {
                    ordinal > 1 && ordinal == last_ordinal[usize::from(level)] + 1
                } else {
                    ordinal == 1 || ordinal == last_ordinal[usize::from(level)] + 1
                };
                next && glued_to_heading(text, l, prev_end, level, start)
            }),
        };
        if ok {
            last_ordinal[usize::from(level)] = ordinal;
            accepted.push((level, ordinal, start, marker_end));
        }
    }
    build(text, &accepted, &signs)
}

/// The longest title of an issued document, in characters, between a signature and its body.
const MAX_ISSUED_TITLE: usize = 40;

/// Whether `start` follows a signature and, right after it, the title of the document that notice
/// issues: words without punctuation that end with a 文种.
fn after_an_issued_title(text: &str, signs: &[Signature], start: usize) -> bool {
    let k = signs.partition_point(|g| g.end < start);
    let Some(sign) = k.checked_sub(1).and_then(|k| signs.get(k)) else {
        return false;
    };
    let Some(title) = text.get(sign.end..start) else {
        return false;
    };
    let title = title.trim();
    // Bytes first: the words since the last signature may be most of a long paste.
    title.len() <= 4 * MAX_ISSUED_TITLE
        && title.chars().count() <= MAX_ISSUED_TITLE
        && !title.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':', '!', '?'])
        && crate::document::ends_like_a_title(title)
}

/// How far before its title the sentence citing it may be, in bytes.
const CITATION_WINDOW: usize = 3000;

/// Whether `start` follows a title, after a sentence's end, that a sentence shortly before cites
/// in 《》: the document the notice issues or forwards, its title standing alone before its body.
fn after_a_cited_title(text: &str, start: usize) -> bool {
    let from = char_start_from(text, start.saturating_sub(4 * MAX_ISSUED_TITLE));
    let head = &text[from..start];
    let Some(end) = head.rfind(['。', '！', '？', '\n']) else {
        return false;
    };
    let title_start = from + end + head[end..].chars().next().map_or(0, char::len_utf8);
    let title = text[title_start..start].trim();
    let window = char_start_from(text, title_start.saturating_sub(CITATION_WINDOW));
    text[window..title_start].contains(&format!("《{title}》"))
}

/// The first character boundary of `text` at `at` or after it.
fn char_start_from(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Whether `start` follows an annex's label and, right after it, the annex's title: words without
/// punctuation (`附件2　2024年生活垃圾分类重点任务清单`). A list of annexes (`附件：1．……`) has a colon.
fn after_an_annex_title(text: &str, start: usize) -> bool {
    let from = char_start_from(text, start.saturating_sub(4 * MAX_ISSUED_TITLE));
    let Some(head) = text.get(from..start) else {
        return false;
    };
    let Some(label) = head.rfind("附件") else {
        return false;
    };
    let title = head[label + "附件".len()..]
        .trim_start_matches(is_digit)
        .trim();
    let chars = title.chars().count();
    (2..=MAX_ISSUED_TITLE).contains(&chars)
        && !title.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':', '!', '?'])
}

/// Whether a heading may start right after `c` (U+FEFF is the byte-order mark of a saved file).
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || c == '\u{FEFF}'
        || matches!(
            c,
            '。' | '；' | '：' | '！' | '？' | ';' | ':' | '!' | '?' | '）' | ')' | '】' | '|'
        )
}

/// Bullets, stars, arrows, dingbats and emoji that pages put before a heading.
fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '\u{2022}' | '\u{2190}'..='\u{2BFF}' | '\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}'
    )
}

/// What follows a marker must not make it a number in prose.
fn follows_well(level: u8, ordinal: u32, after: &str) -> bool {
    let next = after.chars().next();
    match level {
        // `1.5倍`, `3.x`; an English `1. Introduction` is not a 公文 heading either.
        3 => {
            let word = after.trim_start_matches([' ', '\t']).chars().next();
            !next.is_some_and(char::is_numeric) && !word.is_some_and(|c| c.is_ascii_alphanumeric())
        }
        // `一、二、三产业` and `一、二类疫苗` list numbers, they do not head a section.
        1 => {
            let rest = after.trim_start_matches(is_numeral);
            let numerals = &after[..after.len() - rest.len()];
            numerals.is_empty()
                || !rest.starts_with('、')
                    && chinese_number(numerals) != Some(ordinal.saturating_add(1))
        }
        // `（一）项` cites a clause; `（一）、（二）项` and `（1）（2）` list clauses. `（一）项目编号`
        // heads a field.
        _ => {
            (!after.starts_with(['项', '款', '条', '、']) || after.starts_with("项目"))
                && !after
                    .strip_prefix(['（', '('])
                    .and_then(bracketed)
                    .is_some_and(|(l, _, _)| l == level)
        }
    }
}

/// Whether a marker at `start` continues the words of the previous heading (level `prev_level`,
/// marker ending at `prev_end`) closely enough to be its glued sub-heading, or, after a short
/// title, its next sibling or the next heading of a higher level.
fn glued_to_heading(text: &str, prev_level: u8, prev_end: usize, level: u8, start: usize) -> bool {
    if start <= prev_end {
        return false;
    }
    // A sub-heading may follow a longer title than a sibling or a higher heading may.
    let max_words = if level > prev_level {
        MAX_GLUED
    } else {
        MAX_GLUED_SIBLING
    };
    let Some(words) = text.get(prev_end..start) else {
        return false;
    };
    if level == prev_level && a_field(words) {
        return true;
    }
    let mut n = 0;
    for c in words.chars() {
        n += 1;
        // A lot's or section's short label may head a title (`（一）包1：理化生实验室设备1.主要……`).
        let labelled = matches!(c, '：' | ':') && (2..=4).contains(&(n - 1)) && level > prev_level;
        if n > max_words
            || c.is_whitespace()
            || (matches!(
                c,
                '。' | '；' | '！' | '？' | '，' | '：' | ',' | ';' | '!' | '?' | ':'
            ) && !labelled)
        {
            return false;
        }
    }
    n >= 2
}

/// The longest field between two sibling headings of a form run together, in characters.
const MAX_GLUED_FIELD: usize = 40;

/// Whether `words` are a form's field, its label and its value (`项目编号：SZCG2024-G-0318`), with
/// no sentence punctuation or white space in the value: a form scraped without line breaks runs
/// each field into the next item's marker (`（一）项目编号：SZCG2024-G-0318（二）项目名称：……`).
fn a_field(words: &str) -> bool {
    // Bytes first: the words since the previous heading may be a long stretch of the paste, asked
    // again at every marker in it.
    if words.len() > 4 * MAX_GLUED_FIELD {
        return false;
    }
    let Some((label, value)) = words.split_once(['：', ':']) else {
        return false;
    };
    let label_chars = label.chars().count();
    (2..=8).contains(&label_chars)
        && label.chars().all(char::is_alphanumeric)
        && label_chars + value.chars().count() < MAX_GLUED_FIELD
        && !value.contains(|c: char| c.is_whitespace() || "。；！？，：,;!?:".contains(c))
}

fn arabic(s: &str) -> Option<u32> {
    let mut n: u32 = 0;
    for c in s.chars() {
        let d = c
            .to_digit(10)
            .or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))?;
        n = n * 10 + d;
    }
    Some(n)
}

/// Titles, ends, parents and repeats for the accepted markers `(level, ordinal, start, marker_end)`.
fn build(
    text: &str,
    accepted: &[(u8, u32, usize, usize)],
    signs: &[crate::document::sign::Signature],
) -> Outline {
    let mut sections: Vec<Section> = Vec::with_capacity(accepted.len());
    let labels = title::Labels::new(text);
    for (i, &(level, ordinal, start, marker_end)) in accepted.iter().enumerate() {
        let limit = accepted.get(i + 1).map_or(text.len(), |a| a.2);
        let words_from = skip_spaces(text, marker_end, limit);
        let title_end = title::title_end(text, words_from, limit, level, &labels);
        sections.push(Section {
            level,
            ordinal,
            marker: text[start..marker_end].to_string(),
            title: title_end.map(|e| text[words_from..e].to_string()),
            start,
            heading_end: title_end.unwrap_or(marker_end),
            end: text.len(),
            parent: None,
            repeat_of: None,
        });
    }

    // A section ends at the next heading of its level or above, or at a signature (the end of its
    // document's body), whichever comes first. One backward pass keeps the next start per level.
    let mut next_at = [text.len(); 5];
    for s in sections.iter_mut().rev() {
        let level = usize::from(s.level.clamp(1, 4));
        let next_heading = next_at[1..=level]
            .iter()
            .copied()
            .min()
            .unwrap_or(text.len());
        let sign = signs
            .partition_point(|g| g.start < s.heading_end)
            .min(signs.len());
        let next_sign = signs.get(sign).map_or(text.len(), |g| g.start);
        s.end = next_heading.min(next_sign).max(s.heading_end);
        next_at[level] = s.start;
    }

    // The parent is the nearest open heading of a higher level.
    let mut open: Vec<usize> = Vec::new();
    for i in 0..sections.len() {
        let (level, start) = (sections[i].level, sections[i].start);
        while let Some(&top) = open.last() {
            if sections[top].level >= level || sections[top].end <= start {
                open.pop();
            } else {
                break;
            }
        }
        sections[i].parent = open.last().copied();
        open.push(i);
    }

    let mut first: HashMap<(u8, u32, String), usize> = HashMap::new();
    for (i, s) in sections.iter_mut().enumerate() {
        if let Some(title) = &s.title {
            let key = (s.level, s.ordinal, title.clone());
            match first.get(&key) {
                Some(&j) => s.repeat_of = Some(j),
                None => {
                    first.insert(key, i);
                }
            }
        }
    }

    let warnings = warn::warnings(&sections);
    Outline { sections, warnings }
}

fn skip_spaces(text: &str, from: usize, limit: usize) -> usize {
    let rest = text.get(from..limit).unwrap_or("");
    from + (rest.len() - markup::trim_start(rest, |c| matches!(c, ' ' | '\u{3000}' | '\t')).len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(text: &str) -> Vec<(u8, u32, Option<String>)> {
        find(text)
            .sections
            .into_iter()
            .map(|s| (s.level, s.ordinal, s.title))
            .collect()
    }

    #[test]
    fn glued_sub_heading_after_a_title() {
        let h = heads("一、持续深化改革全面优化营商环境（一）深化审批制度改革。精简事项。");
        assert_eq!(
            h,
            [
                (1, 1, Some("持续深化改革全面优化营商环境".into())),
                (2, 1, Some("深化审批制度改革".into()))
            ]
        );
    }

    #[test]
    fn empty_and_foreign_text() {
        assert!(heads("").is_empty());
        assert!(heads("1. Introduction 2. Methods 😀𠀀").is_empty());
    }
}
