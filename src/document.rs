//! GB/T 9704 document elements: 标题, 发文字号, 发文机关, 主送机关, 成文日期, 附注, 附件, and the
//! documents a 转发/印发 notice wraps.
//!
//! A document is read as a header, a body and a signature:
//!
//! - the **header** runs from the document's start to the colon that closes the 主送 line. Its title
//!   ends at a 文种 word (通知, 意见, 方案…) that is followed by something a title is followed by: a
//!   line break, a 发文字号, `发布日期`, a rule, or an addressee list. Its own 发文字号 is the first
//!   one in the header; numbers cited in the body (`按照国办发〔2017〕4号文`) come later;
//! - the **body** runs to the first signature after it (`广东省人民政府办公厅2017年5月10日`), which gives
//!   成文日期 and, when the title does not name it, the issuer;
//! - a **wrapped document** is named in the body's `现将《…》（…号）转发给你们` sentence. Its own header
//!   follows the wrapping notice's signature (and 附注), and is read the same way, to any depth;
//! - the documents that restate the text before them by design, for the repeat finder: a 解读 or
//!   起草说明 under a title that names the document it explains, and the annexes a notice lists;
//!   and the summary boxes (`【重要提示】`) whose points the body after them gives in full.

pub(crate) mod date;
pub(crate) mod markup;
pub(crate) mod number;
pub(crate) mod sign;

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::report::{Document, Section};
use number::DocNumber;
use sign::Signature;

/// How far after a document's start its header may reach, in bytes.
const HEADER_WINDOW: usize = 3000;
/// How deep 转发 notices may nest.
const MAX_DEPTH: usize = 8;
/// How many documents one notice may wrap.
const MAX_WRAPPED: usize = 8;

/// Everything found in one pass over the text, shared by the documents read from it.
struct Ctx<'t> {
    text: &'t str,
    numbers: Vec<DocNumber>,
    signs: Vec<Signature>,
    sections: &'t [Section],
}

/// Reads title, 发文字号, issuer, addressees and dates.
pub fn read(text: &str, sections: &[Section]) -> Document {
    read_with_starts(text, sections).0
}

/// Where the documents that a text holds start, as the repeat finder needs them: byte offsets,
/// ascending.
#[derive(Debug, Default)]
pub(crate) struct Starts {
    /// Each forwarded document's title.
    pub forwarded: Vec<usize>,
    /// Each of the documents issued together (see [`issued_together`]), ascending.
    pub issued_together: Vec<IssuedStart>,
}

/// [`read`], with where the documents found in the text start.
pub(crate) fn read_with_starts(text: &str, sections: &[Section]) -> (Document, Starts) {
    let ctx = Ctx {
        text,
        numbers: number::numbers(text),
        signs: sign::signatures(text),
        sections,
    };
    let mut starts = Vec::new();
    let mut doc = parse(&ctx, 0, None, 0, &mut starts);
    let mut seen = std::collections::HashSet::new();
    doc.doc_numbers = ctx
        .numbers
        .iter()
        .filter(|n| seen.insert(n.text.as_str()))
        .map(|n| n.text.clone())
        .collect();
    doc.published = published(text);
    // A page's information table names what a paste of the body alone may lack.
    if doc.date.is_none() {
        doc.date = page_field(text, "成文日期").and_then(|v| date::page_date(&v));
    }
    if doc.issuer.is_none() {
        doc.issuer = page_field(text, "发文机关");
    }
    starts.sort_unstable();
    starts.dedup();
    let issued_together = issued_together(text, &ctx.numbers);
    (
        doc,
        Starts {
            forwarded: starts,
            issued_together,
        },
    )
}

/// Where one of the documents issued together in a text starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IssuedStart {
    /// Its 发文字号's start.
    pub at: usize,
    /// Which of them it is, counted in the order they first occur.
    pub document: usize,
    /// Whether its number was met before: it heads a scrape's copy of that document, not another.
    pub again: bool,
}

/// Where each of the documents issued together in a text starts: decisions or replies of one
/// series published on one page, each under its own 发文字号 (`青林许准〔2024〕21号`, `……22号`) that
/// heads its addressee (`云溪县水利局：`); and the issues of a series bound together, each under its
/// own header (`县政府第7期专题会议纪要`, `……第8期……`, see [`bound_issues`]). They are written from
/// one model, so they share sentences by design: the grounds, the conditions, the right of
/// appeal, the signature; each minutes' closing requirement. Two documents at least of one series
/// (an agency code and year, or a series' header).
fn issued_together(text: &str, numbers: &[DocNumber]) -> Vec<IssuedStart> {
    // (where, series, which document of it)
    let mut heads: Vec<(usize, &str, &str)> = numbers
        .iter()
        .filter(|n| heads_an_addressee(text, n))
        .map(|n| {
            let series = n.text.split_once('〕').map_or("", |(series, _)| series);
            (n.start, series, n.text.as_str())
        })
        .collect();
    heads.extend(bound_issues(text));
    heads.sort_unstable_by_key(|&(at, ..)| at);
    let mut documents: HashMap<(&str, &str), usize> = HashMap::new();
    let mut per_series: HashMap<&str, usize> = HashMap::new();
    let mut starts = Vec::with_capacity(heads.len());
    for &(at, series, which) in &heads {
        let next = documents.len();
        let again = match documents.entry((series, which)) {
            Entry::Occupied(_) => true,
            Entry::Vacant(entry) => {
                entry.insert(next);
                *per_series.entry(series).or_default() += 1;
                false
            }
        };
        starts.push((at, series, which, again));
    }
    starts
        .into_iter()
        .filter(|(_, series, ..)| per_series.get(series).is_some_and(|&count| count >= 2))
        .map(|(at, series, which, again)| IssuedStart {
            at,
            document: documents[&(series, which)],
            again,
        })
        .collect()
}

