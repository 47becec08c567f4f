//! Operator commands that need the store: `opop-bot backup` and
//! `opop-bot export`. sled lets one process open a data folder, so while
//! the bot runs these go through a Unix socket in the data folder
//! (`control.sock`) and the running bot does the work; when it is not
//! running, the command opens the store itself. Either way the same
//! [`produce`] makes the files, and the command — never the bot — writes
//! them where the operator asked: a request names no path.
//!
//! The socket is for the bot's own user: it is 0600 in the 0700 data
//! folder, a connection from another uid (root excepted) is refused
//! (`SO_PEERCRED`), and a request line longer than [`MAX_REQUEST`] is
//! refused without being read further.
//!
//! The answer on the socket: for each file, a line `{"file": NAME}` and its
//! bytes in chunks (`{"chunk": LEN}` then LEN bytes), then one line
//! `{"ok": …, "message": …}`.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::app::App;

/// The socket's file name inside the data folder.
pub const SOCKET: &str = "control.sock";
/// Longest request line the bot reads.
pub const MAX_REQUEST: usize = 4096;
/// Bytes per chunk of a file on the socket.
const CHUNK: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Xlsx,
    Csv,
}

/// One operator request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum Request {
    Backup,
    Export {
        format: ExportFormat,
        since: Option<Timestamp>,
    },
    /// What staff taught the FAQ, as content files (a folder laid out like
    /// the project: `dialogs/…`, `locales/…`).
    Learned,
}

/// One line of the answer on the socket.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
enum Frame {
    File { file: String },
    Chunk { chunk: usize },
    End { ok: bool, message: String },
}

/// Where produced files go: the operator's disk, or the socket back to
/// the command.
pub trait Sink {
    /// A file named `name`, its bytes written by `fill`.
    fn file(
        &mut self,
        name: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()>;
}

/// Makes a request's files with an open store; returns what to say about
/// them (the sheets' row counts, the backup's records).
pub fn produce(app: &App, request: &Request, sink: &mut dyn Sink) -> Result<String, String> {
    let failed = |e: io::Error| e.to_string();
    match request {
        Request::Backup => {
            let mut summary = None;
            sink.file("backup.jsonl", &mut |w| {
                summary = Some(app.store.backup_signed(w).map_err(io::Error::other)?);
                Ok(())
            })
            .map_err(failed)?;
            let summary = summary.ok_or("the backup was not made")?;
            Ok(format!(
                "{} records in {} trees",
                summary.records(),
                summary.counts.len()
            ))
        }
        Request::Export { format, since } => {
            let sheets =
                crate::export::sheets(&app.store, &app.content, app.config.staff.language, *since)
                    .map_err(|e| e.to_string())?;
            let files = match format {
                ExportFormat::Xlsx => vec![(
                    "export.xlsx".to_string(),
                    crate::export::xlsx(&sheets).map_err(|e| e.to_string())?,
                )],
                ExportFormat::Csv => {
                    crate::export::csv_files(&sheets).map_err(|e| e.to_string())?
                }
            };
            for (name, bytes) in &files {
                sink.file(name, &mut |w| w.write_all(bytes))
                    .map_err(failed)?;
            }
            let rows: Vec<String> = sheets
                .iter()
                .map(|s| format!("{} {}", s.name, s.rows.len()))
                .collect();
            Ok(rows.join(", "))
        }
        Request::Learned => {
            let learned = app.store.learned().map_err(|e| e.to_string())?;
            let files = crate::content::faq::taught::content_files(&app.faq(), &learned);
            for (name, text) in &files {
                sink.file(name, &mut |w| w.write_all(text.as_bytes()))
                    .map_err(failed)?;
            }
            let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
            Ok(format!(
                "{} taught, {} files: {}",
                learned.len(),
                files.len(),
                names.join(", ")
            ))
        }
    }
}

/// Writes produced files where the operator asked: `out` is the file
/// (backup, workbook) or the folder (CSV files). Each file is private and
/// whole (temporary name, then renamed); nothing goes into the data
/// folder.
pub struct Disk {
    out: PathBuf,
    folder: bool,
    written: Vec<PathBuf>,
}

impl Disk {
    pub fn new(request: &Request, out: &Path, data_dir: &Path) -> Result<Disk, String> {
        if crate::files::is_store_file(out, data_dir) {
            return Err(format!(
                "{} is one of the data folder's own files ({}): choose another path",
                out.display(),
                data_dir.display()
            ));
        }
        let folder = matches!(
            request,
            Request::Export {
                format: ExportFormat::Csv,
                ..
            } | Request::Learned
        );
        Ok(Disk {
            out: out.to_path_buf(),
            folder,
            written: Vec::new(),
        })
    }

