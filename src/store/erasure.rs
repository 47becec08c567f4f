//! Finishing an erasure (UU PDP) after its transaction committed: the
//! person's key is destroyed, a new transit epoch starts, the daily
//! backups are scrubbed. A crash in between is settled at the next start.

use super::{Store, StoreError, backup, crypt, photos};

impl Store {
    /// After an erasure was committed: destroys the person's key, so every
    /// old copy of their records in sled's files is unreadable; starts a new
    /// transit epoch, so nothing they typed stays readable in the inbox or
    /// outbox; removes the desk's cached photos of their products; and
    /// scrubs the daily backups. Safe to repeat.
    pub(super) fn finish_erasure(&self, user: i64) -> Result<(), StoreError> {
        // Each step under the write gate (not across `rotate_epoch`, which
        // takes it whole), so a backup's two passes see the same records.
        {
            let _writing = self.writing();
            // Under the journal's writer lock: an event of this person
            // committed meanwhile (sealed with the key before it went)
            // either keeps its records decoded before this clears them, or
            // sees the key gone and keeps nothing.
            self.kv.exclusive(|| {
                self.keys.destroy(user)?;
                self.recent.clear();
                Ok::<(), StoreError>(())
            })?;
        }
        self.rotate_epoch()?;
        if let Some(dir) = &self.dir {
            photos::PhotoCache::forget(dir, user);
            let backups = dir.join("backups");
            if backups.is_dir() {
                let _one_at_a_time = self.backups_lock.lock().unwrap_or_else(|e| e.into_inner());
                let key = self.keys.backup_key()?;
                backup::scrub_backups(&backups, user, jiff::Timestamp::now(), &key)
                    .map_err(|e| StoreError::Backup(e.to_string()))?;
            }
        }
        // Done: the mark goes, so a person who comes back later keeps the
        // new key they get (a mark left by a crash is finished at start).
        {
            let _writing = self.writing();
            self.meta.remove(format!("erased/{user}").as_bytes())?;
        }
        self.kv.sync()?;
        tracing::info!(user, "personal data erased");
        Ok(())
    }

    /// Seals the live inbox and outbox rows with a new epoch key, then
    /// destroys the old one. Writers wait meanwhile.
    pub fn rotate_epoch(&self) -> Result<(), StoreError> {
        // Rows the sender finished are gone first, so none is sealed again
        // (and kept) after the committer removed it.
        self.remove_settled()?;
        let _quiet = self.gate.write().unwrap_or_else(|e| e.into_inner());
        self.keys.next_epoch()?;
        let new = self.keys.epoch_owner();
        // Every row not under the new key is sealed again (rows of any older
        // epoch a crash left behind too), then every other epoch key goes.
        for tree in [&self.inbox, &self.outbox] {
            for r in tree.iter() {
                let (k, v) = r?;
                if crypt::Keyring::owner_of(&v) == Some(new) {
                    continue;
                }
                match self.keys.open(&v) {
                    Ok(plain) => {
                        let plain = plain.into_owned();
                        tree.insert(k, self.keys.seal(new, &plain)?)?;
                    }
                    Err(crypt::CryptError::Shredded) => {
                        tree.remove(k)?;
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        }
        self.kv.sync()?;
        self.keys.destroy_epochs_except(new)?;
        Ok(())
    }

    /// Erasures recorded in `meta`: their keys must be gone (a crash may
    /// have come between the commit and the key's destruction).
    pub(super) fn settle_erasures(&self) -> Result<(), StoreError> {
        let mut unfinished = Vec::new();
        for r in self.meta.scan_prefix(b"erased/") {
            let (k, _) = r?;
            if let Some(user) = std::str::from_utf8(&k[7..])
                .ok()
                .and_then(|s| s.parse::<i64>().ok())
            {
                unfinished.push(user);
            }
        }
        for user in unfinished {
            self.finish_erasure(user)?;
        }
        Ok(())
    }
}
