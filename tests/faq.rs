//! FAQ matching measured on realistic questions kept as data
//! (`tests/data/faq_questions.tsv`, written independently of the patterns),
//! checked through the real `opop-bot faq --json`, as content editors use it.

use std::io::Write;
use std::process::{Command, Stdio};

fn ask(question: &str, lang: &str) -> serde_json::Value {
    ask_many(&[question], lang).remove(0)
}

/// One `opop-bot faq --json -` run for many questions (one per line).
fn ask_many(questions: &[&str], lang: &str) -> Vec<serde_json::Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_opop-bot"))
        .args(["faq", "--json", "--lang", lang, "-"])
        .env_remove("OPOP_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(questions.join("\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn top1_accuracy_on_the_question_set_is_at_least_90_percent() {
    let data = include_str!("data/faq_questions.tsv");
    let mut total = 0;
    let mut right = 0;
    let mut by_lang: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    let mut misses = Vec::new();
    let mut rows = Vec::new();
    for line in data.lines().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        rows.push((
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        ));
    }
    let questions: Vec<&str> = rows.iter().map(|r| r.2).collect();
    let answers = ask_many(&questions, "id");
    assert_eq!(answers.len(), rows.len());
    for ((lang, expected, question), answer) in rows.iter().zip(&answers) {
        let got = answer["id"].as_str().unwrap_or("none");
        total += 1;
        let entry = by_lang.entry(*lang).or_default();
        entry.0 += 1;
        if got == *expected {
            right += 1;
            entry.1 += 1;
        } else {
            misses.push(format!(
                "  [{lang}] expected {expected}, got {got} ({}): {question}",
                answer["score"]
            ));
        }
    }
    let accuracy = right as f64 / total as f64;
    println!(
        "FAQ top-1 accuracy: {right}/{total} = {:.1} %",
        accuracy * 100.0
    );
    for (lang, (n, ok)) in &by_lang {
        println!("  {lang}: {ok}/{n}");
    }
    println!("misses:\n{}", misses.join("\n"));
    assert!(total >= 120, "the set has {total} questions");
    assert!(
        accuracy >= 0.90,
        "accuracy {:.1} % is below 90 %",
        accuracy * 100.0
    );
}

#[test]
fn json_output_has_the_documented_shape() {
    let v = ask("brp biaya daftar opop?", "id");
    assert_eq!(v["id"], "cost");
    let score = v["score"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&score));
    assert!(v["alternatives"].is_array());
    let v = ask("skor persebaya semalam berapa", "id");
    assert_eq!(v["id"], serde_json::Value::Null);
}
