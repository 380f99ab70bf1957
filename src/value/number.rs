//! Numbers as sources write them: digits with thousands separators and decimal marks, vulgar
//! fractions, and number words in English and Russian.
//!
//! Every reader looks at the *start* of a string and reports how many bytes it consumed, so the
//! figure grammar can go on from there. Nothing here panics on any input.
//!
//! # Separators
//!
//! Sources mix conventions: `20,000`, `20.000` and `20 000` are all twenty thousand, while
//! `3,5` and `3.5` are both three and a half. The rule that resolves them:
//!
//! * A `,` or `.` followed by exactly three digits is a thousands separator when the part before
//!   it has one to three digits (`20,000`, `1.234.567`); otherwise it is a decimal mark
//!   (`3,5`, `12,5000`, `1234.567`).
//! * Once a thousands separator is chosen, every further group must use the same separator and
//!   have three digits; a single final group after the *other* mark is the decimal part
//!   (`1,234.5`, `1.234,5`). Anything else (`1,234,56`, `05.07.1921`) is [`Malformed`].
//! * A space (or NBSP, thin space, narrow NBSP) is only ever a thousands separator, and only
//!   before a group of exactly three digits after a lead of one to three digits (`20 000`);
//!   otherwise the number ends before the space.
//!
//! # Fractions
//!
//! `½ ¼ ¾ ⅓ ⅔ ⅛ …` alone or after a whole part (`2½`), and `2 1/2`. A fraction `a/b` needs a
//! denominator from 2 to 16; `3/82` is not a fraction and stops after `3`.
//!
//! Digitisation flattens `2½` into `21/2`. A numerator of two or more digits over a small
//! denominator is an odd thing to print, so when the numerator has at least two digits and its
//! last digit is a proper numerator for the denominator (`0 < d < b`), the digits before it are
//! read as the whole part: `21/2` = 2½, `13/4` = 1¾, `101/2` = 10½. A one-digit numerator is an
//! ordinary fraction (`1/2` = ½, `3/4` = ¾).
//!
//! # Words
//!
//! English (`forty-five`, `two hundred and fifty`, `a thousand`) and Russian in its inflected
//! forms (`двадцать`, `двадцати`, `двух`, `сорока`, `двухсот`, `полтора`, `тысячи`). Compound
//! numbers are read with the usual place-value grammar; a word that cannot continue the number
//! (`five seven`) ends it.

/// A number read from the start of a string.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Bytes consumed from the start of the string.
    pub len: usize,
    pub form: Form,
}

/// How a number was written, which says how much it can be trusted to be a quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Bare digits with no separator or fraction, such as `1921` or `15`: could as well be a
    /// year, a page or a day.
    Integer { digits: usize },
    /// Digits with a thousands separator or a decimal mark: `20,000`, `3,5`.
    Grouped { decimals: u32 },
    /// A vulgar fraction, alone or after a whole part: `½`, `2½`, `2 1/2`, `21/2`.
    Fraction,
    /// Number words. `scaled` when a word for thousand, million or billion is part of them.
    Words { scaled: bool },
}

impl Number {
    /// Digits after the decimal mark, so a scale can be applied without binary rounding noise
    /// (`2.3 million` is exactly 2 300 000).
    pub fn decimals(&self) -> u32 {
        match self.form {
            Form::Grouped { decimals } => decimals,
            _ => 0,
        }
    }

    /// `value × factor`, exact for decimal values whenever the result is an integer.
    pub fn scaled(&self, factor: f64) -> f64 {
        let decimals = self.decimals();
        if decimals == 0 || decimals > 15 || factor == 1.0 {
            return self.value * factor;
        }
        let p = 10f64.powi(decimals as i32);
        (self.value * p).round() * factor / p
    }
}

/// A run of digits and separators that fits no reading, such as `1,234,56` or `05.07.1921`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed {
    /// Bytes of the run, from the start of the string.
    pub len: usize,
}

/// Read a number in digits or in words at the start of `s`. `Ok(None)` when `s` does not start
/// with one.
pub fn read(s: &str) -> Result<Option<Number>, Malformed> {
    match digits(s)? {
        Some(n) => Ok(Some(n)),
        None => Ok(words(s)),
    }
}

