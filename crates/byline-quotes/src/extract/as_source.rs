//! A source in an `as` clause: `As the mayor noted, the city has no money left.`, `The city has
//! no money left, as the mayor said.`, `Hawaii, as one adviser pointed out, rarely gets two
//! storms.` The `as` clause holds the speaker and the verb and nothing else; the rest of the
//! sentence is what was said.

use super::content::{content_end, piece};
use super::cues::Cue;
use super::doc::Doc;
use super::pieces::mark_used;
use super::speaker::skip_verb_group_left;
use super::Found;
use crate::lexicon::*;
use crate::scan::Kind;

/// Words that may open a sentence before a fronted `as` clause (`Of course, as X noted, ...`,
/// `But as X said, ...`).
const OPENERS: &[&str] = &[
    "of",
    "course",
    "and",
    "but",
    "so",
    "yet",
    "still",
    "indeed",
    "now",
    "however",
    "meanwhile",
    "in",
    "fact",
    "again",
    "also",
    "then",
];

/// The attribution of a speech verb `c` in an `as` clause of sentence `[a, b)`: the verb's
/// subject (after `as`) speaks, and the content is the sentence around the clause, from the
/// clause's comma to the sentence's next stop, or before it when the clause ends the sentence.
/// `None` where the verb has words of its own after it (`as he explained how ...` reports what
/// follows the verb, found with the other cues).
pub(super) fn as_source(
    doc: &Doc<'_>,
    c: &Cue,
    a: usize,
    b: usize,
    stops: &[usize],
    used: &mut [bool],
) -> Option<Found> {
    if c.class & SAY == 0 || c.ing || c.according || c.impersonal || c.attitude {
        return None;
    }
    // The speaker: every word between `as` and the verb group (`as one of his aides put it`).
    let j = skip_verb_group_left(doc, c.a, a);
    let as_at = (j.saturating_sub(10).max(a)..j).rev().find(|&k| {
        let t = &doc.toks[k];
        doc.lower_is(k, "as")
            || doc.in_quote[k] != 0
            || t.is_quote()
            || t.kind == Kind::Break
            || matches!(
                t.kind,
                Kind::Punct(',' | ';' | ':' | '(' | ')' | '—' | '–' | '.' | '!' | '?')
            )
    })?;
    if !doc.lower_is(as_at, "as") || as_at + 1 >= j || doc.in_quote[as_at] != 0 {
        return None;
    }
    let (s, e) = (as_at + 1, j);
    // A phrase holding a verb is no speaker (`as the vote was counted, he said`); a possessive
    // `'s` is no verb (`as Mr. Obama's advisers noted`).
    if (s..e).any(|m| {
        doc.flags(m) & (AUX | CUE | BOUNDARY) != 0
            && !doc.is_cap(m)
            && !doc.lower_is(m, "and")
            && !doc.word(m).starts_with(['\'', '’'])
    }) {
        return None;
    }
    // Speakers joined by `and` each open like a noun phrase (`the mayor and the governor`),
    // not `as prices rose and he said`.
    let opens_np = |m: usize| doc.is_cap(m) || doc.flags(m) & (DET | PRON | SPEAKER_NOUN) != 0;
    let joined = (s..e).any(|m| doc.lower_is(m, "and"));
    if joined
        && (!opens_np(s)
            || (s..e).any(|m| doc.lower_is(m, "and") && !(m + 1 < e && opens_np(m + 1))))
    {
        return None;
    }
    // After the verb: adverbs and times only (`reported just today`, `noted recently`, `said
    // on Tuesday`), then
    // a comma, a dash or the sentence's end.
    let mut k = c.b;
    while k < b && k < c.b + 4 && doc.toks[k].is_word() && doc.in_quote[k] == 0 {
        if doc.is_ly(k) || doc.flags(k) & (TIME | ADV) != 0 {
            k += 1;
        } else if doc.flags(k) & PREP != 0
            && k + 1 < b
            && (doc.flags(k + 1) & TIME != 0 || matches!(doc.toks[k + 1].kind, Kind::Number))
        {
            // `said on Tuesday`, `put it in 2016`.
            k += 2;
        } else {
            break;
        }
    }
    let ends_sentence = k >= b || matches!(doc.toks[k].kind, Kind::Punct('.' | '!' | '?'));
    let comma = k < b && matches!(doc.toks[k].kind, Kind::Punct(',' | '—' | '–'));
    if !(ends_sentence || comma) {
        return None;
    }
    // The words before `as`: none, openers only, or a part of the content.
    let before_comma = as_at > a && doc.is_comma_like(as_at - 1);
    let opener_only =
        (a..as_at).all(|m| doc.toks[m].is_punct(',') || OPENERS.iter().any(|w| doc.lower_is(m, w)));
    let mut content = Vec::new();
    if !opener_only {
        // `CONTENT, as X said` or `X, as Y noted, REST`.
        if !before_comma {
            return None;
        }
        let mut from = a;
        while from < as_at - 1 && matches!(doc.toks[from].kind, Kind::Punct(_)) {
            from += 1;
        }
        content.push(piece(doc, from, as_at - 1)?);
        mark_used(doc, from, as_at - 1, used);
    }
    if comma && k + 1 < b {
        let end = content_end(k + 1, b, stops);
        if let Some(p) = piece(doc, k + 1, end) {
            content.push(p);
            mark_used(doc, k + 1, end, used);
        }
    }
    if content.is_empty() {
        return None;
    }
    Some(Found {
        content,
        cue: Some((c.a, c.b)),
        speaker: Some((s, e)),
        confidence: 0.7,
    })
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::super::testing::{doc, read};

    /// Speaker and content pieces of each attribution found in `text`.
    fn found(text: &str) -> Vec<(String, Vec<String>)> {
        let d = doc(text);
        read(&d, &extract(&d))
    }

    #[test]
    fn a_fronted_as_clause_credits_the_rest_of_the_sentence() {
        assert_eq!(
            found("As the mayor noted, the city has no money left."),
            [(
                "the mayor".to_string(),
                vec!["the city has no money left.".to_string()]
            )]
        );
        assert_eq!(
            found("But as Clyburn noted, voters will look again.")[0].0,
            "Clyburn"
        );
    }

    #[test]
    fn a_closing_or_inner_as_clause_credits_the_words_around_it() {
        assert_eq!(
            found("The city has no money left, as the mayor said."),
            [(
                "the mayor".to_string(),
                vec!["The city has no money left".to_string()]
            )]
        );
        assert_eq!(
            found("Hawaii, as one adviser pointed out, rarely gets two storms."),
            [(
                "one adviser".to_string(),
                vec!["Hawaii".to_string(), "rarely gets two storms.".to_string()]
            )]
        );
    }

    #[test]
    fn a_verb_with_words_of_its_own_is_no_as_source() {
        let got = found("He smiled as he explained how hard it is to run.");
        assert!(got.iter().all(|(_, c)| c[0].starts_with("how")), "{got:?}");
    }
}
