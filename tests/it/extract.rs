//! extract tests
