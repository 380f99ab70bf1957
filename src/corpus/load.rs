//! Reading a corpus folder: the walk, decoding, the catalogue, and the warnings for files that
//! cannot be used.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::catalogue::{self, CatalogueEntry};
use super::{Corpus, CorpusError, DocId, Document, Section, SourceMeta, detect_language};
use crate::diagnostic::{Diagnostic, Label};
use crate::source::{SourceFile, SourceId, SourceMap, Span};

const CATALOGUE: &str = "sources.yaml";

pub(super) fn load(
    dir: &Path,
    sources: &mut SourceMap,
) -> Result<(Corpus, Vec<Diagnostic>), CorpusError> {
    if !dir.is_dir() {
        return Err(CorpusError::Missing(dir.to_path_buf()));
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    files.sort();
    let mut diags = Vec::new();
    let entries = read_catalogue(dir, sources, &mut diags).unwrap_or_default();
    let mut used: HashSet<usize> = HashSet::new();
    let mut documents = Vec::new();
    for (name, path) in files {
        let Some(text) = read_text(&name, &path, &mut diags) else {
            continue;
        };
        let raw: Arc<str> = Arc::from(text);
        let source = sources.add(SourceFile::new(name.clone(), raw.clone()));
        let entry = entries.iter().position(|e| e.file == name);
        used.extend(entry);
        let entry = entry.and_then(|i| entries.get(i));
        let meta = match entry {
            Some(e) => meta_from_entry(e, &name, &raw),
            None => {
                diags.push(uncatalogued(sources, source, &name));
                SourceMeta::detected(&name, &raw)
            }
        };
        let sections: Vec<Section> = entry
            .map(|e| e.sections.iter().map(|(s, _)| s.clone()).collect())
            .unwrap_or_default();
        let id = DocId(u32::try_from(documents.len()).unwrap_or(u32::MAX));
        let (doc, unmatched) = Document::build(id, name.clone(), source, raw, meta, &sections);
        if let Some(e) = entry {
            for u in unmatched {
                if let Some((section, span)) = e.sections.get(u) {
                    diags.push(section_not_found(&name, section, span));
                }
            }
        }
        documents.push(doc);
    }
    for (i, e) in entries.iter().enumerate() {
        if !used.contains(&i) {
            diags.push(
                Diagnostic::warning(
                    "attest::corpus::catalogue_unknown_file",
                    format!(
                        "the catalogue lists `{}`, which is not a usable corpus file",
                        e.file
                    ),
                )
                .with_label(Label::new(e.span.clone(), "no such .txt or .md file"))
                .with_help("check the file name, relative to the corpus folder"),
            );
        }
    }
    if documents.is_empty() {
        return Err(CorpusError::Empty(dir.to_path_buf()));
    }
    let corpus = Corpus {
        root: dir.to_path_buf(),
        documents,
    };
    Ok((corpus, diags))
}

/// Collect `(name relative to root with / separators, path)` of every source file, skipping
/// hidden entries and not following symlinked folders (which could loop).
fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<(), CorpusError> {
    let io = |source| CorpusError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk(root, &path, out)?;
        } else if is_source(&path) && fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            out.push((relative_name(root, &path), path));
        }
    }
    Ok(())
}

