//! report (to come)
