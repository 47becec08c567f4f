//! Admin broadcasts: `/siaran` composes one (content → audience → preview
//! → send now, schedule or cancel), a durable job with a per-recipient
//! ledger delivers it through the sender at the lowest priority, and the
//! admin's preview turns into a live progress line and a final report.
//!
//! Owns: audiences, the compose conversation ([`handle`], which like the
//! dialog engine reads and returns an `Outcome`), the recipient's message
//! ([`render`]), and the [`pump`] that starts due jobs, feeds a small
//! window of deliveries into the outbox, edits the progress line at most
//! every 5 s and reports the end. Must not: call Telegram (the sender
//! does), or let a recipient receive a job twice: a delivery that was on
//! its way when the process stopped is marked interrupted, not resent.

mod job;

pub use job::{
    Announcement, Audience, Counts, DeliveryRef, DeliveryStatus, Job, JobState, LedgerEntry,
};

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::content::Content;
use crate::dialog::{
    Answer, Button, Effect, Event, EventKind, Keyboard, OutMessage, Outcome, Role, Session,
    display_answer,
};
use crate::html;
use crate::i18n::{Args, Lang, MsgId, ids};
use crate::store::{Priority, Store, StoreError};

/// Commands that start or list broadcasts.
pub const COMMANDS: &[&str] = &["siaran", "broadcast", "siaran_status", "broadcast_status"];

/// Deliveries in the outbox at once. Small, so that conversation replies
/// never wait long behind a broadcast in the sender's queue, and so that a
/// crash leaves at most this many recipients "interrupted".
pub const WINDOW: usize = 15;
/// The progress line is edited at most this often.
pub const PROGRESS_EVERY: SignedDuration = SignedDuration::from_secs(5);
/// A scheduled job started later than this after its time says so.
const LATE_AFTER: SignedDuration = SignedDuration::from_secs(60);
/// Telegram's limits on a text and on a caption.
const MAX_TEXT: usize = 4096;
const MAX_CAPTION: usize = 1024;

/// A broadcast being composed, kept in the admin's session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub stage: Stage,
    #[serde(default)]
    pub announcement: Option<Announcement>,
    #[serde(default)]
    pub audience: Option<Audience>,
    /// Options ticked so far in a multi-select (region, pillar, category).
    #[serde(default)]
    pub picked: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Waiting for the text or photo.
    Content,
    /// The audience menu is shown.
    Audience,
    Pick(PickKind),
    /// Preview shown; send, schedule, add English, or cancel.
    Preview,
    /// Waiting for the English version.
    English,
    /// Waiting for a date and time.
    Schedule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PickKind {
    Region,
    Pillar,
    Category,
}

/// What the broadcast side reads.
pub struct Ctx<'a> {
    pub content: &'a Content,
    pub config: &'a Config,
    pub store: &'a Store,
}

/// Whether an event belongs to the broadcast conversation.
pub fn routes(event: &Event, session: &Session) -> bool {
    match &event.kind {
        EventKind::Button { data, .. } => data.starts_with("b:"),
        EventKind::Command { name, .. } => {
            COMMANDS.contains(&name.as_str())
                || (session.broadcast.is_some() && matches!(name.as_str(), "batal" | "cancel"))
        }
        EventKind::Text(_) | EventKind::Photos(_) => session
            .broadcast
            .as_ref()
            .is_some_and(|d| matches!(d.stage, Stage::Content | Stage::English | Stage::Schedule)),
        _ => false,
    }
}

/// The message one recipient gets, in their language.
pub fn render(content: &Content, announcement: &Announcement, chat: i64, lang: Lang) -> OutMessage {
    let header = content.i18n.msg(lang, ids::BROADCAST_HEADER);
    let text = format!("{header}\n\n{}", announcement.text_for(lang));
    OutMessage {
        media: announcement.photo.iter().cloned().collect(),
        ..OutMessage::new(chat, text)
    }
}

/// A user's language as the bot speaks to them.
fn lang_of(user: &crate::store::UserRecord) -> Lang {
    user.lang
        .unwrap_or_else(|| Lang::negotiate(user.language_code.as_deref()))
}

