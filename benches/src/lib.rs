//! Shared inputs of byline's benchmarks: the bundled example article and corpora read from disk.

use std::sync::LazyLock;

/// The bundled example article (`examples/article.txt` at the repository root), a news report
/// with direct, mixed and indirect quotations, read once from disk.
///
/// ```
/// assert!(byline_benches::EXAMPLE_ARTICLE.contains("Raisi"));
/// ```
pub static EXAMPLE_ARTICLE: LazyLock<String> = LazyLock::new(|| {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/article.txt");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
});
