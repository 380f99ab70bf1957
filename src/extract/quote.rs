//! Quotations in running text («…», “…”, "…") and the comparison of a claimed quote with them.
//!
//! [`find`] lists the outermost quotations of a normalised passage, nested ones inside their
//! parent, skipping marks that are never closed. [`locate`] finds where a claimed quote stands
//! in a passage by aligning words, not characters, so that line breaks, punctuation, quote
//! marks, dashes, ellipses, case and `ё` do not matter, and reports whether the claim quotes
//! the passage exactly, with a few words changed, or not at all. [`speaker_before`] gives the
//! words that introduce a quotation (`В. И. Ленин сказал:`), where a name may be looked for.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

/// A quotation in running text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteMention {
    /// Byte range with the quote marks.
    pub span: Range<usize>,
    /// Byte range of the quoted words, without the marks and the spaces inside them.
    pub inner: Range<usize>,
}

/// The outermost quotations of `text`, in order: «…» (which may hold „…“ or “…”), “…”, „…“
/// and "…". A straight quote opens only after a space or punctuation and closes only before
/// one. A mark that is never closed is skipped, and quotations inside it are still found.
pub fn find(text: &str) -> Vec<QuoteMention> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(unclosed) = scan(text, &chars, from, &mut found) {
        from = unclosed + 1;
    }
    found
}

/// An open quote mark: its index in the char list and the mark.
#[derive(Clone, Copy)]
struct Open {
    at: usize,
    mark: char,
}

/// Pair quote marks from `from` on, pushing each outermost quotation closed. Returns the
/// index of the outermost mark left open at the end, from which the caller scans again.
fn scan(
    text: &str,
    chars: &[(usize, char)],
    from: usize,
    found: &mut Vec<QuoteMention>,
) -> Option<usize> {
    let mut stack: Vec<Open> = Vec::new();
    for (k, &(_, c)) in chars.iter().enumerate().skip(from) {
        let closes = stack
            .iter()
            .rposition(|open| closes(open.mark, c, chars, k))
            // A straight quote closes only the innermost quotation, or it could not nest.
            .filter(|&depth| c != '"' || depth + 1 == stack.len());
        if let Some(depth) = closes {
            stack.truncate(depth + 1);
            if let Some(open) = stack.pop()
                && stack.is_empty()
            {
                push_mention(text, chars, open.at, k, found);
            }
        } else if opens(c, chars, k) {
            stack.push(Open { at: k, mark: c });
        }
    }
    stack.first().map(|open| open.at)
}

fn push_mention(
    text: &str,
    chars: &[(usize, char)],
    open: usize,
    close: usize,
    found: &mut Vec<QuoteMention>,
) {
    let (Some(&(start, open_mark)), Some(&(close_at, close_mark))) =
        (chars.get(open), chars.get(close))
    else {
        return;
    };
    let inner_start = start + open_mark.len_utf8();
    let Some(inner) = text.get(inner_start..close_at) else {
        return;
    };
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        return;
    }
    let inner_from = inner_start + lead;
    found.push(QuoteMention {
        span: start..close_at + close_mark.len_utf8(),
        inner: inner_from..inner_from + trimmed.len(),
    });
}

fn neighbours(chars: &[(usize, char)], k: usize) -> (Option<char>, Option<char>) {
    let before = k.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, c)| c);
    let after = chars.get(k + 1).map(|&(_, c)| c);
    (before, after)
}

fn opens(c: char, chars: &[(usize, char)], k: usize) -> bool {
    match c {
        '«' | '“' | '„' => true,
        '"' => {
            let (before, after) = neighbours(chars, k);
            before.is_none_or(|b| !b.is_alphanumeric()) && after.is_some_and(|a| !a.is_whitespace())
        }
        _ => false,
    }
}

