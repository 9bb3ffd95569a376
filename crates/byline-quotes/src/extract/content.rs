//! Content span: where reported content starts and ends inside its sentence.

use byline_tokenize::Span;

use super::cues::Cue;
use super::decision::Tag;
use super::doc::Doc;
use super::speaker::right_np;
use super::speaker::{left_np, quantity_alone, skip_verb_group_left};
use super::Found;
use crate::lexicon::*;
use crate::scan::Kind;

/// Tokens that reported content without quote marks may run to at most. News content is rarely
/// over 150 tokens; without a bound, a sentence of thousands of reporting clauses (a hostile or
/// broken text) would give each clause the rest of the sentence, quadratic in output and time.
pub(super) const MAX_CONTENT_TOKENS: usize = 600;

/// Where reported content starting at token `from` ends: at the first stop after it, the
/// sentence's end `b`, or [`MAX_CONTENT_TOKENS`] on, whichever comes first. `stops` is sorted.
pub(super) fn content_end(from: usize, b: usize, stops: &[usize]) -> usize {
    let b = b.min(from.saturating_add(MAX_CONTENT_TOKENS));
    let i = stops.partition_point(|&s| s <= from);
    match stops.get(i) {
        Some(&s) if s < b => s,
        _ => b,
    }
}

/// The byte span of tokens `[a, b)`, widened to whole quotations where it cuts one.
pub(super) fn piece(doc: &Doc<'_>, a: usize, b: usize) -> Option<Span> {
    if a >= b {
        return None;
    }
    let mut start = doc.toks[a].start;
    let mut end = doc.toks[b - 1].end;
    let qa = doc.in_quote[a];
    if qa != 0 {
        let q = &doc.quotes[qa as usize - 1];
        start = start.min(q.start);
    }
    let qb = doc.in_quote[b - 1];
    if qb != 0 {
        let q = &doc.quotes[qb as usize - 1];
        end = end.max(q.end);
    }
    Some(Span::new(start, end))
}

/// The clause around an impersonal cue (`Obama is expected to join her`), from its start after a comma, a conjunction or a subordinator to its end.
pub(super) fn impersonal(
    doc: &Doc<'_>,
    c: &Cue,
    a: usize,
    b: usize,
    stops: &[usize],
) -> Option<Found> {
    const OPENERS: &[&str] = &[
        "and", "but", "if", "while", "because", "although", "though", "as", "when", "so", "that",
        "since", "whether", "where",
    ];
    let mut s = c.a;
    while s > a && c.a - s < 30 {
        let t = &doc.toks[s - 1];
        if doc.in_quote[s - 1] == 0
            && (matches!(t.kind, Kind::Punct(',' | ';' | ':' | '—' | '–' | '(')) || t.is_quote())
        {
            break;
        }
        // `Gowdy and his team seemed`: `and` opens a clause only after a comma.
        let conj = doc.lower_is(s - 1, "and") || doc.lower_is(s - 1, "but");
        if OPENERS.iter().any(|w| doc.lower_is(s - 1, w))
            && (!conj || s - 1 == a || doc.toks[s - 2].is_punct(','))
        {
            break;
        }
        s -= 1;
    }
    // A subject is needed.
    if s >= c.a || !doc.toks[s].is_word() {
        return None;
    }
    let mut e = content_end(c.b, b, stops);
    if let Some(k) = (c.b..e).find(|&k| {
        doc.in_quote[k] == 0 && matches!(doc.toks[k].kind, Kind::Punct(',' | ';' | ':' | '—'))
    }) {
        e = k;
    }
    if e <= c.b {
        return None;
    }
    Some(Found {
        content: vec![piece(doc, s, e)?],
        cue: Some((c.a, c.b)),
        speaker: None,
        confidence: 0.5,
    })
}

/// A question put to the clause's subject: `When asked by a reporter whether ...,`,
/// `Asked on Monday about the plan,`, `he said when asked if ...`.
pub(super) fn asked_question(doc: &Doc<'_>, c: &Cue, a: usize, b: usize) -> Option<Found> {
    const QUESTION: &[&str] = &[
        "whether", "if", "who", "what", "why", "how", "which", "when", "where", "about", "to",
    ];
    const BEFORE: &[&str] = &[
        "when", "being", "if", "once", "after", "was", "were", "is", "are", "been", "be",
    ];
    let i = c.a;
    if !doc.lower_is(i, "asked") || c.b != i + 1 {
        return None;
    }
    let opens = i == a
        || BEFORE.iter().any(|w| doc.lower_is(i - 1, w))
        || doc.toks[i - 1].is_punct(',')
        || doc.toks[i - 1].is_punct('(');
    if !opens {
        return None;
    }
    let mut k = i + 1;
    let mut speaker = None;
    if doc.lower_is(k, "by") {
        let np = right_np(doc, k + 1, b)?;
        speaker = Some(np);
        k = np.1;
    }
    // Only a time or a place may come before the question (`Asked on Monday whether`).
    let question = |k: usize| QUESTION.iter().any(|w| doc.lower_is(k, w));
    if k < b && !question(k) && doc.flags(k) & (PREP | TIME) == 0 {
        return None;
    }
    let limit = (k + 8).min(b);
    while k < limit && !question(k) {
        if !(doc.toks[k].is_word() || matches!(doc.toks[k].kind, Kind::Number))
            || doc.in_quote[k] != 0
        {
            return None;
        }
        k += 1;
    }
    if k >= limit || k + 1 >= b {
        return None;
    }
    let mut e = k + 1;
    while e < b && !(doc.in_quote[e] == 0 && doc.toks[e].is_punct(',')) {
        e += 1;
    }
    Some(Found {
        content: vec![piece(doc, k, e)?],
        cue: Some((c.a, c.b)),
        speaker,
        confidence: 0.6,
    })
}

