//! The desk's routes: signing in, the pages, the actions (each an
//! `EventKind::Desk` event through `App::handle`), photos, exports.
//! Every route but the entry page and signing in checks the session
//! cookie and the person's role (from the configuration, on every
//! request); every form carries the session's CSRF token.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use jiff::Timestamp;
use maud::Markup;

use super::auth::{self, Refused, Session};
use super::pages::{self, Ctx, QueueView, Row, TicketView};
use super::queue::{self, Filter};
use super::{Desk, FLASH_COOKIE, SESSION_COOKIE};
use crate::event::{Delivery, DeskRequest, Event, EventKind};
use crate::i18n::{Lang, MsgId, ids};
use crate::records::{Answer, StaffAction, Ticket, TicketKind, TicketStatus};

pub(super) type D = State<Arc<Desk>>;

/// A refusal page, boxed (responses are large).
pub(super) type Refusal = Box<Response>;

/// The signed-in staff member of a request.
pub(super) struct Who {
    pub(super) session: Session,
    pub(super) lang: Lang,
    name: String,
    flash: Option<String>,
}

pub(super) fn now() -> Timestamp {
    Timestamp::now()
}

pub(super) fn pairs(text: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(text.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn field<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(name)?.strip_prefix('='))
}

impl Desk {
    pub(super) fn ctx<'a>(&'a self, lang: Lang, who: Option<&Who>) -> Ctx<'a> {
        Ctx {
            content: &self.app.content,
            lang,
            user_name: who.map(|w| w.name.clone()),
            changes: self.app.changes(),
            csrf: who.map(|w| w.session.csrf(&self.keys)).unwrap_or_default(),
            flash: who.and_then(|w| w.flash.clone()),
        }
    }

    /// A readable refusal with its status.
    fn refuse(&self, status: StatusCode, lang: Lang, title: MsgId, text: MsgId) -> Response {
        let page = pages::error(&self.ctx(lang, None), title, text);
        (status, page).into_response()
    }

    fn unauthorized(&self) -> Response {
        let lang = self.app.config.staff.language;
        self.refuse(
            StatusCode::UNAUTHORIZED,
            lang,
            ids::DESK_ERROR_UNAUTHORIZED,
            ids::DESK_ERROR_UNAUTHORIZED_BODY,
        )
    }

    fn forbidden(&self, lang: Lang) -> Response {
        self.refuse(
            StatusCode::FORBIDDEN,
            lang,
            ids::DESK_ERROR_FORBIDDEN,
            ids::DESK_ERROR_FORBIDDEN_BODY,
        )
    }

    pub(super) fn missing(&self, lang: Lang) -> Response {
        self.refuse(
            StatusCode::NOT_FOUND,
            lang,
            ids::DESK_ERROR_NOT_FOUND,
            ids::DESK_ERROR_NOT_FOUND_BODY,
        )
    }

    pub(super) fn unavailable(&self, lang: Lang) -> Response {
        self.refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            lang,
            ids::DESK_ERROR_UNAVAILABLE,
            ids::DESK_ERROR_UNAVAILABLE_BODY,
        )
    }

    /// The session of the request, for staff only.
    pub(super) fn who(&self, headers: &HeaderMap) -> Result<Who, Refusal> {
        let session = cookie(headers, SESSION_COOKIE)
            .and_then(|c| Session::from_cookie(&self.keys, c, now().as_second()))
            .ok_or_else(|| Box::new(self.unauthorized()))?;
        let lang = self.lang_of(session.user);
        if !self.app.config.role_of(session.user).is_staff() {
            return Err(Box::new(self.forbidden(lang)));
        }
        let name = match (&session.name, self.app.store.user(session.user)) {
            (Some(n), _) => n.clone(),
            (None, Ok(Some(u))) => u.first_name.unwrap_or_else(|| session.user.to_string()),
            _ => session.user.to_string(),
        };
        let flash = cookie(headers, FLASH_COOKIE).map(|f| {
            form_urlencoded::parse(format!("f={f}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default()
        });
        Ok(Who {
            session,
            lang,
            name,
            flash,
        })
    }

    /// A new session cookie for `user` (named `name` by Telegram).
    fn session_cookie(&self, user: i64, name: &str, seed: &str) -> HeaderValue {
        let minutes = i64::from(self.app.config.web.session_minutes);
        let session = Session::new(
            user,
            now().as_second() + minutes * 60,
            &auth::nonce(&self.keys, seed),
        )
        .named(name);
        let secure = if self.secure { "; Secure" } else { "" };
        let value = format!(
            "{SESSION_COOKIE}={}; Path=/desk; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
            session.cookie(&self.keys),
            minutes * 60
        );
        HeaderValue::from_str(&value).expect("a cookie of plain characters")
    }

    /// A page, and the flash message cleared once shown.
    pub(super) fn page(&self, who: &Who, markup: Markup) -> Response {
        let mut response = markup.into_response();
        if who.flash.is_some() {
            response.headers_mut().append(
                header::SET_COOKIE,
                HeaderValue::from_static("opop_flash=; Path=/desk; Max-Age=0; SameSite=Strict"),
            );
        }
        response
    }
}

/// A redirect that leaves a message for the next page.
fn redirect_with(to: &str, flash: &str) -> Response {
    let text = crate::html::to_plain(flash);
    let encoded: String = form_urlencoded::byte_serialize(text.as_bytes()).collect();
    let mut response = Redirect::to(to).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "{FLASH_COOKIE}={encoded}; Path=/desk; HttpOnly; SameSite=Strict; Max-Age=60"
    )) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

