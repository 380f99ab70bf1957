//! References: what a claim cites and what a passage cites, split into comparable parts.
//!
//! The corpus writes references in several traditions at once: Russian inline references
//! (`Нота … 13.06.1921 // Документы внешней политики СССР. Т. IV, М., 1960, С.176-177`),
//! English endnotes with archive ciphers (`…, 7 December 1920, RSASPH, f. 85, op. 13, d. 143,
//! l. 1.`) and bibliographic notes (`Documents of the USSR foreign policy. T. IV. M., 1960,
//! p. 11.`). Claim files use the same forms, often translated or transliterated. [`parse`]
//! reads all of them by recognising the marked parts (volume, pages, archive cipher, place
//! and year, document date) wherever they stand; what precedes the first marked part is the
//! title, or the document and its archive. It never fails: an unrecognised reference is all
//! title.
//!
//! [`compare`] decides whether two references name the same work (titles equal after folding,
//! translations of each other by a small table of well-known collections and archives, or the
//! same archive file) and then which of the parts both give disagree.

use std::ops::Range;

/// An archival reference: fond, opis, delo, list (`f. 04, op. 39, d. 53001, l. 9`,
/// `ф. 85, оп. 13, д. 143, л. 1`).
///
/// Values are kept as written (leading zeros included: `f. 04` is `"04"`), with a range or a
/// verso mark normalised to `10-10 ob`. Comparison ignores leading zeros.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Archive {
    pub fond: Option<String>,
    pub opis: Option<String>,
    pub delo: Option<String>,
    pub list: Option<String>,
    /// The folder (`p. 232`, `п. 232`) that the Foreign Policy Archive puts between opis and
    /// delo.
    pub papka: Option<String>,
}

/// A reference split into the parts that can be compared. Every part is optional: a reference
/// is read leniently and never rejected.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Reference {
    /// The whole reference as written.
    pub raw: String,
    /// The cited document (`Нота НКИД РСФСР Послу Турции ...`), where the reference names one.
    pub document: Option<String>,
    /// The document's own date as written (`13.06.1921`).
    pub date: Option<String>,
    /// The collection or book (`Документы внешней политики СССР`), or the archive that holds
    /// the document (`Russian State Archive of Social-Political History`).
    pub title: Option<String>,
    /// The short name the reference introduces for its title (`(hereafter RSASPH)`).
    pub short_title: Option<String>,
    /// Volume as an arabic number where it is one (`Т. IV` is 4).
    pub volume: Option<u32>,
    /// First and last page (`С.176-177`, `p. 11`).
    pub pages: Option<(u32, u32)>,
    /// Year of publication (`М., 1960`).
    pub year: Option<i32>,
    pub archive: Option<Archive>,
}

impl Reference {
    /// Whether a marked part (volume, pages, year, archive cipher) was found: what tells a
    /// reference from a sentence.
    pub fn has_locator(&self) -> bool {
        self.volume.is_some()
            || self.pages.is_some()
            || self.year.is_some()
            || self.archive.is_some()
    }
}

/// Split a reference into parts, in any of the forms the corpus and claim files use.
///
/// A note that holds several references (`Chicherin GV, p. 197; Kireev N.G. …`) yields its
/// first; [`parse_all`] yields each. `raw` is always the whole input.
pub fn parse(input: &str) -> Reference {
    let first = split_references(input)
        .into_iter()
        .next()
        .map(parse_one)
        .unwrap_or_default();
    Reference {
        raw: input.to_string(),
        ..first
    }
}

/// Every reference in a note, in order: the note is split at `;` and before a new sentence
/// opening with `See`/`См.`, and a piece that has no locator of its own (no volume, pages,
/// year or archive cipher) joins the piece after it, or the last piece at the end. Each
/// `raw` is its own piece.
pub fn parse_all(input: &str) -> Vec<Reference> {
    split_references(input).into_iter().map(parse_one).collect()
}

/// How a found reference relates to the one a claim cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CiteMatch {
    /// The same work, and every part both give (volume, pages, archive file) agrees.
    Same,
    /// The same work, but the named parts differ (`volume 4 ≠ 3`, claimed first).
    Differs(Vec<String>),
    /// Another work altogether, or a claim that names no work (only pages, say).
    Unrelated,
}

/// Compare what a claim cites with a reference found in the corpus.
///
/// Two references cite the same work when their titles agree (after folding case, script and
/// punctuation, or as translations listed in the table of well-known works), when both give
/// the same archive file (fond, opis and delo), or when both name the same document. Parts
/// that only one side gives are not held against it; page ranges agree when they overlap.
pub fn compare(claimed: &Reference, found: &Reference) -> CiteMatch {
    if !same_work(claimed, found) {
        return CiteMatch::Unrelated;
    }
    let diffs = part_differences(claimed, found);
    if diffs.is_empty() {
        CiteMatch::Same
    } else {
        CiteMatch::Differs(diffs)
    }
}

// ---------------------------------------------------------------------------------------------
// Splitting a note into references

fn split_references(input: &str) -> Vec<&str> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for cut in split_points(input) {
        pieces.push(start..cut.start);
        start = cut.end;
    }
    pieces.push(start..input.len());

    // Locators close a reference, so a piece without one opens the next reference; pieces
    // left over at the end belong to the last.
    let mut merged: Vec<Range<usize>> = Vec::new();
    let mut pending: Option<usize> = None;
    for piece in pieces {
        let Some(text) = input.get(piece.clone()) else {
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        let start = *pending.get_or_insert(piece.start);
        if parse_one(text).has_locator() {
            merged.push(start..piece.end);
            pending = None;
        }
    }
    if let Some(start) = pending {
        match merged.last_mut() {
            Some(last) => last.end = input.len(),
            None => merged.push(start..input.len()),
        }
    }
    merged
        .into_iter()
        .filter_map(|r| input.get(r))
        .map(str::trim)
        .collect()
}

/// Byte ranges of the separators between references: a `;` outside parentheses, or the space
/// before `See`/`См` that opens a new sentence.
fn split_points(input: &str) -> Vec<Range<usize>> {
    let mut cuts = Vec::new();
    let mut depth = 0usize;
    let mut prev: Option<char> = None;
    let mut prev2: Option<char> = None;
    for (i, c) in input.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => cuts.push(i..i + 1),
            _ if depth == 0
                && prev.is_some_and(char::is_whitespace)
                && matches!(prev2, Some('.' | '?' | '!'))
                && opens_see(input.get(i..).unwrap_or("")) =>
            {
                cuts.push(i..i);
            }
            _ => {}
        }
        prev2 = prev;
        prev = Some(c);
    }
    cuts
}

fn opens_see(rest: &str) -> bool {
    ["See ", "See:", "См.", "См:", "См "]
        .iter()
        .any(|p| rest.starts_with(p))
}

// ---------------------------------------------------------------------------------------------
// Reading one reference

fn parse_one(piece: &str) -> Reference {
    let body = strip_wrapping(piece);
    let (left, right) = match body.find("//") {
        Some(at) => (
            Some(body.get(..at).unwrap_or("")),
            body.get(at + 2..).unwrap_or(""),
        ),
        None => (None, body),
    };
    let toks = tokenize(right);
    let marks = scan_marks(&toks);
    let head_end = marks.first_at.unwrap_or(right.len());
    let head = right.get(..head_end).unwrap_or("");

    let (document, date, title_text) = match left {
        Some(left) => {
            let (document, date) = split_dated_document(left, last_date(left));
            (document, date, head)
        }
        None => match first_date(head) {
            Some(found) => {
                let (document, date) = split_dated_document(head, Some(found.clone()));
                (document, date, head.get(found.bytes.end..).unwrap_or(""))
            }
            None => (None, None, head),
        },
    };
    let (title, short_title) = clean_title(title_text);

    Reference {
        raw: piece.to_string(),
        document,
        date,
        title,
        short_title,
        volume: marks.volume,
        pages: marks.pages,
        year: marks.year,
        archive: marks.archive,
    }
}

