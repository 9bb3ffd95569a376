//! Deciding what kind of speaker a quotation has, the gender a first name suggests, and when two
//! quotations say the same words.

use std::hash::{DefaultHasher, Hash, Hasher};

use byline::gazetteer::names::first_name_counts;
use serde::Serialize;

use super::read::{EntityIn, SpeakerIn};

/// What kind of speaker a quotation is attributed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum SpeakerType {
    /// A person named in the document (a PERSON entity).
    Person,
    /// A named organisation (an ORG entity).
    Organisation,
    /// A named place, government or group (GPE, LOC, NORP, FAC).
    Place,
    /// A name the document does not label.
    OtherNamed,
    /// A role or description without a name: "a spokesman", "the minister".
    Role,
    /// An unnamed plural: "officials", "analysts".
    UnnamedPlural,
    /// A pronoun never resolved to a name.
    Pronoun,
    /// No speaker at all.
    NoSpeaker,
}

impl SpeakerType {
    pub(crate) const ALL: [SpeakerType; 8] = [
        SpeakerType::Person,
        SpeakerType::Organisation,
        SpeakerType::Place,
        SpeakerType::OtherNamed,
        SpeakerType::Role,
        SpeakerType::UnnamedPlural,
        SpeakerType::Pronoun,
        SpeakerType::NoSpeaker,
    ];

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// Whether the speaker has a name (and belongs in the table of speakers).
    pub(crate) fn is_named(self) -> bool {
        matches!(
            self,
            SpeakerType::Person
                | SpeakerType::Organisation
                | SpeakerType::Place
                | SpeakerType::OtherNamed
        )
    }

    /// The words a reader sees.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            SpeakerType::Person => "named person",
            SpeakerType::Organisation => "organisation",
            SpeakerType::Place => "place or group",
            SpeakerType::OtherNamed => "other name",
            SpeakerType::Role => "role without a name",
            SpeakerType::UnnamedPlural => "unnamed plural",
            SpeakerType::Pronoun => "unresolved pronoun",
            SpeakerType::NoSpeaker => "no speaker",
        }
    }
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "who",
    "someone", "somebody", "one", "this", "that", "those", "these",
];

/// Words in front of a surname.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady",
];

/// Plural nouns that do not end in -s.
const PLURALS: &[&str] = &[
    "people",
    "police",
    "staff",
    "men",
    "women",
    "children",
    "spokespeople",
    "personnel",
    "clergy",
    "media",
    "press",
    "public",
    "leadership",
    "military",
    "authorities",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "another", "some", "several", "many", "most", "other", "one", "two", "three",
    "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "few",
    "both", "all", "senior", "top",
];

/// Who a speaker is: the kind, and for a named speaker its label's kind from the document's
/// entities (matched by id, then by name, then by a mention inside the speaker span).
pub(crate) fn speaker_type(
    speaker: Option<&SpeakerIn<'_>>,
    entities: &[EntityIn<'_>],
) -> SpeakerType {
    let Some(s) = speaker else {
        return SpeakerType::NoSpeaker;
    };
    if s.entity_id.is_some() || s.name.is_some() {
        let label = entities
            .iter()
            .find(|e| s.entity_id.is_some() && e.entity_id == s.entity_id)
            .or_else(|| {
                entities
                    .iter()
                    .find(|e| s.name.is_some() && e.name == s.name)
            })
            .or_else(|| {
                entities
                    .iter()
                    .find(|e| e.start >= s.start && e.end <= s.end && e.end > e.start)
            })
            .map(|e| &*e.label);
        return match label {
            Some("PERSON") => SpeakerType::Person,
            Some("ORG") => SpeakerType::Organisation,
            Some("GPE" | "LOC" | "NORP" | "FAC") => SpeakerType::Place,
            _ => SpeakerType::OtherNamed,
        };
    }
    let lower = s.text.trim().to_lowercase();
    if lower.is_empty() {
        return SpeakerType::NoSpeaker;
    }
    if PRONOUNS.contains(&lower.as_str()) {
        return SpeakerType::Pronoun;
    }
    // "Mr. King" names someone the document never names in full.
    let titled = lower
        .split_once(' ')
        .is_some_and(|(first, _)| HONORIFICS.contains(&first.trim_end_matches('.')));
    if titled {
        return SpeakerType::OtherNamed;
    }
    let head = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    if head.is_empty() {
        return SpeakerType::Role;
    }
    let plural = PLURALS.contains(&head)
        || (head.len() > 3
            && head.ends_with('s')
            && !head.ends_with("ss")
            && !head.ends_with("us")
            && !head.ends_with("is")
            && !head.ends_with("'s"));
    if plural {
        SpeakerType::UnnamedPlural
    } else {
        SpeakerType::Role
    }
}

/// An unnamed speaker's description as a heading for like ones: lower case, without the
/// determiners in front ("A senior official" and "the official" give "official").
pub(crate) fn description(text: &str) -> String {
    let lower = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut rest = lower.as_str();
    while let Some((first, tail)) = rest.split_once(' ') {
        if DETERMINERS.contains(&first) {
            rest = tail;
        } else {
            break;
        }
    }
    rest.to_owned()
}

/// The gender a first name suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Gender {
    Female,
    Male,
    Unknown,
}

