//! The programme's figures for staff, drawn on the server: submissions per
//! week by kind, by region and by category, open tickets by age, and the
//! time to a first staff action, from the desk's ticket index (nothing
//! personal). SVG for the desk's reports page, the weekly chart as PNG with
//! the daily digest.
//!
//! All pure and deterministic (same input, same bytes). Every word drawn
//! comes from the caller, who localizes it. The PNG's text is set in the
//! DejaVu Sans embedded from `assets/fonts/`, the same on every machine.

use std::collections::HashMap;
use std::sync::Once;

use jiff::civil::Date;
use jiff::{Span, Timestamp};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::records::TicketKind;
use crate::store::Facet;
use crate::time::wib;

/// How many ISO weeks the report covers, the current one last.
pub const WEEKS: usize = 12;

/// The labels of [`Report::open_by_age`], in days (numbers: no translation).
pub const AGE_BUCKETS: [&str; 5] = ["0–2", "3–7", "8–14", "15–30", ">30"];

/// The font family every chart names (registered with the embedded font).
const FAMILY: &str = "sans-serif";
const FONT: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");

/// Product, mentoring, question: calm, readable on light and dark.
const KIND_COLOURS: [RGBColor; 3] = [
    RGBColor(0x2e, 0x7d, 0x32),
    RGBColor(0x15, 0x65, 0xc0),
    RGBColor(0xef, 0x6c, 0x00),
];
const BAR: RGBColor = RGBColor(0x15, 0x65, 0xc0);
const BACKGROUND: RGBColor = RGBColor(0xff, 0xff, 0xff);
const INK: RGBColor = RGBColor(0x33, 0x33, 0x33);
const GRID: RGBColor = RGBColor(0xe0, 0xe0, 0xe0);
const AXIS: RGBColor = RGBColor(0x9e, 0x9e, 0x9e);

const SVG_SIZE: (u32, u32) = (720, 360);
/// The weekly chart on the desk's page: fewer units than the PNG's layout, so
/// its text is larger on a phone.
const PAGE_SIZE: (u32, u32) = (520, 320);
/// Width of the bar charts: narrower than the weekly chart, so their text
/// stays readable on a phone.
const BARS_WIDTH: u32 = 480;
const PNG_SIZE: (u32, u32) = (960, 480);

/// One ISO week's new tickets by kind (by `created_at`, in WIB).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeekCount {
    /// The Monday the week starts on.
    pub start: Date,
    pub product: usize,
    pub mentoring: usize,
    pub question: usize,
}

impl WeekCount {
    fn kinds(&self) -> [usize; 3] {
        [self.product, self.mentoring, self.question]
    }

    pub fn total(&self) -> usize {
        self.kinds().iter().sum()
    }
}

/// The figures of the last [`WEEKS`] weeks. A ticket without a kind (none
/// are made today) counts everywhere except in `weeks`.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Oldest first, ending with the week containing `now`.
    pub weeks: Vec<WeekCount>,
    /// Tickets created in those weeks by region, most first, then by name;
    /// tickets without a region under "".
    pub by_region: Vec<(String, usize)>,
    /// Product tickets created in those weeks by category value, most first,
    /// then by value; without a category under "".
    pub by_category: Vec<(String, usize)>,
    /// Open tickets (any age) by whole days since creation, bucketed as
    /// [`AGE_BUCKETS`].
    pub open_by_age: [usize; 5],
    /// The median hours from creation to the first staff action, over the
    /// tickets created in those weeks that had one.
    pub median_first_action_hours: Option<f64>,
    /// The same per week of creation, parallel to `weeks`.
    pub weekly_median_first_action_hours: Vec<Option<f64>>,
}

impl Report {
    /// `open_by_age` as items for [`bars_svg`], labelled with [`AGE_BUCKETS`].
    pub fn age_items(&self) -> Vec<(String, usize)> {
        AGE_BUCKETS
            .iter()
            .zip(self.open_by_age)
            .map(|(label, n)| (label.to_string(), n))
            .collect()
    }
}

