//! Reads JSON Lines documents (`text` and an id field) and writes one line per document with its
//! quotations in the byline JSON schema (code-point offsets): `{"id": ..., "quotes": [...]}`.
//!
//! `cargo run --release -p byline-quotes --example quotes_jsonl -- FILE.jsonl [ID_FIELD]`
//!
//! The tokenizer and entity recognizer are used when they work; otherwise the extractor splits
//! sentences itself and resolves names without the gazetteer.

use std::io::{BufRead, BufWriter, Write};
use std::panic;

use byline_gazetteer::{EntityMention, EntityRecognizer, Gazetteer};
use byline_quotes::{QuoteExtractor, Span};
use byline_tokenize::{Segmentation, Tokenizer};
use serde_json::{json, Value};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: quotes_jsonl FILE.jsonl [ID_FIELD]");
        std::process::exit(2);
    };
    let id_field = args.get(2).map(String::as_str).unwrap_or("id");
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    // Probe the other stages once; fall back where they are not available.
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let tokenizer = Tokenizer::new();
    let use_tokenizer = panic::catch_unwind(|| Tokenizer::new().segment("A b. C d.")).is_ok();
    let recognizer = panic::catch_unwind(|| {
        let r = EntityRecognizer::new(Gazetteer::embedded());
        let seg = Tokenizer::new().segment("Joe Biden said.");
        let _ = r.recognize("Joe Biden said.", &seg);
        r
    })
    .ok();
    panic::set_hook(hook);
    eprintln!(
        "tokenizer: {use_tokenizer}, entities: {}",
        recognizer.is_some()
    );
    let extractor = QuoteExtractor::new();
    let out = std::io::stdout();
    let mut out = BufWriter::new(out.lock());
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{path}:{}: {e}", n + 1);
                std::process::exit(1);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("{path}:{}: {e}", n + 1);
                continue;
            }
        };
        let id = match &doc[id_field] {
            Value::String(s) => s.clone(),
            Value::Null => n.to_string(),
            v => v.to_string(),
        };
        let text = doc["text"].as_str().unwrap_or("");
        let seg = if use_tokenizer {
            tokenizer.segment(text)
        } else {
            Segmentation::default()
        };
        let entities: Vec<EntityMention> = match &recognizer {
            Some(r) if use_tokenizer => r.recognize(text, &seg),
            _ => Vec::new(),
        };
        let quotes = extractor.extract(text, &seg, &entities);
        let cp = code_points(text);
        let span =
            |s: &Span| json!({"start": cp[s.start], "end": cp[s.end], "text": s.as_str(text)});
        let quotes: Vec<Value> = quotes
            .iter()
            .map(|q| {
                json!({
                    "kind": q.kind.as_str(),
                    "content": q.content.iter().map(span).collect::<Vec<_>>(),
                    "quoted": q.quoted.iter().map(span).collect::<Vec<_>>(),
                    "cue": q.cue.as_ref().map(span),
                    "speaker": q.speaker.as_ref().map(|s| {
                        let mut v = span(&s.span);
                        v["entity_id"] = json!(s.entity_id);
                        v["name"] = json!(s.name);
                        v
                    }),
                    "confidence": q.confidence,
                })
            })
            .collect();
        let _ = writeln!(out, "{}", json!({"id": id, "quotes": quotes}));
    }
}

/// Code-point offset of every byte offset of `text` (valid at char boundaries).
fn code_points(text: &str) -> Vec<usize> {
    let mut cp = vec![0; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        for slot in &mut cp[b..b + c.len_utf8()] {
            *slot = n;
        }
        n += 1;
    }
    cp[text.len()] = n;
    cp
}
