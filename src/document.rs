//! GB/T 9704 document elements. PLACEHOLDER: being written.
use crate::report::{Document, Section};

/// Reads title, 发文字号, issuer, addressees and dates.
pub fn read(_text: &str, _sections: &[Section]) -> Document {
    Document::default()
}