/// Counts the facets into the report of the [`WEEKS`] weeks up to `now`.
pub fn gather<'a>(facets: impl IntoIterator<Item = &'a Facet>, now: Timestamp) -> Report {
    let tz = wib();
    let today = now.to_zoned_datetime(tz.clone()).date();
    let monday = minus_days(today, i64::from(today.weekday().to_monday_zero_offset()));
    let first = minus_days(monday, 7 * (WEEKS as i64 - 1));
    let mut weeks: Vec<WeekCount> = (0..WEEKS)
        .map(|i| WeekCount {
            start: minus_days(first, -7 * i as i64),
            ..WeekCount::default()
        })
        .collect();
    let (mut regions, mut categories) = (HashMap::new(), HashMap::new());
    let mut open_by_age = [0usize; 5];
    let mut hours: Vec<Vec<f64>> = vec![Vec::new(); WEEKS];
    for facet in facets {
        if !facet.status.is_closed() {
            open_by_age[age_bucket(now, facet.created_at)] += 1;
        }
        let created = facet.created_at.to_zoned_datetime(tz.clone()).date();
        let days = created.duration_since(first).as_secs().div_euclid(86_400);
        let week = usize::try_from(days.div_euclid(7)).unwrap_or(WEEKS);
        if week >= WEEKS {
            continue;
        }
        match facet.kind {
            Some(TicketKind::Product) => weeks[week].product += 1,
            Some(TicketKind::Mentoring) => weeks[week].mentoring += 1,
            Some(TicketKind::Question) => weeks[week].question += 1,
            None => {}
        }
        bump(&mut regions, &facet.region);
        if facet.kind == Some(TicketKind::Product) {
            bump(&mut categories, &facet.category);
        }
        if let Some(at) = facet.first_action_at {
            let secs = (at - facet.created_at).as_secs().max(0);
            hours[week].push(secs as f64 / 3600.0);
        }
    }
    let all: Vec<f64> = hours.iter().flatten().copied().collect();
    Report {
        weeks,
        by_region: most_first(regions),
        by_category: most_first(categories),
        open_by_age,
        median_first_action_hours: median(all),
        weekly_median_first_action_hours: hours.into_iter().map(median).collect(),
    }
}

fn bump(counts: &mut HashMap<String, usize>, key: &Option<String>) {
    *counts.entry(key.clone().unwrap_or_default()).or_default() += 1;
}

/// `date` minus `days` days (plus, when negative); `date` if out of range.
fn minus_days(date: Date, days: i64) -> Date {
    date.checked_sub(Span::new().days(days)).unwrap_or(date)
}

/// The [`AGE_BUCKETS`] index of a ticket created at `created`: whole days
/// (24 hours) elapsed at `now`.
fn age_bucket(now: Timestamp, created: Timestamp) -> usize {
    match (now - created).as_secs().max(0) / 86_400 {
        0..=2 => 0,
        3..=7 => 1,
        8..=14 => 2,
        15..=30 => 3,
        _ => 4,
    }
}

fn most_first(counts: HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut items: Vec<(String, usize)> = counts.into_iter().collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    items
}

/// The median (mean of the middle two for an even count).
fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[n / 2]),
        n => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// The caller's words for the weekly chart.
pub struct ChartText<'a> {
    pub title: &'a str,
    /// The legend: product, mentoring, question.
    pub kinds: [&'a str; 3],
    /// A week's label under its bar, from its Monday ("23 Nov").
    pub week_label: &'a dyn Fn(Date) -> String,
}

/// Registers the embedded font under [`FAMILY`], once per process.
fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_err() {
            tracing::error!("reports: the embedded font does not load; charts lose their text");
        }
    });
}

