//! Edited copies: a sentence copied with a word changed or a clause dropped.
//!
//! Method: winnowing (Schleimer, Wilkerson & Aiken 2003) over character 5-grams of each unit's
//! counted characters, an inverted index from fingerprint to earlier units, and a verification of
//! the few best-voted candidates by the Dice coefficient of character bigrams. Why: winnowing
//! guarantees that any shared run of 8 or more characters yields a shared fingerprint, so one changed
//! word or one dropped clause in a sentence still leaves anchors, while the index keeps the search
//! near-linear (each unit looks up ~40% of its 5-grams and verifies at most three candidates, in
//! time linear in their lengths), where all-pairs comparison would be quadratic. MinHash/LSH would
//! need dozens of hash functions per shingle for the same recall on 20-character sentences. Dice on
//! bigrams, unlike edit distance, is linear-time, so a 5 000-character run-on "sentence" costs no more
//! than its length; its blindness to word order is harmless for candidates that already share anchors.

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

/// Finds units that are edited copies of earlier units. `skip[i]` marks units already removed as
/// exact copies: they are neither copies to report nor originals to link to. A heading is compared
/// with headings only: a sentence that repeats a heading's words under it is no copy of it, and
/// dropping a heading as an edit of a sentence would delete a real heading.
pub(crate) fn find(
    units: &[Unit],
    norms: &Norms,
    skip: &[bool],
    min_chars: usize,
    threshold: f64,
) -> Vec<NearCopy> {
    let mut found = Vec::new();
    let mut seen_id = vec![false; norms.len()];
    // Postings as linked lists in one arena, newest first: `heads` maps a fingerprint to its newest
    // node. A `Vec` per fingerprint cost one allocation per distinct fingerprint, and most of the
    // time on a 10 MB scrape went to the allocator.
    let mut heads: FxHashMap<u64, u32> =
        FxHashMap::with_capacity_and_hasher(norms.len() * 8, FxBuild::default());
    let mut nodes: Vec<(u32, u32)> = Vec::with_capacity(norms.len() * 8);
    let mut votes: Vec<(u32, u32)> = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    let mut fingerprints = Vec::new();
    let mut scratch = Scratch::default();
    let mut query_bigrams = Vec::new();
    // The sorted bigrams of every indexed unit, computed once when it was looked up itself: each
    // is verified against many later units.
    let mut store: Vec<u64> = Vec::new();
    let mut stored: Vec<(u32, u32)> = vec![(0, 0); units.len()];
    for (index, unit) in units.iter().enumerate() {
        if skip.get(index).copied().unwrap_or(false)
            || unit.formulaic
            || (unit.counted as usize) < min_chars.max(1)
        {
            continue;
        }
        let id = unit.id as usize;
        let (Some(norm), Some(seen)) = (norms.get(id), seen_id.get_mut(id)) else {
            continue;
        };
        // A later unit with the same ID is an exact copy (too short to remove): not an edit.
        if std::mem::replace(seen, true)
            || (norm.len() > LONGEST_UNIT && norm.chars().count() > LONGEST_UNIT)
        {
            continue;
        }
        winnow(norm, &mut fingerprints, &mut scratch);
        candidates.clear();
        for fingerprint in &fingerprints {
            let mut node = heads.get(fingerprint).copied().unwrap_or(NONE);
            for _ in 0..POSTINGS_PER_FINGERPRINT {
                let Some(&(unit, next)) = nodes.get(node as usize) else {
                    break;
                };
                candidates.push(unit);
                node = next;
            }
        }
        candidates.sort_unstable();
        votes.clear();
        for &candidate in &candidates {
            match votes.last_mut() {
                Some((c, n)) if *c == candidate => *n += 1,
                _ => votes.push((candidate, 1)),
            }
        }
        votes.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        let mut best: Option<(usize, f64)> = None;
        bigrams(norm, &mut query_bigrams);
        for &(candidate, _) in votes.iter().take(VERIFIED) {
            let candidate = candidate as usize;
            if units.get(candidate).map(|u| u.heading) != Some(unit.heading) {
                continue;
            }
            let Some(&(from, len)) = stored.get(candidate) else {
                continue;
            };
            let Some(other) = store.get(from as usize..from as usize + len as usize) else {
                continue;
            };
            // Dice cannot exceed 2·min/(sum): a sentence much shorter or longer is never near.
            let (q, o) = (query_bigrams.len(), other.len());
            if 2.0 * (q.min(o) as f64) / ((q + o) as f64) < threshold {
                continue;
            }
            let similarity = dice(&query_bigrams, other);
            if similarity >= threshold && best.map_or(true, |(_, s)| similarity > s) {
                best = Some((candidate, similarity));
            }
        }
        match best {
            Some((original, similarity)) => found.push(NearCopy {
                copy: index,
                original,
                // Different normalised texts are never the same passage, whatever the bigrams say.
                similarity: similarity.min(0.999),
            }),
            // Only originals are indexed, so a copy of a copy links to the original.
            None => {
                stored[index] = (store.len() as u32, query_bigrams.len() as u32);
                store.extend_from_slice(&query_bigrams);
                for &fingerprint in &fingerprints {
                    let head = heads.entry(fingerprint).or_insert(NONE);
                    nodes.push((index as u32, *head));
                    *head = (nodes.len() - 1) as u32;
                }
            }
        }
    }
    found
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

/// Sorted character bigrams of `norm`, each packed into a u64 (a char needs 21 bits).
fn bigrams(norm: &str, out: &mut Vec<u64>) {
    out.clear();
    let mut previous: Option<char> = None;
    for c in norm.chars() {
        if let Some(p) = previous {
            out.push((u64::from(p) << 21) | u64::from(c));
        }
        previous = Some(c);
    }
    if out.is_empty() {
        if let Some(p) = previous {
            out.push(u64::from(p) << 21);
        }
    }
    out.sort_unstable();
}

/// Dice coefficient of two sorted bigram multisets: 2·|A∩B| / (|A| + |B|).
fn dice(a: &[u64], b: &[u64]) -> f64 {
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
    fn winnowing_shares_a_fingerprint_for_eight_shared_characters() {
        let (mut x, mut y) = (Vec::new(), Vec::new());
        let mut scratch = Scratch::default();
        winnow("甲乙丙丁一二三四五六七八子丑", &mut x, &mut scratch);
        winnow("天地玄黄一二三四五六七八宇宙", &mut y, &mut scratch);
        assert!(x.iter().any(|f| y.contains(f)));
    }
}
