//! Names no gazetteer lists, decided by the words around them. A run of capitalised words that
//! no kept mention covers becomes a mention when its context says what it is:
//!
//! - an organisation when it ends in an organisation head word (`Nordwind Bank`, `Keller
//!   Logistics`), or has one followed by `of`, `for` or `on` (`the Institute of Soil Science`,
//!   `Peterson Institute for International Economics`);
//! - a club when it stands in a match result (`Fenerbahce beat Galatasaray 2-1`);
//! - a person when a speech verb stands next to it (`said Olusegun Bakare`, `Tariq Haddad told`),
//!   an apposition names its role (`Olusegun Bakare, a trader`, `a trader, Nguyen Van Thanh,`),
//!   or a title or role stands before it (`union leader Mehmet Yilmaz`).
//!
//! Without such evidence nothing changes: the model's unsure mentions stay dropped. A person
//! needs two to four words, none of them a common English word (a census first name may lead),
//! unless the model also read the one word as a person. Headline-case sentences are left alone,
//! since every word of them is capitalised.

use byline_gazetteer::{names, titles, EntityMention, Gazetteer, Label};
use byline_tag::ModelMention;
use byline_tokenize::{Segmentation, Span};

use super::EntitySource;

/// Last words that make a capitalised run an organisation's name.
const ORG_HEADS: [&str; 52] = [
    "Agency",
    "Airlines",
    "Airways",
    "Alliance",
    "Associates",
    "Association",
    "Authority",
    "Bank",
    "Bancorp",
    "Brothers",
    "Capital",
    "Club",
    "College",
    "Commission",
    "Committee",
    "Company",
    "Corp",
    "Corp.",
    "Corporation",
    "Council",
    "Energy",
    "FC",
    "Federation",
    "Foundation",
    "Fund",
    "Group",
    "Holdings",
    "Inc",
    "Inc.",
    "Industries",
    "Institute",
    "Insurance",
    "Investments",
    "LLC",
    "Logistics",
    "Ltd",
    "Ltd.",
    "Media",
    "Ministry",
    "Motors",
    "Partners",
    "Party",
    "Pharmaceuticals",
    "Plc",
    "Resources",
    "Systems",
    "Technologies",
    "Telecom",
    "Trust",
    "Union",
    "United",
    "University",
];

/// Heads that may go on with `of`, `for` or `on` (`Ministry of Finance`, `Institute for
/// International Economics`, `Council on Foreign Relations`).
const OF_HEADS: [&str; 16] = [
    "Agency",
    "Association",
    "Bank",
    "Center",
    "Centre",
    "Coalition",
    "College",
    "Commission",
    "Committee",
    "Council",
    "Federation",
    "Foundation",
    "Institute",
    "Ministry",
    "Party",
    "University",
];

/// Verbs of saying that stand right before or after a speaker's name.
const SPEECH_VERBS: [&str; 27] = [
    "add",
    "added",
    "adds",
    "admitted",
    "announced",
    "argued",
    "asked",
    "claimed",
    "conceded",
    "confirmed",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "replied",
    "reported",
    "said",
    "say",
    "says",
    "stated",
    "stressed",
    "tell",
    "tells",
    "told",
    "warned",
    "writes",
    "wrote",
];

/// Words that may stand between a speaker's name and the verb (`X also said`).
const BETWEEN: [&str; 12] = [
    "also",
    "earlier",
    "had",
    "has",
    "have",
    "later",
    "once",
    "previously",
    "then",
    "will",
    "would",
    "recently",
];

/// Nouns naming what a person is, for appositions (`X, a trader in Lagos`) and roles before a
/// name (`union leader X`), beside the gazetteer's title words.
const ROLES: [&str; 58] = [
    "activist",
    "analyst",
    "author",
    "banker",
    "boss",
    "broker",
    "businessman",
    "businesswoman",
    "candidate",
    "captain",
    "coach",
    "consultant",
    "defender",
    "director",
    "doctor",
    "driver",
    "economist",
    "engineer",
    "executive",
    "farmer",
    "father",
    "fisherman",
    "founder",
    "goalkeeper",
    "investor",
    "journalist",
    "lawyer",
    "lawmaker",
    "leader",
    "manager",
    "merchant",
    "midfielder",
    "miner",
    "mother",
    "nurse",
    "official",
    "owner",
    "pensioner",
    "player",
    "professor",
    "reporter",
    "researcher",
    "resident",
    "scientist",
    "shopkeeper",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "striker",
    "student",
    "teacher",
    "trader",
    "vendor",
    "veteran",
    "volunteer",
    "winger",
    "worker",
];

