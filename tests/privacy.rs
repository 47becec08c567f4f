//! Personal data (UU PDP): /privasi shows what is stored and why;
//! /hapusdata erases it, keeps the tickets' non-personal content, tells the
//! staff; afterwards neither the data folder's bytes, nor a backup, nor an
//! export holds the person's name, username or phone.

mod common;

use std::path::Path;

use common::Chat;
use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::export;
use opop_bot::i18n::Lang;
use opop_bot::records::{Answer, TicketStatus};
use opop_bot::store::Store;

const STAFF_CHAT: i64 = -100_555;
const BUDI: i64 = 2001;
/// What identifies the person in this test.
const TRACES: [&str; 5] = [
    "Kartini",
    "kartini_w",
    "Siti Aminah",
    "81298765432",
    "Nurul Falah",
];

fn app_in(dir: &Path) -> App {
    let mut config = Config::default();
    config.roles.staff = vec![BUDI];
    config.roles.staff_chat = Some(STAFF_CHAT);
    config.bot.data_dir = dir.to_path_buf();
    App::new(
        Content::embedded().unwrap(),
        Store::open(dir).unwrap(),
        config,
    )
}

fn manager(app: App) -> Chat {
    let mut chat = Chat::with_app(app, 7001, Some("id"));
    chat.first_name = "Kartini".into();
    chat.username = "kartini_w".into();
    register(&mut chat);
    chat.send("/produk");
    chat.send("Sambal Pecel Bu Siti Aminah");
    chat.press("Makanan");
    chat.send("Sambal pecel khas Kediri buatan santri.");
    chat.photos(1);
    chat.press("Selesai");
    chat.send("15000");
    chat.send("300");
    chat.press("PIRT");
    chat.press("Selesai");
    chat.press("Tidak");
    chat.press("Kirim");
    chat.send("apakah ada pelatihan untuk Kartini di Kediri?");
    chat.press("Tanya petugas");
    chat
}

/// Registers the pesantren, with the person's name and phone.
fn register(chat: &mut Chat) {
    chat.send("/daftar");
    chat.press("Setuju");
    chat.send("Pondok Pesantren Nurul Falah");
    chat.send("kediri");
    chat.press("Kabupaten Kediri");
    chat.press("Santripreneur");
    chat.send("Siti Aminah");
    chat.send("0812 9876 5432");
    chat.press("Lewati");
    let t = chat.press("Kirim");
    assert!(t.contains("Profil pesantren tersimpan"), "{t}");
}

/// Every file under `dir`, as bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            out.push((path.display().to_string(), bytes));
        }
    }
    out
}

/// The key of `owner` in the folder's key table (`keyring.keys`: a
/// 64-byte header, then 64-byte slots of owner i64 LE, generation u32 LE,
/// state u32 LE (1: a key), the key, ...).
fn key_of(dir: &Path, owner: i64) -> Option<Vec<u8>> {
    let table = std::fs::read(dir.join("keyring.keys")).unwrap();
    table[64..]
        .chunks(64)
        .find(|slot| slot[..8] == owner.to_le_bytes() && slot[12..16] == 1u32.to_le_bytes())
        .map(|slot| slot[16..48].to_vec())
}

fn traces_in(bytes: &[u8]) -> Vec<&'static str> {
    TRACES
        .into_iter()
        .filter(|t| bytes.windows(t.len()).any(|w| w == t.as_bytes()))
        .collect()
}

#[test]
fn privasi_shows_what_is_stored_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut chat = manager(app_in(dir.path()));
    let t = chat.send("/privasi");
    for line in [
        "🔒 Data Anda di bot OPOP",
        "• ID: 7001",
        "• Nama: Kartini",
        "• Username: @kartini_w",
        "• Nama pesantren: Pondok Pesantren Nurul Falah",
        "• Narahubung: Siti Aminah",
        "• Nomor HP: +6281298765432",
        "(versi pemberitahuan 2)",
        "Pengajuan: 2 (lihat dengan /status)",
        "Untuk apa: administrasi program OPOP Jawa Timur",
    ] {
        assert!(t.contains(line), "missing `{line}` in:\n{t}");
    }
    assert_eq!(chat.last_buttons(), ["🗑 Hapus data saya", "🏠 Menu"]);
    let t = chat.press("Hapus data saya");
    assert!(t.starts_with("🗑 Hapus data pribadi Anda?"), "{t}");
    let t = chat.press("Jangan hapus");
    assert_eq!(t, "Baik, data Anda tidak diubah.");
    assert!(chat.app.store.profile(7001).unwrap().is_some());
}

