//! Where a heading's own words end.
//!
//! A heading's title is read from the end of its marker up to the first *stop*: the next heading,
//! a line break or other white space, sentence punctuation (。；：！？), an opening parenthesis or a
//! dash, or a comma. What the stop is decides how far the words up to it can be trusted:
//!
//! - a **clean** stop (next heading, line break, white space, end of text) closes a title as written,
//!   so the words are the title when they are short enough to be one;
//! - a **sentence** stop (。 and the like) closes a level-2 heading `（一）指导思想。` as well as a
//!   whole-sentence item, so short words are kept unless a strong title/body seam shows inside them;
//! - a **comma** means the words are a clause of running text: either a title glued to the first
//!   clause of its body (`一、总体要求随着全球创新创业进入……，`), which is cut at the seam, or an item
//!   that is a whole sentence, which has no title.
//!
//! A *seam* is a place where a title-like ending (要求, 机制, 体系, 水平, 活力, 建设, 能力, …, or a short
//! `的…` phrase) meets a body-opening word (随着, 当前, 为, 主动, 培育, 按照, 要, 加快, 到20…, …). Each side
//! scores 1–3 by how typical it is; a seam is refused where the right side itself begins with a
//! strong title ending (`工作|要求`, `机制|建设`), because that is the middle of a compound. The best-scoring
//! seam wins, the earliest among equals. Word lists, not known titles: the method works on notices
//! never seen, and the fixtures in `tests/fixtures/notices/` check it with and without line breaks.
//!
//! A title stopped by a colon may have taken the label of its body's first field (`1．主要负责人履职
//! 情况检查要点：……`, where a scrape lost the line break): the words that stand before a colon as
//! often elsewhere in the text ([`Labels`]) are the body's.

use std::cell::OnceCell;
use std::collections::HashMap;

/// The longest title, in characters, read without a seam.
const MAX_TITLE: usize = 40;
/// How far to look for a stop, in characters.
const MAX_SCAN: usize = 64;
/// Below this many characters, words closed by 。 are cut only at a strong seam.
const SHORT: usize = 16;

/// Title endings that nearly always close a heading.
const STRONG_ENDS: [&str; 30] = [
    "要求", "思想", "原则", "目标", "任务", "措施", "保障", "机制", "体系", "环境", "水平", "活力",
    "建设", "能力", "领导", "意义", "举措", "格局", "路径", "方向", "重点", "步骤", "安排", "分工",
    "实施", "落实", "形势", "背景", "成效", "部署",
];

/// Endings that close many headings but also occur inside longer ones.
const LOOSE_ENDS: [&str; 66] = [
    "检查", "评价", "保护", "激励", "工作", "制度", "体制", "作用", "模式", "效能", "效率", "服务",
    "改革", "发展", "创新", "管理", "监管", "方式", "政策", "支持", "力度", "质量", "安全", "督查",
    "考核", "宣传", "引导", "协调", "合作", "开放", "布局", "结构", "产业", "设施", "平台", "空间",
    "基础", "队伍", "人才", "条件", "范围", "内容", "问题", "程序", "标准", "规范", "秩序", "权益",
    "责任", "动能", "经济", "主体", "氛围", "生态", "治理", "评估", "监督", "投入", "升级", "转型",
    "融合", "共享", "应用", "试点", "示范", "组织",
];

/// Words that open a body paragraph and almost never sit inside a heading.
const STRONG_OPENERS: [&str; 40] = [
    // Who acts, named at the start of the body: a heading names a task, not an actor.
    "中央财政",
    "中央预算",
    "国务院",
    "地方各级",
    "省级",
    // The notice itself, in its closing clauses.
    "本通知",
    "本意见",
    "本办法",
    "本方案",
    "本规定",
    "本细则",
    "本决定",
    "随着",
    "当前",
    "近年来",
    "目前",
    "为了",
    "为",
    "按照",
    "根据",
    "各地",
    "各级",
    "各部门",
    "各有关",
    "各省",
    "到20",
    "我国",
    "我省",
    "我市",
    "我区",
    "党的十",
    "以习近平",
    "截至",
    "主动",
    "适应",
    "培育",
    "坚持以",
    "全面贯彻",
    "深入贯彻",
    "高举",
];

