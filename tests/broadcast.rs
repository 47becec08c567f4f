//! Admin broadcasts through the real engine, store and pump (no Telegram):
//! composing with formatting, audiences, preview, English version,
//! schedule (and a late start), cancel, the ledger and the report.

mod common;

use common::Chat;
use jiff::{SignedDuration, Timestamp};
use opop_bot::app::App;
use opop_bot::broadcast::{self};
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::i18n::Lang;
use opop_bot::records::UserRecord;
use opop_bot::records::{Answer, Answers, Profile};
use opop_bot::records::{DeliveryStatus, JobState};
use opop_bot::store::{OutboxRow, Priority, Store};

const ADMIN: i64 = 3001;

fn app() -> App {
    let mut config = Config::default();
    config.roles.admins = vec![ADMIN];
    App::new(
        Content::embedded().expect("shipped content parses"),
        Store::temporary().unwrap(),
        config,
    )
}

/// Seeds a user (with a profile in `region` unless `None`).
pub fn seed(store: &Store, id: i64, region: Option<&str>, lang: Lang, active: bool) {
    let now: Timestamp = "2026-11-20T03:00:00Z".parse().unwrap();
    let mut user = UserRecord::new(id, now);
    user.lang = Some(lang);
    user.active = active;
    let profile = region.map(|r| {
        let mut answers = Answers::new();
        answers.insert("name".into(), Answer::Text(format!("Pondok {id}")));
        answers.insert("region".into(), Answer::Region(r.into()));
        answers.insert("pillar".into(), Answer::Choice("santripreneur".into()));
        Profile {
            v: Profile::VERSION,
            user: id,
            answers,
            consent_at: Some(now),
            consent_notice: 1,
            updated_at: now,
        }
    });
    store.import_user(&user, profile.as_ref()).unwrap();
}

/// Plays the sender: every broadcast delivery in the outbox is "sent"
/// (blocked for the ids in `blocked`); returns the messages per chat.
fn deliver_all(app: &App, blocked: &[i64], now: Timestamp) -> Vec<(i64, String)> {
    let mut delivered = Vec::new();
    for _ in 0..1000 {
        broadcast::pump(&app.content, &app.store, now).unwrap();
        let rows: Vec<OutboxRow> = app
            .store
            .outbox_rows(100_000)
            .unwrap()
            .into_iter()
            .filter(|r| r.priority == Priority::Broadcast)
            .collect();
        if rows.is_empty() {
            let running = app
                .store
                .jobs()
                .unwrap()
                .iter()
                .any(|j| j.finished_at.is_none() && j.state == JobState::Running);
            if !running {
                break;
            }
            continue;
        }
        assert!(rows.len() <= broadcast::WINDOW);
        for row in rows {
            let m = row.message().unwrap().clone();
            let job = app.store.job(row.delivery.unwrap().job).unwrap().unwrap();
            let status = if job.state == JobState::Cancelled {
                // As the sender does: a stopped job's queued rows stay unsent.
                DeliveryStatus::Cancelled
            } else if blocked.contains(&m.chat) {
                DeliveryStatus::Blocked
            } else {
                delivered.push((m.chat, m.text.clone()));
                DeliveryStatus::Sent
            };
            app.store.complete_delivery(&row, status, None).unwrap();
        }
    }
    delivered
}

#[test]
fn only_admins_broadcast() {
    let mut user = Chat::with_app(app(), 1001, Some("id"));
    let t = user.send("/siaran");
    assert_eq!(t, "Siaran hanya dapat dikirim oleh admin OPOP.");
    let t = user.press_data("b:go");
    assert_eq!(t, "");
    assert_eq!(
        user.last_toast.as_deref(),
        Some("Tombol ini khusus admin OPOP.")
    );
}

