//! Words, sentences and paragraphs of English news text, with exact byte offsets.
//!
//! [`Tokenizer::segment`] reads a text once and returns its [`Token`]s, [`Sentence`]s and
//! [`Paragraph`]s. Every non-space character of the input belongs to exactly one token; every
//! span is a byte range into the caller's `&str`, on char boundaries, so `&text[span.range()]`
//! is the token and nothing is normalised away. The rules are those of English newswire:
//! Penn Treebank clitics (`do|n't`, `Russia|'s`), abbreviations that keep their period (`U.S.`,
//! `Lt. Gen.`, `a.m.`), numbers with currency and percent (`$1,000.50`, `3.5%`), hyphenated
//! names (`Su-35`), quote marks with their role, and quotations kept with their sentence.
//!
//! ```
//! use byline_tokenize::Tokenizer;
//!
//! let text = "\"Good morning?\" Harry asked. He left.";
//! let seg = Tokenizer::new().segment(text);
//! let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.as_str(text)).collect();
//! assert_eq!(sentences, ["\"Good morning?\" Harry asked.", "He left."]);
//! ```
//!
//! # Rules in brief
//!
//! - **Tokens**: words (with inner hyphens, apostrophes and periods), numbers (with separators,
//!   decimals, currency, percent and unit suffixes), URLs, e-mail addresses, `@mentions`,
//!   `#hashtags`, emoji (one token per grapheme cluster: ZWJ sequences, flags, skin tones,
//!   keycaps), quote marks, dashes, ellipses, other punctuation and symbols.
//! - **Sentences** end at `.`, `!`, `?` and ellipses, taking closing quotes and brackets with them,
//!   unless the next word continues the sentence; abbreviations end a sentence only before a word
//!   that opens one (`in the U.S. How` ends, `the U.S. Navy` does not), or before a capitalised
//!   word that the document, or failing it an embedded word list, shows is usually written in
//!   lower case (`across the U.S. Officials said` ends). Footnote markers (`a saint.[2]`) stay
//!   with their sentence, as do `!` and `?` in an aside between dashes or in a name (`Yahoo!
//!   Finance`). Numbered, lettered and Roman lists (`(ii)`, `2.)`), bullets, quotations broken
//!   off by a dash, message headers and emoticons are handled too.
//! - **Paragraphs** end at blank lines, and at single line breaks unless the text is hard-wrapped
//!   (then only after a short line such as a headline or a dateline). A headline without final
//!   punctuation is a sentence of its own.
//!
//! ```
//! use byline_tokenize::Tokenizer;
//!
//! let text = "The virus spread across the U.S. Officials said cases rose, the U.S. Army said.";
//! let seg = Tokenizer::new().segment(text);
//! let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.as_str(text)).collect();
//! assert_eq!(
//!     sentences,
//!     ["The virus spread across the U.S.", "Officials said cases rose, the U.S. Army said."]
//! );
//! ```
//!
//! Add abbreviations and tokens that must stay whole with [`Tokenizer::builder`].
#![deny(missing_docs)]

mod abbrev;
mod chars;
mod lowercase_words;
mod ortho;
mod paragraph;
mod rules;
mod scan;
mod sentence;

use std::ops::Range;
use std::sync::Arc;

use crate::rules::Rules;

/// A byte range `start..end` (end exclusive) into the text it was produced from.
///
/// ```
/// use byline_tokenize::Span;
/// let span = Span::new(4, 9);
/// assert_eq!(span.as_str("The quick fox"), "quick");
/// assert_eq!(span.len(), 5);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    ///
    /// ```
    /// assert_eq!(byline_tokenize::Span::new(1, 3).range(), 1..3);
    /// ```
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range<usize>`, to index a `&str`.
    ///
    /// ```
    /// let text = "Hello";
    /// assert_eq!(&text[byline_tokenize::Span::new(1, 3).range()], "el");
    /// ```
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    ///
    /// ```
    /// assert_eq!(byline_tokenize::Span::new(2, 7).len(), 5);
    /// ```
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span holds no byte.
    ///
    /// ```
    /// assert!(byline_tokenize::Span::new(3, 3).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text of the span. Panics if the span is out of bounds or off a char boundary, as
    /// slicing does.
    ///
    /// ```
    /// assert_eq!(byline_tokenize::Span::new(0, 3).as_str("Iran's"), "Ira");
    /// ```
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// What a token is.
///
/// ```
/// use byline_tokenize::{TokenKind, Tokenizer};
///
/// let text = "@AP: Iran's 3.5% rise \u{1F44D} https://ap.org";
/// let kinds: Vec<&str> = Tokenizer::new().tokenize(text).iter().map(|t| t.kind.as_str()).collect();
/// assert_eq!(kinds, ["mention", "punct", "word", "word", "number", "word", "emoji", "url"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// A word, including abbreviations (`U.S.`), hyphenated forms (`Su-35`) and clitics (`n't`, `'s`).
    Word,
    /// A number, with separators, decimals, currency or percent (`$1,000.50`, `3.5%`, `20m`).
    Number,
    /// Punctuation, including dashes and ellipses.
    Punctuation,
    /// A quote mark (`"`, `“`, `’` used as a quote, `«`, ...); see [`Token::quote`].
    QuoteMark,
    /// Any other symbol (`&`, `+`, `©`, ...).
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A mention such as `@reuters`.
    Mention,
    /// A hashtag such as `#Gaza`.
    Hashtag,
    /// One emoji sequence (ZWJ sequences, flags and skin tones are one token).
    Emoji,
}

