//! The byline document as Arrow (feature `arrow`): annotate a string column of a record batch
//! and get a record batch in the Arrow document schema.
//!
//! One row per input row: the id, the input's other columns as they were, then `sentences`,
//! `entities` and `quotes` as lists of structs whose field names, nesting and code-point offsets
//! are those of the JSON document ([`Document::to_json`]), and `error`: null where the document
//! went through, the reason where it did not (the annotation columns are then null). Offsets are
//! `int64` and the confidence `float32`, types every Arrow engine (Spark included) reads.
//!
//! ```
//! use std::sync::Arc;
//! use byline::arrow::{annotate_batch, ArrowOptions};
//! use byline::arrow::arrow_array::{Array, RecordBatch, StringArray};
//!
//! let texts = StringArray::from(vec![Some("\"No,\" Putin said."), None]);
//! let input = RecordBatch::try_from_iter([("text", Arc::new(texts) as _)])?;
//! let out = annotate_batch(&byline::Pipeline::new(), &input, &ArrowOptions::default())?;
//! assert_eq!(out.schema().field(0).name(), "id");
//! assert!(out.column_by_name("error").unwrap().is_null(0));
//! assert!(out.column_by_name("error").unwrap().is_valid(1)); // a null text
//! # Ok::<(), byline::arrow::arrow_schema::ArrowError>(())
//! ```

use std::sync::Arc;

pub use arrow_array;
pub use arrow_schema;

