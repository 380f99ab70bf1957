//! Figures: amounts of money and counts of things, with the bounds their qualifier implies.
//!
//! A figure is `[qualifier] [range opener] [currency sign] number [scale] [– number [scale]]
//! [unit]`, in English or Russian: `about 80 million Turkish lira`, `около 80 миллионов
//! турецких лир`, `3,5 млн. рублей`, `between 20 and 30 rifles`, `от 20 до 30 винтовок`,
//! `£T 2½ million`. Numbers are read by [`super::number`].
//!
//! Two entry points share one grammar:
//!
//! * [`parse`] reads a claim value, where the whole input is one figure; a trailing noun that
//!   is not in the unit table is taken as the counted noun (`5 tanks` counts `tank`).
//! * [`find`] scans running text and keeps only what is certainly a figure: a number with a
//!   scale word or a known unit, or a digit number with a qualifier. Bare numbers are years,
//!   days, pages and note numbers far more often than amounts, so they are left alone, as are
//!   numbers in dates, references (`p. 11`, `f. 85`, `№15`), times (`12:08`), ordinals (`8th`,
//!   `1920-х`) and durations (`20 лет`).
//!
//! # Bounds
//!
//! | qualifier | bounds |
//! |---|---|
//! | none | exactly the value |
//! | about, around, some, roughly, approximately, c., ~, около, примерно | ±10% |
//! | almost, nearly, почти | 90% of the value up to the value |
//! | at least, no less than, не менее | the value and up, no upper bound |
//! | more than, over, above, более, свыше | above the value (stored as from the value) |
//! | under, below, less than, менее | 0 up to the value |
//! | up to, no more than, до, не более | 0 up to the value |
//!
//! A range `20–30` has the midpoint as its value; a qualifier widens its ends the same way.
//!
//! # Units
//!
//! Units come from one table for both languages (`UNITS`), normalised to a currency or a
//! lowercase singular English noun (`пулеметов` counts `machine gun`). A Russian noun in the
//! dative, instrumental or prepositional plural, which the table does not spell out, is found
//! through its stem (`тремя республиками` counts `republic`). A "Turkish pound" is the
//! lira (the Ottoman and early Republican lira was called the Turkish pound in English, `£T`);
//! a plain "pound" is sterling.

use std::fmt;
use std::ops::Range;

use nom::IResult;
use nom::Parser;
use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::one_of;
use nom::combinator::{map, verify};
use nom::error::{Error, ErrorKind};
use nom::sequence::{delimited, terminated};

use super::ValueError;
use super::number::{self, Form, Number, fold, word_len};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Currency {
    Lira,
    Ruble,
    GoldRuble,
    Pound,
    Franc,
    Dollar,
    Mark,
}

/// What a figure counts.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Currency(Currency),
    /// A counted noun as a lowercase singular English name where known (`rifle`,
    /// `machine gun`, `person`), else as written.
    Counted(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Currency,
    Count,
}

/// A number with its bounds and unit. `low`/`high` are `None` where unbounded (`at least 5`
/// has no `high`); an exact figure has `low == high == value`.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// `None` for a bare amount such as `25 million`.
    pub unit: Option<Unit>,
}

impl Figure {
    pub fn kind(&self) -> Kind {
        match self.unit {
            Some(Unit::Currency(_)) => Kind::Currency,
            _ => Kind::Count,
        }
    }

    /// Whether two figures can describe the same quantity: their intervals `[low, high]`
    /// overlap (an exact figure is the single point of its value) and their units agree, or one
    /// of them has no unit. Gold rubles are rubles.
    pub fn compatible(&self, other: &Figure) -> bool {
        units_compatible(self.unit.as_ref(), other.unit.as_ref()) && {
            let (a_low, a_high) = self.interval();
            let (b_low, b_high) = other.interval();
            let slack = 1e-9 * self.value.abs().max(other.value.abs()).max(1.0);
            a_low <= b_high + slack && b_low <= a_high + slack
        }
    }

    fn interval(&self) -> (f64, f64) {
        (
            self.low.unwrap_or(f64::NEG_INFINITY),
            self.high.unwrap_or(f64::INFINITY),
        )
    }

    fn is_exact(&self) -> bool {
        self.low == Some(self.value) && self.high == Some(self.value)
    }
}

fn units_compatible(a: Option<&Unit>, b: Option<&Unit>) -> bool {
    let ruble = |u: &Unit| {
        matches!(
            u,
            Unit::Currency(Currency::Ruble) | Unit::Currency(Currency::GoldRuble)
        )
    };
    match (a, b) {
        (Some(a), Some(b)) => a == b || (ruble(a) && ruble(b)),
        _ => true,
    }
}

/// A figure found in running text.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureMention {
    /// Byte range in the searched text.
    pub span: Range<usize>,
    pub figure: Figure,
}

/// What a qualifier says about where the true value lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// `about`, `около`: ±10%.
    About,
    /// `almost`, `nearly`, `почти`: from 90% up to the value.
    Almost,
    /// `at least`, `не менее`: the value and up.
    AtLeast,
    /// `more than`, `свыше`: above the value.
    MoreThan,
    /// `under`, `less than`, `менее`: below the value.
    Under,
    /// `up to`, `до`, `не более`: at most the value.
    UpTo,
}

impl Qualifier {
    /// The bounds of `[low, high]` (equal for a single number) under this qualifier.
    pub fn bounds(self, low: f64, high: f64) -> (Option<f64>, Option<f64>) {
        match self {
            Qualifier::About => (Some(0.9 * low), Some(1.1 * high)),
            Qualifier::Almost => (Some(0.9 * low), Some(high)),
            Qualifier::AtLeast | Qualifier::MoreThan => (Some(low), None),
            Qualifier::Under | Qualifier::UpTo => (Some(0.0), Some(high)),
        }
    }
}

/// Parse a whole claim value such as `about 80 million Turkish lira`.
pub fn parse(input: &str) -> Result<Figure, ValueError> {
    let (start, end) = unquoted(input);
    if start >= end {
        return Err(
            ValueError::new("attest::figure::empty", "empty figure", 0..input.len())
                .with_help("write an amount, e.g. `80 million lira` or `8,000 rifles`"),
        );
    }
    let text = input.get(..end).unwrap_or(input);
    read(text, start, Mode::Claim).map(|r| r.figure)
}

