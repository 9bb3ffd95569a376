//! Assembly: each cue of a sentence with its speaker and content made into one attribution.

use super::as_source::as_source;
use super::content::*;
use super::cues::{cues, eager_infinitive, Cue};
use super::decision::*;
use super::doc::Doc;
use super::pieces::*;
use super::speaker::*;
use super::Found;
use crate::lexicon::*;
use crate::scan::Kind;

/// The attributions of sentence `si`: its candidate cues, decided as tags after their content
/// (which own the quotation before them, so they go first) or as cues introducing what follows.
pub(super) fn sentence(doc: &Doc<'_>, si: usize, found: &mut Vec<Found>, used: &mut [bool]) {
    let (a, b) = doc.sents[si];
    let mut cs = cues(doc, a, b);
    // A verb that reports only a quotation is no cue away from one (`and return favors`, `not
    // pursue an indictment`): it neither reports nor ends another cue's content. A participle
    // after a comma still opens a phrase of its own (`as Garner, gasping, said`).
    cs.retain(|c| {
        !quotation_only(doc, c.a)
            || c.ing && c.a > a && doc.is_comma_like(c.a - 1)
            || (c.a.saturating_sub(4)..(c.b + 3).min(doc.toks.len()))
                .any(|k| doc.toks[k].is_quote())
    });
    if cs.is_empty() {
        return;
    }
    let tags: Vec<Option<Tag>> = cs.iter().map(|c| post_tag(doc, c, a, b)).collect();
    let stops = content_stops(doc, &cs, &tags, a, b);
    // The clause's speaker, for participles and coordinated verbs (`..., saying ...`).
    let mut main_subject: Option<(usize, usize)> = None;
    for (c, tag) in cs.iter().zip(&tags) {
        let Some(tag) = *tag else { continue };
        if let Some(f) = tagged(doc, c, tag, a, b, &stops, used) {
            main_subject.get_or_insert(tag.2);
            found.push(f);
        }
    }
    for (c, tag) in cs.iter().zip(&tags) {
        if tag.is_some() {
            continue;
        }
        if let Some(f) = introduced(doc, c, a, b, &stops, &mut main_subject, used) {
            found.push(f);
        }
    }
}

/// The attribution of a cue decided as a tag after its content (`"...," X said`, `..., said X`):
/// the content before it, pieces after it, and the tag's speaker.
fn tagged(
    doc: &Doc<'_>,
    c: &Cue,
    (comma, content_start, spk): Tag,
    a: usize,
    b: usize,
    stops: &[usize],
    used: &mut [bool],
) -> Option<Found> {
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
    if doc.quote_ends_at(comma) {
        if let Some(qi) = doc.quote_ended_at(comma) {
            let open = doc.quotes[qi].open;
            let before = &doc.toks[open.max(1) - 1];
            if open > cstart && (before.is_punct(':') || before.is_punct(',')) {
                cstart = open;
            }
        }
    }
    // `..., she cried.`: these verbs report only a quotation.
    let quoted = doc.in_quote[cstart] != 0 || doc.quote_opening_at(cstart).is_some();
    if !quoted && quotation_only(doc, c.a) {
        return None;
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
    if !doc.quote_ends_at(comma) {
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
            let e = content_end(k + 1, b, stops);
            if let Some(p) = piece(doc, k + 1, e) {
                content.push(p);
                mark_used(doc, k + 1, e, used);
            }
        }
    }
    follow_pieces(doc, tag_end, b, &mut content, used);
    if content.is_empty() {
        return None;
    }
    let direct = doc.in_quote[cstart] != 0 || doc.quote_opening_at(cstart).is_some();
    Some(Found {
        content,
        cue: Some((c.a, c.b)),
        speaker: Some(spk),
        confidence: if direct { 0.9 } else { 0.75 },
    })
}