// ----- signing in ---------------------------------------------------------

/// The page Telegram opens (its launch data is in the fragment, which only
/// the page's script sees); someone signed in already goes on to the queue
/// when there is no launch data.
pub async fn entry(State(desk): D, headers: HeaderMap) -> Response {
    let signed_in = desk.who(&headers).ok();
    let lang = signed_in
        .as_ref()
        .map_or(desk.app.config.staff.language, |w| w.lang);
    pages::entry(&desk.ctx(lang, None), signed_in.is_some()).into_response()
}

/// The launch data of a Mini App, exchanged for a session.
pub async fn session(State(desk): D, headers: HeaderMap, body: String) -> Response {
    let form = pairs(&body);
    let init = field(&form, "init_data").unwrap_or_default();
    let web = &desk.app.config.web;
    let at = now().as_second();
    let lang = desk.app.config.staff.language;
    let launch =
        match auth::check_launch(&desk.keys, init, at, i64::from(web.init_data_minutes) * 60) {
            Ok(l) => l,
            Err(Refused::Expired) => {
                return desk.refuse(
                    StatusCode::UNAUTHORIZED,
                    lang,
                    ids::DESK_ERROR_EXPIRED,
                    ids::DESK_ERROR_EXPIRED_BODY,
                );
            }
            Err(_) => {
                return desk.refuse(
                    StatusCode::UNAUTHORIZED,
                    lang,
                    ids::DESK_ERROR_TAMPERED,
                    ids::DESK_ERROR_TAMPERED_BODY,
                );
            }
        };
    if !desk.app.config.role_of(launch.user).is_staff() {
        return desk.forbidden(desk.lang_of(launch.user));
    }
    let signed_in = desk
        .who(&headers)
        .is_ok_and(|w| w.session.user == launch.user);
    let expires = launch.auth_date + i64::from(web.init_data_minutes) * 60;
    if !signed_in && !desk.first_use(&format!("launch:{}", launch.hash), expires, at) {
        return desk.refuse(
            StatusCode::UNAUTHORIZED,
            lang,
            ids::DESK_ERROR_EXPIRED,
            ids::DESK_ERROR_EXPIRED_BODY,
        );
    }
    let next = match launch
        .start_param
        .as_deref()
        .and_then(crate::staff::find_ticket_number)
    {
        Some(number) => format!("/desk/ticket/{number}"),
        None => "/desk/queue".to_string(),
    };
    let mut response = axum::Json(serde_json::json!({ "next": next })).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        desk.session_cookie(launch.user, &launch.first_name, &launch.hash),
    );
    response
}

/// A one-time login link from /meja.
pub async fn login(State(desk): D, Path(token): Path<String>) -> Response {
    let at = now().as_second();
    let lang = desk.app.config.staff.language;
    let Some((user, expires)) = auth::check_login_token(&desk.keys, &token, at) else {
        return desk.refuse(
            StatusCode::UNAUTHORIZED,
            lang,
            ids::DESK_ERROR_EXPIRED,
            ids::DESK_ERROR_EXPIRED_BODY,
        );
    };
    if !desk.first_use(&format!("login:{token}"), expires, at) {
        return desk.refuse(
            StatusCode::UNAUTHORIZED,
            lang,
            ids::DESK_ERROR_EXPIRED,
            ids::DESK_ERROR_EXPIRED_BODY,
        );
    }
    if !desk.app.config.role_of(user).is_staff() {
        return desk.forbidden(desk.lang_of(user));
    }
    let mut response = Redirect::to("/desk/queue").into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, desk.session_cookie(user, "", &token));
    response
}

