//! Reference bot of `benches/load.rs`: opop-bot's product submission form
//! (same questions, buttons and Bot API calls per step) as a minimal
//! teloxide dialogue, with no client-side throttling.
//!
//! `teloxide-form inmem` keeps dialogues in `InMemStorage`;
//! `teloxide-form sqlite` in `SqliteStorage` at `$PEER_DATA_DIR/peer.sqlite`.
//! The bot comes from `TELOXIDE_TOKEN` and `TELOXIDE_API_URL`.

use std::sync::atomic::{AtomicU32, Ordering};

use serde::{Deserialize, Serialize};
use teloxide::dispatching::dialogue::{
    self, serializer::Json, ErasedStorage, InMemStorage, SqliteStorage, Storage,
};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, ParseMode};
use teloxide::utils::html::escape;

type FormDialogue = Dialogue<State, ErasedStorage<State>>;
type Keyboard = Vec<Vec<InlineKeyboardButton>>;
type HandlerResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

const INTRO: &str = "<b>Pengajuan produk untuk kurasi</b> 📦\n\
    Siapkan 1–5 foto produk. Anda bisa /kembali atau /batal kapan saja.";
const IDLE: &str = "Ketik /produk untuk mengajukan produk.";
// Options (code, label), laid out as their keyboards: two a row.
#[rustfmt::skip]
const CATEGORIES: &[(&str, &str)] = &[
    ("food", "Makanan & minuman"), ("coffee", "Kopi"),
    ("coconut", "Olahan kelapa"), ("fashion", "Busana muslim"),
    ("crafts", "Kerajinan"), ("herbal", "Herbal & kosmetik"),
    ("agri", "Pertanian & peternakan"), ("services", "Jasa"),
    ("other", "Lainnya"),
];
#[rustfmt::skip]
const CERTS: &[(&str, &str)] = &[
    ("halal", "Halal"), ("pirt", "PIRT"),
    ("bpom", "BPOM"), ("sni", "SNI"),
    ("none", "Belum ada"),
];
#[rustfmt::skip]
const MARKETS: &[(&str, &str)] = &[
    ("asean", "ASEAN (mis. Malaysia)"), ("china", "Tiongkok / Hong Kong"),
    ("middle_east", "Timur Tengah"), ("east_asia", "Jepang / Korea"),
    ("europe", "Eropa"), ("america", "Amerika"),
    ("other", "Lainnya"),
];

/// Tickets handed out since the process started.
static TICKETS: AtomicU32 = AtomicU32::new(0);

#[derive(Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
enum Step {
    #[default]
    Idle,
    Name,
    Category,
    Description,
    Photos,
    Price,
    Capacity,
    Certs,
    Export,
    Markets,
    Summary,
}

#[derive(Clone, Default, Serialize, Deserialize)]
struct Draft {
    name: String,
    category: String,
    description: String,
    photos: Vec<String>,
    price: u64,
    capacity: u64,
    certs: Vec<String>,
    export: bool,
    markets: Vec<String>,
}

#[derive(Clone, Default, Serialize, Deserialize)]
pub struct State {
    step: Step,
    draft: Draft,
}

#[tokio::main]
async fn main() {
    env_logger::init();
    let storage = match std::env::args().nth(1).as_deref() {
        Some("sqlite") => {
            let dir = std::env::var("PEER_DATA_DIR").unwrap_or_else(|_| ".".into());
            let path = format!("{dir}/peer.sqlite");
            SqliteStorage::open(&path, Json).await.unwrap().erase()
        }
        _ => InMemStorage::<State>::new().erase(),
    };
    let handler = dialogue::enter::<Update, ErasedStorage<State>, State, _>()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(Update::filter_callback_query().endpoint(on_callback));
    Dispatcher::builder(Bot::from_env(), handler)
        .dependencies(dptree::deps![storage])
        .enable_ctrlc_handler()
        .build()
        .dispatch()
        .await;
}

