//! The broadcast machinery, one round every few hundred milliseconds:
//! starts due jobs (fixing their recipients), keeps a small window of
//! deliveries in the outbox, edits the admin's progress line at most every
//! [`PROGRESS_EVERY`], and reports the end. It writes to the store outside
//! any event, like the sender and the digest.

use jiff::{SignedDuration, Timestamp};

use super::audience::{counts, status_line};
use super::{PROGRESS_EVERY, WINDOW, describe, recipients, render};
use crate::button_data::{BroadcastButton, ButtonData};
use crate::content::Content;
use crate::i18n::{Args, Lang, ids};
use crate::outcome::{Button, Keyboard, OutMessage};
use crate::records::{Counts, DeliveryStatus, Job, JobState};
use crate::store::{Priority, Store, StoreError};

/// A scheduled job started later than this after its time says so.
const LATE_AFTER: SignedDuration = SignedDuration::from_secs(60);

/// One round of the broadcast machinery; called every few hundred
/// milliseconds by the scheduled jobs (and directly by tests).
pub fn pump(content: &Content, store: &Store, now: Timestamp) -> Result<(), StoreError> {
    let round = Round {
        content,
        store,
        now,
    };
    let mut free = WINDOW.saturating_sub(store.broadcast_rows());
    for job in store.jobs()? {
        match job.state {
            JobState::Scheduled if job.scheduled_at.is_none_or(|at| at <= now) => {
                let mut started = job.clone();
                started.state = JobState::Running;
                started.late = job.scheduled_at.is_some_and(|at| now - at > LATE_AFTER);
                round.start(started)?;
            }
            JobState::Running if job.started_at.is_none() => {
                round.start(job)?;
            }
            JobState::Running if job.resend => {
                let n = store.requeue_interrupted(&job)?;
                tracing::info!(
                    job = job.id,
                    recipients = n,
                    "broadcast sent again to the interrupted"
                );
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
                    round.finish(job, counts)?;
                } else if job.progress_at.is_none_or(|at| now - at >= PROGRESS_EVERY) {
                    let counts = store.ledger_counts(job.id)?;
                    round.progress(job, counts)?;
                }
            }
            JobState::Cancelled if job.finished_at.is_none() => {
                store.cancel_pending(job.id)?;
                // Deliveries already handed to the sender settle first.
                if !store.job_unsettled(job.id)? {
                    let counts = store.ledger_counts(job.id)?;
                    round.finish(job, counts)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// One round's view: the content, the store and the time.
struct Round<'a> {
    content: &'a Content,
    store: &'a Store,
    now: Timestamp,
}

impl Round<'_> {
    fn start(&self, mut job: Job) -> Result<(), StoreError> {
        let (store, now) = (self.store, self.now);
        let recipients = recipients(store, &job.audience)?;
        job.started_at = Some(now);
        let job = store.start_job(&job, &recipients)?;
        tracing::info!(
            job = job.id,
            recipients = recipients.len(),
            "broadcast started"
        );
        let counts = store.ledger_counts(job.id)?;
        self.progress(job, counts)
    }

    /// The live progress line on the admin's preview message.
    fn progress(&self, mut job: Job, c: Counts) -> Result<(), StoreError> {
        let (content, store) = (self.content, self.store);
        let lang = author_lang(store, &job);
        let text = content.i18n.fmt(
            lang,
            ids::BROADCAST_PROGRESS,
            counts(Args::new().num("id", job.id as i64), &c),
        );
        let keyboard = Keyboard::Inline(vec![vec![Button::new(
            content.i18n.msg(lang, ids::BROADCAST_CANCEL_BUTTON),
            &ButtonData::Broadcast(BroadcastButton::CancelJob(job.id)),
        )]]);
        // A job started from "send now" edits the admin's preview. A scheduled
        // one has no such message: the admin is told once that it started
        // (with the stop button) and gets the report at the end, rather than a
        // new message every few seconds.
        let first = job.progress_at.is_none();
        if job.progress_message.is_some() || first {
            let message = OutMessage::new(job.author_chat, text)
                .with_keyboard(keyboard)
                .editing(job.progress_message);
            store.enqueue(&[message], Priority::Reply)?;
        }
        job.progress_at = Some(self.now);
        store.save_job(&job)?;
        Ok(())
    }

    /// The final report: the progress line's last state and a new message.
    fn finish(&self, mut job: Job, c: Counts) -> Result<(), StoreError> {
        let (content, store, now) = (self.content, self.store, self.now);
        let lang = author_lang(store, &job);
        let cancelled = job.state == JobState::Cancelled;
        let failures: Vec<(i64, Option<String>)> = store
            .ledger(job.id)?
            .into_iter()
            .filter(|(_, e)| e.status == DeliveryStatus::Failed)
            .take(5)
            .map(|(user, e)| (user, e.reason))
            .collect();
        let text = report(content, lang, &job, &c, &failures, now);
        let mut messages = Vec::new();
        if let Some(id) = job.progress_message {
            let mut done = job.clone();
            done.state = if cancelled {
                JobState::Cancelled
            } else {
                JobState::Done
            };
            let line = status_line(content, lang, &done, &c);
            messages.push(OutMessage::new(job.author_chat, line).editing(Some(id)));
        }
        let mut report = OutMessage::new(job.author_chat, text);
        if c.interrupted > 0 && !cancelled {
            let label = content.i18n.fmt(
                lang,
                ids::BROADCAST_RESEND_BUTTON,
                Args::new().num("count", c.interrupted as i64),
            );
            let data = ButtonData::Broadcast(BroadcastButton::ResendInterrupted(job.id));
            report = report.with_keyboard(Keyboard::Inline(vec![vec![Button::new(label, &data)]]));
        }
        messages.push(report);
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
}

/// The report's text: totals, lateness, interruptions, the first failures.
fn report(
    content: &Content,
    lang: Lang,
    job: &Job,
    c: &Counts,
    failures: &[(i64, Option<String>)],
    now: Timestamp,
) -> String {
    let i18n = &content.i18n;
    let id = if job.state == JobState::Cancelled {
        ids::BROADCAST_REPORT_CANCELLED
    } else {
        ids::BROADCAST_REPORT
    };
    let started = job.started_at.unwrap_or(now);
    let mut text = i18n.fmt(
        lang,
        id,
        counts(Args::new(), c)
            .num("id", job.id as i64)
            .html("audience", describe(content, lang, &job.audience))
            .num("interrupted", c.interrupted as i64)
            .num("cancelled", c.cancelled as i64)
            .str("started", crate::time::format_datetime(started, lang))
            .str("finished", crate::time::format_datetime(now, lang)),
    );
    if let (true, Some(at)) = (job.late, job.scheduled_at) {
        text.push_str("\n\n");
        text.push_str(&i18n.fmt(
            lang,
            ids::BROADCAST_REPORT_LATE,
            Args::new().str("at", crate::time::format_datetime(at, lang)),
        ));
    }
    if c.interrupted > 0 {
        text.push_str("\n\n");
        text.push_str(&i18n.fmt(
            lang,
            ids::BROADCAST_REPORT_INTERRUPTED,
            Args::new().num("count", c.interrupted as i64),
        ));
    }
    let failures: Vec<String> = failures
        .iter()
        .map(|(user, reason)| {
            i18n.fmt(
                lang,
                ids::BROADCAST_REPORT_FAILURE,
                Args::new()
                    .str("user", user.to_string())
                    .str("reason", reason.as_deref().unwrap_or("-")),
            )
        })
        .collect();
    if !failures.is_empty() {
        text.push('\n');
        text.push_str(&failures.join("\n"));
    }
    text
}

/// The admin's language, for their progress line and report.
fn author_lang(store: &Store, job: &Job) -> Lang {
    store
        .user(job.author)
        .ok()
        .flatten()
        .map(|u| u.speaks())
        .unwrap_or(Lang::Id)
}
