//! A conversation harness over the real engine and a temporary store: a
//! test reads like the transcript of a chat.
#![allow(dead_code)]

use std::rc::Rc;

use jiff::{SignedDuration, Timestamp};

use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::event::{Delivery, Event, EventKind, MediaKind, ReplyTo};
use opop_bot::html;
use opop_bot::outcome::{Button, Keyboard, OutMessage};
use opop_bot::store::Store;

pub struct Chat {
    pub app: Rc<App>,
    pub user: i64,
    /// The chat this side talks in (the user's private chat, or a group).
    pub chat: i64,
    pub first_name: String,
    pub username: String,
    /// Every message the bot sent to this chat, with its message id.
    pub messages: Vec<(i32, OutMessage)>,
    reply_to: Option<ReplyTo>,
    formatted: Option<String>,
    pub language_code: Option<String>,
    pub now: Timestamp,
    /// Every message the bot sent in this chat, in order.
    pub transcript: Vec<OutMessage>,
    /// The replies to the last input.
    pub last: Vec<OutMessage>,
    pub last_toast: Option<String>,
    next_message_id: i32,
    /// (message id, buttons) of messages that carried buttons.
    keyboards: Vec<(i32, Vec<Button>)>,
    photo_seq: usize,
}

/// Runs the real `opop-bot` binary with `input` on stdin and no config
/// file (plus `env`); returns its output.
pub fn run_binary(
    args: &[&str],
    input: &str,
    env: &[(&str, &std::path::Path)],
) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut command = Command::new(env!("CARGO_BIN_EXE_opop-bot"));
    command
        .args(args)
        .env_remove("OPOP_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Copies a folder and everything in it.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn app() -> App {
    App::new(
        Content::embedded().expect("shipped content parses"),
        Store::temporary().unwrap(),
        Config::default(),
    )
}

impl Chat {
    pub fn new() -> Chat {
        Chat::with_app(app(), 1001, Some("id"))
    }

    pub fn english() -> Chat {
        Chat::with_app(app(), 1002, Some("en"))
    }

    pub fn with_app(app: App, user: i64, language_code: Option<&str>) -> Chat {
        Chat::shared(Rc::new(app), user, language_code)
    }

    pub fn shared(app: Rc<App>, user: i64, language_code: Option<&str>) -> Chat {
        Chat {
            app,
            user,
            chat: user,
            first_name: "Ahmad".into(),
            username: "ahmad".into(),
            messages: Vec::new(),
            reply_to: None,
            formatted: None,
            language_code: language_code.map(str::to_string),
            now: "2026-11-28T03:00:00Z".parse().unwrap(),
            transcript: Vec::new(),
            last: Vec::new(),
            last_toast: None,
            next_message_id: 100,
            keyboards: Vec::new(),
            photo_seq: 0,
        }
    }

    /// Another person on the same bot: `chat` is their private chat (their
    /// id) or a group they write in.
    pub fn member(&self, user: i64, chat: i64, first_name: &str) -> Chat {
        let mut other = Chat::shared(Rc::clone(&self.app), user, Some("id"));
        other.chat = chat;
        other.first_name = first_name.into();
        other.now = self.now;
        other
    }

    /// Sends text with formatting, as Telegram renders it to HTML.
    pub fn send_formatted(&mut self, text: &str, html: &str) -> String {
        self.formatted = Some(html.to_string());
        self.send(text)
    }

    /// Sends a photo with a caption (formatted as `html`).
    pub fn photo_with_caption(&mut self, html: &str) -> String {
        self.formatted = Some(html.to_string());
        self.photos(1)
    }

    /// Replies (Telegram "reply") to the bot's message `message_id` here.
    pub fn reply(&mut self, message_id: i32, text: &str) -> String {
        let original = self
            .messages
            .iter()
            .rev()
            .find(|(id, _)| *id == message_id)
            .map(|(_, m)| html::to_plain(&m.text))
            .unwrap_or_else(|| panic!("no message {message_id} in chat {}", self.chat));
        self.reply_to = Some(ReplyTo {
            message_id,
            text: original,
        });
        self.send(text)
    }

    /// The id and message of the newest message here containing `text`.
    pub fn find(&self, text: &str) -> (i32, OutMessage) {
        self.messages
            .iter()
            .rev()
            .find(|(_, m)| html::to_plain(&m.text).contains(text))
            .cloned()
            .unwrap_or_else(|| panic!("no message with `{text}` in chat {}", self.chat))
    }

    pub fn advance(&mut self, hours: i64) {
        self.now += SignedDuration::from_hours(hours);
    }

