//! judge (to come)
