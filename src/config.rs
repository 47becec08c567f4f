//! Configuration in layers: built-in defaults, then `opop-bot.toml`, then
//! environment variables. `opop-bot.example.toml` documents every key.
//!
//! The bot token is deliberately not part of [`Config`]: it is read from
//! `TELOXIDE_TOKEN` by the Telegram transport only, so no `Debug` print of
//! the configuration can ever show it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    Parse { path: String, message: String },
    #[error("environment variable {name}: {message}")]
    Env { name: &'static str, message: String },
}

#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub bot: BotSection,
    pub roles: Roles,
    pub contact: Contact,
    pub program: Program,
    pub staff: StaffSection,
    pub web: WebSection,
}

/// The staff's desk (a Telegram Mini App served by the bot): off unless
/// both `listen` and `public_url` are set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebSection {
    /// Address the bot's HTTP server listens on (`OPOP_WEB_LISTEN`), e.g.
    /// `127.0.0.1:8080` behind a reverse proxy.
    pub listen: Option<String>,
    /// Where staff reach it (`OPOP_WEB_PUBLIC_URL`): HTTPS, or `http://`
    /// for a loopback address only.
    pub public_url: Option<String>,
    /// How old a Mini App's launch data may be, in minutes.
    pub init_data_minutes: u32,
    /// How long a desk session lasts, in minutes.
    pub session_minutes: u32,
    /// How long a one-time login link from /meja stays valid, in minutes.
    pub login_link_minutes: u32,
    /// Most space the cache of product photos may take, in MB.
    pub photo_cache_mb: u64,
}

impl Default for WebSection {
    fn default() -> Self {
        WebSection {
            listen: None,
            public_url: None,
            init_data_minutes: 60,
            session_minutes: 12 * 60,
            login_link_minutes: 10,
            photo_cache_mb: 200,
        }
    }
}

impl WebSection {
    /// The desk's public address without a trailing slash, when the desk
    /// is on.
    pub fn public_base(&self) -> Option<String> {
        self.listen.as_ref()?;
        self.public_url
            .as_deref()
            .map(|u| u.trim_end_matches('/').to_string())
    }

    /// Checks the pair: both or neither, HTTPS unless loopback.
    fn validate(&self) -> Result<(), String> {
        match (&self.listen, &self.public_url) {
            (None, None) => Ok(()),
            (Some(_), None) | (None, Some(_)) => {
                Err("web.listen and web.public_url go together: set both, or neither".into())
            }
            (Some(listen), Some(url)) => {
                listen.parse::<std::net::SocketAddr>().map_err(|_| {
                    format!("web.listen `{listen}` is not an address like 127.0.0.1:8080")
                })?;
                let secure = url.starts_with("https://")
                    || (url.starts_with("http://") && is_loopback_url(url));
                if secure {
                    Ok(())
                } else {
                    Err(format!(
                        "web.public_url `{url}` must be https:// (http:// only for a loopback address)"
                    ))
                }
            }
        }
    }
}

