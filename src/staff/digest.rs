//! The daily digest for the staff chat: new tickets since the previous
//! digest (by kind, product category and region), open tickets older than
//! `stale_after_days`, open questions, the week's most frequent unanswered
//! or 👎 FAQ questions, and user counts.
//!
//! [`gather`] reads the store into [`DigestData`]; [`compose`] turns that
//! into text and is pure, so a fixed clock and a seeded store give a
//! fixed text (the snapshot test). [`due`] says whether today's digest is
//! still to be sent: the date of the last one is stored with it.

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};

use crate::config::Config;
use crate::content::Content;
use crate::dialog::{Answer, FaqLogKind, display_answer};
use crate::html::escape;
use crate::i18n::{Args, Lang, MsgId, ids};
use crate::store::{Store, StoreError};
use crate::ticket::{Ticket, TicketStatus};

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
    store: &Store,
    config: &Config,
    now: Timestamp,
    since: Option<Timestamp>,
) -> Result<DigestData, StoreError> {
    let since = since.unwrap_or(now - SignedDuration::from_hours(24));
    let stale_after = SignedDuration::from_hours(24 * i64::from(config.staff.stale_after_days));
    let mut regions_of: HashMap<i64, String> = HashMap::new();
    let mut registered = 0;
    for p in store.profiles() {
        let p = p?;
        registered += 1;
        regions_of.insert(p.user, p.text("region").unwrap_or_default().to_string());
    }
    let (mut by_kind, mut by_category, mut by_region) =
        (HashMap::new(), HashMap::new(), HashMap::new());
    let (mut new_total, mut stale, mut questions) = (0, Vec::new(), Vec::new());
    for t in store.tickets() {
        let t = t?;
        if t.created_at >= since && t.created_at < now {
            new_total += 1;
            *by_kind.entry(t.dialog.clone()).or_insert(0) += 1;
            if let Some(Answer::Choice(c)) = t.answers.get("category") {
                *by_category.entry(c.clone()).or_insert(0) += 1;
            }
            let region = regions_of.get(&t.user).cloned().unwrap_or_default();
            *by_region.entry(region).or_insert(0) += 1;
        }
        if t.status.is_closed() {
            continue;
        }
        if t.prefix() == "QST" && t.status == TicketStatus::Open {
            questions.push(listed(&t, now));
        } else if now - t.created_at > stale_after {
            stale.push(listed(&t, now));
        }
    }
    let by_age = |a: &Listed, b: &Listed| b.days.cmp(&a.days).then_with(|| a.number.cmp(&b.number));
    stale.sort_by(by_age);
    questions.sort_by(by_age);

    let week_ago = now - SignedDuration::from_hours(24 * FAQ_DAYS);
    let mut faq: HashMap<String, usize> = HashMap::new();
    for log in store.faq_logs() {
        let log = log?;
        if log.at < week_ago || log.at > now {
            continue;
        }
        if !matches!(log.kind, FaqLogKind::Unanswered | FaqLogKind::Unhelpful) {
            continue;
        }
        let Some(text) = log.text.as_deref().or(log.entry.as_deref()) else {
            continue;
        };
        let key = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if !key.is_empty() {
            *faq.entry(key).or_insert(0) += 1;
        }
    }
    let mut faq_top = ranked(faq);
    faq_top.truncate(FAQ_MAX);

    let active_since = now - SignedDuration::from_hours(24 * ACTIVE_DAYS);
    let (mut users_total, mut active, mut blocked) = (0, 0, 0);
    for u in store.users() {
        let u = u?;
        users_total += 1;
        if !u.active {
            blocked += 1;
        } else if u.last_seen >= active_since {
            active += 1;
        }
    }
    Ok(DigestData {
        now,
        since,
        new_total,
        new_by_kind: ranked(by_kind),
        new_by_category: ranked(by_category),
        new_by_region: ranked(by_region),
        stale_after_days: config.staff.stale_after_days,
        stale,
        open_questions: questions,
        faq_top,
        users_total,
        registered,
        active,
        blocked,
    })
}

