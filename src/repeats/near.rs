//! Edited copies: a sentence copied with a word changed or a clause dropped.
//!
//! Method: winnowing (Schleimer, Wilkerson & Aiken 2003) over character 5-grams of each unit's
//! counted characters, an inverted index from fingerprint to earlier units, and a verification of
//! the few best-voted candidates by the Dice coefficient of character bigrams. Why: winnowing
//! guarantees that any shared run of 8 or more characters yields a shared fingerprint, so one changed
//! word or one dropped clause in a sentence still leaves anchors, while the index keeps the search
//! near-linear (each unit winnows ~40% of its 5-grams, looks up those another text shares, and
//! verifies at most three candidates, in time linear in their lengths), where all-pairs comparison
//! would be quadratic. MinHash/LSH would
//! need dozens of hash functions per shingle for the same recall on 20-character sentences. Dice on
//! bigrams, unlike edit distance, is linear-time, so a 5 000-character run-on "sentence" costs no more
//! than its length; its blindness to word order is harmless for candidates that already share anchors.

use std::collections::HashSet;

use super::units::{is_counted, FxBuild, FxHashMap, Norms, Unit};

/// Units longer than this (in characters) are run-on text, not sentences; they are not compared.
const LONGEST_UNIT: usize = 5_000;
/// Gram length and window of the winnowing; together they guarantee a fingerprint per 8 shared chars.
const GRAM: usize = 5;
const WINDOW: usize = 4;
/// Only the latest units under a fingerprint are voted for: a set phrase such as 按职责分工负责
/// shared by hundreds of sentences must not make every lookup scan hundreds of candidates.
const POSTINGS_PER_FINGERPRINT: usize = 16;
/// Candidates verified per unit.
const VERIFIED: usize = 3;

/// `copy` is an edited copy of the earlier unit `original`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NearCopy {
    pub copy: usize,
    pub original: usize,
    pub similarity: f64,
}

/// What [`find`] keeps from one pass to the next, so that a rerun costs what changed, not the text.
///
/// The passes after the first look for edited copies again whenever the first kept an exact copy
/// as part of an edited passage, and on a scrape of near-copies that is every time. Each pass
/// takes out a few copies and leaves every other unit as it was, so most units would be looked up
/// in the same postings and verified against the same candidates as before. A unit's answer
/// depends only on whether its ID was seen before it and on the newest postings of its
/// fingerprints before it, so a unit keeps its answer unless one of its fingerprints' postings
/// changed before it (a unit indexed before that is gone or no longer indexed, or a unit newly
/// indexed); only those units are looked up again. The fingerprints and bigrams of an ID are
/// computed once, for all passes. Rerunning the whole search instead made a 10 MB scrape's second
/// and third passes cost as much as its first.
#[derive(Default)]
pub(crate) struct Cache {
    features: Features,
    postings: Option<Postings>,
}

/// The fingerprints and sorted bigrams of each ID's normalised text, computed on first use.
#[derive(Default)]
struct Features {
    /// Per ID: where its fingerprints lie in `fingerprints` (`NONE` when not yet computed).
    fingerprints_of: Vec<(u32, u32)>,
    fingerprints: Vec<u64>,
    /// Per ID: where its sorted bigrams lie in `bigrams`.
    bigrams_of: Vec<(u32, u32)>,
    bigrams: Vec<u32>,
    bigrams_out: Vec<u32>,
    scratch: Scratch,
    out: Vec<u64>,
}

type Range = std::ops::Range<usize>;

impl Features {
    /// The features of `id`, computed from its text in `norms` on first use (none for an ID that
    /// has no text there).
    fn get(&mut self, id: usize, norms: &Norms) -> (Range, Range) {
        if self.fingerprints_of.len() <= id {
            self.fingerprints_of.resize(id + 1, (NONE, 0));
            self.bigrams_of.resize(id + 1, (NONE, 0));
        }
        if self.fingerprints_of[id].0 == NONE {
            let norm = norms.get(id).unwrap_or_default();
            winnow(norm, &mut self.out, &mut self.scratch);
            self.fingerprints_of[id] = (self.fingerprints.len() as u32, self.out.len() as u32);
            self.fingerprints.extend_from_slice(&self.out);
            bigrams(norm, &mut self.bigrams_out);
            self.bigrams_of[id] = (self.bigrams.len() as u32, self.bigrams_out.len() as u32);
            self.bigrams.extend_from_slice(&self.bigrams_out);
        }
        (range(self.fingerprints_of[id]), range(self.bigrams_of[id]))
    }

    /// Room for the features of normalised texts of `bytes` bytes in all, most of them CJK (three
    /// bytes a character): a bigram per character, and a fingerprint per few. Growing by doubling
    /// instead copied tens of megabytes on a 10 MB scrape.
    fn reserve(&mut self, bytes: usize) {
        let chars = bytes / 3;
        self.bigrams
            .reserve(chars.saturating_sub(self.bigrams.len()));
        self.fingerprints
            .reserve((chars / 2).saturating_sub(self.fingerprints.len()));
    }

