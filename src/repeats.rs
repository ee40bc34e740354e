//! Repeated passages: sentences a web scrape copied to later places, linked to their originals.
//!
//! ## How
//! 1. The text is cut into units (`units`): sentences and clause-ended runs, parenthesised notes,
//!    and the headings the structure analysis found, each a unit of its own even where it runs
//!    straight into the next sentence. Each unit is normalised (width folded, white space removed) and interned
//!    to an ID, so `，`/`,` and `（`/`(` and stray white space never make two copies differ.
//! 2. Over the ID sequence, a suffix array gives each unit's longest previous factor (`suffix_array`):
//!    the longest run of units starting here that also occurs earlier. A greedy left-to-right parse
//!    (LZ77) takes every such run of at least `min_repeat_chars` counted characters as a copy.
//!    Copies are grouped by content; the earliest occurrence is the original.
//! 3. Units left over are compared with earlier units for edited copies (`near`). An exact copy
//!    next to an edited one, of the originals next to each other, is part of one edited passage.
//! 4. A copy's extent is settled by extension (`extend`): over the short units that follow (precede)
//!    it when they also follow (precede) its original once the other copies are out, and, when
//!    near-duplicates are dropped, over the short units around an edited copy. An "original" that
//!    lies in another copy is first resolved to where its text first occurs as kept text.
//! 5. The copies are removed (with their trailing white space only where white space precedes them,
//!    so that no removal joins two paragraphs), and the result is analysed again until nothing more is removed. The
//!    later passes reuse the units of the one before and cut the text again only around the places
//!    where copies were taken out (`carry`), and look edited copies up again only for the units
//!    whose fingerprints' postings changed (`near::Cache`), so each costs a fraction of the first.
//!
//! ## Why the fixpoint
//! Removing a copy can make two kept units adjacent that together repeat an earlier passage
//! (`A B … A [copy] B` becomes `A B … A B`). No single-pass criterion that looks only at the damaged
//! text can see that, so [`find`] re-analyses its own output until a pass removes nothing. Every pass
//! that continues removes at least one unit, so this ends; on real scrapes the second pass finds nothing.
//! Because the loop stops exactly when analysing `dedup.text` removes nothing, analysing `dedup.text`
//! again with the same headings removes nothing. The structure analysis of `dedup.text` itself can
//! read some headings differently, once copies are out (plans whose headings run together on one
//! line; the README's "Not yet"), and then a second deduplication can remove more.
//!
//! ## What is not damage
//! A unit that is only a parenthesised note (`（责任单位：省科技厅、省教育厅）`), only punctuation or
//! only markup (`</p><p style="text-indent:2em">`) may be carried inside a copy but never begins
//! one, and it counts for nothing towards `min_repeat_chars`. A heading is a unit of its own, so a
//! marker such as `（一）` or `二、` (a character or two) is never a repeat on its own, and a heading
//! is compared with headings only when edited copies are looked for. A plan's headings in their
//! place in the numbering (the same `（一）工作目标` under each part) are its structure, never a copy,
//! and a copy leaves the settled headings at its edges (see `Numbering`). Nor are an item's words
//! on its heading's line, up to the next heading, a copy of another item's same words (indicators
//! scored by one sentence) or under the same heading of another part (`items_own_words`); nor an
//! item, or a run of items within a longer list, repeated whole where its numbers fit
//! (`the_same_item_in_two_places`); nor the same field
//! of parallel parts at its place among their labels (`fields_of_parallel_parts`); nor the uses of
//! a set sentence that a notice puts between other sentences four times or more, in three
//! articles of rules or more, or that closes each part, or each of a whole list of three
//! (`set_sentences`); nor a sentence written for each of sibling items (`written_for_each_item`),
//! closing each labelled entry after its `；` (`closes_each_labelled_entry`), or closing sibling
//! parts that end alike (`closes_parts_ending_alike`); nor a restatement that names its source,
//! or names it alike the first time in another document (`restatements`); nor what a 解读, a
//! 起草说明 or an annex repeats of the text before it, what a document states that the notice
//! issuing it cited (`《实施方案》明确，……`) or announced of its entry into force; nor what a
//! later one of documents issued together repeats of an earlier one in their common model's
//! order (`the_model_of_documents_issued_together`).
//! Edited copies are looked for within one document of a 转发 nest, one such reading, or one of
//! documents issued together, and not
//! among parallel counterparts (`parallel_counterparts`) or a pledge's restatements.
//! Copies of part of a sentence are found once no whole unit is a copy (`clauses`).

mod clauses;
mod near;
mod restatements;
mod suffix_array;
mod units;

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use crate::document::IssuedStart;
use crate::report::{Dedup, Occurrence, Repeat, Section, Span};
use crate::Options;
use units::{FxHashMap, Norms, Segmenter, Unit};

/// Repeated passages and the deduplicated text, byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Passages that occur more than once.
    pub repeats: Vec<Repeat>,
    /// The text without its copies.
    pub dedup: Dedup,
}

/// A bound on the re-analysis loop for adversarial input; real scrapes need one or two passes.
const MAX_PASSES: usize = 16;

/// Finds repeated passages in `text` and removes the copies, cutting units at the headings that
/// [`crate::sections::find`] finds in `text`.
pub fn find(text: &str, options: &Options) -> Found {
    find_with_sections(text, &crate::sections::find(text).sections, options)
}

/// [`find`], with the headings of `text` already found: every heading (`start..heading_end`) is a
/// unit of its own, so that neither its copies nor the sentence it runs into differ by it.
pub fn find_with_sections(text: &str, sections: &[Section], options: &Options) -> Found {
    find_with_structure(text, sections, &DocumentStarts::default(), options)
}

/// Where the documents of a text start, as the document analysis found them: byte offsets,
/// ascending.
#[derive(Debug, Default)]
pub(crate) struct DocumentStarts {
    /// The documents a 转发 notice forwards. A 转发 notice restates sentences of the document it
    /// forwards, adapted (`请径向市自然资源局反映` for `请径向省自然资源厅反映`), and its title names
    /// that document's, so an edited copy is looked for within one document only.
    pub forwarded: Vec<usize>,
    /// The documents that restate the text before them by design: a 解读 or 起草说明 that explains
    /// it, an annex that details it. What they repeat of it is no copy, and an edited copy is looked
    /// for within one of them only.
    pub restating: Vec<usize>,
    /// The documents issued together on one page, each under its own 发文字号 of one series: what
    /// a later one repeats of an earlier one in the same order is their common model's (see
    /// [`the_model_of_documents_issued_together`]), and an edited copy is looked for within one
    /// of them only.
    pub issued_together: Vec<IssuedStart>,
    /// The summary boxes before a body that gives their points in full (`【重要提示】`), each from
    /// its label to the body's first part: the first of each point after the box is the body's.
    pub summary_boxes: Vec<(usize, usize)>,
}

/// [`find_with_sections`], with where the documents of `text` start.
pub(crate) fn find_with_structure(
    text: &str,
    sections: &[Section],
    documents: &DocumentStarts,
    options: &Options,
) -> Found {
    // A heading without a title is a bare marker glued to the words it numbers, and where those
    // words begin is a guess that its copies need not share: it starts a unit, and ends none.
    let mut headings: Vec<(usize, usize)> = sections
        .iter()
        .map(|s| match s.title {
            Some(_) => (s.start, s.heading_end),
            None => (s.start, s.start),
        })
        .filter(|&(start, end)| start <= end && end <= text.len() && text.is_char_boundary(start))
        .filter(|&(_, end)| text.is_char_boundary(end))
        .collect();
    headings.sort_unstable();
    // Disjoint, as the segmenter needs: a heading that overlaps the one before it is dropped.
    let mut last_end = 0;
    headings.retain(|&(start, end)| {
        let keep = start >= last_end;
        if keep {
            last_end = end;
        }
        keep
    });
    // Copies of part of a sentence are looked for once no whole unit is a copy any more, so that a
    // whole-sentence copy, with the edited and short units around it, is settled by the whole-unit
    // analysis first. When some are found, they are taken out of the text and the whole-unit
    // analysis starts again without them: a clause tail copied after an original hid that the
    // heading after a later copy of that original also follows it, and the heading's copy would
    // otherwise be left behind alone.
    let mut marks: Vec<Mark> = sections
        .iter()
        .filter(|s| s.start <= text.len() && text.is_char_boundary(s.start))
        .map(|s| Mark {
            start: s.start,
            level: s.level,
            ordinal: s.ordinal,
        })
        .collect();
    marks.sort_unstable_by_key(|m| m.start);
    let headings = Headings {
        spans: headings,
        marks,
        document_starts: {
            let mut starts = [&documents.forwarded[..], &documents.restating[..]].concat();
            starts.sort_unstable();
            starts
        },
        restating_starts: documents.restating.clone(),
        issued_starts: documents.issued_together.clone(),
        summary_boxes: documents.summary_boxes.clone(),
    };
    let mut taken_parts: Vec<Span> = Vec::new();
    let mut part_repeats: Vec<Repeat> = Vec::new();
    // The repeat of each original among `part_repeats`.
    let mut part_repeat_of: FxHashMap<Span, usize> = FxHashMap::default();
    let mut base: Cow<str> = Cow::Borrowed(text);
    let mut base_headings = headings.moved(&[]);
    let mut round = 0;
    loop {
        round += 1;
        let whole = whole_unit_copies(&base, base_headings, options);
        let mut parts = if round < PART_ROUNDS {
            clauses::find(
                &whole.text,
                &whole.units,
                &seams(&whole.removed),
                &whole.glued,
                options.min_repeat_chars,
            )
        } else {
            Vec::new()
        };
        let to_text = KeptPieces::new(&taken_parts, text.len());
        if !parts.is_empty() {
            // What a restating document repeats of the text before it is its own, as for whole
            // units: an annex's item glued to its heading in a scrape without line breaks. So is
            // what a body gives in full of a summary box before it (`2.` glued to its point).
            let to_base = KeptPieces::new(&whole.removed, base.len());
            let in_text = |at: usize| to_text.start_to_original(to_base.start_to_original(at));
            parts.retain(|part| {
                let (copy, original) = (in_text(part.copy.start), in_text(part.original.start));
                !headings.restates_earlier_text(copy, original)
                    && !headings.details_a_summary(copy, original)
                    && !headings.states_what_was_cited(text, copy, original)
            });
        }
        if parts.is_empty() {
            let mut repeats = whole.repeats;
            for repeat in &mut repeats {
                for o in &mut repeat.occurrences {
                    (o.start, o.end) = (
                        to_text.start_to_original(o.start),
                        to_text.end_to_original(o.end),
                    );
                }
            }
            let removed = whole.removed.iter().map(|s| {
                Span::new(
                    to_text.start_to_original(s.start),
                    to_text.end_to_original(s.end),
                )
            });
            let removed = merge(taken_parts.iter().copied().chain(removed).collect());
            let (removed, joined) = join_separated_copies(text, &taken_parts, removed);
            let dedup_text = if joined {
                without(text, &removed)
            } else {
                whole.text
            };
            for repeat in &mut part_repeats {
                repeat.occurrences.sort_by_key(|o| (o.start, o.end));
            }
            repeats.extend(part_repeats);
            join_copies_of_copies(&mut repeats);
            repeats.sort_by_key(|r| r.occurrences.first().map(|o| (o.start, o.end)));
            return Found {
                repeats,
                dedup: Dedup {
                    text: dedup_text,
                    removed,
                },
            };
        }
        // From the deduplicated text to `base`, and from `base` to `text`.
        let to_base = KeptPieces::new(&whole.removed, base.len());
        let to_original = |span: Span| {
            let start = to_text.start_to_original(to_base.start_to_original(span.start));
            let end = to_text.end_to_original(to_base.end_to_original(span.end));
            Span::new(start, end)
        };
        let to_base_span = |span: Span| {
            Span::new(
                to_base.start_to_original(span.start),
                to_base.end_to_original(span.end),
            )
        };
        let to_text_span = |span: Span| {
            Span::new(
                to_text.start_to_original(span.start),
                to_text.end_to_original(span.end),
            )
        };
        // (original, copy, removal) in `text`'s offsets: each copy of part of a sentence, and each
        // exact whole-unit copy of one (`A，B。 B。 B。`: the third is a copy of the second), which
        // would otherwise be found again, one round at a time, as the next round's first `B。`.
        let mut taken: Vec<(Span, Span, Span)> = Vec::new();
        for part in &parts {
            let copy_in_base = to_base_span(part.copy);
            taken.push((
                to_original(part.original),
                to_original(part.copy),
                to_text_span(to_base_span(part.removal)),
            ));
            let copies_of_copy = whole.repeats.iter().filter(|r| {
                r.occurrences
                    .first()
                    .is_some_and(|o| Span::new(o.start, o.end) == copy_in_base)
            });
            // Only a copy that was taken out alone (a copy that went with the units after it is
            // left to the next round, which sees it whole), with the white space after it only
            // where white space precedes it, as [`removal`] decides.
            let alone = |o: &Occurrence| {
                let at = whole.removed.partition_point(|r| r.end <= o.start);
                whole.removed.get(at).is_some_and(|r| {
                    r.start <= o.start
                        && o.end <= r.end
                        && base[r.start..o.start].chars().all(units::is_space)
                        && base[o.end..r.end].chars().all(units::is_space)
                })
            };
            for o in copies_of_copy.flat_map(|r| r.occurrences.iter().skip(1)) {
                if o.similarity >= 1.0 && alone(o) {
                    let after_space = base[..o.start]
                        .chars()
                        .next_back()
                        .map_or(true, units::is_space);
                    let after = &base[o.end..];
                    let space = after.len() - after.trim_start_matches(units::is_space).len();
                    let end = if after_space { o.end + space } else { o.end };
                    let copy = to_text_span(Span::new(o.start, o.end));
                    let removal = to_text_span(Span::new(o.start, end));
                    taken.push((to_original(part.original), copy, removal));
                }
            }
        }
        // One repeat per original, also when its copies are found in different rounds.
        for &(original, copy, _) in &taken {
            match part_repeat_of.get(&original) {
                Some(&k) => part_repeats[k].occurrences.push(Occurrence {
                    start: copy.start,
                    end: copy.end,
                    similarity: 1.0,
                }),
                None => {
                    part_repeat_of.insert(original, part_repeats.len());
                    part_repeats.push(repeat(text, original, std::iter::once((copy, 1.0))));
                }
            }
        }
        let removals = taken.iter().map(|&(_, _, removal)| removal);
        taken_parts = merge(taken_parts.iter().copied().chain(removals).collect());
        base = Cow::Owned(without(text, &taken_parts));
        base_headings = headings.moved(&taken_parts);
    }
}

/// A copy of part of a sentence and a copy of whole units that white space alone separates were one
/// copy in the text, found in different rounds: the white space between them goes too, as it would
/// inside one copy, unless the later copy already took the white space after it (one separator
/// must stay). Returns the removed spans, and whether any grew.
fn join_separated_copies(text: &str, parts: &[Span], mut removed: Vec<Span>) -> (Vec<Span>, bool) {
    let mut joined = false;
    for part in parts {
        let after = text.get(part.end..).unwrap_or("");
        let space = after.len() - after.trim_start_matches(units::is_space).len();
        if space == 0 {
            continue;
        }
        let next = removed.partition_point(|r| r.start < part.end + space);
        // The later copy may be a chain of touching spans: its last decides.
        let mut chain_end = None;
        for (k, r) in removed.iter().enumerate().skip(next) {
            chain_end = Some(r.end);
            if removed.get(k + 1).map_or(true, |f| f.start != r.end) {
                break;
            }
        }
        let joins = removed
            .get(next)
            .is_some_and(|r| r.start == part.end + space)
            && !chain_end
                .and_then(|end| text.get(..end))
                .and_then(|t| t.chars().next_back())
                .is_some_and(units::is_space);
        // The span that ends with the copy takes the white space: a span of white space alone
        // would be no passage.
        // Ascending and disjoint, the spans' ends ascend too.
        let ending = removed.partition_point(|r| r.end < part.end);
        if let Some(span) = removed
            .get_mut(ending)
            .filter(|r| joins && r.end == part.end)
        {
            span.end += space;
            joined = true;
        }
    }
    (removed, joined)
}

/// Where the ascending, disjoint `removed` spans were, in the text without them.
fn seams(removed: &[Span]) -> Vec<usize> {
    let mut gone = 0;
    removed
        .iter()
        .map(|span| {
            let seam = span.start - gone;
            gone += span.len();
            seam
        })
        .collect()
}

/// A bound on the rounds of the whole-unit analysis, each after taking out the copies of part of a
/// sentence the round before found. Real scrapes need one or two; each round costs a whole analysis.
/// A tail copied many times, each time in different company, is taken out a copy or two a round:
/// the property tests found one that needed five, so that deduplicating again removed more.
const PART_ROUNDS: usize = 8;

/// The whole-unit analysis of `text`: repeats and removed spans in `text`'s offsets, the
/// deduplicated text, and its units.
struct WholeUnits {
    repeats: Vec<Repeat>,
    removed: Vec<Span>,
    text: String,
    units: Vec<Unit>,
    /// Where the headings glued to their words start in `text`, ascending.
    glued: Vec<usize>,
}