/// Read a number in digits (with separators and fractions) at the start of `s`.
pub fn digits(s: &str) -> Result<Option<Number>, Malformed> {
    if let Some((value, len)) = vulgar(s) {
        return Ok(Some(Number {
            value,
            len,
            form: Form::Fraction,
        }));
    }
    let lead = digit_run(s);
    if lead == 0 {
        return Ok(None);
    }
    let groups = groups(s, lead);
    let end = groups.last().map_or(lead, |g| g.end);
    let Some((int_digits, frac_digits)) = interpret(s, lead, &groups) else {
        return Err(Malformed { len: end });
    };
    let value = decimal_value(&int_digits, &frac_digits).ok_or(Malformed { len: end })?;
    let number = if groups.is_empty() {
        Number {
            value,
            len: end,
            form: Form::Integer { digits: lead },
        }
    } else {
        Number {
            value,
            len: end,
            form: Form::Grouped {
                decimals: frac_digits.len() as u32,
            },
        }
    };
    if !frac_digits.is_empty() {
        return Ok(Some(number));
    }
    Ok(Some(with_fraction(s, number, groups.is_empty())?))
}

/// One `separator digits` step after the leading digits.
#[derive(Clone, Copy, Debug)]
struct Group {
    sep: char,
    /// Byte range of the digits.
    start: usize,
    end: usize,
}

const SPACES: [char; 4] = [' ', '\u{a0}', '\u{2009}', '\u{202f}'];

fn is_mark(c: char) -> bool {
    c == ',' || c == '.'
}

fn digit_run(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Collect separator-digit groups greedily; spaces only where they can be thousands separators.
fn groups(s: &str, lead: usize) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut pos = lead;
    while let Some(c) = s.get(pos..).and_then(|r| r.chars().next()) {
        let is_space = SPACES.contains(&c);
        if !is_mark(c) && !is_space {
            break;
        }
        let start = pos + c.len_utf8();
        let n = s.get(start..).map_or(0, digit_run);
        if n == 0 {
            break;
        }
        if is_space && !(n == 3 && lead <= 3 && out.iter().all(|g| g.sep == c)) {
            break;
        }
        out.push(Group {
            sep: c,
            start,
            end: start + n,
        });
        pos = start + n;
    }
    out
}

/// Split the run into integer and fractional digits by the separator rule in the module docs.
fn interpret(s: &str, lead: usize, groups: &[Group]) -> Option<(String, String)> {
    let text = |a: usize, b: usize| s.get(a..b).unwrap_or("");
    let mut int = text(0, lead).to_string();
    let Some(first) = groups.first() else {
        return Some((int, String::new()));
    };
    let first_len = first.end - first.start;
    if lead > 3 || first_len != 3 {
        // Not a thousands separator: a single decimal mark or nothing sensible.
        return (groups.len() == 1 && is_mark(first.sep))
            .then(|| (int, text(first.start, first.end).to_string()));
    }
    let thousands = first.sep;
    let mut frac = String::new();
    for (i, g) in groups.iter().enumerate() {
        let digits = text(g.start, g.end);
        if g.sep == thousands {
            if digits.len() != 3 {
                return None;
            }
            int.push_str(digits);
        } else if i + 1 == groups.len() && is_mark(g.sep) {
            frac.push_str(digits);
        } else {
            return None;
        }
    }
    Some((int, frac))
}

fn decimal_value(int: &str, frac: &str) -> Option<f64> {
    let literal = if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    };
    literal.parse::<f64>().ok().filter(|v| v.is_finite())
}

const VULGAR: &[(char, f64)] = &[
    ('½', 0.5),
    ('¼', 0.25),
    ('¾', 0.75),
    ('⅓', 1.0 / 3.0),
    ('⅔', 2.0 / 3.0),
    ('⅕', 0.2),
    ('⅖', 0.4),
    ('⅗', 0.6),
    ('⅘', 0.8),
    ('⅙', 1.0 / 6.0),
    ('⅚', 5.0 / 6.0),
    ('⅛', 0.125),
    ('⅜', 0.375),
    ('⅝', 0.625),
    ('⅞', 0.875),
];

