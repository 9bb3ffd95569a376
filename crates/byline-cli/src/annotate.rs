//! `byline annotate`: read documents in batches, annotate each batch in parallel, write the
//! results in input order. Three threads (reader, annotators, writer) pass batches through
//! bounded channels, so memory holds a few batches whatever the input size.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use byline::Pipeline;
use crossbeam_channel::{bounded, RecvTimeoutError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::input::{self, Fields, Item};
use crate::{status, summary, AnnotateArgs};

/// Input bytes past which a batch is sent even before it holds `--batch-size` documents.
const BATCH_BYTES: u64 = 16 << 20;

/// How documents are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// One JSON document a line.
    JsonLines,
    /// A readable summary, for a terminal.
    Summary,
}

/// What the annotators give the writer for one document.
enum Rendered {
    Done {
        /// The output for the document (a JSON line, or a summary), without the final newline.
        out: Vec<u8>,
        /// The error message when the document failed.
        error: Option<String>,
        bytes: u64,
    },
    /// Not processed: the run was interrupted.
    Skipped,
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
    let mode = if args.output.is_none() && !args.json && io::stdout().is_terminal() {
        Mode::Summary
    } else {
        Mode::JsonLines
    };
    let options = Options {
        mode,
        tokens: args.tokens,
        paragraphs: args.paragraphs,
    };

    let sources = input::sources(&args.inputs);
    if !args.quiet
        && sources.iter().any(|s| matches!(s, input::Source::Stdin))
        && io::stdin().is_terminal()
    {
        eprintln!("byline: reading JSON Lines from the terminal (Ctrl-D ends the input)");
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
    let batch_size = args.batch_size as usize;

    let (batch_tx, batch_rx) = bounded::<Vec<Item>>(1);
    let (out_tx, out_rx) = bounded::<Vec<Rendered>>(1);

    // The reader is not joined: blocked on a terminal's standard input, it must not hold up an
    // interrupted run.
    {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut batch = Vec::with_capacity(batch_size);
            let mut batch_bytes = 0;
            input::read(&sources, &fields, &stop, |item| {
                batch_bytes += item.bytes;
                batch.push(item);
                if batch.len() >= batch_size || batch_bytes >= BATCH_BYTES {
                    batch_bytes = 0;
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(batch_size));
                    return batch_tx.send(full).is_ok();
                }
                true
            });
            if !batch.is_empty() {
                let _ = batch_tx.send(batch);
            }
        });
    }

    let report = std::thread::scope(|scope| {
        let writer = {
            let (stop, progress) = (&*stop, progress.clone());
            let strict = args.strict;
            scope.spawn(move || write_all(output, out_rx, mode, strict, stop, progress))
        };

        loop {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            // Wakes up now and then, so that Ctrl-C ends a run whose reader waits on a terminal.
            let batch = match batch_rx.recv_timeout(Duration::from_millis(100)) {
                Ok(batch) => batch,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => break,
            };
            let rendered =
                pipeline.map_batch(batch, |nlp, item| render(nlp, item, &options, &stop));
            if out_tx.send(rendered).is_err() {
                break;
            }
        }
        drop((out_tx, batch_rx));
        writer.join().expect("the writer thread does not panic")
    });

    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    if progress.is_some() {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "byline: {} document{}, {:.1} MB in {:.2} s ({:.1} MB/s)",
            report.documents,
            if report.documents == 1 { "" } else { "s" },
            report.bytes as f64 / 1e6,
            secs,
            report.bytes as f64 / 1e6 / secs.max(1e-9),
        );
    }
    if report.failed > 0 && !args.quiet {
        eprintln!(
            "byline: {} of {} documents failed",
            report.failed, report.documents
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
                "{spinner} [{elapsed_precise}] [{wide_bar}] {binary_bytes}/{binary_total_bytes} \
                 {binary_bytes_per_sec} ETA {eta} {msg}",
            )
            .expect("the template is valid")
            .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {binary_bytes} {binary_bytes_per_sec} {msg}",
            )
            .expect("the template is valid"),
        ),
    };
    pb.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    Some(pb)
}

/// Annotates one item and renders it for the writer.
fn render(nlp: &Pipeline, item: Item, options: &Options, stop: &AtomicBool) -> Rendered {
    if stop.load(Ordering::Relaxed) {
        return Rendered::Skipped;
    }
    let Item {
        id,
        text,
        origin,
        bytes,
    } = item;
    let result = text.and_then(|text| {
        nlp.try_annotate(text)
            .map_err(|err| format!("{origin}: {err}"))
    });
    match result {
        Ok(doc) => {
            let mut out = Vec::with_capacity(doc.text.len() / 2 + 256);
            match options.mode {
                Mode::JsonLines => doc
                    .to_json()
                    .id(id.as_str())
                    .tokens(options.tokens)
                    .paragraphs(options.paragraphs)
                    .write_to(&mut out)
                    .expect("writing to a Vec does not fail"),
                Mode::Summary => summary::write(&mut out, &id, &doc),
            }
            Rendered::Done {
                out,
                error: None,
                bytes,
            }
        }
        Err(error) => {
            let out = match options.mode {
                Mode::JsonLines => serde_json::to_vec(&ErrorLine {
                    id: &id,
                    error: &error,
                })
                .expect("serialising strings does not fail"),
                Mode::Summary => Vec::new(),
            };
            Rendered::Done {
                out,
                error: Some(error),
                bytes,
            }
        }
    }
}

#[derive(Default)]
struct Report {
    documents: u64,
    failed: u64,
    bytes: u64,
    write_error: Option<io::Error>,
}

/// Writes rendered batches in order until the channel closes, a write fails, or the run stops.
fn write_all(
    mut output: Box<dyn Write + Send>,
    batches: crossbeam_channel::Receiver<Vec<Rendered>>,
    mode: Mode,
    strict: bool,
    stop: &AtomicBool,
    progress: Option<ProgressBar>,
) -> Report {
    let mut report = Report::default();
    let mut halted = false;
    'batches: for batch in batches {
        for rendered in batch {
            let Rendered::Done { out, error, bytes } = rendered else {
                halted = true;
                break 'batches;
            };
            if let Some(error) = &error {
                report.failed += 1;
                match &progress {
                    Some(pb) => pb.suspend(|| eprintln!("byline: {error}")),
                    None => eprintln!("byline: {error}"),
                }
            }
            if !out.is_empty() {
                let written = output.write_all(&out).and_then(|()| {
                    if mode == Mode::JsonLines {
                        output.write_all(b"\n")
                    } else {
                        Ok(())
                    }
                });
                if let Err(err) = written {
                    report.write_error = Some(err);
                    halted = true;
                    break 'batches;
                }
            }
            report.documents += 1;
            report.bytes += bytes;
            if let Some(pb) = &progress {
                pb.inc(bytes);
                pb.set_message(format!("{} docs", report.documents));
            }
            if strict && error.is_some() {
                halted = true;
                break 'batches;
            }
        }
        if stop.load(Ordering::Relaxed) {
            halted = true;
            break;
        }
    }
    if halted {
        stop.store(true, Ordering::SeqCst);
    }
    if let Err(err) = output.flush() {
        report.write_error.get_or_insert(err);
    }
    report
}
