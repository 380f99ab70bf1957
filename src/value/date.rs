//! Historical dates: what a claim or a source says about *when*, as an interval of calendar days
//! that knows how precise it is (EDTF semantics).
//!
//! # Normal form
//!
//! Every date, however it was written, becomes a [`HistDate`]: an inclusive interval of days of
//! the proleptic Gregorian calendar `[start, end]`, either end of which may be open, the
//! [`Precision`] of the statement, and the EDTF flags `approximate` (`c. 1920`, `около`, `1921~`)
//! and `uncertain` (`1921?`; `1921%` sets both). Flags never change the interval: whoever compares
//! dates widens approximate ones with [`HistDate::widened`].
//!
//! | written                               | interval                     | precision     |
//! |---------------------------------------|------------------------------|---------------|
//! | `13 October 1921`, `13.10.1921`       | 1921-10-13                   | Day           |
//! | `early` / `mid` / `late December 1920`| days 1–10, 11–20, 21–end     | PartOfMonth   |
//! | `October 1921`, `в октябре 1921 г.`   | the whole month              | Month         |
//! | `spring 1920`, `весной 1920 г.`       | Mar–May, Jun–Aug, Sep–Nov    | Season        |
//! | `winter 1921`, `зимой 1921 г.`        | 1920-12-01 – 1921-02-28      | Season        |
//! | `early` / `mid` / `late 1921`         | Jan–Apr, May–Aug, Sep–Dec    | PartOfYear    |
//! | `1921`, `в 1921 г.`                   | the whole year               | Year          |
//! | `1920s`, `1920-е гг.`                 | 1920-01-01 – 1929-12-31      | Decade        |
//! | `в начале 1920-х гг.`                 | 1920–1923 (mid 1924–1926, late 1927–1929) | Decade |
//!
//! Seasons are meteorological. A winter belongs to the year of its January and February, so
//! `winter 1921` runs from December 1920 to the end of February 1921.
//!
//! A range (`between A and B`, `from A to B`, `с A по B`, `A – B` with any dash, EDTF `A/B`)
//! runs from the start of `A` to the end of `B` and takes the precision of its coarser end. A side
//! may leave out what the other side states: `13–15 October 1921`, `September–October 1920`,
//! `December 22–29, 1920`; when a borrowed year would put the range backwards (`December –
//! February 1921`) the borrowed year moves by one. Open bounds: `before A` ends the day before
//! `A` starts, `after A` starts the day after `A` ends, `since A` and `until A` include `A`.
//!
//! Old Style dates (`1 February 1918 (O.S.)`, `(ст. ст.)`, `по старому стилю`) of day, part of
//! month and month precision are converted from the Julian to the Gregorian calendar; coarser
//! dates are left alone, the shift being finer than what they state.
//!
//! # Claim values and running text
//!
//! [`parse`] reads a whole claim value and explains, with a stable code and a span, why a value is
//! not a date. [`find`] scans normalised running text, English and Russian mixed, for every date.
//! In text a bare year counts only where it acts as a date: introduced by a preposition or
//! qualifier (`в 1919 г.`, `in 1919`, `before 1922`, `около 1920`) or marked as a year (`1920
//! года`, `1919–1920 гг.`), never as a publication year (`М., 1960`, `Saarbrücken, 2014`) and
//! only from 1000 to 2100; a bare month likewise needs a preposition (`в мае`, `in April`),
//! unless two month names make a range (`(May-July)`). Numbers after `p.`, `С.`, `№`, `f.`,
//! `op.`, `l.` are never days or years, and English month names must be capitalised (`may`,
//! `march`). The longest reading at a place wins. Text also names months and seasons by Russian
//! adjectives a few words before the year (`апрельских переговоров 1921 года` is April 1921,
//! `летние месяцы 1920 года` summer 1920), the first or last days of a month (`в первые дни
//! сентября`), and, in translation garble, marks a year as `1921 of the year`.
//!
//! # Years from context
//!
//! A day, part of a month or month without a year (`9 июля`, `at the end of November`) takes
//! the year of the narrative, and is not reported when there is none:
//!
//! * within a paragraph (paragraphs end at `\n`), the year of the latest date of the paragraph
//!   that wrote one; a range lends the year it ends in (`from December 2 1921 to January 14`
//!   leaves the reader in 1922), an open bound (`before 1914`) lends nothing;
//! * in a paragraph that has written no year yet, the year most of the latest five dates finer
//!   than a year had, written or inferred (the latest among equals), so that an aside in
//!   another year at the end of the previous paragraph (`the war begun in September 1920`, `as
//!   early as February–March 1918`) does not carry over;
//! * inside a quotation (`"…"`, `«…»`, `“…”`), the year the quotation wrote, if any. Dates
//!   inside quotations are the speaker's and lend nothing outside them;
//! * with no date finer than a year yet, the latest year written anywhere before.

use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use nom::IResult;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while_m_n, take_while1};
use nom::character::complete::satisfy;
use nom::combinator::{not, opt, recognize};
use nom::error::{Error as NomError, ErrorKind};

use super::ValueError;

/// A day of the proleptic Gregorian calendar. Always valid: there is no 31 February.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    year: i32,
    month: u8,
    day: u8,
}

impl Day {
    /// `None` when the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        (1..=12).contains(&month).then_some(())?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(Day { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// ISO 8601, `1921-10-13`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The day `n` days later (earlier for negative `n`); `None` outside the representable years.
    pub fn add_days(self, n: i64) -> Option<Day> {
        Day::from_jdn(self.jdn().checked_add(n)?)
    }

    /// The same day `n` months later (earlier for negative `n`), clamped to the end of a shorter
    /// month: one month after 31 January is the last day of February.
    pub fn add_months(self, n: i64) -> Option<Day> {
        let index = i64::from(self.year)
            .checked_mul(12)?
            .checked_add(i64::from(self.month) - 1)?
            .checked_add(n)?;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Day::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// Julian Day Number of this (Gregorian) day.
    fn jdn(self) -> i64 {
        gregorian_jdn(
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        )
    }

    fn from_jdn(jdn: i64) -> Option<Day> {
        let a = jdn.checked_add(32044)?;
        let b = (4 * a + 3).div_euclid(146_097);
        let c = a - (146_097 * b).div_euclid(4);
        let d = (4 * c + 3).div_euclid(1461);
        let e = c - (1461 * d).div_euclid(4);
        let m = (5 * e + 2).div_euclid(153);
        let day = e - (153 * m + 2).div_euclid(5) + 1;
        let month = m + 3 - 12 * m.div_euclid(10);
        let year = 100 * b + d - 4800 + m.div_euclid(10);
        Day::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    fn first_of_month(year: i32, month: u8) -> Option<Day> {
        Day::new(year, month, 1)
    }

    fn last_of_month(year: i32, month: u8) -> Option<Day> {
        Day::new(year, month, days_in_month(year, month))
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Month lengths of the Julian calendar, where every fourth year is a leap year.
fn julian_days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year.rem_euclid(4) == 0 => 29,
        2 => 28,
        _ => days_in_month(year, month),
    }
}

fn gregorian_jdn(year: i64, month: i64, day: i64) -> i64 {
    let a = (14 - month).div_euclid(12);
    let y = year + 4800 - a;
    let m = month + 12 * a - 3;
    day + (153 * m + 2).div_euclid(5) + 365 * y + y.div_euclid(4) - y.div_euclid(100)
        + y.div_euclid(400)
        - 32045
}

fn julian_jdn(year: i64, month: i64, day: i64) -> i64 {
    let a = (14 - month).div_euclid(12);
    let y = year + 4800 - a;
    let m = month + 12 * a - 3;
    day + (153 * m + 2).div_euclid(5) + 365 * y + y.div_euclid(4) - 32083
}

/// How finely a date was stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    /// early/mid/late or beginning/end of a month: days 1-10, 11-20, 21-end.
    PartOfMonth,
    Month,
    /// meteorological seasons: spring is March-May.
    Season,
    /// early/mid/late year: thirds, Jan-Apr, May-Aug, Sep-Dec.
    PartOfYear,
    Year,
    Decade,
}

/// A date as an interval of days `[start, end]`; either end may be open (`before 1922`).
///
/// INVARIANT: at least one bound is set, and `start <= end` when both are.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HistDate {
    pub start: Option<Day>,
    pub end: Option<Day>,
    /// The precision of the statement; for a range, that of its coarser end.
    pub precision: Precision,
    /// `c. 1920`, `about`, EDTF `~`.
    pub approximate: bool,
    /// EDTF `?`.
    pub uncertain: bool,
}

impl HistDate {
    /// Whether the two intervals share at least one day; an open end is unbounded.
    pub fn overlaps(&self, other: &HistDate) -> bool {
        let not_after = |start: Option<Day>, end: Option<Day>| match (start, end) {
            (Some(start), Some(end)) => start <= end,
            _ => true,
        };
        not_after(self.start, other.end) && not_after(other.start, self.end)
    }

    /// The interval a comparison should use: an approximate or uncertain date is widened on
    /// each side by a margin that grows with its precision (day: 7 days, part of a month: 10
    /// days, month and season: one month, part of a year: two months, year: one year, decade:
    /// five years). A bound widened past the representable years becomes open. Exact dates are
    /// returned unchanged.
    pub fn widened(&self) -> HistDate {
        if !(self.approximate || self.uncertain) {
            return self.clone();
        }
        let shift = |day: Day, sign: i64| match self.precision {
            Precision::Day => day.add_days(7 * sign),
            Precision::PartOfMonth => day.add_days(10 * sign),
            Precision::Month | Precision::Season => day.add_months(sign),
            Precision::PartOfYear => day.add_months(2 * sign),
            Precision::Year => day.add_months(12 * sign),
            Precision::Decade => day.add_months(60 * sign),
        };
        HistDate {
            start: self.start.and_then(|day| shift(day, -1)),
            end: self.end.and_then(|day| shift(day, 1)),
            ..self.clone()
        }
    }

    fn fmt_closed(&self, f: &mut fmt::Formatter<'_>, start: Day, end: Day) -> fmt::Result {
        let same_month = start.year == end.year && start.month == end.month;
        let month_name = month_name(start.month);
        let last = days_in_month(start.year, start.month);
        if start == end {
            return write!(f, "{} {month_name} {}", start.day, start.year);
        }
        if same_month && start.day == 1 && end.day == last {
            return write!(f, "{month_name} {}", start.year);
        }
        if same_month && self.precision == Precision::PartOfMonth {
            let part = match (start.day, end.day) {
                (1, 10) => Some("early"),
                (11, 20) => Some("mid-"),
                (21, d) if d == last => Some("late"),
                _ => None,
            };
            if let Some(part) = part {
                let space = if part.ends_with('-') { "" } else { " " };
                return write!(f, "{part}{space}{month_name} {}", start.year);
            }
        }
        let whole_years = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31);
        if whole_years && start.year == end.year {
            return write!(f, "{}", start.year);
        }
        if whole_years && start.year.rem_euclid(10) == 0 && end.year == start.year + 9 {
            return write!(f, "{}s", start.year);
        }
        write!(f, "{} – {}", start.iso(), end.iso())
    }
}

/// A compact human form: `13 October 1921`, `October 1921`, `early December 1920`, `1921`,
/// `1920s`, otherwise the ISO interval `1921-03-01 – 1921-05-31`; `c. ` marks an approximate date
/// and a trailing `?` an uncertain one.
impl fmt::Display for HistDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("c. ")?;
        }
        match (self.start, self.end) {
            (Some(start), Some(end)) => self.fmt_closed(f, start, end)?,
            (Some(start), None) => write!(f, "from {}", start.iso())?,
            (None, Some(end)) => write!(f, "until {}", end.iso())?,
            (None, None) => f.write_str("any time")?,
        }
        if self.uncertain {
            f.write_str("?")?;
        }
        Ok(())
    }
}

/// A date found in running text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the searched text.
    pub span: Range<usize>,
    pub date: HistDate,
    /// The year was not written next to the date and was taken from the narrative around it
    /// (see the module docs).
    pub inferred_year: bool,
}

