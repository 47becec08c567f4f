//! Staff teach the FAQ: a question the FAQ did not know, relayed to the
//! staff, answered, and kept with "➕ Tambah ke FAQ" — as a new entry or
//! as an example of an existing one. The next manager who asks the same
//! in other words is answered at once, after a restart too; nothing
//! personal of the asker is kept; it can be removed again; the digest
//! lists it; `opop-bot faq learned --export` writes it as content files.

mod common;

use std::path::Path;

use common::{Chat, copy_dir};
use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::records::Teach;
use opop_bot::store::Store;

const STAFF_CHAT: i64 = -100_555;
const BUDI: i64 = 2001;

fn config() -> Config {
    let mut config = Config::default();
    config.roles.staff = vec![BUDI];
    config.roles.staff_chat = Some(STAFF_CHAT);
    config
}

fn app_on(dir: &Path) -> App {
    App::new(
        Content::embedded().expect("shipped content parses"),
        Store::open(dir).unwrap(),
        config(),
    )
}

const QUESTION: &str =
    "Min, apakah ada bazar ramadhan khusus produk pesantren tahun ini? Saya Ahmad, WA 081234567890";
const ANSWER: &str = "Bazar Ramadan 2027 belum dijadwalkan; jadwalnya diumumkan di kanal resmi OPOP. \
     Pak Ahmad bisa hubungi sekretariat, jangan kirim nomor 081234567890 di grup.";
const MASKED_QUESTION: &str =
    "Min, apakah ada bazar ramadhan khusus produk pesantren tahun ini? Saya [nama], WA [nomor]";
const MASKED_ANSWER: &str = "Bazar Ramadan 2027 belum dijadwalkan; jadwalnya diumumkan di kanal resmi OPOP. \
     Pak [nama] bisa hubungi sekretariat, jangan kirim nomor [nomor] di grup.";
/// The same question in other words, by another manager.
const ASKED_AGAIN: &str = "bazar ramadan buat produk pondok ada ga tahun ini?";

/// Ahmad (registered) asks QUESTION, the FAQ does not know it, he hands
/// it to the staff, and Budi answers it in the staff chat.
fn asked_and_answered(app: App) -> (Chat, Chat) {
    let mut ahmad = Chat::with_app(app, 1001, Some("id"));
    ahmad.register();
    let mut staff = ahmad.member(BUDI, STAFF_CHAT, "Budi");
    let t = ahmad.send(QUESTION);
    assert!(!t.contains("Bazar Ramadan 2027"), "{t}");
    ahmad.press("Tanya petugas");
    staff.read();
    let (notice, _) = staff.find("QST-2026-00001");
    let t = staff.reply(notice, ANSWER);
    assert_eq!(
        t.lines().last().unwrap(),
        "✅ Jawaban untuk QST-2026-00001 sudah diteruskan ke penanya."
    );
    assert_eq!(staff.last_buttons(), ["➕ Tambah ke FAQ"]);
    (ahmad, staff)
}

#[test]
fn a_staff_answer_taught_as_a_new_entry_answers_the_next_manager() {
    let dir = tempfile::tempdir().unwrap();
    let (ahmad, mut staff) = asked_and_answered(app_on(dir.path()));

    // Budi keeps it: category, then "a new question".
    let t = staff.press("Tambah ke FAQ");
    assert!(t.starts_with("➕ Tambah ke FAQ dari QST-2026-00001"), "{t}");
    assert!(t.contains(&format!("“{MASKED_QUESTION}”")), "masked: {t}");
    let t = staff.press("Pemasaran dan Ekspor");
    assert!(
        t.contains("Pilih pertanyaan FAQ yang jawabannya sama"),
        "{t}"
    );
    assert!(
        staff
            .last_buttons()
            .contains(&"Di mana produk bisa dipasarkan?".to_string())
    );
    let t = staff.press("Pertanyaan baru di kategori ini");
    assert_eq!(
        t,
        format!(
            "✅ Disimpan di FAQ sebagai pertanyaan baru di 🛒 Pemasaran dan Ekspor: \
             “{MASKED_QUESTION}”, dengan balasan Anda sebagai jawabannya. Pengelola yang \
             bertanya serupa langsung mendapat jawaban itu."
        )
    );
    assert_eq!(staff.last_toast.as_deref(), Some("Tersimpan."));

    // Nothing personal was kept, and Budi is named.
    let learned = ahmad.app.store.learned().unwrap();
    assert_eq!(learned.len(), 1);
    assert_eq!(learned[0].question, MASKED_QUESTION);
    assert_eq!(learned[0].by_name, "Budi");
    assert_eq!(
        learned[0].teach,
        Teach::Entry {
            category: "market".into(),
            answer: MASKED_ANSWER.into()
        }
    );

    // Siti asks the same in other words: answered with Budi's reply.
    let mut siti = ahmad.member(1002, 1002, "Siti");
    let t = siti.send(ASKED_AGAIN);
    assert!(t.contains(MASKED_ANSWER), "{t}");
    assert!(
        t.starts_with("Min, apakah ada bazar ramadhan khusus…\n\n"),
        "the taught question is its title: {t}"
    );

    // The digest says what was learned, and by whom.
    let t = staff.send("/ringkasan");
    assert!(t.contains("🧠 Diajarkan ke FAQ: 1"), "{t}");
    assert!(
        t.contains(
            "• QST-2026-00001 “Min, apakah ada bazar ramadhan khusus produk pesantren tahun ini? \
             Saya [nama],…” → pertanyaan baru – Budi, 28 Nov 2026"
        ),
        "{t}"
    );

    // It is in the backups.
    let mut backup = Vec::new();
    ahmad.app.store.backup(&mut backup).unwrap();
    let backup = String::from_utf8(backup).unwrap();
    let key: String = "learned/QST-2026-00001"
        .bytes()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(backup.contains(&key), "in the backup");

    // After a restart the bot still knows it.
    drop((ahmad, staff, siti));
    let app = app_on(dir.path());
    let mut siti = Chat::with_app(app, 1002, Some("id"));
    let t = siti.send(ASKED_AGAIN);
    assert!(t.contains(MASKED_ANSWER), "after a restart: {t}");

    // And it can be taken back.
    let mut staff = siti.member(BUDI, STAFF_CHAT, "Budi");
    let t = staff.send("/dipelajari");
    assert!(t.starts_with("🧠 Diajarkan petugas ke FAQ (1)"), "{t}");
    let t = staff.press("Hapus QST-2026-00001");
    assert!(
        t.starts_with("🗑 Yang diajarkan dari QST-2026-00001 sudah dihapus dari FAQ."),
        "{t}"
    );
    assert!(siti.app.store.learned().unwrap().is_empty());
    let t = siti.send(ASKED_AGAIN);
    assert!(!t.contains(MASKED_ANSWER), "removed: {t}");
}

