//! Times the full `notice_lens::analyze` and the repeat finder alone on generated notices of
//! 10 KB, 100 KB, 1 MB and 10 MB (clean notices damaged by `tests/support/damage.rs`).
//! Run with `cargo bench --bench analyze`.

#[path = "../tests/support/damage.rs"]
mod damage;

use std::time::{Duration, Instant};

use notice_lens::{analyze, repeats, Options};

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

fn main() {
    let options = Options::default();
    println!(
        "{:>8} {:>12} {:>12} {:>8}",
        "size", "analyze", "repeats", "share"
    );
    for (label, bytes, runs) in [
        ("10 KB", 10_000, 20),
        ("100 KB", 100_000, 10),
        ("1 MB", 1_000_000, 5),
        ("10 MB", 10_000_000, 3),
    ] {
        let text = damage::generated(&NOTICES, bytes, 7);
        let full = best_of(runs, || {
            std::hint::black_box(analyze(&text, &options).ok());
        });
        let own = best_of(runs, || {
            std::hint::black_box(repeats::find(&text, &options));
        });
        println!(
            "{label:>8} {:>10.1}ms {:>10.1}ms {:>7.0}%",
            full.as_secs_f64() * 1e3,
            own.as_secs_f64() * 1e3,
            100.0 * own.as_secs_f64() / full.as_secs_f64().max(1e-9)
        );
    }
}
