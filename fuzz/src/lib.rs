//! Fuzz targets of byline and the invariants they check. The target bodies live here as plain
//! functions so that `tests/tests/fuzz_replay.rs` can run the committed corpora through them.

pub mod checks;
pub mod targets;
