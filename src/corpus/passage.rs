//! Sentence splitting, for Russian and English.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
//! followed by a blank and then a character that can start a sentence: an upper-case letter, a
//! digit or an opening quote. Never inside parentheses (a reference such as
//! `(Письмо Б.Леграна Г.Орджоникидзе. 29.06.1921// …)` stays whole, and belongs to the sentence
//! before it), never before a lower-case word or an opening parenthesis, and never after an
//! abbreviation: any single letter (initials `Г. В. Чичерин`, `S.I. Aralov`, `т.`, `с.`, `p.`,
//! `f.`, `d.`, `l.`), or a word of [`ABBREVIATIONS`].
//!
//! A period abbreviation after a number (`16 марта 1921 г.`, `1920-х гг.`, `ХХ в.`) is
//! ambiguous before a capital: `в декабре 1920 г. Россия потребовала` is one sentence, `был
//! подписан 2 января 1922 г. М. Фрунзе помог` is two. It ends the sentence when
//!
//! - a note marker stood right after it (notes are set at the ends of sentences), or
//! - the capitalised word cannot stand inside a sentence in capitals (`В`, `Это`, `Сам`, `Но`:
//!   a preposition, pronoun, conjunction or particle), or
//! - the text before it is a complete clause: its clause (from the last comma) has a finite
//!   verb, or, unless that clause opens with a subordinating word (`что`, `когда`, `который`)
//!   whose verb has not yet come, the sentence so far has one.
//!
//! Otherwise the date opens or stands inside a clause whose verb follows (`При передаче
//! партии оружия в декабре 1920 г. Россия потребовала`), and the sentence goes on.

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

/// Abbreviations of a year or century that follow a number (`1921 г.`, `1920-х гг.`,
/// `ХХ в.`), which may end a sentence.
const PERIOD_WORDS: &[&str] = &["г", "гг", "в", "вв"];

/// Words that are written with a capital only at the start of a sentence: prepositions,
/// conjunctions, pronouns, particles and sentence adverbs (lower-cased).
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "а", "без", "благодаря", "в", "вам", "вместе", "во", "впоследствии", "все", "всё", "вскоре",
    "вследствие", "вы", "где", "да", "даже", "для", "до", "его", "ее", "её", "ему", "если", "еще",
    "ещё", "же", "за", "затем", "здесь", "и", "из", "или", "именно", "им", "их", "к", "как",
    "когда", "кроме", "ли", "лишь", "между", "мы", "на", "наконец", "напротив", "несмотря", "но",
    "о", "об", "однако", "он", "она", "они", "оно", "от", "по", "под", "позднее", "позже", "после",
    "поскольку", "потом", "поэтому", "при", "причем", "причём", "с", "сам", "сама", "сами", "само",
    "со", "согласно", "так", "также", "таким", "такая", "такие", "такой", "там", "тем", "теперь",
    "то", "тогда", "только", "тот", "тут", "у", "уже", "хотя", "что", "чтобы", "эта", "эти", "этим",
    "это", "этого", "этой", "этот", "я",
];

/// Words that open a subordinate clause: a clause opening with one has its verb still to come.
#[rustfmt::skip]
const SUBORDINATORS: &[&str] = &[
    "что", "чтобы", "когда", "где", "куда", "откуда", "если", "хотя", "пока", "поскольку", "как",
    "который", "которая", "которое", "которые", "которого", "которой", "которому", "которым",
    "котором", "которых", "которую", "которыми", "чей", "чья", "чьи",
];

/// Predicates that no ending rule catches.
#[rustfmt::skip]
const PREDICATES: &[&str] = &[
    "может", "могут", "будет", "будут", "должен", "должна", "должно", "должны", "нужно", "надо",
    "можно", "нельзя", "есть", "нет",
];

