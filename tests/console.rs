//! The real binary's console, fed from a pipe like `printf … | opop-bot
//! console`: a registration and a product submission complete and the
//! ticket is in the data folder afterwards.

mod common;

#[test]
fn a_piped_console_session_submits_a_product() {
    let data = tempfile::tempdir().unwrap();
    let script = [
        "/daftar",
        "1", // Setuju
        "Pondok Pesantren Al Hikmah",
        "kota malang",
        "2", // Pesantrenpreneur
        "Ahmad Fauzi",
        "081234567890",
        "-",
        "Kirim",
        "/produk",
        "Kopi Arabika Ijen",
        "2", // Kopi
        "Kopi arabika dari kebun santri di lereng Ijen.",
        "/foto",
        "/foto",
        "Selesai",
        "25.000",
        "500",
        "Halal",
        "Selesai",
        "Tidak",
        "Kirim",
    ]
    .join("\n");
    let out = common::run_binary(
        &["console", "--user", "77"],
        &script,
        &[("OPOP_DATA_DIR", data.path())],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("✅ Profil pesantren tersimpan."),
        "{stdout}"
    );
    let year = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get("Asia/Jakarta").unwrap())
        .year();
    let number = format!("PRD-{year}-00001");
    assert!(
        stdout.contains(&format!("Nomor tiket: {number}")),
        "{stdout}"
    );
    assert!(
        stdout.contains("[1] ✅ Kirim"),
        "buttons are numbered: {stdout}"
    );

    let store = opop_bot::store::Store::open(data.path()).unwrap();
    let ticket = store.ticket(&number).unwrap().expect("ticket on disk");
    assert_eq!(ticket.user, 77);
    assert_eq!(
        ticket.answers["photos"],
        opop_bot::records::Answer::Photos(vec!["console-photo-1".into(), "console-photo-2".into()])
    );
}

/// README's `/kontak 0812…` at the phone step shares the number, as the
/// "📱 share my number" button does on Telegram, and the form goes on.
#[test]
fn kontak_at_the_phone_step_shares_the_number() {
    let data = tempfile::tempdir().unwrap();
    let script = [
        "/daftar",
        "1",
        "Pondok Pesantren Al Hikmah",
        "Sidoarjo",
        "1",
        "Budi Santoso",
        "/kontak 081234567890",
        "-",
    ]
    .join("\n");
    let out = common::run_binary(
        &["console", "--user", "78"],
        &script,
        &[("OPOP_DATA_DIR", data.path())],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let after = stdout
        .split("> /kontak 081234567890\n")
        .nth(1)
        .expect("the line is echoed");
    assert!(
        after.starts_with("  Pendaftaran pesantren · 7/7\n"),
        "the next question follows: {after}"
    );
    assert!(!after.contains("tidak valid"), "{after}");
    assert!(stdout.contains("• Nomor HP: +6281234567890"), "{stdout}");
}