async fn on_message(bot: Bot, dialogue: FormDialogue, state: State, msg: Message) -> HandlerResult {
    let State { step, mut draft } = state;
    let text = msg.text().map(str::trim).unwrap_or_default();
    let chars = text.chars().count();
    let next = match (step, msg.photo()) {
        _ if text == "/produk" => {
            // One message, as opop-bot sends it: the intro above the first
            // question.
            let draft = Draft::default();
            let (question, keyboard) = question(Step::Name, &draft);
            dialogue.update(State { step: Step::Name, draft }).await?;
            let text = format!("{INTRO}\n\n{question}");
            return send(&bot, msg.chat.id, text, Some(keyboard)).await;
        }
        (Step::Idle, _) => return send(&bot, msg.chat.id, IDLE.into(), None).await,
        _ if text == "/batal" => return cancel(&bot, &dialogue).await,
        (Step::Photos, Some(sizes)) => {
            let largest = sizes.iter().max_by_key(|p| p.width * p.height);
            if let (Some(photo), true) = (largest, draft.photos.len() < 5) {
                draft.photos.push(photo.file.id.0.clone());
            }
            let text = format!(
                "Foto {} dari maksimal 5 diterima. Kirim foto lagi, atau tekan <b>Selesai</b>.",
                draft.photos.len()
            );
            dialogue.update(State { step, draft }).await?;
            let keyboard = vec![vec![button("✔️ Selesai", "5:d")], back_cancel(5)];
            return send(&bot, msg.chat.id, text, Some(keyboard)).await;
        }
        (Step::Photos, None) => Err("Di langkah ini saya menunggu foto produk."),
        (Step::Name, None) if (3..=100).contains(&chars) => {
            draft.name = text.into();
            Ok(Step::Category)
        }
        (Step::Name, _) => Err("Nama produk berupa teks 3–100 karakter."),
        (Step::Description, None) if (10..=1000).contains(&chars) => {
            draft.description = text.into();
            Ok(Step::Photos)
        }
        (Step::Description, _) => Err("Deskripsi berupa teks 10–1000 karakter."),
        (Step::Price, _) => number(text, 100..=1_000_000_000).map(|n| {
            draft.price = n;
            Step::Capacity
        }),
        (Step::Capacity, _) => number(text, 1..=100_000_000).map(|n| {
            draft.capacity = n;
            Step::Certs
        }),
        _ => Err("Di langkah ini silakan pilih dengan tombol."),
    };
    match next {
        Ok(next) => ask(&bot, &dialogue, next, draft).await,
        Err(problem) => send(&bot, msg.chat.id, format!("⚠️ {problem}"), None).await,
    }
}

async fn on_callback(
    bot: Bot,
    dialogue: FormDialogue,
    state: State,
    q: CallbackQuery,
) -> HandlerResult {
    bot.answer_callback_query(q.id.clone()).await?;
    let (Some(data), Some(message)) = (q.data.as_deref(), q.message.as_ref()) else {
        return Ok(());
    };
    let chat = message.chat().id;
    let State { step, mut draft } = state;
    let action = data.split_once(':').map_or("", |(_, action)| action);
    let next = match (step, action) {
        (Step::Idle, _) => return send(&bot, chat, IDLE.into(), None).await,
        (_, "x") => return cancel(&bot, &dialogue).await,
        (_, "b") => Ok(step),
        (Step::Category, a) if a.starts_with("c:") => {
            draft.category = a[2..].into();
            Ok(Step::Description)
        }
        (Step::Certs | Step::Markets, a) if a.starts_with("t:") => {
            let chosen = if step == Step::Certs { &mut draft.certs } else { &mut draft.markets };
            let code = a[2..].to_string();
            if chosen.contains(&code) {
                chosen.retain(|c| *c != code);
            } else {
                // "Belum ada" (none) excludes the others.
                chosen.retain(|c| c != "none" && code != "none");
                chosen.push(code);
            }
            let (text, keyboard) = question(step, &draft);
            dialogue.update(State { step, draft }).await?;
            bot.edit_message_text(chat, message.id(), text)
                .parse_mode(ParseMode::Html)
                .reply_markup(InlineKeyboardMarkup::new(keyboard))
                .await?;
            return Ok(());
        }
        (Step::Photos, "d") if !draft.photos.is_empty() => Ok(Step::Price),
        (Step::Certs, "d") if !draft.certs.is_empty() => Ok(Step::Export),
        (Step::Markets, "d") if !draft.markets.is_empty() => Ok(Step::Summary),
        (Step::Photos | Step::Certs | Step::Markets, "d") => {
            Err("Kirim atau pilih minimal satu dulu.")
        }
        (Step::Export, "y" | "n") => {
            draft.export = action == "y";
            draft.markets.clear();
            Ok(if draft.export { Step::Markets } else { Step::Summary })
        }
        (Step::Summary, "s") => {
            let ticket = TICKETS.fetch_add(1, Ordering::Relaxed) + 1;
            dialogue.exit().await?;
            let text = format!(
                "✅ Terima kasih! Produk Anda sudah kami terima untuk dikurasi. \
                 Nomor tiket: <b>PRD-2026-{ticket:05}</b>"
            );
            let keyboard = vec![vec![button("🏠 Menu", "m:menu")]];
            return send(&bot, chat, text, Some(keyboard)).await;
        }
        (Step::Summary, "e") => Ok(Step::Name),
        _ => Err("Tombol itu tidak berlaku di langkah ini."),
    };
    match next {
        Ok(next) => ask(&bot, &dialogue, next, draft).await,
        Err(problem) => send(&bot, chat, format!("⚠️ {problem}"), None).await,
    }
}

/// Moves the dialogue to `step` and sends its question.
async fn ask(bot: &Bot, dialogue: &FormDialogue, step: Step, draft: Draft) -> HandlerResult {
    let (text, keyboard) = question(step, &draft);
    dialogue.update(State { step, draft }).await?;
    send(bot, dialogue.chat_id(), text, Some(keyboard)).await
}

async fn cancel(bot: &Bot, dialogue: &FormDialogue) -> HandlerResult {
    dialogue.exit().await?;
    send(bot, dialogue.chat_id(), "Dibatalkan.".into(), None).await
}