/// Whether `c` at `k` closes a quotation opened by `open`. `“` closes `„` (the Russian inner
/// pair) but otherwise opens.
fn closes(open: char, c: char, chars: &[(usize, char)], k: usize) -> bool {
    match (open, c) {
        ('«', '»') | ('“', '”') | ('„', '“' | '”') => true,
        ('"', '"') => {
            let (before, after) = neighbours(chars, k);
            before.is_some_and(|b| !b.is_whitespace()) && after.is_none_or(|a| !a.is_alphanumeric())
        }
        _ => false,
    }
}

/// One word of a comparison: where it stands, how it is written, and its comparable form.
#[derive(Clone, Debug)]
struct Word<'a> {
    bytes: Range<usize>,
    text: &'a str,
    key: String,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// Combining marks, such as the stress accent some Russian editions print.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Runs of letters and digits; an apostrophe between letters stays inside the word (`can't`).
/// Everything else (punctuation, quote marks, dashes, ellipses, spaces) only separates.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inside = is_word_char(c)
            || (start.is_some()
                && is_apostrophe(c)
                && chars.peek().is_some_and(|&(_, n)| is_word_char(n)));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push_word(text, s..i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push_word(text, s..text.len(), &mut out);
    }
    out
}

fn push_word<'a>(text: &'a str, bytes: Range<usize>, out: &mut Vec<Word<'a>>) {
    let Some(written) = text.get(bytes.clone()) else {
        return;
    };
    let key = written
        .chars()
        .filter(|&c| !is_apostrophe(c) && !is_combining(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    out.push(Word {
        bytes,
        text: written,
        key,
    });
}

/// A step of the word diff from the claimed quote to the passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordChange {
    /// Words in both, as the passage writes them.
    Same(String),
    /// Words the passage has and the claim does not.
    Added(String),
    /// Words the claim has and the passage does not.
    Removed(String),
}

/// How a claimed quote compares with the stretch of the passage that resembles it most.
#[derive(Clone, Debug, PartialEq)]
pub enum QuoteMatch {
    /// Every word matches, in order.
    Exact,
    /// Most words match: a misquote or a different translation of the same words.
    /// `similarity` is `2·same / (claimed words + passage words)`, at least
    /// [`NEAR_MISS_SIMILARITY`].
    NearMiss {
        similarity: f64,
        diff: Vec<WordChange>,
    },
    /// At least half the claimed words (and two) stand in order in the stretch, too few for
    /// the same words: a paraphrase, or a sentence of the same shape.
    Different,
}

/// The least similarity of a near miss. With [`NEAR_MISS_MIN_SAME`] it lets about two words
/// in ten be changed, added or dropped (`suffered so many losses and will never accept this`
/// against `… victims and will never agree to this` is 0.8), and rejects a sentence of the
/// same shape that shares mostly function words (`the Armenians have suffered many defeats
/// and will never give up` against the same passage is 0.64).
pub const NEAR_MISS_SIMILARITY: f64 = 0.7;

/// The least number of matching words in a near miss (or all but one, for a shorter quote).
pub const NEAR_MISS_MIN_SAME: usize = 4;

/// Below this similarity, or with fewer than half the claimed words in the stretch, the
/// passage does not resemble the claim at all: a few shared words (`the beginning of`) are
/// chance.
const RESEMBLANCE: f64 = 0.3;

