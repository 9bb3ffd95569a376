//! Speaker span: the noun phrase that says it, before the cue (`the minister said`), after it
//! (`said the minister`), after `according to`, or around an aside.

use super::doc::Doc;
use crate::lexicon::*;
use crate::scan::Kind;

/// Skips adverbs, auxiliaries and a parenthetical between commas, going left from `end`.
pub(super) fn skip_verb_group_left(doc: &Doc<'_>, j: usize, lo: usize) -> usize {
    let j = skip_adverbs_left(doc, j, lo);
    // `Spicer on Thursday evening said`, `The agency last week said`.
    let mut k = j;
    while k > lo
        && j - k < 4
        && doc.toks[k - 1].is_word()
        && (doc.flags(k - 1) & TIME != 0 || doc.lower_is(k - 1, "here"))
    {
        k -= 1;
    }
    if k < j {
        if k > lo && doc.lower_is(k - 1, "on") {
            k -= 1;
        }
        return skip_adverbs_left(doc, k, lo);
    }
    let k = skip_paren_left(doc, j, lo);
    if k < j {
        // `McCaskill (D-Mo.) also said`: adverbs may sit on either side.
        return k;
    }
    j
}

pub(super) fn skip_adverbs_left(doc: &Doc<'_>, mut j: usize, lo: usize) -> usize {
    while j > lo {
        let p = j - 1;
        // `the minister once more said`.
        if p > lo
            && (doc.lower_is(p, "more") || doc.lower_is(p, "again"))
            && doc.lower_is(p - 1, "once")
        {
            j = p - 1;
            continue;
        }
        let t = &doc.toks[p];
        // Adverbs that also join clauses (`then`, `also`) sit between a speaker and its verb too.
        let mid = MID_ADVERBS.iter().any(|w| doc.lower_is(p, w));
        let verbal = t.flags & (AUX | ADV) != 0 && (t.flags & BOUNDARY == 0 || mid) || doc.is_ly(p);
        let clitic = t.flags & AUX != 0 && doc.word(p).starts_with(['\'', '’']);
        if t.is_word() && (!doc.is_cap(p) && verbal || clitic) {
            j = p;
        } else {
            break;
        }
    }
    j
}

/// Adverbs the lexicon also counts as clause boundaries that stand between a subject and its verb
/// (`Lopez also said`, `the minister then said`).
const MID_ADVERBS: &[&str] = &["also", "then", "not", "even", "only"];

/// Skips a short parenthesis (`(R-Ohio)`) ending right before `j`.
pub(super) fn skip_paren_left(doc: &Doc<'_>, j: usize, lo: usize) -> usize {
    if j <= lo || !doc.toks[j - 1].is_punct(')') {
        return j;
    }
    let mut k = j - 1;
    while k > lo && j - k < 10 {
        k -= 1;
        if doc.toks[k].is_punct('(') {
            return k;
        }
    }
    j
}

/// A share of people polled ending before `end`: `61 percent`, `one in four`, `nearly six in
/// 10`, `Some 22 percent of voters` is left to the noun phrase.
pub(super) fn share_np(doc: &Doc<'_>, end: usize, lo: usize) -> Option<(usize, usize)> {
    const NUMBERS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half",
    ];
    const BEFORE: &[&str] = &[
        "some", "about", "nearly", "only", "just", "almost", "than", "more", "fewer", "over",
        "around", "roughly", "another", "while", "and",
    ];
    let number = |k: usize| {
        doc.in_quote[k] == 0
            && (matches!(doc.toks[k].kind, Kind::Number)
                || NUMBERS.iter().any(|w| doc.lower_is(k, w)))
    };
    let mut k = end.checked_sub(1)?;
    if k < lo {
        return None;
    }
    if doc.lower_is(k, "percent") || doc.toks[k].is_punct('%') {
        k = k.checked_sub(1)?;
        if k < lo || !matches!(doc.toks[k].kind, Kind::Number) {
            return None;
        }
    } else if !(number(k) && k >= lo + 2 && doc.lower_is(k - 1, "in") && number(k - 2)) {
        return None;
    } else {
        k -= 2;
    }
    while k > lo
        && BEFORE[..BEFORE.len() - 2]
            .iter()
            .any(|w| doc.lower_is(k - 1, w))
    {
        k -= 1;
    }
    Some((k, end))
}

