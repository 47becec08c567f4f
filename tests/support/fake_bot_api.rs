//! # A fake Telegram Bot API server for integration tests
//!
//! [`FakeBotApi`] listens on `127.0.0.1:<random port>` and answers the Bot API
//! the way `teloxide` (0.17 / teloxide-core 0.13) calls it:
//! `POST {base}/bot{token}/{method}` with a JSON body (most methods) or a
//! `multipart/form-data` body (`sendPhoto`, `sendDocument`, `sendMediaGroup`,
//! which teloxide *always* sends as multipart, even for a `file_id`).
//! Query strings and `application/x-www-form-urlencoded` bodies are accepted too.
//! Every answer uses Telegram's envelope, `{"ok":true,"result":…}` or
//! `{"ok":false,"error_code":N,"description":"…","parameters":{"retry_after":S}}`,
//! with the HTTP status equal to `error_code`, exactly like Telegram.
//!
//! Point a bot at it with `TELOXIDE_API_URL=<fake.url()>` (plus
//! `TELOXIDE_TOKEN=<fake.token()>`) for a bot process, or in-process with
//! [`FakeBotApi::bot`] / `Bot::new(token).set_api_url(fake.api_url())`.
//! The server runs on its own thread with its own tokio runtime, so it keeps
//! answering even if the test thread blocks (e.g. waiting on a child process).
//!
//! ## What it fakes
//! * `getUpdates` with Telegram's semantics: `offset` confirmation (an update
//!   is dropped only when a call comes with a higher offset, so unconfirmed
//!   updates are redelivered, also to a restarted bot), negative offsets,
//!   `limit` (clamped to 1..=100, default 100), long polling with `timeout`
//!   (returns as soon as an update is pushed), `allowed_updates` (remembered
//!   between calls, default excludes `chat_member`/`message_reaction*`), and
//!   409 `Conflict: terminated by other getUpdates request` for the older of two
//!   concurrent polls. Every poll is recorded ([`GetUpdatesCall`]).
//! * Update injection ([`FakeBotApi::push_update`]) and builders for the common
//!   update kinds (text/command, photo, contact, sticker, document, callback
//!   query, `my_chat_member`, group text, edited message, channel post).
//! * Methods: getMe, sendMessage, editMessageText, editMessageReplyMarkup,
//!   editMessageCaption, answerCallbackQuery, sendPhoto, sendMediaGroup,
//!   sendDocument, setMyCommands, deleteMyCommands, getMyCommands, setWebhook,
//!   deleteWebhook, getWebhookInfo, sendChatAction, deleteMessage, getFile
//!   (plus file download at `/file/bot{token}/{path}`), close, logOut.
//!   Results are realistic enough to deserialize into teloxide's types
//!   (`Message`, `Me`, `File`, `WebhookInfo`, `BotCommand`, …); sent messages
//!   get per-chat increasing `message_id`s and are stored so edits/deletes/
//!   replies of unknown messages fail like Telegram.
//! * Validation like Telegram: `parse_mode=HTML` parsing with Telegram's tag
//!   set (see [`parse_html`]), text/caption length in UTF-16 units after entity
//!   parsing (4096 / 1024), empty text, inline-keyboard `callback_data` of
//!   1..=64 bytes, buttons without an action, "message is not modified",
//!   "message to edit not found", unknown `file_id`s, invalid callback query ids.
//!   Rejected calls are recorded with their error ([`FakeBotApi::rejected_calls`]).
//! * Faults: per-method queues of injected faults ([`Fault`]: 429 with
//!   `retry_after`, 500, 502 with an HTML body, any API error, a dropped TCP
//!   connection before or after processing, a delay), a seeded random-fault
//!   mode ([`RandomFaults`]) and per-chat 403 "bot was blocked by the user".
//! * Rate accounting of outgoing messages (sliding 1-second / 1-minute windows)
//!   with optional enforcement of Telegram-like limits ([`RateLimits`]).
//!
//! ## What it does not fake
//! * Webhook delivery (only `setWebhook`/`deleteWebhook` bookkeeping, and the
//!   409 that `getUpdates` answers while a webhook is set), inline mode,
//!   payments, games, stickers sets, chat administration, forum topics,
//!   business connections, reactions… Methods it does not implement answer 404
//!   `Not Found`, which is what Telegram answers for a method that does not
//!   exist (teloxide maps that description to `ApiError::InvalidToken`).
//! * `MarkdownV2`/`Markdown` parse modes are accepted but not validated; their
//!   text is stored and counted raw. The `entities`/`caption_entities`
//!   parameters are ignored. URLs and mentions are not auto-detected.
//! * Telegram's leniency with a bare `&` (real Telegram keeps it literally) and a
//!   bare `>`: the project rule is to escape both, so both are errors by default
//!   ([`HtmlRules`] relaxes them).
//! * Real media processing: photo sizes, file ids and file contents are synthetic.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::future::IntoFuture;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::connect_info::Connected;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, RawQuery, State as AxumState};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::serve::{IncomingStream, Listener};
use serde_json::{Map, Value, json};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

// ---------------------------------------------------------------------------
// Limits used by the validation (Bot API documentation values).
// ---------------------------------------------------------------------------

/// Maximum length of a message text, in UTF-16 code units after entity parsing.
pub const MAX_TEXT_LEN: usize = 4096;
/// Maximum length of a media caption, in UTF-16 code units after entity parsing.
pub const MAX_CAPTION_LEN: usize = 1024;
/// Maximum size of inline keyboard `callback_data`, in bytes.
pub const MAX_CALLBACK_DATA_LEN: usize = 64;
/// Maximum size of a file `getFile` can serve (20 MB).
pub const MAX_DOWNLOAD_SIZE: u64 = 20 * 1024 * 1024;

const CONFLICT_GET_UPDATES: &str = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
const CONFLICT_WEBHOOK: &str = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const NOT_MODIFIED: &str = "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

/// Methods the fake implements (canonical spelling; matching is case-insensitive
/// like Telegram's).
pub const SUPPORTED_METHODS: &[&str] = &[
    "getMe",
    "getUpdates",
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "editMessageCaption",
    "answerCallbackQuery",
    "sendPhoto",
    "sendMediaGroup",
    "sendDocument",
    "setMyCommands",
    "deleteMyCommands",
    "getMyCommands",
    "setWebhook",
    "deleteWebhook",
    "getWebhookInfo",
    "sendChatAction",
    "deleteMessage",
    "getFile",
    "close",
    "logOut",
];

/// Methods whose successful calls count as outgoing messages for rate accounting.
pub const SEND_METHODS: &[&str] = &["sendMessage", "sendPhoto", "sendMediaGroup", "sendDocument"];

const CHAT_ACTIONS: &[&str] = &[
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
];

// ===========================================================================
// Configuration
// ===========================================================================

/// Configuration of a [`FakeBotApi`]; `FakeConfig::default()` is what
/// [`FakeBotApi::start`] uses.
#[derive(Clone, Debug)]
pub struct FakeConfig {
    /// `first_name` of the bot user returned by `getMe` and used as `from`.
    pub bot_first_name: String,
    /// `username` of the bot (without `@`).
    pub bot_username: String,
    /// `update_id` given to the first pushed update that has none.
    pub first_update_id: i64,
    /// Strictness of the HTML parser.
    pub html: HtmlRules,
    /// Rate accounting / enforcement.
    pub rate_limits: RateLimits,
    /// When true, sending to a chat the fake has never seen in a pushed update
    /// (nor [`FakeBotApi::add_chat`]) answers 400 `Bad Request: chat not found`,
    /// like Telegram does for users who never started the bot. Default false.
    pub require_known_chats: bool,
}

impl Default for FakeConfig {
    fn default() -> Self {
        Self {
            bot_first_name: "OPOP Test Bot".to_owned(),
            bot_username: "opop_test_bot".to_owned(),
            first_update_id: 1,
            html: HtmlRules::default(),
            rate_limits: RateLimits::default(),
            require_known_chats: false,
        }
    }
}

/// Strictness knobs of [`parse_html`]. Both default to `true` (strict).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HtmlRules {
    /// Reject a bare `>` in text. Real Telegram tolerates it; the project rule
    /// is to escape it as `&gt;`.
    pub reject_bare_gt: bool,
    /// Reject a `&` that does not start a supported entity. Real Telegram keeps
    /// it literally; the project rule is to escape it as `&amp;`.
    pub reject_bare_amp: bool,
}

impl Default for HtmlRules {
    fn default() -> Self {
        Self {
            reject_bare_gt: true,
            reject_bare_amp: true,
        }
    }
}

/// What the fake does with Telegram's flood limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateLimitMode {
    /// No accounting of violations (timestamps are still kept).
    Off,
    /// Record violations in [`FakeBotApi::rate_limit_violations`] but accept the message.
    CountOnly,
    /// Record violations and answer 429 `Too Many Requests: retry after N`.
    Enforce,
}

/// Telegram-like flood limits for outgoing messages (see [`SEND_METHODS`]).
///
/// A message violates a limit when, counting it, more than the allowed number
/// of accepted messages fall within the window ending at its arrival.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimits {
    /// What to do on a violation. Default [`RateLimitMode::CountOnly`].
    pub mode: RateLimitMode,
    /// Messages per second over all chats. Default 30.
    pub overall_per_sec: u32,
    /// Messages per second in one chat. Default 1.
    pub per_chat_per_sec: u32,
    /// Extra messages per second tolerated in one chat on top of
    /// `per_chat_per_sec` (network jitter, short bursts). Default 2.
    pub per_chat_burst: u32,
    /// Messages per minute in one group/supergroup/channel (negative chat id). Default 20.
    pub group_per_min: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        Self {
            mode: RateLimitMode::CountOnly,
            overall_per_sec: 30,
            per_chat_per_sec: 1,
            per_chat_burst: 2,
            group_per_min: 20,
        }
    }
}

// ===========================================================================
// Faults
// ===========================================================================

/// A failure injected into one call (see [`FakeBotApi::push_faults`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// 429 `Too Many Requests: retry after N` with `parameters.retry_after = N`
    /// (teloxide: `RequestError::RetryAfter`).
    RetryAfter(u32),
    /// 500 `Internal Server Error` in the JSON envelope. Note: teloxide sleeps
    /// 10 s (`DELAY_ON_SERVER_ERROR`) on every 5xx status before reading the body,
    /// then reports `ApiError::Unknown("Internal Server Error")`.
    ServerError,
    /// 502 with an nginx-like HTML body (teloxide: the same 10 s sleep, then
    /// `RequestError::InvalidJson`).
    BadGateway,
    /// Any Telegram error envelope, e.g. `Api { code: 400, description: "Bad Request: chat not found".into() }`.
    Api {
        /// HTTP status and `error_code`.
        code: u16,
        /// `description`, verbatim.
        description: String,
    },
    /// Read the request, do not process it, close the TCP connection without an
    /// HTTP response (teloxide: `RequestError::Network`).
    Drop,
    /// Process the request normally (a message *is* sent and recorded), then
    /// close the connection without an answer: the bot sees a network error for
    /// a call that succeeded, as after a timeout on a real network.
    DropAfterProcessing,
    /// Wait this long, then process the request normally.
    Delay(Duration),
}

/// Seeded random faults: each call of a matching method fails with probability
/// `probability`, choosing among 429 (retry_after 1..=3), 500 and a dropped
/// connection according to the weights.
#[derive(Clone, Debug, PartialEq)]
pub struct RandomFaults {
    /// PRNG seed (the sequence of faults is reproducible for a given order of calls).
    pub seed: u64,
    /// Fraction of calls that fail, 0.0..=1.0.
    pub probability: f64,
    /// Weight of 429 `retry_after` 1..=3 answers. Default 1.
    pub weight_retry_after: u32,
    /// Weight of 500 answers (each costs the bot 10 s inside teloxide). Default 1.
    pub weight_server_error: u32,
    /// Weight of dropped connections. Default 1.
    pub weight_drop: u32,
    /// Whether `getUpdates` is affected (default false).
    pub include_get_updates: bool,
    /// Restrict to these methods (case-insensitive); `None` = every method.
    pub methods: Option<Vec<String>>,
}

impl RandomFaults {
    /// Faults with probability `probability`, equal weights, all methods but getUpdates.
    pub fn new(seed: u64, probability: f64) -> Self {
        Self {
            seed,
            probability,
            weight_retry_after: 1,
            weight_server_error: 1,
            weight_drop: 1,
            include_get_updates: false,
            methods: None,
        }
    }
}

// ===========================================================================
// Records
// ===========================================================================

/// Why a call failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureCause {
    /// The request itself was refused by Telegram-like validation (bad HTML,
    /// too long, message not found, not modified, bad callback data, …).
    Validation,
    /// The method does not exist (or is not implemented by the fake): 404.
    UnknownMethod,
    /// Wrong token: 401.
    Unauthorized,
    /// The chat blocked the bot / kicked it: 403.
    BlockedChat,
    /// A fault queued with [`FakeBotApi::push_faults`].
    InjectedFault,
    /// A fault chosen by [`RandomFaults`].
    RandomFault,
    /// A flood limit was exceeded in [`RateLimitMode::Enforce`] mode: 429.
    RateLimit,
    /// 409 on getUpdates (concurrent poll or webhook set).
    Conflict,
    /// The group was upgraded to a supergroup: 400 with
    /// `parameters.migrate_to_chat_id`.
    Migrated { to: i64 },
}

/// A Telegram error answer produced by the fake.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiFailure {
    /// `error_code` (and HTTP status).
    pub code: u16,
    /// `description`, e.g. `Bad Request: can't parse entities: …`.
    pub description: String,
    /// `parameters.retry_after`, for 429.
    pub retry_after: Option<u32>,
    /// Why the fake answered this.
    pub cause: FailureCause,
}

/// How a call was answered.
#[derive(Clone, Debug, PartialEq)]
pub enum CallOutcome {
    /// `{"ok":true,"result":…}` with this result.
    Ok(Value),
    /// `{"ok":false,…}`.
    Failed(ApiFailure),
    /// The connection was closed without processing the request ([`Fault::Drop`]).
    Dropped,
}

/// A file part of a multipart request.
#[derive(Clone, Debug, PartialEq)]
pub struct UploadedFile {
    /// Multipart field name (teloxide uses a random id referenced as `attach://id`).
    pub field: String,
    /// `filename` of the part.
    pub file_name: Option<String>,
    /// `Content-Type` of the part.
    pub content_type: Option<String>,
    /// Size in bytes.
    pub size: usize,
}

/// One HTTP call to a bot method, as received.
#[derive(Clone, Debug)]
pub struct Call {
    /// Order of arrival (1-based, increasing).
    pub seq: u64,
    /// Canonical method name (`sendMessage`), or the raw name for unknown methods.
    pub method: String,
    /// `chat_id` parameter if numeric (or a numeric string).
    pub chat_id: Option<i64>,
    /// All parameters as a JSON object (multipart/form text fields converted:
    /// JSON objects/arrays parsed, ids as numbers, flags as booleans).
    pub params: Value,
    /// File parts of a multipart request.
    pub files: Vec<UploadedFile>,
    /// When the request arrived.
    pub received_at: Instant,
    /// What the fake answered.
    pub outcome: CallOutcome,
    /// Whether the TCP connection was closed instead of answering.
    pub connection_dropped: bool,
}

