# Siaran admin (/siaran): menyusun, memilih penerima, pratinjau, jadwal,
# kemajuan, dan laporan. Telegram HTML seperti main.ftl.

broadcast-header = 📢 <b>Pengumuman OPOP Jawa Timur</b>
broadcast-admins-only = Siaran hanya dapat dikirim oleh admin OPOP.
broadcast-admins-only-toast = Tombol ini khusus admin OPOP.
broadcast-private-only = Susun siaran di chat pribadi dengan bot, bukan di grup.
broadcast-ask-content =
    📢 <b>Siaran baru</b>
    Kirim isi pengumuman: teks (boleh tebal, miring, tautan) atau satu foto dengan keterangan. Tulis dalam bahasa yang akan diterima pesantren; versi bahasa Inggris dapat ditambahkan sesudahnya.
    /batal untuk membatalkan.
broadcast-empty = Pengumumannya masih kosong. Kirim teks atau foto dengan keterangan.
broadcast-bad-format = Format teks ini tidak dapat dikirim lewat Telegram. Kirim ulang dengan format yang lebih sederhana (tebal, miring, tautan).
broadcast-too-long = Pengumuman terlalu panjang: paling banyak { $max } karakter. Persingkat lalu kirim ulang.
broadcast-ask-audience = Kirim ke siapa?
broadcast-audience-all = 👥 Semua pengguna aktif
broadcast-audience-region = 📍 Per wilayah
broadcast-audience-pillar = 🏷 Per pilar
broadcast-audience-category = 📦 Per kategori produk
broadcast-audience-language = 🌐 Per bahasa
broadcast-audience-no-profile = 📝 Belum mendaftarkan pesantren
broadcast-ask-language = Pengguna berbahasa apa?
broadcast-pick = Pilih satu atau lebih, lalu tekan <b>Selesai</b>. Terpilih: { $count }.
broadcast-pick-one = Pilih minimal satu.
broadcast-preview-title = 👀 <b>Pratinjau</b> – persis seperti yang akan diterima:
broadcast-preview-summary =
    <b>Penerima</b>: { $audience }
    <b>Jumlah</b>: { $count } pengguna aktif ({ $en } berbahasa Inggris)
    { $english }

    Kirim sekarang, jadwalkan, atau batalkan?
broadcast-has-english = Pengguna berbahasa Inggris menerima versi bahasa Inggris.
broadcast-no-english = Semua penerima mendapat teks ini apa adanya.
broadcast-send-now = 🚀 Kirim sekarang
broadcast-schedule = 🕒 Jadwalkan
broadcast-add-english = ➕ Tambah versi bahasa Inggris
broadcast-change-audience = 👥 Ganti penerima
broadcast-ask-english = Kirim versi bahasa Inggris dari pengumuman ini (teks saja; fotonya tetap sama).
broadcast-english-text-only = Versi bahasa Inggris berupa teks saja; fotonya tetap sama.
broadcast-ask-schedule = Kapan dikirim? Tulis tanggal dan jam WIB, mis. <code>2026-12-01 08:00</code> atau <code>1/12 08.00</code>.
broadcast-schedule-past = Waktu itu sudah lewat. Tulis tanggal dan jam yang akan datang.
broadcast-schedule-invalid = Tanggal atau jamnya tidak terbaca. Contoh: <code>2026-12-01 08:00</code> atau <code>1/12 08.00</code>.
broadcast-scheduled = 🕒 Siaran dijadwalkan pada <b>{ $at }</b>. Lihat atau batalkan lewat /siaran_status.
broadcast-starting = ⏳ Menyiapkan pengiriman…
broadcast-cancelled = Siaran dibatalkan.
broadcast-cancelling = Membatalkan…
broadcast-already-over = Siaran ini sudah selesai.
broadcast-cancel-button = ✖ Hentikan siaran
broadcast-cancel-job = ✖ Batalkan siaran #{ $id }
broadcast-progress = 📢 Siaran #{ $id }: terkirim { $sent }, gagal { $failed }, memblokir bot { $blocked }, sisa { $remaining } dari { $total }
broadcast-report =
    ✅ <b>Siaran #{ $id } selesai</b>
    Penerima: { $audience }
    Terkirim: { $sent } dari { $total }
    Gagal: { $failed } · Memblokir bot: { $blocked } · Terputus: { $interrupted }
    Mulai { $started }, selesai { $finished }.
broadcast-report-cancelled =
    ✖ <b>Siaran #{ $id } dihentikan</b>
    Penerima: { $audience }
    Terkirim: { $sent } dari { $total } · Tidak jadi dikirim: { $cancelled }
    Gagal: { $failed } · Memblokir bot: { $blocked } · Terputus: { $interrupted }
    Mulai { $started }, berhenti { $finished }.
broadcast-report-late = ⚠️ Dikirim terlambat: bot tidak berjalan pada waktu terjadwal ({ $at }), jadi siaran dikirim begitu bot kembali berjalan.
broadcast-report-interrupted = ⚠️ { $count } pengiriman terputus karena bot berhenti tepat saat mengirim; pengiriman itu tidak diulang agar tidak ada yang menerima dua kali. Sebagian dari mereka mungkin belum menerimanya: tombol di bawah mengirim ulang ke { $count } penerima itu, dan yang sudah menerima akan mendapatkannya dua kali.
broadcast-resend-button = 📨 Kirim ulang ke { $count } yang terputus
broadcast-resend-toast = Mengirim ulang ke penerima yang terputus…
broadcast-resend-nothing = Tidak ada pengiriman terputus untuk dikirim ulang.
broadcast-status-empty = Belum ada siaran.
broadcast-status-title = 📢 <b>Siaran</b> (terbaru dulu)
broadcast-status-line = • #{ $id } <b>{ $state }</b> – { $when } – { $audience }: terkirim { $sent }, gagal { $failed }, memblokir { $blocked }, sisa { $remaining } dari { $total }
broadcast-state-scheduled = terjadwal
broadcast-state-running = sedang dikirim
broadcast-state-done = selesai
broadcast-state-cancelled = dihentikan

## Admin command menu (plain text)

cmd-broadcast = Kirim siaran ke pesantren
cmd-broadcast-status = Daftar siaran dan kemajuannya
broadcast-report-failure = • { $user }: { $reason }
