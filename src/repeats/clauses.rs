//! Copies of part of a sentence: the last clauses of a sentence copied to a later place as a
//! sentence of their own, with whatever followed them there that goes on as the original does.
//!
//! The unit stage compares whole units, so this is no copy there: `现就……提出以下意见。` copied from
//! the end of `为……，现就……提出以下意见。` is a unit that occurs once.
//!
//! Method: every unit's clause tails (its text from the start, and from after each `，` or `：`) are
//! hashed, read backwards, into an index of their first occurrence. A later unit that is found
//! there whole, as a tail after a clause mark, repeats the end of an earlier sentence; the match is
//! then grown forwards over the units that follow both ([`grow`]).
//!
//! A unit that begins with a heading glued to its words (a scrape that lost its line breaks:
//! `1.加大……政策对新建……补贴。`, where the structure analysis cannot tell where the title ends) has a
//! tail at every place of its first characters too ([`GLUED_TITLE_CHARS`]). A later sentence equal
//! to the words from one of them is a copy, and so are the words after a later glued title that
//! equal an earlier sentence or tail; the same glued item under parallel parts never matches itself.
//!
//! What is not taken: a tail that stands alone (nothing after it goes on as the original does, and
//! no whole-unit copy was taken out right after it) and is shorter than twice `min_repeat_chars`, because that is also how a notice restates a goal
//! (`（二）工作目标。坚决防范和遏制重特大生产安全事故发生。` after a sentence ending with it); and any
//! match that does not cover a whole unit, because sentences end alike by design
//! (`……，确保各项政策措施落到实处。`), and one that ends by restating an earlier sentence
//! (`各地要……工程，确保[到2025年，……明显增强。]`) cannot be told from one with a sentence pasted
//! into it. Each unit is hashed once per clause, so the stage is linear in the text.

use super::units::{fold, is_counted, is_space, FxHashMap, Unit};
use crate::report::Span;
use crate::sections::title::{may_end_title_at, seam_likely};

/// A copy of part of a sentence, in the text's byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PartCopy {
    /// The earlier text it copies.
    pub original: Span,
    /// The copy's content.
    pub copy: Span,
    /// What to take out: the copy, with the white space it brought where white space precedes it.
    pub removal: Span,
}

/// How far the forward growth follows the units after a copy.
const FOLLOWING_UNITS: usize = 64;

/// A unit's characters as matching sees them (see [`folded`]), each with the byte offset where the
/// character it came from ends.
#[derive(Default)]
struct Folded {
    chars: Vec<char>,
    ends: Vec<usize>,
}

impl Folded {
    fn read(&mut self, text: &str, unit: &Unit) {
        self.chars.clear();
        self.ends.clear();
        let from = unit.content_start;
        let Some(content) = text.get(from..unit.content_end) else {
            return;
        };
        for (at, c) in content.char_indices() {
            if !is_space(c) {
                self.chars.push(fold(c));
                self.ends.push(from + at + c.len_utf8());
            }
        }
    }
}

fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | ':')
}

const BASE: u64 = 0x100_0000_01b3;

/// The characters of `text` as matching sees them: width folded, white space left out.
fn folded(text: &str) -> impl DoubleEndedIterator<Item = (usize, char)> + '_ {
    text.char_indices()
        .filter(|&(_, c)| !is_space(c))
        .map(|(at, c)| (at, fold(c)))
}

/// Characters after the start of a unit that begins with a heading glued to its words (`1.加大……
/// 政策对新建……`) where the heading's title may end and its words begin: the structure analysis
/// could not tell where, so every place there is a tail.
const GLUED_TITLE_CHARS: usize = 40;

/// One tail of a unit: where it starts, the hash of its characters, and whether it starts inside a
/// glued heading's title (and not at the unit's start or after a clause mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tail {
    start: usize,
    hash: u64,
    in_title: bool,
}