/// The kinds of a series whose issues are bound together: minutes, bulletins.
const SERIES_KINDS: [&str; 6] = ["纪要", "简报", "快报", "专报", "通报", "专刊"];

/// The headers of a series' issues (`县政府第7期专题会议纪要`): where each starts, the series (what
/// follows the issue's number: `专题会议纪要`) and the issue's number. A header stands alone: after
/// a line break, a sentence's end, a closing bracket or a date (a scrape that lost its line
/// breaks), a few words before `第…期` and the kind right after the series' name, followed by a
/// line break, white space, the meeting's date or the end. A sentence that names an issue
/// (`根据县政府第7期专题会议纪要精神`, `《……第7期简报》`) goes on after it.
fn bound_issues(text: &str) -> impl Iterator<Item = (usize, &str, &str)> + '_ {
    const PREFIX_CHARS: usize = 12;
    const SERIES_CHARS: usize = 16;
    text.match_indices('第').filter_map(move |(at, _)| {
        let after = &text[at + '第'.len_utf8()..];
        let digits = after
            .find(|c: char| !(c.is_ascii_digit() || ('０'..='９').contains(&c) || is_numeral(c)))
            .unwrap_or(after.len());
        let number = &after[..digits];
        let rest = after[digits..].strip_prefix('期')?;
        if number.is_empty() {
            return None;
        }
        let name_end = rest
            .char_indices()
            .take(SERIES_CHARS)
            .take_while(|&(_, c)| is_ideograph(c))
            .map(|(i, c)| i + c.len_utf8())
            .filter(|&end| SERIES_KINDS.iter().any(|kind| rest[..end].ends_with(kind)))
            .last()?;
        let series = &rest[..name_end];
        let ends = rest[name_end..]
            .chars()
            .next()
            .map_or(true, |c| c.is_whitespace() || c.is_ascii_digit());
        let prefix = text[..at]
            .char_indices()
            .rev()
            .take(PREFIX_CHARS + 1)
            .take_while(|&(_, c)| is_ideograph(c))
            .last()
            .map_or(at, |(i, _)| i);
        let before = text[..prefix].chars().next_back();
        let opens = before.map_or(true, |c| {
            c.is_whitespace()
                || c.is_ascii_digit()
                || matches!(c, '。' | '！' | '？' | '；' | '）' | ')' | '】' | '>')
        });
        let short = text[prefix..at].chars().count() <= PREFIX_CHARS;
        (ends && opens && short).then_some((prefix, series, number))
    })
}

fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// A `match`, not `"一二…".contains(c)`, which searches for a three-byte character as a string:
/// this is asked of the characters after every `第` of the text.
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '〇' | '零'
    )
}

/// Whether the 发文字号 `number` heads an addressee, as a document's own does (a cited one, inside a
/// sentence, is followed by the sentence's words).
fn heads_an_addressee(text: &str, number: &DocNumber) -> bool {
    let after = text[number.end..].trim_start_matches(is_filler);
    let colon = after
        .char_indices()
        .take(ADDRESSEE_CHARS)
        .find(|&(_, c)| c == '：' || c == ':')
        .map(|(at, _)| at);
    !is_cited(text, number.start)
        && colon.is_some_and(|colon| addressee_list(&after[..colon]).is_some())
}

/// How many characters an addressee line may have, as [`addressee_list`] allows.
const ADDRESSEE_CHARS: usize = 200;

/// Where each 解读 or 起草说明 that follows the text it explains starts (its title), ascending. Such a
/// document restates and quotes the clauses it explains, by design.
///
/// Its title stands where a title does: at the start of a line or after a sentence's end (a scrape
/// that lost its line breaks), and is followed by a line break, white space, or its first heading
/// (`……政策解读一、出台背景`). A sentence that mentions one (`……做好《条例》解读工作`), and an entry of a
/// list of attachments (`2.关于《……》的起草说明`), is none.
pub(crate) fn interpretation_starts(text: &str) -> Vec<usize> {
    const KINDS: [&str; 3] = ["解读", "起草说明", "编制说明"];
    let mut out = Vec::new();
    // A scan for the kind words and back to the cited title: a regex with the title's bounded
    // length took five times the whole analysis's instructions on a 1 MB scrape.
    for kind in KINDS {
        for (kind_at, _) in text.match_indices(kind) {
            let Some(start) = cited_title_before(&text[..kind_at]) else {
                continue;
            };
            let before = text[..start].trim_end_matches([' ', '\t', '\u{3000}', '\r']);
            let opens_a_line = before.is_empty() || before.ends_with(['\n', '。', '！', '？', '>']);
            let after = &text[kind_at + kind.len()..];
            let rest = after.trim_start_matches([' ', '\t', '\u{3000}', '\r']);
            let ends_a_line = rest.is_empty()
                || rest.len() < after.len()
                || rest.starts_with('\n')
                || ["一、", "（一）", "(一)"]
                    .iter()
                    .any(|w| rest.starts_with(w));
            // Something must come before it for it to explain.
            if opens_a_line && ends_a_line && !before.is_empty() {
                out.push(start);
            }
        }
    }
    out.sort_unstable();
    out
}

