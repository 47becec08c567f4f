//! Background work, owned: [`Background`] starts every worker thread and
//! task of a running bot and stops them in order; [`schedule`] adds the
//! jobs that run on a clock — the day's automatic backup and staff digest
//! (every 30 s it looks whether they are due) and the broadcast pump
//! (every 100 ms). They are not Telegram work: any transport that runs
//! the bot for long starts them here.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::app::App;

/// How often the daily backup and digest look whether they are due.
const DAILY_EVERY: Duration = Duration::from_secs(30);
/// How often the broadcast pump runs a round.
const PUMP_EVERY: Duration = Duration::from_millis(100);

/// A worker thread, and what tells it to finish before it is joined.
struct Thread {
    name: &'static str,
    handle: std::thread::JoinHandle<()>,
    on_stop: Option<Box<dyn FnOnce() + Send>>,
}

/// Every background worker of a running bot. [`Background::stop`] tells
/// them all (the `stopping` signal turns true), then waits for each, the
/// last started first: threads, then tasks.
pub struct Background {
    stop: watch::Sender<bool>,
    tasks: Vec<(&'static str, JoinHandle<()>)>,
    threads: Vec<Thread>,
}

impl Default for Background {
    fn default() -> Self {
        Background {
            stop: watch::channel(false).0,
            tasks: Vec::new(),
            threads: Vec::new(),
        }
    }
}

impl Background {
    /// Turns true when the workers are to stop.
    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stop.subscribe()
    }

    /// An async task on the runtime.
    pub fn task(&mut self, name: &'static str, work: impl Future<Output = ()> + Send + 'static) {
        self.tasks.push((name, tokio::spawn(work)));
    }

    /// A thread that ends on its own once its input closes.
    pub fn thread(&mut self, name: &'static str, work: impl FnOnce() + Send + 'static) {
        self.thread_stopped_by(name, work, || {});
    }

    /// A thread that `on_stop` tells to finish.
    pub fn thread_stopped_by(
        &mut self,
        name: &'static str,
        work: impl FnOnce() + Send + 'static,
        on_stop: impl FnOnce() + Send + 'static,
    ) {
        let handle = std::thread::Builder::new()
            .name(name.to_string())
            .spawn(work)
            .expect("a worker thread starts");
        self.threads.push(Thread {
            name,
            handle,
            on_stop: Some(Box::new(on_stop)),
        });
    }

    /// Stops everything and waits for it.
    pub async fn stop(mut self) {
        let _ = self.stop.send(true);
        let threads = std::mem::take(&mut self.threads);
        let joined = tokio::task::spawn_blocking(move || {
            for mut t in threads.into_iter().rev() {
                if let Some(on_stop) = t.on_stop.take() {
                    on_stop();
                }
                if t.handle.join().is_err() {
                    tracing::error!(worker = t.name, "a worker thread panicked");
                }
            }
        })
        .await;
        if let Err(e) = joined {
            tracing::error!(error = %e, "stopping the worker threads failed");
        }
        while let Some((name, task)) = self.tasks.pop() {
            if let Err(e) = task.await {
                tracing::error!(worker = name, error = %e, "a background task failed");
            }
        }
    }
}

/// Starts the jobs that run on a clock.
pub fn schedule(app: &Arc<App>, background: &mut Background) {
    let daily = Arc::clone(app);
    let pruned = std::sync::Mutex::new(None);
    background.task(
        "daily",
        every(
            DAILY_EVERY,
            background.stopping(),
            "daily jobs",
            move || {
                daily_jobs(&daily);
                prune_processed(&daily, &pruned);
            },
        ),
    );
    let pump = Arc::clone(app);
    background.task(
        "broadcasts",
        every(
            PUMP_EVERY,
            background.stopping(),
            "broadcast round",
            move || {
                if let Err(e) =
                    crate::broadcast::pump(&pump.content, &pump.store, jiff::Timestamp::now())
                {
                    tracing::error!(error = %e, "broadcast round failed");
                }
            },
        ),
    );
}

/// Runs `job` (blocking store work) right away and then every `period`,
/// until `stop` turns true.
async fn every(
    period: Duration,
    mut stop: watch::Receiver<bool>,
    name: &'static str,
    job: impl Fn() + Send + Sync + 'static,
) {
    let job = Arc::new(job);
    loop {
        let run = Arc::clone(&job);
        if let Err(e) = tokio::task::spawn_blocking(move || run()).await {
            tracing::error!(job = name, error = %e, "a scheduled job failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(period) => {}
            _ = stop.changed() => return,
        }
        if *stop.borrow() {
            return;
        }
    }
}

/// The day's automatic backup, then the staff digest, each once a day; a
/// bot that was down at their time does them when it comes back.
fn daily_jobs(app: &App) {
    if app.config.bot.backups {
        let dir = app.config.bot.data_dir.join("backups");
        match app
            .store
            .daily_backup(&dir, jiff::Timestamp::now(), app.config.bot.keep_backups)
        {
            Ok(Some(path)) => tracing::info!(path = %path.display(), "daily backup written"),
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "daily backup failed"),
        }
    }
    if let Err(e) = app.send_digest_if_due(jiff::Timestamp::now()) {
        tracing::error!(error = %e, "cannot queue the daily digest");
    }
}

/// Forgets old handled update ids, at most once an hour.
fn prune_processed(app: &App, last: &std::sync::Mutex<Option<jiff::Timestamp>>) {
    let now = jiff::Timestamp::now();
    let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
    if last.is_some_and(|at| now - at < jiff::SignedDuration::from_hours(1)) {
        return;
    }
    *last = Some(now);
    match app.store.prune_processed(now) {
        Ok(0) => {}
        Ok(n) => tracing::info!(pruned = n, "old handled update ids forgotten"),
        Err(e) => tracing::error!(error = %e, "cannot prune handled update ids"),
    }
}
