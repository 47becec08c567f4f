//! The secretariat's side: ticket notifications in the staff chat, review
//! buttons and the replies that complete them, question answers relayed to
//! the asker, the staff commands (/antrian, /tiket, /ringkasan, /grupstaf)
//! and the daily digest ([`digest`]).
//!
//! Owns: who may act on a ticket, which actions a ticket offers in which
//! status, and every text staff read. Like the dialog engine it decides
//! and does not write: [`handle`] reads the store and returns an
//! [`Outcome`]; the store applies it in one transaction, where a ticket
//! changed by someone else in the meantime is a conflict and the event is
//! handled again on fresh data (so of two simultaneous presses one wins and
//! the other is told). Must not: talk to Telegram or read the clock.

pub mod digest;

use std::sync::LazyLock;

use regex::Regex;

use crate::config::Config;
use crate::content::Content;
use crate::dialog::{
    Answer, Button, Effect, Event, EventKind, Keyboard, OutMessage, Outcome, PendingAction,
    Profile, Role, Session, TICKET_PLACEHOLDER, answer_lines,
};
use crate::html::escape;
use crate::i18n::{Args, Lang, MsgId, ids};
use crate::store::{Store, UserRecord};
use crate::ticket::{HistoryEntry, StaffAction, Staffer, Ticket, TicketStatus};

/// Commands that work in any group: they make it the staff chat.
pub const STAFF_GROUP_COMMANDS: &[&str] = &["grupstaf", "staffgroup"];

/// Commands only staff may use (in the staff chat or privately).
pub const STAFF_COMMANDS: &[&str] = &[
    "antrian",
    "queue",
    "tiket",
    "ticket",
    "ringkasan",
    "digest",
    "ekspor",
    "export",
    "grupstaf",
    "staffgroup",
];

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

/// What the staff side reads besides the event.
pub struct Desk<'a> {
    pub content: &'a Content,
    pub config: &'a Config,
    pub store: &'a Store,
    /// The staff chat in effect (configured, or chosen with /grupstaf).
    pub staff_chat: Option<i64>,
}

/// Whether an event is for the staff side rather than the dialog engine.
pub fn routes(event: &Event, staff_chat: Option<i64>) -> bool {
    if Some(event.chat) == staff_chat || event.chat < 0 {
        return true;
    }
    match &event.kind {
        EventKind::Button { data, .. } => data.starts_with("s:"),
        EventKind::Command { name, .. } => STAFF_COMMANDS.contains(&name.as_str()),
        _ => false,
    }
}

/// How a notification is headed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    New,
    Resubmitted,
    /// /tiket: the ticket as it stands, with its history.
    Detail,
    /// An edited notification after an action.
    Current,
}

/// Handles one staff-side event. Pure apart from store reads.
pub fn handle(desk: &Desk<'_>, role: Role, session: Session, event: &Event) -> Outcome {
    let mut turn = Turn {
        desk,
        role,
        event,
        lang: desk.config.staff.language,
        session,
        effects: Vec::new(),
        toast: None,
    };
    match &event.kind {
        EventKind::Button { data, message_id } => turn.button(data, *message_id),
        EventKind::Command { name, args } => turn.command(name, args),
        EventKind::Text(text) => turn.reply(text),
        // The Telegram mapping passes nothing else from groups.
        _ => {}
    }
    turn.session.last_active = Some(event.now);
    turn.session.v = Session::VERSION;
    Outcome {
        session: turn.session,
        effects: turn.effects,
        toast: turn.toast,
    }
}