/// Words that open many body paragraphs but also begin some headings.
const LOOSE_OPENERS: [&str; 59] = [
    "加大",
    "做好",
    "抓好",
    "打好",
    "依托",
    "利用",
    "加快",
    "推进",
    "推动",
    "促进",
    "加强",
    "强化",
    "建立",
    "完善",
    "健全",
    "落实",
    "优化",
    "深化",
    "提高",
    "提升",
    "构建",
    "打造",
    "发挥",
    "引导",
    "规范",
    "严格",
    "全面",
    "深入",
    "大力",
    "积极",
    "着力",
    "鼓励",
    "支持",
    "充分",
    "切实",
    "进一步",
    "坚持",
    "要",
    "在",
    "对",
    "把",
    "将",
    "从",
    "由",
    "是",
    "经",
    "通过",
    "围绕",
    "聚焦",
    "统筹",
    "结合",
    "针对",
    "立足",
    "面对",
    "力争",
    "确保",
    "这",
    "该",
    "同时",
];

/// Why the scan stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Clean,
    Sentence,
    Comma,
    Overflow,
}

/// How often each run of two to eight Han characters stands right before a colon in the text: the
/// labels of a form's fields (`检查要点：`). Counted once, when a title first stops at a colon.
pub(super) struct Labels<'t> {
    text: &'t str,
    counts: OnceCell<LabelCounts<'t>>,
}

#[derive(Default)]
struct LabelCounts<'t> {
    /// By run of the last two to [`LABEL_CHARS`] Han characters before a colon.
    suffixes: HashMap<&'t str, u32>,
    /// By the whole run of Han characters there, as long as a title.
    runs: HashMap<&'t str, u32>,
}

/// The longest label counted.
const LABEL_CHARS: usize = 8;
/// The fewest characters a title keeps when a label is cut from its end.
const MIN_TITLE_BEFORE_LABEL: usize = 4;
/// Uses that make a word before a colon a label.
const LABEL_USES: u32 = 3;

impl<'t> Labels<'t> {
    pub fn new(text: &'t str) -> Self {
        Labels {
            text,
            counts: OnceCell::new(),
        }
    }

    fn counts(&self) -> &LabelCounts<'t> {
        self.counts.get_or_init(|| {
            let LabelCounts {
                mut suffixes,
                mut runs,
            } = LabelCounts::default();
            for (colon, _) in self.text.match_indices(['：', ':']) {
                let before = &self.text[..colon];
                for start in han_suffix_starts(before) {
                    *suffixes.entry(&self.text[start..colon]).or_insert(0) += 1;
                }
                let run: usize = before
                    .chars()
                    .rev()
                    .take(MAX_TITLE + 1)
                    .take_while(|&c| is_han(c))
                    .map(char::len_utf8)
                    .sum();
                if run > 0 {
                    *runs.entry(&before[before.len() - run..]).or_insert(0) += 1;
                }
            }
            LabelCounts { suffixes, runs }
        })
    }

    /// The length in bytes of the label that `words` (a title stopped by a colon) end with: the
    /// longest run of their last Han characters that stands before a colon as often as their last
    /// two do, three times or more. A checklist repeats `检查要点：` after each item's own title
    /// (`……履职情况检查要点：`). Words that stand whole before a colon more than once are a field's
    /// name as written: a tender gives every lot its `3.交货地点：`, though another field is `地点：`.
    fn label_len(&self, words: &str) -> Option<usize> {
        // A verb before a colon introduces what follows (`将第六条修改为：`, `规定如下：`); a label
        // names a field.
        if words.ends_with(['为', '是', '下', '如', '有', '的', '于', '及']) {
            return None;
        }
        let LabelCounts { suffixes, runs } = self.counts();
        if runs.get(words).is_some_and(|&n| n >= 2) {
            return None;
        }
        let count = |start: usize| suffixes.get(&words[start..]).copied().unwrap_or(0);
        let starts = han_suffix_starts(words);
        let uses = count(*starts.first()?);
        if uses < LABEL_USES {
            return None;
        }
        let longest = starts
            .iter()
            .take_while(|&&start| count(start) == uses)
            .last()
            .copied()?;
        let label = &words[longest..];
        // Two characters (`要求`, `名称`, `地点`) end too many field names to be a label of their own.
        (longest > 0 && label.chars().count() > 2).then_some(label.len())
    }
}

