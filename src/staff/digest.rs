//! The daily digest for the staff chat: new tickets since the previous
//! digest (by kind, product category and region), open tickets older than
//! `stale_after_days`, open questions, the week's most frequent unanswered
//! or 👎 FAQ questions, what staff taught the FAQ since the previous
//! digest (only when they did), and user counts.
//!
//! With it goes a chart of the last weeks' submissions by kind: the
//! digest's message carries it as its attachment, drawn by the sender
//! when it sends it, after the text (`reports::weekly_png`).
//!
//! [`gather`] reads the store into [`DigestData`]; [`compose`] turns that
//! into text and is pure, so a fixed clock and a seeded store give a
//! fixed text (the snapshot test). [`due`] says whether today's digest is
//! still to be sent: the date of the last one is stored with it.

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};

use crate::config::Config;
use crate::content::{Content, display_answer};
use crate::html::escape;
use crate::i18n::{Args, Lang, MsgId, ids};
use crate::outcome::OutMessage;
use crate::records::{Answer, FaqLogKind, Learned, Ticket, TicketKind, TicketStatus};
use crate::store::{Reads, Store, StoreError};

/// Users seen within this many days count as active.
pub const ACTIVE_DAYS: i64 = 30;
/// The FAQ section looks back this far.
const FAQ_DAYS: i64 = 7;
/// Entries listed per section before "and N more".
const LIST_MAX: usize = 10;
/// FAQ questions listed.
const FAQ_MAX: usize = 5;
/// A question is shown up to this many characters.
const EXCERPT_CHARS: usize = 80;

/// Everything the digest says, read from the store.
#[derive(Debug, Clone, PartialEq)]
pub struct DigestData {
    pub now: Timestamp,
    /// Start of the "new tickets" window: the previous digest, or a day ago.
    pub since: Timestamp,
    pub new_total: usize,
    /// (dialog id, count), most first.
    pub new_by_kind: Vec<(String, usize)>,
    /// (product category value, count), most first.
    pub new_by_category: Vec<(String, usize)>,
    /// (region, count), most first; "" for submitters without a profile.
    pub new_by_region: Vec<(String, usize)>,
    pub stale_after_days: u32,
    /// Open tickets older than `stale_after_days`, oldest first.
    pub stale: Vec<Listed>,
    /// Open questions, oldest first.
    pub open_questions: Vec<Listed>,
    /// (question, times), most first.
    pub faq_top: Vec<(String, usize)>,
    /// What staff taught the FAQ since `since`, oldest first.
    pub learned: Vec<Learned>,
    pub users_total: usize,
    pub registered: usize,
    pub active: usize,
    pub blocked: usize,
}

/// A ticket as a digest line shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub number: String,
    pub title: String,
    pub days: i64,
    pub status: TicketStatus,
}

fn listed(t: &Ticket, now: Timestamp) -> Listed {
    Listed {
        number: t.number.clone(),
        title: t.title(),
        days: days_between(t.created_at, now),
        status: t.status,
    }
}

fn days_between(from: Timestamp, to: Timestamp) -> i64 {
    (to - from).as_secs().max(0) / 86_400
}