fn is_source(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The file as UTF-8 text without a BOM, or a warning saying why it cannot be used.
fn read_text(name: &str, path: &Path, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            diags.push(Diagnostic::warning(
                "attest::corpus::unreadable",
                format!("cannot read `{name}`, skipped: {err}"),
            ));
            return None;
        }
    };
    match decode(bytes) {
        Ok(text) => Some(text),
        Err(problem) => {
            diags.push(problem.diagnostic(name));
            None
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Undecodable {
    Binary,
    NotUtf8 { at: usize },
}

impl Undecodable {
    fn diagnostic(&self, name: &str) -> Diagnostic {
        match self {
            Undecodable::Binary => Diagnostic::warning(
                "attest::corpus::binary",
                format!("`{name}` is a binary file (it holds a NUL byte), skipped"),
            )
            .with_help("a corpus source must be a text file"),
            Undecodable::NotUtf8 { at } => Diagnostic::warning(
                "attest::corpus::not_utf8",
                format!("`{name}` is not UTF-8 (invalid byte at offset {at}), skipped"),
            )
            .with_help("convert it to UTF-8, e.g. `iconv -f cp1251 -t utf-8`"),
        }
    }
}

fn decode(mut bytes: Vec<u8>) -> Result<String, Undecodable> {
    if bytes.contains(&0) {
        return Err(Undecodable::Binary);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| Undecodable::NotUtf8 {
        at: e.utf8_error().valid_up_to(),
    })
}

fn read_catalogue(
    dir: &Path,
    sources: &mut SourceMap,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<CatalogueEntry>> {
    let path = dir.join(CATALOGUE);
    if !path.is_file() {
        return None;
    }
    let text = match fs::read(&path).map(decode) {
        Ok(Ok(text)) => text,
        Ok(Err(problem)) => {
            diags.push(problem.diagnostic(CATALOGUE));
            return None;
        }
        Err(err) => {
            diags.push(Diagnostic::warning(
                "attest::corpus::catalogue",
                format!("cannot read the catalogue `{CATALOGUE}`: {err}"),
            ));
            return None;
        }
    };
    let id = sources.add(SourceFile::new(CATALOGUE, text));
    catalogue::parse(sources, id, diags)
}

fn meta_from_entry(entry: &CatalogueEntry, name: &str, raw: &str) -> SourceMeta {
    SourceMeta {
        title: entry.title.clone().unwrap_or_else(|| name.to_string()),
        author: entry.author.clone(),
        year: entry.year,
        language: entry.language.unwrap_or_else(|| detect_language(raw)),
        kind: entry.kind,
        catalogued: true,
    }
}

fn uncatalogued(sources: &SourceMap, source: SourceId, name: &str) -> Diagnostic {
    let file = sources.get(source);
    let first_line = file.clamp(file.line_range(1));
    Diagnostic::warning(
        "attest::corpus::uncatalogued",
        format!("`{name}` is not in the catalogue; its language was detected"),
    )
    .with_label(Label::bare(Span::new(source, first_line)))
    .with_help(format!(
        "add it to {CATALOGUE} with its title, author, year, language and kind"
    ))
}

fn section_not_found(name: &str, section: &Section, span: &Span) -> Diagnostic {
    Diagnostic::warning(
        "attest::corpus::section_not_found",
        format!("no line of `{name}` starts with `{}`", section.starts),
    )
    .with_label(Label::new(span.clone(), "section start not found"))
    .with_help("the text must match the start of a line exactly, after leading blanks")
}

#[cfg(test)]
mod tests {
    use super::super::{Lang, SourceKind};
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A temporary folder removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(files: &[(&str, &[u8])]) -> TempDir {
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let dir =
                std::env::temp_dir().join(format!("attest-corpus-test-{}-{n}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            let made = fs::create_dir_all(&dir);
            assert!(made.is_ok(), "{made:?}");
            for (name, bytes) in files {
                let path = dir.join(name);
                if let Some(parent) = path.parent() {
                    let _ = fs::create_dir_all(parent);
                }
                let written = fs::write(&path, bytes);
                assert!(written.is_ok(), "{written:?}");
            }
            TempDir(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
        diags.iter().map(|d| d.code).collect()
    }

    #[test]
    fn catalogued_and_uncatalogued_files() {
        let dir = TempDir::new(&[
            (
                "sources.yaml",
                b"sources:\n  a.txt:\n    title: A title\n    year: 1921\n    language: en\n    \
                  kind: primary-document\n    sections:\n      - starts: Comments\n        kind: \
                  reader-comments\n  gone.txt:\n    kind: journalism\n",
            ),
            ("a.txt", b"Report text.\n\nComments\n\nNice one.\n"),
            ("sub/b.md", "Русский текст о договоре.".as_bytes()),
            ("c.csv", b"not a source"),
        ]);
        let mut map = SourceMap::default();
        let loaded = load(&dir.0, &mut map);
        let Ok((corpus, diags)) = loaded else {
            panic!("load failed: {loaded:?}");
        };
        let names: Vec<&str> = corpus.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "sub/b.md"]);
        let a = &corpus.documents[0];
        assert_eq!(a.meta.title, "A title");
        assert_eq!(a.meta.year, Some(1921));
        assert_eq!(a.meta.kind, SourceKind::PrimaryDocument);
        assert!(a.meta.catalogued);
        let kinds: Vec<SourceKind> = a.passages.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                SourceKind::PrimaryDocument,
                SourceKind::ReaderComments,
                SourceKind::ReaderComments
            ]
        );
        let b = &corpus.documents[1];
        assert!(!b.meta.catalogued);
        assert_eq!(b.meta.language, Lang::Ru);
        assert_eq!(map.name(b.source), "sub/b.md");
        assert_eq!(
            codes(&diags),
            [
                "attest::corpus::uncatalogued",
                "attest::corpus::catalogue_unknown_file"
            ]
        );
        assert!(
            diags[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("sources.yaml"))
        );
    }

    #[test]
    fn malformed_catalogue_is_a_warning_and_loading_goes_on() {
        let dir = TempDir::new(&[
            ("sources.yaml", b"sources: [\n  nope: {\n"),
            ("a.txt", b"Some English text."),
        ]);
        let mut map = SourceMap::default();
        let loaded = load(&dir.0, &mut map);
        let Ok((corpus, diags)) = loaded else {
            panic!("load failed: {loaded:?}");
        };
        assert_eq!(corpus.documents.len(), 1);
        assert_eq!(corpus.documents[0].meta.language, Lang::En);
        assert_eq!(
            codes(&diags),
            ["attest::corpus::catalogue", "attest::corpus::uncatalogued"]
        );
        assert!(diags[0].primary.is_some());
    }

    #[test]
    fn unusable_files_are_skipped_with_warnings() {
        let dir = TempDir::new(&[
            ("bin.txt", b"text\0more"),
            ("cp1251.txt", b"\xcf\xf0\xe8\xe2\xe5\xf2"),
            ("ok.txt", b"\xEF\xBB\xBFFirst line\r\nsecond line\r\n"),
        ]);
        let mut map = SourceMap::default();
        let loaded = load(&dir.0, &mut map);
        let Ok((corpus, diags)) = loaded else {
            panic!("load failed: {loaded:?}");
        };
        assert_eq!(corpus.documents.len(), 1);
        let ok = &corpus.documents[0];
        assert_eq!(ok.text, "First line second line");
        assert_eq!(&*map.get(ok.source).text, "First line\r\nsecond line\r\n");
        assert_eq!(
            codes(&diags),
            [
                "attest::corpus::binary",
                "attest::corpus::not_utf8",
                "attest::corpus::uncatalogued"
            ]
        );
        assert!(diags[0].message.contains("bin.txt"));
        assert!(diags[1].message.contains("cp1251.txt"));
    }

    #[test]
    fn empty_or_missing_folders_are_errors() {
        let dir = TempDir::new(&[("notes.csv", b"x"), ("bad.txt", b"\xff")]);
        let mut map = SourceMap::default();
        assert!(matches!(load(&dir.0, &mut map), Err(CorpusError::Empty(_))));
        let missing = dir.0.join("nowhere");
        assert!(matches!(
            load(&missing, &mut map),
            Err(CorpusError::Missing(_))
        ));
    }

    #[test]
    fn decoding() {
        assert_eq!(decode(b"\xEF\xBB\xBFx".to_vec()), Ok("x".to_string()));
        assert_eq!(decode(b"a\0".to_vec()), Err(Undecodable::Binary));
        assert_eq!(
            decode(b"ab\xff".to_vec()),
            Err(Undecodable::NotUtf8 { at: 2 })
        );
    }

    fn seeds() -> (Corpus, Vec<Diagnostic>) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut map = SourceMap::default();
        let loaded = load(&dir, &mut map);
        let Ok(loaded) = loaded else {
            panic!("seeds failed to load: {loaded:?}");
        };
        loaded
    }

    #[test]
    fn the_seeds_load_catalogued() {
        let (corpus, diags) = seeds();
        assert!(diags.is_empty(), "{diags:#?}");
        assert_eq!(corpus.documents.len(), 5);
        let langs: Vec<Lang> = corpus.documents.iter().map(|d| d.meta.language).collect();
        assert_eq!(langs, [Lang::Ru, Lang::En, Lang::En, Lang::En, Lang::Ru]);
        assert!(corpus.documents.iter().all(|d| d.meta.catalogued));
        assert_eq!(corpus.documents[1].meta.kind, SourceKind::Translation);
    }

    #[test]
    fn seed_003_comments_are_reader_comment_passages() {
        let (corpus, _) = seeds();
        let d = &corpus.documents[3];
        let comments: Vec<&str> = d
            .passages
            .iter()
            .filter(|p| p.kind == SourceKind::ReaderComments)
            .map(|p| d.slice(p.bytes.clone()))
            .collect();
        assert_eq!(comments.first(), Some(&"11 comments"));
        assert!(
            comments
                .iter()
                .any(|c| c.starts_with("Useful article to refresh"))
        );
        let article = d
            .passages
            .iter()
            .filter(|p| p.kind != SourceKind::ReaderComments)
            .count();
        assert!(article > 10);
        // Every [n] marker of the article resolves to its note.
        let resolved = d
            .citations
            .iter()
            .filter(|c| !c.is_inline() && c.note != c.at)
            .count();
        assert!(resolved >= 15, "{resolved}");
        let krasin = d.citations.iter().find(|c| {
            d.slice(c.note.clone())
                .starts_with("At that time, the Plenipotentiary")
        });
        assert!(
            krasin.is_some_and(|c| d.slice(c.covers.clone()).ends_with("letter of L.B. Krasin"))
        );
    }

    #[test]
    fn seed_004_is_normalised() {
        let (corpus, _) = seeds();
        let d = &corpus.documents[4];
        assert!(d.text.contains("40 пулеметов"));
        assert!(d.text.contains("около 80 миллионов турецких лир"));
        assert!(
            d.text
                .contains("национально-освободительному движению Турции огромную")
        );
        assert!(
            d.text
                .contains("силы для борьбы на западе. В 1920 г. в Анкаре")
                || d.text
                    .contains("силы для борьбы на западе.\nВ 1920 г. в Анкаре")
        );
        let numbers: Vec<&str> = d
            .citations
            .iter()
            .map(|c| c.reference.raw.as_str())
            .take(5)
            .collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5"]);
        assert!(!d.text.contains("западе1"));
        assert!(d.text.contains("Потребовались"));
    }

    #[test]
    fn seed_000_keeps_references_and_paragraphs() {
        let (corpus, _) = seeds();
        let d = &corpus.documents[0];
        assert!(d.text.contains("Турецко-Азербайджано"));
        let spans: Vec<&str> = d.reference_spans().map(|r| d.slice(r)).collect();
        assert!(
            spans
                .iter()
                .any(|s| s.starts_with("(Письмо Б.Леграна Г.Орджоникидзе. 29.06.1921//"))
        );
        assert!(spans.iter().any(|s| s.contains("С.176-177)")));
        let paragraph_ends: Vec<&str> = d
            .passages
            .iter()
            .map(|p| d.slice(p.bytes.clone()))
            .collect();
        assert!(paragraph_ends.iter().any(|p| p.ends_with("С.176-177).")));
        assert!(
            paragraph_ends
                .iter()
                .any(|p| p.starts_with("Еще во время переговоров"))
        );
        assert!(paragraph_ends.len() > 5 && paragraph_ends.len() < 60);
    }

    /// The paragraphs of seed 000 (double-spaced, hard-wrapped), as decided by hand from the
    /// raw file: a paragraph ends on a line that ends a sentence and leaves room for the next
    /// word; full lines ending in a period and the indents left by page breaks do not end one.
    #[test]
    fn seed_000_paragraphs_are_the_typographic_ones() {
        let (corpus, _) = seeds();
        let d = &corpus.documents[0];
        let starts: Vec<String> = d
            .passages
            .iter()
            .map(|p| d.slice(p.bytes.clone()).chars().take(24).collect())
            .collect();
        assert_eq!(
            starts,
            [
                "После апрельских перегов",
                "Еще во время переговоров",
                "В связи с предстоящей ко",
                "Действовавшие в российск",
                "Как было выше отмечено, ",
                "Наркоминдел РСФСР Г.Чиче",
                "За день до того, как Б.Ш",
                "Турки были осведомлены о",
                "Руководство Советской Ро",
                "В результате активной ди",
                "(Продолжение следует)",
            ]
        );
    }

    /// Every year or century abbreviation after a number in seeds 000 and 004, with whether a
    /// sentence ends after it (within its paragraph), decided by hand.
    #[test]
    fn seed_dates_end_sentences_as_decided_by_hand() {
        const HAND: &[(usize, &str, bool)] = &[
            (0, "марта 1921 г.", false),
            (4, "апреле 1920 г.", false),
            (4, "В 1920 г.", false),
            (4, "в 1919 г.", false),
            (4, "апреля 1920 г.", false),
            (4, "июле 1920 г.", false),
            (4, "ноября 1920 г.", false),
            (4, "декабре 1920 г.", false),
            (4, "Зимой 1921 г.", false),
            (4, "терминологию ХХI в.", false),
            (4, "в 1918 г.", false),
            (4, "январе 1920 г.", false),
            (4, "весной 1920 г.", false),
            (4, "сентябре 1920 г.", false),
            (4, "декабря 1920 г.", false),
            (4, "февраля 1921 г.", true),
            (4, "октябре 1920 г.", false),
            (4, "мае 1921 г.", false),
            (4, "августе 1920 г.", false),
            (4, "начале 1920-х гг.", false),
            (4, "начале 1921 г.", false),
            (4, "марте 1921 г.", false),
            (4, "перемирие 1922 г.", false),
            (4, "июля 1923 г.", false),
            (4, "феврале 1922 г.", false),
            (4, "августе 1921 г.", false),
            (4, "ноября 1921 г.", false),
            (4, "начале 1920-х гг.", false),
            (4, "декабря 1921 г.", false),
            (4, "марта 1921 г.", true),
            (4, "января 1922 г.", true),
            (4, "конце 1921 г.", false),
            (4, "марте 1922 г.", false),
            (4, "В 1920-е гг.", false),
            (4, "начале 1920-х гг.", true),
            (4, "начале 1920-х гг.", false),
            (4, "в 1920-х гг.", false),
        ];
        let (corpus, _) = seeds();
        let mut found: Vec<(usize, String, bool)> = Vec::new();
        for doc in [0, 4] {
            let d = &corpus.documents[doc];
            for (i, _) in d.text.match_indices('.') {
                let before = &d.text[..i];
                let tokens: Vec<&str> = before.split_whitespace().rev().take(3).collect();
                let dated = matches!(tokens.as_slice(), [word, number, ..]
                    if ["г", "гг", "в", "вв"].contains(word)
                        && (number.starts_with(|c: char| c.is_ascii_digit())
                            || number.chars().all(|c| "IVXХ".contains(c))));
                if !dated {
                    continue;
                }
                let key = format!("{} {} {}.", tokens[2], tokens[1], tokens[0]);
                let split = d.passages.iter().any(|p| {
                    p.sentences
                        .iter()
                        .zip(p.sentences.iter().skip(1))
                        .any(|(s, _)| s.end == i + 1)
                });
                found.push((doc, key, split));
            }
        }
        let hand: Vec<(usize, String, bool)> = HAND
            .iter()
            .map(|&(d, k, s)| (d, k.to_string(), s))
            .collect();
        assert_eq!(found, hand);
    }

    #[test]
    fn seed_004_superscript_notes_are_all_found() {
        let (corpus, _) = seeds();
        let d = &corpus.documents[4];
        let numbers: Vec<String> = d
            .citations
            .iter()
            .map(|c| c.reference.raw.clone())
            .collect();
        let expect: Vec<String> = (1..=36).map(|n| n.to_string()).collect();
        assert_eq!(numbers, expect);
        assert!(d.citations.iter().all(|c| !c.is_inline()));
    }

    /// In 002 and 003 every `[n]` marker resolves to the passage of note `n`, of the article's
    /// kind; the reader comments of 003 are their own kind.
    #[test]
    fn seed_endnotes_resolve() {
        let (corpus, _) = seeds();
        for (doc, notes) in [(2, 14), (3, 15)] {
            let d = &corpus.documents[doc];
            let note_passages: Vec<u32> = d.passages.iter().filter_map(|p| p.note).collect();
            assert_eq!(
                note_passages,
                (1..=notes).collect::<Vec<u32>>(),
                "{}",
                d.name
            );
            // The markers stand in number order in both texts.
            let resolved: Vec<Option<u32>> = d
                .citations
                .iter()
                .filter(|c| !c.is_inline())
                .map(|c| {
                    d.passage_at(c.note.start)
                        .filter(|p| p.bytes == c.note && p.kind == SourceKind::Scholarship)
                        .and_then(|p| p.note)
                })
                .collect();
            let expect: Vec<Option<u32>> = (1..=notes).map(Some).collect();
            assert_eq!(resolved, expect, "{}", d.name);
        }
        let d = &corpus.documents[3];
        let first_comment = d
            .passages
            .iter()
            .position(|p| p.kind == SourceKind::ReaderComments);
        assert!(first_comment.is_some_and(|i| {
            d.passages[i..]
                .iter()
                .all(|p| p.kind == SourceKind::ReaderComments)
                && d.passages[..i]
                    .iter()
                    .all(|p| p.kind == SourceKind::Scholarship)
        }));
    }

    #[test]
    fn seed_references_exclude_editorial_insertions() {
        let (corpus, _) = seeds();
        let spans = |doc: usize| -> Vec<String> {
            let d = &corpus.documents[doc];
            d.reference_spans()
                .map(|r| d.slice(r).to_string())
                .collect()
        };
        assert!(spans(0).iter().all(|s| !s.contains("Дж.Г.")));
        let excerpts = spans(3)
            .iter()
            .filter(|s| s.starts_with("(Excerpt from the book"))
            .count();
        assert_eq!(excerpts, 2);
    }

    #[test]
    fn every_seed_maps_back_exactly() {
        let (corpus, _) = seeds();
        for d in &corpus.documents {
            for (i, c) in d.text.char_indices() {
                let r = d.raw_offset(i);
                let rc = d.raw_text().get(r..).and_then(|s| s.chars().next());
                let same = match rc {
                    Some(rc) if c == ' ' || c == '\n' => rc.is_whitespace(),
                    Some(rc) => super::super::normalize::normalize_char(rc) == Some(c),
                    None => false,
                };
                assert!(same, "{}: {c:?} at {i} maps to {rc:?}", d.name);
            }
        }
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(48))]
            #[test]
            fn loading_arbitrary_bytes_never_panics(
                files in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..300), 1..4),
                catalogue in prop::collection::vec(any::<u8>(), 0..100),
            ) {
                let mut owned: Vec<(String, Vec<u8>)> = files
                    .into_iter()
                    .enumerate()
                    .map(|(i, bytes)| (format!("f{i}.txt"), bytes))
                    .collect();
                owned.push(("sources.yaml".to_string(), catalogue));
                let refs: Vec<(&str, &[u8])> =
                    owned.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
                let dir = TempDir::new(&refs);
                let mut map = SourceMap::default();
                if let Ok((corpus, _)) = load(&dir.0, &mut map) {
                    for d in &corpus.documents {
                        for p in &d.passages {
                            let span = d.raw_span(p.bytes.clone());
                            prop_assert!(d.raw_text().get(span.bytes).is_some());
                        }
                    }
                }
            }
        }
    }
}
