"""Reference bot of benches/load.rs: opop-bot's product submission form
(same questions, buttons and Bot API calls per step) as a minimal aiogram 3
FSM bot with MemoryStorage and long polling, no client-side throttling.

The bot comes from TELOXIDE_TOKEN and TELOXIDE_API_URL (the fake Bot API).
"""

import asyncio
import html
import itertools
import os

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

INTRO = (
    "<b>Pengajuan produk untuk kurasi</b> 📦\n"
    "Siapkan 1–5 foto produk. Anda bisa /kembali atau /batal kapan saja."
)
CATEGORIES = {
    "food": "Makanan & minuman", "coffee": "Kopi", "coconut": "Olahan kelapa",
    "fashion": "Busana muslim", "crafts": "Kerajinan", "herbal": "Herbal & kosmetik",
    "agri": "Pertanian & peternakan", "services": "Jasa", "other": "Lainnya",
}
CERTS = {"halal": "Halal", "pirt": "PIRT", "bpom": "BPOM", "sni": "SNI", "none": "Belum ada"}
MARKETS = {
    "asean": "ASEAN (mis. Malaysia)", "china": "Tiongkok / Hong Kong",
    "middle_east": "Timur Tengah", "east_asia": "Jepang / Korea",
    "europe": "Eropa", "america": "Amerika", "other": "Lainnya",
}
TICKETS = itertools.count(1)


class Form(StatesGroup):
    name = State()
    category = State()
    description = State()
    photos = State()
    price = State()
    capacity = State()
    certs = State()
    export = State()
    markets = State()
    summary = State()


# State -> (callback number, question number, prompt).
QUESTIONS = {
    Form.name: (1, 1, "Apa <b>nama produk</b> Anda?"),
    Form.category: (2, 2, "Termasuk <b>kategori</b> apa produk ini?"),
    Form.description: (3, 3, "Ceritakan <b>produk</b> ini secara singkat."),
    Form.photos: (4, 4, "Kirim <b>foto produk</b> yang jelas (1–5 foto)."),
    Form.price: (6, 5, "Berapa <b>harga jual</b> per kemasan (Rp)?"),
    Form.capacity: (7, 6, "Berapa <b>kapasitas produksi</b> per bulan?"),
    Form.certs: (8, 7, "<b>Sertifikat/izin</b> apa saja yang sudah dimiliki?"),
    Form.export: (9, 8, "Apakah pesantren Anda <b>tertarik ekspor</b>?"),
    Form.markets: (10, 9, "Ke <b>pasar</b> mana ekspor yang dituju?"),
}

router = Router()


def button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data)


def back_cancel(n: int) -> list[InlineKeyboardButton]:
    return [button("⬅ Kembali", f"{n}:b"), button("✖ Batal", f"{n}:x")]


def pairs(buttons: list[InlineKeyboardButton]) -> list[list[InlineKeyboardButton]]:
    return [buttons[i:i + 2] for i in range(0, len(buttons), 2)]


def toggles(n: int, options: dict[str, str], chosen: list[str]) -> list[list[InlineKeyboardButton]]:
    marked = [button(f"{'✅' if c in chosen else '▫️'} {l}", f"{n}:t:{c}") for c, l in options.items()]
    return pairs(marked) + [[button("✔️ Selesai", f"{n}:d")]]


def question(step: State, d: dict) -> tuple[str, InlineKeyboardMarkup]:
    """The text and buttons of a step's question (or of the summary)."""
    if step == Form.summary:
        return summary(d)
    n, number, prompt = QUESTIONS[step]
    total = 9 if d.get("export") else 8
    rows = {
        Form.category: lambda: pairs([button(l, f"2:c:{c}") for c, l in CATEGORIES.items()]),
        Form.certs: lambda: toggles(8, CERTS, d.get("certs", [])),
        Form.export: lambda: [[button("Ya", "9:y"), button("Tidak", "9:n")]],
        Form.markets: lambda: toggles(10, MARKETS, d.get("markets", [])),
    }.get(step, list)()
    text = f"<i>Pengajuan produk · {number}/{total}</i>\n{prompt}"
    return text, InlineKeyboardMarkup(inline_keyboard=rows + [back_cancel(n)])


