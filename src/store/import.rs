//! Records written as they are, outside any event: seeding benchmarks and
//! tests, and a restore's people (with their keys saved once).

use super::codec::{session_key, ticket_index_key};
use super::facets::Facet;
use super::recent::Key;
use super::{Store, StoreError};
use crate::records::{Profile, Session, Ticket, UserRecord};

impl Store {
    /// Writes a user record and profile as they are, outside any event:
    /// for seeding test and benchmark data (and restores).
    pub fn import_user(
        &self,
        user: &UserRecord,
        profile: Option<&Profile>,
    ) -> Result<(), StoreError> {
        let _writing = self.writing();
        self.users
            .insert(user.id.to_be_bytes(), self.sealed(user.id, user)?)?;
        if let Some(p) = profile {
            self.profiles
                .insert(p.user.to_be_bytes(), self.sealed(p.user, p)?)?;
            self.recent.forget(Key::Profile(p.user));
        }
        self.recent.forget(Key::User(user.id));
        Ok(())
    }

    /// Writes a session as it is, outside any event (seeding benchmarks).
    /// Not flushed.
    pub fn import_session(
        &self,
        chat: i64,
        user: i64,
        session: &Session,
    ) -> Result<(), StoreError> {
        let _writing = self.writing();
        self.sessions
            .insert(session_key(chat, user), self.sealed(user, session)?)?;
        self.recent.forget(Key::Session(chat, user));
        Ok(())
    }

    /// Runs `f` (imports, a restore) with the keys of new people saved once
    /// at the end rather than one keyring rewrite each; only for a folder
    /// being filled, which a crash half-way leaves to be filled again.
    pub fn bulk<R>(&self, f: impl FnOnce(&Store) -> R) -> Result<R, StoreError> {
        Ok(self.keys.bulk(|| f(self))?)
    }

    /// Writes a ticket as it is, outside any event (seeding benchmarks and
    /// tests). Not flushed.
    pub fn import_ticket(&self, ticket: &Ticket) -> Result<(), StoreError> {
        let _writing = self.writing();
        self.tickets
            .insert(ticket.number.as_bytes(), self.ticket_bytes(ticket)?)?;
        self.tickets_by_user
            .insert(ticket_index_key(ticket.user, &ticket.number), &[])?;
        let region = self
            .profile(ticket.user)?
            .and_then(|p| p.text("region").map(str::to_string));
        let facet = Facet::of(ticket, region.as_deref());
        self.facets
            .insert(ticket.number.as_bytes(), facet.encode())?;
        self.facets_written(vec![facet]);
        Ok(())
    }
}
