//! Acting on tickets: a review button, the reason or date it asks for
//! (a ForceReply prompt the staff member replies to), and a question's
//! answer relayed to the asker. Every action is a history entry; the
//! submitter is told in their own language and the notice is edited.

use jiff::SignedDuration;

use super::{MAX_NOTE_CHARS, Turn, find_ticket_number};
use crate::button_data::ButtonData;
use crate::html::escape;
use crate::i18n::{Args, ids};
use crate::outcome::{Button, CopyOf, Effect, Keyboard, OutMessage};
use crate::records::{
    Answer, HistoryEntry, PendingAction, StaffAction, Ticket, TicketKind, TicketStatus,
};

/// Which notice of a ticket an action edits: the message whose button
/// was pressed (or replied to), or, from the desk, the ticket's notices in
/// the staff chat.
pub(super) enum Notice {
    Pressed(Option<i32>),
    InStaffChat(Vec<(i64, i32)>),
}

/// A prompt for a reason or date takes replies for this long.
const PENDING_FOR: SignedDuration = SignedDuration::from_hours(1);

impl Turn<'_, '_> {
    // ----- buttons ------------------------------------------------------

    pub(super) fn button(&mut self, data: &str, message_id: Option<i32>) {
        let (action, ticket) = match ButtonData::parse(data) {
            Some(ButtonData::Staff { action, ticket }) => (action, ticket),
            Some(ButtonData::Teach(button)) => return self.teach(button),
            _ => return self.out.stale(),
        };
        if !self.is_staff() {
            return self.out.toast(self.out.t(ids::STAFF_ONLY_TOAST));
        }
        let Some(ticket) = self.ticket(&ticket) else {
            return self.out.stale();
        };
        if !StaffAction::offered(ticket.kind(), ticket.status).contains(&action) {
            return self.already_done(&ticket);
        }
        if action.needs_note() {
            self.ask_note(&ticket, action, message_id);
        } else {
            self.act(ticket, action, None, Notice::Pressed(message_id));
            self.out.toast(self.out.t(ids::STAFF_SAVED_TOAST));
        }
    }

    /// Someone else acted first: say so. (Their action already edited the
    /// group's notice, which everyone sees; editing it again to the same
    /// text would only spend a request.)
    fn already_done(&mut self, ticket: &Ticket) {
        let writer = self.writer();
        let text = self.out.tf(
            ids::STAFF_ALREADY_DONE,
            Args::new()
                .html("status", writer.status_name(ticket.status))
                .str("staff", writer.last_actor(ticket)),
        );
        self.out.toast(text);
    }

    /// Edits a notice of the ticket (in `chat`) to its current state;
    /// the staff chat's keeps its buttons.
    fn edit_notice(&mut self, ticket: &Ticket, chat: i64, message_id: i32) {
        let (user, profile) = self.submitter(ticket);
        let writer = self.writer();
        let text = writer.notice_text(
            ticket,
            super::Heading::Current,
            user.as_ref(),
            profile.as_ref(),
        );
        let keyboard = if Some(chat) == self.ctx.staff_chat {
            writer.keyboard(ticket)
        } else {
            Keyboard::None
        };
        self.out.push(Effect::Send(
            OutMessage::new(chat, text)
                .with_keyboard(keyboard)
                .editing(Some(message_id))
                .copy_of(CopyOf::Ticket(ticket.number.clone())),
        ));
    }

    /// Asks the presser for a reason or a date with a ForceReply prompt.
    fn ask_note(&mut self, ticket: &Ticket, action: StaffAction, message_id: Option<i32>) {
        let staff = self.staffer();
        let mention = format!(
            "<a href=\"tg://user?id={}\">{}</a>",
            staff.id,
            escape(&staff.name)
        );
        let (prompt, placeholder) = match action {
            StaffAction::Schedule => (ids::STAFF_PROMPT_SCHEDULE, ids::STAFF_PLACEHOLDER_DATE),
            StaffAction::Reject => (ids::STAFF_PROMPT_REJECT, ids::STAFF_PLACEHOLDER_REASON),
            _ => (ids::STAFF_PROMPT_REVISE, ids::STAFF_PLACEHOLDER_REASON),
        };
        let text = self.out.tf(
            prompt,
            Args::new()
                .html("staff", mention)
                .str("number", &ticket.number)
                .str("title", ticket.title()),
        );
        let placeholder = crate::html::to_plain(&self.out.t(placeholder));
        self.session.pending = Some(PendingAction {
            ticket: ticket.number.clone(),
            action,
            notice: message_id,
            version: ticket.version(),
            at: Some(self.event.now),
        });
        self.out.send(text, Keyboard::ForceReply { placeholder });
        self.out.toast(self.out.t(ids::STAFF_PROMPT_TOAST));
    }

