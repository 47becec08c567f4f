//! Data folders written by previous versions open with every record as it
//! was, and their conversations, tickets, broadcast and digest go on where
//! they were: `tests/data/store-fdeecf5` (made by commit fdeecf5's code,
//! the last before the restructuring) and `tests/data/store-9e05fbb` (made
//! by commit 9e05fbb's code, the last before the journal: sled only).

mod common;

use std::path::{Path, PathBuf};

use common::Chat;
use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::outcome::{CopyOf, SentCopy, SentKind};
use opop_bot::records::Teach;
use opop_bot::store::{Facet, Signature, Store, check_signature};

/// Written by fdeecf5, the last commit before the restructuring.
const FDEECF5: &str = "store-fdeecf5";
/// Written by 9e05fbb, the last commit before the journal (sled only).
const V9E05FBB: &str = "store-9e05fbb";
/// Every fixture, oldest first.
const FIXTURES: [&str; 2] = [FDEECF5, V9E05FBB];

/// The fixture's folder: `data/` and the old code's `backup.jsonl`.
fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// A copy of the fixture's data folder (opening a store writes to it).
fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = fixture(name).join("data");
    for entry in std::fs::read_dir(&from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    dir
}

fn app(store: Store) -> App {
    let mut config = Config::default();
    config.roles.admins = vec![9001];
    config.roles.staff = vec![5001];
    App::new(Content::embedded().unwrap(), store, config)
}

/// The store's backup is the old code's own backup of the same folder
/// (the fixture's `backup.jsonl`), line for line: every tree, every key,
/// every record's bytes; trees added since are empty.
fn assert_backup_is_the_old_one(store: &Store, name: &str) {
    let mut backup = Vec::new();
    store.backup(&mut backup).unwrap();
    let expected = std::fs::read_to_string(fixture(name).join("backup.jsonl")).unwrap();
    let now = String::from_utf8(backup).unwrap();
    let header = |text: &str| -> serde_json::Value {
        serde_json::from_str(text.lines().next().unwrap()).unwrap()
    };
    let (old_header, new_header) = (header(&expected), header(&now));
    let old_counts = old_header["counts"].as_object().unwrap();
    for (tree, count) in new_header["counts"].as_object().unwrap() {
        match old_counts.get(tree) {
            Some(old) => assert_eq!(count, old, "{name}: records of {tree}"),
            None => assert_eq!(count, 0, "{name}: {tree} is new, so empty"),
        }
    }
    let records =
        |text: &str| -> Vec<String> { text.lines().skip(1).map(str::to_string).collect() };
    let mut old_records = records(&expected);
    // A signed backup (9e05fbb's `backup_to`) ends with its signature line:
    // the folder's backup key came through, so it still checks.
    let last: serde_json::Value = serde_json::from_str(expected.lines().last().unwrap()).unwrap();
    if last.get("signature").is_some() {
        old_records.pop();
        let key = store.backup_key().unwrap();
        assert_eq!(
            check_signature(&fixture(name).join("backup.jsonl"), Some(&key)).unwrap(),
            Signature::Valid,
            "{name}: the old backup's signature"
        );
    }
    assert_eq!(records(&now), old_records, "{name}");
}

#[test]
fn every_record_reads_back_as_the_previous_version_wrote_it() {
    let dir = copy_fixture(FDEECF5);
    let store = Store::open(dir.path()).unwrap();
    assert_backup_is_the_old_one(&store, FDEECF5);
}

#[test]
fn every_record_reads_back_as_the_last_version_without_the_journal_wrote_it() {
    let dir = copy_fixture(V9E05FBB);
    let store = Store::open(dir.path()).unwrap();
    assert_backup_is_the_old_one(&store, V9E05FBB);
}

#[test]
fn once_opened_a_folder_has_its_journal_and_opens_again_with_the_same_records() {
    for name in FIXTURES {
        let dir = copy_fixture(name);
        assert!(
            !dir.path().join("journal").exists(),
            "{name}: the old version had no journal"
        );
        let store = Store::open(dir.path()).unwrap();
        assert_backup_is_the_old_one(&store, name);
        drop(store);
        assert!(
            dir.path().join("journal").is_dir(),
            "{name}: the new version's journal is in the folder"
        );
        let store = Store::open(dir.path()).unwrap();
        assert_backup_is_the_old_one(&store, name);
    }
}

#[test]
fn a_keyring_of_an_older_version_becomes_the_key_table() {
    for name in FIXTURES {
        let dir = copy_fixture(name);
        let json = |dir: &Path| -> serde_json::Value {
            serde_json::from_slice(&std::fs::read(dir.join("keyring.json")).unwrap()).unwrap()
        };
        let old = json(dir.path());
        // The people's keys (an epoch's, of rows in transit, may be
        // replaced at the start, as it was by the old version).
        let keys: Vec<Vec<u8>> = old["keys"]
            .as_object()
            .expect("version 2 kept every key in keyring.json")
            .iter()
            .filter(|(id, _)| !id.starts_with('-'))
            .map(|(_, k)| hex::decode(k.as_str().unwrap()).unwrap())
            .collect();
        assert!(!keys.is_empty(), "{name}");
        let store = Store::open(dir.path()).unwrap();
        assert_backup_is_the_old_one(&store, name);
        drop(store);
        // Every key is in the table now, and none is left in keyring.json,
        // which an older version (it needs "keys") would refuse.
        let table = std::fs::read(dir.path().join("keyring.keys")).unwrap();
        for key in &keys {
            assert!(table.windows(32).any(|w| w == key.as_slice()), "{name}");
        }
        let new = json(dir.path());
        assert_eq!(new["v"], 3, "{name}");
        assert_eq!(new["backup_key"], old["backup_key"], "{name}");
        assert!(
            new.get("keys").is_none() && new.get("generations").is_none(),
            "{new}"
        );
        let text = std::fs::read_to_string(dir.path().join("keyring.json")).unwrap();
        for key in &keys {
            assert!(!text.contains(&hex::encode(key)), "{name}");
        }
        // And it opens again, from the table.
        let store = Store::open(dir.path()).unwrap();
        assert_backup_is_the_old_one(&store, name);
    }
}

