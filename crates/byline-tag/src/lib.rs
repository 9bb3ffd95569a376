//! A fast linear sequence tagger for English news text, with its training code and an embedded
//! part-of-speech model.
//!
//! A [`Model`] is a hashed averaged perceptron: each word becomes a few dozen hashed features
//! (its form, suffixes, shape, its neighbours, the two tags already chosen, and any
//! [`Feature`]s the caller adds), each feature picks a row of a quantised weight table, and the
//! best-scoring tag is taken left to right. The same feature function serves [`Trainer`] and
//! tagging, and training is deterministic. [`pos`] is the embedded Universal POS model and
//! [`penn`] the Penn Treebank one, each read in place from the binary at its first use.
//!
//! ```
//! let pos = byline_tag::pos();
//! let tags = pos.tag_words(&["The", "minister", "condemned", "the", "West", "."]);
//! let names: Vec<&str> = tags.iter().map(|&t| pos.tag_name(t)).collect();
//! assert_eq!(names, ["DET", "NOUN", "VERB", "DET", "PROPN", "PUNCT"]);
//! ```
#![deny(missing_docs)]

/// Runs the README's example as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub mod corpus;
mod entities;
mod error;
mod features;
mod freq;
mod model;
mod train;

use std::sync::OnceLock;

pub use entities::{
    decode_mentions, entity_input, entity_model, is_candidate, model_mentions, ModelMention,
    ENTITY_TAGS,
};
pub use error::Error;
pub use features::{Feature, Input};
pub use freq::zipf_frequency;
pub use model::{Model, Scratch, MAX_TAGS};
pub use train::{Trainer, TrainingSentence};

/// Keeps the embedded bytes aligned so that the weight rows start on even addresses.
#[repr(C, align(8))]
struct Aligned<B: ?Sized>(B);

static POS_BYTES: &Aligned<[u8]> = &Aligned(*include_bytes!("../data/pos.bin"));

/// The embedded English part-of-speech model (Universal POS tags: `NOUN`, `PROPN`, `VERB`, ...),
/// trained on openly licensed treebanks (see the crate's NOTICE). Parsed on first use; its
/// weights are read in place from the binary.
///
/// ```
/// let pos = byline_tag::pos();
/// assert_eq!(pos.tags().len(), 17);
/// assert!(pos.is_borrowed());
/// ```
pub fn pos() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_static(&POS_BYTES.0).expect("the embedded POS model is valid"))
}

static PENN_BYTES: &Aligned<[u8]> = &Aligned(*include_bytes!("../data/penn.bin"));

/// The embedded English Penn Treebank part-of-speech model (`NN`, `NNP`, `VBD`, `PRP$`, ...,
/// with GUM's `HYPH`, `GW` and `AFX`), trained on the same treebanks and split as [`pos`] with
/// the same feature function. Parsed on first use only, so a program that never asks for Penn
/// tags neither reads nor pages in its weights.
///
/// ```
/// let penn = byline_tag::penn();
/// let tags = penn.tag_words(&["The", "minister", "condemned", "the", "West", "."]);
/// let names: Vec<&str> = tags.iter().map(|&t| penn.tag_name(t)).collect();
/// assert_eq!(names, ["DT", "NN", "VBD", "DT", "NNP", "."]);
/// ```
pub fn penn() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_static(&PENN_BYTES.0).expect("the embedded Penn model is valid")
    })
}

/// Builds a word-frequency table in the embedded format from `(word, zipf)` pairs (words
/// lower-cased, digits as `0`), with `2^bits` slots; used by the `build_freq` example.
///
/// ```
/// let bytes = byline_tag::frequency_table(&[("news".to_string(), 5.5)], 4);
/// assert_eq!(bytes.len(), 16 * 8);
/// ```
pub fn frequency_table(words: &[(String, f32)], bits: u32) -> Vec<u8> {
    freq::table_bytes(words, bits)
}
