### FAQ OPOP Jatim — Bahasa Indonesia.
### Setiap entri X di dialogs/faq.toml punya faq-X-q (judul/tombol, maks. 45 karakter,
### tanpa HTML) dan faq-X-a (jawaban, HTML Telegram: hanya <b>, <i>, <u>, <a href>;
### tulis & sebagai &amp;). Jawaban maks. 900 karakter setelah dirender.
### Variabel dari konfigurasi operator: $website, $phone, $email, $address, $intake.
### Hal yang belum terkonfirmasi harus tetap ditulis "belum dapat kami pastikan".

## Kategori

faq-cat-program = 📘 Tentang OPOP
faq-cat-join = 📝 Cara Ikut OPOP
faq-cat-products = 📦 Produk dan Perizinan
faq-cat-support = 🎓 Pembinaan dan Modal
faq-cat-market = 🛒 Pemasaran dan Ekspor
faq-cat-bot = 🤖 Kontak dan Bot

## Tentang OPOP

faq-what-is-opop-q = Apa itu OPOP Jatim?
faq-what-is-opop-a =
    <b>Apa itu OPOP Jatim?</b>
    One Pesantren One Product (OPOP) adalah program Pemerintah Provinsi Jawa Timur yang menjadikan pesantren pusat pemberdayaan ekonomi, supaya pesantren mandiri dan warga sekitarnya ikut sejahtera.

    Program ini digagas Gubernur Khofifah Indar Parawansa dan Wakil Gubernur Emil Dardak, dan diluncurkan resmi pada Agustus 2019. Sejak 2025 program ini juga disebut <i>Eko-Tren OPOP</i> (ekonomi berbasis pesantren).

    Sasarannya: tiap pesantren punya usaha dengan produk unggulan, melibatkan santri, pesantren (lewat koperasinya), serta alumni dan masyarakat sekitar.

    Per Desember 2025 tercatat sekitar 1.410 pesantren dengan unit usaha aktif; laporan Januari 2026 menyebut sekitar 1.600. Angka ini perkiraan dan berubah tiap tahun.

faq-pillars-q = Apa saja tiga pilar OPOP?
faq-pillars-a =
    <b>Tiga pilar OPOP</b>
    • <b>Santripreneur</b>: santri belajar berwirausaha selagi masih mondok, agar bisa mandiri setelah lulus. Usaha rintisan santri dapat dilanjutkan koperasi pesantren atau alumni.

    • <b>Pesantrenpreneur</b>: pesantren sebagai lembaga mengembangkan produk unggulan lewat Koperasi Pondok Pesantren (Kopontren). Yang diperkuat: kelembagaan koperasi, SDM, produksi, pemasaran, dan akses pembiayaan. Targetnya, tiap pesantren punya minimal satu Kopontren dengan satu produk unggulan.

    • <b>Sosiopreneur</b>: alumni bersama masyarakat sekitar membangun usaha yang memberi manfaat bagi lingkungan, bukan semata mencari laba, sekaligus mendukung produk almamaternya.

    Profil pesantren yang Anda daftarkan di bot ini (/daftar) juga mencatat pilar yang dipilih.

faq-organizer-q = Siapa yang mengelola OPOP?
faq-organizer-a =
    <b>Pengelola OPOP</b>
    Pelaksana program adalah Dinas Koperasi dan UKM Provinsi Jawa Timur. Susunan tim Eko-Tren OPOP 2025–2030 (keputusan gubernur, April 2025):
    • Pembina: Gubernur dan Wakil Gubernur
    • Pengarah: pimpinan Bank Indonesia Jatim dan OJK Jatim
    • Ketua Umum: Sekretaris Daerah Provinsi
    • Ketua Harian: Kepala Dinas Koperasi dan UKM Jatim

    Sekretaris OPOP (per Januari 2026) adalah Mohammad Ghofirin (Gus Ghofirin), dosen Unusa yang juga memimpin OPOP Training Center.

    Di daerah, program dibantu Dinas Koperasi kabupaten/kota dan seksi PD Pontren Kemenag.

