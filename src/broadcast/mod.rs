//! Admin broadcasts: `/siaran` composes one (content → audience → preview
//! → send now, schedule or cancel; `compose.rs`), a durable job with a
//! per-recipient ledger delivers it through the sender at the lowest
//! priority, and the admin's preview turns into a live progress line and a
//! final report ([`pump`]).
//!
//! Owns: audiences and the recipient's message ([`audience`]), the compose
//! conversation ([`handle`], which like the dialog engine reads through
//! [`Reads`] and returns an `Outcome`), and the [`pump`] that starts due
//! jobs, feeds a small window of deliveries into the outbox, edits the
//! progress line at most every 5 s and reports the end. Must not: call
//! Telegram (the sender does), or let a recipient receive a job twice: a
//! delivery that was on its way when the process stopped is marked
//! interrupted, not resent.

pub mod audience;
mod compose;
pub mod pump;

pub use audience::{describe, parse_when, recipients, render};
pub use pump::pump;

use jiff::SignedDuration;

use crate::button_data::{ButtonData, Side};
use crate::commands::{AdminCommand, UserCommand};
use crate::config::Config;
use crate::content::Content;
use crate::event::{Event, EventKind, Role};
use crate::html;
use crate::i18n::ids;
use crate::outcome::Outcome;
use crate::records::{BroadcastDraft, Session, Stage};
use crate::reply;
use crate::store::Reads;

/// Deliveries in the outbox at once. Small, so that conversation replies
/// never wait long behind a broadcast in the sender's queue, and so that a
/// crash leaves at most this many recipients "interrupted".
pub const WINDOW: usize = 15;
/// The progress line is edited at most this often.
pub const PROGRESS_EVERY: SignedDuration = SignedDuration::from_secs(5);

/// What the broadcast side reads.
pub struct Context<'a> {
    pub content: &'a Content,
    pub config: &'a Config,
    pub reads: &'a dyn Reads,
}

/// Whether an event belongs to the broadcast conversation.
pub fn routes(event: &Event, session: &Session) -> bool {
    match &event.kind {
        EventKind::Button { data, .. } => ButtonData::side(data) == Side::Broadcast,
        EventKind::Command { name, .. } => {
            AdminCommand::parse(name).is_some()
                || (session.broadcast.is_some()
                    && UserCommand::parse(name) == Some(UserCommand::Cancel))
        }
        EventKind::Text(_) | EventKind::Photos(_) => session
            .broadcast
            .as_ref()
            .is_some_and(|d| matches!(d.stage, Stage::Content | Stage::English | Stage::Schedule)),
        _ => false,
    }
}

/// Handles one event of the broadcast conversation.
pub fn handle(ctx: &Context<'_>, role: Role, session: Session, event: &Event) -> Outcome {
    let lang = ctx.config.staff.language;
    let mut turn = Turn::new(ctx, &ctx.content.i18n, lang, role, session, event);
    turn.run();
    turn.finish()
}

/// One step of composing.
type Turn<'a, 'c> = reply::Turn<'a, 'c, Context<'c>>;

impl Turn<'_, '_> {
    fn run(&mut self) {
        let is_press = matches!(self.event.kind, EventKind::Button { .. });
        if self.role != Role::Admin {
            if is_press {
                self.out.toast(self.out.t(ids::BROADCAST_ADMINS_ONLY_TOAST));
            } else {
                self.out.say(self.out.t(ids::BROADCAST_ADMINS_ONLY));
            }
            return;
        }
        if self.event.in_group() {
            if !is_press {
                self.out.say(self.out.t(ids::BROADCAST_PRIVATE_ONLY));
            }
            return;
        }
        match &self.event.kind {
            EventKind::Command { name, .. } => match AdminCommand::parse(name) {
                Some(AdminCommand::Broadcast) => self.start(),
                Some(AdminCommand::BroadcastStatus) => self.status(),
                None => {
                    self.session.broadcast = None;
                    self.out.say(self.out.t(ids::BROADCAST_CANCELLED));
                }
            },
            EventKind::Button { data, .. } => {
                self.out.ack();
                match ButtonData::parse(data) {
                    Some(ButtonData::Broadcast(button)) => self.button_press(button),
                    _ => self.out.stale(),
                }
            }
            EventKind::Text(text) => {
                let html = self
                    .event
                    .formatted
                    .clone()
                    .unwrap_or_else(|| html::escape(text));
                self.input(Some(text.clone()), html, None);
            }
            EventKind::Photos(photos) => {
                let caption = self.event.formatted.clone().unwrap_or_default();
                self.input(None, caption, photos.first().cloned());
            }
            _ => {}
        }
    }

    fn start(&mut self) {
        self.session.broadcast = Some(BroadcastDraft {
            stage: Stage::Content,
            announcement: None,
            audience: None,
            picked: Vec::new(),
        });
        self.out.say(self.out.t(ids::BROADCAST_ASK_CONTENT));
    }

    fn draft(&mut self) -> Option<&mut BroadcastDraft> {
        self.session.broadcast.as_mut()
    }
}
