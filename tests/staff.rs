//! The staff workflow through the real engine, staff module and store:
//! notifications, review buttons with their ForceReply reasons, status
//! news for the submitter, resubmission under the same number, question
//! relay, staff commands, /grupstaf and the daily digest.

mod common;

use std::sync::Arc;

use common::Chat;
use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::event::{Delivery, Event, EventKind};
use opop_bot::outcome::Keyboard;
use opop_bot::records::TicketStatus;
use opop_bot::staff::digest;
use opop_bot::store::Store;

const STAFF_CHAT: i64 = -100_555;
const BUDI: i64 = 2001;
const SARI: i64 = 2002;
const ADMIN: i64 = 3001;

fn config(staff_chat: Option<i64>) -> Config {
    let mut config = Config::default();
    config.roles.staff = vec![BUDI, SARI];
    config.roles.admins = vec![ADMIN];
    config.roles.staff_chat = staff_chat;
    config
}

fn app_with(config: Config) -> App {
    App::new(
        Content::embedded().expect("shipped content parses"),
        Store::temporary().unwrap(),
        config,
    )
}

/// A registered manager (1001, Indonesian) and the staff chat as Budi.
fn desk() -> (Chat, Chat) {
    let mut manager = Chat::with_app(app_with(config(Some(STAFF_CHAT))), 1001, Some("id"));
    manager.register();
    let staff = manager.member(BUDI, STAFF_CHAT, "Budi");
    (manager, staff)
}

fn submit_product(chat: &mut Chat) {
    chat.send("/produk");
    chat.send("Kopi Arabika Ijen");
    chat.press("Kopi");
    chat.send("Kopi arabika dari kebun santri, disangrai di pondok.");
    chat.photos(2);
    chat.press("Selesai");
    chat.send("Rp 25rb");
    chat.send("1.500");
    chat.press("Halal");
    chat.press("Selesai");
    chat.press("Tidak");
    let t = chat.press("Kirim");
    assert!(t.contains("PRD-2026-00001"), "{t}");
}

fn submit_mentoring(chat: &mut Chat) -> String {
    chat.send("/pendampingan");
    chat.press("Kemasan");
    chat.press("Selesai");
    chat.send("Kami ingin kemasan kopi yang lebih tahan lama.");
    chat.press("Daring");
    chat.send("Selasa sore");
    chat.press("Kirim")
}

#[test]
fn a_product_reaches_the_staff_chat_with_album_and_buttons() {
    let (mut manager, mut staff) = desk();
    submit_product(&mut manager);
    staff.read();
    assert_eq!(
        staff.last.len(),
        2,
        "album, then the notice: {:#?}",
        staff.last
    );
    let album = &staff.last[0];
    assert_eq!(album.media, vec!["photo-1", "photo-2"]);
    assert_eq!(
        album.text,
        "📷 <code>PRD-2026-00001</code> – Kopi Arabika Ijen"
    );
    let notice = staff.text();
    for line in [
        "🆕 Pengajuan produk · PRD-2026-00001",
        "🏫 Pondok Pesantren Al Hikmah – Kabupaten Sidoarjo",
        "👤 Ahmad Fauzi · +6281234567890 · Telegram: Ahmad (@ahmad)",
        "Nama produk: Kopi Arabika Ijen",
        "Harga: Rp 25.000",
        "Status: Menunggu peninjauan",
    ] {
        assert!(notice.contains(line), "missing `{line}` in:\n{notice}");
    }
    assert_eq!(
        staff.last_buttons(),
        ["✅ Setujui", "✏️ Perlu revisi", "❌ Tolak"]
    );
    let data: Vec<String> = staff.last[1]
        .buttons()
        .iter()
        .flatten()
        .map(|b| b.data.clone())
        .collect();
    assert_eq!(
        data,
        [
            "s:ap:PRD-2026-00001",
            "s:rv:PRD-2026-00001",
            "s:rj:PRD-2026-00001"
        ]
    );
}

