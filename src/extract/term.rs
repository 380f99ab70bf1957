//! Words as retrieval and judgement compare them: tokenised, stemmed per language, and mapped
//! onto the bilingual event vocabulary.
//!
//! A claim is mostly English and its evidence often Russian, so two texts meet on [`TermKey`]s
//! rather than on words:
//!
//! - a word whose Snowball stem is in the [`Lexicon`] becomes its concept
//!   (`signing`, `подписания` → the concept `sign`);
//! - any other word becomes a folded stem in the Latin alphabet, so texts in the same language
//!   still meet on words the lexicon does not know, and names meet across scripts
//!   (`Карсской`, `Карсе`, `Kars` → `kars`).
//!
//! Capitalised words are taken for names: they are folded like names ([`super::name::WordKeys`])
//! (nominal case endings stripped, transliterated, spelling variants merged) and a Russian
//! adjective suffix `-ск-` is removed (`Карсской конференции` → `kars`, `Московского` → `moskov`,
//! `Karsk region` → `kars`). Lowercase words are stemmed by the Snowball stemmer of their script
//! (English for Latin, Russian for Cyrillic) and then transliterated letter for letter. The price
//! is that a common word capitalised at the start of a sentence gets the name key, not the stem
//! key. Initials and other one-letter words give no term.
//!
//! Cross-language collisions: lexicon stems of the two languages live in different scripts and
//! cannot collide; folded stems can (Russian `том` and English `tom`), so fallback keys shorter
//! than [`MIN_CROSS_KEY`] bytes are kept in their script-specific form and never meet across
//! languages.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use super::name;

/// The lexicon attest ships with, compiled into the binary.
const BUILTIN_LEXICON: &str = include_str!("../../data/lexicon.yaml");

/// Fallback keys shorter than this (in bytes of the folded form) do not meet across scripts:
/// short stems are where unrelated English and transliterated Russian words coincide.
pub const MIN_CROSS_KEY: usize = 4;

/// English function words, dropped by [`tokens`].
pub const STOP_EN: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "yet",
    "you",
    "your",
    "yours",
];

/// Russian function words, dropped by [`tokens`] (written with `е` for `ё`).
pub const STOP_RU: &[&str] = &[
    "а",
    "без",
    "более",
    "бы",
    "был",
    "была",
    "были",
    "было",
    "быть",
    "в",
    "вам",
    "вас",
    "весь",
    "во",
    "вот",
    "все",
    "всего",
    "всех",
    "вы",
    "где",
    "да",
    "даже",
    "для",
    "до",
    "его",
    "ее",
    "ей",
    "ему",
    "если",
    "есть",
    "еще",
    "же",
    "за",
    "здесь",
    "и",
    "из",
    "или",
    "им",
    "ими",
    "их",
    "к",
    "как",
    "когда",
    "кто",
    "ли",
    "либо",
    "между",
    "меня",
    "мне",
    "мной",
    "мы",
    "на",
    "над",
    "нам",
    "нас",
    "не",
    "него",
    "нее",
    "ней",
    "нем",
    "нет",
    "ни",
    "них",
    "но",
    "ну",
    "о",
    "об",
    "однако",
    "он",
    "она",
    "они",
    "оно",
    "от",
    "по",
    "под",
    "после",
    "при",
    "с",
    "сам",
    "сама",
    "сами",
    "само",
    "самый",
    "самая",
    "самое",
    "самые",
    "самых",
    "самым",
    "самой",
    "свое",
    "своей",
    "своих",
    "свой",
    "свою",
    "себе",
    "себя",
    "со",
    "так",
    "также",
    "такой",
    "там",
    "те",
    "тем",
    "то",
    "того",
    "тоже",
    "той",
    "только",
    "том",
    "тот",
    "ту",
    "тут",
    "у",
    "уже",
    "чего",
    "чем",
    "что",
    "чтобы",
    "эта",
    "эти",
    "этим",
    "этих",
    "это",
    "этого",
    "этой",
    "этом",
    "этот",
    "эту",
    "я",
    "поэтому",
    "потому",
    "таким",
    "образом",
];

