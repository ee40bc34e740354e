//! A damage generator: makes clean notices look like web scrapes, deterministically.
//!
//! It copies runs of 1–3 sentences to later places (about a quarter more text, a copy inserted
//! where the text runs together without its trailing white space), drops most line breaks, and
//! optionally edits some copies (a word changed, half-width punctuation, a clause
//! dropped, white space changed) or begins some with the last clauses of a sentence. It records where every copy went, so that tests can check the
//! repeat finder against the truth, and benches can make notices of any size.
#![allow(dead_code)]

/// SplitMix64: tiny, seeded, and good enough to pick places and edits.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// How to damage a notice.
#[derive(Debug, Clone, Copy)]
pub struct Damage {
    pub seed: u64,
    /// Copied text as a share of the clean text.
    pub copy_share: f64,
    /// Share of line breaks kept.
    pub keep_line_breaks: f64,
    /// Share of copies that get one edit.
    pub edit_share: f64,
    /// Share of copies that begin with the last clauses of their first sentence, not all of it.
    pub tail_share: f64,
}

impl Default for Damage {
    fn default() -> Self {
        Damage {
            seed: 1,
            copy_share: 0.25,
            keep_line_breaks: 0.2,
            edit_share: 0.0,
            tail_share: 0.0,
        }
    }
}

/// What an edit did to one sentence of a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    WordChanged,
    HalfWidthPunctuation,
    ClauseDropped,
    WhiteSpaceChanged,
}

/// An edit: what it did, the edited sentence in the copy, and the sentence it was copied from.
pub type EditRecord = (Edit, (usize, usize), (usize, usize));

/// Insert before sentence index, first source sentence, sentence count, (edited sentence, edit).
/// Before which sentence, the first sentence copied, how many, the edit, and how many bytes of the
/// first sentence are left out (a copy of its last clauses).
type Insert = (usize, usize, usize, Option<(usize, Edit)>, usize);

/// One inserted copy, byte offsets into the damaged text.
#[derive(Debug, Clone)]
pub struct Copy {
    pub start: usize,
    pub end: usize,
    /// The sentences copied, in the damaged text.
    pub source_start: usize,
    pub source_end: usize,
    /// The edited sentence (copy span, original span), if the copy was edited.
    pub edit: Option<EditRecord>,
}

/// A damaged notice and the truth about it.
#[derive(Debug, Clone)]
pub struct Damaged {
    pub text: String,
    /// The clean notice after the same line breaks were dropped: what deduplication should give.
    pub clean: String,
    pub copies: Vec<Copy>,
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

/// Separates the parts of a note (`（牵头单位：县发展改革委；责任单位：县财政局）`) inside brackets.
fn is_note_separator(c: char) -> bool {
    matches!(c, '；' | ';')
}

fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '》' | '）' | ')' | '】' | '〕')
}

