# Basa Jawa (krama ing ukaranipun bot). Bahasa Indonesia (locales/id) punika
# basa baku saha cadhangan kangge saben pesen ingkang mboten wonten ing ngriki.
# Telegram HTML: namung <b>, <i>, <u>, <s>, <a href>, <code>, <pre>,
# <blockquote>; serat & dados &amp; saha < > dados &lt; &gt;.

## Umum

welcome =
    Assalamu'alaikum, { $name }! 👋
    Sugeng rawuh wonten ing bot <b>OPOP Jawa Timur</b> (One Pesantren One Product).
    <i>Pesantren Berdaya, Masyarakat Sejahtera.</i>

    Wonten ing ngriki panjenengan saged ndaftaraken profil pesantren, ngintun produk supados dipunkurasi, nyuwun pendampingan, saha taken bab program OPOP.
welcome-register-hint = Dereng kadaftar? Mangga wiwiti saking <b>Ndaftar pesantren</b> ing menu ngandhap punika.
help =
    <b>Prentah ingkang saged dipunagem</b>
    /menu – menu utami
    /daftar – ndaftar utawi ngewahi profil pesantren
    /produk – ngintun produk supados dipunkurasi
    /pendampingan – nyuwun pendampingan
    /tanya – tanya jawab bab OPOP
    /status – status pengajuan panjenengan
    /bahasa – gantos basa
    /kembali – wangsul dhateng pitakenan saderengipun
    /batal – mbatalaken formulir ingkang saweg dipunisi
    /bantuan – pesen punika

    Panjenengan ugi saged langsung ngetik pitakenan.
unknown-command = Prentah { $command } mboten kula tepangi. Mangga ketik /bantuan kangge mirsani daftar prentah.
not-understood = Nyuwun pangapunten, kula dereng mangertos pesen panjenengan. Mangga pilih saking menu, utawi ketik /bantuan.
empty-message = Pesen panjenengan kosong. Mangga pilih saking menu.
photo-outside-form = Matur nuwun fotonipun. Foto produk dipunkintun lumantar formulir produk: pilih <b>Kintun produk</b> ing menu.
contact-outside-form = Matur nuwun. Nomer telpon dipunisi lumantar formulir pendaftaran: pilih <b>Ndaftar pesantren</b> ing menu.
media-unsupported = Nyuwun pangapunten, kula namung saged maos teks, foto, saha kontak. Mangga pilih saking menu.
button-stale = Tombol punika sampun mboten laku. Mangga agem pesen ingkang pungkasan.
value-not-set = (dereng wonten, mangga taken dhateng sekretariat)

## Menu

menu-title = <b>Menu utami</b> – mangga pilih:
menu-form-pending = Formulir <b>{ $dialog }</b> panjenengan dereng rampung. Pilih menu sanes kangge nilaraken, utawi ketik wangsulan kangge nglajengaken.
menu-register = 📝 Ndaftar pesantren
menu-profile = 📝 Ewahi profil
menu-product = 📦 Kintun produk
menu-mentoring = 🤝 Nyuwun pendampingan
menu-status = 📋 Status kula
menu-help = ❓ Pitulungan
menu-language = 🌐 Bahasa / Language
menu-faq = 💬 Tanya jawab

## Basa

language-prompt = Pilih bahasa / Choose your language:
language-id = 🇮🇩 Bahasa Indonesia
language-en = 🇬🇧 English
language-jv = Basa Jawa
language-set = Basa sampun dipungantos dados Basa Jawa.
language-set-toast = Basa Jawa

## Status

status-empty = Panjenengan dereng gadhah pengajuan. Mangga kintun produk utawi nyuwun pendampingan lumantar menu.
status-title = <b>Pengajuan panjenengan</b>
status-line = • <code>{ $number }</code> – { $title }: <b>{ $status }</b> ({ $date })
status-open = Ngentosi dipunpriksa
status-approved = Dipunsetujoni
status-needs-revision = Perlu dipundandosi
status-rejected = Dipuntolak
status-assigned = Saweg dipuntangani
status-scheduled = Sampun dipunjadwal
status-done = Rampung
status-answered = Sampun dipunwangsuli
status-cancelled = Dipunbatalaken