    /// Records an action by the staff member on the ticket (the store
    /// writes it only if the ticket is still at the version read), and
    /// edits the notice `notice` to match.
    fn record(
        &mut self,
        ticket: Ticket,
        status: TicketStatus,
        note: Option<String>,
        notice: Notice,
        take: bool,
    ) -> Ticket {
        let expected = ticket.version();
        let staff = self.staffer();
        let mut updated = ticket;
        updated.record(HistoryEntry {
            at: self.event.now,
            by: staff.id,
            status,
            note,
            by_name: Some(staff.name.clone()),
        });
        if take {
            updated.assignee = Some(staff);
        }
        self.out.push(Effect::UpdateTicket {
            ticket: updated.clone(),
            expected,
        });
        match notice {
            Notice::Pressed(Some(id)) => self.edit_notice(&updated, self.event.chat, id),
            Notice::Pressed(None) => {}
            Notice::InStaffChat(copies) => {
                for (chat, id) in copies {
                    self.edit_notice(&updated, chat, id);
                }
            }
        }
        updated
    }

    /// Tells the submitter, in their own language.
    fn tell_submitter(
        &mut self,
        ticket: &Ticket,
        text: impl FnOnce(crate::i18n::Lang) -> (String, Keyboard),
    ) {
        let (user, _) = self.submitter(ticket);
        let lang = user.as_ref().and_then(|u| u.lang).unwrap_or(ticket.lang);
        let (text, keyboard) = text(lang);
        self.out.push(Effect::Send(
            OutMessage::new(ticket.chat, text).with_keyboard(keyboard),
        ));
    }

    /// Records the action, edits the notification, tells the submitter.
    pub(super) fn act(
        &mut self,
        ticket: Ticket,
        action: StaffAction,
        note: Option<String>,
        notice: Notice,
    ) {
        let staff = self.staffer();
        let updated = self.record(
            ticket,
            action.status(),
            note.clone(),
            notice,
            action == StaffAction::Take,
        );
        let i18n = self.out.i18n();
        self.tell_submitter(&updated, |lang| {
            let (id, keyboard) = match action {
                StaffAction::Approve => (ids::TICKET_APPROVED, Keyboard::None),
                StaffAction::Revise => (
                    ids::TICKET_NEEDS_REVISION,
                    Keyboard::Inline(vec![vec![Button::new(
                        i18n.msg(lang, ids::BUTTON_REVISE),
                        &ButtonData::Revise(updated.number.clone()),
                    )]]),
                ),
                StaffAction::Reject => (ids::TICKET_REJECTED, Keyboard::None),
                StaffAction::Take => (ids::TICKET_ASSIGNED, Keyboard::None),
                StaffAction::Schedule => (ids::TICKET_SCHEDULED, Keyboard::None),
                StaffAction::Done => (ids::TICKET_DONE, Keyboard::None),
            };
            let args = Args::new()
                .str("number", &updated.number)
                .str("title", updated.title())
                .str("staff", &staff.name)
                .str("note", note.as_deref().unwrap_or(""));
            (i18n.fmt(lang, id, args), keyboard)
        });
    }

    // ----- replies ------------------------------------------------------

