//! The desk's pages, rendered on the server with maud: the layout, the
//! entry page that signs in with Telegram's launch data, the queue, a
//! ticket, the reports and the error pages. Every word comes from the
//! locales (`locales/<lang>/desk.ftl` and the staff texts); text from
//! people is escaped by maud, and the locales' own HTML is trusted.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::queue::{Assignee, Filter, PAGE, Page, Statuses, kind_code, status_code};
use crate::content::Content;
use crate::i18n::{Args, Lang, MsgId, ids};
use crate::records::{StaffAction, Ticket, TicketKind, TicketStatus};
use crate::staff::Writer;
use crate::store::Facet;

/// What every page of one request knows.
pub struct Ctx<'a> {
    pub content: &'a Content,
    pub lang: Lang,
    /// The signed-in staff member's name (none on the entry and error
    /// pages).
    pub user_name: Option<String>,
    /// The app's change counter when the page was made.
    pub changes: u64,
    pub csrf: String,
    /// A message from the last action, as plain text.
    pub flash: Option<String>,
}

impl Ctx<'_> {
    fn t(&self, id: MsgId) -> PreEscaped<String> {
        PreEscaped(self.content.i18n.msg(self.lang, id))
    }

    fn tf(&self, id: MsgId, args: Args<'_>) -> PreEscaped<String> {
        PreEscaped(self.content.i18n.fmt(self.lang, id, args))
    }

    /// A locale text as plain text (attributes, titles).
    fn plain(&self, id: MsgId) -> String {
        crate::html::to_plain(&self.content.i18n.msg(self.lang, id))
    }

    pub fn writer(&self) -> Writer<'_> {
        Writer {
            content: self.content,
            lang: self.lang,
            desk: None,
        }
    }

    fn kind_name(&self, kind: Option<TicketKind>) -> PreEscaped<String> {
        let dialog = match kind {
            Some(TicketKind::Product) => "product",
            Some(TicketKind::Mentoring) => "mentoring",
            Some(TicketKind::Question) => "question",
            None => "",
        };
        PreEscaped(self.writer().kind_name(dialog))
    }

    fn status_name(&self, status: TicketStatus) -> PreEscaped<String> {
        PreEscaped(self.writer().status_name(status))
    }
}

/// The frame of every page.
pub fn layout(ctx: &Ctx<'_>, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (ctx.plain(ids::DESK_TITLE)) }
                link rel="stylesheet" href="/desk/static/desk.css";
            }
            body data-changes=(ctx.changes) {
                @if let Some(name) = &ctx.user_name {
                    header {
                        nav {
                            a href="/desk/queue" { (ctx.t(ids::DESK_NAV_QUEUE)) }
                            a href="/desk/reports" { (ctx.t(ids::DESK_NAV_REPORTS)) }
                        }
                        span.who { (ctx.tf(ids::DESK_SIGNED_IN, Args::new().str("name", name))) }
                    }
                }
                main {
                    @if let Some(flash) = &ctx.flash {
                        p.flash role="status" { (flash) }
                    }
                    (body)
                }
                script src="/desk/static/desk.js" {}
            }
        }
    }
}

/// The page Telegram opens: the script signs in with the launch data.
pub fn entry(ctx: &Ctx<'_>, signed_in: bool) -> Markup {
    let body = html! {
        section #entry .card data-signed-in=(signed_in) {
            h1 { (ctx.t(ids::DESK_TITLE)) }
            p #opening { (ctx.t(ids::DESK_OPENING)) }
            p #outside hidden { (ctx.t(ids::DESK_OPEN_FROM_TELEGRAM)) }
        }
    };
    layout(ctx, &ctx.plain(ids::DESK_OPENING), body)
}

/// A refusal or a missing page, readable.
pub fn error(ctx: &Ctx<'_>, title: MsgId, text: MsgId) -> Markup {
    let body = html! {
        section.card.error {
            h1 { (ctx.t(title)) }
            p { (ctx.t(text)) }
        }
    };
    layout(ctx, &ctx.plain(title), body)
}

/// One line of the queue.
pub struct Row {
    pub facet: Facet,
    pub title: String,
    pub pesantren: Option<String>,
}

