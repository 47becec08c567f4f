# The secretariat: ticket notifications in the staff group, review buttons,
# question answers, staff commands, the daily digest, and status news for
# submitters. Telegram HTML as in main.ftl.

## Status news for submitters

revise-intro = ✏️ Revising <code>{ $number }</code>: your previous answers are filled in. Choose <b>Edit</b> to fix what the staff asked for, then <b>Submit</b>. The number stays the same.
revise-not-possible = Submission <code>{ $number }</code> can no longer be revised (status: <b>{ $status }</b>).
resubmitted = 🔁 Revision sent. Your submission keeps the number <code>{ $number }</code> and will be reviewed again by the staff. Follow it with /status.
ticket-approved = ✅ Good news! Product <b>{ $title }</b> (<code>{ $number }</code>) was <b>approved</b> by the OPOP curation team.
ticket-needs-revision =
    ✏️ Product <b>{ $title }</b> (<code>{ $number }</code>) <b>needs revision</b> before curation continues.

    Staff note: <i>{ $note }</i>

    Press the button below to fix it and resubmit under the same number.
ticket-rejected =
    We are sorry: product <b>{ $title }</b> (<code>{ $number }</code>) <b>could not be accepted</b> in this curation round.

    Reason: <i>{ $note }</i>

    You may submit another product at any time with /product.
ticket-assigned = 🙋 Mentoring request <code>{ $number }</code> is now handled by staff member <b>{ $staff }</b>.
ticket-scheduled = 📅 Mentoring <code>{ $number }</code> is scheduled: <b>{ $note }</b>
ticket-done = 🏁 Mentoring <code>{ $number }</code> is marked as done. Thank you! If you need more help, ask again with /mentoring.
ticket-answered =
    💬 <b>Answer from OPOP staff</b> to question <code>{ $number }</code>

    Your question: <i>{ $question }</i>

    { $answer }
button-revise = ✏️ Fix and resubmit

## Notifications in the staff group

staff-album-caption = 📷 <code>{ $number }</code> – { $title }
staff-notice-new = 🆕 <b>{ $kind }</b> · <code>{ $number }</code>
staff-notice-resubmitted = 🔁 <b>{ $kind }</b> · <code>{ $number }</code> – <i>resubmitted after revision</i>
staff-notice-ticket = 🎫 <b>{ $kind }</b> · <code>{ $number }</code>
staff-notice-pesantren =
    🏫 <b>{ $name }</b> – { $region }
    👤 { $person } · { $phone } · Telegram: { $telegram }
staff-notice-unregistered = 👤 Telegram: { $telegram } <i>(no pesantren registered yet)</i>
staff-answer-line = <b>{ $label }</b>: { $value }
staff-status = Status: <b>{ $status }</b>
staff-status-by = Status: <b>{ $status }</b> – by { $staff }, { $date }
staff-assignee = Assigned to: { $staff }
staff-note = Note: <i>{ $note }</i>
staff-reply-hint = ↩️ <i>Reply to this message to answer; your answer is passed on to the asker in the bot's name.</i>
staff-history-title = <b>History</b>
staff-history-line = • { $date }: <b>{ $status }</b> – { $staff }
staff-history-note = {" "}(<i>{ $note }</i>)
staff-by-submitter = submitter
staff-button-approve = ✅ Approve
staff-button-revise = ✏️ Needs revision
staff-button-reject = ❌ Reject
staff-button-take = 🙋 I'll take it
staff-button-schedule = 📅 Schedule
staff-button-done = 🏁 Done

## Staff actions

