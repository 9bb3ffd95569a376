//! Candidate cues: the words and phrases of a sentence that may report speech or a view.

use super::doc::Doc;
use super::speaker::CONTACT_VERBS;
use crate::lexicon::*;
use crate::scan::Kind;

pub(super) struct Cue {
    /// First and one-past-last token of the cue group.
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) class: u32,
    pub(super) ing: bool,
    pub(super) according: bool,
    pub(super) attitude: bool,
    /// Reports a view with no one holding it in the clause (`X is expected to`): the whole
    /// clause is the content.
    pub(super) impersonal: bool,
}

impl Cue {
    /// The cue of tokens `[a, b)` reporting a view no one in the clause holds.
    pub(super) fn impersonal(a: usize, b: usize) -> Cue {
        Cue {
            a,
            b,
            class: 0,
            ing: false,
            according: false,
            attitude: false,
            impersonal: true,
        }
    }
}

pub(super) fn cues(doc: &Doc<'_>, a: usize, b: usize) -> Vec<Cue> {
    let mut out = Vec::new();
    for i in a..b {
        let t = &doc.toks[i];
        if !t.is_word() || doc.in_quote[i] != 0 {
            continue;
        }
        let f = t.flags;
        // Most words are no cue: only those the lexicon flags, and `according`, `appears`,
        // `seems` and their forms, go on (this loop sees every word outside quotations).
        if f & (CUE | PHRASAL | VERBISH) == 0
            && !matches!(
                doc.word(i).as_bytes().first(),
                Some(b'a' | b'A' | b's' | b'S')
            )
        {
            continue;
        }
        if doc.lower_is(i, "according") && doc.lower_is(i + 1, "to") {
            out.push(Cue {
                a: i,
                b: i + 2,
                class: SAY,
                ing: false,
                according: true,
                attitude: false,
                impersonal: false,
            });
            continue;
        }
        // `Her rivals seemed unsure`: an impression held by no one named.
        let seems_to = ["appears", "appeared", "seems"]
            .iter()
            .any(|w| doc.lower_is(i, w))
            && doc.lower_is(i + 1, "to");
        if doc.lower_is(i, "seemed") || seems_to {
            out.push(Cue::impersonal(i, i + 1));
            continue;
        }
        if f & PHRASAL != 0 && !doc.is_cap(i) {
            let found = PHRASAL_CUES.iter().find(|(heads, rest, _)| {
                heads.iter().any(|h| doc.lower_is(i, h))
                    && rest
                        .iter()
                        .enumerate()
                        .all(|(n, w)| doc.lower_is(i + 1 + n, w))
            });
            // `put it` reports speech only in an `as` clause (`as one aide put it`), not in
            // `she put it on the table`.
            let put_it = doc.lower_is(i, "put") || doc.lower_is(i, "puts");
            let as_clause = (i.saturating_sub(8).max(a)..i).rev().find(|&k| {
                !(doc.toks[k].is_word() || matches!(doc.toks[k].kind, Kind::Number))
                    || doc.lower_is(k, "as")
            });
            let found = found.filter(|_| {
                !put_it || as_clause.is_some_and(|k| doc.lower_is(k, "as") && k + 1 < i)
            });
            if let Some((_, rest, class)) = found {
                out.push(Cue {
                    a: i,
                    b: (i + 1 + rest.len()).min(b),
                    class: *class,
                    ing: doc.word(i).ends_with("ing"),
                    according: false,
                    attitude: false,
                    impersonal: false,
                });
                continue;
            }
        }
        if f & VERBISH != 0 && !doc.is_cap(i) {
            // `expressed (deep) concern`, `voiced doubts`.
            let mut j = i + 1;
            if j < b && doc.toks[j].is_word() && doc.flags(j) & ATTITUDE == 0 && doc.is_ly(j) {
                j += 1;
            }
            if j < b
                && doc.toks[j].is_word()
                && doc.flags(j) & ATTITUDE == 0
                && j + 1 < b
                && doc.flags(j + 1) & ATTITUDE != 0
            {
                j += 1;
            }
            if j < b && doc.flags(j) & ATTITUDE != 0 {
                out.push(Cue {
                    a: i,
                    b: j + 1,
                    class: SAY,
                    ing: f & F_ING != 0 || doc.word(i).ends_with("ing"),
                    according: false,
                    attitude: true,
                    impersonal: false,
                });
                continue;
            }
            if (doc.lower_is(i, "went") || doc.lower_is(i, "goes")) && doc.lower_is(i + 1, "on") {
                let mut e = i + 2;
                if doc.lower_is(e, "to") && e + 1 < b && doc.flags(e + 1) & SAY != 0 {
                    e += 2;
                } else if e < b && doc.toks[e].is_word() && !doc.lower_is(e, "to") {
                    // `The rally went on for hours.`
                    continue;
                }
                out.push(Cue {
                    a: i,
                    b: e,
                    class: SAY,
                    ing: false,
                    according: false,
                    attitude: false,
                    impersonal: false,
                });
                continue;
            }
            if doc.lower_is(i, "pointed") && doc.lower_is(i + 1, "out") {
                out.push(Cue {
                    a: i,
                    b: i + 2,
                    class: SAY,
                    ing: false,
                    according: false,
                    attitude: false,
                    impersonal: false,
                });
            }
            continue;
        }
        // A headline in title case: `Clinton Says Trump Is Unfit`.
        let headline = f & F_S != 0 && i > a && doc.is_cap(i - 1) && doc.flags(i - 1) & TITLE == 0;
        if f & CUE == 0 || doc.is_cap(i) && i > a && !headline {
            continue;
        }
        // A noun after a determiner (`a claim`, `the report`), but not a verb after a
        // quantity standing alone (`one in three said`, `many say`).
        const ALONE: &[&str] = &[
            "one", "two", "three", "four", "five", "both", "all", "many", "several", "some",
            "most", "few", "others", "more",
        ];
        if i > a
            && doc.toks[i - 1].is_word()
            && doc.flags(i - 1) & DET != 0
            && doc.flags(i - 1) & PRON == 0
            && !(f & (F_PAST | F_BASE) != 0 && ALONE.iter().any(|w| doc.lower_is(i - 1, w)))
        {
            continue;
        }
        // A noun after an indefinite article and one word describing it (`a strong signal
        // that`, `an hourlong show`, `a massive snap exercise`): a singular subject would take
        // `signals`, so a bare form there is no verb. Not after a quantity (`a few say`).
        const QUANTITY: &[&str] = &[
            "few",
            "lot",
            "number",
            "majority",
            "minority",
            "handful",
            "couple",
            "third",
            "quarter",
            "half",
            "plurality",
            "dozen",
        ];
        if i > a + 1
            && f & F_BASE != 0
            && f & (F_S | F_PAST | F_ING) == 0
            && (doc.lower_is(i - 2, "a") || doc.lower_is(i - 2, "an"))
            && doc.toks[i - 1].is_word()
            && !doc.is_cap(i - 1)
            && doc.in_quote[i - 1] == 0
            && !QUANTITY.iter().any(|w| doc.lower_is(i - 1, w))
        {
            continue;
        }
        // An infinitive (`declined to say`), except `went on to say`; a past or third-person
        // form after `to` is no infinitive (`the voters we spoke to said`).
        // Nor is a verb after `we spoke to` (`The voters we spoke to say`).
        let infinitive_form = f & F_BASE != 0 || f & (F_PAST | F_S | F_ING) == 0;
        let contact = i > a + 2
            && CONTACT_VERBS.iter().any(|w| doc.lower_is(i - 2, w))
            && doc.flags(i - 3) & PRON != 0;
        if i > a
            && doc.lower_is(i - 1, "to")
            && infinitive_form
            && !contact
            && !(i > a + 1 && doc.lower_is(i - 2, "on"))
            && eager_infinitive(doc, i, a).is_none()
        {
            continue;
        }
        // A passive (`was told`, `is expected`) reports no speaker of its own.
        if f & F_PAST != 0 && i > a {
            let mut j = i - 1;
            while j > a && (doc.flags(j) & ADV != 0 || doc.is_ly(j)) {
                j -= 1;
            }
            let passive = ["was", "were", "is", "are", "be", "been", "being"]
                .iter()
                .any(|w| doc.lower_is(j, w));
            // `He was asked whether ...`: the question is reported, by no one named.
            if passive && !doc.lower_is(i, "asked") {
                // `Obama is expected to join her`: an expectation held by no one named.
                let finite = ["was", "were", "is", "are"]
                    .iter()
                    .any(|w| doc.lower_is(j, w));
                if finite && doc.lower_is(i, "expected") && doc.lower_is(i + 1, "to") {
                    out.push(Cue::impersonal(j, i + 1));
                }
                continue;
            }
        }
        let mut end = i + 1;
        if (doc.lower_is(i, "referred")
            || doc.lower_is(i, "referring")
            || doc.lower_is(i, "refers"))
            && doc.lower_is(i + 1, "to")
        {
            end = i + 2;
        }
        let mut class = f & CUE;
        // `called for an inquiry`, `called on Congress to act`.
        if ["called", "calls", "calling"]
            .iter()
            .any(|w| doc.lower_is(i, w))
            && (doc.lower_is(i + 1, "for")
                || doc.lower_is(i + 1, "on")
                    && i + 2 < b
                    && doc.flags(i + 2) & TIME == 0
                    && !matches!(doc.toks[i + 2].kind, Kind::Number))
        {
            end = i + 2;
            class |= EVAL;
        } else if ["called", "calls", "calling"]
            .iter()
            .any(|w| doc.lower_is(i, w))
            && i + 2 < b
            && doc.toks[i + 2].is_word()
            && [
                "him",
                "her",
                "them",
                "it",
                "himself",
                "herself",
                "themselves",
                "itself",
                "us",
                "me",
            ]
            .iter()
            .any(|w| doc.lower_is(i + 1, w))
        {
            // `called him a political opportunist`: the naming is the content.
            class |= EVAL;
        }
        out.push(Cue {
            a: i,
            b: end,
            class,
            ing: f & F_ING != 0,
            according: false,
            attitude: false,
            impersonal: false,
        });
    }
    out
}

