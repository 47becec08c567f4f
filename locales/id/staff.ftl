# Sekretariat: notifikasi tiket di grup petugas, tombol peninjauan, jawaban
# pertanyaan, perintah petugas, ringkasan harian, dan kabar status untuk
# pengaju. Telegram HTML seperti main.ftl.

## Kabar status untuk pengaju

revise-intro = ✏️ Perbaikan untuk <code>{ $number }</code>: jawaban Anda sebelumnya sudah terisi. Pilih <b>Ubah</b> untuk memperbaiki bagian yang diminta petugas, lalu <b>Kirim</b>. Nomor pengajuan tetap sama.
revise-not-possible = Pengajuan <code>{ $number }</code> tidak dapat diperbaiki lagi (status: <b>{ $status }</b>).
resubmitted = 🔁 Perbaikan terkirim. Pengajuan Anda tetap bernomor <code>{ $number }</code> dan akan ditinjau kembali oleh petugas. Cek perkembangannya dengan /status.
ticket-approved = ✅ Kabar baik! Produk <b>{ $title }</b> (<code>{ $number }</code>) <b>disetujui</b> oleh tim kurasi OPOP.
ticket-needs-revision =
    ✏️ Produk <b>{ $title }</b> (<code>{ $number }</code>) <b>perlu diperbaiki</b> sebelum kurasi dilanjutkan.

    Catatan petugas: <i>{ $note }</i>

    Tekan tombol di bawah untuk memperbaiki dan mengirim ulang dengan nomor yang sama.
ticket-rejected =
    Mohon maaf, produk <b>{ $title }</b> (<code>{ $number }</code>) <b>belum dapat diterima</b> pada kurasi kali ini.

    Alasan: <i>{ $note }</i>

    Anda dapat mengirim produk lain kapan saja lewat /produk.
ticket-assigned = 🙋 Permintaan pendampingan <code>{ $number }</code> sekarang ditangani oleh petugas <b>{ $staff }</b>.
ticket-scheduled = 📅 Pendampingan <code>{ $number }</code> dijadwalkan: <b>{ $note }</b>
ticket-done = 🏁 Pendampingan <code>{ $number }</code> dinyatakan selesai. Terima kasih! Jika masih ada yang perlu dibantu, ajukan lagi lewat /pendampingan.
ticket-answered =
    💬 <b>Jawaban dari petugas OPOP</b> untuk pertanyaan <code>{ $number }</code>

    Pertanyaan Anda: <i>{ $question }</i>

    { $answer }
button-revise = ✏️ Perbaiki lalu kirim ulang

## Notifikasi di grup petugas

staff-album-caption = 📷 <code>{ $number }</code> – { $title }
staff-notice-new = 🆕 <b>{ $kind }</b> · <code>{ $number }</code>
staff-notice-resubmitted = 🔁 <b>{ $kind }</b> · <code>{ $number }</code> – <i>dikirim ulang setelah perbaikan</i>
staff-notice-ticket = 🎫 <b>{ $kind }</b> · <code>{ $number }</code>
staff-notice-pesantren =
    🏫 <b>{ $name }</b> – { $region }
    👤 { $person } · { $phone } · Telegram: { $telegram }
staff-notice-unregistered = 👤 Telegram: { $telegram } <i>(belum mendaftarkan pesantren)</i>
staff-answer-line = <b>{ $label }</b>: { $value }
staff-status = Status: <b>{ $status }</b>
staff-status-by = Status: <b>{ $status }</b> – oleh { $staff }, { $date }
staff-assignee = Penanggung jawab: { $staff }
staff-note = Catatan: <i>{ $note }</i>
staff-reply-hint = ↩️ <i>Balas (reply) pesan ini untuk menjawab; jawaban Anda diteruskan ke penanya atas nama bot.</i>
staff-history-title = <b>Riwayat</b>
staff-history-line = • { $date }: <b>{ $status }</b> – { $staff }
staff-history-note = {" "}(<i>{ $note }</i>)
staff-by-submitter = pengaju
staff-button-approve = ✅ Setujui
staff-button-revise = ✏️ Perlu revisi
staff-button-reject = ❌ Tolak
staff-button-take = 🙋 Saya tangani
staff-button-schedule = 📅 Jadwalkan
staff-button-done = 🏁 Selesai

## Tindakan petugas

