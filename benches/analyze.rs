//! Times the full `notice_lens::analyze` and the repeat finder alone on generated notices of
//! 10 KB, 100 KB, 1 MB and 10 MB, of two kinds (clean notices damaged by
//! `tests/support/damage.rs`):
//! - `distinct`: the clean notices reworded part by part, so that a larger text is more notices of
//!   the same kind; what growth with size is measured on;
//! - `twins`: the clean notices numbered part by part, so that every sentence has a twin one word
//!   apart in every other part; the hardest case for the search for edited copies, and harder the
//!   larger the text.
//!
//! And how each grows from 1 MB to 10 MB (linear growth is the text's growth, about 10x), timed in
//! alternation so that both sizes see the same state of a shared machine.
//! Run with `cargo bench --bench analyze`.
//!
//! `cargo bench --bench analyze -- --once 1m distinct` (sizes `1m`, `10m`; kinds `distinct`,
//! `twins`) analyses one generated notice once, for counting instructions under valgrind.
//!
//! `cargo bench --bench analyze -- --texts DIR` times the full `analyze` on each `*.txt` in `DIR`
//! instead, one line each (`name bytes best-ms`): the in-browser benchmark writes its texts there
//! to compare wasm with native on the same text.
//!
//! The repeats column is `repeats::find_with_sections` with the sections found beforehand, as
//! `analyze` calls it: `repeats::find` would also time the structure analysis.

#[path = "../tests/support/damage.rs"]
mod damage;

use std::time::{Duration, Instant};

use notice_lens::{analyze, repeats, sections, Options};

const NOTICES: [&str; 3] = [
    include_str!("../tests/fixtures/clean/guobanfa-2017-41-duozhengheyi.txt"),
    include_str!("../tests/fixtures/clean/guofa-2015-32-shuangchuang.txt"),
    include_str!("../tests/fixtures/clean/yuefuban-2018-kejichuangxin.txt"),
];

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// `name bytes best-ms` for each `*.txt` in `dir`, sorted by size.
fn time_files(dir: &std::path::Path) -> std::io::Result<()> {
    let mut files: Vec<(u64, std::path::PathBuf)> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .filter_map(|path| Some((std::fs::metadata(&path).ok()?.len(), path)))
        .collect();
    files.sort();
    let options = Options::default();
    for (bytes, path) in files {
        let text = std::fs::read_to_string(&path)?;
        let runs = if bytes > 5_000_000 { 5 } else { 10 };
        let best = best_of(runs, || {
            std::hint::black_box(analyze(&text, &options).ok());
        });
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        println!("{name} {bytes} {:.2}", best.as_secs_f64() * 1e3);
    }
    Ok(())
}

/// One analysis, out of line, so that `valgrind --tool=callgrind --toggle-collect` can count the
/// instructions of the analysis alone (`scripts/bench-instructions.sh`).
#[inline(never)]
fn analyze_once(text: &str, options: &Options) {
    std::hint::black_box(analyze(std::hint::black_box(text), options).ok());
}