/// Where in `text` the claimed quote stands, and how well it matches. The claim may quote a
/// part of a longer quotation and may keep or drop its quote marks; words are compared after
/// folding case and `ё`, ignoring punctuation. `None` when nothing in `text` resembles it.
///
/// The returned range runs from the first to the last word of the matching stretch.
pub fn locate(claimed: &str, text: &str) -> Option<(Range<usize>, QuoteMatch)> {
    let claim = words(claimed);
    let passage = words(text);
    let window = best_window(&claim, &passage)?;
    let stretch = passage.get(window)?;
    let (first, last) = (stretch.first()?, stretch.last()?);
    let bytes = first.bytes.start..last.bytes.end;

    let (diff, same) = word_diff(&claim, stretch);
    let similarity = (2 * same) as f64 / (claim.len() + stretch.len()) as f64;
    let verdict = if same == claim.len() && same == stretch.len() {
        QuoteMatch::Exact
    } else if similarity >= NEAR_MISS_SIMILARITY
        && claim.len() >= 2
        && same >= NEAR_MISS_MIN_SAME.min(claim.len() - 1)
    {
        QuoteMatch::NearMiss { similarity, diff }
    } else if similarity >= RESEMBLANCE && same >= 2 && 2 * same >= claim.len() {
        QuoteMatch::Different
    } else {
        return None;
    };
    Some((bytes, verdict))
}

const MATCH: i64 = 2;
const MISMATCH: i64 = -1;
const GAP: i64 = -1;

/// The stretch of passage words (as indices) that the whole claim aligns with best: an
/// alignment that must use every claimed word but may start and end anywhere in the passage.
/// Runs in time claim × passage and memory claim.
fn best_window(claim: &[Word<'_>], passage: &[Word<'_>]) -> Option<Range<usize>> {
    if claim.is_empty() || passage.is_empty() {
        return None;
    }
    // Cells of one passage column: best score of aligning claim[..i] ending at this passage
    // word, and the passage index where that alignment starts.
    let fresh = |j: usize| -> Vec<(i64, usize)> {
        (0..=claim.len()).map(|i| (GAP * i as i64, j)).collect()
    };
    let mut prev = fresh(0);
    let mut best: Option<(i64, Range<usize>)> = None;
    for (j, word) in passage.iter().enumerate() {
        let mut cur = fresh(j + 1);
        for (i, c) in claim.iter().enumerate() {
            let score = if c.key == word.key { MATCH } else { MISMATCH };
            let (Some(&diag), Some(&left), Some(&up)) = (prev.get(i), prev.get(i + 1), cur.get(i))
            else {
                continue;
            };
            // Ties favour pairing words, so a changed word stays inside the stretch.
            let mut cell = (diag.0 + score, diag.1);
            if up.0 + GAP > cell.0 {
                cell = (up.0 + GAP, up.1);
            }
            if left.0 + GAP > cell.0 {
                cell = (left.0 + GAP, left.1);
            }
            if let Some(slot) = cur.get_mut(i + 1) {
                *slot = cell;
            }
        }
        if let Some(&(score, start)) = cur.last()
            && start <= j
            && best.as_ref().is_none_or(|(b, _)| score > *b)
        {
            best = Some((score, start..j + 1));
        }
        prev = cur;
    }
    best.map(|(_, window)| window)
}

/// The word diff from the claim to the stretch, and how many words are the same.
fn word_diff(claim: &[Word<'_>], stretch: &[Word<'_>]) -> (Vec<WordChange>, usize) {
    let old: Vec<&str> = claim.iter().map(|w| w.key.as_str()).collect();
    let new: Vec<&str> = stretch.iter().map(|w| w.key.as_str()).collect();
    let join = |ws: &[Word<'_>], r: Range<usize>| -> String {
        ws.get(r)
            .unwrap_or_default()
            .iter()
            .map(|w| w.text)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut changes = Vec::new();
    let mut same = 0;
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        match op {
            DiffOp::Equal { new_index, len, .. } => {
                same += len;
                changes.push(WordChange::Same(join(stretch, new_index..new_index + len)));
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                changes.push(WordChange::Removed(join(
                    claim,
                    old_index..old_index + old_len,
                )));
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                changes.push(WordChange::Added(join(
                    stretch,
                    new_index..new_index + new_len,
                )));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                changes.push(WordChange::Removed(join(
                    claim,
                    old_index..old_index + old_len,
                )));
                changes.push(WordChange::Added(join(
                    stretch,
                    new_index..new_index + new_len,
                )));
            }
        }
    }
    (changes, same)
}

