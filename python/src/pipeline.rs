//! The native pipeline behind `byline.Pipeline`: inputs are copied into owned Rust strings, the
//! batch runs on a rayon pool with the GIL released, then documents are wrapped for Python.

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use rayon::prelude::*;

use crate::document::Document;
use crate::errors::{argument_type_error, guard, input_error, Failure, Kind};
use crate::gazetteer::Gazetteer;
use crate::pool;

/// The annotation pipeline (tokenizer, entity recognizer, quotation extraction).
#[pyclass(frozen, module = "byline._byline", name = "Pipeline")]
pub struct Pipeline {
    pub(crate) nlp: byline::Pipeline,
}

/// A Python `str` as a Rust string; another type is an `ArgumentTypeError` and lone surrogates
/// an `InputError`, each naming the item.
fn text_of(py: Python<'_>, item: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    let s = item.cast::<PyString>().map_err(|_| {
        argument_type_error(
            py,
            format!(
                "{what} is {}, expected str",
                item.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| "not a str".to_owned())
            ),
        )
    })?;
    match s.to_cow() {
        Ok(s) => Ok(s.into_owned()),
        Err(_) => Err(input_error(
            py,
            format!("{what} is not valid Unicode (it holds a lone surrogate)"),
        )),
    }
}

fn facade_error(py: Python<'_>, err: byline::Error) -> PyErr {
    match err.kind() {
        byline::ErrorKind::Gazetteer => {
            let mut f = Failure::new(Kind::Gazetteer, err.to_string());
            if let Some(source) = std::error::Error::source(&err)
                .and_then(|s| s.downcast_ref::<byline::gazetteer::Error>())
            {
                f.line = source.line();
            }
            f.into_pyerr(py)
        }
        _ => Failure::new(Kind::Byline, err.to_string()).into_pyerr(py),
    }
}

