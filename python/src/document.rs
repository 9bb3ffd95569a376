//! `byline.Document`: an annotated text. Python objects are built on first access and cached;
//! offsets are code points.

use std::sync::OnceLock;

use byline::{CharIndex, Label, QuoteKind, QuoteRole, TokenKind};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString, PyTuple};
use serde::{Deserialize, Serialize};

use crate::errors::{input_error, Failure, Kind};
use crate::values::{Entity, Quote, Span, Speaker, Token};

/// A document annotated by a pipeline: its text, sentences, tokens, entity mentions and
/// quotations, with code-point offsets (`doc.text[e.start:e.end] == e.text`).
#[pyclass(frozen, module = "byline", name = "Document")]
pub struct Document {
    doc: byline::Document,
    id: Option<String>,
    index: OnceLock<CharIndex>,
    text: PyOnceLock<Py<PyString>>,
    sentences: PyOnceLock<Py<PyTuple>>,
    paragraphs: PyOnceLock<Py<PyTuple>>,
    tokens: PyOnceLock<Py<PyTuple>>,
    entities: PyOnceLock<Py<PyTuple>>,
    quotes: PyOnceLock<Py<PyTuple>>,
}

impl Document {
    /// Wraps an annotated document; `text`, when given, is the Python string it was made from
    /// (kept, so `doc.text` needs no copy).
    pub fn new(
        py: Python<'_>,
        doc: byline::Document,
        id: Option<String>,
        text: Option<Py<PyString>>,
    ) -> Document {
        let cell = PyOnceLock::new();
        if let Some(text) = text {
            let _ = cell.set(py, text);
        }
        Document {
            doc,
            id,
            index: OnceLock::new(),
            text: cell,
            sentences: PyOnceLock::new(),
            paragraphs: PyOnceLock::new(),
            tokens: PyOnceLock::new(),
            entities: PyOnceLock::new(),
            quotes: PyOnceLock::new(),
        }
    }

    fn index(&self) -> &CharIndex {
        self.index.get_or_init(|| self.doc.char_index())
    }

    fn span(&self, span: byline::Span) -> Span {
        let r = self.index().char_span(span);
        Span {
            start: r.start,
            end: r.end,
            text: span.as_str(&self.doc.text).to_owned(),
        }
    }

    fn cached<'py>(
        &self,
        py: Python<'py>,
        cell: &PyOnceLock<Py<PyTuple>>,
        make: impl FnOnce() -> PyResult<Bound<'py, PyTuple>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        cell.get_or_try_init(py, || make().map(Bound::unbind))
            .map(|t| t.bind(py).clone())
    }

    fn quote(&self, q: &byline::Quotation) -> Quote {
        let text = &self.doc.text;
        let joined = q
            .content
            .iter()
            .map(|s| s.as_str(text))
            .collect::<Vec<_>>()
            .join(" ");
        Quote {
            kind: q.kind.as_str().to_owned(),
            text: joined,
            content: q.content.iter().map(|&s| self.span(s)).collect(),
            quoted: q.quoted.iter().map(|&s| self.span(s)).collect(),
            cue: q.cue.map(|s| self.span(s)),
            speaker: q.speaker.as_ref().map(|sp| {
                let s = self.span(sp.span);
                Speaker {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    entity_id: sp.entity_id.clone(),
                    name: sp.name.clone(),
                }
            }),
            confidence: crate::values::decimal_f64(q.confidence),
        }
    }

    /// The JSON document, as the command writes it.
    pub fn json(&self, tokens: bool, text: bool, paragraphs: bool) -> String {
        let mut view = self
            .doc
            .to_json()
            .tokens(tokens)
            .text(text)
            .paragraphs(paragraphs);
        if let Some(id) = &self.id {
            view = view.id(id.as_str());
        }
        view.to_string()
    }

    fn state(&self) -> State {
        State::of(&self.doc, self.id.clone())
    }
}

