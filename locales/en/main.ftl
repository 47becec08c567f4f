# English. Bahasa Indonesia (locales/id) is the default language and the
# fallback for every message missing here.
# Telegram HTML: only <b>, <i>, <u>, <s>, <a href>, <code>, <pre>,
# <blockquote>; write & as &amp; and < > as &lt; &gt;.

## General

welcome =
    Assalamu'alaikum, { $name }! 👋
    Welcome to the <b>OPOP East Java</b> bot (One Pesantren One Product).
    <i>Empowered Pesantren, Prosperous Communities.</i>

    Here you can register your pesantren's profile, submit products for curation, request mentoring, and ask questions about the OPOP program.
welcome-register-hint = Not registered yet? Start with <b>Register pesantren</b> in the menu below.
help =
    <b>Available commands</b>
    /menu – main menu
    /register – register or update your pesantren's profile
    /product – submit a product for curation
    /mentoring – request mentoring
    /ask – questions and answers about OPOP
    /status – the status of your submissions
    /language – change the language
    /back – go back to the previous question
    /cancel – cancel the form you are filling in
    /help – this message

    You can also just type your question.
unknown-command = I don't know the command { $command }. Type /help to see the list of commands.
not-understood = Sorry, I didn't understand your message. Please choose from the menu, or type /help.
empty-message = Your message is empty. Please choose from the menu.
photo-outside-form = Thank you for the photo. Product photos are sent through the product form: choose <b>Submit product</b> in the menu.
contact-outside-form = Thank you. Your phone number is entered through the registration form: choose <b>Register pesantren</b> in the menu.
media-unsupported = Sorry, I can only read text, photos and contacts. Please choose from the menu.
button-stale = This button is no longer valid. Please use the latest message.
value-not-set = (not available yet, please ask the secretariat)

## Menu

menu-title = <b>Main menu</b> – please choose:
menu-form-pending = Your <b>{ $dialog }</b> form is not finished yet. Choose another menu item to leave it, or type your answer to continue.
menu-register = 📝 Register pesantren
menu-profile = 📝 Update profile
menu-product = 📦 Submit product
menu-mentoring = 🤝 Request mentoring
menu-status = 📋 My status
menu-help = ❓ Help
menu-language = 🌐 Bahasa / Language
menu-faq = 💬 Questions &amp; answers

## Language

language-prompt = Pilih bahasa / Choose your language:
language-id = 🇮🇩 Bahasa Indonesia
language-en = 🇬🇧 English
language-jv = Basa Jawa
language-set = Language changed to English.
language-set-toast = English

## Status

status-empty = You have no submissions yet. Submit a product or request mentoring through the menu.
status-title = <b>Your submissions</b>
status-line = • <code>{ $number }</code> – { $title }: <b>{ $status }</b> ({ $date })
status-open = Awaiting review
status-approved = Approved
status-needs-revision = Needs revision
status-rejected = Rejected
status-assigned = Being handled
status-scheduled = Scheduled
status-done = Completed
status-answered = Answered
status-cancelled = Cancelled

## Forms

need-profile = For <b>{ $dialog }</b>, your pesantren needs to be registered first. Register now? It's just a few questions.
profile-update-note = Your pesantren is already registered; this form will update your existing profile.
form-already-open = You are already filling in this form. Let's continue.
form-replaced = The unfinished <b>{ $dialog }</b> form has been left.
form-cancelled = The <b>{ $dialog }</b> form has been cancelled. No data was sent.
nothing-to-cancel = You are not filling in any form.
idle-offer = You started the <b>{ $dialog }</b> form more than a day ago and have not finished it. Continue from the last question, or start over?
back-at-start = This is already the first question.
consent-declined = All right, the registration will not continue and no data has been saved. You can still ask about OPOP at any time.

step-header = <i>{ $dialog } · { $number }/{ $total }</i>
current-answer = Current answer: <b>{ $answer }</b>
hint-amount = Write an amount in rupiah, for example <code>25000</code>, <code>25.000</code> or <code>25rb</code>.
hint-number = Write a number, for example <code>500</code>.
hint-choice = Choose one of the buttons, or type the number of your choice.
hint-multi = Tap the options to tick them (you may choose more than one), then press <b>Done</b>.
hint-phone = Type a mobile number, for example <code>0812 3456 7890</code>, or press the button below to share your number. /back to go back, /cancel to cancel.
hint-email = Type an e-mail address, for example <code>name@example.id</code>.
hint-photos = Send { $min }–{ $max } photos (one at a time or all at once), then press <b>Done</b>.
hint-region = Type the name of a regency or city in East Java, for example <code>Sidoarjo</code> or <code>Kota Malang</code>.
region-which = Which one do you mean?
photo-received = Photo { $count } of at most { $max } received. Send another photo, or press <b>Done</b>.
photos-count = { $count } photo(s)
photos-too-many = At most { $max } photos; the extra photos were not saved.
answer-skipped = (skipped)
toggle-on = ✅ { $label }
toggle-off = ▫️ { $label }

summary-title = <b>Summary – { $dialog }</b>
summary-line = • <b>{ $label }</b>: { $value }
summary-confirm = Is everything correct? Press <b>Submit</b>, or <b>Edit</b> to make changes.
summary-use-buttons = Please use the buttons below the summary.
edit-which = Which part would you like to change?

## Input errors