/// The attribution of a cue that introduces what follows it (`X said that ...`, `X said: "..."`,
/// `according to X, ...`), or `None` where the cue reports nothing here.
fn introduced(
    doc: &Doc<'_>,
    c: &Cue,
    a: usize,
    b: usize,
    stops: &[usize],
    main_subject: &mut Option<(usize, usize)>,
    used: &mut [bool],
) -> Option<Found> {
    if c.impersonal {
        return impersonal(doc, c, a, b, stops);
    }
    // `Asked whether ..., X said`: the question is the content, asked by no one named or
    // by the `by` phrase.
    if let Some(f) = asked_question(doc, c, a, b) {
        return Some(f);
    }
    // A passive `was asked` with no question after it reports nothing of its subject.
    if passive_asked(doc, c, a) {
        return None;
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
                let e = content_end(k + 1, b, stops);
                if let Some(p) = piece(doc, k + 1, e) {
                    mark_used(doc, k + 1, e, used);
                    return Some(Found {
                        content: vec![p],
                        cue: Some((c.a, c.b)),
                        speaker: Some(spk),
                        confidence: 0.7,
                    });
                }
            }
        }
        return None;
    }
    // `As the mayor noted, CONTENT.`, `CONTENT, as the mayor said.`
    if let Some(f) = as_source(doc, c, a, b, stops, used) {
        return Some(f);
    }
    // `The mayor was quick to point out that ...`: the speaker comes before the adjective.
    let j = skip_verb_group_left(doc, eager_infinitive(doc, c.a, a).unwrap_or(c.a), a);
    let participle = c.ing && c.a > a && doc.is_comma_like(c.a - 1);
    let coordinated = j > a && (doc.lower_is(j - 1, "and") || doc.lower_is(j - 1, "but"));
    let subject = if participle || coordinated {
        // `..., saying ...`, `... and added ...`: the clause's speaker.
        main_subject.or_else(|| first_np(doc, a, c.a))
    } else {
        match subject_np(doc, j, a) {
            Some(np) => Some(np),
            None if j > a && doc.toks[j - 1].is_punct(',') => parenthetical_subject(doc, j - 1, a),
            None => dashed_subject(doc, j, a),
        }
    };
    // `Trump unleashed tweets early Friday saying that ...`: a participle with `that` after it
    // and no subject of its own reports for the clause's speaker, comma or not.
    let subject = subject.or_else(|| {
        let that = c.ing && c.a > a && doc.lower_is(c.b, "that") && doc.in_quote[c.a - 1] == 0;
        // Not `It goes without saying that ...`: `it` names no speaker.
        let it = |np: &(usize, usize)| np.1 == np.0 + 1 && doc.lower_is(np.0, "it");
        if that {
            main_subject
                .or_else(|| first_np(doc, a, c.a))
                .filter(|np| !it(np))
        } else {
            None
        }
    });
    // `Trump sent tweets saying ...`, `The group issued a statement arguing ...`: a participle
    // after a verb and its object reports for the clause's subject, not for the object.
    let subject = match subject {
        Some(np) if c.ing && !participle => {
            Some(participle_subject(doc, np, a, *main_subject).unwrap_or(np))
        }
        // An object that is no speaker phrase (`tweets`, a cue's form as a noun).
        None if c.ing && !participle => {
            let mut k = c.a;
            while k > a + 1
                && c.a - k < 6
                && doc.toks[k - 1].is_word()
                && doc.in_quote[k - 1] == 0
                && doc.flags(k - 1) & (BOUNDARY | PREP | PRON | AUX) == 0
                && !verbal(doc, k - 1)
            {
                k -= 1;
            }
            (k < c.a && k > a && verbal(doc, k - 1))
                .then(|| participle_subject(doc, (k, c.a), a, *main_subject))
                .flatten()
        }
        other => other,
    };
    let subject = subject?;
    // Characterising verbs need a person or an organisation doing it, or `who` standing for
    // one (`Obama, who called the nominee "unfit to serve"`).
    if c.class & (SAY | TELL | BELIEF) == 0 {
        let h = subject.1 - 1;
        let who = subject.1 == subject.0 + 1 && doc.lower_is(subject.0, "who");
        let ok = doc.flags(h) & (PRON | SPEAKER_NOUN) != 0
            || who
            || (subject.0..subject.1).any(|k| doc.is_cap(k));
        if !ok {
            return None;
        }
    }
    // The clause's speaker, for the participles and coordinated verbs after this cue, even
    // where this one reports nothing here (`X agreed, but contended that ...`); but not a
    // phrase that runs over a verb (`Trump sent` before `tweets`, a noun, in `Trump sent tweets
    // saying ...`): a speaker phrase never holds a finite verb.
    if main_subject.is_none() && !participle && !swallows_verb(doc, subject) {
        *main_subject = Some(subject);
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
    if (QUOTE_ONLY.iter().any(|w| doc.lower_is(c.a, w)) || quotation_only(doc, c.a))
        && !matches!(comp, Comp::Quote(_) | Comp::Colon(_))
    {
        return None;
    }
    let (start, clause) = match comp {
        Comp::Colon(k) | Comp::That(k) | Comp::Quote(k) => (k, false),
        Comp::Clause(k) => (k, true),
        Comp::None => return None,
    };
    // The quotation a tag already owns, right after the cue or after its colon
    // (`scolded him: "...," she said`).
    if let Comp::Quote(k) | Comp::Colon(k) = comp {
        if k < b && doc.quote_opening_at(k).is_some_and(|q| used[q]) {
            return None;
        }
    }
    // A colon at the end of the paragraph: the quotation is the next paragraph.
    if matches!(comp, Comp::Colon(_)) && start >= b {
        let mut content = Vec::new();
        follow_pieces(doc, b, b, &mut content, used);
        return (!content.is_empty()).then_some(Found {
            content,
            cue: Some((c.a, c.b)),
            speaker: Some(subject),
            confidence: 0.85,
        });
    }
    let mut end = content_end(start, b, stops);
    // `told them that if it failed, he would quit`, `said when the vote comes, she will oppose
    // it`, `said it was hard but that if he made one, he should ...`: a fronted clause inside
    // the reported clause does not end it at its comma.
    let fronted = match comp {
        Comp::That(k) => {
            k + 1 < b
                && doc.in_quote[k + 1] == 0
                && (doc.flags(k + 1) & (PREP | TIME) != 0 || opens_fronted(doc, k + 1))
        }
        // After a hearer: `told reporters if ...`, `told the AP when ...`.
        Comp::Clause(k) => {
            let hearer = if c.class & TELL != 0 { 4 } else { 0 };
            (k..(k + 1 + hearer).min(end))
                .take_while(|&m| doc.toks[m].is_word())
                .find(|&m| opens_fronted(doc, m))
                .is_some_and(|m| !doc.lower_is(m, "as"))
        }
        _ => false,
    } || fronted_after_that(doc, start, end);
    if fronted && end < b && doc.toks[end].is_punct(',') {
        end = content_end(end, b, stops);
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
    if doc.lower_is(subject.0, "who") && subject.0 > a && doc.toks[subject.0 - 1].is_punct(',') {
        if let Some(k) =
            (start + 1..end).find(|&k| doc.in_quote[k] == 0 && doc.toks[k].is_punct(','))
        {
            end = k;
        }
    }
    // `vowed to fight on, citing ...`, `said ..., however this time ...`: a phrase or clause
    // of the writer's after a comma.
    end = clause_end(doc, start, end);
    // `called for more investment in a statement on Thursday`: where it was said, after an
    // object (a clause's own phrase may tell where its events happened: `said the figures were
    // wrong during a hearing`).
    if clause {
        end = medium_end(doc, start, end);
    }
    if clause {
        if let Some(e) = as_quoted_end(doc, start, end) {
            end = e;
        }
    }
    if end <= start {
        return None;
    }
    // `reported on Tuesday.`, `reported from Kiev.`: a short phrase is no content.
    if clause && doc.flags(start) & PREP != 0 && end - start <= 4 && !doc.lower_is(start, "about") {
        return None;
    }
    let has_quote = (start..end).any(|k| doc.in_quote[k] != 0 || doc.quote_opening_at(k).is_some());
    // `The voters I asked said ...`: a clause never opens with a finite speech verb; the verb
    // before it sits in its speaker's relative clause.
    if clause
        && doc.in_quote[start] == 0
        && doc.flags(start) & (SAY | TELL) != 0
        && doc.flags(start) & (F_PAST | F_S | F_BASE) != 0
        && !doc.is_cap(start)
    {
        return None;
    }
    // `She wrote a letter claiming ...`, `He posted a video saying ...`: the object is a text
    // whose participle reports (and speaks for the subject); the writing itself reports nothing.
    if clause && !has_quote && text_then_participle(doc, start, end) {
        return None;
    }
    // `shouting insults.`, `chanted slogans at the police`: a bare noun as the object of a verb
    // of the manner of speaking is the sound made, not a reported clause. (Other verbs taking a
    // noun report a stance on it: `declared bankruptcy`, `vowed consequences`.)
    if clause && !has_quote && manner_of_speaking(doc, c.a) && bare_object(doc, start, end) {
        return None;
    }
    if c.class & (SAY | TELL | BELIEF | EVAL) == 0 {
        let soon = (start..end.min(start + 12))
            .any(|k| doc.in_quote[k] != 0 || doc.quote_opening_at(k).is_some());
        if !soon {
            return None;
        }
    }
    if c.class & (SAY | TELL | EVAL) == 0 && c.class & MIXED != 0 && !has_quote && clause {
        return None;
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
                doc.flags(k) & (DET | PRON) != 0 && !doc.is_cap(k) && doc.flags(k - 1) & DET == 0
            });
            start = cut.unwrap_or(np.1);
        }
        if start >= end || !(doc.toks[start].is_word() || doc.toks[start].is_quote()) {
            return None;
        }
    }
    // `said: "We will fight on".`: a quotation followed only by the sentence's punctuation is
    // the content without it, as when the punctuation is inside the marks.
    if matches!(comp, Comp::Quote(_) | Comp::Colon(_)) {
        if let Some(q) = doc.quote_opening_at(start) {
            let close = doc.quotes[q].close;
            // `chanted "What curfew?" and kept going`: a quoted sentence complete inside its
            // marks ends the content too.
            let complete = close > 0
                && (doc.toks[close - 1].is_punct('?')
                    || doc.toks[close - 1].is_punct('!')
                    || doc.toks[close - 1].is_punct('.'));
            // `says, "Don't you do it," until shots are heard`: so does a quotation closing on
            // a comma before a conjunction that opens a clause of the writer's.
            const THEN: &[&str] = &[
                "until", "when", "before", "after", "while", "as", "because", "and", "but",
            ];
            let complete = complete
                || close > 0
                    && doc.toks[close - 1].is_punct(',')
                    && THEN.iter().any(|w| doc.lower_is(close + 1, w));
            if doc.quotes[q].closed
                && close + 1 < end
                && (complete
                    || (close + 1..end).all(|k| matches!(doc.toks[k].kind, Kind::Punct(_))))
            {
                end = close + 1;
            }
        }
    }
    let p = piece(doc, start, end)?;
    let mut content = vec![p];
    mark_used(doc, start, end, used);
    // A quotation that the cue introduces may run on.
    if matches!(comp, Comp::Quote(_) | Comp::Colon(_))
        && (doc.in_quote[end - 1] != 0 || doc.is_closing_quote(end - 1))
    {
        follow_pieces(doc, end, b, &mut content, used);
    }
    let conf = if has_quote { 0.85 } else { 0.7 };
    Some(Found {
        content,
        cue: Some((c.a, c.b)),
        speaker: Some(subject),
        confidence: conf,
    })
}