/// Finds the copies of whole units in `text` and removes them, again and again until a pass
/// removes nothing.
fn whole_unit_copies(text: &str, mut headings: Headings, options: &Options) -> WholeUnits {
    let mut removed: Vec<Span> = Vec::new();
    let mut repeats: Vec<Repeat> = Vec::new();
    let mut current: Cow<str> = Cow::Borrowed(text);
    let mut segmenter = Segmenter::new(text.len());
    let mut units = Vec::new();
    segmenter.run(text, &headings.spans, 0, &mut units, |_| false);
    // Whether a pass kept an exact copy as part of an edited passage.
    let mut kept_exact = false;
    let mut near_cache = near::Cache::default();
    for pass in 0..MAX_PASSES {
        // Kept near-duplicates are reported from the first pass only, and looked for again only
        // when an exact copy was kept with one: a later pass that did not see the edit would take
        // that copy out after all. (Looking on every pass cost a third more time.) A pass after
        // the first looks up again only the units whose answer may have changed: see near::Cache.
        let near =
            options.near_duplicates && (pass == 0 || options.drop_near_duplicates || kept_exact);
        let found = analyse(
            &current,
            &units,
            segmenter.norms(),
            options,
            near.then_some(&mut near_cache),
            &headings,
            pass == 0,
        );
        kept_exact |= found.kept_exact;
        let finished = found.removed.is_empty();
        let next = if finished {
            None
        } else {
            let next = without(&current, &found.removed);
            headings = headings.moved(&found.removed);
            let cut = carry(
                &mut segmenter,
                &headings.spans,
                &units,
                &found.removed,
                &next,
            );
            near_cache.moved(&correspondence(&units, &found.removed, &cut), &cut);
            units = cut;
            Some(next)
        };
        if pass == 0 {
            repeats.extend(found.repeats.into_iter().map(|(r, _)| r));
            removed = found.removed;
        } else {
            let kept = KeptPieces::new(&removed, text.len());
            for (mut repeat, removes) in found.repeats {
                if removes {
                    for o in &mut repeat.occurrences {
                        o.start = kept.start_to_original(o.start);
                        o.end = kept.end_to_original(o.end);
                    }
                    repeats.push(repeat);
                }
            }
            let mapped = found
                .removed
                .iter()
                .map(|s| Span::new(kept.start_to_original(s.start), kept.end_to_original(s.end)));
            removed = merge(removed.iter().copied().chain(mapped).collect());
        }
        match next {
            Some(next) => current = Cow::Owned(next),
            None => break,
        }
    }
    // A heading without a title is a marker glued to its words: a zero-length span.
    let glued = headings
        .spans
        .iter()
        .filter(|&&(start, end)| start == end)
        .map(|&(start, _)| start)
        .collect();
    WholeUnits {
        repeats,
        removed,
        text: current.into_owned(),
        units,
        glued,
    }
}

/// A pass can take out, as a copy of part of a sentence, text that an earlier pass took as the
/// original of an exact copy (`A，B。 B。 B。`: the second `B。` goes first, as a copy of the first).
/// Such a repeat joins the one its "original" is a copy in, so that every copy is linked to where
/// its text first occurs.
fn join_copies_of_copies(repeats: &mut Vec<Repeat>) {
    let mut repeat_of_copy: FxHashMap<Span, usize> = FxHashMap::default();
    for (k, repeat) in repeats.iter().enumerate() {
        for o in repeat.occurrences.iter().skip(1) {
            if o.similarity >= 1.0 {
                repeat_of_copy.insert(Span::new(o.start, o.end), k);
            }
        }
    }
    if repeat_of_copy.is_empty() {
        return;
    }
    let first = |r: &Repeat| r.occurrences.first().map(|o| Span::new(o.start, o.end));
    let mut joined = false;
    for k in 0..repeats.len() {
        let mut into = k;
        // Each step moves to an earlier original, so the chain is short; the bound is for safety.
        for _ in 0..repeats.len().min(64) {
            match first(&repeats[into]).and_then(|span| repeat_of_copy.get(&span)) {
                Some(&next) if next != into && next != k => into = next,
                _ => break,
            }
        }
        if into != k && repeats[k].similarity >= 1.0 {
            let moved: Vec<Occurrence> = repeats[k].occurrences.drain(1..).collect();
            repeats[into].occurrences.extend(moved);
            repeats[k].occurrences.clear();
            joined = true;
        }
    }
    if joined {
        repeats.retain(|r| !r.occurrences.is_empty());
        for repeat in repeats.iter_mut() {
            repeat.occurrences.sort_by_key(|o| (o.start, o.end));
        }
    }
}

/// A heading's marker: where it starts, its level and its number.
#[derive(Debug, Clone, Copy)]
struct Mark {
    start: usize,
    level: u8,
    ordinal: u32,
}

/// The headings the units are cut at, the markers of all headings, and where forwarded documents
/// start.
struct Headings {
    spans: Vec<(usize, usize)>,
    marks: Vec<Mark>,
    document_starts: Vec<usize>,
    /// The documents among them that explain the text before them (see [`DocumentStarts`]).
    restating_starts: Vec<usize>,
    /// Where each of the documents issued together starts (see [`DocumentStarts`]).
    issued_starts: Vec<IssuedStart>,
    /// The summary boxes before a body (see [`DocumentStarts`]), ascending.
    summary_boxes: Vec<(usize, usize)>,
}

impl Headings {
    /// The headings that are left once the `removed` spans are taken out, in the shorter text.
    fn moved(&self, removed: &[Span]) -> Headings {
        let mut marks = Vec::with_capacity(self.marks.len());
        let (mut shift, mut r) = (0, 0);
        for &mark in &self.marks {
            while r < removed.len() && removed[r].end <= mark.start {
                shift += removed[r].len();
                r += 1;
            }
            if r < removed.len() && removed[r].start <= mark.start {
                continue;
            }
            marks.push(Mark {
                start: mark.start - shift,
                ..mark
            });
        }
        Headings {
            spans: moved_headings(&self.spans, removed),
            marks,
            document_starts: moved_places(&self.document_starts, removed),
            restating_starts: moved_places(&self.restating_starts, removed),
            issued_starts: {
                let at: Vec<usize> = self.issued_starts.iter().map(|s| s.at).collect();
                let kept = kept_places(&at, removed);
                kept.map(|(k, at)| IssuedStart {
                    at,
                    ..self.issued_starts[k]
                })
                .collect()
            },
            summary_boxes: self
                .summary_boxes
                .iter()
                .filter_map(|&(start, end)| {
                    Some((moved_place(start, removed)?, moved_place(end, removed)?))
                })
                .collect(),
        }
    }

    /// Whether the place `at` lies after a summary box of its document, and `original` in it.
    fn details_a_summary(&self, at: usize, original: usize) -> bool {
        let k = self
            .summary_boxes
            .partition_point(|&(start, _)| start <= original);
        k.checked_sub(1)
            .map(|k| self.summary_boxes[k])
            .is_some_and(|(start, end)| {
                original < end && end <= at && self.document_at(at) == self.document_at(start)
            })
    }

    /// Which of the documents issued together the place `at` is in, if any: the index of its
    /// start, and which document that is.
    fn issued_document_at(&self, at: usize) -> Option<(usize, usize)> {
        let k = self
            .issued_starts
            .partition_point(|start| start.at <= at)
            .checked_sub(1)?;
        Some((k, self.issued_starts[k].document))
    }

    /// Whether the range of the documents issued together that starts at `issued_starts[k]` is a
    /// copy of an earlier one, under its number met again.
    fn issued_again(&self, k: usize) -> bool {
        self.issued_starts[k].again
    }

    /// Which document of the text (0 for the forwarding notice) the place `at` is in.
    fn document_at(&self, at: usize) -> usize {
        self.document_starts.partition_point(|&start| start <= at)
    }

    /// Whether the place `at` lies in a document that restates the text before it, and `original`
    /// in that text.
    fn restates_earlier_text(&self, at: usize, original: usize) -> bool {
        let k = self.restating_starts.partition_point(|&start| start <= at);
        k.checked_sub(1)
            .map(|k| self.restating_starts[k])
            .is_some_and(|start| {
                original < start && self.document_at(at) == self.document_at(start)
            })
    }

    /// Whether the place `at` lies in a document that the words right before `original`, in the
    /// text before that document, cite with a verb of saying (`《实施方案》明确，到2025年底……` in
    /// the notice that issues the 方案, which then states its target): the notice sums up the
    /// document it issues, and the document's words are its own.
    fn states_what_was_cited(&self, text: &str, at: usize, original: usize) -> bool {
        // How far into the document its title may name what was cited.
        const TITLE_BYTES: usize = 300;
        let Some(&start) = self
            .document_at(at)
            .checked_sub(1)
            .and_then(|k| self.document_starts.get(k))
        else {
            return false;
        };
        let floor = |at: usize| crate::document::floor(text, at);
        let before =
            text.get(floor(original.saturating_sub(restatements::CITED_BEFORE_BYTES))..original);
        let title = text.get(start..floor(start + TITLE_BYTES));
        original < start
            && before
                .and_then(restatements::cited_right_before)
                .zip(title)
                .is_some_and(|(name, title)| title.contains(name))
    }

    /// Whether the headings of `level` that start at `from` and at `to` (later) are siblings: no
    /// heading of a higher level between the two, within [`SIBLINGS_READ`] headings.
    fn siblings(&self, from: usize, to: usize, level: u8) -> bool {
        let marks = &self.marks;
        let start = marks.partition_point(|m| m.start <= from);
        let between = &marks[start..start + marks[start..].partition_point(|m| m.start < to)];
        between.len() <= SIBLINGS_READ && between.iter().all(|m| m.level >= level)
    }

    /// The heading whose marker starts at `start`.
    fn mark_at(&self, start: usize) -> Option<Mark> {
        let at = self.marks.binary_search_by_key(&start, |m| m.start).ok()?;
        Some(self.marks[at])
    }

    /// The level of the heading whose marker starts at `start`.
    fn level_at(&self, start: usize) -> Option<u8> {
        self.mark_at(start).map(|m| m.level)
    }

    /// How the headings stand in the numbering. In place, read two ways: the first under a heading
    /// of a higher level numbered 1 and each next one the next number, heading after heading; or
    /// numbered in order under a heading in place (see [`Reading`]). Either alone
    /// takes real headings for copies: the first after a copied `一、` pasted into part `二、`, the
    /// second where a part's `（一）` `（二）` follow copies of them. A plan repeats
    /// `（一）工作目标` and `（二）重点举措` under each of its parts, each in its place; a copy that a
    /// scrape made of a heading lands out of its numbering (a second `（二）` after `（二）`). Read
    /// from the headings of the text as it is now, so that a text and its deduplicated text agree.
    fn numbering(&self) -> Numbering {
        let mut numbering = Numbering::default();
        let mut reading = Reading::default();
        for mark in &self.marks {
            if reading.read(mark) {
                numbering.in_place.push(mark.start);
                numbering.levels.push(mark.level);
            }
        }
        // A settled heading must be in place too: where the notice numbers its `（一）` on
        // across parts (`四、…（八）`), or the structure analysis missed a heading glued to the
        // one before, the second way alone finds a copied `（一）` to be the first of a part.
        (numbering.settled, numbering.followed) = self.settled();
        let in_place = &numbering.in_place;
        numbering
            .settled
            .retain(|start| in_place.binary_search(start).is_ok());
        let settled = &numbering.settled;
        numbering
            .followed
            .retain(|start| settled.binary_search(start).is_ok());
        numbering
    }

    /// The headings of [`Numbering::settled`] and of [`Numbering::followed`] (before either is
    /// narrowed to the headings in place), ascending. The numbering here is read from the
    /// headings in place alone: a heading out of its place (a copy) neither opens a part nor
    /// numbers the headings after it, so `十、…十一、…十、…十一、` has one `十一、` in place, the
    /// first, where reading every heading would also count the second, after the copied `十、`.
    fn settled(&self) -> (Vec<usize>, Vec<usize>) {
        let mut last: [Option<u32>; 5] = [None; 5];
        // The heading in place before, at each level under the current parent, waiting for the
        // next heading at its level to tell whether that one fits too; with the level of its
        // parent.
        let mut pending: [Option<(usize, usize)>; 5] = [None; 5];
        // Whether a heading of each level came since the part opened: a `（一）` after a `（八）`
        // and a `（九）` out of place is no first heading of the part, though none before it fits.
        let mut seen = [false; 5];
        let mut settled = vec![false; self.marks.len()];
        let mut followed = vec![false; self.marks.len()];
        for (k, mark) in self.marks.iter().enumerate() {
            let level = usize::from(mark.level).min(4);
            let fits = match last[level] {
                Some(o) => mark.ordinal == o + 1,
                None => mark.ordinal == 1 && !seen[level],
            };
            seen[level] = true;
            if let Some((before, _)) = pending[level].take() {
                settled[before] = fits;
                followed[before] = fits;
            }
            if !fits {
                continue;
            }
            // The parts under the headings before at deeper levels are closed. One that skipped
            // this level, which its part turns out to use (a `1.` straight under `二、`, before
            // the part's `（一）`), is out of its place after all.
            for deeper in &mut pending[level + 1..] {
                if let Some((before, parent)) = deeper.take() {
                    settled[before] = parent >= level;
                }
            }
            let parent = (1..level).rev().find(|&l| last[l].is_some()).unwrap_or(0);
            last[level] = Some(mark.ordinal);
            last[level + 1..].iter_mut().for_each(|l| *l = None);
            seen[level + 1..].iter_mut().for_each(|s| *s = false);
            pending[level] = Some((k, parent));
        }
        for &(k, _) in pending.iter().flatten() {
            settled[k] = true;
        }
        let starts = |of: &[bool]| {
            (0..self.marks.len())
                .filter(|&k| of[k])
                .map(|k| self.marks[k].start)
                .collect()
        };
        (starts(&settled), starts(&followed))
    }
}

/// The numbering read heading by heading, in text order. Whether a heading is in place depends on
/// the headings before it alone, so that copies can be read in or left out as they come.
///
/// A heading is in place read either of two ways:
/// - heading after heading: the first since a heading of a higher level numbered 1, each next one
///   the next number;
/// - under the last heading in place of a higher level (a copied heading opens no part): the run
///   numbered 1, 2, 3… in order, or, before any heading numbered 1, the run that continues the
///   first heading's number (a part that numbers on from an earlier one, `四、…（八）（九）`),
///   whose first heading is in place too when it is the next number after the last in place at
///   its level (`6.` opening `二、` after `5.` closed `一、`).
///
/// A copied `一、` pasted into part `二、` leaves part `二、`'s `（二）` after it in place the second
/// way; a part's own `（一）` `（二）` after copies of them, the first way.
#[derive(Clone)]
struct Reading {
    /// Heading after heading: the last number at each level since a heading of a higher level.
    last: [Option<u32>; 5],
    /// Under the heading in place above: the next number of the run from 1 at each level.
    next_from_one: [u32; 5],
    /// The next number of the run that continues the first heading of the level there.
    next_from_first: [Option<u32>; 5],
    /// The last number in place at each level, under any parent: a list numbered on across parts
    /// (`1.`–`5.` under `一、`, `6.`–`11.` under `二、`) goes on from it.
    last_in_place: [Option<u32>; 5],
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            last: [None; 5],
            next_from_one: [1; 5],
            next_from_first: [None; 5],
            last_in_place: [None; 5],
        }
    }
}

impl Reading {
    /// Reads the next heading; whether it is in place.
    fn read(&mut self, mark: &Mark) -> bool {
        let (level, ordinal) = (usize::from(mark.level).min(4), mark.ordinal);
        let after = self.last[level].map_or(ordinal == 1, |o| ordinal == o.saturating_add(1));
        self.last[level] = Some(ordinal);
        self.last[level + 1..].fill(None);
        let under = if ordinal == self.next_from_one[level] {
            self.next_from_one[level] = ordinal.saturating_add(1);
            true
        } else if self.next_from_one[level] == 1 {
            match self.next_from_first[level] {
                Some(next) if next == ordinal => {
                    self.next_from_first[level] = Some(ordinal.saturating_add(1));
                    true
                }
                Some(_) => false,
                None => {
                    self.next_from_first[level] = Some(ordinal.saturating_add(1));
                    self.last_in_place[level].is_some_and(|o| ordinal == o.saturating_add(1))
                }
            }
        } else {
            false
        };
        let in_place = after || under;
        if in_place {
            self.last_in_place[level] = Some(ordinal);
            self.next_from_one[level + 1..].fill(1);
            self.next_from_first[level + 1..].fill(None);
        }
        in_place
    }
}

/// Where headings stand in the numbering, by where each starts, ascending.
#[derive(Default)]
struct Numbering {
    in_place: Vec<usize>,
    /// The level of each heading in place.
    levels: Vec<u8>,
    /// In place, and so is the next heading of its level under the same parent (or there is
    /// none): a copied heading that landed where its number fits puts the real heading after it
    /// out of place, and is not settled.
    settled: Vec<usize>,
    /// Settled, and followed by the next heading of its level: a plan numbers no single item.
    followed: Vec<usize>,
    /// The same, by unit, read in one walk over the units and the headings. The rules ask them of
    /// every unit; a binary search per unit and question missed the cache more the larger the
    /// text (5 % of the whole analysis at 10 MB, half that at 1 MB).
    units: UnitPlaces,
}

