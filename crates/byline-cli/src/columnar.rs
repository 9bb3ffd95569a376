//! Parquet in and out (feature `parquet`): a Parquet corpus read row group by row group into
//! chunks of rows, and the Arrow document schema written as Parquet, one row group every few
//! tens of MB, so that memory stays bounded whatever the corpus size.
//!
//! A row that cannot be decoded (a string column holding bytes that are not UTF-8) costs only
//! itself: the batch it was in is read again row by row, and each row that still fails becomes
//! an error item naming the file and the row.

use std::fmt::Write as _;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use byline::arrow::arrow_array::cast::AsArray;
use byline::arrow::arrow_array::types::{
    Date32Type, Date64Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use byline::arrow::arrow_array::{Array, ArrayRef, RecordBatch};
use byline::arrow::arrow_schema::{DataType, FieldRef, SchemaRef, TimeUnit};
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReader,
    ParquetRecordBatchReaderBuilder, RowSelection, RowSelector,
};
use parquet::arrow::{ArrowWriter, ProjectionMask};
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::input::{Fields, Item, Origin, Place, UsageError};

/// Whether a path names a Parquet file by its extension.
pub(crate) fn is_parquet(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("parquet" | "pq" | "PARQUET")
    )
}

/// A Parquet input, its columns checked before any output.
pub(crate) struct ParquetFile {
    path: PathBuf,
    name: Arc<str>,
    file: File,
    metadata: ArrowReaderMetadata,
    mask: ProjectionMask,
    /// The name of the id column when the file has one.
    id: Option<String>,
    /// Each `--keep` field: the file's column, or `None` when it has none.
    kept: Vec<Option<FieldRef>>,
    /// Rows a chunk holds.
    batch_rows: usize,
    /// The uncompressed size of the text column.
    text_bytes: u64,
}

impl std::fmt::Debug for ParquetFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetFile")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl ParquetFile {
    /// Opens `path` and checks its columns against `fields`: the text column must be there and
    /// hold strings, the id column (when there) strings or integers. A kept field the file lacks
    /// is announced on standard error and written as null.
    pub(crate) fn open(
        path: &Path,
        fields: &Fields,
        max_docs: usize,
        target_bytes: usize,
    ) -> Result<ParquetFile, UsageError> {
        let name: Arc<str> = path.display().to_string().into();
        let usage = |message: String| UsageError(format!("{name}: {message}"));
        let file = File::open(path).map_err(|err| usage(err.to_string()))?;
        let metadata = ArrowReaderMetadata::load(&file, ArrowReaderOptions::new())
            .map_err(|err| usage(format!("not a readable Parquet file ({err})")))?;
        let schema = metadata.schema().clone();
        let columns = || {
            schema
                .fields()
                .iter()
                .map(|f| f.name().as_str())
                .collect::<Vec<_>>()
        };
        let text = schema.index_of(&fields.text).map_err(|_| {
            usage(format!(
                "no text column `{}` among the columns {:?} (--text-field names it)",
                fields.text,
                columns()
            ))
        })?;
        let text_type = schema.field(text).data_type();
        if !is_text_type(text_type) {
            return Err(usage(format!(
                "the text column `{}` is {text_type}, not a string column (--text-field names it)",
                fields.text
            )));
        }
        let id = schema.index_of(&fields.id).ok();
        if let Some(i) = id {
            let id_type = schema.field(i).data_type();
            if !is_id_type(id_type) {
                return Err(usage(format!(
                    "the id column `{}` is {id_type}: ids must be strings or integers \
                     (--id-field names it)",
                    fields.id
                )));
            }
        }
        let mut roots = vec![text];
        roots.extend(id);
        let mut kept = Vec::with_capacity(fields.keep.len());
        for name in &fields.keep {
            match schema.index_of(name) {
                Ok(i) => {
                    roots.push(i);
                    kept.push(Some(schema.fields()[i].clone()));
                }
                Err(_) => {
                    eprintln!(
                        "byline: {}: no column `{name}` (--keep): written as null",
                        path.display()
                    );
                    kept.push(None);
                }
            }
        }
        roots.sort_unstable();
        roots.dedup();
        let mask = ProjectionMask::roots(metadata.parquet_schema(), roots);
        // Rows of about `target_bytes` of text, from the text column's size in the metadata.
        let meta = metadata.metadata();
        let rows = meta.file_metadata().num_rows().max(1) as u64;
        let text_bytes = text_bytes(&metadata, text);
        let per_row = (text_bytes / rows).max(1);
        let batch_rows = usize::try_from(target_bytes as u64 / per_row)
            .unwrap_or(usize::MAX)
            .clamp(1, max_docs.max(1));
        Ok(ParquetFile {
            path: path.to_owned(),
            name,
            file,
            metadata,
            mask,
            id: id.map(|_| fields.id.clone()),
            kept,
            batch_rows,
            text_bytes,
        })
    }

    /// The uncompressed size of the text column: what the progress bar counts.
    pub(crate) fn text_bytes(&self) -> u64 {
        self.text_bytes
    }

    /// The column of each kept field, `None` where the file has none.
    pub(crate) fn kept(&self) -> &[Option<FieldRef>] {
        &self.kept
    }

    /// The file's path.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// A reader of the file's rows, in chunks.
    pub(crate) fn rows(self: Box<Self>, fields: &Fields) -> RowReader {
        RowReader {
            text: fields.text.clone(),
            file: self,
            group: 0,
            group_start: 0,
            in_group: 0,
            one_by_one: 0,
            reader: None,
        }
    }
}

