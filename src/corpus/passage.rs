//! Sentence splitting, for Russian and English.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
//! followed by a blank and then a character that can start a sentence: an upper-case letter, a
//! digit or an opening quote. Never inside parentheses (a reference such as
//! `(Письмо Б.Леграна Г.Орджоникидзе. 29.06.1921// …)` stays whole, and belongs to the sentence
//! before it), never before a lower-case word or an opening parenthesis, and never after an
//! abbreviation: any single letter (initials `Г. В. Чичерин`, `S.I. Aralov`, `т.`, `г.`, `с.`,
//! `p.`, `f.`, `d.`, `l.`), or a word of [`ABBREVIATIONS`]. A year abbreviation after a number
//! (`16 марта 1921 г.`) does end a sentence when a capital follows, as it usually does in
//! Russian prose.

use std::ops::Range;

use super::normalize::is_letter;

/// Abbreviations (besides single letters) after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    // Russian
    "гг", "вв", "см", "См", "ср", "Ср", "стр", "им", "др", "пр", "проч", "тыс", "млн", "млрд",
    "руб", "коп", "ок", "напр", "оп", "об", "кн", "ред", "изд", "сб", "рис", "табл", "гл", "ст",
    "пп", "тт", "Дж", "англ", "рус", "тур", "араб", "фр", "нем", "пер", "ген", "полк", "тов",
    "проф", "акад", "св", // English
    "pp", "vol", "vols", "Vol", "Vols", "Dr", "Mr", "Mrs", "Ms", "St", "No", "Nos", "op", "ob",
    "cf", "ed", "eds", "Jr", "Sr", "Prof", "Gen", "Col", "Lt", "Capt", "Fig", "fig", "ch", "Ch",
    "art", "Art", "Rev", "Mt", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "approx", "ca", "vs", "viz", "ibid", "Ibid", "cit", "Comrade", "Gov",
    // Initials transliterated from Russian with two or three letters (`Sh. Eliava`)
    "Sh", "Ch", "Zh", "Kh", "Ts", "Yu", "Ya", "Ye", "Yo", "Dzh", "Tch", "Shch",
];

/// Year abbreviations, which end a sentence after a number when a capital follows.
const YEAR: &[&str] = &["г", "гг"];

/// Sentences of `text[range]`, as byte ranges of `text`. `protected` are the parenthesised
/// groups (byte ranges of `text`) in which no sentence ends.
pub(crate) fn sentences(
    text: &str,
    range: Range<usize>,
    protected: &[Range<usize>],
) -> Vec<Range<usize>> {
    let Some(para) = text.get(range.clone()) else {
        return Vec::new();
    };
    let base = range.start;
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = para.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        if protected.iter().any(|p| p.contains(&(base + i))) {
            continue;
        }
        // Take further terminators and closing quotes or brackets.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if matches!(
                d,
                '.' | '!' | '?' | '…' | '"' | '»' | '”' | '\'' | ')' | ']'
            ) {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = para.get(end..).unwrap_or("");
        let next_start = rest.trim_start();
        if next_start.len() == rest.len() || next_start.is_empty() {
            continue;
        }
        let Some(next) = next_start.chars().next() else {
            continue;
        };
        if !can_start_sentence(next) || starts_with_city_abbreviation(next_start) {
            continue;
        }
        if c == '.' && end == i + 1 && is_abbreviation(para, i, next) {
            continue;
        }
        push_trimmed(&mut out, para, base, start..end);
        start = para.len() - next_start.len();
    }
    push_trimmed(&mut out, para, base, start..para.len());
    out
}

fn can_start_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '"' | '“' | '\'' | '[')
}

/// Is the period at `dot` the end of an abbreviation rather than of a sentence?
fn is_abbreviation(para: &str, dot: usize, next: char) -> bool {
    let before = para.get(..dot).unwrap_or("");
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_letter(*c))
        .last()
        .map(|(i, _)| i);
    let Some(word_start) = word_start else {
        return false;
    };
    let word = before.get(word_start..).unwrap_or("");
    if YEAR.contains(&word) && next.is_uppercase() && follows_number(before, word_start) {
        // `в 1922 г. С. Аралов побывал`: a name follows the date inside the sentence.
        return starts_with_initial(para.get(dot + 1..).unwrap_or(""));
    }
    word.chars().count() == 1 || ABBREVIATIONS.contains(&word)
}

/// `М., 1960`, `M., 1986`: the place of publication of a reference, never a sentence start.
fn starts_with_city_abbreviation(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), Some(',')) if c.is_uppercase()
    )
}

/// Does the text (after blanks) start with an initial such as `С.`?
fn starts_with_initial(rest: &str) -> bool {
    let mut chars = rest.trim_start().chars();
    matches!(
        (chars.next(), chars.next()),
        (Some(c), Some('.')) if c.is_uppercase()
    )
}

/// Is the word starting at `word_start` preceded by a number (`1921 г`, `1920-1921 гг`)?
fn follows_number(before: &str, word_start: usize) -> bool {
    before
        .get(..word_start)
        .map(str::trim_end)
        .and_then(|s| s.chars().next_back())
        .is_some_and(|c| c.is_ascii_digit())
}

