//! One handled event, end to end, independent of the transport: load the
//! user, session and profile; pick the decider (broadcast composing, the
//! staff side, or the dialog engine); add the staff chat's notices; apply
//! the outcome in one store transaction. Telegram and the console both
//! call [`App::handle`] with a [`Delivery`].

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use tokio::sync::watch;

use crate::config::Config;
use crate::content::{Content, Faq};
use crate::event::Delivery;
use crate::outcome::{Effect, OutMessage, Outcome};
use crate::records::UserRecord;
use crate::store::{ApplyResult, Priority, Store, StoreError};
use crate::{broadcast, dialog, staff};

/// A conflicting ticket update is decided again at most this many times.
const ATTEMPTS: usize = 5;

/// The parts every transport shares.
pub struct App {
    pub content: Content,
    pub store: Store,
    pub config: Config,
    /// The staff chat in effect, read once from config or the store and
    /// kept current when /grupstaf changes it or Telegram moves it (every
    /// update asks; the sender watches it).
    staff_chat: watch::Sender<Option<i64>>,
    /// Staff groups Telegram upgraded to supergroups: old id → new id.
    moved: RwLock<HashMap<i64, i64>>,
    /// The FAQ in effect: the shipped one with what staff taught, built
    /// again whenever an event changes what was taught.
    faq: RwLock<Arc<Faq>>,
    /// The desk, when the web server is on (set once at start).
    desk: std::sync::OnceLock<Arc<dyn staff::DeskLinks>>,
    /// Counts events that changed tickets, so an open desk page knows to
    /// show them.
    changes: std::sync::atomic::AtomicU64,
}

/// What handling an event did.
#[derive(Debug)]
pub struct Handled {
    pub outcome: Outcome,
    pub result: ApplyResult,
}

impl App {
    pub fn new(mut content: Content, store: Store, config: Config) -> App {
        content.i18n.set_globals(config.message_globals());
        let moved: HashMap<i64, i64> = store
            .staff_chat_moves()
            .unwrap_or_default()
            .into_iter()
            .collect();
        let mut staff_chat = config
            .roles
            .staff_chat
            .or_else(|| store.staff_chat().ok().flatten());
        // A configured group Telegram has since upgraded: its new id.
        for _ in 0..moved.len() {
            match staff_chat.and_then(|c| moved.get(&c)) {
                Some(new) => staff_chat = Some(*new),
                None => break,
            }
        }
        let learned = crate::store::logged("what staff taught the FAQ", store.learned());
        // The FAQ in effect is `faq`; the shipped one is only its base, and
        // its index goes before the new one is built (not beside it: the
        // memory it frees is reused).
        content.faq.forget_index();
        let faq = Arc::new(content.faq.with_learned(&learned));
        App {
            content,
            store,
            config,
            staff_chat: watch::channel(staff_chat).0,
            moved: RwLock::new(moved),
            faq: RwLock::new(faq),
            desk: std::sync::OnceLock::new(),
            changes: Default::default(),
        }
    }

    /// Switches the desk's links on (notices get their button, /meja
    /// answers); once, before events are handled.
    pub fn set_desk(&self, desk: Arc<dyn staff::DeskLinks>) {
        let _ = self.desk.set(desk);
    }

    /// How many events changed tickets since start.
    pub fn changes(&self) -> u64 {
        self.changes.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The FAQ in effect (shipped, with what staff taught).
    pub fn faq(&self) -> Arc<Faq> {
        self.faq.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Builds the FAQ again from what staff taught, as stored now.
    fn relearn(&self) -> Result<(), StoreError> {
        let learned = self.store.learned()?;
        let faq = Arc::new(self.content.faq.with_learned(&learned));
        *self.faq.write().unwrap_or_else(|e| e.into_inner()) = faq;
        Ok(())
    }

    /// Handles one event and flushes. A delivery with an update id that
    /// was handled before changes nothing.
    pub fn handle(&self, delivery: &Delivery) -> Result<Handled, StoreError> {
        let handled = self.handle_deferred(delivery)?;
        self.store.flush()?;
        Ok(handled)
    }

    /// [`App::handle`] without the flush, for group commit: the caller
    /// makes sure [`Store::flush`] follows (the outcome's messages reach
    /// the sender only then). An erasure is flushed and finished right
    /// away.
    pub fn handle_deferred(&self, delivery: &Delivery) -> Result<Handled, StoreError> {
        if let Some(id) = delivery.update_id {
            if self.store.is_processed(id)? {
                // Delivered again after it was handled: only tidy the inbox.
                self.store.mark_processed(&[id], delivery.event.now)?;
                return Ok(Handled {
                    outcome: Outcome::nothing(),
                    result: ApplyResult::AlreadyProcessed,
                });
            }
        }
        // Optimistic concurrency: a ticket changed by someone else between
        // reading and writing makes the store refuse the outcome; the event
        // is then decided again on fresh data (two staff pressing at once:
        // the second is told it was already done).
        let mut attempts = 0;
        loop {
            attempts += 1;
            match self.try_handle(delivery) {
                Err(StoreError::Conflict(number)) if attempts < ATTEMPTS => {
                    tracing::debug!(ticket = number, "ticket changed meanwhile; handling again");
                }
                other => return other,
            }
        }
    }

    /// Queues today's staff digest if its time has come and it was not
    /// sent yet today.
    pub fn send_digest_if_due(&self, now: jiff::Timestamp) -> Result<bool, StoreError> {
        staff::digest::send_if_due(
            &self.store,
            &self.content,
            &self.config,
            self.staff_chat(),
            now,
        )
    }

    /// The staff chat in effect: configured, or chosen with /grupstaf.
    pub fn staff_chat(&self) -> Option<i64> {
        *self.staff_chat.borrow()
    }

    /// Changes of the staff chat, for the sender's kept notices.
    pub fn watch_staff_chat(&self) -> watch::Receiver<Option<i64>> {
        self.staff_chat.subscribe()
    }

    /// Telegram upgraded the group `old` to the supergroup `new`. If it was
    /// the staff chat, `new` is the staff chat from now on and the admins
    /// are told; returns whether it was.
    pub fn staff_chat_moved(&self, old: i64, new: i64) -> Result<bool, StoreError> {
        if self.staff_chat() != Some(old) {
            return Ok(false);
        }
        self.store.move_staff_chat(old, new)?;
        self.moved
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(old, new);
        self.staff_chat.send_replace(Some(new));
        tracing::warn!(
            old,
            new,
            "the staff group became a supergroup; following it"
        );
        let writer = self.staff_writer();
        self.tell_admins(&writer.staff_chat_moved(new))?;
        Ok(true)
    }

    /// The bot was removed from the staff chat: the admins are told
    /// privately (once until it is set again).
    pub fn staff_chat_lost(&self, chat: i64) -> Result<(), StoreError> {
        if self.staff_chat() != Some(chat) || !self.store.staff_chat_lost(chat)? {
            return Ok(());
        }
        tracing::warn!(
            chat,
            "the bot was removed from the staff group; notices are kept"
        );
        let text = self.staff_writer().staff_chat_lost();
        self.tell_admins(&text)
    }

    /// Where a message to the group `chat` goes now: the new id if
    /// Telegram upgraded it.
    pub fn moved_chat(&self, chat: i64) -> Option<i64> {
        self.moved
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&chat)
            .copied()
    }

    fn staff_writer(&self) -> staff::Writer<'_> {
        staff::Writer {
            content: &self.content,
            lang: self.config.staff.language,
            desk: None,
        }
    }

