//! A conversation harness over the real engine and a temporary store: a
//! test reads like the transcript of a chat.
#![allow(dead_code)]

use jiff::{SignedDuration, Timestamp};

use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::dialog::{Button, Event, EventKind, Keyboard, MediaKind, OutMessage};
use opop_bot::html;
use opop_bot::store::Store;

pub struct Chat {
    pub app: App,
    pub user: i64,
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
        Chat {
            app,
            user,
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

    pub fn advance(&mut self, hours: i64) {
        self.now += SignedDuration::from_hours(hours);
    }

    fn event(&mut self, kind: EventKind) -> String {
        self.now += SignedDuration::from_secs(5);
        let event = Event {
            user: self.user,
            chat: self.user,
            language_code: self.language_code.clone(),
            first_name: Some("Ahmad".into()),
            kind,
            now: self.now,
        };
        let handled = self
            .app
            .handle(&event, None, Some("ahmad"))
            .expect("handled");
        self.last_toast = handled.outcome.toast.clone();
        self.last.clear();
        for row in self.app.store.outbox_rows(1000).unwrap() {
            self.app.store.remove_outbox_row(&row).unwrap();
            let Some(message) = row.message().cloned() else {
                continue;
            };
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
            self.last.push(message.clone());
            self.transcript.push(message);
        }
        self.text()
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