/// Where the runs of the last two to [`LABEL_CHARS`] Han characters of `s` start, shortest first.
fn han_suffix_starts(s: &str) -> Vec<usize> {
    s.char_indices()
        .rev()
        .take(LABEL_CHARS)
        .take_while(|&(_, c)| is_han(c))
        .map(|(at, _)| at)
        .skip(1)
        .collect()
}

/// The end (byte offset) of the title that starts at `from`, or `None` when the item has no title.
/// `limit` is where the next heading starts; `level` is the heading's (1 for 一、).
pub(super) fn title_end(
    text: &str,
    from: usize,
    limit: usize,
    level: u8,
    labels: &Labels<'_>,
) -> Option<usize> {
    let rest = text.get(from..limit.max(from))?;
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut stop = Stop::Clean;
    let mut stopped_at_colon = false;
    // A comma or bracket inside “…” or 《…》 belongs to the quotation, not to the title; a quote
    // that does not close before the end of its sentence is damage and shields nothing.
    let mut quoted_until = 0;
    for (i, c) in rest.char_indices() {
        if chars.len() >= MAX_SCAN {
            stop = Stop::Overflow;
            break;
        }
        if i < quoted_until {
            chars.push((from + i, c));
            continue;
        }
        if let Some(close) = match c {
            '“' => Some('”'),
            '《' => Some('》'),
            _ => None,
        } {
            quoted_until = closing(&rest[i..], close).map_or(0, |j| i + j);
        }
        // A note inside a running phrase (`近三年未发生重大安全（含网络安全）、质量……`): the words
        // are a sentence, and no title ends at the bracket.
        if matches!(c, '（' | '(') && note_runs_on(&rest[i..]) {
            return None;
        }
        let kind = match c {
            '\n' | '\r' => Some(Stop::Clean),
            '<' | '&' if crate::document::markup::len_at(&rest[i..]) > 0 => Some(Stop::Clean),
            c if c.is_whitespace() => Some(Stop::Clean),
            '。' | '；' | '：' | '！' | '？' | ';' | ':' | '!' | '?' | '（' | '(' | '—' | '…' => {
                Some(Stop::Sentence)
            }
            '，' | ',' => Some(Stop::Comma),
            _ => None,
        };
        if let Some(k) = kind {
            stop = k;
            stopped_at_colon = matches!(c, '：' | ':');
            break;
        }
        chars.push((from + i, c));
    }
    let n = chars.len();
    if n == 0 {
        return None;
    }
    let end_all = chars.last().map(|&(i, c)| i + c.len_utf8())?;
    let words = &text[from..end_all];
    // A field's label glued to the title (`1．主要负责人履职情况检查要点：……`) is the body's.
    if stopped_at_colon {
        if let Some(label) = labels.label_len(words) {
            let title = &words[..words.len() - label];
            // A short field name is a title as written (`（二）项目名称：`, though `名称：` is common).
            if title.chars().count() >= MIN_TITLE_BEFORE_LABEL {
                return Some(from + title.len());
            }
        }
    }
    let seam = |min: u8| best_seam(words, min).map(|cut| from + cut);
    // A 一、 heading closed by 。 is unusual in itself: it is far more often a title glued to the
    // first sentence of its body than a title written with a full stop, so a weaker seam will do.
    let short_bar = if level == 1 { 4 } else { 6 };
    match stop {
        Stop::Sentence if is_sentence(words) => seam(3),
        Stop::Clean if n <= MAX_TITLE => Some(end_all),
        Stop::Sentence if n < SHORT => seam(short_bar).or(Some(end_all)),
        Stop::Sentence => seam(3).or((n <= MAX_TITLE).then_some(end_all)),
        Stop::Clean | Stop::Comma | Stop::Overflow => seam(3),
    }
}

