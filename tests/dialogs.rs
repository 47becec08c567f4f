//! Conversations through the real engine and store, read as transcripts:
//! what the user sends, what the bot answers (the localized plain text).

mod common;

use common::Chat;
use opop_bot::records::{Answer, TicketStatus};

#[test]
fn start_greets_in_the_telegram_language_and_shows_the_menu() {
    let mut chat = Chat::new();
    let t = chat.send("/start");
    assert!(t.starts_with("Assalamu'alaikum, Ahmad! 👋"), "{t}");
    assert!(t.contains("Belum terdaftar? Mulai dengan Daftar pesantren"));
    assert!(t.contains("Menu utama – silakan pilih:"));
    assert_eq!(
        chat.last_buttons(),
        [
            "📝 Daftar pesantren",
            "📦 Kirim produk",
            "🤝 Minta pendampingan",
            "💬 Tanya jawab",
            "📋 Status saya",
            "🌐 Bahasa / Language",
            "❓ Bantuan"
        ]
    );

    let mut en = Chat::english();
    let t = en.send("/start");
    assert!(t.contains("Welcome"), "{t}");
    assert!(
        en.last_buttons().iter().any(|b| b.contains("Register")),
        "{:?}",
        en.last_buttons()
    );
}

#[test]
fn registration_happy_path_saves_the_profile_with_consent() {
    let mut chat = Chat::new();
    let t = chat.send("/daftar");
    assert!(t.contains("Pendaftaran profil pesantren"));
    assert!(t.contains("UU No. 27 Tahun 2022"));
    assert!(t.contains("Pendaftaran pesantren · 1/7"), "{t}");
    chat.press("Setuju");
    assert!(chat.text().contains("nama pondok pesantren"));
    chat.send("Pondok Pesantren Al Hikmah");
    let t = chat.send("malang");
    assert!(t.contains("Yang mana yang Anda maksud?"), "{t}");
    assert_eq!(
        chat.last_buttons()[..2],
        ["Kabupaten Malang", "Kota Malang"]
    );
    chat.press("Kota Malang");
    assert!(chat.text().contains("pilar"));
    chat.press("Santripreneur");
    chat.send("Siti Aminah");
    let t = chat.send("+62 812-3456-7890");
    assert!(t.contains("NSPP"), "{t}");
    let t = chat.send("510035780001");
    assert!(t.contains("Ringkasan – Pendaftaran pesantren"), "{t}");
    assert!(t.contains("• Nama pesantren: Pondok Pesantren Al Hikmah"));
    assert!(t.contains("• Kabupaten/kota: Kota Malang"));
    assert!(t.contains("• Pilar: Santripreneur"));
    assert!(t.contains("• Narahubung: Siti Aminah"));
    assert!(t.contains("• Nomor HP: +6281234567890"));
    assert!(t.contains("• NSPP: 510035780001"));
    let t = chat.press("Kirim");
    assert!(t.starts_with("✅ Profil pesantren tersimpan."), "{t}");
    let profile = chat.app.store.profile(chat.user).unwrap().expect("saved");
    assert_eq!(profile.text("name"), Some("Pondok Pesantren Al Hikmah"));
    assert_eq!(profile.text("phone"), Some("+6281234567890"));
    assert!(profile.consent_at.is_some());
    assert_eq!(
        profile.consent_notice, 2,
        "the notice that names /privasi and /hapusdata"
    );
}

#[test]
fn declining_consent_stores_nothing() {
    let mut chat = Chat::new();
    chat.send("/daftar");
    let t = chat.press("Tidak setuju");
    assert!(
        t.starts_with("Baik, pendaftaran tidak dilanjutkan dan tidak ada data yang disimpan."),
        "{t}"
    );
    assert!(chat.app.store.profile(chat.user).unwrap().is_none());
    assert!(
        chat.app
            .store
            .session(chat.user, chat.user)
            .unwrap()
            .form
            .is_none()
    );
}

#[test]
fn product_needs_a_profile_first() {
    let mut chat = Chat::new();
    let t = chat.send("/produk");
    assert!(
        t.contains("Untuk Pengajuan produk, pesantren Anda perlu terdaftar dulu."),
        "{t}"
    );
    chat.press("Daftar pesantren");
    assert!(chat.text().contains("Persetujuan penggunaan data"));
}

