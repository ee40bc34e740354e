//! The report: the one shape every front end returns (see `docs/report.md`).
//!
//! The analysis modules fill these types with **byte** offsets into the UTF-8 text.
//! [`Report::into_utf16`] converts every offset to UTF-16 code units in one ascending pass,
//! just before the report leaves the core. Nothing else converts offsets.

use serde::{Deserialize, Serialize};

/// The contract version. A change to a field's name, type or meaning is a new version.
pub const REPORT_VERSION: u32 = 1;

/// A half-open range `start..end` into the input text.
///
/// Inside the core it counts UTF-8 bytes; in a [`Report`] returned by [`crate::analyze`] it counts
/// UTF-16 code units, so that `text.slice(start, end)` in JS is exactly the span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First unit of the span.
    pub start: usize,
    /// One past the last unit of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The spanned text, for byte spans.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    /// Length in the span's own units.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// The full analysis of one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`REPORT_VERSION`].
    pub version: u32,
    /// Sizes of the input.
    pub stats: Stats,
    /// Repeated passages, one entry per passage that occurs more than once.
    pub repeats: Vec<Repeat>,
    /// The text with every repeat removed and every original kept.
    pub dedup: Dedup,
    /// GB/T 9704 document elements.
    pub document: Document,
    /// Section headings in text order, one entry per heading occurrence.
    pub sections: Vec<Section>,
    /// Department attributions (分工 notes).
    pub attributions: Vec<Attribution>,
    /// Anything a reader should know.
    pub warnings: Vec<Warning>,
}

/// Sizes of the input.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Stats {
    /// Length of the input in UTF-16 code units (JS `text.length`).
    pub utf16_len: usize,
    /// Length of the input in Unicode scalar values.
    pub chars: usize,
    /// UTF-16 units that lie in a repeat (every occurrence after the first).
    pub repeated_utf16: usize,
}

/// A passage that occurs more than once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Repeat {
    /// The passage as it first occurs.
    pub text: String,
    /// 1.0 for exact copies; below 1.0 when some copy is an edited (near) duplicate.
    pub similarity: f64,
    /// Every occurrence, ascending by start. The first is the original.
    pub occurrences: Vec<Occurrence>,
}

/// One occurrence of a repeated passage.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    /// Start of the occurrence.
    pub start: usize,
    /// End of the occurrence.
    pub end: usize,
    /// Similarity of this occurrence to the original (1.0 for the original and exact copies).
    pub similarity: f64,
}

/// The deduplicated text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Dedup {
    /// The input with the spans in `removed` left out.
    pub text: String,
    /// Input spans left out of `text`, ascending and not overlapping.
    pub removed: Vec<Span>,
}

/// GB/T 9704 document elements. A forwarding notice nests the forwarded document in `forwarded`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    /// 标题.
    pub title: Option<String>,
    /// The document's own 发文字号.
    pub doc_number: Option<String>,
    /// Every distinct 发文字号 in the text, in order of first appearance.
    pub doc_numbers: Vec<String>,
    /// 发文机关.
    pub issuer: Option<String>,
    /// 成文日期, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// 发布日期 given by the web page, ISO `YYYY-MM-DD`.
    pub published: Option<String>,
    /// 主送机关, one entry per addressee.
    pub addressees: Vec<String>,
    /// 附注, such as （此件公开发布）.
    #[serde(default)]
    pub note: Option<String>,
    /// 附件 titles.
    #[serde(default)]
    pub attachments: Vec<String>,
    /// Documents this one forwards or issues (转发 / 印发), same shape, to any depth.
    pub forwarded: Vec<Document>,
}

/// One heading occurrence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// 1 一、 2 （一） 3 1. 4 （1）.
    pub level: u8,
    /// The number as an integer: （十三） is 13.
    pub ordinal: u32,
    /// The marker as written, such as `（十三）`.
    pub marker: String,
    /// The heading's own words, without marker or closing punctuation; `None` when the item has none.
    pub title: Option<String>,
    /// Start of the marker.
    pub start: usize,
    /// End of the heading (marker and title).
    pub heading_end: usize,
    /// Where the section's body ends.
    pub end: usize,
    /// Index of the enclosing heading.
    pub parent: Option<usize>,
    /// Index of an earlier occurrence of the same heading.
    pub repeat_of: Option<usize>,
}

