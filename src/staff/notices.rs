//! What staff read about a ticket: the notice in the staff chat (album,
//! submitter, answers, status, buttons), its edited form after an action,
//! the /tiket view with the history, and the notice of an erasure.

use super::Context;
use crate::button_data::ButtonData;
use crate::content::{Content, Submit, answer_lines};
use crate::html::escape;
use crate::i18n::{Args, Lang, MsgId, ids};
use crate::outcome::{
    Button, ButtonLink, CopyOf, Effect, Keyboard, OutMessage, Outcome, SentKind, TICKET_PLACEHOLDER,
};
use crate::records::{
    Answer, HistoryEntry, Learned, Profile, StaffAction, Teach, Ticket, TicketKind, TicketStatus,
    UserRecord,
};

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

/// The staff chat messages announcing the tickets an outcome creates or
/// sends back after revision, and erasures. `user` and `profile` are the
/// submitter's.
pub fn notices(
    ctx: &Context<'_>,
    outcome: &Outcome,
    user: &UserRecord,
    profile: Option<&Profile>,
) -> Vec<Effect> {
    let Some(chat) = ctx.staff_chat else {
        return Vec::new();
    };
    let writer = ctx.writer();
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
            Effect::EraseUser(person) => {
                out.extend(erasure(ctx, &writer, chat, *person, user.last_seen));
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

/// What the staff chat gets when a person erases their data: a notice
/// naming every ticket, and each copy of those tickets the bot sent to
/// staff edited to its erased form (photos deleted), and every export
/// document deleted (they held everyone's data).
fn erasure(
    ctx: &Context<'_>,
    writer: &Writer<'_>,
    chat: i64,
    person: i64,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    let tickets = ctx.reads.tickets_of_user(person);
    let mut out = vec![Effect::Send(OutMessage::new(chat, writer.erased(&tickets)))];
    for ticket in &tickets {
        let erased = ticket.erased(now);
        for copy in ctx
            .reads
            .sent_copies(&CopyOf::Ticket(ticket.number.clone()))
        {
            out.push(match copy.kind {
                SentKind::Text => Effect::Send(
                    OutMessage::new(copy.chat, writer.erased_notice(&erased))
                        .editing(Some(copy.message_id)),
                ),
                SentKind::Media | SentKind::Document => Effect::DeleteMessage {
                    chat: copy.chat,
                    message_id: copy.message_id,
                },
            });
        }
    }
    for copy in ctx.reads.sent_copies(&CopyOf::Export) {
        out.push(Effect::DeleteMessage {
            chat: copy.chat,
            message_id: copy.message_id,
        });
    }
    out
}

/// Renders staff-facing ticket texts.
pub struct Writer<'a> {
    pub content: &'a Content,
    pub lang: Lang,
    /// The desk, when it is on: notices get a button opening it there.
    pub desk: Option<&'a dyn super::DeskLinks>,
}

impl Writer<'_> {
    pub(super) fn t(&self, id: MsgId) -> String {
        self.content.i18n.msg(self.lang, id)
    }

    pub(super) fn tf(&self, id: MsgId, args: Args<'_>) -> String {
        self.content.i18n.fmt(self.lang, id, args)
    }

    pub fn status_name(&self, status: TicketStatus) -> String {
        self.content
            .i18n
            .text(self.lang, status.message_id(), Args::new())
    }

    /// The ticket's kind, from its dialog (a new ticket's number is still
    /// a placeholder when its notice is written).
    fn kind(&self, ticket: &Ticket) -> Option<TicketKind> {
        match self.content.dialog(&ticket.dialog).map(|d| &d.submit) {
            Some(Submit::Ticket { prefix }) => TicketKind::from_prefix(prefix),
            _ => ticket.kind(),
        }
    }

    pub fn kind_name(&self, dialog: &str) -> String {
        self.content.dialog_title(self.lang, dialog)
    }

    /// For the admins: Telegram moved the staff group to `chat`.
    /// One thing staff taught the FAQ: the ticket, the question, the entry
    /// it now finds, who taught it and when.
    pub(super) fn learned_line(&self, faq: &crate::content::Faq, l: &Learned) -> String {
        let entry = faq
            .entry(&l.entry())
            .map(|e| e.title(&self.content.i18n, self.lang))
            .unwrap_or_else(|| escape(&l.entry()));
        let id = match l.teach {
            Teach::Example { .. } => ids::LEARNED_LINE_EXAMPLE,
            Teach::Entry { .. } => ids::LEARNED_LINE_ENTRY,
        };
        self.tf(
            id,
            Args::new()
                .str("number", &l.ticket)
                .str("question", crate::content::faq::shorten(&l.question, 80))
                .html("entry", entry)
                .str("staff", &l.by_name)
                .str("date", crate::time::format_date(l.at, self.lang)),
        )
    }

    pub fn staff_chat_moved(&self, chat: i64) -> String {
        self.tf(
            ids::STAFF_CHAT_MOVED,
            Args::new().str("chat", chat.to_string()),
        )
    }

    /// For the admins: the bot was removed from the staff group.
    pub fn staff_chat_lost(&self) -> String {
        self.t(ids::STAFF_CHAT_LOST)
    }

    /// An erased person's tickets: every number, which were cancelled,
    /// how many kept.
    fn erased(&self, tickets: &[Ticket]) -> String {
        let list = |mut numbers: Vec<&str>| {
            numbers.sort_unstable();
            if numbers.is_empty() {
                self.t(ids::DIGEST_NOTHING)
            } else {
                numbers.join(", ")
            }
        };
        let open: Vec<&str> = tickets
            .iter()
            .filter(|t| !t.status.is_closed())
            .map(|t| t.number.as_str())
            .collect();
        let kept = tickets.len() - open.len();
        self.tf(
            ids::STAFF_ERASED,
            Args::new()
                .str(
                    "tickets",
                    list(tickets.iter().map(|t| t.number.as_str()).collect()),
                )
                .str("cancelled", list(open))
                .num("kept", kept as i64),
        )
    }

    /// A notice as it reads once its submitter erased their data.
    fn erased_notice(&self, ticket: &Ticket) -> String {
        self.tf(
            ids::STAFF_NOTICE_ERASED,
            Args::new()
                .str("number", &ticket.number)
                .html("kind", self.kind_name(&ticket.dialog))
                .html("status", self.status_name(ticket.status)),
        )
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
        let copy = CopyOf::Ticket(ticket.number.clone());
        if !photos.is_empty() {
            let caption = self.tf(
                ids::STAFF_ALBUM_CAPTION,
                Args::new()
                    .str("number", &ticket.number)
                    .str("title", ticket.title()),
            );
            out.push(OutMessage {
                media: photos,
                ..OutMessage::new(chat, caption).copy_of(copy.clone())
            });
        }
        let text = self.notice_text(ticket, heading, user, profile);
        let keyboard = if with_buttons {
            self.keyboard(ticket)
        } else {
            Keyboard::None
        };
        out.push(
            OutMessage::new(chat, text)
                .with_keyboard(keyboard)
                .copy_of(copy),
        );
        out
    }

    /// The buttons a ticket offers in its status.
    pub fn keyboard(&self, ticket: &Ticket) -> Keyboard {
        let buttons: Vec<Button> = StaffAction::offered(self.kind(ticket), ticket.status)
            .iter()
            .map(|a| {
                let data = ButtonData::Staff {
                    action: *a,
                    ticket: ticket.number.clone(),
                };
                Button::new(self.t(action_button(*a)), &data)
            })
            .collect();
        let mut rows: Vec<Vec<Button>> = buttons.chunks(3).map(<[Button]>::to_vec).collect();
        if let Some(desk) = self.desk {
            rows.push(vec![Button::link(
                self.t(ids::BUTTON_OPEN_DESK),
                ButtonLink::Url(desk.open_link(Some(&ticket.number))),
            )]);
        }
        Keyboard::inline_or_none(rows)
    }

    /// The notification: who, what, the answers, the status.
    pub fn notice_text(
        &self,
        ticket: &Ticket,
        heading: Heading,
        user: Option<&UserRecord>,
        profile: Option<&Profile>,
    ) -> String {
        let id = match heading {
            Heading::New => ids::STAFF_NOTICE_NEW,
            Heading::Resubmitted => ids::STAFF_NOTICE_RESUBMITTED,
            Heading::Detail | Heading::Current => ids::STAFF_NOTICE_TICKET,
        };
        let mut text = self.tf(
            id,
            Args::new()
                .str("number", &ticket.number)
                .html("kind", self.kind_name(&ticket.dialog)),
        );
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
        if self.kind(ticket) == Some(TicketKind::Question) && !ticket.status.is_closed() {
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

    /// Who last acted on a ticket: the staff member, else "the submitter".
    pub fn last_actor(&self, ticket: &Ticket) -> String {
        ticket
            .last_action()
            .and_then(|e| e.by_name.clone())
            .unwrap_or_else(|| self.t(ids::STAFF_BY_SUBMITTER))
    }

    pub fn history_line(&self, entry: &HistoryEntry) -> String {
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

pub fn action_button(action: StaffAction) -> MsgId {
    match action {
        StaffAction::Approve => ids::STAFF_BUTTON_APPROVE,
        StaffAction::Revise => ids::STAFF_BUTTON_REVISE,
        StaffAction::Reject => ids::STAFF_BUTTON_REJECT,
        StaffAction::Take => ids::STAFF_BUTTON_TAKE,
        StaffAction::Schedule => ids::STAFF_BUTTON_SCHEDULE,
        StaffAction::Done => ids::STAFF_BUTTON_DONE,
    }
}