/// Find every figure in running text (English and Russian), in order of position.
pub fn find(text: &str) -> Vec<FigureMention> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(c) = text.get(pos..).and_then(|r| r.chars().next()) {
        let reading = (starts_token(text, pos, c) && may_begin(text.get(pos..).unwrap_or(""), c))
            .then(|| read(text, pos, Mode::Text).ok())
            .flatten()
            .filter(|r| certain(text, pos, r));
        match reading {
            Some(r) => {
                out.push(FigureMention {
                    span: pos..r.end,
                    figure: r.figure,
                });
                pos = r.end;
            }
            None => pos += c.len_utf8(),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tables. Phrases are lowercase with `е` for `ё`; words in a phrase are separated by one space
// and match any whitespace or a hyphen in the text. A final `.` must be present in the text.
// Phrases that are not letters (`~`, `%`, `£`) match literally.

const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("about", Qualifier::About),
    ("approximately", Qualifier::About),
    ("approx.", Qualifier::About),
    ("around", Qualifier::About),
    ("some", Qualifier::About),
    ("roughly", Qualifier::About),
    ("circa", Qualifier::About),
    ("c.", Qualifier::About),
    ("ca.", Qualifier::About),
    ("~", Qualifier::About),
    ("≈", Qualifier::About),
    ("около", Qualifier::About),
    ("ок.", Qualifier::About),
    ("примерно", Qualifier::About),
    ("приблизительно", Qualifier::About),
    ("порядка", Qualifier::About),
    ("almost", Qualifier::Almost),
    ("nearly", Qualifier::Almost),
    ("just under", Qualifier::Almost),
    ("почти", Qualifier::Almost),
    ("без малого", Qualifier::Almost),
    ("at least", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("not fewer than", Qualifier::AtLeast),
    ("не менее", Qualifier::AtLeast),
    ("не меньше", Qualifier::AtLeast),
    ("как минимум", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("более", Qualifier::MoreThan),
    ("больше", Qualifier::MoreThan),
    ("свыше", Qualifier::MoreThan),
    ("under", Qualifier::Under),
    ("below", Qualifier::Under),
    ("less than", Qualifier::Under),
    ("fewer than", Qualifier::Under),
    ("менее", Qualifier::Under),
    ("меньше", Qualifier::Under),
    ("up to", Qualifier::UpTo),
    ("no more than", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("до", Qualifier::UpTo),
    ("не более", Qualifier::UpTo),
    ("не больше", Qualifier::UpTo),
];

/// Words that open a two-sided range and decide which connector closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opener {
    /// `between 20 and 30`, `между 20 и 30`.
    Between,
    /// `from 20 to 30`.
    From,
    /// `от 20 до 30`.
    Ot,
}

const OPENERS: &[(&str, Opener)] = &[
    ("between", Opener::Between),
    ("между", Opener::Between),
    ("from", Opener::From),
    ("от", Opener::Ot),
];

const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("mln", 1e6),
    ("mln.", 1e6),
    ("mn", 1e6),
    ("bn", 1e9),
    ("bln", 1e9),
    ("тыс", 1e3),
    ("тыс.", 1e3),
    ("тысяча", 1e3),
    ("тысячи", 1e3),
    ("тысяч", 1e3),
    ("тысячу", 1e3),
    ("тысячам", 1e3),
    ("тысячами", 1e3),
    ("млн", 1e6),
    ("млн.", 1e6),
    ("миллион", 1e6),
    ("миллиона", 1e6),
    ("миллионов", 1e6),
    ("миллионам", 1e6),
    ("миллионами", 1e6),
    ("млрд", 1e9),
    ("млрд.", 1e9),
    ("миллиард", 1e9),
    ("миллиарда", 1e9),
    ("миллиардов", 1e9),
];

/// Scales written straight after the digits: `20k`, `£2.5m`, `3bn`.
const GLUED_SCALES: &[(&str, f64)] = &[("k", 1e3), ("m", 1e6), ("mn", 1e6), ("bn", 1e9)];

const SIGNS: &[(&str, Currency)] = &[
    ("£T", Currency::Lira),
    ("₺", Currency::Lira),
    ("£", Currency::Pound),
    ("$", Currency::Dollar),
    ("₽", Currency::Ruble),
];

/// A unit as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Name {
    Money(Currency),
    Thing(&'static str),
}

impl Name {
    fn unit(self) -> Unit {
        match self {
            Name::Money(c) => Unit::Currency(c),
            Name::Thing(s) => Unit::Counted(s.to_string()),
        }
    }
}

use Currency::{Dollar, Franc, GoldRuble, Lira, Mark, Pound, Ruble};
use Name::{Money, Thing};

/// Currencies and counted nouns in both languages, with the forms sources use.
const UNITS: &[(&str, Name)] = &[
    // Lira; "Turkish pound" is the English name of the lira.
    ("lira", Money(Lira)),
    ("lire", Money(Lira)),
    ("liras", Money(Lira)),
    ("turkish lira", Money(Lira)),
    ("turkish lire", Money(Lira)),
    ("turkish liras", Money(Lira)),
    ("turkish pound", Money(Lira)),
    ("turkish pounds", Money(Lira)),
    ("ottoman lira", Money(Lira)),
    ("ottoman pounds", Money(Lira)),
    ("лира", Money(Lira)),
    ("лиры", Money(Lira)),
    ("лир", Money(Lira)),
    ("лирами", Money(Lira)),
    ("турецкая лира", Money(Lira)),
    ("турецкие лиры", Money(Lira)),
    ("турецких лиры", Money(Lira)),
    ("турецких лир", Money(Lira)),
    ("турецких фунтов", Money(Lira)),
    ("турецких фунта", Money(Lira)),
    // Rubles, and gold rubles.
    ("ruble", Money(Ruble)),
    ("rubles", Money(Ruble)),
    ("rouble", Money(Ruble)),
    ("roubles", Money(Ruble)),
    ("rub.", Money(Ruble)),
    ("рубль", Money(Ruble)),
    ("рубля", Money(Ruble)),
    ("рублей", Money(Ruble)),
    ("рублями", Money(Ruble)),
    ("руб", Money(Ruble)),
    ("руб.", Money(Ruble)),
    ("р.", Money(Ruble)),
    ("gold ruble", Money(GoldRuble)),
    ("gold rubles", Money(GoldRuble)),
    ("gold rouble", Money(GoldRuble)),
    ("gold roubles", Money(GoldRuble)),
    ("rubles in gold", Money(GoldRuble)),
    ("roubles in gold", Money(GoldRuble)),
    ("рубль золотом", Money(GoldRuble)),
    ("рубля золотом", Money(GoldRuble)),
    ("рублей золотом", Money(GoldRuble)),
    ("руб. золотом", Money(GoldRuble)),
    ("золотой рубль", Money(GoldRuble)),
    ("золотых рубля", Money(GoldRuble)),
    ("золотых рублей", Money(GoldRuble)),
    ("золотых руб.", Money(GoldRuble)),
    // Sterling.
    ("pound", Money(Pound)),
    ("pounds", Money(Pound)),
    ("pound sterling", Money(Pound)),
    ("pounds sterling", Money(Pound)),
    ("sterling", Money(Pound)),
    ("фунт", Money(Pound)),
    ("фунта", Money(Pound)),
    ("фунтов", Money(Pound)),
    ("фунт стерлингов", Money(Pound)),
    ("фунта стерлингов", Money(Pound)),
    ("фунтов стерлингов", Money(Pound)),
    // Francs, dollars, marks.
    ("franc", Money(Franc)),
    ("francs", Money(Franc)),
    ("франк", Money(Franc)),
    ("франка", Money(Franc)),
    ("франков", Money(Franc)),
    ("dollar", Money(Dollar)),
    ("dollars", Money(Dollar)),
    ("доллар", Money(Dollar)),
    ("доллара", Money(Dollar)),
    ("долларов", Money(Dollar)),
    ("mark", Money(Mark)),
    ("marks", Money(Mark)),
    ("german marks", Money(Mark)),
    ("марка", Money(Mark)),
    ("марки", Money(Mark)),
    ("марок", Money(Mark)),
    // Arms and ammunition.
    ("rifle", Thing("rifle")),
    ("rifles", Thing("rifle")),
    ("винтовка", Thing("rifle")),
    ("винтовки", Thing("rifle")),
    ("винтовок", Thing("rifle")),
    ("винтовку", Thing("rifle")),
    ("винтовками", Thing("rifle")),
    ("machine gun", Thing("machine gun")),
    ("machine guns", Thing("machine gun")),
    ("machinegun", Thing("machine gun")),
    ("machineguns", Thing("machine gun")),
    ("пулемет", Thing("machine gun")),
    ("пулемета", Thing("machine gun")),
    ("пулеметы", Thing("machine gun")),
    ("пулеметов", Thing("machine gun")),
    ("пулеметами", Thing("machine gun")),
    ("gun", Thing("gun")),
    ("guns", Thing("gun")),
    ("cannon", Thing("gun")),
    ("cannons", Thing("gun")),
    ("орудие", Thing("gun")),
    ("орудия", Thing("gun")),
    ("орудий", Thing("gun")),
    ("орудиями", Thing("gun")),
    ("пушка", Thing("gun")),
    ("пушки", Thing("gun")),
    ("пушек", Thing("gun")),
    ("cartridge", Thing("cartridge")),
    ("cartridges", Thing("cartridge")),
    ("rounds of ammunition", Thing("cartridge")),
    ("патрон", Thing("cartridge")),
    ("патрона", Thing("cartridge")),
    ("патронов", Thing("cartridge")),
    ("shell", Thing("shell")),
    ("shells", Thing("shell")),
    ("снаряд", Thing("shell")),
    ("снаряда", Thing("shell")),
    ("снарядов", Thing("shell")),
    ("box of ammunition", Thing("box of ammunition")),
    ("boxes of ammunition", Thing("box of ammunition")),
    ("crate of ammunition", Thing("box of ammunition")),
    ("crates of ammunition", Thing("box of ammunition")),
    ("cases of ammunition", Thing("box of ammunition")),
    ("ящик боеприпасов", Thing("box of ammunition")),
    ("ящика боеприпасов", Thing("box of ammunition")),
    ("ящиков боеприпасов", Thing("box of ammunition")),
    ("ящика патронов", Thing("box of ammunition")),
    ("ящиков патронов", Thing("box of ammunition")),
    ("box", Thing("box")),
    ("boxes", Thing("box")),
    ("crate", Thing("box")),
    ("crates", Thing("box")),
    ("ящик", Thing("box")),
    ("ящика", Thing("box")),
    ("ящиков", Thing("box")),
    ("grenade", Thing("grenade")),
    ("grenades", Thing("grenade")),
    ("гранат", Thing("grenade")),
    ("гранаты", Thing("grenade")),
    ("sabre", Thing("sabre")),
    ("sabres", Thing("sabre")),
    ("saber", Thing("sabre")),
    ("sabers", Thing("sabre")),
    ("сабель", Thing("sabre")),
    ("сабли", Thing("sabre")),
    ("bayonet", Thing("bayonet")),
    ("bayonets", Thing("bayonet")),
    ("штык", Thing("bayonet")),
    ("штыка", Thing("bayonet")),
    ("штыков", Thing("bayonet")),
    // People.
    ("man", Thing("person")),
    ("men", Thing("person")),
    ("people", Thing("person")),
    ("person", Thing("person")),
    ("persons", Thing("person")),
    ("человек", Thing("person")),
    ("человека", Thing("person")),
    ("чел.", Thing("person")),
    ("людей", Thing("person")),
    ("soldier", Thing("soldier")),
    ("soldiers", Thing("soldier")),
    ("солдат", Thing("soldier")),
    ("солдата", Thing("soldier")),
    ("бойцов", Thing("soldier")),
    ("бойца", Thing("soldier")),
    ("officer", Thing("officer")),
    ("officers", Thing("officer")),
    ("офицер", Thing("officer")),
    ("офицера", Thing("officer")),
    ("офицеров", Thing("officer")),
    ("delegate", Thing("delegate")),
    ("delegates", Thing("delegate")),
    ("делегат", Thing("delegate")),
    ("делегата", Thing("delegate")),
    ("делегатов", Thing("delegate")),
    ("member", Thing("member")),
    ("members", Thing("member")),
    ("член", Thing("member")),
    ("члена", Thing("member")),
    ("членов", Thing("member")),
    ("nation", Thing("nation")),
    ("nations", Thing("nation")),
    ("народ", Thing("nation")),
    ("народа", Thing("nation")),
    ("народов", Thing("nation")),
    ("prisoner", Thing("prisoner")),
    ("prisoners", Thing("prisoner")),
    ("пленных", Thing("prisoner")),
    // Formations and fronts.
    ("army", Thing("army")),
    ("armies", Thing("army")),
    ("армия", Thing("army")),
    ("армии", Thing("army")),
    ("армий", Thing("army")),
    ("division", Thing("division")),
    ("divisions", Thing("division")),
    ("дивизия", Thing("division")),
    ("дивизии", Thing("division")),
    ("дивизий", Thing("division")),
    ("regiment", Thing("regiment")),
    ("regiments", Thing("regiment")),
    ("полк", Thing("regiment")),
    ("полка", Thing("regiment")),
    ("полков", Thing("regiment")),
    ("battalion", Thing("battalion")),
    ("battalions", Thing("battalion")),
    ("батальон", Thing("battalion")),
    ("батальона", Thing("battalion")),
    ("батальонов", Thing("battalion")),
    ("corps", Thing("corps")),
    ("корпус", Thing("corps")),
    ("корпуса", Thing("corps")),
    ("корпусов", Thing("corps")),
    ("front", Thing("front")),
    ("fronts", Thing("front")),
    ("фронт", Thing("front")),
    ("фронта", Thing("front")),
    ("фронтов", Thing("front")),
    // Ships, aircraft, horses.
    ("ship", Thing("ship")),
    ("ships", Thing("ship")),
    ("vessel", Thing("ship")),
    ("vessels", Thing("ship")),
    ("судно", Thing("ship")),
    ("судна", Thing("ship")),
    ("судов", Thing("ship")),
    ("корабль", Thing("ship")),
    ("корабля", Thing("ship")),
    ("кораблей", Thing("ship")),
    ("корабли", Thing("ship")),
    ("steamer", Thing("steamer")),
    ("steamers", Thing("steamer")),
    ("пароход", Thing("steamer")),
    ("парохода", Thing("steamer")),
    ("пароходов", Thing("steamer")),
    ("aircraft", Thing("aircraft")),
    ("airplane", Thing("aircraft")),
    ("airplanes", Thing("aircraft")),
    ("aeroplane", Thing("aircraft")),
    ("aeroplanes", Thing("aircraft")),
    ("plane", Thing("aircraft")),
    ("planes", Thing("aircraft")),
    ("самолет", Thing("aircraft")),
    ("самолета", Thing("aircraft")),
    ("самолетов", Thing("aircraft")),
    ("аэроплан", Thing("aircraft")),
    ("аэроплана", Thing("aircraft")),
    ("аэропланов", Thing("aircraft")),
    ("horse", Thing("horse")),
    ("horses", Thing("horse")),
    ("лошадь", Thing("horse")),
    ("лошади", Thing("horse")),
    ("лошадей", Thing("horse")),
    ("коня", Thing("horse")),
    ("коней", Thing("horse")),
    // Documents and polities.
    ("point", Thing("point")),
    ("points", Thing("point")),
    ("пункт", Thing("point")),
    ("пункта", Thing("point")),
    ("пунктов", Thing("point")),
    ("пункты", Thing("point")),
    ("article", Thing("article")),
    ("articles", Thing("article")),
    ("статья", Thing("article")),
    ("статьи", Thing("article")),
    ("статей", Thing("article")),
    ("republic", Thing("republic")),
    ("republics", Thing("republic")),
    ("республика", Thing("republic")),
    ("республики", Thing("republic")),
    ("республик", Thing("republic")),
    ("state", Thing("state")),
    ("states", Thing("state")),
    ("государство", Thing("state")),
    ("государства", Thing("state")),
    ("государств", Thing("state")),
    ("country", Thing("country")),
    ("countries", Thing("country")),
    ("страна", Thing("country")),
    ("страны", Thing("country")),
    ("стран", Thing("country")),
    ("delegation", Thing("delegation")),
    ("delegations", Thing("delegation")),
    ("делегация", Thing("delegation")),
    ("делегации", Thing("delegation")),
    ("делегаций", Thing("delegation")),
    // Weights and shares.
    ("ton", Thing("ton")),
    ("tons", Thing("ton")),
    ("tonne", Thing("ton")),
    ("tonnes", Thing("ton")),
    ("тонна", Thing("ton")),
    ("тонны", Thing("ton")),
    ("тонн", Thing("ton")),
    ("pood", Thing("pood")),
    ("poods", Thing("pood")),
    ("пуд", Thing("pood")),
    ("пуда", Thing("pood")),
    ("пудов", Thing("pood")),
    ("%", Thing("percent")),
    ("percent", Thing("percent")),
    ("per cent", Thing("percent")),
    ("процент", Thing("percent")),
    ("процента", Thing("percent")),
    ("процентов", Thing("percent")),
];

/// English words that may stand between a number and its noun (`40 Turkish rifles`).
const ADJECTIVES: &[&str] = &[
    "gold",
    "old",
    "new",
    "modern",
    "heavy",
    "light",
    "field",
    "mountain",
    "foreign",
    "additional",
    "more",
    "other",
    "regular",
    "armed",
    "trained",
    "captured",
    "serviceable",
    "red",
    "white",
    "soviet",
    "turkish",
    "russian",
    "british",
    "french",
    "german",
    "italian",
    "greek",
    "armenian",
    "georgian",
    "azerbaijani",
    "ottoman",
    "kemalist",
    "american",
    "english",
    "austrian",
];

/// Russian adjective endings, for words between a number and its noun (`двух турецких армий`).
const RU_ADJECTIVE_ENDINGS: &[&str] = &[
    "ых", "их", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ым", "им",
    "ыми", "ими", "ого", "его", "ому", "ему",
];

/// Words after a number that make it a date, a duration or a multiplier, never a figure.
const NOT_UNITS: &[&str] = &[
    "г",
    "гг",
    "год",
    "года",
    "году",
    "годом",
    "годе",
    "годы",
    "годов",
    "годах",
    "лет",
    "year",
    "years",
    "yr",
    "yrs",
    "ad",
    "bc",
    "месяц",
    "месяца",
    "месяцев",
    "month",
    "months",
    "неделя",
    "недели",
    "недель",
    "неделю",
    "week",
    "weeks",
    "день",
    "дня",
    "дней",
    "сутки",
    "суток",
    "day",
    "days",
    "час",
    "часа",
    "часов",
    "hour",
    "hours",
    "минут",
    "минуты",
    "minute",
    "minutes",
    "век",
    "века",
    "веков",
    "century",
    "centuries",
    "раз",
    "раза",
    "times",
];

/// Abbreviations (written with a dot) after which a number is a reference: page, folio,
/// opus, file, sheet, volume, number.
const REFERENCES: &[&str] = &[
    "p", "pp", "f", "ff", "op", "d", "l", "ll", "vol", "vols", "no", "nos", "nr", "t", "tt", "ch",
    "art", "s", "n", "fig", "col", "с", "ст", "стр", "л", "лл", "ф", "оп", "д", "т", "тт", "гл",
    "вып", "кн", "ч", "рис",
];

/// Prepositions that put a following four-digit number in time (`in 1920`, `в 1920`).
const PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "before",
    "after",
    "during",
    "в",
    "во",
    "к",
    "с",
    "со",
    "до",
    "по",
    "от",
    "после",
    "на",
];

/// Words that cannot begin a counted noun in a claim (`20 in March`).
const STOPWORDS: &[&str] = &[
    "in", "on", "at", "of", "the", "a", "an", "and", "or", "to", "by", "for", "from", "with", "в",
    "во", "на", "из", "и", "с", "со", "по", "к", "у", "о", "от", "для", "или",
];

const DASHES: &str = "-–—‒―−‐";

// ---------------------------------------------------------------------------------------------
// Grammar.

type Res<'a, T> = IResult<&'a str, T>;

fn ws(i: &str) -> Res<'_, &str> {
    take_while(char::is_whitespace)(i)
}