/// The queue: filters, counts per status, a page of tickets, bulk actions.
pub struct QueueView<'a> {
    pub filter: &'a Filter,
    pub page: &'a Page,
    pub rows: Vec<Row>,
    pub regions: Vec<String>,
    /// (value, label) of the product categories.
    pub categories: Vec<(String, String)>,
    pub now: jiff::Timestamp,
}

fn select_option(value: &str, selected: bool, label: PreEscaped<String>) -> Markup {
    html! { option value=(value) selected[selected] { (label) } }
}

fn filters(ctx: &Ctx<'_>, v: &QueueView<'_>) -> Markup {
    let f = v.filter;
    let any = || ctx.t(ids::DESK_ANY);
    let status_selected = |code: &str| match f.status {
        Statuses::Open => code == "open",
        Statuses::All => code == "all",
        Statuses::One(s) => status_code(s) == code,
    };
    html! {
        form.filters method="get" action="/desk/queue" {
            label { (ctx.t(ids::DESK_FILTER_KIND))
                select name="kind" {
                    (select_option("", f.kind.is_none(), any()))
                    @for k in [TicketKind::Product, TicketKind::Mentoring, TicketKind::Question] {
                        (select_option(kind_code(k), f.kind == Some(k), ctx.kind_name(Some(k))))
                    }
                }
            }
            label { (ctx.t(ids::DESK_FILTER_STATUS))
                select name="status" {
                    (select_option("open", status_selected("open"), ctx.t(ids::DESK_STATUS_OPEN)))
                    (select_option("all", status_selected("all"), ctx.t(ids::DESK_STATUS_ALL)))
                    @for s in TicketStatus::ALL {
                        (select_option(&status_code(s), status_selected(&status_code(s)), ctx.status_name(s)))
                    }
                }
            }
            label { (ctx.t(ids::DESK_FILTER_REGION))
                select name="region" {
                    (select_option("", f.region.is_none(), any()))
                    @for r in &v.regions {
                        (select_option(r, f.region.as_deref() == Some(r), PreEscaped(crate::html::escape(r))))
                    }
                }
            }
            label { (ctx.t(ids::DESK_FILTER_CATEGORY))
                select name="category" {
                    (select_option("", f.category.is_none(), any()))
                    @for (value, label) in &v.categories {
                        (select_option(value, f.category.as_deref() == Some(value), PreEscaped(label.clone())))
                    }
                }
            }
            label { (ctx.t(ids::DESK_FILTER_OLDER))
                input type="number" name="older" min="1" max="365" inputmode="numeric"
                    value=[f.older_than];
            }
            label { (ctx.t(ids::DESK_FILTER_ASSIGNEE))
                select name="assignee" {
                    (select_option("", f.assignee == Assignee::Anyone, any()))
                    (select_option("mine", f.assignee == Assignee::Mine, ctx.t(ids::DESK_ASSIGNEE_MINE)))
                    (select_option("none", f.assignee == Assignee::Unassigned, ctx.t(ids::DESK_ASSIGNEE_NONE)))
                }
            }
            label.wide { (ctx.t(ids::DESK_FILTER_SEARCH))
                input type="search" name="q" value=[f.search.as_deref()] maxlength="100";
            }
            div.buttons {
                button type="submit" { (ctx.t(ids::DESK_FILTER_APPLY)) }
                a href="/desk/queue" { (ctx.t(ids::DESK_FILTER_RESET)) }
            }
        }
    }
}

fn status_counts(ctx: &Ctx<'_>, v: &QueueView<'_>) -> Markup {
    let link = |s: TicketStatus| {
        Filter {
            status: Statuses::One(s),
            page: 0,
            ..v.filter.clone()
        }
        .query(0)
    };
    html! {
        ul.counts {
            @for s in TicketStatus::ALL {
                @let code = status_code(s);
                @if let Some(n) = v.page.by_status.get(&code) {
                    li {
                        a href={ "/desk/queue?" (link(s)) } {
                            (ctx.status_name(s)) " " span.n { (n) }
                        }
                    }
                }
            }
        }
    }
}