/// Where each unit stands in the [`Numbering`], by unit index.
#[derive(Default)]
struct UnitPlaces {
    in_place: Vec<bool>,
    settled: Vec<bool>,
    followed: Vec<bool>,
    /// How many headings in place start at or before the unit's words: it is in the part opened
    /// by `in_place[part - 1]`, if that is not 0.
    part: Vec<u32>,
    /// The first unit of each part (of the heading in place of the same index), and then the
    /// number of units.
    part_start: Vec<u32>,
}

/// Which units' words start at one of `starts` (ascending).
fn units_starting_at(units: &[Unit], starts: &[usize]) -> Vec<bool> {
    let mut k = 0;
    units
        .iter()
        .map(|unit| {
            while starts.get(k).is_some_and(|&s| s < unit.content_start) {
                k += 1;
            }
            starts.get(k) == Some(&unit.content_start)
        })
        .collect()
}

impl Numbering {
    /// Reads where `units` stand in the numbering.
    fn with_units(mut self, units: &[Unit]) -> Numbering {
        let in_place = &self.in_place;
        let mut part = Vec::with_capacity(units.len());
        let mut part_start = Vec::with_capacity(in_place.len() + 1);
        for (u, unit) in units.iter().enumerate() {
            while in_place
                .get(part_start.len())
                .is_some_and(|&start| start <= unit.content_start)
            {
                // The first unit whose words start at the heading or after.
                part_start.push(u as u32);
            }
            part.push(part_start.len() as u32);
        }
        part_start.resize(in_place.len() + 1, units.len() as u32);
        self.units = UnitPlaces {
            in_place: units_starting_at(units, &self.in_place),
            settled: units_starting_at(units, &self.settled),
            followed: units_starting_at(units, &self.followed),
            part,
            part_start,
        };
        self
    }

    /// The part the place `at` is in: where the heading in place before it starts, and where the
    /// next one starts (`usize::MAX` if none).
    fn part_at(&self, at: usize) -> Option<(usize, usize)> {
        let k = self.in_place.partition_point(|&start| start <= at);
        self.part_numbered(k)
    }

    /// The part before the heading in place `k`.
    fn part_numbered(&self, k: usize) -> Option<(usize, usize)> {
        let start = *self.in_place.get(k.checked_sub(1)?)?;
        Some((start, self.in_place.get(k).copied().unwrap_or(usize::MAX)))
    }

    /// The part from the heading in place `k` to the one numbered `end` (or to the end of the
    /// text), if it has no more than [`FIELD_PART_UNITS`] units.
    fn part(&self, k: usize, end: usize) -> Option<Part> {
        let starts = &self.units.part_start;
        let units = *starts.get(k)? as usize..*starts.get(end)? as usize;
        (units.len() <= FIELD_PART_UNITS).then(|| Part {
            start: self.in_place[k],
            level: self.levels.get(k).copied(),
            units,
            last: end == self.in_place.len(),
        })
    }

    fn unit_in_place(&self, u: usize) -> bool {
        self.units.in_place.get(u).copied().unwrap_or(false)
    }

    fn unit_settled(&self, u: usize) -> bool {
        self.units.settled.get(u).copied().unwrap_or(false)
    }

    fn unit_followed(&self, u: usize) -> bool {
        self.units.followed.get(u).copied().unwrap_or(false)
    }
}

/// The places of `places` (ascending) that are left once the `removed` spans are taken out, in
/// the shorter text.
fn moved_places(places: &[usize], removed: &[Span]) -> Vec<usize> {
    kept_places(places, removed).map(|(_, at)| at).collect()
}

/// Where the place `at` is once the `removed` spans (ascending) are taken out, if it is left.
fn moved_place(at: usize, removed: &[Span]) -> Option<usize> {
    let before = removed.partition_point(|r| r.end <= at);
    if removed.get(before).is_some_and(|r| r.start <= at) {
        return None;
    }
    Some(at - removed[..before].iter().map(Span::len).sum::<usize>())
}

/// [`moved_places`], each with its index in `places`.
fn kept_places<'p>(
    places: &'p [usize],
    removed: &'p [Span],
) -> impl Iterator<Item = (usize, usize)> + 'p {
    let (mut shift, mut r) = (0, 0);
    places.iter().enumerate().filter_map(move |(k, &at)| {
        while r < removed.len() && removed[r].end <= at {
            shift += removed[r].len();
            r += 1;
        }
        if r < removed.len() && removed[r].start <= at {
            return None;
        }
        Some((k, at - shift))
    })
}

/// The headings that are left once the `removed` spans are taken out, in the shorter text.
fn moved_headings(headings: &[(usize, usize)], removed: &[Span]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(headings.len());
    let (mut shift, mut r) = (0, 0);
    for &(start, end) in headings {
        while r < removed.len() && removed[r].end <= start {
            shift += removed[r].len();
            r += 1;
        }
        if r < removed.len() && removed[r].start < end {
            continue;
        }
        out.push((start - shift, end - shift));
    }
    out
}

/// The units of `next`, which is `previous` (cut into `units`) without the `removed` spans, each
/// the whole units of a copy (with or without its trailing white space). Kept units are carried
/// over, moved; only around each place where a span was taken out is the text cut again, up to
/// where the cutting meets the old boundaries (see [`Segmenter::run`]). Cutting all of `next`
/// again cost as much as the first pass's cutting, on every pass. `headings` are in `next`.
fn carry(
    segmenter: &mut Segmenter,
    headings: &[(usize, usize)],
    units: &[Unit],
    removed: &[Span],
    next: &str,
) -> Vec<Unit> {
    // Kept units with how far they move, and the places in `next` where spans were taken out.
    let mut kept: Vec<(Unit, usize)> = Vec::with_capacity(units.len());
    let mut seams: Vec<usize> = Vec::with_capacity(removed.len());
    let (mut shift, mut r) = (0, 0);
    for unit in units {
        while r < removed.len() && removed[r].end <= unit.start {
            seams.push(removed[r].start - shift);
            shift += removed[r].len();
            r += 1;
        }
        if r < removed.len() && removed[r].start <= unit.start {
            continue;
        }
        kept.push((*unit, shift));
    }
    for span in &removed[r..] {
        seams.push(span.start - shift);
        shift += span.len();
    }
    let moved = |&(unit, shift): &(Unit, usize)| Unit {
        start: unit.start - shift,
        content_start: unit.content_start - shift,
        content_end: unit.content_end - shift,
        end: unit.end - shift,
        ..unit
    };
    let starts: Vec<usize> = kept.iter().map(|k| k.0.start - k.1).collect();
    let mut out = Vec::with_capacity(kept.len());
    let (mut k, mut done) = (0, 0);
    for &seam in &seams {
        if seam < done {
            continue;
        }
        // Carry the units that end before the seam; the one ending at it is cut again.
        while k < kept.len() && kept[k].0.end - kept[k].1 < seam {
            out.push(moved(&kept[k]));
            k += 1;
        }
        let from = if k < kept.len() && starts[k] < seam {
            starts[k]
        } else {
            out.last().map_or(0, |u: &Unit| u.end)
        };
        done = segmenter.run(next, headings, from, &mut out, |at| {
            at > seam && starts.binary_search(&at).is_ok()
        });
        k = starts.partition_point(|&s| s < done);
    }
    out.extend(kept[k..].iter().map(moved));
    #[cfg(debug_assertions)]
    {
        let mut again = Segmenter::new(next.len());
        let mut all = Vec::new();
        again.run(next, headings, 0, &mut all, |_| false);
        let shape = |u: &Unit| {
            (
                u.start,
                u.content_start,
                u.content_end,
                u.end,
                u.counted,
                u.formulaic,
                u.heading,
            )
        };
        debug_assert!(
            all.iter().map(shape).eq(out.iter().map(shape)),
            "re-cutting around the seams differs from cutting the whole text"
        );
        debug_assert!(
            all.iter()
                .zip(&out)
                .all(|(a, b)| again.norms().get(a.id as usize)
                    == segmenter.norms().get(b.id as usize))
        );
    }
    out
}

/// Where each of `old`, the units of a text, is among `new`, the units of that text without the
/// `removed` spans (`u32::MAX` for a unit taken out or cut differently), so that the next pass
/// can reuse what it learnt about each unit ([`near::Cache::moved`]).
fn correspondence(old: &[Unit], removed: &[Span], new: &[Unit]) -> Vec<u32> {
    let mut forward = vec![u32::MAX; old.len()];
    let (mut shift, mut r, mut k) = (0, 0, 0);
    for (i, unit) in old.iter().enumerate() {
        while r < removed.len() && removed[r].end <= unit.start {
            shift += removed[r].len();
            r += 1;
        }
        if r < removed.len() && removed[r].start < unit.end {
            continue;
        }
        let start = unit.start - shift;
        while k < new.len() && new[k].start < start {
            k += 1;
        }
        let moved = Unit {
            start,
            content_start: unit.content_start - shift,
            content_end: unit.content_end - shift,
            end: unit.end - shift,
            ..*unit
        };
        if new.get(k) == Some(&moved) {
            forward[i] = k as u32;
        }
    }
    forward
}

/// One pass: repeats (each with whether it removes anything) and removed spans, in `text`'s offsets.
struct Pass {
    repeats: Vec<(Repeat, bool)>,
    removed: Vec<Span>,
    /// Whether an exact copy was kept as part of an edited passage.
    kept_exact: bool,
}

/// A copy: units `first..=last`, of the passage first occurring at `original_first..=original_last`
/// (which holds more units when other copies were inserted into the original).
struct Run {
    first: usize,
    last: usize,
    original_first: usize,
    original_last: usize,
}

/// An "original" that lies wholly in other copies (the earliest contiguous occurrence, when the true
/// original was interrupted by an inserted copy) is moved to the true original: only there do the
/// units that follow the original show how far the copy really goes.
fn resolve(run: &mut Run, in_copy: &[bool], origin_of: &[u32]) {
    if !in_copy[run.original_first..=run.original_last]
        .iter()
        .all(|&c| c)
    {
        return;
    }
    let back = |mut unit: usize| {
        while in_copy[unit] && (origin_of[unit] as usize) < unit {
            unit = origin_of[unit] as usize;
        }
        unit
    };
    let (first, last) = (back(run.original_first), back(run.original_last));
    if first <= last {
        run.original_first = first;
        run.original_last = last;
    }
}

/// Short sentences a notice uses as set phrases: four or more times, each time between other
/// sentences (`法律、法规另有规定的，从其规定。` closing several articles,
/// `各责任单位要于每季度末报送进展情况。` closing each part). A scrape copies passages: two uses next to
/// the same sentence, on the same side, are a copy, and then none of the uses is a set phrase
/// (telling the legitimate ones from the copy took copies of a plan's repeated lines for set
/// phrases too).
///
/// A longer sentence is a set phrase only where it closes a part, four times or more (the same
/// pointer to a hotline after each answer of a Q&A, the same follow-up after each topic of a
/// meeting's minutes, each project's conditions and deadline in a fund allocation): followed by
/// a heading in place, by the next question (`问3：`), or by another such sentence, or in the last
/// part. A use that closes no part is a copy pasted into one.
///
/// In rules written as articles (`第十七条　……`), a sentence of the same length used three times
/// or more, each time in an article of its own, is the rules' formula (`逾期不改正的，依照……处理。`
/// closing each article on penalties, `申请人应当如实提交有关材料……` in each article on an
/// application).
fn set_sentences(text: &str, units: &[Unit], numbering: &Numbering, ids: usize) -> Vec<bool> {
    const MIN_USES: u32 = 4;
    const MIN_ARTICLE_USES: u32 = 3;
    const MAX_CHARS: u32 = 20;
    const MAX_CLOSING_CHARS: u32 = 60;
    // A sentence closing four parts or more may be long: an award's citation after each
    // awardee's deeds. A scrape's copies seldom all land at the end of a part.
    const MAX_CLOSER_CHARS: u32 = 200;
    // Read once, and the text only where a unit opens with `问`.
    let opens_a_part: Vec<bool> = units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let question = || {
                let words = text.get(u.content_start..u.content_end).unwrap_or("");
                let rest = words
                    .strip_prefix('问')
                    .unwrap_or("")
                    .trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
                words.starts_with('问') && rest.starts_with(['：', ':'])
            };
            numbering.unit_in_place(k) || (u.first == '问' && question())
        })
        .collect();
    // The uses of a longer sentence that close their part: followed by the opening of the next
    // part, or, for its last use, in the last part (which the signature or a list of attendees may
    // close instead).
    // Read twice: the second time past the sentences that close a part four times or more, so
    // that a block of two (a project's conditions, then its deadline) closes each part too.
    let in_band = |u: &Unit| {
        !u.formulaic && !u.heading && u.counted > MAX_CHARS && u.counted <= MAX_CLOSER_CHARS
    };
    let last_opening = opens_a_part.iter().rposition(|&opens| opens);
    let mut last_use = vec![usize::MAX; ids];
    for (k, u) in units.iter().enumerate() {
        if let Some(last) = last_use.get_mut(u.id as usize) {
            *last = k;
        }
    }
    let closing = |passed_over: &dyn Fn(usize) -> bool| -> (Vec<bool>, Vec<u32>) {
        let mut closes = vec![false; units.len()];
        let mut closing_uses = vec![0u32; ids];
        for (k, u) in units.iter().enumerate().filter(|(_, u)| in_band(u)) {
            let next = (k + 1..units.len()).find(|&n| !units[n].formulaic && !passed_over(n));
            let last_in_last_part =
                last_use.get(u.id as usize) == Some(&k) && last_opening.is_some_and(|l| k > l);
            closes[k] = next.is_some_and(|n| opens_a_part[n]) || last_in_last_part;
            if let Some(n) = closing_uses.get_mut(u.id as usize) {
                *n += u32::from(closes[k]);
            }
        }
        (closes, closing_uses)
    };
    // The uses that close their part, of a sentence that closes parts four times or more.
    let set_closers = |(closes, uses): &(Vec<bool>, Vec<u32>)| -> Vec<bool> {
        units
            .iter()
            .enumerate()
            .map(|(k, u)| closes[k] && uses.get(u.id as usize).is_some_and(|&n| n >= MIN_USES))
            .collect()
    };
    let plainly_closing = closing(&|_| false);
    let block_member = set_closers(&plainly_closing);
    let closes_as_set = set_closers(&closing(&|n| block_member[n]));
    let mut closes_a_whole_list = vec![false; units.len()];
    for k in closes_every_item_of_a_list(units, numbering, &plainly_closing.0, ids) {
        closes_a_whole_list[k] = true;
    }
    let mut count = vec![0u32; ids];
    for u in units
        .iter()
        .filter(|u| !u.formulaic && !u.heading && u.counted <= MAX_CHARS)
    {
        if let Some(c) = count.get_mut(u.id as usize) {
            *c += 1;
        }
    }
    // The uses that are the first in their article, and how many articles each ID is used in. A
    // second use in one article is no article's formula: it is a copy.
    let mut article = None;
    let mut last_article: Vec<Option<u32>> = vec![None; ids];
    let mut articles_used = vec![0u32; ids];
    let mut first_in_article = vec![false; units.len()];
    for (k, u) in units.iter().enumerate() {
        if let Some(number) = (u.first == '第')
            .then(|| text.get(u.content_start..u.content_end))
            .flatten()
            .and_then(article_number)
        {
            article = Some(number);
        }
        let id = u.id as usize;
        if u.formulaic || u.heading || u.counted > MAX_CLOSING_CHARS || id >= ids {
            continue;
        }
        // Articles ascend: a use in an article numbered below the last use's is in a copy.
        if article.is_some() && last_article[id].map_or(true, |last| article > Some(last)) {
            first_in_article[k] = true;
            articles_used[id] += 1;
        }
        last_article[id] = last_article[id].max(article);
    }
    // An article's formula is one by its articles alone: a use outside them is a copy.
    let is_set_use = |k: usize, u: &Unit| {
        let id = u.id as usize;
        let in_articles = articles_used
            .get(id)
            .is_some_and(|&n| n >= MIN_ARTICLE_USES);
        !u.formulaic
            && !u.heading
            && if in_articles {
                first_in_article[k]
            } else {
                count.get(id).is_some_and(|&c| c >= MIN_USES)
                    || closes_as_set[k]
                    || closes_a_whole_list[k]
            }
    };
    let mut set = vec![false; units.len()];
    if !units.iter().enumerate().any(|(k, u)| is_set_use(k, u)) {
        return set;
    }
    // The neighbours of each use, by ID: no two uses may share the sentence before or after.
    // The sentences of a block that closes each part are no neighbours of each other.
    let neighbour = |k: usize, step: isize| -> u32 {
        let mut at = k as isize + step;
        while let Some((a, u)) = usize::try_from(at)
            .ok()
            .and_then(|a| Some((a, units.get(a)?)))
        {
            if !u.formulaic && !closes_as_set[a] {
                return u.id;
            }
            at += step;
        }
        NO_NEIGHBOUR
    };
    let mut seen: HashSet<(u32, bool, u32), units::FxBuild> = HashSet::default();
    let mut shared_neighbour = vec![false; ids];
    for (k, u) in units.iter().enumerate() {
        if !is_set_use(k, u) {
            continue;
        }
        for (side, other) in [(false, neighbour(k, -1)), (true, neighbour(k, 1))] {
            if !seen.insert((u.id, side, other)) {
                shared_neighbour[u.id as usize] = true;
            }
        }
    }
    for (k, u) in units.iter().enumerate() {
        set[k] = is_set_use(k, u) && !shared_neighbour[u.id as usize];
    }
    set
}

