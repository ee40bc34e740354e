//! 发文机关署名 + 成文日期: `广东省人民政府办公厅2017年5月10日`, on one line or two.
//!
//! The sections module uses the same signatures as places where a document's body stops.

use super::date;

/// A signature and its date, byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Signature {
    /// Start of the issuer's name (the date's start when no name precedes it).
    pub start: usize,
    /// Start of the date.
    pub date_start: usize,
    /// End of the date.
    pub end: usize,
    /// The signing body, when a name precedes the date.
    pub issuer: Option<String>,
    /// ISO date.
    pub date: String,
}

/// Characters an official body's name ends with. A date after anything else is a date in prose.
const ORG_END: &str = "院府厅室部委局会办署行处组团社所司馆心关构盟校";

/// What may follow a date in running text but never a signature's date.
const PROSE_AFTER: [&str; 22] = [
    "，", "、", "起", "前", "后", "以", "至", "到", "的", "是", "在", "为", "止", "内", "印发",
    "发布", "召开", "颁布", "实施", "施行", "出台", "开始",
];

/// Every signature date in `text`, ascending. One scan for dates, plus a bounded look back per date.
pub(crate) fn signatures(text: &str) -> Vec<Signature> {
    let mut out = Vec::new();
    for m in date::written_dates(text) {
        let after = &text[m.end..];
        if PROSE_AFTER.iter().any(|p| after.starts_with(p)) {
            continue;
        }
        // `国务院办公厅<br>2019年1月24日`: a tag breaks the line as a line break does.
        let before = super::markup::trim_end(&text[..m.start], char::is_whitespace);
        let issuer = issuer_before(before);
        // A bare date counts only on a line of its own, as after a signature on the previous
        // line that scrapes sometimes drop.
        let bare_ok = before.len() < m.start
            && (after.is_empty()
                || after.starts_with(['\n', '\r', '（', '('])
                || super::markup::len_at(after) > 0);
        if issuer.is_none() && !bare_ok {
            continue;
        }
        let joint = issuer.map(|(s, _)| joint_start(before, s));
        let start = joint.unwrap_or(m.start);
        out.push(Signature {
            start,
            date_start: m.start,
            end: m.end,
            // Joint names keep one ideographic space between them, as a signature line sets them.
            issuer: joint.map(|s| {
                before[s..]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join("\u{3000}")
            }),
            date: m.iso,
        });
    }
    out
}

/// Where the names of a joint signature start, `教育部　财政部` or one name a line: each earlier
/// name stands alone between white space and a boundary, so the body's last sentence never joins.
fn joint_start(before: &str, mut start: usize) -> usize {
    for _ in 0..4 {
        let head = &before[..start];
        let trimmed = head.trim_end_matches(char::is_whitespace);
        if trimmed.len() == head.len() {
            break;
        }
        let Some((s, name)) = issuer_before(trimmed) else {
            break;
        };
        let alone = trimmed[..s].chars().next_back().map_or(true, is_boundary);
        if !alone || name.chars().count() > 20 {
            break;
        }
        start = s;
    }
    start
}

/// The body's name that ends `before`: back to a sentence boundary, at most 30 characters.
fn issuer_before(before: &str) -> Option<(usize, &str)> {
    let mut start = before.len();
    for (count, (i, c)) in before.char_indices().rev().enumerate() {
        if is_boundary(c) || count >= 30 {
            break;
        }
        start = i;
    }
    let name = &before[start..];
    // A run-together 附件说明 or title may precede the name: keep what follows its last
    // non-name character (a digit, a Latin letter, a closing mark) or its last document word.
    let mut cut = name
        .char_indices()
        .rfind(|&(_, c)| c.is_alphanumeric() && !is_han(c) || "》”）)】．.、".contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    for w in DOCUMENT_WORDS {
        if let Some(i) = name[cut..].rfind(w) {
            cut += i + w.len();
        }
    }
    let name = &name[cut..];
    let last = name.chars().last()?;
    if name.chars().count() < 2 || !ORG_END.contains(last) {
        return None;
    }
    Some((start + cut, name))
}

/// Words that end an attachment or document title, never an issuer's name.
const DOCUMENT_WORDS: [&str; 14] = [
    "办法",
    "方案",
    "清单",
    "目录",
    "分工表",
    "一览表",
    "意见",
    "通知",
    "规定",
    "细则",
    "计划",
    "规划",
    "名单",
    "指南",
];

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{20000}'..='\u{2FFFF}')
}

fn is_boundary(c: char) -> bool {
    c.is_whitespace() || "。；！？，：、;!?:“《（(<>".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_signature_glued_to_the_next_title() {
        let t = "请认真贯彻执行。广东省人民政府办公厅2017年5月10日国务院办公厅关于";
        let s = signatures(t);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].issuer.as_deref(), Some("广东省人民政府办公厅"));
        assert_eq!(s[0].date, "2017-05-10");
    }

    #[test]
    fn ignores_dates_in_prose() {
        assert!(signatures("自2017年5月10日起施行。国务院于2018年3月1日印发").is_empty());
    }
}
