//! Fluent bundles for every language the bot speaks, and language choice.
//!
//! Owns: loading `locales/<lang>/*.ftl`, formatting a message id with
//! arguments, and picking a user's language (their own choice, else
//! Telegram's `language_code`, else Indonesian). It must not know about
//! dialogs or Telegram. Every id the Rust code formats is declared once in
//! [`ids`], so `opop-bot check` can prove each exists in every locale with
//! the variables the code passes.

pub mod ids;
mod vars;

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

pub use ids::MsgId;

/// A language the bot is written in. Indonesian is the default and the
/// fallback for any message missing in another language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Lang {
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "en")]
    En,
    /// Basa Jawa: krama in the bot's own sentences.
    #[serde(rename = "jv")]
    Jv,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Id, Lang::En, Lang::Jv];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
            Lang::Jv => "jv",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            "jv" => Some(Lang::Jv),
            _ => None,
        }
    }

    /// Telegram's `language_code` (an IETF tag such as `en-US`) negotiated
    /// against the languages we have; anything else gets Indonesian.
    pub fn negotiate(language_code: Option<&str>) -> Lang {
        let Some(code) = language_code else {
            return Lang::Id;
        };
        let Ok(requested) = code.parse::<LanguageIdentifier>() else {
            return Lang::Id;
        };
        static AVAILABLE: LazyLock<Vec<LanguageIdentifier>> = LazyLock::new(|| {
            Lang::ALL
                .iter()
                .map(|l| l.code().parse().expect("static tag"))
                .collect()
        });
        static DEFAULT: LazyLock<LanguageIdentifier> =
            LazyLock::new(|| "id".parse().expect("static tag"));
        let chosen = fluent_langneg::negotiate_languages(
            &[requested],
            &AVAILABLE,
            Some(&*DEFAULT),
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        chosen
            .first()
            .and_then(|l| Lang::from_code(l.language.as_str()))
            .unwrap_or(Lang::Id)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One `.ftl` file's text, named for error messages.
#[derive(Debug, Clone)]
pub struct LocaleFile {
    pub lang: Lang,
    pub name: String,
    pub text: String,
}

/// Problems found while building the bundles (also reported by `check`).
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("{file}:{line}: Fluent syntax error: {problem}")]
    Syntax {
        file: String,
        line: usize,
        problem: String,
    },
    #[error("{file}: message `{id}` is defined twice")]
    Duplicate { file: String, id: String },
}

/// Formatting arguments. Every string argument is HTML-escaped, because
/// arguments carry user data; use [`Args::html`] for text the bot built
/// itself (already valid HTML).
#[derive(Default)]
pub struct Args<'a> {
    inner: FluentArgs<'a>,
}

impl<'a> Args<'a> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn str(mut self, name: &'a str, value: impl AsRef<str>) -> Self {
        self.inner
            .set(name, FluentValue::from(crate::html::escape(value.as_ref())));
        self
    }

    pub fn html(mut self, name: &'a str, value: impl Into<String>) -> Self {
        self.inner.set(name, FluentValue::from(value.into()));
        self
    }

    pub fn num(mut self, name: &'a str, value: i64) -> Self {
        self.inner.set(name, FluentValue::from(value));
        self
    }

    fn set_raw(&mut self, name: &'a str, value: String) {
        self.inner.set(name, FluentValue::from(value));
    }
}

/// The formatted bundles of every language.
pub struct I18n {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
    /// Operator-provided values (contacts, website) passed to every message
    /// that uses them.
    globals: Vec<(String, String)>,
    /// Every message id, in any language.
    ids: Vec<String>,
    /// Message id → the globals its text can reach (in any language,
    /// through the messages it references): only these are added to its
    /// arguments, not every global for every message.
    needs: HashMap<String, Vec<usize>>,
}

