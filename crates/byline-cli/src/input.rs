//! Reading documents: `.txt` files, JSON Lines files, Parquet files, folders of `.txt` files,
//! standard input.
//!
//! A [`Chunker`] cuts the sources into numbered [`Chunk`]s without reading the JSON (raw lines,
//! a `.txt` file's path, a batch of Parquet rows); whoever annotates a chunk turns it into
//! [`Item`]s: a document's id, text and kept fields, or the reason it could not be read (naming
//! the file and line or row). Nothing is dropped: a bad line or row is an item too.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// One document read from the input.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    /// The document's id: its file name, the id field, or its position in its file.
    pub id: String,
    /// The text, or why it could not be read (with file and line).
    pub text: Result<String, String>,
    /// Where the document comes from, for messages.
    pub origin: Origin,
    /// Input bytes the document took (for the progress bar).
    pub bytes: u64,
    /// The values of the `--keep` fields, in their order, as JSON text (`None`: absent or
    /// null).
    pub kept: Vec<Option<String>>,
}

/// A file (or standard input) and the place of a document in it.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    pub source: Arc<str>,
    pub place: Place,
}

/// Where in its file a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// The whole file (or standard input) is the document.
    Whole,
    /// A line of JSON Lines, from 1.
    Line(u64),
    /// A row of a Parquet file: its index in the file, from 0.
    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    Row(u64),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::Line(line) => write!(f, "{}: line {line}", self.source),
            Place::Row(row) => write!(f, "{}: row {row}", self.source),
            Place::Whole => f.write_str(&self.source),
        }
    }
}

/// Where documents come from.
#[derive(Debug)]
pub(crate) enum Source {
    /// A file holding one document.
    Text(PathBuf),
    /// A JSON Lines file.
    JsonLines(PathBuf),
    /// A Parquet file, its columns checked.
    #[cfg(feature = "parquet")]
    Parquet(Box<crate::columnar::ParquetFile>),
    /// Standard input, read as the format says.
    Stdin(Format),
    /// A path that cannot be used (the message says why).
    Unusable(PathBuf, String),
}

/// How an input is read (`--format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Files by their extension (.jsonl and .ndjson are JSON Lines, other files plain text);
    /// standard input as JSON Lines when its first non-blank character is `{`, else as one plain
    /// text document.
    #[default]
    Auto,
    /// Every file, and standard input, is one plain-text document.
    Text,
    /// Every file, and standard input, is JSON Lines: one JSON object a line.
    Jsonl,
    /// Every file is Parquet: one document a row (standard input cannot be Parquet).
    #[cfg(feature = "parquet")]
    Parquet,
}

/// The id of a plain-text document read from standard input.
pub(crate) const STDIN_ID: &str = "stdin";

/// Why the command's inputs cannot be used, before anything is read: a usage error.
#[derive(Debug)]
pub(crate) struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The fields (JSON Lines) or columns (Parquet) to read.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    pub text: String,
    pub id: String,
    /// Fields carried through to the output (`--keep`).
    pub keep: Vec<String>,
}

