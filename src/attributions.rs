//! Department attributions: the parenthesised 分工 notes that end a task, such as
//! `（国家发展改革委、人民银行牵头负责）`, read into departments with roles and full names.
//!
//! A note is accepted only when it reads completely as lists of names, each followed by a role
//! (`牵头负责`, `按职责分工负责`, `参与` …) or preceded by a label (`责任单位：`). Anything else in a
//! parenthesis (a clarification such as `（其中中小学由教育行政部门负责）`, a signature with a date, a
//! document number) fails that reading and is left alone. Rejecting a whole note on one odd word
//! loses a few real notes but never invents departments, which matters more to a reader.
//!
//! ```
//! use notice_lens::attributions::find;
//! use notice_lens::{Document, Role};
//!
//! let text = "扩大出口信用保险覆盖面。（商务部牵头，国务院相关部门及各地区按职责分工负责）";
//! let notes = find(text, &[], &Document::default());
//! let roles: Vec<(&str, Role)> =
//!     notes[0].departments.iter().map(|d| (d.name.as_str(), d.role)).collect();
//! assert_eq!(
//!     roles,
//!     [("商务部", Role::Lead), ("国务院相关部门", Role::Shared), ("各地区", Role::Shared)]
//! );
//! ```

use std::collections::{HashMap, VecDeque};
use std::sync::OnceLock;

use regex::Regex;

use crate::gazetteer::{self, gazetteer, Locality};
use crate::report::{Attribution, Department, DepartmentKind, Document, Role, Section};

/// The longest note read, in bytes (about 300 Chinese characters). The longest seen in 国务院 and
/// provincial documents is about 120; the bound keeps the scan linear on unbalanced input.
const MAX_NOTE_BYTES: usize = 900;

/// How many unclosed parentheses are remembered. Notes nest at most two deep (`省X（牵头）`);
/// a long run of openers from damaged text must not grow memory.
const MAX_OPEN: usize = 16;

/// The longest department name accepted, in characters.
const MAX_NAME_CHARS: usize = 40;

/// Finds every 分工 note in `text`. Offsets are UTF-8 bytes.
///
/// `sections` may be empty; `section` is then `None` and a task starts after the previous note.
pub fn find(text: &str, sections: &[Section], document: &Document) -> Vec<Attribution> {
    let notes = candidates(text);
    if notes.is_empty() {
        return Vec::new();
    }
    let date = reference_date(text, document);
    let locality = locality(text, document);
    let mut resolved: HashMap<String, Department> = HashMap::new();
    let mut out = Vec::with_capacity(notes.len());
    let mut same_below = false;
    let mut last_end = 0;
    for note in notes {
        let first_leads = note.parsed.first_is_lead || same_below;
        same_below |= note.parsed.same_below;
        let mut departments: Vec<Department> = note
            .parsed
            .entries
            .into_iter()
            .map(|(name, role)| {
                // Long texts name the same few dozen bodies thousands of times.
                let d = resolved.entry(name).or_insert_with_key(|name| {
                    department(name.clone(), role, date.as_deref(), locality.as_ref())
                });
                Department { role, ..d.clone() }
            })
            .collect();
        if first_leads && !departments.iter().any(|d| d.role == Role::Lead) {
            if let Some(first) = departments.first_mut() {
                first.role = Role::Lead;
            }
        }
        let section = innermost(sections, note.start, note.end);
        let scope_start = scope_start(text, sections, section, last_end, note.start);
        out.push(Attribution {
            start: note.start,
            end: note.end,
            scope_start,
            section,
            departments,
            repeat_of: None,
        });
        last_end = note.end;
    }
    out
}

/// A note that reads as an attribution, before names are resolved.
struct Note {
    start: usize,
    end: usize,
    parsed: Parsed,
}

#[derive(Debug, Default, PartialEq)]
struct Parsed {
    entries: Vec<(String, Role)>,
    /// `排在第一位的部门为牵头部门`.
    first_is_lead: bool,
    /// `下同`: the first-is-lead reading holds for every later note too.
    same_below: bool,
}

fn is_open(c: char) -> bool {
    matches!(c, '（' | '(')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | ')')
}

