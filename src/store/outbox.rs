//! The outbox: messages waiting to be sent, and how they reach the sender
//! only once they are on disk ([`Store::flush`] releases the rows it
//! covered). Also the rows no event caused: broadcast progress lines and
//! reports, the daily digest.

use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::codec::{TxResult, abort, locked, tx_error};
use super::kv::Batch;
use super::{META_DIGEST_AT, META_DIGEST_DATE, Store, StoreError};
use crate::outcome::OutMessage;
use crate::records::DeliveryRef;

/// Sending order: conversation replies before broadcast deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Priority {
    Reply = 0,
    Notice = 1,
    Broadcast = 2,
}

/// What an outbox row asks the sender to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutItem {
    Message(OutMessage),
    /// answerCallbackQuery, with a toast text (may be empty).
    CallbackAnswer {
        id: String,
        text: String,
    },
    /// deleteMessage.
    Delete {
        chat: i64,
        message_id: i32,
    },
}

/// A message waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: u64,
    pub priority: Priority,
    pub item: OutItem,
    /// The update that caused it, for tracing.
    pub update_id: Option<i64>,
    pub created_at: Timestamp,
    pub attempts: u32,
    /// A broadcast delivery: its ledger entry is settled with the row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryRef>,
    /// Never written to the outbox, only handed to the sender by the flush
    /// of its transaction: a button press's answer, which is worthless
    /// after a restart (Telegram drops an unanswered query within
    /// seconds), so it does not pay for a write and a removal.
    #[serde(skip)]
    pub transient: bool,
}

impl OutboxRow {
    /// A row for `item` with the id `id` (from sled's id generator; 0 for
    /// a transient row, which is never keyed).
    pub fn new(id: u64, priority: Priority, item: OutItem, created_at: Timestamp) -> OutboxRow {
        OutboxRow {
            id,
            priority,
            item,
            update_id: None,
            created_at,
            attempts: 0,
            delivery: None,
            transient: false,
        }
    }

    /// The message, unless this row answers a button press or deletes.
    pub fn message(&self) -> Option<&OutMessage> {
        match &self.item {
            OutItem::Message(m) => Some(m),
            OutItem::CallbackAnswer { .. } | OutItem::Delete { .. } => None,
        }
    }

    /// Key: priority byte, then the monotonic id (big-endian), so a scan
    /// yields replies first, oldest first.
    pub fn key(&self) -> [u8; 9] {
        let mut k = [0u8; 9];
        k[0] = self.priority as u8;
        k[1..].copy_from_slice(&self.id.to_be_bytes());
        k
    }
}

/// Hands outbox rows to the sender once they are on disk: every writer
/// adds the rows it wrote to `unflushed`; [`Store::flush`] takes them
/// *before* flushing (so all of them are covered by that flush) and sends
/// them to the outlet after it. Without an outlet (tests, the console)
/// rows are only in the outbox tree, where those readers look.
#[derive(Default)]
pub(super) struct Release {
    unflushed: Mutex<Vec<OutboxRow>>,
    /// Keys of rows the sender finished, removed together by the next
    /// group commit ([`Store::remove_settled`]).
    settled: Mutex<Vec<[u8; 9]>>,
    outlet: Mutex<Option<tokio::sync::mpsc::UnboundedSender<OutboxRow>>>,
}

pub(super) type SharedRelease = Arc<Release>;

