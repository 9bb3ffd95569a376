//! Entity mentions of a document: gazetteer matches, people the gazetteer does not know, and
//! later partial mentions of the people of the document.

use std::collections::HashMap;

use byline_tokenize::Segmentation;

use crate::common_words::is_common_word;
use crate::gazetteer::sentence_initial;
use crate::{names, titles, EntityMention, EntryId, Gazetteer, Label, Span};

/// A word of the text, as the person rules see it.
#[derive(Clone, Copy, Debug)]
struct Word {
    start: usize,
    end: usize,
    /// Capitalised: an upper-case first letter and a lower-case letter after it, or an initial.
    cap: bool,
    /// Index of the gazetteer mention covering the word, if any (`u32`: a document has fewer
    /// matches than bytes, and this table is the largest one for a long document).
    cov: Option<u32>,
    sent: u32,
    /// First word of its sentence.
    first: bool,
}

impl Word {
    fn covered(&self) -> Option<usize> {
        self.cov.map(|m| m as usize)
    }

    fn sentence(&self) -> usize {
        self.sent as usize
    }
}

/// Lower-case name particles that may sit inside a person's name (`bin`, `van`, `de`).
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "der", "di", "dos", "du", "ibn", "la", "le", "van",
    "von",
];

/// Short words that do not count against a title-case headline.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or", "the", "to",
    "with",
];

fn is_cap(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    let rest = chars.as_str().trim_end_matches('.');
    rest.is_empty() || rest.chars().any(char::is_lowercase)
}

/// Words: runs of letters and digits, joined by an inner hyphen or apostrophe (`Jean-Luc`,
/// `O'Brien`), without a final possessive `'s`; an initial keeps its period (`F.`).
/// Calls `emit(start, end)` for each word of `text`, in order.
fn scan_words(text: &str, mut emit: impl FnMut(usize, usize)) {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() || unicode_normalization::char::is_combining_mark(d) {
                end = j + d.len_utf8();
                chars.next();
                continue;
            }
            if matches!(d, '-' | '\'' | '’') {
                let rest = &text[j + d.len_utf8()..];
                let next = rest.chars().next();
                let possessive = d != '-'
                    && matches!(next, Some('s' | 'S'))
                    && !rest[1..].chars().next().is_some_and(char::is_alphanumeric);
                if next.is_some_and(char::is_alphanumeric) && !possessive {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
            }
            break;
        }
        let word = &text[start..end];
        if word.chars().count() == 1 && c.is_uppercase() && text[end..].starts_with('.') {
            end += 1;
            chars.next();
        }
        emit(start, end);
    }
}