/// Whether a lowercase word is an English or Russian function word.
pub fn is_stop_word(lower: &str) -> bool {
    STOP_EN.contains(&lower) || STOP_RU.contains(&lower)
}

/// The alphabet a word is written in, which decides its stemmer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    Latin,
    Cyrillic,
    Other,
}

impl Script {
    /// The script of a word: Cyrillic if it has any Cyrillic letter, else Latin if it has any
    /// letter, else other.
    pub fn of(word: &str) -> Script {
        if word.chars().any(is_cyrillic) {
            Script::Cyrillic
        } else if word.chars().any(char::is_alphabetic) {
            Script::Latin
        } else {
            Script::Other
        }
    }
}

pub(crate) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// One content word of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range of the word in the text it was read from.
    pub span: Range<usize>,
    /// The word lowercased, `ё` written `е`.
    pub lower: String,
    /// The Snowball stem of `lower` in its script's language.
    pub stem: String,
    pub script: Script,
    /// Whether the word starts with a capital letter (a likely name).
    pub capitalised: bool,
}

/// The words of a text with their byte ranges: Unicode word boundaries (UAX #29), further cut at
/// full stops inside a segment (`М.Д.Гусейнов`, `G.V.Chicherin`), with an English possessive
/// `'s` left out of the word. Segments without a letter (numbers, punctuation) are skipped.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
    text.split_word_bound_indices()
        .filter(|(_, seg)| seg.chars().any(char::is_alphabetic))
        .flat_map(|(start, seg)| {
            let mut parts = Vec::new();
            let mut from = 0;
            for (i, c) in seg.char_indices() {
                if c == '.' {
                    parts.push((start + from, &seg[from..i]));
                    from = i + c.len_utf8();
                }
            }
            parts.push((start + from, &seg[from..]));
            parts
        })
        .filter_map(|(start, part)| {
            // Note markers glued to a word (`западе1`) are not part of it.
            let part = strip_possessive(part).trim_end_matches(|c: char| c.is_ascii_digit());
            if part.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            part.chars()
                .any(char::is_alphabetic)
                .then(|| (start..start + part.len(), part))
        })
}

pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// Lowercase, with `ё` as `е` (the Russian stemmer and the stop list are written without `ё`).
fn lowercase(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The Snowball stem of a lowercase word in the language of its script. Words in other
/// scripts, or with characters the stemmers are not written for, are returned as they are.
pub fn stem(lower: &str, script: Script) -> String {
    let plain = lower
        .chars()
        .all(|c| c.is_alphabetic() || c == '\'' || c == '-');
    match script {
        Script::Cyrillic if plain => Stemmer::create(Algorithm::Russian).stem(lower).into_owned(),
        Script::Latin if plain => Stemmer::create(Algorithm::English).stem(lower).into_owned(),
        _ => lower.to_owned(),
    }
}

/// The content words of a text, stop words dropped, each stemmed by its script's stemmer.
pub fn tokens(text: &str) -> Vec<Token> {
    words(text)
        .filter_map(|(span, word)| {
            let lower = lowercase(word);
            if is_stop_word(&lower) {
                return None;
            }
            let script = Script::of(word);
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            Some(Token {
                span,
                stem: stem(&lower, script),
                lower,
                script,
                capitalised,
            })
        })
        .collect()
}

/// Identifies a concept of a [`Lexicon`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ConceptId(pub u16);

/// One concept of the event vocabulary: its name and the English and Russian words for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Concept {
    pub name: String,
    pub words: Vec<String>,
}

/// What two texts meet on.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermKey {
    /// A word or phrase of the lexicon.
    Concept(ConceptId),
    /// Any other word: its folded stem in the Latin alphabet. Stems shorter than
    /// [`MIN_CROSS_KEY`] keep a script marker (`ru:`) so they never meet across languages.
    Stem(String),
}

/// A term of a text: where it is and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Byte range in the text (a phrase spans all its words).
    pub span: Range<usize>,
    pub key: TermKey,
}