/// The noun phrase ending right before token `end` (exclusive), not reaching left of `lo`.
pub(super) fn left_np(doc: &Doc<'_>, end: usize, lo: usize) -> Option<(usize, usize)> {
    left_np_in(doc, end, lo, true)
}

/// [`left_np`], reaching past a preposition to the people it follows only when `reach` is set.
pub(super) fn left_np_in(
    doc: &Doc<'_>,
    end: usize,
    lo: usize,
    reach: bool,
) -> Option<(usize, usize)> {
    if end <= lo {
        return None;
    }
    let h = end - 1;
    if let Some(np) = share_np(doc, end, lo) {
        return Some(np);
    }
    let t = &doc.toks[h];
    if !t.is_word() || doc.in_quote[h] != 0 {
        return None;
    }
    let f = t.flags;
    // `Cruz, who said ...`: the relative pronoun stands for the speaker.
    let relative = doc.lower_is(h, "who") && h > lo && doc.toks[h - 1].is_punct(',');
    if f & PRON != 0 || relative {
        // `two of us said`: the share, not the pronoun.
        if reach && h > lo + 1 && doc.lower_is(h - 1, "of") {
            if let Some(q) = share_of(doc, h - 2, lo) {
                return Some((q, end));
            }
        }
        return Some((h, end));
    }
    let cap = doc.is_cap(h);
    // `some said`, `a few say`, `many argue`: a quantity standing alone for the people it counts.
    if f & DET != 0 {
        if let Some(s) = quantity_alone(doc, h, lo) {
            return Some((s, end));
        }
    }
    if !cap
        && (f & (BOUNDARY | PREP | DET | AUX | VERBISH | TIME) != 0
            || f & CUE != 0 && f & SPEAKER_NOUN == 0)
    {
        return None;
    }
    if cap && f & (BOUNDARY | PREP) != 0 && f & PRON == 0 {
        return None;
    }
    let mut s = h;
    let mut words = 1;
    while s > lo && words < 8 {
        let p = s - 1;
        let pt = &doc.toks[p];
        if doc.in_quote[p] != 0 || !pt.is_word() {
            break;
        }
        let pf = pt.flags;
        let pcap = doc.is_cap(p);
        if pf & PREP != 0 && !pcap {
            // `Secretary of State`, `University of Michigan`.
            if doc.lower_is(p, "of") && doc.is_cap(s) && p > lo && doc.is_cap(p - 1) {
                s = p;
                words += 1;
                continue;
            }
            break;
        }
        if pf & BOUNDARY != 0 && (!pcap || p == lo) || pf & PRON != 0 {
            break;
        }
        // `Later Maria said`, `Finally Lopez said`: an adverb opening the sentence.
        let opener = pf & (ADV | TIME) != 0 || doc.word(p).ends_with("ly") && doc.word(p).len() > 4;
        if p == lo && pcap && opener && pf & (TITLE | SPEAKER_NOUN) == 0 {
            break;
        }
        if pf & (VERBISH | AUX) != 0 && !pcap && !doc.word(p).starts_with(['\'', '’']) {
            break;
        }
        if pf & CUE != 0 && pf & (SPEAKER_NOUN | TITLE | DET) == 0 && !pcap {
            break;
        }
        if doc.is_ly(p) {
            break;
        }
        s = p;
        words += 1;
        if pf & DET != 0 && !doc.word(p).starts_with(['\'', '’']) {
            break;
        }
    }
    // A noun phrase of lower-case words only must name people or open with a determiner.
    let any_cap = (s..end).any(|k| doc.is_cap(k));
    if !any_cap {
        let head_ok =
            f & SPEAKER_NOUN != 0 || doc.word(h).ends_with('s') || doc.flags(s) & DET != 0;
        // `most of them said`, `two of us say`, `a majority of them`: a share of the people
        // the pronoun or phrase after `of` names.
        if reach && s > lo + 1 && doc.lower_is(s - 1, "of") {
            if let Some(q) = share_of(doc, s - 2, lo) {
                return Some((q, end));
            }
        }
        if !head_ok {
            // `Some advocates for stem cell research said`: the people before the preposition.
            let of = ["for", "of", "at", "from", "with"];
            if reach && s > lo + 1 && of.iter().any(|w| doc.lower_is(s - 1, w)) && end - s < 6 {
                let (ps, pe) = left_np_in(doc, s - 1, lo, false)?;
                let people =
                    doc.flags(pe - 1) & SPEAKER_NOUN != 0 || doc.word(pe - 1).ends_with('s');
                return people.then_some((ps, end));
            }
            return None;
        }
    }
    Some((s, end))
}

