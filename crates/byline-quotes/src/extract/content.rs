//! Content span: where reported content starts and ends inside its sentence.

use byline_tokenize::Span;

use super::cues::Cue;
use super::decision::Tag;
use super::doc::Doc;
use super::speaker::right_np;
use super::speaker::{left_np, quantity_alone, skip_verb_group_left, subject_np};
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

/// Words that open a clause of contrast or time after a comma and, with a speaker of their
/// own after them, end the reported clause before: `..., while others said ...`, `..., whereas
/// Petraeus acknowledged ...`, `..., after half said so`. Not `as` (`..., as the minister
/// said`, a source of the clause before, not a clause of its own) nor `but` (joined like `and`).
const CONTRAST_OPENERS: &[&str] = &[
    "while", "whereas", "although", "though", "however", "after", "before",
];

/// The comma before a clause opener ([`CONTRAST_OPENERS`], or `even as`, `even though`,
/// `even while`) that comes right before the speaker phrase starting at `s`, outside quotation
/// marks and inside the sentence starting at `a`. Not a comma right after `that` (`said that,
/// while others said ..., he would stay`): the clause then opens the reported one.
fn contrast_comma(doc: &Doc<'_>, s: usize, a: usize) -> Option<usize> {
    let ok = |comma: usize| {
        comma > a
            && doc.in_quote[comma] == 0
            && doc.toks[comma].is_punct(',')
            && !doc.lower_is(comma - 1, "that")
    };
    if s < a + 2 {
        return None;
    }
    let opener = CONTRAST_OPENERS.iter().any(|w| doc.lower_is(s - 1, w));
    // `even as`, `even though`: the opener is two words.
    let even = s >= a + 3 && doc.lower_is(s - 2, "even") && (opener || doc.lower_is(s - 1, "as"));
    if even {
        ok(s - 3).then_some(s - 3)
    } else if opener {
        ok(s - 2).then_some(s - 2)
    } else {
        None
    }
}

/// Words after a comma that end reported content given as an infinitive (`vowed to fight on,
/// while ...`): what follows is the speaker's doing, told by the writer, not the aim reported.
const INFINITIVE_ENDS: &[&str] = &["while", "whereas", "though", "although", "after", "but"];

/// Words ending in `-ing` that are no participle opening a phrase of the speaker's doing.
const NOT_PARTICIPLES: &[&str] = &[
    "including",
    "during",
    "according",
    "nothing",
    "something",
    "anything",
    "everything",
    "morning",
    "evening",
    "being",
    "notwithstanding",
    "pending",
    "regarding",
    "concerning",
    "following",
    "starting",
    "beginning",
];

/// Whether token `k` is a participle opening a phrase of the subject's doing: a lower-case
/// word in `-ing` that is no preposition or noun of [`NOT_PARTICIPLES`] (`citing`, `leaving`,
/// `saying`), and not right before a preposition (`culminating in`, `ranging from`: those
/// mostly tell of the noun before the comma).
fn participle_at(doc: &Doc<'_>, k: usize) -> bool {
    let t = &doc.toks[k];
    t.is_word()
        && !doc.is_cap(k)
        && doc.word(k).len() > 5
        && doc.word(k).ends_with("ing")
        && doc.flags(k) & (PREP | DET | TIME) == 0
        && !NOT_PARTICIPLES.iter().any(|w| doc.lower_is(k, w))
        && !(k + 1 < doc.toks.len() && doc.flags(k + 1) & PREP != 0)
}

/// Where reported content `[start, end)` without quote marks ends inside its clause, before a
/// comma that opens a clause or phrase of the writer's:
///
/// - after content given as an infinitive (`vowed to fight on, citing ...`, `sought to portray
///   herself as his heir, while raising questions ...`), a participle or a word of
///   [`INFINITIVE_ENDS`];
/// - after any content, `however` opening a clause (`said they would vote for her, however
///   this time that number has dropped`), not `however` between commas nor before an adjective
///   or adverb it modifies (`however small`, `however much`).
///
/// Content holding a quotation keeps its end: its words are the speaker's own.
pub(super) fn clause_end(doc: &Doc<'_>, start: usize, end: usize) -> usize {
    if (start..end).any(|k| doc.in_quote[k] != 0 || doc.toks[k].is_quote()) {
        return end;
    }
    // `to` and a verb: not `to the ...`, `to them`, `to Paris`, a phrase of place or a hearer.
    let infinitive = doc.lower_is(start, "to")
        && start + 1 < end
        && doc.toks[start + 1].is_word()
        && !doc.is_cap(start + 1)
        && doc.flags(start + 1) & (DET | PRON | PREP | TIME) == 0;
    for k in start + 2..end.saturating_sub(1) {
        if !doc.toks[k].is_punct(',') {
            continue;
        }
        let n = k + 1;
        if infinitive
            && (participle_at(doc, n) || INFINITIVE_ENDS.iter().any(|w| doc.lower_is(n, w)))
        {
            return k;
        }
        if doc.lower_is(n, "however")
            && n + 2 < end
            && doc.toks[n + 1].is_word()
            && doc.flags(n + 1) & ADV == 0
            && !doc.is_ly(n + 1)
            && ![
                "much", "many", "long", "often", "small", "large", "few", "little",
            ]
            .iter()
            .any(|w| doc.lower_is(n + 1, w))
        {
            return k;
        }
    }
    end
}