staff-only-toast = Tombol ini khusus petugas OPOP.
staff-saved-toast = Tersimpan.
staff-already-done = Sudah ditangani: { $status } oleh { $staff }.
staff-prompt-revise = ✏️ { $staff }, tulis <b>catatan perbaikan</b> untuk <code>{ $number }</code> ({ $title }) dengan membalas pesan ini. Catatan dikirim ke pengaju. /batal untuk membatalkan.
staff-prompt-reject = ❌ { $staff }, tulis <b>alasan penolakan</b> untuk <code>{ $number }</code> ({ $title }) dengan membalas pesan ini. Alasan dikirim ke pengaju. /batal untuk membatalkan.
staff-prompt-schedule = 📅 { $staff }, tulis <b>jadwal pendampingan</b> untuk <code>{ $number }</code> (tanggal, jam, tempat atau tautan) dengan membalas pesan ini. /batal untuk membatalkan.
staff-placeholder-reason = Tulis alasannya…
staff-placeholder-date = mis. Senin 7 Des, 09.00 WIB, Zoom
staff-prompt-toast = Balas pesan bot untuk melengkapi.
staff-note-invalid = Tulis catatannya sebagai teks (paling banyak { $max } karakter), dengan membalas pesan bot.
staff-changed-meanwhile = Tiket <code>{ $number }</code> sudah diubah oleh { $staff } (<b>{ $status }</b>); tindakan Anda tidak disimpan.
staff-action-saved = ✅ <code>{ $number }</code>: <b>{ $status }</b>. Pengaju sudah diberi tahu.
staff-reply-unknown = Balasan ini tidak terkait dengan tiket. Untuk menjawab pertanyaan, balas (reply) pesan notifikasi pertanyaannya.
staff-reply-not-question = <code>{ $number }</code> bukan pertanyaan: gunakan tombol pada pesan notifikasinya.
staff-question-cancelled = Pertanyaan <code>{ $number }</code> sudah dibatalkan oleh penanya; jawaban tidak diteruskan.
staff-answer-sent = ✅ Jawaban untuk <code>{ $number }</code> sudah diteruskan ke penanya.
desk-note-needed = Tulis alasan, tanggal, atau jawabannya dulu (paling banyak { $max } karakter).
button-open-desk = 🖥 Buka di meja kurasi
button-desk-open = 🖥 Buka meja kurasi
button-desk-login = 🔑 Tautan masuk untuk komputer
desk-off = Meja kurasi belum dinyalakan di bot ini (web.listen dan web.public_url di konfigurasi).
desk-group = 🖥 <b>Meja kurasi</b>: antrean dengan filter, foto produk, tindakan sekaligus untuk beberapa tiket, dan laporan. Tekan tombol di bawah untuk membukanya di Telegram.
desk-private = 🖥 <b>Meja kurasi</b>: antrean dengan filter, foto produk, tindakan sekaligus untuk beberapa tiket, dan laporan.
    Buka di Telegram dengan tombol pertama. Untuk browser di komputer kantor, pakai tombol kedua: tautan masuk sekali pakai, berlaku { $minutes } menit. Jangan dibagikan.
staff-only = Perintah ini khusus petugas OPOP. Ketik /menu untuk melihat menu.
staff-store-error = Maaf, data belum dapat dibaca. Coba lagi sebentar lagi.
staff-pending-cancelled = Dibatalkan; status tiket tidak berubah.
staff-help =
    <b>Perintah petugas</b>
    /antrian – tiket terbuka, yang terlama lebih dulu
    /tiket NOMOR – satu tiket dengan riwayat dan fotonya
    /ringkasan – ringkasan harian sekarang
    /dipelajari – yang diajarkan petugas ke FAQ (bisa dihapus)
    /meja – meja kurasi di web (antrean, foto, laporan)
    /batal – batalkan tindakan yang menunggu alasan

    Tinjau tiket dengan tombol pada notifikasinya. Untuk menjawab pertanyaan, balas (reply) notifikasinya.
staff-group-set = ✅ Grup ini sekarang menjadi <b>grup petugas OPOP</b>: notifikasi tiket dan ringkasan harian dikirim ke sini. Ketik /bantuan untuk perintah petugas.
staff-group-already = Grup ini sudah menjadi grup petugas OPOP.
staff-group-configured = Grup petugas sudah ditetapkan di konfigurasi bot; ubah di sana bila perlu.
staff-group-private = Kirim /grupstaf di dalam grup petugas, bukan di chat pribadi.
staff-group-admins-only = Hanya admin OPOP yang dapat menetapkan grup petugas.
staff-chat-moved = ℹ️ Grup petugas OPOP telah di-upgrade Telegram menjadi supergrup dengan id <code>{ $chat }</code>. Notifikasi dan ringkasan kini dikirim ke sana, tanpa ada yang hilang. Bila OPOP_STAFF_CHAT diatur di konfigurasi, ganti nilainya dengan id baru ini.
staff-chat-lost = ⚠️ Bot dikeluarkan dari grup petugas OPOP, sehingga notifikasi tiket tidak bisa dikirim ke sana. Notifikasi tetap disimpan: tambahkan bot lagi ke grup petugas (atau ke grup baru) lalu kirim /grupstaf di grup itu, dan semua notifikasi yang tertunda akan dikirim.

## /antrian dan /tiket

queue-empty = Tidak ada tiket terbuka. 🎉
queue-title = 📋 <b>Tiket terbuka</b> ({ $count }), yang terlama lebih dulu
queue-kind = <b>{ $kind }</b> ({ $count })
queue-line = • <code>{ $number }</code> { $title } – { $pesantren } · { $days ->
        [0] hari ini
       *[other] { $days } hari
    } · { $status }
