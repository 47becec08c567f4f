# Teks formulir ing dialogs/*.toml. Id manut id dialog saha langkahipun:
# <dialog>-<step> punika pitakenanipun, <dialog>-<step>-label naminipun ing
# ringkesan, <dialog>-<step>-opt-<value> setunggaling pilihan.

## Pendaftaran pesantren (dialogs/register.toml)

register-title = Pendaftaran pesantren
register-intro = <b>Pendaftaran profil pesantren</b> 📝
    Wonten 7 pitakenan cekak. Panjenengan saged /kembali utawi /batal kapan kemawon.
register-done = ✅ Profil pesantren sampun kasimpen. Samenika panjenengan saged ngintun produk utawi nyuwun pendampingan lumantar menu.
register-consent =
    <b>Persetujuan panganggening data</b>
    Miturut UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi, saderengipun ndaftar nyuwun panjenengan maos punika:
    • <b>Data ingkang dipunsimpen:</b> nami pesantren, kabupaten/kota, pilar, nami saha nomer telpon narahubung, NSPP (menawi dipunisi), ugi pengajuan produk saha pendampingan.
    • <b>Ancasipun:</b> administrasi program OPOP Jawa Timur: kurasi produk, pendampingan, saha ngubungi pesantren panjenengan.
    • <b>Sinten ingkang mirsani:</b> petugas sekretariat OPOP ingkang nangani pengajuan.
    • <b>Hak panjenengan:</b> kapan kemawon mirsani sedaya data panjenengan kanthi /privasi, ndandosi kanthi /daftar, saha mbusak (sakaligus nyabut persetujuan) kanthi /hapusdata.
    Formulir punika kangge pengurus pesantren ingkang yuswanipun 18 taun utawi langkung.

    Menapa panjenengan sarujuk data kasebat dipunsimpen kangge ancas ing nginggil?
register-consent-label = Persetujuan data
register-name = Menapa <b>nami pondok pesantren</b> panjenengan?
register-name-label = Nami pesantren
register-region = Wonten ing <b>kabupaten/kota</b> pundi pesantren panjenengan?
register-region-label = Kabupaten/kota
register-pillar = Pesantren panjenengan ndherek OPOP lumantar <b>pilar</b> ingkang pundi?
    • <b>Santripreneur</b>: usaha para santri
    • <b>Pesantrenpreneur</b>: usaha pesantren lumantar koperasi pondok pesantren (kopontren)
    • <b>Sociopreneur</b>: usaha alumni sesarengan masyarakat sakiwa-tengenipun
register-pillar-label = Pilar
register-pillar-opt-santripreneur = Santripreneur
register-pillar-opt-pesantrenpreneur = Pesantrenpreneur
register-pillar-opt-sociopreneur = Sociopreneur
register-contact_person = Sinten <b>nami narahubung</b> (pengurus ingkang saged dipunhubungi)?
register-contact_person-label = Narahubung
register-contact_person-invalid = Nami namung angsal ngemot aksara, spasi, titik, koma, tandha petik, saha tandha sambung.
register-phone = Pinten <b>nomer HP/WhatsApp</b> narahubung?
register-phone-label = Nomer HP
register-nspp = Menawi wonten, serat <b>NSPP</b> (Nomor Statistik Pondok Pesantren). Menawi dereng gadhah, pencet <b>Lewati</b>.
register-nspp-label = NSPP
register-nspp-invalid = NSPP namung arupi angka (8–20 digit). Pencet <b>Lewati</b> menawi dereng gadhah.

## Pengajuan produk (dialogs/product.toml)

product-title = Pengajuan produk
product-intro = <b>Pengajuan produk kangge kurasi</b> 📦
    Mangga cawisaken 1–5 foto produk. Panjenengan saged /kembali utawi /batal kapan kemawon.
product-done =
    ✅ Matur nuwun! Produk panjenengan sampun katampi kangge dipunkurasi.
    Nomer tiket: <code>{ $ticket }</code>
    Panjenengan badhe nampi pesen nalika statusipun ewah; priksa kapan kemawon kanthi /status.
