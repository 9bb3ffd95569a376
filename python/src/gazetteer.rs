//! `byline.Gazetteer`: entries and aliases, built from records or files, extended with `add`,
//! compiled into the matcher on first use.

use std::sync::Arc;

use byline::gazetteer::{CaseMode, GazetteerBuilder};
use byline::{Entry, Label};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};

use crate::errors::{guard, Failure, Kind};
use crate::values::Entity;

/// One gazetteer entry: a canonical entity and the aliases that name it.
#[pyclass(frozen, eq, module = "byline", name = "GazetteerEntry")]
#[derive(Clone, Debug, PartialEq)]
pub struct GazetteerEntry {
    /// Wikidata QID where known.
    #[pyo3(get)]
    entity_id: Option<String>,
    /// Canonical name.
    #[pyo3(get)]
    name: String,
    /// Entity type (`"PERSON"`, `"ORG"`, ...).
    #[pyo3(get)]
    label: String,
    aliases: Vec<String>,
    /// Prior weight breaking ties between entries sharing an alias.
    #[pyo3(get)]
    weight: f64,
    /// A short description telling the entry from others of its name (`capital of France`).
    #[pyo3(get)]
    description: Option<String>,
    /// Where the entry came from: the open dataset (`mledoze/countries`) for the default
    /// gazetteer, the file's name for a file, `None` for entries added in code.
    #[pyo3(get)]
    source: Option<String>,
}

impl GazetteerEntry {
    fn of(entry: &Entry, source: Option<&str>) -> GazetteerEntry {
        GazetteerEntry {
            entity_id: entry.id.clone(),
            name: entry.name.clone(),
            label: entry.label.as_str().to_owned(),
            aliases: entry.aliases.clone(),
            weight: crate::values::decimal_f64(entry.weight),
            description: entry.description.clone(),
            source: source.map(str::to_owned),
        }
    }
}

#[pymethods]
impl GazetteerEntry {
    /// The surface forms naming the entity.
    #[getter]
    fn aliases<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.aliases)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let repr = |s: &str| -> PyResult<String> {
            Ok(pyo3::types::PyString::new(py, s).repr()?.to_string())
        };
        Ok(format!(
            "GazetteerEntry(entity_id={}, name={}, label={}, aliases={}, weight={}, \
             description={}, source={})",
            match &self.entity_id {
                Some(id) => repr(id)?,
                None => "None".to_owned(),
            },
            repr(&self.name)?,
            repr(&self.label)?,
            self.aliases(py)?.repr()?,
            self.weight,
            match &self.description {
                Some(d) => repr(d)?,
                None => "None".to_owned(),
            },
            match &self.source {
                Some(s) => repr(s)?,
                None => "None".to_owned(),
            }
        ))
    }

    /// The entry as a record dict, as `Gazetteer(records)` takes it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("id", &self.entity_id)?;
        d.set_item("name", &self.name)?;
        d.set_item("label", &self.label)?;
        d.set_item("aliases", &self.aliases)?;
        d.set_item("weight", self.weight)?;
        d.set_item("description", &self.description)?;
        Ok(d)
    }
}

fn gazetteer_failure(err: &byline::gazetteer::Error, file: Option<&str>) -> Failure {
    let mut f = Failure::new(Kind::Gazetteer, err.to_string());
    f.line = err.line();
    f.file = file.map(str::to_owned);
    f
}

/// A gazetteer: entries (canonical name, label, Wikidata id, aliases, weight) matched
/// leftmost-longest on token boundaries.
#[pyclass(module = "byline._byline", name = "Gazetteer")]
pub struct Gazetteer {
    /// The last compiled gazetteer.
    compiled: Option<Arc<byline::Gazetteer>>,
    /// Entries added since, on top of `compiled`.
    pending: Option<GazetteerBuilder>,
}

impl Gazetteer {
    pub fn from_compiled(compiled: Arc<byline::Gazetteer>) -> Gazetteer {
        Gazetteer {
            compiled: Some(compiled),
            pending: None,
        }
    }

    fn builder(&mut self) -> &mut GazetteerBuilder {
        let compiled = &self.compiled;
        self.pending.get_or_insert_with(|| {
            let mut b = byline::Gazetteer::builder();
            if let Some(g) = compiled {
                extend(&mut b, g);
            }
            b
        })
    }

    /// The compiled gazetteer, building it first if entries were added.
    pub fn compiled(&self, py: Python<'_>) -> PyResult<Arc<byline::Gazetteer>> {
        if let (Some(g), None) = (&self.compiled, &self.pending) {
            return Ok(Arc::clone(g));
        }
        let empty = byline::Gazetteer::builder();
        let builder = self.pending.as_ref().unwrap_or(&empty);
        match py.detach(|| guard(|| builder.build())) {
            Ok(Ok(g)) => Ok(Arc::new(g)),
            Ok(Err(err)) => Err(gazetteer_failure(&err, None).into_pyerr(py)),
            Err(failure) => Err(failure.into_pyerr(py)),
        }
    }

    fn compile(&mut self, py: Python<'_>) -> PyResult<Arc<byline::Gazetteer>> {
        let g = self.compiled(py)?;
        self.compiled = Some(Arc::clone(&g));
        self.pending = None;
        Ok(g)
    }
}

/// Adds every entry of `g` to `builder`, each in its own case mode and with its source.
fn extend(builder: &mut GazetteerBuilder, g: &byline::Gazetteer) {
    builder.fold_diacritics(g.folds_diacritics());
    builder.add_gazetteer(g);
}