    fn event(&mut self, kind: EventKind) -> String {
        self.now += SignedDuration::from_secs(5);
        let event = Event {
            user: self.user,
            chat: self.chat,
            language_code: self.language_code.clone(),
            first_name: Some(self.first_name.clone()),
            kind,
            now: self.now,
            reply_to: self.reply_to.take(),
            formatted: self.formatted.take(),
        };
        let handled = self
            .app
            .handle(&Delivery::new(event).with_username(Some(&self.username)))
            .expect("handled");
        self.last_toast = handled.outcome.toast.clone();
        // Button presses are answered through the outbox too.
        for row in self.app.store.outbox_rows(100_000).unwrap() {
            if row.message().is_none() {
                self.app.store.remove_outbox_row(&row).unwrap();
            }
        }
        self.read()
    }

    /// The plain text of the last replies, joined by blank lines.
    pub fn text(&self) -> String {
        self.last
            .iter()
            .map(|m| html::to_plain(&m.text))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    pub fn send(&mut self, text: &str) -> String {
        if let Some(cmd) = text.strip_prefix('/') {
            let (name, args) = cmd.split_once(' ').unwrap_or((cmd, ""));
            return self.event(EventKind::Command {
                name: name.to_lowercase(),
                args: args.to_string(),
            });
        }
        self.event(EventKind::Text(text.to_string()))
    }

    /// Presses the newest button whose label contains `label`.
    pub fn press(&mut self, label: &str) -> String {
        let (message_id, data) = self
            .keyboards
            .iter()
            .rev()
            .find_map(|(m, buttons)| {
                buttons
                    .iter()
                    .find(|b| b.label.contains(label))
                    .map(|b| (*m, b.data.clone()))
            })
            .unwrap_or_else(|| panic!("no button `{label}` in {:#?}", self.last_buttons()));
        self.event(EventKind::Button {
            data,
            message_id: Some(message_id),
        })
    }

    /// Reads what the bot sent here meanwhile (caused by others).
    pub fn read(&mut self) -> String {
        self.last.clear();
        let mut out = Vec::new();
        for row in self.app.store.outbox_rows(100_000).unwrap() {
            // Each side reads its own chat; other chats' rows wait for theirs.
            let Some(message) = row.message().cloned() else {
                continue;
            };
            if message.chat != self.chat {
                continue;
            }
            self.app.store.remove_outbox_row(&row).unwrap();
            html::validate(&message.text)
                .unwrap_or_else(|e| panic!("invalid HTML {e}: {}", message.text));
            let id = match message.edit {
                Some(id) => id,
                None => {
                    self.next_message_id += 1;
                    self.next_message_id
                }
            };
            if let Keyboard::Inline(rows) = &message.keyboard {
                self.keyboards.retain(|(m, _)| *m != id);
                self.keyboards
                    .push((id, rows.iter().flatten().cloned().collect()));
            }
            self.messages.retain(|(m, _)| *m != id);
            self.messages.push((id, message.clone()));
            out.push(message.clone());
            self.transcript.push(message);
        }
        self.last = out;
        self.text()
    }

    /// Presses a button with this data on the message `message_id`.
    pub fn press_on(&mut self, message_id: i32, data: &str) -> String {
        self.event(EventKind::Button {
            data: data.to_string(),
            message_id: Some(message_id),
        })
    }

    /// Presses a button by its raw callback data (e.g. an old one).
    pub fn press_data(&mut self, data: &str) -> String {
        self.event(EventKind::Button {
            data: data.to_string(),
            message_id: Some(1),
        })
    }

    pub fn photos(&mut self, n: usize) -> String {
        let ids = (0..n)
            .map(|_| {
                self.photo_seq += 1;
                format!("photo-{}", self.photo_seq)
            })
            .collect();
        self.event(EventKind::Photos(ids))
    }

    pub fn contact(&mut self, phone: &str, own: bool) -> String {
        self.event(EventKind::Contact {
            phone: phone.to_string(),
            own,
        })
    }

    pub fn sticker(&mut self) -> String {
        self.event(EventKind::Unsupported(MediaKind::Sticker))
    }

    /// Labels of the buttons of the last replies.
    pub fn last_buttons(&self) -> Vec<String> {
        self.last
            .iter()
            .flat_map(|m| m.buttons().iter().flatten().map(|b| b.label.clone()))
            .collect()
    }

    /// Completes registration in English.
    pub fn register_english(&mut self) {
        self.send("/register");
        self.press("I agree");
        self.send("Pondok Pesantren Al Hikmah");
        self.send("sidoarjo");
        self.press("Pesantrenpreneur");
        self.send("Ahmad Fauzi");
        self.send("0812 3456 7890");
        self.press("Skip");
        let t = self.press("Submit");
        assert!(t.contains("saved"), "{t}");
    }

    /// Completes registration with typical answers.
    pub fn register(&mut self) {
        self.send("/daftar");
        self.press("Setuju");
        self.send("Pondok Pesantren Al Hikmah");
        self.send("sidoarjo");
        self.press("Pesantrenpreneur");
        self.send("Ahmad Fauzi");
        self.send("0812 3456 7890");
        self.press("Lewati");
        let t = self.press("Kirim");
        assert!(t.contains("Profil pesantren tersimpan"), "{t}");
    }
}
