//! Cost as the work grows: how long the bot takes to start and how much
//! memory it holds, idle, with a data folder of 10,000 or 100,000
//! registered pesantren (user record, profile and an idle session each)
//! and with 100,000 tickets (2,000 pesantren). The bot binary is started
//! against the fake Bot API on 127.0.0.1; start-up is from the spawn to
//! its first getUpdates, memory is its resident set two seconds later
//! (VmRSS) and at its peak (VmHWM), from /proc.
//!
//! `cargo bench --bench scale` (3 runs of each, medians);
//! `cargo bench --bench scale -- --runs 1 --sets users-10k`.

#[path = "support/big.rs"]
mod big;
#[path = "../tests/support/fake_bot_api.rs"]
#[allow(dead_code)]
mod fake_bot_api;
#[path = "../tests/support/managers.rs"]
mod managers;
#[path = "support/process.rs"]
mod process;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;
use fake_bot_api::{FakeBotApi, FakeConfig};
use jiff::Timestamp;
use opop_bot::records::Session;
use opop_bot::store::Store;

const TOKEN: &str = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef012";

#[derive(Parser, Debug)]
struct Args {
    /// Data sets: empty, users-10k, users-100k, tickets-100k; also
    /// users-300k and users-1m (not by default: to see where memory
    /// levels off).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "empty,users-10k,users-100k,tickets-100k"
    )]
    sets: Vec<String>,
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// cargo bench passes --bench.
    #[arg(long, hide = true)]
    bench: bool,
}

fn main() {
    let args = Args::parse();
    println!(
        "{:<14} {:>12} {:>12} {:>12} {:>12}",
        "data", "start-up ms", "RSS idle MB", "peak RSS MB", "folder MB"
    );
    for set in &args.sets {
        let data = tempfile::tempdir().unwrap();
        seed(set, data.path());
        let folder = folder_size(data.path()) as f64 / 1e6;
        let mut runs = Vec::new();
        for _ in 0..args.runs {
            runs.push(start(data.path()));
        }
        let median = |f: fn(&(f64, u64, u64)) -> f64| {
            let mut v: Vec<f64> = runs.iter().map(f).collect();
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        println!(
            "{:<14} {:>12.0} {:>12.1} {:>12.1} {:>12.1}",
            set,
            median(|r| r.0),
            median(|r| r.1 as f64 / 1024.0),
            median(|r| r.2 as f64 / 1024.0),
            folder
        );
    }
}

/// Fills a data folder with one of the sets.
fn seed(set: &str, dir: &Path) {
    let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
    match set {
        "empty" => drop(Store::open(dir).unwrap()),
        "users-10k" => users(dir, 10_000, now),
        "users-100k" => users(dir, 100_000, now),
        "users-300k" => users(dir, 300_000, now),
        "users-1m" => users(dir, 1_000_000, now),
        "tickets-100k" => {
            let content = opop_bot::content::Content::embedded().unwrap();
            drop(big::big_store(dir, &content));
        }
        other => panic!("unknown data set {other}"),
    }
}

/// `n` registered pesantren, each with an idle session.
fn users(dir: &Path, n: i64, now: Timestamp) {
    let store = Store::open(dir).unwrap();
    store
        .bulk(|store| {
            for i in 0..n {
                let id = 5_000_000 + i;
                managers::seed_pesantren(store, id, "Kabupaten Jember", now);
                store.import_session(id, id, &Session::default()).unwrap();
            }
        })
        .unwrap();
    store.flush().unwrap();
}

/// Starts the bot on `dir`: (ms to its first poll, idle VmRSS kB, VmHWM kB).
fn start(dir: &Path) -> (f64, u64, u64) {
    let fake = FakeBotApi::start_blocking(TOKEN, FakeConfig::default());
    let spawned = Instant::now();
    // SCALE_WRAP="perf record -g -o /tmp/perf.data" profiles the bot.
    let mut command = process::opop_command("SCALE_WRAP");
    let mut child = command
        .arg("run")
        .env("OPOP_DATA_DIR", dir)
        .env_remove("OPOP_CONFIG")
        .envs(fake.env())
        .env("RUST_LOG", "error")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("bot starts");
    while fake.polls_in_flight() == 0 {
        assert!(
            spawned.elapsed() < Duration::from_secs(120),
            "the bot never polled"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    let ms = spawned.elapsed().as_secs_f64() * 1000.0;
    std::thread::sleep(Duration::from_secs(2));
    // Under a profiler, the bot is the wrapper's child.
    let pid = std::fs::read_to_string(format!("/proc/{}/task/{}/children", child.id(), child.id()))
        .ok()
        .and_then(|c| c.split_whitespace().next()?.parse().ok())
        .filter(|_| std::env::var("SCALE_WRAP").is_ok())
        .unwrap_or_else(|| child.id());
    let (rss, hwm) = (
        process::status_kb(pid, "VmRSS:"),
        process::status_kb(pid, "VmHWM:"),
    );
    // A clean stop, so the next run starts from a checkpointed folder.
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let _ = child.wait();
    (ms, rss, hwm)
}

fn folder_size(dir: &Path) -> u64 {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let meta = entry.metadata().unwrap();
        total += if meta.is_dir() {
            folder_size(&entry.path())
        } else {
            meta.len()
        };
    }
    total
}