/// Counts sorted most first, then by name.
fn ranked(counts: HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// Reads what the digest needs. `since` is when the previous digest was
/// composed (a day before `now` if there was none).
pub fn gather(
    reads: &dyn Reads,
    config: &Config,
    now: Timestamp,
    since: Option<Timestamp>,
) -> Result<DigestData, StoreError> {
    let since = since.unwrap_or(now - SignedDuration::from_hours(24));
    let mut regions_of: HashMap<i64, String> = HashMap::new();
    let mut registered = 0;
    reads.each_profile(&mut |p| {
        registered += 1;
        regions_of.insert(p.user, p.text("region").unwrap_or_default().to_string());
        Ok(())
    })?;
    let tickets = TicketCounts::gather(reads, config, now, since, &regions_of)?;
    let faq_top = faq_top(reads, now)?;
    let learned = reads
        .learned()
        .into_iter()
        .filter(|l| l.at >= since)
        .collect();
    let active_since = now - SignedDuration::from_hours(24 * ACTIVE_DAYS);
    let (mut users_total, mut active, mut blocked) = (0, 0, 0);
    reads.each_user(&mut |u| {
        users_total += 1;
        if !u.active {
            blocked += 1;
        } else if u.last_seen >= active_since {
            active += 1;
        }
        Ok(())
    })?;
    Ok(DigestData {
        now,
        since,
        new_total: tickets.new_total,
        new_by_kind: ranked(tickets.by_kind),
        new_by_category: ranked(tickets.by_category),
        new_by_region: ranked(tickets.by_region),
        stale_after_days: config.staff.stale_after_days,
        stale: tickets.stale,
        open_questions: tickets.questions,
        faq_top,
        learned,
        users_total,
        registered,
        active,
        blocked,
    })
}

/// The tickets part of the digest, counted in one pass.
#[derive(Default)]
struct TicketCounts {
    new_total: usize,
    by_kind: HashMap<String, usize>,
    by_category: HashMap<String, usize>,
    by_region: HashMap<String, usize>,
    stale: Vec<Listed>,
    questions: Vec<Listed>,
}

impl TicketCounts {
    fn gather(
        reads: &dyn Reads,
        config: &Config,
        now: Timestamp,
        since: Timestamp,
        regions_of: &HashMap<i64, String>,
    ) -> Result<TicketCounts, StoreError> {
        let stale_after = SignedDuration::from_hours(24 * i64::from(config.staff.stale_after_days));
        let mut c = TicketCounts::default();
        reads.each_ticket(&mut |t| {
            if t.created_at >= since && t.created_at < now {
                c.new_total += 1;
                *c.by_kind.entry(t.dialog.clone()).or_insert(0) += 1;
                if let Some(Answer::Choice(cat)) = t.answers.get("category") {
                    *c.by_category.entry(cat.clone()).or_insert(0) += 1;
                }
                let region = regions_of.get(&t.user).cloned().unwrap_or_default();
                *c.by_region.entry(region).or_insert(0) += 1;
            }
            if t.status.is_closed() {
                return Ok(());
            }
            if t.kind() == Some(TicketKind::Question) && t.status == TicketStatus::Open {
                c.questions.push(listed(&t, now));
            } else if now - t.created_at > stale_after {
                c.stale.push(listed(&t, now));
            }
            Ok(())
        })?;
        let by_age =
            |a: &Listed, b: &Listed| b.days.cmp(&a.days).then_with(|| a.number.cmp(&b.number));
        c.stale.sort_by(by_age);
        c.questions.sort_by(by_age);
        Ok(c)
    }
}

/// The week's most frequent unanswered or 👎 questions.
fn faq_top(reads: &dyn Reads, now: Timestamp) -> Result<Vec<(String, usize)>, StoreError> {
    let week_ago = now - SignedDuration::from_hours(24 * FAQ_DAYS);
    let mut faq: HashMap<String, usize> = HashMap::new();
    reads.each_faq_log(&mut |log| {
        if log.at < week_ago || log.at > now {
            return Ok(());
        }
        if !matches!(log.kind, FaqLogKind::Unanswered | FaqLogKind::Unhelpful) {
            return Ok(());
        }
        let Some(text) = log.text.as_deref().or(log.entry.as_deref()) else {
            return Ok(());
        };
        let key = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if !key.is_empty() {
            *faq.entry(key).or_insert(0) += 1;
        }
        Ok(())
    })?;
    let mut top = ranked(faq);
    top.truncate(FAQ_MAX);
    Ok(top)
}

/// The digest text (Telegram HTML) in `lang`.
pub fn compose(content: &Content, lang: Lang, d: &DigestData) -> String {
    let w = Words { content, lang };
    let mut out = w.tf(
        ids::DIGEST_TITLE,
        Args::new().str("date", crate::time::format_date(d.now, lang)),
    );
    for section in [
        Some(w.new_tickets(d)),
        Some(w.stale(d)),
        Some(w.questions(d)),
        Some(w.faq(d)),
        w.learned(d),
        Some(w.users(d)),
    ]
    .into_iter()
    .flatten()
    {
        out.push_str("\n\n");
        out.push_str(&section);
    }
    out
}

/// The digest's sections, in one language.
struct Words<'a> {
    content: &'a Content,
    lang: Lang,
}

