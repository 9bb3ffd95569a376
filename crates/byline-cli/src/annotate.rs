//! `byline annotate`: cut the input into chunks, annotate the chunks in parallel, write the
//! results in input order.
//!
//! With one thread everything runs in order on the calling thread: read, parse, annotate,
//! render, write. With N threads a reader thread only cuts the input into numbered chunks of raw
//! lines (or a `.txt` file's path), N workers each turn a whole chunk into output bytes (read the
//! JSON, annotate, render), and the calling thread writes the chunks back in input order. A fixed
//! number of chunks is in flight at any time, so memory stays a few chunks per worker whatever
//! the input size, and a slow document holds up only its own chunk's output while the other
//! workers go on up to that bound.
//!
//! Written as Parquet, a chunk's output is a record batch of the Arrow document schema instead of
//! JSON lines; the writer hands the batches to the Parquet writer in the same order.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use byline::Pipeline;
use crossbeam_channel::{bounded, Receiver, RecvTimeoutError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

#[cfg(feature = "parquet")]
use crate::input::Source;
use crate::input::{self, Body, Chunk, Chunker, Fields, Item};
use crate::{status, summary, AnnotateArgs};

/// Chunks in flight per worker: read, waiting, being annotated, or waiting to be written.
const CHUNKS_PER_WORKER: usize = 4;

/// How often threads waiting on a channel look at the stop flag, so that Ctrl-C ends a run whose
/// reader is blocked on a terminal.
const POLL: Duration = Duration::from_millis(100);

/// How documents are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// One JSON document a line.
    JsonLines,
    /// A readable summary, for a terminal.
    Summary,
    /// Parquet: one row a document, in the Arrow document schema.
    #[cfg(feature = "parquet")]
    Parquet,
}

/// What `byline annotate` writes (`--output-format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OutputFormat {
    /// Parquet when the `-o` file ends in .parquet or .pq, else JSON Lines (or the summary on a
    /// terminal).
    #[default]
    Auto,
    /// JSON Lines: one JSON document a line.
    Jsonl,
    /// Parquet, in the Arrow document schema.
    #[cfg(feature = "parquet")]
    Parquet,
}

/// What a worker gives the writer for one chunk: the output of its documents, one after the
/// other.
struct Rendered {
    seq: u64,
    /// The documents' output (JSON lines with their newlines, or summaries).
    out: Vec<u8>,
    /// The documents' rows, written as Parquet.
    #[cfg(feature = "parquet")]
    batch: Option<byline::arrow::arrow_array::RecordBatch>,
    docs: Vec<DocOut>,
    /// The run was interrupted before the chunk's end: `docs` are the ones done before.
    cut: bool,
}

/// One document of a [`Rendered`] chunk.
struct DocOut {
    /// Where its output ends in the chunk's output: a byte offset, or a row count in Parquet.
    end: usize,
    /// The error message when the document failed.
    error: Option<String>,
    /// Input bytes it took.
    bytes: u64,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a str,
    error: &'a str,
}

struct Options {
    mode: Mode,
    tokens: bool,
    paragraphs: bool,
    /// The `--keep` fields as JSON keys, each with its colon: `"date":`.
    kept_keys: Vec<String>,
    /// The schema of the Parquet output, and the type of each kept column in it.
    #[cfg(feature = "parquet")]
    arrow: Option<(
        byline::arrow::arrow_schema::SchemaRef,
        Vec<byline::arrow::arrow_schema::DataType>,
    )>,
}

