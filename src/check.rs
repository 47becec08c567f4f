//! `opop-bot check`: content checked like code. Every dialog and FAQ file
//! parses, every regex compiles, every step reference resolves, every
//! message id used by dialogs, the FAQ and the code exists in every locale,
//! the locales hold the same ids, no message uses a variable nobody
//! passes, every message is valid Telegram HTML, and every FAQ entry has
//! its examples in every language (none of them an example of two
//! entries).
//!
//! Problems are `file:line: problem` strings, in a stable order.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use fluent_syntax::ast;

use crate::config::MESSAGE_GLOBALS;
use crate::content::faq::text::normalize;
use crate::content::faq::{Label, is_faq_part};
use crate::content::{
    EXAMPLES_DIR, FAQ_FILE, Faq, REGIONS_FILE, RawContent, RegionMatcher, SourceFile, Submit,
    parse_dialog,
};
use crate::i18n::{Lang, LocaleFile, ids};
use crate::records::TicketStatus;

/// A message as defined in one locale file.
#[derive(Debug, Clone)]
struct Defined {
    file: String,
    line: usize,
    vars: BTreeSet<String>,
    /// The text with placeables replaced by a neutral word, for the HTML
    /// check.
    sample: String,
}

/// Steps the registration dialog must have: staff views, segments and
/// exports read them.
pub const REQUIRED_PROFILE_FIELDS: &[&str] =
    &["name", "region", "pillar", "contact_person", "phone"];

/// A message id used somewhere: (id, file, line, variables passed).
type Used = (String, String, usize, Vec<String>);

/// Runs every check over raw content; returns the problems found.
pub fn check(raw: &RawContent) -> Vec<String> {
    let mut problems = Vec::new();
    let mut used: Vec<Used> = Vec::new();
    for file in &raw.dialogs {
        check_content_file(file, &mut used, &mut problems);
    }
    check_faq_parts(raw, &mut used, &mut problems);
    check_examples(raw, &mut problems);
    let code = ids::ALL.iter().map(|id| (id.id, id.vars));
    let statuses = TicketStatus::message_ids().map(|id| (id, &[][..]));
    for (id, vars) in code.chain(statuses) {
        used.push((
            id.to_string(),
            "src/i18n/ids.rs".into(),
            1,
            vars.iter().map(|s| s.to_string()).collect(),
        ));
    }
    let mut defined: HashMap<Lang, BTreeMap<String, Defined>> = HashMap::new();
    for file in &raw.locales {
        let map = defined.entry(file.lang).or_default();
        problems.extend(parse_locale(file, map));
    }
    check_used(&used, &defined, &mut problems);
    check_defined(&used, &defined, &mut problems);
    problems.sort();
    problems.dedup();
    problems
}

/// Fewest examples an entry needs in each language's file.
pub const MIN_EXAMPLES: usize = 12;

/// `dialogs/examples/`: every table names an entry (or out of scope, or a
/// kind of small talk), every entry has enough examples in each
/// language's file, and no text is an example of two different things.
fn check_examples(raw: &RawContent, problems: &mut Vec<String>) {
    let Some(mut faq) = main_faq(raw) else {
        return;
    };
    // Entries of further files (taught ones an editor committed) need no
    // minimum of examples; their examples must name them all the same.
    let shipped = faq.entries.len();
    for file in &raw.dialogs {
        if is_faq_part(file.name.rsplit('/').next().unwrap_or(&file.name)) {
            let _ = faq.add_entries(&file.name, &file.text);
        }
    }
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for lang in Lang::ALL {
        let name = format!("{}.toml", lang.code());
        if !raw
            .examples
            .iter()
            .any(|f| f.name.ends_with(&format!("/{name}")))
        {
            problems.push(format!(
                "dialogs/{EXAMPLES_DIR}/{name}:1: the examples in {lang} are missing"
            ));
        }
    }
    for file in &raw.examples {
        let mut one = faq.clone();
        if let Err(errs) = one.add_examples(&file.name, &file.text) {
            problems.extend(errs.iter().map(ToString::to_string));
            continue;
        }
        let base = file.name.rsplit('/').next().unwrap_or(&file.name);
        if Lang::ALL
            .iter()
            .any(|l| base == format!("{}.toml", l.code()))
        {
            for (i, entry) in faq.entries.iter().enumerate().take(shipped) {
                let n = one.examples_of(Label::Entry(i));
                if n < MIN_EXAMPLES {
                    problems.push(format!(
                        "{}:1: entry `{}` has {n} examples, at least {MIN_EXAMPLES} are needed",
                        file.name, entry.id
                    ));
                }
            }
        }
        for (label, text) in one.named_examples() {
            let key = normalize(&text);
            match seen.get(&key) {
                Some((other, at)) if *other != label => problems.push(format!(
                    "{}:1: \"{text}\" is an example of `{label}` and of `{other}` ({at})",
                    file.name
                )),
                _ => {
                    seen.insert(key, (label, file.name.clone()));
                }
            }
        }
    }
}

