//! The Telegram transport: `opop-bot run`.
//!
//! Owns every teloxide type. Flow: the poller asks getUpdates, stores each
//! raw update in the sled inbox, waits for a group-commit flush covering
//! it, and only then moves its offset (the next getUpdates confirms what is
//! on disk, never more). Workers handle the updates, one chat always on the
//! same worker so a chat's updates stay in order while chats run in
//! parallel; each update is marked processed in the transaction of its
//! state change, written without a flush. The committer (`commit.rs`)
//! flushes every few milliseconds and releases the outbox rows each flush
//! covered to the sender, which keeps Telegram's limits (`limits.rs`). Shutdown
//! (SIGINT/SIGTERM) stops polling, lets workers finish the update in hand,
//! flushes and returns.
//!
//! teloxide's stock `Polling` and dispatcher are not used: they confirm a
//! batch before any handler ran, so a crash in between loses messages.

mod commands;
mod commit;
pub mod limits;
mod sender;
pub mod update;

use std::future::Future;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use teloxide::Bot;
use teloxide::payloads::GetUpdatesSetters;
use teloxide::prelude::Requester;
use teloxide::types::{AllowedUpdate, Update};
use tokio::sync::watch;

use crate::app::{App, TelegramParts};
use crate::dialog::EventKind;
use commit::GroupCommit;
use update::Incoming;

/// Long-poll timeout; below teloxide's 17 s request timeout.
const POLL_TIMEOUT_SECS: u32 = 10;
/// Parallel update workers (chats are spread over them by id).
const WORKERS: usize = 4;
/// How long to wait for the rest of an album arriving in the same batch.
const ALBUM_WAIT: Duration = Duration::from_millis(150);

/// Why `run` cannot start.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("TELOXIDE_TOKEN is not set: create a bot with @BotFather and export its token")]
    Missing,
    #[error(
        "TELOXIDE_TOKEN does not look like a bot token (expected digits, ':', then at least 30 letters, digits, '_' or '-')"
    )]
    Malformed,
    #[error("TELOXIDE_API_URL is not a valid URL")]
    BadApiUrl,
}

/// Reads and checks the token and the optional Bot API URL. The token is
/// never printed, not even in errors.
pub fn bot_from_env() -> Result<Bot, TokenError> {
    let token = std::env::var("TELOXIDE_TOKEN").map_err(|_| TokenError::Missing)?;
    let token = token.trim();
    if token.is_empty() {
        return Err(TokenError::Missing);
    }
    let (id, secret) = token.split_once(':').ok_or(TokenError::Malformed)?;
    let well_formed = !id.is_empty()
        && id.chars().all(|c| c.is_ascii_digit())
        && secret.len() >= 30
        && secret
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !well_formed {
        return Err(TokenError::Malformed);
    }
    let mut bot = Bot::new(token);
    if let Ok(url) = std::env::var("TELOXIDE_API_URL") {
        if !url.trim().is_empty() {
            let url = reqwest::Url::parse(url.trim().trim_end_matches('/'))
                .map_err(|_| TokenError::BadApiUrl)?;
            bot = bot.set_api_url(url);
        }
    }
    Ok(bot)
}

/// `OPOP_UNTHROTTLED=1` turns the client-side limits off, for benchmarks
/// that compare the bot with reference bots (which have none) against a
/// fake Bot API. Honoured only when the Bot API is on a loopback address,
/// so a production bot can never run without them.
fn unthrottled(bot: &Bot) -> bool {
    let asked = std::env::var("OPOP_UNTHROTTLED").is_ok_and(|v| v == "1");
    let url = bot.api_url();
    let host = url.host_str().unwrap_or_default().trim_matches(['[', ']']);
    let loopback = host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if asked && !loopback {
        tracing::warn!("OPOP_UNTHROTTLED ignored: the Bot API is not on loopback");
    }
    asked && loopback
}