/// Whether tokens from `start` are a noun phrase opened by a determiner (`a letter`, `his
/// latest post`) followed, within five words, by a participle that reports (`claiming`,
/// `saying`).
fn text_then_participle(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    if doc.flags(start) & DET == 0 || doc.in_quote[start] != 0 {
        return false;
    }
    for k in start + 1..end.min(start + 6) {
        let t = &doc.toks[k];
        // Words, and hyphens inside them (`an op-ed`).
        if t.is_punct('-') && doc.toks[k - 1].is_word() {
            continue;
        }
        if !t.is_word() || doc.in_quote[k] != 0 {
            return false;
        }
        if doc.flags(k) & CUE != 0 && doc.flags(k) & F_ING != 0 {
            // A clause after it: `that`, a pronoun, a determiner or a name (not `the FBI
            // finding raised ...`, `found the area welcoming.`).
            let n = k + 1;
            let clause = n < end
                && doc.in_quote[n] == 0
                && (doc.lower_is(n, "that") || doc.flags(n) & (PRON | DET) != 0 || doc.is_cap(n));
            return k > start + 1 && clause;
        }
        // A finite verb ends the phrase; a hyphenated noun ending like one does not (`op-ed`).
        if doc.flags(k) & (PREP | BOUNDARY | AUX | PRON | CUE) != 0
            || verbal(doc, k) && !doc.word(k).contains('-')
        {
            return false;
        }
    }
    false
}

