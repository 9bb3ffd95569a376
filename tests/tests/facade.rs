//! The `byline` facade through its public API: one pipeline, batches, the JSON document.

use std::sync::Arc;

use byline::{CharIndex, Document, Gazetteer, Pipeline, Span};
use serde_json::Value;

fn article() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/article.txt");
    std::fs::read_to_string(path).expect("examples/article.txt is in the repository")
}

fn json(doc: &Document) -> Value {
    serde_json::from_str(&doc.to_json().id("x").tokens(true).to_string()).unwrap()
}

#[test]
fn pipeline_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Pipeline>();
    let nlp = Pipeline::new();
    let copy = nlp.clone();
    assert!(Arc::ptr_eq(nlp.gazetteer(), copy.gazetteer()));
}

#[test]
fn the_first_sentence_of_the_article_as_the_design_gives_it() {
    let text = article();
    let doc = Pipeline::new().annotate(text.as_str());
    let value = json(&doc);
    assert_eq!(value["id"], "x");
    assert_eq!(
        value["sentences"][0],
        serde_json::json!({"start": 0, "end": 232})
    );
    let raisi = value["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["start"] == 94)
        .expect("Ebrahim Raisi is found");
    assert_eq!(
        raisi,
        &serde_json::json!({"start": 94, "end": 107, "text": "Ebrahim Raisi", "label": "PERSON",
                            "entity_id": "Q5947347", "name": "Ebrahim Raisi", "source": "both"})
    );
    // Byte spans and the text agree.
    for e in doc.entities() {
        assert!(!e.span.as_str(doc.text()).is_empty());
    }
}

#[test]
fn a_batch_keeps_input_order_and_matches_one_by_one_whatever_the_threads() {
    let text = article();
    let texts: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    assert!(texts.len() > 5);
    let one_by_one: Vec<Value> = {
        let nlp = Pipeline::builder().threads(1).build().unwrap();
        texts.iter().map(|t| json(&nlp.annotate(t))).collect()
    };
    for threads in [1, 2, 4] {
        let nlp = Pipeline::builder().threads(threads).build().unwrap();
        let batch = nlp.annotate_batch(texts.clone());
        assert_eq!(batch.len(), texts.len());
        for (i, result) in batch.iter().enumerate() {
            let doc = result.as_ref().expect("every document is annotated");
            assert_eq!(doc.text(), texts[i]);
            assert_eq!(json(doc), one_by_one[i], "document {i}, {threads} threads");
        }
    }
}

#[test]
fn one_pipeline_serves_many_threads() {
    let nlp = Pipeline::new();
    let text = article();
    let expected = json(&nlp.annotate(text.as_str()));
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| assert_eq!(json(&nlp.annotate(text.as_str())), expected));
        }
    });
}

#[test]
fn stages_can_be_switched_off() {
    let text = "\"We will respond,\" Vladimir Putin said in Moscow.";
    let nlp = Pipeline::builder()
        .entities(false)
        .quotes(false)
        .build()
        .unwrap();
    let doc = nlp.annotate(text);
    assert!(doc.entities().is_empty());
    assert!(doc.quotes().is_empty());
    assert!(!doc.tokens().is_empty());
    let full = Pipeline::new().annotate(text);
    assert!(full.entities().iter().any(|e| e.name == "Vladimir Putin"));
}

#[test]
fn offsets_become_code_points() {
    let text = "« Ça suffit », a dit Emmanuel Macron à Zürich. Puis il est parti.";
    let doc = Pipeline::new().annotate(text);
    let value = json(&doc);
    let chars: Vec<char> = text.chars().collect();
    let index = CharIndex::new(text);
    for (token, t) in doc.tokens().iter().zip(value["tokens"].as_array().unwrap()) {
        let range = index.char_span(token.span);
        assert_eq!(t["start"], range.start);
        assert_eq!(t["end"], range.end);
        let from_chars: String = chars[range].iter().collect();
        assert_eq!(from_chars, token.span.as_str(text));
    }
    for e in value["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..t].iter().collect::<String>(),
            e["text"].as_str().unwrap()
        );
    }
    assert_eq!(index.char_span(Span::new(0, 2)), 0..1);
}

#[test]
fn the_json_shape_never_changes() {
    let doc = Pipeline::new().annotate("");
    assert_eq!(
        doc.to_json().id("empty").to_string(),
        r#"{"id":"empty","sentences":[],"entities":[],"quotes":[]}"#
    );
    let value: Value = serde_json::to_value(&doc).unwrap();
    assert_eq!(value["id"], Value::Null);
}

#[test]
fn a_gazetteer_file_replaces_or_extends_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("extra.jsonl");
    std::fs::write(
        &path,
        "{\"id\": \"Q1\", \"name\": \"Northwind Traders\", \"label\": \"ORG\", \"aliases\": [\"Northwind\"]}\n",
    )
    .unwrap();
    let text = "Northwind said Vladimir Putin was in Moscow.";
    let names = |nlp: &Pipeline| -> Vec<String> {
        nlp.annotate(text)
            .entities()
            .iter()
            .map(|e| e.name.clone())
            .collect()
    };
    let mut builder = Pipeline::builder();
    builder.gazetteer_file(&path);
    let only = builder.build().unwrap();
    assert!(only.gazetteer().len() < Gazetteer::embedded().len());
    let found = names(&only);
    assert!(found.contains(&"Northwind Traders".to_owned()), "{found:?}");
    assert!(!found.contains(&"Moscow".to_owned()), "{found:?}");

    let both = builder.with_default(true).build().unwrap();
    let found = names(&both);
    assert!(found.contains(&"Northwind Traders".to_owned()), "{found:?}");
    assert!(found.contains(&"Moscow".to_owned()), "{found:?}");

    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"name\": \"A\", \"label\": \"GPE\"}\nnot json\n").unwrap();
    let err = Pipeline::builder()
        .gazetteer_file(&bad)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), byline::ErrorKind::Gazetteer);
    let message = err.to_string();
    assert!(
        message.contains("bad.jsonl") && message.contains("line 2"),
        "{message}"
    );
}