/// Common nouns with a verb's ending.
#[rustfmt::skip]
const NOT_VERBS: &[&str] = &[
    "дел", "дела", "дело", "село", "тело", "число", "сила", "сил", "могил", "стол", "пол", "посол",
    "тыл", "протокол", "комсомол", "школа", "скала", "генерал", "адмирал", "маршал", "материал",
    "капитал", "арсенал", "журнал", "сигнал", "персонал", "канал", "трибунал", "идеал", "вокзал",
    "зал", "отдел", "предел", "раздел", "расстрел", "совет", "бюджет", "ответ", "предмет",
    "кабинет", "портрет", "запрет", "пакет", "цели", "роли", "воли", "детали", "модели", "короли",
];

/// Sentences of `text[range]`, as byte ranges of `text`. `protected` are the parenthesised
/// groups (byte ranges of `text`) in which no sentence ends; `marks` are the offsets of `text`
/// where note markers stood.
pub(crate) fn sentences(
    text: &str,
    range: Range<usize>,
    protected: &[Range<usize>],
    marks: &[usize],
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
        if c == '.' && end == i + 1 {
            let dot = Dot {
                sentence: para.get(start..i).unwrap_or(""),
                rest: next_start,
                marked: marks.contains(&(base + end)),
            };
            if dot.after_abbreviation() {
                continue;
            }
        }
        push_trimmed(&mut out, para, base, start..end);
        start = para.len() - next_start.len();
    }
    push_trimmed(&mut out, para, base, start..para.len());
    join_bare_dates(text, out)
}

/// A "sentence" that is nothing but a date (`December 7 1920.`, `7 декабря 1920 г.`) is the
/// date of the sentence after it, cut off by a year abbreviation that a translation turned
/// into a period: join the two.
fn join_bare_dates(text: &str, sentences: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    let mut pending: Option<usize> = None;
    let last = sentences.len().saturating_sub(1);
    for (k, s) in sentences.into_iter().enumerate() {
        let start = pending.take().unwrap_or(s.start);
        if k < last && is_bare_date(text.get(s.clone()).unwrap_or("")) {
            pending = Some(start);
            continue;
        }
        out.push(start..s.end);
    }
    out
}

/// Is the text only a date: day, month, year and date words, with a month and a year?
fn is_bare_date(s: &str) -> bool {
    const DATE_WORDS: &[&str] = &["г", "года", "год", "in", "of", "on", "the"];
    let (mut month, mut year) = (false, false);
    for token in s.split(|c: char| c.is_whitespace() || ".,".contains(c)) {
        if token.is_empty() {
            continue;
        }
        if token.chars().all(|c| c.is_ascii_digit()) && token.len() <= 4 {
            year |= token.len() == 4;
        } else if is_month(token) {
            month = true;
        } else if !DATE_WORDS.contains(&token.to_lowercase().as_str()) {
            return false;
        }
    }
    month && year
}

/// A month name: English, or Russian in any case form.
fn is_month(word: &str) -> bool {
    #[rustfmt::skip]
    const RUSSIAN: &[&str] = &[
        "январ", "феврал", "март", "апрел", "июн", "июл", "август", "сентябр", "октябр", "ноябр",
        "декабр",
    ];
    #[rustfmt::skip]
    const ENGLISH: &[&str] = &[
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ];
    let lower = word.to_lowercase();
    let n = lower.chars().count();
    ENGLISH.contains(&lower.as_str())
        || ["май", "мая", "мае", "маю", "маем"].contains(&lower.as_str())
        || RUSSIAN
            .iter()
            .any(|stem| lower.starts_with(stem) && n <= stem.chars().count() + 2)
}

fn can_start_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '"' | '“' | '\'' | '[')
}

/// A bare period followed by a blank and a character that can start a sentence.
struct Dot<'a> {
    /// The sentence up to the period.
    sentence: &'a str,
    /// The text after the blanks that follow the period.
    rest: &'a str,
    /// A note marker stood right after the period.
    marked: bool,
}

