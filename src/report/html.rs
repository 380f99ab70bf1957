//! The `html` output format: one self-contained page a reader opens from disk.
//!
//! The page holds everything it shows: inline CSS, a few lines of inline JavaScript for the
//! verdict filter and the search box, and the timelines as inline SVG drawn here. It loads
//! nothing, so it reads the same from `file://`, offline, or attached to a ticket. Without
//! JavaScript every claim is shown and each still expands (`<details>`); the script only hides
//! rows. The filter also reads the URL fragment (`report.html#verdict=conflicting`), so a link
//! can open a filtered view.
//!
//! The output depends on the outcome alone (no clock, no environment, ordered collections), so
//! the same check renders to the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::ops::Range;

use super::kind_name;
use crate::claims::Claim;
use crate::corpus::{Document, Lang};
use crate::judge::{Aspect, Evidence, Relation, Verdict};
use crate::value::date::{self, Day, HistDate};
use crate::{ClaimResult, Outcome};

/// Render the result of `attest check`.
pub fn check(out: &mut dyn Write, outcome: &Outcome) -> io::Result<()> {
    let mut page = String::new();
    render(&mut page, outcome).map_err(io::Error::other)?;
    out.write_all(page.as_bytes())
}

/// One claim with what the page shows next to it.
struct Row<'a> {
    result: &'a ClaimResult,
    claim: &'a Claim,
    file: &'a str,
    line: usize,
    /// Unique within the page, used in `id` attributes and links.
    anchor: String,
}

impl Row<'_> {
    fn verdict(&self) -> Verdict {
        self.result.judgement.verdict
    }
}

fn rows(outcome: &Outcome) -> Vec<Row<'_>> {
    let mut used = BTreeSet::new();
    outcome
        .results
        .iter()
        .map(|result| {
            let claim = outcome.claim(result);
            Row {
                result,
                claim,
                file: outcome.sources.name(claim.source),
                line: outcome.sources.line_col(&claim.id.span).0,
                anchor: unique_anchor(claim.id.value.as_str(), &mut used),
            }
        })
        .collect()
}

/// Claim ids are unique in a valid run; a duplicate (already reported as an error) still gets
/// its own anchor so that the page stays well-formed.
fn unique_anchor(id: &str, used: &mut BTreeSet<String>) -> String {
    let mut anchor = id.to_string();
    let mut n = 1;
    while used.contains(&anchor) {
        n += 1;
        anchor = format!("{id}-{n}");
    }
    used.insert(anchor.clone());
    anchor
}

/// Corpus documents by the name evidence gives them; the first corpus that has a name wins.
fn documents(outcome: &Outcome) -> BTreeMap<&str, &Document> {
    let mut docs = BTreeMap::new();
    for doc in outcome.corpora.iter().flat_map(|c| &c.documents) {
        docs.entry(doc.name.as_str()).or_insert(doc);
    }
    docs
}

fn render(s: &mut String, outcome: &Outcome) -> fmt::Result {
    let rows = rows(outcome);
    let docs = documents(outcome);
    head(s)?;
    s.push_str("<body>\n");
    header(s, outcome, &rows)?;
    s.push_str("<main>\n");
    summary(s, outcome, &rows)?;
    diagnostics(s, outcome)?;
    claims_table(s, outcome, &rows, &docs)?;
    timelines(s, outcome, &rows)?;
    sources(s, outcome, &rows)?;
    s.push_str("</main>\n");
    writeln!(
        s,
        "<footer><p>Written by attest {}. This page loads nothing: \
         it reads the same offline.</p></footer>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(s, "<script>\n{SCRIPT}</script>\n</body>\n</html>")
}

fn head(s: &mut String) -> fmt::Result {
    writeln!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\" class=\"no-js\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"attest {}\">\n<title>attest report</title>\n\
         <style>\n{STYLE}</style>\n</head>",
        env!("CARGO_PKG_VERSION")
    )
}

fn header(s: &mut String, outcome: &Outcome, rows: &[Row<'_>]) -> fmt::Result {
    s.push_str("<header>\n<h1>attest report</h1>\n");
    let articles: Vec<&str> = outcome
        .files
        .iter()
        .filter_map(|f| f.article.as_deref())
        .collect();
    if !articles.is_empty() {
        s.push_str("<p class=\"articles\">");
        for (i, a) in articles.iter().enumerate() {
            if i > 0 {
                s.push_str(" · ");
            }
            write!(s, "<cite>{}</cite>", Esc(a))?;
        }
        s.push_str("</p>\n");
    }
    let documents: usize = outcome.corpora.iter().map(|c| c.documents.len()).sum();
    let corpora: Vec<String> = outcome
        .corpora
        .iter()
        .map(|c| format!("<code>{}</code>", Esc(&c.root.display().to_string())))
        .collect();
    writeln!(
        s,
        "<p class=\"scope\">{} claim{} from {} claim file{}, checked against {} source{} in {}.</p>\n</header>",
        rows.len(),
        super::plural(rows.len()),
        outcome.files.len(),
        super::plural(outcome.files.len()),
        documents,
        super::plural(documents),
        if corpora.is_empty() {
            "no corpus".to_string()
        } else {
            corpora.join(", ")
        },
    )
}

fn symbol(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "✓",
        Verdict::Conflicting => "✗",
        Verdict::Contested => "±",
        Verdict::Unsupported => "?",
    }
}

fn badge(s: &mut String, v: Verdict) -> fmt::Result {
    write!(
        s,
        "<span class=\"badge v-{0}\"><span aria-hidden=\"true\">{1}</span> {0}</span>",
        v.as_str(),
        symbol(v)
    )
}

