//! Cutting a text into units (sentences and clause-ended runs) and interning their normalised forms.
//!
//! Repeats are found over unit IDs, not bytes, so a repeat can never start or end inside a
//! character, a word or a sentence: the smallest thing that can be removed is a whole unit.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// One sentence or clause-ended run of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// Where the unit's span starts: the end of the previous unit (0 for the first).
    pub start: usize,
    /// The first byte that is not white space.
    pub content_start: usize,
    /// One past the last byte that is not white space.
    pub content_end: usize,
    /// One past the white space that trails the unit; removing `start..end` removes the unit cleanly.
    pub end: usize,
    /// Equal IDs mean equal normalised text.
    pub id: u32,
    /// Characters that are neither punctuation nor white space, outside markup tags.
    pub counted: u32,
    /// A parenthesised note on its own, or a unit of punctuation or markup only: set phrases and
    /// page furniture repeated by design (`（责任单位：省科技厅、省教育厅）`, `</p><p>`), which may be
    /// carried inside a copy but never begin one.
    pub formulaic: bool,
    /// A heading the structure analysis found (marker and title): a heading may be an edited copy
    /// of a heading, never of a sentence (nor a sentence of a heading).
    pub heading: bool,
    /// The character at `content_start`, as in the text. The rules ask how each unit opens
    /// (`第十七条`, `问1：`); reading it in the text at every unit of a 10 MB paste missed the
    /// cache and the TLB at each, and the unit's padding has room for it.
    pub first: char,
}

/// The normalised texts of the distinct units, by ID, in one buffer: one allocation per text
/// instead of one per distinct unit, which on a 10 MB scrape was a third of the segmentation time.
#[derive(Debug, Default)]
pub(crate) struct Norms {
    text: String,
    /// `ends[id]` is where the text of `id` ends in `text`; it starts where `id - 1` ends.
    ends: Vec<usize>,
}

impl Norms {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Bytes of all the normalised texts.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    /// The length in bytes of the text of `id`, read without reading the text.
    pub fn byte_len(&self, id: usize) -> Option<usize> {
        let end = *self.ends.get(id)?;
        Some(end - if id == 0 { 0 } else { self.ends[id - 1] })
    }

    pub fn get(&self, id: usize) -> Option<&str> {
        let end = *self.ends.get(id)?;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        self.text.get(start..end)
    }

    fn push(&mut self, norm: &str) -> u32 {
        self.text.push_str(norm);
        self.ends.push(self.text.len());
        (self.ends.len() - 1) as u32
    }
}

/// Folds width variants so that `,` and `，`, `(` and `（` compare equal; U+3000 becomes a plain space.
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{FF61}' => '。',
        '\u{FF64}' => '、',
        '\u{FE50}' => ',',
        '\u{FE51}' => '、',
        '\u{FE54}' => ';',
        '\u{FE55}' => ':',
        '\u{FE56}' => '?',
        '\u{FE57}' => '!',
        '\u{FE59}' => '(',
        '\u{FE5A}' => ')',
        _ => c,
    }
}

/// White space, including U+3000, the no-break space and the zero-width characters scrapes leave.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// Ends a sentence or a clause. `.` is not one: it is the decimal point of `1.5倍` and the `1.` heading.
fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';')
}

/// Closing marks that belong to the sentence they follow: `……。”`.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '》' | '〉' | '】' | '〕' | ')' | ']' | '"' | '\''
    )
}

/// Marks after which a parenthesis is part of the running sentence, not a note of its own.
fn continues_sentence(c: char) -> bool {
    is_terminator(c) || matches!(c, ',' | '、' | ':' | '，')
}

/// Punctuation and symbols: not counted in a passage's length.
pub(crate) fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32,
            0x00A1..=0x00BF | 0x00D7 | 0x00F7 | 0x2000..=0x2BFF | 0x3000..=0x303F
            | 0x30FB | 0xFE10..=0xFE6F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40
            | 0xFF5B..=0xFF65 | 0xFFE0..=0xFFEE)
}

/// Counts towards a passage's length.
pub(crate) fn is_counted(c: char) -> bool {
    // Most characters of a notice are CJK ideographs: answer those before the table look-ups.
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || (!is_space(c) && !is_punctuation(c))
}

/// A numeral of a Chinese number's common form: `一` to `十`, `百`, `零`, `〇`.
pub(crate) fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '零' | '〇'
    )
}

