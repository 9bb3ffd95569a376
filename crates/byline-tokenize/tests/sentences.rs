//! Sentence and paragraph boundaries through the public API.

use byline_tokenize::Tokenizer;

fn sentences(text: &str) -> Vec<&str> {
    Tokenizer::new()
        .segment(text)
        .sentences
        .iter()
        .map(|s| s.span.as_str(text))
        .collect()
}

fn paragraphs(text: &str) -> Vec<&str> {
    Tokenizer::new()
        .segment(text)
        .paragraphs
        .iter()
        .map(|p| p.span.as_str(text))
        .collect()
}

/// (input, expected sentences)
const CASES: &[(&str, &[&str])] = &[
    (
        "\"Good morning?\" Harry asked. He left.",
        &["\"Good morning?\" Harry asked.", "He left."],
    ),
    ("\"I disagree.\" He left.", &["\"I disagree.\"", "He left."]),
    (
        "\u{201C}We will win,\u{201D} she said. \u{201C}No doubt.\u{201D}",
        &[
            "\u{201C}We will win,\u{201D} she said.",
            "\u{201C}No doubt.\u{201D}",
        ],
    ),
    (
        "Lt. Gen. John Smith met Dr. Jones at 5 p.m. on Monday. They talked.",
        &[
            "Lt. Gen. John Smith met Dr. Jones at 5 p.m. on Monday.",
            "They talked.",
        ],
    ),
    (
        "Acme Inc. said profits rose. Shares of Acme Inc. The company declined.",
        &[
            "Acme Inc. said profits rose.",
            "Shares of Acme Inc.",
            "The company declined.",
        ],
    ),
    (
        "The U.S. Navy sent ships. They arrived in the U.S. The crew rested.",
        &[
            "The U.S. Navy sent ships.",
            "They arrived in the U.S.",
            "The crew rested.",
        ],
    ),
    (
        "Sales rose 3.5% to $1,000.50. Costs fell.",
        &["Sales rose 3.5% to $1,000.50.", "Costs fell."],
    ),
    ("Really?! Yes. Wait...", &["Really?!", "Yes.", "Wait..."]),
    (
        "\"We're not going anywhere,\" said Sen. John McCain, R-Ariz. \"Not now.\"",
        &[
            "\"We're not going anywhere,\" said Sen. John McCain, R-Ariz.",
            "\"Not now.\"",
        ],
    ),
    (
        "He was born in Washington, D.C. He moved to N.Y. in 1990.",
        &[
            "He was born in Washington, D.C.",
            "He moved to N.Y. in 1990.",
        ],
    ),
    (
        "The Jan. 6 committee met in Jan. The panel adjourned at 8 p.m. Monday.",
        &[
            "The Jan. 6 committee met in Jan.",
            "The panel adjourned at 8 p.m. Monday.",
        ],
    ),
    (
        "No. 10 Downing Street said no. The end.",
        &["No. 10 Downing Street said no.", "The end."],
    ),
    (
        "\u{201C}I disagree.\u{201D} He left. She asked: \u{201C}Why?\u{201D} Nobody knew.",
        &[
            "\u{201C}I disagree.\u{201D}",
            "He left.",
            "She asked: \u{201C}Why?\u{201D}",
            "Nobody knew.",
        ],
    ),
    (
        "He paused (for effect.) and went on. Then he left.",
        &["He paused (for effect.) and went on.", "Then he left."],
    ),
];

#[test]
fn sentence_table() {
    for (text, want) in CASES {
        assert_eq!(&sentences(text), want, "in {text:?}");
    }
}

#[test]
fn headline_and_dateline_are_sentences() {
    let text =
        "Iran condemns the West\nTEHRAN (Reuters)\nIran's president spoke on Friday. He left.";
    assert_eq!(
        sentences(text),
        [
            "Iran condemns the West",
            "TEHRAN (Reuters)",
            "Iran's president spoke on Friday.",
            "He left."
        ]
    );
}

#[test]
fn dateline_is_its_own_sentence() {
    let text = "WASHINGTON (Reuters) - The Senate voted 51-49 on Tuesday. It adjourned.";
    assert_eq!(
        sentences(text),
        [
            "WASHINGTON (Reuters) -",
            "The Senate voted 51-49 on Tuesday.",
            "It adjourned."
        ]
    );
    let text = "NEW YORK, N.Y. \u{2014} Stocks rose.";
    assert_eq!(sentences(text), ["NEW YORK, N.Y. \u{2014}", "Stocks rose."]);
    // Not a dateline: a sentence that happens to open with capitals.
    assert_eq!(sentences("PS -- see you."), ["PS -- see you."]);
}

#[test]
fn paragraphs_at_blank_lines_and_single_newlines() {
    let one_per_line = "First paragraph. Two sentences.\nSecond paragraph.\n\nThird.";
    assert_eq!(
        paragraphs(one_per_line),
        [
            "First paragraph. Two sentences.",
            "Second paragraph.",
            "Third."
        ]
    );
}

#[test]
fn hard_wrapped_text_keeps_paragraphs_whole() {
    let text = "Officials said on Tuesday that the talks, which began in\n\
                Geneva last week, would continue for at least another\n\
                month, according to people familiar with the matter and\n\
                several diplomats who were briefed on the negotiations.\n\
                \n\
                A second paragraph follows here, and it is wrapped at the\n\
                same width as the first one, to look like an e-mail.\n";
    let paras = paragraphs(text);
    assert_eq!(paras.len(), 2, "{paras:?}");
    assert!(paras[0].starts_with("Officials") && paras[0].ends_with("negotiations."));
    assert_eq!(sentences(text).len(), 2);
}

#[test]
fn sentences_tile_paragraphs() {
    let text = "A headline\n\nOne. Two! Three?\nFour \"five.\" Six";
    let seg = Tokenizer::new().segment(text);
    let mut next_sentence = 0;
    let mut next_token = 0;
    for p in &seg.paragraphs {
        assert_eq!(p.sentences.start, next_sentence);
        for s in &seg.sentences[p.sentences.clone()] {
            assert_eq!(s.tokens.start, next_token);
            next_token = s.tokens.end;
        }
        next_sentence = p.sentences.end;
    }
    assert_eq!(next_sentence, seg.sentences.len());
    assert_eq!(next_token, seg.tokens.len());
}

#[test]
fn empty_and_blank_input() {
    for text in ["", " ", "\n\n\t "] {
        let seg = Tokenizer::new().segment(text);
        assert!(seg.tokens.is_empty() && seg.sentences.is_empty() && seg.paragraphs.is_empty());
    }
}
