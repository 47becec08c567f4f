//! Who gets into the desk, checked exactly as Telegram specifies for Mini
//! Apps: the launch data (`initData`) is signed with HMAC-SHA256 under a
//! key derived from "WebAppData" and the bot token, compared in constant
//! time, and not older than the configured age. The desk then keeps its
//! own short session in a cookie signed with a key derived from the token
//! too (so a cookie made for another bot is refused), a CSRF token bound
//! to that session, and one-time login links for a browser on an office
//! computer. Every key is derived from the token here and nowhere else;
//! the token itself is never stored or logged.

use hmac::{Hmac, Mac};
use serde::Deserialize;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The desk's keys, derived from the bot token.
#[derive(Clone)]
pub struct Keys {
    /// Telegram's: HMAC-SHA256 of the token under "WebAppData".
    init: [u8; 32],
    /// Ours: sessions, CSRF tokens and login links.
    session: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(…)")
    }
}

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// `data` signed with `key`, checked in constant time.
fn verify(key: &[u8], data: &[u8], signature: &[u8]) -> bool {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data);
    mac.verify_slice(signature).is_ok()
}

impl Keys {
    pub fn new(bot_token: &str) -> Keys {
        Keys {
            init: hmac(b"WebAppData", bot_token.as_bytes()),
            session: hmac(b"OpopDeskSession", bot_token.as_bytes()),
        }
    }

    fn sign(&self, purpose: &str, payload: &str) -> String {
        hex::encode(hmac(
            &self.session,
            format!("{purpose}:{payload}").as_bytes(),
        ))
    }

    fn signed(&self, purpose: &str, payload: &str, signature: &str) -> bool {
        hex::decode(signature).ok().is_some_and(|sig| {
            verify(
                &self.session,
                format!("{purpose}:{payload}").as_bytes(),
                &sig,
            )
        })
    }
}

/// The person a valid launch came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Launch {
    pub user: i64,
    pub first_name: String,
    pub language_code: Option<String>,
    /// `startapp`'s parameter: a ticket number when a group notice's
    /// button opened the desk.
    pub start_param: Option<String>,
    pub auth_date: i64,
    /// The data's hash, to refuse the same launch twice.
    pub hash: String,
}

/// Why launch data was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Malformed,
    Tampered,
    Expired,
}

#[derive(Deserialize)]
struct WebAppUser {
    id: i64,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    language_code: Option<String>,
}

/// Checks Mini App launch data (the `initData` query string) as of `now`
/// (unix seconds), at most `max_age` seconds old.
pub fn check_launch(
    keys: &Keys,
    init_data: &str,
    now: i64,
    max_age: i64,
) -> Result<Launch, Refused> {
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(init_data.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let at = pairs
        .iter()
        .position(|(k, _)| k == "hash")
        .ok_or(Refused::Malformed)?;
    let hash = pairs.remove(at).1;
    pairs.sort();
    let check: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let signature = hex::decode(&hash).ok().ok_or(Refused::Tampered)?;
    if !verify(&keys.init, check.join("\n").as_bytes(), &signature) {
        return Err(Refused::Tampered);
    }
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let auth_date: i64 = get("auth_date")
        .and_then(|v| v.parse().ok())
        .ok_or(Refused::Malformed)?;
    if now - auth_date > max_age || auth_date - now > 60 {
        return Err(Refused::Expired);
    }
    let user: WebAppUser = get("user")
        .and_then(|u| serde_json::from_str(u).ok())
        .ok_or(Refused::Malformed)?;
    Ok(Launch {
        user: user.id,
        first_name: user.first_name,
        language_code: user.language_code,
        start_param: get("start_param").map(str::to_string),
        auth_date,
        hash,
    })
}

/// Launch data as Telegram signs it (for tests and the benchmark):
/// `fields` plus `auth_date` and `hash`.
pub fn sign_launch(keys: &Keys, fields: &[(&str, &str)], auth_date: i64) -> String {
    let auth = auth_date.to_string();
    let mut all: Vec<(&str, &str)> = fields.to_vec();
    all.push(("auth_date", &auth));
    all.sort();
    let check: Vec<String> = all.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let hash = hex::encode(hmac(&keys.init, check.join("\n").as_bytes()));
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &all {
        out.append_pair(k, v);
    }
    out.append_pair("hash", &hash);
    out.finish()
}

/// A desk session: who (with the name Telegram gave, if it came from a
/// launch), until when (unix seconds), and a nonce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub user: i64,
    pub expires: i64,
    nonce: String,
    pub name: Option<String>,
}

impl Session {
    pub fn new(user: i64, expires: i64, nonce: &str) -> Session {
        Session {
            user,
            expires,
            nonce: nonce.to_string(),
            name: None,
        }
    }

    pub fn named(mut self, name: &str) -> Session {
        let name: String = name.chars().take(64).collect();
        self.name = (!name.trim().is_empty()).then_some(name);
        self
    }

    fn payload(&self) -> String {
        let name = self
            .name
            .as_deref()
            .map(|n| hex::encode(n.as_bytes()))
            .unwrap_or_default();
        format!("{}.{}.{}.{name}", self.user, self.expires, self.nonce)
    }

    /// The cookie's value: the session and its signature.
    pub fn cookie(&self, keys: &Keys) -> String {
        let payload = self.payload();
        format!("{payload}.{}", keys.sign("session", &payload))
    }