impl Words<'_> {
    fn t(&self, id: MsgId) -> String {
        self.content.i18n.msg(self.lang, id)
    }

    fn tf(&self, id: MsgId, args: Args<'_>) -> String {
        self.content.i18n.fmt(self.lang, id, args)
    }

    /// Items joined, or "nothing".
    fn list(&self, items: Vec<String>) -> String {
        if items.is_empty() {
            self.t(ids::DIGEST_NOTHING)
        } else {
            items.join(", ")
        }
    }

    /// "name (n)" items of a breakdown, names made by `name`.
    fn counts(&self, counts: &[(String, usize)], name: impl Fn(&str) -> String) -> String {
        let items = counts
            .iter()
            .map(|(key, n)| {
                self.tf(
                    ids::DIGEST_COUNT,
                    Args::new().html("name", name(key)).num("count", *n as i64),
                )
            })
            .collect();
        self.list(items)
    }

    fn status(&self, s: TicketStatus) -> String {
        self.content
            .i18n
            .text(self.lang, s.message_id(), Args::new())
    }

    /// New tickets since the last digest, by kind, category and region.
    fn new_tickets(&self, d: &DigestData) -> String {
        let mut out = self.tf(
            ids::DIGEST_NEW,
            Args::new()
                .num("count", d.new_total as i64)
                .str("since", crate::time::format_datetime(d.since, self.lang)),
        );
        if d.new_total == 0 {
            return out;
        }
        let kinds = self.counts(&d.new_by_kind, |dialog| {
            self.content.dialog_title(self.lang, dialog)
        });
        let category_step = self.content.step("product", "category");
        let categories = self.counts(&d.new_by_category, |value| match category_step {
            Some(step) => display_answer(
                &self.content.i18n,
                self.lang,
                step,
                &Answer::Choice(value.to_string()),
            ),
            None => escape(value),
        });
        let regions = self.counts(&d.new_by_region, |region| {
            if region.is_empty() {
                self.t(ids::DIGEST_NO_PROFILE)
            } else {
                escape(region)
            }
        });
        for (id, list) in [
            (ids::DIGEST_BY_KIND, kinds),
            (ids::DIGEST_BY_CATEGORY, categories),
            (ids::DIGEST_BY_REGION, regions),
        ] {
            out.push('\n');
            out.push_str(&self.tf(id, Args::new().html("list", list)));
        }
        out
    }

    /// Open tickets older than `stale_after_days`.
    fn stale(&self, d: &DigestData) -> String {
        let mut out = self.tf(
            ids::DIGEST_STALE,
            Args::new()
                .num("count", d.stale.len() as i64)
                .num("days", i64::from(d.stale_after_days)),
        );
        for l in d.stale.iter().take(LIST_MAX) {
            out.push('\n');
            out.push_str(
                &self.tf(
                    ids::DIGEST_TICKET_LINE,
                    Args::new()
                        .str("number", &l.number)
                        .str("title", &l.title)
                        .num("days", l.days)
                        .html("status", self.status(l.status)),
                ),
            );
        }
        more(&mut out, d.stale.len(), &|id, args| self.tf(id, args));
        out
    }

    /// Questions waiting for an answer.
    fn questions(&self, d: &DigestData) -> String {
        let mut out = self.tf(
            ids::DIGEST_QUESTIONS,
            Args::new().num("count", d.open_questions.len() as i64),
        );
        for l in d.open_questions.iter().take(LIST_MAX) {
            out.push('\n');
            out.push_str(
                &self.tf(
                    ids::DIGEST_QUESTION_LINE,
                    Args::new()
                        .str("number", &l.number)
                        .str("question", excerpt(&l.title))
                        .num("days", l.days),
                ),
            );
        }
        more(&mut out, d.open_questions.len(), &|id, args| {
            self.tf(id, args)
        });
        out
    }

    /// The week's most frequent questions the FAQ did not answer well.
    /// What staff taught the FAQ; nothing when they taught nothing.
    fn learned(&self, d: &DigestData) -> Option<String> {
        if d.learned.is_empty() {
            return None;
        }
        let writer = super::Writer {
            content: self.content,
            lang: self.lang,
            desk: None,
        };
        let mut out = self.tf(
            ids::DIGEST_LEARNED,
            Args::new().num("count", d.learned.len() as i64),
        );
        for l in d.learned.iter().take(LIST_MAX) {
            out.push('\n');
            out.push_str(&writer.learned_line(&self.content.faq, l));
        }
        if d.learned.len() > LIST_MAX {
            out.push('\n');
            out.push_str(&self.tf(
                ids::DIGEST_MORE,
                Args::new().num("count", (d.learned.len() - LIST_MAX) as i64),
            ));
        }
        Some(out)
    }

    fn faq(&self, d: &DigestData) -> String {
        let mut out = self.t(ids::DIGEST_FAQ);
        if d.faq_top.is_empty() {
            out.push('\n');
            out.push_str(&self.t(ids::DIGEST_NOTHING));
        }
        for (q, n) in &d.faq_top {
            out.push('\n');
            out.push_str(
                &self.tf(
                    ids::DIGEST_FAQ_LINE,
                    Args::new()
                        .str("question", excerpt(q))
                        .num("count", *n as i64),
                ),
            );
        }
        out
    }

    fn users(&self, d: &DigestData) -> String {
        self.tf(
            ids::DIGEST_USERS,
            Args::new()
                .num("total", d.users_total as i64)
                .num("registered", d.registered as i64)
                .num("active", d.active as i64)
                .num("days", ACTIVE_DAYS)
                .num("blocked", d.blocked as i64),
        )
    }
}

