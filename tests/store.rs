//! The store: ticket numbering under concurrent writers, idempotent update
//! handling, and a data folder that keeps everything across a reopen.

use std::collections::BTreeSet;
use std::sync::Arc;

use jiff::Timestamp;
use opop_bot::event::{Delivery, Event, EventKind};
use opop_bot::i18n::Lang;
use opop_bot::outcome::{Effect, OutMessage, Outcome};
use opop_bot::records::UserRecord;
use opop_bot::records::{Answer, NewTicket, Session};
use opop_bot::store::{ApplyResult, Store};

fn ticket_outcome(user: i64, now: Timestamp) -> Outcome {
    let mut answers = std::collections::BTreeMap::new();
    answers.insert("name".to_string(), Answer::Text(format!("Produk {user}")));
    let mut confirm = OutMessage::new(
        user,
        format!("Nomor tiket: {}", opop_bot::outcome::TICKET_PLACEHOLDER),
    );
    confirm.fill_ticket = true;
    Outcome {
        session: Session::default(),
        effects: vec![
            Effect::CreateTicket(NewTicket {
                prefix: "PRD".into(),
                dialog: "product".into(),
                user,
                chat: user,
                lang: Lang::Id,
                answers,
                created_at: now,
                region: None,
            }),
            Effect::Send(confirm),
        ],
        toast: None,
    }
}

/// A delivery in `chat` with an optional update id (the store reads the
/// chat and the update id; the event itself was decided already).
fn delivery(chat: i64, update_id: Option<i64>) -> Delivery {
    let event = Event {
        user: chat,
        chat,
        language_code: None,
        first_name: None,
        kind: EventKind::Text(String::new()),
        now: "2026-11-28T03:00:00Z".parse().unwrap(),
        reply_to: None,
        formatted: None,
    };
    Delivery {
        update_id,
        ..Delivery::new(event)
    }
}

#[test]
fn concurrent_writers_get_every_number_once_without_gaps() {
    let store = Arc::new(Store::temporary().unwrap());
    let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let store = Arc::clone(&store);
            std::thread::spawn(move || {
                let mut numbers = Vec::new();
                for i in 0..25 {
                    let user_id = t * 1000 + i;
                    let user = UserRecord::new(user_id, now);
                    let applied = delivery(user_id, Some(user_id));
                    match store
                        .apply(&applied, &user, &ticket_outcome(user_id, now))
                        .unwrap()
                    {
                        ApplyResult::Done { tickets } => numbers.extend(tickets),
                        ApplyResult::AlreadyProcessed => panic!("fresh update"),
                    }
                }
                numbers
            })
        })
        .collect();
    let numbers: Vec<String> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let unique: BTreeSet<&String> = numbers.iter().collect();
    assert_eq!(numbers.len(), 200);
    assert_eq!(unique.len(), 200, "no number reused");
    let expected: BTreeSet<String> = (1..=200).map(|n| format!("PRD-2026-{n:05}")).collect();
    assert_eq!(
        unique.into_iter().cloned().collect::<BTreeSet<_>>(),
        expected,
        "no number skipped"
    );
    // Each confirmation in the outbox carries its own ticket's number.
    let rows = store.outbox_rows(1000).unwrap();
    assert_eq!(rows.len(), 200);
    for row in rows {
        let ticket_user = store
            .tickets()
            .map(Result::unwrap)
            .find(|t| row.message().unwrap().text.ends_with(&t.number))
            .expect("confirmation names a stored ticket")
            .user;
        assert_eq!(ticket_user, row.message().unwrap().chat);
    }
}

#[test]
fn an_update_handled_twice_changes_nothing_the_second_time() {
    let store = Store::temporary().unwrap();
    let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
    let user = UserRecord::new(7, now);
    let applied = delivery(7, Some(42));
    let first = store
        .apply(&applied, &user, &ticket_outcome(7, now))
        .unwrap();
    assert_eq!(
        first,
        ApplyResult::Done {
            tickets: vec!["PRD-2026-00001".into()]
        }
    );
    let second = store
        .apply(&applied, &user, &ticket_outcome(7, now))
        .unwrap();
    assert_eq!(second, ApplyResult::AlreadyProcessed);
    assert_eq!(store.ticket_count(), 1);
    assert_eq!(store.outbox_len(), 1);
}

