# Sekretariat: notifikasi tiket ing grup petugas, tombol paninjauan, wangsulan
# pitakenan, prentah petugas, ringkesan padintenan, saha kabar status kangge
# ingkang ngajokaken. Telegram HTML kados main.ftl.

## Kabar status kangge ingkang ngajokaken

revise-intro = ✏️ Pandandosan kangge <code>{ $number }</code>: wangsulan panjenengan saderengipun sampun kaisi. Pilih <b>Gantos</b> kangge ndandosi perangan ingkang dipunsuwun petugas, lajeng <b>Kintun</b>. Nomer pengajuan tetep sami.
revise-not-possible = Pengajuan <code>{ $number }</code> mboten saged dipundandosi malih (status: <b>{ $status }</b>).
resubmitted = 🔁 Pandandosan sampun kakintun. Pengajuan panjenengan tetep nomer <code>{ $number }</code> saha badhe dipuntinjau malih dening petugas. Priksa kemajenganipun kanthi /status.
ticket-approved = ✅ Kabar sae! Produk <b>{ $title }</b> (<code>{ $number }</code>) <b>dipunsetujoni</b> dening tim kurasi OPOP.
ticket-needs-revision =
    ✏️ Produk <b>{ $title }</b> (<code>{ $number }</code>) <b>perlu dipundandosi</b> saderengipun kurasi dipunlajengaken.

    Cathetan petugas: <i>{ $note }</i>

    Pencet tombol ing ngandhap kangge ndandosi saha ngintun malih kanthi nomer ingkang sami.
ticket-rejected =
    Nyuwun pangapunten, produk <b>{ $title }</b> (<code>{ $number }</code>) <b>dereng saged katampi</b> ing kurasi wekdal punika.

    Alesan: <i>{ $note }</i>

    Panjenengan saged ngintun produk sanes kapan kemawon lumantar /produk.
ticket-assigned = 🙋 Panyuwunan pendampingan <code>{ $number }</code> samenika dipuntangani dening petugas <b>{ $staff }</b>.
ticket-scheduled = 📅 Pendampingan <code>{ $number }</code> dipunjadwal: <b>{ $note }</b>
ticket-done = 🏁 Pendampingan <code>{ $number }</code> sampun dipunnyatakaken rampung. Matur nuwun! Menawi taksih wonten ingkang perlu dipunbiyantu, mangga ajokaken malih lumantar /pendampingan.
ticket-answered =
    💬 <b>Wangsulan saking petugas OPOP</b> kangge pitakenan <code>{ $number }</code>

    Pitakenan panjenengan: <i>{ $question }</i>

    { $answer }
button-revise = ✏️ Dandosi lajeng kintun malih

## Notifikasi ing grup petugas

staff-album-caption = 📷 <code>{ $number }</code> – { $title }
staff-notice-new = 🆕 <b>{ $kind }</b> · <code>{ $number }</code>
staff-notice-resubmitted = 🔁 <b>{ $kind }</b> · <code>{ $number }</code> – <i>dipunkintun malih sasampunipun dipundandosi</i>
staff-notice-ticket = 🎫 <b>{ $kind }</b> · <code>{ $number }</code>
staff-notice-pesantren =
    🏫 <b>{ $name }</b> – { $region }
    👤 { $person } · { $phone } · Telegram: { $telegram }
staff-notice-unregistered = 👤 Telegram: { $telegram } <i>(dereng ndaftaraken pesantren)</i>
staff-answer-line = <b>{ $label }</b>: { $value }
staff-status = Status: <b>{ $status }</b>
staff-status-by = Status: <b>{ $status }</b> – dening { $staff }, { $date }
staff-assignee = Penanggung jawab: { $staff }
staff-note = Cathetan: <i>{ $note }</i>
staff-reply-hint = ↩️ <i>Bales (reply) pesen punika kangge mangsuli; wangsulan panjenengan dipunaturaken dhateng ingkang taken kanthi nami bot.</i>
staff-history-title = <b>Riwayat</b>
staff-history-line = • { $date }: <b>{ $status }</b> – { $staff }
staff-history-note = {" "}(<i>{ $note }</i>)
staff-by-submitter = ingkang ngajokaken
staff-button-approve = ✅ Setujoni
staff-button-revise = ✏️ Perlu revisi
staff-button-reject = ❌ Tolak
staff-button-take = 🙋 Kula tangani
staff-button-schedule = 📅 Jadwalaken
staff-button-done = 🏁 Rampung

