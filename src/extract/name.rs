//! Names of people, places, organisations and treaties, matched across scripts, spellings and
//! Russian inflection.
//!
//! A claim names `Ali Fuat Cebesoy`; a Russian source writes `Али Фуат-паше`, an English one
//! `Ali Fuad Jebesoy`. Names meet in three steps:
//!
//! 1. **Folding** ([`fold_word`]): every word is reduced to a Latin key. Cyrillic words lose
//!    their case ending first (see [`WordKeys`]), then every word is lowercased, Turkish letters
//!    are spelled out (`ç` → `ch`, `ş` → `sh`, `ı` → `i`), Cyrillic is transliterated with
//!    `deunicode`, and a few general normalisations make the usual romanisations meet:
//!    `tsch`/`tch` → `ch` (German and French `Tschitscherin`, `Tchitcherine`), `dzh`/`dj` → `j`,
//!    `kh` → `h`, `ph` → `f`, `w` → `v`, `x` → `ks`, `q` → `k`, `y` → `i`, `ou` → `u`,
//!    `i` before another vowel dropped (`ia`, `iu`, `io` are how deunicode writes `я`, `ю`, `ё`:
//!    `Мравян` = `Mravyan`, `Ататюрк` = `Atatürk`), doubled letters made single, and trailing
//!    vowels dropped (`Frunze`/`Фрунзе`, `Tchitcherine`, `Batumi`/`Batum`, `Cebesoy`/`Джебесой`).
//!    A `c` not in `ch` is read as Turkish `c` (`j`) when the word has a Turkish letter or the
//!    `c` stands before `e` or `i` (`Cebesoy`, `Cemal`), and as `k` elsewhere (`Constantinople`).
//!    English `c` before `e`/`i` would be `s`, but nothing on the Cyrillic side folds to `c` or
//!    `s` there, so the Turkish reading is the one that can meet a transliteration.
//! 2. **The gazetteer** ([`Gazetteer`], `seeds/gazetteer.yaml`): known entities with their
//!    spellings, historical names and adjective forms in English, Russian and Turkish
//!    (`Angora`/`Ankara`/`Анкара`, `Гусейнов`/`Huseynov`, `Кемаль`/`Atatürk`). Whatever no
//!    general rule can bridge (Russian `Г` for Turkic `H`, renamings) is listed there.
//! 3. **Fuzzy comparison** (for a capitalised word of the text): two keys of at least
//!    [`FUZZY_MIN_LEN`] bytes that begin with the same letter meet when one extends the other by
//!    one or two letters (`Legrand`/`Legran`, `Shakhtakhtinsksy`, a misprint, and
//!    `Shakhtakhtinsky`, `Чичеринус`, a word glued to the next, and `Чичерин`), or when their
//!    Levenshtein distance is at most 1 for keys of 8 or 9 bytes and at most 2 from 10 bytes up
//!    (`Townsgend`/`Townshend`). A wrong letter in a shorter key is a different word more often
//!    than a misprint (`Turkism`/`Turkish`), and short keys never meet fuzzily: `Kemal` and
//!    `Kamenev` stay apart. Acronyms only meet exactly.
//!
//! Titles (`pasha`, `bey`, `паша`, `comrade`, …) and initials (`Г.`, `М.Д.`, `Sh.`) are not part
//! of a name: they are skipped inside a multi-word name and never make a match on their own.
//!
//! **Given names and surnames.** A name of several words matches where all its words occur in
//! order. Its last word (the surname, or the name the sources use for a Turkish name without a
//! surname) also matches on its own, unless a *different* given name stands right next to it:
//! `Yusuf Kemal` matches `Кемаль-бей` and `Yusuf Kemal`, but not `Mustafa Kemal`, because
//! `Mustafa` is a known given name (the gazetteer's `given_names`, and the first words of its
//! multi-word person names) that is not part of the query. The same check keeps a one-word
//! alias of a person (`Kemal` for Atatürk) from matching inside another person's name.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use super::term::{self, is_cyrillic, is_stop_word};

/// The gazetteer attest ships with, compiled into the binary.
const BUILTIN_GAZETTEER: &str = include_str!("../../seeds/gazetteer.yaml");

/// Keys shorter than this (in bytes) only meet exactly.
pub const FUZZY_MIN_LEN: usize = 6;

// ---------------------------------------------------------------------------------------------
// Folding

/// The keys a word folds to: the primary key first, then alternatives. Two words meet when they
/// share a key.
///
/// A Cyrillic word gets a key with its nominal case ending removed (`Чичериным` → `chicherin`,
/// `Ганецкого` → `ganetsk`) and one of the word as written, so that a name ending in what looks
/// like an ending (`Ибрагим`) still meets. Nominal endings only: the Snowball stemmer also strips
/// verb endings, which would cut names (`Легран` → `легра`, `Халил` → `хал`). A key ending in the
/// Russian adjective suffix `-sk` also gets a key without it (`Карсской` → `kars`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordKeys {
    keys: Vec<String>,
    /// For an adjective of a name (`Карсской`, `Shakhtakhtinsky`), the key of the name.
    adjective_base: Option<String>,
}

