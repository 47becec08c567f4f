### Meja kurasi: Mini App Telegram kangge petugas (kaca web).
### HTML ing ngriki dipuntampilaken ing browser, sanes ing Telegram.

desk-title = Meja kurasi OPOP
desk-nav-queue = Antrean
desk-nav-reports = Laporan
desk-opening = Mbikak meja kurasi…
desk-open-from-telegram = Bikak meja punika saking Telegram: kintun /meja ing chat pribadi kaliyan bot, utawi pencet 🖥 ing notifikasi ing grup petugas.
desk-signed-in = Mlebet minangka { $name }

## Antrean

desk-filters = ⚙ Filter
desk-filter-kind = Jinis
desk-filter-status = Status
desk-filter-region = Wilayah
desk-filter-category = Kategori produk
desk-filter-older = Langkung dangu saking (dinten)
desk-filter-assignee = Dipuntangani
desk-filter-search = Pados nomer, pesantren, utawi produk
desk-any = Sedaya
desk-status-open = Kabuka
desk-status-all = Sedaya status
desk-assignee-mine = Dening kula
desk-assignee-none = Dereng wonten
desk-filter-apply = Trapaken
desk-filter-reset = Busak filter
desk-count = { $count ->
        [one] 1 tiket
       *[other] { $count } tiket
    }
desk-empty = Mboten wonten tiket ingkang cocog kaliyan filter punika.
desk-page = Kaca { $page } saking { $pages }
desk-prev = ‹ Saderengipun
desk-next = Salajengipun ›
desk-select = Pilih
desk-bulk = Kangge tiket ingkang dipunpilih:
desk-bulk-take = 🙋 Kula tangani
desk-bulk-approve = ✅ Setujoni
desk-bulk-none = Pilih tiketipun rumiyin.
desk-age = { $days ->
        [0] dinten punika
       *[other] { $days } dinten
    }

## Tiket

desk-back = ‹ Antrean
desk-answers = Wangsulan formulir
desk-profile = Pesantren
desk-no-profile = Ingkang ngajokaken dereng ngisi profil pesantren (utawi datanipun sampun dipunbusak).
desk-history = Riwayat
desk-photos = Foto produk
desk-photo-alt = Foto { $index } saking { $number }
desk-actions = Tindakan
desk-no-actions = Mboten wonten tindakan malih kangge status punika.
desk-assignee = Dipuntangani dening { $staff }
desk-note-reason = Alesan (dipunkintun dhateng ingkang ngajokaken)
desk-note-date = Tanggal saha wekdal pendampingan
desk-note-answer = Wangsulan kangge ingkang taken
desk-answer-button = 💬 Kintun wangsulan
desk-version-changed = Tiket punika sampun ewah wiwit kaca punika dipunbikak. Bikak malih kacanipun kangge mirsani.

## Laporan

desk-reports-title = Laporan program
desk-chart-weekly = Pengajuan saben minggu (12 minggu)
desk-chart-region = Pengajuan miturut wilayah (12 minggu)
desk-chart-category = Produk miturut kategori (12 minggu)
desk-chart-age = Tiket kabuka miturut dangunipun (dinten)
desk-no-region = (tanpa wilayah)
desk-median-first = Wekdal median dumugi tindakan kapisan petugas: <b>{ $hours } jam</b>
desk-median-none = Wekdal dumugi tindakan kapisan: dereng wonten data.
desk-week = { $date }
desk-export-xlsx = ⬇ Excel kangge filter punika
desk-export-csv = ⬇ CSV kangge filter punika
desk-reports-filter = Filter antrean samenika: { $count }.

## Kaca kalepatan

desk-error-unauthorized = Dereng mlebet
desk-error-unauthorized-body = Sesi mboten wonten utawi sampun telas. Bikak meja saking Telegram malih (/meja).
desk-error-tampered = Data saking Telegram mboten sah
desk-error-tampered-body = Data ingkang mbikak meja punika mboten cocog kaliyan tapak asta Telegram. Bikak meja saking Telegram malih.
desk-error-expired = Link sampun mboten laku
desk-error-expired-body = Data pambikak punika sampun kedangon utawi sampun dipunagem. Bikak meja saking Telegram malih, utawi suwun link enggal kanthi /meja.
desk-error-forbidden = Khusus petugas
desk-error-forbidden-body = Meja kurasi namung kangge petugas saha admin OPOP.
desk-error-csrf = Formulir mboten sah
desk-error-csrf-body = Formulir punika mboten ngemot token ingkang leres. Bikak malih kacanipun lajeng cobi malih.
desk-error-not-found = Mboten kapanggih
desk-error-not-found-body = Kaca utawi tiket punika mboten wonten.
desk-error-unavailable = Dereng cumawis
desk-error-unavailable-body = Data dereng saged dipunwaos. Cobi malih sakedhap engkas.