## Formulir

need-profile = Kangge <b>{ $dialog }</b>, pesantren panjenengan kedah kadaftar rumiyin. Ndaftar samenika? Namung sawetawis pitakenan.
profile-update-note = Pesantren panjenengan sampun kadaftar; formulir punika badhe ngewahi profil ingkang sampun wonten.
form-already-open = Formulir punika saweg panjenengan isi. Mangga kita lajengaken.
form-replaced = Formulir <b>{ $dialog }</b> ingkang dereng rampung dipuntilar.
form-cancelled = Formulir <b>{ $dialog }</b> dipunbatalaken. Mboten wonten data ingkang dipunkintun.
nothing-to-cancel = Mboten wonten formulir ingkang saweg dipunisi.
idle-offer = Panjenengan dereng ngrampungaken formulir <b>{ $dialog }</b> wiwit langkung saking sedinten kepengker. Lajengaken saking pitakenan pungkasan, utawi wiwit malih saking awal?
back-at-start = Punika sampun pitakenan ingkang kapisan.
consent-declined = Inggih, pendaftaran mboten dipunlajengaken saha mboten wonten data ingkang dipunsimpen. Panjenengan tetep saged taken bab OPOP kapan kemawon.

step-header = <i>{ $dialog } · { $number }/{ $total }</i>
current-answer = Wangsulan samenika: <b>{ $answer }</b>
hint-amount = Serat angka ing rupiah, upaminipun <code>25000</code>, <code>25.000</code> utawi <code>25rb</code>.
hint-number = Serat angka, upaminipun <code>500</code>.
hint-choice = Pilih salah satunggaling tombol, utawi ketik nomer pilihanipun.
hint-multi = Pencet pilihan kangge nyentang (angsal langkung saking setunggal), lajeng pencet <b>Rampung</b>.
hint-phone = Ketik nomer HP, upaminipun <code>0812 3456 7890</code>, utawi pencet tombol ing ngandhap kangge ngintun nomer panjenengan. /kembali kangge wangsul, /batal kangge mbatalaken.
hint-email = Ketik alamat e-mail, upaminipun <code>nama@contoh.id</code>.
hint-photos = Kintun { $min }–{ $max } foto (setunggal-setunggal utawi sakaligus), lajeng pencet <b>Rampung</b>.
hint-region = Ketik nami kabupaten/kota ing Jawa Timur, upaminipun <code>Sidoarjo</code> utawi <code>Kota Malang</code>.
region-which = Ingkang pundi ingkang panjenengan karsakaken?
photo-received = Foto { $count } saking paling kathah { $max } sampun katampi. Kintun foto malih, utawi pencet <b>Rampung</b>.
photos-count = { $count } foto
photos-too-many = Paling kathah { $max } foto; foto sanesipun mboten dipunsimpen.
answer-skipped = (dipunlewati)
toggle-on = ✅ { $label }
toggle-off = ▫️ { $label }

summary-title = <b>Ringkesan – { $dialog }</b>
summary-line = • <b>{ $label }</b>: { $value }
summary-confirm = Sampun leres? Pencet <b>Kintun</b>, utawi <b>Gantos</b> kangge ndandosi.
summary-use-buttons = Mangga agem tombol ing ngandhap ringkesan.
edit-which = Perangan pundi ingkang badhe dipungantos?

## Lepat nalika ngisi

