//! Normalised text and its map back to the raw file.
//!
//! A raw file is read as lines, the lines are grouped into paragraphs, and each paragraph is
//! rewritten into the normalised text:
//!
//! - Line layout. Three layouts are told apart per file: *one paragraph per line* (a file where
//!   more than one line in twenty is longer than 150 characters is not hard-wrapped, so every
//!   line break is a paragraph break); *blank-separated* (hard-wrapped, a blank line between
//!   paragraphs, a single line break is a soft wrap); and *double-spaced* (hard-wrapped with a
//!   blank line after most lines, most of which stop mid-sentence, so blank lines carry no
//!   meaning). In a double-spaced file a paragraph ends where a line ends a sentence (`.`, `!`,
//!   `?`, `…`, or a closing parenthesis), no parenthesis is left open, the next line does not
//!   start in lower case, and the line is short: the next line's first word would have fitted
//!   on it. How much fits is measured on the file's own plain wraps (a line plus the next
//!   word, over the breaks that fall mid-sentence), so a full line that happens to end with a
//!   period goes on. An indent starts a paragraph only in a file where every indented line
//!   follows a sentence end (page breaks leave indents mid-sentence too). A file with too few
//!   wraps to measure ends a paragraph at every sentence end followed by a capital.
//!   A blank line in a blank-separated file is ignored when it is stray: when the line before
//!   ends with a hyphen or the line after starts in lower case.
//! - Hyphenation. A line ending in a letter or digit plus a hyphen, followed by a line starting
//!   with a letter or digit, continues the word. The hyphen is kept when the next part starts
//!   with a capital or either side is a digit (`Турецко-Азербайджано`, `1920-1921`), when the
//!   document itself writes the hyphenated form elsewhere, or when the first part looks like the
//!   first part of a Russian compound adjective (`национально-`, `Закавказско-`) and the second
//!   is a word of its own; the document writing the joined form elsewhere overrides that last
//!   rule. Otherwise the parts are joined (`от-ношений` → `отношений`).
//! - Characters. Runs of whitespace (any Unicode space, line breaks) become one space,
//!   invisible characters (BOM, zero-width, soft hyphen, controls) are dropped, `‘ ’` become
//!   `'`, the dashes U+2012–U+2015 and U+2212 become `–`, U+2010/U+2011 become `-`.
//! - Note markers (`[5]`, superscript digits flattened into the text) are removed and reported,
//!   with the position they stood at, so they can become citations. A file with `[n]` endnotes
//!   has no superscript notes.
//!
//! A section start (from the catalogue), an endnote's first line (`[5] …`, where `[5]` has been
//! used earlier in the text) and a Markdown heading always start a paragraph.
//!
//! Paragraphs are separated by a single `\n` in the normalised text.
//!
//! Every character of the normalised text comes from one raw character (a space may come from a
//! line break), so the map back to the raw file is a sorted list of anchors, one wherever the
//! two texts stop advancing in step.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::citation;

/// Lines longer than this many characters do not occur in hard-wrapped text.
const LONG_LINE: usize = 150;

/// Sorted (normalised, raw) byte-offset anchors; between two anchors both texts advance in
/// step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct OffsetMap {
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Record that normalised offset `norm` stands for raw offset `raw`. Calls come in
    /// increasing `norm` order.
    fn push(&mut self, norm: usize, raw: usize) {
        if let Some(last) = self.anchors.last_mut() {
            let (n, r) = *last;
            if norm >= n && r.checked_add(norm - n) == Some(raw) {
                return;
            }
            if n == norm {
                *last = (norm, raw);
                return;
            }
        }
        self.anchors.push((norm, raw));
    }

    /// The raw offset of a normalised offset.
    pub(crate) fn raw(&self, norm: usize) -> usize {
        let i = self.anchors.partition_point(|&(n, _)| n <= norm);
        match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(n, r)) => r.saturating_add(norm - n),
            None => norm,
        }
    }

    /// Number of anchors (how compact the map is).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.anchors.len()
    }
}

/// A note marker removed from the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Where it stood, in the normalised text.
    pub(crate) at: usize,
    pub(crate) number: u32,
    /// `[5]` rather than a flattened superscript `5`.
    pub(crate) bracketed: bool,
    /// Where it stands in the raw file.
    pub(crate) raw: Range<usize>,
}

/// One paragraph of the normalised text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Paragraph {
    pub(crate) bytes: Range<usize>,
    /// Index of the catalogue section the paragraph is in, if any.
    pub(crate) section: Option<usize>,
    /// For the text of an endnote (`[5] Letter of …`), the note's number.
    pub(crate) note_label: Option<u32>,
    pub(crate) markers: Vec<Marker>,
}

#[derive(Debug, Default)]
pub(crate) struct Normalized {
    pub(crate) text: String,
    pub(crate) offsets: OffsetMap,
    pub(crate) paragraphs: Vec<Paragraph>,
    /// Sections (by index) whose start line was not found.
    pub(crate) unmatched_sections: Vec<usize>,
}

/// Normalise a raw file. `section_starts` are the texts that begin the lines where catalogue
/// sections start, in order.
pub(crate) fn normalize(raw: &str, section_starts: &[&str]) -> Normalized {
    let lines = scan_lines(raw);
    let layout = Layout::detect(raw, &lines);
    let defs = note_definition_lines(raw, &lines);
    let (section_at, unmatched_sections) = locate_sections(raw, &lines, section_starts);
    let groups = group_paragraphs(raw, &lines, layout, &defs, &section_at);
    let mut out = Builder::new(raw);
    // A file with `[n]` endnotes numbers its notes that way only: digits glued to words in it
    // are not superscripts.
    let mut next_note = if defs.is_empty() { Some(1) } else { None };
    for group in &groups {
        out.paragraph(
            &lines,
            group,
            defs.contains(&group.lines[0]),
            &mut next_note,
        );
    }
    out.finish(unmatched_sections)
}

