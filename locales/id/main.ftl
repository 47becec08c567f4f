# Bahasa Indonesia: the default language and the fallback for every message.
# Telegram HTML: only <b>, <i>, <u>, <s>, <a href>, <code>, <pre>,
# <blockquote>; write & as &amp; and < > as &lt; &gt;.

## Umum

welcome =
    Assalamu'alaikum, { $name }! 👋
    Selamat datang di bot <b>OPOP Jawa Timur</b> (One Pesantren One Product).
    <i>Pesantren Berdaya, Masyarakat Sejahtera.</i>

    Di sini Anda dapat mendaftarkan profil pesantren, mengirim produk untuk dikurasi, meminta pendampingan, dan bertanya seputar program OPOP.
welcome-register-hint = Belum terdaftar? Mulai dengan <b>Daftar pesantren</b> di menu di bawah.
help =
    <b>Perintah yang tersedia</b>
    /menu – menu utama
    /daftar – daftar atau perbarui profil pesantren
    /produk – kirim produk untuk dikurasi
    /pendampingan – minta pendampingan
    /tanya – tanya jawab seputar OPOP
    /status – status pengajuan Anda
    /bahasa – ganti bahasa
    /kembali – kembali ke pertanyaan sebelumnya
    /batal – batalkan formulir yang sedang diisi
    /bantuan – pesan ini

    Anda juga bisa langsung mengetik pertanyaan.
unknown-command = Perintah { $command } tidak dikenal. Ketik /bantuan untuk melihat daftar perintah.
not-understood = Maaf, saya belum memahami pesan Anda. Silakan pilih dari menu, atau ketik /bantuan.
empty-message = Pesan Anda kosong. Silakan pilih dari menu.
photo-outside-form = Terima kasih atas fotonya. Foto produk dikirim lewat formulir produk: pilih <b>Kirim produk</b> di menu.
contact-outside-form = Terima kasih. Nomor telepon diisi lewat formulir pendaftaran: pilih <b>Daftar pesantren</b> di menu.
media-unsupported = Maaf, saya hanya bisa membaca teks, foto, dan kontak. Silakan pilih dari menu.
button-stale = Tombol ini sudah tidak berlaku. Gunakan pesan terakhir.
value-not-set = (belum tersedia, silakan tanyakan ke sekretariat)

## Menu

menu-title = <b>Menu utama</b> – silakan pilih:
menu-form-pending = Formulir <b>{ $dialog }</b> Anda belum selesai. Pilih menu lain untuk meninggalkannya, atau ketik jawaban untuk melanjutkan.
menu-register = 📝 Daftar pesantren
menu-profile = 📝 Perbarui profil
menu-product = 📦 Kirim produk
menu-mentoring = 🤝 Minta pendampingan
menu-status = 📋 Status saya
menu-help = ❓ Bantuan
menu-language = 🌐 Bahasa / Language
menu-faq = 💬 Tanya jawab

## Bahasa

language-prompt = Pilih bahasa / Choose your language:
language-id = 🇮🇩 Bahasa Indonesia
language-en = 🇬🇧 English
language-jv = Basa Jawa
language-set = Bahasa diganti ke Bahasa Indonesia.
language-set-toast = Bahasa Indonesia

## Status

status-empty = Anda belum punya pengajuan. Kirim produk atau minta pendampingan lewat menu.
status-title = <b>Pengajuan Anda</b>
status-line = • <code>{ $number }</code> – { $title }: <b>{ $status }</b> ({ $date })
status-open = Menunggu peninjauan
status-approved = Disetujui
status-needs-revision = Perlu perbaikan
status-rejected = Ditolak
status-assigned = Sedang ditangani
status-scheduled = Terjadwal
status-done = Selesai
status-answered = Sudah dijawab
status-cancelled = Dibatalkan

## Formulir

need-profile = Untuk <b>{ $dialog }</b>, pesantren Anda perlu terdaftar dulu. Daftar sekarang? Hanya beberapa pertanyaan.
profile-update-note = Pesantren Anda sudah terdaftar; formulir ini akan memperbarui profil yang ada.
form-already-open = Formulir ini sedang Anda isi. Kita lanjutkan.
form-replaced = Formulir <b>{ $dialog }</b> yang belum selesai ditinggalkan.
form-cancelled = Formulir <b>{ $dialog }</b> dibatalkan. Tidak ada data yang dikirim.
nothing-to-cancel = Tidak ada formulir yang sedang diisi.
idle-offer = Anda belum menyelesaikan formulir <b>{ $dialog }</b> sejak lebih dari sehari yang lalu. Lanjutkan dari pertanyaan terakhir, atau mulai dari awal?
back-at-start = Ini sudah pertanyaan pertama.
consent-declined = Baik, pendaftaran tidak dilanjutkan dan tidak ada data yang disimpan. Anda tetap bisa bertanya seputar OPOP kapan saja.

