//! Data the program can use: the XLSX workbook and CSV files read back,
//! /ekspor refused to non-staff, the command line export, and backup ->
//! restore -> backup giving the same file.

mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::{Chat, run_binary};
use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::export;
use opop_bot::i18n::Lang;
use opop_bot::outcome::Attachment;
use opop_bot::store::Store;

const STAFF_CHAT: i64 = -100_555;
const BUDI: i64 = 2001;

/// A store with one registered pesantren (an Arabic name too), a product,
/// a mentoring request and a question, made through the engine.
fn seeded(app: App) -> Chat {
    let mut chat = Chat::with_app(app, 1001, Some("id"));
    chat.send("/daftar");
    chat.press("Setuju");
    chat.send("Pondok Pesantren Darul Ulum — دار العلوم");
    chat.send("jombang");
    chat.press("Pesantrenpreneur");
    chat.send("Siti Aminah");
    chat.send("0812 3456 7890");
    chat.press("Lewati");
    chat.press("Kirim");
    chat.send("/produk");
    chat.send("Gula Aren “Lereng Wilis”");
    chat.press("Makanan");
    chat.send("Gula aren cetak, dimasak santri di pondok.");
    chat.photos(1);
    chat.press("Selesai");
    chat.send("Rp 25.000");
    chat.send("1.200");
    chat.press("Halal");
    chat.press("Selesai");
    chat.press("Tidak");
    chat.press("Kirim");
    chat.send("/pendampingan");
    chat.press("Kemasan");
    chat.press("Selesai");
    chat.send("Kemasan gula aren supaya tahan lama.");
    chat.press("Daring");
    chat.send("Kamis pagi");
    chat.press("Kirim");
    chat.send("skor persebaya semalam berapa?");
    chat.press("Tanya petugas");
    chat
}

fn app() -> App {
    let mut config = Config::default();
    config.roles.staff = vec![BUDI];
    config.roles.staff_chat = Some(STAFF_CHAT);
    App::new(
        Content::embedded().unwrap(),
        Store::temporary().unwrap(),
        config,
    )
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn the_workbook_holds_exactly_the_seeded_rows() {
    let chat = seeded(app());
    let a = &chat.app;
    let sheets = export::sheets(&a.store, &a.content, Lang::Id, None).unwrap();
    let bytes = export::xlsx(&sheets).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Pesantren", "Produk", "Pendampingan", "Pertanyaan"]
    );

    let p = book.worksheet_range("Pesantren").unwrap();
    assert_eq!(p.height(), 2, "header and one pesantren");
    let header: Vec<String> = p.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(
        header,
        [
            "ID Telegram",
            "Nama pesantren",
            "Kabupaten/kota",
            "Pilar",
            "Narahubung",
            "Nomor HP",
            "NSPP",
            "Username Telegram",
            "Bahasa",
            "Aktif",
            "Persetujuan data (WIB)",
            "Diperbarui (WIB)"
        ]
    );
    let row: Vec<&Data> = p.rows().nth(1).unwrap().iter().collect();
    assert_eq!(row[0], &Data::Float(1001.0));
    assert_eq!(text(row[1]), "Pondok Pesantren Darul Ulum — دار العلوم");
    assert_eq!(text(row[2]), "Kabupaten Jombang");
    assert_eq!(text(row[4]), "Siti Aminah");
    assert_eq!(text(row[5]), "+6281234567890");
    assert_eq!(text(row[7]), "@ahmad");
    assert!(
        matches!(row[11], Data::DateTime(_)),
        "dates are dates: {:?}",
        row[11]
    );

    let products = book.worksheet_range("Produk").unwrap();
    assert_eq!(products.height(), 2);
    let header: Vec<String> = products.rows().next().unwrap().iter().map(text).collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let row: Vec<&Data> = products.rows().nth(1).unwrap().iter().collect();
    assert_eq!(text(row[col("Nomor")]), "PRD-2026-00001");
    assert_eq!(
        text(row[col("Pesantren")]),
        "Pondok Pesantren Darul Ulum — دار العلوم"
    );
    assert_eq!(text(row[col("Nama produk")]), "Gula Aren “Lereng Wilis”");
    assert_eq!(
        row[col("Harga")],
        &Data::Float(25_000.0),
        "Rupiah as a number"
    );
    assert_eq!(row[col("Kapasitas per bulan")], &Data::Float(1_200.0));
    assert_eq!(text(row[col("Status")]), "Menunggu peninjauan");
    assert!(matches!(row[col("Dibuat (WIB)")], Data::DateTime(_)));

    for (sheet, number) in [
        ("Pendampingan", "MNT-2026-00001"),
        ("Pertanyaan", "QST-2026-00001"),
    ] {
        let r = book.worksheet_range(sheet).unwrap();
        assert_eq!(r.height(), 2, "{sheet}");
        assert_eq!(text(r.get((1, 0)).unwrap()), number);
    }
    let q = book.worksheet_range("Pertanyaan").unwrap();
    let row: Vec<String> = q.rows().nth(1).unwrap().iter().map(text).collect();
    assert!(
        row.contains(&"skor persebaya semalam berapa?".to_string()),
        "{row:?}"
    );
}

