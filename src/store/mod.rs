//! The embedded sled store: users, profiles, sessions, tickets, ticket
//! counters, processed update ids, the inbox of raw Telegram updates, the
//! outbox of messages to send, the FAQ log and broadcast jobs.
//!
//! Owns: the trees and their key layouts (written on each field below),
//! typed records sealed per person ([`crypt`]), ticket numbering, and the
//! one write path of a handled event ([`Store::apply`], `apply.rs`), which
//! writes everything the event changes in ONE transaction;
//! [`Store::apply_unflushed`] is the same without the flush (group
//! commit): its outbox rows are *released* to the sender only by the next
//! [`Store::flush`] (`outbox.rs`), so nothing reaches a user before it is
//! on disk. Broadcast jobs and their ledger are in `broadcasts.rs`,
//! erasure and key rotation in `erasure.rs`, backups in [`backup`].
//! Must not: decide anything about conversations (the deciders do) or
//! talk to Telegram (the sender does).

mod apply;
mod backup;
mod broadcasts;
mod codec;
pub mod crypt;
mod erasure;
mod facets;
mod import;
mod inbox;
mod journal;
mod keyfile;
mod kv;
mod learned;
mod outbox;
mod photos;
mod reads;
mod recent;

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, Mutex, RwLock};

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use apply::ApplyResult;
pub use backup::{BackupError, Signature, Summary as BackupSummary, check_signature};
pub use facets::{Facet, Facets};
pub use outbox::{OutItem, OutboxRow, Priority};
pub use photos::PhotoCache;
pub use reads::{Reads, Visit};

use crate::outcome::{CopyOf, SentCopy, SentKind};
use crate::records::{FaqLog, Profile, Session, Ticket, UserRecord};
use codec::{decode, encode, i64_at, session_key};
use kv::{Batch, Tree};
use learned::learned_key;

/// Version of the store layout, kept in the `meta` tree.
/// Version 2: personal and transit records are sealed (crypto-shredding).
pub const SCHEMA_VERSION: u32 = 2;

/// How long a handled update id is remembered: Telegram delivers an
/// unconfirmed update again for at most 24 hours, and the bot confirms
/// within seconds; twice that is the margin.
pub const PROCESSED_FOR: jiff::SignedDuration = jiff::SignedDuration::from_hours(48);

/// `meta` key: the staff chat chosen with /grupstaf.
const META_STAFF_CHAT: &str = "staff_chat";
/// `meta` key prefix: a staff group upgraded to a supergroup
/// (`staff_chat_moved/<old id>` → the new id).
const META_STAFF_MOVED: &str = "staff_chat_moved/";
/// `meta` key: the staff chat the bot was removed from, once the admins
/// were told.
const META_STAFF_LOST: &str = "staff_chat_lost";
/// `meta` key: the WIB date (YYYY-MM-DD) of the last daily digest.
const META_DIGEST_DATE: &str = "digest_date";
/// `meta` key: when the last daily digest was composed (RFC 3339).
const META_DIGEST_AT: &str = "digest_at";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("storage error: {0}")]
    Sled(#[from] sled::Error),
    #[error(transparent)]
    Crypt(#[from] crypt::CryptError),
    #[error("backups: {0}")]
    Backup(String),
    #[error("record `{key}` in `{tree}` cannot be read: {source}")]
    Decode {
        tree: &'static str,
        key: String,
        source: serde_json::Error,
    },
    /// A ticket changed between reading and writing (two staff pressing
    /// at once): nothing was written; handle the event again.
    #[error("ticket {0} changed meanwhile")]
    Conflict(String),
    #[error(
        "the data folder was written by a newer opop-bot (schema {found}, this one knows {SCHEMA_VERSION})"
    )]
    TooNew { found: u32 },
    #[error(
        "{0} is missing, but the data folder holds sealed records that only it can open: put back the keyring.json that belongs with this folder (it must be copied with it), or restore a backup into a new folder with `opop-bot restore`; nothing was changed"
    )]
    KeyringMissing(String),
    #[error("the data folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
}