/// The digest text (Telegram HTML) in `lang`.
pub fn compose(content: &Content, lang: Lang, d: &DigestData) -> String {
    let i18n = &content.i18n;
    let t = |id: MsgId| i18n.msg(lang, id);
    let tf = |id: MsgId, args: Args<'_>| i18n.fmt(lang, id, args);
    let nothing = t(ids::DIGEST_NOTHING);
    let list = |items: Vec<String>| {
        if items.is_empty() {
            nothing.clone()
        } else {
            items.join(", ")
        }
    };
    let count = |name: String, n: usize| {
        tf(
            ids::DIGEST_COUNT,
            Args::new().html("name", name).num("count", n as i64),
        )
    };

    let mut out = tf(
        ids::DIGEST_TITLE,
        Args::new().str("date", crate::time::format_date(d.now, lang)),
    );
    out.push_str("\n\n");
    out.push_str(&tf(
        ids::DIGEST_NEW,
        Args::new()
            .num("count", d.new_total as i64)
            .str("since", crate::time::format_datetime(d.since, lang)),
    ));
    if d.new_total > 0 {
        let kinds = d
            .new_by_kind
            .iter()
            .map(|(dialog, n)| {
                let name = content
                    .dialog(dialog)
                    .map(|dl| i18n.text(lang, &dl.title, Args::new()))
                    .unwrap_or_else(|| escape(dialog));
                count(name, *n)
            })
            .collect();
        out.push('\n');
        out.push_str(&tf(
            ids::DIGEST_BY_KIND,
            Args::new().html("list", list(kinds)),
        ));
        let category_step = content.dialog("product").and_then(|p| p.step("category"));
        let categories = d
            .new_by_category
            .iter()
            .map(|(value, n)| {
                let name = match category_step {
                    Some(step) => display_answer(i18n, lang, step, &Answer::Choice(value.clone())),
                    None => escape(value),
                };
                count(name, *n)
            })
            .collect();
        out.push('\n');
        out.push_str(&tf(
            ids::DIGEST_BY_CATEGORY,
            Args::new().html("list", list(categories)),
        ));
        let regions = d
            .new_by_region
            .iter()
            .map(|(region, n)| {
                let name = if region.is_empty() {
                    t(ids::DIGEST_NO_PROFILE)
                } else {
                    escape(region)
                };
                count(name, *n)
            })
            .collect();
        out.push('\n');
        out.push_str(&tf(
            ids::DIGEST_BY_REGION,
            Args::new().html("list", list(regions)),
        ));
    }

    let status = |s: TicketStatus| i18n.text(lang, s.message_id(), Args::new());
    out.push_str("\n\n");
    out.push_str(&tf(
        ids::DIGEST_STALE,
        Args::new()
            .num("count", d.stale.len() as i64)
            .num("days", i64::from(d.stale_after_days)),
    ));
    for l in d.stale.iter().take(LIST_MAX) {
        out.push('\n');
        out.push_str(&tf(
            ids::DIGEST_TICKET_LINE,
            Args::new()
                .str("number", &l.number)
                .str("title", &l.title)
                .num("days", l.days)
                .html("status", status(l.status)),
        ));
    }
    more(&mut out, d.stale.len(), &tf);

    out.push_str("\n\n");
    out.push_str(&tf(
        ids::DIGEST_QUESTIONS,
        Args::new().num("count", d.open_questions.len() as i64),
    ));
    for l in d.open_questions.iter().take(LIST_MAX) {
        out.push('\n');
        out.push_str(&tf(
            ids::DIGEST_QUESTION_LINE,
            Args::new()
                .str("number", &l.number)
                .str("question", excerpt(&l.title))
                .num("days", l.days),
        ));
    }
    more(&mut out, d.open_questions.len(), &tf);

    out.push_str("\n\n");
    out.push_str(&t(ids::DIGEST_FAQ));
    if d.faq_top.is_empty() {
        out.push('\n');
        out.push_str(&nothing);
    }
    for (q, n) in &d.faq_top {
        out.push('\n');
        out.push_str(&tf(
            ids::DIGEST_FAQ_LINE,
            Args::new()
                .str("question", excerpt(q))
                .num("count", *n as i64),
        ));
    }

    out.push_str("\n\n");
    out.push_str(&tf(
        ids::DIGEST_USERS,
        Args::new()
            .num("total", d.users_total as i64)
            .num("registered", d.registered as i64)
            .num("active", d.active as i64)
            .num("days", ACTIVE_DAYS)
            .num("blocked", d.blocked as i64),
    ));
    out
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
    store.enqueue_digest(crate::dialog::OutMessage::new(chat, text), &today, now)?;
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
