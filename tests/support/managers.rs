//! Simulated pesantren managers for load, fault and crash campaigns: each
//! one walks a script (type a text, send a photo, press a button), sending
//! the next step only after the bot's reply to the last one, like a person.
//!
//! The driver reacts to the fake Bot API's calls as they are recorded
//! ([`FakeBotApi::observe`]), so it never polls the fake: polling takes
//! the fake's lock and would pace the bot being measured.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::fake_bot_api::{Call, FakeBotApi, TestUser};

/// What a manager does at one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Text(&'static str),
    Photo,
    /// Presses the newest inline button whose label contains this text.
    Press(&'static str),
}

/// Which call of the bot counts as its reply to a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// New messages in the chat (sendMessage): the reply is complete with
    /// the last of them.
    Messages(u8),
    /// An edit of a message in the chat (a toggled choice).
    Edit,
}

#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub action: Action,
    pub expect: Expect,
}

const fn step(action: Action, expect: Expect) -> Step {
    Step { action, expect }
}

/// The product submission of `dialogs/product.toml`: nine questions, the
/// summary and the send, 14 updates from the manager. The reference bots
/// under `benches/peers/` ask the same questions with the same buttons.
pub const PRODUCT_FORM: &[Step] = &[
    // An introduction, then the first question.
    step(Action::Text("/produk"), Expect::Messages(1)),
    step(Action::Text("Kopi Arabika Ijen"), Expect::Messages(1)),
    step(Action::Press("Kopi"), Expect::Messages(1)),
    step(
        Action::Text("Kopi arabika dari kebun santri di lereng Ijen, disangrai sendiri."),
        Expect::Messages(1),
    ),
    step(Action::Photo, Expect::Messages(1)),
    step(Action::Press("Selesai"), Expect::Messages(1)),
    step(Action::Text("25000"), Expect::Messages(1)),
    step(Action::Text("500"), Expect::Messages(1)),
    step(Action::Press("Halal"), Expect::Edit),
    step(Action::Press("Selesai"), Expect::Messages(1)),
    step(Action::Press("Ya"), Expect::Messages(1)),
    step(Action::Press("Tiongkok"), Expect::Edit),
    step(Action::Press("Selesai"), Expect::Messages(1)),
    step(Action::Press("Kirim"), Expect::Messages(1)),
];

/// What one drive measured.
#[derive(Debug, Default)]
pub struct Drive {
    /// Updates injected (every step of every manager that got that far).
    pub injected: usize,
    /// Managers that finished the script.
    pub finished: usize,
    /// From the first injection to the last expected reply.
    pub elapsed: Duration,
    /// Injection to reply, one per answered step.
    pub latencies: Vec<Duration>,
    /// Managers stuck (no reply before the deadline, or no such button),
    /// with the step they were at.
    pub stuck: Vec<(i64, usize, String)>,
    /// Every successful sendMessage per chat, texts in order (checks of
    /// exactly-once delivery).
    pub messages: HashMap<i64, Vec<String>>,
    /// Messages a chat had already received (same text), e.g. a reply sent
    /// again after a crash; not taken for the reply to the current step.
    pub repeated: usize,
}

