//! How long `attest check` takes on the shipped claims and corpus, from reading the files to
//! the verdicts (what a CI job waits for, less process start-up).
//!
//! Run: `cargo bench --bench check`.

use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

fn check(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut options = attest::Options::new(vec![root.join("claims")]);
    options.corpus = Some(root.join("seeds"));
    c.bench_function("check claims/ against seeds/", |b| {
        b.iter(|| attest::check(&options).expect("the shipped corpus loads"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(5));
    targets = check
}
criterion_main!(benches);