const NO_NEIGHBOUR: u32 = u32::MAX;

/// Units read back within a document for an earlier use of a citing sentence: a nest's notices
/// are a few hundred units long, and the read stays bounded on a paste of one long document.
const READ_BACK_IN_DOCUMENT: usize = 2_000;

/// The uses of sentences that close each item of a whole list and are used nowhere else: the
/// lesson drawn after each of an accident report's three incidents. Three uses are fewer than a
/// set closer needs (a scrape's copies also land at the ends of parts), so the three must close
/// the whole list: items under consecutive headings in place of one level, the first after a
/// heading of a higher level (or none) and the last before one (or none). A scrape would have to
/// land two copies at the ends of exactly the other items of the list the original closes.
fn closes_every_item_of_a_list(
    units: &[Unit],
    numbering: &Numbering,
    closes: &[bool],
    ids: usize,
) -> Vec<usize> {
    const ITEMS: usize = 3;
    // Uses, and closing uses, counted up to one past `ITEMS`; then the places of the IDs used
    // exactly `ITEMS` times, each time closing.
    let mut counts = vec![(0u8, 0u8); ids];
    for (k, u) in units.iter().enumerate() {
        if let Some((all, closing)) = counts.get_mut(u.id as usize) {
            *all = (*all + 1).min(ITEMS as u8 + 1);
            *closing = (*closing + u8::from(closes[k])).min(ITEMS as u8 + 1);
        }
    }
    let mut uses: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (k, u) in units.iter().enumerate() {
        if counts.get(u.id as usize) == Some(&(ITEMS as u8, ITEMS as u8)) {
            uses.entry(u.id).or_default().push(k);
        }
    }
    let level = |part: usize| part.checked_sub(1).and_then(|k| numbering.levels.get(k));
    let whole_list = |used: &[usize]| {
        let parts: Vec<usize> = used
            .iter()
            .map(|&k| numbering.units.part.get(k).map_or(0, |&p| p as usize))
            .collect();
        let (first, last) = (parts[0], parts[ITEMS - 1]);
        let Some(&item_level) = level(first) else {
            return false;
        };
        parts.windows(2).all(|w| w[1] == w[0] + 1)
            && parts.iter().all(|&p| level(p) == Some(&item_level))
            && level(first - 1).map_or(true, |&l| l < item_level)
            && level(last + 1).map_or(true, |&l| l < item_level)
    };
    uses.into_values()
        .filter(|used| whole_list(used))
        .flatten()
        .collect()
}

/// The number of the article that `words` open (`第十七条　违反……` is 17), not a sentence citing
/// one (`第十四条规定……`, `第十一条、第十二条……`). In a scrape without line breaks the first
/// article of a chapter runs on from the chapter's title (`第六章　法律责任第十七条　……`).
pub(super) fn article_number(words: &str) -> Option<u32> {
    const CHAPTER_TITLE_CHARS: usize = 24;
    // `第` and at most four numerals before `章` or `条`.
    const NUMBER_CHARS: usize = 6;
    if !words.starts_with('第') {
        return None;
    }
    let chapter = words
        .char_indices()
        .take(NUMBER_CHARS)
        .find(|&(_, c)| c == '章');
    let words = match chapter {
        Some((at, _)) => {
            let title = &words[at + '章'.len_utf8()..];
            let (first, _) = title
                .char_indices()
                .take(CHAPTER_TITLE_CHARS)
                .find(|&(_, c)| c == '第')?;
            &title[first..]
        }
        None => words,
    };
    let rest = words.strip_prefix('第')?;
    let (at, _) = rest
        .char_indices()
        .take(NUMBER_CHARS)
        .find(|&(_, c)| c == '条')?;
    let (numerals, after) = rest.split_at(at);
    let cites = after['条'.len_utf8()..].starts_with([
        '规', '的', '之', '中', '所', '第', '、', '，', ',', '和', '至', '及',
    ]);
    if cites || numerals.chars().count() > 4 {
        return None;
    }
    crate::document::date::chinese_number(numerals)
}

/// Whether the words `first..end` of `units`, and their original from `original` on, are each an
/// item's own words: on its heading's line, from the heading to the next heading in place (but for
/// notes), between other headings. Indicators scored by one sentence
/// (`1.粮食播种面积。完成省下达任务的得满分，……` and `2.粮食总产量。完成省下达任务的得满分，……`) repeat
/// it by design. A scrape's copy lands on a line of its own, or before the item's own words, and a
/// copy of a run of items takes their headings along.
fn items_own_words(cut: &Cut, (first, end): (usize, usize), original: usize) -> bool {
    let &Cut {
        text,
        units,
        numbering,
        ..
    } = cut;
    // A paragraph's indent (`　　`) marks a line where a scrape lost the breaks.
    let line_break = |from: usize, to: usize| {
        text.get(from..to)
            .is_some_and(|gap| gap.contains(['\n', '\r']) || gap.contains("\u{3000}\u{3000}"))
    };
    // The heading before the words, by ID, and whether it is settled in the numbering; and what
    // follows them, by ID.
    let around = |first: usize, end: usize| -> Option<(u32, bool, u32, bool)> {
        let heading = &units[first.checked_sub(1)?];
        // An item's title closed as a sentence, its words after it (`1.粮食播种面积。`).
        let item = heading.heading
            && text
                .get(heading.content_start..heading.content_end)
                .is_some_and(|h| h.ends_with(['。', '：', ':']))
            && !line_break(heading.content_end, units.get(first)?.content_start);
        if !item || first >= end {
            return None;
        }
        let mut line_end = end;
        while line_end < units.len()
            && units[line_end].formulaic
            && !line_break(
                units[line_end - 1].content_end,
                units[line_end].content_start,
            )
        {
            line_end += 1;
        }
        let next = units.get(line_end)?;
        // The next heading in place ends the item's words; the item's other words on the line may
        // follow them (`（一）压实工作责任。市、县人民政府是……第一责任人。` and what the part adds).
        let next_heading = next.heading && numbering.unit_in_place(line_end);
        let words_go_on = !next.heading
            && !line_break(units[line_end - 1].content_end, next.content_start)
            && !line_break(next.content_start, next.content_end);
        let own = (next_heading || words_go_on)
            && !(first..line_end).any(|u| line_break(units[u].content_start, units[u].content_end));
        let settled = numbering.unit_settled(first - 1);
        own.then_some((heading.id, settled, next.id, next_heading))
    };
    let copy_and_original = around(first, end)
        .and_then(|copy| Some((copy, around(original, original + (end - first))?)));
    match copy_and_original {
        // All of two items' words, under different titles; or how two items open under the same
        // title, each heading its part's own: a plan's parts open alike. (Where a scrape lost the
        // line breaks, a copy pasted after a heading has the item's own words after it too.)
        Some((copy, of)) if copy.2 != of.2 => {
            let all_words = copy.3 && of.3 && copy.0 != of.0;
            let same_opening = copy.0 == of.0 && copy.1 && of.1;
            all_words || same_opening
        }
        _ => false,
    }
}

/// Whether the units `first..end`, and as many from `original` on, are fields of two parallel
/// parts, from a label on: each field a line that begins with a label (`评分标准：`, `培训费用：`) and
/// runs to the next label or heading, at the same place in the same sequence of labels, under two
/// headings in place of one level. A form-like notice gives every indicator or every period the
/// same fields, and some of them the same value, or the same value but for its end (a week's
/// routine, changed in the last week after its sixth clause). A scrape's copy of a field pasted
/// into another part gives that part the label twice, or a label it lacks. The fields already
/// `taken` as copies are not the part's; of a field and its twins later in the same part (the same
/// words), the later are copies.
fn fields_of_parallel_parts(
    cut: &Cut,
    taken: &[bool],
    (first, end): (usize, usize),
    original: usize,
) -> bool {
    let &Cut {
        text,
        units,
        numbering,
        ..
    } = cut;
    let label = |u: usize| field_label(text, &units[u]);
    if label(first).is_none() {
        return false;
    }
    // The labelled units of a part, and whether `first..end` is in it, from a label on.
    let fields = |first: usize, end: usize| {
        let Part {
            level,
            units: part,
            last,
            ..
        } = Part::of(numbering, first)?;
        let from_a_label = label(first).is_some() && end <= part.end;
        let labelled: Vec<usize> = part
            .clone()
            .filter(|&u| !taken[u] && label(u).is_some())
            .collect();
        from_a_label.then_some((level, part, last, labelled))
    };
    let len = end - first;
    let (
        Some((copy_level, copy_part, copy_last, mut copy_fields)),
        Some((level, part, _, original_fields)),
    ) = (fields(first, end), fields(original, original + len))
    else {
        return false;
    };
    if copy_level != level || copy_part == part {
        return false;
    }
    if copy_fields.len() > original_fields.len() {
        let mut seen: Vec<u32> = Vec::with_capacity(copy_fields.len());
        copy_fields.retain(|&f| {
            let new = !seen.contains(&units[f].id);
            seen.push(units[f].id);
            new
        });
    }
    // Two parts' fields read alike from `copy` and `original` on: as many, with the same labels in
    // the same order, each unit of the run at the same place. The last part may have more after
    // them, the notice's own closing fields (`联系电话：……` after the last project of a 公示), when no
    // label is in it twice, as a field pasted after the part's own would make it.
    let alike = |copy: &[usize], original: &[usize], copy_at: usize, original_at: usize| {
        let place = |fields: &[usize], u: usize| fields.iter().position(|&f| f == u);
        let distinct = || {
            let mut labels: Vec<_> = copy_fields.iter().map(|&f| label(f)).collect();
            labels.sort_unstable();
            labels.windows(2).all(|pair| pair[0] != pair[1])
        };
        original.len() >= 2
            && (copy.len() == original.len()
                || (copy_last && copy.len() > original.len() && distinct()))
            && copy
                .iter()
                .zip(original)
                .all(|(&a, &b)| label(a) == label(b))
            && (0..len).all(|k| place(copy, copy_at + k) == place(original, original_at + k))
    };
    // Read from each part's first field; or from the run's first field, where the parts' first
    // fields differ (a title guessed too long in a scrape without line breaks took a label's
    // first characters) but what follows the run's first field, to each part's end, is alike.
    // The parts must still have as many fields (but for the last part's closing ones): a field
    // pasted at the end of another part gives it one the original's part lacks.
    let from = |fields: &[usize], u: usize| -> Vec<usize> {
        fields.iter().copied().skip_while(|&f| f != u).collect()
    };
    alike(&copy_fields, &original_fields, first, original)
        || (copy_fields.len() == original_fields.len() || copy_last)
            && alike(
                &from(&copy_fields, first),
                &from(&original_fields, original),
                first,
                original,
            )
}

/// What the rules for text repeated by design read of a pass: the text cut into units, their
/// normalised words, and the headings with where they stand in the numbering.
struct Cut<'a> {
    text: &'a str,
    units: &'a [Unit],
    norms: &'a Norms,
    headings: &'a Headings,
    numbering: &'a Numbering,
}

impl Cut<'_> {
    /// The parts of the units `u` and `original` (earlier), if they are sibling parts: of one
    /// level, with no heading of a higher level between them.
    fn sibling_parts(&self, u: usize, original: usize) -> Option<(Part, Part)> {
        let (part, earlier) = (
            Part::of(self.numbering, u)?,
            Part::of(self.numbering, original)?,
        );
        let level = earlier.level.filter(|&l| part.level == Some(l))?;
        self.headings
            .siblings(earlier.start, part.start, level)
            .then_some((part, earlier))
    }

    /// Whether each heading among `units` is in its place in the numbering: one out of it is a
    /// scrape's copy, whatever pattern or model its words fit (minutes' `三、会议要求……` pasted
    /// after the next minutes' `一、`, or again after their own).
    fn headings_in_place(&self, units: Range<usize>) -> bool {
        units.into_iter().all(|u| {
            self.headings
                .level_at(self.units[u].content_start)
                .is_none()
                || self.numbering.unit_in_place(u)
        })
    }
}

/// The part a unit is in, from the heading in place before it to the one after it.
struct Part {
    /// Where its heading starts.
    start: usize,
    /// Its heading's level.
    level: Option<u8>,
    units: Range<usize>,
    /// Whether it is the last part.
    last: bool,
}

impl Part {
    /// The part of the unit `u`, if it has no more than [`FIELD_PART_UNITS`] units.
    fn of(numbering: &Numbering, u: usize) -> Option<Part> {
        let k = (*numbering.units.part.get(u)? as usize).checked_sub(1)?;
        numbering.part(k, k + 1)
    }

    /// The part of the unit `u` under its heading in place of a level above `level`, with the
    /// headings of lower levels in it: to the next heading in place of that level or above. (A
    /// county's part with its list of measures, for a copy of the whole list.)
    fn above(numbering: &Numbering, u: usize, level: u8) -> Option<Part> {
        let levels = &numbering.levels;
        let before = *numbering.units.part.get(u)? as usize;
        let k = (0..before)
            .rev()
            .take(SIBLINGS_READ)
            .find(|&k| levels[k] < level)?;
        let after = &levels[k + 1..];
        let next = after
            .iter()
            .take(SIBLINGS_READ)
            .position(|&l| l <= levels[k]);
        let end = match next {
            Some(j) => k + 1 + j,
            None if after.len() <= SIBLINGS_READ => levels.len(),
            None => return None,
        };
        numbering.part(k, end)
    }
}

/// The units whose content starts at or after the byte `start` and before `end`.
fn units_between(units: &[Unit], start: usize, end: usize) -> Range<usize> {
    units.partition_point(|unit| unit.content_start < start)
        ..units.partition_point(|unit| unit.content_start < end)
}

