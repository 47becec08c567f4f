//! Fuzzing the input side (issue 8): random JSON shaped like Telegram
//! updates — odd Unicode, 10 kB texts, missing optional fields, unknown
//! update kinds, callback data that was never issued — through the update
//! mapping and the engine (and the staff and broadcast sides). Nothing may
//! panic, and every text the bot would send is valid Telegram HTML and, as
//! the sender splits it, at most 4,096 characters a message.
//!
//! `cargo test --test fuzz` runs 300 cases; the campaign is
//! `cargo test --release --test fuzz -- --ignored` (100,000 cases).

use std::sync::atomic::{AtomicI64, Ordering};

use jiff::Timestamp;
use opop_bot::app::App;
use opop_bot::config::Config;
use opop_bot::content::Content;
use opop_bot::html;
use opop_bot::store::Store;
use opop_bot::telegram::update::{Incoming, incoming};
use proptest::prelude::*;
use serde_json::{Value, json};

const STAFF_CHAT: i64 = -100_200;

fn app() -> App {
    let mut config = Config::default();
    config.roles.staff = vec![11, 12];
    config.roles.admins = vec![13];
    config.roles.staff_chat = Some(STAFF_CHAT);
    App::new(
        Content::embedded().unwrap(),
        Store::temporary().unwrap(),
        config,
    )
}

/// Text a person (or an attacker) might send.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Words the bot reacts to.
        prop::sample::select(vec![
            "/start",
            "/daftar",
            "/produk",
            "/pendampingan",
            "/tanya",
            "/status",
            "/batal",
            "/kembali",
            "/lewati",
            "/bahasa",
            "/privasi",
            "/hapusdata",
            "/siaran",
            "/antrian",
            "/tiket PRD-2026-00001",
            "/ringkasan",
            "/ekspor",
            "/grupstaf",
            "ya",
            "tidak",
            "kirim",
            "selesai",
            "sidoarjo",
            "malang",
            "0812 3456 7890",
            "Rp 25rb",
            "1,5 juta",
            "apa itu opop?",
            "<b>bold</b> & \"quotes\"",
            "\u{E000}TICKET\u{E000}",
        ])
        .prop_map(str::to_string),
        // Any Unicode, including controls, RTL marks and emoji.
        "\\PC{0,200}",
        any::<String>(),
        // Long texts, up to 10 kB.
        ("[a-zA-Z0-9 <>&;\"'/\\u{202E}\\u{1F600}]{1,40}", 1usize..300)
            .prop_map(|(s, n)| s.repeat(n)),
    ]
}

/// Callback data, issued or not.
fn callback_data() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "m:menu",
            "m:register",
            "m:product",
            "m:faq",
            "m:status",
            "l:en",
            "l:xx",
            "q:s",
            "q:h",
            "q:a:what-is-opop",
            "q:a:nope",
            "1:c:coffee",
            "1:s",
            "99:b",
            "2:t:halal",
            "s:ap:PRD-2026-00001",
            "s:tk:MNT-2026-00001",
            "s:zz:QST-1",
            "rv:PRD-2026-00001",
            "p:erase",
            "p:yes",
            "p:no",
            "b:go",
            "b:a:region",
            "b:t:5",
            "b:t:999",
            "b:c:1",
            "b:d",
        ])
        .prop_map(str::to_string),
        "\\PC{0,64}",
    ]
}

static NEXT_ID: AtomicI64 = AtomicI64::new(1);
/// Updates that reached the engine, and messages checked (so a campaign
/// that only produced unreadable JSON does not pass for a good one).
static EVENTS: AtomicI64 = AtomicI64::new(0);
static MESSAGES: AtomicI64 = AtomicI64::new(0);
static UNREADABLE: AtomicI64 = AtomicI64::new(0);

fn user(id: i64) -> Value {
    json!({"id": id, "is_bot": false, "first_name": "Santri <&>", "language_code": "id"})
}

