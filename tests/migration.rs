//! A data folder written by the previous version (`tests/data/store-fdeecf5`,
//! made by commit fdeecf5's code, the last before the restructuring)
//! opens with every record as it was, and its conversations, tickets,
//! broadcast and digest go on where they were.

mod common;

use std::path::Path;

use common::Chat;
use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::store::Store;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/store-fdeecf5");

/// A copy of the fixture's data folder (opening a store writes to it).
fn copy_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(FIXTURE).join("data");
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

#[test]
fn every_record_reads_back_as_the_previous_version_wrote_it() {
    let dir = copy_fixture();
    let store = Store::open(dir.path()).unwrap();
    let mut backup = Vec::new();
    store.backup(&mut backup).unwrap();
    let expected = std::fs::read_to_string(Path::new(FIXTURE).join("backup.jsonl")).unwrap();
    let now = String::from_utf8(backup).unwrap();
    // The old code's own backup of the same folder, line for line: every
    // tree, every key, every record's bytes; trees added since are empty.
    let header = |text: &str| -> serde_json::Value {
        serde_json::from_str(text.lines().next().unwrap()).unwrap()
    };
    let (old_header, new_header) = (header(&expected), header(&now));
    let old_counts = old_header["counts"].as_object().unwrap();
    for (tree, count) in new_header["counts"].as_object().unwrap() {
        match old_counts.get(tree) {
            Some(old) => assert_eq!(count, old, "records of {tree}"),
            None => assert_eq!(count, 0, "{tree} is new, so empty"),
        }
    }
    let records =
        |text: &str| -> Vec<String> { text.lines().skip(1).map(str::to_string).collect() };
    assert_eq!(records(&now), records(&expected));
}

#[test]
fn conversations_tickets_and_the_staff_chat_go_on_where_they_were() {
    let dir = copy_fixture();
    let app = app(Store::open(dir.path()).unwrap());
    assert_eq!(
        app.staff_chat(),
        Some(-100123),
        "/grupstaf's choice is kept"
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
    assert!(siti.text().contains("QST-2026-00002"), "{}", siti.text());
    // Today's digest was sent already; the running broadcast finishes.
    let now: jiff::Timestamp = "2026-11-28T05:00:00Z".parse().unwrap();
    assert!(!siti.app.send_digest_if_due(now).unwrap());
    let job = siti.app.store.jobs().unwrap().remove(0);
    assert_eq!(siti.app.store.ledger_counts(job.id).unwrap().total(), 2);
}
