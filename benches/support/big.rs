//! Shared by the benchmarks: a store folder with 2,000 pesantren (in the
//! 38 regions in turn) and 100,000 tickets, and one pesantren's profile.
#![allow(dead_code)]

use jiff::{SignedDuration, Timestamp};
use opop_bot::content::Content;
use opop_bot::i18n::Lang;
use opop_bot::records::{Answer, Answers, NewTicket, Profile, Ticket, UserRecord};
use opop_bot::store::Store;

pub fn now() -> Timestamp {
    "2026-11-28T03:00:00Z".parse().unwrap()
}

pub fn profile() -> Profile {
    let mut answers = Answers::new();
    answers.insert(
        "name".into(),
        Answer::Text("Pondok Pesantren Al Hikmah".into()),
    );
    answers.insert("region".into(), Answer::Region("Kabupaten Sidoarjo".into()));
    Profile {
        v: Profile::VERSION,
        user: 1001,
        answers,
        consent_at: Some(now()),
        consent_notice: 2,
        updated_at: now(),
    }
}

/// A store folder with 2,000 pesantren and 100,000 tickets.
pub fn big_store(dir: &std::path::Path, content: &Content) -> Store {
    let store = Store::open(dir).unwrap();
    let start: Timestamp = "2026-01-05T02:00:00Z".parse().unwrap();
    let regions: Vec<String> = content.regions.names().map(str::to_string).collect();
    for i in 0..2_000i64 {
        let mut p = profile();
        p.user = 10_000 + i;
        p.answers.insert(
            "region".into(),
            Answer::Region(regions[i as usize % regions.len()].clone()),
        );
        store
            .import_user(&UserRecord::new(10_000 + i, start), Some(&p))
            .unwrap();
    }
    let dialogs = [
        ("PRD", "product"),
        ("MNT", "mentoring"),
        ("QST", "question"),
    ];
    for i in 0..100_000usize {
        let (prefix, dialog) = dialogs[i % 3];
        let mut answers = Answers::new();
        answers.insert("name".into(), Answer::Text(format!("Produk {i}")));
        answers.insert("category".into(), Answer::Choice("coffee".into()));
        let created = start + SignedDuration::from_mins(i as i64 * 4);
        let new = NewTicket {
            prefix: prefix.into(),
            dialog: dialog.into(),
            user: 10_000 + (i as i64 % 2_000),
            chat: 10_000 + (i as i64 % 2_000),
            lang: Lang::Id,
            answers,
            created_at: created,
            region: None,
        };
        store
            .import_ticket(&Ticket::new(format!("{prefix}-2026-{:06}", i + 1), &new))
            .unwrap();
    }
    store.flush().unwrap();
    store
}