    /// A session from its cookie, if signed with these keys and not expired.
    pub fn from_cookie(keys: &Keys, value: &str, now: i64) -> Option<Session> {
        let (payload, signature) = value.rsplit_once('.')?;
        if !keys.signed("session", payload, signature) {
            return None;
        }
        let mut parts = payload.splitn(4, '.');
        let user = parts.next()?.parse().ok()?;
        let expires: i64 = parts.next()?.parse().ok()?;
        let nonce = parts.next()?.to_string();
        let name = hex::decode(parts.next()?)
            .ok()
            .and_then(|b| String::from_utf8(b).ok());
        (expires > now).then_some(Session {
            user,
            expires,
            nonce,
            name: name.filter(|n| !n.is_empty()),
        })
    }

    /// The CSRF token every form of this session carries.
    pub fn csrf(&self, keys: &Keys) -> String {
        keys.sign("csrf", &self.payload())
    }

    pub fn csrf_ok(&self, keys: &Keys, token: &str) -> bool {
        keys.signed("csrf", &self.payload(), token)
    }
}

/// A one-time login link's token: for `user`, valid until `expires`;
/// single use is kept by the desk (it remembers the ones used).
pub fn login_token(keys: &Keys, user: i64, expires: i64, nonce: &str) -> String {
    let payload = format!("{user}.{expires}.{nonce}");
    format!("{payload}.{}", keys.sign("login", &payload))
}

/// The user and expiry of a login token signed with these keys.
pub fn check_login_token(keys: &Keys, token: &str, now: i64) -> Option<(i64, i64)> {
    let (payload, signature) = token.rsplit_once('.')?;
    if !keys.signed("login", payload, signature) {
        return None;
    }
    let mut parts = payload.splitn(3, '.');
    let user = parts.next()?.parse().ok()?;
    let expires: i64 = parts.next()?.parse().ok()?;
    (expires > now).then_some((user, expires))
}

/// A nonce: the hash of what is unique about this moment (no randomness
/// is needed for it to be unguessable: it is signed).
pub fn nonce(keys: &Keys, seed: &str) -> String {
    keys.sign("nonce", seed)[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "123456:TEST-token";

    fn launch(keys: &Keys, auth_date: i64) -> String {
        sign_launch(
            keys,
            &[
                ("query_id", "AAH"),
                (
                    "user",
                    r#"{"id":2001,"first_name":"Budi","language_code":"id"}"#,
                ),
                ("start_param", "PRD-2026-00001"),
            ],
            auth_date,
        )
    }

    #[test]
    fn telegram_launch_data_is_checked() {
        let keys = Keys::new(TOKEN);
        let data = launch(&keys, 1_000);
        let l = check_launch(&keys, &data, 1_100, 3600).unwrap();
        assert_eq!((l.user, l.first_name.as_str()), (2001, "Budi"));
        assert_eq!(l.start_param.as_deref(), Some("PRD-2026-00001"));
        // Another bot's token, a changed field, too old.
        let other = Keys::new("999:OTHER");
        assert_eq!(
            check_launch(&other, &data, 1_100, 3600),
            Err(Refused::Tampered)
        );
        let changed = data.replace("2001", "2002");
        assert_eq!(
            check_launch(&keys, &changed, 1_100, 3600),
            Err(Refused::Tampered)
        );
        assert_eq!(
            check_launch(&keys, &data, 10_000, 3600),
            Err(Refused::Expired)
        );
        assert_eq!(check_launch(&keys, "user=x", 0, 1), Err(Refused::Malformed));
    }

    #[test]
    fn a_known_vector_from_telegram_s_algorithm() {
        // The algorithm by hand: secret = HMAC("WebAppData", token),
        // hash = HMAC(secret, "auth_date=…\nquery_id=…\nuser=…").
        let keys = Keys::new(TOKEN);
        let secret = hmac(b"WebAppData", TOKEN.as_bytes());
        let check = "auth_date=5\nquery_id=Q\nuser={\"id\":7}";
        let hash = hex::encode(hmac(&secret, check.as_bytes()));
        let data = format!("query_id=Q&user=%7B%22id%22%3A7%7D&auth_date=5&hash={hash}");
        assert_eq!(check_launch(&keys, &data, 6, 60).unwrap().user, 7);
    }

    #[test]
    fn sessions_csrf_and_login_links_are_signed_by_this_bot() {
        let keys = Keys::new(TOKEN);
        let s = Session::new(2001, 500, "abc").named("Budi Santoso");
        let cookie = s.cookie(&keys);
        assert_eq!(Session::from_cookie(&keys, &cookie, 100), Some(s.clone()));
        assert_eq!(Session::from_cookie(&keys, &cookie, 600), None, "expired");
        let other = Keys::new("999:OTHER");
        assert_eq!(Session::from_cookie(&other, &cookie, 100), None);
        let forged = cookie.replacen("2001", "3001", 1);
        assert_eq!(Session::from_cookie(&keys, &forged, 100), None);
        assert!(s.csrf_ok(&keys, &s.csrf(&keys)));
        assert!(!Session::new(2001, 500, "abd").csrf_ok(&keys, &s.csrf(&keys)));
        let t = login_token(&keys, 2001, 500, "n1");
        assert_eq!(check_login_token(&keys, &t, 100), Some((2001, 500)));
        assert_eq!(check_login_token(&other, &t, 100), None);
        assert_eq!(check_login_token(&keys, &t, 501), None);
    }
}
