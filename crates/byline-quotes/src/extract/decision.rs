//! Cue decision: whether a cue is a tag after its content (`..., X said`) or introduces what
//! follows it (`X said that ...`, `X said: "..."`), and what kind of complement follows.

use super::cues::Cue;
use super::doc::Doc;
use super::speaker::*;
use crate::lexicon::*;
use crate::scan::Kind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Comp {
    Colon(usize),
    That(usize),
    Quote(usize),
    Clause(usize),
    None,
}

/// What follows the cue group ending at `c.b`.
pub(super) fn complement(doc: &Doc<'_>, c: &Cue, b: usize) -> Comp {
    let mut j = c.b;
    // Particles and adverbs right after the verb.
    while j < b
        && doc.toks[j].is_word()
        && (doc.is_ly(j)
            || doc.lower_is(j, "out")
            || doc.lower_is(j, "also")
            || doc.lower_is(j, "again"))
    {
        j += 1;
    }
    if j >= b {
        return Comp::None;
    }
    // `said, without evidence, that ...`, `proclaimed - falsely - that ...`: an aside between
    // commas or dashes before `that` or a quotation.
    if let Some(m) = aside_end(doc, j, b) {
        if doc.lower_is(m + 1, "that") && doc.in_quote[m + 1] == 0 {
            return Comp::That(m + 1);
        }
        if doc.quote_opening_at(m + 1).is_some() {
            return Comp::Quote(m + 1);
        }
    }
    let first = j;
    let t = &doc.toks[first];
    if t.is_punct(':') {
        return Comp::Colon(first + 1);
    }
    if t.is_punct(',') && first + 1 < b && doc.quote_opening_at(first + 1).is_some() {
        return Comp::Quote(first + 1);
    }
    if doc.quote_opening_at(first).is_some() {
        return Comp::Quote(first);
    }
    if doc.lower_is(first, "that") {
        return Comp::That(first);
    }
    if !t.is_word() && !matches!(t.kind, Kind::Number) {
        return Comp::None;
    }
    let f = t.flags;
    let tell = c.class & TELL != 0;
    if c.class & (SAY | TELL) == 0 && c.class & BELIEF != 0 {
        // `hopes to win`: a hope names its aim.
        let hope = ["hope", "hopes", "hoped", "hoping"]
            .iter()
            .any(|w| doc.lower_is(c.a, w));
        let clause = (f & (PRON | DET) != 0 || doc.is_cap(first)) && f & PREP == 0
            || hope && doc.lower_is(first, "to");
        return if clause {
            Comp::Clause(first)
        } else {
            Comp::None
        };
    }
    if f & PRON != 0 && !tell {
        return Comp::Clause(first);
    }
    // `said the vote was a sign that ...`: a clause starts right away unless a time, a
    // preposition or an adverb sits between the verb and `that`.
    if !tell && f & (PREP | TIME) == 0 && !doc.is_ly(first) && !matches!(t.kind, Kind::Number) {
        return Comp::Clause(first);
    }
    // Look ahead past a hearer, a time or `in a statement` for `that`, a colon or a quote.
    let mut k = first;
    let limit = (first + if tell { 16 } else { 10 }).min(b);
    while k < limit {
        let t = &doc.toks[k];
        if t.is_punct(':') {
            return Comp::Colon(k + 1);
        }
        if doc.lower_is(k, "that") && doc.in_quote[k] == 0 {
            // `that` as a determiner (`said that day`) is not a complementiser.
            if !(k + 1 < b && doc.flags(k + 1) & TIME != 0) {
                return Comp::That(k);
            }
        }
        if doc.quote_opening_at(k).is_some() {
            if k > first && (doc.toks[k - 1].is_punct(',') || doc.toks[k - 1].is_punct(':')) {
                return Comp::Quote(k);
            }
            break;
        }
        if t.is_punct(',') {
            if k + 1 < b && doc.quote_opening_at(k + 1).is_some() {
                return Comp::Quote(k + 1);
            }
            if !tell {
                break;
            }
        } else if let Some(m) = aside_end(doc, k, limit) {
            // `proclaimed in July - falsely - that ...`.
            k = m + 1;
            continue;
        } else if !t.is_word() && !matches!(t.kind, Kind::Number) {
            break;
        }
        k += 1;
    }
    Comp::Clause(first)
}

