//! claims (to come)
