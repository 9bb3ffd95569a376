//! Trains the embedded Penn Treebank part-of-speech model and reports its accuracy on held-out
//! text.
//!
//! ```text
//! cargo run --release -p byline-tag --example train_penn -- [--bits 15] [--epochs 8] [--out crates/byline-tag/data/penn.bin]
//! ```
//!
//! Inputs and split are the Universal POS model's (`train_pos`), with the Penn tags (XPOS) of
//! the same files: the GUM train documents of the permissive genres and UD English-PUD, pinned
//! by checksum. Held out, never trained on: every tenth GUM document and every tenth PUD
//! sentence. Training is deterministic: same inputs, same bytes.

use std::process::ExitCode;

use byline_tag::Trainer;

#[path = "../tests/common/pos_data.rs"]
#[allow(dead_code)]
mod pos_data;

use pos_data::{accuracy, PENN};

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
}

fn run() -> Result<(), String> {
    let data = pos_data::load_tags(&pos_data::shared(), 4, &PENN)?;
    eprintln!("inputs checksum {:#018x}", data.checksum);
    if data.checksum != pos_data::PINNED {
        return Err(format!(
            "inputs differ from the pinned ones ({:#018x})",
            pos_data::PINNED
        ));
    }
    let bits: u32 = arg("--bits", &pos_data::PENN_BITS.to_string())
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
    let tags = PENN.iter().map(|s| s.to_string()).collect();
    let model = Trainer::new(tags, bits).train(&data.train, epochs, pos_data::SEED);
    let (gr, ga) = accuracy(&model, &data.held_gum);
    let (pr, pa) = accuracy(&model, &data.held_pud);
    println!(
        "held-out GUM documents: Penn {:.4} ({gr}/{ga})",
        gr as f64 / ga as f64
    );
    println!(
        "held-out PUD sentences: Penn {:.4} ({pr}/{pa})",
        pr as f64 / pa as f64
    );
    println!(
        "held-out together:      Penn {:.4} ({}/{})",
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
            eprintln!("train_penn: {e}");
            ExitCode::FAILURE
        }
    }
}