#[test]
fn csv_files_have_a_bom_and_the_same_rows() {
    let chat = seeded(app());
    let a = &chat.app;
    let sheets = export::sheets(&a.store, &a.content, Lang::Id, None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let files = export::write_csv(&sheets, dir.path()).unwrap();
    assert_eq!(files.len(), 4);
    let bytes = std::fs::read(dir.path().join("Produk.csv")).unwrap();
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 BOM for Excel"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("Nama produk")], "Gula Aren “Lereng Wilis”");
    assert_eq!(&rows[0][col("Harga")], "25000");
    assert_eq!(
        &rows[0][col("Pesantren")],
        "Pondok Pesantren Darul Ulum — دار العلوم"
    );
    let created = &rows[0][col("Dibuat (WIB)")];
    let pesantren = std::fs::read(dir.path().join("Pesantren.csv")).unwrap();
    let text = String::from_utf8_lossy(&pesantren[3..]).into_owned();
    assert!(
        text.contains(",'+6281234567890,"),
        "a phone number stays text in Excel: {text}"
    );
    assert!(created.starts_with("2026-11-28 10:"), "WIB: {created}");
}

#[test]
fn only_staff_get_the_export() {
    let mut chat = seeded(app());
    let t = chat.send("/ekspor");
    assert_eq!(
        t,
        "Perintah ini khusus petugas OPOP. Ketik /menu untuk melihat menu."
    );
    let mut budi = chat.member(BUDI, STAFF_CHAT, "Budi");
    budi.read();
    let t = budi.send("/ekspor");
    assert_eq!(t, "⏳ Menyiapkan file ekspor…\n\n");
    assert_eq!(budi.last[1].attachment, Some(Attachment::Export));
}

#[test]
fn backup_restore_backup_is_identical_and_restore_never_overwrites() {
    let chat = seeded(app());
    let mut first = Vec::new();
    let summary = chat.app.store.backup(&mut first).unwrap();
    assert_eq!(summary.counts["tickets"], 3);
    assert_eq!(summary.counts["profiles"], 1);
    let header = String::from_utf8_lossy(first.split(|b| *b == b'\n').next().unwrap()).into_owned();
    assert!(
        header
            .starts_with("{\"format\":\"opop-bot backup\",\"version\":1,\"schema\":2,\"counts\":{"),
        "{header}"
    );

    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("restored");
    let restored = Store::restore(Cursor::new(&first), &target).unwrap();
    assert_eq!(restored.counts, summary.counts);
    let again = Store::open(&target).unwrap();
    let mut second = Vec::new();
    again.backup(&mut second).unwrap();
    assert!(first == second, "backup -> restore -> backup differs");
    let ticket = again.ticket("PRD-2026-00001").unwrap().unwrap();
    assert_eq!(ticket.title(), "Gula Aren “Lereng Wilis”");
    drop(again);

    // Through the command line: a non-empty folder is refused.
    let file = dir.path().join("backup.jsonl");
    std::fs::write(&file, &first).unwrap();
    let out = run_binary(
        &[
            "restore",
            "--in",
            file.to_str().unwrap(),
            "--data-dir",
            target.to_str().unwrap(),
        ],
        "",
        &[],
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is not empty; restore only into a new or empty folder"),
        "{err}"
    );
    let fresh = dir.path().join("fresh");
    let out = run_binary(
        &[
            "restore",
            "--in",
            file.to_str().unwrap(),
            "--data-dir",
            fresh.to_str().unwrap(),
        ],
        "",
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("restored "));
}

#[test]
fn a_truncated_backup_is_refused() {
    let chat = seeded(app());
    let mut bytes = Vec::new();
    chat.app.store.backup(&mut bytes).unwrap();
    let cut = bytes.len() - 200;
    let text = String::from_utf8_lossy(&bytes[..cut]);
    let whole_lines: String = text
        .lines()
        .take(text.lines().count() - 1)
        .collect::<Vec<_>>()
        .join("\n");
    let dir = tempfile::tempdir().unwrap();
    let err = Store::restore(Cursor::new(whole_lines), &dir.path().join("x")).unwrap_err();
    assert!(err.to_string().contains("truncated?"), "{err}");
}

#[test]
fn a_refused_restore_leaves_nothing_and_can_be_run_again() {
    let chat = seeded(app());
    let mut bytes = Vec::new();
    chat.app.store.backup(&mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let truncated = lines[..lines.len() - 3].join("\n");
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("restored");
    let err = Store::restore(Cursor::new(truncated), &target).unwrap_err();
    assert!(err.to_string().contains("truncated?"), "{err}");
    assert!(!target.exists(), "no half store is left");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(leftovers.is_empty(), "nothing beside it either");
    // An empty folder given as the target stays usable too.
    std::fs::create_dir(&target).unwrap();
    Store::restore(Cursor::new(&text), &target).unwrap();
    let store = Store::open(&target).unwrap();
    assert!(store.ticket("PRD-2026-00001").unwrap().is_some());
}

#[test]
fn backups_are_signed_and_a_restore_checks_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let daily = {
        let mut config = Config::default();
        config.roles.staff = vec![BUDI];
        config.roles.staff_chat = Some(STAFF_CHAT);
        let app = App::new(
            Content::embedded().unwrap(),
            Store::open(&data).unwrap(),
            config,
        );
        let chat = seeded(app);
        // The staff chat's notices wait in the outbox: rows in transit.
        assert!(chat.app.store.outbox_len() > 0);
        let now: jiff::Timestamp = "2026-11-29T01:00:00Z".parse().unwrap();
        chat.app
            .store
            .daily_backup(&data.join("backups"), now, 7)
            .unwrap()
            .unwrap()
    };
    assert!(
        std::fs::read_to_string(&daily)
            .unwrap()
            .trim_end()
            .lines()
            .last()
            .unwrap()
            .starts_with("{\"signature\":"),
        "signed"
    );
    let restore =
        |file: &std::path::Path, target: &std::path::Path, keyring: Option<&std::path::Path>| {
            let mut args = vec![
                "restore",
                "--in",
                file.to_str().unwrap(),
                "--data-dir",
                target.to_str().unwrap(),
            ];
            if let Some(k) = keyring {
                args.extend(["--keyring", k.to_str().unwrap()]);
            }
            run_binary(&args, "", &[])
        };
    // The daily backup, checked with the keyring beside its folder: all of it.
    let whole = dir.path().join("whole");
    let out = restore(&daily, &whole, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("could not be checked"));
    assert!(
        Store::open(&whole).unwrap().outbox_len() > 0,
        "rows in transit restored"
    );
    // A changed copy is refused, and nothing is restored.
    let changed = dir.path().join("changed.jsonl");
    let text = std::fs::read_to_string(&daily).unwrap();
    std::fs::write(&changed, text.replace("Siti Aminah", "Siti Aminaa")).unwrap();
    let refused = dir.path().join("refused");
    let out = restore(&changed, &refused, Some(&data.join("keyring.json")));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("was changed after it was made"));
    assert!(!refused.exists());
    // A copy that cannot be checked (no keyring beside it) is restored
    // without its rows in transit.
    let copy = dir.path().join("copy.jsonl");
    std::fs::write(&copy, &text).unwrap();
    let unchecked = dir.path().join("unchecked");
    let out = restore(&copy, &unchecked, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("could not be checked"));
    let store = Store::open(&unchecked).unwrap();
    assert_eq!(store.outbox_len(), 0, "nothing forged can be sent");
    assert!(store.ticket("PRD-2026-00001").unwrap().is_some());
}

