//! Reading claim files: YAML through marked-yaml, so every value keeps its place in the file.
//!
//! Each value node is deserialised on its own (serde, via `marked_yaml::from_node`), because a
//! serde error on a whole claim carries no position, while the node itself does.
//!
//! Diagnostics emitted here:
//!
//! - `attest::claims::not_utf8`, `attest::claims::io`: the file cannot be read as text.
//! - `attest::claims::yaml_syntax`, `attest::claims::duplicate_key`: the YAML itself is broken.
//! - `attest::claims::empty_file`, `attest::claims::not_a_mapping`, `attest::claims::not_a_list`,
//!   `attest::claims::missing_claims`: the file does not have the shape of a claim file.
//! - `attest::claims::unknown_key`: a key attest does not know. Why: a misspelt `dat:` would
//!   otherwise silently leave a claim without its date. Keys starting with `x-` are kept for
//!   other tools and never reported.
//! - `attest::claims::missing_id`, `attest::claims::invalid_id`, `attest::claims::missing_event`,
//!   `attest::claims::wrong_type`, `attest::claims::empty_value`.

use std::path::{Path, PathBuf};

use marked_yaml::types::{MarkedMappingNode, MarkedScalarNode};
use marked_yaml::{LoadError, LoaderOptions, Marker, Node};

use super::dsl::{self, ScalarText};
use super::{Claim, ClaimFile, ClaimId};
use crate::diagnostic::{Diagnostic, Label, did_you_mean};
use crate::source::{SourceFile, SourceId, SourceMap, Span, Spanned};

const FILE_KEYS: [&str; 4] = ["claims", "article", "corpus", "aliases"];
const CLAIM_KEYS: [&str; 12] = [
    "id",
    "text",
    "event",
    "date",
    "figure",
    "place",
    "participants",
    "quote",
    "by",
    "cites",
    "expect",
    "x-…",
];

/// Read and parse one claim file. Returns the file (when it had the shape of a claim file) with
/// every claim that could be read, and a diagnostic for every problem found.
pub fn parse(path: &Path, sources: &mut SourceMap) -> (Option<ClaimFile>, Vec<Diagnostic>) {
    let name = display_name(path);
    match std::fs::read(path) {
        Ok(bytes) => parse_bytes(path, &name, bytes, sources),
        Err(err) => (
            None,
            vec![
                Diagnostic::error(
                    "attest::claims::io",
                    format!("cannot read claim file `{name}`: {err}"),
                )
                .with_help("check the path; `attest lint` takes claim files or folders of them"),
            ],
        ),
    }
}

fn display_name(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn parse_bytes(
    path: &Path,
    name: &str,
    bytes: Vec<u8>,
    sources: &mut SourceMap,
) -> (Option<ClaimFile>, Vec<Diagnostic>) {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            // The lossy text keeps every byte before the first invalid one in place, so the
            // label still points at the right spot.
            let lossy = String::from_utf8_lossy(err.as_bytes()).into_owned();
            let id = sources.add(SourceFile::new(name, lossy));
            let span = Span::new(id, sources.get(id).clamp(at..at + 3));
            let diag =
                Diagnostic::error("attest::claims::not_utf8", "claim file is not valid UTF-8")
                    .with_label(Label::new(span, "this byte is not UTF-8"))
                    .with_help("save the file as UTF-8");
            return (None, vec![diag]);
        }
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let id = sources.add(SourceFile::new(name, text));
    let mut reader = Reader {
        file: sources.get(id),
        id,
        diags: Vec::new(),
    };
    let file = reader.file(path);
    (file, reader.diags)
}