/// How far a summary box may run before the body's first part, in bytes.
const SUMMARY_BOX_BYTES: usize = 4000;

/// The summary boxes that open a notice before its body (`【重要提示】`, `【温馨提示】`, `【特别提示】`,
/// then numbered points): each from its label to the body's first level-1 heading. A portal puts
/// the points a reader must not miss first, in the body's own words, which the body then gives in
/// full.
pub(crate) fn summary_boxes(text: &str, sections: &[Section]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (at, _) in text.match_indices('【') {
        let label_end = text[at..]
            .char_indices()
            .take(8)
            .find(|&(_, c)| c == '】')
            .map(|(k, _)| at + k);
        let Some(label_end) = label_end else {
            continue;
        };
        if !text[at..label_end].ends_with("提示") || out.last().is_some_and(|&(_, end)| at < end)
        {
            continue;
        }
        // Only the sections within reach are read: a paste full of such labels stays linear.
        let after = sections.partition_point(|s| s.start <= label_end);
        let body = sections[after..]
            .iter()
            .take_while(|s| s.start - at <= SUMMARY_BOX_BYTES)
            .find(|s| s.level == 1)
            .map(|s| s.start);
        if let Some(body) = body {
            out.push((at, body));
        }
    }
    out
}

/// Where the citation that `head` ends with starts: `《……》`, `《……》的`, `《……》政策`, with a
/// `关于` before it; the title at most 80 characters, on one line.
fn cited_title_before(head: &str) -> Option<usize> {
    let head = head.strip_suffix("政策").unwrap_or(head);
    let head = head.strip_suffix('的').unwrap_or(head);
    let inner = head.strip_suffix('》')?;
    let open = inner
        .char_indices()
        .rev()
        .take(81)
        .find(|&(_, c)| matches!(c, '《' | '》' | '\n'))
        .filter(|&(_, c)| c == '《')
        .map(|(at, _)| at)?;
    (inner[open + '《'.len_utf8()..].chars().count() >= 2).then(|| {
        open - if inner[..open].ends_with("关于") {
            "关于".len()
        } else {
            0
        }
    })
}

/// Where each annex that a document lists (`附件：1．……方案`) starts: its label, on a line of its
/// own or glued to the text before it, right before its listed title (`附件1\n2024年……方案`). Only the
/// first such place of each annex counts: a scrape's copy of a whole annex repeats its label too.
/// An annex details the notice before it, and restates its sentences by design.
pub(crate) fn annex_starts(text: &str, doc: &Document) -> Vec<usize> {
    let mut out = Vec::new();
    let alone = doc.attachments.len() == 1;
    for (number, title) in (1u32..).zip(&doc.attachments) {
        if title.chars().count() < 4 {
            continue;
        }
        let start = text
            .match_indices(title.as_str())
            .take(8)
            .find_map(|(at, _)| annex_label_before(&text[..at], number, alone));
        out.extend(start);
    }
    out.sort_unstable();
    out
}

/// Where the label `附件{number}` that `head` ends with starts (`附件` alone for the only annex),
/// perhaps with a colon and white space after it.
fn annex_label_before(head: &str, number: u32, alone: bool) -> Option<usize> {
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || c == '：' || c == ':');
    let digits = head.trim_end_matches(|c| date::arabic_digit(c).is_some());
    let labelled = date::arabic(&head[digits.len()..]);
    if !(labelled == Some(number) || (alone && digits.len() == head.len())) {
        return None;
    }
    digits.strip_suffix("附件").map(str::len)
}

/// The 文种 a title ends with.
fn title_end_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            "通知|意见|决定|命令|政府令|公报|公告|通告|通报|报告|请示|批复|议案|的函|纪要|方案|预案|规划|办法|规定|细则|决议|指示|条例|要点|计划|措施|规则|指南|清单",
        )
        .expect("the 文种 pattern is valid")
    })
}

/// Whether `words` end with a 文种, as a document's title does (`修水县防汛应急预案`).
pub(crate) fn ends_like_a_title(words: &str) -> bool {
    title_end_re()
        .find_iter(words)
        .last()
        .is_some_and(|m| m.end() == words.len())
}

