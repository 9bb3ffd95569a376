use std::borrow::Cow;
use std::fmt;
use std::io;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use byline_tokenize::Span;

use crate::{CharIndex, Document};

/// The byline JSON document of a [`Document`], with code-point offsets: the schema of one line of
/// the command's JSON Lines output. Made by [`Document::to_json`]; serialise it with serde, write
/// it with [`write_to`](DocumentJson::write_to) or turn it into a `String` with `to_string`.
///
/// Fields: `id`, `sentences`, `entities`, `quotes`, and on request `text`, `paragraphs` and
/// `tokens`. Fields may be added in later versions; none is renamed.
///
/// ```
/// let doc = byline::Pipeline::new().annotate("Ça va.");
/// let value: serde_json::Value =
///     serde_json::from_str(&doc.to_json().id("7").tokens(true).to_string()).unwrap();
/// assert_eq!(value["id"], "7");
/// assert_eq!(value["tokens"][1]["start"], 3); // "va": code point 3, byte 4
/// ```
#[derive(Clone, Debug)]
pub struct DocumentJson<'a> {
    doc: &'a Document,
    index: CharIndex,
    id: Option<Cow<'a, str>>,
    text: bool,
    tokens: bool,
    paragraphs: bool,
}

impl<'a> DocumentJson<'a> {
    pub(crate) fn new(doc: &'a Document) -> DocumentJson<'a> {
        DocumentJson {
            doc,
            index: doc.char_index(),
            id: None,
            text: false,
            tokens: false,
            paragraphs: false,
        }
    }

    /// Sets the `id` field (`null` when not set).
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Hi.");
    /// assert!(doc.to_json().id(String::from("a-1")).to_string().starts_with(r#"{"id":"a-1","#));
    /// ```
    pub fn id<S: Into<Cow<'a, str>>>(mut self, id: S) -> DocumentJson<'a> {
        self.id = Some(id.into());
        self
    }

    /// Adds the `tokens` field: `[{"start", "end", "kind", "pos", "tag"}]` (`pos`, the
    /// Universal POS tag, and `tag`, the Penn Treebank tag, when the pipeline computed parts of
    /// speech; the Penn tags are computed only here, for output that asks for tokens).
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Hi.");
    /// assert!(doc.to_json().tokens(true).to_string().contains(r#""kind":"punct""#));
    /// ```
    pub fn tokens(mut self, yes: bool) -> DocumentJson<'a> {
        self.tokens = yes;
        self
    }

