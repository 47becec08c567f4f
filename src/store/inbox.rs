//! The inbox (updates stored before their offset is confirmed) and the
//! update ids already handled (`processed`), with the bound that spares
//! a new update's lookups.

use std::sync::atomic::Ordering;

use super::codec::{i64_at, tx_error};
use super::kv::Batch;
use super::{PROCESSED_FOR, Store, StoreError};

impl Store {
    pub fn is_processed(&self, update_id: i64) -> Result<bool, StoreError> {
        Ok(self.may_be_processed(update_id)
            && self.processed.contains_key(update_id.to_be_bytes())?)
    }

    /// Whether `update_id` may be in `processed`. Telegram's update ids
    /// grow, so a new update's id is above every id handled and needs no
    /// lookup (three per update before: the inbox, the worker, the
    /// transaction). The bound is raised before an id is written.
    pub(super) fn may_be_processed(&self, update_id: i64) -> bool {
        update_id <= self.processed_bound.load(Ordering::SeqCst)
    }

    /// Sets the bound of `processed` from what it holds (at open).
    pub(super) fn load_processed_bound(&self) {
        let bound = self
            .processed
            .greatest_key_bound()
            // Keys are big-endian: a negative id (never Telegram's) would
            // sort last, so the bound then says nothing.
            .map_or(i64::MIN, |k| match i64_at(&k, 0) {
                id if id < 0 => i64::MAX,
                id => id,
            });
        self.processed_bound.store(bound, Ordering::SeqCst);
    }

    /// Raises the bound of `processed` to cover `update_id`, before it is
    /// written there.
    pub(super) fn processing(&self, update_id: i64) {
        self.processed_bound.fetch_max(update_id, Ordering::SeqCst);
    }

    /// Stores raw updates before their offset is confirmed to Telegram
    /// (group commit: the caller confirms them only after a flush covered
    /// them). Updates already handled are skipped.
    pub fn inbox_put_unflushed(&self, updates: &[(i64, Vec<u8>)]) -> Result<(), StoreError> {
        let _writing = self.writing();
        let mut batch = Batch::default();
        for (id, raw) in updates {
            if !self.is_processed(*id)? {
                let sealed = self.keys.seal(self.keys.epoch_owner(), raw)?;
                batch.insert(id.to_be_bytes(), sealed);
            }
        }
        self.inbox.apply_batch(batch)?;
        Ok(())
    }

    /// Updates stored but not yet handled, in update order.
    pub fn inbox_pending(&self) -> Result<Vec<(i64, Vec<u8>)>, StoreError> {
        self.inbox
            .iter()
            .map(|r| {
                let (k, v) = r?;
                Ok((i64_at(&k, 0), self.keys.open(&v)?.into_owned()))
            })
            .collect()
    }

    /// Marks updates handled at `now` without any other change (ignored
    /// kinds).
    pub fn mark_processed(
        &self,
        update_ids: &[i64],
        now: jiff::Timestamp,
    ) -> Result<(), StoreError> {
        let _writing = self.writing();
        let at = now.as_second().to_be_bytes();
        self.kv
            .transaction(|t| {
                let (processed, inbox) = (t.on(&self.processed), t.on(&self.inbox));
                for id in update_ids {
                    self.processing(*id);
                    processed.insert(id.to_be_bytes(), &at)?;
                    inbox.remove(id.to_be_bytes())?;
                }
                Ok(())
            })
            .map_err(tx_error)?;
        Ok(())
    }

    /// Forgets update ids handled more than [`PROCESSED_FOR`] before `now`
    /// (ids kept by older versions, without a time, count from now).
    /// Returns how many.
    pub fn prune_processed(&self, now: jiff::Timestamp) -> Result<usize, StoreError> {
        let _writing = self.writing();
        let cutoff = (now - PROCESSED_FOR).as_second();
        let mut batch = Batch::default();
        let mut pruned = 0;
        for r in self.processed.iter() {
            let (k, v) = r?;
            match <[u8; 8]>::try_from(v.as_ref()) {
                Ok(at) if i64::from_be_bytes(at) < cutoff => {
                    batch.remove(k);
                    pruned += 1;
                }
                Ok(_) => {}
                Err(_) => batch.insert(k, &now.as_second().to_be_bytes()),
            }
        }
        self.processed.apply_batch(batch)?;
        Ok(pruned)
    }
}