/// The weekly chart as SVG: a stacked bar per week by kind, with a legend;
/// 520×320 user units, `width="100%"` so it scales to the page. Empty on a
/// drawing error (logged).
pub fn weekly_svg(report: &Report, text: &ChartText) -> String {
    svg_of(PAGE_SIZE, |root| draw_weekly(root, report, text, 1.0))
}

/// An SVG of `size` user units drawn by `draw`, made scalable; "" on error.
fn svg_of(
    size: (u32, u32),
    draw: impl for<'a> FnOnce(&SvgArea<'a>) -> DrawResult<SVGBackend<'a>>,
) -> String {
    register_font();
    let mut svg = String::new();
    let drawn = draw(&SVGBackend::with_string(&mut svg, size).into_drawing_area());
    match drawn.map_err(|e| e.to_string()) {
        Ok(()) => scalable(svg, size),
        Err(e) => {
            tracing::error!("reports: chart SVG: {e}");
            String::new()
        }
    }
}

/// The weekly chart as an 8-bit RGB PNG of 960×480, for the digest. Empty
/// on a drawing or encoding error (logged).
pub fn weekly_png(report: &Report, text: &ChartText) -> Vec<u8> {
    register_font();
    let (w, h) = PNG_SIZE;
    let mut pixels = vec![0u8; w as usize * h as usize * 3];
    let root = BitMapBackend::with_buffer(&mut pixels, PNG_SIZE).into_drawing_area();
    let drawn = draw_weekly(&root, report, text, f64::from(w) / f64::from(SVG_SIZE.0));
    let drawn = drawn.map_err(|e| e.to_string());
    drop(root);
    match drawn.and_then(|()| encode_png(&pixels, PNG_SIZE).map_err(|e| e.to_string())) {
        Ok(png) => png,
        Err(e) => {
            tracing::error!("reports: weekly PNG: {e}");
            Vec::new()
        }
    }
}

fn encode_png(rgb: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgb)?;
    writer.finish()?;
    Ok(out)
}

type SvgArea<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws the weekly chart; `s` scales every length from the 720×360 layout.
fn draw_weekly<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    report: &Report,
    text: &ChartText,
    s: f64,
) -> DrawResult<DB> {
    let px = |v: f64| (v * s).round() as u32;
    root.fill(&BACKGROUND)?;
    let (header, body) = root.split_vertically(px(58.0));
    draw_header(&header, text.title, &text.kinds, s)?;
    let n = report.weeks.len() as u32;
    let top = report.weeks.iter().map(WeekCount::total).max().unwrap_or(0);
    let mut chart = ChartBuilder::on(&body)
        .margin_left(px(8.0))
        .margin_right(px(16.0))
        .margin_bottom(px(6.0))
        .x_label_area_size(px(26.0))
        .y_label_area_size(px(40.0))
        .build_cartesian_2d((0..n.saturating_sub(1)).into_segmented(), 0..headroom(top))?;
    let week_label = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(i) => report
            .weeks
            .get(*i as usize)
            .map(|w| (text.week_label)(w.start))
            .unwrap_or_default(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID.stroke_width(px(1.0).max(1)))
        .axis_style(AXIS)
        .x_labels(n as usize)
        .x_label_formatter(&week_label)
        .y_labels(6)
        .label_style((FAMILY, 14.0 * s).into_font().color(&INK))
        .draw()?;
    for (k, colour) in KIND_COLOURS.iter().enumerate() {
        let bars = report.weeks.iter().enumerate().filter_map(|(i, w)| {
            let below: usize = w.kinds()[..k].iter().sum();
            let height = w.kinds()[k];
            let x = |d| SegmentValue::Exact(i as u32 + d);
            let mut bar = Rectangle::new([(x(0), below), (x(1), below + height)], colour.filled());
            bar.set_margin(0, 0, px(7.0), px(7.0));
            (height > 0).then_some(bar)
        });
        chart.draw_series(bars)?;
    }
    root.present()
}

