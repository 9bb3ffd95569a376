//! The entity-mention corpora, shared by the `train_entities` example and the tests: what the
//! embedded model is trained on, how each sentence is featurized, and its scores on UNER
//! English-EWT test.

use std::path::{Path, PathBuf};

use byline_gazetteer::{EntityMention, EntityRecognizer, Gazetteer};
use byline_tag::corpus::{io_to_iob2, read_columns, read_gum_entities, TaggedSentence};
use byline_tag::{entity_input, Input, Model, Trainer, TrainingSentence, ENTITY_TAGS};
use byline_tokenize::{Span, Tokenizer};

/// Checksum of all inputs, in the order read (FNV-1a 64 over name, length and bytes of each).
pub const PINNED: u64 = 0xe943_dfcc_6114_4810;

/// Table rows of the embedded model: `2^BITS`.
pub const BITS: u32 = 17;
/// Passes over the training data.
pub const EPOCHS: usize = 12;
/// Seeds of the shuffles: the embedded model is the mean of one model per seed.
pub const SEEDS: [u64; 5] = [1, 2, 3, 4, 5];

/// A column file of words and entity tags.
pub struct Corpus {
    pub path: &'static str,
    pub word_col: usize,
    pub tag_col: usize,
    /// Tags use only `I-`.
    pub io: bool,
}

/// The column files trained on, in this order. Not the Broad Twitter Corpus: its tweets name
/// football clubs by their cities (`Liverpool`, `Leeds`), and a model trained on them calls
/// those cities organisations in any context, against the gazetteer.
pub const TRAIN: &[Corpus] = &[
    Corpus {
        path: "uner_english_ewt/en_ewt-ud-dev.iob2",
        word_col: 1,
        tag_col: 2,
        io: false,
    },
    Corpus {
        path: "wnut17/wnut17train.conll",
        word_col: 0,
        tag_col: 1,
        io: false,
    },
    Corpus {
        path: "wnut17/emerging.dev.conll",
        word_col: 0,
        tag_col: 1,
        io: false,
    },
    Corpus {
        path: "wnut17/emerging.test.annotated",
        word_col: 0,
        tag_col: 1,
        io: false,
    },
    Corpus {
        path: "wikigold/CONLL-format/data/wikigold.conll.txt",
        word_col: 0,
        tag_col: 1,
        io: true,
    },
];

/// The evaluation set, never trained on.
pub const TEST: Corpus = Corpus {
    path: "uner_english_ewt/en_ewt-ud-test.iob2",
    word_col: 1,
    tag_col: 2,
    io: false,
};

/// The shared data folder: `$BYLINE_SHARED`, else `../shared` beside the repository.
pub fn shared() -> PathBuf {
    std::env::var_os("BYLINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x100_0000_01b3);
    }
}

fn add_to_checksum(sum: &mut u64, name: &str, text: &str) {
    fnv(sum, name.as_bytes());
    fnv(sum, &(text.len() as u64).to_le_bytes());
    fnv(sum, text.as_bytes());
}

/// The corpus tag mapped to PER, ORG, LOC or O.
pub fn map_tag(tag: &str) -> &'static str {
    let Some((bio, ty)) = tag.split_once('-') else {
        return "O";
    };
    let ty = match ty {
        "PER" | "person" => "PER",
        "ORG" | "corporation" | "group" => "ORG",
        "LOC" | "location" => "LOC",
        _ => return "O",
    };
    match (bio, ty) {
        ("B", "PER") => "B-PER",
        ("B", "ORG") => "B-ORG",
        ("B", _) => "B-LOC",
        (_, "PER") => "I-PER",
        (_, "ORG") => "I-ORG",
        _ => "I-LOC",
    }
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|e| format!("{}: {e} (set BYLINE_SHARED)", path.display()))
}

/// Reads one column file of `root` (`shared/data/training`), adding it to `sum`.
pub fn read(root: &Path, c: &Corpus, sum: &mut u64) -> Result<Vec<TaggedSentence>, String> {
    let path = root.join(c.path);
    let text = read_text(&path)?;
    add_to_checksum(sum, c.path, &text);
    let mut sentences = read_columns(&text, c.word_col, c.tag_col)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    for s in &mut sentences {
        if c.io {
            s.tags = io_to_iob2(&s.tags);
        }
        s.tags = s.tags.iter().map(|t| map_tag(t).to_string()).collect();
    }
    Ok(sentences)
}

/// GUM's train documents other than news (sorted by name), with their named people,
/// organisations and places: the news documents are the held-out set of the recall figures.
pub fn read_gum(root: &Path, sum: &mut u64) -> Result<Vec<TaggedSentence>, String> {
    let dir = root.join("gum/dep");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e} (set BYLINE_SHARED)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("GUM_news_"))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = read_text(&path)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        add_to_checksum(sum, &format!("gum/dep/{name}"), &text);
        out.extend(read_gum_entities(&text).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    Ok(out)
}