fn submit_product(chat: &mut Chat) -> String {
    chat.send("/produk");
    chat.send("Kopi Arabika Ijen");
    chat.press("Kopi");
    chat.send("Kopi arabika dari kebun santri, disangrai di pondok.");
    let t = chat.photos(1);
    assert!(t.contains("Foto 1 dari maksimal 5 diterima."), "{t}");
    chat.photos(1);
    chat.press("Selesai");
    assert!(chat.text().contains("harga jual"));
    chat.send("Rp 25rb");
    chat.send("1.500");
    chat.press("Halal");
    let t = chat.press("PIRT");
    assert!(
        chat.last[0].edit.is_some(),
        "a toggle edits the message in place"
    );
    assert!(t.contains("Sertifikat/izin"));
    assert!(chat.last_buttons().contains(&"✅ Halal".to_string()));
    chat.press("Selesai");
    chat.press("Ya");
    chat.press("Tiongkok");
    let t = chat.press("Selesai");
    assert!(t.contains("Ringkasan – Pengajuan produk"), "{t}");
    assert!(t.contains("• Harga: Rp 25.000"));
    assert!(t.contains("• Kapasitas per bulan: 1.500"));
    assert!(t.contains("• Sertifikat: Halal, PIRT"));
    assert!(t.contains("• Foto: 2 foto"));
    assert!(t.contains("• Pasar tujuan: Tiongkok / Hong Kong"));
    chat.press("Kirim")
}

#[test]
fn product_submission_creates_a_numbered_ticket() {
    let mut chat = Chat::new();
    chat.register();
    let t = submit_product(&mut chat);
    assert!(t.contains("Nomor tiket: PRD-2026-00001"), "{t}");
    let ticket = chat
        .app
        .store
        .ticket("PRD-2026-00001")
        .unwrap()
        .expect("stored");
    assert_eq!(ticket.user, chat.user);
    assert_eq!(ticket.status, TicketStatus::Open);
    assert_eq!(ticket.answers["price"], Answer::Number(25_000));
    assert_eq!(
        ticket.answers["photos"],
        Answer::Photos(vec!["photo-1".into(), "photo-2".into()])
    );
    assert_eq!(
        ticket.answers["markets"],
        Answer::Choices(vec!["china".into()])
    );
    let t = submit_product(&mut chat);
    assert!(t.contains("Nomor tiket: PRD-2026-00002"), "{t}");
    let t = chat.send("/status");
    assert!(
        t.contains("PRD-2026-00002 – Kopi Arabika Ijen: Menunggu peninjauan (28 Nov 2026)"),
        "{t}"
    );
}

#[test]
fn mentoring_request_creates_a_numbered_ticket() {
    let mut chat = Chat::new();
    chat.register();
    chat.send("/pendampingan");
    chat.press("Kemasan");
    chat.press("Sertifikasi halal");
    chat.press("Selesai");
    chat.send("Kami ingin kemasan kopi yang lebih tahan lama.");
    chat.press("Daring");
    let t = chat.send("Selasa sore");
    assert!(t.contains("• Topik: Kemasan, Sertifikasi halal"), "{t}");
    assert!(t.contains("• Cara: Daring (online)"));
    let t = chat.press("Kirim");
    assert!(t.contains("Nomor tiket: MNT-2026-00001"), "{t}");
}

