//! The part-of-speech corpora and their split, shared by the `train_pos` example and the tests.

use std::path::{Path, PathBuf};

use byline_tag::corpus::{read_conllu, TaggedSentence};
use byline_tag::{Input, Model, Scratch, Trainer, TrainingSentence};

/// The Universal POS tags, in the order of the model's tag ids.
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// Checksum of all inputs, in the order read (FNV-1a 64 over name, length and bytes of each).
pub const PINNED: u64 = 0x06f9_70f8_38ab_2aff;

/// Training settings of the embedded model.
pub const BITS: u32 = 17;
/// Passes over the training data.
pub const EPOCHS: usize = 8;
/// Seed of the shuffles.
pub const SEED: u64 = 1;

/// The shared data folder: `$BYLINE_SHARED`, else `../shared` beside the repository.
pub fn shared() -> PathBuf {
    std::env::var_os("BYLINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// Training sentences and the two held-out sets.
pub struct PosData {
    pub train: Vec<TrainingSentence>,
    /// Every tenth GUM train document (sorted by file name: the 10th, 20th, ...).
    pub held_gum: Vec<TrainingSentence>,
    /// Every tenth sentence of UD English-PUD.
    pub held_pud: Vec<TrainingSentence>,
    pub checksum: u64,
}

fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(0x100_0000_01b3);
    }
}

fn to_training(s: &TaggedSentence, tagset: &[&str]) -> Result<TrainingSentence, String> {
    let mut t = TrainingSentence::default();
    for (w, tag) in s.words.iter().zip(&s.tags) {
        let id = tagset
            .iter()
            .position(|u| u == tag)
            .ok_or_else(|| format!("unknown tag {tag:?}"))?;
        t.push(w, id as u8, &[]);
    }
    Ok(t)
}

/// Reads the GUM train documents and UD English-PUD from `shared/data/training`, with their
/// Universal POS tags.
pub fn load(shared: &Path) -> Result<PosData, String> {
    load_tags(shared, 3, &UPOS)
}

/// Reads the same documents and split as [`load`], taking the tags of CoNLL-U column `column`
/// (3 = UPOS, 4 = XPOS) as ids into `tagset`.
pub fn load_tags(shared: &Path, column: usize, tagset: &[&str]) -> Result<PosData, String> {
    let root = shared.join("data/training");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("gum/dep"))
        .map_err(|e| format!("{}: {e} (set BYLINE_SHARED)", root.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let pud = root.join("ud_english_pud/en_pud-ud-test.conllu");
    files.push(pud.clone());
    let mut checksum: u64 = 0xcbf2_9ce4_8422_2325;
    let mut data = PosData {
        train: Vec::new(),
        held_gum: Vec::new(),
        held_pud: Vec::new(),
        checksum: 0,
    };
    for (i, path) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        fnv(&mut checksum, name.as_bytes());
        fnv(&mut checksum, &(text.len() as u64).to_le_bytes());
        fnv(&mut checksum, text.as_bytes());
        let sentences =
            read_conllu(&text, column).map_err(|e| format!("{}: {e}", path.display()))?;
        let is_pud = *path == pud;
        for (j, s) in sentences.iter().enumerate() {
            let t = to_training(s, tagset).map_err(|e| format!("{}: {e}", path.display()))?;
            match (is_pud, i % 10 == 9, j % 10 == 9) {
                (false, true, _) => data.held_gum.push(t),
                (true, _, true) => data.held_pud.push(t),
                _ => data.train.push(t),
            }
        }
    }
    data.checksum = checksum;
    Ok(data)
}

/// Words tagged right, and words, of `data`.
pub fn accuracy(model: &byline_tag::Model, data: &[TrainingSentence]) -> (usize, usize) {
    let (mut right, mut all) = (0, 0);
    let mut scratch = byline_tag::Scratch::default();
    let mut out = Vec::new();
    for s in data {
        model.tag(&s.input(), &mut scratch, &mut out);
        right += out.iter().zip(s.tags()).filter(|(a, b)| a == b).count();
        all += s.len();
    }
    (right, all)
}