/// Words that count a share of a group before `of` (`most of them`, `two of us`, `none of
/// those polled`).
const SHARES: &[&str] = &[
    "some",
    "many",
    "most",
    "few",
    "several",
    "both",
    "all",
    "none",
    "each",
    "half",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "either",
    "neither",
    "any",
    "majority",
    "minority",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "plenty",
];

/// The start of a share counted at token `q` before `of`: the share word or number, with an
/// article before it (`a majority`), when it opens its clause.
fn share_of(doc: &Doc<'_>, q: usize, lo: usize) -> Option<usize> {
    let counted =
        matches!(doc.toks[q].kind, Kind::Number) || SHARES.iter().any(|w| doc.lower_is(q, w));
    if !counted || doc.in_quote[q] != 0 {
        return None;
    }
    let s = if q > lo && (doc.lower_is(q - 1, "a") || doc.lower_is(q - 1, "the")) {
        q - 1
    } else {
        q
    };
    opens_clause(doc, s, lo).then_some(s)
}

/// Quantities, determiners in the lexicon, that stand alone for the people they count (`some
/// said`, `many argue`; `others` is a plural noun phrase of its own).
const QUANTITIES: &[&str] = &["some", "many", "most", "few", "several", "both", "all"];

/// The start of a quantity standing alone as the noun phrase whose last word is `h`: `some`,
/// `a few`, `many`. Not a determiner before a noun: `h` is the phrase's last word, so the caller
/// has already seen the verb after it.
pub(super) fn quantity_alone(doc: &Doc<'_>, h: usize, lo: usize) -> Option<usize> {
    if !QUANTITIES.iter().any(|w| doc.lower_is(h, w)) {
        return None;
    }
    // `a few`, `quite a few`, `very many`.
    let mut s = h;
    if s > lo && doc.lower_is(h, "few") && doc.lower_is(s - 1, "a") {
        s -= 1;
        if s > lo && doc.lower_is(s - 1, "quite") {
            s -= 1;
        }
    } else if s > lo && doc.lower_is(s - 1, "very") {
        s -= 1;
    }
    // `they all`, `we both`: the pronoun the quantity counts.
    let counts_pronoun = doc.lower_is(h, "all") || doc.lower_is(h, "both");
    if s > lo && s == h && counts_pronoun && doc.flags(s - 1) & PRON != 0 {
        return Some(s - 1);
    }
    // Only opening its clause: not `the few`, `his many`, `the most known`, `what some argued`.
    let opens = s == lo
        || !doc.toks[s - 1].is_word() && !matches!(doc.toks[s - 1].kind, Kind::Number)
        || [
            "and", "but", "while", "whereas", "though", "although", "yet",
        ]
        .iter()
        .any(|w| doc.lower_is(s - 1, w));
    opens.then_some(s)
}

/// Prepositions that attach a modifier to a speaker (`workers at the plant`, `members of the
/// board`, `a spokesman for the council`, `officials in Kabul`).
const MODIFIER_PREPS: &[&str] = &["of", "at", "for", "from", "with", "in"];

/// Whether a subject starting at `s` opens its clause: the sentence's start, after punctuation, a
/// quote mark, a word that joins clauses, or `with` opening a phrase (`..., with officials in
/// Kyiv saying ...`).
fn opens_clause(doc: &Doc<'_>, s: usize, lo: usize) -> bool {
    if s <= lo {
        return true;
    }
    let p = &doc.toks[s - 1];
    !p.is_word() && !matches!(p.kind, Kind::Number)
        || p.flags & BOUNDARY != 0 && !doc.is_cap(s - 1)
        // `..., with officials in Kyiv saying ...`: the subject of a participle after `with`
        // that opens a phrase of its own (not `a person familiar with the planning`).
        || doc.lower_is(s - 1, "with")
            && doc.in_quote[s - 1] == 0
            && (s - 1 == lo || !doc.toks[s - 2].is_word())
}