fn ws1(i: &str) -> Res<'_, &str> {
    take_while1(char::is_whitespace)(i)
}

/// The longest phrase of `entries` at the start of the input.
fn table<T: Copy>(entries: &'static [(&'static str, T)]) -> impl Fn(&str) -> Res<'_, T> {
    move |i: &str| match longest(i, entries) {
        Some((v, n)) => Ok((i.get(n..).unwrap_or(""), v)),
        None => Err(nom::Err::Error(Error::new(i, ErrorKind::Tag))),
    }
}

fn longest<T: Copy>(i: &str, entries: &[(&str, T)]) -> Option<(T, usize)> {
    // Phrases are folded, so only those starting with the folded first letter can match.
    let first = i.chars().next().and_then(|c| c.to_lowercase().next())?;
    let first = if first == 'ё' { 'е' } else { first };
    entries
        .iter()
        .filter(|(p, _)| p.starts_with(first))
        .filter_map(|(p, v)| match_phrase(i, p).map(|n| (*v, n)))
        .max_by_key(|(_, n)| *n)
}

/// Bytes of `i` that spell `phrase`, matching case-insensitively word by word.
fn match_phrase(i: &str, phrase: &str) -> Option<usize> {
    let mut pos = 0;
    for (k, token) in phrase.split(' ').enumerate() {
        if k > 0 {
            let gap = word_gap(i.get(pos..)?);
            if gap == 0 {
                return None;
            }
            pos += gap;
        }
        pos += match_token(i.get(pos..)?, token)?;
    }
    Some(pos)
}