/// Lower-case particles inside a person's name (`Ahmed bin Salman`, `Ana de Souza`).
const PARTICLES: [&str; 12] = [
    "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "ibn", "van", "von",
];

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A month's or a weekday's name (`May`, `Monday`): a date, never part of a name.
fn is_month_or_day(word: &str) -> bool {
    super::context::MONTHS.contains(&word) || DAYS.contains(&word)
}

/// Twice the Zipf frequency at which a word counts as common English (`prices`, `local`): such
/// a word in a run is no evidence of a person's name.
const COMMON: u8 = 10;

/// Adds the mentions the evidence supports to `out` (in text order, not overlapping).
pub(super) fn apply(
    gazetteer: &Gazetteer,
    text: &str,
    segmentation: &Segmentation,
    found: &[ModelMention],
    out: &mut Vec<(EntityMention, EntitySource)>,
) {
    let mut added: Vec<(EntityMention, EntitySource)> = Vec::new();
    let (mut words, mut spans) = (Vec::new(), Vec::new());
    // `seen`, `heard` and `kept` only move forward: the words are read in text order, and `out`
    // and `found` are in text order with none overlapping another, so each walk over them costs
    // one pass over the document.
    let (mut seen, mut heard, mut kept) = (0, 0, 0);
    for sentence in &segmentation.sentences {
        let Some(tokens) = segmentation.tokens.get(sentence.tokens.clone()) else {
            continue;
        };
        let scored = tokens
            .iter()
            .any(|t| super::context::is_score(t.span.as_str(text)));
        if !worth_a_look(text, tokens, out, found, scored, &mut seen, &mut heard) {
            continue;
        }
        words.clear();
        spans.clear();
        words.extend(tokens.iter().map(|t| t.span.as_str(text)));
        spans.extend(tokens.iter().map(|t| t.span));
        // Whether the sentence is a headline, asked once a run would make a name.
        let mut headline = None;
        let mut i = 0;
        while i < words.len() {
            if !is_capitalised(words[i]) {
                i += 1;
                continue;
            }
            let end = run_end(text, &words, &spans, i);
            // A run a kept mention already covers is settled, unless that is an unlinked person
            // an organisation's head word may outweigh.
            let run = Span::new(spans[i].start, spans[end - 1].end);
            kept = walk(out, kept, |(m, _)| m.span.end <= run.start);
            if out.get(kept).is_some_and(|(m, _)| {
                m.span.start <= run.start
                    && run.end <= m.span.end
                    && !(m.label == Label::Person && m.entity_id.is_none())
            }) {
                i = end;
                continue;
            }
            if let Some((mut start, label)) = decide(text, &words, &spans, i, end, scored, found) {
                if *headline.get_or_insert_with(|| is_headline(&words)) {
                    break;
                }
                // `US National Science Foundation`: a linked place opening an organisation's name
                // stays itself, and the organisation is what follows it.
                if label == Label::Org {
                    let run = Span::new(spans[start].start, spans[end - 1].end);
                    if let Some((m, _)) =
                        overlapping(out, run, |(m, _)| m.span)
                            .iter()
                            .find(|(m, _)| {
                                m.span.start == spans[start].start
                                    && m.entity_id.is_some()
                                    && matches!(m.label, Label::Gpe | Label::Loc)
                            })
                    {
                        start = (start..end)
                            .find(|&k| spans[k].start >= m.span.end)
                            .unwrap_or(end);
                        if end - start < 2 {
                            i = end;
                            continue;
                        }
                    }
                }
                let span = Span::new(spans[start].start, spans[end - 1].end);
                if fits_in(text, out, span, label) {
                    added.push(mention(gazetteer, text, span, label, found));
                }
            }
            i = end;
        }
    }
    if added.is_empty() {
        return;
    }
    // A new mention replaces the kept ones inside it (`Lagos` in `University of Lagos`).
    out.retain(|(m, _)| {
        !overlapping(&added, m.span, |(a, _)| a.span)
            .iter()
            .any(|(a, _)| a.span.start <= m.span.start && m.span.end <= a.span.end)
    });
    out.extend(added);
    out.sort_by_key(|(m, _)| m.span.start);
}

