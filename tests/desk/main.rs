//! The curation desk, end to end: the real `opop-bot run` with its web
//! server on 127.0.0.1 and the fake Bot API, a data folder seeded through
//! the engine (five managers, three products with photos, two mentoring
//! requests), and Debian's headless Chromium driven over WebDriver at a
//! phone's viewport (390×844). Screenshots of the queue, a ticket and the
//! reports go to `target/desk-*.png`. The refusals are checked over plain
//! HTTP.
//!
//! Needs `chromium` and `chromium-driver` (`.ci/run` installs them).

#[path = "../common/mod.rs"]
mod common;
mod refusals;
#[path = "../support/mod.rs"]
mod support;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use support::bot::{BotProcess, TOKEN, WAIT, start_bot};
use support::fake_bot_api::FakeBotApi;

pub const BUDI: i64 = 9101;
pub const SARI: i64 = 9102;
pub const GROUP: i64 = -1_001_234_567_890;
/// The managers the seed makes: (id, region, what they submit).
pub const MANAGERS: [(i64, &str); 5] = [
    (1001, "sidoarjo"),
    (1002, "kota surabaya"),
    (1003, "jember"),
    (1004, "kota surabaya"),
    (1005, "kota malang"),
];

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A small PNG of one colour (what a photo looks like to the browser).
pub fn png(colour: [u8; 3]) -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, 64, 48);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        let data: Vec<u8> = colour.iter().copied().cycle().take(64 * 48 * 3).collect();
        writer.write_image_data(&data).unwrap();
    }
    bytes
}

fn config() -> opop_bot::config::Config {
    let mut config = opop_bot::config::Config::default();
    config.roles.staff = vec![BUDI, SARI];
    config.roles.staff_chat = Some(GROUP);
    config
}

fn register(chat: &mut common::Chat, region: &str) {
    chat.send("/daftar");
    chat.press("Setuju");
    chat.send(&format!("Pondok Pesantren Nurul {}", chat.user));
    chat.send(region);
    chat.press("Pesantrenpreneur");
    chat.send("Ahmad Fauzi");
    chat.send("0812 3456 7890");
    chat.press("Lewati");
    let t = chat.press("Kirim");
    assert!(t.contains("Profil pesantren tersimpan"), "{t}");
}

fn product(chat: &mut common::Chat, name: &str, photos: usize) {
    chat.send("/produk");
    chat.send(name);
    chat.press("Kopi");
    chat.send("Dibuat santri di pondok, dikemas rapi.");
    chat.photos(photos);
    chat.press("Selesai");
    chat.send("Rp 25rb");
    chat.send("1.500");
    chat.press("Halal");
    chat.press("Selesai");
    chat.press("Tidak");
    let t = chat.press("Kirim");
    assert!(t.contains("PRD-2026-"), "{t}");
}

fn mentoring(chat: &mut common::Chat) {
    chat.send("/pendampingan");
    chat.press("Kemasan");
    chat.press("Selesai");
    chat.send("Kami ingin kemasan yang lebih tahan lama.");
    chat.press("Daring");
    chat.send("Selasa sore");
    let t = chat.press("Kirim");
    assert!(t.contains("MNT-2026-"), "{t}");
}

/// Five managers and their tickets, written through the engine into
/// `data` (the notices wait in the outbox for the bot to send).
pub fn seed(data: &Path) {
    let app = opop_bot::app::App::new(
        opop_bot::content::Content::embedded().unwrap(),
        opop_bot::store::Store::open(data).unwrap(),
        config(),
    );
    let app = std::rc::Rc::new(app);
    for (i, (id, region)) in MANAGERS.iter().enumerate() {
        let mut chat = common::Chat::shared(std::rc::Rc::clone(&app), *id, Some("id"));
        // One hour apart, so "oldest first" is this order.
        chat.advance(i as i64);
        register(&mut chat, region);
        match i {
            0 => product(&mut chat, "Kopi Arabika Ijen", 2),
            1 => product(&mut chat, "Keripik Tempe Surabaya", 1),
            2 => product(&mut chat, "Sambal Roa Jember", 1),
            _ => mentoring(&mut chat),
        }
    }
}

/// The bot with its desk on `port`, on a seeded folder.
pub struct Running {
    pub fake: FakeBotApi,
    pub base: String,
    pub _bot: BotProcess,
    pub _data: tempfile::TempDir,
}

