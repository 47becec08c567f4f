//! FAQ entries (`dialogs/faq.toml`), their example questions
//! (`dialogs/examples/*.toml`), and matching a free-text message against
//! them.
//!
//! Owns: the file formats, the retrieval model (BM25 over the examples'
//! terms and trigrams, `index.rs`; the words, roots and trigrams,
//! `text.rs`), small talk, and the verdict: answer, suggest a few, or
//! admit not knowing. Must not format answers (the engine does, from the
//! locales).

pub mod eval;
mod index;
mod lexicon;
mod matcher;
pub mod taught;
pub mod text;
mod vote;

#[cfg(test)]
mod calibrate;

use std::collections::HashMap;

use regex::Regex;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::{DefinitionError, Problems, parse_toml};
use crate::html::escape;
use crate::i18n::{Args, I18n, Lang};
use crate::records::{Learned, Teach};
pub use index::Params;
use matcher::Matcher;
pub use matcher::{Example, Thresholds};

/// Whether a file of `dialogs/` holds further FAQ entries
/// (`faq-<name>.toml`).
pub fn is_faq_part(base: &str) -> bool {
    base.starts_with("faq-") && base.ends_with(".toml")
}

/// The table of the examples no entry answers.
pub const OUT_OF_SCOPE: &str = "out-of-scope";
/// The file of the small-talk examples.
pub const SMALL_TALK_FILE: &str = "smalltalk.toml";

#[derive(Debug, Clone, Default)]
pub struct Faq {
    pub categories: Vec<Category>,
    pub entries: Vec<Entry>,
    /// (message id, line) pairs referenced by the file, for `check`.
    pub references: Vec<(String, usize)>,
    pub file: String,
    /// The examples of `dialogs/examples/` (shared, not copied, by the FAQ
    /// with what staff taught: read once, kept once).
    examples: std::sync::Arc<Vec<Example>>,
    /// Every entry's title, in every language: one more example of it.
    titles: std::sync::Arc<Vec<Example>>,
    /// The questions staff taught (see [`Faq::with_learned`]).
    taught: Vec<Example>,
    params: Params,
    thresholds: Thresholds,
    matcher: Matcher,
}

#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub category: String,
    patterns: Vec<Regex>,
    /// An entry staff taught: its own texts (a shipped entry's are in the
    /// locales).
    pub taught: Option<Taught>,
}

/// The texts of an entry staff taught, as plain text (masked).
#[derive(Debug, Clone, PartialEq)]
pub struct Taught {
    pub question: String,
    pub answer: String,
    /// The QST ticket it came from.
    pub ticket: String,
}

/// Longest title of an entry (its button label).
pub const MAX_TITLE_CHARS: usize = 45;

impl Entry {
    /// Message id of the question title.
    pub fn question_id(&self) -> String {
        format!("faq-{}-q", self.id)
    }

    /// Message id of the answer.
    pub fn answer_id(&self) -> String {
        format!("faq-{}-a", self.id)
    }

    /// The title in `lang`, as HTML: from the locales, or a taught
    /// entry's question (shortened to fit a button).
    pub fn title(&self, i18n: &I18n, lang: Lang) -> String {
        match &self.taught {
            Some(t) => escape(&shorten(&t.question, MAX_TITLE_CHARS)),
            None => i18n.text(lang, &self.question_id(), Args::new()),
        }
    }

    /// The answer in `lang`, as HTML.
    pub fn answer(&self, i18n: &I18n, lang: Lang) -> String {
        match &self.taught {
            Some(t) => escape(&t.answer),
            None => i18n.text(lang, &self.answer_id(), Args::new()),
        }
    }
}

/// `text` cut to `max` characters at a word, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

/// What a message is, when it is not a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SmallTalk {
    Greeting,
    Thanks,
    Ack,
    Goodbye,
    BotOrHuman,
}

