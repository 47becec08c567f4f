//! The curation desk: a Telegram Mini App for staff, served by the bot's
//! own HTTP server (axum, on the bot's runtime) — the queue with filters,
//! a ticket with its photos and actions, reports, exports. Off unless
//! `web.listen` and `web.public_url` are set.
//!
//! Owns: who gets in (`auth.rs`: Telegram's launch data, the session
//! cookie, CSRF tokens, one-time login links), the pages (`pages.rs`, every
//! word from the locales), the queue's filters (`queue.rs`), the photo
//! cache (`photos.rs`). Every action goes through `App::handle` as an
//! `EventKind::Desk` event, decided by the staff side on the same path as
//! the group's buttons. Must not: decide anything about tickets, or write
//! to the store but through `App`.

pub mod auth;
mod downloads;
mod handlers;
mod pages;
pub mod photos;
pub mod queue;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post};
use jiff::Timestamp;

use crate::app::App;
use crate::i18n::Lang;
use crate::staff::DeskLinks;

/// The desk's cookie names.
const SESSION_COOKIE: &str = "opop_desk";
const FLASH_COOKIE: &str = "opop_flash";

/// The content security policy: our own scripts and styles only, photos
/// from here, and framing by Telegram's web clients alone.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; base-uri 'none'; \
                   frame-ancestors 'self' https://web.telegram.org https://*.telegram.org";

/// What every request of the desk reads.
pub struct Desk {
    pub app: Arc<App>,
    keys: auth::Keys,
    links: Arc<Links>,
    /// Cookies are `Secure` unless the desk is on a loopback address.
    secure: bool,
    /// Launches (by hash) and login links already used, until they expire.
    used: Mutex<HashMap<String, i64>>,
    photos: crate::store::PhotoCache,
    fetch: Arc<dyn photos::Fetch>,
}

/// The desk's addresses, for the staff side's buttons and /meja.
pub struct Links {
    keys: auth::Keys,
    base: String,
    bot_username: String,
    login_minutes: u32,
}

impl DeskLinks for Links {
    fn desk_url(&self) -> String {
        format!("{}/desk/", self.base)
    }

    fn open_link(&self, ticket: Option<&str>) -> String {
        match ticket {
            Some(t) => format!("https://t.me/{}?startapp={t}", self.bot_username),
            None => format!("https://t.me/{}?startapp", self.bot_username),
        }
    }

    fn login_link(&self, user: i64, now: Timestamp, seed: &str) -> (String, u32) {
        let expires = now.as_second() + i64::from(self.login_minutes) * 60;
        let nonce = auth::nonce(&self.keys, seed);
        let token = auth::login_token(&self.keys, user, expires, &nonce);
        (
            format!("{}/desk/login/{token}", self.base),
            self.login_minutes,
        )
    }
}

impl Desk {
    /// The desk for `app`, if its configuration switches it on.
    pub fn new(
        app: Arc<App>,
        bot_token: &str,
        bot_username: &str,
        fetch: Arc<dyn photos::Fetch>,
    ) -> Option<Desk> {
        let web = &app.config.web;
        let base = web.public_base()?;
        let keys = auth::Keys::new(bot_token);
        let links = Arc::new(Links {
            keys: keys.clone(),
            base: base.clone(),
            bot_username: bot_username.to_string(),
            login_minutes: web.login_link_minutes,
        });
        Some(Desk {
            secure: !crate::config::is_loopback_url(&base),
            photos: crate::store::PhotoCache::new(&app.config.bot.data_dir, web.photo_cache_mb),
            keys,
            links,
            used: Mutex::new(HashMap::new()),
            fetch,
            app,
        })
    }

    pub fn links(&self) -> Arc<Links> {
        Arc::clone(&self.links)
    }

    /// Remembers a launch or login token as used; false if it was.
    fn first_use(&self, key: &str, expires: i64, now: i64) -> bool {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        used.retain(|_, until| *until > now);
        used.insert(key.to_string(), expires).is_none()
    }

    /// The language a staff member reads the desk in.
    fn lang_of(&self, user: i64) -> Lang {
        match self.app.store.user(user) {
            Ok(Some(u)) if u.lang.is_some() || u.language_code.is_some() => u.speaks(),
            _ => self.app.config.staff.language,
        }
    }
}

/// The desk's routes.
pub fn router(desk: Arc<Desk>) -> Router {
    use handlers as h;
    Router::new()
        .route("/desk", get(h::entry))
        .route("/desk/", get(h::entry))
        .route("/desk/session", post(h::session))
        .route("/desk/login/{token}", get(h::login))
        .route("/desk/queue", get(h::queue))
        .route("/desk/bulk", post(h::bulk))
        .route("/desk/ticket/{number}", get(h::ticket).post(h::act))
        .route("/desk/photo/{number}/{index}", get(downloads::photo))
        .route("/desk/reports", get(downloads::reports))
        .route("/desk/export.xlsx", get(downloads::export_xlsx))
        .route("/desk/export.csv", get(downloads::export_csv))
        .route("/desk/changes", get(h::changes))
        .route("/desk/static/desk.css", get(h::css))
        .route("/desk/static/desk.js", get(h::js))
        .fallback(h::not_found)
        .layer(axum::middleware::from_fn(security_headers))
        .with_state(desk)
}

/// Headers on every answer: the CSP, no sniffing, no referrer, and pages
/// never cached (they hold personal data).
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// Serves the desk until `stop` changes.
pub async fn serve(
    desk: Arc<Desk>,
    listener: tokio::net::TcpListener,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let app = router(desk);
    let stopped = async move {
        let _ = stop.changed().await;
    };
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(stopped)
        .await
    {
        tracing::error!(error = %e, "the desk's web server stopped");
    }
}