/// Whitespace, or one hyphen (`machine-guns`), between the words of a phrase.
fn word_gap(i: &str) -> usize {
    let spaces = ws(i).map_or(0, |(_, s)| s.len());
    if spaces > 0 {
        return spaces;
    }
    i.chars()
        .next()
        .filter(|c| matches!(c, '-' | '‐'))
        .map_or(0, char::len_utf8)
}

fn match_token(i: &str, token: &str) -> Option<usize> {
    let (word, dot) = match token.strip_suffix('.') {
        Some(w) if !w.is_empty() => (w, true),
        _ => (token, false),
    };
    if !word.chars().all(char::is_alphabetic) {
        return i.starts_with(token).then_some(token.len());
    }
    let n = word_len(i);
    if n == 0 || !same_word(i.get(..n)?, word) {
        return None;
    }
    if dot {
        return i.get(n..)?.starts_with('.').then_some(n + 1);
    }
    Some(n)
}

/// Whether a word of the text is `folded` (lowercase, `е` for `ё`), without allocating.
fn same_word(word: &str, folded: &str) -> bool {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .eq(folded.chars())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// A claim value: the whole input is the figure.
    Claim,
    /// Running text: read what can be read from a position on.
    Text,
}

/// One number with its scale.
#[derive(Clone, Debug)]
struct Amount {
    number: Number,
    scale: Option<f64>,
    value: f64,
    span: Range<usize>,
}

impl Amount {
    fn scaled(&self) -> bool {
        self.scale.is_some() || matches!(self.number.form, Form::Words { scaled: true })
    }

    fn in_words(&self) -> bool {
        matches!(self.number.form, Form::Words { .. })
    }

    /// Four bare digits that could be a year.
    fn yearlike(&self) -> bool {
        matches!(self.number.form, Form::Integer { digits: 4 })
            && self.scale.is_none()
            && (1000.0..=2100.0).contains(&self.number.value)
    }
}

/// Where a figure's unit came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    None,
    /// Straight after the amount.
    Direct,
    /// After one or two adjectives.
    AfterAdjectives,
    /// From a currency sign before the number.
    Sign,
    /// Any trailing noun of a claim.
    Free,
}

/// A figure as read, with what [`find`] needs to judge whether it is one.
struct Reading {
    figure: Figure,
    end: usize,
    /// A qualifier or a range opener stands before the number.
    qualified: bool,
    first: Amount,
    second: Option<Amount>,
    found: Found,
    /// Where the amount (or range) ends, before any unit.
    after_amount: usize,
}

/// A position in the text being read, advanced by nom parsers.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn eat<T>(&mut self, mut parser: impl Parser<&'a str, T, Error<&'a str>>) -> Option<T> {
        let (rest, out) = parser.parse(self.rest()).ok()?;
        self.pos = self.text.len() - rest.len();
        Some(out)
    }
}

/// Read a figure starting at `start`. In claim mode the figure must run to the end of `text`.
fn read(text: &str, start: usize, mode: Mode) -> Result<Reading, ValueError> {
    let mut c = Cursor { text, pos: start };
    let qualifier = c.eat(terminated(table(QUALIFIERS), ws));
    let opener = c.eat(terminated(table(OPENERS), ws1));
    refuse_negative(&c)?;
    let sign = c.eat(terminated(table(SIGNS), ws));
    let first = amount(&mut c, start, mode, sign.is_some())?;
    let second = range_end(&mut c, start, opener, mode, sign.is_some())?;
    let (first, second) = share_scale(first, second);
    if let Some(s) = &second {
        refuse_reversed(text, &first, s)?;
    }
    let after_amount = c.pos;
    let (mut unit, mut found) = unit(&mut c, sign);
    if mode == Mode::Claim {
        let rest_start = c.pos + ws(c.rest()).map_or(0, |(_, s)| s.len());
        let rest = text.get(rest_start..).unwrap_or("");
        if !rest.is_empty() {
            match free_noun(rest).filter(|_| matches!(found, Found::None | Found::Sign)) {
                Some(noun) => {
                    unit = Some(Unit::Counted(noun));
                    found = Found::Free;
                    c.pos = text.len();
                }
                None => return Err(not_a_unit(text, rest_start)),
            }
        }
    }
    let lo = first.value;
    let hi = second.as_ref().map_or(lo, |s| s.value);
    let value = if second.is_some() {
        (lo + hi) / 2.0
    } else {
        lo
    };
    let (low, high) = qualifier.map_or((Some(lo), Some(hi)), |q| q.bounds(lo, hi));
    Ok(Reading {
        figure: Figure {
            value,
            low,
            high,
            unit,
        },
        end: c.pos,
        qualified: qualifier.is_some() || opener.is_some(),
        first,
        second,
        found,
        after_amount,
    })
}

fn refuse_negative(c: &Cursor<'_>) -> Result<(), ValueError> {
    let rest = c.rest();
    let Some(minus) = rest.chars().next().filter(|ch| DASHES.contains(*ch)) else {
        return Ok(());
    };
    let digits = rest
        .get(minus.len_utf8()..)
        .map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
    if digits == 0 {
        return Ok(());
    }
    Err(ValueError::new(
        "attest::figure::negative",
        "a figure cannot be negative",
        c.pos..c.pos + minus.len_utf8() + digits,
    )
    .with_help("amounts and counts are zero or more; drop the minus sign"))
}

fn refuse_reversed(text: &str, first: &Amount, second: &Amount) -> Result<(), ValueError> {
    if first.value < second.value {
        return Ok(());
    }
    let span = first.span.start..second.span.end;
    let shown = text.get(span.clone()).unwrap_or("");
    let message = if first.value == second.value {
        format!("range `{shown}` has no width")
    } else {
        format!("range `{shown}` runs backwards")
    };
    Err(
        ValueError::new("attest::figure::reversed_range", message, span)
            .with_help("write the smaller number first, e.g. `20–30 rifles`"),
    )
}

/// A number, then a scale glued (`20k`) or spaced (`8 тысяч`, `3,5 млн.`).
fn amount(
    c: &mut Cursor<'_>,
    figure_start: usize,
    mode: Mode,
    sign: bool,
) -> Result<Amount, ValueError> {
    let start = c.pos;
    let number = match number::read(c.rest()) {
        Err(m) => return Err(invalid_number(c.text, start..start + m.len)),
        Ok(None) => return Err(no_number(c.text, figure_start, start)),
        Ok(Some(n)) => n,
    };
    c.pos += number.len;
    let glued = glued_scale(c, &number, mode == Mode::Claim || sign);
    if glued.is_none() {
        check_boundary(c, start)?;
    }
    let scale = glued.or_else(|| spaced_scale(c, &number));
    let mut value = number.scaled(scale.unwrap_or(1.0));
    if let Some(factor) = scale {
        value += smaller_part(c, factor);
    }
    if !value.is_finite() {
        return Err(invalid_number(c.text, start..c.pos));
    }
    Ok(Amount {
        number,
        scale,
        value,
        span: start..c.pos,
    })
}

/// The rest of a compound amount such as `2 млн. 500 тыс.`: digits with a smaller scale.
/// Zero, and nothing consumed, when there is none.
fn smaller_part(c: &mut Cursor<'_>, factor: f64) -> f64 {
    let save = c.pos;
    c.eat(ws);
    let part = match number::digits(c.rest()) {
        Ok(Some(n)) if !matches!(n.form, Form::Fraction) => n,
        _ => {
            c.pos = save;
            return 0.0;
        }
    };
    let start = c.pos;
    c.pos += part.len;
    let smaller = check_boundary(c, start)
        .ok()
        .and_then(|()| spaced_scale(c, &part))
        .filter(|f| *f < factor);
    match smaller {
        Some(f) => part.scaled(f),
        None => {
            c.pos = save;
            0.0
        }
    }
}

/// `k`, `m`, `mn`, `bn` straight after digits. In running text only after a currency sign,
/// where `20m` cannot be metres.
fn glued_scale(c: &mut Cursor<'_>, number: &Number, allowed: bool) -> Option<f64> {
    if !allowed || matches!(number.form, Form::Words { .. }) {
        return None;
    }
    let rest = c.rest();
    let n = word_len(rest);
    let word = fold(rest.get(..n)?);
    let factor = GLUED_SCALES
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, f)| *f)?;
    c.pos += n;
    Some(factor)
}

/// A number must end at a word boundary: not `8th`, `1920-х`, `12:08`, `3/82`.
fn check_boundary(c: &Cursor<'_>, start: usize) -> Result<(), ValueError> {
    let rest = c.rest();
    let Some(next) = rest.chars().next() else {
        return Ok(());
    };
    let after = rest.get(next.len_utf8()..).unwrap_or("");
    let glued_tail = (next == ':' && after.starts_with(|ch: char| ch.is_ascii_digit()))
        || (matches!(next, '-' | '‐') && after.starts_with(char::is_alphabetic))
        || next == '/';
    let tail = if next.is_alphanumeric() {
        alnum_len(rest)
    } else if glued_tail {
        next.len_utf8() + alnum_len(after)
    } else {
        return Ok(());
    };
    Err(invalid_number(c.text, start..c.pos + tail))
}

