//! The trees as the store uses them: [`Tree`] (reads merge the layers over
//! sled, writes are one-record commits), [`Batch`], and a transaction's
//! view of a tree ([`TxTree`]).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use sled::IVec;

use super::{Kv, Writes};
use crate::store::codec::{TxError, TxResult};

/// One tree of the store.
#[derive(Clone)]
pub(in crate::store) struct Tree {
    pub(super) kv: Arc<Kv>,
    pub(super) id: usize,
}

/// Writes to apply together ([`Tree::apply_batch`]), in order.
#[derive(Default)]
pub(in crate::store) struct Batch {
    ops: BTreeMap<Vec<u8>, Option<IVec>>,
}

impl Batch {
    pub fn insert(&mut self, key: impl AsRef<[u8]>, value: impl Into<IVec>) {
        self.ops.insert(key.as_ref().to_vec(), Some(value.into()));
    }

    pub fn remove(&mut self, key: impl AsRef<[u8]>) {
        self.ops.insert(key.as_ref().to_vec(), None);
    }
}

/// A transaction in progress ([`Kv::transaction`]).
pub(in crate::store) struct Txn<'k> {
    kv: &'k Kv,
    writes: RefCell<Writes>,
}

impl<'k> Txn<'k> {
    pub(super) fn new(kv: &'k Kv) -> Txn<'k> {
        Txn {
            kv,
            writes: RefCell::new(super::no_writes()),
        }
    }

    pub(super) fn into_writes(self) -> Writes {
        self.writes.into_inner()
    }
}

impl<'k> Txn<'k> {
    /// `tree` inside this transaction.
    pub fn on<'t>(&'t self, tree: &Tree) -> TxTree<'t, 'k> {
        TxTree {
            txn: self,
            id: tree.id,
        }
    }
}

/// A tree inside a transaction: reads see the transaction's own writes.
#[derive(Clone, Copy)]
pub(in crate::store) struct TxTree<'t, 'k> {
    txn: &'t Txn<'k>,
    id: usize,
}

impl TxTree<'_, '_> {
    pub fn get(&self, key: impl AsRef<[u8]>) -> TxResult<Option<IVec>> {
        let key = key.as_ref();
        if let Some(v) = self.txn.writes.borrow()[self.id].get(key) {
            return Ok(v.clone());
        }
        Ok(self.txn.kv.get(self.id, key)?)
    }

    pub fn insert(&self, key: impl AsRef<[u8]>, value: impl Into<IVec>) -> TxResult<()> {
        self.txn.writes.borrow_mut()[self.id].insert(key.as_ref().to_vec(), Some(value.into()));
        Ok(())
    }

    pub fn remove(&self, key: impl AsRef<[u8]>) -> TxResult<()> {
        self.txn.writes.borrow_mut()[self.id].insert(key.as_ref().to_vec(), None);
        Ok(())
    }

    pub fn generate_id(&self) -> TxResult<u64> {
        Ok(self.txn.kv.db.generate_id()?)
    }
}

impl Tree {
    pub fn get(&self, key: impl AsRef<[u8]>) -> sled::Result<Option<IVec>> {
        self.kv.get(self.id, key.as_ref())
    }

    pub fn contains_key(&self, key: impl AsRef<[u8]>) -> sled::Result<bool> {
        Ok(self.get(key)?.is_some())
    }

    /// Sets a key; returns its value before.
    pub fn insert(
        &self,
        key: impl AsRef<[u8]>,
        value: impl Into<IVec>,
    ) -> sled::Result<Option<IVec>> {
        self.write_one(key.as_ref(), Some(value.into()))
    }

    /// Removes a key; returns its value before.
    pub fn remove(&self, key: impl AsRef<[u8]>) -> sled::Result<Option<IVec>> {
        self.write_one(key.as_ref(), None)
    }

    fn write_one(&self, key: &[u8], value: Option<IVec>) -> sled::Result<Option<IVec>> {
        let mut ops = BTreeMap::new();
        ops.insert(key.to_vec(), value);
        self.kv.write_one(self.id, ops, Some(key))
    }

    pub fn apply_batch(&self, batch: Batch) -> sled::Result<()> {
        self.kv.write_one(self.id, batch.ops, None).map(|_| ())
    }

    /// Every key and value, in key order.
    pub fn iter(&self) -> Iter {
        self.scan(&[], false)
    }

    /// The keys starting with `prefix`, in order.
    pub fn scan_prefix(&self, prefix: impl AsRef<[u8]>) -> Iter {
        self.scan(prefix.as_ref(), true)
    }

    fn scan(&self, lo: &[u8], prefix: bool) -> Iter {
        let overlay = self.kv.overlay(self.id, lo, prefix);
        let base = if prefix {
            self.kv.trees[self.id].scan_prefix(lo)
        } else {
            self.kv.trees[self.id].range(lo.to_vec()..)
        };
        Iter {
            overlay: overlay.into_iter().peekable(),
            base: base.peekable(),
        }
    }

    /// A key no key of the tree is greater than ([`Kv::greatest_key_bound`]).
    pub fn greatest_key_bound(&self) -> Option<Vec<u8>> {
        self.kv.greatest_key_bound(self.id)
    }

    /// How many keys (a full scan, as in sled).
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// Makes every write so far durable (the group commit).
    pub fn flush(&self) -> sled::Result<()> {
        self.kv.sync()
    }
}

/// The layers' entries merged over sled's, in key order.
pub(in crate::store) struct Iter {
    overlay: std::iter::Peekable<std::vec::IntoIter<(Vec<u8>, Option<IVec>)>>,
    base: std::iter::Peekable<sled::Iter>,
}

impl Iterator for Iter {
    type Item = sled::Result<(IVec, IVec)>;

    fn next(&mut self) -> Option<Self::Item> {
        use std::cmp::Ordering;
        loop {
            let base = match self.base.peek() {
                Some(Ok((k, _))) => Some(k.clone()),
                Some(Err(_)) => return self.base.next(),
                None => None,
            };
            let order = match (self.overlay.peek(), &base) {
                (None, None) => return None,
                (None, Some(_)) => Ordering::Greater,
                (Some(_), None) => Ordering::Less,
                (Some((o, _)), Some(b)) => o.as_slice().cmp(b),
            };
            if order == Ordering::Greater {
                return self.base.next();
            }
            if order == Ordering::Equal {
                self.base.next();
            }
            let (k, v) = self.overlay.next()?;
            if let Some(v) = v {
                return Some(Ok((IVec::from(k), v)));
            }
        }
    }
}

impl From<sled::Error> for TxError {
    fn from(e: sled::Error) -> TxError {
        TxError::Storage(e)
    }
}