input-problem = ⚠️ { $problem }
err-empty = The answer cannot be empty.
err-no-letters = Please answer with letters or numbers, not only emoji or punctuation.
err-too-short = The answer is too short; at least { $min } characters.
err-too-long = The answer is too long; at most { $max } characters.
err-too-long-message = Your message is too long for me to read. Please send a shorter one.
err-pattern = The answer is not in the right format.
err-not-a-number = That is not a number I can read.
err-number-too-small = The number is too small; the minimum is { $min }.
err-number-too-large = The number is too large; the maximum is { $max }.
err-not-an-option = That option does not exist. Use the buttons or type its number.
err-not-yes-no = Please answer with the buttons, or type "yes" or "no".
err-phone = That phone number is not valid. Use an Indonesian number starting with 08, 62 or +62.
err-not-own-contact = Please share your own number, or type the number.
err-email = That e-mail address is not valid.
err-region = I don't recognise that regency or city. Write one of the 38 regencies and cities of East Java, for example <code>Jember</code> or <code>Kota Surabaya</code>.
err-need-photo = At this step I am waiting for a product photo.
err-too-few-photos = Please send at least { $min } photo(s) first.
err-none-selected = Choose at least { $min } option(s) first, then press Done.
expect-photo = At this step I need a photo (not a sticker, document or voice message).
expect-phone = At this step I need a phone number: type the number or share your contact.
expect-button = At this step please choose with the buttons.
expect-text = At this step I need a text answer.

## Buttons

button-menu = 🏠 Menu
button-yes = Yes
button-no = No
button-agree = ✅ I agree
button-disagree = I do not agree
button-done = ✔️ Done
button-skip = Skip
button-back = ⬅ Back
button-cancel = ✖ Cancel
button-submit = ✅ Submit
button-edit = ✏️ Edit
button-continue = ▶️ Continue
button-restart = 🔄 Start over
button-share-contact = 📱 Share my number

## Questions and answers (FAQ)

faq-categories = <b>Questions about OPOP</b> – choose a topic:
faq-category = <b>{ $category }</b> – choose a question:
faq-suggest = I'm not sure what you mean. Is it one of these?
faq-unknown = Sorry, I don't have an answer to that yet. I've noted your question. Shall I pass it on to the OPOP staff?
faq-answer =
    <b>{ $question }</b>

    { $answer }

    Was this answer helpful?
faq-thanks-toast = Thanks for the feedback!
faq-unhelpful = Sorry that didn't help. Would you like to ask the OPOP staff directly?
button-helpful = 👍 Helpful
button-unhelpful = 👎 Not really
button-ask-staff = 🙋 Ask the staff
button-faq-list = 📚 All questions

## Small talk (greetings, thanks, "ok", goodbye, "are you a bot?")

smalltalk-salam = Wa'alaikumussalam warahmatullahi wabarakatuh. 😊 How can I help? Pick from the menu, or just type your question.
smalltalk-greeting = Hello! 😊 How can I help? Pick from the menu, or just type your question.
smalltalk-thanks = You're welcome! 🙏 If there is anything else, just type it or pick from the menu.
smalltalk-ack = All right. 👍 If you have a question, just type it or pick from the menu.
smalltalk-goodbye = Thank you for contacting OPOP East Java. Goodbye! 👋
smalltalk-bot = I am a bot, the automated assistant of the OPOP East Java programme. I answer general questions and take registrations, product submissions and mentoring requests. Want to ask the secretariat staff directly? Type your question; if I cannot answer it, press <b>🙋 Ask the staff</b> and a staff member will reply here.

## Telegram command menu (no HTML)

cmd-start = Start and main menu
cmd-menu = Main menu
cmd-ask = Questions about OPOP
cmd-status = Status of your submissions
cmd-language = Change language / Ganti bahasa
cmd-help = Help and list of commands
cmd-cancel = Cancel the form

## Personal data (UU PDP): /privacy and /deletedata

privacy-title = 🔒 <b>Your data in the OPOP bot</b>
privacy-none = –
privacy-account =
    <b>Telegram account</b>
    • ID: { $id }
    • Name: { $name }
    • Username: { $username }
    • Language: { $language }
    • First used the bot: { $first }
privacy-profile = <b>Pesantren profile</b>
privacy-no-profile = <b>Pesantren profile</b>: none yet.
privacy-consent = • Consent given { $date } (notice version { $version })
privacy-tickets =
    <b>Submissions</b>: { $count } (see them with /status)
    <b>FAQ questions kept</b> (unanswered or 👎): { $questions }
privacy-why =
    <b>Why</b>: running the OPOP East Java program (product curation, mentoring, contacting your pesantren), with the consent you gave when registering (Law No. 27 of 2022 on Personal Data Protection).
    <b>Who sees it</b>: OPOP secretariat staff.
    <b>Your rights</b>: correct your profile with /register, or erase your personal data with the button below (/deletedata).
button-erase = 🗑 Erase my data
erase-confirm =
    🗑 <b>Erase your personal data?</b>
    Erased: your Telegram name and username, the pesantren profile (name, contact person, phone number, NSPP), and any form you are filling in. Open submissions are cancelled.
    Kept without personal data, for program statistics: the number, kind, category and status of your submissions.
    This cannot be undone. You can register again at any time with /register.
button-erase-yes = Yes, erase my data
button-erase-no = Don't erase
erase-kept = All right, your data was not changed.
erase-done = ✅ Your personal data has been erased and your consent withdrawn. Thank you for using the OPOP bot. Type /start if you want to use it again.
