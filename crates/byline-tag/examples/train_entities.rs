//! Trains the embedded entity-mention model and reports its scores on UNER English-EWT test.
//!
//! ```text
//! cargo run --release -p byline-tag --example train_entities -- [--bits 17] [--epochs 12] [--seeds 1,2,3,4,5] [--out crates/byline-tag/data/entities.bin]
//! ```
//!
//! Inputs (openly licensed, pinned by checksum), from `$BYLINE_SHARED/data/training` (default
//! `../shared`): UNER English-EWT dev, WNUT-17 (train, dev, test), WikiGold, and the GUM
//! train documents other than news (their named people, organisations and places). UNER
//! English-EWT test is never trained on: it is the evaluation set; nor are GUM's news
//! documents, on which the pipeline's recall is measured.
//! Each sentence's words are joined by spaces and read by byline's tokenizer and gazetteer
//! recognizer, whose mentions become features (as in the pipeline). Training is
//! deterministic: same inputs, same bytes (`tests/entity_model.rs` checks the embedded model).
//!
//! Options for trying other settings: `--seeds 1,2` averages the models of these shuffle seeds;
//! `--skip 0,2` leaves out column files by index (GUM is `gum`); `--calibrate` prints the
//! margins of the mentions a model trained without UNER dev finds there alone.

use std::process::ExitCode;

use byline_tag::corpus::spans as gold_spans;
use byline_tag::{TrainingSentence, ENTITY_TAGS};
use byline_tokenize::Span;

#[path = "../tests/common/entity_data.rs"]
#[allow(dead_code)]
mod entity_data;

use entity_data::Featurized;

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
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
    for f in dev {
        let s = &f.sentence;
        let mut margins = vec![f32::INFINITY; s.len()];
        model.tag_scored(&s.input(), &mut scratch, &mut out, |i, m| margins[i] = m);
        let mut found = Vec::new();
        byline_tag::decode_mentions(&f.spans, &out, &margins, &mut found);
        let names: Vec<String> = s
            .tags()
            .iter()
            .map(|&x| ENTITY_TAGS[x as usize].to_string())
            .collect();
        let gold: Vec<(Span, String)> = gold_spans(&names)
            .into_iter()
            .map(|(a, b, ty)| (Span::new(f.spans[a].start, f.spans[b - 1].end), ty))
            .collect();
        for m in found {
            let agrees = f
                .mentions
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

fn run() -> Result<(), String> {
    let shared = entity_data::shared();
    let data = entity_data::load(&shared)?;
    eprintln!("inputs checksum {:#018x}", data.checksum);
    if data.checksum != entity_data::PINNED {
        return Err(format!(
            "inputs differ from the pinned ones ({:#018x})",
            entity_data::PINNED
        ));
    }
    let bits: u32 = arg("--bits", &entity_data::BITS.to_string())
        .parse()
        .map_err(|e| format!("--bits: {e}"))?;
    let epochs: usize = arg("--epochs", &entity_data::EPOCHS.to_string())
        .parse()
        .map_err(|e| format!("--epochs: {e}"))?;
    let default_seeds: Vec<String> = entity_data::SEEDS.iter().map(u64::to_string).collect();
    let seeds: Vec<u64> = arg("--seeds", &default_seeds.join(","))
        .split(',')
        .map(|x| x.parse().map_err(|e| format!("--seeds: {e}")))
        .collect::<Result<_, _>>()?;
    let skip = arg("--skip", "");
    let skipped = |k: &str| skip.split(',').any(|x| x == k);
    if std::env::args().any(|a| a == "--calibrate") {
        let root = shared.join("data/training");
        let f = entity_data::Featurizer::new();
        let mut ignore = 0;
        let dev: Vec<Featurized> = entity_data::read(&root, &entity_data::TRAIN[0], &mut ignore)?
            .iter()
            .map(|s| f.featurize(s))
            .collect();
        let mut rest: Vec<TrainingSentence> = data.columns[1..].iter().flatten().cloned().collect();
        rest.extend(data.gum.iter().cloned());
        let model = entity_data::train_model(&rest, bits, epochs, &seeds);
        calibrate(&model, &dev);
        return Ok(());
    }
    let mut train: Vec<TrainingSentence> = Vec::new();
    for (k, c) in data.columns.iter().enumerate() {
        if !skipped(&k.to_string()) {
            train.extend(c.iter().cloned());
        }
    }
    if !skipped("gum") {
        train.extend(data.gum.iter().cloned());
    }
    let tokens: usize = train.iter().map(TrainingSentence::len).sum();
    eprintln!(
        "training on {} sentences, {tokens} tokens; 2^{bits} rows, {epochs} epochs",
        train.len()
    );
    let model = entity_data::train_model(&train, bits, epochs, &seeds);
    for (ty, c) in entity_data::score(&model, &data.test) {
        let (p, r, f) = c.prf();
        println!(
            "UNER English-EWT test, model alone, {ty}: P {p:.3} R {r:.3} F1 {f:.3} (gold {})",
            c.gold
        );
    }
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
