//! Composing a broadcast: the content (text with its formatting, or a
//! photo with a caption), the audience menu and its multi-selects, the
//! preview exactly as recipients get it, an English version, sending now
//! or at a time, cancelling, and /siaran_status.

use jiff::Timestamp;

use super::audience::status_line;
use super::{Turn, describe, parse_when, recipients, render};
use crate::button_data::{AudienceButton, BroadcastButton, ButtonData};
use crate::content::display_answer;
use crate::html;
use crate::i18n::{Args, Lang, MsgId, ids};
use crate::outcome::{Button, Effect, Keyboard};
use crate::records::{Announcement, Answer, Audience, Job, JobState, PickKind, Stage};

/// Telegram's limits on a text and on a caption.
const MAX_TEXT: usize = 4096;
const MAX_CAPTION: usize = 1024;

fn data(button: BroadcastButton) -> ButtonData {
    ButtonData::Broadcast(button)
}

impl Turn<'_, '_> {
    fn button(&self, label: MsgId, button: BroadcastButton) -> Button {
        self.out.button(label, data(button))
    }

    /// Typed text or a photo, for the stage that waits for it.
    pub(super) fn input(
        &mut self,
        plain: Option<String>,
        html_text: String,
        photo: Option<String>,
    ) {
        let Some(stage) = self.session.broadcast.as_ref().map(|d| d.stage) else {
            return;
        };
        match stage {
            Stage::Content => {
                if let Err(problem) = self.check_content(&html_text, photo.is_some()) {
                    return self.out.say(problem);
                }
                let lang = self.out.lang;
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
                    return self.out.say(self.out.t(ids::BROADCAST_ENGLISH_TEXT_ONLY));
                }
                let has_photo = self
                    .session
                    .broadcast
                    .as_ref()
                    .and_then(|d| d.announcement.as_ref())
                    .is_some_and(|a| a.photo.is_some());
                if let Err(problem) = self.check_content(&html_text, has_photo) {
                    return self.out.say(problem);
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
                let id = match parse_when(&typed, self.event.now) {
                    Some(at) if at > self.event.now => return self.schedule(at),
                    Some(_) => ids::BROADCAST_SCHEDULE_PAST,
                    None => ids::BROADCAST_SCHEDULE_INVALID,
                };
                self.out.say(self.out.t(id));
            }
            _ => {}
        }
    }

    /// The content fits Telegram and is valid HTML.
    fn check_content(&self, html_text: &str, photo: bool) -> Result<(), String> {
        if html::to_plain(html_text).trim().is_empty() && !photo {
            return Err(self.out.t(ids::BROADCAST_EMPTY));
        }
        if html::validate(html_text).is_err() {
            return Err(self.out.t(ids::BROADCAST_BAD_FORMAT));
        }
        let header = html::visible_len(&self.out.t(ids::BROADCAST_HEADER)) + 2;
        let max = if photo { MAX_CAPTION } else { MAX_TEXT };
        let len = html::visible_len(html_text) + header;
        if len > max {
            return Err(self.out.tf(
                ids::BROADCAST_TOO_LONG,
                Args::new().num("max", (max - header) as i64),
            ));
        }
        Ok(())
    }

    fn audience_menu(&mut self, edit: bool) {
        let audience = |label, a| self.button(label, BroadcastButton::Audience(a));
        let rows = vec![
            vec![audience(ids::BROADCAST_AUDIENCE_ALL, AudienceButton::All)],
            vec![
                audience(ids::BROADCAST_AUDIENCE_REGION, AudienceButton::Region),
                audience(ids::BROADCAST_AUDIENCE_PILLAR, AudienceButton::Pillar),
            ],
            vec![
                audience(ids::BROADCAST_AUDIENCE_CATEGORY, AudienceButton::Category),
                audience(ids::BROADCAST_AUDIENCE_LANGUAGE, AudienceButton::Language),
            ],
            vec![audience(
                ids::BROADCAST_AUDIENCE_NO_PROFILE,
                AudienceButton::NoProfile,
            )],
            vec![self.button(ids::BUTTON_CANCEL, BroadcastButton::Cancel)],
        ];
        let text = self.out.t(ids::BROADCAST_ASK_AUDIENCE);
        if edit {
            self.out.edit_or_send(text, Keyboard::Inline(rows));
        } else {
            self.out.send(text, Keyboard::Inline(rows));
        }
    }

    /// The options of a multi-select: (value, label as HTML).
    fn options(&self, kind: PickKind) -> Vec<(String, String)> {
        let content = self.ctx.content;
        let (dialog, step) = match kind {
            PickKind::Region => {
                return content
                    .regions
                    .names()
                    .map(|n| (n.to_string(), html::escape(n)))
                    .collect();
            }
            PickKind::Pillar => ("register", "pillar"),
            PickKind::Category => ("product", "category"),
        };
        let Some(step) = content.step(dialog, step) else {
            return Vec::new();
        };
        step.input
            .options()
            .iter()
            .map(|o| {
                let choice = Answer::Choice(o.value.clone());
                let label = display_answer(&content.i18n, self.out.lang, step, &choice);
                (o.value.clone(), label)
            })
            .collect()
    }