fn published(text: &str) -> Option<String> {
    ["发布日期", "发布时间", "发文日期"]
        .iter()
        .filter_map(|w| text.find(w).map(|i| i + w.len()))
        .min()
        .and_then(|at| {
            let rest = text[at..].trim_start_matches([' ', '\u{3000}', ':', '：']);
            date::page_date(rest)
        })
}

/// A document named in a 转发/印发 sentence.
struct Cite {
    title: String,
    number: Option<String>,
    /// Where the citation ends; the wrapped document comes after it.
    end: usize,
    /// The body named right before the citation.
    author: Option<String>,
}

/// `starts` gathers where the forwarded documents found in the text start.
fn parse(
    ctx: &Ctx<'_>,
    from: usize,
    hint: Option<&Cite>,
    depth: usize,
    starts: &mut Vec<usize>,
) -> Document {
    let text = ctx.text;
    let h = header(ctx, from, hint.map(|c| c.title.as_str()));
    let title = h
        .title
        .map(|(s, e)| text[s..e].to_string())
        .or_else(|| hint.map(|c| c.title.clone()));
    let sign_at = ctx.signs.partition_point(|s| s.start < h.body_start);
    let sig = ctx.signs.get(sign_at);
    let issuer = title
        .as_deref()
        .and_then(title_issuer)
        .or_else(|| h.title.and_then(|(_, e)| author_line(text, e)))
        .or_else(|| sig.and_then(|s| s.issuer.clone()))
        .or_else(|| hint.and_then(|c| c.author.clone()));
    let number = h.number.map(|i| ctx.numbers[i].text.clone());
    let body_end = sig.map_or(text.len(), |s| s.start);
    let mut doc = Document {
        title,
        doc_number: number
            .clone()
            .or_else(|| hint.and_then(|c| c.number.clone())),
        doc_numbers: Vec::new(),
        issuer,
        date: sig.map(|s| s.date.clone()),
        published: None,
        addressees: h.addressees,
        note: sig.and_then(|s| note_after(text, s.end)),
        attachments: attachments(text, h.body_start, body_end),
        forwarded: Vec::new(),
    };
    doc.doc_numbers.extend(doc.doc_number.clone());
    // An order (`……政府令`) publishes the rules it names (`《……办法》……现予公布`).
    let wraps = doc.title.as_deref().is_some_and(|t| {
        ["转发", "印发", "批转", "颁发"]
            .iter()
            .any(|w| t.contains(w))
            || t.ends_with('令')
    });
    if wraps && depth < MAX_DEPTH {
        let after_sign = sig.map(|s| s.end);
        for cite in cites(ctx, h.body_start, body_end, doc.title.as_deref()) {
            let anchor = after_sign.unwrap_or(cite.end).max(cite.end.min(text.len()));
            let child = match find_title(text, anchor, &cite.title) {
                Some(at) => {
                    starts.push(at);
                    parse(ctx, at, Some(&cite), depth + 1, starts)
                }
                None => Document {
                    issuer: title_issuer(&cite.title).or_else(|| cite.author.clone()),
                    doc_numbers: cite.number.iter().cloned().collect(),
                    title: Some(cite.title.clone()),
                    doc_number: cite.number.clone(),
                    ..Document::default()
                },
            };
            doc.forwarded.push(child);
        }
    }
    doc
}

/// A body's name on its own line right under a title: a wrapped document's author, as in
/// `关于加快推进数字经济发展的若干意见\n省发展改革委\n为深入实施……`.
fn author_line(text: &str, title_end: usize) -> Option<String> {
    let rest = text.get(title_end..)?;
    let name = rest.trim_start_matches(is_filler);
    let gap = &rest[..rest.len() - name.len()];
    if !gap.contains(['\n', '\r', '\u{3000}']) {
        return None;
    }
    let end = name.find(is_filler).unwrap_or(name.len());
    let after = &name[end..];
    let name = &name[..end];
    let n = name.chars().count();
    ((2..=20).contains(&n)
        && !after.is_empty()
        && name.chars().all(|c| c > '\u{2FFF}' && c.is_alphabetic())
        && name.chars().last().is_some_and(|c| BODY_END.contains(c)))
    .then(|| name.to_string())
}

/// Characters an official body's name ends with.
const BODY_END: &str = "院府厅室部委局会办署行处组团社所司馆心";

/// The author named right before a cited title: `省发展改革委《关于……》已经省政府同意` gives
/// 省发展改革委. `before` is the sentence up to the 《.
fn cite_author(before: &str) -> Option<String> {
    let start = before
        .char_indices()
        .rfind(|&(_, c)| !(c > '\u{2FFF}' && c.is_alphabetic()))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let name = &before[start..];
    let name = ["现将", "现把", "将", "把"]
        .iter()
        .find_map(|w| name.strip_prefix(w))
        .unwrap_or(name);
    let n = name.chars().count();
    ((2..=20).contains(&n) && name.chars().last().is_some_and(|c| BODY_END.contains(c)))
        .then(|| name.to_string())
}

