//! Staff commands: /antrian (the open queue), /tiket NUMBER, /ringkasan
//! (the digest now), /ekspor (the workbook), /dipelajari (what staff
//! taught the FAQ, `teach.rs`), /batal, and /grupstaf, with
//! which an admin makes a group the staff chat.

use super::{QUEUE_PER_KIND, Turn, digest, find_ticket_number};
use crate::commands::{StaffCommand, UserCommand};
use crate::event::Role;
use crate::i18n::{Args, ids};
use crate::outcome::{Attachment, Button, ButtonLink, CopyOf, Effect, Keyboard, OutMessage};
use crate::records::{Ticket, TicketKind};

impl Turn<'_, '_> {
    pub(super) fn command(&mut self, name: &str, args: &str) {
        let command = StaffCommand::parse(name);
        if command == Some(StaffCommand::StaffGroup) {
            return self.staff_group();
        }
        if !self.is_staff() {
            if self.event.is_private() {
                // A manager who guessed a staff command: say it kindly.
                return self.out.say(self.out.t(ids::STAFF_ONLY));
            }
            return;
        }
        match command {
            Some(StaffCommand::Queue) => self.queue(),
            Some(StaffCommand::Ticket) => self.ticket_detail(args),
            Some(StaffCommand::Digest) => self.digest_now(),
            Some(StaffCommand::Learned) => self.learned_list(),
            Some(StaffCommand::Desk) => self.desk_command(),
            Some(StaffCommand::Export) => {
                self.out.say(self.out.t(ids::EXPORT_PREPARING));
                // The sender builds the workbook when it sends, so it holds
                // the data as of that moment.
                self.out.push(Effect::Send(OutMessage {
                    attachment: Some(Attachment::Export),
                    ..OutMessage::new(self.event.chat, String::new()).copy_of(CopyOf::Export)
                }));
            }
            _ if UserCommand::parse(name) == Some(UserCommand::Cancel) => {
                let id = if self.session.pending.take().is_some() {
                    ids::STAFF_PENDING_CANCELLED
                } else {
                    ids::NOTHING_TO_CANCEL
                };
                self.out.say(self.out.t(id));
            }
            _ => self.out.say(self.out.t(ids::STAFF_HELP)),
        }
    }

    /// /meja: the desk. Privately, a button opening it in Telegram and a
    /// one-time login link for a browser; in a group only the link that
    /// opens it in Telegram (a login link there would be anyone's).
    fn desk_command(&mut self) {
        let Some(desk) = self.ctx.desk else {
            return self.out.say(self.out.t(ids::DESK_OFF));
        };
        if !self.event.is_private() {
            let open = Button::link(
                self.out.t(ids::BUTTON_DESK_OPEN),
                ButtonLink::Url(desk.open_link(None)),
            );
            let text = self.out.t(ids::DESK_GROUP);
            return self.out.send(text, Keyboard::Inline(vec![vec![open]]));
        }
        let seed = format!("{}:{}", self.event.user, self.event.now);
        let (login, minutes) = desk.login_link(self.event.user, self.event.now, &seed);
        let text = self.out.tf(
            ids::DESK_PRIVATE,
            Args::new().num("minutes", i64::from(minutes)),
        );
        let keyboard = Keyboard::Inline(vec![
            vec![Button::link(
                self.out.t(ids::BUTTON_DESK_OPEN),
                ButtonLink::WebApp(desk.desk_url()),
            )],
            vec![Button::link(
                self.out.t(ids::BUTTON_DESK_LOGIN),
                ButtonLink::Url(login),
            )],
        ]);
        self.out.send(text, keyboard);
    }

    /// /ringkasan: the digest as it would be sent now.
    fn digest_now(&mut self) {
        let now = self.event.now;
        let since = self.ctx.reads.last_digest_at();
        match digest::gather(self.ctx.reads, self.ctx.config, now, since) {
            Ok(data) => {
                let text = digest::compose(self.ctx.content, self.out.lang, &data);
                self.out.say(text);
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot gather the digest");
                self.out.say(self.out.t(ids::STAFF_STORE_ERROR));
            }
        }
    }

