//! Numbers as sources write them: digits with thousands separators and decimal marks, vulgar
//! fractions, and number words in English and Russian.
//!
//! STUB: filled in by the owner of `figure.rs`.
