//! Telegram's flood limits, kept where each message starts on the wire:
//! at most 30 messages a second overall, one a second to a chat, 20 a
//! minute to a group; after a 429, no message until its `retry_after` is
//! over.
//!
//! Why not teloxide's `Throttle` (used until the fault campaign of issue
//! 8): it lets messages go on a 250 ms tick, each tick releasing all the
//! second's budget at once, and after a 429 freeze its window of the last
//! second is empty, so it releases a full second's worth together. At the
//! receiving end two such bursts a second apart (by its clock) overlapped:
//! 34 and 48 messages in one second in two of four fault runs. Here each
//! message gets its own slot, [`SPACING`] after the one before, so the
//! overall rate is even whatever happened before (a freeze, a quiet
//! spell), and a message to a chat starts [`PER_CHAT`] after that chat's
//! last one.
//!
//! Edits and callback answers are neither counted nor paused (as in
//! `Throttle`; the limits are on messages): a 429 to one of them delays
//! only that call, which the sender retries after its `retry_after`.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use tokio::time::Instant;

/// Time between two messages overall: 28.5 a second. Even spacing puts at
/// most 29 starts into any second, and a few tens of milliseconds of
/// network jitter still leave Telegram at 30 or fewer.
pub const SPACING: Duration = Duration::from_nanos(1_000_000_000 * 2 / 57);
/// Time between two messages to one chat: a second, and a margin for
/// jitter (Telegram counts arrivals, we count starts).
pub const PER_CHAT: Duration = Duration::from_millis(1_050);
/// A slot woken later than this is given up for a new one: starting it
/// would crowd the slots after it (at most one start moves by less, so
/// no second holds more than 30).
const LATE: Duration = Duration::from_nanos(1_000_000_000 / 57);
/// Messages a group may get in [`GROUP_WINDOW`].
pub const GROUP_PER_WINDOW: usize = 20;
/// A minute, and a margin for jitter.
pub const GROUP_WINDOW: Duration = Duration::from_secs(61);
/// Chats not written to for this long are forgotten.
const FORGET_AFTER: Duration = GROUP_WINDOW;

/// The limits shared by every delivery; `off` for benchmarks on loopback.
#[derive(Debug)]
pub struct Limiter {
    state: Option<Mutex<State>>,
}

#[derive(Debug)]
struct State {
    /// When the next message may start (overall).
    next_slot: Instant,
    /// No call before this (a 429's retry_after).
    paused_until: Instant,
    /// Per chat: when its recent messages start(ed); groups keep
    /// [`GROUP_PER_WINDOW`], private chats the last one.
    chats: HashMap<i64, VecDeque<Instant>>,
    /// Permits handed out since the map was last pruned.
    since_prune: usize,
}

impl Limiter {
    /// Telegram's limits.
    pub fn telegram() -> Self {
        let now = Instant::now();
        Limiter {
            state: Some(Mutex::new(State {
                next_slot: now,
                paused_until: now,
                chats: HashMap::new(),
                since_prune: 0,
            })),
        }
    }

    /// No limits at all (`OPOP_UNTHROTTLED`, loopback only).
    pub fn off() -> Self {
        Limiter { state: None }
    }

    /// Waits until a message to `chat` may start, and counts it as started.
    pub async fn message(&self, chat: i64) {
        let Some(state) = &self.state else { return };
        loop {
            let (at, taken) = {
                let mut s = lock(state);
                s.reserve(chat, Instant::now())
            };
            tokio::time::sleep_until(at).await;
            if taken {
                let mut s = lock(state);
                let now = Instant::now();
                // A 429 that came meanwhile voids the slot: wait it out
                // and take a new one, so what waited does not go at once.
                // So does waking late (a busy machine): the slots that
                // passed meanwhile would all start together.
                if s.paused_until > now || now > at + LATE {
                    s.void(chat, at);
                    continue;
                }
                s.started(chat, at, now);
                return;
            }
        }
    }

