//! Parquet through the command: the same documents whatever the formats in and out, kept
//! columns carried through, bad rows costing only themselves, order for any thread count.
#![cfg(feature = "parquet")]

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use byline::arrow::arrow_array::cast::AsArray;
use byline::arrow::arrow_array::types::{Float32Type, Int64Type};
use byline::arrow::arrow_array::{
    Array, ArrayRef, Date32Array, Int64Array, RecordBatch, StringArray,
};
use byline::arrow::arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::file::properties::WriterProperties;
use serde_json::{json, Map, Value};

fn byline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .output()
        .expect("the byline command runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// The documents of a JSON Lines file.
fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("the output exists")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// A row of any Arrow column as JSON, the way the JSON document writes the same value.
fn value(array: &dyn Array, i: usize) -> Value {
    if array.is_null(i) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Int64 => Value::from(array.as_primitive::<Int64Type>().value(i)),
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
            let mut map = Map::new();
            for (field, column) in fields.iter().zip(s.columns()) {
                let v = value(column.as_ref(), i);
                // The JSON document leaves out an entity's unknown source.
                if !(field.name() == "source" && v.is_null()) {
                    map.insert(field.name().clone(), v);
                }
            }
            Value::Object(map)
        }
        other => panic!("no JSON for {other}"),
    }
}

/// The rows of a Parquet output as the JSON lines the command writes: the document's fields,
/// or `id` and `error` for a document that failed; kept columns as the JSON output gives them.
fn read_parquet(path: &Path) -> Vec<Value> {
    let mut docs = Vec::new();
    for batch in batches(path) {
        let schema = batch.schema();
        for i in 0..batch.num_rows() {
            let error = batch.column_by_name("error").expect("an error column");
            let mut map = Map::new();
            for (field, column) in schema.fields().iter().zip(batch.columns()) {
                let name = field.name().as_str();
                if error.is_valid(i) && ["sentences", "entities", "quotes"].contains(&name) {
                    continue;
                }
                if name == "error" && error.is_null(i) {
                    continue;
                }
                let v = match column.data_type() {
                    DataType::Date32 => Value::from(format!(
                        "date:{}",
                        column
                            .as_primitive::<byline::arrow::arrow_array::types::Date32Type>()
                            .value(i)
                    )),
                    _ => value(column.as_ref(), i),
                };
                map.insert(name.to_owned(), v);
            }
            docs.push(Value::Object(map));
        }
    }
    docs
}

fn batches(path: &Path) -> Vec<RecordBatch> {
    ParquetRecordBatchReaderBuilder::try_new(File::open(path).expect("the output exists"))
        .expect("a Parquet file")
        .build()
        .expect("a reader")
        .map(|b| b.expect("a readable batch"))
        .collect()
}

/// Writes `columns` as a Parquet file of row groups of `group_rows` rows.
fn write_parquet(path: &Path, columns: Vec<(&str, ArrayRef)>, group_rows: usize) {
    let batch = RecordBatch::try_from_iter(columns).expect("columns of one length");
    let properties = WriterProperties::builder()
        .set_max_row_group_row_count(Some(group_rows))
        .build();
    let mut writer = ArrowWriter::try_new(
        File::create(path).expect("a file"),
        batch.schema(),
        Some(properties),
    )
    .expect("a writer");
    writer.write(&batch).expect("written");
    writer.close().expect("closed");
}

/// Documents that vary what must not matter to the format: quotes, speakers, non-ASCII text
/// (code-point offsets), empty texts, numeric ids, absent kept values.
fn corpus() -> Vec<(String, String, Option<String>, Option<String>)> {
    let texts = [
        "\"We will not back down,\" Iranian President Ebrahim Raisi said on Monday.",
        "Angela Merkel said the talks in Brüssel had failed. « Non », a répondu Macron.",
        "",
        "Emoji 🎉 first: \"Fine,\" said Joe Biden, \"we go on.\"\n\nA second paragraph.",
        "No quotation here, only Moscow and Kyiv.",
        "   ",
    ];
    (0..40)
        .map(|i| {
            let text = texts[i % texts.len()].repeat(1 + i % 3);
            let id = if i % 5 == 0 {
                i.to_string()
            } else {
                format!("doc-{i}")
            };
            let date = (i % 4 != 1).then(|| format!("2024-01-{:02}", 1 + i % 28));
            let outlet = (i % 3 != 2).then(|| ["bbc", "npr", "Le Monde"][i % 3].to_owned());
            (id, text, date, outlet)
        })
        .collect()
}

