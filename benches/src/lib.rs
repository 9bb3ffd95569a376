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

/// The texts of a PolNeAR split (`"train"` or `"dev"`) from the shared evaluation data beside the
/// repository (or `$BYLINE_SHARED`), or `None`, with a note on standard error, when it is missing.
///
/// ```
/// if let Some(texts) = byline_benches::polnear_texts("dev") {
///     assert!(!texts.is_empty());
/// }
/// ```
pub fn polnear_texts(split: &str) -> Option<Vec<String>> {
    let shared = std::env::var_os("BYLINE_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared").into());
    let path = shared.join(format!("data/quotes/polnear/{split}.jsonl"));
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!(
            "note: {} is missing; the PolNeAR benchmarks are skipped",
            path.display()
        );
        return None;
    };
    let texts = data
        .lines()
        .filter_map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).ok()?;
            Some(value["text"].as_str()?.to_owned())
        })
        .collect();
    Some(texts)
}
