//! The Telegram transport: `opop-bot run`.
//!
//! Owns every teloxide type. Flow: the poller asks getUpdates, stores each
//! raw update in the sled inbox, waits for a group-commit flush covering
//! it, and only then moves its offset (the next getUpdates confirms what is
//! on disk, never more). Workers handle the updates, one chat always on the
//! same worker so a chat's updates stay in order while chats run in
//! parallel; each update is marked processed in the transaction of its
//! state change, written without a flush. The committer (`commit.rs`)
//! flushes every few milliseconds and releases the outbox rows each flush
//! covered to the sender, which keeps Telegram's limits (`limits.rs`). Shutdown
//! (SIGINT/SIGTERM) stops polling, lets workers finish the update in hand,
//! flushes and returns.
//!
//! teloxide's stock `Polling` and dispatcher are not used: they confirm a
//! batch before any handler ran, so a crash in between loses messages.

mod api;
mod commands;
mod commit;
mod desk;
pub mod limits;
mod poll;
mod sender;
pub mod update;

use std::future::Future;
use std::sync::Arc;

use teloxide::Bot;
use teloxide::prelude::Requester;

use crate::app::App;
use crate::background::{self, Background};
use commit::GroupCommit;

/// Why `run` cannot start.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("TELOXIDE_TOKEN is not set: create a bot with @BotFather and export its token")]
    Missing,
    #[error(
        "TELOXIDE_TOKEN does not look like a bot token (expected digits, ':', then at least 30 letters, digits, '_' or '-')"
    )]
    Malformed,
    #[error("TELOXIDE_API_URL is not a valid URL")]
    BadApiUrl,
}

/// Reads and checks the token and the optional Bot API URL. The token is
/// never printed, not even in errors.
pub fn bot_from_env() -> Result<Bot, TokenError> {
    let token = std::env::var("TELOXIDE_TOKEN").map_err(|_| TokenError::Missing)?;
    let token = token.trim();
    if token.is_empty() {
        return Err(TokenError::Missing);
    }
    let (id, secret) = token.split_once(':').ok_or(TokenError::Malformed)?;
    let well_formed = !id.is_empty()
        && id.chars().all(|c| c.is_ascii_digit())
        && secret.len() >= 30
        && secret
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !well_formed {
        return Err(TokenError::Malformed);
    }
    let mut bot = Bot::new(token);
    if let Ok(url) = std::env::var("TELOXIDE_API_URL") {
        if !url.trim().is_empty() {
            let url = reqwest::Url::parse(url.trim().trim_end_matches('/'))
                .map_err(|_| TokenError::BadApiUrl)?;
            bot = bot.set_api_url(url);
        }
    }
    Ok(bot)
}

/// `OPOP_UNTHROTTLED=1` turns the client-side limits off, for benchmarks
/// that compare the bot with reference bots (which have none) against a
/// fake Bot API. Honoured only when the Bot API is on a loopback address,
/// so a production bot can never run without them.
fn unthrottled(bot: &Bot) -> bool {
    let asked = std::env::var("OPOP_UNTHROTTLED").is_ok_and(|v| v == "1");
    let url = bot.api_url();
    let host = url.host_str().unwrap_or_default().trim_matches(['[', ']']);
    let loopback = host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if asked && !loopback {
        tracing::warn!("OPOP_UNTHROTTLED ignored: the Bot API is not on loopback");
    }
    asked && loopback
}