/// The bilingual event vocabulary: concepts, each a set of English and Russian words and
/// phrases, looked up by their Snowball stems.
#[derive(Clone, Debug)]
pub struct Lexicon {
    concepts: Vec<Concept>,
    /// Single words as written (lowercase), which settle stems shared by two concepts.
    forms: HashMap<String, ConceptId>,
    /// Stem sequence of each word or phrase, keyed by its first stem. Longer phrases first.
    /// A one-word stem shared by words of two concepts is left out (`груз` of `грузы` and of
    /// `Грузии`): only the forms the lexicon lists resolve it.
    entries: HashMap<String, Vec<(Vec<String>, ConceptId)>>,
}

impl Lexicon {
    /// The lexicon compiled into attest (`data/lexicon.yaml`).
    pub fn builtin() -> Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                // The builtin file is checked by the tests; an empty lexicon is the safe fallback.
                Lexicon::from_yaml(BUILTIN_LEXICON).unwrap_or_else(|_| Lexicon {
                    concepts: Vec::new(),
                    forms: HashMap::new(),
                    entries: HashMap::new(),
                })
            })
            .clone()
    }

    /// Reads a lexicon: a YAML mapping from concept name to its list of words and phrases.
    /// Words are stemmed here. A word or phrase listed under two concepts, a phrase whose stems
    /// are another concept's, a stop word, or a word with no letter is an error, so that a
    /// lexicon never maps one text two ways; a single-word stem shared by two concepts is
    /// resolved by the listed forms only.
    pub fn from_yaml(text: &str) -> Result<Lexicon, String> {
        let options = marked_yaml::LoaderOptions::default().error_on_duplicate_keys(true);
        let groups: BTreeMap<String, Vec<String>> =
            marked_yaml::from_yaml_with_options(0, text, options)
                .map_err(|e| format!("invalid lexicon: {e}"))?;
        let mut lexicon = Lexicon {
            concepts: Vec::with_capacity(groups.len()),
            forms: HashMap::new(),
            entries: HashMap::new(),
        };
        let mut owner: HashMap<Vec<String>, ConceptId> = HashMap::new();
        let mut shared: Vec<Vec<String>> = Vec::new();
        let mut errors: Vec<String> = Vec::new();
        for (index, (name, words)) in groups.into_iter().enumerate() {
            let id = ConceptId(
                u16::try_from(index).map_err(|_| "lexicon has too many concepts".to_owned())?,
            );
            for word in &words {
                let stems = match phrase_stems(word) {
                    Ok(stems) => stems,
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                };
                if let [_] = stems.as_slice() {
                    let form = lowercase(word);
                    match lexicon.forms.get(&form) {
                        Some(&other) if other != id => errors.push(format!(
                            "lexicon word `{word}` of `{name}` is also under `{}`",
                            lexicon.concept(other).map_or("", |c| c.name.as_str())
                        )),
                        _ => {
                            lexicon.forms.insert(form, id);
                        }
                    }
                }
                if let Some(&other) = owner.get(&stems) {
                    if other != id && stems.len() == 1 {
                        shared.push(stems);
                    } else if other != id {
                        let other_name = lexicon.concept(other).map_or("", |c| c.name.as_str());
                        errors.push(format!(
                            "lexicon word `{word}` of `{name}` has the stem of a word of `{other_name}`"
                        ));
                    }
                    continue;
                }
                owner.insert(stems.clone(), id);
                let first = stems.first().cloned().unwrap_or_default();
                lexicon.entries.entry(first).or_default().push((stems, id));
            }
            lexicon.concepts.push(Concept { name, words });
        }
        if !errors.is_empty() {
            return Err(errors.join("; "));
        }
        for stems in shared {
            if let Some(list) = stems.first().and_then(|s| lexicon.entries.get_mut(s)) {
                list.retain(|(s, _)| *s != stems);
            }
        }
        for list in lexicon.entries.values_mut() {
            list.sort_by_key(|(stems, _)| std::cmp::Reverse(stems.len()));
        }
        Ok(lexicon)
    }

    /// All concepts, indexed by [`ConceptId`].
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// One concept.
    pub fn concept(&self, id: ConceptId) -> Option<&Concept> {
        self.concepts.get(usize::from(id.0))
    }

    /// The concept a word or phrase stands for, if the lexicon knows it.
    pub fn lookup(&self, phrase: &str) -> Option<ConceptId> {
        let toks = tokens(phrase);
        let (id, len) = self.longest_at(&toks, 0)?;
        (len == toks.len()).then_some(id)
    }

    /// The longest lexicon entry starting at token `at`: its concept and length in tokens.
    fn longest_at(&self, toks: &[Token], at: usize) -> Option<(ConceptId, usize)> {
        let first = toks.get(at)?;
        let by_stem = self.entries.get(&first.stem).into_iter().flatten();
        let phrase = by_stem.clone().find_map(|(stems, id)| {
            let window = toks.get(at..at + stems.len())?;
            (stems.len() > 1 && window.iter().zip(stems).all(|(t, s)| &t.stem == s))
                .then_some((*id, stems.len()))
        });
        phrase
            .or_else(|| self.forms.get(&first.lower).map(|id| (*id, 1)))
            .or_else(|| {
                by_stem
                    .clone()
                    .find(|(stems, _)| stems.len() == 1)
                    .map(|(_, id)| (*id, 1))
            })
    }
}

