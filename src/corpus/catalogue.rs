//! The catalogue `sources.yaml`: what each corpus file is.
//!
//! ```yaml
//! sources:
//!   003_d4552392e3ab586f.txt:
//!     title: Circumstances of the conclusion of the Soviet-Turkish treaty 1921 of the year
//!     author: …            # optional
//!     year: 2016           # of publication, optional
//!     language: en         # en | ru | any other code; detected when absent
//!     kind: scholarship    # primary-document | translation | scholarship | journalism |
//!                          # reader-comments
//!     sections:            # optional: parts of another kind
//!       - starts: 11 comments   # the section starts at the line beginning with this text
//!         kind: reader-comments
//! ```
//!
//! A catalogue that cannot be read is reported and ignored; an entry with an unknown kind is
//! reported and keeps the default kind.

use std::collections::HashMap;
use std::ops::Range;

use marked_yaml::Spanned;

use super::{Lang, Section, SourceKind};
use crate::diagnostic::{Diagnostic, Label};
use crate::source::{SourceFile, SourceId, SourceMap, Span};

/// The kind of a document whose catalogue entry does not say.
pub(crate) const DEFAULT_KIND: SourceKind = SourceKind::Scholarship;

const KINDS: &str = "primary-document, translation, scholarship, journalism, reader-comments";

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    #[serde(default)]
    sources: HashMap<Spanned<String>, Entry>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    title: Option<String>,
    author: Option<String>,
    year: Option<i32>,
    language: Option<String>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    sections: Vec<SectionEntry>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionEntry {
    starts: Spanned<String>,
    kind: Spanned<String>,
}

/// One file's entry, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CatalogueEntry {
    /// The file's path relative to the corpus folder, `/`-separated.
    pub(crate) file: String,
    /// Where the entry's key stands in the catalogue.
    pub(crate) span: Span,
    pub(crate) title: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) year: Option<i32>,
    /// `None`: detect it.
    pub(crate) language: Option<Lang>,
    pub(crate) kind: SourceKind,
    pub(crate) sections: Vec<(Section, Span)>,
}

