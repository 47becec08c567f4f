//! Telegram HTML: escaping user text and checking that a text the bot is about
//! to send is valid for `parse_mode = HTML` (only Telegram's tag set, every
//! tag closed and nested, no bare `<`, `>` or `&`).
//!
//! Everything a user typed passes through [`escape`] before it is put into a
//! message; [`validate`] is used by `opop-bot check` on every locale message
//! and by tests on every outgoing text.

use std::fmt;

/// Escapes `<`, `>`, `&` and `"` so that the text is shown literally, and
/// drops invisible format characters ([`is_hidden_format`]): a name or
/// answer with a right-to-left override cannot disguise itself in a staff
/// notice.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars().filter(|c| !is_hidden_format(*c)) {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Unicode's format characters (general category Cf: bidi overrides and
/// isolates, zero-width spaces, soft hyphens, …), except those emoji are
/// made of: the zero-width joiner and non-joiner, and the tag characters
/// of subdivision flags.
pub fn is_hidden_format(c: char) -> bool {
    const CF: &[(u32, u32)] = &[
        (0x00AD, 0x00AD),
        (0x0600, 0x0605),
        (0x061C, 0x061C),
        (0x06DD, 0x06DD),
        (0x070F, 0x070F),
        (0x0890, 0x0891),
        (0x08E2, 0x08E2),
        (0x180E, 0x180E),
        (0x200B, 0x200B),
        (0x200E, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x2064),
        (0x2066, 0x206F),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x1343F),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0001, 0xE0001),
    ];
    let c = c as u32;
    CF.iter().any(|(lo, hi)| (*lo..=*hi).contains(&c))
}

/// Removes tags and resolves the entities the bot itself uses, giving the
/// text as a person reads it (used by the console and for length checks).
pub fn to_plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(pos) = rest.find(['<', '&']) {
        out.push_str(&rest[..pos]);
        rest = &rest[pos..];
        if rest.starts_with('<') {
            match rest.find('>') {
                Some(end) => rest = &rest[end + 1..],
                None => {
                    out.push_str(rest);
                    rest = "";
                }
            }
        } else {
            let (decoded, len) = decode_entity(rest).unwrap_or(('&', 1));
            out.push(decoded);
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}

/// Telegram's limit on a message's visible text.
pub const MAX_TEXT: usize = 4096;

/// Number of UTF-16 code units of the visible text, the unit Telegram's
/// 4096-character limit counts.
pub fn visible_len(html: &str) -> usize {
    to_plain(html).encode_utf16().count()
}

/// Why a text is not valid Telegram HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlError {
    pub offset: usize,
    pub problem: String,
}

impl fmt::Display for HtmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid Telegram HTML at byte {}: {}",
            self.offset, self.problem
        )
    }
}

impl std::error::Error for HtmlError {}

const ALLOWED_TAGS: &[&str] = &[
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "tg-emoji",
    "code",
    "pre",
    "blockquote",
];

/// Checks a text against Telegram's HTML rules.
pub fn validate(html: &str) -> Result<(), HtmlError> {
    let mut open: Vec<&str> = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let end = html[i..].find('>').ok_or_else(|| HtmlError {
                    offset: i,
                    problem: "a '<' that does not start a tag (write &lt;)".into(),
                })? + i;
                let inner = &html[i + 1..end];
                if let Some(name) = inner.strip_prefix('/') {
                    let name = name.trim();
                    match open.pop() {
                        Some(top) if top == name => {}
                        Some(top) => {
                            return Err(HtmlError {
                                offset: i,
                                problem: format!("</{name}> closes <{top}>"),
                            });
                        }
                        None => {
                            return Err(HtmlError {
                                offset: i,
                                problem: format!("</{name}> closes nothing"),
                            });
                        }
                    }
                } else {
                    let name = inner.split_whitespace().next().unwrap_or("");
                    if !ALLOWED_TAGS.contains(&name) {
                        return Err(HtmlError {
                            offset: i,
                            problem: format!("tag <{name}> is not supported by Telegram"),
                        });
                    }
                    if name == "a" && !inner.contains("href=") {
                        return Err(HtmlError {
                            offset: i,
                            problem: "<a> without href".into(),
                        });
                    }
                    open.push(name);
                }
                i = end + 1;
            }
            b'>' => {
                return Err(HtmlError {
                    offset: i,
                    problem: "a bare '>' (write &gt;)".into(),
                });
            }
            b'&' => match decode_entity(&html[i..]) {
                Some((_, len)) => i += len,
                None => {
                    return Err(HtmlError {
                        offset: i,
                        problem: "a bare '&' (write &amp;)".into(),
                    });
                }
            },
            _ => i += 1,
        }
    }
    if let Some(tag) = open.pop() {
        return Err(HtmlError {
            offset: html.len(),
            problem: format!("<{tag}> is never closed"),
        });
    }
    Ok(())
}