/// The further FAQ files (`dialogs/faq-*.toml`): entries in faq.toml's
/// categories, whose texts every locale must have.
fn check_faq_parts(raw: &RawContent, used: &mut Vec<Used>, problems: &mut Vec<String>) {
    let Some(mut faq) = main_faq(raw) else {
        return;
    };
    for file in &raw.dialogs {
        let base = file.name.rsplit('/').next().unwrap_or(&file.name);
        if !is_faq_part(base) {
            continue;
        }
        match faq.add_entries(&file.name, &file.text) {
            Ok(references) => used.extend(references.into_iter().map(|(id, line)| {
                let vars = if id.ends_with("-a") {
                    MESSAGE_GLOBALS.iter().map(|s| s.to_string()).collect()
                } else {
                    Vec::new()
                };
                (id, file.name.clone(), line, vars)
            })),
            Err(errs) => problems.extend(errs.iter().map(ToString::to_string)),
        }
    }
}

/// `dialogs/faq.toml`, parsed, if it is there and parses.
fn main_faq(raw: &RawContent) -> Option<Faq> {
    let file = raw
        .dialogs
        .iter()
        .find(|f| f.name.rsplit('/').next() == Some(FAQ_FILE))?;
    Faq::parse(&file.name, &file.text).ok()
}

/// One file of `dialogs/`: the regions, the FAQ or a dialog.
fn check_content_file(file: &SourceFile, used: &mut Vec<Used>, problems: &mut Vec<String>) {
    let base = file.name.rsplit('/').next().unwrap_or(&file.name);
    if is_faq_part(base) {
        return;
    }
    if base == REGIONS_FILE {
        match RegionMatcher::from_toml(&file.text) {
            Ok(r) if r.len() == 38 => {}
            Ok(r) => problems.push(format!(
                "{}:1: expected the 38 regencies and cities of East Java, found {}",
                file.name,
                r.len()
            )),
            Err(e) => problems.push(format!(
                "{}:1: {}",
                file.name,
                e.lines().next().unwrap_or("")
            )),
        }
        return;
    }
    if base == FAQ_FILE {
        match Faq::parse(&file.name, &file.text) {
            Ok(faq) => {
                for (id, line) in &faq.references {
                    let vars = if id.ends_with("-a") {
                        MESSAGE_GLOBALS.iter().map(|s| s.to_string()).collect()
                    } else {
                        Vec::new()
                    };
                    used.push((id.clone(), file.name.clone(), *line, vars));
                }
            }
            Err(errs) => problems.extend(errs.iter().map(ToString::to_string)),
        }
        return;
    }
    match parse_dialog(&file.name, &file.text) {
        Ok(dialog) => {
            for (id, line) in &dialog.references {
                let vars = if *id == dialog.done && matches!(dialog.submit, Submit::Ticket { .. }) {
                    vec!["ticket".to_string()]
                } else {
                    Vec::new()
                };
                used.push((id.clone(), file.name.clone(), *line, vars));
            }
            if dialog.submit == Submit::Profile {
                for field in REQUIRED_PROFILE_FIELDS {
                    if dialog.step(field).is_none() {
                        problems.push(format!(
                            "{}:1: the profile dialog needs a step `{field}`",
                            file.name
                        ));
                    }
                }
            }
        }
        Err(errs) => problems.extend(errs.iter().map(ToString::to_string)),
    }
}

