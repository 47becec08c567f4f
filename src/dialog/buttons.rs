//! Button presses: the menu, the FAQ, personal data, "fix and resubmit",
//! the language, and a form step's stamped buttons. A press the bot did
//! not make, or on a message the conversation has moved on from, gets a
//! toast and changes nothing.

use super::Turn;
use super::form::Given;
use crate::button_data::{ButtonData, MenuItem, PrivacyButton};
use crate::i18n::ids;
use crate::outcome::Keyboard;

impl Turn<'_, '_> {
    pub(super) fn button_press(&mut self, data: &str) {
        let Some(data) = ButtonData::parse(data) else {
            return self.out.stale();
        };
        match data {
            ButtonData::Menu(item) => {
                self.out.ack();
                self.menu_item(item);
            }
            ButtonData::Faq(action) => self.faq_button(action),
            ButtonData::Privacy(action) => {
                self.out.ack();
                match action {
                    PrivacyButton::Erase => self.confirm_erase(),
                    PrivacyButton::Yes => self.erase(),
                    PrivacyButton::No => {
                        let text = self.out.t(ids::ERASE_KEPT);
                        self.out.edit_or_send(text, Keyboard::None);
                    }
                }
            }
            ButtonData::Revise(number) => {
                self.out.ack();
                self.revise(&number);
            }
            ButtonData::Language(lang) => self.set_language(lang),
            ButtonData::Form { stamp, action } => {
                if stamp != self.session.stamp || self.session.form.is_none() {
                    return self.out.stale();
                }
                self.out.ack();
                self.form_input(Given::Action(action));
            }
            // Routed to their own sides; here only if misrouted.
            ButtonData::Staff { .. } | ButtonData::Teach(_) | ButtonData::Broadcast(_) => {
                self.out.stale()
            }
        }
    }

    fn menu_item(&mut self, item: MenuItem) {
        match item {
            MenuItem::Menu => self.menu(),
            MenuItem::Dialog(id) if self.ctx.content.dialog(&id).is_some() => {
                self.start_dialog(&id)
            }
            MenuItem::Dialog(_) => self.out.stale(),
            MenuItem::Status => self.status(),
            MenuItem::Faq => self.faq_categories(false),
            MenuItem::Language => self.language_picker(),
            MenuItem::Help => self.help(),
        }
    }
}