struct Reader<'a> {
    file: &'a SourceFile,
    id: SourceId,
    diags: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn file(&mut self, path: &Path) -> Option<ClaimFile> {
        if self.file.text.trim().is_empty() {
            let span = self.span_at(0, 0);
            self.diags.push(
                Diagnostic::error("attest::claims::empty_file", "claim file is empty")
                    .with_label(Label::bare(span))
                    .with_help("a claim file holds a top-level `claims:` list"),
            );
            return None;
        }
        let options = LoaderOptions::default().error_on_duplicate_keys(true);
        let root = match marked_yaml::parse_yaml_with_options(0, &self.file.text, options) {
            Ok(root) => root,
            Err(err) => {
                self.load_error(err);
                return None;
            }
        };
        let Some(map) = root.as_mapping() else {
            let span = self.node_span(&root);
            self.diags.push(
                Diagnostic::error(
                    "attest::claims::not_a_mapping",
                    "a claim file must be a mapping",
                )
                .with_label(Label::new(span, "expected `claims:` and other keys here"))
                .with_help("start the file with `claims:` followed by a list of claims"),
            );
            return None;
        };
        self.check_keys(map, &FILE_KEYS, "claim file");

        let base = path.parent().unwrap_or(Path::new(""));
        let mut file = ClaimFile {
            path: path.to_path_buf(),
            source: self.id,
            article: map
                .get_node("article")
                .and_then(|n| self.string(n, "article"))
                .map(|s| s.value),
            corpus: map
                .get_node("corpus")
                .and_then(|n| self.string(n, "corpus"))
                .map(|s| Spanned::new(base.join(PathBuf::from(&s.value)), s.span)),
            aliases: map
                .get_node("aliases")
                .map(|n| self.aliases(n))
                .unwrap_or_default(),
            claims: Vec::new(),
            ids: Vec::new(),
        };

        match map.get_node("claims") {
            None => {
                let span = self.node_span(&root);
                self.diags.push(
                    Diagnostic::error(
                        "attest::claims::missing_claims",
                        "claim file has no `claims:` list",
                    )
                    .with_label(Label::new(span, "this mapping needs a `claims` key"))
                    .with_help(
                        "add `claims:` with a list of claims, each with at least `id` and `event`",
                    ),
                );
            }
            Some(Node::Sequence(seq)) => {
                for item in seq.iter() {
                    if let Some(claim) = self.claim(item, &mut file.ids) {
                        file.claims.push(claim);
                    }
                }
            }
            Some(other) => {
                let span = self.node_span(other);
                self.diags.push(
                    Diagnostic::error("attest::claims::not_a_list", "`claims` must be a list")
                        .with_label(Label::new(span, format!("found {}", describe(other))))
                        .with_help("write each claim as a list item:\nclaims:\n  - id: my-claim\n    event: …"),
                );
            }
        }
        Some(file)
    }

    fn claim(&mut self, node: &Node, ids: &mut Vec<Spanned<ClaimId>>) -> Option<Claim> {
        let Some(map) = node.as_mapping() else {
            let span = self.node_span(node);
            self.diags.push(
                Diagnostic::error(
                    "attest::claims::not_a_mapping",
                    "a claim must be a mapping of keys to values",
                )
                .with_label(Label::new(span, format!("found {}", describe(node))))
                .with_help("write a claim as `- id: …` followed by indented `event: …`, `date: …`"),
            );
            return None;
        };
        self.check_keys(map, &CLAIM_KEYS, "claim");
        let start = self.node_span(node);
        let errors_before = self.diags.len();

        let id = match map.get_node("id") {
            Some(n) => self.string(n, "id").and_then(|s| self.claim_id(s)),
            None => {
                self.diags.push(
                    Diagnostic::error("attest::claims::missing_id", "claim has no `id`")
                        .with_label(Label::new(start.clone(), "this claim"))
                        .with_help(
                            "add `id: some-name` (lowercase letters, digits and hyphens, unique)",
                        ),
                );
                None
            }
        };
        ids.extend(id.clone());
        let event = match map.get_node("event") {
            Some(n) => self.string(n, "event"),
            None => {
                self.diags.push(
                    Diagnostic::error("attest::claims::missing_event", "claim has no `event`")
                        .with_label(Label::new(id.as_ref().map_or(start.clone(), |i| i.span.clone()), "this claim"))
                        .with_help("add `event:` with words naming the subject and what happened, e.g. `signing of the Treaty of Kars`"),
                );
                None
            }
        };
        let scalar =
            |this: &mut Self, key: &str| map.get_node(key).and_then(|n| this.scalar(n, key));
        let text = scalar(self, "text").map(ScalarText::into_spanned);
        let date = scalar(self, "date").and_then(|s| dsl::date(&s, &mut self.diags));
        let figure = scalar(self, "figure").and_then(|s| dsl::figure(&s, &mut self.diags));
        let place = scalar(self, "place").map(ScalarText::into_spanned);
        let quote = scalar(self, "quote").map(ScalarText::into_spanned);
        let by = scalar(self, "by").map(ScalarText::into_spanned);
        let cites = scalar(self, "cites").map(|s| dsl::cites(&s));
        let expect = scalar(self, "expect").and_then(|s| dsl::expect(&s, &mut self.diags));
        let participants = map
            .get_node("participants")
            .map(|n| self.participants(n))
            .unwrap_or_default();

        if self.diags[errors_before..].iter().any(Diagnostic::is_error) {
            return None;
        }
        Some(Claim {
            id: id?,
            source: self.id,
            text,
            event: event?,
            date,
            figure,
            place,
            participants,
            quote,
            by,
            cites,
            expect,
        })
    }

    fn claim_id(&mut self, s: Spanned<String>) -> Option<Spanned<ClaimId>> {
        match ClaimId::new(&s.value) {
            Some(id) => Some(Spanned::new(id, s.span)),
            None => {
                let suggestion = slug(&s.value);
                let mut diag = Diagnostic::error(
                    "attest::claims::invalid_id",
                    format!(
                        "claim id `{}` may only hold lowercase letters, digits and hyphens",
                        s.value
                    ),
                )
                .with_label(Label::new(s.span, "invalid id"));
                if let Some(slug) = suggestion {
                    diag = diag.with_help(format!("try `{slug}`"));
                }
                self.diags.push(diag);
                None
            }
        }
    }

    fn participants(&mut self, node: &Node) -> Vec<Spanned<String>> {
        match node {
            Node::Sequence(seq) => seq
                .iter()
                .filter_map(|item| self.string(item, "participants"))
                .collect(),
            _ => match self.scalar(node, "participants") {
                Some(s) => dsl::participants(&s),
                None => Vec::new(),
            },
        }
    }

    fn aliases(&mut self, node: &Node) -> Vec<(String, Vec<String>)> {
        let Some(map) = node.as_mapping() else {
            let span = self.node_span(node);
            self.diags.push(
                Diagnostic::error(
                    "attest::claims::wrong_type",
                    "`aliases` must map a name to its other spellings",
                )
                .with_label(Label::new(span, format!("found {}", describe(node))))
                .with_help("aliases:\n  Angora: [Ankara, Анкара]"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (key, value) in map.iter() {
            let spellings = match value {
                Node::Sequence(seq) => seq
                    .iter()
                    .filter_map(|n| self.string(n, "aliases"))
                    .map(|s| s.value)
                    .collect(),
                _ => self
                    .string(value, "aliases")
                    .map(|s| vec![s.value])
                    .unwrap_or_default(),
            };
            out.push((key.as_str().to_string(), spellings));
        }
        out
    }

    /// A scalar value, with the mapping from value offsets to file offsets where one exists.
    fn scalar(&mut self, node: &Node, key: &str) -> Option<ScalarText> {
        let Node::Scalar(scalar) = node else {
            let span = self.node_span(node);
            self.diags.push(
                Diagnostic::error(
                    "attest::claims::wrong_type",
                    format!("`{key}` must be a single value"),
                )
                .with_label(Label::new(span, format!("found {}", describe(node))))
                .with_help(format!("write `{key}:` as text on one line")),
            );
            return None;
        };
        let value: marked_yaml::Spanned<String> = marked_yaml::from_node(node).ok()?;
        let text = self.scalar_text(scalar, value.to_string());
        if text.value.trim().is_empty() {
            self.diags.push(
                Diagnostic::error("attest::claims::empty_value", format!("`{key}` is empty"))
                    .with_label(Label::new(text.span.clone(), "no value here"))
                    .with_help(format!("give `{key}` a value, or remove the key")),
            );
            return None;
        }
        Some(text)
    }

    fn string(&mut self, node: &Node, key: &str) -> Option<Spanned<String>> {
        self.scalar(node, key).map(ScalarText::into_spanned)
    }

    fn scalar_text(&self, node: &MarkedScalarNode, value: String) -> ScalarText {
        let start = node.span().start().map_or(0, |m| self.byte(m));
        let text = &self.file.text[start..];
        let (content, quoted) = match text.as_bytes().first() {
            Some(b'"') | Some(b'\'') => (start + 1, true),
            _ => (start, false),
        };
        // A value maps onto the file byte for byte when it is written on one line without
        // escapes; folded, block and escaped scalars are labelled as a whole.
        let exact = self.file.text[content..].starts_with(value.as_str())
            && !value.contains('\n')
            && !(quoted && value.contains('\\'));
        let end = if exact {
            content + value.len()
        } else {
            let line_end = self.file.text[start..]
                .find('\n')
                .map_or(self.file.text.len(), |i| start + i);
            line_end.max(start)
        };
        ScalarText {
            span: self.span_at(if exact { content } else { start }, end),
            exact,
            value,
        }
    }

    fn check_keys(&mut self, map: &MarkedMappingNode, known: &[&str], what: &str) {
        for key in map.keys() {
            let name = key.as_str();
            if name.starts_with("x-") || known.contains(&name) {
                continue;
            }
            let start = key.span().start().map_or(0, |m| self.byte(m));
            let span = self.span_at(start, start + name.len());
            let candidates = known.iter().copied().filter(|k| !k.starts_with("x-"));
            let help = match did_you_mean(name, candidates) {
                Some(k) => {
                    format!("did you mean `{k}`? Keys starting with `x-` are kept for other tools")
                }
                None => format!(
                    "a {what} takes {}; keys starting with `x-` are kept for other tools",
                    known
                        .iter()
                        .filter(|k| !k.starts_with("x-"))
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            self.diags.push(
                Diagnostic::error(
                    "attest::claims::unknown_key",
                    format!("unknown key `{name}` in {what}"),
                )
                .with_label(Label::new(span, "not a key attest knows"))
                .with_help(help),
            );
        }
    }

    fn load_error(&mut self, err: LoadError) {
        let diag = match err {
            LoadError::DuplicateKey(dup) => {
                let at = dup.key.span().start().map_or(0, |m| self.byte(m));
                let prev = dup.prev_key.span().start().map_or(0, |m| self.byte(m));
                let name = dup.key.as_str().to_string();
                Diagnostic::error(
                    "attest::claims::duplicate_key",
                    format!("key `{name}` appears twice in one mapping"),
                )
                .with_label(Label::new(
                    self.span_at(at, at + name.len()),
                    "repeated here",
                ))
                .with_secondary(Label::new(
                    self.span_at(prev, prev + name.len()),
                    "first here",
                ))
                .with_help("keep one of them; a second value would silently replace the first")
            }
            LoadError::ScanError(marker, scan) => {
                let at = self.byte(&marker);
                Diagnostic::error("attest::claims::yaml_syntax", format!("invalid YAML: {}", scan.info()))
                    .with_label(Label::new(self.span_at(at, at + 1), "here"))
                    .with_help("check indentation, quotes and brackets; values containing `: ` or `#` need quotes")
            }
            LoadError::TopLevelMustBeMapping(m) | LoadError::TopLevelMustBeSequence(m) => {
                let at = self.byte(&m);
                Diagnostic::error(
                    "attest::claims::not_a_mapping",
                    "a claim file must be a mapping",
                )
                .with_label(Label::bare(self.span_at(at, at + 1)))
                .with_help("start the file with `claims:`")
            }
            LoadError::UnexpectedAnchor(m)
            | LoadError::UnexpectedTag(m)
            | LoadError::MappingKeyMustBeScalar(m) => {
                let at = self.byte(&m);
                Diagnostic::error(
                    "attest::claims::yaml_syntax",
                    "unsupported YAML: anchors, tags and complex keys are not allowed",
                )
                .with_label(Label::new(self.span_at(at, at + 1), "here"))
                .with_help("write plain keys and values")
            }
        };
        self.diags.push(diag);
    }

    fn node_span(&self, node: &Node) -> Span {
        // A mapping's own marker stands at its first value; its first key is where it starts.
        let marker = match node {
            Node::Mapping(map) => map
                .keys()
                .next()
                .and_then(|k| k.span().start())
                .or(node.span().start()),
            _ => node.span().start(),
        };
        let start = marker.map_or(0, |m| self.byte(m));
        let line_end = self.file.text[start..]
            .find('\n')
            .map_or(self.file.text.len(), |i| start + i);
        self.span_at(start, line_end.max(start + 1))
    }

    fn byte(&self, marker: &Marker) -> usize {
        self.file.char_to_byte(marker.character())
    }

    fn span_at(&self, start: usize, end: usize) -> Span {
        Span::new(self.id, self.file.clamp(start..end))
    }
}

fn describe(node: &Node) -> &'static str {
    match node {
        Node::Scalar(_) => "a single value",
        Node::Mapping(_) => "a mapping",
        Node::Sequence(_) => "a list",
    }
}

/// A valid id made from an invalid one, when there is one to suggest.
fn slug(id: &str) -> Option<String> {
    let mut out = String::new();
    for c in id.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    ClaimId::new(&out).map(|_| out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<ClaimFile>, Vec<Diagnostic>, SourceMap) {
        let mut sources = SourceMap::default();
        let (file, diags) = parse_bytes(
            Path::new("t.yaml"),
            "t.yaml",
            text.as_bytes().to_vec(),
            &mut sources,
        );
        (file, diags, sources)
    }

    /// The text a span of the first claim covers.
    fn check(yaml: &str, pick: impl Fn(&Claim) -> Span, expect: &str) {
        let (file, diags, sources) = read(yaml);
        assert!(diags.is_empty(), "{diags:?}");
        let file = file.expect("a claim file");
        let span = pick(&file.claims[0]);
        assert_eq!(&sources.get(span.source).text[span.bytes], expect, "{yaml}");
    }

    #[test]
    fn values_keep_their_exact_place_in_the_file() {
        let claim = "claims:\n  - id: a\n    event: e\n";
        let date = |c: &Claim| {
            c.date
                .as_ref()
                .map_or(c.id.span.clone(), |d| d.span.clone())
        };
        let place = |c: &Claim| {
            c.place
                .as_ref()
                .map_or(c.id.span.clone(), |p| p.span.clone())
        };
        check(
            &format!("{claim}    date: 13 October 1921\n"),
            date,
            "13 October 1921",
        );
        check(
            &format!("{claim}    date: \"13 October 1921\"\n"),
            date,
            "13 October 1921",
        );
        check(
            &format!("{claim}    date: '13 октября 1921 г.'\n"),
            date,
            "13 октября 1921 г.",
        );
        check(
            &format!("{claim}    place: Kars   # comment\n"),
            place,
            "Kars",
        );
        check(
            &format!("{claim}    participants: Lenin, Aralov\n"),
            |c| c.participants[1].span.clone(),
            "Aralov",
        );
        check(
            &format!("{claim}    participants: [Lenin, Aralov]\n"),
            |c| c.participants[1].span.clone(),
            "Aralov",
        );
        check(claim, |c| c.id.span.clone(), "a");
    }

    #[test]
    fn a_folded_value_is_labelled_as_a_whole() {
        let yaml =
            "claims:\n  - id: a\n    event: e\n    date: >\n      32 September\n      1921\n";
        let (_, diags, sources) = read(yaml);
        let label = diags[0].primary.as_ref().expect("a label");
        assert_eq!(diags[0].code, "attest::date::invalid_day");
        assert!(
            sources.get(label.span.source).text[label.span.bytes.clone()]
                .starts_with("32 September")
        );
    }

    #[test]
    fn x_keys_are_kept_for_other_tools() {
        let (file, diags, _) =
            read("x-tool: 1\nclaims:\n  - id: a\n    event: e\n    x-note: fine\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(file.map(|f| f.claims.len()), Some(1));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let (file, diags, _) = read("\u{feff}claims:\n  - id: a\n    event: e\n");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(file.map(|f| f.claims.len()), Some(1));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn no_byte_sequence_panics_the_reader(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let mut sources = SourceMap::default();
            let _ = parse_bytes(Path::new("t.yaml"), "t.yaml", bytes, &mut sources);
        }

        #[test]
        fn no_yaml_like_text_panics_the_reader(text in "(claims:|  - |id: |event: |date: |figure: |participants: |[a-z0-9 ,.:\\[\\]\"'\\-\n]|[а-я])*") {
            let mut sources = SourceMap::default();
            let _ = parse_bytes(Path::new("t.yaml"), "t.yaml", text.into_bytes(), &mut sources);
        }
    }
}
