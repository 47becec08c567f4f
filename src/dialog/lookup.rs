//! What the engine may read from the store: a user's tickets for /status,
//! one ticket for a resubmission, the facts /privasi shows. Read-only, and
//! narrow, so every conversation can be tested against a stand-in.

use jiff::Timestamp;

use crate::records::{Ticket, TicketSummary};
use crate::store::Store;

/// Read-only questions the engine may ask the store.
pub trait Lookup {
    /// The user's tickets, newest first.
    fn tickets_of(&self, user: i64) -> Vec<TicketSummary>;
    /// One ticket by number.
    fn ticket(&self, number: &str) -> Option<Ticket>;
    /// What is stored about a user besides profile and tickets (/privasi).
    fn privacy(&self, user: i64) -> PrivacyFacts;
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

/// A read that failed is logged and reads as nothing: the conversation
/// goes on (the person sees "no tickets", never an error).
fn logged<T: Default>(what: &str, read: Result<T, crate::store::StoreError>) -> T {
    read.unwrap_or_else(|e| {
        tracing::error!(error = %e, "cannot read {what}");
        T::default()
    })
}

impl Lookup for Store {
    fn tickets_of(&self, user: i64) -> Vec<TicketSummary> {
        logged("a user's tickets", self.tickets_of_user(user))
            .iter()
            .map(Ticket::summary)
            .collect()
    }

    fn ticket(&self, number: &str) -> Option<Ticket> {
        logged("a ticket", Store::ticket(self, number))
    }

    fn privacy(&self, user: i64) -> PrivacyFacts {
        let record = logged("a user's data", self.user(user));
        PrivacyFacts {
            first_name: record.as_ref().and_then(|u| u.first_name.clone()),
            username: record.as_ref().and_then(|u| u.username.clone()),
            first_seen: record.map(|u| u.first_seen),
            faq_questions: logged("a user's FAQ records", self.faq_records_of(user)),
        }
    }
}
