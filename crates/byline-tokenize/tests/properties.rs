//! Property tests: on any text, segmentation never panics and its spans are consistent.

use byline_tokenize::{Segmentation, Tokenizer};
use proptest::prelude::*;

/// Checks every invariant of a segmentation of `text`.
fn check(text: &str, seg: &Segmentation) -> Result<(), TestCaseError> {
    // Tokens: ordered, non-empty, non-overlapping, on char boundaries, free of white space.
    let mut last_end = 0;
    for t in &seg.tokens {
        prop_assert!(
            t.span.start >= last_end,
            "overlap or disorder at {:?}",
            t.span
        );
        prop_assert!(t.span.start < t.span.end, "empty token at {:?}", t.span);
        prop_assert!(t.span.end <= text.len());
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        prop_assert!(!t.span.as_str(text).chars().any(char::is_whitespace));
        prop_assert_eq!(
            t.quote.is_some(),
            t.kind == byline_tokenize::TokenKind::QuoteMark
        );
        last_end = t.span.end;
    }
    // Coverage: the gaps between tokens are white space only.
    let mut pos = 0;
    for t in &seg.tokens {
        let gap = &text[pos..t.span.start];
        prop_assert!(
            gap.chars()
                .all(|c| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)),
            "uncovered {:?} before {:?}",
            gap,
            t.span
        );
        pos = t.span.end;
    }
    let tail_is_space = text[pos..]
        .chars()
        .all(|c| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c));
    prop_assert!(tail_is_space, "uncovered text after the last token");
    // Sentences tile the tokens, paragraphs tile the sentences, spans match their parts.
    let mut next_token = 0;
    for s in &seg.sentences {
        prop_assert_eq!(s.tokens.start, next_token);
        prop_assert!(s.tokens.end > s.tokens.start);
        prop_assert_eq!(s.span.start, seg.tokens[s.tokens.start].span.start);
        prop_assert_eq!(s.span.end, seg.tokens[s.tokens.end - 1].span.end);
        next_token = s.tokens.end;
    }
    prop_assert_eq!(next_token, seg.tokens.len());
    let mut next_sentence = 0;
    for p in &seg.paragraphs {
        prop_assert_eq!(p.sentences.start, next_sentence);
        prop_assert!(p.sentences.end > p.sentences.start);
        prop_assert_eq!(p.span.start, seg.sentences[p.sentences.start].span.start);
        prop_assert_eq!(p.span.end, seg.sentences[p.sentences.end - 1].span.end);
        next_sentence = p.sentences.end;
    }
    prop_assert_eq!(next_sentence, seg.sentences.len());
    Ok(())
}

/// Characters that exercise the rules: end marks, quotes, apostrophes, dashes, currency,
/// separators, newlines, marks, joiners, emoji parts, and odd white space.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            'a', 'Z', 'I', 's', 'n', 't', 'U', 'S', '1', '9', '0', ' ', ' ', ' ', '\n', '\r',
            '\t', '.', '.', '!', '?', ',', ';', ':', '\'', '"', '`', '-', '(', ')', '[', ']',
            '@', '#', '$', '%', '&', '/', '=', '*', '_',
        ]),
        2 => prop::sample::select(vec![
            '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{AB}', '\u{BB}', '\u{201E}',
            '\u{2039}', '\u{203A}', '\u{2014}', '\u{2013}', '\u{2026}', '\u{2022}', '\u{2043}',
            '\u{A0}', '\u{2028}', '\u{2029}', '\u{85}', '\u{3000}', '\u{200B}', '\u{200D}',
            '\u{FE0F}', '\u{20E3}', '\u{301}', '\u{600}', '\u{1F468}', '\u{1F3FD}', '\u{1F1EC}',
            '\u{1F1E7}', '\u{20AC}', '\u{A3}', '\u{E9}', '\u{1C}', '\u{1F}', '\u{B0}',
        ]),
        1 => any::<char>(),
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..300).prop_map(|cs| cs.into_iter().collect())
}

/// Words and marks that trigger the abbreviation, list, URL and quotation rules.
fn tricky_words() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "U.S.",
        "Dr.",
        "Inc.",
        "a.m.",
        "P.M.",
        "e.g.",
        "No.",
        "Jr.'s",
        "don't",
        "can't",
        "Jones'",
        "'n'",
        "'90s",
        "1.",
        "2.)",
        "a.",
        "b)",
        "\u{2022}",
        ". . .",
        "...",
        "....",
        "\"",
        "\u{201C}",
        "\u{201D}",
        "'",
        "?!",
        "!",
        "http://x.co/a(b)",
        "www.ex.com.",
        "j.d@ex.com",
        "@ap",
        "#tag",
        "$1,000.50",
        "3.5%",
        "Su-35",
        "--",
        ":)",
        "(BBC)",
        "[...]",
        "said",
        "He",
        "The",
        "said.",
        "07:17",
        "AM",
        "04/26/2001",
        "Regards,",
        "\n",
        "\n\n",
        " ",
        "I.",
        "N\u{B0}.",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|ws| {
        let mut s = String::new();
        for (k, w) in ws.iter().enumerate() {
            if k % 3 != 2 {
                s.push(' ');
            }
            s.push_str(w);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_on_tricky_text(text in tricky_text()) {
        check(&text, &Tokenizer::new().segment(&text))?;
    }

    #[test]
    fn invariants_on_tricky_words(text in tricky_words()) {
        check(&text, &Tokenizer::new().segment(&text))?;
    }

    #[test]
    fn invariants_on_any_string(text in any::<String>()) {
        check(&text, &Tokenizer::new().segment(&text))?;
    }

    #[test]
    fn invariants_with_user_rules(text in tricky_words()) {
        let tokenizer = Tokenizer::builder()
            .abbreviation("Supt.")
            .exception("C++")
            .exception("...")
            .exception("U.S.")
            .build();
        check(&text, &tokenizer.segment(&text))?;
    }
}

#[test]
fn adversarial_repetitions() {
    for unit in [
        "a",
        ".",
        "a.",
        "a-",
        "a'",
        "'",
        "\"",
        "1,",
        "1.",
        "U.S.",
        "x@",
        "a.b",
        ". ",
        "! ",
        "\u{200D}",
        "\u{1F1EC}",
        "\u{301}",
        "\u{600} ",
        "http://",
        "www.",
        "(",
        ")",
        "1) ",
        "a+",
        "\n",
        "\r\n",
        "-",
        "...",
    ] {
        let text = unit.repeat(5000);
        check(&text, &Tokenizer::new().segment(&text)).unwrap();
    }
}