/// Only spaces (no line break, no punctuation) between two words of a name.
fn joined(text: &str, a: usize, b: usize) -> bool {
    a < b && text[a..b].chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// A person of the document that later mentions resolve to.
#[derive(Clone, Debug, PartialEq)]
enum Person {
    Known(EntryId),
    Unknown(String),
}

pub(crate) fn recognize(gaz: &Gazetteer, text: &str, seg: &Segmentation) -> Vec<EntityMention> {
    let matches = gaz.find(text);

    // Sentences: from the segmentation, or from punctuation when there is none.
    let mut words: Vec<Word> = Vec::new();
    let mut sentence = 0u32;
    let mut sent_iter = seg.sentences.iter().map(|s| s.span).peekable();
    let mut m = 0usize;
    scan_words(text, |s, e| {
        let k = words.len();
        let first = if seg.sentences.is_empty() {
            k == 0 || sentence_initial(text, s)
        } else {
            let mut first = k == 0;
            while let Some(span) = sent_iter.peek() {
                if span.end <= s {
                    sent_iter.next();
                    continue;
                }
                if span.start <= s && words.last().is_some_and(|w: &Word| w.end <= span.start) {
                    first = true;
                }
                break;
            }
            first
        };
        if first && k > 0 {
            sentence += 1;
        }
        while m < matches.len() && matches[m].span.end <= s {
            m += 1;
        }
        let covered = (m < matches.len() && matches[m].span.start < e).then_some(m as u32);
        words.push(Word {
            start: s,
            end: e,
            cap: is_cap(&text[s..e]),
            cov: covered,
            sent: sentence,
            first,
        });
    });
    let n = words.len();

    // A one-word place that is a first name, right before an unknown capitalised word, starts
    // a person's name (`Jordan Peterson`).
    let mut dropped = vec![false; matches.len()];
    for k in 0..n.saturating_sub(1) {
        let (w, next) = (words[k], words[k + 1]);
        let Some(mi) = w.covered() else { continue };
        let mt = &matches[mi];
        let label = gaz.label(mt.entry);
        if mt.span.start == w.start
            && mt.span.end == w.end
            && matches!(label, Label::Gpe | Label::Loc)
            && names::is_first_name(&text[w.start..w.end])
            && next.covered().is_none()
            && next.cap
            && joined(text, w.end, next.start)
            && !titles::is_title_word(&text[next.start..next.end])
            && !is_common_word(&text[next.start..next.end].to_lowercase())
        {
            dropped[mi] = true;
            words[k].cov = None;
        }
    }

    // Title-case headlines (no final punctuation, mostly capitalised words).
    let sentences = words.last().map_or(0, |w| w.sentence() + 1);
    let mut headline = vec![false; sentences];
    {
        let mut caps = vec![0usize; sentences];
        let mut lowers = vec![0usize; sentences];
        let mut last_end = vec![0usize; sentences];
        for w in &words {
            let t = &text[w.start..w.end];
            last_end[w.sentence()] = w.end;
            if t.chars().next().is_some_and(char::is_uppercase) {
                caps[w.sentence()] += 1;
            } else if t.chars().next().is_some_and(char::is_lowercase) && !SMALL_WORDS.contains(&t)
            {
                lowers[w.sentence()] += 1;
            }
        }
        for s in 0..sentences {
            let after =
                text[last_end[s]..].trim_start_matches([' ', '\t', '"', '”', '’', '\'', ')']);
            let ended = after.starts_with(['.', '!', '?', '…']);
            headline[s] = !ended && caps[s] >= 3 && caps[s] * 10 >= (caps[s] + lowers[s]) * 8;
        }
    }

    // Runs of capitalised words not covered by the gazetteer.
    struct Run {
        first: usize,
        last: usize,
        caps: usize,
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut k = 0;
    while k < n {
        let w = words[k];
        let t = &text[w.start..w.end];
        if !w.cap || w.covered().is_some() || titles::is_title_word(t) {
            k += 1;
            continue;
        }
        let mut last = k;
        let mut caps = 1;
        let mut j = k + 1;
        while j < n && caps < 4 {
            let v = words[j];
            let vt = &text[v.start..v.end];
            if !joined(text, words[j - 1].end, v.start) || v.covered().is_some() {
                break;
            }
            if v.cap && !titles::is_title(vt) {
                last = j;
                caps += 1;
                j += 1;
            } else if PARTICLES.contains(&vt)
                && j + 1 < n
                && words[j + 1].cap
                && words[j + 1].covered().is_none()
                && joined(text, v.end, words[j + 1].start)
            {
                j += 1;
            } else {
                break;
            }
        }
        runs.push(Run {
            first: k,
            last,
            caps,
        });
        k = last + 1;
    }

    // People named in full: after a title, or starting with a known first name.
    let mut people: Vec<(Span, Person, Option<titles::Title>)> = Vec::new();
    let mut single: Vec<(usize, Option<titles::Title>)> = Vec::new();
    for run in &runs {
        let (fw, lw) = (words[run.first], words[run.last]);
        let first_word = &text[fw.start..fw.end];
        let title = titles::title_before(text, fw.start)
            .filter(|t| t.span.end <= fw.start && !headline[fw.sentence()]);
        // A first name that is also a common word (`Mark`, `Will`) counts inside a sentence
        // only, before a surname that is not a common word.
        let second = words
            .get(run.first + 1)
            .map(|w| &text[w.start..w.end])
            .unwrap_or("");
        let first_name = names::is_first_name(first_word)
            && (!is_common_word(&first_word.to_lowercase())
                || !fw.first && run.caps >= 2 && !is_common_word(&second.to_lowercase()));
        let person = match title {
            Some(t) if !t.weak => true,
            Some(_) => first_name || run.caps >= 2,
            None => first_name && run.caps >= 2 && !headline[fw.sentence()],
        };
        if person && run.caps >= 2 {
            let span = Span::new(fw.start, lw.end);
            people.push((span, Person::Unknown(text[span.range()].to_owned()), title));
        } else if run.caps == 1 {
            single.push((run.first, if person { title } else { None }));
        }
    }

    // Surnames of the document's people.
    let mut surnames: HashMap<&str, Option<Person>> = HashMap::new();
    for (i, mt) in matches.iter().enumerate() {
        let name = gaz.name(mt.entry);
        if dropped[i] || gaz.label(mt.entry) != Label::Person {
            continue;
        }
        if let Some(last) = name.split_whitespace().last() {
            if last != name {
                insert_surname(&mut surnames, last, Person::Known(mt.entry));
            }
        }
    }
    for (span, p, _) in &people {
        let name = &text[span.range()];
        if let Some(last) = name.split(' ').next_back() {
            insert_surname(&mut surnames, last, p.clone());
        }
    }
    // Fullest form of each unknown name.
    let mut fullest: HashMap<String, String> = HashMap::new();
    for (_, p, _) in &people {
        if let Person::Unknown(name) = p {
            let last = name.split(' ').next_back().unwrap_or(name).to_owned();
            let entry = fullest.entry(last).or_insert_with(|| name.clone());
            if name.len() > entry.len() {
                *entry = name.clone();
            }
        }
    }

    let mut out: Vec<EntityMention> = Vec::with_capacity(matches.len() + people.len());
    for (i, mt) in matches.iter().enumerate() {
        if dropped[i] {
            continue;
        }
        out.push(EntityMention {
            span: mt.span,
            label: gaz.label(mt.entry),
            entity_id: gaz.qid(mt.entry).map(str::to_owned),
            name: gaz.name(mt.entry).to_owned(),
            entry: Some(mt.entry),
            title: None,
        });
    }
    let unknown = |name: &str, span: Span| {
        let last = name.split(' ').next_back().unwrap_or(name);
        let full = fullest
            .get(last)
            .cloned()
            .unwrap_or_else(|| name.to_owned());
        EntityMention {
            span,
            label: Label::Person,
            entity_id: None,
            name: full,
            entry: None,
            title: None,
        }
    };
    let known = |id: EntryId, span: Span| EntityMention {
        span,
        label: Label::Person,
        entity_id: gaz.qid(id).map(str::to_owned),
        name: gaz.name(id).to_owned(),
        entry: Some(id),
        title: None,
    };
    for (span, p, _) in &people {
        match p {
            Person::Unknown(name) => out.push(unknown(name, *span)),
            Person::Known(id) => out.push(known(*id, *span)),
        }
    }
    for (k, title) in single {
        let w = words[k];
        let span = Span::new(w.start, w.end);
        let t = &text[span.range()];
        match surnames.get(t) {
            Some(Some(Person::Known(id))) => out.push(known(*id, span)),
            Some(Some(Person::Unknown(name))) => out.push(unknown(name, span)),
            Some(None) => {}
            None if title.is_some() => out.push(unknown(t, span)),
            None => {}
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));

    // Titles of people, extended over an organisation, place or nationality right before.
    for i in 0..out.len() {
        if out[i].label != Label::Person {
            continue;
        }
        let Some(t) = titles::title_before(text, out[i].span.start) else {
            continue;
        };
        let mut start = t.span.start;
        if let Some(prev) = out[..i].iter().rev().find(|m| m.span.end <= start) {
            if matches!(
                prev.label,
                Label::Org | Label::Gpe | Label::Norp | Label::Fac
            ) && joined(text, prev.span.end, start)
            {
                start = prev.span.start;
            }
        }
        out[i].title = Some(Span::new(start, t.span.end));
    }
    out
}

fn insert_surname<'a>(map: &mut HashMap<&'a str, Option<Person>>, key: &'a str, p: Person) {
    match map.get(key) {
        None => {
            map.insert(key, Some(p));
        }
        Some(Some(q)) if *q == p => {}
        Some(_) => {
            map.insert(key, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        let text = "Putin's John F. Kennedy, Jean-Luc O’Brien Su-35";
        let mut got: Vec<&str> = Vec::new();
        scan_words(text, |s, e| got.push(&text[s..e]));
        assert_eq!(
            got,
            [
                "Putin",
                "s",
                "John",
                "F.",
                "Kennedy",
                "Jean-Luc",
                "O’Brien",
                "Su-35"
            ]
        );
    }
}
