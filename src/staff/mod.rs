//! The secretariat's side: ticket notifications in the staff chat
//! ([`notices`]), review buttons and the replies that complete them,
//! question answers relayed to the asker (`actions.rs`), teaching the FAQ
//! an answered question (`teach.rs`), the staff commands /antrian,
//! /tiket, /ringkasan, /ekspor, /dipelajari, /grupstaf (`commands.rs`)
//! and the daily digest ([`digest`]).
//!
//! Owns: who may act on a ticket, which actions a ticket offers in which
//! status, and every text staff read. Like the dialog engine it decides
//! and does not write: [`handle`] reads the store through [`Reads`] and
//! returns an [`Outcome`]; the store applies it in one transaction, where
//! a ticket changed by someone else in the meantime is a conflict and the
//! event is handled again on fresh data (so of two simultaneous presses
//! one wins and the other is told). Must not: talk to Telegram or read the
//! clock.

mod actions;
mod commands;
mod desk;
pub mod digest;
mod notices;
mod teach;

use std::sync::LazyLock;

use regex::Regex;

pub use desk::ANSWER as DESK_ANSWER;
pub use notices::{Heading, Writer, action_button, notices};

use crate::button_data::{ButtonData, Side};
use crate::commands::StaffCommand;
use crate::config::Config;
use crate::content::{Content, Faq};
use crate::event::{Event, EventKind, Role};
use crate::outcome::Outcome;
use crate::records::{Profile, Session, Staffer, Ticket, UserRecord};
use crate::reply;
use crate::store::Reads;

/// Longest reason, date or answer a staff member may type.
const MAX_NOTE_CHARS: usize = 2000;
/// Tickets listed per kind by /antrian.
const QUEUE_PER_KIND: usize = 10;

static TICKET_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(PRD|MNT|QST)[-\s]?(\d{4})[-\s]?(\d{1,5})\b").expect("valid regex")
});

/// Finds a ticket number in text (a notification, a prompt, a command's
/// argument), normalized: `prd-2026-7` -> `PRD-2026-00007`.
pub fn find_ticket_number(text: &str) -> Option<String> {
    let c = TICKET_NUMBER.captures(text)?;
    let n: u32 = c[3].parse().ok()?;
    Some(format!("{}-{}-{n:05}", c[1].to_uppercase(), &c[2]))
}

/// Links into the desk (the staff's web Mini App), when it is on; made by
/// the web side, which holds the keys.
pub trait DeskLinks: Send + Sync {
    /// The desk's address, for a `web_app` button in a private chat.
    fn desk_url(&self) -> String;
    /// A `t.me/<bot>?startapp=<ticket>` link opening the desk at a ticket
    /// (what works in a group; `None`: the desk's start page).
    fn open_link(&self, ticket: Option<&str>) -> String;
    /// A one-time login link for `user`, for a browser outside Telegram;
    /// `seed` makes it unique (the event's time and user). With how many
    /// minutes it stays valid.
    fn login_link(&self, user: i64, now: jiff::Timestamp, seed: &str) -> (String, u32);
}

/// What the staff side reads besides the event.
pub struct Context<'a> {
    pub content: &'a Content,
    /// The FAQ as it is now (staff teach it from answered questions).
    pub faq: &'a Faq,
    pub config: &'a Config,
    pub reads: &'a dyn Reads,
    /// The staff chat in effect (configured, or chosen with /grupstaf).
    pub staff_chat: Option<i64>,
    /// The desk, when it is on.
    pub desk: Option<&'a dyn DeskLinks>,
}

impl Context<'_> {
    /// Renders staff-facing texts in the staff language.
    fn writer(&self) -> Writer<'_> {
        Writer {
            content: self.content,
            lang: self.config.staff.language,
            desk: self.desk,
        }
    }
}

/// Whether an event is for the staff side rather than the dialog engine.
pub fn routes(event: &Event, staff_chat: Option<i64>) -> bool {
    if Some(event.chat) == staff_chat || event.in_group() {
        return true;
    }
    match &event.kind {
        EventKind::Button { data, .. } => ButtonData::side(data) == Side::Staff,
        EventKind::Command { name, .. } => StaffCommand::parse(name).is_some(),
        EventKind::Desk(_) => true,
        _ => false,
    }
}

/// Handles one staff-side event. Pure apart from store reads.
pub fn handle(ctx: &Context<'_>, role: Role, session: Session, event: &Event) -> Outcome {
    let lang = ctx.config.staff.language;
    let mut turn = Turn::new(ctx, &ctx.content.i18n, lang, role, session, event);
    match &event.kind {
        EventKind::Button { data, message_id } => turn.button(data, *message_id),
        EventKind::Command { name, args } => turn.command(name, args),
        EventKind::Text(text) => turn.reply(text),
        EventKind::Desk(request) => turn.desk(request),
        // The Telegram mapping passes nothing else from groups.
        _ => {}
    }
    turn.finish()
}

/// One staff-side decision.
type Turn<'a, 'c> = reply::Turn<'a, 'c, Context<'c>>;

impl Turn<'_, '_> {
    fn writer(&self) -> Writer<'_> {
        self.ctx.writer()
    }

    fn is_staff(&self) -> bool {
        self.role.is_staff()
    }

    fn in_staff_chat(&self) -> bool {
        Some(self.event.chat) == self.ctx.staff_chat
    }

    /// The staff member acting, as a ticket remembers them.
    fn staffer(&self) -> Staffer {
        Staffer {
            id: self.event.user,
            name: self
                .event
                .first_name
                .clone()
                .unwrap_or_else(|| self.event.user.to_string()),
        }
    }

    fn ticket(&self, number: &str) -> Option<Ticket> {
        self.ctx.reads.ticket(number)
    }

    fn submitter(&self, ticket: &Ticket) -> (Option<UserRecord>, Option<Profile>) {
        self.ctx.reads.submitter(ticket.user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_numbers_are_found_and_normalized() {
        assert_eq!(
            find_ticket_number("🆕 Pertanyaan · QST-2026-00012").as_deref(),
            Some("QST-2026-00012")
        );
        assert_eq!(
            find_ticket_number("prd 2026 7").as_deref(),
            Some("PRD-2026-00007")
        );
        assert_eq!(
            find_ticket_number("/tiket mnt-2026-00003").as_deref(),
            Some("MNT-2026-00003")
        );
        assert_eq!(find_ticket_number("no number here"), None);
    }
}