impl Drive {
    pub fn updates_per_sec(&self) -> f64 {
        self.injected as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The q-quantile (0..=1) of the reply latencies.
    pub fn latency(&self, q: f64) -> Duration {
        let mut l = self.latencies.clone();
        if l.is_empty() {
            return Duration::ZERO;
        }
        l.sort();
        let i = ((l.len() - 1) as f64 * q).round() as usize;
        l[i]
    }
}

struct Manager {
    user: TestUser,
    /// The index of the step waiting for its reply.
    at: usize,
    injected_at: Instant,
    /// Messages of the current step's reply seen so far.
    seen: u8,
    /// The newest message with inline buttons: (message id, [(label, data)]).
    buttons: Option<(i64, Vec<(String, String)>)>,
    done: bool,
}

/// Managers with ids `first..first+n`, Indonesian-speaking.
pub fn users(first: i64, n: usize) -> Vec<TestUser> {
    (0..n as i64)
        .map(|i| {
            TestUser::new(first + i, &format!("Pengasuh {}", i + 1))
                .lang("id")
                .username(&format!("pengasuh{}", first + i))
        })
        .collect()
}

/// Starts every manager at once and runs until all finished the script or
/// no expected reply came for `patience`.
pub fn drive(
    fake: &FakeBotApi,
    calls: &Receiver<Call>,
    users: &[TestUser],
    script: &[Step],
    patience: Duration,
) -> Drive {
    let mut out = Drive::default();
    let mut managers: HashMap<i64, Manager> = HashMap::new();
    let start = Instant::now();
    for user in users {
        let mut m = Manager {
            user: user.clone(),
            at: 0,
            injected_at: start,
            seen: 0,
            buttons: None,
            done: false,
        };
        inject(fake, &mut m, script, &mut out);
        managers.insert(user.id, m);
    }
    let mut last_progress = Instant::now();
    let mut last_reply = start;
    let mut remaining = users.len();
    while remaining > 0 {
        let call = match calls.recv_timeout(Duration::from_millis(200)) {
            Ok(c) => c,
            Err(RecvTimeoutError::Timeout) => {
                if last_progress.elapsed() > patience {
                    break;
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        let Some(chat) = call.chat_id else { continue };
        let Some(m) = managers.get_mut(&chat) else {
            continue;
        };
        if !call.is_ok() || call.connection_dropped && call.method != "sendMessage" {
            continue;
        }
        if call.method == "sendMessage" {
            let text = call.param_str("text").unwrap_or_default().to_string();
            let texts = out.messages.entry(chat).or_default();
            let again = texts.contains(&text);
            texts.push(text);
            if again {
                out.repeated += 1;
                continue;
            }
        }
        note_buttons(m, &call);
        if m.done {
            continue;
        }
        if call.received_at < m.injected_at {
            continue;
        }
        let complete = match script[m.at].expect {
            Expect::Messages(n) if call.method == "sendMessage" => {
                m.seen += 1;
                m.seen == n
            }
            Expect::Messages(_) => false,
            Expect::Edit => call.method.starts_with("editMessage"),
        };
        if !complete {
            continue;
        }
        m.seen = 0;
        out.latencies.push(call.received_at - m.injected_at);
        last_progress = Instant::now();
        last_reply = call.received_at;
        m.at += 1;
        if m.at == script.len() {
            m.done = true;
            out.finished += 1;
            remaining -= 1;
        } else if !inject(fake, m, script, &mut out) {
            remaining -= 1;
        }
    }
    out.elapsed = last_reply.saturating_duration_since(start);
    let mut stuck: Vec<_> = managers
        .values()
        .filter(|m| !m.done && !out.stuck.iter().any(|(id, _, _)| *id == m.user.id))
        .map(|m| (m.user.id, m.at, "no reply".to_string()))
        .collect();
    out.stuck.append(&mut stuck);
    out
}

/// Sends the manager's current step; false when it cannot (no button).
fn inject(fake: &FakeBotApi, m: &mut Manager, script: &[Step], out: &mut Drive) -> bool {
    let update = match script[m.at].action {
        Action::Text(t) => fake.text_update(&m.user, t),
        Action::Photo => fake.photo_update(&m.user, None, None),
        Action::Press(label) => {
            let found = m.buttons.as_ref().and_then(|(id, buttons)| {
                buttons
                    .iter()
                    .find(|(l, _)| l.to_lowercase().contains(&label.to_lowercase()))
                    .map(|(_, d)| (*id, d.clone()))
            });
            let Some((message_id, data)) = found else {
                out.stuck
                    .push((m.user.id, m.at, format!("no button `{label}`")));
                return false;
            };
            fake.callback_update_for(&m.user, m.user.id, message_id, &data, Value::Null)
        }
    };
    m.injected_at = Instant::now();
    fake.push_update(update);
    out.injected += 1;
    true
}

/// Keeps the newest inline keyboard of the chat, after edits.
fn note_buttons(m: &mut Manager, call: &Call) {
    let Some(markup) = call.param("reply_markup") else {
        return;
    };
    let markup: Value = match markup {
        Value::String(s) => serde_json::from_str(s).unwrap_or(Value::Null),
        v => v.clone(),
    };
    let Some(rows) = markup.get("inline_keyboard").and_then(Value::as_array) else {
        return;
    };
    let buttons: Vec<(String, String)> = rows
        .iter()
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|b| {
            Some((
                b.get("text")?.as_str()?.to_string(),
                b.get("callback_data")?.as_str()?.to_string(),
            ))
        })
        .collect();
    let id = if call.method == "sendMessage" {
        call.result()
            .and_then(|r| r.get("message_id"))
            .and_then(Value::as_i64)
    } else {
        call.param("message_id").and_then(Value::as_i64)
    };
    if let Some(id) = id {
        m.buttons = Some((id, buttons));
    }
}

/// Registered pesantren (Kabupaten Jember) for the managers, so /produk
/// goes straight to the form. Call inside `Store::bulk` for many.
pub fn seed_manager(store: &opop_bot::store::Store, id: i64, now: jiff::Timestamp) {
    seed_pesantren(store, id, "Kabupaten Jember", now);
}

/// A registered pesantren "Pondok {id}" in `region`, Indonesian-speaking.
pub fn seed_pesantren(store: &opop_bot::store::Store, id: i64, region: &str, now: jiff::Timestamp) {
    use opop_bot::records::{Answer, Answers, Profile};
    let mut answers = Answers::new();
    answers.insert("name".into(), Answer::Text(format!("Pondok {id}")));
    answers.insert("region".into(), Answer::Region(region.into()));
    answers.insert("pillar".into(), Answer::Choice("santripreneur".into()));
    answers.insert("contact_person".into(), Answer::Text("Ahmad Fauzi".into()));
    answers.insert("phone".into(), Answer::Phone("+6281234567890".into()));
    let profile = Profile {
        v: Profile::VERSION,
        user: id,
        answers,
        consent_at: Some(now),
        consent_notice: 2,
        updated_at: now,
    };
    let mut user = opop_bot::records::UserRecord::new(id, now);
    user.language_code = Some("id".into());
    store.import_user(&user, Some(&profile)).unwrap();
}

/// A broadcast by `admin`, due now (the pump starts it).
pub fn due_broadcast(
    admin: i64,
    html: &str,
    audience: opop_bot::records::Audience,
    now: jiff::Timestamp,
) -> opop_bot::records::Job {
    use opop_bot::records::{Announcement, Job, JobState};
    Job {
        v: Job::VERSION,
        id: 0,
        author: admin,
        author_chat: admin,
        announcement: Announcement {
            html: html.into(),
            lang: opop_bot::i18n::Lang::Id,
            html_en: None,
            photo: None,
        },
        audience,
        created_at: now,
        scheduled_at: None,
        state: JobState::Running,
        started_at: None,
        finished_at: None,
        progress_message: None,
        progress_at: None,
        late: false,
        cancelled_by: None,
        resend: false,
    }
}