#[test]
fn every_validation_error_explains_and_keeps_the_step() {
    let mut chat = Chat::new();
    chat.register();
    chat.send("/produk");
    let t = chat.send("Ko");
    assert!(
        t.starts_with("⚠️ Jawaban terlalu pendek; minimal 3 karakter."),
        "{t}"
    );
    assert!(t.contains("Apa nama produk Anda?"));
    let t = chat.send(&"x".repeat(101));
    assert!(
        t.starts_with("⚠️ Jawaban terlalu panjang; maksimal 100 karakter."),
        "{t}"
    );
    chat.send("Keripik Tempe");
    let t = chat.send("sayur");
    assert!(
        t.starts_with("⚠️ Pilihan itu tidak ada. Gunakan tombol atau ketik nomornya."),
        "{t}"
    );
    let t = chat.send("1");
    assert!(
        t.contains("Ceritakan produk ini"),
        "typed option number accepted: {t}"
    );
    chat.send("Keripik tempe renyah khas Ngawi.");
    let t = chat.send("ini fotonya");
    assert!(
        t.starts_with("⚠️ Di langkah ini saya menunggu foto produk."),
        "{t}"
    );
    let t = chat.sticker();
    assert!(
        t.starts_with(
            "⚠️ Di langkah ini saya butuh foto (bukan stiker, dokumen, atau pesan suara)."
        ),
        "{t}"
    );
    let t = chat.send("selesai");
    assert!(t.starts_with("⚠️ Kirim minimal 1 foto dulu."), "{t}");
    chat.photos(1);
    chat.press("Selesai");
    let t = chat.send("murah");
    assert!(
        t.starts_with("⚠️ Itu bukan angka yang bisa saya baca."),
        "{t}"
    );
    assert!(t.contains("Berapa harga jual"));
    let t = chat.send("50");
    assert!(
        t.starts_with("⚠️ Angkanya terlalu kecil; minimal Rp 100."),
        "{t}"
    );
    let t = chat.send("2 miliar");
    assert!(
        t.starts_with("⚠️ Angkanya terlalu besar; maksimal Rp 1.000.000.000."),
        "{t}"
    );
    chat.send("15.000");
    let t = chat.send("0");
    assert!(
        t.starts_with("⚠️ Angkanya terlalu kecil; minimal 1."),
        "{t}"
    );
    chat.send("200");
    let t = chat.press("Selesai");
    assert!(
        t.starts_with("⚠️ Pilih minimal 1 pilihan dulu, lalu tekan Selesai."),
        "{t}"
    );
    let t = chat.send("halal, bpom");
    assert!(
        t.contains("tertarik mengekspor"),
        "typed multi choice accepted: {t}"
    );
    let t = chat.send("mungkin");
    assert!(
        t.starts_with("⚠️ Mohon jawab dengan tombol, atau ketik \"ya\" atau \"tidak\"."),
        "{t}"
    );
    let t = chat.send("tidak");
    assert!(t.contains("Ringkasan"), "{t}");
    assert!(
        !t.contains("Pasar tujuan"),
        "markets are asked only when export = yes"
    );
}

#[test]
fn registration_validation_errors() {
    let mut chat = Chat::new();
    chat.send("/daftar");
    let t = chat.send("hmm");
    assert!(t.starts_with("⚠️ Mohon jawab dengan tombol"), "{t}");
    chat.send("setuju");
    chat.send("PP Nurul Huda");
    let t = chat.send("Bandung");
    assert!(
        t.starts_with("⚠️ Kabupaten/kota itu tidak saya kenali."),
        "{t}"
    );
    let t = chat.send("sidoarjoo");
    assert!(
        t.contains("Yang mana yang Anda maksud?"),
        "a typo is offered, not accepted: {t}"
    );
    assert_eq!(chat.last_buttons()[0], "Kabupaten Sidoarjo");
    chat.press("Kabupaten Sidoarjo");
    chat.press("Sociopreneur");
    let t = chat.send("Ahmad 123");
    assert!(t.starts_with("⚠️ Nama hanya boleh berisi huruf"), "{t}");
    chat.send("Ahmad");
    let t = chat.send("12345");
    assert!(t.starts_with("⚠️ Nomor telepon tidak valid."), "{t}");
    let t = chat.contact("6289876543210", false);
    assert!(t.starts_with("⚠️ Mohon bagikan nomor Anda sendiri"), "{t}");
    let t = chat.contact("6289876543210", true);
    assert!(t.contains("NSPP"), "{t}");
    let t = chat.send("12ab");
    assert!(t.starts_with("⚠️ NSPP berupa angka saja"), "{t}");
    let t = chat.send("-");
    assert!(t.contains("• NSPP: (dilewati)"), "{t}");
    assert!(t.contains("• Nomor HP: +6289876543210"));
}

#[test]
fn region_forms_people_type() {
    let mut chat = Chat::new();
    chat.send("/daftar");
    chat.press("Setuju");
    chat.send("PP Darul Ulum");
    for (typed, region) in [
        ("sby", "Kota Surabaya"),
        ("kab malang", "Kabupaten Malang"),
        ("Kota Batu", "Kota Batu"),
    ] {
        let t = chat.send(typed);
        assert!(t.contains("pilar"), "{typed}: {t}");
        chat.send("/kembali");
        let form = chat
            .app
            .store
            .session(chat.user, chat.user)
            .unwrap()
            .form
            .unwrap();
        assert_eq!(
            form.answers["region"],
            Answer::Region(region.into()),
            "{typed}"
        );
    }
}