/// The issuer a title names before 关于/转发/印发: `国务院办公厅关于……` gives 国务院办公厅.
fn title_issuer(title: &str) -> Option<String> {
    // An order's title is its issuer and 令 (`青川市人民政府令`).
    let at = ["关于", "转发", "印发", "批转"]
        .iter()
        .filter_map(|w| title.find(w))
        .min()
        .or_else(|| title.strip_suffix('令').map(str::len))?;
    let prefix = title[..at].trim();
    let last = prefix.chars().last()?;
    (prefix.chars().count() >= 2 && BODY_END.contains(last)).then(|| prefix.to_string())
}

/// （此件公开发布） and the like, right after the date.
fn note_after(text: &str, at: usize) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[ \t　\r\n]*([（(]此件[^（）()\n]{1,16}[）)])")
            .expect("the 附注 pattern is valid")
    });
    let c = re.captures(markup::trim_start(text.get(at..)?, is_filler))?;
    Some(c.get(1)?.as_str().to_string())
}

/// Where `title` next occurs at or after `from` as a document's own title, not as a 《citation》.
/// A title cited inside a 《citation》 writes the 《》 of its own citation as 〈〉, and the document
/// itself, standing alone, writes them back as 《》.
fn find_title(text: &str, from: usize, title: &str) -> Option<usize> {
    if !title.contains(['〈', '〉']) {
        return find_title_as_written(text, from, title);
    }
    // Standing alone, a title writes the title it forwards in `《》`, or bare
    // (`……关于转发南岭省……的通知的通知`).
    let standing_alone = title.replace('〈', "《").replace('〉', "》");
    let bare = title.replace(['〈', '〉'], "");
    let found = [title, standing_alone.as_str(), bare.as_str()]
        .into_iter()
        .find_map(|title| find_title_as_written(text, from, title));
    found
}

fn find_title_as_written(text: &str, from: usize, title: &str) -> Option<usize> {
    let mut at = from;
    for _ in 0..4 {
        let i = at + text.get(at..)?.find(title)?;
        if !text[..i].ends_with('《') {
            return Some(i);
        }
        at = i + title.len();
    }
    None
}

/// The documents a wrapping notice names in its `现将《…》……转发给你们` sentence, or, when it quotes
/// no title, the one its own title names.
fn cites(ctx: &Ctx<'_>, body: usize, body_end: usize, own_title: Option<&str>) -> Vec<Cite> {
    let text = ctx.text;
    let end = floor(text, body_end.min(body + HEADER_WINDOW).max(body));
    let region = text.get(body..end).unwrap_or("");
    let mut out = Vec::new();
    let mut offset = body;
    for sentence in region.split_inclusive('。') {
        let s_start = offset;
        offset += sentence.len();
        if ![
            "现将",
            "转发给",
            "印发给",
            "发给你们",
            "现予公布",
            "现予发布",
        ]
        .iter()
        .any(|w| sentence.contains(w))
        {
            continue;
        }
        let mut rest = sentence;
        let mut base = s_start;
        while let (Some(open), true) = (rest.find('《'), out.len() < MAX_WRAPPED) {
            let inner_start = open + '《'.len_utf8();
            let Some(close) = rest[inner_start..].find('》') else {
                break;
            };
            let title = &rest[inner_start..inner_start + close];
            let after = base + inner_start + close + '》'.len_utf8();
            let number = ctx
                .numbers
                .iter()
                .find(|n| {
                    n.start > after
                        && n.start <= after + 4
                        && text[after..n.start].trim_matches(['（', '(']).is_empty()
                })
                .map(|n| n.text.clone());
            out.push(Cite {
                title: title.to_string(),
                number,
                end: after,
                author: cite_author(&rest[..open]),
            });
            let consumed = inner_start + close + '》'.len_utf8();
            base += consumed;
            rest = &rest[consumed..];
        }
        if !out.is_empty() {
            return out;
        }
    }
    // No quoted title: `……转发国务院办公厅关于X意见的通知` names it.
    if let Some(t) = own_title {
        for w in ["转发", "印发", "批转"] {
            if let Some(i) = t.find(w) {
                let inner = t[i + w.len()..]
                    .trim_end_matches("的通知")
                    .trim_end_matches("通知");
                if inner.chars().count() >= 4 {
                    out.push(Cite {
                        title: inner.to_string(),
                        number: None,
                        end: body,
                        author: None,
                    });
                }
                break;
            }
        }
    }
    out
}

