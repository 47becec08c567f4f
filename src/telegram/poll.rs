//! Reading Telegram: getUpdates in a loop, each batch into the inbox and
//! on disk before its offset is confirmed, then to the workers — one chat
//! always on the same worker, so a chat's updates stay in order while
//! chats run in parallel. A worker folds an album's photos into one event
//! and hands each [`Delivery`] to [`App`], written without a flush (the
//! committer's group commit covers it).

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use teloxide::Bot;
use teloxide::payloads::GetUpdatesSetters;
use teloxide::prelude::Requester;
use teloxide::types::{AllowedUpdate, Update};
use tokio::sync::watch;

use super::commit::GroupCommit;
use super::update::{self, Incoming};
use crate::app::App;
use crate::background::Background;
use crate::event::{Delivery, EventKind};

/// Long-poll timeout; below teloxide's 17 s request timeout.
const POLL_TIMEOUT_SECS: u32 = 10;
/// Parallel update workers (chats are spread over them by id).
const WORKERS: usize = 4;
/// How long to wait for the rest of an album arriving in the same batch.
const ALBUM_WAIT: Duration = Duration::from_millis(150);

/// A worker's queue: update ids with their updates.
pub(super) type Queue = mpsc::Sender<(i64, Update)>;

/// Starts the workers (plain threads: handling is synchronous sled work);
/// they stop when their queues close.
pub(super) fn start_workers(
    app: &Arc<App>,
    commit: &Arc<GroupCommit>,
    background: &mut Background,
) -> Vec<Queue> {
    let mut queues = Vec::new();
    for _ in 0..WORKERS {
        let (tx, rx) = mpsc::channel::<(i64, Update)>();
        let (app, commit) = (Arc::clone(app), Arc::clone(commit));
        background.thread("worker", move || worker(&app, &rx, &commit));
        queues.push(tx);
    }
    queues
}

/// getUpdates in a loop; an update is confirmed (by the next call's offset)
/// only after it is in the inbox on disk.
pub(super) async fn poll(
    app: Arc<App>,
    bot: Bot,
    queues: Vec<Queue>,
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
        let updates = match super::api::call(&bot, request).await {
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
            commit.wait_durable().map_err(anyhow::Error::msg)
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
pub(super) fn dispatch(queues: &[Queue], id: i64, raw: &[u8]) {
    match serde_json::from_slice(raw) {
        Ok(update) => send_to_worker(queues, id, update),
        Err(e) => tracing::error!(update_id = id, error = %e, "stored update cannot be read"),
    }
}

/// Sends an update to the worker of its chat.
fn send_to_worker(queues: &[Queue], id: i64, update: Update) {
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
        let result = match update::incoming(&update, staff_chat, now) {
            Incoming::Ignore => app.store.mark_processed(&[id], now),
            Incoming::Membership { user, active } => app
                .store
                .set_user_active(user, active, now)
                .and_then(|()| app.store.mark_processed(&[id], now)),
            Incoming::LeftGroup { chat } => app
                .staff_chat_lost(chat)
                .and_then(|()| app.store.mark_processed(&[id], now)),
            Incoming::Event(mut delivery) => {
                next = fold_album(&mut delivery, rx, staff_chat, now);
                app.handle_deferred(&delivery).map(|_| ())
            }
        };
        match result {
            Ok(()) => commit.mark(),
            // Left in the inbox: handled again at the next start.
            Err(e) => tracing::error!(update_id = id, error = %e, "cannot handle an update"),
        }
    }
}

/// An album arrives as several updates: the photos that follow in the
/// same chat and group join this delivery (one step, one reply). Returns
/// the first update that is not part of it, for the worker to handle next.
fn fold_album(
    delivery: &mut Delivery,
    rx: &mpsc::Receiver<(i64, Update)>,
    staff_chat: Option<i64>,
    now: jiff::Timestamp,
) -> Option<(i64, Update)> {
    let group = delivery.media_group.clone()?;
    let chat = delivery.event.chat;
    let EventKind::Photos(photos) = &mut delivery.event.kind else {
        return None;
    };
    while let Ok((next_id, next_update)) = rx.recv_timeout(ALBUM_WAIT) {
        match update::incoming(&next_update, staff_chat, now) {
            Incoming::Event(next)
                if next.media_group.as_deref() == Some(group.as_str())
                    && next.event.chat == chat =>
            {
                if let EventKind::Photos(p) = next.event.kind {
                    photos.extend(p);
                }
                delivery.more_updates.push(next_id);
            }
            _ => return Some((next_id, next_update)),
        }
    }
    None
}
