//! Building, searching, saving and loading a [`Gazetteer`].

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use flate2::read::GzDecoder;

use crate::compiled;
use crate::error::Error;
use crate::load::{self, Record};
use crate::matcher::{case_ok, Cand, Matcher, COMMON};
use crate::normalize::{Fold, Normalized};
use crate::store::Store;
use crate::{CaseMode, Entry, EntryId, Gazetteer, Label, Match, Span};

/// Bytes aligned to 8, so that arrays saved in them can be read in place.
#[repr(C, align(8))]
struct Aligned<T: ?Sized>(T);

/// The default gazetteer (`data/default.jsonl.gz`), compiled and saved by the build script.
static EMBEDDED_COMPILED: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/default.gaz")));

/// Texts longer than this are searched in pieces cut at line breaks, to keep the buffers small.
const CHUNK: usize = 1 << 20;

/// Builds a [`Gazetteer`] from entries and files. Setters take and return `&mut Self`;
/// [`build`](GazetteerBuilder::build) can be called again.
///
/// ```
/// use byline_gazetteer::{CaseMode, Entry, Gazetteer, Label};
///
/// let gaz = Gazetteer::builder()
///     .case(CaseMode::Smart)
///     .fold_diacritics(true)
///     .entry(Entry::new("Zürich", Label::Gpe))
///     .entry_with_case(Entry::new("who", Label::Misc), CaseMode::Exact)
///     .build()?;
/// assert_eq!(gaz.find("From Zurich, who knows").len(), 2);
/// # Ok::<(), byline_gazetteer::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    entries: Vec<Entry>,
    entry_case: Vec<Option<CaseMode>>,
    /// Each entry's source: the dataset or file it came from (none for entries added in code).
    entry_source: Vec<Option<Arc<str>>>,
    case: CaseMode,
    fold_diacritics: bool,
}

impl Default for GazetteerBuilder {
    fn default() -> GazetteerBuilder {
        GazetteerBuilder {
            entries: Vec::new(),
            entry_case: Vec::new(),
            entry_source: Vec::new(),
            case: CaseMode::Smart,
            fold_diacritics: true,
        }
    }
}

impl GazetteerBuilder {
    /// An empty builder: smart case, diacritics folded.
    ///
    /// ```
    /// let gaz = byline_gazetteer::GazetteerBuilder::new().build()?;
    /// assert!(gaz.is_empty());
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// The case mode of entries that do not set their own (default [`CaseMode::Smart`]).
    ///
    /// ```
    /// use byline_gazetteer::{CaseMode, Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::builder()
    ///     .case(CaseMode::Exact)
    ///     .entry(Entry::new("Iran", Label::Gpe))
    ///     .build()?;
    /// assert!(gaz.find("IRAN").is_empty());
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn case(&mut self, case: CaseMode) -> &mut Self {
        self.case = case;
        self
    }