/// The speaker of a participle cue with no comma before it whose subject phrase `np` is the
/// object of the clause's verb: `a statement` after `issued` in `The group issued a statement
/// arguing ...`, or a phrase that runs from a name over a verb, `Trump sent messages` in `Trump
/// sent messages saying ...`. The clause's subject then speaks: the main subject, or the noun
/// phrase opening the clause. `None` where `np` is the participle's own subject (`with officials
/// saying`, `Protesters marching`).
fn participle_subject(
    doc: &Doc<'_>,
    (s, e): (usize, usize),
    a: usize,
    main_subject: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let verbal = |k: usize| verbal(doc, k);
    // The verb before the object: `issued a statement`, `sent tweets`, `put out a statement`.
    let particle = |k: usize| PARTICLES.iter().any(|w| doc.lower_is(k, w));
    let object = s > a && verbal(s - 1) || s > a + 1 && particle(s - 1) && verbal(s - 2);
    // A phrase running over a verb from its subject (`Trump sent messages`), or from right
    // after it (`sent messages` after `She`).
    let swallowed = verb_in(doc, (s.saturating_sub(1).max(a), e.saturating_sub(1)));
    if !object && swallowed.is_none() {
        return None;
    }
    let verb = if s > a + 1 && particle(s - 1) {
        s - 2
    } else {
        s.saturating_sub(1)
    };
    let limit = swallowed.unwrap_or(verb);
    main_subject.filter(|m| m.1 <= limit).or_else(|| {
        // The phrase opening the clause, right before its verb (past adverbs and times), naming
        // someone: not `It` (`It's worth noting that`), not an adverb (`Recently`).
        first_np(doc, a, limit).filter(|&(ms, me)| {
            let person = doc.flags(ms) & DET != 0
                || (ms..me).any(|k| doc.is_cap(k) || doc.flags(k) & (PRON | SPEAKER_NOUN) != 0);
            let it = me == ms + 1 && (doc.lower_is(ms, "it") || doc.flags(ms) & (ADV | TIME) != 0);
            me <= limit
                && skip_verb_group_left(doc, limit, a) == me
                && person
                && !it
                && !doc.is_ly(ms)
                && !swallows_verb(doc, (ms, me))
        })
    })
}

