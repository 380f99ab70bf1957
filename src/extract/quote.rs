//! Quotations in running text («…», “…”, "…") and the comparison of a claimed quote with them.
//!
//! STUB: filled in by the owner of this file.