fn vulgar(s: &str) -> Option<(f64, usize)> {
    let c = s.chars().next()?;
    VULGAR
        .iter()
        .find(|(v, _)| *v == c)
        .map(|(_, f)| (*f, c.len_utf8()))
}

/// Extend a whole number by a following fraction: `2½`, `21/2`, `2 1/2`.
fn with_fraction(s: &str, number: Number, plain: bool) -> Result<Number, Malformed> {
    let rest = s.get(number.len..).unwrap_or("");
    if let Some((f, n)) = vulgar(rest) {
        return Ok(Number {
            value: number.value + f,
            len: number.len + n,
            form: Form::Fraction,
        });
    }
    if let Some(slash) = rest.strip_prefix('/').filter(|_| plain) {
        let den_len = digit_run(slash);
        let Some(den) = denominator(slash.get(..den_len).unwrap_or("")) else {
            return Ok(number);
        };
        let numerator = s.get(..number.len).unwrap_or("");
        let len = number.len + 1 + den_len;
        return glued_fraction(numerator, den)
            .map(|value| Number {
                value,
                len,
                form: Form::Fraction,
            })
            .ok_or(Malformed { len });
    }
    if let Some(space) = rest.chars().next().filter(|c| SPACES.contains(c)) {
        let after = rest.get(space.len_utf8()..).unwrap_or("");
        if let Some((f, n)) = proper_fraction(after) {
            return Ok(Number {
                value: number.value + f,
                len: number.len + space.len_utf8() + n,
                form: Form::Fraction,
            });
        }
    }
    Ok(number)
}

/// A denominator a fraction can have: 2 to 16, written without a leading zero.
fn denominator(digits: &str) -> Option<u32> {
    if digits.starts_with('0') {
        return None;
    }
    digits.parse::<u32>().ok().filter(|d| (2..=16).contains(d))
}

/// `numerator/den`, reading `21/2` as 2½ (see the module docs). `None` for a zero denominator
/// or a numerator too long to be a number.
fn glued_fraction(numerator: &str, den: u32) -> Option<f64> {
    let last = numerator.chars().last()?.to_digit(10)?;
    let whole = numerator.get(..numerator.len() - 1).unwrap_or("");
    if !whole.is_empty() && last > 0 && last < den {
        let w = whole.parse::<f64>().ok()?;
        return Some(w + f64::from(last) / f64::from(den));
    }
    let n = numerator.parse::<f64>().ok()?;
    Some(n / f64::from(den)).filter(|v| v.is_finite())
}

/// `a/b` with `0 < a < b`, as in `2 1/2`; nothing may follow glued to it.
fn proper_fraction(s: &str) -> Option<(f64, usize)> {
    let a_len = digit_run(s);
    let a: u32 = s.get(..a_len)?.parse().ok()?;
    let rest = s.get(a_len..)?.strip_prefix('/')?;
    let b_len = digit_run(rest);
    let b = denominator(rest.get(..b_len)?)?;
    let len = a_len + 1 + b_len;
    let glued = s
        .get(len..)?
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '/');
    (a > 0 && a < b && !glued).then(|| (f64::from(a) / f64::from(b), len))
}

/// What a number word contributes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// 1–9.
    Unit(f64),
    /// 10–19.
    Teen(f64),
    /// 20, 30, … 90.
    Tens(f64),
    /// Russian 100, 200, … 900 (`сто`, `двести`).
    Hundreds(f64),
    /// English `hundred`, multiplying what precedes it.
    Hundred,
    /// Thousand, million, billion. `alone` when the word can be a number by itself
    /// (`тысяча винтовок`), which only the singular forms can.
    Scale { factor: f64, alone: bool },
    /// `a`/`an`, only before `hundred`, `thousand`, `million`, `billion`.
    Article,
    /// `полтора`: one and a half.
    Sesqui,
}

use Role::*;

