//! The pure input checks: what a person typed or pressed, read into a
//! typed answer — text within its limits, Rupiah amounts, yes/no in the
//! ways people say it, options by number or label, Indonesian phone
//! numbers, e-mail addresses.
//!
//! Pure functions of their arguments; each failure is a [`Problem`] the
//! engine turns into a localized re-prompt. The arms that change the
//! session (a toggle, one more photo) are in `answer.rs`.

use std::sync::LazyLock;

use regex::Regex;

use crate::content::{Choice, simplify};
use crate::i18n::{Args, I18n, Lang};

/// Why an answer was not accepted; each maps to a localized message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    /// Only emoji or punctuation where words are expected.
    NoLetters,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    Pattern,
    NotANumber,
    NumberTooSmall {
        min: i64,
    },
    NumberTooLarge {
        max: i64,
    },
    NotAnOption,
    NotYesNo,
    BadPhone,
    NotOwnContact,
    BadEmail,
    UnknownRegion,
    NeedPhoto,
    TooManyPhotos {
        max: usize,
    },
    TooFewPhotos {
        min: usize,
    },
    NoneSelected {
        min: usize,
    },
    NotText,
}

/// Parses an amount as people write it: `25000`, `25.000`, `Rp 25.000,-`,
/// `25rb`, `25 ribu`, `1,5 juta`, `1.5jt`, `2M`/`2 miliar`.
pub fn parse_amount(input: &str) -> Option<i64> {
    let mut s = input.trim().to_lowercase();
    s = s.replace(' ', "");
    for prefix in ["rp.", "rp", "idr"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_string();
            break;
        }
    }
    let s = s
        .trim_end_matches(",-")
        .trim_end_matches(".-")
        .trim_end_matches('-');
    let (number, multiplier) = split_multiplier(s);
    if number.is_empty()
        || !number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let value = if multiplier == 1 {
        // "25.000", "25,000", "25.000,00": separators group thousands; a
        // trailing ",00"/".00" is cents.
        let trimmed = strip_cents(number);
        let digits: String = trimmed.chars().filter(|c| c.is_ascii_digit()).collect();
        if !grouping_ok(trimmed) {
            return None;
        }
        digits.parse::<i64>().ok()?
    } else {
        // "1,5" or "1.5" with a word multiplier is a decimal fraction, but
        // "1.500" (three digits after the mark) still groups thousands.
        let normalized = number.replace(',', ".");
        let parts: Vec<&str> = normalized.split('.').collect();
        match parts.as_slice() {
            [whole] => whole.parse::<i64>().ok()?.checked_mul(multiplier)?,
            [whole, frac] if frac.len() < 3 && !frac.is_empty() => {
                let whole: i64 = whole.parse().ok()?;
                let frac_value: i64 = frac.parse().ok()?;
                let scale = 10i64.pow(frac.len() as u32);
                whole.checked_mul(multiplier)? + frac_value * multiplier / scale
            }
            _ => {
                if !grouping_ok(number) {
                    return None;
                }
                let digits: String = number.chars().filter(|c| c.is_ascii_digit()).collect();
                digits.parse::<i64>().ok()?.checked_mul(multiplier)?
            }
        }
    };
    Some(value)
}

fn split_multiplier(s: &str) -> (&str, i64) {
    const WORDS: &[(&str, i64)] = &[
        ("ribu", 1_000),
        ("rb", 1_000),
        ("k", 1_000),
        ("juta", 1_000_000),
        ("jt", 1_000_000),
        ("miliar", 1_000_000_000),
        ("milyar", 1_000_000_000),
        ("m", 1_000_000_000),
    ];
    for (word, mult) in WORDS {
        if let Some(n) = s.strip_suffix(word) {
            return (n, *mult);
        }
    }
    (s, 1)
}

fn strip_cents(s: &str) -> &str {
    for suffix in [",00", ".00", ",0", ".0"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            return rest;
        }
    }
    s
}

/// "25.000" and "1.250.000" group by three; "2.5" with no multiplier is not
/// a Rupiah amount we can trust.
fn grouping_ok(s: &str) -> bool {
    let groups: Vec<&str> = s.split(['.', ',']).collect();
    if groups.len() == 1 {
        return true;
    }
    !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
}

/// Normalizes an Indonesian phone number to `+62…`: accepts `08…`, `+62…`,
/// `62…`, with spaces, dashes, dots or parentheses.
pub fn normalize_phone(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let plus = trimmed.starts_with('+');
    if trimmed
        .chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+')))
    {
        return None;
    }
    let digits: String = trimmed.chars().filter(|c| c.is_ascii_digit()).collect();
    let national = if let Some(rest) = digits.strip_prefix("62") {
        rest.to_string()
    } else if let Some(rest) = digits.strip_prefix('0') {
        if plus {
            return None;
        }
        rest.to_string()
    } else {
        return None;
    };
    // National significant numbers: mobile 8xx (9-12 digits), landlines with
    // an area code such as 31 for Surabaya (8-11 digits).
    let ok = match national.chars().next() {
        Some('8') => (9..=12).contains(&national.len()),
        Some('1'..='7') | Some('9') => (8..=11).contains(&national.len()),
        _ => false,
    };
    ok.then(|| format!("+62{national}"))
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
        .expect("static regex")
});