/// A sentence featurized as the pipeline sees it, with what scoring and calibration need.
pub struct Featurized {
    pub sentence: TrainingSentence,
    /// Byte spans of the words in the text (the words joined by spaces).
    pub spans: Vec<Span>,
    /// The gazetteer's mentions of that text.
    pub mentions: Vec<EntityMention>,
}

/// The tools that featurize sentences: byline's gazetteer recognizer and tokenizer.
pub struct Featurizer {
    rec: EntityRecognizer,
    tok: Tokenizer,
}

impl Featurizer {
    pub fn new() -> Featurizer {
        Featurizer {
            rec: EntityRecognizer::new(Gazetteer::embedded()),
            tok: Tokenizer::new(),
        }
    }

    /// The sentence as the pipeline would see it: words joined by spaces, gazetteer mentions
    /// of that text as features.
    pub fn featurize(&self, s: &TaggedSentence) -> Featurized {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(s.words.len());
        for w in &s.words {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(w);
            spans.push(Span::new(start, text.len()));
        }
        let mentions = self.rec.recognize(&text, &self.tok.segment(&text));
        let mut input = Input::new();
        entity_input(&mut input, &text, &spans, &mentions);
        let tags: Vec<u8> = s
            .tags
            .iter()
            .map(|t| ENTITY_TAGS.iter().position(|x| x == t).unwrap_or(0) as u8)
            .collect();
        Featurized {
            sentence: TrainingSentence::from_input(&input, &tags),
            spans,
            mentions,
        }
    }
}

impl Default for Featurizer {
    fn default() -> Self {
        Featurizer::new()
    }
}

/// The training sentences and the evaluation set.
pub struct EntityData {
    /// The sentences of each file of [`TRAIN`], in its order.
    pub columns: Vec<Vec<TrainingSentence>>,
    /// GUM's non-news documents.
    pub gum: Vec<TrainingSentence>,
    /// UNER English-EWT test.
    pub test: Vec<TrainingSentence>,
    pub checksum: u64,
}

/// Reads and featurizes the corpora of the embedded model: the column files of [`TRAIN`], then
/// GUM's non-news documents.
pub fn load(shared: &Path) -> Result<EntityData, String> {
    let root = shared.join("data/training");
    let f = Featurizer::new();
    let mut checksum: u64 = 0xcbf2_9ce4_8422_2325;
    let mut columns = Vec::new();
    for c in TRAIN {
        let sentences = read(&root, c, &mut checksum)?;
        columns.push(sentences.iter().map(|s| f.featurize(s).sentence).collect());
    }
    let gum = read_gum(&root, &mut checksum)?
        .iter()
        .map(|s| f.featurize(s).sentence)
        .collect();
    let mut ignore = 0;
    let test = read(&root, &TEST, &mut ignore)?
        .iter()
        .map(|s| f.featurize(s).sentence)
        .collect();
    Ok(EntityData {
        columns,
        gum,
        test,
        checksum,
    })
}

impl EntityData {
    /// The training sentences of the embedded model, in order: the column files, then GUM.
    pub fn train(&self) -> Vec<TrainingSentence> {
        let mut out: Vec<TrainingSentence> = self.columns.iter().flatten().cloned().collect();
        out.extend(self.gum.iter().cloned());
        out
    }
}

/// A model trained on `train` with `2^bits` rows and `epochs` passes: the mean of one model per
/// seed of `seeds`.
pub fn train_model(train: &[TrainingSentence], bits: u32, epochs: usize, seeds: &[u64]) -> Model {
    let tags = ENTITY_TAGS.iter().map(|s| s.to_string()).collect();
    Trainer::new(tags, bits).train_seeds(train, epochs, seeds)
}

/// Exact-span counts of one label (or all): true positives, predicted, gold.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / self.predicted.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn names(tags: &[u8]) -> Vec<String> {
    tags.iter()
        .map(|&x| ENTITY_TAGS[x as usize].to_string())
        .collect()
}

/// The model's mentions against the gold ones of `test`, exact spans, for `ALL`, `LOC`, `ORG`
/// and `PER` (in that order).
pub fn score(model: &Model, test: &[TrainingSentence]) -> [(&'static str, Counts); 4] {
    let mut scratch = byline_tag::Scratch::default();
    let mut out = Vec::new();
    let mut counts = [
        ("ALL", Counts::default()),
        ("LOC", Counts::default()),
        ("ORG", Counts::default()),
        ("PER", Counts::default()),
    ];
    for s in test {
        model.tag(&s.input(), &mut scratch, &mut out);
        let gold = byline_tag::corpus::spans(&names(s.tags()));
        let pred = byline_tag::corpus::spans(&names(&out));
        for (ty, c) in &mut counts {
            let g: Vec<_> = gold.iter().filter(|x| *ty == "ALL" || x.2 == *ty).collect();
            let p: Vec<_> = pred.iter().filter(|x| *ty == "ALL" || x.2 == *ty).collect();
            c.tp += p.iter().filter(|x| g.contains(x)).count();
            c.predicted += p.len();
            c.gold += g.len();
        }
    }
    counts
}
