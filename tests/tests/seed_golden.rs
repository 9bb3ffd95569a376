//! The seed article end to end through `byline::Pipeline`: its quotations with quote marks, their
//! quoted fragments, content and speakers resolved to entities, and its indirect speech.
//!
//! The expectations are copied from the hand-annotated gold file of the article (code-point
//! offsets there; the article is ASCII, so they equal byte offsets here).

use byline::{Document, Pipeline, QuoteKind, Span};

fn article() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/article.txt");
    std::fs::read_to_string(path).expect("examples/article.txt is in the repository")
}

/// A quotation with quote marks as the gold file gives it.
struct Marked {
    content: (usize, usize),
    quoted: &'static [(usize, usize)],
    cue: (usize, usize),
    speaker: (usize, usize),
    name: &'static str,
    entity_id: Option<&'static str>,
}

const MARKED: &[Marked] = &[
    Marked {
        content: (118, 213),
        quoted: &[(153, 161)],
        cue: (108, 117),
        speaker: (76, 107),
        name: "Ebrahim Raisi",
        entity_id: Some("Q5947347"),
    },
    Marked {
        content: (1127, 1205),
        quoted: &[(1164, 1172), (1181, 1203)],
        cue: (1113, 1126),
        speaker: (1065, 1080),
        name: "Ebrahim Raisi",
        entity_id: Some("Q5947347"),
    },
    Marked {
        content: (2895, 2913),
        quoted: &[(2902, 2911)],
        cue: (2884, 2894),
        speaker: (2794, 2826),
        name: "John Kirby",
        entity_id: None,
    },
];

/// Indirect speech: speaker text, resolved name, cue, and how the content starts.
const INDIRECT: &[(&str, Option<&str>, &str, &str)] = &[
    (
        "He",
        Some("Ebrahim Raisi"),
        "expressed disappointment",
        "that such actions were allegedly supported",
    ),
    (
        "President Putin",
        Some("Vladimir Putin"),
        "stating",
        "that the sight of bloodied children",
    ),
    (
        "Analysts",
        None,
        "speculate",
        "that the conflict in Gaza has provided Russia",
    ),
    (
        "Western governments",
        None,
        "argue",
        "that such sentiments are hypocritical",
    ),
    (
        "Israel",
        Some("Israel"),
        "argued",
        "that its military actions target Hamas",
    ),
    (
        "Reuters",
        Some("Reuters"),
        "reported",
        "Iranian President Ebrahim Raisi condemned the West",
    ),
];

fn annotate() -> (String, Document) {
    let text = article();
    let doc = Pipeline::new().annotate(text.as_str());
    (text, doc)
}

fn span(s: Span) -> (usize, usize) {
    (s.start, s.end)
}

#[test]
fn the_three_quotations_with_quote_marks() {
    let (text, doc) = annotate();
    for want in MARKED {
        let q = doc
            .quotes()
            .iter()
            .find(|q| {
                q.content
                    .iter()
                    .map(|&s| span(s))
                    .any(|s| s == want.content)
            })
            .unwrap_or_else(|| {
                panic!(
                    "no quotation with content {:?}",
                    &text[want.content.0..want.content.1]
                )
            });
        assert_eq!(q.kind, QuoteKind::Mixed);
        let quoted: Vec<(usize, usize)> = q.quoted.iter().map(|&s| span(s)).collect();
        assert_eq!(
            quoted,
            want.quoted,
            "quoted fragments of {:?}",
            &text[want.content.0..want.content.1]
        );
        assert_eq!(q.cue.map(span), Some(want.cue));
        let speaker = q.speaker.as_ref().expect("a speaker");
        assert_eq!(
            span(speaker.span),
            want.speaker,
            "speaker {:?}",
            speaker.span.as_str(&text)
        );
        assert_eq!(speaker.name.as_deref(), Some(want.name));
        if let Some(id) = want.entity_id {
            assert_eq!(speaker.entity_id.as_deref(), Some(id));
        }
    }
}

#[test]
fn the_quoted_fragments_read_as_the_article_gives_them() {
    let (text, doc) = annotate();
    // Reuters' report of the first sentence holds the first fragment too: count each span once.
    let mut spans: Vec<Span> = doc
        .quotes()
        .iter()
        .flat_map(|q| q.quoted.iter().copied())
        .collect();
    spans.sort();
    spans.dedup();
    let fragments: Vec<&str> = spans.iter().map(|s| s.as_str(&text)).collect();
    assert_eq!(
        fragments,
        [
            "genocide",
            "genocide",
            "crime against humanity",
            "worrisome"
        ]
    );
}

#[test]
fn the_indirect_speech_with_its_speakers() {
    let (text, doc) = annotate();
    for &(speaker, name, cue, starts) in INDIRECT {
        let q = doc
            .quotes()
            .iter()
            .find(|q| q.cue.is_some_and(|c| c.as_str(&text) == cue))
            .unwrap_or_else(|| panic!("no quotation with cue {cue:?}"));
        let content = q.content[0].as_str(&text);
        assert!(
            content.starts_with(starts) || content.contains(starts),
            "content of {cue:?}: {content:?}"
        );
        let s = q
            .speaker
            .as_ref()
            .unwrap_or_else(|| panic!("no speaker for {cue:?}"));
        assert!(
            s.span.as_str(&text).ends_with(speaker),
            "speaker of {cue:?}: {:?}",
            s.span.as_str(&text)
        );
        if let Some(name) = name {
            assert_eq!(s.name.as_deref(), Some(name), "speaker of {cue:?}");
        }
    }
}
