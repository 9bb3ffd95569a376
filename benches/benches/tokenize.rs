//! Throughput benchmark of byline (tokenize); filled in with its crate.

fn main() {}
