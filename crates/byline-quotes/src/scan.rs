//! A light, allocation-frugal scan of the text into words, punctuation, quote marks and line
//! breaks, and the pairing of quote marks into quotations, one paragraph at a time.

use crate::lexicon::Lexicon;

/// Whether a quote mark opens, closes, or cannot be told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Punct(char),
    /// A quote mark; `double` for `"`, `“`, `''` and guillemets, not for single marks.
    Quote {
        double: bool,
        role: Role,
    },
    /// One or more line breaks: a paragraph boundary.
    Break,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lexicon flags of a word (0 otherwise).
    pub flags: u32,
}

impl Tok {
    pub(crate) fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word)
    }
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub(crate) fn is_quote(&self) -> bool {
        matches!(self.kind, Kind::Quote { .. })
    }
}

/// Abbreviations that keep their final period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "gen", "lt", "col", "sgt",
    "capt", "prof", "rev", "hon", "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar",
    "apr", "aug", "sept", "sep", "oct", "nov", "dec", "adm", "maj", "cmdr", "pres", "supt", "ft",
    "mt", "dept", "univ", "assn", "bros", "etc", "approx", "est", "fig", "ave", "blvd",
];

fn is_abbreviation(word: &str) -> bool {
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return true;
    }
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '«'
                )
        }
    }
}

fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.'
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '”'
                        | '’'
                        | '…'
                        | '»'
                )
        }
    }
}

/// Elisions written with a leading apostrophe (`'em`, `'til`, `rock 'n' roll`).
fn leading_elision(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(6)
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "em" | "til" | "cause" | "tis" | "twas" | "n" | "bout" | "round" | "nother" | "s"
    ) || word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// The char starting at byte `i` (on a char boundary), with a fast path for ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[i..].chars().next()
    }
}

