//! Reading what a person typed into a typed answer: Rupiah amounts,
//! Indonesian phone numbers, e-mail addresses and East Java regions.
//!
//! Pure functions; each failure is a [`Problem`] the engine turns into a
//! localized re-prompt.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

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

/// Formats Rupiah the Indonesian way: `Rp 25.000`.
pub fn format_rupiah(amount: i64) -> String {
    format!("Rp {}", group_thousands(amount))
}

/// `1250000` -> `1.250.000`.
pub fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// The 38 regencies and cities of East Java with the short names people
/// use, read from `dialogs/regions.toml`.
#[derive(Debug, Clone)]
pub struct RegionMatcher {
    regions: Vec<Region>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Region {
    /// "Kabupaten Malang", "Kota Surabaya".
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Deserialize)]
struct RegionFile {
    region: Vec<Region>,
}

/// What a typed region resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionMatch {
    One(String),
    /// A name that is both a kabupaten and a kota ("malang"), or a typo
    /// close to several: the person chooses.
    Several(Vec<String>),
    None,
}

impl RegionMatcher {
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let file: RegionFile = toml::from_str(text).map_err(|e| e.to_string())?;
        Ok(RegionMatcher {
            regions: file.region,
        })
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.regions.iter().map(|r| r.name.as_str())
    }

    pub fn len(&self) -> usize {
        self.regions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    pub fn find(&self, input: &str) -> RegionMatch {
        let text = simplify(input);
        if text.is_empty() {
            return RegionMatch::None;
        }
        let (kind, rest) = split_kind(&text);
        let base = |r: &Region| simplify(strip_kind(&r.name));
        let is_kind = |r: &Region, k: &str| r.name.to_lowercase().starts_with(k);
        let exact: Vec<&Region> = self
            .regions
            .iter()
            .filter(|r| {
                base(r) == rest
                    || r.aliases
                        .iter()
                        .any(|a| simplify(a) == rest || simplify(a) == text)
            })
            .collect();
        let filtered = |list: Vec<&Region>| -> Vec<String> {
            let narrowed: Vec<&Region> = match kind {
                Some(k) => list.iter().copied().filter(|r| is_kind(r, k)).collect(),
                None => list.clone(),
            };
            let chosen = if narrowed.is_empty() { list } else { narrowed };
            chosen.iter().map(|r| r.name.clone()).collect()
        };
        if !exact.is_empty() {
            return one_or_several(filtered(exact));
        }
        // Typos: the closest names within a small edit distance.
        let mut best: Vec<(&Region, usize)> = Vec::new();
        for r in &self.regions {
            let candidates = std::iter::once(base(r)).chain(r.aliases.iter().map(|a| simplify(a)));
            let d = candidates
                .filter(|c| c.len() >= 4)
                .map(|c| strsim::damerau_levenshtein(&c, rest))
                .min()
                .unwrap_or(usize::MAX);
            let allowed = if rest.chars().count() >= 7 {
                2
            } else if rest.chars().count() >= 4 {
                1
            } else {
                0
            };
            if d <= allowed {
                best.push((r, d));
            }
        }
        if best.is_empty() {
            return RegionMatch::None;
        }
        let min = best.iter().map(|(_, d)| *d).min().unwrap_or(0);
        let list: Vec<&Region> = best
            .into_iter()
            .filter(|(_, d)| *d == min)
            .map(|(r, _)| r)
            .collect();
        let names = filtered(list);
        // A typo is never accepted silently: the person confirms it.
        RegionMatch::Several(names)
    }
}

fn one_or_several(mut names: Vec<String>) -> RegionMatch {
    names.dedup();
    match names.len() {
        0 => RegionMatch::None,
        1 => RegionMatch::One(names.remove(0)),
        _ => RegionMatch::Several(names),
    }
}

fn simplify(s: &str) -> String {
    let lower = s.to_lowercase();
    let cleaned: String = lower
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_kind(name: &str) -> &str {
    name.strip_prefix("Kabupaten ")
        .or_else(|| name.strip_prefix("Kota "))
        .unwrap_or(name)
}

/// Splits "kab malang" / "kota malang" / "kabupaten malang" into the kind
/// and the rest.
fn split_kind(text: &str) -> (Option<&'static str>, &str) {
    for (prefix, kind) in [
        ("kabupaten ", "kabupaten"),
        ("kab ", "kabupaten"),
        ("kab. ", "kabupaten"),
        ("kota ", "kota"),
        ("kodya ", "kota"),
        ("kot ", "kota"),
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return (Some(kind), rest.trim());
        }
    }
    (None, text)
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
    fn emails() {
        assert_eq!(
            normalize_email(" Sekretariat@OPOP.id ").as_deref(),
            Some("sekretariat@opop.id")
        );
        assert_eq!(normalize_email("no-at-sign"), None);
        assert_eq!(normalize_email("a@b"), None);
    }

    #[test]
    fn rupiah_format() {
        assert_eq!(format_rupiah(25_000), "Rp 25.000");
        assert_eq!(format_rupiah(1_250_000), "Rp 1.250.000");
        assert_eq!(format_rupiah(500), "Rp 500");
    }
}