fn write_corpus_jsonl(path: &Path, docs: &[(String, String, Option<String>, Option<String>)]) {
    let mut out = String::new();
    for (id, text, date, outlet) in docs {
        let mut line = json!({"id": id, "text": text, "extra": [1, 2]});
        if let Some(date) = date {
            line["date"] = json!(date);
        }
        if let Some(outlet) = outlet {
            line["outlet"] = json!(outlet);
        }
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

fn write_corpus_parquet(
    path: &Path,
    docs: &[(String, String, Option<String>, Option<String>)],
    group_rows: usize,
) {
    let ids: StringArray = docs.iter().map(|d| Some(d.0.as_str())).collect();
    let texts: StringArray = docs.iter().map(|d| Some(d.1.as_str())).collect();
    let dates: StringArray = docs.iter().map(|d| d.2.as_deref()).collect();
    let outlets: StringArray = docs.iter().map(|d| d.3.as_deref()).collect();
    write_parquet(
        path,
        vec![
            ("outlet", Arc::new(outlets) as ArrayRef),
            ("text", Arc::new(texts)),
            ("id", Arc::new(ids)),
            ("date", Arc::new(dates)),
        ],
        group_rows,
    );
}

/// Runs `byline annotate` and returns the documents it wrote, read back from either format.
fn annotate(input: &Path, output: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["annotate", arg(input), "-o", arg(output), "--quiet"];
    args.extend_from_slice(extra);
    let out = byline(&args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    if output.extension().is_some_and(|e| e == "parquet") {
        read_parquet(output)
    } else {
        read_jsonl(output)
    }
}

/// Every combination of JSON Lines and Parquet, in and out, on `threads`, gives the documents
/// the JSON Lines run gives; returns them.
fn same_documents_in_every_format(
    dir: &Path,
    jsonl: &Path,
    parquet: &Path,
    extra: &[&str],
) -> Vec<Value> {
    let reference = annotate(jsonl, &dir.join("ref.jsonl"), extra);
    assert!(!reference.is_empty());
    for (input, output) in [
        (parquet, "p2j.jsonl"),
        (jsonl, "j2p.parquet"),
        (parquet, "p2p.parquet"),
    ] {
        let docs = annotate(input, &dir.join(output), extra);
        assert_eq!(docs.len(), reference.len(), "{output}");
        for (got, want) in docs.iter().zip(&reference) {
            assert_eq!(got, want, "{output}");
        }
    }
    // And the bytes of the JSON Lines output are the same.
    assert_eq!(
        std::fs::read(dir.join("ref.jsonl")).unwrap(),
        std::fs::read(dir.join("p2j.jsonl")).unwrap()
    );
    reference
}

#[test]
fn json_lines_and_parquet_in_and_out_give_the_same_documents() {
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus();
    let jsonl = dir.path().join("in.jsonl");
    let parquet = dir.path().join("in.parquet");
    write_corpus_jsonl(&jsonl, &docs);
    write_corpus_parquet(&parquet, &docs, 7);
    for threads in ["1", "2"] {
        let out = same_documents_in_every_format(
            dir.path(),
            &jsonl,
            &parquet,
            &[
                "--keep",
                "date,outlet",
                "--threads",
                threads,
                "--batch-size",
                "3",
            ],
        );
        assert_eq!(out.len(), docs.len());
        for (doc, (id, _, date, outlet)) in out.iter().zip(&docs) {
            assert_eq!(doc["id"], json!(id));
            assert_eq!(doc["date"], json!(date));
            assert_eq!(doc["outlet"], json!(outlet));
        }
        assert!(out
            .iter()
            .any(|d| !d["quotes"].as_array().unwrap().is_empty()));
        // Without --keep, the documents carry no other field.
        let plain =
            same_documents_in_every_format(dir.path(), &jsonl, &parquet, &["--threads", threads]);
        for (with, without) in out.iter().zip(&plain) {
            let mut with = with.clone();
            with.as_object_mut().unwrap().remove("date");
            with.as_object_mut().unwrap().remove("outlet");
            assert_eq!(&with, without);
        }
    }
}

#[test]
#[ignore = "needs ../shared: the PolNeAR dev texts (set BYLINE_SHARED, or run scripts/test-all)"]
fn polnear_dev_round_trips_through_parquet() {
    let shared = std::env::var_os("BYLINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dev = shared.join("data/quotes/polnear/dev.jsonl");
    assert!(dev.exists(), "{} is missing", dev.display());
    let lines: Vec<Value> = read_jsonl(&dev);
    let docs: Vec<_> = lines
        .iter()
        .map(|l| {
            (
                l["doc_id"].as_str().unwrap().to_owned(),
                l["text"].as_str().unwrap().to_owned(),
                l["annotation_file"].as_str().map(str::to_owned),
                None,
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("dev.jsonl");
    let parquet = dir.path().join("dev.parquet");
    write_corpus_jsonl(&jsonl, &docs);
    write_corpus_parquet(&parquet, &docs, 16);
    let out = same_documents_in_every_format(
        dir.path(),
        &jsonl,
        &parquet,
        &["--keep", "date", "--threads", "2"],
    );
    assert_eq!(out.len(), 84);
    assert!(out.iter().all(|d| d.get("error").is_none()));
}

#[test]
fn kept_parquet_columns_keep_their_type_and_become_json_values() {
    let dir = tempfile::tempdir().unwrap();
    let parquet = dir.path().join("typed.parquet");
    write_parquet(
        &parquet,
        vec![
            (
                "text",
                Arc::new(StringArray::from(vec!["Putin said no.", "Biden said yes."])) as ArrayRef,
            ),
            ("day", Arc::new(Date32Array::from(vec![Some(19_723), None]))),
            ("views", Arc::new(Int64Array::from(vec![12, -3]))),
            (
                "outlet",
                Arc::new(StringArray::from(vec![Some("bbc \"world\""), None])),
            ),
        ],
        100,
    );
    let keep = ["--keep", "day,views", "--keep", "outlet,missing"];

    // Parquet out from Parquet in: each column as it was.
    let out = dir.path().join("out.parquet");
    let status = byline(&[&["annotate", arg(&parquet), "-o", arg(&out)][..], &keep].concat());
    assert!(status.status.success(), "{}", stderr(&status));
    assert!(stderr(&status).contains("no column `missing` (--keep): written as null"));
    let batch = &batches(&out)[0];
    let schema = batch.schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(
        names,
        [
            "id",
            "day",
            "views",
            "outlet",
            "missing",
            "sentences",
            "entities",
            "quotes",
            "error"
        ]
    );
    assert_eq!(schema.field(1).data_type(), &DataType::Date32);
    assert_eq!(schema.field(2).data_type(), &DataType::Int64);
    assert_eq!(
        batch
            .column(1)
            .as_primitive::<byline::arrow::arrow_array::types::Date32Type>()
            .value(0),
        19_723
    );
    assert!(batch.column(1).is_null(1));
    assert_eq!(batch.column(4).null_count(), 2);

    // JSON Lines out: JSON values.
    let json_out = dir.path().join("out.jsonl");
    let status = byline(
        &[
            &["annotate", arg(&parquet), "-o", arg(&json_out)][..],
            &keep,
        ]
        .concat(),
    );
    assert!(status.status.success(), "{}", stderr(&status));
    let docs = read_jsonl(&json_out);
    assert_eq!(docs[0]["day"], json!("2024-01-01"));
    assert_eq!(docs[0]["views"], json!(12));
    assert_eq!(docs[0]["outlet"], json!("bbc \"world\""));
    assert_eq!(docs[1]["day"], Value::Null);
    assert_eq!(docs[1]["views"], json!(-3));
    assert!(docs[1].as_object().unwrap().contains_key("missing"));

    // Mixed inputs into Parquet: the kept columns become strings, JSON Lines values included.
    let jsonl = dir.path().join("more.jsonl");
    std::fs::write(
        &jsonl,
        "{\"text\": \"Hi.\", \"day\": \"yesterday\", \"views\": 7, \"outlet\": {\"a\": 1}}\n",
    )
    .unwrap();
    let mixed = dir.path().join("mixed.parquet");
    let status = byline(
        &[
            &["annotate", arg(&parquet), arg(&jsonl), "-o", arg(&mixed)][..],
            &keep,
        ]
        .concat(),
    );
    assert!(status.status.success(), "{}", stderr(&status));
    let rows = read_parquet(&mixed);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["day"], json!("2024-01-01"));
    assert_eq!(rows[0]["views"], json!("12"));
    assert_eq!(rows[2]["day"], json!("yesterday"));
    assert_eq!(rows[2]["views"], json!("7"));
    assert_eq!(rows[2]["outlet"], json!("{\"a\":1}"));
}

#[test]
fn keep_refuses_names_the_output_has() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("in.jsonl");
    std::fs::write(&jsonl, "{\"text\": \"Hi.\"}\n").unwrap();
    for (keep, says) in [
        ("quotes", "has a field `quotes` of its own"),
        ("text", "is the text field"),
        ("date,date", "named twice"),
        ("date,", "an empty field name"),
    ] {
        let out = byline(&["annotate", arg(&jsonl), "--keep", keep]);
        assert_eq!(out.status.code(), Some(2), "{keep}");
        assert!(stderr(&out).contains(says), "{keep}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

/// A Parquet file whose string column holds bytes that are not UTF-8 in row `bad`: what the
/// Arrow writer cannot make, written with the file API.
fn write_with_bad_utf8(path: &Path, texts: &[&[u8]]) {
    use parquet::data_type::{ByteArray, ByteArrayType};
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;
    let schema = Arc::new(
        parse_message_type("message doc { optional binary text (UTF8); }").expect("a schema"),
    );
    let mut writer = SerializedFileWriter::new(
        File::create(path).unwrap(),
        schema,
        Arc::new(
            WriterProperties::builder()
                .set_dictionary_enabled(false)
                .build(),
        ),
    )
    .unwrap();
    let mut group = writer.next_row_group().unwrap();
    let mut column = group.next_column().unwrap().expect("one column");
    let values: Vec<ByteArray> = texts.iter().map(|t| ByteArray::from(t.to_vec())).collect();
    let levels = vec![1i16; texts.len()];
    column
        .typed::<ByteArrayType>()
        .write_batch(&values, Some(&levels), None)
        .unwrap();
    column.close().unwrap();
    group.close().unwrap();
    writer.close().unwrap();
}

#[test]
fn a_broken_row_costs_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    // A null text among good rows.
    let parquet = dir.path().join("nulls.parquet");
    let texts = StringArray::from(vec![
        Some("\"Yes,\" Merkel said."),
        None,
        Some(""),
        Some("Kyiv said no."),
    ]);
    write_parquet(&parquet, vec![("text", Arc::new(texts) as ArrayRef)], 3);
    // Bytes that are not UTF-8 in one row.
    let bad = dir.path().join("bad-utf8.parquet");
    write_with_bad_utf8(
        &bad,
        &[
            b"\"Fine,\" said Biden.",
            b"caf\xe9 au lait",
            b"Moscow said nothing.",
        ],
    );
    for output in ["out.jsonl", "out.parquet"] {
        for threads in ["1", "2"] {
            let output = dir.path().join(output);
            let out = byline(&[
                "annotate",
                arg(&parquet),
                arg(&bad),
                "-o",
                arg(&output),
                "--threads",
                threads,
            ]);
            assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
            let err = stderr(&out);
            assert!(
                err.contains(&format!(
                    "{}: row 1: the text column `text` is null",
                    parquet.display()
                )),
                "{err}"
            );
            assert!(
                err.contains(&format!("{}: row 1: cannot be read", bad.display())),
                "{err}"
            );
            assert!(err.contains("UTF-8"), "{err}");
            let docs = if output.extension().unwrap() == "parquet" {
                read_parquet(&output)
            } else {
                read_jsonl(&output)
            };
            let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
            assert_eq!(ids, ["0", "1", "2", "3", "0", "1", "2"]);
            let failed: Vec<bool> = docs.iter().map(|d| d.get("error").is_some()).collect();
            assert_eq!(failed, [false, true, false, false, false, true, false]);
            assert_eq!(docs[2]["sentences"], json!([]));
            assert!(!docs[4]["quotes"].as_array().unwrap().is_empty());
            assert_eq!(docs[6]["entities"][0]["text"], json!("Moscow"));
        }
    }
    // --strict stops after the first failure, its row written.
    let strict = dir.path().join("strict.parquet");
    let out = byline(&["annotate", arg(&parquet), "-o", arg(&strict), "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(read_parquet(&strict).len(), 2);
}

#[test]
fn a_broken_json_line_is_a_row_with_its_error() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("in.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"a\", \"text\": \"Putin said no.\", \"date\": \"d1\"}\n{\"id\": \"b\", \"text\": \n{\"id\": \"c\", \"text\": \"Hi.\"}\n",
    )
    .unwrap();
    let output = dir.path().join("out.parquet");
    let out = byline(&[
        "annotate",
        arg(&jsonl),
        "-o",
        arg(&output),
        "--keep",
        "date",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let rows = read_parquet(&output);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["date"], json!("d1"));
    assert!(rows[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(rows[1]["id"], json!("1"));
    assert!(rows[2].get("error").is_none());
}

#[test]
fn order_is_the_same_on_one_thread_and_on_two() {
    let dir = tempfile::tempdir().unwrap();
    let docs: Vec<_> = (0..300)
        .map(|i| {
            // Uneven lengths, so that chunks finish out of order.
            let text = "\"We go on,\" Olaf Scholz said in Berlin. ".repeat(1 + (i * 37) % 23);
            (format!("n{i}"), text, Some(i.to_string()), None)
        })
        .collect();
    let parquet = dir.path().join("in.parquet");
    write_corpus_parquet(&parquet, &docs, 41);
    for output in ["out.jsonl", "out.parquet"] {
        let mut runs = Vec::new();
        for threads in ["1", "2"] {
            let path = dir.path().join(format!("{threads}-{output}"));
            let got = annotate(
                &parquet,
                &path,
                &["--threads", threads, "--batch-size", "5", "--keep", "date"],
            );
            let ids: Vec<String> = got
                .iter()
                .map(|d| d["id"].as_str().unwrap().to_owned())
                .collect();
            let expected: Vec<String> = (0..300).map(|i| format!("n{i}")).collect();
            assert_eq!(ids, expected);
            runs.push(got);
        }
        assert_eq!(runs[0], runs[1], "{output}");
    }
}

#[test]
fn a_parquet_file_without_the_text_column_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let parquet = dir.path().join("in.parquet");
    write_parquet(
        &parquet,
        vec![("body", Arc::new(StringArray::from(vec!["Hi."])) as ArrayRef)],
        10,
    );
    let out = byline(&["annotate", arg(&parquet)]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("no text column `text`"), "{err}");
    assert!(err.contains("\"body\""), "{err}");
    assert!(out.stdout.is_empty());
    // --text-field finds it; numbers as ids are written as strings.
    let out = byline(&["annotate", arg(&parquet), "--text-field", "body", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["id"], json!("0"));
    // Not a Parquet file at all.
    let fake = dir.path().join("fake.parquet");
    std::fs::write(&fake, "{\"text\": \"Hi.\"}\n").unwrap();
    let out = byline(&["annotate", arg(&fake)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a readable Parquet file"),
        "{}",
        stderr(&out)
    );
    // Parquet output refuses what its schema has no column for.
    let out = byline(&[
        "annotate",
        arg(&parquet),
        "--text-field",
        "body",
        "--tokens",
        "-o",
        arg(&dir.path().join("t.parquet")),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--tokens"), "{}", stderr(&out));
}