/// The part of the quotation's sentence before it (`В. И. Ленин сказал:`), back to the end of
/// the previous sentence, without surrounding spaces. `None` when the quotation opens its
/// sentence.
pub fn speaker_before(text: &str, quote: &QuoteMention) -> Option<Range<usize>> {
    let before = text.get(..quote.span.start)?;
    let start = sentence_start(before);
    let stretch = before.get(start..)?;
    let lead = stretch.len() - stretch.trim_start().len();
    let trimmed = stretch.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some(start + lead..start + lead + trimmed.len())
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "г", "гг", "тов", "т", "им", "ст", "см", "ср", "пр", "Mr", "Mrs", "Dr", "St", "Gen", "Col",
    "vs", "cf", "No",
];

/// Where the last sentence of `text` starts: after the last `.`, `!`, `?` or `…` (closing quote
/// marks and brackets may follow it) that is followed by a space and a capital, digit or quote,
/// and that does not close an initial (`В.`) or an abbreviation (`г.`).
fn sentence_start(text: &str) -> usize {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for k in (0..chars.len()).rev() {
        let Some(&(_, c)) = chars.get(k) else {
            continue;
        };
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut next = k + 1;
        while chars
            .get(next)
            .is_some_and(|&(_, n)| matches!(n, '»' | '”' | '“' | '"' | ')' | '\''))
        {
            next += 1;
        }
        let Some(&(space_at, space)) = chars.get(next) else {
            continue;
        };
        if !space.is_whitespace() {
            continue;
        }
        let opens_sentence = chars
            .iter()
            .skip(next)
            .find(|(_, n)| !n.is_whitespace())
            .is_none_or(|&(_, n)| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '«' | '“' | '"' | '„' | '–' | '—')
            });
        if !opens_sentence || (c == '.' && ends_abbreviation(&chars, k)) {
            continue;
        }
        return space_at;
    }
    0
}