    /// A message to every admin's private chat, outside any event.
    fn tell_admins(&self, text: &str) -> Result<(), StoreError> {
        let messages: Vec<OutMessage> = self
            .config
            .roles
            .admins
            .iter()
            .map(|admin| OutMessage::new(*admin, text.to_string()))
            .collect();
        self.store.enqueue(&messages, Priority::Notice)
    }

    /// The sender's user record as of this event.
    fn user(&self, delivery: &Delivery) -> Result<UserRecord, StoreError> {
        let event = &delivery.event;
        let mut user = self
            .store
            .user(event.user)?
            .unwrap_or_else(|| UserRecord::new(event.user, event.now));
        user.last_seen = event.now;
        user.active = true;
        if event.language_code.is_some() {
            user.language_code.clone_from(&event.language_code);
        }
        if event.first_name.is_some() {
            user.first_name.clone_from(&event.first_name);
        }
        if let Some(u) = &delivery.username {
            user.username = Some(u.clone());
        }
        Ok(user)
    }

    fn try_handle(&self, delivery: &Delivery) -> Result<Handled, StoreError> {
        let event = &delivery.event;
        let user = self.user(delivery)?;
        let session = self.store.session(event.chat, event.user)?;
        let profile = self.store.profile(event.user)?;
        let role = self.config.role_of(event.user);
        let faq = self.faq();
        let staff = staff::Context {
            content: &self.content,
            faq: &faq,
            config: &self.config,
            reads: &self.store,
            staff_chat: self.staff_chat(),
            desk: self.desk.get().map(|d| &**d as &dyn staff::DeskLinks),
        };
        let mut outcome = if broadcast::routes(event, &session) {
            let ctx = broadcast::Context {
                content: &self.content,
                config: &self.config,
                reads: &self.store,
            };
            broadcast::handle(&ctx, role, session, event)
        } else if staff::routes(event, staff.staff_chat) {
            staff::handle(&staff, role, session, event)
        } else {
            let ctx = dialog::Context {
                content: &self.content,
                faq: &faq,
                role,
                chosen_lang: user.lang,
                profile: profile.as_ref(),
                lookup: &self.store,
            };
            dialog::handle(&ctx, session, event)
        };
        let notices = staff::notices(&staff, &outcome, &user, profile.as_ref());
        outcome.effects.extend(notices);
        let result = if outcome.erasure().is_some() {
            self.store.apply(delivery, &user, &outcome)?
        } else {
            self.store.apply_unflushed(delivery, &user, &outcome)?
        };
        for effect in &outcome.effects {
            if let Effect::SetStaffChat(chat) = effect {
                self.staff_chat.send_replace(Some(*chat));
            }
        }
        if outcome.teaches() {
            self.relearn()?;
        }
        if outcome.changes_tickets() {
            self.changes
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(Handled { outcome, result })
    }

    /// Whether the chat's current step expects typed text or a number, so a
    /// console may not read a bare number as a button pick.
    pub fn expects_typed_answer(&self, chat: i64, user: i64) -> bool {
        let Ok(session) = self.store.session(chat, user) else {
            return false;
        };
        let Some(form) = session.form else {
            return false;
        };
        if form.phase != crate::records::Phase::Asking || form.idle_offer {
            return false;
        }
        self.content
            .dialog(&form.dialog)
            .and_then(|d| d.step(&form.step))
            .is_some_and(|s| s.input.is_typed() && form.draft.region_choices.is_empty())
    }
}
