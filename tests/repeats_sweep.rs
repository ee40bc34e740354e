//! The second blind review's sweep, kept as a ratchet: every run of one to three lines of four
//! clean plans (which repeat the same subheadings under every part) copied to every later place,
//! with line breaks kept and with every line break lost. The figures are the README's; a change
//! that makes any of them worse fails here.

use notice_lens::{analyze_bytes, Options, Report};

const PLANS: [&str; 4] = [
    include_str!("fixtures/reviewed-clean/r4-plan-c1.txt"),
    include_str!("fixtures/reviewed-clean/r4-plan-c2.txt"),
    include_str!("fixtures/reviewed-clean/r4-plan-c4.txt"),
    include_str!("fixtures/reviewed-clean/r4-plan-c5.txt"),
];

/// Letters and digits outside bracketed notes, as the review counted a run's length.
fn counted(text: &str) -> usize {
    let mut depth = 0u32;
    let mut n = 0;
    for c in text.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_alphanumeric() => n += 1,
            _ => {}
        }
    }
    n
}

/// (clean, damaged) for every copied run of 1 to 3 lines of at least 12 counted characters, joined
/// by `separator`.
fn variants(plan: &str, separator: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = plan.trim_end_matches('\n').split('\n').collect();
    let n = lines.len();
    let ending = if separator.is_empty() { "" } else { "\n" };
    let join = |lines: &[&str]| format!("{}{ending}", lines.join(separator));
    let clean = join(&lines);
    let mut out = Vec::new();
    for len in 1..=3 {
        for i in 2..n.saturating_sub(len) {
            let run = &lines[i..i + len];
            if counted(&run.concat()) < 12 {
                continue;
            }
            for j in i + len + 1..=n {
                let damaged: Vec<&str> = lines[..j]
                    .iter()
                    .chain(run)
                    .chain(&lines[j..])
                    .copied()
                    .collect();
                out.push((clean.clone(), join(&damaged)));
            }
        }
    }
    out
}

#[derive(Debug, Default, PartialEq)]
struct Tally {
    variants: usize,
    not_restored: usize,
    /// Not restored, and some of the clean text is missing.
    lose_text: usize,
    second_run_removes: usize,
}

/// Whether `kept` holds every character of `clean` in order.
fn keeps_all_of(clean: &str, kept: &str) -> bool {
    let mut kept = kept.chars();
    clean.chars().all(|c| kept.any(|k| k == c))
}

fn sweep(separator: &str) -> Tally {
    let options = Options::default();
    let mut tally = Tally::default();
    for plan in PLANS {
        for (clean, damaged) in variants(plan, separator) {
            tally.variants += 1;
            let report: Report = analyze_bytes(&damaged, &options).expect("analysable");
            let text = &report.dedup.text;
            if *text != clean {
                tally.not_restored += 1;
                if !keeps_all_of(&clean, text) {
                    tally.lose_text += 1;
                }
            }
            let again = analyze_bytes(text, &options).expect("analysable");
            if !again.dedup.removed.is_empty() {
                tally.second_run_removes += 1;
            }
        }
    }
    tally
}

fn at_most(tally: &Tally, not_restored: usize, lose_text: usize) {
    assert_eq!(tally.second_run_removes, 0, "{tally:?}");
    assert!(
        tally.not_restored <= not_restored && tally.lose_text <= lose_text,
        "{tally:?}"
    );
}

#[test]
fn copies_with_line_breaks_kept() {
    let tally = sweep("\n");
    assert_eq!(tally.variants, 3_944);
    at_most(&tally, 266, 22);
}

#[test]
fn copies_with_every_line_break_lost() {
    let tally = sweep("");
    assert_eq!(tally.variants, 3_944);
    at_most(&tally, 2_068, 78);
}