impl WordKeys {
    /// The keys of one word.
    pub fn of(word: &str) -> WordKeys {
        let word = term::strip_possessive(word);
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        if is_acronym(word) {
            // Acronyms are compared letter for letter within their script: folding would merge
            // `СССР` with `ССР` and transliteration `УССР` with `USSR`.
            let tag = if lower.chars().any(is_cyrillic) {
                "ru:"
            } else {
                ""
            };
            return WordKeys {
                keys: vec![format!("{tag}{}", to_latin(&lower))],
                adjective_base: None,
            };
        }
        let mut keys: Vec<String> = Vec::with_capacity(3);
        let mut adjective_base = None;
        if lower.chars().any(is_cyrillic)
            && let Some(stem) = strip_russian_ending(&lower)
        {
            push_unique(&mut keys, phonetic(&to_latin(stem)));
            // The adjective suffix is cut before folding: `карсск` → `карс`, where folding
            // first would merge the two `s` and lose the name's own.
            adjective_base = stem
                .strip_suffix("ск")
                .filter(|base| base.chars().count() >= 3)
                .map(|base| phonetic(&to_latin(base)));
        }
        push_unique(&mut keys, phonetic(&to_latin(&lower)));
        if adjective_base.is_none() && !lower.chars().any(is_cyrillic) {
            let primary = keys.first().map_or("", String::as_str);
            let base = term::strip_adjective_suffix(primary);
            adjective_base = (base != primary).then(|| base.to_owned());
        }
        if let Some(base) = &adjective_base {
            push_unique(&mut keys, base.clone());
        }
        WordKeys {
            keys,
            adjective_base,
        }
    }

    /// The key of the name an adjective is formed from (`Карсской` → `kars`, `Московского` →
    /// `moskov`), else the primary key.
    pub fn base(&self) -> &str {
        self.adjective_base
            .as_deref()
            .unwrap_or_else(|| self.primary())
    }

    /// The primary key (empty for a word with no Latin or Cyrillic letter).
    pub fn primary(&self) -> &str {
        self.keys.first().map_or("", String::as_str)
    }

    /// All keys, primary first.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// Whether the two words share a key.
    pub fn meets(&self, other: &WordKeys) -> bool {
        self.keys.iter().any(|k| other.keys.contains(k))
    }

    /// Whether the two words meet exactly or, both being long, fuzzily (see the module
    /// documentation).
    pub fn meets_fuzzily(&self, other: &WordKeys) -> bool {
        self.meets(other) || fuzzy(self.primary(), other.primary())
    }
}

/// An all-capital word of two letters or more (`НКИД`, `РСФСР`, `USSR`).
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

fn push_unique(keys: &mut Vec<String>, key: String) {
    if !key.is_empty() && !keys.contains(&key) {
        keys.push(key);
    }
}

fn fuzzy(a: &str, b: &str) -> bool {
    let shorter = a.len().min(b.len());
    let plain = |k: &str| k.bytes().all(|c| c.is_ascii_lowercase());
    if shorter < FUZZY_MIN_LEN
        || !plain(a)
        || !plain(b)
        || a.as_bytes().first() != b.as_bytes().first()
    {
        return false;
    }
    let extends = (a.starts_with(b) || b.starts_with(a)) && a.len().abs_diff(b.len()) <= 2;
    let budget = match shorter {
        ..8 => 0,
        8..10 => 1,
        _ => 2,
    };
    extends || strsim::levenshtein(a, b) <= budget
}

/// The primary folded key of one word (see the module documentation).
pub fn fold_word(word: &str) -> String {
    WordKeys::of(word)
        .keys
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The primary keys of the words of a name, space-separated: `Юсуфу Кемаль-бею` →
/// `usuf kemal beu`.
pub fn fold(name: &str) -> String {
    term::words(name)
        .map(|(_, w)| fold_word(w))
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Russian nominal endings (nouns and adjectives, all cases), longest first.
const RUSSIAN_ENDINGS: &[&str] = &[
    "ами", "ями", "ыми", "ими", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ым", "им",
    "ам", "ям", "ах", "ях", "ых", "их", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий",
    "ью", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
];

/// The word without its case ending, if one is there and at least three letters are left.
fn strip_russian_ending(lower: &str) -> Option<&str> {
    RUSSIAN_ENDINGS.iter().find_map(|ending| {
        lower
            .strip_suffix(ending)
            .filter(|stem| stem.chars().count() >= 3)
    })
}

/// Lowercase ASCII letters: Turkish letters spelled out, everything else through deunicode,
/// anything that is not a letter dropped.
fn to_latin(lower: &str) -> String {
    let turkish = lower.chars().any(|c| matches!(c, 'ç' | 'ş' | 'ğ' | 'ı'));
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            'ç' => out.push_str("ch"),
            'ş' => out.push_str("sh"),
            'ı' => out.push('i'),
            'c' if turkish => out.push('j'),
            _ => {
                let latin = if c.is_ascii() {
                    Some(c.encode_utf8(&mut [0; 4]).to_owned())
                } else {
                    deunicode::deunicode_char(c).map(str::to_owned)
                };
                out.extend(
                    latin
                        .unwrap_or_default()
                        .chars()
                        .filter(char::is_ascii_alphabetic)
                        .map(|c| c.to_ascii_lowercase()),
                );
            }
        }
    }
    out
}