/// Splits `text` into tokens. Linear in the text.
pub(crate) fn scan(text: &str, lex: &Lexicon) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 4);
    let bytes = text.as_bytes();
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < text.len() {
        let c = match char_at(text, i) {
            Some(c) => c,
            None => break,
        };
        let w = c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                if !matches!(toks.last(), Some(t) if t.kind == Kind::Break) {
                    toks.push(Tok {
                        start: i,
                        end: i + w,
                        kind: Kind::Break,
                        flags: 0,
                    });
                } else if let Some(t) = toks.last_mut() {
                    t.end = i + w;
                }
            }
            prev = Some(c);
            i += w;
            continue;
        }
        let next = char_at(text, i + w);
        if c.is_alphanumeric()
            || (is_apostrophe(c)
                && c != '‘'
                && next.is_some_and(|n| n.is_alphanumeric())
                && is_open_context(prev)
                && leading_elision(&text[i + w..]))
        {
            // A word: letters and digits joined by inner apostrophes, hyphens, periods or commas
            // between digits.
            let start = i;
            let mut j = i + w;
            let mut last = c;
            let mut has_dot = false;
            while j < text.len() {
                let d = match char_at(text, j) {
                    Some(d) => d,
                    None => break,
                };
                let dl = d.len_utf8();
                if d.is_alphanumeric() {
                    last = d;
                    j += dl;
                    continue;
                }
                let after = char_at(text, j + dl);
                let joins = match d {
                    '\'' | '’' | 'ʼ' | '‘' => {
                        last.is_alphanumeric() && after.is_some_and(|a| a.is_alphabetic())
                    }
                    '-' | '.' | '&' => {
                        last.is_alphanumeric() && after.is_some_and(|a| a.is_alphanumeric())
                    }
                    ',' => last.is_ascii_digit() && after.is_some_and(|a| a.is_ascii_digit()),
                    // Stray symbols inside a word (`FranÃ§ois` decoded twice).
                    _ if !d.is_ascii()
                        && !d.is_whitespace()
                        && !is_double_mark(d)
                        && !is_apostrophe(d)
                        && !matches!(d, '—' | '–' | '―' | '…' | '•' | '·' | '‐' | '‑') =>
                    {
                        last.is_alphanumeric()
                            && after.is_some_and(|a| a.is_alphanumeric() || !a.is_ascii())
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                if d == '.' {
                    has_dot = true;
                }
                last = d;
                j += dl;
            }
            // A final period of an abbreviation or initials (`Mr.`, `U.S.`).
            let core = &text[start..j];
            if j < text.len() && bytes[j] == b'.' && (has_dot || is_abbreviation(core)) {
                j += 1;
            }
            let number = c.is_ascii_digit();
            // Split a possessive or contracted `'s`.
            let word = &text[start..j];
            let split = if word.len() > 2 && (word.ends_with("'s") || word.ends_with("'S")) {
                Some(j - 2)
            } else if word.len() > 4 && (word.ends_with("’s") || word.ends_with("’S")) {
                Some(j - 4)
            } else {
                None
            };
            let kind = if number { Kind::Number } else { Kind::Word };
            let lookup = |w: &str| if number { 0 } else { lex.flags(w) };
            match split {
                Some(k) => {
                    toks.push(Tok {
                        start,
                        end: k,
                        kind,
                        flags: lookup(&text[start..k]),
                    });
                    toks.push(Tok {
                        start: k,
                        end: j,
                        kind: Kind::Word,
                        flags: lex.flags(&text[k..j]),
                    });
                }
                None => toks.push(Tok {
                    start,
                    end: j,
                    kind,
                    flags: lookup(word),
                }),
            }
            prev = text[..j].chars().next_back();
            i = j;
            continue;
        }
        // Two apostrophes or two grave accents stand for a double quote mark.
        if (c == '\'' && next == Some('\'')) || (c == '`' && next == Some('`')) {
            let after = char_at(text, i + 2);
            let role = quote_role(prev, after);
            toks.push(Tok {
                start: i,
                end: i + 2,
                kind: Kind::Quote { double: true, role },
                flags: 0,
            });
            prev = Some('\'');
            i += 2;
            continue;
        }
        let kind = if is_double_mark(c) {
            let line_start = prev.is_none_or(|p| p == '\n' || p == '\r');
            let role = match c {
                '“' | '„' | '‟' | '«' => Role::Open,
                // A closing shape opening a paragraph (`” … he said`) opens it.
                '”' if line_start && next.is_some_and(|n| !n.is_whitespace()) => Role::Open,
                '”' | '»' => Role::Close,
                _ => quote_role(prev, next),
            };
            Kind::Quote { double: true, role }
        } else if is_apostrophe(c) {
            let role = match c {
                '‘' => Role::Open,
                _ => {
                    let r = quote_role(prev, next);
                    // `Voters’ views`: a plural possessive, not a closing mark.
                    if r == Role::Close
                        && matches!(prev, Some('s') | Some('S'))
                        && next == Some(' ')
                    {
                        Role::Either
                    } else {
                        r
                    }
                }
            };
            Kind::Quote {
                double: false,
                role,
            }
        } else {
            Kind::Punct(c)
        };
        toks.push(Tok {
            start: i,
            end: i + w,
            kind,
            flags: 0,
        });
        prev = Some(c);
        i += w;
    }
    toks
}