fn text_bytes(metadata: &ArrowReaderMetadata, root: usize) -> u64 {
    let meta = metadata.metadata();
    // The leaf of a top-level string column is the column of the same position among the
    // roots only when no nested column comes before; look it up by its root instead.
    let schema = meta.file_metadata().schema_descr();
    let leaves: Vec<usize> = (0..schema.num_columns())
        .filter(|&leaf| schema.get_column_root_idx(leaf) == root)
        .collect();
    meta.row_groups()
        .iter()
        .flat_map(|g| leaves.iter().map(move |&leaf| g.column(leaf)))
        .map(|c| c.uncompressed_size().max(0) as u64)
        .sum()
}

fn is_text_type(t: &DataType) -> bool {
    matches!(
        t,
        DataType::Utf8
            | DataType::LargeUtf8
            | DataType::Utf8View
            | DataType::Binary
            | DataType::LargeBinary
            | DataType::BinaryView
    )
}

fn is_id_type(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View) || t.is_integer()
}

/// Rows of a Parquet file for one chunk.
#[derive(Debug)]
pub(crate) struct Rows {
    source: Arc<str>,
    /// The row index in the file of the first row.
    first_row: u64,
    text: ArrayRef,
    id: Option<ArrayRef>,
    /// The kept columns, `None` where the file has none.
    kept: Vec<Option<ArrayRef>>,
}

impl Rows {
    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    /// Input bytes of the texts, for the progress bar.
    pub(crate) fn text_len(&self, i: usize) -> u64 {
        if self.text.is_null(i) {
            return 0;
        }
        match self.text.data_type() {
            DataType::Utf8 => self.text.as_string::<i32>().value(i).len() as u64,
            DataType::LargeUtf8 => self.text.as_string::<i64>().value(i).len() as u64,
            DataType::Utf8View => self.text.as_string_view().value(i).len() as u64,
            DataType::Binary => self.text.as_binary::<i32>().value(i).len() as u64,
            DataType::LargeBinary => self.text.as_binary::<i64>().value(i).len() as u64,
            DataType::BinaryView => self.text.as_binary_view().value(i).len() as u64,
            _ => 0,
        }
    }

