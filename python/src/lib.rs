//! Python bindings of byline: the private native module `byline._byline`.
use pyo3::prelude::*;

/// The native module behind the `byline` Python package.
#[pymodule]
fn _byline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