#[test]
fn a_non_staff_press_is_refused_and_changes_nothing() {
    let (mut manager, mut staff) = desk();
    submit_product(&mut manager);
    staff.read();
    let mut stranger = manager.member(4242, STAFF_CHAT, "Tamu");
    stranger.messages = staff.messages.clone();
    let (id, _) = staff.find("Status: Menunggu peninjauan");
    let t = stranger.press_on(id, "s:ap:PRD-2026-00001");
    assert_eq!(t, "");
    assert_eq!(
        stranger.last_toast.as_deref(),
        Some("Tombol ini khusus petugas OPOP.")
    );
    let ticket = manager.app.store.ticket("PRD-2026-00001").unwrap().unwrap();
    assert_eq!(ticket.status, TicketStatus::Open);
    assert_eq!(ticket.history.len(), 1);
    // The submitter heard nothing.
    assert_eq!(manager.read(), "");
    // A manager trying a staff command privately is told kindly.
    let t = manager.send("/antrian");
    assert_eq!(
        t,
        "Perintah ini khusus petugas OPOP. Ketik /menu untuk melihat menu."
    );
}

#[test]
fn needs_revision_then_resubmission_keeps_the_number() {
    let app = app_with(config(Some(STAFF_CHAT)));
    let mut manager = Chat::with_app(app, 1002, Some("en"));
    manager.register_english();
    let mut staff = manager.member(BUDI, STAFF_CHAT, "Budi");
    manager.send("/product");
    manager.send("Coconut Sugar");
    manager.press("Coconut products");
    manager.send("Organic coconut sugar from the pesantren garden.");
    manager.photos(1);
    manager.press("Done");
    manager.send("30000");
    manager.send("200");
    manager.press("None yet");
    manager.press("Done");
    manager.press("No");
    let t = manager.press("Submit");
    assert!(t.contains("PRD-2026-00001"), "{t}");

    staff.read();
    let t = staff.press("Perlu revisi");
    assert!(
        t.starts_with("✏️ Budi, tulis catatan perbaikan untuk PRD-2026-00001 (Coconut Sugar)"),
        "{t}"
    );
    assert!(matches!(
        staff.last[0].keyboard,
        Keyboard::ForceReply { .. }
    ));
    assert!(
        staff.last[0]
            .text
            .contains("<a href=\"tg://user?id=2001\">Budi</a>")
    );
    assert_eq!(
        staff.last_toast.as_deref(),
        Some("Balas pesan bot untuk melengkapi.")
    );
    // Nothing changes until the reason arrives.
    let ticket = manager.app.store.ticket("PRD-2026-00001").unwrap().unwrap();
    assert_eq!(ticket.status, TicketStatus::Open);

    let (prompt, _) = staff.find("tulis catatan perbaikan");
    staff.reply(
        prompt,
        "Foto kemasan kurang jelas & <b>label</b> belum ada.",
    );
    assert_eq!(
        opop_bot::html::to_plain(&staff.last.last().unwrap().text),
        "✅ PRD-2026-00001: Perlu perbaikan. Pengaju sudah diberi tahu."
    );
    let (_, notice) = staff.find("Status: Perlu perbaikan – oleh Budi");
    assert!(notice.edit.is_some(), "the notification is edited in place");
    assert!(
        notice.buttons().is_empty(),
        "no actions while the pesantren revises"
    );

    // The submitter is told in English, with the reason, escaped.
    let t = manager.read();
    assert!(
        t.starts_with("✏️ Product Coconut Sugar (PRD-2026-00001) needs revision"),
        "{t}"
    );
    assert!(
        t.contains("Staff note: Foto kemasan kurang jelas & <b>label</b> belum ada."),
        "{t}"
    );
    assert!(manager.last[0].text.contains("&lt;b&gt;label&lt;/b&gt;"));
    let t = manager.press("Fix and resubmit");
    assert!(t.contains("Revising PRD-2026-00001"), "{t}");
    assert!(t.contains("Product name: Coconut Sugar"), "{t}");
    manager.press("Edit");
    manager.press("Photos");
    manager.photos(2);
    let t = manager.press("Done");
    assert!(t.contains("Photos: 2 photo(s)"), "{t}");
    let t = manager.press("Submit");
    assert!(t.contains("keeps the number PRD-2026-00001"), "{t}");

    let ticket = manager.app.store.ticket("PRD-2026-00001").unwrap().unwrap();
    assert_eq!(manager.app.store.ticket_count(), 1);
    assert_eq!(ticket.status, TicketStatus::Open);
    let statuses: Vec<_> = ticket.history.iter().map(|h| h.status).collect();
    assert_eq!(
        statuses,
        [
            TicketStatus::Open,
            TicketStatus::NeedsRevision,
            TicketStatus::Open
        ]
    );
    assert_eq!(
        ticket.history[1].note.as_deref(),
        Some("Foto kemasan kurang jelas & <b>label</b> belum ada.")
    );
    assert_eq!(ticket.history[1].by, BUDI);
    assert_eq!(ticket.history[2].by, 1002);

    // The staff chat sees the resubmission, with buttons again.
    let t = staff.read();
    assert!(
        t.contains("🔁 Pengajuan produk · PRD-2026-00001 – dikirim ulang setelah perbaikan"),
        "{t}"
    );
    assert_eq!(staff.last[0].media, ["photo-2", "photo-3"]);
    assert_eq!(
        staff.last_buttons(),
        ["✅ Setujui", "✏️ Perlu revisi", "❌ Tolak"]
    );
    // An old "fix" button no longer works once resubmitted.
    let t = manager.press_data("rv:PRD-2026-00001");
    assert!(
        t.contains("can no longer be revised (status: Awaiting review)"),
        "{t}"
    );

    // Approve: the submitter is told, /status shows it.
    staff.press("Setujui");
    assert_eq!(staff.last_toast.as_deref(), Some("Tersimpan."));
    let t = manager.read();
    assert!(
        t.contains("Product Coconut Sugar (PRD-2026-00001) was approved"),
        "{t}"
    );
    let t = manager.send("/status");
    assert!(
        t.contains("PRD-2026-00001 – Coconut Sugar: Approved"),
        "{t}"
    );
}

