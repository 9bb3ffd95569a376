//! byline: who is named and who said what in news text.
//!
//! One [`Pipeline`] runs the tokenizer, the entity recognizer and quotation extraction over a
//! document or a batch (in parallel with rayon) and gives a [`Document`] that serialises to the
//! byline JSON document schema with code-point offsets.
#![deny(missing_docs)]

use std::sync::Arc;

pub use byline_gazetteer as gazetteer;
pub use byline_quotes as quotes;
pub use byline_tokenize as tokenize;

pub use byline_gazetteer::{EntityMention, Entry, Gazetteer, Label};
pub use byline_quotes::{Quotation, QuoteKind, Speaker};
pub use byline_tokenize::{Segmentation, Span, Token, TokenKind};

/// The whole pipeline. `Send + Sync`, cheap to clone (shared state behind an `Arc`), reusable.
#[derive(Clone, Debug)]
pub struct Pipeline {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    gazetteer: Arc<Gazetteer>,
}

/// An annotated document: the text and what the pipeline found in it, with byte offsets.
#[derive(Clone, Debug)]
pub struct Document {
    /// The document's text.
    pub text: String,
    /// Tokens, sentences and paragraphs.
    pub segmentation: Segmentation,
    /// Entity mentions, in order.
    pub entities: Vec<EntityMention>,
    /// Quotations, in order.
    pub quotes: Vec<Quotation>,
}

impl Pipeline {
    /// A pipeline with the embedded default gazetteer and every stage on.
    pub fn new() -> Pipeline {
        Pipeline {
            inner: Arc::new(Inner {
                gazetteer: Gazetteer::embedded(),
            }),
        }
    }

    /// Annotates one document.
    pub fn annotate(&self, text: &str) -> Document {
        let _ = (text, &self.inner.gazetteer);
        todo!("annotate")
    }
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}