/// The spelling normalisations of the module documentation, on lowercase ASCII.
fn phonetic(latin: &str) -> String {
    let s = latin
        .replace("tsch", "ch")
        .replace("tch", "ch")
        .replace("dzh", "j")
        .replace("dj", "j")
        .replace("kh", "h")
        .replace("ph", "f")
        .replace("ck", "k")
        .replace('x', "ks")
        .replace('q', "k")
        .replace('w', "v")
        .replace('y', "i")
        .replace("ou", "u");
    let b = s.as_bytes();
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        let next = b.get(i + 1).copied();
        let c = match c {
            b'c' => match next {
                Some(b'h') => b'c',
                Some(b'e' | b'i') => b'j',
                _ => b'k',
            },
            b'i' if next.is_some_and(|n| is_vowel(n) && n != b'i') => continue,
            _ => c,
        };
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    let trimmed = out.len() - out.iter().rev().take_while(|&&c| is_vowel(c)).count();
    if trimmed >= 2 {
        out.truncate(trimmed);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Honorifics and ranks written next to names, lowercase, with their Russian case forms.
const TITLES: &[&str] = &[
    "pasha",
    "paşa",
    "pacha",
    "pasa",
    "bey",
    "bay",
    "bek",
    "beg",
    "efendi",
    "effendi",
    "aga",
    "agha",
    "ağa",
    "hanim",
    "hanım",
    "comrade",
    "general",
    "gen",
    "dr",
    "doctor",
    "mr",
    "mrs",
    "sir",
    "gazi",
    "ghazi",
    "паша",
    "паши",
    "паше",
    "пашу",
    "пашой",
    "пашою",
    "бей",
    "бея",
    "бею",
    "беем",
    "бее",
    "бек",
    "бека",
    "беку",
    "эфенди",
    "ага",
    "товарищ",
    "товарища",
    "товарищу",
    "товарищем",
    "тов",
    "генерал",
    "генерала",
    "генералу",
    "генералом",
    "гази",
];

/// Whether a lowercase word is a title or honorific (`pasha`, `bey`, `паша`, `comrade`), which
/// goes with a name but is not one.
pub fn is_title(lower: &str) -> bool {
    TITLES.contains(&lower)
}

// ---------------------------------------------------------------------------------------------
// Folded text

/// One word of a text, folded for name matching.
#[derive(Clone, Debug)]
struct NameToken {
    span: Range<usize>,
    keys: WordKeys,
    capitalised: bool,
    /// A title, an initial or a one-letter word (`в`, `с`): skipped inside names, never a name
    /// on its own.
    skippable: bool,
    /// A title or an initial: part of the name next to it.
    attached: bool,
    stop: bool,
    /// Whether only spaces, hyphens or an abbreviation's full stop separate this word from the
    /// previous one, so that the two can belong to one name.
    joins_previous: bool,
}

/// The words of a text with their spans and folded keys, computed once per text and matched
/// against any number of queries with [`occurrences_in`].
#[derive(Clone, Debug)]
pub struct FoldedText {
    tokens: Vec<NameToken>,
}

impl FoldedText {
    /// Folds every word of a text.
    pub fn new(text: &str) -> FoldedText {
        let mut tokens: Vec<NameToken> = Vec::new();
        for (span, word) in term::words(text) {
            let lower: String = word.chars().flat_map(char::to_lowercase).collect();
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            let dotted = text
                .get(span.end..)
                .is_some_and(|rest| rest.starts_with('.'));
            // One-letter words are initials or prepositions (`в`, `с`), never a name's part.
            let initial = capitalised && (letters == 1 || (letters == 2 && dotted));
            let attached = initial || is_title(&lower);
            let joins_previous = tokens.last().is_some_and(|prev| {
                text.get(prev.span.end..span.start)
                    .is_some_and(|gap| joinable_gap(gap, prev.skippable))
            });
            tokens.push(NameToken {
                keys: WordKeys::of(word),
                capitalised,
                skippable: attached || letters == 1,
                attached,
                stop: is_stop_word(&lower),
                joins_previous,
                span,
            });
        }
        FoldedText { tokens }
    }

    /// Byte span of the tokens `from..to`.
    fn span(&self, from: usize, to: usize) -> Option<Range<usize>> {
        let first = self.tokens.get(from)?;
        let last = self.tokens.get(to.checked_sub(1)?)?;
        Some(first.span.start..last.span.end)
    }

    /// The words that carry a name: neither titles, initials nor stop words.
    fn content(&self) -> impl Iterator<Item = (usize, &NameToken)> {
        self.tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.skippable && !t.stop)
    }
}

/// Whether the text between two words lets them be parts of one name: spaces and hyphens, and a
/// full stop only after an abbreviation.
fn joinable_gap(gap: &str, after_abbreviation: bool) -> bool {
    gap.chars().count() <= 3
        && gap.chars().all(|c| {
            c.is_whitespace() || matches!(c, '-' | '‐' | '–') || (c == '.' && after_abbreviation)
        })
}

// ---------------------------------------------------------------------------------------------
// Patterns: the word sequence of one alias

/// The folded content words of one written name.
#[derive(Clone, Debug)]
struct Pattern {
    words: Vec<WordKeys>,
    /// Whether the name is written with a capital: then it matches only where the text writes
    /// it with one too (`Baku` is not `back`, `Грузия` is not `грузы`). Names written in
    /// lowercase (`турецкий`, `армяне`) match in any case.
    capitalised: bool,
}

impl Pattern {
    fn new(name: &str) -> Pattern {
        let folded = FoldedText::new(name);
        let content: Vec<WordKeys> = folded
            .tokens
            .iter()
            .filter(|t| !t.skippable)
            .map(|t| t.keys.clone())
            .collect();
        let capitalised = folded
            .tokens
            .iter()
            .find(|t| !t.skippable)
            .or(folded.tokens.first())
            .is_some_and(|t| t.capitalised);
        let words = if content.is_empty() {
            folded.tokens.into_iter().map(|t| t.keys).collect()
        } else {
            content
        };
        Pattern { words, capitalised }
    }

    /// Where the pattern matches starting at token `at`: the end token (exclusive). Titles and
    /// initials between its words are skipped; the first word must be a content word.
    fn match_at(&self, text: &FoldedText, at: usize) -> Option<usize> {
        let (first, rest) = self.words.split_first()?;
        let start = text.tokens.get(at)?;
        // A function word (`сами`, `van`) starts a name only when capitalised.
        if start.skippable
            || (start.stop && !start.capitalised)
            || (self.capitalised && !start.capitalised)
            || !word_meets(first, start)
        {
            return None;
        }
        let mut next = at + 1;
        for word in rest {
            loop {
                let tok = text.tokens.get(next)?;
                if !tok.joins_previous {
                    return None;
                }
                next += 1;
                if tok.skippable {
                    continue;
                }
                if word_meets(word, tok) {
                    break;
                }
                return None;
            }
        }
        Some(next)
    }
}

/// A pattern word against a text word: exactly, or fuzzily when the text word is capitalised.
fn word_meets(word: &WordKeys, tok: &NameToken) -> bool {
    word.meets(&tok.keys) || (tok.capitalised && fuzzy(word.primary(), tok.keys.primary()))
}

/// A match of a pattern: tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hit {
    start: usize,
    end: usize,
}