    fn bigrams_of(&self, id: u32) -> Option<&[u32]> {
        let &(from, len) = self.bigrams_of.get(id as usize)?;
        self.bigrams
            .get(from as usize..(from as usize).checked_add(len as usize)?)
    }
}

fn range((from, len): (u32, u32)) -> Range {
    from as usize..from as usize + len as usize
}

/// A unit's answer in the last run.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Record {
    /// Not looked up: skipped, too short, too long, or an ID seen before.
    Other,
    /// Looked up, found no original, and indexed.
    Indexed,
    /// An edited copy of `original`.
    Near { original: u32, similarity: f64 },
}

/// The postings of the last run that looked at every unit, and how the units moved since.
struct Postings {
    /// Fingerprint to newest node; nodes are (unit of that run, next node), newest first.
    heads: FxHashMap<u64, u32>,
    nodes: Vec<(u32, u32)>,
    /// Where each unit of that run is now (`NONE` once taken out). Ascending where not `NONE`.
    to_current: Vec<u32>,
    /// Units indexed since, per fingerprint, ascending, in the current units.
    extra: FxHashMap<u64, Vec<u32>>,
    /// Per current unit: its answer in the last run (`Other` for a unit new since).
    records: Vec<Record>,
    /// Per current unit: its ID.
    ids: Vec<u32>,
    /// Per current unit: whether it is in the postings (`heads` or `extra`); whether it counts
    /// there is whether its record is `Indexed`.
    listed: Vec<bool>,
    /// Units indexed in the last run and taken out since: (the first current unit after it, ID).
    vanished: Vec<(u32, u32)>,
    /// Whether the units moved once since the last run, as [`find_again`] needs.
    moved: bool,
    min_chars: usize,
    threshold: f64,
    /// The fingerprints of the units that run looked up, counted: only shared ones are indexed.
    shared: SharedPrints,
    /// Per ID: whether that run looked it up, and so counted its fingerprints in `shared` (an ID
    /// too long to compare is marked and never looked up).
    counted: Vec<bool>,
    /// Fingerprints that run saw in one text, since shared by a new text: their units are in
    /// `extra`.
    relisted_prints: HashSet<u64, FxBuild>,
}

/// Fingerprints counted up to two, in one bit pair per slot of a table much larger than their
/// number: a fingerprint that only one text has can never link two units, so it is neither looked
/// up nor indexed. Nearly all of a notice's fingerprints are such (over 95 % of a 10 MB scrape's),
/// and each look-up in the postings is a random read of a table larger than the cache: skipping
/// them made the search for edited copies of a 10 MB scrape about a third faster. Two
/// fingerprints can share a slot, which only makes one look shared: looked up for nothing.
struct SharedPrints {
    /// 32 slots a word, two bits each: 0, 1, or 2 for two or more.
    words: Vec<u64>,
    slot_bits: u32,
}

impl SharedPrints {
    /// Room for `prints` fingerprints, with 16 slots each so that few share one.
    fn with_room(prints: usize) -> Self {
        let slots = (prints.max(1) * 16).next_power_of_two().clamp(64, 1 << 31);
        SharedPrints {
            words: vec![0; slots / 32],
            slot_bits: slots.trailing_zeros(),
        }
    }