/// The subject noun phrase of a cue, ending right before `end`: [`left_np`] widened over the
/// modifiers a speaker may carry, a prepositional phrase (`Workers at the plant`, `Inspector Lane
/// of the city police`) or a relative clause (`The officer who led the raid`), when the widened
/// phrase opens its clause.
pub(super) fn subject_np(doc: &Doc<'_>, end: usize, lo: usize) -> Option<(usize, usize)> {
    let Some((mut s, e)) = left_np(doc, end, lo) else {
        return contact_clause(doc, end, lo);
    };
    if doc.flags(s) & PRON != 0 || doc.lower_is(s, "who") {
        return Some((s, e));
    }
    for _ in 0..3 {
        if opens_clause(doc, s, lo) {
            break;
        }
        // A prepositional modifier.
        let p = s - 1;
        // `two of the voters in Ohio`: a share of the phrase.
        if p > lo && doc.lower_is(p, "of") && doc.in_quote[p] == 0 {
            if let Some(q) = share_of(doc, p - 1, lo) {
                s = q;
                break;
            }
        }
        if p > lo && doc.in_quote[p] == 0 && MODIFIER_PREPS.iter().any(|w| doc.lower_is(p, w)) {
            match left_np_in(doc, p, lo, false) {
                Some((ps, pe))
                    if pe == p && doc.flags(ps) & PRON == 0 && doc.flags(p - 1) & TIME == 0 =>
                {
                    s = ps;
                    continue;
                }
                _ => break,
            }
        }
        // A participle with its phrase: `Protesters marching through the streets`, `Residents
        // living near the plant`.
        if p > lo + 1 && doc.in_quote[p] == 0 && doc.flags(p) & PREP != 0 && !doc.is_cap(p) {
            let v = p - 1;
            let participle = doc.toks[v].is_word()
                && doc.in_quote[v] == 0
                && !doc.is_cap(v)
                && doc.word(v).len() > 5
                && doc.word(v).ends_with("ing")
                && !doc.lower_is(v, "according")
                && doc.flags(v) & (PREP | DET | BOUNDARY | TIME) == 0;
            if participle {
                match left_np_in(doc, v, lo, false) {
                    Some((ps, pe))
                        if pe == v && doc.flags(ps) & PRON == 0 && opens_clause(doc, ps, lo) =>
                    {
                        s = ps;
                        continue;
                    }
                    _ => break,
                }
            }
        }
        // A relative clause without commas: `who` after a noun phrase, then words only.
        let from = s.saturating_sub(8).max(lo + 1);
        let Some(k) = (from..s).rev().find(|&k| doc.lower_is(k, "who")) else {
            break;
        };
        let plain = (k + 1..s).all(|m| {
            doc.toks[m].is_word() && doc.in_quote[m] == 0 && doc.flags(m) & (SAY | TELL) == 0
        });
        match left_np_in(doc, k, lo, false) {
            Some((ps, pe)) if plain && pe == k && doc.flags(ps) & PRON == 0 => s = ps,
            _ => break,
        }
    }
    if opens_clause(doc, s, lo) {
        Some((coordinated_start(doc, s, lo).unwrap_or(s), e))
    } else {
        left_np(doc, end, lo)
    }
}

/// Verbs of meeting or asking people that a relative clause without `who` puts after a
/// speaker (`the voters we spoke to`, `the people I interviewed`).
pub(super) const CONTACT_VERBS: &[&str] = &[
    "spoke",
    "talked",
    "interviewed",
    "met",
    "asked",
    "reached",
    "contacted",
    "surveyed",
    "polled",
    "consulted",
    "visited",
    "heard",
    "saw",
    "quoted",
];

