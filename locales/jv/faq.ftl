### FAQ OPOP Jatim — Basa Jawa (krama).
### Saben entri X ing dialogs/faq.toml gadhah faq-X-q (irah-irahan/tombol, paling kathah
### 45 karakter, tanpa HTML) saha faq-X-a (wangsulan, HTML Telegram: namung <b>, <i>, <u>,
### <a href>; serat & dados &amp;). Wangsulan paling kathah 900 karakter sasampunipun dipunrender.
### Variabel saking konfigurasi operator: $website, $phone, $email, $address, $intake.
### Bab ingkang dereng kakonfirmasi kedah tetep dipunserat "dereng saged kula pastekaken".

## Kategori

faq-cat-program = 📘 Babagan OPOP
faq-cat-join = 📝 Cara Ndherek OPOP
faq-cat-products = 📦 Produk saha Perizinan
faq-cat-support = 🎓 Pembinaan saha Modal
faq-cat-market = 🛒 Pemasaran saha Ekspor
faq-cat-bot = 🤖 Kontak saha Bot

## Babagan OPOP

faq-what-is-opop-q = Menapa punika OPOP Jatim?
faq-what-is-opop-a =
    <b>Menapa punika OPOP Jatim?</b>
    One Pesantren One Product (OPOP) punika program Pemerintah Provinsi Jawa Timur ingkang ndadosaken pesantren pusat pemberdayaan ekonomi, supados pesantren mandhiri saha warga sakiwa-tengenipun ndherek sejahtera.

    Program punika dipungagas Gubernur Khofifah Indar Parawansa saha Wakil Gubernur Emil Dardak, saha dipunluncuraken resmi ing Agustus 2019. Wiwit 2025 program punika ugi dipunsebat <i>Eko-Tren OPOP</i> (ekonomi adhedhasar pesantren).

    Ancasipun: saben pesantren gadhah usaha kanthi produk unggulan, kanthi nglibataken santri, pesantren (lumantar koperasinipun), ugi alumni saha masyarakat sakiwa-tengenipun.

    Ing Desember 2025 kacathet watawis 1.410 pesantren ingkang gadhah unit usaha aktif; laporan Januari 2026 nyebataken watawis 1.600. Angka punika kira-kira saha ewah saben taun.

faq-pillars-q = Menapa kemawon tigang pilar OPOP?
faq-pillars-a =
    <b>Tigang pilar OPOP</b>
    • <b>Santripreneur</b>: santri sinau wirausaha nalika taksih mondok, supados saged mandhiri sasampunipun lulus. Usaha rintisan santri saged dipunlajengaken koperasi pesantren utawi alumni.

    • <b>Pesantrenpreneur</b>: pesantren minangka lembaga ngembangaken produk unggulan lumantar Koperasi Pondok Pesantren (Kopontren). Ingkang dipunkiyataken: kelembagaan koperasi, SDM, produksi, pemasaran, saha akses pembiayaan. Targetipun, saben pesantren gadhah paling sekedhik setunggal Kopontren kanthi setunggal produk unggulan.

    • <b>Sosiopreneur</b>: alumni sesarengan masyarakat sakiwa-tengenipun mbangun usaha ingkang maringi manfaat dhateng lingkungan, sanes namung pados bathi, sakaligus nyengkuyung produk almamateripun.

    Profil pesantren ingkang panjenengan daftaraken ing bot punika (/daftar) ugi nyathet pilar ingkang dipunpilih.

faq-organizer-q = Sinten ingkang ngelola OPOP?
faq-organizer-a =
    <b>Pengelola OPOP</b>
    Pelaksana program punika Dinas Koperasi dan UKM Provinsi Jawa Timur. Susunan tim Eko-Tren OPOP 2025–2030 (keputusan gubernur, April 2025):
    • Pembina: Gubernur saha Wakil Gubernur
    • Pengarah: pimpinan Bank Indonesia Jatim saha OJK Jatim
    • Ketua Umum: Sekretaris Daerah Provinsi
    • Ketua Harian: Kepala Dinas Koperasi dan UKM Jatim

    Sekretaris OPOP (Januari 2026) inggih punika Mohammad Ghofirin (Gus Ghofirin), dosen Unusa ingkang ugi mimpin OPOP Training Center.

    Ing dhaerah, program punika dipunbiyantu Dinas Koperasi kabupaten/kota saha seksi PD Pontren Kemenag.

