//! Typed records kept in the store. Each carries a format version `v`;
//! a new version adds a migration and never reinterprets old bytes.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::dialog::OutMessage;
use crate::i18n::Lang;

/// What the bot knows about a Telegram user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRecord {
    pub v: u32,
    pub id: i64,
    /// Chosen with /bahasa; `None` follows Telegram's language_code.
    pub lang: Option<Lang>,
    pub language_code: Option<String>,
    pub first_name: Option<String>,
    pub username: Option<String>,
    /// False after the user blocked the bot.
    pub active: bool,
    pub first_seen: Timestamp,
    pub last_seen: Timestamp,
}

impl UserRecord {
    pub const VERSION: u32 = 1;

    pub fn new(id: i64, now: Timestamp) -> Self {
        UserRecord {
            v: Self::VERSION,
            id,
            lang: None,
            language_code: None,
            first_name: None,
            username: None,
            active: true,
            first_seen: now,
            last_seen: now,
        }
    }
}

/// Sending order: conversation replies before broadcast deliveries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Priority {
    Reply = 0,
    Notice = 1,
    Broadcast = 2,
}

/// What an outbox row asks the sender to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutItem {
    Message(OutMessage),
    /// answerCallbackQuery, with a toast text (may be empty).
    CallbackAnswer {
        id: String,
        text: String,
    },
}

/// A message waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: u64,
    pub priority: Priority,
    pub item: OutItem,
    /// The update that caused it, for tracing.
    pub update_id: Option<i64>,
    pub created_at: Timestamp,
    pub attempts: u32,
    /// A broadcast delivery: its ledger entry is settled with the row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<crate::broadcast::DeliveryRef>,
    /// Never written to the outbox, only handed to the sender by the flush
    /// of its transaction: a button press's answer, which is worthless
    /// after a restart (Telegram drops an unanswered query within
    /// seconds), so it does not pay for a write and a removal.
    #[serde(skip)]
    pub transient: bool,
}

impl OutboxRow {
    /// Key: priority byte, then the monotonic id (big-endian), so a scan
    /// yields replies first, oldest first.
    /// The message, unless this row answers a button press.
    pub fn message(&self) -> Option<&OutMessage> {
        match &self.item {
            OutItem::Message(m) => Some(m),
            OutItem::CallbackAnswer { .. } => None,
        }
    }

    pub fn key(&self) -> [u8; 9] {
        let mut k = [0u8; 9];
        k[0] = self.priority as u8;
        k[1..].copy_from_slice(&self.id.to_be_bytes());
        k
    }
}
