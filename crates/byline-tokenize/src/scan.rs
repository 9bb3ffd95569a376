//! The single-pass scanner: white space, paragraph breaks and tokens.

use std::cell::Cell;

use crate::chars::{
    ascii_word_run, char_at, char_before, is_currency, is_dash, is_emoji, is_other_punct, is_space,
    is_word_char, letter_at, superscript_digit_at, unit_end, word_char_at,
};
use crate::ortho;
use crate::paragraph::LineBreaks;
use crate::rules::Rules;
use crate::sentence::split_paragraph;
use crate::{Paragraph, QuoteRole, Segmentation, Span, Token, TokenKind};

pub(crate) struct Scanner<'t, 'r> {
    text: &'t str,
    b: &'t [u8],
    rules: &'r Rules,
    seg: Segmentation,
    /// First token of the paragraph being read.
    para_start: usize,
    /// Single quotes opened and not yet closed in this paragraph.
    open_single: u32,
    /// No e-mail address can start before this byte (the local-part run found no `@`).
    no_email_until: usize,
    /// The next `@` at or after the last place looked from (`usize::MAX` when none is left).
    next_at: usize,
    /// Bytes left for the sentence splitter's searches of the document.
    evidence_budget: Cell<usize>,
    /// Whether the user added exceptions, looked for at every token start.
    has_exceptions: bool,
    /// Whether the sentence splitter passes over the tokens no rule acts on (always, but in
    /// the tests that show it changes nothing).
    skim: bool,
}

#[inline]
fn lower_eq(b: &[u8], word: &[u8]) -> bool {
    b.len() >= word.len() && b[..word.len()].eq_ignore_ascii_case(word)
}

impl<'t, 'r> Scanner<'t, 'r> {
    pub(crate) fn new(text: &'t str, rules: &'r Rules) -> Self {
        Scanner {
            text,
            b: text.as_bytes(),
            rules,
            seg: Segmentation {
                tokens: Vec::with_capacity(text.len() / 5 + 1),
                sentences: Vec::with_capacity(text.len() / 100 + 1),
                paragraphs: Vec::new(),
            },
            para_start: 0,
            open_single: 0,
            no_email_until: 0,
            next_at: 0,
            evidence_budget: Cell::new(
                text.len()
                    .saturating_mul(ortho::BUDGET_PER_BYTE)
                    .saturating_add(ortho::BUDGET_BASE),
            ),
            has_exceptions: !rules.exceptions.is_empty(),
            skim: true,
        }
    }

