//! retrieve (to come)