/// Runs the bot until `shutdown` completes.
pub async fn run(
    app: Arc<App>,
    bot: Bot,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let me = bot.get_me().await?;
    tracing::info!(bot = %me.username(), "connected to Telegram");
    commands::register(&bot, &app).await;

    // A broadcast delivery left in the outbox by the last stop may already
    // be at Telegram: never sent again. Settled before the sender and the
    // broadcast pump start, so no delivery queued from now on is touched.
    match app.store.interrupt_broadcast_rows() {
        Ok(0) => {}
        Ok(n) => tracing::warn!(
            deliveries = n,
            "broadcast deliveries interrupted by the last stop"
        ),
        Err(e) => tracing::error!(error = %e, "cannot settle interrupted broadcast deliveries"),
    }
    let (stop_tx, stop_rx) = watch::channel(false);
    // What the outbox holds now goes first; every row written from here on
    // reaches the sender when a flush has put it on disk.
    let initial = app.store.outbox_rows(usize::MAX)?;
    let (rows_tx, rows_rx) = tokio::sync::mpsc::unbounded_channel();
    let commit = Arc::new(GroupCommit::default());
    app.store.set_outlet(rows_tx);
    let limits = if unthrottled(&bot) {
        tracing::warn!("OPOP_UNTHROTTLED: no client-side rate limits (Bot API on loopback)");
        limits::Limiter::off()
    } else {
        limits::Limiter::telegram()
    };
    let sender = tokio::spawn(sender::run(
        Arc::clone(&app),
        bot.clone(),
        Arc::new(limits),
        initial,
        rows_rx,
        Arc::clone(&commit),
        stop_rx.clone(),
    ));

    // Workers: plain threads, since handling is synchronous sled work.
    // They write without flushing; the committer flushes once for all that
    // was written meanwhile (group commit).
    let committer = {
        let (app, commit) = (Arc::clone(&app), Arc::clone(&commit));
        std::thread::spawn(move || commit.run(&app.store))
    };
    let mut queues = Vec::new();
    let mut workers = Vec::new();
    for _ in 0..WORKERS {
        let (tx, rx) = mpsc::channel::<(i64, Update)>();
        let (app, commit) = (Arc::clone(&app), Arc::clone(&commit));
        workers.push(std::thread::spawn(move || worker(&app, &rx, &commit)));
        queues.push(tx);
    }
    // What a crash left in the inbox is handled before anything new.
    for (id, raw) in app.store.inbox_pending()? {
        dispatch(&queues, id, &raw);
    }

    let digest = tokio::spawn(digest_loop(Arc::clone(&app), stop_rx.clone()));
    let pump = tokio::spawn(broadcast_loop(Arc::clone(&app), stop_rx.clone()));

    #[cfg(unix)]
    let control = tokio::spawn(crate::control::serve(
        Arc::clone(&app),
        app.config.bot.data_dir.clone(),
        stop_rx.clone(),
    ));

    let poller = poll(
        Arc::clone(&app),
        bot.clone(),
        queues,
        Arc::clone(&commit),
        stop_rx.clone(),
    );
    tokio::select! {
        result = poller => result?,
        () = shutdown => tracing::info!("shutting down"),
    }
    // The poller's future is dropped here: its queues close, workers finish
    // the update in hand and stop.
    let _ = stop_tx.send(true);
    tokio::task::spawn_blocking(move || {
        for w in workers {
            let _ = w.join();
        }
        commit.stop();
        let _ = committer.join();
    })
    .await?;
    let _ = digest.await;
    let _ = pump.await;
    #[cfg(unix)]
    let _ = control.await;
    let _ = sender.await;
    app.store.flush()?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// Checks every half minute whether the daily digest is due (also right
/// at start, so a bot that was down at digest time sends it on return),
/// and makes the day's automatic backup.
async fn digest_loop(app: Arc<App>, mut stop: watch::Receiver<bool>) {
    loop {
        if app.config.bot.backups {
            let app2 = Arc::clone(&app);
            let backup = tokio::task::spawn_blocking(move || {
                let dir = app2.config.bot.data_dir.join("backups");
                app2.store
                    .daily_backup(&dir, jiff::Timestamp::now(), app2.config.bot.keep_backups)
            })
            .await;
            match backup {
                Ok(Ok(Some(path))) => {
                    tracing::info!(path = %path.display(), "daily backup written")
                }
                Ok(Ok(None)) => {}
                Ok(Err(e)) => tracing::error!(error = %e, "daily backup failed"),
                Err(e) => tracing::error!(error = %e, "backup task failed"),
            }
        }
        let app2 = Arc::clone(&app);
        match tokio::task::spawn_blocking(move || app2.send_digest_if_due(jiff::Timestamp::now()))
            .await
        {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::error!(error = %e, "cannot queue the daily digest"),
            Err(e) => tracing::error!(error = %e, "digest task failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(30)) => {}
            _ = stop.changed() => return,
        }
        if *stop.borrow() {
            return;
        }
    }
}

/// Drives broadcasts: starts due jobs, keeps a small window of deliveries
/// in the outbox, updates progress lines, reports the end.
async fn broadcast_loop(app: Arc<App>, mut stop: watch::Receiver<bool>) {
    loop {
        let app2 = Arc::clone(&app);
        let round = tokio::task::spawn_blocking(move || {
            crate::broadcast::pump(&app2.content, &app2.store, jiff::Timestamp::now())
        })
        .await;
        match round {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::error!(error = %e, "broadcast round failed"),
            Err(e) => tracing::error!(error = %e, "broadcast task failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(100)) => {}
            _ = stop.changed() => return,
        }
        if *stop.borrow() {
            return;
        }
    }
}

/// getUpdates in a loop; an update is confirmed (by the next call's offset)
/// only after it is in the inbox on disk.
async fn poll(
    app: Arc<App>,
    bot: Bot,
    queues: Vec<mpsc::Sender<(i64, Update)>>,
    commit: Arc<GroupCommit>,
    stop: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let mut offset: Option<i32> = None;
    let mut backoff = Duration::from_secs(1);
    loop {
        if *stop.borrow() {
            return Ok(());
        }
        let mut request = bot
            .get_updates()
            .timeout(POLL_TIMEOUT_SECS)
            .allowed_updates(vec![
                AllowedUpdate::Message,
                AllowedUpdate::CallbackQuery,
                AllowedUpdate::MyChatMember,
            ]);
        if let Some(o) = offset {
            request = request.offset(o);
        }
        let updates = match request.await {
            Ok(u) => {
                backoff = Duration::from_secs(1);
                u
            }
            Err(teloxide::RequestError::RetryAfter(s)) => {
                tokio::time::sleep(s.duration()).await;
                continue;
            }
            Err(e) => {
                tracing::warn!(error = %e, "getUpdates failed; retrying");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(30));
                continue;
            }
        };
        if updates.is_empty() {
            continue;
        }
        let raw: Vec<(i64, Vec<u8>)> = updates
            .iter()
            .map(|u| {
                (
                    i64::from(u.id.0),
                    serde_json::to_vec(u).expect("updates serialize"),
                )
            })
            .collect();
        let (store, commit) = (app.store.clone(), Arc::clone(&commit));
        tokio::task::spawn_blocking(move || {
            store.inbox_put_unflushed(&raw)?;
            commit.wait_durable();
            Ok::<_, crate::store::StoreError>(())
        })
        .await??;
        fault_point("after-inbox");
        offset = updates.iter().map(|u| u.id.0 as i32 + 1).max();
        for update in updates {
            send_to_worker(&queues, i64::from(update.id.0), update);
        }
    }
}

/// Test-only fault injection: `OPOP_FAULT=after-inbox` kills the process
/// right after a batch was stored and before any of it was handled, as a
/// crash would.
fn fault_point(name: &str) {
    if std::env::var("OPOP_FAULT").is_ok_and(|v| v == name) {
        tracing::warn!(point = name, "OPOP_FAULT: aborting");
        std::process::abort();
    }
}

/// Sends a stored update (left by the last stop) to the worker of its chat.
fn dispatch(queues: &[mpsc::Sender<(i64, Update)>], id: i64, raw: &[u8]) {
    match serde_json::from_slice(raw) {
        Ok(update) => send_to_worker(queues, id, update),
        Err(e) => tracing::error!(update_id = id, error = %e, "stored update cannot be read"),
    }
}

/// Sends an update to the worker of its chat.
fn send_to_worker(queues: &[mpsc::Sender<(i64, Update)>], id: i64, update: Update) {
    let chat = update.chat().map_or(0, |c| c.id.0);
    let shard = chat.unsigned_abs() as usize % queues.len();
    let _ = queues[shard].send((id, update));
}

fn worker(app: &App, rx: &mpsc::Receiver<(i64, Update)>, commit: &GroupCommit) {
    let mut next: Option<(i64, Update)> = None;
    loop {
        let (id, update) = match next.take() {
            Some(item) => item,
            None => match rx.recv() {
                Ok(item) => item,
                Err(_) => return,
            },
        };
        let now = jiff::Timestamp::now();
        let staff_chat = app.staff_chat();
        let incoming = update::incoming(&update, staff_chat, now);
        let result = match incoming {
            Incoming::Ignore => app.store.mark_processed(&[id]),
            Incoming::Membership { user, active } => app
                .store
                .set_user_active(user, active, now)
                .and_then(|()| app.store.mark_processed(&[id])),
            Incoming::Event {
                mut event,
                username,
                callback,
                media_group,
            } => {
                // An album arrives as several updates: one step, one reply.
                let mut more = Vec::new();
                if let (Some(group), EventKind::Photos(photos)) = (&media_group, &mut event.kind) {
                    while let Ok((next_id, next_update)) = rx.recv_timeout(ALBUM_WAIT) {
                        match update::incoming(&next_update, staff_chat, now) {
                            Incoming::Event {
                                event: e,
                                media_group: Some(g),
                                ..
                            } if &g == group && e.chat == event.chat => {
                                if let EventKind::Photos(p) = e.kind {
                                    photos.extend(p);
                                }
                                more.push(next_id);
                            }
                            _ => {
                                next = Some((next_id, next_update));
                                break;
                            }
                        }
                    }
                }
                let parts = TelegramParts {
                    more_updates: &more,
                    callback: callback.as_deref(),
                };
                app.handle_deferred(&event, Some(id), username.as_deref(), parts)
                    .map(|_| ())
            }
        };
        match result {
            Ok(()) => commit.mark(),
            // Left in the inbox: handled again at the next start.
            Err(e) => tracing::error!(update_id = id, error = %e, "cannot handle an update"),
        }
    }
}
