//! The dialog engine: a pure function from (content, the chat's session, an
//! event, the user's role and records) to an [`Outcome`]: the next session
//! and the effects to carry out (messages, a saved profile, a new ticket).
//!
//! Owns: the conversation rules of pesantren managers — commands and the
//! menu ([`commands`]), button presses ([`buttons`]), free questions and
//! the FAQ ([`faq`]), forms with validation, back, cancel, edit from the
//! summary and the 24 h idle offer ([`form`], [`answer`]), how a step is
//! asked ([`prompts`]); the pure input checks are in [`checks`].
//! Must not: do I/O, read the clock (time comes in the [`Event`]), or know
//! any Telegram or teloxide type. Every word it produces comes from the
//! locales through [`crate::i18n`]; the store is read only through
//! [`Lookup`].

mod answer;
mod buttons;
pub mod checks;
mod commands;
mod faq;
mod form;
mod lookup;
mod prompts;

use jiff::SignedDuration;

pub use lookup::{Lookup, PrivacyFacts};

use crate::button_data::{ButtonData, MenuItem};
use crate::content::{Content, Dialog, Faq};
use crate::event::{Event, EventKind, Role};
use crate::i18n::{Args, Lang, MsgId, ids};
use crate::outcome::{Button, Keyboard, Outcome};
use crate::records::{Form, Profile, Session};
use crate::reply;

/// A session idle for longer than this is offered "continue or start over".
const IDLE_AFTER: SignedDuration = SignedDuration::from_hours(24);

/// Longest text the engine looks at; longer input is refused politely.
const MAX_INPUT_CHARS: usize = 4096;

/// The dialog that asks the staff a question (a QST ticket), and its step.
const QUESTION_DIALOG: &str = "question";
const QUESTION_STEP: &str = "question";

/// Version of the privacy notice shown at registration (stored as proof of
/// consent); raise it when the notice text changes.
pub const CONSENT_NOTICE_VERSION: u32 = 2;

/// Everything the engine reads besides the session and the event.
pub struct Context<'a> {
    pub content: &'a Content,
    /// The FAQ as it is now: the shipped one with what staff taught.
    pub faq: &'a Faq,
    pub role: Role,
    /// The language the user chose with /bahasa, if any.
    pub chosen_lang: Option<Lang>,
    pub profile: Option<&'a Profile>,
    pub lookup: &'a dyn Lookup,
}

/// Handles one event. Pure: same inputs, same outcome.
pub fn handle(ctx: &Context<'_>, session: Session, event: &Event) -> Outcome {
    let lang = ctx
        .chosen_lang
        .unwrap_or_else(|| Lang::negotiate(event.language_code.as_deref()));
    let mut turn = Turn::new(ctx, &ctx.content.i18n, lang, ctx.role, session, event);
    turn.run();
    turn.finish()
}

/// One pass through the engine.
type Turn<'a, 'c> = reply::Turn<'a, 'c, Context<'c>>;

impl<'a, 'c> Turn<'a, 'c> {
    fn lang(&self) -> Lang {
        self.out.lang
    }

    fn run(&mut self) {
        let event = self.event;
        match &event.kind {
            EventKind::Command { name, args } => self.command(name, args),
            EventKind::Button { data, .. } => self.button_press(data),
            EventKind::Text(raw) => {
                let text = clean(raw);
                if text.chars().count() > MAX_INPUT_CHARS {
                    self.problem_or_menu(ids::ERR_TOO_LONG_MESSAGE);
                } else if self.session.form.is_some() {
                    self.form_input(form::Given::Text(&text));
                } else {
                    self.free_text(&text);
                }
            }
            EventKind::Photos(ids) => {
                self.outside_form_or(form::Given::Photos(ids), ids::PHOTO_OUTSIDE_FORM)
            }
            EventKind::Contact { phone, own } => self.outside_form_or(
                form::Given::Contact { phone, own: *own },
                ids::CONTACT_OUTSIDE_FORM,
            ),
            EventKind::Unsupported(_) => {
                self.outside_form_or(form::Given::Media, ids::MEDIA_UNSUPPORTED)
            }
            // The staff side's; here only if misrouted.
            EventKind::Desk(_) => {}
        }
    }

    /// Input for the form if one is open; else `outside` with the menu.
    fn outside_form_or(&mut self, given: form::Given<'_>, outside: MsgId) {
        if self.session.form.is_some() {
            self.form_input(given);
        } else {
            self.send_with_menu(self.out.t(outside));
        }
    }

    /// A message that is not about the form: shown, then the form (if any)
    /// is asked again so the person knows where they are.
    fn problem_or_menu(&mut self, id: MsgId) {
        let text = self.out.t(id);
        if self.session.form.is_some() {
            self.reprompt(text);
        } else {
            self.send_with_menu(text);
        }
    }

    fn menu_button(&self) -> Button {
        self.out
            .button(ids::BUTTON_MENU, ButtonData::Menu(MenuItem::Menu))
    }

    fn send_with_menu(&mut self, text: String) {
        let keyboard = Keyboard::Inline(vec![vec![self.menu_button()]]);
        self.out.send(text, keyboard);
    }

    /// A new message, or (`edit`) in place of the pressed one.
    fn send_or_edit(&mut self, edit: bool, text: String, keyboard: Keyboard) {
        if edit {
            self.out.edit_or_send(text, keyboard);
        } else {
            self.out.send(text, keyboard);
        }
    }

    /// After an aside (help, status), show the pending form step again.
    fn remind_form(&mut self) {
        if self.session.form.is_some() {
            self.reprompt(String::new());
        }
    }

    fn dialog_title(&self, dialog: &str) -> String {
        self.ctx.content.dialog_title(self.lang(), dialog)
    }

    /// `id` with the `dialog` variable set to that dialog's name.
    fn about_dialog(&self, id: MsgId, dialog: &str) -> String {
        self.out
            .tf(id, Args::new().html("dialog", self.dialog_title(dialog)))
    }

    /// The dialog of the open form.
    fn dialog(&self) -> Option<&'c Dialog> {
        let form = self.session.form.as_ref()?;
        self.ctx.content.dialog(&form.dialog)
    }

    fn form(&self) -> &Form {
        self.session.form.as_ref().expect("a form is open")
    }

    fn form_mut(&mut self) -> &mut Form {
        self.session.form.as_mut().expect("a form is open")
    }
}

/// Removes control, private-use and invisible format characters (keeps
/// new lines and what emoji are made of).
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| (!c.is_control() || *c == '\n') && !('\u{E000}'..='\u{F8FF}').contains(c))
        .filter(|c| !crate::html::is_hidden_format(*c))
        .collect()
}
