//! Links what lies inside a scrape's copies back to the original: an attribution in a repeated
//! passage is the same task as the one in the passage's first occurrence, and a reader counting
//! tasks per department must count it once.

use crate::report::{Attribution, Repeat};

/// Sets `repeat_of` on every attribution that lies in a later occurrence of a repeated passage
/// and has a twin (the same note text) in that passage's first occurrence.
///
/// Byte offsets. `attributions` are in text order, as `attributions::find` gives them. Each copy
/// costs a binary search plus the notes inside it, so the whole pass is O(k log k).
pub fn link_attributions(text: &str, attributions: &mut [Attribution], repeats: &[Repeat]) {
    let starts: Vec<usize> = attributions.iter().map(|a| a.start).collect();
    let inside = |start: usize, end: usize| {
        let starts = &starts;
        let first = starts.partition_point(|&s| s < start);
        (first..starts.len()).take_while(move |&i| starts[i] < end)
    };
    let mut links = Vec::new();
    for repeat in repeats {
        let Some((original, copies)) = repeat.occurrences.split_first() else {
            continue;
        };
        for copy in copies {
            // Pair notes by their order among notes of the same text, so that a passage holding
            // the same set phrase twice links each to its own twin.
            let mut used = Vec::new();
            for i in inside(copy.start, copy.end) {
                let note = &text[attributions[i].start..attributions[i].end];
                if attributions[i].end > copy.end {
                    continue;
                }
                let twin = inside(original.start, original.end).find(|&j| {
                    attributions[j].end <= original.end
                        && !used.contains(&j)
                        && &text[attributions[j].start..attributions[j].end] == note
                });
                if let Some(j) = twin {
                    used.push(j);
                    links.push((i, j));
                }
            }
        }
    }
    for (copy, original) in links {
        if copy != original {
            attributions[copy].repeat_of = Some(original);
        }
    }
    // A copy of a copy points at the first occurrence. Links always point backwards in the text,
    // so following them ends.
    for i in 0..attributions.len() {
        let mut root = attributions[i].repeat_of;
        while let Some(r) = root.and_then(|r| attributions[r].repeat_of) {
            root = Some(r);
        }
        attributions[i].repeat_of = root;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Occurrence;

    fn note(start: usize, end: usize) -> Attribution {
        Attribution {
            start,
            end,
            scope_start: start,
            section: None,
            departments: Vec::new(),
            repeat_of: None,
        }
    }

    fn occurrence(start: usize, end: usize) -> Occurrence {
        Occurrence {
            start,
            end,
            similarity: 1.0,
        }
    }

    #[test]
    fn a_note_in_a_copy_points_at_its_twin_in_the_original() {
        let task = "完善信用体系。（人民银行牵头负责）";
        let text = format!("{task}其他工作。{task}{task}");
        let n = task.len();
        let open = task.find('（').unwrap();
        let other = "其他工作。".len();
        let mut notes = vec![
            note(open, n),
            note(n + other + open, 2 * n + other),
            note(2 * n + other + open, 3 * n + other),
        ];
        let repeats = vec![Repeat {
            text: task.to_string(),
            similarity: 1.0,
            occurrences: vec![
                occurrence(0, n),
                occurrence(n + other, 2 * n + other),
                occurrence(2 * n + other, 3 * n + other),
            ],
        }];
        link_attributions(&text, &mut notes, &repeats);
        assert_eq!(notes[0].repeat_of, None);
        assert_eq!(notes[1].repeat_of, Some(0));
        assert_eq!(notes[2].repeat_of, Some(0));
    }

    #[test]
    fn the_same_set_phrase_under_different_tasks_is_not_linked() {
        let text = "甲任务。（责任单位：省科技厅）乙任务。（责任单位：省科技厅）";
        let first = text.find('（').unwrap();
        let second = text.rfind('（').unwrap();
        let mut notes = vec![
            note(first, second - "乙任务。".len()),
            note(second, text.len()),
        ];
        link_attributions(text, &mut notes, &[]);
        assert!(notes.iter().all(|n| n.repeat_of.is_none()));
    }
}
