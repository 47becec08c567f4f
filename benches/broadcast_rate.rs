//! Sustained broadcast rate: the release `opop-bot run` sends one
//! broadcast to N recipients (default 10,000; `BENCH_RECIPIENTS`) through
//! the fake Bot API on 127.0.0.1 with Telegram's limits enforced (30
//! messages/s overall, 1/s per chat: over-limit calls get 429). Reports
//! the rate between the first and the last delivery, as a fraction of
//! 30/s, and the limits the fake measured.
//!
//! `cargo bench --bench broadcast_rate` (about N/30 seconds).

#[path = "../tests/support/fake_bot_api.rs"]
#[allow(dead_code)]
mod fake_bot_api;
#[path = "../tests/support/managers.rs"]
mod managers;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fake_bot_api::{FakeBotApi, FakeConfig, RateLimitMode, RateLimits};
use jiff::Timestamp;
use opop_bot::records::Audience;
use opop_bot::records::UserRecord;
use opop_bot::store::Store;

const TOKEN: &str = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef012";
const ADMIN: i64 = 9001;
const FIRST: i64 = 1_000_000;

fn main() {
    let n: i64 = std::env::var("BENCH_RECIPIENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let data = tempfile::tempdir().unwrap();
    {
        let store = Store::open(data.path()).unwrap();
        let now = Timestamp::now();
        store
            .bulk(|store| {
                for id in FIRST..FIRST + n {
                    store.import_user(&UserRecord::new(id, now), None).unwrap();
                }
            })
            .unwrap();
        let html = "<b>Expo produk pesantren</b> di Surabaya, 12 Desember.";
        store
            .create_job(&managers::due_broadcast(ADMIN, html, Audience::All, now))
            .unwrap();
        store.flush().unwrap();
    }
    let config = FakeConfig {
        rate_limits: RateLimits {
            mode: RateLimitMode::Enforce,
            ..RateLimits::default()
        },
        ..FakeConfig::default()
    };
    let fake = FakeBotApi::start_blocking(TOKEN, config);
    let started = Instant::now();
    let mut bot = Command::new(env!("CARGO_BIN_EXE_opop-bot"))
        .arg("run")
        .envs(fake.env())
        .env("OPOP_DATA_DIR", data.path())
        .env("OPOP_ADMINS", ADMIN.to_string())
        .env_remove("OPOP_CONFIG")
        .env("RUST_LOG", "error")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("bot starts");
    let deadline = Duration::from_secs(n as u64 / 10 + 120);
    loop {
        std::thread::sleep(Duration::from_secs(1));
        let done = fake.sent_to(ADMIN).iter().any(|m| {
            m.plain_text
                .as_deref()
                .is_some_and(|t| t.contains("selesai"))
        });
        if done || started.elapsed() > deadline {
            break;
        }
    }
    let _ = bot.kill();
    let _ = bot.wait();
    let mut times: Vec<Instant> = fake
        .send_events()
        .into_iter()
        .filter(|e| e.chat_id >= FIRST && e.method == "sendMessage")
        .map(|e| e.at)
        .collect();
    times.sort();
    let delivered = fake
        .sent_messages()
        .iter()
        .filter(|m| m.chat_id >= FIRST)
        .count();
    let (first, last) = (times[0], *times.last().unwrap());
    let secs = (last - first).as_secs_f64();
    let rate = (times.len() - 1) as f64 / secs;
    println!("recipients            {n}");
    println!("delivered             {delivered}");
    println!("calls (incl. 429s)    {}", times.len());
    println!("first→last            {secs:.1} s");
    println!("sustained rate        {rate:.2} messages/s");
    println!("fraction of 30/s      {:.3}", rate / 30.0);
    println!("max in any second     {}", fake.max_per_second_overall());
    println!("max/s to one chat     {}", fake.max_per_second_per_chat());
    println!(
        "limit violations      {}",
        fake.rate_limit_violations().len()
    );
    for v in fake.rate_limit_violations() {
        println!(
            "  {} to {} ({}), refused: {}",
            v.method, v.chat_id, v.rule, v.rejected
        );
    }
}
