//! A process forked after a batch (a multiprocessing worker, a pre-forking server) annotates
//! batches on threads of its own: the parent's pool has no threads in the child.
#![cfg(unix)]
// fork and waitpid have no safe wrapper in std.
#![allow(unsafe_code)]

use std::time::{Duration, Instant};

use byline::Pipeline;

fn batch_ok(nlp: &Pipeline) -> bool {
    let texts = vec![
        "\"We will respond,\" Raisi said.",
        "Kirby said the talks went well.",
        "One sentence. Two sentences.",
        "No quotes here.",
    ];
    let docs = nlp.annotate_batch(texts);
    docs.len() == 4
        && docs.iter().all(Result::is_ok)
        && docs[0].as_ref().is_ok_and(|d| d.quotes().len() == 1)
        && docs[2].as_ref().is_ok_and(|d| d.sentences().len() == 2)
}

#[test]
fn a_forked_child_runs_batches_on_its_own_threads() {
    let nlp = Pipeline::builder()
        .threads(2)
        .build()
        .expect("the default pipeline builds");
    assert!(batch_ok(&nlp), "the parent's batch");

    // SAFETY: the child only runs byline code and leaves with `_exit`; the parent waits for it.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let code = if batch_ok(&nlp) { 0 } else { 1 };
        // SAFETY: ends the child without running the parent's destructors or test harness.
        unsafe { libc::_exit(code) };
    }

    let deadline = Instant::now() + Duration::from_secs(120);
    let mut status = 0;
    loop {
        // SAFETY: waits for our own child without blocking.
        let done = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        if done == pid {
            break;
        }
        if Instant::now() > deadline {
            // SAFETY: the child is ours and has hung; end it before failing.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("the forked child's batch never finished (it waited on the parent's threads)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "the forked child's batch failed (status {status})"
    );
    // The parent's pool still works.
    assert!(batch_ok(&nlp), "the parent's batch after the fork");
}
