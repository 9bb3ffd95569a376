//! Decisions that take the whole document: an acronym defined in parentheses names the entity
//! of the name it abbreviates wherever it comes back (`Mali Defence Forces (MDF) ... the MDF`),
//! and a place name several places share is the one the other places of the document support
//! (`Georgia voters ... in Atlanta` is the US state).

use byline_gazetteer::{EntityMention, EntryId, Gazetteer, Label};
use std::collections::HashMap;

use byline_tokenize::Span;

use super::EntitySource;

/// Applies the document rules to mentions in text order; they stay in order and disjoint.
pub(super) fn apply(
    gazetteer: &Gazetteer,
    text: &str,
    out: &mut Vec<(EntityMention, EntitySource)>,
) {
    acronyms(text, out);
    places(gazetteer, text, out);
}

/// Words that an acronym skips between the capitalised words it abbreviates.
const SKIPPED: &[&str] = &["of", "and", "the", "for"];

/// The last word of a name that, unknown to the gazetteer and the model, is taken for an
/// organisation when an acronym is defined for it. Without one (`Gross Domestic Product (GDP)`,
/// `Chief Executive Officer (CEO)`) the name is left alone.
const ORG_WORDS: &[&str] = &[
    "Agency",
    "Alliance",
    "Army",
    "Assembly",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Brigade",
    "Brigades",
    "Bureau",
    "Center",
    "Centre",
    "Coalition",
    "Command",
    "Commission",
    "Committee",
    "Company",
    "Congress",
    "Corporation",
    "Council",
    "Court",
    "Department",
    "Directorate",
    "Federation",
    "Force",
    "Forces",
    "Foundation",
    "Front",
    "Fund",
    "Group",
    "Guard",
    "Institute",
    "League",
    "Ministry",
    "Mission",
    "Movement",
    "Network",
    "Office",
    "Organisation",
    "Organization",
    "Party",
    "Programme",
    "Service",
    "Society",
    "Union",
    "University",
    "Unit",
];

/// The longest acronym read in parentheses.
const MAX_ACRONYM: usize = 10;

/// The most acronym definitions a document's rule takes (a news article has a handful): the
/// rule stays linear in the text whatever it holds.
const MAX_DEFINITIONS: usize = 64;

/// How far before an acronym its name is looked for.
const MAX_NAME_BYTES: usize = 400;

/// An acronym defined in the text: `long` is the name, `short` the acronym in parentheses.
#[derive(Debug, PartialEq)]
struct Definition {
    long: Span,
    short: Span,
}

/// Every `Name Of Words (NOW)` of the text, in order: an acronym of 2 to 10 letters and digits,
/// at least two of them capitals, right inside parentheses, whose capitals are the initials of
/// the capitalised words right before it (`of`, `and`, `the`, `for` skipped between them).
fn definitions(text: &str) -> Vec<Definition> {
    let mut found = Vec::new();
    for (open, _) in text.match_indices('(') {
        // Bounded look-ups either side: linear in the text whatever its parentheses.
        let inside = &text[open + 1..];
        let Some(close) = inside.bytes().take(MAX_ACRONYM + 1).position(|b| b == b')') else {
            continue;
        };
        let short = &inside[..close];
        let capitals: Vec<char> = short.chars().filter(char::is_ascii_uppercase).collect();
        if !(2..=MAX_ACRONYM).contains(&short.len())
            || !short.bytes().all(|b| b.is_ascii_alphanumeric())
            || !short.starts_with(|c: char| c.is_ascii_uppercase())
            || capitals.len() < 2
            || capitals.len() * 2 < short.len()
        {
            continue;
        }
        let mut from = open.saturating_sub(MAX_NAME_BYTES);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let start = initials_start(&text[from..open], &capitals).map(|s| s + from);
        // A word cut by the window's edge is no word of the name.
        let cut = |s: usize| {
            s == from
                && text[..s]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_whitespace())
        };
        if let Some(start) = start.filter(|&s| !cut(s)) {
            let end = text[..open].trim_end().len();
            found.push(Definition {
                long: Span::new(start, end),
                short: Span::new(open + 1, open + 1 + close),
            });
        }
    }
    found
}