impl Store {
    /// Makes everything written so far durable, then releases the outbox
    /// rows it covered to the outlet (see [`Release`]).
    pub fn flush(&self) -> Result<(), StoreError> {
        let rows = std::mem::take(&mut *locked(&self.release.unflushed));
        if let Err(e) = self.kv.sync() {
            // Not durable: kept for the next flush.
            let mut unflushed = locked(&self.release.unflushed);
            let later = std::mem::replace(&mut *unflushed, rows);
            unflushed.extend(later);
            return Err(e.into());
        }
        if !rows.is_empty() {
            let mut outlet = locked(&self.release.outlet);
            if let Some(tx) = outlet.as_ref() {
                for row in rows {
                    if tx.send(row).is_err() {
                        // The sender stopped: rows stay in the outbox for
                        // the next start.
                        *outlet = None;
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    /// From now on, outbox rows go to `tx` as soon as they are on disk.
    /// Rows already in the outbox are the caller's to read
    /// ([`Store::outbox_rows`]) before.
    pub fn set_outlet(&self, tx: tokio::sync::mpsc::UnboundedSender<OutboxRow>) {
        *locked(&self.release.outlet) = Some(tx);
    }

    /// Rows written, to be released by the next flush.
    pub(super) fn unflushed(&self, rows: Vec<OutboxRow>) {
        if !rows.is_empty() {
            locked(&self.release.unflushed).extend(rows);
        }
    }

    /// Outbox rows in sending order: conversation replies before
    /// broadcasts, then oldest first.
    pub fn outbox_rows(&self, limit: usize) -> Result<Vec<OutboxRow>, StoreError> {
        self.remove_settled()?;
        let mut out = Vec::new();
        for r in self.outbox.iter().take(limit) {
            let (k, v) = r?;
            if let Some(row) = self.unsealed("outbox", &k, &v)? {
                out.push(row);
            }
        }
        Ok(out)
    }

    pub fn outbox_len(&self) -> usize {
        if let Err(e) = self.remove_settled() {
            tracing::error!(error = %e, "cannot remove the rows sent");
        }
        self.outbox.len()
    }

    /// The sender finished a row (delivered, or given up on): the next
    /// group commit removes it, with every other row finished meanwhile, in
    /// one write before its sync ([`Store::remove_settled`]). Until then
    /// the row is still in the outbox, as it would be until the sync of
    /// its own removal: a crash before that sync sends it again
    /// (at-least-once, invariant 8).
    pub fn settle_outbox_row(&self, row: &OutboxRow) {
        locked(&self.release.settled).push(row.key());
    }

    /// The group commit: the rows the sender finished are removed, then
    /// everything is flushed ([`Store::flush`]) — the committer's flush and
    /// the last one at a stop.
    pub fn flush_group(&self) -> Result<(), StoreError> {
        self.remove_settled()?;
        self.flush()
    }

    /// Removes the rows settled since the last call, in one write (the
    /// group commit's, [`Store::flush_group`], and before the outbox is
    /// read).
    pub fn remove_settled(&self) -> Result<(), StoreError> {
        let keys = std::mem::take(&mut *locked(&self.release.settled));
        if keys.is_empty() {
            return Ok(());
        }
        let _writing = self.writing();
        let mut batch = Batch::default();
        for key in &keys {
            batch.remove(key);
        }
        if let Err(e) = self.outbox.apply_batch(batch) {
            locked(&self.release.settled).extend(keys);
            return Err(e.into());
        }
        Ok(())
    }

    /// Removes a row after it was delivered (or given up on), at once.
    pub fn remove_outbox_row(&self, row: &OutboxRow) -> Result<(), StoreError> {
        let _writing = self.writing();
        self.outbox.remove(row.key())?;
        Ok(())
    }

    /// Queues messages that no event caused (broadcast progress and
    /// reports), then flushes.
    pub fn enqueue(&self, messages: &[OutMessage], priority: Priority) -> Result<(), StoreError> {
        let _writing = self.writing();
        let now = Timestamp::now();
        let mut rows = Vec::new();
        for m in messages {
            let item = OutItem::Message(m.clone());
            let row = OutboxRow::new(self.db.generate_id()?, priority, item, now);
            self.outbox.insert(row.key(), self.sealed_transit(&row)?)?;
            rows.push(row);
        }
        self.unflushed(rows);
        self.flush()
    }

    /// Queues the daily digest and records its date in one transaction,
    /// then flushes: a restart cannot send a day's digest twice.
    pub fn enqueue_digest(
        &self,
        messages: &[OutMessage],
        date: &str,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        let _writing = self.writing();
        let rows = self
            .kv
            .transaction(|t| {
                let (outbox, meta) = (t.on(&self.outbox), t.on(&self.meta));
                if meta.get(META_DIGEST_DATE)?.as_deref() == Some(date.as_bytes()) {
                    return Ok(Vec::new());
                }
                let mut rows = Vec::new();
                for message in messages {
                    let item = OutItem::Message(message.clone());
                    let row = OutboxRow::new(outbox.generate_id()?, Priority::Notice, item, at);
                    outbox.insert(row.key(), self.sealed_transit(&row).map_err(abort)?)?;
                    rows.push(row);
                }
                meta.insert(META_DIGEST_DATE, date.as_bytes())?;
                meta.insert(META_DIGEST_AT, at.to_string().as_bytes())?;
                TxResult::Ok(rows)
            })
            .map_err(tx_error)?;
        self.unflushed(rows);
        self.flush()
    }

    /// The WIB date and time of the last daily digest.
    pub fn last_digest(&self) -> Result<(Option<String>, Option<Timestamp>), StoreError> {
        Ok((
            self.meta_str(META_DIGEST_DATE)?,
            self.meta_str(META_DIGEST_AT)?.and_then(|s| s.parse().ok()),
        ))
    }
}