impl Gender {
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            Gender::Female => "women",
            Gender::Male => "men",
            Gender::Unknown => "unknown",
        }
    }
}

/// The share of a first name's census uses that must go to one sex for the report to count the
/// person as of that gender.
pub(crate) const GENDER_THRESHOLD: f64 = 0.9;

/// Words before a first name that are not one.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "capt",
    "president",
    "senator",
    "judge",
    "justice",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
];

/// The gender the first name of `name` suggests in the US census first-name lists: female (or
/// male) when at least [`GENDER_THRESHOLD`] of the name's weight is on that side, unknown
/// otherwise or when the census does not list the name. Only a name is ever used.
pub(crate) fn gender_of_name(name: &str) -> Gender {
    let first = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .find(|w| !w.is_empty() && !TITLES.contains(&w.to_lowercase().as_str()));
    let Some(first) = first else {
        return Gender::Unknown;
    };
    // An initial ("J. Smith") says nothing.
    if first.chars().count() < 2 {
        return Gender::Unknown;
    }
    match first_name_counts(first) {
        Some((female, male)) if female + male > 0 => {
            let share = f64::from(female) / f64::from(female + male);
            if share >= GENDER_THRESHOLD {
                Gender::Female
            } else if 1.0 - share >= GENDER_THRESHOLD {
                Gender::Male
            } else {
                Gender::Unknown
            }
        }
        _ => Gender::Unknown,
    }
}

/// A quotation's words for comparison: lower case, letters and digits only, one space between
/// words (so case, punctuation and the style of quote marks do not matter).
pub(crate) fn normalise_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut boundary = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if boundary && !out.is_empty() {
                out.push(' ');
            }
            boundary = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if c != '\'' && c != '’' {
            // An apostrophe joins ("don't" is one word); anything else separates.
            boundary = true;
        }
    }
    out
}

/// Hash of a value, the same in every run.
pub(crate) fn stable_hash<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Bands of the MinHash signature: two quotations sharing any band are taken as one.
pub(crate) const BANDS: usize = 6;
/// Rows (hash functions) per band.
const ROWS: usize = 3;
/// Words per shingle.
const SHINGLE: usize = 3;

/// The band keys of the MinHash signature of normalised `words` (word 3-shingles, [`BANDS`]
/// bands of [`ROWS`] rows): quotations whose shingle sets have Jaccard similarity `s` share a band
/// with probability `1 - (1 - s^3)^6` (0.97 at 0.8, 0.44 at 0.5, 0.05 at 0.2).
pub(crate) fn minhash_bands(words: &str) -> Option<[u64; BANDS]> {
    // Byte offsets where words start, and the end of the text.
    let mut starts: Vec<usize> = std::iter::once(0)
        .chain(
            words
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b' ')
                .map(|(i, _)| i + 1),
        )
        .collect();
    if words.is_empty() || starts.len() < SHINGLE {
        return None;
    }
    starts.push(words.len() + 1);
    let mut mins = [u64::MAX; BANDS * ROWS];
    for w in starts.windows(SHINGLE + 1) {
        let base = fnv1a(&words.as_bytes()[w[0]..w[SHINGLE] - 1]);
        let base = splitmix64(base);
        // One multiply per row: xor with the row's seed, then multiply-shift hashing.
        for (min, seed) in mins.iter_mut().zip(ROW_SEEDS) {
            *min = (*min).min((base ^ seed).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        }
    }
    let mut bands = [0u64; BANDS];
    for (b, band) in bands.iter_mut().enumerate() {
        *band = stable_hash(&(b, &mins[b * ROWS..(b + 1) * ROWS]));
    }
    Some(bands)
}