/// Parse a whole claim value such as `13 October 1921` or `early 1921`.
///
/// Errors carry the codes `attest::date::invalid_day`, `attest::date::invalid_month`,
/// `attest::date::unknown_month`, `attest::date::reversed_range`, `attest::date::missing_year`
/// (a day or month with no year anywhere in the value) and `attest::date::invalid`.
pub fn parse(input: &str) -> Result<HistDate, ValueError> {
    let body = input.trim_start();
    if body.trim_end().is_empty() {
        return Err(
            ValueError::new("attest::date::invalid", "the date is empty", 0..input.len())
                .with_help(EXAMPLES_HELP),
        );
    }
    let grammar = Grammar { mode: Mode::Value };
    let candidates = grammar.exprs(body);
    let resolver = Resolver {
        base: input,
        mode: Mode::Value,
        context_year: None,
    };
    let mut first_error = None;
    for (_, expr) in candidates.iter().filter(|(rest, _)| rest.trim().is_empty()) {
        match resolver.expr(expr) {
            Ok(resolved) => return Ok(resolved.date),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    if let Some(error) = first_error {
        return Err(error);
    }
    if let Some(error) = unknown_month(input) {
        return Err(error);
    }
    let unread = candidates.first().map_or(body, |(rest, _)| *rest);
    Err(unreadable(input, unread))
}

/// Find every date in running text (English and Russian), in order of position.
pub fn find(text: &str) -> Vec<DateMention> {
    let grammar = Grammar { mode: Mode::Text };
    let mut found = Vec::new();
    let mut narrative = Narrative::default();
    let mut layout = Layout::default();
    let mut pos = 0;
    while let Some(rest) = text.get(pos..) {
        let Some(c) = rest.chars().next() else {
            break;
        };
        if starts_candidate(text, pos, c) {
            layout.advance(text, pos, &mut narrative);
            let quoted = layout.quoted();
            let resolver = Resolver {
                base: text,
                mode: Mode::Text,
                context_year: narrative.year(quoted),
            };
            if let Some((end, resolved)) = grammar.first_in_text(rest, &resolver) {
                let end = pos + end;
                narrative.record(&resolved, quoted);
                found.push(DateMention {
                    span: pos..end,
                    date: resolved.date,
                    inferred_year: resolved.inferred,
                });
                pos = end.max(pos + c.len_utf8());
                continue;
            }
        }
        pos += c.len_utf8();
    }
    found
}

/// How many of the latest dates finer than a year vote for the year of the narrative.
const VOTES: usize = 5;

/// Where a date without a year takes its year from.
///
/// Within a paragraph, from the latest date of that paragraph that wrote its year. A paragraph
/// that has not written one yet continues the narrative: the year most of the latest dates
/// finer than a year had, written or inferred (the latest among equals), so that one aside in
/// another year (`war broke out in September 1920`, `as early as February 1918`) does not move
/// the dates that follow it. Inside a quotation, a date takes the year the quotation wrote;
/// dates inside quotations belong to the speaker's time, not the narrative's, and lend their
/// year to nothing outside.
#[derive(Debug, Default)]
struct Narrative {
    paragraph: Option<i32>,
    quotation: Option<i32>,
    /// The latest written year outside quotations, for text with no finer date yet.
    last: Option<i32>,
    /// Years of the latest dates finer than a year outside quotations, oldest first.
    recent: VecDeque<i32>,
}

impl Narrative {
    fn year(&self, quoted: bool) -> Option<i32> {
        let quotation = self.quotation.filter(|_| quoted);
        quotation
            .or(self.paragraph)
            .or_else(|| self.vote())
            .or(self.last)
    }

    /// The most frequent of the recent years; among equals the one seen last.
    fn vote(&self) -> Option<i32> {
        let count = |year: i32| self.recent.iter().filter(|&&y| y == year).count();
        self.recent
            .iter()
            .enumerate()
            .max_by_key(|&(i, &year)| (count(year), i))
            .map(|(_, &year)| year)
    }

    fn record(&mut self, resolved: &Resolved, quoted: bool) {
        if quoted {
            self.quotation = resolved.written_year.or(self.quotation);
            return;
        }
        if let Some(year) = resolved.written_year {
            self.paragraph = Some(year);
            self.last = Some(year);
        }
        if let Some(year) = resolved.narrative_year {
            if self.recent.len() == VOTES {
                self.recent.pop_front();
            }
            self.recent.push_back(year);
        }
    }

    fn end_paragraph(&mut self) {
        self.paragraph = None;
        self.quotation = None;
    }

    fn end_quotation(&mut self) {
        self.quotation = None;
    }
}

/// Paragraph breaks and quotation marks of the text read so far. A paragraph break (`\n` in
/// normalised text) closes every quotation, so that an unbalanced mark cannot spread.
#[derive(Debug, Default)]
struct Layout {
    /// Bytes read.
    read: usize,
    /// Inside `"…"`.
    straight: bool,
    /// Open `«` and `“` marks.
    depth: u32,
}

impl Layout {
    fn quoted(&self) -> bool {
        self.straight || self.depth > 0
    }

    /// Read the text up to byte `pos`, telling `narrative` where paragraphs and quotations end.
    fn advance(&mut self, text: &str, pos: usize, narrative: &mut Narrative) {
        let Some(chunk) = text.get(self.read..pos) else {
            return;
        };
        for c in chunk.chars() {
            let was_quoted = self.quoted();
            match c {
                '\n' => {
                    self.straight = false;
                    self.depth = 0;
                    narrative.end_paragraph();
                }
                '"' => self.straight = !self.straight,
                '«' | '“' => self.depth += 1,
                '»' | '”' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
            if was_quoted && !self.quoted() {
                narrative.end_quotation();
            }
        }
        self.read = pos;
    }
}

// ---------------------------------------------------------------------------------------------
// Lexicon

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// How an open bound relates to the date it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bound {
    /// Ends the day before the date starts.
    Before,
    /// Starts the day after the date ends.
    After,
    /// Starts with the date.
    Since,
    /// Ends with the date.
    Until,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Unstated,
    Old,
    New,
}

/// A phrase is words separated by spaces; a word ending in `.` must be followed by a period,
/// after which the next word may follow without a space (`o. s.` reads `O.S.`).
type Table<T> = &'static [(&'static str, T)];

/// The month a single word names (`October`, `окт.`, `октября`, `октябре`), in any case, with
/// or without the full stop of an abbreviation. Other code that must tell month words from
/// other words (a unit after a number, a date inside a reference) asks here, so the month
/// vocabulary lives in one table.
pub fn month_of_word(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(form, _)| !form.contains(' ') && eq_fold(word, form.trim_end_matches('.')))
        .and_then(|&(_, month)| u8::try_from(month).ok())
}

/// English full names and abbreviations; Russian nominative, genitive and prepositional forms
/// and abbreviations.
const MONTHS: Table<u32> = &[
    ("january", 1),
    ("jan.", 1),
    ("jan", 1),
    ("february", 2),
    ("feb.", 2),
    ("feb", 2),
    ("febr.", 2),
    ("march", 3),
    ("mar.", 3),
    ("mar", 3),
    ("april", 4),
    ("apr.", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun.", 6),
    ("jun", 6),
    ("july", 7),
    ("jul.", 7),
    ("jul", 7),
    ("august", 8),
    ("aug.", 8),
    ("aug", 8),
    ("september", 9),
    ("sept.", 9),
    ("sept", 9),
    ("sep.", 9),
    ("sep", 9),
    ("october", 10),
    ("oct.", 10),
    ("oct", 10),
    ("november", 11),
    ("nov.", 11),
    ("nov", 11),
    ("december", 12),
    ("dec.", 12),
    ("dec", 12),
    ("январь", 1),
    ("января", 1),
    ("январе", 1),
    ("янв.", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("феврале", 2),
    ("февр.", 2),
    ("фев.", 2),
    ("март", 3),
    ("марта", 3),
    ("марте", 3),
    ("мар.", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("апреле", 4),
    ("апр.", 4),
    ("май", 5),
    ("мая", 5),
    ("мае", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июне", 6),
    ("июль", 7),
    ("июля", 7),
    ("июле", 7),
    ("август", 8),
    ("августа", 8),
    ("августе", 8),
    ("авг.", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("сентябре", 9),
    ("сент.", 9),
    ("сен.", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("октябре", 10),
    ("окт.", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("ноябре", 11),
    ("нояб.", 11),
    ("ноя.", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("декабре", 12),
    ("дек.", 12),
];

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const SEASONS: Table<Season> = &[
    ("spring", Season::Spring),
    ("summer", Season::Summer),
    ("autumn", Season::Autumn),
    ("fall", Season::Autumn),
    ("winter", Season::Winter),
    ("весна", Season::Spring),
    ("весны", Season::Spring),
    ("весной", Season::Spring),
    ("весне", Season::Spring),
    ("весну", Season::Spring),
    ("лето", Season::Summer),
    ("лета", Season::Summer),
    ("летом", Season::Summer),
    ("лете", Season::Summer),
    ("осень", Season::Autumn),
    ("осени", Season::Autumn),
    ("осенью", Season::Autumn),
    ("зима", Season::Winter),
    ("зимы", Season::Winter),
    ("зимой", Season::Winter),
    ("зиме", Season::Winter),
    ("зиму", Season::Winter),
];

/// Parts of a month, a year or a decade.
const PARTS: Table<Part> = &[
    ("early", Part::Early),
    ("beginning of", Part::Early),
    ("start of", Part::Early),
    ("mid", Part::Mid),
    ("middle of", Part::Mid),
    ("late", Part::Late),
    ("end of", Part::Late),
    ("начало", Part::Early),
    ("начала", Part::Early),
    ("начале", Part::Early),
    ("началу", Part::Early),
    ("середина", Part::Mid),
    ("середины", Part::Mid),
    ("середине", Part::Mid),
    ("середину", Part::Mid),
    ("конец", Part::Late),
    ("конца", Part::Late),
    ("конце", Part::Late),
    ("концу", Part::Late),
    ("first days of", Part::Early),
    ("last days of", Part::Late),
    ("первые дни", Part::Early),
    ("первых днях", Part::Early),
    ("первые числа", Part::Early),
    ("первых числах", Part::Early),
    ("последние дни", Part::Late),
    ("последних днях", Part::Late),
    ("последние числа", Part::Late),
    ("последних числах", Part::Late),
];

/// A month or a season named by a Russian adjective.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Period {
    Month(u32),
    Season(Season),
}

/// Stems of the Russian adjectives of months and seasons (`апрельских переговоров`, `летние
/// месяцы`), which take the endings of [`ADJECTIVE_ENDINGS`].
const PERIOD_ADJECTIVES: Table<Period> = &[
    ("январск", Period::Month(1)),
    ("февральск", Period::Month(2)),
    ("мартовск", Period::Month(3)),
    ("апрельск", Period::Month(4)),
    ("майск", Period::Month(5)),
    ("июньск", Period::Month(6)),
    ("июльск", Period::Month(7)),
    ("августовск", Period::Month(8)),
    ("сентябрьск", Period::Month(9)),
    ("октябрьск", Period::Month(10)),
    ("ноябрьск", Period::Month(11)),
    ("декабрьск", Period::Month(12)),
    ("весенн", Period::Season(Season::Spring)),
    ("летн", Period::Season(Season::Summer)),
    ("осенн", Period::Season(Season::Autumn)),
    ("зимн", Period::Season(Season::Winter)),
];

/// Case and number endings of Russian adjectives with stems in `-ск` and soft `-н`.
const ADJECTIVE_ENDINGS: [&str; 19] = [
    "ий", "ая", "яя", "ое", "ее", "ие", "ого", "его", "ой", "ей", "ую", "юю", "ому", "ему", "им",
    "ом", "ем", "их", "ими",
];

/// How many words may stand between a month or season adjective and its year
/// (`апрельских переговоров 1921 года`).
const ADJECTIVE_GAP: usize = 2;

/// The month or season a lowercase word names as an adjective.
fn period_adjective(lower: &str) -> Option<Period> {
    PERIOD_ADJECTIVES.iter().find_map(|&(stem, period)| {
        let ending = lower.strip_prefix(stem)?;
        ADJECTIVE_ENDINGS.contains(&ending).then_some(period)
    })
}

/// Prepositions that introduce a date without changing it; in text they also mark a bare year
/// as a date.
const PREPOSITIONS: Table<()> = &[
    ("in", ()),
    ("on", ()),
    ("at", ()),
    ("during", ()),
    ("dated", ()),
    ("в", ()),
    ("во", ()),
];

const APPROXIMATE: Table<()> = &[
    ("c.", ()),
    ("ca.", ()),
    ("ca", ()),
    ("circa", ()),
    ("about", ()),
    ("around", ()),
    ("approximately", ()),
    ("approx.", ()),
    ("roughly", ()),
    ("около", ()),
    ("примерно", ()),
    ("приблизительно", ()),
];

const OPEN_BOUNDS: Table<Bound> = &[
    ("before", Bound::Before),
    ("prior to", Bound::Before),
    ("до", Bound::Before),
    ("after", Bound::After),
    ("после", Bound::After),
    ("since", Bound::Since),
    ("not earlier than", Bound::Since),
    ("no earlier than", Bound::Since),
    ("с", Bound::Since),
    ("со", Bound::Since),
    ("не ранее", Bound::Since),
    ("until", Bound::Until),
    ("till", Bound::Until),
    ("not later than", Bound::Until),
    ("no later than", Bound::Until),
    ("не позднее", Bound::Until),
];

const BETWEEN: Table<()> = &[("between", ()), ("между", ())];
const BETWEEN_AND: Table<()> = &[("and", ()), ("и", ())];
const RANGE_FROM: Table<()> = &[("from", ()), ("с", ()), ("со", ()), ("от", ())];
const RANGE_TO: Table<()> = &[
    ("to", ()),
    ("till", ()),
    ("until", ()),
    ("through", ()),
    ("по", ()),
    ("до", ()),
];

/// Words between a day and its month in garbled or formal English: `16 in March`, `3rd of June`.
const DAY_MONTH_LINKS: Table<()> = &[("of", ()), ("in", ())];

/// Words after a year that mark it as a year: `1921 г.`, `1920 года`, `1918 году`, and the
/// translation garble of `года`, `1921 of the year`.
const YEAR_SUFFIXES: Table<()> = &[
    ("of the year", ()),
    ("г.", ()),
    ("г", ()),
    ("гг.", ()),
    ("гг", ()),
    ("год", ()),
    ("года", ()),
    ("году", ()),
    ("годы", ()),
    ("годах", ()),
    ("годов", ()),
];

/// Russian ordinal endings of a year: `в 1921-м году`, `1921-го года`.
const YEAR_ORDINALS: Table<()> = &[("м", ()), ("го", ()), ("й", ()), ("ом", ())];

/// Russian plural endings of a decade after its dash: `1920-е`, `1920-х`.
const DECADE_ENDINGS: Table<()> = &[("е", ()), ("х", ()), ("ые", ()), ("ых", ()), ("ие", ())];

const DECADE_SUFFIXES: Table<()> = &[
    ("гг.", ()),
    ("гг", ()),
    ("г.", ()),
    ("годы", ()),
    ("годов", ()),
    ("годах", ()),
    ("годам", ()),
    ("годами", ()),
];

const STYLES: Table<Style> = &[
    ("o. s.", Style::Old),
    ("old style", Style::Old),
    ("ст. ст.", Style::Old),
    ("по ст. ст.", Style::Old),
    ("по старому стилю", Style::Old),
    ("n. s.", Style::New),
    ("new style", Style::New),
    ("н. ст.", Style::New),
    ("по н. ст.", Style::New),
    ("по новому стилю", Style::New),
];

const ORDINAL_SUFFIXES: [&str; 8] = ["st", "nd", "rd", "th", "-го", "-ого", "-е", "-ое"];

const DASHES: [char; 8] = ['-', '‐', '‑', '‒', '–', '—', '―', '−'];

/// Words that, written just before a number in a reference, make it a page, volume, file or
/// item number rather than a day or year.
const NUMBER_MARKERS: [&str; 22] = [
    "p.", "pp.", "с.", "ss.", "l.", "ll.", "л.", "лл.", "f.", "ф.", "op.", "оп.", "d.", "д.",
    "no.", "nr.", "№", "т.", "t.", "vol.", "стр.", "ch.",
];

const EXAMPLES_HELP: &str = "write a date such as `13 October 1921`, `October 1921`, \
    `1921-10-13`, `early 1921`, `spring 1920`, `1920s`, `c. 1920` or `between 1920 and 1921`";

fn month_name(month: u8) -> &'static str {
    MONTH_NAMES
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// Every word of the lexicon, without trailing periods.
fn lexicon_words() -> impl Iterator<Item = &'static str> {
    fn words<T>(table: Table<T>) -> impl Iterator<Item = &'static str> {
        table
            .iter()
            .flat_map(|(phrase, _)| phrase.split(' '))
            .map(|word| word.trim_end_matches('.'))
    }
    words(MONTHS)
        .chain(words(SEASONS))
        .chain(words(PARTS))
        .chain(words(PREPOSITIONS))
        .chain(words(APPROXIMATE))
        .chain(words(OPEN_BOUNDS))
        .chain(words(BETWEEN))
        .chain(words(BETWEEN_AND))
        .chain(words(RANGE_FROM))
        .chain(words(RANGE_TO))
        .chain(words(DAY_MONTH_LINKS))
        .chain(words(YEAR_SUFFIXES))
        .chain(words(STYLES))
        .chain(["the"])
}

fn is_lexicon_word(word: &str) -> bool {
    static LEXICON: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LEXICON
        .get_or_init(|| lexicon_words().collect())
        .contains(word.to_lowercase().as_str())
}

/// Case-insensitive comparison with a lowercase lexicon word.
fn eq_fold(word: &str, lower: &str) -> bool {
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

// ---------------------------------------------------------------------------------------------
// Lexical parsers

type R<'a, T> = IResult<&'a str, T>;

fn fail<T>(i: &str) -> R<'_, T> {
    Err(nom::Err::Error(NomError::new(i, ErrorKind::Verify)))
}

/// The part of `i` a parser consumed, given what it left.
fn consumed<'a>(i: &'a str, rest: &str) -> &'a str {
    i.get(..i.len().saturating_sub(rest.len())).unwrap_or("")
}

fn ws0(i: &str) -> R<'_, &str> {
    take_while(char::is_whitespace)(i)
}

fn ws1(i: &str) -> R<'_, &str> {
    take_while1(char::is_whitespace)(i)
}

fn word(i: &str) -> R<'_, &str> {
    take_while1(char::is_alphabetic)(i)
}

