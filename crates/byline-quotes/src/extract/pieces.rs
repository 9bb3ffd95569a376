//! Pieces and continuation: the quotations that carry on after a tag (`"A," he said, "B."`)
//! and over paragraphs, and which quotations a quotation already owns.

use byline_tokenize::Span;

use super::content::MAX_CONTENT_TOKENS;
use super::doc::Doc;
use crate::lexicon::*;
use crate::scan::Kind;

pub(super) fn mark_used(doc: &Doc<'_>, a: usize, b: usize, used: &mut [bool]) {
    for k in a..b {
        let q = doc.in_quote[k];
        if q != 0 {
            used[q as usize - 1] = true;
        }
        if let Some(q) = doc.quote_opening_at(k) {
            used[q] = true;
        }
    }
}

/// Earlier paragraphs of a quotation that continues into quote `q`'s paragraph.
pub(super) fn prepend_continued(doc: &Doc<'_>, q: usize, content: &mut Vec<Span>) {
    let mut chain = Vec::new();
    let mut k = q;
    while k > 0 && doc.quotes[k - 1].continues && chain.len() < 20 {
        k -= 1;
        chain.push(Span::new(doc.quotes[k].start, doc.quotes[k].end));
    }
    chain.reverse();
    content.extend(chain);
}

/// Quotations that follow a tag with no tag of their own: `"A," he said, "B." "C."`, and the
/// paragraphs a quotation continues into.
pub(super) fn follow_pieces(
    doc: &Doc<'_>,
    from: usize,
    b: usize,
    content: &mut Vec<Span>,
    used: &mut [bool],
) {
    let mut k = from;
    // Skip the rest of the tag's sentence (`said in an interview, who ...`) up to a quotation
    // introduced by a comma or colon; a tag followed by more than [`MAX_CONTENT_TOKENS`] of
    // its sentence has no pieces after it (so that a sentence of thousands of tags is not
    // scanned once for each).
    let limit = b.min(from.saturating_add(MAX_CONTENT_TOKENS));
    // Where the first piece starts when a conjunction leads into it (`, but "B"`).
    let mut lead: Option<usize> = None;
    // A reporting verb of its own before the next quotation (`, adding, "B"`): that
    // quotation is the verb's, not a piece of the tag's.
    let mut own_cue = false;
    while k < b {
        if k >= limit {
            return;
        }
        // `"A," he said, "B."`, `he said: "B."`, `"A," said the officer; "B."`.
        if k > from
            && (doc.toks[k - 1].is_punct(',')
                || doc.toks[k - 1].is_punct(':')
                || doc.toks[k - 1].is_punct(';'))
            && doc.quote_opening_at(k).is_some()
        {
            break;
        }
        if k > from && doc.quote_opening_at(k).is_some() {
            if let Some(c) = conjunction_before(doc, from, k) {
                lead = Some(doc.toks[c].start);
                break;
            }
        }
        // Only a participle after a comma: nouns of the same words (`in a note`, `in a post`)
        // are where the tag's words were said.
        if k > from
            && doc.in_quote[k] == 0
            && doc.flags(k) & (SAY | TELL) != 0
            && doc.flags(k) & F_ING != 0
            && doc.toks[k - 1].is_punct(',')
        {
            own_cue = true;
            break;
        }
        if doc.quote_opening_at(k).is_some() && k > from {
            // A quotation inside the tag's own clause is not a piece.
            k = doc.quotes[doc.quote_opening_at(k).unwrap_or(0)].close + 1;
            continue;
        }
        k += 1;
    }
    // The content's own last quotation may continue into the next paragraph.
    if let Some(last) = content.last() {
        if let Some(qi) = doc
            .quotes
            .binary_search_by_key(&last.end, |q| q.end)
            .ok()
            .filter(|&qi| doc.quotes[qi].continues)
        {
            let mut qi = qi;
            while doc.quotes[qi].continues && qi + 1 < doc.quotes.len() {
                qi += 1;
                let q = doc.quotes[qi];
                content.push(Span::new(q.start, q.end));
                used[qi] = true;
            }
            return;
        }
    }
    if own_cue {
        return;
    }
    loop {
        while k < doc.toks.len()
            && matches!(doc.toks[k].kind, Kind::Punct(_))
            && !doc.toks[k].is_punct('(')
        {
            k += 1;
        }
        // Past the paragraph: when a colon led here, or into a paragraph that is one quotation.
        if k < doc.toks.len() && doc.toks[k].kind == Kind::Break {
            k += 1;
            let colon_led = from == b && content.is_empty();
            if !colon_led && !whole_paragraph_quote(doc, k) {
                return;
            }
        }
        let Some(qi) = (if k < doc.toks.len() {
            doc.quote_opening_at(k)
        } else {
            None
        }) else {
            return;
        };
        if used[qi] {
            return;
        }
        let q = doc.quotes[qi];
        // The quotation must not carry a tag of its own after it.
        let (tagged, own_tag) = after_quote(doc, qi);
        if own_tag {
            return;
        }
        // Nor may the paragraphs it runs into: a quotation over paragraphs credited at its end
        // (`"A.` / `"B," she said.`) is that tag's.
        let mut end = qi;
        while doc.quotes[end].continues && end + 1 < doc.quotes.len() {
            end += 1;
        }
        if end != qi && after_quote(doc, end).1 {
            return;
        }
        content.push(Span::new(lead.take().unwrap_or(q.start), q.end));
        used[qi] = true;
        let mut last = qi;
        while doc.quotes[last].continues && last + 1 < doc.quotes.len() {
            last += 1;
            let q = doc.quotes[last];
            content.push(Span::new(q.start, q.end));
            used[last] = true;
        }
        k = doc.quotes[last].close + 1;
        if tagged || !doc.quotes[last].closed {
            return;
        }
    }
}