/// The content word next to a one-word match, on one side, if nothing but a name-joining gap
/// (and titles or initials) separates them.
fn neighbour(text: &FoldedText, hit: Hit, before: bool) -> Option<usize> {
    let mut i = hit.start;
    let mut j = hit.end.saturating_sub(1);
    loop {
        let candidate = if before {
            let joins = text.tokens.get(i)?.joins_previous;
            i = i.checked_sub(1)?;
            joins.then_some(i)?
        } else {
            j += 1;
            text.tokens.get(j)?.joins_previous.then_some(j)?
        };
        let tok = text.tokens.get(candidate)?;
        if !tok.attached {
            return Some(candidate);
        }
    }
}

/// Drops one-word hits of a person that stand next to a given name which none of the person's
/// own hits covers (`Кемаль` in `Юсуф Кемаль-бей` is not Mustafa Kemal).
fn drop_given_name_conflicts(text: &FoldedText, hits: &[Hit], given: &HashSet<String>) -> Vec<Hit> {
    let covered = |tok: usize| hits.iter().any(|h| h.start <= tok && tok < h.end);
    hits.iter()
        .copied()
        .filter(|hit| {
            if hit.end - hit.start != 1 {
                return true;
            }
            [true, false].into_iter().all(|before| {
                neighbour(text, *hit, before).is_none_or(|n| {
                    let given_name = text.tokens.get(n).is_some_and(|tok| {
                        tok.capitalised && tok.keys.keys().iter().any(|k| given.contains(k))
                    });
                    !given_name || covered(n)
                })
            })
        })
        .collect()
}

/// Byte spans of hits, overlapping ones merged, in text order.
fn merged_spans(text: &FoldedText, hits: &[Hit]) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = hits
        .iter()
        .filter_map(|h| text.span(h.start, h.end))
        .collect();
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Gazetteer

/// Identifies an entity of a [`Gazetteer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(pub u32);

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    Treaty,
    Conference,
    Collection,
    State,
    People,
    /// Made from a claim file's aliases, which do not say what the entity is. Matched like a
    /// person (the given-name check applies).
    Unknown,
}

impl EntityKind {
    /// Whether the given-name check applies (see the module documentation).
    fn personal(self) -> bool {
        matches!(self, EntityKind::Person | EntityKind::Unknown)
    }
}

/// One entity: its canonical name, its kind and the other ways it is written.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct Entity {
    pub canonical: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Entity {
    fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.canonical.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(serde::Deserialize)]
struct GazetteerFile {
    #[serde(default)]
    given_names: Vec<String>,
    entities: Vec<Entity>,
}

/// Known people, places, organisations, treaties and conferences with all their spellings.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    given_names: Vec<String>,
    /// Derived from the above by `index`.
    given: Arc<HashSet<String>>,
    patterns: Vec<(EntityId, Pattern)>,
    /// Pattern indices by every key of their first word.
    by_first_key: HashMap<String, Vec<usize>>,
    /// Pattern indices whose first word is long enough to meet fuzzily, by its first letter.
    by_first_letter: HashMap<u8, Vec<usize>>,
    unknown: Entity,
}