fn alnum_len(s: &str) -> usize {
    s.char_indices()
        .find(|(_, ch)| !ch.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i)
}

fn spaced_scale(c: &mut Cursor<'_>, number: &Number) -> Option<f64> {
    if matches!(number.form, Form::Words { scaled: true }) {
        return None;
    }
    let save = c.pos;
    c.eat(ws);
    let scale = c.eat(table(SCALES));
    if scale.is_none() {
        c.pos = save;
    }
    scale
}

const AND: &[(&str, ())] = &[("and", ()), ("и", ())];
const TO: &[(&str, ())] = &[("to", ())];
const DO: &[(&str, ())] = &[("до", ())];

/// The word or dash between the two ends of a range; `between` takes only `and`.
fn connector(i: &str, opener: Option<Opener>) -> Res<'_, ()> {
    let words = match opener {
        Some(Opener::Between) => AND,
        Some(Opener::From) | None => TO,
        Some(Opener::Ot) => DO,
    };
    let dash_allowed = opener != Some(Opener::Between);
    let dash = map(verify(one_of(DASHES), move |_| dash_allowed), |_| ());
    delimited(ws, nom::branch::alt((table(words), dash)), ws)(i)
}

/// The second end of a range, if the figure has one.
fn range_end(
    c: &mut Cursor<'_>,
    figure_start: usize,
    opener: Option<Opener>,
    mode: Mode,
    sign: bool,
) -> Result<Option<Amount>, ValueError> {
    let save = c.pos;
    if c.eat(|i| connector(i, opener)).is_none() {
        return match opener {
            None => Ok(None),
            Some(_) => Err(ValueError::new(
                "attest::figure::invalid",
                "range is missing its second number",
                figure_start..save,
            )
            .with_help("write both ends, e.g. `between 20 and 30` or `от 20 до 30`")),
        };
    }
    let sign = c.eat(terminated(table(SIGNS), ws)).is_some() || sign;
    match amount(c, figure_start, mode, sign) {
        Ok(a) => Ok(Some(a)),
        Err(e) if opener.is_some() || mode == Mode::Claim => Err(e),
        Err(_) => {
            c.pos = save;
            Ok(None)
        }
    }
}

/// `20–30 тысяч`: a scale after the second end applies to a first end that has none.
fn share_scale(mut first: Amount, second: Option<Amount>) -> (Amount, Option<Amount>) {
    let shared = second.as_ref().and_then(|s| s.scale);
    if let Some(scale) = shared.filter(|_| !first.scaled()) {
        first.scale = Some(scale);
        first.value = first.number.scaled(scale);
    }
    (first, second)
}

/// A unit from the table, straight after the amount or after one or two adjectives, else the
/// currency of a sign.
fn unit(c: &mut Cursor<'_>, sign: Option<Currency>) -> (Option<Unit>, Found) {
    let save = c.pos;
    c.eat(ws);
    if let Some(name) = c.eat(unit_name) {
        return (Some(name.unit()), Found::Direct);
    }
    let mut probe = Cursor {
        text: c.text,
        pos: c.pos,
    };
    for _ in 0..2 {
        if probe.eat(terminated(adjective, ws1)).is_none() {
            break;
        }
        if let Some(name) = probe.eat(unit_name) {
            c.pos = probe.pos;
            return (Some(name.unit()), Found::AfterAdjectives);
        }
    }
    c.pos = save;
    match sign {
        Some(cur) => (Some(Unit::Currency(cur)), Found::Sign),
        None => (None, Found::None),
    }
}

/// A unit of the table, or a Russian plural in a case the table does not spell out.
fn unit_name(i: &str) -> Res<'_, Name> {
    table(UNITS)(i).or_else(|_| oblique_plural(i))
}

/// Endings of the Russian dative, instrumental and prepositional plural: `республикам`,
/// `республиками`, `республиках`.
const RU_OBLIQUE_PLURAL: [&str; 6] = ["ами", "ями", "ам", "ям", "ах", "ях"];

/// Endings of the nominative and genitive singular, one of which the unit table lists for
/// each Russian noun (`республика`, `пункт`, `армия`, `орудие`, `рубль`).
const RU_NOUN_ENDINGS: [&str; 7] = ["", "а", "я", "о", "е", "ь", "й"];

/// A Russian noun of the unit table in the dative, instrumental or prepositional plural,
/// found through its stem: `тремя республиками` counts republics.
fn oblique_plural(i: &str) -> Res<'_, Name> {
    let fail = || nom::Err::Error(Error::new(i, ErrorKind::Tag));
    let n = word_len(i);
    let folded = fold(i.get(..n).ok_or_else(fail)?);
    let name = RU_OBLIQUE_PLURAL
        .iter()
        .filter_map(|ending| folded.strip_suffix(ending))
        .find_map(|stem| {
            RU_NOUN_ENDINGS.iter().find_map(|ending| {
                UNITS
                    .iter()
                    .find(|(form, _)| form.strip_prefix(stem) == Some(ending))
                    .map(|(_, name)| *name)
            })
        })
        .ok_or_else(fail)?;
    Ok((i.get(n..).unwrap_or(""), name))
}

fn adjective(i: &str) -> Res<'_, &str> {
    let n = word_len(i);
    let word = i.get(..n).unwrap_or("");
    let folded = fold(word);
    let english = ADJECTIVES.contains(&folded.as_str())
        || (folded.is_ascii()
            && folded.len() > 4
            && ["ish", "ian", "ese"].iter().any(|e| folded.ends_with(e)));
    let russian = folded.chars().count() >= 4
        && folded.chars().all(|ch| matches!(ch, 'а'..='я'))
        && RU_ADJECTIVE_ENDINGS.iter().any(|e| folded.ends_with(e));
    if n > 0 && (english || russian) {
        Ok((i.get(n..).unwrap_or(""), word))
    } else {
        Err(nom::Err::Error(Error::new(i, ErrorKind::Alpha)))
    }
}

/// The rest of a claim as a counted noun: one to four words, lowercased, the English plural
/// made singular (`field guns` counts `field gun`).
fn free_noun(rest: &str) -> Option<String> {
    let words: Vec<&str> = rest
        .split(|ch: char| ch.is_whitespace() || matches!(ch, '-' | '‐'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    if !words.iter().all(|w| w.chars().all(char::is_alphabetic)) {
        return None;
    }
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let first = folded.first()?;
    if STOPWORDS.contains(&first.as_str()) || is_month(first) {
        return None;
    }
    // The head of `barrels of oil` is the word before `of`.
    let head = folded
        .iter()
        .position(|w| w == "of")
        .map_or(folded.len() - 1, |k| k.saturating_sub(1));
    let noun: Vec<String> = folded
        .iter()
        .enumerate()
        .map(|(k, w)| if k == head { singular(w) } else { w.clone() })
        .collect();
    Some(noun.join(" "))
}

/// English plural to singular, conservatively: only regular `-s`, `-es` and `-ies`.
fn singular(word: &str) -> String {
    if !word.is_ascii() || word.len() <= 3 {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for suffix in ["sses", "shes", "ches", "xes"] {
        if word.ends_with(suffix) {
            return word[..word.len() - 2].to_string();
        }
    }
    if word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

fn is_month(folded: &str) -> bool {
    super::date::month_of_word(folded).is_some()
}

// ---------------------------------------------------------------------------------------------
// Errors.

fn no_number(text: &str, figure_start: usize, at: usize) -> ValueError {
    let rest = text.get(at..).unwrap_or("");
    let span = if rest.trim().is_empty() {
        figure_start..text.len()
    } else {
        let n = alnum_len(rest).max(rest.chars().next().map_or(0, char::len_utf8));
        at..at + n
    };
    ValueError::new("attest::figure::no_number", "expected a number", span)
        .with_help("write the amount in digits or words, e.g. `8,000 rifles` or `сорок человек`")
}

fn invalid_number(text: &str, span: Range<usize>) -> ValueError {
    let shown = text.get(span.clone()).unwrap_or("");
    ValueError::new(
        "attest::figure::invalid_number",
        format!("cannot read `{shown}` as a number"),
        span,
    )
    .with_help("write thousands as `20,000` or `20 000` and decimals as `3.5` or `3,5`")
}

fn not_a_unit(text: &str, at: usize) -> ValueError {
    let rest = text.get(at..).unwrap_or("");
    let first = rest
        .split(|ch: char| ch.is_whitespace())
        .next()
        .map(fold)
        .unwrap_or_default();
    let help = if is_month(first.trim_end_matches('.')) {
        "a day and a month make a date, not a figure"
    } else {
        "after the number write only a scale and a currency or a counted noun, e.g. `80 million lira`"
    };
    ValueError::new(
        "attest::figure::invalid",
        format!("`{rest}` is not a unit"),
        at..text.len(),
    )
    .with_help(help)
}

// ---------------------------------------------------------------------------------------------
// Running text.

/// Whether a figure can begin with `rest`, which starts with `c`: anything but a letter is left
/// to the grammar, and a word must be a qualifier, a range opener or a number word, as every
/// reading starts with one. Checking this first spares the grammar most words of a text.
fn may_begin(rest: &str, c: char) -> bool {
    if !c.is_alphabetic() {
        return true;
    }
    let folded = fold(rest.get(..word_len(rest)).unwrap_or(""));
    opening_words().contains(folded.as_str()) || number::is_word(&folded)
}

/// The first words of qualifiers and range openers, folded.
fn opening_words() -> &'static std::collections::HashSet<&'static str> {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let qualifiers = QUALIFIERS.iter().map(|(phrase, _)| *phrase);
        let openers = OPENERS.iter().map(|(phrase, _)| *phrase);
        qualifiers
            .chain(openers)
            .filter_map(|phrase| phrase.split(' ').next())
            .map(|word| word.trim_end_matches('.'))
            .collect()
    })
}

/// A figure can start here: a letter, digit or sign that begins a word.
fn starts_token(text: &str, pos: usize, c: char) -> bool {
    (c.is_alphanumeric() || matches!(c, '~' | '≈' | '£' | '$' | '₽' | '₺'))
        && !before(text, pos).is_some_and(char::is_alphanumeric)
}

fn before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// What stands before a position: the nearest word, and whether it ends in a dot.
struct Preceding<'a> {
    word: &'a str,
    dotted: bool,
    /// `№`, `§` or a reference abbreviation (`p.`, `f.`, `op.`, `С.`).
    reference: bool,
}

fn preceding(text: &str, pos: usize) -> Option<Preceding<'_>> {
    let head = text.get(..pos)?.trim_end();
    let last = head.chars().next_back()?;
    if matches!(last, '№' | '§') {
        return Some(Preceding {
            word: "",
            dotted: false,
            reference: true,
        });
    }
    let dotted = last == '.';
    let head = if dotted {
        head.get(..head.len() - 1)?
    } else {
        head
    };
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, ch)| ch.is_alphabetic())
        .last()
        .map_or(head.len(), |(i, _)| i);
    let word = head.get(start..)?;
    let reference = dotted && REFERENCES.contains(&fold(word).as_str());
    Some(Preceding {
        word,
        dotted,
        reference,
    })
}