#[pymethods]
impl Gazetteer {
    /// An empty gazetteer.
    #[new]
    fn py_new() -> Gazetteer {
        Gazetteer {
            compiled: None,
            pending: Some(byline::Gazetteer::builder()),
        }
    }

    /// The embedded default gazetteer.
    #[staticmethod]
    fn default() -> Gazetteer {
        Gazetteer::from_compiled(byline::Gazetteer::embedded())
    }

    /// Adds one entry. `label` is one of PERSON, NORP, FAC, ORG, GPE, LOC, MISC; the name is
    /// always an alias; `description` tells it from others of its name. `case` (`"smart"`, `"exact"`, `"insensitive"`) sets how the case of
    /// the text must agree with the aliases (default: the gazetteer's, smart).
    #[pyo3(signature = (name, label, *, aliases = Vec::new(), entity_id = None, weight = 1.0, case = None, description = None))]
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        py: Python<'_>,
        name: String,
        label: &str,
        aliases: Vec<String>,
        entity_id: Option<String>,
        weight: f32,
        case: Option<&str>,
        description: Option<String>,
    ) -> PyResult<()> {
        let case = match case.map(str::parse::<CaseMode>).transpose() {
            Ok(case) => case,
            Err(_) => {
                return Err(Failure::new(
                    Kind::Gazetteer,
                    format!(
                    "entry {name:?}: unknown case mode {:?} (expected smart, exact or insensitive)",
                    case.unwrap_or_default()
                ),
                )
                .into_pyerr(py))
            }
        };
        let Ok(label) = label.parse::<Label>() else {
            return Err(Failure::new(
                Kind::Gazetteer,
                format!(
                    "entry {name:?}: unknown label {label:?} \
                     (expected PERSON, NORP, FAC, ORG, GPE, LOC or MISC)"
                ),
            )
            .into_pyerr(py));
        };
        let mut all = vec![name.clone()];
        all.extend(aliases.into_iter().filter(|a| *a != name));
        let entry = Entry {
            id: entity_id,
            name,
            label,
            aliases: all,
            weight,
            description,
        };
        match case {
            Some(case) => self.builder().entry_with_case(entry, case),
            None => self.builder().entry(entry),
        };
        Ok(())
    }

    /// Adds the entries of a gazetteer file (TSV, CSV or JSON Lines, told by the extension).
    fn add_file(&mut self, py: Python<'_>, path: std::path::PathBuf) -> PyResult<()> {
        let shown = path.display().to_string();
        let builder = self.builder();
        match py.detach(|| guard(|| builder.add_path(&path).map(|_| ()))) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(err)) => Err(gazetteer_failure(&err, Some(&shown)).into_pyerr(py)),
            Err(failure) => Err(failure.into_pyerr(py)),
        }
    }

    /// Adds every entry of another gazetteer.
    fn add_gazetteer(&mut self, py: Python<'_>, other: PyRef<'_, Gazetteer>) -> PyResult<()> {
        let other = other.compiled(py)?;
        extend(self.builder(), &other);
        Ok(())
    }

    /// The number of entries.
    fn __len__(&mut self, py: Python<'_>) -> PyResult<usize> {
        Ok(self.compile(py)?.len())
    }

    /// The entries an alias names, best first (the alias is normalised as the matcher does).
    fn lookup(&mut self, py: Python<'_>, alias: &str) -> PyResult<Vec<GazetteerEntry>> {
        let g = self.compile(py)?;
        let found = py.detach(|| guard(|| g.lookup(alias)));
        Ok(found
            .map_err(|f| f.into_pyerr(py))?
            .into_iter()
            .map(|id| GazetteerEntry::of(g.entry(id), g.source(id)))
            .collect())
    }

    /// Matches of aliases in `text`, leftmost-longest on token boundaries, as entities with
    /// code-point offsets.
    fn find(&mut self, py: Python<'_>, text: &str) -> PyResult<Vec<Entity>> {
        let g = self.compile(py)?;
        let index = byline::CharIndex::new(text);
        let matches = py.detach(|| guard(|| g.find(text)));
        let matches = matches.map_err(|f| f.into_pyerr(py))?;
        Ok(matches
            .into_iter()
            .map(|m| {
                let entry = g.entry(m.entry);
                let r = index.char_span(m.span);
                Entity {
                    start: r.start,
                    end: r.end,
                    text: m.span.as_str(text).to_owned(),
                    label: entry.label.as_str().to_owned(),
                    entity_id: entry.id.clone(),
                    name: entry.name.clone(),
                    source: Some("gazetteer".to_owned()),
                }
            })
            .collect())
    }

    /// Every entry, in order.
    fn entries(&mut self, py: Python<'_>) -> PyResult<Vec<GazetteerEntry>> {
        let g = self.compile(py)?;
        Ok(g.iter()
            .map(|(id, e)| GazetteerEntry::of(e, g.source(id)))
            .collect())
    }

    /// The compiled gazetteer as bytes (what pickling stores).
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let g = self.compiled(py)?;
        let bytes = py.detach(|| g.to_bytes());
        Ok(PyBytes::new(py, &bytes))
    }

    /// A gazetteer from `to_bytes` output.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Gazetteer> {
        match py.detach(|| guard(|| byline::Gazetteer::from_bytes(data))) {
            Ok(Ok(g)) => Ok(Gazetteer::from_compiled(Arc::new(g))),
            Ok(Err(err)) => Err(gazetteer_failure(&err, None).into_pyerr(py)),
            Err(failure) => Err(failure.into_pyerr(py)),
        }
    }
}
