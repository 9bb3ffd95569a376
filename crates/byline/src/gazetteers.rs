//! Assembling the pipeline's gazetteer from given gazetteers, files and the embedded default.

use std::path::PathBuf;
use std::sync::Arc;

use byline_gazetteer::Gazetteer;

use crate::Error;

/// One gazetteer holding the entries of the embedded default when `with_default` is set, of
/// `given`, and of every file in `files`, in that order.
pub(crate) fn merge(
    given: &[Arc<Gazetteer>],
    files: &[PathBuf],
    with_default: bool,
) -> Result<Arc<Gazetteer>, Error> {
    let mut builder = Gazetteer::builder();
    if with_default {
        builder.add_embedded();
    }
    for gazetteer in given {
        if !gazetteer.folds_diacritics() {
            builder.fold_diacritics(false);
        }
        for (id, entry) in gazetteer.iter() {
            builder.entry_with_case(entry.clone(), gazetteer.case_of(id));
        }
    }
    for path in files {
        builder.add_path(path).map_err(Error::gazetteer)?;
    }
    builder.build().map(Arc::new).map_err(Error::gazetteer)
}
