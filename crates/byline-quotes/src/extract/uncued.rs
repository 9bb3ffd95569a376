//! Quotations no cue claims: a dash credit (`"..." — Commissioner X`), a colon label
//! (`Lopez: ...`, `Trump: "..."`).

use byline_tokenize::Span;

use super::doc::Doc;
use super::pieces::follow_pieces;
use super::speaker::{first_np, inverted_np, left_np, right_np};
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
    // Byte starts of quoted labels (`"WALLACE:`), and the attributions of labelled lines.
    let mut labels: Vec<usize> = Vec::new();
    let mut lines: Vec<Found> = Vec::new();
    let mut p = 0;
    while p < toks.len() {
        let para = p;
        let mut end = p;
        while end < toks.len() && toks[end].kind != Kind::Break {
            end += 1;
        }
        p = end + 1;
        // A transcript quoted paragraph by paragraph: `"WALLACE: ...` / `"PENCE: ...`.
        // The mark may be left unpaired where a quotation inside the line uses the same mark.
        let quoted = para < end && toks[para].is_quote();
        let label = if quoted { para + 1 } else { para };
        let mut k = label;
        while k < end && k - label < 5 && toks[k].is_word() && doc.is_cap(k) {
            k += 1;
        }
        if k == label || k - label > 4 || k + 1 >= end || !toks[k].is_punct(':') {
            continue;
        }
        // Inside a quote mark only a speaker's name in capitals is a label (`"WALLACE:`), not
        // a quoted heading (`"Rule one: ...`).
        if quoted && !(label..k).all(|w| doc.word(w).chars().all(|c| !c.is_lowercase())) {
            continue;
        }
        let first = doc.word(label).to_ascii_lowercase();
        if NOT_SPEAKERS.contains(&first.as_str())
            || (label..k).any(|w| doc.flags(w) & (TIME | PREP | BOUNDARY) != 0)
        {
            continue;
        }
        // `Clinton: 547.` is a tally, not a statement.
        if !(k + 1..end).any(|w| toks[w].is_word()) {
            continue;
        }
        let (cs, ce) = (toks[k + 1].start, toks[end - 1].end);
        if quoted {
            labels.push(toks[label].start);
        } else {
            let covered = {
                let i = taken.partition_point(|c| c.end <= cs);
                i < taken.len() && taken[i].start < ce
            };
            if covered {
                continue;
            }
        }
        lines.push(Found {
            content: vec![Span::new(cs, ce)],
            cue: Some((k, k + 1)),
            speaker: Some((label, k)),
            confidence: 0.6,
        });
    }
    // A quoted label is no part of any content: an attribution that took one in misread the
    // line (`"PENCE: Well, look, Clinton apparently thinks ...` is not what Clinton thinks).
    // One pass over the found, the labels (in text order) searched: linear in the lines.
    if !labels.is_empty() {
        found.retain(|f| {
            !f.content.iter().any(|c| {
                let i = labels.partition_point(|&l| l < c.start);
                i < labels.len() && labels[i] < c.end
            })
        });
    }
    found.extend(lines);
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
            // `"..." — In a statement, the council said ...`: a sentence after the dash, not a
            // credit; the attribution it makes, if any, credits the quotation too.
            if m < doc.toks.len() && doc.flags(m) & (PREP | BOUNDARY | ADV | TIME) != 0 {
                if let Some(f) = attribution_after(doc, found, m) {
                    used[qi] = true;
                    found.push(Found {
                        content: vec![Span::new(q.start, q.end)],
                        cue: f.cue,
                        speaker: f.speaker,
                        confidence: 0.6,
                    });
                }
                continue;
            }
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
                let content = with_pieces(doc, qi, used);
                found.push(Found {
                    content,
                    cue: None,
                    speaker: Some(spk),
                    confidence: 0.7,
                });
                continue;
            }
        }
        // `"...," said he to Temple`, `"...?" inquired Gregory sarcastically`.
        if let Some(f) = trailing_tag(doc, qi, used) {
            found.push(f);
            continue;
        }
        // `The girl smiled. "I'll go through with it."`
        if let Some(f) = after_a_beat(doc, qi, found, used) {
            found.push(f);
            continue;
        }
        // `Said Ellis: "..."`
        if let Some(f) = fronted_cue(doc, qi, used) {
            found.push(f);
            continue;
        }
        // `The minister was blunt: "No bailout."`
        if let Some(f) = predicate_colon(doc, qi) {
            used[qi] = true;
            found.push(f);
            continue;
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
                let content = with_pieces(doc, qi, used);
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

/// A tag right after a quotation that ends on a comma, a question or an exclamation, whose
/// speaker goes on with a phrase of manner, a hearer or a clause: `"...," said he to Temple`,
/// `"...?" inquired Gregory sarcastically`, `"...," I pleaded in terror`, `"...," interrupted
/// Curtis, harshly`. The quotation and the pieces after the tag (`, "B."`) are the content.
/// (A tag whose speaker ends its clause is found with the sentence's cues.)
fn trailing_tag(doc: &Doc<'_>, qi: usize, used: &mut [bool]) -> Option<Found> {
    let q = doc.quotes[qi];
    if !q.closed || q.close < 2 {
        return None;
    }
    let n = doc.toks.len();
    let mut k = q.close + 1;
    let inside = &doc.toks[q.close - 1];
    let open_ended = inside.is_punct(',')
        || inside.is_punct('?')
        || inside.is_punct('!')
        || matches!(inside.kind, Kind::Punct('—' | '–' | '-'));
    if k < n && doc.toks[k].is_punct(',') {
        k += 1;
    } else if !open_ended {
        return None;
    }
    if k + 1 >= n || doc.in_quote[k] != 0 {
        return None;
    }
    let si = doc.sents.partition_point(|s| s.1 <= k);
    let (a, b) = *doc.sents.get(si)?;
    // A quotation standing as its own sentence (after the sentence's start, a full stop or
    // another quotation), not words quoted inside a clause (`what she calls the “silver
    // standard,” she says`, `to chants of "Marco! Marco!," the senator said`, where the
    // quotation's own marks end a sentence before the tag's).
    let standalone = q.open == a
        || q.open == 0
        || doc.toks[q.open - 1].kind == Kind::Break
        || doc.toks[q.open - 1].is_quote()
        || matches!(
            doc.toks[q.open - 1].kind,
            Kind::Punct('.' | '?' | '!' | ':')
        );
    if !standalone {
        return None;
    }
    let speech = |i: usize| {
        i < b
            && doc.toks[i].is_word()
            && doc.in_quote[i] == 0
            && !doc.is_cap(i)
            && doc.flags(i) & (SAY | TELL) != 0
            && doc.flags(i) & (F_PAST | F_S) != 0
    };
    let (cue, spk) = if speech(k) {
        // `said he`, `inquired Gregory`.
        let spk = inverted_np(doc, k + 1, b, true)?;
        (k, spk)
    } else {
        // `he rejoined`, `I timidly explained`, `the girl cried`.
        let spk = if doc.flags(k) & PRON != 0 {
            (k, k + 1)
        } else {
            right_np(doc, k, b)?
        };
        let mut v = spk.1;
        while v < b && doc.is_ly(v) {
            v += 1;
        }
        if !speech(v) {
            return None;
        }
        (v, spk)
    };
    let named = doc.flags(spk.0) & PRON != 0
        || (spk.0..spk.1).any(|i| doc.is_cap(i))
        || doc.flags(spk.0) & DET != 0;
    if !named {
        return None;
    }
    used[qi] = true;
    let mut content = vec![Span::new(q.start, q.end)];
    follow_pieces(doc, spk.1.max(cue + 1), b, &mut content, used);
    Some(Found {
        content,
        cue: Some((cue, cue + 1)),
        speaker: Some(spk),
        confidence: 0.75,
    })
}

/// A quotation that opens its sentence with no tag, right after a short sentence of what a
/// person did (`The girl smiled. "I'll go through with it."`, `He lowered his voice. "I'm
/// carrying papers."`, `Lopez paused. "We will not back down."`): the person who acted speaks.
/// The sentence before must hold no quotation (after a turn of dialogue the next quotation is
/// the other speaker's) and open with the person: a pronoun, a name or a role, then a verb; and
/// the person must not be the one quoted last (then the quotation goes on with that one).
fn after_a_beat(doc: &Doc<'_>, qi: usize, found: &[Found], used: &mut [bool]) -> Option<Found> {
    let q = doc.quotes[qi];
    if !q.closed || q.open == 0 {
        return None;
    }
    let si = doc.sents.partition_point(|s| s.1 <= q.open);
    let (a, _) = *doc.sents.get(si)?;
    let (pa, pb) = *doc.sents.get(si.checked_sub(1)?)?;
    if q.open != a || pb + 2 < a || pb <= pa || pb - pa > 12 {
        return None;
    }
    // The same paragraph, and a sentence ended by a full stop or an exclamation.
    if (pb..a).any(|k| doc.toks[k].kind == Kind::Break)
        || !(doc.toks[pb - 1].is_punct('.') || doc.toks[pb - 1].is_punct('!'))
    {
        return None;
    }
    if (pa..pb).any(|k| doc.in_quote[k] != 0 || doc.toks[k].is_quote()) {
        return None;
    }
    let (s, e) = first_np(doc, pa, pb)?;
    if s != pa || e >= pb {
        return None;
    }
    let pronoun =
        e == s + 1 && doc.flags(s) & PRON != 0 && !doc.lower_is(s, "it") && !doc.lower_is(s, "you");
    // A name or a role.
    // A single capitalised word opening the sentence may be a common noun (`Prices rose.`):
    // it is a name only where the entity mentions say so or the document also writes it
    // capitalised inside a sentence (`Maria Lopez ...` before `Lopez paused.`).
    let role = doc.flags(e - 1) & SPEAKER_NOUN != 0;
    let named = role
        || (s..e).any(|k| doc.is_cap(k) && doc.flags(k) & (DET | PRON | BOUNDARY) == 0)
            && (e > s + 1 || doc.is_name(s) || named_inside_a_sentence(doc, s));
    // The verb after it: a lower-case word that is no preposition, conjunction or time, nor an
    // auxiliary (`He didn't suggest retaliation.` tells what was not done, not a beat of the
    // telling).
    let verb = doc.toks[e].is_word()
        && !doc.is_cap(e)
        && doc.flags(e) & (PREP | BOUNDARY | TIME | DET | PRON | AUX) == 0;
    if !(pronoun || named) || !verb {
        return None;
    }
    // `"A," says Ann Lee. Lee backs Clinton. "B."`: where the one quoted last is the same
    // person, the quotation goes on with what was said before it, no new attribution.
    let last = |np: (usize, usize)| doc.word(np.1 - 1).to_lowercase();
    let before = q.start;
    let goes_on = found
        .iter()
        .filter(|o| o.content.last().is_some_and(|c| c.end <= before))
        .max_by_key(|o| o.content.last().map_or(0, |c| c.end))
        .is_some_and(|o| o.speaker.map(last) == Some(last((s, e))));
    if goes_on {
        return None;
    }
    let content = with_pieces(doc, qi, used);
    Some(Found {
        content,
        cue: None,
        speaker: Some((s, e)),
        confidence: 0.5,
    })
}

/// Quotation `qi` and the pieces that carry it on after its closing mark (`"A." ... "B."`
/// reopened in the next paragraph), all marked used in `used`.
fn with_pieces(doc: &Doc<'_>, qi: usize, used: &mut [bool]) -> Vec<Span> {
    let q = doc.quotes[qi];
    used[qi] = true;
    let mut content = vec![Span::new(q.start, q.end)];
    follow_pieces(doc, q.close + 1, q.close + 1, &mut content, used);
    content
}

/// How far back [`named_inside_a_sentence`] looks, in tokens: enough for a long article, and
/// a bound on the work per quotation in a hostile text.
const NAME_LOOKBACK: usize = 4096;

/// Whether the word at token `s` appears before it, capitalised the same way, after another word
/// (so not only where every sentence is capitalised): the mark of a name.
fn named_inside_a_sentence(doc: &Doc<'_>, s: usize) -> bool {
    let w = doc.word(s);
    (s.saturating_sub(NAME_LOOKBACK).max(1)..s)
        .any(|k| doc.toks[k - 1].is_word() && doc.toks[k].is_word() && doc.word(k) == w)
}

/// A quotation after an inverted speech verb that opens its sentence and its speaker, then a
/// colon or a comma: `Said Ellis: "..."`, `Added the minister, "..."`. Marks the quotation (and
/// the pieces that carry it on) used.
fn fronted_cue(doc: &Doc<'_>, qi: usize, used: &mut [bool]) -> Option<Found> {
    let q = doc.quotes[qi];
    let mark = q.open.checked_sub(1)?;
    if !(doc.toks[mark].is_punct(':') || doc.toks[mark].is_punct(',')) {
        return None;
    }
    let si = doc.sents.partition_point(|s| s.1 <= mark);
    let (a, _) = *doc.sents.get(si)?;
    if a + 1 >= mark
        || doc.in_quote[a] != 0
        || !doc.is_cap(a)
        || doc.flags(a) & SAY == 0
        || doc.flags(a) & PRON != 0
    {
        return None;
    }
    let spk = inverted_np(doc, a + 1, mark, false)?;
    if spk.1 != mark {
        return None;
    }
    let content = with_pieces(doc, qi, used);
    Some(Found {
        content,
        cue: Some((a, a + 1)),
        speaker: Some(spk),
        confidence: 0.75,
    })
}

/// The attribution found so far whose cue is in the sentence starting at token `m`.
fn attribution_after<'f>(doc: &Doc<'_>, found: &'f [Found], m: usize) -> Option<&'f Found> {
    let si = doc.sents.partition_point(|s| s.1 <= m);
    let (_, b) = *doc.sents.get(si)?;
    found
        .iter()
        .find(|f| f.speaker.is_some() && f.cue.is_some_and(|(ca, _)| m <= ca && ca < b))
}

/// Possessive determiners that name the speaker of what they own (`Her answer was short:`).
const POSSESSIVES: &[&str] = &["his", "her", "their", "our", "my"];

/// A quotation after a colon that ends a clause about a person with a predicate other than a
/// speech verb: `The minister was blunt: "No bailout."`, `Her answer was short: "..."`,
/// `Lopez's reply was one word: "No."`. The subject (or its possessor) is the speaker, the
/// predicate the cue.
fn predicate_colon(doc: &Doc<'_>, qi: usize) -> Option<Found> {
    let q = doc.quotes[qi];
    let colon = q.open.checked_sub(1)?;
    if !doc.toks[colon].is_punct(':') {
        return None;
    }
    let si = doc.sents.partition_point(|s| s.1 <= colon);
    let (a, _) = *doc.sents.get(si)?;
    if colon <= a + 1 || colon - a > 12 {
        return None;
    }
    // A clause of words only, with a verb of being or seeming and no speech verb.
    let words_only = (a..colon).all(|k| {
        let t = &doc.toks[k];
        doc.in_quote[k] == 0
            && (t.is_word() || t.is_punct('.') && k > a && doc.toks[k - 1].is_word())
    });
    let copula = [
        "was", "is", "were", "are", "seemed", "sounded", "looked", "remained",
    ];
    let Some(verb) = (a..colon).find(|&k| copula.iter().any(|w| doc.lower_is(k, w))) else {
        return if words_only {
            possessed_words(doc, qi, a, colon)
        } else {
            None
        };
    };
    if !words_only || (a..colon).any(|k| doc.flags(k) & (SAY | TELL) != 0) {
        return None;
    }
    let possessive = POSSESSIVES.iter().any(|w| doc.lower_is(a, w));
    let speaker = if possessive {
        // The possessor, where the subject is something a person owns.
        if verb - a > 4 {
            return None;
        }
        (a, a + 1)
    } else if let Some(k) =
        (a + 1..verb).find(|&k| doc.word(k).starts_with(['\'', '’']) && doc.word(k).len() > 1)
    {
        // `Lopez's reply`: the named possessor.
        if !(a..k).all(|m| doc.is_cap(m)) || verb - k > 4 {
            return None;
        }
        (a, k)
    } else {
        let (s, e) = first_np(doc, a, verb)?;
        let named = (s..e).any(|k| doc.is_cap(k) && doc.flags(k) & DET == 0);
        if e != verb || !(named || doc.flags(e - 1) & (PRON | SPEAKER_NOUN) != 0) {
            return None;
        }
        (s, e)
    };
    // The caller marks the quotation used; the pieces after it stay free.
    let content = with_pieces(doc, qi, &mut vec![false; doc.quotes.len()]);
    Some(Found {
        content,
        cue: Some((verb, colon)),
        speaker: Some(speaker),
        confidence: 0.6,
    })
}

/// Nouns of what a person says, owned by the speaker before a colon: `Her answer: "..."`.
const SAID_NOUNS: &[&str] = &[
    "answer",
    "reply",
    "response",
    "retort",
    "message",
    "verdict",
    "advice",
    "words",
    "reaction",
    "explanation",
    "warning",
    "plea",
    "promise",
    "pitch",
    "comment",
    "statement",
    "assessment",
    "conclusion",
    "argument",
    "view",
    "take",
    "question",
    "request",
    "demand",
];

/// A quotation after a colon that ends a noun of saying owned by its speaker: `Her answer:
/// "..."`, `Lopez's reply: "..."`, `His blunt message: "..."`, `Senator Lopez's response:
/// "..."`. The owner is the speaker, the noun the cue.
fn possessed_words(doc: &Doc<'_>, qi: usize, a: usize, colon: usize) -> Option<Found> {
    let noun = colon - 1;
    if !SAID_NOUNS.iter().any(|w| doc.lower_is(noun, w)) || doc.is_cap(noun) && noun > a {
        return None;
    }
    let speaker = if POSSESSIVES.iter().any(|w| doc.lower_is(a, w)) {
        // At most one word describing the noun (`His blunt message:`).
        if noun - a > 2 {
            return None;
        }
        (a, a + 1)
    } else {
        let k = (a + 1..noun)
            .find(|&k| doc.word(k).starts_with(['\'', '’']) && doc.word(k).len() > 1)?;
        if !(a..k).all(|m| doc.is_cap(m)) || noun - k > 2 {
            return None;
        }
        (a, k)
    };
    // The caller marks the quotation used; the pieces after it stay free.
    let content = with_pieces(doc, qi, &mut vec![false; doc.quotes.len()]);
    Some(Found {
        content,
        cue: Some((noun, noun + 1)),
        speaker: Some(speaker),
        confidence: 0.6,
    })
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
    fn a_quotation_after_a_predicate_and_a_colon_is_its_subjects() {
        for (text, speaker, cue) in [
            (
                "The minister was blunt: \"No bailout.\"",
                "The minister",
                "was blunt",
            ),
            ("Her answer was short: \"We are done.\"", "Her", "was short"),
            (
                "Lopez's reply was one word: \"No.\"",
                "Lopez",
                "was one word",
            ),
        ] {
            let d = doc(text);
            let f = predicate_colon(&d, 0).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(words(&d, f.speaker.unwrap()), speaker);
            assert_eq!(words(&d, f.cue.unwrap()), cue);
        }
        // Not a person: `The message was clear: "..."`.
        assert!(predicate_colon(&doc("The message was clear: \"Go home.\""), 0).is_none());
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
