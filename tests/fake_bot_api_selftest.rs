//! Self tests of the fake Telegram Bot API (tests/support/fake_bot_api.rs),
//! driven through the real teloxide client.

mod support;

use std::time::{Duration, Instant};

use support::fake_bot_api::{
    CallOutcome, FailureCause, FakeBotApi, FakeConfig, Fault, HtmlRules, PollOutcome, RandomFaults,
    RateLimitMode, RateLimits, TestChat, TestUser, max_events_in_window, parse_html,
};
use teloxide::net::Download;
use teloxide::payloads::{
    AnswerCallbackQuerySetters, GetUpdatesSetters, SendMessageSetters, SendPhotoSetters,
};
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, CallbackQueryId, ChatAction, FileId, InlineKeyboardButton, InlineKeyboardMarkup,
    InputFile, InputMedia, InputMediaPhoto, MessageEntityKind, MessageId, ParseMode, UpdateKind,
};
use teloxide::{ApiError, RequestError};

const TOKEN: &str = "123456789:TEST-token_abc";
const CHAT: i64 = 4242;

/// The Telegram `description` behind a teloxide API error ("" for other errors).
/// teloxide maps known descriptions to dedicated `ApiError` variants whose
/// `Display` is the description itself; unknown ones land in `ApiError::Unknown`.
fn api_desc(err: &RequestError) -> String {
    match err {
        RequestError::Api(ApiError::Unknown(d)) => d.clone(),
        RequestError::Api(e) => e.to_string(),
        _ => String::new(),
    }
}

#[tokio::test]
async fn get_me_works_and_url_joins_like_teloxide_expects() {
    let fake = FakeBotApi::start(TOKEN).await;
    assert!(fake.url().starts_with("http://127.0.0.1:"));
    let me = fake.bot().get_me().await.expect("getMe");
    assert_eq!(me.id.0, 123_456_789);
    assert!(me.is_bot);
    assert_eq!(me.username(), "opop_test_bot");

    // A trailing slash on the base URL (as TELOXIDE_API_URL may have) works too.
    let bot =
        Bot::new(TOKEN).set_api_url(reqwest::Url::parse(&format!("{}/", fake.url())).unwrap());
    bot.get_me().await.expect("getMe with trailing slash");

    // Wrong token: 401 Unauthorized, which teloxide reports as InvalidToken.
    let bad = Bot::new("1:wrong").set_api_url(fake.api_url());
    let err = bad.get_me().await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::InvalidToken)),
        "{err:?}"
    );
    let last = fake.all_calls().pop().unwrap();
    assert_eq!(last.error().unwrap().cause, FailureCause::Unauthorized);
    assert_eq!(fake.calls("getme").len(), 3);
}

#[tokio::test]
async fn unknown_method_is_404_envelope() {
    let fake = FakeBotApi::start(TOKEN).await;
    let resp = reqwest::Client::new()
        .post(format!("{}/bot{}/sendTelepathy", fake.url(), TOKEN))
        .json(&serde_json::json!({"chat_id": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 404);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(
        body,
        serde_json::json!({"ok": false, "error_code": 404, "description": "Not Found"})
    );
    // Method names are case-insensitive, like Telegram's.
    let resp = reqwest::Client::new()
        .post(format!("{}/bot{}/GETME", fake.url(), TOKEN))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
}

#[tokio::test]
async fn send_message_with_valid_html_is_accepted_and_recorded() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let html = "<b>Kopi &amp; &quot;Kelapa&quot;</b> 1 &lt; 2 &gt; 0 <i>miring</i> <u>garis</u> <s>coret</s> \
                <a href=\"https://opop.jatimprov.go.id/\">tautan</a> <tg-spoiler>rahasia</tg-spoiler> \
                <span class=\"tg-spoiler\">juga</span> <code>kode</code> \
                <pre><code class=\"language-rust\">fn main() {}</code></pre> \
                <blockquote expandable>kutipan</blockquote> <strong><em>bersarang</em></strong> &#128512;&#x1F600;";
    let keyboard = InlineKeyboardMarkup::new(vec![vec![
        InlineKeyboardButton::callback("Ya", "confirm:yes"),
        InlineKeyboardButton::callback("Tidak", "confirm:no"),
    ]]);
    let msg = bot
        .send_message(ChatId(CHAT), html)
        .parse_mode(ParseMode::Html)
        .reply_markup(keyboard)
        .await
        .expect("valid HTML must be accepted");
    assert_eq!(msg.chat.id, ChatId(CHAT));
    assert_eq!(msg.id, MessageId(1));
    let text = msg.text().unwrap();
    assert!(
        text.starts_with("Kopi & \"Kelapa\" 1 < 2 > 0 miring"),
        "{text}"
    );
    assert!(text.ends_with("bersarang 😀😀"), "{text}");
    let kinds: Vec<_> = msg
        .entities()
        .unwrap()
        .iter()
        .map(|e| e.kind.clone())
        .collect();
    assert!(kinds.contains(&MessageEntityKind::Bold));
    assert!(kinds.contains(&MessageEntityKind::Pre {
        language: Some("rust".into())
    }));
    assert!(kinds.contains(&MessageEntityKind::ExpandableBlockquote));
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, MessageEntityKind::TextLink { .. }))
    );
    // Offsets are UTF-16 based: the bold entity covers `Kopi & "Kelapa"`.
    let bold = &msg.entities().unwrap()[0];
    assert_eq!((bold.offset, bold.length), (0, 15));
    assert!(msg.reply_markup().is_some());
    assert_eq!(msg.from.as_ref().unwrap().id.0, 123_456_789);

    let second = bot.send_message(ChatId(CHAT), "plain").await.unwrap();
    assert_eq!(second.id, MessageId(2), "message ids increase per chat");
    let other = bot.send_message(ChatId(77), "plain").await.unwrap();
    assert_eq!(other.id, MessageId(1));

    let sent = fake.sent_to(CHAT);
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].text.as_deref(), Some(html));
    assert_eq!(sent[0].parse_mode.as_deref(), Some("HTML"));
    assert_eq!(sent[0].callback_data(), vec!["confirm:yes", "confirm:no"]);
    assert_eq!(sent[0].button_texts(), vec!["Ya", "Tidak"]);
    assert_eq!(sent[1].plain_text.as_deref(), Some("plain"));
    let call = &fake.calls("sendMessage")[0];
    assert_eq!(call.chat_id, Some(CHAT));
    assert_eq!(call.param_str("parse_mode"), Some("HTML"));
    fake.assert_no_rejections();
}