    /// Adds the `paragraphs` field: `[{"start", "end"}]`.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("A.\n\nB.");
    /// assert!(doc.to_json().paragraphs(true).to_string().contains(r#""paragraphs":[{"start":0,"end":2},"#));
    /// ```
    pub fn paragraphs(mut self, yes: bool) -> DocumentJson<'a> {
        self.paragraphs = yes;
        self
    }

    /// Adds the `text` field: the document's text.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Hi.");
    /// assert!(doc.to_json().text(true).to_string().contains(r#""text":"Hi.""#));
    /// ```
    pub fn text(mut self, yes: bool) -> DocumentJson<'a> {
        self.text = yes;
        self
    }

    /// Writes the document as one line of JSON (no newline).
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Hi.");
    /// let mut out = Vec::new();
    /// doc.to_json().write_to(&mut out).unwrap();
    /// assert!(out.starts_with(b"{\"id\":null"));
    /// ```
    pub fn write_to<W: io::Write>(&self, mut writer: W) -> io::Result<()> {
        let mut line = Vec::new();
        self.append_to(&mut line);
        writer.write_all(&line)
    }

    /// Appends the document as one line of JSON (no newline) to `out`: the bytes serde gives,
    /// written straight into the buffer.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("\"Yes,\" she said.");
    /// let json = doc.to_json().id("1").tokens(true);
    /// let mut out = Vec::new();
    /// json.append_to(&mut out);
    /// assert_eq!(out, serde_json::to_vec(&json).unwrap());
    /// ```
    pub fn append_to(&self, out: &mut Vec<u8>) {
        let doc = self.doc;
        let text = doc.text.as_str();
        out.extend_from_slice(b"{\"id\":");
        match &self.id {
            Some(id) => push_str(out, id),
            None => out.extend_from_slice(b"null"),
        }
        if self.text {
            out.extend_from_slice(b",\"text\":");
            push_str(out, text);
        }
        out.extend_from_slice(b",\"sentences\":[");
        for (i, s) in doc.segmentation.sentences.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            self.push_span(out, s.span);
            out.push(b'}');
        }
        out.push(b']');
        if self.paragraphs {
            out.extend_from_slice(b",\"paragraphs\":[");
            for (i, p) in doc.segmentation.paragraphs.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                self.push_span(out, p.span);
                out.push(b'}');
            }
            out.push(b']');
        }
        if self.tokens {
            let penn = doc.penn_tags();
            out.extend_from_slice(b",\"tokens\":[");
            for (i, t) in doc.segmentation.tokens.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                self.push_span(out, t.span);
                out.extend_from_slice(b",\"kind\":");
                push_str(out, t.kind.as_str());
                if let Some(pos) = doc.pos_tag(i) {
                    out.extend_from_slice(b",\"pos\":");
                    push_str(out, pos);
                }
                if let Some(tag) = penn.get(i) {
                    out.extend_from_slice(b",\"tag\":");
                    push_str(out, tag);
                }
                out.push(b'}');
            }
            out.push(b']');
        }
        out.extend_from_slice(b",\"entities\":[");
        for (i, e) in doc.entities.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            self.push_text_span(out, e.span);
            out.extend_from_slice(b",\"label\":");
            push_str(out, e.label.as_str());
            out.extend_from_slice(b",\"entity_id\":");
            push_opt_str(out, e.entity_id.as_deref());
            out.extend_from_slice(b",\"name\":");
            push_str(out, &e.name);
            if let Some(source) = doc.entity_sources.get(i) {
                out.extend_from_slice(b",\"source\":");
                push_str(out, source.as_str());
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"],\"quotes\":[");
        for (i, q) in doc.quotes.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"kind\":");
            push_str(out, q.kind.as_str());
            out.extend_from_slice(b",\"text\":");
            push_str(out, &quote_text(text, &q.content));
            out.extend_from_slice(b",\"content\":[");
            for (k, s) in q.content.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                self.push_span(out, *s);
                out.push(b'}');
            }
            out.extend_from_slice(b"],\"quoted\":[");
            for (k, s) in q.quoted.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                self.push_text_span(out, *s);
                out.push(b'}');
            }
            out.extend_from_slice(b"],\"cue\":");
            match q.cue {
                Some(cue) => {
                    self.push_text_span(out, cue);
                    out.push(b'}');
                }
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(b",\"speaker\":");
            match &q.speaker {
                Some(sp) => {
                    self.push_text_span(out, sp.span);
                    out.extend_from_slice(b",\"entity_id\":");
                    push_opt_str(out, sp.entity_id.as_deref());
                    out.extend_from_slice(b",\"name\":");
                    push_opt_str(out, sp.name.as_deref());
                    out.push(b'}');
                }
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(b",\"confidence\":");
            // Numbers as serde_json writes them (`null` when not finite).
            serde_json::to_writer(&mut *out, &q.confidence)
                .expect("writing to a Vec does not fail");
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
    }

    /// Writes `{"start":S,"end":E` (the object left open) for a span, in code points.
    fn push_span(&self, out: &mut Vec<u8>, span: Span) {
        let r = self.index.char_span(span);
        out.extend_from_slice(b"{\"start\":");
        push_usize(out, r.start);
        out.extend_from_slice(b",\"end\":");
        push_usize(out, r.end);
    }

    /// Writes `{"start":S,"end":E,"text":T` (the object left open) for a span of the text.
    fn push_text_span(&self, out: &mut Vec<u8>, span: Span) {
        self.push_span(out, span);
        out.extend_from_slice(b",\"text\":");
        push_str(out, span.as_str(&self.doc.text));
    }

    fn span(&self, span: Span) -> SpanJson {
        let r = self.index.char_span(span);
        SpanJson {
            start: r.start,
            end: r.end,
        }
    }

    fn text_span(&self, span: Span) -> TextSpanJson<'a> {
        let r = self.index.char_span(span);
        TextSpanJson {
            start: r.start,
            end: r.end,
            text: span.as_str(&self.doc.text),
        }
    }
}

