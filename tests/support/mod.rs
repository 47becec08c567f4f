//! Shared test support. Each integration test crate includes this with
//! `mod support;` and uses only part of it, hence the `dead_code` allowance.
#![allow(dead_code)]

pub mod bot;
pub mod fake_bot_api;
pub mod managers;