    pub(crate) fn run(mut self) -> Segmentation {
        let text = self.text;
        let b = self.b;
        let n = b.len();
        let mut lines = LineBreaks::new(text);
        let mut newlines = 0u32;
        let mut i = 0;
        while i < n {
            let c = b[i];
            if c < 0x80 {
                match c {
                    b'\n' => {
                        newlines += lines.newline(i);
                        i += 1;
                        continue;
                    }
                    b'\r' => {
                        if i + 1 < n && b[i + 1] == b'\n' {
                            i += 1;
                        }
                        newlines += lines.newline(i);
                        i += 1;
                        continue;
                    }
                    b' ' | b'\t' | 0x0b | 0x0c | 0x1c..=0x1f => {
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
            } else {
                let (ch, len) = char_at(text, i);
                if is_space(ch) {
                    match ch {
                        '\u{2029}' => newlines += 2,
                        '\u{2028}' | '\u{85}' => newlines += lines.newline(i),
                        _ => {}
                    }
                    i += len;
                    continue;
                }
            }
            if newlines > 0 {
                if lines.is_paragraph_break(newlines) {
                    self.flush_paragraph();
                }
                newlines = 0;
            }
            i = self.token(i);
        }
        self.flush_paragraph();
        self.seg
    }

    fn flush_paragraph(&mut self) {
        let end = self.seg.tokens.len();
        if end == self.para_start {
            return;
        }
        let first_sentence = self.seg.sentences.len();
        split_paragraph(
            self.text,
            &self.seg.tokens,
            self.para_start,
            end,
            self.rules,
            &self.evidence_budget,
            self.skim,
            &mut self.seg.sentences,
        );
        let span = Span::new(
            self.seg.tokens[self.para_start].span.start,
            self.seg.tokens[end - 1].span.end,
        );
        self.seg.paragraphs.push(Paragraph {
            span,
            sentences: first_sentence..self.seg.sentences.len(),
        });
        self.para_start = end;
        self.open_single = 0;
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.seg.tokens.push(Token {
            span: Span::new(start, end),
            kind,
            quote: None,
        });
    }

    #[inline]
    fn push_quote(&mut self, start: usize, end: usize, role: QuoteRole) {
        self.seg.tokens.push(Token {
            span: Span::new(start, end),
            kind: TokenKind::QuoteMark,
            quote: Some(role),
        });
    }

    /// Whether the char before `i` is white space, an opening bracket or a dash (or nothing).
    fn open_before(&self, i: usize) -> bool {
        match char_before(self.text, i) {
            None => true,
            Some(c) => {
                is_space(c)
                    || matches!(c, '(' | '[' | '{' | '“' | '‘' | '«' | '‹' | '„' | '-' | '/')
                    || is_dash(c)
            }
        }
    }

    /// Whether the char at `i` is white space, closing punctuation, or the end.
    fn close_after(&self, i: usize) -> bool {
        if i >= self.b.len() {
            return true;
        }
        let (c, _) = char_at(self.text, i);
        is_space(c)
            || matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ')'
                    | ']'
                    | '}'
                    | '”'
                    | '’'
                    | '»'
                    | '›'
                    | '…'
                    | '\''
                    | '"'
            )
            || is_dash(c)
    }

    fn quote_role(&self, start: usize, end: usize) -> QuoteRole {
        let before = self.open_before(start);
        let after = self.close_after(end);
        match (before, after) {
            (true, false) => QuoteRole::Opening,
            (false, true) => QuoteRole::Closing,
            _ => QuoteRole::Ambiguous,
        }
    }

    /// Scans one token (or a word with its clitic) starting at byte `i`; returns its end.
    fn token(&mut self, i: usize) -> usize {
        let b = self.b;
        let n = b.len();
        if self.has_exceptions {
            if let Some(len) = self.rules.exception_at(self.text, i) {
                self.push(i, i + len, TokenKind::Word);
                return i + len;
            }
        }
        let c = b[i];
        if c < 0x80 {
            // Keycaps (`1️⃣`, `#️⃣`) start with an ASCII char.
            if i + 1 < n && b[i + 1] >= 0x80 {
                let end = unit_end(self.text, i);
                if end > i + 1 && is_emoji(c as char, &self.text[i..end]) {
                    self.push(i, end, TokenKind::Emoji);
                    return end;
                }
            }
            match c {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' => self.word(i, i),
                b'"' => {
                    let role = self.quote_role(i, i + 1);
                    self.push_quote(i, i + 1, role);
                    i + 1
                }
                b'\'' => self.apostrophe(i, 1),
                b'`' => {
                    let end = if i + 1 < n && b[i + 1] == b'`' {
                        i + 2
                    } else {
                        i + 1
                    };
                    if end == i + 2 {
                        self.push_quote(i, end, QuoteRole::Opening);
                    } else {
                        self.push(i, end, TokenKind::Symbol);
                    }
                    end
                }
                b'.' => {
                    let mut j = i + 1;
                    while j < n && b[j] == b'.' {
                        j += 1;
                    }
                    // `..?`, `.!`: end marks run together are one token.
                    if j < n && matches!(b[j], b'!' | b'?') {
                        while j < n && matches!(b[j], b'!' | b'?' | b'.') {
                            j += 1;
                        }
                    }
                    if j == i + 1 && j < n && b[j].is_ascii_digit() && self.open_before(i) {
                        return self.word(i, j);
                    }
                    self.push(i, j, TokenKind::Punctuation);
                    j
                }
                b'!' | b'?' => {
                    let mut j = i + 1;
                    while j < n && matches!(b[j], b'!' | b'?' | b'.') {
                        j += 1;
                    }
                    self.push(i, j, TokenKind::Punctuation);
                    j
                }
                b'-' => {
                    let mut j = i + 1;
                    while j < n && b[j] == b'-' {
                        j += 1;
                    }
                    if j == i + 1 && j < n && b[j].is_ascii_digit() && self.open_before(i) {
                        return self.word(i, j);
                    }
                    self.push(i, j, TokenKind::Punctuation);
                    j
                }
                b'@' | b'#' => {
                    let mut j = i + 1;
                    while j < n && word_char_at(self.text, j) {
                        j = unit_end(self.text, j);
                    }
                    let ok = if c == b'#' {
                        j > i + 1 && letter_at(self.text, i + 1) || (i + 1 < n && b[i + 1] == b'_')
                    } else {
                        j > i + 1
                    };
                    if ok {
                        let kind = if c == b'@' {
                            TokenKind::Mention
                        } else {
                            TokenKind::Hashtag
                        };
                        self.push(i, j, kind);
                        j
                    } else {
                        self.push(i, i + 1, TokenKind::Symbol);
                        i + 1
                    }
                }
                b'$' if i + 1 < n && b[i + 1].is_ascii_digit() => self.word(i, i + 1),
                b':' | b';' | b'=' if self.open_before(i) && self.emoticon(i).is_some() => {
                    let end = self.emoticon(i).unwrap_or(i + 1);
                    self.push(i, end, TokenKind::Symbol);
                    end
                }
                b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'/' => {
                    self.push(i, i + 1, TokenKind::Punctuation);
                    i + 1
                }
                _ => {
                    // A run of one symbol is one token: `***`, `====`, `<<`, `$$$`.
                    let mut j = i + 1;
                    while j < n && b[j] == c && !matches!(c, b'\\' | 0..=0x1f) {
                        j += 1;
                    }
                    self.push(i, j, TokenKind::Symbol);
                    j
                }
            }
        } else {
            let end = unit_end(self.text, i);
            let (ch, clen) = char_at(self.text, i);
            if is_emoji(ch, &self.text[i..end]) {
                self.push(i, end, TokenKind::Emoji);
                return end;
            }
            match ch {
                '“' | '„' | '«' | '‹' | '‚' | '‟' => {
                    self.push_quote(i, end, QuoteRole::Opening);
                    end
                }
                '”' | '»' | '›' => {
                    self.push_quote(i, end, QuoteRole::Closing);
                    end
                }
                '‘' => {
                    if let Some(e) = self.decade(i + clen) {
                        self.push(i, e, TokenKind::Word);
                        return e;
                    }
                    self.open_single += 1;
                    self.push_quote(i, end, QuoteRole::Opening);
                    end
                }
                '’' => self.apostrophe(i, clen),
                '…' => {
                    let mut j = end;
                    while self.text[j..].starts_with('…') {
                        j += '…'.len_utf8();
                    }
                    self.push(i, j, TokenKind::Punctuation);
                    j
                }
                c if is_dash(c) => {
                    let mut j = end;
                    while self.text[j..].starts_with(c) {
                        j += c.len_utf8();
                    }
                    self.push(i, j, TokenKind::Punctuation);
                    j
                }
                c if is_currency(c) && end < n && b[end].is_ascii_digit() => self.word(i, end),
                c if is_other_punct(c) => {
                    self.push(i, end, TokenKind::Punctuation);
                    end
                }
                c if is_word_char(c) => self.word(i, i),
                _ => {
                    self.push(i, end, TokenKind::Symbol);
                    end
                }
            }
        }
    }

    /// An emoticon (`:)`, `:-(`, `;P`, `=D`) at `i`: its end.
    fn emoticon(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let mut j = i + 1;
        if j < b.len() && matches!(b[j], b'-' | b'\'' | b'o' | b'^') {
            j += 1;
        }
        if j < b.len()
            && matches!(
                b[j],
                b')' | b'('
                    | b'D'
                    | b'P'
                    | b'p'
                    | b'/'
                    | b'|'
                    | b']'
                    | b'['
                    | b'O'
                    | b'*'
                    | b'3'
                    | b'S'
                    | b'$'
            )
        {
            j += 1;
            while j < b.len() && b[j] == b[j - 1] && matches!(b[j], b')' | b'(') {
                j += 1;
            }
            if self.close_after(j) && !word_char_at(self.text, j) {
                return Some(j);
            }
        }
        None
    }

    /// `'90s`, `'90`: two digits and an optional `s` after an apostrophe at `i`.
    fn decade(&self, i: usize) -> Option<usize> {
        let b = self.b;
        if i + 2 <= b.len() && b[i].is_ascii_digit() && b[i + 1].is_ascii_digit() {
            let mut e = i + 2;
            if e < b.len() && b[e] == b's' {
                e += 1;
            }
            if !word_char_at(self.text, e) {
                return Some(e);
            }
        }
        None
    }

    /// An apostrophe (`'` or `’`, `len` bytes) at a token start: a clitic, an elision, a decade, a
    /// possessive, or a quote mark.
    fn apostrophe(&mut self, i: usize, len: usize) -> usize {
        let b = self.b;
        let n = b.len();
        let text = self.text;
        let after = i + len;
        let attached = !self.open_before(i);
        // `''` used as a closing (or opening) double quote.
        if len == 1 && after < n && b[after] == b'\'' {
            let role = self.quote_role(i, i + 2);
            self.push_quote(i, i + 2, role);
            return i + 2;
        }
        if let Some(e) = self.decade(after) {
            self.push(i, e, TokenKind::Word);
            return e;
        }
        let rest = &b[after..];
        let word_end =
            |k: usize| -> Option<usize> { (!word_char_at(text, after + k)).then_some(after + k) };
        if attached {
            for clitic in [&b"s"[..], b"m", b"d", b"ll", b"re", b"ve"] {
                if lower_eq(rest, clitic) {
                    if let Some(e) = word_end(clitic.len()) {
                        self.push(i, e, TokenKind::Word);
                        return e;
                    }
                }
            }
        }
        // `rock 'n' roll`
        if lower_eq(rest, b"n") && after + 1 < n {
            let q = after + 1;
            let qlen = if b[q] == b'\'' {
                1
            } else if text[q..].starts_with('’') {
                3
            } else {
                0
            };
            if qlen > 0 && !word_char_at(text, q + qlen) {
                self.push(i, q + qlen, TokenKind::Word);
                return q + qlen;
            }
        }
        if !attached {
            for elision in [
                &b"til"[..],
                b"em",
                b"cause",
                b"bout",
                b"tis",
                b"twas",
                b"n",
                b"round",
            ] {
                if lower_eq(rest, elision) {
                    if let Some(e) = word_end(elision.len()) {
                        self.push(i, e, TokenKind::Word);
                        return e;
                    }
                }
            }
        }
        // `Jones'`: a possessive apostrophe after s, unless a single quotation is open.
        if attached
            && self.open_single == 0
            && matches!(char_before(text, i), Some('s' | 'S' | 'z' | 'x'))
            && !word_char_at(text, after)
        {
            self.push(i, after, TokenKind::Word);
            return after;
        }
        let mut role = self.quote_role(i, after);
        if role == QuoteRole::Ambiguous && len > 1 {
            role = if self.open_single > 0 {
                QuoteRole::Closing
            } else {
                QuoteRole::Ambiguous
            };
        }
        match role {
            QuoteRole::Opening => self.open_single += 1,
            QuoteRole::Closing => self.open_single = self.open_single.saturating_sub(1),
            QuoteRole::Ambiguous => {}
        }
        self.push_quote(i, after, role);
        after
    }

    /// A web address starting at `i`, if one does: its end.
    fn url(&self, i: usize) -> Option<usize> {
        let b = &self.b[i..];
        let scheme = if lower_eq(b, b"https://") {
            8
        } else if lower_eq(b, b"http://") {
            7
        } else if lower_eq(b, b"ftp://") {
            6
        } else if lower_eq(b, b"www.") {
            4
        } else {
            return None;
        };
        if b.len() <= scheme || !b[scheme].is_ascii_alphanumeric() {
            return None;
        }
        let mut j = i + scheme;
        let n = self.b.len();
        let mut parens = 0i32;
        while j < n {
            let c = self.b[j];
            if c < 0x80 {
                if c.is_ascii_whitespace() || matches!(c, b'"' | b'<' | b'>' | b'`' | 0..=0x1f) {
                    break;
                }
                if c == b'(' {
                    parens += 1;
                } else if c == b')' {
                    parens -= 1;
                }
                j += 1;
            } else {
                let (ch, len) = char_at(self.text, j);
                if is_space(ch) || matches!(ch, '“' | '”' | '‘' | '’' | '«' | '»' | '…')
                {
                    break;
                }
                j += len;
            }
        }
        // Trailing punctuation belongs to the sentence, not the address.
        while j > i + scheme {
            let c = self.b[j - 1];
            if matches!(
                c,
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' | b'}'
            ) || (c == b')' && parens < 0)
            {
                if c == b')' {
                    parens += 1;
                }
                j -= 1;
            } else {
                break;
            }
        }
        Some(j)
    }

