//! Backup and restore: every tree as JSON lines, after a header carrying
//! the schema version and the record count of each tree.
//!
//! ```text
//! {"format":"opop-bot backup","version":1,"schema":1,"counts":{"users":2,…}}
//! {"tree":"users","key":"00000000000003e9","json":{…the record…}}
//! {"tree":"counters","key":"5052442d32303236","hex":"0000000000000001"}
//! ```
//!
//! Keys are hex; JSON records are embedded verbatim (byte for byte), other
//! values as hex, so backup → restore → backup gives the same file. The
//! snapshot is consistent: it is read while event transactions wait (the
//! store's write gate), so it never holds half of an event.
//!
//! A backup file the bot writes is signed: its last line is
//! `{"signature":"…"}`, HMAC-SHA256 of everything before it with the
//! folder's backup key (kept in `keyring.json`). Restore checks it where it
//! can: a changed file is refused, and a file it cannot check is restored
//! without its rows in transit (raw updates, messages to send), which
//! could be forged.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::Path;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::Sha256;

use super::{SCHEMA_VERSION, Store, StoreError};

const FORMAT: &str = "opop-bot backup";

const VERSION: u32 = 1;

/// Trees of rows in transit, which an unchecked restore leaves out.
const TRANSIT_TREES: &[&str] = &["inbox", "outbox"];

/// The last line of a signed backup.
#[derive(Serialize, Deserialize)]
struct Trailer {
    signature: String,
}

fn new_mac(key: &[u8; 32]) -> Hmac<Sha256> {
    Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length")
}

/// Passes bytes on and signs them.
struct Signing<'w, W: Write + ?Sized> {
    out: &'w mut W,
    mac: Hmac<Sha256>,
}

impl<W: Write + ?Sized> Write for Signing<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.mac.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// What a backup file's signature says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signature {
    /// Made by the folder whose key was given, unchanged since.
    Valid,
    /// The file or its signature was changed.
    Wrong,
    /// No signature file, or no key to check it with.
    Unchecked,
}

/// Checks a backup file's signature with `key`.
pub fn check_signature(path: &Path, key: Option<&[u8; 32]>) -> Result<Signature, BackupError> {
    let bytes = std::fs::read(path)?;
    let body = bytes.strip_suffix(b"\n").unwrap_or(&bytes);
    let (signed, last) = match body.iter().rposition(|b| *b == b'\n') {
        Some(at) => (&bytes[..=at], &body[at + 1..]),
        None => return Ok(Signature::Unchecked),
    };
    let Ok(trailer) = serde_json::from_slice::<Trailer>(last) else {
        return Ok(Signature::Unchecked);
    };
    let Some(key) = key else {
        return Ok(Signature::Unchecked);
    };
    let Some(expected) = hex::decode(&trailer.signature).ok() else {
        return Ok(Signature::Wrong);
    };
    let mut mac = new_mac(key);
    mac.update(signed);
    Ok(if mac.verify_slice(&expected).is_ok() {
        Signature::Valid
    } else {
        Signature::Wrong
    })
}

/// Appends the signature line.
fn sign(out: &mut (impl Write + ?Sized), mac: Hmac<Sha256>) -> std::io::Result<()> {
    let trailer = Trailer {
        signature: hex::encode(mac.finalize().into_bytes()),
    };
    serde_json::to_writer(&mut *out, &trailer).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// Trees whose values are JSON documents.
const JSON_TREES: &[&str] = &[
    "users",
    "profiles",
    "sessions",
    "tickets",
    "outbox",
    "faq_log",
    "inbox",
    "broadcasts",
    "bc_ledger",
];

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("line {line}: {message}")]
    Format { line: usize, message: String },
    #[error("the folder {0} is not empty; restore only into a new or empty folder")]
    NotEmpty(String),
    #[error(
        "the backup was made by a newer opop-bot (schema {0}, this one knows {SCHEMA_VERSION})"
    )]
    TooNew(u32),
}

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    schema: u32,
    counts: BTreeMap<String, u64>,
}

#[derive(Serialize)]
struct LineOut<'a> {
    tree: &'a str,
    key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    json: Option<&'a RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hex: Option<String>,
}

#[derive(Deserialize)]
struct LineIn<'a> {
    tree: String,
    key: String,
    #[serde(borrow, default)]
    json: Option<&'a RawValue>,
    #[serde(default)]
    hex: Option<String>,
}

/// Whose key seals a record of `tree` (`None`: stored plain).
pub(super) fn owner(tree: &str, key: &[u8], value: &[u8], epoch: i64) -> Option<i64> {
    let id_at = |at: usize| -> Option<i64> {
        Some(i64::from_be_bytes(key.get(at..at + 8)?.try_into().ok()?))
    };
    let json_user = || -> Option<i64> {
        let v: serde_json::Value = serde_json::from_slice(value).ok()?;
        if v.get("erased_at").is_some_and(|e| !e.is_null()) {
            return None;
        }
        v.get("user")?.as_i64()
    };
    match tree {
        "users" | "profiles" => id_at(0),
        "sessions" => id_at(8),
        "tickets" | "faq_log" => json_user(),
        "inbox" | "outbox" => Some(epoch),
        _ => None,
    }
}