/// Whether the units `first..end` stand at the same place in their part as those from `original`
/// do in theirs, two sibling parts written from one pattern: as many units, or one more that is
/// one part's own sentence, and half the other sentences or more (one at least; headings and
/// notes aside) nearly the same as their counterparts, or opening with the same field label (a
/// 公示's projects, each with its `建设单位：` and `审核意见：`). A notice that sets each village or county
/// the same tasks writes its parts alike, differing in figures and names (`新建村级垃圾分类收集点5个。`
/// in the second village and the fourth, each part ending `项目由……镇人民政府组织实施……`; each
/// county's own tasks, then the same paragraph of support), and a district's part may add a
/// sentence of its own (`东湖新城片区试行九年一贯制对口直升。`). A scrape's copy adds units to the
/// part it lands in: a run of two or more makes it longer by as many, and a single sentence
/// pasted at its original's place fits the pattern no worse than the part's own sentence there
/// does. A run of items from the first is compared in their parents' parts: the counties warned
/// at one level each list the same measures under the same label. The last part runs on to the
/// notice's closing, and is read as far as the original's part goes too.
fn the_same_place_in_parts_alike(
    cut: &Cut,
    taken: &[bool],
    (first, end): (usize, usize),
    original: usize,
) -> bool {
    let &Cut {
        text,
        units,
        norms,
        numbering,
        ..
    } = cut;
    let len = end - first;
    if !cut.headings_in_place(first..end) {
        return false;
    }
    // The part that holds the run, at the copy's level for the original: a run of items from the
    // first is in their parent's part.
    let part = |u: usize, end: usize, level: Option<u8>| {
        let mut part = Part::of(numbering, u)?;
        while end > part.units.end || level.is_some_and(|l| part.level.is_some_and(|own| own > l)) {
            part = Part::above(numbering, u, part.level?)?;
        }
        Some((part.start, part.level?, part.units, part.last))
    };
    let Some((copy_start, copy_level, copy_part, copy_last)) = part(first, end, None) else {
        return false;
    };
    let Some((start, level, part, _)) = part(original, original + len, Some(copy_level)) else {
        return false;
    };
    // Headings, and lines without a sentence's end that may be headings, are the numbering's to
    // tell apart.
    let text_of = |u: usize| norms.get(units[u].id as usize).unwrap_or("");
    let sentence = |u: usize| {
        !units[u].heading && text_of(u).contains(['。', '！', '？', '；', '!', '?', ';'])
    };
    if copy_start == start
        || copy_level != level
        || end > copy_part.end
        || original + len > part.end
        || !(first..end).any(sentence)
    {
        return false;
    }
    // Each part's units but the copies already taken out of it, and those that repeat a unit
    // before them in the part, which are copies whatever the pattern (a list pasted again after
    // the part's own).
    let kept = |part: Range<usize>, run: Range<usize>| -> Vec<usize> {
        let mut seen: Vec<u32> = Vec::with_capacity(part.len());
        part.filter(|&u| {
            let first_of_its_kind = !seen.contains(&units[u].id);
            if first_of_its_kind {
                seen.push(units[u].id);
            }
            run.contains(&u) || (!taken[u] && first_of_its_kind)
        })
        .collect()
    };
    let (copy_units, original_units) = (
        kept(copy_part, first..end),
        kept(part, original..original + len),
    );
    let (copy_run, original_run) = (first..end, original..original + len);
    let alike = |a: usize, b: usize| {
        units[a].id == units[b].id
            || field_label(text, &units[a])
                .is_some_and(|label| field_label(text, &units[b]) == Some(label))
            || near::similarity(text_of(a), text_of(b)) >= PARTS_ALIKE
    };
    // How a unit of the copy's part and one of the original's fare as counterparts, but for how
    // near two sentences are, which is asked only of parts that pair up.
    let pair = |a: usize, b: usize| {
        let in_run = copy_run.contains(&a);
        if in_run != original_run.contains(&b) || (in_run && a - first != b - original) {
            return Counterparts::Apart;
        }
        if in_run {
            return Counterparts::Passed;
        }
        let (x, y) = (&units[a], &units[b]);
        // Headings are each part's own, and notes set phrases: neither tells a pattern...
        if x.heading || y.heading || x.formulaic || y.formulaic {
            if x.heading != y.heading || x.formulaic != y.formulaic {
                return Counterparts::Apart;
            }
            // But the same label opening the same place (`防御指南：` before each county's list)
            // is the pattern's.
            if !x.heading && x.id == y.id && text_of(a).ends_with([':', '：']) {
                return Counterparts::Compared(true);
            }
            return Counterparts::Passed;
        }
        Counterparts::Sentences(a, b)
    };
    let written_alike =
        |(alike, compared): (usize, usize)| alike >= MIN_ALIKE_UNITS && 2 * alike >= compared;
    let fits = |copy_units: &[usize]| -> bool {
        if copy_units.len() == original_units.len() {
            let pairs: Vec<Counterparts> = copy_units
                .iter()
                .zip(&original_units)
                .map(|(&a, &b)| pair(a, b))
                .collect();
            return Counterparts::tally(&pairs, alike).is_some_and(written_alike);
        }
        // One part has a sentence of its own: the two align around it.
        let copy_longer = copy_units.len() > original_units.len();
        let (longer, shorter) = if copy_longer {
            (copy_units, &original_units[..])
        } else {
            (&original_units[..], copy_units)
        };
        if longer.len() != shorter.len() + 1 {
            return false;
        }
        let counterparts = |long: usize, short: usize| {
            if copy_longer {
                pair(long, short)
            } else {
                pair(short, long)
            }
        };
        let own = |u: usize| !copy_run.contains(&u) && !original_run.contains(&u);
        // Each unit of the shorter part against the one at its place in the longer, and the one
        // after: with the own sentence left out, those before it pair the first way, those after
        // the second.
        let at_place: Vec<Counterparts> = (0..shorter.len())
            .map(|i| counterparts(longer[i], shorter[i]))
            .collect();
        let after_place: Vec<Counterparts> = (0..shorter.len())
            .map(|i| counterparts(longer[i + 1], shorter[i]))
            .collect();
        let mut best: Option<(usize, usize)> = None;
        let mut pairs = Vec::with_capacity(shorter.len());
        for k in (0..longer.len()).filter(|&k| own(longer[k])) {
            pairs.clear();
            pairs.extend_from_slice(&at_place[..k]);
            pairs.extend_from_slice(&after_place[k..]);
            let tally = Counterparts::tally(&pairs, alike)
                .filter(|&tally| written_alike(tally) && tally.0 >= MIN_ALIKE_UNITS_AROUND_OWN);
            if let Some((alike, compared)) = tally {
                if best.map_or(true, |(a, c)| alike * c > a * compared) {
                    best = Some((alike, compared));
                }
            }
        }
        let Some((alike_around_own, compared_around_own)) = best else {
            return false;
        };
        // A single sentence pasted into the longer part at its original's place: it is the extra
        // one as much as any of the part's own.
        if copy_longer && len == 1 {
            let Some(at) = longer.iter().position(|&u| u == first) else {
                return false;
            };
            let rest = longer[..at].iter().chain(&longer[at + 1..]);
            let (mut alike_around_copy, mut compared_around_copy) = (0, 0);
            for (&a, &b) in rest.zip(shorter) {
                if sentence(a) && sentence(b) && !units[a].formulaic && !units[b].formulaic {
                    compared_around_copy += 1;
                    alike_around_copy += usize::from(alike(a, b));
                }
            }
            if alike_around_copy * compared_around_own >= alike_around_own * compared_around_copy {
                return false;
            }
        }
        true
    };
    // The last part runs on to the notice's closing (`特此公告。`), which is no part of its pattern:
    // read as far as the original's part goes too.
    fits(&copy_units)
        || (copy_last
            && copy_units.len() > original_units.len()
            && fits(&copy_units[..original_units.len()]))
}

/// How two parts' units fare as counterparts in [`the_same_place_in_parts_alike`].
#[derive(Clone, Copy)]
enum Counterparts {
    /// One is a copy or a heading where the other is not, or a copy at another place.
    Apart,
    /// Both are of the copy, or headings, or notes: they tell nothing of the pattern.
    Passed,
    /// Two units, nearly the same or not.
    Compared(bool),
    /// Two sentences, to be compared.
    Sentences(usize, usize),
}

impl Counterparts {
    /// How many pairs are alike, of how many compared; `None` when any pair is apart, and then
    /// no sentences are compared.
    fn tally(
        pairs: &[Counterparts],
        alike: impl Fn(usize, usize) -> bool,
    ) -> Option<(usize, usize)> {
        if pairs.iter().any(|p| matches!(p, Counterparts::Apart)) {
            return None;
        }
        let (mut alike_pairs, mut compared) = (0, 0);
        for pair in pairs {
            let same = match *pair {
                Counterparts::Apart | Counterparts::Passed => continue,
                Counterparts::Compared(same) => same,
                Counterparts::Sentences(a, b) => alike(a, b),
            };
            compared += 1;
            alike_pairs += usize::from(same);
        }
        Some((alike_pairs, compared))
    }
}

/// Whether the run `first..end` is written for each of sibling items, as its original is: its
/// first sentence points back at the item it stands in (`请该企业于……前完成全部隐患整改` after each
/// enterprise's findings, `申请本项补助的企业，应当……` in each measure, `该同志……` closing each
/// citation), and it stands at the same place in its part as the original does in a sibling part,
/// counted from the part's heading or from its end. A scrape's copy of such a sentence lands at the
/// same place in a sibling part only by chance.
fn written_for_each_item(
    cut: &Cut,
    taken: &[bool],
    (first, end): (usize, usize),
    original: usize,
) -> bool {
    let &Cut { text, units, .. } = cut;
    let len = end - first;
    let Some((copy_part, part)) = cut.sibling_parts(first, original) else {
        return false;
    };
    // Places counted in the units left: those taken out as copies before are no part's own. A run
    // that runs on out of its part has none. (Two places in one part always differ.)
    let place = |part: &Range<usize>, first: usize| {
        let after = part.end.checked_sub(first + len)?;
        Some(((part.start..first).filter(|&u| !taken[u]).count(), after))
    };
    let (Some(copy_at), Some(original_at)) =
        (place(&copy_part.units, first), place(&part.units, original))
    else {
        return false;
    };
    // The words last: reading them costs more than the places, and parallel parts written alike
    // give many edited copies to ask about.
    (copy_at.0 == original_at.0 || copy_at.1 == original_at.1)
        && text
            .get(units[first].content_start..units[first].content_end)
            .is_some_and(points_back_at_its_item)
}

/// Whether the units `first..end` close a labelled entry as those from `original` close an
/// earlier entry of the same kind: each right after its entry's labelled clause, the labels alike
/// but for a number (`一类区域：小型车首1小时内5元……；` and `二类区域：……；`, each followed by
/// `大型车按小型车标准的2倍执行。`), and that clause ending with `；`: the entry's sentence runs on
/// into the shared clause. A scrape pastes whole sentences, and never after a `；`.
fn closes_each_labelled_entry(cut: &Cut, (first, end): (usize, usize), original: usize) -> bool {
    let &Cut { text, units, .. } = cut;
    let label_before = |u: usize| {
        let before = units.get(u.checked_sub(1)?)?;
        text.get(before.content_start..before.content_end)?
            .ends_with('；')
            .then(|| field_label(text, before))?
    };
    first < end
        && label_before(first)
            .zip(label_before(original))
            .is_some_and(|(copy, original)| differs_in_figures_only(copy, original))
}

/// Whether the units `first..end` close their part as those from `original` close a sibling part,
/// each after a sentence written alike: two committees' member lists, each ending with where its
/// office sits (`市安全生产委员会办公室设在……，……兼任办公室主任。`, `市食品安全委员会办公室设在……`)
/// and the same clause on later changes; a model contract's two breach clauses, each party's
/// delay and then the same right to terminate. The parts' other lines may differ, in number too
/// (the members). A scrape's copy pasted at the end of a part follows whatever sentence ends it,
/// which is seldom written like the one before the original.
fn closes_parts_ending_alike(cut: &Cut, (first, end): (usize, usize), original: usize) -> bool {
    let &Cut { text, units, .. } = cut;
    let len = end - first;
    let Some((copy_part, part)) = cut.sibling_parts(first, original) else {
        return false;
    };
    // The run closes its part, but for notes, or the article its items are in (`第七条　合同解除`
    // after `第六条`'s `（二）`, articles being no headings of the numbering).
    let opens_an_article = |u: usize| {
        units[u].first == '第'
            && text
                .get(units[u].content_start..units[u].content_end)
                .and_then(article_number)
                .is_some()
    };
    let closes = |run_end: usize, part: &Part| {
        run_end <= part.units.end
            && (run_end..part.units.end)
                .find(|&u| !units[u].formulaic)
                .map_or(true, opens_an_article)
    };
    // The unit before the run, within the part: an item's words glued to its marker
    // (`（一）甲方未按约定时间交付房屋的，……违约金。`) are the part's first unit.
    let before = |u: usize, part: &Part| {
        (u > part.units.start)
            .then(|| u - 1)
            .filter(|&b| !units[b].formulaic && !units[b].heading)
    };
    // Its last line, folded as the units' texts are: where the breaks are lost, a list's last line
    // runs into the sentence after it (`成　员：吴建华　局长　　市食品安全委员会办公室设在……`), and only
    // the sentence is written alike.
    let last_line = |u: usize| -> String {
        let words = text
            .get(units[u].content_start..units[u].content_end)
            .unwrap_or("");
        let at = words
            .char_indices()
            .rfind(|&(_, c)| units::is_space(c))
            .map_or(0, |(at, c)| at + c.len_utf8());
        words[at..].chars().map(units::fold).collect()
    };
    copy_part.start != part.start
        && closes(end, &copy_part)
        && closes(original + len, &part)
        && before(first, &copy_part)
            .zip(before(original, &part))
            .is_some_and(|(a, b)| {
                units[a].id != units[b].id
                    && near::similarity(&last_line(a), &last_line(b)) >= PARTS_ALIKE
            })
}

/// Words by which a sentence points back at the item it stands in: `该` with a noun (`该企业`,
/// `该同志`; not `应该`), `本项`, `本条` (not `本条例`, the whole regulation), `本款`; or an opening
/// that gives the reason for what the item states (`主要原因是……` after each figure of a budget's
/// explanation) or says what the item's words above are (`上述收费标准为政府指导价……` after each
/// kind of car park's tariffs).
fn points_back_at_its_item(words: &str) -> bool {
    const OPENINGS: [&str; 3] = ["主要原因是", "原因是", "上述"];
    OPENINGS.iter().any(|opening| words.starts_with(opening))
        // Each character looked for on its own, with no substring searcher to build.
        || words
        .match_indices('该')
        .any(|(at, _)| !words[..at].ends_with(['应', '不']))
        || words.match_indices('本').any(|(at, found)| {
            let after = &words[at + found.len()..];
            after.starts_with(['项', '款'])
                || after
                    .strip_prefix('条')
                    .is_some_and(|rest| !rest.starts_with('例'))
        })
}

/// Whether the units `first..end` repeat those from `original` as the common model of documents
/// issued together: the copy in a later document than the original, each within its own, the
/// first of their kind in the later one, and in the same order as the other sentences the two
/// documents share, of which there is one at least besides them. A batch of licence decisions
/// writes each from one model: the grounds after the addressee, the conditions, the right of
/// appeal, the signature, with the project's own lines between. A scrape's copy inside one
/// document repeats a sentence that document has already; a copy pasted into a later document out
/// of the model's order is out of order with the sentences around it.
fn the_model_of_documents_issued_together(
    cut: &Cut,
    taken: &[bool],
    (first, end): (usize, usize),
    original: usize,
) -> bool {
    let &Cut {
        text,
        units,
        headings,
        ..
    } = cut;
    let document = |u: usize| headings.issued_document_at(units[u].content_start);
    let len = end - first;
    if !cut.headings_in_place(first..end) {
        return false;
    }
    let (Some(copy_document), Some(original_document)) = (document(first), document(original))
    else {
        return false;
    };
    // A later document than the original's. What follows a number met again is a copy of the
    // document it numbers, which shares nothing by design.
    if original_document.1 >= copy_document.1
        || headings.issued_again(copy_document.0)
        || document(end - 1) != Some(copy_document)
        || document(original + len - 1) != Some(original_document)
    {
        return false;
    }
    let units_of = |(k, _): (usize, usize)| {
        let starts = &headings.issued_starts;
        let end = starts.get(k + 1).map_or(usize::MAX, |next| next.at);
        units_between(units, starts[k].at, end)
    };
    let (copy_units, original_units) = (units_of(copy_document), units_of(original_document));
    if copy_units.len() > ISSUED_DOCUMENT_UNITS || original_units.len() > ISSUED_DOCUMENT_UNITS {
        return false;
    }

    // Where each sentence first stands in the earlier document.
    let mut place_in_original: FxHashMap<u32, usize> = FxHashMap::default();
    for u in original_units.clone() {
        place_in_original.entry(units[u].id).or_insert(u);
    }
    let mut seen_in_copy: HashSet<u32> = HashSet::new();
    let mut shared_outside = 0;
    // The copies already taken out of the later document are not its own.
    for u in copy_units.filter(|&u| !taken[u]) {
        let id = units[u].id;
        let first_here = seen_in_copy.insert(id);
        if (first..end).contains(&u) {
            if place_in_original.get(&id) != Some(&(original + (u - first))) {
                return false;
            }
            continue;
        }
        let Some(&there) = place_in_original.get(&id) else {
            continue;
        };
        // A note or a line of punctuation may stand anywhere; a field's label (`纪要如下：`) is the
        // model's.
        if !first_here || (units[u].formulaic && field_label(text, &units[u]).is_none()) {
            continue;
        }
        shared_outside += 1;
        let in_order = if u < first {
            there < original
        } else {
            there >= original + len
        };
        if !in_order {
            return false;
        }
    }
    shared_outside > 0
}

/// Units a document issued together may have for
/// [`the_model_of_documents_issued_together`] to read it: a decision or a reply is short.
const ISSUED_DOCUMENT_UNITS: usize = 256;

/// The similarity at which two units at one place of two parts are the pattern's, written alike.
const PARTS_ALIKE: f64 = 0.6;

/// Sentences of two parts, besides a repeat, that must be alike for the parts to share a pattern.
const MIN_ALIKE_UNITS: usize = 1;

/// The same, where one part has a sentence of its own: two parts of three short sentences, one
/// of them the copy's and one an edited copy of the sentence after its original, are alike in
/// nothing but the copied passage.
const MIN_ALIKE_UNITS_AROUND_OWN: usize = 2;

/// Whether the normalised texts `a` and `b` differ, and only in their figures: the same words once
/// digits and numerals are taken out (`……本包代理服务费为人民币贰万玖仟叁佰捌拾元整（¥29,380.00）。`
/// and `……壹万玖仟陆佰柒拾元整（¥19,670.00）。`).
fn differs_in_figures_only(a: &str, b: &str) -> bool {
    // Chinese numerals, and the larger units and financial forms that amounts are written in.
    let figure = |c: char| {
        units::is_cjk_numeral(c)
            || matches!(c,
                '0'..='9' | '０'..='９' | '.' | '千' | '万' | '亿' | '两' | '壹' | '贰' | '叁'
                | '肆' | '伍' | '陆' | '柒' | '捌' | '玖' | '拾' | '佰' | '仟')
    };
    if a == b {
        return false;
    }
    // Only what lies between the shared beginning and end need be read: two twins of a long
    // sentence differ in a few characters.
    let mut prefix = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let mut suffix = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take_while(|(x, y)| x == y)
        .count();
    while !a.is_char_boundary(a.len() - suffix) || !b.is_char_boundary(b.len() - suffix) {
        suffix -= 1;
    }
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    a.chars()
        .filter(|&c| !figure(c))
        .eq(b.chars().filter(|&c| !figure(c)))
}

