//! `byline._byline._report`: the corpus report of `byline.report()`, summed up in Rust by
//! `byline_report` with the GIL released.
//!
//! Documents come as JSON lines from a Python iterable, pulled a chunk at a time: each chunk is
//! copied out under the GIL, then counted without it, so memory holds one chunk and the bounded
//! aggregates whatever the number of documents. Files are read by Rust with the GIL released.

use std::fs::File;
use std::io::BufReader;

use byline_report::{Fields, Limits, ReportBuilder, ReportOptions, ANNOTATION_FIELDS};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::{argument_type_error, guard, input_error, Failure, Kind};

/// Most documents copied out of Python before the GIL is released to count them.
const CHUNK_DOCS: usize = 512;
/// Most bytes of JSON copied out of Python before the GIL is released to count them.
const CHUNK_BYTES: usize = 8 << 20;

/// Sums up annotated documents; returns the page and the aggregates as JSON text.
///
/// `lines` is an iterable of JSON lines (one annotated document each; blank ones are skipped, an
/// unreadable one is counted and named by its position); `paths` are files of JSON Lines. Both
/// may be given: the lines are counted first. `inputs` names the sources on the page.
///
/// ```python
/// page, data = _report(lines=[doc.to_json() for doc in docs], group_by="outlet")
/// ```
#[pyfunction]
#[pyo3(signature = (
    *, lines = None, paths = None, id_field = "id".to_owned(), group_by = None,
    date_field = None, top = 25, max_rows = 1000, title = None, inputs = Vec::new()
))]
#[allow(clippy::too_many_arguments)]
pub fn _report(
    py: Python<'_>,
    lines: Option<&Bound<'_, PyAny>>,
    paths: Option<Vec<String>>,
    id_field: String,
    group_by: Option<String>,
    date_field: Option<String>,
    top: usize,
    max_rows: usize,
    title: Option<String>,
    inputs: Vec<String>,
) -> PyResult<(String, String)> {
    if top == 0 {
        return Err(input_error(py, "top must be at least 1"));
    }
    let fields = Fields {
        id: id_field,
        group: group_by.clone(),
        date: date_field.clone(),
    };
    if let Some(field) = fields.annotation_field() {
        return Err(input_error(
            py,
            format!(
                "id_field=, group_by= and date_field= name fields of each document, not one of \
                 the annotations ({}): got {field:?}",
                ANNOTATION_FIELDS.join(", ")
            ),
        ));
    }
    let limits = Limits {
        top,
        rows: max_rows,
        ..Limits::default()
    };
    let mut builder = ReportBuilder::new(fields, limits);
    if let Some(lines) = lines {
        add_lines(py, &mut builder, lines)?;
    }
    for path in paths.unwrap_or_default() {
        let read = py.detach(|| {
            guard(|| {
                let file = File::open(&path)?;
                builder.read(BufReader::with_capacity(1 << 20, file), &path, |_| {})
            })
        });
        match read {
            Ok(Ok(())) => {}
            Ok(Err(err)) => {
                let mut failure = Failure::new(Kind::Input, format!("cannot read {path}: {err}"));
                failure.file = Some(path);
                return Err(failure.into_pyerr(py));
            }
            Err(failure) => return Err(failure.into_pyerr(py)),
        }
        py.check_signals()?;
    }
    let options = ReportOptions {
        title: title.unwrap_or_else(|| "Who is quoted: a corpus report".to_owned()),
        inputs,
        group_by,
        date_field,
        top,
        max_rows,
    };
    let written = py.detach(|| {
        guard(|| {
            let report = builder.finish(options);
            serde_json::to_string(&report).map(|json| (report.to_html(), json))
        })
    });
    match written {
        Ok(Ok(both)) => Ok(both),
        Ok(Err(err)) => {
            Err(Failure::new(Kind::Byline, format!("report as JSON: {err}")).into_pyerr(py))
        }
        Err(failure) => Err(failure.into_pyerr(py)),
    }
}

/// Counts every line of a Python iterable, a chunk at a time.
fn add_lines(
    py: Python<'_>,
    builder: &mut ReportBuilder,
    lines: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let mut items = lines.try_iter()?;
    let mut chunk: Vec<(u64, String)> = Vec::with_capacity(CHUNK_DOCS);
    let mut index = 0u64;
    // Documents without an id get their position among the documents read, as in a file.
    let mut position = 0u64;
    loop {
        chunk.clear();
        let mut bytes = 0;
        let mut done = false;
        while chunk.len() < CHUNK_DOCS && bytes < CHUNK_BYTES {
            let Some(item) = items.next() else {
                done = true;
                break;
            };
            let item = item?;
            let line = line_of(py, &item, index)?;
            bytes += line.len();
            chunk.push((index, line));
            index += 1;
        }
        let counted = py.detach(|| {
            guard(|| {
                for (i, line) in &chunk {
                    if line.trim().is_empty() {
                        continue;
                    }
                    match builder.add_line(line, position) {
                        Ok(()) => position += 1,
                        Err(err) => builder.add_unreadable(format!(
                            "document {i}: not an annotated document: {err}"
                        )),
                    }
                }
            })
        });
        counted.map_err(|failure| failure.into_pyerr(py))?;
        if done {
            return Ok(());
        }
    }
}

/// One item as an owned line of JSON.
fn line_of(py: Python<'_>, item: &Bound<'_, PyAny>, index: u64) -> PyResult<String> {
    let s = item.cast::<PyString>().map_err(|_| {
        let kind = item
            .get_type()
            .name()
            .map_or_else(|_| "not a str".to_owned(), |n| n.to_string());
        argument_type_error(
            py,
            format!("document {index} is a {kind}, expected a JSON line (str)"),
        )
    })?;
    s.to_cow().map(|s| s.into_owned()).map_err(|_| {
        input_error(
            py,
            format!("document {index} is not valid Unicode (it holds a lone surrogate)"),
        )
    })
}
