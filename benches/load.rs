//! Load benchmark: N simulated managers (default 200 and 1,000) each
//! complete the product submission form at once against a bot, through the
//! fake Bot API on 127.0.0.1, each sending the next answer only after the
//! bot's reply. Reports updates handled per second, reply latency
//! p50/p95/p99 (injection to the bot's call), the bot's peak RSS and CPU
//! seconds (in all, and "run CPU": while the managers were driven, start-up
//! left out), and "bench CPU", this process's own (the fake Bot API and
//! the managers share the machine with the bot), for opop-bot and for the
//! reference bots it builds:
//!
//! - `teloxide-inmem`: a minimal teloxide 0.17 dialogue bot with
//!   `InMemStorage` (no durability: the floor a Rust bot pays);
//! - `teloxide-sqlite`: the same with teloxide's `SqliteStorage`;
//! - `aiogram`: an aiogram 3 FSM bot with `MemoryStorage`, when Python 3
//!   and pip are there.
//!
//! `cargo bench --bench load` (all bots, 200 and 1,000 users, 3 runs, the
//! bots taking turns run by run, after one warm-up run of each at each
//! size that is printed but not counted; `--warmup 0` leaves it out);
//! `cargo bench --bench load -- --bots opop --users 1000 --runs 1`.
//! `--faults 0.2` makes the fake answer 20 % of calls with 429, 500 or a
//! dropped connection and runs opop-bot with Telegram's limits on; the run
//! then checks that every reply arrived exactly once and the limits held.
//! `BENCH_COUNT=1` prints the calls each bot made, by method, the
//! connections the fake accepted, and the getUpdates cycle: how long the
//! fake took to answer and how long the bot took to call again.

#[path = "../tests/support/fake_bot_api.rs"]
#[allow(dead_code)]
mod fake_bot_api;
#[path = "../tests/support/managers.rs"]
mod managers;
#[path = "support/process.rs"]
mod process;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use clap::Parser;
use fake_bot_api::{FakeBotApi, FakeConfig, RandomFaults, RateLimitMode, RateLimits};
use jiff::Timestamp;
use managers::{Drive, PRODUCT_FORM};
use opop_bot::store::Store;

const TOKEN: &str = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef012";
const FIRST_USER: i64 = 7_000_000;

#[derive(Parser, Debug)]
struct Args {
    /// Bots to measure: opop, teloxide-inmem, teloxide-sqlite, aiogram.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "opop,teloxide-inmem,teloxide-sqlite,aiogram"
    )]
    bots: Vec<String>,
    /// Numbers of concurrent managers.
    #[arg(long, value_delimiter = ',', default_value = "200,1000")]
    users: Vec<usize>,
    /// Runs of each (bot, users) pair; medians are reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Runs of each bot at each size before the measured ones, printed
    /// but not counted (see `main`).
    #[arg(long, default_value_t = 1)]
    warmup: usize,
    /// Fraction of calls the fake fails (429 / 500 / dropped connection).
    #[arg(long, default_value_t = 0.0)]
    faults: f64,
    /// Prints every call of the first manager's chat (one run).
    #[arg(long)]
    trace: bool,
    /// cargo bench passes --bench.
    #[arg(long, hide = true)]
    bench: bool,
}

/// How long the fake took to answer a getUpdates that returned updates,
/// and how long the bot then took to call again (its turn: reading,
/// storing, confirming), medians over the run.
fn print_polls(polls: &[fake_bot_api::GetUpdatesCall]) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    };
    let busy: Vec<_> = polls
        .windows(2)
        .filter(|w| !w[0].returned.is_empty())
        .collect();
    let served = busy
        .iter()
        .map(|w| ms(w[0].answered_at - w[0].received_at))
        .collect();
    let turn = busy
        .iter()
        .map(|w| ms(w[1].received_at.saturating_duration_since(w[0].answered_at)))
        .collect();
    let size = busy.iter().map(|w| w[0].returned.len() as f64).collect();
    println!(
        "  polls: {} with updates, median {:.0} updates, served in {:.2} ms, the bot's turn {:.2} ms",
        busy.len(),
        median(size),
        median(served),
        median(turn)
    );
}