/// 附件 titles from the 附件说明: `附件：1.XX清单 2.XX目录` or `附件：XX方案`.
fn attachments(text: &str, body: usize, body_end: usize) -> Vec<String> {
    static ITEM: OnceLock<Regex> = OnceLock::new();
    let item = ITEM.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9０-９])([0-9０-９]{1,2})[.．、﹒]")
            .expect("the 附件 item pattern is valid")
    });
    let Some(region) = text.get(body..body_end.max(body)) else {
        return Vec::new();
    };
    let Some(at) = ["附件：", "附件:"]
        .iter()
        .filter_map(|w| region.find(w).map(|i| i + w.len()))
        .min()
    else {
        return Vec::new();
    };
    let rest = &region[at..];
    let stop = rest.find('。').unwrap_or(rest.len()).min(floor(rest, 1200));
    let list = rest[..stop].trim_start();
    let starts: Vec<(usize, usize)> = item
        .captures_iter(list)
        .filter_map(|c| {
            c.get(1)
                .map(|n| (n.start(), c.get(0).map_or(n.end(), |m| m.end())))
        })
        .collect();
    let clean = |s: &str| {
        s.trim()
            .trim_matches(['《', '》', '；', '，', ';', ','])
            .trim()
            .to_string()
    };
    if starts.first().is_some_and(|&(s, _)| s == 0) {
        starts
            .iter()
            .enumerate()
            .map(|(k, &(_, body_from))| {
                let to = starts.get(k + 1).map_or(list.len(), |&(s, _)| s);
                clean(&list[body_from..to])
            })
            .filter(|s| !s.is_empty())
            .collect()
    } else {
        let line = list.lines().next().unwrap_or("");
        let one = clean(line);
        if one.is_empty() {
            Vec::new()
        } else {
            vec![one]
        }
    }
}

/// A document's header, byte offsets.
struct Header {
    title: Option<(usize, usize)>,
    number: Option<usize>,
    addressees: Vec<String>,
    body_start: usize,
}

fn header(ctx: &Ctx<'_>, from: usize, hint: Option<&str>) -> Header {
    let text = ctx.text;
    let pos = from + (text[from..].len() - markup::trim_start(&text[from..], is_filler).len());
    // The header cannot reach into the first heading or past the first full stop.
    let first_heading = ctx
        .sections
        .get(ctx.sections.partition_point(|s| s.start < pos))
        .map_or(text.len(), |s| s.start);
    let window_end = floor(
        text,
        (pos + HEADER_WINDOW).min(first_heading).min(text.len()),
    );
    let window = &text[pos..window_end];
    let stop = pos + window.find(['。', '！', '？']).unwrap_or(window.len());

    let title = match hint {
        Some(h) if text[pos..].starts_with(h) => Some((pos, pos + h.len())),
        Some(_) => None,
        None => find_header_title(ctx, pos, stop),
    };
    let after_title = title.map_or(pos, |(_, e)| e);

    // 主送: the first full-width colon before the body's first full stop whose words, after the
    // last header element, read as a list of bodies.
    let mut addressees = Vec::new();
    let mut colon_end = None;
    // Page labels (`发文字号：`) come before it in a pasted information table.
    for (i, _) in text[after_title..stop].match_indices('：').take(12) {
        let c = after_title + i;
        let seg_start = segment_start(ctx, after_title, c);
        let seg = markup::trim_end(
            markup::trim_start(&text[seg_start..c], is_filler),
            is_filler,
        );
        if let Some(list) = addressee_list(seg) {
            addressees = list;
            colon_end = Some(c + '：'.len_utf8());
            break;
        }
        if page_label(seg).is_none() && !PAGE_LABELS.iter().any(|l| seg.ends_with(l)) {
            break;
        }
    }
    let header_end = colon_end.unwrap_or_else(|| floor(text, (after_title + 240).min(stop)));
    let number = ctx
        .numbers
        .iter()
        .position(|n| n.start >= pos && n.end <= header_end && !is_cited(text, n.start));
    let body_start = colon_end.unwrap_or_else(|| {
        let num_end = number.map_or(0, |i| ctx.numbers[i].end);
        after_title.max(if num_end <= header_end { num_end } else { 0 })
    });
    Header {
        title,
        number,
        addressees,
        body_start,
    }
}

/// White space, rules, and the byte-order mark a saved file may start with.
fn is_filler(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || "━─═—_-=*".contains(c)
}

/// Labels of the information table a government site prints above a notice (gov.cn: 索引号,
/// 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期). They are page furniture, not the title.
const PAGE_LABELS: [&str; 11] = [
    "标题",
    "发文机关",
    "发文字号",
    "成文日期",
    "发布日期",
    "发布时间",
    "发文日期",
    "索引号",
    "主题分类",
    "主题词",
    "来源",
];

/// The page label at the start of `s` and where its value starts (past `：`), if any.
fn page_label(s: &str) -> Option<(&'static str, usize)> {
    let label = PAGE_LABELS.iter().find(|l| s.starts_with(*l))?;
    let rest = &s[label.len()..];
    let value = rest.trim_start_matches([' ', '\u{3000}', '\t']);
    let value = value.strip_prefix(['：', ':'])?;
    Some((label, s.len() - value.len()))
}