/// A read that failed is logged and reads as nothing, for deciders that
/// carry on with what they have (a missing ticket reads as a stale button).
pub fn logged<T: Default>(what: &str, read: Result<T, StoreError>) -> T {
    read.unwrap_or_else(|e| {
        tracing::error!(error = %e, "cannot read {what}");
        T::default()
    })
}

/// The store. Cheap to clone (sled handles are reference-counted).
/// Values marked *sealed* are encrypted with their person's key (or, for
/// the transit trees, the current epoch's key): see [`crypt`].
#[derive(Clone)]
pub struct Store {
    /// Brings sled up to date behind the journal; the last clone to go
    /// stops it (after one more checkpoint) before the trees close.
    _checkpoints: Arc<kv::Checkpointer>,
    /// The trees' core: the journal, the layers of recent writes, sled.
    kv: Arc<kv::Kv>,
    db: sled::Db,
    /// user id (i64 BE) → [`UserRecord`], sealed.
    users: Tree,
    /// user id (i64 BE) → [`Profile`], sealed.
    profiles: Tree,
    /// chat id (i64 BE) + user id (i64 BE) → [`Session`], sealed.
    sessions: Tree,
    /// ticket number (`PRD-2026-00001`) → [`Ticket`], sealed (an erased
    /// person's anonymized ticket stays plain).
    tickets: Tree,
    /// user id (i64 BE) + ticket number → nothing: a user's tickets.
    tickets_by_user: Tree,
    /// counter name (`PRD-2026`, `broadcast`) → u64 BE (`codec::next_count`).
    counters: Tree,
    /// update id (i64 BE) → when it was handled (unix seconds, i64 BE;
    /// empty from versions before that): updates handled, kept
    /// [`PROCESSED_FOR`] and then pruned, so the tree does not grow for
    /// ever and an id Telegram uses again later is handled.
    processed: Tree,
    /// priority (u8) + row id (u64 BE) → [`OutboxRow`], sealed (epoch).
    outbox: Tree,
    /// Named values: `schema`, `staff_chat`, `digest_date`, `digest_at`,
    /// `erased/<user>` (an erasure not yet finished), `learned/<ticket>`
    /// (what staff taught the FAQ).
    meta: Tree,
    /// record id (u64 BE, sled's generator) → [`FaqLog`], sealed.
    faq_log: Tree,
    /// update id (i64 BE) → the raw update as Telegram sent it, sealed
    /// (epoch); removed in the transaction that handles it.
    inbox: Tree,
    /// job id (u64 BE) → broadcast [`crate::records::Job`].
    broadcasts: Tree,
    /// job id (u64 BE) + user id (i64 BE) → [`crate::records::LedgerEntry`].
    ledger: Tree,
    /// job id (u64 BE) + user id (i64 BE) → nothing: recipients still
    /// pending, so feeding the outbox never scans settled ones.
    pending: Tree,
    /// `CopyOf::key` (`t:PRD-2026-00001`, `export`), 0, chat id (i64 BE),
    /// message id (i32 BE) → [`SentKind`]: the staff's copies of personal
    /// data, which an erasure edits or deletes.
    sent: Tree,
    /// ticket number → [`Facet`], plain: the desk's index (derived, not in
    /// backups; built at open when it is not complete).
    facets: Tree,
    /// sled's default tree (empty; kept in backups as it always was).
    default: Tree,
    facet_cache: facets::FacetCache,
    /// The user records, profiles and sessions of the chats in use, kept
    /// decoded (bounded; see [`recent`]).
    recent: Arc<recent::Recent>,
    /// Writers that change several records hold this shared; a backup
    /// holds it exclusively while it reads, so it never sees half of one.
    gate: Arc<RwLock<()>>,
    /// No update id in `processed` is greater (see
    /// [`Store::may_be_processed`]).
    processed_bound: Arc<AtomicI64>,
    /// Keys of the sealed (personal and short-lived) records.
    keys: Arc<crypt::Keyring>,
    /// The data folder (none for a temporary store).
    dir: Option<PathBuf>,
    /// Writing a daily backup and scrubbing backups take turns, so a
    /// snapshot taken before an erasure cannot land after the scrub.
    backups_lock: Arc<Mutex<()>>,
    /// Outbox rows written but not yet flushed, and where flushed ones go.
    release: outbox::SharedRelease,
}