input-problem = ⚠️ { $problem }
err-empty = Wangsulan mboten angsal kosong.
err-no-letters = Wangsulan kedah ngemot aksara utawi angka, sanes namung emoji utawi tandha waca.
err-too-short = Wangsulan kecekaken; paling sekedhik { $min } karakter.
err-too-long = Wangsulan kedawan; paling kathah { $max } karakter.
err-too-long-message = Pesen panjenengan kedawan kangge kula waos. Nyuwun kintun ingkang langkung cekak.
err-pattern = Format wangsulan mboten trep.
err-not-a-number = Punika sanes angka ingkang saged kula waos.
err-number-too-small = Angkanipun alit sanget; paling sekedhik { $min }.
err-number-too-large = Angkanipun ageng sanget; paling kathah { $max }.
err-not-an-option = Pilihan punika mboten wonten. Mangga agem tombol utawi ketik nomeripun.
err-not-yes-no = Nyuwun dipunwangsuli kanthi tombol, utawi ketik "inggih" utawi "mboten".
err-phone = Nomer telpon mboten leres. Mangga agem nomer Indonesia ingkang dipunwiwiti 08, 62 utawi +62.
err-not-own-contact = Nyuwun kintun nomer panjenengan piyambak, utawi ketik nomeripun.
err-email = Alamat e-mail mboten leres.
err-region = Kabupaten/kota punika mboten kula tepangi. Serat salah satunggaling 38 kabupaten/kota ing Jawa Timur, upaminipun <code>Jember</code> utawi <code>Kota Surabaya</code>.
err-need-photo = Ing langkah punika kula ngentosi foto produk.
err-too-few-photos = Kintun paling sekedhik { $min } foto rumiyin.
err-none-selected = Pilih paling sekedhik { $min } pilihan rumiyin, lajeng pencet Rampung.
expect-photo = Ing langkah punika kula betahaken foto (sanes stiker, dokumen, utawi pesen swanten).
expect-phone = Ing langkah punika kula betahaken nomer telpon: ketik nomeripun utawi kintun kontak panjenengan.
expect-button = Ing langkah punika mangga pilih kanthi tombol.
expect-text = Ing langkah punika kula betahaken wangsulan arupi teks.

## Tombol

button-menu = 🏠 Menu
button-yes = Inggih
button-no = Mboten
button-agree = ✅ Sarujuk
button-disagree = Mboten sarujuk
button-done = ✔️ Rampung
button-skip = Lewati
button-back = ⬅ Wangsul
button-cancel = ✖ Batal
button-submit = ✅ Kintun
button-edit = ✏️ Gantos
button-continue = ▶️ Lajengaken
button-restart = 🔄 Wiwit saking awal
button-share-contact = 📱 Kintun nomer kula

## Tanya jawab (FAQ)

faq-categories = <b>Tanya jawab bab OPOP</b> – mangga pilih topik:
faq-category = <b>{ $category }</b> – mangga pilih pitakenan:
faq-suggest = Kula dereng yakin menapa ingkang panjenengan karsakaken. Menapa salah satunggaling punika?
faq-unknown = Nyuwun pangapunten, kula dereng gadhah wangsulan kangge pitakenan punika. Pitakenan panjenengan sampun kula cathet. Menapa badhe kula aturaken dhateng petugas OPOP?
faq-answer =
    <b>{ $question }</b>

    { $answer }

    Menapa wangsulan punika mbiyantu?
faq-thanks-toast = Matur nuwun masukanipun!
faq-unhelpful = Nyuwun pangapunten, wangsulanipun dereng mbiyantu. Menapa badhe taken langsung dhateng petugas OPOP?
button-helpful = 👍 Mbiyantu
button-unhelpful = 👎 Dereng
button-ask-staff = 🙋 Taken petugas
button-faq-list = 📚 Daftar pitakenan

## Omong-omongan entheng (salam, matur nuwun, "ok", pamit, "punika bot?")