def summary(d: dict) -> tuple[str, InlineKeyboardMarkup]:
    def labels(options: dict[str, str], chosen: list[str]) -> str:
        return ", ".join(html.escape(l, quote=False) for c, l in options.items() if c in chosen)

    lines = [
        ("Nama produk", html.escape(d["name"], quote=False)),
        ("Kategori", labels(CATEGORIES, [d["category"]])),
        ("Deskripsi", html.escape(d["description"], quote=False)),
        ("Foto", f"{len(d['photos'])} foto"),
        ("Harga", f"Rp {d['price']}"),
        ("Kapasitas per bulan", str(d["capacity"])),
        ("Sertifikat", labels(CERTS, d.get("certs", []))),
        ("Minat ekspor", "Ya" if d.get("export") else "Tidak"),
        ("Pasar tujuan", labels(MARKETS, d.get("markets", []))),
    ]
    text = "<b>Ringkasan – Pengajuan produk</b>"
    text += "".join(f"\n• <b>{label}</b>: {value}" for label, value in lines if value)
    text += "\n\nSudah benar? Tekan <b>Kirim</b>, atau <b>Ubah</b> untuk memperbaiki."
    rows = [[button("✅ Kirim", "11:s")], [button("✏️ Ubah", "11:e"), button("✖ Batal", "11:x")]]
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


async def ask(message: Message, state: FSMContext, step: State, **answers) -> None:
    """Moves the form to `step` and sends its question."""
    data = await state.update_data(**answers)
    await state.set_state(step)
    text, markup = question(step, data)
    await message.answer(text, reply_markup=markup)


@router.message(Command("produk"))
async def start(message: Message, state: FSMContext) -> None:
    # One message, as opop-bot sends it: the intro above the first question.
    data = await state.set_data({}) or {}
    await state.set_state(Form.name)
    text, markup = question(Form.name, {})
    await message.answer(INTRO + "\n\n" + text, reply_markup=markup)


@router.message(Command("batal"), ~StateFilter(None))
async def cancel_command(message: Message, state: FSMContext) -> None:
    await state.clear()
    await message.answer("Dibatalkan.")


@router.message(Form.name, F.text.func(lambda t: 3 <= len(t.strip()) <= 100))
async def got_name(message: Message, state: FSMContext) -> None:
    await ask(message, state, Form.category, name=message.text.strip())


@router.message(Form.description, F.text.func(lambda t: 10 <= len(t.strip()) <= 1000))
async def got_description(message: Message, state: FSMContext) -> None:
    await ask(message, state, Form.photos, description=message.text.strip(), photos=[])


@router.message(Form.photos, F.photo)
async def got_photo(message: Message, state: FSMContext) -> None:
    photos = (await state.get_data())["photos"]
    if len(photos) < 5:
        photos.append(max(message.photo, key=lambda p: p.width * p.height).file_id)
    await state.update_data(photos=photos)
    markup = InlineKeyboardMarkup(inline_keyboard=[[button("✔️ Selesai", "5:d")], back_cancel(5)])
    text = f"Foto {len(photos)} dari maksimal 5 diterima. Kirim foto lagi, atau tekan <b>Selesai</b>."
    await message.answer(text, reply_markup=markup)


@router.message(StateFilter(Form.price, Form.capacity), F.text)
async def got_number(message: Message, state: FSMContext) -> None:
    low, high, key, step = (
        (100, 1_000_000_000, "price", Form.capacity)
        if await state.get_state() == Form.price
        else (1, 100_000_000, "capacity", Form.certs)
    )
    digits = message.text.replace(".", "").replace(" ", "")
    if not digits.isdigit():
        await message.answer("⚠️ Itu bukan angka yang bisa saya baca, misalnya 25000.")
    elif not low <= int(digits) <= high:
        await message.answer("⚠️ Angkanya di luar batas.")
    else:
        await ask(message, state, step, **{key: int(digits)})


@router.message()
async def unexpected_message(message: Message, state: FSMContext) -> None:
    current = await state.get_state()
    if current is None:
        await message.answer("Ketik /produk untuk mengajukan produk.")
        return
    problem = {
        Form.name: "Nama produk berupa teks 3–100 karakter.",
        Form.description: "Deskripsi berupa teks 10–1000 karakter.",
        Form.photos: "Di langkah ini saya menunggu foto produk.",
        Form.price: "Di langkah ini saya butuh teks.",
        Form.capacity: "Di langkah ini saya butuh teks.",
    }.get(current, "Di langkah ini silakan pilih dengan tombol.")
    await message.answer(f"⚠️ {problem}")


