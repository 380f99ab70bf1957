//! Historical dates: what a claim or a source says about *when*, as an interval of calendar days
//! that knows how precise it is (EDTF semantics).
//!
//! STUB: the grammar is filled in by the owner of this file; the types and signatures are the
//! contract the rest of attest relies on.

use std::ops::Range;

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
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
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

/// A date found in running text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the searched text.
    pub span: Range<usize>,
    pub date: HistDate,
    /// The year was not written next to the date and was taken from the nearest preceding
    /// explicit year in the same text.
    pub inferred_year: bool,
}

/// Parse a whole claim value such as `13 October 1921` or `early 1921`.
pub fn parse(input: &str) -> Result<HistDate, ValueError> {
    Err(ValueError::new(
        "attest::date::invalid",
        format!("cannot read `{input}` as a date"),
        0..input.len(),
    ))
}

/// Find every date in running text (English and Russian), in order of position.
pub fn find(text: &str) -> Vec<DateMention> {
    let _ = text;
    Vec::new()
}