/// The first word of `[s, e)` that reads as a [`verbal`] form after a subject: a name, a
/// person's role or a pronoun, or a determiner and a noun; the verb a phrase running from its
/// subject swallowed (`sent` in `Trump sent`, `The group sent`), not a participle describing a
/// noun (`the elected officials`, `newly elected`).
fn verb_in(doc: &Doc<'_>, (s, e): (usize, usize)) -> Option<usize> {
    let subject_before = |k: usize| {
        let p = k - 1;
        doc.is_cap(p)
            || doc.flags(p) & (SPEAKER_NOUN | TITLE | PRON) != 0
            || p > s
                && doc.flags(p - 1) & DET != 0
                && doc.flags(p) & (DET | ADV | PREP | BOUNDARY | AUX | TIME) == 0
                && !doc.is_ly(p)
    };
    (s + 1..e).find(|&k| subject_before(k) && verbal(doc, k))
}

/// Whether speaker phrase `np` holds a verb after a name ([`verb_in`]).
fn swallows_verb(doc: &Doc<'_>, np: (usize, usize)) -> bool {
    verb_in(doc, np).is_some()
}

/// Particles between a verb and its object (`put out a statement`, `fired off tweets`).
const PARTICLES: &[&str] = &["out", "off", "up", "down", "back"];

/// Whether the word at `k` reads as a verb in the past or an auxiliary: lower case, not a
/// function word, a name or a role, and an `-ed` form, a cue's past form or a [`PAST_VERBS`]
/// word (not `tweets`, a cue's form that is a noun as often).
fn verbal(doc: &Doc<'_>, k: usize) -> bool {
    doc.toks[k].is_word()
        && doc.in_quote[k] == 0
        && !doc.is_cap(k)
        && !doc.word(k).starts_with(['\'', '’'])
        && doc.flags(k) & (PREP | BOUNDARY | DET | PRON | TIME | ADV | SPEAKER_NOUN | TITLE) == 0
        && !doc.is_ly(k)
        && (doc.word(k).ends_with("ed")
            || doc.flags(k) & (VERBISH | AUX | F_PAST) != 0
            || doc.word(k).len() <= 7
                && PAST_VERBS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(doc.word(k))))
}