impl Call {
    /// True when answered with `ok: true` (even if the connection was then dropped).
    pub fn is_ok(&self) -> bool {
        matches!(self.outcome, CallOutcome::Ok(_))
    }
    /// The `result` of a successful call.
    pub fn result(&self) -> Option<&Value> {
        match &self.outcome {
            CallOutcome::Ok(v) => Some(v),
            _ => None,
        }
    }
    /// The error of a failed call.
    pub fn error(&self) -> Option<&ApiFailure> {
        match &self.outcome {
            CallOutcome::Failed(f) => Some(f),
            _ => None,
        }
    }
    /// A parameter by name.
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.params.get(name).filter(|v| !v.is_null())
    }
    /// A string parameter by name (`text`, `caption`, `parse_mode`…).
    pub fn param_str(&self, name: &str) -> Option<&str> {
        self.param(name).and_then(Value::as_str)
    }
}

/// A message the bot sent successfully (one per item for sendMediaGroup).
#[derive(Clone, Debug)]
pub struct SentMessage {
    /// Chat it was sent to.
    pub chat_id: i64,
    /// Its `message_id`.
    pub message_id: i64,
    /// `sendMessage`, `sendPhoto`, `sendDocument` or `sendMediaGroup`.
    pub method: String,
    /// The text (or caption) exactly as sent, before entity parsing.
    pub text: Option<String>,
    /// The text (or caption) after entity parsing, as Telegram shows it.
    pub plain_text: Option<String>,
    /// `parse_mode` as sent.
    pub parse_mode: Option<String>,
    /// `reply_markup` as sent (any keyboard kind), parsed JSON.
    pub reply_markup: Option<Value>,
    /// `media_group_id` for album items.
    pub media_group_id: Option<String>,
    /// When the request arrived.
    pub sent_at: Instant,
    /// The `Message` object returned to the bot.
    pub message: Value,
}

impl SentMessage {
    /// The `callback_data` of every inline keyboard button, row by row.
    pub fn callback_data(&self) -> Vec<String> {
        inline_buttons(self.reply_markup.as_ref())
            .iter()
            .filter_map(|b| {
                b.get("callback_data")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
            .collect()
    }
    /// The text of every inline keyboard button, row by row.
    pub fn button_texts(&self) -> Vec<String> {
        inline_buttons(self.reply_markup.as_ref())
            .iter()
            .filter_map(|b| b.get("text").and_then(Value::as_str).map(str::to_owned))
            .collect()
    }
}

fn inline_buttons(markup: Option<&Value>) -> Vec<Value> {
    markup
        .and_then(|m| m.get("inline_keyboard"))
        .and_then(Value::as_array)
        .map(|rows| {
            rows.iter()
                .filter_map(Value::as_array)
                .flatten()
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

/// How a getUpdates call ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PollOutcome {
    /// Answered `ok` (possibly with an empty list after the timeout).
    Updates,
    /// Ended with 409 because another getUpdates call arrived.
    Conflict,
    /// Ended with 409 because a webhook is set.
    WebhookActive,
}

/// One getUpdates call that reached the update queue (calls failed by an
/// injected fault are only in [`FakeBotApi::calls`]).
#[derive(Clone, Debug)]
pub struct GetUpdatesCall {
    /// When it arrived.
    pub received_at: Instant,
    /// When it was answered.
    pub answered_at: Instant,
    /// `offset` parameter.
    pub offset: Option<i64>,
    /// Effective limit.
    pub limit: usize,
    /// `timeout` parameter in seconds (0 = short poll).
    pub timeout: u64,
    /// `allowed_updates` parameter if given.
    pub allowed_updates: Option<Vec<String>>,
    /// Update ids confirmed (removed from the queue) by this call's offset.
    pub confirmed: Vec<i64>,
    /// Update ids returned.
    pub returned: Vec<i64>,
    /// How it ended.
    pub outcome: PollOutcome,
}

/// A successful outgoing message for rate accounting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendEvent {
    /// Destination chat.
    pub chat_id: i64,
    /// Arrival time of the request.
    pub at: Instant,
    /// Method name.
    pub method: String,
    /// Number of messages (album size for sendMediaGroup, else 1). The limits
    /// count calls, not items.
    pub items: usize,
}

/// A message that exceeded a [`RateLimits`] limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateViolation {
    /// Destination chat.
    pub chat_id: i64,
    /// Arrival time.
    pub at: Instant,
    /// Method name.
    pub method: String,
    /// `overall_per_sec`, `per_chat_per_sec` or `group_per_min`.
    pub rule: &'static str,
    /// Whether the message was refused with 429 (Enforce mode).
    pub rejected: bool,
}

// ===========================================================================
// Test users and chats
// ===========================================================================

/// A Telegram user to build updates with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestUser {
    /// User id (also the private chat id).
    pub id: i64,
    /// `first_name`.
    pub first_name: String,
    /// `last_name`.
    pub last_name: Option<String>,
    /// `username` (without `@`).
    pub username: Option<String>,
    /// `language_code` (IETF tag, e.g. `id`, `en`).
    pub language_code: Option<String>,
}

impl TestUser {
    /// A user with this id and first name, no language code.
    pub fn new(id: i64, first_name: &str) -> Self {
        Self {
            id,
            first_name: first_name.to_owned(),
            last_name: None,
            username: None,
            language_code: None,
        }
    }
    /// Sets `language_code`.
    pub fn lang(mut self, code: &str) -> Self {
        self.language_code = Some(code.to_owned());
        self
    }
    /// Sets `username`.
    pub fn username(mut self, username: &str) -> Self {
        self.username = Some(username.to_owned());
        self
    }
    /// Sets `last_name`.
    pub fn last_name(mut self, last_name: &str) -> Self {
        self.last_name = Some(last_name.to_owned());
        self
    }
    /// The `User` object.
    pub fn to_json(&self) -> Value {
        let mut u = json!({"id": self.id, "is_bot": false, "first_name": self.first_name});
        if let Some(v) = &self.last_name {
            u["last_name"] = json!(v);
        }
        if let Some(v) = &self.username {
            u["username"] = json!(v);
        }
        if let Some(v) = &self.language_code {
            u["language_code"] = json!(v);
        }
        u
    }
    /// The private `Chat` object with this user.
    pub fn private_chat(&self) -> Value {
        let mut c = json!({"id": self.id, "type": "private", "first_name": self.first_name});
        if let Some(v) = &self.last_name {
            c["last_name"] = json!(v);
        }
        if let Some(v) = &self.username {
            c["username"] = json!(v);
        }
        c
    }
}

/// Kind of a non-private chat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChatKind {
    /// Basic group.
    Group,
    /// Supergroup.
    Supergroup,
    /// Channel.
    Channel,
}

/// A group, supergroup or channel to build updates with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestChat {
    /// Chat id (negative; supergroups/channels conventionally `-100…`).
    pub id: i64,
    /// Kind of chat.
    pub kind: ChatKind,
    /// Title.
    pub title: String,
    /// Public username, if any.
    pub username: Option<String>,
}

impl TestChat {
    /// A basic group.
    pub fn group(id: i64, title: &str) -> Self {
        Self {
            id,
            kind: ChatKind::Group,
            title: title.to_owned(),
            username: None,
        }
    }
    /// A supergroup.
    pub fn supergroup(id: i64, title: &str) -> Self {
        Self {
            id,
            kind: ChatKind::Supergroup,
            title: title.to_owned(),
            username: None,
        }
    }
    /// A channel.
    pub fn channel(id: i64, title: &str) -> Self {
        Self {
            id,
            kind: ChatKind::Channel,
            title: title.to_owned(),
            username: None,
        }
    }
    /// The `Chat` object.
    pub fn to_json(&self) -> Value {
        let kind = match self.kind {
            ChatKind::Group => "group",
            ChatKind::Supergroup => "supergroup",
            ChatKind::Channel => "channel",
        };
        let mut c = json!({"id": self.id, "type": kind, "title": self.title});
        if let Some(u) = &self.username {
            c["username"] = json!(u);
        }
        c
    }
}

// ===========================================================================
// The server handle
// ===========================================================================

/// A running fake Bot API server. Stops when dropped (or on [`FakeBotApi::shutdown`]).
///
/// All query and control methods take `&self` and are cheap; wrap it in an
/// `Arc` to share it with spawned tasks.
pub struct FakeBotApi {
    shared: Arc<Shared>,
    addr: SocketAddr,
    shutdown_tx: watch::Sender<bool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::fmt::Debug for FakeBotApi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeBotApi")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl FakeBotApi {
    /// Starts a fake with [`FakeConfig::default`] on `127.0.0.1:0`.
    pub async fn start(token: &str) -> Self {
        Self::start_with(token, FakeConfig::default()).await
    }

    /// Starts a fake with a custom configuration.
    pub async fn start_with(token: &str, config: FakeConfig) -> Self {
        Self::start_blocking(token, config)
    }