fn ch(c: char) -> impl Fn(&str) -> R<'_, char> {
    move |i| satisfy(move |x| x == c)(i)
}

fn dash(i: &str) -> R<'_, char> {
    satisfy(|c| DASHES.contains(&c))(i)
}

fn end_of_word(i: &str) -> R<'_, ()> {
    not(satisfy(char::is_alphanumeric))(i)
}

fn kw(lower: &'static str) -> impl Fn(&str) -> R<'_, &str> {
    move |i| {
        let (rest, got) = word(i)?;
        if eq_fold(got, lower) {
            Ok((rest, got))
        } else {
            fail(i)
        }
    }
}

/// Match one lexicon phrase at the start of `i`.
fn match_phrase<'a>(i: &'a str, phrase: &str) -> Option<&'a str> {
    let mut rest = i;
    let mut after_period = false;
    for (n, token) in phrase.split(' ').enumerate() {
        if n > 0 {
            rest = if after_period { ws0(rest) } else { ws1(rest) }.ok()?.0;
        }
        let (stem, period) = match token.strip_suffix('.') {
            Some(stem) => (stem, true),
            None => (token, false),
        };
        let (after, got) = word(rest).ok()?;
        if !eq_fold(got, stem) {
            return None;
        }
        rest = if period {
            after.strip_prefix('.')?
        } else {
            after
        };
        after_period = period;
    }
    Some(rest)
}

/// The longest phrase of `table` at the start of `i`, with its value and the matched text.
fn lookup<'a, T: Copy>(table: Table<T>, i: &'a str) -> R<'a, (T, &'a str)> {
    let (_, first) = word(i)?;
    // Phrases are lowercase, so only those starting with the word's lowercase first letter can
    // match.
    let initial = first.chars().next().and_then(|c| c.to_lowercase().next());
    let mut best: Option<(&'a str, T)> = None;
    for &(phrase, value) in table {
        if phrase.chars().next() != initial {
            continue;
        }
        let head = phrase.split(' ').next().unwrap_or(phrase);
        if !eq_fold(first, head.trim_end_matches('.')) {
            continue;
        }
        if let Some(rest) = match_phrase(i, phrase)
            && best.is_none_or(|(best_rest, _)| rest.len() < best_rest.len())
        {
            best = Some((rest, value));
        }
    }
    match best {
        Some((rest, value)) => Ok((rest, (value, consumed(i, rest)))),
        None => fail(i),
    }
}

fn table<T: Copy>(table: Table<T>) -> impl Fn(&str) -> R<'_, T> {
    move |i| lookup(table, i).map(|(rest, (value, _))| (rest, value))
}

/// A number of `min..=max` ASCII digits not followed by another digit.
fn number(min: usize, max: usize) -> impl Fn(&str) -> R<'_, Tok<'_, u32>> {
    move |i| {
        let (rest, digits) = take_while_m_n(min, max, |c: char| c.is_ascii_digit())(i)?;
        let (rest, ()) = not(satisfy(|c: char| c.is_ascii_digit()))(rest)?;
        match digits.parse() {
            Ok(val) => Ok((rest, Tok { val, src: digits })),
            Err(_) => fail(i),
        }
    }
}

/// What separates a year from what precedes it: `October 1921`, `October, 1921`.
fn year_sep(i: &str) -> R<'_, &str> {
    if let Ok((rest, _)) = ch(',')(ws0(i)?.0) {
        return recognize(ws0)(rest).map(|(rest, _)| (rest, consumed(i, rest)));
    }
    ws1(i)
}

/// A word of `table` after a number: a whole word, though an abbreviation may be followed by a
/// note number that normalisation left glued to its period.
fn suffix_word<'a>(table: Table<()>, i: &'a str) -> R<'a, &'a str> {
    let (rest, (_, word)) = lookup(table, i)?;
    if !word.ends_with('.') {
        end_of_word(rest)?;
    }
    Ok((rest, word))
}

fn ordinal(i: &str) -> R<'_, &str> {
    for suffix in ORDINAL_SUFFIXES {
        if let Ok(ok) = tag_no_case::<_, _, NomError<&str>>(suffix)(i) {
            return Ok(ok);
        }
    }
    fail(i)
}

fn day(i: &str) -> R<'_, Tok<'_, u32>> {
    let (rest, day) = number(1, 2)(i)?;
    let (rest, _) = opt(ordinal)(rest)?;
    let (rest, ()) = end_of_word(rest)?;
    Ok((rest, day))
}

/// A four-digit year from 1000 to 2999, with an optional Russian `г.`/`года`.
fn year(i: &str) -> R<'_, YearTok> {
    let (rest, year) = number(4, 4)(i)?;
    if !(1000..=2999).contains(&year.val) {
        return fail(i);
    }
    let (rest, ordinal) = opt(|r| {
        let (r, _) = dash(r)?;
        suffix_word(YEAR_ORDINALS, r)
    })(rest)?;
    // `1920-х` is a decade, not the year 1920.
    let (rest, ()) = not(|r| dash(r).and_then(|(r, _)| satisfy(char::is_alphabetic)(r)))(rest)?;
    let (rest, suffix) = opt(|r| {
        let (r, _) = ws0(r)?;
        suffix_word(YEAR_SUFFIXES, r)
    })(rest)?;
    if suffix.is_none() {
        end_of_word(rest)?;
    }
    let val = i32::try_from(year.val)
        .map_err(|_| nom::Err::Error(NomError::new(i, ErrorKind::Verify)))?;
    Ok((
        rest,
        YearTok {
            val,
            marked: suffix.is_some() || ordinal.is_some(),
        },
    ))
}

/// `1920s`, `1920's`, `1920-е`, `1920-х гг.`: the first year of the decade.
fn decade_year(i: &str) -> R<'_, YearTok> {
    let (rest, year) = number(4, 4)(i)?;
    if year.val % 10 != 0 || !(1000..=2999).contains(&year.val) {
        return fail(i);
    }
    let english = ["'s", "’s", "s"]
        .iter()
        .find_map(|suffix| tag_no_case::<_, _, NomError<&str>>(*suffix)(rest).ok());
    let rest = match english {
        Some((rest, _)) => rest,
        None => {
            let (rest, _) = dash(rest)?;
            table(DECADE_ENDINGS)(rest)?.0
        }
    };
    let (rest, ()) = end_of_word(rest)?;
    let (rest, _) = opt(|r| {
        let (r, _) = ws0(r)?;
        suffix_word(DECADE_SUFFIXES, r)
    })(rest)?;
    let val = i32::try_from(year.val)
        .map_err(|_| nom::Err::Error(NomError::new(i, ErrorKind::Verify)))?;
    Ok((rest, YearTok { val, marked: true }))
}

/// `early`, `mid-`, `the end of`, `в начале`… with what separates it from the period.
fn part(i: &str) -> R<'_, Part> {
    let (rest, part) = table(PARTS)(i)?;
    if let Ok((rest, _)) = ws1(rest) {
        return Ok((rest, part));
    }
    let (rest, _) = dash(rest)?;
    let (rest, _) = ws0(rest)?;
    Ok((rest, part))
}

fn style(i: &str) -> R<'_, Style> {
    if let Ok((inner, _)) = ch('(')(i) {
        let (rest, _) = ws0(inner)?;
        let (rest, style) = table(STYLES)(rest)?;
        let (rest, _) = ws0(rest)?;
        let (rest, _) = ch(')')(rest)?;
        return Ok((rest, style));
    }
    table(STYLES)(i)
}

fn the(i: &str) -> R<'_, &str> {
    let (rest, the) = kw("the")(i)?;
    let (rest, _) = ws1(rest)?;
    Ok((rest, the))
}

