//! One outbox row → the Bot API calls it takes (a message in pieces, an
//! edit or a new message, a photo, an album, the export's upload, a
//! deletion, a button's answer), and how Telegram's answers read as
//! [`Failure`]s the delivery loop in `mod.rs` acts on.

use std::sync::Arc;
use std::time::Duration;

use teloxide::Bot;
use teloxide::payloads::{AnswerCallbackQuerySetters, EditMessageTextSetters, SendMessageSetters};
use teloxide::payloads::{SendDocumentSetters, SendPhotoSetters};
use teloxide::prelude::Requester;
use teloxide::types::{
    ButtonRequest, CallbackQueryId, ChatId, FileId, ForceReply, InlineKeyboardButton,
    InlineKeyboardMarkup, InputFile, InputMedia, InputMediaPhoto, KeyboardButton, KeyboardMarkup,
    MessageId, ParseMode, ReplyMarkup,
};
use teloxide::{ApiError, RequestError};

use crate::app::App;
use crate::html;
use crate::outcome::{Attachment, Button, ButtonLink, Keyboard, OutMessage, SentCopy, SentKind};

use super::super::api;
use super::super::limits::Limiter;

use crate::html::MAX_TEXT;
/// Telegram's limit on a photo caption.
const MAX_CAPTION: usize = 1024;

/// How a failed call is handled.
pub(super) enum Failure {
    /// Try again after a backoff (5xx, network).
    Retry,
    /// Telegram answered 429: nothing goes for this long, then try again.
    Flood(Duration),
    /// The user blocked the bot or is gone: stop sending to them.
    Blocked,
    /// The edited message is gone or cannot be edited: send a new one.
    EditFailed,
    /// Telegram refused the message itself (400): drop it.
    Refused(String),
    /// The group was upgraded to a supergroup with this id.
    Migrated(i64),
}

/// What a delivery sends through: the bot, and the limits it keeps.
pub(super) struct Api {
    pub(super) bot: Bot,
    pub(super) limits: Arc<Limiter>,
}

/// What of a row Telegram already has: the pieces of a long message or
/// album chunks sent (a retry goes on from the first one it does not), and
/// the messages they became.
#[derive(Default)]
pub(super) struct Progress {
    done: usize,
    pub(super) sent: Vec<SentCopy>,
}

impl Progress {
    fn sent(&mut self, chat: ChatId, message_id: i32, kind: SentKind) {
        self.sent.push(SentCopy {
            chat: chat.0,
            message_id,
            kind,
        });
    }
}

/// Deletes a message; one already gone, or too old to delete, is logged.
pub(super) async fn delete_message(api: &Api, chat: i64, message_id: i32) -> Result<(), Failure> {
    let request = api.bot.delete_message(ChatId(chat), MessageId(message_id));
    match api::call_as::<_, api::Ignored>(&api.bot, request)
        .await
        .map_err(classify)
    {
        Ok(_) => Ok(()),
        Err(Failure::Refused(reason)) => {
            tracing::warn!(chat, message_id, reason, "a message could not be deleted");
            Ok(())
        }
        Err(other) => Err(other),
    }
}

pub(super) async fn answer_callback(api: &Api, id: &str, text: &str) -> Result<(), Failure> {
    let mut request = api
        .bot
        .answer_callback_query(CallbackQueryId(id.to_string()));
    if !text.is_empty() {
        request = request.text(html::to_plain(text));
    }
    match api::call_as::<_, api::Ignored>(&api.bot, request).await {
        Ok(_) => Ok(()),
        // An old query (the bot was down) cannot be answered any more.
        Err(RequestError::Api(ApiError::InvalidQueryId)) => Ok(()),
        Err(e) => Err(classify(e)),
    }
}

pub(super) async fn send_message(
    app: &App,
    api: &Api,
    m: &OutMessage,
    edit_failed: bool,
    progress: &mut Progress,
) -> Result<(), Failure> {
    let chat = ChatId(m.chat);
    if let (Some(id), false) = (m.edit, edit_failed) {
        if html::visible_len(&m.text) <= MAX_TEXT {
            let mut request = api
                .bot
                .edit_message_text(chat, MessageId(id), m.text.clone())
                .parse_mode(ParseMode::Html);
            if let Keyboard::Inline(rows) = &m.keyboard {
                request = request.reply_markup(inline(rows));
            }
            return match api::call_as::<_, api::Ignored>(&api.bot, request).await {
                Ok(_) => Ok(()),
                Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
                Err(RequestError::Api(
                    ApiError::MessageToEditNotFound | ApiError::MessageCantBeEdited,
                )) => Err(Failure::EditFailed),
                Err(e) => Err(classify(e)),
            };
        }
    }
    if !m.media.is_empty() {
        return send_album(api, chat, m, progress).await;
    }
    if m.attachment == Some(Attachment::Export) {
        return send_export(app, api, chat, progress).await;
    }
    send_pieces(api, chat, m, progress).await?;
    if m.attachment == Some(Attachment::DigestChart) {
        // The digest's text, then its chart (once: `done` counts it).
        let pieces = html::split(&m.text, MAX_TEXT).len();
        if progress.done == pieces {
            send_chart(app, api, chat, progress).await?;
            progress.done += 1;
        }
    }
    Ok(())
}