    /// Same as [`FakeBotApi::start_with`], usable outside async code.
    pub fn start_blocking(token: &str, config: FakeConfig) -> Self {
        let std_listener =
            std::net::TcpListener::bind("127.0.0.1:0").expect("fake bot api: bind 127.0.0.1:0");
        std_listener
            .set_nonblocking(true)
            .expect("fake bot api: set_nonblocking");
        let addr = std_listener.local_addr().expect("fake bot api: local_addr");
        let (changes, _) = watch::channel(0u64);
        let shared = Arc::new(Shared {
            token: token.to_owned(),
            state: Mutex::new(State::new(token, config)),
            changes,
        });
        let (shutdown_tx, mut shutdown_rx) = watch::channel(false);
        let app = router(shared.clone());
        let thread = std::thread::Builder::new()
            .name("fake-bot-api".to_owned())
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .thread_name("fake-bot-api-worker")
                    .enable_all()
                    .build()
                    .expect("fake bot api: runtime");
                rt.block_on(async move {
                    let listener = FakeListener {
                        inner: TcpListener::from_std(std_listener).expect("fake bot api: listener"),
                    };
                    let serve = axum::serve(
                        listener,
                        app.into_make_service_with_connect_info::<ConnHandle>(),
                    )
                    .into_future();
                    tokio::select! {
                        _ = serve => {}
                        _ = shutdown_rx.wait_for(|stop| *stop) => {}
                    }
                });
                // Drops every connection task (including pending long polls).
                rt.shutdown_timeout(Duration::from_millis(500));
            })
            .expect("fake bot api: spawn server thread");
        Self {
            shared,
            addr,
            shutdown_tx,
            thread: Some(thread),
        }
    }

    /// Base URL to give teloxide: `TELOXIDE_API_URL` for a bot process, or
    /// `Bot::set_api_url`. It has no path, so with or without a trailing slash
    /// teloxide builds `http://127.0.0.1:PORT/bot{token}/{method}`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// [`FakeBotApi::url`] as a parsed URL for `Bot::set_api_url`.
    pub fn api_url(&self) -> reqwest::Url {
        reqwest::Url::parse(&self.url()).expect("valid url")
    }

    /// The accepted bot token.
    pub fn token(&self) -> &str {
        &self.shared.token
    }

    /// The socket address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A teloxide `Bot` with this token pointed at the fake (teloxide's default
    /// client: 5 s connect timeout, 17 s request timeout).
    pub fn bot(&self) -> teloxide::Bot {
        teloxide::Bot::new(self.token()).set_api_url(self.api_url())
    }

    /// Environment variables that point a bot process at the fake:
    /// `TELOXIDE_TOKEN` and `TELOXIDE_API_URL`.
    pub fn env(&self) -> Vec<(String, String)> {
        vec![
            ("TELOXIDE_TOKEN".to_owned(), self.token().to_owned()),
            ("TELOXIDE_API_URL".to_owned(), self.url()),
        ]
    }

    /// Stops the server now: closes the listener and every open connection.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        let _ = self.shutdown_tx.send(true);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }

    /// The bot's `User` object (as in `from` of its messages).
    pub fn bot_user(&self) -> Value {
        self.shared.lock().bot_user()
    }

    /// The bot's user id (the digits before `:` in the token, or 1000001).
    pub fn bot_id(&self) -> i64 {
        self.shared.lock().bot_id
    }

    /// Replaces the configuration's rate limits.
    pub fn set_rate_limits(&self, limits: RateLimits) {
        self.shared.lock().cfg.rate_limits = limits;
    }

    /// Replaces the HTML strictness rules.
    pub fn set_html_rules(&self, rules: HtmlRules) {
        self.shared.lock().cfg.html = rules;
    }

    // ----------------------------------------------------------------------
    // Updates
    // ----------------------------------------------------------------------

    /// Queues an update for getUpdates and returns its `update_id`.
    ///
    /// If the value has no `update_id`, the next one is assigned (increasing
    /// from [`FakeConfig::first_update_id`]); an existing `update_id` is kept
    /// as is (so the same update can be delivered twice on purpose — note that
    /// a running poller whose offset is already past that id confirms it
    /// without seeing it, exactly like Telegram would). The queue stays sorted
    /// by `update_id`.
    ///
    /// Side effects, like Telegram: messages in the update are stored (so the
    /// bot can reply to/edit/delete them), chats are remembered, callback query
    /// ids become answerable, file ids become known to getFile, and a
    /// `my_chat_member` update to `kicked`/`left` blocks the chat (403 on send)
    /// while `member`/`administrator` unblocks it.
    pub fn push_update(&self, mut update: Value) -> i64 {
        let id = {
            let mut st = self.shared.lock();
            let id = match update.get("update_id").and_then(as_i64) {
                Some(id) => id,
                None => {
                    let id = st.next_update_id;
                    update["update_id"] = json!(id);
                    id
                }
            };
            st.next_update_id = st.next_update_id.max(id + 1);
            st.register_update(&update);
            let pos = st
                .queue
                .iter()
                .position(|(qid, _)| *qid > id)
                .unwrap_or(st.queue.len());
            st.queue.insert(pos, (id, update));
            id
        };
        self.shared.notify();
        id
    }

    /// Pushes several updates in order; returns their ids.
    pub fn push_updates(&self, updates: impl IntoIterator<Item = Value>) -> Vec<i64> {
        updates.into_iter().map(|u| self.push_update(u)).collect()
    }

    /// Sets the `update_id` the next pushed update without one will get.
    pub fn set_next_update_id(&self, id: i64) {
        self.shared.lock().next_update_id = id;
    }

    /// Ids of updates still in the queue (not yet confirmed).
    pub fn pending_update_ids(&self) -> Vec<i64> {
        self.shared.lock().queue.iter().map(|(id, _)| *id).collect()
    }

    /// Ids of updates confirmed so far (in confirmation order), including those
    /// dropped by a negative offset or by `deleteWebhook(drop_pending_updates)`.
    pub fn confirmed_update_ids(&self) -> Vec<i64> {
        self.shared.lock().confirmed.clone()
    }

    /// Ids of updates discarded because their kind was not in `allowed_updates`.
    pub fn filtered_update_ids(&self) -> Vec<i64> {
        self.shared.lock().filtered.clone()
    }

    /// Every getUpdates call that reached the queue, in arrival order.
    pub fn get_updates_calls(&self) -> Vec<GetUpdatesCall> {
        self.shared.lock().polls.clone()
    }

    /// The remembered `allowed_updates` (None until a call sets it).
    pub fn allowed_updates(&self) -> Option<Vec<String>> {
        self.shared.lock().allowed_updates.clone()
    }

    /// The webhook URL set by `setWebhook`, if any.
    pub fn webhook_url(&self) -> Option<String> {
        self.shared.lock().webhook_url.clone()
    }

    /// Number of getUpdates calls being served right now (a parked long poll
    /// counts until it is answered).
    pub fn polls_in_flight(&self) -> usize {
        self.shared.lock().polls_in_flight
    }

    /// Waits until a getUpdates call is in flight, i.e. the bot is polling
    /// (a handy "the bot is up" signal).
    pub async fn wait_for_polling(&self, timeout: Duration) -> bool {
        self.wait_for(|f| (f.polls_in_flight() > 0).then_some(()), timeout)
            .await
            .is_some()
    }

    /// Waits until `update_id` has been confirmed by a getUpdates offset.
    pub async fn wait_for_confirmed(&self, update_id: i64, timeout: Duration) -> bool {
        self.wait_for(
            |f| f.shared.lock().confirmed.contains(&update_id).then_some(()),
            timeout,
        )
        .await
        .is_some()
    }

    // ----------------------------------------------------------------------
    // Update builders
    // ----------------------------------------------------------------------

    /// A private text message from `user` (with a `bot_command` entity when the
    /// text starts with `/cmd`). Allocates the message id in the user's chat.
    pub fn text_update(&self, user: &TestUser, text: &str) -> Value {
        let mut st = self.shared.lock();
        let mut fields = Map::new();
        fields.insert("text".into(), json!(text));
        if let Some(e) = command_entity(text) {
            fields.insert("entities".into(), json!([e]));
        }
        let msg = st.incoming_message(user.private_chat(), Some(user.to_json()), fields);
        json!({ "message": msg })
    }

    /// A private message from `user` with arbitrary extra `Message` fields
    /// (e.g. `{"location": {...}}`, `{"voice": {...}}`).
    pub fn message_update(&self, user: &TestUser, fields: Value) -> Value {
        let mut st = self.shared.lock();
        let fields = fields.as_object().cloned().unwrap_or_default();
        let msg = st.incoming_message(user.private_chat(), Some(user.to_json()), fields);
        json!({ "message": msg })
    }

    /// A private photo message: three `PhotoSize`s (90×67, 320×240, 1280×960)
    /// with distinct `file_id`s, optional caption and `media_group_id`.
    pub fn photo_update(
        &self,
        user: &TestUser,
        caption: Option<&str>,
        media_group_id: Option<&str>,
    ) -> Value {
        let mut st = self.shared.lock();
        let base = st.new_file_id("AgAC");
        let sizes = photo_sizes(&base, 120_000);
        let mut fields = Map::new();
        fields.insert("photo".into(), sizes);
        if let Some(c) = caption {
            fields.insert("caption".into(), json!(c));
        }
        if let Some(g) = media_group_id {
            fields.insert("media_group_id".into(), json!(g));
        }
        let msg = st.incoming_message(user.private_chat(), Some(user.to_json()), fields);
        json!({ "message": msg })
    }

    /// A private message sharing `user`'s own contact (`user_id` = user.id), as
    /// sent by a `request_contact` keyboard button.
    pub fn contact_update(&self, user: &TestUser, phone_number: &str) -> Value {
        self.foreign_contact_update(user, phone_number, &user.first_name.clone(), Some(user.id))
    }

    /// A private message from `user` carrying someone else's contact.
    pub fn foreign_contact_update(
        &self,
        user: &TestUser,
        phone_number: &str,
        first_name: &str,
        contact_user_id: Option<i64>,
    ) -> Value {
        let mut st = self.shared.lock();
        let mut contact = json!({"phone_number": phone_number, "first_name": first_name});
        if let Some(id) = contact_user_id {
            contact["user_id"] = json!(id);
        }
        let mut fields = Map::new();
        fields.insert("contact".into(), contact);
        let msg = st.incoming_message(user.private_chat(), Some(user.to_json()), fields);
        json!({ "message": msg })
    }

    /// A private sticker message (regular static 512×512 sticker).
    pub fn sticker_update(&self, user: &TestUser, emoji: &str) -> Value {
        let mut st = self.shared.lock();
        let (file_id, unique_id) = (st.new_file_id("CAAC"), st.new_unique_id());
        let sticker = json!({
            "file_id": file_id, "file_unique_id": unique_id, "file_size": 23_456,
            "width": 512, "height": 512, "type": "regular",
            "is_animated": false, "is_video": false,
            "emoji": emoji, "set_name": "FakeStickerSet"
        });
        let mut fields = Map::new();
        fields.insert("sticker".into(), sticker);
        let msg = st.incoming_message(user.private_chat(), Some(user.to_json()), fields);
        json!({ "message": msg })
    }

    /// A private document message.
    pub fn document_update(
        &self,
        user: &TestUser,
        file_name: &str,
        mime_type: &str,
        file_size: u64,
        caption: Option<&str>,
    ) -> Value {
        let mut st = self.shared.lock();
        let (file_id, unique_id) = (st.new_file_id("BQAC"), st.new_unique_id());
        let doc = json!({
            "file_id": file_id, "file_unique_id": unique_id, "file_size": file_size,
            "file_name": file_name, "mime_type": mime_type
        });
        let mut fields = Map::new();
        fields.insert("document".into(), doc);
        if let Some(c) = caption {
            fields.insert("caption".into(), json!(c));
        }
        let msg = st.incoming_message(user.private_chat(), Some(user.to_json()), fields);
        json!({ "message": msg })
    }

    /// A callback query from `user` pressing a button with `data` on `message`
    /// (the bot message carrying the keyboard, in its current state, i.e. after
    /// any edits).
    pub fn callback_update(&self, user: &TestUser, message: &SentMessage, data: &str) -> Value {
        let fallback = message.message.clone();
        self.callback_update_for(user, message.chat_id, message.message_id, data, fallback)
    }

    /// A callback query on the stored message `(chat_id, message_id)`;
    /// `fallback` is used if the fake has no such message.
    pub fn callback_update_for(
        &self,
        user: &TestUser,
        chat_id: i64,
        message_id: i64,
        data: &str,
        fallback: Value,
    ) -> Value {
        let mut st = self.shared.lock();
        let msg = st
            .messages
            .get(&(chat_id, message_id))
            .map(|m| m.json.clone())
            .unwrap_or(fallback);
        st.callback_seq += 1;
        let id = format!("{}", 4_360_000_000_000_000_000u64 + st.callback_seq);
        json!({"callback_query": {
            "id": id,
            "from": user.to_json(),
            "message": msg,
            "chat_instance": format!("{}", chat_instance(chat_id)),
            "data": data
        }})
    }

    /// A `my_chat_member` update in `user`'s private chat: the bot's status
    /// changes from `old_status` to `new_status` (`member`, `kicked`, `left`,
    /// `administrator`, `restricted`, `creator`).
    pub fn my_chat_member_update(
        &self,
        user: &TestUser,
        old_status: &str,
        new_status: &str,
    ) -> Value {
        let st = self.shared.lock();
        let bot = st.bot_user();
        json!({"my_chat_member": {
            "chat": user.private_chat(),
            "from": user.to_json(),
            "date": now_unix(),
            "old_chat_member": chat_member_json(&bot, old_status),
            "new_chat_member": chat_member_json(&bot, new_status)
        }})
    }

    /// `my_chat_member` in a group/channel, changed by `from`.
    pub fn group_my_chat_member_update(
        &self,
        chat: &TestChat,
        from: &TestUser,
        old_status: &str,
        new_status: &str,
    ) -> Value {
        let st = self.shared.lock();
        let bot = st.bot_user();
        json!({"my_chat_member": {
            "chat": chat.to_json(),
            "from": from.to_json(),
            "date": now_unix(),
            "old_chat_member": chat_member_json(&bot, old_status),
            "new_chat_member": chat_member_json(&bot, new_status)
        }})
    }

    /// The user blocked the bot (`member` → `kicked`).
    pub fn bot_blocked_update(&self, user: &TestUser) -> Value {
        self.my_chat_member_update(user, "member", "kicked")
    }

    /// The user (re)started the bot (`kicked` → `member`).
    pub fn bot_unblocked_update(&self, user: &TestUser) -> Value {
        self.my_chat_member_update(user, "kicked", "member")
    }

    /// A text message from `user` in a group/supergroup (commands get a
    /// `bot_command` entity; `/cmd@bot` works too).
    pub fn group_text_update(&self, chat: &TestChat, user: &TestUser, text: &str) -> Value {
        let mut st = self.shared.lock();
        let mut fields = Map::new();
        fields.insert("text".into(), json!(text));
        if let Some(e) = command_entity(text) {
            fields.insert("entities".into(), json!([e]));
        }
        let msg = st.incoming_message(chat.to_json(), Some(user.to_json()), fields);
        json!({ "message": msg })
    }

    /// A text message from `user` in a group that replies to the bot's
    /// message `to` (Telegram includes the replied-to message, as stored,
    /// in `reply_to_message`).
    pub fn group_reply_update(
        &self,
        chat: &TestChat,
        user: &TestUser,
        text: &str,
        to: &SentMessage,
    ) -> Value {
        let mut st = self.shared.lock();
        let original = st
            .messages
            .get(&(to.chat_id, to.message_id))
            .map(|m| m.json.clone())
            .unwrap_or_else(|| to.message.clone());
        let mut fields = Map::new();
        fields.insert("text".into(), json!(text));
        fields.insert("reply_to_message".into(), original);
        let msg = st.incoming_message(chat.to_json(), Some(user.to_json()), fields);
        json!({ "message": msg })
    }

    /// `edited_message`: `user` edited their private message `message_id` to `new_text`.
    pub fn edited_message_update(&self, user: &TestUser, message_id: i64, new_text: &str) -> Value {
        let st = self.shared.lock();
        let date = st
            .messages
            .get(&(user.id, message_id))
            .and_then(|m| m.json.get("date").and_then(as_i64))
            .unwrap_or_else(|| now_unix() - 60);
        let mut msg = json!({
            "message_id": message_id,
            "from": user.to_json(),
            "chat": user.private_chat(),
            "date": date,
            "edit_date": now_unix(),
            "text": new_text
        });
        if let Some(e) = command_entity(new_text) {
            msg["entities"] = json!([e]);
        }
        json!({ "edited_message": msg })
    }

    /// A `channel_post` with text in a channel (no `from`; `sender_chat` = the channel).
    pub fn channel_post_update(&self, chat: &TestChat, text: &str) -> Value {
        let mut st = self.shared.lock();
        let mut fields = Map::new();
        fields.insert("text".into(), json!(text));
        fields.insert("sender_chat".into(), chat.to_json());
        let msg = st.incoming_message(chat.to_json(), None, fields);
        json!({ "channel_post": msg })
    }

    // ----------------------------------------------------------------------
    // Chats, files, faults
    // ----------------------------------------------------------------------

    /// Makes a chat known (see [`FakeConfig::require_known_chats`]); `chat` is a `Chat` object.
    pub fn add_chat(&self, chat: Value) {
        self.shared.lock().remember_chat(&chat);
    }

    /// Every send to `chat_id` answers 403 (`bot was blocked by the user` for a
    /// private chat, `bot was kicked from the group chat` otherwise).
    pub fn block_chat(&self, chat_id: i64) {
        self.shared.lock().blocked.insert(chat_id);
    }

    /// Undoes [`FakeBotApi::block_chat`].
    pub fn unblock_chat(&self, chat_id: i64) {
        self.shared.lock().blocked.remove(&chat_id);
    }

    /// The group `old` was upgraded to the supergroup `new`: every send to
    /// `old` answers 400 "group chat was upgraded to a supergroup chat"
    /// with `parameters.migrate_to_chat_id = new`, as Telegram does.
    pub fn migrate_chat(&self, old: i64, new: i64) {
        self.shared.lock().migrated.insert(old, new);
    }

    /// Registers a downloadable file; returns the `file_path` getFile will give.
    pub fn add_file(&self, file_id: &str, bytes: Vec<u8>) -> String {
        let mut st = self.shared.lock();
        let unique = st.new_unique_id();
        st.register_file(
            file_id,
            &unique,
            bytes.len() as u64,
            "documents",
            Some(Arc::new(bytes)),
        )
    }

    /// Bytes of a file the bot uploaded or a test registered, by `file_id`.
    pub fn file_bytes(&self, file_id: &str) -> Option<Vec<u8>> {
        let st = self.shared.lock();
        st.files
            .get(file_id)
            .and_then(|f| f.bytes.as_ref().map(|b| b.to_vec()))
    }

    /// Appends faults to the queue of `method` (case-insensitive; `"*"` = any
    /// method, used when the method's own queue is empty). Each call of the
    /// method consumes one fault; e.g. `push_faults("sendMessage",
    /// [Fault::RetryAfter(1), Fault::RetryAfter(1), Fault::RetryAfter(1),
    /// Fault::ServerError, Fault::ServerError])`.
    pub fn push_faults(&self, method: &str, faults: impl IntoIterator<Item = Fault>) {
        let mut st = self.shared.lock();
        st.faults
            .entry(method.to_ascii_lowercase())
            .or_default()
            .extend(faults);
    }

    /// Number of queued faults not yet consumed, over all methods.
    pub fn pending_faults(&self) -> usize {
        self.shared.lock().faults.values().map(VecDeque::len).sum()
    }

    /// Clears every fault queue.
    pub fn clear_faults(&self) {
        self.shared.lock().faults.clear();
    }

    /// Enables (Some) or disables (None) random faults.
    /// Every call from now on is also sent, as it is recorded, to the
    /// returned channel: a load driver reacts to the bot's replies without
    /// polling the fake (whose lock would then pace the bot).
    pub fn observe(&self) -> std::sync::mpsc::Receiver<Call> {
        let (tx, rx) = std::sync::mpsc::channel();
        self.shared.lock().observer = Some(tx);
        rx
    }

    pub fn set_random_faults(&self, random: Option<RandomFaults>) {
        let mut st = self.shared.lock();
        st.random = random.map(|r| {
            let rng = SplitMix64(r.seed);
            (r, rng)
        });
    }

    // ----------------------------------------------------------------------
    // Queries
    // ----------------------------------------------------------------------

    /// Every call received (all methods, including getUpdates), in order.
    pub fn all_calls(&self) -> Vec<Call> {
        self.shared.lock().calls.clone()
    }

    /// Calls of one method (case-insensitive), in order.
    pub fn calls(&self, method: &str) -> Vec<Call> {
        let st = self.shared.lock();
        st.calls
            .iter()
            .filter(|c| c.method.eq_ignore_ascii_case(method))
            .cloned()
            .collect()
    }

    /// Calls refused by validation ([`FailureCause::Validation`]): bad HTML,
    /// too long, not found, not modified… Empty means Telegram would have
    /// accepted everything the bot sent.
    pub fn rejected_calls(&self) -> Vec<Call> {
        let st = self.shared.lock();
        st.calls
            .iter()
            .filter(|c| matches!(&c.outcome, CallOutcome::Failed(f) if f.cause == FailureCause::Validation))
            .cloned()
            .collect()
    }

    /// Every call not answered `ok` (any cause, including injected faults).
    pub fn failed_calls(&self) -> Vec<Call> {
        let st = self.shared.lock();
        st.calls.iter().filter(|c| !c.is_ok()).cloned().collect()
    }

    /// Panics with a readable list if any call was refused by validation.
    pub fn assert_no_rejections(&self) {
        let rejected = self.rejected_calls();
        if !rejected.is_empty() {
            let lines: Vec<String> = rejected
                .iter()
                .map(|c| {
                    format!(
                        "  #{} {} chat={:?}: {} | params={}",
                        c.seq,
                        c.method,
                        c.chat_id,
                        c.error().map(|e| e.description.as_str()).unwrap_or(""),
                        c.params
                    )
                })
                .collect();
            panic!(
                "the fake Bot API rejected {} call(s):\n{}",
                rejected.len(),
                lines.join("\n")
            );
        }
    }

    /// Messages the bot sent successfully, in order.
    pub fn sent_messages(&self) -> Vec<SentMessage> {
        self.shared.lock().sent.clone()
    }

    /// Messages sent successfully to one chat, in order.
    pub fn sent_to(&self, chat_id: i64) -> Vec<SentMessage> {
        let st = self.shared.lock();
        st.sent
            .iter()
            .filter(|m| m.chat_id == chat_id)
            .cloned()
            .collect()
    }

    /// The last message sent to a chat.
    pub fn last_sent_to(&self, chat_id: i64) -> Option<SentMessage> {
        let st = self.shared.lock();
        st.sent.iter().rev().find(|m| m.chat_id == chat_id).cloned()
    }

    /// The current state of a stored message (after edits); None if unknown or deleted.
    pub fn message(&self, chat_id: i64, message_id: i64) -> Option<Value> {
        let st = self.shared.lock();
        st.messages
            .get(&(chat_id, message_id))
            .map(|m| m.json.clone())
    }

    /// Whether a message was deleted with deleteMessage.
    pub fn is_deleted(&self, chat_id: i64, message_id: i64) -> bool {
        self.shared.lock().deleted.contains(&(chat_id, message_id))
    }

    /// Commands set with setMyCommands for a scope (None = default) and
    /// language code (None = all languages).
    pub fn bot_commands(&self, scope: Option<Value>, language_code: Option<&str>) -> Option<Value> {
        let st = self.shared.lock();
        st.commands
            .get(&commands_key(scope.as_ref(), language_code))
            .cloned()
    }

    /// Callback query ids that were pushed but not answered yet.
    pub fn unanswered_callback_queries(&self) -> Vec<String> {
        let st = self.shared.lock();
        let mut ids: Vec<String> = st
            .callback_queries
            .iter()
            .filter(|(_, answered)| !**answered)
            .map(|(id, _)| id.clone())
            .collect();
        ids.sort();
        ids
    }

    /// Forgets recorded calls, sent messages, polls, send events and
    /// violations. The update queue, confirmed/filtered update ids, stored
    /// messages, chats, files, commands, faults and blocked chats are kept.
    pub fn clear_records(&self) {
        let mut st = self.shared.lock();
        st.calls.clear();
        st.sent.clear();
        st.polls.clear();
        st.send_events.clear();
        st.violations.clear();
        drop(st);
        self.shared.notify();
    }

    // ----------------------------------------------------------------------
    // Rate accounting
    // ----------------------------------------------------------------------

    /// Timestamps of successful outgoing messages, in order.
    pub fn send_events(&self) -> Vec<SendEvent> {
        self.shared.lock().send_events.clone()
    }

    /// Largest number of outgoing message calls within any 1-second window.
    pub fn max_per_second_overall(&self) -> usize {
        let st = self.shared.lock();
        let times: Vec<Instant> = st.send_events.iter().map(|e| e.at).collect();
        max_events_in_window(&times, Duration::from_secs(1))
    }

    /// Largest number of outgoing message calls to one chat within any 1-second window.
    pub fn max_per_second_per_chat(&self) -> usize {
        self.max_per_window_by_chat(Duration::from_secs(1))
            .values()
            .copied()
            .max()
            .unwrap_or(0)
    }

    /// Per chat: largest number of outgoing message calls within any window of `window`.
    pub fn max_per_window_by_chat(&self, window: Duration) -> HashMap<i64, usize> {
        let st = self.shared.lock();
        let mut by_chat: HashMap<i64, Vec<Instant>> = HashMap::new();
        for e in &st.send_events {
            by_chat.entry(e.chat_id).or_default().push(e.at);
        }
        by_chat
            .into_iter()
            .map(|(c, t)| (c, max_events_in_window(&t, window)))
            .collect()
    }

    /// Largest number of outgoing message calls to one chat within any 1-minute window.
    pub fn max_per_minute_per_chat(&self) -> usize {
        self.max_per_window_by_chat(Duration::from_secs(60))
            .values()
            .copied()
            .max()
            .unwrap_or(0)
    }

    /// Messages that exceeded a [`RateLimits`] limit (recorded in CountOnly and Enforce modes).
    pub fn rate_limit_violations(&self) -> Vec<RateViolation> {
        self.shared.lock().violations.clone()
    }

    // ----------------------------------------------------------------------
    // Waiting
    // ----------------------------------------------------------------------

    /// Re-evaluates `check` every time the fake's state changes (a call, an
    /// update pushed, a poll answered…) until it returns `Some`, or `timeout`
    /// elapses (then a last evaluation is returned). No busy sleeping.
    pub async fn wait_for<T>(
        &self,
        mut check: impl FnMut(&Self) -> Option<T>,
        timeout: Duration,
    ) -> Option<T> {
        let deadline = tokio::time::Instant::now() + timeout;
        let mut rx = self.shared.changes.subscribe();
        loop {
            if let Some(v) = check(self) {
                return Some(v);
            }
            match tokio::time::timeout_at(deadline, rx.changed()).await {
                Ok(Ok(())) => continue,
                _ => return check(self),
            }
        }
    }

    /// Waits until at least `n` messages were sent to `chat_id`; returns all of
    /// them (None on timeout).
    pub async fn wait_for_messages(
        &self,
        chat_id: i64,
        n: usize,
        timeout: Duration,
    ) -> Option<Vec<SentMessage>> {
        self.wait_for(
            |f| {
                let msgs = f.sent_to(chat_id);
                (msgs.len() >= n).then_some(msgs)
            },
            timeout,
        )
        .await
    }

    /// Waits until at least `n` calls of `method` (any outcome) were received.
    pub async fn wait_for_calls(
        &self,
        method: &str,
        n: usize,
        timeout: Duration,
    ) -> Option<Vec<Call>> {
        self.wait_for(
            |f| {
                let calls = f.calls(method);
                (calls.len() >= n).then_some(calls)
            },
            timeout,
        )
        .await
    }

    /// Waits for a call matching `predicate`; returns the first one.
    pub async fn wait_for_call(
        &self,
        predicate: impl Fn(&Call) -> bool,
        timeout: Duration,
    ) -> Option<Call> {
        self.wait_for(
            |f| f.shared.lock().calls.iter().find(|c| predicate(c)).cloned(),
            timeout,
        )
        .await
    }
}