/// Where an aside opened by the comma or dash at `k` closes: the same mark again within eight
/// tokens, with only words between (`, without evidence,`, `- falsely -`), before `b - 1`.
fn aside_end(doc: &Doc<'_>, k: usize, b: usize) -> Option<usize> {
    let mark = match doc.toks.get(k)?.kind {
        Kind::Punct(ch @ (',' | '—' | '–' | '-')) => ch,
        _ => return None,
    };
    if doc.in_quote[k] != 0 {
        return None;
    }
    let limit = (k + 9).min(b.saturating_sub(1));
    for m in k + 2..limit {
        let t = &doc.toks[m];
        if t.is_punct(mark) {
            return Some(m);
        }
        if !(t.is_word() || matches!(t.kind, Kind::Number))
            || doc.in_quote[m] != 0
            || doc.lower_is(m, "that")
            || t.flags & CUE != 0
        {
            return None;
        }
    }
    None
}

/// For a post-posed tag: (comma index ending the content, content start, speaker).
pub(super) type Tag = (usize, usize, (usize, usize));

/// Whether a speaker noun phrase ending before `k` closes its clause (`said X.`, `said X, who`).
pub(super) fn np_closes(doc: &Doc<'_>, k: usize, b: usize) -> bool {
    k >= b
        || !doc.toks[k].is_word()
        || doc.flags(k) & (PREP | TIME) != 0
        || doc.lower_is(k, "who")
        || doc.lower_is(k, "which")
        || doc.is_ly(k)
        || doc.flags(k) & ADV != 0 && !doc.is_cap(k)
}

/// Finds a post-posed tag for cue `c`.
pub(super) fn post_tag(doc: &Doc<'_>, c: &Cue, a: usize, b: usize) -> Option<Tag> {
    if c.attitude || c.class & (SAY | BELIEF | TELL) == 0 || passive_asked(doc, c, a) {
        return None;
    }
    if c.according {
        if c.a > a + 1 && doc.is_comma_like(c.a - 1) {
            let spk = according_np(doc, c.b, b)?;
            // `X, according to Y, Z`: a fronted source, not a tag.
            if spk.1 < b && doc.toks[spk.1].is_punct(',') && spk.1 + 2 < b && c.a - a <= 6 {
                return None;
            }
            return Some((c.a - 1, a, spk));
        }
        // `Clinton leads by 271 delegates according to a count by AP.`
        if c.a > a + 3 && doc.in_quote[c.a - 1] == 0 && doc.toks[c.a - 1].is_word() {
            let spk = according_np(doc, c.b, b)?;
            if (spk.1..b).all(|k| matches!(doc.toks[k].kind, Kind::Punct(_))) {
                return Some((c.a, a, spk));
            }
        }
        return None;
    }
    if c.ing {
        return None;
    }
    // Inverted: `"...," said X`.
    if c.a > a + 1 && doc.is_comma_like(c.a - 1) && c.class & SAY != 0 {
        let mut k = c.b;
        while k < b && doc.is_ly(k) {
            k += 1;
        }
        let after_quote = doc.quote_ends_at(c.a - 1);
        if let Some(spk) = inverted_np(doc, k, b, after_quote) {
            // After indirect content, `said the burden of ...` is a clause, not a speaker.
            let closes = if after_quote {
                np_closes(doc, spk.1, b)
            } else {
                spk.1 >= b || !doc.toks[spk.1].is_word() || doc.lower_is(spk.1, "who")
            };
            // `X's manager, Corey Lewandowski, said the staff ...`: names between commas are
            // the subject, not content.
            let apposition = !after_quote
                && c.a - a <= 14
                && (a..c.a - 1).any(|k| doc.toks[k].is_punct(','))
                && (a..c.a - 1).all(|k| {
                    let t = &doc.toks[k];
                    t.is_punct(',')
                        || t.is_punct('.')
                        || t.is_word()
                            && (t.flags & (AUX | CUE | VERBISH) == 0
                                || doc.word(k).starts_with(['\'', '’']))
                            && (doc.is_cap(k) || !doc.word(k).ends_with("ed"))
                });
            if closes && !apposition {
                return Some((c.a - 1, a, spk));
            }
        }
    }
    let j = skip_verb_group_left(doc, c.a, a);
    let (s, e) = match subject_np(doc, j, a) {
        Some(np) => np,
        // `"...," Jenna Golden, Twitter's director, said`.
        None if j > a && doc.toks[j - 1].is_punct(',') => parenthetical_subject(doc, j - 1, a)?,
        None => return None,
    };
    // `a spokesman for committee Democrats said`: the phrase reaches back to the comma.
    let s = reach_comma(doc, s, a)?;
    if s <= a + 1 {
        return None;
    }
    let after_quote = doc.quote_ends_at(s - 1);
    // The tag must not introduce content of its own (a quotation before it always wins).
    let comp = complement(doc, c, b);
    // ... unless a fronted phrase ends in a quoted title and a clause follows the verb
    // (`In an interview on "Face the Nation," Ryan said the shootings ...`).
    // (A quotation opened in an earlier sentence, `chants of "Marco! Marco!,"`, starts one only
    // where no word comes right before its opening mark.)
    let quote_starts_sentence = doc.quote_ended_at(s - 1).is_some_and(|q| {
        let open = doc.quotes[q].open;
        open <= a + 1 && (open >= a || open == 0 || !doc.toks[open - 1].is_word())
    });
    let clause_after = matches!(comp, Comp::Clause(k) if doc.flags(k) & (DET | PRON) != 0);
    if after_quote && !matches!(comp, Comp::Colon(_)) && (quote_starts_sentence || !clause_after) {
        return Some((s - 1, a, (s, e)));
    }
    // `Walking in to chants of "Marco! Marco!," the senator said his campaign ...`: a quotation
    // inside a phrase before the speaker, and a clause after the verb: the cue introduces that
    // clause and tags nothing.
    if after_quote && clause_after {
        return None;
    }
    // The sentence opens with a preposition and reaches the quotation with no comma: a
    // setting naming a programme or a paper (`On "Fox News Sunday," Pence said his ...`).
    let setting = after_quote
        && doc.flags(a) & PREP != 0
        && doc.quote_ended_at(s - 1).is_some_and(|q| {
            let open = doc.quotes[q].open;
            (a..open).all(|k| doc.toks[k].is_word() || matches!(doc.toks[k].kind, Kind::Number))
        });
    if setting {
        return None;
    }
    match comp {
        Comp::Colon(_) | Comp::That(_) => return None,
        Comp::Quote(k) => {
            if !(after_quote && k > c.b && doc.toks[k - 1].is_punct(',')) {
                return None;
            }
        }
        Comp::Clause(k) => {
            if !after_quote && !np_closes(doc, k, b) && c.class & TELL == 0 {
                return None;
            }
            if !after_quote && c.class & TELL != 0 {
                // `..., X told reporters.` but not `..., X told him to go`.
                let obj = right_np(doc, k, b)?;
                if !np_closes(doc, obj.1, b) {
                    return None;
                }
            }
        }
        Comp::None => {}
    }
    Some((s - 1, a, (s, e)))
}