#[test]
fn a_question_is_relayed_both_ways() {
    let (mut manager, mut staff) = desk();
    manager.send("kapan pameran di surabaya tahun depan?");
    let t = manager.press("Tanya petugas");
    assert!(t.contains("QST-2026-00001"), "{t}");
    let t = staff.read();
    assert!(
        t.contains("🆕 Pertanyaan untuk petugas · QST-2026-00001"),
        "{t}"
    );
    assert!(t.contains("kapan pameran di surabaya tahun depan?"), "{t}");
    assert!(t.contains("Balas (reply) pesan ini untuk menjawab"), "{t}");
    assert!(staff.last_buttons().is_empty());
    let (notice, _) = staff.find("QST-2026-00001");
    let t = staff.reply(notice, "Jadwal pameran 2027 diumumkan bulan Januari.");
    assert_eq!(
        t.lines().last().unwrap(),
        "✅ Jawaban untuk QST-2026-00001 sudah diteruskan ke penanya."
    );
    let (_, edited) = staff.find("Status: Sudah dijawab – oleh Budi");
    assert_eq!(edited.edit, Some(notice));
    let t = manager.read();
    assert_eq!(
        t,
        "💬 Jawaban dari petugas OPOP untuk pertanyaan QST-2026-00001\n\n\
         Pertanyaan Anda: kapan pameran di surabaya tahun depan?\n\n\
         Jadwal pameran 2027 diumumkan bulan Januari."
    );
    let ticket = manager.app.store.ticket("QST-2026-00001").unwrap().unwrap();
    assert_eq!(ticket.status, TicketStatus::Answered);
    assert_eq!(
        ticket.history.last().unwrap().note.as_deref(),
        Some("Jadwal pameran 2027 diumumkan bulan Januari.")
    );
    // A reply to something that is not a ticket is explained.
    let (digest_id, _) = {
        staff.send("/bantuan");
        staff.find("Perintah petugas")
    };
    let t = staff.reply(digest_id, "halo");
    assert!(
        t.starts_with("Balasan ini tidak terkait dengan tiket."),
        "{t}"
    );
}