    fn text(&self, i: usize, fields: &Fields, origin: &Origin) -> Result<String, String> {
        if self.text.is_null(i) {
            return Err(format!(
                "{origin}: the text column `{}` is null",
                fields.text
            ));
        }
        let bytes = match self.text.data_type() {
            DataType::Utf8 => return Ok(self.text.as_string::<i32>().value(i).to_owned()),
            DataType::LargeUtf8 => return Ok(self.text.as_string::<i64>().value(i).to_owned()),
            DataType::Utf8View => return Ok(self.text.as_string_view().value(i).to_owned()),
            DataType::Binary => self.text.as_binary::<i32>().value(i),
            DataType::LargeBinary => self.text.as_binary::<i64>().value(i),
            DataType::BinaryView => self.text.as_binary_view().value(i),
            other => return Err(format!("{origin}: the text column is {other}")),
        };
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|err| {
                format!(
                    "{origin}: not valid UTF-8 (byte {} of the text)",
                    err.valid_up_to() + 1
                )
            })
    }

    fn id(&self, i: usize) -> Option<String> {
        let column = self.id.as_ref()?;
        if column.is_null(i) {
            return None;
        }
        match column.data_type() {
            DataType::Utf8 => Some(column.as_string::<i32>().value(i).to_owned()),
            DataType::LargeUtf8 => Some(column.as_string::<i64>().value(i).to_owned()),
            DataType::Utf8View => Some(column.as_string_view().value(i).to_owned()),
            // Integers: their JSON text is their decimal digits.
            _ => json_text(column.as_ref(), i),
        }
    }

    /// The items of the rows, in order, until `sink` returns `false`.
    pub(crate) fn for_each_item(&self, fields: &Fields, mut sink: impl FnMut(Item) -> bool) {
        for i in 0..self.len() {
            let row = self.first_row + i as u64;
            let origin = Origin {
                source: Arc::clone(&self.source),
                place: Place::Row(row),
            };
            let item = Item {
                id: self.id(i).unwrap_or_else(|| row.to_string()),
                text: self.text(i, fields, &origin),
                origin,
                bytes: self.text_len(i),
                kept: self
                    .kept
                    .iter()
                    .map(|c| c.as_ref().and_then(|c| json_text(c.as_ref(), i)))
                    .collect(),
            };
            if !sink(item) {
                return;
            }
        }
    }

    /// Kept column `k` of the first `n` rows when its type is `data_type`; `None` when the file
    /// has no such column or holds it as another type.
    pub(crate) fn kept_column(&self, k: usize, data_type: &DataType, n: usize) -> Option<ArrayRef> {
        let column = self.kept.get(k)?.as_ref()?;
        (column.data_type() == data_type).then(|| column.slice(0, n))
    }
}

/// Reads a Parquet file row group by row group, in chunks of rows.
pub(crate) struct RowReader {
    file: Box<ParquetFile>,
    text: String,
    /// The row group being read.
    group: usize,
    /// The file's row index of the group's first row.
    group_start: u64,
    /// Rows of the group already given.
    in_group: u64,
    /// Rows to read one at a time (after a batch failed to decode).
    one_by_one: u64,
    reader: Option<ParquetRecordBatchReader>,
}

/// What a [`RowReader`] gives next.
pub(crate) enum Next {
    Rows(Rows),
    /// A row that cannot be read.
    Failed(Item),
}

impl RowReader {
    fn group_rows(&self) -> u64 {
        self.file
            .metadata
            .metadata()
            .row_group(self.group)
            .num_rows()
            .max(0) as u64
    }

    /// A reader of the current group from row `in_group` on, `take` rows (all with `None`).
    fn open(&self, take: Option<u64>) -> parquet::errors::Result<ParquetRecordBatchReader> {
        let file = self.file.file.try_clone()?;
        let mut selection = Vec::new();
        if self.in_group > 0 {
            selection.push(RowSelector::skip(self.in_group as usize));
        }
        let rest = self.group_rows() - self.in_group;
        let take = take.map_or(rest, |n| n.min(rest));
        selection.push(RowSelector::select(take as usize));
        if take < rest {
            selection.push(RowSelector::skip((rest - take) as usize));
        }
        ParquetRecordBatchReaderBuilder::new_with_metadata(file, self.file.metadata.clone())
            .with_projection(self.file.mask.clone())
            .with_row_groups(vec![self.group])
            .with_row_selection(RowSelection::from(selection))
            .with_batch_size(self.file.batch_rows)
            .build()
    }

    fn rows(&self, batch: &RecordBatch) -> Rows {
        let column = |name: &str| batch.column_by_name(name).cloned();
        Rows {
            source: Arc::clone(&self.file.name),
            first_row: self.group_start + self.in_group,
            text: column(&self.text).expect("the text column is projected"),
            id: self.file.id.as_deref().and_then(column),
            kept: self
                .file
                .kept
                .iter()
                .map(|f| f.as_ref().and_then(|f| column(f.name())))
                .collect(),
        }
    }

    fn failed(&self, err: &dyn std::fmt::Display) -> Item {
        let row = self.group_start + self.in_group;
        Item {
            id: row.to_string(),
            text: Err(format!(
                "{}: row {row}: cannot be read ({err})",
                self.file.name
            )),
            origin: Origin {
                source: Arc::clone(&self.file.name),
                place: Place::Row(row),
            },
            bytes: 0,
            kept: vec![None; self.file.kept.len()],
        }
    }
}

impl Iterator for RowReader {
    type Item = Next;

