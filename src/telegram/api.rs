//! Bot API calls with the bot's own HTTP client, answers read at once.
//!
//! teloxide pauses 10 s before it reads any 5xx answer
//! (`DELAY_ON_SERVER_ERROR` in teloxide-core), on top of the sender's own
//! backoff: after three 429s and two 500s a manager's reply took 26 s. The
//! calls the bot makes all the time (getUpdates, sendMessage,
//! editMessageText, answerCallbackQuery, sendPhoto and sendMediaGroup with
//! file ids) are built with teloxide's payloads and types as before, sent
//! here as JSON, and their answers turned into teloxide's `RequestError`s
//! the same way, so the sender's retry policy (1 s, 2 s, … capped; a 429's
//! `retry_after`) is the only wait. Uploads (the /ekspor workbook) still go
//! through teloxide.

use reqwest::header::{CONTENT_TYPE, HeaderValue};
use serde::Deserialize;
use serde::Serialize;
use serde::de::DeserializeOwned;
use teloxide::requests::{HasPayload, Payload};
use teloxide::types::ResponseParameters;
use teloxide::{ApiError, Bot, RequestError};

/// Telegram's answer envelope.
#[derive(Deserialize)]
struct Answer<R> {
    ok: bool,
    result: Option<R>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    parameters: Option<ResponseParameters>,
}

/// What the bot reads of a message Telegram sent: its id. The rest of
/// the answer is skipped, not parsed into teloxide's `Message` (at 1,000
/// managers that parsing was 5 % of the bot's CPU).
#[derive(Debug, Deserialize)]
pub struct Sent {
    pub message_id: i32,
}

/// An answer whose result the bot does not read (edits, deletions,
/// button answers): only success or the error counts.
pub type Ignored = serde::de::IgnoredAny;

/// Sends `request`'s payload as JSON and reads the answer's result as `T`
/// (a [`Sent`], [`Ignored`], or the updates as Telegram wrote them).
pub async fn call_as<R, T>(bot: &Bot, request: R) -> Result<T, RequestError>
where
    R: HasPayload,
    R::Payload: Serialize,
    T: DeserializeOwned,
{
    let mut url = bot.api_url();
    url.path_segments_mut()
        .map_err(|()| RequestError::Io(std::sync::Arc::new(std::io::Error::other("bad API URL"))))?
        .push(&format!("bot{}", bot.token()))
        .push(<R::Payload as Payload>::NAME);
    let body =
        serde_json::to_vec(request.payload_ref()).map_err(|e| RequestError::InvalidJson {
            source: std::sync::Arc::new(e),
            raw: String::new().into(),
        })?;
    let response = bot
        .client()
        .post(url)
        .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
        .body(body)
        .send()
        .await?;
    let text = response.text().await?;
    read_answer(text)
}

fn read_answer<T: DeserializeOwned>(text: String) -> Result<T, RequestError> {
    let answer: Answer<T> = match serde_json::from_str(&text) {
        Ok(a) => a,
        Err(source) => {
            return Err(RequestError::InvalidJson {
                source: std::sync::Arc::new(source),
                raw: text.into(),
            });
        }
    };
    if answer.ok {
        if let Some(result) = answer.result {
            return Ok(result);
        }
    }
    match answer.parameters {
        Some(ResponseParameters::RetryAfter(s)) => Err(RequestError::RetryAfter(s)),
        Some(ResponseParameters::MigrateToChatId(to)) => Err(RequestError::MigrateToChatId(to)),
        None => {
            let description = answer.description.unwrap_or_default();
            let error =
                serde_json::from_value::<ApiError>(serde_json::Value::String(description.clone()))
                    .unwrap_or(ApiError::Unknown(description));
            Err(RequestError::Api(error))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_as_teloxide_reads_them() {
        let ok: Result<bool, _> = read_answer(r#"{"ok":true,"result":true}"#.into());
        assert!(ok.unwrap());
        let blocked: Result<bool, _> = read_answer(
            r#"{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}"#
                .into(),
        );
        assert!(matches!(
            blocked,
            Err(RequestError::Api(ApiError::BotBlocked))
        ));
        let flood: Result<bool, _> = read_answer(
            r#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}"#.into(),
        );
        assert!(matches!(flood, Err(RequestError::RetryAfter(s)) if s.seconds() == 3));
        let moved: Result<bool, _> = read_answer(
            r#"{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001234}}"#.into(),
        );
        assert!(matches!(moved, Err(RequestError::MigrateToChatId(c)) if c.0 == -1001234));
        let server: Result<bool, _> = read_answer(
            r#"{"ok":false,"error_code":500,"description":"Internal Server Error"}"#.into(),
        );
        assert!(
            matches!(server, Err(RequestError::Api(ApiError::Unknown(d))) if d == "Internal Server Error")
        );
        let html: Result<bool, _> = read_answer("<html>502 Bad Gateway</html>".into());
        assert!(matches!(html, Err(RequestError::InvalidJson { .. })));
        let sent: Sent = read_answer(
            r#"{"ok":true,"result":{"message_id":42,"date":1,"chat":{"id":7,"type":"private"},"text":"x"}}"#
                .into(),
        )
        .unwrap();
        assert_eq!(sent.message_id, 42);
        let edited: Result<Ignored, _> = read_answer(r#"{"ok":true,"result":true}"#.into());
        assert!(edited.is_ok());
        let gone: Result<Ignored, _> = read_answer(
            r#"{"ok":false,"error_code":400,"description":"Bad Request: message to edit not found"}"#
                .into(),
        );
        assert!(matches!(
            gone,
            Err(RequestError::Api(ApiError::MessageToEditNotFound))
        ));
    }
}