faq-legal-basis-q = Apa dasar hukum OPOP?
faq-legal-basis-a =
    <b>Dasar hukum</b>
    • OPOP Jatim diatur dengan Peraturan Gubernur tahun 2020, tetapi nomornya <b>belum dapat kami pastikan</b>: kebanyakan sumber menyebut No. 62 Tahun 2020, sebagian menyebut No. 22. Silakan cek ke JDIH Biro Hukum Pemprov Jatim atau sekretariat.
    • Tim Eko-Tren OPOP 2025–2030 dibentuk dengan Keputusan Gubernur No. 100.3.3.1/250/013/2025 (16 April 2025).
    • Perda Jatim No. 3 Tahun 2022 tentang Fasilitasi Pengembangan Pesantren berlaku umum (bukan khusus OPOP) dan mencakup bidang ekonomi.
    • UU No. 18 Tahun 2019 tentang Pesantren memberi pesantren fungsi pemberdayaan masyarakat.

    Sebagian kabupaten juga punya aturan sendiri, misalnya Perbup Blitar No. 72 Tahun 2021.

faq-benefits-q = Apa manfaat ikut OPOP?
faq-benefits-a =
    <b>Manfaat bagi peserta</b>
    Menurut Dinas Koperasi dan UKM Jatim (2025), dukungan OPOP meliputi:
    1. Penguatan kelembagaan Kopontren, misalnya akta pendirian dan pendampingan (687 Kopontren dibantu, data 2025).
    2. Pelatihan untuk pengelola usaha (sekitar 2.000 orang dalam lima tahun).
    3. Bantuan sertifikasi produk, merek, dan desain kemasan.
    4. Akses pembiayaan, antara lain hibah untuk Kopontren.
    5. Akses pasar: OPOP Expo tiap tahun, misi dagang, dan pameran.

    Pada 2022 Gubernur juga mendorong produk OPOP dibeli lewat pengadaan pemerintah daerah.

    Bentuk dan besaran bantuan bisa berbeda tiap tahun, jadi pastikan ke sekretariat.

## Cara ikut

faq-who-can-join-q = Siapa saja yang bisa ikut OPOP?
faq-who-can-join-a =
    <b>Siapa yang bisa ikut?</b>
    OPOP ditujukan bagi pesantren di Jawa Timur beserta santri dan alumninya. Selama ini peserta terbagi menurut tiga pilar:
    • santri (santripreneur)
    • pesantren melalui koperasinya/Kopontren (pesantrenpreneur)
    • alumni bersama masyarakat sekitar (sosiopreneur)

    Kriteria resmi peserta <b>belum dapat kami pastikan</b>. Yang diketahui: penerimaan dibuka per angkatan tiap tahun dengan kuota per kabupaten/kota, dan pada seleksi 2021 di salah satu kabupaten, pesantren yang belum punya produk unggulan siap tidak terpilih. Untuk menerima hibah, pesantren perlu NSPP dan Kopontren.

    Ketik /daftar untuk mencatat profil pesantren Anda, lalu pastikan ke sekretariat OPOP atau Dinas Koperasi setempat.

faq-how-to-join-q = Bagaimana cara mendaftar OPOP?
faq-how-to-join-a =
    <b>Cara mendaftar</b>
    Panduan resmi pendaftaran OPOP Jatim, termasuk ada tidaknya formulir online dan jadwalnya, <b>belum dapat kami pastikan</b>. Yang diketahui: peserta baru diterima per angkatan tiap tahun dengan kuota per kabupaten/kota, lalu mengikuti sosialisasi.

    Langkah yang kami sarankan:
    1. Daftarkan profil pesantren di bot ini dengan /daftar agar sekretariat bisa menindaklanjuti.
    2. Hubungi sekretariat OPOP atau Dinas Koperasi kabupaten/kota Anda.
    3. Siapkan izin operasional/NSPP dan Kopontren; keduanya diperlukan untuk menerima hibah.

    Penerimaan: { $intake }
    Sekretariat: { $phone }, { $website }

    Catatan: pendaftaran online OPOP Jawa Barat adalah program lain, bukan OPOP Jatim.

faq-requirements-q = Apa saja syarat dan dokumennya?
faq-requirements-a =
    <b>Syarat dan dokumen</b>
    Daftar syarat resmi untuk ikut OPOP Jatim <b>belum dapat kami pastikan</b>. Dari pelaksanaan sebelumnya, hal berikut penting:
    • <b>Izin operasional pesantren dari Kemenag</b>, yang sekaligus memberi NSPP (Nomor Statistik Pondok Pesantren). Ini diperlukan untuk menerima bantuan pemerintah seperti hibah OPOP. Izin diajukan online, divalidasi Kemenag kabupaten/kota lalu Kanwil; laporan 2024 menyebut prosesnya sekitar sebulan.
    • <b>Kopontren berizin</b>, karena hibah disalurkan lewat koperasi. Kopontren hanya bisa didaftarkan bila pesantren sudah punya NSPP.
    • Produk unggulan yang siap.

    Pada 2020 banyak jatah hibah tak terpakai karena pesantren belum punya NSPP atau dokumen lain. Pastikan syarat terbaru ke sekretariat atau Dinas Koperasi setempat.

