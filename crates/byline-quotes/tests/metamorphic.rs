//! Metamorphic robustness: attributions byline gets right, varied in what must not change the
//! answer. Every combination of construction (tag after, before, inverted, in the middle of a split
//! quotation, indirect speech before and after its content), speaker form, adverb between speaker
//! and cue (or after an inverted tag), cue verb, quote style, punctuation inside or outside the
//! closing mark, and position in the sentence and paragraph is generated, and each must give the
//! same speaker, cue, content and kind.

use byline_quotes::{Quotation, QuoteExtractor, QuoteKind};
use byline_tokenize::Tokenizer;

/// A speaker form: as it opens a sentence and as it reads inside one, and the phrase that may
/// stand for it alone (the head of a phrase with a modifier), if any.
struct Form {
    name: &'static str,
    inside: &'static str,
    head: Option<&'static str>,
    pronoun: bool,
}

const FORMS: &[Form] = &[
    Form {
        name: "name",
        inside: "Maria Lopez",
        head: None,
        pronoun: false,
    },
    Form {
        name: "title + name",
        inside: "Senator Maria Lopez",
        head: None,
        pronoun: false,
    },
    Form {
        name: "role",
        inside: "the minister",
        head: None,
        pronoun: false,
    },
    Form {
        name: "organisation",
        inside: "the Interior Ministry",
        head: None,
        pronoun: false,
    },
    Form {
        name: "pronoun",
        inside: "she",
        head: None,
        pronoun: true,
    },
    Form {
        name: "noun phrase + prepositional modifier",
        inside: "workers at the plant",
        head: Some("workers"),
        pronoun: false,
    },
    Form {
        name: "noun phrase + of",
        inside: "members of the board",
        head: Some("members"),
        pronoun: false,
    },
    Form {
        name: "role + for",
        inside: "a spokesman for the council",
        head: Some("a spokesman"),
        pronoun: false,
    },
    Form {
        name: "X of the Y",
        inside: "Inspector Lane of the city police",
        head: Some("Inspector Lane"),
        pronoun: false,
    },
    Form {
        name: "noun phrase + relative clause",
        inside: "the officer who led the raid",
        head: Some("the officer"),
        pronoun: false,
    },
];

/// Adverbs between speaker and cue, or after an inverted tag; `""` for none.
const ADVERBS: &[&str] = &[
    "",
    "also",
    "then",
    "later",
    "again",
    "previously",
    "reportedly",
    "once more",
    "quickly",
];

/// Cue verbs in the past tense, each with the words it takes after it (a hearer).
const CUES: &[(&str, &str)] = &[
    ("said", ""),
    ("added", ""),
    ("warned", ""),
    ("insisted", ""),
    ("argued", ""),
    ("told", " reporters"),
];

/// Quote styles: opening and closing mark.
const STYLES: &[(&str, &str, &str)] = &[
    ("straight double", "\"", "\""),
    ("curly double", "\u{201c}", "\u{201d}"),
    ("straight single", "'", "'"),
    ("curly single", "\u{2018}", "\u{2019}"),
    ("guillemets", "\u{ab}", "\u{bb}"),
];

