//! The corpus summed up one document at a time, in memory bounded whatever the corpus size:
//! fixed counters, and [`Bounded`] maps for everything that grows with the corpus (speakers,
//! entities, pairs, groups, recurring quotations).

use std::collections::HashMap;

use serde::Serialize;

use super::bounded::{Bounded, Weighted};
use super::classify::{
    description, gender_of_name, minhash_bands, normalise_words, speaker_type, stable_hash,
    word_count, Gender, SpeakerType, BANDS, GENDER_THRESHOLD,
};
use super::read::{DocIn, QuoteIn};

/// Quotation kinds in the order of the counters.
pub(crate) const KINDS: [&str; 4] = ["direct", "mixed", "indirect", "other"];

fn kind_index(kind: &str) -> usize {
    KINDS[..3].iter().position(|k| *k == kind).unwrap_or(3)
}

/// How much a report keeps: rows of its lists and tables, and entries of the maps that bound its
/// memory.
///
/// ```
/// let limits = byline_report::Limits { top: 50, ..byline_report::Limits::default() };
/// assert_eq!(limits.rows, 1000);
/// ```
#[derive(Clone, Debug)]
pub struct Limits {
    /// Rows of each top list.
    pub top: usize,
    /// Rows of the quotation table.
    pub rows: usize,
    /// Sample quotations per speaker.
    pub samples: usize,
    /// Entries each bounded map keeps before it forgets its lightest half.
    pub capacity: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            top: 25,
            rows: 1000,
            samples: 3,
            capacity: 100_000,
        }
    }
}

/// Words a quotation needs before its recurrence is worth telling.
const RECURRING_MIN_WORDS: usize = 6;
/// Longest text kept for a sample, a row or a recurring quotation, in characters.
const TEXT_CHARS: usize = 400;
/// Distinct group values remembered per speaker or recurring quotation.
const GROUPS_PER_ITEM: usize = 64;

/// Everything counted so far.
#[derive(Debug)]
pub(crate) struct Aggregator {
    limits: Limits,
    /// Whether documents are counted per value of a group field.
    grouped: bool,
    doc_index: u64,
    documents: u64,
    documents_with_errors: u64,
    unreadable_lines: u64,
    sentences: u64,
    mentions: u64,
    quotations: u64,
    kinds: [u64; 4],
    types: Vec<TypeStats>,
    gender_quotes: [u64; 3],
    speakers: Bounded<SpeakerStats>,
    entities: Bounded<EntityStats>,
    pairs: Bounded<PairStats>,
    cues: Bounded<u64>,
    groups: Bounded<GroupStats>,
    dates: Bounded<DateStats>,
    undated_documents: u64,
    recurring: Recurring,
    rows: Vec<QuoteRow>,
    problems: Vec<String>,
}

#[derive(Debug)]
struct TypeStats {
    quotations: u64,
    descriptions: Bounded<u64>,
}

#[derive(Debug)]
struct SpeakerStats {
    name: String,
    entity_id: Option<String>,
    kind: SpeakerType,
    gender: Gender,
    quotations: u64,
    kinds: [u64; 4],
    documents: u64,
    last_doc: u64,
    cues: Bounded<u64>,
    groups: Bounded<u64>,
    samples: Vec<Sample>,
}

impl Weighted for SpeakerStats {
    fn weight(&self) -> u64 {
        self.quotations
    }
}

#[derive(Debug)]
struct EntityStats {
    name: String,
    label: String,
    entity_id: Option<String>,
    mentions: u64,
    documents: u64,
    last_doc: u64,
}

impl Weighted for EntityStats {
    fn weight(&self) -> u64 {
        self.mentions
    }
}

#[derive(Debug)]
struct PairStats {
    speaker: String,
    speaker_id: Option<String>,
    entity: String,
    entity_id: Option<String>,
    label: String,
    quotations: u64,
}

impl Weighted for PairStats {
    fn weight(&self) -> u64 {
        self.quotations
    }
}

#[derive(Debug, Default)]
struct GroupStats {
    documents: u64,
    quotations: u64,
    kinds: [u64; 4],
    types: [u64; 8],
    gender: [u64; 3],
}

