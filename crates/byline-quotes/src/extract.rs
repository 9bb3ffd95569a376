//! Attribution: cues, speakers and content spans, sentence by sentence.

use byline_tokenize::{Segmentation, Span};

use crate::lexicon::*;
use crate::scan::{pair_quotes, scan, Kind, QSpan, Role, Tok};

/// A found attribution, in token and byte terms, before speaker resolution.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    /// Content pieces (byte spans).
    pub content: Vec<Span>,
    /// Cue tokens `[a, b)`.
    pub cue: Option<(usize, usize)>,
    /// Speaker tokens `[a, b)`.
    pub speaker: Option<(usize, usize)>,
    /// The cue is a participle continuing the clause's speaker (`, saying ...`).
    pub confidence: f32,
}

pub(crate) struct Doc<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok>,
    pub quotes: Vec<QSpan>,
    /// Quote index + 1 of the innermost quotation holding each token (0 outside quotations).
    pub in_quote: Vec<u32>,
    /// Sentences as token ranges (without line breaks).
    pub sents: Vec<(usize, usize)>,
    /// Quote index + 1 of the quotation each token closes (0 for none).
    close_at: Vec<u32>,
}

impl<'t> Doc<'t> {
    pub(crate) fn new(text: &'t str, seg: &Segmentation) -> Doc<'t> {
        let lex = Lexicon::get();
        let toks = scan(text, lex);
        let quotes = pair_quotes(&toks);
        let mut in_quote = vec![0u32; toks.len()];
        for (qi, q) in quotes.iter().enumerate() {
            let last = if q.closed { q.close } else { q.close + 1 };
            for slot in in_quote
                .iter_mut()
                .take(last.min(toks.len()))
                .skip(q.open + 1)
            {
                *slot = qi as u32 + 1;
            }
        }
        let sents = sentences(text, &toks, seg);
        let mut close_at = vec![0u32; toks.len()];
        for (qi, q) in quotes.iter().enumerate() {
            if q.closed {
                close_at[q.close] = qi as u32 + 1;
            }
        }
        Doc {
            close_at,
            text,
            toks,
            quotes,
            in_quote,
            sents,
        }
    }

    fn word(&self, i: usize) -> &'t str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    fn flags(&self, i: usize) -> u32 {
        self.toks[i].flags
    }