/// Removes an erased person from the backups in `dir`: their user record,
/// profile, sessions and FAQ records go, their tickets keep only what
/// [`crate::records::Ticket::erased`] keeps, and the transit trees (raw
/// updates, queued messages, which may quote them) are dropped. Each file
/// is rewritten through a temporary name with fresh header counts.
pub fn scrub_backups(
    dir: &Path,
    user: i64,
    now: jiff::Timestamp,
    key: &[u8; 32],
) -> Result<(), BackupError> {
    // A file that cannot be scrubbed does not stop the others; the first
    // failure is reported (and the erasure is finished again at start).
    let mut first_error = None;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("jsonl") {
            continue;
        }
        if let Err(e) = scrub_file(&path, user, now, key) {
            tracing::error!(path = %path.display(), error = %e, "cannot scrub a backup");
            first_error.get_or_insert(e);
        }
    }
    first_error.map_or(Ok(()), Err)
}

fn scrub_file(
    path: &Path,
    user: i64,
    now: jiff::Timestamp,
    key: &[u8; 32],
) -> Result<(), BackupError> {
    let hex_id = hex::encode(user.to_be_bytes());
    {
        let text = std::fs::read_to_string(path)?;
        let mut lines = text.lines();
        let Some(first) = lines.next() else {
            return Ok(());
        };
        let Ok(mut header) = serde_json::from_str::<Header>(first) else {
            return Ok(());
        };
        let mut kept: Vec<String> = Vec::new();
        let mut counts: BTreeMap<String, u64> = BTreeMap::new();
        for line in lines {
            let Ok(record) = serde_json::from_str::<LineIn<'_>>(line) else {
                continue;
            };
            let json_user = || {
                record
                    .json
                    .and_then(|j| serde_json::from_str::<serde_json::Value>(j.get()).ok())
                    .and_then(|v| v.get("user").and_then(serde_json::Value::as_i64))
            };
            let mine = match record.tree.as_str() {
                "users" | "profiles" => record.key == hex_id,
                "sessions" => record.key.get(16..32) == Some(hex_id.as_str()),
                "faq_log" => json_user() == Some(user),
                "tickets_by_user" => record.key.starts_with(&hex_id),
                "inbox" | "outbox" => true,
                _ => false,
            };
            if mine {
                continue;
            }
            let mut out = line.to_string();
            if record.tree == "tickets" {
                if let Some(raw) = record.json {
                    if let Ok(ticket) = serde_json::from_str::<crate::records::Ticket>(raw.get()) {
                        if ticket.user == user && ticket.erased_at.is_none() {
                            let line = LineOut {
                                tree: "tickets",
                                key: record.key.clone(),
                                json: Some(
                                    &serde_json::value::to_raw_value(&ticket.erased(now))
                                        .map_err(std::io::Error::from)?,
                                ),
                                hex: None,
                            };
                            out = serde_json::to_string(&line).map_err(std::io::Error::from)?;
                        }
                    }
                }
            }
            *counts.entry(record.tree.clone()).or_insert(0) += 1;
            kept.push(out);
        }
        for (name, n) in header.counts.iter_mut() {
            *n = counts.get(name).copied().unwrap_or(0);
        }
        crate::files::write_whole(path, |file| {
            let mut out = Signing {
                out: &mut *file,
                mac: new_mac(key),
            };
            serde_json::to_writer(&mut out, &header).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
            for line in &kept {
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
            }
            let mac = out.mac;
            sign(file, mac)
        })?;
    }
    Ok(())
}

/// What a backup or restore covered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub counts: BTreeMap<String, u64>,
}

impl Summary {
    pub fn records(&self) -> u64 {
        self.counts.values().sum()
    }
}

impl Store {
    /// Writes a consistent snapshot of every tree. Records are streamed
    /// as they are read (the header's counts come from a first pass), so
    /// memory does not grow with the store. Writers wait while it is
    /// written to a private file in the data folder, not while it is
    /// copied to `out`: a slow reader (the control socket) cannot hold the
    /// bot.
    pub fn backup(&self, out: &mut (impl Write + ?Sized)) -> Result<Summary, BackupError> {
        let Some(dir) = &self.dir else {
            return self.backup_held(out);
        };
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = dir.join(format!("backup-{}-{n}.partial", std::process::id()));
        let result = (|| -> Result<Summary, BackupError> {
            let mut file = std::io::BufWriter::new(crate::files::create(&tmp)?);
            let summary = self.backup_held(&mut file)?;
            file.flush()?;
            drop(file);
            std::io::copy(&mut std::fs::File::open(&tmp)?, out)?;
            out.flush()?;
            Ok(summary)
        })();
        let _ = std::fs::remove_file(&tmp);
        result
    }

