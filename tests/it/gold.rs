//! gold tests
