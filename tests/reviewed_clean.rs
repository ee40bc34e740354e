//! Clean notices that blind reviewers wrote to catch false copies (`tests/fixtures/reviewed-clean/`):
//! nothing may be removed from them, and the report must say so.

use std::path::Path;

use notice_lens::{analyze_bytes, Options};

#[test]
fn notices_written_to_catch_false_copies_lose_nothing() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reviewed-clean");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("the fixtures are there")
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 100, "only {} notices", paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("UTF-8");
        let report = analyze_bytes(&text, &Options::default()).expect("analysable");
        let removed: Vec<&str> = report.dedup.removed.iter().map(|s| s.of(&text)).collect();
        assert!(
            removed.is_empty(),
            "{}: removed {removed:?}",
            path.display()
        );
        assert_eq!(report.dedup.text, text, "{}", path.display());
    }
}
