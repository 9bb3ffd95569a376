//! Throughput of byline's gazetteer: word-aligned matching with the embedded default gazetteer
//! (`Gazetteer::find`), entity recognition with person rules (`EntityRecognizer::recognize`,
//! segmentation done beforehand), in bytes per second on one core; and the time to load the
//! compiled default gazetteer from bytes.
//!
//! Input: the bundled example article repeated 200 times. Run with
//! `cargo bench -p byline-benches --bench gazetteer`. For large gazetteers beside other tools,
//! see `benches/scripts/compare_gazetteer.py`.

use std::hint::black_box;

use byline::gazetteer::{EntityRecognizer, Gazetteer};
use byline::tokenize::Tokenizer;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

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
    group.finish();
}

criterion_group!(benches, gazetteer);
criterion_main!(benches);
