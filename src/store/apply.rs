//! The one write path of a handled event: everything a decider's outcome
//! changes — the user record and session, profile, tickets with their
//! numbers, broadcast jobs, the FAQ log, the staff chat, outbox rows, and
//! "this update is done" — in ONE transaction. Encoding and sealing
//! happen before it, because sled runs every transaction under one lock
//! that all other writes wait for. Each effect is one small function on
//! the transaction's trees ([`Tx`]).

use sled::IVec;

use super::codec::{
    TxResult, abort, decode, encode, next_count, session_key, ticket_index_key, tx_error,
};
use super::facets::Facet;
use super::kv::TxTree;
use super::outbox::{OutItem, OutboxRow, Priority};
use super::recent::{self, Key};
use super::{META_STAFF_CHAT, Store, StoreError, crypt};
use crate::event::Delivery;
use crate::outcome::{CopyOf, Effect, Outcome};
use crate::records::{Job, JobState, NewTicket, Ticket, UserRecord};

/// What [`Store::apply`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyResult {
    Done {
        tickets: Vec<String>,
    },
    /// The update id was handled before: nothing was written.
    AlreadyProcessed,
}

/// The trees one event's transaction writes.
struct Tx<'t, 'k> {
    users: TxTree<'t, 'k>,
    profiles: TxTree<'t, 'k>,
    sessions: TxTree<'t, 'k>,
    tickets: TxTree<'t, 'k>,
    by_user: TxTree<'t, 'k>,
    counters: TxTree<'t, 'k>,
    processed: TxTree<'t, 'k>,
    outbox: TxTree<'t, 'k>,
    faq_log: TxTree<'t, 'k>,
    inbox: TxTree<'t, 'k>,
    meta: TxTree<'t, 'k>,
    broadcasts: TxTree<'t, 'k>,
    sent: TxTree<'t, 'k>,
    facets: TxTree<'t, 'k>,
    /// The facets this attempt wrote, for the desk's index in memory.
    written: std::cell::RefCell<Vec<Facet>>,
}

/// The records of a person being erased, which a transaction cannot scan
/// for: gathered before it.
#[derive(Default)]
struct Erasure {
    user: i64,
    tickets: Vec<String>,
    faq_logs: Vec<IVec>,
    sessions: Vec<IVec>,
    /// The staff's copies of their tickets and every export document.
    sent: Vec<IVec>,
}

/// Everything of an outcome encoded and sealed before the transaction.
struct Prepared {
    user: UserRecord,
    user_bytes: Vec<u8>,
    session_bytes: Vec<u8>,
    /// Per effect, its sealed record if it writes one as it is.
    effects: Vec<Option<Vec<u8>>>,
    /// Outbox rows with their sealed bytes; `None` for a row waiting for
    /// its ticket number, sealed in the transaction once it is known.
    rows: Vec<(OutboxRow, Option<Vec<u8>>)>,
    /// Ids of the FAQ records, in effect order.
    faq_ids: Vec<u64>,
    erasure: Option<Erasure>,
}

impl Store {
    /// Writes everything one handled event changes, in one transaction,
    /// then flushes (and finishes an erasure). A ticket's number is
    /// allocated here, so a number is never reused or skipped, and the
    /// confirmation carrying it is in the outbox of the same transaction.
    pub fn apply(
        &self,
        delivery: &Delivery,
        user: &UserRecord,
        outcome: &Outcome,
    ) -> Result<ApplyResult, StoreError> {
        let result = self.apply_unflushed(delivery, user, outcome)?;
        self.flush()?;
        if let Some(user) = outcome.erasure() {
            self.finish_erasure(user)?;
        }
        Ok(result)
    }

