//! Broadcast records: the job, its audience and content, and the
//! per-recipient ledger entry. Plain data shared with the store.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Who receives a broadcast. Inactive users (they blocked the bot) never do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Everyone who uses the bot and has not blocked it.
    All,
    /// Pesantren registered in these regencies/cities.
    Regions(Vec<String>),
    /// Pesantren registered under these pillars (option values).
    Pillars(Vec<String>),
    /// Users whose language is this one.
    Language(Lang),
    /// Pesantren that submitted a product of one of these categories.
    Categories(Vec<String>),
    /// Users who started the bot but registered no pesantren profile.
    NoProfile,
}

/// What is sent: Telegram HTML as the admin wrote it (their formatting
/// kept), optionally a photo, optionally a version for English users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Announcement {
    pub html: String,
    /// The language `html` is written in (the admin's).
    pub lang: Lang,
    #[serde(default)]
    pub html_en: Option<String>,
    #[serde(default)]
    pub photo: Option<String>,
}

impl Announcement {
    /// The text a recipient in `lang` gets.
    pub fn text_for(&self, lang: Lang) -> &str {
        match (&self.html_en, lang) {
            (Some(en), Lang::En) => en,
            _ => &self.html,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    /// Waiting for its time.
    Scheduled,
    /// Recipients are fixed in the ledger; deliveries go out.
    Running,
    Done,
    Cancelled,
}

/// A broadcast job; its recipients are in the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub v: u32,
    /// Assigned by the store.
    pub id: u64,
    pub author: i64,
    /// The admin's private chat, where progress and the report go.
    pub author_chat: i64,
    pub announcement: Announcement,
    pub audience: Audience,
    pub created_at: Timestamp,
    #[serde(default)]
    pub scheduled_at: Option<Timestamp>,
    pub state: JobState,
    #[serde(default)]
    pub started_at: Option<Timestamp>,
    #[serde(default)]
    pub finished_at: Option<Timestamp>,
    /// The admin's message that shows the progress line.
    #[serde(default)]
    pub progress_message: Option<i32>,
    #[serde(default)]
    pub progress_at: Option<Timestamp>,
    /// Started later than scheduled (the bot was down at that time).
    #[serde(default)]
    pub late: bool,
    /// Who cancelled it, when it was cancelled.
    #[serde(default)]
    pub cancelled_by: Option<i64>,
    /// An admin asked to send it again to the recipients whose delivery
    /// was interrupted (they may get it twice); the pump does it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resend: bool,
}

impl Job {
    pub const VERSION: u32 = 1;
}

/// Where one recipient's delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    Pending,
    /// In the outbox, handed to the sender.
    Queued,
    Sent,
    /// Telegram refused it (the reason is kept).
    Failed,
    /// The user blocked the bot (403); they are marked inactive.
    Blocked,
    /// The process stopped while this delivery was on its way: Telegram
    /// may or may not have it, so it is not sent again (never twice).
    Interrupted,
    /// The job was cancelled before it went out.
    Cancelled,
}

/// One recipient of one job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub status: DeliveryStatus,
    pub lang: Lang,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Ledger totals of a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub pending: usize,
    pub queued: usize,
    pub sent: usize,
    pub failed: usize,
    pub blocked: usize,
    pub interrupted: usize,
    pub cancelled: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.pending
            + self.queued
            + self.sent
            + self.failed
            + self.blocked
            + self.interrupted
            + self.cancelled
    }

    /// Not yet settled either way.
    pub fn remaining(&self) -> usize {
        self.pending + self.queued
    }

    pub fn add(&mut self, status: DeliveryStatus) {
        match status {
            DeliveryStatus::Pending => self.pending += 1,
            DeliveryStatus::Queued => self.queued += 1,
            DeliveryStatus::Sent => self.sent += 1,
            DeliveryStatus::Failed => self.failed += 1,
            DeliveryStatus::Blocked => self.blocked += 1,
            DeliveryStatus::Interrupted => self.interrupted += 1,
            DeliveryStatus::Cancelled => self.cancelled += 1,
        }
    }
}

/// Marks an outbox row as one recipient's delivery of a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryRef {
    pub job: u64,
    pub user: i64,
}
