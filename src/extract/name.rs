//! Names of people, places, organisations and treaties, matched across scripts, spellings and
//! Russian inflection.
//!
//! STUB: filled in by the owner of this file.
