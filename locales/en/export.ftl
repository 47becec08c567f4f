# Spreadsheet export (/export): column headers and messages. Headers and
# buttons are plain text.

export-telegram-id = Telegram ID
export-username = Telegram username
export-language = Language
export-active = Active
export-consent = Data consent (WIB)
export-updated = Updated (WIB)
export-number = Number
export-created = Created (WIB)
export-pesantren = Pesantren
export-region = Region
export-status = Status
export-assignee = Assigned to
export-last-action = Last action
export-yes = Yes
export-no = No
export-caption = 📊 OPOP data export: { $pesantren } pesantren, { $products } products, { $mentoring } mentoring requests, { $questions } questions. It holds personal data: keep it safe as UU PDP requires.
export-preparing = ⏳ Preparing the export file…
cmd-export = Export data to Excel
export-action = { $status } – { $staff }, { $date }
export-action-note = { $action }: { $note }