#[tokio::test]
async fn invalid_html_is_rejected_with_telegram_errors() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let cases = [
        ("<b>Kopi & \"Kelapa\"</b>", "can't parse entities"),
        ("<div>Menu</div>", "Unsupported start tag \"div\""),
        (
            "<b>Menu",
            "Can't find end tag corresponding to start tag \"b\"",
        ),
        ("<b><i>x</b></i>", "Unmatched end tag"),
        ("harga < 5000", "Unsupported start tag"),
        ("a -> b", "Unexpected '>'"),
        ("<span>x</span>", "tg-spoiler"),
        ("&nbsp;", "can't parse entities"),
    ];
    for (text, expected) in cases {
        let err = bot
            .send_message(ChatId(CHAT), text)
            .parse_mode(ParseMode::Html)
            .await
            .unwrap_err();
        assert!(
            matches!(err, RequestError::Api(ApiError::CantParseEntities(_))),
            "{text}: unexpected error {err:?}"
        );
        let desc = api_desc(&err);
        assert!(
            desc.starts_with("Bad Request: can't parse entities: "),
            "{text}: {desc}"
        );
        assert!(desc.contains(expected), "{text}: {desc}");
        // teloxide's Display of the error carries the description.
        assert!(err.to_string().contains("can't parse entities"), "{err}");
    }
    // Without parse_mode the same text is fine.
    bot.send_message(ChatId(CHAT), "<b>Kopi & \"Kelapa\"</b>")
        .await
        .unwrap();

    let rejected = fake.rejected_calls();
    assert_eq!(rejected.len(), cases.len());
    assert!(rejected.iter().all(|c| c.error().unwrap().code == 400));
    assert_eq!(fake.sent_messages().len(), 1);

    // The bare-'>' and bare-'&' strictness can be relaxed to real Telegram's behaviour.
    fake.set_html_rules(HtmlRules {
        reject_bare_gt: false,
        reject_bare_amp: false,
    });
    let msg = bot
        .send_message(ChatId(CHAT), "a -> b & c")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();
    assert_eq!(msg.text(), Some("a -> b & c"));
}

#[tokio::test]
async fn length_and_keyboard_limits() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();

    // 4096 characters after entity parsing is fine; markup does not count.
    let ok = format!("<b>{}</b>", "a".repeat(4096));
    bot.send_message(ChatId(CHAT), ok)
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();
    let ok_entities = "&amp;".repeat(4096);
    bot.send_message(ChatId(CHAT), ok_entities)
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();
    // 4097 characters, or 2049 emoji (4098 UTF-16 units), is too long.
    let err = bot
        .send_message(ChatId(CHAT), "a".repeat(4097))
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageIsTooLong)),
        "{err:?}"
    );
    let err = bot
        .send_message(ChatId(CHAT), "😀".repeat(2049))
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageIsTooLong)),
        "{err:?}"
    );
    // Empty after parsing.
    let err = bot
        .send_message(ChatId(CHAT), "<b></b> ")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageTextIsEmpty)),
        "{err:?}"
    );
    // Caption over 1024.
    let err = bot
        .send_photo(
            ChatId(CHAT),
            InputFile::memory(vec![1u8; 10]).file_name("p.jpg"),
        )
        .caption("x".repeat(1025))
        .await
        .unwrap_err();
    assert_eq!(api_desc(&err), "Bad Request: message caption is too long");
    // callback_data over 64 bytes.
    let kb = InlineKeyboardMarkup::new(vec![vec![InlineKeyboardButton::callback(
        "x",
        "d".repeat(65),
    )]]);
    let err = bot
        .send_message(ChatId(CHAT), "menu")
        .reply_markup(kb)
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::ButtonDataInvalid)),
        "{err:?}"
    );
    let kb = InlineKeyboardMarkup::new(vec![vec![InlineKeyboardButton::callback(
        "x",
        "d".repeat(64),
    )]]);
    bot.send_message(ChatId(CHAT), "menu")
        .reply_markup(kb)
        .await
        .unwrap();

    assert_eq!(fake.rejected_calls().len(), 5);
    assert_eq!(fake.sent_to(CHAT).len(), 3);
}

