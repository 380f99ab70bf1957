//! Source files, spans into them, and the conversions between byte offsets, characters and
//! line/column positions.
//!
//! Every position attest reports is a [`Span`]: a source and a byte range into the text the user
//! can open. Character indices (which marked-yaml reports) are converted to bytes here and
//! nowhere else.

use std::ops::Range;
use std::sync::Arc;

/// Identifies one file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub source: SourceId,
    pub bytes: Range<usize>,
}

impl Span {
    pub fn new(source: SourceId, bytes: Range<usize>) -> Span {
        Span { source, bytes }
    }
}

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned { value, span }
    }
}

/// One loaded text file: its display name and its full text.
#[derive(Debug)]
pub struct SourceFile {
    /// The name shown to the user (a path relative to where attest was run, or a corpus file name).
    pub name: String,
    pub text: Arc<str>,
    /// Byte offset of the start of every line.
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> SourceFile {
        let text: Arc<str> = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = self.floor_char_boundary(byte.min(self.text.len()));
        let line = match self.line_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let col = self.text[self.line_starts[line]..byte].chars().count();
        (line + 1, col + 1)
    }

    /// Byte offset of a character index (what marked-yaml's markers count).
    pub fn char_to_byte(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Byte range of a 1-based line, without its line terminator.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }

    /// A byte range made safe to label: on char boundaries, inside the text, and never an empty
    /// label at the very end of input, which miette would hide (miette#465).
    pub fn clamp(&self, bytes: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        let mut start = self.floor_char_boundary(bytes.start.min(len));
        let mut end = self.floor_char_boundary(bytes.end.min(len)).max(start);
        if start == len && len > 0 {
            start = self.floor_char_boundary(len - 1);
            end = len;
        }
        start..end
    }

    fn floor_char_boundary(&self, mut i: usize) -> usize {
        while i > 0 && !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// Every file attest has read in one run, claim files and corpus documents alike.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> SourceId {
        // INVARIANT: a run reads far fewer than u32::MAX files.
        let id = SourceId(u32::try_from(self.files.len()).expect("fewer than 2^32 files"));
        self.files.push(file);
        id
    }

    pub fn get(&self, id: SourceId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn name(&self, id: SourceId) -> &str {
        &self.get(id).name
    }

    /// 1-based line and column of the start of a span.
    pub fn line_col(&self, span: &Span) -> (usize, usize) {
        self.get(span.source).line_col(span.bytes.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("t", "ab\nчисло 7\n");
        assert_eq!(f.line_col(0), (1, 1));
        let seven = f.text.find('7').unwrap();
        assert_eq!(f.line_col(seven), (2, 7));
        assert_eq!(f.line_range(2), 3..f.text.len() - 1);
    }

    #[test]
    fn clamp_moves_end_of_input_labels_onto_the_last_character() {
        let f = SourceFile::new("t", "abc");
        assert_eq!(f.clamp(3..3), 2..3);
        assert_eq!(f.clamp(1..99), 1..3);
    }

    #[test]
    fn char_to_byte_handles_multibyte_text() {
        let f = SourceFile::new("t", "дата: x");
        assert_eq!(f.char_to_byte(6), "дата: ".len());
    }
}
