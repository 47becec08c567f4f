# Ekspor spreadsheet (/ekspor): irah-irahan kolom saha pesen. Irah-irahan
# kolom saha tombol punika teks biasa.

export-telegram-id = ID Telegram
export-username = Username Telegram
export-language = Basa
export-active = Aktif
export-consent = Persetujuan data (WIB)
export-updated = Dipunewahi (WIB)
export-number = Nomer
export-created = Dipundamel (WIB)
export-pesantren = Pesantren
export-region = Wilayah
export-status = Status
export-assignee = Penanggung jawab
export-last-action = Tindakan pungkasan
export-yes = Inggih
export-no = Mboten
export-caption = 📊 Ekspor data OPOP: { $pesantren } pesantren, { $products } produk, { $mentoring } pendampingan, { $questions } pitakenan. Ngemot data pribadi: mangga simpen kanthi aman miturut UU PDP.
export-preparing = ⏳ Nyawisaken file ekspor…
cmd-export = Ekspor data dhateng Excel
export-action = { $status } – { $staff }, { $date }
export-action-note = { $action }: { $note }
