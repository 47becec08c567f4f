//! What staff taught the FAQ: a manager's question (and the staff's
//! answer) kept from a QST ticket, either as one more example of an
//! existing entry or as a new entry whose answer is the staff's reply.
//! Kept in the store's `meta` tree (`learned/<ticket>`), so it survives
//! restarts and is in every backup; the matcher takes it in at once.
//!
//! Nothing personal is kept: [`mask`] replaces phone numbers, e-mail
//! addresses, @usernames and the asker's known names before a record is
//! made, and the record holds no Telegram id of the asker.

use std::sync::LazyLock;

use jiff::Timestamp;
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Learned {
    pub v: u32,
    /// The QST ticket it came from (one record per ticket: teaching it
    /// again replaces the record).
    pub ticket: String,
    pub at: Timestamp,
    /// The staff member who taught it.
    pub by: i64,
    pub by_name: String,
    /// The asker's language: the language of `question`.
    pub lang: Lang,
    /// The question, masked.
    pub question: String,
    pub teach: Teach,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Teach {
    /// One more example question of the entry `entry`.
    Example { entry: String },
    /// A new entry in `category`; its title is the question, its answer
    /// the staff's reply (plain text, masked).
    Entry { category: String, answer: String },
}

impl Learned {
    pub const VERSION: u32 = 1;

    /// The id a new entry gets: the ticket number in lower case
    /// (`qst-2026-00007`), which the FAQ's ids allow.
    pub fn entry_id(ticket: &str) -> String {
        ticket.to_lowercase()
    }

    /// The entry the question now finds.
    pub fn entry(&self) -> String {
        match &self.teach {
            Teach::Example { entry } => entry.clone(),
            Teach::Entry { .. } => Learned::entry_id(&self.ticket),
        }
    }
}

/// What stands in for masked personal data.
pub const MASK_PHONE: &str = "[nomor]";
pub const MASK_EMAIL: &str = "[email]";
pub const MASK_ACCOUNT: &str = "[akun]";
pub const MASK_NAME: &str = "[nama]";

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("valid regex"));
static ACCOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"@[A-Za-z0-9_]{3,}").expect("valid regex"));
/// A run of digits with separators; a phone number when it holds 8 or
/// more digits (ticket numbers are taken out first).
static DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\+?\d[\d\s.\-()]{6,}\d").expect("valid regex"));
static TICKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:PRD|MNT|QST)[-\s]?\d{4}[-\s]?\d{1,5}\b").expect("valid regex")
});

/// Replaces personal data in `text`: e-mail addresses, @usernames, phone
/// numbers (8 digits or more; ticket numbers stay) and each of `names`
/// (the asker's names, the pesantren's, its contact person's; whole
/// words, any case).
pub fn mask(text: &str, names: &[&str]) -> String {
    let mut out = EMAIL.replace_all(text, MASK_EMAIL).into_owned();
    out = ACCOUNT.replace_all(&out, MASK_ACCOUNT).into_owned();
    // Ticket numbers are set aside so their digits are not a phone.
    let tickets: Vec<String> = TICKET
        .find_iter(&out)
        .map(|m| m.as_str().to_string())
        .collect();
    for (i, t) in tickets.iter().enumerate() {
        out = out.replacen(t.as_str(), &format!("\u{E000}{i}\u{E001}"), 1);
    }
    out = DIGITS
        .replace_all(&out, |c: &regex::Captures<'_>| {
            let digits = c[0].chars().filter(char::is_ascii_digit).count();
            if digits >= 8 {
                MASK_PHONE.to_string()
            } else {
                c[0].to_string()
            }
        })
        .into_owned();
    for (i, t) in tickets.iter().enumerate() {
        out = out.replacen(&format!("\u{E000}{i}\u{E001}"), t, 1);
    }
    let mut names: Vec<&str> = names
        .iter()
        .map(|n| n.trim())
        .filter(|n| n.chars().count() >= 3)
        .collect();
    // Longest first, so "Ahmad Fauzi" goes before "Ahmad".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in names {
        let pattern = format!(r"(?i)\b{}\b", regex::escape(name));
        if let Ok(re) = Regex::new(&pattern) {
            out = re.replace_all(&out, MASK_NAME).into_owned();
        }
    }
    out
}

/// The names worth masking in one person's words: every word of three
/// letters or more of the given names, and each name whole.
pub fn name_parts<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out = Vec::new();
    for name in names {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        out.push(name.to_string());
        for part in name.split_whitespace() {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if part.chars().count() >= 3 && !COMMON.contains(&part.to_lowercase().as_str()) {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// Words of pesantren names that are not names ("Pondok Pesantren Al
/// Hikmah": only "Hikmah" identifies).
const COMMON: &[&str] = &[
    "pondok",
    "pesantren",
    "ponpes",
    "pp",
    "yayasan",
    "al",
    "an",
    "ar",
    "as",
    "asy",
    "at",
    "ad",
    "el",
    "darul",
    "dar",
    "nurul",
    "roudlotul",
    "raudhatul",
    "miftahul",
    "bin",
    "binti",
    "haji",
    "hj",
    "kyai",
    "kh",
    "gus",
    "ustadz",
    "bapak",
    "ibu",
    "pak",
    "bu",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_emails_accounts_and_names_are_masked() {
        let names = name_parts(["Ahmad Fauzi", "Pondok Pesantren Al Hikmah"]);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let masked = mask(
            "Saya Ahmad dari PP Al Hikmah, hp 0812-3456-7890 / +62 812 3456 7890, \
             email ahmad.f@gmail.com, tg @ahmadfz. Tiket QST-2026-00012, 2 produk, tahun 2026.",
            &names,
        );
        assert_eq!(
            masked,
            "Saya [nama] dari PP Al [nama], hp [nomor] / [nomor], \
             email [email], tg [akun]. Tiket QST-2026-00012, 2 produk, tahun 2026."
        );
    }

    #[test]
    fn a_new_entry_takes_its_id_from_the_ticket() {
        assert_eq!(Learned::entry_id("QST-2026-00007"), "qst-2026-00007");
    }
}