    /// A staff member's reply: completes a pending action, or answers a
    /// question whose notification it replies to.
    pub(super) fn reply(&mut self, text: &str) {
        if !self.is_staff() {
            // Group members who are not staff: no answer, no noise.
            return;
        }
        let note = text.trim();
        let replied_number = self
            .event
            .reply_to
            .as_ref()
            .and_then(|r| find_ticket_number(&r.text));
        // A pending action takes only a reply to its prompt (or to its
        // ticket's notice), and only for an hour; a reply to another
        // notice is handled for that notice.
        let now = self.event.now;
        let fresh = |p: &PendingAction| p.at.is_none_or(|at| now - at < PENDING_FOR);
        let pending = self
            .session
            .pending
            .clone()
            .filter(|p| fresh(p) && replied_number.as_ref().is_none_or(|n| *n == p.ticket));
        if self.session.pending.as_ref().is_some_and(|p| !fresh(p)) {
            self.session.pending = None;
        }
        if let Some(pending) = pending {
            return self.complete(pending, note);
        }
        let Some(ticket) = replied_number.and_then(|n| self.ticket(&n)) else {
            return self.out.say(self.out.t(ids::STAFF_REPLY_UNKNOWN));
        };
        if ticket.kind() != Some(TicketKind::Question) {
            let text = self.out.tf(
                ids::STAFF_REPLY_NOT_QUESTION,
                Args::new().str("number", &ticket.number),
            );
            return self.out.say(text);
        }
        if !self.note_ok(note) {
            return;
        }
        if ticket.status == TicketStatus::Cancelled || ticket.erased_at.is_some() {
            let text = self.out.tf(
                ids::STAFF_QUESTION_CANCELLED,
                Args::new().str("number", &ticket.number),
            );
            return self.out.say(text);
        }
        self.answer(ticket, note);
    }

    /// Whether a typed reason, date or answer can be used; if not, says why.
    fn note_ok(&mut self, note: &str) -> bool {
        if note.chars().any(char::is_alphanumeric) && note.chars().count() <= MAX_NOTE_CHARS {
            return true;
        }
        let text = self.out.tf(
            ids::STAFF_NOTE_INVALID,
            Args::new().num("max", MAX_NOTE_CHARS as i64),
        );
        self.out.say(text);
        false
    }

    /// The reply to a prompt: the pending action, with its reason or date.
    fn complete(&mut self, pending: PendingAction, note: &str) {
        if !self.note_ok(note) {
            return;
        }
        self.session.pending = None;
        let Some(ticket) = self.ticket(&pending.ticket) else {
            return self.out.say(self.out.t(ids::BUTTON_STALE));
        };
        if ticket.version() != pending.version
            || !StaffAction::offered(ticket.kind(), ticket.status).contains(&pending.action)
        {
            let writer = self.writer();
            let text = self.out.tf(
                ids::STAFF_CHANGED_MEANWHILE,
                Args::new()
                    .str("number", &ticket.number)
                    .html("status", writer.status_name(ticket.status))
                    .str("staff", writer.last_actor(&ticket)),
            );
            return self.out.say(text);
        }
        let number = ticket.number.clone();
        let status = self.writer().status_name(pending.action.status());
        self.act(
            ticket,
            pending.action,
            Some(note.to_string()),
            Notice::Pressed(pending.notice),
        );
        let text = self.out.tf(
            ids::STAFF_ACTION_SAVED,
            Args::new().str("number", number).html("status", status),
        );
        self.out.say(text);
    }

    /// Relays a staff answer to the asker, in the bot's voice, and closes
    /// the question. A later reply is relayed too (a follow-up).
    fn answer(&mut self, ticket: Ticket, answer: &str) {
        let notice = Notice::Pressed(self.event.reply_to.as_ref().map(|r| r.message_id));
        let number = self.relay(ticket, answer, notice);
        self.answer_sent(&number);
    }

    /// Records the answer, edits the notice, tells the asker; returns the
    /// ticket number.
    pub(super) fn relay(&mut self, ticket: Ticket, answer: &str, notice: Notice) -> String {
        let question = match ticket.answers.get("question") {
            Some(Answer::Text(q)) => q.clone(),
            _ => ticket.title(),
        };
        let updated = self.record(
            ticket,
            TicketStatus::Answered,
            Some(answer.to_string()),
            notice,
            false,
        );
        let i18n = self.out.i18n();
        self.tell_submitter(&updated, |lang| {
            let args = Args::new()
                .str("number", &updated.number)
                .str("question", question)
                .str("answer", answer);
            (i18n.fmt(lang, ids::TICKET_ANSWERED, args), Keyboard::None)
        });
        updated.number
    }
}