    /// What was written, for the operator.
    pub fn describe(&self, request: &Request, summary: &str) -> String {
        match request {
            Request::Backup => format!("backup written to {}: {summary}", self.out.display()),
            Request::Export { .. } => format!("exported to {} ({summary})", self.out.display()),
            Request::Learned => format!("written to {}: {summary}", self.out.display()),
        }
    }
}

impl Sink for Disk {
    fn file(
        &mut self,
        name: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let path = if self.folder {
            // Only a relative path down from the folder, never `..` or an
            // absolute one.
            let name = Path::new(name);
            let plain = name
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
            if !plain || name.file_name().is_none() {
                return Err(io::Error::other(format!(
                    "not a file name: {}",
                    name.display()
                )));
            }
            let path = self.out.join(name);
            if let Some(dir) = path.parent() {
                crate::files::create_dir(dir)?;
            }
            path
        } else {
            if let Some(dir) = self.out.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            self.out.clone()
        };
        crate::files::write_whole(&path, |f| fill(f))?;
        self.written.push(path);
        Ok(())
    }
}

/// Runs a request: through the running bot if one listens on the socket,
/// else with `open`'s store; the files go to `out`. `Ok` is what to print.
pub fn run(
    data_dir: &Path,
    request: &Request,
    out: &Path,
    open: impl FnOnce() -> anyhow::Result<App>,
) -> anyhow::Result<Result<String, String>> {
    let mut disk = match Disk::new(request, out, data_dir) {
        Ok(disk) => disk,
        Err(message) => return Ok(Err(message)),
    };
    let produced = match call(data_dir, request, &mut disk)? {
        Some(answer) => answer,
        None => produce(&open()?, request, &mut disk),
    };
    Ok(produced.map(|summary| disk.describe(request, &summary)))
}

/// Sends a request to a running bot and takes the files it streams back.
/// `Ok(None)`: no bot is listening.
pub fn call(
    data_dir: &Path,
    request: &Request,
    sink: &mut dyn Sink,
) -> io::Result<Option<Result<String, String>>> {
    #[cfg(unix)]
    {
        let path = data_dir.join(SOCKET);
        let mut stream = match std::os::unix::net::UnixStream::connect(&path) {
            Ok(s) => s,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::ConnectionRefused
                ) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        let mut line = serde_json::to_string(request).map_err(io::Error::other)?;
        line.push('\n');
        stream.write_all(line.as_bytes())?;
        receive(BufReader::new(stream), sink).map(Some)
    }
    #[cfg(not(unix))]
    {
        let _ = (data_dir, request, sink);
        Ok(None)
    }
}

/// Reads the bot's answer: files into `sink`, then the end line.
fn receive(mut input: impl BufRead, sink: &mut dyn Sink) -> io::Result<Result<String, String>> {
    let bad = || io::Error::other("the bot's answer was cut off");
    let mut frame = read_frame(&mut input)?.ok_or_else(bad)?;
    loop {
        match frame {
            Frame::End { ok, message } => return Ok(if ok { Ok(message) } else { Err(message) }),
            Frame::Chunk { .. } => return Err(io::Error::other("a chunk without its file")),
            Frame::File { file } => {
                let mut next = None;
                sink.file(&file, &mut |w| {
                    loop {
                        match read_frame(&mut input)?.ok_or_else(bad)? {
                            Frame::Chunk { chunk } => {
                                io::copy(&mut (&mut input).take(chunk as u64), w)?;
                            }
                            other => {
                                next = Some(other);
                                return Ok(());
                            }
                        }
                    }
                })?;
                frame = next.ok_or_else(bad)?;
            }
        }
    }
}

fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    serde_json::from_str(&line)
        .map(Some)
        .map_err(io::Error::other)
}

fn write_frame(out: &mut impl Write, frame: &Frame) -> io::Result<()> {
    let mut line = serde_json::to_vec(frame).map_err(io::Error::other)?;
    line.push(b'\n');
    out.write_all(&line)
}

/// The bot's side of the socket: each file as chunks.
struct SocketSink<W: Write> {
    out: W,
}

