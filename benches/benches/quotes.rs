//! Throughput of quotation extraction alone (segmentation and entities done beforehand), on the
//! bundled example article, on the PolNeAR news texts, and on text with thousands of unbalanced
//! quote marks, which must stay linear.

use byline::quotes::QuoteExtractor;
use byline::Pipeline;
use byline_benches::EXAMPLE_ARTICLE;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// Quotation extraction over documents already segmented and recognised by the pipeline.
fn bench_docs(c: &mut Criterion, name: &str, texts: &[String]) {
    let nlp = Pipeline::builder().threads(1).build().expect("a pipeline");
    let docs: Vec<_> = texts.iter().map(|t| nlp.annotate(t.as_str())).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let extractor = QuoteExtractor::new();
    let mut group = c.benchmark_group(format!("quotes/{name}"));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    extractor
                        .extract(d.text(), &d.segmentation, d.entities())
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn article(c: &mut Criterion) {
    bench_docs(c, "article", &[EXAMPLE_ARTICLE.to_owned()]);
}

fn polnear(c: &mut Criterion) {
    if let Some(texts) = byline_benches::polnear_texts("dev") {
        bench_docs(c, "polnear-dev", &texts);
    }
}

/// One document of `n` paragraphs, a third of them with a stray quote mark, the rest with
/// quotations: time per byte must not grow with `n`.
fn unbalanced(c: &mut Criterion) {
    let extractor = QuoteExtractor::new();
    let mut group = c.benchmark_group("quotes/unbalanced");
    for n in [300usize, 3000, 30000] {
        let mut text = String::new();
        for i in 0..n {
            text.push_str(if i % 3 == 0 {
                "A \"stray mark and \" another \" one, he said.\n"
            } else {
                "\"We will,\" he said, \"win.\" She said \"no.\n"
            });
        }
        let seg = byline::tokenize::Tokenizer::new().segment(&text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{n}-paragraphs"), |b| {
            b.iter(|| extractor.extract(&text, &seg, &[]).len())
        });
    }
    group.finish();
}

criterion_group!(benches, article, polnear, unbalanced);
criterion_main!(benches);