    /// Whether an `@` follows `i` closely enough to end the local part of an address (which
    /// is at most 64 bytes long). One `memchr` per `@` in the text keeps this linear.
    #[inline]
    fn at_sign_near(&mut self, i: usize) -> bool {
        if self.next_at < i {
            self.next_at = memchr::memchr(b'@', &self.b[i..]).map_or(usize::MAX, |k| i + k);
        }
        self.next_at != usize::MAX && self.next_at - i <= 64
    }

    /// An e-mail address starting at `i`, if one does: its end.
    fn email(&mut self, i: usize) -> Option<usize> {
        let b = self.b;
        let n = b.len();
        let mut k = i;
        while k < n
            && (b[k].is_ascii_alphanumeric() || matches!(b[k], b'.' | b'_' | b'%' | b'+' | b'-'))
        {
            k += 1;
        }
        if k >= n || b[k] != b'@' || k == i {
            self.no_email_until = k;
            return None;
        }
        let mut j = k + 1;
        let mut dot = false;
        while j < n && (b[j].is_ascii_alphanumeric() || b[j] == b'.' || b[j] == b'-') {
            if b[j] == b'.' {
                dot = true;
            }
            j += 1;
        }
        while j > k + 1 && matches!(b[j - 1], b'.' | b'-') {
            j -= 1;
        }
        let domain = &b[k + 1..j];
        let ok =
            dot && domain.first().is_some_and(u8::is_ascii_alphanumeric) && domain.contains(&b'.');
        if ok {
            Some(j)
        } else {
            self.no_email_until = k + 1;
            None
        }
    }

