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
/// by ASCII is always a one-byte cluster (CR LF never reaches here: both are white space), and so
/// is any char that cannot prepend followed by one that joins nothing before it (`’` after a
/// letter, a letter after `“`): only the rest goes through the grapheme rules.
#[inline]
pub(crate) fn unit_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    if b[i] < 0x80 && (i + 1 >= b.len() || b[i + 1] < 0x80) {
        return i + 1;
    }
    let (first, len) = char_at(text, i);
    let next = i + len;
    if never_prepends(first) && (next >= b.len() || !may_join_previous(text, next)) {
        return next;
    }
    grapheme_end(text, i)
}

/// Whether `c` is outside every range that holds a grapheme Prepend char (U+0600.., U+0890..,
/// U+0D4E, U+110BD.., U+11F02): only a Prepend char joins whatever follows it.
#[inline]
fn never_prepends(c: char) -> bool {
    let c = c as u32;
    c < 0x600 || (0x2000..0x3000).contains(&c) || (0x1F000..0x1FB00).contains(&c)
}

/// Whether the char at byte `i` may belong to the grapheme cluster of the char before it. False
/// only for chars known to start a cluster after anything but a Prepend char: ASCII, Latin-1 and
/// Latin Extended letters and signs (U+0080..U+02FF, combining marks start at U+0300), and the
/// general punctuation of news text (U+2010..U+2027, U+2030..U+205E: quotes, dashes, ellipsis),
/// less the pictographs among them (`©`, `®`, `‼`, `⁉`), which can follow a joiner in an emoji.
#[inline]
fn may_join_previous(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    if b[i] < 0x80 {
        return false;
    }
    let c = char_at(text, i).0 as u32;
    let plain = (0x80..0x300).contains(&c)
        || (0x2010..0x2028).contains(&c)
        || (0x2030..0x205F).contains(&c);
    !plain || matches!(c, 0xA9 | 0xAE | 0x203C | 0x2049)
}

