//! FAQ entries (`dialogs/faq.toml`) and matching a free-text question
//! against them.
//!
//! Owns: the FAQ file format, text normalization (chat slang, repeated
//! letters, punctuation), scoring by regex patterns and weighted keywords,
//! and the verdict: answer, suggest a few, or admit not knowing. Must not
//! format answers (the engine does, from the locales).

use std::collections::HashMap;

use regex::Regex;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::{DefinitionError, Problems, parse_toml};

/// Confidence at or above which the best entry is answered directly.
pub const ANSWER_AT: f64 = 0.6;
/// Confidence at or above which entries are offered as suggestions.
pub const SUGGEST_AT: f64 = 0.4;
/// Raw score at which confidence is one half.
const HALF_AT: f64 = 3.0;
/// The best must lead the second by this factor to be answered directly.
const LEAD: f64 = 1.25;
/// Longest part of a message that is matched.
const MAX_CHARS: usize = 600;

#[derive(Debug, Clone, Default)]
pub struct Faq {
    pub categories: Vec<Category>,
    pub entries: Vec<Entry>,
    /// (message id, line) pairs referenced by the file, for `check`.
    pub references: Vec<(String, usize)>,
    pub file: String,
}

#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub category: String,
    patterns: Vec<(Regex, f64)>,
    keywords: Vec<Keyword>,
}

impl Entry {
    /// Message id of the question title.
    pub fn question_id(&self) -> String {
        format!("faq-{}-q", self.id)
    }

    /// Message id of the answer.
    pub fn answer_id(&self) -> String {
        format!("faq-{}-a", self.id)
    }
}

#[derive(Debug, Clone)]
struct Keyword {
    word: String,
    weight: f64,
    phrase: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFaq {
    #[serde(default)]
    category: Vec<RawCategory>,
    #[serde(default)]
    entry: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    id: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    category: Spanned<String>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    weight: Option<f64>,
    #[serde(default)]
    keywords: HashMap<String, Spanned<Vec<String>>>,
}

/// How sure the matcher is, and what the bot should do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Answer,
    Suggest,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    pub id: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchResult {
    pub verdict: Verdict,
    /// Best first; only entries that scored at all.
    pub ranked: Vec<Scored>,
}

impl MatchResult {
    pub fn best(&self) -> Option<&Scored> {
        self.ranked.first()
    }

    /// The entries to offer as buttons in the middle band (2-3).
    pub fn suggestions(&self) -> Vec<&Scored> {
        self.ranked
            .iter()
            .filter(|s| s.score >= SUGGEST_AT * 0.75)
            .take(3)
            .collect()
    }
}

impl Faq {
    pub fn parse(file: &str, text: &str) -> Result<Faq, Vec<DefinitionError>> {
        let raw: RawFaq = parse_toml(file, text)?;
        let mut problems = Problems::new(file, text);
        let mut references = Vec::new();
        let mut categories: Vec<Category> = Vec::new();
        for c in &raw.category {
            let id = c.id.get_ref();
            if categories.iter().any(|x| &x.id == id) {
                problems.at(c.id.span(), format!("category `{id}` is defined twice"));
            }
            if !valid_id(id) {
                problems.at(
                    c.id.span(),
                    format!("category id `{id}` must be up to 40 characters of a-z, 0-9, `-`"),
                );
            }
            references.push((format!("faq-cat-{id}"), problems.line(c.id.span().start)));
            categories.push(Category { id: id.clone() });
        }
        let mut entries: Vec<Entry> = Vec::new();
        for e in &raw.entry {
            let entry = parse_entry(e, &categories, &entries, &mut problems);
            let line = problems.line(e.id.span().start);
            references.push((entry.question_id(), line));
            references.push((entry.answer_id(), line));
            entries.push(entry);
        }
        problems.into_result(Faq {
            categories,
            entries,
            references,
            file: file.to_string(),
        })
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn entries_in<'a>(&'a self, category: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.category == category)
    }