/// Number words, lowercase, `ё` written `е`.
const WORDS: &[(&str, Role)] = &[
    ("one", Unit(1.0)),
    ("two", Unit(2.0)),
    ("three", Unit(3.0)),
    ("four", Unit(4.0)),
    ("five", Unit(5.0)),
    ("six", Unit(6.0)),
    ("seven", Unit(7.0)),
    ("eight", Unit(8.0)),
    ("nine", Unit(9.0)),
    ("ten", Teen(10.0)),
    ("eleven", Teen(11.0)),
    ("twelve", Teen(12.0)),
    ("thirteen", Teen(13.0)),
    ("fourteen", Teen(14.0)),
    ("fifteen", Teen(15.0)),
    ("sixteen", Teen(16.0)),
    ("seventeen", Teen(17.0)),
    ("eighteen", Teen(18.0)),
    ("nineteen", Teen(19.0)),
    ("twenty", Tens(20.0)),
    ("thirty", Tens(30.0)),
    ("forty", Tens(40.0)),
    ("fourty", Tens(40.0)),
    ("fifty", Tens(50.0)),
    ("sixty", Tens(60.0)),
    ("seventy", Tens(70.0)),
    ("eighty", Tens(80.0)),
    ("ninety", Tens(90.0)),
    ("hundred", Hundred),
    (
        "thousand",
        Scale {
            factor: 1e3,
            alone: false,
        },
    ),
    (
        "million",
        Scale {
            factor: 1e6,
            alone: false,
        },
    ),
    (
        "billion",
        Scale {
            factor: 1e9,
            alone: false,
        },
    ),
    ("a", Article),
    ("an", Article),
    // Russian, with the case forms sources use after prepositions and in genitive phrases.
    ("один", Unit(1.0)),
    ("одна", Unit(1.0)),
    ("одно", Unit(1.0)),
    ("одного", Unit(1.0)),
    ("одной", Unit(1.0)),
    ("одному", Unit(1.0)),
    ("одним", Unit(1.0)),
    ("одном", Unit(1.0)),
    ("одну", Unit(1.0)),
    ("два", Unit(2.0)),
    ("две", Unit(2.0)),
    ("двух", Unit(2.0)),
    ("двум", Unit(2.0)),
    ("двумя", Unit(2.0)),
    ("три", Unit(3.0)),
    ("трех", Unit(3.0)),
    ("трем", Unit(3.0)),
    ("тремя", Unit(3.0)),
    ("четыре", Unit(4.0)),
    ("четырех", Unit(4.0)),
    ("четырем", Unit(4.0)),
    ("четырьмя", Unit(4.0)),
    ("пять", Unit(5.0)),
    ("пяти", Unit(5.0)),
    ("пятью", Unit(5.0)),
    ("шесть", Unit(6.0)),
    ("шести", Unit(6.0)),
    ("шестью", Unit(6.0)),
    ("семь", Unit(7.0)),
    ("семи", Unit(7.0)),
    ("семью", Unit(7.0)),
    ("восемь", Unit(8.0)),
    ("восьми", Unit(8.0)),
    ("восемью", Unit(8.0)),
    ("девять", Unit(9.0)),
    ("девяти", Unit(9.0)),
    ("девятью", Unit(9.0)),
    ("десять", Teen(10.0)),
    ("десяти", Teen(10.0)),
    ("десятью", Teen(10.0)),
    ("одиннадцать", Teen(11.0)),
    ("одиннадцати", Teen(11.0)),
    ("двенадцать", Teen(12.0)),
    ("двенадцати", Teen(12.0)),
    ("тринадцать", Teen(13.0)),
    ("тринадцати", Teen(13.0)),
    ("четырнадцать", Teen(14.0)),
    ("четырнадцати", Teen(14.0)),
    ("пятнадцать", Teen(15.0)),
    ("пятнадцати", Teen(15.0)),
    ("шестнадцать", Teen(16.0)),
    ("шестнадцати", Teen(16.0)),
    ("семнадцать", Teen(17.0)),
    ("семнадцати", Teen(17.0)),
    ("восемнадцать", Teen(18.0)),
    ("восемнадцати", Teen(18.0)),
    ("девятнадцать", Teen(19.0)),
    ("девятнадцати", Teen(19.0)),
    ("двадцать", Tens(20.0)),
    ("двадцати", Tens(20.0)),
    ("двадцатью", Tens(20.0)),
    ("тридцать", Tens(30.0)),
    ("тридцати", Tens(30.0)),
    ("тридцатью", Tens(30.0)),
    ("сорок", Tens(40.0)),
    ("сорока", Tens(40.0)),
    ("пятьдесят", Tens(50.0)),
    ("пятидесяти", Tens(50.0)),
    ("шестьдесят", Tens(60.0)),
    ("шестидесяти", Tens(60.0)),
    ("семьдесят", Tens(70.0)),
    ("семидесяти", Tens(70.0)),
    ("восемьдесят", Tens(80.0)),
    ("восьмидесяти", Tens(80.0)),
    ("девяносто", Tens(90.0)),
    ("девяноста", Tens(90.0)),
    ("сто", Hundreds(100.0)),
    ("ста", Hundreds(100.0)),
    ("двести", Hundreds(200.0)),
    ("двухсот", Hundreds(200.0)),
    ("триста", Hundreds(300.0)),
    ("трехсот", Hundreds(300.0)),
    ("четыреста", Hundreds(400.0)),
    ("четырехсот", Hundreds(400.0)),
    ("пятьсот", Hundreds(500.0)),
    ("пятисот", Hundreds(500.0)),
    ("шестьсот", Hundreds(600.0)),
    ("шестисот", Hundreds(600.0)),
    ("семьсот", Hundreds(700.0)),
    ("семисот", Hundreds(700.0)),
    ("восемьсот", Hundreds(800.0)),
    ("восьмисот", Hundreds(800.0)),
    ("девятьсот", Hundreds(900.0)),
    ("девятисот", Hundreds(900.0)),
    (
        "тысяча",
        Scale {
            factor: 1e3,
            alone: true,
        },
    ),
    (
        "тысячу",
        Scale {
            factor: 1e3,
            alone: true,
        },
    ),
    (
        "тысячи",
        Scale {
            factor: 1e3,
            alone: false,
        },
    ),
    (
        "тысяч",
        Scale {
            factor: 1e3,
            alone: false,
        },
    ),
    (
        "тысячам",
        Scale {
            factor: 1e3,
            alone: false,
        },
    ),
    (
        "тысячами",
        Scale {
            factor: 1e3,
            alone: false,
        },
    ),
    (
        "миллион",
        Scale {
            factor: 1e6,
            alone: true,
        },
    ),
    (
        "миллиона",
        Scale {
            factor: 1e6,
            alone: false,
        },
    ),
    (
        "миллионов",
        Scale {
            factor: 1e6,
            alone: false,
        },
    ),
    (
        "миллиард",
        Scale {
            factor: 1e9,
            alone: true,
        },
    ),
    (
        "миллиарда",
        Scale {
            factor: 1e9,
            alone: false,
        },
    ),
    (
        "миллиардов",
        Scale {
            factor: 1e9,
            alone: false,
        },
    ),
    ("полтора", Sesqui),
    ("полторы", Sesqui),
    ("полутора", Sesqui),
];

