//! Teaching the FAQ: once a staff member answered a manager's question
//! (the relay in `actions.rs`), the confirmation offers "➕ Add to FAQ".
//! The question becomes one more example of an existing entry (category,
//! then entry) or a new entry in a category whose answer is the staff's
//! reply. Personal data is masked when it is captured; the record names
//! the staff member; "↩️ Undo" and /dipelajari take it back. The FAQ takes
//! it in as soon as the event is written (`App` builds it again).

use super::Turn;
use crate::button_data::{ButtonData, TeachButton};
use crate::content::faq::shorten;
use crate::html::escape;
use crate::i18n::{Args, ids};
use crate::outcome::{Button, Effect, Keyboard};
use crate::records::learned::{mask, name_parts};
use crate::records::{Answer, Learned, Teach, Ticket, TicketStatus};

/// Learned records /dipelajari lists.
const LISTED: usize = 20;

impl Turn<'_, '_> {
    /// The confirmation of a relayed answer, with "➕ Add to FAQ".
    pub(super) fn answer_sent(&mut self, number: &str) {
        let text = self
            .out
            .tf(ids::STAFF_ANSWER_SENT, Args::new().str("number", number));
        let keyboard = Keyboard::Inline(vec![vec![self.start_button(number)]]);
        self.out.send(text, keyboard);
    }

    fn start_button(&self, number: &str) -> Button {
        self.out.button(
            ids::BUTTON_TEACH,
            ButtonData::Teach(TeachButton::Start(number.to_string())),
        )
    }

    pub(super) fn teach(&mut self, button: TeachButton) {
        if !self.is_staff() {
            return self.out.toast(self.out.t(ids::STAFF_ONLY_TOAST));
        }
        if let TeachButton::Remove(number) = &button {
            return self.unlearn(number);
        }
        let number = match &button {
            TeachButton::Start(n)
            | TeachButton::Category { ticket: n, .. }
            | TeachButton::Example { ticket: n, .. }
            | TeachButton::NewEntry { ticket: n, .. } => n.clone(),
            TeachButton::Remove(_) => unreachable!("handled above"),
        };
        let Some((ticket, question, answer)) = self.answered(&number) else {
            return self.out.toast(self.out.t(ids::TEACH_NOT_ANSWERED));
        };
        self.out.ack();
        match button {
            TeachButton::Start(_) => self.pick_category(&ticket, &question),
            TeachButton::Category { category, .. } => {
                self.pick_entry(&ticket, &question, &category)
            }
            TeachButton::Example { entry, .. } => {
                if self.ctx.faq.entry(&entry).is_none() {
                    return self.out.stale();
                }
                self.learn(&ticket, question, Teach::Example { entry });
            }
            TeachButton::NewEntry { category, .. } => {
                if !self.category_exists(&category) {
                    return self.out.stale();
                }
                self.learn(&ticket, question, Teach::Entry { category, answer });
            }
            TeachButton::Remove(_) => {}
        }
    }

    /// A QST ticket staff answered: the ticket, its question and the last
    /// answer, both masked (the asker's names, phone numbers, e-mails).
    fn answered(&self, number: &str) -> Option<(Ticket, String, String)> {
        let ticket = self.ticket(number)?;
        let question = match ticket.answers.get("question") {
            Some(Answer::Text(q)) => q.clone(),
            _ => return None,
        };
        let answer = ticket
            .history
            .iter()
            .rev()
            .find(|h| h.status == TicketStatus::Answered)
            .and_then(|h| h.note.clone())?;
        let (user, profile) = self.submitter(&ticket);
        let mut names: Vec<&str> = Vec::new();
        if let Some(u) = &user {
            names.extend(u.first_name.as_deref());
            names.extend(u.username.as_deref());
        }
        if let Some(p) = &profile {
            names.extend(["name", "contact_person"].iter().filter_map(|f| p.text(f)));
        }
        let names = name_parts(names);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        Some((ticket, mask(&question, &names), mask(&answer, &names)))
    }

    fn category_exists(&self, category: &str) -> bool {
        self.ctx.faq.categories.iter().any(|c| c.id == category)
    }

    fn category_name(&self, category: &str) -> String {
        self.out.text_of(&format!("faq-cat-{category}"))
    }

    /// The question quoted for staff.
    fn quoted(question: &str) -> String {
        escape(&shorten(question, 200))
    }

    fn pick_category(&mut self, ticket: &Ticket, question: &str) {
        let buttons: Vec<Button> = self
            .ctx
            .faq
            .categories
            .iter()
            .map(|c| {
                Button::new(
                    self.category_name(&c.id),
                    &ButtonData::Teach(TeachButton::Category {
                        ticket: ticket.number.clone(),
                        category: c.id.clone(),
                    }),
                )
            })
            .collect();
        let text = self.out.tf(
            ids::TEACH_PICK_CATEGORY,
            Args::new()
                .str("number", &ticket.number)
                .html("question", Self::quoted(question)),
        );
        let rows = buttons.chunks(2).map(<[Button]>::to_vec).collect();
        self.out.edit_or_send(text, Keyboard::Inline(rows));
    }