step-header = <i>{ $dialog } · { $number }/{ $total }</i>
current-answer = Jawaban saat ini: <b>{ $answer }</b>
hint-amount = Tulis angka dalam rupiah, misalnya <code>25000</code>, <code>25.000</code> atau <code>25rb</code>.
hint-number = Tulis angka, misalnya <code>500</code>.
hint-choice = Pilih salah satu tombol, atau ketik nomor pilihannya.
hint-multi = Ketuk pilihan untuk mencentang (boleh lebih dari satu), lalu tekan <b>Selesai</b>.
hint-phone = Ketik nomor HP, misalnya <code>0812 3456 7890</code>, atau tekan tombol di bawah untuk membagikan nomor Anda. /kembali untuk kembali, /batal untuk membatalkan.
hint-email = Ketik alamat e-mail, misalnya <code>nama@contoh.id</code>.
hint-photos = Kirim { $min }–{ $max } foto (satu per satu atau sekaligus), lalu tekan <b>Selesai</b>.
hint-region = Ketik nama kabupaten/kota di Jawa Timur, misalnya <code>Sidoarjo</code> atau <code>Kota Malang</code>.
region-which = Yang mana yang Anda maksud?
photo-received = Foto { $count } dari maksimal { $max } diterima. Kirim foto lagi, atau tekan <b>Selesai</b>.
photos-count = { $count } foto
photos-too-many = Maksimal { $max } foto; foto selebihnya tidak disimpan.
answer-skipped = (dilewati)
toggle-on = ✅ { $label }
toggle-off = ▫️ { $label }

summary-title = <b>Ringkasan – { $dialog }</b>
summary-line = • <b>{ $label }</b>: { $value }
summary-confirm = Sudah benar? Tekan <b>Kirim</b>, atau <b>Ubah</b> untuk memperbaiki.
summary-use-buttons = Silakan gunakan tombol di bawah ringkasan.
edit-which = Bagian mana yang ingin diubah?

## Kesalahan input

input-problem = ⚠️ { $problem }
err-empty = Jawaban tidak boleh kosong.
err-no-letters = Jawaban perlu berisi huruf atau angka, bukan hanya emoji atau tanda baca.
err-too-short = Jawaban terlalu pendek; minimal { $min } karakter.
err-too-long = Jawaban terlalu panjang; maksimal { $max } karakter.
err-too-long-message = Pesan Anda terlalu panjang untuk dibaca. Mohon kirim yang lebih singkat.
err-pattern = Format jawaban tidak sesuai.
err-not-a-number = Itu bukan angka yang bisa saya baca.
err-number-too-small = Angkanya terlalu kecil; minimal { $min }.
err-number-too-large = Angkanya terlalu besar; maksimal { $max }.
err-not-an-option = Pilihan itu tidak ada. Gunakan tombol atau ketik nomornya.
err-not-yes-no = Mohon jawab dengan tombol, atau ketik "ya" atau "tidak".
err-phone = Nomor telepon tidak valid. Gunakan nomor Indonesia yang diawali 08, 62 atau +62.
err-not-own-contact = Mohon bagikan nomor Anda sendiri, atau ketik nomornya.
err-email = Alamat e-mail tidak valid.
err-region = Kabupaten/kota itu tidak saya kenali. Tulis salah satu dari 38 kabupaten/kota di Jawa Timur, misalnya <code>Jember</code> atau <code>Kota Surabaya</code>.
err-need-photo = Di langkah ini saya menunggu foto produk.
err-too-few-photos = Kirim minimal { $min } foto dulu.
err-none-selected = Pilih minimal { $min } pilihan dulu, lalu tekan Selesai.
expect-photo = Di langkah ini saya butuh foto (bukan stiker, dokumen, atau pesan suara).
expect-phone = Di langkah ini saya butuh nomor telepon: ketik nomornya atau bagikan kontak Anda.
expect-button = Di langkah ini silakan pilih dengan tombol.
expect-text = Di langkah ini saya butuh jawaban berupa teks.

## Tombol

button-menu = 🏠 Menu
button-yes = Ya
button-no = Tidak
button-agree = ✅ Setuju
button-disagree = Tidak setuju
button-done = ✔️ Selesai
button-skip = Lewati
button-back = ⬅ Kembali
button-cancel = ✖ Batal
button-submit = ✅ Kirim
button-edit = ✏️ Ubah
button-continue = ▶️ Lanjutkan
button-restart = 🔄 Mulai dari awal
button-share-contact = 📱 Bagikan nomor saya

## Tanya jawab (FAQ)

