//! What the staff and broadcast sides may read from the store: tickets,
//! the submitter of one, the open queue, the records the digest counts and
//! a broadcast's audience, broadcast jobs. Read-only, like the engine's
//! `dialog::Lookup`; the deciders hold a `&dyn Reads`, never the store.

use jiff::Timestamp;

use super::{Store, StoreError, logged};
use crate::outcome::{CopyOf, SentCopy};
use crate::records::{Counts, FaqLog, Job, Learned, Profile, Ticket, UserRecord};

/// Visits each record; the visitor may stop the walk with an error.
pub type Visit<'f, T> = &'f mut dyn FnMut(T) -> Result<(), StoreError>;

pub trait Reads {
    /// One ticket by number (`None` also when it cannot be read).
    fn ticket(&self, number: &str) -> Option<Ticket>;
    /// A submitter's user record and pesantren profile.
    fn submitter(&self, user: i64) -> (Option<UserRecord>, Option<Profile>);
    /// A person's tickets, newest first.
    fn tickets_of_user(&self, user: i64) -> Vec<Ticket>;
    /// Tickets not closed yet, in number order.
    fn open_tickets(&self) -> Vec<Ticket>;
    /// When the last daily digest was composed.
    fn last_digest_at(&self) -> Option<Timestamp>;
    /// A pesantren profile.
    fn profile(&self, user: i64) -> Result<Option<Profile>, StoreError>;
    /// Every ticket, profile, user and FAQ record (the digest's counts, a
    /// broadcast's audience), without holding them all in memory.
    fn each_ticket(&self, f: Visit<'_, Ticket>) -> Result<(), StoreError>;
    fn each_profile(&self, f: Visit<'_, Profile>) -> Result<(), StoreError>;
    fn each_user(&self, f: Visit<'_, UserRecord>) -> Result<(), StoreError>;
    fn each_faq_log(&self, f: Visit<'_, FaqLog>) -> Result<(), StoreError>;
    /// Broadcast jobs, oldest first.
    fn jobs(&self) -> Vec<Job>;
    fn job(&self, id: u64) -> Option<Job>;
    /// A job's ledger totals.
    fn ledger_counts(&self, job: u64) -> Counts;
    /// The messages sent to staff as copies of a ticket or of the export.
    fn sent_copies(&self, of: &CopyOf) -> Vec<SentCopy>;
    /// What staff taught the FAQ, oldest first.
    fn learned(&self) -> Vec<Learned>;
}

fn each<T>(
    records: impl Iterator<Item = Result<T, StoreError>>,
    f: Visit<'_, T>,
) -> Result<(), StoreError> {
    for r in records {
        f(r?)?;
    }
    Ok(())
}

impl Reads for Store {
    fn learned(&self) -> Vec<Learned> {
        logged("what staff taught the FAQ", Store::learned(self))
    }

    fn ticket(&self, number: &str) -> Option<Ticket> {
        logged("a ticket", Store::ticket(self, number))
    }

    fn submitter(&self, user: i64) -> (Option<UserRecord>, Option<Profile>) {
        (
            logged("a user", self.user(user)),
            logged("a profile", self.profile(user)),
        )
    }

    fn tickets_of_user(&self, user: i64) -> Vec<Ticket> {
        logged("a user's tickets", Store::tickets_of_user(self, user))
    }

    fn open_tickets(&self) -> Vec<Ticket> {
        self.tickets()
            .filter_map(Result::ok)
            .filter(|t| !t.status.is_closed())
            .collect()
    }

    fn last_digest_at(&self) -> Option<Timestamp> {
        self.last_digest().ok().and_then(|(_, at)| at)
    }

    fn profile(&self, user: i64) -> Result<Option<Profile>, StoreError> {
        Store::profile(self, user)
    }

    fn each_ticket(&self, f: Visit<'_, Ticket>) -> Result<(), StoreError> {
        each(self.tickets(), f)
    }

    fn each_profile(&self, f: Visit<'_, Profile>) -> Result<(), StoreError> {
        each(self.profiles(), f)
    }

    fn each_user(&self, f: Visit<'_, UserRecord>) -> Result<(), StoreError> {
        each(self.users(), f)
    }

    fn each_faq_log(&self, f: Visit<'_, FaqLog>) -> Result<(), StoreError> {
        each(self.faq_logs(), f)
    }

    fn jobs(&self) -> Vec<Job> {
        logged("the broadcast jobs", Store::jobs(self))
    }

    fn job(&self, id: u64) -> Option<Job> {
        logged("a broadcast job", Store::job(self, id))
    }

    fn ledger_counts(&self, job: u64) -> Counts {
        logged("a broadcast's ledger", Store::ledger_counts(self, job))
    }

    fn sent_copies(&self, of: &CopyOf) -> Vec<SentCopy> {
        logged("the staff's copies", Store::sent_copies(self, of))
    }
}
