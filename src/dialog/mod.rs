//! The dialog engine: a pure function from (content, the chat's session, an
//! event, the user's role and records) to an [`Outcome`]: the next session
//! and the effects to carry out (messages, a saved profile, a new ticket).
//!
//! Owns: the conversation rules (commands, menus, forms, validation,
//! re-prompts, back, cancel, edit from the summary, the 24 h idle offer).
//! Must not: do I/O, read the clock (time comes in the [`Event`]), or know
//! any Telegram or teloxide type. Every word it produces comes from the
//! locales through [`crate::i18n`].

pub mod definition;
mod engine;
pub mod input;

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use definition::{Dialog, Input, Step, Submit};
pub use engine::{Context, Lookup, TICKET_PLACEHOLDER, answer_lines, display_answer, handle};

use crate::i18n::Lang;
pub use crate::ticket::{HistoryEntry, NewTicket, Staffer, Ticket, TicketStatus, TicketSummary};

/// Who is talking, as far as the engine cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    User,
    Staff,
    Admin,
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

/// An inline keyboard button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Button {
    pub label: String,
    pub data: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Keyboard {
    #[default]
    None,
    Inline(Vec<Vec<Button>>),
    /// A reply keyboard with one "share my phone number" button.
    RequestContact {
        label: String,
    },
    /// Asks the client to reply to this message (staff reasons and dates);
    /// only the people mentioned in the text are asked.
    ForceReply {
        placeholder: String,
    },
}

/// A message the bot decided to send (or an edit of one it sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutMessage {
    pub chat: i64,
    /// Telegram HTML; user text inside is escaped.
    pub text: String,
    #[serde(default)]
    pub keyboard: Keyboard,
    /// Edit this earlier message instead of sending a new one.
    #[serde(default)]
    pub edit: Option<i32>,
    /// The text holds [`TICKET_PLACEHOLDER`], to be replaced by the number
    /// the store assigns in the same transaction.
    #[serde(default)]
    pub fill_ticket: bool,
    /// Photos (Telegram file ids) sent as an album, with `text` as the
    /// caption of the first; such a message carries no keyboard.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<String>,
    /// A file made when the message is sent; `text` is its caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Attachment>,
}

/// Files the sender makes at sending time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attachment {
    /// The spreadsheet export (`/ekspor`), as of sending.
    Export,
}

impl OutMessage {
    pub fn new(chat: i64, text: String) -> Self {
        OutMessage {
            chat,
            text,
            keyboard: Keyboard::None,
            edit: None,
            fill_ticket: false,
            media: Vec::new(),
            attachment: None,
        }
    }

    pub fn with_keyboard(mut self, keyboard: Keyboard) -> Self {
        self.keyboard = keyboard;
        self
    }

    pub fn buttons(&self) -> &[Vec<Button>] {
        match &self.keyboard {
            Keyboard::Inline(rows) => rows,
            _ => &[],
        }
    }
}

/// One typed answer of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    Number(i64),
    Choice(String),
    Choices(Vec<String>),
    Yes(bool),
    Phone(String),
    Email(String),
    Photos(Vec<String>),
    Region(String),
    Consent(Timestamp),
    Skipped,
}

impl Answer {
    /// The plain value a `when` condition compares with.
    pub fn matches(&self, value: &str) -> bool {
        match self {
            Answer::Choice(v) | Answer::Text(v) | Answer::Region(v) => v == value,
            Answer::Choices(vs) => vs.iter().any(|v| v == value),
            Answer::Yes(b) => (value == "yes") == *b,
            Answer::Number(n) => n.to_string() == value,
            _ => false,
        }
    }
}

pub type Answers = BTreeMap<String, Answer>;

/// What a chat is in the middle of. Stored per chat; serde with a format
/// version so that old sessions are migrated, never misread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Session {
    pub v: u32,
    /// Increases whenever the bot shows new form buttons; a press carrying
    /// an older stamp belongs to a message the dialog has moved on from.
    pub stamp: u32,
    pub last_active: Option<Timestamp>,
    pub form: Option<Form>,
    /// The last free-text question, for "ask the staff" and 👎 records.
    #[serde(default)]
    pub last_question: Option<String>,
    /// A staff action waiting for its reason or date (staff chat sessions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<PendingAction>,
    /// An admin's broadcast being composed (/siaran).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broadcast: Option<crate::broadcast::Draft>,
}