/// A message's text, in pieces of Telegram's length, the keyboard on the
/// last; pieces sent before a retry are skipped.
async fn send_pieces(
    api: &Api,
    chat: ChatId,
    m: &OutMessage,
    progress: &mut Progress,
) -> Result<(), Failure> {
    let pieces = html::split(&m.text, MAX_TEXT);
    let last = pieces.len().saturating_sub(1);
    for (i, piece) in pieces.into_iter().enumerate().skip(progress.done) {
        api.limits.message(chat.0).await;
        let mut request = api
            .bot
            .send_message(chat, piece)
            .parse_mode(ParseMode::Html);
        if i == last {
            match &m.keyboard {
                Keyboard::Inline(rows) => request = request.reply_markup(inline(rows)),
                Keyboard::RequestContact { label } => {
                    let button = KeyboardButton::new(label.clone()).request(ButtonRequest::Contact);
                    request = request.reply_markup(ReplyMarkup::Keyboard(
                        KeyboardMarkup::new(vec![vec![button]])
                            .one_time_keyboard()
                            .resize_keyboard(),
                    ));
                }
                Keyboard::ForceReply { placeholder } => {
                    request = request.reply_markup(ReplyMarkup::ForceReply(
                        ForceReply::new()
                            .selective()
                            .input_field_placeholder(Some(placeholder.clone())),
                    ));
                }
                Keyboard::None => {}
            }
        }
        let sent: api::Sent = api::call_as(&api.bot, request).await.map_err(classify)?;
        progress.sent(chat, sent.message_id, SentKind::Text);
        progress.done += 1;
    }
    Ok(())
}

/// A text message without media or attachment (the rest of an album's
/// caption).
async fn send_text(api: &Api, m: &OutMessage, progress: &mut Progress) -> Result<(), Failure> {
    for piece in html::split(&m.text, MAX_TEXT) {
        api.limits.message(m.chat).await;
        let request = api
            .bot
            .send_message(ChatId(m.chat), piece)
            .parse_mode(ParseMode::Html);
        let sent: api::Sent = api::call_as(&api.bot, request).await.map_err(classify)?;
        progress.sent(ChatId(m.chat), sent.message_id, SentKind::Text);
    }
    Ok(())
}

/// The spreadsheet export as a document, built now from the store.
/// The digest's weekly chart, drawn now from the desk's ticket index.
async fn send_chart(
    app: &App,
    api: &Api,
    chat: ChatId,
    progress: &mut Progress,
) -> Result<(), Failure> {
    let caption = app
        .content
        .i18n
        .msg(app.config.staff.language, crate::i18n::ids::DIGEST_CHART);
    let caption = caption.as_str();
    let png = tokio::task::block_in_place(|| {
        let facets = app
            .store
            .facets()
            .map_err(|e| Failure::Refused(e.to_string()))?;
        let report = crate::reports::gather(facets.values(), jiff::Timestamp::now());
        let lang = app.config.staff.language;
        let kind = |d: &str| html::to_plain(&app.content.dialog_title(lang, d));
        let kinds = [kind("product"), kind("mentoring"), kind("question")];
        let title = html::to_plain(caption);
        let week_label = |d: jiff::civil::Date| format!("{}/{}", d.day(), d.month());
        let text = crate::reports::ChartText {
            title: &title,
            kinds: [&kinds[0], &kinds[1], &kinds[2]],
            week_label: &week_label,
        };
        Ok::<_, Failure>(crate::reports::weekly_png(&report, &text))
    })?;
    if png.is_empty() {
        return Err(Failure::Refused("the chart could not be drawn".into()));
    }
    api.limits.message(chat.0).await;
    let message = api
        .bot
        .send_photo(chat, InputFile::memory(png).file_name("opop-weekly.png"))
        .caption(caption.to_string())
        .parse_mode(ParseMode::Html)
        .await
        .map_err(classify)?;
    progress.sent(chat, message.id.0, SentKind::Media);
    Ok(())
}

async fn send_export(
    app: &App,
    api: &Api,
    chat: ChatId,
    progress: &mut Progress,
) -> Result<(), Failure> {
    // Building a large workbook takes a while: off the async threads.
    let (bytes, caption) = tokio::task::block_in_place(|| {
        let lang = app.config.staff.language;
        let sheets = crate::export::sheets(&app.store, &app.content, lang, None)
            .map_err(|e| Failure::Refused(e.to_string()))?;
        let count = |name: &str| {
            sheets
                .iter()
                .find(|s| s.name == name)
                .map_or(0, |s| s.rows.len() as i64)
        };
        let caption = app.content.i18n.fmt(
            lang,
            crate::i18n::ids::EXPORT_CAPTION,
            crate::i18n::Args::new()
                .num("pesantren", count("Pesantren"))
                .num("products", count("Produk"))
                .num("mentoring", count("Pendampingan"))
                .num("questions", count("Pertanyaan")),
        );
        let bytes = crate::export::xlsx(&sheets).map_err(|e| Failure::Refused(e.to_string()))?;
        Ok::<_, Failure>((bytes, caption))
    })?;
    let name = crate::export::file_name(jiff::Timestamp::now(), "xlsx");
    api.limits.message(chat.0).await;
    let message = api
        .bot
        .send_document(chat, InputFile::memory(bytes).file_name(name))
        .caption(caption)
        .parse_mode(ParseMode::Html)
        .await
        .map_err(classify)?;
    progress.sent(chat, message.id.0, SentKind::Document);
    Ok(())
}

