//! The reply being built during one decision, shared by the three deciders
//! (the dialog engine, the staff side, broadcasts): localized text in the
//! person's language, messages and edits to the chat the event came from,
//! the button's toast, and the effects gathered so far.

use crate::button_data::ButtonData;
use crate::event::{Event, Role};
use crate::i18n::{Args, I18n, Lang, MsgId, ids};
use crate::outcome::{Button, Effect, Keyboard, OutMessage, Outcome};
use crate::records::Session;

pub struct Reply<'a> {
    i18n: &'a I18n,
    /// The language everything is written in (the engine may change it
    /// mid-turn, when a person picks another).
    pub lang: Lang,
    chat: i64,
    /// The message that carried the pressed button, if any.
    pressed: Option<i32>,
    pub effects: Vec<Effect>,
    pub toast: Option<String>,
}

impl<'a> Reply<'a> {
    pub fn new(i18n: &'a I18n, lang: Lang, event: &Event) -> Reply<'a> {
        Reply {
            i18n,
            lang,
            chat: event.chat,
            pressed: event.pressed_message(),
            effects: Vec::new(),
            toast: None,
        }
    }

    pub fn i18n(&self) -> &'a I18n {
        self.i18n
    }

    /// A declared message in the reply's language.
    pub fn t(&self, id: MsgId) -> String {
        self.i18n.msg(self.lang, id)
    }

    /// A declared message with arguments.
    pub fn tf(&self, id: MsgId, args: Args<'_>) -> String {
        self.i18n.fmt(self.lang, id, args)
    }

    /// A message whose id comes from content (dialog and FAQ files).
    pub fn text_of(&self, id: &str) -> String {
        self.i18n.text(self.lang, id, Args::new())
    }

    pub fn button(&self, label: MsgId, data: ButtonData) -> Button {
        Button::new(self.t(label), &data)
    }

    /// A new message to the chat.
    pub fn send(&mut self, text: String, keyboard: Keyboard) {
        self.push(Effect::Send(
            OutMessage::new(self.chat, text).with_keyboard(keyboard),
        ));
    }

    /// A new message without buttons.
    pub fn say(&mut self, text: String) {
        self.send(text, Keyboard::None);
    }

    /// Replaces the message whose button was pressed; a new message when
    /// the event was not a press.
    pub fn edit_or_send(&mut self, text: String, keyboard: Keyboard) {
        self.push(Effect::Send(
            OutMessage::new(self.chat, text)
                .with_keyboard(keyboard)
                .editing(self.pressed),
        ));
    }

    pub fn push(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// The press is answered without a toast (the button stops spinning).
    pub fn ack(&mut self) {
        self.toast = Some(String::new());
    }

    pub fn toast(&mut self, text: String) {
        self.toast = Some(text);
    }

    /// A press on a button of a message the conversation has moved on
    /// from, or data the bot did not write.
    pub fn stale(&mut self) {
        self.toast = Some(self.t(ids::BUTTON_STALE));
    }

    /// The outcome: `session` stamped as active at the event's time.
    pub fn finish(self, mut session: Session, event: &Event) -> Outcome {
        session.touch(event.now);
        Outcome {
            session,
            effects: self.effects,
            toast: self.toast,
        }
    }
}

/// One decision in the making, the skeleton of all three deciders: what
/// the decider reads (`ctx`), who acts, the event, the session being
/// changed and the reply being built. Each decider adds its own methods
/// (`impl Turn<'_, '_, dialog::Context<'_>>` …).
pub struct Turn<'a, 'c, C> {
    pub ctx: &'a C,
    pub role: Role,
    pub event: &'a Event,
    pub session: Session,
    pub out: Reply<'c>,
}

impl<'a, 'c, C> Turn<'a, 'c, C> {
    /// A turn writing in `lang`.
    pub fn new(
        ctx: &'a C,
        i18n: &'c I18n,
        lang: Lang,
        role: Role,
        session: Session,
        event: &'a Event,
    ) -> Self {
        Turn {
            ctx,
            role,
            event,
            session,
            out: Reply::new(i18n, lang, event),
        }
    }

    /// The outcome: the session stamped as active at the event's time,
    /// the effects and the toast.
    pub fn finish(self) -> Outcome {
        self.out.finish(self.session, self.event)
    }
}
