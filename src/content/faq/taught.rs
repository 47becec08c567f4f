//! What staff taught, written as content files an editor reviews and
//! commits (`opop-bot faq learned --export DIR`), laid out like the
//! project so `cp -r DIR/. .` puts each where it belongs:
//! - `dialogs/faq-learned.toml`: the new entries (`[[entry]]`, the
//!   categories are faq.toml's);
//! - `locales/<lang>/faq-learned.ftl`: their titles and answers, in every
//!   language (the language staff wrote in, copied into the others with a
//!   note to translate it);
//! - `dialogs/examples/learned-<lang>.toml`: every taught question as an
//!   example of its entry, by the asker's language.
//!
//! Once committed, the shipped entry wins over the taught one (same id),
//! and the taught records can be removed with /dipelajari.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Faq, MAX_TITLE_CHARS, shorten};
use crate::html::escape;
use crate::i18n::Lang;
use crate::records::{Learned, Teach};

/// The files, as (path relative to the project, text).
pub fn content_files(faq: &Faq, learned: &[Learned]) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let entries: Vec<&Learned> = learned
        .iter()
        .filter(|l| matches!(l.teach, Teach::Entry { .. }))
        .filter(|l| faq.entry(&l.entry()).is_none_or(|e| e.taught.is_some()))
        .collect();
    if !entries.is_empty() {
        files.push((
            "dialogs/faq-learned.toml".to_string(),
            entries_file(&entries),
        ));
        for lang in Lang::ALL {
            files.push((
                format!("locales/{}/faq-learned.ftl", lang.code()),
                texts_file(lang, &entries),
            ));
        }
    }
    let mut by_lang: BTreeMap<&str, BTreeMap<String, Vec<&Learned>>> = BTreeMap::new();
    for l in learned {
        by_lang
            .entry(l.lang.code())
            .or_default()
            .entry(l.entry())
            .or_default()
            .push(l);
    }
    for (lang, tables) in by_lang {
        let mut text = format!(
            "# Questions staff taught the bot, in {lang}: each is one more example of\n\
             # its entry. Review them (they were masked when taught), then keep this\n\
             # file in dialogs/examples/ or move them into {lang}.toml.\n"
        );
        for (entry, taught) in tables {
            let _ = write!(text, "\n[{entry}]\nexamples = [\n");
            for l in taught {
                let _ = writeln!(
                    text,
                    "  {}, # {}, {}",
                    toml_string(&l.question),
                    l.ticket,
                    l.by_name
                );
            }
            text.push_str("]\n");
        }
        files.push((format!("dialogs/examples/learned-{lang}.toml"), text));
    }
    files
}

fn entries_file(entries: &[&Learned]) -> String {
    let mut text = String::from(
        "# FAQ entries staff taught the bot from answered questions\n\
         # (opop-bot faq learned --export). Categories are those of faq.toml;\n\
         # titles and answers are in locales/*/faq-learned.ftl, examples in\n\
         # dialogs/examples/learned-*.toml. Review, then commit.\n",
    );
    for l in entries {
        let Teach::Entry { category, .. } = &l.teach else {
            continue;
        };
        let _ = write!(
            text,
            "\n# {} – taught by {} ({})\n[[entry]]\nid = {}\ncategory = {}\n",
            l.ticket,
            l.by_name,
            l.at.strftime("%Y-%m-%d"),
            toml_string(&l.entry()),
            toml_string(category)
        );
    }
    text
}

fn texts_file(lang: Lang, entries: &[&Learned]) -> String {
    let mut text = String::from(
        "### FAQ entries staff taught the bot (opop-bot faq learned --export).\n\
         ### Titles at most 45 characters, answers Telegram HTML.\n",
    );
    for l in entries {
        let Teach::Entry { answer, .. } = &l.teach else {
            continue;
        };
        text.push('\n');
        if l.lang != lang {
            let _ = writeln!(
                text,
                "# TODO: translate into {} (staff wrote it in {}).",
                lang.code(),
                l.lang.code()
            );
        }
        let id = l.entry();
        let title = shorten(&l.question, MAX_TITLE_CHARS);
        let _ = writeln!(text, "faq-{id}-q = {}", ftl_line(&title));
        let _ = writeln!(text, "faq-{id}-a =");
        for line in escape(answer).lines() {
            let _ = writeln!(text, "    {}", ftl_line(line));
        }
    }
    text
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A line safe as Fluent text: a line may not start with `[`, `*`, `.`
/// or `}`, and braces open placeholders.
fn ftl_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        match c {
            '{' | '}' => {
                let _ = write!(out, "{{\"{c}\"}}");
            }
            '[' | '*' | '.' if i == 0 => {
                let _ = write!(out, "{{\"{c}\"}}");
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn braces_and_leading_marks_are_quoted() {
        assert_eq!(ftl_line("a {b} c"), "a {\"{\"}b{\"}\"} c");
        assert_eq!(ftl_line("[x]"), "{\"[\"}x]");
    }
}
