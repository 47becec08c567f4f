//! The desk's queue: the filters a page's query string carries, and the
//! page of tickets they select from the store's index of facets (in
//! memory; nothing opened but the 25 tickets shown). Searching by
//! pesantren or product name has to open tickets and profiles, so it
//! looks only at what the other filters left.

use std::collections::{BTreeMap, HashMap};

use jiff::{SignedDuration, Timestamp};

use crate::records::{TicketKind, TicketStatus};
use crate::store::{Facet, Facets};

/// Tickets on a page.
pub const PAGE: usize = 25;

/// Whose tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Assignee {
    #[default]
    Anyone,
    Mine,
    Unassigned,
}

/// Which statuses: the open ones (the default), all, or one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Statuses {
    #[default]
    Open,
    All,
    One(TicketStatus),
}

/// A queue page's filters, as its query string carries them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub kind: Option<TicketKind>,
    pub status: Statuses,
    pub region: Option<String>,
    pub category: Option<String>,
    /// Only tickets older than this many days.
    pub older_than: Option<u32>,
    pub assignee: Assignee,
    /// A ticket number (or part of one), a pesantren's or a product's name.
    pub search: Option<String>,
    /// 0-based.
    pub page: usize,
}

pub fn kind_code(kind: TicketKind) -> &'static str {
    match kind {
        TicketKind::Product => "PRD",
        TicketKind::Mentoring => "MNT",
        TicketKind::Question => "QST",
    }
}

pub fn status_code(status: TicketStatus) -> String {
    serde_json::to_value(status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn status_of(code: &str) -> Option<TicketStatus> {
    TicketStatus::ALL
        .into_iter()
        .find(|s| status_code(*s) == code)
}

impl Filter {
    /// From `key=value` pairs; unknown keys and values are ignored.
    pub fn parse(pairs: &[(String, String)]) -> Filter {
        let mut f = Filter::default();
        for (k, v) in pairs {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            match k.as_str() {
                "kind" => f.kind = TicketKind::from_prefix(v),
                "status" => {
                    f.status = match v {
                        "open" => Statuses::Open,
                        "all" => Statuses::All,
                        code => status_of(code).map_or(Statuses::Open, Statuses::One),
                    }
                }
                "region" => f.region = Some(v.to_string()),
                "category" => f.category = Some(v.to_string()),
                "older" => f.older_than = v.parse().ok().filter(|d| *d > 0),
                "assignee" => {
                    f.assignee = match v {
                        "mine" => Assignee::Mine,
                        "none" => Assignee::Unassigned,
                        _ => Assignee::Anyone,
                    }
                }
                "q" => f.search = Some(v.chars().take(100).collect()),
                "page" => f.page = v.parse::<usize>().unwrap_or(1).max(1) - 1,
                _ => {}
            }
        }
        f
    }

    /// The query string of these filters (page `page`, 0-based).
    pub fn query(&self, page: usize) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(k) = self.kind {
            q.append_pair("kind", kind_code(k));
        }
        match self.status {
            Statuses::Open => {}
            Statuses::All => {
                q.append_pair("status", "all");
            }
            Statuses::One(s) => {
                q.append_pair("status", &status_code(s));
            }
        }
        for (key, value) in [("region", &self.region), ("category", &self.category)] {
            if let Some(v) = value {
                q.append_pair(key, v);
            }
        }
        if let Some(d) = self.older_than {
            q.append_pair("older", &d.to_string());
        }
        match self.assignee {
            Assignee::Anyone => {}
            Assignee::Mine => {
                q.append_pair("assignee", "mine");
            }
            Assignee::Unassigned => {
                q.append_pair("assignee", "none");
            }
        }
        if let Some(s) = &self.search {
            q.append_pair("q", s);
        }
        if page > 0 {
            q.append_pair("page", &(page + 1).to_string());
        }
        q.finish()
    }

    /// Whether a ticket passes every filter but the status and the search.
    fn keeps(&self, f: &Facet, me: i64, now: Timestamp) -> bool {
        self.kind.is_none_or(|k| f.kind == Some(k))
            && self
                .region
                .as_ref()
                .is_none_or(|r| f.region.as_ref() == Some(r))
            && self
                .category
                .as_ref()
                .is_none_or(|c| f.category.as_ref() == Some(c))
            && self
                .older_than
                .is_none_or(|d| now - f.created_at > SignedDuration::from_hours(24 * i64::from(d)))
            && match self.assignee {
                Assignee::Anyone => true,
                Assignee::Mine => f.assignee == Some(me),
                Assignee::Unassigned => f.assignee.is_none(),
            }
    }

    fn status_keeps(&self, f: &Facet) -> bool {
        match self.status {
            Statuses::Open => !f.status.is_closed(),
            Statuses::All => true,
            Statuses::One(s) => f.status == s,
        }
    }
}

/// A page of the queue.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The tickets on it, oldest first.
    pub facets: Vec<Facet>,
    /// How many match, on every page.
    pub total: usize,
    /// Per status, how many tickets pass the other filters.
    pub by_status: BTreeMap<String, usize>,
    /// Every match's number, oldest first (for exporting the filter).
    pub numbers: Vec<String>,
}

