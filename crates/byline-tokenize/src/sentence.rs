//! Sentence boundaries inside one paragraph, decided over its tokens.

use std::cell::Cell;

use crate::abbrev::{
    is_exclamation_name, is_place_abbreviation, is_sentence_opener, is_speech_verb, AbbrevClass,
};
use crate::ortho::{self, Evidence};
use crate::rules::{AbbrevKind, Rules};
use crate::{QuoteRole, Sentence, Span, Token, TokenKind};

/// What a token that may end a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Terminal {
    /// `.`
    Period,
    /// `!`, `?`, `?!`, `!!`
    Bang,
    /// `...` or `…`
    Ellipsis,
    /// `....` and longer
    LongEllipsis,
    /// A word that kept its period.
    Abbrev(AbbrevKind),
    /// A dash that breaks off a quotation (`"I wanted to--"`).
    Interrupted,
}

/// What follows a possible sentence end (looking through opening quotes and brackets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    Lower,
    /// An upper-case word, at this token index.
    Upper(usize),
    Digit,
    /// Punctuation that continues a sentence: `,` `;` `:` `)` ...
    Continuing,
    /// Anything else (a symbol, an emoji, a dash, ...).
    Other,
}

struct Splitter<'a> {
    text: &'a str,
    t: &'a [Token],
    rules: &'a Rules,
    /// Bytes left for searching the document for orthographic evidence.
    budget: &'a Cell<usize>,
}

fn is_bullet(s: &str) -> bool {
    matches!(s, "•" | "⁃" | "◦" | "▪" | "■" | "●" | "‣" | "∙")
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "--" | "---" | "\u{2013}" | "\u{2014}")
}

fn is_double_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "„" | "«" | "»" | "''" | "``")
}