/// Normalise one character; `None` drops it.
pub(crate) fn normalize_char(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' => Some('\''),
        '\u{2012}'..='\u{2015}' | '\u{2212}' => Some('–'),
        '\u{2010}' | '\u{2011}' => Some('-'),
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        c if c.is_whitespace() => Some(' '),
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// Whitespace as far as line trimming goes: what [`normalize_char`] turns into a space or drops.
fn is_blank_char(c: char) -> bool {
    normalize_char(c).is_none_or(|n| n == ' ')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Line {
    /// Content range: leading and trailing blank characters and the terminator excluded.
    start: usize,
    end: usize,
    indented: bool,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.start == self.end
    }

    fn text<'a>(&self, raw: &'a str) -> &'a str {
        raw.get(self.start..self.end).unwrap_or("")
    }
}

/// Split into lines at `\n`, `\r\n` or a lone `\r`.
fn scan_lines(raw: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let bytes = raw.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        let b = bytes.get(i).copied();
        if at_end || b == Some(b'\n') || b == Some(b'\r') {
            lines.push(trim_line(raw, start, i));
            if at_end {
                break;
            }
            i += if b == Some(b'\r') && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            start = i;
        } else {
            i += 1;
        }
    }
    lines
}

fn trim_line(raw: &str, start: usize, end: usize) -> Line {
    let text = raw.get(start..end).unwrap_or("");
    let lead = text.len() - text.trim_start_matches(is_blank_char).len();
    let trimmed = text.trim_matches(is_blank_char);
    let s = start + lead;
    Line {
        start: s,
        end: s + trimmed.len(),
        indented: lead > 0 && !trimmed.is_empty(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    OneParagraphPerLine,
    BlankSeparated,
    DoubleSpaced(Wrap),
}

/// What the line breaks of a hard-wrapped file say about its paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Wrap {
    /// Where a line is full: the fewest characters a line plus a space plus the next line's
    /// first word takes, over the line breaks that are plainly wraps (the lowest hundredth set
    /// aside as outliers). A line that leaves room for the next word ended its paragraph. `None` when the
    /// file has too few wraps to tell.
    full: Option<usize>,
    /// Whether an indented line starts a paragraph: only when every indented line follows a
    /// line that ends a sentence (elsewhere indents are left over from page layout).
    indent: bool,
}

impl Wrap {
    /// Fewer plain wraps than this give no reliable width.
    const MIN_WRAPS: usize = 20;

    fn measure(raw: &str, lines: &[Line]) -> Wrap {
        let nonblank: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
        let mut fits: Vec<usize> = Vec::new();
        let (mut indented, mut indented_after_end) = (0, 0);
        for pair in nonblank.windows(2) {
            let (before, after) = (pair[0].text(raw), pair[1].text(raw));
            if pair[1].indented {
                indented += 1;
                if ends_sentence(before) {
                    indented_after_end += 1;
                }
            }
            // Plain wraps: mid-sentence breaks, not after a hyphenated syllable.
            let hyphen = before.ends_with(['-', '\u{2010}', '\u{00AD}']);
            if !hyphen && !ends_sentence(before) {
                fits.push(fit(before, after));
            }
        }
        fits.sort_unstable();
        Wrap {
            full: (fits.len() >= Self::MIN_WRAPS)
                .then(|| fits.get(fits.len() / 100).copied())
                .flatten(),
            indent: indented > 0 && indented_after_end == indented,
        }
    }

    /// Does a line that ends a sentence end its paragraph before `after`?
    fn breaks(&self, before: &str, line: &Line, after: &str) -> bool {
        if self.indent && line.indented && !starts_lowercase(after) {
            return true;
        }
        match self.full {
            Some(full) => fit(before, after) < full && !starts_lowercase(after),
            None => starts_uppercase(after),
        }
    }
}

/// The characters `before` would take with the first word of `after` added.
fn fit(before: &str, after: &str) -> usize {
    let word = after.split(char::is_whitespace).next().unwrap_or("");
    before.chars().count() + 1 + word.chars().count()
}

impl Layout {
    fn detect(raw: &str, lines: &[Line]) -> Layout {
        let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
        if nonblank.is_empty() {
            return Layout::BlankSeparated;
        }
        let long = nonblank
            .iter()
            .filter(|&&i| lines[i].text(raw).chars().count() > LONG_LINE)
            .count();
        if long * 20 > nonblank.len() {
            return Layout::OneParagraphPerLine;
        }
        // Double-spaced: nearly every line is followed by exactly one blank line, and most of
        // those lines stop mid-sentence (so the blank lines cannot be paragraph breaks).
        let mut spaced = 0;
        let mut spaced_open = 0;
        for pair in nonblank.windows(2) {
            if pair[1] == pair[0] + 2 {
                spaced += 1;
                if !ends_sentence(lines[pair[0]].text(raw)) {
                    spaced_open += 1;
                }
            }
        }
        let pairs = nonblank.len() - 1;
        if pairs >= 4 && spaced * 10 >= pairs * 6 && spaced_open * 2 > spaced {
            Layout::DoubleSpaced(Wrap::measure(raw, lines))
        } else {
            Layout::BlankSeparated
        }
    }
}

/// A Markdown heading (`# Title`), a paragraph of its own.
fn is_heading(line: &str) -> bool {
    let rest = line.trim_start_matches('#');
    rest.len() < line.len() && line.len() - rest.len() <= 6 && rest.starts_with(' ')
}

/// Does a line end a sentence (or a parenthesised reference)?
fn ends_sentence(line: &str) -> bool {
    if line.ends_with(')') {
        return true;
    }
    let stripped = line.trim_end_matches(['"', '»', '”', '\'', '’']);
    stripped.ends_with(['.', '!', '?', '…'])
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn starts_lowercase(s: &str) -> bool {
    first_char(s).is_some_and(char::is_lowercase)
}

fn starts_uppercase(s: &str) -> bool {
    let s = s.trim_start_matches(['«', '"', '“', '(']);
    first_char(s).is_some_and(char::is_uppercase)
}

/// Lines that start with `[n]` where the text before has already used the marker `[n]`: the
/// texts of endnotes.
fn note_definition_lines(raw: &str, lines: &[Line]) -> HashSet<usize> {
    let mut first_use: HashMap<u32, usize> = HashMap::new();
    let mut line_starts: HashSet<usize> = HashSet::new();
    for line in lines.iter().filter(|l| !l.is_blank()) {
        line_starts.insert(line.start);
    }
    for (n, range) in citation::bracket_markers(raw) {
        if !line_starts.contains(&range.start) {
            first_use.entry(n).or_insert(range.start);
        }
    }
    let mut defs = HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some((n, _)) = citation::note_label(line.text(raw))
            && first_use.get(&n).is_some_and(|&used| used < line.start)
        {
            defs.insert(i);
        }
    }
    defs
}

/// The line where each section starts: the first line at or after the previous section's start
/// whose text begins with the section's string.
fn locate_sections(
    raw: &str,
    lines: &[Line],
    starts: &[&str],
) -> (HashMap<usize, usize>, Vec<usize>) {
    let mut at = HashMap::new();
    let mut unmatched = Vec::new();
    let mut from = 0;
    for (s, start) in starts.iter().enumerate() {
        let start = start.trim();
        let found = (from..lines.len())
            .find(|&i| !lines[i].is_blank() && lines[i].text(raw).starts_with(start));
        match found {
            Some(i) if !start.is_empty() => {
                at.insert(i, s);
                from = i + 1;
            }
            _ => unmatched.push(s),
        }
    }
    (at, unmatched)
}

/// How two consecutive lines of a paragraph are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    Space,
    DropHyphen,
    KeepHyphen,
}

