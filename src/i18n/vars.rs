//! The variables a message's text can reach: its own placeables, the
//! selectors and variants of its select expressions, the arguments it
//! passes to terms and functions, and the messages it references (which
//! Fluent formats with the same arguments). Terms see only the arguments
//! passed to them, so their bodies are not followed.

use std::collections::HashSet;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

/// Message references followed at most this deep (Fluent refuses cycles
/// at format time; this only keeps the walk finite).
const DEPTH: usize = 8;

type Bundle = FluentBundle<FluentResource>;

pub(super) fn of_pattern<'b>(
    bundle: &'b Bundle,
    pattern: &Pattern<&'b str>,
    out: &mut HashSet<&'b str>,
    depth: usize,
) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            of_expression(bundle, expression, out, depth);
        }
    }
}

fn of_expression<'b>(
    bundle: &'b Bundle,
    expression: &Expression<&'b str>,
    out: &mut HashSet<&'b str>,
    depth: usize,
) {
    match expression {
        Expression::Select { selector, variants } => {
            of_inline(bundle, selector, out, depth);
            for variant in variants {
                of_pattern(bundle, &variant.value, out, depth);
            }
        }
        Expression::Inline(inline) => of_inline(bundle, inline, out, depth),
    }
}

fn of_inline<'b>(
    bundle: &'b Bundle,
    inline: &InlineExpression<&'b str>,
    out: &mut HashSet<&'b str>,
    depth: usize,
) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name);
        }
        InlineExpression::MessageReference { id, attribute } if depth < DEPTH => {
            let Some(message) = bundle.get_message(id.name) else {
                return;
            };
            let pattern = match attribute {
                Some(a) => message.get_attribute(a.name).map(|a| a.value()),
                None => message.value(),
            };
            if let Some(pattern) = pattern {
                of_pattern(bundle, pattern, out, depth + 1);
            }
        }
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                of_inline(bundle, a, out, depth);
            }
            for a in &arguments.named {
                of_inline(bundle, &a.value, out, depth);
            }
        }
        InlineExpression::Placeable { expression } => of_expression(bundle, expression, out, depth),
        _ => {}
    }
}