/// Where the name whose initials are `capitals` starts, reading the words at the end of
/// `head` backwards; `None` when they are not such a name. A skipped word (`of`, `The`) is
/// never an initial, and never the name's first or last word.
fn initials_start(head: &str, capitals: &[char]) -> Option<usize> {
    let mut left = capitals.len();
    let mut rest = head.trim_end();
    while !rest.is_empty() {
        let start = rest
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &rest[start..];
        if !word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        {
            return None;
        }
        let first = word.chars().next()?;
        if SKIPPED.iter().any(|s| s.eq_ignore_ascii_case(word)) {
            if left == capitals.len() {
                return None;
            }
        } else if first.is_uppercase() && first == capitals[left - 1] {
            left -= 1;
            if left == 0 {
                return Some(start);
            }
        } else {
            return None;
        }
        rest = rest[..start].trim_end();
    }
    None
}

/// The mention an acronym definition names, with its source: the mention whose span is the
/// name; else, when no mention reaches outside the name and its words say organisation, a new
/// organisation mention for it in place of those inside it. `None` leaves the definition alone.
fn anchor(
    text: &str,
    def: &Definition,
    out: &mut Vec<(EntityMention, EntitySource)>,
) -> Option<(EntityMention, EntitySource)> {
    let first = out.partition_point(|(m, _)| m.span.end <= def.long.start);
    let last = out.partition_point(|(m, _)| m.span.start < def.long.end);
    let overlapping = &out[first..last];
    if let [(m, source)] = overlapping {
        if m.span == def.long {
            return Some((m.clone(), *source));
        }
    }
    let inside = |s: Span| s.start >= def.long.start && s.end <= def.long.end;
    let long = def.long.as_str(text);
    if overlapping.iter().any(|(m, _)| !inside(m.span))
        || !long.split_whitespace().any(|w| ORG_WORDS.contains(&w))
    {
        return None;
    }
    let mention = EntityMention {
        span: def.long,
        label: Label::Org,
        entity_id: None,
        name: long.split_whitespace().collect::<Vec<_>>().join(" "),
        entry: None,
        title: overlapping.iter().find_map(|(m, _)| m.title),
    };
    out.splice(first..last, [(mention.clone(), EntitySource::Gazetteer)]);
    Some((mention, EntitySource::Gazetteer))
}

/// An acronym defined in the text, in parentheses and wherever it comes back as a word after,
/// is the entity of the name it abbreviates: a mention with the acronym's span takes that
/// entity; where no mention touches the acronym, a new one is added.
fn acronyms(text: &str, out: &mut Vec<(EntityMention, EntitySource)>) {
    if !text.contains('(') {
        return;
    }
    // Each definition's entity, then one pass over the words of the text: each word that is a
    // defined acronym takes the entity of its latest definition before it.
    let mut named: Vec<(usize, &str, EntityMention, EntitySource)> = Vec::new();
    for def in definitions(text) {
        if named.len() == MAX_DEFINITIONS {
            break;
        }
        if let Some((m, source)) = anchor(text, &def, out) {
            named.push((def.short.start, def.short.as_str(text), m, source));
        }
    }
    if named.is_empty() {
        return;
    }
    let mut by_acronym: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, short, _, _)) in named.iter().enumerate() {
        by_acronym.entry(short).or_default().push(i);
    }
    let mut added = Vec::new();
    let mut at = 0;
    let bytes = text.as_bytes();
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
            at += 1;
        }
        let Some(defs) = by_acronym.get(&text[start..at]) else {
            continue;
        };
        let span = Span::new(start, at);
        let alone = !text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && !text[at..].chars().next().is_some_and(char::is_alphanumeric);
        let latest = defs.iter().rev().find(|&&i| named[i].0 <= start);
        let (Some(&i), true) = (latest, alone) else {
            continue;
        };
        let (_, _, m, source) = &named[i];
        let first = out.partition_point(|(m, _)| m.span.end <= span.start);
        let last = out.partition_point(|(m, _)| m.span.start < span.end);
        let shared = EntityMention {
            span,
            title: None,
            ..m.clone()
        };
        match &mut out[first..last] {
            [] => added.push((shared, *source)),
            [(m, _)] if m.span == span => *m = shared,
            _ => {}
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|(m, _)| m.span.start);
    }
}