#[derive(Debug)]
struct Group {
    /// Indices into the line list; never empty.
    lines: Vec<usize>,
    /// `joins[k]` joins `lines[k]` to `lines[k + 1]`.
    joins: Vec<Join>,
    section: Option<usize>,
}

fn group_paragraphs(
    raw: &str,
    lines: &[Line],
    layout: Layout,
    defs: &HashSet<usize>,
    section_at: &HashMap<usize, usize>,
) -> Vec<Group> {
    let mut lexicon: Option<Lexicon> = None;
    let mut groups: Vec<Group> = Vec::new();
    let mut section = None;
    let mut prev: Option<usize> = None;
    let mut parens = ParenState::default();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let starts_section = section_at.get(&i).copied();
        if starts_section.is_some() {
            section = starts_section;
        }
        let text = line.text(raw);
        let join = match (prev, groups.last_mut()) {
            (Some(p), Some(_))
                if starts_section.is_none()
                    && !defs.contains(&i)
                    && !is_heading(text)
                    && !is_heading(lines[p].text(raw)) =>
            {
                let before = lines[p].text(raw);
                let blanks = i - p - 1;
                if let Some(keep) = hyphen_continuation(before, text, || {
                    lexicon.get_or_insert_with(|| Lexicon::new(raw))
                }) {
                    Some(if keep {
                        Join::KeepHyphen
                    } else {
                        Join::DropHyphen
                    })
                } else if continues(layout, before, line, text, blanks, parens.open(p)) {
                    Some(Join::Space)
                } else {
                    None
                }
            }
            _ => None,
        };
        match (join, groups.last_mut()) {
            (Some(join), Some(group)) => {
                group.lines.push(i);
                group.joins.push(join);
            }
            _ => {
                parens = ParenState::default();
                groups.push(Group {
                    lines: vec![i],
                    joins: Vec::new(),
                    section,
                });
            }
        }
        parens.feed(i, text);
        prev = Some(i);
    }
    groups
}

/// Does `line` continue the paragraph of the line before (no hyphenation involved)?
fn continues(
    layout: Layout,
    before: &str,
    line: &Line,
    text: &str,
    blanks: usize,
    paren_open: bool,
) -> bool {
    match layout {
        Layout::OneParagraphPerLine => false,
        Layout::BlankSeparated => blanks == 0 || starts_lowercase(text),
        Layout::DoubleSpaced(wrap) => {
            paren_open || !ends_sentence(before) || !wrap.breaks(before, line, text)
        }
    }
}

/// Parentheses left open in the current paragraph. A parenthesis left open for more than a few
/// lines is a typo, not a reference still running, and stops counting.
#[derive(Default)]
struct ParenState {
    depth: usize,
    since: Option<usize>,
}

