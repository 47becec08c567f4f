//! Basa Jawa: a manager whose Telegram speaks Javanese (`language_code`
//! "jv") is greeted in krama, registers typing ngoko and krama words, and
//! asks the FAQ in Javanese.

mod common;

use common::Chat;

#[test]
fn a_javanese_manager_registers_from_start_in_krama() {
    let mut chat = Chat::with_app(common::app(), 1003, Some("jv"));
    let t = chat.send("/start");
    assert!(
        t.contains("Sugeng rawuh wonten ing bot OPOP Jawa Timur"),
        "krama welcome: {t}"
    );
    assert!(
        t.contains("Menu utami – mangga pilih:"),
        "one message with the menu: {t}"
    );
    assert_eq!(chat.last.len(), 1);
    let t = chat.press("Ndaftar pesantren");
    assert!(t.contains("Menapa panjenengan sarujuk"), "{t}");
    chat.press("Sarujuk");
    let t = chat.send("Pondok Pesantren Al Hikmah");
    assert!(t.contains("kabupaten/kota"), "{t}");
    chat.send("sidoarjo");
    chat.press("Pesantrenpreneur");
    chat.send("Ahmad Fauzi");
    let t = chat.send("0812 3456 7890");
    assert!(t.contains("NSPP"), "{t}");
    // Typed krama: "there is none" skips, "kintun" (send) submits.
    let t = chat.send("mboten wonten");
    assert!(t.contains("Kabupaten Sidoarjo"), "the summary: {t}");
    let t = chat.send("kintun");
    assert!(t.contains("✅ Profil pesantren sampun kasimpen."), "{t}");
    let profile = chat.app.store.profile(1003).unwrap().expect("saved");
    assert_eq!(profile.text("name"), Some("Pondok Pesantren Al Hikmah"));
    // A question in ngoko, answered in krama with the Javanese title.
    let t = chat.send("piye carane ndaftar opop?");
    assert!(t.starts_with("Kados pundi cara ndaftar OPOP?"), "{t}");
    assert!(t.ends_with("Menapa wangsulan punika mbiyantu?"), "{t}");
}

#[test]
fn javanese_can_be_chosen_and_indonesian_is_the_fallback() {
    let mut chat = Chat::new();
    chat.send("/bahasa");
    let t = chat.press("Basa Jawa");
    assert!(
        t.contains("Basa sampun dipungantos dados Basa Jawa."),
        "{t}"
    );
    let t = chat.send("/menu");
    assert!(t.contains("Menu utami"), "{t}");
    // An unknown language code falls back to Indonesian.
    let mut other = Chat::with_app(common::app(), 1004, Some("su"));
    let t = other.send("/start");
    assert!(t.contains("Selamat datang"), "{t}");
}
