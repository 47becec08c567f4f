//! Broadcast jobs and their per-recipient ledger: a job fixes its
//! recipients when it starts, a small window of deliveries moves into the
//! outbox at a time, and each delivery is settled with the removal of its
//! row, so that a recipient is never sent a job twice.

use jiff::Timestamp;

use super::codec::{TxResult, abort, decode, encode, i64_at, ledger_key, next_count, tx_error};
use super::kv::Batch;
use super::outbox::{OutItem, OutboxRow, Priority};
use super::{Store, StoreError};
use crate::i18n::Lang;
use crate::outcome::OutMessage;
use crate::records::{Counts, DeliveryRef, DeliveryStatus, Job, JobState, LedgerEntry};

impl Store {
    /// All broadcast jobs, oldest first.
    pub fn jobs(&self) -> Result<Vec<Job>, StoreError> {
        self.broadcasts
            .iter()
            .map(|r| {
                let (k, v) = r?;
                decode("broadcasts", &k, &v)
            })
            .collect()
    }

    pub fn job(&self, id: u64) -> Result<Option<Job>, StoreError> {
        let key = id.to_be_bytes();
        self.broadcasts
            .get(key)?
            .map(|v| decode("broadcasts", &key, &v))
            .transpose()
    }

    /// Creates a job outside any event (seeding tests and benchmarks);
    /// returns its id. Flushes.
    pub fn create_job(&self, job: &Job) -> Result<u64, StoreError> {
        let _writing = self.writing();
        let id = self
            .kv
            .transaction(|t| {
                let (counters, broadcasts) = (t.on(&self.counters), t.on(&self.broadcasts));
                let id = next_count(&counters, b"broadcast")?;
                let mut job = job.clone();
                job.id = id;
                broadcasts.insert(id.to_be_bytes(), encode(&job))?;
                TxResult::Ok(id)
            })
            .map_err(tx_error)?;
        self.kv.sync()?;
        Ok(id)
    }

    /// Saves a job the pump changed (state, progress) unless it was
    /// cancelled meanwhile; returns the job as stored.
    pub fn save_job(&self, job: &Job) -> Result<Job, StoreError> {
        let _writing = self.writing();
        let key = job.id.to_be_bytes();
        let saved = self
            .kv
            .transaction(|t| {
                let tree = t.on(&self.broadcasts);
                let current: Option<Job> = tree
                    .get(key)?
                    .map(|v| decode("broadcasts", &key, &v))
                    .transpose()
                    .map_err(abort)?;
                let mut job = job.clone();
                if let Some(c) = current {
                    if c.state == JobState::Cancelled {
                        job.state = JobState::Cancelled;
                        job.cancelled_by = c.cancelled_by;
                    }
                }
                tree.insert(key, encode(&job))?;
                TxResult::Ok(job)
            })
            .map_err(tx_error)?;
        self.kv.sync()?;
        Ok(saved)
    }

    /// Fixes a job's recipients (pending) and marks it running. Safe to
    /// repeat after a crash: recipients already in the ledger keep their
    /// status.
    pub fn start_job(&self, job: &Job, recipients: &[(i64, Lang)]) -> Result<Job, StoreError> {
        let writing = self.writing();
        // The ledger and its pending index in one transaction: a recipient
        // is never "pending" without being in the index.
        self.kv
            .transaction(|t| {
                let (ledger, pending) = (t.on(&self.ledger), t.on(&self.pending));
                for (user, lang) in recipients {
                    let key = ledger_key(job.id, *user);
                    if ledger.get(key)?.is_none() {
                        let entry = LedgerEntry {
                            status: DeliveryStatus::Pending,
                            lang: *lang,
                            reason: None,
                        };
                        ledger.insert(key, encode(&entry))?;
                        pending.insert(key, &[])?;
                    }
                }
                TxResult::Ok(())
            })
            .map_err(tx_error)?;
        // save_job takes the gate itself: a nested shared hold could wait
        // behind a backup queued in between.
        drop(writing);
        self.save_job(job)
    }