/// Parse a catalogue registered as `id`. Problems become warnings in `diags`; `None` when the
/// catalogue cannot be read at all.
pub(crate) fn parse(
    sources: &SourceMap,
    id: SourceId,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<CatalogueEntry>> {
    let file = sources.get(id);
    let parsed: CatalogueFile = match marked_yaml::from_yaml(id.0 as usize, &file.text) {
        Ok(parsed) => parsed,
        Err(err) => {
            let at = error_offset(file, &err);
            diags.push(
                Diagnostic::warning(
                    "attest::corpus::catalogue",
                    format!("cannot read the catalogue `{}`", file.name),
                )
                .with_label(Label::new(
                    Span::new(id, file.clamp(at..at + 1)),
                    lowercase_first(&err.to_string()),
                ))
                .with_help("the corpus is loaded without it; see the catalogue format in the docs"),
            );
            return None;
        }
    };
    let mut pairs: Vec<(Spanned<String>, Entry)> = parsed.sources.into_iter().collect();
    pairs.sort_by_key(|(key, _)| key.span().start().map_or(0, |m| m.character()));
    Some(
        pairs
            .into_iter()
            .map(|(key, entry)| check_entry(file, id, key, entry, diags))
            .collect(),
    )
}

fn check_entry(
    file: &SourceFile,
    id: SourceId,
    key: Spanned<String>,
    entry: Entry,
    diags: &mut Vec<Diagnostic>,
) -> CatalogueEntry {
    let span = spanned_span(file, id, &key);
    let kind = match &entry.kind {
        Some(k) => kind_or_warn(file, id, k, diags).unwrap_or(DEFAULT_KIND),
        None => {
            diags.push(
                Diagnostic::warning(
                    "attest::corpus::catalogue_kind",
                    format!("`{}` has no `kind`", key.as_str()),
                )
                .with_label(Label::bare(span.clone()))
                .with_help(format!("add `kind:`, one of {KINDS}")),
            );
            DEFAULT_KIND
        }
    };
    let sections = entry
        .sections
        .iter()
        .filter_map(|s| {
            let kind = kind_or_warn(file, id, &s.kind, diags)?;
            let section = Section {
                starts: s.starts.as_str().to_string(),
                kind,
            };
            Some((section, spanned_span(file, id, &s.starts)))
        })
        .collect();
    CatalogueEntry {
        file: key.as_str().trim_start_matches("./").replace('\\', "/"),
        span,
        title: entry.title,
        author: entry.author,
        year: entry.year,
        language: entry.language.as_deref().and_then(parse_lang),
        kind,
        sections,
    }
}

fn kind_or_warn(
    file: &SourceFile,
    id: SourceId,
    kind: &Spanned<String>,
    diags: &mut Vec<Diagnostic>,
) -> Option<SourceKind> {
    let parsed = parse_kind(kind.as_str());
    if parsed.is_none() {
        diags.push(
            Diagnostic::warning(
                "attest::corpus::catalogue_kind",
                format!("unknown source kind `{}`", kind.as_str()),
            )
            .with_label(Label::new(
                spanned_span(file, id, kind),
                "not a source kind",
            ))
            .with_help(format!("use one of {KINDS}")),
        );
    }
    parsed
}

pub(crate) fn parse_kind(s: &str) -> Option<SourceKind> {
    match s.trim().to_lowercase().replace(['_', ' '], "-").as_str() {
        "primary-document" | "primary" => Some(SourceKind::PrimaryDocument),
        "translation" => Some(SourceKind::Translation),
        "scholarship" => Some(SourceKind::Scholarship),
        "journalism" => Some(SourceKind::Journalism),
        "reader-comments" | "comments" => Some(SourceKind::ReaderComments),
        _ => None,
    }
}

/// `en`/`ru` (or their long names); any other code is another language; empty means detect.
fn parse_lang(s: &str) -> Option<Lang> {
    match s.trim().to_lowercase().as_str() {
        "" => None,
        "en" | "eng" | "english" => Some(Lang::En),
        "ru" | "rus" | "russian" => Some(Lang::Ru),
        _ => Some(Lang::Other),
    }
}

/// The byte range of a scalar in the catalogue: from its marker, as long as its value.
fn spanned_span(file: &SourceFile, id: SourceId, value: &Spanned<String>) -> Span {
    let start = value
        .span()
        .start()
        .map_or(0, |m| file.char_to_byte(m.character()));
    let range: Range<usize> = start..start + value.as_str().len().max(1);
    Span::new(id, file.clamp(range))
}

fn error_offset(file: &SourceFile, err: &marked_yaml::FromYamlError) -> usize {
    use marked_yaml::LoadError;
    let marker = match err {
        marked_yaml::FromYamlError::ParseYaml(e) => match e {
            LoadError::TopLevelMustBeMapping(m)
            | LoadError::TopLevelMustBeSequence(m)
            | LoadError::UnexpectedAnchor(m)
            | LoadError::MappingKeyMustBeScalar(m)
            | LoadError::UnexpectedTag(m)
            | LoadError::ScanError(m, _) => Some(*m),
            LoadError::DuplicateKey(d) => d.key.span().start().copied(),
        },
        marked_yaml::FromYamlError::FromNode(e) => e.start_mark(),
    };
    if let Some(m) = marker {
        return file.char_to_byte(m.character());
    }
    // Unknown fields come without a position: find the key in the text.
    match err {
        marked_yaml::FromYamlError::FromNode(e) => match &**e {
            marked_yaml::Error::UnknownFieldError(field, _, _) => find_key(&file.text, field),
            _ => None,
        },
        marked_yaml::FromYamlError::ParseYaml(_) => None,
    }
    .unwrap_or(0)
}

/// Offset of the first `key:` that starts a line (after indentation or a `- `).
fn find_key(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '-']);
        if body
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
        {
            return Some(offset + line.len() - body.len());
        }
        offset += line.len();
    }
    None
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Option<Vec<CatalogueEntry>>, Vec<Diagnostic>, SourceMap) {
        let mut map = SourceMap::default();
        let id = map.add(SourceFile::new("sources.yaml", text));
        let mut diags = Vec::new();
        let entries = parse(&map, id, &mut diags);
        (entries, diags, map)
    }

    #[test]
    fn good_catalogue() {
        let (entries, diags, _) = parse_text(
            "sources:\n  a.txt:\n    title: A\n    author: B\n    year: 1921\n    language: ru\n    \
             kind: primary-document\n  b/c.md:\n    title: C\n    language: tr\n    kind: \
             journalism\n    sections:\n      - starts: \"11 comments\"\n        kind: \
             reader-comments\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let entries = entries.unwrap_or_default();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].file, "a.txt");
        assert_eq!(entries[0].year, Some(1921));
        assert_eq!(entries[0].language, Some(Lang::Ru));
        assert_eq!(entries[0].kind, SourceKind::PrimaryDocument);
        assert_eq!(entries[1].file, "b/c.md");
        assert_eq!(entries[1].language, Some(Lang::Other));
        assert_eq!(entries[1].sections.len(), 1);
        assert_eq!(entries[1].sections[0].0.starts, "11 comments");
        assert_eq!(entries[1].sections[0].0.kind, SourceKind::ReaderComments);
    }

    #[test]
    fn malformed_catalogue_is_a_located_warning() {
        let (entries, diags, map) = parse_text("sources:\n  a.txt:\n    title: [unclosed\n");
        assert!(entries.is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "attest::corpus::catalogue");
        let label = diags[0].primary.as_ref().map(|l| l.span.clone());
        let line = label.map(|s| map.line_col(&s).0);
        assert!(line.is_some_and(|l| l >= 3), "{line:?}");
    }

    #[test]
    fn unknown_field_is_a_located_warning() {
        let (entries, diags, map) = parse_text("sources:\n  a.txt:\n    titel: A\n");
        assert!(entries.is_none());
        let span = diags[0].primary.as_ref().map(|l| l.span.clone());
        assert_eq!(span.map(|s| map.line_col(&s)), Some((3, 5)));
    }

    #[test]
    fn unknown_or_missing_kind_warns_and_defaults() {
        let (entries, diags, map) =
            parse_text("sources:\n  a.txt:\n    kind: memoir\n  b.txt:\n    title: B\n");
        let entries = entries.unwrap_or_default();
        assert_eq!(entries.len(), 2);
        assert!(entries.iter().all(|e| e.kind == DEFAULT_KIND));
        assert_eq!(diags.len(), 2);
        assert!(
            diags
                .iter()
                .all(|d| d.code == "attest::corpus::catalogue_kind")
        );
        let first = diags[0].primary.as_ref().map(|l| map.line_col(&l.span));
        assert_eq!(first, Some((3, 11)));
    }

    #[test]
    fn kinds_and_languages() {
        let check = |s: &str, expect: Option<SourceKind>| assert_eq!(parse_kind(s), expect);
        check("primary-document", Some(SourceKind::PrimaryDocument));
        check("Reader_Comments", Some(SourceKind::ReaderComments));
        check("scholarship", Some(SourceKind::Scholarship));
        check("novel", None);
        assert_eq!(parse_lang("EN"), Some(Lang::En));
        assert_eq!(parse_lang("ru"), Some(Lang::Ru));
        assert_eq!(parse_lang(""), None);
    }
}