use arrow_array::builder::{Float32Builder, Int64Builder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::{NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use byline_tokenize::Span;
use rayon::prelude::*;

use crate::{CharIndex, Document, Pipeline};

/// The names of the columns byline adds, in order, after the id and the kept columns.
pub const ANNOTATION_COLUMNS: [&str; 4] = ["sentences", "entities", "quotes", "error"];

/// Where the text and the id of each row are, for [`annotate_batch`].
///
/// ```
/// let options = byline::arrow::ArrowOptions {
///     text_column: "body".into(),
///     id_column: Some("url".into()),
///     ..Default::default()
/// };
/// assert_eq!(options.first_row, 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArrowOptions {
    /// The column of texts (`utf8`, `large_utf8` or `utf8_view`). Default `text`.
    pub text_column: String,
    /// The column of ids (strings or integers, given as strings), dropped from the kept columns.
    /// Without one, a row's id is its position in the input: `first_row` plus its index in the
    /// batch.
    pub id_column: Option<String>,
    /// The position in the whole input of the batch's first row, for ids by position.
    pub first_row: u64,
    /// Keep the text column in the output (as it was, under its own name).
    pub keep_text: bool,
}

impl Default for ArrowOptions {
    fn default() -> ArrowOptions {
        ArrowOptions {
            text_column: "text".into(),
            id_column: None,
            first_row: 0,
            keep_text: false,
        }
    }
}

fn offset_fields() -> Vec<Field> {
    vec![
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
    ]
}

fn span_type() -> DataType {
    DataType::Struct(offset_fields().into())
}

fn text_span_type() -> DataType {
    let mut fields = offset_fields();
    fields.push(Field::new("text", DataType::Utf8, false));
    DataType::Struct(fields.into())
}

fn list_of(data_type: DataType) -> DataType {
    DataType::List(Arc::new(Field::new("item", data_type, false)))
}

fn entity_type() -> DataType {
    let mut fields = offset_fields();
    fields.extend([
        Field::new("text", DataType::Utf8, false),
        Field::new("label", DataType::Utf8, false),
        Field::new("entity_id", DataType::Utf8, true),
        Field::new("name", DataType::Utf8, false),
        // "gazetteer", "model" or "both"; null where the pipeline did not record it.
        Field::new("source", DataType::Utf8, true),
    ]);
    DataType::Struct(fields.into())
}

fn speaker_type() -> DataType {
    let mut fields = offset_fields();
    fields.extend([
        Field::new("text", DataType::Utf8, false),
        Field::new("entity_id", DataType::Utf8, true),
        Field::new("name", DataType::Utf8, true),
    ]);
    DataType::Struct(fields.into())
}

fn quote_type() -> DataType {
    DataType::Struct(
        vec![
            Field::new("kind", DataType::Utf8, false),
            Field::new("text", DataType::Utf8, false),
            Field::new("content", list_of(span_type()), false),
            Field::new("quoted", list_of(text_span_type()), false),
            Field::new("cue", text_span_type(), true),
            Field::new("speaker", speaker_type(), true),
            Field::new("confidence", DataType::Float32, false),
        ]
        .into(),
    )
}

/// The columns byline adds ([`ANNOTATION_COLUMNS`]): the one definition of the Arrow document
/// schema, which Python's `annotate_arrow` and Spark also give.
///
/// ```
/// let fields = byline::arrow::annotation_fields();
/// let names: Vec<&str> = fields.iter().map(|f| f.name().as_str()).collect();
/// assert_eq!(names, byline::arrow::ANNOTATION_COLUMNS);
/// ```
pub fn annotation_fields() -> Fields {
    vec![
        Field::new("sentences", list_of(span_type()), true),
        Field::new("entities", list_of(entity_type()), true),
        Field::new("quotes", list_of(quote_type()), true),
        Field::new("error", DataType::Utf8, true),
    ]
    .into()
}

/// The schema of [`annotate_batch`]'s output for rows with no other column: `id` (`utf8`) and
/// the [`annotation_fields`].
///
/// ```
/// let schema = byline::arrow::document_schema();
/// assert_eq!(schema.field(0).name(), "id");
/// assert_eq!(schema.fields().len(), 5);
/// ```
pub fn document_schema() -> SchemaRef {
    output_schema(&[])
}

/// The output schema for the given kept columns: `id`, the kept columns, then the
/// [`annotation_fields`]. The schema of batches made with [`AnnotationBuilder`].
///
/// ```
/// use byline::arrow::arrow_schema::{DataType, Field};
/// let schema = byline::arrow::output_schema(&[Field::new("date", DataType::Date32, true).into()]);
/// assert_eq!(schema.field(1).name(), "date");
/// assert_eq!(schema.fields().len(), 6);
/// ```
pub fn output_schema(kept: &[FieldRef]) -> SchemaRef {
    let mut fields: Vec<FieldRef> = Vec::with_capacity(kept.len() + 5);
    fields.push(Arc::new(Field::new("id", DataType::Utf8, true)));
    fields.extend(kept.iter().cloned());
    fields.extend(annotation_fields().iter().cloned());
    Arc::new(Schema::new(fields))
}

/// The schema [`annotate_batch`] gives for an input of schema `input`, or the error it would
/// give (a missing or non-string text column, a kept column named like an output column).
///
/// ```
/// use byline::arrow::arrow_schema::{DataType, Field, Schema};
/// let input = Schema::new(vec![
///     Field::new("text", DataType::Utf8, true),
///     Field::new("outlet", DataType::Utf8, true),
/// ]);
/// let out = byline::arrow::output_schema_for(&input, &Default::default())?;
/// let names: Vec<&str> = out.fields().iter().map(|f| f.name().as_str()).collect();
/// assert_eq!(names, ["id", "outlet", "sentences", "entities", "quotes", "error"]);
/// # Ok::<(), byline::arrow::arrow_schema::ArrowError>(())
/// ```
pub fn output_schema_for(input: &Schema, options: &ArrowOptions) -> Result<SchemaRef, ArrowError> {
    let (_, kept) = plan(input, options)?;
    let kept: Vec<FieldRef> = kept.iter().map(|&i| input.fields()[i].clone()).collect();
    Ok(output_schema(&kept))
}

/// The index of the text column and those of the kept columns.
fn plan(input: &Schema, options: &ArrowOptions) -> Result<(usize, Vec<usize>), ArrowError> {
    let text = input.index_of(&options.text_column).map_err(|_| {
        ArrowError::SchemaError(format!(
            "no text column `{}` among the columns {:?}",
            options.text_column,
            names(input)
        ))
    })?;
    match input.field(text).data_type() {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => {}
        other => {
            return Err(ArrowError::SchemaError(format!(
                "the text column `{}` is {other}, not a string column",
                options.text_column
            )))
        }
    }
    let id = match &options.id_column {
        Some(name) => Some(input.index_of(name).map_err(|_| {
            ArrowError::SchemaError(format!(
                "no id column `{name}` among the columns {:?}",
                names(input)
            ))
        })?),
        None => None,
    };
    let mut kept = Vec::new();
    for (i, field) in input.fields().iter().enumerate() {
        if Some(i) == id || (i == text && !options.keep_text) {
            continue;
        }
        if field.name() == "id" || ANNOTATION_COLUMNS.contains(&field.name().as_str()) {
            return Err(ArrowError::SchemaError(format!(
                "the input column `{}` has the name of an output column: rename it, or name it \
                 as the id column",
                field.name()
            )));
        }
        kept.push(i);
    }
    Ok((text, kept))
}

fn names(schema: &Schema) -> Vec<&str> {
    schema.fields().iter().map(|f| f.name().as_str()).collect()
}

/// Annotates the text column of `batch` with `nlp` (documents in parallel on its threads) and
/// returns a batch in the Arrow document schema ([`output_schema_for`]), one row per input row
/// in input order.
///
/// A row whose text is null, or whose annotation fails, gets its `error` and null annotation
/// columns; the other rows go on. The error of the function itself is for the batch's shape: a
/// missing or non-string text column, a missing or unsupported id column, a column named like an
/// output column, or a batch whose lists outgrow Arrow's 32-bit offsets.
///
/// ```
/// use std::sync::Arc;
/// use byline::arrow::{annotate_batch, ArrowOptions};
/// use byline::arrow::arrow_array::{Int64Array, RecordBatch, StringArray};
///
/// let input = RecordBatch::try_from_iter([
///     ("key", Arc::new(Int64Array::from(vec![10, 11])) as _),
///     ("text", Arc::new(StringArray::from(vec!["Moscow said no.", "Kyiv said yes."])) as _),
/// ])?;
/// let options = ArrowOptions { id_column: Some("key".into()), ..Default::default() };
/// let out = annotate_batch(&byline::Pipeline::new(), &input, &options)?;
/// assert_eq!(out.num_rows(), 2);
/// assert_eq!(out.column(0).as_any().downcast_ref::<StringArray>().unwrap().value(1), "11");
/// # Ok::<(), byline::arrow::arrow_schema::ArrowError>(())
/// ```
pub fn annotate_batch(
    nlp: &Pipeline,
    batch: &RecordBatch,
    options: &ArrowOptions,
) -> Result<RecordBatch, ArrowError> {
    annotate_with(nlp, batch, options, false)
}

/// [`annotate_batch`], with the documents spread over the rayon pool this is called in (the
/// global pool, or the one of an enclosing `ThreadPool::install`) instead of the pipeline's own
/// threads: for callers that manage their pools themselves.
///
/// ```
/// use std::sync::Arc;
/// use byline::arrow::{annotate_batch, annotate_batch_in_pool};
/// use byline::arrow::arrow_array::{RecordBatch, StringArray};
///
/// let input = RecordBatch::try_from_iter([
///     ("text", Arc::new(StringArray::from(vec!["One.", "Two. Three."])) as _),
/// ])?;
/// let nlp = byline::Pipeline::builder().threads(1).build().unwrap();
/// let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
/// let out = pool.install(|| annotate_batch_in_pool(&nlp, &input, &Default::default()))?;
/// assert_eq!(out, annotate_batch(&nlp, &input, &Default::default())?);
/// # Ok::<(), byline::arrow::arrow_schema::ArrowError>(())
/// ```
pub fn annotate_batch_in_pool(
    nlp: &Pipeline,
    batch: &RecordBatch,
    options: &ArrowOptions,
) -> Result<RecordBatch, ArrowError> {
    annotate_with(nlp, batch, options, true)
}

fn annotate_with(
    nlp: &Pipeline,
    batch: &RecordBatch,
    options: &ArrowOptions,
    in_pool: bool,
) -> Result<RecordBatch, ArrowError> {
    let input = batch.schema();
    let (text_index, kept) = plan(&input, options)?;
    let ids = ids(batch, options)?;
    let texts = texts(batch.column(text_index).as_ref());
    let one = |nlp: &Pipeline, text: Option<&str>| match text {
        Some(text) => nlp.try_annotate(text).map_err(|e| e.to_string()),
        None => Err(format!(
            "no text: the column `{}` is null in this row",
            options.text_column
        )),
    };
    let docs: Vec<Result<Document, String>> = if in_pool {
        texts.into_par_iter().map(|text| one(nlp, text)).collect()
    } else {
        nlp.map_batch(texts, one)
    };
    let mut columns = Columns::with_rows(docs.len());
    for doc in &docs {
        match doc {
            Ok(doc) => columns.push_document(doc),
            Err(message) => columns.push_error(message),
        }
    }
    let kept_fields: Vec<FieldRef> = kept.iter().map(|&i| input.fields()[i].clone()).collect();
    let schema = output_schema(&kept_fields);
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(schema.fields().len());
    arrays.push(Arc::new(ids));
    arrays.extend(kept.iter().map(|&i| batch.column(i).clone()));
    arrays.extend(columns.finish()?);
    RecordBatch::try_new(schema, arrays)
}

/// The texts of a string column, `None` where null.
fn texts(column: &dyn Array) -> Vec<Option<&str>> {
    match column.data_type() {
        DataType::Utf8 => column.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => column.as_string::<i64>().iter().collect(),
        DataType::Utf8View => column.as_string_view().iter().collect(),
        // `plan` let only string columns through.
        _ => vec![None; column.len()],
    }
}

/// The id of every row as a string: the id column's values (null stays null), or positions.
fn ids(batch: &RecordBatch, options: &ArrowOptions) -> Result<StringArray, ArrowError> {
    let Some(name) = &options.id_column else {
        let first = options.first_row;
        return Ok((0..batch.num_rows() as u64)
            .map(|i| Some((first + i).to_string()))
            .collect());
    };
    let column = batch
        .column_by_name(name)
        .ok_or_else(|| ArrowError::SchemaError(format!("no id column `{name}`")))?;
    macro_rules! ints {
        ($t:ty) => {
            column
                .as_primitive::<$t>()
                .iter()
                .map(|v| v.map(|v| v.to_string()))
                .collect()
        };
    }
    Ok(match column.data_type() {
        DataType::Utf8 => column.as_string::<i32>().iter().collect(),
        DataType::LargeUtf8 => column.as_string::<i64>().iter().collect(),
        DataType::Utf8View => column.as_string_view().iter().collect(),
        DataType::Int8 => ints!(Int8Type),
        DataType::Int16 => ints!(Int16Type),
        DataType::Int32 => ints!(Int32Type),
        DataType::Int64 => ints!(Int64Type),
        DataType::UInt8 => ints!(UInt8Type),
        DataType::UInt16 => ints!(UInt16Type),
        DataType::UInt32 => ints!(UInt32Type),
        DataType::UInt64 => ints!(UInt64Type),
        other => {
            return Err(ArrowError::SchemaError(format!(
                "the id column `{name}` is {other}: ids must be strings or integers"
            )))
        }
    })
}

/// Builds the [`annotation_fields`] row by row, from documents annotated by the caller: for
/// callers that read their rows themselves (the command, from JSON Lines or Parquet) and give
/// each failed row its own message.
///
/// ```
/// use std::sync::Arc;
/// use byline::arrow::{output_schema, AnnotationBuilder};
/// use byline::arrow::arrow_array::{Array, ArrayRef, RecordBatch, StringArray};
///
/// let nlp = byline::Pipeline::new();
/// let mut columns = AnnotationBuilder::with_rows(2);
/// columns.push_document(&nlp.annotate("\"No,\" Putin said."));
/// columns.push_error("in.jsonl: line 2: not valid JSON");
/// assert_eq!(columns.len(), 2);
/// let mut arrays: Vec<ArrayRef> = vec![Arc::new(StringArray::from(vec!["a", "b"]))];
/// arrays.extend(columns.finish()?);
/// let batch = RecordBatch::try_new(output_schema(&[]), arrays)?;
/// assert!(batch.column_by_name("error").unwrap().is_valid(1));
/// # Ok::<(), byline::arrow::arrow_schema::ArrowError>(())
/// ```
pub struct AnnotationBuilder {
    columns: Columns,
    rows: usize,
}

impl AnnotationBuilder {
    /// A builder with room for `rows` rows.
    ///
    /// ```
    /// assert!(byline::arrow::AnnotationBuilder::with_rows(16).is_empty());
    /// ```
    pub fn with_rows(rows: usize) -> AnnotationBuilder {
        AnnotationBuilder {
            columns: Columns::with_rows(rows),
            rows: 0,
        }
    }

    /// Adds the row of an annotated document (`error` null).
    ///
    /// ```
    /// let mut columns = byline::arrow::AnnotationBuilder::with_rows(1);
    /// columns.push_document(&byline::Pipeline::new().annotate("Hello."));
    /// assert_eq!(columns.len(), 1);
    /// ```
    pub fn push_document(&mut self, doc: &Document) {
        self.columns.push_document(doc);
        self.rows += 1;
    }

    /// Adds the row of a document that failed: `error` set, the annotation columns null.
    ///
    /// ```
    /// let mut columns = byline::arrow::AnnotationBuilder::with_rows(1);
    /// columns.push_error("no text");
    /// assert_eq!(columns.len(), 1);
    /// ```
    pub fn push_error(&mut self, message: &str) {
        self.columns.push_error(message);
        self.rows += 1;
    }

    /// The rows added so far.
    ///
    /// ```
    /// assert_eq!(byline::arrow::AnnotationBuilder::with_rows(4).len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether no row was added.
    ///
    /// ```
    /// assert!(byline::arrow::AnnotationBuilder::with_rows(4).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The columns, in the order of [`ANNOTATION_COLUMNS`]; an error when a list outgrows
    /// Arrow's 32-bit offsets (build smaller batches).
    ///
    /// ```
    /// let columns = byline::arrow::AnnotationBuilder::with_rows(0).finish()?;
    /// assert_eq!(columns.len(), byline::arrow::ANNOTATION_COLUMNS.len());
    /// # Ok::<(), byline::arrow::arrow_schema::ArrowError>(())
    /// ```
    pub fn finish(self) -> Result<Vec<ArrayRef>, ArrowError> {
        self.columns.finish()
    }
}

/// List offsets, checked against Arrow's 32-bit limit.
struct Offsets {
    offsets: Vec<i32>,
    valid: Vec<bool>,
}

impl Offsets {
    fn with_rows(rows: usize) -> Offsets {
        let mut offsets = Vec::with_capacity(rows + 1);
        offsets.push(0);
        Offsets {
            offsets,
            valid: Vec::with_capacity(rows),
        }
    }

    fn push(&mut self, len: usize) {
        let last = *self.offsets.last().unwrap_or(&0) as i64;
        // Saturates: `finish` refuses a list past the limit.
        let next = (last + len as i64).min(i64::from(i32::MAX) + 1);
        self.offsets.push(next as i32);
        self.valid.push(true);
    }

    fn push_null(&mut self) {
        let last = *self.offsets.last().unwrap_or(&0);
        self.offsets.push(last);
        self.valid.push(false);
    }

    fn list(self, item: DataType, values: ArrayRef, what: &str) -> Result<ArrayRef, ArrowError> {
        if self.offsets.windows(2).any(|w| w[1] < w[0]) {
            return Err(ArrowError::ComputeError(format!(
                "a batch holds more than 2^31 {what}: give smaller batches"
            )));
        }
        let nulls = nulls(self.valid);
        let offsets = OffsetBuffer::new(ScalarBuffer::from(self.offsets));
        let field = Arc::new(Field::new("item", item, false));
        Ok(Arc::new(ListArray::try_new(field, offsets, values, nulls)?))
    }
}

fn nulls(valid: Vec<bool>) -> Option<NullBuffer> {
    if valid.iter().all(|&v| v) {
        None
    } else {
        Some(NullBuffer::from(valid))
    }
}

/// Struct columns of offsets (`start`, `end`) and optional text.
struct SpanColumns {
    start: Int64Builder,
    end: Int64Builder,
    text: Option<StringBuilder>,
}

impl SpanColumns {
    fn new(with_text: bool) -> SpanColumns {
        SpanColumns {
            start: Int64Builder::new(),
            end: Int64Builder::new(),
            text: with_text.then(StringBuilder::new),
        }
    }

    fn push(&mut self, index: &CharIndex, text: &str, span: Span) {
        let r = index.char_span(span);
        self.start.append_value(r.start as i64);
        self.end.append_value(r.end as i64);
        if let Some(t) = &mut self.text {
            t.append_value(span.as_str(text));
        }
    }

    /// A null entry (a struct that is absent: its children hold placeholders).
    fn push_placeholder(&mut self) {
        self.start.append_value(0);
        self.end.append_value(0);
        if let Some(t) = &mut self.text {
            t.append_value("");
        }
    }

    fn arrays(mut self) -> Vec<ArrayRef> {
        let mut out: Vec<ArrayRef> =
            vec![Arc::new(self.start.finish()), Arc::new(self.end.finish())];
        if let Some(mut t) = self.text.take() {
            out.push(Arc::new(t.finish()));
        }
        out
    }
}

fn struct_array(
    data_type: &DataType,
    arrays: Vec<ArrayRef>,
    valid: Option<Vec<bool>>,
) -> Result<ArrayRef, ArrowError> {
    let DataType::Struct(fields) = data_type else {
        unreachable!("struct types are built above")
    };
    Ok(Arc::new(StructArray::try_new(
        fields.clone(),
        arrays,
        valid.and_then(nulls),
    )?))
}

/// The annotation columns of a batch, filled document by document.
struct Columns {
    sentences: Offsets,
    sentence_spans: SpanColumns,
    entities: Offsets,
    entity_spans: SpanColumns,
    entity_label: StringBuilder,
    entity_id: StringBuilder,
    entity_name: StringBuilder,
    entity_source: StringBuilder,
    quotes: Offsets,
    quote_kind: StringBuilder,
    quote_text: StringBuilder,
    content: Offsets,
    content_spans: SpanColumns,
    quoted: Offsets,
    quoted_spans: SpanColumns,
    cue: SpanColumns,
    cue_valid: Vec<bool>,
    speaker: SpanColumns,
    speaker_valid: Vec<bool>,
    speaker_id: StringBuilder,
    speaker_name: StringBuilder,
    confidence: Float32Builder,
    error: StringBuilder,
}

impl Columns {
    fn with_rows(rows: usize) -> Columns {
        Columns {
            sentences: Offsets::with_rows(rows),
            sentence_spans: SpanColumns::new(false),
            entities: Offsets::with_rows(rows),
            entity_spans: SpanColumns::new(true),
            entity_label: StringBuilder::new(),
            entity_id: StringBuilder::new(),
            entity_name: StringBuilder::new(),
            entity_source: StringBuilder::new(),
            quotes: Offsets::with_rows(rows),
            quote_kind: StringBuilder::new(),
            quote_text: StringBuilder::new(),
            content: Offsets::with_rows(0),
            content_spans: SpanColumns::new(false),
            quoted: Offsets::with_rows(0),
            quoted_spans: SpanColumns::new(true),
            cue: SpanColumns::new(true),
            cue_valid: Vec::new(),
            speaker: SpanColumns::new(true),
            speaker_valid: Vec::new(),
            speaker_id: StringBuilder::new(),
            speaker_name: StringBuilder::new(),
            confidence: Float32Builder::new(),
            error: StringBuilder::with_capacity(rows, 0),
        }
    }

    fn push_document(&mut self, doc: &Document) {
        let index = doc.char_index();
        let text = doc.text();
        let sentences = doc.sentences();
        self.sentences.push(sentences.len());
        for s in sentences {
            self.sentence_spans.push(&index, text, s.span);
        }
        self.entities.push(doc.entities().len());
        for (i, e) in doc.entities().iter().enumerate() {
            self.entity_spans.push(&index, text, e.span);
            self.entity_label.append_value(e.label.as_str());
            self.entity_id.append_option(e.entity_id.as_deref());
            self.entity_name.append_value(&e.name);
            self.entity_source
                .append_option(doc.entity_sources.get(i).map(|s| s.as_str()));
        }
        self.quotes.push(doc.quotes().len());
        for q in doc.quotes() {
            self.quote_kind.append_value(q.kind.as_str());
            self.quote_text.append_value(doc.quote_text(q));
            self.content.push(q.content.len());
            for &s in &q.content {
                self.content_spans.push(&index, text, s);
            }
            self.quoted.push(q.quoted.len());
            for &s in &q.quoted {
                self.quoted_spans.push(&index, text, s);
            }
            match q.cue {
                Some(cue) => self.cue.push(&index, text, cue),
                None => self.cue.push_placeholder(),
            }
            self.cue_valid.push(q.cue.is_some());
            match &q.speaker {
                Some(sp) => {
                    self.speaker.push(&index, text, sp.span);
                    self.speaker_id.append_option(sp.entity_id.as_deref());
                    self.speaker_name.append_option(sp.name.as_deref());
                }
                None => {
                    self.speaker.push_placeholder();
                    self.speaker_id.append_null();
                    self.speaker_name.append_null();
                }
            }
            self.speaker_valid.push(q.speaker.is_some());
            self.confidence.append_value(q.confidence);
        }
        self.error.append_null();
    }

    fn push_error(&mut self, message: &str) {
        self.sentences.push_null();
        self.entities.push_null();
        self.quotes.push_null();
        self.error.append_value(message);
    }

    fn finish(mut self) -> Result<Vec<ArrayRef>, ArrowError> {
        let sentences = {
            let item = span_type();
            let values = struct_array(&item, self.sentence_spans.arrays(), None)?;
            self.sentences.list(item, values, "sentences")?
        };
        let entities = {
            let item = entity_type();
            let mut arrays = self.entity_spans.arrays();
            arrays.push(Arc::new(self.entity_label.finish()));
            arrays.push(Arc::new(self.entity_id.finish()));
            arrays.push(Arc::new(self.entity_name.finish()));
            arrays.push(Arc::new(self.entity_source.finish()));
            let values = struct_array(&item, arrays, None)?;
            self.entities.list(item, values, "entities")?
        };
        let quotes = {
            let content = {
                let item = span_type();
                let values = struct_array(&item, self.content_spans.arrays(), None)?;
                self.content.list(item, values, "content pieces")?
            };
            let quoted = {
                let item = text_span_type();
                let values = struct_array(&item, self.quoted_spans.arrays(), None)?;
                self.quoted.list(item, values, "quoted fragments")?
            };
            let cue = struct_array(&text_span_type(), self.cue.arrays(), Some(self.cue_valid))?;
            let mut speaker_arrays = self.speaker.arrays();
            speaker_arrays.push(Arc::new(self.speaker_id.finish()));
            speaker_arrays.push(Arc::new(self.speaker_name.finish()));
            let speaker = struct_array(&speaker_type(), speaker_arrays, Some(self.speaker_valid))?;
            let item = quote_type();
            let arrays: Vec<ArrayRef> = vec![
                Arc::new(self.quote_kind.finish()),
                Arc::new(self.quote_text.finish()),
                content,
                quoted,
                cue,
                speaker,
                Arc::new(self.confidence.finish()),
            ];
            let values = struct_array(&item, arrays, None)?;
            self.quotes.list(item, values, "quotes")?
        };
        Ok(vec![
            sentences,
            entities,
            quotes,
            Arc::new(self.error.finish()),
        ])
    }
}

impl Pipeline {
    /// Annotates the text column of a record batch into the Arrow document schema: see
    /// [`arrow::annotate_batch`](crate::arrow::annotate_batch).
    ///
    /// ```
    /// use std::sync::Arc;
    /// use byline::arrow::arrow_array::{RecordBatch, StringArray};
    /// let input = RecordBatch::try_from_iter([
    ///     ("text", Arc::new(StringArray::from(vec!["Hello."])) as _),
    /// ])?;
    /// let out = byline::Pipeline::new().annotate_arrow(&input, &Default::default())?;
    /// assert_eq!(out.schema(), byline::arrow::document_schema());
    /// # Ok::<(), byline::arrow::arrow_schema::ArrowError>(())
    /// ```
    pub fn annotate_arrow(
        &self,
        batch: &RecordBatch,
        options: &ArrowOptions,
    ) -> Result<RecordBatch, ArrowError> {
        annotate_batch(self, batch, options)
    }
}

#[cfg(test)]
#[path = "arrow_tests.rs"]
mod tests;