/// Photos as one album (or one photo), the text as the first caption; a
/// text too long for a caption follows as its own message.
async fn send_album(
    api: &Api,
    chat: ChatId,
    m: &OutMessage,
    progress: &mut Progress,
) -> Result<(), Failure> {
    let fits = html::visible_len(&m.text) <= MAX_CAPTION;
    let caption = if fits { m.text.clone() } else { String::new() };
    let chunks: Vec<&[String]> = m.media.chunks(10).collect();
    if progress.done >= chunks.len() + usize::from(!fits) {
        return Ok(());
    }
    if progress.done >= chunks.len() {
        // Only the long caption's text is left.
    } else if let [photo] = m.media.as_slice() {
        api.limits.message(chat.0).await;
        let mut request = api
            .bot
            .send_photo(chat, InputFile::file_id(FileId(photo.clone())));
        if !caption.is_empty() {
            request = request.caption(caption).parse_mode(ParseMode::Html);
        }
        if let (Keyboard::Inline(rows), true) = (&m.keyboard, fits) {
            request = request.reply_markup(inline(rows));
        }
        let sent: api::Sent = api::call_as(&api.bot, request).await.map_err(classify)?;
        progress.sent(chat, sent.message_id, SentKind::Media);
        progress.done += 1;
    } else {
        // Telegram takes 2 to 10 photos per album.
        for (i, chunk) in chunks.iter().enumerate().skip(progress.done) {
            let items = chunk.iter().enumerate().map(|(j, id)| {
                let mut photo = InputMediaPhoto::new(InputFile::file_id(FileId(id.clone())));
                if i == 0 && j == 0 && !caption.is_empty() {
                    photo = photo.caption(caption.clone()).parse_mode(ParseMode::Html);
                }
                InputMedia::Photo(photo)
            });
            api.limits.message(chat.0).await;
            let request = api.bot.send_media_group(chat, items.collect::<Vec<_>>());
            let sent: Vec<api::Sent> = api::call_as(&api.bot, request).await.map_err(classify)?;
            for message in &sent {
                progress.sent(chat, message.message_id, SentKind::Media);
            }
            progress.done += 1;
        }
    }
    if !fits {
        let text = OutMessage {
            media: Vec::new(),
            ..m.clone()
        };
        Box::pin(send_text(api, &text, progress)).await?;
        progress.done += 1;
    }
    Ok(())
}

fn inline(rows: &[Vec<Button>]) -> InlineKeyboardMarkup {
    InlineKeyboardMarkup::new(rows.iter().map(|row| {
        row.iter()
            // Labels come from the locales, written as HTML ("&amp;").
            .map(|b| {
                let label = html::to_plain(&b.label);
                let url = |u: &str| u.parse::<reqwest::Url>().ok();
                match &b.link {
                    Some(ButtonLink::Url(u)) if let Some(u) = url(u) => {
                        InlineKeyboardButton::url(label, u)
                    }
                    Some(ButtonLink::WebApp(u)) if let Some(u) = url(u) => {
                        InlineKeyboardButton::web_app(label, teloxide::types::WebAppInfo { url: u })
                    }
                    _ => InlineKeyboardButton::callback(label, b.data.clone()),
                }
            })
            .collect::<Vec<_>>()
    }))
}

fn classify(e: RequestError) -> Failure {
    match e {
        RequestError::RetryAfter(s) => Failure::Flood(s.duration().max(Duration::from_millis(100))),
        RequestError::Network(_) | RequestError::Io(_) | RequestError::InvalidJson { .. } => {
            Failure::Retry
        }
        RequestError::Api(
            ApiError::BotBlocked
            | ApiError::UserDeactivated
            | ApiError::BotKicked
            | ApiError::BotKickedFromSupergroup,
        ) => Failure::Blocked,
        RequestError::Api(ApiError::Unknown(description)) => {
            // teloxide reports 5xx answers as unknown API errors with the
            // status text; Telegram's own refusals start "Bad Request" or
            // "Forbidden".
            if description.starts_with("Bad Request") {
                Failure::Refused(description)
            } else if description.starts_with("Forbidden") {
                Failure::Blocked
            } else {
                Failure::Retry
            }
        }
        RequestError::Api(other) => Failure::Refused(other.to_string()),
        RequestError::MigrateToChatId(to) => Failure::Migrated(to.0),
    }
}
