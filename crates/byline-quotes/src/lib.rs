//! Quotations in news text: direct, mixed and indirect speech, with the cue that reports them and
//! the speaker, resolved inside the document to the entity it names.
#![deny(missing_docs)]

use byline_gazetteer::EntityMention;
use byline_tokenize::Segmentation;
pub use byline_tokenize::Span;

/// How a quotation is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// The content is all inside quote marks.
    Direct,
    /// Reported speech holding quoted fragments.
    Mixed,
    /// Reported speech with no quote marks.
    Indirect,
}

impl QuoteKind {
    /// The kind's name in JSON (`"direct"`, `"mixed"`, `"indirect"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Who said it: the span that names the speaker, and the entity it resolves to.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// Byte span of the speaker as the text gives it (`White House spokesman John Kirby`, `he`).
    pub span: Span,
    /// Wikidata QID of the resolved entity, where known.
    pub entity_id: Option<String>,
    /// Canonical name of the resolved entity or person, where resolved.
    pub name: Option<String>,
}

/// One attribution: what was said, by whom, with which cue.
#[derive(Clone, Debug, PartialEq)]
pub struct Quotation {
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The attributed content, in one or more pieces.
    pub content: Vec<Span>,
    /// Verbatim fragments inside quote marks within the content (without the marks).
    pub quoted: Vec<Span>,
    /// The reporting verb or phrase.
    pub cue: Option<Span>,
    /// The speaker, when one is found.
    pub speaker: Option<Speaker>,
    /// Confidence in `0.0..=1.0`.
    pub confidence: f32,
}

/// Finds quotations in a segmented document with its entity mentions.
#[derive(Clone, Debug, Default)]
pub struct QuoteExtractor {}

impl QuoteExtractor {
    /// An extractor with the built-in English cue lexicon.
    pub fn new() -> QuoteExtractor {
        QuoteExtractor::default()
    }

    /// Quotations of `text`, in text order.
    pub fn extract(
        &self,
        text: &str,
        segmentation: &Segmentation,
        entities: &[EntityMention],
    ) -> Vec<Quotation> {
        let _ = (text, segmentation, entities);
        todo!("quotations")
    }
}