/// Runs the command; returns the exit status.
pub(crate) fn run(args: AnnotateArgs) -> u8 {
    let mut builder = Pipeline::builder();
    builder.with_default(args.with_default);
    // Parts of speech appear only on tokens: skip the tagger when tokens are not written.
    builder.pos(args.tokens);
    // 0 leaves the choice to BYLINE_NUM_THREADS, then to the number of cores.
    if args.threads > 0 {
        builder.threads(args.threads);
    }
    for path in &args.gazetteer {
        builder.gazetteer_file(path);
    }
    let pipeline = match builder.build() {
        Ok(p) => p,
        Err(err) => {
            eprintln!("byline: {err}");
            return status::ERROR;
        }
    };

    let fields = Arc::new(Fields {
        text: args.text_field.clone(),
        id: args.id_field.clone(),
        keep: args.keep.clone(),
    });
    if let Err(message) = check_keep(&fields) {
        eprintln!("byline: {message}");
        return status::ERROR;
    }
    let parquet_out = match wants_parquet(&args) {
        Ok(yes) => yes,
        Err(message) => {
            eprintln!("byline: {message}");
            return status::ERROR;
        }
    };

    // Every input path is checked before any output, so that a missing file (or a Parquet file
    // without the text column) is a usage error.
    let sources = match input::sources(&args.inputs, args.format, &fields, args.batch_size as usize)
    {
        Ok(sources) => sources,
        Err(err) => {
            eprintln!("byline: {err}");
            return status::ERROR;
        }
    };

    let mode = if parquet_out {
        #[cfg(feature = "parquet")]
        {
            Mode::Parquet
        }
        #[cfg(not(feature = "parquet"))]
        unreachable!("wants_parquet says no without the feature")
    } else if args.summary || (args.output.is_none() && !args.json && io::stdout().is_terminal()) {
        Mode::Summary
    } else {
        Mode::JsonLines
    };
    #[cfg(feature = "parquet")]
    let arrow = match kept_types(&sources, &fields.keep, parquet_out) {
        Ok(types) => parquet_out.then(|| {
            let kept: Vec<byline::arrow::arrow_schema::FieldRef> = fields
                .keep
                .iter()
                .zip(&types)
                .map(|(name, t)| {
                    Arc::new(byline::arrow::arrow_schema::Field::new(
                        name,
                        t.clone(),
                        true,
                    ))
                })
                .collect();
            (byline::arrow::output_schema(&kept), types)
        }),
        Err(message) => {
            eprintln!("byline: {message}");
            return status::ERROR;
        }
    };
    #[cfg(not(feature = "parquet"))]
    let _ = &sources;

    let bytes: Box<dyn Write + Send> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(file) => Box::new(BufWriter::with_capacity(1 << 18, file)),
            Err(err) => {
                eprintln!("byline: cannot create {}: {err}", path.display());
                return status::ERROR;
            }
        },
        None => Box::new(BufWriter::with_capacity(1 << 18, io::stdout())),
    };
    let output = match mode {
        #[cfg(feature = "parquet")]
        Mode::Parquet => {
            let schema = arrow
                .as_ref()
                .expect("Parquet output has a schema")
                .0
                .clone();
            match crate::columnar::ParquetSink::new(bytes, schema) {
                Ok(sink) => Output::Parquet(Some(Box::new(sink))),
                Err(err) => {
                    eprintln!("byline: cannot write Parquet: {err}");
                    return status::ERROR;
                }
            }
        }
        _ => Output::Bytes(bytes),
    };
    let options = Options {
        mode,
        tokens: args.tokens,
        paragraphs: args.paragraphs,
        kept_keys: fields
            .keep
            .iter()
            .map(|k| {
                format!(
                    "{}:",
                    serde_json::to_string(k).expect("a string serialises")
                )
            })
            .collect(),
        #[cfg(feature = "parquet")]
        arrow,
    };

    if !args.quiet
        && sources.iter().any(|s| matches!(s, input::Source::Stdin(_)))
        && io::stdin().is_terminal()
    {
        eprintln!("byline: reading standard input from the terminal (Ctrl-D ends the input)");
    }
    let stop = Arc::new(AtomicBool::new(false));
    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let (stop, interrupted) = (Arc::clone(&stop), Arc::clone(&interrupted));
        // Without a handler, Ctrl-C still ends the run, only less tidily.
        let _ = ctrlc::set_handler(move || {
            interrupted.store(true, Ordering::SeqCst);
            stop.store(true, Ordering::SeqCst);
        });
    }

    // In summary mode the terminal shows the documents as they come: no bar over them.
    let progress = match mode {
        Mode::Summary => None,
        _ => progress_bar(&args, input::total_bytes(&sources)),
    };
    let started = Instant::now();
    let threads = pipeline.threads().max(1);
    // A read from a terminal or a pipe can block for good: it gets a thread of its own, so
    // that Ctrl-C still ends the run.
    let may_block = !input::all_regular_files(&sources);
    let chunker = Chunker::new(
        sources,
        Arc::clone(&fields),
        args.batch_size as usize,
        threads,
        Arc::clone(&stop),
    );
    let mut writer = Writer {
        output,
        strict: args.strict,
        progress: progress.clone(),
        report: Report::default(),
        next: 0,
        waiting: BTreeMap::new(),
    };
    let work = Work {
        nlp: &pipeline,
        fields: &fields,
        options: &options,
        stop: &stop,
    };

    if threads == 1 && !may_block {
        // One thread, one core: every step in order on this thread.
        for chunk in chunker {
            if !writer.accept(work.chunk(chunk)) {
                break;
            }
        }
    } else {
        let window = CHUNKS_PER_WORKER * threads;
        let (chunks, credits) = spawn_reader(chunker, window, &stop);
        if threads == 1 {
            // The input is read on its own thread only so that a read blocked on a terminal
            // cannot hold up Ctrl-C; the work stays on this thread.
            while let Some(chunk) = receive(&chunks, &stop) {
                let go_on = writer.accept(work.chunk(chunk));
                let _ = credits.send(());
                if !go_on {
                    break;
                }
            }
        } else {
            run_workers(&work, threads, &chunks, &credits, &mut writer);
        }
    }
    let report = writer.finish(&stop);

    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    if progress.is_some() {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "byline: {}, {:.1} MB in {:.2} s ({:.1} MB/s)",
            summary::count(report.documents, "document"),
            report.bytes as f64 / 1e6,
            secs,
            report.bytes as f64 / 1e6 / secs.max(1e-9),
        );
    }
    if report.failed > 0 && !args.quiet {
        eprintln!(
            "byline: {} of {} failed",
            report.failed,
            summary::count(report.documents, "document")
        );
    }
    if let Some(err) = &report.write_error {
        if err.kind() == io::ErrorKind::BrokenPipe {
            return status::BROKEN_PIPE;
        }
        eprintln!("byline: cannot write the output: {err}");
        return status::ERROR;
    }
    if interrupted.load(Ordering::SeqCst) {
        eprintln!("byline: interrupted; every line written is complete");
        return status::INTERRUPTED;
    }
    if report.failed > 0 {
        status::FAILED_DOCUMENTS
    } else {
        status::OK
    }
}

