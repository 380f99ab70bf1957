//! Words as retrieval and judgement compare them: tokenised, stemmed per language, and mapped
//! onto the bilingual event vocabulary.
//!
//! STUB: filled in by the owner of this file.