#[test]
fn back_cancel_and_edit_from_the_summary() {
    let mut chat = Chat::new();
    chat.register();
    chat.send("/pendampingan");
    chat.press("SDM");
    chat.press("Selesai");
    chat.send("Pelatihan manajemen untuk pengurus koperasi.");
    let t = chat.send("/kembali");
    assert!(t.contains("Ceritakan kebutuhan"), "{t}");
    assert!(t.contains("Jawaban saat ini: Pelatihan manajemen"), "{t}");
    let t = chat.press("Kembali");
    assert!(t.contains("bidang"), "{t}");
    let t = chat.press("Kembali");
    assert!(t.starts_with("Ini sudah pertanyaan pertama."), "{t}");
    chat.press("Selesai");
    // The selection was kept? No: going back starts the step afresh.
    assert!(
        chat.text().starts_with("⚠️ Pilih minimal 1"),
        "{}",
        chat.text()
    );
    chat.press("Ekspor");
    chat.press("Selesai");
    chat.send("Pendampingan ekspor ke Malaysia.");
    chat.press("Luring");
    chat.send("Senin pagi");
    let t = chat.press("Ubah");
    assert!(t.contains("Bagian mana yang ingin diubah?"), "{t}");
    chat.press("Cara");
    let t = chat.press("Keduanya");
    assert!(
        t.contains("Ringkasan"),
        "after editing, back to the summary: {t}"
    );
    assert!(t.contains("• Cara: Keduanya bisa"));
    assert!(t.contains("• Waktu yang cocok: Senin pagi"));
    let t = chat.send("/batal");
    assert!(
        t.starts_with("Formulir Permintaan pendampingan dibatalkan."),
        "{t}"
    );
    assert!(
        chat.app
            .store
            .session(chat.user, chat.user)
            .unwrap()
            .form
            .is_none()
    );
    let t = chat.send("/batal");
    assert!(
        t.starts_with("Tidak ada formulir yang sedang diisi."),
        "{t}"
    );
    assert_eq!(chat.app.store.ticket_count(), 0);
}

#[test]
fn editing_a_condition_asks_the_new_step_then_returns() {
    let mut chat = Chat::new();
    chat.register();
    chat.send("/produk");
    chat.send("Minyak Kelapa");
    chat.press("Olahan kelapa");
    chat.send("Minyak kelapa murni (VCO) buatan santri.");
    chat.photos(5);
    assert!(
        chat.text().contains("harga jual"),
        "five photos end the step: {}",
        chat.text()
    );
    chat.send("40000");
    chat.send("300");
    chat.press("Belum ada");
    chat.press("Selesai");
    chat.press("Tidak");
    chat.press("Ubah");
    chat.press("Minat ekspor");
    let t = chat.press("Ya");
    assert!(
        t.contains("Ke pasar mana"),
        "the newly applicable step is asked: {t}"
    );
    chat.press("ASEAN");
    let t = chat.press("Selesai");
    assert!(t.contains("• Pasar tujuan: ASEAN (mis. Malaysia)"), "{t}");
}

#[test]
fn an_idle_form_offers_continue_or_start_over() {
    let mut chat = Chat::new();
    chat.register();
    chat.send("/produk");
    chat.send("Sabun Sirih");
    chat.advance(25);
    let t = chat.send("Herbal");
    assert!(
        t.starts_with(
            "Anda belum menyelesaikan formulir Pengajuan produk sejak lebih dari sehari yang lalu."
        ),
        "{t}"
    );
    let form = chat
        .app
        .store
        .session(chat.user, chat.user)
        .unwrap()
        .form
        .unwrap();
    assert_eq!(form.step, "category", "the answer was not taken");
    let t = chat.press("Lanjutkan");
    assert!(t.contains("kategori"), "{t}");
    chat.press("Herbal");
    assert!(chat.text().contains("Ceritakan produk"));
    chat.advance(30);
    chat.send("apa saja");
    let t = chat.press("Mulai dari awal");
    assert!(t.contains("Apa nama produk Anda?"), "{t}");
    assert!(
        t.contains("Pengajuan produk · 1/8"),
        "markets is not counted before export = yes: {t}"
    );
}