/// `X was asked ...`: the subject is asked, it says nothing.
pub(super) fn passive_asked(doc: &Doc<'_>, c: &Cue, a: usize) -> bool {
    doc.lower_is(c.a, "asked")
        && c.a > a
        && ["was", "were", "is", "are", "been", "be", "being"]
            .iter()
            .any(|w| doc.lower_is(c.a - 1, w))
}

#[cfg(test)]
mod tests {
    use super::super::cues::cues;
    use super::super::testing::{doc, words};
    use super::*;

    /// The speaker of the sentence's first cue when it is a tag after its content.
    fn tag_speaker(text: &str) -> Option<String> {
        let d = doc(text);
        let (a, b) = d.sents[0];
        let c = cues(&d, a, b).into_iter().next()?;
        post_tag(&d, &c, a, b).map(|t| words(&d, t.2).to_string())
    }

    #[test]
    fn a_cue_after_its_content_is_a_tag() {
        assert_eq!(tag_speaker("\"We won,\" she said.").as_deref(), Some("she"));
        assert_eq!(
            tag_speaker("\"We won,\" said Ann Lee.").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            tag_speaker("Prices will rise, the bank said.").as_deref(),
            Some("the bank")
        );
    }

    #[test]
    fn an_aside_before_that_is_skipped() {
        for text in [
            "She said, without evidence, that prices will rise.",
            "He proclaimed - falsely - that prices will rise.",
            "He proclaimed in July - falsely - that prices will rise.",
        ] {
            let d = doc(text);
            let (a, b) = d.sents[0];
            let c = &cues(&d, a, b)[0];
            assert!(
                matches!(complement(&d, c, b), Comp::That(k) if d.word(k) == "that"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_quotation_inside_a_fronted_phrase_is_not_tagged_by_a_verb_with_a_clause() {
        assert_eq!(
            tag_speaker("To chants of \"Marco!,\" the senator said his campaign was strong."),
            None
        );
        assert_eq!(
            tag_speaker("\"We won,\" the senator said his aides told him.").as_deref(),
            Some("the senator")
        );
    }

    #[test]
    fn a_cue_before_its_content_introduces_it() {
        assert_eq!(tag_speaker("The bank said prices will rise."), None);
        let d = doc("The bank said that prices will rise.");
        let (a, b) = d.sents[0];
        let c = &cues(&d, a, b)[0];
        assert!(matches!(complement(&d, c, b), Comp::That(_)));
    }
}
