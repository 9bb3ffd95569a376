//! Arrow in and out of the native module: a stream of record batches taken through the Arrow
//! PyCapsule interface (`__arrow_c_stream__`), annotated with the GIL released, and given back as
//! a capsule of the Arrow document schema's stream.

use std::ffi::CStr;

use arrow_array::ffi_stream::{ArrowArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::{RecordBatch, RecordBatchIterator, RecordBatchReader};
use byline::arrow::arrow_schema::ArrowError;
use byline::arrow::{annotate_batch_in_pool, output_schema_for, ArrowOptions};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::errors::{argument_type_error, guard, input_error, Failure, Kind};
use crate::pipeline::Pipeline;
use crate::pool;

/// The name the Arrow PyCapsule interface gives a stream's capsule.
const STREAM: &CStr = c"arrow_array_stream";

/// Takes the stream out of an `arrow_array_stream` capsule, leaving a released one behind (the
/// capsule's destructor then has nothing to free).
fn take_stream(capsule: &Bound<'_, PyCapsule>) -> PyResult<ArrowArrayStreamReader> {
    let py = capsule.py();
    let ptr = capsule.pointer_checked(Some(STREAM)).map_err(|_| {
        argument_type_error(
            py,
            "annotate_arrow: the data's __arrow_c_stream__() did not give an \
             \"arrow_array_stream\" capsule",
        )
    })?;
    #[allow(unsafe_code)]
    // SAFETY: a capsule named "arrow_array_stream" holds an `ArrowArrayStream` (the Arrow
    // PyCapsule interface); `from_raw` moves it out and marks the original released.
    let reader = unsafe { ArrowArrayStreamReader::from_raw(ptr.cast().as_ptr()) };
    reader.map_err(|e| input_error(py, format!("annotate_arrow: the input stream: {e}")))
}

/// Annotates the batches of an Arrow stream capsule on `n_threads` threads with the GIL
/// released; returns a stream capsule of the annotated batches, in input order.
#[pyfunction]
#[pyo3(signature = (pipeline, stream, text_column, id_column, keep_text, n_threads))]
pub fn _annotate_arrow<'py>(
    py: Python<'py>,
    pipeline: &Pipeline,
    stream: &Bound<'py, PyCapsule>,
    text_column: String,
    id_column: Option<String>,
    keep_text: bool,
    n_threads: usize,
) -> PyResult<Bound<'py, PyCapsule>> {
    let reader = take_stream(stream)?;
    let mut options = ArrowOptions {
        text_column,
        id_column,
        first_row: 0,
        keep_text,
    };
    let schema = output_schema_for(&reader.schema(), &options)
        .map_err(|e| input_error(py, format!("annotate_arrow: {}", message(&e))))?;
    let threads = if n_threads == 0 {
        pool::default_threads()
    } else {
        n_threads
    };
    // Taken with the GIL held, so a fork cannot happen while the pool table is locked.
    let pool = pool::pool(threads).map_err(|m| Failure::new(Kind::Byline, m).into_pyerr(py))?;
    let nlp = &pipeline.nlp;
    let done = py.detach(|| {
        guard(|| -> Result<Vec<RecordBatch>, String> {
            let mut out = Vec::new();
            for (i, batch) in reader.enumerate() {
                let batch = batch.map_err(|e| format!("input batch {i}: {}", message(&e)))?;
                let rows = batch.num_rows() as u64;
                let annotated = pool
                    .install(|| annotate_batch_in_pool(nlp, &batch, &options))
                    .map_err(|e| format!("input batch {i}: {}", message(&e)))?;
                options.first_row += rows;
                out.push(annotated);
            }
            Ok(out)
        })
    });
    let batches = match done {
        Ok(Ok(batches)) => batches,
        Ok(Err(m)) => return Err(input_error(py, format!("annotate_arrow: {m}"))),
        Err(failure) => return Err(failure.into_pyerr(py)),
    };
    let out = RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
    let stream = FFI_ArrowArrayStream::new(Box::new(out));
    PyCapsule::new_with_value(py, stream, STREAM)
}

/// An Arrow error's message without the error kind's prefix Arrow adds.
fn message(e: &ArrowError) -> String {
    match e {
        ArrowError::SchemaError(m) | ArrowError::ComputeError(m) => m.clone(),
        other => other.to_string(),
    }
}