/// Turns the command's input paths into sources: `-` is standard input, a folder gives its
/// `.txt` files sorted by name, files are JSON Lines, Parquet or text as `format` says (by
/// extension for [`Format::Auto`]). A path that does not exist, and a Parquet file without the
/// text column, are usage errors, found before any output. `max_docs` bounds the rows of a
/// Parquet chunk.
pub(crate) fn sources(
    inputs: &[PathBuf],
    format: Format,
    fields: &Fields,
    max_docs: usize,
) -> Result<Vec<Source>, UsageError> {
    let _ = (fields, max_docs);
    let mut out = Vec::new();
    let stdin = || {
        #[cfg(feature = "parquet")]
        if format == Format::Parquet {
            return Err(UsageError(
                "standard input cannot be read as Parquet (a Parquet reader needs to seek): \
                 give the file's path"
                    .into(),
            ));
        }
        Ok(Source::Stdin(format))
    };
    if inputs.is_empty() {
        out.push(stdin()?);
    }
    for path in inputs {
        if path.as_os_str() == "-" {
            out.push(stdin()?);
        } else if path.is_dir() {
            match text_files(path) {
                Ok(files) if files.is_empty() => {
                    eprintln!("byline: {} holds no .txt file", path.display());
                }
                Ok(files) => out.extend(files.into_iter().map(Source::Text)),
                Err(err) => out.push(Source::Unusable(path.clone(), err.to_string())),
            }
        } else if std::fs::symlink_metadata(path).is_err() {
            return Err(UsageError(format!(
                "{}: no such file or folder",
                path.display()
            )));
        } else if format == Format::Jsonl || (format == Format::Auto && is_json_lines(path)) {
            out.push(Source::JsonLines(path.clone()));
        } else if reads_as_parquet(format, path) {
            #[cfg(feature = "parquet")]
            out.push(Source::Parquet(Box::new(
                crate::columnar::ParquetFile::open(path, fields, max_docs, CHUNK_BYTES)?,
            )));
        } else {
            out.push(Source::Text(path.clone()));
        }
    }
    Ok(out)
}

/// Whether a file is read as Parquet: `--format parquet`, or a `.parquet` or `.pq` file.
fn reads_as_parquet(format: Format, path: &Path) -> bool {
    #[cfg(feature = "parquet")]
    return format == Format::Parquet
        || (format == Format::Auto && crate::columnar::is_parquet(path));
    #[cfg(not(feature = "parquet"))]
    {
        let _ = (format, path);
        false
    }
}

fn is_json_lines(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson" | "JSONL")
    )
}

fn text_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Whether every source is a regular file (or a path that gives no document), whose reads
/// cannot block for good as those of a terminal or a pipe can.
pub(crate) fn all_regular_files(sources: &[Source]) -> bool {
    sources.iter().all(|source| match source {
        Source::Text(p) | Source::JsonLines(p) => {
            std::fs::metadata(p).map_or(true, |m| m.is_file())
        }
        #[cfg(feature = "parquet")]
        Source::Parquet(_) => true,
        Source::Stdin(_) => false,
        Source::Unusable(..) => true,
    })
}

/// The total size of the sources in bytes, when it is known (not for standard input).
pub(crate) fn total_bytes(sources: &[Source]) -> Option<u64> {
    let mut total = 0;
    for source in sources {
        match source {
            Source::Text(p) | Source::JsonLines(p) => {
                total += std::fs::metadata(p).map_or(0, |m| m.len());
            }
            #[cfg(feature = "parquet")]
            Source::Parquet(file) => total += file.text_bytes(),
            Source::Stdin(_) => return None,
            Source::Unusable(..) => {}
        }
    }
    Some(total)
}

/// Documents a chunk holds at most unless told otherwise (`--batch-size`).
pub(crate) const CHUNK_DOCS: u32 = 256;

/// Input bytes past which a chunk of JSON Lines is closed: small enough that a few chunks per
/// worker stay a few MB, large enough that handing a chunk over costs nothing beside annotating
/// it.
const CHUNK_BYTES: usize = 64 << 10;

/// The smallest chunk, in input bytes, towards the end of a run.
const MIN_CHUNK_BYTES: usize = 16 << 10;

/// Near the end of an input of known size, a chunk is at most the rest of the input divided by
/// this many chunks per worker (guided scheduling): chunks shrink as the input runs out, so that
/// the workers finish close together and none waits long for the last one.
const CHUNKS_LEFT_PER_WORKER: u64 = 4;

/// A piece of the input for one worker, numbered in input order.
#[derive(Debug)]
pub(crate) struct Chunk {
    /// Position of the chunk in the input, from 0.
    pub seq: u64,
    pub body: Body,
}

/// What a chunk holds. The reader only cuts the input into raw lines; reading the JSON is the
/// workers' job.
#[derive(Debug)]
pub(crate) enum Body {
    /// Complete lines of a JSON Lines source, blank lines left out.
    Lines {
        source: Arc<str>,
        /// Position in its source of the first line's document (the id when it has none).
        first_position: u64,
        /// The lines, one after the other.
        data: Vec<u8>,
        lines: Vec<Line>,
    },
    /// A file holding one document, read by the worker.
    Text(PathBuf),
    /// Rows of a Parquet file.
    #[cfg(feature = "parquet")]
    Rows(crate::columnar::Rows),
    /// A document already read (standard input's plain text), or one that failed before it
    /// could be read (an unusable path, a read error).
    Read(Item),
}