    fn is_cap(&self, i: usize) -> bool {
        self.toks[i].is_word()
            && self
                .word(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }

    fn is_ly(&self, i: usize) -> bool {
        let w = self.word(i);
        self.toks[i].is_word() && w.len() > 4 && w.ends_with("ly") && !self.is_cap(i)
    }

    fn lower_is(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.toks[i].is_word() && self.word(i).eq_ignore_ascii_case(w)
    }

    fn is_closing_quote(&self, i: usize) -> bool {
        matches!(self.toks[i].kind, Kind::Quote { double: true, role } if role != Role::Open)
            && self.in_quote.get(i).copied() == Some(0)
            && self.quote_closing_at(i).is_some()
    }

    fn quote_closing_at(&self, i: usize) -> Option<usize> {
        match self.close_at.get(i) {
            Some(&q) if q != 0 => Some(q as usize - 1),
            _ => None,
        }
    }

    fn quote_opening_at(&self, i: usize) -> Option<usize> {
        if !self.toks[i].is_quote() {
            return None;
        }
        self.quotes.binary_search_by_key(&i, |q| q.open).ok()
    }

    /// Whether the clause-ending punctuation or a closing mark after punctuation sits at `i`.
    fn is_comma_like(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.is_punct(',') || t.is_punct('—') || t.is_punct('–') {
            return true;
        }
        if self.is_closing_quote(i) && i > 0 {
            // Past a nested closing mark (`,'"`).
            let mut k = i - 1;
            while k > 0 && matches!(self.toks[k].kind, Kind::Quote { double: false, .. }) {
                k -= 1;
            }
            let p = &self.toks[k];
            return p.is_punct(',') || p.is_punct('?') || p.is_punct('!') || p.is_punct('—');
        }
        false
    }
}

/// Sentences as token ranges: the segmentation's when it has them, else a simple splitter.
fn sentences(text: &str, toks: &[Tok], seg: &Segmentation) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    if !seg.sentences.is_empty() {
        let mut si = 0;
        for (k, t) in toks.iter().enumerate() {
            if t.kind == Kind::Break {
                if let Some(s) = start.take() {
                    out.push((s, k));
                }
                continue;
            }
            let mut boundary = false;
            while si < seg.sentences.len() && seg.sentences[si].span.start <= t.start {
                boundary = true;
                si += 1;
            }
            if boundary {
                if let Some(s) = start.take() {
                    out.push((s, k));
                }
            }
            if start.is_none() {
                start = Some(k);
            }
        }
        if let Some(s) = start {
            out.push((s, toks.len()));
        }
        return out;
    }
    let _ = text;
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        if t.kind == Kind::Break {
            if let Some(s) = start.take() {
                out.push((s, k));
            }
            k += 1;
            continue;
        }
        if start.is_none() {
            start = Some(k);
        }
        if t.is_punct('.') || t.is_punct('!') || t.is_punct('?') {
            let mut e = k + 1;
            while e < toks.len()
                && (matches!(
                    toks[e].kind,
                    Kind::Quote {
                        role: Role::Close | Role::Either,
                        ..
                    }
                ) || toks[e].is_punct(')'))
                && toks[e].start == toks[e - 1].end
            {
                e += 1;
            }
            let next_starts = match toks.get(e) {
                None => true,
                Some(n) => match n.kind {
                    Kind::Word => text[n.start..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase()),
                    Kind::Number | Kind::Quote { .. } => true,
                    _ => false,
                },
            };
            if next_starts && e < toks.len() && toks[e].kind != Kind::Break {
                out.push((start.take().unwrap_or(k), e));
                k = e;
                continue;
            }
        }
        k += 1;
    }
    if let Some(s) = start {
        out.push((s, toks.len()));
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Comp {
    Colon(usize),
    That(usize),
    Quote(usize),
    Clause(usize),
    None,
}

pub(crate) fn extract(doc: &Doc<'_>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut used_quote = vec![false; doc.quotes.len()];
    for si in 0..doc.sents.len() {
        let first = found.len();
        sentence(doc, si, &mut found, &mut used_quote);
        drop_nested_beliefs(doc, &mut found, first);
    }
    uncovered_quotes(doc, &mut found, &mut used_quote);
    colon_labels(doc, &mut found);
    found.sort_by_key(|f| f.content.first().map(|s| s.start).unwrap_or(0));
    found.dedup_by(|a, b| a.content == b.content);
    found
}

/// `He says he doesn't think X`: a belief inside content reported in the same sentence is part
/// of that content, not an attribution of its own.
fn drop_nested_beliefs(doc: &Doc<'_>, found: &mut Vec<Found>, first: usize) {
    let n = found.len() - first;
    if !(2..=32).contains(&n) {
        return;
    }
    let mut k = first;
    while k < found.len() {
        let nested = found[k].cue.is_some_and(|(ca, _)| {
            let f = doc.flags(ca);
            let belief = f & (SAY | TELL | MIXED | EVAL) == 0 && f & BELIEF != 0;
            let at = doc.toks[ca].start;
            belief
                && found[first..].iter().enumerate().any(|(m, o)| {
                    first + m != k && o.content.iter().any(|p| p.start <= at && at < p.end)
                })
        });
        if nested {
            found.remove(k);
        } else {
            k += 1;
        }
    }
}

struct Cue {
    /// First and one-past-last token of the cue group.
    a: usize,
    b: usize,
    class: u32,
    ing: bool,
    according: bool,
    attitude: bool,
    /// Reports a view with no one holding it in the clause (`X is expected to`): the whole
    /// clause is the content.
    impersonal: bool,
}

impl Cue {
    /// The cue of tokens `[a, b)` reporting a view no one in the clause holds.
    fn impersonal(a: usize, b: usize) -> Cue {
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

fn cues(doc: &Doc<'_>, a: usize, b: usize) -> Vec<Cue> {
    let mut out = Vec::new();
    for i in a..b {
        let t = &doc.toks[i];
        if !t.is_word() || doc.in_quote[i] != 0 {
            continue;
        }
        let f = t.flags;
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
        // An infinitive (`declined to say`), except `went on to say`.
        if i > a && doc.lower_is(i - 1, "to") && !(i > a + 1 && doc.lower_is(i - 2, "on")) {
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

/// Skips adverbs, auxiliaries and a parenthetical between commas, going left from `end`.
fn skip_verb_group_left(doc: &Doc<'_>, j: usize, lo: usize) -> usize {
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

fn skip_adverbs_left(doc: &Doc<'_>, mut j: usize, lo: usize) -> usize {
    while j > lo {
        let p = j - 1;
        let t = &doc.toks[p];
        let verbal = t.flags & (AUX | ADV) != 0 && t.flags & BOUNDARY == 0 || doc.is_ly(p);
        let clitic = t.flags & AUX != 0 && doc.word(p).starts_with(['\'', '’']);
        if t.is_word() && (!doc.is_cap(p) && verbal || clitic) {
            j = p;
        } else {
            break;
        }
    }
    j
}

/// Skips a short parenthesis (`(R-Ohio)`) ending right before `j`.
fn skip_paren_left(doc: &Doc<'_>, j: usize, lo: usize) -> usize {
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
fn share_np(doc: &Doc<'_>, end: usize, lo: usize) -> Option<(usize, usize)> {
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
fn left_np(doc: &Doc<'_>, end: usize, lo: usize) -> Option<(usize, usize)> {
    left_np_in(doc, end, lo, true)
}

/// [`left_np`], reaching past a preposition to the people it follows only when `reach` is set.
fn left_np_in(doc: &Doc<'_>, end: usize, lo: usize, reach: bool) -> Option<(usize, usize)> {
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
        return Some((h, end));
    }
    let cap = doc.is_cap(h);
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

/// The noun phrase starting at `start`: for `said X` and `according to X`.
fn right_np(doc: &Doc<'_>, start: usize, hi: usize) -> Option<(usize, usize)> {
    if start >= hi || !doc.toks[start].is_word() || doc.in_quote[start] != 0 {
        return None;
    }
    let f0 = doc.flags(start);
    if f0 & PRON != 0 {
        return Some((start, start + 1));
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
        e += 1;
    }
    Some((start, e))
}

/// The source after `according to`: the words up to the next punctuation.
fn according_np(doc: &Doc<'_>, start: usize, b: usize) -> Option<(usize, usize)> {
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

/// What follows the cue group ending at `c.b`.
fn complement(doc: &Doc<'_>, c: &Cue, b: usize) -> Comp {
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
        } else if !t.is_word() && !matches!(t.kind, Kind::Number) {
            break;
        }
        k += 1;
    }
    Comp::Clause(first)
}

/// The first stop after `from`, or `b`: `stops` is sorted.
/// Tokens that reported content without quote marks may run to at most. News content is rarely
/// over 150 tokens; without a bound, a sentence of thousands of reporting clauses (a hostile or
/// broken text) would give each clause the rest of the sentence, quadratic in output and time.
const MAX_CONTENT_TOKENS: usize = 600;

/// Where reported content starting at token `from` ends: at the first stop after it, the
/// sentence's end `b`, or [`MAX_CONTENT_TOKENS`] on, whichever comes first.
fn content_end(from: usize, b: usize, stops: &[usize]) -> usize {
    let b = b.min(from.saturating_add(MAX_CONTENT_TOKENS));
    let i = stops.partition_point(|&s| s <= from);
    match stops.get(i) {
        Some(&s) if s < b => s,
        _ => b,
    }
}

/// The byte span of tokens `[a, b)`, widened to whole quotations where it cuts one.
fn piece(doc: &Doc<'_>, a: usize, b: usize) -> Option<Span> {
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

fn sentence(doc: &Doc<'_>, si: usize, found: &mut Vec<Found>, used: &mut [bool]) {
    let (a, b) = doc.sents[si];
    let cs = cues(doc, a, b);
    if cs.is_empty() {
        return;
    }
    // First pass: which cues are post-posed tags (`..., X said`), and where other contents stop.
    let tags: Vec<Option<Tag>> = cs.iter().map(|c| post_tag(doc, c, a, b)).collect();
    let mut stops: Vec<usize> = Vec::new();
    for (c, t) in cs.iter().zip(&tags) {
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
                // Not `said both he and Rubio promised`, a subject of two.
                let and = s > a + 1
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
    }
    stops.sort_unstable();
    let mut main_subject: Option<(usize, usize)> = None;
    // Post-posed tags first: they own the quotation before them.
    for (ci, c) in cs.iter().enumerate() {
        let Some((comma, content_start, spk)) = tags[ci] else {
            continue;
        };
        let mut content = Vec::new();
        let cend = if doc.is_closing_quote(comma) {
            comma + 1
        } else {
            comma
        };
        // The content before a tag goes back at most [`MAX_CONTENT_TOKENS`], so that a
        // sentence of thousands of tags does not give each the whole sentence before it.
        let mut cstart = content_start
            .max(a)
            .max(cend.saturating_sub(MAX_CONTENT_TOKENS));
        // Bullets and dashes before the content.
        while cstart < cend
            && (matches!(doc.toks[cstart].kind, Kind::Punct(_))
                || doc.toks[cstart].is_quote() && doc.quote_opening_at(cstart).is_none())
        {
            cstart += 1;
        }
        // `... wife: "She signed," he told the Times`, `Later, "We are closed," she said`: the
        // quotation alone.
        if doc.is_closing_quote(comma) {
            if let Some(qi) = doc.quote_closing_at(comma) {
                let open = doc.quotes[qi].open;
                let before = &doc.toks[open.max(1) - 1];
                if open > cstart && (before.is_punct(':') || before.is_punct(',')) {
                    cstart = open;
                }
            }
        }
        // The opening paragraph(s) of a quotation continued from before.
        let first_quote = match doc.in_quote[cstart] {
            0 => doc.quote_opening_at(cstart),
            q => Some(q as usize - 1),
        };
        if let Some(q) = first_quote {
            prepend_continued(doc, q, &mut content);
        }
        if let Some(p) = piece(doc, cstart, cend) {
            content.push(p);
        }
        mark_used(doc, cstart, cend, used);
        let tag_end = spk.1.max(c.b);
        // A tag inside the sentence: `The talks, he said, will resume.`
        if !doc.is_closing_quote(comma) {
            let mut k = tag_end;
            while k < b && k < tag_end + 6 && doc.toks[k].is_word() && doc.in_quote[k] == 0 {
                k += 1;
            }
            // `..., he said, because ...` goes on; `..., he said, wiping his face` does not.
            const GOES_ON: &[&str] = &["because", "that", "while", "and", "but", "although"];
            // `..., said Katie Harbath, Facebook's director.`: an apposition to a speaker after
            // the verb is not content.
            let inverted = spk.0 >= c.b;
            let apposition =
                inverted && k + 1 < b && (doc.is_cap(k + 1) || doc.flags(k + 1) & DET != 0);
            let resumes = k + 1 < b
                && !apposition
                && doc.toks[k].is_punct(',')
                && doc.toks[k + 1].is_word()
                && (doc.flags(k + 1) & (BOUNDARY | PREP | CUE) == 0
                    || GOES_ON.iter().any(|w| doc.lower_is(k + 1, w)));
            if resumes {
                let e = content_end(k + 1, b, &stops);
                if let Some(p) = piece(doc, k + 1, e) {
                    content.push(p);
                    mark_used(doc, k + 1, e, used);
                }
            }
        }
        follow_pieces(doc, tag_end, b, &mut content, used);
        if content.is_empty() {
            continue;
        }
        let direct = doc.in_quote[cstart] != 0 || doc.quote_opening_at(cstart).is_some();
        found.push(Found {
            content,
            cue: Some((c.a, c.b)),
            speaker: Some(spk),
            confidence: if direct { 0.9 } else { 0.75 },
        });
        main_subject.get_or_insert(spk);
    }
    for (ci, c) in cs.iter().enumerate() {
        if tags[ci].is_some() {
            continue;
        }
        if c.impersonal {
            if let Some(f) = impersonal(doc, c, a, b, &stops) {
                found.push(f);
            }
            continue;
        }
        // `Asked whether ..., X said`: the question is the content, asked by no one named or
        // by the `by` phrase.
        if let Some(f) = asked_question(doc, c, a, b) {
            found.push(f);
            continue;
        }
        // A passive `was asked` with no question after it reports nothing of its subject.
        if passive_asked(doc, c, a) {
            continue;
        }
        // `According to X, CONTENT.`
        if c.according {
            if let Some(spk) = according_np(doc, c.b, b) {
                let k = spk.1;
                // `According to X, ...`, `But, according to X, ...`.
                let conj = ["but", "and", "so", "yet"];
                let fronted = c.a == a
                    || (c.a > a && doc.toks[c.a - 1].is_punct(',') && c.a - a <= 6)
                    || (c.a == a + 1 && conj.iter().any(|w| doc.lower_is(a, w)));
                if k + 1 < b && doc.toks[k].is_punct(',') && fronted {
                    let e = content_end(k + 1, b, &stops);
                    if let Some(p) = piece(doc, k + 1, e) {
                        mark_used(doc, k + 1, e, used);
                        found.push(Found {
                            content: vec![p],
                            cue: Some((c.a, c.b)),
                            speaker: Some(spk),
                            confidence: 0.7,
                        });
                    }
                }
            }
            continue;
        }
        let j = skip_verb_group_left(doc, c.a, a);
        let participle = c.ing && c.a > a && doc.is_comma_like(c.a - 1);
        let coordinated = j > a && (doc.lower_is(j - 1, "and") || doc.lower_is(j - 1, "but"));
        let subject = if participle || coordinated {
            // `..., saying ...`, `... and added ...`: the clause's speaker.
            main_subject.or_else(|| first_np(doc, a, c.a))
        } else {
            match left_np(doc, j, a) {
                Some(np) => Some(np),
                None if j > a && doc.toks[j - 1].is_punct(',') => {
                    parenthetical_subject(doc, j - 1, a)
                }
                None => dashed_subject(doc, j, a),
            }
        };
        let Some(subject) = subject else { continue };
        // Characterising verbs need a person or an organisation doing it.
        if c.class & (SAY | TELL | BELIEF) == 0 {
            let h = subject.1 - 1;
            let ok = doc.flags(h) & (PRON | SPEAKER_NOUN) != 0
                || (subject.0..subject.1).any(|k| doc.is_cap(k));
            if !ok {
                continue;
            }
        }
        if main_subject.is_none() && !participle {
            main_subject = Some(subject);
        }
        let comp = complement(doc, c, b);
        // `continued to rise`, `bet on a win`, `laughed it off`: these report speech
        // only before a quotation or a colon (measured on PolNeAR train).
        const QUOTE_ONLY: &[&str] = &[
            "continued",
            "continuing",
            "responding",
            "responds",
            "lied",
            "laughed",
            "add",
            "comment",
            "answered",
            "boasted",
            "boasts",
            "tweets",
            "reading",
            "reporting",
            "briefing",
            "protest",
            "learn",
            "bet",
            "encourage",
            "mention",
            "promise",
        ];
        if QUOTE_ONLY.iter().any(|w| doc.lower_is(c.a, w))
            && !matches!(comp, Comp::Quote(_) | Comp::Colon(_))
        {
            continue;
        }
        let (start, clause) = match comp {
            Comp::Colon(k) | Comp::That(k) | Comp::Quote(k) => (k, false),
            Comp::Clause(k) => (k, true),
            Comp::None => continue,
        };
        // The quotation a tag already owns.
        if let Comp::Quote(k) = comp {
            if doc.quote_opening_at(k).is_some_and(|q| used[q]) {
                continue;
            }
        }
        // A colon at the end of the paragraph: the quotation is the next paragraph.
        if matches!(comp, Comp::Colon(_)) && start >= b {
            let mut content = Vec::new();
            follow_pieces(doc, b, b, &mut content, used);
            if !content.is_empty() {
                found.push(Found {
                    content,
                    cue: Some((c.a, c.b)),
                    speaker: Some(subject),
                    confidence: 0.85,
                });
            }
            continue;
        }
        let mut end = content_end(start, b, &stops);
        // `told them that if it failed, he would quit`: a fronted clause inside the reported
        // clause does not end it at its comma.
        if let Comp::That(k) = comp {
            const OPENS: &[&str] = &[
                "if", "when", "while", "because", "although", "though", "after", "before", "once",
                "unless", "as",
            ];
            let fronted = k + 1 < b
                && doc.in_quote[k + 1] == 0
                && (doc.flags(k + 1) & (PREP | TIME) != 0
                    || OPENS.iter().any(|w| doc.lower_is(k + 1, w)));
            if fronted && end < b && doc.toks[end].is_punct(',') {
                end = content_end(end, b, &stops);
            }
        }
        // `Although she said X, ...`, `While 7 percent said X, ...`: a fronted subordinate
        // clause ends at its comma.
        if subordinate_before(doc, a, c.a) {
            if let Some(k) =
                (start + 1..end).find(|&k| doc.in_quote[k] == 0 && doc.toks[k].is_punct(','))
            {
                end = k;
            }
        }
        // `X, who said Y, said Z`: a relative clause ends at its comma.
        if doc.lower_is(subject.0, "who") && subject.0 > a && doc.toks[subject.0 - 1].is_punct(',')
        {
            if let Some(k) =
                (start + 1..end).find(|&k| doc.in_quote[k] == 0 && doc.toks[k].is_punct(','))
            {
                end = k;
            }
        }
        if end <= start {
            continue;
        }
        // `reported on Tuesday.`, `reported from Kiev.`: a short phrase is no content.
        if clause
            && doc.flags(start) & PREP != 0
            && end - start <= 4
            && !doc.lower_is(start, "about")
        {
            continue;
        }
        let has_quote =
            (start..end).any(|k| doc.in_quote[k] != 0 || doc.quote_opening_at(k).is_some());
        if c.class & (SAY | TELL | BELIEF | EVAL) == 0 {
            let soon = (start..end.min(start + 12))
                .any(|k| doc.in_quote[k] != 0 || doc.quote_opening_at(k).is_some());
            if !soon {
                continue;
            }
        }
        if c.class & (SAY | TELL | EVAL) == 0 && c.class & MIXED != 0 && !has_quote && clause {
            continue;
        }
        // `told X ...` with no `that`: skip the hearer.
        let mut start = start;
        if c.class & TELL != 0 && c.class & SAY == 0 && clause {
            let object = ["us", "him", "her", "them", "me", "you"];
            if object.iter().any(|w| doc.lower_is(start, w)) {
                start += 1;
            } else if let Some(np) = right_np(doc, start, end) {
                // `told the AP her group ...`: a determiner inside opens the clause's subject.
                let cut = (np.0 + 1..np.1).find(|&k| {
                    doc.flags(k) & (DET | PRON) != 0
                        && !doc.is_cap(k)
                        && doc.flags(k - 1) & DET == 0
                });
                start = cut.unwrap_or(np.1);
            }
            if start >= end || !(doc.toks[start].is_word() || doc.toks[start].is_quote()) {
                continue;
            }
        }
        let Some(p) = piece(doc, start, end) else {
            continue;
        };
        let mut content = vec![p];
        mark_used(doc, start, end, used);
        // A quotation that the cue introduces may run on.
        if matches!(comp, Comp::Quote(_) | Comp::Colon(_))
            && (doc.in_quote[end - 1] != 0 || doc.is_closing_quote(end - 1))
        {
            follow_pieces(doc, end, b, &mut content, used);
        }
        let conf = if has_quote { 0.85 } else { 0.7 };
        found.push(Found {
            content,
            cue: Some((c.a, c.b)),
            speaker: Some(subject),
            confidence: conf,
        });
    }
}

/// The clause around an impersonal cue (`Obama is expected to join her`), from its start after a comma, a conjunction or a subordinator to its end.
fn impersonal(doc: &Doc<'_>, c: &Cue, a: usize, b: usize, stops: &[usize]) -> Option<Found> {
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

/// `X was asked ...`: the subject is asked, it says nothing.
fn passive_asked(doc: &Doc<'_>, c: &Cue, a: usize) -> bool {
    doc.lower_is(c.a, "asked")
        && c.a > a
        && ["was", "were", "is", "are", "been", "be", "being"]
            .iter()
            .any(|w| doc.lower_is(c.a - 1, w))
}

/// A question put to the clause's subject: `When asked by a reporter whether ...,`,
/// `Asked on Monday about the plan,`, `he said when asked if ...`.
fn asked_question(doc: &Doc<'_>, c: &Cue, a: usize, b: usize) -> Option<Found> {
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
fn subordinate_before(doc: &Doc<'_>, a: usize, i: usize) -> bool {
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

/// For a post-posed tag: (comma index ending the content, content start, speaker).
type Tag = (usize, usize, (usize, usize));

/// Whether a speaker noun phrase ending before `k` closes its clause (`said X.`, `said X, who`).
fn np_closes(doc: &Doc<'_>, k: usize, b: usize) -> bool {
    k >= b
        || !doc.toks[k].is_word()
        || doc.flags(k) & (PREP | TIME) != 0
        || doc.lower_is(k, "who")
        || doc.lower_is(k, "which")
        || doc.is_ly(k)
}

/// Finds a post-posed tag for cue `c`.
fn post_tag(doc: &Doc<'_>, c: &Cue, a: usize, b: usize) -> Option<Tag> {
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
        if let Some(spk) = right_np(doc, k, b) {
            // After indirect content, `said the burden of ...` is a clause, not a speaker.
            let closes = if doc.is_closing_quote(c.a - 1) {
                np_closes(doc, spk.1, b)
            } else {
                spk.1 >= b || !doc.toks[spk.1].is_word() || doc.lower_is(spk.1, "who")
            };
            // `X's manager, Corey Lewandowski, said the staff ...`: names between commas are
            // the subject, not content.
            let apposition = !doc.is_closing_quote(c.a - 1)
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
    let (s, e) = match left_np(doc, j, a) {
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
    let after_quote = doc.is_closing_quote(s - 1);
    // The tag must not introduce content of its own (a quotation before it always wins).
    let comp = complement(doc, c, b);
    // ... unless a fronted phrase ends in a quoted title and a clause follows the verb
    // (`In an interview on "Face the Nation," Ryan said the shootings ...`).
    let quote_starts_sentence = doc
        .quote_closing_at(s - 1)
        .is_some_and(|q| doc.quotes[q].open <= a + 1);
    let clause_after = matches!(comp, Comp::Clause(k) if doc.flags(k) & (DET | PRON) != 0);
    if after_quote && !matches!(comp, Comp::Colon(_)) && (quote_starts_sentence || !clause_after) {
        return Some((s - 1, a, (s, e)));
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

/// The start of a speaker phrase that runs back from `s` to a comma or closing quote mark.
fn reach_comma(doc: &Doc<'_>, s: usize, a: usize) -> Option<usize> {
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
        {
            return None;
        }
        k -= 1;
    }
    None
}

/// The noun phrase that opens the clause at `a` (after a fronted phrase ending in a comma).
fn first_np(doc: &Doc<'_>, a: usize, limit: usize) -> Option<(usize, usize)> {
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
fn parenthetical_subject(doc: &Doc<'_>, k: usize, a: usize) -> Option<(usize, usize)> {
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
fn dashed_subject(doc: &Doc<'_>, j: usize, a: usize) -> Option<(usize, usize)> {
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

fn mark_used(doc: &Doc<'_>, a: usize, b: usize, used: &mut [bool]) {
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
fn prepend_continued(doc: &Doc<'_>, q: usize, content: &mut Vec<Span>) {
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
fn follow_pieces(doc: &Doc<'_>, from: usize, b: usize, content: &mut Vec<Span>, used: &mut [bool]) {
    let mut k = from;
    // Skip the rest of the tag's sentence (`said in an interview, who ...`) up to a quotation
    // introduced by a comma or colon; a tag followed by more than [`MAX_CONTENT_TOKENS`] of
    // its sentence has no pieces after it (so that a sentence of thousands of tags is not
    // scanned once for each).
    let limit = b.min(from.saturating_add(MAX_CONTENT_TOKENS));
    while k < b {
        if k >= limit {
            return;
        }
        if k > from
            && (doc.toks[k - 1].is_punct(',') || doc.toks[k - 1].is_punct(':'))
            && doc.quote_opening_at(k).is_some()
        {
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
        let mut m = q.close + 1;
        while m < doc.toks.len() && matches!(doc.toks[m].kind, Kind::Punct(_)) {
            m += 1;
        }
        let tagged = m < doc.toks.len() && doc.toks[m].is_word() && doc.in_quote[m] == 0 && {
            // Words after the quote in the same paragraph before the next quote: a tag or more text.
            true
        };
        if tagged && q.closed {
            // Unless the words belong to the next sentence that begins a new statement.
            let sentence_end = q.close > 0
                && (doc.toks[q.close - 1].is_punct('.')
                    || doc.toks[q.close - 1].is_punct('?')
                    || doc.toks[q.close - 1].is_punct('!'));
            if !sentence_end || doc.toks[m - 1].is_punct(',') {
                return;
            }
            if !doc.is_cap(m) {
                return;
            }
            // A capitalised word after a complete quoted sentence: a new sentence, unless it is
            // a speaker and a cue (`"Why?" Trump asked.`).
            let mut n = m;
            while n < doc.toks.len() && doc.toks[n].is_word() && n < m + 5 {
                let f = doc.flags(n);
                if n > m && f & (SAY | TELL) != 0 && !doc.is_cap(n) {
                    return;
                }
                if !(doc.is_cap(n) || f & (PRON | DET | TITLE) != 0) {
                    break;
                }
                n += 1;
            }
        }
        content.push(Span::new(q.start, q.end));
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

/// Labels that open a paragraph with a colon but name no speaker.
const NOT_SPEAKERS: &[&str] = &[
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
fn colon_labels(doc: &Doc<'_>, found: &mut Vec<Found>) {
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

/// Whether the paragraph starting at token `k` is one closed quotation and nothing else.
fn whole_paragraph_quote(doc: &Doc<'_>, k: usize) -> bool {
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

/// Quotations no cue claimed: a dash credit (`"..." — Commissioner X`) or a colon label
/// (`Trump: "..."`).
fn uncovered_quotes(doc: &Doc<'_>, found: &mut Vec<Found>, used: &mut [bool]) {
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