// ---------------------------------------------------------------------------------------------
// Grammar

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// A whole claim value.
    Value,
    /// Running text, where English month names must be capitalised (`may`, `march`) and a bare
    /// year or month must be introduced by a preposition to count.
    Text,
}

#[derive(Clone, Copy, Debug)]
struct Tok<'a, T> {
    val: T,
    src: &'a str,
}

#[derive(Clone, Copy, Debug)]
struct YearTok {
    val: i32,
    /// Written with `г.`/`года` or as part of a decade: certainly a year.
    marked: bool,
}

/// What one date expression names, before its year is known for sure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grain {
    /// A day; the month may be missing on one side of a range (`13–15 October`).
    Day,
    PartOfMonth(Part),
    Month,
    Season(Season),
    PartOfYear(Part),
    Year,
    Decade(Option<Part>),
}

impl Grain {
    fn precision(self) -> Precision {
        match self {
            Grain::Day => Precision::Day,
            Grain::PartOfMonth(_) => Precision::PartOfMonth,
            Grain::Month => Precision::Month,
            Grain::Season(_) => Precision::Season,
            Grain::PartOfYear(_) => Precision::PartOfYear,
            Grain::Year => Precision::Year,
            Grain::Decade(_) => Precision::Decade,
        }
    }

    /// Only dates finer than a season take their year from the surrounding text.
    fn may_infer_year(self) -> bool {
        matches!(self, Grain::Day | Grain::PartOfMonth(_) | Grain::Month)
    }
}

#[derive(Clone, Copy, Debug)]
struct Point<'a> {
    grain: Grain,
    day: Option<Tok<'a, u32>>,
    month: Option<Tok<'a, u32>>,
    year: Option<YearTok>,
    src: &'a str,
    approximate: bool,
    uncertain: bool,
    /// Named by an adjective of the event it dates (`апрельских переговоров 1921 года`).
    adjectival: bool,
}

impl<'a> Point<'a> {
    fn new(grain: Grain) -> Point<'a> {
        Point {
            grain,
            day: None,
            month: None,
            year: None,
            src: "",
            approximate: false,
            uncertain: false,
            adjectival: false,
        }
    }

    /// A year or month standing alone, which in text may be a page, a number or a word.
    fn is_bare(&self) -> bool {
        match self.grain {
            Grain::Year => !self.year.is_some_and(|year| year.marked),
            Grain::Month => self.year.is_none(),
            _ => false,
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Shape<'a> {
    Single(Point<'a>),
    Range(Point<'a>, Point<'a>),
    Open(Bound, Point<'a>),
}

#[derive(Clone, Copy, Debug)]
struct Expr<'a> {
    shape: Shape<'a>,
    /// Introduced by a preposition, qualifier or range word.
    anchored: bool,
    style: Style,
}

impl Expr<'_> {
    fn points(&self) -> impl Iterator<Item = &Point<'_>> {
        let (first, second) = match &self.shape {
            Shape::Single(p) | Shape::Open(_, p) => (p, None),
            Shape::Range(a, b) => (a, Some(b)),
        };
        std::iter::once(first).chain(second)
    }

    /// Whether running text may count this as a date. A range of two months (`May-July`)
    /// is one even without a preposition: two month names joined by a dash are no other word.
    fn acts_as_date(&self) -> bool {
        let plausible_years = self.points().all(|p| {
            p.grain != Grain::Year || p.year.is_some_and(|y| (1000..=2100).contains(&y.val))
        });
        let months = matches!(self.shape, Shape::Range(a, b) if a.grain == Grain::Month && b.grain == Grain::Month);
        plausible_years && (self.anchored || months || self.points().any(|p| !p.is_bare()))
    }
}

type Alt<'a, T> = fn(&Grammar, &'a str) -> R<'a, T>;

fn longest<'a, T>(g: &Grammar, i: &'a str, alts: &[Alt<'a, T>]) -> R<'a, T> {
    let mut best: Option<(&'a str, T)> = None;
    for alt in alts {
        if let Ok((rest, value)) = alt(g, i)
            && best
                .as_ref()
                .is_none_or(|(best_rest, _)| rest.len() < best_rest.len())
        {
            best = Some((rest, value));
        }
    }
    best.map_or_else(|| fail(i), Ok)
}

struct Grammar {
    mode: Mode,
}

impl Grammar {
    fn month<'a>(&self, i: &'a str) -> R<'a, Tok<'a, u32>> {
        let (rest, (val, src)) = lookup(MONTHS, i)?;
        // `may` and `march` are also ordinary English words.
        if self.mode == Mode::Text && src.starts_with(|c: char| c.is_ascii_lowercase()) {
            return fail(i);
        }
        Ok((rest, Tok { val, src }))
    }

    fn opt_year<'a>(&self, i: &'a str) -> R<'a, Option<YearTok>> {
        opt(|r| {
            let (r, _) = year_sep(r)?;
            year(r)
        })(i)
    }

    /// `1921-10-13`, `1921-10`.
    fn iso<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, y) = number(4, 4)(i)?;
        let (rest, _) = ch('-')(rest)?;
        let (rest, month) = number(2, 2)(rest)?;
        let (rest, day) = opt(|r| {
            let (r, _) = ch('-')(r)?;
            number(2, 2)(r)
        })(rest)?;
        let (rest, ()) = end_of_word(rest)?;
        let year = YearTok {
            val: i32::try_from(y.val).unwrap_or(0),
            marked: true,
        };
        let grain = if day.is_some() {
            Grain::Day
        } else {
            Grain::Month
        };
        Ok((
            rest,
            Point {
                day,
                month: Some(month),
                year: Some(year),
                ..Point::new(grain)
            },
        ))
    }

    /// `13.10.1921`.
    fn dotted<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, day) = number(1, 2)(i)?;
        let (rest, _) = ch('.')(rest)?;
        let (rest, month) = number(1, 2)(rest)?;
        let (rest, _) = ch('.')(rest)?;
        let (rest, year) = year(rest)?;
        Ok((
            rest,
            Point {
                day: Some(day),
                month: Some(month),
                year: Some(year),
                ..Point::new(Grain::Day)
            },
        ))
    }

    /// `13 October 1921`, `16 in March 1921`, `3rd of June`, `7-го мая`.
    fn day_month<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, day) = day(i)?;
        let (rest, _) = ws1(rest)?;
        let (rest, _) = opt(|r| {
            let (r, _) = table(DAY_MONTH_LINKS)(r)?;
            ws1(r)
        })(rest)?;
        let (rest, month) = self.month(rest)?;
        let (rest, year) = self.opt_year(rest)?;
        Ok((
            rest,
            Point {
                day: Some(day),
                month: Some(month),
                year,
                ..Point::new(Grain::Day)
            },
        ))
    }

    /// `October 13, 1921`, `August 10th`, `December 7`.
    fn month_day<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, month) = self.month(i)?;
        let (rest, _) = ws1(rest)?;
        let (rest, _) = opt(the)(rest)?;
        let (rest, day) = day(rest)?;
        let (rest, year) = self.opt_year(rest)?;
        Ok((
            rest,
            Point {
                day: Some(day),
                month: Some(month),
                year,
                ..Point::new(Grain::Day)
            },
        ))
    }

    /// `October 1921`, `Август, 1921`, `October of 1921`, `в мае`.
    fn month_year<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, month) = self.month(i)?;
        let (rest, year) = opt(|r| {
            let (r, _) = year_sep(r)?;
            let (r, _) = opt(|r| {
                let (r, _) = kw("of")(r)?;
                ws1(r)
            })(r)?;
            year(r)
        })(rest)?;
        Ok((
            rest,
            Point {
                month: Some(month),
                year,
                ..Point::new(Grain::Month)
            },
        ))
    }

    /// `1922 in April`, a translation garble of `in April 1922`.
    fn year_in_month<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, year) = year(i)?;
        let (rest, _) = ws1(rest)?;
        let (rest, _) = kw("in")(rest)?;
        let (rest, _) = ws1(rest)?;
        let (rest, month) = self.month(rest)?;
        Ok((
            rest,
            Point {
                month: Some(month),
                year: Some(year),
                ..Point::new(Grain::Month)
            },
        ))
    }

    /// `early December 1920`, `в начале декабря`, `the end of November`.
    fn part_month<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, part) = part(i)?;
        let (rest, month) = self.month(rest)?;
        let (rest, year) = self.opt_year(rest)?;
        Ok((
            rest,
            Point {
                month: Some(month),
                year,
                ..Point::new(Grain::PartOfMonth(part))
            },
        ))
    }

    /// `early 1921`, `mid-1921`, `в конце 1921 г.`.
    fn part_year<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, part) = part(i)?;
        let (rest, year) = year(rest)?;
        Ok((
            rest,
            Point {
                year: Some(year),
                ..Point::new(Grain::PartOfYear(part))
            },
        ))
    }

    /// `апрельских переговоров 1921 года` (the April 1921 talks), `летние месяцы 1920 года`: a
    /// month or season named by its adjective, a few words before its year.
    fn adjective_period<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (mut rest, adjective) = word(i)?;
        let Some(period) = period_adjective(&adjective.to_lowercase()) else {
            return fail(i);
        };
        for _ in 0..=ADJECTIVE_GAP {
            let (r, _) = ws1(rest)?;
            if let Ok((r, year)) = year(r) {
                let point = match period {
                    Period::Month(val) => Point {
                        month: Some(Tok {
                            val,
                            src: adjective,
                        }),
                        year: Some(year),
                        ..Point::new(Grain::Month)
                    },
                    Period::Season(season) => Point {
                        year: Some(year),
                        ..Point::new(Grain::Season(season))
                    },
                };
                return Ok((
                    r,
                    Point {
                        adjectival: true,
                        ..point
                    },
                ));
            }
            let (r, between) = word(r)?;
            if !between.starts_with(char::is_lowercase) {
                return fail(i);
            }
            rest = r;
        }
        fail(i)
    }

    /// `early 1920s`, `в начале 1920-х гг.`.
    fn part_decade<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, part) = part(i)?;
        let (rest, _) = opt(the)(rest)?;
        let (rest, year) = decade_year(rest)?;
        Ok((
            rest,
            Point {
                year: Some(year),
                ..Point::new(Grain::Decade(Some(part)))
            },
        ))
    }

    /// `spring 1920`, `the summer of 1920`, `весной 1920 г.`.
    fn season<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, season) = table(SEASONS)(i)?;
        let (rest, year) = opt(|r| {
            let (r, _) = year_sep(r)?;
            let (r, _) = opt(|r| {
                let (r, _) = kw("of")(r)?;
                ws1(r)
            })(r)?;
            year(r)
        })(rest)?;
        Ok((
            rest,
            Point {
                year,
                ..Point::new(Grain::Season(season))
            },
        ))
    }

    fn decade<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, year) = decade_year(i)?;
        Ok((
            rest,
            Point {
                year: Some(year),
                ..Point::new(Grain::Decade(None))
            },
        ))
    }

    fn year<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, year) = year(i)?;
        Ok((
            rest,
            Point {
                year: Some(year),
                ..Point::new(Grain::Year)
            },
        ))
    }

    /// A day that takes its month from the other side of a range: `13` in `13–15 October`,
    /// `29, 1920` in `December 22–29, 1920`.
    fn day_only<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let (rest, day) = day(i)?;
        let (rest, year) = self.opt_year(rest)?;
        Ok((
            rest,
            Point {
                day: Some(day),
                year,
                ..Point::new(Grain::Day)
            },
        ))
    }

    fn point<'a>(&self, i: &'a str) -> R<'a, Point<'a>> {
        let atoms: [Alt<'a, Point<'a>>; 14] = [
            |g, i| g.iso(i),
            |g, i| g.dotted(i),
            |g, i| g.day_month(i),
            |g, i| g.month_day(i),
            |g, i| g.month_year(i),
            |g, i| g.year_in_month(i),
            |g, i| g.part_month(i),
            |g, i| g.adjective_period(i),
            |g, i| g.part_year(i),
            |g, i| g.part_decade(i),
            |g, i| g.season(i),
            |g, i| g.decade(i),
            |g, i| g.year(i),
            |g, i| g.day_only(i),
        ];
        let (rest, mut point) = longest(self, i, &atoms)?;
        point.src = consumed(i, rest);
        if self.mode == Mode::Text {
            return Ok((rest, point));
        }
        // EDTF qualifiers; in running text `?` ends questions instead.
        let (rest, mark) = opt(satisfy(|c| matches!(c, '~' | '?' | '%')))(rest)?;
        point.approximate = matches!(mark, Some('~' | '%'));
        point.uncertain = matches!(mark, Some('?' | '%'));
        Ok((rest, point))
    }

    /// A date with what may introduce it: `c. 1920`, `в октябре 1921 г.`, `on the 3rd of June`.
    fn side<'a>(&self, i: &'a str) -> R<'a, (Point<'a>, bool)> {
        let (rest, approx) = opt(|r| {
            let (r, _) = table(APPROXIMATE)(r)?;
            ws0(r)
        })(i)?;
        let (rest, prep) = opt(|r| {
            let (r, _) = table(PREPOSITIONS)(r)?;
            ws1(r)
        })(rest)?;
        let (rest, _) = opt(the)(rest)?;
        let (rest, mut point) = self.point(rest)?;
        point.approximate |= approx.is_some();
        Ok((rest, (point, approx.is_some() || prep.is_some())))
    }

    fn single<'a>(&self, i: &'a str) -> R<'a, Expr<'a>> {
        let (rest, (point, anchored)) = self.side(i)?;
        Ok((rest, expr(Shape::Single(point), anchored)))
    }

    /// `A – B`, `A-B`, `A/B`.
    fn dash_range<'a>(&self, i: &'a str) -> R<'a, Expr<'a>> {
        let (rest, (a, anchored_a)) = self.side(i)?;
        let (rest, _) = ws0(rest)?;
        let (rest, _) = satisfy(|c| c == '/' || DASHES.contains(&c))(rest)?;
        let (rest, _) = ws0(rest)?;
        let (rest, (b, anchored_b)) = self.side(rest)?;
        Ok((rest, expr(Shape::Range(a, b), anchored_a || anchored_b)))
    }

    /// `between A and B`, `between A – B`.
    fn between<'a>(&self, i: &'a str) -> R<'a, Expr<'a>> {
        self.keyword_range(i, BETWEEN, BETWEEN_AND)
    }

    /// `from A to B`, `с A по B`, `от A до B`.
    fn span_range<'a>(&self, i: &'a str) -> R<'a, Expr<'a>> {
        self.keyword_range(i, RANGE_FROM, RANGE_TO)
    }

    fn keyword_range<'a>(&self, i: &'a str, open: Table<()>, close: Table<()>) -> R<'a, Expr<'a>> {
        let (rest, _) = table(open)(i)?;
        let (rest, _) = ws1(rest)?;
        let (rest, (a, _)) = self.side(rest)?;
        let (rest, _) = ws1(rest)?;
        let (rest, _) = table(close)(rest)?;
        let (rest, _) = ws1(rest)?;
        let (rest, (b, _)) = self.side(rest)?;
        Ok((rest, expr(Shape::Range(a, b), true)))
    }

    /// `before 1922`, `после марта 1921 г.`, EDTF `../1921` and `1921/..`.
    fn open_bound<'a>(&self, i: &'a str) -> R<'a, Expr<'a>> {
        if self.mode == Mode::Value {
            if let Ok((rest, _)) = tag::<_, _, NomError<&str>>("../")(i) {
                let (rest, (point, _)) = self.side(rest)?;
                return Ok((rest, expr(Shape::Open(Bound::Until, point), true)));
            }
            if let Ok((rest, (point, _))) = self.side(i)
                && let Ok((rest, _)) = tag::<_, _, NomError<&str>>("/..")(rest)
            {
                return Ok((rest, expr(Shape::Open(Bound::Since, point), true)));
            }
        }
        let (rest, bound) = table(OPEN_BOUNDS)(i)?;
        let (rest, _) = ws1(rest)?;
        let (rest, (point, _)) = self.side(rest)?;
        // `после апрельских переговоров 1921 года`: the bound is on the event named, while the
        // date is when the talks took place.
        if point.adjectival {
            return fail(i);
        }
        Ok((rest, expr(Shape::Open(bound, point), true)))
    }

    /// Every reading of `i` as a date, longest first.
    fn exprs<'a>(&self, i: &'a str) -> Vec<(&'a str, Expr<'a>)> {
        let alts: [Alt<'a, Expr<'a>>; 5] = [
            |g, i| g.single(i),
            |g, i| g.dash_range(i),
            |g, i| g.between(i),
            |g, i| g.span_range(i),
            |g, i| g.open_bound(i),
        ];
        let mut found: Vec<(&'a str, Expr<'a>)> = alts
            .iter()
            .filter_map(|alt| alt(self, i).ok())
            .map(|(rest, mut expr)| {
                let styled = ws0(rest).and_then(|(r, _)| style(r));
                match styled {
                    Ok((after, style)) => {
                        expr.style = style;
                        (after, expr)
                    }
                    Err(_) => (rest, expr),
                }
            })
            .collect();
        found.sort_by_key(|(rest, _)| rest.len());
        found
    }

    /// The longest reading at the start of `i` that is a date in running text, with the byte
    /// length it covers.
    fn first_in_text(&self, i: &str, resolver: &Resolver<'_>) -> Option<(usize, Resolved)> {
        self.exprs(i)
            .into_iter()
            .filter(|(_, expr)| expr.acts_as_date())
            .find_map(|(rest, expr)| {
                let resolved = resolver.expr(&expr).ok()?;
                Some((i.len() - rest.len(), resolved))
            })
    }
}

