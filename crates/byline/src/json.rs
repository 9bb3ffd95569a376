use std::borrow::Cow;
use std::fmt;
use std::io;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use byline_tokenize::Span;

use crate::{CharIndex, Document};

/// The byline JSON document of a [`Document`], with code-point offsets: the schema of one line of
/// the command's JSON Lines output. Made by [`Document::to_json`]; serialise it with serde, write
/// it with [`write_to`](DocumentJson::write_to) or turn it into a `String` with `to_string`.
///
/// Fields: `id`, `sentences`, `entities`, `quotes`, and on request `text`, `paragraphs` and
/// `tokens`. Fields may be added in later versions; none is renamed.
///
/// ```
/// let doc = byline::Pipeline::new().annotate("Ça va.");
/// let value: serde_json::Value =
///     serde_json::from_str(&doc.to_json().id("7").tokens(true).to_string()).unwrap();
/// assert_eq!(value["id"], "7");
/// assert_eq!(value["tokens"][1]["start"], 3); // "va": code point 3, byte 4
/// ```
#[derive(Clone, Debug)]
pub struct DocumentJson<'a> {
    doc: &'a Document,
    index: CharIndex,
    id: Option<Cow<'a, str>>,
    text: bool,
    tokens: bool,
    paragraphs: bool,
}

impl<'a> DocumentJson<'a> {
    pub(crate) fn new(doc: &'a Document) -> DocumentJson<'a> {
        DocumentJson {
            doc,
            index: doc.char_index(),
            id: None,
            text: false,
            tokens: false,
            paragraphs: false,
        }
    }

    /// Sets the `id` field (`null` when not set).
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Hi.");
    /// assert!(doc.to_json().id(String::from("a-1")).to_string().starts_with(r#"{"id":"a-1","#));
    /// ```
    pub fn id<S: Into<Cow<'a, str>>>(mut self, id: S) -> DocumentJson<'a> {
        self.id = Some(id.into());
        self
    }

    /// Adds the `tokens` field: `[{"start", "end", "kind", "pos", "tag"}]` (`pos`, the
    /// Universal POS tag, and `tag`, the Penn Treebank tag, when the pipeline computed parts of
    /// speech; the Penn tags are computed only here, for output that asks for tokens).
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Hi.");
    /// assert!(doc.to_json().tokens(true).to_string().contains(r#""kind":"punct""#));
    /// ```
    pub fn tokens(mut self, yes: bool) -> DocumentJson<'a> {
        self.tokens = yes;
        self
    }

    /// Adds the `paragraphs` field: `[{"start", "end"}]`.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("A.\n\nB.");
    /// assert!(doc.to_json().paragraphs(true).to_string().contains(r#""paragraphs":[{"start":0,"end":2},"#));
    /// ```
    pub fn paragraphs(mut self, yes: bool) -> DocumentJson<'a> {
        self.paragraphs = yes;
        self
    }

    /// Adds the `text` field: the document's text.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Hi.");
    /// assert!(doc.to_json().text(true).to_string().contains(r#""text":"Hi.""#));
    /// ```
    pub fn text(mut self, yes: bool) -> DocumentJson<'a> {
        self.text = yes;
        self
    }

    /// Writes the document as one line of JSON (no newline).
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Hi.");
    /// let mut out = Vec::new();
    /// doc.to_json().write_to(&mut out).unwrap();
    /// assert!(out.starts_with(b"{\"id\":null"));
    /// ```
    pub fn write_to<W: io::Write>(&self, writer: W) -> io::Result<()> {
        serde_json::to_writer(writer, self).map_err(io::Error::from)
    }

    fn span(&self, span: Span) -> SpanJson {
        let r = self.index.char_span(span);
        SpanJson {
            start: r.start,
            end: r.end,
        }
    }

    fn text_span(&self, span: Span) -> TextSpanJson<'a> {
        let r = self.index.char_span(span);
        TextSpanJson {
            start: r.start,
            end: r.end,
            text: span.as_str(&self.doc.text),
        }
    }
}

impl fmt::Display for DocumentJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&line)
    }
}

/// Serialises the items of a slice mapped through a function, without collecting them.
struct Seq<'s, T, F>(&'s [T], F);

/// A [`Seq`], with the closure's argument type fixed for inference.
fn seq<'s, T, R, F>(items: &'s [T], f: F) -> Seq<'s, T, F>
where
    F: Fn(&'s T) -> R,
    R: Serialize,
{
    Seq(items, f)
}

impl<'s, T, R, F> Serialize for Seq<'s, T, F>
where
    F: Fn(&'s T) -> R,
    R: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(&self.1))
    }
}