/// Where the place for a glued heading's title ends in `unit` (see [`GLUED_TITLE_CHARS`]), if the
/// unit begins with a glued heading.
fn glued_title_end(text: &str, unit: &Unit, glued: &[usize]) -> Option<usize> {
    glued.binary_search(&unit.content_start).ok()?;
    let content = text.get(unit.content_start..unit.content_end)?;
    // A statement after the marker (a pledge's `一、本企业……`) has no title to end.
    if crate::sections::title::opens_a_statement(content) {
        return None;
    }
    let end = folded(content)
        .nth(GLUED_TITLE_CHARS)
        .map_or(content.len(), |(at, _)| at);
    Some(unit.content_start + end)
}

/// The tails of the unit `content_start..content_end` of `text`, longest first: the unit, what
/// follows each clause mark, and each place before `title_end`. Hashed backwards, without copying
/// the unit.
fn clause_tails(text: &str, unit: &Unit, title_end: Option<usize>, out: &mut Vec<Tail>) {
    out.clear();
    let content = text.get(unit.content_start..unit.content_end).unwrap_or("");
    let title_end = title_end.map_or(0, |end| end - unit.content_start);
    let mut hash = 0u64;
    let mut tail_start = None;
    for (at, c) in folded(content).rev() {
        if let Some(start) = tail_start {
            if is_clause_mark(c) || start < title_end {
                out.push(Tail {
                    start: unit.content_start + start,
                    hash,
                    in_title: !is_clause_mark(c),
                });
            }
        }
        hash = hash.wrapping_mul(BASE).wrapping_add(u64::from(c) + 1);
        tail_start = Some(at);
    }
    if tail_start.is_some() {
        out.push(Tail {
            start: unit.content_start,
            hash,
            in_title: false,
        });
    }
    out.reverse();
}

/// Whether the text `later` (a unit, or its tail after a glued heading's title, in the unit that
/// starts at `later_unit_start`) is the tail of the
/// unit `earlier` from `earlier_tail` on, and that tail follows a clause mark or starts inside a
/// glued heading's title: the tail's counted characters if so. Hashes can collide, so the
/// characters themselves decide. When `later` starts inside a glued heading's title, the whole of
/// `earlier` counts too.
fn whole_tail_of(
    text: &str,
    later_unit_start: usize,
    later: (usize, usize),
    earlier: &Unit,
    earlier_tail: usize,
    glued: &[usize],
    later_in_title: bool,
) -> Option<usize> {
    let slice = |from: usize, to: usize| text.get(from..to).unwrap_or("");
    let whole = slice(later.0, later.1);
    let tail = slice(earlier_tail, earlier.content_end);
    let after_clause_mark = folded(slice(earlier.content_start, earlier_tail))
        .next_back()
        .is_some_and(|(_, c)| is_clause_mark(c));
    let whole_earlier = later_in_title && earlier_tail == earlier.content_start;
    let in_title = glued_title_end(text, earlier, glued)
        .is_some_and(|end| earlier.content_start < earlier_tail && earlier_tail < end);
    let same = folded(whole)
        .map(|(_, c)| c)
        .eq(folded(tail).map(|(_, c)| c));
    // A place inside a glued title is a guess: parallel items share their last words wherever
    // their names differ (`（二）省住房城乡建设厅分管负责同志，……` and `（三）省生态环境厅分管……`
    // share `厅分管……`; `……作出相应工作部署，并将情况……` and `……作出防汛抢险总体部署，并将情况……`
    // share `部署，并将情况……`). Where words go on or close a title rather than begin, on either
    // side, it is no seam; and where both places are guesses, one must look like a title's end.
    let earlier_title = slice(earlier.content_start, earlier_tail);
    let later_title = slice(later_unit_start, later.0);
    let at_seam = in_title
        && may_end_title_at(earlier_title, tail)
        && (!later_in_title || seam_likely(earlier_title, tail) || seam_likely(later_title, whole));
    let later_at_seam = !later_in_title || may_end_title_at(later_title, whole);
    ((after_clause_mark || at_seam || whole_earlier) && later_at_seam && same)
        .then(|| folded(whole).filter(|&(_, c)| is_counted(c)).count())
}