fn push_trimmed(out: &mut Vec<Range<usize>>, para: &str, base: usize, r: Range<usize>) {
    let Some(s) = para.get(r.clone()) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = r.start + lead;
        out.push(base + start..base + start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::citation::paren_groups;

    fn check(text: &str, expect: &[&str]) {
        let groups = paren_groups(text);
        let got: Vec<&str> = sentences(text, 0..text.len(), &groups)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, expect, "for {text:?}");
    }

    #[test]
    fn russian_initials_and_abbreviations() {
        check(
            "Эти решения легли в основу ноты, врученной наркомом Г.Чичериным послу. По его мнению, \
             договор должен быть подписан.",
            &[
                "Эти решения легли в основу ноты, врученной наркомом Г.Чичериным послу.",
                "По его мнению, договор должен быть подписан.",
            ],
        );
        check(
            "В этих обсуждениях вместе с М.Д.Гусейновым Азербайджан представлял и полпред. \
             Поэтому Г. В. Чичерин говорил. Письмо В. И. Ленину отправлено.",
            &[
                "В этих обсуждениях вместе с М.Д.Гусейновым Азербайджан представлял и полпред.",
                "Поэтому Г. В. Чичерин говорил.",
                "Письмо В. И. Ленину отправлено.",
            ],
        );
        check(
            "См. Т. IV, М., 1960, с. 176, т. 2 и др. Документы. Это было в 1920–1921 гг. Затем.",
            &[
                "См. Т. IV, М., 1960, с. 176, т. 2 и др. Документы.",
                "Это было в 1920–1921 гг.",
                "Затем.",
            ],
        );
        check(
            "Договор, заключенный в Москве 16 марта 1921 г. (Нота НКИД РСФСР Послу Турции. \
             13.06.1921 // Документы внешней политики СССР. Т. IV, М., 1960, С.176-177). Еще во \
             время переговоров.",
            &[
                "Договор, заключенный в Москве 16 марта 1921 г. (Нота НКИД РСФСР Послу Турции. \
                 13.06.1921 // Документы внешней политики СССР. Т. IV, М., 1960, С.176-177).",
                "Еще во время переговоров.",
            ],
        );
        check(
            "В 1920 г. в Анкаре было заседание. В г. Москве тоже. 1 июля он направил.",
            &[
                "В 1920 г. в Анкаре было заседание.",
                "В г. Москве тоже.",
                "1 июля он направил.",
            ],
        );
        check(
            "Оно принадлежало армии в 1918 г. Были и другие. В марте 1922 г. С. Аралов побывал.",
            &[
                "Оно принадлежало армии в 1918 г.",
                "Были и другие.",
                "В марте 1922 г. С. Аралов побывал.",
            ],
        );
        check(
            "Он сказал: «Мы готовы.» Потом ушел… Зачем? Неясно!",
            &[
                "Он сказал: «Мы готовы.»",
                "Потом ушел…",
                "Зачем?",
                "Неясно!",
            ],
        );
    }

    #[test]
    fn english_initials_and_abbreviations() {
        check(
            "Soviet envoy in Ankara S.I. Aralov told Yusuf Kemal Bey. While B. Shakhtakhtinsky \
             was in Gumri, he wrote to L.B. Krasin and Dr. Fuad Sabit. See vol. 3, pp. 391-392, \
             No. 5, i.e. the first. Mr. Smith of St. Petersburg left.",
            &[
                "Soviet envoy in Ankara S.I. Aralov told Yusuf Kemal Bey.",
                "While B. Shakhtakhtinsky was in Gumri, he wrote to L.B. Krasin and Dr. Fuad Sabit.",
                "See vol. 3, pp. 391-392, No. 5, i.e. the first.",
                "Mr. Smith of St. Petersburg left.",
            ],
        );
        check(
            "FPA RF, f. 04, op. 39, d. 53001, l. 9. RSASPH, f. 85, l. 1 ob. The next.",
            &[
                "FPA RF, f. 04, op. 39, d. 53001, l. 9.",
                "RSASPH, f. 85, l. 1 ob. The next.",
            ],
        );
        check(
            "G. Chicherin related to Sh. Eliava that. Diplomatic dictionary. T. III. M., 1986, \
             p. 312. Next.",
            &[
                "G. Chicherin related to Sh. Eliava that.",
                "Diplomatic dictionary.",
                "T. III. M., 1986, p. 312.",
                "Next.",
            ],
        );
        check(
            "It was concluded 16 in March 1921. Russia and Turkey emerged.",
            &[
                "It was concluded 16 in March 1921.",
                "Russia and Turkey emerged.",
            ],
        );
    }

    #[test]
    fn degenerate_inputs() {
        check("", &[]);
        check("   ", &[]);
        check("No end", &["No end"]);
        check(". . .", &[". . ."]);
        check("a. b.", &["a. b."]);
    }
}