/// Balanced parentheses that read as notes, outermost kept, in text order.
///
/// One pass with a bounded stack: O(n) whatever the nesting or balance of the input. Pairs close
/// inner-first, so when an outer pair reads as a note, the inner notes it swallowed (there are none
/// in real notes, but `（省发展改革委（牵头））` must not give two) are dropped from the tail.
fn candidates(text: &str) -> Vec<Note> {
    let mut open: VecDeque<usize> = VecDeque::new();
    let mut notes: Vec<Note> = Vec::new();
    // Bytes, not chars: every character that matters is ASCII or starts with 0xEF (（ is EF BC 88,
    // ） EF BC 89), and 0xEF only ever leads a character, so no decoding is needed to find them.
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let wide = |last: u8| b == 0xEF && bytes.get(i + 1..i + 3) == Some(&[0xBC, last]);
        if b == b'\n' || b == b'\r' {
            // A note never spans a line break; an opener left before one is damage.
            open.clear();
        } else if b == b'(' || wide(0x88) {
            if open.len() == MAX_OPEN {
                open.pop_front();
            }
            open.push_back(i);
        } else if b == b')' || wide(0x89) {
            let Some(start) = open.pop_back() else {
                continue;
            };
            let end = i + if b == b')' { 1 } else { '）'.len_utf8() };
            if end - start > MAX_NOTE_BYTES {
                continue;
            }
            let opener = text[start..].chars().next().map_or(1, char::len_utf8);
            let Some(parsed) = text.get(start + opener..i).and_then(parse_note) else {
                continue;
            };
            while notes.last().is_some_and(|n| n.start > start) {
                notes.pop();
            }
            notes.push(Note { start, end, parsed });
        }
    }
    notes
}

/// Words without which a parenthesis cannot be a note; a cheap filter before parsing.
const ROLE_WORDS: &[&str] = &[
    "负责",
    "牵头",
    "参与",
    "配合",
    "协助",
    "单位",
    "部门：",
    "主责",
];

/// Role phrases that end a list, longest first so that 牵头负责 is not read as 负责.
const ROLE_SUFFIXES: &[(&str, Role)] = &[
    ("按照职责分工负责", Role::Shared),
    ("按职责分工负责", Role::Shared),
    ("按职能分工负责", Role::Shared),
    ("按职责分工落实", Role::Shared),
    ("按分工负责", Role::Shared),
    ("按职责负责", Role::Shared),
    ("分工负责", Role::Shared),
    ("共同负责", Role::Shared),
    ("负责落实", Role::Shared),
    ("牵头负责", Role::Lead),
    ("牵头落实", Role::Lead),
    ("牵头实施", Role::Lead),
    ("参与配合", Role::Participant),
    ("配合落实", Role::Participant),
    ("共同参与", Role::Participant),
    ("负责", Role::Shared),
    ("牵头", Role::Lead),
    ("主责", Role::Lead),
    ("参与", Role::Participant),
    ("配合", Role::Participant),
    ("协助", Role::Participant),
];

/// Marks of dates, document numbers, quotations and sentences. A `[char]`, not a `&str`: `contains`
/// on a `&str` is a substring search per character, far slower, above all in wasm.
const NEVER_IN_NOTES: [char; 17] = [
    '〇', '〔', '〕', '【', '】', '[', ']', '《', '》', '“', '”', '"', '。', '！', '？', '!', '?',
];

/// Reads the inside of a parenthesis as a note, or `None` when it is anything else.
fn parse_note(inner: &str) -> Option<Parsed> {
    if !ROLE_WORDS.iter().any(|w| inner.contains(w)) {
        return None;
    }
    let inner = trim(inner).trim_end_matches(['。', '；', ';']);
    // Dates, document numbers, quotations and sentences are never part of a note.
    if inner
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || NEVER_IN_NOTES.contains(&c))
    {
        return None;
    }
    let mut parsed = Parsed::default();
    let mut carried: Option<Role> = None;
    let mut pending: Vec<String> = Vec::new();
    for clause in split_top(inner, &['，', ',', '；', ';']) {
        let clause = trim(clause);
        if clause.is_empty() {
            continue;
        }
        if clause == "下同" {
            parsed.same_below = true;
            continue;
        }
        if clause.contains("第一") && clause.contains("牵头") {
            // 排在第一位的部门为牵头部门 / 排在第一位的为牵头单位, possibly with 下同 attached.
            parsed.first_is_lead = true;
            parsed.same_below |= clause.contains("下同");
            continue;
        }
        let (label, body) = split_label(clause)?;
        if label.is_some() {
            carried = label;
        }
        let (list, suffix) = strip_role(body);
        let role = suffix.or(label).or(carried);
        let Some(role) = role else {
            pending.push(list.to_string());
            continue;
        };
        for earlier in pending.drain(..) {
            add_names(&earlier, role, &mut parsed.entries)?;
        }
        if list.is_empty() {
            continue;
        }
        if let Some((lead, others)) = list.split_once("会同") {
            // 甲会同乙负责: 甲 convenes, so it leads; named partners take part, and unnamed ones
            // (有关方面, 有关部门) are no department at all.
            add_names(lead, Role::Lead, &mut parsed.entries)?;
            let mut partners = Vec::new();
            add_names(others, Role::Participant, &mut partners)?;
            parsed
                .entries
                .extend(partners.into_iter().filter(|(n, _)| !is_collective(n)));
        } else {
            add_names(list, role, &mut parsed.entries)?;
        }
    }
    if !pending.is_empty() || parsed.entries.is_empty() {
        return None;
    }
    Some(parsed)
}