    /// [`Store::apply`] without the flush (group commit: several events,
    /// then one [`Store::flush`], which releases their rows to the sender).
    /// An erasure is not finished here: use [`Store::apply`] for it.
    pub fn apply_unflushed(
        &self,
        delivery: &Delivery,
        user: &UserRecord,
        outcome: &Outcome,
    ) -> Result<ApplyResult, StoreError> {
        let _writing = self.writing();
        let prepared = self.prepare(delivery, user, outcome)?;
        let keep = to_keep(delivery, outcome, &prepared);
        let (result, mut rows, written) = self
            .kv
            .transaction_then(
                |t| {
                    let tx = Tx {
                        users: t.on(&self.users),
                        profiles: t.on(&self.profiles),
                        sessions: t.on(&self.sessions),
                        tickets: t.on(&self.tickets),
                        by_user: t.on(&self.tickets_by_user),
                        counters: t.on(&self.counters),
                        processed: t.on(&self.processed),
                        outbox: t.on(&self.outbox),
                        faq_log: t.on(&self.faq_log),
                        inbox: t.on(&self.inbox),
                        meta: t.on(&self.meta),
                        broadcasts: t.on(&self.broadcasts),
                        sent: t.on(&self.sent),
                        facets: t.on(&self.facets),
                        written: Default::default(),
                    };
                    let (result, rows) = self.write(&tx, delivery, outcome, &prepared)?;
                    Ok((result, rows, tx.written.take()))
                },
                |(result, _, _)| {
                    if let ApplyResult::Done { .. } = result {
                        match keep {
                            Some(records) => {
                                for (key, value, sealed) in records {
                                    // Sealed with a key an erasure destroyed
                                    // since: the store reads it as nothing,
                                    // and so must what is kept.
                                    if self.keys.can_open(sealed) {
                                        self.recent.put(key, value);
                                    } else {
                                        self.recent.forget(key);
                                    }
                                }
                            }
                            None => self.recent.clear(),
                        }
                    }
                },
            )
            .map_err(tx_error)?;
        self.facets_written(written);
        // Every press is answered, so the button stops spinning; the
        // answer goes with the flush of this transaction, not stored (so
        // it needs no row id).
        if let (ApplyResult::Done { .. }, Some(id)) = (&result, &delivery.callback) {
            let item = OutItem::CallbackAnswer {
                id: id.clone(),
                text: outcome.toast.clone().unwrap_or_default(),
            };
            let mut answer = OutboxRow::new(0, Priority::Reply, item, prepared.user.last_seen);
            answer.update_id = delivery.update_id;
            answer.transient = true;
            rows.push(answer);
        }
        self.unflushed(rows);
        Ok(result)
    }

    /// Encodes and seals what can be before the transaction (the outbox
    /// row ids too, in message order, so a restart keeps the order).
    fn prepare(
        &self,
        delivery: &Delivery,
        user: &UserRecord,
        outcome: &Outcome,
    ) -> Result<Prepared, StoreError> {
        let mut user = user.clone();
        for effect in &outcome.effects {
            if let Effect::SetLanguage(lang) = effect {
                user.lang = Some(*lang);
            }
        }
        let mut effects = Vec::new();
        let mut faq_ids = Vec::new();
        for effect in &outcome.effects {
            effects.push(match effect {
                Effect::SaveProfile(profile) => Some(self.sealed(profile.user, profile)?),
                Effect::UpdateTicket { ticket, .. } => Some(self.ticket_bytes(ticket)?),
                Effect::LogFaq(log) => {
                    faq_ids.push(self.db.generate_id()?);
                    Some(self.sealed(log.user, log)?)
                }
                _ => None,
            });
        }
        let mut rows = Vec::new();
        for effect in &outcome.effects {
            let (chat, item, fill) = match effect {
                Effect::Send(m) => (m.chat, OutItem::Message(m.clone()), m.fill_ticket),
                Effect::DeleteMessage { chat, message_id } => (
                    *chat,
                    OutItem::Delete {
                        chat: *chat,
                        message_id: *message_id,
                    },
                    false,
                ),
                _ => continue,
            };
            // The person who acted is answered first; what goes to other
            // chats (staff chat, a submitter) follows.
            let priority = if chat == delivery.event.chat {
                Priority::Reply
            } else {
                Priority::Notice
            };
            let mut row = OutboxRow::new(self.db.generate_id()?, priority, item, user.last_seen);
            row.update_id = delivery.update_id;
            let bytes = if fill {
                None
            } else {
                Some(self.sealed_transit(&row)?)
            };
            rows.push((row, bytes));
        }
        let erasure = match outcome.erasure() {
            Some(person) => Some(self.gather_erasure(person)?),
            None => None,
        };
        Ok(Prepared {
            user_bytes: self.sealed(user.id, &user)?,
            session_bytes: self.sealed(user.id, &outcome.session)?,
            user,
            effects,
            rows,
            faq_ids,
            erasure,
        })
    }