fn count(rows: &[Row<'_>], v: Verdict) -> usize {
    rows.iter().filter(|r| r.verdict() == v).count()
}

fn summary(s: &mut String, outcome: &Outcome, rows: &[Row<'_>]) -> fmt::Result {
    let failed = outcome.results.iter().filter(|r| r.failed).count();
    s.push_str(
        "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n\
         <ul class=\"counts\">\n",
    );
    writeln!(
        s,
        "<li><a class=\"count total\" href=\"#verdict=all\"><span class=\"n\" data-count=\"total\">{}</span> \
         <span class=\"what\">claims</span></a></li>",
        rows.len()
    )?;
    for v in Verdict::ALL {
        writeln!(
            s,
            "<li><a class=\"count v-{0}\" href=\"#verdict={0}\"><span class=\"n\" data-count=\"{0}\">{1}</span> \
             <span class=\"what\"><span aria-hidden=\"true\">{2}</span> {0}</span></a></li>",
            v.as_str(),
            count(rows, v),
            symbol(v)
        )?;
    }
    writeln!(
        s,
        "<li><span class=\"count failed{}\"><span class=\"n\" data-count=\"failed\">{failed}</span> \
         <span class=\"what\">failed the run</span></span></li>\n</ul>",
        if failed > 0 { " some" } else { "" }
    )?;
    // The proportions at a glance; the numbers above say the same in text.
    s.push_str("<div class=\"bar\" aria-hidden=\"true\">");
    for v in Verdict::ALL {
        let n = count(rows, v);
        if n > 0 {
            write!(
                s,
                "<span class=\"v-{}\" style=\"flex-grow:{n}\"></span>",
                v.as_str()
            )?;
        }
    }
    s.push_str("</div>\n</section>\n");
    Ok(())
}

fn diagnostics(s: &mut String, outcome: &Outcome) -> fmt::Result {
    if outcome.diagnostics.is_empty() {
        return Ok(());
    }
    s.push_str(
        "<section id=\"diagnostics\" aria-labelledby=\"diagnostics-h\">\n\
         <h2 id=\"diagnostics-h\">Problems in the input</h2>\n<ul class=\"diagnostics\">\n",
    );
    for d in &outcome.diagnostics {
        let out = super::json::diagnostic(d, &outcome.sources);
        let severity = match out.severity {
            crate::diagnostic::Severity::Error => "error",
            crate::diagnostic::Severity::Warning => "warning",
            crate::diagnostic::Severity::Advice => "advice",
        };
        write!(
            s,
            "<li class=\"sev-{severity}\"><strong>{severity}</strong> <code>{}</code>: {}",
            Esc(out.code),
            Esc(&out.message)
        )?;
        if let (Some(file), Some(line)) = (&out.file, out.line) {
            write!(s, " <span class=\"where\">{}:{line}</span>", Esc(file))?;
        }
        if let Some(help) = &out.help {
            write!(s, "<br><span class=\"help\">{}</span>", Esc(help))?;
        }
        s.push_str("</li>\n");
    }
    s.push_str("</ul>\n</section>\n");
    Ok(())
}

fn filters(s: &mut String, rows: &[Row<'_>]) -> fmt::Result {
    s.push_str(
        "<form class=\"filters js-only\" role=\"search\" onsubmit=\"return false\">\n\
         <label for=\"verdict-filter\">Verdict</label>\n<select id=\"verdict-filter\">\n",
    );
    writeln!(
        s,
        "<option value=\"all\">all verdicts ({})</option>",
        rows.len()
    )?;
    for v in Verdict::ALL {
        writeln!(
            s,
            "<option value=\"{0}\">{0} ({1})</option>",
            v.as_str(),
            count(rows, v)
        )?;
    }
    s.push_str(
        "</select>\n<label for=\"claim-search\">Search</label>\n\
         <input type=\"search\" id=\"claim-search\" placeholder=\"id or event\" autocomplete=\"off\">\n\
         <output id=\"shown\" for=\"verdict-filter claim-search\" aria-live=\"polite\"></output>\n\
         </form>\n",
    );
    Ok(())
}

fn claims_table(
    s: &mut String,
    outcome: &Outcome,
    rows: &[Row<'_>],
    docs: &BTreeMap<&str, &Document>,
) -> fmt::Result {
    s.push_str(
        "<section id=\"claims\" aria-labelledby=\"claims-h\">\n<h2 id=\"claims-h\">Claims</h2>\n",
    );
    filters(s, rows)?;
    s.push_str(
        "<div class=\"table-wrap\">\n<table class=\"claims\">\n\
         <caption>Each claim with its verdict; open a claim for its evidence.</caption>\n\
         <thead><tr><th scope=\"col\">Claim <span class=\"where\">file:line</span></th>\
         <th scope=\"col\">Event</th><th scope=\"col\">Verdict</th><th scope=\"col\">Reason</th></tr></thead>\n",
    );
    for row in rows {
        claim_rows(s, outcome, row, docs)?;
    }
    s.push_str("</table>\n</div>\n</section>\n");
    Ok(())
}

/// What the search box matches: the id, the event and the article's sentence.
fn search_text(claim: &Claim) -> String {
    let mut text = format!("{} {}", claim.id.value, claim.event.value);
    if let Some(t) = &claim.text {
        text.push(' ');
        text.push_str(&t.value);
    }
    text.to_lowercase()
}

fn claim_rows(
    s: &mut String,
    outcome: &Outcome,
    row: &Row<'_>,
    docs: &BTreeMap<&str, &Document>,
) -> fmt::Result {
    let v = row.verdict();
    let j = &row.result.judgement;
    writeln!(
        s,
        "<tbody class=\"claim\" data-verdict=\"{}\" data-search=\"{}\">",
        v.as_str(),
        Esc(&search_text(row.claim))
    )?;
    write!(
        s,
        "<tr class=\"claim-row\" id=\"claim-{0}\"><th scope=\"row\"><a href=\"#claim-{0}\">{1}</a>\
         <span class=\"where\">{2}:{3}</span></th><td class=\"event\">{4}</td><td>",
        Esc(&row.anchor),
        Esc(row.claim.id.value.as_str()),
        Esc(row.file),
        row.line,
        Esc(&row.claim.event.value)
    )?;
    badge(s, v)?;
    write!(s, "</td><td class=\"reason\">{}", Esc(&j.reason))?;
    if row.result.failed {
        s.push_str(" <strong class=\"fails\">fails the run</strong>");
    }
    s.push_str("</td></tr>\n<tr class=\"detail-row\"><td colspan=\"4\">\n<details>\n");
    writeln!(s, "<summary>{}</summary>", evidence_summary(row))?;
    claimed(s, row)?;
    warnings(s, &j.warnings)?;
    if j.evidence.is_empty() {
        s.push_str("<p class=\"none\">No passage of the corpus speaks of this event.</p>\n");
    } else {
        s.push_str("<ol class=\"evidence\">\n");
        for e in &j.evidence {
            evidence(s, outcome, e, docs)?;
        }
        s.push_str("</ol>\n");
    }
    s.push_str("</details>\n</td></tr>\n</tbody>\n");
    Ok(())
}

fn evidence_summary(row: &Row<'_>) -> String {
    let evidence = &row.result.judgement.evidence;
    let supports = evidence
        .iter()
        .filter(|e| e.relation == Relation::Supports)
        .count();
    let conflicts = evidence.len() - supports;
    let mut parts = Vec::new();
    if supports > 0 {
        parts.push(format!("{supports} supporting"));
    }
    if conflicts > 0 {
        parts.push(format!("{conflicts} conflicting"));
    }
    if parts.is_empty() {
        "Evidence: none".to_string()
    } else {
        format!("Evidence: {}", parts.join(", "))
    }
}

/// The claim as the claim file states it, to compare with the evidence below it.
fn claimed(s: &mut String, row: &Row<'_>) -> fmt::Result {
    let c = row.claim;
    let mut items: Vec<(&str, String)> = Vec::new();
    if let Some(t) = &c.text {
        items.push(("article", t.value.clone()));
    }
    if let Some(d) = &c.date {
        items.push(("date", d.value.to_string()));
    }
    if let Some(f) = &c.figure {
        items.push(("figure", f.value.to_string()));
    }
    if let Some(p) = &c.place {
        items.push(("place", p.value.clone()));
    }
    if !c.participants.is_empty() {
        let names: Vec<&str> = c.participants.iter().map(|p| p.value.as_str()).collect();
        items.push(("participants", names.join(", ")));
    }
    if let Some(q) = &c.quote {
        items.push(("quote", q.value.clone()));
    }
    if let Some(b) = &c.by {
        items.push(("by", b.value.clone()));
    }
    if let Some(r) = &c.cites {
        items.push(("cites", r.value.raw.clone()));
    }
    if let Some(e) = &c.expect {
        items.push(("expects", e.value.as_str().to_string()));
    }
    s.push_str("<dl class=\"stated\">\n");
    for (key, value) in items {
        writeln!(s, "<div><dt>{key}</dt><dd>{}</dd></div>", Esc(&value))?;
    }
    if c.date.is_some() {
        writeln!(
            s,
            "<div><dt>timeline</dt><dd><a href=\"#timeline-{}\">claimed and found dates</a></dd></div>",
            Esc(&row.anchor)
        )?;
    }
    s.push_str("</dl>\n");
    Ok(())
}

fn warnings(s: &mut String, warnings: &[String]) -> fmt::Result {
    if warnings.is_empty() {
        return Ok(());
    }
    s.push_str("<ul class=\"warnings\">\n");
    for w in warnings {
        writeln!(
            s,
            "<li><span aria-hidden=\"true\">⚠</span> <strong>caveat:</strong> {}</li>",
            Esc(w)
        )?;
    }
    s.push_str("</ul>\n");
    Ok(())
}

fn relation_name(r: Relation) -> &'static str {
    match r {
        Relation::Supports => "supports",
        Relation::Conflicts => "conflicts",
    }
}

fn relation_symbol(r: Relation) -> &'static str {
    match r {
        Relation::Supports => "✓",
        Relation::Conflicts => "✗",
    }
}

fn lang_code(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some("en"),
        Lang::Ru => Some("ru"),
        Lang::Other => None,
    }
}

fn evidence(
    s: &mut String,
    outcome: &Outcome,
    e: &Evidence,
    docs: &BTreeMap<&str, &Document>,
) -> fmt::Result {
    let (line, column) = outcome.sources.line_col(&e.value_span);
    let rel = relation_name(e.relation);
    let doc = docs.get(e.source.as_str());
    write!(
        s,
        "<li class=\"ev rel-{rel}\">\n<p class=\"ev-head\"><span class=\"rel\"><span aria-hidden=\"true\">{}</span> {rel}</span> \
         <span class=\"aspect\">{}</span> <cite>{}</cite>",
        relation_symbol(e.relation),
        Aspect::as_str(e.aspect),
        Esc(&e.source_title)
    )?;
    if let Some(meta) = doc.map(|d| &d.meta) {
        let byline = byline(meta);
        if !byline.is_empty() {
            write!(s, " <span class=\"byline\">{}</span>", Esc(&byline))?;
        }
    }
    writeln!(
        s,
        "</p>\n<p class=\"ev-meta\"><code class=\"where\">{}:{line}:{column}</code> · {} · strength {:.2}</p>",
        Esc(&e.source),
        kind_name(e.source_kind),
        e.strength
    )?;
    let lang = doc.and_then(|d| lang_code(d.meta.language));
    excerpt(s, e, lang)?;
    write!(s, "<p class=\"note\">{}", Esc(&e.note))?;
    if let Some(reading) = &e.reading {
        write!(
            s,
            " <span class=\"reading\">(read as {})</span>",
            Esc(reading)
        )?;
    }
    s.push_str("</p>\n");
    if !e.citations.is_empty() {
        s.push_str("<div class=\"citations\"><span class=\"label\">Cites</span><ul>");
        for c in &e.citations {
            write!(s, "<li>{}</li>", Esc(c))?;
        }
        s.push_str("</ul></div>\n");
    }
    s.push_str("</li>\n");
    Ok(())
}

/// The sentence with the value marked; a value that stands outside the sentence (a reference in
/// parentheses after it) is shown on its own.
fn excerpt(s: &mut String, e: &Evidence, lang: Option<&str>) -> fmt::Result {
    let lang_attr = lang.map_or(String::new(), |l| format!(" lang=\"{l}\""));
    let hint = e
        .value_span
        .bytes
        .start
        .saturating_sub(e.excerpt_span.bytes.start);
    match locate(&e.excerpt, &e.value, hint) {
        Some(found) => writeln!(
            s,
            "<blockquote class=\"excerpt\"{lang_attr}>{}<mark>{}</mark>{}</blockquote>",
            Esc(e.excerpt.get(..found.start).unwrap_or("")),
            Esc(e.excerpt.get(found.clone()).unwrap_or("")),
            Esc(e.excerpt.get(found.end..).unwrap_or(""))
        ),
        None => {
            writeln!(
                s,
                "<blockquote class=\"excerpt\"{lang_attr}>{}</blockquote>",
                Esc(&e.excerpt)
            )?;
            writeln!(
                s,
                "<p class=\"found\">found next to it:<mark{lang_attr}>{}</mark></p>",
                Esc(&e.value)
            )
        }
    }
}

/// Where `value` stands in `excerpt`: of several occurrences, the one nearest `hint` (its
/// offset in the raw file, which normalisation only shortens).
fn locate(excerpt: &str, value: &str, hint: usize) -> Option<Range<usize>> {
    if value.is_empty() {
        return None;
    }
    excerpt
        .match_indices(value)
        .map(|(i, m)| i..i + m.len())
        .min_by_key(|r| r.start.abs_diff(hint))
}

// ---------------------------------------------------------------------------------------------
// Timelines.

/// A stretch of days, both ends inclusive, on a timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Stretch {
    start: i64,
    end: i64,
}

