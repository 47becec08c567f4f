//! Crypto-shredding: personal records are sealed (XChaCha20-Poly1305) with
//! a key of their own person, kept outside sled in `keyring.json`, a small
//! file rewritten atomically (write, fsync, rename, fsync the folder).
//! Erasing a person destroys their key: every copy of their records that
//! sled's log-structured files may still hold, in old segments no write
//! can reach, becomes unreadable noise.
//!
//! Short-lived rows (the inbox of raw updates, the outbox) are sealed with
//! an *epoch* key instead; an erasure re-seals the live rows with a new
//! epoch key and destroys the old one, so nothing a person typed survives
//! in the transit trees either.
//!
//! Sealed value: `0xE1`, the key id (i64, big-endian), a 24-byte nonce,
//! the ciphertext with its tag. Anything else is a plain (unsealed) value.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

const MAGIC: u8 = 0xE1;
const HEADER: usize = 1 + 8 + 24;
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
}

#[derive(Default, Serialize, Deserialize)]
struct State {
    v: u32,
    epoch: u64,
    /// Key id (decimal) -> key (hex).
    keys: BTreeMap<String, String>,
}

/// The keys, in memory and in their file (none for a temporary store).
pub struct Keyring {
    path: Option<PathBuf>,
    state: Mutex<(State, BTreeMap<i64, Key>)>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The key id of an epoch (negative; people's ids are positive).
fn epoch_id(epoch: u64) -> i64 {
    -(epoch as i64) - 1
}

impl Keyring {
    /// Loads (or starts) the keyring in a data folder.
    pub fn load(dir: &Path) -> Result<Keyring, CryptError> {
        let path = dir.join(FILE);
        let state: State = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|_| CryptError::Unreadable(path.display().to_string()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => State {
                v: 1,
                ..State::default()
            },
            Err(_) => return Err(CryptError::Unreadable(path.display().to_string())),
        };
        let mut keys = BTreeMap::new();
        for (id, k) in &state.keys {
            let id: i64 = id
                .parse()
                .map_err(|_| CryptError::Unreadable(path.display().to_string()))?;
            let bytes = unhex(k)
                .filter(|b| b.len() == 32)
                .ok_or_else(|| CryptError::Unreadable(path.display().to_string()))?;
            keys.insert(id, *Key::from_slice(&bytes));
        }
        let ring = Keyring {
            path: Some(path),
            state: Mutex::new((state, keys)),
        };
        ring.ensure_epoch()?;
        Ok(ring)
    }

    /// A keyring that lives in memory only (temporary stores).
    pub fn temporary() -> Keyring {
        let ring = Keyring {
            path: None,
            state: Mutex::new((
                State {
                    v: 1,
                    ..State::default()
                },
                BTreeMap::new(),
            )),
        };
        ring.ensure_epoch().expect("no file to write");
        ring
    }

    fn ensure_epoch(&self) -> Result<(), CryptError> {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let id = epoch_id(guard.0.epoch);
        if let std::collections::btree_map::Entry::Vacant(slot) = guard.1.entry(id) {
            slot.insert(XChaCha20Poly1305::generate_key(&mut OsRng));
            self.save(&mut guard)?;
        }
        Ok(())
    }

    /// Writes the file: temporary name, fsync, rename, fsync the folder.
    fn save(&self, guard: &mut (State, BTreeMap<i64, Key>)) -> Result<(), CryptError> {
        guard.0.keys = guard
            .1
            .iter()
            .map(|(id, k)| (id.to_string(), hex(k)))
            .collect();
        let Some(path) = &self.path else {
            return Ok(());
        };
        let io = |source| CryptError::Io {
            path: path.display().to_string(),
            source,
        };
        let tmp = path.with_extension("json.tmp");
        let bytes = serde_json::to_vec(&guard.0).expect("keyring serializes");
        let mut file = std::fs::File::create(&tmp).map_err(io)?;
        file.write_all(&bytes).map_err(io)?;
        file.sync_all().map_err(io)?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(io)?;
        if let Some(dir) = path.parent() {
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    }

    /// The key id for short-lived rows now.
    pub fn epoch_owner(&self) -> i64 {
        epoch_id(self.state.lock().unwrap_or_else(|e| e.into_inner()).0.epoch)
    }

    /// Seals `plain` with `owner`'s key, creating (and saving) it first if
    /// needed, so no sealed byte reaches sled before its key is on disk.
    pub fn seal(&self, owner: i64, plain: &[u8]) -> Result<Vec<u8>, CryptError> {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let key = match guard.1.get(&owner) {
            Some(k) => *k,
            None => {
                let k = XChaCha20Poly1305::generate_key(&mut OsRng);
                guard.1.insert(owner, k);
                self.save(&mut guard)?;
                k
            }
        };
        drop(guard);
        let cipher = XChaCha20Poly1305::new(&key);
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = cipher
            .encrypt(&nonce, plain)
            .map_err(|_| CryptError::Damaged)?;
        let mut out = Vec::with_capacity(HEADER + sealed.len());
        out.push(MAGIC);
        out.extend_from_slice(&owner.to_be_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
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
        let owner = i64::from_be_bytes(stored[1..9].try_into().expect("8 bytes"));
        let key = {
            let guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
            *guard.1.get(&owner).ok_or(CryptError::Shredded)?
        };
        let nonce = XNonce::from_slice(&stored[9..HEADER]);
        XChaCha20Poly1305::new(&key)
            .decrypt(nonce, &stored[HEADER..])
            .map(std::borrow::Cow::Owned)
            .map_err(|_| CryptError::Damaged)
    }

    /// The key id a stored value is sealed with, if it is sealed.
    pub fn owner_of(stored: &[u8]) -> Option<i64> {
        (stored.first() == Some(&MAGIC) && stored.len() >= 9)
            .then(|| i64::from_be_bytes(stored[1..9].try_into().expect("8 bytes")))
    }

    /// Destroys a person's key (and saves the keyring without it).
    pub fn destroy(&self, owner: i64) -> Result<(), CryptError> {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if guard.1.remove(&owner).is_some() {
            self.save(&mut guard)?;
        }
        Ok(())
    }

    /// Starts a new epoch; returns the old epoch's key id, to be destroyed
    /// once the live rows are sealed again with the new one.
    pub fn next_epoch(&self) -> Result<i64, CryptError> {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let old = epoch_id(guard.0.epoch);
        guard.0.epoch += 1;
        let new = epoch_id(guard.0.epoch);
        guard
            .1
            .insert(new, XChaCha20Poly1305::generate_key(&mut OsRng));
        self.save(&mut guard)?;
        Ok(old)
    }

    /// Destroys every epoch key but `keep`.
    pub fn destroy_epochs_except(&self, keep: i64) -> Result<(), CryptError> {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let before = guard.1.len();
        guard.1.retain(|id, _| *id >= 0 || *id == keep);
        if guard.1.len() != before {
            self.save(&mut guard)?;
        }
        Ok(())
    }

    /// Whether a key exists (tests: a destroyed key stays destroyed).
    pub fn has_key(&self, owner: i64) -> bool {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .1
            .contains_key(&owner)
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
    }
}
