//! Copies of part of a sentence: the last clauses of a sentence copied to a later place as a
//! sentence of their own, and a whole sentence copied into the middle of another.
//!
//! The unit stage compares whole units, so neither is a copy there: `现就……提出以下意见。` copied
//! from the end of `为……，现就……提出以下意见。` is a unit that occurs once, and a sentence pasted
//! after `对科研人员创办企业` makes one unit with the words before it.
//!
//! Method: every unit's clause tails (its text from the start, and from after each `，` or `：`) are
//! hashed, read backwards, into an index of their first occurrence. A later unit whose own clause
//! tail is found there shares the end of a sentence with an earlier unit; the match is then grown
//! character by character, backwards inside the two units and forwards over the units that follow
//! both, and kept only in the two shapes damage leaves:
//! - **a clause tail copied as a sentence**: the whole later unit (with the units after it that
//!   continue the original) is the tail of the earlier one, from a clause mark on;
//! - **a sentence copied into a sentence**: the match covers the whole earlier unit, and in the
//!   later one it starts right after a counted character (no clause mark: `企业加强……`), and it is
//!   at least twice `min_repeat_chars` long.
//!
//! Two sentences that merely end alike (`……，确保各项政策措施落到实处。` twice) match in neither
//! shape, and stay. Each unit is hashed once per clause, so the stage is linear in the text.

use super::units::{fold, is_counted, is_space, FxHashMap, Unit};
use crate::report::Span;

/// A copy of part of a sentence, or of a sentence into part of one, in the text's byte offsets.
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

/// The hash of each clause tail of the unit `content_start..content_end` of `text` (from its
/// start, and after each clause mark) with where the tail starts, longest first. Read backwards,
/// without copying the unit.
fn clause_tails(text: &str, unit: &Unit, out: &mut Vec<(usize, u64)>) {
    out.clear();
    let content = text.get(unit.content_start..unit.content_end).unwrap_or("");
    let mut hash = 0u64;
    let mut tail_start = None;
    for (at, c) in folded(content).rev() {
        if let Some(start) = tail_start.filter(|_| is_clause_mark(c)) {
            out.push((unit.content_start + start, hash));
        }
        hash = hash.wrapping_mul(BASE).wrapping_add(u64::from(c) + 1);
        tail_start = Some(at);
    }
    if tail_start.is_some() {
        out.push((unit.content_start, hash));
    }
    out.reverse();
}

/// Where the text shared by the ends of two units begins. `later_tail..` of the unit `later` and
/// `earlier_tail..` of `earlier` are equal as folded characters; the match is grown backwards.
struct SharedEnd {
    later_start: usize,
    earlier_start: usize,
    /// The characters just before the shared text (`None` at the unit's start).
    before_later: Option<char>,
    before_earlier: Option<char>,
    /// Counted characters in the shared text.
    counted: usize,
}

fn shared_end(
    text: &str,
    later: &Unit,
    later_tail: usize,
    earlier: &Unit,
    earlier_tail: usize,
) -> Option<SharedEnd> {
    let slice = |from: usize, to: usize| text.get(from..to).unwrap_or("");
    let (tail_a, tail_b) = (
        slice(later_tail, later.content_end),
        slice(earlier_tail, earlier.content_end),
    );
    // Hashes can collide: the tails themselves decide.
    if !folded(tail_a)
        .map(|(_, c)| c)
        .eq(folded(tail_b).map(|(_, c)| c))
    {
        return None;
    }
    let mut counted = folded(tail_a).filter(|&(_, c)| is_counted(c)).count();
    let mut a = folded(slice(later.content_start, later_tail)).rev();
    let mut b = folded(slice(earlier.content_start, earlier_tail)).rev();
    let (mut later_start, mut earlier_start) = (later_tail, earlier_tail);
    loop {
        match (a.next(), b.next()) {
            (Some((x_at, x)), Some((y_at, y))) if x == y => {
                later_start = later.content_start + x_at;
                earlier_start = earlier.content_start + y_at;
                counted += usize::from(is_counted(x));
            }
            (x, y) => {
                return Some(SharedEnd {
                    later_start,
                    earlier_start,
                    before_later: x.map(|(_, c)| c),
                    before_earlier: y.map(|(_, c)| c),
                    counted,
                })
            }
        }
    }
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
pub(crate) fn find(text: &str, units: &[Unit], min_chars: usize) -> Vec<PartCopy> {
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
        clause_tails(text, unit, &mut tails);
        let mut found = None;
        if !unit.formulaic && unit.counted as usize >= min_chars {
            for &(tail, hash) in &tails {
                let Some(&(u, earlier_tail)) = first_tail.get(&hash) else {
                    continue;
                };
                let u = u as usize;
                let Some(shared) = shared_end(text, unit, tail, &units[u], earlier_tail as usize)
                else {
                    continue;
                };
                let tail_copy = shared.before_later.is_none()
                    && shared.before_earlier.is_some_and(|c| !is_counted(c))
                    && shared.counted >= min_chars;
                let sentence_inserted = shared.before_earlier.is_none()
                    && shared.before_later.is_some_and(is_counted)
                    && shared.counted >= 2 * min_chars;
                if tail_copy || sentence_inserted {
                    found = Some((u, shared));
                }
                // The longest shared tail decides; a shorter one is the same sentence ending.
                break;
            }
        }
        let Some((u, shared)) = found else {
            if !unit.formulaic {
                for &(at, hash) in &tails {
                    first_tail.entry(hash).or_insert((v as u32, at as u32));
                }
            }
            v += 1;
            continue;
        };
        let (copy_start, original_start) = (shared.later_start, shared.earlier_start);
        let whole_units = shared.before_later.is_none();
        let (last, original_end) = grow(text, units, v, u, &taken, &first_of_id, &mut folded_units);
        let copy = Span::new(copy_start, units[last].content_end);
        // A copy that is whole units goes with its unit's leading span, and with the white space
        // after it where white space precedes it, so that no removal joins two paragraphs; a copy
        // inside a sentence is exactly its characters.
        let removal = if !whole_units {
            copy
        } else {
            let after_space = text
                .get(..units[v].start)
                .and_then(|before| before.chars().next_back())
                .map_or(true, is_space);
            let end = if after_space {
                units[last].end
            } else {
                units[last].content_end
            };
            Span::new(units[v].start, end)
        };
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
        }
    }

    #[test]
    fn clause_tails_start_at_the_unit_and_after_each_clause_mark() {
        let mut tails = Vec::new();
        let text = "甲， 乙：丙。";
        clause_tails(text, &unit(text), &mut tails);
        let starts: Vec<&str> = tails.iter().map(|t| &text[t.0..]).collect();
        assert_eq!(starts, ["甲， 乙：丙。", "乙：丙。", "丙。"]);
        let mut alone = Vec::new();
        clause_tails("丙。", &unit("丙。"), &mut alone);
        assert_eq!(alone, [(0, tails[2].1)], "equal tails hash equal");
        let mut half_width = Vec::new();
        clause_tails("甲,乙:丙。", &unit("甲,乙:丙。"), &mut half_width);
        let hashes = |t: &[(usize, u64)]| t.iter().map(|t| t.1).collect::<Vec<_>>();
        assert_eq!(
            hashes(&half_width),
            hashes(&tails),
            "width and white space are no difference"
        );
    }
}