/// Whether the note in brackets that opens `s` closes within a title's length and the phrase goes
/// on after it: a list (`、`), a comma, or a joining word.
fn note_runs_on(s: &str) -> bool {
    let Some(close) = s
        .char_indices()
        .take(MAX_TITLE)
        .find(|&(_, c)| matches!(c, '）' | ')' | '\n' | '。'))
        .filter(|&(_, c)| matches!(c, '）' | ')'))
        .map(|(at, c)| at + c.len_utf8())
    else {
        return false;
    };
    s[close..].starts_with(['、', '，', ',', '和', '与', '及', '等', '的'])
}

/// Where `close` ends a quotation opened at the start of `s`: within a title's length and before
/// any end of sentence or line.
fn closing(s: &str, close: char) -> Option<usize> {
    for (k, (j, c)) in s.char_indices().enumerate() {
        if k > MAX_TITLE || matches!(c, '。' | '；' | '！' | '？' | '\n' | '\r') {
            return None;
        }
        if c == close {
            return Some(j);
        }
    }
    None
}

/// Whether `right` starts with what continues the words before it rather than opening a body: a
/// conjunction or particle, a closing quotation (a title often contains one), the last character
/// of a department's name (`住房城乡建设|厅分管……`), or a place word bound to the noun before it
/// (`形势|下`, `框架|内`).
/// Whether the words after the heading marker `item` begins with open a statement rather than a
/// title: a pledge or a rule speaks of itself (`一、本企业在……依法注册登记`, `二、本单位近三年……`,
/// `我公司……`), and a title names a task.
pub(crate) fn opens_a_statement(item: &str) -> bool {
    // Characters a marker takes at most, `（十二）` and the like.
    const MARKER_CHARS: usize = 6;
    let Some(marker_end) = item
        .char_indices()
        .take(MARKER_CHARS)
        .find(|&(_, c)| matches!(c, '、' | '）' | ')' | '.' | '．'))
        .map(|(at, c)| at + c.len_utf8())
    else {
        return false;
    };
    let words = &item[marker_end..];
    words.starts_with('本')
        || ["我单位", "我公司", "我企业", "我院", "我校", "我们"]
            .iter()
            .any(|subject| words.starts_with(subject))
}

pub(crate) fn never_opens_a_body(right: &str) -> bool {
    right.starts_with([
        '和', '与', '及', '、', '的', '等', '之', '”', '》', '“', '《',
    ]) || right.starts_with(['厅', '局', '委', '署', '办']) && opener_score(right) == 0
        || right.starts_with(['下', '中', '上', '内', '外', '间']) && opener_score(right) == 0
}

/// How well a title ending with `left` and a body starting with `right` meet (higher is more
/// likely a seam), or `None` where a title cannot end.
fn seam_score(left: &str, right: &str) -> Option<u8> {
    if never_opens_a_body(right) {
        return None;
    }
    let quote_closed = left.ends_with(['”', '》']);
    // `落实` both ends titles and opens bodies: `加大财税支持|落实社会领域……`.
    let strong_verb = right.starts_with("落实");
    if (word_lists().strong_ends.starts(right) && !strong_verb)
        || quote_closed && word_lists().loose_ends.starts(right)
    {
        return None;
    }
    // A quoted slogan closes a title as surely as 要求 does: `实施“三大攻坚战”|打好……`.
    let l = if quote_closed || is_title_word(left) {
        3
    } else {
        ending_score(left)
    };
    // A strong ending may stand alone: `……的重大意义服务业是……` has no opener after it.
    let r = match opener_score(right) {
        0 if l == 3 => 0,
        0 => return None,
        r if strong_verb => r - 1,
        r => r,
    };
    (l > 0).then_some(l + r)
}

