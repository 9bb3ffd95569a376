//! Quotations in news text: direct, mixed and indirect speech, with the cue that reports them and
//! the speaker, resolved inside the document to the entity it names.
#![deny(missing_docs)]

// What a user of this crate needs, so that it can be the only dependency: the tokenizer whose
// segmentation `QuoteExtractor::extract` takes, and the entity mentions it resolves speakers to.
pub use byline_gazetteer;
pub use byline_gazetteer::EntityMention;
pub use byline_tokenize;
pub use byline_tokenize::{Segmentation, Span, Tokenizer};

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod extract;
mod lexicon;
mod resolve;
mod scan;

use byline_gazetteer::Label;
use resolve::Sex;

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
    ///
    /// The segmentation's sentences are used where it has them; an empty segmentation (such as
    /// `Segmentation::default()`) makes the extractor split sentences itself. Entity mentions
    /// resolve speakers to entities; an empty slice still resolves names and pronouns inside the
    /// document.
    ///
    /// ```
    /// use byline_quotes::{QuoteExtractor, QuoteKind};
    /// use byline_tokenize::Segmentation;
    ///
    /// let text = "\"We will,\" he said, \"win.\"";
    /// let quotes = QuoteExtractor::new().extract(text, &Segmentation::default(), &[]);
    /// assert_eq!(quotes.len(), 1);
    /// assert_eq!(quotes[0].kind, QuoteKind::Direct);
    /// let pieces: Vec<&str> = quotes[0].content.iter().map(|s| s.as_str(text)).collect();
    /// assert_eq!(pieces, ["\"We will,\"", "\"win.\""]);
    /// assert_eq!(quotes[0].speaker.as_ref().unwrap().span.as_str(text), "he");
    /// ```
    pub fn extract(
        &self,
        text: &str,
        segmentation: &Segmentation,
        entities: &[EntityMention],
    ) -> Vec<Quotation> {
        let mut doc = extract::Doc::new(text, segmentation);
        doc.set_names(
            entities
                .iter()
                .filter(|m| matches!(m.label, Label::Person | Label::Org))
                .map(|m| (m.span.start, m.span.end)),
        );
        let found = extract::extract(&doc);
        let mut resolver = resolve::Resolver::new(entities, first_name_sex);
        let mut out = Vec::with_capacity(found.len());
        for f in found {
            let quoted = quoted_fragments(&doc, &f.content);
            let kind = kind_of(text, &f.content, &quoted);
            let cue = f
                .cue
                .map(|(a, b)| Span::new(doc.toks[a].start, doc.toks[b - 1].end));
            let speaker = f.speaker.map(|(a, b)| {
                let (entity_id, name) = resolver.resolve(&doc, a, b, &f.content);
                Speaker {
                    span: Span::new(doc.toks[a].start, doc.toks[b - 1].end),
                    entity_id,
                    name,
                }
            });
            out.push(Quotation {
                kind,
                content: f.content,
                quoted,
                cue,
                speaker,
                confidence: f.confidence,
            });
        }
        out
    }
}

/// Sex of a first name, where the gazetteer's name table knows it.
fn first_name_sex(name: &str) -> Sex {
    match byline_gazetteer::names::first_name_sex(name) {
        Some(byline_gazetteer::names::Sex::Male) => Sex::Male,
        Some(byline_gazetteer::names::Sex::Female) => Sex::Female,
        None => Sex::Unknown,
    }
}

/// The words inside quote marks within the content pieces, without the marks.
fn quoted_fragments(doc: &extract::Doc<'_>, content: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for piece in content {
        // Quotations do not overlap, so they are sorted by end as well as by start.
        let first = doc.quotes.partition_point(|q| q.end <= piece.start);
        for q in doc.quotes[first..]
            .iter()
            .take_while(|q| q.start < piece.end)
        {
            // Only outermost quotations.
            if doc.in_quote[q.open] != 0 {
                continue;
            }
            let s = q.inner_start.max(piece.start);
            let e = q.inner_end.min(piece.end);
            let span = trim(doc.text, s, e);
            if !span.is_empty() {
                out.push(span);
            }
        }
    }
    out
}

/// `[s, e)` without surrounding white space and the punctuation that closes a quoted sentence.
fn trim(text: &str, mut s: usize, mut e: usize) -> Span {
    let strip = |c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?');
    while s < e {
        match text[s..e].chars().next() {
            Some(c) if c.is_whitespace() => s += c.len_utf8(),
            _ => break,
        }
    }
    while s < e {
        match text[s..e].chars().next_back() {
            Some(c) if strip(c) && !(c == '?' || c == '!') => e -= c.len_utf8(),
            _ => break,
        }
    }
    Span::new(s, e)
}

fn kind_of(text: &str, content: &[Span], quoted: &[Span]) -> QuoteKind {
    if quoted.is_empty() {
        return QuoteKind::Indirect;
    }
    let outside_words = content.iter().any(|p| {
        let mut k = p.start;
        for c in p.as_str(text).chars() {
            if c.is_alphanumeric() && !quoted.iter().any(|q| q.start <= k && k < q.end) {
                return true;
            }
            k += c.len_utf8();
        }
        false
    });
    if outside_words {
        QuoteKind::Mixed
    } else {
        QuoteKind::Direct
    }
}