/// Sentences as byte ranges: up to a terminator (or line break), then closing marks, a following
/// parenthesised note such as `（责任单位：省科技厅）`, and trailing white space. Their boundaries
/// are a subset of the unit boundaries the repeat finder uses.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let (mut start, mut k) = (0, 0);
    // Brackets opened in the sentence and not closed: a `；` inside one ends no sentence.
    let mut depth = 0u32;
    while k < chars.len() {
        let c = chars[k].1;
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let separates_a_note = is_note_separator(c) && depth > 0;
        if !is_terminator(c) || separates_a_note {
            k += 1;
            continue;
        }
        depth = 0;
        k += 1;
        while k < chars.len()
            && (is_terminator(chars[k].1) || is_closing(chars[k].1) || chars[k].1.is_whitespace())
        {
            k += 1;
        }
        if k < chars.len() && chars[k].1 == '（' {
            let mut j = k + 1;
            while j < chars.len()
                && chars[j].1 != '）'
                && chars[j].1 != '（'
                && (!is_terminator(chars[j].1) || is_note_separator(chars[j].1))
            {
                j += 1;
            }
            // A heading marker such as （九） starts the next sentence; it is no note.
            let numeral = chars[k + 1..j.min(chars.len())]
                .iter()
                .all(|&(_, c)| "一二三四五六七八九十0123456789".contains(c));
            if j < chars.len() && chars[j].1 == '）' && !numeral {
                k = j + 1;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
            }
        }
        let end = chars.get(k).map_or(text.len(), |&(b, _)| b);
        out.push((start, end));
        start = end;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Whether a sentence ends where the repeat finder's units end too: at a terminator (then closing
/// marks and a note may follow) or at a line break. `…2017年5月5日（此件公开发布）` glued to what
/// follows does not.
fn ends_at_boundary(sentence: &str) -> bool {
    let body = sentence.trim_end();
    if sentence[body.len()..].contains('\n') {
        return true;
    }
    let mut body = body;
    if body.ends_with('）') {
        if let Some(open) = body.rfind('（') {
            body = &body[..open];
        }
    }
    let body = body.trim_end().trim_end_matches(is_closing);
    body.chars().last().is_some_and(is_terminator)
}

fn counted(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Drops line breaks (and the indentation that follows a dropped one) with the given probability.
pub fn drop_line_breaks(text: &str, keep: f64, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dropping = false;
    for c in text.chars() {
        if c == '\n' {
            dropping = !rng.chance(keep);
            if !dropping {
                out.push(c);
            }
            continue;
        }
        if dropping && c.is_whitespace() {
            continue;
        }
        dropping = false;
        out.push(c);
    }
    out
}

/// Characters of `sentence` before a trailing note such as `（责任单位：省科技厅）`: the sentence's
/// own words. A note is a set phrase repeated by design, not part of what a reader calls the
/// sentence, so an edit that changed a department in it would make no edited copy of the sentence.
fn own_words(sentence: &str) -> usize {
    let body = sentence.trim_end();
    if body.ends_with('）') {
        if let Some(open) = body.rfind('（') {
            let before = body[..open].trim_end().trim_end_matches(is_closing);
            if before.chars().last().is_some_and(is_terminator) {
                return body[..open].chars().count();
            }
        }
    }
    sentence.chars().count()
}

/// Applies one edit to `sentence`; `None` when this sentence cannot take that edit.
fn edit(sentence: &str, kind: Edit, rng: &mut Rng) -> Option<String> {
    let chars: Vec<char> = sentence.chars().collect();
    let own = own_words(sentence);
    match kind {
        Edit::WordChanged => {
            let cjk: Vec<usize> = (2..own.saturating_sub(3))
                .filter(|&i| is_cjk(chars[i]) && is_cjk(chars[i + 1]))
                .collect();
            if counted(sentence) < 30 || cjk.is_empty() {
                return None;
            }
            let at = cjk[rng.below(cjk.len())];
            let mut out = chars.clone();
            const WORDS: [[char; 2]; 4] = [['推', '动'], ['强', '化'], ['落', '实'], ['健', '全']];
            let word = WORDS[rng.below(WORDS.len())];
            if out[at] == word[0] && out[at + 1] == word[1] {
                return None;
            }
            out[at] = word[0];
            out[at + 1] = word[1];
            Some(out.into_iter().collect())
        }
        Edit::HalfWidthPunctuation => {
            let out: String = chars
                .iter()
                .map(|&c| match c {
                    '，' => ',',
                    '（' => '(',
                    '）' => ')',
                    '：' => ':',
                    '；' => ';',
                    _ => c,
                })
                .collect();
            (out != sentence).then_some(out)
        }
        Edit::ClauseDropped => {
            // A middle clause `，…，` of at most a seventh of the sentence.
            let commas: Vec<usize> = chars[..own]
                .iter()
                .enumerate()
                .filter(|(_, &c)| c == '，')
                .map(|(i, _)| i)
                .collect();
            let total = counted(sentence);
            let mut choices = Vec::new();
            for pair in commas.windows(2) {
                let clause: String = chars[pair[0]..pair[1]].iter().collect();
                if counted(&clause) * 7 <= total && counted(&clause) > 0 {
                    choices.push((pair[0], pair[1]));
                }
            }
            if total < 30 || choices.is_empty() {
                return None;
            }
            let (from, to) = choices[rng.below(choices.len())];
            Some(chars[..from].iter().chain(&chars[to..]).collect())
        }
        Edit::WhiteSpaceChanged => {
            let inner: Vec<usize> = (1..chars.len().saturating_sub(1))
                .filter(|&i| is_cjk(chars[i]))
                .collect();
            if inner.is_empty() {
                return None;
            }
            let at = inner[rng.below(inner.len())];
            let space = [' ', '\u{3000}', '\u{a0}'][rng.below(3)];
            let mut out = chars.clone();
            out.insert(at, space);
            Some(out.into_iter().collect())
        }
    }
}

/// Where the last clauses of `sentence` begin: after its last `，` that leaves at least `least`
/// counted characters before any parenthesis (a note counts for nothing towards a repeat's
/// length). 0 when there is no such clause.
fn clause_tail(sentence: &str, least: usize) -> usize {
    sentence
        .match_indices('，')
        .map(|(at, mark)| at + mark.len())
        .rfind(|&at| counted(sentence[at..].split('（').next().unwrap_or("")) >= least)
        .unwrap_or(0)
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Damages `clean` as a scrape would.
pub fn damage(clean: &str, how: Damage) -> Damaged {
    let mut rng = Rng::new(how.seed);
    let base = drop_line_breaks(clean, how.keep_line_breaks, &mut rng);
    let spans = sentences(&base);
    let ends_cleanly = |index: usize| {
        spans
            .get(index)
            .is_some_and(|&(s, e)| ends_at_boundary(&base[s..e]))
    };
    // Insertions: (insert before sentence index, first source sentence, count, edit).
    let mut inserts: Vec<Insert> = Vec::new();
    let target = (base.len() as f64 * how.copy_share) as usize;
    let mut added = 0;
    let mut attempts = 0;
    while added < target && attempts < 100_000 && spans.len() > 1 {
        attempts += 1;
        let first = rng.below(spans.len() - 1);
        let count = (1 + rng.below(3)).min(spans.len() - first);
        let run = &spans[first..first + count];
        let text = &base[run[0].0..run[count - 1].1];
        // Only copies a reader would call damage: a note or a line break never starts one, the run
        // is long enough to count, and it ends where a sentence ends.
        if counted(text) < 20
            || text.starts_with('（')
            || !ends_cleanly(first + count - 1)
            || (first > 0 && !ends_cleanly(first - 1))
        {
            continue;
        }
        let at = first + count + rng.below(spans.len() - first - count + 1);
        if !ends_cleanly(at - 1) {
            continue;
        }
        // A copy inserted where the text runs together loses its trailing white space (see
        // below), so one that ends only at a line break, such as a title, would run into the
        // next sentence: no longer a passage of its own that anyone could take out.
        let (_, before_end) = spans[at - 1];
        let glued = !base[..before_end].ends_with(char::is_whitespace);
        if glued && !ends_at_boundary(text.trim_end()) {
            continue;
        }
        let edit = if rng.chance(how.edit_share) {
            let which = rng.below(count);
            let kind = [
                Edit::WordChanged,
                Edit::HalfWidthPunctuation,
                Edit::ClauseDropped,
                Edit::WhiteSpaceChanged,
            ][rng.below(4)];
            Some((which, kind))
        } else {
            None
        };
        // No number is drawn unless asked for, so that the texts of other settings stay the same.
        let tail = how.tail_share > 0.0 && rng.chance(how.tail_share);
        // A tail copied alone is damage only when long; with more of the original after it, any
        // tail that counts as a repeat is (see `src/repeats/clauses.rs`).
        let skip = if tail {
            clause_tail(&base[run[0].0..run[0].1], if count == 1 { 24 } else { 12 })
        } else {
            0
        };
        inserts.push((at, first, count, edit, skip));
        added += text.len() - skip;
    }
    inserts.sort_by_key(|i| i.0);

    let mut text = String::with_capacity(base.len() + added);
    let mut copies = Vec::new();
    // Damaged-text start of each clean sentence, filled as they are written.
    let mut written: Vec<usize> = Vec::with_capacity(spans.len());
    let mut next = inserts.iter().peekable();
    for index in 0..=spans.len() {
        while let Some(&&(at, first, count, edit_plan, skip)) = next.peek() {
            if at != index {
                break;
            }
            next.next();
            let start = text.len();
            // Where the text runs together, the copy runs together with what follows it too: a
            // scrape that dropped the line breaks around the place dropped the copy's own. A
            // line break brought in by the copy could not be told from a paragraph break, and
            // the finder rightly never takes out what may be one.
            let glued = text.chars().next_back().is_some_and(|c| !c.is_whitespace());
            let mut edit_record = None;
            for (k, &(s, e)) in spans[first..first + count].iter().enumerate() {
                let s = if k == 0 { s + skip } else { s };
                let sentence = &base[s..e];
                let at_sentence = text.len();
                match edit_plan {
                    Some((which, kind)) if which == k => match edit(sentence, kind, &mut rng) {
                        Some(edited) => {
                            text.push_str(&edited);
                            let original = written[first + k] + (s - spans[first + k].0);
                            let copy_span = (at_sentence, text.len());
                            edit_record = Some((kind, copy_span, (original, original + (e - s))));
                        }
                        None => text.push_str(sentence),
                    },
                    _ => text.push_str(sentence),
                }
            }
            if glued {
                text.truncate(text.trim_end().len());
                if let Some((_, copy_span, _)) = edit_record.as_mut() {
                    let (from, to): &mut (usize, usize) = copy_span;
                    *to = (*to).min(text.len()).max(*from);
                }
            }
            copies.push(Copy {
                start,
                end: text.len(),
                source_start: written[first] + skip,
                source_end: written[first + count - 1]
                    + (spans[first + count - 1].1 - spans[first + count - 1].0),
                edit: edit_record,
            });
        }
        if let Some(&(s, e)) = spans.get(index) {
            written.push(text.len());
            text.push_str(&base[s..e]);
        }
    }
    Damaged {
        text,
        clean: base,
        copies,
    }
}

/// The words of `text` outside parentheses, each CJK ideograph shifted by an amount that depends on
/// `part`: a different text with the same sentences, headings, dates and notes (the departments in
/// `（……牵头负责）` are kept), as another notice of the same kind would be. Numerals and the
/// characters of dates and document numbers stay, so that headings and dates stay what they were.
fn reworded(text: &str, part: usize) -> String {
    const KEPT: &str = "一二三四五六七八九十百千〇零年月日号第件";
    const IDEOGRAPHS: u32 = 0x9FA5 - 0x4E00 + 1;
    let shift = (part as u32 % (IDEOGRAPHS - 1)) * 1031 + 1;
    let mut depth = 0usize;
    text.chars()
        .map(|c| {
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            let code = c as u32;
            if depth > 0 || !(0x4E00..=0x9FA5).contains(&code) || KEPT.contains(c) {
                return c;
            }
            let shifted =
                char::from_u32(0x4E00 + (code - 0x4E00 + shift) % IDEOGRAPHS).unwrap_or(c);
            if KEPT.contains(shifted) {
                c
            } else {
                shifted
            }
        })
        .collect()
}

/// A notice of about `bytes` bytes made of different notices: the clean notices concatenated, each
/// part reworded (see [`reworded`]) so that no two parts share their sentences, and damaged. Unlike
/// [`generated`], a larger text is more of the same kind of text, not more twins of the same
/// sentences: what growth with size should be measured on.
pub fn generated_distinct(notices: &[&str], bytes: usize, seed: u64) -> String {
    damaged_parts(notices, bytes, seed, reworded)
}

/// A notice of about `bytes` bytes: the clean notices concatenated (each numbered, so that the
/// parts differ) and damaged. Every sentence has a twin, one word apart, in every other part: the
/// hardest case for the search for edited copies.
pub fn generated(notices: &[&str], bytes: usize, seed: u64) -> String {
    damaged_parts(notices, bytes, seed, |notice, part| {
        // Number every sentence so that the parts are different texts, as different notices are.
        let mut numbered = String::with_capacity(notice.len() + 256);
        for (s, e) in sentences(notice) {
            let sentence = &notice[s..e];
            if counted(sentence) > 0 {
                numbered.push_str(&format!("第{part}件{sentence}"));
            } else {
                numbered.push_str(sentence);
            }
        }
        numbered
    })
}

/// The clean notices in turn, each part made by `part_text(notice, part)`, to about `bytes` bytes
/// once damaged, and damaged.
fn damaged_parts(
    notices: &[&str],
    bytes: usize,
    seed: u64,
    part_text: impl Fn(&str, usize) -> String,
) -> String {
    let mut clean = String::with_capacity(bytes);
    let mut part = 0;
    while clean.len() * 5 / 4 < bytes && !notices.is_empty() {
        clean.push_str(&part_text(notices[part % notices.len()], part));
        part += 1;
    }
    damage(
        &clean,
        Damage {
            seed,
            ..Damage::default()
        },
    )
    .text
}