/// Where the sentence sits.
const POSITIONS: &[(&str, &str, &str)] = &[
    ("alone", "", ""),
    ("after a sentence", "The vote was held on Monday. ", ""),
    ("before a sentence", "", " The count goes on."),
    ("after a paragraph", "The vote was held on Monday.\n\n", ""),
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Construction {
    /// `"C," S ADV V.`
    TagAfter,
    /// `"C," V S ADV.`
    Inverted,
    /// `S ADV V: "C."`
    TagBefore,
    /// `"C1," S ADV V, "C2."`
    Split,
    /// `S ADV V C.`
    IndirectBefore,
    /// `C, S ADV V.`
    IndirectAfter,
}

const CONSTRUCTIONS: &[Construction] = &[
    Construction::TagAfter,
    Construction::Inverted,
    Construction::TagBefore,
    Construction::Split,
    Construction::IndirectBefore,
    Construction::IndirectAfter,
];

/// One generated case: the text and the answer it must give.
struct Case {
    label: String,
    text: String,
    content: Vec<String>,
    speaker: Vec<String>,
    cue: String,
    kind: QuoteKind,
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn with_adverb(adverb: &str) -> String {
    if adverb.is_empty() {
        String::new()
    } else {
        format!(" {adverb}")
    }
}

/// The case of one combination, or `None` where it is not English (`said she`).
#[allow(clippy::too_many_arguments)]
fn case(
    con: Construction,
    form: &Form,
    adverb: &str,
    (verb, hearer): (&str, &str),
    style: (&str, &str, &str),
    punct_outside: bool,
    position: (&str, &str, &str),
) -> Option<Case> {
    let (_, open, close) = style;
    let adv = with_adverb(adverb);
    let quoted = |words: &str, p: &str| {
        if punct_outside {
            (
                format!("{open}{words}{close}{p}"),
                format!("{open}{words}{close}"),
            )
        } else {
            let piece = format!("{open}{words}{p}{close}");
            (piece.clone(), piece)
        }
    };
    let speaker_inside = form.inside.to_string();
    let speaker_open = capitalise(form.inside);
    let (body, content, speaker, kind) = match con {
        Construction::TagAfter => {
            let (q, piece) = quoted("We will fight on", ",");
            (
                format!("{q} {speaker_inside}{adv} {verb}{hearer}."),
                vec![piece],
                speaker_inside.clone(),
                QuoteKind::Direct,
            )
        }
        Construction::Inverted => {
            if form.pronoun || !hearer.is_empty() {
                return None;
            }
            let (q, piece) = quoted("We will fight on", ",");
            (
                format!("{q} {verb} {speaker_inside}{adv}."),
                vec![piece],
                speaker_inside.clone(),
                QuoteKind::Direct,
            )
        }
        Construction::TagBefore => {
            let (q, piece) = quoted("We will fight on", ".");
            (
                format!("{speaker_open}{adv} {verb}{hearer}: {q}"),
                vec![piece],
                speaker_open.clone(),
                QuoteKind::Direct,
            )
        }
        Construction::Split => {
            let (q1, p1) = quoted("We will fight on", ",");
            let (q2, p2) = quoted("and we will win", ".");
            (
                format!("{q1} {speaker_inside}{adv} {verb}{hearer}, {q2}"),
                vec![p1, p2],
                speaker_inside.clone(),
                QuoteKind::Direct,
            )
        }
        Construction::IndirectBefore => {
            // The quote style and the mark's place do not apply: one variant only.
            if style.0 != "straight double" || punct_outside {
                return None;
            }
            let hearer = if hearer.is_empty() { "" } else { " reporters" };
            (
                format!("{speaker_open}{adv} {verb}{hearer} the plant will close in May."),
                vec!["the plant will close in May.".to_string()],
                speaker_open.clone(),
                QuoteKind::Indirect,
            )
        }
        Construction::IndirectAfter => {
            if style.0 != "straight double" || punct_outside {
                return None;
            }
            (
                format!("The plant will close in May, {speaker_inside}{adv} {verb}{hearer}."),
                vec!["The plant will close in May".to_string()],
                speaker_inside.clone(),
                QuoteKind::Indirect,
            )
        }
    };
    let mut speakers = vec![speaker.clone()];
    if let Some(h) = form.head {
        let h = if speaker.starts_with(char::is_uppercase) {
            capitalise(h)
        } else {
            h.to_string()
        };
        speakers.push(h);
    }
    let (pname, before, after) = position;
    Some(Case {
        label: format!(
            "{con:?} | {} | adverb {adverb:?} | {verb} | {} | punct {} | {pname}",
            form.name,
            style.0,
            if punct_outside { "outside" } else { "inside" }
        ),
        text: format!("{before}{body}{after}"),
        content,
        speaker: speakers,
        cue: verb.to_string(),
        kind,
    })
}

fn all_cases() -> Vec<Case> {
    let mut out = Vec::new();
    for &con in CONSTRUCTIONS {
        for form in FORMS {
            for adverb in ADVERBS {
                for &cue in CUES {
                    for &style in STYLES {
                        for punct_outside in [false, true] {
                            for &position in POSITIONS {
                                out.extend(case(
                                    con,
                                    form,
                                    adverb,
                                    cue,
                                    style,
                                    punct_outside,
                                    position,
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// What is wrong with the answer to `case`, if anything.
fn check(case: &Case, quotes: &[Quotation]) -> Option<String> {
    let text = case.text.as_str();
    let first = case.content.first().map(String::as_str).unwrap_or("");
    let q = quotes
        .iter()
        .find(|q| q.content.first().is_some_and(|p| p.as_str(text) == first));
    let describe = |q: &Quotation| {
        let pieces: Vec<&str> = q.content.iter().map(|s| s.as_str(text)).collect();
        let speaker = q.speaker.as_ref().map(|s| s.span.as_str(text));
        let cue = q.cue.map(|c| c.as_str(text));
        format!("{pieces:?} by {speaker:?} cue {cue:?} ({:?})", q.kind)
    };
    let Some(q) = q else {
        let got: Vec<String> = quotes.iter().map(describe).collect();
        return Some(format!("no quotation with content {first:?}; got {got:?}"));
    };
    let pieces: Vec<&str> = q.content.iter().map(|s| s.as_str(text)).collect();
    let speaker = q
        .speaker
        .as_ref()
        .map(|s| s.span.as_str(text))
        .unwrap_or("");
    let cue = q.cue.map(|c| c.as_str(text)).unwrap_or("");
    let ok = pieces == case.content
        && case.speaker.iter().any(|s| s == speaker)
        && cue == case.cue
        && q.kind == case.kind;
    (!ok).then(|| format!("got {}", describe(q)))
}

/// Combinations the rules do not get right, each with why. Empty: every case holds.
fn exception(_case: &Case) -> Option<&'static str> {
    None
}

#[test]
fn varying_what_must_not_matter_keeps_the_attribution() {
    let tokenizer = Tokenizer::new();
    let extractor = QuoteExtractor::new();
    let cases = all_cases();
    assert!(cases.len() > 5_000, "only {} cases", cases.len());
    let mut failures = Vec::new();
    let mut excepted = 0;
    for case in &cases {
        let seg = tokenizer.segment(&case.text);
        let quotes = extractor.extract(&case.text, &seg, &[]);
        if let Some(why) = check(case, &quotes) {
            if exception(case).is_some() {
                excepted += 1;
            } else {
                failures.push(format!("{}\n    {:?}\n    {why}", case.label, case.text));
            }
        }
    }
    eprintln!(
        "metamorphic: {} cases, {} hold, {} excepted, {} fail",
        cases.len(),
        cases.len() - failures.len() - excepted,
        excepted,
        failures.len()
    );
    // `BYLINE_METAMORPHIC_DUMP=path` writes every failure there, for reading a class at once.
    if let Ok(path) = std::env::var("BYLINE_METAMORPHIC_DUMP") {
        std::fs::write(path, failures.join("\n")).expect("write the failures");
    }
    // Which dimension values the failures share, to read a class rather than a list.
    let mut tally: std::collections::BTreeMap<String, usize> = Default::default();
    for f in &failures {
        for part in f.lines().next().unwrap_or("").split(" | ") {
            *tally.entry(part.to_string()).or_default() += 1;
        }
    }
    let shown: Vec<&String> = failures
        .iter()
        .step_by((failures.len() / 60).max(1))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail; by dimension value: {tally:#?}\nsome:\n{}",
        failures.len(),
        cases.len(),
        shown
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