/// Nouns of a medium or an occasion of speech: `in a statement`, `during an interview`.
const MEDIA: &[&str] = &[
    "statement",
    "interview",
    "speech",
    "tweet",
    "tweets",
    "email",
    "e-mail",
    "letter",
    "post",
    "posting",
    "ruling",
    "report",
    "op-ed",
    "editorial",
    "debate",
    "rally",
    "hearing",
    "conference",
    "video",
    "appearance",
    "memo",
    "filing",
    "call",
    "address",
    "briefing",
    "message",
    "column",
    "essay",
    "book",
    "remarks",
    "broadcast",
    "podcast",
    "documentary",
    "visit",
    "meeting",
    "forum",
    "event",
    "session",
    "ceremony",
];

/// Plural nouns of a medium, after `in` or `during` with no article: `in early-morning tweets`.
const PLURAL_MEDIA: &[&str] = &[
    "tweets",
    "remarks",
    "interviews",
    "speeches",
    "statements",
    "posts",
    "emails",
    "letters",
    "comments",
    "ads",
    "videos",
];

/// Places of publishing after `on` or `via`: `on Twitter`, `on CNN`.
const SITES: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "cnn",
    "msnbc",
    "fox",
    "television",
    "tv",
    "radio",
    "air",
];

/// Where reported content `[start, end)` ends before a phrase naming where or how it was said,
/// `in` or `during` and `a` or `an`, at most two words and a noun of [`MEDIA`]: `called for more
/// investment in a statement on Thursday`, `said as much in an interview`, `denied it during a
/// recent appearance`, `in early-morning tweets` ([`PLURAL_MEDIA`]), `on Twitter` ([`SITES`]),
/// or by a time phrase closing the content (`endorsed Smith on Thursday`, `last week`). The
/// phrase tells of the reporting, not of what was reported. Only after
/// an object of at most six words with no auxiliary, pronoun or clause word (`as much` aside)
/// and no quotation: a clause's own phrase may tell where its events happened (`said that she
/// was treated badly during a phone call`). Not after `that` or a conjunction, nor where `as`,
/// `that`, `because`, `about`, `why`, `how` or `whether` follows the phrase (`described the
/// group in an interview as a remnant`, where the content goes on).
pub(super) fn medium_end(doc: &Doc<'_>, start: usize, end: usize) -> usize {
    // An object: a few words with no auxiliary, pronoun or clause word among them.
    let object = |k: usize| {
        doc.flags(start) & PREP == 0
            && k - start <= 6
            && (start..k).all(|m| {
                doc.in_quote[m] == 0 && doc.flags(m) & (AUX | PRON | BOUNDARY) == 0
                    || doc.lower_is(m, "as")
            })
    };
    for k in start + 1..end {
        if !object(k) {
            break;
        }
        if doc.in_quote[k] != 0 {
            continue;
        }
        // `endorsed Clinton on Thursday`, `attacked Machado last week`: when it was said.
        if doc.flags(k - 1) & DET == 0 && time_end(doc, k, end).is_some() {
            return k;
        }
        if k + 1 >= end {
            continue;
        }
        let det = doc.lower_is(k + 1, "a") || doc.lower_is(k + 1, "an");
        let noun = if doc.lower_is(k, "in") || doc.lower_is(k, "during") {
            // `in a statement`, `during a recent interview`, `in early-morning tweets`.
            let (from, list) = if det {
                (k + 2, MEDIA)
            } else {
                (k + 1, PLURAL_MEDIA)
            };
            (from..(from + 3).min(end))
                .take_while(|&m| doc.toks[m].is_word() && doc.in_quote[m] == 0)
                .find(|&m| list.iter().any(|w| doc.lower_is(m, w)))
        } else if doc.lower_is(k, "on") || doc.lower_is(k, "via") {
            // `on Twitter`, `on CNN`.
            SITES
                .iter()
                .any(|w| doc.lower_is(k + 1, w))
                .then_some(k + 1)
        } else {
            None
        };
        let Some(noun) = noun else {
            continue;
        };
        let goes_on = (noun + 1..end).any(|m| {
            doc.in_quote[m] == 0
                && ["as", "that", "because", "about", "why", "how", "whether"]
                    .iter()
                    .any(|w| doc.lower_is(m, w))
        });
        if !goes_on {
            return k;
        }
    }
    end
}