staff-only-toast = This button is for OPOP staff only.
staff-saved-toast = Saved.
staff-already-done = Already handled: { $status } by { $staff }.
staff-prompt-revise = ✏️ { $staff }, write the <b>revision note</b> for <code>{ $number }</code> ({ $title }) by replying to this message. The note goes to the submitter. /cancel to cancel.
staff-prompt-reject = ❌ { $staff }, write the <b>reason for rejection</b> of <code>{ $number }</code> ({ $title }) by replying to this message. The reason goes to the submitter. /cancel to cancel.
staff-prompt-schedule = 📅 { $staff }, write the <b>mentoring schedule</b> for <code>{ $number }</code> (date, time, place or link) by replying to this message. /cancel to cancel.
staff-placeholder-reason = Write the reason…
staff-placeholder-date = e.g. Mon 7 Dec, 09:00 WIB, Zoom
staff-prompt-toast = Reply to the bot's message to complete this.
staff-note-invalid = Write the note as text (at most { $max } characters), replying to the bot's message.
staff-changed-meanwhile = Ticket <code>{ $number }</code> was changed by { $staff } (<b>{ $status }</b>); your action was not saved.
staff-action-saved = ✅ <code>{ $number }</code>: <b>{ $status }</b>. The submitter has been told.
staff-reply-unknown = This reply is not about a ticket. To answer a question, reply to its notification message.
staff-reply-not-question = <code>{ $number }</code> is not a question: use the buttons on its notification.
staff-question-cancelled = Question <code>{ $number }</code> was cancelled by the asker; the answer was not passed on.
staff-answer-sent = ✅ The answer to <code>{ $number }</code> was passed on to the asker.
desk-note-needed = Write the reason, date or answer first (at most { $max } characters).
button-open-desk = 🖥 Open in the desk
button-desk-open = 🖥 Open the curation desk
button-desk-login = 🔑 Login link for a computer
desk-off = The curation desk is not switched on for this bot (web.listen and web.public_url in the configuration).
desk-group = 🖥 <b>Curation desk</b>: the queue with filters, product photos, actions on several tickets at once, and reports. Press the button below to open it in Telegram.
desk-private = 🖥 <b>Curation desk</b>: the queue with filters, product photos, actions on several tickets at once, and reports.
    Open it in Telegram with the first button. For a browser on an office computer, use the second: a one-time login link, valid for { $minutes } minutes. Do not share it.
staff-only = This command is for OPOP staff only. Type /menu to see the menu.
staff-store-error = Sorry, the data cannot be read right now. Please try again shortly.
staff-pending-cancelled = Cancelled; the ticket's status did not change.
staff-help =
    <b>Staff commands</b>
    /queue – open tickets, oldest first
    /ticket NUMBER – one ticket with its history and photos
    /digest – the daily digest now
    /learned – what staff taught the FAQ (can be removed)
    /desk – the curation desk on the web (queue, photos, reports)
    /cancel – cancel an action waiting for its reason

    Review tickets with the buttons on their notifications. To answer a question, reply to its notification.
staff-group-set = ✅ This group is now the <b>OPOP staff group</b>: ticket notifications and the daily digest arrive here. Type /help for the staff commands.
staff-group-already = This group is already the OPOP staff group.
staff-group-configured = The staff group is set in the bot's configuration; change it there if needed.
staff-group-private = Send /staffgroup inside the staff group, not in a private chat.
staff-group-admins-only = Only OPOP admins can set the staff group.
staff-chat-moved = ℹ️ Telegram upgraded the OPOP staff group to a supergroup with the id <code>{ $chat }</code>. Notifications and the digest now go there, and nothing was lost. If OPOP_STAFF_CHAT is set in the configuration, change it to this new id.
staff-chat-lost = ⚠️ The bot was removed from the OPOP staff group, so ticket notifications cannot be delivered there. They are kept: add the bot to the staff group again (or to a new group) and send /staffgroup there, and every pending notification will follow.

## /queue and /ticket

queue-empty = No open tickets. 🎉
queue-title = 📋 <b>Open tickets</b> ({ $count }), oldest first
queue-kind = <b>{ $kind }</b> ({ $count })
queue-line = • <code>{ $number }</code> { $title } – { $pesantren } · { $days ->
        [0] today
        [one] 1 day
       *[other] { $days } days
    } · { $status }
