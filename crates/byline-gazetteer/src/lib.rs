//! Entity matching against a gazetteer: aliases mapped to canonical entities with a label and a
//! Wikidata id, matched leftmost-longest on token boundaries, with an embedded
//! default gazetteer for English news.
//!
//! ```
//! use byline_gazetteer::{Entry, Gazetteer, Label};
//!
//! let gaz = Gazetteer::new(vec![
//!     Entry::new("Iran", Label::Gpe).id("Q794"),
//!     Entry::new("Iranian", Label::Norp).alias("Iranians"),
//! ])?;
//! let text = "Iranian officials met in Iran’s capital.";
//! let found: Vec<(&str, &str)> = gaz
//!     .find(text)
//!     .iter()
//!     .map(|m| (&text[m.span.range()], gaz.entry(m.entry).name.as_str()))
//!     .collect();
//! assert_eq!(found, [("Iranian", "Iranian"), ("Iran", "Iran")]);
//! # Ok::<(), byline_gazetteer::Error>(())
//! ```
//!
//! # Matching
//!
//! Text and aliases are normalised the same way before matching, and every match is mapped back
//! to exact byte offsets of the original text:
//!
//! - the text is cut into *units*: runs of letters and digits (in any script), and single
//!   characters of punctuation, symbols, and of scripts written without spaces (Chinese,
//!   Japanese, Thai ...). An alias matches whole units only: no `Iran` inside `Iranian`, no
//!   `Hamas` inside `Bahamas`; `Russia’s` matches `Russia` (the possessive is left out of the
//!   span); `Hamas-led` matches `Hamas`;
//! - white space between units is ignored, so a name broken over a line matches;
//! - Unicode case folding (`STRASSE` = `Straße`, Greek final sigma), apostrophe variants
//!   (`’ ‘ ʼ`) and dash variants (`– — ‐ −`), and, by default, diacritics (`Zurich` =
//!   `Zürich`; see [`GazetteerBuilder::fold_diacritics`]).
//!
//! The search is leftmost-longest: at the leftmost place where some alias matches, the longest
//! alias wins (`New York City` over `New York`), and matches never overlap. See
//! [`Gazetteer::find_overlapping`] for every match.
//!
//! # Case
//!
//! Each entry is matched in one of three [`CaseMode`]s, the gazetteer's default or the entry's
//! own: `exact`, `insensitive`, or `smart` (the default). In smart mode:
//!
//! - an acronym (`US`, `WHO`, `U.S.`) or a common English word (`May`, `Nice`, `Reading`)
//!   matches only in its own case, so `us` and `who` are not entities; such a word at the
//!   start of a sentence (`May I ...`) is kept only when the document names the same entity
//!   elsewhere;
//! - any other alias with a capital letter matches in any case except all lower case (`IRAN`
//!   and `Iran`, not `iran`); an alias without capitals matches in any case.
//!
//! # Ambiguity
//!
//! When an alias names several entries (`Georgia` the country and the US state), every entry
//! is kept in [`Match::candidates`], best first, and [`Match::entry`] is the first. Candidates
//! are ranked by, in order: being named elsewhere in the same text by an alias that names it
//! alone; higher [`Entry::weight`]; label priority (GPE, PERSON, ORG, NORP, LOC, FAC, MISC);
//! order of the entries.
//!
//! # Files
//!
//! [`GazetteerBuilder`] reads three formats, plain or gzip-compressed (`.gz`):
//!
//! - **JSON Lines** (`.jsonl`), one entry a line:
//!   `{"id": "Q42", "name": "Douglas Adams", "label": "PERSON", "aliases": ["Adams"],
//!   "weight": 1.0, "case": "smart"}`; `id` (a string or null), `aliases`, `weight` (default
//!   1.0) and `case` (`smart`, `exact` or `insensitive`; default: the gazetteer's) are optional,
//!   other fields are ignored. This is also the format of the embedded gazetteer.
//! - **TSV** (`.tsv`): `id TAB name TAB label [TAB aliases [TAB weight [TAB case [TAB
//!   description]]]]`, aliases separated by `|`, an empty id for none; blank lines and lines
//!   starting with `#` are skipped. A first row that is a header (every field a column name,
//!   `name` and `label` among them, as in CSV: `name TAB label`) says which columns follow, in
//!   any order; a row holding a label such as `PERSON` is never taken for a header.
//! - **CSV** (`.csv`): a header naming the columns `name` and `label`, and optionally `id`,
//!   `aliases` (separated by `|`), `weight`, `case` and `description`, in any order.
//!
//! Errors name the file, the line and the field. An alias shared by several entries keeps all
//! of them as candidates; the canonical name is always an alias of its entry.
//!
//! # People
//!
//! [`EntityRecognizer`] adds to the gazetteer's matches the people it does not know: a
//! capitalised name after a title ([`titles`]) or starting with a known first name
//! ([`names`]), and later mentions of their surnames. See [`EntityRecognizer::recognize`].
#![deny(missing_docs)]

use std::sync::Arc;

// What a user of this crate needs, so that it can be the only dependency: the tokenizer whose
// segmentation `EntityRecognizer::recognize` takes.
pub use byline_tokenize;
pub use byline_tokenize::{Segmentation, Span, Tokenizer};

/// Runs the README's example as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod common_words;
mod compiled;
mod error;
mod gazetteer;
mod handles;
mod load;
mod matcher;
pub mod names;
mod normalize;
mod recognize;
mod slab;
mod store;
pub mod titles;
mod types;