#[test]
fn mentoring_take_schedule_done_and_a_second_press_is_told() {
    let (mut manager, mut budi) = desk();
    let t = submit_mentoring(&mut manager);
    assert!(t.contains("MNT-2026-00001"), "{t}");
    budi.read();
    assert_eq!(
        budi.last_buttons(),
        ["🙋 Saya tangani", "📅 Jadwalkan", "🏁 Selesai"]
    );
    let mut sari = budi.member(SARI, STAFF_CHAT, "Sari");
    sari.messages = budi.messages.clone();
    let (notice, _) = budi.find("MNT-2026-00001");
    let t = budi.press("Saya tangani");
    assert!(t.contains("Penanggung jawab: Budi"), "{t}");
    let t = sari.press_on(notice, "s:tk:MNT-2026-00001");
    assert_eq!(
        sari.last_toast.as_deref(),
        Some("Sudah ditangani: Sedang ditangani oleh Budi.")
    );
    assert_eq!(t, "", "nothing else happens");
    let t = manager.read();
    assert!(t.contains("sekarang ditangani oleh petugas Budi"), "{t}");
    budi.read();
    budi.press("Jadwalkan");
    let (prompt, _) = budi.find("tulis jadwal pendampingan");
    budi.reply(prompt, "Senin 7 Des 2026, 09.00 WIB, Zoom");
    let t = manager.read();
    assert_eq!(
        t,
        "📅 Pendampingan MNT-2026-00001 dijadwalkan: Senin 7 Des 2026, 09.00 WIB, Zoom"
    );
    budi.read();
    budi.press("Selesai");
    let ticket = manager.app.store.ticket("MNT-2026-00001").unwrap().unwrap();
    let statuses: Vec<_> = ticket.history.iter().map(|h| h.status).collect();
    assert_eq!(
        statuses,
        [
            TicketStatus::Open,
            TicketStatus::Assigned,
            TicketStatus::Scheduled,
            TicketStatus::Done
        ]
    );
    assert_eq!(ticket.assignee.as_ref().map(|a| a.id), Some(BUDI));
}

#[test]
fn two_simultaneous_take_presses_make_exactly_one_assignment() {
    let app = Arc::new(app_with(config(Some(STAFF_CHAT))));
    for round in 1..=20 {
        // A mentoring ticket per round, created through the engine.
        let number = format!("MNT-2026-{round:05}");
        seed_mentoring(&app, 5000 + round, &number);
        let press = |user: i64, name: &str| Event {
            user,
            chat: STAFF_CHAT,
            language_code: Some("id".into()),
            first_name: Some(name.into()),
            kind: EventKind::Button {
                data: format!("s:tk:{number}"),
                message_id: Some(7),
            },
            now: "2026-11-28T03:00:00Z".parse().unwrap(),
            reply_to: None,
            formatted: None,
        };
        let (a, b) = (press(BUDI, "Budi"), press(SARI, "Sari"));
        let barrier = std::sync::Barrier::new(2);
        let toasts: Vec<Option<String>> = std::thread::scope(|s| {
            let handles = [a, b].map(|event| {
                let (app, barrier) = (&app, &barrier);
                s.spawn(move || {
                    barrier.wait();
                    app.handle(&Delivery::new(event)).unwrap().outcome.toast
                })
            });
            handles.map(|h| h.join().unwrap()).into_iter().collect()
        });
        let ticket = app.store.ticket(&number).unwrap().unwrap();
        let assigned = ticket
            .history
            .iter()
            .filter(|h| h.status == TicketStatus::Assigned)
            .count();
        assert_eq!(assigned, 1, "round {round}: {:?}", ticket.history);
        let saved = toasts
            .iter()
            .filter(|t| t.as_deref() == Some("Tersimpan."))
            .count();
        let told = toasts
            .iter()
            .filter(|t| {
                t.as_deref()
                    .is_some_and(|t| t.starts_with("Sudah ditangani: Sedang ditangani oleh"))
            })
            .count();
        assert_eq!((saved, told), (1, 1), "round {round}: {toasts:?}");
    }
}