/// Fold a word for table lookup: lowercase, `ё` as `е`.
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// Length in bytes of the run of letters at the start of `s`.
pub fn word_len(s: &str) -> usize {
    s.char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i)
}

/// Whether a folded word (see [`fold`]) is a number word.
pub(crate) fn is_word(folded: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| WORDS.iter().map(|(w, _)| *w).collect())
        .contains(folded)
}

fn role(word: &str) -> Option<Role> {
    let folded = fold(word);
    WORDS.iter().find(|(w, _)| *w == folded).map(|(_, r)| *r)
}

/// Where the number stands after its last word, which decides what may come next.
#[derive(Clone, Copy, Debug, PartialEq)]
enum State {
    Start,
    Article,
    Unit,
    Teen,
    Tens,
    Hundreds,
    Hundred,
    Scale(f64),
    Sesqui,
}

fn follows(state: State, role: Role) -> bool {
    match (state, role) {
        (State::Start, Scale { alone, .. }) => alone,
        (State::Start, Unit(_) | Teen(_) | Tens(_) | Hundreds(_) | Article | Sesqui) => true,
        (State::Article, Hundred | Scale { .. }) => true,
        (State::Unit | State::Teen, Hundred) => true,
        (State::Tens, Unit(_)) => true,
        (State::Hundreds | State::Hundred, Unit(_) | Teen(_) | Tens(_)) => true,
        (State::Scale(_), Unit(_) | Teen(_) | Tens(_) | Hundreds(_)) => true,
        (State::Scale(last), Scale { factor, .. }) => factor < last,
        (
            State::Unit
            | State::Teen
            | State::Tens
            | State::Hundreds
            | State::Hundred
            | State::Sesqui,
            Scale { .. },
        ) => true,
        _ => false,
    }
}

