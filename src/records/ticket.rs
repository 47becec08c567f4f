//! Tickets: the submissions staff review (product PRD, mentoring MNT,
//! question QST), their statuses and append-only history. Plain data
//! shared by the engine, the staff module and the store.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Answer, Answers};
use crate::i18n::Lang;

/// The kinds of ticket the staff workflow knows, by their number's prefix
/// (the dialog files declare which dialog makes which).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TicketKind {
    Product,
    Mentoring,
    Question,
}

impl TicketKind {
    pub const ALL: [TicketKind; 3] = [
        TicketKind::Product,
        TicketKind::Mentoring,
        TicketKind::Question,
    ];

    /// `PRD`, `MNT`, `QST`: the start of a ticket number.
    pub fn prefix(self) -> &'static str {
        match self {
            TicketKind::Product => "PRD",
            TicketKind::Mentoring => "MNT",
            TicketKind::Question => "QST",
        }
    }

    pub fn from_prefix(prefix: &str) -> Option<TicketKind> {
        TicketKind::ALL.into_iter().find(|k| k.prefix() == prefix)
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
    /// The submitter's region when they submitted (from their profile),
    /// so the desk can filter tickets by it without opening profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
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

    /// The message ids of every status's name (checked by `opop-bot check`).
    pub fn message_ids() -> impl Iterator<Item = &'static str> {
        TicketStatus::ALL.into_iter().map(TicketStatus::message_id)
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

/// One entry of a ticket's append-only history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: Timestamp,
    /// The staff member (or the submitter) who acted.
    pub by: i64,
    pub status: TicketStatus,
    #[serde(default)]
    pub note: Option<String>,
    /// The actor's display name at the time (staff), for the history.
    #[serde(default)]
    pub by_name: Option<String>,
}

/// A submission: product (PRD), mentoring request (MNT), question (QST).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub v: u32,
    pub number: String,
    pub dialog: String,
    pub user: i64,
    pub chat: i64,
    pub lang: Lang,
    pub answers: Answers,
    pub status: TicketStatus,
    pub history: Vec<HistoryEntry>,
    /// The staff member who took a mentoring request.
    #[serde(default)]
    pub assignee: Option<Staffer>,
    /// The submitter erased their personal data (UU PDP): only the
    /// non-personal content is left, for program statistics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erased_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The submitter's region when they submitted (a region is not
    /// personal: it stays after an erasure). Older tickets have none; the
    /// desk's index reads their submitter's profile instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

impl Ticket {
    pub const VERSION: u32 = 1;

    pub fn new(number: String, new: &NewTicket) -> Self {
        Ticket {
            v: Self::VERSION,
            number,
            dialog: new.dialog.clone(),
            user: new.user,
            chat: new.chat,
            lang: new.lang,
            answers: new.answers.clone(),
            status: TicketStatus::Open,
            history: vec![HistoryEntry {
                at: new.created_at,
                by: new.user,
                status: TicketStatus::Open,
                note: None,
                by_name: None,
            }],
            assignee: None,
            erased_at: None,
            created_at: new.created_at,
            updated_at: new.created_at,
            region: new.region.clone(),
        }
    }

    /// A short headline: the `name` answer, else the first text answer.
    pub fn title(&self) -> String {
        let text = match self.answers.get("name") {
            Some(Answer::Text(t)) => Some(t.as_str()),
            _ => self.answers.values().find_map(|a| match a {
                Answer::Text(t) => Some(t.as_str()),
                _ => None,
            }),
        };
        let text = text.unwrap_or(&self.dialog);
        let mut short: String = text.chars().take(40).collect();
        if text.chars().count() > 40 {
            short.push('…');
        }
        short
    }

    /// The ticket's version for optimistic concurrency: history only grows.
    pub fn version(&self) -> usize {
        self.history.len()
    }

    /// The ticket kind's prefix (`PRD`, `MNT`, `QST`).
    pub fn prefix(&self) -> &str {
        self.number.split('-').next().unwrap_or("")
    }

    /// The ticket's kind, from its number.
    pub fn kind(&self) -> Option<TicketKind> {
        TicketKind::from_prefix(self.prefix())
    }

