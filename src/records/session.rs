//! What a chat is in the middle of: the form being filled in, a staff
//! action waiting for its reason, an announcement being composed.
//! Stored per (chat, user); serde with a format version so that old
//! sessions are migrated, never misread.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Announcement, Answers, Audience, StaffAction};

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
    pub broadcast: Option<BroadcastDraft>,
}

impl Session {
    pub const VERSION: u32 = 1;

    /// Stamps the session as seen at `now`, in the current format.
    pub fn touch(&mut self, now: Timestamp) {
        self.last_active = Some(now);
        self.v = Session::VERSION;
    }
}

/// A staff review action that needs a typed reason or date, asked with a
/// ForceReply prompt; the staff member's reply completes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingAction {
    pub ticket: String,
    pub action: StaffAction,
    /// The notification message to edit afterwards.
    pub notice: Option<i32>,
    /// The ticket's version when the button was pressed.
    pub version: usize,
    /// When the button was pressed; an old prompt no longer takes replies.
    #[serde(default)]
    pub at: Option<Timestamp>,
}

/// A dialog being filled in.
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
    /// Partial input of the current step.
    #[serde(default)]
    pub draft: StepDraft,
    /// Resubmission of an existing ticket (keeps its number).
    #[serde(default)]
    pub ticket: Option<String>,
}

impl Form {
    /// A form at the first step of `dialog`, nothing answered.
    pub fn start(dialog: &str, first_step: &str) -> Form {
        Form {
            dialog: dialog.to_string(),
            step: first_step.to_string(),
            answers: Answers::new(),
            trail: Vec::new(),
            phase: Phase::Asking,
            editing: false,
            idle_offer: false,
            draft: StepDraft::default(),
            ticket: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    Asking,
    Summary,
    ChooseEdit,
}

/// Partial input of the current step: options ticked so far, photos
/// received so far, the regions a typo could mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct StepDraft {
    #[serde(default)]
    pub selected: Vec<String>,
    #[serde(default)]
    pub photos: Vec<String>,
    #[serde(default)]
    pub region_choices: Vec<String>,
}

/// A broadcast being composed, kept in the admin's session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BroadcastDraft {
    pub stage: Stage,
    #[serde(default)]
    pub announcement: Option<Announcement>,
    #[serde(default)]
    pub audience: Option<Audience>,
    /// Options ticked so far in a multi-select (region, pillar, category).
    #[serde(default)]
    pub picked: Vec<String>,
}

/// Where composing a broadcast stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Waiting for the text or photo.
    Content,
    /// The audience menu is shown.
    Audience,
    Pick(PickKind),
    /// Preview shown; send, schedule, add English, or cancel.
    Preview,
    /// Waiting for the English version.
    English,
    /// Waiting for a date and time.
    Schedule,
}

/// The multi-selects of the audience menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PickKind {
    Region,
    Pillar,
    Category,
}
