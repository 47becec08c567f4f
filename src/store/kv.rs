//! The store's trees: sled behind a journal, the recent writes in memory.
//!
//! A write (a transaction's write set, a batch, one insert or removal) is
//! appended to the journal's buffer as one record and put into the
//! *active layer*, an ordered map per tree that every read consults
//! before sled. [`Kv::sync`] (the group commit) writes the buffer and
//! syncs the journal once for everything gathered: from then on those
//! writes survive a crash. sled is brought up to date behind, by a
//! *checkpoint* (every 0.5 s, or sooner when the layer holds 8 MiB): the
//! active layer is frozen (reads still see it), the journal moves on to a
//! new segment, the frozen layer goes into sled in one batch per tree,
//! sled is flushed, and only then are the journal's older segments
//! removed. At open, segments left by a crash are replayed into sled.
//!
//! A write notes whether each key is new below the active layer (so that
//! removing it again just forgets it); a key above the greatest sled may
//! hold (kept per tree, raised when a layer is frozen) is new without a
//! lookup, as every inbox, outbox and handled-id key is.
//!
//! So sled is never ahead of the journal, and a key written many times
//! between two checkpoints (a session, a user's last activity) reaches
//! sled once; a row written and removed between two checkpoints (a raw
//! update in the inbox, a message in the outbox) never reaches it.
//!
//! Transactions run one at a time under the writer's lock, as sled runs
//! its own under one lock: reads inside one see every committed write and
//! their own, so a checked version or a counter cannot change under them.

use std::collections::BTreeMap;
use std::ops::Bound;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, RwLock, Weak};
use std::time::{Duration, Instant};

use sled::IVec;

use super::codec::{TxResult, locked};
use super::journal::{self, Op, Segments};

mod tree;
pub(super) use tree::{Batch, Tree, TxTree, Txn};

/// The trees, by their number in the journal: never reorder, only append.
pub(super) const NAMES: [&str; 17] = [
    "users",
    "profiles",
    "sessions",
    "tickets",
    "tickets_by_user",
    "counters",
    "processed",
    "outbox",
    "meta",
    "faq_log",
    "inbox",
    "broadcasts",
    "bc_ledger",
    "bc_pending",
    "sent",
    "facets",
    "__sled__default",
];

/// A checkpoint starts once the active layer holds this much …
const CHECKPOINT_BYTES: usize = 8 << 20;
/// … or its oldest write is this old.
const CHECKPOINT_AGE: Duration = Duration::from_millis(500);

/// A key's latest value in a layer (`None`: removed).
#[derive(Clone)]
struct Entry {
    value: Option<IVec>,
    /// The key was in no older layer nor in sled when this entry was made:
    /// removing it again just forgets the entry.
    fresh: bool,
}

#[derive(Default)]
struct Layer {
    maps: Vec<BTreeMap<Vec<u8>, Entry>>,
    bytes: usize,
    since: Option<Instant>,
}

impl Layer {
    fn new() -> Layer {
        Layer {
            maps: vec![BTreeMap::new(); NAMES.len()],
            bytes: 0,
            since: None,
        }
    }
}

struct Layers {
    active: Layer,
    /// The layer a checkpoint is writing into sled.
    frozen: Option<Arc<Layer>>,
    /// Per tree, a key no key in sled is greater than (`None`: sled's
    /// tree is empty). Raised when a layer is frozen, before its keys can
    /// reach sled: a new key above it is in no tree below the layers, and
    /// a commit then needs no sled lookup (the inbox's, the outbox's and
    /// the handled ids' keys only grow).
    sled_top: Vec<Option<Vec<u8>>>,
}

/// Records committed since the last group commit.
#[derive(Default)]
struct Writer {
    buf: Vec<u8>,
    /// The buffer the last group commit wrote, emptied, for the next.
    spare: Vec<u8>,
}

/// A spare buffer larger than this is let go (after a burst).
const SPARE_MAX: usize = 1 << 20;

/// The trees' shared core.
pub(super) struct Kv {
    db: sled::Db,
    trees: Vec<sled::Tree>,
    layers: RwLock<Layers>,
    writer: Mutex<Writer>,
    io: Mutex<Segments>,
    checkpointing: Mutex<()>,
    /// Why a checkpoint failed: every later sync fails with it.
    failed: Mutex<Option<String>>,
}

fn read<T>(l: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|e| e.into_inner())
}

fn io_error(e: std::io::Error) -> sled::Error {
    sled::Error::Io(e)
}

/// The write set of one commit, per tree.
type Writes = Vec<BTreeMap<Vec<u8>, Option<IVec>>>;

fn no_writes() -> Writes {
    vec![BTreeMap::new(); NAMES.len()]
}

