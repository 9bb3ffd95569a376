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

#[path = "../tests/common/pos_data.rs"]
#[allow(dead_code)]
mod pos_data;

fn main() -> ExitCode {
    pos_data::train_example("train_pos", "UPOS", 3, &pos_data::UPOS, pos_data::BITS)
}
