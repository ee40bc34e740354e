//! The JS boundary: the only file that names wasm-bindgen, js-sys or serde-wasm-bindgen.
//!
//! `analyze(text, options?)` returns the report as a plain JS object (maps become objects, not ES
//! `Map`s), or throws an `Error` whose message is for people.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Options, Report};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Analyses `text` with `options` (an object with any of the fields of `Options`, or undefined).
///
/// Every offset in the result counts UTF-16 code units of `text`. A lone surrogate in `text`
/// reaches Rust as U+FFFD, which is also one UTF-16 unit, so offsets still match the JS string.
#[wasm_bindgen]
pub fn analyze(text: &js_sys::JsString, options: JsValue) -> Result<JsValue, JsError> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        // Through serde_json, because serde-wasm-bindgen looks up only the known field names and
        // would silently ignore a misspelt option; serde_json honours `deny_unknown_fields`.
        let options: serde_json::Value = serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
        serde_json::from_value(options)
            .map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    let lone_surrogates = !is_well_formed(text);
    let text: String = text.into();
    let mut report: Report =
        crate::analyze(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    if lone_surrogates {
        report.warnings.push(crate::Warning {
            kind: crate::WarningKind::LoneSurrogate,
            message: "the text holds unpaired surrogates (broken emoji or rare characters); they were read as U+FFFD".into(),
            start: 0,
            end: report.stats.utf16_len,
        });
    }
    // One JSON string and one `JSON.parse`, not serde-wasm-bindgen: that builds the object with a
    // boundary call per field and value, tens of thousands for a long paste, which cost more than
    // the analysis itself. The result is the same plain object (`null` for `None`, as
    // `json_compatible` gives). The deduplicated text, nearly the whole paste when little of it is
    // repeated, goes across as one string instead of being escaped into JSON and parsed back.
    let dedup_text = std::mem::take(&mut report.dedup.text);
    let json = serde_json::to_string(&report)
        .map_err(|e| JsError::new(&format!("cannot return the report: {e}")))?;
    let report =
        js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot return the report as JSON"))?;
    let dedup = js_sys::Reflect::get(&report, &JsValue::from_str("dedup"))
        .map_err(|_| JsError::new("cannot return the deduplicated text"))?;
    js_sys::Reflect::set(
        &dedup,
        &JsValue::from_str("text"),
        &JsValue::from_str(&dedup_text),
    )
    .map_err(|_| JsError::new("cannot return the deduplicated text"))?;
    Ok(report)
}

/// Whether `text` holds no lone surrogate. `String.prototype.isWellFormed` (Chromium 111, Firefox
/// 119) is one native scan; js-sys's `is_valid_utf16` makes a `charCodeAt` call per code unit, which
/// took 40 to 80 ms for a 10 MB paste, and is left for older browsers.
fn is_well_formed(text: &js_sys::JsString) -> bool {
    let prototype = js_sys::Object::get_prototype_of(text);
    if js_sys::Reflect::has(&prototype, &JsValue::from_str("isWellFormed")).unwrap_or(false) {
        text.is_well_formed()
    } else {
        text.is_valid_utf16()
    }
}

/// The options `analyze` uses when given none, as a plain object.
#[wasm_bindgen(js_name = defaultOptions)]
pub fn default_options() -> Result<JsValue, JsError> {
    Options::default()
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
