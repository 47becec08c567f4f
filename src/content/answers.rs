//! An answer as people read it (HTML, user text escaped): the summary,
//! the staff notification, /tiket, the digest, the export and broadcast
//! audiences all show answers through here.

use super::{Content, Input, Step};
use crate::html::escape;
use crate::i18n::{Args, I18n, Lang, ids};
use crate::records::{Answer, Answers};

/// Formats Rupiah the Indonesian way: `Rp 25.000`.
pub fn format_rupiah(amount: i64) -> String {
    format!("Rp {}", group_thousands(amount))
}

/// `1250000` -> `1.250.000`.
pub fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// An answer of `step` as people read it.
pub fn display_answer(i18n: &I18n, lang: Lang, step: &Step, answer: &Answer) -> String {
    match answer {
        Answer::Text(t) | Answer::Phone(t) | Answer::Email(t) | Answer::Region(t) => escape(t),
        Answer::Number(n) => format_number(step, *n),
        Answer::Choice(v) => option_label(i18n, lang, step, v),
        Answer::Choices(vs) => vs
            .iter()
            .map(|v| option_label(i18n, lang, step, v))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Yes(true) => i18n.msg(lang, ids::BUTTON_YES),
        Answer::Yes(false) => i18n.msg(lang, ids::BUTTON_NO),
        Answer::Photos(p) => i18n.fmt(
            lang,
            ids::PHOTOS_COUNT,
            Args::new().num("count", p.len() as i64),
        ),
        Answer::Consent(_) => i18n.msg(lang, ids::BUTTON_AGREE),
        Answer::Skipped => i18n.msg(lang, ids::ANSWER_SKIPPED),
    }
}

/// A number as the step shows it: Rupiah for amounts, grouped otherwise.
pub fn format_number(step: &Step, n: i64) -> String {
    match step.input {
        Input::Number { currency: true, .. } => format_rupiah(n),
        _ => group_thousands(n),
    }
}

fn option_label(i18n: &I18n, lang: Lang, step: &Step, value: &str) -> String {
    step.input
        .options()
        .iter()
        .find(|o| o.value == value)
        .map(|o| i18n.text(lang, &o.label, Args::new()))
        .unwrap_or_else(|| escape(value))
}

/// A form's answers as (label, value) lines, HTML, in step order, without
/// consent and without steps whose condition does not hold.
pub fn answer_lines(
    content: &Content,
    lang: Lang,
    dialog: &str,
    answers: &Answers,
) -> Vec<(String, String)> {
    let Some(dialog) = content.dialog(dialog) else {
        return Vec::new();
    };
    dialog
        .fields(answers)
        .filter_map(|st| {
            let answer = answers.get(&st.id)?;
            Some((
                content.i18n.text(lang, &st.label, Args::new()),
                display_answer(&content.i18n, lang, st, answer),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rupiah_format() {
        assert_eq!(format_rupiah(25_000), "Rp 25.000");
        assert_eq!(format_rupiah(1_250_000), "Rp 1.250.000");
        assert_eq!(format_rupiah(500), "Rp 500");
    }
}