impl Dot<'_> {
    /// Is the period the end of an abbreviation inside the sentence rather than of it?
    fn after_abbreviation(&self) -> bool {
        let Some(word_start) = self
            .sentence
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_letter(*c))
            .last()
            .map(|(i, _)| i)
        else {
            return false;
        };
        let word = self.sentence.get(word_start..).unwrap_or("");
        let before = self.sentence.get(..word_start).unwrap_or("");
        let abbreviation = word.chars().count() == 1 || ABBREVIATIONS.contains(&word);
        if !abbreviation {
            return false;
        }
        // A note marker on an abbreviation's period before a capital: the sentence ends.
        if self.marked && self.rest.starts_with(char::is_uppercase) {
            return false;
        }
        if PERIOD_WORDS.contains(&word)
            && follows_number(before)
            && self.rest.starts_with(char::is_uppercase)
        {
            return !(starts_with_opener(self.rest) || closes_clause(before));
        }
        true
    }
}

/// Does the text before an abbreviation end with a number: `1921`, `1920-х`, `1920–1921`,
/// `ХХ`, `XXI`, or a number written close up (`1921г.`)?
fn follows_number(before: &str) -> bool {
    let trimmed = before.trim_end();
    let token = trimmed.rsplit(char::is_whitespace).next().unwrap_or("");
    if trimmed.len() == before.len() {
        return token.ends_with(|c: char| c.is_ascii_digit());
    }
    token.starts_with(|c: char| c.is_ascii_digit())
        || (!token.is_empty() && token.chars().all(is_roman_digit))
}

fn is_roman_digit(c: char) -> bool {
    // Latin and Cyrillic look-alikes (`ХХI`).
    matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'Х' | 'І')
}

/// Does the text start with a word that is capitalised only at the start of a sentence (and
/// is not an initial such as `В. И. Ленин`)?
fn starts_with_opener(rest: &str) -> bool {
    let end = rest
        .char_indices()
        .find(|(_, c)| !is_letter(*c))
        .map_or(rest.len(), |(i, _)| i);
    let word = rest.get(..end).unwrap_or("");
    let after = rest.get(end..).unwrap_or("");
    !word.is_empty()
        && !after.starts_with('.')
        && SENTENCE_OPENERS.contains(&word.to_lowercase().as_str())
}

/// Is the text before a date a complete clause, so that a capital after the date starts a new
/// sentence? Its last clause (after the last comma, semicolon or colon) has a finite verb; or
/// that clause does not open with a subordinating word and the sentence has a finite verb.
fn closes_clause(sentence: &str) -> bool {
    let clause = sentence
        .rfind([',', ';', ':'])
        .and_then(|i| sentence.get(i + 1..))
        .unwrap_or(sentence);
    if has_finite_verb(clause) {
        return true;
    }
    let subordinate = words(clause)
        .take(2)
        .any(|w| SUBORDINATORS.contains(&w.to_lowercase().as_str()));
    !subordinate && has_finite_verb(sentence)
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_letter(c)).filter(|w| !w.is_empty())
}

fn has_finite_verb(s: &str) -> bool {
    words(s).any(is_finite_verb)
}

/// A Russian finite verb or predicate, by its ending: the past tense (`был`, `направила`,
/// `вернули`, `обратился`), the present of `-ать`/`-еть`/`-овать` verbs (`считает`,
/// `поддерживают`), reflexive present forms (`является`), short passive participles
/// (`подписан`, `заключена`, `утвержден`). Capitalised words are names, not verbs.
fn is_finite_verb(word: &str) -> bool {
    if word.starts_with(char::is_uppercase) || word.chars().count() < 3 {
        return false;
    }
    if PREDICATES.contains(&word) {
        return true;
    }
    if NOT_VERBS.contains(&word) || !word.chars().all(|c| ('а'..='я').contains(&c) || c == 'ё') {
        return false;
    }
    let stem = word
        .strip_suffix("ся")
        .or_else(|| word.strip_suffix("сь"))
        .unwrap_or(word);
    let reflexive = stem.len() < word.len();
    let chars: Vec<char> = stem.chars().collect();
    let last = |k: usize| {
        chars
            .len()
            .checked_sub(k)
            .and_then(|i| chars.get(i))
            .copied()
    };
    let vowel = |c: Option<char>| c.is_some_and(|c| "аеёиоуыэюя".contains(c));
    // Past tense: a vowel, `л`, and an ending.
    let past = match (last(1), last(2), last(3)) {
        (Some('л'), p, _) => vowel(p),
        (Some('а' | 'о' | 'и'), Some('л'), p) => vowel(p),
        _ => false,
    };
    if past {
        return true;
    }
    // Present tense, third person: a vowel before `-ет`, `-ют`, `-ят`, `-ут`; any reflexive.
    let present = match (last(1), last(2), last(3)) {
        (Some('т'), Some('е' | 'ю' | 'я' | 'у' | 'и' | 'а'), p) => reflexive || vowel(p),
        _ => false,
    };
    if present {
        return true;
    }
    !reflexive && is_short_participle(stem)
}