/// How far the copy that ends with unit `v` goes on as the text after its original, which ends with
/// unit `u`: the last unit of the copy, and where its original ends. Units after the original that
/// are copies themselves (exact copies of earlier units, or copies of part of a sentence found
/// before) are passed over: the copy of `B。（七）……`, whose original `A，B。` is followed by a copy
/// of another sentence before its `（七）……`, still takes its heading.
fn grow(
    text: &str,
    units: &[Unit],
    v: usize,
    u: usize,
    taken: &[bool],
    first_of_id: &[u32],
    (later, original): &mut (Folded, Folded),
) -> (usize, usize) {
    let usable = |k: usize| k < v && !taken[k];
    // Copies that are taken out, now or later, and so do not break the original's run.
    let skipped = |k: usize| taken[k] || (first_of_id[units[k].id as usize] as usize) < k;
    // Where `later`'s characters, read from unit `k` at character `at` on, end: the unit and
    // character after the last, and the byte offset. `None` if they differ first.
    let mut match_from = |later: &Folded, mut k: usize, mut at: usize| {
        if !usable(k) {
            return None;
        }
        original.read(text, &units[k]);
        let mut end = None;
        for &c in &later.chars {
            while at == original.chars.len() {
                k += 1;
                if !usable(k) {
                    return None;
                }
                original.read(text, &units[k]);
                at = 0;
            }
            if original.chars[at] != c {
                return None;
            }
            end = Some(original.ends[at]);
            at += 1;
        }
        let next = if at == original.chars.len() {
            (k + 1, 0)
        } else {
            (k, at)
        };
        end.map(|end| (next, end))
    };
    let (mut last, mut original_end) = (v, units[u].content_end);
    let mut next = (u + 1, 0);
    for w in (v + 1..units.len()).take(FOLLOWING_UNITS) {
        later.read(text, &units[w]);
        if later.chars.is_empty() {
            break;
        }
        let mut from = next;
        let mut matched = None;
        for _ in 0..FOLLOWING_UNITS {
            matched = match_from(later, from.0, from.1);
            if matched.is_some() || from.1 != 0 || from.0 >= v || !skipped(from.0) {
                break;
            }
            from = (from.0 + 1, 0);
        }
        let Some((after, end)) = matched else {
            break;
        };
        last = w;
        original_end = end;
        next = after;
    }
    (last, original_end)
}