/// Whether `rest` begins with a level-2 or level-4 heading marker: `（三）`, `(十二)`, `（1）`.
fn starts_with_heading_marker(rest: &str) -> bool {
    let mut chars = rest.chars().map(fold);
    if chars.next() != Some('(') {
        return false;
    }
    let mut digits = 0;
    // White space is no difference between two copies, so `（ 五）` is the marker `（五）`. A line
    // break ends the unit, and the look-ahead must not read past the unit (see [`Segmenter::run`]).
    for c in chars.filter(|&c| !is_space(c) || is_line_break(c)) {
        if c == ')' {
            return digits > 0;
        }
        if (is_cjk_numeral(c) && digits < 3) || (c.is_ascii_digit() && digits < 2) {
            digits += 1;
        } else {
            return false;
        }
    }
    false
}

/// Whether the text after a heading's end, `rest`, still belongs to the heading: a clause mark
/// (`五、搞活金融市场，实现便捷融资`), or one white space character and then text on the same line.
/// That is a stray space inside the title (`（七）强化　信息共享互认。`, where the structure analysis
/// ends the title at the space) far more often than a separator, which in scrapes is a line break
/// or the two-character U+3000 indentation. Cutting there would make a heading differ from its
/// copy by where the cut fell.
fn title_goes_on(rest: &str) -> bool {
    let mut chars = rest.chars().map(fold);
    match (chars.next(), chars.next()) {
        (Some(',' | '、' | ':'), _) => true,
        (Some(a), Some(b)) => is_space(a) && !is_line_break(a) && !is_space(b),
        _ => false,
    }
}

/// A small, fast, deterministic hasher for interning: the keys are our own normalised text, so
/// hash flooding is no concern and SipHash would cost a third of the segmentation time.
#[derive(Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
pub(crate) type FxHashMap<K, V> = HashMap<K, V, FxBuild>;

/// Lines of a form or list that a notice repeats by design: a table row (`姓名|职务|性别`) or a
/// short label and its value (`完成时限:2024年12月底`, `牵头单位:市市场监管局`, `单位:`), with no
/// end of sentence. `norm` is a unit's normalised text (width folded, white space removed).
fn is_field_line(norm: &str) -> bool {
    // A unit that ends a sentence ends with its terminator, or with closing marks after it: the
    // last few characters tell, without reading every sentence twice.
    if norm.chars().rev().take(FIELD_END_CHARS).any(is_terminator) {
        return false;
    }
    if norm.contains('|') {
        return true;
    }
    norm.split_once(':').is_some_and(|(label, value)| {
        (1..=FIELD_LABEL_CHARS).contains(&label.chars().count())
            && label.chars().all(char::is_alphanumeric)
            && value.chars().count() <= FIELD_VALUE_CHARS
    })
}

/// The longest label and value of a field line (`牵头单位：市政务服务管理局`); a longer line is
/// prose that happens to hold a colon.
const FIELD_LABEL_CHARS: usize = 6;
const FIELD_VALUE_CHARS: usize = 30;
/// The characters at a unit's end read for a terminator: `。`, `。）`, `。”）`.
const FIELD_END_CHARS: usize = 4;

/// Where a markup tag may be: `<` followed by a letter, `/` or `!` opens one, `>` closes it.
#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Tag {
    #[default]
    Outside,
    /// Just after `<`: a tag only if a letter, `/` or `!` follows (`a<b` in prose is no tag).
    Opening,
    Inside,
}

/// The unit being read.
#[derive(Default)]
struct Open {
    start: usize,
    content_start: Option<usize>,
    content_end: usize,
    first: char,
    norm: String,
    counted: u32,
    /// Parenthesis depth while the unit is a note that began with `（`.
    note_depth: Option<u32>,
    note_closed: bool,
    counted_after_note: u32,
    /// Brackets opened in the unit and not yet closed: a `；` inside one separates the parts of a
    /// note (`（牵头单位：县发展改革委；责任单位：县财政局）`), it ends no sentence.
    bracket_depth: u32,
    heading: bool,
    tag: Tag,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Body,
    /// After a terminator or a line break: white space and closing marks still belong to the unit.
    Tail,
    /// After a note's closing parenthesis: the note ends here unless the sentence goes on (`）。`).
    AfterNote,
}