queue-more = …dan { $count } lainnya
queue-footer = Lihat detail dengan /tiket NOMOR.
ticket-usage = Tulis nomor tiketnya, mis. <code>/tiket PRD-2026-00001</code>.
ticket-not-found = Tiket <code>{ $number }</code> tidak ditemukan.

## Ringkasan harian

digest-title = 📊 <b>Ringkasan harian OPOP</b> – { $date }
digest-new = 🆕 <b>Tiket baru</b> sejak { $since }: <b>{ $count }</b>
digest-count = { $name } { $count }
digest-by-kind = • Jenis: { $list }
digest-by-category = • Kategori produk: { $list }
digest-by-region = • Wilayah: { $list }
digest-no-profile = belum terdaftar
digest-nothing = –
digest-stale = ⏰ <b>Terbuka lebih dari { $days } hari</b>: { $count }
digest-ticket-line = • <code>{ $number }</code> { $title } – { $days } hari, { $status }
digest-questions = ❓ <b>Pertanyaan belum dijawab</b>: { $count }
digest-question-line = • <code>{ $number }</code> { $question } – { $days ->
        [0] hari ini
       *[other] { $days } hari
    }
digest-faq = 🔎 <b>FAQ minggu ini</b> (tidak terjawab atau 👎):
digest-faq-line = • “{ $question }” ×{ $count }
digest-users = 👥 <b>Pengguna</b>: { $total } total, { $registered } pesantren terdaftar, { $active } aktif { $days } hari terakhir, { $blocked } memblokir bot
digest-more = …dan { $count } lainnya
digest-learned = 🧠 <b>Diajarkan ke FAQ</b>: { $count }
digest-chart = 📈 Pengajuan per minggu, 12 minggu terakhir

## Staff command menu (plain text)

cmd-queue = Tiket terbuka, yang terlama lebih dulu
cmd-ticket = Satu tiket: /tiket NOMOR
cmd-digest = Ringkasan harian sekarang
cmd-learned = Yang diajarkan petugas ke FAQ
cmd-desk = Meja kurasi (web)

## Penghapusan data

staff-erased = 🗑 Seorang pengguna menghapus data pribadinya (hak subjek data, UU PDP). Tiketnya: { $tickets }. Tiket terbuka yang dibatalkan: { $cancelled }. Tiket lain ({ $kept }) tetap tersimpan tanpa data pribadi. Notifikasi tiket-tiket itu di grup ini sudah diubah, foto dan file ekspor dihapus. Mohon hapus juga salinan datanya di luar bot (spreadsheet, catatan).
staff-notice-erased = 🗑 { $kind } · { $number }: data pribadi pengirim telah dihapus atas permintaannya (UU PDP). Status: { $status }
staff-telegram-with-username = { $name } (@{ $username })

## Mengajari FAQ dari pertanyaan yang sudah dijawab

button-teach = ➕ Tambah ke FAQ
button-teach-new = 🆕 Pertanyaan baru di kategori ini
button-teach-undo = ↩️ Batalkan
button-teach-remove = 🗑 Hapus { $number }
teach-pick-category = ➕ <b>Tambah ke FAQ</b> dari <code>{ $number }</code>
    “{ $question }”

    Masuk kategori apa? (Nomor telepon, e-mail, dan nama penanya sudah disamarkan.)
teach-pick-entry = ➕ <b>Tambah ke FAQ</b> · { $category }
    “{ $question }”

    Pilih pertanyaan FAQ yang jawabannya sama, atau jadikan pertanyaan baru dengan balasan Anda sebagai jawabannya.
teach-saved-example = ✅ <b>Disimpan di FAQ</b>: “{ $question }” sekarang dijawab dengan “{ $entry }”. Pengelola yang bertanya serupa langsung mendapat jawaban itu.
teach-saved-entry = ✅ <b>Disimpan di FAQ</b> sebagai pertanyaan baru di { $category }: “{ $question }”, dengan balasan Anda sebagai jawabannya. Pengelola yang bertanya serupa langsung mendapat jawaban itu.
teach-removed = 🗑 Yang diajarkan dari <code>{ $number }</code> sudah dihapus dari FAQ.
teach-not-answered = Pertanyaan ini belum dijawab.
learned-empty = Belum ada yang diajarkan petugas ke FAQ. Setelah menjawab pertanyaan, tekan ➕ Tambah ke FAQ.
learned-title = 🧠 <b>Diajarkan petugas ke FAQ</b> ({ $count }), yang terbaru lebih dulu:
learned-line-example = • <code>{ $number }</code> “{ $question }” → { $entry } – { $staff }, { $date }
learned-line-entry = • <code>{ $number }</code> “{ $question }” → pertanyaan baru – { $staff }, { $date }