#[derive(Serialize)]
struct SpanJson {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct TextSpanJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct TokenJson {
    start: usize,
    end: usize,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pos: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tag: Option<&'static str>,
}

/// The tokens of a document with their parts of speech.
struct TokensJson<'v, 'a>(&'v DocumentJson<'a>);

impl Serialize for TokensJson<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        let doc = view.doc;
        let penn = doc.penn_tags();
        serializer.collect_seq(doc.segmentation.tokens.iter().enumerate().map(|(i, t)| {
            let r = view.index.char_span(t.span);
            TokenJson {
                start: r.start,
                end: r.end,
                kind: t.kind.as_str(),
                pos: doc.pos_tag(i),
                tag: penn.get(i).copied(),
            }
        }))
    }
}

/// The entity mentions of a document with their sources.
struct EntitiesJson<'v, 'a>(&'v DocumentJson<'a>);

impl Serialize for EntitiesJson<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        let doc = view.doc;
        serializer.collect_seq(doc.entities.iter().enumerate().map(|(i, e)| {
            let r = view.index.char_span(e.span);
            EntityJson {
                start: r.start,
                end: r.end,
                text: e.span.as_str(&doc.text),
                label: e.label.as_str(),
                entity_id: e.entity_id.as_deref(),
                name: &e.name,
                source: doc.entity_sources.get(i).map(|s| s.as_str()),
            }
        }))
    }
}

#[derive(Serialize)]
struct EntityJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'static str,
    entity_id: Option<&'a str>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
}

#[derive(Serialize)]
struct SpeakerJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    entity_id: Option<&'a str>,
    name: Option<&'a str>,
}

impl Serialize for DocumentJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        if self.text {
            map.serialize_entry("text", &doc.text)?;
        }
        map.serialize_entry(
            "sentences",
            &seq(&doc.segmentation.sentences, |s| self.span(s.span)),
        )?;
        if self.paragraphs {
            map.serialize_entry(
                "paragraphs",
                &seq(&doc.segmentation.paragraphs, |p| self.span(p.span)),
            )?;
        }
        if self.tokens {
            map.serialize_entry("tokens", &TokensJson(self))?;
        }
        map.serialize_entry("entities", &EntitiesJson(self))?;
        map.serialize_entry("quotes", &seq(&doc.quotes, |q| QuoteJson { json: self, q }))?;
        map.end()
    }
}

struct QuoteJson<'j, 'a> {
    json: &'j DocumentJson<'a>,
    q: &'a byline_quotes::Quotation,
}

impl Serialize for QuoteJson<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (json, q) = (self.json, self.q);
        let text = &json.doc.text;
        let mut map = serializer.serialize_map(Some(8))?;
        map.serialize_entry("kind", q.kind.as_str())?;
        map.serialize_entry("text", &quote_text(text, &q.content))?;
        map.serialize_entry("content", &seq(&q.content, |s| json.span(*s)))?;
        map.serialize_entry("quoted", &seq(&q.quoted, |s| json.text_span(*s)))?;
        map.serialize_entry("cue", &q.cue.map(|s| json.text_span(s)))?;
        let speaker = q.speaker.as_ref().map(|sp| {
            let r = json.index.char_span(sp.span);
            SpeakerJson {
                start: r.start,
                end: r.end,
                text: sp.span.as_str(text),
                entity_id: sp.entity_id.as_deref(),
                name: sp.name.as_deref(),
            }
        });
        map.serialize_entry("speaker", &speaker)?;
        map.serialize_entry("confidence", &q.confidence)?;
        map.end()
    }
}

/// The text of a quotation's content: its pieces joined by a space.
pub(crate) fn quote_text<'t>(text: &'t str, content: &[Span]) -> Cow<'t, str> {
    match content {
        [] => Cow::Borrowed(""),
        [one] => Cow::Borrowed(one.as_str(text)),
        pieces => {
            let mut joined = String::new();
            for (i, piece) in pieces.iter().enumerate() {
                if i > 0 {
                    joined.push(' ');
                }
                joined.push_str(piece.as_str(text));
            }
            Cow::Owned(joined)
        }
    }
}

impl Serialize for Document {
    /// Serialises as [`Document::to_json`] does with no option set (`"id": null`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}