#[test]
fn numbering_restarts_each_wib_year() {
    let store = Store::temporary().unwrap();
    // 17:30 UTC on 31 December is already 1 January in WIB.
    let new_year: Timestamp = "2026-12-31T17:30:00Z".parse().unwrap();
    let user = UserRecord::new(9, new_year);
    let applied = delivery(9, None);
    let r = store
        .apply(&applied, &user, &ticket_outcome(9, new_year))
        .unwrap();
    assert_eq!(
        r,
        ApplyResult::Done {
            tickets: vec!["PRD-2027-00001".into()]
        }
    );
}

#[test]
fn a_reopened_data_folder_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        let mut user = UserRecord::new(5, now);
        user.lang = Some(Lang::En);
        let mut outcome = ticket_outcome(5, now);
        outcome.session.stamp = 17;
        let applied = delivery(5, Some(1));
        store.apply(&applied, &user, &outcome).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.user(5).unwrap().unwrap().lang, Some(Lang::En));
    assert_eq!(store.session(5, 5).unwrap().stamp, 17);
    assert_eq!(store.ticket("PRD-2026-00001").unwrap().unwrap().user, 5);
    assert!(store.is_processed(1).unwrap());
    assert_eq!(store.outbox_len(), 1);
    // The counter continues; the number is not reused.
    let user = UserRecord::new(6, now);
    let applied = delivery(6, Some(2));
    let r = store
        .apply(&applied, &user, &ticket_outcome(6, now))
        .unwrap();
    assert_eq!(
        r,
        ApplyResult::Done {
            tickets: vec!["PRD-2026-00002".into()]
        }
    );
}

/// A data folder holding one person and their ticket; returns its backup.
fn folder_with_a_ticket(dir: &std::path::Path) -> Vec<u8> {
    let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
    let store = Store::open(dir).unwrap();
    let user = UserRecord::new(7, now);
    store
        .apply(&delivery(7, Some(1)), &user, &ticket_outcome(7, now))
        .unwrap();
    let mut backup = Vec::new();
    store.backup(&mut backup).unwrap();
    backup
}

/// The folder opens and holds exactly what its backup `before` held.
fn assert_holds(dir: &std::path::Path, before: &[u8]) {
    let store = Store::open(dir).unwrap();
    let mut after = Vec::new();
    store.backup(&mut after).unwrap();
    assert_eq!(
        String::from_utf8(after).unwrap(),
        String::from_utf8(before.to_vec()).unwrap()
    );
}

#[test]
fn a_data_folder_without_its_keyring_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let before = folder_with_a_ticket(dir.path());
    let keyring = dir.path().join("keyring.json");
    let aside = dir.path().with_extension("keyring");
    std::fs::rename(&keyring, &aside).unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    assert!(err.to_string().contains("keyring.json is missing"), "{err}");
    assert!(!keyring.exists(), "no new keyring was made");
    // The bot itself says so in one line and stops with an error.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_opop-bot"))
        .arg("run")
        .env(
            "TELOXIDE_TOKEN",
            "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef012",
        )
        .env("TELOXIDE_API_URL", "http://127.0.0.1:9")
        .env("OPOP_DATA_DIR", dir.path())
        .env_remove("OPOP_CONFIG")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(said.trim().lines().count(), 1, "{said}");
    assert!(said.contains("keyring.json is missing"), "{said}");
    assert!(said.contains("opop-bot restore"), "what to do: {said}");
    assert!(!keyring.exists(), "no new keyring was made");
    // With its keyring back, the folder holds exactly what it held.
    std::fs::rename(&aside, &keyring).unwrap();
    assert_holds(dir.path(), &before);
}