    /// [`Store::backup`], written to `out` while writers wait.
    fn backup_held(&self, out: &mut (impl Write + ?Sized)) -> Result<Summary, BackupError> {
        let _quiet = self.gate.write().unwrap_or_else(|e| e.into_inner());
        // Values are opened: a backup holds plain JSON, and restore seals
        // it again with the new folder's keys. Records of an erased person
        // (their key is gone) are not part of it.
        let mut counts: BTreeMap<String, u64> = BTreeMap::new();
        for (name, tree) in self.all_trees() {
            let mut n = 0;
            self.each_opened(tree, |_, _| {
                n += 1;
                Ok(())
            })?;
            counts.insert(name.to_string(), n);
        }
        let header = Header {
            format: FORMAT.into(),
            version: VERSION,
            schema: SCHEMA_VERSION,
            counts: counts.clone(),
        };
        serde_json::to_writer(&mut *out, &header).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
        for (name, tree) in self.all_trees() {
            let json_tree = JSON_TREES.contains(&name);
            self.each_opened(tree, |k, v| {
                let raw = if json_tree {
                    std::str::from_utf8(v)
                        .ok()
                        .and_then(|s| serde_json::from_str::<&RawValue>(s).ok())
                } else {
                    None
                };
                let line = LineOut {
                    tree: name,
                    key: hex::encode(k),
                    json: raw,
                    hex: raw.is_none().then(|| hex::encode(v)),
                };
                serde_json::to_writer(&mut *out, &line).map_err(std::io::Error::from)?;
                out.write_all(b"\n")?;
                Ok(())
            })?;
        }
        out.flush()?;
        Ok(Summary { counts })
    }

    /// Every record of `tree` its keys can open, opened, in key order.
    fn each_opened(
        &self,
        tree: &super::kv::Tree,
        mut each: impl FnMut(&[u8], &[u8]) -> Result<(), BackupError>,
    ) -> Result<(), BackupError> {
        for r in tree.iter() {
            let (k, v) = r.map_err(StoreError::from)?;
            match self.keys.open(&v) {
                Ok(plain) => each(&k, &plain)?,
                Err(super::crypt::CryptError::Shredded) => {}
                Err(e) => return Err(StoreError::from(e).into()),
            }
        }
        Ok(())
    }

    /// [`Store::backup`] with the signature line of the folder's backup
    /// key at the end: what the bot writes to files.
    pub fn backup_signed(&self, out: &mut (impl Write + ?Sized)) -> Result<Summary, BackupError> {
        let key = self.keys.backup_key().map_err(StoreError::from)?;
        let mut signing = Signing {
            out: &mut *out,
            mac: new_mac(&key),
        };
        let summary = self.backup(&mut signing)?;
        let mac = signing.mac;
        sign(out, mac)?;
        Ok(summary)
    }

