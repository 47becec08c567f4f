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
pub use engine::{Context, Lookup, TICKET_PLACEHOLDER, handle};

use crate::i18n::Lang;

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
}

impl OutMessage {
    pub fn new(chat: i64, text: String) -> Self {
        OutMessage {
            chat,
            text,
            keyboard: Keyboard::None,
            edit: None,
            fill_ticket: false,
        }
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

/// A ticket the engine asks the store to create (number assigned there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTicket {
    pub prefix: String,
    pub dialog: String,
    pub user: i64,
    pub chat: i64,
    pub lang: Lang,
    pub answers: Answers,
    pub created_at: Timestamp,
}

/// One of a user's tickets, as /status shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketSummary {
    pub number: String,
    pub dialog: String,
    /// The ticket's headline (product name, mentoring topics...).
    pub title: String,
    pub status: TicketStatus,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    Open,
    Approved,
    NeedsRevision,
    Rejected,
    Assigned,
    Scheduled,
    Done,
    Answered,
    Cancelled,
}

impl TicketStatus {
    pub const ALL: [TicketStatus; 9] = [
        TicketStatus::Open,
        TicketStatus::Approved,
        TicketStatus::NeedsRevision,
        TicketStatus::Rejected,
        TicketStatus::Assigned,
        TicketStatus::Scheduled,
        TicketStatus::Done,
        TicketStatus::Answered,
        TicketStatus::Cancelled,
    ];

    /// The message id of the status's name.
    pub fn message_id(self) -> &'static str {
        match self {
            TicketStatus::Open => "status-open",
            TicketStatus::Approved => "status-approved",
            TicketStatus::NeedsRevision => "status-needs-revision",
            TicketStatus::Rejected => "status-rejected",
            TicketStatus::Assigned => "status-assigned",
            TicketStatus::Scheduled => "status-scheduled",
            TicketStatus::Done => "status-done",
            TicketStatus::Answered => "status-answered",
            TicketStatus::Cancelled => "status-cancelled",
        }
    }

    /// Closed tickets take no more staff actions.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            TicketStatus::Approved
                | TicketStatus::Rejected
                | TicketStatus::Done
                | TicketStatus::Answered
                | TicketStatus::Cancelled
        )
    }
}

/// What the engine decided.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Send(OutMessage),
    SetLanguage(Lang),
    SaveProfile(Profile),
    CreateTicket(NewTicket),
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