/// A parenthesised 分工 note and the departments it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// Start of the opening parenthesis.
    pub start: usize,
    /// End of the closing parenthesis.
    pub end: usize,
    /// Where the task this note assigns begins; the task is `scope_start..start`.
    pub scope_start: usize,
    /// Index of the innermost enclosing section.
    pub section: Option<usize>,
    /// The departments in the order written.
    pub departments: Vec<Department>,
    /// Index of the attribution this one repeats, when it lies in a copy that a scrape made of an
    /// earlier passage: the same task, counted once. `None` for an original.
    #[serde(default)]
    pub repeat_of: Option<usize>,
}

/// A department named in an attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    /// The name as written.
    pub name: String,
    /// The full official name as of the document's date, or the name itself when unknown.
    pub canonical: String,
    /// What the department does for the task.
    pub role: Role,
    /// A named body or a collective actor.
    pub kind: DepartmentKind,
    /// The body's category in the gazetteer, such as `国务院组成部门` or `部委管理的国家局`;
    /// `None` for names the gazetteer does not know.
    #[serde(default)]
    pub category: Option<String>,
    /// What became of the body, with dates, such as `2018年并入国家市场监督管理总局`;
    /// `None` when it is unchanged or unknown.
    #[serde(default)]
    pub current: Option<String>,
    /// The full name of the body that holds the work today, such as `国家市场监督管理总局`;
    /// `None` when unknown or when the body was split up or abolished.
    #[serde(default)]
    pub current_name: Option<String>,
}

/// A department's part in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 牵头.
    Lead,
    /// 负责, 按职责分工负责.
    Shared,
    /// 参与, 配合.
    Participant,
}

/// Whether a name is one body or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DepartmentKind {
    /// A named body such as 国家发展改革委.
    Department,
    /// 各地区, 国务院相关部门, 各省级人民政府 and the like.
    Collective,
}

/// Something a reader should know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable machine name.
    pub kind: WarningKind,
    /// For people.
    pub message: String,
    /// Start of the text the warning is about.
    pub start: usize,
    /// End of the text the warning is about.
    pub end: usize,
}

/// The stable machine names of warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// A heading number is missing: （九） between （八） and （十）.
    NumberingGap,
    /// A heading comes before one it should follow.
    OutOfOrder,
    /// A heading occurs twice.
    RepeatedHeading,
    /// Part of the text was not analysed.
    NotAnalysed,
    /// The JS string held unpaired surrogates, read as U+FFFD.
    LoneSurrogate,
}

impl Report {
    /// Converts every offset from UTF-8 bytes to UTF-16 code units, in one ascending pass over `text`.
    ///
    /// Offsets are collected, sorted and translated together, so the cost is O(n + k log k) for a text
    /// of n bytes and k offsets, not O(n·k).
    pub fn into_utf16(mut self, text: &str) -> Report {
        let table = Utf16Table::new(text);
        self.visit_offsets(&mut |o| *o = table.get(text, *o));
        self
    }

    fn visit_offsets(&mut self, f: &mut impl FnMut(&mut usize)) {
        for r in &mut self.repeats {
            for o in &mut r.occurrences {
                f(&mut o.start);
                f(&mut o.end);
            }
        }
        for s in &mut self.dedup.removed {
            f(&mut s.start);
            f(&mut s.end);
        }
        for s in &mut self.sections {
            f(&mut s.start);
            f(&mut s.heading_end);
            f(&mut s.end);
        }
        for a in &mut self.attributions {
            f(&mut a.start);
            f(&mut a.end);
            f(&mut a.scope_start);
        }
        for w in &mut self.warnings {
            f(&mut w.start);
            f(&mut w.end);
        }
    }
}