    /// A word or number starting at `start`, whose body (after a currency sign or sign) starts at
    /// `body`. Handles abbreviations, hyphenated forms, numbers with separators, clitics.
    fn word(&mut self, start: usize, body: usize) -> usize {
        let text = self.text;
        let b = self.b;
        let n = b.len();
        if start == body {
            // Cheap filter for `http`, `www.`, `ftp:` before the full comparison, without
            // branches: many words start with `h`, `f` or `w`, few with `ht`, `ft` or `ww`.
            let lead = b[start] | 0x20;
            let next = b.get(start + 1).map_or(0, |c| c | 0x20);
            let maybe_url = ((lead == b'h') | (lead == b'f')) & (next == b't')
                | (lead == b'w') & (next == b'w');
            if maybe_url {
                if let Some(end) = self.url(start) {
                    self.push(start, end, TokenKind::Url);
                    return end;
                }
            }
            if start >= self.no_email_until && self.at_sign_near(start) {
                if let Some(end) = self.email(start) {
                    self.push(start, end, TokenKind::Email);
                    return end;
                }
            }
        }
        let numeric = b[body].is_ascii_digit() || body > start;
        let mut j = body;
        let mut seg_start = body;
        let mut has_dot = false;
        let mut has_apostrophe = false;
        loop {
            // A run of word characters (whole grapheme clusters).
            while j < n {
                // ASCII letters and digits first, eight at a time.
                j = ascii_word_run(b, j);
                if j >= n || b[j] < 0x80 {
                    break;
                }
                let (ch, _) = char_at(text, j);
                if is_word_char(ch) {
                    j = unit_end(text, j);
                    continue;
                }
                // A combining mark joins the ASCII letter before it (`e\u{301}`).
                if b[j - 1] < 0x80 {
                    let e = unit_end(text, j - 1);
                    if e > j {
                        j = e;
                        continue;
                    }
                }
                break;
            }
            if j >= n || j == seg_start {
                break;
            }
            let c = b[j];
            // Only these bytes can join two runs into one word; white space ends most words.
            if !matches!(
                c,
                b'.' | b'-' | b'\'' | b',' | b':' | b'/' | b'&' | b'%' | 0xE2
            ) {
                break;
            }
            let prev = b[j - 1];
            let next = if j + 1 < n { b[j + 1] } else { 0 };
            let go = match c {
                b'.' => {
                    if prev.is_ascii_digit() && next.is_ascii_digit() {
                        true
                    } else if next == b'-' && has_dot && word_char_at(text, j + 2) {
                        // `U.S.-led`
                        true
                    } else if superscript_digit_at(text, j + 1) {
                        // `grew.¹ Then`: a footnote marker after the full stop.
                        false
                    } else if word_char_at(text, j + 1) {
                        // `end.Next` is two sentences run together, not one word.
                        let run_on = j - seg_start >= 3
                            && next.is_ascii_uppercase()
                            && j + 2 < n
                            && b[j + 2].is_ascii_lowercase();
                        !run_on
                    } else {
                        false
                    }
                }
                b'-' => word_char_at(text, j + 1),
                b'\'' => letter_at(text, j + 1),
                b',' => {
                    prev.is_ascii_digit()
                        && j + 3 < n
                        && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                        && (j + 4 >= n || !b[j + 4].is_ascii_digit())
                }
                b':' | b'/' => prev.is_ascii_digit() && next.is_ascii_digit(),
                b'&' => prev.is_ascii_uppercase() && next.is_ascii_uppercase(),
                b'%' => {
                    if prev.is_ascii_digit() {
                        j += 1;
                    }
                    break;
                }
                0xE2 if text[j..].starts_with('’') => letter_at(text, j + 3),
                _ => false,
            };
            if !go {
                break;
            }
            if c == b'.' {
                has_dot = true;
            } else if c == b'\'' || c == 0xE2 {
                has_apostrophe = true;
            }
            j += match c {
                0xE2 => 3,
                b'.' if next == b'-' => 2,
                _ => 1,
            };
            seg_start = j;
        }
        if j == start {
            // Defensive: never return without progress.
            let e = unit_end(text, start);
            self.push(start, e, TokenKind::Symbol);
            return e;
        }
        let kind = if numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        // A final period that belongs to an abbreviation.
        if kind == TokenKind::Word
            && j < n
            && b[j] == b'.'
            && (j + 1 >= n || b[j + 1] != b'.')
            && self.rules.keeps_period(text, start, j)
        {
            self.push(start, j + 1, kind);
            return j + 1;
        }
        if kind == TokenKind::Word && has_dot && is_domain(&b[start..j]) {
            self.push(start, j, TokenKind::Url);
            return j;
        }
        let word = &b[start..j];
        // Clitics need an apostrophe, except `cannot`, `gonna` and their like.
        let split = if has_apostrophe {
            clitic_split(word)
        } else {
            whole_word_split(word)
        };
        if let Some(split) = split {
            self.push(start, start + split, kind);
            self.push(start + split, j, TokenKind::Word);
        } else {
            self.push(start, j, kind);
        }
        j
    }
}

