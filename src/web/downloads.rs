//! The desk's downloads: product photos (from the cache, else fetched
//! from Telegram), the reports page with its charts, and the current
//! filter as a workbook or a CSV file. Signed-in staff only.

use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::Desk;
use super::handlers::{D, now, pairs, photos_of, select};
use super::pages::{self, ReportsView};
use super::queue::Filter;
use crate::i18n::{Lang, MsgId, ids};
use crate::records::Answer;

pub async fn photo(
    State(desk): D,
    headers: HeaderMap,
    Path((number, index)): Path<(String, usize)>,
) -> Response {
    let who = match desk.who(&headers) {
        Ok(w) => w,
        Err(r) => return *r,
    };
    let Ok(Some(ticket)) = desk.app.store.ticket(&number) else {
        return desk.missing(who.lang);
    };
    let Some(file_id) = photos_of(&ticket).into_iter().nth(index) else {
        return desk.missing(who.lang);
    };
    let bytes = match desk.photos.get(ticket.user, &number, index) {
        Some(b) => b,
        None => match desk.fetch.fetch(&file_id).await {
            Ok(b) => {
                desk.photos.put(ticket.user, &number, index, &b);
                b
            }
            Err(e) => {
                tracing::warn!(error = %e, "a photo could not be fetched for the desk");
                return desk.unavailable(who.lang);
            }
        },
    };
    let mime = if bytes.starts_with(b"\x89PNG") {
        "image/png"
    } else if bytes.len() > 12 && &bytes[8..12] == b"WEBP" {
        "image/webp"
    } else {
        "image/jpeg"
    };
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=3600"),
            ),
        ],
        Body::from(bytes),
    )
        .into_response()
}

pub async fn reports(State(desk): D, headers: HeaderMap, RawQuery(q): RawQuery) -> Response {
    let who = match desk.who(&headers) {
        Ok(w) => w,
        Err(r) => return *r,
    };
    let Ok(facets) = desk.app.store.facets() else {
        return desk.unavailable(who.lang);
    };
    let filter = Filter::parse(&pairs(q.as_deref().unwrap_or("")));
    let matching = select(&desk, &filter, who.session.user)
        .map(|p| p.total)
        .unwrap_or(0);
    let report = crate::reports::gather(facets.values(), now());
    let view = report_view(&desk, who.lang, &report, filter.query(0), matching);
    desk.page(&who, pages::reports(&desk.ctx(who.lang, Some(&who)), &view))
}

/// The charts' texts in `lang`, and the charts.
fn report_view(
    desk: &Desk,
    lang: Lang,
    report: &crate::reports::Report,
    query: String,
    matching: usize,
) -> ReportsView {
    let i18n = &desk.app.content.i18n;
    let plain = |id: MsgId| crate::html::to_plain(&i18n.msg(lang, id));
    let kind = |dialog: &str| crate::html::to_plain(&desk.app.content.dialog_title(lang, dialog));
    let kinds = [kind("product"), kind("mentoring"), kind("question")];
    // The page heads each chart; the charts carry no title of their own.
    let title = String::new();
    let week_label = |d: jiff::civil::Date| format!("{}/{}", d.day(), d.month());
    let text = crate::reports::ChartText {
        title: &title,
        kinds: [&kinds[0], &kinds[1], &kinds[2]],
        week_label: &week_label,
    };
    let category_label = |value: &str| -> String {
        desk.app
            .content
            .step("product", "category")
            .map(|step| {
                crate::html::to_plain(&crate::content::display_answer(
                    i18n,
                    lang,
                    step,
                    &Answer::Choice(value.to_string()),
                ))
            })
            .unwrap_or_else(|| value.to_string())
    };
    let categories: Vec<(String, usize)> = report
        .by_category
        .iter()
        .map(|(v, n)| (category_label(v), *n))
        .collect();
    let none = plain(ids::DESK_NO_REGION);
    let regions: Vec<(String, usize)> = report
        .by_region
        .iter()
        .map(|(r, n)| {
            (
                if r.is_empty() {
                    none.clone()
                } else {
                    r.clone()
                },
                *n,
            )
        })
        .collect();
    ReportsView {
        weekly: crate::reports::weekly_svg(report, &text),
        regions: crate::reports::bars_svg("", &regions, 12),
        categories: crate::reports::bars_svg("", &categories, 12),
        ages: crate::reports::bars_svg("", &report.age_items(), 5),
        median_hours: report.median_first_action_hours,
        query,
        matching,
    }
}

fn download(name: &str, mime: &'static str, bytes: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        Body::from(bytes),
    )
        .into_response()
}

pub async fn export_xlsx(State(desk): D, headers: HeaderMap, RawQuery(q): RawQuery) -> Response {
    export(
        &desk,
        &headers,
        q.as_deref(),
        (
            "opop-desk.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        crate::export::xlsx,
    )
}

pub async fn export_csv(State(desk): D, headers: HeaderMap, RawQuery(q): RawQuery) -> Response {
    export(
        &desk,
        &headers,
        q.as_deref(),
        ("opop-desk.csv", "text/csv; charset=utf-8"),
        crate::export::csv_one,
    )
}

/// The tickets of the queue's filter as a file `(name, type)` made by
/// `write`.
fn export(
    desk: &Desk,
    headers: &HeaderMap,
    query: Option<&str>,
    (name, mime): (&str, &'static str),
    write: fn(&[crate::export::Sheet]) -> Result<Vec<u8>, crate::export::ExportError>,
) -> Response {
    let who = match desk.who(headers) {
        Ok(w) => w,
        Err(r) => return *r,
    };
    let filter = Filter::parse(&pairs(query.unwrap_or("")));
    let Ok(page) = select(desk, &filter, who.session.user) else {
        return desk.unavailable(who.lang);
    };
    let made =
        crate::export::sheets_of(&desk.app.store, &desk.app.content, who.lang, &page.numbers)
            .and_then(|sheets| write(&sheets));
    match made {
        Ok(bytes) => download(name, mime, bytes),
        Err(e) => {
            tracing::error!(error = %e, file = name, "the desk's download could not be made");
            desk.unavailable(who.lang)
        }
    }
}
