//! Crypto-shredding: personal records are sealed (XChaCha20-Poly1305) with
//! a key of their own person, kept outside sled in `keyring.keys`, a table
//! of one slot per person overwritten in place (`keyfile.rs`); the epoch
//! and the backup key are in `keyring.json`, a small file rewritten
//! atomically (write, fsync, rename, fsync the folder). Erasing a person
//! destroys their key: every copy of their records that sled's
//! log-structured files may still hold, in old segments no write can
//! reach, becomes unreadable noise.
//!
//! Short-lived rows (the inbox of raw updates, the outbox) are sealed with
//! an *epoch* key instead; an erasure re-seals the live rows with a new
//! epoch key and destroys the old one, so nothing a person typed survives
//! in the transit trees either.
//!
//! Sealed value: `0xE1`, the owner (i64, big-endian), the key's generation
//! (u32, big-endian), a 24-byte nonce, the ciphertext with its tag.
//! Anything else is a plain (unsealed) value. A person who comes back after
//! an erasure gets a key of a new generation, so a leftover record of the
//! old one reads as shredded, never as damaged.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::keyfile::{self, Entry, KeyFile};

use chacha20poly1305::aead::{Aead, AeadInPlace, KeyInit, OsRng};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

const MAGIC: u8 = 0xE1;
const HEADER: usize = 1 + 8 + 4 + 24;
/// The keyring's file name in the data folder.
pub const FILE: &str = "keyring.json";

#[derive(Debug, thiserror::Error)]
pub enum CryptError {
    #[error("the key of this record was destroyed (erased person)")]
    Shredded,
    #[error("a sealed record is damaged")]
    Damaged,
    #[error("cannot write the keyring {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("the keyring {0} cannot be read")]
    Unreadable(String),
    #[error(
        "{0} is missing, but keyring.json says this folder's keys are in it: put back the keyring.keys that belongs with this folder (keyring.json and keyring.keys must be copied together), or restore a backup into a new folder with `opop-bot restore`; nothing was changed"
    )]
    KeysMissing(String),
}

/// `keyring.json`. Up to version 2 it held every key; since version 3
/// the keys are in `keyring.keys` and the file has neither `keys` nor
/// `generations`, so that an older version, which needs `keys`, refuses it
/// instead of reading every record as erased.
#[derive(Default, Serialize, Deserialize)]
struct State {
    v: u32,
    epoch: u64,
    /// Version 2 and older: "owner:generation" -> key (hex).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    keys: BTreeMap<String, String>,
    /// Version 2 and older: owner -> the generation of their current or
    /// next key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    generations: BTreeMap<String, u32>,
    /// The key backups of this folder are signed with (hex).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    backup_key: Option<String>,
}

/// The keyring.json version this one writes.
const VERSION: u32 = 3;

/// A key's identity: its owner and generation.
type KeyId = (i64, u32);

/// In memory: the epoch, the table of keys (a bounded number of them in
/// memory), the backup key.
struct Ring {
    epoch: u64,
    keys: KeyFile,
    backup_key: Option<Key>,
    /// Inside [`Keyring::bulk`]: new keys are synced once at its end.
    bulk: bool,
}

/// The keys, in memory and in their file (none for a temporary store).
pub struct Keyring {
    path: Option<PathBuf>,
    state: Mutex<Ring>,
    nonces: Nonces,
}

/// XChaCha20's 24-byte nonces: 16 random bytes drawn once per process,
/// then a counter. A nonce never repeats under a key within a process, and
/// two processes share a prefix with probability 2^-128 — as safe as a
/// random nonce per seal, without a system call per seal.
struct Nonces {
    prefix: [u8; 16],
    next: std::sync::atomic::AtomicU64,
}

impl Nonces {
    fn new() -> Nonces {
        let mut prefix = [0u8; 16];
        chacha20poly1305::aead::rand_core::RngCore::fill_bytes(&mut OsRng, &mut prefix);
        Nonces {
            prefix,
            next: std::sync::atomic::AtomicU64::new(0),
        }
    }

    fn next(&self) -> XNonce {
        let n = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut nonce = XNonce::default();
        nonce[..16].copy_from_slice(&self.prefix);
        nonce[16..].copy_from_slice(&n.to_be_bytes());
        nonce
    }
}