faq-legal-basis-q = Menapa dasar hukum OPOP?
faq-legal-basis-a =
    <b>Dasar hukum</b>
    • OPOP Jatim dipunatur kanthi Peraturan Gubernur taun 2020, nanging nomeripun <b>dereng saged kula pastekaken</b>: umumipun sumber nyebataken No. 62 Tahun 2020, saperangan nyebataken No. 22. Mangga priksa dhateng JDIH Biro Hukum Pemprov Jatim utawi sekretariat.
    • Tim Eko-Tren OPOP 2025–2030 dipunbentuk kanthi Keputusan Gubernur No. 100.3.3.1/250/013/2025 (16 April 2025).
    • Perda Jatim No. 3 Tahun 2022 tentang Fasilitasi Pengembangan Pesantren lumampah umum (sanes khusus OPOP) saha nyakup bidang ekonomi.
    • UU No. 18 Tahun 2019 tentang Pesantren maringi pesantren fungsi pemberdayaan masyarakat.

    Saperangan kabupaten ugi gadhah aturan piyambak, upaminipun Perbup Blitar No. 72 Tahun 2021.

faq-benefits-q = Menapa paedahipun ndherek OPOP?
faq-benefits-a =
    <b>Paedah kangge peserta</b>
    Miturut Dinas Koperasi dan UKM Jatim (2025), dhukungan OPOP nyakup:
    1. Penguatan kelembagaan Kopontren, upaminipun akta pendirian saha pendampingan (687 Kopontren dipunbiyantu, data 2025).
    2. Pelatihan kangge pengelola usaha (watawis 2.000 tiyang ing gangsal taun).
    3. Bantuan sertifikasi produk, merek, saha desain kemasan.
    4. Akses pembiayaan, antawisipun hibah kangge Kopontren.
    5. Akses pasar: OPOP Expo saben taun, misi dagang, saha pameran.

    Ing taun 2022 Gubernur ugi nyengkuyung supados produk OPOP dipuntumbas lumantar pengadaan pemerintah daerah.

    Wujud saha ageng-alitipun bantuan saged benten saben taun, mila mangga pastekaken dhateng sekretariat.

## Cara ndherek

faq-who-can-join-q = Sinten kemawon ingkang saged ndherek OPOP?
faq-who-can-join-a =
    <b>Sinten ingkang saged ndherek?</b>
    OPOP dipuntujokaken kangge pesantren ing Jawa Timur sarta santri saha alumninipun. Salami punika peserta kaperang miturut tigang pilar:
    • santri (santripreneur)
    • pesantren lumantar koperasinipun/Kopontren (pesantrenpreneur)
    • alumni sesarengan masyarakat sakiwa-tengenipun (sosiopreneur)

    Kriteria resmi peserta <b>dereng saged kula pastekaken</b>. Ingkang sampun kawuningan: panampian dipunbikak saben angkatan saben taun kanthi kuota saben kabupaten/kota, saha ing seleksi 2021 ing salah satunggaling kabupaten, pesantren ingkang dereng gadhah produk unggulan ingkang siap mboten kapilih. Kangge nampi hibah, pesantren perlu NSPP saha Kopontren.

    Ketik /daftar kangge nyathet profil pesantren panjenengan, lajeng pastekaken dhateng sekretariat OPOP utawi Dinas Koperasi setempat.

