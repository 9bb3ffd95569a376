//! Prints the entity mentions of a text file (default: the bundled seed article), with the
//! time the embedded gazetteer took to load.
//!
//! `cargo run --release -p byline-gazetteer --example entities -- [FILE]`

use std::time::Instant;

use byline_gazetteer::{EntityRecognizer, Gazetteer};
use byline_tokenize::Tokenizer;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/article.txt").to_owned()
    });
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let t0 = Instant::now();
    let gaz = Gazetteer::embedded();
    let load = t0.elapsed();
    let seg = Tokenizer::new().segment(&text);
    let mentions = EntityRecognizer::new(gaz.clone()).recognize(&text, &seg);
    for m in &mentions {
        let title = m
            .title
            .map(|t| format!("  [title: {}]", &text[t.range()]))
            .unwrap_or_default();
        println!(
            "{:>5}..{:<5} {:<7} {:<28} -> {} ({}){}",
            m.span.start,
            m.span.end,
            m.label.as_str(),
            &text[m.span.range()],
            m.name,
            m.entity_id.as_deref().unwrap_or("-"),
            title
        );
    }
    eprintln!(
        "{} entries, {:.1} MB, ready in {:.1} ms",
        gaz.len(),
        gaz.memory_usage() as f64 / 1e6,
        load.as_secs_f64() * 1e3
    );
}
