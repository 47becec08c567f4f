//! Shared by the benchmarks that start the real binary: which build, how
//! (optionally under a profiler), and what /proc says of it.
#![allow(dead_code)]

use std::process::Command;

/// The opop-bot binary to measure: this build, or `OPOP_BENCH_BIN` (an
/// A/B against another build, run after run in one invocation).
pub fn opop_binary() -> String {
    std::env::var("OPOP_BENCH_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_opop-bot").to_string())
}

/// The binary, run under the command in `wrap_var` when it is set
/// (`BENCH_WRAP="perf record -g -o /tmp/perf.data"` profiles the bot).
pub fn opop_command(wrap_var: &str) -> Command {
    match std::env::var(wrap_var) {
        Ok(wrap) => {
            let mut words = wrap.split_whitespace();
            let mut cmd = Command::new(words.next().expect("a command"));
            cmd.args(words).arg("--").arg(opop_binary());
            cmd
        }
        Err(_) => Command::new(opop_binary()),
    }
}

/// A `kB` field of `/proc/<pid>/status` (`VmRSS:`, `VmHWM:`); 0 if absent.
pub fn status_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