/// `подписан`, `создана`, `заключен`, `назначены`, `организовано`.
fn is_short_participle(word: &str) -> bool {
    let base = word
        .strip_suffix(['а', 'о', 'ы'])
        .unwrap_or(word)
        .strip_suffix('н');
    let Some(base) = base else {
        return false;
    };
    let mut rev = base.chars().rev();
    match (rev.next(), rev.next()) {
        (Some('а'), Some(c)) => "сздтв".contains(c) && base.chars().count() >= 4,
        (Some('е'), Some(c)) => "чщжшлдт".contains(c) && base.chars().count() >= 5,
        _ => false,
    }
}

/// `М., 1960`, `M., 1986`: the place of publication of a reference, never a sentence start.
fn starts_with_city_abbreviation(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), Some(',')) if c.is_uppercase()
    )
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

    /// Sentences of `text`; a `^` in it marks where a note marker stood (and is removed).
    fn split(text: &str) -> Vec<String> {
        let mut marks = Vec::new();
        let mut clean = String::new();
        for c in text.chars() {
            if c == '^' {
                marks.push(clean.len());
            } else {
                clean.push(c);
            }
        }
        let groups = paren_groups(&clean);
        sentences(&clean, 0..clean.len(), &groups, &marks)
            .into_iter()
            .map(|r| clean[r].to_string())
            .collect()
    }

    fn check(text: &str, expect: &[&str]) {
        assert_eq!(split(text), expect, "for {text:?}");
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
            "Он сказал: «Мы готовы.» Потом ушел… Зачем? Неясно!",
            &[
                "Он сказал: «Мы готовы.»",
                "Потом ушел…",
                "Зачем?",
                "Неясно!",
            ],
        );
        check(
            "Выделено еще 3,5 млн. рублей. Сам Г. В. Чичерин относил.",
            &[
                "Выделено еще 3,5 млн. рублей.",
                "Сам Г. В. Чичерин относил.",
            ],
        );
    }

    /// A year or century abbreviation before a capital: one line per case, `|` where a
    /// sentence ends.
    #[test]
    fn dates_before_a_capital() {
        let cases = [
            // The date opens or stands inside a clause whose verb is still to come.
            "При передаче партии оружия в декабре 1920 г. Россия потребовала отступления турок.",
            "После встречи в Москве в сентябре 1920 г. С. С. Каменева с представителем Меджлиса \
             вопрос решился.",
            "По приглашению Ататюрка в марте 1922 г. С. Аралов побывал в штабах.",
            "Он заявил, что в декабре 1920 г. Россия потребовала отступления.",
            // The clause before is complete.
            "Документ был подписан 2 января 1922 г.| М. Фрунзе помог кемалистам.",
            "Конференция начала работу на основе договора от 16 марта 1921 г.| Документ был \
             подписан.",
            "Оно принадлежало армии в 1918 г.| Были и другие.",
            "Договор подписан в 1921г.| Затем был другой.",
            "При передаче оружия в 1921г. Россия потребовала.",
            "Договор подписан 16 марта 1921 г.| Россия и Турция стали союзниками.",
            "Турция считает, что это было в 1921 г.| Россия нет.",
            // The word after cannot stand inside a sentence in capitals.
            "В период с 12 декабря 1920 г. по 3 февраля 1921 г.| В этот момент Турция начала.",
            "Сумма больше бюджета в начале 1920-х гг.| Эта цифра в два раза больше.",
            "Термин ХХ в.| Так говорили.",
            "Терминология ХХ в. Россия и Турция.",
            // A note marker after the period.
            "В январе 1922 г.^| М. Фрунзе помог.",
            "Всего 3 тыс.^| Затем больше.",
            // Not after a number: an abbreviation.
            "В г. Москве тоже.",
            "Письмо В. И. Ленину.",
        ];
        for case in cases {
            let expect: Vec<String> = case.split("| ").map(|s| s.replace('^', "")).collect();
            assert_eq!(split(&case.replace("| ", " ")), expect, "for {case:?}");
        }
    }

    #[test]
    fn finite_verbs_by_their_endings() {
        let check = |word: &str, expect: bool| {
            assert_eq!(is_finite_verb(word), expect, "for {word:?}");
        };
        for verb in
            "был была были направил потребовала вернули обратился пытались считает является \
             поддерживают подписан заключена назначены создано утвержден может нет"
                .split_whitespace()
        {
            check(verb, true);
        }
        for other in
            "декабре передаче партии оружия встречи приглашению решающему страна сторона план \
             член совет кредит визит генерал дел сил Халил Кемал ли Россия перемирие treaty"
                .split_whitespace()
        {
            check(other, false);
        }
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
        check(
            "The commander M.V. Frunze signed. G.V. Chicherin on a treaty. See vol. III, \
             Moscow, 1960, pp. 391-392. Next.",
            &[
                "The commander M.V. Frunze signed.",
                "G.V. Chicherin on a treaty.",
                "See vol. III, Moscow, 1960, pp. 391-392.",
                "Next.",
            ],
        );
    }

    #[test]
    fn bare_dates_join_the_next_sentence() {
        check(
            "It met with a positive response. December 7 1920. The Plenum considered the \
             proposal.",
            &[
                "It met with a positive response.",
                "December 7 1920. The Plenum considered the proposal.",
            ],
        );
        check(
            "Так было. 7 декабря 1920 г. Пленум рассмотрел предложение.",
            &[
                "Так было.",
                "7 декабря 1920 г. Пленум рассмотрел предложение.",
            ],
        );
        check(
            "Он приехал. 2 мая 1921 года. Марта не было.",
            &["Он приехал.", "2 мая 1921 года. Марта не было."],
        );
        // Only when a sentence follows, and only for a date with a month and a year.
        check(
            "Он приехал. December 7 1920.",
            &["Он приехал.", "December 7 1920."],
        );
        check(
            "In 1920. The Plenum met. Marching on 1920. Next.",
            &["In 1920.", "The Plenum met.", "Marching on 1920.", "Next."],
        );
        check(
            "Договор подписан. Мартовские 1921 года. Далее.",
            &["Договор подписан.", "Мартовские 1921 года.", "Далее."],
        );
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn messy_char() -> impl Strategy<Value = char> {
            prop_oneof![
                any::<char>(),
                prop::sample::select(vec![
                    'г', 'в', '.', ' ', '1', '9', '2', 'Р', 'В', 'М', 'л', 'а', '(', ')', '«', '»',
                    '-', 'x', 'I', 'Х', ',', '…', '?',
                ]),
            ]
        }

        proptest! {
            #[test]
            fn sentences_are_ordered_slices_of_the_range(
                chars in prop::collection::vec(messy_char(), 0..120),
                marks in prop::collection::vec(0usize..400, 0..6),
            ) {
                let text: String = chars.into_iter().collect();
                let groups = paren_groups(&text);
                let got = sentences(&text, 0..text.len(), &groups, &marks);
                let mut last = 0;
                for r in got {
                    prop_assert!(r.start >= last && r.start < r.end && r.end <= text.len());
                    prop_assert!(text.get(r.clone()).is_some());
                    last = r.end;
                }
            }
        }
    }

    #[test]
    fn degenerate_inputs() {
        check("", &[]);
        check("   ", &[]);
        check("No end", &["No end"]);
        check(". . .", &[". . ."]);
        check("a. b.", &["a. b."]);
        check("1920 г.", &["1920 г."]);
        check("г. Б", &["г. Б"]);
        check("ХХ в. ", &["ХХ в."]);
    }
}