/// Where one document's line lies in a chunk.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
    /// Line number in its source, from 1.
    pub number: u64,
    /// Input bytes the line took, its end of line included.
    pub bytes: u64,
}

impl Body {
    /// Reads the documents of the chunk from their raw form and hands them to `sink` in order,
    /// until it returns `false`.
    pub(crate) fn for_each_item(&self, fields: &Fields, mut sink: impl FnMut(Item) -> bool) {
        match self {
            Body::Lines {
                source,
                first_position,
                data,
                lines,
            } => {
                for (position, line) in (*first_position..).zip(lines) {
                    let origin = Origin {
                        source: Arc::clone(source),
                        place: Place::Line(line.number),
                    };
                    let mut item =
                        parse_line(&data[line.start..line.end], fields, origin, position);
                    item.bytes = line.bytes;
                    if !sink(item) {
                        return;
                    }
                }
            }
            Body::Text(path) => {
                let mut item = read_text(path);
                item.kept = vec![None; fields.keep.len()];
                sink(item);
            }
            #[cfg(feature = "parquet")]
            Body::Rows(rows) => rows.for_each_item(fields, sink),
            Body::Read(item) => {
                sink(item.clone());
            }
        }
    }
}

/// Cuts the sources into chunks, in order: a `.txt` file is one chunk, JSON Lines are cut into
/// chunks of at most `max_docs` documents or 64 KB (less near the end of the input, when its size
/// is known). Reads nothing more once `stop` is set.
pub(crate) struct Chunker {
    sources: std::vec::IntoIter<Source>,
    current: Option<LineReader>,
    /// The Parquet source being read.
    #[cfg(feature = "parquet")]
    rows: Option<crate::columnar::RowReader>,
    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    fields: Arc<Fields>,
    seq: u64,
    max_docs: usize,
    workers: u64,
    /// Input bytes not cut into chunks yet, when the input's size is known.
    remaining: Option<u64>,
    stop: Arc<AtomicBool>,
}

/// The JSON Lines source being cut.
struct LineReader {
    reader: BufReader<Box<dyn Read + Send>>,
    source: Arc<str>,
    line_no: u64,
    position: u64,
    /// The end of the source was reached (or a read failed): nothing more to read from it.
    done: bool,
    /// The read error that ended the source, given after the lines before it.
    failure: Option<Item>,
}

impl Chunker {
    /// A chunker for `workers` workers.
    pub(crate) fn new(
        sources: Vec<Source>,
        fields: Arc<Fields>,
        max_docs: usize,
        workers: usize,
        stop: Arc<AtomicBool>,
    ) -> Chunker {
        Chunker {
            remaining: total_bytes(&sources),
            sources: sources.into_iter(),
            current: None,
            #[cfg(feature = "parquet")]
            rows: None,
            fields,
            seq: 0,
            max_docs: max_docs.max(1),
            workers: workers.max(1) as u64,
            stop,
        }
    }

    /// Input bytes past which the next chunk is closed.
    fn chunk_bytes(&self) -> usize {
        match self.remaining {
            Some(rest) => usize::try_from(rest / (self.workers * CHUNKS_LEFT_PER_WORKER))
                .unwrap_or(usize::MAX)
                .clamp(MIN_CHUNK_BYTES, CHUNK_BYTES),
            None => CHUNK_BYTES,
        }
    }