/// Whether the full stop at `k` closes an initial or a known abbreviation.
fn ends_abbreviation(chars: &[(usize, char)], k: usize) -> bool {
    let word: String = {
        let mut letters: Vec<char> = chars
            .iter()
            .take(k)
            .rev()
            .map(|&(_, c)| c)
            .take_while(|c| c.is_alphabetic())
            .collect();
        letters.reverse();
        letters.into_iter().collect()
    };
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || ABBREVIATIONS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Each quotation as `[with marks|inner]`.
    fn check_find(text: &str, expect: &[&str]) {
        let got: Vec<String> = find(text)
            .iter()
            .map(|q| format!("[{}|{}]", &text[q.span.clone()], &text[q.inner.clone()]))
            .collect();
        assert_eq!(got, expect, "text: {text}");
    }

    #[test]
    fn find_forms() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Ленин сказал: «Не вмешивайтесь в их дела».",
                &["[«Не вмешивайтесь в их дела»|Не вмешивайтесь в их дела]"],
            ),
            (
                "it is necessary to put “the beginning of rapprochement and friendship extremely firmly.” [4]",
                &[
                    "[“the beginning of rapprochement and friendship extremely firmly.”|the beginning of rapprochement and friendship extremely firmly.]",
                ],
            ),
            (
                "Шейнман, \"других кандидатов для турок я не знаю\" (Письмо И.Сталина)",
                &[
                    "[\"других кандидатов для турок я не знаю\"|других кандидатов для турок я не знаю]",
                ],
            ),
            // Nested quotations stay inside their parent.
            (
                "он писал: «газета „Правда“ и “Известия” молчат» и ушёл",
                &["[«газета „Правда“ и “Известия” молчат»|газета „Правда“ и “Известия” молчат]"],
            ),
            (
                "«внешняя «внутренняя» снова» конец",
                &["[«внешняя «внутренняя» снова»|внешняя «внутренняя» снова]"],
            ),
            // Several in order, mixed styles.
            (
                "за \"проявленную самостоятельность\". Затем «выражением желания» и “the decisive word”",
                &[
                    "[\"проявленную самостоятельность\"|проявленную самостоятельность]",
                    "[«выражением желания»|выражением желания]",
                    "[“the decisive word”|the decisive word]",
                ],
            ),
            // Unmatched marks are skipped; what follows is still found.
            (
                "a « stray opener, then «real one» end",
                &["[«real one»|real one]"],
            ),
            ("closing only» and “open only", &[]),
            ("«unclosed with “inner” words", &["[“inner”|inner]"]),
            // Straight quotes need a space or punctuation outside and a word inside.
            (
                "a 5\" pipe and \"quoted words\" here",
                &["[\"quoted words\"|quoted words]"],
            ),
            (
                "quote ends at end of text \"last words\"",
                &["[\"last words\"|last words]"],
            ),
            // Spaces inside the marks are not part of the quoted words.
            ("« spaced »", &["[« spaced »|spaced]"]),
            ("«»  “ ”", &[]),
            ("", &[]),
        ];
        for (text, expect) in cases {
            check_find(text, expect);
        }
    }

    const LENIN: &str = "В качестве напутственного слова В. И. Ленин сказал: «Не вмешивайтесь в их дела. Англия натравила на них греков… Вам предстоит серьезная работа.»";
    const KARABEKIR: &str = "Karabekir replied: “The Turkish people have suffered so many victims and will never agree to this and will not understand why it is necessary to make concessions to the Armenians.”";

    /// `expect`: `None`, `exact: <matched text>`, `different: <matched text>`, or
    /// `near: <matched text> :: <diff>` with the diff as `=same -removed +added`.
    fn check_locate(claimed: &str, text: &str, expect: &str) {
        let got = match locate(claimed, text) {
            None => "None".to_string(),
            Some((range, verdict)) => {
                let matched = &text[range];
                match verdict {
                    QuoteMatch::Exact => format!("exact: {matched}"),
                    QuoteMatch::Different => format!("different: {matched}"),
                    QuoteMatch::NearMiss { similarity, diff } => {
                        assert!(
                            (NEAR_MISS_SIMILARITY..1.0).contains(&similarity),
                            "{similarity}"
                        );
                        let diff: Vec<String> = diff
                            .iter()
                            .map(|c| match c {
                                WordChange::Same(w) => format!("={w}"),
                                WordChange::Removed(w) => format!("-{w}"),
                                WordChange::Added(w) => format!("+{w}"),
                            })
                            .collect();
                        format!("near: {matched} :: {}", diff.join(" "))
                    }
                }
            }
        };
        assert_eq!(got, expect, "claimed: {claimed}");
    }

    #[test]
    fn locate_forms() {
        let cases: &[(&str, &str, &str)] = &[
            // Exact, whole quotation, with or without its marks and final stop.
            (
                "Не вмешивайтесь в их дела. Англия натравила на них греков",
                LENIN,
                "exact: Не вмешивайтесь в их дела. Англия натравила на них греков",
            ),
            (
                "«не вмешивайтесь в их дела — англия натравила на них греков...»",
                LENIN,
                "exact: Не вмешивайтесь в их дела. Англия натравила на них греков",
            ),
            // A part of a longer quotation.
            (
                "Вам предстоит серьёзная работа",
                LENIN,
                "exact: Вам предстоит серьезная работа",
            ),
            (
                "the Turkish people have suffered so many victims",
                KARABEKIR,
                "exact: The Turkish people have suffered so many victims",
            ),
            // Across what was a line break, with the quote marks of the source.
            (
                "других кандидатов для турок я не знаю",
                "Шейнман, \"других кандидатов для турок я не знаю\" (Письмо И.Сталина Г.Чичерину. 30.08.1921 // Коллекция документов РГАСПИ)",
                "exact: других кандидатов для турок я не знаю",
            ),
            // Near misses: a word changed, a word changed and one added.
            (
                "Не вмешивайтесь в их дела. Франция натравила на них греков",
                LENIN,
                "near: Не вмешивайтесь в их дела. Англия натравила на них греков :: =Не вмешивайтесь в их дела -Франция +Англия =натравила на них греков",
            ),
            (
                "The Turkish people have suffered so many losses and will never accept this",
                KARABEKIR,
                "near: The Turkish people have suffered so many victims and will never agree to this :: =The Turkish people have suffered so many -losses +victims =and will never -accept +agree to =this",
            ),
            // A changed first word stays inside the stretch.
            (
                "France has set the Greeks on them",
                "Lenin said: England has set the Greeks on them. You have serious work ahead.",
                "near: England has set the Greeks on them :: -France +England =has set the Greeks on them",
            ),
            // A word dropped by the claim.
            (
                "will never agree to this and will understand",
                KARABEKIR,
                "near: will never agree to this and will not understand :: =will never agree to this and will +not =understand",
            ),
            // Different: shares a few words only.
            (
                "the Armenians have suffered many defeats and will never give up",
                KARABEKIR,
                "different: The Turkish people have suffered so many victims and will never",
            ),
            // Nothing resembles it: a few shared words are chance.
            (
                "the beginning of rapprochement and friendship extremely firmly",
                "In the beginning of 1921 the talks opened.",
                "None",
            ),
            ("Помочь материально Турции мы сможем", KARABEKIR, "None"),
            ("Dashnaks in Soviet masks", LENIN, "None"),
            ("", LENIN, "None"),
            ("Не вмешивайтесь", "", "None"),
            // One-word quotes are exact or nothing.
            ("греков", LENIN, "exact: греков"),
            ("турок", LENIN, "None"),
        ];
        for (claimed, text, expect) in cases {
            check_locate(claimed, text, expect);
        }
    }

    fn check_speaker(text: &str, expect: Option<&str>) {
        let quote = find(text)
            .into_iter()
            .next()
            .expect("the case has a quotation");
        let got = speaker_before(text, &quote).map(|r| &text[r]);
        assert_eq!(got, expect, "text: {text}");
    }

    #[test]
    fn speaker_forms() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                LENIN,
                Some("В качестве напутственного слова В. И. Ленин сказал:"),
            ),
            (
                "Армения молчала. Нарком М.Д.Гусейнов направил телеграмму, в которой говорилось: \"Для разрешения всех вопросов\"",
                Some("Нарком М.Д.Гусейнов направил телеграмму, в которой говорилось:"),
            ),
            (
                "It was agreed in 1920. The instructions of V.I. Lenin said to put “the beginning of rapprochement.”",
                Some("The instructions of V.I. Lenin said to put"),
            ),
            (
                "В 1921 г. Сталин писал: «Других кандидатов нет»",
                Some("В 1921 г. Сталин писал:"),
            ),
            ("Он ушёл! «Нет», — сказал он.", None),
            ("«Нет», — сказал он.", None),
        ];
        for (text, expect) in cases {
            check_speaker(text, *expect);
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,60}", claimed in "\\PC{0,20}") {
            for q in find(&text) {
                prop_assert!(text.get(q.span.clone()).is_some());
                prop_assert!(text.get(q.inner.clone()).is_some());
                let _ = speaker_before(&text, &q);
            }
            if let Some((range, _)) = locate(&claimed, &text) {
                prop_assert!(text.get(range).is_some());
            }
        }

        #[test]
        fn never_panics_on_quote_marks(text in "[«»“”„\"' a-zа-я.,…!?—]{0,60}") {
            for q in find(&text) {
                prop_assert!(q.span.start < q.inner.start && q.inner.end < q.span.end);
                let _ = speaker_before(&text, &q);
            }
            let _ = locate("a b c", &text);
        }
    }
}