/// Whether a sentence may hold a name to add, by a look at the first byte of each word: a
/// capitalised word no kept mention covers that the model read as a name, that a capitalised
/// word or a joining word (`of`) stands right beside, or in a sentence with a digit (a score). Most sentences have none, and skip the
/// closer reading. `seen` and `heard` walk the kept and the model's mentions along the document.
fn worth_a_look(
    text: &str,
    tokens: &[byline_tokenize::Token],
    out: &[(EntityMention, EntitySource)],
    found: &[ModelMention],
    scored: bool,
    seen: &mut usize,
    heard: &mut usize,
) -> bool {
    let bytes = text.as_bytes();
    let first = |k: usize| bytes.get(tokens[k].span.start).copied().unwrap_or(b' ');
    let capital = |k: usize| !first(k).is_ascii() || first(k).is_ascii_uppercase();
    let covered = |span: Span, seen: &mut usize| {
        *seen = walk(out, *seen, |(m, _)| m.span.end <= span.start);
        out[*seen..].iter().take(2).any(|(m, _)| {
            m.span.start <= span.start
                && span.end <= m.span.end
                && !(m.label == Label::Person && m.entity_id.is_none())
        })
    };
    for (k, token) in tokens.iter().enumerate() {
        if !capital(k) {
            continue;
        }
        let span = token.span;
        if covered(span, seen) {
            continue;
        }
        *heard = walk(found, *heard, |m| m.span.end <= span.start);
        let modelled = found
            .get(*heard)
            .is_some_and(|m| m.span.start < span.end && span.start < m.span.end);
        // A name of two words or more needs a capitalised word beside it that no linked name
        // covers (a place may be part of the name), a joining word, or, for a head word, any capitalised word before it
        // (`Nordwind Bank` where `Nordwind` is a place).
        let joined = tokens.get(k + 1).is_some_and(|next| {
            next.span.start == span.end + 1
                && (capital(k + 1) && !settled(out, next.span, *seen)
                    || matches!(next.span.as_str(text), "of" | "for" | "on" | "and")
                    || PARTICLES.contains(&next.span.as_str(text)))
        }) || k > 0
            && tokens[k - 1].span.end + 1 == span.start
            && capital(k - 1)
            && ORG_HEADS.contains(&span.as_str(text));
        if modelled || joined || scored {
            return true;
        }
    }
    false
}

/// The first index from `at` on whose item is not `before` (as `partition_point` would give for
/// the slice from `at`), stepping forward: the walks that use it move through the document once,
/// and their next item is nearly always within a step or two.
fn walk<T>(items: &[T], mut at: usize, before: impl Fn(&T) -> bool) -> usize {
    while items.get(at).is_some_and(&before) {
        at += 1;
    }
    at
}

/// Whether a linked person or organisation covers `span`, looking on from `out[seen]`.
fn settled(out: &[(EntityMention, EntitySource)], span: Span, seen: usize) -> bool {
    out[seen..]
        .iter()
        .take_while(|(m, _)| m.span.start <= span.start)
        .any(|(m, _)| {
            span.end <= m.span.end
                && m.entity_id.is_some()
                && matches!(m.label, Label::Person | Label::Org)
        })
}