/// [`unit_end`] by the full grapheme cluster rules.
fn grapheme_end(text: &str, i: usize) -> usize {
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

/// The end of the run of ASCII letters, digits and `_` that starts at byte `j` of `b`.
///
/// Eight bytes at a time: a word of news text is found in one step, with one branch, rather than
/// a branch per letter. Each byte is tested in its lane of a `u64` (sums that carry into no
/// other lane: every lane is below 0x80 when tested), then the first byte that is no word char
/// is the lowest lane with its top bit clear.
#[inline]
pub(crate) fn ascii_word_run(b: &[u8], mut j: usize) -> usize {
    const LANES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Top bit of each lane set where the lane (below 0x80) is at least `lo`, or above `hi`.
    let at_least = |v: u64, lo: u8| v + LANES * u64::from(0x80 - lo);
    let above = |v: u64, hi: u8| v + LANES * u64::from(0x7F - hi);
    while let Some(chunk) = b.get(j..j + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let ascii = !x & HIGH;
        let v = x & !HIGH;
        let lower = v | (LANES * 0x20);
        let letter = at_least(lower, b'a') & !above(lower, b'z');
        let digit = at_least(v, b'0') & !above(v, b'9');
        // `_` is the only lane equal to 0x5F: 0x5F ^ 0x5F is 0, and 0 + 0x7F has no top bit.
        let underscore = !((v ^ (LANES * u64::from(b'_'))) + LANES * 0x7F);
        let word = (letter | digit | underscore) & ascii & HIGH;
        if word != HIGH {
            return j + ((!word & HIGH).trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < b.len() && ASCII_WORD[usize::from(b[j])] {
        j += 1;
    }
    j
}

/// Whether a superscript digit (`¹`, `²`, `⁴`), as footnote markers are written, starts at byte
/// `i`.
#[inline]
pub(crate) fn superscript_digit_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    i < b.len()
        && b[i] >= 0xC2
        && matches!(
            char_at(text, i).0,
            '\u{B9}' | '\u{B2}' | '\u{B3}' | '\u{2070}' | '\u{2074}'..='\u{2079}'
        )
}

/// Whether a word continues at byte `i`: an ASCII alphanumeric or a non-ASCII alphanumeric.
#[inline]
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The cluster end by the grapheme rules alone, as [`unit_end`] would find it without its
    /// shortcuts.
    fn reference(text: &str, i: usize) -> usize {
        grapheme_end(text, i)
    }

    /// Chars of every grapheme class that may start a cluster: letters, marks, joiners,
    /// Prepend, Hangul, regional indicators, pictographs, controls, Indic consonants and
    /// viramas, spaces and the plain ranges themselves.
    fn firsts() -> Vec<char> {
        let mut v: Vec<char> = "aZ1 _.\r\n\t\u{85}\u{A0}\u{A9}\u{AD}\u{E9}\u{300}\u{301}\u{345}\u{600}\u{605}\u{6DD}\u{70F}\u{890}\u{8E2}\u{903}\u{915}\u{94D}\u{D4E}\u{E33}\u{1100}\u{1161}\u{11A8}\u{AC00}\u{AC01}\u{200B}\u{200C}\u{200D}\u{2018}\u{2019}\u{201C}\u{2026}\u{203C}\u{2028}\u{20DD}\u{2600}\u{2764}\u{3000}\u{302A}\u{FE0F}\u{FEFF}\u{110BD}\u{1F1E6}\u{1F1FA}\u{1F3FB}\u{1F468}\u{1F44D}\u{E0020}"
            .chars()
            .collect();
        v.extend(('\u{80}'..'\u{600}').step_by(7));
        v.extend(('\u{2000}'..'\u{3000}').step_by(5));
        v.extend(('\u{1F000}'..'\u{1FB00}').step_by(11));
        v
    }

    #[test]
    fn word_runs_in_eight_byte_steps_match_a_byte_loop() {
        let naive = |b: &[u8], mut j: usize| {
            while j < b.len() && ASCII_WORD[usize::from(b[j])] {
                j += 1;
            }
            j
        };
        // Every byte value before, inside and after runs of every length, at every alignment.
        for stop in 0..=255u8 {
            for len in 0..20 {
                for lead in 0..3 {
                    let mut b = vec![b'x'; lead];
                    b.extend((0..len).map(|k| b"aZ09_mQ"[k % 7]));
                    b.push(stop);
                    b.extend_from_slice(b"abc");
                    for j in 0..b.len() {
                        assert_eq!(ascii_word_run(&b, j), naive(&b, j), "{b:?} from {j}");
                    }
                }
            }
        }
        // Pseudo-random bytes, biased towards the class edges.
        let edges = b"@AZ[`az{/09:_^\x7f\x80\xff \t";
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut b = Vec::new();
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            b.push(if state.is_multiple_of(3) {
                edges[(state >> 8) as usize % edges.len()]
            } else {
                (state >> 16) as u8
            });
        }
        for j in 0..b.len() {
            assert_eq!(ascii_word_run(&b, j), naive(&b, j), "from {j}");
        }
    }

    #[test]
    fn plain_chars_after_any_first_char_start_a_cluster() {
        let seconds = ('\u{0}'..'\u{300}').chain('\u{2010}'..'\u{2060}');
        let seconds: Vec<char> = seconds.collect();
        for first in firsts() {
            for &second in &seconds {
                let text = format!("{first}{second}x");
                if is_space(first) {
                    continue;
                }
                assert_eq!(
                    unit_end(&text, 0),
                    reference(&text, 0),
                    "{:?} then {:?}",
                    first,
                    second
                );
            }
        }
    }

    #[test]
    fn unit_end_agrees_with_the_grapheme_rules_on_mixed_text() {
        let all = firsts();
        // A fixed pseudo-random walk over pairs and triples of the chars above.
        let mut state = 0x2545_F491_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..4 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(all[(state % all.len() as u64) as usize]);
            }
            let mut i = 0;
            while i < text.len() {
                if !is_space(char_at(&text, i).0) {
                    assert_eq!(unit_end(&text, i), reference(&text, i), "{text:?} at {i}");
                }
                i += char_at(&text, i).1;
            }
        }
    }
}