/// The title, and under it the legend: a swatch and the word of each kind.
fn draw_header<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    kinds: &[&str; 3],
    s: f64,
) -> DrawResult<DB> {
    let px = |v: f64| (v * s).round() as i32;
    let title_font = (FAMILY, 20.0 * s).into_font().color(&INK);
    area.draw(&Text::new(title, (px(12.0), px(8.0)), title_font))?;
    let font = (FAMILY, 15.0 * s).into_font().color(&INK);
    let centre = Pos::new(HPos::Left, VPos::Center);
    // Without a title (the page heads the chart) the legend starts at the
    // top and may take two lines.
    let first = if title.is_empty() { px(12.0) } else { px(42.0) };
    let (mut x, mut y) = (px(12.0), first);
    let right = area.dim_in_pixel().0 as i32 - px(8.0);
    for (kind, colour) in kinds.iter().zip(KIND_COLOURS) {
        let (width, _) = area.estimate_text_size(kind, &font)?;
        if x > px(12.0) && x + px(18.0) + width as i32 > right {
            x = px(12.0);
            y += px(22.0);
        }
        let swatch = [(x, y - px(6.0)), (x + px(12.0), y + px(6.0))];
        area.draw(&Rectangle::new(swatch, colour.filled()))?;
        x += px(18.0);
        area.draw(&Text::new(*kind, (x, y), font.pos(centre)))?;
        x += width as i32 + px(22.0);
    }
    Ok(())
}

/// An axis end a little above the largest value (at least 1).
fn headroom(top: usize) -> usize {
    top + (top / 8).max(1)
}

/// Rewrites the root tag's fixed size as `width="100%"` (the `viewBox`
/// keeps the aspect ratio), so the chart scales to a phone screen.
fn scalable(svg: String, (w, h): (u32, u32)) -> String {
    let end = svg.find('>').unwrap_or(0);
    let root = svg[..end]
        .replacen(&format!("width=\"{w}\""), "width=\"100%\"", 1)
        .replacen(&format!(" height=\"{h}\""), "", 1);
    format!("{root}{}", &svg[end..])
}

/// How many characters of an item's name a horizontal bar chart shows.
const NAME_CHARS: usize = 28;

/// A horizontal bar chart of `items` in the order given (pass them most
/// first), 720 wide and as tall as the bars need, `width="100%"`. Only the
/// first `max_items` are drawn: the rest are left out (a caller that wants
/// "other" sums them into an item of its own). Names longer than 28
/// characters are cut with "…"; the count is written at each bar's end.
/// Empty on a drawing error (logged).
pub fn bars_svg(title: &str, items: &[(String, usize)], max_items: usize) -> String {
    let items = &items[..items.len().min(max_items)];
    let height = (72 + 30 * (items.len() as u32 + 1)).max(120);
    svg_of((BARS_WIDTH, height), |root| draw_bars(root, title, items))
}

fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    items: &[(String, usize)],
) -> DrawResult<DB> {
    root.fill(&BACKGROUND)?;
    let font = (FAMILY, 14.0).into_font().color(&INK);
    let names: Vec<String> = items.iter().map(|(name, _)| shorten(name)).collect();
    let widths = names
        .iter()
        .map(|n| root.estimate_text_size(n, &font).map(|(w, _)| w));
    let label_width = widths.collect::<Result<Vec<_>, _>>()?.into_iter().max();
    let label_width = label_width.unwrap_or(0);
    let n = items.len() as u32;
    let top = items.iter().map(|(_, c)| *c).max().unwrap_or(0);
    let mut chart = ChartBuilder::on(root)
        .caption(title, (FAMILY, 20.0).into_font().color(&INK))
        .margin(10)
        .x_label_area_size(24)
        .y_label_area_size(label_width + 12)
        .build_cartesian_2d(
            0..top + (top / 5).max(1),
            // One segment more than bars: a range of one value has no
            // height, so a single bar would not show.
            (0..n).into_segmented(),
        )?;
    // Bar i is drawn at row n-1-i, so the first item is on top.
    let row_name = |v: &SegmentValue<u32>| match v {
        SegmentValue::CenterOf(row) if *row < n => names[(n - 1 - row) as usize].clone(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .axis_style(AXIS)
        .y_labels(n.max(1) as usize)
        .y_label_formatter(&row_name)
        .x_labels(6)
        .label_style(font.clone())
        .draw()?;
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, (_, count))| (n - 1 - i as u32, *count));
    chart.draw_series(rows.clone().map(|(row, count)| {
        let (y0, y1) = (SegmentValue::Exact(row), SegmentValue::Exact(row + 1));
        let mut bar = Rectangle::new([(0, y0), (count, y1)], BAR.filled());
        bar.set_margin(5, 5, 0, 0);
        bar
    }))?;
    let value_font = font.pos(Pos::new(HPos::Left, VPos::Center));
    chart.draw_series(rows.map(|(row, count)| {
        EmptyElement::at((count, SegmentValue::CenterOf(row)))
            + Text::new(count.to_string(), (5, 0), value_font.clone())
    }))?;
    root.present()
}

