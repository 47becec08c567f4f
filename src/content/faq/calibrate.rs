//! Choosing the model's constants ([`Params`]) and the verdict's
//! [`Thresholds`] on data, never on the held-out sets:
//! - the development sets `tests/data/faq_dev.tsv` (843 questions, 19 %
//!   out of scope) and `tests/data/faq_questions.tsv` (190, the first
//!   set), each written by a hand that never saw the examples;
//! - `tests/data/smalltalk_dev.tsv` for small talk.
//!
//! A random search (seeded) over the constants; for each, a grid over the
//! thresholds keeps the setting with the most questions answered right,
//! among those whose out-of-scope precision is at least 95 %, with
//! out-of-scope recall as a smaller second aim (a wrong answer is worse
//! than none). `cargo test --release --lib calibrate -- --ignored
//! --nocapture` prints the best settings and the defaults' figures; the
//! defaults in `index.rs` and `mod.rs` were taken from its run
//! (BENCHMARKS.md).

use super::eval::{Case, read_cases};
use super::index::Params;
use super::matcher::{Matcher, Scores};
use super::{Faq, SmallTalk, Thresholds, Verdict};
use crate::content::Content;

/// What a case should come out as.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    Entry(usize),
    Nothing,
    Talk(Option<SmallTalk>),
}

/// The figures of one setting on a set.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Figures {
    top1: f64,
    precision: f64,
    recall: f64,
    talk: f64,
}

impl Figures {
    fn aim(&self) -> f64 {
        self.top1 + 0.3 * self.recall + 0.5 * self.talk
    }
}

fn want(faq: &Faq, case: &Case) -> Want {
    match &case.expected {
        Some(id) => Want::Entry(
            faq.entries
                .iter()
                .position(|e| &e.id == id)
                .unwrap_or_else(|| panic!("unknown entry {id}")),
        ),
        None => Want::Nothing,
    }
}

fn scored(faq: &Faq, m: &Matcher, cases: &[Case]) -> Vec<(Want, Scores)> {
    cases
        .iter()
        .map(|c| (want(faq, c), m.scores(&faq.entries, &c.question)))
        .collect()
}

/// Small-talk cases: `lang<TAB>intent<TAB>text`, `none` for a question.
fn talk_cases(m: &Matcher, faq: &Faq, text: &str) -> Vec<(Want, Scores)> {
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.splitn(3, '\t');
            let intent = parts.nth(1).expect("intent");
            let text = parts.next().expect("text");
            let kind = SmallTalk::ALL.into_iter().find(|k| k.id() == intent);
            (Want::Talk(kind), m.scores(&faq.entries, text))
        })
        .collect()
}

fn figures(cases: &[(Want, Scores)], t: &Thresholds) -> Figures {
    let (mut n, mut right, mut declined, mut declined_right, mut none) = (0, 0, 0, 0, 0);
    let (mut talks, mut talk_right) = (0, 0);
    for (want, s) in cases {
        let answered = (s.verdict(t) == Verdict::Answer)
            .then(|| s.ranked.first().map(|r| r.1))
            .flatten();
        match want {
            Want::Entry(e) => {
                n += 1;
                right += usize::from(answered == Some(*e));
                declined += usize::from(answered.is_none());
            }
            Want::Nothing => {
                none += 1;
                declined += usize::from(answered.is_none());
                declined_right += usize::from(answered.is_none());
            }
            Want::Talk(k) => {
                talks += 1;
                talk_right += usize::from(s.small_talk(t) == *k);
            }
        }
    }
    let r = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    Figures {
        top1: r(right, n),
        precision: r(declined_right, declined),
        recall: r(declined_right, none),
        talk: r(talk_right, talks),
    }
}

