//! Reading Telegram: getUpdates in a loop, each batch into the inbox, to
//! the workers at once, and on disk before its offset is confirmed — one chat
//! always on the same worker, so a chat's updates stay in order while
//! chats run in parallel. A worker folds an album's photos into one event
//! and hands each [`Delivery`] to [`App`], written without a flush (the
//! committer's group commit covers it).

use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use serde_json::value::RawValue;
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
/// Parallel update workers (chats are spread over them by id): one per
/// core, at least 2 (one can work while the other waits for the
/// journal's writer) and at most 8. On two cores, 2 against the 4 there
/// were: 0.85–0.88× the reference's updates/s at 200 managers against
/// 0.73–0.86× in four alternating runs of 8 pairs; at 1,000 within noise
/// (0.82–0.91× against 0.80–0.91× in three).
fn workers() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8))
}

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
    for _ in 0..workers() {
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
        let raws = match super::api::call_as::<_, Vec<Box<RawValue>>>(&bot, request).await {
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
        if raws.is_empty() {
            continue;
        }
        let Batch { updates, raw, next } = read_batch(&raws);
        drop(raws);
        let store = app.store.clone();
        tokio::task::spawn_blocking(move || store.inbox_put_unflushed(&raw)).await??;
        if fault_armed("after-inbox") {
            durable(&commit).await?;
            tracing::warn!(point = "after-inbox", "OPOP_FAULT: aborting");
            std::process::abort();
        }
        // The workers start at once: their transactions follow the
        // batch's in the journal, so the flush that makes one durable
        // (and releases its replies) covers the batch too, and a crash
        // before it loses both, unconfirmed. Only the offset waits.
        offset = next.or(offset);
        for update in updates {
            send_to_worker(&queues, i64::from(update.id.0), update);
        }
        durable(&commit).await?;
    }
}

/// A getUpdates answer, read.
struct Batch {
    updates: Vec<Update>,
    /// Each update as Telegram sent it, for the inbox (kept as it came,
    /// not written again from the parsed form).
    raw: Vec<(i64, Vec<u8>)>,
    /// The offset that confirms the whole batch.
    next: Option<i32>,
}

/// The update id alone, of an update teloxide cannot read.
#[derive(serde::Deserialize)]
struct UpdateId {
    update_id: i32,
}

/// Reads each update of a batch on its own: one that cannot be read is
/// logged and confirmed with the others, so it cannot stop the bot
/// polling (as it would if the whole answer failed to parse).
fn read_batch(raws: &[Box<RawValue>]) -> Batch {
    let mut batch = Batch {
        updates: Vec::with_capacity(raws.len()),
        raw: Vec::with_capacity(raws.len()),
        next: None,
    };
    for r in raws {
        let id = match serde_json::from_str::<Update>(r.get()) {
            Ok(update) => {
                let id = update.id.0 as i32;
                batch.raw.push((i64::from(id), r.get().as_bytes().to_vec()));
                batch.updates.push(update);
                id
            }
            Err(e) => match serde_json::from_str::<UpdateId>(r.get()) {
                Ok(u) => {
                    tracing::error!(update_id = u.update_id, error = %e, "an update cannot be read; skipped");
                    u.update_id
                }
                Err(_) => {
                    tracing::error!(error = %e, "an update without an id; skipped");
                    continue;
                }
            },
        };
        batch.next = batch.next.max(Some(id.saturating_add(1)));
    }
    batch
}

/// Waits until everything written so far is on disk.
async fn durable(commit: &GroupCommit) -> anyhow::Result<()> {
    commit.durable().await.map_err(anyhow::Error::msg)
}

/// Test-only fault injection: `OPOP_FAULT=after-inbox` kills the process
/// right after a batch was stored and before any of it was handled, as a
/// crash would.
fn fault_armed(name: &str) -> bool {
    std::env::var("OPOP_FAULT").is_ok_and(|v| v == name)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_are_kept_as_sent_and_one_without_an_id_is_skipped() {
        let good = r#"{"update_id":5,"message":{"message_id":1,"date":1,"chat":{"id":7,"type":"private","first_name":"A"},"from":{"id":7,"is_bot":false,"first_name":"A"},"text":"halo"}}"#;
        // teloxide reads a kind it does not know as an error kind, kept.
        let odd = r#"{"update_id":8,"message":5}"#;
        let answer = format!(r#"[{good}, {odd}, {{"nothing":1}}]"#);
        let raws: Vec<Box<RawValue>> = serde_json::from_str(&answer).unwrap();
        let batch = read_batch(&raws);
        let ids: Vec<i32> = batch.updates.iter().map(|u| u.id.0 as i32).collect();
        assert_eq!(ids, vec![5, 8]);
        // Stored as Telegram wrote them.
        assert_eq!(
            batch.raw,
            vec![(5, good.as_bytes().to_vec()), (8, odd.as_bytes().to_vec())]
        );
        assert_eq!(batch.next, Some(9));
    }
}