@router.callback_query(StateFilter(None))
async def outside_form(cb: CallbackQuery) -> None:
    await cb.answer()
    await cb.message.answer("Ketik /produk untuk mengajukan produk.")


@router.callback_query(F.data.endswith(":x"))
async def cancel(cb: CallbackQuery, state: FSMContext) -> None:
    await cb.answer()
    await state.clear()
    await cb.message.answer("Dibatalkan.")


@router.callback_query(F.data.endswith(":b"))
async def back(cb: CallbackQuery, state: FSMContext) -> None:
    await cb.answer()
    await ask(cb.message, state, await state.get_state())


@router.callback_query(Form.category, F.data.startswith("2:c:"))
async def got_category(cb: CallbackQuery, state: FSMContext) -> None:
    await cb.answer()
    await ask(cb.message, state, Form.description, category=cb.data[4:])


@router.callback_query(StateFilter(Form.certs, Form.markets), F.data.contains(":t:"))
async def toggle(cb: CallbackQuery, state: FSMContext) -> None:
    await cb.answer()
    step = await state.get_state()
    key = "certs" if step == Form.certs else "markets"
    code = cb.data.split(":t:")[1]
    chosen = (await state.get_data()).get(key, [])
    if code in chosen:
        chosen.remove(code)
    else:  # "Belum ada" (none) excludes the others.
        chosen = [c for c in chosen if c != "none" and code != "none"] + [code]
    text, markup = question(step, await state.update_data(**{key: chosen}))
    # Through the bot: the message may be too old to be accessible.
    await cb.bot.edit_message_text(
        text, chat_id=cb.message.chat.id, message_id=cb.message.message_id, reply_markup=markup
    )


@router.callback_query(F.data.in_({"5:d", "8:d", "10:d"}))
async def done(cb: CallbackQuery, state: FSMContext) -> None:
    await cb.answer()
    step, data = await state.get_state(), await state.get_data()
    nexts = {Form.photos: ("photos", Form.price), Form.certs: ("certs", Form.export),
             Form.markets: ("markets", Form.summary)}
    if step not in nexts:
        await cb.message.answer("⚠️ Tombol itu tidak berlaku di langkah ini.")
    elif not data.get(nexts[step][0]):
        await cb.message.answer("⚠️ Kirim atau pilih minimal satu dulu.")
    else:
        await ask(cb.message, state, nexts[step][1])


@router.callback_query(Form.export, F.data.in_({"9:y", "9:n"}))
async def got_export(cb: CallbackQuery, state: FSMContext) -> None:
    await cb.answer()
    if cb.data == "9:y":
        await ask(cb.message, state, Form.markets, export=True)
    else:
        await ask(cb.message, state, Form.summary, export=False, markets=[])


@router.callback_query(Form.summary, F.data == "11:s")
async def submit(cb: CallbackQuery, state: FSMContext) -> None:
    await cb.answer()
    await state.clear()
    markup = InlineKeyboardMarkup(inline_keyboard=[[button("🏠 Menu", "m:menu")]])
    await cb.message.answer(
        "✅ Terima kasih! Produk Anda sudah kami terima untuk dikurasi. "
        f"Nomor tiket: <b>PRD-2026-{next(TICKETS):05}</b>",
        reply_markup=markup,
    )


@router.callback_query(Form.summary, F.data == "11:e")
async def edit(cb: CallbackQuery, state: FSMContext) -> None:
    await cb.answer()
    await ask(cb.message, state, Form.name)


@router.callback_query()
async def unexpected_callback(cb: CallbackQuery) -> None:
    await cb.answer()
    await cb.message.answer("⚠️ Tombol itu tidak berlaku di langkah ini.")


async def main() -> None:
    api = TelegramAPIServer.from_base(os.environ["TELOXIDE_API_URL"])
    bot = Bot(
        os.environ["TELOXIDE_TOKEN"],
        session=AiohttpSession(api=api),
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    dp = Dispatcher(storage=MemoryStorage())
    dp.include_router(router)
    await dp.start_polling(bot)


if __name__ == "__main__":
    asyncio.run(main())
