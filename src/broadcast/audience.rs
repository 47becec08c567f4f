//! Who receives a broadcast and what they receive: an audience's
//! recipients now (active users only) with their languages, the message
//! one recipient gets, how an audience and a job's state read, and the
//! schedule's date and time as people type them (WIB).

use jiff::Timestamp;

use crate::content::{Content, display_answer};
use crate::html;
use crate::i18n::{Args, Lang, ids};
use crate::outcome::OutMessage;
use crate::records::{Announcement, Answer, Audience, Counts, Job, JobState};
use crate::store::{Reads, StoreError};

/// The message one recipient gets, in their language.
pub fn render(content: &Content, announcement: &Announcement, chat: i64, lang: Lang) -> OutMessage {
    let header = content.i18n.msg(lang, ids::BROADCAST_HEADER);
    let text = format!("{header}\n\n{}", announcement.text_for(lang));
    OutMessage {
        media: announcement.photo.iter().cloned().collect(),
        ..OutMessage::new(chat, text)
    }
}

/// The audience's recipients now, with their languages: active users only.
pub fn recipients(reads: &dyn Reads, audience: &Audience) -> Result<Vec<(i64, Lang)>, StoreError> {
    let mut out = Vec::new();
    let profile_text = |user: i64, field: &str| -> Result<Option<String>, StoreError> {
        Ok(reads
            .profile(user)?
            .and_then(|p| p.text(field).map(str::to_string)))
    };
    reads.each_user(&mut |user| {
        if !user.active || user.id <= 0 {
            return Ok(());
        }
        let lang = user.speaks();
        let wanted = match audience {
            Audience::All => true,
            Audience::Language(l) => lang == *l,
            Audience::NoProfile => reads.profile(user.id)?.is_none(),
            Audience::Regions(regions) => {
                profile_text(user.id, "region")?.is_some_and(|r| regions.contains(&r))
            }
            Audience::Pillars(pillars) => {
                profile_text(user.id, "pillar")?.is_some_and(|p| pillars.contains(&p))
            }
            Audience::Categories(categories) => {
                reads.tickets_of_user(user.id).iter().any(|t| {
                    t.dialog == "product"
                        && matches!(t.answers.get("category"), Some(Answer::Choice(c)) if categories.contains(c))
                })
            }
        };
        if wanted {
            out.push((user.id, lang));
        }
        Ok(())
    })?;
    Ok(out)
}

/// "Kabupaten Malang, Kota Batu" and the like (HTML).
pub fn describe(content: &Content, lang: Lang, audience: &Audience) -> String {
    let i18n = &content.i18n;
    let labels = |dialog: &str, step: &str, values: &[String]| -> String {
        let step = content.step(dialog, step);
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
                Lang::Jv => ids::LANGUAGE_JV,
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

/// A job's line in /siaran_status and in its final progress line.
pub fn status_line(content: &Content, lang: Lang, job: &Job, c: &Counts) -> String {
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
        counts(
            Args::new()
                .num("id", job.id as i64)
                .html("state", content.i18n.msg(lang, state))
                .str("when", crate::time::format_datetime(when, lang))
                .html("audience", describe(content, lang, &job.audience)),
            c,
        ),
    )
}

/// The ledger totals every progress and status line shows.
pub(super) fn counts<'a>(args: Args<'a>, c: &Counts) -> Args<'a> {
    args.num("sent", c.sent as i64)
        .num("failed", c.failed as i64)
        .num("blocked", c.blocked as i64)
        .num("remaining", c.remaining() as i64)
        .num("total", c.total() as i64)
}

/// "2026-12-01 08:00", "1/12 08.00", "01-12-2026 8:00"; "besok 08:00"
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