#[pymethods]
impl Pipeline {
    /// A pipeline over `gazetteers` (the embedded default when empty, or beside them with
    /// `with_default`), with the entity, quotation, part-of-speech and entity-model stages on
    /// or off.
    #[new]
    #[pyo3(signature = (
        gazetteers, *, with_default = false, entities = true, quotes = true, pos = true,
        entity_model = true
    ))]
    fn py_new(
        py: Python<'_>,
        gazetteers: Vec<PyRef<'_, Gazetteer>>,
        with_default: bool,
        entities: bool,
        quotes: bool,
        pos: bool,
        entity_model: bool,
    ) -> PyResult<Pipeline> {
        let mut builder = byline::Pipeline::builder();
        // Batches run on this module's fork-aware pools, never on the pipeline's own.
        builder
            .threads(1)
            .with_default(with_default)
            .entities(entities)
            .quotes(quotes)
            .pos(pos)
            .entity_model(entity_model);
        for g in &gazetteers {
            builder.gazetteer(g.compiled(py)?);
        }
        let built = py.detach(|| guard(|| builder.build()));
        match built {
            Ok(Ok(nlp)) => Ok(Pipeline { nlp }),
            Ok(Err(err)) => Err(facade_error(py, err)),
            Err(failure) => Err(failure.into_pyerr(py)),
        }
    }

    /// The gazetteer the entity stage matches against.
    #[getter]
    fn gazetteer(&self) -> Gazetteer {
        Gazetteer::from_compiled(std::sync::Arc::clone(self.nlp.gazetteer()))
    }

    /// Annotates one text.
    #[pyo3(signature = (text, id = None))]
    fn annotate(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        id: Option<String>,
    ) -> PyResult<Document> {
        let owned = text_of(py, text, "the text")?;
        let keep = text.cast::<PyString>()?.clone().unbind();
        let nlp = &self.nlp;
        match py.detach(|| nlp.try_annotate(owned)) {
            Ok(doc) => Ok(Document::new(py, doc, id, Some(keep))),
            Err(err) => Err(facade_error(py, err)),
        }
    }

    /// Annotates a batch on `n_threads` threads with the GIL released. Returns one item per
    /// text, in order: a `Document`, or the `BylineError` of a text that failed. Documents get
    /// the ids `ids`, or `first_id`, `first_id + 1`, ... when `first_id` is given.
    #[pyo3(signature = (texts, n_threads, first_id = None, *, ids = None))]
    fn annotate_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        n_threads: usize,
        first_id: Option<usize>,
        ids: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyList>> {
        if ids.as_ref().is_some_and(|ids| ids.len() != texts.len()) {
            return Err(input_error(py, "annotate_batch: one id per text is needed"));
        }
        let mut ids = ids.map(Vec::into_iter);
        // A text that is not a str (or not valid Unicode) becomes that position's error, so the
        // rest of the batch is still annotated and yielded.
        let mut owned = Vec::with_capacity(texts.len());
        let mut keep = Vec::with_capacity(texts.len());
        for (i, item) in texts.iter().enumerate() {
            let position = first_id.unwrap_or(0) + i;
            match text_of(py, &item, &format!("text {position}")) {
                Ok(text) => {
                    owned.push(Some(text));
                    keep.push(Ok(item.cast_into::<PyString>()?.unbind()));
                }
                Err(err) => {
                    owned.push(None);
                    keep.push(Err(err));
                }
            }
        }
        let threads = if n_threads == 0 {
            pool::default_threads()
        } else {
            n_threads
        };
        // Taken with the GIL held, so a fork cannot happen while the pool table is locked.
        let pool = if threads > 1 && owned.len() > 1 {
            Some(pool::pool(threads).map_err(|m| Failure::new(Kind::Byline, m).into_pyerr(py))?)
        } else {
            None
        };
        let nlp = &self.nlp;
        let results: Vec<Option<Result<byline::Document, byline::Error>>> =
            py.detach(|| match pool {
                Some(pool) => pool.install(|| {
                    owned
                        .into_par_iter()
                        .map(|text| text.map(|text| nlp.try_annotate(text)))
                        .collect()
                }),
                None => owned
                    .into_iter()
                    .map(|text| text.map(|text| nlp.try_annotate(text)))
                    .collect(),
            });
        let out = PyList::empty(py);
        for (i, (result, text)) in results.into_iter().zip(keep).enumerate() {
            let (result, text) = match (result, text) {
                (Some(result), Ok(text)) => (result, text),
                (_, Err(err)) => {
                    if let Some(ids) = ids.as_mut() {
                        ids.next();
                    }
                    out.append(err.into_value(py))?;
                    continue;
                }
                (None, Ok(_)) => unreachable!("every str was annotated"),
            };
            match result {
                Ok(doc) => {
                    let id = match ids.as_mut() {
                        Some(ids) => ids.next(),
                        None => first_id.map(|f| (f + i).to_string()),
                    };
                    out.append(Document::new(py, doc, id, Some(text)))?;
                }
                Err(err) => {
                    if let Some(ids) = ids.as_mut() {
                        ids.next();
                    }
                    let position = first_id.unwrap_or(0) + i;
                    let err = Failure::new(Kind::Byline, format!("text {position}: {err}"));
                    out.append(err.into_pyerr(py).into_value(py))?;
                }
            }
        }
        Ok(out)
    }
}

/// Forgets the rayon pools inherited from the parent process (called after `fork`).
#[pyfunction]
pub fn _after_fork_in_child() {
    pool::forget_after_fork();
}

/// The thread count used when none is given (`BYLINE_NUM_THREADS`, else one per CPU).
#[pyfunction]
pub fn default_threads() -> usize {
    pool::default_threads()
}

/// Raises the error a panic inside byline becomes, through the same guard every entry uses.
#[pyfunction]
pub fn _panic_for_test(py: Python<'_>, message: String) -> PyResult<()> {
    py.detach(|| guard(|| panic!("{message}")))
        .map_err(|f| f.into_pyerr(py))
}