/// The audience's recipients now, with their languages: active users only.
pub fn recipients(store: &Store, audience: &Audience) -> Result<Vec<(i64, Lang)>, StoreError> {
    let mut out = Vec::new();
    for user in store.users() {
        let user = user?;
        if !user.active || user.id <= 0 {
            continue;
        }
        let lang = lang_of(&user);
        let wanted = match audience {
            Audience::All => true,
            Audience::Language(l) => lang == *l,
            Audience::NoProfile => store.profile(user.id)?.is_none(),
            Audience::Regions(regions) => store
                .profile(user.id)?
                .and_then(|p| p.text("region").map(str::to_string))
                .is_some_and(|r| regions.contains(&r)),
            Audience::Pillars(pillars) => store
                .profile(user.id)?
                .and_then(|p| p.text("pillar").map(str::to_string))
                .is_some_and(|p| pillars.contains(&p)),
            Audience::Categories(categories) => store.tickets_of_user(user.id)?.iter().any(|t| {
                t.dialog == "product"
                    && matches!(t.answers.get("category"), Some(Answer::Choice(c)) if categories.contains(c))
            }),
        };
        if wanted {
            out.push((user.id, lang));
        }
    }
    Ok(out)
}

/// Handles one event of the broadcast conversation.
pub fn handle(ctx: &Ctx<'_>, role: Role, session: Session, event: &Event) -> Outcome {
    let lang = ctx.config.staff.language;
    let mut turn = Turn {
        ctx,
        role,
        event,
        lang,
        session,
        effects: Vec::new(),
        toast: None,
    };
    turn.run();
    turn.session.last_active = Some(event.now);
    turn.session.v = Session::VERSION;
    Outcome {
        session: turn.session,
        effects: turn.effects,
        toast: turn.toast,
    }
}

struct Turn<'a, 'c> {
    ctx: &'a Ctx<'c>,
    role: Role,
    event: &'a Event,
    lang: Lang,
    session: Session,
    effects: Vec<Effect>,
    toast: Option<String>,
}

impl Turn<'_, '_> {
    fn t(&self, id: MsgId) -> String {
        self.ctx.content.i18n.msg(self.lang, id)
    }

    fn tf(&self, id: MsgId, args: Args<'_>) -> String {
        self.ctx.content.i18n.fmt(self.lang, id, args)
    }

    fn send(&mut self, text: String, keyboard: Keyboard) {
        self.effects.push(Effect::Send(
            OutMessage::new(self.event.chat, text).with_keyboard(keyboard),
        ));
    }

    fn edit_or_send(&mut self, text: String, keyboard: Keyboard) {
        let edit = match &self.event.kind {
            EventKind::Button { message_id, .. } => *message_id,
            _ => None,
        };
        self.effects.push(Effect::Send(OutMessage {
            edit,
            ..OutMessage::new(self.event.chat, text).with_keyboard(keyboard)
        }));
    }

    fn button(&self, id: MsgId, data: impl Into<String>) -> Button {
        Button {
            label: self.t(id),
            data: data.into(),
        }
    }

    fn run(&mut self) {
        if self.role != Role::Admin {
            match &self.event.kind {
                EventKind::Button { .. } => {
                    self.toast = Some(self.t(ids::BROADCAST_ADMINS_ONLY_TOAST))
                }
                _ => self.send(self.t(ids::BROADCAST_ADMINS_ONLY), Keyboard::None),
            }
            return;
        }
        if self.event.chat < 0 {
            if !matches!(self.event.kind, EventKind::Button { .. }) {
                self.send(self.t(ids::BROADCAST_PRIVATE_ONLY), Keyboard::None);
            }
            return;
        }
        match &self.event.kind {
            EventKind::Command { name, .. } => match name.as_str() {
                "siaran" | "broadcast" => self.start(),
                "siaran_status" | "broadcast_status" => self.status(),
                _ => {
                    self.session.broadcast = None;
                    self.send(self.t(ids::BROADCAST_CANCELLED), Keyboard::None);
                }
            },
            EventKind::Button { data, .. } => {
                let data = data.strip_prefix("b:").unwrap_or_default().to_string();
                self.toast = Some(String::new());
                self.button_press(&data);
            }
            EventKind::Text(text) => {
                let html = self
                    .event
                    .formatted
                    .clone()
                    .unwrap_or_else(|| html::escape(text));
                self.input(Some(text.clone()), html, None);
            }
            EventKind::Photos(photos) => {
                let caption = self.event.formatted.clone().unwrap_or_default();
                self.input(None, caption, photos.first().cloned());
            }
            _ => {}
        }
    }

    fn start(&mut self) {
        self.session.broadcast = Some(Draft {
            stage: Stage::Content,
            announcement: None,
            audience: None,
            picked: Vec::new(),
        });
        self.send(self.t(ids::BROADCAST_ASK_CONTENT), Keyboard::None);
    }