    /// Writes a signed backup to a file (through a temporary name, so a
    /// file at `path` is always complete).
    pub fn backup_to(&self, path: &Path) -> Result<Summary, BackupError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::files::create_dir(dir)?;
        }
        let mut summary = None;
        crate::files::write_whole(path, |file| {
            summary = Some(self.backup_signed(file).map_err(std::io::Error::other)?);
            Ok(())
        })?;
        Ok(summary.expect("written"))
    }

    /// The key backups of this folder are signed with.
    pub fn backup_key(&self) -> Result<[u8; 32], StoreError> {
        Ok(self.keys.backup_key()?)
    }

    /// Rebuilds a store in `dir` (new, or an empty folder) from a backup.
    /// It is built in a temporary folder beside `dir` and renamed only once
    /// every record is in and the counts match: a refused or failed
    /// restore leaves nothing behind, and can simply be run again.
    pub fn restore(input: impl BufRead, dir: &Path) -> Result<Summary, BackupError> {
        Store::restore_as(input, dir, true)
    }

    /// [`Store::restore`] of a file whose signature could not be checked:
    /// its rows in transit (updates to handle, messages to send) are left
    /// out, and broadcast deliveries that were among them count as
    /// interrupted.
    pub fn restore_unchecked(input: impl BufRead, dir: &Path) -> Result<Summary, BackupError> {
        Store::restore_as(input, dir, false)
    }

    fn restore_as(input: impl BufRead, dir: &Path, transit: bool) -> Result<Summary, BackupError> {
        if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
            return Err(BackupError::NotEmpty(dir.display().to_string()));
        }
        let name = dir.file_name().unwrap_or_default().to_string_lossy();
        let building = dir.with_file_name(format!(".{name}.restoring-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&building);
        let result = Store::restore_into(input, &building, transit);
        if result.is_ok() {
            if dir.exists() {
                std::fs::remove_dir(dir)?;
            }
            if let Err(e) = std::fs::rename(&building, dir) {
                let _ = std::fs::remove_dir_all(&building);
                return Err(e.into());
            }
            crate::files::sync_dir(dir);
        } else {
            let _ = std::fs::remove_dir_all(&building);
        }
        result
    }

    /// [`Store::restore`]'s work, into a new folder `dir`.
    fn restore_into(
        input: impl BufRead,
        dir: &Path,
        transit: bool,
    ) -> Result<Summary, BackupError> {
        let mut lines = input.lines();
        let bad = |line: usize, message: String| BackupError::Format { line, message };
        let first = lines
            .next()
            .ok_or_else(|| bad(1, "the file is empty".into()))??;
        let header: Header = serde_json::from_str(&first)
            .map_err(|e| bad(1, format!("not an opop-bot backup header: {e}")))?;
        if header.format != FORMAT {
            return Err(bad(
                1,
                format!("not an opop-bot backup (format `{}`)", header.format),
            ));
        }
        if header.schema > SCHEMA_VERSION {
            return Err(BackupError::TooNew(header.schema));
        }
        let store = Store::open(dir)?;
        let trees: BTreeMap<&str, super::kv::Tree> = store
            .all_trees()
            .into_iter()
            .map(|(name, tree)| (name, tree.clone()))
            .collect();
        // New people's keys are saved once, after the last record.
        let counts = store.bulk(|store| -> Result<BTreeMap<String, u64>, BackupError> {
            let mut counts: BTreeMap<String, u64> = BTreeMap::new();
            for (i, line) in lines.enumerate() {
                let n = i + 2;
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                if serde_json::from_str::<Trailer>(&line).is_ok() {
                    continue;
                }
                let record: LineIn<'_> =
                    serde_json::from_str(&line).map_err(|e| bad(n, e.to_string()))?;
                let tree = trees
                    .get(record.tree.as_str())
                    .ok_or_else(|| bad(n, format!("unknown tree `{}`", record.tree)))?;
                let key = hex::decode(&record.key).map_err(|_| bad(n, "key is not hex".into()))?;
                let value = match (record.json, &record.hex) {
                    (Some(raw), _) => raw.get().as_bytes().to_vec(),
                    (None, Some(h)) => {
                        hex::decode(h).map_err(|_| bad(n, "value is not hex".into()))?
                    }
                    (None, None) => return Err(bad(n, "a record without a value".into())),
                };
                *counts.entry(record.tree.clone()).or_insert(0) += 1;
                if !transit && TRANSIT_TREES.contains(&record.tree.as_str()) {
                    continue;
                }
                let value = match owner(&record.tree, &key, &value, store.keys.epoch_owner()) {
                    Some(o) => store.keys.seal(o, &value).map_err(StoreError::from)?,
                    None => value,
                };
                if record.tree == "processed" {
                    store.processing(i64::MAX);
                }
                tree.insert(key, value).map_err(StoreError::from)?;
            }
            Ok(counts)
        })??;
        for (name, expected) in &header.counts {
            let got = counts.get(name).copied().unwrap_or(0);
            if got != *expected {
                return Err(bad(
                    0,
                    format!(
                        "tree `{name}`: the header says {expected} records, the file has {got} (truncated?)"
                    ),
                ));
            }
        }
        if !transit {
            store.interrupt_queued_deliveries()?;
        }
        store.flush()?;
        Ok(Summary {
            counts: header.counts,
        })
    }

    /// The daily automatic backup: `backups/opop-YYYY-MM-DD.jsonl` in the
    /// data folder, once per WIB day, keeping the newest `keep`. Returns
    /// the file written, if any.
    pub fn daily_backup(
        &self,
        dir: &Path,
        now: jiff::Timestamp,
        keep: usize,
    ) -> Result<Option<std::path::PathBuf>, BackupError> {
        let _one_at_a_time = self.backups_lock.lock().unwrap_or_else(|e| e.into_inner());
        let z = now.to_zoned_datetime(crate::time::wib());
        let name = format!("opop-{:04}-{:02}-{:02}.jsonl", z.year(), z.month(), z.day());
        let path = dir.join(&name);
        if path.exists() {
            return Ok(None);
        }
        self.backup_to(&path)?;
        let mut old: Vec<_> = std::fs::read_dir(dir)?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("opop-") && n.ends_with(".jsonl"))
            .collect();
        old.sort();
        let excess = old.len().saturating_sub(keep.max(1));
        for n in &old[..excess] {
            std::fs::remove_file(dir.join(n))?;
        }
        Ok(Some(path))
    }
}
