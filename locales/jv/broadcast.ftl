# Siaran admin (/siaran): nyusun, milih ingkang nampi, pratinjau, jadwal,
# kemajengan, saha laporan. Telegram HTML kados main.ftl.

broadcast-header = 📢 <b>Wara-wara OPOP Jawa Timur</b>
broadcast-admins-only = Siaran namung saged dipunkintun dening admin OPOP.
broadcast-admins-only-toast = Tombol punika khusus kangge admin OPOP.
broadcast-private-only = Mangga susun siaran ing chat pribadi kaliyan bot, sanes ing grup.
broadcast-ask-content =
    📢 <b>Siaran enggal</b>
    Kintun isi wara-wara: teks (angsal kandel, miring, link) utawi setunggal foto kanthi katrangan. Serat ing basa ingkang badhe dipuntampi pesantren; versi basa Inggris saged dipuntambahaken sasampunipun.
    /batal kangge mbatalaken.
broadcast-empty = Wara-waranipun taksih kosong. Kintun teks utawi foto kanthi katrangan.
broadcast-bad-format = Format teks punika mboten saged dipunkintun lumantar Telegram. Kintun malih kanthi format ingkang langkung prasaja (kandel, miring, link).
broadcast-too-long = Wara-wara kedawan: paling kathah { $max } karakter. Cekakaken lajeng kintun malih.
broadcast-ask-audience = Dipunkintun dhateng sinten?
broadcast-audience-all = 👥 Sedaya pangangge aktif
broadcast-audience-region = 📍 Miturut wilayah
broadcast-audience-pillar = 🏷 Miturut pilar
broadcast-audience-category = 📦 Miturut kategori produk
broadcast-audience-language = 🌐 Miturut basa
broadcast-audience-no-profile = 📝 Dereng ndaftaraken pesantren
broadcast-ask-language = Pangangge ingkang ngagem basa menapa?
broadcast-pick = Pilih setunggal utawi langkung, lajeng pencet <b>Rampung</b>. Kapilih: { $count }.
broadcast-pick-one = Pilih paling sekedhik setunggal.
broadcast-preview-title = 👀 <b>Pratinjau</b> – plek kados ingkang badhe dipuntampi:
broadcast-preview-summary =
    <b>Ingkang nampi</b>: { $audience }
    <b>Cacahipun</b>: { $count } pangangge aktif ({ $en } ngagem basa Inggris)
    { $english }

    Kintun samenika, jadwalaken, utawi batalaken?
broadcast-has-english = Pangangge basa Inggris nampi versi basa Inggris.
broadcast-no-english = Sedaya ingkang nampi pikantuk teks punika kados menapa wontenipun.
broadcast-send-now = 🚀 Kintun samenika
broadcast-schedule = 🕒 Jadwalaken
broadcast-add-english = ➕ Tambah versi basa Inggris
broadcast-change-audience = 👥 Gantos ingkang nampi
broadcast-ask-english = Kintun versi basa Inggris saking wara-wara punika (teks kemawon; fotonipun tetep sami).
broadcast-english-text-only = Versi basa Inggris namung arupi teks; fotonipun tetep sami.
broadcast-ask-schedule = Kapan dipunkintun? Serat tanggal saha jam WIB, upami <code>2026-12-01 08:00</code> utawi <code>1/12 08.00</code>.
broadcast-schedule-past = Wekdal punika sampun kaliwat. Serat tanggal saha jam ingkang badhe dhateng.
broadcast-schedule-invalid = Tanggal utawi jamipun mboten saged dipunwaos. Tuladha: <code>2026-12-01 08:00</code> utawi <code>1/12 08.00</code>.
broadcast-scheduled = 🕒 Siaran dipunjadwal ing <b>{ $at }</b>. Pirsani utawi batalaken lumantar /siaran_status.
broadcast-starting = ⏳ Nyawisaken pangintunan…
broadcast-cancelled = Siaran dipunbatalaken.
broadcast-cancelling = Mbatalaken…
broadcast-already-over = Siaran punika sampun rampung.
broadcast-cancel-button = ✖ Kendelaken siaran
broadcast-cancel-job = ✖ Batalaken siaran #{ $id }
broadcast-progress = 📢 Siaran #{ $id }: kakintun { $sent }, gagal { $failed }, mblokir bot { $blocked }, kantun { $remaining } saking { $total }
broadcast-report =
    ✅ <b>Siaran #{ $id } rampung</b>
    Ingkang nampi: { $audience }
    Kakintun: { $sent } saking { $total }
    Gagal: { $failed } · Mblokir bot: { $blocked } · Kepedhot: { $interrupted }
    Wiwit { $started }, rampung { $finished }.
broadcast-report-cancelled =
    ✖ <b>Siaran #{ $id } dipunkendelaken</b>
    Ingkang nampi: { $audience }
    Kakintun: { $sent } saking { $total } · Mboten sida dipunkintun: { $cancelled }
    Gagal: { $failed } · Mblokir bot: { $blocked } · Kepedhot: { $interrupted }
    Wiwit { $started }, kendel { $finished }.
broadcast-report-late = ⚠️ Dipunkintun telat: bot mboten mlampah ing wekdal ingkang dipunjadwal ({ $at }), mila siaran dipunkintun sasampunipun bot mlampah malih.
broadcast-report-interrupted = ⚠️ { $count } pangintunan kepedhot amargi bot kendel pas nalika ngintun; pangintunan punika mboten dipunbaleni supados mboten wonten ingkang nampi kaping kalih. Saperangan ingkang nampi bokmenawi dereng pikantuk: tombol ing ngandhap ngintun malih dhateng { $count } ingkang nampi punika, saha ingkang sampun nampi badhe pikantuk kaping kalih.
broadcast-resend-button = 📨 Kintun malih dhateng { $count } ingkang kepedhot
broadcast-resend-toast = Ngintun malih dhateng ingkang nampi ingkang kepedhot…
broadcast-resend-nothing = Mboten wonten pangintunan kepedhot ingkang kedah dipunkintun malih.
broadcast-status-empty = Dereng wonten siaran.
broadcast-status-title = 📢 <b>Siaran</b> (ingkang enggal rumiyin)
broadcast-status-line = • #{ $id } <b>{ $state }</b> – { $when } – { $audience }: kakintun { $sent }, gagal { $failed }, mblokir { $blocked }, kantun { $remaining } saking { $total }
broadcast-state-scheduled = dipunjadwal
broadcast-state-running = saweg dipunkintun
broadcast-state-done = rampung
broadcast-state-cancelled = dipunkendelaken

## Admin command menu (plain text)

cmd-broadcast = Kintun siaran dhateng pesantren
cmd-broadcast-status = Daftar siaran saha kemajenganipun
broadcast-report-failure = • { $user }: { $reason }
