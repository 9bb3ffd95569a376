//! Throughput of byline's tokenizer: tokens, sentences and paragraphs together, in bytes per
//! second on one core.
//!
//! Input: the PolNeAR news articles in `../shared/data/quotes/polnear/train.jsonl` when present
//! (`$BYLINE_SHARED` overrides the folder), else the bundled example article repeated. Run with
//! `cargo bench -p byline-benches --bench tokenize`.

use std::hint::black_box;

use byline::tokenize::Tokenizer;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// News articles to segment, and where they came from.
fn corpus() -> (Vec<String>, &'static str) {
    let shared = std::env::var("BYLINE_SHARED")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared").to_owned());
    let path = std::path::Path::new(&shared).join("data/quotes/polnear/train.jsonl");
    if let Ok(data) = std::fs::read_to_string(&path) {
        let docs: Vec<String> = data.lines().filter_map(json_text_field).collect();
        if !docs.is_empty() {
            return (docs, "PolNeAR train articles");
        }
    }
    eprintln!(
        "note: {} not found; benchmarking the bundled example article repeated",
        path.display()
    );
    let docs = vec![byline_benches::EXAMPLE_ARTICLE.to_owned(); 200];
    (docs, "example article x200")
}

/// The `text` field of one JSON line, without a JSON parser: the benchmark crate stays light.
fn json_text_field(line: &str) -> Option<String> {
    let key = "\"text\": \"";
    let start = line.find(key)? + key.len();
    let mut out = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let unit = u32::from_str_radix(&hex, 16).ok()?;
                    // Surrogate pairs are rare in news text; replace them rather than decode.
                    out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

fn bench(c: &mut Criterion) {
    let (docs, source) = corpus();
    let tokenizer = Tokenizer::new();
    let bytes: usize = docs.iter().map(String::len).sum();
    eprintln!("{source}: {} documents, {bytes} bytes", docs.len());

    let mut group = c.benchmark_group("tokenize");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment/documents", |b| {
        b.iter(|| {
            let mut tokens = 0;
            for doc in &docs {
                tokens += tokenizer.segment(black_box(doc)).tokens.len();
            }
            tokens
        })
    });

    // Linear time: one document of 1x and 10x the article, same throughput expected.
    let article = docs
        .iter()
        .take(50)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n\n");
    for times in [1usize, 10] {
        let text = vec![article.as_str(); times].join("\n\n");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("segment/one_document_x{times}"), |b| {
            b.iter(|| tokenizer.segment(black_box(&text)).sentences.len())
        });
    }

    // Typeset text: curly quotes and apostrophes and em dashes, which take the scanner off its
    // ASCII path at every quotation, clitic and aside.
    let mut typeset = String::with_capacity(article.len() * 11 / 10);
    let mut open = true;
    for c in article.chars() {
        match c {
            '\'' => typeset.push('\u{2019}'),
            '"' => {
                typeset.push(if open { '\u{201C}' } else { '\u{201D}' });
                open = !open;
            }
            c => typeset.push(c),
        }
    }
    let typeset = typeset
        .replace(" - ", " \u{2014} ")
        .replace("--", "\u{2014}");
    group.throughput(Throughput::Bytes(typeset.len() as u64));
    group.bench_function("segment/typeset_quotes_and_dashes", |b| {
        b.iter(|| tokenizer.segment(black_box(&typeset)).tokens.len())
    });

    // The orthographic heuristic's worst case: every sentence ends in an abbreviation before a
    // capitalised word, so the document is searched at each one (within a linear budget).
    let sentence = "The virus spread across the U.S. Officials said cases rose at 9 a.m. ";
    let dense = sentence.repeat(article.len() / sentence.len() + 1);
    group.throughput(Throughput::Bytes(dense.len() as u64));
    group.bench_function("segment/abbreviations_before_capitals", |b| {
        b.iter(|| tokenizer.segment(black_box(&dense)).sentences.len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
