//! Times the full `notice_lens::analyze` and the repeat finder alone on generated notices of
//! 10 KB, 100 KB, 1 MB and 10 MB (clean notices damaged by `tests/support/damage.rs`), and how
//! each grows from 1 MB to 10 MB (linear growth is the text's growth, about 10x).
//! Run with `cargo bench --bench analyze`.
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
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
    println!(
        "{:>8} {:>12} {:>12} {:>8}",
        "size", "analyze", "repeats", "share"
    );
    // (bytes, analyze, repeats) at 1 MB and 10 MB.
    let mut growth = Vec::new();
    for (label, bytes, runs) in [
        ("10 KB", 10_000, 20),
        ("100 KB", 100_000, 10),
        ("1 MB", 1_000_000, 10),
        ("10 MB", 10_000_000, 5),
    ] {
        let text = damage::generated(&NOTICES, bytes, 7);
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
            "{label:>8} {:>10.1}ms {:>10.1}ms {:>7.0}%",
            full.as_secs_f64() * 1e3,
            own.as_secs_f64() * 1e3,
            100.0 * own.as_secs_f64() / full.as_secs_f64().max(1e-9)
        );
        if bytes >= 1_000_000 {
            growth.push((text.len() as f64, full.as_secs_f64(), own.as_secs_f64()));
        }
    }
    if let [(small, small_full, small_own), (large, large_full, large_own)] = growth[..] {
        println!(
            "10 MB / 1 MB: text {:.1}x, analyze {:.1}x, repeats {:.1}x",
            large / small,
            large_full / small_full.max(1e-9),
            large_own / small_own.max(1e-9)
        );
    }
}