/// Whether a title whose end is unknown may end between `left` and `right`: `right` begins with a
/// word, and not with one that goes on from the words before it or that closes a phrase
/// (`……作出相应工作|部署，`: a title's ending word, then punctuation; `实施乡村……` opens a body),
/// and `left` ends with no word that leads on (`……部署，并|将……`).
pub(crate) fn may_end_title_at(left: &str, right: &str) -> bool {
    let closes_a_phrase = word_lists()
        .strong_ends
        .first_start(right)
        .is_some_and(|end| !right[end.len()..].starts_with(char::is_alphanumeric));
    right.starts_with(char::is_alphanumeric)
        && !never_opens_a_body(right)
        && !closes_a_phrase
        && !left.ends_with([
            '并', '和', '与', '及', '或', '而', '且', '的', '在', '对', '把', '将', '向', '从',
            '为', '以', '按', '由', '被', '经',
        ])
}

/// Whether a title is likely to end between `left` and `right`, where [`may_end_title_at`] allows
/// it: with a word that ends titles, before a word that opens a body, or before the next item's
/// marker (`……压缩办理时限|3.建立健全……`).
pub(crate) fn seam_likely(left: &str, right: &str) -> bool {
    ending_score(left) > 0
        || opener_score(right) > 0
        || is_title_word(left)
        || right.starts_with(super::is_digit)
}

/// Where the first phrase of manner in `words` has its preposition (`各成员单位按照职责分工|做好
/// 防汛工作`): after it, the words lead to the verb they qualify, so no title ends there, whatever
/// word closes them. (依据 and 根据 at the very end of a title are nouns: `（二）编制依据`.) The
/// byte offset where the preposition ends, read once for all the seams of the words.
fn adverbial_from(words: &str) -> Option<usize> {
    ["按照", "依照", "遵照", "根据", "依据"]
        .iter()
        .filter_map(|preposition| words.find(preposition).map(|at| at + preposition.len()))
        .min()
}