smalltalk-salam = Wa'alaikumussalam warahmatullahi wabarakatuh. 😊 Wonten ingkang saged kula biyantu? Mangga pilih saking menu, utawi langsung ketik pitakenan panjenengan.
smalltalk-greeting = Sugeng pinanggih! 😊 Wonten ingkang saged kula biyantu? Mangga pilih saking menu, utawi langsung ketik pitakenan panjenengan.
smalltalk-thanks = Sami-sami! 🙏 Menawi taksih wonten ingkang badhe dipuntakenaken, mangga ketik kemawon utawi pilih saking menu.
smalltalk-ack = Inggih. 👍 Menawi wonten ingkang badhe dipuntakenaken, mangga ketik kemawon utawi pilih saking menu.
smalltalk-goodbye = Matur nuwun sampun ngubungi OPOP Jawa Timur. Mugi pinanggih malih! 👋
smalltalk-bot = Kula punika bot, asisten otomatis program OPOP Jawa Timur. Kula mangsuli pitakenan umum saha nampi pendaftaran, pengajuan produk, saha panyuwunan pendampingan. Badhe taken langsung dhateng petugas sekretariat? Ketik pitakenan panjenengan; menawi kula dereng saged mangsuli, pencet <b>🙋 Taken petugas</b> saha petugas badhe mangsuli wonten ing ngriki.

## Menu prentah Telegram (tanpa HTML)

cmd-start = Miwiti saha menu utami
cmd-menu = Menu utami
cmd-ask = Tanya jawab bab OPOP
cmd-status = Status pengajuan panjenengan
cmd-language = Ganti bahasa / Change language
cmd-help = Pitulungan saha daftar prentah
cmd-cancel = Batalaken formulir

## Data pribadi (UU PDP): /privasi saha /hapusdata

privacy-title = 🔒 <b>Data panjenengan ing bot OPOP</b>
privacy-none = –
privacy-account =
    <b>Akun Telegram</b>
    • ID: { $id }
    • Nami: { $name }
    • Username: { $username }
    • Basa: { $language }
    • Wiwit ngagem bot: { $first }
privacy-profile = <b>Profil pesantren</b>
privacy-no-profile = <b>Profil pesantren</b>: dereng wonten.
privacy-consent = • Persetujuan data dipunparingaken { $date } (versi pemberitahuan { $version })
privacy-tickets =
    <b>Pengajuan</b>: { $count } (pirsani kanthi /status)
    <b>Pitakenan FAQ ingkang dipuncathet</b> (dereng kawangsulan utawi 👎): { $questions }
privacy-why =
    <b>Kangge menapa</b>: administrasi program OPOP Jawa Timur (kurasi produk, pendampingan, ngubungi pesantren panjenengan), miturut persetujuan ingkang panjenengan paringaken nalika ndaftar (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi).
    <b>Sinten ingkang mirsani</b>: petugas sekretariat OPOP.
    <b>Hak panjenengan</b>: ndandosi profil kanthi /daftar, utawi mbusak data pribadi panjenengan kanthi tombol ing ngandhap (/hapusdata).
button-erase = 🗑 Busak data kula
erase-confirm =
    🗑 <b>Busak data pribadi panjenengan?</b>
    Ingkang dipunbusak: nami saha username Telegram panjenengan, profil pesantren (nami, narahubung, nomer HP, NSPP), ugi wangsulan formulir ingkang saweg dipunisi. Pengajuan ingkang taksih kabuka dipunbatalaken.
    Ingkang tetep dipunsimpen tanpa data pribadi, kangge statistik program: nomer, jinis, kategori, saha status pengajuan.
    Tindakan punika mboten saged dipunbatalaken. Panjenengan saged ndaftar malih kapan kemawon kanthi /daftar.
button-erase-yes = Inggih, busak data kula
button-erase-no = Ampun dipunbusak
erase-kept = Inggih, data panjenengan mboten dipunewahi.
erase-done = ✅ Data pribadi panjenengan sampun dipunbusak, saha persetujuan panjenengan sampun dipuncabut. Matur nuwun sampun ngagem bot OPOP. Ketik /start menawi badhe ngagem bot malih.