impl Drop for FakeBotApi {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Largest number of instants within any half-open window `[t, t + window)`.
pub fn max_events_in_window(times: &[Instant], window: Duration) -> usize {
    let mut t: Vec<Instant> = times.to_vec();
    t.sort();
    let mut best = 0;
    let mut end = 0;
    for start in 0..t.len() {
        if end < start {
            end = start;
        }
        while end < t.len() && t[end].duration_since(t[start]) < window {
            end += 1;
        }
        best = best.max(end - start);
    }
    best
}

/// Length of a string in UTF-16 code units (how Telegram counts text length and entity offsets).
pub fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

// ===========================================================================
// Shared state
// ===========================================================================

struct Shared {
    token: String,
    state: Mutex<State>,
    changes: watch::Sender<u64>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
    fn notify(&self) {
        self.changes.send_modify(|v| *v = v.wrapping_add(1));
    }
}

struct StoredMessage {
    json: Value,
    from_bot: bool,
}

struct FileEntry {
    unique_id: String,
    size: u64,
    path: String,
    bytes: Option<Arc<Vec<u8>>>,
}

struct State {
    cfg: FakeConfig,
    bot_id: i64,
    // updates
    next_update_id: i64,
    queue: Vec<(i64, Value)>,
    confirmed: Vec<i64>,
    filtered: Vec<i64>,
    allowed_updates: Option<Vec<String>>,
    poll_generation: u64,
    polls_in_flight: usize,
    polls: Vec<GetUpdatesCall>,
    webhook_url: Option<String>,
    // records
    calls: Vec<Call>,
    call_seq: u64,
    sent: Vec<SentMessage>,
    send_events: Vec<SendEvent>,
    violations: Vec<RateViolation>,
    // world
    messages: HashMap<(i64, i64), StoredMessage>,
    deleted: HashSet<(i64, i64)>,
    last_message_id: HashMap<i64, i64>,
    chats: HashMap<i64, Value>,
    blocked: HashSet<i64>,
    migrated: HashMap<i64, i64>,
    files: HashMap<String, FileEntry>,
    file_seq: u64,
    media_group_seq: u64,
    callback_queries: HashMap<String, bool>,
    callback_seq: u64,
    commands: BTreeMap<String, Value>,
    /// setChatMenuButton: chat → its menu button.
    menu_buttons: HashMap<i64, Value>,
    // faults
    faults: HashMap<String, VecDeque<Fault>>,
    random: Option<(RandomFaults, SplitMix64)>,
    // a copy of every call, as it is recorded (load drivers)
    observer: Option<std::sync::mpsc::Sender<Call>>,
}

impl State {
    fn new(token: &str, cfg: FakeConfig) -> Self {
        let bot_id = token
            .split(':')
            .next()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1_000_001);
        Self {
            next_update_id: cfg.first_update_id,
            cfg,
            bot_id,
            queue: Vec::new(),
            confirmed: Vec::new(),
            filtered: Vec::new(),
            allowed_updates: None,
            poll_generation: 0,
            polls_in_flight: 0,
            polls: Vec::new(),
            webhook_url: None,
            calls: Vec::new(),
            call_seq: 0,
            sent: Vec::new(),
            send_events: Vec::new(),
            violations: Vec::new(),
            messages: HashMap::new(),
            deleted: HashSet::new(),
            last_message_id: HashMap::new(),
            chats: HashMap::new(),
            blocked: HashSet::new(),
            migrated: HashMap::new(),
            files: HashMap::new(),
            file_seq: 0,
            media_group_seq: 0,
            callback_queries: HashMap::new(),
            callback_seq: 0,
            commands: BTreeMap::new(),
            menu_buttons: HashMap::new(),
            faults: HashMap::new(),
            random: None,
            observer: None,
        }
    }

    fn bot_user(&self) -> Value {
        json!({
            "id": self.bot_id,
            "is_bot": true,
            "first_name": self.cfg.bot_first_name,
            "username": self.cfg.bot_username
        })
    }

    fn me(&self) -> Value {
        let mut me = self.bot_user();
        me["can_join_groups"] = json!(true);
        me["can_read_all_group_messages"] = json!(false);
        me["supports_inline_queries"] = json!(false);
        me["can_connect_to_business"] = json!(false);
        me["has_main_web_app"] = json!(false);
        me
    }

    fn chat_json(&self, chat_id: i64) -> Value {
        if let Some(c) = self.chats.get(&chat_id) {
            return c.clone();
        }
        if chat_id > 0 {
            json!({"id": chat_id, "type": "private", "first_name": format!("User {chat_id}")})
        } else if chat_id <= -1_000_000_000_000 {
            json!({"id": chat_id, "type": "supergroup", "title": format!("Chat {chat_id}")})
        } else {
            json!({"id": chat_id, "type": "group", "title": format!("Chat {chat_id}")})
        }
    }

    fn remember_chat(&mut self, chat: &Value) {
        if let Some(id) = chat.get("id").and_then(as_i64) {
            self.chats.insert(id, chat.clone());
        }
    }

    fn next_message_id(&mut self, chat_id: i64) -> i64 {
        let last = self.last_message_id.entry(chat_id).or_insert(0);
        *last += 1;
        *last
    }

    fn store_message(&mut self, chat_id: i64, message_id: i64, json: Value, from_bot: bool) {
        let last = self.last_message_id.entry(chat_id).or_insert(0);
        *last = (*last).max(message_id);
        self.deleted.remove(&(chat_id, message_id));
        self.messages
            .insert((chat_id, message_id), StoredMessage { json, from_bot });
    }

    fn new_file_id(&mut self, prefix: &str) -> String {
        self.file_seq += 1;
        format!("{prefix}AgADfake{:06}", self.file_seq)
    }

    fn new_unique_id(&mut self) -> String {
        self.file_seq += 1;
        format!("AQADfake{:06}", self.file_seq)
    }

    fn register_file(
        &mut self,
        file_id: &str,
        unique_id: &str,
        size: u64,
        dir: &str,
        bytes: Option<Arc<Vec<u8>>>,
    ) -> String {
        if let Some(existing) = self.files.get_mut(file_id) {
            if bytes.is_some() {
                existing.bytes = bytes;
            }
            return existing.path.clone();
        }
        let path = format!("{dir}/file_{}.bin", self.files.len() + 1);
        self.files.insert(
            file_id.to_owned(),
            FileEntry {
                unique_id: unique_id.to_owned(),
                size,
                path: path.clone(),
                bytes,
            },
        );
        path
    }

    fn incoming_message(
        &mut self,
        chat: Value,
        from: Option<Value>,
        fields: Map<String, Value>,
    ) -> Value {
        let chat_id = chat.get("id").and_then(as_i64).unwrap_or(0);
        let mid = self.next_message_id(chat_id);
        let mut msg = json!({"message_id": mid, "date": now_unix(), "chat": chat});
        if let Some(f) = from {
            msg["from"] = f;
        }
        if let Value::Object(m) = &mut msg {
            m.extend(fields);
        }
        msg
    }

    /// Side effects of pushing an update (see `push_update`).
    fn register_update(&mut self, update: &Value) {
        for key in [
            "message",
            "edited_message",
            "channel_post",
            "edited_channel_post",
        ] {
            if let Some(msg) = update.get(key) {
                self.register_incoming_message(msg);
            }
        }
        if let Some(cq) = update.get("callback_query") {
            if let Some(id) = cq.get("id").and_then(Value::as_str) {
                // A redelivered query keeps its answered state.
                self.callback_queries.entry(id.to_owned()).or_insert(false);
            }
            if let Some(chat) = cq.get("message").and_then(|m| m.get("chat")) {
                self.remember_chat(chat);
            }
        }
        if let Some(mcm) = update.get("my_chat_member") {
            if let Some(chat) = mcm.get("chat") {
                self.remember_chat(chat);
                let chat_id = chat.get("id").and_then(as_i64).unwrap_or(0);
                let status = mcm
                    .get("new_chat_member")
                    .and_then(|m| m.get("status"))
                    .and_then(Value::as_str)
                    .unwrap_or("");
                match status {
                    "kicked" | "left" => {
                        self.blocked.insert(chat_id);
                    }
                    "member" | "administrator" | "creator" | "restricted" => {
                        self.blocked.remove(&chat_id);
                    }
                    _ => {}
                }
            }
        }
    }