/// Runs the bot until `shutdown` completes.
pub async fn run(
    app: Arc<App>,
    bot: Bot,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let me = bot.get_me().await?;
    tracing::info!(bot = %me.username(), "connected to Telegram");
    commands::register(&bot, &app).await;

    // A broadcast delivery left in the outbox by the last stop may already
    // be at Telegram: never sent again. Settled before the sender and the
    // broadcast pump start, so no delivery queued from now on is touched.
    match app.store.interrupt_broadcast_rows() {
        Ok(0) => {}
        Ok(n) => tracing::warn!(
            deliveries = n,
            "broadcast deliveries interrupted by the last stop"
        ),
        Err(e) => tracing::error!(error = %e, "cannot settle interrupted broadcast deliveries"),
    }
    let mut background = Background::default();
    let commit = Arc::new(GroupCommit::default());
    start_sender(&app, &bot, &commit, &mut background)?;
    // The committer flushes once for all that the workers and the poller
    // wrote meanwhile (group commit).
    let (store, committing) = (app.store.clone(), Arc::clone(&commit));
    let stopping = Arc::clone(&commit);
    background.thread_stopped_by(
        "committer",
        move || committing.run(&store),
        move || stopping.stop(),
    );
    let queues = poll::start_workers(&app, &commit, &mut background);
    // What a crash left in the inbox is handled before anything new.
    for (id, raw) in app.store.inbox_pending()? {
        poll::dispatch(&queues, id, &raw);
    }
    background::schedule(&app, &mut background);
    start_desk(&app, &bot, me.username(), &mut background).await?;
    #[cfg(unix)]
    if let Some(listener) = crate::control::listen(&app.config.bot.data_dir) {
        background.task(
            "control",
            crate::control::serve(Arc::clone(&app), listener, background.stopping()),
        );
    }
    let poller = poll::poll(
        Arc::clone(&app),
        bot.clone(),
        queues,
        Arc::clone(&commit),
        background.stopping(),
    );
    let ended: anyhow::Result<()> = tokio::select! {
        result = poller => result,
        () = shutdown => {
            tracing::info!("shutting down");
            Ok(())
        }
        reason = commit.failure() => Err(cannot_write(&app, &reason)),
    };
    // The poller's future is dropped here: its queues close, workers finish
    // the update in hand and stop; then the committer's last flush, then
    // the tasks (the sender last).
    background.stop().await;
    let ended = match commit.failed() {
        Some(reason) => Err(cannot_write(&app, &reason)),
        None => ended,
    };
    if ended.as_ref().is_err_and(|e| e.is::<CannotWrite>()) {
        // The store is not dropped: dropping flushes every tree again, and
        // each would log the same failure.
        std::mem::forget(app);
        return ended;
    }
    ended?;
    // The rows the sender finished last are removed too.
    app.store.flush_group()?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// The desk's web server, when the configuration switches it on: its
/// links go to the staff side (notice buttons, /meja), its menu button to
/// each staff member's private chat.
async fn start_desk(
    app: &Arc<App>,
    bot: &Bot,
    username: &str,
    background: &mut Background,
) -> anyhow::Result<()> {
    let photos = Arc::new(desk::Photos(bot.clone()));
    let Some(desk) = crate::web::Desk::new(Arc::clone(app), bot.token(), username, photos) else {
        return Ok(());
    };
    let listen = app.config.web.listen.clone().unwrap_or_default();
    let listener = tokio::net::TcpListener::bind(&listen)
        .await
        .map_err(|e| anyhow::anyhow!("the desk cannot listen on {listen}: {e}"))?;
    let links = desk.links();
    app.set_desk(links.clone());
    desk::menu_buttons(bot, app, &*links).await;
    tracing::info!(%listen, "the curation desk is on");
    background.task(
        "desk",
        crate::web::serve(Arc::new(desk), listener, background.stopping()),
    );
    Ok(())
}

/// What the operator reads when the store cannot be written (a full disk):
/// the bot stops rather than hang, and goes on where it was after a
/// restart, since nothing unflushed was confirmed to Telegram.
fn cannot_write(app: &App, reason: &str) -> anyhow::Error {
    anyhow::Error::new(CannotWrite(format!(
        "the data folder {} cannot be written ({reason}); stopped so that nothing is lost: free space on its disk (or mend what the error says) and start the bot again, it goes on where it stopped",
        app.config.bot.data_dir.display()
    )))
}

/// The store cannot be written: the process should end without flushing
/// it again on the way out (every one of sled's trees would log the same
/// failure).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CannotWrite(String);

/// The sender, fed with what the outbox holds now and then every row a
/// flush puts on disk.
fn start_sender(
    app: &Arc<App>,
    bot: &Bot,
    commit: &Arc<GroupCommit>,
    background: &mut Background,
) -> anyhow::Result<()> {
    let initial = app.store.outbox_rows(usize::MAX)?;
    let (rows_tx, rows_rx) = tokio::sync::mpsc::unbounded_channel();
    app.store.set_outlet(rows_tx);
    let limits = if unthrottled(bot) {
        tracing::warn!("OPOP_UNTHROTTLED: no client-side rate limits (Bot API on loopback)");
        limits::Limiter::off()
    } else {
        limits::Limiter::telegram()
    };
    background.task(
        "sender",
        sender::run(
            Arc::clone(app),
            bot.clone(),
            Arc::new(limits),
            initial,
            rows_rx,
            Arc::clone(commit),
            background.stopping(),
        ),
    );
    Ok(())
}