/// A speaker followed by a relative clause without `who` or `that`, ending right before `end`:
/// a noun phrase, a subject pronoun, a verb of meeting or asking, and a preposition at most
/// (`The voters we spoke to said`, `Residents I interviewed say`, `the officials they met
/// with said`). The whole phrase, when the noun phrase opens its clause.
fn contact_clause(doc: &Doc<'_>, end: usize, lo: usize) -> Option<(usize, usize)> {
    let mut v = end.checked_sub(1)?;
    if v > lo && (doc.lower_is(v, "to") || doc.lower_is(v, "with")) {
        v -= 1;
    }
    if v <= lo + 1 || doc.in_quote[v] != 0 || !CONTACT_VERBS.iter().any(|w| doc.lower_is(v, w)) {
        return None;
    }
    let pron = v - 1;
    let subject_pronoun = ["we", "i", "they", "he", "she", "you"]
        .iter()
        .any(|w| doc.lower_is(pron, w));
    if !subject_pronoun {
        return None;
    }
    let (s, e) = left_np_in(doc, pron, lo, false)?;
    if e != pron || doc.flags(s) & PRON != 0 || !opens_clause(doc, s, lo) {
        return None;
    }
    Some((s, end))
}

/// `Russia and Arab countries`, `Smith and Jones`, `The mayor and the governor`: where the
/// subject starting at `s` is the last of two joined by `and`, the start of the first, when
/// that one is a name, a pronoun or a determiner with a person's role, and opens its clause.
fn coordinated_start(doc: &Doc<'_>, s: usize, lo: usize) -> Option<usize> {
    if s < lo + 2 || !doc.lower_is(s - 1, "and") || doc.in_quote[s - 1] != 0 {
        return None;
    }
    // The second must be a subject too: a name, a role, a plural or a pronoun.
    let (ps, pe) = left_np_in(doc, s - 1, lo, false)?;
    // `But Smith and Jones said`: a conjunction opening the sentence opens the clause too.
    let opens = opens_clause(doc, ps, lo) || ps == lo + 1 && doc.flags(lo) & BOUNDARY != 0;
    if pe != s - 1 || !opens {
        return None;
    }
    let pron = pe == ps + 1 && doc.flags(ps) & PRON != 0;
    // A name: capitalised words (`of` inside: `the Bank of England`), none a verb's form.
    let name = (ps..pe).all(|k| {
        doc.is_cap(k) && doc.flags(k) & (AUX | CUE | VERBISH | BOUNDARY) == 0
            || k > ps && doc.lower_is(k, "of")
            || k == ps && pe > ps + 1 && doc.lower_is(k, "the")
    }) && !(pe == ps + 1 && doc.flags(ps) & (DET | TIME | ADV) != 0);
    // A role: a determiner and words ending in a person's title or role.
    let h = pe - 1;
    let role = doc.flags(ps) & DET != 0
        && doc.flags(h) & (SPEAKER_NOUN | TITLE) != 0
        && (ps + 1..pe).all(|k| doc.flags(k) & (AUX | VERBISH | BOUNDARY | PREP) == 0);
    (pron || name || role).then_some(ps)
}