    fn draft(&mut self) -> Option<&mut Draft> {
        self.session.broadcast.as_mut()
    }

    /// Typed text or a photo, for the stage that waits for it.
    fn input(&mut self, plain: Option<String>, html_text: String, photo: Option<String>) {
        let Some(stage) = self.session.broadcast.as_ref().map(|d| d.stage) else {
            return;
        };
        match stage {
            Stage::Content => {
                if let Err(problem) = self.check_content(&html_text, photo.is_some()) {
                    return self.send(problem, Keyboard::None);
                }
                let lang = self.lang;
                let draft = self.draft().expect("draft");
                draft.announcement = Some(Announcement {
                    html: html_text,
                    lang,
                    html_en: None,
                    photo,
                });
                draft.stage = Stage::Audience;
                self.audience_menu(false);
            }
            Stage::English => {
                if photo.is_some() {
                    return self.send(self.t(ids::BROADCAST_ENGLISH_TEXT_ONLY), Keyboard::None);
                }
                let has_photo = self
                    .session
                    .broadcast
                    .as_ref()
                    .and_then(|d| d.announcement.as_ref())
                    .is_some_and(|a| a.photo.is_some());
                if let Err(problem) = self.check_content(&html_text, has_photo) {
                    return self.send(problem, Keyboard::None);
                }
                let draft = self.draft().expect("draft");
                if let Some(a) = draft.announcement.as_mut() {
                    a.html_en = Some(html_text);
                }
                draft.stage = Stage::Preview;
                self.preview();
            }
            Stage::Schedule => {
                let typed = plain.unwrap_or_default();
                match parse_when(&typed, self.event.now) {
                    Some(at) if at > self.event.now => self.schedule(at),
                    Some(_) => self.send(self.t(ids::BROADCAST_SCHEDULE_PAST), Keyboard::None),
                    None => self.send(self.t(ids::BROADCAST_SCHEDULE_INVALID), Keyboard::None),
                }
            }
            _ => {}
        }
    }

    /// The content fits Telegram and is valid HTML.
    fn check_content(&self, html_text: &str, photo: bool) -> Result<(), String> {
        if html::to_plain(html_text).trim().is_empty() && !photo {
            return Err(self.t(ids::BROADCAST_EMPTY));
        }
        if html::validate(html_text).is_err() {
            return Err(self.t(ids::BROADCAST_BAD_FORMAT));
        }
        let header = html::visible_len(&self.t(ids::BROADCAST_HEADER)) + 2;
        let max = if photo { MAX_CAPTION } else { MAX_TEXT };
        let len = html::visible_len(html_text) + header;
        if len > max {
            return Err(self.tf(
                ids::BROADCAST_TOO_LONG,
                Args::new().num("max", (max - header) as i64),
            ));
        }
        Ok(())
    }

    fn audience_menu(&mut self, edit: bool) {
        let rows = vec![
            vec![self.button(ids::BROADCAST_AUDIENCE_ALL, "b:a:all")],
            vec![
                self.button(ids::BROADCAST_AUDIENCE_REGION, "b:a:region"),
                self.button(ids::BROADCAST_AUDIENCE_PILLAR, "b:a:pillar"),
            ],
            vec![
                self.button(ids::BROADCAST_AUDIENCE_CATEGORY, "b:a:category"),
                self.button(ids::BROADCAST_AUDIENCE_LANGUAGE, "b:a:lang"),
            ],
            vec![self.button(ids::BROADCAST_AUDIENCE_NO_PROFILE, "b:a:noprofile")],
            vec![self.button(ids::BUTTON_CANCEL, "b:x")],
        ];
        let text = self.t(ids::BROADCAST_ASK_AUDIENCE);
        if edit {
            self.edit_or_send(text, Keyboard::Inline(rows));
        } else {
            self.send(text, Keyboard::Inline(rows));
        }
    }

    /// The options of a multi-select: (value, label as HTML).
    fn options(&self, kind: PickKind) -> Vec<(String, String)> {
        let i18n = &self.ctx.content.i18n;
        match kind {
            PickKind::Region => self
                .ctx
                .content
                .regions
                .names()
                .map(|n| (n.to_string(), html::escape(n)))
                .collect(),
            PickKind::Pillar | PickKind::Category => {
                let (dialog, step) = match kind {
                    PickKind::Pillar => ("register", "pillar"),
                    _ => ("product", "category"),
                };
                let Some(step) = self.ctx.content.dialog(dialog).and_then(|d| d.step(step)) else {
                    return Vec::new();
                };
                step.input
                    .options()
                    .iter()
                    .map(|o| {
                        (
                            o.value.clone(),
                            display_answer(i18n, self.lang, step, &Answer::Choice(o.value.clone())),
                        )
                    })
                    .collect()
            }
        }
    }

