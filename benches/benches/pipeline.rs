//! Throughput of the whole byline pipeline (tokens, entities, quotations) and of its JSON output,
//! on the bundled example article and on the PolNeAR news texts, one document at a time and in
//! batches on 1 and 2 threads.

use std::path::PathBuf;

use byline::Pipeline;
use byline_benches::EXAMPLE_ARTICLE;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

/// The texts of PolNeAR's dev set, or `None` (with a note) when the shared data is missing.
fn polnear_texts() -> Option<Vec<String>> {
    let shared = std::env::var_os("BYLINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared")));
    let path = shared.join("data/quotes/polnear/dev.jsonl");
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

fn article(c: &mut Criterion) {
    let nlp = Pipeline::builder().threads(1).build().unwrap();
    let mut group = c.benchmark_group("pipeline/article");
    group.throughput(Throughput::Bytes(EXAMPLE_ARTICLE.len() as u64));
    group.bench_function("annotate", |b| {
        b.iter(|| nlp.annotate(EXAMPLE_ARTICLE.as_str()))
    });
    let doc = nlp.annotate(EXAMPLE_ARTICLE.as_str());
    group.bench_function("to_json", |b| {
        b.iter(|| doc.to_json().id("article.txt").to_string())
    });
    group.finish();
}

fn polnear(c: &mut Criterion) {
    let Some(texts) = polnear_texts() else {
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("pipeline/polnear-dev");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    let nlp = Pipeline::builder().threads(1).build().unwrap();
    group.bench_function("annotate one by one", |b| {
        b.iter(|| {
            for text in &texts {
                std::hint::black_box(nlp.annotate(text.as_str()));
            }
        })
    });
    for threads in [1, 2] {
        let nlp = Pipeline::builder().threads(threads).build().unwrap();
        group.bench_function(format!("annotate_batch, {threads} threads"), |b| {
            b.iter_batched(
                || texts.clone(),
                |texts| nlp.annotate_batch(texts),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, article, polnear);
criterion_main!(benches);
