//! The one sender: sends outbox rows within Telegram's limits (30
//! messages/s overall, 1/s per chat, 20/min per group; `limits.rs` keeps
//! them where each message starts). It reads the outbox once at start; after that
//! it gets each row from the flush that put it on disk (`Store::flush`),
//! so it never rescans the outbox and never sends what a crash could undo.
//!
//! One message per chat is in flight at a time, so a chat's messages keep
//! their order, while other chats go on: a 5xx answer stalls its own chat
//! for the backoff, never the others. The calls themselves (one row → the
//! Bot API requests it takes, and how their failures read) are in
//! `calls.rs`.
//! A row leaves the outbox only when Telegram accepted it or it can never
//! be sent (400), so nothing queued is lost across a restart.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use teloxide::Bot;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;

use crate::app::App;
use crate::outcome::SentCopy;
use crate::records::{DeliveryStatus, JobState};
use crate::store::{OutItem, OutboxRow, Priority};

use super::limits::Limiter;

mod calls;

use calls::{Api, Failure, Progress, answer_callback, delete_message, send_message};

/// Longest backoff between retries of a failing row.
const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// Deliveries on the wire at once. Each holds an HTTP connection (and its
/// buffers); the limits let about 30 a second through, and a few dozen
/// cover even slow answers, so more would only cost memory.
const MAX_IN_FLIGHT: usize = 64;

/// How a delivery ended.
enum Delivered {
    /// Settled: sent, or given up on for good.
    Settled,
    /// Kept for later: the bot was removed from the staff group, and the
    /// row waits (in the outbox too) for the next staff chat.
    Parked(OutboxRow),
}

/// Runs until `stop` turns true; in-flight sends get a short grace.
/// `initial` is what the outbox held at start; `rows` brings every row
/// written since, once it is on disk (see `Store::set_outlet`).
pub async fn run(
    app: Arc<App>,
    bot: Bot,
    limits: Arc<Limiter>,
    initial: Vec<OutboxRow>,
    mut rows: mpsc::UnboundedReceiver<OutboxRow>,
    commit: Arc<super::commit::GroupCommit>,
    mut stop: watch::Receiver<bool>,
) {
    let mut queue = Queue::default();
    for row in initial {
        queue.push(route(&app, row));
    }
    let mut in_flight: HashMap<tokio::task::Id, Key> = HashMap::new();
    let mut tasks: JoinSet<Delivered> = JoinSet::new();
    let mut parked: Vec<OutboxRow> = Vec::new();
    let mut staff_chat = app.watch_staff_chat();
    loop {
        if *stop.borrow() {
            break;
        }
        while in_flight.len() < MAX_IN_FLIGHT
            && let Some((key, row)) = queue.next()
        {
            let (app, stop) = (Arc::clone(&app), stop.clone());
            let api = Api {
                bot: bot.clone(),
                limits: Arc::clone(&limits),
            };
            let handle = tasks.spawn(async move { deliver(&app, &api, row, stop).await });
            in_flight.insert(handle.id(), key);
        }
        tokio::select! {
            Some(row) = rows.recv() => {
                queue.push(route(&app, row));
                while let Ok(row) = rows.try_recv() {
                    queue.push(route(&app, row));
                }
            }
            Ok(()) = staff_chat.changed() => {
                // A new staff chat: the notices kept since the bot left the
                // old one follow it.
                for row in parked.drain(..) {
                    queue.push(route(&app, row));
                }
            }
            Some(done) = tasks.join_next_with_id() => {
                let (id, panicked) = match done {
                    Ok((id, Delivered::Settled)) => (id, false),
                    Ok((id, Delivered::Parked(row))) => {
                        parked.push(row);
                        (id, false)
                    }
                    Err(e) => (e.id(), e.is_panic()),
                };
                if let Some(key) = in_flight.remove(&id) {
                    // The row's removal goes to disk with the next group
                    // commit: the fewer milliseconds between Telegram's
                    // answer and that flush, the fewer replies a crash
                    // sends again. (A button's answer is not stored.)
                    if matches!(key, Key::Chat(_)) {
                        commit.mark();
                    }
                    if panicked {
                        // A bug: the row stays in the outbox and is tried
                        // again at the next start, so it cannot spin here.
                        tracing::error!(?key, "delivering an outbox row panicked; skipped until restart");
                    }
                    queue.done(key);
                }
            }
            _ = stop.changed() => {}
        }
    }
    // Let sends already on the wire finish; what is not confirmed stays in
    // the outbox for the next start.
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        while tasks.join_next().await.is_some() {}
    })
    .await;
    tasks.abort_all();
}

