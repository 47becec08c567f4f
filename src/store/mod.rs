//! The embedded sled store: users, profiles, sessions, tickets, ticket
//! counters, processed update ids, the inbox of raw Telegram updates, the
//! outbox of messages to send and the FAQ log.
//!
//! Owns: the trees and their key layouts, typed records (serde JSON with a
//! format version), ticket numbering, and [`Store::apply`], which writes
//! everything one handled event changes in ONE transaction and flushes
//! before returning, so that anything a user is shown is on disk.
//! [`Store::apply_unflushed`] is the same without the flush (group commit):
//! its outbox rows are *released* to the sender only by the next
//! [`Store::flush`], so still nothing reaches a user before it is on disk.
//! Must not: decide anything about conversations (the engine does) or talk
//! to Telegram (the sender does).

mod backup;
pub mod crypt;
mod records;

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

pub use crate::ticket::{HistoryEntry, Ticket};
pub use backup::{BackupError, Summary as BackupSummary};
pub use records::{OutItem, OutboxRow, Priority, UserRecord};

use crate::broadcast::{Counts, DeliveryRef, DeliveryStatus, Job, JobState, LedgerEntry};
use crate::dialog::{
    Effect, Lookup, OutMessage, Outcome, Profile, Session, TICKET_PLACEHOLDER, TicketSummary,
};
use crate::i18n::Lang;

/// Version of the store layout, kept in the `meta` tree.
/// Version 2: personal and transit records are sealed (crypto-shredding).
pub const SCHEMA_VERSION: u32 = 2;

/// `meta` key: the staff chat chosen with /grupstaf.
const META_STAFF_CHAT: &str = "staff_chat";
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
}

/// The store. Cheap to clone (sled handles are reference-counted).
#[derive(Clone)]
pub struct Store {
    db: sled::Db,
    users: sled::Tree,
    profiles: sled::Tree,
    sessions: sled::Tree,
    tickets: sled::Tree,
    tickets_by_user: sled::Tree,
    counters: sled::Tree,
    processed: sled::Tree,
    outbox: sled::Tree,
    meta: sled::Tree,
    faq_log: sled::Tree,
    inbox: sled::Tree,
    broadcasts: sled::Tree,
    ledger: sled::Tree,
    /// Index of a job's recipients still pending (job + user -> nothing),
    /// so feeding the outbox never scans settled ones.
    pending: sled::Tree,
    /// Writers that change several records hold this shared; a backup
    /// holds it exclusively while it reads, so it never sees half of one.
    gate: std::sync::Arc<std::sync::RwLock<()>>,
    /// Keys of the sealed (personal and short-lived) records.
    keys: std::sync::Arc<crypt::Keyring>,
    /// The data folder (none for a temporary store).
    dir: Option<std::path::PathBuf>,
    /// Writing a daily backup and scrubbing backups take turns, so a
    /// snapshot taken before an erasure cannot land after the scrub.
    backups_lock: std::sync::Arc<std::sync::Mutex<()>>,
    /// Outbox rows written but not yet flushed, and where flushed ones go.
    release: std::sync::Arc<Release>,
}

/// Hands outbox rows to the sender once they are on disk: every writer
/// adds the rows it wrote to `unflushed`; [`Store::flush`] takes them
/// *before* flushing (so all of them are covered by that flush) and sends
/// them to the outlet after it. Without an outlet (tests, the console)
/// rows are only in the outbox tree, where those readers look.
#[derive(Default)]
struct Release {
    unflushed: std::sync::Mutex<Vec<OutboxRow>>,
    outlet: std::sync::Mutex<Option<tokio::sync::mpsc::UnboundedSender<OutboxRow>>>,
}

fn locked<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Who and what one handled event was about, besides the engine's outcome.
#[derive(Debug, Clone)]
pub struct Applied<'a> {
    /// Telegram's update id, marked processed (and taken out of the inbox)
    /// in the same transaction.
    pub update_id: Option<i64>,
    /// Further updates folded into the same event (the photos of an album).
    pub more_updates: &'a [i64],
    pub chat: i64,
    pub user: &'a UserRecord,
    /// The button press to answer (with the outcome's toast).
    pub callback: Option<&'a str>,
}

/// What [`Store::apply`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyResult {
    Done {
        tickets: Vec<String>,
    },
    /// The update id was handled before: nothing was written.
    AlreadyProcessed,
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("records serialize")
}

fn decode<T: DeserializeOwned>(
    tree: &'static str,
    key: &[u8],
    bytes: &[u8],
) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|source| StoreError::Decode {
        tree,
        key: String::from_utf8_lossy(key).into_owned(),
        source,
    })
}

/// The error of a finished sled transaction.
fn tx_error(e: TransactionError<StoreError>) -> StoreError {
    match e {
        TransactionError::Storage(e) => StoreError::Sled(e),
        TransactionError::Abort(e) => e,
    }
}

/// A store error inside a sled transaction aborts it.
fn abort(e: StoreError) -> ConflictableTransactionError<StoreError> {
    ConflictableTransactionError::Abort(e)
}

fn session_key(chat: i64, user: i64) -> [u8; 16] {
    let mut k = [0u8; 16];
    k[..8].copy_from_slice(&chat.to_be_bytes());
    k[8..].copy_from_slice(&user.to_be_bytes());
    k
}

