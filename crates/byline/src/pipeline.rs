use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use byline_gazetteer::{EntityRecognizer, Gazetteer};
use byline_quotes::QuoteExtractor;
use byline_tokenize::Tokenizer;
use rayon::prelude::*;

use crate::error::{panic_message, Error};
use crate::Document;

/// The environment variable that sets the number of worker threads of pipelines whose builder
/// did not set one (`1` turns parallelism off; unset or `0`: one thread per core).
///
/// ```
/// // In a shell: BYLINE_NUM_THREADS=1 my-program
/// assert_eq!(byline::NUM_THREADS_ENV, "BYLINE_NUM_THREADS");
/// let nlp = byline::Pipeline::builder().threads(2).build()?; // the builder wins over the variable
/// assert_eq!(nlp.threads(), 2);
/// # Ok::<(), byline::Error>(())
/// ```
pub const NUM_THREADS_ENV: &str = "BYLINE_NUM_THREADS";

/// The whole pipeline: tokenizer, entity recognizer and quotation extraction, with the threads that
/// run batches.
///
/// `Send + Sync`, cheap to clone (the state is shared behind an `Arc`) and reusable: build one and
/// annotate any number of documents with it, from any number of threads.
///
/// ```
/// let nlp = byline::Pipeline::new();
/// let doc = nlp.annotate("Iranian President Ebrahim Raisi said on Tuesday that talks had failed.");
/// assert_eq!(doc.sentences().len(), 1);
/// for entity in doc.entities() {
///     println!("{} {}", entity.label.as_str(), entity.span.as_str(doc.text()));
/// }
/// ```
#[derive(Clone)]
pub struct Pipeline {
    inner: Arc<Inner>,
}

struct Inner {
    tokenizer: Tokenizer,
    recognizer: Option<EntityRecognizer>,
    gazetteer: Arc<Gazetteer>,
    quotes: Option<QuoteExtractor>,
    pos: bool,
    entity_model: bool,
    threads: usize,
    /// Built on the first batch, so that a pipeline used one document at a time starts no thread.
    pool: Mutex<Pool>,
}

impl Pipeline {
    /// A pipeline with the embedded default gazetteer, every stage on, and the thread count of
    /// `BYLINE_NUM_THREADS` (one thread per core when unset).
    ///
    /// ```
    /// let nlp = byline::Pipeline::new();
    /// assert!(nlp.gazetteer().len() > 0);
    /// ```
    pub fn new() -> Pipeline {
        let gazetteer = Gazetteer::embedded();
        Pipeline::from_parts(gazetteer, true, true, true, true, None)
    }

