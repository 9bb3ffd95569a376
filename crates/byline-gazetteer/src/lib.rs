//! Entity matching against a gazetteer: aliases mapped to canonical entities with a label and a
//! Wikidata id, matched leftmost-longest on token boundaries over `aho-corasick`, with an embedded
//! default gazetteer for English news.
#![deny(missing_docs)]

use std::sync::Arc;

use byline_tokenize::Segmentation;
pub use byline_tokenize::Span;

/// An entity's type, as in OntoNotes (PERSON, ORG, GPE, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Label {
    /// People, real or fictional.
    Person,
    /// Nationalities, religious and political groups (`Iranian`, `Palestinians`).
    Norp,
    /// Buildings, airports, bridges.
    Fac,
    /// Companies, agencies, institutions, parties, news organisations.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE locations: regions, mountains, bodies of water (`Middle East`, `Gaza Strip`).
    Loc,
    /// Anything else.
    Misc,
}

impl Label {
    /// The label's name in JSON (`"PERSON"`, `"ORG"`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }
}

/// Index of an entry in its [`Gazetteer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub u32);

/// One canonical entity and the aliases that name it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Wikidata QID where the data has one.
    pub id: Option<String>,
    /// Canonical name.
    pub name: String,
    /// Entity type.
    pub label: Label,
    /// Surface forms that name the entity (the canonical name is always one).
    pub aliases: Vec<String>,
    /// Prior weight used to break ties between entries sharing an alias.
    pub weight: f32,
}

/// A compiled gazetteer: entries and the automaton over their aliases. `Send + Sync`.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
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

impl Gazetteer {
    /// The embedded default gazetteer, built once per process.
    pub fn embedded() -> Arc<Gazetteer> {
        todo!("embedded gazetteer")
    }

    /// The entry with this id.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id.0 as usize]
    }

    /// Leftmost-longest, token-aligned matches of aliases in `text`.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let _ = text;
        todo!("matching")
    }
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
#[derive(Clone, Debug)]
pub struct EntityRecognizer {
    gazetteer: Arc<Gazetteer>,
}

impl EntityRecognizer {
    /// A recognizer over `gazetteer`.
    pub fn new(gazetteer: Arc<Gazetteer>) -> EntityRecognizer {
        EntityRecognizer { gazetteer }
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// Entity mentions of `text`, in order, not overlapping.
    pub fn recognize(&self, text: &str, segmentation: &Segmentation) -> Vec<EntityMention> {
        let _ = (text, segmentation);
        todo!("recognition")
    }
}