/// Splits `责任单位：…` into its role and the rest. `Some((None, clause))` when there is no label;
/// `None` when a colon introduces something that is not a role label.
fn split_label(clause: &str) -> Option<(Option<Role>, &str)> {
    let Some(colon) = find_top(clause, &['：', ':']) else {
        return Some((None, clause));
    };
    let label = trim(&clause[..colon]);
    let mut after = clause[colon..].chars();
    after.next();
    let rest = after.as_str();
    if !(label.ends_with("单位") || label.ends_with("部门")) || label.chars().count() > 8 {
        return None;
    }
    let role = if ["牵头", "主办", "主责"].iter().any(|w| label.contains(w)) {
        Role::Lead
    } else if ["配合", "参与", "协办", "协助"]
        .iter()
        .any(|w| label.contains(w))
    {
        Role::Participant
    } else {
        Role::Shared
    };
    Some((Some(role), trim(rest)))
}

fn strip_role(body: &str) -> (&str, Option<Role>) {
    for (suffix, role) in ROLE_SUFFIXES {
        if let Some(list) = body.strip_suffix(suffix) {
            return (trim(list), Some(*role));
        }
    }
    (body, None)
}

/// Adds the names of a list such as `国家发展改革委、教育部等部门` with `role`; `None` when an item
/// is not a name.
fn add_names(list: &str, role: Role, out: &mut Vec<(String, Role)>) -> Option<()> {
    for item in split_top(list, &['、', '/', '／', '及']) {
        // 以及 splits at 及 and leaves the 以.
        let item = trim(item);
        let item = trim(item.strip_suffix('以').unwrap_or(item));
        if item.is_empty() {
            continue;
        }
        let (item, marked_lead) = match item
            .strip_suffix("（牵头）")
            .or_else(|| item.strip_suffix("(牵头)"))
        {
            Some(rest) => (trim(rest), true),
            None => (item, false),
        };
        let item = ["等部门", "等单位", "等"]
            .iter()
            .find_map(|s| item.strip_suffix(s))
            .map_or(item, trim);
        let role = if marked_lead { Role::Lead } else { role };
        // 甲等有关部门: 甲, then the collective.
        let parts = match ["等有关", "等相关", "等各", "等其他"]
            .iter()
            .find_map(|s| item.find(s))
        {
            Some(at) => vec![trim(&item[..at]), trim(&item[at + "等".len()..])],
            // 各地区各部门: two groups written without a 、. 国务院各部门 stays one.
            None if item.starts_with('各') => item
                .match_indices('各')
                .map(|(i, _)| i)
                .chain([item.len()])
                .collect::<Vec<_>>()
                .windows(2)
                .map(|w| &item[w[0]..w[1]])
                .collect(),
            None => vec![item],
        };
        for name in parts {
            if name.is_empty() {
                continue;
            }
            if !is_name(name) {
                return None;
            }
            out.push((name.to_string(), role));
        }
    }
    Some(())
}

/// Words that mark a clause, not a name: 其中…由…负责 and the like.
const NOT_IN_NAMES: &[&str] = &[
    "其中", "的", "以下", "简称", "包括", "详见", "另行", "具体", "如下", "除外", "按照", "要求",
];

