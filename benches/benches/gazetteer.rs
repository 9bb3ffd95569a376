//! Throughput of byline's gazetteer: word-aligned matching with the embedded default gazetteer
//! (`Gazetteer::find`), entity recognition with person rules (`EntityRecognizer::recognize`,
//! segmentation done beforehand), in bytes per second on one core; and the time to load the
//! compiled default gazetteer from bytes.
//!
//! Beside them, the baseline a Rust user would otherwise write: an automaton of the
//! `aho-corasick` crate over the same aliases (ASCII case-insensitive, leftmost-longest), its
//! matches kept when they start and end on word boundaries, and the time to build it. It finds
//! `us` for `US` and `may` for `May` and misses names whose case or accents differ beyond ASCII,
//! which byline does not; the figures compare cost, not output. The automaton cannot be saved,
//! so a program using it pays the build at every start.
//!
//! Input: the bundled example article repeated 200 times. Run with
//! `cargo bench -p byline-benches --bench gazetteer`. For large gazetteers beside other tools,
//! see `benches/scripts/compare_gazetteer.py`.

use std::hint::black_box;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use byline::gazetteer::{EntityRecognizer, Gazetteer};
use byline::tokenize::Tokenizer;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Every alias of `gaz`, once each (the automaton's patterns).
fn aliases(gaz: &Gazetteer) -> Vec<&str> {
    let mut all: Vec<&str> = gaz
        .entries()
        .iter()
        .flat_map(|e| std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str)))
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

fn automaton(aliases: &[&str]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(aliases)
        .expect("the aliases fit an automaton")
}

/// Matches of `ac` in `text` that start and end on word boundaries.
fn word_aligned(ac: &AhoCorasick, text: &str) -> usize {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    ac.find_iter(text)
        .filter(|m| {
            !word(text[..m.start()].chars().next_back()) && !word(text[m.end()..].chars().next())
        })
        .count()
}

fn gazetteer(c: &mut Criterion) {
    let docs = vec![byline_benches::EXAMPLE_ARTICLE.to_owned(); 200];
    let bytes: usize = docs.iter().map(String::len).sum();
    let gaz = Gazetteer::embedded();

    let mut group = c.benchmark_group("gazetteer");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("find", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| gaz.find(black_box(d)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("find_overlapping", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| gaz.find_overlapping(black_box(d)).len())
                .sum::<usize>()
        })
    });
    let tok = Tokenizer::new();
    let segs: Vec<_> = docs.iter().map(|d| tok.segment(d)).collect();
    let rec = EntityRecognizer::new(gaz.clone());
    group.bench_function("recognize", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&segs)
                .map(|(d, s)| rec.recognize(black_box(d), s).len())
                .sum::<usize>()
        })
    });
    let aliases = aliases(&gaz);
    let ac = automaton(&aliases);
    group.bench_function("aho_corasick_find", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| word_aligned(&ac, black_box(d)))
                .sum::<usize>()
        })
    });
    group.finish();

    let saved = gaz.to_bytes();
    let mut group = c.benchmark_group("gazetteer_load");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(saved.len() as u64));
    group.bench_function("default_from_bytes", |b| {
        b.iter(|| {
            Gazetteer::from_bytes(black_box(&saved))
                .expect("saved bytes load")
                .len()
        })
    });
    group.bench_function("aho_corasick_build", |b| {
        b.iter(|| automaton(black_box(&aliases)).patterns_len())
    });
    group.finish();
}

criterion_group!(benches, gazetteer);
criterion_main!(benches);