/// One run's figures.
struct Run {
    drive: Drive,
    rss_kb: u64,
    cpu_s: f64,
    /// The bot's CPU seconds while the managers were driven (start-up
    /// left out), and the bench's own (the fake Bot API and the managers).
    run_cpu_s: f64,
    harness_cpu_s: f64,
    max_overall: usize,
    max_chat: usize,
    /// Messages that made more than 30 in one second overall.
    over_overall: usize,
}

fn main() {
    let args = Args::parse();
    let faulty = args.faults > 0.0;
    println!(
        "load: product form (14 updates per manager), {} run(s) each{}",
        args.runs,
        if faulty {
            format!(
                ", {:.0} % faults, Telegram's limits on",
                args.faults * 100.0
            )
        } else {
            String::new()
        }
    );
    println!(
        "{:<16} {:>6} {:>10} {:>9} {:>9} {:>9} {:>8} {:>7} {:>9} {:>8} {:>8}",
        "bot",
        "users",
        "updates/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "RSS MB",
        "CPU s",
        "finished",
        "run CPU",
        "bench CPU"
    );
    let mut table: Vec<(String, usize, f64, f64)> = Vec::new();
    let mut prepared = Vec::new();
    for bot in &args.bots {
        match prepare(bot) {
            Some(p) => prepared.push((bot.clone(), p)),
            None => println!("{bot:<16} skipped (cannot be built here)"),
        }
    }
    for &n in &args.users {
        // The bots take turns run by run, so the machine's noise falls on
        // all of them alike.
        let mut runs: Vec<Vec<Run>> = prepared.iter().map(|_| Vec::new()).collect();
        // The first run at a size was always the slowest of its bot, and
        // it always fell on the first bot: this process's fake and
        // managers grow to the size then. One run of each first, not
        // counted, so no bot pays that for the others.
        // A fault run checks what arrived, not how fast: no warm-up.
        let warmup = if faulty { 0 } else { args.warmup };
        for _ in 0..warmup {
            for (bot, prepared) in &prepared {
                let run = run_once(prepared, n, args.faults, false);
                print_run(&format!("{bot} (warm-up)"), n, &run);
            }
        }
        for _ in 0..args.runs {
            for ((bot, prepared), runs) in prepared.iter().zip(&mut runs) {
                let run = run_once(prepared, n, args.faults, args.trace);
                print_run(bot, n, &run);
                if faulty {
                    check_exactly_once(&run, n);
                }
                runs.push(run);
            }
        }
        for ((bot, _), runs) in prepared.iter().zip(&runs) {
            let ups = median(runs.iter().map(|r| r.drive.updates_per_sec()).collect());
            let p99 = median(
                runs.iter()
                    .map(|r| r.drive.latency(0.99).as_secs_f64() * 1000.0)
                    .collect(),
            );
            let rss = median(runs.iter().map(|r| r.rss_kb as f64 / 1024.0).collect());
            let cpu = median(runs.iter().map(|r| r.cpu_s).collect());
            println!(
                "{:<16} {:>6} {:>10.0} {:>9} {:>9} {:>9.0} {:>8.1} {:>7.2}   median of {}",
                bot,
                n,
                ups,
                "",
                "",
                p99,
                rss,
                cpu,
                runs.len()
            );
            table.push((bot.clone(), n, ups, p99));
        }
        // Each run against the other bot's run next to it.
        if let Some(opop) = prepared.iter().position(|(b, _)| b == "opop") {
            for (i, (bot, _)) in prepared.iter().enumerate().filter(|(i, _)| *i != opop) {
                let pairs = runs[opop].iter().zip(&runs[i]);
                let ratios: Vec<f64> = pairs
                    .map(|(a, b)| a.drive.updates_per_sec() / b.drive.updates_per_sec())
                    .collect();
                let shown: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
                println!(
                    "pairs at {n}: opop/{bot}: updates/s {} (median {:.2})",
                    shown.join(" · "),
                    median(ratios.clone())
                );
            }
        }
    }
    for &n in &args.users {
        let Some((_, _, opop_ups, opop_p99)) =
            table.iter().find(|(b, u, _, _)| b == "opop" && *u == n)
        else {
            continue;
        };
        for (bot, _, ups, p99) in table.iter().filter(|(b, u, _, _)| b != "opop" && *u == n) {
            println!(
                "ratio at {n}: opop/{bot}: updates/s {:.2}, p99 {:.2}",
                opop_ups / ups,
                opop_p99 / p99
            );
        }
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn print_run(bot: &str, n: usize, run: &Run) {
    let d = &run.drive;
    println!(
        "{:<16} {:>6} {:>10.0} {:>9.1} {:>9.1} {:>9.1} {:>8.1} {:>7.2} {:>9} {:>8.2} {:>8.2}",
        bot,
        n,
        d.updates_per_sec(),
        d.latency(0.50).as_secs_f64() * 1000.0,
        d.latency(0.95).as_secs_f64() * 1000.0,
        d.latency(0.99).as_secs_f64() * 1000.0,
        run.rss_kb as f64 / 1024.0,
        run.cpu_s,
        format!("{}/{n}", d.finished),
        run.run_cpu_s,
        run.harness_cpu_s,
    );
    for (id, at, why) in d.stuck.iter().take(5) {
        println!("    stuck: manager {id} at step {at}: {why}");
    }
}

/// Every manager finished and got each message once: the same number of
/// messages as the others, none repeated, one ticket confirmation.
fn check_exactly_once(run: &Run, n: usize) {
    let d = &run.drive;
    let mut problems = Vec::new();
    if d.finished != n {
        problems.push(format!("{} of {n} finished", d.finished));
    }
    for (chat, texts) in &d.messages {
        let tickets = texts.iter().filter(|t| t.contains("PRD-")).count();
        let mut sorted = texts.clone();
        sorted.sort();
        sorted.dedup();
        if tickets != 1 || sorted.len() != texts.len() {
            problems.push(format!(
                "chat {chat}: {} messages, {} distinct, {tickets} confirmations",
                texts.len(),
                sorted.len()
            ));
        }
    }
    println!(
        "    exactly once: {}; max {} messages in one second overall ({} over 30), {} to one chat",
        if problems.is_empty() {
            "yes".to_string()
        } else {
            format!("NO ({} problems)", problems.len())
        },
        run.max_overall,
        run.over_overall,
        run.max_chat
    );
    for p in problems.iter().take(10) {
        println!("    {p}");
    }
}

/// How to start a bot under test.
enum Prepared {
    Opop,
    Peer(Vec<String>),
}

fn prepare(bot: &str) -> Option<Prepared> {
    match bot {
        "opop" => Some(Prepared::Opop),
        "teloxide-inmem" | "teloxide-sqlite" => {
            let exe = build_teloxide_peer()?;
            let storage = bot.trim_start_matches("teloxide-").to_string();
            Some(Prepared::Peer(vec![exe.display().to_string(), storage]))
        }
        "aiogram" => {
            let python = aiogram_python()?;
            let script = peers_dir().join("aiogram_form.py");
            Some(Prepared::Peer(vec![
                python.display().to_string(),
                script.display().to_string(),
            ]))
        }
        other => panic!("unknown bot `{other}`"),
    }
}

fn peers_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peers")
}

fn peers_target() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/peers")
}