/// The Penn Treebank tags that GUM and UD English-PUD use (GUM's extensions `HYPH`, `GW` and
/// `AFX` included), most frequent first, in the order of the Penn model's tag ids.
pub const PENN: [&str; 47] = [
    "NN", "IN", "DT", "NNP", "JJ", ",", "NNS", ".", "RB", "VBD", "CC", "PRP", "VB", "CD", "VBN",
    "VBZ", "VBP", "VBG", "TO", "PRP$", "MD", "-LRB-", "-RRB-", ":", "WDT", "HYPH", "POS", "''",
    "``", "NNPS", "WRB", "WP", "RP", "JJR", "FW", "EX", "UH", "JJS", "RBR", "SYM", "RBS", "PDT",
    "$", "LS", "WP$", "GW", "AFX",
];

/// Training settings of the embedded Penn model: a smaller table than the UPOS model's, to
/// keep its weights near 3 MB with three times the tags.
pub const PENN_BITS: u32 = 15;

/// The body of the `train_pos` and `train_penn` examples: trains a model on the split's training
/// part with the tags of CoNLL-U column `column` (3 = UPOS, 4 = XPOS) as ids into `tagset`,
/// `--bits` (default `bits`) and `--epochs` as asked, prints its held-out accuracy under `label`
/// and writes it to `--out` when given. Errors are printed after `program`'s name.
pub fn train_example(
    program: &str,
    label: &str,
    column: usize,
    tagset: &[&str],
    bits: u32,
) -> std::process::ExitCode {
    match train(label, column, tagset, bits) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{program}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
}

fn train(label: &str, column: usize, tagset: &[&str], bits: u32) -> Result<(), String> {
    let data = load_tags(&shared(), column, tagset)?;
    eprintln!("inputs checksum {:#018x}", data.checksum);
    if data.checksum != PINNED {
        return Err(format!(
            "inputs differ from the pinned ones ({PINNED:#018x})"
        ));
    }
    let bits: u32 = arg("--bits", &bits.to_string())
        .parse()
        .map_err(|e| format!("--bits: {e}"))?;
    let epochs: usize = arg("--epochs", &EPOCHS.to_string())
        .parse()
        .map_err(|e| format!("--epochs: {e}"))?;
    let tokens: usize = data.train.iter().map(|s| s.len()).sum();
    eprintln!(
        "training on {} sentences, {tokens} tokens; 2^{bits} rows, {epochs} epochs",
        data.train.len()
    );
    let model = train_model(&data, tagset, bits, epochs);
    let (gr, ga) = accuracy(&model, &data.held_gum);
    let (pr, pa) = accuracy(&model, &data.held_pud);
    println!(
        "held-out GUM documents: {label} {:.4} ({gr}/{ga})",
        gr as f64 / ga as f64
    );
    println!(
        "held-out PUD sentences: {label} {:.4} ({pr}/{pa})",
        pr as f64 / pa as f64
    );
    println!(
        "held-out together:      {label} {:.4} ({}/{})",
        (gr + pr) as f64 / (ga + pa) as f64,
        gr + pr,
        ga + pa
    );
    let out = arg("--out", "");
    if !out.is_empty() {
        let bytes = model.to_bytes();
        std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
        println!("wrote {out}: {} bytes", bytes.len());
    }
    Ok(())
}

/// A model trained on `data`'s training part with `tagset`, `2^bits` rows and `epochs` passes,
/// with the embedded models' seed.
pub fn train_model(data: &PosData, tagset: &[&str], bits: u32, epochs: usize) -> Model {
    let tags = tagset.iter().map(|s| s.to_string()).collect();
    Trainer::new(tags, bits).train(&data.train, epochs, SEED)
}

/// Asserts that `model` tags each of a few sentences the same alone and after the others: no
/// state leaks from one sentence into the next through the scratch space.
pub fn assert_context_free(model: &Model) {
    let sentences: [&[&str]; 3] = [
        &["The", "minister", "said", "talks", "would", "resume", "."],
        &["Barcelona", "beat", "Leeds", "2-1", "on", "Sunday", "."],
        &[
            "\"", "We", "will", "not", "back", "down", ",", "\"", "he", "said", ".",
        ],
    ];
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for s in sentences {
        let alone = model.tag_words(s);
        for other in sentences {
            model.tag(&Input::from_words(other), &mut scratch, &mut out);
        }
        model.tag(&Input::from_words(s), &mut scratch, &mut out);
        assert_eq!(alone, out);
    }
}