impl Gazetteer {
    /// The gazetteer compiled into attest (`seeds/gazetteer.yaml`).
    pub fn builtin() -> Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                // The builtin file is checked by the tests; an empty gazetteer is the safe
                // fallback.
                Gazetteer::from_yaml(BUILTIN_GAZETTEER)
                    .unwrap_or_else(|_| Gazetteer::new(Vec::new(), Vec::new()))
            })
            .clone()
    }

    /// Reads a gazetteer: a YAML mapping with `entities` (each with `canonical`, `kind` and
    /// `aliases`) and optionally `given_names`, a list of common given names.
    pub fn from_yaml(text: &str) -> Result<Gazetteer, String> {
        let file: GazetteerFile =
            marked_yaml::from_yaml(0, text).map_err(|e| format!("invalid gazetteer: {e}"))?;
        if let Some(e) = file
            .entities
            .iter()
            .find(|e| Pattern::new(&e.canonical).words.is_empty())
        {
            return Err(format!(
                "gazetteer entity `{}` has no word in its name",
                e.canonical
            ));
        }
        Ok(Gazetteer::new(file.entities, file.given_names))
    }

    fn new(entities: Vec<Entity>, given_names: Vec<String>) -> Gazetteer {
        let mut gazetteer = Gazetteer {
            entities,
            given_names,
            given: Arc::default(),
            patterns: Vec::new(),
            by_first_key: HashMap::new(),
            by_first_letter: HashMap::new(),
            unknown: Entity {
                canonical: String::new(),
                kind: EntityKind::Unknown,
                aliases: Vec::new(),
            },
        };
        gazetteer.index();
        gazetteer
    }

    fn index(&mut self) {
        let mut given: HashSet<String> = self.given_names.iter().map(|n| fold_word(n)).collect();
        self.patterns.clear();
        for (i, entity) in self.entities.iter().enumerate() {
            let id = EntityId(u32::try_from(i).unwrap_or(u32::MAX));
            for name in entity.names() {
                let pattern = Pattern::new(name);
                if pattern.words.is_empty() {
                    continue;
                }
                if entity.kind == EntityKind::Person
                    && pattern.words.len() > 1
                    && let Some(first) = pattern.words.first()
                {
                    given.insert(first.primary().to_owned());
                }
                self.patterns.push((id, pattern));
            }
        }
        self.by_first_key.clear();
        self.by_first_letter.clear();
        for (p, (_, pattern)) in self.patterns.iter().enumerate() {
            let Some(first) = pattern.words.first() else {
                continue;
            };
            for key in first.keys() {
                self.by_first_key.entry(key.clone()).or_default().push(p);
            }
            if first.primary().len() >= FUZZY_MIN_LEN
                && let Some(&letter) = first.primary().as_bytes().first()
            {
                self.by_first_letter.entry(letter).or_default().push(p);
            }
        }
        self.given = Arc::new(given);
    }

    /// Adds other spellings of a name, as a claim file lists them: to the entity the name
    /// resolves to, or to a new entity of unknown kind named `name`.
    pub fn add_aliases(&mut self, name: &str, aliases: &[String]) {
        match self.entity(name) {
            Some(id) => {
                if let Some(entity) = self.entities.get_mut(id.0 as usize) {
                    entity.aliases.extend(aliases.iter().cloned());
                }
            }
            None => self.entities.push(Entity {
                canonical: name.to_owned(),
                kind: EntityKind::Unknown,
                aliases: aliases.to_vec(),
            }),
        }
        self.index();
    }

    /// The entity a written name stands for, inflected or not (`Чичерину`, `Kazim Karabekir
    /// Pasha`, `M.D. Huseynov`): an alias that is the whole name, else the one entity whose
    /// mentions cover all of the name's words but given names.
    pub fn entity(&self, name: &str) -> Option<EntityId> {
        let text = FoldedText::new(name);
        let content: Vec<&NameToken> = text.content().map(|(_, t)| t).collect();
        let first = content.first()?;
        for key in first.keys.keys() {
            for &p in self.by_first_key.get(key).into_iter().flatten() {
                let Some((id, pattern)) = self.patterns.get(p) else {
                    continue;
                };
                if pattern.words.len() == content.len()
                    && pattern
                        .words
                        .iter()
                        .zip(&content)
                        .all(|(w, t)| w.meets(&t.keys))
                {
                    return Some(*id);
                }
            }
        }
        // Else one entity must account for the name: its mentions cover every content word
        // except given names (`Georgy Vasilyevich Chicherin` is not resolved through
        // `Chicherin` alone, but `Georgy Chicherin`'s spelling variants are).
        let mentions = self.find_in(&text);
        let first_entity = mentions.first()?.1;
        let single = mentions.iter().all(|(_, id)| *id == first_entity);
        let covered = |i: usize| {
            mentions
                .iter()
                .any(|(hit, _)| hit.start <= i && i < hit.end)
        };
        let accounted = text
            .content()
            .all(|(i, tok)| covered(i) || tok.keys.keys().iter().any(|k| self.given.contains(k)));
        (single && accounted).then_some(first_entity)
    }

    /// One entity. An id from another gazetteer gives an empty entity of unknown kind.
    pub fn get(&self, id: EntityId) -> &Entity {
        self.entities.get(id.0 as usize).unwrap_or(&self.unknown)
    }

    /// All entities, indexed by [`EntityId`].
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Every entity named in a folded text: longest match first, no overlaps, in text order.
    fn find_in(&self, text: &FoldedText) -> Vec<(Hit, EntityId)> {
        let mut hits: Vec<(Hit, EntityId)> = Vec::new();
        for (at, tok) in text.tokens.iter().enumerate() {
            if tok.skippable {
                continue;
            }
            let mut candidates: Vec<usize> = tok
                .keys
                .keys()
                .iter()
                .filter_map(|k| self.by_first_key.get(k))
                .flatten()
                .copied()
                .collect();
            if tok.capitalised
                && tok.keys.primary().len() >= FUZZY_MIN_LEN
                && let Some(list) = tok
                    .keys
                    .primary()
                    .as_bytes()
                    .first()
                    .and_then(|l| self.by_first_letter.get(l))
            {
                candidates.extend(list);
            }
            candidates.sort_unstable();
            candidates.dedup();
            for p in candidates {
                let Some((id, pattern)) = self.patterns.get(p) else {
                    continue;
                };
                if let Some(end) = pattern.match_at(text, at) {
                    hits.push((Hit { start: at, end }, *id));
                }
            }
        }
        let mut kept: Vec<(Hit, EntityId)> = Vec::with_capacity(hits.len());
        for (i, entity) in self.entities.iter().enumerate() {
            let id = EntityId(u32::try_from(i).unwrap_or(u32::MAX));
            let own: Vec<Hit> = hits
                .iter()
                .filter(|(_, e)| *e == id)
                .map(|(h, _)| *h)
                .collect();
            if own.is_empty() {
                continue;
            }
            let own = if entity.kind.personal() {
                drop_given_name_conflicts(text, &own, &self.given)
            } else {
                own
            };
            kept.extend(own.into_iter().map(|h| (h, id)));
        }
        kept.sort_by_key(|(h, id)| (h.start, std::cmp::Reverse(h.end), *id));
        let mut out: Vec<(Hit, EntityId)> = Vec::with_capacity(kept.len());
        for (hit, id) in kept {
            if out.last().is_none_or(|(last, _)| hit.start >= last.end) {
                out.push((hit, id));
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Queries

/// A claim's name, prepared once for matching against many passages.
#[derive(Clone, Debug)]
pub struct NameQuery {
    /// The name as the claim writes it.
    pub name: String,
    target: Target,
    given: Arc<HashSet<String>>,
}

#[derive(Clone, Debug)]
enum Target {
    /// A gazetteer entity: any of its spellings.
    Entity {
        id: EntityId,
        kind: EntityKind,
        patterns: Vec<Pattern>,
    },
    /// A name the gazetteer does not know: all its content words in order, or its last one.
    Free {
        whole: Pattern,
        distinctive: Pattern,
    },
}

impl NameQuery {
    /// The gazetteer entity the name resolved to.
    pub fn entity(&self) -> Option<EntityId> {
        match &self.target {
            Target::Entity { id, .. } => Some(*id),
            Target::Free { .. } => None,
        }
    }
}

/// Prepares a claim's name: resolved to a gazetteer entity when possible, else kept as the folded
/// keys of its content words (see the module documentation for how its parts are weighed).
pub fn query(name: &str, gaz: &Gazetteer) -> NameQuery {
    let target = match gaz.entity(name) {
        Some(id) => {
            let entity = gaz.get(id);
            Target::Entity {
                id,
                kind: entity.kind,
                patterns: gaz
                    .patterns
                    .iter()
                    .filter(|(e, _)| *e == id)
                    .map(|(_, p)| p.clone())
                    .collect(),
            }
        }
        None => {
            let text = FoldedText::new(name);
            let mut words: Vec<WordKeys> = text.content().map(|(_, t)| t.keys.clone()).collect();
            if words.is_empty() {
                words = text.tokens.into_iter().map(|t| t.keys).collect();
            }
            let capitalised = name
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase);
            let distinctive = Pattern {
                words: words.last().cloned().into_iter().collect(),
                capitalised,
            };
            Target::Free {
                whole: Pattern { words, capitalised },
                distinctive,
            }
        }
    };
    NameQuery {
        name: name.to_owned(),
        target,
        given: Arc::clone(&gaz.given),
    }
}

/// Where the query's name occurs in a text, as merged byte ranges in text order.
pub fn occurrences(query: &NameQuery, text: &str) -> Vec<Range<usize>> {
    occurrences_in(query, &FoldedText::new(text))
}

/// [`occurrences`] on a text folded beforehand.
pub fn occurrences_in(query: &NameQuery, text: &FoldedText) -> Vec<Range<usize>> {
    let (patterns, personal): (Vec<&Pattern>, bool) = match &query.target {
        Target::Entity { patterns, kind, .. } => (patterns.iter().collect(), kind.personal()),
        Target::Free { whole, distinctive } => (vec![whole, distinctive], true),
    };
    let mut hits: Vec<Hit> = Vec::new();
    for at in 0..text.tokens.len() {
        for pattern in &patterns {
            if let Some(end) = pattern.match_at(text, at) {
                hits.push(Hit { start: at, end });
            }
        }
    }
    let hits = if personal {
        drop_given_name_conflicts(text, &hits, &query.given)
    } else {
        hits
    };
    merged_spans(text, &hits)
}

/// A gazetteer entity named in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMention {
    /// Byte range of the name in the text.
    pub span: Range<usize>,
    pub entity: EntityId,
}

/// Every gazetteer entity named in a text, in text order: at each place the longest name wins
/// (`Юсуф Кемаль-бей` is Yusuf Kemal, not Kemal).
pub fn find(text: &str, gaz: &Gazetteer) -> Vec<NameMention> {
    find_in(&FoldedText::new(text), gaz)
}

/// [`find`] on a text folded beforehand.
pub fn find_in(text: &FoldedText, gaz: &Gazetteer) -> Vec<NameMention> {
    gaz.find_in(text)
        .into_iter()
        .filter_map(|(hit, entity)| {
            Some(NameMention {
                span: text.span(hit.start, hit.end)?,
                entity,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn gaz() -> Gazetteer {
        Gazetteer::builtin()
    }

    /// Whether the claim's `name` occurs in `text`.
    fn check(name: &str, text: &str, expect: bool) {
        let q = query(name, &gaz());
        let found = occurrences(&q, text);
        assert_eq!(!found.is_empty(), expect, "`{name}` in `{text}`: {found:?}");
    }

    #[test]
    fn builtin_gazetteer_loads() {
        let g = Gazetteer::from_yaml(BUILTIN_GAZETTEER);
        assert!(g.is_ok(), "{:?}", g.err());
        let n = g.map(|g| g.entities().len()).unwrap_or(0);
        assert!(n > 150, "{n} entities");
    }

    #[test]
    fn no_alias_belongs_to_two_entities() {
        let g = gaz();
        let mut seen: HashMap<Vec<String>, EntityId> = HashMap::new();
        for (id, pattern) in &g.patterns {
            let key: Vec<String> = pattern
                .words
                .iter()
                .map(|w| w.primary().to_owned())
                .collect();
            if let Some(other) = seen.insert(key.clone(), *id) {
                assert_eq!(
                    other,
                    *id,
                    "{key:?} is both `{}` and `{}`",
                    g.get(other).canonical,
                    g.get(*id).canonical
                );
            }
        }
    }

    #[test]
    fn folding() {
        let cases: &[(&str, &str)] = &[
            ("Kâzım", "kazim"),
            ("Kazym", "kazim"),
            ("Atatürk", "ataturk"),
            ("Ататюрк", "ataturk"),
            ("İstanbul", "istanbul"),
            ("Чичерин", "chicherin"),
            ("Чичерину", "chicherin"),
            ("Чичериным", "chicherin"),
            ("Tchitcherine", "chicherin"),
            ("Tschitscherin", "chicherin"),
            ("Джебесой", "jebes"),
            ("Cebesoy", "jebes"),
            ("Jebesoy", "jebes"),
            ("Шахтахтинский", "shahtahtinsk"),
            ("Shakhtakhtinsky", "shahtahtinsk"),
            ("Ганецкого", "ganetsk"),
            ("Ganetsky", "ganetsk"),
            ("Фрунзе", "frunz"),
            ("Frunze's", "frunz"),
            ("Мравяну", "mravan"),
            ("Mravyan", "mravan"),
            ("Юсуфу", "usuf"),
            ("Yusuf", "usuf"),
            ("Халиля", "halil"),
            ("Khalil", "halil"),
            ("Леграна", "legran"),
            ("Constantinople", "konstantinopl"),
        ];
        for (word, expect) in cases {
            assert_eq!(fold_word(word), *expect, "{word}");
        }
        assert_eq!(fold("Юсуфу Кемаль-бею"), "usuf kemal beu");
    }

    #[test]
    fn names_meet_across_scripts_and_spellings() {
        let cases: &[(&str, &str, bool)] = &[
            (
                "Chicherin",
                "ноты, врученной наркомом Г.Чичериным турецкому послу",
                true,
            ),
            (
                "Chicherin",
                "Полученную телеграмму наркоминдел переслал Г.Чичерину",
                true,
            ),
            ("Chicherin", "Письмо И.Сталина Г.Чичерину. 30.08.1921", true),
            ("Chicherin", "la note de M. Tchitcherine", true),
            (
                "Ali Fuat Cebesoy",
                "турецкому послу Али Фуат-паше в Москве",
                true,
            ),
            (
                "Ali Fuat Cebesoy",
                "генерал турецкой армии Али Фуат Джебесой",
                true,
            ),
            (
                "Ali Fuat Cebesoy",
                "and Ali Fuad Jebesoy, who had been appointed",
                true,
            ),
            ("Cebesoy", "Ali Fuat Cebesoy. Moskova Hatıraları", true),
            ("Shakhtakhtinsky", "назначить Б.Шахтахтинского", true),
            (
                "Shakhtakhtinsky",
                "Telegram of B. Shakhtakhtinsksy to M.D. Huseynov",
                true,
            ),
            (
                "Halil Pasha",
                "с представителем Меджлиса Халиля-пашой",
                true,
            ),
            ("Khalil Pasha", "the famous commander Halil Pasha", true),
            (
                "Frunze",
                "26 ноября 1921 г. М. Фрунзе во главе делегации",
                true,
            ),
            (
                "Ganetsky",
                "полномочном представителе России в Латвии Якове Ганецком",
                true,
            ),
            (
                "Ganetsky",
                "знакомство Я.Ганецкого с турецкими реалиями",
                true,
            ),
            (
                "Huseynov",
                "вместе с М.Д.Гусейновым Азербайджан представлял",
                true,
            ),
            (
                "Mirza Davud Huseynov",
                "Shakhtakhtinsky wrote to Niza Davud Huseynov",
                true,
            ),
            ("Mravyan", "наркоминделу Армянской ССР А.Мравяну", true),
            (
                "Yusuf Kemal",
                "М.Д.Гусейнов послал Юсуфу Кемаль-бею телеграмму",
                true,
            ),
            ("Yusuf Kemal", "Economics Minister Yusif Kamal-bey", true),
            (
                "Yusuf Kemal Bey",
                "Foreign Affairs Commissioner Yusuf Kemal Bey",
                true,
            ),
            (
                "Atatürk",
                "Кемаль Ататюрк обратился к Советской России",
                true,
            ),
            ("Atatürk", "the realistic position of Mustafa Kemal", true),
            (
                "Mustafa Kemal",
                "С согласия К. Ататюрка для отвода глаз",
                true,
            ),
            (
                "Mustafa Kemal",
                "Захват М.  Кемалем стратегически важных районов",
                true,
            ),
            (
                "Kazim Karabekir",
                "Kazym-pasha is certain that Ankara",
                true,
            ),
            (
                "Kazim Karabekir",
                "Among all the major Turkish officials, Karabekir clearly stands out",
                true,
            ),
            (
                "Kâzım Karabekir",
                "Under the leadership of Kazim Karabekir Pasha",
                true,
            ),
            ("Legrand", "Письмо Б.Леграна Г.Орджоникидзе", true),
            ("Legrand", "Copy to B. Legran, 5 December 1920", true),
            (
                "Ordzhonikidze",
                "reported to I. Stalin and Sergo Ordzhonikidze",
                true,
            ),
            ("Budyonny", "герой гражданской войны С. Буденный", true),
            (
                "Natsarenus",
                "представитель РСФСР в Анкаре С.Нацаренус писал",
                true,
            ),
            ("Bekir Sami", "с руководителем МИДа Бекиром Сами-беем", true),
            ("Sokolnikov", "наркомом финансов Г. Я. Сокольниковым", true),
            // negatives
            ("Yusuf Kemal", "по мнению Мустафы Кемаля", false),
            ("Yusuf Kemal", "the chairman Mustafa Kemal Pasha", false),
            ("Mustafa Kemal", "Юсуф Кемаль-бей писал", false),
            (
                "Ali Fuat Cebesoy",
                "Dr. Fuad Sabit arriving with them",
                false,
            ),
            ("Fuad Sabit", "турецкому послу Али Фуат-паше", false),
            ("Kamenev", "realistic position of Mustafa Kemal", false),
            (
                "Mustafa Kemal",
                "С. С. Каменева с представителем Меджлиса",
                false,
            ),
            ("Kemal", "the Kemalists entered into relations", false),
            ("Karabekir", "Lev Karakhan", false),
            ("Chicherin", "Чичерина нет, есть Сталин", true),
            ("Stalin", "Сталинград", false),
        ];
        for (name, text, expect) in cases {
            check(name, text, *expect);
        }
    }

    #[test]
    fn names_outside_the_gazetteer() {
        let cases: &[(&str, &str, bool)] = &[
            ("Mehmet Emin Yurdakul", "Юрдакул писал", true),
            ("Mehmet Emin Yurdakul", "Mehmet Emin Yurdakul wrote", true),
            ("Halide Edib", "Mustafa Edib", false),
            ("Rauf Orbay", "Рауф Орбай", true),
            ("Rauf Orbay", "Rauf Bey", false),
        ];
        for (name, text, expect) in cases {
            assert!(gaz().entity(name).is_none(), "{name} is in the gazetteer");
            check(name, text, *expect);
        }
    }

    #[test]
    fn occurrences_give_byte_ranges() {
        let text = "наркомом Г.Чичериным турецкому послу Али Фуат-паше в Москве";
        let q = query("Ali Fuat Cebesoy", &gaz());
        let got: Vec<&str> = occurrences(&q, text)
            .into_iter()
            .filter_map(|r| text.get(r))
            .collect();
        assert_eq!(got, ["Али Фуат"]);
    }

    #[test]
    fn resolves_historical_and_inflected_names() {
        let g = gaz();
        let cases: &[(&str, &str)] = &[
            ("Angora", "Ankara"),
            ("Ангоре", "Ankara"),
            ("Анкаре", "Ankara"),
            ("Trebizond", "Trabzon"),
            ("Трапезунде", "Trabzon"),
            ("Trapezund", "Trabzon"),
            ("Alexandropol", "Gyumri"),
            ("Leninakan", "Gyumri"),
            ("Gumri", "Gyumri"),
            ("Александрополе", "Gyumri"),
            ("Erivan", "Yerevan"),
            ("Эривани", "Yerevan"),
            ("Tiflis", "Tbilisi"),
            ("Тифлисе", "Tbilisi"),
            ("Batum", "Batumi"),
            ("Батуме", "Batumi"),
            ("Constantinople", "Istanbul"),
            ("Константинополя", "Istanbul"),
            ("Smyrna", "Izmir"),
            ("грузинской", "Georgia"),
            ("Грузии", "Georgia"),
            ("армянских", "Armenia"),
            ("азербайджанскому", "Azerbaijan"),
            ("турецкому", "Turkey"),
            ("украинский", "Ukraine"),
            ("РСФСР", "Soviet Russia"),
            ("Советской России", "Soviet Russia"),
            ("Карсской конференции", "Kars Conference"),
            ("Kars conference", "Kars Conference"),
            ("Московского договора", "Treaty of Moscow"),
            ("Moscow Treaty", "Treaty of Moscow"),
            ("НКИД", "People's Commissariat of Foreign Affairs"),
            ("Narkomindel", "People's Commissariat of Foreign Affairs"),
            ("Кавбюро", "Caucasian Bureau"),
            ("ЦК РКП(б)", "Central Committee of the RKP(b)"),
            ("Великого Национального Собрания", "Grand National Assembly"),
            ("ВНСТ", "Grand National Assembly"),
            ("Меджлиса", "Grand National Assembly"),
            ("Kazim Karabekir Pasha", "Kazim Karabekir"),
            ("M.D. Huseynov", "Mirza Davud Huseynov"),
            ("Georgy Vasilyevich Chicherin", "Georgy Chicherin"),
            ("Georgy V. Chicherin", "Georgy Chicherin"),
            ("Ататюрка", "Mustafa Kemal Atatürk"),
            ("Будённого", "Semyon Budyonny"),
        ];
        for (name, canonical) in cases {
            let got = g.entity(name).map(|id| g.get(id).canonical.as_str());
            assert_eq!(got, Some(*canonical), "{name}");
        }
        for name in ["Chicherin's note", "Namık Kemal", "", "the", "1921"] {
            assert_eq!(g.entity(name), None, "{name}");
        }
    }

    #[test]
    fn find_reports_every_entity_longest_first() {
        let g = gaz();
        let cases: &[(&str, &[&str])] = &[
            (
                "Эти решения легли в основу ноты, врученной наркомом Г.Чичериным турецкому послу Али Фуат-паше в Москве.",
                &["Georgy Chicherin", "Turkey", "Ali Fuat Cebesoy", "Moscow"],
            ),
            ("Юсуф Кемаль-бей был назначен министром", &["Yusuf Kemal"]),
            ("подготовки к Карсской конференции", &["Kars Conference"]),
            (
                "Treaty of Kars and the city of Kars",
                &["Treaty of Kars", "Kars"],
            ),
            (
                "Mustafa Kemal and Yusuf Kemal",
                &["Mustafa Kemal Atatürk", "Yusuf Kemal"],
            ),
        ];
        for (text, expect) in cases {
            let got: Vec<&str> = find(text, &g)
                .into_iter()
                .map(|m| g.get(m.entity).canonical.as_str())
                .collect();
            assert_eq!(&got, expect, "{text}");
        }
    }

    #[test]
    fn claim_aliases_extend_or_create_entities() {
        let mut g = gaz();
        g.add_aliases("Chicherin", &["Chicherine".to_owned()]);
        let chicherin = g.entity("Chicherin");
        assert!(chicherin.is_some());
        assert!(chicherin.is_some_and(|id| g.get(id).aliases.iter().any(|a| a == "Chicherine")));
        g.add_aliases(
            "Halide Edib",
            &["Халиде Эдиб".to_owned(), "Adıvar".to_owned()],
        );
        let halide = g.entity("Halide Edib");
        assert!(halide.is_some_and(|id| g.get(id).kind == EntityKind::Unknown));
        assert_eq!(g.entity("Adıvar"), halide);
        let q = query("Halide Edib", &g);
        assert!(!occurrences(&q, "писательница Халиде Эдиб").is_empty());
    }

    #[test]
    fn gazetteer_rejects_bad_data() {
        let cases: &[(&str, bool)] = &[
            ("entities:\n  - canonical: Kars\n    kind: place\n", true),
            ("entities:\n  - canonical: Kars\n    kind: planet\n", false),
            ("entities:\n  - canonical: '...'\n    kind: place\n", false),
            ("given_names: [Ali]\n", false),
        ];
        for (yaml, ok) in cases {
            assert_eq!(Gazetteer::from_yaml(yaml).is_ok(), *ok, "{yaml}");
        }
    }

    proptest! {
        #[test]
        fn matching_never_panics(name in "\\PC{0,30}", text in "\\PC{0,120}") {
            let g = Gazetteer::builtin();
            let q = query(&name, &g);
            for r in occurrences(&q, &text) {
                prop_assert!(text.get(r).is_some());
            }
            for m in find(&text, &g) {
                prop_assert!(text.get(m.span).is_some());
            }
            let _ = g.entity(&name);
            let _ = fold(&text);
        }

        #[test]
        fn mixed_script_names_never_panic(text in "[a-zA-Zа-яА-ЯёЁçşğıİöüâ .'’-]{0,60}") {
            let g = Gazetteer::builtin();
            let q = query(&text, &g);
            let _ = occurrences(&q, &text);
            let _ = find(&text, &g);
        }
    }
}