    /// Whether letters match without their diacritics (`Zurich` = `Zürich`; default true).
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::builder()
    ///     .fold_diacritics(false)
    ///     .entry(Entry::new("Zürich", Label::Gpe))
    ///     .build()?;
    /// assert!(gaz.find("Zurich").is_empty());
    /// assert_eq!(gaz.find("ZÜRICH").len(), 1);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn fold_diacritics(&mut self, yes: bool) -> &mut Self {
        self.fold_diacritics = yes;
        self
    }

    /// Adds an entry (matched in the gazetteer's case mode).
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::builder().entry(Entry::new("Kremlin", Label::Org)).build()?;
    /// assert_eq!(gaz.len(), 1);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn entry(&mut self, entry: Entry) -> &mut Self {
        self.entries.push(entry);
        self.entry_case.push(None);
        self.entry_source.push(None);
        self
    }

    /// Adds an entry matched in its own case mode.
    ///
    /// ```
    /// use byline_gazetteer::{CaseMode, Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::builder()
    ///     .entry_with_case(Entry::new("apple", Label::Org), CaseMode::Insensitive)
    ///     .build()?;
    /// assert_eq!(gaz.find("APPLE and apple").len(), 2);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn entry_with_case(&mut self, entry: Entry, case: CaseMode) -> &mut Self {
        self.entries.push(entry);
        self.entry_case.push(Some(case));
        self.entry_source.push(None);
        self
    }

    /// Adds entries.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::builder()
    ///     .entries([Entry::new("Gaza", Label::Gpe), Entry::new("Hamas", Label::Org)])
    ///     .build()?;
    /// assert_eq!(gaz.len(), 2);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn entries<I: IntoIterator<Item = Entry>>(&mut self, entries: I) -> &mut Self {
        for e in entries {
            self.entry(e);
        }
        self
    }

    /// Adds records read from a file, each from the source it names, else from `file`.
    fn records(&mut self, records: Vec<Record>, file: &str) -> &mut Self {
        let file: Arc<str> = file.into();
        let mut named: HashMap<String, Arc<str>> = HashMap::new();
        for r in records {
            let source = match r.source {
                None => file.clone(),
                Some(s) => named
                    .entry(s)
                    .or_insert_with_key(|s| s.as_str().into())
                    .clone(),
            };
            self.entries.push(r.entry);
            self.entry_case.push(r.case);
            self.entry_source.push(Some(source));
        }
        self
    }

    /// Adds the entries of the embedded default gazetteer, each with its case mode there
    /// (smart unless the data sets one).
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::builder()
    ///     .add_embedded()
    ///     .entry(Entry::new("Daryo", Label::Org))
    ///     .build()?;
    /// assert!(gaz.len() > 1);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn add_embedded(&mut self) -> &mut Self {
        self.add_gazetteer(&Gazetteer::embedded())
    }

    /// Adds every entry of a built gazetteer, each with its case mode and its source there.
    ///
    /// ```
    /// use byline_gazetteer::{Gazetteer, Label, Entry};
    /// let mut builder = Gazetteer::builder();
    /// builder.add_tsv_reader("\tDaryo\tORG\n".as_bytes(), "media.tsv")?;
    /// let media = builder.build()?;
    /// let both = Gazetteer::builder()
    ///     .add_gazetteer(&media)
    ///     .entry(Entry::new("Kun.uz", Label::Org))
    ///     .build()?;
    /// assert_eq!(both.source(both.lookup("Daryo")[0]), Some("media.tsv"));
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn add_gazetteer(&mut self, gaz: &Gazetteer) -> &mut Self {
        let mut names: HashMap<&str, Arc<str>> = HashMap::new();
        for i in 0..gaz.len() {
            self.entries.push(gaz.store.entry(i));
            self.entry_case.push(Some(gaz.store.case(i)));
            let source = gaz
                .store
                .source(i)
                .map(|s| names.entry(s).or_insert_with(|| Arc::from(s)).clone());
            self.entry_source.push(source);
        }
        self
    }

    /// Adds the entries of a TSV file's content (see the [crate docs](crate#files));
    /// `source` names it in errors.
    ///
    /// ```
    /// use byline_gazetteer::Gazetteer;
    /// let tsv = "# id\tname\tlabel\taliases\nQ90\tParis\tGPE\tParis|Paname\n";
    /// let gaz = Gazetteer::builder().add_tsv_reader(tsv.as_bytes(), "fr.tsv")?.build()?;
    /// assert_eq!(gaz.find("Paname").len(), 1);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn add_tsv_reader<R: Read>(&mut self, reader: R, source: &str) -> Result<&mut Self, Error> {
        let records = load::read_tsv(reader, source)?;
        Ok(self.records(records, source))
    }

    /// Adds the entries of a CSV file's content (see the [crate docs](crate#files)).
    ///
    /// ```
    /// use byline_gazetteer::Gazetteer;
    /// let csv = "name,label,aliases,id\nParis,GPE,Paname,Q90\n";
    /// let gaz = Gazetteer::builder().add_csv_reader(csv.as_bytes(), "fr.csv")?.build()?;
    /// assert_eq!(gaz.entry(gaz.find("Paname")[0].entry).id.as_deref(), Some("Q90"));
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn add_csv_reader<R: Read>(&mut self, reader: R, source: &str) -> Result<&mut Self, Error> {
        let records = load::read_csv(reader, source)?;
        Ok(self.records(records, source))
    }

    /// Adds the entries of a JSON Lines file's content (see the [crate docs](crate#files)).
    ///
    /// ```
    /// use byline_gazetteer::Gazetteer;
    /// let jsonl = r#"{"id": "Q90", "name": "Paris", "label": "GPE", "aliases": ["Paname"]}"#;
    /// let gaz = Gazetteer::builder().add_jsonl_reader(jsonl.as_bytes(), "fr.jsonl")?.build()?;
    /// assert_eq!(gaz.find("Paris, Paname").len(), 2);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn add_jsonl_reader<R: Read>(
        &mut self,
        reader: R,
        source: &str,
    ) -> Result<&mut Self, Error> {
        let records = load::read_jsonl(reader, source)?;
        Ok(self.records(records, source))
    }

    /// Adds the entries of a file, by its extension: `.jsonl`, `.tsv` or `.csv`, each
    /// optionally followed by `.gz`.
    ///
    /// ```
    /// use byline_gazetteer::Gazetteer;
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("people.tsv");
    /// std::fs::write(&path, "Q7747\tVladimir Putin\tPERSON\tPutin\n").unwrap();
    /// let gaz = Gazetteer::builder().add_path(&path)?.build()?;
    /// assert_eq!(gaz.find("Putin's visit").len(), 1);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn add_path<P: AsRef<Path>>(&mut self, path: P) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let source = path.display().to_string();
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let (stem, gz) = match name.strip_suffix(".gz") {
            Some(stem) => (stem.to_owned(), true),
            None => (name.clone(), false),
        };
        let reader: Box<dyn Read> = if gz {
            Box::new(GzDecoder::new(file))
        } else {
            Box::new(file)
        };
        let records = if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
            load::read_jsonl(reader, &source)?
        } else if stem.ends_with(".tsv") || stem.ends_with(".txt") {
            load::read_tsv(reader, &source)?
        } else if stem.ends_with(".csv") {
            load::read_csv(reader, &source)?
        } else {
            return Err(Error::record(
                &source,
                0,
                None,
                "unknown gazetteer format (expected .jsonl, .tsv or .csv, optionally .gz)",
            ));
        };
        let file = path
            .file_name()
            .map_or(source.clone(), |n| n.to_string_lossy().into_owned());
        Ok(self.records(records, &file))
    }

    /// Checks the entries and compiles the gazetteer.
    ///
    /// Fails when an entry has an empty name, an alias with nothing to match, or a weight
    /// that is not a finite number; the error names the entry.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let err = Gazetteer::builder().entry(Entry::new("  ", Label::Org)).build().unwrap_err();
    /// assert_eq!(err.to_string(), "entry 0 (\"  \"): the name is empty");
    /// ```
    pub fn build(&self) -> Result<Gazetteer, Error> {
        let entries = self
            .entries
            .iter()
            .zip(&self.entry_case)
            .zip(&self.entry_source)
            .map(|((e, c), s)| (e.clone(), c.unwrap_or(self.case), s.as_deref()));
        Gazetteer::compile(entries, self.case, self.fold_diacritics)
    }
}