fn quote_role(prev: Option<char>, next: Option<char>) -> Role {
    let open = is_open_context(prev) && !next.is_some_and(|n| n.is_whitespace()) && next.is_some();
    let close =
        is_close_context(next) && !prev.is_some_and(|p| p.is_whitespace()) && prev.is_some();
    match (open, close) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

/// A pair of quote marks (or an opening mark running to the end of its paragraph).
#[derive(Clone, Copy, Debug)]
pub(crate) struct QSpan {
    /// Index of the opening mark's token.
    pub open: usize,
    /// Index of the closing mark's token, or of the paragraph's last token when unclosed.
    pub close: usize,
    /// Whether the closing mark is there.
    pub closed: bool,
    /// Byte span of the quoted words, without the marks.
    pub inner_start: usize,
    pub inner_end: usize,
    /// Byte span with the marks.
    pub start: usize,
    pub end: usize,
    /// Unclosed, and the next paragraph opens with a quote mark: the quotation goes on.
    pub continues: bool,
}

/// Pairs quote marks paragraph by paragraph. Double marks pair among themselves; single marks
/// pair only outside double quotations. One pass over the marks: linear however unbalanced.
pub(crate) fn pair_quotes(toks: &[Tok]) -> Vec<QSpan> {
    let mut out = Vec::new();
    let mut para_start = 0;
    let mut k = 0;
    while k <= toks.len() {
        if k == toks.len() || toks[k].kind == Kind::Break {
            if para_start < k {
                pair_paragraph(toks, para_start, k, &mut out);
            }
            para_start = k + 1;
        }
        k += 1;
    }
    // Mark quotations that continue into the next paragraph.
    for q in 0..out.len() {
        if out[q].closed {
            continue;
        }
        let mut n = out[q].close + 1;
        while n < toks.len() && toks[n].kind == Kind::Break {
            n += 1;
        }
        if n < toks.len()
            && matches!(toks[n].kind, Kind::Quote { double: true, role } if role != Role::Close)
            && out.get(q + 1).is_some_and(|next| next.open == n)
        {
            out[q].continues = true;
        }
    }
    out
}

fn make(toks: &[Tok], open: usize, close: usize, closed: bool) -> QSpan {
    let end_tok = &toks[close];
    QSpan {
        open,
        close,
        closed,
        inner_start: toks[open].end,
        inner_end: if closed { end_tok.start } else { end_tok.end },
        start: toks[open].start,
        end: end_tok.end,
        continues: false,
    }
}

fn pair_paragraph(toks: &[Tok], a: usize, b: usize, out: &mut Vec<QSpan>) {
    let mut open: Option<usize> = None;
    let mut single: Option<usize> = None;
    let mut last_word = a;
    let first = out.len();
    for (k, t) in toks.iter().enumerate().take(b).skip(a) {
        let (double, role) = match t.kind {
            Kind::Quote { double, role } => (double, role),
            Kind::Break => continue,
            _ => {
                last_word = k;
                continue;
            }
        };
        if double {
            match (open, role) {
                (None, Role::Close) => {}
                (None, _) => {
                    open = Some(k);
                    single = None;
                }
                (Some(o), Role::Open) => {
                    // An opening mark inside an open quotation: the earlier mark was stray.
                    let _ = o;
                    open = Some(k);
                }
                (Some(o), _) => {
                    if k > o + 1 {
                        out.push(make(toks, o, k, true));
                    }
                    open = None;
                }
            }
        } else if open.is_none() {
            match (single, role) {
                (None, Role::Open) => single = Some(k),
                (Some(o), Role::Close) => {
                    if k > o + 1 {
                        out.push(make(toks, o, k, true));
                    }
                    single = None;
                }
                (Some(_), Role::Open) => single = Some(k),
                _ => {}
            }
        }
    }
    if let Some(o) = open {
        if last_word > o {
            out.push(make(toks, o, last_word.max(o + 1).min(b - 1), false));
        }
    }
    // Keep the list ordered by opening mark (single pairs close before later doubles open).
    out[first..].sort_by_key(|q| q.open);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let toks = scan(text, Lexicon::get());
        pair_quotes(&toks)
            .iter()
            .map(|q| text[q.inner_start..q.inner_end].to_string())
            .collect()
    }

    #[test]
    fn pairs_marks_of_every_shape() {
        assert_eq!(
            quotes("He said \"yes\" and “no” and ''maybe''."),
            ["yes", "no", "maybe"]
        );
        assert_eq!(quotes("«Oui», dit-il."), ["Oui"]);
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        assert!(quotes("Russia's rock 'n' roll of the '90s, the voters' choice.").is_empty());
        assert_eq!(
            quotes("the mantra of ‘there was a full investigation’ stuck"),
            ["there was a full investigation"]
        );
    }

    #[test]
    fn a_stray_mark_damages_only_its_paragraph() {
        let q = quotes("He said \"this.\n\nShe said \"that\" today.");
        assert_eq!(q, ["this.", "that"]);
    }
}