faq-cost-q = Berapa biaya ikut OPOP?
faq-cost-a =
    <b>Biaya keikutsertaan</b>
    Kami <b>belum menemukan informasi resmi</b> soal biaya ikut OPOP. Tidak ada sumber yang menyebut iuran, tetapi juga belum ada pernyataan resmi bahwa program ini gratis.

    Yang diketahui: kegiatan OPOP seperti hibah dan pelatihan dibiayai anggaran Pemprov Jatim, dan pada 2020 bantuan pendaftaran merek dari OPOP diberikan tanpa biaya.

    Bila ada pihak yang meminta bayaran atas nama OPOP, tanyakan dulu ke sekretariat: { $phone } atau { $email }.

    Catatan: izin dan sertifikat produk (misalnya halal jalur reguler) bisa memiliki biaya sendiri.

## Produk dan perizinan

faq-product-types-q = Produk apa saja yang ada di OPOP?
faq-product-types-a =
    <b>Jenis produk pesantren</b>
    Daftar kategori produk resmi OPOP <b>belum dapat kami pastikan</b>. Produk yang sering muncul di pameran dan katalog OPOP antara lain:
    • makanan dan camilan (keripik tempe, kue, olahan jamur, ikan teri)
    • minuman: air minum kemasan, kopi, susu kedelai, minuman herbal
    • olahan susu, misalnya keju mozzarella
    • hasil pertanian, peternakan, dan perikanan (beras organik, lele, kelor, pupuk kandang)
    • olahan dan kerajinan kelapa
    • busana muslim, konveksi, dan kerajinan tangan
    • sabun dan perawatan diri
    • produk digital karya santri
    • jasa, seperti gerai Samsat, agen pos, dan toko pesantren

faq-curation-q = Bagaimana produk dikurasi?
faq-curation-a =
    <b>Kurasi produk</b>
    Produk pesantren dinilai (dikurasi) dulu sebelum masuk katalog OPOP atau jalur ekspor. Sebagai gambaran, per November 2021 ada sekitar 450 produk: 150 sudah lolos kurasi dan masuk katalog, 300 masih menunggu.

    Kriteria kurasi resmi <b>belum dapat kami pastikan</b>. Hal yang banyak didorong OPOP: izin edar (PIRT/BPOM), sertifikat halal, merek, dan kemasan yang baik. Untuk pasar luar negeri, katalog produk yang rapi juga diminta.

    Produk yang Anda kirim lewat bot ini mendapat nomor tiket (contoh: PRD-2026-00001) dan ditinjau petugas. Cek perkembangannya dengan /status.

faq-halal-certification-q = Bagaimana mengurus sertifikat halal?
faq-halal-certification-a =
    <b>Sertifikat halal</b>
    Diterbitkan BPJPH (Kemenag) melalui sistem SIHALAL. Ada dua jalur:
    • <b>Reguler</b>: diperiksa Lembaga Pemeriksa Halal, ditetapkan fatwanya, lalu terbit dari BPJPH. Tarif usaha mikro/kecil Rp300.000 per permohonan (ketentuan 2021), ditambah biaya pemeriksaan.
    • <b>Self-declare</b> untuk usaha mikro/kecil: pernyataan pelaku usaha yang diverifikasi pendamping halal. Ada kuota gratis tahunan (SEHATI), misalnya 1 juta pada 2025. Umumnya perlu NIB, produk risiko rendah, bahan sudah halal, dan proses sederhana. PIRT tidak wajib.

    Sertifikat berlaku selama bahan dan proses tidak berubah. Makanan/minuman usaha mikro dan kecil wajib bersertifikat halal mulai 17 Oktober 2026.

    OPOP juga mendampingi pesantren menuju sertifikasi halal.

