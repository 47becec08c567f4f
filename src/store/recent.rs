//! The records of the chats in use, kept decoded: a person's user record,
//! profile and session, read at every step of a conversation, are opened
//! (decrypted) and parsed once, not at every update.
//!
//! Bounded ([`CAPACITY`] records, least recently used out first), so
//! memory follows the chats in use, not the people registered. Never a
//! second truth: an event's transaction puts what it wrote while it still
//! holds the journal's writer lock (so puts follow commits in order);
//! every other write empties what it touches, after the write. A read that
//! missed fills the record in only if nothing was put or pushed out since
//! it looked — else an older value read before a write could land after
//! it.

use std::any::Any;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use lru::LruCache;

use super::StoreError;

/// Records kept: three per chat in use (user, profile, session), so about
/// 1,300 managers mid-conversation at once.
const CAPACITY: usize = 4096;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Key {
    User(i64),
    Profile(i64),
    /// Chat, user.
    Session(i64, i64),
}

/// A record as stored (`None`: there is none), of the type its key
/// names: [`UserRecord`], [`Profile`] or [`Session`].
pub(super) type Value = Option<Arc<dyn Any + Send + Sync>>;

/// A record kept as it was stored.
pub(super) fn value<T: Any + Send + Sync>(record: Option<T>) -> Value {
    record.map(|r| Arc::new(r) as Arc<dyn Any + Send + Sync>)
}

pub(super) struct Recent {
    inner: Mutex<Inner>,
}

struct Inner {
    map: LruCache<Key, Value>,
    /// Counts puts, fills and forgetting.
    seq: u64,
    /// `seq` when a record was last pushed out or emptied.
    dropped_at: u64,
}

/// Where a missed read looked: pass it back to [`Recent::fill`].
#[derive(Clone, Copy)]
pub(super) struct Looked(u64);

impl Recent {
    pub(super) fn new() -> Recent {
        Recent {
            inner: Mutex::new(Inner {
                map: LruCache::new(NonZeroUsize::new(CAPACITY).expect("not zero")),
                seq: 0,
                dropped_at: 0,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The record kept for `key`, or where the caller looked (to fill it in
    /// after reading the store).
    pub(super) fn get(&self, key: Key) -> Result<Value, Looked> {
        let mut inner = self.lock();
        match inner.map.get(&key) {
            Some(v) => Ok(v.clone()),
            None => Err(Looked(inner.seq)),
        }
    }

    /// What a missed read found in the store, kept unless something was
    /// put or pushed out since it looked.
    pub(super) fn fill(&self, looked: Looked, key: Key, value: Value) {
        let mut inner = self.lock();
        // Put since: it is there. Pushed out or forgotten since: a put may
        // have come and gone. Either way the store's newer value wins.
        if inner.dropped_at <= looked.0 && !inner.map.contains(&key) {
            inner.insert(key, value);
        }
    }

    /// What a committed transaction wrote (under its writer lock).
    pub(super) fn put(&self, key: Key, value: Value) {
        self.lock().insert(key, value);
    }

    /// Forgets one record (after a write outside an event).
    pub(super) fn forget(&self, key: Key) {
        let mut inner = self.lock();
        inner.dropped();
        inner.map.pop(&key);
    }

    /// Forgets everything (an erasure, a restore).
    pub(super) fn clear(&self) {
        let mut inner = self.lock();
        inner.dropped();
        inner.map.clear();
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().map.len()
    }
}

impl Inner {
    fn insert(&mut self, key: Key, value: Value) {
        self.seq += 1;
        if let Some((old, _)) = self.map.push(key, value) {
            if old != key {
                self.dropped_at = self.seq;
            }
        }
    }

    /// Something kept goes: reads that looked before must not fill in.
    fn dropped(&mut self) {
        self.seq += 1;
        self.dropped_at = self.seq;
    }
}

impl super::Store {
    /// A user record, profile or session: as kept decoded, else read (and
    /// kept).
    pub(super) fn kept<T: Clone + Send + Sync + 'static>(
        &self,
        key: Key,
        read: impl FnOnce() -> Result<Option<T>, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        let looked = match self.recent.get(key) {
            Ok(None) => return Ok(None),
            Ok(Some(kept)) => match kept.downcast::<T>() {
                Ok(record) => return Ok(Some((*record).clone())),
                Err(_) => None,
            },
            Err(looked) => Some(looked),
        };
        let record = read()?;
        if let Some(looked) = looked {
            self.recent.fill(looked, key, value(record.clone()));
        }
        Ok(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::UserRecord;

    fn user(id: i64, name: &str) -> Value {
        let mut u = UserRecord::new(id, jiff::Timestamp::UNIX_EPOCH);
        u.first_name = Some(name.into());
        value(Some(u))
    }

    fn name(v: Result<Value, Looked>) -> Option<String> {
        let u = v.ok()??.downcast::<UserRecord>().ok()?;
        u.first_name.clone()
    }

    #[test]
    fn a_read_from_before_a_write_never_lands_after_it() {
        let recent = Recent::new();
        let looked = recent.get(Key::User(1)).expect_err("a miss");
        // A transaction writes the person meanwhile…
        recent.put(Key::User(1), user(1, "Baru"));
        // …so the older value the read found is not kept.
        recent.fill(looked, Key::User(1), user(1, "Lama"));
        assert_eq!(name(recent.get(Key::User(1))), Some("Baru".into()));

        // Even when the write was pushed out again before the fill.
        recent.forget(Key::User(1));
        let looked = recent.get(Key::User(1)).expect_err("a miss");
        recent.put(Key::User(1), user(1, "Baru"));
        recent.forget(Key::User(1));
        recent.fill(looked, Key::User(1), user(1, "Lama"));
        assert!(recent.get(Key::User(1)).is_err());

        // A quiet miss is filled in, even when other records were put.
        let looked = recent.get(Key::User(2)).expect_err("a miss");
        recent.put(Key::User(3), user(3, "Ali"));
        recent.fill(looked, Key::User(2), user(2, "Siti"));
        assert_eq!(name(recent.get(Key::User(2))), Some("Siti".into()));
    }

    #[test]
    fn memory_is_bounded_by_the_chats_in_use() {
        let recent = Recent::new();
        for id in 0..(CAPACITY as i64 + 500) {
            recent.put(Key::User(id), user(id, "x"));
        }
        assert_eq!(recent.len(), CAPACITY);
        // The least recently used went first.
        assert!(recent.get(Key::User(0)).is_err());
        assert!(recent.get(Key::User(CAPACITY as i64 + 499)).is_ok());
        recent.clear();
        assert_eq!(recent.len(), 0);
    }
}