fn row(ctx: &Ctx<'_>, r: &Row, now: jiff::Timestamp) -> Markup {
    let f = &r.facet;
    let days = (now - f.created_at).as_secs().max(0) / 86_400;
    html! {
        li.ticket {
            label.pick title=(ctx.plain(ids::DESK_SELECT)) {
                input type="checkbox" name="n" value=(f.number);
                input type="hidden" name={ "v_" (f.number) } value=(f.version);
            }
            a.body href={ "/desk/ticket/" (f.number) } {
                span.number { (f.number) }
                span.title { (r.title) }
                @if let Some(p) = &r.pesantren { span.who { (p) } }
                span.meta {
                    span class={ "status s-" (status_code(f.status)) } { (ctx.status_name(f.status)) }
                    " · " (ctx.tf(ids::DESK_AGE, Args::new().num("days", days)))
                    @if let Some(region) = &f.region { " · " (region) }
                }
            }
        }
    }
}

pub fn queue(ctx: &Ctx<'_>, v: &QueueView<'_>) -> Markup {
    let pages = v.page.total.div_ceil(PAGE).max(1);
    let n = v.filter.page;
    let body = html! {
        details.filterbox open[v.filter != &Filter::default()] {
            summary { (ctx.t(ids::DESK_FILTERS)) }
            (filters(ctx, v))
        }
        (status_counts(ctx, v))
        p.total { (ctx.tf(ids::DESK_COUNT, Args::new().num("count", v.page.total as i64))) }
        @if v.rows.is_empty() {
            p.empty { (ctx.t(ids::DESK_EMPTY)) }
        } @else {
            form #bulk method="post" action="/desk/bulk" {
                input type="hidden" name="csrf" value=(ctx.csrf);
                input type="hidden" name="back" value=(v.filter.query(n));
                ul.tickets { @for r in &v.rows { (row(ctx, r, v.now)) } }
                div.bulk {
                    span { (ctx.t(ids::DESK_BULK)) }
                    button type="submit" name="action" value="tk" { (ctx.t(ids::DESK_BULK_TAKE)) }
                    button type="submit" name="action" value="ap" { (ctx.t(ids::DESK_BULK_APPROVE)) }
                }
            }
            nav.pages {
                @if n > 0 { a href={ "/desk/queue?" (v.filter.query(n - 1)) } { (ctx.t(ids::DESK_PREV)) } }
                span { (ctx.tf(ids::DESK_PAGE, Args::new().num("page", n as i64 + 1).num("pages", pages as i64))) }
                @if n + 1 < pages { a href={ "/desk/queue?" (v.filter.query(n + 1)) } { (ctx.t(ids::DESK_NEXT)) } }
            }
        }
    };
    layout(ctx, &ctx.plain(ids::DESK_NAV_QUEUE), body)
}

/// A ticket, as the desk shows it.
pub struct TicketView<'a> {
    pub ticket: &'a Ticket,
    /// (label, value as HTML) of the answers and of the profile.
    pub answers: Vec<(String, String)>,
    pub profile: Option<Vec<(String, String)>>,
    pub photos: usize,
    pub offered: &'a [StaffAction],
    pub can_answer: bool,
}

fn action_form(
    ctx: &Ctx<'_>,
    t: &Ticket,
    action: &str,
    label: PreEscaped<String>,
    note: Option<MsgId>,
) -> Markup {
    html! {
        form.action method="post" action={ "/desk/ticket/" (t.number) } {
            input type="hidden" name="csrf" value=(ctx.csrf);
            input type="hidden" name="version" value=(t.version());
            input type="hidden" name="action" value=(action);
            @if let Some(note) = note {
                label { (ctx.t(note))
                    textarea name="note" rows="3" maxlength="2000" required {}
                }
            }
            button type="submit" { (label) }
        }
    }
}

fn facts(rows: &[(String, String)]) -> Markup {
    html! {
        dl.facts {
            @for (label, value) in rows {
                dt { (PreEscaped(label)) }
                dd { (PreEscaped(value)) }
            }
        }
    }
}

