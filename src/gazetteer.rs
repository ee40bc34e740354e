//! Gazetteer of department names. PLACEHOLDER: being written.
