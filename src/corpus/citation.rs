//! Citations: note markers and inline references in parentheses.
//!
//! Three forms are recognised:
//!
//! - `[5]` markers in running text, resolved to the endnote whose line starts with `[5]`;
//! - superscript note numbers flattened into the text (`на западе1.`, `1922 г.31`, `бедны»32.`):
//!   a run of one to three digits glued to the end of a word of letters, to a closing quote or
//!   parenthesis, or to the period of a lower-case abbreviation, and followed by punctuation, a
//!   space or the end. Only candidates that continue the document's note sequence (1, 2, 3, …, allowing a
//!   skipped number or two) are taken, so page numbers (`С.176`) and figures stay text. A
//!   document with `[n]` endnotes has no superscript notes;
//! - references in parentheses, kept in the text: a group is a reference when it has a `//`
//!   separator, starts with `См.`/`See`, names a document type (`Письмо`, `Нота`, `Telegram`, …)
//!   together with a date, names an archive or collection, gives pages together with a year
//!   or volume, or names its provenance (`Excerpt from the book: …`, `Из книги`) with a year or
//!   pages. A group signed after a dash (`речь идет о декларации … - Дж.Г.`, `– ред.`) is an
//!   editor's insertion, part of the text, and never a reference, whatever it names.

use std::ops::Range;

use super::Citation;
use super::normalize::{Paragraph, is_letter};
use crate::value::cite::{self, Reference};

/// A leading `[n]` label (and the blanks after it): the start of an endnote's text.
pub(crate) fn note_label(s: &str) -> Option<(u32, Range<usize>)> {
    let trimmed = s.trim_start();
    let offset = s.len() - trimmed.len();
    let (n, len) = bracket_number(trimmed)?;
    let rest = trimmed.get(len..).unwrap_or("");
    let blanks = rest.len() - rest.trim_start().len();
    Some((n, offset..offset + len + blanks))
}

/// Every `[n]` (one to three digits) in `s`.
pub(crate) fn bracket_markers(s: &str) -> Vec<(u32, Range<usize>)> {
    s.match_indices('[')
        .filter_map(|(i, _)| {
            let (n, len) = bracket_number(s.get(i..)?)?;
            Some((n, i..i + len))
        })
        .collect()
}

/// `[n]` at the start of `s`: the number and the length of the marker.
fn bracket_number(s: &str) -> Option<(u32, usize)> {
    let rest = s.strip_prefix('[')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || rest.as_bytes().get(digits) != Some(&b']') {
        return None;
    }
    let n: u32 = rest.get(..digits)?.parse().ok()?;
    (n > 0).then_some((n, digits + 2))
}

/// Digit runs that could be flattened superscript note numbers (see the module docs); the
/// caller keeps those that continue the note sequence.
pub(crate) fn superscript_candidates(s: &str) -> Vec<(u32, Range<usize>)> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let glued = s.get(..start).is_some_and(glued_before);
        let closed = s.get(i..).is_some_and(closed_after);
        if i - start <= 3
            && glued
            && closed
            && let Some(n) = s.get(start..i).and_then(|d| d.parse().ok())
        {
            out.push((n, start..i));
        }
    }
    out
}

/// Does the text before a digit run end the way a note number is glued on?
fn glued_before(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match rev.next() {
        // A word of letters only: `западе1`, not `ixzz1Xevxl1D3` or `B2B`.
        Some(c) if is_letter(c) => rev
            .find(|c| !is_letter(*c))
            .is_none_or(|c| !c.is_alphanumeric()),
        Some('»' | '”' | '"' | ')' | '’') => true,
        // `1922 г.31`: a lower-case abbreviation; `С.176` (upper case) is a page.
        Some('.') => rev.next().is_some_and(char::is_lowercase),
        _ => false,
    }
}

fn closed_after(after: &str) -> bool {
    match after.chars().next() {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some(c) => matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '»' | '”' | '"'),
    }
}

/// Top-level balanced parenthesised groups of `s`, parentheses included. A stray `)` is
/// ignored; a `(` never closed makes no group.
pub(crate) fn paren_groups(s: &str) -> Vec<Range<usize>> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    groups.push(start..i + 1);
                }
            }
            _ => {}
        }
    }
    groups
}