/// A random update: message, photo, contact, callback, membership, an
/// unknown kind, or a message with fields missing.
fn update() -> impl Strategy<Value = Value> {
    let who = prop::sample::select(vec![1i64, 2, 11, 12, 13]);
    let chat = prop::sample::select(vec![0i64, STAFF_CHAT, -100_999]);
    (0u8..9, who, chat, text(), callback_data(), any::<bool>()).prop_map(
        |(kind, who, chat, text, data, flag)| {
            let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
            let chat_id = if chat == 0 { who } else { chat };
            let chat_json = if chat_id > 0 {
                json!({"id": chat_id, "type": "private", "first_name": "x"})
            } else {
                json!({"id": chat_id, "type": "supergroup", "title": "Staf"})
            };
            let base = json!({"message_id": id, "date": 1_790_000_000, "chat": chat_json, "from": user(who)});
            let mut message = base.clone();
            match kind {
                0 | 1 => {
                    message["text"] = json!(text);
                    if text.starts_with('/') && flag {
                        let len = text.split_whitespace().next().map_or(1, |w| w.encode_utf16().count());
                        message["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
                    }
                    if flag && chat_id < 0 {
                        message["reply_to_message"] = json!({
                            "message_id": 3, "date": 1_790_000_000, "chat": chat_json,
                            "from": {"id": 999, "is_bot": true, "first_name": "OPOP"},
                            "text": "🆕 Pertanyaan · QST-2026-00001"
                        });
                    }
                    json!({"update_id": id, "message": message})
                }
                2 => {
                    message["photo"] = json!([{"file_id": format!("p{id}"), "file_unique_id": "u", "width": 90, "height": 90}]);
                    if flag {
                        message["caption"] = json!(text);
                        message["media_group_id"] = json!("g1");
                    }
                    json!({"update_id": id, "message": message})
                }
                3 => {
                    message["contact"] = json!({"phone_number": text, "first_name": "x", "user_id": if flag { who } else { 5 }});
                    json!({"update_id": id, "message": message})
                }
                4 => json!({"update_id": id, "callback_query": {
                    "id": format!("cb{id}"), "from": user(who), "chat_instance": "1",
                    "data": data, "message": message_with_text(&base)
                }}),
                5 => json!({"update_id": id, "my_chat_member": {
                    "chat": chat_json, "from": user(who), "date": 1_790_000_000,
                    "old_chat_member": {"user": user(999), "status": "member"},
                    "new_chat_member": {"user": user(999), "status": if flag { "kicked" } else { "member" }}
                }}),
                6 => json!({"update_id": id, "some_future_kind": {"x": text}}),
                7 => {
                    // Optional fields missing: no `from`, or no text at all.
                    let mut m = base;
                    if flag {
                        m.as_object_mut().unwrap().remove("from");
                    }
                    json!({"update_id": id, "message": m})
                }
                _ => {
                    message["sticker"] = json!({"file_id": "s", "file_unique_id": "u", "width": 1, "height": 1, "is_animated": false, "is_video": false, "type": "regular"});
                    json!({"update_id": id, "message": message})
                }
            }
        },
    )
}

fn message_with_text(base: &Value) -> Value {
    let mut m = base.clone();
    m["from"] = json!({"id": 999, "is_bot": true, "first_name": "OPOP"});
    m["text"] = json!("menu");
    m
}

/// Runs a sequence of updates; checks every message queued.
fn run(app: &App, updates: &[Value]) -> Result<(), TestCaseError> {
    let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
    for raw in updates {
        // As the worker reads the inbox: from bytes (teloxide's `Update`
        // does not read a `serde_json::Value` the same way).
        let bytes = serde_json::to_vec(raw).unwrap();
        let Ok(update) = serde_json::from_slice::<teloxide::types::Update>(&bytes) else {
            // What teloxide cannot read is logged and skipped by the worker.
            UNREADABLE.fetch_add(1, Ordering::Relaxed);
            continue;
        };
        if let Incoming::Event(delivery) = incoming(&update, app.staff_chat(), now) {
            EVENTS.fetch_add(1, Ordering::Relaxed);
            app.handle(&delivery)
                .map_err(|e| TestCaseError::fail(format!("store error: {e}")))?;
        }
        for row in app.store.outbox_rows(10_000).unwrap() {
            app.store.remove_outbox_row(&row).unwrap();
            let Some(m) = row.message() else { continue };
            MESSAGES.fetch_add(1, Ordering::Relaxed);
            if let Err(e) = html::validate(&m.text) {
                return Err(TestCaseError::fail(format!(
                    "invalid HTML ({e}): {:?}",
                    m.text
                )));
            }
            for piece in html::split(&m.text, 4096) {
                prop_assert!(
                    html::visible_len(&piece) <= 4096,
                    "a piece of {} characters",
                    html::visible_len(&piece)
                );
                prop_assert!(
                    html::validate(&piece).is_ok(),
                    "a split piece is invalid HTML: {piece:?}"
                );
            }
            for b in m.buttons().iter().flatten() {
                prop_assert!(
                    b.data.len() <= 64,
                    "callback data over 64 bytes: {}",
                    b.data
                );
            }
        }
    }
    Ok(())
}

fn campaign(cases: u32) {
    let app = app();
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest!(config, |(updates in prop::collection::vec(update(), 1..12))| {
        run(&app, &updates)?;
    });
    let (events, messages, unreadable) = (
        EVENTS.load(Ordering::Relaxed),
        MESSAGES.load(Ordering::Relaxed),
        UNREADABLE.load(Ordering::Relaxed),
    );
    println!(
        "{cases} cases: {events} events handled, {messages} messages checked, {unreadable} updates teloxide could not read"
    );
    assert!(
        events > i64::from(cases),
        "too few updates reached the engine: {events}"
    );
    assert!(
        messages > i64::from(cases),
        "too few replies checked: {messages}"
    );
}

#[test]
fn random_updates_never_panic_and_every_reply_is_valid_html() {
    campaign(300);
}

/// The campaign: `cargo test --release --test fuzz -- --ignored`.
#[test]
#[ignore]
fn fuzz_campaign_100k() {
    campaign(100_000);
}