#[test]
fn the_command_line_exports_and_backs_up_a_stopped_bot() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let mut config = Config::default();
        config.roles.staff = vec![BUDI];
        let app = App::new(
            Content::embedded().unwrap(),
            Store::open(&data).unwrap(),
            config,
        );
        let chat = seeded(app);
        chat.app.store.flush().unwrap();
    }
    let csv_dir = dir.path().join("csv");
    let out = run_binary(
        &[
            "export",
            "--format",
            "csv",
            "--out",
            csv_dir.to_str().unwrap(),
        ],
        "",
        &[("OPOP_DATA_DIR", &data)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("Pesantren 1, Produk 1, Pendampingan 1, Pertanyaan 1"),
        "{said}"
    );
    assert!(csv_dir.join("Pertanyaan.csv").exists());
    let xlsx = dir.path().join("opop.xlsx");
    let out = run_binary(
        &[
            "export",
            "--out",
            xlsx.to_str().unwrap(),
            "--since",
            "2026-11-29",
        ],
        "",
        &[("OPOP_DATA_DIR", &data)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Produk 0"), "nothing since tomorrow: {said}");
    let backup = dir.path().join("b.jsonl");
    let out = run_binary(
        &["backup", "--out", backup.to_str().unwrap()],
        "",
        &[("OPOP_DATA_DIR", &data)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&backup)
            .unwrap()
            .contains("PRD-2026-00001")
    );
}

#[test]
fn daily_backups_keep_the_last_seven() {
    let chat = seeded(app());
    let dir = tempfile::tempdir().unwrap();
    let mut now: jiff::Timestamp = "2026-11-01T01:00:00Z".parse().unwrap();
    for _ in 0..10 {
        let written = chat.app.store.daily_backup(dir.path(), now, 7).unwrap();
        assert!(written.is_some());
        assert!(
            chat.app
                .store
                .daily_backup(dir.path(), now, 7)
                .unwrap()
                .is_none(),
            "once a day"
        );
        now += jiff::SignedDuration::from_hours(24);
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 7);
    assert_eq!(names[0], "opop-2026-11-04.jsonl");
    assert_eq!(names[6], "opop-2026-11-10.jsonl");
}