#[test]
fn hapusdata_leaves_no_trace_in_the_folder_backups_or_exports() {
    let dir = tempfile::tempdir().unwrap();
    let mut chat = manager(app_in(dir.path()));
    let mut staff = chat.member(BUDI, STAFF_CHAT, "Budi");
    staff.read();
    let store = chat.app.store.clone();
    // Before: the daily backup and an export hold the person (so the
    // searches below can find them), the sled files never did (sealed).
    store
        .daily_backup(&dir.path().join("backups"), chat.now, 7)
        .unwrap();
    store.flush().unwrap();
    let backups: Vec<u8> = files(&dir.path().join("backups"))
        .into_iter()
        .flat_map(|(_, b)| b)
        .collect();
    assert_eq!(traces_in(&backups), TRACES, "the backup holds them before");
    for (path, bytes) in files(dir.path())
        .iter()
        .filter(|(p, _)| !p.contains("backups"))
    {
        assert!(
            traces_in(bytes).is_empty(),
            "{path} holds plain personal data"
        );
    }
    let sheets = export::sheets(&store, &chat.app.content, Lang::Id, None).unwrap();
    assert!(
        !traces_in(&export::xlsx(&sheets).unwrap()).is_empty() || {
            // xlsx is zipped; look at the rows instead.
            format!("{sheets:?}").contains("Siti Aminah")
        }
    );

    let key = key_of(dir.path(), 7001).expect("the person has a key");
    chat.send("/hapusdata");
    let t = chat.press("Ya, hapus data saya");
    assert!(t.starts_with("✅ Data pribadi Anda sudah dihapus"), "{t}");
    // Their key is gone from the key table, overwritten in place, and
    // from every other file of the folder.
    assert_eq!(key_of(dir.path(), 7001), None);
    for (path, bytes) in files(dir.path()) {
        assert!(
            !bytes.windows(32).any(|w| w == key.as_slice()),
            "{path} still holds the destroyed key"
        );
    }

    // The staff are told, without the person's data.
    let t = staff.read();
    assert!(
        t.contains("Seorang pengguna menghapus data pribadinya"),
        "{t}"
    );
    assert!(t.contains("PRD-2026-00001, QST-2026-00001"), "{t}");
    assert!(traces_in(t.as_bytes()).is_empty(), "{t}");

    // The store: no profile, no user record; tickets anonymized, cancelled.
    assert!(store.profile(7001).unwrap().is_none());
    assert!(store.user(7001).unwrap().is_none());
    let product = store.ticket("PRD-2026-00001").unwrap().unwrap();
    assert!(product.erased_at.is_some());
    assert_eq!(product.status, TicketStatus::Cancelled);
    assert_eq!(product.user, 0);
    assert_eq!(product.answers.get("price"), Some(&Answer::Number(15_000)));
    assert!(!product.answers.contains_key("description"));
    let question = store.ticket("QST-2026-00001").unwrap().unwrap();
    assert!(question.answers.is_empty(), "{:?}", question.answers);
    assert!(store.tickets_of_user(7001).unwrap().is_empty());

    // No byte of the data folder holds them: not sled's files (old copies
    // are sealed with a destroyed key), not the keyring, not the scrubbed
    // daily backup.
    store.flush().unwrap();
    for (path, bytes) in files(dir.path()) {
        assert!(
            traces_in(&bytes).is_empty(),
            "{path} still holds {:?}",
            traces_in(&bytes)
        );
    }
    // A new backup and a new export neither.
    let mut backup = Vec::new();
    store.backup(&mut backup).unwrap();
    assert!(traces_in(&backup).is_empty(), "{:?}", traces_in(&backup));
    let sheets = export::sheets(&store, &chat.app.content, Lang::Id, None).unwrap();
    let rows = format!("{sheets:?}");
    assert!(traces_in(rows.as_bytes()).is_empty(), "{rows}");
    assert!(
        rows.contains("PRD-2026-00001"),
        "the ticket is still counted: {rows}"
    );

    // A new /start is a new user, welcomed from scratch.
    let t = chat.send("/start");
    assert!(t.contains("Belum terdaftar?"), "{t}");
}

#[test]
fn a_person_who_comes_back_after_erasure_keeps_their_new_data_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut chat = manager(app_in(dir.path()));
        chat.send("/hapusdata");
        chat.press("Ya, hapus data saya");
        // Back a week later: registers again.
        chat.advance(24 * 7);
        register(&mut chat);
        assert!(chat.app.store.profile(7001).unwrap().is_some());
        chat.app.store.flush().unwrap();
    }
    // A restart (the store opened again) must not shred the new key.
    let store = Store::open(dir.path()).unwrap();
    let profile = store
        .profile(7001)
        .unwrap()
        .expect("the new profile survives a restart");
    assert_eq!(profile.text("contact_person"), Some("Siti Aminah"));
    assert!(store.user(7001).unwrap().is_some());
}
