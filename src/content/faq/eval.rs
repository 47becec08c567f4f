//! Measuring the matcher on a question set: `lang<TAB>expected<TAB>question`
//! lines (`expected` an entry id, or `none` for a question no entry
//! answers; `#` lines are comments), as in `tests/data/faq_heldout.tsv`.
//!
//! A question counts as answered only when the bot would answer it
//! directly (suggestion buttons are not an answer), so:
//! - **top-1 accuracy**: of the questions an entry answers, the share
//!   answered with that entry;
//! - **out-of-scope precision**: of the questions the bot did not answer,
//!   the share that no entry answers (a declined question the FAQ knows is
//!   a miss the manager notices);
//! - **out-of-scope recall**: of the questions no entry answers, the share
//!   the bot did not answer (a wrong answer is worse than none).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Faq, Verdict};

/// One question of a set.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub lang: String,
    /// `None`: no entry answers it.
    pub expected: Option<String>,
    pub question: String,
}

/// Reads a question set; a line that is not three fields is an error
/// naming it.
pub fn read_cases(text: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [lang, expected, question] = fields[..] else {
            return Err(format!(
                "line {}: expected lang<TAB>expected<TAB>question",
                n + 1
            ));
        };
        if n == 0 && lang == "lang" {
            continue;
        }
        cases.push(Case {
            lang: lang.to_string(),
            expected: (expected != "none").then(|| expected.to_string()),
            question: question.to_string(),
        });
    }
    Ok(cases)
}

/// What the matcher did with each question, counted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Questions an entry answers, and how many were answered with it.
    pub in_scope: usize,
    pub right: usize,
    /// Questions no entry answers, and how many the bot did not answer.
    pub out_of_scope: usize,
    pub declined_right: usize,
    /// Questions the bot did not answer, of all kinds.
    pub declined: usize,
    /// Per language: (in scope, right, out of scope, declined right).
    pub by_lang: BTreeMap<String, (usize, usize, usize, usize)>,
    /// `[lang] expected → got (score): question`, for each miss.
    pub misses: Vec<String>,
}

impl Report {
    pub fn top1(&self) -> f64 {
        ratio(self.right, self.in_scope)
    }

    pub fn out_of_scope_precision(&self) -> f64 {
        ratio(self.declined_right, self.declined)
    }

    pub fn out_of_scope_recall(&self) -> f64 {
        ratio(self.declined_right, self.out_of_scope)
    }

    /// The figures as `faq --eval` prints them.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "top-1 accuracy: {}/{} = {:.1} %",
            self.right,
            self.in_scope,
            100.0 * self.top1()
        );
        let _ = writeln!(
            out,
            "out-of-scope precision: {}/{} = {:.1} % (of the questions not answered, those no entry answers)",
            self.declined_right,
            self.declined,
            100.0 * self.out_of_scope_precision()
        );
        let _ = writeln!(
            out,
            "out-of-scope recall: {}/{} = {:.1} % (of the questions no entry answers, those not answered)",
            self.declined_right,
            self.out_of_scope,
            100.0 * self.out_of_scope_recall()
        );
        for (lang, (n, ok, oos, oos_ok)) in &self.by_lang {
            let _ = writeln!(
                out,
                "  {lang}: top-1 {ok}/{n} = {:.1} %, out of scope declined {oos_ok}/{oos}",
                100.0 * ratio(*ok, *n)
            );
        }
        out
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Runs every case through the matcher.
pub fn evaluate(faq: &Faq, cases: &[Case]) -> Report {
    let mut r = Report::default();
    for case in cases {
        let result = faq.match_question(&case.question);
        let answered = (result.verdict == Verdict::Answer)
            .then(|| result.best().map(|b| b.id.clone()))
            .flatten();
        let lang = r.by_lang.entry(case.lang.clone()).or_default();
        if answered.is_none() {
            r.declined += 1;
        }
        let right = answered == case.expected;
        match &case.expected {
            Some(_) => {
                r.in_scope += 1;
                lang.0 += 1;
                if right {
                    r.right += 1;
                    lang.1 += 1;
                }
            }
            None => {
                r.out_of_scope += 1;
                lang.2 += 1;
                if right {
                    r.declined_right += 1;
                    lang.3 += 1;
                }
            }
        }
        if !right {
            let got = match (&answered, result.verdict, result.small_talk) {
                (Some(id), _, _) => id.clone(),
                (None, _, Some(talk)) => format!("small talk {}", talk.id()),
                (None, Verdict::Suggest, _) => {
                    format!("suggest {}", result.best().map_or("", |b| b.id.as_str()))
                }
                (None, _, _) => "none".into(),
            };
            r.misses.push(format!(
                "[{}] {} → {got} ({:.3}): {}",
                case.lang,
                case.expected.as_deref().unwrap_or("none"),
                result.best().map_or(0.0, |b| b.score),
                case.question
            ));
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_are_read_with_their_header_and_comments_skipped() {
        let cases = read_cases(
            "lang\texpected\tquestion\n# cost\nid\tcost\tbrp biaya\nen\tnone\tweather\n",
        )
        .unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].expected.as_deref(), Some("cost"));
        assert_eq!(cases[1].expected, None);
        assert!(read_cases("id\tcost\n").unwrap_err().contains("line 1"));
    }
}
