//! Restoration and idempotence over every clean fixture, damaged as scrapes damage them.
//!
//! For each clean text in `tests/fixtures/{clean,notices,reviewed-clean}` and `SEEDS` seeds (20
//! unless given), three kinds of damage (`tests/support/damage.rs`): exact copies with a fifth of
//! the line breaks kept, edited copies on one line, and exact copies with every line break kept.
//! Counted, by folder:
//! - not restored: exact copies whose deduplicated text is not the clean text;
//! - not idempotent: a deduplicated text from which a second analysis still removes something,
//!   by default and with `--drop-near-duplicates`.
//!
//! A repeats rule is checked against these counts before and after: none may get worse.
//! `cargo run --release --example idempotence -- [SEEDS]`; `LIST=1` names each failure.

#[path = "../tests/support/damage.rs"]
mod damage;

use std::path::{Path, PathBuf};

use notice_lens::{analyze_bytes, AnalyzeError, Options};

#[derive(Default)]
struct Tally {
    damaged: usize,
    not_restored: usize,
    not_idempotent: usize,
    not_idempotent_near: usize,
}

fn texts(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let seeds: u64 = match std::env::args().nth(1) {
        Some(seeds) => seeds.parse()?,
        None => 20,
    };
    let list = std::env::var_os("LIST").is_some();
    let plain = Options::default();
    let near = Options {
        drop_near_duplicates: true,
        ..Options::default()
    };
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    println!("folder          damaged  not restored  not idempotent (default / near)");
    for folder in ["clean", "notices", "reviewed-clean"] {
        let mut tally = Tally::default();
        for file in texts(&fixtures.join(folder))? {
            let clean = std::fs::read_to_string(&file)?;
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("?");
            for seed in 0..seeds {
                for (edit_share, keep_line_breaks) in [(0.0, 0.2), (0.3, 0.0), (0.0, 1.0)] {
                    let damaged = damage::damage(
                        &clean,
                        damage::Damage {
                            seed: seed * 7 + 1,
                            copy_share: 0.25,
                            keep_line_breaks,
                            edit_share,
                            tail_share: 0.0,
                        },
                    );
                    tally.damaged += 1;
                    let case = format!(
                        "{folder}/{name} seed {seed} edits {edit_share} kept {keep_line_breaks}"
                    );
                    // Counts a failure, and names it when asked to.
                    let fails = |count: &mut usize, what: &str| {
                        *count += 1;
                        if list {
                            println!("{what}: {case}");
                        }
                    };
                    // Whether a second analysis of the deduplicated text still removes something.
                    let again = |text: &str, options: &Options| -> Result<bool, AnalyzeError> {
                        Ok(!analyze_bytes(text, options)?.dedup.removed.is_empty())
                    };
                    let report = analyze_bytes(&damaged.text, &plain)?;
                    if edit_share == 0.0 && report.dedup.text != damaged.clean {
                        fails(&mut tally.not_restored, "not restored");
                    }
                    if again(&report.dedup.text, &plain)? {
                        fails(&mut tally.not_idempotent, "not idempotent");
                    }
                    let report = analyze_bytes(&damaged.text, &near)?;
                    if again(&report.dedup.text, &near)? {
                        fails(&mut tally.not_idempotent_near, "not idempotent, near");
                    }
                }
            }
        }
        println!(
            "{folder:<15} {:>7}  {:>12}  {:>7} / {}",
            tally.damaged, tally.not_restored, tally.not_idempotent, tally.not_idempotent_near
        );
    }
    Ok(())
}
