//! Group commit: workers and the poller write without flushing; one thread
//! flushes whatever was written since its last flush, which also hands
//! the outbox rows it covered to the sender (`Store::flush`). A flush is
//! a write and an fsync; one every few milliseconds covers all the
//! updates handled meanwhile, so under load the cost of durability is
//! shared instead of paid per update.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::store::Store;

/// The least time between two flushes. An answer waits at most this long
/// for its flush; at Telegram's round trips (tens of milliseconds) it is
/// not seen, and it bounds fsyncs to a few hundred a second.
const INTERVAL: Duration = Duration::from_millis(4);

#[derive(Default)]
pub struct GroupCommit {
    state: Mutex<State>,
    cv: Condvar,
}

#[derive(Default)]
struct State {
    /// Something was written since the last flush began.
    dirty: bool,
    stopping: bool,
    /// Flushes begun and finished.
    started: u64,
    finished: u64,
}

impl GroupCommit {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Something was written: flush soon.
    pub fn mark(&self) {
        self.lock().dirty = true;
        self.cv.notify_all();
    }

    /// Returns once everything written before the call is on disk.
    pub fn wait_durable(&self) {
        let mut state = self.lock();
        state.dirty = true;
        // A flush already running may have begun before this write.
        let target = state.started + 1;
        self.cv.notify_all();
        while state.finished < target && !state.stopping {
            state = self.cv.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Ends [`GroupCommit::run`] after a last flush.
    pub fn stop(&self) {
        self.lock().stopping = true;
        self.cv.notify_all();
    }

    /// The committer thread's loop.
    pub fn run(&self, store: &Store) {
        let mut last = Instant::now() - INTERVAL;
        loop {
            let mut state = self.lock();
            while !state.dirty && !state.stopping {
                state = self.cv.wait(state).unwrap_or_else(|e| e.into_inner());
            }
            drop(state);
            // Let more work gather behind this flush.
            if let Some(rest) = INTERVAL.checked_sub(last.elapsed()) {
                std::thread::sleep(rest);
            }
            let mut state = self.lock();
            state.dirty = false;
            state.started += 1;
            let stopping = state.stopping;
            drop(state);
            last = Instant::now();
            let result = store.flush();
            let mut state = self.lock();
            match result {
                Ok(()) => state.finished = state.started,
                Err(e) => {
                    // The rows stay unflushed and go with the next flush.
                    tracing::error!(error = %e, "group commit: flush failed");
                    state.dirty = true;
                }
            }
            drop(state);
            self.cv.notify_all();
            if stopping {
                return;
            }
        }
    }
}
