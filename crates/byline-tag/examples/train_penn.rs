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

#[path = "../tests/common/pos_data.rs"]
#[allow(dead_code)]
mod pos_data;

fn main() -> ExitCode {
    pos_data::train_example(
        "train_penn",
        "Penn",
        4,
        &pos_data::PENN,
        pos_data::PENN_BITS,
    )
}