#[test]
fn a_data_folder_without_its_key_table_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let before = folder_with_a_ticket(dir.path());
    let (keys, json) = (
        dir.path().join("keyring.keys"),
        dir.path().join("keyring.json"),
    );
    let json_before = std::fs::read(&json).unwrap();
    let aside = dir.path().with_extension("keys");
    std::fs::rename(&keys, &aside).unwrap();
    let err = Store::open(dir.path()).err().expect("refused");
    let said = err.to_string();
    assert!(said.contains("keyring.keys is missing"), "{said}");
    assert!(said.contains("opop-bot restore"), "what to do: {said}");
    assert!(!keys.exists(), "no new key table was made");
    assert_eq!(std::fs::read(&json).unwrap(), json_before);
    // With it back, the folder holds exactly what it held.
    std::fs::rename(&aside, &keys).unwrap();
    assert_holds(dir.path(), &before);
}

#[test]
fn handled_update_ids_are_forgotten_after_two_days_so_a_reused_id_is_handled() {
    let store = Store::temporary().unwrap();
    let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
    let user = UserRecord::new(7, now);
    let first = store
        .apply(&delivery(7, Some(5)), &user, &ticket_outcome(7, now))
        .unwrap();
    assert!(matches!(first, ApplyResult::Done { .. }));
    // Within Telegram's redelivery window the id is a duplicate.
    assert_eq!(
        store
            .prune_processed(now + jiff::SignedDuration::from_hours(30))
            .unwrap(),
        0
    );
    let again = store
        .apply(&delivery(7, Some(5)), &user, &ticket_outcome(7, now))
        .unwrap();
    assert_eq!(again, ApplyResult::AlreadyProcessed);
    // Telegram numbers updates afresh after a quiet week: the same id is a
    // new update by then, and it is handled.
    let later = now + jiff::SignedDuration::from_hours(24 * 8);
    assert_eq!(store.prune_processed(later).unwrap(), 1);
    assert!(!store.is_processed(5).unwrap());
    let reused = store
        .apply(&delivery(7, Some(5)), &user, &ticket_outcome(7, later))
        .unwrap();
    assert!(matches!(reused, ApplyResult::Done { tickets } if tickets.len() == 1));
}

/// The records of chats in use are kept decoded between events; what the
/// store answers is always what was last written: across two chats, a
/// block, a refused (conflicting) event, an erasure and a reopen.
#[test]
fn records_read_back_are_always_the_last_written() {
    use opop_bot::records::Profile;
    let dir = tempfile::tempdir().unwrap();
    let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
    let store = Store::open(dir.path()).unwrap();
    let step = |chat: i64, update: i64, stamp: u32, name: &str, profile: Option<&Profile>| {
        let mut user = store
            .user(5)
            .unwrap()
            .unwrap_or_else(|| UserRecord::new(5, now));
        user.first_name = Some(name.into());
        let mut session = store.session(chat, 5).unwrap();
        session.stamp = stamp;
        let mut effects = Vec::new();
        if let Some(p) = profile {
            effects.push(Effect::SaveProfile(p.clone()));
        }
        let outcome = Outcome {
            session,
            effects,
            toast: None,
        };
        let mut applied = delivery(chat, Some(update));
        applied.event.user = 5;
        store.apply_unflushed(&applied, &user, &outcome).unwrap();
    };
    assert_eq!(store.user(5).unwrap(), None);
    assert_eq!(store.profile(5).unwrap(), None);
    let profile = Profile {
        v: Profile::VERSION,
        user: 5,
        answers: Default::default(),
        consent_at: Some(now),
        consent_notice: 3,
        updated_at: now,
    };
    step(5, 1, 1, "Siti", Some(&profile));
    step(-100, 2, 9, "Siti A.", None);
    step(5, 3, 2, "Siti Aminah", None);
    assert_eq!(store.session(5, 5).unwrap().stamp, 2);
    assert_eq!(store.session(-100, 5).unwrap().stamp, 9);
    assert_eq!(store.profile(5).unwrap().unwrap().consent_notice, 3);
    let user = store.user(5).unwrap().unwrap();
    assert_eq!(user.first_name.as_deref(), Some("Siti Aminah"));
    assert!(user.active);

    // Blocked, outside any event.
    store.set_user_active(5, false, now).unwrap();
    assert!(!store.user(5).unwrap().unwrap().active);

    // An update handled before changes nothing, kept or stored.
    let mut again = delivery(5, Some(3));
    again.event.user = 5;
    let mut stale = store.user(5).unwrap().unwrap();
    stale.first_name = Some("Lama".into());
    let r = store
        .apply_unflushed(&again, &stale, &Outcome::nothing())
        .unwrap();
    assert_eq!(r, ApplyResult::AlreadyProcessed);
    assert_eq!(
        store.user(5).unwrap().unwrap().first_name.as_deref(),
        Some("Siti Aminah")
    );

    // Reopened: the same.
    store.flush().unwrap();
    drop(store);
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.session(5, 5).unwrap().stamp, 2);
    assert_eq!(store.session(-100, 5).unwrap().stamp, 9);
    assert_eq!(store.profile(5).unwrap().unwrap().consent_notice, 3);
    assert!(!store.user(5).unwrap().unwrap().active);

    // Erased: nothing of them is answered any more, in either chat.
    let user = store.user(5).unwrap().unwrap();
    let mut erase = delivery(5, Some(4));
    erase.event.user = 5;
    let outcome = Outcome {
        session: Session::default(),
        effects: vec![Effect::EraseUser(5)],
        toast: None,
    };
    store.apply(&erase, &user, &outcome).unwrap();
    assert_eq!(store.user(5).unwrap(), None);
    assert_eq!(store.profile(5).unwrap(), None);
    assert_eq!(store.session(5, 5).unwrap().stamp, 0);
    assert_eq!(store.session(-100, 5).unwrap().stamp, 0);
}