/// Whether a new mention at `span` may go in: every kept mention it overlaps is a part of the
/// longer name, so the new mention replaces it: an unlinked mention of the same kind inside it
/// (`Kovalenko` in `Oksana Kovalenko`, `Party` in `Nordwind Party`; a linked one, as `Bank of
/// America` in `Bank of America Stadium`, stays), a place inside it (`Lagos`
/// in `University of Lagos`; not opening a person's name, which a place does too rarely), or,
/// for an organisation, a person its head word outweighs: unlinked, or linked by one word alone
/// (`Al Rashidi Bank`; a person linked by a full name, as in `Andy Warhol Foundation`, stays).
fn fits_in(text: &str, out: &[(EntityMention, EntitySource)], span: Span, label: Label) -> bool {
    overlapping(out, span, |(m, _)| m.span)
        .iter()
        .all(|(m, _)| {
            let within = span.start <= m.span.start && m.span.end <= span.end;
            let inside = within && m.span != span;
            let place = matches!(m.label, Label::Gpe | Label::Loc)
                && (label == Label::Org || m.span.start > span.start);
            let person_in_org = label == Label::Org
                && m.label == Label::Person
                && (m.entity_id.is_none() || !m.span.as_str(text).contains(' '));
            within && person_in_org || inside && (m.label == label || place)
        })
}

/// The mention for a run: linked to a gazetteer entry of its label whose alias is its text; from
/// the model when the model found a mention overlapping it.
fn mention(
    gazetteer: &Gazetteer,
    text: &str,
    span: Span,
    label: Label,
    found: &[ModelMention],
) -> (EntityMention, EntitySource) {
    let surface = span.as_str(text);
    let linked = gazetteer
        .lookup(surface)
        .into_iter()
        .find(|&id| gazetteer.label(id) == label);
    let by_model = !overlapping(found, span, |m| m.span).is_empty();
    let source = if by_model {
        EntitySource::Model
    } else {
        EntitySource::Gazetteer
    };
    (
        EntityMention {
            span,
            label,
            entity_id: linked.and_then(|id| gazetteer.qid(id).map(str::to_string)),
            name: linked.map_or_else(|| surface.to_string(), |id| gazetteer.name(id).to_string()),
            entry: linked,
            title: None,
        },
        source,
    )
}

/// The items of `items` (in text order, none overlapping another) that overlap `span`, found by
/// binary search: a document's many capitalised words cost no pass over all its mentions each.
fn overlapping<T>(items: &[T], span: Span, at: impl Fn(&T) -> Span) -> &[T] {
    let lo = items.partition_point(|x| at(x).end <= span.start);
    let hi = lo + items[lo..].partition_point(|x| at(x).start < span.end);
    &items[lo..hi]
}