#[tokio::test]
async fn get_updates_redelivers_until_confirmed() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let user = TestUser::new(CHAT, "Siti").lang("id");
    let ids = fake.push_updates([
        fake.text_update(&user, "/start"),
        fake.text_update(&user, "halo"),
        fake.text_update(&user, "menu"),
    ]);
    assert_eq!(ids, vec![1, 2, 3]);

    let first = bot.get_updates().await.unwrap();
    assert_eq!(
        first.iter().map(|u| u.id.0).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    // Not confirmed yet: a restarted bot (no offset) sees them again.
    let again = bot.get_updates().await.unwrap();
    assert_eq!(again.len(), 3);
    // limit.
    let limited = bot.get_updates().limit(2).await.unwrap();
    assert_eq!(limited.len(), 2);
    // offset 2 confirms update 1 only.
    let rest = bot.get_updates().offset(2).await.unwrap();
    assert_eq!(rest.iter().map(|u| u.id.0).collect::<Vec<_>>(), vec![2, 3]);
    assert_eq!(fake.confirmed_update_ids(), vec![1]);
    assert_eq!(fake.pending_update_ids(), vec![2, 3]);
    let rest = bot.get_updates().await.unwrap();
    assert_eq!(rest.len(), 2, "unconfirmed updates are redelivered");
    // Confirm everything.
    assert!(bot.get_updates().offset(4).await.unwrap().is_empty());
    assert_eq!(fake.confirmed_update_ids(), vec![1, 2, 3]);

    // An explicit update_id is kept (duplicate delivery on purpose).
    let mut dup = fake.text_update(&user, "again");
    dup["update_id"] = serde_json::json!(10);
    assert_eq!(fake.push_update(dup.clone()), 10);
    assert_eq!(fake.push_update(dup), 10);
    assert_eq!(fake.push_update(fake.text_update(&user, "next")), 11);
    let got = bot.get_updates().offset(4).await.unwrap();
    assert_eq!(
        got.iter().map(|u| u.id.0).collect::<Vec<_>>(),
        vec![10, 10, 11]
    );

    // The first update is a /start command with a bot_command entity.
    let UpdateKind::Message(m) = &first[0].kind else {
        panic!("not a message")
    };
    assert_eq!(m.text(), Some("/start"));
    assert_eq!(m.entities().unwrap()[0].kind, MessageEntityKind::BotCommand);
    assert_eq!(
        m.from.as_ref().unwrap().language_code.as_deref(),
        Some("id")
    );

    let polls = fake.get_updates_calls();
    assert_eq!(polls[0].returned, vec![1, 2, 3]);
    assert_eq!(polls[3].offset, Some(2));
    assert_eq!(polls[3].confirmed, vec![1]);
}

#[tokio::test]
async fn negative_offset_keeps_only_the_last_updates() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let user = TestUser::new(CHAT, "Budi");
    for i in 0..5 {
        fake.push_update(fake.text_update(&user, &format!("m{i}")));
    }
    // teloxide's drop_pending_updates does exactly this: offset -1, limit 1.
    let got = bot.get_updates().offset(-1).limit(1).await.unwrap();
    assert_eq!(got.iter().map(|u| u.id.0).collect::<Vec<_>>(), vec![5]);
    assert_eq!(fake.pending_update_ids(), vec![5]);
    assert_eq!(fake.confirmed_update_ids(), vec![1, 2, 3, 4]);
}

#[tokio::test]
async fn every_update_builder_deserializes_in_teloxide() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let user = TestUser::new(CHAT, "Siti")
        .lang("id")
        .username("siti")
        .last_name("A");
    let group = TestChat::supergroup(-1_001_234_567_890, "Pesantren Group");
    let channel = TestChat::channel(-1_009_876_543_210, "OPOP News");
    let kb = InlineKeyboardMarkup::new(vec![vec![InlineKeyboardButton::callback(
        "Pilih", "pick:1",
    )]]);
    bot.send_message(ChatId(CHAT), "menu")
        .reply_markup(kb)
        .await
        .unwrap();
    let sent = fake.last_sent_to(CHAT).unwrap();

    let text = fake.text_update(&user, "/produk kopi");
    let text_mid = text["message"]["message_id"].as_i64().unwrap();
    assert_eq!(
        text_mid, 2,
        "incoming messages share the chat's message id sequence"
    );
    fake.push_updates([
        text,
        fake.photo_update(&user, Some("foto produk"), Some("album-1")),
        fake.contact_update(&user, "+6281234567890"),
        fake.foreign_contact_update(&user, "+62811", "Ahmad", None),
        fake.sticker_update(&user, "👍"),
        fake.document_update(
            &user,
            "katalog.pdf",
            "application/pdf",
            2048,
            Some("katalog"),
        ),
        fake.callback_update(&user, &sent, "pick:1"),
        fake.bot_blocked_update(&user),
        fake.bot_unblocked_update(&user),
        fake.group_text_update(&group, &user, "/start@opop_test_bot"),
        fake.edited_message_update(&user, text_mid, "/produk teh"),
        fake.channel_post_update(&channel, "berita"),
        fake.message_update(
            &user,
            serde_json::json!({"location": {"latitude": -7.25, "longitude": 112.75}}),
        ),
    ]);
    let updates = bot.get_updates().await.unwrap();
    assert_eq!(updates.len(), 13);
    for u in &updates {
        assert!(
            !matches!(u.kind, UpdateKind::Error(_)),
            "update {} did not deserialize: {:?}",
            u.id.0,
            u.kind
        );
    }
    let kinds: Vec<&str> = updates
        .iter()
        .map(|u| match &u.kind {
            UpdateKind::Message(_) => "message",
            UpdateKind::EditedMessage(_) => "edited_message",
            UpdateKind::ChannelPost(_) => "channel_post",
            UpdateKind::CallbackQuery(_) => "callback_query",
            UpdateKind::MyChatMember(_) => "my_chat_member",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            "message",
            "message",
            "message",
            "message",
            "message",
            "message",
            "callback_query",
            "my_chat_member",
            "my_chat_member",
            "message",
            "edited_message",
            "channel_post",
            "message"
        ]
    );
    let UpdateKind::Message(photo) = &updates[1].kind else {
        unreachable!()
    };
    assert_eq!(photo.photo().unwrap().len(), 3);
    assert_eq!(
        photo.media_group_id().map(|g| g.0.as_str()),
        Some("album-1")
    );
    assert_eq!(photo.caption(), Some("foto produk"));
    let UpdateKind::Message(contact) = &updates[2].kind else {
        unreachable!()
    };
    assert_eq!(
        contact.contact().unwrap().user_id.map(|u| u.0),
        Some(CHAT as u64)
    );
    let UpdateKind::CallbackQuery(q) = &updates[6].kind else {
        unreachable!()
    };
    assert_eq!(q.data.as_deref(), Some("pick:1"));
    assert_eq!(
        q.message.as_ref().unwrap().id(),
        MessageId(sent.message_id as i32)
    );
    let UpdateKind::Message(g) = &updates[9].kind else {
        unreachable!()
    };
    assert!(g.chat.is_supergroup());

    // File ids from pushed updates are known to getFile, and downloadable.
    let file_id = photo.photo().unwrap()[2].file.id.clone();
    let file = bot.get_file(file_id).await.unwrap();
    let mut bytes: Vec<u8> = Vec::new();
    bot.download_file(&file.path, &mut bytes).await.unwrap();
    assert_eq!(bytes.len() as u32, file.meta.size);
    let err = bot.get_file(FileId("nope".into())).await.unwrap_err();
    assert_eq!(api_desc(&err), "Bad Request: invalid file id");

    // The callback query can be answered once.
    bot.answer_callback_query(q.id.clone())
        .text("ok")
        .await
        .unwrap();
    let err = bot.answer_callback_query(q.id.clone()).await.unwrap_err();
    assert!(matches!(err, RequestError::Api(_)), "{err:?}");
    let err = bot
        .answer_callback_query(CallbackQueryId("1".into()))
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::InvalidQueryId)),
        "{err:?}"
    );
}