fn is_place(label: Label) -> bool {
    matches!(label, Label::Gpe | Label::Loc | Label::Fac)
}

/// The country a place entry lies in, as its description tells (`city in Australia`, `capital
/// of Georgia`, `US state`; a country is its own): the country's entry where the gazetteer has
/// one, else the name the description gives.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Country<'g> {
    Entry(EntryId),
    Named(&'g str),
}

/// Whether an entry is a country or a territory of the same rank.
fn is_country(gazetteer: &Gazetteer, id: EntryId) -> bool {
    matches!(gazetteer.description(id), Some("country" | "territory"))
}

/// The country of `id` (see [`Country`]); `known` keeps the countries already named by their
/// descriptions, so that each is looked up once a document.
fn country_of<'g>(
    gazetteer: &'g Gazetteer,
    id: EntryId,
    known: &mut HashMap<&'g str, Country<'g>>,
) -> Option<Country<'g>> {
    let description = gazetteer.description(id)?;
    let name = match description {
        "country" | "territory" => return Some(Country::Entry(id)),
        "US state" => "United States",
        _ => {
            let (_, name) = description
                .split_once(" in ")
                .or_else(|| description.split_once(" of "))?;
            name
        }
    };
    if let Some(&country) = known.get(name) {
        return Some(country);
    }
    let bare = name.strip_prefix("The ").unwrap_or(name);
    let entry = gazetteer
        .lookup(bare)
        .into_iter()
        .find(|&c| is_country(gazetteer, c));
    let country = entry.map_or(Country::Named(name), Country::Entry);
    known.insert(name, country);
    Some(country)
}

/// How far (in bytes, about three lines of news) a place supports the reading of an ambiguous
/// one: the places of a whole article lean to its country (every US story names US states),
/// the places beside a name tell what it is (`invasions of Georgia and Ukraine`).
const NEAR: usize = 250;

/// How much less known than the gazetteer's choice a candidate may be and still be chosen for
/// the places around it: the US state of Georgia (weight 0.7 beside the country's 1.0) can be,
/// the town of Palestine in Texas (0.32) cannot.
const MIN_WEIGHT_RATIO: f32 = 0.5;

/// What a place named near an ambiguous one is, for what it supports.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Rank {
    /// A country (or territory): it supports the countries named beside it (`invasions of
    /// Georgia and Ukraine`), not what lies in it, since news of a country names it
    /// everywhere (`Bethlehem` near `the United States` is no US town).
    Country,
    /// A capital: it supports its country alone (`Tbilisi`: the country Georgia), since a
    /// capital stands for its government (`Washington appears weak ... St. Petersburg`).
    Capital,
    /// Any other place: it supports its country and what lies in it (`Atlanta`: the US state of
    /// Georgia; `Glasgow`: the Scottish Perth).
    Inside,
}

/// A place named near an ambiguous one, in one country whatever its candidates.
struct Support<'g> {
    span: Span,
    entry: EntryId,
    country: Country<'g>,
    rank: Rank,
}

impl Support<'_> {
    /// Whether this place tells for a candidate lying in `country` (its own, for a country).
    fn supports(&self, country: Option<Country<'_>>, candidate_is_country: bool) -> bool {
        match self.rank {
            Rank::Country => candidate_is_country,
            Rank::Capital => candidate_is_country && country == Some(self.country),
            Rank::Inside => country == Some(self.country),
        }
    }
}