/// Is the inside of a parenthesised group a bibliographic or archival reference?
pub(crate) fn is_reference(inner: &str) -> bool {
    let t = inner.trim();
    if is_editorial(t) {
        return false;
    }
    if t.contains("//") {
        return true;
    }
    let lower = t.to_lowercase();
    const SEE: [&str; 6] = ["см.", "см:", "ср.", "see ", "see:", "cf."];
    if SEE.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    const SOURCE: [&str; 8] = [
        "excerpt from",
        "extract from",
        "quoted from",
        "quoted in",
        "source:",
        "из книги",
        "цит. по",
        "источник:",
    ];
    if SOURCE.iter().any(|p| lower.starts_with(p)) && (has_year(t) || has_pages(t)) {
        return true;
    }
    if names_document(&lower) && has_date(&lower) {
        return true;
    }
    if names_archive(t, &lower) {
        return true;
    }
    has_pages(t) && (has_year(t) || has_volume(t))
}

/// An editor's insertion signed after a dash: `речь идет о декларации … - Дж.Г.`,
/// `в Карсе – ред.`, `… — J.H.`. Its content is the text's own, whatever dates it names.
fn is_editorial(t: &str) -> bool {
    let Some((dash, _)) = t.char_indices().rev().find(|&(i, c)| {
        matches!(c, '-' | '–' | '—') && t.get(..i).is_some_and(|b| b.ends_with(char::is_whitespace))
    }) else {
        return false;
    };
    let tail = t.get(dash..).unwrap_or("");
    let tail = tail.trim_start_matches(['-', '–', '—']).trim();
    let tokens: Vec<&str> = tail.split_whitespace().collect();
    let signature_token = |tok: &str| {
        tok.ends_with('.')
            && tok
                .split_terminator('.')
                .all(|g| (1..=4).contains(&g.chars().count()) && g.chars().all(is_letter))
    };
    (1..=2).contains(&tokens.len())
        && tokens.iter().all(|tok| signature_token(tok))
        && (tail.chars().any(char::is_lowercase)
            || tokens.iter().any(|tok| tok.matches('.').count() > 1))
}

/// Does one of the first two words name a kind of document?
fn names_document(lower: &str) -> bool {
    const STEMS: [&str; 30] = [
        "письм",
        "нот",
        "телеграм",
        "шифротелеграм",
        "доклад",
        "протокол",
        "заседани",
        "постановлени",
        "решени",
        "записк",
        "донесени",
        "отчет",
        "отчёт",
        "приказ",
        "декрет",
        "выписк",
        "справк",
        "letter",
        "telegram",
        "cable",
        "report",
        "note",
        "protocol",
        "memorand",
        "minutes",
        "decree",
        "resolution",
        "dispatch",
        "despatch",
        "record",
    ];
    words(lower).take(2).any(|w| {
        STEMS
            .iter()
            .any(|s| w.starts_with(s) && w.chars().count() <= 14)
    })
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_letter(c)).filter(|w| !w.is_empty())
}

fn names_archive(t: &str, lower: &str) -> bool {
    const WORDS: [&str; 9] = [
        "архив",
        "archive",
        "коллекция документов",
        "collection of documents",
        "фонд",
        "ргаспи",
        "гаар",
        "авп ",
        "гарф",
    ];
    WORDS.iter().any(|w| lower.contains(w))
        || abbreviation_with_number(t, &["ф.", "f.", "оп.", "op.", "д.", "л."])
            && abbreviation_with_number(t, &["оп.", "op.", "д.", "d.", "л.", "l."])
}

fn has_pages(t: &str) -> bool {
    abbreviation_with_number(t, &["С.", "с.", "P.", "p.", "pp.", "S.", "Р.", "стр."])
}

fn has_volume(t: &str) -> bool {
    const VOLUME: [&str; 5] = ["Т.", "т.", "T.", "vol.", "Vol."];
    VOLUME.iter().any(|v| {
        t.match_indices(v).any(|(i, _)| {
            at_word_start(t, i)
                && t.get(i + v.len()..).is_some_and(|rest| {
                    let rest = rest.trim_start();
                    rest.starts_with(|c: char| c.is_ascii_digit() || "IVXLC".contains(c))
                })
        })
    })
}

/// Does `t` have one of `abbrs` as a word, followed (after optional blanks) by a digit?
fn abbreviation_with_number(t: &str, abbrs: &[&str]) -> bool {
    abbrs.iter().any(|a| {
        t.match_indices(a).any(|(i, _)| {
            at_word_start(t, i)
                && t.get(i + a.len()..)
                    .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        })
    })
}