/// The speaker after an inverted cue (`"...," said X`): [`right_np`], where after a closing quote
/// mark a plural noun may open it (`said workers`), widened over prepositional modifiers
/// (`said Inspector Lane of the city police`) when the widened phrase ends the clause.
pub(super) fn inverted_np(
    doc: &Doc<'_>,
    start: usize,
    hi: usize,
    after_quote: bool,
) -> Option<(usize, usize)> {
    let np = right_np(doc, start, hi)
        .or_else(|| numbered_np(doc, start, hi))
        .or_else(|| {
            let plural = after_quote
                && start < hi
                && doc.toks[start].is_word()
                && doc.in_quote[start] == 0
                && doc.word(start).ends_with('s')
                && doc.flags(start) & (BOUNDARY | PREP | AUX | TIME | CUE | ADV | DET) == 0;
            plural.then(|| {
                let mut e = start + 1;
                while e < hi
                    && e - start < 4
                    && doc.toks[e].is_word()
                    && doc.flags(e) & (BOUNDARY | PREP | AUX | TIME | CUE | ADV) == 0
                    && !doc.is_ly(e)
                {
                    e += 1;
                }
                (start, e)
            })
        })?;
    let (s, mut e) = np;
    if doc.flags(s) & PRON != 0 {
        return Some(np);
    }
    for _ in 0..3 {
        // `with a smile`, `with a shrug`: the manner of the saying, not the speaker's firm.
        let manner =
            doc.lower_is(e, "with") && (doc.lower_is(e + 1, "a") || doc.lower_is(e + 1, "an"));
        if e + 1 < hi
            && !manner
            && doc.in_quote[e] == 0
            && MODIFIER_PREPS.iter().any(|w| doc.lower_is(e, w))
        {
            if let Some((_, pe)) = right_np(doc, e + 1, hi) {
                if doc.flags(e + 1) & (PRON | TIME) == 0 && doc.flags(pe - 1) & TIME == 0 {
                    e = pe;
                    continue;
                }
            }
        }
        break;
    }
    // `said Smith and Jones`, `said the mayor and the governor`: a second subject joined by
    // `and`, ending the clause.
    if e + 1 < hi && doc.lower_is(e, "and") && doc.in_quote[e] == 0 {
        if let Some((s2, e2)) = right_np(doc, e + 1, hi) {
            let named = (s2..e2).any(|k| doc.is_cap(k))
                || doc.flags(s2) & DET != 0 && doc.flags(e2 - 1) & (SPEAKER_NOUN | TITLE) != 0;
            let ends = e2 >= hi
                || !doc.toks[e2].is_word()
                || doc.lower_is(e2, "who")
                || doc.flags(e2) & (PREP | TIME) != 0;
            if named && ends && doc.flags(s2) & PRON == 0 {
                e = e2;
            }
        }
    }
    Some((s, e))
}

/// A named speaker after a number that modifies the role before the name: `said 9/11 widow Terry
/// Strada`, `said 27-year-old nurse Ana Ruiz`, `said 49ers coach Kyle Shanahan`. The number must be
/// followed by a lower-case role word and then a name, so `said 60 Democrats voted` and `said 3
/// people died` stay content.
fn numbered_np(doc: &Doc<'_>, start: usize, hi: usize) -> Option<(usize, usize)> {
    let number =
        |k: usize| k < hi && doc.in_quote[k] == 0 && matches!(doc.toks[k].kind, Kind::Number);
    if !number(start) {
        return None;
    }
    let mut k = start + 1;
    // `9/11`, `2016-17`: numbers joined by a slash or hyphen.
    while k + 1 < hi && (doc.toks[k].is_punct('/') || doc.toks[k].is_punct('-')) && number(k + 1) {
        k += 2;
    }
    let role = k + 1 < hi
        && doc.toks[k].is_word()
        && !doc.is_cap(k)
        && doc.flags(k) & (BOUNDARY | PREP | AUX | TIME | CUE | ADV | DET | PRON | VERBISH) == 0
        && doc.toks[k + 1].is_word()
        && doc.is_cap(k + 1);
    if !role {
        return None;
    }
    let (_, e) = right_np(doc, k, hi)?;
    (e > k + 1).then_some((start, e))
}

/// The noun phrase starting at `start`: for `said X` and `according to X`.
pub(super) fn right_np(doc: &Doc<'_>, start: usize, hi: usize) -> Option<(usize, usize)> {
    if start >= hi || !doc.toks[start].is_word() || doc.in_quote[start] != 0 {
        return None;
    }
    let f0 = doc.flags(start);
    if f0 & PRON != 0 {
        return Some((start, start + 1));
    }
    // `said Tuesday`, `said Monday night`: a time, not a speaker (`said April Ryan` is a name).
    if f0 & TIME != 0
        && !(start + 1 < hi && doc.is_cap(start + 1) && doc.flags(start + 1) & TIME == 0)
    {
        return None;
    }
    let cap = doc.is_cap(start);
    let named_soon =
        (start + 1..(start + 4).min(hi)).any(|k| doc.is_cap(k) && doc.toks[k].is_word());
    if !cap && f0 & (DET | SPEAKER_NOUN) == 0 && !named_soon {
        return None;
    }
    if !cap && f0 & (BOUNDARY | PREP | AUX) != 0 {
        return None;
    }
    let mut e = start + 1;
    while e < hi && e - start < 10 {
        let t = &doc.toks[e];
        if !t.is_word() || doc.in_quote[e] != 0 {
            break;
        }
        let f = t.flags;
        let cap = doc.is_cap(e);
        if f & PRON != 0 {
            break;
        }
        if f & PREP != 0 && !cap {
            if doc.lower_is(e, "of") && e + 1 < hi && doc.is_cap(e + 1) {
                e += 1;
                continue;
            }
            break;
        }
        if !cap && (f & (BOUNDARY | AUX | TIME | CUE) != 0 && f & SPEAKER_NOUN == 0) {
            break;
        }
        if cap && f & TIME != 0 {
            break;
        }
        // `said the minister again`.
        if !cap && (f & ADV != 0 && f & SPEAKER_NOUN == 0 || doc.is_ly(e)) {
            break;
        }
        e += 1;
    }
    Some((start, e))
}