impl ParenState {
    const MAX_LINES: usize = 8;

    fn feed(&mut self, line: usize, text: &str) {
        for c in text.chars() {
            match c {
                '(' => {
                    if self.depth == 0 {
                        self.since = Some(line);
                    }
                    self.depth += 1;
                }
                ')' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        self.since = None;
                    }
                }
                _ => {}
            }
        }
    }

    fn open(&self, line: usize) -> bool {
        self.depth > 0
            && self
                .since
                .is_some_and(|s| line.saturating_sub(s) < Self::MAX_LINES)
    }
}

/// If `before` ends with a word hyphenated onto the next line `after`, whether to keep the
/// hyphen.
fn hyphen_continuation<'a>(
    before: &str,
    after: &str,
    lexicon: impl FnOnce() -> &'a Lexicon,
) -> Option<bool> {
    let mut rev = before.chars().rev();
    let hyphen = rev.next()?;
    let prev = rev.next()?;
    let next = first_char(after)?;
    if !matches!(hyphen, '-' | '\u{2010}' | '\u{00AD}')
        || !prev.is_alphanumeric()
        || !next.is_alphanumeric()
    {
        return None;
    }
    if prev.is_numeric() || next.is_numeric() || next.is_uppercase() {
        return Some(true);
    }
    let head = before.get(..before.len() - hyphen.len_utf8()).unwrap_or("");
    let first = trailing_word(head);
    let second = leading_word(after);
    Some(keep_hyphen(first, second, lexicon()))
}

fn trailing_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_letter(*c))
        .last()
        .map_or(s.len(), |(i, _)| i);
    s.get(start..).unwrap_or("")
}

fn leading_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !is_letter(*c))
        .map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or("")
}

fn keep_hyphen(first: &str, second: &str, lexicon: &Lexicon) -> bool {
    if lexicon.has_hyphenated(first, second) {
        return true;
    }
    if lexicon.has_joined(first, second) {
        return false;
    }
    compound_first_part(first) && second.chars().count() >= 4
}

/// Endings of the first part of Russian compound adjectives (`национально-`, `военно-`,
/// `Закавказско-`, `политико-`), which are hyphenated words and not syllable breaks.
fn compound_first_part(word: &str) -> bool {
    const ENDINGS: [&str; 8] = ["ско", "цко", "ико", "льно", "нно", "чно", "тно", "вно"];
    let lower = word.to_lowercase();
    lower.chars().count() >= 5 && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// The words a document writes, to decide a line-end hyphen by the document's own usage.
struct Lexicon {
    /// The document, lower-cased; the lists below are sorted ranges of it.
    lower: String,
    /// Words (compounds split into their parts).
    words: Vec<Range<usize>>,
    /// Hyphenated compounds and every tail of them (`a-b-c`, `b-c`).
    compounds: Vec<Range<usize>>,
}

impl Lexicon {
    fn new(raw: &str) -> Lexicon {
        let lower: String = raw.chars().map(lower_char).collect();
        let mut words = Vec::new();
        let mut compounds = Vec::new();
        for token in compound_tokens(&lower) {
            let mut part_start = token.start;
            for (i, _) in lower.get(token.clone()).unwrap_or("").match_indices('-') {
                let hyphen = token.start + i;
                words.push(part_start..hyphen);
                compounds.push(part_start..token.end);
                part_start = hyphen + 1;
            }
            words.push(part_start..token.end);
        }
        sort_words(&lower, &mut words);
        sort_words(&lower, &mut compounds);
        Lexicon {
            lower,
            words,
            compounds,
        }
    }

    fn word(&self, r: &Range<usize>) -> &str {
        self.lower.get(r.clone()).unwrap_or("")
    }

    fn has_prefix(&self, sorted: &[Range<usize>], prefix: &str) -> bool {
        let i = sorted.partition_point(|w| self.word(w) < prefix);
        sorted
            .get(i)
            .is_some_and(|w| self.word(w).starts_with(prefix))
    }

    fn has_hyphenated(&self, first: &str, second: &str) -> bool {
        let prefix = format!("{}-{}", lower_word(first), stem(second));
        self.has_prefix(&self.compounds, &prefix)
    }

    fn has_joined(&self, first: &str, second: &str) -> bool {
        let prefix = format!("{}{}", lower_word(first), stem(second));
        self.has_prefix(&self.words, &prefix)
    }
}

/// `char::is_alphabetic`, answered without a table lookup for Latin and Cyrillic letters (the
/// lookup dominates the time spent on a Russian text otherwise).
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphabetic(),
    }
}

/// Lower case for the lexicon: Latin and Cyrillic without a table lookup, other letters by
/// their simple lower case (one character, so offsets stay meaningful).
fn lower_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        c if c.is_ascii() || ('а'..='џ').contains(&c) => c,
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Sort ranges of `text` by their text, without duplicates.
fn sort_words(text: &str, list: &mut Vec<Range<usize>>) {
    let word = |r: &Range<usize>| text.get(r.clone()).unwrap_or("");
    list.sort_unstable_by(|a, b| word(a).cmp(word(b)));
    list.dedup_by(|a, b| word(a) == word(b));
}

/// The first few letters of a word, lower-cased: enough to recognise it under another ending.
fn stem(word: &str) -> String {
    word.chars().take(4).map(lower_char).collect()
}

fn lower_word(word: &str) -> String {
    word.chars().map(lower_char).collect()
}

