# Admin broadcasts (/broadcast): composing, audience, preview, schedule,
# progress and report. Telegram HTML as in main.ftl.

broadcast-header = 📢 <b>OPOP East Java announcement</b>
broadcast-admins-only = Only OPOP admins can send broadcasts.
broadcast-admins-only-toast = This button is for OPOP admins only.
broadcast-private-only = Compose broadcasts in a private chat with the bot, not in a group.
broadcast-ask-content =
    📢 <b>New broadcast</b>
    Send the announcement: text (bold, italics and links are kept) or one photo with a caption. Write it in the language the pesantren should read; an English version can be added afterwards.
    /cancel to cancel.
broadcast-empty = The announcement is empty. Send text, or a photo with a caption.
broadcast-bad-format = This formatting cannot be sent through Telegram. Send it again with simpler formatting (bold, italics, links).
broadcast-too-long = The announcement is too long: at most { $max } characters. Shorten it and send it again.
broadcast-ask-audience = Who should receive it?
broadcast-audience-all = 👥 All active users
broadcast-audience-region = 📍 By region
broadcast-audience-pillar = 🏷 By pillar
broadcast-audience-category = 📦 By product category
broadcast-audience-language = 🌐 By language
broadcast-audience-no-profile = 📝 No pesantren registered yet
broadcast-ask-language = Users of which language?
broadcast-pick = Choose one or more, then press <b>Done</b>. Chosen: { $count }.
broadcast-pick-one = Choose at least one.
broadcast-preview-title = 👀 <b>Preview</b> – exactly as recipients will see it:
broadcast-preview-summary =
    <b>Recipients</b>: { $audience }
    <b>Count</b>: { $count } active users ({ $en } using English)
    { $english }

    Send now, schedule, or cancel?
broadcast-has-english = English-speaking users get the English version.
broadcast-no-english = Every recipient gets this text as it is.
broadcast-send-now = 🚀 Send now
broadcast-schedule = 🕒 Schedule
broadcast-add-english = ➕ Add an English version
broadcast-change-audience = 👥 Change recipients
broadcast-ask-english = Send the English version of this announcement (text only; the photo stays the same).
broadcast-english-text-only = The English version is text only; the photo stays the same.
broadcast-ask-schedule = When should it go out? Write the date and time in WIB, e.g. <code>2026-12-01 08:00</code> or <code>1/12 08.00</code>.
broadcast-schedule-past = That time has passed. Write a date and time in the future.
broadcast-schedule-invalid = I could not read that date or time. Examples: <code>2026-12-01 08:00</code> or <code>1/12 08.00</code>.
broadcast-scheduled = 🕒 Broadcast scheduled for <b>{ $at }</b>. See or cancel it with /broadcast_status.
broadcast-starting = ⏳ Preparing to send…
broadcast-cancelled = Broadcast cancelled.
broadcast-cancelling = Cancelling…
broadcast-already-over = This broadcast is already over.
broadcast-cancel-button = ✖ Stop the broadcast
broadcast-cancel-job = ✖ Cancel broadcast #{ $id }
broadcast-progress = 📢 Broadcast #{ $id }: sent { $sent }, failed { $failed }, blocked the bot { $blocked }, remaining { $remaining } of { $total }
broadcast-report =
    ✅ <b>Broadcast #{ $id } finished</b>
    Recipients: { $audience }
    Sent: { $sent } of { $total }
    Failed: { $failed } · Blocked the bot: { $blocked } · Interrupted: { $interrupted }
    Started { $started }, finished { $finished }.
broadcast-report-cancelled =
    ✖ <b>Broadcast #{ $id } stopped</b>
    Recipients: { $audience }
    Sent: { $sent } of { $total } · Not sent: { $cancelled }
    Failed: { $failed } · Blocked the bot: { $blocked } · Interrupted: { $interrupted }
    Started { $started }, stopped { $finished }.
broadcast-report-late = ⚠️ Sent late: the bot was not running at the scheduled time ({ $at }), so the broadcast went out as soon as it was back.
broadcast-report-interrupted = ⚠️ { $count } deliveries were interrupted because the bot stopped while sending them; they were not repeated, so nobody receives the announcement twice. Some of them may not have it: the button below sends it again to those { $count } recipients, and whoever already has it will get it twice.
broadcast-resend-button = 📨 Send again to the { $count } interrupted
broadcast-resend-toast = Sending again to the interrupted recipients…
broadcast-resend-nothing = No interrupted deliveries to send again.
broadcast-status-empty = No broadcasts yet.
broadcast-status-title = 📢 <b>Broadcasts</b> (newest first)
broadcast-status-line = • #{ $id } <b>{ $state }</b> – { $when } – { $audience }: sent { $sent }, failed { $failed }, blocked { $blocked }, remaining { $remaining } of { $total }
broadcast-state-scheduled = scheduled
broadcast-state-running = sending
broadcast-state-done = done
broadcast-state-cancelled = stopped

## Admin command menu (plain text)

cmd-broadcast = Send a broadcast to pesantren
cmd-broadcast-status = Broadcasts and their progress
broadcast-report-failure = • { $user }: { $reason }