    /// Scores every entry against a question.
    pub fn match_question(&self, question: &str) -> MatchResult {
        let cut: String = question.chars().take(MAX_CHARS).collect();
        let text = normalize(&cut);
        let tokens: Vec<&str> = text.split(' ').filter(|t| !t.is_empty()).collect();
        let padded = format!(" {text} ");
        let mut ranked: Vec<(f64, &Entry)> = Vec::new();
        for entry in &self.entries {
            let mut raw = 0.0;
            for (re, w) in &entry.patterns {
                if re.is_match(&text) {
                    raw += w;
                }
            }
            for k in &entry.keywords {
                let hit = if k.phrase {
                    padded.contains(&format!(" {}", k.word))
                } else {
                    tokens.iter().any(|t| keyword_matches(&k.word, t))
                };
                if hit {
                    raw += k.weight;
                }
            }
            if raw > 0.0 {
                ranked.push((raw, entry));
            }
        }
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
        let confidence = |raw: f64| raw / (raw + HALF_AT);
        let verdict = match ranked.as_slice() {
            [] => Verdict::Unknown,
            [(best, _), rest @ ..] => {
                let second = rest.first().map_or(0.0, |r| r.0);
                let c = confidence(*best);
                if c >= ANSWER_AT && *best >= second * LEAD {
                    Verdict::Answer
                } else if c >= SUGGEST_AT {
                    Verdict::Suggest
                } else {
                    Verdict::Unknown
                }
            }
        };
        MatchResult {
            verdict,
            ranked: ranked
                .into_iter()
                .map(|(raw, e)| Scored {
                    id: e.id.clone(),
                    score: (confidence(raw) * 1000.0).round() / 1000.0,
                })
                .collect(),
        }
    }
}