    /// The fingerprint's slot: a `u32`, as the table has at most 2^31 slots (512 MB).
    fn slot(&self, fingerprint: u64) -> u32 {
        // Multiplicative hashing: the top bits of the product mix all of the fingerprint's.
        (fingerprint.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.slot_bits)) as u32
    }

    fn count_at(&self, slot: u32) -> u64 {
        (self.words[(slot >> 5) as usize] >> ((slot & 31) * 2)) & 3
    }

    fn add_at(&mut self, slot: u32) {
        if self.count_at(slot) < 2 {
            self.words[(slot >> 5) as usize] += 1 << ((slot & 31) * 2);
        }
    }

    fn count(&self, fingerprint: u64) -> u64 {
        self.count_at(self.slot(fingerprint))
    }

    fn add(&mut self, fingerprint: u64) {
        self.add_at(self.slot(fingerprint));
    }

    fn shared(&self, fingerprint: u64) -> bool {
        self.count(fingerprint) >= 2
    }

    /// Counts every one of `prints` (`len` of them) and says, per print in order, whether it is
    /// shared once all are counted.
    ///
    /// A table larger than the cache is filled region by region: the prints are first sorted by
    /// region (a counting sort, which reads and writes in order), so that each region is counted
    /// and read while it is in the cache. Counting in the prints' order made a random read of the
    /// whole table per print, and on a 10 MB scrape (an 8 MB table) those misses made the search
    /// for edited copies grow two and a half times faster than the text.
    fn count_all<I>(&mut self, prints: I, len: usize) -> Vec<bool>
    where
        I: Iterator<Item = u64> + Clone,
    {
        if self.slot_bits <= CACHED_SLOT_BITS {
            for fingerprint in prints.clone() {
                self.add(fingerprint);
            }
            return prints.map(|f| self.shared(f)).collect();
        }
        let region_of = |slot: u32| (slot >> REGION_SLOT_BITS) as usize;
        let mut starts = vec![0usize; (1 << (self.slot_bits - REGION_SLOT_BITS)) + 1];
        for fingerprint in prints.clone() {
            starts[region_of(self.slot(fingerprint)) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        // (slot, position of the print), region by region, in the prints' order within a region.
        let mut by_region = vec![(0u32, 0u32); len];
        let mut next = starts.clone();
        for (position, fingerprint) in prints.enumerate() {
            let slot = self.slot(fingerprint);
            let at = &mut next[region_of(slot)];
            by_region[*at] = (slot, position as u32);
            *at += 1;
        }
        let mut shared = vec![false; len];
        for region in starts.windows(2) {
            let entries = &by_region[region[0]..region[1]];
            for &(slot, _) in entries {
                self.add_at(slot);
            }
            for &(slot, position) in entries {
                shared[position as usize] = self.count_at(slot) >= 2;
            }
        }
        shared
    }
}

/// A table of up to 2^21 slots (512 KB, a 1 MB scrape's) stays in the L2 cache as it is counted;
/// a larger one is counted in regions of 2^19 slots (128 KB), by [`SharedPrints::count_all`].
const CACHED_SLOT_BITS: u32 = 21;
const REGION_SLOT_BITS: u32 = 19;

impl Cache {
    /// The units of the last run became `units`: unit `i` is now `forward[i]` (`NONE` when it was
    /// taken out or cut differently); `forward` is ascending where not `NONE`.
    pub(crate) fn moved(&mut self, forward: &[u32], units: &[Unit]) {
        let Some(p) = self.postings.as_mut() else {
            return;
        };
        if p.moved || forward.len() != p.records.len() {
            // Only one move since a run is followed; the next run looks at every unit.
            self.postings = None;
            return;
        }
        for unit in &mut p.to_current {
            if *unit != NONE {
                *unit = forward[*unit as usize];
            }
        }
        for list in p.extra.values_mut() {
            list.retain_mut(|unit| {
                *unit = forward[*unit as usize];
                *unit != NONE
            });
        }
        let mut records = vec![Record::Other; units.len()];
        let mut listed = vec![false; units.len()];
        p.vanished.clear();
        let mut next = 0u32;
        for (i, &now) in forward.iter().enumerate() {
            if now == NONE {
                if p.records[i] == Record::Indexed {
                    p.vanished.push((next, p.ids[i]));
                }
                continue;
            }
            next = now + 1;
            records[now as usize] = match p.records[i] {
                Record::Near {
                    original,
                    similarity,
                } => match forward[original as usize] {
                    NONE => Record::Other,
                    original => Record::Near {
                        original,
                        similarity,
                    },
                },
                record => record,
            };
            listed[now as usize] = p.listed[i];
        }
        p.records = records;
        p.listed = listed;
        p.ids = units.iter().map(|u| u.id).collect();
        p.moved = true;
    }
}

/// Finds units that are edited copies of earlier units. `skip[i]` marks units already removed as
/// exact copies: they are neither copies to report nor originals to link to. A heading is compared
/// with headings only: a sentence that repeats a heading's words under it is no copy of it, and
/// dropping a heading as an edit of a sentence would delete a real heading.
///
/// After [`Cache::moved`], only the units whose answer may have changed are looked up again
/// (see [`Cache`]); the answers are the same as those of a search over all units.
pub(crate) fn find(
    units: &[Unit],
    norms: &Norms,
    skip: &[bool],
    min_chars: usize,
    threshold: f64,
    cache: &mut Cache,
) -> Vec<NearCopy> {
    if let Some(postings) = cache.postings.as_mut() {
        let again = find_again(
            units,
            norms,
            skip,
            min_chars,
            threshold,
            &mut cache.features,
            postings,
        );
        if let Some(found) = again {
            #[cfg(debug_assertions)]
            {
                let all = find_all(
                    units,
                    norms,
                    skip,
                    min_chars,
                    threshold,
                    &mut Cache::default(),
                );
                debug_assert_eq!(found, all, "the rerun differs from a search over all units");
            }
            return found;
        }
    }
    find_all(units, norms, skip, min_chars, threshold, cache)
}

/// Whether `unit` is looked up at all, and its ID if so. Its text is not read: on a large scrape
/// most IDs' features are computed already, and reading a text only to learn its length missed
/// the cache.
fn query(
    index: usize,
    unit: &Unit,
    norms: &Norms,
    skip: &[bool],
    min_chars: usize,
    seen_id: &mut [bool],
) -> Option<usize> {
    if skip.get(index).copied().unwrap_or(false)
        || unit.formulaic
        || (unit.counted as usize) < min_chars.max(1)
    {
        return None;
    }
    let id = unit.id as usize;
    let seen = seen_id.get_mut(id)?;
    // A later unit with the same ID is an exact copy (too short to remove): not an edit.
    if std::mem::replace(seen, true)
        || (norms.byte_len(id)? > LONGEST_UNIT && norms.get(id)?.chars().count() > LONGEST_UNIT)
    {
        return None;
    }
    Some(id)
}

/// Buffers for [`choose`].
#[derive(Default)]
struct Ballot {
    candidates: Vec<u32>,
    votes: Vec<(u32, u32)>,
}

/// The best verified of the most-voted `ballot.candidates` for `unit`, with its similarity.
fn choose(
    ballot: &mut Ballot,
    units: &[Unit],
    norms: &Norms,
    unit: &Unit,
    query_bigrams: &[u32],
    features: &Features,
    threshold: f64,
) -> Option<(usize, f64)> {
    let Ballot { candidates, votes } = ballot;
    candidates.sort_unstable();
    votes.clear();
    for &candidate in candidates.iter() {
        match votes.last_mut() {
            Some((c, n)) if *c == candidate => *n += 1,
            _ => votes.push((candidate, 1)),
        }
    }
    votes.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    let mut best: Option<(usize, f64)> = None;
    for &(candidate, _) in votes.iter().take(VERIFIED) {
        let candidate = candidate as usize;
        let Some(other_unit) = units.get(candidate) else {
            continue;
        };
        if other_unit.heading != unit.heading {
            continue;
        }
        let Some(other) = features.bigrams_of(other_unit.id) else {
            continue;
        };
        // Dice cannot exceed 2·min/(sum): a sentence much shorter or longer is never near.
        let (q, o) = (query_bigrams.len(), other.len());
        if 2.0 * (q.min(o) as f64) / ((q + o) as f64) < threshold {
            continue;
        }
        let similarity = dice(query_bigrams, other);
        if similarity >= threshold
            && best.map_or(true, |(_, s)| similarity > s)
            && !names(norms, other_unit, unit)
        {
            best = Some((candidate, similarity));
        }
    }
    best
}

/// Whether `earlier` names the document whose title `later` is, rather than `later` being an edit
/// of it: `关于印发《2024年……责任清单》的通知` before the attachment's own title, or `2.2024年度……汇总表`
/// in a list of attachments before the attachment itself.
fn names(norms: &Norms, earlier: &Unit, later: &Unit) -> bool {
    let (Some(earlier), Some(title)) =
        (norms.get(earlier.id as usize), norms.get(later.id as usize))
    else {
        return false;
    };
    let quoted = earlier.match_indices(title).any(|(at, _)| {
        earlier[..at].ends_with('《') && earlier[at + title.len()..].starts_with('》')
    });
    let listed = earlier
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix(['.', '、'])
        .is_some_and(|rest| rest == title && earlier.starts_with(|c: char| c.is_ascii_digit()));
    quoted || listed
}

/// The search over all units, which leaves its postings in `cache` for the next pass.
fn find_all(
    units: &[Unit],
    norms: &Norms,
    skip: &[bool],
    min_chars: usize,
    threshold: f64,
    cache: &mut Cache,
) -> Vec<NearCopy> {
    let mut found = Vec::new();
    let features = &mut cache.features;
    features.reserve(norms.bytes());
    // The units looked up, and their fingerprints counted, before any is looked up: whether a
    // fingerprint is shared depends on the units after it too.
    let mut seen_id = vec![false; norms.len()];
    let mut queried: Vec<(usize, Range, Range)> = Vec::new();
    for (index, unit) in units.iter().enumerate() {
        if let Some(id) = query(index, unit, norms, skip, min_chars, &mut seen_id) {
            let (fingerprints, bigrams) = features.get(id, norms);
            queried.push((index, fingerprints, bigrams));
        }
    }
    let prints = queried.iter().map(|(_, f, _)| f.len()).sum();
    let mut shared = SharedPrints::with_room(prints);
    let is_shared = shared.count_all(
        queried
            .iter()
            .flat_map(|(_, f, _)| features.fingerprints[f.clone()].iter().copied()),
        prints,
    );
    let mut is_shared = is_shared.into_iter();
    let counted = seen_id;
    // Postings as linked lists in one arena, newest first: `heads` maps a fingerprint to its newest
    // node. A `Vec` per fingerprint cost one allocation per distinct fingerprint, and most of the
    // time on a 10 MB scrape went to the allocator.
    let (mut heads, mut nodes) = match cache.postings.take() {
        Some(p) => (p.heads, p.nodes),
        None => Default::default(),
    };
    heads.clear();
    nodes.clear();
    let mut records = vec![Record::Other; units.len()];
    let mut ballot = Ballot::default();
    let mut shared_prints: Vec<u64> = Vec::new();
    for (index, fingerprints, query_bigrams) in queried {
        let unit = &units[index];
        shared_prints.clear();
        shared_prints.extend(
            features.fingerprints[fingerprints]
                .iter()
                .filter(|_| is_shared.next().unwrap_or(false)),
        );
        ballot.candidates.clear();
        for fingerprint in &shared_prints {
            let mut node = heads.get(fingerprint).copied().unwrap_or(NONE);
            for _ in 0..POSTINGS_PER_FINGERPRINT {
                let Some(&(unit, next)) = nodes.get(node as usize) else {
                    break;
                };
                ballot.candidates.push(unit);
                node = next;
            }
        }
        let query_bigrams = &features.bigrams[query_bigrams];
        match choose(
            &mut ballot,
            units,
            norms,
            unit,
            query_bigrams,
            features,
            threshold,
        ) {
            Some((original, similarity)) => {
                // Different normalised texts are never the same passage, whatever the bigrams say.
                let similarity = similarity.min(0.999);
                records[index] = Record::Near {
                    original: original as u32,
                    similarity,
                };
                found.push(NearCopy {
                    copy: index,
                    original,
                    similarity,
                });
            }
            // Only originals are indexed, so a copy of a copy links to the original.
            None => {
                records[index] = Record::Indexed;
                for &fingerprint in &shared_prints {
                    let head = heads.entry(fingerprint).or_insert(NONE);
                    nodes.push((index as u32, *head));
                    *head = (nodes.len() - 1) as u32;
                }
            }
        }
    }
    cache.postings = Some(Postings {
        heads,
        nodes,
        to_current: (0..units.len() as u32).collect(),
        extra: FxHashMap::default(),
        listed: records.iter().map(|r| *r == Record::Indexed).collect(),
        records,
        ids: units.iter().map(|u| u.id).collect(),
        vanished: Vec::new(),
        moved: false,
        min_chars,
        threshold,
        shared,
        counted,
        relisted_prints: HashSet::default(),
    });
    found
}

/// Bits of a filter over the fingerprints whose postings changed: most units have none of them,
/// and a bit test is cheaper than a look-up in the map.
const FILTER_WORDS: usize = 1 << 10;

/// Fingerprints whose postings changed, each with the first unit that can see the change.
#[derive(Default)]
struct Changed {
    from: FxHashMap<u64, u32>,
    filter: Vec<u64>,
}

impl Changed {
    fn mark(&mut self, fingerprint: u64, from: u32) {
        let first = self.from.entry(fingerprint).or_insert(from);
        *first = (*first).min(from);
        if self.filter.is_empty() {
            self.filter = vec![0; FILTER_WORDS];
        }
        self.filter[(fingerprint >> 6) as usize % FILTER_WORDS] |= 1 << (fingerprint & 63);
    }

    fn seen_by(&self, fingerprint: u64, unit: usize) -> bool {
        !self.filter.is_empty()
            && self.filter[(fingerprint >> 6) as usize % FILTER_WORDS] & (1 << (fingerprint & 63))
                != 0
            && self
                .from
                .get(&fingerprint)
                .is_some_and(|&from| from as usize <= unit)
    }
}

/// The search again after [`Cache::moved`]: a unit that was looked up last time and none of whose
/// fingerprints' postings changed before it keeps its answer; the others are looked up in the
/// last run's postings as they are now. `None` (and the caller searches all units) when there is
/// no such run, or when the changes reach so far that looking up all units is cheaper.
fn find_again(
    units: &[Unit],
    norms: &Norms,
    skip: &[bool],
    min_chars: usize,
    threshold: f64,
    features: &mut Features,
    p: &mut Postings,
) -> Option<Vec<NearCopy>> {
    let n = units.len();
    if !p.moved
        || p.records.len() != n
        || p.min_chars != min_chars
        || p.threshold.to_bits() != threshold.to_bits()
        || p.vanished.len() > n / 8 + 64
    {
        return None;
    }
    // The postings walked past while looking units up again, at most: beyond this, looking up
    // all units is cheaper.
    let mut budget = 8 * n + 4096;
    let mut changed = Changed::default();
    for &(from, id) in &p.vanished {
        let (fingerprints, _) = features.get(id as usize, norms);
        for &fingerprint in &features.fingerprints[fingerprints] {
            changed.mark(fingerprint, from);
        }
    }
    let mut seen_id = vec![false; norms.len()];
    list_newly_shared(units, norms, skip, min_chars, features, p, &mut seen_id)?;
    seen_id.iter_mut().for_each(|seen| *seen = false);
    let mut found = Vec::new();
    let mut ballot = Ballot::default();
    for (index, unit) in units.iter().enumerate() {
        let old = p.records[index];
        let mut new = Record::Other;
        let mut fingerprints = None;
        if let Some(id) = query(index, unit, norms, skip, min_chars, &mut seen_id) {
            let (prints, query_bigrams) = features.get(id, norms);
            let prints_of = &features.fingerprints[prints.clone()];
            let kept =
                old != Record::Other && !prints_of.iter().any(|&f| changed.seen_by(f, index));
            new = if kept {
                old
            } else {
                ballot.candidates.clear();
                for &fingerprint in prints_of {
                    newest(p, fingerprint, index, &mut ballot.candidates, &mut budget)?;
                }
                let query_bigrams = &features.bigrams[query_bigrams];
                match choose(
                    &mut ballot,
                    units,
                    norms,
                    unit,
                    query_bigrams,
                    features,
                    threshold,
                ) {
                    Some((original, similarity)) => Record::Near {
                        original: original as u32,
                        similarity: similarity.min(0.999),
                    },
                    None => Record::Indexed,
                }
            };
            fingerprints = Some(prints);
        }
        let (was, is) = (old == Record::Indexed, new == Record::Indexed);
        if was != is {
            let prints = match fingerprints {
                Some(prints) => prints,
                None => features.get(unit.id as usize, norms).0,
            };
            for &fingerprint in &features.fingerprints[prints] {
                if is && !p.listed[index] {
                    list_in_extra(&mut p.extra, fingerprint, index);
                }
                changed.mark(fingerprint, index as u32 + 1);
            }
            p.listed[index] |= is;
        }
        p.records[index] = new;
        if let Record::Near {
            original,
            similarity,
        } = new
        {
            found.push(NearCopy {
                copy: index,
                original: original as usize,
                similarity,
            });
        }
    }
    p.vanished.clear();
    p.moved = false;
    Some(found)
}

/// A text new since the last full run can share a fingerprint that run saw in one text only, and
/// so did not index: the units indexed under it join `extra`, as if they had been. Their units
/// are found by one scan of the units' fingerprints; searching all units again instead cost a
/// scrape of numbered twins a whole search on its second pass.
fn list_newly_shared(
    units: &[Unit],
    norms: &Norms,
    skip: &[bool],
    min_chars: usize,
    features: &mut Features,
    p: &mut Postings,
    seen_id: &mut [bool],
) -> Option<()> {
    let counted = |id: u32| p.counted.get(id as usize).copied().unwrap_or(false);
    let mut newly_shared: HashSet<u64, FxBuild> = HashSet::default();
    for (index, unit) in units.iter().enumerate() {
        if counted(unit.id) {
            continue;
        }
        let Some(id) = query(index, unit, norms, skip, min_chars, seen_id) else {
            continue;
        };
        let (prints, _) = features.get(id, norms);
        newly_shared.extend(
            features.fingerprints[prints]
                .iter()
                .filter(|&&f| p.shared.count(f) == 1 && !p.relisted_prints.contains(&f)),
        );
    }
    if newly_shared.is_empty() {
        return Some(());
    }
    // Every unit in the postings, whatever its answer now: one that is an edited copy now can be
    // indexed again later in this run or a later one, and `newest` reads only the indexed ones.
    for (index, unit) in units.iter().enumerate() {
        if !p.listed[index] || !counted(unit.id) {
            continue;
        }
        let (prints, _) = features.get(unit.id as usize, norms);
        for &fingerprint in &features.fingerprints[prints] {
            if newly_shared.contains(&fingerprint) {
                list_in_extra(&mut p.extra, fingerprint, index);
            }
        }
    }
    p.relisted_prints.extend(newly_shared);
    Some(())
}

/// Lists `unit` under `fingerprint` in `extra`, in order, once.
fn list_in_extra(extra: &mut FxHashMap<u64, Vec<u32>>, fingerprint: u64, unit: usize) {
    let list = extra.entry(fingerprint).or_default();
    let at = list.partition_point(|&u| (u as usize) < unit);
    if list.get(at) != Some(&(unit as u32)) {
        list.insert(at, unit as u32);
    }
}

/// Appends to `out` the newest `POSTINGS_PER_FINGERPRINT` units before `before` indexed under
/// `fingerprint` now: the last full run's postings that are still indexed, merged with those
/// indexed since. `None` when the walk runs out of `budget`.
fn newest(
    p: &Postings,
    fingerprint: u64,
    before: usize,
    out: &mut Vec<u32>,
    budget: &mut usize,
) -> Option<()> {
    let indexed = |unit: u32| {
        unit != NONE && (unit as usize) < before && p.records[unit as usize] == Record::Indexed
    };
    let mut node = p.heads.get(&fingerprint).copied().unwrap_or(NONE);
    let mut next_old = || -> Option<Option<u32>> {
        while let Some(&(unit, next)) = p.nodes.get(node as usize) {
            node = next;
            *budget = budget.checked_sub(1)?;
            let now = p.to_current[unit as usize];
            if indexed(now) {
                return Some(Some(now));
            }
        }
        Some(None)
    };
    let extra = p.extra.get(&fingerprint).map_or(&[][..], Vec::as_slice);
    let mut k = extra.partition_point(|&u| (u as usize) < before);
    let mut next_new = || {
        while k > 0 {
            k -= 1;
            if indexed(extra[k]) {
                return Some(extra[k]);
            }
        }
        None
    };
    let (mut old, mut new) = (next_old()?, next_new());
    for _ in 0..POSTINGS_PER_FINGERPRINT {
        match (old, new) {
            (Some(a), Some(b)) if a > b => {
                out.push(a);
                old = next_old()?;
            }
            (_, Some(b)) => {
                out.push(b);
                new = next_new();
            }
            (Some(a), None) => {
                out.push(a);
                old = next_old()?;
            }
            (None, None) => break,
        }
    }
    Some(())
}

/// The Dice coefficient of the character bigrams of two normalised texts, as [`find`] scores a unit.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let (mut x, mut y) = (Vec::new(), Vec::new());
    bigrams(a, &mut x);
    bigrams(b, &mut y);
    dice(&x, &y)
}