/// The names the output has already, which `--keep` cannot take.
const OUTPUT_FIELDS: [&str; 7] = [
    "id",
    "sentences",
    "entities",
    "quotes",
    "error",
    "tokens",
    "paragraphs",
];

/// Checks the `--keep` fields: each once, none named like an output field, nor the text or id
/// field (the output holds the id already, and no text).
fn check_keep(fields: &Fields) -> Result<(), String> {
    for (i, name) in fields.keep.iter().enumerate() {
        if name.is_empty() {
            return Err("--keep: an empty field name (a stray comma?)".into());
        }
        if fields.keep[..i].contains(name) {
            return Err(format!("--keep: `{name}` is named twice"));
        }
        if OUTPUT_FIELDS.contains(&name.as_str()) {
            return Err(format!(
                "--keep {name}: the output has a field `{name}` of its own"
            ));
        }
        if *name == fields.text {
            return Err(format!(
                "--keep {name}: `{name}` is the text field, which the output does not carry"
            ));
        }
        if *name == fields.id {
            return Err(format!(
                "--keep {name}: `{name}` is the id field, written as `id` already"
            ));
        }
    }
    Ok(())
}

/// Whether the output is Parquet (by `--output-format`, or the `-o` file's extension), and
/// whether the other options allow it.
fn wants_parquet(args: &AnnotateArgs) -> Result<bool, String> {
    let parquet = match args.output_format {
        OutputFormat::Jsonl => false,
        #[cfg(feature = "parquet")]
        OutputFormat::Parquet => true,
        OutputFormat::Auto => {
            #[cfg(feature = "parquet")]
            {
                args.output
                    .as_deref()
                    .is_some_and(crate::columnar::is_parquet)
            }
            #[cfg(not(feature = "parquet"))]
            {
                if let Some(path) = &args.output {
                    if path
                        .extension()
                        .is_some_and(|e| e == "parquet" || e == "pq")
                    {
                        return Err(format!(
                            "{}: this byline was built without Parquet (the `parquet` feature)",
                            path.display()
                        ));
                    }
                }
                false
            }
        }
    };
    if !parquet {
        return Ok(false);
    }
    if args.summary {
        return Err("--summary writes text, not Parquet".into());
    }
    if args.json {
        return Err("--json asks for JSON Lines, and the output is Parquet".into());
    }
    for (set, flag) in [(args.tokens, "--tokens"), (args.paragraphs, "--paragraphs")] {
        if set {
            return Err(format!(
                "{flag}: the Arrow document schema of the Parquet output has no such column; \
                 write JSON Lines for it"
            ));
        }
    }
    if args.output.is_none() && io::stdout().is_terminal() {
        return Err("Parquet is not for a terminal: give -o FILE.parquet, or redirect".into());
    }
    Ok(true)
}