    /// A builder to replace or extend the gazetteer, switch stages off or set the thread count.
    ///
    /// ```
    /// let nlp = byline::Pipeline::builder().quotes(false).threads(1).build()?;
    /// assert!(nlp.annotate("\"No,\" he said.").quotes().is_empty());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::new()
    }

    fn from_parts(
        gazetteer: Arc<Gazetteer>,
        entities: bool,
        quotes: bool,
        pos: bool,
        entity_model: bool,
        threads: Option<usize>,
    ) -> Pipeline {
        let threads = resolve_threads(threads);
        Pipeline {
            inner: Arc::new(Inner {
                tokenizer: Tokenizer::new(),
                recognizer: entities.then(|| EntityRecognizer::new(Arc::clone(&gazetteer))),
                gazetteer,
                quotes: quotes.then(QuoteExtractor::new),
                pos,
                entity_model,
                threads,
                pool: Mutex::new(Pool::Unbuilt),
            }),
        }
    }

    /// The gazetteer the entity stage matches against.
    ///
    /// ```
    /// let nlp = byline::Pipeline::new();
    /// println!("{} entries", nlp.gazetteer().len());
    /// ```
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.inner.gazetteer
    }

    /// The number of worker threads batches run on (`1`: batches run on the calling thread).
    ///
    /// ```
    /// let nlp = byline::Pipeline::builder().threads(3).build()?;
    /// assert_eq!(nlp.threads(), 3);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn threads(&self) -> usize {
        self.inner.threads
    }

    /// Annotates one document. Accepts `&str` (copied) or `String` (moved: no copy).
    ///
    /// ```
    /// let doc = byline::Pipeline::new().annotate("Moscow said no. Kyiv said yes.");
    /// let sentences: Vec<&str> = doc.sentences().iter().map(|s| s.span.as_str(doc.text())).collect();
    /// assert_eq!(sentences, ["Moscow said no.", "Kyiv said yes."]);
    /// ```
    pub fn annotate<T: Into<String>>(&self, text: T) -> Document {
        let text = text.into();
        let inner = &*self.inner;
        let segmentation = inner.tokenizer.segment(&text);
        let (entities, entity_sources) = match &inner.recognizer {
            Some(recognizer) => {
                crate::entities::recognize(recognizer, inner.entity_model, &text, &segmentation)
            }
            None => (Vec::new(), Vec::new()),
        };
        let quotes = match &inner.quotes {
            Some(extractor) => extractor.extract(&text, &segmentation, &entities),
            None => Vec::new(),
        };
        let pos = if inner.pos {
            crate::pos::tag(&text, &segmentation)
        } else {
            Vec::new()
        };
        Document {
            text,
            segmentation,
            pos,
            entities,
            entity_sources,
            quotes,
        }
    }

    /// Annotates one document, turning a failure inside a stage (a panic) into an [`Error`]
    /// instead of unwinding into the caller.
    ///
    /// ```
    /// let doc = byline::Pipeline::new().try_annotate("\"We will respond,\" the minister said.")?;
    /// assert_eq!(doc.sentences().len(), 1);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn try_annotate<T: Into<String>>(&self, text: T) -> Result<Document, Error> {
        let text = text.into();
        catch(|| self.annotate(text))
    }

    /// Annotates a batch of documents on the pipeline's threads. Returns one result per input, in
    /// input order; a document whose annotation fails gets its own error and the others go on.
    ///
    /// ```
    /// let nlp = byline::Pipeline::new();
    /// let docs = nlp.annotate_batch(vec!["First text.", "Second text. Two sentences."]);
    /// assert_eq!(docs.len(), 2);
    /// assert_eq!(docs[1].as_ref().unwrap().sentences().len(), 2);
    /// ```
    pub fn annotate_batch<I>(&self, texts: I) -> Vec<Result<Document, Error>>
    where
        I: IntoIterator,
        I::Item: Into<String> + Send,
    {
        let texts: Vec<I::Item> = texts.into_iter().collect();
        self.map_batch(texts, |nlp, text| nlp.try_annotate(text))
    }

    /// Runs `f` over every item on the pipeline's threads and returns the results in input order:
    /// the building block of [`annotate_batch`](Pipeline::annotate_batch) for callers that want to
    /// do more per document in parallel (serialise it, convert it) before collecting.
    ///
    /// With one thread, items are processed in order on the calling thread. The threads start on
    /// the first batch; if they cannot be started, batches run on the calling thread. A panic in `f`
    /// propagates to the caller; use [`try_annotate`](Pipeline::try_annotate) inside `f` to keep a
    /// failing document to itself.
    ///
    /// ```
    /// let nlp = byline::Pipeline::new();
    /// let lines = nlp.map_batch(vec!["One.", "Two. Three."], |nlp, text| {
    ///     nlp.try_annotate(text).map(|doc| doc.to_json().to_string())
    /// });
    /// assert!(lines[1].as_ref().unwrap().starts_with("{\"id\":null,\"sentences\":[{\"start\":0,\"end\":4}"));
    /// ```
    pub fn map_batch<T, R, F>(&self, items: Vec<T>, f: F) -> Vec<R>
    where
        T: Send,
        R: Send,
        F: Fn(&Pipeline, T) -> R + Sync + Send,
    {
        match self.pool() {
            Some(pool) if items.len() > 1 => {
                pool.install(|| items.into_par_iter().map(|item| f(self, item)).collect())
            }
            _ => items.into_iter().map(|item| f(self, item)).collect(),
        }
    }

    /// The worker threads of this process, built on first use. A process forked after a batch
    /// inherits the pool but none of its threads: the child builds a pool of its own.
    fn pool(&self) -> Option<Arc<rayon::ThreadPool>> {
        if self.inner.threads <= 1 {
            return None;
        }
        let pid = std::process::id();
        let mut pool = self.inner.pool.lock().unwrap_or_else(|e| e.into_inner());
        if let Pool::Built {
            pid: built_in,
            pool,
        } = &*pool
        {
            if *built_in == pid {
                return pool.clone();
            }
        }
        let built = rayon::ThreadPoolBuilder::new()
            .num_threads(self.inner.threads)
            .thread_name(|i| format!("byline-{i}"))
            .build()
            .ok()
            .map(Arc::new);
        let stale = std::mem::replace(
            &mut *pool,
            Pool::Built {
                pid,
                pool: built.clone(),
            },
        );
        if let Pool::Built {
            pool: Some(stale), ..
        } = stale
        {
            // A parent's pool: its threads do not exist in this process, and dropping it would
            // signal them, so it is left alone.
            std::mem::forget(stale);
        }
        built
    }
}

