//! The desk's index of tickets: per ticket what its queue filters on —
//! kind, status, dates, region, product category, assignee, version —
//! and nothing personal, so it is stored plain (`facets` tree, ticket
//! number → a compact binary record) and read without opening a sealed
//! record. It is written in the same transaction as its ticket (create,
//! staff action, erasure); a folder written before it, or a restored one
//! (backups leave it out: it is derived), is indexed at open. The desk
//! reads it through [`Store::facets`], loaded into memory on first use
//! and kept current by every transaction after that.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use jiff::Timestamp;

use super::{Store, StoreError};
use crate::records::{Answer, Ticket, TicketKind, TicketStatus};

/// Marks a complete index (kept in the tree itself, so a restore, which
/// leaves the tree out, rebuilds it).
const BUILT: &[u8] = b"\xff built";

/// A ticket as the desk filters and sorts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    pub number: String,
    pub kind: Option<TicketKind>,
    pub status: TicketStatus,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The first staff action (for "time to first action").
    pub first_action_at: Option<Timestamp>,
    pub region: Option<String>,
    /// A product's category value (`kopi`, `makanan`…).
    pub category: Option<String>,
    /// The staff member who took it.
    pub assignee: Option<i64>,
    pub version: usize,
}

impl Facet {
    /// The facet of a ticket; `region` when the ticket has none of its own
    /// (older tickets: their submitter's profile, or the previous facet).
    pub fn of(ticket: &Ticket, region: Option<&str>) -> Facet {
        let first_action_at = ticket
            .history
            .iter()
            .skip(1)
            .find(|h| h.by != ticket.user && h.by != 0)
            .map(|h| h.at);
        Facet {
            number: ticket.number.clone(),
            kind: ticket.kind(),
            status: ticket.status,
            created_at: ticket.created_at,
            updated_at: ticket.updated_at,
            first_action_at,
            region: ticket.region.clone().or(region.map(str::to_string)),
            category: match ticket.answers.get("category") {
                Some(Answer::Choice(c)) => Some(c.clone()),
                _ => None,
            },
            assignee: ticket.assignee.as_ref().map(|a| a.id),
            version: ticket.version(),
        }
    }

    pub(super) fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64);
        out.push(match self.kind {
            None => 0,
            Some(TicketKind::Product) => 1,
            Some(TicketKind::Mentoring) => 2,
            Some(TicketKind::Question) => 3,
        });
        let status = TicketStatus::ALL
            .iter()
            .position(|s| *s == self.status)
            .unwrap_or(0);
        out.push(status as u8);
        out.extend(self.created_at.as_second().to_be_bytes());
        out.extend(self.updated_at.as_second().to_be_bytes());
        let first = self.first_action_at.map_or(i64::MIN, |t| t.as_second());
        out.extend(first.to_be_bytes());
        out.extend(self.assignee.unwrap_or(0).to_be_bytes());
        out.extend((self.version as u32).to_be_bytes());
        for text in [&self.region, &self.category] {
            let bytes = text.as_deref().unwrap_or("").as_bytes();
            let len = bytes.len().min(255);
            out.push(len as u8);
            out.extend(&bytes[..len]);
        }
        out
    }

    pub(super) fn decode(number: &[u8], b: &[u8]) -> Option<Facet> {
        let i64_at = |i: usize| -> Option<i64> {
            Some(i64::from_be_bytes(b.get(i..i + 8)?.try_into().ok()?))
        };
        let time = |s: i64| Timestamp::from_second(s).ok();
        let kind = match *b.first()? {
            1 => Some(TicketKind::Product),
            2 => Some(TicketKind::Mentoring),
            3 => Some(TicketKind::Question),
            _ => None,
        };
        let status = *TicketStatus::ALL.get(usize::from(*b.get(1)?))?;
        let first = i64_at(18)?;
        let assignee = i64_at(26)?;
        let version = u32::from_be_bytes(b.get(34..38)?.try_into().ok()?) as usize;
        let mut at = 38;
        let mut text = || -> Option<Option<String>> {
            let len = usize::from(*b.get(at)?);
            let s = std::str::from_utf8(b.get(at + 1..at + 1 + len)?).ok()?;
            at += 1 + len;
            Some((!s.is_empty()).then(|| s.to_string()))
        };
        let region = text()?;
        let category = text()?;
        Some(Facet {
            number: String::from_utf8(number.to_vec()).ok()?,
            kind,
            status,
            created_at: time(i64_at(2)?)?,
            updated_at: time(i64_at(10)?)?,
            first_action_at: (first != i64::MIN).then(|| time(first)).flatten(),
            region,
            category,
            assignee: (assignee != 0).then_some(assignee),
            version,
        })
    }
}

