### Meja kurasi: Mini App Telegram untuk petugas (halaman web).
### HTML di sini ditampilkan di browser, bukan di Telegram.

desk-title = Meja kurasi OPOP
desk-nav-queue = Antrean
desk-nav-reports = Laporan
desk-opening = Membuka meja kurasi…
desk-open-from-telegram = Buka meja ini dari Telegram: kirim /meja di chat pribadi dengan bot, atau tekan 🖥 pada notifikasi di grup petugas.
desk-signed-in = Masuk sebagai { $name }

## Antrean

desk-filters = ⚙ Filter
desk-filter-kind = Jenis
desk-filter-status = Status
desk-filter-region = Wilayah
desk-filter-category = Kategori produk
desk-filter-older = Lebih lama dari (hari)
desk-filter-assignee = Ditangani
desk-filter-search = Cari nomor, pesantren, atau produk
desk-any = Semua
desk-status-open = Terbuka
desk-status-all = Semua status
desk-assignee-mine = Oleh saya
desk-assignee-none = Belum ada
desk-filter-apply = Terapkan
desk-filter-reset = Hapus filter
desk-count = { $count ->
        [one] 1 tiket
       *[other] { $count } tiket
    }
desk-empty = Tidak ada tiket yang cocok dengan filter ini.
desk-page = Halaman { $page } dari { $pages }
desk-prev = ‹ Sebelumnya
desk-next = Berikutnya ›
desk-select = Pilih
desk-bulk = Untuk tiket yang dipilih:
desk-bulk-take = 🙋 Ambil
desk-bulk-approve = ✅ Setujui
desk-bulk-none = Pilih dulu tiketnya.
desk-age = { $days ->
        [0] hari ini
       *[other] { $days } hari
    }

## Tiket

desk-back = ‹ Antrean
desk-answers = Isian
desk-profile = Pesantren
desk-no-profile = Pengaju belum mengisi profil pesantren (atau datanya sudah dihapus).
desk-history = Riwayat
desk-photos = Foto produk
desk-photo-alt = Foto { $index } dari { $number }
desk-actions = Tindakan
desk-no-actions = Tidak ada tindakan lagi untuk status ini.
desk-assignee = Ditangani oleh { $staff }
desk-note-reason = Alasan (dikirim ke pengaju)
desk-note-date = Tanggal dan waktu pendampingan
desk-note-answer = Jawaban untuk penanya
desk-answer-button = 💬 Kirim jawaban
desk-version-changed = Tiket ini berubah sejak halaman dibuka. Muat ulang untuk melihatnya.

## Laporan

desk-reports-title = Laporan program
desk-chart-weekly = Pengajuan per minggu (12 minggu)
desk-chart-region = Pengajuan menurut wilayah (12 minggu)
desk-chart-category = Produk menurut kategori (12 minggu)
desk-chart-age = Tiket terbuka menurut umur (hari)
desk-no-region = (tanpa wilayah)
desk-median-first = Waktu median sampai tindakan pertama petugas: <b>{ $hours } jam</b>
desk-median-none = Waktu sampai tindakan pertama: belum ada data.
desk-week = { $date }
desk-export-xlsx = ⬇ Excel untuk filter ini
desk-export-csv = ⬇ CSV untuk filter ini
desk-reports-filter = Filter antrean saat ini: { $count }.

## Halaman kesalahan

desk-error-unauthorized = Belum masuk
desk-error-unauthorized-body = Sesi tidak ada atau sudah habis. Buka meja dari Telegram lagi (/meja).
desk-error-tampered = Data dari Telegram tidak sah
desk-error-tampered-body = Data pembuka meja ini tidak cocok dengan tanda tangan Telegram. Buka meja dari Telegram lagi.
desk-error-expired = Tautan sudah kedaluwarsa
desk-error-expired-body = Data pembuka ini sudah terlalu lama atau sudah dipakai. Buka meja dari Telegram lagi, atau minta tautan baru dengan /meja.
desk-error-forbidden = Khusus petugas
desk-error-forbidden-body = Meja kurasi hanya untuk petugas dan admin OPOP.
desk-error-csrf = Formulir tidak sah
desk-error-csrf-body = Formulir ini tidak membawa token yang benar. Muat ulang halaman lalu coba lagi.
desk-error-not-found = Tidak ditemukan
desk-error-not-found-body = Halaman atau tiket ini tidak ada.
desk-error-unavailable = Belum tersedia
desk-error-unavailable-body = Data belum dapat dibaca. Coba lagi sebentar lagi.