    fn register_incoming_message(&mut self, msg: &Value) {
        let Some(chat) = msg.get("chat") else { return };
        self.remember_chat(chat);
        let chat_id = chat.get("id").and_then(as_i64).unwrap_or(0);
        if let Some(mid) = msg.get("message_id").and_then(as_i64) {
            self.store_message(chat_id, mid, msg.clone(), false);
        }
        let mut file_ids: Vec<(String, String, u64, &'static str)> = Vec::new();
        if let Some(sizes) = msg.get("photo").and_then(Value::as_array) {
            for s in sizes {
                file_ids.push(file_meta(s, "photos"));
            }
        }
        for (key, dir) in [
            ("document", "documents"),
            ("sticker", "stickers"),
            ("voice", "voice"),
            ("video", "videos"),
            ("audio", "music"),
        ] {
            if let Some(f) = msg.get(key) {
                file_ids.push(file_meta(f, dir));
            }
        }
        for (id, unique, size, dir) in file_ids {
            if !id.is_empty() {
                self.register_file(&id, &unique, size, dir, None);
            }
        }
    }

    fn next_fault(&mut self, method: &str) -> Option<(Fault, FailureCause)> {
        let key = method.to_ascii_lowercase();
        if let Some(f) = self.faults.get_mut(&key).and_then(VecDeque::pop_front) {
            return Some((f, FailureCause::InjectedFault));
        }
        if let Some(f) = self.faults.get_mut("*").and_then(VecDeque::pop_front) {
            return Some((f, FailureCause::InjectedFault));
        }
        let (cfg, rng) = self.random.as_mut()?;
        if method == "getUpdates" && !cfg.include_get_updates {
            return None;
        }
        if let Some(methods) = &cfg.methods {
            if !methods.iter().any(|m| m.eq_ignore_ascii_case(method)) {
                return None;
            }
        }
        if rng.next_f64() >= cfg.probability {
            return None;
        }
        let total = u64::from(cfg.weight_retry_after + cfg.weight_server_error + cfg.weight_drop);
        if total == 0 {
            return None;
        }
        let pick = rng.next_u64() % total;
        let fault = if pick < u64::from(cfg.weight_retry_after) {
            Fault::RetryAfter(1 + (rng.next_u64() % 3) as u32)
        } else if pick < u64::from(cfg.weight_retry_after + cfg.weight_server_error) {
            Fault::ServerError
        } else {
            Fault::Drop
        };
        Some((fault, FailureCause::RandomFault))
    }

    fn record_call(
        &mut self,
        method: &str,
        params: &Params,
        received_at: Instant,
        outcome: CallOutcome,
        dropped: bool,
    ) {
        self.call_seq += 1;
        let call = Call {
            seq: self.call_seq,
            method: method.to_owned(),
            chat_id: params.map.get("chat_id").and_then(as_i64),
            params: Value::Object(params.map.clone()),
            files: params
                .files
                .iter()
                .map(|f| UploadedFile {
                    field: f.field.clone(),
                    file_name: f.file_name.clone(),
                    content_type: f.content_type.clone(),
                    size: f.data.len(),
                })
                .collect(),
            received_at,
            outcome,
            connection_dropped: dropped,
        };
        if let Some(observer) = &self.observer {
            if observer.send(call.clone()).is_err() {
                self.observer = None;
            }
        }
        self.calls.push(call);
    }

    // ---------------------------------------------------------------- updates

    fn apply_offset(&mut self, offset: Option<i64>) -> Vec<i64> {
        let mut confirmed = Vec::new();
        match offset {
            Some(o) if o > 0 => {
                self.queue.retain(|(id, _)| {
                    if *id < o {
                        confirmed.push(*id);
                        false
                    } else {
                        true
                    }
                });
            }
            Some(o) if o < 0 => {
                let keep = o.unsigned_abs() as usize;
                if self.queue.len() > keep {
                    let n = self.queue.len() - keep;
                    confirmed.extend(self.queue.drain(..n).map(|(id, _)| id));
                }
            }
            _ => {}
        }
        self.confirmed.extend(confirmed.iter().copied());
        confirmed
    }

    fn is_allowed(&self, update: &Value) -> bool {
        let kind = update
            .as_object()
            .and_then(|m| m.keys().find(|k| k.as_str() != "update_id"))
            .map(String::as_str)
            .unwrap_or("");
        match &self.allowed_updates {
            Some(list) if !list.is_empty() => list.iter().any(|a| a == kind),
            _ => !matches!(
                kind,
                "chat_member" | "message_reaction" | "message_reaction_count"
            ),
        }
    }

    fn take_batch(&mut self, limit: usize) -> Vec<(i64, Value)> {
        let mut filtered = Vec::new();
        let queue = std::mem::take(&mut self.queue);
        for (id, u) in queue {
            if self.is_allowed(&u) {
                self.queue.push((id, u));
            } else {
                filtered.push(id);
            }
        }
        self.filtered.extend(filtered);
        self.queue.iter().take(limit).cloned().collect()
    }

    // ---------------------------------------------------------------- methods

    fn execute(&mut self, method: &str, p: &Params, now: Instant) -> Result<Value, ApiFailure> {
        match method {
            "getMe" => Ok(self.me()),
            "sendMessage" => self.send_message(p, now),
            "editMessageText" => self.edit_message_text(p),
            "editMessageReplyMarkup" => self.edit_message_reply_markup(p),
            "editMessageCaption" => self.edit_message_caption(p),
            "answerCallbackQuery" => self.answer_callback_query(p),
            "sendPhoto" => self.send_single_media(p, now, "photo"),
            "sendDocument" => self.send_single_media(p, now, "document"),
            "sendMediaGroup" => self.send_media_group(p, now),
            "setMyCommands" => self.set_my_commands(p),
            "setChatMenuButton" => {
                let chat = self.target_chat(p)?;
                let button = p
                    .json("menu_button")?
                    .unwrap_or_else(|| json!({"type": "default"}));
                self.menu_buttons.insert(chat, button);
                Ok(json!(true))
            }
            "deleteMyCommands" => {
                let scope = p.json("scope")?;
                let key = commands_key(scope.as_ref(), p.str("language_code").as_deref());
                self.commands.remove(&key);
                Ok(json!(true))
            }
            "getMyCommands" => {
                let scope = p.json("scope")?;
                let key = commands_key(scope.as_ref(), p.str("language_code").as_deref());
                Ok(self
                    .commands
                    .get(&key)
                    .cloned()
                    .unwrap_or_else(|| json!([])))
            }
            "setWebhook" => {
                let url = p.str("url").unwrap_or_default();
                if url.is_empty() {
                    self.webhook_url = None;
                } else if !url.starts_with("https://") {
                    return Err(bad_request(
                        "bad webhook: HTTPS url must be provided for webhook",
                    ));
                } else {
                    self.webhook_url = Some(url);
                }
                if p.bool("drop_pending_updates") {
                    self.drop_pending_updates();
                }
                Ok(json!(true))
            }
            "deleteWebhook" => {
                self.webhook_url = None;
                if p.bool("drop_pending_updates") {
                    self.drop_pending_updates();
                }
                Ok(json!(true))
            }
            "getWebhookInfo" => Ok(json!({
                "url": self.webhook_url.clone().unwrap_or_default(),
                "has_custom_certificate": false,
                "pending_update_count": self.queue.len(),
            })),
            "sendChatAction" => {
                // Validates chat_id and answers 403 for blocked chats.
                self.target_chat(p)?;
                let action = p.str("action").unwrap_or_default();
                if !CHAT_ACTIONS.contains(&action.as_str()) {
                    return Err(bad_request("wrong parameter action in request"));
                }
                Ok(json!(true))
            }
            "deleteMessage" => {
                let chat_id = self.target_chat(p)?;
                let mid = p
                    .i64("message_id")
                    .ok_or_else(|| bad_request("message identifier is not specified"))?;
                if self.messages.remove(&(chat_id, mid)).is_none() {
                    return Err(bad_request("message to delete not found"));
                }
                self.deleted.insert((chat_id, mid));
                Ok(json!(true))
            }
            "getFile" => {
                let id = p.str("file_id").unwrap_or_default();
                let Some(f) = self.files.get(&id) else {
                    return Err(bad_request("invalid file id"));
                };
                if f.size > MAX_DOWNLOAD_SIZE {
                    return Err(bad_request("file is too big"));
                }
                Ok(json!({
                    "file_id": id,
                    "file_unique_id": f.unique_id,
                    "file_size": f.size,
                    "file_path": f.path
                }))
            }
            "close" | "logOut" => Ok(json!(true)),
            _ => Err(not_found()),
        }
    }

    fn drop_pending_updates(&mut self) {
        let ids: Vec<i64> = self.queue.drain(..).map(|(id, _)| id).collect();
        self.confirmed.extend(ids);
    }

    /// Resolves `chat_id` and applies the blocked / unknown-chat checks.
    fn target_chat(&self, p: &Params) -> Result<i64, ApiFailure> {
        let raw = p
            .get("chat_id")
            .ok_or_else(|| bad_request("chat_id is empty"))?;
        let chat_id = match as_i64(raw) {
            Some(id) => id,
            None => {
                let name = raw
                    .as_str()
                    .unwrap_or("")
                    .trim_start_matches('@')
                    .to_owned();
                self.chats
                    .iter()
                    .find(|(_, c)| c.get("username").and_then(Value::as_str) == Some(name.as_str()))
                    .map(|(id, _)| *id)
                    .ok_or_else(|| bad_request("chat not found"))?
            }
        };
        if let Some(to) = self.migrated.get(&chat_id) {
            return Err(ApiFailure {
                code: 400,
                description: "Bad Request: group chat was upgraded to a supergroup chat".to_owned(),
                retry_after: None,
                cause: FailureCause::Migrated { to: *to },
            });
        }
        if self.blocked.contains(&chat_id) {
            let description = if chat_id > 0 {
                "Forbidden: bot was blocked by the user"
            } else {
                match self.chat_json(chat_id).get("type").and_then(Value::as_str) {
                    Some("supergroup") => "Forbidden: bot was kicked from the supergroup chat",
                    Some("channel") => "Forbidden: bot was kicked from the channel chat",
                    _ => "Forbidden: bot was kicked from the group chat",
                }
            };
            return Err(ApiFailure {
                code: 403,
                description: description.to_owned(),
                retry_after: None,
                cause: FailureCause::BlockedChat,
            });
        }
        if self.cfg.require_known_chats && !self.chats.contains_key(&chat_id) {
            return Err(bad_request("chat not found"));
        }
        Ok(chat_id)
    }

    fn format(&self, raw: &str, parse_mode: Option<&str>) -> Result<ParsedText, ApiFailure> {
        match parse_mode.map(str::to_ascii_lowercase).as_deref() {
            None | Some("") | Some("markdown") | Some("markdownv2") => Ok(ParsedText {
                text: raw.to_owned(),
                entities: Vec::new(),
            }),
            Some("html") => parse_html(raw, self.cfg.html)
                .map_err(|e| bad_request(format!("can't parse entities: {e}"))),
            Some(_) => Err(bad_request("unsupported parse_mode")),
        }
    }

    fn parse_text(
        &self,
        p: &Params,
        field: &str,
        mode_field: &str,
        is_edit: bool,
    ) -> Result<ParsedText, ApiFailure> {
        let raw = p.str(field).unwrap_or_default();
        let parsed = self.format(&raw, p.str(mode_field).as_deref())?;
        if parsed.text.trim().is_empty() {
            return Err(bad_request("message text is empty"));
        }
        if utf16_len(&parsed.text) > MAX_TEXT_LEN {
            return Err(bad_request(if is_edit {
                "MESSAGE_TOO_LONG"
            } else {
                "message is too long"
            }));
        }
        Ok(parsed)
    }

    fn parse_caption(
        &self,
        caption: Option<&str>,
        parse_mode: Option<&str>,
    ) -> Result<Option<ParsedText>, ApiFailure> {
        let Some(raw) = caption else { return Ok(None) };
        let parsed = self.format(raw, parse_mode)?;
        if utf16_len(&parsed.text) > MAX_CAPTION_LEN {
            return Err(bad_request("message caption is too long"));
        }
        Ok(Some(parsed))
    }

    fn reply_target(&self, chat_id: i64, p: &Params) -> Result<Option<Value>, ApiFailure> {
        let (mid, allow) = match p.json("reply_parameters")? {
            Some(rp) => (
                rp.get("message_id").and_then(as_i64),
                rp.get("allow_sending_without_reply")
                    .and_then(as_bool)
                    .unwrap_or(false),
            ),
            None => (
                p.i64("reply_to_message_id"),
                p.bool("allow_sending_without_reply"),
            ),
        };
        let Some(mid) = mid else { return Ok(None) };
        match self.messages.get(&(chat_id, mid)) {
            Some(m) => {
                let mut replied = m.json.clone();
                if let Value::Object(o) = &mut replied {
                    o.remove("reply_to_message");
                }
                Ok(Some(replied))
            }
            None if allow => Ok(None),
            None => Err(bad_request("message to be replied not found")),
        }
    }

    fn bot_message(&mut self, chat_id: i64) -> (i64, Value) {
        let mid = self.next_message_id(chat_id);
        let msg = json!({
            "message_id": mid,
            "from": self.bot_user(),
            "chat": self.chat_json(chat_id),
            "date": now_unix()
        });
        (mid, msg)
    }

    /// Checks the flood limits for one more outgoing message; records it.
    fn rate_gate(
        &mut self,
        chat_id: i64,
        method: &str,
        items: usize,
        now: Instant,
    ) -> Result<(), ApiFailure> {
        let lim = self.cfg.rate_limits;
        if lim.mode != RateLimitMode::Off {
            let sec = Duration::from_secs(1);
            let min = Duration::from_secs(60);
            let within = |at: Instant, w: Duration| now.saturating_duration_since(at) < w;
            let retry = |oldest: Option<Instant>, w: Duration| -> u32 {
                let left = oldest
                    .map(|o| w.saturating_sub(now.saturating_duration_since(o)))
                    .unwrap_or(w);
                (left.as_secs_f64().ceil() as u32).max(1)
            };
            let overall: Vec<Instant> = self
                .send_events
                .iter()
                .filter(|e| within(e.at, sec))
                .map(|e| e.at)
                .collect();
            let chat_sec: Vec<Instant> = self
                .send_events
                .iter()
                .filter(|e| e.chat_id == chat_id && within(e.at, sec))
                .map(|e| e.at)
                .collect();
            let chat_min: Vec<Instant> = self
                .send_events
                .iter()
                .filter(|e| e.chat_id == chat_id && within(e.at, min))
                .map(|e| e.at)
                .collect();
            let violation = if overall.len() as u64 >= u64::from(lim.overall_per_sec) {
                Some(("overall_per_sec", retry(overall.iter().min().copied(), sec)))
            } else if chat_sec.len() as u64
                >= u64::from(lim.per_chat_per_sec) + u64::from(lim.per_chat_burst)
            {
                Some((
                    "per_chat_per_sec",
                    retry(chat_sec.iter().min().copied(), sec),
                ))
            } else if chat_id < 0 && chat_min.len() as u64 >= u64::from(lim.group_per_min) {
                Some(("group_per_min", retry(chat_min.iter().min().copied(), min)))
            } else {
                None
            };
            if let Some((rule, retry_after)) = violation {
                let rejected = lim.mode == RateLimitMode::Enforce;
                self.violations.push(RateViolation {
                    chat_id,
                    at: now,
                    method: method.to_owned(),
                    rule,
                    rejected,
                });
                if rejected {
                    return Err(ApiFailure {
                        code: 429,
                        description: format!("Too Many Requests: retry after {retry_after}"),
                        retry_after: Some(retry_after),
                        cause: FailureCause::RateLimit,
                    });
                }
            }
        }
        self.send_events.push(SendEvent {
            chat_id,
            at: now,
            method: method.to_owned(),
            items,
        });
        Ok(())
    }

    fn send_message(&mut self, p: &Params, now: Instant) -> Result<Value, ApiFailure> {
        let chat_id = self.target_chat(p)?;
        let parsed = self.parse_text(p, "text", "parse_mode", false)?;
        let markup = validated_markup(p)?;
        let reply = self.reply_target(chat_id, p)?;
        self.rate_gate(chat_id, "sendMessage", 1, now)?;
        let (mid, mut msg) = self.bot_message(chat_id);
        msg["text"] = json!(parsed.text);
        if !parsed.entities.is_empty() {
            msg["entities"] = json!(parsed.entities);
        }
        if let Some(inline) = inline_only(markup.as_ref()) {
            msg["reply_markup"] = inline;
        }
        if let Some(r) = reply {
            msg["reply_to_message"] = r;
        }
        self.store_message(chat_id, mid, msg.clone(), true);
        self.sent.push(SentMessage {
            chat_id,
            message_id: mid,
            method: "sendMessage".to_owned(),
            text: p.str("text"),
            plain_text: Some(parsed.text),
            parse_mode: p.str("parse_mode"),
            reply_markup: markup,
            media_group_id: None,
            sent_at: now,
            message: msg.clone(),
        });
        Ok(msg)
    }

    /// Finds a bot message to edit.
    fn editable(&self, chat_id: i64, p: &Params) -> Result<(i64, Value), ApiFailure> {
        let mid = p
            .i64("message_id")
            .ok_or_else(|| bad_request("message identifier is not specified"))?;
        let stored = self
            .messages
            .get(&(chat_id, mid))
            .ok_or_else(|| bad_request("message to edit not found"))?;
        if !stored.from_bot {
            return Err(bad_request("message can't be edited"));
        }
        Ok((mid, stored.json.clone()))
    }

    fn edit_message_text(&mut self, p: &Params) -> Result<Value, ApiFailure> {
        if p.get("inline_message_id").is_some() {
            self.parse_text(p, "text", "parse_mode", true)?;
            validated_markup(p)?;
            return Ok(json!(true));
        }
        let chat_id = self.target_chat(p)?;
        let parsed = self.parse_text(p, "text", "parse_mode", true)?;
        let markup = inline_only(validated_markup(p)?.as_ref());
        let (mid, old) = self.editable(chat_id, p)?;
        if old.get("text").is_none() {
            return Err(bad_request("there is no text in the message to edit"));
        }
        let new_entities = (!parsed.entities.is_empty()).then(|| json!(parsed.entities));
        if old.get("text") == Some(&json!(parsed.text))
            && old.get("entities") == new_entities.as_ref()
            && old.get("reply_markup") == markup.as_ref()
        {
            return Err(bad_request(NOT_MODIFIED));
        }
        let mut msg = old;
        msg["text"] = json!(parsed.text);
        set_opt(&mut msg, "entities", new_entities);
        set_opt(&mut msg, "reply_markup", markup);
        msg["edit_date"] = json!(now_unix());
        self.store_message(chat_id, mid, msg.clone(), true);
        Ok(msg)
    }

    fn edit_message_caption(&mut self, p: &Params) -> Result<Value, ApiFailure> {
        let caption =
            self.parse_caption(p.str("caption").as_deref(), p.str("parse_mode").as_deref())?;
        if p.get("inline_message_id").is_some() {
            validated_markup(p)?;
            return Ok(json!(true));
        }
        let chat_id = self.target_chat(p)?;
        let markup = inline_only(validated_markup(p)?.as_ref());
        let (mid, old) = self.editable(chat_id, p)?;
        if old.get("text").is_some() {
            return Err(bad_request("there is no caption in the message to edit"));
        }
        let (text, entities) = match caption {
            Some(c) if !c.text.is_empty() => {
                let e = (!c.entities.is_empty()).then(|| json!(c.entities));
                (Some(json!(c.text)), e)
            }
            _ => (None, None),
        };
        if old.get("caption") == text.as_ref()
            && old.get("caption_entities") == entities.as_ref()
            && old.get("reply_markup") == markup.as_ref()
        {
            return Err(bad_request(NOT_MODIFIED));
        }
        let mut msg = old;
        set_opt(&mut msg, "caption", text);
        set_opt(&mut msg, "caption_entities", entities);
        set_opt(&mut msg, "reply_markup", markup);
        msg["edit_date"] = json!(now_unix());
        self.store_message(chat_id, mid, msg.clone(), true);
        Ok(msg)
    }

    fn edit_message_reply_markup(&mut self, p: &Params) -> Result<Value, ApiFailure> {
        if p.get("inline_message_id").is_some() {
            validated_markup(p)?;
            return Ok(json!(true));
        }
        let chat_id = self.target_chat(p)?;
        let markup = inline_only(validated_markup(p)?.as_ref());
        let (mid, old) = self.editable(chat_id, p)?;
        if old.get("reply_markup") == markup.as_ref() {
            return Err(bad_request(NOT_MODIFIED));
        }
        let mut msg = old;
        set_opt(&mut msg, "reply_markup", markup);
        msg["edit_date"] = json!(now_unix());
        self.store_message(chat_id, mid, msg.clone(), true);
        Ok(msg)
    }

    fn answer_callback_query(&mut self, p: &Params) -> Result<Value, ApiFailure> {
        let id = p.str("callback_query_id").unwrap_or_default();
        let invalid =
            || bad_request("query is too old and response timeout expired or query id is invalid");
        match self.callback_queries.get(&id) {
            Some(false) => {}
            _ => return Err(invalid()),
        }
        if let Some(text) = p.str("text") {
            if text.chars().count() > 200 {
                return Err(bad_request("MESSAGE_TOO_LONG"));
            }
        }
        self.callback_queries.insert(id, true);
        Ok(json!(true))
    }

    /// Resolves an InputFile parameter value: `attach://name` (multipart part),
    /// a part with the field's own name, an http(s) URL, or a known file_id.
    fn resolve_file(
        &mut self,
        p: &Params,
        field: &str,
        value: Option<&Value>,
        dir: &str,
    ) -> Result<ResolvedFile, ApiFailure> {
        let missing = || bad_request(format!("there is no {field} in the request"));
        let s = value.and_then(Value::as_str).map(str::to_owned);
        let part = match s.as_deref() {
            Some(v) if v.starts_with("attach://") => {
                let name = &v["attach://".len()..];
                Some(
                    p.files
                        .iter()
                        .find(|f| f.field == name)
                        .ok_or_else(missing)?,
                )
            }
            None => Some(
                p.files
                    .iter()
                    .find(|f| f.field == field)
                    .ok_or_else(missing)?,
            ),
            Some(_) => p.files.iter().find(|f| f.field == field),
        };
        if let Some(part) = part {
            let file_id = self.new_file_id(if dir == "photos" { "AgAC" } else { "BQAC" });
            let unique = self.new_unique_id();
            let size = part.data.len() as u64;
            self.register_file(
                &file_id,
                &unique,
                size,
                dir,
                Some(Arc::new(part.data.to_vec())),
            );
            return Ok(ResolvedFile {
                file_id,
                unique_id: unique,
                size,
                file_name: part.file_name.clone(),
            });
        }
        let v = s.unwrap_or_default();
        if v.starts_with("http://") || v.starts_with("https://") {
            let file_id = self.new_file_id("BQAC");
            let unique = self.new_unique_id();
            let name = v.rsplit('/').next().map(str::to_owned);
            self.register_file(&file_id, &unique, 54_321, dir, None);
            return Ok(ResolvedFile {
                file_id,
                unique_id: unique,
                size: 54_321,
                file_name: name,
            });
        }
        match self.files.get(&v) {
            Some(f) => Ok(ResolvedFile {
                file_id: v.clone(),
                unique_id: f.unique_id.clone(),
                size: f.size,
                file_name: None,
            }),
            None => Err(bad_request("wrong file identifier/HTTP URL specified")),
        }
    }

    fn media_json(&self, kind: &str, f: &ResolvedFile) -> Value {
        match kind {
            "photo" => {
                let mut sizes = photo_sizes(&f.file_id, f.size);
                // The largest size keeps the given/uploaded file's identity.
                if let Some(last) = sizes.as_array_mut().and_then(|a| a.last_mut()) {
                    last["file_unique_id"] = json!(f.unique_id);
                }
                sizes
            }
            _ => {
                let name = f
                    .file_name
                    .clone()
                    .unwrap_or_else(|| "document.bin".to_owned());
                json!({
                    "file_id": f.file_id,
                    "file_unique_id": f.unique_id,
                    "file_size": f.size,
                    "file_name": name,
                    "mime_type": mime_for(&name)
                })
            }
        }
    }

    fn send_single_media(
        &mut self,
        p: &Params,
        now: Instant,
        kind: &str,
    ) -> Result<Value, ApiFailure> {
        let method = if kind == "photo" {
            "sendPhoto"
        } else {
            "sendDocument"
        };
        let chat_id = self.target_chat(p)?;
        let caption =
            self.parse_caption(p.str("caption").as_deref(), p.str("parse_mode").as_deref())?;
        let markup = validated_markup(p)?;
        let reply = self.reply_target(chat_id, p)?;
        let dir = if kind == "photo" {
            "photos"
        } else {
            "documents"
        };
        let file = self.resolve_file(p, kind, p.get(kind), dir)?;
        self.rate_gate(chat_id, method, 1, now)?;
        let (mid, mut msg) = self.bot_message(chat_id);
        msg[kind] = self.media_json(kind, &file);
        if let Some(c) = &caption {
            if !c.text.is_empty() {
                msg["caption"] = json!(c.text);
                if !c.entities.is_empty() {
                    msg["caption_entities"] = json!(c.entities);
                }
            }
        }
        if let Some(inline) = inline_only(markup.as_ref()) {
            msg["reply_markup"] = inline;
        }
        if let Some(r) = reply {
            msg["reply_to_message"] = r;
        }
        self.store_message(chat_id, mid, msg.clone(), true);
        self.sent.push(SentMessage {
            chat_id,
            message_id: mid,
            method: method.to_owned(),
            text: p.str("caption"),
            plain_text: caption.map(|c| c.text),
            parse_mode: p.str("parse_mode"),
            reply_markup: markup,
            media_group_id: None,
            sent_at: now,
            message: msg.clone(),
        });
        Ok(msg)
    }

    fn send_media_group(&mut self, p: &Params, now: Instant) -> Result<Value, ApiFailure> {
        let chat_id = self.target_chat(p)?;
        let media = match p.json("media")? {
            Some(Value::Array(a)) => a,
            _ => return Err(bad_request("there are no messages to send")),
        };
        if media.is_empty() {
            return Err(bad_request("there are no messages to send"));
        }
        if media.len() > 10 {
            return Err(bad_request("Too much messages to send as an album"));
        }
        let reply = self.reply_target(chat_id, p)?;
        let mut items = Vec::new();
        for m in &media {
            let kind = m
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            if !matches!(kind.as_str(), "photo" | "document" | "video" | "audio") {
                return Err(bad_request("wrong type of the media in the album"));
            }
            let caption = self.parse_caption(
                m.get("caption").and_then(Value::as_str),
                m.get("parse_mode").and_then(Value::as_str),
            )?;
            items.push((kind, caption, m.clone()));
        }
        let mut files = Vec::new();
        for (kind, _, m) in &items {
            let dir = if kind == "photo" {
                "photos"
            } else {
                "documents"
            };
            files.push(self.resolve_file(p, "media", m.get("media"), dir)?);
        }
        self.rate_gate(chat_id, "sendMediaGroup", items.len(), now)?;
        self.media_group_seq += 1;
        let group_id = format!("{}", 13_900_000_000_000_000u64 + self.media_group_seq);
        let mut out = Vec::new();
        for ((kind, caption, m), file) in items.into_iter().zip(files) {
            let (mid, mut msg) = self.bot_message(chat_id);
            let json_kind = if kind == "photo" { "photo" } else { "document" };
            msg[json_kind] = self.media_json(json_kind, &file);
            msg["media_group_id"] = json!(group_id);
            if let Some(c) = &caption {
                if !c.text.is_empty() {
                    msg["caption"] = json!(c.text);
                    if !c.entities.is_empty() {
                        msg["caption_entities"] = json!(c.entities);
                    }
                }
            }
            if let Some(r) = &reply {
                msg["reply_to_message"] = r.clone();
            }
            self.store_message(chat_id, mid, msg.clone(), true);
            self.sent.push(SentMessage {
                chat_id,
                message_id: mid,
                method: "sendMediaGroup".to_owned(),
                text: m.get("caption").and_then(Value::as_str).map(str::to_owned),
                plain_text: caption.map(|c| c.text),
                parse_mode: m
                    .get("parse_mode")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                reply_markup: None,
                media_group_id: Some(group_id.clone()),
                sent_at: now,
                message: msg.clone(),
            });
            out.push(msg);
        }
        Ok(Value::Array(out))
    }

    fn set_my_commands(&mut self, p: &Params) -> Result<Value, ApiFailure> {
        let commands = match p.json("commands")? {
            Some(Value::Array(a)) => a,
            _ => return Err(bad_request("parameter \"commands\" is required")),
        };
        if commands.len() > 100 {
            return Err(bad_request("BOT_COMMANDS_TOO_MUCH"));
        }
        for c in &commands {
            let cmd = c.get("command").and_then(Value::as_str).unwrap_or("");
            let desc = c.get("description").and_then(Value::as_str).unwrap_or("");
            let valid = (1..=32).contains(&cmd.len())
                && cmd
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
            if !valid {
                return Err(bad_request("BOT_COMMAND_INVALID"));
            }
            if !(1..=256).contains(&desc.chars().count()) {
                return Err(bad_request("BOT_COMMAND_DESCRIPTION_INVALID"));
            }
        }
        let scope = p.json("scope")?;
        let key = commands_key(scope.as_ref(), p.str("language_code").as_deref());
        let stored: Vec<Value> = commands
            .iter()
            .map(|c| json!({"command": c["command"], "description": c["description"]}))
            .collect();
        self.commands.insert(key, Value::Array(stored));
        Ok(json!(true))
    }
}

struct ResolvedFile {
    file_id: String,
    unique_id: String,
    size: u64,
    file_name: Option<String>,
}

// ===========================================================================
// Helpers
// ===========================================================================

fn bad_request(desc: impl AsRef<str>) -> ApiFailure {
    ApiFailure {
        code: 400,
        description: format!("Bad Request: {}", desc.as_ref()),
        retry_after: None,
        cause: FailureCause::Validation,
    }
}

fn not_found() -> ApiFailure {
    ApiFailure {
        code: 404,
        description: "Not Found".to_owned(),
        retry_after: None,
        cause: FailureCause::UnknownMethod,
    }
}

fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn as_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.as_str() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => None,
        },
        Value::Number(n) => n.as_i64().map(|i| i != 0),
        _ => None,
    }
}