## Tindakan petugas

staff-only-toast = Tombol punika khusus kangge petugas OPOP.
staff-saved-toast = Sampun kasimpen.
staff-already-done = Sampun dipuntangani: { $status } dening { $staff }.
staff-prompt-revise = ✏️ { $staff }, mangga serat <b>cathetan pandandosan</b> kangge <code>{ $number }</code> ({ $title }) kanthi mbales pesen punika. Cathetan dipunkintun dhateng ingkang ngajokaken. /batal kangge mbatalaken.
staff-prompt-reject = ❌ { $staff }, mangga serat <b>alesan panolakan</b> kangge <code>{ $number }</code> ({ $title }) kanthi mbales pesen punika. Alesan dipunkintun dhateng ingkang ngajokaken. /batal kangge mbatalaken.
staff-prompt-schedule = 📅 { $staff }, mangga serat <b>jadwal pendampingan</b> kangge <code>{ $number }</code> (tanggal, jam, papan utawi link) kanthi mbales pesen punika. /batal kangge mbatalaken.
staff-placeholder-reason = Serat alesanipun…
staff-placeholder-date = upami Senen 7 Des, 09.00 WIB, Zoom
staff-prompt-toast = Bales pesen bot kangge njangkepi.
staff-note-invalid = Serat cathetanipun arupi teks (paling kathah { $max } karakter), kanthi mbales pesen bot.
staff-changed-meanwhile = Tiket <code>{ $number }</code> sampun dipunewahi dening { $staff } (<b>{ $status }</b>); tindakan panjenengan mboten dipunsimpen.
staff-action-saved = ✅ <code>{ $number }</code>: <b>{ $status }</b>. Ingkang ngajokaken sampun dipunparingi pirsa.
staff-reply-unknown = Wangsulan punika mboten gayut kaliyan tiket. Kangge mangsuli pitakenan, bales (reply) pesen notifikasi pitakenanipun.
staff-reply-not-question = <code>{ $number }</code> sanes pitakenan: agem tombol ing pesen notifikasinipun.
staff-question-cancelled = Pitakenan <code>{ $number }</code> sampun dipunbatalaken dening ingkang taken; wangsulan mboten dipunaturaken.
staff-answer-sent = ✅ Wangsulan kangge <code>{ $number }</code> sampun dipunaturaken dhateng ingkang taken.
desk-note-needed = Mangga serat alesan, tanggal, utawi wangsulanipun rumiyin (paling kathah { $max } aksara).
button-open-desk = 🖥 Bikak ing meja kurasi
button-desk-open = 🖥 Bikak meja kurasi
button-desk-login = 🔑 Link mlebet kangge komputer
desk-off = Meja kurasi dereng dipunurupaken ing bot punika (web.listen lan web.public_url ing konfigurasi).
desk-group = 🖥 <b>Meja kurasi</b>: antrean kanthi filter, foto produk, tindakan kangge sawetawis tiket sakaligus, saha laporan. Pencet tombol ing ngandhap kangge mbikak ing Telegram.
desk-private = 🖥 <b>Meja kurasi</b>: antrean kanthi filter, foto produk, tindakan kangge sawetawis tiket sakaligus, saha laporan.
    Bikak ing Telegram kanthi tombol kapisan. Kangge browser ing komputer kantor, ngginakaken tombol kaping kalih: link mlebet sapisan pakai, lumampah { $minutes } menit. Sampun dipunbagekaken.