/// How names of bodies and groups end.
const NAME_ENDINGS: &[&str] = &[
    "部", "委", "局", "署", "办", "行", "会", "院", "厅", "室", "处", "组", "社", "所", "站", "司",
    "团", "馆", "校", "队", "台", "联", "协", "中心", "单位", "部门", "政府", "地区", "各地",
    "方面", "机构", "企业", "高校", "公司", "集团", "机关", "党委", "党组", "省", "市", "县", "区",
    "州", "盟", "街道", "乡镇", "镇", "乡", "基地", "园区",
];

fn is_name(name: &str) -> bool {
    let chars = name.chars().count();
    if !(2..=MAX_NAME_CHARS).contains(&chars) {
        return false;
    }
    if NOT_IN_NAMES.iter().any(|w| name.contains(w)) {
        return false;
    }
    // 由 says who does a thing inside a sentence; 自由 (自由贸易试验区) is a name.
    if name.replace("自由", "").contains('由') {
        return false;
    }
    if name
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '：' | ':' | '，' | ',' | '；' | ';'))
    {
        return false;
    }
    gazetteer().lookup(name, None).is_some()
        || is_collective(name)
        || NAME_ENDINGS.iter().any(|e| name.ends_with(e))
}

/// Groups, not one body: 各地区, 国务院相关部门, 各省级人民政府, 联席会议成员单位.
pub fn is_collective(name: &str) -> bool {
    ["各", "有关", "相关", "其他", "地方"]
        .iter()
        .any(|p| name.starts_with(p))
        || [
            "有关部门",
            "相关部门",
            "有关单位",
            "相关单位",
            "有关方面",
            "各部门",
            "各地",
            "各级",
        ]
        .iter()
        .any(|w| name.contains(w))
        || name.ends_with("成员单位")
}

fn department(
    name: String,
    role: Role,
    date: Option<&str>,
    locality: Option<&Locality>,
) -> Department {
    let mut d = Department {
        canonical: name.clone(),
        name,
        role,
        kind: DepartmentKind::Department,
        category: None,
        current: None,
        current_name: None,
    };
    if is_collective(&d.name) {
        d.kind = DepartmentKind::Collective;
    } else if let Some(r) = gazetteer().resolve(&d.name, date) {
        d.canonical = r.canonical;
        d.category = Some(r.category);
        d.current = r.current;
        d.current_name = r.current_name;
    } else if let Some(full) = locality.and_then(|l| gazetteer::provincial(&d.name, l)) {
        d.canonical = full;
    }
    d
}

/// Index of the innermost section holding `start..end`: the last with `start <= start` and
/// `end >= end`. Sections are in text order, so a binary search finds the last that starts before
/// the note and parent links climb from there; the walk is bounded so bad links cannot loop.
fn innermost(sections: &[Section], start: usize, end: usize) -> Option<usize> {
    let mut i = sections
        .partition_point(|s| s.start <= start)
        .checked_sub(1)?;
    for _ in 0..64 {
        let s = &sections[i];
        if s.start <= start && s.end >= end {
            return Some(i);
        }
        i = match s.parent {
            Some(p) if p < i => p,
            _ => i.checked_sub(1)?,
        };
    }
    None
}

/// Where the task of a note starting at `start` begins: after the previous note or after the
/// heading of the enclosing section, whichever is later, past any punctuation and spaces.
///
/// The heading is left out because `section` already names it; the task is the body under it.
fn scope_start(
    text: &str,
    sections: &[Section],
    section: Option<usize>,
    last_end: usize,
    start: usize,
) -> usize {
    let mut from = last_end;
    let mut heading_words = None;
    if let Some(s) = section.and_then(|i| sections.get(i)) {
        if s.heading_end <= start {
            from = from.max(s.heading_end);
            heading_words = s
                .title
                .as_ref()
                .and_then(|t| s.heading_end.checked_sub(t.len()))
                .filter(|&w| w >= last_end);
        }
    }
    // `（六）完善政府采购政策措施（财政部牵头）。`: a note right after a heading assigns the
    // heading itself, so the task is the heading's words.
    if let Some(words) = heading_words {
        let gap = text.get(from.min(start)..start).unwrap_or("");
        if gap.chars().all(is_filler) {
            return words;
        }
    }
    let mut from = from.min(start);
    while from < start && !text.is_char_boundary(from) {
        from += 1;
    }
    let skipped = text
        .get(from..start)
        .map_or(0, |t| t.len() - t.trim_start_matches(is_filler).len());
    from + skipped
}

fn is_filler(c: char) -> bool {
    c.is_whitespace() || "。；;，,：:、".contains(c)
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace())
}

