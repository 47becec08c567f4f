//! One handled event, end to end, independent of the transport: load the
//! user, session and profile; run the engine; apply the outcome in one
//! store transaction. Telegram and the console both call [`App::handle`].

use crate::config::Config;
use crate::content::Content;
use crate::dialog::{self, Context, Event, Input, Outcome, Phase};
use crate::store::{Applied, ApplyResult, Store, StoreError, UserRecord};
use crate::{broadcast, staff};

/// The parts every transport shares.
pub struct App {
    pub content: Content,
    pub store: Store,
    pub config: Config,
    /// The staff chat in effect, read once from config or the store and
    /// kept current when /grupstaf changes it (every update asks).
    staff_chat: std::sync::RwLock<Option<i64>>,
}

/// Telegram details of an update beyond the event itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct TelegramParts<'a> {
    /// Album photos folded into this event.
    pub more_updates: &'a [i64],
    /// The callback query to answer.
    pub callback: Option<&'a str>,
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
        let staff_chat = config
            .roles
            .staff_chat
            .or_else(|| store.staff_chat().ok().flatten());
        App {
            content,
            store,
            config,
            staff_chat: std::sync::RwLock::new(staff_chat),
        }
    }

    /// Handles one event and flushes. `update_id` makes it idempotent: an
    /// update that was handled before changes nothing.
    pub fn handle(
        &self,
        event: &Event,
        update_id: Option<i64>,
        username: Option<&str>,
    ) -> Result<Handled, StoreError> {
        self.handle_update(event, update_id, username, TelegramParts::default())
    }

    /// [`App::handle`] with the Telegram bookkeeping of the update.
    pub fn handle_update(
        &self,
        event: &Event,
        update_id: Option<i64>,
        username: Option<&str>,
        telegram: TelegramParts<'_>,
    ) -> Result<Handled, StoreError> {
        let handled = self.handle_deferred(event, update_id, username, telegram)?;
        self.store.flush()?;
        Ok(handled)
    }

    /// [`App::handle_update`] without the flush, for group commit: the
    /// caller makes sure [`Store::flush`] follows (the outcome's messages
    /// reach the sender only then). An erasure is flushed and finished
    /// right away.
    pub fn handle_deferred(
        &self,
        event: &Event,
        update_id: Option<i64>,
        username: Option<&str>,
        telegram: TelegramParts<'_>,
    ) -> Result<Handled, StoreError> {
        if let Some(id) = update_id {
            if self.store.is_processed(id)? {
                // Delivered again after it was handled: only tidy the inbox.
                self.store.mark_processed(&[id])?;
                return Ok(Handled {
                    outcome: Outcome {
                        session: Default::default(),
                        effects: Vec::new(),
                        toast: None,
                    },
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
            match self.try_handle(event, update_id, username, telegram) {
                Err(StoreError::Conflict(number)) if attempts < 5 => {
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
        *self.staff_chat.read().unwrap_or_else(|e| e.into_inner())
    }

    fn try_handle(
        &self,
        event: &Event,
        update_id: Option<i64>,
        username: Option<&str>,
        telegram: TelegramParts<'_>,
    ) -> Result<Handled, StoreError> {
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
        if let Some(u) = username {
            user.username = Some(u.to_string());
        }
        let session = self.store.session(event.chat, event.user)?;
        let profile = self.store.profile(event.user)?;
        let role = self.config.role_of(event.user);
        let desk = staff::Desk {
            content: &self.content,
            config: &self.config,
            store: &self.store,
            staff_chat: self.staff_chat(),
        };
        let mut outcome = if broadcast::routes(event, &session) {
            let ctx = broadcast::Ctx {
                content: &self.content,
                config: &self.config,
                store: &self.store,
            };
            broadcast::handle(&ctx, role, session, event)
        } else if staff::routes(event, desk.staff_chat) {
            staff::handle(&desk, role, session, event)
        } else {
            let ctx = Context {
                content: &self.content,
                role,
                chosen_lang: user.lang,
                profile: profile.as_ref(),
                lookup: &self.store,
            };
            dialog::handle(&ctx, session, event)
        };
        let notices = staff::notices(&desk, &outcome, &user, profile.as_ref());
        outcome.effects.extend(notices);
        let applied = Applied {
            update_id,
            more_updates: telegram.more_updates,
            chat: event.chat,
            user: &user,
            callback: telegram.callback,
        };
        let erasing = outcome
            .effects
            .iter()
            .any(|e| matches!(e, dialog::Effect::EraseUser(_)));
        let result = if erasing {
            self.store.apply(&applied, &outcome)?
        } else {
            self.store.apply_unflushed(&applied, &outcome)?
        };
        for effect in &outcome.effects {
            if let dialog::Effect::SetStaffChat(chat) = effect {
                *self.staff_chat.write().unwrap_or_else(|e| e.into_inner()) = Some(*chat);
            }
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
        if form.phase != Phase::Asking || form.idle_offer {
            return false;
        }
        self.content
            .dialog(&form.dialog)
            .and_then(|d| d.step(&form.step))
            .is_some_and(|s| {
                matches!(
                    s.input,
                    Input::Text { .. }
                        | Input::Number { .. }
                        | Input::Phone
                        | Input::Email
                        | Input::Region
                ) && form.draft.region_choices.is_empty()
            })
    }
}