/// A bare domain such as `example.com` or `bbc.co.uk`.
fn is_domain(w: &[u8]) -> bool {
    let Some(dot) = w.iter().rposition(|&c| c == b'.') else {
        return false;
    };
    let tld = &w[dot + 1..];
    let known: [&[u8]; 8] = [b"com", b"org", b"net", b"gov", b"edu", b"uk", b"io", b"int"];
    dot > 0 && known.iter().any(|t| tld.eq_ignore_ascii_case(t))
}

/// Where a word without an apostrophe splits as the Penn Treebank does: `can|not`, `gon|na`,
/// `got|ta`, `wan|na`, `lem|me`, `gim|me`.
#[inline]
fn whole_word_split(w: &[u8]) -> Option<usize> {
    let whole: &[&[u8]] = match (w.len(), w.first().map(|c| c | 0x20)) {
        (6, Some(b'c')) => &[b"cannot"],
        (5, Some(b'g')) => &[b"gonna", b"gotta", b"gimme"],
        (5, Some(b'w')) => &[b"wanna"],
        (5, Some(b'l')) => &[b"lemme"],
        _ => return None,
    };
    whole
        .iter()
        .any(|whole| w.eq_ignore_ascii_case(whole))
        .then_some(3)
}

/// Where a word splits before a clitic as the Penn Treebank does (`do|n't`, `Russia|'s`,
/// `can|not`, `gon|na`).
fn clitic_split(w: &[u8]) -> Option<usize> {
    let len = w.len();
    if !matches!(
        w[len - 1] | 0x20,
        b's' | b'm' | b'd' | b'l' | b'e' | b't' | b'a'
    ) {
        return None;
    }
    if let Some(split) = whole_word_split(w) {
        return Some(split);
    }
    // n't / n’t
    if len > 3 && w[len - 3..].eq_ignore_ascii_case(b"n't") {
        return Some(len - 3);
    }
    if len > 5 && w[len - 5..].eq_ignore_ascii_case("n\u{2019}t".as_bytes()) {
        return Some(len - 5);
    }
    for suffix in [&b"s"[..], b"m", b"d", b"ll", b"re", b"ve"] {
        let s = suffix.len();
        if len > s + 1 && w[len - s..].eq_ignore_ascii_case(suffix) {
            if w[len - s - 1] == b'\'' {
                return Some(len - s - 1);
            }
            if len > s + 3 && &w[len - s - 3..len - s] == "\u{2019}".as_bytes() {
                return Some(len - s - 3);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(text: &str, skim: bool) -> Segmentation {
        let rules = Rules::new(&[], &[]);
        let mut scanner = Scanner::new(text, &rules);
        scanner.skim = skim;
        scanner.run()
    }

    /// The texts of the sentence test sets, one per line of their JSON.
    fn test_set_texts() -> Vec<String> {
        let sets = [
            include_str!("../tests/data/sentence_classes.jsonl"),
            include_str!("../tests/data/golden_rules_en.jsonl"),
        ];
        sets.iter()
            .flat_map(|set| set.lines().filter(|l| !l.trim().is_empty()))
            .map(|line| {
                let v: serde_json::Value = serde_json::from_str(line).expect("test set JSON");
                v["text"].as_str().expect("a text").to_owned()
            })
            .collect()
    }

    /// Texts made of pieces that the sentence rules act on (end marks, abbreviations, list
    /// markers, quotes, bullets, dates and times, emoticons, addresses, greetings) mixed with
    /// words, by a fixed pseudo-random walk.
    fn generated_texts() -> Vec<String> {
        let pieces = [
            "the",
            "Officials",
            "said",
            "U.S.",
            "a.m.",
            "Dr.",
            "Inc.",
            "etc.",
            "AM",
            "pm",
            "am",
            "Hi,",
            "Regards,",
            ".",
            "!",
            "?",
            "...",
            "\u{2026}",
            ",",
            ";",
            ":",
            "(",
            ")",
            "[2]",
            "(ii)",
            "2.)",
            "a)",
            "iv)",
            "1.",
            "\u{2022}",
            "\u{25E6}",
            "\"",
            "\u{201C}",
            "\u{201D}",
            "'",
            "\u{2019}",
            "--",
            "\u{2014}",
            "04/26/2001",
            "07:17",
            ":)",
            ";-)",
            "https://ap.org",
            "www.bbc.co.uk",
            "jane@example.com",
            "<jane@example.com>",
            ">",
            "@ap",
            "#tag",
            "\u{1F44D}",
            "\u{263A}",
            "\u{20AC}5",
            "$5",
            "3.5%",
            "Yahoo!",
            "Finance",
            "WASHINGTON",
            "(Reuters)",
            "-",
            "I",
            "He",
            "grew.\u{B9}",
            "\n",
            "\n\n",
        ];
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        (0..300)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..60 {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    text.push_str(pieces[(state % pieces.len() as u64) as usize]);
                    text.push_str(if state >> 60 == 0 { "" } else { " " });
                }
                text
            })
            .collect()
    }

    #[test]
    fn passing_over_tokens_changes_no_sentence() {
        let texts = test_set_texts();
        assert!(texts.len() > 90, "read {} texts", texts.len());
        for text in texts.iter().chain(&generated_texts()) {
            assert_eq!(segment(text, true), segment(text, false), "{text:?}");
        }
    }
}
