//! byline: who is named and who said what in English news text.
//!
//! One [`Pipeline`] runs the tokenizer, the entity recognizer (a gazetteer with an embedded
//! default built from open data, and person-name rules) and quotation extraction over a document,
//! or over a batch in parallel with rayon, and gives a [`Document`]: sentences, tokens, entity
//! mentions and quotations (direct, mixed, indirect) with their cue and speaker, as byte spans into
//! the text. [`Document::to_json`] gives the byline JSON document, with code-point offsets. The
//! stage crates are re-exported ([`tokenize`], [`gazetteer`], [`quotes`]) with their main types,
//! so `byline` is the only dependency a Rust user needs.
//!
//! ```
//! use byline::Pipeline;
//!
//! let nlp = Pipeline::new();
//! let doc = nlp.annotate(
//!     "\"We will not back down,\" Iranian President Ebrahim Raisi said in Tehran on Tuesday.",
//! );
//! for entity in doc.entities() {
//!     println!("{:<7} {}", entity.label.as_str(), entity.span.as_str(doc.text()));
//! }
//! for quote in doc.quotes() {
//!     let speaker = quote.speaker.as_ref().map(|s| s.span.as_str(doc.text()));
//!     println!("{} {:?}: {}", quote.kind.as_str(), speaker, doc.quote_text(quote));
//! }
//! // One line of JSON Lines output, offsets in code points:
//! let line = doc.to_json().id("doc-1").to_string();
//! assert!(line.starts_with(r#"{"id":"doc-1","sentences":[{"start":0,"end":83}]"#));
//! ```
#![deny(missing_docs)]

/// Runs the README's example as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(feature = "arrow")]
pub mod arrow;
mod document;
mod entities;
mod error;
mod gazetteers;
mod json;
mod pipeline;
mod pos;

pub use byline_gazetteer as gazetteer;
pub use byline_quotes as quotes;
pub use byline_tag as tag;
pub use byline_tokenize as tokenize;

pub use byline_gazetteer::{EntityMention, EntityRecognizer, Entry, EntryId, Gazetteer, Label};
pub use byline_quotes::{Quotation, QuoteExtractor, QuoteKind, Speaker};
pub use byline_tokenize::{
    Paragraph, QuoteRole, Segmentation, Sentence, Span, Token, TokenKind, Tokenizer,
};

pub use document::{CharIndex, Document};
pub use entities::EntitySource;
pub use error::{Error, ErrorKind};
pub use json::DocumentJson;
pub use pipeline::{Pipeline, PipelineBuilder, NUM_THREADS_ENV};

#[cfg(test)]
mod tests {
    #[test]
    fn public_types_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<crate::Pipeline>();
        assert_send_sync::<crate::PipelineBuilder>();
        assert_send_sync::<crate::Document>();
        assert_send_sync::<crate::Error>();
        assert_send_sync::<crate::CharIndex>();
    }
}