fn more(out: &mut String, len: usize, tf: &impl Fn(MsgId, Args<'_>) -> String) {
    if len > LIST_MAX {
        out.push('\n');
        out.push_str(&tf(
            ids::DIGEST_MORE,
            Args::new().num("count", (len - LIST_MAX) as i64),
        ));
    }
}

fn excerpt(text: &str) -> String {
    let mut s: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS {
        s.push('…');
    }
    s
}

/// Today's WIB date (`YYYY-MM-DD`) if its digest is due: the time of day
/// has passed and the last digest was on another day. A bot that was down
/// at that time sends it when it comes back the same day.
pub fn due(now: Timestamp, at: jiff::civil::Time, last_date: Option<&str>) -> Option<String> {
    let local = now.to_zoned_datetime(crate::time::wib());
    if local.time() < at {
        return None;
    }
    let today = local.date().to_string();
    (last_date != Some(today.as_str())).then_some(today)
}

/// Queues today's digest in the staff chat if it is due; returns whether
/// it did. The date is stored in the same transaction as the message.
pub fn send_if_due(
    store: &Store,
    content: &Content,
    config: &Config,
    staff_chat: Option<i64>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let Some(chat) = staff_chat else {
        return Ok(false);
    };
    let (last_date, last_at) = store.last_digest()?;
    let Some(today) = due(now, config.digest_time(), last_date.as_deref()) else {
        return Ok(false);
    };
    let data = gather(store, config, now, last_at)?;
    let text = compose(content, config.staff.language, &data);
    // One message: the sender sends the text, then the chart.
    let digest = OutMessage {
        attachment: Some(crate::outcome::Attachment::DigestChart),
        ..OutMessage::new(chat, text)
    };
    store.enqueue_digest(&[digest], &today, now)?;
    tracing::info!(date = today, "daily digest queued");
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_once_a_day_after_the_hour() {
        let at = jiff::civil::time(7, 0, 0, 0);
        let t = |s: &str| s.parse::<Timestamp>().unwrap();
        // 06:59 WIB: not yet.
        assert_eq!(due(t("2026-11-27T23:59:00Z"), at, None), None);
        // 07:00 WIB: due.
        assert_eq!(
            due(t("2026-11-28T00:00:00Z"), at, Some("2026-11-27")).as_deref(),
            Some("2026-11-28")
        );
        // Sent today already.
        assert_eq!(due(t("2026-11-28T05:00:00Z"), at, Some("2026-11-28")), None);
        // Down at 07:00, back at 15:00 WIB: still today's.
        assert_eq!(
            due(t("2026-11-28T08:00:00Z"), at, Some("2026-11-27")).as_deref(),
            Some("2026-11-28")
        );
    }
}
