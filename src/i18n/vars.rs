//! The variables a message's text can reach: its own placeables, the
//! selectors and variants of its select expressions, the arguments it
//! passes to terms and functions, and the messages it references (which
//! Fluent formats with the same arguments). Terms see only the arguments
//! passed to them, so their bodies are not followed.

use std::collections::HashSet;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

type Bundle = FluentBundle<FluentResource>;

/// The variables found, and the messages (with the attribute) already
/// walked: each once, so a cycle of references (which Fluent refuses at
/// format time) still ends.
#[derive(Default)]
pub(super) struct Found<'b> {
    pub vars: HashSet<&'b str>,
    walked: HashSet<(&'b str, Option<&'b str>)>,
}

pub(super) fn of_pattern<'b>(bundle: &'b Bundle, pattern: &Pattern<&'b str>, out: &mut Found<'b>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            of_expression(bundle, expression, out);
        }
    }
}

fn of_expression<'b>(bundle: &'b Bundle, expression: &Expression<&'b str>, out: &mut Found<'b>) {
    match expression {
        Expression::Select { selector, variants } => {
            of_inline(bundle, selector, out);
            for variant in variants {
                of_pattern(bundle, &variant.value, out);
            }
        }
        Expression::Inline(inline) => of_inline(bundle, inline, out),
    }
}

fn of_inline<'b>(bundle: &'b Bundle, inline: &InlineExpression<&'b str>, out: &mut Found<'b>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.vars.insert(id.name);
        }
        InlineExpression::MessageReference { id, attribute }
            if out
                .walked
                .insert((id.name, attribute.as_ref().map(|a| a.name))) =>
        {
            let Some(message) = bundle.get_message(id.name) else {
                return;
            };
            let pattern = match attribute {
                Some(a) => message.get_attribute(a.name).map(|a| a.value()),
                None => message.value(),
            };
            if let Some(pattern) = pattern {
                of_pattern(bundle, pattern, out);
            }
        }
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                of_inline(bundle, a, out);
            }
            for a in &arguments.named {
                of_inline(bundle, &a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => of_expression(bundle, expression, out),
        _ => {}
    }
}