async fn send(bot: &Bot, chat: ChatId, text: String, keyboard: Option<Keyboard>) -> HandlerResult {
    let request = bot.send_message(chat, text).parse_mode(ParseMode::Html);
    match keyboard {
        Some(rows) => request.reply_markup(InlineKeyboardMarkup::new(rows)).await?,
        None => request.await?,
    };
    Ok(())
}

/// The text and buttons of a step's question (or of the summary).
fn question(step: Step, d: &Draft) -> (String, Keyboard) {
    let (n, number, prompt) = match step {
        Step::Name => (1, 1, "Apa <b>nama produk</b> Anda?"),
        Step::Category => (2, 2, "Termasuk <b>kategori</b> apa produk ini?"),
        Step::Description => (3, 3, "Ceritakan <b>produk</b> ini secara singkat."),
        Step::Photos => (4, 4, "Kirim <b>foto produk</b> yang jelas (1–5 foto)."),
        Step::Price => (6, 5, "Berapa <b>harga jual</b> per kemasan (Rp)?"),
        Step::Capacity => (7, 6, "Berapa <b>kapasitas produksi</b> per bulan?"),
        Step::Certs => (8, 7, "<b>Sertifikat/izin</b> apa saja yang sudah dimiliki?"),
        Step::Export => (9, 8, "Apakah pesantren Anda <b>tertarik ekspor</b>?"),
        Step::Markets => (10, 9, "Ke <b>pasar</b> mana ekspor yang dituju?"),
        Step::Summary | Step::Idle => return summary(d),
    };
    let total = if d.export { 9 } else { 8 };
    let text = format!("<i>Pengajuan produk · {number}/{total}</i>\n{prompt}");
    let mut rows = match step {
        Step::Category => CATEGORIES
            .chunks(2)
            .map(|row| row.iter().map(|(c, l)| button(l, &format!("2:c:{c}"))).collect())
            .collect(),
        Step::Certs => toggles(8, CERTS, &d.certs),
        Step::Export => vec![vec![button("Ya", "9:y"), button("Tidak", "9:n")]],
        Step::Markets => toggles(10, MARKETS, &d.markets),
        _ => vec![],
    };
    rows.push(back_cancel(n));
    (text, rows)
}

fn summary(d: &Draft) -> (String, Keyboard) {
    let labels = |options: &[(&str, &str)], chosen: &[String]| {
        let chosen = options.iter().filter(|(c, _)| chosen.iter().any(|x| x == c));
        chosen.map(|(_, l)| escape(l)).collect::<Vec<_>>().join(", ")
    };
    let lines = [
        ("Nama produk", escape(&d.name)),
        ("Kategori", labels(CATEGORIES, std::slice::from_ref(&d.category))),
        ("Deskripsi", escape(&d.description)),
        ("Foto", format!("{} foto", d.photos.len())),
        ("Harga", format!("Rp {}", d.price)),
        ("Kapasitas per bulan", d.capacity.to_string()),
        ("Sertifikat", labels(CERTS, &d.certs)),
        ("Minat ekspor", (if d.export { "Ya" } else { "Tidak" }).into()),
        ("Pasar tujuan", labels(MARKETS, &d.markets)),
    ];
    let mut text = "<b>Ringkasan – Pengajuan produk</b>".to_string();
    for (label, value) in lines.iter().filter(|(_, v)| !v.is_empty()) {
        text += &format!("\n• <b>{label}</b>: {value}");
    }
    text += "\n\nSudah benar? Tekan <b>Kirim</b>, atau <b>Ubah</b> untuk memperbaiki.";
    let rows = vec![
        vec![button("✅ Kirim", "11:s")],
        vec![button("✏️ Ubah", "11:e"), button("✖ Batal", "11:x")],
    ];
    (text, rows)
}

fn toggles(n: u8, options: &[(&str, &str)], chosen: &[String]) -> Keyboard {
    let mut rows: Vec<Vec<_>> = options
        .chunks(2)
        .map(|row| {
            let toggle = |(code, label): &(&str, &str)| {
                let mark = if chosen.iter().any(|c| c == code) { "✅" } else { "▫️" };
                button(&format!("{mark} {label}"), &format!("{n}:t:{code}"))
            };
            row.iter().map(toggle).collect()
        })
        .collect();
    rows.push(vec![button("✔️ Selesai", &format!("{n}:d"))]);
    rows
}

fn back_cancel(n: u8) -> Vec<InlineKeyboardButton> {
    vec![button("⬅ Kembali", &format!("{n}:b")), button("✖ Batal", &format!("{n}:x"))]
}

fn button(label: &str, data: &str) -> InlineKeyboardButton {
    InlineKeyboardButton::callback(label, data)
}

/// A whole number in `range`, dots and spaces allowed as separators.
fn number(text: &str, range: std::ops::RangeInclusive<u64>) -> Result<u64, &'static str> {
    let digits: String = text.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    match digits.parse::<u64>() {
        Ok(n) if range.contains(&n) => Ok(n),
        Ok(_) => Err("Angkanya di luar batas."),
        Err(_) => Err("Itu bukan angka yang bisa saya baca, misalnya 25000."),
    }
}