faq-how-to-join-q = Kados pundi cara ndaftar OPOP?
faq-how-to-join-a =
    <b>Cara ndaftar</b>
    Pandhuan resmi pendaftaran OPOP Jatim, kalebet wonten mbotenipun formulir online saha jadwalipun, <b>dereng saged kula pastekaken</b>. Ingkang sampun kawuningan: peserta enggal dipuntampi saben angkatan saben taun kanthi kuota saben kabupaten/kota, lajeng ndherek sosialisasi.

    Langkah ingkang kula aturaken:
    1. Daftaraken profil pesantren ing bot punika kanthi /daftar supados sekretariat saged nindaklanjuti.
    2. Hubungi sekretariat OPOP utawi Dinas Koperasi kabupaten/kota panjenengan.
    3. Cawisaken izin operasional/NSPP saha Kopontren; kalih-kalihipun dipunbetahaken kangge nampi hibah.

    Panampian: { $intake }
    Sekretariat: { $phone }, { $website }

    Cathetan: pendaftaran online OPOP Jawa Barat punika program sanes, sanes OPOP Jatim.

faq-requirements-q = Menapa kemawon syarat saha dokumenipun?
faq-requirements-a =
    <b>Syarat saha dokumen</b>
    Daftar syarat resmi kangge ndherek OPOP Jatim <b>dereng saged kula pastekaken</b>. Saking pelaksanaan saderengipun, bab-bab punika wigati:
    • <b>Izin operasional pesantren saking Kemenag</b>, ingkang sakaligus maringi NSPP (Nomor Statistik Pondok Pesantren). Punika dipunbetahaken kangge nampi bantuan pemerintah kados hibah OPOP. Izin dipunajokaken online, dipunvalidasi Kemenag kabupaten/kota lajeng Kanwil; laporan 2024 nyebataken prosesipun watawis sewulan.
    • <b>Kopontren ingkang gadhah izin</b>, amargi hibah dipunsalurkan lumantar koperasi. Kopontren namung saged dipundaftaraken menawi pesantren sampun gadhah NSPP.
    • Produk unggulan ingkang siap.

    Ing taun 2020 kathah jatah hibah mboten kaangge amargi pesantren dereng gadhah NSPP utawi dokumen sanesipun. Pastekaken syarat paling enggal dhateng sekretariat utawi Dinas Koperasi setempat.

faq-cost-q = Pinten ragad ndherek OPOP?
faq-cost-a =
    <b>Ragad ndherek</b>
    Kula <b>dereng manggihaken informasi resmi</b> bab ragad ndherek OPOP. Mboten wonten sumber ingkang nyebataken iuran, nanging ugi dereng wonten pratelan resmi bilih program punika gratis.

    Ingkang sampun kawuningan: kegiatan OPOP kados hibah saha pelatihan dipunragadi anggaran Pemprov Jatim, saha ing taun 2020 bantuan pendaftaran merek saking OPOP dipunparingaken tanpa ragad.

    Menawi wonten pihak ingkang nyuwun arta atas nami OPOP, mangga taken rumiyin dhateng sekretariat: { $phone } utawi { $email }.

    Cathetan: izin saha sertifikat produk (upaminipun halal jalur reguler) saged gadhah ragad piyambak.

## Produk saha perizinan

faq-product-types-q = Produk menapa kemawon ing OPOP?
faq-product-types-a =
    <b>Jinis produk pesantren</b>
    Daftar kategori produk resmi OPOP <b>dereng saged kula pastekaken</b>. Produk ingkang asring wonten ing pameran saha katalog OPOP antawisipun:
    • dhaharan saha camilan (kripik tempe, kue, olahan jamur, ulam teri)
    • unjukan: toya minum kemasan, kopi, susu kedhele, unjukan herbal
    • olahan susu, upaminipun keju mozzarella
    • asil tetanen, peternakan, saha perikanan (uwos organik, lele, kelor, rabuk kandhang)
    • olahan saha kerajinan klapa
    • busana muslim, konveksi, saha kerajinan tangan
    • sabun saha perawatan badan
    • produk digital karyanipun santri
    • jasa, kados gerai Samsat, agen pos, saha toko pesantren

