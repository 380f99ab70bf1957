//! Extraction measured against a hand-checked table of what the five seeds say.
//!
//! `tests/fixtures/extraction/<seed>.tsv` lists, per seed, the dates, figures and names a careful
//! reader finds, with the raw line each starts on and its normal form, plus negatives: texts
//! that must not be extracted, or lines where nothing of a kind may be found (the format is in
//! each file's header).
//!
//! Matching. An extraction matches an expected item of the same seed and kind when it starts on
//! the same raw line or on the nearest non-blank line above or below (so a date whose
//! preposition ends the previous line still matches in a double-spaced file), has the same
//! normal form (a date's ISO start, end and inferred-year flag; a figure's value and unit; a
//! name's canonical entity), and its text contains the item's text or is contained in it
//! (compared with hyphenated line breaks joined, whitespace folded and case ignored). Each
//! extraction matches at most one item.
//!
//! Recall, per kind: matched items / expected items.
//!
//! Precision, per kind, over what the table covers: matched / (matched + false positives). An
//! unmatched extraction is a false positive when the table covers it: it starts on a line where
//! the table lists an item of its kind (such a line lists every item of that kind), on a line
//! marked `no-KIND *`, or its text overlaps a `no-KIND` text of a neighbouring line. An
//! extraction overlapping a debatable (`KIND?`) item, or on a line the table does not cover, is
//! not scored.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use attest::Extracted;

const SEEDS: [&str; 5] = [
    "000_f5543d385f3d9ce5.txt",
    "001_7e23618ff14834d7.txt",
    "002_9903da8acba9f9fe.txt",
    "003_d4552392e3ab586f.txt",
    "004_943bfa2c0ced0905.txt",
];
const RUSSIAN: [&str; 2] = ["000_f5543d385f3d9ce5.txt", "004_943bfa2c0ced0905.txt"];
const TABLES: &str = "tests/fixtures/extraction";
const CORPUS: &str = "seeds";
const MIN_RECALL: f64 = 0.95;
const MIN_PRECISION: f64 = 0.95;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Date,
    Figure,
    Name,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Date, Kind::Figure, Kind::Name];

    fn parse(word: &str) -> Option<Kind> {
        match word {
            "date" => Some(Kind::Date),
            "figure" => Some(Kind::Figure),
            "name" => Some(Kind::Name),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Kind::Date => "date",
            Kind::Figure => "figure",
            Kind::Name => "name",
        }
    }
}

/// A normal form, as the table writes it.
#[derive(Clone, Debug, PartialEq)]
enum Norm {
    Date {
        start: String,
        end: String,
        inferred: bool,
    },
    Figure {
        value: f64,
        unit: String,
    },
    Name(String),
}

impl std::fmt::Display for Norm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Norm::Date {
                start,
                end,
                inferred,
            } => {
                let how = if *inferred { "inferred" } else { "written" };
                write!(f, "{start} – {end} ({how})")
            }
            Norm::Figure { value, unit } => write!(f, "{value} {unit}"),
            Norm::Name(entity) => f.write_str(entity),
        }
    }
}

#[derive(Clone, Debug)]
enum Role {
    Expected(Norm),
    /// `no-KIND`: the text (or, for `None`, anything on the line) must not be extracted.
    Absent(Option<String>),
    /// `KIND?`: either reading is acceptable.
    Debatable,
}

#[derive(Clone, Debug)]
struct Row {
    line: usize,
    kind: Kind,
    role: Role,
    /// As the table writes it, with `|` for a line break.
    text: String,
}

/// One extraction, placed in the raw file.
#[derive(Clone, Debug)]
struct Found {
    line: usize,
    kind: Kind,
    text: String,
    norm: Norm,
}

