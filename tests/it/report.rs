//! report tests
