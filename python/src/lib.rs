//! Python bindings of byline: the private native module `byline._byline`, imported by the
//! pure-Python package `byline` (`python/byline/`).
//!
//! The core knows nothing of Python. This crate copies Python inputs into owned Rust values,
//! releases the GIL while Rust works (batches run on rayon pools rebuilt after `fork`), catches
//! panics, maps errors onto the package's exception classes, and gives code-point offsets.

mod arrow;
mod document;
mod errors;
mod gazetteer;
mod pipeline;
mod pool;
mod report;
mod values;

use pyo3::prelude::*;

/// The native module behind the `byline` Python package.
#[pymodule]
fn _byline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<pipeline::Pipeline>()?;
    m.add_class::<document::Document>()?;
    m.add_class::<gazetteer::Gazetteer>()?;
    m.add_class::<gazetteer::GazetteerEntry>()?;
    m.add_class::<values::Span>()?;
    m.add_class::<values::Token>()?;
    m.add_class::<values::Entity>()?;
    m.add_class::<values::Speaker>()?;
    m.add_class::<values::Quote>()?;
    m.add_function(wrap_pyfunction!(arrow::_annotate_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(document::_document_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline::_after_fork_in_child, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline::default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(pipeline::_panic_for_test, m)?)?;
    m.add_function(wrap_pyfunction!(report::_report, m)?)?;
    Ok(())
}