impl<'a> Splitter<'a> {
    #[inline]
    fn s(&self, k: usize) -> &'a str {
        self.t[k].span.as_str(self.text)
    }

    #[inline]
    fn attached(&self, k: usize) -> bool {
        k > 0 && self.t[k].span.start == self.t[k - 1].span.end
    }

    fn first_char(&self, k: usize) -> char {
        self.s(k).chars().next().unwrap_or(' ')
    }

    fn terminal(&self, k: usize) -> Option<Terminal> {
        let tok = &self.t[k];
        let s = self.s(k);
        match tok.kind {
            TokenKind::Punctuation => {
                let b = s.as_bytes();
                if s == "." {
                    Some(Terminal::Period)
                } else if b.iter().all(|&c| c == b'!' || c == b'?') {
                    Some(Terminal::Bang)
                } else if s == ".." {
                    Some(Terminal::LongEllipsis)
                } else if b.iter().all(|&c| c == b'.') {
                    Some(if b.len() <= 3 {
                        Terminal::Ellipsis
                    } else {
                        Terminal::LongEllipsis
                    })
                } else if is_dash(s) && self.breaks_off_quotation(k) {
                    Some(Terminal::Interrupted)
                } else if s.chars().all(|c| c == '…') {
                    Some(if s.len() == '…'.len_utf8() {
                        Terminal::Ellipsis
                    } else {
                        Terminal::LongEllipsis
                    })
                } else {
                    None
                }
            }
            TokenKind::Word if s.len() > 1 && s.ends_with('.') => Some(Terminal::Abbrev(
                self.rules
                    .kind(&s[..s.len() - 1])
                    .unwrap_or(AbbrevKind::User),
            )),
            _ => None,
        }
    }

    /// Whether the token at `k`, inside the sentence begun at `start` while no list runs, can be
    /// passed over: no rule of [`split_paragraph`] breaks before it (a bullet), ends the
    /// sentence at it (an end mark, a word with its period, an emoticon, a web address, the
    /// end of a message header such as `07:17 AM` or `Hi,`) or opens or closes a quotation
    /// with it. Decided from the kind and the first and last bytes, as most tokens are words.
    /// (A word is never taken for a bullet or a comma, even one made a word by the user.)
    #[inline]
    fn passes(&self, start: usize, k: usize) -> bool {
        let tok = &self.t[k];
        let b = self.text.as_bytes();
        let last = b[tok.span.end - 1];
        if tok.kind == TokenKind::Word {
            // Without branches, as the last letters of words follow no pattern.
            return (last != b'.') & !((last | 0x20 == b'm') & (tok.span.len() == 2));
        }
        // Bullets are all non-ASCII chars whose UTF-8 starts with 0xE2, as do curly quotes.
        if b[tok.span.start] == 0xE2 && is_bullet(self.s(k)) {
            return false;
        }
        match tok.kind {
            TokenKind::Number => !self.is_date(k),
            TokenKind::Email | TokenKind::Mention | TokenKind::Hashtag | TokenKind::Emoji => true,
            TokenKind::Punctuation if tok.span.len() == 1 => match last {
                b';' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'/' => true,
                b',' => k - start > 3,
                _ => false,
            },
            TokenKind::QuoteMark => !is_double_quote(self.s(k)),
            _ => false,
        }
    }

    /// Whether the word before the period at `k` looks like an unlisted abbreviation: short and
    /// lower case (`approx`, `cont`), or one without vowels (`pls`, `mgmt`).
    fn is_lower_abbrev(&self, k: usize) -> bool {
        if k == 0 || self.t[k - 1].kind != TokenKind::Word {
            return false;
        }
        let w = self.s(k - 1);
        w.len() <= 4
            && w.bytes().all(|c| c.is_ascii_lowercase())
            && !w
                .bytes()
                .any(|c| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
    }

    /// Whether the dash at `k` ends a quotation that breaks off: attached to the word before it
    /// and followed by a closing quote mark.
    fn breaks_off_quotation(&self, k: usize) -> bool {
        k > 0
            && k + 1 < self.t.len()
            && self.attached(k)
            && self.t[k - 1].kind == TokenKind::Word
            && self.t[k + 1].kind == TokenKind::QuoteMark
            && self.t[k + 1].quote != Some(QuoteRole::Opening)
            && self.attached(k + 1)
    }

    /// Whether the capitals with periods at `k` (`H.W.`, `J.R.`) are initials rather than a
    /// place (`U.S.`, `D.C.`).
    fn initials(&self, k: usize) -> bool {
        let s = self.s(k);
        s.starts_with(|c: char| c.is_ascii_uppercase()) && !is_place_abbreviation(s)
    }

    /// Whether the `!` at `k` ends a name written with one (`Yahoo!`, `Jeopardy!`).
    fn bang_name(&self, k: usize) -> bool {
        k > 0 && self.s(k) == "!" && self.attached(k) && is_exclamation_name(self.s(k - 1))
    }

    /// Whether a dash opened between `start` and `k` is still open (an odd number of dashes).
    fn dash_open(&self, start: usize, k: usize) -> bool {
        (start..k).filter(|&m| is_dash(self.s(m))).count() % 2 == 1
    }

    /// A short whole number that may refer to a section or a note (`2`, `14`), not a phone
    /// number, a year or an ordinal.
    fn is_reference_number(&self, k: usize) -> bool {
        let s = self.s(k);
        self.t[k].kind == TokenKind::Number && s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit())
    }

    /// An emoticon followed by a word, or a web address followed by another one.
    fn ends_informally(&self, k: usize) -> bool {
        let next = &self.t[k + 1];
        match self.t[k].kind {
            TokenKind::Symbol if self.s(k) != ">" => {
                self.is_emoticon(k) && matches!(next.kind, TokenKind::Word | TokenKind::Number)
            }
            TokenKind::Url => next.kind == TokenKind::Url,
            // `<jane@example.com> Groups:` in message headers.
            TokenKind::Symbol if self.s(k) == ">" => {
                self.attached(k)
                    && matches!(self.t[k - 1].kind, TokenKind::Email | TokenKind::Url)
                    && matches!(self.next(k + 1), Next::Upper(_) | Next::Digit)
            }
            _ => false,
        }
    }

    /// A dateline opening the paragraph (`WASHINGTON (Reuters) -`, `LONDON, England —`) before a
    /// capitalised word: the index after its dash.
    fn dateline(&self) -> Option<usize> {
        let n = self.t.len();
        let is_caps = |k: usize| {
            let s = self.s(k);
            if self.t[k].kind != TokenKind::Word {
                return false;
            }
            // One pass over ASCII words, which leaves at the first lower-case letter (`The`).
            let mut upper = 0;
            for c in s.bytes() {
                if c.is_ascii_lowercase() {
                    return false;
                }
                upper += usize::from(c.is_ascii_uppercase());
            }
            upper >= 2 && (s.is_ascii() || !s.chars().any(char::is_lowercase))
        };
        if n < 3 || !is_caps(0) || self.s(0).len() < 3 {
            return None;
        }
        let mut k = 1;
        let mut after_comma = false;
        while k < n && k < 12 {
            let s = self.s(k);
            match self.t[k].kind {
                TokenKind::Word if is_caps(k) => after_comma = false,
                TokenKind::Word if after_comma && self.first_char(k).is_uppercase() => {}
                TokenKind::Punctuation if s == "," => after_comma = true,
                TokenKind::Punctuation if s == "(" => {
                    // `(Reuters)`, `(AP)`, `(AFP)`
                    let close = (k + 1..n.min(k + 5)).find(|&c| self.s(c) == ")")?;
                    k = close;
                }
                TokenKind::Punctuation if matches!(s, "-" | "--" | "\u{2014}" | "\u{2013}") => {
                    return matches!(self.next(k + 1), Next::Upper(_)).then_some(k + 1);
                }
                _ => return None,
            }
            k += 1;
        }
        None
    }

    /// `04/26/2001`
    fn is_date(&self, k: usize) -> bool {
        let s = self.s(k);
        self.t[k].kind == TokenKind::Number
            && s.bytes().filter(|&c| c == b'/').count() == 2
            && s.bytes().all(|c| c.is_ascii_digit() || c == b'/')
    }

    /// `07:17`, `12:42:55`
    fn is_time(&self, k: usize) -> bool {
        let s = self.s(k);
        self.t[k].kind == TokenKind::Number
            && s.contains(':')
            && s.bytes().all(|c| c.is_ascii_digit() || c == b':')
    }

    /// A time (`07:17 AM`) or a greeting or closing that makes up the sentence so far (`Hi,`,
    /// `Best regards,`), followed by a capitalised word.
    fn ends_header(&self, start: usize, k: usize) -> bool {
        let s = self.s(k);
        let ends = if matches!(s, "AM" | "PM" | "am" | "pm") && k > 0 {
            self.is_time(k - 1)
        } else if s == "," && k > start && k - start <= 3 {
            matches!(
                self.s(start),
                "Hi" | "Hello"
                    | "Hey"
                    | "Dear"
                    | "Regards"
                    | "Best"
                    | "Kind"
                    | "Kindest"
                    | "Warm"
                    | "Warmest"
                    | "Sincerely"
                    | "Thanks"
                    | "Cheers"
                    | "Yours"
                    | "Greetings"
            )
        } else {
            false
        };
        ends && matches!(self.next(k + 1), Next::Upper(_))
    }

    fn is_emoticon(&self, k: usize) -> bool {
        let b = self.s(k).as_bytes();
        self.t[k].kind == TokenKind::Symbol
            && (2..=4).contains(&b.len())
            && matches!(b[0], b':' | b';' | b'=')
            && b[1] != b[0]
    }

    fn is_opening(&self, k: usize) -> bool {
        let tok = &self.t[k];
        match tok.kind {
            TokenKind::QuoteMark => tok.quote != Some(QuoteRole::Closing),
            TokenKind::Punctuation => matches!(self.s(k), "(" | "[" | "{"),
            _ => false,
        }
    }

    fn next(&self, j: usize) -> Next {
        let n = self.t.len();
        let mut k = j;
        while k < n && k < j + 2 && self.is_opening(k) {
            k += 1;
        }
        if k >= n {
            return Next::Other;
        }
        let c = self.first_char(k);
        match self.t[k].kind {
            TokenKind::Punctuation | TokenKind::Symbol | TokenKind::QuoteMark => {
                let s = self.s(k);
                if k == j
                    && (matches!(s, "," | ";" | ":" | ")" | "]" | "}" | "%")
                        || s.bytes().all(|c| matches!(c, b'.' | b'!' | b'?')))
                {
                    Next::Continuing
                } else {
                    Next::Other
                }
            }
            _ if c.is_lowercase() => Next::Lower,
            _ if c.is_uppercase() => Next::Upper(k),
            _ if c.is_ascii_digit() || self.t[k].kind == TokenKind::Number => Next::Digit,
            _ => Next::Other,
        }
    }

    /// Whether a new sentence plainly starts at `k` (or the paragraph ends there).
    fn next_after(&self, k: usize) -> bool {
        k >= self.t.len() || matches!(self.next(k), Next::Upper(_))
    }

    fn is_opener(&self, next: Next) -> bool {
        match next {
            Next::Upper(k) => is_sentence_opener(self.s(k)),
            _ => false,
        }
    }

    /// After an abbreviation that may end a sentence (`U.S.`, `a.m.`, `Inc.`): whether the next
    /// word opens a new one. Besides typical openers, a capitalised word that is usually written
    /// in lower case does (`the U.S. Officials said`), unless the document capitalises it
    /// mid-sentence elsewhere, a name goes on after it (`the U.S. Justice Department`, `the U.S.
    /// Chamber of Commerce`), or the sentence so far is in title case (a headline).
    fn opens_after_abbrev(&self, start: usize, next: Next) -> bool {
        let Next::Upper(k) = next else {
            return false;
        };
        let word = self.s(k);
        if is_sentence_opener(word) {
            return true;
        }
        if self.t[k].kind != TokenKind::Word || self.name_goes_on(k) || self.title_case(start, k) {
            return false;
        }
        match ortho::evidence(self.text, word, self.t[k].span.start, self.budget) {
            Evidence::CapitalisedMidSentence => false,
            Evidence::LowerCase => true,
            Evidence::Unseen => ortho::usually_lower(word),
        }
    }

    /// Whether the capitalised word at `k` is followed by more of a name: another capitalised
    /// word or a number, possibly after a clitic (`Men's National`) or a linking word (`Chamber of
    /// Commerce`).
    fn name_goes_on(&self, k: usize) -> bool {
        let n = self.t.len();
        let mut f = k + 1;
        if f < n && self.attached(f) && matches!(self.first_char(f), '\'' | '\u{2019}') {
            f += 1;
        }
        if f < n && matches!(self.s(f), "of" | "for" | "and" | "&" | "de") {
            f += 1;
        }
        // `U.S. Code 18`, `U.S. Route 66`
        f < n
            && (self.t[f].kind == TokenKind::Number
                || (self.t[f].kind == TokenKind::Word && self.first_char(f).is_uppercase()))
    }

    /// Whether the words around the capitalised word at `k` are in title case, as in a
    /// headline: from `start`, at least three capitalised and no lower-case word longer than
    /// `and`; and the next word after `k`, if any, capitalised too (`Shares of Apple Inc.
    /// Investors cheered` is no headline).
    fn title_case(&self, start: usize, k: usize) -> bool {
        let mut capitalised = 0;
        for m in start..k {
            if self.t[m].kind == TokenKind::Word {
                if self.first_char(m).is_uppercase() {
                    capitalised += 1;
                } else if self.s(m).len() > 3 {
                    return false;
                }
            }
        }
        let next_word =
            (k + 1..self.t.len().min(k + 4)).find(|&m| self.t[m].kind == TokenKind::Word);
        capitalised > 2 && next_word.is_none_or(|m| self.first_char(m).is_uppercase())
    }

    /// `"Good morning?" Harry asked.`: a capitalised name (or pronoun) then a reporting verb.
    fn speech_follows(&self, k: usize) -> bool {
        let n = self.t.len();
        // `Nobody answered.` tells what happened next; it attributes nothing.
        if matches!(
            self.s(k),
            "Nobody" | "Everybody" | "Somebody" | "Everyone" | "Someone" | "No"
        ) {
            return false;
        }
        let mut k = k;
        let mut names = 0;
        while k < n
            && names < 4
            && self.t[k].kind == TokenKind::Word
            && self.first_char(k).is_uppercase()
        {
            k += 1;
            names += 1;
        }
        let verb =
            names > 0 && k < n && self.t[k].kind == TokenKind::Word && is_speech_verb(self.s(k));
        // `Harry asked.` ends the attribution; `Shojai told the ceremony` starts a sentence.
        verb && (k + 1 >= n || matches!(self.s(k + 1), "." | "," | ";" | "!" | "?"))
    }

    /// A footnote or citation marker attached to what precedes it (`[2]`, `[a]`, `[note 3]`,
    /// `[citation needed]`, `¹`): the index after it.
    fn footnote(&self, k: usize) -> Option<usize> {
        let n = self.t.len();
        if k >= n || !self.attached(k) {
            return None;
        }
        // `grew.¹`, `grew.²³`
        if self.t[k].kind == TokenKind::Word
            && crate::chars::superscript_digit_at(self.text, self.t[k].span.start)
        {
            let s = self.s(k);
            let mut m = 0;
            while m < s.len() && crate::chars::superscript_digit_at(s, m) {
                m += crate::chars::char_at(s, m).1;
            }
            return (m == s.len()).then_some(k + 1);
        }
        if self.s(k) != "[" {
            return None;
        }
        let mut m = k + 1;
        while m < n && m < k + 4 && self.s(m) != "]" {
            let short_word = self.t[m].kind == TokenKind::Word && self.s(m).len() <= 10;
            if !(short_word || self.t[m].kind == TokenKind::Number) {
                return None;
            }
            m += 1;
        }
        (m > k + 1 && m < n && self.s(m) == "]").then_some(m + 1)
    }

    /// A list marker (`1.`, `2.)`, `3)`, `a.`, `b)`, `ii)`, `(iv)`, `(c)`, `(2)`) at `k`: its
    /// value and the index after it.
    fn list_marker(&self, k: usize) -> Option<(Marker, usize)> {
        let n = self.t.len();
        // Only `(`, a word of up to five letters (`a`, `xxiii`) or a number of up to two digits
        // can start a marker: most sentences start otherwise, which their span's length shows.
        let tok = self.t.get(k)?;
        let can_start = match tok.kind {
            TokenKind::Punctuation => self.s(k) == "(",
            TokenKind::Word => tok.span.len() <= 5,
            TokenKind::Number => tok.span.len() <= 2,
            _ => false,
        };
        if !can_start {
            return None;
        }
        if k + 2 < n && self.s(k) == "(" && self.s(k + 2) == ")" && self.attached(k + 2) {
            let s = self.s(k + 1);
            let value = match self.t[k + 1].kind {
                TokenKind::Number if s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit()) => {
                    Marker::number(s.parse().ok()?)
                }
                TokenKind::Word => Marker::letters(s)?,
                _ => return None,
            };
            return (k + 3 < n).then_some((value, k + 3));
        }
        if k >= n {
            return None;
        }
        let s = self.s(k);
        let tok = &self.t[k];
        // `ii)`, `iv)`: a Roman numeral closed by a bracket.
        if tok.kind == TokenKind::Word && s.len() > 1 && k + 2 < n && self.s(k + 1) == ")" {
            let value = Marker::letters(s)?;
            return self.attached(k + 1).then_some((value, k + 2));
        }
        let (value, mut end) = if tok.kind == TokenKind::Number
            && (1..=2).contains(&s.len())
            && s.bytes().all(|c| c.is_ascii_digit())
        {
            (Marker::number(s.parse::<u32>().ok()?), k + 1)
        } else if tok.kind == TokenKind::Word
            && (s.len() == 1 || (s.len() == 2 && s.as_bytes()[1] == b'.'))
            && s.as_bytes()[0].is_ascii_alphabetic()
        {
            (Marker::letters(&s[..1])?, k + 1)
        } else {
            return None;
        };
        let mut marks = 0;
        if end - k == 1 && s.ends_with('.') {
            marks = 1;
        }
        while end < n && marks < 2 && self.attached(end) && matches!(self.s(end), "." | ")") {
            end += 1;
            marks += 1;
        }
        if marks == 0 || end >= n {
            return None;
        }
        // A bare number needs `.` or `)` right after it; a lone letter needs `)`.
        if tok.kind == TokenKind::Word && s.len() == 1 && self.s(k + 1) != ")" {
            return None;
        }
        Some((value, end))
    }
}