/// The end of a postings list.
const NONE: u32 = u32::MAX;

/// Buffers reused from one unit to the next.
#[derive(Default)]
struct Scratch {
    chars: Vec<u32>,
    grams: Vec<u64>,
}

/// Winnowed fingerprints of the counted characters of `norm` (punctuation does not anchor).
fn winnow(norm: &str, out: &mut Vec<u64>, scratch: &mut Scratch) {
    out.clear();
    let chars = &mut scratch.chars;
    chars.clear();
    chars.extend(norm.chars().filter(|&c| is_counted(c)).map(u32::from));
    let hash = |gram: &[u32]| {
        gram.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
            (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
        })
    };
    if chars.len() < GRAM {
        if !chars.is_empty() {
            out.push(hash(chars));
        }
        return;
    }
    let grams = &mut scratch.grams;
    grams.clear();
    grams.extend(chars.windows(GRAM).map(hash));
    let mut last_pick = usize::MAX;
    for start in 0..grams.len().saturating_sub(WINDOW - 1).max(1) {
        let end = (start + WINDOW).min(grams.len());
        // The rightmost minimum, as in the paper, so a run of equal hashes yields one pick.
        let mut pick = start;
        for k in start..end {
            if grams[k] <= grams[pick] {
                pick = k;
            }
        }
        if pick != last_pick {
            out.push(grams[pick]);
            last_pick = pick;
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// Sorted character bigrams of `norm`, each packed into a u32: exactly for two characters of the
/// Basic Multilingual Plane (nearly every bigram of a notice), hashed under the prefix of U+FFFF (a
/// noncharacter no text holds) otherwise. Half the bytes of a u64 per character: the bigrams of a
/// 10 MB scrape are its largest table, and their verification reads them at random.
fn bigrams(norm: &str, out: &mut Vec<u32>) {
    let pack = |p: char, c: char| {
        let (p, c) = (u32::from(p), u32::from(c));
        if p < 0x1_0000 && c < 0x1_0000 {
            (p << 16) | c
        } else {
            let mixed = (p.wrapping_mul(0x9E37_79B1) ^ c).wrapping_mul(0x85EB_CA6B);
            0xFFFF_0000 | (mixed >> 16)
        }
    };
    out.clear();
    let mut previous: Option<char> = None;
    for c in norm.chars() {
        if let Some(p) = previous {
            out.push(pack(p, c));
        }
        previous = Some(c);
    }
    if out.is_empty() {
        if let Some(p) = previous {
            out.push(pack(p, '\0'));
        }
    }
    out.sort_unstable();
}

/// Dice coefficient of two sorted bigram multisets: 2·|A∩B| / (|A| + |B|).
fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_word_keeps_most_bigrams() {
        let a = "加快培育壮大新动能、改造提升传统动能是促进经济结构转型和实体经济升级的重要途径。";
        let b = "加快培育发展新动能、改造提升传统动能是促进经济结构转型和实体经济升级的重要途径。";
        let s = similarity(a, b);
        assert!(s > 0.85 && s < 1.0, "{s}");
        assert!(similarity(a, "完全不同的一句话，没有共同之处。") < 0.2);
    }

    #[test]
    fn a_fingerprint_is_shared_once_two_texts_have_it() {
        let mut shared = SharedPrints::with_room(3);
        shared.add(7);
        assert!(!shared.shared(7));
        shared.add(7);
        shared.add(7);
        assert!(shared.shared(7));
        assert_eq!(shared.count(7), 2);
        assert_eq!(shared.count(8), 0);
    }

    /// The region-by-region count of a table larger than the cache says what counting print by
    /// print says, and leaves the same table.
    #[test]
    fn counting_by_region_agrees_with_counting_in_order() {
        let prints: Vec<u64> = (0..400_000u64)
            .map(|i| (i % 150_000).wrapping_mul(0xD1B5_4A32_D192_ED03) ^ (i % 7))
            .collect();
        let mut by_region = SharedPrints::with_room(prints.len());
        assert!(
            by_region.slot_bits > CACHED_SLOT_BITS,
            "the test must count by region"
        );
        let flags = by_region.count_all(prints.iter().copied(), prints.len());
        let mut in_order = SharedPrints::with_room(prints.len());
        for &print in &prints {
            in_order.add(print);
        }
        let expected: Vec<bool> = prints.iter().map(|&p| in_order.shared(p)).collect();
        assert_eq!(flags, expected);
        assert!(by_region.words == in_order.words);
        assert!(flags.iter().any(|&f| f) && flags.iter().any(|&f| !f));
    }

    /// A text new since the last full run that is an edit of a text that run saw alone: the
    /// postings do not hold the original, so the rerun must list it under the fingerprints they
    /// now share to find it.
    #[test]
    fn a_new_edit_of_a_text_seen_once_is_found_after_a_move() {
        use super::super::units::Segmenter;
        let original = "加快培育壮大新动能、改造提升传统动能是促进经济结构转型的重要途径。";
        let other = "各地区各部门要结合实际认真贯彻落实。";
        let edit = "加快培育发展新动能、改造提升传统动能是促进经济结构转型的重要途径。";
        let before = format!("{original}{other}");
        let after = format!("{original}{other}{edit}");
        let mut segmenter = Segmenter::new(after.len());
        let mut units = Vec::new();
        segmenter.run(&before, &[], 0, &mut units, |_| false);
        let mut cache = Cache::default();
        let skip = vec![false; units.len()];
        assert!(find(&units, segmenter.norms(), &skip, 10, 0.8, &mut cache).is_empty());
        let mut moved = Vec::new();
        segmenter.run(&after, &[], 0, &mut moved, |_| false);
        cache.moved(&[0, 1], &moved);
        let skip = vec![false; moved.len()];
        let found = find(&moved, segmenter.norms(), &skip, 10, 0.8, &mut cache);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].copy, found[0].original), (2, 0));
    }

    /// `n` distinct ideographs from `from` on.
    fn run_of(from: u32, n: u32) -> String {
        (0..n)
            .filter_map(|k| char::from_u32(0x4E00 + from + k))
            .collect()
    }

    /// A unit indexed in the full run is an edited copy of a text new before it on one rerun; on
    /// the next that text is gone, and a new text shares with the unit only fingerprints the full
    /// run saw once: the unit, indexed again, must be found. (A second reviewer's case: the rerun
    /// listed only the units indexed at its start.)
    #[test]
    fn a_unit_indexed_again_is_found_by_a_new_text() {
        use super::super::units::Segmenter;
        let (a, b, c, d) = (
            run_of(0, 12),
            run_of(100, 12),
            run_of(200, 12),
            run_of(300, 12),
        );
        let (x, w, y) = (
            format!("{a}{b}。"),
            format!("{a}{c}。"),
            format!("{d}{b}。"),
        );
        let mut segmenter = Segmenter::new(1 << 12);
        let mut cache = Cache::default();
        let mut search = |text: &str, forward: Option<&[u32]>| {
            let mut units = Vec::new();
            segmenter.run(text, &[], 0, &mut units, |_| false);
            if let Some(forward) = forward {
                cache.moved(forward, &units);
            }
            let skip = vec![false; units.len()];
            find(&units, segmenter.norms(), &skip, 10, 0.4, &mut cache)
        };
        assert!(search(&x, None).is_empty());
        assert_eq!(search(&format!("{w}{x}"), Some(&[1])).len(), 1);
        let found = search(&format!("{x}{y}"), Some(&[NONE, 0]));
        assert_eq!(
            found
                .iter()
                .map(|n| (n.copy, n.original))
                .collect::<Vec<_>>(),
            [(1, 0)]
        );
    }

    /// Over random texts moved again and again (units taken out, new ones put in, some skipped),
    /// the rerun answers exactly as a search over all units. (After a second reviewer's fuzz.)
    #[test]
    fn the_rerun_answers_as_a_search_over_all_units() {
        use super::super::units::Segmenter;
        let mut rng = super::super::TestRng(0x9E37_79B9_7F4A_7C15);
        let mut below = |n: usize| rng.below(n);
        for _ in 0..400 {
            let blocks = 3 + below(12);
            let threshold = [0.3, 0.5, 0.7, 0.8][below(4)];
            let sentence = |below: &mut dyn FnMut(usize) -> usize| {
                let mut s: String = (0..2 + below(4))
                    .map(|_| run_of(6 * below(blocks) as u32, 6))
                    .collect();
                s.push('。');
                s
            };
            let mut sentences: Vec<String> =
                (0..2 + below(10)).map(|_| sentence(&mut below)).collect();
            let mut segmenter = Segmenter::new(1 << 16);
            let mut cache = Cache::default();
            let mut units = Vec::new();
            segmenter.run(&sentences.concat(), &[], 0, &mut units, |_| false);
            let skip: Vec<bool> = units.iter().map(|_| below(8) == 0).collect();
            find(&units, segmenter.norms(), &skip, 4, threshold, &mut cache);
            for _ in 0..6 {
                let (mut forward, mut next) = (Vec::new(), Vec::new());
                for s in &sentences {
                    if below(4) == 0 {
                        next.push(sentence(&mut below));
                    }
                    if below(5) == 0 {
                        forward.push(NONE);
                    } else {
                        forward.push(next.len() as u32);
                        next.push(s.clone());
                    }
                }
                if below(3) == 0 {
                    next.push(sentence(&mut below));
                }
                let mut moved = Vec::new();
                segmenter.run(&next.concat(), &[], 0, &mut moved, |_| false);
                assert_eq!(moved.len(), next.len());
                cache.moved(&forward, &moved);
                let skip: Vec<bool> = moved.iter().map(|_| below(8) == 0).collect();
                let norms = segmenter.norms();
                let again = find(&moved, norms, &skip, 4, threshold, &mut cache);
                let all = find_all(&moved, norms, &skip, 4, threshold, &mut Cache::default());
                assert_eq!(again, all, "{next:?}");
                sentences = next;
            }
        }
    }

    #[test]
    fn winnowing_shares_a_fingerprint_for_eight_shared_characters() {
        let (mut x, mut y) = (Vec::new(), Vec::new());
        let mut scratch = Scratch::default();
        winnow("甲乙丙丁一二三四五六七八子丑", &mut x, &mut scratch);
        winnow("天地玄黄一二三四五六七八宇宙", &mut y, &mut scratch);
        assert!(x.iter().any(|f| y.contains(f)));
    }
}