product-name = Menapa <b>nami produk</b> panjenengan?
product-name-label = Nami produk
product-category = Produk punika kalebet <b>kategori</b> menapa?
product-category-label = Kategori
product-category-opt-food = Dhaharan &amp; unjukan
product-category-opt-coffee = Kopi
product-category-opt-coconut = Olahan klapa
product-category-opt-fashion = Busana muslim
product-category-opt-crafts = Kerajinan
product-category-opt-herbal = Herbal &amp; kosmetik
product-category-opt-agri = Tetanen &amp; peternakan
product-category-opt-services = Jasa
product-category-opt-other = Sanesipun
product-description = Mangga cariyosaken <b>produk</b> punika kanthi cekak: bahan, kaluwihan, kemasan.
product-description-label = Deskripsi
product-photos = Kintun <b>foto produk</b> ingkang cetha.
product-photos-label = Foto
product-price = Pinten <b>rega sadeyan</b> saben kemasan (rupiah)?
product-price-label = Rega
product-capacity = Pinten <b>kapasitas produksi saben wulan</b> (cacah kemasan/unit)?
product-capacity-label = Kapasitas saben wulan
product-certifications = <b>Sertifikat/izin</b> menapa kemawon ingkang sampun dipungadhahi?
product-certifications-label = Sertifikat
product-certifications-opt-halal = Halal
product-certifications-opt-pirt = PIRT
product-certifications-opt-bpom = BPOM
product-certifications-opt-sni = SNI
product-certifications-opt-none = Dereng wonten
product-export = Menapa pesantren panjenengan <b>minat ngekspor</b> produk punika?
product-export-label = Minat ekspor
product-markets = Dhateng <b>pasar</b> pundi ekspor ingkang panjenengan minati?
product-markets-label = Pasar tujuan
product-markets-opt-asean = ASEAN (kados Malaysia)
product-markets-opt-china = Tiongkok / Hong Kong
product-markets-opt-middle_east = Timur Tengah
product-markets-opt-east_asia = Jepang / Korea
product-markets-opt-europe = Eropa
product-markets-opt-america = Amerika
product-markets-opt-other = Sanesipun

## Panyuwunan pendampingan (dialogs/mentoring.toml)

mentoring-title = Panyuwunan pendampingan
mentoring-intro = <b>Panyuwunan pendampingan</b> 🤝
    Wonten 4 pitakenan cekak. Panjenengan saged /kembali utawi /batal kapan kemawon.
mentoring-done =
    ✅ Panyuwunan pendampingan sampun katampi.
    Nomer tiket: <code>{ $ticket }</code>
    Petugas badhe ngubungi panjenengan; priksa statusipun kanthi /status.
mentoring-topics = Pendampingan ing <b>bidang</b> menapa ingkang dipunbetahaken?
mentoring-topics-label = Topik
mentoring-topics-opt-hr = SDM
mentoring-topics-opt-quality = Mutu produk
mentoring-topics-opt-packaging = Kemasan
mentoring-topics-opt-halal = Sertifikasi halal
mentoring-topics-opt-marketing = Pemasaran digital
mentoring-topics-opt-export = Ekspor
mentoring-topics-opt-finance = Keuangan
mentoring-topics-opt-other = Sanesipun
mentoring-description = Mangga cariyosaken <b>kabetahan</b> pesantren panjenengan kanthi cekak.
mentoring-description-label = Kabetahan
mentoring-mode = Pendampingan langkung trep dipuntindakaken <b>kados pundi</b>?
mentoring-mode-label = Cara
mentoring-mode-opt-online = Daring (online)
mentoring-mode-opt-offline = Luring (adhep-adhepan)
mentoring-mode-opt-either = Kalih-kalihipun saged
mentoring-schedule = <b>Dinten saha jam</b> menapa ingkang paling trep? Upaminipun: "Selasa utawi Kemis, bakda Ashar".
mentoring-schedule-label = Wekdal ingkang trep

## Pitakenan kangge petugas (dialogs/question.toml)

question-title = Pitakenan kangge petugas
question-intro = <b>Pitakenan kangge petugas OPOP</b> 🙋
question-done =
    ✅ Pitakenan panjenengan sampun dipunaturaken dhateng petugas OPOP.
    Nomer tiket: <code>{ $ticket }</code>
    Wangsulanipun badhe dipunkintun lumantar chat punika; priksa statusipun kanthi /status.
question-question = Serat <b>pitakenan</b> panjenengan kangge petugas OPOP.
question-question-label = Pitakenan