fn parse_row(seed: &str, number: usize, line: &str) -> Row {
    let at = || format!("{TABLES}/{seed}: row {number}");
    let fields: Vec<&str> = line.split('\t').collect();
    let field = |i: usize| -> &str {
        fields
            .get(i)
            .copied()
            .unwrap_or_else(|| panic!("{}: missing field {}", at(), i + 1))
    };
    let raw_line: usize = field(0)
        .parse()
        .unwrap_or_else(|_| panic!("{}: bad line number `{}`", at(), field(0)));
    let kind_word = field(1);
    let text = field(2).to_string();
    let (kind, role) = if let Some(k) = kind_word.strip_prefix("no-") {
        let absent = (text != "*").then(|| text.clone());
        (Kind::parse(k), Role::Absent(absent))
    } else if let Some(k) = kind_word.strip_suffix('?') {
        (Kind::parse(k), Role::Debatable)
    } else {
        let kind = Kind::parse(kind_word);
        let norm = match kind {
            Some(Kind::Date) => Norm::Date {
                start: field(3).to_string(),
                end: field(4).to_string(),
                inferred: match field(5) {
                    "inferred" => true,
                    "written" => false,
                    other => panic!("{}: `{other}` is neither written nor inferred", at()),
                },
            },
            Some(Kind::Figure) => Norm::Figure {
                value: field(3)
                    .parse()
                    .unwrap_or_else(|_| panic!("{}: bad value `{}`", at(), field(3))),
                unit: field(4).to_string(),
            },
            Some(Kind::Name) => Norm::Name(field(3).to_string()),
            None => panic!("{}: unknown kind `{kind_word}`", at()),
        };
        (kind, Role::Expected(norm))
    };
    let kind = kind.unwrap_or_else(|| panic!("{}: unknown kind `{kind_word}`", at()));
    Row {
        line: raw_line,
        kind,
        role,
        text,
    }
}