    fn body(&mut self) -> Option<Body> {
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return None;
            }
            let chunk_bytes = self.chunk_bytes();
            if let Some(reader) = &mut self.current {
                let body = reader.lines(self.max_docs, chunk_bytes, &self.stop);
                if reader.done && reader.failure.is_none() {
                    self.current = None;
                }
                if let Some(Body::Lines { lines, .. }) = &body {
                    let bytes = lines.iter().map(|l| l.bytes).sum();
                    self.remaining = self.remaining.map(|r| r.saturating_sub(bytes));
                }
                if body.is_some() {
                    return body;
                }
                continue;
            }
            #[cfg(feature = "parquet")]
            if let Some(reader) = &mut self.rows {
                match reader.next() {
                    Some(crate::columnar::Next::Rows(rows)) => {
                        let bytes = (0..rows.len()).map(|i| rows.text_len(i)).sum();
                        self.remaining = self.remaining.map(|r| r.saturating_sub(bytes));
                        return Some(Body::Rows(rows));
                    }
                    Some(crate::columnar::Next::Failed(item)) => return Some(Body::Read(item)),
                    None => {
                        self.rows = None;
                        continue;
                    }
                }
            }
            let body = match self.sources.next()? {
                #[cfg(feature = "parquet")]
                Source::Parquet(file) => {
                    self.rows = Some(file.rows(&self.fields));
                    continue;
                }
                Source::Text(path) => {
                    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
                    self.remaining = self.remaining.map(|r| r.saturating_sub(bytes));
                    Body::Text(path)
                }
                Source::Unusable(path, message) => Body::Read(failed(&path, &message)),
                Source::JsonLines(path) => match File::open(&path) {
                    Ok(file) => {
                        self.current = Some(LineReader::new(
                            Box::new(file),
                            path.display().to_string().into(),
                        ));
                        continue;
                    }
                    Err(err) => Body::Read(failed(&path, &err)),
                },
                Source::Stdin(format) => {
                    let mut reader: BufReader<Box<dyn Read + Send>> =
                        BufReader::with_capacity(1 << 16, Box::new(io::stdin()));
                    match read_stdin(&mut reader, format) {
                        Stdin::JsonLines { blank_lines } => {
                            let mut lines = LineReader::from_reader(reader, STDIN_SOURCE.into());
                            lines.line_no = blank_lines;
                            self.current = Some(lines);
                            continue;
                        }
                        Stdin::Text(item) => Body::Read(item),
                    }
                }
            };
            return Some(body);
        }
    }
}

impl Iterator for Chunker {
    type Item = Chunk;

    fn next(&mut self) -> Option<Chunk> {
        let body = self.body()?;
        let seq = self.seq;
        self.seq += 1;
        Some(Chunk { seq, body })
    }
}

/// The error item of a path that gives no document.
fn failed(path: &Path, message: &dyn fmt::Display) -> Item {
    Item {
        id: file_name(path),
        text: Err(format!("{}: {message}", path.display())),
        origin: Origin {
            source: path.display().to_string().into(),
            place: Place::Whole,
        },
        bytes: 0,
        kept: Vec::new(),
    }
}

/// How standard input is named in messages.
const STDIN_SOURCE: &str = "<stdin>";

/// What standard input turned out to hold.
enum Stdin {
    /// JSON Lines, after this many blank lines (already consumed).
    JsonLines { blank_lines: u64 },
    /// One plain-text document (or why it could not be read).
    Text(Item),
}