/// Part of a larger token: a sign (`+4`), the tail of `176-177`, or digits after `12.`.
fn glued_before(text: &str, pos: usize) -> bool {
    let Some(prev) = before(text, pos) else {
        return false;
    };
    if matches!(prev, '+' | '/' | '±') || DASHES.contains(prev) {
        return true;
    }
    matches!(prev, '.' | ',' | ':')
        && before(text, pos - prev.len_utf8()).is_some_and(|ch| ch.is_ascii_digit())
}

/// A month, a year abbreviation or a duration word right after the amount.
fn blocked_after(text: &str, pos: usize) -> bool {
    let rest = text.get(pos..).unwrap_or("");
    let rest = rest.trim_start();
    let n = word_len(rest);
    let word = fold(rest.get(..n).unwrap_or(""));
    n > 0 && (NOT_UNITS.contains(&word.as_str()) || is_month(&word))
}

/// Whether a reading in running text is certainly a figure (see the module docs).
fn certain(text: &str, start: usize, r: &Reading) -> bool {
    let first = &r.first;
    if glued_before(text, start) {
        return false;
    }
    let prev = preceding(text, start);
    if prev
        .as_ref()
        .is_some_and(|p| p.reference || is_month(&fold(p.word)))
    {
        return false;
    }
    let has_unit = r.found != Found::None;
    let scaled = first.scaled() || r.second.as_ref().is_some_and(Amount::scaled);
    if !has_unit && blocked_after(text, r.after_amount) {
        return false;
    }
    // `one of the first`, `в одном из`, `at one point`: the word one is rarely a count.
    if first.in_words() && !scaled && first.value == 1.0 && r.second.is_none() {
        return false;
    }
    if first.yearlike() && !scaled {
        let in_time = prev
            .as_ref()
            .is_some_and(|p| !p.dotted && PREPOSITIONS.contains(&fold(p.word).as_str()));
        if !has_unit || r.found == Found::AfterAdjectives || in_time {
            return false;
        }
    }
    has_unit || scaled || (r.qualified && !first.in_words())
}

/// Byte bounds of a claim value without surrounding whitespace and quotes.
fn unquoted(input: &str) -> (usize, usize) {
    let start = input.len() - input.trim_start().len();
    let end = input.trim_end().len();
    let inner = input.get(start..end.max(start)).unwrap_or("");
    let mut chars = inner.chars();
    match (chars.next(), chars.next_back()) {
        (Some(open), Some(close))
            if matches!(
                (open, close),
                ('"', '"') | ('\'', '\'') | ('“', '”') | ('«', '»') | ('‘', '’') | ('„', '“')
            ) =>
        {
            let s = start + open.len_utf8();
            let e = end - close.len_utf8();
            let inside = input.get(s..e).unwrap_or("");
            let s2 = s + (inside.len() - inside.trim_start().len());
            (s2, s + inside.trim_end().len())
        }
        _ => (start, end),
    }
}

// ---------------------------------------------------------------------------------------------
// Display.

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Currency::Lira => "lira",
            Currency::Ruble => "ruble",
            Currency::GoldRuble => "gold ruble",
            Currency::Pound => "pound",
            Currency::Franc => "franc",
            Currency::Dollar => "dollar",
            Currency::Mark => "mark",
        })
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Currency(c) => c.fmt(f),
            Unit::Counted(noun) => f.write_str(noun),
        }
    }
}

/// Compact: `about 80 million lira`, `8,000 rifles`, `20–30 rifles`, `at least 500 persons`.
/// The qualifier shown is the one the bounds imply: a figure keeps only its bounds, so
/// `more than 100` and `at least 100` both show as `at least 100`.
impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.value;
        let near = |bound: Option<f64>, target: f64| {
            bound.is_some_and(|b| (b - target).abs() <= 1e-9 * target.abs().max(1.0))
        };
        if self.is_exact() {
            f.write_str(&shown(v))?;
        } else if self.high.is_none() {
            write!(f, "at least {}", shown(self.low.unwrap_or(v)))?;
        } else if near(self.low, 0.9 * v) && near(self.high, 1.1 * v) {
            write!(f, "about {}", shown(v))?;
        } else if near(self.low, 0.9 * v) && near(self.high, v) {
            write!(f, "almost {}", shown(v))?;
        } else if (self.low.is_none() || near(self.low, 0.0)) && near(self.high, v) {
            write!(f, "up to {}", shown(v))?;
        } else if let (Some(low), Some(high)) = (self.low, self.high) {
            f.write_str(&shown_range(low, high))?;
        } else {
            f.write_str(&shown(v))?;
        }
        match &self.unit {
            Some(unit) if self.is_exact() && v == 1.0 => write!(f, " {unit}"),
            Some(unit) => write!(f, " {}", plural(unit)),
            None => Ok(()),
        }
    }
}

/// A value as a person would write it: `80 million`, `3.5 million`, `8,000`, `2.5`.
fn shown(v: f64) -> String {
    match in_scale(v) {
        Some((m, word)) => format!("{} {word}", decimal(m)),
        None => plain(v),
    }
}

fn shown_range(low: f64, high: f64) -> String {
    match (in_scale(low), in_scale(high)) {
        (Some((l, a)), Some((h, b))) if a == b => format!("{}–{} {b}", decimal(l), decimal(h)),
        _ => format!("{}–{}", shown(low), shown(high)),
    }
}

/// `v` in millions or billions when that takes at most three decimals.
fn in_scale(v: f64) -> Option<(f64, &'static str)> {
    [(1e9, "billion"), (1e6, "million")]
        .into_iter()
        .find(|(factor, _)| v.abs() >= *factor)
        .map(|(factor, word)| (v / factor, word))
        .filter(|(m, _)| ((m * 1000.0) - (m * 1000.0).round()).abs() < 1e-6)
}