/// Number of words of a normalised text.
pub(crate) fn word_count(words: &str) -> usize {
    if words.is_empty() {
        0
    } else {
        words.bytes().filter(|&b| b == b' ').count() + 1
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A random seed per row of the signature.
const ROW_SEEDS: [u64; BANDS * ROWS] = {
    let mut seeds = [0u64; BANDS * ROWS];
    let mut i = 0;
    while i < seeds.len() {
        seeds[i] = splitmix64((i as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
        i += 1;
    }
    seeds
};

const fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn speaker(text: &str, name: Option<&str>) -> SpeakerIn<'static> {
        SpeakerIn {
            start: 0,
            end: text.chars().count() as u64,
            text: Cow::Owned(text.to_owned()),
            entity_id: None,
            name: name.map(|n| Cow::Owned(n.to_owned())),
        }
    }

    #[test]
    fn kinds_of_unnamed_speakers() {
        for (text, want) in [
            ("a spokesman", SpeakerType::Role),
            ("The minister", SpeakerType::Role),
            ("officials", SpeakerType::UnnamedPlural),
            ("Senior US officials", SpeakerType::UnnamedPlural),
            ("analysts", SpeakerType::UnnamedPlural),
            ("police", SpeakerType::UnnamedPlural),
            ("the witness", SpeakerType::Role),
            ("he", SpeakerType::Pronoun),
            ("They", SpeakerType::Pronoun),
            ("Mr. King", SpeakerType::OtherNamed),
            ("  ", SpeakerType::NoSpeaker),
        ] {
            assert_eq!(
                speaker_type(Some(&speaker(text, None)), &[]),
                want,
                "{text}"
            );
        }
        assert_eq!(speaker_type(None, &[]), SpeakerType::NoSpeaker);
    }

    #[test]
    fn a_named_speaker_takes_the_label_of_its_entity() {
        let entities = [EntityIn {
            start: 0,
            end: 3,
            text: Cow::Borrowed("ACME"),
            label: Cow::Borrowed("ORG"),
            entity_id: None,
            name: Some(Cow::Borrowed("ACME Corp")),
        }];
        let s = speaker("ACME", Some("ACME Corp"));
        assert_eq!(speaker_type(Some(&s), &entities), SpeakerType::Organisation);
        let pronoun_resolved = speaker("she", Some("Mary Smith"));
        assert_eq!(
            speaker_type(Some(&pronoun_resolved), &[]),
            SpeakerType::OtherNamed
        );
    }

    #[test]
    fn gender_from_first_names_only() {
        assert_eq!(gender_of_name("Mary Smith"), Gender::Female);
        assert_eq!(gender_of_name("Dr. John Smith"), Gender::Male);
        assert_eq!(gender_of_name("J. Smith"), Gender::Unknown);
        assert_eq!(gender_of_name("Kremlin"), Gender::Unknown);
        // Given to both often enough to say nothing.
        assert_eq!(gender_of_name("Jordan Peele"), Gender::Unknown);
        assert_eq!(gender_of_name("she"), Gender::Unknown);
    }

    #[test]
    fn case_punctuation_and_quote_marks_do_not_matter() {
        let a = normalise_words("“We will NOT back down,” he said.");
        let b = normalise_words("\"we will not back down\" -- he said");
        assert_eq!(a, b);
        assert_eq!(a, "we will not back down he said");
        assert_eq!(word_count(&a), 7);
        assert_eq!(word_count(&normalise_words("¡!")), 0);
        assert_eq!(
            normalise_words("Don’t stop"),
            normalise_words("don't stop!")
        );
    }

    #[test]
    fn near_duplicates_share_a_band_and_unrelated_texts_do_not() {
        let base = "the economy is growing faster than anyone expected and wages will follow \
                    within the next two years according to our own estimates";
        let near = base.replace("two years", "three years");
        let other = "we have no plans to raise taxes on working families this year or next year \
                     whatever the opposition claims about our budget";
        let bands = |t: &str| minhash_bands(&normalise_words(t)).unwrap();
        let shared = |a: [u64; BANDS], b: [u64; BANDS]| a.iter().zip(&b).any(|(x, y)| x == y);
        assert!(shared(bands(base), bands(&near)));
        assert!(!shared(bands(base), bands(other)));
    }

    /// Over many generated texts of 25 words: one word changed nearly always joins, unrelated
    /// texts nearly never do.
    #[test]
    fn minhash_joins_near_duplicates_as_a_class() {
        const WORDS: &[&str] = &[
            "the", "minister", "said", "bridge", "economy", "will", "never", "people", "vote",
            "police", "city", "river", "budget", "tax", "school", "war", "peace", "talks", "deal",
            "price", "oil", "court", "judge", "law", "health", "hospital", "storm", "rain",
        ];
        let mut state = 0x1234_5678_9ABC_DEF1u64;
        let mut next = |n: usize| {
            state = splitmix64(state);
            (state % n as u64) as usize
        };
        let bands = |t: &str| minhash_bands(&normalise_words(t)).unwrap();
        let shared = |a: [u64; BANDS], b: [u64; BANDS]| a.iter().zip(&b).any(|(x, y)| x == y);
        let (mut near_joined, mut far_joined) = (0, 0);
        for _ in 0..300 {
            let mut text: Vec<&str> = (0..25).map(|_| WORDS[next(WORDS.len())]).collect();
            let other: Vec<&str> = (0..25).map(|_| WORDS[next(WORDS.len())]).collect();
            let a = text.join(" ");
            let at = next(25);
            text[at] = "unexpectedly";
            if shared(bands(&a), bands(&text.join(" "))) {
                near_joined += 1;
            }
            if shared(bands(&a), bands(&other.join(" "))) {
                far_joined += 1;
            }
        }
        assert!(
            near_joined >= 270,
            "one word changed joined {near_joined} of 300"
        );
        assert!(
            far_joined <= 15,
            "unrelated texts joined {far_joined} of 300"
        );
    }
}