impl TokenKind {
    /// The lower-case name used in JSON output (`"word"`, `"quote"`, ...).
    ///
    /// ```
    /// assert_eq!(byline_tokenize::TokenKind::QuoteMark.as_str(), "quote");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punctuation => "punct",
            TokenKind::QuoteMark => "quote",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Mention => "mention",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Emoji => "emoji",
        }
    }
}

/// Whether a quote mark opens or closes a quotation, where that can be told from its shape and
/// its neighbours.
///
/// ```
/// use byline_tokenize::{QuoteRole, Tokenizer};
///
/// let roles: Vec<Option<QuoteRole>> = Tokenizer::new()
///     .tokenize("\"Yes,\" he said.")
///     .iter()
///     .filter_map(|t| t.quote.map(Some))
///     .collect();
/// assert_eq!(roles, [Some(QuoteRole::Opening), Some(QuoteRole::Closing)]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteRole {
    /// Opens a quotation (`“`, `«`, or `"` before a word).
    Opening,
    /// Closes a quotation (`”`, `»`, or `"` after a word or punctuation).
    Closing,
    /// Cannot be told from the mark and its neighbours alone.
    Ambiguous,
}

/// One token: its span, its kind, and for quote marks, its role.
///
/// ```
/// use byline_tokenize::{Span, Token, TokenKind, Tokenizer};
///
/// let tokens = Tokenizer::new().tokenize("Hi!");
/// assert_eq!(
///     tokens[0],
///     Token { span: Span::new(0, 2), kind: TokenKind::Word, quote: None }
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte span in the original text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// For [`TokenKind::QuoteMark`] tokens, whether the mark opens or closes; `None` otherwise.
    pub quote: Option<QuoteRole>,
}

/// One sentence: its span and the range of its tokens in [`Segmentation::tokens`].
///
/// ```
/// let text = "It rained. We stayed in.";
/// let seg = byline_tokenize::Tokenizer::new().segment(text);
/// let second = &seg.sentences[1];
/// assert_eq!(second.span.as_str(text), "We stayed in.");
/// assert_eq!(second.tokens, 3..7);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Byte span from the first to the last token of the sentence.
    pub span: Span,
    /// Indices of the sentence's tokens in [`Segmentation::tokens`].
    pub tokens: Range<usize>,
}

/// One paragraph: its span and the range of its sentences in [`Segmentation::sentences`].
///
/// ```
/// let text = "Headline\n\nOne. Two.";
/// let seg = byline_tokenize::Tokenizer::new().segment(text);
/// assert_eq!(seg.paragraphs[1].span.as_str(text), "One. Two.");
/// assert_eq!(seg.paragraphs[1].sentences, 1..3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Paragraph {
    /// Byte span from the first to the last token of the paragraph.
    pub span: Span,
    /// Indices of the paragraph's sentences in [`Segmentation::sentences`].
    pub sentences: Range<usize>,
}

/// Tokens, sentences and paragraphs of one text. Sentences tile their paragraphs' tokens; tokens
/// are in text order and do not overlap.
///
/// ```
/// let text = "Dr. Smith left.\nHe came back.";
/// let seg = byline_tokenize::Tokenizer::new().segment(text);
/// assert_eq!((seg.tokens.len(), seg.sentences.len(), seg.paragraphs.len()), (8, 2, 2));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Every token of the text, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order.
    pub sentences: Vec<Sentence>,
    /// Every paragraph, in order.
    pub paragraphs: Vec<Paragraph>,
}

/// Splits text into tokens, sentences and paragraphs. Cheap to clone, `Send + Sync`, reusable.
///
/// ```
/// use byline_tokenize::{TokenKind, Tokenizer};
///
/// let text = "Russia's Su-35 jets don't fly.";
/// let tokens: Vec<&str> = Tokenizer::new()
///     .tokenize(text)
///     .iter()
///     .map(|t| t.span.as_str(text))
///     .collect();
/// assert_eq!(tokens, ["Russia", "'s", "Su-35", "jets", "do", "n't", "fly", "."]);
/// ```
#[derive(Clone, Debug)]
pub struct Tokenizer {
    rules: Arc<Rules>,
}

impl Default for Tokenizer {
    fn default() -> Tokenizer {
        Tokenizer::new()
    }
}