    fn pick_menu(&mut self, kind: PickKind) {
        let picked = self
            .session
            .broadcast
            .as_ref()
            .map(|d| d.picked.clone())
            .unwrap_or_default();
        let options = self.options(kind);
        let columns = if kind == PickKind::Region { 2 } else { 1 };
        let mut rows: Vec<Vec<Button>> = options
            .chunks(columns)
            .enumerate()
            .map(|(r, chunk)| {
                chunk
                    .iter()
                    .enumerate()
                    .map(|(c, (value, label))| {
                        let mark = if picked.contains(value) { "✅ " } else { "" };
                        Button {
                            label: format!("{mark}{}", html::to_plain(label)),
                            data: format!("b:t:{}", r * columns + c),
                        }
                    })
                    .collect()
            })
            .collect();
        rows.push(vec![
            self.button(ids::BUTTON_BACK, "b:aud"),
            self.button(ids::BUTTON_DONE, "b:d"),
        ]);
        let text = self.tf(
            ids::BROADCAST_PICK,
            Args::new().num("count", picked.len() as i64),
        );
        self.edit_or_send(text, Keyboard::Inline(rows));
    }

    fn button_press(&mut self, data: &str) {
        if let Some(id) = data.strip_prefix("c:") {
            return self.cancel_job(id);
        }
        let Some(stage) = self.session.broadcast.as_ref().map(|d| d.stage) else {
            self.toast = Some(self.t(ids::BUTTON_STALE));
            return;
        };
        match (stage, data) {
            (_, "x") => {
                self.session.broadcast = None;
                self.edit_or_send(self.t(ids::BROADCAST_CANCELLED), Keyboard::None);
            }
            (Stage::Audience | Stage::Preview | Stage::Pick(_), "aud") => {
                let draft = self.draft().expect("draft");
                draft.stage = Stage::Audience;
                draft.picked.clear();
                self.audience_menu(true);
            }
            (Stage::Audience, a) if a.starts_with("a:") => match &a[2..] {
                "all" => self.set_audience(Audience::All),
                "noprofile" => self.set_audience(Audience::NoProfile),
                "region" => self.start_pick(PickKind::Region),
                "pillar" => self.start_pick(PickKind::Pillar),
                "category" => self.start_pick(PickKind::Category),
                "lang" => {
                    let rows = vec![
                        vec![
                            self.button(ids::LANGUAGE_ID, "b:l:id"),
                            self.button(ids::LANGUAGE_EN, "b:l:en"),
                        ],
                        vec![self.button(ids::BUTTON_BACK, "b:aud")],
                    ];
                    self.edit_or_send(self.t(ids::BROADCAST_ASK_LANGUAGE), Keyboard::Inline(rows));
                }
                _ => self.toast = Some(self.t(ids::BUTTON_STALE)),
            },
            (Stage::Audience, l) if l.starts_with("l:") => match Lang::from_code(&l[2..]) {
                Some(lang) => self.set_audience(Audience::Language(lang)),
                None => self.toast = Some(self.t(ids::BUTTON_STALE)),
            },
            (Stage::Pick(kind), t) if t.starts_with("t:") => {
                let options = self.options(kind);
                let Some((value, _)) = t[2..].parse::<usize>().ok().and_then(|i| options.get(i))
                else {
                    self.toast = Some(self.t(ids::BUTTON_STALE));
                    return;
                };
                let draft = self.draft().expect("draft");
                if let Some(pos) = draft.picked.iter().position(|p| p == value) {
                    draft.picked.remove(pos);
                } else {
                    draft.picked.push(value.clone());
                }
                self.pick_menu(kind);
            }
            (Stage::Pick(kind), "d") => {
                let picked = self.draft().map(|d| d.picked.clone()).unwrap_or_default();
                if picked.is_empty() {
                    self.toast = Some(self.t(ids::BROADCAST_PICK_ONE));
                    return;
                }
                let options = self.options(kind);
                let picked: Vec<String> = options
                    .iter()
                    .filter(|(v, _)| picked.contains(v))
                    .map(|(v, _)| v.clone())
                    .collect();
                self.set_audience(match kind {
                    PickKind::Region => Audience::Regions(picked),
                    PickKind::Pillar => Audience::Pillars(picked),
                    PickKind::Category => Audience::Categories(picked),
                });
            }
            (Stage::Preview, "go") => self.send_now(),
            (Stage::Preview, "sch") => {
                self.draft().expect("draft").stage = Stage::Schedule;
                self.send(self.t(ids::BROADCAST_ASK_SCHEDULE), Keyboard::None);
            }
            (Stage::Preview, "en") => {
                self.draft().expect("draft").stage = Stage::English;
                self.send(self.t(ids::BROADCAST_ASK_ENGLISH), Keyboard::None);
            }
            _ => self.toast = Some(self.t(ids::BUTTON_STALE)),
        }
    }

