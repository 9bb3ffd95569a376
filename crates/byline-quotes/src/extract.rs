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
        Doc {
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
        self.quotes.iter().position(|q| q.closed && q.close == i)
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
            let p = &self.toks[i - 1];
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
        sentence(doc, si, &mut found, &mut used_quote);
    }
    uncovered_quotes(doc, &mut found, &mut used_quote);
    found.sort_by_key(|f| f.content.first().map(|s| s.start).unwrap_or(0));
    found.dedup_by(|a, b| a.content == b.content);
    found
}

struct Cue {
    /// First and one-past-last token of the cue group.
    a: usize,
    b: usize,
    class: u32,
    ing: bool,
    according: bool,
    attitude: bool,
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
            });
            continue;
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
                });
            }
            continue;
        }
        if f & CUE == 0 || doc.is_cap(i) && i > a {
            continue;
        }
        // A noun after a determiner (`a claim`, `the report`).
        if i > a
            && doc.toks[i - 1].is_word()
            && doc.flags(i - 1) & DET != 0
            && doc.flags(i - 1) & PRON == 0
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
            let w = doc.word(j).to_ascii_lowercase();
            if matches!(
                w.as_str(),
                "was" | "were" | "is" | "are" | "be" | "been" | "being"
            ) {
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
        out.push(Cue {
            a: i,
            b: end,
            class: f & CUE,
            ing: f & F_ING != 0,
            according: false,
            attitude: false,
        });
    }
    out
}