/// The type of each kept column in the Parquet output: a Parquet column's own type when every
/// input is Parquet and every file that has the column agrees on it, else strings (a JSON
/// string's contents, any other value's JSON text). Checks that each kept Parquet column can be
/// written as JSON where it must be.
#[cfg(feature = "parquet")]
fn kept_types(
    sources: &[Source],
    keep: &[String],
    parquet_out: bool,
) -> Result<Vec<byline::arrow::arrow_schema::DataType>, String> {
    use byline::arrow::arrow_schema::DataType;
    let all_parquet = sources.iter().all(|s| matches!(s, Source::Parquet(_)));
    let mut types = Vec::with_capacity(keep.len());
    for (k, name) in keep.iter().enumerate() {
        let mut found: Vec<(&std::path::Path, &DataType)> = Vec::new();
        for source in sources {
            if let Source::Parquet(file) = source {
                if let Some(field) = &file.kept()[k] {
                    found.push((file.path(), field.data_type()));
                }
            }
        }
        let same = found.windows(2).all(|w| w[0].1 == w[1].1);
        if parquet_out && all_parquet && same && !found.is_empty() {
            types.push(found[0].1.clone());
            continue;
        }
        for (path, data_type) in &found {
            if !crate::columnar::json_supported(data_type) {
                return Err(format!(
                    "{}: --keep {name}: a column of type {data_type} is kept as it is only in \
                     Parquet output from Parquet inputs alone (JSON Lines holds strings, \
                     numbers, booleans, dates and timestamps)",
                    path.display()
                ));
            }
        }
        types.push(DataType::Utf8);
    }
    Ok(types)
}

/// Puts the kept fields of a JSON line right after its id: every line the command writes, a
/// document or an error, starts with `{"id":` and the id as a JSON string.
fn splice_kept(
    out: &mut Vec<u8>,
    start: usize,
    id: &str,
    keys: &[String],
    kept: &[Option<String>],
) {
    if keys.is_empty() {
        return;
    }
    let id_len = serde_json::to_string(id)
        .expect("a string serialises")
        .len();
    let at = start + "{\"id\":".len() + id_len;
    debug_assert!(out[start..].starts_with(b"{\"id\":"));
    let mut fields = Vec::with_capacity(64);
    for (k, key) in keys.iter().enumerate() {
        fields.push(b',');
        fields.extend_from_slice(key.as_bytes());
        match kept.get(k).and_then(Option::as_deref) {
            Some(value) => fields.extend_from_slice(value.as_bytes()),
            None => fields.extend_from_slice(b"null"),
        }
    }
    out.splice(at..at, fields);
}