faq-pirt-bpom-q = Perlu izin PIRT atau BPOM?
faq-pirt-bpom-a =
    <b>PIRT atau BPOM?</b>
    • <b>PIRT (SPP-IRT)</b>: untuk pangan olahan skala rumah tangga, dibuat dengan alat manual/semi-otomatis dan tahan lebih dari 7 hari. Diajukan lewat OSS dan diterbitkan pemda (Dinas Kesehatan/DPMPTSP). Perlu NIB, desain label, dan penyuluhan keamanan pangan; bisa ada pemeriksaan tempat produksi.
    • <b>BPOM (nomor MD)</b>: untuk produk yang tidak boleh memakai PIRT, misalnya air minum dalam kemasan, susu dan olahannya, daging/ikan simpan dingin atau beku, pangan kaleng atau pasteurisasi, dan makanan bayi. Jamu/herbal yang mengklaim khasiat juga lewat BPOM.

    SNI umumnya sukarela, kecuali diwajibkan untuk produk tertentu.

    Masa berlaku izin menurut aturan terbaru <b>belum kami pastikan</b>; cek ke Dinas Kesehatan atau BPOM. OPOP pernah menggelar coaching clinic izin edar (September 2025).

faq-nib-q = Apa itu NIB dan cara membuatnya?
faq-nib-a =
    <b>NIB (Nomor Induk Berusaha)</b>
    NIB adalah nomor identitas usaha yang terbit dari sistem OSS. Satu usaha cukup satu NIB, dan tidak dipungut biaya.
    • Usaha berisiko rendah: NIB sudah berlaku sebagai izin usaha.
    • Risiko lebih tinggi: perlu Sertifikat Standar atau izin tambahan.

    Perorangan dapat mendaftar lewat aplikasi OSS memakai KTP dan nomor HP yang terhubung WhatsApp. Koperasi, termasuk Kopontren, memerlukan akta/SK badan hukum dari AHU.

    NIB dibutuhkan antara lain untuk PIRT, sertifikat halal self-declare, dan surat keterangan asal untuk ekspor.

faq-trademark-q = Apakah OPOP membantu daftar merek?
faq-trademark-a =
    <b>Merek dagang</b>
    Ya, merek termasuk bidang yang dibantu OPOP. Pada 2020 OPOP membantu pesantren mendaftarkan merek secara online tanpa biaya, dan pada 2025 Dinas Koperasi dan UKM Jatim menyebut bantuan sertifikasi, merek, dan desain kemasan sebagai salah satu dukungan utama.

    Merek yang terdaftar membuat produk Anda lebih terlindungi dan mudah dikenali, terutama bila dijual luas atau diekspor.

    Prosedur dan biaya pendaftaran merek saat ini <b>belum kami pastikan</b>. Tanyakan ke sekretariat: { $phone }.

## Pembinaan dan modal

faq-training-mentoring-q = Ada pelatihan dan pendampingan?
faq-training-mentoring-a =
    <b>Pelatihan dan pendampingan</b>
    Ada. Sejak 2019 OPOP punya Training Center di Universitas Nahdlatul Ulama Surabaya (Unusa) yang mendampingi pesantren di bidang kelembagaan, produksi, pemasaran, SDM, dan pembiayaan. UPT Pelatihan KUKM Jatim juga menggelar pelatihan.

    Contoh kegiatan 2025: workshop manajerial (Mei) dan coaching clinic izin edar (September) tentang cara produksi yang baik, HACCP, halal, dan izin BPOM. Ada pula bimtek pengusulan hibah.

    Jadwal tahun ini belum tentu sama; tanyakan ke sekretariat atau lihat { $website }.

    Permintaan pendampingan lewat bot ini mendapat nomor tiket (contoh: MNT-2026-00001) yang bisa dicek dengan /status.

faq-funding-q = Ada bantuan modal atau hibah?
faq-funding-a =
    <b>Modal dan hibah</b>
    OPOP menyalurkan hibah kepada Kopontren yang memiliki izin koperasi. Usulannya diajukan lewat sistem SIPD Pemprov Jatim, dan OPOP/Dinas Koperasi mengadakan bimtek pengusulannya.

    Contoh (angka berubah tiap tahun): Rp2,55 miliar untuk 51 Kopontren (diumumkan Desember 2020) dan sekitar Rp3 miliar untuk 150 pesantren (2022).

    Syarat penting: NSPP dan Kopontren berizin. Pada 2020 banyak jatah hibah tak terpakai karena dokumen belum lengkap.

    Lainnya: Bank Jatim menawarkan pembiayaan di OPOP Expo 2025, dan ada Kartu OPOP Jatim Berdaya bersama Bank Jatim Syariah.

    Besaran, syarat, dan jadwal tahun ini <b>belum kami pastikan</b>; tanyakan ke sekretariat atau Dinas Koperasi.

