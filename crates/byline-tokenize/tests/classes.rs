//! Classes of sentence boundaries that other splitters get right, each tested as cases of the
//! class, and each case again under changes that must not matter: a sentence before or after
//! it, more white space, curly instead of straight quotes.
//!
//! The cases are data (`tests/data/sentence_classes.jsonl`, fields `id class text sentences`)
//! so that `benches/scripts/compare_sentence_classes.py` can run other splitters on them too.

use byline_tokenize::Tokenizer;
use serde_json::Value;

const CASES: &str = include_str!("data/sentence_classes.jsonl");

struct Case {
    id: String,
    class: String,
    text: String,
    sentences: Vec<String>,
}

fn cases() -> Vec<Case> {
    CASES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            let v: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("sentence_classes.jsonl:{}: {e}", n + 1));
            let field = |name: &str| {
                v.get(name)
                    .and_then(Value::as_str)
                    .unwrap_or_else(|| panic!("sentence_classes.jsonl:{}: no {name}", n + 1))
                    .to_owned()
            };
            Case {
                id: field("id"),
                class: field("class"),
                text: field("text"),
                sentences: v["sentences"]
                    .as_array()
                    .expect("sentences is a list")
                    .iter()
                    .map(|s| s.as_str().expect("sentence is a string").to_owned())
                    .collect(),
            }
        })
        .collect()
}

fn sentences(tokenizer: &Tokenizer, text: &str) -> Vec<String> {
    tokenizer
        .segment(text)
        .sentences
        .iter()
        .map(|s| s.span.as_str(text).to_owned())
        .collect()
}

/// Straight double quotes made curly, opening and closing in turn.
fn curly(s: &str, open: &mut bool) -> String {
    s.chars()
        .map(|c| match c {
            '"' => {
                *open = !*open;
                if *open {
                    '\u{201C}'
                } else {
                    '\u{201D}'
                }
            }
            c => c,
        })
        .collect()
}

/// The case and its variants, as (what changed, text, expected sentences).
fn variants(case: &Case) -> Vec<(&'static str, String, Vec<String>)> {
    let before = "It rained on Monday.";
    let after = "Nobody was hurt.";
    let mut out = vec![("as written", case.text.clone(), case.sentences.clone())];
    let mut with_before = vec![before.to_owned()];
    with_before.extend(case.sentences.iter().cloned());
    out.push((
        "after a sentence",
        format!("{before} {}", case.text),
        with_before,
    ));
    if case
        .sentences
        .last()
        .is_some_and(|s| s.ends_with(['.', '!', '?']))
    {
        let mut with_after = case.sentences.clone();
        with_after.push(after.to_owned());
        out.push((
            "before a sentence",
            format!("{} {after}", case.text),
            with_after,
        ));
    }
    out.push((
        "double spaces",
        case.text.replace(' ', "  "),
        case.sentences
            .iter()
            .map(|s| s.replace(' ', "  "))
            .collect(),
    ));
    if case.text.contains('"') {
        let mut open = false;
        let text = curly(&case.text, &mut open);
        let mut open = false;
        let want = case.sentences.iter().map(|s| curly(s, &mut open)).collect();
        out.push(("curly quotes", text, want));
    }
    out
}

#[test]
fn every_class_has_several_cases() {
    let cases = cases();
    let mut classes: Vec<&str> = cases.iter().map(|c| c.class.as_str()).collect();
    classes.dedup();
    assert!(classes.len() >= 6, "{classes:?}");
    for class in classes {
        let n = cases.iter().filter(|c| c.class == class).count();
        assert!(n >= 4, "{class}: only {n} cases");
    }
}

#[test]
fn classes_and_their_variants() {
    let tokenizer = Tokenizer::new();
    let mut failed = Vec::new();
    for case in cases() {
        for (what, text, want) in variants(&case) {
            let got = sentences(&tokenizer, &text);
            if got != want {
                failed.push(format!(
                    "{} ({}, {what}):\n  text {text:?}\n  want {want:?}\n  got  {got:?}",
                    case.id, case.class
                ));
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