impl Kv {
    /// The trees of `db`, after replaying the journal in `data` (none for
    /// a store in memory) into it.
    pub fn open(db: sled::Db, data: Option<&Path>) -> Result<Arc<Kv>, sled::Error> {
        let mut trees = Vec::new();
        for name in NAMES {
            trees.push(db.open_tree(name)?);
        }
        let io = match data {
            Some(data) => {
                let dir = data.join(journal::DIR);
                let last = replay(&db, &trees, &dir)?;
                Segments::start(&dir, last).map_err(io_error)?
            }
            None => Segments::in_memory(),
        };
        let sled_top = trees
            .iter()
            .map(|t| Ok(t.last()?.map(|(k, _)| k.to_vec())))
            .collect::<sled::Result<_>>()?;
        Ok(Arc::new(Kv {
            db,
            trees,
            layers: RwLock::new(Layers {
                active: Layer::new(),
                frozen: None,
                sled_top,
            }),
            writer: Default::default(),
            io: Mutex::new(io),
            checkpointing: Default::default(),
            failed: Default::default(),
        }))
    }

    pub fn tree(self: &Arc<Kv>, name: &str) -> Tree {
        let id = NAMES
            .iter()
            .position(|n| *n == name)
            .expect("a tree of the journal");
        Tree {
            kv: Arc::clone(self),
            id,
        }
    }

    /// A key's value in the layers: `Some(None)` if removed there, `None`
    /// if they do not have it.
    fn layered(&self, tree: usize, key: &[u8]) -> Option<Option<IVec>> {
        let layers = read(&self.layers);
        if let Some(e) = layers.active.maps[tree].get(key) {
            return Some(e.value.clone());
        }
        let e = layers.frozen.as_ref()?.maps[tree].get(key)?;
        Some(e.value.clone())
    }

    fn get(&self, tree: usize, key: &[u8]) -> sled::Result<Option<IVec>> {
        match self.layered(tree, key) {
            Some(v) => Ok(v),
            None => self.trees[tree].get(key),
        }
    }

    /// A key no key of `tree` is greater than: the greatest of the
    /// layers' keys and of the bound on sled's (a removal counts too, so
    /// it is a bound, not always a key present). No sled lookup.
    fn greatest_key_bound(&self, tree: usize) -> Option<Vec<u8>> {
        let layers = read(&self.layers);
        let last = |l: &Layer| l.maps[tree].last_key_value().map(|(k, _)| k.clone());
        let frozen = layers.frozen.as_deref().and_then(last);
        layers.sled_top[tree]
            .clone()
            .max(frozen)
            .max(last(&layers.active))
    }

    /// Whether the key is below the active layer (frozen layer or sled).
    fn below(&self, tree: usize, key: &[u8]) -> sled::Result<bool> {
        {
            let layers = read(&self.layers);
            if let Some(e) = layers.frozen.as_ref().and_then(|f| f.maps[tree].get(key)) {
                return Ok(e.value.is_some());
            }
            if layers.sled_top[tree].as_deref() < Some(key) {
                return Ok(false);
            }
        }
        self.trees[tree].contains_key(key)
    }

    /// Appends a write set as one record and puts it in the active layer.
    /// The caller holds the writer.
    fn commit(&self, w: &mut Writer, writes: Writes) -> sled::Result<()> {
        if writes.iter().all(BTreeMap::is_empty) {
            return Ok(());
        }
        // Which new keys are already below (outside the layers' lock: only
        // a checkpoint's end changes what is below, and not its union).
        // Everything that can fail comes before the record is written, so
        // a commit that fails leaves nothing in the journal.
        let mut known = Vec::new();
        {
            let layers = read(&self.layers);
            for (tree, map) in writes.iter().enumerate() {
                for k in map.keys() {
                    known.push(layers.active.maps[tree].contains_key(k));
                }
            }
        }
        let mut fresh = Vec::with_capacity(known.len());
        let keys = writes
            .iter()
            .enumerate()
            .flat_map(|(tree, map)| map.keys().map(move |k| (tree, k)));
        for ((tree, k), known) in keys.zip(&known) {
            fresh.push(!known && !self.below(tree, k)?);
        }
        let ops = writes.iter().enumerate().flat_map(|(tree, map)| {
            map.iter().map(move |(k, v)| Op {
                tree: tree as u8,
                key: k,
                value: v.as_deref(),
            })
        });
        journal::encode(&mut w.buf, ops);
        let plan = writes
            .into_iter()
            .enumerate()
            .flat_map(|(tree, map)| map.into_iter().map(move |(k, v)| (tree, k, v, ())));
        let mut layers = write(&self.layers);
        let active = &mut layers.active;
        active.since.get_or_insert_with(Instant::now);
        for ((tree, k, v, _), fresh) in plan.into_iter().zip(fresh) {
            active.bytes += k.len() + v.as_ref().map_or(0, |v| v.len()) + 64;
            let map = &mut active.maps[tree];
            match (map.get_mut(&k), v) {
                (Some(e), Some(v)) => e.value = Some(v),
                (Some(e), None) => {
                    if e.fresh {
                        map.remove(&k);
                    } else {
                        e.value = None;
                    }
                }
                (None, Some(v)) => {
                    map.insert(
                        k,
                        Entry {
                            value: Some(v),
                            fresh,
                        },
                    );
                }
                (None, None) => {
                    if !fresh {
                        map.insert(
                            k,
                            Entry {
                                value: None,
                                fresh: false,
                            },
                        );
                    }
                }
            }
        }
        Ok(())
    }