/// Runs of letters, joined by single hyphens inside a line (`национально-освободительного`).
fn compound_tokens(text: &str) -> Vec<Range<usize>> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_letter(c) {
            start.get_or_insert(i);
            continue;
        }
        let next_is_letter = chars.peek().is_some_and(|&(_, n)| is_letter(n));
        if c == '-' && start.is_some() && next_is_letter {
            continue;
        }
        if let Some(s) = start.take() {
            tokens.push(s..i);
        }
    }
    if let Some(s) = start {
        tokens.push(s..text.len());
    }
    tokens
}

/// One character of a paragraph before whitespace folding: the normalised character and the
/// raw offset it comes from.
#[derive(Clone, Copy, Debug)]
struct Item {
    ch: char,
    raw: usize,
}

struct Builder<'r> {
    raw: &'r str,
    text: String,
    offsets: OffsetMap,
    paragraphs: Vec<Paragraph>,
    /// Raw offset just past the content of the last paragraph written.
    last_raw_end: usize,
    /// Raw range of the last character written.
    last_char: Option<Range<usize>>,
}

impl<'r> Builder<'r> {
    fn new(raw: &'r str) -> Builder<'r> {
        Builder {
            raw,
            text: String::new(),
            offsets: OffsetMap::default(),
            paragraphs: Vec::new(),
            last_raw_end: 0,
            last_char: None,
        }
    }

    fn items(&self, lines: &[Line], group: &Group) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        for (k, &li) in group.lines.iter().enumerate() {
            let line = lines[li];
            if k > 0 {
                let prev = lines[group.lines[k - 1]];
                match group.joins.get(k - 1) {
                    Some(Join::Space) | None => items.push(Item {
                        ch: ' ',
                        raw: prev.end,
                    }),
                    Some(Join::DropHyphen) => {
                        if items.last().is_some_and(|it| {
                            it.ch == '-' && it.raw + raw_char_len(self.raw, it.raw) == prev.end
                        }) {
                            items.pop();
                        }
                    }
                    Some(Join::KeepHyphen) => {}
                }
            }
            for (off, c) in line.text(self.raw).char_indices() {
                if let Some(ch) = normalize_char(c) {
                    items.push(Item {
                        ch,
                        raw: line.start + off,
                    });
                }
            }
        }
        items
    }

    /// Rewrite one paragraph. `next_note` is the superscript note number expected next, `None`
    /// when the file has no superscript notes.
    fn paragraph(
        &mut self,
        lines: &[Line],
        group: &Group,
        is_note: bool,
        next_note: &mut Option<u32>,
    ) {
        let items = self.items(lines, group);
        let s: String = items.iter().map(|it| it.ch).collect();
        let byte_of: Vec<usize> = items
            .iter()
            .scan(0, |b, it| {
                let at = *b;
                *b += it.ch.len_utf8();
                Some(at)
            })
            .collect();
        let item_at = |byte: usize| byte_of.partition_point(|&b| b < byte);
        let mut removed = vec![false; items.len()];
        let mut found: Vec<(Range<usize>, u32, bool)> = Vec::new();
        let mut note_label = None;
        if is_note && let Some((n, range)) = citation::note_label(&s) {
            note_label = Some(n);
            removed[item_at(range.start)..item_at(range.end)].fill(true);
        }
        for (n, range) in citation::bracket_markers(&s) {
            let (a, b) = (item_at(range.start), item_at(range.end));
            if removed.get(a).copied().unwrap_or(true) {
                continue;
            }
            removed[a..b].fill(true);
            let closes = s.get(range.end..).is_none_or(|rest| {
                rest.trim_start()
                    .starts_with(['.', ',', ';', ':', '!', '?', ')'])
                    || rest.trim().is_empty()
            });
            if closes {
                let mut k = a;
                while k > 0 && items[k - 1].ch == ' ' {
                    k -= 1;
                    removed[k] = true;
                }
            }
            found.push((a..b, n, true));
        }
        if let (false, Some(next)) = (is_note, next_note.as_mut()) {
            for (n, range) in citation::superscript_candidates(&s) {
                if n < *next || n > *next + 2 {
                    continue;
                }
                let (a, b) = (item_at(range.start), item_at(range.end));
                if removed[a..b].iter().any(|&r| r) {
                    continue;
                }
                removed[a..b].fill(true);
                *next = n + 1;
                found.push((a..b, n, false));
            }
        }
        found.sort_by_key(|(r, _, _)| r.start);
        self.emit(lines, group, &items, &removed, found, note_label);
    }

    fn emit(
        &mut self,
        lines: &[Line],
        group: &Group,
        items: &[Item],
        removed: &[bool],
        found: Vec<(Range<usize>, u32, bool)>,
        note_label: Option<u32>,
    ) {
        let separator_raw = self.last_raw_end;
        let mut para: Option<usize> = None;
        let mut pending: Option<usize> = None;
        let mut marker_rel: Vec<usize> = Vec::with_capacity(found.len());
        let mut mi = 0;
        for (i, item) in items.iter().enumerate() {
            let written = para.map_or(0, |p| self.text.len() - p);
            while found.get(mi).is_some_and(|(r, _, _)| r.start <= i) {
                marker_rel.push(written);
                mi += 1;
            }
            if removed.get(i).copied().unwrap_or(false) {
                continue;
            }
            if item.ch == ' ' {
                if para.is_some() {
                    pending.get_or_insert(item.raw);
                }
                continue;
            }
            if para.is_none() {
                if !self.text.is_empty() {
                    self.push_char('\n', separator_raw);
                }
                para = Some(self.text.len());
            }
            if let Some(r) = pending.take() {
                self.push_char(' ', r);
            }
            self.push_char(item.ch, item.raw);
        }
        let Some(start) = para else {
            return;
        };
        let written = self.text.len() - start;
        marker_rel.resize(found.len(), written);
        let markers = found
            .into_iter()
            .zip(marker_rel)
            .map(|((range, number, bracketed), rel)| Marker {
                at: start + rel,
                number,
                bracketed,
                raw: self.item_raw_range(items, range),
            })
            .collect();
        self.paragraphs.push(Paragraph {
            bytes: start..self.text.len(),
            section: group.section,
            note_label,
            markers,
        });
        if let Some(&last) = group.lines.last() {
            self.last_raw_end = lines[last].end;
        }
    }

