//! Operator commands that need the store: `opop-bot backup` and
//! `opop-bot export`. sled lets one process open a data folder, so while
//! the bot runs these go through a Unix socket in the data folder
//! (`control.sock`) and the running bot does the work; when it is not
//! running, the command opens the store itself. Either way the same
//! [`execute`] runs.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::app::App;

/// The socket's file name inside the data folder.
pub const SOCKET: &str = "control.sock";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Xlsx,
    Csv,
}

/// One operator request; paths are absolute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum Request {
    Backup {
        out: PathBuf,
    },
    Export {
        format: ExportFormat,
        out: PathBuf,
        since: Option<Timestamp>,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Response {
    ok: bool,
    message: String,
}

/// Carries out a request against an open store; returns what to print.
pub fn execute(app: &App, request: &Request) -> Result<String, String> {
    match request {
        Request::Backup { out } => {
            let summary = app.store.backup_to(out).map_err(|e| e.to_string())?;
            Ok(format!(
                "backup written to {}: {} records in {} trees",
                out.display(),
                summary.records(),
                summary.counts.len()
            ))
        }
        Request::Export { format, out, since } => {
            let sheets =
                crate::export::sheets(&app.store, &app.content, app.config.staff.language, *since)
                    .map_err(|e| e.to_string())?;
            let rows: Vec<String> = sheets
                .iter()
                .map(|s| format!("{} {}", s.name, s.rows.len()))
                .collect();
            match format {
                ExportFormat::Xlsx => {
                    let bytes = crate::export::xlsx(&sheets).map_err(|e| e.to_string())?;
                    std::fs::write(out, bytes)
                        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
                }
                ExportFormat::Csv => {
                    crate::export::write_csv(&sheets, out).map_err(|e| e.to_string())?;
                }
            }
            Ok(format!(
                "exported to {} ({})",
                out.display(),
                rows.join(", ")
            ))
        }
    }
}

/// Sends a request to a running bot. `Ok(None)`: no bot is listening.
pub fn call(data_dir: &Path, request: &Request) -> std::io::Result<Option<Result<String, String>>> {
    #[cfg(unix)]
    {
        let path = data_dir.join(SOCKET);
        let mut stream = match std::os::unix::net::UnixStream::connect(&path) {
            Ok(s) => s,
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
                ) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        let mut line = serde_json::to_string(request).map_err(std::io::Error::other)?;
        line.push('\n');
        stream.write_all(line.as_bytes())?;
        let mut answer = String::new();
        BufReader::new(stream).read_line(&mut answer)?;
        let response: Response = serde_json::from_str(&answer).map_err(std::io::Error::other)?;
        Ok(Some(if response.ok {
            Ok(response.message)
        } else {
            Err(response.message)
        }))
    }
    #[cfg(not(unix))]
    {
        let _ = (data_dir, request);
        Ok(None)
    }
}

/// Serves requests on the socket until `stop` turns true.
#[cfg(unix)]
pub async fn serve(
    app: std::sync::Arc<App>,
    data_dir: PathBuf,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt};
    let path = data_dir.join(SOCKET);
    // A socket file left by a killed bot: nobody listens on it.
    let _ = std::fs::remove_file(&path);
    let listener = match tokio::net::UnixListener::bind(&path) {
        Ok(l) => l,
        Err(e) => {
            tracing::warn!(error = %e, "control socket unavailable; backup/export need the bot stopped");
            return;
        }
    };
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
        let app = std::sync::Arc::clone(&app);
        tokio::spawn(async move {
            let (read, mut write) = stream.into_split();
            let mut line = String::new();
            if tokio::io::BufReader::new(read)
                .read_line(&mut line)
                .await
                .is_err()
            {
                return;
            }
            let response = match serde_json::from_str::<Request>(&line) {
                Ok(request) => {
                    match tokio::task::spawn_blocking(move || execute(&app, &request)).await {
                        Ok(Ok(message)) => Response { ok: true, message },
                        Ok(Err(message)) => Response { ok: false, message },
                        Err(e) => Response {
                            ok: false,
                            message: e.to_string(),
                        },
                    }
                }
                Err(e) => Response {
                    ok: false,
                    message: format!("bad request: {e}"),
                },
            };
            let mut answer = serde_json::to_string(&response).unwrap_or_default();
            answer.push('\n');
            let _ = write.write_all(answer.as_bytes()).await;
        });
    }
    let _ = std::fs::remove_file(&path);
}
