//! Compiles the embedded default gazetteer (`data/default.jsonl.gz`) into its saved form, so
//! that `Gazetteer::embedded()` loads arrays instead of parsing and compiling at run time.
//! The modules below are the crate's own: the run-time and build-time compilers are one code.
#![allow(dead_code, missing_docs, unused_imports)]

#[path = "src/common_words.rs"]
mod common_words;
#[path = "src/compiled.rs"]
mod compiled;
#[path = "src/error.rs"]
mod error;
#[path = "src/load.rs"]
mod load;
#[path = "src/matcher.rs"]
mod matcher;
#[path = "src/normalize.rs"]
mod normalize;
#[path = "src/slab.rs"]
mod slab;
#[path = "src/store.rs"]
mod store;
#[path = "src/types.rs"]
mod types;

use types::{CaseMode, Entry, Label};

const SOURCES: &[&str] = &[
    "src/common_words.rs",
    "src/compiled.rs",
    "src/error.rs",
    "src/load.rs",
    "src/matcher.rs",
    "src/normalize.rs",
    "src/slab.rs",
    "src/store.rs",
    "src/types.rs",
    "data/default.jsonl.gz",
];

fn main() {
    for s in SOURCES {
        println!("cargo:rerun-if-changed={s}");
    }
    let path = "data/default.jsonl.gz";
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let records = load::read_jsonl(flate2::read::GzDecoder::new(&data[..]), path)
        .unwrap_or_else(|e| panic!("{e}"));
    let entries = records
        .into_iter()
        .map(|r| (r.entry, r.case.unwrap_or(CaseMode::Smart), r.source));
    let sources: Vec<_> = entries.collect();
    let entries = sources
        .iter()
        .map(|(e, c, s)| (e.clone(), *c, s.as_deref()));
    let (store, matcher) =
        compiled::compile(entries, true).unwrap_or_else(|e| panic!("{path}: {e}"));
    let bytes = compiled::encode(CaseMode::Smart, true, &store, &matcher);
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("default.gaz"), bytes).expect("OUT_DIR is writable");
}
