//! `analyze` called through the wasm boundary in headless Chromium, its result turned back into
//! typed Rust values and compared with the native core. Run by `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use notice_lens::{Options, Report, WarningKind};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("fixtures/guangdong-2017-32.txt");

fn through_js(text: &JsString, options: JsValue) -> Report {
    let value = notice_lens::wasm::analyze(text, options).expect("analyze threw");
    serde_wasm_bindgen::from_value(value).expect("the report is not of the Report shape")
}

#[wasm_bindgen_test]
fn sample_report_from_js_equals_the_native_report() {
    let from_js = through_js(&JsString::from(SAMPLE), JsValue::UNDEFINED);
    let native = notice_lens::analyze(SAMPLE, &Options::default()).unwrap();
    assert_eq!(from_js, native);
    assert!(
        !from_js.sections.is_empty(),
        "no sections found in the sample"
    );
    assert!(
        !from_js.attributions.is_empty(),
        "no attributions found in the sample"
    );
}

#[wasm_bindgen_test]
fn offsets_count_utf16_units_after_astral_characters() {
    let text = "𠀀😀\n一、总体要求\n（一）指导思想。加快发展。";
    let js = JsString::from(text);
    let report = through_js(&js, JsValue::UNDEFINED);
    let heading = &report.sections[0];
    let slice: String = js
        .slice(heading.start as u32, heading.heading_end as u32)
        .into();
    assert!(slice.starts_with("一、总体要求"), "sliced {slice:?}");
    assert_eq!(
        heading.start, 5,
        "𠀀 and 😀 are two units each, then a line break"
    );
    assert_eq!(report.stats.utf16_len, js.length() as usize);
}

/// A plain JS object, as a page would pass (the default serializer would make an ES `Map`).
fn js_object(value: serde_json::Value) -> JsValue {
    use serde::Serialize;
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

#[wasm_bindgen_test]
fn options_object_is_read_and_bad_options_throw() {
    let strict = js_object(serde_json::json!({"min_repeat_chars": 5000}));
    let report = through_js(&JsString::from(SAMPLE), strict);
    assert!(
        report.repeats.is_empty(),
        "no passage of the sample is 5000 characters long"
    );
    let default = through_js(&JsString::from(SAMPLE), js_object(serde_json::json!({})));
    assert!(
        !default.repeats.is_empty(),
        "the sample's repeats are found with default options"
    );

    let bad = js_object(serde_json::json!({"no_such_option": true}));
    assert!(notice_lens::wasm::analyze(&JsString::from("x"), bad).is_err());
    let too_large = js_object(serde_json::json!({"max_bytes": 2}));
    assert!(notice_lens::wasm::analyze(&JsString::from("一二三"), too_large).is_err());
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_and_give_a_warning() {
    // "一、" then a lone high surrogate, then "总体要求".
    let units: Vec<u16> = "一、"
        .encode_utf16()
        .chain([0xD800])
        .chain("总体要求".encode_utf16())
        .collect();
    let js = JsString::from_char_code(&units);
    let report = through_js(&js, JsValue::UNDEFINED);
    assert_eq!(report.stats.utf16_len, units.len());
    assert!(report
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::LoneSurrogate));
}

#[wasm_bindgen_test]
fn empty_text_gives_an_empty_report() {
    let report = through_js(&JsString::from(""), JsValue::UNDEFINED);
    assert_eq!(report.stats.utf16_len, 0);
    assert!(
        report.sections.is_empty() && report.repeats.is_empty() && report.attributions.is_empty()
    );
}