#[tokio::test]
async fn long_poll_returns_early_when_an_update_arrives() {
    let fake = std::sync::Arc::new(FakeBotApi::start(TOKEN).await);
    let bot = fake.bot();
    let started = Instant::now();
    let poll = tokio::spawn(async move { bot.get_updates().timeout(5).await });
    // Let the poll arrive and park.
    assert!(fake.wait_for_polling(Duration::from_secs(2)).await);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let user = TestUser::new(CHAT, "Siti");
    fake.push_update(fake.text_update(&user, "halo"));
    let updates = poll.await.unwrap().unwrap();
    let elapsed = started.elapsed();
    assert_eq!(updates.len(), 1);
    assert!(
        elapsed < Duration::from_secs(2),
        "long poll did not return early: {elapsed:?}"
    );

    // With nothing to deliver it waits for the whole timeout.
    let t = Instant::now();
    let empty = fake.bot().get_updates().offset(2).timeout(1).await.unwrap();
    assert!(empty.is_empty());
    assert!(
        t.elapsed() >= Duration::from_millis(950),
        "{:?}",
        t.elapsed()
    );
}

#[tokio::test]
async fn concurrent_get_updates_conflict() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let b1 = bot.clone();
    let first = tokio::spawn(async move { b1.get_updates().timeout(5).await });
    assert!(fake.wait_for_polling(Duration::from_secs(2)).await);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let second = bot.get_updates().timeout(0).await.unwrap();
    assert!(second.is_empty());
    let err = first.await.unwrap().unwrap_err();
    assert!(
        matches!(
            err,
            RequestError::Api(ApiError::TerminatedByOtherGetUpdates)
        ),
        "{err:?}"
    );
    let polls = fake.get_updates_calls();
    assert!(polls.iter().any(|p| p.outcome == PollOutcome::Conflict));

    // A webhook blocks getUpdates until deleted.
    bot.set_webhook(reqwest::Url::parse("https://example.com/hook").unwrap())
        .await
        .unwrap();
    let info = bot.get_webhook_info().await.unwrap();
    assert!(info.url.is_some());
    let err = bot.get_updates().await.unwrap_err();
    // Telegram's description is longer than the one teloxide matches exactly
    // (`CantGetUpdates`), so it arrives as `Unknown`.
    assert_eq!(
        api_desc(&err),
        "Conflict: can't use getUpdates method while webhook is active; \
         use deleteWebhook to delete the webhook first"
    );
    bot.delete_webhook().await.unwrap();
    assert!(bot.get_webhook_info().await.unwrap().url.is_none());
    bot.get_updates().await.unwrap();
}

#[tokio::test]
async fn injected_429_surfaces_as_retry_after() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    fake.push_faults("sendMessage", [Fault::RetryAfter(1), Fault::RetryAfter(3)]);
    let err = bot.send_message(ChatId(CHAT), "a").await.unwrap_err();
    assert!(
        matches!(err, RequestError::RetryAfter(s) if s.seconds() == 1),
        "{err:?}"
    );
    let err = bot.send_message(ChatId(CHAT), "b").await.unwrap_err();
    assert!(
        matches!(err, RequestError::RetryAfter(s) if s.seconds() == 3),
        "{err:?}"
    );
    bot.send_message(ChatId(CHAT), "c").await.unwrap();
    assert_eq!(fake.pending_faults(), 0);
    assert_eq!(fake.sent_messages().len(), 1);
    let failed = fake.failed_calls();
    assert_eq!(failed.len(), 2);
    assert_eq!(
        failed[0].error().unwrap().cause,
        FailureCause::InjectedFault
    );
    assert_eq!(failed[0].error().unwrap().retry_after, Some(1));
    assert!(
        fake.rejected_calls().is_empty(),
        "faults are not validation rejections"
    );

    // Generic API errors, e.g. a blocked user, and the "*" queue.
    fake.push_faults(
        "*",
        [Fault::Api {
            code: 403,
            description: "Forbidden: bot was blocked by the user".into(),
        }],
    );
    let err = bot.get_me().await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::BotBlocked)),
        "{err:?}"
    );
}

