//! Crashes on purpose where a test asks, in debug builds only, so that the
//! tests of interrupted imports and index builds stop them at a chosen
//! batch, not at a guessed moment. `EDICOLA_TEST_KILL_AT=POINT:N` kills the
//! process (SIGKILL, as `kill -9` would: nothing is cleaned up) the Nth
//! time it reaches `POINT`. Release builds compile this to nothing.

/// The points a test can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// An import wrote a batch of articles, not yet committed.
    ImportBatch,
    /// An import committed what it wrote.
    ImportCommit,
    /// An index build committed a batch.
    IndexBatch,
    /// A sync committed a page of items with its cursor.
    SyncPage,
    /// The server took a batch of marks, not yet dropped from the queue.
    SyncMarksSent,
}

impl Point {
    #[cfg(debug_assertions)]
    fn name(self) -> &'static str {
        match self {
            Point::ImportBatch => "import-batch",
            Point::ImportCommit => "import-commit",
            Point::IndexBatch => "index-batch",
            Point::SyncPage => "sync-page",
            Point::SyncMarksSent => "sync-marks-sent",
        }
    }
}

/// Marks that `point` was reached.
#[cfg(debug_assertions)]
pub fn reached(point: Point) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static TIMES: AtomicUsize = AtomicUsize::new(0);
    let Some(spec) = std::env::var_os("EDICOLA_TEST_KILL_AT") else {
        return;
    };
    let spec = spec.to_string_lossy();
    let Some((name, n)) = spec.split_once(':') else {
        return;
    };
    if name != point.name() {
        return;
    }
    let times = TIMES.fetch_add(1, Ordering::SeqCst) + 1;
    if n.parse::<usize>().is_ok_and(|n| n == times) {
        // SAFETY: kill and getpid have no preconditions.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
    }
}

/// Marks that `point` was reached (nothing in release builds).
#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn reached(_point: Point) {}
