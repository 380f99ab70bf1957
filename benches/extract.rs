//! How long extraction of dates and figures takes over the whole default corpus.

use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

fn mentions(c: &mut Criterion) {
    let loaded = match attest::load_corpus(Some(Path::new("seeds"))) {
        Ok(loaded) => loaded,
        Err(e) => panic!("cannot load the corpus: {e}"),
    };
    let documents = &loaded.corpus.documents;
    c.bench_function("dates of the corpus", |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|doc| attest::value::date::find(std::hint::black_box(&doc.text)).len())
                .sum::<usize>()
        });
    });
    c.bench_function("figures of the corpus", |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|doc| attest::value::figure::find(std::hint::black_box(&doc.text)).len())
                .sum::<usize>()
        });
    });
    c.bench_function("mentions of the corpus", |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|doc| {
                    let m = attest::extract::mentions(std::hint::black_box(doc));
                    m.dates.len() + m.figures.len()
                })
                .sum::<usize>()
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = mentions
}
criterion_main!(benches);