/// Builds a [`Tokenizer`] with extra abbreviations and exceptions.
///
/// ```
/// use byline_tokenize::Tokenizer;
///
/// let tokenizer = Tokenizer::builder().abbreviation("Supt.").exception("C++").build();
/// let text = "Supt. Lee writes C++. He left.";
/// let seg = tokenizer.segment(text);
/// assert_eq!(seg.sentences.len(), 2);
/// assert_eq!(seg.tokens[0].span.as_str(text), "Supt.");
/// assert_eq!(seg.tokens[3].span.as_str(text), "C++");
/// ```
#[derive(Clone, Debug, Default)]
pub struct TokenizerBuilder {
    extra_abbreviations: Vec<String>,
    exceptions: Vec<String>,
}

impl TokenizerBuilder {
    /// Adds an abbreviation (with its final period, `"Gov."`) that never ends a sentence. Case
    /// does not matter.
    ///
    /// ```
    /// use byline_tokenize::Tokenizer;
    ///
    /// let text = "Ask Insp. Morse.";
    /// let plain = Tokenizer::new().segment(text);
    /// let custom = Tokenizer::builder().abbreviation("Insp.").build().segment(text);
    /// assert_eq!(custom.tokens[1].span.as_str(text), "Insp.");
    /// assert_eq!(custom.sentences.len(), 1);
    /// # let _ = plain;
    /// ```
    pub fn abbreviation(&mut self, abbreviation: &str) -> &mut Self {
        self.extra_abbreviations.push(abbreviation.to_owned());
        self
    }

    /// Adds an exception: a string without white space that is always one token (a `Word`)
    /// where it stands alone (`"C++"`, `"Yahoo!"`, `"E*Trade"`). A final `!` or `?` in it never
    /// ends a sentence; one that ends in a period behaves as an abbreviation.
    ///
    /// ```
    /// use byline_tokenize::Tokenizer;
    ///
    /// let text = "She works at Yahoo! Inc. now.";
    /// let seg = Tokenizer::builder().exception("Yahoo!").build().segment(text);
    /// assert_eq!(seg.tokens[3].span.as_str(text), "Yahoo!");
    /// assert_eq!(seg.sentences.len(), 1);
    /// ```
    pub fn exception(&mut self, token: &str) -> &mut Self {
        self.exceptions.push(token.to_owned());
        self
    }

    /// Builds the tokenizer; can be called again.
    ///
    /// ```
    /// let mut builder = byline_tokenize::Tokenizer::builder();
    /// let first = builder.abbreviation("Supt.").build();
    /// let second = builder.abbreviation("Insp.").build();
    /// assert_eq!(first.segment("Supt. Lee.").sentences.len(), 1);
    /// assert_eq!(second.segment("Insp. Lee.").sentences.len(), 1);
    /// ```
    pub fn build(&self) -> Tokenizer {
        Tokenizer {
            rules: Arc::new(Rules::new(&self.extra_abbreviations, &self.exceptions)),
        }
    }
}

impl Tokenizer {
    /// A tokenizer with the built-in English rules.
    ///
    /// ```
    /// let seg = byline_tokenize::Tokenizer::new().segment("Hello World. My name is Jonas.");
    /// assert_eq!(seg.sentences.len(), 2);
    /// ```
    pub fn new() -> Tokenizer {
        Tokenizer {
            rules: Arc::new(Rules::new(&[], &[])),
        }
    }

    /// A builder to add abbreviations and exceptions.
    ///
    /// ```
    /// let tokenizer = byline_tokenize::Tokenizer::builder().abbreviation("Gov.").build();
    /// assert_eq!(tokenizer.segment("Gov. Newsom spoke.").sentences.len(), 1);
    /// ```
    pub fn builder() -> TokenizerBuilder {
        TokenizerBuilder::default()
    }

    /// Tokens of `text`, in order.
    ///
    /// ```
    /// use byline_tokenize::{TokenKind, Tokenizer};
    ///
    /// let tokens = Tokenizer::new().tokenize("$1,000.50 at 3.5%");
    /// let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
    /// assert_eq!(kinds, [TokenKind::Number, TokenKind::Word, TokenKind::Number]);
    /// ```
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        self.segment(text).tokens
    }

    /// Tokens, sentences and paragraphs of `text`, in one pass over it.
    ///
    /// ```
    /// use byline_tokenize::Tokenizer;
    ///
    /// let text = "LONDON\n\nDr. Smith arrived at 5 p.m. on Monday. \"I disagree.\" He left.";
    /// let seg = Tokenizer::new().segment(text);
    /// let sentences: Vec<&str> = seg.sentences.iter().map(|s| s.span.as_str(text)).collect();
    /// assert_eq!(
    ///     sentences,
    ///     ["LONDON", "Dr. Smith arrived at 5 p.m. on Monday.", "\"I disagree.\"", "He left."]
    /// );
    /// assert_eq!(seg.paragraphs.len(), 2);
    /// ```
    pub fn segment(&self, text: &str) -> Segmentation {
        scan::Scanner::new(text, &self.rules).run()
    }
}

/// Runs the README's example as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