/// The value of a list marker, read as a number or letter and, where it can be, as a Roman
/// numeral (`i` is the ninth letter or the first numeral).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    value: u32,
    roman: u32,
}

impl Marker {
    fn number(value: u32) -> Marker {
        Marker { value, roman: 0 }
    }

    /// One letter, or a Roman numeral up to `xxx` in one case.
    fn letters(s: &str) -> Option<Marker> {
        let b = s.as_bytes();
        let roman = roman_value(s);
        if b.len() == 1 && b[0].is_ascii_alphabetic() {
            let value = u32::from(b[0].to_ascii_lowercase() - b'a') + 1;
            return Some(Marker { value, roman });
        }
        (roman > 0).then_some(Marker { value: 0, roman })
    }

    /// Whether `self` is the marker after `prev`.
    fn follows(self, prev: Marker) -> bool {
        (self.value > 0 && self.value == prev.value + 1)
            || (self.roman > 0 && prev.roman > 0 && self.roman == prev.roman + 1)
    }
}

/// The value of a Roman numeral written in one case (`iv`, `XII`), up to 30; 0 otherwise.
fn roman_value(s: &str) -> u32 {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 5 {
        return 0;
    }
    let lower = b.iter().all(u8::is_ascii_lowercase);
    if !lower && !b.iter().all(u8::is_ascii_uppercase) {
        return 0;
    }
    let digit = |c: u8| match c.to_ascii_lowercase() {
        b'i' => 1,
        b'v' => 5,
        b'x' => 10,
        _ => 0,
    };
    let mut total = 0;
    for (m, &c) in b.iter().enumerate() {
        let d = digit(c);
        if d == 0 {
            return 0;
        }
        if b.get(m + 1).is_some_and(|&next| digit(next) > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    // Only numerals written the canonical way (not `iiii` or `vx`).
    const CANONICAL: [&str; 30] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi",
        "xxvii", "xxviii", "xxix", "xxx",
    ];
    match usize::try_from(total) {
        Ok(v) if (1..=30).contains(&v) && CANONICAL[v - 1].eq_ignore_ascii_case(s) => total as u32,
        _ => 0,
    }
}

/// Splits the paragraph made of `tokens[from..to]` into sentences, appended to `out`.
///
/// With `skim`, the tokens that no rule can act on are passed over without running the rules
/// (see `Splitter::passes`); without, every rule runs on every token, which gives the same
/// sentences and is there for tests to show it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn split_paragraph(
    text: &str,
    tokens: &[Token],
    from: usize,
    to: usize,
    rules: &Rules,
    budget: &Cell<usize>,
    skim: bool,
    out: &mut Vec<Sentence>,
) {
    let sp = Splitter {
        text,
        t: &tokens[from..to],
        rules,
        budget,
    };
    let t = sp.t;
    let n = t.len();
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize| {
        out.push(Sentence {
            span: Span::new(t[s].span.start, t[e - 1].span.end),
            tokens: from + s..from + e,
        });
    };
    let mut start = 0;
    let mut i = 0;
    let mut last_marker: Option<Marker> = None;
    let mut open_double = false;
    if let Some(end) = sp.dateline() {
        push(out, 0, end);
        start = end;
        i = end;
    }
    while i < n {
        // Most tokens can neither end nor start anything: pass over them quickly.
        if skim && i != start && last_marker.is_none() {
            while i < n && sp.passes(start, i) {
                i += 1;
            }
            if i >= n {
                break;
            }
        }
        if i == start {
            let mut k = i;
            while k < n && is_bullet(sp.s(k)) {
                k += 1;
            }
            if let Some((value, end)) = sp.list_marker(k) {
                last_marker = Some(value);
                i = end;
                continue;
            }
        } else {
            let s = sp.s(i);
            let breaks_before = if is_bullet(s) {
                true
            } else if let (Some(prev), false) = (last_marker, sp.attached(i)) {
                matches!(sp.list_marker(i), Some((v, _)) if v.follows(prev))
            } else {
                false
            };
            if breaks_before {
                push(out, start, i);
                start = i;
                continue;
            }
        }
        // Message headers: `Kay Mann 04/26/2001 07:17 AM Will you ...`.
        if i > start
            && sp.is_date(i)
            && i + 1 < n
            && sp.is_time(i + 1)
            && !sp.attached(i)
            && (sp.first_char(i - 1).is_uppercase() || t[i - 1].kind == TokenKind::Mention)
        {
            push(out, start, i);
            start = i;
            continue;
        }
        // An emoticon or a web address closes what precedes it in informal text, as do a
        // time of day and a greeting or closing (`Regards,`) before a capitalised word.
        if i + 1 < n && (sp.ends_informally(i) || sp.ends_header(start, i)) {
            push(out, start, i + 1);
            start = i + 1;
            i += 1;
            continue;
        }
        let Some(term) = sp.terminal(i) else {
            if t[i].kind == TokenKind::QuoteMark && is_double_quote(sp.s(i)) {
                open_double = match t[i].quote {
                    Some(QuoteRole::Opening) => true,
                    Some(QuoteRole::Closing) => false,
                    _ => !open_double,
                };
            }
            i += 1;
            continue;
        };
        // Spaced dots: `. . .` is an ellipsis inside a sentence; `word. . . .` ends after the
        // first period when a new sentence follows.
        let mut group_end = i + 1;
        let mut term = term;
        let mut split_after_first = false;
        if term == Terminal::Period {
            while group_end < n && sp.s(group_end) == "." && !sp.attached(group_end) {
                group_end += 1;
            }
            let dots = group_end - i;
            let first_attached =
                sp.attached(i) && matches!(t[i - 1].kind, TokenKind::Word | TokenKind::Number);
            if dots >= 3 {
                if first_attached && dots == 4 {
                    split_after_first = true;
                    term = Terminal::LongEllipsis;
                } else if !first_attached && dots == 3 {
                    term = Terminal::Ellipsis;
                } else {
                    term = Terminal::LongEllipsis;
                }
            }
        }
        // `.?`, `!.`, `?...`: attached end marks form one group.
        while group_end < n
            && sp.attached(group_end)
            && t[group_end].kind == TokenKind::Punctuation
            && sp
                .s(group_end)
                .bytes()
                .all(|c| matches!(c, b'.' | b'!' | b'?'))
        {
            group_end += 1;
        }
        // `[...]` marks an omission.
        if term == Terminal::Ellipsis
            && i > 0
            && sp.s(i - 1) == "["
            && group_end < n
            && sp.s(group_end) == "]"
        {
            i = group_end + 1;
            continue;
        }
        // Closing quotes and brackets stay with the sentence they close.
        let mut j = group_end;
        let mut had_quote = false;
        let mut closed_bracket = false;
        while j < n {
            let tok = &t[j];
            let absorb = match tok.kind {
                TokenKind::QuoteMark if tok.quote == Some(QuoteRole::Opening) => false,
                TokenKind::QuoteMark => {
                    tok.quote == Some(QuoteRole::Closing)
                        || sp.attached(j)
                        || (open_double && is_double_quote(sp.s(j)))
                }
                TokenKind::Punctuation => sp.attached(j) && matches!(sp.s(j), ")" | "]" | "}"),
                // `I love her. :)`
                TokenKind::Symbol => sp.is_emoticon(j),
                _ => false,
            };
            if !absorb {
                break;
            }
            closed_bracket |= tok.kind == TokenKind::Punctuation;
            if tok.kind == TokenKind::QuoteMark {
                had_quote = true;
                if is_double_quote(sp.s(j)) {
                    open_double = false;
                }
            }
            j += 1;
        }
        // `a saint.[2] The city`, `in 1990.[3][4] Later`: footnote markers stay with the sentence.
        while let Some(end) = sp.footnote(j) {
            j = end;
        }
        // `... the region. (Jerusalem Post) The next`: a short parenthesis after the end mark
        // belongs to the sentence it follows.
        if j < n && sp.s(j) == "(" && sp.list_marker(j).is_none() {
            let mut k = j + 1;
            while k < n && k < j + 8 && !matches!(sp.s(k), "(" | ")") {
                k += 1;
            }
            if k < n && sp.s(k) == ")" && k > j + 1 {
                let after = sp.next_after(k + 1);
                if after {
                    j = k + 1;
                }
            }
        }
        if j >= n {
            break;
        }
        let next = sp.next(j);
        let upper = matches!(next, Next::Upper(_));
        let mut brk = match term {
            Terminal::Period => match next {
                // Web text often starts sentences in lower case; inside quotes or brackets a
                // lower-case word continues the sentence (`'Great.' she said`).
                // `as noted in 2. above`: a number before the period is a reference.
                Next::Lower => {
                    j == group_end
                        && sp.attached(i)
                        && !sp.attached(j)
                        && !sp.is_lower_abbrev(i)
                        && !sp.is_reference_number(i - 1)
                }
                Next::Continuing => false,
                Next::Digit => !(i > 0 && t[i - 1].kind == TokenKind::Symbol && sp.attached(i)),
                _ => true,
            },
            Terminal::Bang => match next {
                // `Yahoo! in`: an exclamation mark that belongs to a name.
                Next::Lower => {
                    j == group_end
                        && !(sp.attached(i)
                            && sp.s(i) == "!"
                            && t[i - 1].kind == TokenKind::Word
                            && sp.first_char(i - 1).is_uppercase())
                }
                Next::Continuing => false,
                // `-- wow! -- the crowd`, `-- did it work? --`: an aside between dashes.
                _ if j == group_end && j < n && is_dash(sp.s(j)) => {
                    !sp.dash_open(start, i) && sp.next_after(j + 1)
                }
                // `Yahoo! Finance reported`
                Next::Upper(_) if sp.bang_name(i) => sp.is_opener(next),
                _ => true,
            },
            // `people... I hear`: an ellipsis before `I` rarely ends the sentence.
            Terminal::Ellipsis => {
                i > start && upper && !matches!(next, Next::Upper(k) if sp.s(k) == "I")
            }
            Terminal::LongEllipsis => matches!(next, Next::Upper(_) | Next::Digit | Next::Other),
            // `"I wanted to--" At that moment`, but not `"I wanted to--" Harry said.`
            Terminal::Interrupted => match next {
                Next::Upper(k) => had_quote && !sp.speech_follows(k),
                _ => false,
            },
            Terminal::Abbrev(kind) => match kind {
                AbbrevKind::Initial(letter) => {
                    if letter.is_ascii_lowercase() {
                        sp.is_opener(next)
                    } else if i > 0
                        && t[i - 1].kind == TokenKind::Word
                        && sp.first_char(i - 1).is_uppercase()
                    {
                        false
                    } else if letter == b'I' {
                        upper
                    } else {
                        sp.is_opener(next)
                    }
                }
                AbbrevKind::MultiPeriod { upper_time: true } => upper,
                // `(Bergen County, N.J.) Record`: a bracket closed after it keeps the name going.
                // `George H.W. Bush`, `J.R. Smith`: capitals with periods that name no place are
                // a person's initials.
                AbbrevKind::MultiPeriod { upper_time: false } if sp.initials(i) => {
                    sp.is_opener(next)
                }
                AbbrevKind::MultiPeriod { upper_time: false }
                | AbbrevKind::Table(
                    AbbrevClass::Ambiguous
                    | AbbrevClass::CapitalisedAmbiguous
                    | AbbrevClass::Shorthand,
                ) => {
                    if closed_bracket {
                        sp.is_opener(next)
                    } else {
                        sp.opens_after_abbrev(start, next)
                    }
                }
                AbbrevKind::Table(AbbrevClass::Ending) => {
                    matches!(next, Next::Upper(_) | Next::Digit | Next::Other)
                }
                AbbrevKind::Table(AbbrevClass::Title | AbbrevClass::NumberPrefix)
                | AbbrevKind::User => false,
            },
        };
        if brk && had_quote && term == Terminal::Bang {
            if let Next::Upper(k) = next {
                if sp.speech_follows(k) {
                    brk = false;
                }
            }
        }
        if brk && split_after_first {
            push(out, start, i + 1);
            start = i + 1;
            i += 1;
        } else if brk {
            push(out, start, j);
            start = j;
            i = j;
        } else {
            i = j;
        }
    }
    if start < n {
        push(out, start, n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_written_the_canonical_way() {
        for (s, v) in [("i", 1), ("iv", 4), ("IX", 9), ("xiv", 14), ("xxx", 30)] {
            assert_eq!(roman_value(s), v, "{s}");
        }
        for s in ["", "iiii", "vx", "Iv", "il", "xxxi", "mix"] {
            assert_eq!(roman_value(s), 0, "{s}");
        }
    }

    #[test]
    fn markers_follow_as_letters_or_numerals() {
        let i = Marker::letters("i").unwrap();
        assert!(Marker::letters("ii").unwrap().follows(i));
        assert!(Marker::letters("j").unwrap().follows(i));
        assert!(!Marker::letters("b").unwrap().follows(i));
        assert_eq!(Marker::letters("ab"), None);
    }
}