    fn start_pick(&mut self, kind: PickKind) {
        let draft = self.draft().expect("draft");
        draft.stage = Stage::Pick(kind);
        draft.picked.clear();
        self.pick_menu(kind);
    }

    fn set_audience(&mut self, audience: Audience) {
        let draft = self.draft().expect("draft");
        draft.audience = Some(audience);
        draft.picked.clear();
        draft.stage = Stage::Preview;
        self.preview();
    }

    /// The announcement exactly as recipients will see it (each language
    /// version), then who gets it and the choices.
    fn preview(&mut self) {
        let Some(draft) = self.session.broadcast.clone() else {
            return;
        };
        let (Some(announcement), Some(audience)) = (draft.announcement, draft.audience) else {
            return;
        };
        self.send(self.t(ids::BROADCAST_PREVIEW_TITLE), Keyboard::None);
        let chat = self.event.chat;
        self.effects.push(Effect::Send(render(
            self.ctx.content,
            &announcement,
            chat,
            announcement.lang,
        )));
        if announcement.html_en.is_some() {
            self.effects.push(Effect::Send(render(
                self.ctx.content,
                &announcement,
                chat,
                Lang::En,
            )));
        }
        let recipients = recipients(self.ctx.store, &audience).unwrap_or_default();
        let en = recipients.iter().filter(|(_, l)| *l == Lang::En).count();
        let text = self.tf(
            ids::BROADCAST_PREVIEW_SUMMARY,
            Args::new()
                .html("audience", describe(self.ctx.content, self.lang, &audience))
                .num("count", recipients.len() as i64)
                .num("en", en as i64)
                .html(
                    "english",
                    if announcement.html_en.is_some() {
                        self.t(ids::BROADCAST_HAS_ENGLISH)
                    } else {
                        self.t(ids::BROADCAST_NO_ENGLISH)
                    },
                ),
        );
        let mut rows = vec![vec![self.button(ids::BROADCAST_SEND_NOW, "b:go")]];
        rows.push(vec![self.button(ids::BROADCAST_SCHEDULE, "b:sch")]);
        if announcement.html_en.is_none() {
            rows.push(vec![self.button(ids::BROADCAST_ADD_ENGLISH, "b:en")]);
        }
        rows.push(vec![
            self.button(ids::BROADCAST_CHANGE_AUDIENCE, "b:aud"),
            self.button(ids::BUTTON_CANCEL, "b:x"),
        ]);
        self.send(text, Keyboard::Inline(rows));
    }

    fn new_job(&self, scheduled_at: Option<Timestamp>, progress: Option<i32>) -> Option<Job> {
        let draft = self.session.broadcast.as_ref()?;
        Some(Job {
            v: Job::VERSION,
            id: 0,
            author: self.event.user,
            author_chat: self.event.chat,
            announcement: draft.announcement.clone()?,
            audience: draft.audience.clone()?,
            created_at: self.event.now,
            scheduled_at,
            state: if scheduled_at.is_some() {
                JobState::Scheduled
            } else {
                JobState::Running
            },
            started_at: None,
            finished_at: None,
            progress_message: progress,
            progress_at: None,
            late: false,
            cancelled_by: None,
        })
    }

    fn send_now(&mut self) {
        let message = match &self.event.kind {
            EventKind::Button { message_id, .. } => *message_id,
            _ => None,
        };
        let Some(job) = self.new_job(None, message) else {
            return;
        };
        // The pump fixes the recipients and turns this message into the
        // progress line within a moment.
        self.effects.push(Effect::CreateBroadcast(job));
        self.session.broadcast = None;
        self.edit_or_send(self.t(ids::BROADCAST_STARTING), Keyboard::None);
    }

