//! Real notices in `tests/fixtures/notices/`, each read in three forms the test makes from it:
//! as written, run together on one line, and with paragraphs separated only by U+3000.
//! Every form must give the same headings (level, ordinal, title), warnings and document fields.

use std::fs;
use std::path::Path;

use notice_lens::{document, sections};
use serde_json::Value;

fn forms(text: &str) -> Vec<(&'static str, String)> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    vec![
        ("as written", text.to_string()),
        ("run together", lines.concat()),
        ("U+3000 paragraphs", lines.join("\u{3000}")),
    ]
}

fn check(name: &str, text: &str, expected: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let outline = sections::find(text);
    let got: Vec<Value> = outline
        .sections
        .iter()
        .map(|s| serde_json::json!([s.level, s.ordinal, s.title]))
        .collect();
    if Value::Array(got.clone()) != expected["headings"] {
        failures.push(format!(
            "{name}: headings\n  got  {}\n  want {}",
            Value::Array(got),
            expected["headings"]
        ));
    }
    for s in &outline.sections {
        assert!(
            s.start < s.heading_end && s.heading_end <= s.end && s.end <= text.len(),
            "{name}: spans of {s:?}"
        );
    }
    if let Some(want) = expected.get("warnings") {
        let kinds: Vec<Value> = outline
            .warnings
            .iter()
            .map(|w| serde_json::to_value(w.kind).unwrap())
            .collect();
        if &Value::Array(kinds.clone()) != want {
            failures.push(format!("{name}: warnings {:?}", outline.warnings));
        }
    }
    let doc = serde_json::to_value(document::read(text, &outline.sections)).unwrap();
    compare(name, "document", &doc, &expected["document"], &mut failures);
    failures
}

/// Compares only the fields the expected file names, recursing into `forwarded`.
fn compare(name: &str, path: &str, got: &Value, want: &Value, failures: &mut Vec<String>) {
    let Some(fields) = want.as_object() else {
        return;
    };
    for (field, w) in fields {
        let g = &got[field.as_str()];
        if field == "forwarded" {
            let (gs, ws) = (
                g.as_array().cloned().unwrap_or_default(),
                w.as_array().cloned().unwrap_or_default(),
            );
            if gs.len() != ws.len() {
                failures.push(format!(
                    "{name}: {path}.forwarded has {} documents, want {}: {g}",
                    gs.len(),
                    ws.len()
                ));
                continue;
            }
            for (i, (gd, wd)) in gs.iter().zip(&ws).enumerate() {
                compare(name, &format!("{path}.forwarded[{i}]"), gd, wd, failures);
            }
        } else if g != w {
            failures.push(format!("{name}: {path}.{field} = {g}, want {w}"));
        }
    }
}

#[test]
fn every_notice_in_every_form() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notices");
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let text = fs::read_to_string(path).unwrap();
        let expected: Value = serde_json::from_str(
            &fs::read_to_string(dir.join(format!("{stem}.expected.json"))).unwrap(),
        )
        .unwrap();
        for (form, t) in forms(&text) {
            failures.extend(check(&format!("{stem} ({form})"), &t, &expected));
        }
        count += 1;
    }
    assert!(count >= 6, "only {count} fixtures");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
