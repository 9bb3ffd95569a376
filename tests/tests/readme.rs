//! The README's sample output is the command's real output: the block after each
//! `<!-- sample: ARGS -->` marker is rebuilt from `byline ARGS` and must equal the README's.
//! `BYLINE_BLESS=1 cargo test -p byline-tests --test readme` writes the rebuilt samples into
//! the README.

use std::path::{Path, PathBuf};

use byline_tests::byline;

/// Lines of a sample longer than this are cut, with an ellipsis.
const WIDTH: usize = 100;

/// Quotations shown at the start of a summary sample (and the last one after an ellipsis).
const QUOTES_SHOWN: usize = 2;

fn readme() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md")
}

/// `line` cut to [`WIDTH`] characters.
fn cut(line: &str) -> String {
    match line.char_indices().nth(WIDTH) {
        Some((at, _)) => format!("{} …", line[..at].trim_end()),
        None => line.to_owned(),
    }
}

/// The excerpt of a summary the README shows: the document's line, the first two entity labels,
/// the first quotations and the last one, every line cut to [`WIDTH`].
fn excerpt(summary: &str) -> String {
    let mut out = Vec::new();
    let mut section = "";
    let mut labels = 0;
    let mut quotes: Vec<Vec<String>> = Vec::new();
    for line in summary.lines() {
        match line {
            "Entities" | "Quotations" => {
                section = line;
                out.push(String::new());
                out.push(line.to_owned());
                continue;
            }
            "" => continue,
            _ => {}
        }
        match section {
            "" => out.push(cut(line)),
            "Entities" => {
                labels += 1;
                if labels <= 2 {
                    out.push(cut(line));
                } else if labels == 3 {
                    out.push("  …".to_owned());
                }
            }
            _ => {
                // A quotation's first line starts with its number; its content follows.
                if line
                    .trim_start()
                    .split('.')
                    .next()
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                {
                    quotes.push(Vec::new());
                }
                if let Some(q) = quotes.last_mut() {
                    q.push(cut(line));
                }
            }
        }
    }
    let n = quotes.len();
    for (i, q) in quotes.iter().enumerate() {
        if i < QUOTES_SHOWN || i + 1 == n {
            if i + 1 == n && n > QUOTES_SHOWN + 1 {
                out.push("  …".to_owned());
            }
            out.extend(q.iter().cloned());
        }
    }
    out.join("\n") + "\n"
}

#[test]
fn the_readme_samples_are_the_real_output() {
    let path = readme();
    let text = std::fs::read_to_string(&path).expect("the README is readable");
    const MARKER: &str = "<!-- sample: ";
    let mut rebuilt = String::new();
    let mut rest = text.as_str();
    let mut samples = 0;
    while let Some(at) = rest.find(MARKER) {
        let (before, from_marker) = rest.split_at(at);
        rebuilt.push_str(before);
        let marker_end = from_marker.find("-->").expect("the marker is closed") + 3;
        let args: Vec<&str> = from_marker[MARKER.len()..marker_end - 3]
            .split_whitespace()
            .collect();
        let after_marker = &from_marker[marker_end..];
        let open = after_marker
            .find("```text\n")
            .expect("a text block follows the marker")
            + 8;
        let close = after_marker[open..]
            .find("```")
            .expect("the text block is closed")
            + open;
        // Paths are the repository's.
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let owned: Vec<String> = args
            .iter()
            .map(|a| match a.ends_with(".txt") {
                true => repo.join(a).to_string_lossy().into_owned(),
                false => (*a).to_owned(),
            })
            .collect();
        let out = byline(&owned.iter().map(String::as_str).collect::<Vec<_>>(), b"");
        assert!(out.status.success(), "byline {args:?} failed");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
        rebuilt.push_str(&from_marker[..marker_end]);
        rebuilt.push_str(&after_marker[..open]);
        rebuilt.push_str(&excerpt(&stdout));
        rest = &after_marker[close..];
        samples += 1;
    }
    rebuilt.push_str(rest);
    assert!(samples > 0, "the README has no sample marker");
    if rebuilt == text {
        return;
    }
    if std::env::var_os("BYLINE_BLESS").is_some() {
        std::fs::write(&path, rebuilt).expect("the README is writable");
        return;
    }
    let diff: Vec<String> = text
        .lines()
        .zip(rebuilt.lines())
        .filter(|(a, b)| a != b)
        .take(6)
        .map(|(a, b)| format!("README: {a}\noutput: {b}"))
        .collect();
    panic!(
        "the README's samples differ from the command's output \
         (BYLINE_BLESS=1 cargo test -p byline-tests --test readme rewrites them):\n{}",
        diff.join("\n")
    );
}

#[test]
fn the_excerpt_keeps_the_first_and_last_quotations() {
    let summary = "── a.txt: 2 sentences, 1 entity mention, 4 quotations\n\nEntities\n  \
                   PERSON  A\n  ORG     B\n  GPE     C\n\nQuotations\n   1. A — said  [direct, 0.85]\n      \
                   “one”\n   2. A — said  [direct, 0.85]\n      “two”\n   3. A — said  [direct, \
                   0.85]\n      “three”\n   4. A — said  [direct, 0.85]\n      “four”\n\n";
    let got = excerpt(summary);
    assert!(got.contains("“one”") && got.contains("“two”") && got.contains("“four”"));
    assert!(!got.contains("“three”") && !got.contains("GPE"));
    assert_eq!(got.matches('…').count(), 2, "{got}");
}

#[test]
fn the_crates_copies_of_the_example_article_are_the_example() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let article = std::fs::read_to_string(repo.join("examples/article.txt")).unwrap();
    // A crate keeps its own copy so that its tests build from the published crate alone.
    let copy = "crates/byline-gazetteer/tests/data/article.txt";
    let text = std::fs::read_to_string(repo.join(copy)).unwrap();
    assert!(text == article, "{copy} differs from examples/article.txt");
}