/// Whether a URL's host is a loopback address (127.0.0.0/8, ::1,
/// localhost).
pub fn is_loopback_url(url: &str) -> bool {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let host = rest.split('/').next().unwrap_or("");
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BotSection {
    /// Folder of the sled store (`OPOP_DATA_DIR`).
    pub data_dir: PathBuf,
    /// Folders overriding the embedded content, for editing without a
    /// rebuild.
    pub dialogs_dir: Option<PathBuf>,
    pub locales_dir: Option<PathBuf>,
    /// Daily automatic backups into `<data_dir>/backups/`.
    pub backups: bool,
    /// How many daily backups to keep.
    pub keep_backups: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Roles {
    /// Telegram user ids of admins (`OPOP_ADMINS`, comma-separated).
    pub admins: Vec<i64>,
    /// Telegram user ids of staff (`OPOP_STAFF`).
    pub staff: Vec<i64>,
    /// The staff group's chat id (`OPOP_STAFF_CHAT`).
    pub staff_chat: Option<i64>,
}

/// The secretariat's contacts, shown in FAQ answers. Empty values are shown
/// as "ask the secretariat" text by the locales.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Contact {
    pub phone: String,
    pub email: String,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Program {
    pub website: String,
    /// This year's intake dates, as a sentence.
    pub intake: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StaffSection {
    /// Language of staff notifications and the digest.
    pub language: Lang,
    /// Daily digest time, HH:MM in WIB.
    pub digest_at: String,
    /// Open tickets older than this many days are listed in the digest.
    pub stale_after_days: u32,
}

impl Default for BotSection {
    fn default() -> Self {
        BotSection {
            data_dir: PathBuf::from("data"),
            dialogs_dir: None,
            locales_dir: None,
            backups: true,
            keep_backups: 7,
        }
    }
}

impl Default for Program {
    fn default() -> Self {
        Program {
            website: "opop.jatimprov.go.id".into(),
            intake: String::new(),
        }
    }
}

impl Default for StaffSection {
    fn default() -> Self {
        StaffSection {
            language: Lang::Id,
            digest_at: "07:00".into(),
            stale_after_days: 3,
        }
    }
}

impl Config {
    /// Defaults, then the file (if given or found as `./opop-bot.toml`),
    /// then the environment.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let from_env = env("OPOP_CONFIG").map(PathBuf::from);
        let path = path.map(Path::to_path_buf).or(from_env).or_else(|| {
            let default = PathBuf::from("opop-bot.toml");
            default.exists().then_some(default)
        });
        let mut config = match &path {
            Some(p) => Config::from_file(p)?,
            None => Config::default(),
        };
        config.apply_env(|name| env(name))?;
        Ok(config)
    }

    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Config::from_toml(&text).map_err(|message| ConfigError::Parse {
            path: path.display().to_string(),
            message,
        })
    }

    /// Parses a config file. A problem is reported by line, column and
    /// message only, never with the offending line: a token pasted into the
    /// file by mistake must not end up in a terminal or a log.
    pub fn from_toml(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let message = e.message().trim().replace('\n', " ");
            match e.span() {
                Some(span) => {
                    let before = &text[..span.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let column = before.chars().rev().take_while(|c| *c != '\n').count() + 1;
                    format!("line {line}, column {column}: {message}")
                }
                None => message,
            }
        })?;
        parse_time(&config.staff.digest_at).map_err(|m| format!("staff.digest_at: {m}"))?;
        config.web.validate()?;
        Ok(config)
    }

    /// The daily digest's time of day (WIB); validated when loaded.
    pub fn digest_time(&self) -> jiff::civil::Time {
        parse_time(&self.staff.digest_at).unwrap_or(jiff::civil::time(7, 0, 0, 0))
    }

    /// Environment overrides; `get` is `std::env::var` in production and a
    /// map in tests.
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        if let Some(dir) = get("OPOP_DATA_DIR") {
            self.bot.data_dir = PathBuf::from(dir);
        }
        if let Some(list) = get("OPOP_ADMINS") {
            self.roles.admins = parse_ids("OPOP_ADMINS", &list)?;
        }
        if let Some(list) = get("OPOP_STAFF") {
            self.roles.staff = parse_ids("OPOP_STAFF", &list)?;
        }
        if let Some(at) = get("OPOP_DIGEST_AT") {
            parse_time(&at).map_err(|message| ConfigError::Env {
                name: "OPOP_DIGEST_AT",
                message,
            })?;
            self.staff.digest_at = at.trim().to_string();
        }
        if let Some(listen) = get("OPOP_WEB_LISTEN") {
            self.web.listen = Some(listen.trim().to_string());
        }
        if let Some(url) = get("OPOP_WEB_PUBLIC_URL") {
            self.web.public_url = Some(url.trim().to_string());
        }
        if get("OPOP_WEB_LISTEN").is_some() || get("OPOP_WEB_PUBLIC_URL").is_some() {
            self.web.validate().map_err(|message| ConfigError::Env {
                name: "OPOP_WEB_PUBLIC_URL",
                message,
            })?;
        }
        if let Some(chat) = get("OPOP_STAFF_CHAT") {
            self.roles.staff_chat = Some(chat.trim().parse().map_err(|_| ConfigError::Env {
                name: "OPOP_STAFF_CHAT",
                message: format!("`{chat}` is not a chat id"),
            })?);
        }
        Ok(())
    }

    /// The role of a Telegram user.
    pub fn role_of(&self, user: i64) -> crate::event::Role {
        if self.roles.admins.contains(&user) {
            crate::event::Role::Admin
        } else if self.roles.staff.contains(&user) {
            crate::event::Role::Staff
        } else {
            crate::event::Role::User
        }
    }

    /// Values every message may use: `$website`, `$phone`, `$email`,
    /// `$address`, `$intake`.
    pub fn message_globals(&self) -> Vec<(String, String)> {
        vec![
            ("website".into(), self.program.website.clone()),
            ("intake".into(), self.program.intake.clone()),
            ("phone".into(), self.contact.phone.clone()),
            ("email".into(), self.contact.email.clone()),
            ("address".into(), self.contact.address.clone()),
        ]
    }
}

/// Names of the globals, for `check`.
pub const MESSAGE_GLOBALS: &[&str] = &["website", "intake", "phone", "email", "address"];

fn parse_ids(name: &'static str, list: &str) -> Result<Vec<i64>, ConfigError> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<i64>().map_err(|_| ConfigError::Env {
                name,
                message: format!("`{s}` is not a Telegram user id"),
            })
        })
        .collect()
}

/// `HH:MM` (24 h) as a time of day.
fn parse_time(text: &str) -> Result<jiff::civil::Time, String> {
    let bad = || format!("`{text}` is not a time of day like 07:00");
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    let h: i8 = h.parse().map_err(|_| bad())?;
    let m: i8 = m.parse().map_err(|_| bad())?;
    jiff::civil::Time::new(h, m, 0, 0).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_defaults_file_env() {
        let mut c =
            Config::from_toml("[roles]\nadmins = [1]\n[contact]\nphone = \"031-000\"\n").unwrap();
        assert_eq!(c.roles.admins, vec![1]);
        assert_eq!(c.bot.data_dir, PathBuf::from("data"));
        c.apply_env(|k| match k {
            "OPOP_ADMINS" => Some("5, 6".into()),
            "OPOP_STAFF_CHAT" => Some("-100123".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(c.roles.admins, vec![5, 6]);
        assert_eq!(c.roles.staff_chat, Some(-100123));
        assert_eq!(c.contact.phone, "031-000");
        let bad = c.apply_env(|k| (k == "OPOP_STAFF").then(|| "abc".to_string()));
        assert!(bad.is_err());
    }

    #[test]
    fn a_syntax_error_does_not_print_the_line() {
        let secret = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef012";
        let text = format!("[bot]\ntoken = {secret}\n");
        let err = Config::from_toml(&text).unwrap_err();
        assert!(!err.contains("ABCDEFGHIJ"), "{err}");
        assert!(err.starts_with("line 2, column "), "{err}");
    }

    #[test]
    fn the_example_file_is_valid() {
        let text = include_str!("../opop-bot.example.toml");
        let c = Config::from_toml(text).unwrap();
        assert_eq!(c.program.website, "opop.jatimprov.go.id");
    }
}
