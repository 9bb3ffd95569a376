//! Entity mentions of a document: gazetteer matches, people the gazetteer does not know, and
//! later partial mentions of the people of the document.

use byline_tokenize::Segmentation;
use rustc_hash::FxHashMap;

use crate::common_words::is_common_word_lowered;
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
fn is_small_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "and"
            | "as"
            | "at"
            | "but"
            | "by"
            | "for"
            | "from"
            | "in"
            | "of"
            | "on"
            | "or"
            | "the"
            | "to"
            | "with"
    )
}

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
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        loop {
            // ASCII letters and digits, most of a word, need no decoding.
            while text
                .as_bytes()
                .get(end)
                .is_some_and(u8::is_ascii_alphanumeric)
            {
                end += 1;
            }
            let Some(d) = char_at(text, end) else { break };
            // No ASCII character is a combining mark.
            if d.is_alphanumeric()
                || !d.is_ascii() && unicode_normalization::char::is_combining_mark(d)
            {
                end += d.len_utf8();
                continue;
            }
            if matches!(d, '-' | '\'' | '’') {
                let rest = &text[end + d.len_utf8()..];
                let next = rest.chars().next();
                let possessive = d != '-'
                    && matches!(next, Some('s' | 'S'))
                    && !rest[1..].chars().next().is_some_and(char::is_alphanumeric);
                if next.is_some_and(char::is_alphanumeric) && !possessive {
                    end += d.len_utf8();
                    continue;
                }
            }
            break;
        }
        // A single capital letter.
        if end - start == c.len_utf8() && c.is_uppercase() && text[end..].starts_with('.') {
            end += 1;
        }
        emit(start, end);
        i = end;
    }
}

/// The character starting at byte `i` of `text` (a character boundary), decoded only when it
/// is not ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
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

/// A run of capitalised words that no gazetteer match covers (with name particles inside).
struct Run {
    /// Index of its first and last word.
    first: usize,
    last: usize,
    /// Capitalised words in it (at most 4).
    caps: usize,
}

/// A person named in full (two capitalised words or more) outside the gazetteer's matches.
type FullName = (Span, Person, Option<titles::Title>);

/// Surnames of the document's people; `None` where two different people share one.
type Surnames<'t> = FxHashMap<&'t str, Option<Person>>;