fn set_opt(msg: &mut Value, key: &str, value: Option<Value>) {
    if let Value::Object(m) = msg {
        match value {
            Some(v) => {
                m.insert(key.to_owned(), v);
            }
            None => {
                m.remove(key);
            }
        }
    }
}

fn file_meta(v: &Value, dir: &'static str) -> (String, String, u64, &'static str) {
    (
        v.get("file_id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
        v.get("file_unique_id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
        v.get("file_size").and_then(Value::as_u64).unwrap_or(0),
        dir,
    )
}

fn photo_sizes(base_id: &str, size: u64) -> Value {
    json!([
        {"file_id": format!("{base_id}-s"), "file_unique_id": format!("{base_id}-us"), "file_size": (size / 20).max(1), "width": 90, "height": 67},
        {"file_id": format!("{base_id}-m"), "file_unique_id": format!("{base_id}-um"), "file_size": (size / 5).max(1), "width": 320, "height": 240},
        {"file_id": base_id, "file_unique_id": format!("{base_id}-u"), "file_size": size.max(1), "width": 1280, "height": 960}
    ])
}

fn mime_for(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "csv" => "text/csv",
        "txt" => "text/plain",
        "json" => "application/json",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn chat_instance(chat_id: i64) -> i64 {
    // Any stable, chat-specific number will do.
    (chat_id.wrapping_mul(2_654_435_761) ^ 0x5DEE_CE66).wrapping_abs()
}

fn chat_member_json(user: &Value, status: &str) -> Value {
    match status {
        "kicked" => json!({"status": "kicked", "user": user, "until_date": 0}),
        "left" => json!({"status": "left", "user": user}),
        "creator" => json!({"status": "creator", "user": user, "is_anonymous": false}),
        "administrator" => json!({
            "status": "administrator", "user": user, "can_be_edited": false,
            "is_anonymous": false, "can_manage_chat": true, "can_delete_messages": true,
            "can_manage_video_chats": false, "can_restrict_members": false,
            "can_promote_members": false, "can_change_info": false, "can_invite_users": true,
            "can_post_stories": false, "can_edit_stories": false, "can_delete_stories": false
        }),
        "restricted" => json!({
            "status": "restricted", "user": user, "until_date": 0, "is_member": true,
            "can_send_messages": false, "can_send_audios": false, "can_send_documents": false,
            "can_send_photos": false, "can_send_videos": false, "can_send_video_notes": false,
            "can_send_voice_notes": false, "can_send_polls": false, "can_send_other_messages": false,
            "can_add_web_page_previews": false, "can_change_info": false, "can_invite_users": false,
            "can_pin_messages": false, "can_manage_topics": false
        }),
        _ => json!({"status": "member", "user": user}),
    }
}

/// A `bot_command` entity for text starting with `/cmd` or `/cmd@bot`.
fn command_entity(text: &str) -> Option<Value> {
    let rest = text.strip_prefix('/')?;
    let token = rest.split(char::is_whitespace).next().unwrap_or("");
    let (name, bot) = match token.split_once('@') {
        Some((n, b)) => (n, Some(b)),
        None => (token, None),
    };
    let word = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !word(name) || bot.is_some_and(|b| !word(b)) {
        return None;
    }
    Some(json!({"type": "bot_command", "offset": 0, "length": utf16_len(token) + 1}))
}

fn commands_key(scope: Option<&Value>, language_code: Option<&str>) -> String {
    let scope = scope.cloned().unwrap_or_else(|| json!({"type": "default"}));
    format!("{}|{}", scope, language_code.unwrap_or(""))
}

/// Parses and validates `reply_markup`; returns the parsed JSON (any keyboard kind).
fn validated_markup(p: &Params) -> Result<Option<Value>, ApiFailure> {
    let Some(markup) = p.json("reply_markup")? else {
        return Ok(None);
    };
    if !markup.is_object() {
        return Err(bad_request("can't parse reply keyboard markup JSON object"));
    }
    if let Some(rows) = markup.get("inline_keyboard") {
        let rows = rows.as_array().ok_or_else(|| {
            bad_request("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array")
        })?;
        for row in rows {
            let row = row.as_array().ok_or_else(|| bad_request("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays"))?;
            for b in row {
                validate_inline_button(b)?;
            }
        }
    }
    Ok(Some(markup))
}

fn validate_inline_button(b: &Value) -> Result<(), ApiFailure> {
    const ACTIONS: &[&str] = &[
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    ];
    if b.get("text").and_then(Value::as_str).is_none() {
        return Err(bad_request("can't find field \"text\""));
    }
    if !ACTIONS
        .iter()
        .any(|a| b.get(*a).is_some_and(|v| !v.is_null()))
    {
        return Err(bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        ));
    }
    if let Some(data) = b.get("callback_data").filter(|v| !v.is_null()) {
        let len = data.as_str().map(str::len).unwrap_or(0);
        if len == 0 || len > MAX_CALLBACK_DATA_LEN {
            return Err(bad_request("BUTTON_DATA_INVALID"));
        }
    }
    if let Some(url) = b.get("url").and_then(Value::as_str) {
        if reqwest::Url::parse(url).is_err() {
            return Err(bad_request(format!(
                "inline keyboard button URL '{url}' is invalid: Wrong HTTP URL"
            )));
        }
    }
    Ok(())
}

/// Telegram echoes only inline keyboards in the returned `Message`.
fn inline_only(markup: Option<&Value>) -> Option<Value> {
    markup
        .filter(|m| m.get("inline_keyboard").is_some())
        .cloned()
}

/// Deterministic PRNG for random faults.
#[derive(Clone, Debug)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

// ===========================================================================
// Telegram HTML parsing
// ===========================================================================

/// Text and entities after parsing formatted text.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedText {
    /// Plain text as Telegram shows it.
    pub text: String,
    /// `MessageEntity` objects (offsets/lengths in UTF-16 code units).
    pub entities: Vec<Value>,
}

struct OpenTag {
    name: String,
    start: usize,
    url: Option<String>,
    language: Option<String>,
    emoji_id: Option<String>,
    expandable: bool,
}

const HTML_TAGS: &[&str] = &[
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "tg-emoji",
    "code",
    "pre",
    "blockquote",
];

/// Parses Telegram-flavoured HTML (`parse_mode=HTML`). Supported: tags `b`,
/// `strong`, `i`, `em`, `u`, `ins`, `s`, `strike`, `del`, `span
/// class="tg-spoiler"`, `tg-spoiler`, `a href`, `tg-emoji emoji-id`, `code`
/// (`class="language-…"` inside `pre`), `pre`, `blockquote [expandable]`;
/// entities `&lt;` `&gt;` `&amp;` `&quot;` `&#NN;` `&#xNN;`. Anything else —
/// an unknown tag, an unclosed or misnested tag, a bare `<`, and (by default,
/// see [`HtmlRules`]) a bare `&` or `>` — is an error whose message follows
/// Telegram's wording where known (the caller prefixes `Bad Request: can't
/// parse entities: `).
pub fn parse_html(src: &str, rules: HtmlRules) -> Result<ParsedText, String> {
    let bytes = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut pos16 = 0usize;
    let mut stack: Vec<OpenTag> = Vec::new();
    let mut entities: Vec<(usize, usize, Value)> = Vec::new();
    let mut i = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let start = i;
                if bytes.get(i + 1) == Some(&b'/') {
                    let Some(rel) = src[i..].find('>') else {
                        return Err(format!("Unclosed end tag at byte offset {start}"));
                    };
                    let name = src[i + 2..i + rel].trim().to_ascii_lowercase();
                    i += rel + 1;
                    let Some(open) = stack.pop() else {
                        return Err(format!("Unexpected end tag at byte offset {start}"));
                    };
                    if open.name != name {
                        return Err(format!(
                            "Unmatched end tag at byte offset {start}, expected \"</{}>\", found \"</{name}>\"",
                            open.name
                        ));
                    }
                    close_tag(open, pos16, &mut stack, &mut entities, &out);
                } else {
                    let (tag, next) = parse_start_tag(src, i, rules)?;
                    i = next;
                    let OpenTagSpec { name, attrs } = tag;
                    if !HTML_TAGS.contains(&name.as_str()) {
                        return Err(format!(
                            "Unsupported start tag \"{name}\" at byte offset {start}"
                        ));
                    }
                    let attr = |k: &str| attrs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                    if name == "span" && attr("class").as_deref() != Some("tg-spoiler") {
                        return Err(format!(
                            "Tag \"span\" must have class \"tg-spoiler\" at byte offset {start}"
                        ));
                    }
                    let emoji_id = attr("emoji-id");
                    if name == "tg-emoji"
                        && !emoji_id
                            .as_deref()
                            .is_some_and(|e| !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit()))
                    {
                        return Err(format!(
                            "Invalid custom emoji identifier specified at byte offset {start}"
                        ));
                    }
                    let language = if name == "code" {
                        attr("class").and_then(|c| c.strip_prefix("language-").map(str::to_owned))
                    } else {
                        None
                    };
                    stack.push(OpenTag {
                        expandable: name == "blockquote" && attr("expandable").is_some(),
                        url: if name == "a" { attr("href") } else { None },
                        name,
                        start: pos16,
                        language,
                        emoji_id,
                    });
                }
            }
            b'&' => match decode_entity(src, i) {
                Some((ch, len)) => {
                    out.push(ch);
                    pos16 += ch.len_utf16();
                    i += len;
                }
                None if rules.reject_bare_amp => {
                    return Err(format!(
                        "Unsupported HTML entity or bare '&' at byte offset {i} (escape '&' as &amp;)"
                    ));
                }
                None => {
                    out.push('&');
                    pos16 += 1;
                    i += 1;
                }
            },
            b'>' if rules.reject_bare_gt => {
                return Err(format!(
                    "Unexpected '>' at byte offset {i} (escape '>' as &gt;)"
                ));
            }
            _ => {
                let ch = src[i..].chars().next().unwrap_or('\u{FFFD}');
                out.push(ch);
                pos16 += ch.len_utf16();
                i += ch.len_utf8().max(1);
            }
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!(
            "Can't find end tag corresponding to start tag \"{}\"",
            open.name
        ));
    }
    entities.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    Ok(ParsedText {
        text: out,
        entities: entities.into_iter().map(|(_, _, e)| e).collect(),
    })
}

