//! What goes out: a decider's [`Outcome`] (the next session, the
//! [`Effect`]s to carry out, a button's toast) and the [`OutMessage`]s it
//! sends, with their keyboards.
//!
//! Vocabulary every side speaks: it names records (a ticket to create, a
//! profile to save) and imports nothing that decides or stores.

use serde::{Deserialize, Serialize};

use crate::button_data::ButtonData;
use crate::i18n::Lang;
use crate::records::{FaqLog, Job, Learned, NewTicket, Profile, Session, Ticket};

/// Stands in for the ticket number in a confirmation text until the store
/// has assigned it (in the same transaction). User text never contains it:
/// input is cleaned of private-use characters.
pub const TICKET_PLACEHOLDER: &str = "\u{E000}TICKET\u{E000}";

/// An inline keyboard button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Button {
    pub label: String,
    /// Callback data, as [`ButtonData`] writes it (empty for a link).
    pub data: String,
    /// A button that opens something instead of calling back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<ButtonLink>,
}

/// What a link button opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ButtonLink {
    /// A web page (or a `t.me` link).
    Url(String),
    /// A Mini App, inside Telegram (private chats only).
    WebApp(String),
}

impl Button {
    pub fn new(label: String, data: &ButtonData) -> Button {
        Button {
            label,
            data: data.to_string(),
            link: None,
        }
    }

    /// A button opening `link`.
    pub fn link(label: String, link: ButtonLink) -> Button {
        Button {
            label,
            data: String::new(),
            link: Some(link),
        }
    }
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

impl Keyboard {
    /// Inline rows, or no keyboard when there are none.
    pub fn inline_or_none(rows: Vec<Vec<Button>>) -> Keyboard {
        if rows.iter().all(Vec::is_empty) {
            Keyboard::None
        } else {
            Keyboard::Inline(rows)
        }
    }
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
    /// What this message to the staff shows (a ticket, the export), so the
    /// messages can be found again: an erasure edits or deletes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<CopyOf>,
}

/// What a message to the staff is a copy of.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CopyOf {
    /// A ticket's notice or /tiket view (its album too).
    Ticket(String),
    /// The /ekspor workbook: everyone's data.
    Export,
}

impl CopyOf {
    /// The key its sent messages are kept under.
    pub fn key(&self) -> String {
        match self {
            CopyOf::Ticket(number) => format!("t:{number}"),
            CopyOf::Export => "export".to_string(),
        }
    }
}

/// A message the bot sent that shows personal data: where it is and what
/// kind, so an erasure can edit (text) or delete (photos, documents) it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentCopy {
    pub chat: i64,
    pub message_id: i32,
    pub kind: SentKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentKind {
    Text,
    Media,
    Document,
}

/// Files the sender makes at sending time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attachment {
    /// The spreadsheet export (`/ekspor`), as of sending.
    Export,
    /// The daily digest's chart of the weeks' submissions, a picture drawn
    /// when it is sent, after the message's text.
    DigestChart,
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
            copy_of: None,
        }
    }

    /// Marks the message as a copy of `of` (see [`CopyOf`]).
    pub fn copy_of(mut self, of: CopyOf) -> Self {
        self.copy_of = Some(of);
        self
    }

    pub fn with_keyboard(mut self, keyboard: Keyboard) -> Self {
        self.keyboard = keyboard;
        self
    }

    /// An edit of the earlier message `edit` (or a new message if `None`).
    pub fn editing(mut self, edit: Option<i32>) -> Self {
        self.edit = edit;
        self
    }

    pub fn buttons(&self) -> &[Vec<Button>] {
        match &self.keyboard {
            Keyboard::Inline(rows) => rows,
            _ => &[],
        }
    }

    /// Puts the number the store just assigned into a confirmation (its
    /// text and button data).
    pub fn fill_ticket_number(&mut self, number: &str) {
        self.text = self.text.replace(TICKET_PLACEHOLDER, number);
        if let Some(CopyOf::Ticket(of)) = &mut self.copy_of {
            *of = of.replace(TICKET_PLACEHOLDER, number);
        }
        if let Keyboard::Inline(rows) = &mut self.keyboard {
            for button in rows.iter_mut().flatten() {
                button.data = button.data.replace(TICKET_PLACEHOLDER, number);
            }
        }
        self.fill_ticket = false;
    }
}

/// What a decider decided.
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
    CreateBroadcast(Job),
    /// An admin cancelled a scheduled or running broadcast.
    CancelBroadcast {
        job: u64,
        by: i64,
    },
    /// An admin asked to send a finished broadcast again to its
    /// interrupted recipients.
    ResendInterrupted {
        job: u64,
    },
    /// A FAQ question the bot could not answer, or feedback on an answer,
    /// kept for the staff digest so editors see what to add.
    LogFaq(FaqLog),
    /// Deletes a message the bot sent (an erased person's photos, an
    /// export) where it cannot be edited.
    DeleteMessage {
        chat: i64,
        message_id: i32,
    },
    /// Staff taught the FAQ a question (and answer) from a QST ticket; the
    /// FAQ takes it in as soon as it is written.
    Learn(Learned),
    /// Staff removed what was taught from this ticket.
    Unlearn {
        ticket: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub session: Session,
    pub effects: Vec<Effect>,
    /// Short text for the button press's answerCallbackQuery.
    pub toast: Option<String>,
}

impl Outcome {
    /// Nothing to do (an update handled before).
    pub fn nothing() -> Outcome {
        Outcome {
            session: Session::default(),
            effects: Vec::new(),
            toast: None,
        }
    }

    /// Whether the outcome creates or changes tickets.
    pub fn changes_tickets(&self) -> bool {
        self.effects.iter().any(|e| {
            matches!(
                e,
                Effect::CreateTicket(_) | Effect::UpdateTicket { .. } | Effect::EraseUser(_)
            )
        })
    }

    /// Whether the outcome changes what the FAQ was taught.
    pub fn teaches(&self) -> bool {
        self.effects
            .iter()
            .any(|e| matches!(e, Effect::Learn(_) | Effect::Unlearn { .. }))
    }

    pub fn messages(&self) -> impl Iterator<Item = &OutMessage> {
        self.effects.iter().filter_map(|e| match e {
            Effect::Send(m) => Some(m),
            _ => None,
        })
    }

    /// The person whose data this outcome erases, if any.
    pub fn erasure(&self) -> Option<i64> {
        self.effects.iter().find_map(|e| match e {
            Effect::EraseUser(user) => Some(*user),
            _ => None,
        })
    }
}
