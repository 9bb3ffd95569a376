//! Recall of linked named mentions on the GUM news articles (`../shared/data/ner/gum_news/`):
//! the share of gold mentions naming a Wikipedia entity that a byline mention overlaps
//! (found), and that a byline mention names with the same title (linked). Prints both. Ignored
//! unless asked for (`--ignored`, as scripts/test-all does when the data is there); it fails when
//! run without the data.

use std::path::PathBuf;

use byline_gazetteer::{EntityRecognizer, Gazetteer};
use byline_tokenize::Tokenizer;
use serde_json::Value;

fn shared() -> PathBuf {
    std::env::var_os("BYLINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")))
}

/// Words that start a gold span without naming anything (`The team`, `We`).
const UNNAMED: &[&str] = &[
    "A", "An", "He", "Her", "His", "I", "It", "Its", "My", "Our", "She", "That", "The", "Their",
    "These", "They", "This", "Those", "We", "You",
];

fn is_named(text: &str) -> bool {
    text.split(' ')
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && !UNNAMED.contains(&w))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Byte offset of each code point offset of `text` (and of its end).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

#[test]
#[ignore = "needs ../shared (or $BYLINE_SHARED): data/ner/gum_news"]
fn recall_of_linked_mentions() {
    let path = shared().join("data/ner/gum_news/gum_news_linked.jsonl");
    let data = std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!(
            "{}: {err}; set BYLINE_SHARED to the shared data folder",
            path.display()
        )
    });
    let rec = EntityRecognizer::new(Gazetteer::embedded());
    let tok = Tokenizer::new();
    let (mut gold, mut found, mut linked) = (0usize, 0usize, 0usize);
    let mut missed: Vec<String> = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line).expect("GUM line is JSON");
        let text = doc["text"].as_str().expect("text");
        let offsets = byte_offsets(text);
        let mentions = rec.recognize(text, &tok.segment(text));
        for span in doc["spans"].as_array().expect("spans") {
            let Some(title) = span["wikipedia"].as_str() else {
                continue;
            };
            let (s, e) = (
                span["start"].as_u64().unwrap() as usize,
                span["end"].as_u64().unwrap() as usize,
            );
            let (s, e) = (offsets[s], offsets[e]);
            if !is_named(&text[s..e]) {
                continue;
            }
            gold += 1;
            let title = percent_decode(title).replace('_', " ");
            let over: Vec<_> = mentions
                .iter()
                .filter(|m| m.span.start < e && s < m.span.end)
                .collect();
            if !over.is_empty() {
                found += 1;
            } else if missed.len() < 40 {
                missed.push(text[s..e].to_owned());
            }
            if over.iter().any(|m| m.name.eq_ignore_ascii_case(&title)) {
                linked += 1;
            }
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / gold.max(1) as f64;
    println!(
        "GUM news: {gold} named linked mentions; found {found} ({:.1}%), linked to the same title {linked} ({:.1}%)",
        pct(found),
        pct(linked)
    );
    println!("missed (first 40): {missed:?}");
    assert!(gold > 100, "the GUM file holds named mentions");
    assert!(pct(found) > 40.0, "found only {:.1}%", pct(found));
}