/// A match found by the trie, with the candidates its case allows.
struct Raw {
    start: usize,
    end: usize,
    /// Range of `passing` holding the entries allowed here.
    pass: std::ops::Range<usize>,
    /// The alias is a common word at the start of a sentence: kept only with support.
    needs_support: bool,
}

impl Gazetteer {
    /// A builder: smart case, diacritics folded, no entries.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::builder().entry(Entry::new("Gaza", Label::Gpe)).build()?;
    /// assert_eq!(gaz.find("in Gaza.")[0].span.range(), 3..7);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::new()
    }

    /// A gazetteer of `entries` with the default options (smart case, diacritics folded).
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Hamas", Label::Org)])?;
    /// assert!(gaz.find("the Bahamas").is_empty());
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn new<I: IntoIterator<Item = Entry>>(entries: I) -> Result<Gazetteer, Error> {
        let entries = entries.into_iter().map(|e| (e, CaseMode::Smart, None));
        Gazetteer::compile(entries, CaseMode::Smart, true)
    }

    fn compile<'s, I: Iterator<Item = (Entry, CaseMode, Option<&'s str>)>>(
        entries: I,
        case: CaseMode,
        fold_diacritics: bool,
    ) -> Result<Gazetteer, Error> {
        let (store, matcher) = compiled::compile(entries, fold_diacritics)?;
        Ok(Gazetteer::assemble(store, matcher, case, fold_diacritics))
    }

    pub(crate) fn assemble(
        store: Store,
        matcher: Matcher,
        case: CaseMode,
        fold_diacritics: bool,
    ) -> Gazetteer {
        let cache = OnceLock::new();
        Gazetteer {
            store,
            cache,
            all: OnceLock::new(),
            case,
            fold_diacritics,
            matcher,
            handles: OnceLock::new(),
        }
    }

    /// The embedded default gazetteer (countries, regions, cities, people, organisations of
    /// the news), loaded once per process and shared. It is compiled when the crate is built
    /// and its arrays are read in place from the program, so it is ready at once (see
    /// `examples/load_time.rs`).
    ///
    /// ```
    /// let gaz = byline_gazetteer::Gazetteer::embedded();
    /// let text = "Talks in Moscow.";
    /// let m = &gaz.find(text)[0];
    /// assert_eq!(&text[m.span.range()], "Moscow");
    /// ```
    pub fn embedded() -> Arc<Gazetteer> {
        static EMBEDDED: OnceLock<Arc<Gazetteer>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| {
                let (case, fold, store, matcher) = compiled::decode_trusted(&EMBEDDED_COMPILED.0)
                    .expect("the build script saves a valid gazetteer");
                Arc::new(Gazetteer::assemble(store, matcher, case, fold))
            })
            .clone()
    }

    /// The entry with this id. Panics if the id is not of this gazetteer.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, EntryId, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Gaza", Label::Gpe)])?;
    /// assert_eq!(gaz.entry(EntryId(0)).name, "Gaza");
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn entry(&self, id: EntryId) -> &Entry {
        let i = id.0 as usize;
        let cache = self
            .cache
            .get_or_init(|| (0..self.len()).map(|_| OnceLock::new()).collect());
        cache[i].get_or_init(|| Box::new(self.store.entry(i)))
    }

    /// The canonical name of an entry, without building the [`Entry`]. Panics if the id is
    /// not of this gazetteer.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, EntryId, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Gaza", Label::Gpe).id("Q39760")])?;
    /// assert_eq!(
    ///     (gaz.name(EntryId(0)), gaz.label(EntryId(0)), gaz.qid(EntryId(0))),
    ///     ("Gaza", Label::Gpe, Some("Q39760"))
    /// );
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn name(&self, id: EntryId) -> &str {
        self.store.name(id.0 as usize)
    }

    /// The label of an entry. Panics if the id is not of this gazetteer.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, EntryId, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Hamas", Label::Org)])?;
    /// assert_eq!(gaz.label(EntryId(0)), Label::Org);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn label(&self, id: EntryId) -> Label {
        self.store.label(id.0 as usize)
    }

    /// The Wikidata id of an entry, if it has one. Panics if the id is not of this gazetteer.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, EntryId, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Hamas", Label::Org)])?;
    /// assert_eq!(gaz.qid(EntryId(0)), None);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn qid(&self, id: EntryId) -> Option<&str> {
        self.store.id(id.0 as usize)
    }

    /// The short description of an entry, if it has one (`capital of France`, `news agency`).
    /// Panics if the id is not of this gazetteer.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, EntryId, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Reuters", Label::Org).description("news agency")])?;
    /// assert_eq!(gaz.description(EntryId(0)), Some("news agency"));
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn description(&self, id: EntryId) -> Option<&str> {
        self.store.description(id.0 as usize)
    }

    /// Where an entry came from, if known: for the embedded default, the open dataset
    /// (`mledoze/countries`, `Natural Earth`); for a file, the file's name (or the `source`
    /// field of its JSON Lines record); `None` for entries added in code. Panics if the id is
    /// not of this gazetteer.
    ///
    /// ```
    /// use byline_gazetteer::{Gazetteer, Label};
    /// let mut builder = Gazetteer::builder();
    /// builder.add_tsv_reader("Q90\tParis\tGPE\n".as_bytes(), "places.tsv")?;
    /// let gaz = builder.build()?;
    /// let paris = gaz.lookup("Paris")[0];
    /// assert_eq!(gaz.source(paris), Some("places.tsv"));
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn source(&self, id: EntryId) -> Option<&str> {
        self.store.source(id.0 as usize)
    }

    /// The entry with this id, or `None` if there is none.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, EntryId, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Gaza", Label::Gpe)])?;
    /// assert!(gaz.get(EntryId(1)).is_none());
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn get(&self, id: EntryId) -> Option<&Entry> {
        ((id.0 as usize) < self.len()).then(|| self.entry(id))
    }

    /// The case mode in which the entry is matched.
    ///
    /// ```
    /// use byline_gazetteer::{CaseMode, Entry, EntryId, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Gaza", Label::Gpe)])?;
    /// assert_eq!(gaz.case_of(EntryId(0)), CaseMode::Smart);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn case_of(&self, id: EntryId) -> CaseMode {
        self.store.case(id.0 as usize)
    }

    /// Number of entries.
    ///
    /// ```
    /// let gaz = byline_gazetteer::Gazetteer::new([])?;
    /// assert_eq!(gaz.len(), 0);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// Whether there is no entry.
    ///
    /// ```
    /// assert!(byline_gazetteer::Gazetteer::new([])?.is_empty());
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.store.len() == 0
    }

    /// Every entry with its id, in order.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Gaza", Label::Gpe), Entry::new("Hamas", Label::Org)])?;
    /// let names: Vec<&str> = gaz.iter().map(|(_, e)| e.name.as_str()).collect();
    /// assert_eq!(names, ["Gaza", "Hamas"]);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (EntryId, &Entry)> + '_ {
        self.entries()
            .iter()
            .enumerate()
            .map(|(i, e)| (EntryId(i as u32), e))
    }

    /// Every entry, in order.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Gaza", Label::Gpe)])?;
    /// assert_eq!(gaz.entries()[0].name, "Gaza");
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn entries(&self) -> &[Entry] {
        self.all
            .get_or_init(|| (0..self.len()).map(|i| self.store.entry(i)).collect())
    }

    /// Whether diacritics are folded.
    ///
    /// ```
    /// assert!(byline_gazetteer::Gazetteer::new([])?.folds_diacritics());
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn folds_diacritics(&self) -> bool {
        self.fold_diacritics
    }

    /// Approximate memory of the compiled gazetteer, in bytes: its heap, and for the embedded
    /// gazetteer the arrays it reads in place from the program's own bytes.
    ///
    /// ```
    /// assert!(byline_gazetteer::Gazetteer::embedded().memory_usage() > 0);
    /// ```
    pub fn memory_usage(&self) -> usize {
        self.store.heap_bytes()
            + self
                .cache
                .get()
                .map_or(0, |c| c.len() * std::mem::size_of::<OnceLock<Box<Entry>>>())
            + self.matcher.heap_bytes()
    }

    /// Every entry having `alias` as an alias, after normalisation (case, diacritics,
    /// apostrophes, spaces), whatever the case mode; best first, as matching ranks candidates
    /// without context: higher weight, then label (GPE, PERSON, ORG, ...), then order of addition.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, EntryId, Gazetteer, Label};
    /// let gaz = Gazetteer::new([
    ///     Entry::new("Georgia", Label::Gpe).id("Q1428").weight(0.5),
    ///     Entry::new("Georgia", Label::Gpe).id("Q230"),
    /// ])?;
    /// assert_eq!(gaz.lookup("georgia"), [EntryId(1), EntryId(0)]);
    /// assert!(gaz.lookup("Georgian").is_empty());
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn lookup(&self, alias: &str) -> Vec<EntryId> {
        let fold = Fold {
            case: true,
            diacritics: self.fold_diacritics,
        };
        let mut norm = Normalized::default();
        norm.normalize(alias, fold);
        let mut out: Vec<EntryId> = match self.matcher.pattern_of(&norm) {
            Some(p) => self
                .matcher
                .cands(p)
                .iter()
                .map(|c| EntryId(c.entry))
                .collect(),
            None => Vec::new(),
        };
        out.dedup();
        out.sort_by(|a, b| self.better(*a, *b));
        out
    }

    /// The order of candidates without context: higher weight, then the label's priority,
    /// then the order of addition.
    fn better(&self, a: EntryId, b: EntryId) -> std::cmp::Ordering {
        let (st, ia, ib) = (&self.store, a.0 as usize, b.0 as usize);
        st.weight(ib)
            .total_cmp(&st.weight(ia))
            .then(st.label(ia).priority().cmp(&st.label(ib).priority()))
            .then(a.cmp(&b))
    }

    /// Leftmost-longest, token-aligned matches of aliases in `text`, in order, not
    /// overlapping. See the [crate docs](crate#matching) for the rules.
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::new([
    ///     Entry::new("United States", Label::Gpe).alias("US"),
    ///     Entry::new("World Health Organization", Label::Org).alias("WHO"),
    /// ])?;
    /// let text = "Let us ask who said the US and the WHO agree.";
    /// let found: Vec<&str> = gaz.find(text).iter().map(|m| &text[m.span.range()]).collect();
    /// assert_eq!(found, ["US", "WHO"]);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn find(&self, text: &str) -> Vec<Match> {
        self.search(text, false)
    }

    /// Every token-aligned match of every alias in `text`, overlapping ones included
    /// (`New York City`, `New York` and `York` in one place), ordered by start, then longest
    /// first. Candidates are ranked as in [`find`](Gazetteer::find).
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::new([
    ///     Entry::new("New York City", Label::Gpe),
    ///     Entry::new("New York", Label::Gpe),
    ///     Entry::new("York", Label::Gpe),
    /// ])?;
    /// let text = "New York City";
    /// let all: Vec<&str> =
    ///     gaz.find_overlapping(text).iter().map(|m| &text[m.span.range()]).collect();
    /// assert_eq!(all, ["New York City", "New York", "York"]);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn find_overlapping(&self, text: &str) -> Vec<Match> {
        self.search(text, true)
    }

    fn search(&self, text: &str, overlapping: bool) -> Vec<Match> {
        let mut raws = Vec::new();
        let mut passing = Vec::new();
        let mut norm = Normalized::default();
        let mut tokens = Vec::new();
        let mut ends = Vec::new();
        let fold = Fold {
            case: true,
            diacritics: self.fold_diacritics,
        };
        for (base, chunk) in chunks(text) {
            norm.normalize(chunk, fold);
            self.matcher.tokens(&norm, &mut tokens);
            let mut i = 0;
            while i < tokens.len() {
                if !self.matcher.may_start(&tokens, i) {
                    i += 1;
                    continue;
                }
                ends.clear();
                self.matcher.walk(&norm, &tokens, i, &mut ends);
                if overlapping {
                    for &(end, pat) in ends.iter().rev() {
                        let at = (base, i, end, pat as usize);
                        self.check(text, &norm, at, &mut raws, &mut passing);
                    }
                    i += 1;
                    continue;
                }
                // Longest first; a shorter alias when the case rules out a longer one.
                let accepted = ends.iter().rev().find(|&&(end, pat)| {
                    let at = (base, i, end, pat as usize);
                    self.check(text, &norm, at, &mut raws, &mut passing)
                });
                i = match accepted {
                    Some(&(end, _)) => end,
                    None => i + 1,
                };
            }
        }
        self.resolve(raws, &passing)
    }

    /// Checks the case of a match `(chunk offset, first unit, units end, pattern)` in `norm`;
    /// records it and returns true when some candidate allows it.
    fn check(
        &self,
        text: &str,
        norm: &Normalized,
        (base, start, end, pattern): (usize, usize, usize, usize),
        raws: &mut Vec<Raw>,
        passing: &mut Vec<u32>,
    ) -> bool {
        let s = norm.units[start].start as usize + base;
        let e = norm.units[end - 1].end as usize + base;
        let found = &text[s..e];
        let first = passing.len();
        let mut all_common = true;
        for cand in self.matcher.cands(pattern) {
            let alias = || self.store.alias(cand.entry as usize, cand.alias as usize);
            if case_ok(cand, alias, found, self.fold_diacritics) {
                if !passing[first..].contains(&cand.entry) {
                    passing.push(cand.entry);
                }
                all_common &= is_contextual(cand);
            }
        }
        if passing.len() == first {
            return false;
        }
        if all_common && natural_feature_near(text, s, e) {
            // `the Amazon rainforest`: the word names the place, not the company that took it.
            passing.truncate(first);
            return false;
        }
        let needs_support = all_common && sentence_initial(text, s);
        raws.push(Raw {
            start: s,
            end: e,
            pass: first..passing.len(),
            needs_support,
        });
        true
    }

    /// Turns raw matches into [`Match`]es: drops unsupported sentence-initial common words and
    /// ranks the candidates.
    fn resolve(&self, raws: Vec<Raw>, passing: &[u32]) -> Vec<Match> {
        // Entries named alone by some match are the document's evidence.
        let evidence: rustc_hash::FxHashSet<u32> = raws
            .iter()
            .filter(|r| r.pass.len() == 1 && !r.needs_support)
            .map(|r| passing[r.pass.start])
            .collect();
        let mut out = Vec::with_capacity(raws.len());
        for r in raws {
            let cands = &passing[r.pass.clone()];
            if r.needs_support && !cands.iter().any(|c| evidence.contains(c)) {
                continue;
            }
            let mut ids: Vec<EntryId> = cands.iter().map(|&c| EntryId(c)).collect();
            if ids.len() > 1 {
                ids.sort_by(|a, b| {
                    evidence
                        .contains(&b.0)
                        .cmp(&evidence.contains(&a.0))
                        .then(self.better(*a, *b))
                });
            }
            out.push(Match {
                span: Span::new(r.start, r.end),
                entry: ids[0],
                candidates: ids,
            });
        }
        out
    }

    /// The compiled gazetteer as bytes (entries, options and matcher), to load back quickly
    /// with [`from_bytes`](Gazetteer::from_bytes).
    ///
    /// ```
    /// use byline_gazetteer::{Entry, Gazetteer, Label};
    /// let gaz = Gazetteer::new([Entry::new("Gaza", Label::Gpe).id("Q39760")])?;
    /// let back = Gazetteer::from_bytes(&gaz.to_bytes())?;
    /// assert_eq!(back.entries(), gaz.entries());
    /// assert_eq!(back.find("Gaza")[0].entry, gaz.find("Gaza")[0].entry);
    /// # Ok::<(), byline_gazetteer::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        compiled::encode(self.case, self.fold_diacritics, &self.store, &self.matcher)
    }

    /// A gazetteer saved with [`to_bytes`](Gazetteer::to_bytes).
    ///
    /// ```
    /// let err = byline_gazetteer::Gazetteer::from_bytes(b"nonsense").unwrap_err();
    /// assert!(err.to_string().starts_with("not a saved gazetteer"));
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let (case, fold_diacritics, store, matcher) = compiled::decode(bytes)?;
        Ok(Gazetteer::assemble(store, matcher, case, fold_diacritics))
    }
}