struct OpenTagSpec {
    name: String,
    attrs: Vec<(String, String)>,
}

/// Parses `<name attr="v" …>` starting at `i` (the `<`); returns the spec and
/// the index after `>`.
fn parse_start_tag(src: &str, i: usize, rules: HtmlRules) -> Result<(OpenTagSpec, usize), String> {
    let b = src.as_bytes();
    let start = i;
    let mut j = i + 1;
    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
        j += 1;
    }
    if j >= b.len() {
        return Err(format!("Unclosed start tag at byte offset {start}"));
    }
    let name = src[i + 1..j].to_ascii_lowercase();
    if name.is_empty() || !name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-') {
        return Err(format!(
            "Unsupported start tag \"{name}\" at byte offset {start}"
        ));
    }
    let mut attrs = Vec::new();
    loop {
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= b.len() {
            return Err(format!("Unclosed start tag at byte offset {start}"));
        }
        if b[j] == b'>' {
            return Ok((OpenTagSpec { name, attrs }, j + 1));
        }
        let an = j;
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'=' && b[j] != b'>' {
            j += 1;
        }
        let attr_name = src[an..j].to_ascii_lowercase();
        if attr_name.is_empty()
            || !attr_name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        {
            return Err(format!(
                "Empty attribute name in the tag \"{name}\" at byte offset {an}"
            ));
        }
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= b.len() {
                return Err(format!("Unclosed start tag at byte offset {start}"));
            }
            let raw = if b[j] == b'"' || b[j] == b'\'' {
                let q = b[j] as char;
                let Some(rel) = src[j + 1..].find(q) else {
                    return Err(format!("Unclosed start tag at byte offset {start}"));
                };
                let v = &src[j + 1..j + 1 + rel];
                j += rel + 2;
                v
            } else {
                let vs = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                &src[vs..j]
            };
            let value = decode_attr_value(raw, rules).map_err(|e| {
                format!("{e} in the value of attribute \"{attr_name}\" of the tag \"{name}\"")
            })?;
            attrs.push((attr_name, value));
        } else {
            attrs.push((attr_name, String::new()));
        }
    }
}

fn decode_attr_value(raw: &str, rules: HtmlRules) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw.as_bytes()[i] == b'&' {
            match decode_entity(raw, i) {
                Some((ch, len)) => {
                    out.push(ch);
                    i += len;
                    continue;
                }
                None if rules.reject_bare_amp => {
                    return Err("Unsupported HTML entity or bare '&'".to_owned());
                }
                None => {}
            }
        }
        let ch = raw[i..].chars().next().unwrap_or('\u{FFFD}');
        out.push(ch);
        i += ch.len_utf8().max(1);
    }
    Ok(out)
}

/// Decodes `&lt;` `&gt;` `&amp;` `&quot;` `&#NN;` `&#xNN;` at `i`; returns the
/// character and the number of bytes consumed.
fn decode_entity(s: &str, i: usize) -> Option<(char, usize)> {
    let rest = &s[i + 1..];
    let semi = rest.find(';')?;
    if semi == 0 || semi > 10 {
        return None;
    }
    let name = &rest[..semi];
    let ch = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                u32::from_str_radix(hex, 16).ok()?
            } else {
                if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                num.parse::<u32>().ok()?
            };
            if code == 0 {
                return None;
            }
            char::from_u32(code)?
        }
    };
    Some((ch, semi + 2))
}

fn close_tag(
    open: OpenTag,
    end: usize,
    stack: &mut [OpenTag],
    entities: &mut Vec<(usize, usize, Value)>,
    out: &str,
) {
    let length = end - open.start;
    if length == 0 {
        return;
    }
    let parent_is_pre = stack.last().is_some_and(|t| t.name == "pre");
    let entity = match open.name.as_str() {
        "b" | "strong" => json!({"type": "bold"}),
        "i" | "em" => json!({"type": "italic"}),
        "u" | "ins" => json!({"type": "underline"}),
        "s" | "strike" | "del" => json!({"type": "strikethrough"}),
        "span" | "tg-spoiler" => json!({"type": "spoiler"}),
        "tg-emoji" => {
            json!({"type": "custom_emoji", "custom_emoji_id": open.emoji_id.unwrap_or_default()})
        }
        "blockquote" if open.expandable => json!({"type": "expandable_blockquote"}),
        "blockquote" => json!({"type": "blockquote"}),
        "code" if parent_is_pre => {
            // <pre><code class="language-x"> gives the pre entity its language.
            if let (Some(lang), Some(pre)) = (open.language, stack.last_mut()) {
                pre.language = Some(lang);
            }
            return;
        }
        "code" => json!({"type": "code"}),
        "pre" => match open.language {
            Some(lang) => json!({"type": "pre", "language": lang}),
            None => json!({"type": "pre"}),
        },
        "a" => {
            let inner: String = {
                // The UTF-16 range [open.start, end) of `out`.
                let units: Vec<u16> = out.encode_utf16().collect();
                String::from_utf16_lossy(&units[open.start.min(units.len())..end.min(units.len())])
            };
            let href = open.url.unwrap_or(inner);
            let url = reqwest::Url::parse(&href)
                .or_else(|_| reqwest::Url::parse(&format!("http://{href}")))
                .ok();
            match url {
                Some(u) => json!({"type": "text_link", "url": u.as_str()}),
                // Telegram silently drops links with an invalid URL.
                None => return,
            }
        }
        _ => return,
    };
    let mut entity = entity;
    entity["offset"] = json!(open.start);
    entity["length"] = json!(length);
    entities.push((open.start, length, entity));
}

// ===========================================================================
// Request parameters
// ===========================================================================

struct FilePart {
    field: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Bytes,
}

#[derive(Default)]
struct Params {
    map: Map<String, Value>,
    files: Vec<FilePart>,
}