/// Reads standard input's start to tell JSON Lines from plain text (for [`Format::Auto`]: JSON
/// Lines when the first non-blank character is `{`), and the whole text when it is text.
fn read_stdin(reader: &mut BufReader<Box<dyn Read + Send>>, format: Format) -> Stdin {
    // The blank start consumed while looking, kept for a text document's exact offsets.
    let mut head = Vec::new();
    let is_json = match format {
        Format::Jsonl => true,
        // Refused before any read (`sources`).
        #[cfg(feature = "parquet")]
        Format::Parquet => true,
        Format::Text => false,
        Format::Auto => loop {
            let buf = match reader.fill_buf() {
                Ok(buf) => buf,
                // Let the text path below meet the error and report it.
                Err(_) => break false,
            };
            if buf.is_empty() {
                // Nothing but blanks: no document, as an empty JSON Lines input.
                break true;
            }
            let mut skip = 0;
            if head.is_empty() && buf.starts_with(b"\xEF\xBB\xBF") {
                skip = 3;
            }
            match buf[skip..].iter().position(|b| !b.is_ascii_whitespace()) {
                Some(at) => {
                    let first = buf[skip + at];
                    head.extend_from_slice(&buf[..skip + at]);
                    reader.consume(skip + at);
                    break first == b'{';
                }
                None => {
                    let n = buf.len();
                    head.extend_from_slice(buf);
                    reader.consume(n);
                }
            }
        },
    };
    if is_json {
        let blank_lines = head.iter().filter(|&&b| b == b'\n').count() as u64;
        return Stdin::JsonLines { blank_lines };
    }
    let origin = Origin {
        source: STDIN_SOURCE.into(),
        place: Place::Whole,
    };
    let mut bytes = head;
    let text = match reader.read_to_end(&mut bytes) {
        Ok(_) => match String::from_utf8(bytes) {
            Ok(text) => Ok(text),
            Err(err) => Err(format!(
                "{STDIN_SOURCE}: not valid UTF-8 (byte {}); read as plain text \
                 (--format jsonl reads JSON Lines)",
                err.utf8_error().valid_up_to()
            )),
        },
        Err(err) => Err(format!("{STDIN_SOURCE}: {err}")),
    };
    let n = match &text {
        Ok(text) => text.len() as u64,
        Err(_) => 0,
    };
    Stdin::Text(Item {
        id: STDIN_ID.to_owned(),
        text,
        origin,
        bytes: n,
        kept: Vec::new(),
    })
}

impl LineReader {
    fn new(reader: Box<dyn Read + Send>, source: Arc<str>) -> LineReader {
        LineReader::from_reader(BufReader::with_capacity(1 << 16, reader), source)
    }

    fn from_reader(reader: BufReader<Box<dyn Read + Send>>, source: Arc<str>) -> LineReader {
        LineReader {
            reader,
            source,
            line_no: 0,
            position: 0,
            done: false,
            failure: None,
        }
    }