/// The source after `according to`: the words up to the next punctuation.
pub(super) fn according_np(doc: &Doc<'_>, start: usize, b: usize) -> Option<(usize, usize)> {
    let mut e = start;
    while e < b && e - start < 20 && doc.in_quote[e] == 0 {
        let t = &doc.toks[e];
        let inner = (t.is_punct('-') || t.is_punct('/') || t.is_punct('&')) && e > start;
        if !(t.is_word() || matches!(t.kind, Kind::Number) || inner) {
            break;
        }
        e += 1;
    }
    if e > start && doc.toks[start].is_word() {
        Some((start, e))
    } else {
        None
    }
}

/// The start of a speaker phrase that runs back from `s` to a comma or closing quote mark.
pub(super) fn reach_comma(doc: &Doc<'_>, s: usize, a: usize) -> Option<usize> {
    let mut k = s;
    for _ in 0..8 {
        if k <= a {
            return None;
        }
        if doc.is_comma_like(k - 1) {
            return Some(k);
        }
        let t = &doc.toks[k - 1];
        let f = t.flags;
        let lower = !doc.is_cap(k - 1);
        if !t.is_word()
            || doc.in_quote[k - 1] != 0
            || lower && f & (BOUNDARY | AUX | VERBISH | PRON) != 0
            || lower && f & CUE != 0 && f & SPEAKER_NOUN == 0
            // `..., after he admitted ...`: a subordinate clause, not a speaker phrase.
            || lower && SUBORDINATORS.iter().any(|w| doc.lower_is(k - 1, w))
        {
            return None;
        }
        k -= 1;
    }
    None
}

/// Words that open a subordinate clause: no speaker phrase runs back past one.
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "because", "although", "though", "if", "since", "until",
    "unless", "once", "whereas",
];

/// The noun phrase that opens the clause at `a` (after a fronted phrase ending in a comma).
pub(super) fn first_np(doc: &Doc<'_>, a: usize, limit: usize) -> Option<(usize, usize)> {
    // `But the court overruled and said ...`.
    let conj = ["and", "but", "so", "yet", "or"];
    let a = if a + 1 < limit
        && conj.iter().any(|w| doc.lower_is(a, w))
        && !doc.toks[a + 1].is_punct(',')
    {
        a + 1
    } else {
        a
    };
    let mut s = a;
    if doc.flags(a) & (PREP | BOUNDARY) != 0 || doc.lower_is(a, "after") {
        let mut k = a;
        while k < limit && !doc.toks[k].is_punct(',') {
            k += 1;
        }
        if k >= limit {
            return None;
        }
        s = k + 1;
    }
    if s >= limit || !doc.toks[s].is_word() {
        return None;
    }
    if doc.flags(s) & PRON != 0 {
        return Some((s, s + 1));
    }
    let mut e = s;
    while e < limit && e - s < 8 {
        let t = &doc.toks[e];
        if !t.is_word() || doc.in_quote[e] != 0 {
            break;
        }
        let f = t.flags;
        let ok = doc.is_cap(e)
            || f & (DET | TITLE | SPEAKER_NOUN) != 0
            || doc.word(e).starts_with(['\'', '’'])
            || (doc.lower_is(e, "of") && e + 1 < limit && doc.is_cap(e + 1));
        if !ok || (e > s && f & (AUX | CUE) != 0 && !doc.is_cap(e) && f & SPEAKER_NOUN == 0) {
            break;
        }
        e += 1;
    }
    if e == s || (s..e).all(|k| doc.flags(k) & DET != 0) {
        None
    } else {
        Some((s, e))
    }
}

