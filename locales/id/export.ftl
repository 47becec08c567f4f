# Ekspor spreadsheet (/ekspor): judul kolom dan pesan. Judul kolom dan
# tombol adalah teks biasa.

export-telegram-id = ID Telegram
export-username = Username Telegram
export-language = Bahasa
export-active = Aktif
export-consent = Persetujuan data (WIB)
export-updated = Diperbarui (WIB)
export-number = Nomor
export-created = Dibuat (WIB)
export-pesantren = Pesantren
export-region = Wilayah
export-status = Status
export-assignee = Penanggung jawab
export-last-action = Tindakan terakhir
export-yes = Ya
export-no = Tidak
export-caption = 📊 Ekspor data OPOP: { $pesantren } pesantren, { $products } produk, { $mentoring } pendampingan, { $questions } pertanyaan. Berisi data pribadi: simpan dengan aman sesuai UU PDP.
export-preparing = ⏳ Menyiapkan file ekspor…
cmd-export = Ekspor data ke Excel
export-action = { $status } – { $staff }, { $date }
export-action-note = { $action }: { $note }