    fn schedule(&mut self, at: Timestamp) {
        let Some(job) = self.new_job(Some(at), None) else {
            return;
        };
        self.effects.push(Effect::CreateBroadcast(job));
        self.session.broadcast = None;
        let text = self.tf(
            ids::BROADCAST_SCHEDULED,
            Args::new().str("at", crate::time::format_datetime(at, self.lang)),
        );
        self.send(text, Keyboard::None);
    }

    fn cancel_job(&mut self, id: &str) {
        let Some(job) = id
            .parse()
            .ok()
            .and_then(|id| self.ctx.store.job(id).ok().flatten())
        else {
            self.toast = Some(self.t(ids::BUTTON_STALE));
            return;
        };
        if !matches!(job.state, JobState::Scheduled | JobState::Running) {
            self.toast = Some(self.t(ids::BROADCAST_ALREADY_OVER));
            return;
        }
        self.effects.push(Effect::CancelBroadcast {
            job: job.id,
            by: self.event.user,
        });
        self.toast = Some(self.t(ids::BROADCAST_CANCELLING));
    }

    /// /siaran_status: the jobs, newest first.
    fn status(&mut self) {
        let jobs = self.ctx.store.jobs().unwrap_or_default();
        if jobs.is_empty() {
            return self.send(self.t(ids::BROADCAST_STATUS_EMPTY), Keyboard::None);
        }
        let mut text = self.t(ids::BROADCAST_STATUS_TITLE);
        let mut rows = Vec::new();
        for job in jobs.iter().rev().take(10) {
            let counts = self.ctx.store.ledger_counts(job.id).unwrap_or_default();
            text.push('\n');
            text.push_str(&status_line(self.ctx.content, self.lang, job, &counts));
            if matches!(job.state, JobState::Scheduled | JobState::Running) {
                rows.push(vec![Button {
                    label: self.tf(
                        ids::BROADCAST_CANCEL_JOB,
                        Args::new().num("id", job.id as i64),
                    ),
                    data: format!("b:c:{}", job.id),
                }]);
            }
        }
        let keyboard = if rows.is_empty() {
            Keyboard::None
        } else {
            Keyboard::Inline(rows)
        };
        self.send(text, keyboard);
    }
}