/// A pipeline's worker threads, and the process they were started in.
enum Pool {
    Unbuilt,
    /// `None` when the threads could not be started: batches then run on the calling thread.
    Built {
        pid: u32,
        pool: Option<Arc<rayon::ThreadPool>>,
    },
}

impl fmt::Debug for Pipeline {
    // Short on purpose: the gazetteer holds hundreds of thousands of aliases.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        f.debug_struct("Pipeline")
            .field("gazetteer_entries", &inner.gazetteer.len())
            .field("entities", &inner.recognizer.is_some())
            .field("quotes", &inner.quotes.is_some())
            .field("threads", &inner.threads)
            .finish()
    }
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}

/// Runs `f`, turning a panic into an [`Error`].
fn catch<R>(f: impl FnOnce() -> R) -> Result<R, Error> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| Error::panic(panic_message(&*payload)))
}

fn resolve_threads(threads: Option<usize>) -> usize {
    let requested = threads.or_else(|| {
        std::env::var(NUM_THREADS_ENV)
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
    });
    match requested {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// Builds a [`Pipeline`]: gazetteer, stages and threads. Setters take and return `&mut Self`;
/// [`build`](PipelineBuilder::build) can be called again.
///
/// The embedded default gazetteer is used when no other gazetteer is given, or alongside the
/// given ones with [`with_default(true)`](PipelineBuilder::with_default).
///
/// ```
/// let nlp = byline::Pipeline::builder()
///     .entities(true)
///     .quotes(true)
///     .threads(2)
///     .build()?;
/// let docs = nlp.annotate_batch(vec!["One text.", "Another."]);
/// assert_eq!(docs.len(), 2);
/// # Ok::<(), byline::Error>(())
/// ```
#[derive(Clone)]
pub struct PipelineBuilder {
    gazetteers: Vec<Arc<Gazetteer>>,
    files: Vec<PathBuf>,
    with_default: bool,
    entities: bool,
    quotes: bool,
    pos: bool,
    entity_model: bool,
    threads: Option<usize>,
}

impl fmt::Debug for PipelineBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sizes: Vec<usize> = self.gazetteers.iter().map(|g| g.len()).collect();
        f.debug_struct("PipelineBuilder")
            .field("gazetteer_entries", &sizes)
            .field("files", &self.files)
            .field("with_default", &self.with_default)
            .field("entities", &self.entities)
            .field("quotes", &self.quotes)
            .field("pos", &self.pos)
            .field("entity_model", &self.entity_model)
            .field("threads", &self.threads)
            .finish()
    }
}