fn decimal(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Thousands with commas; fractions to three decimals.
fn plain(v: f64) -> String {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        return decimal(v);
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

fn plural(unit: &Unit) -> String {
    match unit {
        Unit::Currency(Currency::Lira) => "lira".to_string(),
        Unit::Currency(c) => format!("{c}s"),
        Unit::Counted(noun) => plural_noun(noun),
    }
}

/// English plural of a counted noun; anything else is left as written.
fn plural_noun(noun: &str) -> String {
    if !noun.is_ascii() {
        return noun.to_string();
    }
    if let Some((head, tail)) = noun.split_once(" of ") {
        return format!("{} of {tail}", plural_noun(head));
    }
    let last = noun.rsplit(' ').next().unwrap_or(noun);
    let stem = &noun[..noun.len() - last.len()];
    let word = match last {
        "aircraft" | "percent" | "corps" | "sheep" | "personnel" | "artillery" => last.to_string(),
        _ if last.ends_with("man") => format!("{}men", &last[..last.len() - 3]),
        _ if last.ends_with('y')
            && !last.ends_with("ay")
            && !last.ends_with("ey")
            && !last.ends_with("oy") =>
        {
            format!("{}ies", &last[..last.len() - 1])
        }
        _ if ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|e| last.ends_with(e)) =>
        {
            format!("{last}es")
        }
        _ => format!("{last}s"),
    };
    format!("{stem}{word}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const INF: f64 = f64::INFINITY;

    fn cur(c: Currency) -> Option<Unit> {
        Some(Unit::Currency(c))
    }

    fn noun(s: &str) -> Option<Unit> {
        Some(Unit::Counted(s.to_string()))
    }

    /// `value, low, high, unit`; an infinite `high` stands for no upper bound.
    type Want = (f64, f64, f64, Option<Unit>);

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    /// An error's code and span.
    type WantErr = (&'static str, Range<usize>);

    fn check(input: &str, expect: Result<Want, WantErr>) {
        match (parse(input), expect) {
            (Ok(f), Ok((value, low, high, unit))) => {
                assert!(
                    close(f.value, value),
                    "{input}: value {} != {value}",
                    f.value
                );
                assert!(
                    f.low.is_some_and(|l| close(l, low)),
                    "{input}: low {:?}",
                    f.low
                );
                let got_high = f.high.unwrap_or(INF);
                assert!(
                    got_high == high || close(got_high, high),
                    "{input}: high {got_high}"
                );
                let kind = match unit {
                    Some(Unit::Currency(_)) => Kind::Currency,
                    _ => Kind::Count,
                };
                assert_eq!(f.unit, unit, "{input}: unit");
                assert_eq!(f.kind(), kind, "{input}: kind");
            }
            (Err(e), Err((code, span))) => {
                assert_eq!(e.code, code, "{input}: {e:?}");
                assert_eq!(e.span, span, "{input}: {e:?}");
                assert!(e.help.is_some(), "{input}: no help");
                assert!(!e.message.ends_with('.'), "{input}: {}", e.message);
            }
            (got, want) => panic!("{input}: expected {want:?}, got {got:?}"),
        }
    }

    #[test]
    fn parses_claim_values() {
        use Currency::*;
        let cases: Vec<(&str, Result<Want, WantErr>)> = vec![
            (
                "about 80 million Turkish lira",
                Ok((80e6, 72e6, 88e6, cur(Lira))),
            ),
            (
                "около 80 миллионов турецких лир",
                Ok((80e6, 72e6, 88e6, cur(Lira))),
            ),
            (
                "80 million Turkish pounds",
                Ok((80e6, 80e6, 80e6, cur(Lira))),
            ),
            ("£T 80 million", Ok((80e6, 80e6, 80e6, cur(Lira)))),
            ("3,5 млн. рублей", Ok((3.5e6, 3.5e6, 3.5e6, cur(Ruble)))),
            ("3.5 million roubles", Ok((3.5e6, 3.5e6, 3.5e6, cur(Ruble)))),
            ("2.3 million rubles", Ok((2.3e6, 2.3e6, 2.3e6, cur(Ruble)))),
            ("20.000 рублей золотом", Ok((2e4, 2e4, 2e4, cur(GoldRuble)))),
            ("20,000 gold roubles", Ok((2e4, 2e4, 2e4, cur(GoldRuble)))),
            ("100 тыс. руб.", Ok((1e5, 1e5, 1e5, cur(Ruble)))),
            (
                "2 1/2 million pounds sterling",
                Ok((2.5e6, 2.5e6, 2.5e6, cur(Pound))),
            ),
            ("$2.5m", Ok((2.5e6, 2.5e6, 2.5e6, cur(Dollar)))),
            (
                "полтора миллиона франков",
                Ok((1.5e6, 1.5e6, 1.5e6, cur(Franc))),
            ),
            (
                "двадцать пять тысяч марок",
                Ok((25e3, 25e3, 25e3, cur(Mark))),
            ),
            ("8 тысяч винтовок", Ok((8e3, 8e3, 8e3, noun("rifle")))),
            ("8,000 rifles", Ok((8e3, 8e3, 8e3, noun("rifle")))),
            ("8\u{a0}000 rifles", Ok((8e3, 8e3, 8e3, noun("rifle")))),
            (
                "\u{2003}8\u{202f}000\u{2003}rifles ",
                Ok((8e3, 8e3, 8e3, noun("rifle"))),
            ),
            ("“8,000 rifles”", Ok((8e3, 8e3, 8e3, noun("rifle")))),
            ("40 Turkish rifles", Ok((40.0, 40.0, 40.0, noun("rifle")))),
            ("40 пулемётов", Ok((40.0, 40.0, 40.0, noun("machine gun")))),
            (
                "forty machine-guns",
                Ok((40.0, 40.0, 40.0, noun("machine gun"))),
            ),
            ("forty-five guns", Ok((45.0, 45.0, 45.0, noun("gun")))),
            (
                "20 тысяч ящиков боеприпасов",
                Ok((2e4, 2e4, 2e4, noun("box of ammunition"))),
            ),
            (
                "около 150 человек",
                Ok((150.0, 135.0, 165.0, noun("person"))),
            ),
            ("сорок человек", Ok((40.0, 40.0, 40.0, noun("person")))),
            (
                "two hundred and fifty people",
                Ok((250.0, 250.0, 250.0, noun("person"))),
            ),
            ("двух армий", Ok((2.0, 2.0, 2.0, noun("army")))),
            ("seven points", Ok((7.0, 7.0, 7.0, noun("point")))),
            ("2½ million", Ok((2.5e6, 2.5e6, 2.5e6, None))),
            ("21/2 million", Ok((2.5e6, 2.5e6, 2.5e6, None))),
            ("25 million", Ok((25e6, 25e6, 25e6, None))),
            ("at least 500 men", Ok((500.0, 500.0, INF, noun("person")))),
            (
                "не менее 500 человек",
                Ok((500.0, 500.0, INF, noun("person"))),
            ),
            (
                "more than 100 officers",
                Ok((100.0, 100.0, INF, noun("officer"))),
            ),
            (
                "свыше 1000 делегатов",
                Ok((1000.0, 1000.0, INF, noun("delegate"))),
            ),
            ("under 30 ships", Ok((30.0, 0.0, 30.0, noun("ship")))),
            ("up to 5 divisions", Ok((5.0, 0.0, 5.0, noun("division")))),
            ("до 100 тыс. рублей", Ok((1e5, 0.0, 1e5, cur(Ruble)))),
            (
                "almost 20 aircraft",
                Ok((20.0, 18.0, 20.0, noun("aircraft"))),
            ),
            (
                "почти 20 самолетов",
                Ok((20.0, 18.0, 20.0, noun("aircraft"))),
            ),
            ("~5000 horses", Ok((5000.0, 4500.0, 5500.0, noun("horse")))),
            (
                "c. 300 officers",
                Ok((300.0, 270.0, 330.0, noun("officer"))),
            ),
            ("20–30 rifles", Ok((25.0, 20.0, 30.0, noun("rifle")))),
            ("20 - 30 rifles", Ok((25.0, 20.0, 30.0, noun("rifle")))),
            (
                "between 20 and 30 rifles",
                Ok((25.0, 20.0, 30.0, noun("rifle"))),
            ),
            (
                "от 20 до 30 винтовок",
                Ok((25.0, 20.0, 30.0, noun("rifle"))),
            ),
            (
                "20 to 30 thousand rifles",
                Ok((25e3, 20e3, 30e3, noun("rifle"))),
            ),
            ("about 20–30 rifles", Ok((25.0, 18.0, 33.0, noun("rifle")))),
            ("5 tanks", Ok((5.0, 5.0, 5.0, noun("tank")))),
            (
                "7 field batteries",
                Ok((7.0, 7.0, 7.0, noun("field battery"))),
            ),
            (
                "3 barrels of oil",
                Ok((3.0, 3.0, 3.0, noun("barrel of oil"))),
            ),
            ("12 броневиков", Ok((12.0, 12.0, 12.0, noun("броневиков")))),
            (
                "2 млн. 500 тыс. рублей",
                Ok((2.5e6, 2.5e6, 2.5e6, cur(Ruble))),
            ),
            (
                "two million five hundred thousand",
                Ok((2.5e6, 2.5e6, 2.5e6, None)),
            ),
            ("20%", Ok((20.0, 20.0, 20.0, noun("percent")))),
            ("", Err(("attest::figure::empty", 0..0))),
            ("  \t", Err(("attest::figure::empty", 0..3))),
            ("rifles", Err(("attest::figure::no_number", 0..6))),
            ("about rifles", Err(("attest::figure::no_number", 6..12))),
            ("about", Err(("attest::figure::no_number", 0..5))),
            ("more than half", Err(("attest::figure::no_number", 10..14))),
            (
                "1,234,56 rifles",
                Err(("attest::figure::invalid_number", 0..8)),
            ),
            ("05.07.1921", Err(("attest::figure::invalid_number", 0..10))),
            ("8th rifles", Err(("attest::figure::invalid_number", 0..3))),
            ("12:08", Err(("attest::figure::invalid_number", 0..5))),
            (
                "30–20 rifles",
                Err(("attest::figure::reversed_range", 0..7)),
            ),
            (
                "20-20 rifles",
                Err(("attest::figure::reversed_range", 0..5)),
            ),
            ("-5 rifles", Err(("attest::figure::negative", 0..2))),
            ("20 rifles!!", Err(("attest::figure::invalid", 9..11))),
            ("16 March", Err(("attest::figure::invalid", 3..8))),
            ("20 in March 1921", Err(("attest::figure::invalid", 3..16))),
            ("between 20 rifles", Err(("attest::figure::invalid", 0..10))),
            ("20 to", Err(("attest::figure::no_number", 0..5))),
        ];
        for (input, expect) in cases {
            check(input, expect);
        }
    }

    /// `(text of the mention, value, unit)` for each figure expected, in order.
    type Found<'a> = (&'a str, f64, Option<Unit>);

    fn check_find(text: &str, expect: &[Found<'_>]) {
        let got = find(text);
        let shown: Vec<(&str, f64, Option<Unit>)> = got
            .iter()
            .map(|m| (&text[m.span.clone()], m.figure.value, m.figure.unit.clone()))
            .collect();
        assert_eq!(shown.len(), expect.len(), "{text}: {shown:?}");
        for ((s, v, u), (es, ev, eu)) in shown.iter().zip(expect) {
            assert_eq!(s, es, "{text}");
            assert!(close(*v, *ev), "{text}: {v} != {ev}");
            assert_eq!(u, eu, "{text}");
        }
    }

    #[test]
    fn finds_figures_in_running_text() {
        use Currency::*;
        let cases: Vec<(&str, Vec<Found<'_>>)> = vec![
            (
                "помощь, соответствующую сумме около 80 миллионов турецких лир, что составляет",
                vec![("около 80 миллионов турецких лир", 80e6, cur(Lira))],
            ),
            (
                "было принято решение о выделении Турции еще 3,5 млн. рублей. Сам Г. В. Чичерин",
                vec![("3,5 млн. рублей", 3.5e6, cur(Ruble))],
            ),
            (
                "отпустить 20.000 рублей золотом для Нахичеванского края",
                vec![("20.000 рублей золотом", 2e4, cur(GoldRuble))],
            ),
            (
                "властям в Трапезунде 100 тыс. руб. для открытия",
                vec![("100 тыс. руб.", 1e5, cur(Ruble))],
            ),
            (
                "снаряды в количестве 8 тысяч винтовок, 40 пулеметов и 20 тысяч ящиков \
                 боеприпасов, находившихся",
                vec![
                    ("8 тысяч винтовок", 8e3, noun("rifle")),
                    ("40 пулеметов", 40.0, noun("machine gun")),
                    (
                        "20 тысяч ящиков боеприпасов",
                        2e4,
                        noun("box of ammunition"),
                    ),
                ],
            ),
            (
                "судов численностью около 150 человек во главе с",
                vec![("около 150 человек", 150.0, noun("person"))],
            ),
            (
                "во главе делегации, состоявшей из сорока человек, на итальянском корабле",
                vec![("сорока человек", 40.0, noun("person"))],
            ),
            (
                "в штабах двух турецких армий и тыловых",
                vec![("двух турецких армий", 2.0, noun("army"))],
            ),
            ("против двух армий", vec![("двух армий", 2.0, noun("army"))]),
            // Plural cases the unit table does not spell out, found through the stem.
            (
                "было принято решение всем трем республикам выступать",
                vec![("трем республикам", 3.0, noun("republic"))],
            ),
            (
                "но всеми тремя Кавказскими республиками, включая Армению",
                vec![("тремя Кавказскими республиками", 3.0, noun("republic"))],
            ),
            (
                "помогать двум армиям и пяти фронтам",
                vec![
                    ("двум армиям", 2.0, noun("army")),
                    ("пяти фронтам", 5.0, noun("front")),
                ],
            ),
            (
                "о двух соседних народах",
                vec![("двух соседних народах", 2.0, noun("nation"))],
            ),
            ("пять ружьям", vec![]),
            (
                "Mustafa Kemal accepted seven points of the proposal",
                vec![("seven points", 7.0, noun("point"))],
            ),
            (
                "and was promised a loan of 21/2 million. Finally, the Erivan",
                vec![("21/2 million", 2.5e6, None)],
            ),
            (
                "Причем было открыто сразу 2 фронта: на западе",
                vec![("2 фронта", 2.0, noun("front"))],
            ),
            (
                "between 20 and 30 rifles were sent, more than 100 officers",
                vec![
                    ("between 20 and 30 rifles", 25.0, noun("rifle")),
                    ("more than 100 officers", 100.0, noun("officer")),
                ],
            ),
            (
                "16 марта 1921 г. было отправлено 2 000 винтовок",
                vec![("2 000 винтовок", 2e3, noun("rifle"))],
            ),
            (
                "On December 6, 1920, the treaty with Russia of May 7, 1920.",
                vec![],
            ),
            ("Документ был подписан 2 января 1922 г.31 М. Фрунзе", vec![]),
            (
                "всех трех республик 7 мая 1921 года были вызваны",
                vec![("трех республик", 3.0, noun("republic"))],
            ),
            ("В начале 1920-х гг. все без исключения", vec![]),
            (
                "(Протокол №15 заседания Бюро ЦК АКП(б). 26.07.1921 //",
                vec![],
            ),
            ("RSASPH, f. 85, op. 13, d. 143, l. 1 ob.", vec![]),
            ("Т. IV, М., 1960, С.176-177). XI армии", vec![]),
            ("M., 1961, p. 47. FOUO 3/82. pp. 391-392", vec![]),
            (
                "to the 8th All-Russia Congress of Soviets for 1919-1920",
                vec![],
            ),
            ("11 comments\n  1. +4\n    13 February 2016 12:08", vec![]),
            (
                "one of the first; в одном из; more than half of them",
                vec![],
            ),
            ("Эта цифра в два раза превышает более 20 лет", vec![]),
            (
                "в 1920 г. в Анкаре, c. 1920, до 1921 г., in 1920 people",
                vec![],
            ),
            ("in the years 23-25 that led to", vec![]),
            (
                "from 1 to 3 December, с 12 декабря 1920 г. по 3 февраля",
                vec![],
            ),
            ("около 2 месяцев, в 3 раза, more than 2 times", vec![]),
            (
                "Protocol No. 20 of 1921; ст. 5; двух соседних народов",
                vec![("двух соседних народов", 2.0, noun("nation"))],
            ),
            (
                "около 2 млн. 500 тыс. рублей; over 50% of 1,500 men",
                vec![
                    ("около 2 млн. 500 тыс. рублей", 2.5e6, cur(Ruble)),
                    ("over 50%", 50.0, noun("percent")),
                    ("1,500 men", 1500.0, noun("person")),
                ],
            ),
        ];
        for (text, expect) in cases {
            check_find(text, &expect);
        }
    }

    #[test]
    fn spans_are_exact() {
        let text = "Турции еще 3,5 млн. рублей.";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].span.clone()], "3,5 млн. рублей");
    }

    #[test]
    fn compatibility() {
        let p = |s: &str| parse(s).unwrap_or_else(|e| panic!("{s}: {e:?}"));
        let cases = [
            (
                "about 80 million lira",
                "около 80 миллионов турецких лир",
                true,
            ),
            ("about 80 million lira", "85 million lira", true),
            ("about 80 million lira", "95 million lira", false),
            ("80 million lira", "80 million rubles", false),
            ("20,000 rubles", "20.000 рублей золотом", true),
            ("8,000 rifles", "8 тысяч", true),
            ("8,000 rifles", "8 тысяч винтовок", true),
            ("8,000 rifles", "8,000 machine guns", false),
            ("at least 500 men", "600 persons", true),
            ("at least 500 men", "400 persons", false),
            ("up to 30 ships", "20–40 ships", true),
            ("under 30 ships", "31 ships", false),
            ("2.3 million rubles", "2,3 млн рублей", true),
        ];
        for (a, b, want) in cases {
            assert_eq!(p(a).compatible(&p(b)), want, "{a} ~ {b}");
            assert_eq!(p(b).compatible(&p(a)), want, "{b} ~ {a}");
        }
    }

    #[test]
    fn displays_compactly() {
        let cases = [
            ("about 80 million Turkish lira", "about 80 million lira"),
            ("8 тысяч винтовок", "8,000 rifles"),
            ("3,5 млн. рублей", "3.5 million rubles"),
            ("20.000 рублей золотом", "20,000 gold rubles"),
            ("one rifle", "1 rifle"),
            ("at least 500 men", "at least 500 persons"),
            ("up to 5 divisions", "up to 5 divisions"),
            ("почти 20 самолетов", "almost 20 aircraft"),
            ("20–30 rifles", "20–30 rifles"),
            ("2–3 million rubles", "2–3 million rubles"),
            ("20 тысяч ящиков боеприпасов", "20,000 boxes of ammunition"),
            ("2 армии", "2 armies"),
            ("25 million", "25 million"),
            ("2½", "2.5"),
            ("12 броневиков", "12 броневиков"),
        ];
        for (input, want) in cases {
            let f = parse(input).unwrap_or_else(|e| panic!("{input}: {e:?}"));
            assert_eq!(f.to_string(), want, "{input}");
        }
        assert_eq!(
            Unit::Currency(Currency::GoldRuble).to_string(),
            "gold ruble"
        );
        assert_eq!(Currency::Lira.to_string(), "lira");
    }

    proptest! {
        #[test]
        fn never_panics_on_any_string(s in any::<String>()) {
            let _ = parse(&s);
            for m in find(&s) {
                prop_assert!(s.get(m.span.clone()).is_some());
            }
        }

        #[test]
        fn never_panics_on_figure_like_strings(
            s in "[0-9 ,./½¾–\\-~£$:№+a-zA-Zа-яА-ЯёЁİK\u{a0}\u{2009}]{0,40}"
        ) {
            let _ = parse(&s);
            for m in find(&s) {
                prop_assert!(s.get(m.span.clone()).is_some());
                prop_assert!(m.span.start < m.span.end);
            }
        }
    }
}