#[test]
fn a_region_broadcast_with_formatting_reaches_exactly_its_audience() {
    let mut admin = Chat::with_app(app(), ADMIN, Some("id"));
    let store = admin.app.store.clone();
    for id in 1..=30 {
        seed(
            &store,
            10_000 + id,
            Some("Kabupaten Malang"),
            Lang::Id,
            true,
        );
    }
    seed(&store, 10_100, Some("Kabupaten Malang"), Lang::En, true);
    seed(&store, 10_101, Some("Kabupaten Malang"), Lang::Id, false); // blocked the bot
    seed(&store, 10_102, Some("Kota Surabaya"), Lang::Id, true);
    seed(&store, 10_103, None, Lang::Id, true);

    let t = admin.send("/siaran");
    assert!(t.starts_with("📢 Siaran baru"), "{t}");
    let t = admin.send_formatted(
        "Pelatihan ekspor kopi 5 Desember",
        "<b>Pelatihan ekspor kopi</b> 5 Desember",
    );
    assert_eq!(t, "Kirim ke siapa?");
    admin.press("Per wilayah");
    let t = admin.press("Kabupaten Malang");
    assert!(t.contains("Terpilih: 1."), "{t}");
    assert!(
        admin
            .last_buttons()
            .contains(&"✅ Kabupaten Malang".to_string())
    );
    let t = admin.press("Selesai");
    // The preview: exactly what recipients get, then who and how many.
    assert_eq!(
        admin.last[1].text,
        "📢 <b>Pengumuman OPOP Jawa Timur</b>\n\n<b>Pelatihan ekspor kopi</b> 5 Desember"
    );
    assert!(
        t.contains("Penerima: Kabupaten Malang\nJumlah: 31 pengguna aktif (1 berbahasa Inggris)"),
        "{t}"
    );
    let t = admin.press("Tambah versi bahasa Inggris");
    assert!(t.starts_with("Kirim versi bahasa Inggris"), "{t}");
    let t = admin.send_formatted(
        "Coffee export training, 5 December",
        "<i>Coffee export training</i>, 5 December",
    );
    assert!(
        t.contains("📢 OPOP East Java announcement\n\nCoffee export training, 5 December"),
        "{t}"
    );
    assert!(
        t.contains("Pengguna berbahasa Inggris menerima versi bahasa Inggris."),
        "{t}"
    );
    let t = admin.press("Kirim sekarang");
    assert_eq!(t, "⏳ Menyiapkan pengiriman…");
    assert!(
        admin.last[0].edit.is_some(),
        "the preview's controls turn into the progress line"
    );

    let now: Timestamp = "2026-11-28T03:05:00Z".parse().unwrap();
    let delivered = deliver_all(&admin.app, &[], now);
    let mut chats: Vec<i64> = delivered.iter().map(|(c, _)| *c).collect();
    chats.sort();
    let mut expected: Vec<i64> = (10_001..=10_030).collect();
    expected.push(10_100);
    assert_eq!(
        chats, expected,
        "each recipient once; not the inactive, not other regions"
    );
    let english = delivered.iter().find(|(c, _)| *c == 10_100).unwrap();
    assert!(
        english.1.contains("<i>Coffee export training</i>"),
        "{}",
        english.1
    );
    let job = store.jobs().unwrap().pop().unwrap();
    assert_eq!(job.state, JobState::Done);
    let counts = store.ledger_counts(job.id).unwrap();
    assert_eq!((counts.sent, counts.total()), (31, 31));

    let t = admin.read();
    assert!(t.contains("✅ Siaran #1 selesai"), "{t}");
    assert!(t.contains("Terkirim: 31 dari 31"), "{t}");
    let t = admin.send("/siaran_status");
    assert!(t.contains("#1 selesai"), "{t}");
}

