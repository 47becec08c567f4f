### The curation desk: a Telegram Mini App for staff (web pages).
### HTML here is shown in a browser, not in Telegram.

desk-title = OPOP curation desk
desk-nav-queue = Queue
desk-nav-reports = Reports
desk-opening = Opening the curation desk…
desk-open-from-telegram = Open this desk from Telegram: send /desk in your private chat with the bot, or press 🖥 on a notice in the staff group.
desk-signed-in = Signed in as { $name }

## Queue

desk-filters = ⚙ Filters
desk-filter-kind = Kind
desk-filter-status = Status
desk-filter-region = Region
desk-filter-category = Product category
desk-filter-older = Older than (days)
desk-filter-assignee = Handled by
desk-filter-search = Search number, pesantren or product
desk-any = All
desk-status-open = Open
desk-status-all = All statuses
desk-assignee-mine = Me
desk-assignee-none = Nobody yet
desk-filter-apply = Apply
desk-filter-reset = Clear filters
desk-count = { $count ->
        [one] 1 ticket
       *[other] { $count } tickets
    }
desk-empty = No ticket matches these filters.
desk-page = Page { $page } of { $pages }
desk-prev = ‹ Previous
desk-next = Next ›
desk-select = Select
desk-bulk = For the selected tickets:
desk-bulk-take = 🙋 Take
desk-bulk-approve = ✅ Approve
desk-bulk-none = Select the tickets first.
desk-age = { $days ->
        [0] today
        [one] 1 day
       *[other] { $days } days
    }

## Ticket

desk-back = ‹ Queue
desk-answers = Answers
desk-profile = Pesantren
desk-no-profile = The submitter has no pesantren profile (or erased their data).
desk-history = History
desk-photos = Product photos
desk-photo-alt = Photo { $index } of { $number }
desk-actions = Actions
desk-no-actions = No more actions for this status.
desk-assignee = Handled by { $staff }
desk-note-reason = Reason (sent to the submitter)
desk-note-date = Date and time of the mentoring
desk-note-answer = Answer for the asker
desk-answer-button = 💬 Send the answer
desk-version-changed = This ticket changed since the page was opened. Reload to see it.

## Reports

desk-reports-title = Programme reports
desk-chart-weekly = Submissions per week (12 weeks)
desk-chart-region = Submissions by region (12 weeks)
desk-chart-category = Products by category (12 weeks)
desk-chart-age = Open tickets by age (days)
desk-no-region = (no region)
desk-median-first = Median time to the first staff action: <b>{ $hours } hours</b>
desk-median-none = Time to the first action: no data yet.
desk-week = { $date }
desk-export-xlsx = ⬇ Excel for this filter
desk-export-csv = ⬇ CSV for this filter
desk-reports-filter = The queue's current filter: { $count }.

## Error pages

desk-error-unauthorized = Not signed in
desk-error-unauthorized-body = There is no session, or it ended. Open the desk from Telegram again (/desk).
desk-error-tampered = Invalid data from Telegram
desk-error-tampered-body = The data that opened this desk does not match Telegram's signature. Open the desk from Telegram again.
desk-error-expired = The link has expired
desk-error-expired-body = This opening data is too old or was used already. Open the desk from Telegram again, or ask for a new link with /desk.
desk-error-forbidden = Staff only
desk-error-forbidden-body = The curation desk is for OPOP staff and admins only.
desk-error-csrf = Invalid form
desk-error-csrf-body = This form did not carry the right token. Reload the page and try again.
desk-error-not-found = Not found
desk-error-not-found-body = This page or ticket does not exist.
desk-error-unavailable = Not available yet
desk-error-unavailable-body = The data cannot be read right now. Try again in a moment.
