//! Orthographic evidence: whether a capitalised word after an abbreviation opens a sentence.
//!
//! Punkt's heuristic: a word that writers keep in lower case mid-sentence (`officials`,
//! `police`) is capitalised only because a sentence starts with it, while a word often
//! capitalised mid-sentence (`Army`, `Eastern`, `Smith`) belongs to a name. The document itself
//! is asked first; an embedded list of words usually written in lower case answers otherwise.

use std::cell::Cell;

use memchr::memmem;

use crate::lowercase_words::WORDS;

/// How far around the word the document is searched for other uses of it, in bytes: a news
/// article and those around it.
const WINDOW: usize = 16 * 1024;

/// Bytes that the searches of one document may read, beyond [`BUDGET_PER_BYTE`] per byte of
/// it: the budget keeps segmentation linear in the length of the text whatever it holds.
pub(crate) const BUDGET_BASE: usize = 1 << 20;
/// Bytes that the searches may read per byte of the document.
pub(crate) const BUDGET_PER_BYTE: usize = 8;

/// Longest word looked up.
const MAX_WORD: usize = 24;

/// What the text says about how a word is written mid-sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// Capitalised after a lower-case word or a comma somewhere: a name.
    CapitalisedMidSentence,
    /// Only ever seen in lower case besides the use in question.
    LowerCase,
    /// Not seen elsewhere.
    Unseen,
}

/// Whether `word` (any case) is one that English prose writes in lower case mid-sentence.
///
/// Allocation-free: the word is lower-cased into a stack buffer and found by binary search.
pub(crate) fn usually_lower(word: &str) -> bool {
    let mut buf = [0u8; MAX_WORD];
    let Some(lower) = lower_ascii_word(word, &mut buf) else {
        return false;
    };
    WORDS.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok()
}

/// Lower-cases an ASCII alphabetic word into `buf`; `None` for anything else.
fn lower_ascii_word<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    let b = word.as_bytes();
    if b.len() < 2 || b.len() > MAX_WORD || !b.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let out = &mut buf[..b.len()];
    out.copy_from_slice(b);
    out.make_ascii_lowercase();
    Some(out)
}

/// How the capitalised `word` that starts at byte `at` of `text` is written elsewhere in the
/// text near it (within [`WINDOW`] bytes on each side). The bytes read are taken from `budget`;
/// when it is spent, nothing is searched and the answer is [`Evidence::Unseen`].
pub(crate) fn evidence(text: &str, word: &str, at: usize, budget: &Cell<usize>) -> Evidence {
    let mut buf = [0u8; MAX_WORD];
    let Some(lower) = lower_ascii_word(word, &mut buf) else {
        return Evidence::Unseen;
    };
    let b = text.as_bytes();
    let lo = at.saturating_sub(WINDOW);
    let hi = (at + WINDOW).min(b.len());
    let cost = 2 * (hi - lo);
    if budget.get() < cost {
        return Evidence::Unseen;
    }
    budget.set(budget.get() - cost);
    let window = &b[lo..hi];
    let whole = |p: usize, len: usize| {
        let p = lo + p;
        (p == 0 || !is_word_byte(b[p - 1])) && (p + len >= b.len() || !is_word_byte(b[p + len]))
    };
    let capitalised = word.as_bytes();
    for p in memmem::find_iter(window, capitalised) {
        if lo + p != at && whole(p, capitalised.len()) && after_lower_word(b, lo + p) {
            return Evidence::CapitalisedMidSentence;
        }
    }
    if memmem::find_iter(window, lower).any(|p| whole(p, lower.len())) {
        Evidence::LowerCase
    } else {
        Evidence::Unseen
    }
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80 || c == b'-' || c == b'\''
}

/// Whether the word at byte `p` follows a lower-case word or a comma on the same line.
fn after_lower_word(b: &[u8], p: usize) -> bool {
    let mut k = p;
    while k > 0 && matches!(b[k - 1], b' ' | b'\t') {
        k -= 1;
    }
    k < p && k > 0 && (b[k - 1].is_ascii_lowercase() || matches!(b[k - 1], b',' | b';'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_lower_case_ascii() {
        assert!(WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(WORDS
            .iter()
            .all(|w| w.bytes().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn common_nouns_are_lower_and_name_heads_are_not() {
        for w in ["Officials", "police", "CRITICS", "Officers"] {
            assert!(usually_lower(w), "{w}");
        }
        for w in ["Army", "Eastern", "Smith", "Senate", "Finance", "U.S", ""] {
            assert!(!usually_lower(w), "{w}");
        }
    }

    fn evidence(text: &str, word: &str, at: usize) -> Evidence {
        super::evidence(text, word, at, &Cell::new(usize::MAX))
    }

    #[test]
    fn spent_budget_searches_nothing() {
        let text = "the troops left. in the U.S. Troops rested.";
        let at = text.find("Troops").unwrap();
        let budget = Cell::new(2 * text.len());
        assert_eq!(
            super::evidence(text, "Troops", at, &budget),
            Evidence::LowerCase
        );
        assert_eq!(budget.get(), 0);
        assert_eq!(
            super::evidence(text, "Troops", at, &budget),
            Evidence::Unseen
        );
    }

    #[test]
    fn document_evidence() {
        let text = "Army officials met. The U.S. Army said so, and the Army agreed.";
        let at = text.find("Army said").unwrap();
        assert_eq!(evidence(text, "Army", at), Evidence::CapitalisedMidSentence);
        let text = "the troops left. in the U.S. Troops rested.";
        let at = text.find("Troops").unwrap();
        assert_eq!(evidence(text, "Troops", at), Evidence::LowerCase);
        assert_eq!(evidence(text, "Moon", 0), Evidence::Unseen);
        // Part of a longer word is no evidence.
        let text = "the subarmy. U.S. Army";
        let at = text.find("Army").unwrap();
        assert_eq!(evidence(text, "Army", at), Evidence::Unseen);
    }
}
