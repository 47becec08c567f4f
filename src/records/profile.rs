//! A person: their user record (what Telegram told us and their choices)
//! and their pesantren profile (the result of registration).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::Answers;
use crate::i18n::Lang;

/// A pesantren profile, the result of the registration dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub v: u32,
    pub user: i64,
    pub answers: Answers,
    /// Proof of consent (UU PDP): when, and which notice version.
    pub consent_at: Option<Timestamp>,
    pub consent_notice: u32,
    pub updated_at: Timestamp,
}

impl Profile {
    pub const VERSION: u32 = 1;

    pub fn text(&self, field: &str) -> Option<&str> {
        self.answers.get(field)?.as_text()
    }
}

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

    /// The language the bot speaks to them in: their choice, else
    /// Telegram's language_code, else Indonesian.
    pub fn speaks(&self) -> Lang {
        self.lang
            .unwrap_or_else(|| Lang::negotiate(self.language_code.as_deref()))
    }
}