faq-curation-q = Kados pundi produk dipunkurasi?
faq-curation-a =
    <b>Kurasi produk</b>
    Produk pesantren dipunbiji (dipunkurasi) rumiyin saderengipun mlebet katalog OPOP utawi jalur ekspor. Minangka gambaran, ing November 2021 wonten watawis 450 produk: 150 sampun lolos kurasi saha mlebet katalog, 300 taksih ngentosi.

    Kriteria kurasi resmi <b>dereng saged kula pastekaken</b>. Bab ingkang kathah dipunsengkuyung OPOP: izin edar (PIRT/BPOM), sertifikat halal, merek, saha kemasan ingkang sae. Kangge pasar manca negari, katalog produk ingkang rapi ugi dipunsuwun.

    Produk ingkang panjenengan kintun lumantar bot punika pikantuk nomer tiket (tuladha: PRD-2026-00001) saha dipuntinjau petugas. Priksa kemajenganipun kanthi /status.

faq-halal-certification-q = Kados pundi ngurus sertifikat halal?
faq-halal-certification-a =
    <b>Sertifikat halal</b>
    Dipunterbitaken BPJPH (Kemenag) lumantar sistem SIHALAL. Wonten kalih jalur:
    • <b>Reguler</b>: dipunpriksa Lembaga Pemeriksa Halal, dipuntetepaken fatwanipun, lajeng terbit saking BPJPH. Tarif usaha mikro/alit Rp300.000 saben permohonan (ketentuan 2021), dipuntambah ragad pemeriksaan.
    • <b>Self-declare</b> kangge usaha mikro/alit: pratelan pelaku usaha ingkang dipunverifikasi pendamping halal. Wonten kuota gratis saben taun (SEHATI), upaminipun 1 juta ing taun 2025. Umumipun perlu NIB, produk risiko andhap, bahan sampun halal, saha proses ingkang prasaja. PIRT mboten wajib.

    Sertifikat lumampah salami bahan saha proses mboten ewah. Dhaharan/unjukan usaha mikro saha alit wajib gadhah sertifikat halal wiwit 17 Oktober 2026.

    OPOP ugi ndampingi pesantren tumuju sertifikasi halal.

faq-pirt-bpom-q = Perlu izin PIRT utawi BPOM?
faq-pirt-bpom-a =
    <b>PIRT utawi BPOM?</b>
    • <b>PIRT (SPP-IRT)</b>: kangge pangan olahan skala rumah tangga, dipundamel kanthi piranti manual/semi-otomatis saha awet langkung saking 7 dinten. Dipunajokaken lumantar OSS saha dipunterbitaken pemda (Dinas Kesehatan/DPMPTSP). Perlu NIB, desain label, saha penyuluhan keamanan pangan; saged wonten pemeriksaan papan produksi.
    • <b>BPOM (nomer MD)</b>: kangge produk ingkang mboten angsal ngagem PIRT, upaminipun toya minum kemasan, susu saha olahanipun, daging/ulam simpen adhem utawi beku, pangan kaleng utawi pasteurisasi, saha dhaharan bayi. Jamu/herbal ingkang ngaku gadhah khasiat ugi lumantar BPOM.

    SNI umumipun sukarela, kejawi dipunwajibaken kangge produk tartamtu.

    Masa lakunipun izin miturut aturan paling enggal <b>dereng kula pastekaken</b>; priksa dhateng Dinas Kesehatan utawi BPOM. OPOP naté ngawontenaken coaching clinic izin edar (September 2025).

faq-nib-q = Menapa punika NIB saha cara damelipun?
faq-nib-a =
    <b>NIB (Nomor Induk Berusaha)</b>
    NIB punika nomer identitas usaha ingkang terbit saking sistem OSS. Setunggal usaha cekap setunggal NIB, saha mboten dipunpundhut ragad.
    • Usaha risiko andhap: NIB sampun lumampah minangka izin usaha.
    • Risiko langkung inggil: perlu Sertifikat Standar utawi izin tambahan.

    Perorangan saged ndaftar lumantar aplikasi OSS ngagem KTP saha nomer HP ingkang kasambung WhatsApp. Koperasi, kalebet Kopontren, mbetahaken akta/SK badan hukum saking AHU.

    NIB dipunbetahaken antawisipun kangge PIRT, sertifikat halal self-declare, saha surat keterangan asal kangge ekspor.