#[pymethods]
impl Document {
    /// The document's text.
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.text
            .get_or_init(py, || PyString::new(py, &self.doc.text).unbind())
            .bind(py)
            .clone()
    }

    /// The document's id: given to `Pipeline.__call__`, or its position in the input of
    /// `Pipeline.pipe` (as a string); `None` otherwise.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// Sentences, in text order.
    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.cached(py, &self.sentences, || {
            PyTuple::new(py, self.doc.sentences().iter().map(|s| self.span(s.span)))
        })
    }

    /// Paragraphs, in text order.
    #[getter]
    fn paragraphs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.cached(py, &self.paragraphs, || {
            PyTuple::new(py, self.doc.paragraphs().iter().map(|p| self.span(p.span)))
        })
    }

    /// Tokens, in text order; together they cover every non-space character.
    #[getter]
    fn tokens<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.cached(py, &self.tokens, || {
            let penn = self.doc.penn_tags();
            PyTuple::new(
                py,
                self.doc.tokens().iter().enumerate().map(|(i, t)| {
                    let s = self.span(t.span);
                    Token {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        kind: t.kind.as_str().to_owned(),
                        pos: self.doc.pos_tag(i).map(str::to_owned),
                        tag: penn.get(i).map(|&t| t.to_owned()),
                    }
                }),
            )
        })
    }

    /// Entity mentions, in text order, not overlapping.
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.cached(py, &self.entities, || {
            PyTuple::new(
                py,
                self.doc.entities().iter().enumerate().map(|(i, e)| {
                    let s = self.span(e.span);
                    Entity {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        label: e.label.as_str().to_owned(),
                        entity_id: e.entity_id.clone(),
                        name: e.name.clone(),
                        source: self
                            .doc
                            .entity_sources
                            .get(i)
                            .map(|s| s.as_str().to_owned()),
                    }
                }),
            )
        })
    }

    /// Quotations, in text order.
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.cached(py, &self.quotes, || {
            PyTuple::new(py, self.doc.quotes().iter().map(|q| self.quote(q)))
        })
    }

    /// The byline JSON document (one line of the command's output), with code-point offsets.
    /// `tokens`, `text` and `paragraphs` add those fields, as the command's `--tokens` does.
    #[pyo3(signature = (*, tokens = false, text = false, paragraphs = false))]
    fn to_json(&self, py: Python<'_>, tokens: bool, text: bool, paragraphs: bool) -> String {
        py.detach(|| self.json(tokens, text, paragraphs))
    }

    /// The JSON document as a dict (`json.loads(doc.to_json(...))`).
    #[pyo3(signature = (*, tokens = false, text = false, paragraphs = false))]
    fn to_dict<'py>(
        &self,
        py: Python<'py>,
        tokens: bool,
        text: bool,
        paragraphs: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let line = self.json(tokens, text, paragraphs);
        py.import("json")?.call_method1("loads", (line,))
    }

    fn __len__(&self) -> usize {
        self.doc.tokens().len()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        const SHOWN: usize = 40;
        let text = &self.doc.text;
        let shown = match text.char_indices().nth(SHOWN) {
            Some((cut, _)) => format!("{}...", text[..cut].trim_end()),
            None => text.clone(),
        };
        let id = match &self.id {
            Some(id) => format!("id={}, ", PyString::new(py, id).repr()?),
            None => String::new(),
        };
        Ok(format!(
            "Document({id}text={}, sentences={}, entities={}, quotes={})",
            PyString::new(py, &shown).repr()?,
            self.doc.sentences().len(),
            self.doc.entities().len(),
            self.doc.quotes().len()
        ))
    }

    /// HTML for notebooks: entities highlighted by label, each quotation with its speaker.
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("byline._display")?
            .call_method1("render_html", (slf,))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        match other.cast::<Document>() {
            Ok(other) => {
                let other = other.get();
                self.id == other.id && self.state() == other.state()
            }
            Err(_) => false,
        }
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let py = slf.py();
        let state = serde_json::to_vec(&slf.get().state())
            .map_err(|e| Failure::new(Kind::Byline, e.to_string()).into_pyerr(py))?;
        let restore = py
            .import("byline._byline")?
            .getattr("_document_from_state")?;
        Ok((restore, (PyBytes::new(py, &state),)))
    }
}

/// Rebuilds a pickled document.
#[pyfunction]
pub fn _document_from_state(py: Python<'_>, state: &[u8]) -> PyResult<Document> {
    let state: State = serde_json::from_slice(state)
        .map_err(|e| input_error(py, format!("not a pickled byline document: {e}")))?;
    let (doc, id) = state
        .into_document()
        .map_err(|e| input_error(py, format!("not a pickled byline document: {e}")))?;
    Ok(Document::new(py, doc, id, None))
}

