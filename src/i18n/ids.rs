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

    LANGUAGE_PROMPT = "language-prompt" [];
    LANGUAGE_ID = "language-id" [];
    LANGUAGE_EN = "language-en" [];
    LANGUAGE_SET = "language-set" [];
    LANGUAGE_SET_TOAST = "language-set-toast" [];

    STATUS_EMPTY = "status-empty" [];
    STATUS_TITLE = "status-title" [];
    STATUS_LINE = "status-line" ["number", "title", "status", "date"];

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
}

/// Ids the code builds at run time (one per ticket status), checked like
/// [`ALL`].
pub fn dynamic() -> Vec<MsgId> {
    crate::dialog::TicketStatus::ALL
        .iter()
        .map(|s| MsgId {
            id: s.message_id(),
            vars: &[],
        })
        .collect()
}