/// The stems of a lexicon word or phrase, as [`tokens`] would give them.
fn phrase_stems(word: &str) -> Result<Vec<String>, String> {
    let toks = tokens(word);
    if toks.is_empty() {
        return Err(format!(
            "lexicon word `{word}` has no content word (a stop word or no letter)"
        ));
    }
    Ok(toks.into_iter().map(|t| t.stem).collect())
}

/// The terms of a text: lexicon concepts where a word or phrase is in the lexicon (longest
/// phrase first), folded stems elsewhere.
pub fn terms(text: &str, lexicon: &Lexicon) -> Vec<Term> {
    let toks = tokens(text);
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while let Some(tok) = toks.get(i) {
        // Initials and one-letter words carry no meaning of their own.
        if tok.lower.chars().count() < 2 {
            i += 1;
            continue;
        }
        if let Some((id, len)) = lexicon.longest_at(&toks, i) {
            let end = toks.get(i + len - 1).map_or(tok.span.end, |t| t.span.end);
            out.push(Term {
                span: tok.span.start..end,
                key: TermKey::Concept(id),
            });
            i += len;
        } else {
            out.push(Term {
                span: tok.span.clone(),
                key: TermKey::Stem(fallback_key(tok, text)),
            });
            i += 1;
        }
    }
    out
}

/// The key of a word the lexicon does not know (see the module documentation).
fn fallback_key(tok: &Token, text: &str) -> String {
    let folded = if tok.capitalised {
        let word = text.get(tok.span.clone()).unwrap_or(&tok.lower);
        name::WordKeys::of(word).base().to_owned()
    } else {
        transliterate(&tok.stem)
    };
    let folded = if folded.is_empty() {
        tok.lower.clone()
    } else {
        folded
    };
    if folded.len() < MIN_CROSS_KEY && tok.script == Script::Cyrillic && !tok.capitalised {
        format!("ru:{folded}")
    } else {
        folded
    }
}

