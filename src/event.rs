//! What comes in: one [`Event`] per thing a person did (a message, a
//! button press, a photo), and the [`Delivery`] that carries it with its
//! transport's bookkeeping (update ids, the callback to answer).
//!
//! Vocabulary every side speaks: it imports nothing of the crate. Telegram
//! and the console build these; the deciders read them.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Who is talking, as far as the deciders care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    User,
    Staff,
    Admin,
}

impl Role {
    /// Staff and admins act on tickets.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Staff | Role::Admin)
    }
}

/// One incoming thing from a transport.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub user: i64,
    pub chat: i64,
    /// Telegram's `language_code` of the sender, if any.
    pub language_code: Option<String>,
    pub first_name: Option<String>,
    pub kind: EventKind,
    pub now: Timestamp,
    /// The bot's own message this one answers (Telegram "reply"), in a group.
    pub reply_to: Option<ReplyTo>,
    /// The text (or a photo's caption) with its formatting, as Telegram
    /// HTML; for admins' announcements. `None` when there is no text.
    pub formatted: Option<String>,
}

impl Event {
    /// The message that carried the pressed button, if this is a press.
    pub fn pressed_message(&self) -> Option<i32> {
        match &self.kind {
            EventKind::Button { message_id, .. } => *message_id,
            _ => None,
        }
    }

    /// A private chat (a person's chat with the bot has their id).
    pub fn is_private(&self) -> bool {
        self.chat > 0
    }

    /// A group (Telegram's group and supergroup ids are negative).
    pub fn in_group(&self) -> bool {
        self.chat < 0
    }
}

/// The bot message a user replied to: staff answer a question by replying
/// to its notification, and complete an action by replying to its prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyTo {
    pub message_id: i32,
    /// Its text or caption, as plain text.
    pub text: String,
}

/// Every kind of input the bot can receive. What it cannot use arrives as
/// [`EventKind::Unsupported`] and gets a friendly answer.
#[derive(Debug, Clone, PartialEq)]
pub enum EventKind {
    Text(String),
    /// `/name args`, the name lower-cased and without `@botname`.
    Command {
        name: String,
        args: String,
    },
    /// An inline button press; `message_id` is the message that carried it.
    Button {
        data: String,
        message_id: Option<i32>,
    },
    /// One or more photos (an album arrives as several), as Telegram file ids.
    Photos(Vec<String>),
    /// A shared contact; `own` is true when it is the sender's own number.
    Contact {
        phone: String,
        own: bool,
    },
    Unsupported(MediaKind),
    /// A staff member acting on a ticket from the desk (the web Mini App),
    /// not from a chat.
    Desk(DeskRequest),
}

/// An action on a ticket from the desk: the same as the group's button
/// (and the reply its prompt asks for), decided by the staff side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskRequest {
    pub ticket: String,
    /// A staff action's code (`ap`, `rv`, …, as in the group's buttons),
    /// or `answer` for a question's answer.
    pub action: String,
    /// The reason, date or answer, where the action needs one.
    pub note: Option<String>,
    /// The ticket's version the desk showed: if it changed since, someone
    /// acted first and nothing is done.
    pub version: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Sticker,
    Document,
    Voice,
    Video,
    Location,
    Other,
}

/// One event as a transport delivered it: built once (in
/// `telegram::update`, or by the console) and passed unchanged to
/// `App::handle` and the store's transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub event: Event,
    /// Telegram's update id: marked processed in the event's transaction,
    /// so a redelivered update changes nothing. `None` for the console.
    pub update_id: Option<i64>,
    /// Further updates folded into this event (the photos of an album).
    pub more_updates: Vec<i64>,
    /// The button press's callback query, answered with the outcome's toast.
    pub callback: Option<String>,
    /// The sender's Telegram @username, kept on their user record.
    pub username: Option<String>,
    /// Photos of one album share this id (several updates, one step).
    pub media_group: Option<String>,
}

impl Delivery {
    /// An event with no transport bookkeeping (the console, tests).
    pub fn new(event: Event) -> Delivery {
        Delivery {
            event,
            update_id: None,
            more_updates: Vec::new(),
            callback: None,
            username: None,
            media_group: None,
        }
    }

    pub fn with_update(mut self, update_id: i64) -> Delivery {
        self.update_id = Some(update_id);
        self
    }

    pub fn with_username(mut self, username: Option<&str>) -> Delivery {
        self.username = username.map(str::to_string);
        self
    }

    /// Every update id this delivery settles: its own and the folded ones.
    pub fn update_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.update_id
            .iter()
            .chain(self.more_updates.iter())
            .copied()
    }
}
