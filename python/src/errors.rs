//! One way into Rust from Python: catch panics, and map byline's errors onto the package's
//! exception classes (defined in `byline/errors.py`).

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

static BYLINE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static GAZETTEER_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ARGUMENT_TYPE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Which exception class an error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `byline.BylineError`: internal failures.
    Byline,
    /// `byline.GazetteerError` (also a `ValueError`).
    Gazetteer,
    /// `byline.InputError` (also a `ValueError`).
    Input,
    /// `byline.ArgumentTypeError` (an `InputError`, also a `TypeError`).
    ArgumentType,
}

/// An error on its way to Python, built without the GIL.
#[derive(Clone, Debug)]
pub struct Failure {
    pub kind: Kind,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<u64>,
}

impl Failure {
    /// A failure of `kind` with a message.
    pub fn new(kind: Kind, message: impl Into<String>) -> Failure {
        Failure {
            kind,
            message: message.into(),
            file: None,
            line: None,
        }
    }

    /// An internal failure from a caught panic.
    pub fn from_panic(payload: Box<dyn std::any::Any + Send>) -> Failure {
        let what = if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_owned()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown panic".to_owned()
        };
        Failure::new(Kind::Byline, format!("internal error in byline: {what}"))
    }

    /// The Python exception.
    pub fn into_pyerr(self, py: Python<'_>) -> PyErr {
        match self.build(py) {
            Ok(err) => err,
            Err(err) => err,
        }
    }

    fn build(self, py: Python<'_>) -> PyResult<PyErr> {
        let class = match self.kind {
            Kind::Byline => BYLINE_ERROR.import(py, "byline.errors", "BylineError")?,
            Kind::Gazetteer => GAZETTEER_ERROR.import(py, "byline.errors", "GazetteerError")?,
            Kind::Input => INPUT_ERROR.import(py, "byline.errors", "InputError")?,
            Kind::ArgumentType => {
                ARGUMENT_TYPE_ERROR.import(py, "byline.errors", "ArgumentTypeError")?
            }
        };
        let kwargs = PyDict::new(py);
        kwargs.set_item("file", self.file)?;
        kwargs.set_item("line", self.line)?;
        let exc = class.call((self.message,), Some(&kwargs))?;
        Ok(PyErr::from_value(exc))
    }
}

/// Runs `f`, turning a panic into a [`Failure`].
pub fn guard<T>(f: impl FnOnce() -> T) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(f)).map_err(Failure::from_panic)
}

/// `InputError(message)`.
pub fn input_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    Failure::new(Kind::Input, message).into_pyerr(py)
}

/// `ArgumentTypeError(message)`: an argument of the wrong type.
pub fn argument_type_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    Failure::new(Kind::ArgumentType, message).into_pyerr(py)
}