/// The matching tickets, oldest first; `search` tells whether a ticket
/// matches the search text (it opens what it needs).
pub fn select(
    facets: &Facets,
    filter: &Filter,
    me: i64,
    now: Timestamp,
    search: &mut dyn FnMut(&Facet, &str) -> bool,
) -> Page {
    let mut by_status: HashMap<TicketStatus, usize> = HashMap::new();
    let mut matches: Vec<&Facet> = Vec::new();
    for f in facets.values() {
        if !filter.keeps(f, me, now) {
            continue;
        }
        *by_status.entry(f.status).or_default() += 1;
        if filter.status_keeps(f) {
            matches.push(f);
        }
    }
    matches.sort_by(|a, b| {
        a.created_at
            .cmp(&b.created_at)
            .then(a.number.cmp(&b.number))
    });
    if let Some(text) = filter.search.as_deref() {
        matches.retain(|f| search(f, text));
    }
    let total = matches.len();
    let start = (filter.page * PAGE).min(total);
    Page {
        facets: matches[start..(start + PAGE).min(total)]
            .iter()
            .map(|f| (*f).clone())
            .collect(),
        total,
        by_status: by_status
            .into_iter()
            .map(|(s, n)| (status_code(s), n))
            .collect(),
        numbers: matches.iter().map(|f| f.number.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facet(n: u32, region: &str, status: TicketStatus, days_ago: i64) -> Facet {
        let now: Timestamp = "2026-12-06T00:00:00Z".parse().unwrap();
        Facet {
            number: format!("PRD-2026-{n:05}"),
            kind: Some(TicketKind::Product),
            status,
            created_at: now - SignedDuration::from_hours(24 * days_ago),
            updated_at: now,
            first_action_at: None,
            region: Some(region.into()),
            category: Some("kopi".into()),
            assignee: None,
            version: 1,
        }
    }

    #[test]
    fn filters_read_back_and_select_oldest_first() {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(
            b"kind=PRD&status=all&region=Kota+Surabaya&older=3&assignee=mine&q=kopi&page=2",
        )
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
        let f = Filter::parse(&pairs);
        assert_eq!(f.region.as_deref(), Some("Kota Surabaya"));
        assert_eq!(
            (f.older_than, f.assignee, f.page),
            (Some(3), Assignee::Mine, 1)
        );
        let again: Vec<(String, String)> = form_urlencoded::parse(f.query(1).as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        assert_eq!(Filter::parse(&again), f);

        let mut all = Facets::new();
        for (i, (region, status, days)) in [
            ("Kota Surabaya", TicketStatus::Open, 5),
            ("Kota Surabaya", TicketStatus::Approved, 9),
            ("Kabupaten Jember", TicketStatus::Open, 9),
            ("Kota Surabaya", TicketStatus::Open, 1),
        ]
        .into_iter()
        .enumerate()
        {
            let f = facet(i as u32 + 1, region, status, days);
            all.insert(f.number.clone(), f);
        }
        let filter = Filter {
            region: Some("Kota Surabaya".into()),
            ..Filter::default()
        };
        let now = "2026-12-06T00:00:00Z".parse().unwrap();
        let page = select(&all, &filter, 0, now, &mut |_, _| true);
        let numbers: Vec<&str> = page.facets.iter().map(|f| f.number.as_str()).collect();
        assert_eq!(numbers, ["PRD-2026-00001", "PRD-2026-00004"]);
        assert_eq!(page.by_status.get("open"), Some(&2));
        assert_eq!(page.by_status.get("approved"), Some(&1));
        let older = Filter {
            older_than: Some(3),
            ..filter
        };
        assert_eq!(select(&all, &older, 0, now, &mut |_, _| true).total, 1);
    }
}