impl fmt::Display for DocumentJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&line)
    }
}

/// Writes `n` in decimal, as serde_json does.
fn push_usize(out: &mut Vec<u8>, mut n: usize) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[at..]);
}

/// Writes `s` as a JSON string, escaped as serde_json escapes: `"`, `\\` and the control
/// characters (`\b`, `\t`, `\n`, `\f`, `\r` short, the others as `\u00xx`), nothing else.
fn push_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        // Eight bytes at a time while none needs escaping (most of the text).
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            if !needs_escape(u64::from_le_bytes(w)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        i += 1;
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[start..i - 1]);
        start = i;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]),
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Whether one of the eight bytes of `w` is a control character, `"` or `\\`.
#[inline]
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte under n sets its high bit in `x - n` where it had none: exact for n <= 0x80.
    let under = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH != 0;
    under(w, 0x20)
        || under(w ^ (ONES * u64::from(b'"')), 1)
        || under(w ^ (ONES * u64::from(b'\\')), 1)
}

/// Writes a string, or `null`.
fn push_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => push_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// Serialises the items of a slice mapped through a function, without collecting them.
struct Seq<'s, T, F>(&'s [T], F);

/// A [`Seq`], with the closure's argument type fixed for inference.
fn seq<'s, T, R, F>(items: &'s [T], f: F) -> Seq<'s, T, F>
where
    F: Fn(&'s T) -> R,
    R: Serialize,
{
    Seq(items, f)
}

impl<'s, T, R, F> Serialize for Seq<'s, T, F>
where
    F: Fn(&'s T) -> R,
    R: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(&self.1))
    }
}

#[derive(Serialize)]
struct SpanJson {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct TextSpanJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct TokenJson {
    start: usize,
    end: usize,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pos: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tag: Option<&'static str>,
}

/// The tokens of a document with their parts of speech.
struct TokensJson<'v, 'a>(&'v DocumentJson<'a>);

impl Serialize for TokensJson<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        let doc = view.doc;
        let penn = doc.penn_tags();
        serializer.collect_seq(doc.segmentation.tokens.iter().enumerate().map(|(i, t)| {
            let r = view.index.char_span(t.span);
            TokenJson {
                start: r.start,
                end: r.end,
                kind: t.kind.as_str(),
                pos: doc.pos_tag(i),
                tag: penn.get(i).copied(),
            }
        }))
    }
}

/// The entity mentions of a document with their sources.
struct EntitiesJson<'v, 'a>(&'v DocumentJson<'a>);

impl Serialize for EntitiesJson<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let view = self.0;
        let doc = view.doc;
        serializer.collect_seq(doc.entities.iter().enumerate().map(|(i, e)| {
            let r = view.index.char_span(e.span);
            EntityJson {
                start: r.start,
                end: r.end,
                text: e.span.as_str(&doc.text),
                label: e.label.as_str(),
                entity_id: e.entity_id.as_deref(),
                name: &e.name,
                source: doc.entity_sources.get(i).map(|s| s.as_str()),
            }
        }))
    }
}

#[derive(Serialize)]
struct EntityJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'static str,
    entity_id: Option<&'a str>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
}

#[derive(Serialize)]
struct SpeakerJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    entity_id: Option<&'a str>,
    name: Option<&'a str>,
}

impl Serialize for DocumentJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        if self.text {
            map.serialize_entry("text", &doc.text)?;
        }
        map.serialize_entry(
            "sentences",
            &seq(&doc.segmentation.sentences, |s| self.span(s.span)),
        )?;
        if self.paragraphs {
            map.serialize_entry(
                "paragraphs",
                &seq(&doc.segmentation.paragraphs, |p| self.span(p.span)),
            )?;
        }
        if self.tokens {
            map.serialize_entry("tokens", &TokensJson(self))?;
        }
        map.serialize_entry("entities", &EntitiesJson(self))?;
        map.serialize_entry("quotes", &seq(&doc.quotes, |q| QuoteJson { json: self, q }))?;
        map.end()
    }
}

struct QuoteJson<'j, 'a> {
    json: &'j DocumentJson<'a>,
    q: &'a byline_quotes::Quotation,
}