/// The mentions of `text`: the gazetteer's matches, people it does not list named in full
/// (after a title, or from a known first name), and later one-word mentions of a surname of
/// the document's people, each with the title before it.
pub(crate) fn recognize(gaz: &Gazetteer, text: &str, seg: &Segmentation) -> Vec<EntityMention> {
    let matches = gaz.find(text);
    let mut words = words(text, seg, &matches);
    let dropped = drop_first_name_places(gaz, text, &matches, &mut words);
    let headline = headlines(text, &words);
    let runs = capitalised_runs(text, &words);
    let (people, single) = full_names(text, &words, &runs, &headline);
    let surnames = surnames(gaz, text, &matches, &dropped, &people);
    let fullest = fullest_names(&people);

    let mut out: Vec<EntityMention> = Vec::with_capacity(matches.len() + people.len());
    for (mt, _) in matches.iter().zip(&dropped).filter(|(_, &d)| !d) {
        out.push(EntityMention {
            span: mt.span,
            label: gaz.label(mt.entry),
            entity_id: gaz.qid(mt.entry).map(str::to_owned),
            name: gaz.name(mt.entry).to_owned(),
            entry: Some(mt.entry),
            title: None,
        });
    }
    let people_mentions = people.iter().map(|(span, p, _)| (*span, p));
    let surname_mentions = single.iter().filter_map(|&(k, title)| {
        let w = words[k];
        let span = Span::new(w.start, w.end);
        let t = &text[span.range()];
        match surnames.get(t) {
            Some(Some(p)) => Some((span, Err(p))),
            Some(None) => None,
            None => title.map(|_| (span, Ok(t))),
        }
    });
    for (span, person) in people_mentions
        .map(|(span, p)| (span, Err(p)))
        .chain(surname_mentions)
    {
        out.push(match person {
            Err(Person::Known(id)) => known_person(gaz, *id, span),
            Err(Person::Unknown(name)) => unknown_person(&fullest, name, span),
            Ok(name) => unknown_person(&fullest, name, span),
        });
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    attach_titles(text, &mut out);
    out
}

/// The words of `text` with their sentence (from the segmentation, or from punctuation when
/// there is none) and the gazetteer match covering each.
fn words(text: &str, seg: &Segmentation, matches: &[crate::Match]) -> Vec<Word> {
    // About one word in six bytes of news text.
    let mut words: Vec<Word> = Vec::with_capacity(text.len() / 6 + 1);
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
    words
}

/// A one-word place that is a first name, right before an unknown capitalised word, starts a
/// person's name (`Jordan Peterson`): its match is dropped (`true` in the returned table) and
/// its word uncovered.
fn drop_first_name_places(
    gaz: &Gazetteer,
    text: &str,
    matches: &[crate::Match],
    words: &mut [Word],
) -> Vec<bool> {
    let mut dropped = vec![false; matches.len()];
    for k in 0..words.len().saturating_sub(1) {
        let (w, next) = (words[k], words[k + 1]);
        let Some(mi) = w.covered() else { continue };
        let mt = &matches[mi];
        if mt.span.start == w.start
            && mt.span.end == w.end
            && matches!(gaz.label(mt.entry), Label::Gpe | Label::Loc)
            && next.covered().is_none()
            && next.cap
            && joined(text, w.end, next.start)
            && names::is_first_name(&text[w.start..w.end])
            && !titles::is_title_word(&text[next.start..next.end])
            && !is_common_word_lowered(&text[next.start..next.end])
        {
            dropped[mi] = true;
            words[k].cov = None;
        }
    }
    dropped
}

/// Per sentence: whether it is a title-case headline (no final punctuation, mostly
/// capitalised words), where a title or first name says less.
fn headlines(text: &str, words: &[Word]) -> Vec<bool> {
    let sentences = words.last().map_or(0, |w| w.sentence() + 1);
    let mut caps = vec![0usize; sentences];
    let mut lowers = vec![0usize; sentences];
    let mut last_end = vec![0usize; sentences];
    for w in words {
        let t = &text[w.start..w.end];
        last_end[w.sentence()] = w.end;
        if t.chars().next().is_some_and(char::is_uppercase) {
            caps[w.sentence()] += 1;
        } else if t.chars().next().is_some_and(char::is_lowercase) && !is_small_word(t) {
            lowers[w.sentence()] += 1;
        }
    }
    (0..sentences)
        .map(|s| {
            let after =
                text[last_end[s]..].trim_start_matches([' ', '\t', '"', '”', '’', '\'', ')']);
            let ended = after.starts_with(['.', '!', '?', '…']);
            !ended && caps[s] >= 3 && caps[s] * 10 >= (caps[s] + lowers[s]) * 8
        })
        .collect()
}

/// Runs of up to four capitalised words not covered by the gazetteer, joined by spaces, with
/// name particles between them (`Ludwig van Beethoven`); a title word starts none.
fn capitalised_runs(text: &str, words: &[Word]) -> Vec<Run> {
    let n = words.len();
    let mut runs: Vec<Run> = Vec::new();
    let mut k = 0;
    while k < n {
        let w = words[k];
        if !w.cap || w.covered().is_some() || titles::is_title_word(&text[w.start..w.end]) {
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
    runs
}

/// People named in full: a run after a title, or starting with a known first name. Returns
/// them, and the one-word runs (word index, with the title before it when that title makes it
/// a person) that may be a surname of someone named elsewhere.
fn full_names(
    text: &str,
    words: &[Word],
    runs: &[Run],
    headline: &[bool],
) -> (Vec<FullName>, Vec<(usize, Option<titles::Title>)>) {
    let mut people: Vec<FullName> = Vec::new();
    let mut single: Vec<(usize, Option<titles::Title>)> = Vec::new();
    for run in runs {
        let (fw, lw) = (words[run.first], words[run.last]);
        let title = titles::title_before(text, fw.start)
            .filter(|t| t.span.end <= fw.start && !headline[fw.sentence()]);
        let person = match title {
            Some(t) if !t.weak => true,
            Some(_) => run.caps >= 2 || opens_with_first_name(text, words, run),
            None => {
                run.caps >= 2 && !headline[fw.sentence()] && opens_with_first_name(text, words, run)
            }
        };
        if person && run.caps >= 2 {
            let span = Span::new(fw.start, lw.end);
            people.push((span, Person::Unknown(text[span.range()].to_owned()), title));
        } else if run.caps == 1 {
            single.push((run.first, if person { title } else { None }));
        }
    }
    (people, single)
}

/// Whether the run starts with a known first name. One that is also a common word (`Mark`,
/// `Will`) counts inside a sentence only, before a surname that is not a common word.
fn opens_with_first_name(text: &str, words: &[Word], run: &Run) -> bool {
    let fw = words[run.first];
    let first_word = &text[fw.start..fw.end];
    let second = words
        .get(run.first + 1)
        .map(|w| &text[w.start..w.end])
        .unwrap_or("");
    names::is_first_name(first_word)
        && (!is_common_word_lowered(first_word)
            || !fw.first && run.caps >= 2 && !is_common_word_lowered(second))
}

/// The last names of the document's people, gazetteer matches (not dropped) and people named
/// in full, each to its person.
fn surnames<'t>(
    gaz: &'t Gazetteer,
    text: &'t str,
    matches: &[crate::Match],
    dropped: &[bool],
    people: &[FullName],
) -> Surnames<'t> {
    let mut surnames = Surnames::default();
    for (mt, _) in matches.iter().zip(dropped).filter(|(_, &d)| !d) {
        if gaz.label(mt.entry) != Label::Person {
            continue;
        }
        let name = gaz.name(mt.entry);
        if let Some(last) = name.split_whitespace().last() {
            if last != name {
                insert_surname(&mut surnames, last, Person::Known(mt.entry));
            }
        }
    }
    for (span, p, _) in people {
        let name = &text[span.range()];
        if let Some(last) = name.split(' ').next_back() {
            insert_surname(&mut surnames, last, p.clone());
        }
    }
    surnames
}

/// The fullest form of each unknown person's name, by last name.
fn fullest_names(people: &[FullName]) -> FxHashMap<&str, &str> {
    let mut fullest: FxHashMap<&str, &str> = FxHashMap::default();
    for (_, p, _) in people {
        if let Person::Unknown(name) = p {
            let last = name.split(' ').next_back().unwrap_or(name);
            let entry = fullest.entry(last).or_insert(name);
            if name.len() > entry.len() {
                *entry = name;
            }
        }
    }
    fullest
}

/// A mention of a person the gazetteer does not list, under the fullest form of its name.
fn unknown_person(fullest: &FxHashMap<&str, &str>, name: &str, span: Span) -> EntityMention {
    let last = name.split(' ').next_back().unwrap_or(name);
    let full = fullest.get(last).copied().unwrap_or(name);
    EntityMention {
        span,
        label: Label::Person,
        entity_id: None,
        name: full.to_owned(),
        entry: None,
        title: None,
    }
}

/// A mention of the listed person `id`.
fn known_person(gaz: &Gazetteer, id: EntryId, span: Span) -> EntityMention {
    EntityMention {
        span,
        label: Label::Person,
        entity_id: gaz.qid(id).map(str::to_owned),
        name: gaz.name(id).to_owned(),
        entry: Some(id),
        title: None,
    }
}

/// Gives each person mention (sorted) the title before it, extended over an organisation,
/// place or nationality right before the title (`White House spokesman`).
fn attach_titles(text: &str, out: &mut [EntityMention]) {
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
}

fn insert_surname<'t>(map: &mut Surnames<'t>, key: &'t str, p: Person) {
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

    /// The words of [`scan_words`] as first written, over `char_indices`: the fast form must
    /// agree with it on any text.
    fn scan_words_reference(text: &str, mut emit: impl FnMut(usize, usize)) {
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                // No ASCII character is a combining mark.
                if d.is_alphanumeric()
                    || !d.is_ascii() && unicode_normalization::char::is_combining_mark(d)
                {
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
            // A single capital letter.
            if end - start == c.len_utf8() && c.is_uppercase() && text[end..].starts_with('.') {
                end += 1;
                chars.next();
            }
            emit(start, end);
        }
    }

    proptest::proptest! {
        #[test]
        fn scan_words_agrees_with_the_reference(
            text in "[aZ9 .'’\u{2019}\\-sSéÉ\u{301}\u{a0}\n,F]{0,40}"
        ) {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            scan_words(&text, |s, e| fast.push((s, e)));
            scan_words_reference(&text, |s, e| slow.push((s, e)));
            proptest::prop_assert_eq!(fast, slow);
        }
    }

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
