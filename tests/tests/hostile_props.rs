//! Property tests across the crates, through the `byline` facade, on random and hostile text:
//! offsets on character boundaries and in order, each span's text equal to the text it slices,
//! JSON code-point offsets equal to the byte offsets converted, and a batch equal to the same
//! texts annotated one by one.

use std::sync::OnceLock;

use byline::{CharIndex, Pipeline, Tokenizer};
use proptest::prelude::*;

#[path = "../../fuzz/src/checks.rs"]
mod checks;

/// Pieces of news and of web debris: every kind of quote mark, cues, names, breaks, scripts,
/// combining marks, emoji sequences, control characters.
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
    "`",
    "``",
    "''",
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
    "\u{2026}",
    "said",
    "told reporters",
    "according to",
    "he",
    "she",
    "They",
    "Putin",
    "Vladimir Putin",
    "Joe Biden",
    "President",
    "Mr.",
    "U.S.",
    "Iran",
    "Gaza",
    "White House",
    "spokesman",
    "the",
    "We",
    "will",
    "win",
    "Smith",
    "John",
    "e\u{301}",
    "\u{200d}",
    "\u{1f44d}\u{1f3fd}",
    "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",
    "\u{5e9}\u{5dc}\u{5d5}\u{5dd}",
    "\u{645}\u{631}\u{62d}\u{628}\u{627}",
    "\u{65e5}\u{672c}",
    "\u{0}",
    "\u{1b}",
    "\u{feff}",
    "\u{2028}",
    "\u{85}",
    "\u{a0}",
    "\u{202e}",
    "\u{1c}",
];

/// Text made of pieces and of any characters at all.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => "[A-Z][a-z]{1,8}",
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builder().threads(2).build().unwrap())
}

fn json_line(doc: &byline::Document) -> String {
    doc.to_json()
        .id("p")
        .text(true)
        .tokens(true)
        .paragraphs(true)
        .to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn tokens_sentences_and_paragraphs_keep_their_invariants(text in hostile_text()) {
        let seg = Tokenizer::new().segment(&text);
        checks::segmentation(&text, &seg);
    }

    #[test]
    fn any_unicode_string_segments_cleanly(text in "\\PC*") {
        checks::segmentation(&text, &Tokenizer::new().segment(&text));
    }

    #[test]
    fn every_span_of_a_document_slices_its_text(text in hostile_text()) {
        let doc = pipeline().annotate(text.as_str());
        checks::document(&doc);
        for e in doc.entities() {
            prop_assert_eq!(doc.span_text(e.span), &text[e.span.range()]);
        }
    }

    #[test]
    fn json_code_points_are_the_byte_offsets_converted(text in hostile_text()) {
        let doc = pipeline().annotate(text.as_str());
        checks::json(&doc, &json_line(&doc));
        let index = CharIndex::new(&text);
        let expected = checks::code_points(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            prop_assert_eq!(index.char_offset(byte), expected[byte]);
        }
    }

    #[test]
    fn a_batch_equals_the_texts_one_by_one(texts in proptest::collection::vec(hostile_text(), 0..12)) {
        let batch = pipeline().annotate_batch(texts.clone());
        prop_assert_eq!(batch.len(), texts.len());
        for (result, text) in batch.iter().zip(&texts) {
            let doc = result.as_ref().expect("no document of a batch fails");
            prop_assert_eq!(doc.text(), text.as_str());
            let alone = pipeline().annotate(text.as_str());
            prop_assert_eq!(json_line(doc), json_line(&alone));
        }
    }
}