/// The reference without its note number (`[3]`), enclosing parentheses, a leading `See`/`См.`
/// and the final full stop.
fn strip_wrapping(piece: &str) -> &str {
    let mut s = piece.trim();
    if s.starts_with('[')
        && let Some(close) = s.find(']')
        && s.get(1..close)
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    {
        s = s.get(close + 1..).unwrap_or("").trim_start();
    }
    s = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','));
    if let Some(inner) = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        s = inner.trim();
    }
    strip_see(s)
}

fn strip_see(s: &str) -> &str {
    let s = s.trim_start();
    for prefix in [
        "See also",
        "see also",
        "See",
        "see",
        "См. также",
        "См.",
        "См",
        "Cf.",
        "cf.",
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            // `See` must be a word of its own, not the start of `Seems`.
            if rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                return rest
                    .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.'));
            }
        }
    }
    s
}

/// The document (what precedes its date) and the date as written.
fn split_dated_document(text: &str, date: Option<DateFound>) -> (Option<String>, Option<String>) {
    match date {
        Some(found) => (
            non_empty(text.get(..found.bytes.start).unwrap_or(""))
                .map(|d| strip_see(&d).to_string()),
            non_empty(text.get(found.bytes).unwrap_or("")),
        ),
        None => (non_empty(text).map(|d| strip_see(&d).to_string()), None),
    }
}

fn non_empty(text: &str) -> Option<String> {
    let t = trim_separators(text);
    (!t.is_empty()).then(|| collapse_spaces(t))
}

fn trim_separators(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '/'))
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The title without a language note (`in Russian`) and with its `(hereafter X)` taken out as
/// the short title.
fn clean_title(text: &str) -> (Option<String>, Option<String>) {
    let mut title = trim_separators(strip_see(text)).to_string();
    let mut short = None;
    if let Some((range, name)) = hereafter(&title) {
        short = non_empty(&name);
        title.replace_range(range, " ");
    }
    let kept: Vec<&str> = title
        .split(',')
        .filter(|segment| !is_language_note(segment))
        .collect();
    (non_empty(&kept.join(",")), short)
}

/// `(hereafter FPA RF)`, `(далее – АВП РФ)`: the byte range of the parenthesis and the name.
fn hereafter(title: &str) -> Option<(Range<usize>, String)> {
    let open = title.find('(')?;
    let close = open + title.get(open..)?.find(')')?;
    let inner = title.get(open + 1..close)?.trim();
    let lower = inner.to_lowercase();
    for lead in ["hereafter", "hereinafter", "далее"] {
        if lower.starts_with(lead) {
            let name = inner
                .get(lead.len()..)?
                .trim_start_matches(|c: char| c.is_whitespace() || is_dash(c) || c == ':');
            return Some((open..close + 1, name.to_string()));
        }
    }
    None
}

fn is_language_note(segment: &str) -> bool {
    let s = segment
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '.'))
        .to_lowercase();
    let mut words = s.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some("in"), Some(lang), None) => lang.ends_with("ian") || lang.ends_with("ish"),
        (Some("на"), Some(_), Some("языке")) => true,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    kind: Kind,
    text: &'a str,
    start: usize,
    end: usize,
    /// Whitespace separates this token from the one before.
    spaced: bool,
}

fn char_class(c: char) -> u8 {
    if c.is_ascii_digit() {
        2
    } else if c.is_alphabetic() {
        1
    } else {
        0
    }
}