fn expr(shape: Shape<'_>, anchored: bool) -> Expr<'_> {
    Expr {
        shape,
        anchored,
        style: Style::Unstated,
    }
}

/// Whether a date may start at byte `pos` of `text`, where `c` is: at the start of a word that
/// is a digit (not a page or file number), or that begins a run of introducing words (`in`,
/// `с`, `about`, `not earlier than`, `the`) leading to a digit or to a word that begins a point
/// (a month, a season, a part of a period, a month or season adjective). Every reading of the
/// grammar starts so; checking this first spares the grammar most positions of a text.
fn starts_candidate(text: &str, pos: usize, c: char) -> bool {
    let before = text.get(..pos).unwrap_or("");
    if before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    if c.is_ascii_digit() {
        return !after_number_marker(before);
    }
    c.is_alphabetic() && leads_to_point(text.get(pos..).unwrap_or(""))
}

/// The most introducing words a date can have before its first point
/// (`not earlier than about the …`).
const MAX_LEAD_WORDS: usize = 8;

fn leads_to_point(mut rest: &str) -> bool {
    for _ in 0..MAX_LEAD_WORDS {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        let Ok((after, w)) = word(rest) else {
            return false;
        };
        let lower = w.to_lowercase();
        if point_words().contains(lower.as_str()) || period_adjective(&lower).is_some() {
            return true;
        }
        if !lead_words().contains(lower.as_str()) {
            return false;
        }
        rest = after.strip_prefix('.').unwrap_or(after).trim_start();
    }
    false
}

fn first_words<T>(table: Table<T>) -> impl Iterator<Item = &'static str> {
    table
        .iter()
        .filter_map(|(phrase, _)| phrase.split(' ').next())
        .map(|word| word.trim_end_matches('.'))
}

fn all_words<T>(table: Table<T>) -> impl Iterator<Item = &'static str> {
    table
        .iter()
        .flat_map(|(phrase, _)| phrase.split(' '))
        .map(|word| word.trim_end_matches('.'))
}

/// Words that begin a point of a date.
fn point_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        first_words(MONTHS)
            .chain(first_words(SEASONS))
            .chain(first_words(PARTS))
            .collect()
    })
}

/// Words that may stand before the first point of a date.
fn lead_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        all_words(APPROXIMATE)
            .chain(all_words(PREPOSITIONS))
            .chain(all_words(OPEN_BOUNDS))
            .chain(all_words(BETWEEN))
            .chain(all_words(RANGE_FROM))
            .chain(["the"])
            .collect()
    })
}

/// `p. 11`, `С.176`, `№15`, `f. 85`: the number that follows is not a date.
fn after_number_marker(before: &str) -> bool {
    let trimmed = before.trim_end();
    let token = trimmed
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | ',' | ';'))
        .next()
        .unwrap_or("");
    NUMBER_MARKERS.iter().any(|marker| eq_fold(token, marker))
}

// ---------------------------------------------------------------------------------------------
// Resolution: from what was written to an interval of days

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearSource {
    Written,
    /// From the other side of a range.
    Borrowed,
    /// From the surrounding text.
    Inferred,
}

#[derive(Debug)]
struct Resolved {
    date: HistDate,
    inferred: bool,
    /// The year the expression reaches when it writes a year (the year of its end: a range
    /// from December 1921 to a January takes the reader into 1922), for dates later in the
    /// text that lack one.
    written_year: Option<i32>,
    /// The year of its end, when the date is finer than a year and so part of a narrative.
    narrative_year: Option<i32>,
}

struct Resolver<'b> {
    base: &'b str,
    mode: Mode,
    context_year: Option<i32>,
}