/// The key prefix of the sent copies of `of`.
fn sent_prefix(of: &CopyOf) -> Vec<u8> {
    let mut k = of.key().into_bytes();
    k.push(0);
    k
}

/// Whether a store holds records sealed with its keyring's keys: people,
/// sessions, FAQ records and transit rows always are; tickets unless
/// erased.
fn holds_sealed(db: &sled::Db) -> Result<bool, StoreError> {
    for name in [
        "users", "profiles", "sessions", "faq_log", "inbox", "outbox",
    ] {
        if !db.open_tree(name)?.is_empty() {
            return Ok(true);
        }
    }
    for r in db.open_tree("tickets")?.iter().take(100) {
        if crypt::Keyring::owner_of(&r?.1).is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}

impl Store {
    /// Opens (or creates) the store in a folder, which is made private to
    /// this user (0700, its files 0600). A folder whose keyring is gone is
    /// refused, untouched: its sealed records would read as erased.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        let folder = |source| StoreError::Folder {
            path: path.display().to_string(),
            source,
        };
        crate::files::create_dir(path).map_err(folder)?;
        crate::files::make_private(path).map_err(folder)?;
        for dir in [path.to_path_buf(), path.join("backups")] {
            let removed = crate::files::remove_leftovers(&dir).map_err(folder)?;
            if removed > 0 {
                tracing::info!(removed, dir = %dir.display(), "half-written files of a crash removed");
            }
        }
        // A keyring that is there is loaded before sled is opened, so one
        // that cannot be (its key table missing) leaves the folder as it
        // was; one that is not there is made only for a store with
        // nothing sealed.
        let keyring = path.join(crypt::FILE);
        let loaded = keyring
            .exists()
            .then(|| crypt::Keyring::load(path))
            .transpose()?;
        let db = sled::Config::new()
            .path(path)
            .cache_capacity(32 << 20)
            .open()?;
        let keys = match loaded {
            Some(keys) => keys,
            None if holds_sealed(&db)? || journal::has_records(path).map_err(folder)? => {
                return Err(StoreError::KeyringMissing(keyring.display().to_string()));
            }
            None => crypt::Keyring::load(path)?,
        };
        Store::from_db(db, keys, Some(path.to_path_buf()))
    }

    /// A store that lives in memory and a temporary folder, for tests.
    pub fn temporary() -> Result<Store, StoreError> {
        Store::from_db(
            sled::Config::new().temporary(true).open()?,
            crypt::Keyring::temporary(),
            None,
        )
    }

    fn from_db(
        db: sled::Db,
        keys: crypt::Keyring,
        dir: Option<PathBuf>,
    ) -> Result<Store, StoreError> {
        let kv = kv::Kv::open(db.clone(), dir.as_deref())?;
        let t = |name: &str| kv.tree(name);
        let store = Store {
            _checkpoints: Arc::new(kv::Checkpointer::start(&kv)),
            users: t("users"),
            profiles: t("profiles"),
            sessions: t("sessions"),
            tickets: t("tickets"),
            tickets_by_user: t("tickets_by_user"),
            counters: t("counters"),
            processed: t("processed"),
            outbox: t("outbox"),
            meta: t("meta"),
            faq_log: t("faq_log"),
            inbox: t("inbox"),
            broadcasts: t("broadcasts"),
            ledger: t("bc_ledger"),
            pending: t("bc_pending"),
            sent: t("sent"),
            facets: t("facets"),
            default: t("__sled__default"),
            kv,
            facet_cache: Default::default(),
            recent: Arc::new(recent::Recent::new()),
            processed_bound: Arc::new(AtomicI64::new(i64::MAX)),
            gate: Default::default(),
            keys: Arc::new(keys),
            dir,
            backups_lock: Default::default(),
            release: Default::default(),
            db,
        };
        store.migrate()?;
        store.load_processed_bound();
        store.settle_erasures()?;
        store.build_facets()?;
        // A new transit epoch at every start: rows a crash left sealed with
        // an older epoch are re-sealed, and the old key is gone.
        store.rotate_epoch()?;
        Ok(store)
    }

    /// Brings an older layout up to [`SCHEMA_VERSION`]. Version 1 is the
    /// first; a later version adds its step here and never reinterprets
    /// old bytes.
    fn migrate(&self) -> Result<(), StoreError> {
        let found = self.meta_str("schema")?.and_then(|s| s.parse::<u32>().ok());
        match found {
            Some(v) if v > SCHEMA_VERSION => return Err(StoreError::TooNew { found: v }),
            // Version 2 seals personal and transit records (UU PDP):
            // records written by version 1 are sealed now.
            Some(1) => self.seal_plain_records()?,
            Some(_) => return Ok(()),
            None => {}
        }
        self.meta
            .insert("schema", SCHEMA_VERSION.to_string().as_bytes())?;
        self.kv.sync()?;
        Ok(())
    }

    /// Seals every personal or transit record still stored plain.
    fn seal_plain_records(&self) -> Result<(), StoreError> {
        let epoch = self.keys.epoch_owner();
        for (name, tree) in self.all_trees() {
            for r in tree.iter() {
                let (k, v) = r?;
                if crypt::Keyring::owner_of(&v).is_some() {
                    continue;
                }
                if let Some(owner) = backup::owner(name, &k, &v, epoch) {
                    tree.insert(k, self.keys.seal(owner, &v)?)?;
                }
            }
        }
        Ok(())
    }

    /// Every tree with its name, in backup order.
    fn all_trees(&self) -> [(&'static str, &Tree); 16] {
        [
            ("meta", &self.meta),
            ("counters", &self.counters),
            ("users", &self.users),
            ("profiles", &self.profiles),
            ("sessions", &self.sessions),
            ("tickets", &self.tickets),
            ("tickets_by_user", &self.tickets_by_user),
            ("faq_log", &self.faq_log),
            ("processed", &self.processed),
            ("inbox", &self.inbox),
            ("outbox", &self.outbox),
            ("broadcasts", &self.broadcasts),
            ("bc_ledger", &self.ledger),
            ("bc_pending", &self.pending),
            ("sent", &self.sent),
            ("default", &self.default),
        ]
    }

    /// Shared hold on the write gate (see `gate`).
    fn writing(&self) -> std::sync::RwLockReadGuard<'_, ()> {
        self.gate.read().unwrap_or_else(|e| e.into_inner())
    }

    /// A record sealed with `owner`'s key.
    fn sealed<T: Serialize>(&self, owner: i64, value: &T) -> Result<Vec<u8>, StoreError> {
        Ok(self.keys.seal(owner, &encode(value))?)
    }

    /// A ticket as stored: sealed with its submitter's key; an erased one
    /// holds nothing personal and stays plain (program statistics).
    fn ticket_bytes(&self, ticket: &Ticket) -> Result<Vec<u8>, StoreError> {
        if ticket.erased_at.is_some() {
            Ok(encode(ticket))
        } else {
            self.sealed(ticket.user, ticket)
        }
    }

    /// A short-lived row (inbox, outbox) sealed with the epoch key.
    fn sealed_transit<T: Serialize>(&self, value: &T) -> Result<Vec<u8>, StoreError> {
        self.sealed(self.keys.epoch_owner(), value)
    }

    /// A stored record, opened; `None` if its person was erased.
    fn unsealed<T: DeserializeOwned>(
        &self,
        tree: &'static str,
        key: &[u8],
        bytes: &[u8],
    ) -> Result<Option<T>, StoreError> {
        match self.keys.open(bytes) {
            Ok(plain) => decode(tree, key, &plain).map(Some),
            Err(crypt::CryptError::Shredded) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// One record of `tree`, opened.
    fn record<T: DeserializeOwned>(
        &self,
        name: &'static str,
        tree: &Tree,
        key: &[u8],
    ) -> Result<Option<T>, StoreError> {
        match tree.get(key)? {
            Some(v) => self.unsealed(name, key, &v),
            None => Ok(None),
        }
    }

    /// Every readable record of `tree`, in key order (erased ones skipped).
    fn records<'s, T: DeserializeOwned + 's>(
        &'s self,
        name: &'static str,
        tree: &'s Tree,
    ) -> impl Iterator<Item = Result<T, StoreError>> + 's {
        tree.iter().filter_map(move |r| match r {
            Ok((k, v)) => self.unsealed(name, &k, &v).transpose(),
            Err(e) => Some(Err(e.into())),
        })
    }

    fn meta_str(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .meta
            .get(key)?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    // ----- reads ------------------------------------------------------

    pub fn user(&self, id: i64) -> Result<Option<UserRecord>, StoreError> {
        self.kept(recent::Key::User(id), || {
            self.record("users", &self.users, &id.to_be_bytes())
        })
    }

    pub fn profile(&self, user: i64) -> Result<Option<Profile>, StoreError> {
        self.kept(recent::Key::Profile(user), || {
            self.record("profiles", &self.profiles, &user.to_be_bytes())
        })
    }

    pub fn session(&self, chat: i64, user: i64) -> Result<Session, StoreError> {
        let key = session_key(chat, user);
        Ok(self
            .kept(recent::Key::Session(chat, user), || {
                self.record("sessions", &self.sessions, &key)
            })?
            .unwrap_or_default())
    }

    pub fn ticket(&self, number: &str) -> Result<Option<Ticket>, StoreError> {
        self.record("tickets", &self.tickets, number.as_bytes())
    }

    /// All tickets, in number order.
    pub fn tickets(&self) -> impl Iterator<Item = Result<Ticket, StoreError>> + '_ {
        self.records("tickets", &self.tickets)
    }

    pub fn ticket_count(&self) -> usize {
        self.tickets.len()
    }

    /// A user's tickets, newest first.
    pub fn tickets_of_user(&self, user: i64) -> Result<Vec<Ticket>, StoreError> {
        let mut out = Vec::new();
        for number in self.ticket_numbers_of(user)? {
            if let Some(t) = self.ticket(&number)? {
                out.push(t);
            }
        }
        out.sort_by(|a, b| {
            b.created_at
                .cmp(&a.created_at)
                .then(b.number.cmp(&a.number))
        });
        Ok(out)
    }

    /// The numbers of a user's tickets, from the index.
    fn ticket_numbers_of(&self, user: i64) -> Result<Vec<String>, StoreError> {
        self.tickets_by_user
            .scan_prefix(user.to_be_bytes())
            .map(|r| Ok(String::from_utf8_lossy(&r?.0[8..]).into_owned()))
            .collect()
    }

    /// All user records.
    pub fn users(&self) -> impl Iterator<Item = Result<UserRecord, StoreError>> + '_ {
        self.records("users", &self.users)
    }

    /// All pesantren profiles.
    pub fn profiles(&self) -> impl Iterator<Item = Result<Profile, StoreError>> + '_ {
        self.records("profiles", &self.profiles)
    }

    /// FAQ records (unanswered questions, feedback), oldest first.
    pub fn faq_logs(&self) -> impl Iterator<Item = Result<FaqLog, StoreError>> + '_ {
        self.records("faq_log", &self.faq_log)
    }

    /// How many FAQ records a person has (read from the seal's owner,
    /// without opening them).
    pub fn faq_records_of(&self, user: i64) -> Result<usize, StoreError> {
        let mut n = 0;
        for r in self.faq_log.iter() {
            if crypt::Keyring::owner_of(&r?.1) == Some(user) {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Remembers the messages Telegram accepted for a copy of `of`.
    pub fn record_sent(&self, of: &CopyOf, copies: &[SentCopy]) -> Result<(), StoreError> {
        let _writing = self.writing();
        let mut batch = Batch::default();
        for c in copies {
            let mut key = sent_prefix(of);
            key.extend_from_slice(&c.chat.to_be_bytes());
            key.extend_from_slice(&c.message_id.to_be_bytes());
            batch.insert(key, encode(&c.kind));
        }
        self.sent.apply_batch(batch)?;
        Ok(())
    }

    /// The messages sent as copies of `of`.
    pub fn sent_copies(&self, of: &CopyOf) -> Result<Vec<SentCopy>, StoreError> {
        let prefix = sent_prefix(of);
        self.sent
            .scan_prefix(&prefix)
            .map(|r| {
                let (k, v) = r?;
                let kind: SentKind = decode("sent", &k, &v)?;
                let at = prefix.len();
                let message_id = k
                    .get(at + 8..at + 12)
                    .and_then(|b| b.try_into().ok())
                    .map_or(0, i32::from_be_bytes);
                Ok(SentCopy {
                    chat: i64_at(&k, at),
                    message_id,
                    kind,
                })
            })
            .collect()
    }

    /// The staff chat an admin chose with /grupstaf, if any.
    pub fn staff_chat(&self) -> Result<Option<i64>, StoreError> {
        Ok(self.meta_str(META_STAFF_CHAT)?.and_then(|s| s.parse().ok()))
    }

    /// Staff groups upgraded to supergroups: old id → new id.
    pub fn staff_chat_moves(&self) -> Result<Vec<(i64, i64)>, StoreError> {
        let mut moves = Vec::new();
        for r in self.meta.scan_prefix(META_STAFF_MOVED) {
            let (k, v) = r?;
            let old = std::str::from_utf8(&k[META_STAFF_MOVED.len()..])
                .ok()
                .and_then(|s| s.parse().ok());
            let new = std::str::from_utf8(&v).ok().and_then(|s| s.parse().ok());
            if let (Some(old), Some(new)) = (old, new) {
                moves.push((old, new));
            }
        }
        Ok(moves)
    }

    /// The staff group `old` became the supergroup `new`: it is the staff
    /// chat from now on, also for a configured `OPOP_STAFF_CHAT` of `old`.
    pub fn move_staff_chat(&self, old: i64, new: i64) -> Result<(), StoreError> {
        let _writing = self.writing();
        let mut batch = Batch::default();
        batch.insert(META_STAFF_CHAT, new.to_string().as_bytes());
        batch.insert(
            format!("{META_STAFF_MOVED}{old}").as_bytes(),
            new.to_string().as_bytes(),
        );
        batch.remove(META_STAFF_LOST);
        self.meta.apply_batch(batch)?;
        self.kv.sync()?;
        Ok(())
    }

    /// Records that the admins were told the bot left the staff chat
    /// `chat`; `false` if they were told already.
    pub fn staff_chat_lost(&self, chat: i64) -> Result<bool, StoreError> {
        let _writing = self.writing();
        let told = self
            .meta
            .insert(META_STAFF_LOST, chat.to_string().as_bytes())?;
        self.kv.sync()?;
        Ok(told.as_deref() != Some(chat.to_string().as_bytes()))
    }

    // ----- writes outside events ----------------------------------------

    /// Records that a user blocked (false) or unblocked (true) the bot.
    pub fn set_user_active(
        &self,
        id: i64,
        active: bool,
        now: jiff::Timestamp,
    ) -> Result<(), StoreError> {
        let _writing = self.writing();
        let mut user = self.user(id)?.unwrap_or_else(|| UserRecord::new(id, now));
        user.active = active;
        self.users
            .insert(id.to_be_bytes(), self.sealed(id, &user)?)?;
        self.recent.forget(recent::Key::User(id));
        Ok(())
    }
}
