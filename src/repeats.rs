//! Repeated passages. PLACEHOLDER: being written.
use crate::report::{Dedup, Repeat};
use crate::Options;

/// Repeated passages and the deduplicated text, byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Passages that occur more than once.
    pub repeats: Vec<Repeat>,
    /// The text without its copies.
    pub dedup: Dedup,
}

/// Finds repeated passages in `text`.
pub fn find(text: &str, _options: &Options) -> Found {
    Found {
        repeats: Vec::new(),
        dedup: Dedup {
            text: text.to_string(),
            removed: Vec::new(),
        },
    }
}