/// Whether the edited copy `copy` of the unit `original` is the parallel counterpart of it, which a
/// notice writes alike by design: the same field of two parts of one level (`牵头单位：……配合单位：
/// ……` of two tasks, run together where a scrape lost the breaks), or two items of one level
/// (`（二）第二批次受理时间：……` and `（三）第三批次受理时间：……`), each under its own number.
/// Exact copies need more ([`fields_of_parallel_parts`]); an edited one is what parallel parts are.
fn parallel_counterparts(cut: &Cut, copy: usize, original: usize) -> bool {
    let &Cut {
        text,
        units,
        headings,
        numbering,
        ..
    } = cut;
    let (at_copy, at_original) = (units[copy].content_start, units[original].content_start);
    // The item a unit opens, settled in the numbering or numbered on from the part before.
    let item = |u: usize| headings.mark_at(units[u].content_start);
    if let (Some(a), Some(b)) = (item(copy), item(original)) {
        return a.level == b.level && a.ordinal != b.ordinal;
    }
    // The heading in place each unit is under.
    let part = |at: usize| {
        let (start, _) = numbering.part_at(at)?;
        Some((start, headings.level_at(start)))
    };
    let label = |u: usize| field_label(text, &units[u]);
    match (part(at_copy), part(at_original)) {
        (Some((a, level_a)), Some((b, level_b))) => {
            a != b && level_a == level_b && label(copy).is_some() && label(copy) == label(original)
        }
        _ => false,
    }
}

/// The times of day an agenda's lines begin with, one part a day.
const TIMES_OF_DAY: [&str; 5] = ["上午", "中午", "下午", "晚上", "全天"];

/// Units a part may have for [`fields_of_parallel_parts`] to read its fields, and for
/// [`the_same_place_in_parts_alike`] its pattern: a form's parts are short, and a bound keeps a
/// text without headings linear.
const FIELD_PART_UNITS: usize = 64;

/// The label a line begins with, `评分标准` of `评分标准：……`: two to eight letters before a colon;
/// or the time of day that an agenda's lines begin with (`下午 14:30—17:30 分组讨论……`).
fn field_label<'t>(text: &'t str, unit: &Unit) -> Option<&'t str> {
    if unit.heading {
        return None;
    }
    let content = text.get(unit.content_start..unit.content_end)?;
    if let Some(time) = TIMES_OF_DAY.iter().find(|time| content.starts_with(*time)) {
        return content.get(..time.len());
    }
    let (end, _) = content
        .char_indices()
        .take(9)
        .find(|&(_, c)| matches!(c, '：' | ':'))?;
    let label = &content[..end];
    let letters = label.chars().count();
    ((2..=8).contains(&letters) && label.chars().all(|c| c.is_alphabetic())).then_some(label)
}

/// Whether the units `first..end` and those as many from `original` on are each an item's words,
/// all of them (with its heading or without), under a heading settled in the numbering and
/// followed by its next number, up to the next heading in place (but for notes), and the items
/// after the two differ. A notice repeats a duty under two of its parts (`3.严格落实值班制度。各学校
/// 要……` as the third item of each), and the levels of an emergency plan's response share measures
/// (`（2）` and `（3）` after each level's own `（1）`): a run of items in their place, within a longer
/// list (not from its `（1）` to its end). A scrape's copy of an item, heading and all, lands out of its
/// numbering (a second `3.` before the part's own `3.`); a copy of sentences pasted after a heading
/// leaves the item's own words after it; and a copy of a run of items brings the next item along.
fn the_same_item_in_two_places(cut: &Cut, (first, end): (usize, usize), original: usize) -> bool {
    let &Cut { units, norms, .. } = cut;
    let len = end - first;
    let next_item = |from: usize| item_words_end(cut, from, from + len);
    let (Some(after_copy), Some(after_original)) = (next_item(first), next_item(original)) else {
        return false;
    };
    // Compared by their beginnings: where the structure analysis cut a glued title differently,
    // the same item is two units (`2.强化人才队伍建设实施……` and `2.强化人才队伍建设各区……`).
    let text_of = |u: usize| {
        units
            .get(u)
            .and_then(|u| norms.get(u.id as usize))
            .unwrap_or("")
    };
    let (a, b) = (text_of(after_copy), text_of(after_original));
    let alike = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    alike
        < SAME_ITEM_CHARS
            .min(a.chars().count())
            .min(b.chars().count())
}

/// Characters (marker included) that two items' beginnings share when they are taken to be the
/// same item: a marker and a word or two.
const SAME_ITEM_CHARS: usize = 6;

/// Where the item whose words are `first..end` (see [`the_same_item_in_two_places`]) is followed
/// by the next heading: the unit that starts it. `None` if they are not an item's words.
fn item_words_end(cut: &Cut, first: usize, end: usize) -> Option<usize> {
    let &Cut {
        units,
        headings,
        numbering,
        ..
    } = cut;
    let level = |u: usize| headings.level_at(units[u].content_start);
    // The unit that starts with the marker: the first, a heading with a title or a bare marker
    // with its words; or else a heading with a title just before the first.
    let (marker, words) = if units.get(first)?.heading {
        (first, first + 1)
    } else if level(first).is_some() {
        (first, first)
    } else if first > 0 && units[first - 1].heading {
        (first - 1, first)
    } else {
        return None;
    };
    let mut next = end;
    while next < units.len() && units[next].formulaic {
        next += 1;
    }
    // The next heading closes the item, not a first heading under it: a copy pasted between a
    // part's heading and its `（一）` is no words of the part. The items after it in their place
    // at its level may go with it: the levels of an emergency plan's response share measures
    // `（2）` and `（3）`.
    let sibling = |u: usize| numbering.unit_settled(u) && level(u) == level(marker);
    let item = words < end
        && end <= units.len()
        && numbering.unit_followed(marker)
        && (words..end).all(|u| {
            sibling(u) || !units[u].heading && (u == marker || !numbering.unit_in_place(u))
        })
        && next < units.len()
        && numbering.unit_settled(next)
        && level(next) <= level(marker);
    // Several items go together only within a longer list, as the same measures of each level of
    // response do: a run of items that is a whole list is as likely a copied block of them.
    let whole_list = item
        && (words..end).any(sibling)
        && headings
            .mark_at(units[marker].content_start)
            .is_some_and(|m| m.ordinal == 1)
        && level(next) != level(marker);
    (item && !whole_list).then_some(next)
}

/// Counted characters up to which a sentence that a heading marker runs into can be an item of a
/// plan rather than a paragraph.
const ITEM_SENTENCE_CHARS: usize = 30;

/// Units a scan may skip over when looking past removed copies for the next kept unit.
const SKIP_LIMIT: usize = 64;

/// Extends a copy over the kept units that follow (and precede) it when they also follow (precede)
/// its original once the other copies are taken out. A scrape that inserted a copy into a passage
/// and later copied the whole passage leaves the later copy matching only up to the insertion;
/// without this, the rest of it (often one short sentence) would stay behind, doubled.
fn extend(
    run: &mut Run,
    ids: &[u32],
    units: &[Unit],
    in_copy: &mut [bool],
    stays: &[bool],
    origin_of: &mut [u32],
) {
    loop {
        let after_copy = run.last + 1;
        let Some(after_original) = (run.original_last + 1
            ..ids.len().min(run.original_last + 1 + SKIP_LIMIT))
            .find(|&u| !in_copy[u])
        else {
            break;
        };
        if after_copy >= ids.len()
            || in_copy[after_copy]
            || stays[after_copy]
            || after_original >= run.first
            || ids[after_copy] != ids[after_original]
        {
            break;
        }
        in_copy[after_copy] = true;
        origin_of[after_copy] = after_original as u32;
        run.last = after_copy;
        run.original_last = after_original;
    }
    while let Some(before_copy) = run.first.checked_sub(1) {
        let Some(before_original) = (run.original_first.saturating_sub(SKIP_LIMIT)
            ..run.original_first)
            .rev()
            .find(|&u| !in_copy[u])
        else {
            break;
        };
        // A note closes the sentence before it: one that precedes both the copy and its original
        // is the same set phrase under two tasks, not part of the copy.
        if in_copy[before_copy]
            || stays[before_copy]
            || units[before_copy].formulaic
            || ids[before_copy] != ids[before_original]
        {
            break;
        }
        in_copy[before_copy] = true;
        origin_of[before_copy] = before_original as u32;
        run.first = before_copy;
        run.original_first = before_original;
    }
}

/// Takes into an edited copy the heading it runs on from, when that heading is an edited copy of
/// the heading before the original. Where a glued heading ends is the structure analysis's guess
/// from the words, and an edit in the title can move it (`一、充分认识推进大众创业、落实` +
/// `创新的重要意义——推进……`): heading and sentence are compared joined, as they were written.
fn edited_heading(
    run: &mut Run,
    units: &[Unit],
    norms: &Norms,
    in_copy: &mut [bool],
    stays: &[bool],
    options: &Options,
) {
    let Some(before_copy) = run.first.checked_sub(1) else {
        return;
    };
    let Some(before_original) = run.original_first.checked_sub(1) else {
        return;
    };
    if !units[before_copy].heading
        || !units[before_original].heading
        || in_copy[before_copy]
        || stays[before_copy]
        || in_copy[before_original]
    {
        return;
    }
    let joined = |first: usize, last: usize| {
        let mut out = String::new();
        for unit in &units[first..=last] {
            out.push_str(norms.get(unit.id as usize).unwrap_or(""));
        }
        out
    };
    // Joined, a long sentence would carry any heading over the threshold: the heading must make
    // the two more alike, as the rest of its own title does, not less.
    let alone = near::similarity(
        &joined(run.first, run.last),
        &joined(run.original_first, run.original_last),
    );
    let with_heading = near::similarity(
        &joined(before_copy, run.last),
        &joined(before_original, run.original_last),
    );
    if with_heading >= options.near_threshold && with_heading > alone {
        in_copy[before_copy] = true;
        run.first = before_copy;
        run.original_first = before_original;
    }
}

