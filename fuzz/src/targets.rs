//! The body of each fuzz target, as a plain function of the input bytes, so that the replay
//! tests run every committed input exactly as the fuzzer did.
#![allow(dead_code)]

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use byline::gazetteer::{CaseMode, Gazetteer};
use byline::{EntityRecognizer, Pipeline, QuoteExtractor, Tokenizer};

use crate::checks;

/// A fuzz target's body.
pub type Target = fn(&[u8]);

/// The fuzz targets by name, as `fuzz/fuzz_targets/<name>.rs` and `fuzz/corpus/<name>/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("segment", segment),
    ("gazetteer_load", gazetteer_load),
    ("gazetteer_match", gazetteer_match),
    ("quotes", quotes),
    ("pipeline_json", pipeline_json),
];

/// Pieces of news text and of web debris that the byte-to-piece mode strings together: quote
/// marks of every kind, cues, names, titles, breaks, scripts, marks and control characters.
const PIECES: &[&str] = &[
    "\"",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "\u{ab}",
    "\u{bb}",
    "\u{201e}",
    "\u{2039}",
    "\u{203a}",
    "`",
    "``",
    "''",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    ".",
    ",",
    "!",
    "?",
    ":",
    ";",
    "\u{2014}",
    "-",
    "(",
    ")",
    "[",
    "]",
    "\u{2026}",
    "...",
    "said",
    "says",
    "told reporters",
    "according to",
    "added",
    "warned",
    "he",
    "she",
    "they",
    "He",
    "She",
    "It",
    "Putin",
    "Vladimir Putin",
    "Joe Biden",
    "Biden",
    "Ebrahim Raisi",
    "President",
    "Mr.",
    "Mrs.",
    "Dr.",
    "U.S.",
    "U.N.",
    "Iran",
    "Gaza",
    "White House",
    "spokesman",
    "the",
    "a",
    "We",
    "will",
    "not",
    "win",
    "war",
    "Smith",
    "John",
    "Mary",
    "\u{e9}",
    "e\u{301}",
    "\u{200d}",
    "\u{1f44d}\u{1f3fd}",
    "\u{1f1fa}\u{1f1f8}",
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "\u{645}\u{631}\u{62d}\u{628}\u{627}",
    "\u{65e5}\u{672c}",
    "\u{41f}\u{443}\u{442}\u{438}\u{43d}",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{feff}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{a0}",
    "\u{200b}",
    "\u{202e}",
    "\u{fffd}",
    "https://example.org/a?b=\"c\"",
    "name@example.org",
    "@user",
    "#tag",
    "3.5",
    "1,000",
    "e.g.",
    "'s",
    "n't",
    "<p>",
    "</p>",
    "&quot;",
    "\u{301}",
];

/// The text a target works on: the bytes as UTF-8 (invalid sequences replaced) when the first
/// byte is even, else each following byte picks one of [`PIECES`].
pub fn text_from(data: &[u8]) -> Cow<'_, str> {
    match data.split_first() {
        None => Cow::Borrowed(""),
        Some((mode, rest)) if mode % 2 == 0 => String::from_utf8_lossy(rest),
        Some((_, rest)) => Cow::Owned(
            rest.iter()
                .map(|&b| PIECES[b as usize % PIECES.len()])
                .collect(),
        ),
    }
}

fn tokenizer() -> &'static Tokenizer {
    static T: OnceLock<Tokenizer> = OnceLock::new();
    T.get_or_init(Tokenizer::new)
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::builder()
            .threads(1)
            .build()
            .expect("the default pipeline builds")
    })
}

/// A small gazetteer with every case mode, diacritics, punctuation and overlapping aliases.
fn small_gazetteer() -> &'static Arc<Gazetteer> {
    static G: OnceLock<Arc<Gazetteer>> = OnceLock::new();
    G.get_or_init(|| {
        let tsv = "# id\tname\tlabel\taliases\tweight\tcase\n\
                   Q1\tVladimir Putin\tPERSON\tPutin|V. Putin|Владимир Путин\t1\tsmart\n\
                   Q2\tUnited States\tGPE\tU.S.|US|United States of America|America\t1\tsmart\n\
                   Q3\tApple Inc.\tORG\tApple\t1\texact\n\
                   Q4\tSão Paulo\tGPE\tSao Paulo|São\t1\tinsensitive\n\
                   Q5\tNew York\tGPE\tNew York City|NYC|New\t1\tsmart\n\
                   Q6\tAT&T\tORG\tAT&T Inc.|A.T.&T.\t1\tsmart\n\
                   Q7\tJohn Smith\tPERSON\tSmith|John\t1\tsmart\n\
                   \tJohn Smith\tPERSON\tJ. Smith\t1\tsmart\n";
        let mut b = Gazetteer::builder();
        b.fold_diacritics(true)
            .add_tsv_reader(tsv.as_bytes(), "small.tsv")
            .expect("the small gazetteer reads");
        Arc::new(b.build().expect("the small gazetteer builds"))
    })
}