/// Past forms of common verbs that take an object a participle may follow (`sent tweets
/// saying`, `put out a statement warning`), beside the `-ed` forms.
const PAST_VERBS: &[&str] = &[
    "sent", "put", "took", "got", "had", "held", "gave", "made", "brought", "wrote", "spent",
    "ran", "began", "led", "left", "kept", "set", "built", "drew", "struck", "won", "lost", "sang",
];

/// Whether the cue at `i` is a form of a [`QUOTATION_ONLY_VERBS`] verb: the base, `-s`, `-ed` and
/// `-ing` forms, with a final `e` dropped, a `y` turned to `ie` or a consonant doubled. (The
/// lexicon counts them all as speech verbs; the test allocates nothing.)
fn quotation_only(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.word(i).as_bytes();
    if doc.flags(i) & SAY == 0 || !w.is_ascii() || w.len() > 16 {
        return false;
    }
    let mut buf = [0u8; 16];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    QUOTATION_ONLY_VERBS
        .iter()
        .any(|lemma| form_of(lower, lemma.as_bytes()))
}

/// Whether `w` (lower case) is a form of the regular verb `lemma`.
fn form_of(w: &[u8], lemma: &[u8]) -> bool {
    let Some((&last, stem)) = lemma.split_last() else {
        return false;
    };
    let Some(rest) = w.strip_prefix(stem) else {
        return false;
    };
    match last {
        b'e' => matches!(rest, b"e" | b"es" | b"ed" | b"ing"),
        b'y' => matches!(rest, b"y" | b"ies" | b"ied" | b"ying"),
        _ => match rest.split_first() {
            Some((&c, tail)) if c == last => {
                matches!(tail, b"" | b"s" | b"es" | b"ed" | b"ing")
                    || tail.first() == Some(&last) && matches!(&tail[1..], b"ed" | b"ing")
            }
            _ => false,
        },
    }
}

/// Verbs of the manner of speaking, by stem: they take the noise made as their object.
const MANNER_STEMS: &[&str] = &[
    "shout", "yell", "scream", "chant", "whisper", "mutter", "mumble", "murmur", "cried", "cry",
    "cries", "sing", "sang", "bark", "roar", "shriek", "howl", "hiss", "boo", "cheer",
];

/// Whether the cue at `i` is a verb of the manner of speaking (`shouted`, `chanting`).
fn manner_of_speaking(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.word(i);
    MANNER_STEMS.iter().any(|s| {
        w.len() >= s.len() && w.is_char_boundary(s.len()) && w[..s.len()].eq_ignore_ascii_case(s)
    })
}

/// Where content that names its object `as` a quotation ends: with the quotation, and the ones
/// `and` or `or` join to it, when a comma, a time or a setting follows (`criticized the law as a
/// “crazy system” during a stop`, `blasted Trump as a “leech” and a “brat” on Monday`). `None`
/// when the content `[start, end)` does not open so (a short phrase without punctuation, `as`, at
/// most one article, a quote mark) or the phrase goes on after the quotation.
fn as_quoted_end(doc: &Doc<'_>, start: usize, end: usize) -> Option<usize> {
    let mut j = start;
    while j < end && !doc.lower_is(j, "as") {
        let t = &doc.toks[j];
        if j - start >= 10
            || doc.in_quote[j] != 0
            || !(t.is_word() || matches!(t.kind, Kind::Number | Kind::Punct('%')))
        {
            return None;
        }
        j += 1;
    }
    if j == start || j >= end {
        return None;
    }
    let article = |k: usize| ["a", "an", "the"].iter().any(|w| doc.lower_is(k, w));
    let opening = |k: usize| {
        let k = if k < end && article(k) { k + 1 } else { k };
        if k >= end {
            return None;
        }
        doc.quote_opening_at(k)
            .map(|q| doc.quotes[q])
            .filter(|q| q.closed && q.close < end)
    };
    let mut q = opening(j + 1)?;
    while q.close + 2 < end && (doc.lower_is(q.close + 1, "and") || doc.lower_is(q.close + 1, "or"))
    {
        match opening(q.close + 2) {
            Some(next) => q = next,
            None => break,
        }
    }
    let after = q.close + 1;
    if after >= end {
        return None;
    }
    // Only where the predicate is over: a comma at the close or after it, a time, or a phrase of
    // when and where (`during a stop`). `as “a grave threat” to stability`, `as “a politician”
    // who ...` and `as “X” as examples of Y` go on.
    const SETTING: &[&str] = &[
        "during", "on", "at", "in", "while", "when", "after", "before",
    ];
    let over = doc.toks[q.close - 1].is_punct(',')
        || doc.toks[after].is_punct(',')
        || doc.toks[after].is_punct(';')
        || doc.flags(after) & TIME != 0
        || SETTING.iter().any(|w| doc.lower_is(after, w));
    over.then_some(after)
}