    /// A person's tickets, FAQ records and sessions in every chat (a group
    /// they wrote in, too).
    fn gather_erasure(&self, user: i64) -> Result<Erasure, StoreError> {
        let mut erasure = Erasure {
            user,
            tickets: self.ticket_numbers_of(user)?,
            ..Erasure::default()
        };
        for r in self.faq_log.iter() {
            let (k, v) = r?;
            if crypt::Keyring::owner_of(&v) == Some(user) {
                erasure.faq_logs.push(k);
            }
        }
        for r in self.sessions.iter() {
            let (k, _) = r?;
            if k.get(8..16) == Some(&user.to_be_bytes()[..]) {
                erasure.sessions.push(k);
            }
        }
        let copies = erasure
            .tickets
            .iter()
            .map(|n| CopyOf::Ticket(n.clone()))
            .chain([CopyOf::Export]);
        for of in copies {
            for r in self.sent.scan_prefix(super::sent_prefix(&of)) {
                erasure.sent.push(r?.0);
            }
        }
        Ok(erasure)
    }

    /// The transaction's body.
    fn write(
        &self,
        tx: &Tx<'_, '_>,
        delivery: &Delivery,
        outcome: &Outcome,
        prepared: &Prepared,
    ) -> TxResult<(ApplyResult, Vec<OutboxRow>)> {
        if let Some(id) = delivery.update_id {
            if self.may_be_processed(id) && tx.processed.get(id.to_be_bytes())?.is_some() {
                tx.inbox.remove(id.to_be_bytes())?;
                return Ok((ApplyResult::AlreadyProcessed, Vec::new()));
            }
        }
        let at = delivery.event.now.as_second().to_be_bytes();
        for id in delivery.update_ids() {
            self.processing(id);
            tx.processed.insert(id.to_be_bytes(), &at)?;
            tx.inbox.remove(id.to_be_bytes())?;
        }
        let mut numbers = Vec::new();
        let mut faq_ids = prepared.faq_ids.iter();
        for (effect, sealed) in outcome.effects.iter().zip(&prepared.effects) {
            let sealed = || sealed.clone().unwrap_or_default();
            match effect {
                Effect::SetLanguage(_) | Effect::Send(_) | Effect::DeleteMessage { .. } => {}
                Effect::SaveProfile(profile) => {
                    tx.profiles.insert(profile.user.to_be_bytes(), sealed())?;
                }
                Effect::CreateTicket(new) => numbers.push(self.create_ticket(tx, new)?),
                Effect::UpdateTicket { ticket, expected } => {
                    self.update_ticket(tx, ticket, *expected, sealed())?
                }
                Effect::CreateBroadcast(job) => create_broadcast(tx, job)?,
                Effect::CancelBroadcast { job, by } => cancel_broadcast(tx, *job, *by)?,
                Effect::ResendInterrupted { job } => resend_interrupted(tx, *job)?,
                Effect::EraseUser(_) => {
                    if let Some(erasure) = &prepared.erasure {
                        self.erase(tx, erasure, prepared.user.last_seen)?;
                    }
                }
                Effect::SetStaffChat(chat) => {
                    tx.meta
                        .insert(META_STAFF_CHAT, chat.to_string().as_bytes())?;
                    tx.meta.remove(super::META_STAFF_LOST)?;
                }
                Effect::LogFaq(_) => {
                    let id = faq_ids.next().copied().unwrap_or_default();
                    tx.faq_log.insert(id.to_be_bytes(), sealed())?;
                }
                Effect::Learn(learned) => {
                    let key = super::learned_key(&learned.ticket);
                    tx.meta.insert(key, encode(learned))?;
                }
                Effect::Unlearn { ticket } => {
                    tx.meta.remove(super::learned_key(ticket))?;
                }
            }
        }
        let rows = self.write_rows(tx, &prepared.rows, &numbers)?;
        let user = &prepared.user;
        let key = session_key(delivery.event.chat, user.id);
        if prepared.erasure.as_ref().is_some_and(|e| e.user == user.id) {
            tx.users.remove(user.id.to_be_bytes())?;
            tx.sessions.remove(key)?;
        } else {
            tx.users
                .insert(user.id.to_be_bytes(), prepared.user_bytes.clone())?;
            tx.sessions.insert(key, prepared.session_bytes.clone())?;
        }
        Ok((ApplyResult::Done { tickets: numbers }, rows))
    }