#[test]
fn bad_input_is_explained_and_the_step_stays() {
    let mut admin = Chat::with_app(app(), ADMIN, Some("id"));
    admin.send("/siaran");
    let t = admin.send_formatted("x", "<b>x");
    assert!(t.starts_with("Format teks ini tidak dapat dikirim"), "{t}");
    let long = "a".repeat(4100);
    let t = admin.send(&long);
    assert!(
        t.starts_with("Pengumuman terlalu panjang: paling banyak"),
        "{t}"
    );
    let t = admin.photo_with_caption("<b>Expo</b> Surabaya");
    assert_eq!(t, "Kirim ke siapa?");
    let t = admin.press("Semua pengguna aktif");
    assert_eq!(admin.last[1].media.len(), 1, "the preview shows the photo");
    assert!(
        t.contains("Jumlah: 1 pengguna aktif"),
        "the admin counts: {t}"
    );
    admin.press("Jadwalkan");
    let t = admin.send("besok pagi");
    assert!(t.starts_with("Tanggal atau jamnya tidak terbaca."), "{t}");
    let t = admin.send("1/1 08.00");
    assert!(t.starts_with("Waktu itu sudah lewat."), "{t}");
    let t = admin.send("/batal");
    assert_eq!(t, "Siaran dibatalkan.");
    assert!(admin.app.store.jobs().unwrap().is_empty());
}

#[test]
fn a_scheduled_broadcast_missed_while_down_is_sent_late_and_says_so() {
    let mut admin = Chat::with_app(app(), ADMIN, Some("id"));
    let store = admin.app.store.clone();
    for id in 1..=5 {
        seed(&store, 20_000 + id, Some("Kota Batu"), Lang::Id, true);
    }
    admin.send("/siaran");
    admin.send("Expo produk pesantren di Grand City");
    admin.press("Semua pengguna aktif");
    admin.press("Jadwalkan");
    let t = admin.send("2026-12-01 08:00");
    assert_eq!(
        t,
        "🕒 Siaran dijadwalkan pada 1 Des 2026 08:00 WIB. Lihat atau batalkan lewat /siaran_status."
    );
    let before: Timestamp = "2026-12-01T00:59:00Z".parse().unwrap();
    broadcast::pump(&admin.app.content, &store, before).unwrap();
    assert_eq!(store.jobs().unwrap()[0].state, JobState::Scheduled);
    // The bot was down at 08:00 and comes back at 09:30.
    let late: Timestamp = "2026-12-01T02:30:00Z".parse().unwrap();
    let delivered = deliver_all(&admin.app, &[20_003], late);
    assert_eq!(delivered.len(), 5, "4 users and the admin");
    let t = admin.read();
    assert!(t.contains("Terkirim: 5 dari 6"), "{t}");
    assert!(t.contains("Memblokir bot: 1"), "{t}");
    assert!(
        t.contains(
            "⚠️ Dikirim terlambat: bot tidak berjalan pada waktu terjadwal (1 Des 2026 08:00 WIB)"
        ),
        "{t}"
    );
}

#[test]
fn a_running_broadcast_can_be_stopped() {
    let mut admin = Chat::with_app(app(), ADMIN, Some("id"));
    let store = admin.app.store.clone();
    for id in 1..=40 {
        seed(&store, 30_000 + id, Some("Kota Kediri"), Lang::Id, true);
    }
    admin.send("/siaran");
    admin.send("Pendaftaran kurasi dibuka");
    admin.press("Semua pengguna aktif");
    admin.press("Kirim sekarang");
    let now: Timestamp = "2026-11-28T03:05:00Z".parse().unwrap();
    broadcast::pump(&admin.app.content, &store, now).unwrap();
    let t = admin.read();
    assert!(
        t.contains("Siaran #1: terkirim 0, gagal 0, memblokir bot 0, sisa 41 dari 41"),
        "{t}"
    );
    admin.press("Hentikan siaran");
    assert_eq!(admin.last_toast.as_deref(), Some("Membatalkan…"));
    let delivered = deliver_all(&admin.app, &[], now + SignedDuration::from_secs(1));
    assert!(
        delivered.is_empty(),
        "what was queued is not sent after the stop"
    );
    let job = store.jobs().unwrap().pop().unwrap();
    assert_eq!(job.state, JobState::Cancelled);
    let counts = store.ledger_counts(job.id).unwrap();
    assert_eq!(counts.sent + counts.cancelled, 41, "{counts:?}");
    let t = admin.read();
    assert!(t.contains("✖ Siaran #1 dihentikan"), "{t}");
}

