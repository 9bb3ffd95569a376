//! Invariants every byline result keeps, whatever the input. Shared by the fuzz targets, the
//! replay of their corpora and the property tests, so that all three check the same things.
#![allow(dead_code)]

use byline::gazetteer::Match;
use byline::{Document, EntityMention, Quotation, Segmentation, Span};
use serde_json::Value;

/// What the tokenizer treats as white space between tokens.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `span` lies inside `text`, forwards, on character boundaries.
pub fn span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} is outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} cuts a character"
    );
}

/// Tokens are non-empty, in order, apart, and cover every non-space character; sentences and
/// paragraphs are in order, hold their tokens and sentences, and index them correctly.
pub fn segmentation(text: &str, seg: &Segmentation) {
    let mut end = 0;
    for (i, t) in seg.tokens.iter().enumerate() {
        span(text, t.span, "token");
        assert!(!t.span.is_empty(), "token {i} {:?} is empty", t.span);
        assert!(
            t.span.start >= end,
            "token {i} {:?} starts before the previous token ends ({end})",
            t.span
        );
        let gap = &text[end..t.span.start];
        assert!(
            gap.chars().all(is_space),
            "{gap:?} before token {i} is in no token"
        );
        end = t.span.end;
    }
    let tail = &text[end..];
    assert!(
        tail.chars().all(is_space),
        "{tail:?} at the end is in no token"
    );

    let (mut end, mut next_token) = (0, 0);
    for (i, s) in seg.sentences.iter().enumerate() {
        span(text, s.span, "sentence");
        assert!(!s.span.is_empty(), "sentence {i} {:?} is empty", s.span);
        assert!(
            s.span.start >= end,
            "sentence {i} {:?} overlaps the previous",
            s.span
        );
        assert!(
            s.tokens.start == next_token && s.tokens.start < s.tokens.end,
            "sentence {i} holds tokens {:?}, expected to start at {next_token}",
            s.tokens
        );
        assert!(
            s.tokens.end <= seg.tokens.len(),
            "sentence {i} tokens {:?} out of range",
            s.tokens
        );
        let first = seg.tokens[s.tokens.start].span;
        let last = seg.tokens[s.tokens.end - 1].span;
        assert!(
            s.span.start <= first.start && last.end <= s.span.end,
            "sentence {i} {:?} does not hold its tokens {first:?}..{last:?}",
            s.span
        );
        end = s.span.end;
        next_token = s.tokens.end;
    }
    assert_eq!(
        next_token,
        seg.tokens.len(),
        "tokens after the last sentence"
    );

    let (mut end, mut next_sentence) = (0, 0);
    for (i, p) in seg.paragraphs.iter().enumerate() {
        span(text, p.span, "paragraph");
        assert!(
            p.span.start >= end,
            "paragraph {i} {:?} overlaps the previous",
            p.span
        );
        assert!(
            p.sentences.start == next_sentence && p.sentences.start < p.sentences.end,
            "paragraph {i} holds sentences {:?}, expected to start at {next_sentence}",
            p.sentences
        );
        assert!(
            p.sentences.end <= seg.sentences.len(),
            "paragraph {i} sentences out of range"
        );
        let first = seg.sentences[p.sentences.start].span;
        let last = seg.sentences[p.sentences.end - 1].span;
        assert!(
            p.span.start <= first.start && last.end <= p.span.end,
            "paragraph {i} {:?} does not hold its sentences",
            p.span
        );
        end = p.span.end;
        next_sentence = p.sentences.end;
    }
    assert_eq!(
        next_sentence,
        seg.sentences.len(),
        "sentences after the last paragraph"
    );
}

/// Matches are on boundaries, non-empty, in order and apart; their candidates name entries.
pub fn matches(text: &str, found: &[Match], entries: usize, leftmost_longest: bool) {
    let mut end = 0;
    for m in found {
        span(text, m.span, "match");
        assert!(!m.span.is_empty(), "empty match {:?}", m.span);
        if leftmost_longest {
            assert!(
                m.span.start >= end,
                "match {:?} overlaps the previous",
                m.span
            );
        }
        end = m.span.end;
        assert!(
            (m.entry.0 as usize) < entries,
            "match names entry {:?} of {entries}",
            m.entry
        );
        assert!(
            m.candidates.contains(&m.entry),
            "the entry is not among the candidates"
        );
        for c in &m.candidates {
            assert!((c.0 as usize) < entries, "candidate {c:?} of {entries}");
        }
    }
}

/// Entity mentions are on boundaries, non-empty, sorted and apart, with a name.
pub fn entities(text: &str, found: &[EntityMention]) {
    let mut end = 0;
    for e in found {
        span(text, e.span, "entity");
        assert!(!e.span.is_empty(), "empty entity {:?}", e.span);
        assert!(
            e.span.start >= end,
            "entity {:?} overlaps the previous",
            e.span
        );
        end = e.span.end;
        assert!(!e.name.is_empty(), "entity {:?} has no name", e.span);
        if let Some(t) = e.title {
            span(text, t, "entity title");
        }
    }
}

