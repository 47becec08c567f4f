//! The staff workflow through the real `opop-bot run` process and the fake
//! Bot API: a staff group chosen with /grupstaf, a product notified with
//! its album and buttons, a refused stranger, "needs revision" with a
//! ForceReply reason and a resubmission under the same number, a question
//! answered by replying, two "take it" presses at once, and the daily
//! digest sent once across a restart.

use std::time::Duration;

use crate::support::bot::*;
use crate::support::fake_bot_api::{CallOutcome, FakeBotApi, SentMessage, TestChat, TestUser};
use serde_json::Value;

const ADMIN: i64 = 9001;
const BUDI: i64 = 9101;
const SARI: i64 = 9102;
const GROUP: i64 = -1_001_234_567_890;

/// Says `text` in the group; returns the bot's new replies there.
async fn say_in(f: &FakeBotApi, group: &TestChat, user: &TestUser, text: &str) -> String {
    let before = replies(f, group.id).len();
    f.push_update(f.group_text_update(group, user, text));
    new_replies(f, group.id, before, text).await
}

/// The newest message the bot sent to `chat` whose text contains `text`.
fn sent_with(f: &FakeBotApi, chat: i64, text: &str) -> SentMessage {
    f.sent_to(chat)
        .into_iter()
        .rev()
        .find(|m| m.plain_text.as_deref().is_some_and(|t| t.contains(text)))
        .unwrap_or_else(|| panic!("nothing with `{text}` sent to {chat}"))
}

fn data_for(message: &SentMessage, label: &str) -> String {
    message
        .button_texts()
        .iter()
        .zip(message.callback_data())
        .find(|(t, _)| t.contains(label))
        .map(|(_, d)| d)
        .unwrap_or_else(|| panic!("no button `{label}` in {:?}", message.button_texts()))
}

