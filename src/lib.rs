//! opop-bot: a Telegram bot for the East Java "One Pesantren One Product"
//! (OPOP) program.
//!
//! # Layout
//!
//! Layers, each importing only from the ones below it (ARCHITECTURE.md
//! has the map, the reasons and the invariants):
//!
//! 1. Transports and commands: [`telegram`] (`opop-bot run`: polling,
//!    workers, the sender; the only module that knows teloxide),
//!    [`console`] (the terminal), [`control`] (operator commands through
//!    the running bot), [`check`] (`opop-bot check`); `main.rs` is a thin
//!    CLI over these.
//! 2. [`app`]: one event end to end (load, decide, apply), shared by the
//!    transports; [`background`]: the owned background workers and the
//!    jobs on a clock (daily backup and digest, the broadcast pump).
//! 3. Deciders, pure apart from reads: [`dialog`] (the managers'
//!    conversations), [`staff`] (the secretariat's side and the digest),
//!    [`broadcast`] (admins' announcements and their delivery);
//!    [`export`] (the spreadsheets) reads at this level too.
//! 4. [`store`]: the sled store; one transaction per handled event.
//! 5. Vocabulary and content: [`event`] (what comes in), [`outcome`]
//!    (what goes out), [`records`] (what is kept), [`reply`] (the reply
//!    builder the deciders share), [`button_data`] and [`commands`] (the
//!    typed protocols of buttons and commands), [`content`] (dialogs, FAQ,
//!    regions from `dialogs/`), [`config`] (defaults < `opop-bot.toml` <
//!    environment), [`i18n`] (Fluent bundles from `locales/`), [`html`],
//!    [`time`] and [`files`] (Telegram HTML, WIB, private files).

pub mod app;
pub mod background;
pub mod broadcast;
pub mod button_data;
pub mod check;
pub mod commands;
pub mod config;
pub mod console;
pub mod content;
pub mod control;
pub mod dialog;
pub mod event;
pub mod export;
pub mod files;
pub mod html;
pub mod i18n;
pub mod outcome;
pub mod records;
pub mod reply;
pub mod reports;
pub mod staff;
pub mod store;
pub mod telegram;
pub mod time;
pub mod web;