fn load_table(seed: &str) -> Vec<Row> {
    let path = Path::new(TABLES).join(seed.replace(".txt", ".tsv"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| parse_row(seed, i + 1, l))
        .collect()
}

fn raw_lines(seed: &str) -> Vec<String> {
    let path = Path::new(CORPUS).join(seed);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.split('\n').map(str::to_string).collect()
}

fn extract(seed: &str) -> Extracted {
    attest::extract_source(Path::new(seed), Some(Path::new(CORPUS)))
        .unwrap_or_else(|e| panic!("cannot extract {seed}: {e}"))
}

fn found_items(x: &Extracted) -> Vec<Found> {
    let doc = &x.loaded.corpus.documents[x.doc];
    let file = x.loaded.sources.get(doc.source);
    let line = |norm: usize| file.line_col(doc.raw_offset(norm)).0;
    let text = |span: &std::ops::Range<usize>| doc.text.get(span.clone()).unwrap_or("").to_string();
    let iso =
        |day: Option<attest::value::date::Day>| day.map_or_else(|| "..".to_string(), |d| d.iso());
    let dates = x.mentions.dates.iter().map(|d| Found {
        line: line(d.span.start),
        kind: Kind::Date,
        text: text(&d.span),
        norm: Norm::Date {
            start: iso(d.date.start),
            end: iso(d.date.end),
            inferred: d.inferred_year,
        },
    });
    let figures = x.mentions.figures.iter().map(|f| Found {
        line: line(f.span.start),
        kind: Kind::Figure,
        text: text(&f.span),
        norm: Norm::Figure {
            value: f.figure.value,
            unit: f
                .figure
                .unit
                .as_ref()
                .map_or_else(|| "-".to_string(), ToString::to_string),
        },
    });
    let names = x.names.iter().map(|n| Found {
        line: line(n.span.start),
        kind: Kind::Name,
        text: text(&n.span),
        norm: Norm::Name(x.gazetteer.get(n.entity).canonical.clone()),
    });
    dates.chain(figures).chain(names).collect()
}

/// Text compared as the normalised document writes it: a hyphenated line break joined, other
/// line breaks and runs of whitespace one space, case ignored.
fn fold(text: &str) -> String {
    let joined = text.replace("-|", "").replace('|', " ");
    joined
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

fn same_norm(a: &Norm, b: &Norm) -> bool {
    match (a, b) {
        (Norm::Figure { value: v, unit: u }, Norm::Figure { value: w, unit: t }) => {
            u == t && (v - w).abs() <= 1e-9 * v.abs().max(1.0)
        }
        _ => a == b,
    }
}

/// Raw lines `a` and `b` are the same line or neighbours, blank lines aside.
struct Lines {
    /// For each raw line (1-based, index 0 unused), how many non-blank lines precede or are it.
    rank: Vec<usize>,
}

impl Lines {
    fn new(raw: &[String]) -> Lines {
        let mut rank = vec![0];
        let mut seen = 0;
        for line in raw {
            if !line.trim().is_empty() {
                seen += 1;
            }
            rank.push(seen);
        }
        Lines { rank }
    }

    fn near(&self, a: usize, b: usize) -> bool {
        let rank = |l: usize| self.rank.get(l).copied().unwrap_or(usize::MAX);
        a == b || rank(a).abs_diff(rank(b)) <= 1
    }
}

#[derive(Default)]
struct Score {
    expected: usize,
    matched: usize,
    false_positives: usize,
    misses: Vec<String>,
    wrong: Vec<String>,
}

impl Score {
    fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    fn precision(&self) -> f64 {
        ratio(self.matched, self.matched + self.false_positives)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Score one seed's extractions against its table, kind by kind.
fn score_seed(
    seed: &str,
    rows: &[Row],
    found: &[Found],
    lines: &Lines,
    scores: &mut BTreeMap<Kind, Score>,
) {
    let mut used = vec![false; found.len()];
    for row in rows {
        let Role::Expected(norm) = &row.role else {
            continue;
        };
        let score = scores.entry(row.kind).or_default();
        score.expected += 1;
        let candidates = found.iter().enumerate().filter(|(i, f)| {
            !used[*i]
                && f.kind == row.kind
                && lines.near(f.line, row.line)
                && same_norm(&f.norm, norm)
                && overlaps(&f.text, &row.text)
        });
        // The extraction on the very line first.
        let best = candidates.min_by_key(|(_, f)| (f.line != row.line, f.line));
        match best {
            Some((i, _)) => {
                used[i] = true;
                score.matched += 1;
            }
            None => {
                let near: Vec<String> = found
                    .iter()
                    .filter(|f| f.kind == row.kind && lines.near(f.line, row.line))
                    .map(|f| format!("`{}` = {}", f.text, f.norm))
                    .collect();
                score.misses.push(format!(
                    "{seed}:{} {} `{}` = {}; found there: {}",
                    row.line,
                    row.kind.as_str(),
                    row.text,
                    norm,
                    if near.is_empty() {
                        "nothing".to_string()
                    } else {
                        near.join(", ")
                    }
                ));
            }
        }
    }
    for (f, _) in found.iter().zip(&used).filter(|(_, used)| !**used) {
        let same_kind = rows.iter().filter(|r| r.kind == f.kind);
        let debatable = same_kind.clone().any(|r| {
            matches!(r.role, Role::Debatable)
                && lines.near(f.line, r.line)
                && overlaps(&f.text, &r.text)
        });
        if debatable {
            continue;
        }
        let covered = same_kind.clone().any(|r| match &r.role {
            Role::Expected(_) | Role::Absent(None) => r.line == f.line,
            Role::Absent(Some(text)) => lines.near(f.line, r.line) && overlaps(&f.text, text),
            Role::Debatable => false,
        });
        if covered {
            let score = scores.entry(f.kind).or_default();
            score.false_positives += 1;
            score.wrong.push(format!(
                "{seed}:{} {} `{}` = {}",
                f.line,
                f.kind.as_str(),
                f.text,
                f.norm
            ));
        }
    }
}

fn report(scores: &BTreeMap<Kind, Score>) -> String {
    let mut out = String::new();
    for (kind, s) in scores {
        let _ = writeln!(
            out,
            "{}: {} expected, {} matched, {} false positives: recall {:.3}, precision {:.3}",
            kind.as_str(),
            s.expected,
            s.matched,
            s.false_positives,
            s.recall(),
            s.precision()
        );
        for miss in &s.misses {
            let _ = writeln!(out, "  missed {miss}");
        }
        for wrong in &s.wrong {
            let _ = writeln!(out, "  false positive {wrong}");
        }
    }
    out
}

#[test]
fn table_texts_stand_on_their_lines() {
    let mut problems = Vec::new();
    for seed in SEEDS {
        let raw = raw_lines(seed);
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for row in load_table(seed) {
            let line = raw.get(row.line.wrapping_sub(1)).map_or("", String::as_str);
            if line.trim().is_empty() {
                problems.push(format!("{seed}:{} is blank or missing", row.line));
                continue;
            }
            if row.text == "*" {
                continue;
            }
            // Each `|`-separated part stands on the next non-blank line after the previous one.
            let mut at = row.line;
            for (k, part) in row.text.split('|').enumerate() {
                if k > 0 {
                    at = (at + 1..=raw.len())
                        .find(|&n| raw.get(n - 1).is_some_and(|l| !l.trim().is_empty()))
                        .unwrap_or(at);
                }
                let here = raw.get(at - 1).map_or("", String::as_str);
                if !squash(here).contains(&squash(part)) {
                    problems.push(format!("{seed}:{at} does not contain `{part}`"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn table_covers_both_languages_and_every_kind() {
    let mut counts: BTreeMap<(Kind, bool), usize> = BTreeMap::new();
    let mut negatives = 0;
    for seed in SEEDS {
        let russian = RUSSIAN.contains(&seed);
        for row in load_table(seed) {
            match row.role {
                Role::Expected(_) => *counts.entry((row.kind, russian)).or_default() += 1,
                Role::Absent(_) => negatives += 1,
                Role::Debatable => {}
            }
        }
    }
    let total: usize = counts.values().sum();
    assert!(total >= 100, "only {total} expected items");
    for kind in Kind::ALL {
        for russian in [false, true] {
            let n = counts.get(&(kind, russian)).copied().unwrap_or(0);
            assert!(
                n > 0,
                "no {} items in {}",
                kind.as_str(),
                if russian { "Russian" } else { "English" }
            );
        }
    }
    assert!(negatives >= 20, "only {negatives} negatives");
}

#[test]
fn extraction_meets_the_table() {
    let mut scores: BTreeMap<Kind, Score> = BTreeMap::new();
    for seed in SEEDS {
        let rows = load_table(seed);
        let lines = Lines::new(&raw_lines(seed));
        let found = found_items(&extract(seed));
        score_seed(seed, &rows, &found, &lines, &mut scores);
    }
    let ok = Kind::ALL.iter().all(|kind| {
        scores.get(kind).is_some_and(|s| {
            s.expected > 0 && s.recall() >= MIN_RECALL && s.precision() >= MIN_PRECISION
        })
    });
    assert!(
        ok,
        "extraction falls short of the table:\n{}",
        report(&scores)
    );
}

fn human(seed: &str) -> String {
    let x = extract(seed);
    let mut out = Vec::new();
    attest::report::extract(&mut out, &x, attest::report::Format::Human)
        .unwrap_or_else(|e| panic!("cannot render {seed}: {e}"));
    String::from_utf8(out).unwrap_or_else(|e| panic!("{seed}: output is not UTF-8: {e}"))
}

#[test]
fn human_extract_of_an_english_seed() {
    insta::assert_snapshot!("extract_002_human", human("002_9903da8acba9f9fe.txt"));
}

#[test]
fn human_extract_of_a_russian_seed() {
    insta::assert_snapshot!("extract_004_human", human("004_943bfa2c0ced0905.txt"));
}