    /// The next lines, then the read error that ended the source if one did; `None` once the
    /// source is done.
    fn lines(&mut self, max_docs: usize, max_bytes: usize, stop: &AtomicBool) -> Option<Body> {
        if self.done {
            return self.failure.take().map(Body::Read);
        }
        let mut data = Vec::with_capacity(max_bytes + (max_bytes >> 2));
        let mut lines = Vec::new();
        let first_position = self.position;
        while lines.len() < max_docs && data.len() < max_bytes && !stop.load(Ordering::Relaxed) {
            let start = data.len();
            let n = match self.reader.read_until(b'\n', &mut data) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(n) => n as u64,
                Err(err) => {
                    data.truncate(start);
                    self.done = true;
                    self.failure = Some(Item {
                        id: self.position.to_string(),
                        text: Err(format!("{}: line {}: {err}", self.source, self.line_no + 1)),
                        origin: Origin {
                            source: Arc::clone(&self.source),
                            place: Place::Line(self.line_no + 1),
                        },
                        bytes: 0,
                        kept: Vec::new(),
                    });
                    break;
                }
            };
            self.line_no += 1;
            // Tools on Windows start files with a byte order mark; it is not part of the JSON.
            if self.line_no == 1 && data[start..].starts_with(b"\xEF\xBB\xBF") {
                data.drain(start..start + 3);
            }
            if data[start..].iter().all(u8::is_ascii_whitespace) {
                data.truncate(start);
                continue;
            }
            lines.push(Line {
                start,
                end: data.len(),
                number: self.line_no,
                bytes: n,
            });
            self.position += 1;
        }
        if lines.is_empty() {
            // Blank lines only, or nothing left: the failure if any, else no chunk.
            return self.failure.take().map(Body::Read);
        }
        Some(Body::Lines {
            source: Arc::clone(&self.source),
            first_position,
            data,
            lines,
        })
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads a file holding one document.
pub(crate) fn read_text(path: &Path) -> Item {
    let origin = Origin {
        source: path.display().to_string().into(),
        place: Place::Whole,
    };
    let id = file_name(path);
    let (text, bytes) = match std::fs::read(path) {
        Ok(bytes) => {
            let n = bytes.len() as u64;
            match String::from_utf8(bytes) {
                Ok(text) => (Ok(text), n),
                Err(err) => (
                    Err(format!(
                        "{}: not valid UTF-8 (byte {})",
                        path.display(),
                        err.utf8_error().valid_up_to()
                    )),
                    n,
                ),
            }
        }
        Err(err) => (Err(format!("{}: {err}", path.display())), 0),
    };
    Item {
        id,
        text,
        origin,
        bytes,
        kept: Vec::new(),
    }
}

/// One JSON Lines document: the id and text of `line`, or why they cannot be read.
pub(crate) fn parse_line(line: &[u8], fields: &Fields, origin: Origin, position: u64) -> Item {
    let fallback_id = || position.to_string();
    let line = match std::str::from_utf8(line) {
        Ok(line) => line,
        Err(err) => {
            // The id may still be readable when the bad bytes are elsewhere.
            let lossy = String::from_utf8_lossy(line);
            let mut de = serde_json::Deserializer::from_str(&lossy);
            let id = match LineSeed(fields).deserialize(&mut de) {
                Ok(Parsed {
                    id: Some(Value::Str(id)),
                    ..
                }) => id,
                _ => fallback_id(),
            };
            return Item {
                id,
                text: Err(format!(
                    "{origin}: not valid UTF-8 (byte {} of the line)",
                    err.valid_up_to() + 1
                )),
                origin,
                bytes: 0,
                kept: Vec::new(),
            };
        }
    };
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = LineSeed(fields)
        .deserialize(&mut de)
        .and_then(|parsed| de.end().map(|()| parsed));
    let parsed = match parsed {
        Ok(parsed) => parsed,
        Err(err) => {
            let what = if err.is_data() {
                "not a JSON object"
            } else {
                "not valid JSON"
            };
            return Item {
                id: fallback_id(),
                text: Err(format!(
                    "{origin}: {what} ({}{}); the line was read as JSON Lines \
                     (--format text reads plain text)",
                    match err.column() {
                        0 => String::new(),
                        column => format!("column {column}: "),
                    },
                    plain_json_error(&err)
                )),
                origin,
                bytes: 0,
                kept: Vec::new(),
            };
        }
    };
    let id = match parsed.id {
        Some(Value::Str(id)) => id,
        Some(Value::Wrong(kind)) => {
            return Item {
                id: fallback_id(),
                text: Err(format!(
                    "{origin}: field {:?} is {kind}, not a string or a number",
                    fields.id
                )),
                origin,
                bytes: 0,
                kept: Vec::new(),
            }
        }
        None => fallback_id(),
    };
    let kept = parsed.kept;
    let text = match parsed.text {
        Some(Value::Str(text)) => Ok(text),
        Some(Value::Wrong(kind)) => Err(format!(
            "{origin}: field {:?} is {kind}, not a string",
            fields.text
        )),
        None => Err(format!("{origin}: no {:?} field", fields.text)),
    };
    Item {
        id,
        text,
        origin,
        bytes: 0,
        kept,
    }
}

/// serde_json's message in plain words, without its "at line 1 column N" suffix (the line is
/// ours to give).
fn plain_json_error(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    let plain = match message {
        "expected value" => "expected a JSON value",
        "expected ident" => {
            "expected a JSON value (true, false, null, a number, a string, an array or an object)"
        }
        "EOF while parsing a value" => "the line ends where a value should be",
        "EOF while parsing a string" => "the line ends inside a string (a missing closing quote?)",
        "EOF while parsing an object" => {
            "the line ends inside an object (a missing closing brace?)"
        }
        "EOF while parsing a list" => "the line ends inside an array (a missing closing bracket?)",
        "trailing characters" => "more text after the end of the JSON object",
        "trailing comma" => "a comma before a closing bracket or brace",
        "expected `:`" => "expected a colon after the field name",
        "expected `,` or `}`" => "expected a comma or the closing brace of the object",
        "expected `,` or `]`" => "expected a comma or the closing bracket of the array",
        "key must be a string" => "a field name must be a string in double quotes",
        "invalid escape" => "an invalid backslash escape in a string",
        "invalid number" => "an invalid number",
        "number out of range" => "a number too large to read",
        "invalid unicode code point" => "an invalid \\u escape in a string",
        "lone leading surrogate in hex escape" => "a lone surrogate in a \\u escape",
        "unexpected end of hex escape" => "an incomplete \\u escape in a string",
        "recursion limit exceeded" => "arrays or objects nested too deeply",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a raw control character (a tab or a line break) inside a string: write it escaped"
        }
        other => {
            // Data errors: "invalid type: sequence, expected a JSON object".
            if let Some(rest) = other.strip_prefix("invalid type: ") {
                let found = match rest.split([' ', ',']).next().unwrap_or("") {
                    "sequence" => "an array",
                    "string" => "a string",
                    "integer" | "floating" => "a number",
                    "boolean" => "a boolean",
                    "unit" | "null" => "null",
                    "map" => "an object",
                    _ => return other.to_owned(),
                };
                return format!("expected a JSON object, found {found}");
            }
            return other.to_owned();
        }
    };
    plain.to_owned()
}

