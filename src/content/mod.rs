//! The bot's content: dialogs, the FAQ, regions and locales, embedded in
//! the binary at build time and optionally overridden by folders on disk.
//!
//! Owns: finding and reading `dialogs/*.toml` and `locales/<lang>/*.ftl`,
//! the file formats ([`dialog`], [`faq`], [`regions`]) with `file:line`
//! problems, building the parsed [`Content`] once at start (the hot path
//! never re-reads or re-parses any of it), and showing an answer as people
//! read it ([`answers`]). Must not: decide what to say next (the deciders
//! do) or touch the store.

pub mod answers;
pub mod dialog;
pub mod faq;
pub mod regions;

use std::ops::Range;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

pub use answers::{answer_lines, display_answer, format_number, format_rupiah, group_thousands};
pub use dialog::{Choice, Dialog, Input, Step, Submit, parse_dialog};
pub use faq::Faq;
pub use regions::{RegionMatch, RegionMatcher};

use crate::i18n::{I18n, Lang, LocaleFile, line_of};

static EMBEDDED_DIALOGS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/dialogs");
static EMBEDDED_LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// Files that are not dialogs but live beside them.
pub const REGIONS_FILE: &str = "regions.toml";
pub const FAQ_FILE: &str = "faq.toml";
/// The folder of the FAQ's example questions, inside `dialogs/`.
pub const EXAMPLES_DIR: &str = "examples";

/// A problem in a content file, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct DefinitionError {
    pub file: String,
    pub line: usize,
    pub problem: String,
}

/// Problems found while parsing one file.
pub(crate) struct Problems<'t> {
    file: &'t str,
    text: &'t str,
    list: Vec<DefinitionError>,
}

impl<'t> Problems<'t> {
    pub(crate) fn new(file: &'t str, text: &'t str) -> Problems<'t> {
        Problems {
            file,
            text,
            list: Vec::new(),
        }
    }

    /// The line of a byte offset of the file.
    pub(crate) fn line(&self, offset: usize) -> usize {
        line_of(self.text, offset)
    }

    pub(crate) fn at(&mut self, span: Range<usize>, problem: impl Into<String>) {
        self.list.push(DefinitionError {
            file: self.file.to_string(),
            line: self.line(span.start),
            problem: problem.into(),
        });
    }

    /// `value` if nothing was found wrong.
    pub(crate) fn into_result<T>(self, value: T) -> Result<T, Vec<DefinitionError>> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(self.list)
        }
    }
}

/// A TOML file read into its raw shape; a syntax or shape error is one
/// problem with its line.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, Vec<DefinitionError>> {
    toml::from_str(text).map_err(|e| {
        let mut problems = Problems::new(file, text);
        problems.at(
            e.span().unwrap_or(0..0),
            e.message().trim().replace('\n', " "),
        );
        problems.list
    })
}

/// A typed word or label as it is compared with content: lower-cased,
/// punctuation as spaces, single spaces.
pub fn simplify(text: &str) -> String {
    let lower = text.to_lowercase();
    let kept: String = lower
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text file with the name to report problems under.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// Where content comes from.
#[derive(Debug, Clone, Default)]
pub struct ContentSource {
    pub dialogs_dir: Option<PathBuf>,
    pub locales_dir: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("content has problems:\n{}", .0.join("\n"))]
    Invalid(Vec<String>),
}

/// The raw files, before parsing (what `check` inspects).
#[derive(Debug, Clone)]
pub struct RawContent {
    pub dialogs: Vec<SourceFile>,
    /// `dialogs/examples/*.toml`: the FAQ's example questions.
    pub examples: Vec<SourceFile>,
    pub locales: Vec<LocaleFile>,
}

impl ContentSource {
    pub fn read(&self) -> Result<RawContent, ContentError> {
        let dialogs = match &self.dialogs_dir {
            Some(dir) => read_dir_files(dir, "toml")?,
            None => embedded_files(&EMBEDDED_DIALOGS, "toml", "dialogs"),
        };
        let examples = match &self.dialogs_dir {
            Some(dir) if dir.join(EXAMPLES_DIR).is_dir() => {
                read_dir_files(&dir.join(EXAMPLES_DIR), "toml")?
            }
            Some(_) => Vec::new(),
            None => EMBEDDED_DIALOGS
                .get_dir(EXAMPLES_DIR)
                .map(|d| embedded_files(d, "toml", "dialogs"))
                .unwrap_or_default(),
        };
        let mut locales = Vec::new();
        for lang in Lang::ALL {
            let files = match &self.locales_dir {
                Some(dir) => read_dir_files(&dir.join(lang.code()), "ftl")?,
                None => EMBEDDED_LOCALES
                    .get_dir(lang.code())
                    .map(|d| embedded_files(d, "ftl", "locales"))
                    .unwrap_or_default(),
            };
            locales.extend(files.into_iter().map(|f| LocaleFile {
                lang,
                name: f.name,
                text: f.text,
            }));
        }
        Ok(RawContent {
            dialogs,
            examples,
            locales,
        })
    }
}