fn ticket_index_key(user: i64, number: &str) -> Vec<u8> {
    let mut k = user.to_be_bytes().to_vec();
    k.extend_from_slice(number.as_bytes());
    k
}

/// Puts the number the store just assigned into a confirmation (its text
/// and button data).
fn fill_ticket_number(message: &mut OutMessage, number: &str) {
    message.text = message.text.replace(TICKET_PLACEHOLDER, number);
    if let crate::dialog::Keyboard::Inline(rows) = &mut message.keyboard {
        for button in rows.iter_mut().flatten() {
            button.data = button.data.replace(TICKET_PLACEHOLDER, number);
        }
    }
    message.fill_ticket = false;
}

impl Store {
    /// Opens (or creates) the store in a folder.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        let db = sled::Config::new().path(path).open()?;
        let keys = crypt::Keyring::load(path)?;
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
        dir: Option<std::path::PathBuf>,
    ) -> Result<Store, StoreError> {
        let t = |name: &str| db.open_tree(name);
        let store = Store {
            users: t("users")?,
            profiles: t("profiles")?,
            sessions: t("sessions")?,
            tickets: t("tickets")?,
            tickets_by_user: t("tickets_by_user")?,
            counters: t("counters")?,
            processed: t("processed")?,
            outbox: t("outbox")?,
            meta: t("meta")?,
            faq_log: t("faq_log")?,
            inbox: t("inbox")?,
            broadcasts: t("broadcasts")?,
            ledger: t("bc_ledger")?,
            pending: t("bc_pending")?,
            gate: Default::default(),
            keys: std::sync::Arc::new(keys),
            dir,
            backups_lock: Default::default(),
            release: Default::default(),
            db,
        };
        store.migrate()?;
        store.settle_erasures()?;
        // A new transit epoch at every start: rows a crash left sealed with
        // an older epoch are re-sealed, and the old key is gone.
        store.rotate_epoch()?;
        Ok(store)
    }

    /// Brings an older layout up to [`SCHEMA_VERSION`]. Version 1 is the
    /// first; a later version adds its step here and never reinterprets
    /// old bytes.
    fn migrate(&self) -> Result<(), StoreError> {
        let found = self.meta.get("schema")?.and_then(|v| {
            std::str::from_utf8(&v)
                .ok()
                .and_then(|s| s.parse::<u32>().ok())
        });
        match found {
            Some(v) if v > SCHEMA_VERSION => return Err(StoreError::TooNew { found: v }),
            Some(1) => {
                // Version 2 seals personal and transit records (UU PDP):
                // records written by version 1 are sealed now.
                self.seal_plain_records()?;
                self.meta
                    .insert("schema", SCHEMA_VERSION.to_string().as_bytes())?;
                self.db.flush()?;
            }
            Some(_) => {}
            None => {
                self.meta
                    .insert("schema", SCHEMA_VERSION.to_string().as_bytes())?;
                self.db.flush()?;
            }
        }
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
    fn all_trees(&self) -> [(&'static str, &sled::Tree); 15] {
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
            ("default", &self.db),
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

    /// Makes everything written so far durable, then releases the outbox
    /// rows it covered to the outlet (see [`Release`]).
    pub fn flush(&self) -> Result<(), StoreError> {
        let rows = std::mem::take(&mut *locked(&self.release.unflushed));
        if let Err(e) = self.db.flush() {
            // Not durable: kept for the next flush.
            let mut unflushed = locked(&self.release.unflushed);
            let later = std::mem::replace(&mut *unflushed, rows);
            unflushed.extend(later);
            return Err(e.into());
        }
        if !rows.is_empty() {
            let mut outlet = locked(&self.release.outlet);
            if let Some(tx) = outlet.as_ref() {
                for row in rows {
                    if tx.send(row).is_err() {
                        // The sender stopped: rows stay in the outbox for
                        // the next start.
                        *outlet = None;
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    /// From now on, outbox rows go to `tx` as soon as they are on disk.
    /// Rows already in the outbox are the caller's to read
    /// ([`Store::outbox_rows`]) before.
    pub fn set_outlet(&self, tx: tokio::sync::mpsc::UnboundedSender<OutboxRow>) {
        *locked(&self.release.outlet) = Some(tx);
    }

    fn unflushed(&self, rows: Vec<OutboxRow>) {
        if !rows.is_empty() {
            locked(&self.release.unflushed).extend(rows);
        }
    }

    // ----- reads ------------------------------------------------------

    pub fn user(&self, id: i64) -> Result<Option<UserRecord>, StoreError> {
        let key = id.to_be_bytes();
        match self.users.get(key)? {
            Some(v) => self.unsealed("users", &key, &v),
            None => Ok(None),
        }
    }

    pub fn profile(&self, user: i64) -> Result<Option<Profile>, StoreError> {
        let key = user.to_be_bytes();
        match self.profiles.get(key)? {
            Some(v) => self.unsealed("profiles", &key, &v),
            None => Ok(None),
        }
    }

    pub fn session(&self, chat: i64, user: i64) -> Result<Session, StoreError> {
        let key = session_key(chat, user);
        Ok(match self.sessions.get(key)? {
            Some(v) => self.unsealed("sessions", &key, &v)?.unwrap_or_default(),
            None => Session::default(),
        })
    }

    pub fn ticket(&self, number: &str) -> Result<Option<Ticket>, StoreError> {
        match self.tickets.get(number)? {
            Some(v) => self.unsealed("tickets", number.as_bytes(), &v),
            None => Ok(None),
        }
    }

    /// All tickets, in number order.
    pub fn tickets(&self) -> impl Iterator<Item = Result<Ticket, StoreError>> + '_ {
        self.tickets.iter().filter_map(|r| {
            let (k, v) = match r {
                Ok(kv) => kv,
                Err(e) => return Some(Err(e.into())),
            };
            self.unsealed("tickets", &k, &v).transpose()
        })
    }

    pub fn ticket_count(&self) -> usize {
        self.tickets.len()
    }

    /// A user's tickets, newest first.
    pub fn tickets_of_user(&self, user: i64) -> Result<Vec<Ticket>, StoreError> {
        let mut out = Vec::new();
        for r in self.tickets_by_user.scan_prefix(user.to_be_bytes()) {
            let (k, _) = r?;
            let number = String::from_utf8_lossy(&k[8..]).into_owned();
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

    /// Stores raw updates before their offset is confirmed to Telegram
    /// (group commit: the caller confirms them only after a flush covered
    /// them). Updates already handled are skipped.
    pub fn inbox_put_unflushed(&self, updates: &[(i64, Vec<u8>)]) -> Result<(), StoreError> {
        let _writing = self.writing();
        let mut batch = sled::Batch::default();
        for (id, raw) in updates {
            if !self.is_processed(*id)? {
                let sealed = self.keys.seal(self.keys.epoch_owner(), raw)?;
                batch.insert(&id.to_be_bytes(), sealed);
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
                let id = i64::from_be_bytes(k.as_ref().try_into().unwrap_or([0; 8]));
                Ok((id, self.keys.open(&v)?.into_owned()))
            })
            .collect()
    }

    /// Marks an update handled without any other change (ignored kinds).
    pub fn mark_processed(&self, update_ids: &[i64]) -> Result<(), StoreError> {
        let _writing = self.writing();
        (&self.processed, &self.inbox)
            .transaction(
                |(processed, inbox)| -> Result<(), ConflictableTransactionError<StoreError>> {
                    for id in update_ids {
                        processed.insert(&id.to_be_bytes(), &[])?;
                        inbox.remove(&id.to_be_bytes())?;
                    }
                    Ok(())
                },
            )
            .map_err(tx_error)?;
        Ok(())
    }

    /// Writes a user record and profile as they are, outside any event:
    /// for seeding test and benchmark data (and restores). Flushes.
    pub fn import_user(
        &self,
        user: &UserRecord,
        profile: Option<&Profile>,
    ) -> Result<(), StoreError> {
        let _writing = self.writing();
        self.users
            .insert(user.id.to_be_bytes(), self.sealed(user.id, user)?)?;
        if let Some(p) = profile {
            self.profiles
                .insert(p.user.to_be_bytes(), self.sealed(p.user, p)?)?;
        }
        Ok(())
    }

    /// Runs `f` (imports, a restore) with the keys of new people saved once
    /// at the end rather than one keyring rewrite each; only for a folder
    /// being filled, which a crash half-way leaves to be filled again.
    pub fn bulk<R>(&self, f: impl FnOnce(&Store) -> R) -> Result<R, StoreError> {
        Ok(self.keys.bulk(|| f(self))?)
    }

    /// Writes a ticket as it is, outside any event (seeding benchmarks and
    /// tests). Not flushed.
    pub fn import_ticket(&self, ticket: &Ticket) -> Result<(), StoreError> {
        let _writing = self.writing();
        self.tickets
            .insert(ticket.number.as_bytes(), self.ticket_bytes(ticket)?)?;
        self.tickets_by_user
            .insert(ticket_index_key(ticket.user, &ticket.number), &[])?;
        Ok(())
    }

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
        Ok(())
    }

    pub fn is_processed(&self, update_id: i64) -> Result<bool, StoreError> {
        Ok(self.processed.contains_key(update_id.to_be_bytes())?)
    }

    /// Outbox rows in sending order: conversation replies before
    /// broadcasts, then oldest first.
    pub fn outbox_rows(&self, limit: usize) -> Result<Vec<OutboxRow>, StoreError> {
        let mut out = Vec::new();
        for r in self.outbox.iter().take(limit) {
            let (k, v) = r?;
            if let Some(row) = self.unsealed("outbox", &k, &v)? {
                out.push(row);
            }
        }
        Ok(out)
    }

    pub fn outbox_len(&self) -> usize {
        self.outbox.len()
    }

    /// Removes a row after it was delivered (or given up on).
    pub fn remove_outbox_row(&self, row: &OutboxRow) -> Result<(), StoreError> {
        let _writing = self.writing();
        self.outbox.remove(row.key())?;
        Ok(())
    }

    // ----- the one write path for handled events -------------------------

    /// Writes everything one handled event changes, in one transaction,
    /// then flushes. A ticket's number is allocated here, so a number is
    /// never reused or skipped, and the confirmation carrying it is in the
    /// outbox of the same transaction.
    pub fn apply(
        &self,
        applied: &Applied<'_>,
        outcome: &Outcome,
    ) -> Result<ApplyResult, StoreError> {
        let result = self.apply_unflushed(applied, outcome)?;
        self.flush()?;
        for effect in &outcome.effects {
            if let Effect::EraseUser(user) = effect {
                self.finish_erasure(*user)?;
            }
        }
        Ok(result)
    }

    /// [`Store::apply`] without the flush (group commit: several events,
    /// then one [`Store::flush`], which releases their rows to the sender).
    /// An erasure is not finished here: use [`Store::apply`] for it.
    pub fn apply_unflushed(
        &self,
        applied: &Applied<'_>,
        outcome: &Outcome,
    ) -> Result<ApplyResult, StoreError> {
        let _writing = self.writing();
        // An erasure needs the person's tickets and FAQ records, which a
        // transaction cannot scan for: gathered first.
        let erase = outcome.effects.iter().find_map(|e| match e {
            Effect::EraseUser(user) => Some(*user),
            _ => None,
        });
        let mut erase_tickets = Vec::new();
        let mut erase_logs = Vec::new();
        let mut erase_sessions = Vec::new();
        if let Some(user) = erase {
            for r in self.tickets_by_user.scan_prefix(user.to_be_bytes()) {
                let (k, _) = r?;
                erase_tickets.push(String::from_utf8_lossy(&k[8..]).into_owned());
            }
            for r in self.faq_log.iter() {
                let (k, v) = r?;
                if crypt::Keyring::owner_of(&v) == Some(user) {
                    erase_logs.push(k);
                }
            }
            // Their sessions in every chat (a group they wrote in, too).
            for r in self.sessions.iter() {
                let (k, _) = r?;
                if k.get(8..16) == Some(&user.to_be_bytes()[..]) {
                    erase_sessions.push(k);
                }
            }
        }
        // sled runs a transaction under a lock every other write waits
        // for: what can be encoded and sealed beforehand is (the outbox
        // row ids too, in message order, so a restart keeps the order).
        let mut user = applied.user.clone();
        for effect in &outcome.effects {
            if let Effect::SetLanguage(lang) = effect {
                user.lang = Some(*lang);
            }
        }
        let user_bytes = self.sealed(user.id, &user)?;
        let session_bytes = self.sealed(user.id, &outcome.session)?;
        let mut sealed_effects: Vec<Option<Vec<u8>>> = Vec::new();
        for effect in &outcome.effects {
            sealed_effects.push(match effect {
                Effect::SaveProfile(profile) => Some(self.sealed(profile.user, profile)?),
                Effect::UpdateTicket { ticket, .. } => Some(self.ticket_bytes(ticket)?),
                Effect::LogFaq(log) => Some(self.sealed(log.user, log)?),
                _ => None,
            });
        }
        let mut prepared: Vec<(OutboxRow, Option<Vec<u8>>)> = Vec::new();
        for message in outcome.messages() {
            // The person who acted is answered first; what goes to other
            // chats (staff chat, a submitter) follows.
            let priority = if message.chat == applied.chat {
                Priority::Reply
            } else {
                Priority::Notice
            };
            let row = OutboxRow {
                id: self.db.generate_id()?,
                priority,
                item: OutItem::Message(message.clone()),
                update_id: applied.update_id,
                created_at: user.last_seen,
                attempts: 0,
                delivery: None,
                transient: false,
            };
            // A row waiting for its ticket number is sealed in the
            // transaction, once the number is known.
            let bytes = if message.fill_ticket {
                None
            } else {
                Some(self.sealed_transit(&row)?)
            };
            prepared.push((row, bytes));
        }
        // Every press is answered, so the button stops spinning; the
        // answer goes with the flush of this transaction, not stored (so
        // it needs no row id).
        let answer = applied.callback.map(|id| OutboxRow {
            id: 0,
            priority: Priority::Reply,
            item: OutItem::CallbackAnswer {
                id: id.to_string(),
                text: outcome.toast.clone().unwrap_or_default(),
            },
            update_id: applied.update_id,
            created_at: user.last_seen,
            attempts: 0,
            delivery: None,
            transient: true,
        });
        let faq_ids: Vec<u64> = outcome
            .effects
            .iter()
            .filter(|e| matches!(e, Effect::LogFaq(_)))
            .map(|_| self.db.generate_id())
            .collect::<Result<_, _>>()?;
        let trees = (
            &self.users,
            &self.profiles,
            &self.sessions,
            &self.tickets,
            &self.tickets_by_user,
            &self.counters,
            &self.processed,
            &self.outbox,
            &self.faq_log,
            &self.inbox,
            &self.meta,
            &self.broadcasts,
        );
        let result =
            trees.transaction(
                |(
                    users,
                    profiles,
                    sessions,
                    tickets,
                    by_user,
                    counters,
                    processed,
                    outbox,
                    faq_log,
                    inbox,
                    meta,
                    broadcasts,
                )|
                 -> Result<
                    (ApplyResult, Vec<OutboxRow>),
                    ConflictableTransactionError<StoreError>,
                > {
                    if let Some(id) = applied.update_id {
                        if processed.get(id.to_be_bytes())?.is_some() {
                            inbox.remove(&id.to_be_bytes())?;
                            return Ok((ApplyResult::AlreadyProcessed, Vec::new()));
                        }
                    }
                    for id in applied.update_id.iter().chain(applied.more_updates) {
                        processed.insert(&id.to_be_bytes(), &[])?;
                        inbox.remove(&id.to_be_bytes())?;
                    }
                    let mut rows = Vec::new();
                    let mut numbers = Vec::new();
                    let mut faq_ids = faq_ids.iter();
                    for (effect, sealed) in outcome.effects.iter().zip(&sealed_effects) {
                        let sealed = || sealed.clone().unwrap_or_default();
                        match effect {
                            Effect::SetLanguage(_) => {}
                            Effect::SaveProfile(profile) => {
                                profiles.insert(&profile.user.to_be_bytes(), sealed())?;
                            }
                            Effect::CreateTicket(new) => {
                                let year = crate::time::year_wib(new.created_at);
                                let counter_key = format!("{}-{year}", new.prefix);
                                let next = counters
                                    .get(counter_key.as_bytes())?
                                    .map(|v| {
                                        u64::from_be_bytes(v.as_ref().try_into().unwrap_or([0; 8]))
                                    })
                                    .unwrap_or(0)
                                    + 1;
                                counters.insert(counter_key.as_bytes(), &next.to_be_bytes())?;
                                let number = format!("{counter_key}-{next:05}");
                                let ticket = Ticket::new(number.clone(), new);
                                tickets.insert(
                                    number.as_bytes(),
                                    self.ticket_bytes(&ticket).map_err(abort)?,
                                )?;
                                by_user.insert(ticket_index_key(new.user, &number), &[])?;
                                numbers.push(number);
                            }
                            Effect::UpdateTicket { ticket, expected } => {
                                let key = ticket.number.as_bytes();
                                let current: Option<Ticket> = match tickets.get(key)? {
                                    Some(v) => self.unsealed("tickets", key, &v).map_err(abort)?,
                                    None => None,
                                };
                                // An erased ticket is never written back from a
                                // copy decided before the erasure.
                                if current.as_ref().map(Ticket::version) != Some(*expected)
                                    || current.as_ref().is_some_and(|c| c.erased_at.is_some())
                                {
                                    return Err(ConflictableTransactionError::Abort(
                                        StoreError::Conflict(ticket.number.clone()),
                                    ));
                                }
                                tickets.insert(key, sealed())?;
                            }
                            Effect::CreateBroadcast(job) => {
                                let next = counters
                                    .get(b"broadcast")?
                                    .map(|v| {
                                        u64::from_be_bytes(v.as_ref().try_into().unwrap_or([0; 8]))
                                    })
                                    .unwrap_or(0)
                                    + 1;
                                counters.insert(b"broadcast", &next.to_be_bytes())?;
                                let mut job = job.clone();
                                job.id = next;
                                broadcasts.insert(&next.to_be_bytes(), encode(&job))?;
                            }
                            Effect::CancelBroadcast { job: id, by } => {
                                let key = id.to_be_bytes();
                                if let Some(bytes) = broadcasts.get(key)? {
                                    let mut job: Job = decode("broadcasts", &key, &bytes)
                                        .map_err(ConflictableTransactionError::Abort)?;
                                    if matches!(job.state, JobState::Scheduled | JobState::Running)
                                    {
                                        job.state = JobState::Cancelled;
                                        job.cancelled_by = Some(*by);
                                        broadcasts.insert(&key, encode(&job))?;
                                    }
                                }
                            }
                            Effect::EraseUser(user) => {
                                for number in &erase_tickets {
                                    let key = number.as_bytes();
                                    let Some(ticket) = (match tickets.get(key)? {
                                        Some(v) => self
                                            .unsealed::<Ticket>("tickets", key, &v)
                                            .map_err(abort)?,
                                        None => None,
                                    }) else {
                                        continue;
                                    };
                                    let erased = ticket.erased(applied.user.last_seen);
                                    tickets.insert(key, encode(&erased))?;
                                    by_user.remove(ticket_index_key(*user, number))?;
                                }
                                for k in &erase_logs {
                                    faq_log.remove(k)?;
                                }
                                for k in &erase_sessions {
                                    sessions.remove(k)?;
                                }
                                profiles.remove(&user.to_be_bytes())?;
                                meta.insert(
                                    format!("erased/{user}").as_bytes(),
                                    applied.user.last_seen.to_string().as_bytes(),
                                )?;
                            }
                            Effect::SetStaffChat(chat) => {
                                meta.insert(META_STAFF_CHAT, chat.to_string().as_bytes())?;
                            }
                            Effect::LogFaq(_) => {
                                let id = faq_ids.next().copied().unwrap_or_default();
                                faq_log.insert(&id.to_be_bytes(), sealed())?;
                            }
                            Effect::Send(_) => {}
                        }
                    }
                    for (row, bytes) in &prepared {
                        let mut row = row.clone();
                        let bytes = match bytes {
                            Some(b) => b.clone(),
                            None => {
                                if let OutItem::Message(message) = &mut row.item {
                                    let number = numbers.last().map(String::as_str).unwrap_or("-");
                                    fill_ticket_number(message, number);
                                }
                                self.sealed_transit(&row).map_err(abort)?
                            }
                        };
                        outbox.insert(&row.key(), bytes)?;
                        rows.push(row);
                    }
                    if erase == Some(user.id) {
                        users.remove(&user.id.to_be_bytes())?;
                        sessions.remove(&session_key(applied.chat, user.id))?;
                        return Ok((ApplyResult::Done { tickets: numbers }, rows));
                    }
                    users.insert(&user.id.to_be_bytes(), user_bytes.clone())?;
                    sessions.insert(&session_key(applied.chat, user.id), session_bytes.clone())?;
                    Ok((ApplyResult::Done { tickets: numbers }, rows))
                },
            );
        let (result, mut rows) = result.map_err(tx_error)?;
        if let (ApplyResult::Done { .. }, Some(answer)) = (&result, answer) {
            rows.push(answer);
        }
        self.unflushed(rows);
        Ok(result)
    }

    fn meta_str(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .meta
            .get(key)?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    /// The staff chat an admin chose with /grupstaf, if any.
    pub fn staff_chat(&self) -> Result<Option<i64>, StoreError> {
        Ok(self.meta_str(META_STAFF_CHAT)?.and_then(|s| s.parse().ok()))
    }

    /// The WIB date and time of the last daily digest.
    pub fn last_digest(&self) -> Result<(Option<String>, Option<jiff::Timestamp>), StoreError> {
        Ok((
            self.meta_str(META_DIGEST_DATE)?,
            self.meta_str(META_DIGEST_AT)?.and_then(|s| s.parse().ok()),
        ))
    }

    /// Queues the daily digest and records its date in one transaction,
    /// then flushes: a restart cannot send a day's digest twice.
    pub fn enqueue_digest(
        &self,
        message: crate::dialog::OutMessage,
        date: &str,
        at: jiff::Timestamp,
    ) -> Result<(), StoreError> {
        let _writing = self.writing();
        let row = (&self.outbox, &self.meta)
            .transaction(
                |(outbox, meta)| -> Result<Option<OutboxRow>, ConflictableTransactionError<StoreError>> {
                    if meta.get(META_DIGEST_DATE)?.as_deref() == Some(date.as_bytes()) {
                        return Ok(None);
                    }
                    let row = OutboxRow {
                        id: outbox.generate_id()?,
                        priority: Priority::Notice,
                        item: OutItem::Message(message.clone()),
                        update_id: None,
                        created_at: at,
                        attempts: 0,
                        delivery: None,
                        transient: false,
                    };
                    outbox.insert(&row.key(), self.sealed_transit(&row).map_err(abort)?)?;
                    meta.insert(META_DIGEST_DATE, date.as_bytes())?;
                    meta.insert(META_DIGEST_AT, at.to_string().as_bytes())?;
                    Ok(Some(row))
                },
            )
            .map_err(tx_error)?;
        self.unflushed(row.into_iter().collect());
        self.flush()
    }

    /// All user records.
    pub fn users(&self) -> impl Iterator<Item = Result<UserRecord, StoreError>> + '_ {
        self.users.iter().filter_map(|r| {
            let (k, v) = match r {
                Ok(kv) => kv,
                Err(e) => return Some(Err(e.into())),
            };
            self.unsealed("users", &k, &v).transpose()
        })
    }

    /// All pesantren profiles.
    pub fn profiles(&self) -> impl Iterator<Item = Result<Profile, StoreError>> + '_ {
        self.profiles.iter().filter_map(|r| {
            let (k, v) = match r {
                Ok(kv) => kv,
                Err(e) => return Some(Err(e.into())),
            };
            self.unsealed("profiles", &k, &v).transpose()
        })
    }

    // ----- broadcasts ----------------------------------------------------

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
        let id = self.counters.update_and_fetch(b"broadcast", |old| {
            let n = old
                .and_then(|v| v.try_into().ok())
                .map(u64::from_be_bytes)
                .unwrap_or(0);
            Some((n + 1).to_be_bytes().to_vec())
        })?;
        let id = id
            .and_then(|v| v.as_ref().try_into().ok())
            .map(u64::from_be_bytes)
            .unwrap_or(1);
        let mut job = job.clone();
        job.id = id;
        self.broadcasts.insert(id.to_be_bytes(), encode(&job))?;
        self.db.flush()?;
        Ok(id)
    }

    /// Saves a job the pump changed (state, progress) unless it was
    /// cancelled meanwhile; returns the job as stored.
    pub fn save_job(&self, job: &Job) -> Result<Job, StoreError> {
        let _writing = self.writing();
        let key = job.id.to_be_bytes();
        let saved = self
            .broadcasts
            .transaction(
                |tree| -> Result<Job, ConflictableTransactionError<StoreError>> {
                    let current: Option<Job> = tree
                        .get(key)?
                        .map(|v| decode("broadcasts", &key, &v))
                        .transpose()
                        .map_err(ConflictableTransactionError::Abort)?;
                    let mut job = job.clone();
                    if let Some(c) = current {
                        if c.state == JobState::Cancelled {
                            job.state = JobState::Cancelled;
                            job.cancelled_by = c.cancelled_by;
                        }
                    }
                    tree.insert(&key, encode(&job))?;
                    Ok(job)
                },
            )
            .map_err(tx_error)?;
        self.db.flush()?;
        Ok(saved)
    }

    fn ledger_key(job: u64, user: i64) -> [u8; 16] {
        let mut k = [0u8; 16];
        k[..8].copy_from_slice(&job.to_be_bytes());
        k[8..].copy_from_slice(&user.to_be_bytes());
        k
    }

    /// Fixes a job's recipients (pending) and marks it running. Safe to
    /// repeat after a crash: recipients already in the ledger keep their
    /// status.
    pub fn start_job(&self, job: &Job, recipients: &[(i64, Lang)]) -> Result<Job, StoreError> {
        let _writing = self.writing();
        // The ledger and its pending index in one transaction: a recipient
        // is never "pending" without being in the index.
        (&self.ledger, &self.pending)
            .transaction(
                |(ledger, pending)| -> Result<(), ConflictableTransactionError<StoreError>> {
                    for (user, lang) in recipients {
                        let key = Store::ledger_key(job.id, *user);
                        if ledger.get(key)?.is_none() {
                            let entry = LedgerEntry {
                                status: DeliveryStatus::Pending,
                                lang: *lang,
                                reason: None,
                            };
                            ledger.insert(&key, encode(&entry))?;
                            pending.insert(&key, &[])?;
                        }
                    }
                    Ok(())
                },
            )
            .map_err(tx_error)?;
        // save_job takes the gate itself: a nested shared hold could wait
        // behind a backup queued in between.
        drop(_writing);
        self.save_job(job)
    }

    /// A job's ledger, by user.
    pub fn ledger(&self, job: u64) -> Result<Vec<(i64, LedgerEntry)>, StoreError> {
        self.ledger
            .scan_prefix(job.to_be_bytes())
            .map(|r| {
                let (k, v) = r?;
                let user = i64::from_be_bytes(k[8..16].try_into().unwrap_or([0; 8]));
                Ok((user, decode("bc_ledger", &k, &v)?))
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
        for r in self.outbox.scan_prefix([Priority::Broadcast as u8]) {
            let (k, v) = r?;
            let Some(row): Option<OutboxRow> = self.unsealed("outbox", &k, &v)? else {
                continue;
            };
            if row.delivery.is_some_and(|d| d.job == job) {
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
            let user = i64::from_be_bytes(k[8..16].try_into().unwrap_or([0; 8]));
            if let Some(v) = self.ledger.get(&k)? {
                let entry: LedgerEntry = decode("bc_ledger", &k, &v)?;
                picked.push((user, entry));
            }
        }
        if picked.is_empty() {
            return Ok(0);
        }
        let now = jiff::Timestamp::now();
        let rows = (&self.ledger, &self.outbox, &self.pending)
            .transaction(|(ledger, outbox, pending)| -> Result<Vec<OutboxRow>, ConflictableTransactionError<StoreError>> {
                let mut rows = Vec::new();
                for (user, entry) in &picked {
                    let key = Store::ledger_key(job, *user);
                    pending.remove(&key)?;
                    let queued = LedgerEntry {
                        status: DeliveryStatus::Queued,
                        ..entry.clone()
                    };
                    ledger.insert(&key, encode(&queued))?;
                    let row = OutboxRow {
                        id: outbox.generate_id()?,
                        priority: Priority::Broadcast,
                        item: OutItem::Message(render(*user, entry.lang)),
                        update_id: None,
                        created_at: now,
                        attempts: 0,
                        delivery: Some(DeliveryRef { job, user: *user }),
                        transient: false,
                    };
                    outbox.insert(&row.key(), self.sealed_transit(&row).map_err(abort)?)?;
                    rows.push(row);
                }
                Ok(rows)
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
        let key = Store::ledger_key(d.job, d.user);
        (&self.ledger, &self.outbox)
            .transaction(
                |(ledger, outbox)| -> Result<(), ConflictableTransactionError<StoreError>> {
                    let lang = match ledger.get(key)? {
                        Some(v) => {
                            decode::<LedgerEntry>("bc_ledger", &key, &v)
                                .map_err(ConflictableTransactionError::Abort)?
                                .lang
                        }
                        None => Lang::Id,
                    };
                    let entry = LedgerEntry {
                        status,
                        lang,
                        reason: reason.clone(),
                    };
                    ledger.insert(&key, encode(&entry))?;
                    outbox.remove(&row.key())?;
                    Ok(())
                },
            )
            .map_err(tx_error)?;
        self.db.flush()?;
        Ok(())
    }

    /// Marks a cancelled job's pending recipients cancelled; flushes.
    pub fn cancel_pending(&self, job: u64) -> Result<(), StoreError> {
        let _writing = self.writing();
        let mut batch = sled::Batch::default();
        let mut pending = sled::Batch::default();
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
        self.db.flush()?;
        Ok(())
    }

    /// At start, before anything is sent: a broadcast delivery still in the
    /// outbox may have reached Telegram just before the stop. It is marked
    /// interrupted rather than sent again, so nobody gets it twice.
    pub fn interrupt_broadcast_rows(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for r in self.outbox.scan_prefix([Priority::Broadcast as u8]) {
            let (k, v) = r?;
            let Some(row): Option<OutboxRow> = self.unsealed("outbox", &k, &v)? else {
                continue;
            };
            if row.delivery.is_some() {
                self.complete_delivery(&row, DeliveryStatus::Interrupted, None)?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Queues messages that no event caused (broadcast progress and
    /// reports), then flushes.
    pub fn enqueue(&self, messages: &[OutMessage], priority: Priority) -> Result<(), StoreError> {
        let _writing = self.writing();
        let now = jiff::Timestamp::now();
        let mut rows = Vec::new();
        for m in messages {
            let row = OutboxRow {
                id: self.db.generate_id()?,
                priority,
                item: OutItem::Message(m.clone()),
                update_id: None,
                created_at: now,
                attempts: 0,
                delivery: None,
                transient: false,
            };
            self.outbox.insert(row.key(), self.sealed_transit(&row)?)?;
            rows.push(row);
        }
        self.unflushed(rows);
        self.flush()
    }

    // ----- personal data (UU PDP) -------------------------------------------

    /// After an erasure was committed: destroys the person's key, so every
    /// old copy of their records in sled's files is unreadable; starts a new
    /// transit epoch, so nothing they typed stays readable in the inbox or
    /// outbox; and scrubs the daily backups. Safe to repeat.
    fn finish_erasure(&self, user: i64) -> Result<(), StoreError> {
        self.keys.destroy(user)?;
        self.rotate_epoch()?;
        if let Some(dir) = &self.dir {
            let backups = dir.join("backups");
            if backups.is_dir() {
                let _one_at_a_time = self.backups_lock.lock().unwrap_or_else(|e| e.into_inner());
                backup::scrub_backups(&backups, user, jiff::Timestamp::now())
                    .map_err(|e| StoreError::Backup(e.to_string()))?;
            }
        }
        // Done: the mark goes, so a person who comes back later keeps the
        // new key they get (a mark left by a crash is finished at start).
        self.meta.remove(format!("erased/{user}").as_bytes())?;
        self.db.flush()?;
        tracing::info!(user, "personal data erased");
        Ok(())
    }

    /// Seals the live inbox and outbox rows with a new epoch key, then
    /// destroys the old one. Writers wait meanwhile.
    pub fn rotate_epoch(&self) -> Result<(), StoreError> {
        let _quiet = self.gate.write().unwrap_or_else(|e| e.into_inner());
        self.keys.next_epoch()?;
        let new = self.keys.epoch_owner();
        // Every row not under the new key is sealed again (rows of any older
        // epoch a crash left behind too), then every other epoch key goes.
        for tree in [&self.inbox, &self.outbox] {
            for r in tree.iter() {
                let (k, v) = r?;
                if crypt::Keyring::owner_of(&v) != Some(new) {
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
        }
        self.db.flush()?;
        self.keys.destroy_epochs_except(new)?;
        Ok(())
    }

    /// Erasures recorded in `meta`: their keys must be gone (a crash may
    /// have come between the commit and the key's destruction).
    fn settle_erasures(&self) -> Result<(), StoreError> {
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

    /// What /privasi shows besides profile and tickets.
    pub fn privacy_facts(&self, user: i64) -> Result<crate::dialog::PrivacyFacts, StoreError> {
        let record = self.user(user)?;
        let mut faq_questions = 0;
        for r in self.faq_log.iter() {
            let (_, v) = r?;
            if crypt::Keyring::owner_of(&v) == Some(user) {
                faq_questions += 1;
            }
        }
        Ok(crate::dialog::PrivacyFacts {
            first_name: record.as_ref().and_then(|u| u.first_name.clone()),
            username: record.as_ref().and_then(|u| u.username.clone()),
            first_seen: record.map(|u| u.first_seen),
            faq_questions,
        })
    }

    /// FAQ records (unanswered questions, feedback), oldest first.
    pub fn faq_logs(&self) -> impl Iterator<Item = Result<crate::dialog::FaqLog, StoreError>> + '_ {
        self.faq_log.iter().filter_map(|r| {
            let (k, v) = match r {
                Ok(kv) => kv,
                Err(e) => return Some(Err(e.into())),
            };
            self.unsealed("faq_log", &k, &v).transpose()
        })
    }
}

impl Lookup for Store {
    fn privacy(&self, user: i64) -> crate::dialog::PrivacyFacts {
        self.privacy_facts(user).unwrap_or_else(|e| {
            tracing::error!(error = %e, "cannot read a user's data");
            Default::default()
        })
    }

    fn ticket(&self, number: &str) -> Option<Ticket> {
        match Store::ticket(self, number) {
            Ok(t) => t,
            Err(e) => {
                tracing::error!(error = %e, "cannot read a ticket");
                None
            }
        }
    }

    fn tickets_of(&self, user: i64) -> Vec<TicketSummary> {
        match self.tickets_of_user(user) {
            Ok(list) => list.iter().map(Ticket::summary).collect(),
            Err(e) => {
                tracing::error!(error = %e, "cannot read a user's tickets");
                Vec::new()
            }
        }
    }
}