/// What a line holds in the fields we read.
#[derive(Debug, Default)]
struct Parsed {
    text: Option<Value>,
    id: Option<Value>,
    /// The `--keep` fields' values as JSON text, `None` when absent or null.
    kept: Vec<Option<String>>,
}

/// A field's value: a string (numbers too, for ids), or the JSON type it has instead.
#[derive(Debug)]
enum Value {
    Str(String),
    Wrong(&'static str),
}

struct LineSeed<'f>(&'f Fields);

impl<'de> DeserializeSeed<'de> for LineSeed<'_> {
    type Value = Parsed;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Parsed, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LineSeed<'_> {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed, A::Error> {
        let mut parsed = Parsed {
            kept: vec![None; self.0.keep.len()],
            ..Parsed::default()
        };
        while let Some(key) = map.next_key_seed(KeySeed(self.0))? {
            match key {
                Key::Kept(k) => {
                    let value = map.next_value::<serde_json::Value>()?;
                    parsed.kept[k] = (!value.is_null()).then(|| value.to_string());
                }
                Key::Text => parsed.text = Some(map.next_value_seed(ValueSeed { number: false })?),
                Key::Id => {
                    let id = map.next_value_seed(ValueSeed { number: true })?;
                    // `null` is no id.
                    parsed.id = match id {
                        Value::Wrong("null") => None,
                        other => Some(other),
                    };
                }
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(parsed)
    }
}

enum Key {
    Text,
    Id,
    /// A `--keep` field, by its index.
    Kept(usize),
    Other,
}

struct KeySeed<'f>(&'f Fields);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(if key == self.0.text {
            Key::Text
        } else if key == self.0.id {
            Key::Id
        } else if let Some(k) = self.0.keep.iter().position(|f| f == key) {
            Key::Kept(k)
        } else {
            Key::Other
        })
    }
}