impl Resolver<'_> {
    /// Byte range of `part`, a slice of the parsed text, in the parsed text.
    fn span(&self, part: &str) -> Range<usize> {
        let start = (part.as_ptr() as usize)
            .saturating_sub(self.base.as_ptr() as usize)
            .min(self.base.len());
        start..(start + part.len()).min(self.base.len())
    }

    fn expr(&self, expr: &Expr<'_>) -> Result<Resolved, ValueError> {
        let old_style = expr.style == Style::Old;
        let approximate = expr.points().any(|p| p.approximate);
        let uncertain = expr.points().any(|p| p.uncertain);
        let written = |p: &Point<'_>| {
            p.year
                .filter(|_| !matches!(p.grain, Grain::Decade(_)))
                .map(|y| y.val)
        };
        let (start, end, precision, inferred, written_year) = match expr.shape {
            Shape::Single(p) => {
                let (year, source) = self.year_for(&p, None)?;
                let (start, end) = self.bounds(&p, year, old_style)?;
                let inferred = source == YearSource::Inferred;
                (
                    Some(start),
                    Some(end),
                    p.grain.precision(),
                    inferred,
                    written(&p),
                )
            }
            Shape::Range(a, b) => {
                let (start, end, inferred) = self.range(a, b, old_style)?;
                let precision = a.grain.precision().max(b.grain.precision());
                let written_year = written(&b).or(written(&a)).map(|_| end.year());
                (Some(start), Some(end), precision, inferred, written_year)
            }
            Shape::Open(bound, p) => {
                let (year, source) = self.year_for(&p, None)?;
                let (first, last) = self.bounds(&p, year, old_style)?;
                let (start, end) = match bound {
                    Bound::Before => (None, first.add_days(-1)),
                    Bound::After => (last.add_days(1), None),
                    Bound::Since => (Some(first), None),
                    Bound::Until => (None, Some(last)),
                };
                if start.is_none() && end.is_none() {
                    return Err(self.invalid(p.src, "the date is out of range"));
                }
                let inferred = source == YearSource::Inferred;
                // `before 1914` says nothing about when the text's events happen.
                (start, end, p.grain.precision(), inferred, None)
            }
        };
        let narrative_year = match (expr.shape, end) {
            (Shape::Open(..), _) | (_, None) => None,
            (_, Some(end)) => (precision <= Precision::Season).then_some(end.year()),
        };
        Ok(Resolved {
            date: HistDate {
                start,
                end,
                precision,
                approximate,
                uncertain,
            },
            inferred,
            written_year,
            narrative_year,
        })
    }

    fn range<'p>(
        &self,
        mut a: Point<'p>,
        mut b: Point<'p>,
        old_style: bool,
    ) -> Result<(Day, Day, bool), ValueError> {
        if a.grain == Grain::Day && a.month.is_none() {
            a.month = b.month;
        }
        if b.grain == Grain::Day && b.month.is_none() {
            b.month = a.month;
        }
        let (mut year_a, source_a) = self.year_for(&a, b.year)?;
        let (mut year_b, source_b) = self.year_for(&b, a.year)?;
        let (mut start, _) = self.bounds(&a, year_a, old_style)?;
        let (_, mut end) = self.bounds(&b, year_b, old_style)?;
        // `December – February 1921`: the borrowed year is the wrong one.
        if start > end && source_a != YearSource::Written {
            year_a -= 1;
            start = self.bounds(&a, year_a, old_style)?.0;
        } else if start > end && source_b != YearSource::Written {
            year_b += 1;
            end = self.bounds(&b, year_b, old_style)?.1;
        }
        if start > end {
            return Err(ValueError::new(
                "attest::date::reversed_range",
                format!(
                    "the range ends on {} before it starts on {}",
                    end.iso(),
                    start.iso()
                ),
                self.span(b.src),
            )
            .with_help("write the earlier date first"));
        }
        let inferred = source_a == YearSource::Inferred || source_b == YearSource::Inferred;
        Ok((start, end, inferred))
    }

    fn year_for(
        &self,
        p: &Point<'_>,
        other: Option<YearTok>,
    ) -> Result<(i32, YearSource), ValueError> {
        if p.grain == Grain::Day && p.month.is_none() {
            return Err(self.invalid(p.src, "the day has no month"));
        }
        if let Some(year) = p.year {
            return Ok((year.val, YearSource::Written));
        }
        if let Some(year) = other {
            return Ok((year.val, YearSource::Borrowed));
        }
        match self.context_year {
            Some(year) if self.mode == Mode::Text && p.grain.may_infer_year() => {
                Ok((year, YearSource::Inferred))
            }
            _ => Err(ValueError::new(
                "attest::date::missing_year",
                "the date has no year",
                self.span(p.src),
            )
            .with_help("add the year, as in `13 October 1921` or `spring 1920`")),
        }
    }

    fn invalid(&self, part: &str, message: impl Into<String>) -> ValueError {
        ValueError::new("attest::date::invalid", message, self.span(part)).with_help(EXAMPLES_HELP)
    }

    fn month_of(&self, p: &Point<'_>) -> Result<u8, ValueError> {
        let Some(month) = p.month else {
            return Err(self.invalid(p.src, "the day has no month"));
        };
        match u8::try_from(month.val) {
            Ok(m @ 1..=12) => Ok(m),
            _ => Err(ValueError::new(
                "attest::date::invalid_month",
                format!("there is no month {}", month.val),
                self.span(month.src),
            )
            .with_help("months are numbered from 1 to 12")),
        }
    }

    /// The first and last day `p` covers in `year`.
    fn bounds(&self, p: &Point<'_>, year: i32, old_style: bool) -> Result<(Day, Day), ValueError> {
        let out_of_range = || self.invalid(p.src, "the date is out of range");
        let old_style =
            old_style && matches!(p.grain, Grain::Day | Grain::PartOfMonth(_) | Grain::Month);
        let month_days = |month: u8| {
            if old_style {
                julian_days_in_month(year, month)
            } else {
                days_in_month(year, month)
            }
        };
        let make = |month: u8, day: u8| -> Option<Day> {
            if old_style {
                let jdn = julian_jdn(i64::from(year), i64::from(month), i64::from(day));
                Day::from_jdn(jdn)
            } else {
                Day::new(year, month, day)
            }
        };
        let within_month = |month: u8, first: u8, last: u8| {
            Ok((
                make(month, first).ok_or_else(out_of_range)?,
                make(month, last).ok_or_else(out_of_range)?,
            ))
        };
        let whole = |first: Option<Day>, last: Option<Day>| {
            Ok((
                first.ok_or_else(out_of_range)?,
                last.ok_or_else(out_of_range)?,
            ))
        };
        match p.grain {
            Grain::Day => {
                let month = self.month_of(p)?;
                let length = month_days(month);
                let day = self.day_of(p, year, month, length, old_style)?;
                within_month(month, day, day)
            }
            Grain::PartOfMonth(part) => {
                let month = self.month_of(p)?;
                let length = month_days(month);
                let (first, last) = match part {
                    Part::Early => (1, 10),
                    Part::Mid => (11, 20),
                    Part::Late => (21, length),
                };
                within_month(month, first, last)
            }
            Grain::Month => {
                let month = self.month_of(p)?;
                let length = month_days(month);
                within_month(month, 1, length)
            }
            Grain::Season(season) => {
                let (first_year, first_month, last_month) = match season {
                    Season::Spring => (year, 3, 5),
                    Season::Summer => (year, 6, 8),
                    Season::Autumn => (year, 9, 11),
                    Season::Winter => (year - 1, 12, 2),
                };
                whole(
                    Day::first_of_month(first_year, first_month),
                    Day::last_of_month(year, last_month),
                )
            }
            Grain::PartOfYear(part) => {
                let (first, last) = match part {
                    Part::Early => (1, 4),
                    Part::Mid => (5, 8),
                    Part::Late => (9, 12),
                };
                whole(
                    Day::first_of_month(year, first),
                    Day::last_of_month(year, last),
                )
            }
            Grain::Year => whole(Day::new(year, 1, 1), Day::new(year, 12, 31)),
            Grain::Decade(part) => {
                let decade = year - year.rem_euclid(10);
                let (first, last) = match part {
                    None => (0, 9),
                    Some(Part::Early) => (0, 3),
                    Some(Part::Mid) => (4, 6),
                    Some(Part::Late) => (7, 9),
                };
                whole(
                    Day::new(decade + first, 1, 1),
                    Day::new(decade + last, 12, 31),
                )
            }
        }
    }

    fn day_of(
        &self,
        p: &Point<'_>,
        year: i32,
        month: u8,
        length: u8,
        old_style: bool,
    ) -> Result<u8, ValueError> {
        let Some(day) = p.day else {
            return Err(self.invalid(p.src, "the date has no day"));
        };
        match u8::try_from(day.val) {
            Ok(d) if (1..=length).contains(&d) => Ok(d),
            _ => {
                let calendar = if old_style { " (Old Style)" } else { "" };
                let message = if day.val == 0 {
                    "there is no day 0".to_owned()
                } else {
                    format!("{} {year}{calendar} has {length} days", month_name(month))
                };
                Err(
                    ValueError::new("attest::date::invalid_day", message, self.span(day.src))
                        .with_help(format!("write a day from 1 to {length}")),
                )
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Errors for unreadable values

/// A word that looks like a misspelt month, with the closest month word of its script.
fn unknown_month(input: &str) -> Option<ValueError> {
    let mut best: Option<(usize, &str, &str)> = None;
    for (offset, w) in words_with_offsets(input) {
        let length = w.chars().count();
        if length < 3 || is_lexicon_word(w) {
            continue;
        }
        let lower = w.to_lowercase();
        let cyrillic = w.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        let names: Vec<&str> = if cyrillic {
            MONTHS
                .iter()
                .map(|(name, _)| *name)
                .filter(|name| !name.ends_with('.') && !name.is_ascii())
                .collect()
        } else {
            MONTH_NAMES.to_vec()
        };
        for name in names {
            let distance = strsim::damerau_levenshtein(&lower, &name.to_lowercase());
            let allowed = (name.chars().count() / 3).max(1);
            if distance <= allowed && best.is_none_or(|(d, _, _)| distance < d) {
                best = Some((
                    distance,
                    name,
                    input.get(offset..offset + w.len()).unwrap_or(w),
                ));
            }
        }
    }
    let (_, name, word) = best?;
    let offset = (word.as_ptr() as usize).saturating_sub(input.as_ptr() as usize);
    Some(
        ValueError::new(
            "attest::date::unknown_month",
            format!("unknown month \"{word}\""),
            offset..offset + word.len(),
        )
        .with_help(format!("did you mean \"{name}\"?")),
    )
}

fn words_with_offsets(input: &str) -> impl Iterator<Item = (usize, &str)> {
    input
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(move |w| {
            let offset = (w.as_ptr() as usize).saturating_sub(input.as_ptr() as usize);
            (offset, w)
        })
}

/// `attest::date::invalid` pointing at the first token of `unread`, a suffix of `input`.
fn unreadable(input: &str, unread: &str) -> ValueError {
    let unread = unread.trim_start();
    let token_len = unread
        .find(char::is_whitespace)
        .unwrap_or(unread.len())
        .max(unread.chars().next().map_or(0, char::len_utf8));
    let start = input.len().saturating_sub(unread.len());
    let end = (start + token_len).min(input.len());
    let token = input.get(start..end).unwrap_or("");
    ValueError::new(
        "attest::date::invalid",
        format!("cannot read \"{token}\" as part of a date"),
        start..end,
    )
    .with_help(EXAMPLES_HELP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use Precision::{
        Day as D, Decade as Dec, Month as M, PartOfMonth as Pm, PartOfYear as Py, Season as S,
        Year as Y,
    };

    /// What `parse` should give: an interval (`""` for an open end), a precision and the EDTF
    /// flags (`""`, `"~"`, `"?"`, `"%"`), or an error code with the text its span covers.
    enum Want {
        Date(&'static str, &'static str, Precision, &'static str),
        Fail(&'static str, &'static str),
    }
    use Want::{Date, Fail};

    fn iso(day: Option<Day>) -> String {
        day.map(Day::iso).unwrap_or_default()
    }

    fn check(input: &str, want: &Want) {
        let got = parse(input);
        match (want, got) {
            (Date(start, end, precision, flags), Ok(date)) => {
                assert_eq!(
                    (
                        iso(date.start).as_str(),
                        iso(date.end).as_str(),
                        date.precision
                    ),
                    (*start, *end, *precision),
                    "{input}"
                );
                let approximate = matches!(*flags, "~" | "%");
                let uncertain = matches!(*flags, "?" | "%");
                assert_eq!(
                    (date.approximate, date.uncertain),
                    (approximate, uncertain),
                    "{input}"
                );
            }
            (Fail(code, span), Err(error)) => {
                assert_eq!(error.code, format!("attest::date::{code}"), "{input}");
                assert_eq!(input.get(error.span.clone()), Some(*span), "{input}");
                assert!(error.help.is_some(), "{input}: no help");
                // Lowercase start unless it names a month, as in `September 1921 has 30 days`.
                let proper = MONTH_NAMES.iter().any(|m| error.message.starts_with(m));
                assert!(
                    (proper || error.message.starts_with(|c: char| !c.is_uppercase()))
                        && !error.message.ends_with('.'),
                    "{input}: {}",
                    error.message
                );
            }
            (_, got) => panic!("{input}: got {got:?}"),
        }
    }

    const PARSE: &[(&str, Want)] = &[
        ("13 October 1921", Date("1921-10-13", "1921-10-13", D, "")),
        ("October 13, 1921", Date("1921-10-13", "1921-10-13", D, "")),
        ("13 Oct. 1921", Date("1921-10-13", "1921-10-13", D, "")),
        ("Oct 13 1921", Date("1921-10-13", "1921-10-13", D, "")),
        (
            "on 13 October 1921",
            Date("1921-10-13", "1921-10-13", D, ""),
        ),
        (
            "the 3rd of June 1921",
            Date("1921-06-03", "1921-06-03", D, ""),
        ),
        ("August 10th, 1921", Date("1921-08-10", "1921-08-10", D, "")),
        (
            "13\u{a0}October\u{2009}1921",
            Date("1921-10-13", "1921-10-13", D, ""),
        ),
        ("Sept. 1921", Date("1921-09-01", "1921-09-30", M, "")),
        ("Sep. 1921", Date("1921-09-01", "1921-09-30", M, "")),
        ("september 1921", Date("1921-09-01", "1921-09-30", M, "")),
        ("in October 1921", Date("1921-10-01", "1921-10-31", M, "")),
        (
            "13 октября 1921 г.",
            Date("1921-10-13", "1921-10-13", D, ""),
        ),
        (
            "13 октября 1921 года",
            Date("1921-10-13", "1921-10-13", D, ""),
        ),
        ("7-го мая 1921 г.", Date("1921-05-07", "1921-05-07", D, "")),
        ("октябрь 1921", Date("1921-10-01", "1921-10-31", M, "")),
        ("в октябре 1921 г.", Date("1921-10-01", "1921-10-31", M, "")),
        ("январе 1921 году", Date("1921-01-01", "1921-01-31", M, "")),
        ("13.10.1921", Date("1921-10-13", "1921-10-13", D, "")),
        ("1921-10-13", Date("1921-10-13", "1921-10-13", D, "")),
        ("1921-10", Date("1921-10-01", "1921-10-31", M, "")),
        ("1921", Date("1921-01-01", "1921-12-31", Y, "")),
        (
            "1921-10-13/1921-10-14",
            Date("1921-10-13", "1921-10-14", D, ""),
        ),
        ("1921~", Date("1921-01-01", "1921-12-31", Y, "~")),
        ("1921?", Date("1921-01-01", "1921-12-31", Y, "?")),
        ("1921%", Date("1921-01-01", "1921-12-31", Y, "%")),
        ("../1921", Date("", "1921-12-31", Y, "")),
        ("spring 1920", Date("1920-03-01", "1920-05-31", S, "")),
        (
            "the summer of 1920",
            Date("1920-06-01", "1920-08-31", S, ""),
        ),
        ("autumn 1920", Date("1920-09-01", "1920-11-30", S, "")),
        ("весна 1920", Date("1920-03-01", "1920-05-31", S, "")),
        ("весной 1920 г.", Date("1920-03-01", "1920-05-31", S, "")),
        ("winter 1921", Date("1920-12-01", "1921-02-28", S, "")),
        ("зимой 1921 г.", Date("1920-12-01", "1921-02-28", S, "")),
        (
            "early December 1920",
            Date("1920-12-01", "1920-12-10", Pm, ""),
        ),
        (
            "mid-December 1920",
            Date("1920-12-11", "1920-12-20", Pm, ""),
        ),
        (
            "late December 1920",
            Date("1920-12-21", "1920-12-31", Pm, ""),
        ),
        (
            "the beginning of June 1920",
            Date("1920-06-01", "1920-06-10", Pm, ""),
        ),
        (
            "beginning of June 1920",
            Date("1920-06-01", "1920-06-10", Pm, ""),
        ),
        (
            "end of November 1920",
            Date("1920-11-21", "1920-11-30", Pm, ""),
        ),
        (
            "the end of November 1920",
            Date("1920-11-21", "1920-11-30", Pm, ""),
        ),
        (
            "middle of May 1921",
            Date("1921-05-11", "1921-05-20", Pm, ""),
        ),
        (
            "начало декабря 1920",
            Date("1920-12-01", "1920-12-10", Pm, ""),
        ),
        (
            "в начале декабря 1920 г.",
            Date("1920-12-01", "1920-12-10", Pm, ""),
        ),
        (
            "конец ноября 1920",
            Date("1920-11-21", "1920-11-30", Pm, ""),
        ),
        (
            "в середине мая 1921 г.",
            Date("1921-05-11", "1921-05-20", Pm, ""),
        ),
        (
            "end of February 1920",
            Date("1920-02-21", "1920-02-29", Pm, ""),
        ),
        (
            "в первые дни сентября 1921 г.",
            Date("1921-09-01", "1921-09-10", Pm, ""),
        ),
        (
            "последних числах мая 1920 г.",
            Date("1920-05-21", "1920-05-31", Pm, ""),
        ),
        (
            "апрельских переговоров 1921 года",
            Date("1921-04-01", "1921-04-30", M, ""),
        ),
        (
            "летние месяцы 1920 года",
            Date("1920-06-01", "1920-08-31", S, ""),
        ),
        ("1921 of the year", Date("1921-01-01", "1921-12-31", Y, "")),
        ("early 1921", Date("1921-01-01", "1921-04-30", Py, "")),
        ("в начале 1921", Date("1921-01-01", "1921-04-30", Py, "")),
        ("в начале 1921 г.", Date("1921-01-01", "1921-04-30", Py, "")),
        ("mid-1921", Date("1921-05-01", "1921-08-31", Py, "")),
        ("late 1921", Date("1921-09-01", "1921-12-31", Py, "")),
        ("the end of 1921", Date("1921-09-01", "1921-12-31", Py, "")),
        ("в конце 1921 г.", Date("1921-09-01", "1921-12-31", Py, "")),
        ("1920s", Date("1920-01-01", "1929-12-31", Dec, "")),
        ("the 1920s", Date("1920-01-01", "1929-12-31", Dec, "")),
        ("1920-е", Date("1920-01-01", "1929-12-31", Dec, "")),
        ("в 1921-м году", Date("1921-01-01", "1921-12-31", Y, "")),
        ("1920-е гг.", Date("1920-01-01", "1929-12-31", Dec, "")),
        ("1920-х гг.", Date("1920-01-01", "1929-12-31", Dec, "")),
        (
            "в начале 1920-х гг.",
            Date("1920-01-01", "1923-12-31", Dec, ""),
        ),
        (
            "between 1920 and 1921",
            Date("1920-01-01", "1921-12-31", Y, ""),
        ),
        (
            "между 1920 и 1921 гг.",
            Date("1920-01-01", "1921-12-31", Y, ""),
        ),
        ("1920 – 1921", Date("1920-01-01", "1921-12-31", Y, "")),
        ("1920—1921", Date("1920-01-01", "1921-12-31", Y, "")),
        (
            "13–15 October 1921",
            Date("1921-10-13", "1921-10-15", D, ""),
        ),
        (
            "December 22-29, 1920",
            Date("1920-12-22", "1920-12-29", D, ""),
        ),
        (
            "September–October 1920",
            Date("1920-09-01", "1920-10-31", M, ""),
        ),
        (
            "December – February 1921",
            Date("1920-12-01", "1921-02-28", M, ""),
        ),
        (
            "в сентябре – октябре 1920 г.",
            Date("1920-09-01", "1920-10-31", M, ""),
        ),
        (
            "феврале-марте 1918",
            Date("1918-02-01", "1918-03-31", M, ""),
        ),
        (
            "from March 1920 to 13 May 1921",
            Date("1920-03-01", "1921-05-13", M, ""),
        ),
        (
            "с 12 декабря 1920 г. по 3 февраля 1921 г.",
            Date("1920-12-12", "1921-02-03", D, ""),
        ),
        (
            "spring – summer 1920",
            Date("1920-03-01", "1920-08-31", S, ""),
        ),
        ("before 1922", Date("", "1921-12-31", Y, "")),
        ("after March 1921", Date("1921-04-01", "", M, "")),
        ("до 1922 г.", Date("", "1921-12-31", Y, "")),
        ("после марта 1921 г.", Date("1921-04-01", "", M, "")),
        ("since 1920", Date("1920-01-01", "", Y, "")),
        ("c. 1920", Date("1920-01-01", "1920-12-31", Y, "~")),
        ("ca. 1920", Date("1920-01-01", "1920-12-31", Y, "~")),
        ("circa 1920", Date("1920-01-01", "1920-12-31", Y, "~")),
        ("about 1920", Date("1920-01-01", "1920-12-31", Y, "~")),
        ("around May 1920", Date("1920-05-01", "1920-05-31", M, "~")),
        ("около 1920 г.", Date("1920-01-01", "1920-12-31", Y, "~")),
        (
            "примерно в 1920 г.",
            Date("1920-01-01", "1920-12-31", Y, "~"),
        ),
        (
            "1 February 1918 (O.S.)",
            Date("1918-02-14", "1918-02-14", D, ""),
        ),
        (
            "1 February 1918 O.S.",
            Date("1918-02-14", "1918-02-14", D, ""),
        ),
        (
            "1 февраля 1918 г. (ст. ст.)",
            Date("1918-02-14", "1918-02-14", D, ""),
        ),
        (
            "1 февраля 1918 г. по старому стилю",
            Date("1918-02-14", "1918-02-14", D, ""),
        ),
        (
            "29 February 1900 (O.S.)",
            Date("1900-03-13", "1900-03-13", D, ""),
        ),
        (
            "1 March 1890 (O.S.)",
            Date("1890-03-13", "1890-03-13", D, ""),
        ),
        (
            "1 February 1918 (N.S.)",
            Date("1918-02-01", "1918-02-01", D, ""),
        ),
        ("31 February 1921", Fail("invalid_day", "31")),
        ("32 September 1921", Fail("invalid_day", "32")),
        ("29 February 1900", Fail("invalid_day", "29")),
        ("0 May 1921", Fail("invalid_day", "0")),
        ("30.02.1921", Fail("invalid_day", "30")),
        ("13.13.1921", Fail("invalid_month", "13")),
        ("1921-13", Fail("invalid_month", "13")),
        ("Septembr 1921", Fail("unknown_month", "Septembr")),
        ("13 Febuary 1921", Fail("unknown_month", "Febuary")),
        ("13 октебря 1921 г.", Fail("unknown_month", "октебря")),
        ("1922 – 1921", Fail("reversed_range", "1921")),
        (
            "between May 1921 and March 1921",
            Fail("reversed_range", "March 1921"),
        ),
        ("13 October", Fail("missing_year", "13 October")),
        ("", Fail("invalid", "")),
        ("   ", Fail("invalid", "   ")),
        ("soon", Fail("invalid", "soon")),
        ("13 October 1921 or so", Fail("invalid", "or")),
        ("13 Blorp 1921", Fail("invalid", "Blorp")),
        ("13 – 15", Fail("invalid", "13")),
    ];

    #[test]
    fn parses_claim_values() {
        assert!(PARSE.len() >= 45);
        for (input, want) in PARSE {
            check(input, want);
        }
    }

    #[test]
    fn unknown_month_suggests_a_month_of_the_same_script() {
        let english = parse("13 Septembr 1921").err().and_then(|e| e.help);
        assert_eq!(english.as_deref(), Some("did you mean \"September\"?"));
        let russian = parse("13 октебря 1921").err().and_then(|e| e.help);
        assert_eq!(russian.as_deref(), Some("did you mean \"октября\"?"));
        let day = parse("31 September 1921").err().map(|e| e.message);
        assert_eq!(day.as_deref(), Some("September 1921 has 30 days"));
    }

    /// One expected mention: the matched text, its ISO interval, and whether the year was
    /// inferred.
    type Found = (&'static str, &'static str, &'static str, bool);

    fn check_find(text: &str, want: &[Found]) {
        let got: Vec<Found> = find(text)
            .into_iter()
            .map(|m| {
                let matched = text.get(m.span.clone()).unwrap_or("<bad span>");
                let start = Box::leak(iso(m.date.start).into_boxed_str());
                let end = Box::leak(iso(m.date.end).into_boxed_str());
                let matched = Box::leak(matched.to_owned().into_boxed_str());
                (&*matched, &*start, &*end, m.inferred_year)
            })
            .collect();
        assert_eq!(got, want, "{text}");
    }

    const FIND: &[(&str, &[Found])] = &[
        (
            "договор, заключенный в Москве 16 марта 1921 г. (Нота",
            &[("16 марта 1921 г.", "1921-03-16", "1921-03-16", false)],
        ),
        (
            "Послу Турции в Москве Али Фуат-бею. 13.06.1921 // Документы",
            &[("13.06.1921", "1921-06-13", "1921-06-13", false)],
        ),
        (
            "between the RSFSR and Turkey concluded 16 in March 1921. [5] Russia",
            &[("16 in March 1921", "1921-03-16", "1921-03-16", false)],
        ),
        (
            "S.I. Aralov told 1922 in April of the opinion",
            &[("1922 in April", "1922-04-01", "1922-04-30", false)],
        ),
        (
            "representatives of the RSFSR 13 in October 1921 in Kars, an agreement",
            &[("13 in October 1921", "1921-10-13", "1921-10-13", false)],
        ),
        (
            "the Turkish delegation arrived on February 18 1921. The",
            &[("on February 18 1921", "1921-02-18", "1921-02-18", false)],
        ),
        (
            "Affairs on December 6, 1920, sent the Central Committee",
            &[("on December 6, 1920", "1920-12-06", "1920-12-06", false)],
        ),
        (
            "in December 1920 Mdivani wrote. On December 7, Shakhtakhtinsky wrote",
            &[
                ("in December 1920", "1920-12-01", "1920-12-31", false),
                ("On December 7", "1920-12-07", "1920-12-07", true),
            ],
        ),
        (
            "7 мая 1921 года были вызваны. 9 июля Юсуф направил. Анкара 26 августа приняла",
            &[
                ("7 мая 1921 года", "1921-05-07", "1921-05-07", false),
                ("9 июля", "1921-07-09", "1921-07-09", true),
                ("26 августа", "1921-08-26", "1921-08-26", true),
            ],
        ),
        (
            "на конгресс в Сивас весной 1920 г. приезжал",
            &[("весной 1920 г.", "1920-03-01", "1920-05-31", false)],
        ),
        (
            "В начале 1921 г. послом в Москву",
            &[("В начале 1921 г.", "1921-01-01", "1921-04-30", false)],
        ),
        (
            "кемалисты в сентябре – октябре 1920 г. отправили",
            &[(
                "в сентябре – октябре 1920 г.",
                "1920-09-01",
                "1920-10-31",
                false,
            )],
        ),
        (
            "в период с 12 декабря 1920 г. по 3 февраля 1921 г. В это время",
            &[(
                "с 12 декабря 1920 г. по 3 февраля 1921 г.",
                "1920-12-12",
                "1921-02-03",
                false,
            )],
        ),
        (
            "бюджета Меджлиса 1920-х гг. Эта цифра",
            &[("1920-х гг.", "1920-01-01", "1929-12-31", false)],
        ),
        (
            "Таким образом, в начале 1920-х гг. в отношениях",
            &[("в начале 1920-х гг.", "1920-01-01", "1923-12-31", false)],
        ),
        (
            "состоялось еще в феврале-марте 1918 году, когда",
            &[(
                "в феврале-марте 1918 году",
                "1918-02-01",
                "1918-03-31",
                false,
            )],
        ),
        (
            "in 1920. In the middle of December, Budu Mdivani",
            &[
                ("in 1920", "1920-01-01", "1920-12-31", false),
                (
                    "In the middle of December",
                    "1920-12-11",
                    "1920-12-20",
                    true,
                ),
            ],
        ),
        (
            "November 9, 2020. A coup that began at the end of November and ended",
            &[
                ("November 9, 2020", "2020-11-09", "2020-11-09", false),
                ("at the end of November", "2020-11-21", "2020-11-30", true),
            ],
        ),
        (
            "in April 1920, which reached only the beginning of June. Mustafa",
            &[
                ("in April 1920", "1920-04-01", "1920-04-30", false),
                ("the beginning of June", "1920-06-01", "1920-06-10", true),
            ],
        ),
        (
            "В конце 1921 г. состав полпредства",
            &[("В конце 1921 г.", "1921-09-01", "1921-12-31", false)],
        ),
        (
            "М.Д.Гусейнова с И.Абиловым. Август, 1921 // Коллекция",
            &[("Август, 1921", "1921-08-01", "1921-08-31", false)],
        ),
        (
            "in 1920 the representative in Erivan on August 10th. In Erivan",
            &[
                ("in 1920", "1920-01-01", "1920-12-31", false),
                ("on August 10th", "1920-08-10", "1920-08-10", true),
            ],
        ),
        (
            "Черного моря. В мае 1921 г. суда",
            &[("В мае 1921 г.", "1921-05-01", "1921-05-31", false)],
        ),
        (
            "осенью 1921-го года он",
            &[("осенью 1921-го года", "1921-09-01", "1921-11-30", false)],
        ),
        (
            "в летние месяцы 1920 года шла",
            &[(
                "в летние месяцы 1920 года",
                "1920-06-01",
                "1920-08-31",
                false,
            )],
        ),
        (
            "than they were in 1919. The basis",
            &[("in 1919", "1919-01-01", "1919-12-31", false)],
        ),
        (
            "контакты. Зимой 1921 г. поставки",
            &[("Зимой 1921 г.", "1920-12-01", "1921-02-28", false)],
        ),
        (
            "В 1920 г. в Анкаре, вскоре после",
            &[("В 1920 г.", "1920-01-01", "1920-12-31", false)],
        ),
        (
            "Congress of Soviets for 1919-1920 December 22-29, 1920 This summer",
            &[("December 22-29, 1920", "1920-12-22", "1920-12-29", false)],
        ),
        (
            "Visiting Turkey from December 2 1921 to January 14 January 1922 commander",
            &[
                (
                    "from December 2 1921 to January 14",
                    "1921-12-02",
                    "1922-01-14",
                    false,
                ),
                ("January 1922", "1922-01-01", "1922-01-31", false),
            ],
        ),
        (
            "еще 1 февраля 1918 г. (ст. ст.) было",
            &[(
                "1 февраля 1918 г. (ст. ст.)",
                "1918-02-14",
                "1918-02-14",
                false,
            )],
        ),
        (
            "signed on the 3rd of June 1921 and",
            &[("on the 3rd of June 1921", "1921-06-03", "1921-06-03", false)],
        ),
        (
            "вызваны 7-го мая 1921 г. в Тифлис",
            &[("7-го мая 1921 г.", "1921-05-07", "1921-05-07", false)],
        ),
        (
            "переговоров в 1919-1920 гг. в Москве",
            &[("в 1919-1920 гг.", "1919-01-01", "1920-12-31", false)],
        ),
        (
            "был подписан 2 января 1922 г.31 М. Фрунзе",
            &[("2 января 1922 г.", "1922-01-02", "1922-01-02", false)],
        ),
        (
            "There was a majority before 1914. Then on June 3 the proposal",
            &[("before 1914", "", "1913-12-31", false)],
        ),
        // Months and seasons named by adjectives; an open bound before one bounds the event.
        (
            "После апрельских переговоров 1921 года в Баку",
            &[(
                "апрельских переговоров 1921 года",
                "1921-04-01",
                "1921-04-30",
                false,
            )],
        ),
        (
            "условия мартовского договора 1921 г. о границах",
            &[(
                "мартовского договора 1921 г.",
                "1921-03-01",
                "1921-03-31",
                false,
            )],
        ),
        ("осенних месяцев было много", &[]),
        (
            "летних месяцев тех лет 1920 года",
            &[("1920 года", "1920-01-01", "1920-12-31", false)],
        ),
        // The first and last days of a month.
        (
            "В мае 1921 г. Так, в первые дни сентября пленум",
            &[
                ("В мае 1921 г.", "1921-05-01", "1921-05-31", false),
                ("в первые дни сентября", "1921-09-01", "1921-09-10", true),
            ],
        ),
        (
            "in the last days of March 1921",
            &[(
                "in the last days of March 1921",
                "1921-03-21",
                "1921-03-31",
                false,
            )],
        ),
        // Two month names joined by a dash, and the garbled `1921 of the year`.
        (
            "in December 1920. Led by Leon Shant (May-July), the",
            &[
                ("in December 1920", "1920-12-01", "1920-12-31", false),
                ("May-July", "1920-05-01", "1920-07-31", true),
            ],
        ),
        (
            "the Soviet-Turkish treaty 1921 of the year",
            &[("1921 of the year", "1921-01-01", "1921-12-31", false)],
        ),
        // A range lends the year it ends in.
        (
            "from December 2 1921 to January 14. On January 20 he",
            &[
                (
                    "from December 2 1921 to January 14",
                    "1921-12-02",
                    "1922-01-14",
                    false,
                ),
                ("On January 20", "1922-01-20", "1922-01-20", true),
            ],
        ),
        // A paragraph that writes no year continues the narrative, which an aside in another
        // year does not move.
        (
            "В августе 1921 года посол. 9 июля письмо.\nВойна, развязанная в сентябре 1920 года.\n24 августа нота",
            &[
                ("В августе 1921 года", "1921-08-01", "1921-08-31", false),
                ("9 июля", "1921-07-09", "1921-07-09", true),
                ("в сентябре 1920 года", "1920-09-01", "1920-09-30", false),
                ("24 августа", "1921-08-24", "1921-08-24", true),
            ],
        ),
        (
            "В августе 1921 г. посол. 30 августа нота.\nЕще в феврале-марте 1918 году он был там.\nОткрытие на 26 сентября.",
            &[
                ("В августе 1921 г.", "1921-08-01", "1921-08-31", false),
                ("30 августа", "1921-08-30", "1921-08-30", true),
                (
                    "в феврале-марте 1918 году",
                    "1918-02-01",
                    "1918-03-31",
                    false,
                ),
                ("26 сентября", "1921-09-26", "1921-09-26", true),
            ],
        ),
        // Within a paragraph, the latest written year.
        (
            "В начале 1921 г. посол. В феврале 1922 г. спор. 27 февраля решение",
            &[
                ("В начале 1921 г.", "1921-01-01", "1921-04-30", false),
                ("В феврале 1922 г.", "1922-02-01", "1922-02-28", false),
                ("27 февраля", "1922-02-27", "1922-02-27", true),
            ],
        ),
        // A quotation's dates lend their year inside it, not outside.
        (
            "7 мая 1921 г. он писал: \"на заявления от 19 декабря 1920 года и 25 декабря\". 8 августа ответ",
            &[
                ("7 мая 1921 г.", "1921-05-07", "1921-05-07", false),
                ("19 декабря 1920 года", "1920-12-19", "1920-12-19", false),
                ("25 декабря", "1920-12-25", "1920-12-25", true),
                ("8 августа", "1921-08-08", "1921-08-08", true),
            ],
        ),
        (
            "In 1920 he wrote: «the letter of May 7, 1919».\nOn June 3 the reply",
            &[
                ("In 1920", "1920-01-01", "1920-12-31", false),
                ("May 7, 1919", "1919-05-07", "1919-05-07", false),
                ("On June 3", "1920-06-03", "1920-06-03", true),
            ],
        ),
        // Reference years, page and item numbers are not dates, and lend no year.
        (
            "Документы внешней политики СССР. Т. IV, М., 1960, С.176-177",
            &[],
        ),
        ("Документы. М., 1960, С.228). 9 июля Юсуф", &[]),
        (
            "Documents of the USSR foreign policy. T. IV. Moscow, 1960, p. 11.",
            &[],
        ),
        ("Frunze M.V. Report on the trip to Angora. M. 1921.", &[]),
        (
            "“Soviet diplomacy in the Muslim East”. Saarbrücken, 2014)",
            &[],
        ),
        ("S. Kuznetsova. The establishment. 1960, p. 11", &[]),
        ("National Archives, CIA-RDP 83, P. 97", &[]),
        ("(Протокол №15 заседания Бюро ЦК АКП(б).", &[]),
        ("(Протокол № 20 заседания пленума", &[]),
        ("RSASPH, f. 85, op. 13, d. 143, l. 1 ob.", &[]),
        ("FPA RF, f. 04, op. 39, l. 10-10 ob.", &[]),
        ("See p. 115 – 116 and (1921 – 1927).", &[]),
        ("Annual report for 1919-1920", &[]),
        ("Vol. 5, No. 12 May", &[]),
        ("the men may 5 times march 3 miles in 5000 steps", &[]),
        ("This summer, our relations", &[]),
        ("Нота 9 июля без года", &[]),
    ];

    #[test]
    fn finds_dates_in_running_text() {
        let positives = FIND.iter().filter(|(_, want)| !want.is_empty()).count();
        assert!(positives >= 25);
        for (text, want) in FIND {
            check_find(text, want);
        }
    }

    fn date(start: &str, end: &str, precision: Precision, approximate: bool) -> HistDate {
        let day = |s: &str| {
            let mut parts = s.split('-').map(|p| p.parse::<i32>().unwrap_or(0));
            let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
            Day::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
        };
        HistDate {
            start: day(start),
            end: day(end),
            precision,
            approximate,
            uncertain: false,
        }
    }

    #[test]
    fn widens_approximate_dates_by_precision() {
        let cases = [
            (
                date("1921-10-13", "1921-10-13", D, true),
                "1921-10-06",
                "1921-10-20",
            ),
            (
                date("1921-01-31", "1921-01-31", D, false),
                "1921-01-31",
                "1921-01-31",
            ),
            (
                date("1921-01-01", "1921-01-31", M, true),
                "1920-12-01",
                "1921-02-28",
            ),
            (
                date("1920-01-01", "1920-12-31", Y, true),
                "1919-01-01",
                "1921-12-31",
            ),
            (
                date("1920-01-01", "1929-12-31", Dec, true),
                "1915-01-01",
                "1934-12-31",
            ),
            (date("", "1921-12-31", Y, true), "", "1922-12-31"),
        ];
        for (input, start, end) in cases {
            let widened = input.widened();
            assert_eq!(
                (iso(widened.start), iso(widened.end)),
                (start.to_owned(), end.to_owned()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn overlap_treats_open_ends_as_unbounded() {
        let cases = [
            ("1921", "13 October 1921", true),
            ("1920", "1921", false),
            ("before 1922", "1850", true),
            ("before 1922", "1922", false),
            ("after March 1921", "2 April 1921", true),
            ("after March 1921", "March 1921", false),
            ("spring 1920", "May 1920", true),
            ("winter 1921", "December 1920", true),
        ];
        for (a, b, want) in cases {
            let (Ok(a_date), Ok(b_date)) = (parse(a), parse(b)) else {
                panic!("cannot parse {a} or {b}");
            };
            assert_eq!(a_date.overlaps(&b_date), want, "{a} / {b}");
            assert_eq!(b_date.overlaps(&a_date), want, "{b} / {a}");
        }
    }

    #[test]
    fn displays_compactly() {
        let cases = [
            ("13 октября 1921 г.", "13 October 1921"),
            ("в октябре 1921 г.", "October 1921"),
            ("early December 1920", "early December 1920"),
            ("mid-December 1920", "mid-December 1920"),
            ("late February 1920", "late February 1920"),
            ("1921", "1921"),
            ("the 1920s", "1920s"),
            ("spring 1921", "1921-03-01 – 1921-05-31"),
            ("c. 1920", "c. 1920"),
            ("1921?", "1921?"),
            ("before 1922", "until 1921-12-31"),
            ("after March 1921", "from 1921-04-01"),
        ];
        for (input, want) in cases {
            let shown = parse(input).map(|d| d.to_string());
            assert_eq!(shown.as_deref(), Ok(want), "{input}");
        }
    }

    #[test]
    fn converts_julian_to_gregorian() {
        let cases = [
            ((1918, 2, 1), "1918-02-14"),
            ((1900, 2, 29), "1900-03-13"),
            ((1900, 2, 28), "1900-03-12"),
            ((1582, 10, 5), "1582-10-15"),
            ((1700, 3, 1), "1700-03-12"),
        ];
        for ((y, m, d), want) in cases {
            let day = Day::from_jdn(julian_jdn(y, m, d));
            assert_eq!(day.map(Day::iso).as_deref(), Some(want), "{y}-{m}-{d}");
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_any_string(s in any::<String>()) {
            let _ = parse(&s);
            for mention in find(&s) {
                prop_assert!(s.get(mention.span.clone()).is_some());
            }
        }

        #[test]
        fn never_panics_on_date_like_strings(
            s in "[0-9 .,/~?%()\\-–—a-zA-Zа-яА-Я№]{0,48}"
        ) {
            if let Ok(date) = parse(&s) {
                prop_assert!(date.start.is_some() || date.end.is_some());
                if let (Some(start), Some(end)) = (date.start, date.end) {
                    prop_assert!(start <= end);
                }
            }
            let mut last_end = 0;
            for mention in find(&s) {
                prop_assert!(s.get(mention.span.clone()).is_some());
                prop_assert!(mention.span.start >= last_end);
                last_end = mention.span.end;
            }
        }
    }
}
