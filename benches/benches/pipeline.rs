//! Throughput of the whole byline pipeline (tokens, entities, quotations) and of its JSON output,
//! on the bundled example article and on the PolNeAR news texts, one document at a time and in
//! batches on 1 and 2 threads.

use byline::Pipeline;
use byline_benches::EXAMPLE_ARTICLE;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

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
    let Some(texts) = byline_benches::polnear_texts("dev") else {
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