/// The staff chat messages announcing the tickets an outcome creates or
/// sends back after revision. `user` and `profile` are the submitter's.
pub fn notices(
    desk: &Desk<'_>,
    outcome: &Outcome,
    user: &UserRecord,
    profile: Option<&Profile>,
) -> Vec<Effect> {
    let Some(chat) = desk.staff_chat else {
        return Vec::new();
    };
    let lang = desk.config.staff.language;
    let writer = Writer {
        content: desk.content,
        lang,
    };
    let mut out = Vec::new();
    for effect in &outcome.effects {
        let (ticket, heading, fill) = match effect {
            Effect::CreateTicket(new) => (
                Ticket::new(TICKET_PLACEHOLDER.to_string(), new),
                Heading::New,
                true,
            ),
            Effect::UpdateTicket { ticket, .. }
                if ticket.status == TicketStatus::Open && ticket.history.len() > 1 =>
            {
                (ticket.clone(), Heading::Resubmitted, false)
            }
            Effect::EraseUser(user) => {
                let tickets = desk.store.tickets_of_user(*user).unwrap_or_default();
                let mut cancelled: Vec<&str> = tickets
                    .iter()
                    .filter(|t| !t.status.is_closed())
                    .map(|t| t.number.as_str())
                    .collect();
                cancelled.sort_unstable();
                let none = writer.t(ids::DIGEST_NOTHING);
                let text = writer.tf(
                    ids::STAFF_ERASED,
                    Args::new()
                        .str(
                            "cancelled",
                            if cancelled.is_empty() {
                                none
                            } else {
                                cancelled.join(", ")
                            },
                        )
                        .num("kept", (tickets.len() - cancelled.len()) as i64),
                );
                out.push(Effect::Send(OutMessage::new(chat, text)));
                continue;
            }
            _ => continue,
        };
        for mut m in writer.notice_messages(chat, &ticket, heading, Some(user), profile, true) {
            m.fill_ticket = fill;
            out.push(Effect::Send(m));
        }
    }
    out
}

/// Renders staff-facing ticket texts.
pub struct Writer<'a> {
    pub content: &'a Content,
    pub lang: Lang,
}

