//! Context rules that decide between an entity mention's readings where the words around it
//! settle the question: a month name used as a date is no person, and a place named in a match
//! result is the club that played.

use byline_gazetteer::{EntityMention, Gazetteer, Label};

use super::EntitySource;

pub(super) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words before a month name that make it a date (`in May`, `since March`). Not `by`: `a speech
/// by May` names the person as often as `by May` names a deadline.
const DATE_PREPOSITIONS: [&str; 5] = ["in", "on", "since", "until", "till"];

/// Applies the context rules to mentions in text order: drops a one-word PERSON mention that is
/// a month name used as a date, and relabels a place named in a match result as an
/// organisation (the club): linked to an organisation the gazetteer lists under that name,
/// else unlinked, since the place's entry is not the club.
pub(super) fn apply(
    gazetteer: &Gazetteer,
    text: &str,
    out: &mut Vec<(EntityMention, EntitySource)>,
) {
    out.retain(|(m, _)| !(m.label == Label::Person && is_date_month(text, m)));
    for (m, _) in out.iter_mut() {
        if matches!(m.label, Label::Gpe | Label::Loc) && in_match_result(text, m) {
            let surface = m.span.as_str(text);
            let club = gazetteer
                .lookup(surface)
                .into_iter()
                .find(|&id| gazetteer.label(id) == Label::Org);
            m.label = Label::Org;
            m.entity_id = club.and_then(|id| gazetteer.qid(id).map(str::to_string));
            m.name = club.map_or_else(|| surface.to_string(), |id| gazetteer.name(id).to_string());
            m.entry = club;
        }
    }
}

/// The word right before byte `at`, skipping spaces, or `""`.
fn word_before(text: &str, at: usize) -> &str {
    let head = text[..at].trim_end_matches(' ');
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    &head[start..]
}

/// The word right after byte `at`, skipping spaces, or `""`.
fn word_after(text: &str, at: usize) -> &str {
    let tail = text[at..].trim_start_matches(' ');
    let end = tail
        .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '-'))
        .unwrap_or(tail.len());
    &tail[..end]
}

fn is_date_month(text: &str, m: &EntityMention) -> bool {
    let surface = m.span.as_str(text);
    if !MONTHS.contains(&surface) {
        return false;
    }
    let before = word_before(text, m.span.start);
    if DATE_PREPOSITIONS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(before))
    {
        return true;
    }
    // A day (`May 3`, `May 3rd`) or a year (`May 2024`) after it.
    let after = word_after(text, m.span.end).trim_end_matches('.');
    let digits = after.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &after[digits.len()..];
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (matches!(suffix, "" | "st" | "nd" | "rd" | "th"))
        && (digits.len() <= 2 || (digits.len() == 4 && suffix.is_empty()))
}

/// A score such as `2-1` or `0–0` (a final period aside).
pub(super) fn is_score(word: &str) -> bool {
    // Most words do not start with a digit: they are settled without splitting.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let word = word.trim_end_matches('.');
    let mut parts = word.split(['-', '–']);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    [a, b]
        .iter()
        .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

fn in_match_result(text: &str, m: &EntityMention) -> bool {
    let after = text[m.span.end..].trim_start_matches(' ');
    let before = text[..m.span.start].trim_end_matches(' ');
    const AFTER: [&str; 8] = [
        "beat ",
        "beats ",
        "drew with ",
        "draw with ",
        "v ",
        "vs ",
        "vs. ",
        "v. ",
    ];
    const BEFORE: [&str; 6] = [" beat", " beats", " drew with", " v", " vs", " vs."];
    let named_next =
        |w: &str| after.starts_with(w) && after[w.len()..].starts_with(|c: char| c.is_uppercase());
    AFTER.iter().any(|w| named_next(w))
        || BEFORE.iter().any(|w| before.ends_with(w))
        || is_score(word_after(text, m.span.end))
        || is_score(word_before(text, m.span.start))
}