/// The toasts of answered button presses, in order.
fn toasts(f: &FakeBotApi) -> Vec<String> {
    f.calls("answerCallbackQuery")
        .into_iter()
        .filter(|c| matches!(c.outcome, CallOutcome::Ok(_)))
        .filter_map(|c| {
            c.params
                .get("text")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .collect()
}

async fn register_en(f: &FakeBotApi, user: &TestUser) {
    say(f, user, "/register").await;
    press(f, user, "I agree").await;
    say(f, user, "Pondok Pesantren Nurul Huda").await;
    say(f, user, "jember").await;
    press(f, user, "Sociopreneur").await;
    say(f, user, "Aisyah Rahma").await;
    say(f, user, "081355557777").await;
    press(f, user, "Skip").await;
    let t = press(f, user, "Submit").await;
    assert!(t.contains("profile has been saved"), "{t}");
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_review_in_the_staff_group() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let _bot = start_bot(
        &f,
        data.path(),
        &[
            ("OPOP_ADMINS", &ADMIN.to_string()),
            ("OPOP_STAFF", &format!("{BUDI},{SARI}")),
        ],
    );
    assert!(f.wait_for_polling(WAIT).await, "the bot polls");
    let group = TestChat::supergroup(GROUP, "Sekretariat OPOP");
    let admin = TestUser::new(ADMIN, "Admin").lang("id");
    let budi = TestUser::new(BUDI, "Budi").lang("id");
    let sari = TestUser::new(SARI, "Sari").lang("id");
    let stranger = TestUser::new(9200, "Tamu").lang("id");
    let year = this_year();

    // Nobody knows the group's id: an admin sends /grupstaf there.
    let t = say_in(&f, &group, &admin, "/grupstaf").await;
    assert!(
        t.starts_with("✅ Grup ini sekarang menjadi grup petugas OPOP"),
        "{t}"
    );

    // An English-speaking manager submits a product with a 2-photo album.
    let manager = TestUser::new(701, "Aisyah").lang("en");
    register_en(&f, &manager).await;
    say(&f, &manager, "/product").await;
    say(&f, &manager, "Virgin Coconut Oil").await;
    press(&f, &manager, "Coconut products").await;
    say(&f, &manager, "Cold-pressed coconut oil made by the santri.").await;
    let before = replies(&f, manager.id).len();
    f.push_update(f.photo_update(&manager, None, Some("vco")));
    f.push_update(f.photo_update(&manager, None, Some("vco")));
    new_replies(&f, manager.id, before, "album").await;
    press(&f, &manager, "Done").await;
    say(&f, &manager, "45000").await;
    say(&f, &manager, "300").await;
    press(&f, &manager, "Halal").await;
    press(&f, &manager, "Done").await;
    press(&f, &manager, "No").await;
    let t = press(&f, &manager, "Submit").await;
    let number = format!("PRD-{year}-00001");
    assert!(t.contains(&number), "{t}");

    // The staff group gets the album (caption with the number), then the
    // notice with the three review buttons.
    let notice = f
        .wait_for(
            |f| {
                f.sent_to(GROUP).into_iter().find(|m| {
                    m.plain_text
                        .as_deref()
                        .is_some_and(|t| t.contains("🆕 Pengajuan produk"))
                })
            },
            WAIT,
        )
        .await
        .expect("a notice in the staff group");
    let album: Vec<SentMessage> = f
        .sent_to(GROUP)
        .into_iter()
        .filter(|m| m.method == "sendMediaGroup")
        .collect();
    assert_eq!(album.len(), 2, "two photos in one album");
    assert_eq!(
        album[0].plain_text.as_deref(),
        Some(format!("📷 {number} – Virgin Coconut Oil").as_str())
    );
    let text = notice.plain_text.clone().unwrap();
    assert!(
        text.contains(&format!("🆕 Pengajuan produk · {number}")),
        "{text}"
    );
    assert!(
        text.contains("🏫 Pondok Pesantren Nurul Huda – Kabupaten Jember"),
        "{text}"
    );
    assert_eq!(
        notice.button_texts(),
        ["✅ Setujui", "✏️ Perlu revisi", "❌ Tolak"]
    );

    // A group member who is not staff presses Approve: refused, nothing changes.
    f.push_update(f.callback_update(&stranger, &notice, &data_for(&notice, "Setujui")));
    f.wait_for(
        |f| {
            toasts(f)
                .contains(&"Tombol ini khusus petugas OPOP.".to_string())
                .then_some(())
        },
        WAIT,
    )
    .await
    .expect("the stranger is told");

    // Budi: "Needs revision" -> a ForceReply prompt -> his reply is the reason.
    let before_group = f.sent_to(GROUP).len();
    f.push_update(f.callback_update(&budi, &notice, &data_for(&notice, "Perlu revisi")));
    let prompt = f
        .wait_for(
            |f| {
                f.sent_to(GROUP).into_iter().skip(before_group).find(|m| {
                    m.reply_markup
                        .as_ref()
                        .is_some_and(|r| r["force_reply"] == true)
                })
            },
            WAIT,
        )
        .await
        .expect("a ForceReply prompt");
    assert_eq!(prompt.reply_markup.as_ref().unwrap()["selective"], true);
    assert!(
        prompt
            .plain_text
            .as_deref()
            .unwrap()
            .starts_with("✏️ Budi, tulis catatan perbaikan"),
        "{:?}",
        prompt.plain_text
    );
    let before = replies(&f, manager.id).len();
    f.push_update(f.group_reply_update(
        &group,
        &budi,
        "Foto label komposisi belum jelas.",
        &prompt,
    ));
    let t = new_replies(&f, manager.id, before, "revision").await;
    assert!(
        t.starts_with(&format!(
            "✏️ Product Virgin Coconut Oil ({number}) needs revision"
        )),
        "the submitter is told in English: {t}"
    );
    assert!(
        t.contains("Staff note: Foto label komposisi belum jelas."),
        "{t}"
    );
    let edited = f
        .wait_for(
            |f| {
                f.calls("editMessageText").into_iter().find(|c| {
                    c.chat_id == Some(GROUP)
                        && c.params["text"].as_str().is_some_and(|t| {
                            opop_bot::html::to_plain(t).contains("Perlu perbaikan – oleh Budi")
                        })
                })
            },
            WAIT,
        )
        .await;
    assert!(
        edited.is_some(),
        "the notice shows the new status and who acted"
    );

    // The manager fixes and resubmits: same number.
    let t = press(&f, &manager, "Fix and resubmit").await;
    assert!(t.contains(&format!("Revising {number}")), "{t}");
    let t = press(&f, &manager, "Submit").await;
    assert!(t.contains(&format!("keeps the number {number}")), "{t}");
    f.wait_for(
        |f| {
            f.sent_to(GROUP)
                .iter()
                .any(|m| {
                    m.plain_text
                        .as_deref()
                        .is_some_and(|t| t.contains("dikirim ulang setelah perbaikan"))
                })
                .then_some(())
        },
        WAIT,
    )
    .await
    .expect("the resubmission is notified");
    let t = say_in(&f, &group, &budi, &format!("/tiket {number}")).await;
    let history: Vec<&str> = t
        .split("Riwayat\n")
        .nth(1)
        .expect("a history")
        .lines()
        .take_while(|l| l.starts_with('•'))
        .collect();
    assert_eq!(history.len(), 3, "{t}");
    assert!(history[0].contains("Menunggu peninjauan – pengaju"), "{t}");
    assert!(
        history[1].contains("Perlu perbaikan – Budi (Foto label komposisi belum jelas.)"),
        "{t}"
    );
    assert!(history[2].contains("Menunggu peninjauan – pengaju"), "{t}");

    // A question, answered by replying to its notice in the group.
    let t = say(&f, &manager, "who won the football match last night?").await;
    assert!(t.contains("I don't have an answer"), "{t}");
    let t = press(&f, &manager, "Ask the staff").await;
    let question = format!("QST-{year}-00001");
    assert!(t.contains(&question), "{t}");
    let qst_notice = f
        .wait_for(
            |f| {
                f.sent_to(GROUP).into_iter().find(|m| {
                    m.plain_text.as_deref().is_some_and(|t| {
                        t.contains(&format!("🆕 Pertanyaan untuk petugas · {question}"))
                    })
                })
            },
            WAIT,
        )
        .await
        .expect("the question reaches the staff");
    let before = replies(&f, manager.id).len();
    f.push_update(f.group_reply_update(
        &group,
        &sari,
        "Maaf, kami hanya melayani pertanyaan seputar program OPOP.",
        &qst_notice,
    ));
    let t = new_replies(&f, manager.id, before, "answer").await;
    assert_eq!(
        t,
        format!(
            "💬 Answer from OPOP staff to question {question}\n\n\
             Your question: who won the football match last night?\n\n\
             Maaf, kami hanya melayani pertanyaan seputar program OPOP."
        )
    );

    // A mentoring request; Budi and Sari press "Take it" at the same time.
    say(&f, &manager, "/mentoring").await;
    press(&f, &manager, "Packaging").await;
    press(&f, &manager, "Done").await;
    say(&f, &manager, "We need sturdier bottles for export.").await;
    press(&f, &manager, "Online").await;
    say(&f, &manager, "Tuesday afternoon").await;
    let t = press(&f, &manager, "Submit").await;
    let mentoring = format!("MNT-{year}-00001");
    assert!(t.contains(&mentoring), "{t}");
    let mnt_notice = f
        .wait_for(
            |f| {
                f.sent_to(GROUP).into_iter().find(|m| {
                    m.plain_text.as_deref().is_some_and(|t| {
                        t.contains(&format!("🆕 Permintaan pendampingan · {mentoring}"))
                    })
                })
            },
            WAIT,
        )
        .await
        .expect("the mentoring request reaches the staff");
    let take = data_for(&mnt_notice, "Saya tangani");
    let before = replies(&f, manager.id).len();
    f.push_updates([
        f.callback_update(&budi, &mnt_notice, &take),
        f.callback_update(&sari, &mnt_notice, &take),
    ]);
    new_replies(&f, manager.id, before, "take").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let assigned: Vec<String> = replies(&f, manager.id)[before..]
        .iter()
        .map(text_of)
        .filter(|t| t.contains("is now handled by"))
        .collect();
    assert_eq!(assigned.len(), 1, "exactly one assignment: {assigned:?}");
    let told = toasts(&f)
        .iter()
        .filter(|t| t.starts_with("Sudah ditangani: Sedang ditangani oleh"))
        .count();
    assert_eq!(told, 1, "the second presser is told: {:?}", toasts(&f));

    f.assert_no_rejections();
    f.wait_for(
        |f| f.unanswered_callback_queries().is_empty().then_some(()),
        WAIT,
    )
    .await
    .expect("every press answered");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_daily_digest_is_sent_once_even_across_a_restart() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let env = [
        ("OPOP_STAFF_CHAT", GROUP.to_string()),
        ("OPOP_STAFF", BUDI.to_string()),
        // A time already past today: the bot was "down" then, so it sends
        // today's digest as soon as it starts.
        ("OPOP_DIGEST_AT", "00:00".to_string()),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let digests = |f: &FakeBotApi| {
        f.sent_to(GROUP)
            .into_iter()
            .filter(|m| {
                m.plain_text
                    .as_deref()
                    .is_some_and(|t| t.starts_with("📊 Ringkasan harian OPOP"))
            })
            .count()
    };
    let bot = start_bot(&f, data.path(), &env);
    f.wait_for(|f| (digests(f) == 1).then_some(()), WAIT)
        .await
        .expect("the digest is sent at start");
    let text = sent_with(&f, GROUP, "Ringkasan harian").plain_text.unwrap();
    assert!(text.contains("👥 Pengguna: 0 total"), "{text}");
    // With it, the weekly chart: a PNG that decodes.
    let charts = |f: &FakeBotApi| -> Vec<SentMessage> {
        f.sent_to(GROUP)
            .into_iter()
            .filter(|m| m.method == "sendPhoto")
            .collect()
    };
    let chart = f
        .wait_for(|f| charts(f).into_iter().next(), WAIT)
        .await
        .expect("the digest's chart");
    assert_eq!(
        chart.plain_text.as_deref(),
        Some("📈 Pengajuan per minggu, 12 minggu terakhir")
    );
    let file_id = chart.message["photo"]
        .as_array()
        .and_then(|sizes| sizes.last())
        .and_then(|p| p["file_id"].as_str())
        .expect("a photo")
        .to_string();
    let png = f.file_bytes(&file_id).expect("the uploaded picture");
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let info = decoder
        .read_info()
        .expect("a PNG that decodes")
        .info()
        .clone();
    assert_eq!((info.width, info.height), (960, 480));
    tokio::time::sleep(Duration::from_secs(1)).await;
    drop(bot);
    let _bot = start_bot(&f, data.path(), &env);
    assert!(f.wait_for_polling(WAIT).await);
    // The digest check runs right at start; give it time to (not) send.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(digests(&f), 1, "not sent twice");
    assert_eq!(charts(&f).len(), 1, "nor its chart");
}

#[tokio::test(flavor = "multi_thread")]
async fn staff_export_as_a_document_and_a_backup_while_running() {
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let env = [
        ("OPOP_STAFF_CHAT", GROUP.to_string()),
        ("OPOP_STAFF", BUDI.to_string()),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let _bot = start_bot(&f, data.path(), &env);
    assert!(f.wait_for_polling(WAIT).await);
    let manager = TestUser::new(702, "Rahma").lang("id");
    register(&f, &manager).await;

    // Someone who is not staff asks privately: refused.
    let t = say(&f, &manager, "/ekspor").await;
    assert_eq!(
        t,
        "Perintah ini khusus petugas OPOP. Ketik /menu untuk melihat menu."
    );

    let group = TestChat::supergroup(GROUP, "Sekretariat OPOP");
    let budi = TestUser::new(BUDI, "Budi").lang("id");
    f.push_update(f.group_text_update(&group, &budi, "/ekspor"));
    let doc = f
        .wait_for(
            |f| {
                f.sent_to(GROUP)
                    .into_iter()
                    .find(|m| m.method == "sendDocument")
            },
            WAIT,
        )
        .await
        .expect("the workbook arrives");
    assert!(
        doc.plain_text
            .as_deref()
            .unwrap()
            .starts_with("📊 Ekspor data OPOP: 1 pesantren, 0 produk"),
        "{:?}",
        doc.plain_text
    );
    let file_id = doc.message["document"]["file_id"].as_str().unwrap();
    assert!(
        doc.message["document"]["file_name"]
            .as_str()
            .unwrap()
            .ends_with(".xlsx")
    );
    let bytes = f.file_bytes(file_id).expect("uploaded bytes");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Pesantren").unwrap();
    assert_eq!(sheet.height(), 2);
    assert_eq!(
        sheet.get((1, 1)).unwrap().to_string(),
        "Pondok Pesantren Al Hikmah"
    );

    // The store is locked by the running bot; the command goes through it.
    let out = data.path().join("manual.jsonl");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_opop-bot"))
        .args(["backup", "--out", out.to_str().unwrap()])
        .env("OPOP_DATA_DIR", data.path())
        .env_remove("OPOP_CONFIG")
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let backup = std::fs::read_to_string(&out).unwrap();
    assert!(backup.starts_with("{\"format\":\"opop-bot backup\""));
    assert!(backup.contains("Pondok Pesantren Al Hikmah"));
    // And the day's automatic backup is there.
    let daily: Vec<_> = std::fs::read_dir(data.path().join("backups"))
        .unwrap()
        .collect();
    assert_eq!(daily.len(), 1);
}