    /// A job's ledger, by user.
    pub fn ledger(&self, job: u64) -> Result<Vec<(i64, LedgerEntry)>, StoreError> {
        self.ledger
            .scan_prefix(job.to_be_bytes())
            .map(|r| {
                let (k, v) = r?;
                Ok((i64_at(&k, 8), decode("bc_ledger", &k, &v)?))
            })
            .collect()
    }

    pub fn ledger_counts(&self, job: u64) -> Result<Counts, StoreError> {
        let mut counts = Counts::default();
        for (_, entry) in self.ledger(job)? {
            counts.add(entry.status);
        }
        Ok(counts)
    }

    /// Broadcast deliveries waiting in (or on their way out of) the outbox.
    pub fn broadcast_rows(&self) -> usize {
        self.outbox.scan_prefix([Priority::Broadcast as u8]).count()
    }

    /// The broadcast deliveries in the outbox.
    fn delivery_rows(&self) -> impl Iterator<Item = Result<OutboxRow, StoreError>> + '_ {
        self.outbox
            .scan_prefix([Priority::Broadcast as u8])
            .filter_map(|r| match r {
                Ok((k, v)) => self
                    .unsealed::<OutboxRow>("outbox", &k, &v)
                    .transpose()
                    .filter(|row| row.as_ref().map_or(true, |row| row.delivery.is_some())),
                Err(e) => Some(Err(e.into())),
            })
    }

    /// Whether a job has recipients not yet settled (pending, or queued in
    /// the outbox). Cheap: it looks at the pending index and the outbox's
    /// few broadcast rows.
    pub fn job_unsettled(&self, job: u64) -> Result<bool, StoreError> {
        if self
            .pending
            .scan_prefix(job.to_be_bytes())
            .next()
            .transpose()?
            .is_some()
        {
            return Ok(true);
        }
        for row in self.delivery_rows() {
            if row?.delivery.is_some_and(|d| d.job == job) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Moves up to `max` pending recipients of a job into the outbox (at
    /// broadcast priority), rendering each one's message; flushes.
    pub fn queue_deliveries(
        &self,
        job: u64,
        max: usize,
        render: impl Fn(i64, Lang) -> OutMessage,
    ) -> Result<usize, StoreError> {
        let _writing = self.writing();
        let mut picked = Vec::new();
        for r in self.pending.scan_prefix(job.to_be_bytes()).take(max) {
            let (k, _) = r?;
            if let Some(v) = self.ledger.get(&k)? {
                let entry: LedgerEntry = decode("bc_ledger", &k, &v)?;
                picked.push((i64_at(&k, 8), entry));
            }
        }
        if picked.is_empty() {
            return Ok(0);
        }
        let now = Timestamp::now();
        let rows = self
            .kv
            .transaction(|t| {
                let (ledger, outbox, pending) =
                    (t.on(&self.ledger), t.on(&self.outbox), t.on(&self.pending));
                let mut rows = Vec::new();
                for (user, entry) in &picked {
                    let key = ledger_key(job, *user);
                    pending.remove(key)?;
                    let queued = LedgerEntry {
                        status: DeliveryStatus::Queued,
                        ..entry.clone()
                    };
                    ledger.insert(key, encode(&queued))?;
                    let item = OutItem::Message(render(*user, entry.lang));
                    let mut row =
                        OutboxRow::new(outbox.generate_id()?, Priority::Broadcast, item, now);
                    row.delivery = Some(DeliveryRef { job, user: *user });
                    outbox.insert(row.key(), self.sealed_transit(&row).map_err(abort)?)?;
                    rows.push(row);
                }
                TxResult::Ok(rows)
            })
            .map_err(tx_error)?;
        self.unflushed(rows);
        self.flush()?;
        Ok(picked.len())
    }

    /// Settles a broadcast delivery: its ledger status and the removal of
    /// its outbox row, in one transaction, flushed (so that a delivery
    /// Telegram accepted is never taken for an interrupted one).
    pub fn complete_delivery(
        &self,
        row: &OutboxRow,
        status: DeliveryStatus,
        reason: Option<String>,
    ) -> Result<(), StoreError> {
        let _writing = self.writing();
        let Some(d) = row.delivery else {
            self.outbox.remove(row.key())?;
            return Ok(());
        };
        let key = ledger_key(d.job, d.user);
        self.kv
            .transaction(|t| {
                let (ledger, outbox) = (t.on(&self.ledger), t.on(&self.outbox));
                let lang = match ledger.get(key)? {
                    Some(v) => {
                        decode::<LedgerEntry>("bc_ledger", &key, &v)
                            .map_err(abort)?
                            .lang
                    }
                    None => Lang::Id,
                };
                let entry = LedgerEntry {
                    status,
                    lang,
                    reason: reason.clone(),
                };
                ledger.insert(key, encode(&entry))?;
                outbox.remove(row.key())?;
                TxResult::Ok(())
            })
            .map_err(tx_error)?;
        self.kv.sync()?;
        Ok(())
    }

    /// Marks a cancelled job's pending recipients cancelled; flushes.
    pub fn cancel_pending(&self, job: u64) -> Result<(), StoreError> {
        let _writing = self.writing();
        let mut batch = Batch::default();
        let mut pending = Batch::default();
        for r in self.pending.scan_prefix(job.to_be_bytes()) {
            let (k, _) = r?;
            if let Some(v) = self.ledger.get(&k)? {
                let entry: LedgerEntry = decode("bc_ledger", &k, &v)?;
                let entry = LedgerEntry {
                    status: DeliveryStatus::Cancelled,
                    ..entry
                };
                batch.insert(&k, encode(&entry));
            }
            pending.remove(&k);
        }
        self.ledger.apply_batch(batch)?;
        self.pending.apply_batch(pending)?;
        self.kv.sync()?;
        Ok(())
    }

    /// A job's interrupted recipients pending again (an admin asked to send
    /// it to them anyway); clears the job's `resend`.
    pub fn requeue_interrupted(&self, job: &Job) -> Result<usize, StoreError> {
        let writing = self.writing();
        let mut interrupted = Vec::new();
        for r in self.ledger.scan_prefix(job.id.to_be_bytes()) {
            let (k, v) = r?;
            let entry: LedgerEntry = decode("bc_ledger", &k, &v)?;
            if entry.status == DeliveryStatus::Interrupted {
                interrupted.push((k, entry));
            }
        }
        // The ledger and its pending index in one transaction, as at start.
        self.kv
            .transaction(|t| {
                let (ledger, pending) = (t.on(&self.ledger), t.on(&self.pending));
                for (k, entry) in &interrupted {
                    let entry = LedgerEntry {
                        status: DeliveryStatus::Pending,
                        ..entry.clone()
                    };
                    ledger.insert(k, encode(&entry))?;
                    pending.insert(k, &[])?;
                }
                TxResult::Ok(())
            })
            .map_err(tx_error)?;
        drop(writing);
        let mut job = job.clone();
        job.resend = false;
        self.save_job(&job)?;
        Ok(interrupted.len())
    }

    /// Deliveries queued for an outbox that does not hold them (a restore
    /// that left transit rows out): interrupted, never resent.
    pub(super) fn interrupt_queued_deliveries(&self) -> Result<usize, StoreError> {
        let mut batch = Batch::default();
        let mut n = 0;
        for r in self.ledger.iter() {
            let (k, v) = r?;
            let entry: LedgerEntry = decode("bc_ledger", &k, &v)?;
            if entry.status == DeliveryStatus::Queued {
                let entry = LedgerEntry {
                    status: DeliveryStatus::Interrupted,
                    ..entry
                };
                batch.insert(k, encode(&entry));
                n += 1;
            }
        }
        self.ledger.apply_batch(batch)?;
        Ok(n)
    }

    /// At start, before anything is sent: a broadcast delivery still in the
    /// outbox may have reached Telegram just before the stop. It is marked
    /// interrupted rather than sent again, so nobody gets it twice.
    pub fn interrupt_broadcast_rows(&self) -> Result<usize, StoreError> {
        let rows: Vec<OutboxRow> = self.delivery_rows().collect::<Result<_, _>>()?;
        for row in &rows {
            self.complete_delivery(row, DeliveryStatus::Interrupted, None)?;
        }
        Ok(rows.len())
    }
}