/// A key generation never used for its owner: random, so that a keyring
/// replaced by an older copy or lost with the store cannot hand out a key
/// id that records in the store were sealed with (they would read as
/// damaged, not as erased).
fn fresh_generation(old: Option<u32>) -> u32 {
    loop {
        let mut bytes = [0u8; 4];
        chacha20poly1305::aead::rand_core::RngCore::fill_bytes(&mut OsRng, &mut bytes);
        let generation = u32::from_be_bytes(bytes);
        if generation != 0 && Some(generation) != old {
            return generation;
        }
    }
}

impl Ring {
    /// The generation of `owner`'s current key (a fresh one when it has
    /// none yet; 0 for an epoch), and the key if it exists.
    fn current(&mut self, owner: i64) -> std::io::Result<(u32, Option<Key>)> {
        Ok(match self.keys.get(owner)? {
            Some(Entry::Key { generation, key }) => (generation, Some(key.into())),
            Some(Entry::Destroyed { next }) => (next, None),
            None if owner < 0 => (0, None),
            None => (fresh_generation(None), None),
        })
    }

    /// Makes `owner`'s key of `generation` and writes it into the table
    /// (synced unless `sync` is false, inside [`Keyring::bulk`]).
    fn make_key(&mut self, owner: i64, generation: u32, sync: bool) -> std::io::Result<Key> {
        let key = XChaCha20Poly1305::generate_key(&mut OsRng);
        let entry = Entry::Key {
            generation,
            key: key.into(),
        };
        self.keys.set(owner, entry, sync)?;
        Ok(key)
    }

    /// The key of epoch id `id`, made if it has none.
    fn ensure_epoch_key(&mut self, id: i64) -> std::io::Result<()> {
        if self.key((id, 0))?.is_none() {
            self.make_key(id, 0, true)?;
        }
        Ok(())
    }

    /// The key of this id, if it still exists.
    fn key(&mut self, (owner, generation): KeyId) -> std::io::Result<Option<Key>> {
        Ok(match self.keys.get(owner)? {
            Some(Entry::Key { generation: g, key }) if g == generation => Some(key.into()),
            _ => None,
        })
    }
}

/// The table's entries of a version 2 keyring.json (one slot per owner:
/// the key of its current generation, or the generation of its next
/// key once its keys were destroyed).
fn converted(
    state: &State,
    unreadable: impl Fn() -> CryptError,
) -> Result<Vec<(i64, Entry)>, CryptError> {
    let mut keys: BTreeMap<i64, Vec<(u32, Key)>> = BTreeMap::new();
    for (id, k) in &state.keys {
        let (owner, generation) = id.split_once(':').unwrap_or((id, "0"));
        let owner: i64 = owner.parse().map_err(|_| unreadable())?;
        let generation: u32 = generation.parse().map_err(|_| unreadable())?;
        let key = key_from_hex(k).ok_or_else(&unreadable)?;
        keys.entry(owner).or_default().push((generation, key));
    }
    let mut generations = BTreeMap::new();
    for (owner, generation) in &state.generations {
        let owner: i64 = owner.parse().map_err(|_| unreadable())?;
        generations.insert(owner, *generation);
    }
    let mut entries = Vec::new();
    for (owner, mut owned) in keys {
        // Version 2 made at most one key per owner live (a new one only
        // after the old ones were destroyed): the current generation's,
        // or the only one.
        let current = generations.remove(&owner).unwrap_or(0);
        owned.sort_by_key(|(g, _)| *g != current);
        if owned.len() > 1 {
            tracing::error!(
                owner,
                keys = owned.len(),
                "keyring.json held more than one key of an owner; the current one is kept"
            );
        }
        let (generation, key) = owned[0];
        entries.push((
            owner,
            Entry::Key {
                generation,
                key: key.into(),
            },
        ));
    }
    for (owner, next) in generations {
        entries.push((owner, Entry::Destroyed { next }));
    }
    Ok(entries)
}

/// A key as the keyring file holds it (64 hex digits).
fn key_from_hex(hex: &str) -> Option<Key> {
    let bytes = hex::decode(hex).ok()?;
    (bytes.len() == 32).then(|| *Key::from_slice(&bytes))
}