/// The conjunction that leads from a tag into a quotation opening at `k`, after a comma and
/// before at most one adverb: `, but "B"`, `, and still "B"`, `, yet also "B"`. Not before
/// `from`.
fn conjunction_before(doc: &Doc<'_>, from: usize, k: usize) -> Option<usize> {
    let mut j = k.checked_sub(1)?;
    if j > from && doc.toks[j].is_word() && (doc.flags(j) & ADV != 0 || doc.is_ly(j)) {
        j -= 1;
    }
    let conj = ["but", "and", "yet"].iter().any(|w| doc.lower_is(j, w));
    (conj && j > from && doc.toks[j - 1].is_punct(',') && doc.in_quote[j] == 0).then_some(j)
}

/// What follows quotation `qi` in its paragraph: whether words do (`.0`), and whether they are
/// its own tag (`.1`): words after a comma or a sentence cut short, or a speaker and a speech
/// verb after a quoted sentence (`"Why?" Trump asked.`), rather than a new sentence.
fn after_quote(doc: &Doc<'_>, qi: usize) -> (bool, bool) {
    let q = doc.quotes[qi];
    let mut m = q.close + 1;
    while m < doc.toks.len() && matches!(doc.toks[m].kind, Kind::Punct(_)) {
        m += 1;
    }
    let words = m < doc.toks.len() && doc.toks[m].is_word() && doc.in_quote[m] == 0;
    if !words || !q.closed {
        return (words, false);
    }
    // The sentence's final mark inside or outside the closing mark (`win."`, `win".`).
    let final_mark = |i: usize| {
        doc.toks[i].is_punct('.') || doc.toks[i].is_punct('?') || doc.toks[i].is_punct('!')
    };
    let sentence_end = q.close > 0 && final_mark(q.close - 1) || (q.close + 1..m).any(final_mark);
    if !sentence_end || doc.toks[m - 1].is_punct(',') || !doc.is_cap(m) {
        return (true, true);
    }
    let mut n = m;
    while n < doc.toks.len() && doc.toks[n].is_word() && n < m + 5 {
        let f = doc.flags(n);
        if n > m && f & (SAY | TELL) != 0 && !doc.is_cap(n) {
            return (true, true);
        }
        if !(doc.is_cap(n) || f & (PRON | DET | TITLE) != 0) {
            break;
        }
        n += 1;
    }
    (true, false)
}

/// Whether the paragraph starting at token `k` is one closed quotation and nothing else.
pub(super) fn whole_paragraph_quote(doc: &Doc<'_>, k: usize) -> bool {
    let Some(qi) = (if k < doc.toks.len() {
        doc.quote_opening_at(k)
    } else {
        None
    }) else {
        return false;
    };
    let q = &doc.quotes[qi];
    if !q.closed {
        return q.continues;
    }
    let mut m = q.close + 1;
    while m < doc.toks.len() && matches!(doc.toks[m].kind, Kind::Punct(_)) {
        m += 1;
    }
    m >= doc.toks.len() || doc.toks[m].kind == Kind::Break
}

#[cfg(test)]
mod tests {
    use super::super::testing::{doc, tok};
    use super::*;

    #[test]
    fn a_quotation_after_a_tag_is_a_further_piece() {
        let d = doc("\"A,\" he said, \"B.\"");
        let mut content = Vec::new();
        let mut used = vec![false; d.quotes.len()];
        let from = tok(&d, "said", 0) + 1;
        follow_pieces(&d, from, d.toks.len(), &mut content, &mut used);
        assert_eq!(content.len(), 1);
        assert_eq!(content[0].as_str(d.text), "\"B.\"");
        assert!(used[1]);
    }

    #[test]
    fn a_paragraph_of_one_quotation_is_recognised() {
        let d = doc("He spoke.\n\n\"All of it.\"\n\nThen he left.");
        let open = tok(&d, "All", 0) - 1;
        assert!(whole_paragraph_quote(&d, open));
        assert!(!whole_paragraph_quote(&d, tok(&d, "Then", 0)));
    }
}
