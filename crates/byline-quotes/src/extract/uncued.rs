//! Quotations no cue claims: a dash credit (`"..." — Commissioner X`), a colon label
//! (`Lopez: ...`, `Trump: "..."`).

use byline_tokenize::Span;

use super::doc::Doc;
use super::pieces::follow_pieces;
use super::speaker::{left_np, right_np};
use super::Found;
use crate::lexicon::*;
use crate::scan::Kind;

/// Labels that open a paragraph with a colon but name no speaker.
pub(super) const NOT_SPEAKERS: &[&str] = &[
    "correction",
    "update",
    "updated",
    "note",
    "editor",
    "photo",
    "video",
    "watch",
    "related",
    "source",
    "read",
    "click",
    "subscribe",
    "share",
    "follow",
    "partial",
    "revealed",
    "contributing",
    "twitter",
    "pledged",
    "bombshell",
    "superdelegates",
    "delegates",
    "delegate",
    "total",
    "facebook",
    "instagram",
    "sources",
    "transcript",
    "warning",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "image",
    "credit",
    "contact",
    "email",
    "tags",
    "topics",
    "here",
    "question",
    "answer",
    "advertisement",
    "caption",
    "more",
    "also",
    "see",
    "listen",
    "live",
    "latest",
    "the",
    "this",
    "what",
    "why",
    "how",
    "who",
    "when",
    "where",
    "bottom",
    "background",
    "disclosure",
    "clarification",
    "pictured",
];

/// Transcripts and headlines that name the speaker before a colon: `Lopez: Well, no one ...`,
/// `Trump: Clinton should have congratulated me.`
pub(super) fn colon_labels(doc: &Doc<'_>, found: &mut Vec<Found>) {
    let toks = &doc.toks;
    // The contents found so far, merged so that they are sorted by start and by end.
    let mut spans: Vec<Span> = found
        .iter()
        .flat_map(|f| f.content.iter().copied())
        .collect();
    spans.sort();
    let mut taken: Vec<Span> = Vec::with_capacity(spans.len());
    for c in spans {
        match taken.last_mut() {
            Some(m) if c.start <= m.end => m.end = m.end.max(c.end),
            _ => taken.push(c),
        }
    }
    let mut p = 0;
    while p < toks.len() {
        let para = p;
        let mut end = p;
        while end < toks.len() && toks[end].kind != Kind::Break {
            end += 1;
        }
        p = end + 1;
        let mut k = para;
        while k < end && k - para < 5 && toks[k].is_word() && doc.is_cap(k) {
            k += 1;
        }
        if k == para || k - para > 4 || k + 1 >= end || !toks[k].is_punct(':') {
            continue;
        }
        let first = doc.word(para).to_ascii_lowercase();
        if NOT_SPEAKERS.contains(&first.as_str())
            || (para..k).any(|w| doc.flags(w) & (TIME | PREP | BOUNDARY) != 0)
        {
            continue;
        }
        // `Clinton: 547.` is a tally, not a statement.
        if !(k + 1..end).any(|w| toks[w].is_word()) {
            continue;
        }
        let (cs, ce) = (toks[k + 1].start, toks[end - 1].end);
        let covered = {
            let i = taken.partition_point(|c| c.end <= cs);
            i < taken.len() && taken[i].start < ce
        };
        if covered {
            continue;
        }
        found.push(Found {
            content: vec![Span::new(cs, ce)],
            cue: Some((k, k + 1)),
            speaker: Some((para, k)),
            confidence: 0.6,
        });
    }
}

/// Quotations no cue claimed: a dash credit (`"..." — Commissioner X`) or a colon label
/// (`Trump: "..."`).
pub(super) fn uncovered_quotes(doc: &Doc<'_>, found: &mut Vec<Found>, used: &mut [bool]) {
    for qi in 0..doc.quotes.len() {
        if used[qi] {
            continue;
        }
        let q = doc.quotes[qi];
        if doc.in_quote[q.open] != 0 {
            continue;
        }
        // Dash credit.
        let mut m = q.close + 1;
        if q.closed
            && m < doc.toks.len()
            && matches!(doc.toks[m].kind, Kind::Punct('—' | '–' | '-' | '―'))
        {
            m += 1;
            if let Some(spk) = right_np(doc, m, doc.toks.len()) {
                if doc.is_cap(spk.0) {
                    used[qi] = true;
                    found.push(Found {
                        content: vec![Span::new(q.start, q.end)],
                        cue: None,
                        speaker: Some(spk),
                        confidence: 0.8,
                    });
                    continue;
                }
            }
        }
        // A colon ending the paragraph before (`And from Chairwoman X:`).
        if q.open >= 2
            && doc.toks[q.open - 1].kind == Kind::Break
            && doc.toks[q.open - 2].is_punct(':')
        {
            let colon = q.open - 2;
            let mut para = colon;
            while para > 0 && doc.toks[para - 1].kind != Kind::Break {
                para -= 1;
            }
            let named = |np: &(usize, usize)| (np.0..np.1).any(|k| doc.is_cap(k));
            if let Some(spk) = left_np(doc, colon, para).filter(named) {
                used[qi] = true;
                let mut content = vec![Span::new(q.start, q.end)];
                follow_pieces(doc, q.close + 1, q.close + 1, &mut content, used);
                found.push(Found {
                    content,
                    cue: None,
                    speaker: Some(spk),
                    confidence: 0.7,
                });
                continue;
            }
        }
        // Colon label.
        if q.open >= 2 && doc.toks[q.open - 1].is_punct(':') {
            m = q.open - 1;
            let mut s = m;
            while s > 0 && doc.toks[s - 1].is_word() && doc.is_cap(s - 1) && m - s < 4 {
                s -= 1;
            }
            let starts_line = s == 0 || doc.toks[s - 1].kind == Kind::Break;
            if s < m && starts_line {
                used[qi] = true;
                let mut content = vec![Span::new(q.start, q.end)];
                follow_pieces(doc, q.close + 1, q.close + 1, &mut content, used);
                found.push(Found {
                    content,
                    cue: Some((m, m + 1)),
                    speaker: Some((s, m)),
                    confidence: 0.7,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{doc, words};
    use super::*;

    #[test]
    fn a_dash_credit_names_the_speaker() {
        let d = doc("\"We will rebuild\" — Mayor Ann Lee");
        let mut found = Vec::new();
        let mut used = vec![false; d.quotes.len()];
        uncovered_quotes(&d, &mut found, &mut used);
        assert_eq!(found.len(), 1);
        assert_eq!(words(&d, found[0].speaker.unwrap()), "Mayor Ann Lee");
    }

    #[test]
    fn a_colon_label_is_a_speaker_but_a_heading_is_not() {
        let d = doc("Lopez: Well, no one knows.\n\nCorrection: The vote was Monday.");
        let mut found = Vec::new();
        colon_labels(&d, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(words(&d, found[0].speaker.unwrap()), "Lopez");
    }
}