    /// A new ticket with the next number of its prefix and WIB year.
    fn create_ticket(&self, tx: &Tx<'_, '_>, new: &NewTicket) -> TxResult<String> {
        let year = crate::time::year_wib(new.created_at);
        let counter = format!("{}-{year}", new.prefix);
        let next = next_count(&tx.counters, counter.as_bytes())?;
        let number = format!("{counter}-{next:05}");
        let ticket = Ticket::new(number.clone(), new);
        tx.tickets.insert(
            number.as_bytes(),
            self.ticket_bytes(&ticket).map_err(abort)?,
        )?;
        put_facet(tx, &ticket)?;
        tx.by_user
            .insert(ticket_index_key(new.user, &number), &[])?;
        Ok(number)
    }

    /// A changed ticket, written only if nobody changed it since it was
    /// read; an erased ticket is never written back from a copy decided
    /// before the erasure.
    fn update_ticket(
        &self,
        tx: &Tx<'_, '_>,
        ticket: &Ticket,
        expected: usize,
        sealed: Vec<u8>,
    ) -> TxResult<()> {
        let key = ticket.number.as_bytes();
        let current: Option<Ticket> = match tx.tickets.get(key)? {
            Some(v) => self.unsealed("tickets", key, &v).map_err(abort)?,
            None => None,
        };
        if current.as_ref().map(Ticket::version) != Some(expected)
            || current.is_some_and(|c| c.erased_at.is_some())
        {
            return Err(abort(StoreError::Conflict(ticket.number.clone())));
        }
        tx.tickets.insert(key, sealed)?;
        put_facet(tx, ticket)?;
        Ok(())
    }

    /// The person's tickets anonymized, their FAQ records, sessions and
    /// profile removed, and a mark that the erasure is to be finished.
    fn erase(&self, tx: &Tx<'_, '_>, erasure: &Erasure, at: jiff::Timestamp) -> TxResult<()> {
        for number in &erasure.tickets {
            let key = number.as_bytes();
            let ticket: Option<Ticket> = match tx.tickets.get(key)? {
                Some(v) => self.unsealed("tickets", key, &v).map_err(abort)?,
                None => None,
            };
            if let Some(ticket) = ticket {
                let erased = ticket.erased(at);
                tx.tickets.insert(key, encode(&erased))?;
                put_facet(tx, &erased)?;
                tx.by_user.remove(ticket_index_key(erasure.user, number))?;
            }
        }
        for k in &erasure.faq_logs {
            tx.faq_log.remove(k)?;
        }
        for k in &erasure.sessions {
            tx.sessions.remove(k)?;
        }
        for k in &erasure.sent {
            tx.sent.remove(k)?;
        }
        tx.profiles.remove(erasure.user.to_be_bytes())?;
        tx.meta.insert(
            format!("erased/{}", erasure.user).as_bytes(),
            at.to_string().as_bytes(),
        )?;
        Ok(())
    }