    fn next(&mut self) -> Option<Next> {
        let groups = self.file.metadata.metadata().num_row_groups();
        loop {
            if self.group >= groups {
                return None;
            }
            if self.in_group >= self.group_rows() {
                self.group_start += self.group_rows();
                self.group += 1;
                self.in_group = 0;
                self.reader = None;
                continue;
            }
            if self.one_by_one > 0 {
                // After a failed batch: each of its rows alone, so that a bad row costs itself.
                let result = self
                    .open(Some(1))
                    .and_then(|reader| reader.into_iter().next().transpose().map_err(Into::into));
                let next = match result {
                    Ok(Some(batch)) if batch.num_rows() == 1 => Next::Rows(self.rows(&batch)),
                    Ok(_) => Next::Failed(self.failed(&"the row is missing")),
                    Err(err) => Next::Failed(self.failed(&err)),
                };
                self.in_group += 1;
                self.one_by_one -= 1;
                return Some(next);
            }
            if self.reader.is_none() {
                match self.open(None) {
                    Ok(reader) => self.reader = Some(reader),
                    Err(_) => {
                        // Let the rows tell, one by one, which of them cannot be read.
                        self.one_by_one = self.file.batch_rows as u64;
                        continue;
                    }
                }
            }
            let reader = self.reader.as_mut().expect("opened above");
            match reader.next() {
                Some(Ok(batch)) => {
                    let rows = self.rows(&batch);
                    self.in_group += batch.num_rows() as u64;
                    return Some(Next::Rows(rows));
                }
                Some(Err(_)) => {
                    self.reader = None;
                    self.one_by_one = self.file.batch_rows as u64;
                }
                None => {
                    // The group ended early (it cannot, by its metadata): go on with the next.
                    self.in_group = self.group_rows();
                }
            }
        }
    }
}

/// A value of a kept column as JSON text; `None` when null.
///
/// Strings, numbers and booleans are JSON's own; dates are `"YYYY-MM-DD"` and timestamps ISO
/// 8601 strings (`Z` when the column has a time zone: Arrow keeps such instants in UTC).
pub(crate) fn json_text(array: &dyn Array, i: usize) -> Option<String> {
    if array.is_null(i) {
        return None;
    }
    macro_rules! number {
        ($t:ty) => {
            array.as_primitive::<$t>().value(i).to_string()
        };
    }
    macro_rules! float {
        ($t:ty) => {{
            let v = f64::from(array.as_primitive::<$t>().value(i));
            if v.is_finite() {
                serde_json::to_string(&array.as_primitive::<$t>().value(i)).ok()?
            } else {
                // JSON has no NaN or infinity.
                format!("\"{v}\"")
            }
        }};
    }
    let quoted = |s: &str| serde_json::to_string(s).expect("a string serialises");
    Some(match array.data_type() {
        DataType::Utf8 => quoted(array.as_string::<i32>().value(i)),
        DataType::LargeUtf8 => quoted(array.as_string::<i64>().value(i)),
        DataType::Utf8View => quoted(array.as_string_view().value(i)),
        DataType::Boolean => array.as_boolean().value(i).to_string(),
        DataType::Int8 => number!(Int8Type),
        DataType::Int16 => number!(Int16Type),
        DataType::Int32 => number!(Int32Type),
        DataType::Int64 => number!(Int64Type),
        DataType::UInt8 => number!(UInt8Type),
        DataType::UInt16 => number!(UInt16Type),
        DataType::UInt32 => number!(UInt32Type),
        DataType::UInt64 => number!(UInt64Type),
        DataType::Float32 => float!(Float32Type),
        DataType::Float64 => float!(Float64Type),
        DataType::Date32 => {
            let days = i64::from(array.as_primitive::<Date32Type>().value(i));
            format!("\"{}\"", date(days))
        }
        DataType::Date64 => {
            let ms = array.as_primitive::<Date64Type>().value(i);
            format!("\"{}\"", date(ms.div_euclid(86_400_000)))
        }
        DataType::Timestamp(unit, zone) => {
            let (v, per_second) = match unit {
                TimeUnit::Second => (array.as_primitive::<TimestampSecondType>().value(i), 1),
                TimeUnit::Millisecond => (
                    array.as_primitive::<TimestampMillisecondType>().value(i),
                    1_000,
                ),
                TimeUnit::Microsecond => (
                    array.as_primitive::<TimestampMicrosecondType>().value(i),
                    1_000_000,
                ),
                TimeUnit::Nanosecond => (
                    array.as_primitive::<TimestampNanosecondType>().value(i),
                    1_000_000_000,
                ),
            };
            let seconds = v.div_euclid(per_second);
            let fraction = v.rem_euclid(per_second);
            let (days, secs) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
            let mut s = format!(
                "\"{}T{:02}:{:02}:{:02}",
                date(days),
                secs / 3600,
                secs / 60 % 60,
                secs % 60
            );
            if fraction > 0 {
                let digits = per_second.ilog10() as usize;
                let _ = write!(s, ".{fraction:0digits$}");
            }
            if zone.is_some() {
                s.push('Z');
            }
            s.push('"');
            s
        }
        _ => return None,
    })
}