impl Weighted for GroupStats {
    fn weight(&self) -> u64 {
        self.documents
    }
}

#[derive(Debug, Default)]
struct DateStats {
    documents: u64,
    quotations: u64,
}

impl Weighted for DateStats {
    fn weight(&self) -> u64 {
        self.documents
    }
}

impl Aggregator {
    pub(crate) fn new(limits: Limits, grouped: bool) -> Aggregator {
        let cap = limits.capacity;
        Aggregator {
            grouped,
            doc_index: 0,
            documents: 0,
            documents_with_errors: 0,
            unreadable_lines: 0,
            sentences: 0,
            mentions: 0,
            quotations: 0,
            kinds: [0; 4],
            types: SpeakerType::ALL
                .iter()
                .map(|_| TypeStats {
                    quotations: 0,
                    descriptions: Bounded::new(cap / 10),
                })
                .collect(),
            gender_quotes: [0; 3],
            // A speaker holds cues, groups and samples: fewer of them fit the same memory.
            speakers: Bounded::new(cap / 4),
            entities: Bounded::new(cap),
            pairs: Bounded::new(cap),
            cues: Bounded::new(cap / 10),
            groups: Bounded::new(cap / 10),
            dates: Bounded::new(cap / 10),
            undated_documents: 0,
            recurring: Recurring::new(cap),
            rows: Vec::new(),
            problems: Vec::new(),
            limits,
        }
    }

    /// The documents counted so far.
    pub(crate) fn documents(&self) -> u64 {
        self.documents
    }

    /// Counts a line that could not be read as a document; `problem` names the place.
    pub(crate) fn add_unreadable(&mut self, problem: String) {
        self.unreadable_lines += 1;
        if self.problems.len() < 20 {
            self.problems.push(problem);
        }
    }

    /// Counts one document; `position` is its id when it has none.
    pub(crate) fn add(&mut self, doc: &DocIn<'_>, position: u64) {
        self.doc_index += 1;
        self.documents += 1;
        let id = doc.id.clone().unwrap_or_else(|| position.to_string());
        if doc.error.is_some() {
            self.documents_with_errors += 1;
        }
        self.sentences += doc.sentences;
        self.mentions += doc.entities.len() as u64;
        let group = doc.group.as_deref().unwrap_or("(none)");
        let day = doc.date.as_deref().and_then(day_of);
        if self.grouped {
            self.groups.entry(group, GroupStats::default).documents += 1;
        }
        match day {
            Some(day) => self.dates.entry(day, DateStats::default).documents += 1,
            None => self.undated_documents += 1,
        }
        self.count_entities(doc);
        for quote in &doc.quotes {
            self.count_quote(doc, quote, &id, group, day);
        }
    }

    fn count_entities(&mut self, doc: &DocIn<'_>) {
        let doc_index = self.doc_index;
        for e in &doc.entities {
            let name = e.name.as_deref().unwrap_or(&e.text);
            let key = entity_key(e.entity_id.as_deref(), &e.label, name);
            let stats = self.entities.entry(&key, || EntityStats {
                name: name.to_owned(),
                label: e.label.to_string(),
                entity_id: e.entity_id.as_deref().map(str::to_owned),
                mentions: 0,
                documents: 0,
                last_doc: 0,
            });
            stats.mentions += 1;
            if stats.last_doc != doc_index {
                stats.last_doc = doc_index;
                stats.documents += 1;
            }
        }
    }

