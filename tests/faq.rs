//! FAQ matching measured on realistic questions kept as data
//! (`tests/data/faq_questions.tsv`, written independently of the patterns),
//! checked through the real `opop-bot faq --json`, as content editors use it.

mod common;

fn ask(question: &str, lang: &str) -> serde_json::Value {
    ask_many(&[question], lang).remove(0)
}

/// One `opop-bot faq --json -` run for many questions (one per line).
fn ask_many(questions: &[&str], lang: &str) -> Vec<serde_json::Value> {
    let out = common::run_binary(
        &["faq", "--json", "--lang", lang, "-"],
        &questions.join("\n"),
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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

#[test]
fn lang_shows_the_matched_question_as_the_bot_titles_it() {
    let v = ask("brp biaya daftar opop?", "en");
    assert_eq!(v["question"], "How much does it cost to join?");
    let v = ask("brp biaya daftar opop?", "id");
    assert_eq!(v["question"], "Berapa biaya ikut OPOP?");
    let out = common::run_binary(&["faq", "--lang", "en", "brp biaya daftar opop?"], "", &[]);
    let line = String::from_utf8_lossy(&out.stdout);
    assert!(line.starts_with("cost 0."), "{line}");
    assert!(
        line.trim_end()
            .ends_with("\tHow much does it cost to join?"),
        "{line}"
    );
}

mod conversation {
    //! The FAQ inside a chat: answers, suggestions, browsing, feedback and
    //! questions handed to the staff as QST tickets.

    use super::common::{self, Chat};
    use opop_bot::records::{Answer, FaqLogKind};

    #[test]
    fn a_typed_question_gets_its_answer_and_feedback_buttons() {
        let mut chat = Chat::new();
        let t = chat.send("gmn cara daftar opop?");
        assert!(
            t.starts_with("Bagaimana cara mendaftar ke OPOP?") || t.contains("daftar"),
            "{t}"
        );
        assert!(t.ends_with("Apakah jawaban ini membantu?"), "{t}");
        assert_eq!(
            chat.last_buttons()[..3],
            ["👍 Membantu", "👎 Belum", "🙋 Tanya petugas"]
        );
        chat.press("👍");
        assert_eq!(
            chat.last_toast.as_deref(),
            Some("Terima kasih atas masukannya!")
        );
        let t = chat.press("👎");
        assert!(t.starts_with("Maaf jawabannya belum membantu."), "{t}");
        let logs: Vec<_> = chat.app.store.faq_logs().map(Result::unwrap).collect();
        assert_eq!(logs.len(), 2);
        assert_eq!(logs[1].kind, FaqLogKind::Unhelpful);
        assert_eq!(logs[1].text.as_deref(), Some("gmn cara daftar opop?"));
    }

    #[test]
    fn an_unknown_question_is_recorded_and_can_go_to_the_staff() {
        let mut chat = Chat::new();
        let t = chat.send("skor persebaya semalam berapa?");
        assert!(
            t.starts_with("Maaf, saya belum punya jawaban untuk pertanyaan itu."),
            "{t}"
        );
        let logs: Vec<_> = chat.app.store.faq_logs().map(Result::unwrap).collect();
        assert_eq!(logs[0].kind, FaqLogKind::Unanswered);
        assert_eq!(
            logs[0].text.as_deref(),
            Some("skor persebaya semalam berapa?")
        );
        let t = chat.press("Tanya petugas");
        assert!(
            t.contains("Pertanyaan Anda sudah diteruskan ke petugas OPOP."),
            "{t}"
        );
        assert!(t.contains("Nomor tiket: QST-2026-00001"), "{t}");
        let ticket = chat.app.store.ticket("QST-2026-00001").unwrap().unwrap();
        assert_eq!(
            ticket.answers["question"],
            Answer::Text("skor persebaya semalam berapa?".into())
        );
        let t = chat.send("/status");
        assert!(
            t.contains("QST-2026-00001 – skor persebaya semalam berapa?: Menunggu peninjauan"),
            "{t}"
        );
    }

    #[test]
    fn browsing_edits_one_message_from_categories_to_answer_and_back() {
        let mut chat = Chat::new();
        let t = chat.send("/tanya");
        assert!(
            t.starts_with("Tanya jawab seputar OPOP – pilih topik:"),
            "{t}"
        );
        assert!(
            chat.last_buttons()
                .contains(&"📝 Cara Ikut OPOP".to_string()),
            "{:?}",
            chat.last_buttons()
        );
        let t = chat.press("Cara Ikut OPOP");
        assert!(
            t.starts_with("📝 Cara Ikut OPOP – pilih pertanyaan:"),
            "{t}"
        );
        let edited = chat.last[0].edit;
        assert!(edited.is_some(), "browsing edits the message");
        chat.press("biaya");
        assert_eq!(chat.last[0].edit, edited, "the answer replaces the list");
        assert!(chat.text().ends_with("Apakah jawaban ini membantu?"));
        let t = chat.press("Kembali");
        assert!(
            t.starts_with("📝 Cara Ikut OPOP – pilih pertanyaan:"),
            "{t}"
        );
        // Asking the staff without a typed question opens the question form.
        chat.press("Kembali");
        chat.send("/tanya");
        chat.press("Kontak");
        chat.press("menghubungi");
        let t = chat.press("Tanya petugas");
        assert!(
            t.contains("Tulis pertanyaan Anda untuk petugas OPOP."),
            "{t}"
        );
    }

    #[test]
    fn every_faq_answer_fits_a_phone_screen_in_both_languages() {
        let app = common::app();
        for entry in &app.content.faq.entries {
            for lang in opop_bot::i18n::Lang::ALL {
                let text =
                    app.content
                        .i18n
                        .text(lang, &entry.answer_id(), opop_bot::i18n::Args::new());
                let len = opop_bot::html::visible_len(&text);
                assert!(len <= 900, "{} in {lang}: {len} characters", entry.id);
                opop_bot::html::validate(&text).unwrap();
            }
        }
    }
}