#[test]
fn switching_language_mid_dialog_reasks_in_the_new_language() {
    let mut chat = Chat::new();
    chat.register();
    chat.send("/produk");
    chat.send("Kopi Robusta");
    let t = chat.send("/bahasa");
    assert!(t.contains("Pilih bahasa / Choose your language:"));
    let t = chat.press("English");
    assert!(t.contains("changed to English"), "{t}");
    assert!(
        t.contains("category"),
        "the pending question, in English: {t}"
    );
    assert_eq!(chat.last_toast.as_deref(), Some("English"));
    chat.press("Coffee");
    let t = chat.send("x");
    assert!(t.starts_with("⚠️ "), "{t}");
    assert!(t.contains("at least 10"), "errors in English too: {t}");
    let user = chat.app.store.user(chat.user).unwrap().unwrap();
    assert_eq!(user.lang, Some(opop_bot::i18n::Lang::En));
}

#[test]
fn bad_input_never_loses_the_step() {
    let mut chat = Chat::new();
    chat.register();
    chat.send("/produk");
    let t = chat.send(&"a".repeat(10_000));
    assert!(
        t.starts_with("Pesan Anda terlalu panjang untuk dibaca."),
        "{}",
        &t[..80]
    );
    assert!(t.contains("Apa nama produk Anda?"));
    let t = chat.send("🙂🙂🙂");
    assert!(
        t.starts_with(
            "⚠️ Jawaban perlu berisi huruf atau angka, bukan hanya emoji atau tanda baca."
        ),
        "{t}"
    );
    assert!(t.contains("Apa nama produk Anda?"));
    let t = chat.send("/entahlah");
    assert!(
        t.starts_with("Perintah /entahlah tidak dikenal. Ketik /bantuan"),
        "{t}"
    );
    assert!(t.contains("Apa nama produk Anda?"));
    chat.send("Kopi Lanang");
    let t = chat.photos(1);
    assert!(
        t.starts_with("⚠️ Di langkah ini silakan pilih dengan tombol."),
        "a photo where a choice is expected: {t}"
    );
    let t = chat.sticker();
    assert!(
        t.starts_with("⚠️ Di langkah ini silakan pilih dengan tombol."),
        "{t}"
    );
    let form = chat
        .app
        .store
        .session(chat.user, chat.user)
        .unwrap()
        .form
        .unwrap();
    assert_eq!(form.step, "category");
}

#[test]
fn outside_a_form_odd_input_gets_a_friendly_answer() {
    let mut chat = Chat::new();
    let t = chat.sticker();
    assert!(
        t.starts_with("Maaf, saya hanya bisa membaca teks, foto, dan kontak."),
        "{t}"
    );
    let t = chat.photos(1);
    assert!(t.starts_with("Terima kasih atas fotonya."), "{t}");
    let t = chat.send("/xyz");
    assert!(t.starts_with("Perintah /xyz tidak dikenal."), "{t}");
    let t = chat.send(&"b".repeat(10_000));
    assert!(t.starts_with("Pesan Anda terlalu panjang"), "{}", &t[..60]);
}

#[test]
fn an_old_button_gets_a_toast_and_changes_nothing() {
    let mut chat = Chat::new();
    chat.register();
    chat.send("/produk");
    chat.send("Kopi Lanang");
    let old = chat.last[0].buttons()[0][0].data.clone();
    chat.press("Kopi");
    let before = chat.app.store.session(chat.user, chat.user).unwrap();
    let t = chat.press_data(&old);
    assert_eq!(t, "", "no message");
    assert_eq!(
        chat.last_toast.as_deref(),
        Some("Tombol ini sudah tidak berlaku. Gunakan pesan terakhir.")
    );
    let after = chat.app.store.session(chat.user, chat.user).unwrap();
    assert_eq!(before.form, after.form);
    chat.press_data("garbage-that-was-never-issued");
    assert_eq!(
        chat.last_toast.as_deref(),
        Some("Tombol ini sudah tidak berlaku. Gunakan pesan terakhir.")
    );
}