/// Letters and ASCII digits in runs; every other non-space character alone.
fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut spaced = false;
    let mut chars = s.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let class = char_class(c);
        let mut end = start + c.len_utf8();
        if class != 0 {
            while let Some(&(j, d)) = chars.peek() {
                if char_class(d) != class {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
        }
        let kind = match class {
            2 => Kind::Num,
            1 => Kind::Word,
            _ => Kind::Punct(c),
        };
        toks.push(Tok {
            kind,
            text: s.get(start..end).unwrap_or(""),
            start,
            end,
            spaced,
        });
        spaced = false;
    }
    toks
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

fn is_punct(tok: Option<&Tok<'_>>, pred: impl Fn(char) -> bool) -> bool {
    matches!(tok, Some(Tok { kind: Kind::Punct(c), .. }) if pred(*c))
}

fn num_value(tok: Option<&Tok<'_>>) -> Option<u32> {
    match tok {
        Some(t) if t.kind == Kind::Num && t.text.len() <= 9 => t.text.parse().ok(),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Marked parts: volume, pages, archive cipher, place and year

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Volume,
    Pages,
    Fond,
    Opis,
    Papka,
    Delo,
    List,
}

/// Abbreviations that introduce a part, case-sensitive (`T.` is a volume, `t.` too, but an
/// initial is ruled out by what follows: a number). The flag says whether the full stop is
/// required, as it is for every one-letter abbreviation.
const MARKERS: &[(&str, Part, bool)] = &[
    ("vol", Part::Volume, false),
    ("Vol", Part::Volume, false),
    ("VOL", Part::Volume, false),
    ("vols", Part::Volume, false),
    ("tom", Part::Volume, false),
    ("Tom", Part::Volume, false),
    ("том", Part::Volume, false),
    ("Том", Part::Volume, false),
    ("т", Part::Volume, true),
    ("Т", Part::Volume, true),
    ("t", Part::Volume, true),
    ("T", Part::Volume, true),
    ("p", Part::Pages, true),
    ("pp", Part::Pages, true),
    ("P", Part::Pages, true),
    ("Pp", Part::Pages, true),
    ("PP", Part::Pages, true),
    ("с", Part::Pages, true),
    ("сс", Part::Pages, true),
    ("С", Part::Pages, true),
    ("s", Part::Pages, true),
    ("ss", Part::Pages, true),
    ("S", Part::Pages, true),
    ("стр", Part::Pages, true),
    ("Стр", Part::Pages, true),
    ("f", Part::Fond, true),
    ("F", Part::Fond, true),
    ("ф", Part::Fond, true),
    ("Ф", Part::Fond, true),
    ("fond", Part::Fond, false),
    ("Fond", Part::Fond, false),
    ("фонд", Part::Fond, false),
    ("Фонд", Part::Fond, false),
    ("op", Part::Opis, true),
    ("Op", Part::Opis, true),
    ("оп", Part::Opis, true),
    ("Оп", Part::Opis, true),
    ("opis", Part::Opis, false),
    ("опись", Part::Opis, false),
    ("п", Part::Papka, true),
    ("papka", Part::Papka, false),
    ("папка", Part::Papka, false),
    ("d", Part::Delo, true),
    ("D", Part::Delo, true),
    ("д", Part::Delo, true),
    ("Д", Part::Delo, true),
    ("delo", Part::Delo, false),
    ("дело", Part::Delo, false),
    ("l", Part::List, true),
    ("ll", Part::List, true),
    ("L", Part::List, true),
    ("л", Part::List, true),
    ("лл", Part::List, true),
    ("Л", Part::List, true),
    ("list", Part::List, false),
    ("лист", Part::List, false),
];

#[derive(Debug, Default)]
struct Marks {
    volume: Option<u32>,
    pages: Option<(u32, u32)>,
    year: Option<i32>,
    archive: Option<Archive>,
    /// Where the first marked part starts: the title ends there.
    first_at: Option<usize>,
}

impl Marks {
    fn seen(&mut self, at: usize) {
        self.first_at = Some(self.first_at.map_or(at, |f| f.min(at)));
    }
}

fn scan_marks(toks: &[Tok<'_>]) -> Marks {
    let mut marks = Marks::default();
    let mut archive = Archive::default();
    let mut i = 0;
    while i < toks.len() {
        if let Some((part, value_at)) = marker_at(toks, i) {
            let part = reinterpret(part, toks.get(i), &archive);
            if let Some(next) = read_part(toks, value_at, part, &mut marks, &mut archive) {
                if let Some(tok) = toks.get(i) {
                    marks.seen(tok.start);
                }
                i = next;
                continue;
            }
        }
        i += 1;
    }
    if archive != Archive::default() {
        marks.archive = Some(archive);
    }
    let (year, at) = match place_year(toks) {
        Some((year, at)) => (Some(year), Some(at)),
        None => (bare_year(toks, marks.first_at), None),
    };
    marks.year = year;
    if let Some(at) = at {
        marks.seen(at);
    }
    marks
}

/// Within an archive cipher, `p.` is the folder, not a page.
fn reinterpret(part: Part, tok: Option<&Tok<'_>>, archive: &Archive) -> Part {
    let in_cipher = (archive.fond.is_some() || archive.opis.is_some()) && archive.delo.is_none();
    match (part, tok.map(|t| t.text)) {
        (Part::Pages, Some("p" | "P")) if in_cipher => Part::Papka,
        _ => part,
    }
}

/// If a marker stands at `i`, its part and the index where its value starts.
fn marker_at(toks: &[Tok<'_>], i: usize) -> Option<(Part, usize)> {
    let tok = toks.get(i)?;
    if tok.kind != Kind::Word {
        return None;
    }
    let starts_segment = i == 0
        || tok.spaced
        || is_punct(toks.get(i - 1), |c| {
            matches!(c, ',' | ';' | ':' | '(' | '/')
        });
    if !starts_segment {
        return None;
    }
    let &(_, part, dot_required) = MARKERS.iter().find(|(m, _, _)| *m == tok.text)?;
    let dotted = matches!(toks.get(i + 1), Some(t) if t.kind == Kind::Punct('.') && !t.spaced);
    match (dotted, dot_required) {
        (true, _) => Some((part, i + 2)),
        (false, false) if toks.get(i + 1).is_some_and(|t| t.spaced) => Some((part, i + 1)),
        _ => None,
    }
}

/// Read the value of `part` at `at` into `marks`/`archive`; the index after it, or `None` when
/// no value of the right shape follows (then the marker was not one). The first of each part
/// wins: later ones belong to a further reference in the same note.
fn read_part(
    toks: &[Tok<'_>],
    at: usize,
    part: Part,
    marks: &mut Marks,
    archive: &mut Archive,
) -> Option<usize> {
    match part {
        Part::Volume => {
            let (volume, next) = read_volume(toks, at)?;
            marks.volume.get_or_insert(volume);
            Some(next)
        }
        Part::Pages => {
            let (pages, next) = read_pages(toks, at)?;
            marks.pages.get_or_insert(pages);
            Some(next)
        }
        _ => {
            let (value, next) = read_cipher(toks, at, part == Part::List)?;
            let slot = match part {
                Part::Fond => &mut archive.fond,
                Part::Opis => &mut archive.opis,
                Part::Papka => &mut archive.papka,
                Part::Delo => &mut archive.delo,
                _ => &mut archive.list,
            };
            slot.get_or_insert(value);
            Some(next)
        }
    }
}

fn read_volume(toks: &[Tok<'_>], at: usize) -> Option<(u32, usize)> {
    let tok = toks.get(at)?;
    let value = match tok.kind {
        Kind::Num => num_value(Some(tok))?,
        Kind::Word => roman(tok.text)?,
        Kind::Punct(_) => return None,
    };
    // `T. 13.06.1921` would be a date, not a volume.
    if is_punct(toks.get(at + 1), |c| c == '.') && num_value(toks.get(at + 2)).is_some() {
        return None;
    }
    Some((value, at + 1))
}

/// An arabic value from a roman numeral (`IV`, also with the Cyrillic look-alikes `І`, `Х`).
fn roman(text: &str) -> Option<u32> {
    let digits: Option<Vec<u32>> = text
        .chars()
        .map(|c| match c {
            'I' | 'І' | 'Ι' => Some(1),
            'V' => Some(5),
            'X' | 'Х' => Some(10),
            'L' => Some(50),
            'C' => Some(100),
            _ => None,
        })
        .collect();
    let digits = digits?;
    if digits.is_empty() || digits.len() > 12 {
        return None;
    }
    // A digit before a larger one is subtracted (`IV`); nonsense like `IIX` still reads as a
    // number, which is lenient enough for a volume.
    let total: i64 = digits
        .iter()
        .enumerate()
        .map(|(k, &d)| match digits.get(k + 1) {
            Some(&next) if next > d => -i64::from(d),
            _ => i64::from(d),
        })
        .sum();
    u32::try_from(total).ok().filter(|&t| t > 0)
}

fn read_pages(toks: &[Tok<'_>], at: usize) -> Option<((u32, u32), usize)> {
    let first = num_value(toks.get(at))?;
    if is_punct(toks.get(at + 1), |c| c == '.') && num_value(toks.get(at + 2)).is_some() {
        return None;
    }
    if is_punct(toks.get(at + 1), is_dash)
        && let Some(last) = num_value(toks.get(at + 2))
    {
        return Some((page_range(first, last, toks.get(at + 2)), at + 3));
    }
    Some(((first, first), at + 1))
}

/// `391-92` is 391 to 392: the second number gives the last digits only.
fn page_range(first: u32, last: u32, last_tok: Option<&Tok<'_>>) -> (u32, u32) {
    let last = if last < first {
        let width = last_tok.map_or(0, |t| t.text.len() as u32);
        let scale = 10u32.checked_pow(width).unwrap_or(1);
        (first - first % scale).saturating_add(last)
    } else {
        last
    };
    if last < first {
        (last, first)
    } else {
        (first, last)
    }
}

/// An archive value: `85`, `04`, `Р-130`, `143а`; for a list also `10-10 ob`, `83-84`.
fn read_cipher(toks: &[Tok<'_>], at: usize, is_list: bool) -> Option<(String, usize)> {
    let mut i = at;
    let mut value = String::new();
    // A letter prefix joined by a dash, as in `Р-130`.
    if let Some(t) = toks.get(i)
        && t.kind == Kind::Word
        && t.text.chars().count() <= 2
        && t.text.chars().all(char::is_uppercase)
        && is_punct(toks.get(i + 1), is_dash)
        && num_value(toks.get(i + 2)).is_some()
    {
        value.push_str(t.text);
        value.push('-');
        i += 2;
    }
    let (number, next) = read_cipher_number(toks, i)?;
    value.push_str(&number);
    i = next;
    if is_list {
        i = read_verso(toks, i, &mut value);
        if is_punct(toks.get(i), is_dash)
            && let Some((number, next)) = read_cipher_number(toks, i + 1)
        {
            value.push('-');
            value.push_str(&number);
            i = read_verso(toks, next, &mut value);
        }
    }
    Some((value, i))
}

/// The verso mark after a sheet number (`1 ob.`, `5об.`), written as ` ob`.
fn read_verso(toks: &[Tok<'_>], at: usize, value: &mut String) -> usize {
    match toks.get(at) {
        Some(t) if matches!(t.text, "ob" | "об" | "v" | "verso") => {
            value.push(' ');
            value.push_str(t.text);
            if is_punct(toks.get(at + 1), |c| c == '.') {
                at + 2
            } else {
                at + 1
            }
        }
        _ => at,
    }
}

/// A number with an optional glued one-letter suffix (`143а`).
fn read_cipher_number(toks: &[Tok<'_>], at: usize) -> Option<(String, usize)> {
    let t = toks.get(at)?;
    if t.kind != Kind::Num {
        return None;
    }
    let mut value = t.text.to_string();
    let mut next = at + 1;
    if let Some(s) = toks.get(next)
        && s.kind == Kind::Word
        && !s.spaced
        && s.text.chars().count() == 1
    {
        value.push_str(s.text);
        next += 1;
    }
    Some((value, next))
}

fn year_value(tok: Option<&Tok<'_>>) -> Option<i32> {
    let t = tok?;
    if t.kind != Kind::Num || t.text.len() != 4 {
        return None;
    }
    let year: i32 = t.text.parse().ok()?;
    (1500..=2100).contains(&year).then_some(year)
}

/// The year of publication after a place: `М., 1960`, `Moscow, 1960`, `Moscow 1960`,
/// `M. 1921`, `М.–Л., 1930`. Returns the year and where the place starts.
fn place_year(toks: &[Tok<'_>]) -> Option<(i32, usize)> {
    (0..toks.len()).find_map(|i| {
        let year = year_value(toks.get(i))?;
        // `1921–1922` is a span of years in a title, `13.06.1921` a date.
        if is_part_of_date(toks, i) || is_punct(toks.get(i + 1), is_dash) {
            return None;
        }
        let place = place_before(toks, i)?;
        Some((year, toks.get(place)?.start))
    })
}

/// A year inside `13.06.1921` or followed by `.06`, which is no year of publication.
fn is_part_of_date(toks: &[Tok<'_>], i: usize) -> bool {
    let glued_dot =
        |k: usize| matches!(toks.get(k), Some(t) if t.kind == Kind::Punct('.') && !t.spaced);
    let before = i >= 2 && glued_dot(i - 1) && toks.get(i).is_some_and(|t| !t.spaced);
    let after = glued_dot(i + 1)
        && toks
            .get(i + 2)
            .is_some_and(|t| t.kind == Kind::Num && !t.spaced);
    before || after
}

/// The index of the place word before the year at `year_at`, if one stands there.
fn place_before(toks: &[Tok<'_>], year_at: usize) -> Option<usize> {
    let mut k = year_at.checked_sub(1)?;
    if is_punct(toks.get(k), |c| c == ',') {
        k = k.checked_sub(1)?;
    }
    if is_punct(toks.get(k), |c| c == '.') {
        k = k.checked_sub(1)?;
    }
    let is_place_word = |t: Option<&Tok<'_>>| {
        t.is_some_and(|t| {
            t.kind == Kind::Word
                && t.text.chars().next().is_some_and(char::is_uppercase)
                && month_number(t.text).is_none()
        })
    };
    if !is_place_word(toks.get(k)) {
        return None;
    }
    // `М.–Л.` names two places.
    while k >= 3
        && is_punct(toks.get(k - 1), is_dash)
        && is_punct(toks.get(k - 2), |c| c == '.')
        && is_place_word(toks.get(k - 3))
    {
        k -= 3;
    }
    let opens_segment = k == 0
        || (toks.get(k).is_some_and(|t| t.spaced)
            && is_punct(toks.get(k - 1), |c| {
                matches!(c, '.' | ',' | ';' | ':' | ')' | '"' | '»' | '”' | '/')
            }))
        || is_punct(toks.get(k - 1), |c| matches!(c, '(' | '/'));
    opens_segment.then_some(k)
}

/// Without a place, a year standing alone between commas after the title (`т. IV, 1960,
/// с. 292`).
fn bare_year(toks: &[Tok<'_>], after: Option<usize>) -> Option<i32> {
    let after = after?;
    (1..toks.len()).find_map(|i| {
        let tok = toks.get(i)?;
        if tok.start < after || is_part_of_date(toks, i) {
            return None;
        }
        let year = year_value(Some(tok))?;
        let ends = toks.get(i + 1).is_none()
            || is_punct(toks.get(i + 1), |c| matches!(c, ',' | '.' | ';'));
        (is_punct(toks.get(i - 1), |c| c == ',') && ends).then_some(year)
    })
}

// ---------------------------------------------------------------------------------------------
// Document dates

#[derive(Clone, Debug, PartialEq, Eq)]
struct DateFound {
    bytes: Range<usize>,
    day: Option<u32>,
    month: Option<u32>,
    year: i32,
}

/// Month names in English (full and abbreviated) and Russian (nominative and genitive).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("январь", 1),
    ("января", 1),
    ("february", 2),
    ("feb", 2),
    ("февраль", 2),
    ("февраля", 2),
    ("march", 3),
    ("mar", 3),
    ("март", 3),
    ("марта", 3),
    ("april", 4),
    ("apr", 4),
    ("апрель", 4),
    ("апреля", 4),
    ("may", 5),
    ("май", 5),
    ("мая", 5),
    ("june", 6),
    ("jun", 6),
    ("июнь", 6),
    ("июня", 6),
    ("july", 7),
    ("jul", 7),
    ("июль", 7),
    ("июля", 7),
    ("august", 8),
    ("aug", 8),
    ("август", 8),
    ("августа", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("сентябрь", 9),
    ("сентября", 9),
    ("october", 10),
    ("oct", 10),
    ("октябрь", 10),
    ("октября", 10),
    ("november", 11),
    ("nov", 11),
    ("ноябрь", 11),
    ("ноября", 11),
    ("december", 12),
    ("dec", 12),
    ("декабрь", 12),
    ("декабря", 12),
];

fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == lower).map(|&(_, n)| n)
}

fn month_at(toks: &[Tok<'_>], i: usize) -> Option<u32> {
    toks.get(i)
        .filter(|t| t.kind == Kind::Word)
        .and_then(|t| month_number(t.text))
}

fn day_value(tok: Option<&Tok<'_>>) -> Option<u32> {
    let t = tok?;
    if t.text.len() > 2 {
        return None;
    }
    num_value(Some(t)).filter(|d| (1..=31).contains(d))
}

fn dates(text: &str) -> Vec<DateFound> {
    let toks = tokenize(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match date_at(&toks, i) {
            Some((date, next)) => {
                found.push(date);
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

fn first_date(text: &str) -> Option<DateFound> {
    dates(text).into_iter().next()
}

fn last_date(text: &str) -> Option<DateFound> {
    dates(text).pop()
}

/// A date starting at token `i`: `13.06.1921`, `7 December 1920`, `7 декабря 1920 г.`,
/// `December 7, 1920`, `December 1920`, `Август, 1921`.
fn date_at(toks: &[Tok<'_>], i: usize) -> Option<(DateFound, usize)> {
    let (mut date, mut next) = bare_date_at(toks, i)?;
    // `1920 г.`, `1920 года`
    if let Some(t) = toks.get(next)
        && matches!(t.text, "г" | "года" | "гг")
    {
        date.bytes.end = t.end;
        next += 1;
        if let Some(dot) = toks
            .get(next)
            .filter(|d| d.kind == Kind::Punct('.') && !d.spaced)
        {
            date.bytes.end = dot.end;
            next += 1;
        }
    }
    Some((date, next))
}

fn bare_date_at(toks: &[Tok<'_>], i: usize) -> Option<(DateFound, usize)> {
    let start = toks.get(i)?.start;
    let span = |last: usize| start..toks.get(last).map_or(start, |t| t.end);
    let glued =
        |k: usize, c: char| matches!(toks.get(k), Some(t) if t.kind == Kind::Punct(c) && !t.spaced);
    let comma = |k: usize| usize::from(is_punct(toks.get(k), |c| c == ','));

    // 13.06.1921
    if let Some(day) = day_value(toks.get(i))
        && glued(i + 1, '.')
        && let Some(month) = num_value(toks.get(i + 2)).filter(|m| (1..=12).contains(m))
        && glued(i + 3, '.')
        && let Some(year) =
            year_value(toks.get(i + 4)).filter(|_| toks.get(i + 4).is_some_and(|t| !t.spaced))
    {
        return Some((
            DateFound {
                bytes: span(i + 4),
                day: Some(day),
                month: Some(month),
                year,
            },
            i + 5,
        ));
    }
    // 7 December 1920
    if let Some(day) = day_value(toks.get(i))
        && let Some(month) = month_at(toks, i + 1)
    {
        let y = i + 2 + comma(i + 2);
        if let Some(year) = year_value(toks.get(y)) {
            return Some((
                DateFound {
                    bytes: span(y),
                    day: Some(day),
                    month: Some(month),
                    year,
                },
                y + 1,
            ));
        }
    }
    if let Some(month) = month_at(toks, i) {
        let mut k = i + 1;
        if glued(k, '.') {
            k += 1;
        }
        // December 7, 1920
        if let Some(day) = day_value(toks.get(k)) {
            let y = k + 1 + comma(k + 1);
            if let Some(year) = year_value(toks.get(y)) {
                return Some((
                    DateFound {
                        bytes: span(y),
                        day: Some(day),
                        month: Some(month),
                        year,
                    },
                    y + 1,
                ));
            }
        }
        // December 1920, Август, 1921
        let y = k + comma(k);
        if let Some(year) = year_value(toks.get(y)) {
            return Some((
                DateFound {
                    bytes: span(y),
                    day: None,
                    month: Some(month),
                    year,
                },
                y + 1,
            ));
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Comparing references

/// Well-known collections, archives and books under the names the corpus and claims give
/// them: Russian, English translations, transliterations and abbreviations. Names are matched
/// after folding, as a run of whole words inside a title, so `Коллекция документов РГАСПИ`
/// finds `РГАСПИ`.
const WORKS: &[&[&str]] = &[
    &[
        "Документы внешней политики СССР",
        "ДВП СССР",
        "ДВП",
        "Documents of the USSR Foreign Policy",
        "Documents of USSR Foreign Policy",
        "Documents on the Foreign Policy of the USSR",
        "Documents of Soviet Foreign Policy",
        "Dokumenty vneshnei politiki SSSR",
        "Dokumenty vneshney politiki SSSR",
        "DVP SSSR",
    ],
    &[
        "РГАСПИ",
        "Российский государственный архив социально-политической истории",
        "RGASPI",
        "RSASPH",
        "Russian State Archive of Social-Political History",
        "Russian State Archive of Socio-Political History",
        "Russian State Archive of Social and Political History",
    ],
    &[
        "АВП РФ",
        "Архив внешней политики Российской Федерации",
        "AVP RF",
        "FPA RF",
        "AFP RF",
        "Foreign Policy Archive of the Russian Federation",
        "Archive of Foreign Policy of the Russian Federation",
        "Archive of the Foreign Policy of the Russian Federation",
    ],
    &[
        "ГААР",
        "Государственный архив Азербайджанской Республики",
        "GAAR",
        "SAAR",
        "State Archive of the Azerbaijan Republic",
        "State Archive of the Republic of Azerbaijan",
        "State Archives of the Republic of Azerbaijan",
    ],
    &[
        "АПД УДП АР",
        "Архив политических документов Управления делами Президента Азербайджанской Республики",
        "APD UDP AR",
        "Archive of Political Documents of the Office of the President of the Republic of Azerbaijan",
        "Archive of Political Documents of the Presidential Administration of Azerbaijan",
    ],
    &[
        "National Archives and Records Administration",
        "NARA",
        "Национальное управление архивов и документации США",
    ],
    &["Дипломатический словарь", "Diplomatic dictionary"],
    &[
        "История дипломатии",
        "History of diplomacy",
        "History diplomacy",
    ],
    &[
        "Советская дипломатия и народы Востока",
        "Soviet diplomacy and the peoples of the East",
    ],
    &[
        "Установление советско-турецких отношений",
        "The establishment of the Soviet-Turkish relations",
        "The establishment of Soviet-Turkish relations",
    ],
    &[
        "Статьи и речи по вопросам международной политики",
        "Articles and speeches on international politics",
        "Articles and speeches on international cooperation",
    ],
    &[
        "История Турции. XX век",
        "History of Turkey: XX century",
        "History of Turkey. XX century",
    ],
    &[
        "Системная история международных отношений",
        "System history of international relations",
        "Systemic history of international relations",
    ],
    &[
        "Воспоминания советского дипломата",
        "Memories of a Soviet diplomat",
        "Memoirs of a Soviet diplomat",
    ],
    &[
        "История международных отношений и внешней политики СССР",
        "History of international relations and foreign policy of the USSR",
    ],
];

/// A title reduced to comparable words: transliterated to Latin, lowercased, punctuation and
/// apostrophes (soft signs) dropped, common transliteration variants (`ya`/`ia`) unified, and
/// a leading `the`/`see`/`см` dropped.
fn fold(text: &str) -> Vec<String> {
    let latin = deunicode::deunicode(text).to_lowercase();
    let spaced: String = latin
        .chars()
        .filter(|c| !matches!(c, '\'' | '`'))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<String> = spaced
        .split_whitespace()
        .map(|w| {
            w.replace("ya", "ia")
                .replace("yu", "iu")
                .replace("yo", "io")
                .replace("iy", "ii")
                .replace("yi", "ii")
        })
        .collect();
    let skip = words
        .iter()
        .take_while(|w| matches!(w.as_str(), "the" | "see" | "sm" | "also" | "cf"))
        .count();
    words.into_iter().skip(skip).collect()
}

fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The rows of [`WORKS`] a title names.
fn works_named(title: &[String]) -> Vec<usize> {
    WORKS
        .iter()
        .enumerate()
        .filter(|(_, names)| names.iter().any(|n| contains_run(title, &fold(n))))
        .map(|(row, _)| row)
        .collect()
}

/// Whether two folded names are spellings of one: equal, nearly equal (a transliteration
/// variant or a typo), or one a run of at least two whole words of the other (a short title
/// like `Chicherin GV` against the full one).
fn names_agree(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 2 && long.starts_with(short) || short.len() >= 3 && contains_run(long, short)
    {
        return true;
    }
    strsim::normalized_levenshtein(&a.join(" "), &b.join(" ")) >= 0.85
}

fn titles(r: &Reference) -> Vec<Vec<String>> {
    [&r.title, &r.short_title]
        .into_iter()
        .flatten()
        .map(|t| fold(t))
        .filter(|t| !t.is_empty())
        .collect()
}

/// `Some(true)` when the titles name one work, `Some(false)` when they name different works of
/// the table, `None` when they cannot be told apart as such.
fn titles_match(claimed: &Reference, found: &Reference) -> Option<bool> {
    let (a, b) = (titles(claimed), titles(found));
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let works = |ts: &[Vec<String>]| {
        let mut rows: Vec<usize> = ts.iter().flat_map(|t| works_named(t)).collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    };
    let (wa, wb) = (works(&a), works(&b));
    if !wa.is_empty() && !wb.is_empty() {
        return Some(wa.iter().any(|w| wb.contains(w)));
    }
    Some(a.iter().any(|x| b.iter().any(|y| names_agree(x, y))))
}

/// A leading-zero-free, lowercased archive value (`04` and `4` agree).
fn cipher_key(value: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    let mut zeros = 0usize;
    for c in value.chars() {
        if c.is_ascii_digit() {
            if !in_number && c == '0' {
                zeros += 1;
                continue;
            }
            in_number = true;
            out.push(c);
        } else {
            if zeros > 0 && !in_number {
                out.push('0');
            }
            in_number = false;
            zeros = 0;
            if !c.is_whitespace() && c != '.' {
                out.extend(c.to_lowercase());
            }
        }
        if in_number {
            zeros = 0;
        }
    }
    if zeros > 0 && !in_number {
        out.push('0');
    }
    out
}

/// Both give the same archive file: fond and delo, and opis where both give it.
fn same_file(claimed: &Reference, found: &Reference) -> bool {
    let (Some(a), Some(b)) = (&claimed.archive, &found.archive) else {
        return false;
    };
    let agree = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => Some(cipher_key(x) == cipher_key(y)),
        _ => None,
    };
    agree(&a.fond, &b.fond) == Some(true)
        && agree(&a.delo, &b.delo) == Some(true)
        && agree(&a.opis, &b.opis) != Some(false)
}

fn documents_match(claimed: &Reference, found: &Reference) -> bool {
    match (&claimed.document, &found.document) {
        (Some(a), Some(b)) => {
            let (a, b) = (fold(a), fold(b));
            a.len() >= 2
                && b.len() >= 2
                && strsim::normalized_levenshtein(&a.join(" "), &b.join(" ")) >= 0.85
        }
        _ => false,
    }
}

fn same_work(claimed: &Reference, found: &Reference) -> bool {
    same_file(claimed, found)
        || titles_match(claimed, found) == Some(true)
        || documents_match(claimed, found)
}

fn part_differences(claimed: &Reference, found: &Reference) -> Vec<String> {
    let mut diffs = Vec::new();
    if let (Some(a), Some(b)) = (claimed.volume, found.volume)
        && a != b
    {
        diffs.push(format!("volume {a} ≠ {b}"));
    }
    if let (Some(a), Some(b)) = (claimed.pages, found.pages)
        && !overlap(a, b)
    {
        diffs.push(format!("pages {} ≠ {}", show_pages(a), show_pages(b)));
    }
    if let (Some(a), Some(b)) = (claimed.year, found.year)
        && a != b
    {
        diffs.push(format!("year {a} ≠ {b}"));
    }
    if let (Some(a), Some(b)) = (&claimed.date, &found.date)
        && let (Some(x), Some(y)) = (first_date(a), first_date(b))
        && !dates_agree(&x, &y)
    {
        diffs.push(format!("date {a} ≠ {b}"));
    }
    if let (Some(a), Some(b)) = (&claimed.archive, &found.archive) {
        archive_differences(a, b, &mut diffs);
    }
    diffs
}

fn archive_differences(a: &Archive, b: &Archive, diffs: &mut Vec<String>) {
    let fields = [
        ("fond", &a.fond, &b.fond),
        ("opis", &a.opis, &b.opis),
        ("papka", &a.papka, &b.papka),
        ("delo", &a.delo, &b.delo),
    ];
    for (name, x, y) in fields {
        if let (Some(x), Some(y)) = (x, y)
            && cipher_key(x) != cipher_key(y)
        {
            diffs.push(format!("{name} {x} ≠ {y}"));
        }
    }
    if let (Some(x), Some(y)) = (&a.list, &b.list)
        && !lists_agree(x, y)
    {
        diffs.push(format!("list {x} ≠ {y}"));
    }
}

/// Sheets agree when their numeric ranges overlap (`l. 83-84` and `l. 84`); the verso mark is
/// not held against a reference that leaves it out.
fn lists_agree(a: &str, b: &str) -> bool {
    match (sheet_range(a), sheet_range(b)) {
        (Some(x), Some(y)) => overlap(x, y),
        _ => cipher_key(a) == cipher_key(b),
    }
}

fn sheet_range(value: &str) -> Option<(u32, u32)> {
    let mut numbers = value
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<u32>().ok());
    let first = numbers.next()??;
    let last = numbers.next().flatten().unwrap_or(first);
    Some((first.min(last), first.max(last)))
}

fn overlap(a: (u32, u32), b: (u32, u32)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

fn show_pages((first, last): (u32, u32)) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

fn dates_agree(a: &DateFound, b: &DateFound) -> bool {
    let field = |x: Option<u32>, y: Option<u32>| x.zip(y).is_none_or(|(x, y)| x == y);
    a.year == b.year && field(a.month, b.month) && field(a.day, b.day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The parts found, `name=value` joined by ` | `, in a fixed order.
    fn summary(r: &Reference) -> String {
        let mut parts = Vec::new();
        let mut put = |name: &str, value: Option<String>| {
            if let Some(v) = value {
                parts.push(format!("{name}={v}"));
            }
        };
        put("doc", r.document.clone());
        put("date", r.date.clone());
        put("title", r.title.clone());
        put("short", r.short_title.clone());
        put("vol", r.volume.map(|v| v.to_string()));
        put("pages", r.pages.map(|(a, b)| format!("{a}-{b}")));
        put("year", r.year.map(|y| y.to_string()));
        if let Some(a) = &r.archive {
            put("f", a.fond.clone());
            put("op", a.opis.clone());
            put("p", a.papka.clone());
            put("d", a.delo.clone());
            put("l", a.list.clone());
        }
        parts.join(" | ")
    }

    fn check(input: &str, expect: &str) {
        let r = parse(input);
        assert_eq!(r.raw, input);
        assert_eq!(summary(&r), expect, "input: {input}");
    }

    #[test]
    fn parse_forms() {
        let cases: &[(&str, &str)] = &[
            // Inline references of 000: document. date // collection. details
            (
                "Нота НКИД РСФСР Послу Турции в Москве Али Фуат-бею. 13.06.1921 // Документы внешней политики СССР. Т. IV, М., 1960, С.176-177",
                "doc=Нота НКИД РСФСР Послу Турции в Москве Али Фуат-бею | date=13.06.1921 | title=Документы внешней политики СССР | vol=4 | pages=176-177 | year=1960",
            ),
            (
                "Нота Народного Комиссара Иностранных Дел Армянской ССР  Комиссару по Иностранным Делам Правительства ВНСТ Юсуфу Кемаль-бею.  24.08.1921 //Документы внешней политики СССР. М., 1960. Т. IV. С. 292",
                "doc=Нота Народного Комиссара Иностранных Дел Армянской ССР Комиссару по Иностранным Делам Правительства ВНСТ Юсуфу Кемаль-бею | date=24.08.1921 | title=Документы внешней политики СССР | vol=4 | pages=292-292 | year=1960",
            ),
            (
                "Протокол №15 заседания Бюро ЦК АКП(б). 26.07.1921 // Коллекция документов АПД УДП АР",
                "doc=Протокол №15 заседания Бюро ЦК АКП(б) | date=26.07.1921 | title=Коллекция документов АПД УДП АР",
            ),
            (
                "Разговор по прямому проводу М.Д.Гусейнова с И.Абиловым. Август, 1921 // Коллекция документов АПД УДП АР",
                "doc=Разговор по прямому проводу М.Д.Гусейнова с И.Абиловым | date=Август, 1921 | title=Коллекция документов АПД УДП АР",
            ),
            (
                "(Письмо ЦК АКП(б) в Кавбюро ЦК РКП(б). Август,1921 // Коллекция документов РГАСПИ)",
                "doc=Письмо ЦК АКП(б) в Кавбюро ЦК РКП(б) | date=Август,1921 | title=Коллекция документов РГАСПИ",
            ),
            (
                "Письмо Б.Леграна  Г.Орджоникидзе. 29.06.1921// Коллекция документов РГАСПИ",
                "doc=Письмо Б.Леграна Г.Орджоникидзе | date=29.06.1921 | title=Коллекция документов РГАСПИ",
            ),
            (
                "Ali Fuat Cebesoy. Moskova Hatıraları. Milli Mücadele ve Bolşevik Rusya. İstanbul, 2002, S.259-260",
                "title=Ali Fuat Cebesoy. Moskova Hatıraları. Milli Mücadele ve Bolşevik Rusya | pages=259-260 | year=2002",
            ),
            (
                "The Pan-Turanian Idea // National Archives and Records Administration  USA, CIA-RDP 83, P. 97",
                "doc=The Pan-Turanian Idea | title=National Archives and Records Administration USA, CIA-RDP 83 | pages=97-97",
            ),
            (
                "См.: The Boundary  Between Turkey and the USSR. CIA/RR M-17. Secret. January 1952. // National  Archives and Records Administration USA, CIA-RDP 79, P.8",
                "doc=The Boundary Between Turkey and the USSR. CIA/RR M-17. Secret | date=January 1952 | title=National Archives and Records Administration USA, CIA-RDP 79 | pages=8-8",
            ),
            (
                "См:Worldwide Report Terrorism. FOUO 3/82. For Official Use  Only. 21.06.1982 // National Archives and Records Administration USA, CIA-RDP 82,  P. 23",
                "doc=Worldwide Report Terrorism. FOUO 3/82. For Official Use Only | date=21.06.1982 | title=National Archives and Records Administration USA, CIA-RDP 82 | pages=23-23",
            ),
            (
                "[3] (Нота НКИД. 13.06.1921 // ДВП СССР. Т. IV, М., 1960, С.176-177).",
                "doc=Нота НКИД | date=13.06.1921 | title=ДВП СССР | vol=4 | pages=176-177 | year=1960",
            ),
            // English endnotes of 002: document, date, archive, cipher
            (
                "[1] Letter of the Peoples Commissariat of International Affairs to the Central Committee of the RKP(b), 6 December 1920, Foreign Policy Archive of the Russian Federation (hereafter FPA RF), f. 04, op. 39, p. 232, d. 53001, l. 9. ",
                "doc=Letter of the Peoples Commissariat of International Affairs to the Central Committee of the RKP(b) | date=6 December 1920 | title=Foreign Policy Archive of the Russian Federation | short=FPA RF | f=04 | op=39 | p=232 | d=53001 | l=9",
            ),
            (
                "Telegram of B. Shakhtakhtinsksy to M.D. Huseynov, 7 December 1920, Russian State Archive of Social-Political History (hereafter RSASPH), f. 85, op. 13, d. 143, l. 1.",
                "doc=Telegram of B. Shakhtakhtinsksy to M.D. Huseynov | date=7 December 1920 | title=Russian State Archive of Social-Political History | short=RSASPH | f=85 | op=13 | d=143 | l=1",
            ),
            (
                "Letter of Ahmet Mukhtar-bey to G. Chicherin, 6 December 1920, FPA RF, f. 04, op. 39, p. 232, d. 52987, l. 62.",
                "doc=Letter of Ahmet Mukhtar-bey to G. Chicherin | date=6 December 1920 | title=FPA RF | f=04 | op=39 | p=232 | d=52987 | l=62",
            ),
            (
                "See the telegram of G. Chicherin to P. Mdivani and K. Karabekir-pasha, 9 December 1920, RSASPH, f. 85, op. 14, d. 52, l. 10-10 ob. ",
                "doc=the telegram of G. Chicherin to P. Mdivani and K. Karabekir-pasha | date=9 December 1920 | title=RSASPH | f=85 | op=14 | d=52 | l=10-10 ob",
            ),
            (
                "Letter of G. Chicherin to Ahmet Mukhtar-bey, December 1920, FPA RF, f. 04, op. 39, p. 232, d. 52987, l. 83-84. ",
                "doc=Letter of G. Chicherin to Ahmet Mukhtar-bey | date=December 1920 | title=FPA RF | f=04 | op=39 | p=232 | d=52987 | l=83-84",
            ),
            (
                "Telegram of P. Mdivani to I. Stalin and G. Ordzhonikidze, Copy to B. Legran, 5 December 1920, RSASPH, f. 85. op. 14, d. 50, l. 6.",
                "doc=Telegram of P. Mdivani to I. Stalin and G. Ordzhonikidze, Copy to B. Legran | date=5 December 1920 | title=RSASPH | f=85 | op=14 | d=50 | l=6",
            ),
            (
                "See the letter of B. Legran to G. Chicherin, 22 December 1920, RSASPH, f. 05, op. 01, d. 2127, l. 05.",
                "doc=the letter of B. Legran to G. Chicherin | date=22 December 1920 | title=RSASPH | f=05 | op=01 | d=2127 | l=05",
            ),
            // Two references in one note: the first is read
            (
                "Draft of an agreement between Azerbaijan and Turkey, 7 December 1920, FPA RF, f. 04, op. 39, p. 232, d. 53001, l. 78; RSASPH, f. 85, op. 13, d. 143, l. 1 ob. ",
                "doc=Draft of an agreement between Azerbaijan and Turkey | date=7 December 1920 | title=FPA RF | f=04 | op=39 | p=232 | d=53001 | l=78",
            ),
            // Bibliographic endnotes of 002 and 003
            (
                "[7] See The Documents of the USSR Foreign Policy, in Russian, vol. III, Moscow, 1960, pp. 391-392. ",
                "title=The Documents of the USSR Foreign Policy | vol=3 | pages=391-392 | year=1960",
            ),
            (
                "A. Kheyfets Soviet diplomacy and the peoples of the East (1921 – 1927). M., 1968, p. 83.",
                "title=A. Kheyfets Soviet diplomacy and the peoples of the East (1921 – 1927) | pages=83-83 | year=1968",
            ),
            (
                "Diplomatic dictionary. T. III. M., 1986, p. 312 – 313. See: S.I. Kuznetsova. The establishment of the Soviet-Turkish relations. M., 1961.",
                "title=Diplomatic dictionary | vol=3 | pages=312-313 | year=1986",
            ),
            (
                "Documents of the USSR foreign policy. T. III, M., 1959, p. 597.",
                "title=Documents of the USSR foreign policy | vol=3 | pages=597-597 | year=1959",
            ),
            (
                "Documents of the USSR foreign policy. T. IV. M., 1960, p. 11.",
                "title=Documents of the USSR foreign policy | vol=4 | pages=11-11 | year=1960",
            ),
            (
                "A. Kheyfets Soviet diplomacy and ..., p. 115 – 116.",
                "title=A. Kheyfets Soviet diplomacy and | pages=115-116",
            ),
            (
                "Chicherin GV, p. 197; Kireev N.G. History of Turkey: XX century. M., 2007, p. 142 – 143.",
                "title=Chicherin GV | pages=197-197",
            ),
            (
                "System history of international relations. T. 1. M., 2007, p. 121.",
                "title=System history of international relations | vol=1 | pages=121-121 | year=2007",
            ),
            // Claim-file forms
            (
                "Документы внешней политики СССР, т. IV, с. 176-177",
                "title=Документы внешней политики СССР | vol=4 | pages=176-177",
            ),
            (
                "Documents of the USSR Foreign Policy, vol. IV, Moscow 1960, p. 11",
                "title=Documents of the USSR Foreign Policy | vol=4 | pages=11-11 | year=1960",
            ),
            (
                "Documents of the USSR Foreign Policy, vol. IV, pp. 391-392",
                "title=Documents of the USSR Foreign Policy | vol=4 | pages=391-392",
            ),
            (
                "Dokumenty vneshnei politiki SSSR, t. 4, s. 176",
                "title=Dokumenty vneshnei politiki SSSR | vol=4 | pages=176-176",
            ),
            (
                "Telegram of B. Shakhtakhtinsky to M.D. Huseynov, 7 December 1920, RSASPH, f. 85, op. 13, d. 143, l. 1",
                "doc=Telegram of B. Shakhtakhtinsky to M.D. Huseynov | date=7 December 1920 | title=RSASPH | f=85 | op=13 | d=143 | l=1",
            ),
            (
                "f. 04, op. 39, d. 53001, l. 9",
                "f=04 | op=39 | d=53001 | l=9",
            ),
            ("ф. 85, оп. 13, д. 143, л. 1", "f=85 | op=13 | d=143 | l=1"),
            (
                "ДВП СССР, т. IV, с. 292",
                "title=ДВП СССР | vol=4 | pages=292-292",
            ),
            // Variants: spaces, dashes, abbreviations, short page ranges, Russian dates
            (
                "Документы\u{a0}внешней политики СССР,\u{2003}т.\u{a0}IV, с.\u{a0}176–177",
                "title=Документы внешней политики СССР | vol=4 | pages=176-177",
            ),
            (
                "Dokumenty vneshnei politiki SSSR, Vol. 2, pp. 391-92",
                "title=Dokumenty vneshnei politiki SSSR | vol=2 | pages=391-392",
            ),
            (
                "Документы внешней политики СССР, tom 4, 1960, стр. 15",
                "title=Документы внешней политики СССР | vol=4 | pages=15-15 | year=1960",
            ),
            (
                "Sovetsko-turetskie otnosheniia. М.–Л., 1930, с. 176—177",
                "title=Sovetsko-turetskie otnosheniia | pages=176-177 | year=1930",
            ),
            (
                "Письмо Чичерина Сталину, 7 декабря 1920 г., РГАСПИ, ф. Р-130, оп. 2, д. 5а, лл. 5об.-6",
                "doc=Письмо Чичерина Сталину | date=7 декабря 1920 г | title=РГАСПИ | f=Р-130 | op=2 | d=5а | l=5 об-6",
            ),
            (
                "Letter of Chicherin, December 7, 1920, AVP RF, f. 04, op. 39, p. 232, d. 53001, ll. 83–84",
                "doc=Letter of Chicherin | date=December 7, 1920 | title=AVP RF | f=04 | op=39 | p=232 | d=53001 | l=83-84",
            ),
            (
                "Rusya, 1921–1922. İstanbul 1990",
                "title=Rusya, 1921–1922 | year=1990",
            ),
            // Not references: everything is title, nothing is invented
            (
                "In Soviet times, Alexandropol was called Leninakan, now Gyumri.",
                "title=In Soviet times, Alexandropol was called Leninakan, now Gyumri",
            ),
            (
                "S.I. Kuznetsova, T. Smith",
                "title=S.I. Kuznetsova, T. Smith",
            ),
            ("Т. IV", "vol=4"),
            ("", ""),
            ("  \t ", ""),
        ];
        for (input, expect) in cases {
            check(input, expect);
        }
    }

    #[test]
    fn parse_all_splits_notes() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Chicherin GV, p. 197; Kireev N.G. History of Turkey: XX century. M., 2007, p. 142 – 143. See also: Frunze M.V. Report on the trip to Angora. Collected cit. in xnumx's tt. T. 3. M. —L., 1.",
                &[
                    "title=Chicherin GV | pages=197-197",
                    "title=Kireev N.G. History of Turkey: XX century | pages=142-143 | year=2007",
                    "title=Frunze M.V. Report on the trip to Angora. Collected cit. in xnumx's tt | vol=3",
                ],
            ),
            (
                "Draft of an agreement, 7 December 1920, FPA RF, f. 04, op. 39, p. 232, d. 53001, l. 78; RSASPH, f. 85, op. 13, d. 143, l. 1 ob.",
                &[
                    "doc=Draft of an agreement | date=7 December 1920 | title=FPA RF | f=04 | op=39 | p=232 | d=53001 | l=78",
                    "title=RSASPH | f=85 | op=13 | d=143 | l=1 ob",
                ],
            ),
            (
                "Diplomatic dictionary. T. III. M., 1986, p. 312 – 313. See: S.I. Kuznetsova. The establishment of the Soviet-Turkish relations. M., 1961.",
                &[
                    "title=Diplomatic dictionary | vol=3 | pages=312-313 | year=1986",
                    "title=S.I. Kuznetsova. The establishment of the Soviet-Turkish relations | year=1961",
                ],
            ),
            // A `;` inside a title without locators of its own stays with it.
            (
                "Turkey; the treaty. T. 2, p. 5",
                &["title=Turkey; the treaty | vol=2 | pages=5-5"],
            ),
            ("", &[]),
        ];
        for (input, expect) in cases {
            let got: Vec<String> = parse_all(input).iter().map(summary).collect();
            assert_eq!(got, *expect, "input: {input}");
        }
    }

    fn check_compare(claimed: &str, found: &str, expect: CiteMatch) {
        assert_eq!(
            compare(&parse(claimed), &parse(found)),
            expect,
            "{claimed} vs {found}"
        );
    }

    fn differs(parts: &[&str]) -> CiteMatch {
        CiteMatch::Differs(parts.iter().map(|p| p.to_string()).collect())
    }

    const NOTE_176: &str = "Нота НКИД РСФСР Послу Турции в Москве Али Фуат-бею. 13.06.1921 // Документы внешней политики СССР. Т. IV, М., 1960, С.176-177";
    const NOTE_3: &str = "Telegram of B. Shakhtakhtinsksy to M.D. Huseynov, 7 December 1920, Russian State Archive of Social-Political History (hereafter RSASPH), f. 85, op. 13, d. 143, l. 1.";

    #[test]
    fn compare_forms() {
        use CiteMatch::{Same, Unrelated};
        let cases: &[(&str, &str, CiteMatch)] = &[
            // Same title, same parts
            (
                "Документы внешней политики СССР, т. IV, с. 176-177",
                NOTE_176,
                Same,
            ),
            // Abbreviation of the same collection
            ("ДВП СССР, т. IV, с. 176", NOTE_176, Same),
            // Transliterated title
            (
                "Dokumenty vneshnei politiki SSSR, t. 4, s. 176",
                NOTE_176,
                Same,
            ),
            // Translated title
            (
                "Documents of the USSR Foreign Policy, vol. IV, pp. 176-177",
                NOTE_176,
                Same,
            ),
            (
                "Documents of the USSR Foreign Policy, vol. IV, Moscow 1960, p. 11",
                "Documents of the USSR foreign policy. T. IV. M., 1960, p. 11.",
                Same,
            ),
            // Differs on a part
            (
                "Документы внешней политики СССР, т. IV, с. 292",
                NOTE_176,
                differs(&["pages 292 ≠ 176–177"]),
            ),
            (
                "Documents of the USSR Foreign Policy, vol. IV, pp. 391-392",
                "[7] See The Documents of the USSR Foreign Policy, in Russian, vol. III, Moscow, 1960, pp. 391-392.",
                differs(&["volume 4 ≠ 3"]),
            ),
            (
                "Documents of the USSR Foreign Policy, vol. III, Moscow, 1960, p. 597",
                "Documents of the USSR foreign policy. T. III, M., 1959, p. 597.",
                differs(&["year 1960 ≠ 1959"]),
            ),
            // Archive: abbreviation against full name, and cipher alone
            (
                "Telegram of B. Shakhtakhtinsky to M.D. Huseynov, 7 December 1920, RSASPH, f. 85, op. 13, d. 143, l. 1",
                NOTE_3,
                Same,
            ),
            ("ф. 85, оп. 13, д. 143, л. 1", NOTE_3, Same),
            (
                "f. 4, op. 39, d. 53001, l. 9",
                "Letter, 6 December 1920, FPA RF, f. 04, op. 39, p. 232, d. 53001, l. 9.",
                Same,
            ),
            (
                "РГАСПИ, ф. 85, оп. 13, д. 143, л. 5",
                NOTE_3,
                differs(&["list 5 ≠ 1"]),
            ),
            (
                "RSASPH, f. 85, op. 13, d. 143, l. 1",
                "RSASPH, f. 85, op. 14, d. 52, l. 10-10 ob.",
                differs(&["opis 13 ≠ 14", "delo 143 ≠ 52", "list 1 ≠ 10-10 ob"]),
            ),
            (
                "АВП РФ, ф. 04, оп. 39, д. 52987, л. 84",
                "Letter, December 1920, FPA RF, f. 04, op. 39, p. 232, d. 52987, l. 83-84.",
                Same,
            ),
            // Document date disagrees
            (
                "Telegram of B. Shakhtakhtinsky to M.D. Huseynov, 8 December 1920, RSASPH, f. 85, op. 13, d. 143, l. 1",
                NOTE_3,
                differs(&["date 8 December 1920 ≠ 7 December 1920"]),
            ),
            // Title only
            ("Документы внешней политики СССР", NOTE_176, Same),
            (
                "Коллекция документов ГААР",
                "Телеграмма М.Д.Гусейнова Г.Чичерину. 05.07.1921 // Коллекция документов ГААР",
                Same,
            ),
            // Short title against the full one
            (
                "Chicherin GV, p. 197",
                "Chicherin GV. Articles and speeches on international cooperation. M., 1961, p. 197.",
                Same,
            ),
            // Unrelated works
            (
                "Diplomatic dictionary, vol. III, p. 312",
                NOTE_176,
                Unrelated,
            ),
            (
                "Коллекция документов РГАСПИ",
                "Письмо. 14.07.1921 // Коллекция документов АВП РФ",
                Unrelated,
            ),
            (
                "RSASPH, f. 85, op. 13, d. 143",
                "FPA RF, f. 04, op. 39, p. 232, d. 53001, l. 9",
                Unrelated,
            ),
            (
                "vol. IV, p. 11",
                "Documents of the USSR foreign policy. T. IV. M., 1960, p. 11.",
                Unrelated,
            ),
        ];
        for (claimed, found, expect) in cases {
            check_compare(claimed, found, expect.clone());
        }
    }

    #[test]
    fn roman_numerals() {
        for (text, expect) in [
            ("IV", Some(4)),
            ("III", Some(3)),
            ("XIV", Some(14)),
            ("ІV", Some(4)),
            ("IVA", None),
            ("", None),
        ] {
            assert_eq!(roman(text), expect, "{text}");
        }
    }

    #[test]
    fn cipher_keys_ignore_leading_zeros() {
        for (a, b) in [
            ("04", "4"),
            ("05", "5"),
            ("0", "0"),
            ("10-10 ob", "10-10 ob"),
            ("Р-0130", "р-130"),
        ] {
            assert_eq!(cipher_key(a), cipher_key(b), "{a} vs {b}");
        }
        assert_ne!(cipher_key("10"), cipher_key("1"));
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,80}") {
            let r = parse(&s);
            prop_assert_eq!(r.raw, s.clone());
            let _ = parse_all(&s);
            let _ = compare(&parse(&s), &parse("ДВП СССР, т. IV, с. 292"));
        }

        #[test]
        fn parse_never_panics_on_reference_like_text(
            s in "[ .,;:/()\\[\\]0-9IVXтТpPсСfdlфопдлM–—-]{0,40}(vol|См|See|// )?[а-яa-z .,0-9]{0,20}"
        ) {
            let _ = parse(&s);
            let _ = parse_all(&s);
        }
    }
}