/// A stem in lowercase ASCII letters: Cyrillic transliterated, diacritics dropped. Unlike a name
/// key, no spelling variants are merged: common words meet across languages only through the
/// lexicon, and merging would make unrelated stems collide (`постоя`, `post`).
fn transliterate(stem: &str) -> String {
    deunicode::deunicode(stem)
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A folded name key without the Russian adjective suffix `-sk` (`karsk` → `kars`,
/// `moskovsk` → `moskov`), when enough is left to stay distinctive.
pub(crate) fn strip_adjective_suffix(key: &str) -> &str {
    match key.strip_suffix("sk") {
        Some(base) if base.len() >= 3 => base,
        _ => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn keys(text: &str) -> Vec<TermKey> {
        let lexicon = Lexicon::builtin();
        terms(text, &lexicon).into_iter().map(|t| t.key).collect()
    }

    fn concept_names(text: &str) -> Vec<String> {
        let lexicon = Lexicon::builtin();
        terms(text, &lexicon)
            .into_iter()
            .map(|t| match t.key {
                TermKey::Concept(id) => lexicon
                    .concept(id)
                    .map_or_else(String::new, |c| c.name.clone()),
                TermKey::Stem(s) => s,
            })
            .collect()
    }

    /// Every key in `must_share` must occur in the terms of both texts.
    fn check_meet(en: &str, ru: &str, must_share: &[&str]) {
        let a = concept_names(en);
        let b = concept_names(ru);
        for key in must_share {
            assert!(
                a.iter().any(|k| k == key) && b.iter().any(|k| k == key),
                "`{en}` {a:?} and `{ru}` {b:?} do not meet on `{key}`"
            );
        }
    }

    #[test]
    fn builtin_lexicon_loads() {
        let lexicon = Lexicon::from_yaml(BUILTIN_LEXICON);
        assert!(lexicon.is_ok(), "{:?}", lexicon.err());
        let n = lexicon.map(|l| l.concepts().len()).unwrap_or(0);
        assert!((150..=300).contains(&n), "{n} concepts");
    }

    #[test]
    fn cross_lingual_terms_meet() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "signing of the Ukrainian-Turkish treaty",
                "подписания Украинско-Турецкого договора",
                &["sign", "treaty", "ukraine", "turkey"],
            ),
            (
                "Frunze's arrival in Turkey",
                "прибыли из Батуми в Трабзон",
                &["arrive"],
            ),
            (
                "Frunze's arrival in Turkey",
                "Фрунзе прибыл в Турцию",
                &["frunz", "arrive", "turkey"],
            ),
            (
                "the treaty was signed in Kars",
                "договор был подписан в Карсе",
                &["treaty", "sign", "kars"],
            ),
            (
                "the Kars conference opened",
                "открытие Карсской конференции",
                &["kars", "conference", "open"],
            ),
            (
                "Chicherin's note to the Turkish ambassador",
                "ноты, врученной наркомом Г.Чичериным турецкому послу",
                &["chicherin", "note", "turkey", "ambassador"],
            ),
            (
                "a telegram to Chicherin",
                "шифрованную телеграмму Г.Чичерину",
                &["telegram", "chicherin"],
            ),
            (
                "he telegraphed to Moscow",
                "телеграфировал в Москву",
                &["telegram"],
            ),
            (
                "military aid to Turkey",
                "военной помощи Турции",
                &["military", "aid", "turkey"],
            ),
            (
                "supplies of weapons",
                "поставки оружия",
                &["military-supplies"],
            ),
            (
                "the delegation arrived in Moscow",
                "делегация прибыла в Москву",
                &["delegation", "arrive"],
            ),
            (
                "Aralov was appointed envoy",
                "назначил С. Аралова полпредом",
                &["appoint", "ambassador", "aralov"],
            ),
            (
                "Sokolnikov objected to the money for Ankara",
                "Сокольников выступил против выделения денег Анкаре",
                &["money", "sokolnikov"],
            ),
            (
                "an orphanage in Trebizond",
                "для открытия детского приюта",
                &["orphanage"],
            ),
            (
                "the ships were returned to Turkey",
                "суда вернули Турции",
                &["ship", "return", "turkey"],
            ),
            (
                "the ships were seized by the British",
                "корабли были захвачены англичанами",
                &["ship", "seize", "britain"],
            ),
            ("Lenin's letter", "письмо Ленину", &["letter", "lenin"]),
            (
                "the proposal of the commissar",
                "предложение наркома",
                &["propose", "commissar"],
            ),
            (
                "Armenia refused",
                "Армения отказалась",
                &["refuse", "armenia"],
            ),
            (
                "the decision was taken",
                "было принято решение",
                &["decide"],
            ),
            (
                "a loan of 2 million",
                "заём в 2 миллиона",
                &["loan", "million"],
            ),
            ("the meeting in Tiflis", "заседание в Тифлисе", &["meeting"]),
            (
                "the Moscow treaty",
                "Московский договор",
                &["moskov", "treaty"],
            ),
            (
                "negotiations in Baku",
                "переговоров в Баку",
                &["negotiate", "bak"],
            ),
            (
                "the border with Armenia",
                "границы с Арменией",
                &["border", "armenia"],
            ),
            (
                "Frunze visited Turkey",
                "Фрунзе побывал в Турции",
                &["visit"],
            ),
            ("he said", "сказал", &["say"]),
            (
                "the conference began its work in Ankara",
                "в Анкаре начала работу конференция",
                &["conference", "open"],
            ),
        ];
        for (en, ru, shared) in cases {
            check_meet(en, ru, shared);
        }
    }

    #[test]
    fn unrelated_words_do_not_meet() {
        // Pairs that must stay apart: stems that coincide across languages or lexicon groups,
        // found by comparing the fallback keys of the English and the Russian seeds.
        let cases: &[(&str, &str)] = &[
            ("the treaty", "the treasury"),
            ("signed", "significant"),
            ("note", "нотариус"),
            ("poet", "поэтому"),
            ("post", "постоянную связь"),
            ("taking", "Такое решение"),
            ("Sami", "Самые насущные вопросы"),
            ("arms", "армия"),
            ("visit", "визы"),
            ("Kemal", "Kamenev"),
            ("letter", "лет"),
            ("returned", "вернее"),
            ("cargo", "Грузия"),
            ("грузы", "Грузии"),
            ("land", "landed"),
            ("the state", "he stated"),
        ];
        for (a, b) in cases {
            let ka = keys(a);
            let kb = keys(b);
            let shared: Vec<_> = ka.iter().filter(|k| kb.contains(k)).collect();
            assert!(shared.is_empty(), "`{a}` and `{b}` meet on {shared:?}");
        }
    }

    #[test]
    fn tokens_drop_stop_words_and_stem() {
        let cases: &[(&str, &[&str])] = &[
            ("the treaties were signed", &["treati", "sign"]),
            (
                "договор был подписан в Карсе",
                &["договор", "подписа", "карс"],
            ),
            ("М.Д.Гусейнову", &["м", "д", "гусейнов"]),
            ("Frunze's arrival", &["frunz", "arriv"]),
            ("Кемаль-бей", &["кемал", "бе"]),
            ("1921 г. 80 мил-", &["г", "мил"]),
        ];
        for (text, expect) in cases {
            let got: Vec<String> = tokens(text).into_iter().map(|t| t.stem).collect();
            assert_eq!(&got, expect, "{text}");
        }
    }

    #[test]
    fn token_spans_point_at_the_words() {
        let text = "наркомом Г.Чичериным, Frunze's";
        let got: Vec<&str> = tokens(text)
            .iter()
            .filter_map(|t| text.get(t.span.clone()))
            .collect();
        assert_eq!(got, ["наркомом", "Г", "Чичериным", "Frunze"]);
    }

    #[test]
    fn phrases_take_precedence() {
        let lexicon = Lexicon::builtin();
        let got = terms("в Анкаре начала работу конференция", &lexicon);
        let open = lexicon.lookup("opening");
        assert!(open.is_some());
        assert!(
            got.iter()
                .any(|t| Some(t.key.clone()) == open.map(TermKey::Concept)
                    && t.span.len() > "начала".len())
        );
    }

    #[test]
    fn lexicon_rejects_bad_data() {
        let cases: &[(&str, bool)] = &[
            ("treaty: [treaty, договор]\n", true),
            ("treaty: [treaty]\ntreaties: [treaties]\n", true),
            ("treaty: [treaty]\npact: [treaty]\n", false),
            ("open: [began work]\nwork: [began working]\n", false),
            ("of: [the]\n", false),
            ("- not a mapping\n", false),
            ("treaty: [treaty]\ntreaty: [pact]\n", false),
        ];
        for (yaml, ok) in cases {
            assert_eq!(Lexicon::from_yaml(yaml).is_ok(), *ok, "{yaml}");
        }
    }

    proptest! {
        #[test]
        fn tokens_and_terms_never_panic(text in "\\PC{0,80}") {
            let lexicon = Lexicon::builtin();
            for t in tokens(&text) {
                prop_assert!(text.get(t.span.clone()).is_some());
            }
            for t in terms(&text, &lexicon) {
                prop_assert!(text.get(t.span.clone()).is_some());
            }
        }

        #[test]
        fn mixed_script_text_never_panics(text in "[a-zA-Zа-яА-ЯёЁçşğıİöüâ .'’-]{0,60}") {
            let lexicon = Lexicon::builtin();
            let _ = terms(&text, &lexicon);
        }
    }
}