pub use error::Error;
pub use gazetteer::GazetteerBuilder;
pub use types::{CaseMode, Entry, EntryId, Label, ParseNameError};

/// A compiled gazetteer: entries and the trie over the words of their aliases. `Send + Sync`;
/// build it once and share it (`Arc`).
///
/// ```
/// use byline_gazetteer::{Entry, Gazetteer, Label};
///
/// let gaz = Gazetteer::new(vec![Entry::new("Georgia", Label::Gpe).id("Q230")])?;
/// assert_eq!(gaz.len(), 1);
/// assert_eq!(gaz.lookup("GEORGIA").len(), 1);
/// # Ok::<(), byline_gazetteer::Error>(())
/// ```
#[derive(Debug)]
pub struct Gazetteer {
    store: store::Store,
    /// Entries built from the store on first access, for [`Gazetteer::entry`] (the table
    /// itself is made on the first access).
    cache: std::sync::OnceLock<Box<[std::sync::OnceLock<Box<Entry>>]>>,
    /// Every entry, built on the first call of [`Gazetteer::entries`].
    all: std::sync::OnceLock<Vec<Entry>>,
    case: CaseMode,
    fold_diacritics: bool,
    matcher: matcher::Matcher,
    /// The aliases as they run together in hashtags and handles, indexed at the first one.
    handles: std::sync::OnceLock<handles::Handles>,
}

/// One match of an alias in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// Byte span of the alias in the text (without a following possessive `'s`).
    pub span: Span,
    /// The chosen entry.
    pub entry: EntryId,
    /// Every entry sharing the matched alias, best first (the chosen one included).
    pub candidates: Vec<EntryId>,
}

/// An entity mention found in a document: a gazetteer match, or a person the gazetteer does not
/// know, recognised by a title, honorific or known first name.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityMention {
    /// Byte span of the mention (the name, without title or possessive).
    pub span: Span,
    /// Entity type.
    pub label: Label,
    /// Wikidata QID where known.
    pub entity_id: Option<String>,
    /// Canonical name: the gazetteer's, or the fullest form of the name in the document.
    pub name: String,
    /// The gazetteer entry, when the mention comes from the gazetteer.
    pub entry: Option<EntryId>,
    /// A title or role right before the name (`President`, `White House spokesman`).
    pub title: Option<Span>,
}

/// Finds entity mentions in segmented text with a gazetteer and person-name rules.
///
/// ```
/// use std::sync::Arc;
/// use byline_gazetteer::{EntityRecognizer, Entry, Gazetteer, Label};
/// use byline_tokenize::Tokenizer;
///
/// let gaz = Gazetteer::new(vec![Entry::new("White House", Label::Org)])?;
/// let rec = EntityRecognizer::new(Arc::new(gaz));
/// let text = "White House spokesman John Kirby spoke. Kirby left.";
/// let seg = Tokenizer::new().segment(text);
/// let mentions = rec.recognize(text, &seg);
/// let people: Vec<(&str, &str)> = mentions
///     .iter()
///     .filter(|m| m.label == Label::Person)
///     .map(|m| (&text[m.span.range()], m.name.as_str()))
///     .collect();
/// assert_eq!(people, [("John Kirby", "John Kirby"), ("Kirby", "John Kirby")]);
/// # Ok::<(), byline_gazetteer::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct EntityRecognizer {
    gazetteer: Arc<Gazetteer>,
}

impl EntityRecognizer {
    /// A recognizer over `gazetteer`.
    ///
    /// ```
    /// let rec = byline_gazetteer::EntityRecognizer::new(byline_gazetteer::Gazetteer::embedded());
    /// assert!(rec.gazetteer().len() > 0);
    /// ```
    pub fn new(gazetteer: Arc<Gazetteer>) -> EntityRecognizer {
        EntityRecognizer { gazetteer }
    }

    /// The gazetteer in use.
    ///
    /// ```
    /// let rec = byline_gazetteer::EntityRecognizer::new(byline_gazetteer::Gazetteer::embedded());
    /// assert!(!rec.gazetteer().is_empty());
    /// ```
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// Entity mentions of `text`, in order, not overlapping.
    ///
    /// The gazetteer's matches ([`Gazetteer::find`]), then people it does not know: a run of
    /// capitalised words right after a title or honorific (`spokesman John Kirby`,
    /// `Dr. Jane Roe`), or starting with a known first name and not at the start of a
    /// sentence or in a title-case headline (`Follow Daryo` is not a person). A later single
    /// word equal to the surname of a person of the document, known or not, is that person,
    /// with the same `name` (and id). Each person mention carries the title right before it
    /// in [`EntityMention::title`].
    ///
    /// Inside hashtags and @-handles, aliases are found case-insensitively where the words
    /// run together, on CamelCase boundaries (`#StandWithUkraine`, `@ZelenskyyUa`), or as
    /// the whole tag (`#blacklivesmatter`); the mention's span is the matched part, without
    /// `#`, `@` or the other words.
    pub fn recognize(&self, text: &str, segmentation: &Segmentation) -> Vec<EntityMention> {
        let mut mentions = recognize::recognize(&self.gazetteer, text, segmentation);
        handles::add(&self.gazetteer, text, segmentation, &mut mentions);
        mentions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_types_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Gazetteer>();
        check::<EntityRecognizer>();
        check::<Error>();
        check::<Match>();
        check::<EntityMention>();
    }
}