impl SmallTalk {
    pub const ALL: [SmallTalk; 5] = [
        SmallTalk::Greeting,
        SmallTalk::Thanks,
        SmallTalk::Ack,
        SmallTalk::Goodbye,
        SmallTalk::BotOrHuman,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SmallTalk::Greeting => "greeting",
            SmallTalk::Thanks => "thanks",
            SmallTalk::Ack => "ack",
            SmallTalk::Goodbye => "goodbye",
            SmallTalk::BotOrHuman => "bot-or-human",
        }
    }

    fn from_id(id: &str) -> Option<SmallTalk> {
        SmallTalk::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// Whose an example is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    Entry(usize),
    OutOfScope,
    SmallTalk(SmallTalk),
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExamples {
    examples: Spanned<Vec<String>>,
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
    /// The message is small talk (then `verdict` is `Unknown`).
    pub small_talk: Option<SmallTalk>,
}

impl MatchResult {
    pub fn best(&self) -> Option<&Scored> {
        self.ranked.first()
    }

    /// The entries to offer as buttons in the middle band (2-3).
    pub fn suggestions(&self) -> Vec<&Scored> {
        let Some(best) = self.best() else {
            return Vec::new();
        };
        self.ranked
            .iter()
            .filter(|s| s.score >= best.score - 0.15)
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
        let mut faq = Faq {
            categories,
            entries,
            references,
            file: file.to_string(),
            ..Faq::default()
        };
        faq.index();
        problems.into_result(faq)
    }

    /// Adds the entries of a further FAQ file (`dialogs/faq-*.toml`, such
    /// as the taught entries an editor committed): entries only, in the
    /// categories of faq.toml; their (message id, line) references are
    /// returned for `check`.
    pub fn add_entries(
        &mut self,
        file: &str,
        text: &str,
    ) -> Result<Vec<(String, usize)>, Vec<DefinitionError>> {
        let raw: RawFaq = parse_toml(file, text)?;
        let mut problems = Problems::new(file, text);
        if let Some(c) = raw.category.first() {
            problems.at(c.id.span(), format!("categories belong in {}", self.file));
        }
        let mut references = Vec::new();
        for e in &raw.entry {
            let entry = parse_entry(e, &self.categories, &self.entries, &mut problems);
            let line = problems.line(e.id.span().start);
            references.push((entry.question_id(), line));
            references.push((entry.answer_id(), line));
            self.entries.push(entry);
        }
        self.references.extend(references.iter().cloned());
        problems.into_result(references)
    }

    /// Adds the examples of one file of `dialogs/examples/`: a table per
    /// entry id (or `out-of-scope`), or, in `smalltalk.toml`, per kind of
    /// small talk. Call [`Faq::index`] when all are in.
    pub fn add_examples(&mut self, file: &str, text: &str) -> Result<(), Vec<DefinitionError>> {
        let raw: HashMap<String, Spanned<RawExamples>> = parse_toml(file, text)?;
        let mut problems = Problems::new(file, text);
        let small_talk = file.rsplit('/').next() == Some(SMALL_TALK_FILE);
        let mut tables: Vec<_> = raw.into_iter().collect();
        tables.sort_by_key(|(_, t)| t.span().start);
        for (name, table) in tables {
            let label = if small_talk {
                SmallTalk::from_id(&name).map(Label::SmallTalk)
            } else if name == OUT_OF_SCOPE {
                Some(Label::OutOfScope)
            } else {
                self.entries
                    .iter()
                    .position(|e| e.id == name)
                    .map(Label::Entry)
            };
            let Some(label) = label else {
                let expected = if small_talk {
                    "greeting, thanks, ack, goodbye or bot-or-human"
                } else {
                    "an entry id of faq.toml or `out-of-scope`"
                };
                problems.at(table.span(), format!("`[{name}]`: expected {expected}"));
                continue;
            };
            let examples = &table.get_ref().examples;
            for example in examples.get_ref() {
                if !Example::new(label, example).has_words() {
                    problems.at(
                        examples.span(),
                        format!("[{name}]: an example has no words"),
                    );
                }
                std::sync::Arc::make_mut(&mut self.examples).push(Example::new(label, example));
            }
        }
        problems.into_result(())
    }

    /// How many examples of `dialogs/examples/` a label has.
    pub fn examples_of(&self, label: Label) -> usize {
        self.examples.iter().filter(|e| e.label == label).count()
    }

    /// Every example of `dialogs/examples/` with the name of what it is
    /// an example of (an entry id, `out-of-scope`, a kind of small talk).
    pub fn named_examples(&self) -> Vec<(String, String)> {
        self.examples
            .iter()
            .map(|e| (self.label_name(e.label), e.text.clone()))
            .collect()
    }

    pub fn label_name(&self, label: Label) -> String {
        match label {
            Label::Entry(i) => self.entries[i].id.clone(),
            Label::OutOfScope => OUT_OF_SCOPE.to_string(),
            Label::SmallTalk(k) => k.id().to_string(),
        }
    }

    /// Drops the matcher's index (a copy that only serves as the base of
    /// [`Faq::with_learned`] needs none); matching then finds nothing
    /// until [`Faq::index`].
    pub fn forget_index(&mut self) {
        self.matcher = Matcher::default();
    }

    /// Every example the matcher learns from: the files', the titles.
    fn all_examples(&self) -> impl Iterator<Item = &Example> + Clone {
        self.examples
            .iter()
            .chain(self.titles.iter())
            .chain(&self.taught)
    }

    /// This FAQ with what staff taught: each new entry (unless an entry of
    /// its id is shipped: an editor committed it) and each question as an
    /// example of its entry. Indexing again only hashes: the shipped
    /// examples were read once.
    pub fn with_learned(&self, learned: &[Learned]) -> Faq {
        let mut faq = Faq {
            categories: self.categories.clone(),
            entries: self.entries.clone(),
            references: self.references.clone(),
            file: self.file.clone(),
            examples: self.examples.clone(),
            titles: self.titles.clone(),
            taught: Vec::new(),
            params: self.params,
            thresholds: self.thresholds,
            // Built below; the old one is not copied.
            matcher: Matcher::default(),
        };
        for l in learned {
            let Teach::Entry { category, answer } = &l.teach else {
                continue;
            };
            let id = l.entry();
            if faq.entry(&id).is_some() || !faq.categories.iter().any(|c| &c.id == category) {
                continue;
            }
            faq.entries.push(Entry {
                id,
                category: category.clone(),
                patterns: Vec::new(),
                taught: Some(Taught {
                    question: l.question.clone(),
                    answer: answer.clone(),
                    ticket: l.ticket.clone(),
                }),
            });
        }
        for l in learned {
            let id = l.entry();
            if let Some(i) = faq.entries.iter().position(|e| e.id == id) {
                faq.taught.push(Example::new(Label::Entry(i), &l.question));
            }
        }
        faq.index();
        faq
    }

    /// (Re)builds the index over every example added so far.
    pub fn index(&mut self) {
        self.matcher = Matcher::build(&self.entries, self.all_examples(), self.params);
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn entries_in<'a>(&'a self, category: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.category == category)
    }

    /// Scores every entry against a message and says what it is.
    pub fn match_question(&self, question: &str) -> MatchResult {
        let scores = self.matcher.scores(&self.entries, question);
        scores.judge(&self.entries, &self.thresholds)
    }
}