/// A mentoring request by `user`, submitted through the engine.
fn seed_mentoring(app: &App, user: i64, expect: &str) {
    let chat = |kind: EventKind| Event {
        user,
        chat: user,
        language_code: Some("id".into()),
        first_name: Some("Seed".into()),
        kind,
        now: "2026-11-28T02:00:00Z".parse().unwrap(),
        reply_to: None,
        formatted: None,
    };
    // Typed answers (numbers pick options), as a manager could type them.
    let steps: &[&str] = &[
        "/daftar",
        "ya",
        "Pondok Seed",
        "sidoarjo",
        "1",
        "Seed Person",
        "081234567890",
        "/lewati",
        "kirim",
        "/pendampingan",
        "1",
        "selesai",
        "Pelatihan manajemen pengurus.",
        "1",
        "Senin pagi",
        "kirim",
    ];
    for s in steps {
        let kind = match s.strip_prefix('/') {
            Some(c) => EventKind::Command {
                name: c.into(),
                args: String::new(),
            },
            None => EventKind::Text(s.to_string()),
        };
        app.handle(&Delivery::new(chat(kind))).unwrap();
    }
    let ticket = app.store.ticket(expect).unwrap();
    assert!(ticket.is_some(), "seeding did not create {expect}");
}

#[test]
fn staff_commands_queue_ticket_and_digest() {
    let (mut manager, mut staff) = desk();
    submit_product(&mut manager);
    submit_mentoring(&mut manager);
    staff.read();
    staff.advance(24 * 4 + 1);
    let t = staff.send("/antrian");
    assert!(
        t.starts_with("📋 Tiket terbuka (2), yang terlama lebih dulu"),
        "{t}"
    );
    assert!(t.contains("Pengajuan produk (1)\n• PRD-2026-00001 Kopi Arabika Ijen – Pondok Pesantren Al Hikmah · 4 hari · Menunggu peninjauan"), "{t}");
    assert!(t.contains("Permintaan pendampingan (1)"), "{t}");
    let t = staff.send("/tiket prd-2026-1");
    assert_eq!(staff.last.len(), 2, "photos, then the ticket: {t}");
    assert!(t.contains("🎫 Pengajuan produk · PRD-2026-00001"), "{t}");
    assert!(
        t.contains("Riwayat\n• 28 Nov 2026 10:01 WIB: Menunggu peninjauan – pengaju"),
        "{t}"
    );
    let t = staff.send("/tiket QST-2026-00099");
    assert_eq!(t, "Tiket QST-2026-00099 tidak ditemukan.");
    let t = staff.send("/tiket");
    assert_eq!(t, "Tulis nomor tiketnya, mis. /tiket PRD-2026-00001.");
    let t = staff.send("/ringkasan");
    assert!(t.starts_with("📊 Ringkasan harian OPOP"), "{t}");
    assert!(t.contains("⏰ Terbuka lebih dari 3 hari: 2"), "{t}");
}

#[test]
fn an_admin_makes_a_group_the_staff_chat() {
    let mut manager = Chat::with_app(app_with(config(None)), 1001, Some("id"));
    manager.register();
    let group = -100_777;
    let mut budi = manager.member(BUDI, group, "Budi");
    let t = budi.send("/grupstaf");
    assert_eq!(t, "Hanya admin OPOP yang dapat menetapkan grup petugas.");
    let mut admin = manager.member(ADMIN, group, "Admin");
    let t = admin.send("/grupstaf");
    assert!(
        t.starts_with("✅ Grup ini sekarang menjadi grup petugas OPOP"),
        "{t}"
    );
    assert_eq!(manager.app.staff_chat(), Some(group));
    let t = admin.send("/grupstaf");
    assert_eq!(t, "Grup ini sudah menjadi grup petugas OPOP.");
    submit_product(&mut manager);
    let t = budi.read();
    assert!(t.contains("🆕 Pengajuan produk · PRD-2026-00001"), "{t}");
}