#[tokio::test]
async fn dropped_connection_surfaces_as_network_error() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    fake.push_faults("sendMessage", [Fault::Drop]);
    let err = bot.send_message(ChatId(CHAT), "lost").await.unwrap_err();
    assert!(matches!(err, RequestError::Network(_)), "{err:?}");
    assert!(fake.sent_messages().is_empty());
    let call = &fake.calls("sendMessage")[0];
    assert_eq!(call.outcome, CallOutcome::Dropped);
    assert!(call.connection_dropped);

    // Dropped after processing: the bot sees an error but the message exists.
    fake.push_faults("sendMessage", [Fault::DropAfterProcessing]);
    let err = bot
        .send_message(ChatId(CHAT), "sent anyway")
        .await
        .unwrap_err();
    assert!(matches!(err, RequestError::Network(_)), "{err:?}");
    assert_eq!(fake.sent_messages().len(), 1);

    // The server keeps working afterwards, on a fresh connection.
    bot.send_message(ChatId(CHAT), "ok").await.unwrap();
    assert_eq!(fake.sent_messages().len(), 2);

    // A delay fault just slows the answer down.
    fake.push_faults("getMe", [Fault::Delay(Duration::from_millis(300))]);
    let t = Instant::now();
    bot.get_me().await.unwrap();
    assert!(t.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn server_error_costs_teloxide_ten_seconds() {
    // teloxide-core sleeps DELAY_ON_SERVER_ERROR (10 s) on any 5xx status before
    // parsing the body; tests that inject 500s must budget for it.
    let fake = FakeBotApi::start(TOKEN).await;
    fake.push_faults("getMe", [Fault::ServerError]);
    let t = Instant::now();
    let err = fake.bot().get_me().await.unwrap_err();
    assert_eq!(api_desc(&err), "Internal Server Error", "{err:?}");
    assert!(t.elapsed() >= Duration::from_secs(10), "{:?}", t.elapsed());
}

#[tokio::test]
async fn random_faults_are_seeded_and_reproducible() {
    async fn run(seed: u64) -> Vec<String> {
        let fake = FakeBotApi::start(TOKEN).await;
        let mut rf = RandomFaults::new(seed, 0.5);
        rf.weight_server_error = 0; // avoid teloxide's 10 s sleep
        fake.set_random_faults(Some(rf));
        let bot = fake.bot();
        let mut out = Vec::new();
        for i in 0..30 {
            out.push(
                match bot.send_message(ChatId(CHAT), format!("m{i}")).await {
                    Ok(_) => "ok".to_owned(),
                    Err(RequestError::RetryAfter(s)) => {
                        assert!((1..=3).contains(&s.seconds()));
                        "429".to_owned()
                    }
                    Err(RequestError::Network(_)) => "drop".to_owned(),
                    Err(e) => panic!("unexpected {e:?}"),
                },
            );
        }
        // getUpdates is not affected by default.
        bot.get_updates().await.unwrap();
        out
    }
    let a = run(7).await;
    let b = run(7).await;
    assert_eq!(a, b);
    assert!(a.iter().any(|o| o == "ok"));
    assert!(a.iter().any(|o| o == "429"));
    assert!(a.iter().any(|o| o == "drop"));
}

#[tokio::test]
async fn blocked_chats_answer_403() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let user = TestUser::new(CHAT, "Siti");
    fake.block_chat(CHAT);
    let err = bot.send_message(ChatId(CHAT), "x").await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::BotBlocked)),
        "{err:?}"
    );
    fake.unblock_chat(CHAT);
    bot.send_message(ChatId(CHAT), "x").await.unwrap();
    // A my_chat_member "kicked" update blocks the chat, like on Telegram.
    fake.push_update(fake.bot_blocked_update(&user));
    let err = bot
        .send_chat_action(ChatId(CHAT), ChatAction::Typing)
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::BotBlocked)),
        "{err:?}"
    );
    fake.push_update(fake.bot_unblocked_update(&user));
    bot.send_chat_action(ChatId(CHAT), ChatAction::Typing)
        .await
        .unwrap();
}

#[tokio::test]
async fn edits_deletes_and_replies() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let err = bot
        .edit_message_text(ChatId(CHAT), MessageId(99), "x")
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageToEditNotFound)),
        "{err:?}"
    );

    let kb = InlineKeyboardMarkup::new(vec![vec![InlineKeyboardButton::callback("A", "a")]]);
    let msg = bot
        .send_message(ChatId(CHAT), "<b>Menu</b>")
        .parse_mode(ParseMode::Html)
        .reply_markup(kb.clone())
        .await
        .unwrap();
    // Same text, same entities, same keyboard: not modified.
    let err = bot
        .edit_message_text(ChatId(CHAT), msg.id, "<b>Menu</b>")
        .parse_mode(ParseMode::Html)
        .reply_markup(kb.clone())
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageNotModified)),
        "{err:?}"
    );
    // Dropping the keyboard is a modification.
    let edited = bot
        .edit_message_text(ChatId(CHAT), msg.id, "<b>Menu</b>")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();
    assert!(edited.reply_markup().is_none());
    assert!(edited.edit_date().is_some());
    let err = bot
        .edit_message_reply_markup(ChatId(CHAT), msg.id)
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageNotModified)),
        "{err:?}"
    );
    bot.edit_message_reply_markup(ChatId(CHAT), msg.id)
        .reply_markup(kb)
        .await
        .unwrap();
    assert!(
        fake.message(CHAT, msg.id.0 as i64)
            .unwrap()
            .get("reply_markup")
            .is_some()
    );
    let err = bot
        .edit_message_text(ChatId(CHAT), msg.id, "<i>x")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap_err();
    assert!(api_desc(&err).contains("can't parse entities"));

    // A user's message cannot be edited by the bot.
    let user = TestUser::new(CHAT, "Siti");
    let upd = fake.text_update(&user, "halo");
    let user_mid = upd["message"]["message_id"].as_i64().unwrap() as i32;
    fake.push_update(upd);
    let err = bot
        .edit_message_text(ChatId(CHAT), MessageId(user_mid), "x")
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageCantBeEdited)),
        "{err:?}"
    );

    // Replies to known messages work; to unknown ones fail.
    let reply = bot
        .send_message(ChatId(CHAT), "balasan")
        .reply_parameters(teloxide::types::ReplyParameters::new(MessageId(user_mid)))
        .await
        .unwrap();
    assert_eq!(reply.reply_to_message().unwrap().id, MessageId(user_mid));
    let err = bot
        .send_message(ChatId(CHAT), "balasan")
        .reply_parameters(teloxide::types::ReplyParameters::new(MessageId(9999)))
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageToReplyNotFound)),
        "{err:?}"
    );

    bot.delete_message(ChatId(CHAT), msg.id).await.unwrap();
    assert!(fake.is_deleted(CHAT, msg.id.0 as i64));
    let err = bot.delete_message(ChatId(CHAT), msg.id).await.unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageToDeleteNotFound)),
        "{err:?}"
    );
    let err = bot
        .edit_message_text(ChatId(CHAT), msg.id, "x")
        .await
        .unwrap_err();
    assert!(
        matches!(err, RequestError::Api(ApiError::MessageToEditNotFound)),
        "{err:?}"
    );
}