/// Past any page labels and their values at `start`: `发布日期:2018-03-12教育部……` starts at
/// 教育部, `标题：国务院办公厅关于……` at 国务院. A value with no visible end (no line break, no next
/// label, not a date) is kept: it may be the title itself.
fn skip_page_labels(text: &str, start: usize, inside: usize) -> usize {
    let mut at = start;
    for _ in 0..PAGE_LABELS.len() {
        let Some((label, value)) = text.get(at..inside).and_then(page_label) else {
            break;
        };
        let value_at = at + value;
        let rest = &text[value_at..inside];
        let rest_trim = rest.trim_start_matches(is_filler);
        let v = value_at + (rest.len() - rest_trim.len());
        if label == "标题" {
            return v;
        }
        let next_label = rest_trim
            .char_indices()
            .take(60)
            .find(|&(i, _)| i > 0 && page_label(&rest_trim[i..]).is_some())
            .map(|(i, _)| v + i);
        let date_end = label.contains("日期") || label.contains("时间");
        at = match next_label {
            Some(n) => n,
            None if date_end => {
                v + (rest_trim.len() - rest_trim.trim_start_matches(is_date_char).len())
            }
            None => match rest_trim.find(char::is_whitespace) {
                Some(i) => v + i,
                None => return v,
            },
        };
        at += text[at..inside].len() - text[at..inside].trim_start_matches(is_filler).len();
    }
    at
}

fn is_date_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "-/.年月日".contains(c)
}

/// The value of a page label such as `发文机关：国务院办公厅`, up to the next label or line end.
fn page_field(text: &str, label: &str) -> Option<String> {
    let window = &text[..floor(text, HEADER_WINDOW.min(text.len()))];
    let mut from = 0;
    while let Some(i) = window[from..].find(label) {
        let at = from + i;
        from = at + label.len();
        let Some((_, value)) = page_label(&window[at..]) else {
            continue;
        };
        let rest = markup::trim_start(&window[at + value..], |c| c == ' ' || c == '\u{3000}');
        let end = rest
            .char_indices()
            .find(|&(i, c)| {
                c == '\n'
                    || c == '\r'
                    || c == '\u{3000}'
                    || markup::len_at(&rest[i..]) > 0
                    || i > 0 && page_label(&rest[i..]).is_some()
            })
            .map_or(rest.len(), |(i, _)| i);
        let value = rest[..end].trim();
        if !value.is_empty() && value.chars().count() <= 40 {
            return Some(value.to_string());
        }
    }
    None
}

/// The first 文种 word in `pos..stop` that closes a title, and where that title starts.
fn find_header_title(ctx: &Ctx<'_>, pos: usize, stop: usize) -> Option<(usize, usize)> {
    let text = ctx.text;
    for m in title_end_re().find_iter(&text[pos..stop]) {
        let end = pos + m.end();
        let after = &text[end..];
        if after.starts_with(['的', '》', '”', '（', '(', '、', '和', '及']) {
            continue;
        }
        let trimmed = markup::trim_start(after, is_filler);
        let gap = &after[..after.len() - trimmed.len()];
        let closes = trimmed.is_empty()
            || gap.contains('\n')
            || ctx.numbers.iter().any(|n| n.start == end + gap.len())
            || PAGE_LABELS.iter().any(|w| trimmed.starts_with(w))
            || markup::len_at(trimmed) > 0
            || !gap.is_empty() && gap.chars().any(|c| "━─═—_".contains(c))
            || text[end..stop]
                .find('：')
                .is_some_and(|c| addressee_list(&text[end..end + c]).is_some());
        if !closes {
            continue;
        }
        let start = title_start(ctx, pos, pos + m.start());
        if text[start..end].chars().count() >= 4 {
            return Some((start, end));
        }
    }
    None
}

/// Where a title that contains `inside` starts: after the last line break, rule or 发文字号 before it.
fn title_start(ctx: &Ctx<'_>, pos: usize, inside: usize) -> usize {
    let text = ctx.text;
    let mut start = pos;
    if let Some(i) = markup::after_last_break(&text[pos..inside]) {
        start = pos + i;
    }
    for n in &ctx.numbers {
        if n.end > start && n.end <= inside {
            start = n.end;
        }
    }
    let start = start
        + (text[start..inside].len() - text[start..inside].trim_start_matches(is_filler).len());
    skip_page_labels(text, start, inside)
}

/// Where the addressee words ending at `colon` start: after the last header element before it.
fn segment_start(ctx: &Ctx<'_>, lo: usize, colon: usize) -> usize {
    let text = ctx.text;
    let mut start = lo;
    let seg = &text[lo..colon];
    if let Some(i) = markup::after_last_break(seg) {
        start = lo + i;
    }
    for n in &ctx.numbers {
        if n.end > start && n.end <= colon {
            start = n.end;
        }
    }
    for m in title_end_re().find_iter(&text[start..colon]) {
        let after = &text[start + m.end()..];
        if !after.starts_with(['的', '》', '”', '（', '(']) {
            start += m.end();
            return segment_start_tail(text, start, colon);
        }
    }
    segment_start_tail(text, start, colon)
}

/// A repeated title may still sit before the addressees; skip past its last 文种 word.
fn segment_start_tail(text: &str, start: usize, colon: usize) -> usize {
    let mut s = start;
    for m in title_end_re().find_iter(&text[start..colon]) {
        let after = &text[start + m.end()..];
        if !after.starts_with(['的', '》', '”', '（', '(']) {
            s = start + m.end();
        }
    }
    s
}