/// Running total of a compound number: `total` holds completed thousands/millions, `group`
/// the part below the next scale word.
#[derive(Clone, Copy, Debug)]
struct Acc {
    total: f64,
    group: f64,
    state: State,
    last_scale: Option<f64>,
    scaled: bool,
}

impl Acc {
    fn push(&mut self, role: Role) {
        match role {
            Unit(v) | Teen(v) | Tens(v) | Hundreds(v) => self.group += v,
            Hundred => self.group = self.group.max(1.0) * 100.0,
            Article => self.group = 1.0,
            Sesqui => self.group = 1.5,
            Scale { factor, .. } => {
                self.total += self.group.max(1.0) * factor;
                self.group = 0.0;
                self.scaled = true;
            }
        }
        self.state = match role {
            Unit(_) => State::Unit,
            Teen(_) => State::Teen,
            Tens(_) => State::Tens,
            Hundreds(_) => State::Hundreds,
            Hundred => State::Hundred,
            Article => State::Article,
            Sesqui => State::Sesqui,
            Scale { factor, .. } => State::Scale(self.last_scale.map_or(factor, |l| l.min(factor))),
        };
        if let Scale { factor, .. } = role {
            self.last_scale = Some(factor);
        }
    }
}

/// Bytes of the separator between two number words: spaces, or one hyphen (`forty-five`).
fn gap(s: &str) -> usize {
    let spaces: usize = s
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    if spaces > 0 {
        return spaces;
    }
    s.chars()
        .next()
        .filter(|c| matches!(c, '-' | '\u{2010}' | '\u{2011}'))
        .map_or(0, char::len_utf8)
}

/// Read number words at the start of `s`.
pub fn words(s: &str) -> Option<Number> {
    let mut acc = Acc {
        total: 0.0,
        group: 0.0,
        state: State::Start,
        last_scale: None,
        scaled: false,
    };
    let mut end = 0;
    let mut pos = 0;
    loop {
        let rest = s.get(pos..)?;
        let w = word_len(rest);
        let Some(role) = rest.get(..w).filter(|w| !w.is_empty()).and_then(role) else {
            break;
        };
        if !follows(acc.state, role) {
            break;
        }
        acc.push(role);
        end = pos + w;
        pos = end + next_gap(s, end, acc.state);
        if pos == end {
            break;
        }
    }
    if matches!(acc.state, State::Start | State::Article) {
        return None;
    }
    Some(Number {
        value: acc.total + acc.group,
        len: end,
        form: Form::Words { scaled: acc.scaled },
    })
}