impl Stretch {
    /// An open bound is drawn as a single day at the bound that is known.
    fn of(date: &HistDate) -> Option<Stretch> {
        let start = date.start.or(date.end)?;
        let end = date.end.or(date.start)?;
        Some(Stretch {
            start: day_number(start),
            end: day_number(end),
        })
    }
}

/// Days since 1970-01-01 of the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`).
fn day_number(d: Day) -> i64 {
    let (m, dd) = (i64::from(d.month()), i64::from(d.day()));
    let y = i64::from(d.year()) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`day_number`].
fn civil(n: i64) -> (i64, u8, u8) {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // Both fit: the formulas keep the month in 1..=12 and the day in 1..=31.
    (
        y,
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
}

/// A date the corpus gives for the claim's event.
struct Found<'a> {
    evidence: &'a Evidence,
    date: HistDate,
    stretch: Stretch,
    /// `file:line` of the value.
    place: String,
}

/// What a piece of date evidence reads as: its reading when it has one, otherwise the first
/// date in the value as written.
fn found_date(e: &Evidence) -> Option<HistDate> {
    let from_reading = e.reading.as_deref().and_then(|r| date::parse(r).ok());
    from_reading.or_else(|| date::find(&e.value).into_iter().next().map(|m| m.date))
}

fn found_dates<'a>(outcome: &Outcome, evidence: &'a [Evidence]) -> Vec<Found<'a>> {
    let mut found: Vec<Found<'a>> = evidence
        .iter()
        .filter(|e| e.aspect == Aspect::Date)
        .filter_map(|e| {
            let date = found_date(e)?;
            let stretch = Stretch::of(&date)?;
            let (line, _) = outcome.sources.line_col(&e.value_span);
            Some(Found {
                evidence: e,
                date,
                stretch,
                place: format!("{}:{line}", e.source),
            })
        })
        .collect();
    found.sort_by_key(|f| (f.stretch.start, f.stretch.end, f.evidence.relation));
    found
}