/// Every used id exists in every language.
fn check_used(
    used: &[Used],
    defined: &HashMap<Lang, BTreeMap<String, Defined>>,
    problems: &mut Vec<String>,
) {
    for (id, file, line, _) in used {
        for lang in Lang::ALL {
            if !defined.get(&lang).is_some_and(|m| m.contains_key(id)) {
                problems.push(format!(
                    "{file}:{line}: message `{id}` is missing from locales/{lang}"
                ));
            }
        }
    }
}

/// Every defined message exists in the other language, uses only passed
/// variables, is used, and is valid Telegram HTML.
fn check_defined(
    used: &[Used],
    defined: &HashMap<Lang, BTreeMap<String, Defined>>,
    problems: &mut Vec<String>,
) {
    let mut passed: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for (id, _, _, vars) in used {
        passed
            .entry(id.as_str())
            .or_default()
            .extend(vars.iter().cloned());
    }
    for lang in Lang::ALL {
        let Some(map) = defined.get(&lang) else {
            problems.push(format!("locales/{lang}:1: no .ftl files for this language"));
            continue;
        };
        for (id, def) in map {
            for other in Lang::ALL.into_iter().filter(|o| *o != lang) {
                if !defined.get(&other).is_some_and(|m| m.contains_key(id)) {
                    problems.push(format!(
                        "{}:{}: message `{id}` has no {other} version",
                        def.file, def.line
                    ));
                }
            }
            if let Some(vars) = passed.get(id.as_str()) {
                for v in &def.vars {
                    if !vars.contains(v) && !MESSAGE_GLOBALS.contains(&v.as_str()) {
                        problems.push(format!(
                            "{}:{}: message `{id}` uses ${v}, which the code does not pass",
                            def.file, def.line
                        ));
                    }
                }
            } else if !id.starts_with('-') {
                problems.push(format!(
                    "{}:{}: message `{id}` is not used by any dialog, FAQ entry or code",
                    def.file, def.line
                ));
            }
            if let Err(e) = crate::html::validate(&def.sample) {
                problems.push(format!(
                    "{}:{}: message `{id}`: {}",
                    def.file, def.line, e.problem
                ));
            }
        }
    }
}

fn parse_locale(file: &LocaleFile, map: &mut BTreeMap<String, Defined>) -> Vec<String> {
    let mut problems = Vec::new();
    let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
        Ok(r) => r,
        Err((r, errs)) => {
            for e in errs {
                problems.push(format!(
                    "{}:{}: Fluent syntax error: {}",
                    file.name,
                    crate::i18n::line_of(&file.text, e.pos.start),
                    e.kind
                ));
            }
            r
        }
    };
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let id = m.id.name.to_string();
            let line = find_line(&file.text, &id);
            let mut vars = BTreeSet::new();
            let mut sample = String::new();
            if let Some(p) = &m.value {
                walk_pattern(p, &mut vars, &mut sample);
            }
            if map.contains_key(&id) {
                problems.push(format!(
                    "{}:{line}: message `{id}` is defined twice",
                    file.name
                ));
            }
            map.insert(
                id,
                Defined {
                    file: file.name.clone(),
                    line,
                    vars,
                    sample,
                },
            );
        }
    }
    problems
}

fn find_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            l.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

fn walk_pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, sample: &mut String) {
    for el in &p.elements {
        match el {
            ast::PatternElement::TextElement { value } => sample.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                walk_expression(expression, vars, sample);
            }
        }
    }
}

fn walk_expression(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>, sample: &mut String) {
    match e {
        ast::Expression::Inline(i) => walk_inline(i, vars, sample),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, vars, &mut String::new());
            for v in variants {
                let mut branch = String::new();
                walk_pattern(&v.value, vars, &mut branch);
                // The default variant stands for the message; an invalid
                // other variant is appended so the HTML check sees it.
                if v.default || crate::html::validate(&branch).is_err() {
                    sample.push_str(&branch);
                }
            }
        }
    }
}

fn walk_inline(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>, sample: &mut String) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
            sample.push('x');
        }
        ast::InlineExpression::StringLiteral { value } => sample.push_str(value),
        ast::InlineExpression::NumberLiteral { value } => sample.push_str(value),
        ast::InlineExpression::Placeable { expression } => {
            walk_expression(expression, vars, sample)
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, vars, sample);
            }
        }
        ast::InlineExpression::MessageReference { .. }
        | ast::InlineExpression::TermReference { .. } => {
            sample.push('x');
        }
    }
}
