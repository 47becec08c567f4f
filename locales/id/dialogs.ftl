# Texts of the forms in dialogs/*.toml. Ids follow the dialog and step ids:
# <dialog>-<step> is the question, <dialog>-<step>-label its name in the
# summary, <dialog>-<step>-opt-<value> an option.

## Pendaftaran pesantren (dialogs/register.toml)

register-title = Pendaftaran pesantren
register-intro = <b>Pendaftaran profil pesantren</b> 📝
    Ada 7 pertanyaan singkat. Anda bisa /kembali atau /batal kapan saja.
register-done = ✅ Profil pesantren tersimpan. Sekarang Anda bisa mengirim produk atau meminta pendampingan lewat menu.
register-consent =
    <b>Persetujuan penggunaan data</b>
    Sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi, sebelum mendaftar mohon baca ini:
    • <b>Data yang disimpan:</b> nama pesantren, kabupaten/kota, pilar, nama dan nomor telepon narahubung, NSPP (jika diisi), serta pengajuan produk dan pendampingan.
    • <b>Tujuannya:</b> administrasi program OPOP Jawa Timur: kurasi produk, pendampingan, dan menghubungi pesantren Anda.
    • <b>Siapa yang melihat:</b> petugas sekretariat OPOP yang menangani pengajuan.
    • <b>Hak Anda:</b> kapan saja melihat semua data Anda dengan /privasi, memperbaikinya dengan /daftar, dan menghapusnya (sekaligus menarik persetujuan) dengan /hapusdata.
    Formulir ini untuk pengurus pesantren yang berusia 18 tahun ke atas.

    Apakah Anda setuju data tersebut disimpan untuk tujuan di atas?
register-consent-label = Persetujuan data
register-name = Apa <b>nama pondok pesantren</b> Anda?
register-name-label = Nama pesantren
register-region = Di <b>kabupaten/kota</b> mana pesantren Anda berada?
register-region-label = Kabupaten/kota
register-pillar = Pesantren Anda ikut OPOP lewat <b>pilar</b> yang mana?
    • <b>Santripreneur</b>: usaha para santri
    • <b>Pesantrenpreneur</b>: usaha pesantren lewat koperasi pondok pesantren (kopontren)
    • <b>Sociopreneur</b>: usaha alumni bersama masyarakat sekitar
register-pillar-label = Pilar
register-pillar-opt-santripreneur = Santripreneur
register-pillar-opt-pesantrenpreneur = Pesantrenpreneur
register-pillar-opt-sociopreneur = Sociopreneur
register-contact_person = Siapa <b>nama narahubung</b> (pengurus yang bisa dihubungi)?
register-contact_person-label = Narahubung
register-contact_person-invalid = Nama hanya boleh berisi huruf, spasi, titik, koma, tanda petik, dan tanda hubung.
register-phone = Berapa <b>nomor HP/WhatsApp</b> narahubung?
register-phone-label = Nomor HP
register-nspp = Jika ada, tulis <b>NSPP</b> (Nomor Statistik Pondok Pesantren). Kalau belum punya, tekan <b>Lewati</b>.
register-nspp-label = NSPP
register-nspp-invalid = NSPP berupa angka saja (8–20 digit). Tekan <b>Lewati</b> jika belum punya.

## Pengajuan produk (dialogs/product.toml)

product-title = Pengajuan produk
product-intro = <b>Pengajuan produk untuk kurasi</b> 📦
    Siapkan 1–5 foto produk. Anda bisa /kembali atau /batal kapan saja.
product-done =
    ✅ Terima kasih! Produk Anda sudah kami terima untuk dikurasi.
    Nomor tiket: <code>{ $ticket }</code>
    Anda akan mendapat pesan saat statusnya berubah; cek kapan saja dengan /status.