    fn picked(&self) -> Vec<String> {
        self.session
            .broadcast
            .as_ref()
            .map(|d| d.picked.clone())
            .unwrap_or_default()
    }

    fn pick_menu(&mut self, kind: PickKind) {
        let picked = self.picked();
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
                        let toggle = data(BroadcastButton::Toggle(r * columns + c));
                        Button::new(format!("{mark}{}", html::to_plain(label)), &toggle)
                    })
                    .collect()
            })
            .collect();
        rows.push(vec![
            self.button(ids::BUTTON_BACK, BroadcastButton::Audiences),
            self.button(ids::BUTTON_DONE, BroadcastButton::Done),
        ]);
        let text = self.out.tf(
            ids::BROADCAST_PICK,
            Args::new().num("count", picked.len() as i64),
        );
        self.out.edit_or_send(text, Keyboard::Inline(rows));
    }

    pub(super) fn button_press(&mut self, button: BroadcastButton) {
        match button {
            BroadcastButton::CancelJob(id) => return self.cancel_job(id),
            BroadcastButton::ResendInterrupted(id) => return self.resend(id),
            _ => {}
        }
        let Some(stage) = self.session.broadcast.as_ref().map(|d| d.stage) else {
            return self.out.stale();
        };
        match (stage, button) {
            (_, BroadcastButton::Cancel) => {
                self.session.broadcast = None;
                self.out
                    .edit_or_send(self.out.t(ids::BROADCAST_CANCELLED), Keyboard::None);
            }
            (Stage::Audience | Stage::Preview | Stage::Pick(_), BroadcastButton::Audiences) => {
                let draft = self.draft().expect("draft");
                draft.stage = Stage::Audience;
                draft.picked.clear();
                self.audience_menu(true);
            }
            (Stage::Audience, BroadcastButton::Audience(a)) => self.audience_chosen(a),
            (Stage::Audience, BroadcastButton::AudienceLanguage(lang)) => {
                self.set_audience(Audience::Language(lang))
            }
            (Stage::Pick(kind), BroadcastButton::Toggle(i)) => self.toggle(kind, i),
            (Stage::Pick(kind), BroadcastButton::Done) => self.pick_done(kind),
            (Stage::Preview, BroadcastButton::SendNow) => self.send_now(),
            (Stage::Preview, BroadcastButton::Schedule) => {
                self.draft().expect("draft").stage = Stage::Schedule;
                self.out.say(self.out.t(ids::BROADCAST_ASK_SCHEDULE));
            }
            (Stage::Preview, BroadcastButton::English) => {
                self.draft().expect("draft").stage = Stage::English;
                self.out.say(self.out.t(ids::BROADCAST_ASK_ENGLISH));
            }
            _ => self.out.stale(),
        }
    }

    fn audience_chosen(&mut self, audience: AudienceButton) {
        match audience {
            AudienceButton::All => self.set_audience(Audience::All),
            AudienceButton::NoProfile => self.set_audience(Audience::NoProfile),
            AudienceButton::Region => self.start_pick(PickKind::Region),
            AudienceButton::Pillar => self.start_pick(PickKind::Pillar),
            AudienceButton::Category => self.start_pick(PickKind::Category),
            AudienceButton::Language => {
                let language =
                    |label, lang| self.button(label, BroadcastButton::AudienceLanguage(lang));
                let rows = vec![
                    vec![
                        language(ids::LANGUAGE_ID, Lang::Id),
                        language(ids::LANGUAGE_EN, Lang::En),
                        language(ids::LANGUAGE_JV, Lang::Jv),
                    ],
                    vec![self.button(ids::BUTTON_BACK, BroadcastButton::Audiences)],
                ];
                self.out.edit_or_send(
                    self.out.t(ids::BROADCAST_ASK_LANGUAGE),
                    Keyboard::Inline(rows),
                );
            }
        }
    }

    fn toggle(&mut self, kind: PickKind, index: usize) {
        let options = self.options(kind);
        let Some((value, _)) = options.get(index) else {
            return self.out.stale();
        };
        let draft = self.draft().expect("draft");
        if let Some(pos) = draft.picked.iter().position(|p| p == value) {
            draft.picked.remove(pos);
        } else {
            draft.picked.push(value.clone());
        }
        self.pick_menu(kind);
    }

    fn pick_done(&mut self, kind: PickKind) {
        let picked = self.picked();
        if picked.is_empty() {
            return self.out.toast(self.out.t(ids::BROADCAST_PICK_ONE));
        }
        let picked: Vec<String> = self
            .options(kind)
            .into_iter()
            .filter(|(v, _)| picked.contains(v))
            .map(|(v, _)| v)
            .collect();
        self.set_audience(match kind {
            PickKind::Region => Audience::Regions(picked),
            PickKind::Pillar => Audience::Pillars(picked),
            PickKind::Category => Audience::Categories(picked),
        });
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
        self.out.say(self.out.t(ids::BROADCAST_PREVIEW_TITLE));
        let chat = self.event.chat;
        let content = self.ctx.content;
        self.out.push(Effect::Send(render(
            content,
            &announcement,
            chat,
            announcement.lang,
        )));
        if announcement.html_en.is_some() {
            self.out
                .push(Effect::Send(render(content, &announcement, chat, Lang::En)));
        }
        let recipients = recipients(self.ctx.reads, &audience).unwrap_or_default();
        let en = recipients.iter().filter(|(_, l)| *l == Lang::En).count();
        let english = if announcement.html_en.is_some() {
            self.out.t(ids::BROADCAST_HAS_ENGLISH)
        } else {
            self.out.t(ids::BROADCAST_NO_ENGLISH)
        };
        let text = self.out.tf(
            ids::BROADCAST_PREVIEW_SUMMARY,
            Args::new()
                .html("audience", describe(content, self.out.lang, &audience))
                .num("count", recipients.len() as i64)
                .num("en", en as i64)
                .html("english", english),
        );
        let mut rows = vec![
            vec![self.button(ids::BROADCAST_SEND_NOW, BroadcastButton::SendNow)],
            vec![self.button(ids::BROADCAST_SCHEDULE, BroadcastButton::Schedule)],
        ];
        if announcement.html_en.is_none() {
            rows.push(vec![
                self.button(ids::BROADCAST_ADD_ENGLISH, BroadcastButton::English),
            ]);
        }
        rows.push(vec![
            self.button(ids::BROADCAST_CHANGE_AUDIENCE, BroadcastButton::Audiences),
            self.button(ids::BUTTON_CANCEL, BroadcastButton::Cancel),
        ]);
        self.out.send(text, Keyboard::Inline(rows));
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
            resend: false,
        })
    }

    fn send_now(&mut self) {
        let Some(job) = self.new_job(None, self.event.pressed_message()) else {
            return;
        };
        // The pump fixes the recipients and turns this message into the
        // progress line within a moment.
        self.out.push(Effect::CreateBroadcast(job));
        self.session.broadcast = None;
        self.out
            .edit_or_send(self.out.t(ids::BROADCAST_STARTING), Keyboard::None);
    }

    fn schedule(&mut self, at: Timestamp) {
        let Some(job) = self.new_job(Some(at), None) else {
            return;
        };
        self.out.push(Effect::CreateBroadcast(job));
        self.session.broadcast = None;
        let text = self.out.tf(
            ids::BROADCAST_SCHEDULED,
            Args::new().str("at", crate::time::format_datetime(at, self.out.lang)),
        );
        self.out.say(text);
    }

    fn cancel_job(&mut self, id: u64) {
        let Some(job) = self.ctx.reads.job(id) else {
            return self.out.stale();
        };
        if !matches!(job.state, JobState::Scheduled | JobState::Running) {
            return self.out.toast(self.out.t(ids::BROADCAST_ALREADY_OVER));
        }
        self.out.push(Effect::CancelBroadcast {
            job: job.id,
            by: self.event.user,
        });
        self.out.toast(self.out.t(ids::BROADCAST_CANCELLING));
    }

    /// The report's "send again to the interrupted": the job runs again for
    /// them (they may get it twice, as the report said).
    fn resend(&mut self, id: u64) {
        let Some(job) = self.ctx.reads.job(id) else {
            return self.out.stale();
        };
        let interrupted = self.ctx.reads.ledger_counts(id).interrupted;
        if job.state != JobState::Done || interrupted == 0 {
            return self.out.toast(self.out.t(ids::BROADCAST_RESEND_NOTHING));
        }
        self.out.push(Effect::ResendInterrupted { job: id });
        self.out.toast(self.out.t(ids::BROADCAST_RESEND_TOAST));
    }

    /// /siaran_status: the jobs, newest first.
    pub(super) fn status(&mut self) {
        let jobs = self.ctx.reads.jobs();
        if jobs.is_empty() {
            return self.out.say(self.out.t(ids::BROADCAST_STATUS_EMPTY));
        }
        let mut text = self.out.t(ids::BROADCAST_STATUS_TITLE);
        let mut rows = Vec::new();
        for job in jobs.iter().rev().take(10) {
            let counts = self.ctx.reads.ledger_counts(job.id);
            text.push('\n');
            text.push_str(&status_line(self.ctx.content, self.out.lang, job, &counts));
            if matches!(job.state, JobState::Scheduled | JobState::Running) {
                let label = self.out.tf(
                    ids::BROADCAST_CANCEL_JOB,
                    Args::new().num("id", job.id as i64),
                );
                rows.push(vec![Button::new(
                    label,
                    &data(BroadcastButton::CancelJob(job.id)),
                )]);
            }
        }
        self.out.send(text, Keyboard::inline_or_none(rows));
    }
}
