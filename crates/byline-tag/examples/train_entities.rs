//! Trains the embedded entity-mention model and reports its scores on UNER English-EWT test.
//!
//! ```text
//! cargo run --release -p byline-tag --example train_entities -- [--bits 17] [--epochs 8] [--out crates/byline-tag/data/entities.bin]
//! ```
//!
//! Inputs (openly licensed, pinned by checksum), from `$BYLINE_SHARED/data/training` (default
//! `../shared`): UNER English-EWT dev, the Broad Twitter Corpus (train, dev, test), WNUT-17
//! (train, dev, test) and WikiGold. UNER English-EWT test is never trained on: it is the
//! evaluation set. Each sentence's words are joined by spaces and read by byline's tokenizer
//! and gazetteer recognizer, whose mentions become features (as in the pipeline).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use byline_gazetteer::{EntityRecognizer, Gazetteer};
use byline_tag::corpus::{io_to_iob2, read_columns, spans as gold_spans, TaggedSentence};
use byline_tag::{entity_input, Input, Trainer, TrainingSentence, ENTITY_TAGS};
use byline_tokenize::{Span, Tokenizer};

/// Checksum of all inputs, in the order read (FNV-1a 64 over name, length and bytes of each).
const PINNED: u64 = 0xe778_2df6_2e36_2426;

struct Corpus {
    path: &'static str,
    word_col: usize,
    tag_col: usize,
    /// Tags use only `I-`.
    io: bool,
}