queue-more = …and { $count } more
queue-footer = See details with /ticket NUMBER.
ticket-usage = Write the ticket number, e.g. <code>/ticket PRD-2026-00001</code>.
ticket-not-found = Ticket <code>{ $number }</code> was not found.

## Daily digest

digest-title = 📊 <b>OPOP daily digest</b> – { $date }
digest-new = 🆕 <b>New tickets</b> since { $since }: <b>{ $count }</b>
digest-count = { $name } { $count }
digest-by-kind = • Kind: { $list }
digest-by-category = • Product category: { $list }
digest-by-region = • Region: { $list }
digest-no-profile = not registered
digest-nothing = –
digest-stale = ⏰ <b>Open for more than { $days } days</b>: { $count }
digest-ticket-line = • <code>{ $number }</code> { $title } – { $days ->
        [one] 1 day
       *[other] { $days } days
    }, { $status }
digest-questions = ❓ <b>Unanswered questions</b>: { $count }
digest-question-line = • <code>{ $number }</code> { $question } – { $days ->
        [0] today
        [one] 1 day
       *[other] { $days } days
    }
digest-faq = 🔎 <b>FAQ this week</b> (unanswered or 👎):
digest-faq-line = • “{ $question }” ×{ $count }
digest-users = 👥 <b>Users</b>: { $total } total, { $registered } pesantren registered, { $active } active in the last { $days } days, { $blocked } blocked the bot
digest-more = …and { $count } more
digest-learned = 🧠 <b>Taught to the FAQ</b>: { $count }
digest-chart = 📈 Submissions per week, the last 12 weeks

## Staff command menu (plain text)

cmd-queue = Open tickets, oldest first
cmd-ticket = One ticket: /ticket NUMBER
cmd-digest = The daily digest now
cmd-learned = What staff taught the FAQ
cmd-desk = The curation desk (web)

## Data erasure

staff-erased = 🗑 A user erased their personal data (data subject rights, UU PDP). Their tickets: { $tickets }. Open tickets cancelled: { $cancelled }. Other tickets ({ $kept }) are kept without personal data. The notifications of those tickets in this group were changed, and photos and export files deleted. Please also delete copies of their data outside the bot (spreadsheets, notes).
staff-notice-erased = 🗑 { $kind } · { $number }: the submitter's personal data was erased at their request (UU PDP). Status: { $status }
staff-telegram-with-username = { $name } (@{ $username })

## Teaching the FAQ from answered questions

button-teach = ➕ Add to FAQ
button-teach-new = 🆕 New question in this category
button-teach-undo = ↩️ Undo
button-teach-remove = 🗑 Remove { $number }
teach-pick-category = ➕ <b>Add to FAQ</b> from <code>{ $number }</code>
    “{ $question }”

    Which category? (The asker's phone numbers, e-mails and names are masked.)
teach-pick-entry = ➕ <b>Add to FAQ</b> · { $category }
    “{ $question }”

    Pick the FAQ question with the same answer, or make it a new question with your reply as its answer.
teach-saved-example = ✅ <b>Saved in the FAQ</b>: “{ $question }” is now answered with “{ $entry }”. Managers who ask something similar get that answer right away.
teach-saved-entry = ✅ <b>Saved in the FAQ</b> as a new question in { $category }: “{ $question }”, with your reply as its answer. Managers who ask something similar get that answer right away.
teach-removed = 🗑 What was taught from <code>{ $number }</code> is removed from the FAQ.
teach-not-answered = This question has not been answered yet.
learned-empty = Staff have not taught the FAQ anything yet. After answering a question, press ➕ Add to FAQ.
learned-title = 🧠 <b>Taught to the FAQ by staff</b> ({ $count }), newest first:
learned-line-example = • <code>{ $number }</code> “{ $question }” → { $entry } – { $staff }, { $date }
learned-line-entry = • <code>{ $number }</code> “{ $question }” → new question – { $staff }, { $date }