/// One pass over `units`; edited copies are looked for when `near` is given, with what the
/// earlier passes learnt about each ID. Kept edited copies are reported on the `first_pass` only.
fn analyse(
    text: &str,
    units: &[Unit],
    norms: &Norms,
    options: &Options,
    near: Option<&mut near::Cache>,
    headings: &Headings,
    first_pass: bool,
) -> Pass {
    let numbering = &headings.numbering().with_units(units);
    let cut = Cut {
        text,
        units,
        norms,
        headings,
        numbering,
    };
    let ids: Vec<u32> = units.iter().map(|u| u.id).collect();
    let factors = suffix_array::previous_factors(&ids);
    let min_chars = options.min_repeat_chars.max(1) as u64;
    let mut counted_before = Vec::with_capacity(units.len() + 1);
    counted_before.push(0u64);
    for u in units {
        counted_before.push(counted_before.last().copied().unwrap_or(0) + u64::from(u.counted));
    }

    // A heading without a title is a unit with its words: a line, or a sentence.
    let heading_line = |u: &Unit| {
        u.heading
            || !text
                .get(u.content_start..u.content_end)
                .unwrap_or("")
                .contains(['。', '！', '？', '；', '!', '?', ';'])
    };
    // Heading lines settled in the numbering: what a copy runs into or out of there is the
    // notice's own structure, which a copy does not take along (a copied goal pasted just before
    // a part's own `（二）重点任务`, which follows the original's too).
    let settled: Vec<bool> = units
        .iter()
        .enumerate()
        .map(|(k, u)| numbering.unit_settled(k) && heading_line(u))
        .collect();
    // A short sentence that a settled heading marker runs into is an item of a plan written as a
    // sentence (`1.加强组织领导，压实工作责任。`), and a plan repeats its items under its parts.
    let item_sentence: Vec<bool> = units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            u.counted as usize <= ITEM_SENTENCE_CHARS
                && numbering.unit_followed(k)
                && !heading_line(u)
        })
        .collect();

    let set_sentence = set_sentences(text, units, numbering, norms.len());
    let restatements = restatements::Restatements::new(text, units);
    // A 解读 quoting a clause it names: the citing units are no copies of the clause. Nor are the
    // same words citing the same source, the first time in another document: each level of a 转发
    // nest quoting the province's requirement.
    let restates = |first: usize, end: usize, original: usize| {
        let (at, original_at) = (units[first].content_start, units[original].content_start);
        let document = headings.document_at(at);
        let first_in_its_document = || {
            !(first.saturating_sub(READ_BACK_IN_DOCUMENT)..first)
                .rev()
                .take_while(|&u| headings.document_at(units[u].content_start) == document)
                .any(|u| units[u].id == units[first].id)
        };
        // The same, for when a document takes effect and what it repeals: the order or notice
        // that issues it announces both, and its last article states them again.
        let in_force = || {
            (first..end).all(|u| {
                text.get(units[u].content_start..units[u].content_end)
                    .is_some_and(|words| words.contains("施行") || words.contains("废止"))
            })
        };
        restatements.restate((first, end), original)
            || headings.restates_earlier_text(at, original_at)
            || (document != headings.document_at(original_at)
                && (restatements.both_cite((first, end), original) || in_force())
                && first_in_its_document())
    };

    // The words that open a part under three settled headings or more, right after each, where
    // the copy's part and the original's are siblings: a notice that restates a standing
    // requirement under each of its parts, so that each reads on its own (the same duty paragraph
    // opening each holiday's `（二）春节期间。`). A scrape's copy pasted after a heading opens one
    // part more than its original does.
    let mut openings = vec![0u32; norms.len()];
    for u in 1..units.len() {
        if settled[u - 1] && !heading_line(&units[u]) {
            if let Some(n) = openings.get_mut(units[u].id as usize) {
                *n += 1;
            }
        }
    }
    let opens_parts_alike = |first: usize, end: usize, original: usize| {
        let level = |u: usize| headings.level_at(units[u].content_start);
        let siblings = |level: u8| {
            headings.siblings(
                units[original - 1].content_start,
                units[first - 1].content_start,
                level,
            )
        };
        first > 0
            && original > 0
            && settled[first - 1]
            && settled[original - 1]
            && (first..end).all(|u| !heading_line(&units[u]))
            && openings
                .get(units[first].id as usize)
                .is_some_and(|&n| n >= MIN_PART_OPENINGS)
            && level(first - 1)
                .filter(|&l| level(original - 1) == Some(l))
                .is_some_and(siblings)
    };

    let mut detailed: HashSet<u32> = HashSet::new();
    // Greedy LZ77 parse: the longest earlier copy at each unit, skipping past it when taken.
    let mut runs: Vec<Run> = Vec::new();
    let mut in_copy = vec![false; units.len()];
    let mut origin_of = vec![u32::MAX; units.len()];
    let mut occurrences = Occurrences::new(&factors);
    let mut at = 0;
    while at < units.len() {
        if units[at].formulaic || set_sentence[at] {
            at += 1;
            continue;
        }
        let Some(len) = occurrences.copy_len(at) else {
            at += 1;
            continue;
        };
        // Headings in their place in the numbering, and items written as sentences, and nothing
        // else, are the plan's structure (the same headings under each of its parts), not a copy.
        let in_place = |u: usize| numbering.unit_in_place(u) && heading_line(&units[u]);
        let is_copy = |first: usize, end: usize| {
            first < end
                && counted_before[end] - counted_before[first] >= min_chars
                && !(first..end).all(|u| set_sentence[u] || units[u].formulaic)
                && !(first..end).all(|u| in_place(u) || item_sentence[u])
        };
        // Settled headings at either edge stay, unless what is left is too short to be a copy on
        // its own: then the headings are more likely copied with it (`（二）重点举措` +
        // `1.加大……`, pasted where `1.` fits).
        let (mut first, mut end) = (at, at + len);
        while first < end && settled[first] {
            first += 1;
        }
        while end > first && settled[end - 1] {
            end -= 1;
        }
        // A heading kept at the start keeps none of its words if the copy runs to the next
        // heading: it goes with them. Headings with no words of their own in the copy either (a
        // part's `（一）` `（二）` `1.` `2.`, then a copied `3.` and its words) stay.
        let words_follow = first < end && !heading_line(&units[first]);
        if first > at && (first == end || words_follow) && units.get(end).map_or(true, heading_line)
        {
            first = at;
        }
        if !is_copy(first, end) {
            (first, end) = (at, at + len);
        }
        if !is_copy(first, end) {
            at += 1;
            continue;
        }
        let original = occurrences
            .earliest(at, len)
            .unwrap_or(factors.source[at] as usize)
            + (first - at);
        if restates(first, end, original) || opens_parts_alike(first, end, original) {
            at = end;
            continue;
        }
        // The body gives in full what a summary box before it points out, once: a second time
        // after the box is a copy.
        if headings.details_a_summary(units[first].content_start, units[original].content_start)
            && detailed.insert(units[first].id)
        {
            at = end;
            continue;
        }
        // The whole of the repeat as found, not only the part of it that is taken: a copy of a run
        // of items ends at a heading of its own.
        let found_original = original - (first - at);
        // Fields are passed over whole: what follows a field's label is no copy either.
        if fields_of_parallel_parts(&cut, &in_copy, (first, end), original)
            || the_same_place_in_parts_alike(&cut, &in_copy, (first, end), original)
            || the_model_of_documents_issued_together(&cut, &in_copy, (first, end), original)
            || written_for_each_item(&cut, &in_copy, (first, end), original)
            || closes_each_labelled_entry(&cut, (first, end), original)
            || closes_parts_ending_alike(&cut, (first, end), original)
        {
            at = end;
            continue;
        }
        // The items are passed over whole: the last of them alone, against the last item of the
        // part they first occur in, is no item followed by its next number. (Asked before an
        // item's own words, which pass one unit: on one line, each item's words are on its
        // heading's line, and the last item would be left alone.)
        if the_same_item_in_two_places(&cut, (at, at + len), found_original) {
            at += len;
            continue;
        }
        if items_own_words(&cut, (first, end), original) {
            at += 1;
            continue;
        }
        runs.push(Run {
            first,
            last: end - 1,
            original_first: original,
            original_last: original + (end - first) - 1,
        });
        for (k, unit) in (first..end).enumerate() {
            in_copy[unit] = true;
            origin_of[unit] = (original + k) as u32;
        }
        at = end;
    }
    // A copy of headings alone is a copy by where it stands in the numbering, and the headings
    // that the copies before it take out change that: a copied `（二）` pasted before a part's own
    // puts that one out of place until it is gone. So the numbering is read again, in one sweep in
    // text order, without the headings of the other copies, each copy of headings alone read in
    // (it is the notice's structure) when its headings are then in place, and left out if not.
    let headings_only =
        |run: &Run| (run.first..=run.last).all(|u| heading_line(&units[u]) || item_sentence[u]);
    if runs.iter().any(headings_only) {
        let marks = &headings.marks;
        let mut reading = Reading::default();
        let mut next_mark = 0;
        let mut in_place_now: Vec<usize> = Vec::new();
        runs.retain(|run| {
            let (start, end) = (units[run.first].start, units[run.last].end);
            while next_mark < marks.len() && marks[next_mark].start < start {
                reading.read(&marks[next_mark]);
                next_mark += 1;
            }
            let inside =
                next_mark..next_mark + marks[next_mark..].partition_point(|m| m.start < end);
            next_mark = inside.end;
            if !headings_only(run) {
                return true;
            }
            let mut trial = reading.clone();
            in_place_now.clear();
            in_place_now.extend(
                marks[inside]
                    .iter()
                    .filter(|&mark| trial.read(mark))
                    .map(|mark| mark.start),
            );
            let structure = (run.first..=run.last)
                .all(|u| item_sentence[u] || in_place_now.contains(&units[u].content_start));
            if structure {
                reading = trial;
                in_copy[run.first..=run.last].fill(false);
                origin_of[run.first..=run.last].fill(u32::MAX);
            }
            !structure
        });
    }
    // Units an extension may not take: originals that are kept text, and settled headings.
    let mut stays = settled;
    for run in &runs {
        let range = run.original_first..=run.original_last;
        if !in_copy[range.clone()].iter().any(|&c| c) {
            stays[range].iter_mut().for_each(|o| *o = true);
        }
    }
    // In text order, so that a copy's own extension is done before a later copy of it is resolved.
    for run in &mut runs {
        resolve(run, &in_copy, &origin_of);
        extend(run, &ids, units, &mut in_copy, &stays, &mut origin_of);
    }

    let content =
        |first: usize, last: usize| Span::new(units[first].content_start, units[last].content_end);
    let mut repeats: Vec<(Repeat, bool)> = Vec::new();

    let mut kept_exact = false;
    // Each edited copy: the copy with what joined it, its similarity, and the edited unit itself.
    let mut near_runs: Vec<(Run, f64, usize)> = Vec::new();
    let mut is_near_copy = vec![false; units.len()];
    if let Some(cache) = near {
        let mut near_copies = near::find(
            units,
            norms,
            &in_copy,
            options.min_repeat_chars,
            options.near_threshold,
            cache,
        );
        // The search links every edited copy to the first of its kind, so that a copy of a copy is
        // linked to the original; but items written alike (tiers `（八）` `（九）` `（十）`) are each
        // their own, and an item pasted again with a word edited is a copy of its own number's
        // item, not a counterpart of the first. Relinked here to the latest counterpart of the
        // original under the same number.
        let text_of = |u: usize| norms.get(units[u].id as usize).unwrap_or("");
        let mut counterparts_of: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for copy in &mut near_copies {
            if !parallel_counterparts(&cut, copy.copy, copy.original) {
                continue;
            }
            let item = |u: usize| {
                headings
                    .mark_at(units[u].content_start)
                    .map(|m| (m.level, m.ordinal))
            };
            let counterparts = counterparts_of.entry(copy.original).or_default();
            let same_item = counterparts
                .iter()
                .rev()
                .take(COUNTERPARTS_READ)
                .copied()
                .find(|&c| item(c).is_some() && item(c) == item(copy.copy));
            if let Some(own) = same_item {
                let similarity = near::similarity(text_of(copy.copy), text_of(own));
                if similarity >= options.near_threshold {
                    copy.original = own;
                    copy.similarity = similarity.min(0.999);
                    continue;
                }
            }
            counterparts.push(copy.copy);
        }
        let document_of = |u: usize| headings.document_at(units[u].content_start);
        // Documents issued together are written alike by design; a scrape's copy of one, under
        // its number met again, is looked in for edited copies of anything before it.
        let issued_apart = |copy: usize, original: usize| {
            let document = |u: usize| headings.issued_document_at(units[u].content_start);
            match (document(copy), document(original)) {
                (Some((k, copy_document)), Some((_, original_document))) => {
                    !headings.issued_again(k) && copy_document != original_document
                }
                _ => false,
            }
        };
        // A pledge restates a condition in its own voice (`一、本企业在……` for `（一）在……`).
        let a_statement = |u: usize| {
            text.get(units[u].content_start..units[u].content_end)
                .is_some_and(crate::sections::title::opens_a_statement)
        };
        // Parallel parts written alike, items scored by nearly the same sentence, and items
        // repeated in their place are no edited copies either. (The same field of two parts, which
        // exact copies need `fields_of_parallel_parts` for, is a parallel counterpart.)
        near_copies.retain(|copy| {
            let unit = (copy.copy, copy.copy + 1);
            document_of(copy.copy) == document_of(copy.original)
                && !issued_apart(copy.copy, copy.original)
                && !restates(copy.copy, copy.copy + 1, copy.original)
                && !headings.details_a_summary(
                    units[copy.copy].content_start,
                    units[copy.original].content_start,
                )
                && a_statement(copy.copy) == a_statement(copy.original)
                && !parallel_counterparts(&cut, copy.copy, copy.original)
                && !items_own_words(&cut, unit, copy.original)
                && !the_same_place_in_parts_alike(&cut, &in_copy, unit, copy.original)
                && !the_same_item_in_two_places(&cut, unit, copy.original)
                && !written_for_each_item(&cut, &in_copy, unit, copy.original)
        });
        // A sentence that differs from an earlier one in its figures alone (a lot's fee, a tier's
        // threshold and rate) states other facts: no edit a scrape makes changes a figure. With
        // the exact copies next to it, it is a passage of the notice's own (each lot's service,
        // experts and fee lines), kept whole.
        let own_facts: Vec<bool> = near_copies
            .iter()
            .map(|copy| differs_in_figures_only(text_of(copy.copy), text_of(copy.original)))
            .collect();
        for (copy, &own) in near_copies.iter().zip(&own_facts) {
            if !own {
                stays[copy.original] = true;
                is_near_copy[copy.copy] = true;
            }
        }
        let mut absorbed = vec![false; runs.len()];
        let (mut run_from, mut run_to): (FxHashMap<usize, usize>, FxHashMap<usize, usize>) =
            Default::default();
        if !near_copies.is_empty() {
            for (k, run) in runs.iter().enumerate() {
                run_from.insert(run.first, k);
                run_to.insert(run.last, k);
            }
        }
        for (copy, &own) in near_copies.iter().zip(&own_facts) {
            let mut run = Run {
                first: copy.copy,
                last: copy.copy,
                original_first: copy.original,
                original_last: copy.original,
            };
            let mut similarity = copy.similarity;
            // A passage copied with one clause edited (`A；B。` copied as `A；B′。`) is an exact
            // copy next to an edited one, of originals next to each other in the same order.
            // Taken apart, the default output would lose `A` and keep `B′`, a fragment; it is one
            // edited copy, kept or dropped whole.
            let mut grew = false;
            loop {
                let before = run.first.checked_sub(1).and_then(|u| run_to.get(&u));
                if let Some(&k) = before.filter(|&&k| !absorbed[k]) {
                    let next_kept = (runs[k].original_last + 1..units.len())
                        .take(SKIP_LIMIT)
                        .find(|&u| !in_copy[u]);
                    if next_kept == Some(run.original_first) && run.original_last < runs[k].first {
                        absorbed[k] = true;
                        run.first = runs[k].first;
                        run.original_first = runs[k].original_first;
                        grew = true;
                        continue;
                    }
                }
                let after = run_from.get(&(run.last + 1));
                if let Some(&k) = after.filter(|&&k| !absorbed[k]) {
                    let next_kept = (run.original_last + 1..units.len())
                        .take(SKIP_LIMIT)
                        .find(|&u| !in_copy[u]);
                    // The original passage lies wholly before the copy, not in it.
                    if next_kept == Some(runs[k].original_first)
                        && runs[k].original_last < run.first
                    {
                        absorbed[k] = true;
                        run.last = runs[k].last;
                        run.original_last = runs[k].original_last;
                        grew = true;
                        continue;
                    }
                }
                break;
            }
            if own {
                if grew {
                    kept_exact = true;
                    for u in run.first..=run.last {
                        in_copy[u] = false;
                        origin_of[u] = u32::MAX;
                    }
                }
                continue;
            }
            if grew {
                let text_of = |range: std::ops::RangeInclusive<usize>, all: bool| {
                    let mut out = String::new();
                    for u in range.filter(|&u| all || !in_copy[u]) {
                        out.push_str(norms.get(units[u].id as usize).unwrap_or(""));
                    }
                    out
                };
                let copied = text_of(run.first..=run.last, true);
                let original = text_of(run.original_first..=run.original_last, false);
                similarity = near::similarity(&copied, &original).min(0.999);
                if !options.drop_near_duplicates {
                    kept_exact = true;
                    // Kept whole: its exact parts are no copies to take out.
                    for u in run.first..=run.last {
                        in_copy[u] = false;
                        origin_of[u] = u32::MAX;
                    }
                }
            }
            if options.drop_near_duplicates {
                // An edited sentence breaks a copied passage in two; the short sentences and notes
                // on either side of it (too short to be copies alone) go with the edited copy.
                in_copy[copy.copy] = true;
                origin_of[copy.copy] = copy.original as u32;
                extend(&mut run, &ids, units, &mut in_copy, &stays, &mut origin_of);
                edited_heading(&mut run, units, norms, &mut in_copy, &stays, options);
            }
            near_runs.push((run, similarity, copy.copy));
        }
        let mut k = 0;
        runs.retain(|_| {
            k += 1;
            !absorbed[k - 1]
        });
        if options.drop_near_duplicates && !near_runs.is_empty() {
            // An edited copy that was inserted into an original no longer hides what follows it.
            for run in &mut runs {
                extend(run, &ids, units, &mut in_copy, &stays, &mut origin_of);
            }
        }
    }

    // Where each copied unit's content first occurs as kept text, following copies of copies back.
    // An edited copy is a root of its own: an exact copy of it is grouped with it, not with the
    // different text it was edited from.
    let mut root: Vec<u32> = Vec::with_capacity(units.len());
    for unit in 0..units.len() {
        let origin = origin_of[unit] as usize;
        let r = if in_copy[unit] && !is_near_copy[unit] && origin < unit {
            root.get(origin).copied().unwrap_or(unit as u32)
        } else {
            unit as u32
        };
        root.push(r);
    }
    // Kept units before each unit, to tell whether two roots are neighbours once copies are out.
    let mut kept_before = Vec::with_capacity(units.len() + 1);
    kept_before.push(0u32);
    for &c in &in_copy {
        kept_before.push(kept_before.last().copied().unwrap_or(0) + u32::from(!c));
    }

    // Copies of the same original are one passage. A copy whose earliest occurrence runs through
    // another copy is split where its units' roots stop being neighbours, so that every part is
    // linked to where its text first occurs, not to an intervening copy.
    let mut group_of: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    let mut groups: Vec<(Span, Vec<(Span, f64)>)> = Vec::new();
    let mut add = |original: (usize, usize), copy: (usize, usize)| {
        let group = *group_of.entry(original).or_insert_with(|| {
            groups.push((content(original.0, original.1), Vec::new()));
            groups.len() - 1
        });
        groups[group].1.push((content(copy.0, copy.1), 1.0));
    };
    // Unit ranges taken out, made spans at the end: the white space after one depends on whether
    // what precedes it is kept (see [`removal`]).
    let mut taken: Vec<(usize, usize, usize)> = Vec::with_capacity(runs.len());
    for run in &runs {
        taken.push((run.first, run.last, run.original_last));
        let mut piece = run.first;
        for unit in run.first + 1..=run.last + 1 {
            let joined = unit <= run.last && {
                let (a, b) = (root[unit - 1] as usize, root[unit] as usize);
                a < b && kept_before[b] == kept_before[a + 1] && !in_copy[a] && !in_copy[b]
            };
            if !joined {
                let original = (root[piece] as usize, root[unit - 1] as usize);
                if original.0 <= original.1 && original.1 < piece {
                    add(original, (piece, unit - 1));
                } else {
                    add((run.original_first, run.original_last), (piece, unit - 1));
                }
                piece = unit;
            }
        }
    }
    repeats.extend(
        groups
            .into_iter()
            .map(|(original, copies)| (repeat(text, original, copies.into_iter()), true)),
    );

    // Edited copies of the same original are one passage, with the exact copies of edited copies.
    // Later passes report only what they remove: kept edited copies are the first pass's.
    if first_pass || options.drop_near_duplicates {
        let mut near_of: FxHashMap<usize, usize> = FxHashMap::default();
        for (k, &(_, _, edited)) in near_runs.iter().enumerate() {
            near_of.insert(edited, k);
        }
        let mut copies_of: Vec<Vec<(Span, f64)>> = near_runs
            .iter()
            .map(|(run, similarity, _)| vec![(content(run.first, run.last), *similarity)])
            .collect();
        if !near_runs.is_empty() {
            for (unit, &r) in root.iter().enumerate() {
                if r as usize == unit {
                    continue;
                }
                if let Some(&k) = near_of.get(&(r as usize)) {
                    copies_of[k].push((content(unit, unit), near_runs[k].1));
                }
            }
        }
        let mut group_of: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        let mut near_groups: Vec<(Span, Vec<(Span, f64)>)> = Vec::new();
        for ((run, _, _), copies) in near_runs.iter().zip(copies_of) {
            if options.drop_near_duplicates {
                taken.push((run.first, run.last, run.original_last));
            }
            let group = *group_of
                .entry((run.original_first, run.original_last))
                .or_insert_with(|| {
                    near_groups.push((content(run.original_first, run.original_last), Vec::new()));
                    near_groups.len() - 1
                });
            near_groups[group].1.extend(copies);
        }
        for (original, copies) in near_groups {
            let repeat = repeat(text, original, copies.into_iter());
            repeats.push((repeat, options.drop_near_duplicates));
        }
    }
    taken.sort_unstable();
    let mut removed: Vec<Span> = Vec::with_capacity(taken.len());
    // The first unit of the chain of adjacent copies each copy is in: what precedes the chain
    // decides the white space after it. Each copy stays a span of its own, a later occurrence of
    // one repeat, as the report promises.
    let mut chain_first = 0;
    for (k, &(first, last, original_last)) in taken.iter().enumerate() {
        let previous_last = k.checked_sub(1).map(|p| taken[p].1);
        if previous_last.map_or(true, |p| p + 1 < first) {
            chain_first = first;
        }
        if previous_last.is_some_and(|p| p >= last) {
            continue;
        }
        let first = previous_last.map_or(first, |p| first.max(p + 1));
        let chain_goes_on = taken.get(k + 1).is_some_and(|next| next.0 <= last + 1);
        let mut span = removal(text, units, chain_first, last, original_last);
        span.start = units[first].start;
        if chain_goes_on {
            span.end = units[last].end;
        }
        removed.push(span);
    }
    Pass {
        repeats,
        removed,
        kept_exact,
    }
}

/// The latest counterparts of an original read for an item pasted again under the same number.
const COUNTERPARTS_READ: usize = 16;

/// Settled headings of a level that the same words must open for them to be the parts' own.
const MIN_PART_OPENINGS: u32 = 3;
/// Headings read between two parts to tell whether they are siblings: a bound that keeps a text
/// with thousands of headings linear.
const SIBLINGS_READ: usize = 64;

/// Steps allowed when following earlier occurrences back; only a text made of one passage repeated
/// thousands of times needs more, and there a shorter copy may be found instead of the longest
/// (unless the chain meets one followed before, whose remembered answer ends it).
const CHAIN_STEPS: usize = 256;

