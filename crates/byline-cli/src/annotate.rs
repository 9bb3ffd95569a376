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
}

/// What a worker gives the writer for one chunk: the output of its documents, one after the
/// other.
struct Rendered {
    seq: u64,
    /// The documents' output (JSON lines with their newlines, or summaries).
    out: Vec<u8>,
    docs: Vec<DocOut>,
    /// The run was interrupted before the chunk's end: `docs` are the ones done before.
    cut: bool,
}

/// One document of a [`Rendered`] chunk.
struct DocOut {
    /// Where its output ends in the chunk's output.
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

    // Every input path is checked before any output, so that a missing file is a usage error.
    let sources = match input::sources(&args.inputs, args.format) {
        Ok(sources) => sources,
        Err(err) => {
            eprintln!("byline: {err}");
            return status::ERROR;
        }
    };

    let output: Box<dyn Write + Send> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(file) => Box::new(BufWriter::with_capacity(1 << 18, file)),
            Err(err) => {
                eprintln!("byline: cannot create {}: {err}", path.display());
                return status::ERROR;
            }
        },
        None => Box::new(BufWriter::with_capacity(1 << 18, io::stdout())),
    };
    let mode =
        if args.summary || (args.output.is_none() && !args.json && io::stdout().is_terminal()) {
            Mode::Summary
        } else {
            Mode::JsonLines
        };
    let options = Options {
        mode,
        tokens: args.tokens,
        paragraphs: args.paragraphs,
    };

    if !args.quiet
        && sources.iter().any(|s| matches!(s, input::Source::Stdin(_)))
        && io::stdin().is_terminal()
    {
        eprintln!("byline: reading standard input from the terminal (Ctrl-D ends the input)");
    }
    let fields = Fields {
        text: args.text_field.clone(),
        id: args.id_field.clone(),
    };

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
        Mode::JsonLines => progress_bar(&args, input::total_bytes(&sources)),
        Mode::Summary => None,
    };
    let started = Instant::now();
    let threads = pipeline.threads().max(1);
    // A read from a terminal or a pipe can block for good: it gets a thread of its own, so
    // that Ctrl-C still ends the run.
    let may_block = !input::all_regular_files(&sources);
    let chunker = Chunker::new(
        sources,
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
        let mut rendered = Rendered {
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
        } = item;
        let out = &mut rendered.out;
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
                            .write_to(&mut *out)
                            .expect("writing to a Vec does not fail");
                        out.push(b'\n');
                    }
                    Mode::Summary => summary::write(out, &id, &doc),
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

/// Writes rendered chunks in input order.
struct Writer {
    output: Box<dyn Write + Send>,
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
        let mut end = rendered.out.len();
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
        if let Err(err) = self.output.write_all(&rendered.out[..end]) {
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
        if let Err(err) = self.output.flush() {
            self.report.write_error.get_or_insert(err);
        }
        stop.store(true, Ordering::SeqCst);
        self.report
    }
}