    /// The outbox rows, a new ticket's number filled in where a message
    /// waits for it.
    fn write_rows(
        &self,
        tx: &Tx<'_, '_>,
        prepared: &[(OutboxRow, Option<Vec<u8>>)],
        numbers: &[String],
    ) -> TxResult<Vec<OutboxRow>> {
        let mut rows = Vec::new();
        for (row, bytes) in prepared {
            let mut row = row.clone();
            let bytes = match bytes {
                Some(b) => b.clone(),
                None => {
                    if let OutItem::Message(message) = &mut row.item {
                        let number = numbers.last().map(String::as_str).unwrap_or("-");
                        message.fill_ticket_number(number);
                    }
                    self.sealed_transit(&row).map_err(abort)?
                }
            };
            tx.outbox.insert(row.key(), bytes)?;
            rows.push(row);
        }
        Ok(rows)
    }
}

/// A new broadcast job with the next broadcast id.
fn create_broadcast(tx: &Tx<'_, '_>, job: &Job) -> TxResult<()> {
    let id = next_count(&tx.counters, b"broadcast")?;
    let mut job = job.clone();
    job.id = id;
    tx.broadcasts.insert(id.to_be_bytes(), encode(&job))?;
    Ok(())
}

/// A finished job running again, for the pump to send to its interrupted
/// recipients.
fn resend_interrupted(tx: &Tx<'_, '_>, id: u64) -> TxResult<()> {
    let key = id.to_be_bytes();
    if let Some(bytes) = tx.broadcasts.get(key)? {
        let mut job: Job = decode("broadcasts", &key, &bytes).map_err(abort)?;
        if job.state == JobState::Done {
            job.state = JobState::Running;
            job.resend = true;
            job.finished_at = None;
            job.progress_at = None;
            tx.broadcasts.insert(key, encode(&job))?;
        }
    }
    Ok(())
}

/// A scheduled or running job marked cancelled (the pump settles it).
fn cancel_broadcast(tx: &Tx<'_, '_>, id: u64, by: i64) -> TxResult<()> {
    let key = id.to_be_bytes();
    if let Some(bytes) = tx.broadcasts.get(key)? {
        let mut job: Job = decode("broadcasts", &key, &bytes).map_err(abort)?;
        if matches!(job.state, JobState::Scheduled | JobState::Running) {
            job.state = JobState::Cancelled;
            job.cancelled_by = Some(by);
            tx.broadcasts.insert(key, encode(&job))?;
        }
    }
    Ok(())
}

/// A ticket's facet in the desk's index, beside it; an older ticket
/// without a region of its own keeps the one its facet had.
fn put_facet(tx: &Tx<'_, '_>, ticket: &Ticket) -> TxResult<()> {
    let key = ticket.number.as_bytes();
    let before = tx
        .facets
        .get(key)?
        .and_then(|v| Facet::decode(key, &v))
        .and_then(|f| f.region);
    let facet = Facet::of(ticket, before.as_deref());
    tx.facets.insert(key, facet.encode())?;
    tx.written.borrow_mut().push(facet);
    Ok(())
}

/// What an event writes of its person, to keep decoded once it committed:
/// their user record, session and profile, each with the sealed bytes the
/// store holds; `None` for an erasure, which forgets everything kept.
fn to_keep<'p>(
    delivery: &Delivery,
    outcome: &Outcome,
    prepared: &'p Prepared,
) -> Option<Vec<(Key, recent::Value, &'p [u8])>> {
    if prepared.erasure.is_some() {
        return None;
    }
    let user = &prepared.user;
    let mut keep = vec![
        (
            Key::User(user.id),
            recent::value(Some(user.clone())),
            &prepared.user_bytes[..],
        ),
        (
            Key::Session(delivery.event.chat, user.id),
            recent::value(Some(outcome.session.clone())),
            &prepared.session_bytes[..],
        ),
    ];
    for (effect, sealed) in outcome.effects.iter().zip(&prepared.effects) {
        if let (Effect::SaveProfile(profile), Some(sealed)) = (effect, sealed) {
            keep.push((
                Key::Profile(profile.user),
                recent::value(Some(profile.clone())),
                &sealed[..],
            ));
        }
    }
    Some(keep)
}