/// Whether the cue at `i` sits in a subordinate clause opening the sentence at `a` (`Although
/// in September she said`, `And while he said`), with no comma between.
pub(super) fn subordinate_before(doc: &Doc<'_>, a: usize, i: usize) -> bool {
    const SUBORDINATORS: &[&str] = &[
        "although", "though", "while", "if", "when", "because", "since", "whereas", "as", "after",
        "before", "once", "unless", "until",
    ];
    let mut k = a;
    while k < i && (doc.lower_is(k, "and") || doc.lower_is(k, "but") || doc.lower_is(k, "even")) {
        k += 1;
    }
    k < i
        && i - k <= 25
        && SUBORDINATORS.iter().any(|w| doc.lower_is(k, w))
        && (k..i).all(|m| !doc.toks[m].is_punct(','))
}

/// Where contents without quote marks stop in sentence `[a, b)`: before each tag, before a new
/// speaker, and at a new clause joined by `, and`, `, but` or `;`. Sorted.
pub(super) fn content_stops(
    doc: &Doc<'_>,
    cs: &[Cue],
    tags: &[Option<Tag>],
    a: usize,
    b: usize,
) -> Vec<usize> {
    let mut stops: Vec<usize> = Vec::new();
    for (c, t) in cs.iter().zip(tags) {
        if let Some((comma, _, _)) = t {
            stops.push(*comma);
        } else if (c.according || c.ing) && c.a > a && doc.is_comma_like(c.a - 1) {
            stops.push(c.a - 1);
        } else {
            let j = skip_verb_group_left(doc, c.a, a);
            let reports = c.class & (SAY | TELL | MIXED | EVAL) != 0;
            if reports && j > a && (doc.lower_is(j - 1, "and") || doc.lower_is(j - 1, "but")) {
                stops.push(j - 1);
            } else if let Some((s, _)) = left_np(doc, j, a) {
                // `..., Trump boasted, "..."`: a new speaker ends the earlier content.
                let dash =
                    s > a && matches!(doc.toks[s - 1].kind, Kind::Punct('―' | '—' | '–' | ';'));
                // `X said A and Y said B`: so does a new speaker after `and`.
                // Not `said both he and Rubio promised`, a subject of two, nor a quantity
                // (`that X, and some speculated ...` goes on with the reported clause).
                let quantity =
                    j > a && doc.flags(s) & DET != 0 && quantity_alone(doc, j - 1, a) == Some(s);
                let and = s > a + 1
                    && !quantity
                    && reports
                    && (doc.lower_is(s - 1, "and") || doc.lower_is(s - 1, "but"))
                    && doc.in_quote[s - 1] == 0
                    && doc.flags(s - 2) & PRON == 0;
                if s > a && (doc.is_comma_like(s - 1) || dash || and) {
                    stops.push(s - 1);
                }
            }
        }
    }
    // A new clause joined by `, and` / `, but` / `;` ends a reported clause.
    for k in a..b.saturating_sub(2) {
        if doc.in_quote[k] != 0 {
            continue;
        }
        let joined = (doc.toks[k].is_punct(',')
            && (doc.lower_is(k + 1, "and") || doc.lower_is(k + 1, "but")))
            || doc.toks[k].is_punct(';');
        let next = if doc.toks[k].is_punct(';') {
            k + 1
        } else {
            k + 2
        };
        if joined
            && next < b
            && doc.in_quote[next] == 0
            && (doc.flags(next) & PRON != 0 || doc.toks[k].is_punct(';'))
        {
            stops.push(k);
        }
        // `..., compared with 41 percent for Clinton`: a comparison ends a reported clause.
        let aside = matches!(doc.toks[k].kind, Kind::Punct(',' | '—' | '–'))
            && ["compared"].iter().any(|w| doc.lower_is(k + 1, w));
        if aside {
            stops.push(k);
        }
        // `likened the rules to "burning the Constitution" - a charge that ...`: a dash after
        // a closing mark opens a comment on the quotation, no part of what was said.
        if k > a
            && matches!(doc.toks[k].kind, Kind::Punct('—' | '–' | '-'))
            && doc.is_closing_quote(k - 1)
        {
            stops.push(k);
        }
    }
    stops.sort_unstable();
    stops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_ends_at_the_next_stop_or_the_bound() {
        assert_eq!(content_end(3, 20, &[2, 9, 15]), 9);
        assert_eq!(content_end(3, 20, &[]), 20);
        assert_eq!(content_end(0, 10_000, &[]), MAX_CONTENT_TOKENS);
    }

    #[test]
    fn a_piece_cutting_a_quotation_widens_to_hold_it() {
        let d = super::super::testing::doc("He called it \"a total disaster\" today.");
        let inside = super::super::testing::tok(&d, "total", 0);
        let p = piece(&d, inside, inside + 1).unwrap();
        assert_eq!(p.as_str(d.text), "\"a total disaster\"");
    }
}