#[tokio::test]
async fn uploads_media_groups_files_and_commands() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let photo = bot
        .send_photo(
            ChatId(CHAT),
            InputFile::memory(vec![7u8; 1000]).file_name("produk.jpg"),
        )
        .caption("<b>Kopi</b> Kelapa")
        .parse_mode(ParseMode::Html)
        .await
        .unwrap();
    assert_eq!(photo.caption(), Some("Kopi Kelapa"));
    assert_eq!(
        photo.caption_entities().unwrap()[0].kind,
        MessageEntityKind::Bold
    );
    let call = &fake.calls("sendPhoto")[0];
    assert_eq!(call.files.len(), 1);
    assert_eq!(call.files[0].file_name.as_deref(), Some("produk.jpg"));
    assert_eq!(call.files[0].size, 1000);
    assert_eq!(call.chat_id, Some(CHAT));
    // Multipart text fields are converted: ids to numbers, the rest kept as text;
    // the file field refers to its part as `attach://<part name>`.
    assert_eq!(call.param("chat_id"), Some(&serde_json::json!(CHAT)));
    assert_eq!(call.param_str("caption"), Some("<b>Kopi</b> Kelapa"));
    assert_eq!(call.param_str("parse_mode"), Some("HTML"));
    let photo_ref = call.param_str("photo").unwrap();
    assert_eq!(photo_ref, format!("attach://{}", call.files[0].field));
    // Re-send by file_id (also multipart in teloxide).
    let big = photo.photo().unwrap().last().unwrap().file.id.clone();
    bot.send_photo(ChatId(CHAT), InputFile::file_id(big.clone()))
        .await
        .unwrap();
    let err = bot
        .send_photo(ChatId(CHAT), InputFile::file_id(FileId("bogus".into())))
        .await
        .unwrap_err();
    assert!(api_desc(&err).contains("wrong file identifier"));
    // The uploaded bytes can be fetched back through getFile + download.
    let file = bot.get_file(big).await.unwrap();
    let mut bytes: Vec<u8> = Vec::new();
    bot.download_file(&file.path, &mut bytes).await.unwrap();
    assert_eq!(bytes, vec![7u8; 1000]);

    let doc = bot
        .send_document(
            ChatId(CHAT),
            InputFile::memory(b"a,b\n1,2\n".to_vec()).file_name("laporan.csv"),
        )
        .await
        .unwrap();
    assert_eq!(
        doc.document().unwrap().file_name.as_deref(),
        Some("laporan.csv")
    );

    let album = bot
        .send_media_group(
            ChatId(CHAT),
            vec![
                InputMedia::Photo(
                    InputMediaPhoto::new(InputFile::memory(vec![1u8; 10]).file_name("1.jpg"))
                        .caption("satu"),
                ),
                InputMedia::Photo(InputMediaPhoto::new(
                    InputFile::memory(vec![2u8; 20]).file_name("2.jpg"),
                )),
                InputMedia::Photo(InputMediaPhoto::new(
                    InputFile::memory(vec![3u8; 30]).file_name("3.jpg"),
                )),
            ],
        )
        .await
        .unwrap();
    assert_eq!(album.len(), 3);
    assert!(
        album.iter().all(
            |m| m.media_group_id() == album[0].media_group_id() && m.media_group_id().is_some()
        )
    );
    assert_eq!(album[0].caption(), Some("satu"));
    assert_eq!(fake.calls("sendMediaGroup")[0].files.len(), 3);
    let events = fake.send_events();
    assert_eq!(events.last().unwrap().items, 3);
    assert_eq!(fake.sent_to(CHAT).len(), 2 + 1 + 3);

    // Commands per scope/language.
    let cmds = vec![
        BotCommand::new("start", "Mulai"),
        BotCommand::new("produk", "Cari produk"),
    ];
    bot.set_my_commands(cmds.clone()).await.unwrap();
    bot.set_my_commands(vec![BotCommand::new("start", "Start")])
        .language_code("en")
        .await
        .unwrap();
    assert_eq!(bot.get_my_commands().await.unwrap(), cmds);
    assert_eq!(
        bot.get_my_commands()
            .language_code("en")
            .await
            .unwrap()
            .len(),
        1
    );
    let err = bot
        .set_my_commands(vec![BotCommand::new("Start!", "x")])
        .await
        .unwrap_err();
    assert!(api_desc(&err).contains("BOT_COMMAND_INVALID"));
    bot.delete_my_commands().await.unwrap();
    assert!(bot.get_my_commands().await.unwrap().is_empty());
    assert!(fake.bot_commands(None, Some("en")).is_some());

    bot.send_chat_action(ChatId(CHAT), ChatAction::UploadDocument)
        .await
        .unwrap();
    bot.log_out().await.unwrap();
    bot.close().await.unwrap();
}

