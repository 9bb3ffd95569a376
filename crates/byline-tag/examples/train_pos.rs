//! Trains the embedded part-of-speech model and reports its accuracy on held-out text.
//!
//! ```text
//! cargo run --release -p byline-tag --example train_pos -- [--bits 17] [--epochs 8] [--out crates/byline-tag/data/pos.bin]
//! ```
//!
//! Inputs (openly licensed, pinned by checksum): the GUM train documents of the permissive
//! genres and UD English-PUD, from `$BYLINE_SHARED/data/training` (default `../shared`). Held
//! out, never trained on: every tenth GUM document (sorted by name: the 10th, 20th, ...) and
//! every tenth PUD sentence. Training is deterministic: same inputs, same bytes.

use std::process::ExitCode;

use byline_tag::Trainer;

#[path = "../tests/common/pos_data.rs"]
#[allow(dead_code)]
mod pos_data;

use pos_data::{accuracy, UPOS};

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
}

fn run() -> Result<(), String> {
    let data = pos_data::load(&pos_data::shared())?;
    eprintln!("inputs checksum {:#018x}", data.checksum);
    if data.checksum != pos_data::PINNED {
        return Err(format!(
            "inputs differ from the pinned ones ({:#018x})",
            pos_data::PINNED
        ));
    }
    let bits: u32 = arg("--bits", &pos_data::BITS.to_string())
        .parse()
        .map_err(|e| format!("--bits: {e}"))?;
    let epochs: usize = arg("--epochs", &pos_data::EPOCHS.to_string())
        .parse()
        .map_err(|e| format!("--epochs: {e}"))?;
    let tokens: usize = data.train.iter().map(|s| s.len()).sum();
    eprintln!(
        "training on {} sentences, {tokens} tokens; 2^{bits} rows, {epochs} epochs",
        data.train.len()
    );
    let tags = UPOS.iter().map(|s| s.to_string()).collect();
    let model = Trainer::new(tags, bits).train(&data.train, epochs, pos_data::SEED);
    let (gr, ga) = accuracy(&model, &data.held_gum);
    let (pr, pa) = accuracy(&model, &data.held_pud);
    println!(
        "held-out GUM documents: UPOS {:.4} ({gr}/{ga})",
        gr as f64 / ga as f64
    );
    println!(
        "held-out PUD sentences: UPOS {:.4} ({pr}/{pa})",
        pr as f64 / pa as f64
    );
    println!(
        "held-out together:      UPOS {:.4} ({}/{})",
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

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_pos: {e}");
            ExitCode::FAILURE
        }
    }
}
