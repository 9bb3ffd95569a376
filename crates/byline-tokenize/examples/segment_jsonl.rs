//! Segments JSON Lines documents and prints sentences and tokens with code-point offsets.
//!
//! Usage: `cargo run --release -p byline-tokenize --example segment_jsonl -- FILE.jsonl [--time]`
//!
//! Each input line is `{"text": ..., "id" or "doc_id": ...}`; each output line is
//! `{"id": ..., "sentences": [{"start", "end"}], "tokens": [{"start", "end", "kind"}]}` with
//! offsets in Unicode code points (Python `str` indices). `--time` prints the throughput of the
//! segmentation alone to standard error.

use std::io::{BufRead, BufWriter, Write};
use std::time::{Duration, Instant};

use byline_tokenize::Tokenizer;
use serde_json::{json, Value};

/// Maps increasing byte offsets of `text` to code-point offsets in one pass.
struct CharOffsets<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl CharOffsets<'_> {
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let time = args.iter().any(|a| a == "--time");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: segment_jsonl FILE.jsonl [--time]");
        std::process::exit(2);
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let tokenizer = Tokenizer::new();
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut spent = Duration::ZERO;
    let mut bytes = 0usize;
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
                std::process::exit(1);
            }
        };
        let id = match doc.get("id").or_else(|| doc.get("doc_id")) {
            Some(Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => n.to_string(),
        };
        let Some(text) = doc.get("text").and_then(Value::as_str) else {
            let _ = writeln!(
                out,
                "{}",
                json!({"id": id, "error": format!("line {}: no text field", n + 1)})
            );
            continue;
        };
        let start = Instant::now();
        let seg = tokenizer.segment(text);
        spent += start.elapsed();
        bytes += text.len();
        let mut offsets = CharOffsets {
            text,
            byte: 0,
            chars: 0,
        };
        let sentences: Vec<Value> = seg
            .sentences
            .iter()
            .map(|s| json!({"start": offsets.at(s.span.start), "end": offsets.at(s.span.end)}))
            .collect();
        let mut offsets = CharOffsets {
            text,
            byte: 0,
            chars: 0,
        };
        let tokens: Vec<Value> = seg
            .tokens
            .iter()
            .map(|t| {
                json!({"start": offsets.at(t.span.start), "end": offsets.at(t.span.end),
                       "kind": t.kind.as_str()})
            })
            .collect();
        let _ = writeln!(
            out,
            "{}",
            json!({"id": id, "sentences": sentences, "tokens": tokens})
        );
    }
    let _ = out.flush();
    if time {
        let secs = spent.as_secs_f64().max(1e-9);
        eprintln!(
            "segmented {bytes} bytes in {:.3} s: {:.1} MB/s",
            secs,
            bytes as f64 / secs / 1e6
        );
    }
}
