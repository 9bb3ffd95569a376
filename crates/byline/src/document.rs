use std::ops::Range;

use byline_gazetteer::EntityMention;
use byline_quotes::Quotation;
use byline_tokenize::{Paragraph, Segmentation, Sentence, Span, Token};

use crate::json::DocumentJson;

/// An annotated document: its text and what the pipeline found in it, with byte offsets into the
/// text. [`char_index`](Document::char_index) converts them to code-point offsets;
/// [`to_json`](Document::to_json) gives the byline JSON document.
///
/// ```
/// let doc = byline::Pipeline::new().annotate("Russia said on Monday it would respond.");
/// let first = &doc.tokens()[0];
/// assert_eq!(first.span.as_str(doc.text()), "Russia");
/// assert_eq!(first.kind, byline::TokenKind::Word);
/// ```
#[derive(Clone, Debug)]
pub struct Document {
    /// The document's text.
    pub text: String,
    /// Tokens, sentences and paragraphs.
    pub segmentation: Segmentation,
    /// The part of speech of each token, as tag ids of the embedded model
    /// ([`byline_tag::pos`]), one per token; empty when the pipeline's `pos` stage is off. See
    /// [`pos_tag`](Document::pos_tag).
    pub pos: Vec<u8>,
    /// Entity mentions, in order.
    pub entities: Vec<EntityMention>,
    /// Who found each entity mention (gazetteer, model or both), one per mention.
    pub entity_sources: Vec<crate::EntitySource>,
    /// Quotations, in order.
    pub quotes: Vec<Quotation>,
}

impl Document {
    /// The document's text.
    ///
    /// ```
    /// assert_eq!(byline::Pipeline::new().annotate("Hello.").text(), "Hello.");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Every token, in text order; together they cover every non-space character.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("It's 5 p.m.");
    /// let words: Vec<&str> = doc.tokens().iter().map(|t| t.span.as_str(doc.text())).collect();
    /// assert_eq!(words.concat(), "It's5p.m.");
    /// ```
    pub fn tokens(&self) -> &[Token] {
        &self.segmentation.tokens
    }

    /// The Universal POS tag (`"NOUN"`, `"PROPN"`, `"VERB"`, ...) of token `i`, or `None` when
    /// parts of speech were not computed or `i` is out of range.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("The minister resigned.");
    /// assert_eq!(doc.pos_tag(1), Some("NOUN"));
    /// assert_eq!(doc.pos_tag(2), Some("VERB"));
    /// assert_eq!(doc.pos_tag(99), None);
    /// ```
    pub fn pos_tag(&self, i: usize) -> Option<&'static str> {
        let tags = byline_tag::pos().tags();
        self.pos
            .get(i)
            .and_then(|&t| tags.get(usize::from(t)))
            .map(String::as_str)
    }

    /// The Penn Treebank tag (`"NN"`, `"NNP"`, `"VBD"`, `"PRP$"`, ...) of every token, tagged
    /// now by the embedded Penn model ([`byline_tag::penn`]), which is read at its first use
    /// only; empty when parts of speech were not computed (the pipeline's `pos` stage is off).
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("The minister resigned.");
    /// assert_eq!(doc.penn_tags(), ["DT", "NN", "VBD", "."]);
    /// let nlp = byline::Pipeline::builder().pos(false).build()?;
    /// assert!(nlp.annotate("It rained.").penn_tags().is_empty());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn penn_tags(&self) -> Vec<&'static str> {
        if self.pos.is_empty() {
            return Vec::new();
        }
        let model = byline_tag::penn();
        crate::pos::tag_with(model, &self.text, &self.segmentation)
            .into_iter()
            .map(|t| model.tag_name(t))
            .collect()
    }

    /// Every sentence, in text order.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("One. Two.");
    /// assert_eq!(doc.sentences().len(), 2);
    /// ```
    pub fn sentences(&self) -> &[Sentence] {
        &self.segmentation.sentences
    }

    /// Every paragraph, in text order.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("First paragraph.\n\nSecond paragraph.");
    /// assert_eq!(doc.paragraphs().len(), 2);
    /// ```
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.segmentation.paragraphs
    }

    /// Entity mentions, in text order, not overlapping.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Vladimir Putin visited Saudi Arabia.");
    /// for e in doc.entities() {
    ///     assert_eq!(e.span.as_str(doc.text()).is_empty(), false);
    /// }
    /// ```
    pub fn entities(&self) -> &[EntityMention] {
        &self.entities
    }

    /// Quotations, in text order.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("\"We will respond,\" Putin said.");
    /// for q in doc.quotes() {
    ///     println!("{} {:?}", q.kind.as_str(), q.speaker.as_ref().map(|s| s.span.as_str(doc.text())));
    /// }
    /// ```
    pub fn quotes(&self) -> &[Quotation] {
        &self.quotes
    }

    /// The text of `span`.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Hello world.");
    /// assert_eq!(doc.span_text(byline::Span::new(6, 11)), "world");
    /// ```
    pub fn span_text(&self, span: Span) -> &str {
        span.as_str(&self.text)
    }

    /// The text of a quotation's content: its pieces joined by a space (the `text` field of a
    /// quotation in JSON).
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("\"We will respond,\" Putin said.");
    /// for q in doc.quotes() {
    ///     assert!(!doc.quote_text(q).is_empty());
    /// }
    /// ```
    pub fn quote_text(&self, quote: &Quotation) -> std::borrow::Cow<'_, str> {
        crate::json::quote_text(&self.text, &quote.content)
    }

    /// A byte-to-code-point index of the text, built in one pass (free for ASCII text), to give
    /// spans as code-point offsets (Python `str` indices, JSON offsets).
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Café Zürich.");
    /// let index = doc.char_index();
    /// let last = doc.tokens().last().unwrap();
    /// assert_eq!(index.char_span(last.span), 11..12);
    /// ```
    pub fn char_index(&self) -> CharIndex {
        CharIndex::new(&self.text)
    }

    /// The byline JSON document of this document (code-point offsets), to serialise with serde
    /// or `to_string`. Options on the view add the id, tokens, paragraphs or the text.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Hello.");
    /// let line = doc.to_json().id("doc-1").to_string();
    /// assert_eq!(line, r#"{"id":"doc-1","sentences":[{"start":0,"end":6}],"entities":[],"quotes":[]}"#);
    /// ```
    pub fn to_json(&self) -> DocumentJson<'_> {
        DocumentJson::new(self)
    }
}