/// Whether a greeting or goodbye is the Islamic salam ("assalamualaikum",
/// "aslm", "wassalam"…), which is answered with "wa'alaikumussalam".
pub fn is_salam(text: &str) -> bool {
    text::normalize(text).split(' ').any(|w| {
        [
            "assal", "asal", "aslm", "asw", "ass", "salam", "wassal", "wasal", "wslm", "wss",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    })
}

/// Every entry's title, in every language, is one more example of it.
pub fn add_titles(faq: &mut Faq, i18n: &crate::i18n::I18n) {
    let mut titles: Vec<Example> = Vec::new();
    for (i, e) in faq.entries.iter().enumerate() {
        for lang in crate::i18n::Lang::ALL {
            let text = crate::i18n::Args::new();
            let title = crate::html::to_plain(&i18n.text(lang, &e.question_id(), text));
            if !titles
                .iter()
                .any(|t| t.label == Label::Entry(i) && t.text == title)
            {
                titles.push(Example::new(Label::Entry(i), &title));
            }
        }
    }
    faq.titles = std::sync::Arc::new(titles);
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
    let mut patterns = Vec::new();
    for p in &e.patterns {
        match Regex::new(p.get_ref()) {
            Ok(r) => patterns.push(r),
            Err(x) => problems.at(
                p.span(),
                format!(
                    "pattern does not compile: {}",
                    x.to_string().lines().last().unwrap_or("")
                ),
            ),
        }
    }
    Entry {
        id,
        category: e.category.get_ref().clone(),
        patterns,
        taught: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faq() -> Faq {
        let mut faq = Faq::parse(
            "faq.toml",
            r#"
[[category]]
id = "join"
[[entry]]
id = "cost"
category = "join"
[[entry]]
id = "how-to-join"
category = "join"
[[entry]]
id = "submission-status"
category = "join"
patterns = ['\b(prd|mnt|qst) \d{4} \d{5}\b']
"#,
        )
        .unwrap();
        faq.add_examples(
            "dialogs/examples/id.toml",
            r#"
[cost]
examples = ["berapa biaya ikut opop", "bayar tidak kalau daftar", "gratis kah"]
[how-to-join]
examples = ["bagaimana cara daftar opop", "langkah pendaftaran pesantren"]
[submission-status]
examples = ["pengajuan saya sampai mana"]
[out-of-scope]
examples = ["jadwal sholat hari ini", "biaya mondok santri baru"]
"#,
        )
        .unwrap();
        faq.add_examples(
            "dialogs/examples/smalltalk.toml",
            r#"
[greeting]
examples = ["assalamualaikum", "selamat pagi", "halo min"]
[thanks]
examples = ["terima kasih", "makasih min", "matur nuwun"]
"#,
        )
        .unwrap();
        faq.index();
        faq
    }

    #[test]
    fn questions_get_the_entry_whose_examples_cover_them() {
        let faq = faq();
        let r = faq.match_question("brp biayanya? gratisss ga?");
        assert_eq!(r.best().unwrap().id, "cost");
        assert_eq!(r.verdict, Verdict::Answer);
        let r = faq.match_question("cuaca besok");
        assert_eq!(r.verdict, Verdict::Unknown);
        let r = faq.match_question("biaya mondok santri baru brp");
        assert_eq!(r.verdict, Verdict::Unknown, "{r:?}");
    }

    #[test]
    fn a_pattern_answers_its_entry() {
        let faq = faq();
        let r = faq.match_question("PRD-2026-00012 gimana?");
        assert_eq!(r.best().unwrap().id, "submission-status");
        assert_eq!(r.verdict, Verdict::Answer);
    }

    #[test]
    fn small_talk_is_told_from_a_greeting_with_a_question() {
        let faq = faq();
        let r = faq.match_question("Assalamualaikum min");
        assert_eq!(r.small_talk, Some(SmallTalk::Greeting));
        let r = faq.match_question("makasihh");
        assert_eq!(r.small_talk, Some(SmallTalk::Thanks));
        let r = faq.match_question("assalamualaikum, berapa biaya ikut opop?");
        assert_eq!(r.small_talk, None);
        assert_eq!(r.best().unwrap().id, "cost");
        assert_eq!(r.verdict, Verdict::Answer);
    }

    #[test]
    fn unknown_tables_are_problems() {
        let mut faq = faq();
        let e = faq
            .add_examples("dialogs/examples/id.toml", "[nope]\nexamples = [\"x\"]\n")
            .unwrap_err();
        assert!(e[0].problem.contains("`[nope]`"), "{e:?}");
    }
}