/// A capitalised word: an upper-case letter first, and letters (with `-`, `'`, `.`) after.
fn is_capitalised(word: &str) -> bool {
    if word
        .as_bytes()
        .first()
        .is_none_or(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return false;
    }
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// A sentence in headline case: at least three words of four letters or more, all capitalised,
/// one of them a common word (a line of names alone, such as a match result, is no headline).
fn is_headline(words: &[&str]) -> bool {
    let long = || {
        words
            .iter()
            .filter(|w| w.chars().nth(3).is_some() && w.chars().all(char::is_alphabetic))
    };
    // The first lower-case long word settles it, and most sentences have one early.
    long().all(|w| is_capitalised(w))
        && long().count() >= 3
        && long().any(|w| byline_tag::zipf_frequency(w) >= COMMON - 1)
}

/// The end (exclusive) of the run of capitalised words from `i`, joined by single spaces, with
/// `of` or `for` after an organisation head, `on` after a council, commission or committee, and
/// `and` once one of those has joined (never before a month or a day: `the Council on Monday`),
/// and lower-case name particles inside.
fn run_end(text: &str, words: &[&str], spans: &[Span], i: usize) -> usize {
    let mut end = i + 1;
    while end < words.len() && spans[end - 1].end + 1 == spans[end].start {
        if text.as_bytes()[spans[end - 1].end] != b' ' {
            break;
        }
        let w = words[end];
        // `Civic Party New People Party`: a head word ends a name of two words or more.
        // Not inside an `of` name (`Center of Media Justice`).
        if end - i >= 2
            && ORG_HEADS.contains(&words[end - 1])
            && is_capitalised(w)
            && !words[i..end]
                .iter()
                .any(|x| matches!(*x, "of" | "for" | "on"))
        {
            break;
        }
        if is_capitalised(w) {
            end += 1;
            continue;
        }
        let head = words[end - 1];
        let joins = match w {
            "of" | "for" => OF_HEADS.contains(&head),
            "on" => matches!(head, "Commission" | "Committee" | "Council"),
            // `Center for Strategic and International Studies`: `and` inside an `of` name.
            // Not when a name of its own follows (`Institute of Technology and Colorado State
            // University`).
            "and" => {
                words[i..end]
                    .iter()
                    .any(|x| matches!(*x, "of" | "for" | "on"))
                    && !words[end + 1..]
                        .iter()
                        .take_while(|x| is_capitalised(x))
                        .any(|x| ORG_HEADS.contains(x))
            }
            _ => PARTICLES.contains(&w),
        };
        let next_cap = words
            .get(end + 1)
            .is_some_and(|n| is_capitalised(n) && !is_month_or_day(n))
            && spans[end].end + 1 == spans[end + 1].start;
        if joins && next_cap {
            end += 2;
            continue;
        }
        break;
    }
    end
}

/// What the run `words[i..end]` is, if its context says: the first word of the name (after a
/// determiner or a common sentence opener) and its label.
fn decide(
    text: &str,
    words: &[&str],
    spans: &[Span],
    i: usize,
    end: usize,
    scored: bool,
    found: &[ModelMention],
) -> Option<(usize, Label)> {
    let mut start = i;
    // `The`, and a word such as `Brussels-based`, come before a name, not in it.
    let before_name = |w: &str| {
        matches!(w, "The" | "A" | "An")
            || w.rsplit_once('-').is_some_and(|(_, tail)| {
                matches!(tail, "based" | "born" | "backed" | "led" | "owned" | "run")
            })
    };
    if before_name(words[start]) {
        start += 1;
    }
    if start >= end {
        return None;
    }
    let name = &words[start..end];
    let span = Span::new(spans[start].start, spans[end - 1].end);
    let model_person = overlapping(found, span, |m| m.span)
        .iter()
        .any(|m| m.label == "PER" && m.margin > 0.0);
    // Most runs are one word opening a sentence (`The`, `But`): only a score or the model can
    // make one word a name.
    if name.len() == 1 && !scored && !model_person {
        return None;
    }
    // `Yesterday Nordwind Bank said`: a common word opening the sentence is no part of a longer
    // name, unless it is a first name.
    let opener = i == 0
        && start == i
        && name.len() >= 3
        && byline_tag::zipf_frequency(name[0]) >= COMMON - 1
        && !names::is_first_name(name[0]);
    let last = name[name.len() - 1];
    let org_head = ORG_HEADS.contains(&last) && name.len() >= 2
        || name.len() >= 3
            && name
                .windows(2)
                .any(|p| OF_HEADS.contains(&p[0]) && matches!(p[1], "of" | "for" | "on"));
    if org_head {
        let from = start + usize::from(opener);
        let rest = &words[from..end];
        let plain = rest
            .iter()
            .filter(|w| !ORG_HEADS.contains(w) && !matches!(**w, "of" | "for" | "on"))
            .all(|w| is_month_or_day(w) || (from == 0 && is_common(w)));
        if !plain && rest.len() >= 2 {
            return Some((from, Label::Org));
        }
        return None;
    }
    // The context first, the words' own lists after: most runs have no context to go on.
    let club = scored && name.len() <= 3 && in_match(words, start, end);
    if !club {
        start += usize::from(opener);
        if !person_context(text, words, spans, start, end) {
            return None;
        }
    }
    let name = &words[start..end];
    // No month, day or title word in a club's or a person's name, and a period only after an
    // initial (`Warren E. Buffett`, not `Del. Stacey Plaskett`).
    let initial = |w: &str| w.len() == 2 && w.ends_with('.');
    if name.iter().any(|w| {
        is_month_or_day(w)
            || titles::is_title_word(w)
            || (w.contains('.') && !initial(w) && !ORG_HEADS.contains(w))
    }) {
        return None;
    }
    if club {
        return Some((start, Label::Org));
    }
    let shaped = match name.len() {
        1 => model_person && !is_common(name[0]),
        2..=4 => name.iter().enumerate().all(|(k, w)| {
            PARTICLES.contains(w) || !is_common(w) || (k == 0 && names::is_first_name(w))
        }),
        _ => false,
    };
    shaped.then_some((start, Label::Person))
}

fn is_common(word: &str) -> bool {
    byline_tag::zipf_frequency(word) >= COMMON
}

/// The words around a run `words[start..end]` of a sentence, `""` past either end.
struct Around<'w, 'a> {
    words: &'w [&'a str],
    start: usize,
    end: usize,
}