pub async fn running() -> Running {
    let data = tempfile::tempdir().unwrap();
    seed(data.path());
    let fake = support::bot::fake();
    for (i, colour) in [[200, 60, 40], [40, 120, 200], [60, 160, 80]]
        .iter()
        .enumerate()
    {
        fake.add_file(&format!("photo-{}", i + 1), png(*colour));
    }
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let listen = format!("127.0.0.1:{port}");
    let bot = start_bot(
        &fake,
        data.path(),
        &[
            ("OPOP_STAFF", &format!("{BUDI},{SARI}")),
            ("OPOP_STAFF_CHAT", &GROUP.to_string()),
            ("OPOP_WEB_LISTEN", &listen),
            ("OPOP_WEB_PUBLIC_URL", &base),
            ("OPOP_UNTHROTTLED", "1"),
        ],
    );
    assert!(fake.wait_for_polling(WAIT).await, "the bot polls");
    // The group's notices (sent at start) carry the desk's button.
    fake.wait_for(
        |f| {
            (f.sent_to(GROUP)
                .iter()
                .filter(|m| {
                    m.plain_text.as_deref().is_some_and(|t| {
                        t.contains("Pengajuan produk") || t.contains("pendampingan")
                    })
                })
                .count()
                >= 5)
                .then_some(())
        },
        WAIT,
    )
    .await
    .expect("the seeded notices reach the staff group");
    Running {
        fake,
        base,
        _bot: bot,
        _data: data,
    }
}

/// Launch data as Telegram signs it for `user`, `age` seconds old.
pub fn launch(user: i64, name: &str, start: Option<&str>, age: i64) -> String {
    let keys = opop_bot::web::auth::Keys::new(TOKEN);
    let user_json = json!({ "id": user, "first_name": name, "language_code": "id" }).to_string();
    let mut fields = vec![
        ("query_id", "AAHdF6IQAAAAAN0XohDhrOrc"),
        ("user", user_json.as_str()),
    ];
    if let Some(s) = start {
        fields.push(("start_param", s));
    }
    let now = jiff::Timestamp::now().as_second();
    opop_bot::web::auth::sign_launch(&keys, &fields, now - age)
}

/// chromedriver, stopped when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn browser() -> (Client, Driver, tempfile::TempDir) {
    let port = free_port();
    let driver =
        Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (apt-get install chromium chromium-driver)");
    let driver = Driver(driver);
    let profile = tempfile::tempdir().unwrap();
    let caps = json!({
        "goog:chromeOptions": {
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                format!("--user-data-dir={}", profile.path().display()),
            ],
            // A phone's viewport (headless Chromium keeps windows at least
            // 500 pixels wide).
            "mobileEmulation": { "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 1 } }
        }
    });
    let caps = caps.as_object().unwrap().clone().into_iter().collect();
    let mut last = None;
    for _ in 0..50 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector)
            .capabilities(caps_clone(&caps))
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => return (c, driver, profile),
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("no WebDriver session: {last:?}");
}

fn caps_clone(
    caps: &serde_json::Map<String, serde_json::Value>,
) -> serde_json::Map<String, serde_json::Value> {
    caps.clone()
}