    fn item_raw_range(&self, items: &[Item], range: Range<usize>) -> Range<usize> {
        let start = items.get(range.start).map_or(0, |it| it.raw);
        let end = range
            .end
            .checked_sub(1)
            .and_then(|i| items.get(i))
            .map_or(start, |it| it.raw + raw_char_len(self.raw, it.raw));
        start..end.max(start)
    }

    fn push_char(&mut self, c: char, raw: usize) {
        self.offsets.push(self.text.len(), raw);
        self.text.push(c);
        self.last_char = Some(raw..raw + raw_char_len(self.raw, raw));
    }

    fn finish(mut self, unmatched_sections: Vec<usize>) -> Normalized {
        if let Some(last) = self.last_char.take() {
            self.offsets.push(self.text.len(), last.end);
        }
        Normalized {
            text: self.text,
            offsets: self.offsets,
            paragraphs: self.paragraphs,
            unmatched_sections,
        }
    }
}

/// Length in bytes of the raw character at `at` (1 past the end or off a boundary).
pub(crate) fn raw_char_len(raw: &str, at: usize) -> usize {
    raw.get(at..)
        .and_then(|s| s.chars().next())
        .map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(raw: &str) -> Normalized {
        normalize(raw, &[])
    }

    /// Normalised text with paragraphs joined by ` ¶ `.
    fn check(raw: &str, expect: &str) {
        let n = norm(raw);
        let got = n
            .paragraphs
            .iter()
            .map(|p| &n.text[p.bytes.clone()])
            .collect::<Vec<_>>()
            .join(" ¶ ");
        assert_eq!(got, expect, "for {raw:?}");
        assert_offsets_exact(raw, &n);
    }

    /// Every char boundary of the normalised text maps onto a raw character that normalises to
    /// the same character (a space may come from any blank character).
    pub(crate) fn assert_offsets_exact(raw: &str, n: &Normalized) {
        let mut last = 0;
        for (i, c) in n.text.char_indices() {
            let r = n.offsets.raw(i);
            assert!(r >= last, "offset map goes backwards at {i}");
            last = r;
            let rc = raw.get(r..).and_then(|s| s.chars().next());
            let ok = match (c, rc) {
                (' ' | '\n', Some(rc)) => is_blank_char(rc),
                (c, Some(rc)) => normalize_char(rc) == Some(c),
                _ => false,
            };
            assert!(ok, "norm {c:?} at {i} maps to raw {rc:?} at {r} in {raw:?}");
        }
        assert!(n.offsets.raw(n.text.len()) <= raw.len());
    }

    #[test]
    fn hyphenation_across_line_ends() {
        check("дипломатических от-\nношений", "дипломатических отношений");
        check("40 пуле-\nметов и", "40 пулеметов и");
        check(
            "около 80 мил-\nлионов турецких лир",
            "около 80 миллионов турецких лир",
        );
        check(
            "на Турецко-\n\nАзербайджано-Армянской",
            "на Турецко-Азербайджано-Армянской",
        );
        check("в 1920-\n1921 гг.", "в 1920-1921 гг.");
        check(
            "национально-\nосвободительному движению",
            "национально-освободительному движению",
        );
        check(
            "на Закавказско-\nтурецкой конференции",
            "на Закавказско-турецкой конференции",
        );
        check(
            "Константинопольско-\nго правительства",
            "Константинопольского правительства",
        );
        check(
            "Бекиром Сами-бе-\nем, который",
            "Бекиром Сами-беем, который",
        );
        check("больше-\n визма", "большевизма");
        check("в Карсе -\nДж.Г.", "в Карсе - Дж.Г.");
        check("soft\u{AD}\nhyphen", "soft hyphen");
        check("Потребо-\n\nвались средства", "Потребовались средства");
    }

    #[test]
    fn document_usage_decides_hyphens() {
        // The joined form is written elsewhere: join, even after a compound-like first part.
        check(
            "полностью ясно.\n\nОн был полно-\nстью прав.",
            "полностью ясно. ¶ Он был полностью прав.",
        );
        // The hyphenated form is written elsewhere: keep.
        check(
            "военно-морской флот.\n\nИ морской воен-\nно-морской",
            "военно-морской флот. ¶ И морской военно-морской",
        );
    }

    #[test]
    fn characters_are_normalised() {
        check("a\u{00A0}b\u{2009}c  d\te", "a b c d e");
        check("it\u{2019}s \u{2018}x\u{2019}", "it's 'x'");
        check("1920\u{2014}1921 \u{2012}\u{2015}\u{2212}", "1920–1921 –––");
        check("«a» “b” \"c\"", "«a» “b” \"c\"");
        check("zero\u{200B}width\u{FEFF}", "zerowidth");
        check("\u{FEFF}BOM first", "BOM first");
        check("ctl\u{0007}x", "ctlx");
    }

    #[test]
    fn crlf_and_lone_cr_are_line_breaks() {
        check("one\r\ntwo\r\n\r\nThree\r\n", "one two ¶ Three");
        check("one\rtwo\r\rThree", "one two ¶ Three");
    }

    #[test]
    fn blank_separated_paragraphs_skip_stray_blank_lines() {
        check(
            "Первая строка абзаца\nвторая строка.\n\nНовый абзац (министерств)\n\nиностранных дел.",
            "Первая строка абзаца вторая строка. ¶ Новый абзац (министерств) иностранных дел.",
        );
    }

    #[test]
    fn markdown_headings_are_paragraphs() {
        check(
            "# Title\nText runs\non.\n## Part\nMore.",
            "# Title ¶ Text runs on. ¶ ## Part ¶ More.",
        );
        check("#hashtag starts\nthis", "#hashtag starts this");
    }

    #[test]
    fn one_paragraph_per_long_line() {
        let long = "word ".repeat(40);
        let raw = format!("Title\n{long}end.\n{long}more.\n\nShort line");
        let n = norm(&raw);
        assert_eq!(n.paragraphs.len(), 4);
        assert_eq!(&n.text[n.paragraphs[0].bytes.clone()], "Title");
    }

    /// A double-spaced hard-wrapped text as in seed 000.
    const DOUBLE: &str = " Согласно установке Москвы, речь могла идти только о \n\n\
        подписании договора. Поэтому конференцию \n\n\
        республики рассматривали как договор, как документ. (Письмо Б.Леграна \n\n\
        Г.Орджоникидзе. 29.06.1921// Коллекция документов РГАСПИ). В целях \n\n\
        выработки линии был подписан договор 16 марта 1921 г. (Нота НКИД РСФСР \n\n\
        Послу Турции. 13.06.1921 // Документы внешней \n\n\
        политики СССР. Т. IV, М., 1960, С.176-177). \n\n\
        Еще во время переговоров в Баку турецкая сторона добилась \n\n\
        согласия на Турецко-\n\n\
        Азербайджано-Армянской конференции Али Фуат-паше. \n\n\
        08.08.1921 и так далее, как \n\n\n\n\
        Второй раз сказано здесь и идет до \n\n\
        конца строки. \n";

    #[test]
    fn double_spaced_paragraphs_end_at_sentence_ends() {
        let n = norm(DOUBLE);
        let paras: Vec<&str> = n
            .paragraphs
            .iter()
            .map(|p| &n.text[p.bytes.clone()])
            .collect();
        assert_eq!(paras.len(), 2, "{paras:#?}");
        assert!(paras[0].starts_with("Согласно установке"));
        assert!(paras[0].ends_with("С.176-177)."));
        assert!(paras[1].contains("на Турецко-Азербайджано-Армянской"));
        assert!(paras[1].contains("Фуат-паше. 08.08.1921 и так далее, как Второй раз"));
        assert_offsets_exact(DOUBLE, &n);
    }

    /// Line pairs of seed 000 (`before`, `after`, whether `after` is indented) and whether a
    /// paragraph ends between them, with the width measured on that file.
    #[test]
    fn wrap_width_decides_paragraph_ends() {
        let check = |wrap: Wrap, before: &str, after: &str, indented: bool, expect: bool| {
            let line = Line {
                start: 0,
                end: after.len(),
                indented,
            };
            assert_eq!(
                wrap.breaks(before, &line, after),
                expect,
                "{before:?} / {after:?}"
            );
        };
        let measured = Wrap {
            full: Some(74),
            indent: false,
        };
        let full_line =
            "подписании с Турцией консолидированного договора южно-кавказских республик.";
        check(
            measured,
            full_line,
            "Поэтому предстоящую конференцию",
            false,
            false,
        );
        check(
            measured,
            "республикам ноты с приглашениями принять участие на конференции в Карсе.",
            "В летние месяцы 1921 года шла",
            true,
            false,
        );
        check(
            measured,
            "информация Д.Буниатзаде о неблагополучной ситуации в Нахичевани.",
            "Обсуждение вопроса было передано",
            false,
            false,
        );
        check(
            measured,
            "Archives and Records Administration USA, CIA-RDP 79, P.8).",
            "Наркоминдел РСФСР Г.Чичерин отправил",
            false,
            true,
        );
        check(
            measured,
            "политики СССР. Т. IV, М., 1960, С.176-177).",
            "Еще во время переговоров",
            false,
            true,
        );
        check(
            measured,
            "дестабилизировать ситуацию.",
            "За день до того,",
            false,
            true,
        );
        check(
            measured,
            "документов РГАСПИ).",
            "(Продолжение следует)",
            false,
            true,
        );
        check(
            measured,
            "документов РГАСПИ).",
            "21 июля М.Д.Гусейнов",
            false,
            true,
        );
        check(
            measured,
            "документов РГАСПИ).",
            "и полпред в Москве",
            false,
            false,
        );
        let indents = Wrap {
            full: Some(74),
            indent: true,
        };
        check(indents, full_line, "Поэтому предстоящую", true, true);
        check(indents, full_line, "Поэтому предстоящую", false, false);
        let unmeasured = Wrap {
            full: None,
            indent: false,
        };
        check(unmeasured, full_line, "Поэтому предстоящую", false, true);
        check(unmeasured, full_line, "(Нота НКИД", false, true);
        check(unmeasured, full_line, "8 августа", false, false);
    }

    #[test]
    fn wrap_is_measured_on_plain_wraps() {
        let line = "слово ".repeat(12);
        let mut raw = String::new();
        for k in 0..30 {
            raw.push_str(&format!("{line}продолжение{k}\n\n"));
        }
        raw.push_str("Короткая строка.\n\n  Отступ после конца.\n\nеще\n");
        let lines = scan_lines(&raw);
        let wrap = Wrap::measure(&raw, &lines);
        // `слово ×12 продолжение0` and the next line's `слово`.
        assert_eq!(wrap.full, Some(72 + 12 + 1 + 5));
        assert!(wrap.indent);
        let few = scan_lines("одна строка\n\nи другая.\n\n Отступ\n\nи ещё\n");
        let wrap = Wrap::measure("одна строка\n\nи другая.\n\n Отступ\n\nи ещё\n", &few);
        assert_eq!(wrap.full, None);
        assert!(wrap.indent);
    }

    #[test]
    fn double_spaced_layout_is_detected() {
        let lines = scan_lines(DOUBLE);
        assert!(matches!(
            Layout::detect(DOUBLE, &lines),
            Layout::DoubleSpaced(_)
        ));
        let plain = "A paragraph.\n\nAnother one.\n\nA third.\n\nA fourth.\n\nFifth.";
        assert_eq!(
            Layout::detect(plain, &scan_lines(plain)),
            Layout::BlankSeparated
        );
        check(
            plain,
            "A paragraph. ¶ Another one. ¶ A third. ¶ A fourth. ¶ Fifth.",
        );
    }

    #[test]
    fn superscript_markers_are_removed_in_sequence() {
        let raw = "борьбы на западе1.\n\nБез признания больше-\n визма2. В 1922 г.31 нет, \
                   С.176 и большевикам3. Это армии4 и бедны»5.";
        let n = norm(raw);
        assert_eq!(
            n.text,
            "борьбы на западе. ¶ Без признания большевизма. В 1922 г.31 нет, С.176 и \
             большевикам. Это армии и бедны»."
                .replace(" ¶ ", "\n")
        );
        let numbers: Vec<u32> = n
            .paragraphs
            .iter()
            .flat_map(|p| p.markers.iter().map(|m| m.number))
            .collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5]);
        let m = &n.paragraphs[0].markers[0];
        assert!(n.text[m.at..].starts_with(".\nБез"));
        assert_eq!(&raw[m.raw.clone()], "1");
        assert_offsets_exact(raw, &n);
    }

    #[test]
    fn bracket_markers_and_note_texts() {
        let raw = "The Alexandropol [1] treaty [2]. Next [1]\n\n[1] Note one.\n[2] Note two.\n";
        let n = norm(raw);
        assert_eq!(
            n.text,
            "The Alexandropol treaty. Next\nNote one.\nNote two."
        );
        let p = &n.paragraphs;
        assert_eq!(p.len(), 3);
        assert_eq!(
            p[0].markers
                .iter()
                .map(|m| (m.number, m.at))
                .collect::<Vec<_>>(),
            [(1, 16), (2, 23), (1, 29)]
        );
        assert_eq!(p[1].note_label, Some(1));
        assert_eq!(p[2].note_label, Some(2));
        assert_offsets_exact(raw, &n);
    }

    #[test]
    fn a_line_starting_with_an_unused_bracket_is_not_a_note() {
        let n = norm("[3] text before any marker");
        assert_eq!(n.paragraphs[0].note_label, None);
        assert_eq!(n.text, "text before any marker");
    }

    #[test]
    fn sections_start_paragraphs() {
        let raw = "Article text\nruns on\n11 comments\nA comment";
        let n = normalize(raw, &["11 comments", "nowhere"]);
        let sections: Vec<Option<usize>> = n.paragraphs.iter().map(|p| p.section).collect();
        assert_eq!(sections, [None, Some(0)]);
        assert_eq!(n.unmatched_sections, [1]);
    }

    #[test]
    fn offset_map_is_compact() {
        let raw = "plain text with nothing to change at all.\n";
        let n = norm(raw);
        assert_eq!(n.offsets.len(), 1);
        assert_eq!(n.offsets.raw(6), 6);
    }

    #[test]
    fn empty_and_blank_inputs() {
        check("", "");
        check("\n\n \t\n", "");
        check("[1]", "");
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn messy_char() -> impl Strategy<Value = char> {
            prop_oneof![
                any::<char>(),
                prop::sample::select(vec![
                    '-', '\n', '\r', ' ', '[', ']', '(', ')', '.', '1', '2', '3', 'а', 'Б', 'x',
                    '\u{AD}', '\u{FEFF}', '\u{2014}', '’', '»', '/',
                ]),
            ]
        }

        proptest! {
            #[test]
            fn normalisation_never_panics_and_maps_exactly(
                chars in prop::collection::vec(messy_char(), 0..200)
            ) {
                let raw: String = chars.into_iter().collect();
                let n = normalize(&raw, &["1", "x"]);
                assert_offsets_exact(&raw, &n);
                for p in &n.paragraphs {
                    prop_assert!(n.text.get(p.bytes.clone()).is_some());
                    for m in &p.markers {
                        prop_assert!(n.text.is_char_boundary(m.at));
                        prop_assert!(raw.get(m.raw.clone()).is_some());
                    }
                }
            }
        }
    }
}