impl Writer<'_> {
    fn t(&self, id: MsgId) -> String {
        self.content.i18n.msg(self.lang, id)
    }

    fn tf(&self, id: MsgId, args: Args<'_>) -> String {
        self.content.i18n.fmt(self.lang, id, args)
    }

    fn status_name(&self, status: TicketStatus) -> String {
        self.content
            .i18n
            .text(self.lang, status.message_id(), Args::new())
    }

    /// The ticket kind's prefix, from its dialog (a new ticket's number is
    /// still a placeholder when its notice is written).
    fn prefix<'t>(&'t self, ticket: &'t Ticket) -> &'t str {
        match self.content.dialog(&ticket.dialog).map(|d| &d.submit) {
            Some(crate::dialog::Submit::Ticket { prefix }) => prefix,
            _ => ticket.prefix(),
        }
    }

    fn kind_name(&self, dialog: &str) -> String {
        match self.content.dialog(dialog) {
            Some(d) => self.content.i18n.text(self.lang, &d.title, Args::new()),
            None => escape(dialog),
        }
    }

    /// The album (product photos) and the text with the action buttons.
    pub fn notice_messages(
        &self,
        chat: i64,
        ticket: &Ticket,
        heading: Heading,
        user: Option<&UserRecord>,
        profile: Option<&Profile>,
        with_buttons: bool,
    ) -> Vec<OutMessage> {
        let mut out = Vec::new();
        let photos: Vec<String> = ticket
            .answers
            .values()
            .filter_map(|a| match a {
                Answer::Photos(p) => Some(p.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        if !photos.is_empty() {
            let caption = self.tf(
                ids::STAFF_ALBUM_CAPTION,
                Args::new()
                    .str("number", &ticket.number)
                    .str("title", ticket.title()),
            );
            out.push(OutMessage {
                media: photos,
                ..OutMessage::new(chat, caption)
            });
        }
        let text = self.notice_text(ticket, heading, user, profile);
        let keyboard = if with_buttons {
            self.keyboard(ticket)
        } else {
            Keyboard::None
        };
        out.push(OutMessage::new(chat, text).with_keyboard(keyboard));
        out
    }

    /// The buttons a ticket offers in its status.
    pub fn keyboard(&self, ticket: &Ticket) -> Keyboard {
        let buttons: Vec<Button> = StaffAction::offered(self.prefix(ticket), ticket.status)
            .iter()
            .map(|a| Button {
                label: self.t(action_button(*a)),
                data: format!("s:{}:{}", a.code(), ticket.number),
            })
            .collect();
        if buttons.is_empty() {
            Keyboard::None
        } else {
            Keyboard::Inline(buttons.chunks(3).map(<[Button]>::to_vec).collect())
        }
    }

    /// The notification: who, what, the answers, the status.
    pub fn notice_text(
        &self,
        ticket: &Ticket,
        heading: Heading,
        user: Option<&UserRecord>,
        profile: Option<&Profile>,
    ) -> String {
        let args = || {
            Args::new()
                .str("number", &ticket.number)
                .html("kind", self.kind_name(&ticket.dialog))
        };
        let mut text = match heading {
            Heading::New => self.tf(ids::STAFF_NOTICE_NEW, args()),
            Heading::Resubmitted => self.tf(ids::STAFF_NOTICE_RESUBMITTED, args()),
            Heading::Detail | Heading::Current => self.tf(ids::STAFF_NOTICE_TICKET, args()),
        };
        text.push('\n');
        text.push_str(&self.submitter(ticket, user, profile));
        text.push('\n');
        for (label, value) in answer_lines(self.content, self.lang, &ticket.dialog, &ticket.answers)
        {
            text.push('\n');
            text.push_str(&self.tf(
                ids::STAFF_ANSWER_LINE,
                Args::new().html("label", label).html("value", value),
            ));
        }
        text.push_str("\n\n");
        text.push_str(&self.status_line(ticket));
        if heading == Heading::Detail {
            text.push_str("\n\n");
            text.push_str(&self.t(ids::STAFF_HISTORY_TITLE));
            for entry in &ticket.history {
                text.push('\n');
                text.push_str(&self.history_line(entry));
            }
        }
        if self.prefix(ticket) == "QST" && !ticket.status.is_closed() {
            text.push_str("\n\n");
            text.push_str(&self.t(ids::STAFF_REPLY_HINT));
        }
        text
    }

    fn submitter(
        &self,
        ticket: &Ticket,
        user: Option<&UserRecord>,
        profile: Option<&Profile>,
    ) -> String {
        let telegram = user
            .map(|u| {
                let name = u.first_name.clone().unwrap_or_else(|| u.id.to_string());
                match &u.username {
                    Some(n) => self.tf(
                        ids::STAFF_TELEGRAM_WITH_USERNAME,
                        Args::new().str("name", name).str("username", n),
                    ),
                    None => escape(&name),
                }
            })
            .unwrap_or_else(|| ticket.user.to_string());
        match profile {
            Some(p) => self.tf(
                ids::STAFF_NOTICE_PESANTREN,
                Args::new()
                    .str("name", p.text("name").unwrap_or("-"))
                    .str("region", p.text("region").unwrap_or("-"))
                    .str("person", p.text("contact_person").unwrap_or("-"))
                    .str("phone", p.text("phone").unwrap_or("-"))
                    .html("telegram", telegram),
            ),
            None => self.tf(
                ids::STAFF_NOTICE_UNREGISTERED,
                Args::new().html("telegram", telegram),
            ),
        }
    }

    /// "Status: approved by Budi, 28 Nov 2026 10:05 WIB" (+ note).
    pub fn status_line(&self, ticket: &Ticket) -> String {
        let status = self.status_name(ticket.status);
        let last = ticket.last_action();
        let mut text = match last.and_then(|e| e.by_name.clone()) {
            Some(staff) => self.tf(
                ids::STAFF_STATUS_BY,
                Args::new().html("status", status).str("staff", staff).str(
                    "date",
                    crate::time::format_datetime(ticket.updated_at, self.lang),
                ),
            ),
            None => self.tf(ids::STAFF_STATUS, Args::new().html("status", status)),
        };
        if let Some(a) = &ticket.assignee {
            if !ticket.status.is_closed() {
                text.push('\n');
                text.push_str(&self.tf(ids::STAFF_ASSIGNEE, Args::new().str("staff", &a.name)));
            }
        }
        if let Some(note) = last.and_then(|e| e.note.as_deref()) {
            text.push('\n');
            text.push_str(&self.tf(ids::STAFF_NOTE, Args::new().str("note", note)));
        }
        text
    }

    fn history_line(&self, entry: &HistoryEntry) -> String {
        let who = entry
            .by_name
            .clone()
            .unwrap_or_else(|| self.t(ids::STAFF_BY_SUBMITTER));
        let mut line = self.tf(
            ids::STAFF_HISTORY_LINE,
            Args::new()
                .str("date", crate::time::format_datetime(entry.at, self.lang))
                .html("status", self.status_name(entry.status))
                .str("staff", who),
        );
        if let Some(note) = &entry.note {
            line.push_str(&self.tf(ids::STAFF_HISTORY_NOTE, Args::new().str("note", note)));
        }
        line
    }
}

fn action_button(action: StaffAction) -> MsgId {
    match action {
        StaffAction::Approve => ids::STAFF_BUTTON_APPROVE,
        StaffAction::Revise => ids::STAFF_BUTTON_REVISE,
        StaffAction::Reject => ids::STAFF_BUTTON_REJECT,
        StaffAction::Take => ids::STAFF_BUTTON_TAKE,
        StaffAction::Schedule => ids::STAFF_BUTTON_SCHEDULE,
        StaffAction::Done => ids::STAFF_BUTTON_DONE,
    }
}

struct Turn<'a, 'c> {
    desk: &'a Desk<'c>,
    role: Role,
    event: &'a Event,
    lang: Lang,
    session: Session,
    effects: Vec<Effect>,
    toast: Option<String>,
}

impl Turn<'_, '_> {
    fn writer(&self) -> Writer<'_> {
        Writer {
            content: self.desk.content,
            lang: self.lang,
        }
    }

    fn t(&self, id: MsgId) -> String {
        self.desk.content.i18n.msg(self.lang, id)
    }

    fn tf(&self, id: MsgId, args: Args<'_>) -> String {
        self.desk.content.i18n.fmt(self.lang, id, args)
    }

    fn is_staff(&self) -> bool {
        matches!(self.role, Role::Staff | Role::Admin)
    }

    fn in_staff_chat(&self) -> bool {
        Some(self.event.chat) == self.desk.staff_chat
    }

    fn send(&mut self, text: String) {
        self.effects
            .push(Effect::Send(OutMessage::new(self.event.chat, text)));
    }

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
        match self.desk.store.ticket(number) {
            Ok(t) => t,
            Err(e) => {
                tracing::error!(error = %e, "cannot read a ticket");
                None
            }
        }
    }

    fn submitter(&self, ticket: &Ticket) -> (Option<UserRecord>, Option<Profile>) {
        (
            self.desk.store.user(ticket.user).ok().flatten(),
            self.desk.store.profile(ticket.user).ok().flatten(),
        )
    }

    // ----- buttons ------------------------------------------------------

    fn button(&mut self, data: &str, message_id: Option<i32>) {
        let parsed = data
            .strip_prefix("s:")
            .and_then(|rest| rest.split_once(':'))
            .and_then(|(code, number)| Some((StaffAction::from_code(code)?, number)));
        let Some((action, number)) = parsed else {
            self.toast = Some(self.t(ids::BUTTON_STALE));
            return;
        };
        if !self.is_staff() {
            self.toast = Some(self.t(ids::STAFF_ONLY_TOAST));
            return;
        }
        let Some(ticket) = self.ticket(number) else {
            self.toast = Some(self.t(ids::BUTTON_STALE));
            return;
        };
        if !StaffAction::offered(ticket.prefix(), ticket.status).contains(&action) {
            self.already_done(&ticket);
            return;
        }
        if action.needs_note() {
            self.ask_note(&ticket, action, message_id);
        } else {
            self.act(ticket, action, None, message_id);
            self.toast = Some(self.t(ids::STAFF_SAVED_TOAST));
        }
    }

    /// Someone else acted first: say so. (Their action already edited the
    /// group's notice, which everyone sees; editing it again to the same
    /// text would only spend a request.)
    fn already_done(&mut self, ticket: &Ticket) {
        let by = ticket
            .last_action()
            .and_then(|e| e.by_name.clone())
            .unwrap_or_else(|| self.t(ids::STAFF_BY_SUBMITTER));
        self.toast = Some(
            self.tf(
                ids::STAFF_ALREADY_DONE,
                Args::new()
                    .html("status", self.writer().status_name(ticket.status))
                    .str("staff", by),
            ),
        );
    }

    fn edit_notice(&mut self, ticket: &Ticket, message_id: i32) {
        let (user, profile) = self.submitter(ticket);
        let writer = self.writer();
        let text = writer.notice_text(ticket, Heading::Current, user.as_ref(), profile.as_ref());
        let keyboard = if self.in_staff_chat() {
            writer.keyboard(ticket)
        } else {
            Keyboard::None
        };
        self.effects.push(Effect::Send(OutMessage {
            edit: Some(message_id),
            ..OutMessage::new(self.event.chat, text).with_keyboard(keyboard)
        }));
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
        let text = self.tf(
            prompt,
            Args::new()
                .html("staff", mention)
                .str("number", &ticket.number)
                .str("title", ticket.title()),
        );
        let placeholder = crate::html::to_plain(&self.t(placeholder));
        self.session.pending = Some(PendingAction {
            ticket: ticket.number.clone(),
            action,
            notice: message_id,
            version: ticket.version(),
            at: Some(self.event.now),
        });
        self.effects.push(Effect::Send(
            OutMessage::new(self.event.chat, text)
                .with_keyboard(Keyboard::ForceReply { placeholder }),
        ));
        self.toast = Some(self.t(ids::STAFF_PROMPT_TOAST));
    }

    /// Records the action, edits the notification, tells the submitter.
    fn act(
        &mut self,
        ticket: Ticket,
        action: StaffAction,
        note: Option<String>,
        notice: Option<i32>,
    ) {
        let expected = ticket.version();
        let staff = self.staffer();
        let mut updated = ticket;
        updated.record(HistoryEntry {
            at: self.event.now,
            by: staff.id,
            status: action.status(),
            note: note.clone(),
            by_name: Some(staff.name.clone()),
        });
        if action == StaffAction::Take {
            updated.assignee = Some(staff.clone());
        }
        self.effects.push(Effect::UpdateTicket {
            ticket: updated.clone(),
            expected,
        });
        if let Some(id) = notice {
            self.edit_notice(&updated, id);
        }
        let (user, _) = self.submitter(&updated);
        let lang = user.as_ref().and_then(|u| u.lang).unwrap_or(updated.lang);
        let i18n = &self.desk.content.i18n;
        let args = || {
            Args::new()
                .str("number", &updated.number)
                .str("title", updated.title())
                .str("staff", &staff.name)
                .str("note", note.as_deref().unwrap_or(""))
        };
        let (id, keyboard) = match action {
            StaffAction::Approve => (ids::TICKET_APPROVED, Keyboard::None),
            StaffAction::Revise => (
                ids::TICKET_NEEDS_REVISION,
                Keyboard::Inline(vec![vec![Button {
                    label: i18n.msg(lang, ids::BUTTON_REVISE),
                    data: format!("rv:{}", updated.number),
                }]]),
            ),
            StaffAction::Reject => (ids::TICKET_REJECTED, Keyboard::None),
            StaffAction::Take => (ids::TICKET_ASSIGNED, Keyboard::None),
            StaffAction::Schedule => (ids::TICKET_SCHEDULED, Keyboard::None),
            StaffAction::Done => (ids::TICKET_DONE, Keyboard::None),
        };
        let text = i18n.fmt(lang, id, args());
        self.effects.push(Effect::Send(
            OutMessage::new(updated.chat, text).with_keyboard(keyboard),
        ));
    }

    // ----- replies ------------------------------------------------------

    /// A staff member's reply: completes a pending action, or answers a
    /// question whose notification it replies to.
    fn reply(&mut self, text: &str) {
        if !self.is_staff() {
            // Group members who are not staff: no answer, no noise.
            return;
        }
        let note = text.trim();
        // A pending action takes only a reply to its prompt (or to its
        // ticket's notice), and only for an hour; a reply to another
        // notice is handled for that notice.
        let pending = self.session.pending.clone().filter(|p| {
            let fresh =
                p.at.is_none_or(|at| self.event.now - at < jiff::SignedDuration::from_hours(1));
            let about_it = self
                .event
                .reply_to
                .as_ref()
                .and_then(|r| find_ticket_number(&r.text))
                .is_none_or(|n| n == p.ticket);
            fresh && about_it
        });
        if self.session.pending.as_ref().is_some_and(|p| {
            p.at.is_some_and(|at| self.event.now - at >= jiff::SignedDuration::from_hours(1))
        }) {
            self.session.pending = None;
        }
        if let Some(pending) = pending {
            if !note.chars().any(char::is_alphanumeric) || note.chars().count() > MAX_NOTE_CHARS {
                let text = self.tf(
                    ids::STAFF_NOTE_INVALID,
                    Args::new().num("max", MAX_NOTE_CHARS as i64),
                );
                return self.send(text);
            }
            self.session.pending = None;
            let Some(ticket) = self.ticket(&pending.ticket) else {
                return self.send(self.t(ids::BUTTON_STALE));
            };
            if ticket.version() != pending.version
                || !StaffAction::offered(ticket.prefix(), ticket.status).contains(&pending.action)
            {
                let by = ticket
                    .last_action()
                    .and_then(|e| e.by_name.clone())
                    .unwrap_or_else(|| self.t(ids::STAFF_BY_SUBMITTER));
                let text = self.tf(
                    ids::STAFF_CHANGED_MEANWHILE,
                    Args::new()
                        .str("number", &ticket.number)
                        .html("status", self.writer().status_name(ticket.status))
                        .str("staff", by),
                );
                return self.send(text);
            }
            let number = ticket.number.clone();
            let status = self.writer().status_name(pending.action.status());
            self.act(
                ticket,
                pending.action,
                Some(note.to_string()),
                pending.notice,
            );
            let text = self.tf(
                ids::STAFF_ACTION_SAVED,
                Args::new().str("number", number).html("status", status),
            );
            return self.send(text);
        }
        let Some(number) = self
            .event
            .reply_to
            .as_ref()
            .and_then(|r| find_ticket_number(&r.text))
        else {
            return self.send(self.t(ids::STAFF_REPLY_UNKNOWN));
        };
        let Some(ticket) = self.ticket(&number) else {
            return self.send(self.t(ids::STAFF_REPLY_UNKNOWN));
        };
        if ticket.prefix() != "QST" {
            let text = self.tf(
                ids::STAFF_REPLY_NOT_QUESTION,
                Args::new().str("number", &number),
            );
            return self.send(text);
        }
        if !note.chars().any(char::is_alphanumeric) || note.chars().count() > MAX_NOTE_CHARS {
            let text = self.tf(
                ids::STAFF_NOTE_INVALID,
                Args::new().num("max", MAX_NOTE_CHARS as i64),
            );
            return self.send(text);
        }
        if ticket.status == TicketStatus::Cancelled || ticket.erased_at.is_some() {
            let text = self.tf(
                ids::STAFF_QUESTION_CANCELLED,
                Args::new().str("number", &number),
            );
            return self.send(text);
        }
        self.answer(ticket, note);
    }

    /// Relays a staff answer to the asker, in the bot's voice, and closes
    /// the question. A later reply is relayed too (a follow-up).
    fn answer(&mut self, ticket: Ticket, answer: &str) {
        let expected = ticket.version();
        let staff = self.staffer();
        let question = match ticket.answers.get("question") {
            Some(Answer::Text(q)) => q.clone(),
            _ => ticket.title(),
        };
        let mut updated = ticket;
        updated.record(HistoryEntry {
            at: self.event.now,
            by: staff.id,
            status: TicketStatus::Answered,
            note: Some(answer.to_string()),
            by_name: Some(staff.name.clone()),
        });
        self.effects.push(Effect::UpdateTicket {
            ticket: updated.clone(),
            expected,
        });
        if let Some(reply) = &self.event.reply_to {
            self.edit_notice(&updated, reply.message_id);
        }
        let (user, _) = self.submitter(&updated);
        let lang = user.as_ref().and_then(|u| u.lang).unwrap_or(updated.lang);
        let text = self.desk.content.i18n.fmt(
            lang,
            ids::TICKET_ANSWERED,
            Args::new()
                .str("number", &updated.number)
                .str("question", question)
                .str("answer", answer),
        );
        self.effects
            .push(Effect::Send(OutMessage::new(updated.chat, text)));
        let text = self.tf(
            ids::STAFF_ANSWER_SENT,
            Args::new().str("number", &updated.number),
        );
        self.send(text);
    }

    // ----- commands -----------------------------------------------------

    fn command(&mut self, name: &str, args: &str) {
        if STAFF_GROUP_COMMANDS.contains(&name) {
            return self.staff_group();
        }
        if !self.is_staff() {
            if self.event.chat > 0 {
                // A manager who guessed a staff command: say it kindly.
                return self.send(self.t(ids::STAFF_ONLY));
            }
            return;
        }
        match name {
            "antrian" | "queue" => self.queue(),
            "tiket" | "ticket" => self.ticket_detail(args),
            "ringkasan" | "digest" => {
                let now = self.event.now;
                let since = self.desk.store.last_digest().ok().and_then(|(_, at)| at);
                match digest::gather(self.desk.store, self.desk.config, now, since) {
                    Ok(data) => {
                        let text = digest::compose(self.desk.content, self.lang, &data);
                        self.send(text);
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "cannot gather the digest");
                        self.send(self.t(ids::STAFF_STORE_ERROR));
                    }
                }
            }
            "ekspor" | "export" => {
                self.send(self.t(ids::EXPORT_PREPARING));
                // The sender builds the workbook when it sends, so it holds
                // the data as of that moment.
                self.effects.push(Effect::Send(OutMessage {
                    attachment: Some(crate::dialog::Attachment::Export),
                    ..OutMessage::new(self.event.chat, String::new())
                }));
            }
            "batal" | "cancel" => {
                let id = if self.session.pending.take().is_some() {
                    ids::STAFF_PENDING_CANCELLED
                } else {
                    ids::NOTHING_TO_CANCEL
                };
                self.send(self.t(id));
            }
            _ => self.send(self.t(ids::STAFF_HELP)),
        }
    }

    /// /grupstaf: an admin makes this group the staff chat.
    fn staff_group(&mut self) {
        if self.role != Role::Admin {
            if self.event.chat < 0 {
                return self.send(self.t(ids::STAFF_GROUP_ADMINS_ONLY));
            }
            return self.send(self.t(ids::STAFF_ONLY));
        }
        if self.event.chat > 0 {
            return self.send(self.t(ids::STAFF_GROUP_PRIVATE));
        }
        if let Some(configured) = self.desk.config.roles.staff_chat {
            let id = if configured == self.event.chat {
                ids::STAFF_GROUP_ALREADY
            } else {
                ids::STAFF_GROUP_CONFIGURED
            };
            return self.send(self.t(id));
        }
        if self.desk.staff_chat == Some(self.event.chat) {
            return self.send(self.t(ids::STAFF_GROUP_ALREADY));
        }
        self.effects.push(Effect::SetStaffChat(self.event.chat));
        self.send(self.t(ids::STAFF_GROUP_SET));
    }

    /// /antrian: open tickets by kind, oldest first, with their age.
    fn queue(&mut self) {
        let mut open: Vec<Ticket> = self
            .desk
            .store
            .tickets()
            .filter_map(Result::ok)
            .filter(|t| !t.status.is_closed())
            .collect();
        if open.is_empty() {
            return self.send(self.t(ids::QUEUE_EMPTY));
        }
        open.sort_by(|a, b| {
            a.created_at
                .cmp(&b.created_at)
                .then(a.number.cmp(&b.number))
        });
        let mut text = self.tf(
            ids::QUEUE_TITLE,
            Args::new().num("count", open.len() as i64),
        );
        let writer = self.writer();
        for prefix in ["PRD", "MNT", "QST"] {
            let of_kind: Vec<&Ticket> = open.iter().filter(|t| t.prefix() == prefix).collect();
            let Some(first) = of_kind.first() else {
                continue;
            };
            text.push_str("\n\n");
            text.push_str(
                &self.tf(
                    ids::QUEUE_KIND,
                    Args::new()
                        .html("kind", writer.kind_name(&first.dialog))
                        .num("count", of_kind.len() as i64),
                ),
            );
            for t in of_kind.iter().take(QUEUE_PER_KIND) {
                let days = (self.event.now - t.created_at).as_secs().max(0) / 86_400;
                let pesantren = self
                    .desk
                    .store
                    .profile(t.user)
                    .ok()
                    .flatten()
                    .and_then(|p| p.text("name").map(str::to_string))
                    .unwrap_or_else(|| "-".into());
                text.push('\n');
                text.push_str(
                    &self.tf(
                        ids::QUEUE_LINE,
                        Args::new()
                            .str("number", &t.number)
                            .str("title", t.title())
                            .str("pesantren", pesantren)
                            .num("days", days)
                            .html("status", writer.status_name(t.status)),
                    ),
                );
            }
            if of_kind.len() > QUEUE_PER_KIND {
                text.push('\n');
                text.push_str(&self.tf(
                    ids::QUEUE_MORE,
                    Args::new().num("count", (of_kind.len() - QUEUE_PER_KIND) as i64),
                ));
            }
        }
        text.push_str("\n\n");
        text.push_str(&self.t(ids::QUEUE_FOOTER));
        self.send(text);
    }

    /// /tiket NUMBER: the ticket with its history and photos.
    fn ticket_detail(&mut self, args: &str) {
        let Some(number) = find_ticket_number(args) else {
            return self.send(self.t(ids::TICKET_USAGE));
        };
        let Some(ticket) = self.ticket(&number) else {
            let text = self.tf(ids::TICKET_NOT_FOUND, Args::new().str("number", &number));
            return self.send(text);
        };
        let (user, profile) = self.submitter(&ticket);
        let buttons = self.in_staff_chat();
        let messages = self.writer().notice_messages(
            self.event.chat,
            &ticket,
            Heading::Detail,
            user.as_ref(),
            profile.as_ref(),
            buttons,
        );
        self.effects.extend(messages.into_iter().map(Effect::Send));
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
