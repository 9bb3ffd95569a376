//! Every row of the Arrow output equals the JSON document of the same text; what must not
//! matter (batch boundaries, thread count, other columns) does not.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float32Type, Int64Type};
use arrow_array::{Array, ArrayRef, Int32Array, LargeStringArray, RecordBatch, StringArray};
use arrow_schema::DataType;
use proptest::prelude::*;
use serde_json::{Map, Value};

use super::*;

/// A row of any Arrow column as JSON, the way the JSON document writes the same value.
fn value(array: &dyn Array, i: usize) -> Value {
    if array.is_null(i) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Int64 => Value::from(array.as_primitive::<Int64Type>().value(i)),
        DataType::Int32 => Value::from(
            array
                .as_primitive::<arrow_array::types::Int32Type>()
                .value(i),
        ),
        // Through the JSON writer, which prints an f32 as the JSON document does.
        DataType::Float32 => serde_json::from_str(
            &serde_json::to_string(&array.as_primitive::<Float32Type>().value(i)).unwrap(),
        )
        .unwrap(),
        DataType::Utf8 => Value::from(array.as_string::<i32>().value(i)),
        DataType::List(_) => {
            let items = array.as_list::<i32>().value(i);
            Value::Array((0..items.len()).map(|j| value(&items, j)).collect())
        }
        DataType::Struct(fields) => {
            let s = array.as_struct();
            let map: Map<String, Value> = fields
                .iter()
                .zip(s.columns())
                .map(|(f, c)| (f.name().clone(), value(c, i)))
                .collect();
            Value::Object(map)
        }
        other => panic!("no JSON for {other}"),
    }
}

/// Row `i` of a batch as a JSON object, its null top-level fields left out.
fn row(batch: &RecordBatch, i: usize) -> Value {
    let schema = batch.schema();
    let map: Map<String, Value> = schema
        .fields()
        .iter()
        .zip(batch.columns())
        .map(|(f, c)| (f.name().clone(), value(c, i)))
        .filter(|(_, v)| !v.is_null())
        .collect();
    Value::Object(map)
}

fn expected(nlp: &Pipeline, id: &str, text: &str) -> Value {
    let doc = nlp.annotate(text);
    let mut v: Value = serde_json::from_str(&doc.to_json().id(id).to_string()).unwrap();
    v.as_object_mut().unwrap().retain(|_, v| !v.is_null());
    v
}

fn text_batch(texts: &[String]) -> RecordBatch {
    let array: ArrayRef = Arc::new(StringArray::from_iter_values(texts));
    RecordBatch::try_from_iter([("text", array)]).unwrap()
}

const PIECES: &[&str] = &[
    "\"We will not back down,\" Iranian President Ebrahim Raisi said in Tehran on Tuesday.",
    " Vladimir Putin visited Saudi Arabia.",
    " The minister said the talks had failed.",
    " \u{201c}Nous verrons,\u{201d} a dit Emmanuel Macron \u{00e0} Paris.",
    " Jos\u{e9} Mar\u{ed}a Aznar told reporters that \"the deal is dead\" and left.",
    "\n\n",
    " Zürich 😀 — café.",
    " \"Yes,\" he said. \"No.\"",
    " White House spokesman John Kirby said Washington was \"deeply concerned\".",
    "",
];

fn texts() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(
        proptest::collection::vec(0..PIECES.len(), 0..6)
            .prop_map(|ix| ix.into_iter().map(|i| PIECES[i]).collect::<String>()),
        0..12,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_row_equals_the_json_document(texts in texts()) {
        let nlp = Pipeline::builder().threads(1).build().unwrap();
        let out = annotate_batch(&nlp, &text_batch(&texts), &ArrowOptions::default()).unwrap();
        prop_assert_eq!(out.schema(), document_schema());
        prop_assert_eq!(out.num_rows(), texts.len());
        for (i, text) in texts.iter().enumerate() {
            prop_assert_eq!(row(&out, i), expected(&nlp, &i.to_string(), text));
        }
    }

    #[test]
    fn batch_boundaries_and_threads_do_not_matter(texts in texts(), cut in 0usize..12) {
        let cut = cut.min(texts.len());
        let one = Pipeline::builder().threads(1).build().unwrap();
        let two = Pipeline::builder().threads(2).build().unwrap();
        let whole = annotate_batch(&one, &text_batch(&texts), &ArrowOptions::default()).unwrap();
        let head = annotate_batch(&two, &text_batch(&texts[..cut]), &ArrowOptions::default()).unwrap();
        let tail_options = ArrowOptions { first_row: cut as u64, ..Default::default() };
        let tail = annotate_batch(&two, &text_batch(&texts[cut..]), &tail_options).unwrap();
        let parts: Vec<Value> = (0..head.num_rows()).map(|i| row(&head, i))
            .chain((0..tail.num_rows()).map(|i| row(&tail, i)))
            .collect();
        let all: Vec<Value> = (0..whole.num_rows()).map(|i| row(&whole, i)).collect();
        prop_assert_eq!(all, parts);
    }
}