faq-categories = <b>Tanya jawab seputar OPOP</b> – pilih topik:
faq-category = <b>{ $category }</b> – pilih pertanyaan:
faq-suggest = Saya belum yakin maksud Anda. Apakah salah satu ini?
faq-unknown = Maaf, saya belum punya jawaban untuk pertanyaan itu. Pertanyaan Anda saya catat. Mau saya teruskan ke petugas OPOP?
faq-answer =
    <b>{ $question }</b>

    { $answer }

    Apakah jawaban ini membantu?
faq-thanks-toast = Terima kasih atas masukannya!
faq-unhelpful = Maaf jawabannya belum membantu. Mau bertanya langsung ke petugas OPOP?
button-helpful = 👍 Membantu
button-unhelpful = 👎 Belum
button-ask-staff = 🙋 Tanya petugas
button-faq-list = 📚 Daftar pertanyaan

## Obrolan ringan (salam, terima kasih, "ok", pamit, "ini bot?")

smalltalk-salam = Wa'alaikumussalam warahmatullahi wabarakatuh. 😊 Ada yang bisa saya bantu? Silakan pilih dari menu, atau langsung ketik pertanyaan Anda.
smalltalk-greeting = Halo! 😊 Ada yang bisa saya bantu? Silakan pilih dari menu, atau langsung ketik pertanyaan Anda.
smalltalk-thanks = Sama-sama! 🙏 Kalau masih ada yang ingin ditanyakan, ketik saja atau pilih dari menu.
smalltalk-ack = Baik. 👍 Kalau ada yang ingin ditanyakan, ketik saja atau pilih dari menu.
smalltalk-goodbye = Terima kasih sudah menghubungi OPOP Jawa Timur. Sampai jumpa! 👋
smalltalk-bot = Saya bot, asisten otomatis program OPOP Jawa Timur. Saya menjawab pertanyaan umum dan menerima pendaftaran, pengajuan produk, dan permintaan pendampingan. Ingin bertanya langsung ke petugas sekretariat? Ketik pertanyaan Anda; bila saya belum bisa menjawab, tekan <b>🙋 Tanya petugas</b> dan petugas akan membalas di sini.

## Menu perintah Telegram (tanpa HTML)

cmd-start = Mulai dan menu utama
cmd-menu = Menu utama
cmd-ask = Tanya jawab seputar OPOP
cmd-status = Status pengajuan Anda
cmd-language = Ganti bahasa / Change language
cmd-help = Bantuan dan daftar perintah
cmd-cancel = Batalkan formulir

## Data pribadi (UU PDP): /privasi dan /hapusdata

privacy-title = 🔒 <b>Data Anda di bot OPOP</b>
privacy-none = –
privacy-account =
    <b>Akun Telegram</b>
    • ID: { $id }
    • Nama: { $name }
    • Username: { $username }
    • Bahasa: { $language }
    • Pertama memakai bot: { $first }
privacy-profile = <b>Profil pesantren</b>
privacy-no-profile = <b>Profil pesantren</b>: belum ada.
privacy-consent = • Persetujuan data diberikan { $date } (versi pemberitahuan { $version })
privacy-tickets =
    <b>Pengajuan</b>: { $count } (lihat dengan /status)
    <b>Pertanyaan FAQ yang dicatat</b> (belum terjawab atau 👎): { $questions }
privacy-why =
    <b>Untuk apa</b>: administrasi program OPOP Jawa Timur (kurasi produk, pendampingan, menghubungi pesantren Anda), sesuai persetujuan yang Anda berikan saat mendaftar (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi).
    <b>Siapa yang melihat</b>: petugas sekretariat OPOP.
    <b>Hak Anda</b>: memperbaiki profil dengan /daftar, atau menghapus data pribadi Anda dengan tombol di bawah (/hapusdata).
button-erase = 🗑 Hapus data saya
erase-confirm =
    🗑 <b>Hapus data pribadi Anda?</b>
    Yang dihapus: nama dan username Telegram Anda, profil pesantren (nama, narahubung, nomor HP, NSPP), serta jawaban formulir yang sedang diisi. Pengajuan yang masih terbuka dibatalkan.
    Yang tetap disimpan tanpa data pribadi, untuk statistik program: nomor, jenis, kategori, dan status pengajuan.
    Tindakan ini tidak dapat dibatalkan. Anda bisa mendaftar lagi kapan saja dengan /daftar.
button-erase-yes = Ya, hapus data saya
button-erase-no = Jangan hapus
erase-kept = Baik, data Anda tidak diubah.
erase-done = ✅ Data pribadi Anda sudah dihapus, dan persetujuan Anda ditarik. Terima kasih telah memakai bot OPOP. Ketik /start bila ingin memakai bot lagi.