/// Adjectives of a speaker's haste or care before an infinitive of speech (`was quick to point
/// out`, `was careful to note`, `is eager to stress`), which report the speech as made.
const EAGER: &[&str] = &[
    "quick", "careful", "eager", "keen", "swift", "anxious", "hasty",
];

/// Where the verb group before an infinitive of speech at `i` starts when an adjective of haste
/// or care takes it (`was quick to point out`, `was at pains to stress`): the adjective (or
/// `at`), so that the speaker is found before it; `None` for other infinitives (`declined to
/// say`).
pub(super) fn eager_infinitive(doc: &Doc<'_>, i: usize, a: usize) -> Option<usize> {
    if i < a + 3 || !doc.lower_is(i - 1, "to") || doc.in_quote[i - 2] != 0 {
        return None;
    }
    if EAGER.iter().any(|w| doc.lower_is(i - 2, w)) {
        return Some(i - 2);
    }
    (doc.lower_is(i - 2, "pains") && doc.lower_is(i - 3, "at")).then_some(i - 3)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{doc, words};
    use super::*;

    fn cue_words(text: &str) -> Vec<String> {
        let d = doc(text);
        let (a, b) = d.sents[0];
        cues(&d, a, b)
            .iter()
            .map(|c| words(&d, (c.a, c.b)).to_string())
            .collect()
    }

    #[test]
    fn verbs_phrases_and_according_to_are_candidates() {
        assert_eq!(cue_words("The mayor said the bridge is safe."), ["said"]);
        assert_eq!(
            cue_words("According to the police, two died."),
            ["According to"]
        );
        assert_eq!(
            cue_words("She expressed concern that it failed."),
            ["expressed concern"]
        );
    }

    #[test]
    fn nouns_infinitives_and_passives_are_not() {
        assert!(cue_words("The claim was false.").is_empty());
        // `declined` is a stance; the infinitive `to say` is not a cue of its own.
        assert_eq!(cue_words("She declined to say."), ["declined"]);
        assert!(cue_words("He was told to leave.").is_empty());
    }
}
