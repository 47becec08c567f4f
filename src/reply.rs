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
    effects: Vec<Effect>,
    /// Per effect: a message made by `send`/`say`/`edit_or_send`, which
    /// may be merged with its neighbour (`push`ed messages, such as a
    /// broadcast's preview, stay exactly as they are).
    mergeable: Vec<bool>,
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
            mergeable: Vec::new(),
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
        self.push_mergeable(Effect::Send(
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
        self.push_mergeable(Effect::Send(
            OutMessage::new(self.chat, text)
                .with_keyboard(keyboard)
                .editing(self.pressed),
        ));
    }

    /// An effect; a message pushed here is sent exactly as it is.
    pub fn push(&mut self, effect: Effect) {
        self.effects.push(effect);
        self.mergeable.push(false);
    }

    fn push_mergeable(&mut self, effect: Effect) {
        self.effects.push(effect);
        self.mergeable.push(true);
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
            effects: merge_messages(self.effects, &self.mergeable),
            toast: self.toast,
        }
    }
}

/// Telegram lets a bot send one message a second to a chat, so each extra
/// message of a reply costs the person a second. A plain message (no
/// buttons, photos or file) followed by another new message to the same
/// chat becomes that message's first paragraph, where the two fit in one
/// (4,096 characters): "⚠️ what was wrong" and the question asked again,
/// "✅ saved" and the menu, a text and the reminder of an unfinished form.
fn merge_messages(effects: Vec<Effect>, mergeable: &[bool]) -> Vec<Effect> {
    let mut out: Vec<Effect> = Vec::with_capacity(effects.len());
    // Where in `out` a plain message waits to be merged into the next one.
    let mut waiting: Option<usize> = None;
    for (effect, &mergeable) in effects.into_iter().zip(mergeable) {
        let Effect::Send(mut m) = effect else {
            if matches!(effect, Effect::DeleteMessage { .. }) {
                waiting = None;
            }
            out.push(effect);
            continue;
        };
        if !mergeable {
            waiting = None;
            out.push(Effect::Send(m));
            continue;
        }
        if let Some(i) = waiting.take()
            && let Effect::Send(first) = &out[i]
            && first.chat == m.chat
            && m.edit.is_none()
            && m.media.is_empty()
            && m.attachment.is_none()
            && crate::html::visible_len(&first.text) + 2 + crate::html::visible_len(&m.text)
                <= crate::html::MAX_TEXT
        {
            let Effect::Send(first) = out.remove(i) else {
                unreachable!("checked above")
            };
            m.text = format!("{}\n\n{}", first.text, m.text);
            m.fill_ticket |= first.fill_ticket;
        }
        let plain = m.keyboard == Keyboard::None
            && m.edit.is_none()
            && m.media.is_empty()
            && m.attachment.is_none()
            && m.copy_of.is_none();
        out.push(Effect::Send(m));
        if plain {
            waiting = Some(out.len() - 1);
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn send(chat: i64, text: &str, keyboard: Keyboard) -> Effect {
        Effect::Send(OutMessage::new(chat, text.to_string()).with_keyboard(keyboard))
    }

    fn texts(effects: &[Effect]) -> Vec<String> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Send(m) => Some(m.text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_plain_message_becomes_the_first_paragraph_of_the_next() {
        let menu = Keyboard::Inline(vec![]);
        let effects = vec![
            send(1, "⚠️ wrong", Keyboard::None),
            Effect::SetLanguage(Lang::En),
            send(1, "the question", menu.clone()),
            send(1, "another with buttons", menu.clone()),
            send(2, "other chat", Keyboard::None),
            send(1, "back here", Keyboard::None),
        ];
        let merged = merge_messages(effects, &[true; 6]);
        assert_eq!(
            texts(&merged),
            [
                "⚠️ wrong\n\nthe question",
                "another with buttons",
                "other chat",
                "back here"
            ]
        );
        assert!(matches!(merged[0], Effect::SetLanguage(Lang::En)));
    }

    #[test]
    fn pushed_messages_edits_and_long_texts_stay_apart() {
        let long = "x".repeat(4000);
        let more = "y".repeat(100);
        let effects = vec![
            send(1, "title", Keyboard::None),
            send(1, "exactly as recipients see it", Keyboard::None),
            send(1, &long, Keyboard::None),
            send(1, &more, Keyboard::None),
            Effect::Send(OutMessage::new(1, "edited".into()).editing(Some(7))),
        ];
        let merged = merge_messages(effects, &[true, false, true, true, true]);
        let expected = [
            "title",
            "exactly as recipients see it",
            &long,
            &more,
            "edited",
        ];
        assert!(
            texts(&merged) == expected,
            "{:?}",
            texts(&merged).iter().map(String::len).collect::<Vec<_>>()
        );
    }
}
