//! Shared inputs of byline's benchmarks: the bundled example article and corpora read from disk.

/// The bundled example article, a news report with direct, mixed and indirect quotations.
pub const EXAMPLE_ARTICLE: &str = include_str!("../../examples/article.txt");