/// Whether a candidate's alias is a common word that needs context in smart mode.
fn is_contextual(cand: &Cand) -> bool {
    cand.case() == CaseMode::Smart && cand.flags & COMMON != 0
}

/// Nouns of natural features that show a common-word alias beside them names the feature
/// (`the Amazon river`, `deep in the Amazon rainforest`), not the company of the same name.
const NATURAL_FEATURES: [&str; 14] = [
    "basin",
    "delta",
    "estuary",
    "forest",
    "forests",
    "headwaters",
    "jungle",
    "jungles",
    "rainforest",
    "rainforests",
    "river",
    "rivers",
    "tributaries",
    "tributary",
];

/// How many words on each side of a match [`natural_feature_near`] looks at.
const FEATURE_WINDOW: usize = 3;

/// Whether a natural-feature noun stands within [`FEATURE_WINDOW`] words of `text[start..end]`,
/// in the same sentence.
fn natural_feature_near(text: &str, start: usize, end: usize) -> bool {
    let is_feature = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        NATURAL_FEATURES
            .iter()
            .any(|f| f.eq_ignore_ascii_case(word))
    };
    let ends_sentence = |word: &str| word.ends_with(['.', '!', '?', ';']);
    for word in text[end..].split_whitespace().take(FEATURE_WINDOW) {
        if is_feature(word) {
            return true;
        }
        if ends_sentence(word) {
            break;
        }
    }
    for word in text[..start].split_whitespace().rev().take(FEATURE_WINDOW) {
        if ends_sentence(word) {
            break;
        }
        if is_feature(word) {
            return true;
        }
    }
    false
}