faq-trademark-q = Menapa OPOP mbiyantu ndaftaraken merek?
faq-trademark-a =
    <b>Merek dagang</b>
    Inggih, merek kalebet bidang ingkang dipunbiyantu OPOP. Ing taun 2020 OPOP mbiyantu pesantren ndaftaraken merek kanthi online tanpa ragad, saha ing taun 2025 Dinas Koperasi dan UKM Jatim nyebataken bantuan sertifikasi, merek, saha desain kemasan minangka salah satunggaling dhukungan utami.

    Merek ingkang kadaftar ndadosaken produk panjenengan langkung kalindhungan saha gampil dipuntepangi, mliginipun menawi dipunsade ing pundi-pundi utawi dipunekspor.

    Prosedur saha ragad pendaftaran merek samenika <b>dereng kula pastekaken</b>. Mangga taken dhateng sekretariat: { $phone }.

## Pembinaan saha modal

faq-training-mentoring-q = Wonten pelatihan saha pendampingan?
faq-training-mentoring-a =
    <b>Pelatihan saha pendampingan</b>
    Wonten. Wiwit 2019 OPOP gadhah Training Center ing Universitas Nahdlatul Ulama Surabaya (Unusa) ingkang ndampingi pesantren ing bidang kelembagaan, produksi, pemasaran, SDM, saha pembiayaan. UPT Pelatihan KUKM Jatim ugi ngawontenaken pelatihan.

    Tuladha kegiatan 2025: workshop manajerial (Mei) saha coaching clinic izin edar (September) bab cara produksi ingkang sae, HACCP, halal, saha izin BPOM. Wonten ugi bimtek pengusulan hibah.

    Jadwal taun punika dereng mesthi sami; mangga taken dhateng sekretariat utawi pirsani { $website }.

    Panyuwunan pendampingan lumantar bot punika pikantuk nomer tiket (tuladha: MNT-2026-00001) ingkang saged dipunpriksa kanthi /status.

faq-funding-q = Wonten bantuan modal utawi hibah?
faq-funding-a =
    <b>Modal saha hibah</b>
    OPOP nyalurkan hibah dhateng Kopontren ingkang gadhah izin koperasi. Usulanipun dipunajokaken lumantar sistem SIPD Pemprov Jatim, saha OPOP/Dinas Koperasi ngawontenaken bimtek pengusulanipun.

    Tuladha (angka ewah saben taun): Rp2,55 miliar kangge 51 Kopontren (dipunumumaken Desember 2020) saha watawis Rp3 miliar kangge 150 pesantren (2022).

    Syarat wigati: NSPP saha Kopontren ingkang gadhah izin. Ing taun 2020 kathah jatah hibah mboten kaangge amargi dokumen dereng jangkep.

    Sanesipun: Bank Jatim nawekaken pembiayaan ing OPOP Expo 2025, saha wonten Kartu OPOP Jatim Berdaya sesarengan Bank Jatim Syariah.

    Ageng-alitipun, syarat, saha jadwal taun punika <b>dereng kula pastekaken</b>; mangga taken dhateng sekretariat utawi Dinas Koperasi.

## Pemasaran saha ekspor