/// The sender's finished rows leave the outbox together, in the write the
/// committer makes before its flush; the rows not finished stay.
#[test]
fn rows_the_sender_finished_leave_the_outbox_with_the_next_flush() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        let messages: Vec<OutMessage> = (1..=3)
            .map(|n| OutMessage::new(40 + n, format!("pesan {n}")))
            .collect();
        store
            .enqueue(&messages, opop_bot::store::Priority::Reply)
            .unwrap();
        let rows = store.outbox_rows(10).unwrap();
        assert_eq!(rows.len(), 3);
        store.settle_outbox_row(&rows[0]);
        store.settle_outbox_row(&rows[2]);
        store.remove_settled().unwrap();
        store.flush().unwrap();
        // Nothing left to remove: a second call writes nothing.
        store.remove_settled().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let left = store.outbox_rows(10).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].message().unwrap().text, "pesan 2");
    // A reader sees a settled row gone at once.
    store.settle_outbox_row(&left[0]);
    assert_eq!(store.outbox_len(), 0);
}

/// Handled update ids are known as such however they arrived (out of
/// order across workers, before and after a reopen); a new id is not.
#[test]
fn handled_updates_are_known_in_any_order_and_after_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
    {
        let store = Store::open(dir.path()).unwrap();
        assert!(!store.is_processed(5).unwrap());
        store.mark_processed(&[5], now).unwrap();
        store.mark_processed(&[3], now).unwrap();
        assert!(store.is_processed(3).unwrap());
        assert!(store.is_processed(5).unwrap());
        assert!(!store.is_processed(4).unwrap());
        store.flush().unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    for (id, handled) in [(3, true), (4, false), (5, true), (6, false)] {
        assert_eq!(store.is_processed(id).unwrap(), handled, "update {id}");
    }
    let user = UserRecord::new(8, now);
    let applied = delivery(8, Some(6));
    store
        .apply(&applied, &user, &ticket_outcome(8, now))
        .unwrap();
    assert!(store.is_processed(6).unwrap());
    assert_eq!(
        store
            .apply(&applied, &user, &ticket_outcome(8, now))
            .unwrap(),
        ApplyResult::AlreadyProcessed
    );
}
