//! opop-bot: a Telegram bot for the East Java "One Pesantren One Product"
//! (OPOP) program.
//!
//! # Layout
//!
//! - [`dialog`]: the pure engine (session + event -> outcome) and the
//!   dialog definitions read from `dialogs/*.toml`.
//! - [`faq`]: FAQ entries and question matching.
//! - [`i18n`]: Fluent bundles (`locales/<lang>/*.ftl`) and language choice.
//! - [`content`]: embedded content and folder overrides.
//! - [`store`]: the sled store; one transaction per handled event.
//! - [`app`]: one event end to end (load, engine, apply), shared by the
//!   transports.
//! - [`console`]: the terminal transport.
//! - [`telegram`]: the Telegram transport (`opop-bot run`): inbox, workers,
//!   sender; the only module that knows teloxide.
//! - [`check`]: `opop-bot check`, content validated like code.
//! - [`config`]: defaults < `opop-bot.toml` < environment.
//! - [`html`], [`time`]: Telegram HTML and WIB helpers.
//!
//! `main.rs` is a thin CLI over these; ARCHITECTURE.md has the map and the
//! invariants.

pub mod app;
pub mod broadcast;
pub mod check;
pub mod config;
pub mod console;
pub mod content;
pub mod control;
pub mod dialog;
pub mod export;
pub mod faq;
pub mod html;
pub mod i18n;
pub mod staff;
pub mod store;
pub mod telegram;
pub mod ticket;
pub mod time;