#[tokio::test]
async fn rate_accounting_on_a_synthetic_burst() {
    // Pure window arithmetic.
    let t0 = Instant::now();
    let at = |ms: u64| t0 + Duration::from_millis(ms);
    let times = [at(0), at(100), at(999), at(1000), at(1500), at(3000)];
    assert_eq!(max_events_in_window(&times, Duration::from_secs(1)), 3);
    assert_eq!(max_events_in_window(&[], Duration::from_secs(1)), 0);

    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    for i in 0..5 {
        bot.send_message(ChatId(1), format!("a{i}")).await.unwrap();
    }
    for i in 0..3 {
        bot.send_message(ChatId(2), format!("b{i}")).await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(1100)).await;
    for i in 0..2 {
        bot.send_message(ChatId(1), format!("c{i}")).await.unwrap();
    }
    // Failed sends do not count.
    fake.push_faults("sendMessage", [Fault::RetryAfter(1)]);
    let _ = bot.send_message(ChatId(1), "fails").await;
    // Non-message methods do not count.
    bot.send_chat_action(ChatId(1), ChatAction::Typing)
        .await
        .unwrap();

    assert_eq!(fake.send_events().len(), 10);
    assert_eq!(fake.max_per_second_overall(), 8);
    assert_eq!(fake.max_per_second_per_chat(), 5);
    let by_chat = fake.max_per_window_by_chat(Duration::from_secs(1));
    assert_eq!(by_chat[&1], 5);
    assert_eq!(by_chat[&2], 3);
    assert_eq!(fake.max_per_minute_per_chat(), 7);
    // CountOnly (default): per-chat limit 1/s + burst 2 → messages 4 and 5 to chat 1 violate.
    let v = fake.rate_limit_violations();
    assert_eq!(v.len(), 2, "{v:?}");
    assert!(
        v.iter()
            .all(|v| v.rule == "per_chat_per_sec" && v.chat_id == 1 && !v.rejected)
    );
}

#[tokio::test]
async fn rate_limits_can_be_enforced() {
    let config = FakeConfig {
        rate_limits: RateLimits {
            mode: RateLimitMode::Enforce,
            per_chat_burst: 0,
            group_per_min: 2,
            ..RateLimits::default()
        },
        ..FakeConfig::default()
    };
    let fake = FakeBotApi::start_with(TOKEN, config).await;
    let bot = fake.bot();
    bot.send_message(ChatId(CHAT), "1").await.unwrap();
    let err = bot.send_message(ChatId(CHAT), "2").await.unwrap_err();
    assert!(
        matches!(err, RequestError::RetryAfter(s) if s.seconds() == 1),
        "{err:?}"
    );
    let group = -100_555;
    bot.send_message(ChatId(group), "g1").await.unwrap();
    tokio::time::sleep(Duration::from_millis(1010)).await;
    bot.send_message(ChatId(CHAT), "3").await.unwrap();
    bot.send_message(ChatId(group), "g2").await.unwrap();
    tokio::time::sleep(Duration::from_millis(1010)).await;
    let err = bot.send_message(ChatId(group), "g3").await.unwrap_err();
    assert!(
        matches!(err, RequestError::RetryAfter(s) if s.seconds() > 1),
        "{err:?}"
    );
    let v = fake.rate_limit_violations();
    assert_eq!(
        v.iter().map(|v| v.rule).collect::<Vec<_>>(),
        vec!["per_chat_per_sec", "group_per_min"]
    );
    assert!(v.iter().all(|v| v.rejected));
    assert_eq!(
        fake.failed_calls()
            .iter()
            .filter(|c| c.error().unwrap().cause == FailureCause::RateLimit)
            .count(),
        2
    );
    assert_eq!(fake.sent_messages().len(), 4);
}

/// The bot's limiter (`telegram::limits`) against the fake's accounting:
/// 40 chats at once, three messages each, and one 429 pause in the middle.
#[tokio::test]
async fn the_bots_limiter_stays_within_the_fakes_limits() {
    use opop_bot::telegram::limits::Limiter;
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let limiter = std::sync::Arc::new(Limiter::telegram());
    let mut tasks = Vec::new();
    for chat in 1..=40i64 {
        let (bot, limiter) = (bot.clone(), limiter.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0..3 {
                limiter.message(chat).await;
                bot.send_message(ChatId(chat), format!("{i}")).await?;
            }
            Ok::<(), RequestError>(())
        }));
    }
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    limiter.pause(Duration::from_secs(1));
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(fake.sent_messages().len(), 120);
    assert!(
        fake.max_per_second_overall() <= 30,
        "{}",
        fake.max_per_second_overall()
    );
    assert_eq!(fake.max_per_second_per_chat(), 1);
    assert!(fake.rate_limit_violations().is_empty());
}