/// Lower-cases and checks an e-mail address.
pub fn normalize_email(input: &str) -> Option<String> {
    let s = input.trim();
    (s.len() <= 254 && EMAIL.is_match(s)).then(|| s.to_lowercase())
}

/// Longest typed region looked at.
pub const MAX_REGION_CHARS: usize = 80;

/// A text answer within its limits and pattern.
pub fn check_text(
    typed: &str,
    min_len: usize,
    max_len: usize,
    pattern: Option<&Regex>,
) -> Result<String, Problem> {
    let t = typed.trim();
    let len = t.chars().count();
    if len == 0 {
        return Err(Problem::Empty);
    }
    if !t.chars().any(char::is_alphanumeric) {
        return Err(Problem::NoLetters);
    }
    if len < min_len {
        return Err(Problem::TooShort { min: min_len });
    }
    if len > max_len {
        return Err(Problem::TooLong { max: max_len });
    }
    if pattern.is_some_and(|p| !p.is_match(t)) {
        return Err(Problem::Pattern);
    }
    Ok(t.to_string())
}

/// An amount or count between `min` and `max`.
pub fn check_number(typed: &str, min: i64, max: i64) -> Result<i64, Problem> {
    let n = parse_amount(typed).ok_or(Problem::NotANumber)?;
    if n < min {
        return Err(Problem::NumberTooSmall { min });
    }
    if n > max {
        return Err(Problem::NumberTooLarge { max });
    }
    Ok(n)
}

/// A shared contact as a phone answer: only the sender's own number.
pub fn contact_phone(phone: &str, own: bool) -> Result<String, Problem> {
    if !own {
        return Err(Problem::NotOwnContact);
    }
    // Telegram gives a contact's number in international form, mostly
    // without the plus ("6281…"); the console (and some clients) pass the
    // number as written ("0812…").
    let trimmed = phone.trim();
    let international = if trimmed.starts_with(['+', '0']) {
        trimmed.to_string()
    } else {
        format!("+{trimmed}")
    };
    normalize_phone(&international).ok_or(Problem::BadPhone)
}

/// "ya", "iya", "nggih", "ok" ... or "tidak", "gak", "mboten" ...
pub fn yes_no(text: &str) -> Option<bool> {
    const YES: &[&str] = &[
        "ya", "y", "iya", "iyo", "yes", "yup", "ok", "oke", "okay", "betul", "benar", "setuju",
        "agree", "nggih", "enggih", "inggih", "njih", "ho oh", "sip", "siap", "boleh", "leres",
        "sampun", "purun", "angsal",
    ];
    const NO: &[&str] = &[
        "tidak",
        "tdk",
        "no",
        "n",
        "nggak",
        "ngga",
        "gak",
        "ga",
        "enggak",
        "ndak",
        "mboten",
        "boten",
        "dereng",
        "durung",
        "ora",
        "belum",
        "blm",
        "nope",
        "tidak setuju",
        "disagree",
    ];
    let t = simplify(text);
    if YES.contains(&t.as_str()) {
        Some(true)
    } else if NO.contains(&t.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// "selesai", "sudah", "done", "rampung" ...: the photos or options are complete.
pub fn is_done_word(text: &str) -> bool {
    matches!(
        simplify(text).as_str(),
        "selesai" | "sudah" | "done" | "finish" | "rampung" | "wis" | "cukup" | "sampun"
    )
}

/// "-", "lewati", "tidak ada" ...: an optional step is skipped.
pub fn is_skip_word(text: &str) -> bool {
    text.trim() == "-"
        || matches!(
            simplify(text).as_str(),
            "lewati"
                | "skip"
                | "tidak ada"
                | "tidak punya"
                | "belum ada"
                | "ga ada"
                | "gak ada"
                | "liwati"
                | "mboten wonten"
                | "dereng wonten"
                | "ora ana"
                | "gak onok"
        )
}

/// "kirim", "ok" ... at the summary: submit.
pub fn is_submit_word(text: &str) -> bool {
    matches!(
        simplify(text).as_str(),
        "kirim"
            | "submit"
            | "send"
            | "ya"
            | "ok"
            | "oke"
            | "yes"
            | "kintun"
            | "kirimaken"
            | "nggih"
    )
}

/// An option typed as its number, its label in any language, or its value.
pub fn typed_option<'o>(i18n: &I18n, options: &'o [Choice], typed: &str) -> Option<&'o Choice> {
    let wanted = simplify(typed);
    if wanted.is_empty() {
        return None;
    }
    if let Ok(n) = wanted.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| options.get(i));
    }
    options.iter().find(|o| {
        o.value == wanted
            || o.value.replace('_', " ") == wanted
            || Lang::ALL
                .iter()
                .any(|l| simplify(&i18n.text(*l, &o.label, Args::new())) == wanted)
    })
}

