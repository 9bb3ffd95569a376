//! Frozen value objects handed to Python: spans, tokens, entities, quotations and speakers.
//! Offsets are code points (Python `str` indices).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

/// `x` as the `f64` whose shortest decimal form is `x`'s (`0.9f32` gives `0.9`, not
/// `0.8999999761581421`), as JSON writes it.
pub fn decimal_f64(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// Python `repr` of a string, as `repr(s)` gives it.
fn py_repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(pyo3::types::PyString::new(py, s).repr()?.to_string())
}

fn opt_repr(py: Python<'_>, s: &Option<String>) -> PyResult<String> {
    match s {
        Some(s) => py_repr(py, s),
        None => Ok("None".to_owned()),
    }
}

/// A span of the document's text: `doc.text[span.start:span.end] == span.text`.
#[pyclass(frozen, eq, hash, module = "byline", from_py_object)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub text: String,
}

#[pymethods]
impl Span {
    #[new]
    fn py_new(start: usize, end: usize, text: String) -> Span {
        Span { start, end, text }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Span(start={}, end={}, text={})",
            self.start,
            self.end,
            py_repr(py, &self.text)?
        ))
    }

    fn __len__(&self) -> usize {
        self.end - self.start
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        let args = (s.start, s.end, s.text.clone());
        PyTuple::new(
            slf.py(),
            [
                slf.get_type().into_any(),
                args.into_pyobject(slf.py())?.into_any(),
            ],
        )
    }

    /// The span as a dict, as in the JSON document.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        Ok(d)
    }
}

/// One token: its span, its kind (`"word"`, `"number"`, `"punct"`, `"quote"`, ...), its
/// Universal POS tag (`"NOUN"`, `"PROPN"`, ...) and its Penn Treebank tag (`"NN"`, `"NNP"`, ...),
/// each `None` when parts of speech were not computed.
#[pyclass(frozen, eq, hash, module = "byline", from_py_object)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub kind: String,
    #[pyo3(get)]
    pub pos: Option<String>,
    #[pyo3(get)]
    pub tag: Option<String>,
}

#[pymethods]
impl Token {
    #[new]
    #[pyo3(signature = (start, end, text, kind, pos = None, tag = None))]
    fn py_new(
        start: usize,
        end: usize,
        text: String,
        kind: String,
        pos: Option<String>,
        tag: Option<String>,
    ) -> Token {
        Token {
            start,
            end,
            text,
            kind,
            pos,
            tag,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let pos = match &self.pos {
            Some(p) => format!(", pos={}", py_repr(py, p)?),
            None => String::new(),
        };
        let tag = match &self.tag {
            Some(t) => format!(", tag={}", py_repr(py, t)?),
            None => String::new(),
        };
        Ok(format!(
            "Token(start={}, end={}, text={}, kind={}{pos}{tag})",
            self.start,
            self.end,
            py_repr(py, &self.text)?,
            py_repr(py, &self.kind)?
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        let args = (
            s.start,
            s.end,
            s.text.clone(),
            s.kind.clone(),
            s.pos.clone(),
            s.tag.clone(),
        );
        PyTuple::new(
            slf.py(),
            [
                slf.get_type().into_any(),
                args.into_pyobject(slf.py())?.into_any(),
            ],
        )
    }

    /// The token as a dict, as in the JSON document (`"pos"` and `"tag"` only when computed).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        d.set_item("kind", &self.kind)?;
        if let Some(pos) = &self.pos {
            d.set_item("pos", pos)?;
        }
        if let Some(tag) = &self.tag {
            d.set_item("tag", tag)?;
        }
        Ok(d)
    }
}

/// An entity mention: span, label (`"PERSON"`, `"ORG"`, `"GPE"`, ...), Wikidata id where known,
/// canonical name, and where it came from (`"gazetteer"`, `"model"` or `"both"`; `None` when
/// not known, as for an entity built by hand).
#[pyclass(frozen, eq, hash, module = "byline", from_py_object)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entity {
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub label: String,
    #[pyo3(get)]
    pub entity_id: Option<String>,
    #[pyo3(get)]
    pub name: String,
    #[pyo3(get)]
    pub source: Option<String>,
}

#[pymethods]
impl Entity {
    #[new]
    #[pyo3(signature = (start, end, text, label, entity_id, name, source = None))]
    fn py_new(
        start: usize,
        end: usize,
        text: String,
        label: String,
        entity_id: Option<String>,
        name: String,
        source: Option<String>,
    ) -> PyResult<Entity> {
        if let Some(s) = &source {
            if !matches!(s.as_str(), "gazetteer" | "model" | "both") {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "Entity source: expected \"gazetteer\", \"model\" or \"both\", got {s:?}"
                )));
            }
        }
        Ok(Entity {
            start,
            end,
            text,
            label,
            entity_id,
            name,
            source,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let source = match &self.source {
            Some(s) => format!(", source={}", py_repr(py, s)?),
            None => String::new(),
        };
        Ok(format!(
            "Entity(start={}, end={}, text={}, label={}, entity_id={}, name={}{source})",
            self.start,
            self.end,
            py_repr(py, &self.text)?,
            py_repr(py, &self.label)?,
            opt_repr(py, &self.entity_id)?,
            py_repr(py, &self.name)?
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        let args = (
            s.start,
            s.end,
            s.text.clone(),
            s.label.clone(),
            s.entity_id.clone(),
            s.name.clone(),
            s.source.clone(),
        );
        PyTuple::new(
            slf.py(),
            [
                slf.get_type().into_any(),
                args.into_pyobject(slf.py())?.into_any(),
            ],
        )
    }

    /// The entity as a dict, as in the JSON document.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        d.set_item("label", &self.label)?;
        d.set_item("entity_id", &self.entity_id)?;
        d.set_item("name", &self.name)?;
        if let Some(source) = &self.source {
            d.set_item("source", source)?;
        }
        Ok(d)
    }
}

/// Who said it: the span naming the speaker and the entity it resolves to, where known.
#[pyclass(frozen, eq, hash, module = "byline", from_py_object)]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Speaker {
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub text: String,
    #[pyo3(get)]
    pub entity_id: Option<String>,
    #[pyo3(get)]
    pub name: Option<String>,
}

