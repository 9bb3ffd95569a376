//! Token boundaries and kinds through the public API.

use byline_tokenize::{QuoteRole, Token, TokenKind, Tokenizer};

fn words(text: &str) -> Vec<&str> {
    Tokenizer::new()
        .tokenize(text)
        .iter()
        .map(|t| t.span.as_str(text))
        .collect()
}

fn find<'a>(tokens: &'a [Token], text: &str, s: &str) -> &'a Token {
    tokens
        .iter()
        .find(|t| t.span.as_str(text) == s)
        .unwrap_or_else(|| panic!("no token {s:?} in {text:?}"))
}

/// (input, expected tokens)
const CASES: &[(&str, &[&str])] = &[
    ("don't", &["do", "n't"]),
    ("Russia's army", &["Russia", "'s", "army"]),
    ("Russia\u{2019}s army", &["Russia", "\u{2019}s", "army"]),
    (
        "I can't, I won't",
        &["I", "ca", "n't", ",", "I", "wo", "n't"],
    ),
    ("We're sure they'll", &["We", "'re", "sure", "they", "'ll"]),
    ("It cannot be", &["It", "can", "not", "be"]),
    (
        "the U.S. and Dr. Who",
        &["the", "U.S.", "and", "Dr.", "Who"],
    ),
    ("a U.S.-led force", &["a", "U.S.-led", "force"]),
    (
        "Lt. Gen. Smith of Acme Inc. at 5 a.m.",
        &[
            "Lt.", "Gen.", "Smith", "of", "Acme", "Inc.", "at", "5", "a.m.",
        ],
    ),
    (
        "$1,000.50 or 3.5% of 20m",
        &["$1,000.50", "or", "3.5%", "of", "20m"],
    ),
    (
        "Su-35, Mi-28 and Yak-130 jets",
        &["Su-35", ",", "Mi-28", "and", "Yak-130", "jets"],
    ),
    ("a well-known fact", &["a", "well-known", "fact"]),
    (
        "wait -- no\u{2014}yes... fine\u{2026}",
        &[
            "wait", "--", "no", "\u{2014}", "yes", "...", "fine", "\u{2026}",
        ],
    ),
    (
        "rock 'n' roll of the '90s",
        &["rock", "'n'", "roll", "of", "the", "'90s"],
    ),
    ("the Joneses' house", &["the", "Joneses", "'", "house"]),
    ("JFK Jr.'s book", &["JFK", "Jr.", "'s", "book"]),
    (
        "mail jane.doe@example.com now",
        &["mail", "jane.doe@example.com", "now"],
    ),
    (
        "see https://www.example.com/a_b.html.",
        &["see", "https://www.example.com/a_b.html", "."],
    ),
    ("@reuters #Gaza", &["@reuters", "#Gaza"]),
    (
        "\u{201C}Yes,\u{201D} she said",
        &["\u{201C}", "Yes", ",", "\u{201D}", "she", "said"],
    ),
    (
        "He said ''no'' twice",
        &["He", "said", "''", "no", "''", "twice"],
    ),
    ("caf\u{e9} na\u{ef}ve", &["caf\u{e9}", "na\u{ef}ve"]),
    ("e\u{301}clair", &["e\u{301}clair"]),
];

#[test]
fn token_table() {
    for (text, want) in CASES {
        assert_eq!(&words(text), want, "in {text:?}");
    }
}

#[test]
fn token_kinds() {
    let text = "Ask @ap about #Gaza at news@example.com or https://x.org/ 3.5% $4 \u{1F44D}\u{1F3FD} & \u{2014} \"";
    let tokens = Tokenizer::new().tokenize(text);
    let kind = |s: &str| find(&tokens, text, s).kind;
    assert_eq!(kind("Ask"), TokenKind::Word);
    assert_eq!(kind("@ap"), TokenKind::Mention);
    assert_eq!(kind("#Gaza"), TokenKind::Hashtag);
    assert_eq!(kind("news@example.com"), TokenKind::Email);
    assert_eq!(kind("https://x.org/"), TokenKind::Url);
    assert_eq!(kind("3.5%"), TokenKind::Number);
    assert_eq!(kind("$4"), TokenKind::Number);
    assert_eq!(kind("\u{1F44D}\u{1F3FD}"), TokenKind::Emoji);
    assert_eq!(kind("&"), TokenKind::Symbol);
    assert_eq!(kind("\u{2014}"), TokenKind::Punctuation);
    assert_eq!(kind("\""), TokenKind::QuoteMark);
}