/// The best thresholds for one setting of the constants.
fn best_thresholds(
    questions: &[(Want, Scores)],
    talk: &[(Want, Scores)],
) -> (Figures, Figures, Thresholds) {
    let mut best = (
        Figures::default(),
        Figures::default(),
        Thresholds::default(),
    );
    for a in 0..8 {
        for lead in [0.0, 0.02, 0.05] {
            for outside in [0.0, 0.05, 0.1, 0.15, 0.2] {
                let mut t = Thresholds {
                    answer_at: f64::from(a) * 0.05,
                    lead,
                    outside,
                    ..Thresholds::default()
                };
                t.suggest_at = t.answer_at.min(Thresholds::default().suggest_at);
                let q = figures(questions, &t);
                if q.precision < 0.95 || q.aim() <= best.0.aim() {
                    continue;
                }
                best = (q, figures(talk, &t), t);
            }
        }
    }
    for (at, question_at, alone) in [0.3, 0.4, 0.5, 0.6]
        .into_iter()
        .flat_map(|a| [0.0, 0.2, 0.3, 0.4, 0.5].map(|q| (a, q)))
        .flat_map(|(a, q)| [0.15, 0.2, 0.3, 0.4, 0.5].map(|l| (a, q, l)))
    {
        let t = Thresholds {
            small_talk_at: at,
            small_talk_alone_at: alone,
            question_at,
            ..best.2
        };
        let x = figures(talk, &t);
        let q = figures(questions, &t);
        if x.talk > best.1.talk && q.precision >= 0.95 {
            best = (q, x, t);
        }
    }
    best
}

fn line(q: &Figures, t: &Figures) -> String {
    format!(
        "top-1 {:.3}, out-of-scope precision {:.3}, recall {:.3}; small talk {:.3}",
        q.top1, q.precision, q.recall, t.talk
    )
}

#[test]
#[ignore = "a calibration run, about a minute: cargo test --release --lib calibrate -- --ignored --nocapture"]
fn calibrate() {
    let content = Content::embedded().expect("shipped content");
    let faq = &content.faq;
    let mut dev = read_cases(include_str!("../../../tests/data/faq_dev.tsv")).expect("dev set");
    dev.extend(
        read_cases(include_str!("../../../tests/data/faq_questions.tsv")).expect("first set"),
    );
    let talk_text = include_str!("../../../tests/data/smalltalk_dev.tsv");
    let mut seed: u64 = 0x5eed;
    let mut uniform = move |lo: f64, hi: f64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        lo + (hi - lo) * ((seed % 10_000) as f64 / 10_000.0)
    };
    let runs: usize = std::env::var("CALIBRATE_RUNS").map_or(120, |v| v.parse().expect("a number"));
    let mut results = Vec::new();
    for run in 0..runs {
        let mut p = Params::default();
        if run > 0 {
            p.k1 = uniform(0.5, 2.0);
            p.b = uniform(0.0, 0.9);
            p.words = uniform(0.3, 0.9);
            p.unseen = uniform(0.2, 1.7);
            p.best = uniform(0.2, 0.9);
            p.mix = uniform(0.3, 1.0);
            p.vote.unseen = uniform(0.2, 1.7);
            p.vote.trust = uniform(0.0, 3.0);
        }
        let m = Matcher::build(&faq.entries, faq.all_examples(), p);
        let questions = scored(faq, &m, &dev);
        let talk = talk_cases(&m, faq, talk_text);
        let (q, x, t) = best_thresholds(&questions, &talk);
        results.push((q.aim() + 0.5 * x.talk, p, t, line(&q, &x)));
    }
    let defaults = results[0].clone();
    results.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (aim, p, t, line) in results.iter().take(5) {
        println!("{aim:.4} {p:?}\n    {t:?}\n    {line}");
    }
    println!(
        "best thresholds for the default constants:\n    {:?}\n    {}",
        defaults.2, defaults.3
    );
    let m = Matcher::build(&faq.entries, faq.all_examples(), Params::default());
    let t = Thresholds::default();
    let q = figures(&scored(faq, &m, &dev), &t);
    let x = figures(&talk_cases(&m, faq, talk_text), &t);
    println!("the defaults as shipped:\n    {}", line(&q, &x));
}