/// `X, speaking through a translator, said`: the subject before a parenthetical ending at comma `k`.
pub(super) fn parenthetical_subject(doc: &Doc<'_>, k: usize, a: usize) -> Option<(usize, usize)> {
    let mut m = k;
    let mut n = 0;
    // A relative clause may run longer than an apposition.
    let open = (a..k).rev().take(40).find(|&i| doc.toks[i].is_punct(','));
    let relative = open.is_some_and(|i| doc.lower_is(i + 1, "who") || doc.lower_is(i + 1, "which"));
    let max = if relative { 30 } else { 24 };
    // The first noun phrase before a comma that is not the object of a preposition
    // (`Ann Ruiz, a nurse from Dayton, Ohio, said`).
    let mut best = None;
    while m > a && n < max {
        m -= 1;
        n += 1;
        if doc.toks[m].is_punct(',') {
            // `Sen. Rob Portman (R-Ohio), another incumbent, said`.
            if let Some(np) = left_np(doc, skip_paren_left(doc, m, a), a) {
                let object = np.0 > a && doc.flags(np.0 - 1) & PREP != 0 && !doc.is_cap(np.0 - 1);
                if !object {
                    return Some(np);
                }
                best.get_or_insert(np);
            }
            continue;
        }
        let t = &doc.toks[m];
        let inner_punct = t.is_punct('(') || t.is_punct(')') || t.is_punct('-') || t.is_punct('.');
        if !(t.is_word() || matches!(t.kind, Kind::Number) || inner_punct) {
            break;
        }
    }
    best
}

/// `The justice -- who had clashed with him -- said`: the subject before an aside between
/// dashes ending right before `j`.
pub(super) fn dashed_subject(doc: &Doc<'_>, j: usize, a: usize) -> Option<(usize, usize)> {
    let dash = |k: usize| matches!(doc.toks[k].kind, Kind::Punct('—' | '–' | '-'));
    if j <= a || !dash(j - 1) {
        return None;
    }
    let mut k = j - 1;
    while k > a && dash(k - 1) {
        k -= 1;
    }
    let open = (a..k).rev().take(30).find(|&m| dash(m))?;
    let mut m = open;
    while m > a && dash(m - 1) {
        m -= 1;
    }
    left_np(doc, m, a)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{doc, tok, words};
    use super::*;

    fn left(text: &str, cue: &str) -> Option<String> {
        let d = doc(text);
        let i = tok(&d, cue, 0);
        let j = skip_verb_group_left(&d, i, 0);
        left_np(&d, j, 0).map(|np| words(&d, np).to_string())
    }

    #[test]
    fn the_speaker_before_a_cue_skips_adverbs_and_times() {
        assert_eq!(
            left("The minister quickly said no.", "said").as_deref(),
            Some("The minister")
        );
        assert_eq!(
            left("Lee on Monday said no.", "said").as_deref(),
            Some("Lee")
        );
        assert_eq!(
            left("61 percent said no.", "said").as_deref(),
            Some("61 percent")
        );
    }

    #[test]
    fn a_number_before_the_role_of_an_inverted_speaker_is_part_of_it() {
        for (text, want) in [
            (
                "\"No,\" said 9/11 widow Terry Strada.",
                Some("9/11 widow Terry Strada"),
            ),
            (
                "\"No,\" said 27-year-old nurse Ana Ruiz.",
                Some("27-year-old nurse Ana Ruiz"),
            ),
            ("\"No,\" said 3 people.", None),
            ("\"No,\" said 60 Democrats.", None),
        ] {
            let d = doc(text);
            let k = tok(&d, "said", 0) + 1;
            let got = inverted_np(&d, k, d.toks.len(), true).map(|np| words(&d, np));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn the_speaker_after_a_cue_stops_at_a_clause() {
        let d = doc("said Ann Lee, an economist.");
        assert_eq!(
            right_np(&d, 1, d.toks.len()).map(|np| words(&d, np)),
            Some("Ann Lee")
        );
    }
}