fn timelines(s: &mut String, outcome: &Outcome, rows: &[Row<'_>]) -> fmt::Result {
    let dated: Vec<&Row<'_>> = rows.iter().filter(|r| r.claim.date.is_some()).collect();
    if dated.is_empty() {
        return Ok(());
    }
    s.push_str(
        "<section id=\"timeline\" aria-labelledby=\"timeline-h\">\n<h2 id=\"timeline-h\">Timeline</h2>\n\
         <p class=\"legend\">For each dated claim: <span class=\"key key-claimed\">the claimed date</span> \
         beside <span class=\"key key-supports\"><span aria-hidden=\"true\">●</span> ✓ dates that support it</span> and \
         <span class=\"key key-conflicts\"><span aria-hidden=\"true\">×</span> ✗ dates that conflict with it</span>, \
         one line per passage. A bar is a date given as a month, a season or a year.</p>\n",
    );
    for row in dated {
        if let Some(d) = &row.claim.date {
            timeline(s, outcome, row, &d.value)?;
        }
    }
    s.push_str("</section>\n");
    Ok(())
}

const WIDTH: f64 = 880.0;
const MARGIN: f64 = 12.0;
/// The column on the left that names each line.
const LABELS: f64 = 350.0;
const CHART_LEFT: f64 = MARGIN + LABELS + 16.0;
const CHART_RIGHT: f64 = WIDTH - MARGIN;
const LANE: f64 = 22.0;
const TOP: f64 = 34.0;
/// A generous advance of one character of the 12px labels, so that labels never overflow.
const CHAR_WIDTH: f64 = 7.0;

/// The horizontal scale of one timeline: days to x.
struct Axis {
    from: i64,
    to: i64,
}

impl Axis {
    fn around(stretches: &[Stretch]) -> Axis {
        let lo = stretches.iter().map(|s| s.start).min().unwrap_or(0);
        let hi = stretches.iter().map(|s| s.end + 1).max().unwrap_or(1);
        // At least a month shown, and a margin so that nothing sits on the edge.
        let span = (hi - lo).max(30);
        let centre = (lo + hi) / 2;
        let (lo, hi) = (lo.min(centre - span / 2), hi.max(centre + span / 2));
        let pad = ((hi - lo) / 12).max(3);
        Axis {
            from: lo - pad,
            to: hi + pad,
        }
    }

    fn x(&self, day: i64) -> f64 {
        let span = (self.to - self.from).max(1) as f64;
        CHART_LEFT + (day - self.from) as f64 / span * (CHART_RIGHT - CHART_LEFT)
    }

    /// Tick days and their labels: days within a short stretch, months within a few years,
    /// otherwise years.
    fn ticks(&self) -> Vec<(i64, String)> {
        let span = self.to - self.from;
        let mut ticks = Vec::new();
        let mut last_year = None;
        for n in self.from..=self.to {
            let (y, m, d) = civil(n);
            let month = MONTHS[usize::from(m.saturating_sub(1)) % 12];
            let label = if span <= 75 {
                matches!(d, 1 | 10 | 20).then(|| {
                    if d == 1 || ticks.is_empty() {
                        format!("{d} {month} {y}")
                    } else {
                        format!("{d}")
                    }
                })
            } else if span <= 1100 {
                (d == 1 && (span <= 400 || m % 3 == 1)).then(|| {
                    if last_year != Some(y) {
                        last_year = Some(y);
                        format!("{month} {y}")
                    } else {
                        month.to_string()
                    }
                })
            } else {
                let step = year_step(span);
                (d == 1 && m == 1 && y.rem_euclid(step) == 0).then(|| y.to_string())
            };
            if let Some(label) = label {
                ticks.push((n, label));
            }
        }
        ticks
    }
}

/// Years between ticks, so that a long axis keeps about ten of them.
fn year_step(span_days: i64) -> i64 {
    let years = span_days / 365;
    [1, 2, 5, 10, 20, 50, 100, 200, 500]
        .into_iter()
        .find(|step| years / step <= 10)
        .unwrap_or(1000)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn timeline(s: &mut String, outcome: &Outcome, row: &Row<'_>, claimed: &HistDate) -> fmt::Result {
    let evidence = &row.result.judgement.evidence;
    let found = found_dates(outcome, evidence);
    let claimed_stretch = Stretch::of(claimed);
    let mut all: Vec<Stretch> = found.iter().map(|f| f.stretch).collect();
    all.extend(claimed_stretch);
    let axis = Axis::around(&all);
    let lanes = found.len().max(1);
    let axis_y = TOP + lanes as f64 * LANE + 6.0;
    let height = axis_y + 24.0;
    let anchor = Esc(&row.anchor);
    writeln!(
        s,
        "<figure class=\"timeline\" id=\"timeline-{anchor}\" data-verdict=\"{}\">\n\
         <figcaption><a href=\"#claim-{anchor}\">{}</a> {} ",
        row.verdict().as_str(),
        Esc(row.claim.id.value.as_str()),
        Esc(&row.claim.event.value),
    )?;
    badge(s, row.verdict())?;
    writeln!(
        s,
        "</figcaption>\n<svg viewBox=\"0 0 {WIDTH} {height}\" \
         role=\"img\" aria-label=\"{}\">",
        Esc(&timeline_description(claimed, &found))
    )?;
    if let Some(c) = claimed_stretch {
        claimed_band(s, &axis, c, claimed, axis_y)?;
    }
    for (i, f) in found.iter().enumerate() {
        found_mark(s, &axis, f, TOP + i as f64 * LANE + LANE / 2.0, axis_y)?;
    }
    if found.is_empty() {
        writeln!(
            s,
            "<text class=\"empty\" x=\"{MARGIN:.1}\" y=\"{:.1}\">no passage dates this event</text>",
            TOP + LANE / 2.0 + 4.0
        )?;
    }
    axis_line(s, &axis, axis_y)?;
    s.push_str("</svg>\n</figure>\n");
    Ok(())
}

/// The timeline in words, for screen readers.
fn timeline_description(claimed: &HistDate, found: &[Found<'_>]) -> String {
    let mut text = format!("claimed {claimed}");
    for f in found {
        text.push_str(&format!(
            "; {} {} in {}",
            relation_name(f.evidence.relation),
            f.date,
            f.place
        ));
    }
    if found.is_empty() {
        text.push_str("; no passage dates this event");
    }
    text
}

fn claimed_band(
    s: &mut String,
    axis: &Axis,
    c: Stretch,
    claimed: &HistDate,
    axis_y: f64,
) -> fmt::Result {
    let x0 = axis.x(c.start);
    let x1 = axis.x(c.end + 1).max(x0 + 3.0);
    let label = fit(&format!("claimed: {claimed}"), LABELS);
    writeln!(
        s,
        "<rect class=\"claimed\" x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/>\n\
         <text class=\"claimed-label\" x=\"{MARGIN:.1}\" y=\"{:.1}\">{}</text>",
        TOP - 22.0,
        x1 - x0,
        axis_y - TOP + 22.0,
        TOP - 7.0,
        Esc(&label)
    )
}

/// `text` cut to what fits in `width`, with an ellipsis where it was cut.
fn fit(text: &str, width: f64) -> String {
    let max = (width / CHAR_WIDTH).floor().max(1.0) as usize;
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn found_mark(s: &mut String, axis: &Axis, f: &Found<'_>, y: f64, axis_y: f64) -> fmt::Result {
    let rel = relation_name(f.evidence.relation);
    let x0 = axis.x(f.stretch.start);
    let x1 = axis.x(f.stretch.end + 1);
    let cx = (x0 + x1) / 2.0;
    writeln!(
        s,
        "<g class=\"found rel-{rel}\"><title>{}</title>\n\
         <line class=\"lane\" x1=\"{CHART_LEFT:.1}\" y1=\"{y:.1}\" x2=\"{CHART_RIGHT:.1}\" y2=\"{y:.1}\"/>\n\
         <line class=\"guide\" x1=\"{cx:.1}\" y1=\"{:.1}\" x2=\"{cx:.1}\" y2=\"{axis_y:.1}\"/>",
        Esc(&f.evidence.note),
        y + 6.0,
    )?;
    if f.stretch.start == f.stretch.end || x1 - x0 < 8.0 {
        match f.evidence.relation {
            // Shapes differ as well as colours: a dot supports, a cross conflicts.
            Relation::Supports => {
                writeln!(s, "<circle cx=\"{cx:.1}\" cy=\"{y:.1}\" r=\"5\"/>")?;
            }
            Relation::Conflicts => writeln!(
                s,
                "<path d=\"M{:.1} {:.1}l10 10m0 -10l-10 10\"/>",
                cx - 5.0,
                y - 5.0
            )?,
        }
    } else {
        writeln!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" rx=\"3\"/>",
            y - 5.0,
            x1 - x0
        )?;
    }
    let date = format!("{} {}", relation_symbol(f.evidence.relation), f.date);
    let room = LABELS - (date.chars().count() + 2) as f64 * CHAR_WIDTH;
    writeln!(
        s,
        "<text x=\"{MARGIN:.1}\" y=\"{:.1}\">{}<tspan class=\"place\" dx=\"10\">{}</tspan></text></g>",
        y + 4.0,
        Esc(&date),
        Esc(&fit(&f.place, room))
    )
}

fn axis_line(s: &mut String, axis: &Axis, y: f64) -> fmt::Result {
    writeln!(
        s,
        "<g class=\"axis\"><line x1=\"{CHART_LEFT:.1}\" y1=\"{y:.1}\" x2=\"{CHART_RIGHT:.1}\" y2=\"{y:.1}\"/>"
    )?;
    for (day, label) in axis.ticks() {
        let x = axis.x(day);
        writeln!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            y + 5.0,
            y + 18.0,
            Esc(&label)
        )?;
    }
    s.push_str("</g>\n");
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Sources.

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Ru => "Russian",
        Lang::Other => "other",
    }
}

fn sources(s: &mut String, outcome: &Outcome, rows: &[Row<'_>]) -> fmt::Result {
    if outcome.corpora.is_empty() {
        return Ok(());
    }
    let mut cited: BTreeMap<&str, (usize, BTreeSet<&str>)> = BTreeMap::new();
    for row in rows {
        for e in &row.result.judgement.evidence {
            let entry = cited.entry(e.source.as_str()).or_default();
            entry.0 += 1;
            entry.1.insert(row.anchor.as_str());
        }
    }
    s.push_str(
        "<section id=\"sources\" aria-labelledby=\"sources-h\">\n<h2 id=\"sources-h\">Sources</h2>\n\
         <div class=\"table-wrap\">\n<table class=\"sources\">\n\
         <thead><tr><th scope=\"col\">File</th><th scope=\"col\">Title</th><th scope=\"col\">Author, year</th>\
         <th scope=\"col\">Language</th><th scope=\"col\">Kind</th><th scope=\"col\">Evidence for</th></tr></thead>\n<tbody>\n",
    );
    for corpus in &outcome.corpora {
        for doc in &corpus.documents {
            let meta = &doc.meta;
            let lang = lang_code(meta.language).map_or(String::new(), |l| format!(" lang=\"{l}\""));
            write!(
                s,
                "<tr><th scope=\"row\"><code>{}</code></th><td{lang}>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>",
                Esc(&doc.name),
                Esc(&meta.title),
                if meta.catalogued {
                    ""
                } else {
                    " <em>(not in the catalogue)</em>"
                },
                Esc(&byline(meta)),
                lang_name(meta.language),
                kind_name(meta.kind),
            )?;
            match cited.get(doc.name.as_str()) {
                Some((n, claims)) => {
                    write!(s, "{n} piece{}: ", super::plural(*n))?;
                    for (i, c) in claims.iter().enumerate() {
                        let sep = if i > 0 { ", " } else { "" };
                        write!(s, "{sep}<a href=\"#claim-{0}\">{0}</a>", Esc(c))?;
                    }
                }
                None => s.push('—'),
            }
            s.push_str("</td></tr>\n");
        }
    }
    s.push_str("</tbody>\n</table>\n</div>\n</section>\n");
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Escaping.

/// Text made safe for HTML element content and quoted attribute values.
struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(rest.get(..i).unwrap_or(""))?;
            let entity = match rest.as_bytes().get(i) {
                Some(b'&') => "&amp;",
                Some(b'<') => "&lt;",
                Some(b'>') => "&gt;",
                Some(b'"') => "&quot;",
                _ => "&#39;",
            };
            f.write_str(entity)?;
            rest = rest.get(i + 1..).unwrap_or("");
        }
        f.write_str(rest)
    }
}

