//! One FAQ match on the shipped content (issue: under 1 ms per question).
//!
//! `cargo bench --bench faq_match`

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use opop_bot::content::Content;

fn faq_match(c: &mut Criterion) {
    let content = Content::embedded().expect("shipped content parses");
    let questions = [
        "gmn cara daftar opop min?",
        "brp biayanya kalo mau ikut, gratisss ga?",
        "bisa bantu ekspor kopi ke cina ga?",
        "assalamualaikum min, mau tanya syarat pendaftaran pesantren apa saja ya, kami sudah punya kopontren tapi belum punya NSPP",
        "skor persebaya semalam berapa",
    ];
    c.bench_function("faq_match_one_question", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % questions.len();
            black_box(content.faq.match_question(black_box(questions[i])))
        })
    });
    let long = "kopi ".repeat(2000);
    c.bench_function("faq_match_10k_chars", |b| {
        b.iter(|| black_box(content.faq.match_question(black_box(&long))))
    });
}

criterion_group!(benches, faq_match);
criterion_main!(benches);