    /// Runs `f` as one transaction: its writes are committed together if
    /// it returns `Ok`, forgotten if it aborts.
    pub fn transaction<R>(&self, f: impl FnOnce(&Txn<'_>) -> TxResult<R>) -> TxResult<R> {
        self.transaction_then(f, |_| {})
    }

    /// [`Kv::transaction`], then `then` with its result once it committed,
    /// still under the writer lock: what `then` does follows the commits
    /// in their order (the store's decoded records are put so).
    pub fn transaction_then<R>(
        &self,
        f: impl FnOnce(&Txn<'_>) -> TxResult<R>,
        then: impl FnOnce(&R),
    ) -> TxResult<R> {
        let mut w = locked(&self.writer);
        let txn = Txn::new(self);
        let r = f(&txn)?;
        self.commit(&mut w, txn.into_writes())?;
        then(&r);
        Ok(r)
    }

    /// Runs `f` under the writer lock, between two transactions (and their
    /// `then`s): an erasure destroys a key so.
    pub fn exclusive<R>(&self, f: impl FnOnce() -> R) -> R {
        let _w = locked(&self.writer);
        f()
    }

    /// One tree's writes, committed as one record; returns the value
    /// `before` had just before (read under the writer, so no other write
    /// comes between).
    fn write_one(
        &self,
        tree: usize,
        ops: BTreeMap<Vec<u8>, Option<IVec>>,
        before: Option<&[u8]>,
    ) -> sled::Result<Option<IVec>> {
        let mut w = locked(&self.writer);
        let before = match before {
            Some(key) => self.get(tree, key)?,
            None => None,
        };
        let mut writes = no_writes();
        writes[tree] = ops;
        self.commit(&mut w, writes)?;
        Ok(before)
    }

    /// The group commit: everything committed so far is on disk when this
    /// returns.
    pub fn sync(&self) -> sled::Result<()> {
        if let Some(e) = locked(&self.failed).clone() {
            return Err(io_error(std::io::Error::other(e)));
        }
        let mut io = locked(&self.io);
        let mut buf = {
            // The next records go to the spare buffer, so neither is grown
            // again from nothing at every group commit.
            let mut w = locked(&self.writer);
            let spare = std::mem::take(&mut w.spare);
            std::mem::replace(&mut w.buf, spare)
        };
        let written = io.append(&buf).map_err(io_error);
        buf.clear();
        let mut w = locked(&self.writer);
        if buf.capacity() <= SPARE_MAX {
            w.spare = buf;
        }
        written
    }

    /// Whether the active layer is due for a checkpoint.
    fn due(&self) -> bool {
        let layers = read(&self.layers);
        layers.active.bytes >= CHECKPOINT_BYTES
            || layers
                .active
                .since
                .is_some_and(|t| t.elapsed() >= CHECKPOINT_AGE)
    }

    /// Brings sled up to date with everything committed, then forgets the
    /// journal segments that held it.
    pub fn checkpoint(&self) -> sled::Result<()> {
        let _one = locked(&self.checkpointing);
        if let Some(e) = locked(&self.failed).clone() {
            return Err(io_error(std::io::Error::other(e)));
        }
        let (frozen, ended) = {
            let mut io = locked(&self.io);
            let (frozen, buf) = {
                let mut w = locked(&self.writer);
                let mut layers = write(&self.layers);
                if layers.active.since.is_none() {
                    return Ok(());
                }
                let frozen = Arc::new(std::mem::replace(&mut layers.active, Layer::new()));
                for (top, map) in layers.sled_top.iter_mut().zip(&frozen.maps) {
                    let last = map.last_key_value().map(|(k, _)| k);
                    if top.as_ref() < last {
                        *top = last.cloned();
                    }
                }
                layers.frozen = Some(Arc::clone(&frozen));
                (frozen, std::mem::take(&mut w.buf))
            };
            // The frozen layer's records end the current segment, on disk
            // before any of them reaches sled.
            io.append(&buf).map_err(io_error)?;
            let ended = io.rotate().map_err(io_error)?;
            (frozen, ended)
        };
        for (tree, map) in frozen.maps.iter().enumerate() {
            if map.is_empty() {
                continue;
            }
            let mut batch = sled::Batch::default();
            for (k, e) in map {
                match &e.value {
                    Some(v) => batch.insert(k.as_slice(), v.clone()),
                    None => batch.remove(k.as_slice()),
                }
            }
            self.trees[tree].apply_batch(batch)?;
        }
        self.db.flush()?;
        if let Some(path) = ended {
            let older: Vec<_> = journal::segments(path.parent().unwrap_or(Path::new(".")))
                .map_err(io_error)?
                .into_iter()
                .map(|(_, p)| p)
                .take_while(|p| *p <= path)
                .collect();
            journal::remove(&older).map_err(io_error)?;
        }
        write(&self.layers).frozen = None;
        Ok(())
    }

    fn fail(&self, e: &sled::Error) {
        locked(&self.failed).get_or_insert_with(|| e.to_string());
    }

    /// The layers' entries of a tree within bounds, newest value per key.
    fn overlay(&self, tree: usize, lo: &[u8], prefix: bool) -> Vec<(Vec<u8>, Option<IVec>)> {
        let layers = read(&self.layers);
        let range = (Bound::Included(lo.to_vec()), Bound::Unbounded);
        let within = |k: &Vec<u8>| !prefix || k.starts_with(lo);
        let mut merged: BTreeMap<Vec<u8>, Option<IVec>> = BTreeMap::new();
        if let Some(f) = &layers.frozen {
            for (k, e) in f.maps[tree]
                .range(range.clone())
                .take_while(|(k, _)| within(k))
            {
                merged.insert(k.clone(), e.value.clone());
            }
        }
        for (k, e) in layers.active.maps[tree]
            .range(range)
            .take_while(|(k, _)| within(k))
        {
            merged.insert(k.clone(), e.value.clone());
        }
        merged.into_iter().collect()
    }
}

/// Replays the journal's segments into sled, flushes it and removes them;
/// returns the last segment's number.
fn replay(db: &sled::Db, trees: &[sled::Tree], dir: &Path) -> sled::Result<u64> {
    let segments = journal::segments(dir).map_err(io_error)?;
    let Some(last) = segments.last().map(|(seq, _)| *seq) else {
        return Ok(0);
    };
    let mut writes = no_writes();
    let mut records = 0;
    for (i, (_, path)) in segments.iter().enumerate() {
        let bytes = journal::read(path).map_err(io_error)?;
        let (n, whole) = journal::decode(&bytes, |op| {
            if let Some(map) = writes.get_mut(op.tree as usize) {
                map.insert(op.key.to_vec(), op.value.map(IVec::from));
            }
        });
        records += n;
        if !whole && i + 1 < segments.len() {
            // Only the last segment can end in a record a crash cut short:
            // an earlier one was synced whole before the next began.
            return Err(io_error(std::io::Error::other(format!(
                "the journal segment {} is damaged; restore a backup into a new folder",
                path.display()
            ))));
        }
        if !whole {
            tracing::warn!(
                segment = %path.display(),
                "the journal ends in a record a crash cut short; it was never confirmed"
            );
        }
    }
    for (tree, map) in writes.into_iter().enumerate() {
        let mut batch = sled::Batch::default();
        for (k, v) in map {
            match v {
                Some(v) => batch.insert(k, v),
                None => batch.remove(k),
            }
        }
        trees[tree].apply_batch(batch)?;
    }
    db.flush()?;
    let paths: Vec<_> = segments.into_iter().map(|(_, p)| p).collect();
    journal::remove(&paths).map_err(io_error)?;
    if records > 0 {
        tracing::info!(records, "the journal was replayed into the store");
    }
    Ok(last)
}

/// Checkpoints the trees in the background until dropped (then once more).
pub(super) struct Checkpointer {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Checkpointer {
    pub fn start(kv: &Arc<Kv>) -> Checkpointer {
        let stop: Arc<(Mutex<bool>, Condvar)> = Default::default();
        let weak: Weak<Kv> = Arc::downgrade(kv);
        let signal = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("checkpoint".into())
            .spawn(move || {
                loop {
                    let stopping = {
                        let (m, cv) = &*signal;
                        let g = locked(m);
                        let (g, _) = cv
                            .wait_timeout_while(g, Duration::from_millis(100), |stop| !*stop)
                            .unwrap_or_else(|e| e.into_inner());
                        *g
                    };
                    let Some(kv) = weak.upgrade() else { return };
                    if stopping || kv.due() {
                        if let Err(e) = kv.checkpoint() {
                            tracing::error!(error = %e, "cannot bring the store up to date");
                            kv.fail(&e);
                        }
                    }
                    if stopping {
                        return;
                    }
                }
            })
            .expect("a thread for checkpoints");
        Checkpointer {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        *locked(&self.stop.0) = true;
        self.stop.1.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests;
