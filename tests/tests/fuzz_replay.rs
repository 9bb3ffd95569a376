//! Every committed fuzz input, run as an ordinary test through the same function the fuzz
//! target calls: the seed corpora (`fuzz/corpus/<target>/`) and every input that ever made a
//! target fail (`fuzz/regressions/<target>/`).

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

#[path = "../../fuzz/src/checks.rs"]
mod checks;
#[path = "../../fuzz/src/targets.rs"]
mod targets;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The files of `fuzz/<kind>/<target>/`, sorted, or none when the folder is missing.
fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = fuzz_dir().join(kind).join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("the folder lists").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs every committed input of `target`; fails naming each input that fails.
fn replay(target: &str) {
    let (_, run) = targets::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .expect("a known target");
    let seeds = inputs("corpus", target);
    assert!(!seeds.is_empty(), "fuzz/corpus/{target}/ holds no seed");
    let mut failed = Vec::new();
    for path in seeds.iter().chain(&inputs("regressions", target)) {
        let data = fs::read(path).expect("the input reads");
        if catch_unwind(AssertUnwindSafe(|| run(&data))).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "{target} fails on {failed:#?}");
}

#[test]
fn every_target_has_a_fuzz_target_file_and_a_corpus() {
    for (name, _) in targets::TARGETS {
        let file = fuzz_dir().join("fuzz_targets").join(format!("{name}.rs"));
        assert!(file.is_file(), "{} is missing", file.display());
        assert!(!inputs("corpus", name).is_empty(), "no seed for {name}");
    }
}

#[test]
fn segment_replays() {
    replay("segment");
}

#[test]
fn gazetteer_load_replays() {
    replay("gazetteer_load");
}

#[test]
fn gazetteer_match_replays() {
    replay("gazetteer_match");
}

#[test]
fn quotes_replays() {
    replay("quotes");
}

#[test]
fn pipeline_json_replays() {
    replay("pipeline_json");
}