/// A generated notice of `kind` and about `bytes` bytes.
fn generated(kind: &str, bytes: usize) -> String {
    match kind {
        "twins" => damage::generated(&NOTICES, bytes, 7),
        _ => damage::generated_distinct(&NOTICES, bytes, 7),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--once") {
        let bytes = match args.get(at + 1).map(String::as_str) {
            Some("1m") => 1_000_000,
            Some("10m") => 10_000_000,
            _ => {
                eprintln!("--once needs 1m or 10m, and then distinct or twins");
                std::process::exit(2);
            }
        };
        let kind = args.get(at + 2).map_or("distinct", String::as_str);
        let text = generated(kind, bytes);
        // The one-time set-up (the gazetteer, the regexes) on a small text first, so that the
        // timed analysis is the first of a large text in a fresh process, as a first paste is.
        analyze_once(&generated(kind, 10_000), &Options::default());
        let start = Instant::now();
        analyze_once(&text, &Options::default());
        let elapsed = start.elapsed();
        println!("bytes {}", text.len());
        println!("ms {:.2}", elapsed.as_secs_f64() * 1e3);
        return;
    }
    if let Some(at) = args.iter().position(|a| a == "--texts") {
        let Some(dir) = args.get(at + 1) else {
            eprintln!("--texts needs a directory");
            std::process::exit(2);
        };
        if let Err(error) = time_files(std::path::Path::new(dir)) {
            eprintln!("{dir}: {error}");
            std::process::exit(1);
        }
        return;
    }
    let options = Options::default();
    for kind in ["distinct", "twins"] {
        println!(
            "\n{kind:<9} {:>8} {:>12} {:>12} {:>8}",
            "size", "analyze", "repeats", "share"
        );
        // (text, repeats alone) at 1 MB and 10 MB.
        let mut growth = Vec::new();
        for (label, bytes, runs) in [
            ("10 KB", 10_000, 20),
            ("100 KB", 100_000, 10),
            ("1 MB", 1_000_000, 10),
            ("10 MB", 10_000_000, 5),
        ] {
            let text = generated(kind, bytes);
            let full = best_of(runs, || {
                std::hint::black_box(analyze(&text, &options).ok());
            });
            let outline = sections::find(&text);
            let own = best_of(runs, || {
                std::hint::black_box(repeats::find_with_sections(
                    &text,
                    &outline.sections,
                    &options,
                ));
            });
            println!(
                "{:<9} {label:>8} {:>10.1}ms {:>10.1}ms {:>7.0}%",
                "",
                full.as_secs_f64() * 1e3,
                own.as_secs_f64() * 1e3,
                100.0 * own.as_secs_f64() / full.as_secs_f64().max(1e-9)
            );
            if bytes >= 1_000_000 {
                growth.push((text, own.as_secs_f64()));
            }
        }
        // Timed one after the other, the ratio moved by a third between runs of the benchmark.
        // In one process, the 1 MB runs reuse memory the allocator keeps from the run before,
        // while every 10 MB run takes fresh pages from the kernel; the first analysis in a fresh
        // process (a first paste) pays for its pages at every size.
        let fresh = |size: &str| -> Option<f64> {
            let own = std::env::current_exe().ok()?;
            (0..5)
                .filter_map(|_| {
                    let out = std::process::Command::new(&own)
                        .args(["--once", size, kind])
                        .output()
                        .ok()?;
                    let stdout = String::from_utf8(out.stdout).ok()?;
                    stdout
                        .lines()
                        .find_map(|l| l.strip_prefix("ms ")?.parse::<f64>().ok())
                })
                .reduce(f64::min)
        };
        if let (Some(small), Some(large)) = (fresh("1m"), fresh("10m")) {
            println!(
                "{kind}: 10 MB / 1 MB, first analysis in a fresh process (best of 5): {:.1}x ({large:.1} / {small:.1} ms)",
                large / small
            );
        }
        if let [(small, small_own), (large, large_own)] = &growth[..] {
            let (mut small_best, mut large_best) = (f64::MAX, f64::MAX);
            for _ in 0..7 {
                for (text, best) in [(small, &mut small_best), (large, &mut large_best)] {
                    let start = Instant::now();
                    std::hint::black_box(analyze(text, &options).ok());
                    *best = best.min(start.elapsed().as_secs_f64());
                }
            }
            println!(
                "{kind}: 10 MB / 1 MB: text {:.1}x, analyze {:.1}x (alternating, best of 7: {:.1} / {:.1} ms), repeats {:.1}x",
                large.len() as f64 / small.len() as f64,
                large_best / small_best.max(1e-9),
                large_best * 1e3,
                small_best * 1e3,
                large_own / small_own.max(1e-9)
            );
        }
    }
}