/// The byte offset in `words` of the best title/body seam scoring at least `min`.
fn best_seam(words: &str, min: u8) -> Option<usize> {
    let mut best: Option<(u8, usize)> = None;
    let mut chars_before = 0;
    // Open “ and 《 in the words so far: a quotation is never split.
    let mut quoted = 0u8;
    let mut prev: Option<char> = None;
    let adverbial = adverbial_from(words);
    for (i, c) in words.char_indices() {
        chars_before += 1;
        if adverbial.is_some_and(|end| end < i) {
            break;
        }
        match prev {
            Some('“' | '《') => quoted = quoted.saturating_add(1),
            Some('”' | '》') => quoted = quoted.saturating_sub(1),
            _ => {}
        }
        prev = Some(c);
        // A title has at least two characters and at most thirty.
        if chars_before <= 2 || chars_before > 31 || quoted > 0 {
            continue;
        }
        let (left, right) = words.split_at(i);
        let Some(score) = seam_score(left, right).filter(|&score| score >= min) else {
            continue;
        };
        if best.map_or(true, |(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// Headings that are one word and end nothing: `七、其他`, `附则`.
fn is_title_word(left: &str) -> bool {
    matches!(left, "其他" | "其它" | "附则" | "总则")
}

/// Whether words closed by 。 are a sentence with a predicate (要, 是, 必须 …) rather than a title.
fn is_sentence(words: &str) -> bool {
    // `2019年底前实现……`: a task with a deadline, not a title.
    let digits = words.len() - words.trim_start_matches(|c: char| c.is_numeric()).len();
    if digits > 0 && words[digits..].starts_with('年') {
        return true;
    }
    if ["必须", "应当", "已经", "不得"]
        .iter()
        .any(|w| words.contains(w))
    {
        return true;
    }
    words.char_indices().any(|(i, c)| {
        let next = words[i + c.len_utf8()..].chars().next();
        match c {
            // 要素, 要求, 要点, 要件 are nouns; 主要, 重要, 需要 end in 要 without being a modal.
            '要' => {
                !next.is_some_and(|n| "素求点件闻害务".contains(n))
                    && !words[..i].ends_with(['主', '重', '需', '必', '纲', '提', '摘', '概'])
            }
            '是' => {
                i > 0 && !words[..i].ends_with(['于', '就', '还', '总', '凡', '但', '或', '即'])
            }
            _ => false,
        }
    })
}

fn ending_score(left: &str) -> u8 {
    if word_lists().strong_ends.ends(left) {
        3
    } else if word_lists().loose_ends.ends(left) {
        2
    } else if left.chars().rev().take(5).skip(1).any(|c| c == '的') {
        // `…流动的活力`: a short noun phrase after 的 is how titles end.
        1
    } else {
        0
    }
}

fn opener_score(right: &str) -> u8 {
    if word_lists().strong_openers.starts(right) {
        3
    } else if let Some(w) = word_lists().loose_openers.first_start(right) {
        // One-character openers (要, 在, 对 …) are weaker: they also begin ordinary words. 将
        // begins almost none that a title would use.
        if w.chars().count() == 1 && w != "将" {
            1
        } else {
            2
        }
    } else if right.chars().skip(1).take(3).any(|c| c == '是')
        && !right.chars().take_while(|&c| c != '是').any(|c| !is_han(c))
    {
        // `……的重要意义|就业是最大的民生`: a short subject and 是 open a defining sentence.
        2
    } else {
        0
    }
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{20000}'..='\u{2FFFF}')
}

// `best_seam` tries some 200 words at each of up to 30 places per heading. With every word list
// indexed by its words' first and last characters, a place costs a binary search and the few
// words that share the character: comparing every word's first character instead made the title
// cut the costliest step of the analysis on a scrape with a glued heading in every paragraph.

/// A word list, indexed by the first and by the last character of its words.
struct WordSet {
    /// (first character, place in the list, word), sorted.
    by_first: Vec<(char, usize, &'static str)>,
    /// (last character, word), sorted.
    by_last: Vec<(char, &'static str)>,
}

impl WordSet {
    fn new(words: &[&'static str]) -> Self {
        let mut by_first: Vec<_> = words
            .iter()
            .enumerate()
            .filter_map(|(k, w)| Some((w.chars().next()?, k, *w)))
            .collect();
        by_first.sort_unstable();
        let mut by_last: Vec<_> = words
            .iter()
            .filter_map(|w| Some((w.chars().next_back()?, *w)))
            .collect();
        by_last.sort_unstable();
        WordSet { by_first, by_last }
    }

    /// The first word of the list that `s` starts with.
    fn first_start(&self, s: &str) -> Option<&'static str> {
        let c = s.chars().next()?;
        let from = self.by_first.partition_point(|&(f, _, _)| f < c);
        self.by_first[from..]
            .iter()
            .take_while(|&&(f, _, _)| f == c)
            .find(|(_, _, w)| s.starts_with(w))
            .map(|&(_, _, w)| w)
    }

    fn starts(&self, s: &str) -> bool {
        self.first_start(s).is_some()
    }

    fn ends(&self, s: &str) -> bool {
        let Some(c) = s.chars().next_back() else {
            return false;
        };
        let from = self.by_last.partition_point(|&(l, _)| l < c);
        self.by_last[from..]
            .iter()
            .take_while(|&&(l, _)| l == c)
            .any(|(_, w)| s.ends_with(w))
    }
}

/// The word lists as [`WordSet`]s, built on first use.
struct Words {
    strong_ends: WordSet,
    loose_ends: WordSet,
    strong_openers: WordSet,
    loose_openers: WordSet,
}

fn word_lists() -> &'static Words {
    static WORDS: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| Words {
        strong_ends: WordSet::new(&STRONG_ENDS),
        loose_ends: WordSet::new(&LOOSE_ENDS),
        strong_openers: WordSet::new(&STRONG_OPENERS),
        loose_openers: WordSet::new(&LOOSE_OPENERS),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(s: &str) -> Option<&str> {
        title_end(s, 0, s.len(), 2, &Labels::new(s)).map(|e| &s[..e])
    }

    #[test]
    fn cuts_titles_that_run_into_the_body() {
        assert_eq!(
            title("总体要求随着全球创新创业进入高度密集活跃期，人才"),
            Some("总体要求")
        );
        assert_eq!(
            title("激发新生产要素流动的活力培育新动能需要新的要素支撑。推广"),
            Some("激发新生产要素流动的活力")
        );
        assert_eq!(
            title("提高政府服务的能力和水平主动适应新动能加速成长和传统动能改造提升的需要，加快"),
            Some("提高政府服务的能力和水平")
        );
        assert_eq!(
            title("强化支撑保障机制建设适应新动能培育和传统动能改造提升的新规律和新趋势，在"),
            Some("强化支撑保障机制建设")
        );
    }

    #[test]
    fn keeps_titles_closed_by_punctuation() {
        assert_eq!(title("指导思想。牢固树立"), Some("指导思想"));
        assert_eq!(
            title("创新新技术新业态改造提升传统产业的模式。深入"),
            Some("创新新技术新业态改造提升传统产业的模式")
        );
        assert_eq!(title("工作要求\n各地"), Some("工作要求"));
        assert_eq!(title("加快推进审批制度改革，进一步减少审批事项。"), None);
    }

    #[test]
    fn no_title_ends_inside_a_phrase_of_manner() {
        // `分工` closes many titles, but here it closes `按照职责分工`, which leads to `做好`.
        assert_eq!(
            title("县防汛抗旱指挥部各成员单位按照职责分工做好防汛工作，并将工作情况及时报告。"),
            None
        );
        assert_eq!(
            title("编制依据。依据《中华人民共和国防洪法》"),
            Some("编制依据")
        );
    }

    #[test]
    fn no_title_ends_at_a_note_inside_a_running_phrase() {
        assert_eq!(
            title("近三年未发生重大安全（含网络安全、数据安全）、质量、环境污染等事故。"),
            None
        );
        assert_eq!(
            title("加强组织领导（牵头单位：市发展改革委）\n各地"),
            Some("加强组织领导")
        );
    }

    #[test]
    fn a_guessed_title_end_needs_a_word_on_each_side() {
        for (left, right, may_end) in [
            ("2.强化人才队伍建设", "实施乡村教师支持计划。", true),
            ("1.加大财政资金支持力度", "对新建幼儿园给予补助。", true),
            // A word that closes a phrase, follows a conjunction, or punctuation begins no body.
            ("（1）……会商，作出相应工作", "部署，并将情况报告。", false),
            ("（1）……会商，作出相应工作部署，并", "将情况报告。", false),
            ("（1）……会商，作出相应工作部署", "，并将情况报告。", false),
        ] {
            assert_eq!(may_end_title_at(left, right), may_end, "{left}|{right}");
        }
        for (left, right, likely) in [
            ("2.强化人才队伍建设", "情况报告。", true),
            ("1.压缩办理时限", "3.建立健全长效监管机制", true),
            ("……部署，并将情", "况报告县委。", false),
        ] {
            assert_eq!(seam_likely(left, right), likely, "{left}|{right}");
        }
    }
}