pub(crate) struct Segmenter {
    norms: Norms,
    ids: IdTable,
    /// The IDs that share a hash with an earlier ID, chained: `same_hash[id]` is the one before.
    same_hash: Vec<u32>,
    /// Units cut but not yet interned (see [`Pending`]).
    pending: Pending,
    open: Open,
}

const NO_ID: u32 = u32::MAX;

/// The first ID under each hash of a normalised text (its top 32 bits), by open addressing in one
/// array. A 10 MB scrape's table is larger than the cache and read at random once a unit; its own
/// array lets [`Segmenter::intern_pending`] read the slots of many units before probing any.
struct IdTable {
    /// `key << 32 | id`; `EMPTY` where no key is.
    slots: Vec<u64>,
    len: usize,
}

const EMPTY: u64 = u64::MAX;

impl IdTable {
    fn with_room(keys: usize) -> Self {
        IdTable {
            slots: vec![EMPTY; (keys * 2).next_power_of_two().max(16)],
            len: 0,
        }
    }

    fn home(&self, key: u32) -> usize {
        // The key is already a hash's top bits; spreading it again costs one multiply.
        let mixed = (key as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - self.slots.len().trailing_zeros())) as usize
    }

    /// The slot that holds `key`, or the empty one where it goes.
    fn slot(&self, key: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = self.home(key);
        loop {
            let entry = self.slots[at];
            if entry == EMPTY || (entry >> 32) as u32 == key {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    fn id_at(&self, slot: usize) -> u32 {
        let entry = self.slots[slot];
        if entry == EMPTY {
            NO_ID
        } else {
            entry as u32
        }
    }

    fn set(&mut self, slot: usize, key: u32, id: u32) {
        if self.slots[slot] == EMPTY {
            self.len += 1;
        }
        self.slots[slot] = (key as u64) << 32 | id as u64;
    }

    /// Room for `more` keys with the table at most half full, which keeps probes short.
    fn make_room_for(&mut self, more: usize) {
        if (self.len + more) * 2 <= self.slots.len() {
            return;
        }
        let size = ((self.len + more) * 2).next_power_of_two();
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        for entry in old.into_iter().filter(|&e| e != EMPTY) {
            let at = self.slot((entry >> 32) as u32);
            self.slots[at] = entry;
        }
    }
}

/// Units cut but not yet interned: interning one unit as it is cut waited on a cache miss per
/// unit, with a sentence's worth of cutting between two misses; a batch reads all of its slots
/// first, so that their misses overlap.
#[derive(Default)]
struct Pending {
    /// Index in the output of each unit, its key, and where its normalised text ends in `norms`.
    units: Vec<(usize, u32, usize)>,
    norms: String,
}

const PENDING_BATCH: usize = 32;

impl Segmenter {
    /// Queues the open unit's normalised text, unit `index` of `units`, for interning.
    fn queue(&mut self, index: usize, units: &mut [Unit]) {
        let norm = self.open.norm.as_str();
        let mut hasher = FxHasher::default();
        hasher.write(norm.as_bytes());
        let key = (hasher.finish() >> 32) as u32;
        self.pending.norms.push_str(norm);
        self.pending
            .units
            .push((index, key, self.pending.norms.len()));
        if self.pending.units.len() == PENDING_BATCH {
            self.intern_pending(units);
        }
    }

    /// Gives every queued unit the ID of its normalised text, interning the new ones.
    fn intern_pending(&mut self, units: &mut [Unit]) {
        self.ids.make_room_for(self.pending.units.len());
        // Read every slot first: independent loads, whose misses the processor overlaps.
        let touched = self.pending.units.iter().fold(0u64, |acc, &(_, key, _)| {
            acc ^ self.ids.slots[self.ids.home(key)]
        });
        std::hint::black_box(touched);
        let mut from = 0;
        for &(index, key, to) in &self.pending.units {
            let norm = &self.pending.norms[from..to];
            from = to;
            let slot = self.ids.slot(key);
            let first = self.ids.id_at(slot);
            let mut id = first;
            while id != NO_ID && self.norms.get(id as usize) != Some(norm) {
                id = self.same_hash[id as usize];
            }
            if id == NO_ID {
                id = self.norms.push(norm);
                self.same_hash.push(first);
                self.ids.set(slot, key, id);
            }
            units[index].id = id;
        }
        self.pending.units.clear();
        self.pending.norms.clear();
    }

    fn finish(&mut self, end: usize, units: &mut Vec<Unit>) {
        let Some(content_start) = self.open.content_start else {
            // White space only: it trails the previous unit.
            if let Some(last) = units.last_mut() {
                last.end = end;
                self.open.start = end;
            }
            return;
        };
        let open = &self.open;
        units.push(Unit {
            start: open.start,
            content_start,
            content_end: open.content_end,
            end,
            id: NO_ID,
            counted: open.counted,
            formulaic: open.counted == 0
                || (open.note_closed && open.counted_after_note == 0)
                || is_field_line(&open.norm),
            heading: open.heading,
            first: open.first,
        });
        self.queue(units.len() - 1, units);
        let open = &mut self.open;
        // Reset in place: the normalised text's buffer is kept for the next unit.
        open.start = end;
        open.content_start = None;
        open.content_end = 0;
        open.norm.clear();
        open.counted = 0;
        open.note_depth = None;
        open.note_closed = false;
        open.counted_after_note = 0;
        open.bracket_depth = 0;
        open.heading = false;
        open.tag = Tag::Outside;
    }

    fn push(&mut self, at: usize, raw: char, c: char) {
        let open = &mut self.open;
        if open.content_start.is_none() {
            open.content_start = Some(at);
            open.first = raw;
        }
        open.content_end = at + raw.len_utf8();
        open.norm.push(c);
        // Tag names and attributes (`p style="text-indent:2em"`) are page furniture, not words: a
        // unit of markup alone counts for nothing and never begins a copy.
        open.tag = match (open.tag, c) {
            (Tag::Inside, '>') => Tag::Outside,
            // A scrape's tags are ASCII: an ideograph means the `<` opened no tag, and it bounds
            // what an unclosed `<p` can hide.
            (Tag::Inside, c) if c.is_ascii() => Tag::Inside,
            (Tag::Opening, c) if c.is_ascii_alphabetic() || c == '/' || c == '!' => Tag::Inside,
            (_, '<') => Tag::Opening,
            _ => Tag::Outside,
        };
        if open.tag == Tag::Outside && is_counted(c) {
            open.counted += 1;
            if open.note_closed {
                open.counted_after_note += 1;
            }
        }
    }
}

/// Cuts `text` into units and interns each unit's normalised text (width folded, white space removed).
#[cfg(test)]
pub(crate) fn segment(text: &str, headings: &[(usize, usize)]) -> Vec<Unit> {
    let mut units = Vec::new();
    Segmenter::new(text.len()).run(text, headings, 0, &mut units, |_| false);
    units
}

impl Segmenter {
    /// A segmenter for a text of about `bytes` bytes.
    pub(crate) fn new(bytes: usize) -> Self {
        // About one unit per 100 bytes of Chinese text; half of them distinct. The normalised texts
        // of a scrape of distinct notices take nearly all of its bytes: reserving less made the
        // buffer grow, and copy, once on every large text.
        let expected = bytes / 64 + 1;
        Segmenter {
            norms: Norms {
                text: String::with_capacity(bytes),
                ends: Vec::with_capacity(expected),
            },
            ids: IdTable::with_room(expected),
            same_hash: Vec::with_capacity(expected),
            pending: Pending::default(),
            open: Open::default(),
        }
    }

    /// The normalised text of every ID handed out so far.
    pub(crate) fn norms(&self) -> &Norms {
        &self.norms
    }

    /// Cuts `text[from..]` into units, appended to `units`; `from` must be where a unit starts.
    /// Stops at the first unit boundary `at` for which `stop(at)` holds, and returns where it
    /// stopped (`text.len()` when it ran to the end).
    ///
    /// `headings` are the headings' `start..heading_end`, ascending and disjoint. A unit starts at
    /// each heading and ends at its end as at a terminator: in text without line breaks a heading
    /// runs straight into the sentence after it (`二、主要任务推进改革创新。`), and a unit holding
    /// both would make that sentence's copies inexact and dropping one would drop the heading.
    ///
    /// Where a unit starts, the cutting starts afresh, and no decision reads past the unit it is
    /// in, except at its end the one character that begins the next. So the units of a text whose
    /// middle changed are the old ones up to the unit before the change, and again from the first
    /// old boundary after it where the cutting meets them: the passes after the first re-cut only
    /// around the places where copies were taken out ([`crate::repeats`]).
    pub(crate) fn run(
        &mut self,
        text: &str,
        headings: &[(usize, usize)],
        from: usize,
        units: &mut Vec<Unit>,
        stop: impl FnMut(usize) -> bool,
    ) -> usize {
        let stopped = self.cut(text, headings, from, units, stop);
        self.intern_pending(units);
        stopped
    }

    /// [`Segmenter::run`], leaving the last units' IDs pending.
    fn cut(
        &mut self,
        text: &str,
        headings: &[(usize, usize)],
        from: usize,
        units: &mut Vec<Unit>,
        mut stop: impl FnMut(usize) -> bool,
    ) -> usize {
        self.open = Open {
            start: from,
            ..Open::default()
        };
        let mut state = State::Body;
        let mut previous = '\n';
        let Some(rest) = text.get(from..) else {
            return text.len();
        };
        // The next heading that has not ended before the character being read.
        let mut next_heading = headings.partition_point(|h| h.1 < from);
        for (offset, raw) in rest.char_indices() {
            let at = from + offset;
            let c = fold(raw);
            let space = is_space(c);
            let mut heading_starts = false;
            while let Some(&(start, end)) = headings.get(next_heading) {
                if end <= at {
                    if end == at
                        && state == State::Body
                        && self.open.content_start.is_some()
                        && !title_goes_on(&text[at..])
                    {
                        // Closing marks and a `。` after the title still belong to the heading.
                        state = State::Tail;
                    }
                    next_heading += 1;
                } else {
                    heading_starts = start == at;
                    break;
                }
            }
            match state {
                State::Tail => {
                    if space {
                        continue;
                    }
                    if is_terminator(c) || is_closing(c) {
                        self.push(at, raw, c);
                        previous = c;
                        continue;
                    }
                    self.finish(at, units);
                    if self.open.start == at && stop(at) {
                        return at;
                    }
                    state = State::Body;
                }
                State::AfterNote => {
                    if space {
                        if is_line_break(c) {
                            state = State::Tail;
                        }
                        continue;
                    }
                    if !continues_sentence(c) {
                        self.finish(at, units);
                        if self.open.start == at && stop(at) {
                            return at;
                        }
                    }
                    state = State::Body;
                }
                State::Body => {}
            }
            if is_line_break(c) {
                state = State::Tail;
                continue;
            }
            if space {
                continue;
            }
            let marker = c == '(' && starts_with_heading_marker(&text[at..]);
            if self.open.content_start.is_some() && ((marker && previous != '第') || heading_starts)
            {
                self.finish(at, units);
                if self.open.start == at && stop(at) {
                    return at;
                }
            }
            if self.open.content_start.is_none() {
                if c == '(' && !marker {
                    self.open.note_depth = Some(0);
                }
                self.open.heading = heading_starts;
            }
            self.push(at, raw, c);
            previous = c;
            if let Some(depth) = self.open.note_depth.as_mut() {
                if !self.open.note_closed {
                    if c == '(' {
                        *depth += 1;
                    } else if c == ')' {
                        *depth = depth.saturating_sub(1);
                        if *depth == 0 {
                            self.open.note_closed = true;
                            state = State::AfterNote;
                        }
                    }
                }
            }
            match c {
                '(' => self.open.bracket_depth += 1,
                ')' => self.open.bracket_depth = self.open.bracket_depth.saturating_sub(1),
                _ => {}
            }
            let inside_brackets = c == ';' && self.open.bracket_depth > 0;
            if is_terminator(c) && self.open.tag != Tag::Inside && !inside_brackets {
                state = State::Tail;
            }
        }
        self.finish(text.len(), units);
        text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_ids_are_equal_normalised_texts_across_batches_and_a_growing_table() {
        // A segmenter sized for a short text must grow its table, and the units span many batches.
        let mut rng = crate::repeats::TestRng(0x9e37_79b9_7f4a_7c15);
        let sentences: Vec<String> = (0..300).map(|n| format!("第{n}项任务落实到位。")).collect();
        let text: String = (0..2000)
            .map(|_| sentences[rng.below(sentences.len())].as_str())
            .collect();
        let mut segmenter = Segmenter::new(16);
        let mut units = Vec::new();
        segmenter.run(&text, &[], 0, &mut units, |_| false);
        assert_eq!(units.len(), 2000);
        let norms = segmenter.norms();
        // Each ID names its own text, and no two IDs name one text.
        for unit in &units {
            let own = &text[unit.content_start..unit.content_end];
            assert_eq!(norms.get(unit.id as usize), Some(own));
        }
        let distinct: std::collections::HashSet<&str> = units
            .iter()
            .map(|u| &text[u.content_start..u.content_end])
            .collect();
        assert_eq!(norms.len(), distinct.len());
    }

    #[test]
    fn lines_of_a_form_or_list_are_fields_and_sentences_are_not() {
        for field in [
            "完成时限:2024年12月底",
            "牵头单位:市市场监管局",
            "单位:",
            "姓名|职务|性别|民族|联系电话",
        ] {
            assert!(is_field_line(field), "{field}");
        }
        for prose in [
            "完成时限:2024年12月底前完成。",
            "各区人民政府,市政府各部门:",
            "经研究决定,现将有关事项通知如下:一是加强组织领导,二是强化督促检查",
        ] {
            assert!(!is_field_line(prose), "{prose}");
        }
    }

    fn pieces(text: &str) -> Vec<&str> {
        segment(text, &[])
            .iter()
            .map(|u| &text[u.start..u.end])
            .collect()
    }

    #[test]
    fn cuts_after_terminators_notes_and_before_heading_markers() {
        assert_eq!(
            pieces("甲。\n　　乙；丙（发展改革委牵头负责）丁（一）戊。”己"),
            vec![
                "甲。\n　　",
                "乙；",
                "丙（发展改革委牵头负责）丁",
                "（一）戊。”",
                "己"
            ]
        );
        assert_eq!(
            pieces("（质检总局牵头负责）加快。（责任单位：省科技厅）。第（一）项"),
            vec![
                "（质检总局牵头负责）",
                "加快。",
                "（责任单位：省科技厅）。",
                "第（一）项"
            ]
        );
    }

    #[test]
    fn width_and_white_space_do_not_change_the_id() {
        let units = segment("甲，乙（丙）。甲, 乙(丙)。\n", &[]);
        assert_eq!(units[0].id, units[1].id);
    }

    #[test]
    fn notes_and_punctuation_are_formulaic() {
        let units = segment("（责任单位：省科技厅、省教育厅）任务。━━━━", &[]);
        let formulaic: Vec<bool> = units.iter().map(|u| u.formulaic).collect();
        assert_eq!(formulaic, vec![true, false, true]);
    }

    #[test]
    fn a_semicolon_inside_brackets_ends_no_unit() {
        let text = "（牵头单位：县发展改革委；责任单位：县财政局）加强协调（牵头单位：县商务局；\
                    责任单位：县市场监管局）。推进改革；完善制度。";
        let units = segment(text, &[]);
        let cut: Vec<(&str, bool)> = units
            .iter()
            .map(|u| (&text[u.content_start..u.content_end], u.formulaic))
            .collect();
        assert_eq!(
            cut,
            vec![
                ("（牵头单位：县发展改革委；责任单位：县财政局）", true),
                (
                    "加强协调（牵头单位：县商务局；责任单位：县市场监管局）。",
                    false
                ),
                ("推进改革；", false),
                ("完善制度。", false),
            ]
        );
    }

    #[test]
    fn markup_counts_for_nothing() {
        let text = "</p><p style=\"text-indent:2em;color:red\">（一）甲乙。a<1丙。";
        let units = segment(text, &[]);
        let shape: Vec<(&str, u32, bool)> = units
            .iter()
            .map(|u| (&text[u.start..u.end], u.counted, u.formulaic))
            .collect();
        // `;` inside a tag ends no unit either: the tag's text is not read as prose.
        assert_eq!(
            shape,
            vec![
                ("</p><p style=\"text-indent:2em;color:red\">", 0, true),
                ("（一）甲乙。", 3, false),
                ("a<1丙。", 3, false),
            ]
        );
    }

    #[test]
    fn a_heading_is_a_unit_of_its_own() {
        let text = "一、总体要求推进改革创新。（七）鼓励创业。对科研人员给予支持。";
        let h1 = text.find("推进").unwrap();
        let h2 = (text.find("（七）").unwrap(), text.find("。对").unwrap());
        let units = segment(text, &[(0, h1), h2]);
        let shape: Vec<(&str, bool)> = units
            .iter()
            .map(|u| (&text[u.start..u.end], u.heading))
            .collect();
        assert_eq!(
            shape,
            vec![
                ("一、总体要求", true),
                ("推进改革创新。", false),
                ("（七）鼓励创业。", true),
                ("对科研人员给予支持。", false),
            ]
        );
    }
}