impl Serialize for QuoteJson<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (json, q) = (self.json, self.q);
        let text = &json.doc.text;
        let mut map = serializer.serialize_map(Some(8))?;
        map.serialize_entry("kind", q.kind.as_str())?;
        map.serialize_entry("text", &quote_text(text, &q.content))?;
        map.serialize_entry("content", &seq(&q.content, |s| json.span(*s)))?;
        map.serialize_entry("quoted", &seq(&q.quoted, |s| json.text_span(*s)))?;
        map.serialize_entry("cue", &q.cue.map(|s| json.text_span(s)))?;
        let speaker = q.speaker.as_ref().map(|sp| {
            let r = json.index.char_span(sp.span);
            SpeakerJson {
                start: r.start,
                end: r.end,
                text: sp.span.as_str(text),
                entity_id: sp.entity_id.as_deref(),
                name: sp.name.as_deref(),
            }
        });
        map.serialize_entry("speaker", &speaker)?;
        map.serialize_entry("confidence", &q.confidence)?;
        map.end()
    }
}

/// The text of a quotation's content: its pieces joined by a space.
pub(crate) fn quote_text<'t>(text: &'t str, content: &[Span]) -> Cow<'t, str> {
    match content {
        [] => Cow::Borrowed(""),
        [one] => Cow::Borrowed(one.as_str(text)),
        pieces => {
            let mut joined = String::new();
            for (i, piece) in pieces.iter().enumerate() {
                if i > 0 {
                    joined.push(' ');
                }
                joined.push_str(piece.as_str(text));
            }
            Cow::Owned(joined)
        }
    }
}

impl Serialize for Document {
    /// Serialises as [`Document::to_json`] does with no option set (`"id": null`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_escapes_them() {
        let mut text: String = (0u8..0x80).map(char::from).collect();
        text.push_str("é€🙂\u{2028}\u{feff}\\\"\\\\");
        // Every substring, so that each escape falls at the start, the middle and the end.
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        for (a, &(i, _)) in chars.iter().enumerate() {
            for &(j, c) in &chars[a..] {
                let piece = &text[i..j + c.len_utf8()];
                out.clear();
                push_str(&mut out, piece);
                assert_eq!(out, serde_json::to_vec(piece).unwrap(), "{piece:?}");
            }
        }
        for n in [0, 1, 9, 10, 99, 100, 12_345, usize::MAX] {
            out.clear();
            push_usize(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
    }

    #[test]
    fn documents_are_written_as_serde_writes_them() {
        let nlp = crate::Pipeline::new();
        // A long text of many paragraphs that the packaged crate holds (it ships its README).
        let article = include_str!("../README.md");
        let pieces = [
            "\"I will win,\" Mr. Smith said.",
            " “We are ready”, said Maria Lopez, the mayor of Paris. ",
            "He told reporters that \"the\tplan\" works\u{1}\u{7f}.",
            "#StandWithUkraine @ZelenskyyUa \\ back\\slash ",
            "Ça va, dit-elle. 🙂 ",
            "\n\n",
            "\r\n",
            "Obama",
            "",
        ];
        let mut texts = vec![article.to_string(), String::new()];
        for (i, a) in pieces.iter().enumerate() {
            for b in &pieces[i..] {
                texts.push(format!("{a}{b}{a}"));
            }
        }
        let mut quotes = 0;
        for text in &texts {
            let doc = nlp.annotate(text);
            quotes += doc.quotes.len();
            for options in 0..32 {
                let mut json = doc
                    .to_json()
                    .text(options & 1 != 0)
                    .tokens(options & 2 != 0)
                    .paragraphs(options & 4 != 0);
                if options & 8 != 0 {
                    json = json.id(if options & 16 != 0 { "a\"\n\\b" } else { "7" });
                }
                let mut out = vec![b'x'];
                json.append_to(&mut out);
                assert_eq!(out[1..], serde_json::to_vec(&json).unwrap()[..], "{text:?}");
                let mut written = Vec::new();
                json.write_to(&mut written).unwrap();
                assert_eq!(written, out[1..]);
            }
        }
        // The texts exercise quotations, not only empty lists.
        assert!(quotes > 10, "{quotes}");
    }
}