#[test]
fn emoji_sequences_are_one_token() {
    // family (ZWJ sequence), flag, skin tone, keycap
    let text = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} \u{1F1EC}\u{1F1E7}\u{1F1FA}\u{1F1F8} \u{1F44B}\u{1F3FF} 1\u{FE0F}\u{20E3}";
    let tokens = Tokenizer::new().tokenize(text);
    let got: Vec<&str> = tokens.iter().map(|t| t.span.as_str(text)).collect();
    assert_eq!(
        got,
        [
            "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}",
            "\u{1F1EC}\u{1F1E7}",
            "\u{1F1FA}\u{1F1F8}",
            "\u{1F44B}\u{1F3FF}",
            "1\u{FE0F}\u{20E3}"
        ]
    );
    assert!(tokens.iter().all(|t| t.kind == TokenKind::Emoji));
}

#[test]
fn quote_roles() {
    let text = "\"Yes,\" he said. \u{201C}No\u{201D} \u{AB}Oui\u{BB} 'Maybe,' she said.";
    let tokens = Tokenizer::new().tokenize(text);
    let quotes: Vec<(&str, Option<QuoteRole>)> = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::QuoteMark)
        .map(|t| (t.span.as_str(text), t.quote))
        .collect();
    use QuoteRole::*;
    assert_eq!(
        quotes,
        [
            ("\"", Some(Opening)),
            ("\"", Some(Closing)),
            ("\u{201C}", Some(Opening)),
            ("\u{201D}", Some(Closing)),
            ("\u{AB}", Some(Opening)),
            ("\u{BB}", Some(Closing)),
            ("'", Some(Opening)),
            ("'", Some(Closing)),
        ]
    );
    assert!(tokens
        .iter()
        .filter(|t| t.kind != TokenKind::QuoteMark)
        .all(|t| t.quote.is_none()));
}

#[test]
fn apostrophes_in_words_are_not_quote_marks() {
    for text in [
        "rock 'n' roll",
        "the '90s",
        "Jones' car",
        "O'Brien's",
        "the \u{2018}90s",
    ] {
        let tokens = Tokenizer::new().tokenize(text);
        assert!(
            tokens.iter().all(|t| t.kind != TokenKind::QuoteMark),
            "quote mark found in {text:?}: {tokens:?}"
        );
    }
}

#[test]
fn nothing_is_dropped_or_rewritten() {
    let text = "  A\u{a0}b\tc\r\n\r\nd\u{200b}e \u{301} ";
    let tokens = Tokenizer::new().tokenize(text);
    let covered: String = tokens.iter().map(|t| t.span.as_str(text)).collect();
    let non_space: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(covered, non_space);
}

#[test]
fn user_exceptions_and_abbreviations() {
    let tokenizer = Tokenizer::builder()
        .exception("C++")
        .abbreviation("approx.")
        .abbreviation("Supt.")
        .build();
    let text = "Supt. Lee codes C++ for approx. Ten hours.";
    let seg = tokenizer.segment(text);
    let got: Vec<&str> = seg.tokens.iter().map(|t| t.span.as_str(text)).collect();
    assert_eq!(
        got,
        ["Supt.", "Lee", "codes", "C++", "for", "approx.", "Ten", "hours", "."]
    );
    assert_eq!(seg.sentences.len(), 1);
}

#[test]
fn tokenizer_is_send_sync_and_clone() {
    fn check<T: Send + Sync + Clone>() {}
    check::<Tokenizer>();
}