/// The digest of a seeded store at a fixed clock, word for word.
#[test]
fn the_digest_matches_its_snapshot_and_is_sent_once_a_day() {
    let (mut manager, mut staff) = desk();
    submit_product(&mut manager);
    submit_mentoring(&mut manager);
    manager.send("apakah ada pelatihan ekspor ke malaysia?");
    manager.press("Tanya petugas");
    manager.send("skor persebaya semalam berapa?");
    manager.send("Skor  Persebaya semalam berapa?");
    let mut other = manager.member(1003, 1003, "Siti");
    other.send("/start");
    other
        .app
        .store
        .set_user_active(1003, false, other.now)
        .unwrap();
    staff.read();

    let app = &manager.app;
    let now: jiff::Timestamp = "2026-12-02T00:30:00Z".parse().unwrap();
    let data = digest::gather(&app.store, &app.config, now, None).unwrap();
    let text = digest::compose(&app.content, opop_bot::i18n::Lang::Id, &data);
    let expected = "\
📊 <b>Ringkasan harian OPOP</b> – 2 Des 2026

🆕 <b>Tiket baru</b> sejak 1 Des 2026 07:30 WIB: <b>0</b>

⏰ <b>Terbuka lebih dari 3 hari</b>: 2
• <code>MNT-2026-00001</code> Kami ingin kemasan kopi yang lebih tahan… – 3 hari, Menunggu peninjauan
• <code>PRD-2026-00001</code> Kopi Arabika Ijen – 3 hari, Menunggu peninjauan

❓ <b>Pertanyaan belum dijawab</b>: 1
• <code>QST-2026-00001</code> apakah ada pelatihan ekspor ke malaysia? – 3 hari

🔎 <b>FAQ minggu ini</b> (tidak terjawab atau 👎):
• “skor persebaya semalam berapa?” ×2

👥 <b>Pengguna</b>: 2 total, 1 pesantren terdaftar, 1 aktif 30 hari terakhir, 1 memblokir bot";
    assert_eq!(text, expected);

    // Since the previous digest, by kind, category and region.
    let since = Some("2026-11-28T00:00:00Z".parse().unwrap());
    let now2: jiff::Timestamp = "2026-11-29T00:30:00Z".parse().unwrap();
    let data = digest::gather(&app.store, &app.config, now2, since).unwrap();
    let text = digest::compose(&app.content, opop_bot::i18n::Lang::Id, &data);
    assert!(
        text.contains(
            "🆕 <b>Tiket baru</b> sejak 28 Nov 2026 07:00 WIB: <b>3</b>\n\
• Jenis: Permintaan pendampingan 1, Pengajuan produk 1, Pertanyaan untuk petugas 1\n\
• Kategori produk: Kopi 1\n\
• Wilayah: Kabupaten Sidoarjo 3"
        ),
        "{text}"
    );

    // Sent once: the second check on the same day queues nothing.
    assert!(app.send_digest_if_due(now).unwrap());
    assert!(
        !app.send_digest_if_due(now + jiff::SignedDuration::from_hours(3))
            .unwrap()
    );
    let t = staff.read();
    assert_eq!(staff.last.len(), 1);
    assert!(
        t.starts_with("📊 Ringkasan harian OPOP – 2 Des 2026"),
        "{t}"
    );
    // The next day it is due again, and counts from the previous one.
    let tomorrow = now + jiff::SignedDuration::from_hours(24);
    assert!(app.send_digest_if_due(tomorrow).unwrap());
    let t = staff.read();
    assert!(t.contains("sejak 2 Des 2026 07:30 WIB"), "{t}");
}

#[test]
fn a_pending_reason_does_not_swallow_an_answer_to_another_notice() {
    let (mut manager, mut staff) = desk();
    submit_product(&mut manager);
    manager.send("kapan pameran di surabaya tahun depan?");
    manager.press("Tanya petugas");
    staff.read();
    // Budi presses "reject" on the product, then answers the question first.
    staff.press("Tolak");
    let (question, _) = staff.find("QST-2026-00001");
    staff.reply(question, "Pameran berikutnya diumumkan Januari.");
    let qst = manager.app.store.ticket("QST-2026-00001").unwrap().unwrap();
    assert_eq!(qst.status, TicketStatus::Answered);
    let prd = manager.app.store.ticket("PRD-2026-00001").unwrap().unwrap();
    assert_eq!(
        prd.status,
        TicketStatus::Open,
        "the answer is no rejection reason"
    );
    // The prompt still takes its reason.
    let (prompt, _) = staff.find("tulis alasan penolakan");
    staff.reply(prompt, "Produk belum memiliki izin edar.");
    let prd = manager.app.store.ticket("PRD-2026-00001").unwrap().unwrap();
    assert_eq!(prd.status, TicketStatus::Rejected);
    assert_eq!(
        prd.history.last().unwrap().note.as_deref(),
        Some("Produk belum memiliki izin edar.")
    );
}