faq-marketing-q = Wonten pundi produk saged dipunpasaraken?
faq-marketing-a =
    <b>Pemasaran produk</b>
    • <b>OPOP Expo</b> dipunwontenaken saben taun wiwit 2019. Edisi 2025 dipunbikak 13 November ing Surabaya kanthi watawis 40 pesantren; Expo 2021 nyathet transaksi watawis Rp1,95 miliar.
    • Misi dagang saha pameran, kalebet dhateng manca negari.
    • Blanja pemerintah: ing taun 2020 perangkat daerah Pemprov dipunsuwun ngagem toya minum kemasan produk OPOP, saha ing taun 2022 Gubernur nyengkuyung produk OPOP mlebet pengadaan pemda.
    • Sadean online: showroom saha aplikasi OPOP Mart dipunluncuraken ing taun 2020–2022, nanging menapa aplikasinipun taksih aktif <b>dereng kula pastekaken</b>.

    Info pameran paling enggal: mangga taken dhateng sekretariat utawi pirsani { $website }.

faq-export-q = Menapa produk pesantren saged dipunekspor?
faq-export-a =
    <b>Ekspor</b>
    Saged. Tuladha: kopi kaleng Kopontren pesantren ing Malang dhateng Malaysia, olahan janggel jagung dhateng Jepang, saha kelor Sumenep dhateng Jerman. Januari 2026, rombongan 40 pesantren OPOP njajagi Hong Kong saha Guangzhou; kopi saha klapa dipunsebat gadhah peluang.

    Kangge dhateng Tiongkok:
    • Produsen pangan wajib kadaftar ing bea cukai Tiongkok (GACC). Aturan enggal lumampah 1 Juni 2026; produk tartamtu mbetahaken rekomendasi instansi Indonesia (BPOM mbiyantu).
    • Tarif preferensi ngagem SKA Form E saking Kemendag (perlu NIB saha NPWP).
    • Cawisaken katalog produk ingkang sae.

    Kategori GACC kangge olahan klapa saha kopi <b>dereng kula pastekaken</b>; mangga taken dhateng BPOM utawi Barantin, saha nyuwun pendampingan dhateng sekretariat OPOP.

## Kontak saha bot

faq-contact-q = Kados pundi ngubungi sekretariat?
faq-contact-a =
    <b>Kontak sekretariat OPOP Jatim</b>
    📞 { $phone }
    ✉️ { $email }
    📍 { $address }
    🌐 { $website }

    Panjenengan ugi saged taken dhateng Dinas Koperasi kabupaten/kota setempat utawi seksi PD Pontren Kemenag kabupaten/kota.

    Pitakenan ingkang panjenengan kintun lumantar bot punika pikantuk nomer tiket (tuladha: QST-2026-00001); priksa wangsulanipun kanthi /status.

faq-submission-status-q = Kados pundi mriksa status pengajuan kula?
faq-submission-status-a =
    <b>Mriksa status pengajuan</b>
    Ketik /status kangge mirsani pengajuan panjenengan ing bot punika. Saben pengajuan gadhah nomer tiket kanthi format:
    • PRD-2026-00001: produk
    • MNT-2026-00001: pendampingan
    • QST-2026-00001: pitakenan

    Saben pengajuan dipuntinjau petugas. Menawi statusipun ewah, panjenengan otomatis nampi pesen ing ngriki.

    Simpen nomer tiket panjenengan saha sebataken menawi ngubungi sekretariat.

faq-privacy-q = Data menapa ingkang dipunsimpen bot punika?
faq-privacy-a =
    <b>Privasi saha data panjenengan</b>
    Ingkang dipunsimpen: profil pesantren (nami, kabupaten/kota, pilar, nami narahubung, nomer telpon, NSPP menawi dipunisi) saha tiket pengajuan panjenengan.

    Kangge menapa: administrasi program, kurasi produk, saha pendampingan. Persetujuan panjenengan dipunsuwun nalika pendaftaran (/daftar).

    Miturut UU Pelindungan Data Pribadi (UU PDP, No. 27 Tahun 2022), panjenengan gadhah hak ngakses, ndandosi, saha mbusak data, ugi nyabut persetujuan.
    Pirsani sedaya data panjenengan kanthi /privasi, ewahi profil kanthi /daftar, saha busak data panjenengan kanthi /hapusdata. Pitakenan sanes: sekretariat, { $email }
