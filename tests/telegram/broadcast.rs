//! Broadcasts through the real `opop-bot run` and the fake Bot API with
//! per-second send accounting: 300 recipients in a region segment each
//! get it exactly once within Telegram's limits, 20 who blocked the bot
//! are reported and marked inactive, a user chatting meanwhile is answered
//! quickly, a non-admin is refused, and a SIGKILL half-way followed by a
//! restart completes with nobody receiving it twice.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::bot::*;
use crate::support::fake_bot_api::{FakeBotApi, TestUser};
use crate::support::managers::seed_pesantren;
use jiff::Timestamp;
use opop_bot::store::Store;

const ADMIN: i64 = 9001;
const FIRST: i64 = 100_001;
const IN_REGION: i64 = 300;

/// 300 pesantren in Kabupaten Malang and 50 in Kota Surabaya.
fn seed(data: &Path) {
    let store = Store::open(data).unwrap();
    let now: Timestamp = "2026-11-01T03:00:00Z".parse().unwrap();
    store
        .bulk(|store| {
            for i in 0..IN_REGION + 50 {
                let id = FIRST + i;
                let region = if i < IN_REGION {
                    "Kabupaten Malang"
                } else {
                    "Kota Surabaya"
                };
                seed_pesantren(store, id, region, now);
            }
        })
        .unwrap();
    store.flush().unwrap();
}

fn start(f: &FakeBotApi, data: &Path) -> BotProcess {
    start_bot(f, data, &[("OPOP_ADMINS", &ADMIN.to_string())])
}

/// The admin composes a region broadcast and presses "send now".
async fn compose(f: &FakeBotApi, admin: &TestUser) {
    say(f, admin, "/siaran").await;
    let t = say(
        f,
        admin,
        "Pelatihan ekspor kopi, Sabtu 5 Desember di Malang.",
    )
    .await;
    assert_eq!(t, "Kirim ke siapa?");
    press(f, admin, "Per wilayah").await;
    press(f, admin, "Kabupaten Malang").await;
    let t = press(f, admin, "Selesai").await;
    assert!(
        t.contains(
            "📢 Pengumuman OPOP Jawa Timur\n\nPelatihan ekspor kopi, Sabtu 5 Desember di Malang."
        ),
        "{t}"
    );
    assert!(t.contains("Jumlah: 300 pengguna aktif"), "{t}");
    press(f, admin, "Kirim sekarang").await;
}

/// Broadcast messages each seeded chat received.
fn received(f: &FakeBotApi) -> Vec<(i64, usize)> {
    (FIRST..FIRST + IN_REGION + 50)
        .map(|id| (id, f.sent_to(id).len()))
        .collect()
}