/// Skips adverbs, auxiliaries and a parenthetical between commas, going left from `end`.
fn skip_verb_group_left(doc: &Doc<'_>, mut j: usize, lo: usize) -> usize {
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

/// The noun phrase ending right before token `end` (exclusive), not reaching left of `lo`.
fn left_np(doc: &Doc<'_>, end: usize, lo: usize) -> Option<(usize, usize)> {
    if end <= lo {
        return None;
    }
    let h = end - 1;
    let t = &doc.toks[h];
    if !t.is_word() || doc.in_quote[h] != 0 {
        return None;
    }
    let f = t.flags;
    if f & PRON != 0 {
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
        if pf & BOUNDARY != 0 && !pcap || pf & PRON != 0 {
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
    if !cap && f0 & (DET | SPEAKER_NOUN) == 0 {
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
    // Look ahead a few tokens (a hearer, a time, `in a statement`) for `that`, a colon or a quote.
    let mut k = j;
    let limit = (j + 10).min(b);
    while k < limit {
        let t = &doc.toks[k];
        if t.is_punct(':') {
            return Comp::Colon(k + 1);
        }
        if doc.lower_is(k, "that") && doc.in_quote[k] == 0 {
            // `that` as a determiner right after the verb (`said that day`) is not a complementiser.
            if !(k + 1 < b && doc.flags(k + 1) & TIME != 0) {
                return Comp::That(k);
            }
        }
        if t.is_quote() && doc.quote_opening_at(k).is_some() {
            if k == first
                || (k > first && (doc.toks[k - 1].is_punct(',') || doc.toks[k - 1].is_punct(':')))
            {
                return Comp::Quote(k);
            }
            break;
        }
        if t.is_punct(',') || t.is_punct('.') || t.is_punct(';') || t.is_punct('(') {
            if k == first {
                return Comp::None;
            }
            // `said Tuesday, "..."`
            if t.is_punct(',') && k + 1 < b && doc.quote_opening_at(k + 1).is_some() {
                return Comp::Quote(k + 1);
            }
            break;
        }
        if !t.is_word() && !t.is_quote() && !matches!(t.kind, Kind::Number) {
            break;
        }
        k += 1;
    }
    let t = &doc.toks[first];
    if t.is_word() || matches!(t.kind, Kind::Number) || t.is_quote() {
        Comp::Clause(first)
    } else {
        Comp::None
    }
}

/// Where the content starting after a cue ends: the sentence end, or a later clause that
/// reports again (`, adding`, `, Reuters reported`, `, according to`).
fn content_end(from: usize, b: usize, stops: &[usize]) -> usize {
    let mut e = b;
    for &s in stops {
        if s > from && s < e {
            e = s;
        }
    }
    e
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
    // First pass: which cues are post-posed tags (`..., X said`), and where they start.
    let mut tags: Vec<Option<Tag>> = Vec::with_capacity(cs.len());
    for c in &cs {
        tags.push(post_tag(doc, c, a, b));
    }
    let mut stops: Vec<usize> = Vec::new();
    for (c, t) in cs.iter().zip(&tags) {
        if let Some((comma, _, _)) = t {
            stops.push(*comma);
        } else if (c.according || c.ing) && c.a > a && doc.toks[c.a - 1].is_punct(',') {
            stops.push(c.a - 1);
        }
    }
    let mut main_subject: Option<(usize, usize)> = None;
    for (ci, c) in cs.iter().enumerate() {
        if let Some((comma, content_start, spk)) = tags[ci] {
            // Content before the tag.
            let mut content = Vec::new();
            let mut cstart = content_start;
            // Start after an earlier clause that reports (`X said A, Y said`): keep whole sentence.
            if cstart < a {
                cstart = a;
            }
            let cend = if doc.is_closing_quote(comma) {
                comma + 1
            } else {
                comma
            };
            // The opening paragraph(s) of a quotation continued from before.
            if doc.in_quote[cstart] != 0 {
                prepend_continued(doc, doc.in_quote[cstart] as usize - 1, &mut content);
            }
            if let Some(p) = piece(doc, cstart, cend) {
                content.push(p);
            }
            mark_used(doc, cstart, cend, used);
            // Pieces after the tag: `, "B."` and quotations that follow with no tag of their own.
            let tag_end = spk.1.max(c.b);
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
            continue;
        }
        // Pre-posed: `X said (that) ...`, `according to X, ...`.
        if c.according {
            if let Some(spk) = right_np(doc, c.b, b) {
                // `According to X, CONTENT.`
                let mut k = spk.1;
                while k < b && !doc.toks[k].is_punct(',') {
                    k += 1;
                }
                if k + 1 < b && c.a == a {
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
        let subject = if c.ing && c.a > a && doc.toks[c.a - 1].is_punct(',') {
            // `..., saying ...`: the clause's speaker.
            main_subject.or_else(|| sentence_subject(doc, a, c.a))
        } else {
            let j = skip_verb_group_left(doc, c.a, a);
            match left_np(doc, j, a) {
                Some(np) => Some(np),
                None if j > a && doc.toks[j - 1].is_punct(',') => {
                    parenthetical_subject(doc, j - 1, a)
                }
                None => None,
            }
        };
        let Some(subject) = subject else { continue };
        if !c.ing || main_subject.is_none() {
            main_subject.get_or_insert(subject);
        }
        let comp = complement(doc, c, b);
        let (start, needs_clause_check) = match comp {
            Comp::Colon(k) => (k, false),
            Comp::That(k) => (k, false),
            Comp::Quote(k) => (k, false),
            Comp::Clause(k) => (k, true),
            Comp::None => {
                continue;
            }
        };
        if c.class & (SAY | TELL) == 0 || c.attitude {
            // Beliefs and characterisations need a clear complement.
            if c.class & BELIEF != 0 && c.class & (SAY | TELL) == 0 && needs_clause_check {
                let f = doc.flags(start);
                let clause = (f & (PRON | DET) != 0 || doc.is_cap(start)) && f & PREP == 0;
                if !clause && c.class & MIXED == 0 {
                    continue;
                }
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
        let end = content_end(start, b, &stops);
        if end <= start {
            continue;
        }
        let has_quote =
            (start..end).any(|k| doc.in_quote[k] != 0 || doc.quote_opening_at(k).is_some());
        let pure_mixed = c.class & (SAY | TELL | BELIEF) == 0;
        if pure_mixed && !has_quote {
            continue;
        }
        if c.class & (SAY | TELL) == 0
            && c.class & MIXED != 0
            && c.class & BELIEF != 0
            && !has_quote
            && needs_clause_check
        {
            continue;
        }
        // TELL without `that`: skip the hearer.
        let mut start = start;
        if c.class & TELL != 0 && c.class & SAY == 0 && needs_clause_check {
            if let Some(np) = right_np(doc, start, end) {
                start = np.1;
            }
            if start >= end || !(doc.toks[start].is_word() || doc.toks[start].is_quote()) {
                continue;
            }
        }
        let mut content = Vec::new();
        let Some(p) = piece(doc, start, end) else {
            continue;
        };
        content.push(p);
        mark_used(doc, start, end, used);
        // A quotation that the cue introduces may run on.
        if matches!(comp, Comp::Quote(_) | Comp::Colon(_)) {
            let last = doc.in_quote[end - 1];
            if last != 0 || doc.is_closing_quote(end - 1) {
                follow_pieces(doc, end, b, &mut content, used);
            }
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

/// For a post-posed tag: (comma index ending the content, content start, speaker).
type Tag = (usize, usize, (usize, usize));

/// Finds a post-posed tag for cue `c`.
fn post_tag(doc: &Doc<'_>, c: &Cue, a: usize, b: usize) -> Option<Tag> {
    if c.attitude || c.class & (SAY | BELIEF | TELL) == 0 {
        return None;
    }
    if c.according {
        if c.a > a + 1 && doc.is_comma_like(c.a - 1) {
            let spk = right_np(doc, c.b, b)?;
            return Some((c.a - 1, a, spk));
        }
        return None;
    }
    // Inverted: `"...," said X`.
    if c.a > a + 1 && doc.is_comma_like(c.a - 1) && c.class & (SAY) != 0 {
        let mut k = c.b;
        while k < b && doc.is_ly(k) {
            k += 1;
        }
        if let Some(spk) = right_np(doc, k, b) {
            return Some((c.a - 1, a, spk));
        }
    }
    if c.ing {
        return None;
    }
    let j = skip_verb_group_left(doc, c.a, a);
    let (s, e) = left_np(doc, j, a)?;
    if s <= a + 1 || !doc.is_comma_like(s - 1) {
        return None;
    }
    // The tag must not introduce content of its own.
    match complement(doc, c, b) {
        Comp::Colon(_) | Comp::That(_) => return None,
        Comp::Quote(k) => {
            if !(k > c.b && doc.toks[k - 1].is_punct(',')) && k != c.b {
                return None;
            }
        }
        Comp::Clause(k) => {
            // `..., X said Tuesday.` is a tag; `..., X said he would` is not.
            let mut m = k;
            while m < b
                && doc.toks[m].is_word()
                && (doc.flags(m) & (PREP | TIME | DET) != 0
                    || doc.is_cap(m) && doc.flags(m) & PRON == 0
                    || doc.is_ly(m)
                    || doc.toks[m].flags & SPEAKER_NOUN != 0
                    || doc.lower_is(m, "interview")
                    || doc.lower_is(m, "statement")
                    || doc.lower_is(m, "conference")
                    || doc.lower_is(m, "email")
                    || doc.lower_is(m, "call")
                    || doc.lower_is(m, "news")
                    || doc.lower_is(m, "phone")
                    || doc.lower_is(m, "telephone")
                    || doc.lower_is(m, "reporters"))
            {
                m += 1;
            }
            if m < b && doc.toks[m].is_word() && doc.flags(m) & PRON != 0 {
                return None;
            }
            if m < b
                && doc.toks[m].is_word()
                && !(doc.lower_is(m, "who") || doc.lower_is(m, "which"))
            {
                // More clause follows: pre-posed unless the tag is only the last words.
                if c.class & TELL == 0 {
                    return None;
                }
            }
        }
        Comp::None => {}
    }
    let _ = e;
    Some((s - 1, a, (s, e)))
}

fn sentence_subject(doc: &Doc<'_>, a: usize, limit: usize) -> Option<(usize, usize)> {
    for k in a..limit {
        let t = &doc.toks[k];
        if doc.in_quote[k] != 0 || !t.is_word() || doc.is_cap(k) {
            continue;
        }
        if t.flags & (AUX | VERBISH | CUE) != 0 && t.flags & (DET | SPEAKER_NOUN) == 0 {
            let j = skip_verb_group_left(doc, k, a);
            if let Some(np) = left_np(doc, j, a) {
                return Some(np);
            }
            if j > a && doc.toks[j - 1].is_punct(',') {
                return parenthetical_subject(doc, j - 1, a);
            }
            return None;
        }
    }
    None
}

/// `X, speaking through a translator, said`: the subject before a parenthetical ending at comma `k`.
fn parenthetical_subject(doc: &Doc<'_>, k: usize, a: usize) -> Option<(usize, usize)> {
    let mut m = k;
    let mut n = 0;
    while m > a && n < 14 {
        m -= 1;
        n += 1;
        if doc.toks[m].is_punct(',') {
            return left_np(doc, m, a);
        }
        if !(doc.toks[m].is_word() || matches!(doc.toks[m].kind, Kind::Number)) {
            return None;
        }
    }
    None
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
    // Skip the rest of the tag (`said in an interview`) up to punctuation.
    while k < b && doc.toks[k].is_word() && doc.in_quote[k] == 0 {
        k += 1;
    }
    // The content's own last quotation may continue into the next paragraph.
    if let Some(last) = content.last() {
        if let Some(qi) = doc
            .quotes
            .iter()
            .position(|q| q.end == last.end && q.continues)
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
        // Past the sentence: only through a line break when the colon led here.
        if k < doc.toks.len() && doc.toks[k].kind == Kind::Break {
            if !(from == b && content.is_empty()) {
                return;
            }
            k += 1;
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
            // A capitalised word after a complete quoted sentence: a new sentence; is it a tag?
            let mut n = m;
            while n < doc.toks.len() && doc.toks[n].is_word() && n < m + 4 {
                if doc.flags(n) & (SAY | TELL) != 0 {
                    return;
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
            && (doc.toks[m].is_punct('—') || doc.toks[m].is_punct('–') || doc.toks[m].is_punct('-'))
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