/// Day and month names, and other words that name a time alone after a preposition.
const DATES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "tonight",
];

/// Words that, before a unit of time, make a time phrase: `last week`, `earlier this month`.
const TIME_LEADS: &[&str] = &["last", "earlier", "this", "next", "late", "early"];

/// Units of time after a word of [`TIME_LEADS`] or a date: `week`, `Monday night`.
const TIME_UNITS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
];

/// Words that may follow a time phrase closing reported content: the sentence goes on with the
/// writer's words (`endorsed Trump last week and has appeared at his side`).
const AFTER_TIME: &[&str] = &["and", "but"];

/// The end of a time phrase of the reporting starting at token `k` and closing the content
/// `[.., end)`: `Thursday`, `on Friday`, `in July`, `since Monday night`, `last week`,
/// `earlier this month`. `None` where no such phrase starts there, or where the content goes on
/// after it (`a levy last year on polluters`, `this week's convention`).
fn time_end(doc: &Doc<'_>, k: usize, end: usize) -> Option<usize> {
    let word = |m: usize, list: &[&str]| {
        m < end && doc.in_quote[m] == 0 && list.iter().any(|w| doc.lower_is(m, w))
    };
    let mut m = k;
    if word(m, &["on", "in", "since"]) {
        m += 1;
    }
    if word(m, &["earlier", "later"]) && word(m + 1, &["this", "last"]) {
        m += 1;
    }
    // `last week`, `late Monday`, `this Sunday`.
    if word(m, TIME_LEADS) && (word(m + 1, TIME_UNITS) || word(m + 1, DATES)) {
        m += 1;
    }
    if word(m, DATES) {
        m += 1;
        // `May 2015`, `March 3`.
        if m < end && matches!(doc.toks[m].kind, Kind::Number) {
            m += 1;
        }
    } else if m > k && word(m, TIME_UNITS) {
        m += 1;
    } else {
        return None;
    }
    if word(m, TIME_UNITS) {
        m += 1;
    }
    let closes = m >= end
        || matches!(doc.toks[m].kind, Kind::Punct(',' | ';' | '.' | '—' | '–'))
        || word(m, AFTER_TIME);
    closes.then_some(m)
}

/// Words that open a subordinate clause fronted inside reported content, before its main
/// clause and a comma: `said that if it failed, he would quit`.
const FRONTED_OPENERS: &[&str] = &[
    "if", "when", "whenever", "while", "because", "although", "though", "after", "before", "once",
    "unless", "until", "since", "as",
];

/// Whether token `k` opens a fronted subordinate clause ([`FRONTED_OPENERS`]), outside
/// quotation marks.
pub(super) fn opens_fronted(doc: &Doc<'_>, k: usize) -> bool {
    k < doc.toks.len() && doc.in_quote[k] == 0 && FRONTED_OPENERS.iter().any(|w| doc.lower_is(k, w))
}