/// The pickled form of a document: every field of the Rust document, byte offsets.
#[derive(Serialize, Deserialize, PartialEq)]
struct State {
    id: Option<String>,
    text: String,
    /// `(start, end, kind, quote role)`.
    tokens: Vec<(usize, usize, String, Option<String>)>,
    /// `(start, end, first token, token end)`.
    sentences: Vec<(usize, usize, usize, usize)>,
    /// `(start, end, first sentence, sentence end)`.
    paragraphs: Vec<(usize, usize, usize, usize)>,
    /// The part of speech of each token by name (`"NOUN"`), empty when not computed; names, not
    /// the model's ids, so that a pickle outlives a change of model.
    #[serde(default)]
    pos: Vec<String>,
    entities: Vec<EntityState>,
    quotes: Vec<QuoteState>,
    /// `"gazetteer"`, `"model"` or `"both"`, one per entity.
    #[serde(default)]
    entity_sources: Vec<String>,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct EntityState {
    span: (usize, usize),
    label: String,
    entity_id: Option<String>,
    name: String,
    entry: Option<u32>,
    title: Option<(usize, usize)>,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct QuoteState {
    kind: String,
    content: Vec<(usize, usize)>,
    quoted: Vec<(usize, usize)>,
    cue: Option<(usize, usize)>,
    speaker: Option<SpeakerState>,
    confidence: f32,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct SpeakerState {
    span: (usize, usize),
    entity_id: Option<String>,
    name: Option<String>,
}

const LABELS: [Label; 7] = Label::ALL;
const TOKEN_KINDS: [TokenKind; 10] = [
    TokenKind::Word,
    TokenKind::Number,
    TokenKind::Punctuation,
    TokenKind::QuoteMark,
    TokenKind::Symbol,
    TokenKind::Url,
    TokenKind::Email,
    TokenKind::Mention,
    TokenKind::Hashtag,
    TokenKind::Emoji,
];
const QUOTE_KINDS: [QuoteKind; 3] = [QuoteKind::Direct, QuoteKind::Mixed, QuoteKind::Indirect];

fn role_str(role: QuoteRole) -> &'static str {
    match role {
        QuoteRole::Opening => "opening",
        QuoteRole::Closing => "closing",
        QuoteRole::Ambiguous => "ambiguous",
    }
}

fn parse<T: Copy>(all: &[T], name: &str, as_str: impl Fn(T) -> &'static str) -> Result<T, String> {
    all.iter()
        .copied()
        .find(|&v| as_str(v) == name)
        .ok_or_else(|| format!("unknown name {name:?}"))
}

fn pair(s: byline::Span) -> (usize, usize) {
    (s.start, s.end)
}

fn span((start, end): (usize, usize)) -> byline::Span {
    byline::Span::new(start, end)
}

impl State {
    fn of(doc: &byline::Document, id: Option<String>) -> State {
        State {
            id,
            text: doc.text.clone(),
            tokens: doc
                .tokens()
                .iter()
                .map(|t| {
                    (
                        t.span.start,
                        t.span.end,
                        t.kind.as_str().to_owned(),
                        t.quote.map(|r| role_str(r).to_owned()),
                    )
                })
                .collect(),
            sentences: doc
                .sentences()
                .iter()
                .map(|s| (s.span.start, s.span.end, s.tokens.start, s.tokens.end))
                .collect(),
            paragraphs: doc
                .paragraphs()
                .iter()
                .map(|p| (p.span.start, p.span.end, p.sentences.start, p.sentences.end))
                .collect(),
            pos: (0..doc.pos.len())
                .filter_map(|i| doc.pos_tag(i).map(str::to_owned))
                .collect(),
            entities: doc
                .entities()
                .iter()
                .map(|e| EntityState {
                    span: pair(e.span),
                    label: e.label.as_str().to_owned(),
                    entity_id: e.entity_id.clone(),
                    name: e.name.clone(),
                    entry: e.entry.map(|id| id.0),
                    title: e.title.map(pair),
                })
                .collect(),
            entity_sources: doc
                .entity_sources
                .iter()
                .map(|s| s.as_str().to_owned())
                .collect(),
            quotes: doc
                .quotes()
                .iter()
                .map(|q| QuoteState {
                    kind: q.kind.as_str().to_owned(),
                    content: q.content.iter().copied().map(pair).collect(),
                    quoted: q.quoted.iter().copied().map(pair).collect(),
                    cue: q.cue.map(pair),
                    speaker: q.speaker.as_ref().map(|s| SpeakerState {
                        span: pair(s.span),
                        entity_id: s.entity_id.clone(),
                        name: s.name.clone(),
                    }),
                    confidence: q.confidence,
                })
                .collect(),
        }
    }

    fn into_document(self) -> Result<(byline::Document, Option<String>), String> {
        let len = self.text.len();
        let check = |(start, end): (usize, usize)| -> Result<byline::Span, String> {
            if start <= end
                && end <= len
                && self.text.is_char_boundary(start)
                && self.text.is_char_boundary(end)
            {
                Ok(span((start, end)))
            } else {
                Err(format!("span {start}..{end} is not in the text"))
            }
        };
        let roles = [QuoteRole::Opening, QuoteRole::Closing, QuoteRole::Ambiguous];
        let tokens = self
            .tokens
            .iter()
            .map(|(start, end, kind, role)| {
                Ok(byline::Token {
                    span: check((*start, *end))?,
                    kind: parse(&TOKEN_KINDS, kind, TokenKind::as_str)?,
                    quote: role
                        .as_deref()
                        .map(|r| parse(&roles, r, role_str))
                        .transpose()?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let sentences = self
            .sentences
            .iter()
            .map(|&(start, end, t0, t1)| {
                Ok(byline::Sentence {
                    span: check((start, end))?,
                    tokens: t0..t1,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let paragraphs = self
            .paragraphs
            .iter()
            .map(|&(start, end, s0, s1)| {
                Ok(byline::Paragraph {
                    span: check((start, end))?,
                    sentences: s0..s1,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let entities = self
            .entities
            .iter()
            .map(|e| {
                Ok(byline::EntityMention {
                    span: check(e.span)?,
                    label: parse(&LABELS, &e.label, Label::as_str)?,
                    entity_id: e.entity_id.clone(),
                    name: e.name.clone(),
                    entry: e.entry.map(byline::EntryId),
                    title: e.title.map(check).transpose()?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let quotes = self
            .quotes
            .iter()
            .map(|q| {
                Ok(byline::Quotation {
                    kind: parse(&QUOTE_KINDS, &q.kind, QuoteKind::as_str)?,
                    content: q
                        .content
                        .iter()
                        .map(|&s| check(s))
                        .collect::<Result<_, _>>()?,
                    quoted: q
                        .quoted
                        .iter()
                        .map(|&s| check(s))
                        .collect::<Result<_, _>>()?,
                    cue: q.cue.map(check).transpose()?,
                    speaker: q
                        .speaker
                        .as_ref()
                        .map(|s| {
                            Ok::<_, String>(byline::Speaker {
                                span: check(s.span)?,
                                entity_id: s.entity_id.clone(),
                                name: s.name.clone(),
                            })
                        })
                        .transpose()?,
                    confidence: q.confidence,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        if !self.pos.is_empty() && self.pos.len() != tokens.len() {
            return Err(format!(
                "{} parts of speech for {} tokens",
                self.pos.len(),
                tokens.len()
            ));
        }
        let model = byline::tag::pos();
        let pos = self
            .pos
            .iter()
            .map(|name| {
                model
                    .tag_id(name)
                    .ok_or_else(|| format!("unknown part of speech {name:?}"))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let doc = byline::Document {
            text: self.text,
            segmentation: byline::Segmentation {
                tokens,
                sentences,
                paragraphs,
            },
            pos,
            entity_sources: self
                .entity_sources
                .iter()
                .map(|s| match s.as_str() {
                    "model" => Ok(byline::EntitySource::Model),
                    "both" => Ok(byline::EntitySource::Both),
                    "gazetteer" => Ok(byline::EntitySource::Gazetteer),
                    other => Err(format!("unknown entity source {other:?}")),
                })
                .collect::<Result<_, _>>()?,
            entities,
            quotes,
        };
        Ok((doc, self.id))
    }
}