staff-only = Prentah punika khusus kangge petugas OPOP. Ketik /menu kangge mirsani menu.
staff-store-error = Nyuwun pangapunten, data dereng saged dipunwaos. Mangga cobi malih sakedhap engkas.
staff-pending-cancelled = Dipunbatalaken; status tiket mboten ewah.
staff-help =
    <b>Prentah petugas</b>
    /antrian – tiket ingkang kabuka, ingkang paling dangu rumiyin
    /tiket NOMER – setunggal tiket saha riwayat tuwin fotonipun
    /ringkasan – ringkesan padintenan samenika
    /dipelajari – ingkang dipunwucalaken petugas dhateng FAQ (saged dipunbusak)
    /meja – meja kurasi ing web (antrean, foto, laporan)
    /batal – mbatalaken tindakan ingkang ngentosi alesan

    Tinjau tiket kanthi tombol ing notifikasinipun. Kangge mangsuli pitakenan, bales (reply) notifikasinipun.
staff-group-set = ✅ Grup punika samenika dados <b>grup petugas OPOP</b>: notifikasi tiket saha ringkesan padintenan dipunkintun mriki. Ketik /bantuan kangge prentah petugas.
staff-group-already = Grup punika sampun dados grup petugas OPOP.
staff-group-configured = Grup petugas sampun dipuntetepaken ing konfigurasi bot; gantos ing ngriku menawi perlu.
staff-group-private = Kintun /grupstaf ing salebeting grup petugas, sanes ing chat pribadi.
staff-group-admins-only = Namung admin OPOP ingkang saged netepaken grup petugas.
staff-chat-moved = ℹ️ Grup petugas OPOP sampun dipun-upgrade Telegram dados supergrup kanthi id <code>{ $chat }</code>. Notifikasi saha ringkesan samenika dipunkintun mrika, tanpa wonten ingkang ical. Menawi OPOP_STAFF_CHAT dipuntata ing konfigurasi, gantos isinipun kanthi id enggal punika.
staff-chat-lost = ⚠️ Bot dipunmedalaken saking grup petugas OPOP, satemah notifikasi tiket mboten saged dipunkintun mrika. Notifikasi tetep dipunsimpen: lebetaken bot malih dhateng grup petugas (utawi dhateng grup enggal) lajeng kintun /grupstaf ing grup punika, saha sedaya notifikasi ingkang katunda badhe dipunkintun.

## /antrian saha /tiket

queue-empty = Mboten wonten tiket ingkang kabuka. 🎉
queue-title = 📋 <b>Tiket kabuka</b> ({ $count }), ingkang paling dangu rumiyin
queue-kind = <b>{ $kind }</b> ({ $count })
queue-line = • <code>{ $number }</code> { $title } – { $pesantren } · { $days ->
        [0] dinten punika
       *[other] { $days } dinten
    } · { $status }
queue-more = …saha { $count } sanesipun
queue-footer = Pirsani rincianipun kanthi /tiket NOMER.
ticket-usage = Serat nomer tiketipun, upami <code>/tiket PRD-2026-00001</code>.
ticket-not-found = Tiket <code>{ $number }</code> mboten kapanggih.

## Ringkesan padintenan

digest-title = 📊 <b>Ringkesan padintenan OPOP</b> – { $date }
digest-new = 🆕 <b>Tiket enggal</b> wiwit { $since }: <b>{ $count }</b>
digest-count = { $name } { $count }
digest-by-kind = • Jinis: { $list }
digest-by-category = • Kategori produk: { $list }
digest-by-region = • Wilayah: { $list }
digest-no-profile = dereng kadaftar
digest-nothing = –
digest-stale = ⏰ <b>Kabuka langkung saking { $days } dinten</b>: { $count }
digest-ticket-line = • <code>{ $number }</code> { $title } – { $days } dinten, { $status }
digest-questions = ❓ <b>Pitakenan dereng kawangsulan</b>: { $count }
digest-question-line = • <code>{ $number }</code> { $question } – { $days ->
        [0] dinten punika
       *[other] { $days } dinten
    }