/// The key a sealed value (at least [`HEADER`] bytes) names: its owner and
/// generation.
fn key_id(stored: &[u8]) -> KeyId {
    let owner = i64::from_be_bytes(stored[1..9].try_into().expect("8 bytes"));
    let generation = u32::from_be_bytes(stored[9..13].try_into().expect("4 bytes"));
    (owner, generation)
}

/// The owner id of an epoch (negative; people's ids are positive).
fn epoch_id(epoch: u64) -> i64 {
    -(epoch as i64) - 1
}

impl Keyring {
    /// Loads (or starts) the keyring in a data folder, converting one of
    /// version 2 (every key in keyring.json).
    pub fn load(dir: &Path) -> Result<Keyring, CryptError> {
        let path = dir.join(FILE);
        let unreadable = || CryptError::Unreadable(path.display().to_string());
        let (state, existed): (State, bool) = match std::fs::read(&path) {
            Ok(bytes) => (
                serde_json::from_slice(&bytes).map_err(|_| unreadable())?,
                true,
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (State::default(), false),
            Err(_) => return Err(unreadable()),
        };
        let io = |source| CryptError::Io {
            path: dir.join(keyfile::FILE).display().to_string(),
            source,
        };
        let old = existed && state.v < VERSION;
        let keys = if old {
            // The table first, then keyring.json without the keys: a crash
            // between converts again from the same keys.
            KeyFile::create(dir, &converted(&state, unreadable)?).map_err(io)?
        } else {
            match KeyFile::open(dir).map_err(io)? {
                Some(table) => table,
                None if !existed => KeyFile::create(dir, &[]).map_err(io)?,
                None => {
                    return Err(CryptError::KeysMissing(
                        dir.join(keyfile::FILE).display().to_string(),
                    ));
                }
            }
        };
        let backup_key = match &state.backup_key {
            Some(k) => Some(key_from_hex(k).ok_or_else(unreadable)?),
            None => None,
        };
        let ring = Keyring {
            path: Some(path),
            state: Mutex::new(Ring {
                epoch: state.epoch,
                keys,
                backup_key,
                bulk: false,
            }),
            nonces: Nonces::new(),
        };
        if old || !existed {
            ring.save(state.epoch, backup_key)?;
        }
        ring.ensure_epoch()?;
        Ok(ring)
    }

    /// A keyring that lives in memory only (temporary stores).
    pub fn temporary() -> Keyring {
        let ring = Keyring {
            path: None,
            state: Mutex::new(Ring {
                epoch: 0,
                keys: KeyFile::memory(),
                backup_key: None,
                bulk: false,
            }),
            nonces: Nonces::new(),
        };
        ring.ensure_epoch().expect("no file to write");
        ring
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Ring> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn io(&self, source: std::io::Error) -> CryptError {
        CryptError::Io {
            path: self.path.as_ref().map_or_else(
                || keyfile::FILE.to_string(),
                |p| p.with_file_name(keyfile::FILE).display().to_string(),
            ),
            source,
        }
    }

    fn ensure_epoch(&self) -> Result<(), CryptError> {
        let mut ring = self.lock();
        let id = epoch_id(ring.epoch);
        ring.ensure_epoch_key(id).map_err(|e| self.io(e))
    }

    /// Writes keyring.json (the epoch and the backup key): temporary name,
    /// fsync, rename, fsync the folder.
    fn save(&self, epoch: u64, backup_key: Option<Key>) -> Result<(), CryptError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let io = |source| CryptError::Io {
            path: path.display().to_string(),
            source,
        };
        let state = State {
            v: VERSION,
            epoch,
            keys: BTreeMap::new(),
            generations: BTreeMap::new(),
            backup_key: backup_key.map(hex::encode),
        };
        crate::files::write_whole(path, |file| {
            serde_json::to_writer(&mut *file, &state).map_err(std::io::Error::from)
        })
        .map_err(io)?;
        Ok(())
    }

    /// Runs `f` syncing new keys once at the end instead of one sync
    /// each: for filling a new folder (restore, seeding), where a crash
    /// half-way means starting again anyway.
    pub fn bulk<R>(&self, f: impl FnOnce() -> R) -> Result<R, CryptError> {
        self.lock().bulk = true;
        let result = f();
        let mut ring = self.lock();
        ring.bulk = false;
        ring.keys.sync().map_err(|e| self.io(e))?;
        Ok(result)
    }

    /// The key this folder's backups are signed with (made and saved the
    /// first time it is needed).
    pub fn backup_key(&self) -> Result<[u8; 32], CryptError> {
        let mut ring = self.lock();
        if let Some(k) = ring.backup_key {
            return Ok(k.into());
        }
        let k = XChaCha20Poly1305::generate_key(&mut OsRng);
        self.save(ring.epoch, Some(k))?;
        ring.backup_key = Some(k);
        Ok(k.into())
    }

    /// The backup key in a keyring file (for checking a backup of another
    /// folder before restoring it).
    pub fn backup_key_in(file: &Path) -> Result<Option<[u8; 32]>, CryptError> {
        let unreadable = || CryptError::Unreadable(file.display().to_string());
        let bytes = std::fs::read(file).map_err(|_| unreadable())?;
        let state: State = serde_json::from_slice(&bytes).map_err(|_| unreadable())?;
        match state.backup_key {
            Some(k) => Ok(Some(key_from_hex(&k).ok_or_else(unreadable)?.into())),
            None => Ok(None),
        }
    }

    /// The owner id for short-lived rows now.
    pub fn epoch_owner(&self) -> i64 {
        epoch_id(self.lock().epoch)
    }

    /// Seals `plain` with `owner`'s current key, creating (and saving) it
    /// first if needed, so no sealed byte reaches sled before its key is on
    /// disk.
    pub fn seal(&self, owner: i64, plain: &[u8]) -> Result<Vec<u8>, CryptError> {
        let mut ring = self.lock();
        let (generation, key) = ring.current(owner).map_err(|e| self.io(e))?;
        let key = match key {
            Some(k) => k,
            None => {
                let sync = !ring.bulk;
                ring.make_key(owner, generation, sync)
                    .map_err(|e| self.io(e))?
            }
        };
        drop(ring);
        let nonce = self.nonces.next();
        let mut out = Vec::with_capacity(HEADER + plain.len() + 16);
        out.push(MAGIC);
        out.extend_from_slice(&owner.to_be_bytes());
        out.extend_from_slice(&generation.to_be_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(plain);
        let tag = XChaCha20Poly1305::new(&key)
            .encrypt_in_place_detached(&nonce, b"", &mut out[HEADER..])
            .map_err(|_| CryptError::Damaged)?;
        out.extend_from_slice(&tag);
        Ok(out)
    }

    /// The plain bytes of a stored value (sealed or not).
    pub fn open<'a>(&self, stored: &'a [u8]) -> Result<std::borrow::Cow<'a, [u8]>, CryptError> {
        if stored.first() != Some(&MAGIC) {
            return Ok(std::borrow::Cow::Borrowed(stored));
        }
        if stored.len() < HEADER + 16 {
            return Err(CryptError::Damaged);
        }
        let key = self
            .lock()
            .key(key_id(stored))
            .map_err(|e| self.io(e))?
            .ok_or(CryptError::Shredded)?;
        let nonce = XNonce::from_slice(&stored[13..HEADER]);
        XChaCha20Poly1305::new(&key)
            .decrypt(nonce, &stored[HEADER..])
            .map(std::borrow::Cow::Owned)
            .map_err(|_| CryptError::Damaged)
    }

