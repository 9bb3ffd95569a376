//! Character classes and grapheme units used by the scanner.

use unicode_segmentation::UnicodeSegmentation;

/// White space as Python's `str.isspace` sees it (Unicode White_Space plus the ASCII separators
/// U+001C..U+001F), so that "every non-space character" means the same in Rust and Python.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The char starting at byte `i` (which must be a char boundary) and its length in bytes.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => ('\0', 0),
    }
}

/// The char ending at byte `i` (a char boundary), if any.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// End of the user-perceived character (extended grapheme cluster) starting at `i`. ASCII followed
/// by ASCII is always a one-byte cluster (CR LF never reaches here: both are white space).
#[inline]
pub(crate) fn unit_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    if b[i] < 0x80 && (i + 1 >= b.len() || b[i + 1] < 0x80) {
        return i + 1;
    }
    let Some(g) = text[i..].graphemes(true).next() else {
        return text.len();
    };
    // A prepended mark can join a following space into one cluster; white space always
    // separates tokens, so the unit stops before it.
    match g.char_indices().skip(1).find(|&(_, c)| is_space(c)) {
        Some((k, _)) => i + k,
        None => i + g.len(),
    }
}

/// Whether the cluster `g` (starting with `first`) is an emoji: a pictographic base, a flag, or a
/// sequence with an emoji presentation selector, keycap or zero-width joiner.
pub(crate) fn is_emoji(first: char, g: &str) -> bool {
    let base = matches!(first,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2300}'..='\u{23FF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}');
    base || (g.len() > first.len_utf8() && g.contains(['\u{FE0F}', '\u{20E3}', '\u{200D}']))
}

/// Letters, digits and the underscore continue a word. General punctuation (curly quotes,
/// dashes, ellipsis) is ruled out before the slower Unicode lookup.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return ASCII_WORD[c as usize];
    }
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// ASCII letters, digits and `_`, indexed by byte.
pub(crate) static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 128 {
        table[c] = (c as u8).is_ascii_alphanumeric() || c == b'_' as usize;
        c += 1;
    }
    table
};

/// Whether a word continues at byte `i`: an ASCII alphanumeric or a non-ASCII alphanumeric.
#[inline]
/// Whether a superscript digit (`¹`, `²`, `⁴`), as footnote markers are written, starts at byte
/// `i`.
pub(crate) fn superscript_digit_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    i < b.len()
        && b[i] >= 0xC2
        && matches!(
            char_at(text, i).0,
            '\u{B9}' | '\u{B2}' | '\u{B3}' | '\u{2070}' | '\u{2074}'..='\u{2079}'
        )
}

pub(crate) fn word_char_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    if i >= b.len() {
        return false;
    }
    if b[i] < 0x80 {
        ASCII_WORD[b[i] as usize]
    } else {
        is_word_char(char_at(text, i).0)
    }
}

/// Whether a letter (ASCII or not) starts at byte `i`.
#[inline]
pub(crate) fn letter_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    if i >= b.len() {
        return false;
    }
    if b[i] < 0x80 {
        b[i].is_ascii_alphabetic()
    } else {
        char_at(text, i).0.is_alphabetic()
    }
}

/// Dashes that stand as their own tokens.
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2012}'..='\u{2015}' | '\u{2212}' | '\u{2E3A}' | '\u{2E3B}'
    )
}

/// Currency signs that prefix a number (`$5`, `€3.5m`).
#[inline]
pub(crate) fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '£' | '€' | '¥' | '₹' | '₩' | '₽' | '₺' | '₪' | '₦' | '₱' | '¢'
    )
}

/// Non-ASCII punctuation (general punctuation, CJK punctuation, inverted marks).
#[inline]
pub(crate) fn is_other_punct(c: char) -> bool {
    matches!(c,
        '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3001}'..='\u{303F}'
        | '¡' | '¿' | '§' | '¶' | '·' | '\u{00AB}' | '\u{00BB}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}')
}