/// The conversations of fixture `name` go on where they were; a new
/// question takes the number `next_question`.
fn conversations_go_on(name: &str, next_question: &str) {
    let dir = copy_fixture(name);
    let app = app(Store::open(dir.path()).unwrap());
    assert_eq!(
        app.staff_chat(),
        Some(-100123),
        "{name}: /grupstaf's choice is kept"
    );
    let mut siti = Chat::with_app(app, 1001, Some("id"));
    let t = siti.send("/status");
    assert!(t.contains("PRD-2026-00001"), "{t}");
    assert!(t.contains("Disetujui"), "{t}");
    assert!(t.contains("MNT-2026-00001"), "{t}");
    assert!(t.contains("QST-2026-00001"), "{t}");
    // John was at the product's category when the old version stopped.
    let mut john = siti.member(1002, 1002, "John");
    john.language_code = Some("en".into());
    let t = john.send("coconut");
    assert!(t.contains("3/"), "the form goes on at its third step: {t}");
    // The staff member answers the question from the group.
    let mut budi = siti.member(5001, -100123, "Budi");
    let t = budi.send("/tiket QST-2026-00001");
    assert!(t.contains("cuaca besok bagaimana ya"), "{t}");
    // The erased person stays erased; a new ticket takes the next number.
    let t = siti.send("/tiket QST-2026-00001");
    assert!(!t.contains("cuaca"), "managers cannot read tickets: {t}");
    assert!(siti.app.store.user(1003).unwrap().is_none());
    siti.send("cuaca lusa bagaimana ya");
    siti.press("Tanya petugas");
    assert!(siti.text().contains(next_question), "{}", siti.text());
    // Today's digest was sent already; the running broadcast finishes.
    let now: jiff::Timestamp = "2026-11-28T05:00:00Z".parse().unwrap();
    assert!(!siti.app.send_digest_if_due(now).unwrap());
    let job = siti.app.store.jobs().unwrap().remove(0);
    assert_eq!(siti.app.store.ledger_counts(job.id).unwrap().total(), 2);
}

#[test]
fn conversations_tickets_and_the_staff_chat_go_on_where_they_were() {
    conversations_go_on(FDEECF5, "QST-2026-00002");
}

#[test]
fn conversations_tickets_and_the_staff_chat_of_the_last_version_without_the_journal_go_on() {
    // 9e05fbb's fixture has a second question (answered, taught to the FAQ).
    conversations_go_on(V9E05FBB, "QST-2026-00003");
}

#[test]
fn what_staff_taught_the_desk_index_and_the_staff_copies_of_9e05fbb_are_kept() {
    let dir = copy_fixture(V9E05FBB);
    let app = app(Store::open(dir.path()).unwrap());
    // What Budi taught the FAQ from QST-2026-00002.
    let learned = app.store.learned().unwrap();
    assert_eq!(learned.len(), 1);
    assert_eq!(learned[0].ticket, "QST-2026-00002");
    assert_eq!(learned[0].by, 5001);
    assert_eq!(learned[0].by_name, "Budi");
    assert_eq!(
        learned[0].question,
        "Min, apakah ada bazar ramadhan khusus produk pesantren tahun ini?"
    );
    let answer = "Bazar Ramadan 2027 belum dijadwalkan; jadwalnya diumumkan di kanal resmi OPOP.";
    assert_eq!(
        learned[0].teach,
        Teach::Entry {
            category: "market".into(),
            answer: answer.into()
        }
    );
    // The desk's index, as 9e05fbb wrote it with each ticket: every
    // ticket's facet, as the current code would make it.
    let facets = app.store.facets().unwrap();
    let tickets: Vec<_> = app.store.tickets().map(Result::unwrap).collect();
    assert_eq!(tickets.len(), 4);
    assert_eq!(facets.len(), tickets.len());
    for ticket in &tickets {
        let region = app.store.profile(ticket.user).unwrap();
        let region = region.as_ref().and_then(|p| p.text("region"));
        assert_eq!(
            facets.get(&ticket.number),
            Some(&Facet::of(ticket, region)),
            "{}",
            ticket.number
        );
    }
    // The staff's copies of the product's notice, for an erasure.
    assert_eq!(
        app.store
            .sent_copies(&CopyOf::Ticket("PRD-2026-00001".into()))
            .unwrap(),
        [
            SentCopy {
                chat: -100123,
                message_id: 42,
                kind: SentKind::Text,
            },
            SentCopy {
                chat: -100123,
                message_id: 43,
                kind: SentKind::Media,
            },
        ]
    );
    // Siti sees her answered question; another manager asking the same in
    // other words is answered with what Budi taught.
    let mut siti = Chat::with_app(app, 1001, Some("id"));
    let t = siti.send("/status");
    assert!(t.contains("QST-2026-00002"), "{t}");
    let mut dewi = siti.member(1004, 1004, "Dewi");
    let t = dewi.send("bazar ramadan buat produk pondok ada ga tahun ini?");
    assert!(t.contains(answer), "{t}");
}