#[test]
fn a_scheduled_broadcast_tells_the_admin_once_not_every_five_seconds() {
    let mut admin = Chat::with_app(app(), ADMIN, Some("id"));
    let store = admin.app.store.clone();
    for id in 1..=40 {
        seed(&store, 40_000 + id, Some("Kota Madiun"), Lang::Id, true);
    }
    admin.send("/siaran");
    admin.send("Batas pendaftaran kurasi 10 Desember");
    admin.press("Semua pengguna aktif");
    admin.press("Jadwalkan");
    admin.send("2026-12-01 08:00");
    let start: Timestamp = "2026-12-01T01:00:30Z".parse().unwrap();
    for s in [0, 6, 12, 18] {
        broadcast::pump(
            &admin.app.content,
            &store,
            start + SignedDuration::from_secs(s),
        )
        .unwrap();
    }
    let t = admin.read();
    let lines: Vec<_> = admin
        .last
        .iter()
        .filter(|m| m.text.starts_with("📢 Siaran #1"))
        .collect();
    assert_eq!(lines.len(), 1, "one 'started' line, not one per round: {t}");
    assert!(lines[0].text.starts_with("📢 Siaran #1: terkirim 0"), "{t}");
    assert_eq!(admin.last_buttons(), ["✖ Hentikan siaran"]);
}

#[test]
fn the_report_offers_to_send_again_to_the_interrupted_who_may_get_it_twice() {
    let mut admin = Chat::with_app(app(), ADMIN, Some("id"));
    let store = admin.app.store.clone();
    for id in 1..=20 {
        seed(&store, 20_000 + id, Some("Kota Batu"), Lang::Id, true);
    }
    admin.send("/siaran");
    admin.send("Bazar produk pesantren 12 Desember");
    admin.press("Semua pengguna");
    admin.press("Kirim sekarang");
    let now: Timestamp = "2026-11-28T03:05:00Z".parse().unwrap();
    // The first window goes into the outbox, then the bot is killed: at
    // the next start those deliveries count as interrupted.
    broadcast::pump(&admin.app.content, &store, now).unwrap();
    broadcast::pump(&admin.app.content, &store, now).unwrap();
    let interrupted = store.interrupt_broadcast_rows().unwrap();
    assert_eq!(interrupted, broadcast::WINDOW);
    let first = deliver_all(&admin.app, &[], now);
    assert_eq!(first.len(), 21 - interrupted, "the rest, once");
    let t = admin.read();
    assert!(
        t.contains(&format!("{interrupted} pengiriman terputus")),
        "{t}"
    );
    assert!(
        t.contains("mendapatkannya dua kali"),
        "says they may get it twice: {t}"
    );
    let label = format!("Kirim ulang ke {interrupted} yang terputus");
    assert!(
        admin.last_buttons().iter().any(|b| b.contains(&label)),
        "{:?}",
        admin.last_buttons()
    );
    admin.press(&label);
    assert_eq!(
        admin.last_toast.as_deref(),
        Some("Mengirim ulang ke penerima yang terputus…")
    );
    let again = deliver_all(&admin.app, &[], now);
    assert_eq!(again.len(), interrupted, "exactly the interrupted");
    let job = store.jobs().unwrap().pop().unwrap();
    assert_eq!(job.state, JobState::Done);
    let counts = store.ledger_counts(job.id).unwrap();
    assert_eq!((counts.sent, counts.interrupted), (21, 0));
    let t = admin.read();
    assert!(t.contains("Terkirim: 21 dari 21"), "a second report: {t}");
    // Pressing it again: nothing left to send.
    admin.press(&label);
    assert_eq!(
        admin.last_toast.as_deref(),
        Some("Tidak ada pengiriman terputus untuk dikirim ulang.")
    );
}