product-name = Apa <b>nama produk</b> Anda?
product-name-label = Nama produk
product-category = Termasuk <b>kategori</b> apa produk ini?
product-category-label = Kategori
product-category-opt-food = Makanan &amp; minuman
product-category-opt-coffee = Kopi
product-category-opt-coconut = Olahan kelapa
product-category-opt-fashion = Busana muslim
product-category-opt-crafts = Kerajinan
product-category-opt-herbal = Herbal &amp; kosmetik
product-category-opt-agri = Pertanian &amp; peternakan
product-category-opt-services = Jasa
product-category-opt-other = Lainnya
product-description = Ceritakan <b>produk</b> ini secara singkat: bahan, keunggulan, kemasan.
product-description-label = Deskripsi
product-photos = Kirim <b>foto produk</b> yang jelas.
product-photos-label = Foto
product-price = Berapa <b>harga jual</b> per kemasan (rupiah)?
product-price-label = Harga
product-capacity = Berapa <b>kapasitas produksi per bulan</b> (jumlah kemasan/unit)?
product-capacity-label = Kapasitas per bulan
product-certifications = <b>Sertifikat/izin</b> apa saja yang sudah dimiliki?
product-certifications-label = Sertifikat
product-certifications-opt-halal = Halal
product-certifications-opt-pirt = PIRT
product-certifications-opt-bpom = BPOM
product-certifications-opt-sni = SNI
product-certifications-opt-none = Belum ada
product-export = Apakah pesantren Anda <b>tertarik mengekspor</b> produk ini?
product-export-label = Minat ekspor
product-markets = Ke <b>pasar</b> mana ekspor yang Anda minati?
product-markets-label = Pasar tujuan
product-markets-opt-asean = ASEAN (mis. Malaysia)
product-markets-opt-china = Tiongkok / Hong Kong
product-markets-opt-middle_east = Timur Tengah
product-markets-opt-east_asia = Jepang / Korea
product-markets-opt-europe = Eropa
product-markets-opt-america = Amerika
product-markets-opt-other = Lainnya

## Permintaan pendampingan (dialogs/mentoring.toml)

mentoring-title = Permintaan pendampingan
mentoring-intro = <b>Permintaan pendampingan</b> 🤝
    Ada 4 pertanyaan singkat. Anda bisa /kembali atau /batal kapan saja.
mentoring-done =
    ✅ Permintaan pendampingan diterima.
    Nomor tiket: <code>{ $ticket }</code>
    Petugas akan menghubungi Anda; cek statusnya dengan /status.
mentoring-topics = Pendampingan di <b>bidang</b> apa yang dibutuhkan?
mentoring-topics-label = Topik
mentoring-topics-opt-hr = SDM
mentoring-topics-opt-quality = Mutu produk
mentoring-topics-opt-packaging = Kemasan
mentoring-topics-opt-halal = Sertifikasi halal
mentoring-topics-opt-marketing = Pemasaran digital
mentoring-topics-opt-export = Ekspor
mentoring-topics-opt-finance = Keuangan
mentoring-topics-opt-other = Lainnya
mentoring-description = Ceritakan <b>kebutuhan</b> pesantren Anda secara singkat.
mentoring-description-label = Kebutuhan
mentoring-mode = Pendampingan lebih cocok dilakukan <b>bagaimana</b>?
mentoring-mode-label = Cara
mentoring-mode-opt-online = Daring (online)
mentoring-mode-opt-offline = Luring (tatap muka)
mentoring-mode-opt-either = Keduanya bisa
mentoring-schedule = <b>Hari dan jam</b> apa yang paling cocok? Misalnya: "Selasa atau Kamis, setelah Ashar".
mentoring-schedule-label = Waktu yang cocok

## Pertanyaan untuk petugas (dialogs/question.toml)

question-title = Pertanyaan untuk petugas
question-intro = <b>Pertanyaan untuk petugas OPOP</b> 🙋
question-done =
    ✅ Pertanyaan Anda sudah diteruskan ke petugas OPOP.
    Nomor tiket: <code>{ $ticket }</code>
    Jawabannya akan dikirim lewat chat ini; cek statusnya dengan /status.
question-question = Tulis <b>pertanyaan</b> Anda untuk petugas OPOP.
question-question-label = Pertanyaan