/// Earlier occurrences of runs of units, from the longest previous factors.
struct Occurrences<'f> {
    factors: &'f suffix_array::PreviousFactors,
    /// Per unit: the length and result of the last [`Occurrences::earliest`] that passed it.
    /// A set phrase or heading that occurs k times has a chain of k earlier occurrences, and
    /// following it from each occurrence made the parse quadratic in k: on a 10 MB scrape of
    /// numbered twins, 764 000 steps where 1 MB took 8 500. Where a later chain meets an earlier
    /// one it takes the earlier one's answer instead.
    memo: Vec<(u32, u32)>,
    path: Vec<u32>,
}

impl<'f> Occurrences<'f> {
    fn new(factors: &'f suffix_array::PreviousFactors) -> Self {
        Occurrences {
            factors,
            memo: vec![(0, 0); factors.len.len()],
            path: Vec::new(),
        }
    }

    /// Where the units `at..at + len` first occur: follow earlier occurrences back while they
    /// still cover the whole passage. `None` when the chain is too long to follow.
    fn earliest(&mut self, at: usize, len: usize) -> Option<usize> {
        // Lengths are at least 1, so a memo of length 0 is no answer.
        let wanted = u32::try_from(len).ok()?;
        self.path.clear();
        let mut position = at;
        let mut found = None;
        for _ in 0..CHAIN_STEPS {
            let (memo_len, memo_first) = self.memo[position];
            if memo_len == wanted {
                found = Some(memo_first as usize);
                break;
            }
            if (self.factors.len[position] as usize) < len {
                found = Some(position);
                break;
            }
            self.path.push(position as u32);
            position = self.factors.source[position] as usize;
        }
        let first = found?;
        for &p in &self.path {
            self.memo[p as usize] = (wanted, first as u32);
        }
        Some(first)
    }

    /// The longest run of units from `at` that also occurs earlier without overlapping it:
    /// `A A A A A A` is `A A A` twice, not `A` five times. The earliest occurrence of a longer run
    /// starts no earlier, so whether it still ends before `at` is monotone in the length, and a
    /// binary search finds it.
    fn copy_len(&mut self, at: usize) -> Option<usize> {
        let longest = self.factors.len[at] as usize;
        let source = self.factors.source[at] as usize;
        if longest == 0 {
            return None;
        }
        if source + longest <= at {
            return Some(longest);
        }
        // `at - source` always fits: its earliest occurrence starts at or before `source`.
        let (mut fits, mut too_long) = (at - source, longest + 1);
        while too_long - fits > 1 {
            let mid = fits + (too_long - fits) / 2;
            match self.earliest(at, mid) {
                Some(first) if first + mid <= at => fits = mid,
                _ => too_long = mid,
            }
        }
        Some(fits)
    }
}

fn repeat(text: &str, original: Span, copies: impl Iterator<Item = (Span, f64)>) -> Repeat {
    let mut occurrences = vec![Occurrence {
        start: original.start,
        end: original.end,
        similarity: 1.0,
    }];
    occurrences.extend(copies.map(|(span, similarity)| Occurrence {
        start: span.start,
        end: span.end,
        similarity,
    }));
    occurrences.sort_by_key(|o| (o.start, o.end));
    let similarity = occurrences.iter().map(|o| o.similarity).fold(1.0, f64::min);
    Repeat {
        text: text
            .get(original.start..original.end)
            .unwrap_or("")
            .to_string(),
        similarity,
        occurrences,
    }
}

/// The span that takes the units `first..=last`, a copy of a passage ending with the unit
/// `original_last`, out of `text`. A unit carries the white space that follows it, and that white
/// space may be all that separates the text on either side of the copy (`A。[A。\n]二、加强保障`):
/// it goes with the copy when white space already precedes the copy. Otherwise only the white space
/// the copy brought along goes, recognised as that of its original (`。[COPY　]　五、`, where the
/// paragraphs are separated by one U+3000), and only when more white space follows it, so that taking
/// a copy out neither joins two paragraphs nor doubles a separator.
fn removal(text: &str, units: &[Unit], first: usize, last: usize, original_last: usize) -> Span {
    let start = units[first].start;
    let after_space = text
        .get(..start)
        .and_then(|before| before.chars().next_back())
        .map_or(true, units::is_space);
    let (content_end, end) = (units[last].content_end, units[last].end);
    if after_space {
        return Span::new(start, end);
    }
    let trailing = text.get(content_end..end).unwrap_or("");
    let original = &units[original_last];
    let brought = text.get(original.content_end..original.end).unwrap_or("");
    if !brought.is_empty() && trailing.len() > brought.len() && trailing.starts_with(brought) {
        Span::new(start, content_end + brought.len())
    } else {
        Span::new(start, content_end)
    }
}

/// Sorts spans and merges overlapping ones.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// `text` without the ascending, disjoint `removed` spans.
fn without(text: &str, removed: &[Span]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for span in removed {
        out.push_str(text.get(from..span.start).unwrap_or(""));
        from = span.end;
    }
    out.push_str(text.get(from..).unwrap_or(""));
    out
}

/// The kept pieces of the original text, to map offsets in the deduplicated text back to it.
struct KeptPieces {
    /// (offset in the deduplicated text, offset in the original text), ascending.
    starts: Vec<(usize, usize)>,
    original_len: usize,
}

impl KeptPieces {
    fn new(removed: &[Span], original_len: usize) -> Self {
        let mut starts = Vec::with_capacity(removed.len() + 1);
        let (mut kept, mut from) = (0, 0);
        for span in removed {
            if span.start > from {
                starts.push((kept, from));
                kept += span.start - from;
            }
            from = span.end;
        }
        if original_len > from {
            starts.push((kept, from));
        }
        KeptPieces {
            starts,
            original_len,
        }
    }

    fn map(&self, offset: usize, piece: usize) -> usize {
        match self.starts.get(piece) {
            Some(&(kept, original)) => {
                (original + offset.saturating_sub(kept)).min(self.original_len)
            }
            None => self.original_len,
        }
    }

    /// An offset where something starts: at a piece boundary it belongs to the later piece.
    fn start_to_original(&self, offset: usize) -> usize {
        let piece = self.starts.partition_point(|&(kept, _)| kept <= offset);
        self.map(offset, piece.saturating_sub(1))
    }

    /// An offset where something ends: at a piece boundary it belongs to the earlier piece.
    fn end_to_original(&self, offset: usize) -> usize {
        let piece = self.starts.partition_point(|&(kept, _)| kept < offset);
        self.map(offset, piece.saturating_sub(1))
    }
}

/// A small, repeatable random source for the tests (xorshift64; the seed must not be 0).
#[cfg(test)]
pub(crate) struct TestRng(pub u64);

#[cfg(test)]
impl TestRng {
    /// A number below `bound`.
    pub(crate) fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound.max(1) as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options::default()
    }

    fn removed_texts<'t>(text: &'t str, found: &Found) -> Vec<&'t str> {
        found.dedup.removed.iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn sentences_that_point_back_at_their_item() {
        for (words, points_back) in [
            ("请该企业于2024年10月31日前完成全部隐患整改。", true),
            ("该同志危难时刻挺身而出，弘扬了社会正气。", true),
            ("申请本项补助的企业，应当在本市依法登记注册。", true),
            ("违反本条规定的，责令限期改正。", true),
            ("本款所称企业，是指依法登记注册的企业。", true),
            ("企业应该于2024年10月31日前完成全部隐患整改。", false),
            ("不该发生的事故发生了，教训深刻。", false),
            ("本条例自2025年1月1日起施行。", false),
            ("各区县应急管理局要对辖区内被通报企业逐一跟踪督导。", false),
        ] {
            assert_eq!(points_back_at_its_item(words), points_back, "{words}");
        }
    }

    /// The remembered answers agree with the first occurrence found by scanning, whatever order
    /// the questions come in: runs over three IDs, where every run has many earlier occurrences.
    #[test]
    fn earliest_occurrences_are_first_occurrences() {
        let mut rng = TestRng(0x2545_f491_4f6c_dd1d);
        let mut next = |bound: u64| rng.below(bound as usize) as u64;
        for _ in 0..20 {
            let ids: Vec<u32> = (0..300).map(|_| next(3) as u32).collect();
            let factors = suffix_array::previous_factors(&ids);
            let mut occurrences = Occurrences::new(&factors);
            for _ in 0..3_000 {
                let at = next(ids.len() as u64) as usize;
                let longest = factors.len[at] as usize;
                if longest == 0 {
                    continue;
                }
                let len = 1 + next(longest as u64) as usize;
                let run = &ids[at..at + len];
                let first = (0..=at).find(|&i| &ids[i..i + len] == run);
                assert_eq!(occurrences.earliest(at, len), first, "at {at} len {len}");
            }
        }
    }

    #[test]
    fn a_provincial_note_under_five_tasks_is_not_a_repeat() {
        let text = "一、加强科技创新平台建设，布局一批重点实验室。（责任单位：省科技厅、省教育厅）\
            二、完善高校院所科研评价制度，激发创新活力。（责任单位：省科技厅、省教育厅）\
            三、推动科技成果转化，建设技术转移服务机构。（责任单位：省科技厅、省教育厅）\
            四、扩大高校科研自主权，简化经费管理流程。（责任单位：省科技厅、省教育厅）\
            五、培养青年科技人才，支持开展基础研究工作。（责任单位：省科技厅、省教育厅）";
        let found = find(text, &options());
        assert!(found.repeats.is_empty(), "{:?}", found.repeats);
        assert_eq!(found.dedup.text, text);
    }

    #[test]
    fn notes_closing_with_the_same_phrase_are_not_repeats() {
        let text = "（一）推进简政放权，进一步减少行政审批事项（国家发展改革委、教育部、科技部等部门按职责分工负责）。\
            （二）优化公共服务，提升政务服务效率和水平（工业和信息化部、商务部等部门按职责分工负责）。\
            （三）加强事中事后监管，创新市场监管方式（市场监管总局、海关总署等部门按职责分工负责）。\
            （四）完善信用体系建设，推进信用信息共享（国家发展改革委、人民银行等部门按职责分工负责）。";
        let mut drop_near = options();
        drop_near.drop_near_duplicates = true;
        for options in [options(), drop_near] {
            let found = find(text, &options);
            assert!(found.repeats.is_empty(), "{:?}", found.repeats);
            assert_eq!(found.dedup.text, text);
        }
    }

    #[test]
    fn heading_markers_and_common_openings_are_not_repeats() {
        let text = "一、总体要求（一）指导思想。各地区、各部门要高度重视，加强组织领导。\
            二、重点任务（一）深化改革。各地区、各部门要高度重视，狠抓工作落实。\
            三、保障措施（一）加强领导。各地区、各部门要高度重视，强化督促检查。";
        let mut drop_near = options();
        drop_near.drop_near_duplicates = true;
        let found = find(text, &drop_near);
        assert!(
            found.dedup.removed.is_empty(),
            "{:?}",
            removed_texts(text, &found)
        );
    }

    #[test]
    fn a_note_repeated_with_its_task_goes_with_the_copy() {
        let text = "加快培育壮大新动能，改造提升传统动能。（质检总局牵头负责）\
            大幅减少事前行政审批。（质检总局牵头负责）\
            加快培育壮大新动能，改造提升传统动能。（质检总局牵头负责）完善制度。";
        let found = find(text, &options());
        assert_eq!(
            removed_texts(text, &found),
            vec!["加快培育壮大新动能，改造提升传统动能。（质检总局牵头负责）"]
        );
        assert_eq!(found.repeats.len(), 1);
        assert_eq!(found.repeats[0].occurrences.len(), 2);
        assert_eq!(found.repeats[0].occurrences[0].start, 0);
    }

    #[test]
    fn a_copy_differing_in_width_and_white_space_is_exact() {
        let text =
            "推进供给侧结构性改革，着力振兴实体经济（国家发展改革委牵头负责）。\n其他内容在此。\
            推进供给侧结构性改革, 着力振兴实体经济(国家发展改革委牵头负责)。　\n";
        let found = find(text, &options());
        assert_eq!(found.repeats.len(), 1);
        assert_eq!(found.repeats[0].similarity, 1.0);
        // The copy's trailing white space stays: the copy ran on from the sentence before it.
        assert_eq!(
            found.dedup.text,
            "推进供给侧结构性改革，着力振兴实体经济（国家发展改革委牵头负责）。\n其他内容在此。　\n"
        );
    }

    #[test]
    fn an_edited_copy_is_a_near_duplicate() {
        let original =
            "加快培育壮大新动能、改造提升传统动能是促进经济结构转型和实体经济升级的重要途径。";
        let edited =
            "加快培育发展新动能、改造提升传统动能是促进经济结构转型和实体经济升级的重要途径。";
        let text = format!("{original}其他内容在此。{edited}");
        let found = find(&text, &options());
        assert_eq!(found.repeats.len(), 1);
        let r = &found.repeats[0];
        assert!(
            r.similarity < 1.0 && r.similarity >= 0.8,
            "{}",
            r.similarity
        );
        assert_eq!(r.occurrences[1].start, text.find(edited).unwrap());
        assert_eq!(found.dedup.text, text, "kept unless drop_near_duplicates");
        let mut drop_near = options();
        drop_near.drop_near_duplicates = true;
        assert_eq!(
            find(&text, &drop_near).dedup.text,
            format!("{original}其他内容在此。")
        );
        let mut no_near = options();
        no_near.near_duplicates = false;
        assert!(find(&text, &no_near).repeats.is_empty());
    }

    #[test]
    fn sentences_that_differ_in_figures_alone_are_told_from_edits() {
        let cases = [
            (
                "新建村级垃圾分类收集点5个。",
                "新建村级垃圾分类收集点6个。",
                true,
            ),
            (
                "本包代理服务费为人民币壹万玖仟元整(¥19,000.00)。",
                "本包代理服务费为人民币贰万元整(¥20,000.00)。",
                true,
            ),
            (
                "按设备投资额的8%给予补助。",
                "按设备投资额的10%给予补助。",
                true,
            ),
            // Characters whose UTF-8 forms share their first bytes (万 and 亿, 设 and 没).
            ("资金5万元。", "资金5亿元。", true),
            ("推进设施建设。", "推进没施建设。", false),
            (
                "新建村级垃圾分类收集点5个。",
                "新建村级垃圾分类收集点5个。",
                false,
            ),
            ("由中标供应商一次性支付。", "由中标供应商统一支付。", false),
            (
                "新建村级垃圾分类收集点5个。",
                "推动村级垃圾分类收集点6个。",
                false,
            ),
        ];
        for (a, b, figures_only) in cases {
            assert_eq!(differs_in_figures_only(a, b), figures_only, "{a} / {b}");
        }
    }

    #[test]
    fn a_note_before_a_copy_stays_with_its_own_task() {
        // The copy of `s` follows the note of task two, and its original follows the same note of
        // task one: the note is task two's, not part of the copy.
        let note = "（责任单位：省科技厅、省财政厅）";
        let s = "加快培育壮大新动能，改造提升传统动能是促进经济结构转型的重要途径。";
        let text =
            format!("一、支持新型研发机构建设。{note}{s}二、推动大型科研仪器开放共享。{note}{s}");
        let found = find(&text, &options());
        assert_eq!(removed_texts(&text, &found), vec![s]);
    }

    #[test]
    fn an_exact_copy_of_an_edited_copy_is_linked_to_the_original() {
        let original =
            "加快培育壮大新动能、改造提升传统动能是促进经济结构转型和实体经济升级的重要途径。";
        let edited =
            "加快培育发展新动能、改造提升传统动能是促进经济结构转型和实体经济升级的重要途径。";
        let text = format!("{original}其他内容在此。{edited}又有内容在此。{edited}");
        let found = find(&text, &options());
        let second = text.rfind(edited).unwrap();
        assert!(
            found.repeats.iter().any(|r| r.occurrences[0].start == 0
                && r.similarity < 1.0
                && r.occurrences.iter().any(|o| o.start == second)),
            "{:?}",
            found.repeats
        );
    }

    #[test]
    fn short_repeats_are_kept() {
        let text = "坚持底线思维。强化开放共治。坚持底线思维。";
        assert!(find(text, &options()).repeats.is_empty());
    }

    #[test]
    fn removal_that_joins_a_new_repeat_is_repeated_until_stable() {
        // A and B are each too short; together they are long enough. The copy of C between the
        // second A and B hides the second A B until C's copy is removed.
        let a = "坚持底线思维。";
        let b = "强化开放共治意识。";
        let c = "加快培育壮大新动能，改造提升传统动能。";
        let text = format!("{a}{b}{c}其他。{a}{c}{b}");
        let found = find(&text, &options());
        assert_eq!(found.dedup.text, format!("{a}{b}{c}其他。"));
        assert!(find(&found.dedup.text, &options()).dedup.removed.is_empty());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "   ",
            "no Chinese here. Just text; twice. no Chinese here. Just text; twice.",
            "𠀀😀𠀀😀。𠀀😀𠀀😀𠀀😀𠀀😀𠀀😀𠀀😀。𠀀😀𠀀😀𠀀😀𠀀😀𠀀😀𠀀😀。",
            "<p>加快培育壮大新动能，改造提升传统动能。</p><p>加快培育壮大新动能，改造提升传统动能。</p>",
            "。。。。））））（（（（",
            "（（（（一）",
        ] {
            let found = find(text, &options());
            for s in &found.dedup.removed {
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
}