const TRAIN: &[Corpus] = &[
    Corpus {
        path: "uner_english_ewt/en_ewt-ud-dev.iob2",
        word_col: 1,
        tag_col: 2,
        io: false,
    },
    Corpus {
        path: "broad_twitter_corpus/train_dev_test_conll/btc.train",
        word_col: 0,
        tag_col: 1,
        io: false,
    },
    Corpus {
        path: "broad_twitter_corpus/train_dev_test_conll/btc.dev",
        word_col: 0,
        tag_col: 1,
        io: false,
    },
    Corpus {
        path: "broad_twitter_corpus/train_dev_test_conll/btc.test",
        word_col: 0,
        tag_col: 1,
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

const TEST: Corpus = Corpus {
    path: "uner_english_ewt/en_ewt-ud-test.iob2",
    word_col: 1,
    tag_col: 2,
    io: false,
};

fn shared() -> PathBuf {
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

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
}

/// The corpus tag mapped to PER, ORG, LOC or O.
fn map_tag(tag: &str) -> &'static str {
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

fn read(root: &Path, c: &Corpus, sum: &mut u64) -> Result<Vec<TaggedSentence>, String> {
    let path = root.join(c.path);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    fnv(sum, c.path.as_bytes());
    fnv(sum, &(text.len() as u64).to_le_bytes());
    fnv(sum, text.as_bytes());
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

/// The sentence as the pipeline would see it: words joined by spaces, gazetteer mentions of
/// that text as features.
fn featurize(s: &TaggedSentence, rec: &EntityRecognizer, tok: &Tokenizer) -> TrainingSentence {
    featurize_full(s, rec, tok).0
}

type Featurized = (
    TrainingSentence,
    String,
    Vec<Span>,
    Vec<byline_gazetteer::EntityMention>,
);

fn featurize_full(s: &TaggedSentence, rec: &EntityRecognizer, tok: &Tokenizer) -> Featurized {
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
    let mentions = rec.recognize(&text, &tok.segment(&text));
    let mut input = Input::new();
    entity_input(&mut input, &text, &spans, &mentions);
    let tags: Vec<u8> = s
        .tags
        .iter()
        .map(|t| ENTITY_TAGS.iter().position(|x| x == t).unwrap_or(0) as u8)
        .collect();
    let t = TrainingSentence::from_input(&input, &tags);
    (t, text, spans, mentions)
}

fn group(label: byline_gazetteer::Label) -> &'static str {
    use byline_gazetteer::Label;
    match label {
        Label::Person => "PER",
        Label::Org => "ORG",
        Label::Gpe | Label::Loc | Label::Fac => "LOC",
        _ => "-",
    }
}

/// Margins of the mentions the model alone finds on UNER English-EWT dev, by a model trained
/// without it: the share right in each margin band, per label.
fn calibrate(model: &byline_tag::Model, dev: &[Featurized]) {
    let mut scratch = byline_tag::Scratch::default();
    let mut out = Vec::new();
    let mut seen: Vec<(&'static str, f32, bool)> = Vec::new();
    for (s, _, spans, mentions) in dev {
        let mut margins = vec![f32::INFINITY; s.len()];
        model.tag_scored(&s.input(), &mut scratch, &mut out, |i, m| margins[i] = m);
        let mut found = Vec::new();
        byline_tag::decode_mentions(spans, &out, &margins, &mut found);
        let names: Vec<String> = s
            .tags()
            .iter()
            .map(|&x| ENTITY_TAGS[x as usize].to_string())
            .collect();
        let gold: Vec<(Span, String)> = gold_spans(&names)
            .into_iter()
            .map(|(a, b, ty)| (Span::new(spans[a].start, spans[b - 1].end), ty))
            .collect();
        for m in found {
            let agrees = mentions
                .iter()
                .any(|g| g.span == m.span && group(g.label) == m.label);
            if !agrees {
                let right = gold.iter().any(|(sp, ty)| *sp == m.span && ty == m.label);
                seen.push((m.label, m.margin, right));
            }
        }
    }
    for label in ["PER", "ORG", "LOC"] {
        let mut v: Vec<(f32, bool)> = seen
            .iter()
            .filter(|x| x.0 == label)
            .map(|x| (x.1, x.2))
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
        println!(
            "calibration {label}: {} model-only mentions on UNER dev",
            v.len()
        );
        for chunk in v.chunks(v.len().div_ceil(8).max(1)) {
            let right = chunk.iter().filter(|x| x.1).count();
            println!(
                "  margin {:>8.3} .. {:>8.3}: {:>3} mentions, {:.2} right",
                chunk[0].0,
                chunk[chunk.len() - 1].0,
                chunk.len(),
                right as f64 / chunk.len() as f64
            );
        }
    }
}

fn score(model: &byline_tag::Model, test: &[TrainingSentence]) {
    let mut scratch = byline_tag::Scratch::default();
    let mut out = Vec::new();
    let mut counts = std::collections::BTreeMap::<String, (usize, usize, usize)>::new();
    for s in test {
        model.tag(&s.input(), &mut scratch, &mut out);
        let name = |t: &[u8]| -> Vec<String> {
            t.iter()
                .map(|&x| ENTITY_TAGS[x as usize].to_string())
                .collect()
        };
        let gold = gold_spans(&name(s.tags()));
        let pred = gold_spans(&name(&out));
        for ty in ["PER", "ORG", "LOC", "ALL"] {
            let g: Vec<_> = gold.iter().filter(|x| ty == "ALL" || x.2 == ty).collect();
            let p: Vec<_> = pred.iter().filter(|x| ty == "ALL" || x.2 == ty).collect();
            let tp = p.iter().filter(|x| g.contains(x)).count();
            let e = counts.entry(ty.to_string()).or_default();
            e.0 += tp;
            e.1 += p.len();
            e.2 += g.len();
        }
    }
    for (ty, (tp, np, ng)) in counts {
        let p = tp as f64 / np.max(1) as f64;
        let r = tp as f64 / ng.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "UNER English-EWT test, model alone, {ty}: P {p:.3} R {r:.3} F1 {f:.3} (gold {ng})"
        );
    }
}

fn run() -> Result<(), String> {
    let root = shared().join("data/training");
    let rec = EntityRecognizer::new(Gazetteer::embedded());
    let tok = Tokenizer::new();
    let mut sum: u64 = 0xcbf2_9ce4_8422_2325;
    let mut train = Vec::new();
    let skip = arg("--skip", "");
    let repeat: usize = arg("--repeat-first", "1")
        .parse()
        .map_err(|e| format!("--repeat-first: {e}"))?;
    for (k, c) in TRAIN.iter().enumerate() {
        let sentences = read(&root, c, &mut sum)?;
        if skip.split(',').any(|x| x == k.to_string()) {
            continue;
        }
        for _ in 0..if k == 0 { repeat } else { 1 } {
            for s in &sentences {
                train.push(featurize(s, &rec, &tok));
            }
        }
    }
    eprintln!("inputs checksum {sum:#018x}");
    if sum != PINNED {
        return Err(format!(
            "inputs differ from the pinned ones ({PINNED:#018x})"
        ));
    }
    let mut ignore = 0;
    let test: Vec<TrainingSentence> = read(&root, &TEST, &mut ignore)?
        .iter()
        .map(|s| featurize(s, &rec, &tok))
        .collect();
    let bits: u32 = arg("--bits", "17")
        .parse()
        .map_err(|e| format!("--bits: {e}"))?;
    if std::env::args().any(|a| a == "--calibrate") {
        let mut ignore = 0;
        let dev: Vec<Featurized> = read(&root, &TRAIN[0], &mut ignore)?
            .iter()
            .map(|s| featurize_full(s, &rec, &tok))
            .collect();
        let mut rest = Vec::new();
        for c in &TRAIN[1..] {
            for s in read(&root, c, &mut ignore)? {
                rest.push(featurize(&s, &rec, &tok));
            }
        }
        let tags = ENTITY_TAGS.iter().map(|s| s.to_string()).collect();
        let model = Trainer::new(tags, bits).train(&rest, 8, 1);
        calibrate(&model, &dev);
        return Ok(());
    }
    let epochs: usize = arg("--epochs", "8")
        .parse()
        .map_err(|e| format!("--epochs: {e}"))?;
    let tokens: usize = train.iter().map(TrainingSentence::len).sum();
    eprintln!(
        "training on {} sentences, {tokens} tokens; 2^{bits} rows, {epochs} epochs",
        train.len()
    );
    let tags = ENTITY_TAGS.iter().map(|s| s.to_string()).collect();
    let model = Trainer::new(tags, bits).train(&train, epochs, 1);
    score(&model, &test);
    let out = arg("--out", "");
    if !out.is_empty() {
        let bytes = model.to_bytes();
        std::fs::write(&out, &bytes).map_err(|e| format!("{out}: {e}"))?;
        println!("wrote {out}: {} bytes", bytes.len());
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_entities: {e}");
            ExitCode::FAILURE
        }
    }
}