    /// Whether the key a stored value is sealed with still exists (a plain
    /// value: always).
    pub fn can_open(&self, stored: &[u8]) -> bool {
        if stored.first() != Some(&MAGIC) || stored.len() < HEADER {
            return true;
        }
        // A key that cannot be read is no key to open with.
        self.lock().key(key_id(stored)).is_ok_and(|k| k.is_some())
    }

    /// The owner a stored value is sealed for, if it is sealed.
    pub fn owner_of(stored: &[u8]) -> Option<i64> {
        (stored.first() == Some(&MAGIC) && stored.len() >= 9)
            .then(|| i64::from_be_bytes(stored[1..9].try_into().expect("8 bytes")))
    }

    /// Destroys a person's key (overwritten in its slot, synced); a key
    /// made for them later is of a new generation.
    pub fn destroy(&self, owner: i64) -> Result<(), CryptError> {
        let mut ring = self.lock();
        if let Some(Entry::Key { generation, .. }) = ring.keys.get(owner).map_err(|e| self.io(e))? {
            let next = fresh_generation(Some(generation));
            ring.keys
                .set(owner, Entry::Destroyed { next }, true)
                .map_err(|e| self.io(e))?;
        }
        Ok(())
    }

    /// Starts a new epoch; returns the old epoch's owner id.
    pub fn next_epoch(&self) -> Result<i64, CryptError> {
        let mut ring = self.lock();
        let old = epoch_id(ring.epoch);
        let new = epoch_id(ring.epoch + 1);
        // The key first (one a crash left before keyring.json named its
        // epoch is kept: nothing was sealed with it, but nothing needs to
        // be overwritten either); the epoch moves on in memory only once
        // keyring.json says so.
        ring.ensure_epoch_key(new).map_err(|e| self.io(e))?;
        self.save(ring.epoch + 1, ring.backup_key)?;
        ring.epoch += 1;
        Ok(old)
    }

