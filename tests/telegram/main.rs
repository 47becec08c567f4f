//! The real `opop-bot run` process against the fake Bot API server on
//! 127.0.0.1: conversations by pressing the buttons the bot actually sent,
//! exactly-once handling across duplicates and crashes, retries on 429 and
//! 5xx, HTML escaping, and shutdown.

mod broadcast;
mod crash;
mod hardening;
mod staff;
#[path = "../support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use serde_json::Value;
use std::process::Command;
use support::bot::*;

use support::fake_bot_api::{Fault, TestUser};

#[tokio::test(flavor = "multi_thread")]
async fn a_new_user_registers_and_submits_a_product_with_an_album() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let _bot = start_bot(&f, data.path(), &[]);
    assert!(f.wait_for_polling(WAIT).await, "the bot polls");
    let user = TestUser::new(501, "Siti").lang("id");

    let t = say(&f, &user, "/start").await;
    assert!(t.contains("Assalamu'alaikum, Siti!"), "{t}");
    assert!(t.contains("Menu utama"));
    let t = press(&f, &user, "Daftar pesantren").await;
    assert!(t.contains("Persetujuan penggunaan data"), "{t}");
    press(&f, &user, "Setuju").await;
    say(&f, &user, "Pondok Pesantren Al Hikmah").await;
    let t = say(&f, &user, "malang").await;
    assert!(t.contains("Yang mana"), "{t}");
    press(&f, &user, "Kota Malang").await;
    press(&f, &user, "Santripreneur").await;
    say(&f, &user, "Siti Aminah").await;
    say(&f, &user, "0812 3456 7890").await;
    press(&f, &user, "Lewati").await;
    let t = press(&f, &user, "Kirim").await;
    assert!(t.contains("Profil pesantren tersimpan"), "{t}");

    say(&f, &user, "/produk").await;
    let t = say(&f, &user, r#"<b>Kopi & "Kelapa"</b>"#).await;
    assert!(t.contains("kategori"), "{t}");
    press(&f, &user, "Kopi").await;
    say(&f, &user, "Kopi dan kelapa dari kebun santri.").await;
    // An album: two photo updates sharing a media_group_id, one reply.
    let before = replies(&f, user.id).len();
    f.push_update(f.photo_update(&user, None, Some("album-1")));
    f.push_update(f.photo_update(&user, None, Some("album-1")));
    let t = new_replies(&f, user.id, before, "album").await;
    assert!(
        t.contains("Foto 2 dari maksimal 5 diterima"),
        "one step, one reply: {t}"
    );
    press(&f, &user, "Selesai").await;
    say(&f, &user, "25rb").await;
    say(&f, &user, "500").await;
    press(&f, &user, "Halal").await;
    press(&f, &user, "Selesai").await;
    let t = press(&f, &user, "Tidak").await;
    assert!(
        t.contains(r#"Nama produk: <b>Kopi & "Kelapa"</b>"#),
        "shown literally: {t}"
    );
    let raw = replies(&f, user.id).last().unwrap().params["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        raw.contains("&lt;b&gt;Kopi &amp; &quot;Kelapa&quot;&lt;/b&gt;"),
        "escaped on the wire: {raw}"
    );
    let t = press(&f, &user, "Kirim").await;
    let number = format!("PRD-{}-00001", this_year());
    assert!(t.contains(&number), "{t}");

    // The shown text reads literally; every HTML message was accepted.
    let summary = f
        .sent_to(user.id)
        .into_iter()
        .filter_map(|m| m.plain_text)
        .find(|t| t.contains("Ringkasan – Pengajuan produk"))
        .unwrap();
    assert!(
        summary.contains(r#"Nama produk: <b>Kopi & "Kelapa"</b>"#),
        "{summary}"
    );
    f.assert_no_rejections();
    assert!(
        f.unanswered_callback_queries().is_empty(),
        "every button press answered"
    );
    let en = f
        .bot_commands(None, Some("en"))
        .expect("English menu registered");
    assert!(en.to_string().contains("\"register\""), "{en}");
    let id = f.bot_commands(None, None).expect("default menu registered");
    assert!(id.to_string().contains("\"daftar\""), "{id}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_update_delivered_twice_is_answered_once() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let _bot = start_bot(&f, data.path(), &[]);
    let user = TestUser::new(502, "Budi").lang("id");
    register(&f, &user).await;
    say(&f, &user, "/pendampingan").await;
    press(&f, &user, "Ekspor").await;
    press(&f, &user, "Selesai").await;
    say(&f, &user, "Pendampingan ekspor kopi ke Malaysia.").await;
    press(&f, &user, "Daring").await;
    say(&f, &user, "Selasa sore").await;
    // The submit press, delivered twice with the same update_id.
    let sent = f.sent_to(user.id);
    let summary = sent
        .iter()
        .rev()
        .find(|m| m.button_texts().iter().any(|t| t.contains("Kirim")))
        .unwrap();
    let data_kirim = summary
        .button_texts()
        .iter()
        .zip(summary.callback_data())
        .find(|(t, _)| t.contains("Kirim"))
        .map(|(_, d)| d)
        .unwrap();
    let mut update = f.callback_update(&user, summary, &data_kirim);
    update["update_id"] = Value::from(90_000);
    let before = replies(&f, user.id).len();
    f.push_update(update.clone());
    let t = new_replies(&f, user.id, before, "submit").await;
    assert!(t.contains(&format!("MNT-{}-00001", this_year())), "{t}");
    f.wait_for_confirmed(90_000, WAIT).await;
    let before = replies(&f, user.id).len();
    f.push_update(update);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(replies(&f, user.id).len(), before, "no second reply");
    let t = say(&f, &user, "/status").await;
    assert!(
        !t.contains("MNT-2026-00002") && !t.contains("-00002"),
        "one ticket: {t}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_crash_after_fetching_loses_nothing_and_answers_once() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let users: Vec<TestUser> = (0..3)
        .map(|i| TestUser::new(600 + i, "Santri").lang("id"))
        .collect();
    for u in &users {
        f.push_update(f.text_update(u, "/start"));
    }
    let mut bot = start_bot(&f, data.path(), &[("OPOP_FAULT", "after-inbox")]);
    let status = tokio::task::spawn_blocking(move || bot.0.wait().unwrap())
        .await
        .unwrap();
    assert!(!status.success(), "the bot died after storing the batch");
    for u in &users {
        assert!(
            replies(&f, u.id).is_empty(),
            "nothing handled before the crash"
        );
    }
    let _bot = start_bot(&f, data.path(), &[]);
    for u in &users {
        f.wait_for(|f| (!replies(f, u.id).is_empty()).then_some(()), WAIT)
            .await
            .expect("answered");
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    for u in &users {
        let texts: Vec<String> = replies(&f, u.id).iter().map(text_of).collect();
        // Welcome and menu, once: one message since issue 16 (the welcome
        // carries the menu).
        assert_eq!(texts.len(), 1, "welcome and menu, once: {texts:?}");
        assert!(texts[0].contains("Assalamu'alaikum") && texts[0].contains("Menu utama"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_bot_resumes_the_form_at_the_same_step_and_keeps_tickets() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let user = TestUser::new(700, "Ahmad").lang("id");
    let bot = start_bot(&f, data.path(), &[]);
    register(&f, &user).await;
    say(&f, &user, "/produk").await;
    say(&f, &user, "Keripik Tempe").await;
    drop(bot); // SIGKILL
    let bot = start_bot(&f, data.path(), &[]);
    let t = press(&f, &user, "Makanan").await;
    assert!(
        t.contains("Ceritakan produk"),
        "continues at the next step: {t}"
    );
    say(&f, &user, "Keripik tempe renyah khas Ngawi.").await;
    let before = replies(&f, user.id).len();
    f.push_update(f.photo_update(&user, None, None));
    new_replies(&f, user.id, before, "photo").await;
    let t = press(&f, &user, "Selesai").await;
    assert!(t.contains("harga"), "{t}");
    say(&f, &user, "15000").await;
    say(&f, &user, "200").await;
    press(&f, &user, "Belum ada").await;
    press(&f, &user, "Selesai").await;
    press(&f, &user, "Tidak").await;
    let t = press(&f, &user, "Kirim").await;
    let number = format!("PRD-{}-00001", this_year());
    assert!(t.contains(&number), "{t}");
    drop(bot);
    let store = opop_bot::store::Store::open(data.path()).unwrap();
    assert!(
        store.ticket(&number).unwrap().is_some(),
        "the confirmed ticket is on disk"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reply_survives_429s_and_500s_and_arrives_once() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let _bot = start_bot(&f, data.path(), &[]);
    assert!(f.wait_for_polling(WAIT).await);
    let user = TestUser::new(800, "Rina").lang("id");
    f.push_faults(
        "sendMessage",
        [
            Fault::RetryAfter(1),
            Fault::RetryAfter(1),
            Fault::RetryAfter(1),
            Fault::ServerError,
            Fault::ServerError,
        ],
    );
    f.push_update(f.text_update(&user, "/bantuan"));
    let started = Instant::now();
    let got = f
        .wait_for(
            |f| (!replies(f, user.id).is_empty()).then_some(()),
            Duration::from_secs(60),
        )
        .await;
    assert!(got.is_some(), "the reply arrived");
    // Three retry_afters of 1 s and the bot's own backoff (1 s, 2 s) after
    // the 500s: no other wait (teloxide's own 10 s pause on a 5xx is gone).
    let took = started.elapsed();
    assert!(took < Duration::from_secs(10), "the reply took {took:?}");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let texts: Vec<String> = replies(&f, user.id).iter().map(text_of).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("Perintah yang tersedia"));
}

/// A 429 to a message holds every message (other chats too) for its
/// `retry_after`; then each chat gets its reply once.
#[tokio::test(flavor = "multi_thread")]
async fn a_429_holds_every_message_until_retry_after() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let _bot = start_bot(&f, data.path(), &[]);
    assert!(f.wait_for_polling(WAIT).await);
    let first = TestUser::new(810, "Rina").lang("id");
    let second = TestUser::new(811, "Sari").lang("id");
    f.push_faults("sendMessage", [Fault::RetryAfter(3)]);
    f.push_update(f.text_update(&first, "/bantuan"));
    let refused_at = f
        .wait_for(
            |f| {
                f.all_calls()
                    .iter()
                    .find(|c| c.method == "sendMessage" && !c.is_ok())
                    .map(|c| c.received_at)
            },
            WAIT,
        )
        .await
        .expect("the first reply got a 429");
    f.push_update(f.text_update(&second, "/bantuan"));
    for user in [&first, &second] {
        f.wait_for(|f| (!replies(f, user.id).is_empty()).then_some(()), WAIT)
            .await
            .expect("the reply arrived");
    }
    let sent: Vec<_> = f
        .all_calls()
        .into_iter()
        .filter(|c| c.method == "sendMessage" && c.is_ok())
        .collect();
    assert_eq!(sent.len(), 2, "one reply each");
    for call in &sent {
        let waited = call.received_at - refused_at;
        assert!(waited >= Duration::from_millis(2_950), "{waited:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sigterm_stops_cleanly_and_loses_nothing() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let mut bot = start_bot(&f, data.path(), &[]);
    let user = TestUser::new(900, "Dewi").lang("id");
    say(&f, &user, "/pendampingan").await;
    let t = say(&f, &user, "/daftar").await;
    assert!(t.contains("Persetujuan"), "{t}");
    // A user who blocks the bot (my_chat_member), and one whose chat
    // answers 403 when the bot replies: both end up inactive.
    let blocker = TestUser::new(901, "Eko").lang("id");
    say(&f, &blocker, "/start").await;
    f.push_update(f.bot_blocked_update(&blocker));
    let gone = TestUser::new(902, "Fajar").lang("id");
    f.block_chat(gone.id);
    f.push_update(f.text_update(&gone, "/start"));
    f.wait_for(
        |f| {
            f.all_calls()
                .iter()
                .any(|c| c.chat_id == Some(gone.id) && !c.is_ok())
                .then_some(())
        },
        WAIT,
    )
    .await
    .expect("the bot tried and got 403");
    f.wait_for_confirmed(f.pending_update_ids().into_iter().max().unwrap_or(0), WAIT)
        .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let pid = bot.0.id().to_string();
    let started = Instant::now();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let mut child = std::mem::replace(&mut bot.0, Command::new("true").spawn().unwrap());
    let status = tokio::task::spawn_blocking(move || child.wait().unwrap())
        .await
        .unwrap();
    assert!(status.success(), "exit 0, got {status:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "within 5 s: {:?}",
        started.elapsed()
    );
    let store = opop_bot::store::Store::open(data.path()).unwrap();
    let session = store.session(user.id, user.id).unwrap();
    assert_eq!(
        session.form.unwrap().dialog,
        "register",
        "the conversation state is on disk"
    );
    assert!(
        !store.user(blocker.id).unwrap().unwrap().active,
        "blocked via my_chat_member"
    );
    assert!(
        !store.user(gone.id).unwrap().unwrap().active,
        "403 marks the user inactive"
    );
    assert_eq!(
        store.outbox_len(),
        0,
        "nothing left to send: the 403 reply was dropped"
    );
}

#[test]
fn a_missing_or_malformed_token_is_one_clear_line_and_exit_2() {
    for token in [None, Some("not-a-token"), Some("123:short")] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_opop-bot"));
        cmd.arg("run")
            .env_remove("TELOXIDE_TOKEN")
            .env_remove("OPOP_CONFIG");
        if let Some(t) = token {
            cmd.env("TELOXIDE_TOKEN", t);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{token:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("TELOXIDE_TOKEN"), "{stderr}");
        if let Some(t) = token {
            assert!(!stderr.contains(t), "the token is never printed");
        }
    }
}
