//! Every message id the Rust code formats, with the variables it passes.
//!
//! `opop-bot check` walks [`ALL`] and fails when an id is missing from a
//! locale or a message uses a variable that is not passed here (or a
//! global from the config). Dialog and FAQ ids are checked from their own
//! files.

/// A message id and the variables the code passes to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MsgId {
    pub id: &'static str,
    pub vars: &'static [&'static str],
}

macro_rules! messages {
    ($($name:ident = $id:literal [$($var:literal),*];)*) => {
        $(pub const $name: MsgId = MsgId { id: $id, vars: &[$($var),*] };)*
        /// All declared ids.
        pub const ALL: &[MsgId] = &[$($name),*];
    };
}

messages! {
    WELCOME = "welcome" ["name"];
    WELCOME_REGISTER_HINT = "welcome-register-hint" [];
    HELP = "help" [];
    UNKNOWN_COMMAND = "unknown-command" ["command"];
    NOT_UNDERSTOOD = "not-understood" [];
    EMPTY_MESSAGE = "empty-message" [];
    PHOTO_OUTSIDE_FORM = "photo-outside-form" [];
    CONTACT_OUTSIDE_FORM = "contact-outside-form" [];
    MEDIA_UNSUPPORTED = "media-unsupported" [];
    BUTTON_STALE = "button-stale" [];

    MENU_TITLE = "menu-title" [];
    MENU_FORM_PENDING = "menu-form-pending" ["dialog"];
    MENU_REGISTER = "menu-register" [];
    MENU_PROFILE = "menu-profile" [];
    MENU_PRODUCT = "menu-product" [];
    MENU_MENTORING = "menu-mentoring" [];
    MENU_STATUS = "menu-status" [];
    MENU_HELP = "menu-help" [];
    MENU_LANGUAGE = "menu-language" [];
    MENU_FAQ = "menu-faq" [];

    FAQ_CATEGORIES = "faq-categories" [];
    FAQ_CATEGORY = "faq-category" ["category"];
    FAQ_SUGGEST = "faq-suggest" [];
    FAQ_UNKNOWN = "faq-unknown" [];
    FAQ_ANSWER = "faq-answer" ["question", "answer"];
    FAQ_THANKS_TOAST = "faq-thanks-toast" [];
    FAQ_UNHELPFUL = "faq-unhelpful" [];
    BUTTON_HELPFUL = "button-helpful" [];
    BUTTON_UNHELPFUL = "button-unhelpful" [];
    BUTTON_ASK_STAFF = "button-ask-staff" [];
    BUTTON_FAQ_LIST = "button-faq-list" [];

    SMALL_TALK_SALAM = "smalltalk-salam" [];
    SMALL_TALK_GREETING = "smalltalk-greeting" [];
    SMALL_TALK_THANKS = "smalltalk-thanks" [];
    SMALL_TALK_ACK = "smalltalk-ack" [];
    SMALL_TALK_GOODBYE = "smalltalk-goodbye" [];
    SMALL_TALK_BOT = "smalltalk-bot" [];

    LANGUAGE_PROMPT = "language-prompt" [];
    LANGUAGE_ID = "language-id" [];
    LANGUAGE_EN = "language-en" [];
    LANGUAGE_JV = "language-jv" [];
    LANGUAGE_SET = "language-set" [];
    LANGUAGE_SET_TOAST = "language-set-toast" [];

    STATUS_EMPTY = "status-empty" [];
    STATUS_TITLE = "status-title" [];
    STATUS_LINE = "status-line" ["number", "title", "status", "date"];
    REVISE_INTRO = "revise-intro" ["number"];
    PRIVACY_TITLE = "privacy-title" [];
    PRIVACY_NONE = "privacy-none" [];
    PRIVACY_ACCOUNT = "privacy-account" ["id", "name", "username", "language", "first"];
    PRIVACY_PROFILE = "privacy-profile" [];
    PRIVACY_NO_PROFILE = "privacy-no-profile" [];
    PRIVACY_CONSENT = "privacy-consent" ["date", "version"];
    PRIVACY_TICKETS = "privacy-tickets" ["count", "questions"];
    PRIVACY_WHY = "privacy-why" [];
    BUTTON_ERASE = "button-erase" [];
    ERASE_CONFIRM = "erase-confirm" [];
    BUTTON_ERASE_YES = "button-erase-yes" [];
    BUTTON_ERASE_NO = "button-erase-no" [];
    ERASE_KEPT = "erase-kept" [];
    ERASE_DONE = "erase-done" [];
    STAFF_ERASED = "staff-erased" ["tickets", "cancelled", "kept"];
    STAFF_NOTICE_ERASED = "staff-notice-erased" ["number", "kind", "status"];
    REVISE_NOT_POSSIBLE = "revise-not-possible" ["number", "status"];
    RESUBMITTED = "resubmitted" ["number"];
    STAFF_ALBUM_CAPTION = "staff-album-caption" ["number", "title"];
    STAFF_NOTICE_NEW = "staff-notice-new" ["number", "kind"];
    STAFF_NOTICE_RESUBMITTED = "staff-notice-resubmitted" ["number", "kind"];
    STAFF_NOTICE_TICKET = "staff-notice-ticket" ["number", "kind"];
    STAFF_NOTICE_PESANTREN = "staff-notice-pesantren" ["name", "region", "person", "phone", "telegram"];
    STAFF_NOTICE_UNREGISTERED = "staff-notice-unregistered" ["telegram"];
    STAFF_ANSWER_LINE = "staff-answer-line" ["label", "value"];
    STAFF_STATUS = "staff-status" ["status"];
    STAFF_STATUS_BY = "staff-status-by" ["status", "staff", "date"];
    STAFF_ASSIGNEE = "staff-assignee" ["staff"];
    STAFF_NOTE = "staff-note" ["note"];
    STAFF_REPLY_HINT = "staff-reply-hint" [];
    STAFF_HISTORY_TITLE = "staff-history-title" [];
    STAFF_HISTORY_LINE = "staff-history-line" ["date", "status", "staff"];
    STAFF_HISTORY_NOTE = "staff-history-note" ["note"];
    STAFF_BY_SUBMITTER = "staff-by-submitter" [];
    STAFF_TELEGRAM_WITH_USERNAME = "staff-telegram-with-username" ["name", "username"];
    STAFF_BUTTON_APPROVE = "staff-button-approve" [];
    STAFF_BUTTON_REVISE = "staff-button-revise" [];
    STAFF_BUTTON_REJECT = "staff-button-reject" [];
    STAFF_BUTTON_TAKE = "staff-button-take" [];
    STAFF_BUTTON_SCHEDULE = "staff-button-schedule" [];
    STAFF_BUTTON_DONE = "staff-button-done" [];
    STAFF_ONLY_TOAST = "staff-only-toast" [];
    STAFF_SAVED_TOAST = "staff-saved-toast" [];
    STAFF_ALREADY_DONE = "staff-already-done" ["status", "staff"];
    STAFF_PROMPT_REVISE = "staff-prompt-revise" ["staff", "number", "title"];
    STAFF_PROMPT_REJECT = "staff-prompt-reject" ["staff", "number", "title"];
    STAFF_PROMPT_SCHEDULE = "staff-prompt-schedule" ["staff", "number", "title"];
    STAFF_PLACEHOLDER_REASON = "staff-placeholder-reason" [];
    STAFF_PLACEHOLDER_DATE = "staff-placeholder-date" [];
    STAFF_PROMPT_TOAST = "staff-prompt-toast" [];
    STAFF_NOTE_INVALID = "staff-note-invalid" ["max"];
    STAFF_CHANGED_MEANWHILE = "staff-changed-meanwhile" ["number", "status", "staff"];
    STAFF_ACTION_SAVED = "staff-action-saved" ["number", "status"];
    STAFF_REPLY_UNKNOWN = "staff-reply-unknown" [];
    STAFF_REPLY_NOT_QUESTION = "staff-reply-not-question" ["number"];
    STAFF_QUESTION_CANCELLED = "staff-question-cancelled" ["number"];
    STAFF_ANSWER_SENT = "staff-answer-sent" ["number"];
    DESK_NOTE_NEEDED = "desk-note-needed" ["max"];
    BUTTON_TEACH = "button-teach" [];
    BUTTON_TEACH_NEW = "button-teach-new" [];
    BUTTON_TEACH_UNDO = "button-teach-undo" [];
    BUTTON_TEACH_REMOVE = "button-teach-remove" ["number"];
    TEACH_PICK_CATEGORY = "teach-pick-category" ["number", "question"];
    TEACH_PICK_ENTRY = "teach-pick-entry" ["category", "question"];
    TEACH_SAVED_EXAMPLE = "teach-saved-example" ["entry", "question"];
    TEACH_SAVED_ENTRY = "teach-saved-entry" ["category", "question"];
    TEACH_REMOVED = "teach-removed" ["number"];
    TEACH_NOT_ANSWERED = "teach-not-answered" [];
    LEARNED_EMPTY = "learned-empty" [];
    LEARNED_TITLE = "learned-title" ["count"];
    LEARNED_LINE_EXAMPLE = "learned-line-example" ["number", "question", "entry", "staff", "date"];
    LEARNED_LINE_ENTRY = "learned-line-entry" ["number", "question", "entry", "staff", "date"];
    STAFF_ONLY = "staff-only" [];
    STAFF_STORE_ERROR = "staff-store-error" [];
    STAFF_PENDING_CANCELLED = "staff-pending-cancelled" [];
    STAFF_HELP = "staff-help" [];
    STAFF_GROUP_SET = "staff-group-set" [];
    STAFF_CHAT_MOVED = "staff-chat-moved" ["chat"];
    STAFF_CHAT_LOST = "staff-chat-lost" [];
    STAFF_GROUP_ALREADY = "staff-group-already" [];
    STAFF_GROUP_CONFIGURED = "staff-group-configured" [];
    STAFF_GROUP_PRIVATE = "staff-group-private" [];
    STAFF_GROUP_ADMINS_ONLY = "staff-group-admins-only" [];
    QUEUE_EMPTY = "queue-empty" [];
    QUEUE_TITLE = "queue-title" ["count"];
    QUEUE_KIND = "queue-kind" ["kind", "count"];
    QUEUE_LINE = "queue-line" ["number", "title", "pesantren", "days", "status"];
    QUEUE_MORE = "queue-more" ["count"];
    QUEUE_FOOTER = "queue-footer" [];
    TICKET_USAGE = "ticket-usage" [];
    TICKET_NOT_FOUND = "ticket-not-found" ["number"];

    TICKET_APPROVED = "ticket-approved" ["number", "title", "staff", "note"];
    TICKET_NEEDS_REVISION = "ticket-needs-revision" ["number", "title", "staff", "note"];
    TICKET_REJECTED = "ticket-rejected" ["number", "title", "staff", "note"];
    TICKET_ASSIGNED = "ticket-assigned" ["number", "title", "staff", "note"];
    TICKET_SCHEDULED = "ticket-scheduled" ["number", "title", "staff", "note"];
    TICKET_DONE = "ticket-done" ["number", "title", "staff", "note"];
    TICKET_ANSWERED = "ticket-answered" ["number", "question", "answer"];
    BUTTON_REVISE = "button-revise" [];

    DIGEST_TITLE = "digest-title" ["date"];
    DIGEST_NEW = "digest-new" ["count", "since"];
    DIGEST_COUNT = "digest-count" ["name", "count"];
    DIGEST_BY_KIND = "digest-by-kind" ["list"];
    DIGEST_BY_CATEGORY = "digest-by-category" ["list"];
    DIGEST_BY_REGION = "digest-by-region" ["list"];
    DIGEST_NO_PROFILE = "digest-no-profile" [];
    DIGEST_NOTHING = "digest-nothing" [];
    DIGEST_STALE = "digest-stale" ["count", "days"];
    DIGEST_TICKET_LINE = "digest-ticket-line" ["number", "title", "days", "status"];
    DIGEST_QUESTIONS = "digest-questions" ["count"];
    DIGEST_QUESTION_LINE = "digest-question-line" ["number", "question", "days"];
    DIGEST_FAQ = "digest-faq" [];
    DIGEST_FAQ_LINE = "digest-faq-line" ["question", "count"];
    DIGEST_USERS = "digest-users" ["total", "registered", "active", "days", "blocked"];
    DIGEST_MORE = "digest-more" ["count"];
    DIGEST_LEARNED = "digest-learned" ["count"];
    EXPORT_TELEGRAM_ID = "export-telegram-id" [];
    EXPORT_USERNAME = "export-username" [];
    EXPORT_LANGUAGE = "export-language" [];
    EXPORT_ACTIVE = "export-active" [];
    EXPORT_CONSENT = "export-consent" [];
    EXPORT_UPDATED = "export-updated" [];
    EXPORT_NUMBER = "export-number" [];
    EXPORT_CREATED = "export-created" [];
    EXPORT_PESANTREN = "export-pesantren" [];
    EXPORT_REGION = "export-region" [];
    EXPORT_STATUS = "export-status" [];
    EXPORT_ASSIGNEE = "export-assignee" [];
    EXPORT_LAST_ACTION = "export-last-action" [];
    EXPORT_YES = "export-yes" [];
    EXPORT_ACTION = "export-action" ["status", "staff", "date"];
    EXPORT_ACTION_NOTE = "export-action-note" ["action", "note"];
    EXPORT_NO = "export-no" [];
    EXPORT_CAPTION = "export-caption" ["pesantren", "products", "mentoring", "questions"];
    EXPORT_PREPARING = "export-preparing" [];

    BROADCAST_HEADER = "broadcast-header" [];
    BROADCAST_ADMINS_ONLY = "broadcast-admins-only" [];
    BROADCAST_ADMINS_ONLY_TOAST = "broadcast-admins-only-toast" [];
    BROADCAST_PRIVATE_ONLY = "broadcast-private-only" [];
    BROADCAST_ASK_CONTENT = "broadcast-ask-content" [];
    BROADCAST_EMPTY = "broadcast-empty" [];
    BROADCAST_BAD_FORMAT = "broadcast-bad-format" [];
    BROADCAST_TOO_LONG = "broadcast-too-long" ["max"];
    BROADCAST_ASK_AUDIENCE = "broadcast-ask-audience" [];
    BROADCAST_AUDIENCE_ALL = "broadcast-audience-all" [];
    BROADCAST_AUDIENCE_REGION = "broadcast-audience-region" [];
    BROADCAST_AUDIENCE_PILLAR = "broadcast-audience-pillar" [];
    BROADCAST_AUDIENCE_CATEGORY = "broadcast-audience-category" [];
    BROADCAST_AUDIENCE_LANGUAGE = "broadcast-audience-language" [];
    BROADCAST_AUDIENCE_NO_PROFILE = "broadcast-audience-no-profile" [];
    BROADCAST_ASK_LANGUAGE = "broadcast-ask-language" [];
    BROADCAST_PICK = "broadcast-pick" ["count"];
    BROADCAST_PICK_ONE = "broadcast-pick-one" [];
    BROADCAST_PREVIEW_TITLE = "broadcast-preview-title" [];
    BROADCAST_PREVIEW_SUMMARY = "broadcast-preview-summary" ["audience", "count", "en", "english"];
    BROADCAST_HAS_ENGLISH = "broadcast-has-english" [];
    BROADCAST_NO_ENGLISH = "broadcast-no-english" [];
    BROADCAST_SEND_NOW = "broadcast-send-now" [];
    BROADCAST_SCHEDULE = "broadcast-schedule" [];
    BROADCAST_ADD_ENGLISH = "broadcast-add-english" [];
    BROADCAST_CHANGE_AUDIENCE = "broadcast-change-audience" [];
    BROADCAST_ASK_ENGLISH = "broadcast-ask-english" [];
    BROADCAST_ENGLISH_TEXT_ONLY = "broadcast-english-text-only" [];
    BROADCAST_ASK_SCHEDULE = "broadcast-ask-schedule" [];
    BROADCAST_SCHEDULE_PAST = "broadcast-schedule-past" [];
    BROADCAST_SCHEDULE_INVALID = "broadcast-schedule-invalid" [];
    BROADCAST_SCHEDULED = "broadcast-scheduled" ["at"];
    BROADCAST_STARTING = "broadcast-starting" [];
    BROADCAST_CANCELLED = "broadcast-cancelled" [];
    BROADCAST_CANCELLING = "broadcast-cancelling" [];
    BROADCAST_ALREADY_OVER = "broadcast-already-over" [];
    BROADCAST_CANCEL_BUTTON = "broadcast-cancel-button" [];
    BROADCAST_CANCEL_JOB = "broadcast-cancel-job" ["id"];
    BROADCAST_PROGRESS = "broadcast-progress" ["id", "sent", "failed", "blocked", "remaining", "total"];
    BROADCAST_REPORT = "broadcast-report" ["id", "audience", "total", "sent", "failed", "blocked", "interrupted", "cancelled", "started", "finished"];
    BROADCAST_REPORT_CANCELLED = "broadcast-report-cancelled" ["id", "audience", "total", "sent", "failed", "blocked", "interrupted", "cancelled", "started", "finished"];
    BROADCAST_REPORT_LATE = "broadcast-report-late" ["at"];
    BROADCAST_REPORT_INTERRUPTED = "broadcast-report-interrupted" ["count"];
    BROADCAST_RESEND_BUTTON = "broadcast-resend-button" ["count"];
    BROADCAST_RESEND_TOAST = "broadcast-resend-toast" [];
    BROADCAST_RESEND_NOTHING = "broadcast-resend-nothing" [];
    BROADCAST_REPORT_FAILURE = "broadcast-report-failure" ["user", "reason"];
    BROADCAST_STATUS_EMPTY = "broadcast-status-empty" [];
    BROADCAST_STATUS_TITLE = "broadcast-status-title" [];
    BROADCAST_STATUS_LINE = "broadcast-status-line" ["id", "state", "when", "audience", "sent", "failed", "blocked", "remaining", "total"];
    BROADCAST_STATE_SCHEDULED = "broadcast-state-scheduled" [];
    BROADCAST_STATE_RUNNING = "broadcast-state-running" [];
    BROADCAST_STATE_DONE = "broadcast-state-done" [];
    BROADCAST_STATE_CANCELLED = "broadcast-state-cancelled" [];



    NEED_PROFILE = "need-profile" ["dialog"];
    PROFILE_UPDATE_NOTE = "profile-update-note" [];
    FORM_ALREADY_OPEN = "form-already-open" [];
    FORM_REPLACED = "form-replaced" ["dialog"];
    FORM_CANCELLED = "form-cancelled" ["dialog"];
    NOTHING_TO_CANCEL = "nothing-to-cancel" [];
    IDLE_OFFER = "idle-offer" ["dialog"];
    BACK_AT_START = "back-at-start" [];
    CONSENT_DECLINED = "consent-declined" [];

    STEP_HEADER = "step-header" ["dialog", "number", "total"];
    CURRENT_ANSWER = "current-answer" ["answer"];
    HINT_AMOUNT = "hint-amount" [];
    HINT_NUMBER = "hint-number" [];
    HINT_CHOICE = "hint-choice" [];
    HINT_MULTI = "hint-multi" [];
    HINT_PHONE = "hint-phone" [];
    HINT_EMAIL = "hint-email" [];
    HINT_PHOTOS = "hint-photos" ["min", "max"];
    HINT_REGION = "hint-region" [];
    REGION_WHICH = "region-which" [];
    PHOTO_RECEIVED = "photo-received" ["count", "max"];
    PHOTOS_COUNT = "photos-count" ["count"];
    PHOTOS_TOO_MANY = "photos-too-many" ["max"];
    ANSWER_SKIPPED = "answer-skipped" [];
    TOGGLE_ON = "toggle-on" ["label"];
    TOGGLE_OFF = "toggle-off" ["label"];

    SUMMARY_TITLE = "summary-title" ["dialog"];
    SUMMARY_LINE = "summary-line" ["label", "value"];
    SUMMARY_CONFIRM = "summary-confirm" [];
    SUMMARY_USE_BUTTONS = "summary-use-buttons" [];
    EDIT_WHICH = "edit-which" [];

    INPUT_PROBLEM = "input-problem" ["problem"];
    ERR_EMPTY = "err-empty" [];
    ERR_NO_LETTERS = "err-no-letters" [];
    ERR_TOO_SHORT = "err-too-short" ["min"];
    ERR_TOO_LONG = "err-too-long" ["max"];
    ERR_TOO_LONG_MESSAGE = "err-too-long-message" [];
    ERR_PATTERN = "err-pattern" [];
    ERR_NOT_A_NUMBER = "err-not-a-number" [];
    ERR_NUMBER_TOO_SMALL = "err-number-too-small" ["min"];
    ERR_NUMBER_TOO_LARGE = "err-number-too-large" ["max"];
    ERR_NOT_AN_OPTION = "err-not-an-option" [];
    ERR_NOT_YES_NO = "err-not-yes-no" [];
    ERR_PHONE = "err-phone" [];
    ERR_NOT_OWN_CONTACT = "err-not-own-contact" [];
    ERR_EMAIL = "err-email" [];
    ERR_REGION = "err-region" [];
    ERR_NEED_PHOTO = "err-need-photo" [];
    ERR_TOO_FEW_PHOTOS = "err-too-few-photos" ["min"];
    ERR_NONE_SELECTED = "err-none-selected" ["min"];
    EXPECT_PHOTO = "expect-photo" [];
    EXPECT_PHONE = "expect-phone" [];
    EXPECT_BUTTON = "expect-button" [];
    EXPECT_TEXT = "expect-text" [];

    BUTTON_MENU = "button-menu" [];
    BUTTON_YES = "button-yes" [];
    BUTTON_NO = "button-no" [];
    BUTTON_AGREE = "button-agree" [];
    BUTTON_DISAGREE = "button-disagree" [];
    BUTTON_DONE = "button-done" [];
    BUTTON_SKIP = "button-skip" [];
    BUTTON_BACK = "button-back" [];
    BUTTON_CANCEL = "button-cancel" [];
    BUTTON_SUBMIT = "button-submit" [];
    BUTTON_EDIT = "button-edit" [];
    BUTTON_CONTINUE = "button-continue" [];
    BUTTON_RESTART = "button-restart" [];
    BUTTON_SHARE_CONTACT = "button-share-contact" [];

    VALUE_NOT_SET = "value-not-set" [];

    CMD_START = "cmd-start" [];
    CMD_MENU = "cmd-menu" [];
    CMD_ASK = "cmd-ask" [];
    CMD_STATUS = "cmd-status" [];
    CMD_LANGUAGE = "cmd-language" [];
    CMD_HELP = "cmd-help" [];
    CMD_CANCEL = "cmd-cancel" [];
    CMD_QUEUE = "cmd-queue" [];
    CMD_TICKET = "cmd-ticket" [];
    CMD_DIGEST = "cmd-digest" [];
    CMD_BROADCAST = "cmd-broadcast" [];
    CMD_EXPORT = "cmd-export" [];
    CMD_LEARNED = "cmd-learned" [];
    CMD_BROADCAST_STATUS = "cmd-broadcast-status" [];
}