    /// Records an action: appends to the history and moves the status.
    pub fn record(&mut self, entry: HistoryEntry) {
        self.status = entry.status;
        self.updated_at = entry.at;
        self.history.push(entry);
    }

    /// What is left of a ticket when its submitter erases their personal
    /// data: the structured, non-personal answers (choices, numbers,
    /// yes/no, region), statuses and dates without notes.
    /// An open ticket is cancelled; the erasure is a history entry.
    pub fn erased(&self, now: Timestamp) -> Ticket {
        let mut t = self.clone();
        t.answers.retain(|_, answer| match answer {
            Answer::Choice(_) | Answer::Choices(_) | Answer::Number(_) | Answer::Yes(_) => true,
            // Free text (even a product's name, "Sambal Bu Siti") may name
            // the person: it goes.
            Answer::Region(_) => true,
            _ => false,
        });
        let person = t.user;
        for entry in &mut t.history {
            entry.note = None;
            if entry.by == person {
                entry.by = 0;
            }
        }
        // Always a new entry, so a staff action decided on the ticket before
        // the erasure is refused as stale (the version changed).
        let status = if t.status.is_closed() {
            t.status
        } else {
            TicketStatus::Cancelled
        };
        t.record(HistoryEntry {
            at: now,
            by: 0,
            status,
            note: None,
            by_name: None,
        });
        t.erased_at = Some(now);
        // Not even the Telegram id is left to tie it to the person.
        t.user = 0;
        t.chat = 0;
        t
    }

    /// The newest history entry (every ticket has its creation entry).
    pub fn last_action(&self) -> Option<&HistoryEntry> {
        self.history.last()
    }

    pub fn summary(&self) -> TicketSummary {
        TicketSummary {
            number: self.number.clone(),
            dialog: self.dialog.clone(),
            title: self.title(),
            status: self.status,
            updated_at: self.updated_at,
        }
    }
}

/// A staff member as a ticket remembers them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staffer {
    pub id: i64,
    pub name: String,
}

/// What a staff button (or a reply to its prompt) does to a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffAction {
    Approve,
    Revise,
    Reject,
    Take,
    Schedule,
    Done,
}

impl StaffAction {
    pub const ALL: [StaffAction; 6] = [
        StaffAction::Approve,
        StaffAction::Revise,
        StaffAction::Reject,
        StaffAction::Take,
        StaffAction::Schedule,
        StaffAction::Done,
    ];

    /// The short code in callback data (`s:<code>:<number>`).
    pub fn code(self) -> &'static str {
        match self {
            StaffAction::Approve => "ap",
            StaffAction::Revise => "rv",
            StaffAction::Reject => "rj",
            StaffAction::Take => "tk",
            StaffAction::Schedule => "sc",
            StaffAction::Done => "dn",
        }
    }

    pub fn from_code(code: &str) -> Option<StaffAction> {
        StaffAction::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The status the action leads to.
    pub fn status(self) -> TicketStatus {
        match self {
            StaffAction::Approve => TicketStatus::Approved,
            StaffAction::Revise => TicketStatus::NeedsRevision,
            StaffAction::Reject => TicketStatus::Rejected,
            StaffAction::Take => TicketStatus::Assigned,
            StaffAction::Schedule => TicketStatus::Scheduled,
            StaffAction::Done => TicketStatus::Done,
        }
    }

    /// Whether the staff member must type a reason or a date first.
    pub fn needs_note(self) -> bool {
        matches!(
            self,
            StaffAction::Revise | StaffAction::Reject | StaffAction::Schedule
        )
    }

    /// The actions a ticket of this kind offers in this status.
    pub fn offered(kind: Option<TicketKind>, status: TicketStatus) -> &'static [StaffAction] {
        use TicketStatus as S;
        match (kind, status) {
            (Some(TicketKind::Product), S::Open) => &[
                StaffAction::Approve,
                StaffAction::Revise,
                StaffAction::Reject,
            ],
            (Some(TicketKind::Mentoring), S::Open) => {
                &[StaffAction::Take, StaffAction::Schedule, StaffAction::Done]
            }
            (Some(TicketKind::Mentoring), S::Assigned | S::Scheduled) => {
                &[StaffAction::Schedule, StaffAction::Done]
            }
            _ => &[],
        }
    }
}
