//! Dialog definitions: the `dialogs/*.toml` files parsed into typed steps.
//!
//! Owns: the file format (documented at the top of each shipped dialog),
//! turning it into [`Dialog`]s, and reporting every problem with its file and
//! line. Message ids are derived from the dialog and step ids unless given:
//! `<dialog>-<step>` is the prompt, `<dialog>-<step>-label` the summary
//! label, `<dialog>-<step>-opt-<value>` an option's label.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use crate::i18n::line_of;

/// A problem in a dialog file, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct DefinitionError {
    pub file: String,
    pub line: usize,
    pub problem: String,
}

/// What a completed dialog produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submit {
    /// The pesantren profile of the user.
    Profile,
    /// A ticket numbered `<prefix>-<year>-<5 digits>`.
    Ticket { prefix: String },
}

#[derive(Debug, Clone)]
pub struct Dialog {
    pub id: String,
    /// Message id of the dialog's name.
    pub title: String,
    pub requires_profile: bool,
    /// Commands (without `/`) that start this dialog.
    pub commands: Vec<String>,
    pub submit: Submit,
    /// Message id sent after submission (gets `$ticket` for tickets).
    pub done: String,
    pub steps: Vec<Step>,
    /// Where a message id was referenced, for `check` (id, line).
    pub references: Vec<(String, usize)>,
    pub file: String,
}

impl Dialog {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }
}

#[derive(Debug, Clone)]
pub struct Step {
    pub id: String,
    pub prompt: String,
    pub label: String,
    pub optional: bool,
    pub when: Option<Condition>,
    pub input: Input,
    pub line: usize,
}

/// Show a step only when an earlier answer has a value (for multiple
/// choices: contains it).
#[derive(Debug, Clone)]
pub struct Condition {
    pub step: String,
    pub equals: String,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    /// Message id of the button label.
    pub label: String,
}

#[derive(Debug, Clone)]
pub enum Input {
    Text {
        min_len: usize,
        max_len: usize,
        pattern: Option<Regex>,
        /// Message id explaining the pattern to the user.
        pattern_error: Option<String>,
    },
    Number {
        min: i64,
        max: i64,
        currency: bool,
    },
    Choice {
        options: Vec<Choice>,
    },
    MultiChoice {
        options: Vec<Choice>,
        /// Options that exclude all others ("none").
        exclusive: Vec<String>,
        min: usize,
    },
    YesNo,
    Phone,
    Email,
    Photos {
        min: usize,
        max: usize,
    },
    Region,
    /// A privacy notice that must be accepted; declining ends the dialog.
    Consent,
}