#[pymethods]
impl Speaker {
    #[new]
    #[pyo3(signature = (start, end, text, entity_id, name))]
    fn py_new(
        start: usize,
        end: usize,
        text: String,
        entity_id: Option<String>,
        name: Option<String>,
    ) -> Speaker {
        Speaker {
            start,
            end,
            text,
            entity_id,
            name,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Speaker(start={}, end={}, text={}, entity_id={}, name={})",
            self.start,
            self.end,
            py_repr(py, &self.text)?,
            opt_repr(py, &self.entity_id)?,
            opt_repr(py, &self.name)?
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        let args = (
            s.start,
            s.end,
            s.text.clone(),
            s.entity_id.clone(),
            s.name.clone(),
        );
        PyTuple::new(
            slf.py(),
            [
                slf.get_type().into_any(),
                args.into_pyobject(slf.py())?.into_any(),
            ],
        )
    }

    /// The speaker as a dict, as in the JSON document.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        d.set_item("entity_id", &self.entity_id)?;
        d.set_item("name", &self.name)?;
        Ok(d)
    }
}

/// One attribution: what was said (`content`, one or more spans), the verbatim `quoted`
/// fragments, its `kind` (`"direct"`, `"mixed"`, `"indirect"`), the `cue`, the `speaker` and a
/// `confidence`.
#[pyclass(frozen, eq, module = "byline", from_py_object)]
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    #[pyo3(get)]
    pub kind: String,
    #[pyo3(get)]
    pub text: String,
    pub content: Vec<Span>,
    pub quoted: Vec<Span>,
    #[pyo3(get)]
    pub cue: Option<Span>,
    #[pyo3(get)]
    pub speaker: Option<Speaker>,
    #[pyo3(get)]
    pub confidence: f64,
}

#[pymethods]
impl Quote {
    #[new]
    #[pyo3(signature = (kind, text, content, quoted, cue, speaker, confidence))]
    fn py_new(
        kind: String,
        text: String,
        content: Vec<Span>,
        quoted: Vec<Span>,
        cue: Option<Span>,
        speaker: Option<Speaker>,
        confidence: f64,
    ) -> Quote {
        Quote {
            kind,
            text,
            content,
            quoted,
            cue,
            speaker,
            confidence,
        }
    }

    /// The content spans, in text order.
    #[getter]
    fn content<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.content.iter().cloned())
    }

    /// The verbatim fragments inside quote marks (empty for indirect speech).
    #[getter]
    fn quoted<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.quoted.iter().cloned())
    }

    /// First code point of the content.
    #[getter]
    fn start(&self) -> usize {
        self.content.first().map_or(0, |s| s.start)
    }

    /// One past the last code point of the content.
    #[getter]
    fn end(&self) -> usize {
        self.content.last().map_or(0, |s| s.end)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.kind.hash(&mut h);
        self.text.hash(&mut h);
        self.content.hash(&mut h);
        self.quoted.hash(&mut h);
        self.cue.hash(&mut h);
        self.speaker.hash(&mut h);
        self.confidence.to_bits().hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let speaker = match &self.speaker {
            Some(s) => s.__repr__(py)?,
            None => "None".to_owned(),
        };
        let cue = match &self.cue {
            Some(s) => py_repr(py, &s.text)?,
            None => "None".to_owned(),
        };
        Ok(format!(
            "Quote(kind={}, text={}, cue={}, speaker={}, confidence={})",
            py_repr(py, &self.kind)?,
            py_repr(py, &self.text)?,
            cue,
            speaker,
            self.confidence
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        let args = (
            s.kind.clone(),
            s.text.clone(),
            s.content.clone(),
            s.quoted.clone(),
            s.cue.clone(),
            s.speaker.clone(),
            s.confidence,
        );
        PyTuple::new(
            slf.py(),
            [
                slf.get_type().into_any(),
                args.into_pyobject(slf.py())?.into_any(),
            ],
        )
    }

    /// The quotation as a dict, as in the JSON document.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", &self.kind)?;
        d.set_item("text", &self.text)?;
        let spans = |v: &[Span]| -> PyResult<Vec<Bound<'py, PyDict>>> {
            v.iter()
                .map(|s| {
                    let d = PyDict::new(py);
                    d.set_item("start", s.start)?;
                    d.set_item("end", s.end)?;
                    Ok(d)
                })
                .collect()
        };
        d.set_item("content", spans(&self.content)?)?;
        d.set_item(
            "quoted",
            self.quoted
                .iter()
                .map(|s| s.to_dict(py))
                .collect::<PyResult<Vec<_>>>()?,
        )?;
        d.set_item("cue", self.cue.as_ref().map(|s| s.to_dict(py)).transpose()?)?;
        d.set_item(
            "speaker",
            self.speaker.as_ref().map(|s| s.to_dict(py)).transpose()?,
        )?;
        d.set_item("confidence", self.confidence)?;
        Ok(d)
    }
}