/// Tokens, sentences and paragraphs of any text keep every invariant.
pub fn segment(data: &[u8]) {
    let text = text_from(data);
    let seg = tokenizer().segment(&text);
    checks::segmentation(&text, &seg);
    assert_eq!(
        tokenizer().tokenize(&text),
        seg.tokens,
        "tokenize and segment differ"
    );
}

/// Gazetteer files of any content, in each format, load or fail with an error naming the
/// place; what loads builds or fails cleanly, matches its own aliases with valid spans, and
/// saves and loads back unchanged. Saved gazetteers of any content load or fail cleanly.
pub fn gazetteer_load(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let mut builder = Gazetteer::builder();
    match mode % 8 {
        0 | 4 => builder.add_tsv_reader(rest, "fuzz.tsv").map(|_| ()),
        1 | 5 => builder.add_csv_reader(rest, "fuzz.csv").map(|_| ()),
        2 | 6 => builder.add_jsonl_reader(rest, "fuzz.jsonl").map(|_| ()),
        3 => {
            let mut saved = b"BYLGAZ04".to_vec();
            saved.extend_from_slice(rest);
            if let Ok(g) = Gazetteer::from_bytes(&saved) {
                // A loaded gazetteer may be nonsense, but searching it must not crash.
                let text = String::from_utf8_lossy(rest);
                let _ = g.find(&text);
            }
            return;
        }
        _ => {
            let _ = Gazetteer::from_bytes(rest);
            return;
        }
    }
    .map_err(|e| {
        let shown = e.to_string();
        assert!(
            shown.contains("fuzz."),
            "the error {shown:?} does not name the file"
        );
    })
    .ok();
    if mode & 0x10 != 0 {
        builder.case(CaseMode::Insensitive);
    }
    builder.fold_diacritics(mode & 0x20 != 0);
    let Ok(gaz) = builder.build() else {
        return;
    };
    let mut all = String::new();
    for (_, entry) in gaz.iter() {
        for alias in &entry.aliases {
            let found = gaz.find(alias);
            checks::matches(alias, &found, gaz.len(), true);
            let _ = gaz.lookup(alias);
            all.push_str(alias);
            all.push_str(" , ");
        }
    }
    checks::matches(&all, &gaz.find(&all), gaz.len(), true);
    checks::matches(&all, &gaz.find_overlapping(&all), gaz.len(), false);
    let back = Gazetteer::from_bytes(&gaz.to_bytes()).expect("a saved gazetteer loads back");
    assert_eq!(
        back.entries(),
        gaz.entries(),
        "entries change on a save and load"
    );
    assert_eq!(
        back.find(&all),
        gaz.find(&all),
        "matches change on a save and load"
    );
}

/// The matcher and the recognizer over any text, with a small gazetteer and the default one.
pub fn gazetteer_match(data: &[u8]) {
    let text = text_from(data);
    let small = small_gazetteer();
    checks::matches(&text, &small.find(&text), small.len(), true);
    checks::matches(&text, &small.find_overlapping(&text), small.len(), false);
    let seg = tokenizer().segment(&text);
    for gaz in [small, pipeline().gazetteer()] {
        let found = EntityRecognizer::new(Arc::clone(gaz)).recognize(&text, &seg);
        checks::entities(&text, &found);
    }
    let default = pipeline().gazetteer();
    checks::matches(&text, &default.find(&text), default.len(), true);
}

/// Quotation extraction over any text, with the entities the default gazetteer finds.
pub fn quotes(data: &[u8]) {
    let text = text_from(data);
    let seg = tokenizer().segment(&text);
    let entities = EntityRecognizer::new(Arc::clone(pipeline().gazetteer())).recognize(&text, &seg);
    let found = QuoteExtractor::new().extract(&text, &seg, &entities);
    checks::quotations(&text, &found);
    let without = QuoteExtractor::new().extract(&text, &seg, &[]);
    checks::quotations(&text, &without);
}

/// The whole pipeline and its JSON line, with every optional field.
pub fn pipeline_json(data: &[u8]) {
    let text = text_from(data);
    let doc = pipeline().annotate(text.as_ref());
    checks::document(&doc);
    let line = doc
        .to_json()
        .id("fuzz")
        .text(true)
        .tokens(true)
        .paragraphs(true)
        .to_string();
    checks::json(&doc, &line);
    let plain = doc.to_json().to_string();
    checks::json(&doc, &plain);
}