digest-faq = 🔎 <b>FAQ minggu punika</b> (mboten kawangsulan utawi 👎):
digest-faq-line = • “{ $question }” ×{ $count }
digest-users = 👥 <b>Pangangge</b>: { $total } sedaya, { $registered } pesantren kadaftar, { $active } aktif { $days } dinten pungkasan, { $blocked } mblokir bot
digest-more = …saha { $count } sanesipun
digest-learned = 🧠 <b>Dipunwucalaken dhateng FAQ</b>: { $count }
digest-chart = 📈 Pengajuan saben minggu, 12 minggu pungkasan

## Staff command menu (plain text)

cmd-queue = Tiket kabuka, ingkang paling dangu rumiyin
cmd-ticket = Setunggal tiket: /tiket NOMER
cmd-digest = Ringkesan padintenan samenika
cmd-learned = Ingkang dipunwucalaken petugas dhateng FAQ
cmd-desk = Meja kurasi (web)

## Pambusakan data

staff-erased = 🗑 Setunggaling pangangge mbusak data pribadinipun (hak subjek data, UU PDP). Tiketipun: { $tickets }. Tiket kabuka ingkang dipunbatalaken: { $cancelled }. Tiket sanesipun ({ $kept }) tetep kasimpen tanpa data pribadi. Notifikasi tiket-tiket punika ing grup punika sampun dipunewahi, foto saha file ekspor dipunbusak. Nyuwun ugi mbusak salinan datanipun ing njawi bot (spreadsheet, cathetan).
staff-notice-erased = 🗑 { $kind } · { $number }: data pribadi ingkang ngintun sampun dipunbusak miturut panyuwunanipun (UU PDP). Status: { $status }
staff-telegram-with-username = { $name } (@{ $username })

## Mucal FAQ saking pitakenan ingkang sampun dipunwangsuli

button-teach = ➕ Lebetaken FAQ
button-teach-new = 🆕 Pitakenan enggal ing kategori punika
button-teach-undo = ↩️ Wurungaken
button-teach-remove = 🗑 Busak { $number }
teach-pick-category = ➕ <b>Lebetaken FAQ</b> saking <code>{ $number }</code>
    “{ $question }”

    Mlebet kategori menapa? (Nomer telpon, e-mail, lan asmanipun ingkang pitaken sampun dipunsamaraken.)
teach-pick-entry = ➕ <b>Lebetaken FAQ</b> · { $category }
    “{ $question }”

    Mangga pilih pitakenan FAQ ingkang wangsulanipun sami, utawi dadosaken pitakenan enggal kanthi wangsulan panjenengan.
teach-saved-example = ✅ <b>Sampun dipunsimpen ing FAQ</b>: “{ $question }” samenika dipunwangsuli kaliyan “{ $entry }”. Pengelola ingkang pitaken mirip langsung angsal wangsulan punika.
teach-saved-entry = ✅ <b>Sampun dipunsimpen ing FAQ</b> dados pitakenan enggal ing { $category }: “{ $question }”, kanthi wangsulan panjenengan. Pengelola ingkang pitaken mirip langsung angsal wangsulan punika.
teach-removed = 🗑 Ingkang dipunwucalaken saking <code>{ $number }</code> sampun dipunbusak saking FAQ.
teach-not-answered = Pitakenan punika dereng dipunwangsuli.
learned-empty = Dereng wonten ingkang dipunwucalaken petugas dhateng FAQ. Sasampunipun mangsuli pitakenan, pencet ➕ Lebetaken FAQ.
learned-title = 🧠 <b>Dipunwucalaken petugas dhateng FAQ</b> ({ $count }), ingkang enggal rumiyin:
learned-line-example = • <code>{ $number }</code> “{ $question }” → { $entry } – { $staff }, { $date }
learned-line-entry = • <code>{ $number }</code> “{ $question }” → pitakenan enggal – { $staff }, { $date }