/// Several options typed at once: "1, 3", "1 3 5", "kopi; teh".
pub fn typed_options(
    i18n: &I18n,
    options: &[Choice],
    exclusive: &[String],
    min: usize,
    typed: &str,
) -> Result<Vec<String>, Problem> {
    let mut picked: Vec<String> = Vec::new();
    let parts = typed.split([',', ';', '\n']).flat_map(|p| {
        // "1 3 5" as well as "1, 3, 5"
        if p.trim()
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace())
        {
            p.split_whitespace().map(str::to_string).collect::<Vec<_>>()
        } else {
            vec![p.to_string()]
        }
    });
    for part in parts {
        if part.trim().is_empty() {
            continue;
        }
        let option = typed_option(i18n, options, &part).ok_or(Problem::NotAnOption)?;
        if !picked.contains(&option.value) {
            picked.push(option.value.clone());
        }
    }
    if picked.len() > 1 && picked.iter().any(|p| exclusive.contains(p)) {
        return Err(Problem::NotAnOption);
    }
    if picked.len() < min.max(1) {
        return Err(Problem::NoneSelected { min: min.max(1) });
    }
    Ok(sorted_like(options, picked))
}

/// The picked values in the options' order.
pub fn sorted_like(options: &[Choice], picked: Vec<String>) -> Vec<String> {
    options
        .iter()
        .filter(|o| picked.contains(&o.value))
        .map(|o| o.value.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("25000"), Some(25_000));
        assert_eq!(parse_amount("25.000"), Some(25_000));
        assert_eq!(parse_amount("Rp 25.000,-"), Some(25_000));
        assert_eq!(parse_amount("Rp25.000,00"), Some(25_000));
        assert_eq!(parse_amount("Rp 25rb"), Some(25_000));
        assert_eq!(parse_amount("25 ribu"), Some(25_000));
        assert_eq!(parse_amount("1,5 juta"), Some(1_500_000));
        assert_eq!(parse_amount("1.5jt"), Some(1_500_000));
        assert_eq!(parse_amount("1.250.000"), Some(1_250_000));
        assert_eq!(parse_amount("2.5"), None);
        assert_eq!(parse_amount("dua puluh"), None);
        assert_eq!(parse_amount(""), None);
        assert_eq!(parse_amount("99999999999999999999999"), None);
    }

    #[test]
    fn phones() {
        assert_eq!(
            normalize_phone("0812-3456-7890").as_deref(),
            Some("+6281234567890")
        );
        assert_eq!(
            normalize_phone("+62 812 3456 789").as_deref(),
            Some("+628123456789")
        );
        assert_eq!(
            normalize_phone("6281234567890").as_deref(),
            Some("+6281234567890")
        );
        assert_eq!(
            normalize_phone("(031) 8291234").as_deref(),
            Some("+62318291234")
        );
        assert_eq!(normalize_phone("12345"), None);
        assert_eq!(normalize_phone("08abc"), None);
        assert_eq!(normalize_phone("+0812345678"), None);
    }

    #[test]
    fn shared_contacts_in_every_form_telegram_and_the_console_give() {
        for phone in [
            "6281234567890",
            "+6281234567890",
            "081234567890",
            "0812 3456 7890",
        ] {
            assert_eq!(
                contact_phone(phone, true).as_deref(),
                Ok("+6281234567890"),
                "{phone}"
            );
        }
        assert_eq!(contact_phone("14155550100", true), Err(Problem::BadPhone));
        assert_eq!(
            contact_phone("6281234567890", false),
            Err(Problem::NotOwnContact)
        );
    }

    #[test]
    fn words_people_use() {
        assert_eq!(yes_no("Nggih!"), Some(true));
        assert_eq!(yes_no("mboten"), Some(false));
        // Typed Javanese, krama and ngoko alike.
        assert_eq!(yes_no("Njih"), Some(true));
        assert_eq!(yes_no("dereng"), Some(false));
        assert!(
            is_submit_word("kintun") && is_done_word("sampun") && is_skip_word("mboten wonten")
        );
        assert_eq!(yes_no("mungkin"), None);
        assert!(is_skip_word(" - ") && is_skip_word("Tidak ada"));
        assert!(is_done_word("Selesai.") && is_submit_word("KIRIM"));
        assert_eq!(
            check_text("  ab ", 3, 10, None),
            Err(Problem::TooShort { min: 3 })
        );
        assert_eq!(check_text("🙂", 1, 10, None), Err(Problem::NoLetters));
        assert_eq!(check_number("25rb", 1_000, 100_000), Ok(25_000));
        assert_eq!(
            check_number("5", 10, 20),
            Err(Problem::NumberTooSmall { min: 10 })
        );
        assert_eq!(
            contact_phone("6281234567890", false),
            Err(Problem::NotOwnContact)
        );
        assert_eq!(
            contact_phone("6281234567890", true).as_deref(),
            Ok("+6281234567890")
        );
    }

    #[test]
    fn emails() {
        assert_eq!(
            normalize_email(" Sekretariat@OPOP.id ").as_deref(),
            Some("sekretariat@opop.id")
        );
        assert_eq!(normalize_email("no-at-sign"), None);
        assert_eq!(normalize_email("a@b"), None);
    }
}