/// The separator before the next word, including an English `and` after `hundred` or a
/// scale word (`two hundred and fifty`).
fn next_gap(s: &str, end: usize, state: State) -> usize {
    let rest = s.get(end..).unwrap_or("");
    let g = gap(rest);
    if g == 0 || !matches!(state, State::Hundred | State::Scale(_)) {
        return g;
    }
    let after = rest.get(g..).unwrap_or("");
    let w = word_len(after);
    if fold(after.get(..w).unwrap_or("")) == "and" {
        let g2 = gap(after.get(w..).unwrap_or(""));
        if g2 > 0 {
            return g + w + g2;
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug)]
    enum Expect {
        /// value, bytes consumed
        Num(f64, usize),
        None,
        Malformed(usize),
    }
    use Expect as E;

    fn check(input: &str, expect: Expect) {
        let got = read(input);
        match (expect, got) {
            (E::Num(v, len), Ok(Some(n))) => {
                assert!(
                    (n.value - v).abs() < 1e-9,
                    "{input}: value {} != {v}",
                    n.value
                );
                assert_eq!(n.len, len, "{input}: length");
            }
            (E::None, Ok(None)) => {}
            (E::Malformed(len), Err(m)) => assert_eq!(m.len, len, "{input}"),
            (e, g) => panic!("{input}: expected {e:?}, got {g:?}"),
        }
    }

    #[test]
    fn readings() {
        let cases: &[(&str, Expect)] = &[
            ("1921", E::Num(1921.0, 4)),
            ("20,000 rifles", E::Num(20000.0, 6)),
            ("20.000 рублей", E::Num(20000.0, 6)),
            ("20 000 рублей", E::Num(20000.0, 6)),
            ("20\u{a0}000", E::Num(20000.0, 7)),
            ("20\u{2009}000", E::Num(20000.0, 8)),
            ("3,5 млн", E::Num(3.5, 3)),
            ("3.5", E::Num(3.5, 3)),
            ("12,5000", E::Num(12.5, 7)),
            ("1234.567", E::Num(1234.567, 8)),
            ("1,234,567", E::Num(1234567.0, 9)),
            ("1,234.5", E::Num(1234.5, 7)),
            ("1.234,5", E::Num(1234.5, 7)),
            ("1 234 567", E::Num(1234567.0, 9)),
            ("1920 1500", E::Num(1920.0, 4)),
            ("20 30", E::Num(20.0, 2)),
            ("1920, 1921", E::Num(1920.0, 4)),
            ("1920.", E::Num(1920.0, 4)),
            ("1,234,56", E::Malformed(8)),
            ("05.07.1921", E::Malformed(10)),
            ("1.2.3", E::Malformed(5)),
            ("½", E::Num(0.5, 2)),
            ("2½ million", E::Num(2.5, 3)),
            ("2 1/2 million", E::Num(2.5, 5)),
            ("21/2 million", E::Num(2.5, 4)),
            ("13/4", E::Num(1.75, 4)),
            ("101/2", E::Num(10.5, 5)),
            ("1/2", E::Num(0.5, 3)),
            ("3/4", E::Num(0.75, 3)),
            ("10/2", E::Num(5.0, 4)),
            ("3/82", E::Num(3.0, 1)),
            ("12/08", E::Num(12.0, 2)),
            ("seven points", E::Num(7.0, 5)),
            ("forty-five", E::Num(45.0, 10)),
            ("Forty five", E::Num(45.0, 10)),
            ("two hundred and fifty men", E::Num(250.0, 21)),
            ("two hundred and the", E::Num(200.0, 11)),
            ("fifteen hundred", E::Num(1500.0, 15)),
            ("a thousand rifles", E::Num(1000.0, 10)),
            ("a loan", E::None),
            ("two million five hundred thousand", E::Num(2_500_000.0, 33)),
            ("сорока человек", E::Num(40.0, 12)),
            ("двух армий", E::Num(2.0, 8)),
            ("Двадцать пять тысяч", E::Num(25000.0, 36)),
            ("двести пятьдесят", E::Num(250.0, 31)),
            ("трёх", E::Num(3.0, 8)),
            ("полтора миллиона", E::Num(1_500_000.0, 31)),
            ("тысяча винтовок", E::Num(1000.0, 12)),
            ("тысячи винтовок", E::None),
            ("million", E::None),
            ("пять семь", E::Num(5.0, 8)),
            ("one of the first", E::Num(1.0, 3)),
            ("rifles", E::None),
            ("", E::None),
        ];
        for (input, expect) in cases {
            check(input, *expect);
        }
    }

    #[test]
    fn forms() {
        let form = |s: &str| read(s).ok().flatten().map(|n| n.form);
        assert_eq!(form("1921"), Some(Form::Integer { digits: 4 }));
        assert_eq!(form("3,5"), Some(Form::Grouped { decimals: 1 }));
        assert_eq!(form("20,000"), Some(Form::Grouped { decimals: 0 }));
        assert_eq!(form("21/2"), Some(Form::Fraction));
        assert_eq!(form("восемь тысяч"), Some(Form::Words { scaled: true }));
        assert_eq!(form("семь"), Some(Form::Words { scaled: false }));
    }

    #[test]
    fn scaling_is_exact() {
        let n = read("2.3").ok().flatten().map(|n| n.scaled(1e6));
        assert_eq!(n, Some(2_300_000.0));
        let n = read("3,5").ok().flatten().map(|n| n.scaled(1e6));
        assert_eq!(n, Some(3_500_000.0));
    }
}
