//! Reading one annotated document (a line of `byline annotate` output) without copying what it
//! does not need: sentences are only counted, unknown fields skipped, strings borrowed from the
//! line where they hold no escapes.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A span of code points, `start..end`.
#[derive(Clone, Copy, Debug, Deserialize)]
pub(crate) struct SpanIn {
    pub start: u64,
    pub end: u64,
}

/// An entity mention.
#[derive(Debug, Deserialize)]
pub(crate) struct EntityIn<'a> {
    #[serde(default)]
    pub start: u64,
    #[serde(default)]
    pub end: u64,
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
    #[serde(borrow, default)]
    pub label: Cow<'a, str>,
    #[serde(borrow, default)]
    pub entity_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub name: Option<Cow<'a, str>>,
}

/// A quotation's cue.
#[derive(Debug, Deserialize)]
pub(crate) struct CueIn<'a> {
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
}

/// A quotation's speaker.
#[derive(Debug, Deserialize)]
pub(crate) struct SpeakerIn<'a> {
    #[serde(default)]
    pub start: u64,
    #[serde(default)]
    pub end: u64,
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
    #[serde(borrow, default)]
    pub entity_id: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub name: Option<Cow<'a, str>>,
}

/// A quotation.
#[derive(Debug, Deserialize)]
pub(crate) struct QuoteIn<'a> {
    #[serde(borrow, default)]
    pub kind: Cow<'a, str>,
    #[serde(borrow, default)]
    pub text: Cow<'a, str>,
    #[serde(default)]
    pub content: Vec<SpanIn>,
    #[serde(borrow, default)]
    pub cue: Option<CueIn<'a>>,
    #[serde(borrow, default)]
    pub speaker: Option<SpeakerIn<'a>>,
}

/// One annotated document, with the values of the fields the report groups by.
#[derive(Debug, Default)]
pub(crate) struct DocIn<'a> {
    pub id: Option<String>,
    pub sentences: u64,
    pub entities: Vec<EntityIn<'a>>,
    pub quotes: Vec<QuoteIn<'a>>,
    pub error: Option<Cow<'a, str>>,
    pub group: Option<String>,
    pub date: Option<String>,
}

/// The names of the fields to read besides the fixed ones.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FieldNames<'f> {
    pub id: &'f str,
    pub group: Option<&'f str>,
    pub date: Option<&'f str>,
}

/// Parses one line of JSON into a [`DocIn`].
pub(crate) fn parse_line<'a>(
    line: &'a str,
    fields: FieldNames<'_>,
) -> serde_json::Result<DocIn<'a>> {
    let mut de = serde_json::Deserializer::from_str(line);
    let doc = DocSeed(fields).deserialize(&mut de)?;
    de.end()?;
    Ok(doc)
}

struct DocSeed<'f>(FieldNames<'f>);

impl<'de> DeserializeSeed<'de> for DocSeed<'_> {
    type Value = DocIn<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<DocIn<'de>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocSeed<'_> {
    type Value = DocIn<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object (an annotated document)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DocIn<'de>, A::Error> {
        let names = self.0;
        let mut doc = DocIn::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let key = &*key;
            // The caller's fields first: `--group-by id` must see the id too.
            let wanted_group = names.group == Some(key);
            let wanted_date = names.date == Some(key);
            if wanted_group || wanted_date || key == names.id {
                let value = map.next_value::<Scalar>()?.0;
                if wanted_group {
                    doc.group.clone_from(&value);
                }
                if wanted_date {
                    doc.date.clone_from(&value);
                }
                if key == names.id {
                    doc.id = value;
                }
                continue;
            }
            match key {
                "sentences" => doc.sentences = map.next_value::<Count>()?.0,
                "entities" => doc.entities = map.next_value::<Option<_>>()?.unwrap_or_default(),
                "quotes" => doc.quotes = map.next_value::<Option<_>>()?.unwrap_or_default(),
                "error" => doc.error = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(doc)
    }
}

/// A scalar field as text: a string as it is, a number or a boolean as JSON writes it; `None`
/// for null; an array or object as its JSON text.
struct Scalar(Option<String>);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Ok(Scalar(match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s),
            other => Some(other.to_string()),
        }))
    }
}

/// The length of an array (or 0 for null), without keeping its elements.
struct Count(u64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Count, D::Error> {
        struct CountVisitor;
        impl<'de> Visitor<'de> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Count, E> {
                Ok(Count(0))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Count, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
        }
        deserializer.deserialize_any(CountVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: FieldNames<'static> = FieldNames {
        id: "id",
        group: Some("outlet"),
        date: Some("published"),
    };

    #[test]
    fn reads_the_document_and_the_chosen_fields() {
        let line = r#"{"id":7,"outlet":"AP","published":"2024-01-02T10:00:00Z","sentences":[{"start":0,"end":5},{"start":6,"end":9}],"entities":[{"start":0,"end":4,"text":"Ann","label":"PERSON","entity_id":null,"name":"Ann"}],"quotes":[{"kind":"direct","text":"hi \"x\"","content":[{"start":1,"end":3}],"cue":{"start":4,"end":8,"text":"said"},"speaker":null,"confidence":0.9}],"extra":{"a":[1,2]}}"#;
        let doc = parse_line(line, NAMES).unwrap();
        assert_eq!(doc.id.as_deref(), Some("7"));
        assert_eq!(doc.group.as_deref(), Some("AP"));
        assert_eq!(doc.date.as_deref(), Some("2024-01-02T10:00:00Z"));
        assert_eq!(doc.sentences, 2);
        assert_eq!(doc.entities.len(), 1);
        assert_eq!(doc.quotes[0].text, "hi \"x\"");
        assert_eq!(doc.quotes[0].cue.as_ref().unwrap().text, "said");
    }

    #[test]
    fn an_error_line_and_bad_json() {
        let doc = parse_line(r#"{"id":"d","error":"bad"}"#, NAMES).unwrap();
        assert_eq!(doc.error.as_deref(), Some("bad"));
        assert!(parse_line("{\"id\":", NAMES).is_err());
        assert!(parse_line("[1]", NAMES).is_err());
        assert!(parse_line(r#"{"quotes":[{"kind":1}]}"#, NAMES).is_err());
    }
}