/// Rows of one chat go one at a time, in order; each callback answer on
/// its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Chat(i64),
    Callback(String),
}

fn flight_key(row: &OutboxRow) -> Key {
    match &row.item {
        OutItem::Message(m) => Key::Chat(m.chat),
        OutItem::Delete { chat, .. } => Key::Chat(*chat),
        OutItem::CallbackAnswer { id, .. } => Key::Callback(id.clone()),
    }
}

/// Rows waiting, per key, and which keys may start their next row.
/// A chat's rows go in the outbox's order: replies to whoever acted
/// first (a staff member's reason prompt in the staff group does not wait
/// behind queued notices, at 20 messages a minute), then oldest first.
#[derive(Default)]
struct Queue {
    waiting: HashMap<Key, BTreeMap<[u8; 9], OutboxRow>>,
    busy: HashSet<Key>,
    ready: VecDeque<Key>,
}

impl Queue {
    fn push(&mut self, row: OutboxRow) {
        let key = flight_key(&row);
        let rows = self.waiting.entry(key.clone()).or_default();
        if rows.is_empty() && !self.busy.contains(&key) {
            self.ready.push_back(key);
        }
        rows.insert(row.key(), row);
    }

    /// The next row to start; its key is busy until [`Queue::done`].
    fn next(&mut self) -> Option<(Key, OutboxRow)> {
        while let Some(key) = self.ready.pop_front() {
            let Some(rows) = self.waiting.get_mut(&key) else {
                continue;
            };
            let Some((_, row)) = rows.pop_first() else {
                self.waiting.remove(&key);
                continue;
            };
            if rows.is_empty() {
                self.waiting.remove(&key);
            }
            self.busy.insert(key.clone());
            return Some((key, row));
        }
        None
    }

    /// The key's row finished: its next one may start.
    fn done(&mut self, key: Key) {
        self.busy.remove(&key);
        if self.waiting.contains_key(&key) {
            self.ready.push_back(key);
        }
    }
}

/// Where a row goes now: a notice for a group that is no longer the staff
/// chat goes to the current one, and a message to a group Telegram
/// upgraded goes to the supergroup (edits of messages there become new
/// messages: their ids are the old group's).
fn route(app: &App, mut row: OutboxRow) -> OutboxRow {
    let priority = row.priority;
    if let OutItem::Message(m) = &mut row.item {
        let to = match (app.moved_chat(m.chat), app.staff_chat()) {
            (Some(new), _) => Some(new),
            (None, Some(staff))
                if m.chat < 0 && m.chat != staff && priority == Priority::Notice =>
            {
                Some(staff)
            }
            _ => None,
        };
        if let Some(to) = to {
            m.chat = to;
            m.edit = None;
        }
    }
    row
}

async fn deliver(
    app: &App,
    api: &Api,
    mut row: OutboxRow,
    mut stop: watch::Receiver<bool>,
) -> Delivered {
    if cancelled(app, &row) {
        settle(app, &row, DeliveryStatus::Cancelled, None);
        return Delivered::Settled;
    }
    let mut backoff = Duration::from_secs(1);
    let mut outcome = (DeliveryStatus::Sent, None);
    let mut progress = Progress::default();
    let mut edit_failed = false;
    loop {
        // An edit is not a message for the limits (as in Telegram's FAQ):
        // its 429 delays it alone.
        let counted = row
            .message()
            .is_some_and(|m| m.edit.is_none() || edit_failed);
        let result = match &row.item {
            OutItem::Message(m) => send_message(app, api, m, edit_failed, &mut progress).await,
            OutItem::CallbackAnswer { id, text } => answer_callback(api, id, text).await,
            OutItem::Delete { chat, message_id } => delete_message(api, *chat, *message_id).await,
        };
        match result {
            Ok(()) => {
                record_copies(app, &row, &progress.sent);
                break;
            }
            Err(failure @ (Failure::Retry | Failure::Flood(_))) => {
                let wait = match failure {
                    // Every message waits it out (`Limiter::pause`); this
                    // row goes again once it is over.
                    Failure::Flood(wait) => {
                        if counted {
                            api.limits.pause(wait);
                        }
                        wait
                    }
                    _ => {
                        let wait = backoff;
                        backoff = (backoff * 2).min(MAX_BACKOFF);
                        wait
                    }
                };
                tracing::info!(
                    row = row.id,
                    wait_ms = wait.as_millis() as u64,
                    "send failed, retrying"
                );
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    _ = stop.changed() => return Delivered::Settled,
                }
            }
            Err(Failure::EditFailed) => edit_failed = true,
            Err(Failure::Migrated(to)) => {
                let Some(m) = row.message().cloned() else {
                    break;
                };
                if let Err(e) = app.staff_chat_moved(m.chat, to) {
                    tracing::error!(error = %e, "cannot record the staff group's new id");
                }
                if let OutItem::Message(m) = &mut row.item {
                    m.chat = to;
                    m.edit = None;
                }
                progress = Progress::default();
            }
            Err(Failure::Blocked) => match blocked(app, &row) {
                Some(settled) => {
                    outcome = settled;
                    break;
                }
                None => return Delivered::Parked(row),
            },
            Err(Failure::Refused(reason)) => {
                let chat = row.message().map(|m| m.chat);
                tracing::warn!(
                    row = row.id,
                    ?chat,
                    reason,
                    "Telegram refused a message; dropping it"
                );
                outcome = (DeliveryStatus::Failed, Some(reason));
                break;
            }
        }
    }
    settle(app, &row, outcome.0, outcome.1);
    Delivered::Settled
}