impl Default for PipelineBuilder {
    fn default() -> PipelineBuilder {
        PipelineBuilder::new()
    }
}

impl PipelineBuilder {
    /// A builder with the defaults of [`Pipeline::new`].
    ///
    /// ```
    /// let nlp = byline::PipelineBuilder::new().build()?;
    /// assert!(nlp.gazetteer().len() > 0);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn new() -> PipelineBuilder {
        PipelineBuilder {
            gazetteers: Vec::new(),
            files: Vec::new(),
            with_default: false,
            entities: true,
            quotes: true,
            pos: true,
            entity_model: true,
            threads: None,
        }
    }

    /// Uses `gazetteer` instead of the embedded default (or with it, see
    /// [`with_default`](PipelineBuilder::with_default)). Can be called more than once: the
    /// entries of every gazetteer given are merged.
    ///
    /// ```
    /// use byline::Pipeline;
    /// let nlp = Pipeline::builder().gazetteer(byline::Gazetteer::embedded()).build()?;
    /// assert_eq!(nlp.gazetteer().len(), Pipeline::new().gazetteer().len());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn gazetteer(&mut self, gazetteer: Arc<Gazetteer>) -> &mut Self {
        self.gazetteers.push(gazetteer);
        self
    }

    /// Loads gazetteer entries from a file (TSV, CSV or JSON Lines, told by the extension) when
    /// the pipeline is built. Like [`gazetteer`](PipelineBuilder::gazetteer), it replaces the
    /// embedded default unless [`with_default(true)`](PipelineBuilder::with_default) is set.
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("byline-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("teams.tsv");
    /// std::fs::write(&path, "id\tname\tlabel\taliases\nQ1\tNorthwind Traders\tORG\tNorthwind\n").unwrap();
    /// let nlp = byline::Pipeline::builder().gazetteer_file(&path).build()?;
    /// let doc = nlp.annotate("Northwind said sales rose.");
    /// assert_eq!(doc.entities()[0].name, "Northwind Traders");
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn gazetteer_file<P: Into<PathBuf>>(&mut self, path: P) -> &mut Self {
        self.files.push(path.into());
        self
    }

    /// Whether the embedded default gazetteer is kept beside the gazetteers given with
    /// [`gazetteer`](PipelineBuilder::gazetteer) and
    /// [`gazetteer_file`](PipelineBuilder::gazetteer_file) (default `false`: they replace it).
    /// Without any other gazetteer the default is always used.
    ///
    /// ```
    /// let nlp = byline::Pipeline::builder().with_default(true).build()?;
    /// assert!(nlp.gazetteer().len() > 0);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn with_default(&mut self, yes: bool) -> &mut Self {
        self.with_default = yes;
        self
    }

    /// Whether entity mentions are recognised (default `true`). When off, documents have no
    /// entities and quotations have no resolved speaker entities.
    ///
    /// ```
    /// let nlp = byline::Pipeline::builder().entities(false).build()?;
    /// assert!(nlp.annotate("Vladimir Putin spoke in Moscow.").entities().is_empty());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn entities(&mut self, yes: bool) -> &mut Self {
        self.entities = yes;
        self
    }

    /// Whether quotations are extracted (default `true`).
    ///
    /// ```
    /// let nlp = byline::Pipeline::builder().quotes(false).build()?;
    /// assert!(nlp.annotate("\"We will win,\" Putin said.").quotes().is_empty());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn quotes(&mut self, yes: bool) -> &mut Self {
        self.quotes = yes;
        self
    }

    /// Whether each token gets its part of speech (Universal POS, from the embedded model of
    /// [`byline_tag`]; default `true`). Turn it off when tokens are not wanted: the other stages
    /// do not read it.
    ///
    /// ```
    /// let nlp = byline::Pipeline::builder().pos(false).build()?;
    /// assert!(nlp.annotate("It rained.").pos_tag(0).is_none());
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn pos(&mut self, yes: bool) -> &mut Self {
        self.pos = yes;
        self
    }

    /// Whether the entity model adds the people, organisations and places the gazetteer does
    /// not list, and corrects its matches where the context says otherwise (default `true`).
    /// When off, mentions come from the gazetteer and its person-name rules alone.
    ///
    /// ```
    /// let nlp = byline::Pipeline::builder().entity_model(false).build()?;
    /// let doc = nlp.annotate("Vladimir Putin spoke in Moscow.");
    /// assert!(doc.entity_sources.iter().all(|&s| s == byline::EntitySource::Gazetteer));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn entity_model(&mut self, yes: bool) -> &mut Self {
        self.entity_model = yes;
        self
    }

    /// The number of worker threads for batches: `1` processes batches on the calling thread,
    /// `0` uses one thread per core. When not set, `BYLINE_NUM_THREADS` decides.
    ///
    /// ```
    /// let nlp = byline::Pipeline::builder().threads(1).build()?;
    /// assert_eq!(nlp.threads(), 1);
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn threads(&mut self, threads: usize) -> &mut Self {
        self.threads = Some(threads);
        self
    }

    /// Builds the pipeline, loading the gazetteer files. Fails when a file cannot be read or
    /// holds a bad line; the error names the file and line.
    ///
    /// ```
    /// let mut builder = byline::Pipeline::builder();
    /// let one = builder.threads(1).build()?;
    /// let two = builder.threads(2).build()?;
    /// assert_eq!((one.threads(), two.threads()), (1, 2));
    /// # Ok::<(), byline::Error>(())
    /// ```
    pub fn build(&self) -> Result<Pipeline, Error> {
        let gazetteer = self.assemble_gazetteer()?;
        Ok(Pipeline::from_parts(
            gazetteer,
            self.entities,
            self.quotes,
            self.pos,
            self.entity_model,
            self.threads,
        ))
    }

    fn assemble_gazetteer(&self) -> Result<Arc<Gazetteer>, Error> {
        if self.gazetteers.is_empty() && self.files.is_empty() {
            return Ok(Gazetteer::embedded());
        }
        if self.files.is_empty() && self.gazetteers.len() == 1 && !self.with_default {
            return Ok(Arc::clone(&self.gazetteers[0]));
        }
        crate::gazetteers::merge(&self.gazetteers, &self.files, self.with_default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error() {
        let err = catch(|| -> usize { panic!("stage failed at byte {}", 12) }).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Panic);
        assert_eq!(
            err.to_string(),
            "annotation failed: stage failed at byte 12"
        );
        assert_eq!(catch(|| 5).unwrap(), 5);
    }

    #[test]
    fn a_failing_item_keeps_to_itself_in_a_batch() {
        for threads in [1, 3] {
            let nlp = Pipeline::builder().threads(threads).build().unwrap();
            let results = nlp.map_batch((0..20).collect(), |_, i: u32| {
                catch(|| {
                    assert!(i != 7, "item {i} is bad");
                    i * 2
                })
            });
            assert_eq!(results.len(), 20);
            for (i, r) in results.iter().enumerate() {
                match r {
                    Ok(v) => assert_eq!(*v, i as u32 * 2),
                    Err(e) => {
                        assert_eq!(i, 7);
                        assert!(e.to_string().contains("item 7 is bad"));
                    }
                }
            }
        }
    }

    #[test]
    fn debug_is_short() {
        let nlp = Pipeline::builder()
            .threads(2)
            .quotes(false)
            .build()
            .unwrap();
        let debug = format!("{nlp:?}");
        assert!(
            debug.starts_with("Pipeline { gazetteer_entries: "),
            "{debug}"
        );
        assert!(
            debug.ends_with("entities: true, quotes: false, threads: 2 }"),
            "{debug}"
        );
    }

    #[test]
    fn the_thread_count_resolves() {
        assert_eq!(resolve_threads(Some(3)), 3);
        assert!(resolve_threads(Some(0)) >= 1);
    }
}