/// Whether the word at `start` begins a sentence: at the start of the text or of a line, or
/// after `.`, `!`, `?` or `:` (and any opening quotes or brackets).
pub(crate) fn sentence_initial(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        match c {
            '\n' => return true,
            c if c.is_whitespace() => {}
            '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '-' | '—' | '–' => {}
            '.' | '!' | '?' | ':' | '…' => return true,
            _ => return false,
        }
    }
    true
}

/// Pieces of `text` of about [`CHUNK`] bytes, cut after a blank line, a line break or a space
/// where there is one, with their offsets.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        if text.len() - start <= CHUNK + CHUNK / 4 {
            pos = text.len();
            return Some((start, &text[start..]));
        }
        let window = &text.as_bytes()[start + CHUNK..start + CHUNK + CHUNK / 4];
        let cut = find2(window, b"\n\n")
            .or_else(|| window.iter().position(|&b| b == b'\n'))
            .or_else(|| window.iter().position(|&b| b == b' '))
            .map(|i| start + CHUNK + i + 1)
            .unwrap_or_else(|| {
                let mut c = start + CHUNK;
                while !text.is_char_boundary(c) {
                    c += 1;
                }
                c
            });
        pos = cut;
        Some((start, &text[start..cut]))
    })
}

fn find2(hay: &[u8], needle: &[u8; 2]) -> Option<usize> {
    hay.windows(2).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Label;

    #[test]
    fn words_whose_hashes_collide_are_still_found() {
        let entries = [
            Entry::new("New York City", Label::Gpe),
            Entry::new("New York", Label::Gpe),
            Entry::new("Putin", Label::Person),
            Entry::new("US", Label::Gpe),
        ];
        let mut gaz = Gazetteer::new(entries).unwrap();
        let text = "Putin in New York City and New York, not New Yorkers; us and the US.";
        let before = gaz.find(text);
        let overlapping = gaz.find_overlapping(text);
        assert_eq!(before.len(), 4);
        gaz.matcher.force_overflow();
        assert_eq!(gaz.find(text), before);
        assert_eq!(gaz.find_overlapping(text), overlapping);
        assert_eq!(gaz.lookup("new york"), [EntryId(1)]);
    }
}