fn progress_bar(args: &AnnotateArgs, total: Option<u64>) -> Option<ProgressBar> {
    if args.quiet || !io::stderr().is_terminal() {
        return None;
    }
    let pb = match total {
        Some(total) => ProgressBar::new(total).with_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} \
                 {decimal_bytes_per_sec} ETA {eta} {msg}",
            )
            .expect("the template is valid")
            .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {decimal_bytes} {decimal_bytes_per_sec} {msg}",
            )
            .expect("the template is valid"),
        ),
    };
    pb.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    Some(pb)
}

/// What a worker needs to turn a chunk into output.
struct Work<'a> {
    nlp: &'a Pipeline,
    fields: &'a Fields,
    options: &'a Options,
    stop: &'a AtomicBool,
}

impl Work<'_> {
    /// Reads, annotates and renders the documents of a chunk, stopping early when the run stops.
    fn chunk(&self, chunk: Chunk) -> Rendered {
        #[cfg(feature = "parquet")]
        if let Some((schema, types)) = &self.options.arrow {
            return self.rows(chunk, schema, types);
        }
        let mut rendered = Rendered {
            #[cfg(feature = "parquet")]
            batch: None,
            seq: chunk.seq,
            out: Vec::with_capacity(match &chunk.body {
                Body::Lines { data, .. } => data.len() * 2,
                _ => 1 << 12,
            }),
            docs: Vec::new(),
            cut: false,
        };
        chunk.body.for_each_item(self.fields, |item| {
            if self.stop.load(Ordering::Relaxed) {
                rendered.cut = true;
                return false;
            }
            self.render(item, &mut rendered);
            true
        });
        rendered
    }

    /// Annotates one document and appends its output to the chunk's.
    fn render(&self, item: Item, rendered: &mut Rendered) {
        let Item {
            id,
            text,
            origin,
            bytes,
            kept,
        } = item;
        let out = &mut rendered.out;
        let start = out.len();
        let result = text.and_then(|text| {
            self.nlp
                .try_annotate(text)
                .map_err(|err| format!("{origin}: {err}"))
        });
        let error = match result {
            Ok(doc) => {
                match self.options.mode {
                    Mode::JsonLines => {
                        doc.to_json()
                            .id(id.as_str())
                            .tokens(self.options.tokens)
                            .paragraphs(self.options.paragraphs)
                            .append_to(out);
                        splice_kept(out, start, &id, &self.options.kept_keys, &kept);
                        out.push(b'\n');
                    }
                    Mode::Summary => summary::write(out, &id, &doc),
                    #[cfg(feature = "parquet")]
                    Mode::Parquet => unreachable!("Parquet chunks are made into rows"),
                }
                None
            }
            Err(error) => {
                if self.options.mode == Mode::JsonLines {
                    serde_json::to_writer(
                        &mut *out,
                        &ErrorLine {
                            id: &id,
                            error: &error,
                        },
                    )
                    .expect("serialising strings does not fail");
                    splice_kept(out, start, &id, &self.options.kept_keys, &kept);
                    out.push(b'\n');
                }
                Some(error)
            }
        };
        rendered.docs.push(DocOut {
            end: out.len(),
            error,
            bytes,
        });
    }
}

