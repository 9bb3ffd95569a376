//! `BYLINE_NUM_THREADS` sets the thread count of pipelines whose builder does not. One test in
//! its own binary, since it changes the process's environment.

use byline::{Pipeline, NUM_THREADS_ENV};

#[test]
fn the_environment_sets_the_thread_count_unless_the_builder_does() {
    std::env::set_var(NUM_THREADS_ENV, "3");
    assert_eq!(Pipeline::new().threads(), 3);
    assert_eq!(Pipeline::builder().build().unwrap().threads(), 3);
    assert_eq!(Pipeline::builder().threads(2).build().unwrap().threads(), 2);

    std::env::set_var(NUM_THREADS_ENV, "1");
    let nlp = Pipeline::new();
    assert_eq!(nlp.threads(), 1);
    let docs = nlp.annotate_batch(vec!["One.", "Two. Three."]);
    assert_eq!(docs[1].as_ref().unwrap().sentences().len(), 2);

    // Not a number: one thread per core, as when unset.
    std::env::set_var(NUM_THREADS_ENV, "many");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    assert_eq!(Pipeline::new().threads(), cores);
    std::env::remove_var(NUM_THREADS_ENV);
}