## Pemasaran dan ekspor

faq-marketing-q = Di mana produk bisa dipasarkan?
faq-marketing-a =
    <b>Pemasaran produk</b>
    • <b>OPOP Expo</b> digelar tiap tahun sejak 2019. Edisi 2025 dibuka 13 November di Surabaya dengan sekitar 40 pesantren; Expo 2021 mencatat transaksi sekitar Rp1,95 miliar.
    • Misi dagang dan pameran, termasuk ke luar negeri.
    • Belanja pemerintah: pada 2020 perangkat daerah Pemprov diminta memakai air minum kemasan produk OPOP, dan pada 2022 Gubernur mendorong produk OPOP masuk pengadaan pemda.
    • Penjualan online: showroom dan aplikasi OPOP Mart diluncurkan pada 2020–2022, tetapi apakah aplikasinya masih aktif <b>belum kami pastikan</b>.

    Info pameran terbaru: tanyakan ke sekretariat atau lihat { $website }.

faq-export-q = Bisakah produk pesantren diekspor?
faq-export-a =
    <b>Ekspor</b>
    Bisa. Contoh: kopi kaleng Kopontren pesantren di Malang ke Malaysia, olahan tongkol jagung ke Jepang, dan kelor Sumenep ke Jerman. Januari 2026, rombongan 40 pesantren OPOP menjajaki Hong Kong dan Guangzhou; kopi dan kelapa disebut berpeluang.

    Untuk ke Tiongkok:
    • Produsen pangan wajib terdaftar di bea cukai Tiongkok (GACC). Aturan baru berlaku 1 Juni 2026; produk tertentu butuh rekomendasi instansi Indonesia (BPOM membantu).
    • Tarif preferensi memakai SKA Form E dari Kemendag (perlu NIB dan NPWP).
    • Siapkan katalog produk yang baik.

    Kategori GACC untuk olahan kelapa dan kopi <b>belum kami pastikan</b>; tanyakan ke BPOM atau Barantin, dan minta pendampingan ke sekretariat OPOP.

## Kontak dan bot

faq-contact-q = Bagaimana menghubungi sekretariat?
faq-contact-a =
    <b>Kontak sekretariat OPOP Jatim</b>
    📞 { $phone }
    ✉️ { $email }
    📍 { $address }
    🌐 { $website }

    Anda juga bisa bertanya ke Dinas Koperasi kabupaten/kota setempat atau seksi PD Pontren Kemenag kabupaten/kota.

    Pertanyaan yang Anda kirim lewat bot ini mendapat nomor tiket (contoh: QST-2026-00001); cek jawabannya dengan /status.

faq-submission-status-q = Bagaimana cek status pengajuan saya?
faq-submission-status-a =
    <b>Cek status pengajuan</b>
    Ketik /status untuk melihat pengajuan Anda di bot ini. Tiap pengajuan punya nomor tiket dengan format:
    • PRD-2026-00001: produk
    • MNT-2026-00001: pendampingan
    • QST-2026-00001: pertanyaan

    Setiap pengajuan ditinjau petugas. Bila statusnya berubah, Anda otomatis menerima pesan di sini.

    Simpan nomor tiket Anda dan sebutkan bila menghubungi sekretariat.

faq-privacy-q = Data apa yang disimpan bot ini?
faq-privacy-a =
    <b>Privasi dan data Anda</b>
    Yang disimpan: profil pesantren (nama, kabupaten/kota, pilar, nama narahubung, nomor telepon, NSPP bila diisi) dan tiket pengajuan Anda.

    Untuk apa: administrasi program, kurasi produk, dan pendampingan. Persetujuan Anda diminta saat pendaftaran (/daftar).

    Sesuai UU Pelindungan Data Pribadi (UU PDP, No. 27 Tahun 2022), Anda berhak mengakses, memperbaiki, dan menghapus data, serta menarik persetujuan.
    Lihat semua data Anda dengan /privasi, perbarui profil dengan /daftar, dan hapus data Anda dengan /hapusdata. Pertanyaan lain: sekretariat, { $email }