    /// Destroys every epoch key but `keep`'s.
    pub fn destroy_epochs_except(&self, keep: i64) -> Result<(), CryptError> {
        let mut ring = self.lock();
        let epochs = ring.keys.epochs().map_err(|e| self.io(e))?;
        for owner in epochs.into_iter().filter(|o| *o != keep) {
            ring.keys
                .set(owner, Entry::Destroyed { next: 0 }, true)
                .map_err(|e| self.io(e))?;
        }
        Ok(())
    }

    /// Whether a person (or epoch) has a key now.
    pub fn has_key(&self, owner: i64) -> bool {
        matches!(self.lock().keys.get(owner), Ok(Some(Entry::Key { .. })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_until_the_key_is_destroyed() {
        let dir = tempfile::tempdir().unwrap();
        let ring = Keyring::load(dir.path()).unwrap();
        let sealed = ring.seal(1001, b"Siti Aminah 081234567890").unwrap();
        assert!(!sealed.windows(6).any(|w| w == b"Aminah"));
        assert_eq!(&*ring.open(&sealed).unwrap(), b"Siti Aminah 081234567890");
        assert_eq!(&*ring.open(b"{\"plain\":1}").unwrap(), b"{\"plain\":1}");
        // The key survives a reload from the file ...
        let again = Keyring::load(dir.path()).unwrap();
        assert_eq!(&*again.open(&sealed).unwrap(), b"Siti Aminah 081234567890");
        // ... until it is destroyed.
        again.destroy(1001).unwrap();
        assert!(matches!(again.open(&sealed), Err(CryptError::Shredded)));
        let reloaded = Keyring::load(dir.path()).unwrap();
        assert!(matches!(reloaded.open(&sealed), Err(CryptError::Shredded)));
        // Back after the erasure: a new key, and the old record still reads
        // as shredded (not as damaged).
        let again = reloaded.seal(1001, b"new").unwrap();
        assert_eq!(&*reloaded.open(&again).unwrap(), b"new");
        assert!(matches!(reloaded.open(&sealed), Err(CryptError::Shredded)));
        let reloaded = Keyring::load(dir.path()).unwrap();
        assert_eq!(&*reloaded.open(&again).unwrap(), b"new");
    }

    #[test]
    fn a_new_keyring_never_hands_out_a_key_id_of_an_old_one() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let old = Keyring::load(a.path()).unwrap();
        let sealed = old.seal(1001, b"Siti").unwrap();
        // A keyring started afresh (lost, or replaced by one without this
        // person): the person's new key has another id, so the old record
        // reads as the unreadable record it is, never as a wrong key's.
        let new = Keyring::load(b.path()).unwrap();
        let again = new.seal(1001, b"Siti").unwrap();
        assert_ne!(sealed[9..13], again[9..13], "another generation");
        assert!(matches!(new.open(&sealed), Err(CryptError::Shredded)));
    }
}