/// Builds `benches/peers/teloxide-form` (its own crate and lock file).
fn build_teloxide_peer() -> Option<PathBuf> {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(peers_dir().join("teloxide-form/Cargo.toml"))
        .arg("--target-dir")
        .arg(peers_target())
        .status()
        .ok()?;
    status
        .success()
        .then(|| peers_target().join("release/teloxide-form"))
}

/// A virtualenv with aiogram 3 under target/peers, made once.
fn aiogram_python() -> Option<PathBuf> {
    let venv = peers_target().join("aiogram-venv");
    let python = venv.join("bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import aiogram"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ready {
        return Some(python);
    }
    let made = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .is_ok_and(|s| s.success())
        && Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "-r"])
            .arg(peers_dir().join("aiogram-requirements.txt"))
            .status()
            .is_ok_and(|s| s.success());
    made.then_some(python)
}

fn run_once(prepared: &Prepared, n: usize, faults: f64, trace: bool) -> Run {
    let data = tempfile::tempdir().unwrap();
    let users = managers::users(FIRST_USER, n);
    let fake = FakeBotApi::start_blocking(
        TOKEN,
        FakeConfig {
            rate_limits: RateLimits {
                mode: if faults > 0.0 {
                    RateLimitMode::CountOnly
                } else {
                    RateLimitMode::Off
                },
                ..RateLimits::default()
            },
            ..FakeConfig::default()
        },
    );
    let mut child = match prepared {
        Prepared::Opop => {
            seed_profiles(data.path(), &users);
            // BENCH_WRAP="perf record -g -o /tmp/perf.data" profiles the bot.
            let mut cmd = process::opop_command("BENCH_WRAP");
            cmd.arg("run")
                .env("OPOP_DATA_DIR", data.path())
                .env_remove("OPOP_CONFIG");
            if faults == 0.0 {
                // Like the reference bots: no client-side rate limiting
                // (allowed only against a Bot API on loopback).
                cmd.env("OPOP_UNTHROTTLED", "1");
            }
            cmd
        }
        Prepared::Peer(argv) => {
            let mut cmd = Command::new(&argv[0]);
            cmd.args(&argv[1..]).env("PEER_DATA_DIR", data.path());
            cmd
        }
    };
    let mut child: Child = child
        .envs(fake.env())
        .env("RUST_LOG", "error")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("bot starts");
    // Ready when it polls (a long poll is recorded only when it returns).
    let ready = Instant::now();
    while fake.polls_in_flight() == 0 {
        assert!(
            ready.elapsed() < Duration::from_secs(60),
            "the bot never polled"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    if faults > 0.0 {
        let mut random = RandomFaults::new(0x0b0b, faults);
        random.include_get_updates = true;
        fake.set_random_faults(Some(random));
    }
    let (_, cpu_before) = proc_usage(child.id());
    let (_, harness_before) = proc_usage(std::process::id());
    let calls = fake.observe();
    let patience = if faults > 0.0 { 60 } else { 20 };
    let drive = managers::drive(
        &fake,
        &calls,
        &users,
        PRODUCT_FORM,
        Duration::from_secs(patience),
    );
    let (rss_kb, cpu_s) = proc_usage(child.id());
    let (_, harness_after) = proc_usage(std::process::id());
    if std::env::var("BENCH_WRAP").is_ok() {
        // The profiler writes its data on SIGINT and stops the bot.
        let _ = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
    } else {
        let _ = child.kill();
    }
    let _ = child.wait();
    if std::env::var("BENCH_COUNT").is_ok() {
        let mut count = std::collections::BTreeMap::new();
        for c in fake.all_calls() {
            *count.entry(c.method.clone()).or_insert(0) += 1;
        }
        println!(
            "  calls: {count:?}, accepted {}",
            fake_bot_api::ACCEPTED.load(std::sync::atomic::Ordering::Relaxed)
        );
        print_polls(&fake.get_updates_calls());
    }
    if trace {
        for c in fake.all_calls() {
            if c.chat_id == Some(FIRST_USER) {
                println!(
                    "  {:>8.1} ms {} {:?} {}",
                    0.0,
                    c.method,
                    c.param_str("text")
                        .map(|t| t.chars().take(60).collect::<String>()),
                    c.param("reply_markup")
                        .map(|m| m.to_string())
                        .unwrap_or_default()
                );
            }
        }
    }
    Run {
        drive,
        rss_kb,
        cpu_s,
        run_cpu_s: cpu_s - cpu_before,
        harness_cpu_s: harness_after - harness_before,
        max_overall: fake.max_per_second_overall(),
        max_chat: fake.max_per_second_per_chat(),
        over_overall: fake
            .rate_limit_violations()
            .iter()
            .filter(|v| v.rule == "overall_per_sec")
            .count(),
    }
}

/// Peak resident memory (VmHWM, kB) and CPU seconds (user + system) of a
/// running process, read from /proc.
fn proc_usage(pid: u32) -> (u64, f64) {
    let rss = process::status_kb(pid, "VmHWM:");
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces) end with ')'.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|i| fields.get(*i)?.parse::<f64>().ok())
        .sum();
    (rss, ticks / 100.0)
}

/// Registered pesantren for every manager, so /produk goes straight in.
fn seed_profiles(dir: &Path, users: &[fake_bot_api::TestUser]) {
    let store = Store::open(dir).unwrap();
    let now = Timestamp::now();
    // One keyring save for all the new people.
    store
        .bulk(|store| {
            for u in users {
                managers::seed_manager(store, u.id, now);
            }
        })
        .unwrap();
    store.flush().unwrap();
}