impl<W: Write> Sink for SocketSink<W> {
    fn file(
        &mut self,
        name: &str,
        fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        write_frame(
            &mut self.out,
            &Frame::File {
                file: name.to_string(),
            },
        )?;
        let mut chunks = io::BufWriter::with_capacity(CHUNK, Chunks { out: &mut self.out });
        fill(&mut chunks)?;
        chunks.flush()
    }
}

/// Cuts what is written into chunk frames.
struct Chunks<'a, W: Write> {
    out: &'a mut W,
}

impl<W: Write> Write for Chunks<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        write_frame(self.out, &Frame::Chunk { chunk: buf.len() })?;
        self.out.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Reads one request line, refusing one longer than [`MAX_REQUEST`].
fn read_request(input: &mut impl Read) -> Result<Request, String> {
    let mut line = Vec::new();
    let mut limited = BufReader::new(input.take(MAX_REQUEST as u64 + 1));
    limited
        .read_until(b'\n', &mut line)
        .map_err(|e| e.to_string())?;
    if line.len() > MAX_REQUEST {
        return Err(format!("request longer than {MAX_REQUEST} bytes"));
    }
    serde_json::from_slice(&line).map_err(|e| format!("bad request: {e}"))
}

/// Whether a peer may use the socket: the bot's own user, or root.
#[cfg(unix)]
fn allowed(uid: u32) -> bool {
    // SAFETY: geteuid has no preconditions.
    uid == 0 || uid == unsafe { libc::geteuid() }
}

/// Binds the socket in the data folder, before the bot polls, so a
/// `backup` run the moment the bot is up already reaches it.
#[cfg(unix)]
pub fn listen(data_dir: &Path) -> Option<tokio::net::UnixListener> {
    let path = data_dir.join(SOCKET);
    // A socket file left by a killed bot: nobody listens on it.
    let _ = std::fs::remove_file(&path);
    let listener = match tokio::net::UnixListener::bind(&path) {
        Ok(l) => l,
        Err(e) => {
            tracing::warn!(error = %e, "control socket unavailable; backup/export need the bot stopped");
            return None;
        }
    };
    {
        use std::os::unix::fs::PermissionsExt;
        if let Err(e) = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)) {
            tracing::warn!(error = %e, "cannot make the control socket private");
        }
    }
    Some(listener)
}

/// Serves requests on the socket until `stop` turns true.
#[cfg(unix)]
pub async fn serve(
    app: std::sync::Arc<App>,
    listener: tokio::net::UnixListener,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let path = listener
        .local_addr()
        .ok()
        .and_then(|a| a.as_pathname().map(Path::to_path_buf));
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((s, _)) => s,
                Err(e) => {
                    tracing::warn!(error = %e, "control socket accept failed");
                    continue;
                }
            },
            _ = stop.changed() => break,
        };
        let uid = stream.peer_cred().map(|c| c.uid());
        if !uid.as_ref().is_ok_and(|uid| allowed(*uid)) {
            tracing::warn!(
                ?uid,
                "control socket: refused a connection from another user"
            );
            continue;
        }
        let app = std::sync::Arc::clone(&app);
        tokio::task::spawn_blocking(move || {
            let Ok(stream) = stream.into_std().and_then(|s| {
                s.set_nonblocking(false)?;
                Ok(s)
            }) else {
                return;
            };
            if let Err(e) = answer(&app, stream) {
                tracing::warn!(error = %e, "control socket: the command went away");
            }
        });
    }
    if let Some(path) = path {
        let _ = std::fs::remove_file(path);
    }
}

/// One connection: the request, the files, the end line.
#[cfg(unix)]
fn answer(app: &App, mut stream: std::os::unix::net::UnixStream) -> io::Result<()> {
    let result = read_request(&mut stream).and_then(|request| {
        let mut sink = SocketSink {
            out: io::BufWriter::new(&stream),
        };
        let produced = produce(app, &request, &mut sink);
        sink.out.flush().map_err(|e| e.to_string())?;
        produced
    });
    let (ok, message) = match result {
        Ok(message) => (true, message),
        Err(message) => (false, message),
    };
    write_frame(&mut stream, &Frame::End { ok, message })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_request_is_refused_without_reading_it_all() {
        let mut long = std::io::repeat(b'x').take(10 * 1024 * 1024);
        let err = read_request(&mut long).unwrap_err();
        assert!(err.contains("longer than"), "{err}");
        let mut ok = &b"{\"cmd\":\"backup\"}\n"[..];
        assert_eq!(read_request(&mut ok), Ok(Request::Backup));
    }
}