impl Input {
    pub fn options(&self) -> &[Choice] {
        match self {
            Input::Choice { options } | Input::MultiChoice { options, .. } => options,
            _ => &[],
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDialog {
    id: Spanned<String>,
    title: Option<Spanned<String>>,
    #[serde(default)]
    requires_profile: bool,
    #[serde(default)]
    commands: Option<Spanned<Vec<String>>>,
    submit: Spanned<String>,
    ticket_prefix: Option<Spanned<String>>,
    done: Option<Spanned<String>>,
    steps: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: Spanned<String>,
    kind: Spanned<String>,
    prompt: Option<Spanned<String>>,
    label: Option<Spanned<String>>,
    #[serde(default)]
    optional: bool,
    min_len: Option<usize>,
    max_len: Option<usize>,
    pattern: Option<Spanned<String>>,
    pattern_error: Option<Spanned<String>>,
    min: Option<i64>,
    max: Option<i64>,
    #[serde(default)]
    currency: bool,
    options: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    exclusive: Vec<String>,
    when: Option<Spanned<RawCondition>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    step: String,
    equals: String,
}

/// Longest step id or option value, so that callback data such as
/// `12345:t:<value>` stays far below Telegram's 64 bytes.
const MAX_VALUE_LEN: usize = 24;

/// Parses one dialog file. `file` is the name used in error messages.
pub fn parse_dialog(file: &str, text: &str) -> Result<Dialog, Vec<DefinitionError>> {
    let err = |span: Range<usize>, problem: String| DefinitionError {
        file: file.to_string(),
        line: line_of(text, span.start),
        problem,
    };
    let raw: RawDialog = toml::from_str(text).map_err(|e| {
        vec![err(
            e.span().unwrap_or(0..0),
            e.message().trim().replace('\n', " "),
        )]
    })?;
    let mut errors = Vec::new();
    let id = raw.id.get_ref().clone();
    let mut references = Vec::new();
    let mut reference = |msg: &str, span: Range<usize>| {
        references.push((msg.to_string(), line_of(text, span.start)));
        msg.to_string()
    };
    let title = match &raw.title {
        Some(t) => reference(t.get_ref(), t.span()),
        None => reference(&format!("{id}-title"), raw.id.span()),
    };
    let done = match &raw.done {
        Some(t) => reference(t.get_ref(), t.span()),
        None => reference(&format!("{id}-done"), raw.id.span()),
    };
    reference(&format!("{id}-intro"), raw.id.span());
    let submit = match raw.submit.get_ref().as_str() {
        "profile" => Submit::Profile,
        "ticket" => match &raw.ticket_prefix {
            Some(p)
                if p.get_ref().len() == 3
                    && p.get_ref().chars().all(|c| c.is_ascii_uppercase()) =>
            {
                Submit::Ticket {
                    prefix: p.get_ref().clone(),
                }
            }
            Some(p) => {
                errors.push(err(
                    p.span(),
                    "ticket_prefix must be three capital letters".into(),
                ));
                Submit::Profile
            }
            None => {
                errors.push(err(
                    raw.submit.span(),
                    "submit = \"ticket\" needs ticket_prefix".into(),
                ));
                Submit::Profile
            }
        },
        other => {
            errors.push(err(
                raw.submit.span(),
                format!("unknown submit `{other}` (expected `profile` or `ticket`)"),
            ));
            Submit::Profile
        }
    };
    let mut commands = Vec::new();
    if let Some(list) = &raw.commands {
        for c in list.get_ref() {
            let valid = !c.is_empty()
                && c.len() <= 32
                && c.chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
            if !valid {
                errors.push(err(
                    list.span(),
                    format!(
                        "command `{c}` must be 1-32 characters of a-z, 0-9, `_` (Telegram's rule)"
                    ),
                ));
            } else if super::engine::BUILTIN_COMMANDS.contains(&c.as_str()) {
                errors.push(err(
                    list.span(),
                    format!("command `{c}` is already a built-in command"),
                ));
            }
            commands.push(c.clone());
        }
    }
    if raw.steps.is_empty() {
        errors.push(err(
            raw.id.span(),
            "a dialog needs at least one step".into(),
        ));
    }
    let mut seen = HashSet::new();
    let mut steps = Vec::new();
    let mut kinds: HashMap<String, (usize, Vec<String>)> = HashMap::new();
    for (index, s) in raw.steps.iter().enumerate() {
        let sid = s.id.get_ref().clone();
        if !valid_value(&sid) {
            errors.push(err(
                s.id.span(),
                format!("step id `{sid}` must be 1-{MAX_VALUE_LEN} characters of a-z, 0-9, `_`"),
            ));
        }
        if !seen.insert(sid.clone()) {
            errors.push(err(s.id.span(), format!("step `{sid}` is defined twice")));
        }
        let prompt = match &s.prompt {
            Some(p) => reference(p.get_ref(), p.span()),
            None => reference(&format!("{id}-{sid}"), s.id.span()),
        };
        let label = match &s.label {
            Some(p) => reference(p.get_ref(), p.span()),
            None => reference(&format!("{id}-{sid}-label"), s.id.span()),
        };
        let mut options = Vec::new();
        if let Some(opts) = &s.options {
            for value in opts.get_ref() {
                if !valid_value(value) {
                    errors.push(err(
                        opts.span(),
                        format!(
                            "option `{value}` must be 1-{MAX_VALUE_LEN} characters of a-z, 0-9, `_`"
                        ),
                    ));
                }
                options.push(Choice {
                    value: value.clone(),
                    label: reference(&format!("{id}-{sid}-opt-{value}"), opts.span()),
                });
            }
        }
        let kind = s.kind.get_ref().as_str();
        let needs_options = matches!(kind, "choice" | "multi_choice");
        if needs_options && options.len() < 2 {
            errors.push(err(
                s.kind.span(),
                format!("a `{kind}` step needs at least two options"),
            ));
        }
        if !needs_options && s.options.is_some() {
            errors.push(err(
                s.kind.span(),
                format!("a `{kind}` step takes no options"),
            ));
        }
        for ex in &s.exclusive {
            if !options.iter().any(|o| &o.value == ex) {
                errors.push(err(
                    s.id.span(),
                    format!("exclusive option `{ex}` is not among the options"),
                ));
            }
        }
        let input = match kind {
            "text" => {
                let pattern = s
                    .pattern
                    .as_ref()
                    .and_then(|p| match Regex::new(p.get_ref()) {
                        Ok(r) => Some(r),
                        Err(e) => {
                            errors.push(err(
                                p.span(),
                                format!(
                                    "pattern does not compile: {}",
                                    e.to_string().lines().last().unwrap_or("")
                                ),
                            ));
                            None
                        }
                    });
                let pattern_error = match (&s.pattern, &s.pattern_error) {
                    (_, Some(m)) => Some(reference(m.get_ref(), m.span())),
                    (Some(_), None) => Some(reference(&format!("{id}-{sid}-invalid"), s.id.span())),
                    (None, None) => None,
                };
                let min_len = s.min_len.unwrap_or(1);
                let max_len = s.max_len.unwrap_or(1000);
                if min_len > max_len {
                    errors.push(err(s.id.span(), "min_len is greater than max_len".into()));
                }
                Input::Text {
                    min_len,
                    max_len,
                    pattern,
                    pattern_error,
                }
            }
            "number" => {
                let (min, max) = (s.min.unwrap_or(0), s.max.unwrap_or(i64::MAX / 2));
                if min > max {
                    errors.push(err(s.id.span(), "min is greater than max".into()));
                }
                Input::Number {
                    min,
                    max,
                    currency: s.currency,
                }
            }
            "choice" => Input::Choice {
                options: options.clone(),
            },
            "multi_choice" => Input::MultiChoice {
                options: options.clone(),
                exclusive: s.exclusive.clone(),
                min: s.min.unwrap_or(1).max(0) as usize,
            },
            "yes_no" => Input::YesNo,
            "phone" => Input::Phone,
            "email" => Input::Email,
            "photos" => {
                let (min, max) = (s.min.unwrap_or(1), s.max.unwrap_or(5));
                if min < 0 || max < 1 || min > max || max > 10 {
                    errors.push(err(
                        s.id.span(),
                        "photos need 0 <= min <= max <= 10 and max >= 1".into(),
                    ));
                }
                Input::Photos {
                    min: min.max(0) as usize,
                    max: max.clamp(1, 10) as usize,
                }
            }
            "region" => Input::Region,
            "consent" => Input::Consent,
            other => {
                errors.push(err(
                    s.kind.span(),
                    format!(
                        "unknown kind `{other}` (expected text, number, choice, multi_choice, yes_no, phone, email, photos, region or consent)"
                    ),
                ));
                Input::YesNo
            }
        };
        if matches!(input, Input::YesNo) && kind == "yes_no" {
            options = vec![
                Choice {
                    value: "yes".into(),
                    label: String::new(),
                },
                Choice {
                    value: "no".into(),
                    label: String::new(),
                },
            ];
        }
        let when = s.when.as_ref().map(|w| {
            let cond = w.get_ref();
            match kinds.get(&cond.step) {
                None => errors.push(err(
                    w.span(),
                    format!(
                        "`when` refers to `{}`, which is not an earlier step",
                        cond.step
                    ),
                )),
                Some((_, values)) if !values.is_empty() && !values.contains(&cond.equals) => errors
                    .push(err(
                        w.span(),
                        format!(
                            "`when` compares `{}` with `{}`, which is not one of its values",
                            cond.step, cond.equals
                        ),
                    )),
                Some(_) => {}
            }
            Condition {
                step: cond.step.clone(),
                equals: cond.equals.clone(),
            }
        });
        kinds.insert(
            sid.clone(),
            (index, options.iter().map(|o| o.value.clone()).collect()),
        );
        steps.push(Step {
            id: sid,
            prompt,
            label,
            optional: s.optional,
            when,
            input,
            line: line_of(text, s.id.span().start),
        });
    }
    if errors.is_empty() {
        Ok(Dialog {
            id,
            title,
            requires_profile: raw.requires_profile,
            commands,
            submit,
            done,
            steps,
            references,
            file: file.to_string(),
        })
    } else {
        Err(errors)
    }
}

fn valid_value(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= MAX_VALUE_LEN
        && v.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_problems_with_their_lines() {
        let text = "id = \"t\"\nsubmit = \"profile\"\n\n[[steps]]\nid = \"a\"\nkind = \"text\"\npattern = \"(\"\n\n[[steps]]\nid = \"b\"\nkind = \"yes_no\"\nwhen = { step = \"zzz\", equals = \"yes\" }\n";
        let errs = parse_dialog("t.toml", text).unwrap_err();
        let lines: Vec<_> = errs.iter().map(|e| (e.line, e.problem.clone())).collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[0].0, 7);
        assert!(lines[0].1.contains("pattern does not compile"));
        assert_eq!(lines[1].0, 12);
        assert!(lines[1].1.contains("not an earlier step"));
    }
}