/// Quotations: content pieces on boundaries, non-empty and in order; quoted fragments inside
/// the content; cue and speaker on boundaries; confidence in 0..=1.
pub fn quotations(text: &str, found: &[Quotation]) {
    for q in found {
        assert!(!q.content.is_empty(), "a quotation without content");
        let mut end = 0;
        for c in &q.content {
            span(text, *c, "quotation content");
            assert!(!c.is_empty(), "empty content piece {c:?}");
            assert!(c.start >= end, "content piece {c:?} before the previous");
            end = c.end;
        }
        for f in &q.quoted {
            span(text, *f, "quoted fragment");
            assert!(
                q.content
                    .iter()
                    .any(|c| c.start <= f.start && f.end <= c.end),
                "quoted fragment {f:?} outside the content {:?}",
                q.content
            );
        }
        if let Some(cue) = q.cue {
            span(text, cue, "cue");
            assert!(!cue.is_empty(), "empty cue");
        }
        if let Some(s) = &q.speaker {
            span(text, s.span, "speaker");
            assert!(!s.span.is_empty(), "empty speaker");
        }
        assert!(
            (0.0..=1.0).contains(&q.confidence),
            "confidence {} outside 0..=1",
            q.confidence
        );
    }
}

/// Every invariant of a document.
pub fn document(doc: &Document) {
    let text = doc.text();
    segmentation(text, &doc.segmentation);
    entities(text, doc.entities());
    quotations(text, doc.quotes());
}

/// Code-point offset of every byte offset (and of the end), computed independently of byline.
pub fn code_points(text: &str) -> Vec<usize> {
    let mut out = vec![usize::MAX; text.len() + 1];
    let mut n = 0;
    for (b, _) in text.char_indices() {
        out[b] = n;
        n += 1;
    }
    out[text.len()] = n;
    out
}

fn offset(v: &Value, key: &str) -> usize {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} of {v} is not a number")) as usize
}

/// The document's JSON line parses, gives code-point offsets equal to the byte offsets
/// converted, and every `text` field equals the text its offsets slice.
pub fn json(doc: &Document, line: &str) {
    assert!(!line.contains('\n'), "a JSON line holds a line break");
    let v: Value = serde_json::from_str(line).expect("the JSON line parses");
    let text = doc.text();
    let cp = code_points(text);
    let chars: Vec<char> = text.chars().collect();
    let slice = |v: &Value| -> String {
        let (s, e) = (offset(v, "start"), offset(v, "end"));
        assert!(
            s <= e && e <= chars.len(),
            "{v} is outside {} code points",
            chars.len()
        );
        chars[s..e].iter().collect()
    };
    let same = |v: &Value, span: Span, what: &str| {
        assert_eq!(
            (offset(v, "start"), offset(v, "end")),
            (cp[span.start], cp[span.end]),
            "{what} {span:?}: code points differ from the bytes converted"
        );
    };
    if let Some(t) = v.get("text") {
        assert_eq!(t.as_str(), Some(text), "the text field differs");
    }
    let sentences = v["sentences"].as_array().expect("sentences");
    assert_eq!(sentences.len(), doc.sentences().len(), "sentence count");
    for (j, s) in sentences.iter().zip(doc.sentences()) {
        same(j, s.span, "sentence");
    }
    if let Some(tokens) = v.get("tokens") {
        let tokens = tokens.as_array().expect("tokens");
        assert_eq!(tokens.len(), doc.tokens().len(), "token count");
        for (j, t) in tokens.iter().zip(doc.tokens()) {
            same(j, t.span, "token");
            assert_eq!(j["kind"].as_str(), Some(t.kind.as_str()));
        }
    }
    if let Some(paragraphs) = v.get("paragraphs") {
        let paragraphs = paragraphs.as_array().expect("paragraphs");
        assert_eq!(paragraphs.len(), doc.paragraphs().len(), "paragraph count");
        for (j, p) in paragraphs.iter().zip(doc.paragraphs()) {
            same(j, p.span, "paragraph");
        }
    }
    let entities = v["entities"].as_array().expect("entities");
    assert_eq!(entities.len(), doc.entities().len(), "entity count");
    for (j, e) in entities.iter().zip(doc.entities()) {
        same(j, e.span, "entity");
        assert_eq!(j["text"].as_str(), Some(slice(j).as_str()), "entity text");
        assert_eq!(j["label"].as_str(), Some(e.label.as_str()));
    }
    let quotes = v["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), doc.quotes().len(), "quotation count");
    for (j, q) in quotes.iter().zip(doc.quotes()) {
        let content = j["content"].as_array().expect("content");
        assert_eq!(content.len(), q.content.len());
        let mut joined = Vec::new();
        for (jc, c) in content.iter().zip(&q.content) {
            same(jc, *c, "content");
            joined.push(slice(jc));
        }
        assert_eq!(
            j["text"].as_str(),
            Some(joined.join(" ").as_str()),
            "quotation text"
        );
        let quoted = j["quoted"].as_array().expect("quoted");
        assert_eq!(quoted.len(), q.quoted.len());
        for (jf, f) in quoted.iter().zip(&q.quoted) {
            same(jf, *f, "quoted");
            assert_eq!(jf["text"].as_str(), Some(slice(jf).as_str()), "quoted text");
        }
        match (&j["cue"], q.cue) {
            (Value::Null, None) => {}
            (jc, Some(c)) => {
                same(jc, c, "cue");
                assert_eq!(jc["text"].as_str(), Some(slice(jc).as_str()), "cue text");
            }
            (jc, None) => panic!("cue {jc} without a cue"),
        }
        match (&j["speaker"], &q.speaker) {
            (Value::Null, None) => {}
            (js, Some(s)) => {
                same(js, s.span, "speaker");
                assert_eq!(
                    js["text"].as_str(),
                    Some(slice(js).as_str()),
                    "speaker text"
                );
            }
            (js, None) => panic!("speaker {js} without a speaker"),
        }
    }
}