fn decode_entity(text: &str) -> Option<(char, usize)> {
    // Entities are ASCII: look for the ';' among the next few bytes only.
    let end = text.bytes().take(12).position(|b| b == b';')?;
    let name = &text[1..end];
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// Splits an HTML text into pieces of at most `limit` visible characters,
/// at paragraph or line breaks where possible, never inside a tag or an
/// entity. Tags open at a cut are closed and reopened, so every piece is
/// valid on its own.
pub fn split(html: &str, limit: usize) -> Vec<String> {
    if visible_len(html) <= limit {
        return vec![html.to_string()];
    }
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut current_len = 0usize;
    let mut open: Vec<String> = Vec::new(); // full opening tags
    let mut last_break: Option<(usize, usize, Vec<String>)> = None; // byte in current, len, open tags
    let mut rest = html;
    while !rest.is_empty() {
        let (token, visible, is_tag) = next_token(rest);
        rest = &rest[token.len()..];
        if is_tag {
            if let Some(stripped) = token.strip_prefix("</") {
                let name = stripped.trim_end_matches('>').trim();
                if let Some(pos) = open.iter().rposition(|t| tag_name(t) == name) {
                    open.remove(pos);
                }
            } else {
                open.push(token.to_string());
            }
            current.push_str(token);
            continue;
        }
        if current_len + visible > limit {
            let (cut_at, cut_open) = match last_break.take() {
                Some((byte, _, tags)) if byte > 0 => (byte, tags),
                _ => (current.len(), open.clone()),
            };
            let tail = current.split_off(cut_at);
            let mut piece = current;
            for t in cut_open.iter().rev() {
                piece.push_str(&format!("</{}>", tag_name(t)));
            }
            pieces.push(piece);
            current = cut_open.concat();
            current.push_str(tail.trim_start_matches('\n'));
            current_len = visible_len(&current);
        }
        current.push_str(token);
        current_len += visible;
        if token == "\n" {
            last_break = Some((current.len(), current_len, open.clone()));
        }
    }
    if !to_plain(&current).trim().is_empty() {
        pieces.push(current);
    }
    pieces
}

fn tag_name(tag: &str) -> &str {
    tag.trim_start_matches('<')
        .trim_end_matches('>')
        .split_whitespace()
        .next()
        .unwrap_or("")
}

/// One tag, one entity, or one character, with its visible UTF-16 length.
fn next_token(text: &str) -> (&str, usize, bool) {
    if text.starts_with('<') {
        if let Some(end) = text.find('>') {
            return (&text[..=end], 0, true);
        }
    }
    if text.starts_with('&') {
        if let Some((c, len)) = decode_entity(text) {
            return (&text[..len], c.len_utf16(), false);
        }
    }
    let c = text.chars().next().expect("non-empty");
    (&text[..c.len_utf8()], c.len_utf16(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_user_text_is_valid_and_reads_back() {
        let name = r#"<b>Kopi & "Kelapa"</b>"#;
        let html = format!("<b>Produk:</b> {}", escape(name));
        assert_eq!(validate(&html), Ok(()));
        assert_eq!(to_plain(&html), format!("Produk: {name}"));
    }

    #[test]
    fn invisible_format_characters_are_dropped_but_emoji_kept() {
        // "Siti" with a right-to-left override hiding "gnirut" reversed.
        assert_eq!(escape("Siti\u{202E}gnirut\u{202C}"), "Sitignirut");
        assert_eq!(escape("a\u{200B}b\u{00AD}c\u{FEFF}"), "abc");
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(escape(family), family);
        let wales = "🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}";
        assert_eq!(escape(wales), wales);
    }

    #[test]
    fn rejects_what_telegram_rejects() {
        assert!(validate("Kopi & Kelapa").is_err());
        assert!(validate("<div>x</div>").is_err());
        assert!(validate("<b>x").is_err());
        assert!(validate("<b><i>x</b></i>").is_err());
        assert!(validate("a > b").is_err());
        assert!(validate("<a href=\"https://opop.jatimprov.go.id\">web</a> &#128512;").is_ok());
    }

    #[test]
    fn entities_next_to_multibyte_text() {
        let html = "&lt;/b&gt;\n• <b>Kategori</b>: Kopi &amp;•";
        assert_eq!(validate(html), Ok(()));
        assert_eq!(to_plain(html), "</b>\n• Kategori: Kopi &•");
        assert!(validate("&•••••").is_err());
    }

    #[test]
    fn split_keeps_pieces_valid_and_short() {
        let line = format!("<b>{}</b>\n", "x".repeat(100));
        let html = line.repeat(100);
        let pieces = split(&html, 4096);
        assert!(pieces.len() >= 3);
        for p in &pieces {
            assert!(visible_len(p) <= 4096, "{}", visible_len(p));
            validate(p).unwrap();
        }
        let joined: String = pieces
            .iter()
            .map(|p| to_plain(p))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(joined.matches('x').count(), 10_000);
    }

    #[test]
    fn split_cuts_a_single_long_line() {
        let html = format!("<i>{}</i>", "é".repeat(10_000));
        let pieces = split(&html, 4096);
        assert_eq!(pieces.len(), 3);
        for p in &pieces {
            validate(p).unwrap();
            assert!(visible_len(p) <= 4096);
        }
    }
}