    fn pick_entry(&mut self, ticket: &Ticket, question: &str, category: &str) {
        if !self.category_exists(category) {
            return self.out.stale();
        }
        let (i18n, lang) = (self.out.i18n(), self.out.lang);
        let mut rows: Vec<Vec<Button>> = self
            .ctx
            .faq
            .entries_in(category)
            .map(|e| {
                vec![Button::new(
                    crate::html::to_plain(&e.title(i18n, lang)),
                    &ButtonData::Teach(TeachButton::Example {
                        ticket: ticket.number.clone(),
                        entry: e.id.clone(),
                    }),
                )]
            })
            .collect();
        rows.push(vec![self.out.button(
            ids::BUTTON_TEACH_NEW,
            ButtonData::Teach(TeachButton::NewEntry {
                ticket: ticket.number.clone(),
                category: category.to_string(),
            }),
        )]);
        rows.push(vec![self.out.button(
            ids::BUTTON_BACK,
            ButtonData::Teach(TeachButton::Start(ticket.number.clone())),
        )]);
        let text = self.out.tf(
            ids::TEACH_PICK_ENTRY,
            Args::new()
                .html("category", self.category_name(category))
                .html("question", Self::quoted(question)),
        );
        self.out.edit_or_send(text, Keyboard::Inline(rows));
    }

    fn learn(&mut self, ticket: &Ticket, question: String, teach: Teach) {
        let staff = self.staffer();
        let text = match &teach {
            Teach::Example { entry } => {
                let title = self
                    .ctx
                    .faq
                    .entry(entry)
                    .map(|e| e.title(self.out.i18n(), self.out.lang))
                    .unwrap_or_default();
                self.out.tf(
                    ids::TEACH_SAVED_EXAMPLE,
                    Args::new()
                        .html("entry", title)
                        .html("question", Self::quoted(&question)),
                )
            }
            Teach::Entry { category, .. } => self.out.tf(
                ids::TEACH_SAVED_ENTRY,
                Args::new()
                    .html("category", self.category_name(category))
                    .html("question", Self::quoted(&question)),
            ),
        };
        self.out.push(Effect::Learn(Learned {
            v: Learned::VERSION,
            ticket: ticket.number.clone(),
            at: self.event.now,
            by: staff.id,
            by_name: staff.name,
            lang: ticket.lang,
            question,
            teach,
        }));
        let undo = self.out.button(
            ids::BUTTON_TEACH_UNDO,
            ButtonData::Teach(TeachButton::Remove(ticket.number.clone())),
        );
        self.out
            .edit_or_send(text, Keyboard::Inline(vec![vec![undo]]));
        self.out.toast(self.out.t(ids::STAFF_SAVED_TOAST));
    }

    fn unlearn(&mut self, number: &str) {
        let taught = self.ctx.reads.learned().iter().any(|l| l.ticket == number);
        if !taught {
            return self.out.stale();
        }
        self.out.push(Effect::Unlearn {
            ticket: number.to_string(),
        });
        let text = self
            .out
            .tf(ids::TEACH_REMOVED, Args::new().str("number", number));
        let keyboard = if self.answered(number).is_some() {
            Keyboard::Inline(vec![vec![self.start_button(number)]])
        } else {
            Keyboard::None
        };
        self.out.edit_or_send(text, keyboard);
        self.out.toast(self.out.t(ids::STAFF_SAVED_TOAST));
    }

    /// /dipelajari: what staff taught, newest first, each with 🗑.
    pub(super) fn learned_list(&mut self) {
        let mut learned = self.ctx.reads.learned();
        if learned.is_empty() {
            return self.out.say(self.out.t(ids::LEARNED_EMPTY));
        }
        learned.reverse();
        let mut text = self.out.tf(
            ids::LEARNED_TITLE,
            Args::new().num("count", learned.len() as i64),
        );
        let mut rows = Vec::new();
        for l in learned.iter().take(LISTED) {
            text.push('\n');
            text.push_str(&self.learned_line(l));
            rows.push(vec![Button::new(
                self.out.tf(
                    ids::BUTTON_TEACH_REMOVE,
                    Args::new().str("number", &l.ticket),
                ),
                &ButtonData::Teach(TeachButton::Remove(l.ticket.clone())),
            )]);
        }
        if learned.len() > LISTED {
            text.push('\n');
            text.push_str(&self.out.tf(
                ids::QUEUE_MORE,
                Args::new().num("count", (learned.len() - LISTED) as i64),
            ));
        }
        self.out.send(text, Keyboard::Inline(rows));
    }

    /// One learned record as staff read it (also in the digest).
    pub(super) fn learned_line(&self, l: &Learned) -> String {
        self.writer().learned_line(self.ctx.faq, l)
    }
}
