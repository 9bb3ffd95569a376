//! Tokens per second of the embedded part-of-speech models (Universal POS, Penn Treebank),
//! tagging sentence by sentence with reused buffers as the pipeline does.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use byline_tag::{penn, pos, Input, Model, Scratch};

const TEXT: &str = "Iranian President Ebrahim Raisi condemned the West on Tuesday for allegedly supporting \" genocide \" carried out by Israel against Palestinians in Gaza .
\" We will not back down , \" he told a crowd in Tehran , where thousands had gathered since the early morning .
The United Nations said on Monday that aid convoys had reached the north of the strip for the first time in weeks .
Barcelona beat Leeds 2-1 at the Camp Nou , with Robert Lewandowski scoring twice in the second half .
Shares of Nordwind Bank fell 3.5 % after the lender reported a quarterly loss of $ 1.2 billion , its first since 2009 .
Theresa May said in May that the government would publish its plans before the summer recess .";

fn bench(c: &mut Criterion) {
    let sentences: Vec<Vec<&str>> = TEXT
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    tag_all(c, "pos", pos(), &sentences);
    tag_all(c, "penn", penn(), &sentences);
}

fn tag_all(c: &mut Criterion, name: &str, model: &'static Model, sentences: &[Vec<&str>]) {
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tag", |b| {
        let mut scratch = Scratch::default();
        let mut input = Input::new();
        let mut out = Vec::new();
        b.iter(|| {
            let mut n = 0;
            for s in sentences {
                input.clear();
                for w in s {
                    input.push(w);
                }
                model.tag(&input, &mut scratch, &mut out);
                n += out.len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