fn at_word_start(t: &str, i: usize) -> bool {
    t.get(..i)
        .and_then(|b| b.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A four-digit year 1700–2099 standing alone.
fn has_year(t: &str) -> bool {
    digit_runs(t).any(|(run, _)| {
        run.len() == 4 && run.parse::<u32>().is_ok_and(|y| (1700..2100).contains(&y))
    })
}

fn digit_runs(t: &str) -> impl Iterator<Item = (&str, usize)> {
    t.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .map(move |r| (r, r.as_ptr() as usize - t.as_ptr() as usize))
}

/// `13.06.1921`, or a month name together with a year.
fn has_date(lower: &str) -> bool {
    let numeric = digit_runs(lower).any(|(run, at)| {
        run.len() == 4
            && lower.get(..at).is_some_and(|b| {
                let b = b.as_bytes();
                b.len() >= 4
                    && b[b.len() - 1] == b'.'
                    && b[b.len() - 2].is_ascii_digit()
                    && b[b.len() - 3].is_ascii_digit()
                    && b[b.len() - 4] == b'.'
            })
    });
    numeric || (has_year(lower) && words(lower).any(is_month))
}

fn is_month(w: &str) -> bool {
    crate::value::date::month_of_word(w).is_some()
}

/// The citations of a document, in text order, with what each one covers.
pub(crate) fn collect(
    text: &str,
    paragraphs: &[Paragraph],
    groups: &[Vec<Range<usize>>],
) -> Vec<Citation> {
    let notes: Vec<(u32, Range<usize>)> = paragraphs
        .iter()
        .filter_map(|p| Some((p.note_label?, p.bytes.clone())))
        .collect();
    let mut parsed: Vec<Option<Reference>> = vec![None; notes.len()];
    let mut all = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        let mut found: Vec<Citation> = Vec::new();
        for m in &para.markers {
            let note = m
                .bracketed
                .then(|| find_note(&notes, m.number, m.at))
                .flatten();
            let (range, reference) = match note {
                Some(k) => {
                    let range = notes[k].1.clone();
                    let reference = parsed[k]
                        .get_or_insert_with(|| cite::parse(text.get(range.clone()).unwrap_or("")))
                        .clone();
                    (range, reference)
                }
                None => (
                    m.at..m.at,
                    Reference {
                        raw: m.number.to_string(),
                        ..Reference::default()
                    },
                ),
            };
            found.push(Citation {
                at: m.at..m.at,
                note: range,
                covers: 0..0,
                reference,
            });
        }
        if para.note_label.is_none() {
            for g in groups.get(p).map_or(&[][..], Vec::as_slice) {
                let inner = text.get(g.start + 1..g.end - 1).unwrap_or("");
                if is_reference(inner) {
                    found.push(Citation {
                        at: g.clone(),
                        note: g.clone(),
                        covers: 0..0,
                        reference: cite::parse(inner.trim()),
                    });
                }
            }
        }
        found.sort_by_key(|c| (c.at.start, c.at.end));
        let mut from = para.bytes.start;
        for c in &mut found {
            c.covers = skip_leading_punct(text, from, c.at.start)..c.at.start;
            from = from.max(c.at.end);
        }
        all.extend(found);
    }
    all
}

/// The note `[n]` a marker at `at` refers to: the first one after the marker, or else any.
fn find_note(notes: &[(u32, Range<usize>)], n: u32, at: usize) -> Option<usize> {
    let mut same = notes.iter().enumerate().filter(|(_, (m, _))| *m == n);
    let first = same.clone().next().map(|(k, _)| k);
    same.find(|(_, (_, r))| r.start >= at)
        .map(|(k, _)| k)
        .or(first)
}

/// Start of what a citation covers: past blanks and punctuation left over from the previous
/// citation.
fn skip_leading_punct(text: &str, from: usize, to: usize) -> usize {
    let Some(s) = text.get(from..to) else {
        return from.min(to);
    };
    let rest = s.trim_start_matches(|c: char| c.is_whitespace() || ".,;:".contains(c));
    to - rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracket_markers_are_found() {
        let check = |s: &str, expect: &[(u32, &str)]| {
            let got: Vec<(u32, &str)> = bracket_markers(s)
                .into_iter()
                .map(|(n, r)| (n, &s[r]))
                .collect();
            assert_eq!(got, expect, "for {s:?}");
        };
        check(
            "the Alexandropol [1] treaty [2].",
            &[(1, "[1]"), (2, "[2]")],
        );
        check("imperialism ”[6]. The", &[(6, "[6]")]);
        check("[15] <(Excerpt", &[(15, "[15]")]);
        check("[1921] [0] [] [a] [1234] [12", &[]);
    }

    #[test]
    fn note_labels() {
        assert_eq!(note_label("[5] Diplomatic dictionary"), Some((5, 0..4)));
        assert_eq!(note_label("  [12]  x"), Some((12, 2..8)));
        assert_eq!(note_label("x [5]"), None);
    }

    #[test]
    fn superscript_candidates_are_glued_digits() {
        let check = |s: &str, expect: &[u32]| {
            let got: Vec<u32> = superscript_candidates(s)
                .into_iter()
                .map(|(n, _)| n)
                .collect();
            assert_eq!(got, expect, "for {s:?}");
        };
        check("силы для борьбы на западе1.", &[1]);
        check("без признания больше-визма2. Хотя", &[2]);
        check("симпатий к большевикам3. Сами", &[3]);
        check("в 1922 г.31 в", &[31]);
        check("это бедны»32.", &[32]);
        check("в армии16. Она", &[16]);
        check("XX века12 и", &[12]);
        check("Т. IV, М., 1960, С.176-177).", &[]);
        check("S.259-260 и P. 97 и P.8)", &[]);
        check("Протокол №15 заседания", &[]);
        check("в 1920 году 16 марта", &[]);
        check("RSFSR 13 in October, 1920s, B2B", &[]);
        check("ab1234.", &[]);
        check("news/1438182.html#ixzz1Xevxl1D3.", &[]);
        check("a B2B deal, CIA-RDP 83", &[]);
    }

    #[test]
    fn paren_groups_are_balanced() {
        let s = "a (Протокол ЦК АКП(б). 26.07.1921) b (x)М.Д.) c (open";
        let got: Vec<&str> = paren_groups(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(got, ["(Протокол ЦК АКП(б). 26.07.1921)", "(x)"]);
    }

    #[test]
    fn inline_references_are_recognised() {
        let check = |inner: &str, expect: bool| {
            assert_eq!(is_reference(inner), expect, "for {inner:?}");
        };
        check(
            "Нота НКИД РСФСР Послу Турции в Москве Али Фуат-бею. 13.06.1921 // Документы \
             внешней политики СССР. Т. IV, М., 1960, С.176-177",
            true,
        );
        check(
            "Письмо Б.Леграна Г.Орджоникидзе. 29.06.1921// Коллекция документов РГАСПИ",
            true,
        );
        check("The Pan-Turanian Idea // National Archives … P. 97", true);
        check(
            "См.: Кузнецова С.И. Установление советско-турецких отношений",
            true,
        );
        check("Телеграмма М.Д.Гусейнова Г.Чичерину. 05.07.1921", true);
        check(
            "Letter of G. Chicherin to Sh. Eliava, 14 December 1920",
            true,
        );
        check(
            "Documents of the USSR foreign policy. T. IV. M., 1960, p. 11",
            true,
        );
        check("РГАСПИ, ф. 85, оп. 13, д. 143, л. 1", true);
        check("FPA RF, f. 04, op. 39, d. 53001, l. 9", true);
        check("министерств", false);
        check("б", false);
        check("в Карсе - Дж.Г.", false);
        check("Ataturk", false);
        check("1919-1920", false);
        check("Turkish Misak-ı Millo; \"national agreement\"", false);
        check("декрет о земле", false);
        check("декрет Армревкома от 14 января 1921 года - Дж.Г.", false);
        check(
            "речь идет о декларации Азревкома от 1 декабря 1920 года - Дж.Г.",
            false,
        );
        check("в Карсе - Дж.Г.", false);
        check("Note of 13 June 1921 – ed.", false);
        check("Letter of 5 May 1921 — J.H.", false);
        check("Документы внешней политики. М., 1960 – Т. IV. С. 11", true);
        check(
            "Excerpt from the book: “Soviet diplomacy in the Muslim East in 1917 – 1921”. \
             Saarbrücken, 2014",
            true,
        );
        check("Из книги: Советская дипломатия. М., 1968, с. 83", true);
        check("excerpt from the speech", false);
        check(
            "См:Worldwide Report Terrorism. FOUO 3/82. For Official Use Only",
            true,
        );
    }

    #[test]
    fn covers_run_from_the_previous_citation() {
        let text = "A claim (Letter of X. 13.06.1921 // Archive). Another claim[1] end.";
        let at = text.find("[1]").unwrap_or(0);
        let text = text.replace("[1]", "");
        let para = Paragraph {
            bytes: 0..text.len(),
            section: None,
            note_label: None,
            markers: vec![super::super::normalize::Marker {
                at,
                number: 1,
                bracketed: false,
                raw: 0..1,
            }],
        };
        let groups = vec![paren_groups(&text)];
        let cites = collect(&text, &[para], &groups);
        assert_eq!(cites.len(), 2);
        assert_eq!(&text[cites[0].covers.clone()], "A claim ");
        assert_eq!(
            &text[cites[0].at.clone()],
            "(Letter of X. 13.06.1921 // Archive)"
        );
        assert_eq!(&text[cites[1].covers.clone()], "Another claim");
        assert_eq!(cites[1].note, cites[1].at);
        assert_eq!(cites[1].reference.raw, "1");
    }
}