#[test]
fn a_question_taught_as_an_example_finds_that_entry() {
    let dir = tempfile::tempdir().unwrap();
    let (ahmad, mut staff) = asked_and_answered(app_on(dir.path()));
    staff.press("Tambah ke FAQ");
    staff.press("Pemasaran dan Ekspor");
    let t = staff.press("Di mana produk bisa dipasarkan?");
    assert!(
        t.starts_with(&format!(
            "✅ Disimpan di FAQ: “{MASKED_QUESTION}” sekarang dijawab dengan “Di mana produk bisa dipasarkan?”."
        )),
        "{t}"
    );
    let mut siti = ahmad.member(1002, 1002, "Siti");
    let t = siti.send("ada bazar ramadan ga tahun ini buat jualan produk pondok?");
    assert!(t.contains("Di mana produk bisa dipasarkan?"), "{t}");
    // Undo on the same message takes it back.
    let t = staff.press("Batalkan");
    assert!(t.contains("sudah dihapus dari FAQ"), "{t}");
    assert_eq!(staff.last_buttons(), ["➕ Tambah ke FAQ"]);
}

#[test]
fn only_staff_teach_and_an_unanswered_question_cannot_be_taught() {
    let dir = tempfile::tempdir().unwrap();
    let (ahmad, mut staff) = asked_and_answered(app_on(dir.path()));
    let (message_id, _) = staff.find("sudah diteruskan ke penanya");
    let mut stranger = ahmad.member(4242, STAFF_CHAT, "Tamu");
    stranger.press_on(message_id, "t:n:QST-2026-00001:market");
    assert_eq!(
        stranger.last_toast.as_deref(),
        Some("Tombol ini khusus petugas OPOP.")
    );
    assert!(ahmad.app.store.learned().unwrap().is_empty());
    staff.press_on(message_id, "t:a:QST-2026-00099");
    assert_eq!(
        staff.last_toast.as_deref(),
        Some("Pertanyaan ini belum dijawab.")
    );
}

#[test]
fn what_was_taught_is_exported_as_content_files_that_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let (ahmad, mut staff) = asked_and_answered(app_on(dir.path()));
    staff.press("Tambah ke FAQ");
    staff.press("Pemasaran dan Ekspor");
    staff.press("Pertanyaan baru di kategori ini");
    drop((ahmad, staff));

    // The project's content, with the exported files copied in.
    let project = tempfile::tempdir().unwrap();
    copy_dir(Path::new("dialogs"), &project.path().join("dialogs"));
    copy_dir(Path::new("locales"), &project.path().join("locales"));
    let out = project.path().join("learned");
    let config = project.path().join("opop-bot.toml");
    std::fs::write(
        &config,
        format!("[bot]\ndata_dir = {:?}\n", dir.path().to_str().unwrap()),
    )
    .unwrap();
    let run = common::run_binary(
        &["faq", "learned", "--export", out.to_str().unwrap()],
        "",
        &[("OPOP_CONFIG", &config)],
    );
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(said.contains("1 taught, 5 files"), "{said}");
    let entries = std::fs::read_to_string(out.join("dialogs/faq-learned.toml")).unwrap();
    assert!(
        entries.contains("[[entry]]\nid = \"qst-2026-00001\"\ncategory = \"market\""),
        "{entries}"
    );
    let texts = std::fs::read_to_string(out.join("locales/id/faq-learned.ftl")).unwrap();
    assert!(
        texts.contains("faq-qst-2026-00001-q = Min, apakah ada bazar ramadhan khusus…"),
        "{texts}"
    );
    let english = std::fs::read_to_string(out.join("locales/en/faq-learned.ftl")).unwrap();
    assert!(english.contains("# TODO: translate into en"), "{english}");
    let examples = std::fs::read_to_string(out.join("dialogs/examples/learned-id.toml")).unwrap();
    assert!(examples.contains("[qst-2026-00001]"), "{examples}");
    assert!(!examples.contains("081234567890") && !entries.contains("Ahmad"));

    // Copied into the project, the content still passes `opop-bot check`.
    copy_dir(&out.join("dialogs"), &project.path().join("dialogs"));
    copy_dir(&out.join("locales"), &project.path().join("locales"));
    let dialogs = project.path().join("dialogs");
    let locales = project.path().join("locales");
    let run = common::run_binary(
        &[
            "check",
            "--dialogs",
            dialogs.to_str().unwrap(),
            "--locales",
            locales.to_str().unwrap(),
        ],
        "",
        &[],
    );
    assert!(
        run.status.success(),
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("7 dialog files, 5 example files"));
}
