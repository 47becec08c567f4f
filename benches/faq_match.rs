//! One FAQ match (issue: under 1 ms per question), on the shipped content
//! and on ten times as much: a synthetic FAQ of 200 entries × 20 examples
//! (the shipped examples dealt out to them, each entry with a word of its
//! own), with the shipped out-of-scope and small-talk examples.
//!
//! `cargo bench --bench faq_match`

use std::fmt::Write as _;

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use opop_bot::content::{Content, Faq};

const QUESTIONS: [&str; 6] = [
    "gmn cara daftar opop min?",
    "brp biayanya kalo mau ikut, gratisss ga?",
    "bisa bantu ekspor kopi ke cina ga?",
    "assalamualaikum min, mau tanya syarat pendaftaran pesantren apa saja ya, kami sudah punya kopontren tapi belum punya NSPP",
    "skor persebaya semalam berapa",
    "matur nuwun min",
];

/// 200 entries × 20 examples, in six categories.
fn ten_times(content: &Content) -> Faq {
    let mut file = String::new();
    for c in 0..6 {
        let _ = writeln!(file, "[[category]]\nid = \"c{c}\"\n");
    }
    for e in 0..200 {
        let _ = writeln!(
            file,
            "[[entry]]\nid = \"e{e:03}\"\ncategory = \"c{}\"\n",
            e % 6
        );
    }
    let mut faq = Faq::parse("faq.toml", &file).expect("synthetic faq parses");
    let shipped = content.faq.named_examples();
    let questions: Vec<&str> = shipped
        .iter()
        .filter(|(label, _)| label != "out-of-scope")
        .map(|(_, t)| t.as_str())
        .collect();
    let mut examples = String::new();
    for e in 0..200 {
        let _ = writeln!(examples, "[e{e:03}]\nexamples = [");
        for k in 0..20 {
            let q = questions[(e * 20 + k) % questions.len()];
            let _ = writeln!(examples, "  {:?},", format!("{q} kode{e}"));
        }
        examples.push_str("]\n");
    }
    examples.push_str("[out-of-scope]\nexamples = [\n");
    for (_, t) in shipped.iter().filter(|(label, _)| label == "out-of-scope") {
        let _ = writeln!(examples, "  {t:?},");
    }
    examples.push_str("]\n");
    faq.add_examples("dialogs/examples/id.toml", &examples)
        .expect("synthetic examples");
    let talk = std::fs::read_to_string("dialogs/examples/smalltalk.toml").expect("small talk");
    faq.add_examples("dialogs/examples/smalltalk.toml", &talk)
        .expect("small talk parses");
    faq.index();
    faq
}

fn faq_match(c: &mut Criterion) {
    let content = Content::embedded().expect("shipped content parses");
    c.bench_function("faq_match_one_question", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % QUESTIONS.len();
            black_box(content.faq.match_question(black_box(QUESTIONS[i])))
        })
    });
    let big = ten_times(&content);
    c.bench_function("faq_match_one_question_10x_content", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % QUESTIONS.len();
            black_box(big.match_question(black_box(QUESTIONS[i])))
        })
    });
    let long = "kopi ".repeat(2000);
    c.bench_function("faq_match_10k_chars", |b| {
        b.iter(|| black_box(content.faq.match_question(black_box(&long))))
    });
    c.bench_function("faq_index_shipped", |b| {
        b.iter(|| black_box(content.faq.with_learned(&[])))
    });
}

criterion_group!(benches, faq_match);
criterion_main!(benches);