/// The addressees in a 主送 line, split at `，` (a `、` joins parts of one entry:
/// `省政府各部门、各直属机构`), or `None` when the words do not read as bodies.
fn addressee_list(seg: &str) -> Option<Vec<String>> {
    let seg = seg.trim_matches(is_filler);
    if seg.is_empty() || seg.chars().count() > 200 || seg.contains(['。', '；', '！', '？']) {
        return None;
    }
    let parts: Vec<String> = seg
        .split(['，', ','])
        .map(|p| p.trim_matches(is_filler).to_string())
        .collect();
    let bodies = "府构门位委局厅会办院室部区县市省司行处校业军队团所心关织属镇乡村州盟旗园站";
    // `教育厅（教委）`, `财政厅（局）`: the other name a body goes by in some provinces.
    let name_end = |p: &str| {
        let p = match p.strip_suffix(['）', ')']) {
            Some(inner) => inner.rfind(['（', '(']).map_or(p, |i| &inner[..i]),
            None => p,
        };
        p.chars().last().is_some_and(|c| bodies.contains(c))
    };
    parts
        .iter()
        .all(|p| p.chars().count() <= 40 && name_end(p))
        .then_some(parts)
}

/// Whether the 发文字号 at `start` is cited rather than the header's own.
fn is_cited(text: &str, start: usize) -> bool {
    let before = &text[..start];
    before.ends_with("》（")
        || before.ends_with("》(")
        || ["按照", "根据", "依据", "依照", "参照", "贯彻"]
            .iter()
            .any(|w| before.ends_with(w))
}

/// The largest char boundary at or below `i`.
pub(crate) fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headers_of_a_series_bound_together_are_found_where_a_header_stands() {
        let header = |text: &str| -> Vec<(String, String)> {
            bound_issues(text)
                .map(|(at, series, number)| {
                    (
                        text[at..].chars().take(4).collect(),
                        format!("{series} {number}"),
                    )
                })
                .collect()
        };
        // On a line of its own, and glued between a sentence's end, a date or a bracket and the
        // meeting's date.
        for (text, opening, issue) in [
            (
                "纪要\n县政府第7期专题会议纪要\n2025年4月8日，会议研究……",
                "县政府第",
                "7",
            ),
            (
                "报县政府督查室。县政府第8期专题会议纪要2025年4月16日，……",
                "县政府第",
                "8",
            ),
            (
                "2025年4月30日县政府第9期专题会议纪要2025年4月25日，……",
                "日县政府",
                "9",
            ),
            (
                "（第7—9期合订）县政府第7期专题会议纪要2025年4月8日，……",
                "县政府第",
                "7",
            ),
        ] {
            let expected = (opening.to_string(), format!("专题会议纪要 {issue}"));
            assert_eq!(header(text), vec![expected], "{text}");
        }
        // Named in a sentence, or cited: no header.
        for sentence in [
            "根据县政府第7期专题会议纪要精神，各单位要抓好落实。",
            "现将《县政府第7期专题会议纪要》印发给你们。",
            "按照县政府第7期专题会议纪要。",
            "（第7—9期合订）\n",
        ] {
            assert_eq!(header(sentence), vec![], "{sentence}");
        }
    }

    #[test]
    fn issues_of_one_series_are_documents_issued_together() {
        let text = "县政府第7期专题会议纪要\n会议要求抓好落实。\n县政府第8期专题会议纪要\n会议要求抓好落实。\n\
                    县政府第8期专题会议纪要\n会议要求抓好落实。\n";
        let starts = issued_together(text, &[]);
        let documents: Vec<(usize, bool)> = starts.iter().map(|s| (s.document, s.again)).collect();
        assert_eq!(documents, vec![(0, false), (1, false), (1, true)]);
        // One issue of a series alone is no batch.
        assert!(issued_together("县政府第7期专题会议纪要\n会议要求抓好落实。\n", &[]).is_empty());
    }

    #[test]
    fn summary_boxes_run_from_their_label_to_the_body() {
        let body = "一、缴费时间\n个人缴费标准为每人每年400元。\n二、其他事项\n请谨防诈骗。\n";
        for (head, boxed) in [
            ("【重要提示】\n1.个人缴费标准为每人每年400元。\n", true),
            ("【温馨提示】个人缴费标准为每人每年400元。\n", true),
            // A bracketed label that is no box.
            ("【附件下载】\n缴费标准表\n", false),
        ] {
            let text = format!("关于做好参保缴费工作的通告\n{head}{body}");
            let sections = crate::sections::find(&text).sections;
            let boxes = summary_boxes(&text, &sections);
            let expected = boxed.then(|| (text.find('【').unwrap(), text.find("一、").unwrap()));
            assert_eq!(boxes.first().copied(), expected, "{head}");
        }
        // Too far from the body's first part for a box.
        let far = format!(
            "【重要提示】{}\n{body}",
            "个人缴费标准为每人每年400元。".repeat(200)
        );
        assert!(summary_boxes(&far, &crate::sections::find(&far).sections).is_empty());
        // No body after it.
        let alone = "【重要提示】个人缴费标准为每人每年400元。";
        assert!(summary_boxes(alone, &crate::sections::find(alone).sections).is_empty());
    }
}