/// "Kabupaten Malang, Kota Batu" and the like (HTML).
pub fn describe(content: &Content, lang: Lang, audience: &Audience) -> String {
    let i18n = &content.i18n;
    let labels = |dialog: &str, step: &str, values: &[String]| -> String {
        let step = content.dialog(dialog).and_then(|d| d.step(step));
        values
            .iter()
            .map(|v| match step {
                Some(s) => display_answer(i18n, lang, s, &Answer::Choice(v.clone())),
                None => html::escape(v),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match audience {
        Audience::All => i18n.msg(lang, ids::BROADCAST_AUDIENCE_ALL),
        Audience::NoProfile => i18n.msg(lang, ids::BROADCAST_AUDIENCE_NO_PROFILE),
        Audience::Language(l) => i18n.msg(
            lang,
            match l {
                Lang::Id => ids::LANGUAGE_ID,
                Lang::En => ids::LANGUAGE_EN,
            },
        ),
        Audience::Regions(r) => r
            .iter()
            .map(|s| html::escape(s))
            .collect::<Vec<_>>()
            .join(", "),
        Audience::Pillars(p) => labels("register", "pillar", p),
        Audience::Categories(c) => labels("product", "category", c),
    }
}

fn status_line(content: &Content, lang: Lang, job: &Job, c: &Counts) -> String {
    let state = match job.state {
        JobState::Scheduled => ids::BROADCAST_STATE_SCHEDULED,
        JobState::Running => ids::BROADCAST_STATE_RUNNING,
        JobState::Done => ids::BROADCAST_STATE_DONE,
        JobState::Cancelled => ids::BROADCAST_STATE_CANCELLED,
    };
    let when = job
        .started_at
        .or(job.scheduled_at)
        .unwrap_or(job.created_at);
    content.i18n.fmt(
        lang,
        ids::BROADCAST_STATUS_LINE,
        Args::new()
            .num("id", job.id as i64)
            .html("state", content.i18n.msg(lang, state))
            .str("when", crate::time::format_datetime(when, lang))
            .html("audience", describe(content, lang, &job.audience))
            .num("sent", c.sent as i64)
            .num("failed", c.failed as i64)
            .num("blocked", c.blocked as i64)
            .num("remaining", c.remaining() as i64)
            .num("total", c.total() as i64),
    )
}

/// "2026-12-01 08:00", "1/12 08.00", "01-12-2026 8:00", "besok 08:00"
/// is not understood: dates are explicit. Read as WIB.
pub fn parse_when(text: &str, now: Timestamp) -> Option<Timestamp> {
    let text = text.trim().to_lowercase().replace('.', ":");
    let (date, time) = text.split_once(char::is_whitespace)?;
    let time = time.trim().trim_end_matches("wib").trim();
    let (h, m) = time.split_once(':')?;
    let (h, m): (i8, i8) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    let parts: Vec<&str> = date.split(['-', '/']).collect();
    let today = now.to_zoned_datetime(crate::time::wib()).date();
    let (y, mo, d): (i16, i8, i8) = match parts.as_slice() {
        [y, mo, d] if y.len() == 4 => (y.parse().ok()?, mo.parse().ok()?, d.parse().ok()?),
        [d, mo, y] if y.len() == 4 => (y.parse().ok()?, mo.parse().ok()?, d.parse().ok()?),
        [d, mo] => (today.year(), mo.parse().ok()?, d.parse().ok()?),
        _ => return None,
    };
    let civil = jiff::civil::DateTime::new(y, mo, d, h, m, 0, 0).ok()?;
    crate::time::wib().to_timestamp(civil).ok()
}

/// One round of the broadcast machinery; called every few hundred
/// milliseconds by the Telegram transport (and directly by tests).
pub fn pump(content: &Content, store: &Store, now: Timestamp) -> Result<(), StoreError> {
    let mut free = WINDOW.saturating_sub(store.broadcast_rows());
    for job in store.jobs()? {
        match job.state {
            JobState::Scheduled if job.scheduled_at.is_none_or(|at| at <= now) => {
                let mut started = job.clone();
                started.state = JobState::Running;
                started.late = job.scheduled_at.is_some_and(|at| now - at > LATE_AFTER);
                start(content, store, started, now)?;
            }
            JobState::Running if job.started_at.is_none() => {
                start(content, store, job, now)?;
            }
            JobState::Running => {
                if free > 0 {
                    let n = store.queue_deliveries(job.id, free, |user, lang| {
                        render(content, &job.announcement, user, lang)
                    })?;
                    free -= n;
                }
                if !store.job_unsettled(job.id)? {
                    let counts = store.ledger_counts(job.id)?;
                    finish(content, store, job, counts, now)?;
                } else if job.progress_at.is_none_or(|at| now - at >= PROGRESS_EVERY) {
                    let counts = store.ledger_counts(job.id)?;
                    progress(content, store, job, counts, now)?;
                }
            }
            JobState::Cancelled if job.finished_at.is_none() => {
                store.cancel_pending(job.id)?;
                // Deliveries already handed to the sender settle first.
                if !store.job_unsettled(job.id)? {
                    let counts = store.ledger_counts(job.id)?;
                    finish(content, store, job, counts, now)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn start(content: &Content, store: &Store, mut job: Job, now: Timestamp) -> Result<(), StoreError> {
    let recipients = recipients(store, &job.audience)?;
    job.started_at = Some(now);
    let job = store.start_job(&job, &recipients)?;
    tracing::info!(
        job = job.id,
        recipients = recipients.len(),
        "broadcast started"
    );
    let counts = store.ledger_counts(job.id)?;
    progress(content, store, job, counts, now)
}

/// The live progress line on the admin's preview message.
fn progress(
    content: &Content,
    store: &Store,
    mut job: Job,
    c: Counts,
    now: Timestamp,
) -> Result<(), StoreError> {
    let lang = author_lang(store, &job);
    let text = content.i18n.fmt(
        lang,
        ids::BROADCAST_PROGRESS,
        Args::new()
            .num("id", job.id as i64)
            .num("sent", c.sent as i64)
            .num("failed", c.failed as i64)
            .num("blocked", c.blocked as i64)
            .num("remaining", c.remaining() as i64)
            .num("total", c.total() as i64),
    );
    let keyboard = Keyboard::Inline(vec![vec![Button {
        label: content.i18n.msg(lang, ids::BROADCAST_CANCEL_BUTTON),
        data: format!("b:c:{}", job.id),
    }]]);
    // A job started from "send now" edits the admin's preview. A scheduled
    // one has no such message: the admin is told once that it started
    // (with the stop button) and gets the report at the end, rather than a
    // new message every few seconds.
    let first = job.progress_at.is_none();
    if job.progress_message.is_some() || first {
        let message = OutMessage {
            edit: job.progress_message,
            ..OutMessage::new(job.author_chat, text).with_keyboard(keyboard)
        };
        store.enqueue(&[message], Priority::Reply)?;
    }
    job.progress_at = Some(now);
    store.save_job(&job)?;
    Ok(())
}

/// The final report: the progress line's last state and a new message.
fn finish(
    content: &Content,
    store: &Store,
    mut job: Job,
    c: Counts,
    now: Timestamp,
) -> Result<(), StoreError> {
    let lang = author_lang(store, &job);
    let i18n = &content.i18n;
    let cancelled = job.state == JobState::Cancelled;
    let mut text = i18n.fmt(
        lang,
        if cancelled {
            ids::BROADCAST_REPORT_CANCELLED
        } else {
            ids::BROADCAST_REPORT
        },
        Args::new()
            .num("id", job.id as i64)
            .html("audience", describe(content, lang, &job.audience))
            .num("total", c.total() as i64)
            .num("sent", c.sent as i64)
            .num("failed", c.failed as i64)
            .num("blocked", c.blocked as i64)
            .num("interrupted", c.interrupted as i64)
            .num("cancelled", c.cancelled as i64)
            .str(
                "started",
                crate::time::format_datetime(job.started_at.unwrap_or(now), lang),
            )
            .str("finished", crate::time::format_datetime(now, lang)),
    );
    if job.late {
        if let Some(at) = job.scheduled_at {
            text.push_str("\n\n");
            text.push_str(&i18n.fmt(
                lang,
                ids::BROADCAST_REPORT_LATE,
                Args::new().str("at", crate::time::format_datetime(at, lang)),
            ));
        }
    }
    if c.interrupted > 0 {
        text.push_str("\n\n");
        text.push_str(&i18n.fmt(
            lang,
            ids::BROADCAST_REPORT_INTERRUPTED,
            Args::new().num("count", c.interrupted as i64),
        ));
    }
    let failures: Vec<String> = store
        .ledger(job.id)?
        .into_iter()
        .filter(|(_, e)| e.status == DeliveryStatus::Failed)
        .take(5)
        .map(|(user, e)| {
            i18n.fmt(
                lang,
                ids::BROADCAST_REPORT_FAILURE,
                Args::new()
                    .str("user", user.to_string())
                    .str("reason", e.reason.as_deref().unwrap_or("-")),
            )
        })
        .collect();
    if !failures.is_empty() {
        text.push('\n');
        text.push_str(&failures.join("\n"));
    }
    let mut messages = Vec::new();
    if let Some(id) = job.progress_message {
        messages.push(OutMessage {
            edit: Some(id),
            ..OutMessage::new(
                job.author_chat,
                status_line(content, lang, &job_done(&job, cancelled), &c),
            )
        });
    }
    messages.push(OutMessage::new(job.author_chat, text));
    store.enqueue(&messages, Priority::Reply)?;
    if !cancelled {
        job.state = JobState::Done;
    }
    job.finished_at = Some(now);
    store.save_job(&job)?;
    tracing::info!(
        job = job.id,
        sent = c.sent,
        failed = c.failed,
        blocked = c.blocked,
        "broadcast finished"
    );
    Ok(())
}

fn job_done(job: &Job, cancelled: bool) -> Job {
    let mut j = job.clone();
    j.state = if cancelled {
        JobState::Cancelled
    } else {
        JobState::Done
    };
    j
}

fn author_lang(store: &Store, job: &Job) -> Lang {
    store
        .user(job.author)
        .ok()
        .flatten()
        .map(|u| lang_of(&u))
        .unwrap_or(Lang::Id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_times_are_read_as_wib() {
        let now: Timestamp = "2026-11-28T03:00:00Z".parse().unwrap();
        let t = |s: &str| parse_when(s, now).map(|t| t.to_string());
        assert_eq!(
            t("2026-12-01 08:00").as_deref(),
            Some("2026-12-01T01:00:00Z")
        );
        assert_eq!(t("1/12 08.00").as_deref(), Some("2026-12-01T01:00:00Z"));
        assert_eq!(
            t("01-12-2026 8:00 WIB").as_deref(),
            Some("2026-12-01T01:00:00Z")
        );
        assert_eq!(t("besok pagi"), None);
        assert_eq!(t("31/2 08:00"), None);
    }
}
