//! Suffix array, LCP and longest previous factors over a sequence of unit IDs.
//!
//! Why our own, over unit IDs: the crates (`suffix`, `divsufsort`, `sais`) index bytes. Over bytes,
//! a 10 MB notice is 10 M suffixes, and every match would then have to be snapped back to sentence
//! boundaries, where a byte-level repeat that starts mid-character or mid-sentence is useless to us.
//! Over interned units the sequence is ~40 times shorter (one ID per sentence or clause), every
//! match is whole sentences by construction, and prefix doubling with radix sort, O(n log n) worst
//! case and two or three rounds on real text, is fast enough and adds no dependency to the wasm build.

/// For each position `i`: the length of the longest prefix of `ids[i..]` that also starts at some
/// earlier position (`len[i]`), and one such earlier position (`source[i]`, meaningful if `len[i] > 0`).
pub(crate) struct PreviousFactors {
    pub len: Vec<u32>,
    pub source: Vec<u32>,
}

/// Suffix array by prefix doubling (Manber–Myers) with counting sorts: O(n log n) even on
/// adversarial input such as one sentence repeated a million times, where comparison sorting of
/// suffixes would be quadratic.
fn suffix_array(ids: &[u32]) -> Vec<u32> {
    let n = ids.len();
    if n == 0 {
        return Vec::new();
    }
    let mut rank: Vec<u32> = ids.to_vec();
    let mut classes = ids.iter().max().map_or(1, |&m| m as usize + 1);
    let mut sa: Vec<u32> = Vec::with_capacity(n);
    // First round: sort by the ID alone.
    {
        let mut count = vec![0u32; classes + 1];
        for &r in &rank {
            count[r as usize + 1] += 1;
        }
        for i in 1..count.len() {
            count[i] += count[i - 1];
        }
        sa.resize(n, 0);
        for (i, &r) in rank.iter().enumerate() {
            let slot = &mut count[r as usize];
            sa[*slot as usize] = i as u32;
            *slot += 1;
        }
        let mut renumbered = vec![0u32; n];
        let mut class = 0u32;
        for k in 1..n {
            if rank[sa[k] as usize] != rank[sa[k - 1] as usize] {
                class += 1;
            }
            renumbered[sa[k] as usize] = class;
        }
        rank = renumbered;
        classes = class as usize + 1;
    }
    let mut by_second = vec![0u32; n];
    let mut next_rank = vec![0u32; n];
    let mut count = vec![0u32; n + 1];
    let mut step = 1usize;
    while classes < n && step < n {
        // Order by the second key (rank at i + step; suffixes too short to have one come first),
        // then stably by the first key.
        let mut filled = 0;
        for i in n - step..n {
            by_second[filled] = i as u32;
            filled += 1;
        }
        for &s in &sa {
            if s as usize >= step {
                by_second[filled] = s - step as u32;
                filled += 1;
            }
        }
        count[..=classes].iter_mut().for_each(|c| *c = 0);
        for &r in &rank {
            count[r as usize + 1] += 1;
        }
        for i in 1..=classes {
            count[i] += count[i - 1];
        }
        for &s in &by_second {
            let slot = &mut count[rank[s as usize] as usize];
            sa[*slot as usize] = s;
            *slot += 1;
        }
        let second = |i: usize| rank.get(i + step).map_or(-1, |&r| i64::from(r));
        let mut class = 0u32;
        next_rank[sa[0] as usize] = 0;
        for k in 1..n {
            let (a, b) = (sa[k - 1] as usize, sa[k] as usize);
            if rank[a] != rank[b] || second(a) != second(b) {
                class += 1;
            }
            next_rank[b] = class;
        }
        std::mem::swap(&mut rank, &mut next_rank);
        classes = class as usize + 1;
        step *= 2;
    }
    sa
}

/// `lcp[k]` = length of the common prefix of suffixes `sa[k - 1]` and `sa[k]` (`lcp[0] = 0`), by Kasai's
/// algorithm in O(n).
fn lcp_array(ids: &[u32], sa: &[u32]) -> Vec<u32> {
    let n = ids.len();
    let mut rank = vec![0u32; n];
    for (k, &s) in sa.iter().enumerate() {
        rank[s as usize] = k as u32;
    }
    let mut lcp = vec![0u32; n];
    let mut h = 0usize;
    for i in 0..n {
        let r = rank[i] as usize;
        if r == 0 {
            h = 0;
            continue;
        }
        let j = sa[r - 1] as usize;
        while i + h < n && j + h < n && ids[i + h] == ids[j + h] {
            h += 1;
        }
        lcp[r] = h as u32;
        h = h.saturating_sub(1);
    }
    lcp
}

/// Longest previous factors (the LZ77 factorisation's building block) from the nearest suffixes in
/// suffix-array order that start earlier in the text (previous and next smaller values), in O(n).
pub(crate) fn previous_factors(ids: &[u32]) -> PreviousFactors {
    let n = ids.len();
    let sa = suffix_array(ids);
    let lcp = lcp_array(ids, &sa);
    let mut factors = PreviousFactors {
        len: vec![0u32; n],
        source: vec![0u32; n],
    };
    // The nearest earlier-starting suffix may sit on either side in suffix-array order: sweep
    // forwards (LCP with the entry before) and backwards (LCP with the entry after).
    nearest_earlier(&sa, 0..n, |k| lcp[k], &mut factors);
    nearest_earlier(
        &sa,
        (0..n).rev(),
        |k| lcp.get(k + 1).copied().unwrap_or(0),
        &mut factors,
    );
    factors
}

/// One sweep of the previous-smaller-value stack: for each suffix-array entry in `order`, the
/// nearest entry already passed whose suffix starts earlier in the text, and their common prefix.
/// `lcp_with_passed(k)` is the LCP of entry `k` with the entry passed just before it.
fn nearest_earlier(
    sa: &[u32],
    order: impl Iterator<Item = usize>,
    lcp_with_passed: impl Fn(usize) -> u32,
    factors: &mut PreviousFactors,
) {
    // Each stack entry: (suffix-array index, LCP with the entry below it).
    let mut stack: Vec<(usize, u32)> = Vec::new();
    for k in order {
        let mut h = lcp_with_passed(k);
        while let Some(&(top, m)) = stack.last() {
            if sa[top] > sa[k] {
                h = h.min(m);
                stack.pop();
            } else {
                break;
            }
        }
        if let Some(&(top, _)) = stack.last() {
            let at = sa[k] as usize;
            if h > factors.len[at] {
                factors.len[at] = h;
                factors.source[at] = sa[top];
            }
        } else {
            h = 0;
        }
        stack.push((k, h));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(ids: &[u32]) -> Vec<u32> {
        (0..ids.len())
            .map(|i| {
                (0..i)
                    .map(|j| {
                        ids[i..]
                            .iter()
                            .zip(&ids[j..])
                            .take_while(|(a, b)| a == b)
                            .count() as u32
                    })
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    #[test]
    fn matches_the_naive_longest_previous_factor() {
        let mut seed = 7u64;
        for len in 0..60 {
            for alphabet in 1..4u32 {
                let ids: Vec<u32> = (0..len)
                    .map(|_| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        ((seed >> 33) as u32) % alphabet
                    })
                    .collect();
                let found = previous_factors(&ids);
                assert_eq!(found.len, naive(&ids), "{ids:?}");
                for (i, &l) in found.len.iter().enumerate() {
                    let s = found.source[i] as usize;
                    if l > 0 {
                        assert!(s < i);
                        assert_eq!(ids[i..i + l as usize], ids[s..s + l as usize]);
                    }
                }
            }
        }
    }
}