/// Byte offsets of the characters in `seps` that stand outside nested parentheses, so that the
/// 、 in 各县（市、区）人民政府 is never a separator.
fn top_level<'a>(s: &'a str, seps: &'a [char]) -> impl Iterator<Item = (usize, char)> + 'a {
    let mut depth = 0usize;
    s.char_indices().filter(move |&(_, c)| {
        if is_open(c) {
            depth += 1;
        } else if is_close(c) {
            depth = depth.saturating_sub(1);
        } else {
            return depth == 0 && seps.contains(&c);
        }
        false
    })
}

/// Splits at any of `seps` outside nested parentheses.
fn split_top<'t>(s: &'t str, seps: &[char]) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in top_level(s, seps) {
        out.push(&s[from..i]);
        from = i + c.len_utf8();
    }
    out.push(&s[from..]);
    out
}

fn find_top(s: &str, seps: &[char]) -> Option<usize> {
    top_level(s, seps).next().map(|(i, _)| i)
}

fn regex(cell: &'static OnceLock<Option<Regex>>, pattern: &str) -> Option<&'static Regex> {
    cell.get_or_init(|| Regex::new(pattern).ok()).as_ref()
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The date names are read as of: the document's 成文日期, else its 发布日期, else a labelled date
/// in the text, else the latest year of a 发文字号 in the text (a document cites only older numbers,
/// so the latest is its own). `None` when there is no date at all: names are then read as written.
pub fn reference_date(text: &str, document: &Document) -> Option<String> {
    for d in [&document.date, &document.published].into_iter().flatten() {
        if is_iso_date(d) {
            return Some(d.clone());
        }
    }
    // Both patterns are anchored and tried only where a literal search says a match can start:
    // the crate's regex build has only the PikeVM, which took 60 ms a megabyte to walk the whole
    // text for these two, more than the rest of the analysis together. Leftmost-first matching
    // makes the first start that matches the same match an unanchored search would find.
    static LABELLED: OnceLock<Option<Regex>> = OnceLock::new();
    let labelled = regex(
        &LABELLED,
        r"^(?:发布日期|成文日期|印发日期|发文日期)\s*[:：]?\s*((?:19|20)\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})",
    );
    let first = labelled.and_then(|r| {
        text.match_indices("日期").find_map(|(i, _)| {
            let start = i.checked_sub("发布".len())?;
            let label = text.get(start..i)?;
            ["发布", "成文", "印发", "发文"]
                .contains(&label)
                .then(|| r.captures(&text[start..]))
                .flatten()
        })
    });
    if let Some(c) = first {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        if let (Some(y), Some(m), Some(d)) = (n(1), n(2), n(3)) {
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    static NUMBER_YEAR: OnceLock<Option<Regex>> = OnceLock::new();
    let years = regex(
        &NUMBER_YEAR,
        r"^[〔\[【（(]((?:19|20)\d{2})[〕\]】）)]\s*\d{1,4}\s*号",
    )?;
    // Every match is a bracket right before `19` or `20`. Matches cannot overlap (no bracket
    // opens inside one), so trying each such bracket finds the same matches as `captures_iter`.
    let b = text.as_bytes();
    (1..b.len().saturating_sub(1))
        .filter(|&p| matches!((b[p], b[p + 1]), (b'1', b'9') | (b'2', b'0')))
        .filter_map(|p| {
            let open = text[..p].chars().next_back()?;
            matches!(open, '〔' | '[' | '【' | '（' | '(')
                .then(|| years.captures(&text[p - open.len_utf8()..]))
                .flatten()
        })
        .filter_map(|c| c.get(1).and_then(|m| m.as_str().parse::<u32>().ok()))
        .max()
        .map(|y| format!("{y:04}-01-01"))
}

/// The province (or city) whose 省/市 departments the notes name: from the issuer, else the title,
/// else the first 发文字号, else the opening of the text.
pub fn locality(text: &str, document: &Document) -> Option<Locality> {
    if let Some(l) = document.issuer.as_deref().and_then(Locality::from_name) {
        return Some(l);
    }
    if let Some(l) = document.title.as_deref().and_then(Locality::from_name) {
        return Some(l);
    }
    let numbers = document.doc_number.iter().chain(&document.doc_numbers);
    if let Some(l) = numbers.filter_map(|n| Locality::from_doc_number(n)).next() {
        return Some(l);
    }
    static NUMBER: OnceLock<Option<Regex>> = OnceLock::new();
    let head_end = (0..=text.len().min(4096))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let head = &text[..head_end];
    if let Some(m) =
        regex(&NUMBER, r"\p{Han}{1,6}[〔\[【]\d{4}[〕\]】]\d{1,4}号").and_then(|r| r.find(head))
    {
        if let Some(l) = Locality::from_doc_number(m.as_str()) {
            return Some(l);
        }
    }
    Locality::from_name(trim(head))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<Vec<(String, Role)>> {
        find(text, &[], &Document::default())
            .into_iter()
            .map(|a| {
                a.departments
                    .into_iter()
                    .map(|d| (d.name, d.role))
                    .collect()
            })
            .collect()
    }

    fn section(start: usize, heading_end: usize, end: usize, parent: Option<usize>) -> Section {
        Section {
            level: if parent.is_some() { 2 } else { 1 },
            ordinal: 1,
            marker: String::new(),
            title: None,
            start,
            heading_end,
            end,
            parent,
            repeat_of: None,
        }
    }

    #[test]
    fn reads_one_lead() {
        assert_eq!(
            names("加快发展。（质检总局牵头负责）"),
            [vec![("质检总局".to_string(), Role::Lead)]]
        );
    }

    #[test]
    fn rejects_clarifications_signatures_and_citations() {
        for text in [
            "实行分级管理（其中中小学由教育行政部门负责），",
            "（国家发展改革委　二〇一六年三月五日）",
            "（国办发〔2017〕4号）",
            "各县（市、区）人民政府",
            "（牵头）",
            "（负责）",
            "（试行）",
            "（具体办法由财政部另行制定并负责解释）",
        ] {
            assert!(names(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn nested_lead_mark_gives_one_note() {
        assert_eq!(
            names("（责任单位：省发展改革委（牵头）、省科技厅）"),
            [vec![
                ("省发展改革委".to_string(), Role::Lead),
                ("省科技厅".to_string(), Role::Shared)
            ]]
        );
    }

    #[test]
    fn section_and_scope_from_hand_built_sections() {
        let text =
            "一、总体要求（一）指导思想。加快发展。（质检总局牵头负责）放宽限制。（统计局牵头）";
        let h1 = text.find("一、").unwrap();
        let h2 = text.find("（一）").unwrap();
        let h2_end = text.find("。加快").unwrap();
        let sections = vec![
            section(h1, h2, text.len(), None),
            section(h2, h2_end, text.len(), Some(0)),
        ];
        let found = find(text, &sections, &Document::default());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].section, Some(1));
        assert_eq!(&text[found[0].scope_start..found[0].start], "加快发展。");
        assert_eq!(&text[found[1].scope_start..found[1].start], "放宽限制。");
    }

    #[test]
    fn scope_without_sections_starts_at_the_text_or_previous_note() {
        let text = "　加快发展。（质检总局牵头负责）";
        let found = find(text, &[], &Document::default());
        assert_eq!(&text[found[0].scope_start..found[0].start], "加快发展。");
        assert_eq!(found[0].section, None);
    }

    #[test]
    fn innermost_survives_bad_parent_links() {
        let sections = vec![section(0, 1, 5, Some(3)), section(6, 7, 8, Some(1))];
        assert_eq!(innermost(&sections, 9, 10), None);
        assert_eq!(innermost(&sections, 2, 3), Some(0));
        assert_eq!(innermost(&[], 2, 3), None);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let mut s = "（".repeat(10_000);
        s.push_str(&"）".repeat(10_000));
        s.push_str("𠀀😀（𠀀负责）(<b>国家发展改革委</b>牵头)（（（");
        s.push_str(&"（商务部负责".repeat(1000));
        let _ = find(&s, &[], &Document::default());
        let _ = find("", &[], &Document::default());
        let _ = find("）", &[], &Document::default());
    }

    #[test]
    fn reference_date_prefers_document_then_label_then_number_year() {
        let mut d = Document::default();
        assert_eq!(
            reference_date("发布日期:2017-06-01", &d).as_deref(),
            Some("2017-06-01")
        );
        assert_eq!(
            reference_date("粤府办〔2017〕32号，按照国办发〔2016〕4号", &d).as_deref(),
            Some("2017-01-01")
        );
        d.date = Some("2019-03-01".into());
        assert_eq!(reference_date("", &d).as_deref(), Some("2019-03-01"));
        assert_eq!(reference_date("", &Document::default()), None);
    }
}
