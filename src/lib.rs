//! # notice-lens
//!
//! Reads a pasted Chinese government notice (公文) and reports three things about it:
//!
//! - **repeated passages**: sentences a web scrape copied to later places, linked to their originals,
//!   and the text with the copies removed;
//! - **structure** by GB/T 9704-2012: title, 发文字号, issuer, 主送机关, dates, the heading levels
//!   一、 （一） 1. （1）, and documents forwarded inside a 转发 notice;
//! - **department attributions**: notes such as （国家发展改革委、人民银行牵头负责）, read into
//!   departments with roles and full official names.
//!
//! ## Example
//!
//! ```
//! use notice_lens::{analyze, Options, Role};
//!
//! let text = "一、总体要求（一）指导思想。加快发展。（质检总局牵头负责）";
//! let report = analyze(text, &Options::default()).unwrap();
//! assert_eq!(report.sections[0].title.as_deref(), Some("总体要求"));
//! assert_eq!(report.attributions[0].departments[0].canonical, "国家质量监督检验检疫总局");
//! assert_eq!(report.attributions[0].departments[0].role, Role::Lead);
//! ```
//!
//! ## Offsets
//!
//! The analysis modules work on `&str` with byte offsets, as `regex` does. [`analyze`] converts every
//! offset in the [`Report`] to **UTF-16 code units** once, at the end, because that is how JS strings
//! count: `text.slice(start, end)` gives each span exactly, also after 𠀀 (U+20000) or an emoji.
//!
//! ## Front ends
//!
//! The `notice-lens` binary prints the report as JSON; `src/wasm.rs` exports [`analyze`] to JS.
//! Both are thin: everything else is plain Rust.
#![deny(missing_docs)]

pub mod attributions;
pub mod copies;
pub mod document;
pub mod gazetteer;
pub mod repeats;
pub mod report;
pub mod sections;

/// The JS boundary (wasm32 only). Public so that the wasm tests can call it as JS would.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use report::{
    Attribution, Dedup, Department, DepartmentKind, Document, Occurrence, Repeat, Report, Role,
    Section, Span, Stats, Warning, WarningKind, REPORT_VERSION,
};

/// How to analyse. Every field has a default, so a JS caller may pass `{}` or any subset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// The shortest passage, in characters (punctuation and white space not counted), that counts
    /// as a repeat. Shorter repeats are set phrases such as `等部门按职责分工负责）`, not damage.
    pub min_repeat_chars: usize,
    /// Whether to look for edited (near-duplicate) copies as well as exact ones.
    pub near_duplicates: bool,
    /// The similarity, from 0 to 1, at or above which an edited copy counts as a near-duplicate.
    pub near_threshold: f64,
    /// Whether `dedup.text` also leaves out near-duplicates (exact copies are always left out).
    pub drop_near_duplicates: bool,
    /// Texts longer than this many bytes of UTF-8 are refused, with an error for which
    /// [`AnalyzeError::is_too_large`] holds.
    pub max_bytes: usize,
}

/// The largest text analysed by default: 64 MiB, above the 50 MB pastes seen from whole-site scrapes.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;

impl Default for Options {
    fn default() -> Self {
        Options {
            min_repeat_chars: 12,
            near_duplicates: true,
            near_threshold: 0.8,
            drop_near_duplicates: false,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Why a text could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalyzeError {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    TooLarge { bytes: usize, limit: usize },
    BadOption(&'static str),
}

impl AnalyzeError {
    /// Whether the text was refused for its size.
    pub fn is_too_large(&self) -> bool {
        matches!(self.kind, ErrorKind::TooLarge { .. })
    }
}

impl fmt::Display for AnalyzeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::TooLarge { bytes, limit } => write!(
                f,
                "the text is {:.1} MB, more than the {:.1} MB notice-lens analyses; split it and paste the parts",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            ErrorKind::BadOption(what) => write!(f, "invalid option: {what}"),
        }
    }
}

impl std::error::Error for AnalyzeError {}

/// Analyses one text. Every offset in the result counts UTF-16 code units.
///
/// Empty or non-Chinese text gives an empty report, not an error.
pub fn analyze(text: &str, options: &Options) -> Result<Report, AnalyzeError> {
    Ok(analyze_bytes(text, options)?.into_utf16(text))
}

/// Analyses one text, leaving every offset in UTF-8 bytes. For Rust callers that slice `&str`.
pub fn analyze_bytes(text: &str, options: &Options) -> Result<Report, AnalyzeError> {
    if text.len() > options.max_bytes {
        return Err(AnalyzeError {
            kind: ErrorKind::TooLarge {
                bytes: text.len(),
                limit: options.max_bytes,
            },
        });
    }
    if !(0.0..=1.0).contains(&options.near_threshold) {
        return Err(AnalyzeError {
            kind: ErrorKind::BadOption("near_threshold must lie between 0 and 1"),
        });
    }
    let outline = sections::find(text);
    let (document, starts) = document::read_with_starts(text, &outline.sections);
    let mut attributions = attributions::find(text, &outline.sections, &document);
    let mut restating = document::interpretation_starts(text);
    restating.extend(document::annex_starts(text, &document));
    restating.sort_unstable();
    let documents = repeats::DocumentStarts {
        forwarded: starts.forwarded,
        restating,
        issued_together: starts.issued_together,
        summary_boxes: document::summary_boxes(text, &outline.sections),
    };
    let found = repeats::find_with_structure(text, &outline.sections, &documents, options);
    copies::link_attributions(text, &mut attributions, &found.repeats);

    let stats = Stats {
        utf16_len: report::utf16_len(text.as_bytes()),
        chars: text.chars().count(),
        repeated_utf16: count_utf16(text, &found.dedup.removed),
    };
    let mut warnings = outline.warnings;
    warnings.sort_by_key(|w| (w.start, w.end));
    Ok(Report {
        version: REPORT_VERSION,
        stats,
        repeats: found.repeats,
        dedup: found.dedup,
        document,
        sections: outline.sections,
        attributions,
        warnings,
    })
}

/// UTF-16 length of the removed spans, which are ascending and disjoint.
fn count_utf16(text: &str, spans: &[Span]) -> usize {
    spans
        .iter()
        .map(|s| report::utf16_len(s.of(text).as_bytes()))
        .sum()
}