/// Whether [`json_text`] writes the values of a column of this type.
pub(crate) fn json_supported(t: &DataType) -> bool {
    t.is_numeric()
        && !matches!(
            t,
            DataType::Float16
                | DataType::Decimal32(..)
                | DataType::Decimal64(..)
                | DataType::Decimal128(..)
                | DataType::Decimal256(..)
        )
        || matches!(
            t,
            DataType::Utf8
                | DataType::LargeUtf8
                | DataType::Utf8View
                | DataType::Boolean
                | DataType::Date32
                | DataType::Date64
                | DataType::Timestamp(..)
                | DataType::Null
        )
}

/// The date of a day count from 1970-01-01, as `YYYY-MM-DD` (the proleptic Gregorian calendar).
fn date(days: i64) -> String {
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A JSON value as a plain string: a JSON string's contents, any other value's JSON text.
pub(crate) fn unquote(raw: &str) -> String {
    if raw.starts_with('"') {
        if let Ok(s) = serde_json::from_str::<String>(raw) {
            return s;
        }
    }
    raw.to_owned()
}

/// A row group is written out once this many bytes of it are buffered: memory stays bounded.
const ROW_GROUP_BYTES: usize = 64 << 20;

/// Writes record batches of the Arrow document schema to a Parquet file.
pub(crate) struct ParquetSink {
    writer: ArrowWriter<Box<dyn Write + Send>>,
}

impl ParquetSink {
    /// A writer of `schema` onto `out` (zstd-compressed, the level that costs least time).
    pub(crate) fn new(
        out: Box<dyn Write + Send>,
        schema: SchemaRef,
    ) -> parquet::errors::Result<ParquetSink> {
        let properties = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(1)?))
            .build();
        Ok(ParquetSink {
            writer: ArrowWriter::try_new(out, schema, Some(properties))?,
        })
    }

    /// Writes a batch; closes the row group once it holds [`ROW_GROUP_BYTES`].
    pub(crate) fn write(&mut self, batch: &RecordBatch) -> std::io::Result<()> {
        self.writer.write(batch).map_err(io_error)?;
        if self.writer.in_progress_size() >= ROW_GROUP_BYTES {
            self.writer.flush().map_err(io_error)?;
        }
        Ok(())
    }

    /// Writes the last row group and the footer.
    pub(crate) fn finish(self) -> std::io::Result<()> {
        let mut out = self.writer.into_inner().map_err(io_error)?;
        out.flush()
    }
}

fn io_error(err: parquet::errors::ParquetError) -> std::io::Error {
    match err {
        parquet::errors::ParquetError::External(e) => match e.downcast::<std::io::Error>() {
            Ok(io) => *io,
            Err(e) => std::io::Error::other(e),
        },
        other => std::io::Error::other(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline::arrow::arrow_array::{Date32Array, TimestampMillisecondArray};

    #[test]
    fn dates_and_timestamps_as_iso_strings() {
        for (days, expected) in [
            (0, "1970-01-01"),
            (-1, "1969-12-31"),
            (19_723, "2024-01-01"),
            (19_782, "2024-02-29"),
            (-719_468, "0000-03-01"),
        ] {
            assert_eq!(date(days), expected);
            let array = Date32Array::from(vec![days as i32]);
            assert_eq!(json_text(&array, 0).unwrap(), format!("\"{expected}\""));
        }
        let ts = TimestampMillisecondArray::from(vec![1_704_067_200_123, -1]).with_timezone("UTC");
        assert_eq!(json_text(&ts, 0).unwrap(), "\"2024-01-01T00:00:00.123Z\"");
        assert_eq!(json_text(&ts, 1).unwrap(), "\"1969-12-31T23:59:59.999Z\"");
    }

    #[test]
    fn values_unquote_to_their_text() {
        assert_eq!(unquote("\"a\\\"b\""), "a\"b");
        assert_eq!(unquote("12"), "12");
        assert_eq!(unquote("{\"a\":1}"), "{\"a\":1}");
    }
}