/// The UTF-16 length of UTF-8 `bytes`: one unit for every byte that starts a character, and a
/// second for a four-byte character. A byte loop that compiles to SIMD natively, and several times
/// faster than decoding characters in wasm too.
pub(crate) fn utf16_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// For each 64-byte block of the text: the UTF-16 offset where it starts, and which of its bytes
/// start a character. Converting an offset is then a table read and a bit count, without touching
/// the text again: no sort of the report's offsets and no search, and the table (3/8 of the
/// text) is read where the text itself would miss the caches at 10 MB.
struct Utf16Table {
    blocks: Vec<Block>,
    text_len: usize,
}

struct Block {
    /// Bit `i` set when byte `i` of the block starts a character.
    starts: u64,
    utf16_start: usize,
    /// Whether the block holds a four-byte character, whose second UTF-16 unit the bit count
    /// misses; few blocks of a notice do, and those are counted from the text.
    astral: bool,
}

impl Utf16Table {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut utf16 = 0;
        for block in bytes.chunks(64) {
            let mut starts = 0u64;
            for (w, word) in block.chunks(8).enumerate() {
                starts |= u64::from(character_starts(word)) << (8 * w);
            }
            let fours = block.iter().filter(|&&b| b >= 0xF0).count();
            blocks.push(Block {
                starts,
                utf16_start: utf16,
                astral: fours > 0,
            });
            utf16 += starts.count_ones() as usize + fours;
        }
        blocks.push(Block {
            starts: 0,
            utf16_start: utf16,
            astral: false,
        });
        Utf16Table {
            blocks,
            text_len: bytes.len(),
        }
    }

    /// The UTF-16 offset of byte offset `byte`, given the text the table was built from. An offset
    /// inside a character (a core bug) counts that character's lead byte, so it maps to the next
    /// character boundary and the report never splits a surrogate pair. Offsets past the end (also
    /// a core bug) clamp to the end.
    fn get(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(self.text_len);
        let (k, within) = (byte / 64, byte % 64);
        let block = &self.blocks[k];
        let before = block.starts & ((1u64 << within) - 1);
        let mut utf16 = block.utf16_start + before.count_ones() as usize;
        if block.astral {
            utf16 += text.as_bytes()[k * 64..byte]
                .iter()
                .filter(|&&b| b >= 0xF0)
                .count();
        }
        utf16
    }
}

/// Bit `i` set when byte `i` of `word` (at most 8 bytes) starts a character: not `0b10xxxxxx`.
fn character_starts(word: &[u8]) -> u8 {
    word.iter()
        .enumerate()
        .fold(0, |bits, (i, &b)| bits | (u8::from(b & 0xC0 != 0x80) << i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_counts_astral_characters_as_two_units() {
        let text = "𠀀a😀一";
        // bytes: 𠀀 0..4, a 4..5, 😀 5..9, 一 9..12
        let table = Utf16Table::new(text);
        assert_eq!(table.get(text, 0), 0);
        assert_eq!(table.get(text, 4), 2);
        assert_eq!(table.get(text, 5), 3);
        assert_eq!(table.get(text, 9), 5);
        assert_eq!(table.get(text, 12), 6);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_stay_on_boundaries() {
        let text = "𠀀a😀一";
        let table = Utf16Table::new(text);
        assert_eq!(table.get(text, 2), 2);
        assert_eq!(table.get(text, 6), 5);
        assert_eq!(table.get(text, 10), 6);
        assert_eq!(table.get(text, 99), 6);
        assert_eq!(utf16_len(text.as_bytes()), text.encode_utf16().count());
    }

    #[test]
    fn table_agrees_with_utf16_encoding_across_blocks() {
        // Blocks end inside four-byte and three-byte characters alike.
        let text = "a𠀀一😀b二".repeat(40) + &"一二".repeat(40);
        let text = text.as_str();
        let table = Utf16Table::new(text);
        for (at, c) in text.char_indices() {
            let expected = text[..at].encode_utf16().count();
            assert_eq!(table.get(text, at), expected, "at byte {at}");
            for inside in at + 1..at + c.len_utf8() {
                assert_eq!(
                    table.get(text, inside),
                    expected + c.len_utf16(),
                    "inside at {inside}"
                );
            }
        }
        assert_eq!(table.get(text, text.len()), text.encode_utf16().count());
    }
}