/// Converts byte offsets of one text into code-point offsets (what Python's `str` and the JSON
/// output count). Built in one linear pass over the text; it holds an entry per character
/// outside ASCII (a pure ASCII text needs none), so its size follows those characters, not the
/// text's length.
///
/// ```
/// let text = "naïve café";
/// let index = byline::CharIndex::new(text);
/// assert_eq!(index.char_offset(text.len()), 10);
/// assert_eq!(index.char_offset(7), 6); // the byte offset of "café"
/// ```
#[derive(Clone, Debug)]
pub struct CharIndex {
    table: Table,
}

#[derive(Clone, Debug)]
enum Table {
    /// Byte offsets are code-point offsets.
    Ascii,
    /// The characters outside ASCII of a text under 4 GiB.
    Sparse {
        len: usize,
        /// Where each character outside ASCII starts.
        starts: Vec<u32>,
        /// Continuation bytes before each of them, then in the whole text (one more entry).
        before: Vec<u32>,
    },
    /// `table[b]` = code points before byte `b`, for texts of 4 GiB and more.
    Wide(Vec<usize>),
}

impl CharIndex {
    /// The index of `text`.
    ///
    /// ```
    /// let index = byline::CharIndex::new("€5");
    /// assert_eq!(index.char_offset(3), 1);
    /// ```
    pub fn new(text: &str) -> CharIndex {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return CharIndex {
                table: Table::Ascii,
            };
        }
        if u32::try_from(bytes.len()).is_err() {
            return CharIndex {
                table: Table::Wide(prefix_counts(bytes)),
            };
        }
        let mut starts = Vec::new();
        let mut before = Vec::new();
        let mut continuations = 0u32;
        for (i, &b) in bytes.iter().enumerate() {
            if b < 0x80 {
                continue;
            }
            if (b as i8) < -0x40 {
                // 0b10xx_xxxx: inside the character that started last.
                continuations += 1;
            } else {
                starts.push(i as u32);
                before.push(continuations);
            }
        }
        before.push(continuations);
        CharIndex {
            table: Table::Sparse {
                len: bytes.len(),
                starts,
                before,
            },
        }
    }

    /// The code-point offset of byte offset `byte`: the characters that start before it. A byte
    /// past the end maps to the text's length in code points.
    ///
    /// ```
    /// let index = byline::CharIndex::new("Zürich");
    /// assert_eq!(index.char_offset(3), 2);
    /// ```
    pub fn char_offset(&self, byte: usize) -> usize {
        match &self.table {
            Table::Ascii => byte,
            Table::Sparse {
                len,
                starts,
                before,
            } => {
                let byte = byte.min(*len);
                // Characters outside ASCII that start before `byte`.
                let n = starts.partition_point(|&s| (s as usize) < byte);
                if n == 0 {
                    return byte;
                }
                let last = n - 1;
                let inside = (before[last + 1] - before[last]) as usize;
                let continuations =
                    before[last] as usize + inside.min(byte - starts[last] as usize - 1);
                byte - continuations
            }
            Table::Wide(t) => t[byte.min(t.len() - 1)],
        }
    }

    /// `span` in code points.
    ///
    /// ```
    /// let text = "«Oui», dit-il.";
    /// let index = byline::CharIndex::new(text);
    /// assert_eq!(index.char_span(byline::Span::new(2, 5)), 1..4);
    /// ```
    pub fn char_span(&self, span: Span) -> Range<usize> {
        self.char_offset(span.start)..self.char_offset(span.end)
    }
}

/// `out[b]` = characters starting before byte `b`, for every `b` in `0..=len`.
fn prefix_counts(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::with_capacity(bytes.len() + 1);
    let mut count = 0;
    for &b in bytes {
        out.push(count);
        // A byte starts a character unless it is a continuation byte (0b10xx_xxxx).
        count += usize::from((b as i8) >= -0x40);
    }
    out.push(count);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_char_indices() {
        for text in [
            "",
            "abc",
            "é",
            "naïve café",
            "«Oui» 😀 ok",
            "日本語のテキスト",
        ] {
            let index = CharIndex::new(text);
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                assert_eq!(index.char_offset(bi), ci, "{text:?} byte {bi}");
            }
            assert_eq!(index.char_offset(text.len()), text.chars().count());
        }
    }

    #[test]
    fn every_byte_maps_as_the_full_table_does() {
        for text in [
            "é",
            "naïve café",
            "«Oui» 😀 ok",
            "日本語のテキスト",
            "\u{201c}Quote,\u{201d} he said \u{2014} twice\u{2026}",
            "ascii then ü",
            "ü then ascii",
        ] {
            let index = CharIndex::new(text);
            let full = prefix_counts(text.as_bytes());
            for byte in 0..=text.len() + 2 {
                assert_eq!(
                    index.char_offset(byte),
                    full[byte.min(text.len())],
                    "{text:?} byte {byte}"
                );
            }
        }
    }
}