// ----- the queue ----------------------------------------------------------

/// The filter's page of the queue.
pub(super) fn select(desk: &Desk, filter: &Filter, me: i64) -> Result<queue::Page, ()> {
    let facets = desk.app.store.facets().map_err(|e| {
        tracing::error!(error = %e, "the desk cannot read its index");
    })?;
    let store = &desk.app.store;
    let mut names: HashMap<i64, String> = HashMap::new();
    let mut search = |f: &crate::store::Facet, text: &str| {
        let text = text.to_lowercase();
        let compact: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
        let number: String = f
            .number
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if !compact.is_empty() && number.contains(&compact) {
            return true;
        }
        let Ok(Some(t)) = store.ticket(&f.number) else {
            return false;
        };
        if t.title().to_lowercase().contains(&text) {
            return true;
        }
        let name = names.entry(t.user).or_insert_with(|| {
            store
                .profile(t.user)
                .ok()
                .flatten()
                .and_then(|p| p.text("name").map(str::to_lowercase))
                .unwrap_or_default()
        });
        name.contains(&text)
    };
    Ok(queue::select(&facets, filter, me, now(), &mut search))
}

pub async fn queue(State(desk): D, headers: HeaderMap, RawQuery(q): RawQuery) -> Response {
    let who = match desk.who(&headers) {
        Ok(w) => w,
        Err(r) => return *r,
    };
    let filter = Filter::parse(&pairs(q.as_deref().unwrap_or("")));
    let Ok(page) = select(&desk, &filter, who.session.user) else {
        return desk.unavailable(who.lang);
    };
    let store = &desk.app.store;
    let rows = page
        .facets
        .iter()
        .map(|f| {
            let ticket = store.ticket(&f.number).ok().flatten();
            let pesantren = ticket.as_ref().and_then(|t| {
                store
                    .profile(t.user)
                    .ok()
                    .flatten()
                    .and_then(|p| p.text("name").map(str::to_string))
            });
            Row {
                facet: f.clone(),
                title: ticket.map(|t| t.title()).unwrap_or_default(),
                pesantren,
            }
        })
        .collect();
    let content = &desk.app.content;
    let categories = content
        .step("product", "category")
        .map(|step| {
            step.input
                .options()
                .iter()
                .map(|c| {
                    (
                        c.value.clone(),
                        content.i18n.text(who.lang, &c.label, Default::default()),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let view = QueueView {
        filter: &filter,
        page: &page,
        rows,
        regions: content.regions.names().map(str::to_string).collect(),
        categories,
        now: now(),
    };
    desk.page(&who, pages::queue(&desk.ctx(who.lang, Some(&who)), &view))
}

// ----- a ticket -----------------------------------------------------------

pub(super) fn photos_of(ticket: &Ticket) -> Vec<String> {
    ticket
        .answers
        .values()
        .filter_map(|a| match a {
            Answer::Photos(p) => Some(p.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

pub async fn ticket(State(desk): D, headers: HeaderMap, Path(number): Path<String>) -> Response {
    let who = match desk.who(&headers) {
        Ok(w) => w,
        Err(r) => return *r,
    };
    let Ok(Some(ticket)) = desk.app.store.ticket(&number) else {
        return desk.missing(who.lang);
    };
    let content = &desk.app.content;
    let answers = crate::content::answer_lines(content, who.lang, &ticket.dialog, &ticket.answers);
    let profile = desk
        .app
        .store
        .profile(ticket.user)
        .ok()
        .flatten()
        .map(|p| crate::content::answer_lines(content, who.lang, "register", &p.answers));
    let offered = StaffAction::offered(ticket.kind(), ticket.status);
    let can_answer = ticket.kind() == Some(TicketKind::Question)
        && ticket.status != TicketStatus::Cancelled
        && ticket.erased_at.is_none();
    let view = TicketView {
        ticket: &ticket,
        answers,
        profile,
        photos: photos_of(&ticket).len(),
        offered,
        can_answer,
    };
    desk.page(&who, pages::ticket(&desk.ctx(who.lang, Some(&who)), &view))
}

/// Runs one desk action through the app; the verdict's text.
async fn run_action(desk: &Arc<Desk>, who: &Who, request: DeskRequest) -> Option<String> {
    let app = Arc::clone(&desk.app);
    let user = who.session.user;
    let first_name = Some(who.name.clone());
    let handled = tokio::task::spawn_blocking(move || {
        let event = Event {
            user,
            chat: user,
            language_code: None,
            first_name,
            kind: EventKind::Desk(request),
            now: now(),
            reply_to: None,
            formatted: None,
        };
        app.handle(&Delivery::new(event))
    })
    .await;
    match handled {
        Ok(Ok(h)) => h.outcome.toast,
        Ok(Err(e)) => {
            tracing::error!(error = %e, "a desk action could not be written");
            None
        }
        Err(e) => {
            tracing::error!(error = %e, "a desk action failed");
            None
        }
    }
}

/// Whether a form carries this session's CSRF token; a refusal if not.
fn csrf(desk: &Desk, who: &Who, form: &[(String, String)]) -> Result<(), Refusal> {
    match field(form, "csrf") {
        Some(token) if who.session.csrf_ok(&desk.keys, token) => Ok(()),
        _ => Err(Box::new(desk.refuse(
            StatusCode::FORBIDDEN,
            who.lang,
            ids::DESK_ERROR_CSRF,
            ids::DESK_ERROR_CSRF_BODY,
        ))),
    }
}

pub async fn act(
    State(desk): D,
    headers: HeaderMap,
    Path(number): Path<String>,
    body: String,
) -> Response {
    let who = match desk.who(&headers) {
        Ok(w) => w,
        Err(r) => return *r,
    };
    let form = pairs(&body);
    if let Err(r) = csrf(&desk, &who, &form) {
        return *r;
    }
    let request = DeskRequest {
        ticket: number.clone(),
        action: field(&form, "action").unwrap_or_default().to_string(),
        note: field(&form, "note").map(str::to_string),
        version: field(&form, "version")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0),
    };
    let said = run_action(&desk, &who, request).await;
    let text = said.unwrap_or_else(|| {
        desk.app
            .content
            .i18n
            .msg(who.lang, ids::DESK_ERROR_UNAVAILABLE_BODY)
    });
    redirect_with(&format!("/desk/ticket/{number}"), &text)
}

/// Several tickets at once: take or approve, each with the version shown.
pub async fn bulk(State(desk): D, headers: HeaderMap, body: String) -> Response {
    let who = match desk.who(&headers) {
        Ok(w) => w,
        Err(r) => return *r,
    };
    let form = pairs(&body);
    if let Err(r) = csrf(&desk, &who, &form) {
        return *r;
    }
    let back = format!("/desk/queue?{}", field(&form, "back").unwrap_or_default());
    let action = field(&form, "action").unwrap_or_default().to_string();
    let numbers: Vec<String> = form
        .iter()
        .filter(|(k, _)| k == "n")
        .map(|(_, v)| v.clone())
        .take(queue::PAGE)
        .collect();
    if numbers.is_empty() {
        let text = desk.app.content.i18n.msg(who.lang, ids::DESK_BULK_NONE);
        return redirect_with(&back, &text);
    }
    let mut said = Vec::new();
    for number in numbers {
        let version = field(&form, &format!("v_{number}"))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let request = DeskRequest {
            ticket: number.clone(),
            action: action.clone(),
            note: None,
            version,
        };
        if let Some(text) = run_action(&desk, &who, request).await {
            let text = crate::html::to_plain(&text);
            if text.contains(&number) {
                said.push(text);
            } else {
                said.push(format!("{number}: {text}"));
            }
        }
    }
    redirect_with(&back, &said.join(" · "))
}

pub async fn changes(State(desk): D, headers: HeaderMap) -> Response {
    if let Err(r) = desk.who(&headers) {
        return *r;
    }
    desk.app.changes().to_string().into_response()
}

pub async fn css() -> Response {
    static_file("text/css; charset=utf-8", include_str!("assets/desk.css"))
}

pub async fn js() -> Response {
    static_file(
        "text/javascript; charset=utf-8",
        include_str!("assets/desk.js"),
    )
}

fn static_file(mime: &'static str, text: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        text,
    )
        .into_response()
}

pub async fn not_found(State(desk): D) -> Response {
    desk.missing(desk.app.config.staff.language)
}
