//! Spreadsheets for the secretariat: the sheets Pesantren, Produk,
//! Pendampingan and Pertanyaan, one row per record, as an `.xlsx` workbook
//! (`rust_xlsxwriter`: bold frozen header, autofilter, fitted widths,
//! dates in WIB, Rupiah as numbers with a Rupiah format) or as CSV files
//! (`csv`: UTF-8 with a BOM so Excel reads Indonesian text correctly).
//!
//! [`sheets`] reads the store into plain [`Sheet`]s; [`xlsx`] and
//! [`write_csv`] only format them, so both carry exactly the same rows.

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::content::{Content, Input, display_answer};
use crate::html::to_plain;
use crate::i18n::{Args, Lang, MsgId, ids};
use crate::records::{Answer, Ticket};
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
}

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// An amount in Rupiah: a number in the sheet, with a Rupiah format.
    Rupiah(i64),
    /// A moment, shown in WIB.
    Time(Timestamp),
    Empty,
}

impl Cell {
    /// The cell as CSV text (dates in WIB, amounts as plain numbers).
    /// Text that Excel would read as a formula or a number (`=`, `+`, `-`,
    /// `@`: formulas, "+62812…" phone numbers) gets a leading `'`, which
    /// Excel shows as text.
    pub fn to_csv(&self) -> String {
        match self {
            Cell::Text(s) if s.starts_with(['=', '+', '-', '@']) => format!("'{s}"),
            Cell::Text(s) => s.clone(),
            Cell::Int(n) | Cell::Rupiah(n) => n.to_string(),
            Cell::Time(t) => wib_string(*t),
            Cell::Empty => String::new(),
        }
    }
}

/// "2026-11-28 10:05" in WIB.
fn wib_string(t: Timestamp) -> String {
    let z = t.to_zoned_datetime(crate::time::wib());
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        z.year(),
        z.month(),
        z.day(),
        z.hour(),
        z.minute()
    )
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: &'static str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The sheets, with the ticket dialogs they hold (the register dialog
/// makes Pesantren).
const TICKET_SHEETS: [(&str, &str); 3] = [
    ("Produk", "product"),
    ("Pendampingan", "mentoring"),
    ("Pertanyaan", "question"),
];

struct Reader<'a> {
    content: &'a Content,
    lang: Lang,
}

impl Reader<'_> {
    fn t(&self, id: MsgId) -> String {
        to_plain(&self.content.i18n.msg(self.lang, id))
    }

    /// The step columns of a dialog: (step id, header).
    fn columns(&self, dialog: &str) -> Vec<(String, String)> {
        let Some(d) = self.content.dialog(dialog) else {
            return Vec::new();
        };
        d.steps
            .iter()
            .filter(|s| !matches!(s.input, Input::Consent))
            .map(|s| {
                (
                    s.id.clone(),
                    to_plain(&self.content.i18n.text(self.lang, &s.label, Args::new())),
                )
            })
            .collect()
    }

    fn answer(&self, dialog: &str, step: &str, answer: Option<&Answer>) -> Cell {
        let Some(answer) = answer else {
            return Cell::Empty;
        };
        let step_def = self.content.dialog(dialog).and_then(|d| d.step(step));
        match (answer, step_def.map(|s| &s.input)) {
            (Answer::Number(n), Some(Input::Number { currency: true, .. })) => Cell::Rupiah(*n),
            (Answer::Number(n), _) => Cell::Int(*n),
            (Answer::Photos(p), _) => Cell::Int(p.len() as i64),
            (Answer::Consent(t), _) => Cell::Time(*t),
            (Answer::Skipped, _) => Cell::Empty,
            (Answer::Text(t) | Answer::Phone(t) | Answer::Email(t) | Answer::Region(t), _) => {
                Cell::Text(t.clone())
            }
            (other, Some(_)) => Cell::Text(to_plain(&display_answer(
                &self.content.i18n,
                self.lang,
                step_def.expect("matched"),
                other,
            ))),
            (_, None) => Cell::Empty,
        }
    }

    fn last_action(&self, t: &Ticket) -> Cell {
        let Some(e) = t.last_action() else {
            return Cell::Empty;
        };
        let status = to_plain(&self.content.i18n.text(
            self.lang,
            e.status.message_id(),
            Args::new(),
        ));
        let staff = e
            .by_name
            .clone()
            .unwrap_or_else(|| self.t(ids::STAFF_BY_SUBMITTER));
        let action = self.content.i18n.fmt(
            self.lang,
            ids::EXPORT_ACTION,
            Args::new()
                .str("status", status)
                .str("staff", staff)
                .str("date", wib_string(e.at)),
        );
        let s = match &e.note {
            Some(note) => self.content.i18n.fmt(
                self.lang,
                ids::EXPORT_ACTION_NOTE,
                Args::new().html("action", action).str("note", note),
            ),
            None => action,
        };
        Cell::Text(to_plain(&s))
    }
}