/// Every ticket's facet, by number: the desk's queue filters it in memory.
pub type Facets = HashMap<String, Facet>;

/// The index in memory, once something asked for it.
pub(super) type FacetCache = Arc<RwLock<Option<Arc<Facets>>>>;

impl Store {
    /// Indexes every ticket unless the index is complete: the first open
    /// of a folder written before it, or of a restored one.
    pub(super) fn build_facets(&self) -> Result<(), StoreError> {
        if self.facets.contains_key(BUILT)? {
            return Ok(());
        }
        let mut regions: HashMap<i64, Option<String>> = HashMap::new();
        let mut batch = super::kv::Batch::default();
        let mut n = 0usize;
        for ticket in self.tickets() {
            let ticket = ticket?;
            let region = match regions.get(&ticket.user) {
                Some(r) => r.clone(),
                None => {
                    let r = self
                        .profile(ticket.user)?
                        .and_then(|p| p.text("region").map(str::to_string));
                    regions.insert(ticket.user, r.clone());
                    r
                }
            };
            let facet = Facet::of(&ticket, region.as_deref());
            batch.insert(facet.number.as_bytes(), facet.encode());
            n += 1;
        }
        batch.insert(BUILT, &[][..]);
        self.facets.apply_batch(batch)?;
        self.facets.flush()?;
        if n > 0 {
            tracing::info!(tickets = n, "the desk's ticket index was built");
        }
        Ok(())
    }

    /// Every ticket's facet (loaded once, then kept current).
    pub fn facets(&self) -> Result<Arc<Facets>, StoreError> {
        if let Some(f) = self
            .facet_cache
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
        {
            return Ok(Arc::clone(f));
        }
        let mut cache = self.facet_cache.write().unwrap_or_else(|e| e.into_inner());
        if let Some(f) = cache.as_ref() {
            return Ok(Arc::clone(f));
        }
        let mut all = Facets::new();
        for r in self.facets.iter() {
            let (k, v) = r?;
            if &*k == BUILT {
                continue;
            }
            if let Some(f) = Facet::decode(&k, &v) {
                all.insert(f.number.clone(), f);
            }
        }
        let all = Arc::new(all);
        *cache = Some(Arc::clone(&all));
        Ok(all)
    }

    /// After a transaction: the facets it wrote, into the loaded index.
    pub(super) fn facets_written(&self, written: Vec<Facet>) {
        if written.is_empty() {
            return;
        }
        let mut cache = self.facet_cache.write().unwrap_or_else(|e| e.into_inner());
        if let Some(all) = cache.as_mut() {
            let all = Arc::make_mut(all);
            for f in written {
                all.insert(f.number.clone(), f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_facet_reads_back() {
        let f = Facet {
            number: "PRD-2026-00001".into(),
            kind: Some(TicketKind::Product),
            status: TicketStatus::NeedsRevision,
            created_at: "2026-11-28T03:00:00Z".parse().unwrap(),
            updated_at: "2026-11-29T03:00:00Z".parse().unwrap(),
            first_action_at: Some("2026-11-29T03:00:00Z".parse().unwrap()),
            region: Some("Kabupaten Sidoarjo".into()),
            category: Some("kopi".into()),
            assignee: Some(2001),
            version: 2,
        };
        assert_eq!(
            Facet::decode(b"PRD-2026-00001", &f.encode()),
            Some(f.clone())
        );
        let bare = Facet {
            first_action_at: None,
            region: None,
            category: None,
            assignee: None,
            ..f
        };
        assert_eq!(Facet::decode(b"PRD-2026-00001", &bare.encode()), Some(bare));
    }
}
