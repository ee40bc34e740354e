//! Numbering gaps, headings out of order and repeated headings: what a shuffled scrape looks like.

use crate::report::{Section, Warning, WarningKind};

/// Warnings for `sections`, in no particular order (the caller sorts by offset).
///
/// Each level is read as runs of numbering: a new run starts at a first item (ordinal 1) that is not
/// a repeat, since lists under each parent restart at 1 while State Council opinions number their
/// （一） items straight through the whole document.
pub(super) fn warnings(sections: &[Section]) -> Vec<Warning> {
    let mut out = Vec::new();
    for s in sections {
        if let Some(j) = s.repeat_of {
            out.push(Warning {
                kind: WarningKind::RepeatedHeading,
                message: format!(
                    "{}{} occurs again; the earlier copy is heading {} of the text",
                    s.marker,
                    s.title.as_deref().unwrap_or(""),
                    j + 1
                ),
                start: s.start,
                end: s.heading_end,
            });
        }
    }
    for level in 1..=4u8 {
        let mut run: Vec<&Section> = Vec::new();
        for s in sections.iter().filter(|s| s.level == level) {
            if s.ordinal == 1 && s.repeat_of.is_none() && !run.is_empty() {
                check_run(&run, &mut out);
                run.clear();
            }
            run.push(s);
        }
        check_run(&run, &mut out);
    }
    out
}

fn check_run(run: &[&Section], out: &mut Vec<Warning>) {
    let Some(first) = run.first() else { return };
    let level = first.level;
    let mut highest: Option<&Section> = None;
    for s in run.iter().filter(|s| s.repeat_of.is_none()) {
        match highest {
            Some(h) if s.ordinal <= h.ordinal => out.push(Warning {
                kind: WarningKind::OutOfOrder,
                message: format!(
                    "{} comes after {}: the sections are out of order",
                    marker(level, s.ordinal),
                    marker(level, h.ordinal)
                ),
                start: s.start,
                end: s.heading_end,
            }),
            _ => highest = Some(s),
        }
    }
    let mut ordinals: Vec<u32> = run.iter().map(|s| s.ordinal).collect();
    ordinals.sort_unstable();
    ordinals.dedup();
    let mut previous = 0;
    for &q in &ordinals {
        if q > previous + 1 {
            let Some(at) = run.iter().find(|s| s.ordinal == q) else {
                continue;
            };
            let missing = missing(level, previous + 1, q - 1);
            let message = if previous == 0 {
                format!("{missing} before {}", marker(level, q))
            } else {
                format!(
                    "{missing} between {} and {}",
                    marker(level, previous),
                    marker(level, q)
                )
            };
            out.push(Warning {
                kind: WarningKind::NumberingGap,
                message,
                start: at.start,
                end: at.heading_end,
            });
        }
        previous = q;
    }
}

fn missing(level: u8, from: u32, to: u32) -> String {
    match to - from {
        0 => format!("{} is missing", marker(level, from)),
        1 => format!(
            "{} and {} are missing",
            marker(level, from),
            marker(level, to)
        ),
        _ => format!(
            "{} to {} are missing",
            marker(level, from),
            marker(level, to)
        ),
    }
}

/// The canonical marker for a level and number: 九、 （九） 9. （9）.
pub(super) fn marker(level: u8, n: u32) -> String {
    match level {
        1 => format!("{}、", chinese(n)),
        2 => format!("（{}）", chinese(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n >= 100 {
        return n.to_string();
    }
    let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
    match tens {
        0 => DIGITS[units].to_string(),
        1 => format!("十{}", DIGITS[units]),
        _ => format!("{}十{}", DIGITS[tens], DIGITS[units]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_written_as_in_the_contract() {
        assert_eq!(marker(2, 9), "（九）");
        assert_eq!(marker(2, 30), "（三十）");
        assert_eq!(marker(1, 13), "十三、");
        assert_eq!(marker(3, 4), "4.");
    }
}
