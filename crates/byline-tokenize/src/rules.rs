//! The rule set a [`crate::Tokenizer`] carries: built-in abbreviations plus the user's additions.

use std::collections::HashSet;

use crate::abbrev::{builtin, AbbrevClass, LONGEST_BUILTIN};

/// How a word that keeps its final period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// One letter (`E.`, `p.`, `I.`).
    Initial(u8),
    /// Letters separated by periods (`U.S.`, `a.m.`, `Ph.D.`); `upper_time` for `A.M.`/`P.M.`.
    MultiPeriod { upper_time: bool },
    /// From the built-in table.
    Table(AbbrevClass),
    /// Added by the user, or an exception: never ends a sentence.
    User,
}

#[derive(Debug, Default)]
pub(crate) struct Rules {
    /// User abbreviations, lower-cased, without the final period.
    pub(crate) abbreviations: HashSet<String>,
    /// User exceptions: strings kept as one token.
    pub(crate) exceptions: Vec<Box<str>>,
    /// First bytes of the exceptions, to skip the check quickly.
    pub(crate) exception_first: Vec<bool>,
}

/// Lower-cases a short ASCII word into `buf`; `None` when it is long or not ASCII.
#[inline]
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let b = word.as_bytes();
    if b.len() > buf.len() {
        return None;
    }
    for (out, &c) in buf.iter_mut().zip(b) {
        if !c.is_ascii() {
            return None;
        }
        *out = c.to_ascii_lowercase();
    }
    Some(&buf[..b.len()])
}

/// Whether `word` is letters separated by single periods, each run at most two letters (`U.S`,
/// `e.g`, `Ph.D`).
fn is_multi_period(word: &str) -> bool {
    let mut run = 0;
    let mut dots = 0;
    for &c in word.as_bytes() {
        if c == b'.' {
            if run == 0 {
                return false;
            }
            run = 0;
            dots += 1;
        } else if c.is_ascii_alphabetic() {
            run += 1;
            if run > 2 {
                return false;
            }
        } else {
            return false;
        }
    }
    dots > 0 && run > 0
}

impl Rules {
    pub(crate) fn new(abbreviations: &[String], exceptions: &[String]) -> Rules {
        let mut rules = Rules {
            exception_first: vec![false; 256],
            ..Rules::default()
        };
        for a in abbreviations {
            let a = a.trim().trim_end_matches('.');
            if !a.is_empty() {
                rules.abbreviations.insert(a.to_lowercase());
            }
        }
        for e in exceptions {
            let e = e.trim();
            if !e.is_empty() && !e.contains(char::is_whitespace) {
                rules.exception_first[e.as_bytes()[0] as usize] = true;
                rules.exceptions.push(e.into());
            }
        }
        // Longest first, so that `C++11` wins over `C++`.
        rules.exceptions.sort_by_key(|e| std::cmp::Reverse(e.len()));
        rules
    }

    /// What kind of abbreviation `word` (without its final period) is, if any. A hyphenated
    /// word is judged by its last part (`R-Ariz.`, `D-N.Y.`).
    pub(crate) fn kind(&self, word: &str) -> Option<AbbrevKind> {
        // Most words before a period end a sentence: a word longer than any initial or built-in
        // abbreviation, without a period or a hyphen, is none unless the user listed it.
        if word.len() > LONGEST_BUILTIN.max(char::MAX.len_utf8())
            && self.abbreviations.is_empty()
            && !word.bytes().any(|c| c == b'.' || c == b'-')
        {
            return None;
        }
        let kind = self.whole_kind(word);
        if kind.is_some() {
            return kind;
        }
        let hyphen = word.bytes().rposition(|c| c == b'-')?;
        match self.whole_kind(&word[hyphen + 1..])? {
            AbbrevKind::Initial(_) => None,
            k => Some(k),
        }
    }

    fn whole_kind(&self, word: &str) -> Option<AbbrevKind> {
        let mut chars = word.chars();
        let first = chars.next()?;
        if chars.next().is_none() && first.is_alphabetic() {
            return Some(AbbrevKind::Initial(if first.is_ascii() {
                first as u8
            } else {
                b'x'
            }));
        }
        let mut buf = [0u8; 16];
        let lower = ascii_lower(word, &mut buf);
        if !self.abbreviations.is_empty() {
            let hit = match lower {
                Some(l) => std::str::from_utf8(l).is_ok_and(|l| self.abbreviations.contains(l)),
                None => self.abbreviations.contains(&word.to_lowercase()),
            };
            if hit {
                return Some(AbbrevKind::User);
            }
        }
        if is_multi_period(word) {
            let upper_time = word == "A.M" || word == "P.M";
            return Some(AbbrevKind::MultiPeriod { upper_time });
        }
        let class = builtin(lower?)?;
        if class == AbbrevClass::CapitalisedAmbiguous && !first.is_uppercase() {
            return None;
        }
        if class == AbbrevClass::Shorthand && word.bytes().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        Some(AbbrevKind::Table(class))
    }

    /// Whether the word `text[start..dot]` keeps the period at `dot`.
    pub(crate) fn keeps_period(&self, text: &str, start: usize, dot: usize) -> bool {
        match self.kind(&text[start..dot]) {
            None => false,
            Some(AbbrevKind::Table(AbbrevClass::NumberPrefix)) => {
                let rest = text[dot + 1..].trim_start();
                rest.starts_with(|c: char| c.is_ascii_digit())
            }
            Some(_) => true,
        }
    }

    /// The length of a user exception starting at byte `i`, if one does and ends at a boundary.
    #[inline]
    pub(crate) fn exception_at(&self, text: &str, i: usize) -> Option<usize> {
        if self.exceptions.is_empty() {
            return None;
        }
        self.exception_slow(text, i)
    }

    fn exception_slow(&self, text: &str, i: usize) -> Option<usize> {
        let b = text.as_bytes();
        if !self.exception_first[b[i] as usize] {
            return None;
        }
        for e in &self.exceptions {
            if b[i..].starts_with(e.as_bytes()) {
                let end = i + e.len();
                let last_is_word = e
                    .chars()
                    .next_back()
                    .is_some_and(crate::chars::is_word_char);
                if end == b.len() || !last_is_word || !crate::chars::word_char_at(text, end) {
                    return Some(e.len());
                }
            }
        }
        None
    }
}