    /// Telegram answered a message with 429: no message for `retry_after`.
    pub fn pause(&self, retry_after: Duration) {
        let Some(state) = &self.state else { return };
        let mut s = lock(state);
        let until = Instant::now() + retry_after;
        if until > s.paused_until {
            tracing::warn!(
                wait_ms = retry_after.as_millis() as u64,
                "Telegram asked to slow down; pausing all messages"
            );
            s.paused_until = until;
        }
    }
}

/// The limiter's state, also after a panic while it was held (it is
/// never left half-changed).
fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

impl State {
    /// The message of `chat`'s slot `at` starts at `now`: the chat's
    /// limits count from when it really started.
    fn started(&mut self, chat: i64, at: Instant, now: Instant) {
        if let Some(t) = self.chats.get_mut(&chat).and_then(|s| s.back_mut()) {
            if *t == at {
                *t = now;
            }
        }
    }

    /// The slot `at` of `chat` was given up: it does not count for the
    /// chat (the overall spacing only gets wider).
    fn void(&mut self, chat: i64, at: Instant) {
        if let Some(sent) = self.chats.get_mut(&chat) {
            if sent.back() == Some(&at) {
                sent.pop_back();
            }
        }
    }

    /// When `chat` may next get a message: `(at, true)` is a slot taken
    /// (start at `at`); `(at, false)` means ask again at `at`.
    fn reserve(&mut self, chat: i64, now: Instant) -> (Instant, bool) {
        let mut ready = self.paused_until.max(now);
        if let Some(sent) = self.chats.get(&chat) {
            if let Some(last) = sent.back() {
                ready = ready.max(*last + PER_CHAT);
            }
            if chat < 0 && sent.len() >= GROUP_PER_WINDOW {
                ready = ready.max(sent[sent.len() - GROUP_PER_WINDOW] + GROUP_WINDOW);
            }
        }
        if ready > now {
            return (ready, false);
        }
        let at = self.next_slot.max(now);
        self.next_slot = at + SPACING;
        let keep = if chat < 0 { GROUP_PER_WINDOW } else { 1 };
        let sent = self.chats.entry(chat).or_default();
        sent.push_back(at);
        while sent.len() > keep {
            sent.pop_front();
        }
        self.since_prune += 1;
        if self.since_prune >= 1024 {
            self.since_prune = 0;
            self.chats
                .retain(|_, sent| sent.back().is_some_and(|t| *t + FORGET_AFTER > now));
        }
        (at, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Start times of `n` messages per chat for `chats`, all asked at once.
    async fn starts(limiter: Arc<Limiter>, chats: &[i64], n: usize) -> Vec<(i64, Instant)> {
        let mut tasks = tokio::task::JoinSet::new();
        for &chat in chats {
            let limiter = Arc::clone(&limiter);
            tasks.spawn(async move {
                let mut out = Vec::new();
                for _ in 0..n {
                    limiter.message(chat).await;
                    out.push((chat, Instant::now()));
                }
                out
            });
        }
        let mut all = Vec::new();
        while let Some(r) = tasks.join_next().await {
            all.extend(r.unwrap());
        }
        all.sort_by_key(|(_, t)| *t);
        all
    }

    /// One message to each of chats `1..=n`, started in the background.
    fn spawn_starts(
        limiter: &Arc<Limiter>,
        n: i64,
    ) -> tokio::task::JoinHandle<Vec<(i64, Instant)>> {
        let limiter = Arc::clone(limiter);
        let chats: Vec<i64> = (1..=n).collect();
        tokio::spawn(async move { starts(limiter, &chats, 1).await })
    }

    fn times(all: &[(i64, Instant)]) -> Vec<Instant> {
        all.iter().map(|(_, t)| *t).collect()
    }

    /// Every start at least a spacing after the one before (tokio's
    /// timers wake on whole milliseconds).
    fn assert_spaced(times: &[Instant]) {
        for pair in times.windows(2) {
            let gap = pair[1] - pair[0];
            assert!(gap >= SPACING - Duration::from_millis(1), "{gap:?}");
        }
    }

    fn max_in(times: &[Instant], window: Duration) -> usize {
        let mut best = 0;
        let mut lo = 0;
        for hi in 0..times.len() {
            while times[hi] - times[lo] >= window {
                lo += 1;
            }
            best = best.max(hi - lo + 1);
        }
        best
    }

    #[tokio::test(start_paused = true)]
    async fn a_crowd_of_chats_is_spaced_evenly_under_30_a_second() {
        let chats: Vec<i64> = (1..=200).collect();
        let t0 = Instant::now();
        let all = starts(Arc::new(Limiter::telegram()), &chats, 2).await;
        let times = times(&all);
        assert_eq!(times.len(), 400);
        assert_eq!(max_in(&times, Duration::from_secs(1)), 29);
        assert_spaced(&times);
        // 400 messages at 28.5/s: 14 s, not more.
        let took = *times.last().unwrap() - t0;
        assert!(took < Duration::from_millis(14_100), "{took:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn one_chat_gets_one_message_a_second() {
        let all = starts(Arc::new(Limiter::telegram()), &[7], 5).await;
        for pair in all.windows(2) {
            assert!(pair[1].1 - pair[0].1 >= PER_CHAT);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_group_gets_twenty_a_minute() {
        let all = starts(Arc::new(Limiter::telegram()), &[-1_001_234_567_890], 25).await;
        let times = times(&all);
        assert_eq!(max_in(&times, Duration::from_secs(60)), 20);
        // The 21st waits for the first to leave the minute.
        assert!(times[20] - times[0] >= GROUP_WINDOW);
        assert!(times[19] - times[0] < Duration::from_secs(22));
    }

    #[tokio::test(start_paused = true)]
    async fn after_a_429_nothing_goes_until_it_is_over_and_then_no_burst() {
        let limiter = Arc::new(Limiter::telegram());
        let t0 = Instant::now();
        limiter.pause(Duration::from_secs(2));
        let chats: Vec<i64> = (1..=60).collect();
        let all = starts(Arc::clone(&limiter), &chats, 1).await;
        let times = times(&all);
        assert!(times[0] - t0 >= Duration::from_secs(2));
        assert_eq!(max_in(&times, Duration::from_secs(1)), 29);
    }

    #[tokio::test(start_paused = true)]
    async fn a_pause_while_waiting_voids_the_slot() {
        let limiter = Arc::new(Limiter::telegram());
        // Fill the next second with slots, then pause: the late ones must
        // wait for the pause, not go at their old slots.
        let task = spawn_starts(&limiter, 40);
        tokio::time::sleep(Duration::from_millis(300)).await;
        let paused_at = Instant::now();
        limiter.pause(Duration::from_secs(3));
        let mut late = times(&task.await.unwrap());
        late.retain(|t| *t > paused_at);
        assert!(!late.is_empty());
        assert!(
            late.iter()
                .all(|t| *t >= paused_at + Duration::from_secs(3))
        );
        assert!(max_in(&late, Duration::from_secs(1)) <= 29);
    }

    #[tokio::test(start_paused = true)]
    async fn messages_woken_late_do_not_start_together() {
        let limiter = Arc::new(Limiter::telegram());
        let task = spawn_starts(&limiter, 12);
        for _ in 0..20 {
            tokio::task::yield_now().await;
        }
        // The clock jumps while every slot waits, as when a busy machine
        // wakes the bot late: the slots that passed must not all go now.
        tokio::time::advance(Duration::from_millis(300)).await;
        let all = task.await.unwrap();
        let times = times(&all);
        assert_eq!(times.len(), 12);
        assert_spaced(&times);
    }

    #[tokio::test(start_paused = true)]
    async fn off_never_waits() {
        let limiter = Limiter::off();
        limiter.pause(Duration::from_secs(5));
        let t0 = Instant::now();
        for _ in 0..100 {
            limiter.message(1).await;
        }
        assert_eq!(Instant::now(), t0);
    }
}