    fn count_quote(
        &mut self,
        doc: &DocIn<'_>,
        quote: &QuoteIn<'_>,
        id: &str,
        group: &str,
        day: Option<&str>,
    ) {
        self.quotations += 1;
        let kind = kind_index(&quote.kind);
        self.kinds[kind] += 1;
        let stype = speaker_type(quote.speaker.as_ref(), &doc.entities);
        let speaker = quote.speaker.as_ref();
        let shown = speaker
            .map(|s| s.name.as_deref().unwrap_or(&s.text).to_owned())
            .unwrap_or_default();
        let speaker_id = speaker.and_then(|s| s.entity_id.as_deref());
        let gender = match stype {
            SpeakerType::Person => Some(gender_of_name(&shown)),
            _ => None,
        };
        let cue = quote.cue.as_ref().map(|c| one_line(&c.text).to_lowercase());
        let types = &mut self.types[stype.index()];
        types.quotations += 1;
        let skey = match speaker {
            Some(_) if stype.is_named() => entity_key(speaker_id, "", &shown),
            Some(s) if stype != SpeakerType::NoSpeaker => {
                let d = description(&s.text);
                *types.descriptions.entry(&d, || 0) += 1;
                format!("~{d}")
            }
            _ => String::new(),
        };
        if let Some(g) = gender {
            self.gender_quotes[g.index()] += 1;
        }
        if let Some(cue) = &cue {
            *self.cues.entry(cue, || 0) += 1;
        }
        if self.grouped {
            let g = self.groups.entry(group, GroupStats::default);
            g.quotations += 1;
            g.kinds[kind] += 1;
            g.types[stype.index()] += 1;
            if let Some(gender) = gender {
                g.gender[gender.index()] += 1;
            }
        }
        if let Some(day) = day {
            self.dates.entry(day, DateStats::default).quotations += 1;
        }
        if stype.is_named() {
            self.count_speaker(
                &skey,
                &shown,
                speaker_id,
                stype,
                gender,
                kind,
                quote,
                cue.as_deref(),
                id,
                group,
            );
            self.count_pairs(doc, quote, &skey, &shown, speaker_id);
        }
        let date = doc.date.as_deref();
        self.recurring.add(
            &skey,
            &shown,
            speaker_id,
            quote,
            self.doc_index,
            id,
            group,
            date,
        );
        if self.rows.len() < self.limits.rows {
            self.rows.push(QuoteRow {
                document: id.to_owned(),
                speaker: shown,
                speaker_type: stype.describe(),
                kind: KINDS[kind],
                cue: cue.unwrap_or_default(),
                text: shorten(&quote.text),
                group: doc.group.clone(),
                date: day.map(str::to_owned),
            });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn count_speaker(
        &mut self,
        key: &str,
        shown: &str,
        speaker_id: Option<&str>,
        stype: SpeakerType,
        gender: Option<Gender>,
        kind: usize,
        quote: &QuoteIn<'_>,
        cue: Option<&str>,
        id: &str,
        group: &str,
    ) {
        let cap = self.limits.capacity;
        let doc_index = self.doc_index;
        let samples = self.limits.samples;
        let s = self.speakers.entry(key, || SpeakerStats {
            name: shown.to_owned(),
            entity_id: speaker_id.map(str::to_owned),
            kind: stype,
            gender: gender.unwrap_or(Gender::Unknown),
            quotations: 0,
            kinds: [0; 4],
            documents: 0,
            last_doc: 0,
            cues: Bounded::new(64),
            groups: Bounded::new(GROUPS_PER_ITEM.min(cap)),
            samples: Vec::new(),
        });
        s.quotations += 1;
        s.kinds[kind] += 1;
        if s.last_doc != doc_index {
            s.last_doc = doc_index;
            s.documents += 1;
        }
        if let Some(cue) = cue {
            *s.cues.entry(cue, || 0) += 1;
        }
        *s.groups.entry(group, || 0) += 1;
        offer_sample(&mut s.samples, samples, quote, KINDS[kind], id);
    }

    fn count_pairs(
        &mut self,
        doc: &DocIn<'_>,
        quote: &QuoteIn<'_>,
        skey: &str,
        shown: &str,
        speaker_id: Option<&str>,
    ) {
        let mut seen: Vec<String> = Vec::new();
        for e in &doc.entities {
            let inside = quote
                .content
                .iter()
                .any(|c| e.start >= c.start && e.end <= c.end);
            if !inside {
                continue;
            }
            let name = e.name.as_deref().unwrap_or(&e.text);
            let ekey = entity_key(e.entity_id.as_deref(), &e.label, name);
            let same_as_speaker = ekey == skey
                || (e.entity_id.is_none()
                    && speaker_id.is_none()
                    && name.eq_ignore_ascii_case(shown));
            if same_as_speaker || seen.contains(&ekey) {
                continue;
            }
            let pair = format!("{skey}\u{1}{ekey}");
            self.pairs
                .entry(&pair, || PairStats {
                    speaker: shown.to_owned(),
                    speaker_id: speaker_id.map(str::to_owned),
                    entity: name.to_owned(),
                    entity_id: e.entity_id.as_deref().map(str::to_owned),
                    label: e.label.to_string(),
                    quotations: 0,
                })
                .quotations += 1;
            seen.push(ekey);
        }
    }

    /// The report: top lists, tables and the notes that say what is approximate.
    pub(crate) fn finish(self, options: ReportOptions) -> Report {
        let top = self.limits.top;
        let mut notes = Vec::new();
        let mut approximate = |what: &str, exact: bool, forgotten: u64| {
            if !exact {
                notes.push(format!(
                    "{what}: more distinct values than the report keeps; counts shown may be low \
                     by up to {forgotten}, and a value counted that often or less may be missing."
                ));
            }
        };
        approximate(
            "speakers",
            self.speakers.is_exact(),
            self.speakers.forgotten(),
        );
        approximate(
            "entities",
            self.entities.is_exact(),
            self.entities.forgotten(),
        );
        approximate(
            "speaker × entity pairs",
            self.pairs.is_exact(),
            self.pairs.forgotten(),
        );
        approximate("groups", self.groups.is_exact(), self.groups.forgotten());
        if !self.recurring.exact {
            notes.push(
                "recurring quotations: more distinct quotations than the report keeps; those seen \
                 in one document only were forgotten as memory filled, so a reprint that came \
                 long after its first appearance may be missed or counted short."
                    .to_owned(),
            );
        }

        let mut people = [0u64; 3];
        for (_, s) in self.speakers.iter() {
            if s.kind == SpeakerType::Person {
                people[s.gender.index()] += 1;
            }
        }
        let speakers = self
            .speakers
            .top(top)
            .into_iter()
            .map(|(_, s)| SpeakerRow {
                speaker: s.name.clone(),
                entity_id: s.entity_id.clone(),
                speaker_type: s.kind.describe(),
                gender: (s.kind == SpeakerType::Person).then_some(s.gender),
                quotations: s.quotations,
                direct: s.kinds[0],
                mixed: s.kinds[1],
                indirect: s.kinds[2],
                documents: s.documents,
                cues: counted(&s.cues, 5),
                groups: counted(&s.groups, 8),
                samples: s.samples.clone(),
            })
            .collect();
        let speaker_types = SpeakerType::ALL
            .iter()
            .map(|t| {
                let stats = &self.types[t.index()];
                TypeRow {
                    speaker_type: t.describe(),
                    quotations: stats.quotations,
                    share: share(stats.quotations, self.quotations),
                    examples: counted(&stats.descriptions, 8),
                }
            })
            .collect();
        let mut entities: Vec<EntityRow> = Vec::new();
        let mut labels: Vec<&str> = self
            .entities
            .iter()
            .map(|(_, e)| e.label.as_str())
            .collect();
        labels.sort_unstable();
        labels.dedup();
        for label in labels {
            let mut of_label: Vec<&EntityStats> = self
                .entities
                .iter()
                .map(|(_, e)| e)
                .filter(|e| e.label == label)
                .collect();
            of_label.sort_unstable_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
            entities.extend(of_label.into_iter().take(top).map(|e| EntityRow {
                label: e.label.clone(),
                entity: e.name.clone(),
                entity_id: e.entity_id.clone(),
                mentions: e.mentions,
                documents: e.documents,
            }));
        }
        let co_occurrence = self
            .pairs
            .top(top * 2)
            .into_iter()
            .map(|(_, p)| PairRow {
                speaker: p.speaker.clone(),
                speaker_id: p.speaker_id.clone(),
                entity: p.entity.clone(),
                entity_id: p.entity_id.clone(),
                label: p.label.clone(),
                quotations: p.quotations,
            })
            .collect();
        let groups = if options.group_by.is_some() {
            let mut rows: Vec<GroupRow> = self
                .groups
                .top(usize::MAX)
                .into_iter()
                .map(|(name, g)| GroupRow {
                    group: name.to_owned(),
                    documents: g.documents,
                    quotations: g.quotations,
                    direct: g.kinds[0],
                    mixed: g.kinds[1],
                    indirect: g.kinds[2],
                    named_person: g.types[SpeakerType::Person.index()],
                    unnamed: g.types[SpeakerType::Role.index()]
                        + g.types[SpeakerType::UnnamedPlural.index()]
                        + g.types[SpeakerType::Pronoun.index()],
                    women: g.gender[Gender::Female.index()],
                    men: g.gender[Gender::Male.index()],
                    gender_unknown: g.gender[Gender::Unknown.index()],
                })
                .collect();
            rows.truncate(top * 4);
            rows
        } else {
            Vec::new()
        };
        let mut dates: Vec<DateRow> = self
            .dates
            .iter()
            .map(|(d, s)| DateRow {
                date: d.to_owned(),
                documents: s.documents,
                quotations: s.quotations,
            })
            .collect();
        dates.sort_unstable_by(|a, b| a.date.cmp(&b.date));
        let recurring = self.recurring.top(top * 2);
        Report {
            title: options.title.clone(),
            options,
            corpus: Corpus {
                documents: self.documents,
                documents_with_errors: self.documents_with_errors,
                unreadable_lines: self.unreadable_lines,
                sentences: self.sentences,
                entity_mentions: self.mentions,
                quotations: self.quotations,
                direct: self.kinds[0],
                mixed: self.kinds[1],
                indirect: self.kinds[2],
                other_kind: self.kinds[3],
                undated_documents: self.undated_documents,
            },
            gender: GenderSummary {
                method: GENDER_METHOD
                    .replace("{threshold}", &format!("{:.0}", GENDER_THRESHOLD * 100.0)),
                threshold: GENDER_THRESHOLD,
                quotations_women: self.gender_quotes[0],
                quotations_men: self.gender_quotes[1],
                quotations_unknown: self.gender_quotes[2],
                people_women: people[0],
                people_men: people[1],
                people_unknown: people[2],
            },
            speakers,
            speaker_types,
            cues: counted(&self.cues, top),
            entities,
            co_occurrence,
            recurring,
            groups,
            dates,
            quotations_shown: self.rows.len() as u64,
            quotations: self.rows,
            notes,
            problems: self.problems,
        }
    }
}

const GENDER_METHOD: &str =
    "Estimated from the first name of each quoted person (a PERSON entity): \
the US Census 1990 first-name lists give how often the name is given to women and to men; a \
name at least {threshold}% on one side counts as that gender, any other name, an initial or a \
name the census lacks as unknown. Pronouns are never used. The census lists are American and \
old: names common elsewhere or newer are mostly unknown, and a name says nothing certain about \
a person's gender.";

fn entity_key(entity_id: Option<&str>, label: &str, name: &str) -> String {
    match entity_id {
        Some(id) => id.to_owned(),
        None => format!("{label}:{}", name.to_lowercase()),
    }
}

/// The day (`YYYY-MM-DD`) a date value starts with, or its month (`YYYY-MM`).
fn day_of(value: &str) -> Option<&str> {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !(digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7)) {
        return None;
    }
    if b.get(7) == Some(&b'-') && digits(8..10) {
        Some(&value[..10])
    } else {
        Some(&value[..7])
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(s: &str) -> String {
    let mut line = one_line(s);
    if let Some((cut, _)) = line.char_indices().nth(TEXT_CHARS) {
        line.truncate(cut);
        line.push('…');
    }
    line
}

fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn counted(map: &Bounded<u64>, n: usize) -> Vec<Counted> {
    map.top(n)
        .into_iter()
        .map(|(value, count)| Counted {
            value: value.to_owned(),
            count: *count,
        })
        .collect()
}

/// Keeps up to `n` samples, direct quotations first (a direct one replaces a reported one).
fn offer_sample(
    samples: &mut Vec<Sample>,
    n: usize,
    quote: &QuoteIn<'_>,
    kind: &'static str,
    id: &str,
) {
    let wanted =
        samples.len() < n || (kind == "direct" && samples.iter().any(|s| s.kind != "direct"));
    if !wanted || quote.text.split_whitespace().nth(3).is_none() {
        return;
    }
    let sample = || Sample {
        text: shorten(&quote.text),
        kind,
        document: id.to_owned(),
    };
    if samples.len() < n {
        samples.push(sample());
    } else if kind == "direct" {
        if let Some(slot) = samples.iter_mut().find(|s| s.kind != "direct") {
            *slot = sample();
        }
    }
}

/// Quotations grouped by speaker and words, exactly after normalising and nearly by MinHash.
#[derive(Debug)]
struct Recurring {
    clusters: HashMap<u64, Cluster>,
    by_words: HashMap<u64, u64>,
    by_band: HashMap<u64, u64>,
    next: u64,
    cap: usize,
    exact: bool,
}

#[derive(Debug)]
struct Cluster {
    speaker: String,
    speaker_id: Option<String>,
    text: String,
    quotations: u64,
    documents: u64,
    last_doc: u64,
    variants: u64,
    groups: Vec<String>,
    more_groups: bool,
    first_date: Option<String>,
    first_document: String,
}

impl Recurring {
    fn new(cap: usize) -> Recurring {
        Recurring {
            clusters: HashMap::new(),
            by_words: HashMap::new(),
            by_band: HashMap::new(),
            next: 0,
            cap: cap.max(2),
            exact: true,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        skey: &str,
        shown: &str,
        speaker_id: Option<&str>,
        quote: &QuoteIn<'_>,
        doc_index: u64,
        id: &str,
        group: &str,
        date: Option<&str>,
    ) {
        let words = normalise_words(&quote.text);
        if word_count(&words) < RECURRING_MIN_WORDS {
            return;
        }
        let exact_key = stable_hash(&(skey, &words));
        let known = self
            .by_words
            .get(&exact_key)
            .copied()
            .filter(|c| self.clusters.contains_key(c));
        let cluster_id = match known {
            Some(c) => c,
            None => {
                let bands = minhash_bands(&words).expect("enough words for a shingle");
                let band_keys: [u64; BANDS] =
                    std::array::from_fn(|b| stable_hash(&(skey, bands[b])));
                let near = band_keys.iter().find_map(|k| {
                    self.by_band
                        .get(k)
                        .copied()
                        .filter(|c| self.clusters.contains_key(c))
                });
                let c = match near {
                    Some(c) => {
                        if let Some(cluster) = self.clusters.get_mut(&c) {
                            cluster.variants += 1;
                        }
                        c
                    }
                    None => self.new_cluster(shown, speaker_id, quote, id, date, &band_keys),
                };
                self.by_words.insert(exact_key, c);
                c
            }
        };
        let cluster = self.clusters.get_mut(&cluster_id).expect("a live cluster");
        cluster.quotations += 1;
        if cluster.last_doc != doc_index {
            cluster.last_doc = doc_index;
            cluster.documents += 1;
            if !cluster.groups.iter().any(|g| g == group) {
                if cluster.groups.len() < GROUPS_PER_ITEM {
                    cluster.groups.push(group.to_owned());
                } else {
                    cluster.more_groups = true;
                }
            }
        }
        if let Some(date) = date {
            if cluster
                .first_date
                .as_deref()
                .is_none_or(|first| date < first)
            {
                cluster.first_date = Some(date.to_owned());
                cluster.first_document = id.to_owned();
            }
        }
    }

    fn new_cluster(
        &mut self,
        shown: &str,
        speaker_id: Option<&str>,
        quote: &QuoteIn<'_>,
        id: &str,
        date: Option<&str>,
        band_keys: &[u64; BANDS],
    ) -> u64 {
        if self.clusters.len() >= self.cap {
            self.forget_singles();
        }
        let c = self.next;
        self.next += 1;
        self.clusters.insert(
            c,
            Cluster {
                speaker: shown.to_owned(),
                speaker_id: speaker_id.map(str::to_owned),
                text: shorten(&quote.text),
                quotations: 0,
                documents: 0,
                last_doc: 0,
                variants: 1,
                groups: Vec::new(),
                more_groups: false,
                first_date: date.map(str::to_owned),
                first_document: id.to_owned(),
            },
        );
        for k in band_keys {
            self.by_band.entry(*k).or_insert(c);
        }
        c
    }

    /// Forgets the quotations seen in one document only (all of them when none recurs yet).
    fn forget_singles(&mut self) {
        self.exact = false;
        self.clusters.retain(|_, c| c.documents > 1);
        if self.clusters.len() >= self.cap / 2 {
            let mut docs: Vec<u64> = self.clusters.values().map(|c| c.documents).collect();
            let mid = docs.len() / 2;
            let threshold = *docs.select_nth_unstable(mid).1;
            self.clusters.retain(|_, c| c.documents > threshold);
        }
        let live = &self.clusters;
        self.by_words.retain(|_, c| live.contains_key(c));
        self.by_band.retain(|_, c| live.contains_key(c));
    }

    fn top(&self, n: usize) -> Vec<RecurringRow> {
        let mut all: Vec<(&u64, &Cluster)> = self
            .clusters
            .iter()
            .filter(|(_, c)| c.documents > 1)
            .collect();
        all.sort_unstable_by(|a, b| {
            b.1.documents
                .cmp(&a.1.documents)
                .then(b.1.quotations.cmp(&a.1.quotations))
                .then(a.0.cmp(b.0))
        });
        all.into_iter()
            .take(n)
            .map(|(_, c)| RecurringRow {
                speaker: c.speaker.clone(),
                speaker_id: c.speaker_id.clone(),
                text: c.text.clone(),
                documents: c.documents,
                quotations: c.quotations,
                variants: c.variants,
                groups: c.groups.len() as u64,
                group_values: c.groups.clone(),
                more_groups: c.more_groups,
                first_date: c.first_date.clone(),
                first_document: c.first_document.clone(),
            })
            .collect()
    }
}

/// What the report was asked for, as the page and the JSON state it.
///
/// ```
/// let options = byline_report::ReportOptions {
///     title: "Coverage, January".to_owned(),
///     inputs: vec!["january.jsonl".to_owned()],
///     group_by: Some("outlet".to_owned()),
///     ..byline_report::ReportOptions::default()
/// };
/// assert_eq!(options.top, 0);
/// ```
#[derive(Clone, Debug, Default, Serialize)]
pub struct ReportOptions {
    /// The page's title.
    pub title: String,
    /// The names of the inputs, shown under the title.
    pub inputs: Vec<String>,
    /// The field the counts were broken down by, if any.
    pub group_by: Option<String>,
    /// The field holding each document's date, if any.
    pub date_field: Option<String>,
    /// Rows of each top list.
    pub top: usize,
    /// Rows of the table of quotations.
    pub max_rows: usize,
}

/// The whole report as data: what `byline report --json` writes and the page shows. Serialise it
/// with serde for the JSON; [`Report::to_html`] gives the page.
///
/// ```
/// let mut builder = byline_report::ReportBuilder::new(byline_report::Fields::default(), Default::default());
/// builder.add_line(r#"{"id": "a", "sentences": [], "quotes": []}"#, 0).unwrap();
/// let report = builder.finish(byline_report::ReportOptions::default());
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["corpus"]["documents"], 1);
/// ```
#[derive(Debug, Serialize)]
pub struct Report {
    pub(crate) title: String,
    pub(crate) options: ReportOptions,
    pub(crate) corpus: Corpus,
    pub(crate) speakers: Vec<SpeakerRow>,
    pub(crate) speaker_types: Vec<TypeRow>,
    pub(crate) gender: GenderSummary,
    pub(crate) cues: Vec<Counted>,
    pub(crate) entities: Vec<EntityRow>,
    pub(crate) co_occurrence: Vec<PairRow>,
    pub(crate) recurring: Vec<RecurringRow>,
    pub(crate) groups: Vec<GroupRow>,
    pub(crate) dates: Vec<DateRow>,
    pub(crate) quotations: Vec<QuoteRow>,
    pub(crate) quotations_shown: u64,
    pub(crate) notes: Vec<String>,
    pub(crate) problems: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Corpus {
    pub documents: u64,
    pub documents_with_errors: u64,
    pub unreadable_lines: u64,
    pub sentences: u64,
    pub entity_mentions: u64,
    pub quotations: u64,
    pub direct: u64,
    pub mixed: u64,
    pub indirect: u64,
    pub other_kind: u64,
    pub undated_documents: u64,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct Counted {
    pub value: String,
    pub count: u64,
}

#[derive(Clone, Debug, Serialize)]
pub(crate) struct Sample {
    pub text: String,
    pub kind: &'static str,
    pub document: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct SpeakerRow {
    pub speaker: String,
    pub entity_id: Option<String>,
    pub speaker_type: &'static str,
    pub gender: Option<Gender>,
    pub quotations: u64,
    pub direct: u64,
    pub mixed: u64,
    pub indirect: u64,
    pub documents: u64,
    pub cues: Vec<Counted>,
    pub groups: Vec<Counted>,
    pub samples: Vec<Sample>,
}

#[derive(Debug, Serialize)]
pub(crate) struct TypeRow {
    pub speaker_type: &'static str,
    pub quotations: u64,
    pub share: f64,
    pub examples: Vec<Counted>,
}

#[derive(Debug, Serialize)]
pub(crate) struct GenderSummary {
    pub method: String,
    pub threshold: f64,
    pub quotations_women: u64,
    pub quotations_men: u64,
    pub quotations_unknown: u64,
    pub people_women: u64,
    pub people_men: u64,
    pub people_unknown: u64,
}

#[derive(Debug, Serialize)]
pub(crate) struct EntityRow {
    pub label: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub mentions: u64,
    pub documents: u64,
}

#[derive(Debug, Serialize)]
pub(crate) struct PairRow {
    pub speaker: String,
    pub speaker_id: Option<String>,
    pub entity: String,
    pub entity_id: Option<String>,
    pub label: String,
    pub quotations: u64,
}

#[derive(Debug, Serialize)]
pub(crate) struct RecurringRow {
    pub speaker: String,
    pub speaker_id: Option<String>,
    pub text: String,
    pub documents: u64,
    pub quotations: u64,
    pub variants: u64,
    pub groups: u64,
    pub group_values: Vec<String>,
    pub more_groups: bool,
    pub first_date: Option<String>,
    pub first_document: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct GroupRow {
    pub group: String,
    pub documents: u64,
    pub quotations: u64,
    pub direct: u64,
    pub mixed: u64,
    pub indirect: u64,
    pub named_person: u64,
    pub unnamed: u64,
    pub women: u64,
    pub men: u64,
    pub gender_unknown: u64,
}

#[derive(Debug, Serialize)]
pub(crate) struct DateRow {
    pub date: String,
    pub documents: u64,
    pub quotations: u64,
}

#[derive(Debug, Serialize)]
pub(crate) struct QuoteRow {
    pub document: String,
    pub speaker: String,
    pub speaker_type: &'static str,
    pub kind: &'static str,
    pub cue: String,
    pub text: String,
    pub group: Option<String>,
    pub date: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{parse_line, FieldNames};

    const FIELDS: FieldNames<'static> = FieldNames {
        id: "id",
        group: None,
        date: None,
    };

    fn line(speaker: &str, text: &str) -> String {
        serde_json::json!({"quotes": [{"kind": "direct", "text": text, "content": [],
            "speaker": {"start": 0, "end": 1, "text": speaker, "entity_id": null, "name": speaker}}]})
        .to_string()
    }

    #[test]
    fn a_flood_of_one_off_speakers_stays_bounded_and_says_so() {
        let limits = Limits {
            capacity: 400,
            ..Limits::default()
        };
        let mut agg = Aggregator::new(limits, false);
        for i in 0..20_000u64 {
            let l = line("Mary Smith", "the same words every single time we speak");
            agg.add(&parse_line(&l, FIELDS).unwrap(), i);
            let l = line(
                &format!("Person {i}"),
                &format!("one off words number {i} said once only"),
            );
            agg.add(&parse_line(&l, FIELDS).unwrap(), i);
            assert!(agg.speakers.iter().count() <= 100);
            assert!(agg.recurring.clusters.len() <= 400);
        }
        let report = agg.finish(ReportOptions::default());
        assert_eq!(report.speakers[0].speaker, "Mary Smith");
        assert_eq!(report.speakers[0].quotations, 20_000);
        assert_eq!(report.recurring[0].documents, 20_000);
        assert!(report.notes.iter().any(|n| n.starts_with("speakers")));
        assert!(report.notes.iter().any(|n| n.starts_with("recurring")));
        assert_eq!(report.corpus.quotations, 40_000);
    }
}