/// Whether content `[start, end)` ends inside a subordinate clause fronted in a later `that`
/// clause of it: `said a swap was hard but that if he made one` before `, he should have
/// ...`. The last `that` must come after the start, be followed by an opener, and no comma may
/// stand between the opener and the end.
pub(super) fn fronted_after_that(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let Some(k) = (start + 1..end)
        .rev()
        .find(|&k| doc.in_quote[k] == 0 && doc.lower_is(k, "that"))
    else {
        return false;
    };
    k + 2 < end
        && opens_fronted(doc, k + 1)
        && !doc.lower_is(k + 1, "as")
        && (k + 2..end).all(|m| !matches!(doc.toks[m].kind, Kind::Punct(',' | ';' | ':')))
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
                } else if c.class & (SAY | TELL | BELIEF) != 0 {
                    // `X said A, while Y said B`: so does a new speaker in a clause of
                    // contrast or time opened after a comma, when the verb reports speech
                    // or a view (not `while very few support her`, a stance). The speaker
                    // with its modifiers: `though officials in Brussels said`.
                    let s = subject_np(doc, j, a).map_or(s, |np| np.0);
                    if let Some(comma) = contrast_comma(doc, s, a) {
                        stops.push(comma);
                    }
                }
            }
        }
    }
    // A new clause joined by `, and` / `, but` / `;` ends a reported clause.
    for k in a..b.saturating_sub(2) {
        if doc.in_quote[k] != 0 {
            continue;
        }
        // The comma may close a quotation (`"non-entities," but he added ...`).
        let comma = doc.toks[k].is_punct(',')
            || doc.is_closing_quote(k) && k > a && doc.toks[k - 1].is_punct(',');
        let joined = (comma && (doc.lower_is(k + 1, "and") || doc.lower_is(k + 1, "but")))
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
            // After a closing mark the content keeps the mark and stops at the conjunction.
            stops.push(if doc.toks[k].is_quote() { k + 1 } else { k });
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

    /// The text of `[start, clause_end)` for the content opening at `first` in `text`.
    fn clause(text: &str, first: &str) -> String {
        let d = super::super::testing::doc(text);
        let start = super::super::testing::tok(&d, first, 0);
        let end = d.toks.len() - 1;
        let e = clause_end(&d, start, end);
        super::super::testing::words(&d, (start, e)).to_string()
    }

    #[test]
    fn an_infinitive_ends_before_a_participle_or_an_opener_of_the_writer() {
        let cases = [
            ("He vowed to fight on, citing his record.", "to fight on"),
            (
                "She sought to calm markets, while raising rates.",
                "to calm markets",
            ),
            (
                "They pledged to rebuild, though costs are rising.",
                "to rebuild",
            ),
            (
                "He refused to resign, but the board met anyway.",
                "to resign",
            ),
            ("It hopes to expand, after profits doubled.", "to expand"),
        ];
        for (text, want) in cases {
            assert_eq!(clause(text, "to"), want, "{text}");
        }
    }

    #[test]
    fn an_infinitive_keeps_a_phrase_that_tells_of_its_noun_or_a_list() {
        let cases = [
            (
                "She hopes to fix the missteps, culminating in the debate.",
                "to fix the missteps, culminating in the debate",
            ),
            (
                "He vowed to cut taxes, including the estate tax.",
                "to cut taxes, including the estate tax",
            ),
            // `to the campaign` is no infinitive.
            (
                "He gave support to the campaign, citing its aims.",
                "to the campaign, citing its aims",
            ),
            // A quotation's words are the speaker's own.
            (
                "He vowed to \"fight on, citing\" his record.",
                "to \"fight on, citing\" his record",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(clause(text, "to"), want, "{text}");
        }
    }

    #[test]
    fn however_opening_a_clause_ends_the_content() {
        assert_eq!(
            clause(
                "Half said they would vote for her, however that number has dropped.",
                "they"
            ),
            "they would vote for her"
        );
        for text in [
            "Half said they would vote for her, however small the margin.",
            "Half said they would vote for her, however, and then left.",
            "Half said they would vote for her, however reluctantly.",
        ] {
            let got = clause(text, "they");
            assert!(got.contains("however"), "{text}: {got}");
        }
    }

    #[test]
    fn a_new_speaker_after_a_comma_and_an_opener_ends_the_content_before() {
        for opener in [
            "while",
            "whereas",
            "although",
            "though",
            "after",
            "even as",
            "even though",
        ] {
            let text = format!("Lopez said the plan failed, {opener} Smith said it worked.");
            let d = super::super::testing::doc(&text);
            let cs = super::super::cues::cues(&d, 0, d.toks.len());
            let tags = vec![None; cs.len()];
            let stops = content_stops(&d, &cs, &tags, 0, d.toks.len());
            let comma = super::super::testing::tok(&d, ",", 0);
            assert!(stops.contains(&comma), "{text}: {stops:?}");
        }
        // Not right after `that`, where the clause opens the reported one.
        let text = "Lopez said that, while Smith said it worked, the plan failed.";
        let d = super::super::testing::doc(text);
        let cs = super::super::cues::cues(&d, 0, d.toks.len());
        let tags = vec![None; cs.len()];
        let stops = content_stops(&d, &cs, &tags, 0, d.toks.len());
        let comma = super::super::testing::tok(&d, ",", 0);
        assert!(!stops.contains(&comma), "{text}: {stops:?}");
    }

    #[test]
    fn a_clause_fronted_after_a_later_that_holds_the_content_past_its_comma() {
        let d = super::super::testing::doc(
            "He said it was hard but that if Obama made one, he should insist.",
        );
        let start = super::super::testing::tok(&d, "it", 0);
        let comma = super::super::testing::tok(&d, ",", 0);
        assert!(fronted_after_that(&d, start, comma));
        // Not when the opener's clause has ended at an earlier comma, nor for `as`.
        let d = super::super::testing::doc(
            "He said it was hard but that if Obama made one, he agreed, and then left.",
        );
        let start = super::super::testing::tok(&d, "it", 0);
        let comma = super::super::testing::tok(&d, ",", 0);
        let second = super::super::testing::tok(&d, ",", comma + 1);
        assert!(!fronted_after_that(&d, start, second));
        let d =
            super::super::testing::doc("He said it was hard but that as Obama left, he agreed.");
        let start = super::super::testing::tok(&d, "it", 0);
        let comma = super::super::testing::tok(&d, ",", 0);
        assert!(!fronted_after_that(&d, start, comma));
        let d = super::super::testing::doc("If it fails, he will quit.");
        assert!(opens_fronted(&d, 0));
    }

    #[test]
    fn an_object_ends_before_the_medium_it_was_said_in() {
        let end_of = |text: &str, first: &str| {
            let d = super::super::testing::doc(text);
            let start = super::super::testing::tok(&d, first, 0);
            let e = medium_end(&d, start, d.toks.len() - 1);
            super::super::testing::words(&d, (start, e)).to_string()
        };
        assert_eq!(
            end_of("He criticized the plan in a statement on Friday.", "the"),
            "the plan"
        );
        assert_eq!(
            end_of("He said as much during an interview.", "as"),
            "as much"
        );
        assert_eq!(
            end_of("He attacked Machado in early-morning tweets.", "Machado"),
            "Machado"
        );
        assert_eq!(
            end_of("He blamed local officials on Twitter.", "local"),
            "local officials"
        );
        assert_eq!(
            end_of(
                "He condemned the plan in statements because it failed.",
                "the"
            ),
            "the plan in statements because it failed"
        );
        for (text, first) in [
            // A clause's phrase, an `as` going on, a quotation, or a long object.
            ("He said they were wrong during a hearing.", "they"),
            ("She described the plan in an interview as reckless.", "the"),
            ("He condemned \"the attack in a\" statement.", "\""),
            (
                "He praised the very long and detailed new plan of the city in a statement.",
                "the",
            ),
        ] {
            let d = super::super::testing::doc(text);
            let start = super::super::testing::tok(&d, first, 0);
            let end = d.toks.len() - 1;
            assert_eq!(medium_end(&d, start, end), end, "{text}");
        }
    }

    #[test]
    fn a_time_phrase_closing_an_object_is_when_it_was_said() {
        let end_of = |text: &str| {
            let d = super::super::testing::doc(text);
            let start = super::super::testing::tok(&d, "X", 0);
            let e = medium_end(&d, start, d.toks.len() - 1);
            super::super::testing::words(&d, (start, e)).to_string()
        };
        for text in [
            "He endorsed X on Thursday.",
            "He endorsed X Thursday.",
            "He endorsed X late Monday, although few noticed.",
            "He endorsed X last week and left.",
            "He endorsed X earlier this month.",
            "He endorsed X in May 2015.",
            "He endorsed X on Sunday night.",
        ] {
            assert_eq!(end_of(text), "X", "{text}");
        }
        for text in [
            // The content goes on after the time, or the date modifies a noun.
            "He proposed X last year on polluters.",
            "He praised X this week's vote.",
            "He endorsed X the Monday deadline.",
            "He endorsed X on Thursday's ballot.",
        ] {
            let d = super::super::testing::doc(text);
            let start = super::super::testing::tok(&d, "X", 0);
            let end = d.toks.len() - 1;
            assert_eq!(medium_end(&d, start, end), end, "{text}");
        }
    }

    #[test]
    fn a_piece_cutting_a_quotation_widens_to_hold_it() {
        let d = super::super::testing::doc("He called it \"a total disaster\" today.");
        let inside = super::super::testing::tok(&d, "total", 0);
        let p = piece(&d, inside, inside + 1).unwrap();
        assert_eq!(p.as_str(d.text), "\"a total disaster\"");
    }
}