fn shorten(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        return name.to_string();
    }
    format!("{}…", name.chars().take(NAME_CHARS - 1).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::TicketStatus;

    // Wednesday 25 Nov 2026, 12:00 WIB: the last week starts Monday 23 Nov.
    const NOW: &str = "2026-11-25T05:00:00Z";

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn facet(kind: TicketKind, status: TicketStatus, created: &str) -> Facet {
        Facet {
            number: created.to_string(),
            kind: Some(kind),
            status,
            created_at: at(created),
            updated_at: at(created),
            first_action_at: None,
            region: None,
            category: None,
            assignee: None,
            version: 1,
        }
    }

    fn sample() -> Vec<Facet> {
        use TicketKind::*;
        use TicketStatus::*;
        let mut f = vec![
            // Monday 23 Nov 01:00 WIB (Sunday in UTC): this week.
            facet(Product, Open, "2026-11-22T18:00:00Z"),
            // Sunday 22 Nov 23:00 WIB: last week.
            facet(Product, Approved, "2026-11-22T16:00:00Z"),
            facet(Mentoring, Done, "2026-11-20T03:00:00Z"),
            facet(Question, Answered, "2026-11-24T03:00:00Z"),
            // Monday 7 Sep 00:00 WIB: the first of the 12 weeks.
            facet(Question, Open, "2026-09-06T17:00:00Z"),
            // Sunday 6 Sep 23:59 WIB: before them.
            facet(Product, Open, "2026-09-06T16:59:00Z"),
        ];
        // First actions after 1, 3 and 10 hours.
        let more = [
            ("Malang", Some("kopi"), "2026-11-22T19:00:00Z"),
            ("Malang", Some("kopi"), "2026-11-22T19:00:00Z"),
            ("Jember", None, "2026-11-20T13:00:00Z"),
        ];
        for (f, (region, category, action)) in f.iter_mut().zip(more) {
            f.region = Some(region.into());
            f.category = category.map(Into::into);
            f.first_action_at = Some(at(action));
        }
        f
    }

    #[test]
    fn counts_per_week_region_and_category() {
        let r = gather(&sample(), at(NOW));
        assert_eq!(r.weeks.len(), WEEKS);
        assert_eq!(r.weeks[0].start, Date::constant(2026, 9, 7));
        assert_eq!(r.weeks[11].start, Date::constant(2026, 11, 23));
        let totals: Vec<[usize; 3]> = r.weeks.iter().map(WeekCount::kinds).collect();
        assert_eq!(totals[11], [1, 0, 1]);
        assert_eq!(totals[10], [1, 1, 0]);
        assert_eq!(totals[0], [0, 0, 1]);
        assert_eq!(r.weeks.iter().map(WeekCount::total).sum::<usize>(), 5);
        let region = |s: &str, n| (s.to_string(), n);
        assert_eq!(
            r.by_region,
            [region("", 2), region("Malang", 2), region("Jember", 1)]
        );
        assert_eq!(r.by_category, [region("kopi", 2)]);
    }

    #[test]
    fn medians_of_odd_and_even_counts() {
        let r = gather(&sample(), at(NOW));
        assert_eq!(r.median_first_action_hours, Some(3.0));
        assert_eq!(r.weekly_median_first_action_hours[11], Some(1.0));
        assert_eq!(r.weekly_median_first_action_hours[10], Some(6.5));
        assert_eq!(r.weekly_median_first_action_hours[0], None);
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(Vec::new()), None);
    }

    #[test]
    fn open_tickets_by_age_bucket_edges() {
        use TicketKind::*;
        use TicketStatus::*;
        let now = at(NOW);
        let ago = |h: i64| (now - jiff::SignedDuration::from_hours(h)).to_string();
        let open = |h| facet(Question, Open, &ago(h));
        let facets = [
            open(0),
            open(3 * 24 - 1), // 2 days 23 h
            open(3 * 24),
            open(8 * 24 - 1),
            open(8 * 24),
            open(31 * 24 - 1), // 30 days 23 h
            open(31 * 24),
            open(400 * 24),
            facet(Question, Answered, &ago(100 * 24)),
            facet(Mentoring, Assigned, &ago(20 * 24)), // still open
        ];
        let r = gather(&facets, now);
        assert_eq!(r.open_by_age, [2, 2, 1, 2, 2]);
        assert_eq!(r.age_items()[4], (">30".to_string(), 2));
    }

    fn text_of<T>(r: &Report, f: impl Fn(&Report, &ChartText) -> T) -> T {
        let label = |d: Date| format!("{}/{}", d.day(), d.month());
        let text = ChartText {
            title: "Weekly <test> & co",
            kinds: ["PRD", "MNT", "QST"],
            week_label: &label,
        };
        f(r, &text)
    }

    #[test]
    fn weekly_svg_has_title_and_bars() {
        let r = gather(&sample(), at(NOW));
        let svg = text_of(&r, weekly_svg);
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("width=\"100%\"") && svg.contains("viewBox=\"0 0 520 320\""));
        assert!(svg.contains("Weekly &lt;test&gt; &amp; co"));
        assert!(svg.contains("23/11") && svg.contains("MNT"));
        let bars = r.weeks.iter().flat_map(|w| w.kinds()).filter(|n| *n > 0);
        // One per bar, the legend's 3 swatches, the background.
        assert_eq!(svg.matches("<rect").count(), bars.count() + 3 + 1);
        assert_eq!(svg, text_of(&r, weekly_svg));
    }

    #[test]
    fn weekly_png_decodes_and_is_deterministic() {
        let r = gather(&sample(), at(NOW));
        let png_bytes = text_of(&r, weekly_png);
        assert!(png_bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        let reader = png::Decoder::new(std::io::Cursor::new(&png_bytes)).read_info();
        let reader = reader.unwrap();
        let info = reader.info();
        assert_eq!((info.width, info.height), (960, 480));
        assert_eq!(info.color_type, png::ColorType::Rgb);
        assert_eq!(text_of(&r, weekly_png), png_bytes);
    }

    #[test]
    fn bars_svg_keeps_the_top_items() {
        let items: Vec<(String, usize)> = [("Malang", 9), ("Jember", 4), ("Kediri", 1)]
            .map(|(s, n)| (s.to_string(), n))
            .into();
        let svg = bars_svg("Regions", &items, 2);
        assert!(svg.starts_with("<svg") && svg.contains("width=\"100%\""));
        assert!(svg.contains("Regions") && svg.contains("Jember"));
        assert!(!svg.contains("Kediri"));
        assert_eq!(svg, bars_svg("Regions", &items, 2));
        assert!(bars_svg("Empty", &[], 5).contains("Empty"));
        assert_eq!(shorten(&"x".repeat(40)).chars().count(), NAME_CHARS);
    }
}
