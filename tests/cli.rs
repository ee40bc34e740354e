//! The `notice-lens` binary: JSON on stdout for good input, one line on stderr for bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_notice-lens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn one_line_error(out: &Output) -> String {
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn a_file_gives_the_same_report_as_the_library() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/guangdong-2017-32.txt"
    );
    let out = run(&[path], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: notice_lens::Report = serde_json::from_slice(&out.stdout).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let direct = notice_lens::analyze(&text, &Default::default()).unwrap();
    assert_eq!(printed, direct);
}

#[test]
fn a_dash_reads_standard_input() {
    let out = run(&["--compact", "-"], "一、总体要求".as_bytes());
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["version"], 1);
    assert_eq!(report["stats"]["utf16_len"], 6);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().count(),
        1,
        "--compact prints one line"
    );
}

#[test]
fn a_missing_file_is_a_one_line_error() {
    let err = one_line_error(&run(&["/no/such/notice.txt"], b""));
    assert!(err.contains("/no/such/notice.txt"), "{err}");
}

#[test]
fn non_utf8_input_is_a_one_line_error() {
    // 公文 in GBK, as old portal pages save it.
    let err = one_line_error(&run(&["-"], &[0xb9, 0xab, 0xce, 0xc4]));
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn bad_options_are_one_line_errors() {
    one_line_error(&run(&["--near-threshold", "high", "-"], b""));
    one_line_error(&run(&["--what", "-"], b""));
    one_line_error(&run(&[], b""));
}
