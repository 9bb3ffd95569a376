//! Measures segmentation throughput (tokens, sentences and paragraphs together) on one core.
//!
//! Usage: `cargo run --release -p byline-tokenize --example throughput -- FILE [--repeat N]
//! [--passes P]`
//!
//! FILE is plain text, or JSON Lines whose `text` fields are joined with blank lines. The text
//! is segmented as one document repeated `N` times (default 1) and, when `N` is 1, also as the
//! separate documents of the file; prints MB/s (best of several runs, or of exactly `P` passes)
//! and counts.

use std::time::Instant;

use byline_tokenize::Tokenizer;

mod common;

use common::load;

/// Best seconds per pass over `docs`, over at least `min_secs` of passes.
fn time(tokenizer: &Tokenizer, docs: &[&str], passes: Option<usize>) -> (f64, usize, usize) {
    let min_secs = if passes.is_some() { 0.0 } else { 2.0 };
    let min_runs = passes.unwrap_or(3);
    let mut best = f64::MAX;
    let mut spent = 0.0;
    let mut counts = (0, 0);
    let mut runs = 0;
    while spent < min_secs || runs < min_runs {
        let start = Instant::now();
        let mut tokens = 0;
        let mut sentences = 0;
        for doc in docs {
            let seg = tokenizer.segment(doc);
            tokens += seg.tokens.len();
            sentences += seg.sentences.len();
        }
        let secs = start.elapsed().as_secs_f64();
        best = best.min(secs);
        spent += secs;
        counts = (tokens, sentences);
        runs += 1;
    }
    (best, counts.0, counts.1)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: throughput FILE [--repeat N] [--passes P]");
        std::process::exit(2);
    };
    let repeat: usize = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|k| args.get(k + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let passes: Option<usize> = args
        .iter()
        .position(|a| a == "--passes")
        .and_then(|k| args.get(k + 1))
        .and_then(|n| n.parse().ok());
    let docs = match load(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let tokenizer = Tokenizer::new();
    let one = docs.join("\n\n");
    let big = if repeat > 1 {
        let mut s = String::with_capacity((one.len() + 2) * repeat);
        for _ in 0..repeat {
            s.push_str(&one);
            s.push_str("\n\n");
        }
        s
    } else {
        one
    };
    let (secs, tokens, sentences) = time(&tokenizer, &[big.as_str()], passes);
    println!(
        "one document of {} bytes: {:.4} s, {:.1} MB/s, {tokens} tokens, {sentences} sentences",
        big.len(),
        secs,
        big.len() as f64 / secs / 1e6
    );
    if repeat == 1 && docs.len() > 1 {
        let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
        let bytes: usize = refs.iter().map(|d| d.len()).sum();
        let (secs, tokens, sentences) = time(&tokenizer, &refs, passes);
        println!(
            "{} documents, {bytes} bytes: {:.4} s, {:.1} MB/s, {tokens} tokens, {sentences} sentences",
            refs.len(),
            secs,
            bytes as f64 / secs / 1e6
        );
    }
}