/// Waits until the page's URL contains `part`.
async fn wait_url(c: &Client, part: &str) -> String {
    for _ in 0..100 {
        let url = c.current_url().await.unwrap().to_string();
        if url.contains(part) {
            return url;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "the page never reached {part}: {}",
        c.current_url().await.unwrap()
    );
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

fn screenshots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("..");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn screenshot(c: &Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    let path = screenshots().join(format!("desk-{name}.png"));
    std::fs::write(&path, png).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_review_from_the_desk_in_a_phone_browser() {
    let r = running().await;
    let (c, _driver, _profile) = browser().await;
    let data = launch(BUDI, "Budi", None, 10);
    let encoded: String = form_urlencoded::byte_serialize(data.as_bytes()).collect();
    c.goto(&format!(
        "{}/desk/#tgWebAppData={encoded}&tgWebAppVersion=8.0&tgWebAppPlatform=android",
        r.base
    ))
    .await
    .unwrap();
    wait_url(&c, "/desk/queue").await;
    let total = text_of(&c, ".total").await;
    assert_eq!(total, "5 tiket", "open tickets, oldest first");
    assert_eq!(text_of(&c, "header .who").await, "Masuk sebagai Budi");
    screenshot(&c, "queue").await;

    // Filter by region.
    c.find(Locator::Css(".filterbox summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.find(Locator::Css("select[name=region]"))
        .await
        .unwrap()
        .select_by_value("Kota Surabaya")
        .await
        .unwrap();
    c.find(Locator::Css(".filters button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_url(&c, "region=Kota+Surabaya").await;
    let numbers: Vec<String> = {
        let mut out = Vec::new();
        for e in c.find_all(Locator::Css(".ticket .number")).await.unwrap() {
            out.push(e.text().await.unwrap());
        }
        out
    };
    assert_eq!(
        numbers,
        ["PRD-2026-00002", "MNT-2026-00001"],
        "Surabaya's tickets"
    );

    // A ticket: its photos load.
    c.goto(&format!("{}/desk/ticket/PRD-2026-00001", r.base))
        .await
        .unwrap();
    assert!(text_of(&c, "h1").await.contains("Kopi Arabika Ijen"));
    let loaded = wait_photos(&c, 2).await;
    assert!(loaded, "both photos decode in the browser");
    screenshot(&c, "ticket").await;
    c.execute(
        "document.querySelector('.actions').scrollIntoView()",
        vec![],
    )
    .await
    .unwrap();
    screenshot(&c, "ticket-actions").await;

    // A second tab on the same ticket, before anyone acts.
    let first = c.window().await.unwrap();
    let second = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(second.clone()).await.unwrap();
    c.goto(&format!("{}/desk/ticket/PRD-2026-00001", r.base))
        .await
        .unwrap();
    c.switch_to_window(first).await.unwrap();

    // Approve from the first tab: the submitter is told, the group's
    // notice edited.
    let approve = c
        .find(Locator::XPath(
            "//form[.//input[@name='action' and @value='ap']]//button",
        ))
        .await
        .unwrap();
    approve.click().await.unwrap();
    let flash = wait_text(&c, ".flash").await;
    assert_eq!(
        flash,
        "✅ PRD-2026-00001: Disetujui. Pengaju sudah diberi tahu."
    );
    let told = r
        .fake
        .wait_for(
            |f| {
                f.sent_to(1001).into_iter().find(|m| {
                    m.plain_text
                        .as_deref()
                        .is_some_and(|t| t.contains("PRD-2026-00001") && t.contains("disetujui"))
                })
            },
            WAIT,
        )
        .await;
    assert!(told.is_some(), "the submitter heard of it");
    let edited = r
        .fake
        .wait_for(
            |f| {
                f.calls("editMessageText").into_iter().find(|call| {
                    call.chat_id == Some(GROUP)
                        && call.params["text"].as_str().is_some_and(|t| {
                            t.contains("PRD-2026-00001") && t.contains("Disetujui")
                        })
                })
            },
            WAIT,
        )
        .await;
    assert!(edited.is_some(), "the group's notice shows it");

    // The stale second tab is told who was first.
    c.switch_to_window(second).await.unwrap();
    c.find(Locator::XPath(
        "//form[.//input[@name='action' and @value='ap']]//button",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    let flash = wait_text(&c, ".flash").await;
    assert_eq!(flash, "Sudah ditangani: Disetujui oleh Budi.");

    // Bulk: take both mentoring requests.
    c.goto(&format!("{}/desk/queue?kind=MNT", r.base))
        .await
        .unwrap();
    for e in c
        .find_all(Locator::Css(".ticket input[type=checkbox]"))
        .await
        .unwrap()
    {
        e.click().await.unwrap();
    }
    c.find(Locator::Css(".bulk button[value=tk]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let flash = wait_text(&c, ".flash").await;
    assert!(
        flash.contains("✅ MNT-2026-00001: Sedang ditangani."),
        "{flash}"
    );
    assert!(
        flash.contains("✅ MNT-2026-00002: Sedang ditangani."),
        "{flash}"
    );
    for manager in [1004, 1005] {
        let told = r
            .fake
            .wait_for(
                |f| {
                    f.sent_to(manager)
                        .into_iter()
                        .find(|m| m.plain_text.as_deref().is_some_and(|t| t.contains("Budi")))
                },
                WAIT,
            )
            .await;
        assert!(told.is_some(), "{manager} heard who took it");
    }

    // The reports.
    c.goto(&format!("{}/desk/reports", r.base)).await.unwrap();
    let charts = c.find_all(Locator::Css(".chart svg")).await.unwrap();
    assert_eq!(charts.len(), 4);
    screenshot(&c, "reports").await;
    c.close().await.unwrap();
}

async fn wait_photos(c: &Client, n: usize) -> bool {
    for _ in 0..100 {
        let ok = c
            .execute(
                "const i = [...document.querySelectorAll('.gallery img')];\
                 return i.length === arguments[0] && i.every(x => x.complete && x.naturalWidth > 0);",
                vec![json!(n)],
            )
            .await
            .unwrap();
        if ok == json!(true) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

async fn wait_text(c: &Client, css: &str) -> String {
    for _ in 0..100 {
        if let Ok(e) = c.find(Locator::Css(css)).await
            && let Ok(t) = e.text().await
        {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no {css} on {}", c.current_url().await.unwrap());
}
