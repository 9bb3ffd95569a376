//! Throughput benchmark of byline (pipeline); filled in with its crate.

fn main() {}