/// A place name several place entries share takes the candidate that the most places named
/// near it ([`NEAR`]) support, when they support it more than the chosen one and it is not
/// much less known ([`MIN_WEIGHT_RATIO`]): `Georgia voters ... in Atlanta` is the US state,
/// `Georgia's capital Tbilisi` the country. Places named by one entry, or by several in one
/// country, are the support; a tie keeps the gazetteer's choice.
fn places(gazetteer: &Gazetteer, text: &str, out: &mut [(EntityMention, EntitySource)]) {
    // Each place mention with the index of its name among the document's distinct place
    // names, whose candidates are looked up once.
    let mut named: Vec<(usize, usize)> = Vec::new();
    let mut names: HashMap<&str, usize> = HashMap::new();
    let mut distinct: Vec<Vec<EntryId>> = Vec::new();
    for (i, (m, _)) in out.iter().enumerate() {
        if is_place(m.label) && m.entry.is_some() {
            let surface = m.span.as_str(text);
            let d = *names.entry(surface).or_insert_with(|| {
                let mut candidates = gazetteer.lookup(surface);
                candidates.retain(|&c| is_place(gazetteer.label(c)));
                distinct.push(candidates);
                distinct.len() - 1
            });
            named.push((i, d));
        }
    }
    if named.len() < 2 || distinct.iter().all(|c| c.len() < 2) {
        return;
    }
    let mut known = HashMap::new();
    let countries: Vec<Vec<Option<Country<'_>>>> = distinct
        .iter()
        .map(|c| {
            c.iter()
                .map(|&id| country_of(gazetteer, id, &mut known))
                .collect()
        })
        .collect();
    let mut support: Vec<Support<'_>> = Vec::new();
    for &(i, d) in &named {
        let (candidates, countries) = (&distinct[d], &countries[d]);
        let mut known = countries.iter().flatten();
        let Some(&country) = known.next() else {
            continue;
        };
        if known.all(|&c| c == country) {
            support.push(Support {
                span: out[i].0.span,
                entry: candidates[0],
                country,
                rank: if candidates.iter().all(|&c| is_country(gazetteer, c)) {
                    Rank::Country
                } else if candidates.iter().any(|&c| {
                    gazetteer
                        .description(c)
                        .is_some_and(|d| d.starts_with("capital of "))
                }) {
                    Rank::Capital
                } else {
                    Rank::Inside
                },
            });
        }
    }
    if support.is_empty() {
        return;
    }
    let mut seen: Vec<EntryId> = Vec::new();
    for &(i, d) in &named {
        let (candidates, countries) = (&distinct[d], &countries[d]);
        if candidates.len() < 2 {
            continue;
        }
        let m = &mut out[i].0;
        let Some(current) = candidates.iter().position(|&c| Some(c) == m.entry) else {
            continue;
        };
        let span = m.span;
        // Supports are in text order and do not overlap: those near start within the window.
        let from = support.partition_point(|s| s.span.end + NEAR < span.start);
        let to = support.partition_point(|s| s.span.start <= span.end + NEAR);
        let near: Vec<&Support<'_>> = support[from..to.max(from)]
            .iter()
            .filter(|s| {
                s.span != span
                    && s.span.start.saturating_sub(span.end) <= NEAR
                    && span.start.saturating_sub(s.span.end) <= NEAR
            })
            .collect();
        let mut score = |p: usize| {
            seen.clear();
            let candidate_is_country = is_country(gazetteer, candidates[p]);
            for s in &near {
                if s.supports(countries[p], candidate_is_country) && !seen.contains(&s.entry) {
                    seen.push(s.entry);
                }
            }
            seen.len()
        };
        let chosen = score(current);
        let floor = gazetteer.entry(candidates[current]).weight * MIN_WEIGHT_RATIO;
        let mut best = (chosen, current);
        for (p, &candidate) in candidates.iter().enumerate() {
            if gazetteer.entry(candidate).weight >= floor {
                let s = score(p);
                if s > best.0 {
                    best = (s, p);
                }
            }
        }
        if best.1 != current {
            let id = candidates[best.1];
            m.entry = Some(id);
            m.label = gazetteer.label(id);
            m.entity_id = gazetteer.qid(id).map(str::to_string);
            m.name = gazetteer.name(id).to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_gazetteer::Entry;

    fn defined(text: &str) -> Vec<(&str, &str)> {
        definitions(text)
            .iter()
            .map(|d| (d.long.as_str(text), d.short.as_str(text)))
            .collect()
    }

    #[test]
    fn an_acronym_is_the_initials_of_the_capitalised_words_before_it() {
        let names = [
            ("Mali Defence Forces", "MDF"),
            ("Ministry of Defence", "MoD"),
            ("Federal Bureau of Investigation", "FBI"),
            ("Food and Agriculture Organization", "FAO"),
            ("Commission for the Protection of Journalists", "CPJ"),
            ("Nordwind Bank", "NB"),
            ("Islamic Revolutionary Guard Corps", "IRGC"),
        ];
        for (long, short) in names {
            for before in ["", "The ", "Officers of the ", "Sources said the\n"] {
                for after in ["", " said.", ", which denied it."] {
                    let text = format!("{before}{long} ({short}){after}");
                    assert_eq!(defined(&text), [(long, short)], "{text:?}");
                }
            }
        }
    }

    #[test]
    fn what_is_not_a_definition_is_none() {
        for text in [
            "Mali Defence Forces (MDX) said.",  // initials differ
            "Mali defence Forces (MDF) said.",  // a lower-case word in the name
            "The Forces (TF) said.",            // `The` is not skipped at the start
            "Reuters (Reuters) said.",          // one capital
            "Mali Defence Forces (M) said.",    // one letter
            "Mali Defence Forces (mdf) said.",  // not capitals
            "Mali Defence Forces (MD-F) said.", // not letters
            "Mali Defence Forces (MDF said.",   // unclosed
            "Defence Forces (MDF) said.",       // too few words
            "Ministry of the (MD) said.",       // ends with a skipped word
        ] {
            assert!(defined(text).is_empty(), "{text:?}");
        }
    }

    fn mention(span: Span, label: Label, name: &str) -> (EntityMention, EntitySource) {
        (
            EntityMention {
                span,
                label,
                entity_id: None,
                name: name.to_string(),
                entry: None,
                title: None,
            },
            EntitySource::Model,
        )
    }

    fn spans(text: &str, out: &[(EntityMention, EntitySource)]) -> Vec<(String, String)> {
        out.iter()
            .map(|(m, _)| (m.span.as_str(text).to_string(), m.name.clone()))
            .collect()
    }

    #[test]
    fn a_defined_acronym_shares_the_name_found_or_made() {
        let text = "The Mali Defence Forces (MDF) said. The MDF denied it, MDFX did not; MDF left.";
        let long = "Mali Defence Forces";
        let at = |s: &str| text.find(s).expect("present");
        let mali = Span::new(at("Mali"), at("Mali") + 4);
        let whole = Span::new(at(long), at(long) + long.len());
        let last = Span::new(at("; MDF") + 2, at("; MDF") + 5);
        // The name a mention already, only a place inside it, or nothing found at all.
        for start in [
            vec![mention(whole, Label::Org, long)],
            vec![mention(mali, Label::Gpe, "Mali")],
            vec![
                mention(mali, Label::Gpe, "Mali"),
                mention(last, Label::Person, "Mdf"),
            ],
            vec![],
        ] {
            let mut out = start.clone();
            acronyms(text, &mut out);
            let expected: Vec<(String, String)> = [long, "MDF", "MDF", "MDF"]
                .iter()
                .map(|s| (s.to_string(), long.to_string()))
                .collect();
            assert_eq!(spans(text, &out), expected, "{start:?}");
            assert!(out.iter().all(|(m, _)| m.label == Label::Org));
            assert!(out.windows(2).all(|w| w[0].0.span.end <= w[1].0.span.start));
        }
    }

    #[test]
    fn many_definitions_and_parentheses_stay_in_order_and_disjoint() {
        // Hostile shapes: unclosed and nested parentheses, words without spaces, a definition
        // every few words, each acronym used again.
        let unit = "Kivu Workers Union (KWU) and x(KWU)y ((( KWU) Nordwind Bank (NB) NB ";
        let text = unit.repeat(2_000);
        let mut out = Vec::new();
        acronyms(&text, &mut out);
        assert!(out.windows(2).all(|w| w[0].0.span.end <= w[1].0.span.start));
        assert!(out.iter().all(|(m, _)| m.label == Label::Org));
        // Every use of the first definitions' acronyms is named; the rule takes 64 definitions.
        let kwu = out
            .iter()
            .filter(|(m, _)| m.span.as_str(&text) == "KWU")
            .count();
        assert!(kwu >= MAX_DEFINITIONS, "{kwu}");
    }

    #[test]
    fn an_acronym_of_no_organisation_word_stays_unnamed() {
        let text = "Gross Domestic Product (GDP) rose. GDP fell.";
        let mut out = Vec::new();
        acronyms(text, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn a_mention_reaching_past_the_name_keeps_the_acronym_alone() {
        let text = "Bank of Mali Defence Forces (MDF) said.";
        let mut out = vec![mention(Span::new(0, 12), Label::Org, "Bank of Mali")];
        acronyms(text, &mut out);
        assert_eq!(out.len(), 1);
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::new([
            Entry::new("Georgia", Label::Gpe)
                .id("Q230")
                .description("country"),
            Entry::new("Georgia", Label::Gpe)
                .id("Q1428")
                .weight(0.7)
                .description("US state"),
            Entry::new("United States", Label::Gpe)
                .id("Q30")
                .alias("US")
                .description("country"),
            Entry::new("Atlanta", Label::Gpe).description("city in United States"),
            Entry::new("Washington", Label::Gpe)
                .id("Q61")
                .description("capital of United States"),
            Entry::new("Ukraine", Label::Gpe)
                .id("Q212")
                .description("country"),
            Entry::new("Texas", Label::Gpe)
                .id("Q1439")
                .description("US state"),
            Entry::new("Tbilisi", Label::Gpe)
                .id("Q994")
                .description("capital of Georgia"),
            Entry::new("Perth", Label::Gpe)
                .id("Q3183")
                .description("city in Australia"),
            Entry::new("Perth", Label::Gpe)
                .id("Q203000")
                .weight(0.5)
                .description("city in United Kingdom"),
            Entry::new("Glasgow", Label::Gpe).description("city in United Kingdom"),
        ])
        .expect("builds")
    }

    fn places_of(gazetteer: &Gazetteer, text: &str) -> Vec<Option<String>> {
        let mut out: Vec<(EntityMention, EntitySource)> = gazetteer
            .find(text)
            .into_iter()
            .map(|m| {
                (
                    EntityMention {
                        span: m.span,
                        label: gazetteer.label(m.entry),
                        entity_id: gazetteer.qid(m.entry).map(str::to_string),
                        name: gazetteer.name(m.entry).to_string(),
                        entry: Some(m.entry),
                        title: None,
                    },
                    EntitySource::Gazetteer,
                )
            })
            .collect();
        places(gazetteer, text, &mut out);
        out.into_iter().map(|(m, _)| m.entity_id).collect()
    }

    #[test]
    fn the_places_of_the_document_choose_between_candidates() {
        let gazetteer = gazetteer();
        for (support, expected) in [
            ("Atlanta", "Q1428"),
            ("Atlanta and Texas", "Q1428"),
            ("Tbilisi", "Q230"),
            ("Ukraine", "Q230"),
            ("Tbilisi and the US", "Q230"),
            ("the US and Ukraine", "Q230"),
        ] {
            for frame in [
                "Georgia voters went to the polls in {s}.",
                "In {s}, officials said Georgia would vote.",
                "Georgia said so. Reporters in {s} and Georgia agreed.",
            ] {
                let text = frame.replace("{s}", support);
                let ids = places_of(&gazetteer, &text);
                let georgia: Vec<&str> = text
                    .match_indices("Georgia")
                    .map(|(at, _)| {
                        let i = gazetteer
                            .find(&text)
                            .iter()
                            .position(|m| m.span.start == at)
                            .expect("found");
                        ids[i].as_deref().expect("linked")
                    })
                    .collect();
                assert!(
                    georgia.iter().all(|&id| id == expected),
                    "{text:?}: {ids:?}"
                );
            }
        }
    }

    #[test]
    fn a_long_list_of_places_decides_each_by_its_neighbours() {
        let gazetteer = gazetteer();
        let text = "Georgia and Atlanta; ".repeat(5_000) + &"Georgia and Tbilisi; ".repeat(5_000);
        let ids = places_of(&gazetteer, &text);
        let georgia: Vec<&str> = gazetteer
            .find(&text)
            .iter()
            .zip(&ids)
            .filter(|(m, _)| m.span.as_str(&text) == "Georgia")
            .map(|(_, id)| id.as_deref().expect("linked"))
            .collect();
        assert_eq!(georgia.len(), 10_000);
        // One switch, where Tbilisi comes within reach (250 bytes, 12 units): a tie there
        // keeps the country.
        let switch = georgia
            .iter()
            .position(|&id| id != "Q1428")
            .expect("a switch");
        assert!((4_985..=5_000).contains(&switch), "{switch}");
        assert!(georgia[switch..].iter().all(|&id| id == "Q230"));
    }

    #[test]
    fn without_support_or_with_a_tie_the_gazetteer_choice_stays() {
        let gazetteer = gazetteer();
        for text in [
            "Georgia voted.",
            "Georgia voted. Perth did not.",
            "Georgia voted in Atlanta and Tbilisi.",
            "Perth and Georgia voted.",
            "Georgia voted in the US.",
            "Georgia voted in Washington.",
            &format!(
                "Georgia voted.{} Atlanta did not.",
                " So it was.".repeat(30)
            ),
        ] {
            let ids = places_of(&gazetteer, text);
            let at = gazetteer
                .find(text)
                .iter()
                .position(|m| m.span.as_str(text) == "Georgia")
                .expect("found");
            assert_eq!(ids[at].as_deref(), Some("Q230"), "{text:?}");
        }
        let ids = places_of(&gazetteer, "Perth beat Glasgow.");
        assert_eq!(ids[0].as_deref(), Some("Q203000"));
        // A much less known candidate stays unchosen, whatever supports it.
        let gazetteer = Gazetteer::new([
            Entry::new("Palestine", Label::Gpe)
                .id("Q219060")
                .description("country"),
            Entry::new("Palestine", Label::Gpe)
                .weight(0.32)
                .description("city in United States"),
            Entry::new("United States", Label::Gpe)
                .id("Q30")
                .description("country"),
            Entry::new("Texas", Label::Gpe).description("US state"),
            Entry::new("Dallas", Label::Gpe).description("city in United States"),
        ])
        .expect("builds");
        for text in [
            "Palestine, Texas.",
            "In Texas and Dallas, Palestine was named.",
        ] {
            let ids = places_of(&gazetteer, text);
            let at = gazetteer
                .find(text)
                .iter()
                .position(|m| m.span.as_str(text) == "Palestine")
                .expect("found");
            assert_eq!(ids[at].as_deref(), Some("Q219060"), "{text:?}");
        }
    }
}