/// Pesantren names and regions by user, for the ticket sheets.
type Names = std::collections::HashMap<i64, (String, String)>;

/// Reads the store into the four sheets. `since` keeps tickets created
/// and profiles updated from that moment on.
pub fn sheets(
    store: &Store,
    content: &Content,
    lang: Lang,
    since: Option<Timestamp>,
) -> Result<Vec<Sheet>, ExportError> {
    let r = Reader { content, lang };
    let mut names = Names::new();
    let mut out = vec![r.pesantren_sheet(store, since, &mut names)?];
    let tickets: Vec<Ticket> = store
        .tickets()
        .filter(|t| {
            t.as_ref()
                .map_or(true, |t| since.is_none_or(|s| t.created_at >= s))
        })
        .collect::<Result<_, _>>()?;
    for (name, dialog) in TICKET_SHEETS {
        out.push(r.ticket_sheet(name, dialog, &tickets, &names));
    }
    Ok(out)
}

/// The sheets of the tickets `numbers` only (the desk's current filter),
/// with the pesantren that submitted them.
pub fn sheets_of(
    store: &Store,
    content: &Content,
    lang: Lang,
    numbers: &[String],
) -> Result<Vec<Sheet>, ExportError> {
    let r = Reader { content, lang };
    let mut tickets = Vec::new();
    for number in numbers {
        if let Some(t) = store.ticket(number)? {
            tickets.push(t);
        }
    }
    let submitters: std::collections::HashSet<i64> = tickets.iter().map(|t| t.user).collect();
    let mut names = Names::new();
    let mut pesantren = r.pesantren_sheet(store, None, &mut names)?;
    pesantren
        .rows
        .retain(|row| matches!(row.first(), Some(Cell::Int(id)) if submitters.contains(id)));
    let mut out = vec![pesantren];
    for (name, dialog) in TICKET_SHEETS {
        out.push(r.ticket_sheet(name, dialog, &tickets, &names));
    }
    Ok(out)
}

impl Reader<'_> {
    /// One row per pesantren profile; fills `names` for the ticket sheets.
    fn pesantren_sheet(
        &self,
        store: &Store,
        since: Option<Timestamp>,
        names: &mut Names,
    ) -> Result<Sheet, ExportError> {
        let profile_cols = self.columns("register");
        let mut headers = vec![self.t(ids::EXPORT_TELEGRAM_ID)];
        headers.extend(profile_cols.iter().map(|(_, h)| h.clone()));
        headers.extend([
            self.t(ids::EXPORT_USERNAME),
            self.t(ids::EXPORT_LANGUAGE),
            self.t(ids::EXPORT_ACTIVE),
            self.t(ids::EXPORT_CONSENT),
            self.t(ids::EXPORT_UPDATED),
        ]);
        let mut rows = Vec::new();
        for p in store.profiles() {
            let p = p?;
            let name = p.text("name").unwrap_or_default().to_string();
            let region = p.text("region").unwrap_or_default().to_string();
            names.insert(p.user, (name, region));
            if since.is_some_and(|s| p.updated_at < s) {
                continue;
            }
            let user = store.user(p.user)?;
            let mut row = vec![Cell::Int(p.user)];
            row.extend(
                profile_cols
                    .iter()
                    .map(|(step, _)| self.answer("register", step, p.answers.get(step))),
            );
            row.push(match user.as_ref().and_then(|u| u.username.clone()) {
                Some(u) => Cell::Text(format!("@{u}")),
                None => Cell::Empty,
            });
            let user_lang = user.as_ref().map_or(Lang::Id, |u| u.speaks());
            row.push(Cell::Text(user_lang.code().to_string()));
            row.push(Cell::Text(self.t(
                if user.as_ref().is_none_or(|u| u.active) {
                    ids::EXPORT_YES
                } else {
                    ids::EXPORT_NO
                },
            )));
            row.push(p.consent_at.map_or(Cell::Empty, Cell::Time));
            row.push(Cell::Time(p.updated_at));
            rows.push(row);
        }
        Ok(Sheet {
            name: "Pesantren",
            headers,
            rows,
        })
    }

    /// One row per ticket of `dialog`.
    fn ticket_sheet(
        &self,
        name: &'static str,
        dialog: &str,
        tickets: &[Ticket],
        names: &Names,
    ) -> Sheet {
        let cols = self.columns(dialog);
        let mut headers = vec![
            self.t(ids::EXPORT_NUMBER),
            self.t(ids::EXPORT_CREATED),
            self.t(ids::EXPORT_PESANTREN),
            self.t(ids::EXPORT_REGION),
        ];
        headers.extend(cols.iter().map(|(_, h)| h.clone()));
        headers.extend([
            self.t(ids::EXPORT_STATUS),
            self.t(ids::EXPORT_ASSIGNEE),
            self.t(ids::EXPORT_LAST_ACTION),
            self.t(ids::EXPORT_UPDATED),
        ]);
        let text = |s: String| {
            if s.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s)
            }
        };
        let mut rows = Vec::new();
        for t in tickets.iter().filter(|t| t.dialog == dialog) {
            let (pesantren, region) = names.get(&t.user).cloned().unwrap_or_default();
            let mut row = vec![
                Cell::Text(t.number.clone()),
                Cell::Time(t.created_at),
                text(pesantren),
                text(region),
            ];
            row.extend(
                cols.iter()
                    .map(|(step, _)| self.answer(dialog, step, t.answers.get(step))),
            );
            let status = self
                .content
                .i18n
                .text(self.lang, t.status.message_id(), Args::new());
            row.push(Cell::Text(to_plain(&status)));
            row.push(
                t.assignee
                    .as_ref()
                    .map_or(Cell::Empty, |a| Cell::Text(a.name.clone())),
            );
            row.push(self.last_action(t));
            row.push(Cell::Time(t.updated_at));
            rows.push(row);
        }
        Sheet {
            name,
            headers,
            rows,
        }
    }
}