#[cfg(feature = "parquet")]
impl Work<'_> {
    /// Reads and annotates the documents of a chunk into a record batch of `schema`, stopping
    /// early when the run stops.
    fn rows(
        &self,
        chunk: Chunk,
        schema: &byline::arrow::arrow_schema::SchemaRef,
        types: &[byline::arrow::arrow_schema::DataType],
    ) -> Rendered {
        use byline::arrow::arrow_array::builder::StringBuilder;
        use byline::arrow::arrow_array::{new_null_array, ArrayRef, RecordBatch, StringArray};
        use byline::arrow::arrow_schema::DataType;
        use byline::arrow::AnnotationBuilder;

        let mut rendered = Rendered {
            seq: chunk.seq,
            out: Vec::new(),
            batch: None,
            docs: Vec::new(),
            cut: false,
        };
        let mut ids = StringBuilder::new();
        let mut columns = AnnotationBuilder::with_rows(64);
        let mut kept: Vec<Vec<Option<String>>> = vec![Vec::new(); types.len()];
        chunk.body.for_each_item(self.fields, |item| {
            if self.stop.load(Ordering::Relaxed) {
                rendered.cut = true;
                return false;
            }
            let result = item.text.and_then(|text| {
                self.nlp
                    .try_annotate(text)
                    .map_err(|err| format!("{}: {err}", item.origin))
            });
            let error = match result {
                Ok(doc) => {
                    columns.push_document(&doc);
                    None
                }
                Err(error) => {
                    columns.push_error(&error);
                    Some(error)
                }
            };
            ids.append_value(&item.id);
            for (k, values) in kept.iter_mut().enumerate() {
                values.push(item.kept.get(k).cloned().flatten());
            }
            rendered.docs.push(DocOut {
                end: columns.len(),
                error,
                bytes: item.bytes,
            });
            true
        });
        let rows = columns.len();
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(schema.fields().len());
        arrays.push(Arc::new(ids.finish()));
        for (k, (values, data_type)) in kept.iter().zip(types).enumerate() {
            let as_read = match &chunk.body {
                Body::Rows(source) => source.kept_column(k, data_type, rows),
                _ => None,
            };
            arrays.push(match as_read {
                Some(column) => column,
                None if *data_type == DataType::Utf8 => Arc::new(
                    values
                        .iter()
                        .map(|v| v.as_deref().map(crate::columnar::unquote))
                        .collect::<StringArray>(),
                ),
                None => new_null_array(data_type, rows),
            });
        }
        let batch = columns
            .finish()
            .and_then(|annotations| {
                arrays.extend(annotations);
                RecordBatch::try_new(schema.clone(), arrays)
            })
            .map_err(|err| err.to_string());
        match batch {
            Ok(batch) => rendered.batch = Some(batch),
            Err(message) => {
                // No row of the chunk can be written: each of its documents says why.
                for doc in &mut rendered.docs {
                    doc.error = Some(format!("the rows of this batch cannot be built: {message}"));
                }
            }
        }
        rendered
    }
}

/// Starts the thread that cuts the input into chunks. It sends a chunk only for a credit, and
/// `window` credits go round (the writer gives one back for each chunk written), so that at most
/// `window` chunks are in flight whatever the input size or a slow document.
///
/// The thread is not joined: blocked on a terminal's standard input, it must not hold up an
/// interrupted run.
fn spawn_reader(
    chunker: Chunker,
    window: usize,
    stop: &Arc<AtomicBool>,
) -> (Receiver<Chunk>, crossbeam_channel::Sender<()>) {
    let (chunk_tx, chunk_rx) = bounded::<Chunk>(window);
    let (credit_tx, credit_rx) = bounded::<()>(window);
    for _ in 0..window {
        credit_tx.send(()).expect("the channel holds the window");
    }
    let stop = Arc::clone(stop);
    std::thread::spawn(move || {
        let mut chunker = chunker;
        // A credit first, then the read: no chunk waits in memory for its turn to be sent.
        while credit_rx.recv().is_ok() && !stop.load(Ordering::Relaxed) {
            let Some(chunk) = chunker.next() else { return };
            if chunk_tx.send(chunk).is_err() {
                return;
            }
        }
    });
    (chunk_rx, credit_tx)
}