/// Callback data `q:a:<id>` must stay far below Telegram's 64 bytes.
fn valid_id(id: &str) -> bool {
    id.len() <= 40
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn parse_entry(
    e: &RawEntry,
    categories: &[Category],
    earlier: &[Entry],
    problems: &mut Problems<'_>,
) -> Entry {
    let id = e.id.get_ref().clone();
    if earlier.iter().any(|x| x.id == id) {
        problems.at(e.id.span(), format!("entry `{id}` is defined twice"));
    }
    if !categories.iter().any(|c| &c.id == e.category.get_ref()) {
        problems.at(
            e.category.span(),
            format!("category `{}` is not defined", e.category.get_ref()),
        );
    }
    if !valid_id(&id) {
        problems.at(
            e.id.span(),
            format!("entry id `{id}` must be up to 40 characters of a-z, 0-9, `-`"),
        );
    }
    let weight = e.weight.unwrap_or(3.0);
    let mut patterns = Vec::new();
    for p in &e.patterns {
        match Regex::new(p.get_ref()) {
            Ok(r) => patterns.push((r, weight)),
            Err(x) => problems.at(
                p.span(),
                format!(
                    "pattern does not compile: {}",
                    x.to_string().lines().last().unwrap_or("")
                ),
            ),
        }
    }
    let mut keywords = Vec::new();
    for (lang, list) in &e.keywords {
        if !matches!(lang.as_str(), "id" | "en" | "jv") {
            problems.at(
                list.span(),
                format!("keyword language `{lang}` (expected id, en or jv)"),
            );
        }
        keywords.extend(parse_keywords(list, problems));
    }
    Entry {
        id,
        category: e.category.get_ref().clone(),
        patterns,
        keywords,
    }
}

/// `word` or `word:weight`, normalized like questions are.
fn parse_keywords(list: &Spanned<Vec<String>>, problems: &mut Problems<'_>) -> Vec<Keyword> {
    let mut keywords = Vec::new();
    for k in list.get_ref() {
        let (word, weight) = match k.rsplit_once(':') {
            Some((w, n)) => match n.parse::<f64>() {
                Ok(n) => (w, n),
                Err(_) => {
                    problems.at(
                        list.span(),
                        format!("keyword `{k}`: weight `{n}` is not a number"),
                    );
                    continue;
                }
            },
            None => (k.as_str(), 1.0),
        };
        let word = normalize(word);
        if word.is_empty() {
            problems.at(
                list.span(),
                format!("keyword `{k}` is empty after normalization"),
            );
            continue;
        }
        keywords.push(Keyword {
            phrase: word.contains(' '),
            word,
            weight,
        });
    }
    keywords
}

/// Whether keyword `k` matches token `t` (both normalized): short keywords
/// exactly, longer ones also as a prefix ("biayanya"), 5+ letters also
/// inside a word ("pendaftaran") or with one typo.
fn keyword_matches(k: &str, t: &str) -> bool {
    let klen = k.chars().count();
    if t == k {
        return true;
    }
    if klen <= 3 {
        return false;
    }
    if t.starts_with(k) {
        return true;
    }
    if klen >= 5 {
        if t.contains(k) {
            return true;
        }
        // Typos rarely hit the first letter; checking it first keeps the
        // edit-distance work off most token/keyword pairs.
        if t.chars().next() != k.chars().next() {
            return false;
        }
        let tlen = t.chars().count();
        if tlen + 1 >= klen && tlen <= klen + 1 && strsim::damerau_levenshtein(k, t) <= 1 {
            return true;
        }
        // A typo in a word with a suffix: "biyayanya" against "biaya".
        if tlen > klen + 1 {
            let head: String = t.chars().take(klen + 1).collect();
            let head2: String = t.chars().take(klen).collect();
            if strsim::damerau_levenshtein(k, &head) <= 1
                || strsim::damerau_levenshtein(k, &head2) <= 1
            {
                return true;
            }
        }
    }
    false
}

/// Chat abbreviations and their full forms.
const SLANG: &[(&str, &str)] = &[
    ("gmn", "bagaimana"),
    ("gmna", "bagaimana"),
    ("bgmn", "bagaimana"),
    ("bgmna", "bagaimana"),
    ("gimana", "bagaimana"),
    ("gimn", "bagaimana"),
    ("brp", "berapa"),
    ("brpa", "berapa"),
    ("yg", "yang"),
    ("dgn", "dengan"),
    ("dg", "dengan"),
    ("tdk", "tidak"),
    ("gak", "tidak"),
    ("ga", "tidak"),
    ("gk", "tidak"),
    ("nggak", "tidak"),
    ("ngga", "tidak"),
    ("enggak", "tidak"),
    ("engga", "tidak"),
    ("utk", "untuk"),
    ("tuk", "untuk"),
    ("sy", "saya"),
    ("aku", "saya"),
    ("bs", "bisa"),
    ("bsa", "bisa"),
    ("dr", "dari"),
    ("krn", "karena"),
    ("karna", "karena"),
    ("sm", "sama"),
    ("jg", "juga"),
    ("kalo", "kalau"),
    ("klo", "kalau"),
    ("kl", "kalau"),
    ("udh", "sudah"),
    ("udah", "sudah"),
    ("sdh", "sudah"),
    ("blm", "belum"),
    ("org", "orang"),
    ("tp", "tapi"),
    ("trs", "terus"),
    ("dmn", "dimana"),
    ("pny", "punya"),
    ("sbg", "sebagai"),
    ("lg", "lagi"),
    ("gratiss", "gratis"),
    ("info", "informasi"),
    ("pd", "pada"),
    ("apakah", "apa"),
    ("ap", "apa"),
    ("knp", "kenapa"),
    ("mksd", "maksud"),
    ("ttg", "tentang"),
    ("sya", "saya"),
    ("hrs", "harus"),
    ("bln", "bulan"),
    ("thn", "tahun"),
];

/// Lower-cases, turns punctuation into spaces, collapses letters repeated
/// three or more times, and expands chat abbreviations.
pub fn normalize(text: &str) -> String {
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut collapsed = String::with_capacity(lower.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut j = i;
        while j < chars.len() && chars[j] == c {
            j += 1;
        }
        // Two of a letter are spelling ("saat", "maaf"); three or more are
        // chat emphasis ("gratisss") and count as one. Digits stay.
        let keep = if j - i >= 3 && !c.is_ascii_digit() {
            1
        } else {
            j - i
        };
        collapsed.extend(std::iter::repeat_n(c, keep));
        i = j;
    }
    let mut out = String::with_capacity(collapsed.len());
    for token in collapsed.split_whitespace() {
        let expanded = SLANG
            .iter()
            .find(|(k, _)| *k == token)
            .map(|(_, v)| *v)
            .unwrap_or(token);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(expanded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_chat_text() {
        assert_eq!(
            normalize("Gmn cara daftar OPOP??"),
            "bagaimana cara daftar opop"
        );
        assert_eq!(normalize("gratisss gak sih"), "gratis tidak sih");
        assert_eq!(normalize("brp biayanya, kak!"), "berapa biayanya kak");
    }

    #[test]
    fn keywords_forgive_affixes_and_typos() {
        assert!(keyword_matches("daftar", "pendaftaran"));
        assert!(keyword_matches("biaya", "biayanya"));
        assert!(keyword_matches("biaya", "biyaya"));
        assert!(keyword_matches("ekspor", "ekspr"));
        assert!(!keyword_matches("wa", "waktu"));
        assert!(!keyword_matches("ga", "gabung"));
    }

    #[test]
    fn scores_and_verdicts() {
        let faq = Faq::parse(
            "faq.toml",
            r#"
[[category]]
id = "join"
[[entry]]
id = "cost"
category = "join"
patterns = ['\bberapa\b.*\bbayar']
[entry.keywords]
id = ["biaya:3", "gratis:2"]
[[entry]]
id = "how-to-join"
category = "join"
[entry.keywords]
id = ["daftar:3", "gabung:2"]
"#,
        )
        .unwrap();
        let r = faq.match_question("brp biayanya daftar? gratisss ga?");
        assert_eq!(r.best().unwrap().id, "cost");
        assert_eq!(r.verdict, Verdict::Answer);
        let r = faq.match_question("cuaca besok");
        assert_eq!(r.verdict, Verdict::Unknown);
        assert!(r.ranked.is_empty());
    }
}
