//! Times the phases of loading the embedded gazetteer.
use std::time::Instant;
fn main() {
    let t = Instant::now();
    let mut b = byline_gazetteer::Gazetteer::builder();
    b.add_embedded();
    eprintln!("parse {:?}", t.elapsed());
    let t = Instant::now();
    let g = b.build().unwrap();
    eprintln!("build {:?} {}", t.elapsed(), g.len());
    let bytes = g.to_bytes();
    let t = Instant::now();
    let back = byline_gazetteer::Gazetteer::from_bytes(&bytes).unwrap();
    eprintln!(
        "from_bytes {:?} {} bytes {}",
        t.elapsed(),
        bytes.len(),
        back.len()
    );
    eprintln!("memory {:.1} MB", back.memory_usage() as f64 / 1e6);
}
