//! Running the real `opop-bot run` binary against the fake Bot API, and
//! talking to it like a person: say something, press a button, wait for
//! the replies.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::fake_bot_api::{Call, CallOutcome, FakeBotApi, FakeConfig, TestUser};

pub const TOKEN: &str = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef012";
pub const WAIT: Duration = Duration::from_secs(20);

/// The bot process; killed when dropped.
pub struct BotProcess(pub Child);

impl Drop for BotProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn start_bot(fake: &FakeBotApi, data: &Path, extra: &[(&str, &str)]) -> BotProcess {
    start_bot_with(fake, data, extra, |_| {})
}

/// [`start_bot`], with the command changed by `configure` first (its
/// umask, its standard error).
pub fn start_bot_with(
    fake: &FakeBotApi,
    data: &Path,
    extra: &[(&str, &str)],
    configure: impl FnOnce(&mut Command),
) -> BotProcess {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opop-bot"));
    cmd.arg("run")
        .envs(fake.env())
        .env("OPOP_DATA_DIR", data)
        .env_remove("OPOP_CONFIG")
        .env(
            "RUST_LOG",
            std::env::var("TEST_BOT_LOG").unwrap_or_else(|_| "warn".into()),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    if std::env::var("TEST_BOT_LOG").is_err() {
        cmd.stderr(Stdio::null());
    }
    for (k, v) in extra {
        cmd.env(k, v);
    }
    configure(&mut cmd);
    BotProcess(cmd.spawn().expect("bot starts"))
}

pub fn fake() -> FakeBotApi {
    FakeBotApi::start_blocking(TOKEN, FakeConfig::default())
}

/// Successful sendMessage / editMessageText calls to a chat, in order.
pub fn replies(f: &FakeBotApi, chat: i64) -> Vec<Call> {
    f.all_calls()
        .into_iter()
        .filter(|c| {
            c.chat_id == Some(chat)
                && matches!(c.method.as_str(), "sendMessage" | "editMessageText")
        })
        .filter(|c| matches!(c.outcome, CallOutcome::Ok(_)))
        .collect()
}

/// The text as the user reads it.
pub fn text_of(call: &Call) -> String {
    opop_bot::html::to_plain(call.params["text"].as_str().unwrap_or_default())
}

/// Waits until the chat got more than `before` replies, then a quiet time
/// for the rest of the same answer (the bot sends one message per second
/// to a chat); returns the new replies' texts.
pub async fn new_replies(f: &FakeBotApi, chat: i64, before: usize, after: &str) -> String {
    f.wait_for(|f| (replies(f, chat).len() > before).then_some(()), WAIT)
        .await
        .unwrap_or_else(|| {
            let failed: Vec<String> = f
                .all_calls()
                .iter()
                .filter(|c| !matches!(c.outcome, CallOutcome::Ok(_)))
                .map(|c| format!("{} {:?}", c.method, c.outcome))
                .collect();
            panic!("no reply in chat {chat} after {after}; failed calls: {failed:#?}")
        });
    let mut seen = replies(f, chat).len();
    loop {
        tokio::time::sleep(Duration::from_millis(1300)).await;
        let now = replies(f, chat).len();
        if now == seen {
            break;
        }
        seen = now;
    }
    replies(f, chat)[before..]
        .iter()
        .map(text_of)
        .collect::<Vec<_>>()
        .join("\n\n")
}

pub async fn say(f: &FakeBotApi, user: &TestUser, text: &str) -> String {
    let before = replies(f, user.id).len();
    f.push_update(f.text_update(user, text));
    let t = new_replies(f, user.id, before, text).await;
    eprintln!("> {text}\n{t}\n");
    t
}

/// The inline buttons a message shows now (after edits): (label, data).
pub fn current_buttons(f: &FakeBotApi, chat: i64, message_id: i64) -> Vec<(String, String)> {
    let Some(message) = f.message(chat, message_id) else {
        return Vec::new();
    };
    message["reply_markup"]["inline_keyboard"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row.as_array().cloned().unwrap_or_default())
        .filter_map(|b| {
            Some((
                b["text"].as_str()?.to_string(),
                b["callback_data"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// Presses the newest button on screen whose label contains `label`.
pub async fn press(f: &FakeBotApi, user: &TestUser, label: &str) -> String {
    let sent = f.sent_to(user.id);
    let (message, data) = sent
        .iter()
        .rev()
        .find_map(|m| {
            current_buttons(f, m.chat_id, m.message_id)
                .into_iter()
                .find(|(t, _)| t.contains(label))
                .map(|(_, d)| (m.clone(), d))
        })
        .unwrap_or_else(|| panic!("no button `{label}`"));
    let before = replies(f, user.id).len();
    f.push_update(f.callback_update(user, &message, &data));
    let t = new_replies(f, user.id, before, label).await;
    eprintln!("> [{label}]\n{t}\n");
    t
}

pub async fn register(f: &FakeBotApi, user: &TestUser) {
    say(f, user, "/daftar").await;
    press(f, user, "Setuju").await;
    say(f, user, "Pondok Pesantren Al Hikmah").await;
    say(f, user, "sidoarjo").await;
    press(f, user, "Pesantrenpreneur").await;
    say(f, user, "Ahmad Fauzi").await;
    say(f, user, "081234567890").await;
    press(f, user, "Lewati").await;
    let t = press(f, user, "Kirim").await;
    assert!(t.contains("Profil pesantren tersimpan"), "{t}");
}

pub fn this_year() -> i16 {
    jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Asia/Jakarta").unwrap())
        .year()
}