impl fmt::Debug for I18n {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("I18n")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl I18n {
    /// Builds the bundles. Syntax errors and duplicates are returned, not
    /// skipped: a bot must not start with broken text.
    pub fn new(files: &[LocaleFile]) -> Result<Self, Vec<I18nError>> {
        let mut errors = Vec::new();
        let mut bundles: HashMap<Lang, FluentBundle<FluentResource>> = HashMap::new();
        for lang in Lang::ALL {
            let mut bundle =
                FluentBundle::new_concurrent(vec![lang.code().parse().expect("static tag")]);
            bundle.set_use_isolating(false);
            bundles.insert(lang, bundle);
        }
        let mut ids = Vec::new();
        for file in files {
            let resource = match FluentResource::try_new(file.text.clone()) {
                Ok(r) => r,
                Err((r, errs)) => {
                    for e in errs {
                        errors.push(I18nError::Syntax {
                            file: file.name.clone(),
                            line: line_of(&file.text, e.pos.start),
                            problem: e.kind.to_string(),
                        });
                    }
                    r
                }
            };
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids.push(m.id.name.to_string());
                }
            }
            let bundle = bundles
                .get_mut(&file.lang)
                .expect("every lang has a bundle");
            if let Err(errs) = bundle.add_resource(resource) {
                for e in errs {
                    if let fluent_bundle::FluentError::Overriding { id, .. } = e {
                        errors.push(I18nError::Duplicate {
                            file: file.name.clone(),
                            id,
                        });
                    }
                }
            }
        }
        if errors.is_empty() {
            ids.sort();
            ids.dedup();
            Ok(I18n {
                bundles,
                globals: Vec::new(),
                ids,
                needs: HashMap::new(),
            })
        } else {
            Err(errors)
        }
    }

    /// Values every message may use (`$website`, `$phone`, ...).
    pub fn set_globals(&mut self, globals: Vec<(String, String)>) {
        self.globals = globals
            .into_iter()
            .map(|(k, v)| (k, crate::html::escape(&v)))
            .collect();
        let mut needs = HashMap::new();
        for id in &self.ids {
            let mut vars = std::collections::HashSet::<String>::new();
            for bundle in self.bundles.values() {
                if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                    let mut found = vars::Found::default();
                    vars::of_pattern(bundle, pattern, &mut found);
                    vars.extend(found.vars.iter().map(|v| v.to_string()));
                }
            }
            let wanted: Vec<usize> = (self.globals.iter().enumerate())
                .filter(|(_, (k, _))| vars.contains(k.as_str()))
                .map(|(i, _)| i)
                .collect();
            if !wanted.is_empty() {
                needs.insert(id.clone(), wanted);
            }
        }
        self.needs = needs;
    }

    /// Formats message `id` in `lang`, falling back to Indonesian, then to
    /// the id itself (which `check` prevents from reaching users).
    pub fn text(&self, lang: Lang, id: &str, args: Args<'_>) -> String {
        let mut args = args;
        let wanted = self.needs.get(id).map_or(&[][..], Vec::as_slice);
        for (k, v) in wanted.iter().map(|i| &self.globals[*i]) {
            if args.inner.get(k.as_str()).is_none() {
                let value = if v.is_empty() {
                    // An operator value not configured yet reads as a
                    // sentence, never as a blank.
                    self.format(lang, ids::VALUE_NOT_SET.id, &Args::new())
                } else {
                    v.clone()
                };
                args.set_raw(k.as_str(), value);
            }
        }
        self.format(lang, id, &args)
    }

    /// Formats without adding the globals.
    fn format(&self, lang: Lang, id: &str, args: &Args<'_>) -> String {
        for lang in [lang, Lang::Id] {
            let bundle = &self.bundles[&lang];
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errs = Vec::new();
                let out = bundle.format_pattern(pattern, Some(&args.inner), &mut errs);
                if !errs.is_empty() {
                    tracing::warn!(id, lang = %lang, ?errs, "message formatted with errors");
                }
                return out.into_owned();
            }
        }
        tracing::error!(id, "message missing in every locale");
        id.to_string()
    }

    /// A declared message without arguments.
    pub fn msg(&self, lang: Lang, id: MsgId) -> String {
        self.text(lang, id.id, Args::new())
    }

    /// A declared message with arguments.
    pub fn fmt(&self, lang: Lang, id: MsgId, args: Args<'_>) -> String {
        self.text(lang, id.id, args)
    }
}

/// 1-based line number of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i18n(text: &str) -> I18n {
        let file = LocaleFile {
            lang: Lang::Id,
            name: "t.ftl".into(),
            text: text.into(),
        };
        let mut i18n = I18n::new(&[file]).expect("valid");
        i18n.set_globals(vec![
            ("phone".into(), "0812".into()),
            ("website".into(), String::new()),
            ("value-not-set".into(), String::new()),
        ]);
        i18n
    }

    #[test]
    fn globals_reach_a_message_through_references_and_selects() {
        let i18n = i18n(concat!(
            "value-not-set = belum diisi\n",
            "contact = Telepon { $phone }\n",
            "via-reference = Hubungi: { contact }\n",
            "via-select = { $n ->\n  [1] satu { $phone }\n *[other] { $website }\n}\n",
            "plain = Tanpa kontak\n",
            "r0 = { r1 }\n",
            "r1 = { r2 }\n",
            "r2 = { r3 }\n",
            "r3 = { r4 }\n",
            "r4 = { r5 }\n",
            "r5 = { r6 }\n",
            "r6 = { r7 }\n",
            "r7 = { r8 }\n",
            "r8 = { r9 }\n",
            "r9 = ujung { $phone }\n",
            "loop-a = { loop-b }\n",
            "loop-b = { loop-a } { $phone }\n",
        ));
        let text = |id: &str, args: Args<'_>| i18n.text(Lang::Id, id, args);
        assert_eq!(text("via-reference", Args::new()), "Hubungi: Telepon 0812");
        assert_eq!(text("via-select", Args::new().num("n", 1)), "satu 0812");
        assert_eq!(text("via-select", Args::new().num("n", 5)), "belum diisi");
        assert_eq!(text("plain", Args::new()), "Tanpa kontak");
        // A value given by the caller wins over the global.
        assert_eq!(
            text("contact", Args::new().str("phone", "0899")),
            "Telepon 0899"
        );
        assert!(!i18n.needs.contains_key("plain"));
        // However long the chain of references; a cycle ends the walk.
        assert_eq!(text("r0", Args::new()), "ujung 0812");
        assert!(i18n.needs.contains_key("loop-a"));
    }
}
