//! Helpers of byline's end-to-end tests: where the shared evaluation data lives.

use std::path::PathBuf;

/// The `shared` data folder beside the checkout (or `$BYLINE_SHARED`), or `None`, with a message
/// on standard error saying so, when it is missing.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("BYLINE_SHARED") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
    };
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "note: {} is missing (set BYLINE_SHARED to the shared data folder); \
             tests that need the shared data are skipped",
            dir.display()
        );
        None
    }
}
