//! Group commit: workers and the poller write without flushing; one thread
//! flushes whatever was written since its last flush, which also hands
//! the outbox rows it covered to the sender (`Store::flush`). A flush is
//! a write and an fsync; one every few milliseconds covers all the
//! updates handled meanwhile, so under load the cost of durability is
//! shared instead of paid per update.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::store::Store;

/// The least time between two flushes. An answer waits at most this long
/// for its flush; at Telegram's round trips (tens of milliseconds) it is
/// not seen, and it bounds fsyncs to a few hundred a second.
const INTERVAL: Duration = Duration::from_millis(4);

/// After a flush fails (a full disk), nothing more is confirmed to
/// Telegram or released to the sender: the bot stops, and what it wrote
/// but could not flush is handled again after the restart.
pub struct GroupCommit {
    state: Mutex<State>,
    cv: Condvar,
    /// Why the store could not be written, once it could not.
    failed: watch::Sender<Option<String>>,
    /// Flushes finished, for tasks that wait without a thread
    /// ([`GroupCommit::durable`]).
    finished: watch::Sender<u64>,
}

impl Default for GroupCommit {
    fn default() -> Self {
        GroupCommit {
            state: Mutex::default(),
            cv: Condvar::new(),
            failed: watch::channel(None).0,
            finished: watch::channel(0).0,
        }
    }
}

#[derive(Default)]
struct State {
    /// Something was written since the last flush began.
    dirty: bool,
    stopping: bool,
    /// A flush failed: the store cannot be written any more.
    broken: bool,
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
        let mut state = self.lock();
        if !state.dirty {
            // Only the committer waits for this, and only while nothing
            // is marked: once something is, it flushes without a call.
            state.dirty = true;
            drop(state);
            self.cv.notify_all();
        }
    }

    /// Returns once everything written before the call is on disk (or the
    /// committer is stopping); an error when the store can no longer be
    /// written. It waits on the runtime, holding no thread.
    pub async fn durable(&self) -> Result<(), String> {
        let mut finished = self.finished.subscribe();
        let target = {
            let mut state = self.lock();
            state.dirty = true;
            // A flush already running may have begun before this write.
            let target = state.started + 1;
            self.cv.notify_all();
            if state.broken || state.stopping {
                return self.failed().map_or(Ok(()), Err);
            }
            target
        };
        let mut failed = self.failed.subscribe();
        tokio::select! {
            done = finished.wait_for(|f| *f >= target) => {
                done.map(|_| ()).map_err(|_| "the committer stopped".to_string())
            }
            reason = failed.wait_for(Option::is_some) => {
                Err(reason.ok().and_then(|r| r.clone()).unwrap_or_default())
            }
        }
    }

    /// Why the store could not be written, if a flush failed.
    pub fn failed(&self) -> Option<String> {
        self.failed.borrow().clone()
    }

    /// Resolves with the reason once a flush failed.
    pub async fn failure(&self) -> String {
        let mut failed = self.failed.subscribe();
        let reason = failed.wait_for(Option::is_some).await;
        reason.ok().and_then(|r| r.clone()).unwrap_or_default()
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
            let result = match injected_failure() {
                Some(reason) => Err(reason),
                None => store.flush_group().map_err(|e| e.to_string()),
            };
            let mut state = self.lock();
            if let Err(reason) = result {
                // sled keeps a flush error for good: no flush will succeed
                // in this process. Nothing more is confirmed or sent; the
                // rows stay in the store for the next start.
                state.broken = true;
                drop(state);
                self.failed.send_replace(Some(reason));
                self.cv.notify_all();
                return;
            }
            state.finished = state.started;
            let finished = state.finished;
            drop(state);
            self.cv.notify_all();
            self.finished.send_replace(finished);
            if stopping {
                return;
            }
        }
    }
}

/// Test-only fault injection: with `OPOP_FAULT=disk-full:PATH`, flushing
/// fails while the file PATH exists, as on a full disk (the tests use a
/// small tmpfs instead where they can mount one).
fn injected_failure() -> Option<String> {
    let fault = std::env::var("OPOP_FAULT").ok()?;
    let path = fault.strip_prefix("disk-full:")?;
    std::path::Path::new(path)
        .exists()
        .then(|| "No space left on device (os error 28, injected)".to_string())
}