/// Finds the copies of part of a sentence among `units` of `text`, none inside another.
/// `seams` are the ascending places in `text` where whole-unit copies were taken out; `glued` where
/// the headings glued to their words start, ascending.
pub(crate) fn find(
    text: &str,
    units: &[Unit],
    seams: &[usize],
    glued: &[usize],
    min_chars: usize,
) -> Vec<PartCopy> {
    let min_chars = min_chars.max(1);
    let mut first_tail: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    first_tail.reserve(units.len() + units.len() / 2);
    let mut taken = vec![false; units.len()];
    let mut copies = Vec::new();
    let mut folded_units = (Folded::default(), Folded::default());
    // The first unit with each ID: a later one is an exact copy of a whole unit.
    let mut first_of_id =
        vec![u32::MAX; units.iter().map(|u| u.id as usize + 1).max().unwrap_or(0)];
    for (k, unit) in units.iter().enumerate().rev() {
        first_of_id[unit.id as usize] = k as u32;
    }
    let mut tails = Vec::new();
    let mut v = 0;
    while v < units.len() {
        let unit = &units[v];
        if unit.heading {
            v += 1;
            continue;
        }
        clause_tails(text, unit, glued_title_end(text, unit, glued), &mut tails);
        // The earlier tail that this unit's tail from `tail` on repeats: the whole unit, as a
        // clause tail of an earlier unit (`tails[0]` is the whole unit); or, in a unit that begins
        // with a glued heading, its words after the title, as a tail or the whole of an earlier
        // unit (`2.强化人才队伍建设` + a pasted `对新建……补贴。`).
        let repeated = |tail: &Tail| {
            let &(u, earlier_tail) = first_tail.get(&tail.hash)?;
            let (u, earlier_tail) = (u as usize, earlier_tail as usize);
            // The text after one glued title against the text after the same glued title: the
            // same item under parallel parts (`1.加大……` under each), which matches itself
            // from every place.
            if tail.in_title && units[u].id == unit.id {
                return None;
            }
            let later = (tail.start, unit.content_end);
            let counted = whole_tail_of(
                text,
                unit.content_start,
                later,
                &units[u],
                earlier_tail,
                glued,
                tail.in_title,
            )?;
            (counted >= min_chars).then_some((tail.start, u, earlier_tail, counted))
        };
        let candidates = tails
            .iter()
            .filter(|t| t.start == unit.content_start || t.in_title);
        let found = candidates
            .filter(|_| !unit.formulaic && unit.counted as usize >= min_chars)
            .find_map(repeated)
            .and_then(|(start, u, earlier_tail, counted)| {
                let (last, original_end) =
                    grow(text, units, v, u, &taken, &first_of_id, &mut folded_units);
                // A tail on its own is a copy only when long: short ones restate goals. Followed by
                // what followed its original, or by copies already taken out (the rest of the
                // pasted run), it is part of a pasted run.
                let end = &units[last];
                let at = seams.partition_point(|&seam| seam < end.content_end);
                let copies_follow = seams.get(at).is_some_and(|&seam| seam <= end.end);
                (last > v || copies_follow || counted >= 2 * min_chars).then_some((
                    start,
                    earlier_tail,
                    last,
                    original_end,
                ))
            });
        let Some((start, original_start, last, original_end)) = found else {
            if !unit.formulaic {
                for tail in &tails {
                    first_tail
                        .entry(tail.hash)
                        .or_insert((v as u32, tail.start as u32));
                }
            }
            v += 1;
            continue;
        };
        let copy = Span::new(start, units[last].content_end);
        // With the unit's leading span, and with the white space after it where white space
        // precedes it, so that no removal joins two paragraphs. A copy after a glued heading's
        // title starts where it does.
        let removal_start = if start == unit.content_start {
            units[v].start
        } else {
            start
        };
        let after_space = text
            .get(..removal_start)
            .and_then(|before| before.chars().next_back())
            .map_or(true, is_space);
        let end = if after_space {
            units[last].end
        } else {
            units[last].content_end
        };
        let removal = Span::new(removal_start, end);
        copies.push(PartCopy {
            original: Span::new(original_start, original_end),
            copy,
            removal,
        });
        taken[v..=last].iter_mut().for_each(|t| *t = true);
        v = last + 1;
    }
    copies
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str) -> Unit {
        Unit {
            start: 0,
            content_start: 0,
            content_end: text.len(),
            end: text.len(),
            id: 0,
            counted: 0,
            formulaic: false,
            heading: false,
            first: text.chars().next().unwrap_or(' '),
        }
    }

    #[test]
    fn clause_tails_start_at_the_unit_and_after_each_clause_mark() {
        let mut tails = Vec::new();
        let text = "甲， 乙：丙。";
        clause_tails(text, &unit(text), None, &mut tails);
        let starts: Vec<&str> = tails.iter().map(|t| &text[t.start..]).collect();
        assert_eq!(starts, ["甲， 乙：丙。", "乙：丙。", "丙。"]);
        let mut alone = Vec::new();
        clause_tails("丙。", &unit("丙。"), None, &mut alone);
        assert_eq!(alone[0].hash, tails[2].hash, "equal tails hash equal");
        let mut half_width = Vec::new();
        clause_tails("甲,乙:丙。", &unit("甲,乙:丙。"), None, &mut half_width);
        let hashes = |t: &[Tail]| t.iter().map(|t| t.hash).collect::<Vec<_>>();
        assert_eq!(
            hashes(&half_width),
            hashes(&tails),
            "width and white space are no difference"
        );
    }
}