async fn report(f: &FakeBotApi, timeout: Duration) -> String {
    // Look rarely and cheaply: the fake timestamps a request when it
    // handles it, and copying its whole message list under its lock while
    // the broadcast runs holds requests back and lets them through in a
    // burst, which the per-second accounting then counts against the bot.
    let start = std::time::Instant::now();
    loop {
        tokio::time::sleep(Duration::from_secs(2)).await;
        if let Some(text) = f.last_sent_to(ADMIN).and_then(|m| m.plain_text) {
            if text.contains("Siaran #1 selesai") {
                return text;
            }
        }
        assert!(start.elapsed() < timeout, "no final report");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_region_broadcast_reaches_everyone_once_within_telegram_limits() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    for id in FIRST..FIRST + 20 {
        f.block_chat(id);
    }
    let bot = start(&f, data.path());
    assert!(f.wait_for_polling(WAIT).await);

    // A non-admin is refused.
    let stranger = TestUser::new(4242, "Tamu").lang("id");
    let t = say(&f, &stranger, "/siaran").await;
    assert_eq!(t, "Siaran hanya dapat dikirim oleh admin OPOP.");

    let admin = TestUser::new(ADMIN, "Admin").lang("id");
    compose(&f, &admin).await;

    // A manager writes to the bot while the broadcast runs.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let manager = TestUser::new(555, "Siti").lang("id");
    let asked = Instant::now();
    f.push_update(f.text_update(&manager, "/start"));
    f.wait_for(|f| (!f.sent_to(manager.id).is_empty()).then_some(()), WAIT)
        .await
        .unwrap();
    let answered_in = asked.elapsed();
    let still_running = received(&f).iter().filter(|(_, n)| *n == 0).count() > 20;
    assert!(still_running, "the broadcast was still going on");
    assert!(
        answered_in < Duration::from_secs(2),
        "/start answered in {answered_in:?} during the broadcast"
    );

    let text = report(&f, Duration::from_secs(90)).await;
    assert!(text.contains("Terkirim: 280 dari 300"), "{text}");
    assert!(text.contains("Memblokir bot: 20"), "{text}");
    for (id, n) in received(&f) {
        let expected = usize::from((FIRST + 20..FIRST + IN_REGION).contains(&id));
        assert_eq!(n, expected, "chat {id}");
    }
    let sent = f.sent_to(FIRST + 100);
    assert_eq!(
        sent[0].plain_text.as_deref(),
        Some("📢 Pengumuman OPOP Jawa Timur\n\nPelatihan ekspor kopi, Sabtu 5 Desember di Malang.")
    );
    assert!(
        f.max_per_second_overall() <= 30,
        "{} messages in one second",
        f.max_per_second_overall()
    );
    assert!(
        f.max_per_second_per_chat() <= 1,
        "{} messages in one second to one chat",
        f.max_per_second_per_chat()
    );
    assert!(f.rate_limit_violations().is_empty());
    f.assert_no_rejections();

    drop(bot);
    let store = Store::open(data.path()).unwrap();
    for id in FIRST..FIRST + 20 {
        assert!(
            !store.user(id).unwrap().unwrap().active,
            "{id} marked inactive"
        );
    }
    assert!(store.user(FIRST + 20).unwrap().unwrap().active);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_broadcast_killed_half_way_finishes_after_restart_without_duplicates() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let bot = start(&f, data.path());
    assert!(f.wait_for_polling(WAIT).await);
    let admin = TestUser::new(ADMIN, "Admin").lang("id");
    compose(&f, &admin).await;
    f.wait_for(
        |f| (received(f).iter().filter(|(_, n)| *n > 0).count() >= 150).then_some(()),
        Duration::from_secs(60),
    )
    .await
    .expect("half of it sent");
    drop(bot); // SIGKILL
    let before_restart = received(&f).iter().filter(|(_, n)| *n > 0).count();
    assert!(before_restart < 300, "killed before the end");

    let _bot = start(&f, data.path());
    let text = report(&f, Duration::from_secs(90)).await;
    let got: Vec<(i64, usize)> = received(&f);
    let twice: Vec<i64> = got
        .iter()
        .filter(|(_, n)| *n > 1)
        .map(|(id, _)| *id)
        .collect();
    assert!(twice.is_empty(), "received twice: {twice:?}");
    let reached = got.iter().filter(|(_, n)| *n == 1).count();
    let number = |label: &str| -> usize {
        let rest = text.split(label).nth(1).expect(label);
        rest.split(|c: char| !c.is_ascii_digit())
            .find(|s| !s.is_empty())
            .unwrap()
            .parse()
            .unwrap()
    };
    let (sent, interrupted) = (number("Terkirim: "), number("Terputus: "));
    assert_eq!(
        sent + interrupted,
        300,
        "every recipient accounted for: {text}"
    );
    assert!(interrupted <= 15, "at most the window is uncertain: {text}");
    // An interrupted delivery may or may not have reached Telegram.
    assert!(
        (sent..=sent + interrupted).contains(&reached),
        "{reached} reached; {text}"
    );
}
