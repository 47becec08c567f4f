//! Records: the plain data the store persists and the deciders read and
//! return — sessions and forms, people and profiles, tickets, broadcast
//! jobs and their ledger, FAQ records, what staff taught the FAQ.
//!
//! Owns: the shapes and their serde format (each stored record carries a
//! version `v`; a new version adds a migration in `store` and never
//! reinterprets old bytes), and the rules that are about the data alone
//! (a ticket's history and version, which staff actions a ticket offers,
//! what erasure leaves of a ticket). Must not: decide conversations, read
//! the store or format text.

mod answer;
mod broadcast;
mod faq_log;
pub mod learned;
mod profile;
mod session;
mod ticket;

pub use answer::{Answer, Answers};
pub use broadcast::{
    Announcement, Audience, Counts, DeliveryRef, DeliveryStatus, Job, JobState, LedgerEntry,
};
pub use faq_log::{FaqLog, FaqLogKind};
pub use learned::{Learned, Teach};
pub use profile::{Profile, UserRecord};
pub use session::{
    BroadcastDraft, Form, PendingAction, Phase, PickKind, Session, Stage, StepDraft,
};
pub use ticket::{
    HistoryEntry, NewTicket, StaffAction, Staffer, Ticket, TicketKind, TicketStatus, TicketSummary,
};
