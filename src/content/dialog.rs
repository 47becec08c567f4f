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

use super::{DefinitionError, Problems};
use crate::records::Answers;

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

    /// The message id of the dialog's introduction.
    pub fn intro(&self) -> String {
        format!("{}-intro", self.id)
    }

    /// The steps asked given the answers so far.
    pub fn applicable<'d, 'a>(
        &'d self,
        answers: &'a Answers,
    ) -> impl Iterator<Item = &'d Step> + use<'d, 'a> {
        self.steps.iter().filter(move |s| s.applies(answers))
    }

    /// The steps a summary shows and the edit menu offers: those asked,
    /// without the consent notice.
    pub fn fields<'d, 'a>(
        &'d self,
        answers: &'a Answers,
    ) -> impl Iterator<Item = &'d Step> + use<'d, 'a> {
        self.applicable(answers)
            .filter(|s| !matches!(s.input, Input::Consent))
    }

    /// (number of this step among the applicable ones, how many apply).
    pub fn position(&self, step: &Step, answers: &Answers) -> (usize, usize) {
        let applicable: Vec<&Step> = self.applicable(answers).collect();
        let number = applicable
            .iter()
            .position(|s| s.id == step.id)
            .map_or(1, |i| i + 1);
        (number, applicable.len())
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

impl Step {
    /// Whether the step is asked, given the answers so far.
    pub fn applies(&self, answers: &Answers) -> bool {
        match &self.when {
            None => true,
            Some(cond) => answers
                .get(&cond.step)
                .is_some_and(|a| a.matches(&cond.equals)),
        }
    }
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

    /// Whether the step expects typed text or a number (so a console may
    /// not read a bare number as a button pick).
    pub fn is_typed(&self) -> bool {
        matches!(
            self,
            Input::Text { .. } | Input::Number { .. } | Input::Phone | Input::Email | Input::Region
        )
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

/// The kinds of step a dialog file may use.
const KINDS: &str =
    "text, number, choice, multi_choice, yes_no, phone, email, photos, region or consent";

/// Parses one dialog file. `file` is the name used in error messages.
pub fn parse_dialog(file: &str, text: &str) -> Result<Dialog, Vec<DefinitionError>> {
    let raw: RawDialog = super::parse_toml(file, text)?;
    let mut p = Parser {
        problems: Problems::new(file, text),
        references: Vec::new(),
    };
    let id = raw.id.get_ref().clone();
    let id_span = raw.id.span();
    let title = p.reference_or(&raw.title, format!("{id}-title"), id_span.clone());
    let done = p.reference_or(&raw.done, format!("{id}-done"), id_span.clone());
    p.reference(&format!("{id}-intro"), id_span.clone());
    let submit = p.submit(&raw);
    let commands = p.commands(raw.commands.as_ref());
    if raw.steps.is_empty() {
        p.problems.at(id_span, "a dialog needs at least one step");
    }
    let steps = p.steps(&id, &raw.steps);
    let Parser {
        problems,
        references,
    } = p;
    problems.into_result(Dialog {
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
}

/// The problems found so far and the message ids referenced.
struct Parser<'t> {
    problems: Problems<'t>,
    references: Vec<(String, usize)>,
}

/// Each earlier step's position and option values, for `when`.
type Earlier = HashMap<String, (usize, Vec<String>)>;

impl Parser<'_> {
    fn reference(&mut self, msg: &str, span: Range<usize>) -> String {
        self.references
            .push((msg.to_string(), self.problems.line(span.start)));
        msg.to_string()
    }

    /// The message id given in the file, else the derived one.
    fn reference_or(
        &mut self,
        given: &Option<Spanned<String>>,
        derived: String,
        span: Range<usize>,
    ) -> String {
        match given {
            Some(t) => self.reference(t.get_ref(), t.span()),
            None => self.reference(&derived, span),
        }
    }

    fn submit(&mut self, raw: &RawDialog) -> Submit {
        match raw.submit.get_ref().as_str() {
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
                    self.problems
                        .at(p.span(), "ticket_prefix must be three capital letters");
                    Submit::Profile
                }
                None => {
                    self.problems
                        .at(raw.submit.span(), "submit = \"ticket\" needs ticket_prefix");
                    Submit::Profile
                }
            },
            other => {
                self.problems.at(
                    raw.submit.span(),
                    format!("unknown submit `{other}` (expected `profile` or `ticket`)"),
                );
                Submit::Profile
            }
        }
    }

    fn commands(&mut self, list: Option<&Spanned<Vec<String>>>) -> Vec<String> {
        let Some(list) = list else {
            return Vec::new();
        };
        for c in list.get_ref() {
            let valid = !c.is_empty()
                && c.len() <= 32
                && c.chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
            if !valid {
                self.problems.at(
                    list.span(),
                    format!(
                        "command `{c}` must be 1-32 characters of a-z, 0-9, `_` (Telegram's rule)"
                    ),
                );
            } else if crate::commands::is_builtin(c) {
                self.problems.at(
                    list.span(),
                    format!("command `{c}` is already a built-in command"),
                );
            }
        }
        list.get_ref().clone()
    }

    fn steps(&mut self, id: &str, raw: &[RawStep]) -> Vec<Step> {
        let mut seen = HashSet::new();
        let mut earlier: Earlier = HashMap::new();
        let mut steps = Vec::new();
        for (index, s) in raw.iter().enumerate() {
            let sid = s.id.get_ref().clone();
            if !valid_value(&sid) {
                self.problems.at(
                    s.id.span(),
                    format!(
                        "step id `{sid}` must be 1-{MAX_VALUE_LEN} characters of a-z, 0-9, `_`"
                    ),
                );
            }
            if !seen.insert(sid.clone()) {
                self.problems
                    .at(s.id.span(), format!("step `{sid}` is defined twice"));
            }
            let options = self.options(id, &sid, s);
            let mut values: Vec<String> = options.iter().map(|o| o.value.clone()).collect();
            if s.kind.get_ref() == "yes_no" {
                values = vec!["yes".into(), "no".into()];
            }
            let step = self.step(id, &sid, s, options, &earlier);
            earlier.insert(sid, (index, values));
            steps.push(step);
        }
        steps
    }

    fn step(
        &mut self,
        id: &str,
        sid: &str,
        s: &RawStep,
        options: Vec<Choice>,
        earlier: &Earlier,
    ) -> Step {
        let prompt = self.reference_or(&s.prompt, format!("{id}-{sid}"), s.id.span());
        let label = self.reference_or(&s.label, format!("{id}-{sid}-label"), s.id.span());
        let input = self.input(id, sid, s, options);
        let when = s.when.as_ref().map(|w| self.condition(w, earlier));
        Step {
            id: sid.to_string(),
            prompt,
            label,
            optional: s.optional,
            when,
            input,
            line: self.problems.line(s.id.span().start),
        }
    }

    fn options(&mut self, id: &str, sid: &str, s: &RawStep) -> Vec<Choice> {
        let mut options = Vec::new();
        if let Some(opts) = &s.options {
            for value in opts.get_ref() {
                if !valid_value(value) {
                    self.problems.at(
                        opts.span(),
                        format!(
                            "option `{value}` must be 1-{MAX_VALUE_LEN} characters of a-z, 0-9, `_`"
                        ),
                    );
                }
                options.push(Choice {
                    value: value.clone(),
                    label: self.reference(&format!("{id}-{sid}-opt-{value}"), opts.span()),
                });
            }
        }
        let kind = s.kind.get_ref().as_str();
        let needs_options = matches!(kind, "choice" | "multi_choice");
        if needs_options && options.len() < 2 {
            self.problems.at(
                s.kind.span(),
                format!("a `{kind}` step needs at least two options"),
            );
        }
        if !needs_options && s.options.is_some() {
            self.problems
                .at(s.kind.span(), format!("a `{kind}` step takes no options"));
        }
        for ex in &s.exclusive {
            if !options.iter().any(|o| &o.value == ex) {
                self.problems.at(
                    s.id.span(),
                    format!("exclusive option `{ex}` is not among the options"),
                );
            }
        }
        options
    }

    fn input(&mut self, id: &str, sid: &str, s: &RawStep, options: Vec<Choice>) -> Input {
        match s.kind.get_ref().as_str() {
            "text" => self.text_input(id, sid, s),
            "number" => {
                let (min, max) = (s.min.unwrap_or(0), s.max.unwrap_or(i64::MAX / 2));
                if min > max {
                    self.problems.at(s.id.span(), "min is greater than max");
                }
                Input::Number {
                    min,
                    max,
                    currency: s.currency,
                }
            }
            "choice" => Input::Choice { options },
            "multi_choice" => Input::MultiChoice {
                options,
                exclusive: s.exclusive.clone(),
                min: s.min.unwrap_or(1).max(0) as usize,
            },
            "yes_no" => Input::YesNo,
            "phone" => Input::Phone,
            "email" => Input::Email,
            "photos" => {
                let (min, max) = (s.min.unwrap_or(1), s.max.unwrap_or(5));
                if min < 0 || max < 1 || min > max || max > 10 {
                    self.problems.at(
                        s.id.span(),
                        "photos need 0 <= min <= max <= 10 and max >= 1",
                    );
                }
                Input::Photos {
                    min: min.max(0) as usize,
                    max: max.clamp(1, 10) as usize,
                }
            }
            "region" => Input::Region,
            "consent" => Input::Consent,
            other => {
                self.problems.at(
                    s.kind.span(),
                    format!("unknown kind `{other}` (expected {KINDS})"),
                );
                Input::YesNo
            }
        }
    }

    fn text_input(&mut self, id: &str, sid: &str, s: &RawStep) -> Input {
        let pattern = s
            .pattern
            .as_ref()
            .and_then(|p| match Regex::new(p.get_ref()) {
                Ok(r) => Some(r),
                Err(e) => {
                    self.problems.at(
                        p.span(),
                        format!(
                            "pattern does not compile: {}",
                            e.to_string().lines().last().unwrap_or("")
                        ),
                    );
                    None
                }
            });
        let pattern_error = match (&s.pattern, &s.pattern_error) {
            (_, Some(m)) => Some(self.reference(m.get_ref(), m.span())),
            (Some(_), None) => Some(self.reference(&format!("{id}-{sid}-invalid"), s.id.span())),
            (None, None) => None,
        };
        let min_len = s.min_len.unwrap_or(1);
        let max_len = s.max_len.unwrap_or(1000);
        if min_len > max_len {
            self.problems
                .at(s.id.span(), "min_len is greater than max_len");
        }
        Input::Text {
            min_len,
            max_len,
            pattern,
            pattern_error,
        }
    }

    fn condition(&mut self, w: &Spanned<RawCondition>, earlier: &Earlier) -> Condition {
        let cond = w.get_ref();
        match earlier.get(&cond.step) {
            None => self.problems.at(
                w.span(),
                format!(
                    "`when` refers to `{}`, which is not an earlier step",
                    cond.step
                ),
            ),
            Some((_, values)) if !values.is_empty() && !values.contains(&cond.equals) => {
                self.problems.at(
                    w.span(),
                    format!(
                        "`when` compares `{}` with `{}`, which is not one of its values",
                        cond.step, cond.equals
                    ),
                )
            }
            Some(_) => {}
        }
        Condition {
            step: cond.step.clone(),
            equals: cond.equals.clone(),
        }
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