pub fn ticket(ctx: &Ctx<'_>, v: &TicketView<'_>) -> Markup {
    let t = v.ticket;
    let writer = ctx.writer();
    let body = html! {
        p { a href="/desk/queue" { (ctx.t(ids::DESK_BACK)) } }
        article.card {
            h1 { span.number { (t.number) } " " (t.title()) }
            p.meta {
                (ctx.kind_name(t.kind())) " · "
                span class={ "status s-" (status_code(t.status)) } { (ctx.status_name(t.status)) }
                @if let Some(a) = &t.assignee {
                    " · " (ctx.tf(ids::DESK_ASSIGNEE, Args::new().str("staff", &a.name)))
                }
            }
            @if v.photos > 0 {
                h2 { (ctx.t(ids::DESK_PHOTOS)) }
                div.gallery {
                    @for i in 0..v.photos {
                        a href={ "/desk/photo/" (t.number) "/" (i) } {
                            img src={ "/desk/photo/" (t.number) "/" (i) } loading="lazy"
                                alt=(crate::html::to_plain(&ctx.content.i18n.fmt(ctx.lang, ids::DESK_PHOTO_ALT,
                                    Args::new().num("index", i as i64 + 1).str("number", &t.number))));
                        }
                    }
                }
            }
            h2 { (ctx.t(ids::DESK_ANSWERS)) }
            (facts(&v.answers))
            h2 { (ctx.t(ids::DESK_PROFILE)) }
            @match &v.profile {
                Some(rows) => (facts(rows)),
                None => p { (ctx.t(ids::DESK_NO_PROFILE)) },
            }
            h2 { (ctx.t(ids::DESK_HISTORY)) }
            ol.timeline {
                @for entry in &t.history {
                    li { (PreEscaped(writer.history_line(entry).trim_start_matches("• ").to_string())) }
                }
            }
        }
        section.card.actions {
            h2 { (ctx.t(ids::DESK_ACTIONS)) }
            @if v.offered.is_empty() && !v.can_answer {
                p { (ctx.t(ids::DESK_NO_ACTIONS)) }
            }
            @for a in v.offered {
                @let note = match a {
                    StaffAction::Schedule => Some(ids::DESK_NOTE_DATE),
                    a if a.needs_note() => Some(ids::DESK_NOTE_REASON),
                    _ => None,
                };
                (action_form(ctx, t, a.code(), ctx.t(crate::staff::action_button(*a)), note))
            }
            @if v.can_answer {
                (action_form(ctx, t, crate::staff::DESK_ANSWER, ctx.t(ids::DESK_ANSWER_BUTTON), Some(ids::DESK_NOTE_ANSWER)))
            }
        }
    };
    layout(ctx, &t.number, body)
}

/// The reports: charts drawn on the server, and the exports.
pub struct ReportsView {
    pub weekly: String,
    pub regions: String,
    pub categories: String,
    pub ages: String,
    pub median_hours: Option<f64>,
    /// The queue's current filter, for the exports.
    pub query: String,
    pub matching: usize,
}

pub fn reports(ctx: &Ctx<'_>, v: &ReportsView) -> Markup {
    let body = html! {
        h1 { (ctx.t(ids::DESK_REPORTS_TITLE)) }
        section.card.chart { h2 { (ctx.t(ids::DESK_CHART_WEEKLY)) } (PreEscaped(&v.weekly)) }
        section.card {
            @match v.median_hours {
                Some(h) => p { (ctx.tf(ids::DESK_MEDIAN_FIRST, Args::new().str("hours", format!("{h:.1}")))) },
                None => p { (ctx.t(ids::DESK_MEDIAN_NONE)) },
            }
        }
        section.card.chart { h2 { (ctx.t(ids::DESK_CHART_REGION)) } (PreEscaped(&v.regions)) }
        section.card.chart { h2 { (ctx.t(ids::DESK_CHART_CATEGORY)) } (PreEscaped(&v.categories)) }
        section.card.chart { h2 { (ctx.t(ids::DESK_CHART_AGE)) } (PreEscaped(&v.ages)) }
        section.card.exports {
            p { (ctx.tf(ids::DESK_REPORTS_FILTER, Args::new().html("count",
                ctx.content.i18n.fmt(ctx.lang, ids::DESK_COUNT, Args::new().num("count", v.matching as i64))))) }
            a.button href={ "/desk/export.xlsx?" (v.query) } { (ctx.t(ids::DESK_EXPORT_XLSX)) }
            a.button href={ "/desk/export.csv?" (v.query) } { (ctx.t(ids::DESK_EXPORT_CSV)) }
        }
    };
    layout(ctx, &ctx.plain(ids::DESK_REPORTS_TITLE), body)
}