impl Params {
    fn get(&self, k: &str) -> Option<&Value> {
        self.map.get(k).filter(|v| !v.is_null())
    }
    fn str(&self, k: &str) -> Option<String> {
        match self.get(k)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
    fn i64(&self, k: &str) -> Option<i64> {
        self.get(k).and_then(as_i64)
    }
    fn bool(&self, k: &str) -> bool {
        self.get(k).and_then(as_bool).unwrap_or(false)
    }
    /// A JSON-valued parameter, which may also arrive as a JSON string.
    fn json(&self, k: &str) -> Result<Option<Value>, ApiFailure> {
        match self.get(k) {
            None => Ok(None),
            Some(Value::String(s)) => serde_json::from_str(s)
                .map(Some)
                .map_err(|_| bad_request(format!("can't parse {k} JSON object"))),
            Some(v) => Ok(Some(v.clone())),
        }
    }
}

/// Converts a form/multipart text field into a JSON value: objects/arrays are
/// parsed, numeric ids become numbers and flags become booleans; everything
/// else (text, captions…) stays a string.
fn text_param(name: &str, s: &str) -> Value {
    let t = s.trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        if let Ok(v) = serde_json::from_str::<Value>(s) {
            return v;
        }
    }
    let numeric = name == "chat_id"
        || name == "offset"
        || name == "limit"
        || name == "timeout"
        || name == "cache_time"
        || (name.ends_with("_id")
            && !name.contains("file")
            && name != "callback_query_id"
            && name != "inline_message_id");
    if numeric {
        if let Ok(n) = s.trim().parse::<i64>() {
            return json!(n);
        }
    }
    if s == "true" || s == "false" {
        let flag = [
            "disable_",
            "protect_",
            "allow_",
            "has_",
            "show_",
            "is_",
            "drop_",
            "supports_",
        ]
        .iter()
        .any(|p| name.starts_with(p));
        if flag {
            return json!(s == "true");
        }
    }
    json!(s)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn parse_urlencoded(s: &str, map: &mut Map<String, Value>) {
    for pair in s.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (percent_decode(k), percent_decode(v));
        let value = text_param(&k, &v);
        map.insert(k, value);
    }
}

fn find_bytes(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from > hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Parts of a multipart body: (content-disposition params + content-type, data).
type MultipartParts = Vec<(Map<String, Value>, Bytes)>;

/// Splits a `multipart/form-data` body.
fn parse_multipart(body: &Bytes, boundary: &str) -> Result<MultipartParts, String> {
    let delim = format!("--{boundary}");
    let d = delim.as_bytes();
    let mut parts = Vec::new();
    let mut pos = find_bytes(body, d, 0).ok_or("no multipart boundary")? + d.len();
    loop {
        if body[pos..].starts_with(b"--") {
            return Ok(parts);
        }
        if body[pos..].starts_with(b"\r\n") {
            pos += 2;
        }
        let headers_end = find_bytes(body, b"\r\n\r\n", pos).ok_or("unterminated part headers")?;
        let headers = String::from_utf8_lossy(&body[pos..headers_end]).into_owned();
        let data_start = headers_end + 4;
        let mut close = Vec::with_capacity(d.len() + 2);
        close.extend_from_slice(b"\r\n");
        close.extend_from_slice(d);
        let data_end = find_bytes(body, &close, data_start).ok_or("unterminated part")?;
        let mut meta = Map::new();
        for line in headers.split("\r\n") {
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            let k = k.trim().to_ascii_lowercase();
            if k == "content-disposition" {
                for piece in v.split(';').skip(1) {
                    if let Some((pk, pv)) = piece.trim().split_once('=') {
                        meta.insert(
                            pk.trim().to_ascii_lowercase(),
                            json!(pv.trim().trim_matches('"')),
                        );
                    }
                }
            } else if k == "content-type" {
                meta.insert("content-type".into(), json!(v.trim()));
            }
        }
        parts.push((meta, body.slice(data_start..data_end)));
        pos = data_end + close.len();
    }
}

fn parse_params(headers: &HeaderMap, query: Option<&str>, body: &Bytes) -> Result<Params, String> {
    let mut p = Params::default();
    if let Some(q) = query {
        parse_urlencoded(q, &mut p.map);
    }
    if body.is_empty() {
        return Ok(p);
    }
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let ct_lower = ct.to_ascii_lowercase();
    if ct_lower.starts_with("multipart/form-data") {
        let boundary = ct
            .split(';')
            .filter_map(|s| s.trim().split_once('='))
            .find(|(k, _)| k.eq_ignore_ascii_case("boundary"))
            .map(|(_, v)| v.trim_matches('"').to_owned())
            .ok_or("multipart without boundary")?;
        for (meta, data) in parse_multipart(body, &boundary)? {
            let name = meta
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            let file_name = meta
                .get("filename")
                .and_then(Value::as_str)
                .map(str::to_owned);
            let content_type = meta
                .get("content-type")
                .and_then(Value::as_str)
                .map(str::to_owned);
            let is_file = file_name.is_some()
                || content_type
                    .as_deref()
                    .is_some_and(|ct| !ct.to_ascii_lowercase().starts_with("text/plain"));
            if is_file {
                p.files.push(FilePart {
                    field: name,
                    file_name,
                    content_type,
                    data,
                });
            } else {
                let text = String::from_utf8_lossy(&data).into_owned();
                let v = text_param(&name, &text);
                p.map.insert(name, v);
            }
        }
    } else if ct_lower.starts_with("application/x-www-form-urlencoded") {
        parse_urlencoded(&String::from_utf8_lossy(body), &mut p.map);
    } else {
        // application/json (teloxide) or no content type.
        match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(m)) => p.map.extend(m),
            Ok(_) => return Err("request body is not a JSON object".to_owned()),
            Err(e) => return Err(format!("can't parse JSON: {e}")),
        }
    }
    Ok(p)
}

// ===========================================================================
// HTTP layer
// ===========================================================================

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/file/{token}/{*path}", get(file_handler))
        .route("/{token}/{method}", any(api_handler))
        .fallback(|| async { failure_response(&not_found()) })
        .layer(DefaultBodyLimit::max(64 * 1024 * 1024))
        .with_state(shared)
}

fn envelope_response(status: u16, body: Value) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn ok_response(result: Value) -> Response {
    envelope_response(200, json!({"ok": true, "result": result}))
}

fn failure_response(f: &ApiFailure) -> Response {
    let mut body = json!({"ok": false, "error_code": f.code, "description": f.description});
    if let Some(s) = f.retry_after {
        body["parameters"] = json!({"retry_after": s});
    }
    if let FailureCause::Migrated { to } = f.cause {
        body["parameters"] = json!({"migrate_to_chat_id": to});
    }
    envelope_response(f.code, body)
}

fn bad_gateway_response() -> Response {
    (
        StatusCode::BAD_GATEWAY,
        [(header::CONTENT_TYPE, "text/html")],
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n",
    )
        .into_response()
}

fn canonical_method(name: &str) -> Option<&'static str> {
    SUPPORTED_METHODS
        .iter()
        .copied()
        .find(|m| m.eq_ignore_ascii_case(name))
}

async fn api_handler(
    AxumState(shared): AxumState<Arc<Shared>>,
    ConnectInfo(conn): ConnectInfo<ConnHandle>,
    Path((token_segment, method)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received_at = Instant::now();
    let params = match parse_params(&headers, query.as_deref(), &body) {
        Ok(p) => p,
        Err(e) => {
            let f = bad_request(e);
            let mut st = shared.lock();
            st.record_call(
                &method,
                &Params::default(),
                received_at,
                CallOutcome::Failed(f.clone()),
                false,
            );
            drop(st);
            shared.notify();
            return failure_response(&f);
        }
    };
    let finish = |method: &str, outcome: CallOutcome, dropped: bool| {
        shared
            .lock()
            .record_call(method, &params, received_at, outcome, dropped);
        shared.notify();
    };

    if token_segment != format!("bot{}", shared.token) {
        let f = ApiFailure {
            code: 401,
            description: "Unauthorized".to_owned(),
            retry_after: None,
            cause: FailureCause::Unauthorized,
        };
        finish(&method, CallOutcome::Failed(f.clone()), false);
        return failure_response(&f);
    }
    let Some(method) = canonical_method(&method) else {
        let f = not_found();
        finish(&method, CallOutcome::Failed(f.clone()), false);
        return failure_response(&f);
    };

    let fault = shared.lock().next_fault(method);
    let mut drop_after = false;
    match fault {
        None => {}
        Some((Fault::Delay(d), _)) => tokio::time::sleep(d).await,
        Some((Fault::DropAfterProcessing, _)) => drop_after = true,
        Some((Fault::Drop, _)) => {
            finish(method, CallOutcome::Dropped, true);
            conn.kill();
            return StatusCode::OK.into_response();
        }
        Some((Fault::BadGateway, cause)) => {
            let f = ApiFailure {
                code: 502,
                description: "Bad Gateway".to_owned(),
                retry_after: None,
                cause,
            };
            finish(method, CallOutcome::Failed(f), false);
            return bad_gateway_response();
        }
        Some((fault, cause)) => {
            let f = match fault {
                Fault::RetryAfter(s) => ApiFailure {
                    code: 429,
                    description: format!("Too Many Requests: retry after {s}"),
                    retry_after: Some(s),
                    cause,
                },
                Fault::Api { code, description } => ApiFailure {
                    code,
                    description,
                    retry_after: None,
                    cause,
                },
                _ => ApiFailure {
                    code: 500,
                    description: "Internal Server Error".to_owned(),
                    retry_after: None,
                    cause,
                },
            };
            finish(method, CallOutcome::Failed(f.clone()), false);
            return failure_response(&f);
        }
    }

    let result = if method == "getUpdates" {
        get_updates(&shared, &params, received_at).await
    } else {
        shared.lock().execute(method, &params, received_at)
    };
    let response = match &result {
        Ok(v) => ok_response(v.clone()),
        Err(f) => failure_response(f),
    };
    let outcome = match result {
        Ok(v) => CallOutcome::Ok(v),
        Err(f) => CallOutcome::Failed(f),
    };
    finish(method, outcome, drop_after);
    if drop_after {
        conn.kill();
    }
    response
}

async fn get_updates(
    shared: &Arc<Shared>,
    p: &Params,
    received_at: Instant,
) -> Result<Value, ApiFailure> {
    let offset = p.i64("offset");
    let limit = p.i64("limit").map(|l| l.clamp(1, 100)).unwrap_or(100) as usize;
    let timeout = p.i64("timeout").unwrap_or(0).max(0) as u64;
    let allowed = match p.json("allowed_updates") {
        Ok(Some(Value::Array(a))) => Some(
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect::<Vec<_>>(),
        ),
        _ => None,
    };
    let conflict = |message: &str| ApiFailure {
        code: 409,
        description: message.to_owned(),
        retry_after: None,
        cause: FailureCause::Conflict,
    };
    let record = |st: &mut State, confirmed: Vec<i64>, returned: Vec<i64>, outcome: PollOutcome| {
        st.polls.push(GetUpdatesCall {
            received_at,
            answered_at: Instant::now(),
            offset,
            limit,
            timeout,
            allowed_updates: allowed.clone(),
            confirmed,
            returned,
            outcome,
        });
    };

    let mut rx = shared.changes.subscribe();
    let (generation, confirmed) = {
        let mut st = shared.lock();
        if st.webhook_url.is_some() {
            record(&mut st, Vec::new(), Vec::new(), PollOutcome::WebhookActive);
            return Err(conflict(CONFLICT_WEBHOOK));
        }
        st.poll_generation += 1;
        if let Some(a) = &allowed {
            st.allowed_updates = Some(a.clone());
        }
        let confirmed = st.apply_offset(offset);
        st.polls_in_flight += 1;
        (st.poll_generation, confirmed)
    };
    let _in_flight = PollInFlight(shared.clone());
    // Wakes an older long poll, which then ends with 409.
    shared.notify();
    let deadline = tokio::time::Instant::from_std(received_at + Duration::from_secs(timeout));
    loop {
        {
            let mut st = shared.lock();
            if st.poll_generation != generation {
                record(&mut st, confirmed, Vec::new(), PollOutcome::Conflict);
                return Err(conflict(CONFLICT_GET_UPDATES));
            }
            let batch = st.take_batch(limit);
            if !batch.is_empty() || tokio::time::Instant::now() >= deadline {
                let ids = batch.iter().map(|(id, _)| *id).collect();
                record(&mut st, confirmed, ids, PollOutcome::Updates);
                return Ok(Value::Array(batch.into_iter().map(|(_, u)| u).collect()));
            }
        }
        tokio::select! {
            changed = rx.changed() => {
                if changed.is_err() {
                    tokio::time::sleep_until(deadline).await;
                }
            }
            _ = tokio::time::sleep_until(deadline) => {}
        }
    }
}

/// Counts a getUpdates call as in flight until it is answered or abandoned
/// (the handler future is dropped when its connection closes).
struct PollInFlight(Arc<Shared>);

impl Drop for PollInFlight {
    fn drop(&mut self) {
        let mut st = self.0.lock();
        st.polls_in_flight = st.polls_in_flight.saturating_sub(1);
        drop(st);
        self.0.notify();
    }
}

async fn file_handler(
    AxumState(shared): AxumState<Arc<Shared>>,
    Path((token_segment, path)): Path<(String, String)>,
) -> Response {
    if token_segment != format!("bot{}", shared.token) {
        return (StatusCode::UNAUTHORIZED, "Unauthorized").into_response();
    }
    let st = shared.lock();
    let Some(f) = st.files.values().find(|f| f.path == path) else {
        return failure_response(&not_found());
    };
    let bytes = match &f.bytes {
        Some(b) => b.to_vec(),
        None => vec![0x5A; f.size.min(8 * 1024 * 1024) as usize],
    };
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/octet-stream")],
        bytes,
    )
        .into_response()
}

// ---------------------------------------------------------------------------
// Connections that can be dropped without an HTTP response
// ---------------------------------------------------------------------------

/// Wraps accepted TCP streams so a handler can make the connection fail: once
/// `killed` is set, reads and writes error out, hyper abandons the connection
/// without writing the response, and the socket is closed.
/// Connections accepted by every fake in this process.
pub static ACCEPTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

struct FakeListener {
    inner: TcpListener,
}

struct FakeConn {
    stream: TcpStream,
    killed: Arc<AtomicBool>,
}

#[derive(Clone)]
struct ConnHandle {
    killed: Arc<AtomicBool>,
}

impl ConnHandle {
    fn kill(&self) {
        self.killed.store(true, Ordering::SeqCst);
    }
}

impl Listener for FakeListener {
    type Io = FakeConn;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.inner.accept().await {
                Ok((stream, addr)) => {
                    ACCEPTED.fetch_add(1, Ordering::Relaxed);
                    let _ = stream.set_nodelay(true);
                    return (
                        FakeConn {
                            stream,
                            killed: Arc::new(AtomicBool::new(false)),
                        },
                        addr,
                    );
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(5)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

impl Connected<IncomingStream<'_, FakeListener>> for ConnHandle {
    fn connect_info(stream: IncomingStream<'_, FakeListener>) -> Self {
        ConnHandle {
            killed: stream.io().killed.clone(),
        }
    }
}

fn killed_error() -> io::Error {
    io::Error::new(
        io::ErrorKind::ConnectionAborted,
        "connection dropped by fault injection",
    )
}

impl AsyncRead for FakeConn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.killed.load(Ordering::SeqCst) {
            return Poll::Ready(Err(killed_error()));
        }
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for FakeConn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.killed.load(Ordering::SeqCst) {
            return Poll::Ready(Err(killed_error()));
        }
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        if self.killed.load(Ordering::SeqCst) {
            return Poll::Ready(Err(killed_error()));
        }
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.killed.load(Ordering::SeqCst) {
            return Poll::Ready(Err(killed_error()));
        }
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