#[test]
fn other_columns_pass_through_and_ids_come_from_the_id_column() {
    let nlp = Pipeline::builder().threads(2).build().unwrap();
    let texts = ["\"No,\" Putin said.", "Hello.", "Kyiv said yes."];
    let input = RecordBatch::try_from_iter([
        (
            "outlet",
            Arc::new(StringArray::from(vec!["a", "b", "c"])) as ArrayRef,
        ),
        (
            "body",
            Arc::new(LargeStringArray::from(texts.to_vec())) as ArrayRef,
        ),
        (
            "key",
            Arc::new(Int32Array::from(vec![Some(7), None, Some(-1)])) as ArrayRef,
        ),
    ])
    .unwrap();
    let options = ArrowOptions {
        text_column: "body".into(),
        id_column: Some("key".into()),
        ..Default::default()
    };
    let out = annotate_batch(&nlp, &input, &options).unwrap();
    assert_eq!(
        out.schema(),
        output_schema_for(&input.schema(), &options).unwrap()
    );
    let names: Vec<&str> = out
        .schema_ref()
        .fields()
        .iter()
        .map(|f| f.name().as_str())
        .collect();
    assert_eq!(
        names,
        ["id", "outlet", "sentences", "entities", "quotes", "error"]
    );
    assert_eq!(out.column(1), input.column(0));
    let ids = out.column(0).as_string::<i32>();
    assert_eq!(
        ids.iter().collect::<Vec<_>>(),
        [Some("7"), None, Some("-1")]
    );
    assert!(!row(&out, 0)["quotes"].as_array().unwrap().is_empty());
    for (i, text) in texts.iter().enumerate() {
        let mut want = expected(&nlp, "x", text);
        let mut got = row(&out, i);
        for v in [&mut want, &mut got] {
            let m = v.as_object_mut().unwrap();
            m.remove("id");
            m.remove("outlet");
        }
        assert_eq!(got, want, "row {i}");
    }
    let kept = annotate_batch(
        &nlp,
        &input,
        &ArrowOptions {
            keep_text: true,
            ..options
        },
    )
    .unwrap();
    assert_eq!(kept.column_by_name("body").unwrap(), input.column(1));
}

#[test]
fn a_null_text_is_an_error_row_and_the_others_go_on() {
    let nlp = Pipeline::new();
    let input = RecordBatch::try_from_iter([(
        "text",
        Arc::new(StringArray::from(vec![Some("One."), None, Some("")])) as ArrayRef,
    )])
    .unwrap();
    let out = annotate_batch(&nlp, &input, &ArrowOptions::default()).unwrap();
    let error = out.column_by_name("error").unwrap().as_string::<i32>();
    assert!(error.is_null(0) && error.is_null(2));
    assert!(
        error.value(1).contains("`text` is null"),
        "{}",
        error.value(1)
    );
    for name in ["sentences", "entities", "quotes"] {
        let c = out.column_by_name(name).unwrap();
        assert!(c.is_valid(0) && c.is_null(1) && c.is_valid(2), "{name}");
    }
    assert_eq!(
        row(&out, 1),
        serde_json::json!({"id": "1", "error": error.value(1)})
    );
    assert_eq!(row(&out, 2), expected(&nlp, "2", ""));
}

#[test]
fn a_bad_shape_is_an_error_naming_the_column() {
    let nlp = Pipeline::new();
    let ints = || Arc::new(Int32Array::from(vec![1])) as ArrayRef;
    let strings = || Arc::new(StringArray::from(vec!["Hi."])) as ArrayRef;
    let cases: Vec<(RecordBatch, ArrowOptions, &str)> = vec![
        (
            RecordBatch::try_from_iter([("body", strings())]).unwrap(),
            ArrowOptions::default(),
            "no text column `text`",
        ),
        (
            RecordBatch::try_from_iter([("text", ints())]).unwrap(),
            ArrowOptions::default(),
            "`text` is Int32",
        ),
        (
            RecordBatch::try_from_iter([("text", strings()), ("error", strings())]).unwrap(),
            ArrowOptions::default(),
            "`error` has the name of an output column",
        ),
        (
            RecordBatch::try_from_iter([("text", strings())]).unwrap(),
            ArrowOptions {
                id_column: Some("url".into()),
                ..Default::default()
            },
            "no id column `url`",
        ),
        (
            RecordBatch::try_from_iter([
                ("text", strings()),
                (
                    "url",
                    Arc::new(arrow_array::Float64Array::from(vec![1.0])) as ArrayRef,
                ),
            ])
            .unwrap(),
            ArrowOptions {
                id_column: Some("url".into()),
                ..Default::default()
            },
            "ids must be strings or integers",
        ),
    ];
    for (batch, options, needle) in cases {
        let err = annotate_batch(&nlp, &batch, &options)
            .unwrap_err()
            .to_string();
        assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    }
    // An input column named `id` is fine as the id column.
    let batch = RecordBatch::try_from_iter([("text", strings()), ("id", strings())]).unwrap();
    let options = ArrowOptions {
        id_column: Some("id".into()),
        ..Default::default()
    };
    assert_eq!(
        annotate_batch(&nlp, &batch, &options)
            .unwrap()
            .num_columns(),
        5
    );
}

#[test]
fn an_empty_batch_gives_an_empty_batch_of_the_schema() {
    let out = annotate_batch(&Pipeline::new(), &text_batch(&[]), &ArrowOptions::default()).unwrap();
    assert_eq!(out.num_rows(), 0);
    assert_eq!(out.schema(), document_schema());
}

#[test]
fn the_pool_of_the_caller_gives_the_same_rows() {
    let texts: Vec<String> = (0..40)
        .map(|i| PIECES[i % PIECES.len()].repeat(i % 3 + 1))
        .collect();
    let nlp = Pipeline::builder().threads(1).build().unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap();
    let batch = text_batch(&texts);
    let options = ArrowOptions::default();
    let pooled = pool
        .install(|| annotate_batch_in_pool(&nlp, &batch, &options))
        .unwrap();
    assert_eq!(pooled, annotate_batch(&nlp, &batch, &options).unwrap());
}