    /// /grupstaf: an admin makes this group the staff chat.
    fn staff_group(&mut self) {
        let id = if self.role != Role::Admin {
            if self.event.in_group() {
                ids::STAFF_GROUP_ADMINS_ONLY
            } else {
                ids::STAFF_ONLY
            }
        } else if self.event.is_private() {
            ids::STAFF_GROUP_PRIVATE
        } else if let Some(configured) = self.ctx.config.roles.staff_chat {
            if configured == self.event.chat {
                ids::STAFF_GROUP_ALREADY
            } else {
                ids::STAFF_GROUP_CONFIGURED
            }
        } else if self.ctx.staff_chat == Some(self.event.chat) {
            ids::STAFF_GROUP_ALREADY
        } else {
            self.out.push(Effect::SetStaffChat(self.event.chat));
            ids::STAFF_GROUP_SET
        };
        self.out.say(self.out.t(id));
    }

    /// /antrian: open tickets by kind, oldest first, with their age.
    fn queue(&mut self) {
        let mut open = self.ctx.reads.open_tickets();
        if open.is_empty() {
            return self.out.say(self.out.t(ids::QUEUE_EMPTY));
        }
        open.sort_by(|a, b| {
            a.created_at
                .cmp(&b.created_at)
                .then(a.number.cmp(&b.number))
        });
        let mut text = self.out.tf(
            ids::QUEUE_TITLE,
            Args::new().num("count", open.len() as i64),
        );
        for kind in TicketKind::ALL {
            let of_kind: Vec<&Ticket> = open.iter().filter(|t| t.kind() == Some(kind)).collect();
            if !of_kind.is_empty() {
                text.push_str("\n\n");
                text.push_str(&self.queue_section(&of_kind));
            }
        }
        text.push_str("\n\n");
        text.push_str(&self.out.t(ids::QUEUE_FOOTER));
        self.out.say(text);
    }

    /// One kind's part of /antrian (the oldest first, then "and N more").
    fn queue_section(&self, of_kind: &[&Ticket]) -> String {
        let writer = self.writer();
        let mut text = self.out.tf(
            ids::QUEUE_KIND,
            Args::new()
                .html("kind", writer.kind_name(&of_kind[0].dialog))
                .num("count", of_kind.len() as i64),
        );
        for t in of_kind.iter().take(QUEUE_PER_KIND) {
            let days = (self.event.now - t.created_at).as_secs().max(0) / 86_400;
            let pesantren = self
                .ctx
                .reads
                .submitter(t.user)
                .1
                .and_then(|p| p.text("name").map(str::to_string))
                .unwrap_or_else(|| "-".into());
            text.push('\n');
            text.push_str(
                &self.out.tf(
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
            text.push_str(&self.out.tf(
                ids::QUEUE_MORE,
                Args::new().num("count", (of_kind.len() - QUEUE_PER_KIND) as i64),
            ));
        }
        text
    }

    /// /tiket NUMBER: the ticket with its history and photos.
    fn ticket_detail(&mut self, args: &str) {
        let Some(number) = find_ticket_number(args) else {
            return self.out.say(self.out.t(ids::TICKET_USAGE));
        };
        let Some(ticket) = self.ticket(&number) else {
            let text = self
                .out
                .tf(ids::TICKET_NOT_FOUND, Args::new().str("number", &number));
            return self.out.say(text);
        };
        let (user, profile) = self.submitter(&ticket);
        let messages = self.writer().notice_messages(
            self.event.chat,
            &ticket,
            super::Heading::Detail,
            user.as_ref(),
            profile.as_ref(),
            self.in_staff_chat(),
        );
        // Pushed as they are: the album and the ticket stay two messages.
        for m in messages {
            self.out.push(Effect::Send(m));
        }
    }
}