/// A staff review action that needs a typed reason or date, asked with a
/// ForceReply prompt; the staff member's reply completes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingAction {
    pub ticket: String,
    pub action: crate::ticket::StaffAction,
    /// The notification message to edit afterwards.
    pub notice: Option<i32>,
    /// The ticket's version when the button was pressed.
    pub version: usize,
    /// When the button was pressed; an old prompt no longer takes replies.
    #[serde(default)]
    pub at: Option<Timestamp>,
}

impl Session {
    pub const VERSION: u32 = 1;
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Form {
    pub dialog: String,
    /// The step being asked (meaningful in [`Phase::Asking`]).
    pub step: String,
    pub answers: Answers,
    /// Steps answered, in order, for going back.
    pub trail: Vec<String>,
    pub phase: Phase,
    /// Answering one field from the summary: afterwards, back to it.
    #[serde(default)]
    pub editing: bool,
    /// The "continue or start over?" question is pending.
    #[serde(default)]
    pub idle_offer: bool,
    #[serde(default)]
    pub draft: Draft,
    /// Resubmission of an existing ticket (keeps its number).
    #[serde(default)]
    pub ticket: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    Asking,
    Summary,
    ChooseEdit,
}

/// Partial input of the current step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Draft {
    #[serde(default)]
    pub selected: Vec<String>,
    #[serde(default)]
    pub photos: Vec<String>,
    #[serde(default)]
    pub region_choices: Vec<String>,
}

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
        match self.answers.get(field)? {
            Answer::Text(s) | Answer::Region(s) | Answer::Choice(s) | Answer::Phone(s) => Some(s),
            _ => None,
        }
    }
}

/// What /privasi shows besides the profile and tickets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrivacyFacts {
    pub first_name: Option<String>,
    pub username: Option<String>,
    pub first_seen: Option<Timestamp>,
    /// FAQ questions kept for the staff (unanswered or 👎).
    pub faq_questions: usize,
}

/// What the engine decided.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Send(OutMessage),
    SetLanguage(Lang),
    SaveProfile(Profile),
    CreateTicket(NewTicket),
    /// Saves a changed ticket if nobody changed it since it was read
    /// (`expected` is the version read); otherwise the whole outcome is
    /// dropped and the event handled again on fresh data.
    UpdateTicket {
        ticket: Ticket,
        expected: usize,
    },
    /// The user erased their personal data (/hapusdata): profile, user
    /// record and session go, tickets keep only non-personal content.
    EraseUser(i64),
    /// An admin made this group the staff chat (/grupstaf).
    SetStaffChat(i64),
    /// A new broadcast job (the store assigns its id).
    CreateBroadcast(crate::broadcast::Job),
    /// An admin cancelled a scheduled or running broadcast.
    CancelBroadcast {
        job: u64,
        by: i64,
    },
    /// A FAQ question the bot could not answer, or feedback on an answer,
    /// kept for the staff digest so editors see what to add.
    LogFaq(FaqLog),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaqLogKind {
    Unanswered,
    Helpful,
    Unhelpful,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaqLog {
    pub at: Timestamp,
    pub user: i64,
    pub lang: Lang,
    pub kind: FaqLogKind,
    /// The entry the feedback is about.
    pub entry: Option<String>,
    /// The question as typed (for unanswered and 👎).
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub session: Session,
    pub effects: Vec<Effect>,
    /// Short text for the button press's answerCallbackQuery.
    pub toast: Option<String>,
}

impl Outcome {
    pub fn messages(&self) -> impl Iterator<Item = &OutMessage> {
        self.effects.iter().filter_map(|e| match e {
            Effect::Send(m) => Some(m),
            _ => None,
        })
    }
}
