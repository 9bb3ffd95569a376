//! rayon thread pools for batches, built lazily, one per thread count, and rebuilt in a child
//! process after `fork` (the parent's worker threads do not exist there; using their pool would
//! hang).

use std::sync::{Arc, Mutex};

use rayon::{ThreadPool, ThreadPoolBuilder};

struct Pools {
    pid: u32,
    pools: Vec<(usize, Arc<ThreadPool>)>,
}

static POOLS: Mutex<Option<Pools>> = Mutex::new(None);

/// The thread count used when none is given: `BYLINE_NUM_THREADS` if set to a positive number,
/// else the number of CPUs.
pub fn default_threads() -> usize {
    std::env::var(byline::NUM_THREADS_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
}

/// The pool with `threads` workers for this process.
pub fn pool(threads: usize) -> Result<Arc<ThreadPool>, String> {
    let pid = std::process::id();
    let mut guard = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    let pools = match guard.as_mut() {
        Some(p) if p.pid == pid => p,
        _ => {
            // Forked child (or first use): the inherited pools' threads are gone. Leak them
            // rather than drop them: dropping would signal threads and locks that no longer exist.
            if let Some(old) = guard.take() {
                std::mem::forget(old.pools);
            }
            guard.insert(Pools {
                pid,
                pools: Vec::new(),
            })
        }
    };
    if let Some((_, pool)) = pools.pools.iter().find(|(n, _)| *n == threads) {
        return Ok(Arc::clone(pool));
    }
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("byline-{i}"))
        .build()
        .map_err(|e| format!("cannot start {threads} threads: {e}"))?;
    let pool = Arc::new(pool);
    pools.pools.push((threads, Arc::clone(&pool)));
    Ok(pool)
}

/// Forgets every pool: called in a child process right after `fork`.
pub fn forget_after_fork() {
    let mut guard = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(old) = guard.take() {
        std::mem::forget(old.pools);
    }
}
