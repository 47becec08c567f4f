//! An action from the desk (the staff's web Mini App) on a ticket: the
//! same path as the group's button and the reply its prompt asks for —
//! the role checked first, the same history entry, the same notice to the
//! submitter in their language, the group's notice edited to match — with
//! the version the desk page showed as the check that nobody acted first.
//! Nothing is said in a chat: the verdict is the outcome's toast, which
//! the desk shows on the page.

use super::Turn;
use super::actions::Notice;
use crate::event::DeskRequest;
use crate::i18n::{Args, ids};
use crate::outcome::{CopyOf, SentKind};
use crate::records::{StaffAction, TicketKind, TicketStatus};

/// The `action` of a [`DeskRequest`] that answers a question.
pub const ANSWER: &str = "answer";

impl Turn<'_, '_> {
    pub(super) fn desk(&mut self, request: &DeskRequest) {
        if !self.is_staff() {
            return self.out.toast(self.out.t(ids::STAFF_ONLY_TOAST));
        }
        let Some(ticket) = self.ticket(&request.ticket) else {
            let text = self.out.tf(
                ids::TICKET_NOT_FOUND,
                Args::new().str("number", &request.ticket),
            );
            return self.out.toast(text);
        };
        let action = StaffAction::from_code(&request.action);
        let answer = request.action == ANSWER;
        let offered = match action {
            Some(a) => StaffAction::offered(ticket.kind(), ticket.status).contains(&a),
            None => {
                answer
                    && ticket.kind() == Some(TicketKind::Question)
                    && ticket.status != TicketStatus::Cancelled
                    && ticket.erased_at.is_none()
            }
        };
        if ticket.version() != request.version || !offered {
            return self.already_done_or_changed(&ticket);
        }
        let note = request
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let needs_note = answer || action.is_some_and(StaffAction::needs_note);
        let note_ok = note.is_some_and(|n| {
            n.chars().any(char::is_alphanumeric) && n.chars().count() <= super::MAX_NOTE_CHARS
        });
        if needs_note && !note_ok {
            let text = self.out.tf(
                ids::DESK_NOTE_NEEDED,
                Args::new().num("max", super::MAX_NOTE_CHARS as i64),
            );
            return self.out.toast(text);
        }
        let notices = Notice::InStaffChat(self.staff_chat_notices(&ticket.number));
        let number = ticket.number.clone();
        let status = match action {
            Some(a) => {
                let note = note.filter(|_| a.needs_note()).map(str::to_string);
                self.act(ticket, a, note, notices);
                a.status()
            }
            None => {
                self.relay(ticket, note.unwrap_or_default(), notices);
                TicketStatus::Answered
            }
        };
        let status = self.writer().status_name(status);
        let text = self.out.tf(
            ids::STAFF_ACTION_SAVED,
            Args::new().str("number", number).html("status", status),
        );
        self.out.toast(text);
    }

    /// The ticket's text notices in the staff chat (a photo album is not
    /// edited: its caption says only the number).
    fn staff_chat_notices(&self, number: &str) -> Vec<(i64, i32)> {
        let Some(staff_chat) = self.ctx.staff_chat else {
            return Vec::new();
        };
        self.ctx
            .reads
            .sent_copies(&CopyOf::Ticket(number.to_string()))
            .into_iter()
            .filter(|c| c.chat == staff_chat && c.kind == SentKind::Text)
            .map(|c| (c.chat, c.message_id))
            .collect()
    }

    /// Someone acted first (or the ticket moved on): who and what.
    fn already_done_or_changed(&mut self, ticket: &crate::records::Ticket) {
        let writer = self.writer();
        let text = self.out.tf(
            ids::STAFF_ALREADY_DONE,
            Args::new()
                .html("status", writer.status_name(ticket.status))
                .str("staff", writer.last_actor(ticket)),
        );
        self.out.toast(text);
    }
}