/// Whether the row is a delivery of a broadcast cancelled meanwhile.
fn cancelled(app: &App, row: &OutboxRow) -> bool {
    row.delivery.is_some_and(|d| {
        app.store
            .job(d.job)
            .ok()
            .flatten()
            .is_none_or(|j| j.state == JobState::Cancelled)
    })
}

/// Telegram says the bot may not write to the row's chat: a user who
/// blocked it is marked inactive; a group it was removed from drops the
/// message, unless it is the staff group, whose rows are kept (`None`:
/// parked) and the admins told.
fn blocked(app: &App, row: &OutboxRow) -> Option<(DeliveryStatus, Option<String>)> {
    let Some(chat) = row.message().map(|m| m.chat) else {
        return Some((DeliveryStatus::Blocked, None));
    };
    if chat < 0 {
        if app.staff_chat() == Some(chat) {
            if let Err(e) = app.staff_chat_lost(chat) {
                tracing::error!(error = %e, "cannot tell the admins the staff group is lost");
            }
            return None;
        }
        tracing::info!(
            chat,
            "the bot is not in this group any more; dropping a message"
        );
        return Some((DeliveryStatus::Failed, Some("not in the group".into())));
    }
    tracing::info!(chat, "user blocked the bot; marking inactive");
    if let Err(e) = app
        .store
        .set_user_active(chat, false, jiff::Timestamp::now())
    {
        tracing::error!(error = %e, "cannot mark a user inactive");
    }
    Some((DeliveryStatus::Blocked, None))
}

/// Remembers where the staff's copies of a ticket (or the export) went,
/// so that an erasure can edit or delete them.
fn record_copies(app: &App, row: &OutboxRow, sent: &[SentCopy]) {
    let Some(of) = row.message().and_then(|m| m.copy_of.as_ref()) else {
        return;
    };
    if sent.is_empty() {
        return;
    }
    if let Err(e) = app.store.record_sent(of, sent) {
        tracing::error!(error = %e, "cannot remember where a staff notice went");
    }
}

/// Takes a finished row out of the outbox; a broadcast delivery also
/// records its outcome in the job's ledger, in the same transaction.
fn settle(app: &App, row: &OutboxRow, status: DeliveryStatus, reason: Option<String>) {
    if row.transient {
        return;
    }
    let result = if row.delivery.is_some() {
        app.store.complete_delivery(row, status, reason)
    } else {
        app.store.settle_outbox_row(row);
        Ok(())
    };
    if let Err(e) = result {
        tracing::error!(error = %e, "cannot remove a delivered outbox row");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::OutMessage;

    fn row(id: u64, priority: Priority, chat: i64) -> OutboxRow {
        let item = OutItem::Message(OutMessage::new(chat, format!("row {id}")));
        OutboxRow::new(id, priority, item, jiff::Timestamp::UNIX_EPOCH)
    }

    #[test]
    fn a_reply_in_a_chat_goes_before_the_notices_queued_there() {
        let mut queue = Queue::default();
        for id in 1..=5 {
            queue.push(row(id, Priority::Notice, -100));
        }
        let (key, first) = queue.next().unwrap();
        assert_eq!(first.id, 1);
        // A staff member pressed "needs revision": the prompt is a reply.
        queue.push(row(9, Priority::Reply, -100));
        queue.push(row(8, Priority::Notice, 42));
        assert_eq!(queue.next().unwrap().1.id, 8, "other chats go on");
        queue.done(key);
        let order: Vec<u64> = std::iter::from_fn(|| {
            let (key, row) = queue.next()?;
            queue.done(key);
            Some(row.id)
        })
        .collect();
        assert_eq!(order, vec![9, 2, 3, 4, 5]);
    }
}