#[tokio::test]
async fn teloxide_dispatcher_runs_against_the_fake() {
    let fake = FakeBotApi::start(TOKEN).await;
    let user = TestUser::new(CHAT, "Siti").lang("id");
    fake.push_update(fake.text_update(&user, "halo"));

    let handler = Update::filter_message().endpoint(|bot: Bot, msg: Message| async move {
        bot.send_message(
            msg.chat.id,
            format!("<i>echo</i>: {}", msg.text().unwrap_or("")),
        )
        .parse_mode(ParseMode::Html)
        .await?;
        Ok::<(), RequestError>(())
    });
    let mut dispatcher = Dispatcher::builder(fake.bot(), handler).build();
    let shutdown = dispatcher.shutdown_token();
    let running = tokio::spawn(async move { dispatcher.dispatch().await });

    let replies = fake
        .wait_for_messages(CHAT, 1, Duration::from_secs(10))
        .await
        .expect("reply");
    assert_eq!(replies[0].plain_text.as_deref(), Some("echo: halo"));
    fake.push_update(fake.text_update(&user, "lagi"));
    let replies = fake
        .wait_for_messages(CHAT, 2, Duration::from_secs(10))
        .await
        .expect("second reply");
    assert_eq!(replies[1].plain_text.as_deref(), Some("echo: lagi"));

    // Graceful shutdown confirms the processed updates.
    let stopping = loop {
        match shutdown.shutdown() {
            Ok(f) => break f,
            Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    };
    tokio::time::timeout(Duration::from_secs(15), stopping)
        .await
        .expect("dispatcher stops");
    running.await.unwrap();
    assert!(
        fake.wait_for_confirmed(2, Duration::from_secs(2)).await,
        "{:?}",
        fake.get_updates_calls()
    );
    assert!(fake.pending_update_ids().is_empty());
    // teloxide asked for getMe and webhook info, and sent allowed_updates once.
    assert!(!fake.calls("getMe").is_empty());
    assert!(!fake.calls("getWebhookInfo").is_empty());
    assert!(fake.allowed_updates().is_some());
    fake.assert_no_rejections();
}

#[test]
fn html_parser_unit_cases() {
    let strict = HtmlRules::default();
    let p = parse_html("<a href='https://x.id/?a=1&amp;b=2'>x</a>", strict).unwrap();
    assert_eq!(p.text, "x");
    assert_eq!(p.entities[0]["url"], "https://x.id/?a=1&b=2");
    let p = parse_html(
        "<tg-emoji emoji-id=\"5368324170671202286\">👍</tg-emoji>",
        strict,
    )
    .unwrap();
    assert_eq!(p.entities[0]["type"], "custom_emoji");
    assert_eq!(p.entities[0]["length"], 2);
    assert!(parse_html("<tg-emoji>x</tg-emoji>", strict).is_err());
    assert!(
        parse_html("</b>", strict)
            .unwrap_err()
            .contains("Unexpected end tag")
    );
    assert!(
        parse_html("<b", strict)
            .unwrap_err()
            .contains("Unclosed start tag")
    );
    assert!(
        parse_html("&#xD800;", strict).is_err(),
        "surrogates are not characters"
    );
    assert_eq!(parse_html("&#65;&#x42;", strict).unwrap().text, "AB");
    assert_eq!(
        parse_html("<B>x</B>", strict).unwrap().entities[0]["type"],
        "bold"
    );
    assert!(parse_html("<b></b>x", strict).unwrap().entities.is_empty());
}

#[tokio::test]
async fn raw_http_clients_json_form_and_multipart() {
    // Bots other than teloxide (or curl in a script) may use query strings,
    // urlencoded forms or hand-made multipart bodies.
    let fake = FakeBotApi::start(TOKEN).await;
    let base = format!("{}/bot{}", fake.url(), TOKEN);
    let http = reqwest::Client::new();
    let r: serde_json::Value = http
        .get(format!("{base}/sendMessage?chat_id=5&text=halo%20dunia"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["ok"], true);
    assert_eq!(r["result"]["text"], "halo dunia");
    let r: serde_json::Value = http
        .post(format!("{base}/sendMessage"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("chat_id=5&text=a+%26+b&parse_mode=HTML")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["error_code"], 400, "{r}");
    let body = "--XyZ\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n5\r\n\
                --XyZ\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.pdf\"\r\n\
                Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--XyZ--\r\n";
    let r: serde_json::Value = http
        .post(format!("{base}/sendDocument"))
        .header("content-type", "multipart/form-data; boundary=XyZ")
        .body(body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["result"]["document"]["file_name"], "a.pdf");
    assert_eq!(r["result"]["document"]["mime_type"], "application/pdf");
    assert_eq!(r["result"]["document"]["file_size"], 8);
    let doc = fake.last_sent_to(5).unwrap();
    let id = doc.message["document"]["file_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(fake.file_bytes(&id).unwrap(), b"%PDF-1.4");
    assert_eq!(fake.rejected_calls().len(), 1);
    // The environment a bot process needs.
    let env = fake.env();
    assert!(env.contains(&("TELOXIDE_API_URL".to_owned(), fake.url())));
    assert!(env.contains(&("TELOXIDE_TOKEN".to_owned(), TOKEN.to_owned())));
}

#[tokio::test]
async fn shutdown_closes_the_port_and_allowed_updates_filter() {
    let fake = FakeBotApi::start(TOKEN).await;
    let bot = fake.bot();
    let user = TestUser::new(CHAT, "Siti");
    fake.push_update(fake.text_update(&user, "a"));
    fake.push_update(fake.bot_blocked_update(&user));
    // Only messages are wanted: the my_chat_member update is discarded.
    let got = bot
        .get_updates()
        .allowed_updates(vec![teloxide::types::AllowedUpdate::Message])
        .await
        .unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(fake.allowed_updates(), Some(vec!["message".to_owned()]));
    assert_eq!(fake.filtered_update_ids(), vec![2]);
    // The setting is remembered by later calls without allowed_updates.
    fake.push_update(fake.bot_unblocked_update(&user));
    assert_eq!(bot.get_updates().offset(2).await.unwrap().len(), 0);

    fake.clear_records();
    assert!(fake.all_calls().is_empty());
    let url = fake.api_url();
    fake.shutdown();
    let err = Bot::new(TOKEN).set_api_url(url).get_me().await.unwrap_err();
    assert!(matches!(err, RequestError::Network(_)), "{err:?}");
}