/// The next item of `rx`; `None` when it is closed or the run stops.
fn receive<T>(rx: &Receiver<T>, stop: &AtomicBool) -> Option<T> {
    loop {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        match rx.recv_timeout(POLL) {
            Ok(item) => return Some(item),
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

/// Annotates the chunks on `threads` workers and writes them in order on the calling thread.
///
/// The workers are plain threads pulling whole chunks from one queue: a chunk is already a
/// coarse unit, so work stealing would bring nothing, and threads blocked on a channel sleep
/// where an idle rayon worker spins a while, taking a core from the others on a small machine.
fn run_workers(
    work: &Work<'_>,
    threads: usize,
    chunks: &Receiver<Chunk>,
    credits: &crossbeam_channel::Sender<()>,
    writer: &mut Writer,
) {
    // Never full: no more chunks than the window are in flight.
    let (done_tx, done_rx) = bounded::<Rendered>(CHUNKS_PER_WORKER * threads);
    std::thread::scope(|scope| {
        for i in 0..threads {
            let done_tx = done_tx.clone();
            std::thread::Builder::new()
                .name(format!("byline-{i}"))
                .spawn_scoped(scope, move || {
                    while let Some(chunk) = receive(chunks, work.stop) {
                        if done_tx.send(work.chunk(chunk)).is_err() {
                            return;
                        }
                    }
                })
                .expect("a worker thread starts");
        }
        drop(done_tx);
        while let Some(rendered) = receive(&done_rx, work.stop) {
            let written = writer.next;
            let go_on = writer.accept(rendered);
            for _ in written..writer.next {
                let _ = credits.send(());
            }
            if !go_on {
                break;
            }
        }
        // The workers see it and end, whatever they wait on.
        work.stop.store(true, Ordering::SeqCst);
    });
}

#[derive(Default)]
struct Report {
    documents: u64,
    failed: u64,
    bytes: u64,
    write_error: Option<io::Error>,
}

/// Where the output goes.
enum Output {
    /// JSON Lines or summaries.
    Bytes(Box<dyn Write + Send>),
    /// Parquet (`None` once closed).
    #[cfg(feature = "parquet")]
    Parquet(Option<Box<crate::columnar::ParquetSink>>),
}

/// Writes rendered chunks in input order.
struct Writer {
    output: Output,
    strict: bool,
    progress: Option<ProgressBar>,
    report: Report,
    /// The number of the next chunk to write.
    next: u64,
    /// Chunks that came before their turn.
    waiting: BTreeMap<u64, Rendered>,
}

impl Writer {
    /// Takes a chunk and writes every chunk whose turn has come; `false` when the run must stop
    /// (a write failed, `--strict` met a failure, the run was interrupted).
    fn accept(&mut self, rendered: Rendered) -> bool {
        self.waiting.insert(rendered.seq, rendered);
        while let Some(rendered) = self.waiting.remove(&self.next) {
            self.next += 1;
            if !self.write(rendered) {
                return false;
            }
        }
        true
    }

    fn write(&mut self, rendered: Rendered) -> bool {
        let mut end = match &self.output {
            Output::Bytes(_) => rendered.out.len(),
            #[cfg(feature = "parquet")]
            Output::Parquet(_) => rendered.docs.len(),
        };
        let mut go_on = !rendered.cut;
        for doc in &rendered.docs {
            self.report.documents += 1;
            self.report.bytes += doc.bytes;
            if let Some(error) = &doc.error {
                self.report.failed += 1;
                match &self.progress {
                    Some(pb) => pb.suspend(|| eprintln!("byline: {error}")),
                    None => eprintln!("byline: {error}"),
                }
                if self.strict {
                    end = doc.end;
                    go_on = false;
                    break;
                }
            }
        }
        let written = match &mut self.output {
            Output::Bytes(out) => out.write_all(&rendered.out[..end]),
            #[cfg(feature = "parquet")]
            Output::Parquet(sink) => match (sink, &rendered.batch) {
                (Some(sink), Some(batch)) if end > 0 => sink.write(&batch.slice(0, end)),
                _ => Ok(()),
            },
        };
        if let Err(err) = written {
            self.report.write_error = Some(err);
            return false;
        }
        if let Some(pb) = &self.progress {
            pb.inc(rendered.docs.iter().map(|d| d.bytes).sum());
            pb.set_message(summary::count(self.report.documents, "document"));
        }
        go_on
    }

    /// Flushes the output; stops the run if it did not reach its end.
    fn finish(mut self, stop: &AtomicBool) -> Report {
        let flushed = match &mut self.output {
            Output::Bytes(out) => out.flush(),
            #[cfg(feature = "parquet")]
            Output::Parquet(sink) => sink.take().map_or(Ok(()), |sink| sink.finish()),
        };
        if let Err(err) = flushed {
            self.report.write_error.get_or_insert(err);
        }
        stop.store(true, Ordering::SeqCst);
        self.report
    }
}