impl<'a> Around<'_, 'a> {
    /// The `k`-th word after the run (0: the one right after it).
    fn after(&self, k: usize) -> &'a str {
        self.words.get(self.end + k).copied().unwrap_or("")
    }

    /// The `k`-th word before the run (0: the one right before it).
    fn before(&self, k: usize) -> &'a str {
        self.start
            .checked_sub(k + 1)
            .and_then(|j| self.words.get(j))
            .copied()
            .unwrap_or("")
    }
}

/// Whether the run stands in a match result: next to a score or a match verb with a name on
/// its other side.
fn in_match(words: &[&str], start: usize, end: usize) -> bool {
    let around = Around { words, start, end };
    let (after, before) = (|k| around.after(k), |k| around.before(k));
    let cap = |w: &str| is_capitalised(w);
    super::context::is_score(after(0))
        || super::context::is_score(before(0))
        || (matches!(after(0), "beat" | "beats" | "v" | "vs" | "vs.") && cap(after(1)))
        || (matches!((after(0), after(1)), ("drew" | "lost", "with" | "to")) && cap(after(2)))
        || matches!(before(0), "beat" | "beats" | "v" | "vs" | "vs.")
        || matches!((before(1), before(0)), ("drew" | "lost", "with" | "to"))
}

/// Whether the words around `words[start..end]` speak of a person: a speech verb next to it, an
/// apposition naming a role, or a title or role right before it.
fn person_context(text: &str, words: &[&str], spans: &[Span], start: usize, end: usize) -> bool {
    let around = Around { words, start, end };
    let (after, before) = (|k| around.after(k), |k| around.before(k));
    let is_role = |w: &str| ROLES.contains(&w) || (!is_capitalised(w) && titles::is_title(w));
    let speech = |w: &str| SPEECH_VERBS.contains(&w);
    if speech(before(0)) {
        return true;
    }
    // `X said`, `X also said`, `X had earlier told`: up to two adverbs or auxiliaries between.
    for k in 0..3 {
        let w = after(k);
        if speech(w) {
            return true;
        }
        if !(BETWEEN.contains(&w) || w.len() > 4 && w.ends_with("ly")) {
            break;
        }
    }
    if before(1).eq_ignore_ascii_case("according") && before(0) == "to" {
        return true;
    }
    // `X, a trader in Lagos`: a role noun within a few words after the determiner.
    if after(0) == ","
        && matches!(after(1), "a" | "an" | "the")
        && (2..6)
            .map(after)
            .take_while(|w| !matches!(*w, "," | "." | ""))
            .any(is_role)
    {
        return true;
    }
    // `a trader, X,` and `union leader X`.
    if before(0) == "," && is_role(before(1)) {
        return true;
    }
    if is_role(before(0)) {
        return true;
    }
    titles::title_before(text, spans[start].start).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walking_forward_finds_what_a_binary_search_finds() {
        // Spans in text order, none overlapping, of varied lengths and gaps.
        let spans: Vec<Span> = (0..60)
            .map(|k| Span::new(k * 7 + k % 3, k * 7 + k % 3 + 1 + k % 4))
            .collect();
        let mut at = 0;
        for start in 0..spans.last().map_or(0, |s| s.end) + 3 {
            let searched = spans.partition_point(|s| s.end <= start);
            at = walk(&spans, at, |s| s.end <= start);
            assert_eq!(at, searched, "at byte {start}");
            assert_eq!(walk(&spans, 0, |s| s.end <= start), searched);
        }
    }
}