/// Whether content `[start, end)` opens with a bare lower-case noun that stands alone: followed
/// by the content's end, punctuation, a preposition or `and`.
fn bare_object(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let t = &doc.toks[start];
    let bare = t.is_word()
        && !doc.is_cap(start)
        && t.flags & (DET | PRON | AUX | BOUNDARY | PREP | ADV | TIME | CUE | VERBISH) == 0
        && !doc.is_ly(start);
    let next = start + 1;
    bare && (next >= end
        || !doc.toks[next].is_word()
        || doc.flags(next) & PREP != 0
        || doc.lower_is(next, "and"))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{doc, read};
    use super::*;

    fn run(text: &str) -> Vec<(String, Vec<String>)> {
        let d = doc(text);
        let mut found = Vec::new();
        let mut used = vec![false; d.quotes.len()];
        sentence(&d, 0, &mut found, &mut used);
        read(&d, &found)
    }

    #[test]
    fn a_tag_owns_the_content_before_it() {
        assert_eq!(
            run("\"We won,\" she said."),
            [("she".into(), vec!["\"We won,\"".into()])]
        );
    }

    #[test]
    fn an_object_named_as_a_quotation_ends_with_the_quotation() {
        assert_eq!(
            run("Lee criticized the law as a \u{201c}crazy system\u{201d} during a stop."),
            [(
                "Lee".to_string(),
                vec!["the law as a \u{201c}crazy system\u{201d}".to_string()]
            )]
        );
        assert_eq!(
            run("Reid blasted Trump as a \"leech\" and a \"brat\" on Monday."),
            [(
                "Reid".to_string(),
                vec!["Trump as a \"leech\" and a \"brat\"".to_string()]
            )]
        );
    }

    #[test]
    fn every_regular_form_of_a_verb_is_read() {
        for (lemma, forms) in [
            ("cry", &["cry", "cries", "cried", "crying"][..]),
            ("sob", &["sob", "sobs", "sobbed", "sobbing"][..]),
            ("hiss", &["hiss", "hisses", "hissed", "hissing"][..]),
            ("tease", &["tease", "teases", "teased", "teasing"][..]),
            ("plead", &["plead", "pleads", "pleaded", "pleading"][..]),
        ] {
            for form in forms {
                assert!(form_of(form.as_bytes(), lemma.as_bytes()), "{form}");
            }
        }
        for (lemma, other) in [
            ("cry", "criticized"),
            ("return", "returnee"),
            ("sob", "sober"),
        ] {
            assert!(!form_of(other.as_bytes(), lemma.as_bytes()), "{other}");
        }
    }

    #[test]
    fn a_bare_noun_object_is_not_reported_speech() {
        for text in [
            "The fans were shouting insults.",
            "The crowd chanted slogans at the police.",
            "Protesters yelled obscenities and left.",
        ] {
            assert_eq!(run(text), [], "{text}");
        }
        // A clause after the verb still is.
        assert_eq!(run("Analysts said prices will rise.").len(), 1);
    }

    #[test]
    fn a_participle_with_that_reports_for_the_clause_speaker_without_a_comma() {
        for time in ["early Friday", "on Monday", "again"] {
            let text =
                format!("Trump unleashed a series of tweets {time} saying that Clinton erred.");
            let got = run(&text);
            assert_eq!(
                got,
                [("Trump".into(), vec!["that Clinton erred.".into()])],
                "{text}"
            );
        }
        assert_eq!(run("It goes without saying that taxes matter."), []);
    }

    #[test]
    fn a_participle_takes_the_clause_speaker() {
        let got = run("The mayor resigned, saying she was tired.");
        assert_eq!(got, [("The mayor".into(), vec!["she was tired.".into()])]);
    }
}