fn embedded_files(dir: &Dir<'_>, ext: &str, prefix: &str) -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = dir
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == ext))
        .map(|f| SourceFile {
            name: format!("{prefix}/{}", f.path().display()),
            text: f.contents_utf8().unwrap_or_default().to_string(),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

fn read_dir_files(dir: &Path, ext: &str) -> Result<Vec<SourceFile>, ContentError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ContentError::Read {
        path: dir.display().to_string(),
        source,
    })?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == ext) {
            let text = std::fs::read_to_string(&path).map_err(|source| ContentError::Read {
                path: path.display().to_string(),
                source,
            })?;
            files.push(SourceFile {
                name: path.display().to_string(),
                text,
            });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// Everything parsed, ready for the engine.
#[derive(Debug)]
pub struct Content {
    pub dialogs: Vec<Dialog>,
    pub regions: RegionMatcher,
    pub faq: Faq,
    pub i18n: I18n,
}

impl Content {
    /// Parses everything; any problem is an error (run `check` for the list
    /// with lines).
    pub fn parse(raw: &RawContent) -> Result<Content, ContentError> {
        let mut problems = Vec::new();
        let mut dialogs = Vec::new();
        let mut regions = None;
        let mut faq = None;
        let mut faq_parts = Vec::new();
        for file in &raw.dialogs {
            let base = file.name.rsplit('/').next().unwrap_or(&file.name);
            if faq::is_faq_part(base) {
                faq_parts.push(file);
            } else if base == REGIONS_FILE {
                match RegionMatcher::from_toml(&file.text) {
                    Ok(r) => regions = Some(r),
                    Err(e) => problems.push(format!("{}: {e}", file.name)),
                }
            } else if base == FAQ_FILE {
                match Faq::parse(&file.name, &file.text) {
                    Ok(f) => faq = Some(f),
                    Err(errs) => problems.extend(errs.iter().map(DefinitionError::to_string)),
                }
            } else {
                match parse_dialog(&file.name, &file.text) {
                    Ok(d) => dialogs.push(d),
                    Err(errs) => problems.extend(errs.iter().map(DefinitionError::to_string)),
                }
            }
        }
        let i18n = match I18n::new(&raw.locales) {
            Ok(i) => Some(i),
            Err(errs) => {
                problems.extend(errs.iter().map(ToString::to_string));
                None
            }
        };
        let regions = regions.unwrap_or_else(|| {
            problems.push(format!("dialogs/{REGIONS_FILE} is missing"));
            RegionMatcher::from_toml("region = []").expect("empty list")
        });
        let mut faq = faq.unwrap_or_default();
        for file in faq_parts {
            if let Err(errs) = faq.add_entries(&file.name, &file.text) {
                problems.extend(errs.iter().map(DefinitionError::to_string));
            }
        }
        for file in &raw.examples {
            if let Err(errs) = faq.add_examples(&file.name, &file.text) {
                problems.extend(errs.iter().map(DefinitionError::to_string));
            }
        }
        if let Some(i18n) = &i18n {
            faq::add_titles(&mut faq, i18n);
        }
        faq.index();
        match i18n {
            Some(i18n) if problems.is_empty() => Ok(Content {
                dialogs,
                regions,
                faq,
                i18n,
            }),
            _ => Err(ContentError::Invalid(problems)),
        }
    }

    /// The shipped content, as embedded in the binary.
    pub fn embedded() -> Result<Content, ContentError> {
        Content::parse(&ContentSource::default().read()?)
    }

    pub fn dialog(&self, id: &str) -> Option<&Dialog> {
        self.dialogs.iter().find(|d| d.id == id)
    }

    /// The dialog a command starts (`commands` in its file).
    pub fn dialog_for_command(&self, name: &str) -> Option<&Dialog> {
        self.dialogs
            .iter()
            .find(|d| d.commands.iter().any(|c| c == name))
    }

    /// A step of a dialog (the product category, the pillar...).
    pub fn step(&self, dialog: &str, step: &str) -> Option<&Step> {
        self.dialog(dialog)?.step(step)
    }

    /// The message id of a dialog's name, or the id itself if unknown.
    pub fn dialog_title(&self, lang: Lang, dialog: &str) -> String {
        match self.dialog(dialog) {
            Some(d) => self.i18n.text(lang, &d.title, crate::i18n::Args::new()),
            None => crate::html::escape(dialog),
        }
    }
}