// ---------------------------------------------------------------------------------------------
// Style and script.

const STYLE: &str = r#":root {
  color-scheme: light;
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0969da;
  --supported: #1a7f37; --supported-bg: #dafbe1;
  --conflicting: #cf222e; --conflicting-bg: #ffebe9;
  --contested: #9a6700; --contested-bg: #fff8c5;
  --unsupported: #59636e; --unsupported-bg: #eaeef2;
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1.5rem 1.25rem 3rem; color: var(--fg); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2.25rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
header p { margin: .2rem 0; color: var(--muted); }
header cite { font-style: normal; font-weight: 600; color: var(--fg); }
code, .where { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .85em; }
a { color: var(--accent); }
.no-js .js-only { display: none; }
.counts { list-style: none; padding: 0; margin: 0 0 .75rem; display: flex; flex-wrap: wrap; gap: .6rem; }
.count { display: flex; flex-direction: column; min-width: 8.5rem; padding: .55rem .9rem; border: 1px solid var(--line);
  border-left-width: 5px; border-radius: 6px; text-decoration: none; color: var(--fg); background: #fff; }
a.count:hover, a.count:focus-visible { background: var(--soft); }
.count .n { font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
.count .what { color: var(--muted); font-size: .9rem; }
.count.total { border-left-color: var(--accent); }
.count.failed { border-left-color: var(--line); }
.count.failed.some { border-left-color: var(--conflicting); background: var(--conflicting-bg); }
.count.v-supported { border-left-color: var(--supported); }
.count.v-conflicting { border-left-color: var(--conflicting); }
.count.v-contested { border-left-color: var(--contested); }
.count.v-unsupported { border-left-color: var(--unsupported); }
.bar { display: flex; height: .6rem; border-radius: 3px; overflow: hidden; }
.bar .v-supported { background: var(--supported); } .bar .v-conflicting { background: var(--conflicting); }
.bar .v-contested { background: #d4a72c; } .bar .v-unsupported { background: #afb8c1; }
.badge { display: inline-block; white-space: nowrap; padding: .05rem .55rem; border-radius: 999px; font-size: .85rem;
  font-weight: 600; border: 1px solid currentColor; }
.badge.v-supported { color: var(--supported); background: var(--supported-bg); }
.badge.v-conflicting { color: var(--conflicting); background: var(--conflicting-bg); }
.badge.v-contested { color: var(--contested); background: var(--contested-bg); }
.badge.v-unsupported { color: var(--unsupported); background: var(--unsupported-bg); }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem .75rem; margin: 0 0 .75rem; }
.filters label { font-weight: 600; }
.filters select, .filters input { font: inherit; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.filters input { min-width: 16rem; }
#shown { color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding-bottom: .4rem; }
th, td { text-align: left; vertical-align: top; padding: .5rem .6rem; }
thead th { font-size: .85rem; color: var(--muted); border-bottom: 2px solid var(--line); white-space: nowrap; }
tbody.claim { border-top: 1px solid var(--line); }
.claim-row th { font-weight: 600; font-size: .92rem; word-break: break-word; }
.claim-row th a { color: var(--fg); text-decoration: none; }
.claim-row th a:hover { text-decoration: underline; }
.claim-row th a { white-space: nowrap; }
.claim-row .where, thead .where { display: block; font-weight: normal; color: var(--muted); white-space: nowrap; }
.claim-row .reason { color: var(--muted); }
.fails { color: var(--conflicting); }
.claim-row:target { background: #fff8c5; }
.detail-row td { padding-top: 0; }
details > summary { cursor: pointer; color: var(--accent); font-size: .9rem; width: max-content; max-width: 100%; }
details[open] > summary { margin-bottom: .5rem; }
details[open] { padding: 0 0 .75rem; }
.stated { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 .75rem; padding: .6rem .8rem;
  background: var(--soft); border-radius: 6px; font-size: .92rem; }
.stated div { display: contents; }
.stated dt { color: var(--muted); }
.stated dd { margin: 0; }
.warnings { padding-left: 1.2rem; color: var(--contested); }
.none { color: var(--muted); font-style: italic; }
.evidence { list-style: none; padding: 0; margin: 0; display: grid; gap: .6rem; }
.ev { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; padding: .5rem .8rem; }
.ev.rel-supports { border-left-color: var(--supported); }
.ev.rel-conflicts { border-left-color: var(--conflicting); }
.ev p { margin: .15rem 0; }
.ev-head .rel { font-weight: 700; }
.rel-supports .rel { color: var(--supported); }
.rel-conflicts .rel { color: var(--conflicting); }
.aspect { display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: 4px; background: var(--soft); border: 1px solid var(--line); }
.ev cite { font-style: normal; font-weight: 600; }
.byline, .ev-meta { color: var(--muted); font-size: .85rem; }
.excerpt { margin: .4rem 0; padding: .3rem .8rem; border-left: 3px solid var(--line); font-family: Georgia, "DejaVu Serif", "Liberation Serif", serif; }
mark { background: #fff1a8; color: inherit; padding: 0 .1em; border-radius: 2px; box-shadow: 0 0 0 1px #d4a72c inset; }
.found mark { margin-left: .4em; }
.note { font-size: .92rem; }
.reading { color: var(--muted); }
.citations { font-size: .85rem; color: var(--muted); display: flex; gap: .5rem; }
.citations .label { font-weight: 600; }
.citations ul { margin: 0; padding: 0; list-style: none; }
.diagnostics .sev-error strong { color: var(--conflicting); }
.diagnostics .sev-warning strong { color: var(--contested); }
.help { color: var(--muted); }
.legend { color: var(--muted); }
.key { white-space: nowrap; padding: 0 .35rem; border-radius: 4px; }
.key-claimed { background: rgba(9, 105, 218, .15); color: var(--accent); }
.key-supports { color: var(--supported); font-weight: 600; }
.key-conflicts { color: var(--conflicting); font-weight: 600; }
.timeline { margin: 0 0 1.25rem; padding: .6rem .8rem; border: 1px solid var(--line); border-radius: 6px; }
.timeline figcaption { font-size: .92rem; margin-bottom: .25rem; }
.timeline figcaption a { font-weight: 600; margin-right: .35rem; }
.timeline figcaption .badge { margin-left: .35rem; font-size: .75rem; }
.timeline svg { display: block; width: 100%; height: auto; font-size: 12px; font-family: inherit; }
.timeline text { fill: var(--fg); white-space: pre; }
.timeline .claimed { fill: rgba(9, 105, 218, .13); stroke: var(--accent); stroke-width: 1; }
.timeline .claimed-label { fill: var(--accent); font-weight: 600; }
.timeline .rel-supports { fill: var(--supported); stroke: var(--supported); }
.timeline .rel-conflicts { fill: var(--conflicting); stroke: var(--conflicting); }
.timeline .found text { stroke: none; font-weight: 600; }
.timeline .found .place { fill: var(--muted); font-weight: normal; }
.timeline .found .lane { stroke: var(--line); stroke-width: 1; opacity: .7; }
.timeline .rel-supports text { fill: var(--supported); }
.timeline .rel-conflicts text { fill: var(--conflicting); }
.timeline .found .guide { stroke-width: 1; stroke-dasharray: 2 3; opacity: .6; }
.timeline .found path { stroke-width: 2.5; fill: none; }
.timeline .axis line { stroke: var(--muted); }
.timeline .axis text { fill: var(--muted); font-size: 11px; }
.timeline .empty { fill: var(--muted); font-style: italic; }
.sources td, .sources th { border-top: 1px solid var(--line); font-size: .9rem; }
.sources tbody th { font-weight: normal; white-space: nowrap; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .75rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .filters, .bar { display: none; }
  a { color: inherit; text-decoration: none; }
  .badge, .count, mark, .timeline svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .ev, .timeline { break-inside: avoid; }
}
"#;

const SCRIPT: &str = r##"(function () {
  "use strict";
  document.documentElement.classList.remove("no-js");
  var select = document.getElementById("verdict-filter");
  var search = document.getElementById("claim-search");
  var shown = document.getElementById("shown");
  if (!select || !search) { return; }
  var claims = Array.prototype.slice.call(document.querySelectorAll("tbody.claim"));
  var figures = Array.prototype.slice.call(document.querySelectorAll("figure.timeline"));
  function known(v) {
    return Array.prototype.some.call(select.options, function (o) { return o.value === v; });
  }
  function fromHash() {
    var m = /(?:^#|&)verdict=([a-z]+)/.exec(location.hash);
    if (m && known(m[1])) { select.value = m[1]; }
  }
  function apply() {
    var verdict = select.value;
    var text = search.value.trim().toLowerCase();
    var visible = {};
    var n = 0;
    claims.forEach(function (c) {
      var ok = (verdict === "all" || c.dataset.verdict === verdict) &&
        (text === "" || c.dataset.search.indexOf(text) !== -1);
      c.hidden = !ok;
      if (ok) { n += 1; visible[c.querySelector(".claim-row").id.slice(6)] = true; }
    });
    figures.forEach(function (f) { f.hidden = !visible[f.id.slice(9)]; });
    shown.textContent = n + " of " + claims.length + " claims shown";
  }
  function remember() {
    var hash = select.value === "all" ? "" : "#verdict=" + select.value;
    try {
      history.replaceState(null, "", location.pathname + location.search + hash);
    } catch (e) {
      if (hash) { location.hash = hash; }
    }
  }
  select.addEventListener("change", function () { remember(); apply(); });
  search.addEventListener("input", apply);
  window.addEventListener("hashchange", function () { fromHash(); apply(); });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true; return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  fromHash();
  apply();
})();
"##;

/// A source's author and year of publication, as far as the catalogue gives them.
fn byline(meta: &crate::corpus::SourceMeta) -> String {
    let parts: Vec<String> = meta
        .author
        .iter()
        .cloned()
        .chain(meta.year.map(|y| y.to_string()))
        .collect();
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_escape(input: &str, expect: &str) {
        assert_eq!(Esc(input).to_string(), expect, "escaping {input:?}");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        check_escape("plain", "plain");
        check_escape("a < b & c > d", "a &lt; b &amp; c &gt; d");
        check_escape(r#"say "hi" it's"#, "say &quot;hi&quot; it&#39;s");
        check_escape("«Саннаго» &amp;", "«Саннаго» &amp;amp;");
        check_escape("<script>", "&lt;script&gt;");
        check_escape("", "");
    }

    fn check_locate(excerpt: &str, value: &str, hint: usize, expect: Option<&str>) {
        let found = locate(excerpt, value, hint);
        let prefix = found.map(|r| excerpt.get(..r.start).unwrap_or("?"));
        assert_eq!(prefix, expect, "{value:?} in {excerpt:?} near {hint}");
    }

    #[test]
    fn locates_the_value_nearest_its_raw_offset() {
        check_locate("in 1921 and 1921", "1921", 0, Some("in "));
        check_locate("in 1921 and 1921", "1921", 14, Some("in 1921 and "));
        check_locate("26 ноября 1921 г.", "ноября", 99, Some("26 "));
        check_locate("no value here", "1921", 0, None);
        check_locate("anything", "", 0, None);
    }

    #[test]
    fn day_numbers_round_trip() {
        for (y, m, d, n) in [
            (1970, 1, 1, 0),
            (1921, 3, 16, -17_823),
            (1920, 2, 29, -18_204),
            (2000, 12, 31, 11_322),
        ] {
            let day = Day::new(y, m, d).expect("a real day");
            assert_eq!(day_number(day), n, "{y}-{m}-{d}");
            assert_eq!(civil(n), (i64::from(y), m, d), "{n}");
        }
    }

    fn check_ticks(from: &str, to: &str, expect_first: &[&str]) {
        let day = |s: &str| {
            let d = date::parse(s).expect("a date");
            day_number(d.start.expect("closed"))
        };
        let axis = Axis {
            from: day(from),
            to: day(to),
        };
        let labels: Vec<String> = axis.ticks().into_iter().map(|(_, l)| l).collect();
        let first: Vec<&str> = labels
            .iter()
            .map(String::as_str)
            .take(expect_first.len())
            .collect();
        assert_eq!(first, expect_first, "{from} to {to}");
    }

    #[test]
    fn ticks_follow_the_span() {
        check_ticks(
            "5 March 1921",
            "30 April 1921",
            &["10 Mar 1921", "20", "1 Apr 1921"],
        );
        check_ticks(
            "15 November 1920",
            "1 August 1921",
            &["Dec 1920", "Jan 1921", "Feb"],
        );
        check_ticks("1 June 1918", "1 June 1925", &["1919", "1920"]);
        check_ticks("1 June 1905", "1 June 1935", &["1910", "1915", "1920"]);
        check_ticks("1 June 1100", "1 June 2000", &["1200", "1300"]);
    }

    fn check_fit(text: &str, width: f64, expect: &str) {
        assert_eq!(fit(text, width), expect, "{text:?} in {width}px");
    }

    #[test]
    fn labels_are_cut_to_their_column() {
        check_fit("short", LABELS, "short");
        check_fit(
            "004_943bfa2c0ced0905.txt:384",
            10.0 * CHAR_WIDTH,
            "004_943bf…",
        );
        check_fit("ноябрь", 3.0 * CHAR_WIDTH, "но…");
        check_fit("xy", 0.0, "…");
    }
}
