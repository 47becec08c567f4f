//! A terminal transport for trying the dialogs without Telegram: each line
//! typed is an event for the same engine and store; the bot's messages are
//! printed as plain text with their buttons numbered.
//!
//! A bare number or a button's label presses that button, except where the
//! current step expects typed text or a number. `/foto` attaches a
//! placeholder photo; `/kontak` shares the number given after it as the
//! user's own contact.

use std::io::{BufRead, Write};

use crate::app::App;
use crate::event::{Delivery, Event, EventKind};
use crate::html;
use crate::outcome::{Keyboard, OutMessage};

pub struct Console<'a> {
    app: &'a App,
    user: i64,
    language_code: Option<String>,
    buttons: Vec<(String, String)>,
    next_message_id: i32,
    photos: usize,
}

impl<'a> Console<'a> {
    pub fn new(app: &'a App, user: i64, language_code: Option<String>) -> Self {
        Console {
            app,
            user,
            language_code,
            buttons: Vec::new(),
            next_message_id: 1,
            photos: 0,
        }
    }

    /// Reads lines until end of input; prints every reply to `out`.
    pub fn run(&mut self, input: impl BufRead, out: &mut impl Write) -> anyhow::Result<()> {
        for line in input.lines() {
            let line = line?;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            writeln!(out, "> {line}")?;
            let kind = self.event_kind(line);
            let event = Event {
                user: self.user,
                chat: self.user,
                language_code: self.language_code.clone(),
                first_name: Some("Console".into()),
                kind,
                now: jiff::Timestamp::now(),
                reply_to: None,
                formatted: None,
            };
            let handled = self.app.handle(&Delivery::new(event))?;
            if let Some(toast) = handled.outcome.toast.filter(|t| !t.is_empty()) {
                writeln!(out, "  ({})", html::to_plain(&toast))?;
            }
            self.drain(out)?;
        }
        Ok(())
    }

    fn event_kind(&mut self, line: &str) -> EventKind {
        let trimmed = line.trim();
        if trimmed.eq_ignore_ascii_case("/foto") || trimmed.eq_ignore_ascii_case("/photo") {
            self.photos += 1;
            return EventKind::Photos(vec![format!("console-photo-{}", self.photos)]);
        }
        if let Some(phone) = trimmed.strip_prefix("/kontak") {
            return EventKind::Contact {
                phone: phone.trim().to_string(),
                own: true,
            };
        }
        if let Some(cmd) = trimmed.strip_prefix('/') {
            let (name, args) = cmd.split_once(' ').unwrap_or((cmd, ""));
            let name = name.split('@').next().unwrap_or(name).to_lowercase();
            return EventKind::Command {
                name,
                args: args.trim().to_string(),
            };
        }
        let typed = self.app.expects_typed_answer(self.user, self.user);
        if !typed {
            if let Ok(n) = trimmed.parse::<usize>() {
                if let Some((_, data)) = n.checked_sub(1).and_then(|i| self.buttons.get(i)) {
                    return self.press(data.clone());
                }
            }
        }
        let wanted = trimmed.to_lowercase();
        if let Some((_, data)) = self
            .buttons
            .iter()
            .find(|(label, _)| label_text(label) == wanted)
        {
            return self.press(data.clone());
        }
        EventKind::Text(line.to_string())
    }

    fn press(&self, data: String) -> EventKind {
        EventKind::Button {
            data,
            message_id: Some(self.next_message_id - 1),
        }
    }

    /// Prints and removes every queued message (the console's "sender").
    fn drain(&mut self, out: &mut impl Write) -> anyhow::Result<()> {
        loop {
            let rows = self.app.store.outbox_rows(100)?;
            if rows.is_empty() {
                return Ok(());
            }
            for row in rows {
                if let Some(message) = row.message() {
                    self.print(message, out)?;
                }
                self.app.store.remove_outbox_row(&row)?;
            }
        }
    }

    fn print(&mut self, m: &OutMessage, out: &mut impl Write) -> anyhow::Result<()> {
        if m.chat != self.user {
            writeln!(out, "  [to chat {}]", m.chat)?;
        }
        if m.edit.is_some() {
            writeln!(out, "  (edited)")?;
        }
        for line in html::to_plain(&m.text).lines() {
            writeln!(out, "  {line}")?;
        }
        match &m.keyboard {
            Keyboard::Inline(rows) => {
                self.buttons.clear();
                for b in rows.iter().flatten() {
                    self.buttons.push((b.label.clone(), b.data.clone()));
                    writeln!(out, "  [{}] {}", self.buttons.len(), b.label)?;
                }
            }
            Keyboard::RequestContact { label } => {
                self.buttons.clear();
                writeln!(out, "  [{label}: /kontak 08…]")?;
            }
            Keyboard::ForceReply { .. } | Keyboard::None => {}
        }
        self.next_message_id += 1;
        writeln!(out)?;
        Ok(())
    }
}

/// A label without its check marks and emoji, lower-cased.
fn label_text(label: &str) -> String {
    label
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim()
        .to_lowercase()
}