/// The workbook as `.xlsx` bytes.
pub fn xlsx(sheets: &[Sheet]) -> Result<Vec<u8>, ExportError> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let header = Format::new().set_bold().set_background_color("#D9EAD3");
    let rupiah = Format::new().set_num_format("\"Rp\" #,##0");
    let date = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name)?;
        for (c, h) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &header)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(s) => {
                        ws.write_string(r, c, s)?;
                    }
                    Cell::Int(n) => {
                        ws.write_number(r, c, *n as f64)?;
                    }
                    Cell::Rupiah(n) => {
                        ws.write_number_with_format(r, c, *n as f64, &rupiah)?;
                    }
                    Cell::Time(t) => {
                        let z = t.to_zoned_datetime(crate::time::wib());
                        let dt = ExcelDateTime::from_ymd(
                            z.year() as u16,
                            z.month() as u8,
                            z.day() as u8,
                        )?
                        .and_hms(
                            z.hour() as u16,
                            z.minute() as u8,
                            z.second() as f64,
                        )?;
                        ws.write_datetime_with_format(r, c, &dt, &date)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        let last_col = sheet.headers.len().saturating_sub(1) as u16;
        ws.autofilter(0, 0, sheet.rows.len() as u32, last_col)?;
        ws.set_autofit_max_width(400);
        ws.autofit();
    }
    Ok(book.save_to_buffer()?)
}

/// One CSV file per sheet, UTF-8 with a BOM: (file name, bytes).
/// The sheets in one CSV file (UTF-8 with BOM), one after the other, each
/// under a line with its name: the desk's download of its filter.
pub fn csv_one(sheets: &[Sheet]) -> Result<Vec<u8>, ExportError> {
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut bytes);
        for sheet in sheets.iter().filter(|s| !s.rows.is_empty()) {
            w.write_record([sheet.name])?;
            w.write_record(&sheet.headers)?;
            for row in &sheet.rows {
                w.write_record(row.iter().map(Cell::to_csv))?;
            }
            w.write_record([""])?;
        }
        w.flush().map_err(|source| ExportError::Io {
            path: "desk.csv".into(),
            source,
        })?;
    }
    Ok(bytes)
}

pub fn csv_files(sheets: &[Sheet]) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    let mut files = Vec::new();
    for sheet in sheets {
        let name = format!("{}.csv", sheet.name);
        let mut bytes = "\u{FEFF}".as_bytes().to_vec();
        {
            let mut w = csv::Writer::from_writer(&mut bytes);
            w.write_record(&sheet.headers)?;
            for row in &sheet.rows {
                w.write_record(row.iter().map(Cell::to_csv))?;
            }
            w.flush().map_err(|source| ExportError::Io {
                path: name.clone(),
                source,
            })?;
        }
        files.push((name, bytes));
    }
    Ok(files)
}

/// One CSV file per sheet in `dir` (created if needed, private).
pub fn write_csv(sheets: &[Sheet], dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| ExportError::Io { path, source }
    };
    crate::files::create_dir(dir).map_err(io(dir))?;
    let mut paths = Vec::new();
    for (name, bytes) in csv_files(sheets)? {
        let path = dir.join(name);
        crate::files::write_whole(&path, |f| std::io::Write::write_all(f, &bytes))
            .map_err(io(&path))?;
        paths.push(path);
    }
    Ok(paths)
}

/// The file name of an export made at `now`: `opop-2026-11-28.xlsx`.
pub fn file_name(now: Timestamp, ext: &str) -> String {
    let z = now.to_zoned_datetime(crate::time::wib());
    format!("opop-{:04}-{:02}-{:02}.{ext}", z.year(), z.month(), z.day())
}