/// Reads a value as a string; with `number`, numbers are written as strings too.
struct ValueSeed {
    number: bool,
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Value, E> {
        Ok(Value::Wrong("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(self.number(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(self.number(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(self.number(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Wrong("null"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::Wrong("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Value::Wrong("an object"))
    }
}

impl ValueSeed {
    fn number<N: ToString>(&self, n: N) -> Value {
        if self.number {
            Value::Str(n.to_string())
        } else {
            Value::Wrong("a number")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Item {
        let fields = Fields {
            text: "text".into(),
            id: "id".into(),
            keep: Vec::new(),
        };
        let origin = Origin {
            source: "in.jsonl".into(),
            place: Place::Line(3),
        };
        parse_line(line.as_bytes(), &fields, origin, 7)
    }

    #[test]
    fn lines() {
        let cases: &[(&str, &str, Result<&str, &str>)] = &[
            (r#"{"id": "a", "text": "Hi."}"#, "a", Ok("Hi.")),
            (r#"{"text": "Hi.", "id": 12}"#, "12", Ok("Hi.")),
            (r#"{"text": "Hi.", "id": null}"#, "7", Ok("Hi.")),
            (r#"{"text": "Hi.", "meta": {"a": [1, 2]}}"#, "7", Ok("Hi.")),
            (r#"{"te\u0078t": "esc\"aped"}"#, "7", Ok("esc\"aped")),
            (
                r#"{"id": "b", "text": 5}"#,
                "b",
                Err(r#"in.jsonl: line 3: field "text" is a number, not a string"#),
            ),
            (
                r#"{"id": "c"}"#,
                "c",
                Err(r#"in.jsonl: line 3: no "text" field"#),
            ),
            (
                r#"{"id": "c", "text": "x""#,
                "7",
                Err("in.jsonl: line 3: not valid JSON"),
            ),
            (r#"["x"]"#, "7", Err("in.jsonl: line 3: not a JSON object")),
            (
                r#"{"id": true, "text": "x"}"#,
                "7",
                Err(r#"in.jsonl: line 3: field "id" is a boolean, not a string or a number"#),
            ),
        ];
        for (line, id, expected) in cases {
            let item = parse(line);
            assert_eq!(&item.id, id, "{line}");
            match (expected, &item.text) {
                (Ok(e), Ok(t)) => assert_eq!(e, t, "{line}"),
                (Err(e), Err(t)) => assert!(t.starts_with(e), "{line}: {t}"),
                _ => panic!("{line}: {:?}", item.text),
            }
        }
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let fields = Fields {
            text: "text".into(),
            id: "id".into(),
            keep: Vec::new(),
        };
        let origin = Origin {
            source: "in.jsonl".into(),
            place: Place::Line(2),
        };
        let item = parse_line(b"{\"text\": \"a\xffb\"}", &fields, origin, 0);
        assert_eq!(
            item.text.unwrap_err(),
            "in.jsonl: line 2: not valid UTF-8 (byte 12 of the line)"
        );
    }

    #[test]
    fn chunks_keep_every_line_in_order_and_shrink_near_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        let mut jsonl = b"\xEF\xBB\xBF".to_vec();
        for i in 0..2000 {
            let text = "word ".repeat(i % 300);
            jsonl.extend(format!("{{\"id\": \"x{i}\", \"text\": \"{text}\"}}\n").bytes());
            if i % 7 == 0 {
                jsonl.extend_from_slice(b"  \r\n");
            }
        }
        std::fs::write(&path, &jsonl).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let fields = Arc::new(Fields {
            text: "text".into(),
            id: "id".into(),
            keep: Vec::new(),
        });
        let chunks: Vec<Chunk> = Chunker::new(
            vec![Source::JsonLines(path)],
            Arc::clone(&fields),
            256,
            2,
            stop,
        )
        .collect();
        let mut ids = Vec::new();
        let mut sizes = Vec::new();
        for (seq, chunk) in chunks.iter().enumerate() {
            assert_eq!(chunk.seq, seq as u64);
            let Body::Lines { data, lines, .. } = &chunk.body else {
                panic!("a JSON Lines file gives lines")
            };
            assert!(lines.len() <= 256);
            sizes.push(data.len());
            chunk.body.for_each_item(&fields, |item| {
                let text = item.text.expect("every line is good");
                assert_eq!(item.id, format!("x{}", ids.len()));
                assert_eq!(text.len(), 5 * (ids.len() % 300));
                let Place::Line(line) = item.origin.place else {
                    panic!("a line has a line number")
                };
                ids.push(line);
                true
            });
        }
        assert_eq!(ids.len(), 2000, "no line lost or repeated");
        // Line numbers count the blank lines too.
        assert_eq!(ids[1], 3);
        assert!(sizes.iter().all(|&n| n < CHUNK_BYTES + 2000), "{sizes:?}");
        assert!(sizes[0] >= CHUNK_BYTES, "{sizes:?}");
        assert!(
            sizes[sizes.len() - 2] < CHUNK_BYTES / 2,
            "chunks shrink towards the end: {sizes:?}"
        );
    }
}
