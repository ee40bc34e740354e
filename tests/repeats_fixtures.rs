//! The repeat finder against damage whose truth is known: clean notices damaged by
//! `tests/support/damage.rs`, many seeds each.

#[path = "support/damage.rs"]
mod damage;

use damage::{Damage, Edit};
use notice_lens::{repeats, Options};

const NOTICES: [(&str, &str); 3] = [
    (
        "guobanfa-2017-41",
        include_str!("fixtures/clean/guobanfa-2017-41-duozhengheyi.txt"),
    ),
    (
        "guofa-2015-32",
        include_str!("fixtures/clean/guofa-2015-32-shuangchuang.txt"),
    ),
    (
        "yuefuban-2018-12",
        include_str!("fixtures/clean/yuefuban-2018-kejichuangxin.txt"),
    ),
];

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The notice damaged with half of its copies edited (a word changed, half-width punctuation, a
/// clause dropped, white space changed).
fn with_edited_copies(clean: &str, seed: u64) -> damage::Damaged {
    damage::damage(
        clean,
        Damage {
            seed,
            edit_share: 0.5,
            ..Damage::default()
        },
    )
}

#[test]
fn clean_notices_have_nothing_to_remove() {
    for (name, clean) in NOTICES {
        let found = repeats::find(clean, &Options::default());
        assert!(
            found.dedup.removed.is_empty(),
            "{name}: {:?}",
            found.dedup.removed
        );
    }
}

/// Damages each notice with 50 seeds as `how` says (its seed aside), and checks that deduplication
/// gives back the clean notice and that every copy is reported, linked to an occurrence before it.
fn exact_copies_come_back_out(how: Damage) {
    for (name, clean) in NOTICES {
        for seed in 0..50 {
            let damaged = damage::damage(clean, Damage { seed, ..how });
            assert!(
                damaged.text.len() as f64 > damaged.clean.len() as f64 * 1.2,
                "{name} {seed}: too little damage"
            );
            let found = repeats::find(&damaged.text, &Options::default());
            assert!(
                found.dedup.text == damaged.clean,
                "{name} seed {seed}: dedup differs from the clean notice\nremoved: {:?}\ncopies: {:?}",
                found.dedup.removed.iter().map(|s| s.of(&damaged.text)).collect::<Vec<_>>(),
                damaged.copies.iter().map(|c| &damaged.text[c.start..c.end]).collect::<Vec<_>>(),
            );
            for copy in &damaged.copies {
                let linked = found.repeats.iter().any(|r| {
                    r.occurrences
                        .iter()
                        .skip(1)
                        .any(|o| overlaps((o.start, o.end), (copy.start, copy.end)))
                        && r.occurrences[0].end <= copy.start
                });
                assert!(
                    linked,
                    "{name} seed {seed}: copy {:?} not reported",
                    &damaged.text[copy.start..copy.end]
                );
            }
        }
    }
}

#[test]
fn exact_copies_are_removed_and_the_clean_notice_comes_back() {
    exact_copies_come_back_out(Damage::default());
}

/// Half the copies begin with the last clauses of a sentence (`……，现就……提出以下意见。`), not all of it.
#[test]
fn copies_of_sentence_tails_are_removed_and_the_clean_notice_comes_back() {
    let how = Damage {
        tail_share: 0.5,
        ..Damage::default()
    };
    exact_copies_come_back_out(how);
    // The damage did copy tails: some copy starts with a clause that is not its sentence's start.
    let damaged = damage::damage(NOTICES[1].1, Damage { seed: 3, ..how });
    assert!(damaged
        .copies
        .iter()
        .any(|c| damaged.clean[..c.source_start].ends_with('，')));
}

#[test]
fn edited_copies_are_found_and_linked_to_their_originals() {
    let mut checked = [0usize; 4];
    for (name, clean) in NOTICES {
        for seed in 0..50 {
            let damaged = with_edited_copies(clean, seed);
            let found = repeats::find(&damaged.text, &Options::default());
            for copy in &damaged.copies {
                let Some((kind, edited, original)) = copy.edit else {
                    continue;
                };
                let linked = found.repeats.iter().any(|r| {
                    overlaps((r.occurrences[0].start, r.occurrences[0].end), original)
                        && r.occurrences
                            .iter()
                            .skip(1)
                            .any(|o| overlaps((o.start, o.end), edited))
                });
                assert!(
                    linked,
                    "{name} seed {seed}: {kind:?} copy {:?} of {:?} not linked",
                    &damaged.text[edited.0..edited.1],
                    &damaged.text[original.0..original.1]
                );
                checked[kind as usize] += 1;
                // Width and white space are no difference: such copies are exact and removed.
                if matches!(kind, Edit::HalfWidthPunctuation | Edit::WhiteSpaceChanged) {
                    assert!(
                        found
                            .dedup
                            .removed
                            .iter()
                            .any(|s| s.start <= edited.0 && edited.1 <= s.end),
                        "{name} seed {seed}: {kind:?} copy not removed"
                    );
                }
            }
        }
    }
    assert!(
        checked.iter().all(|&n| n >= 5),
        "too few edits of some kind: {checked:?}"
    );
}

#[test]
fn near_duplicates_are_dropped_only_when_asked() {
    let options = Options {
        drop_near_duplicates: true,
        ..Options::default()
    };
    for (name, clean) in NOTICES {
        for seed in 0..50 {
            let damaged = with_edited_copies(clean, seed);
            let found = repeats::find(&damaged.text, &options);
            // Dropping near-duplicates too gives the clean notice back whenever every edit kept the
            // copy above the threshold, which the generator's edits do.
            assert_eq!(found.dedup.text, damaged.clean, "{name} seed {seed}");
        }
    }
}
