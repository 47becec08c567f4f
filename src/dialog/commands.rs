//! Commands and the menu: /start, /menu, /status, /privasi, /hapusdata,
//! /tanya, /bahasa, /bantuan, /batal, /kembali, /lewati, and the commands
//! dialog files declare.

use super::{Turn, clean};
use crate::button_data::{ButtonData, FormButton, MenuItem, PrivacyButton};
use crate::commands::UserCommand;
use crate::content::answer_lines;
use crate::i18n::{Args, Lang, ids};
use crate::outcome::{Effect, Keyboard};
use crate::records::Session;

impl Turn<'_, '_> {
    pub(super) fn command(&mut self, name: &str, args: &str) {
        let Some(command) = UserCommand::parse(name) else {
            return match self.ctx.content.dialog_for_command(name) {
                Some(dialog) => self.start_dialog(&dialog.id),
                None => {
                    let text = self.out.tf(
                        ids::UNKNOWN_COMMAND,
                        Args::new().str("command", format!("/{name}")),
                    );
                    if self.session.form.is_some() {
                        self.reprompt(text);
                    } else {
                        self.send_with_menu(text);
                    }
                }
            };
        };
        match command {
            UserCommand::Start => self.welcome(),
            UserCommand::Menu => self.menu(),
            UserCommand::Status => self.status(),
            UserCommand::Privacy => {
                self.privacy();
                self.remind_form();
            }
            UserCommand::DeleteData => self.confirm_erase(),
            UserCommand::Ask if !args.trim().is_empty() && self.session.form.is_none() => {
                self.free_text(&clean(args));
            }
            UserCommand::Ask => {
                self.faq_categories(false);
                self.remind_form();
            }
            UserCommand::Language => self.language_picker(),
            UserCommand::Help => self.help(),
            UserCommand::Cancel => self.cancel(),
            UserCommand::Back => self.in_form_or_menu(FormButton::Back),
            UserCommand::Skip => self.in_form_or_menu(FormButton::Skip),
        }
    }

    fn welcome(&mut self) {
        let first = self.event.first_name.clone().unwrap_or_default();
        let mut text = self.out.tf(ids::WELCOME, Args::new().str("name", first));
        if self.ctx.profile.is_none() {
            text.push_str("\n\n");
            text.push_str(&self.out.t(ids::WELCOME_REGISTER_HINT));
        }
        // One message: the welcome carries the menu (a second message to
        // the chat would wait a second for Telegram's limit).
        text.push_str("\n\n");
        text.push_str(&self.menu_text());
        let keyboard = self.menu_keyboard();
        self.out.send(text, keyboard);
    }

    pub(super) fn help(&mut self) {
        let text = self.out.t(ids::HELP);
        self.out.say(text);
        self.remind_form();
    }

    /// /kembali and /lewati: the form's button of that name, else the menu.
    fn in_form_or_menu(&mut self, action: FormButton) {
        if self.session.form.is_some() {
            self.form_input(super::form::Given::Action(action));
        } else {
            self.menu();
        }
    }

    pub(super) fn menu_keyboard(&self) -> Keyboard {
        let register = if self.ctx.profile.is_some() {
            ids::MENU_PROFILE
        } else {
            ids::MENU_REGISTER
        };
        let item = |id, item| self.out.button(id, ButtonData::Menu(item));
        let dialog = |id, dialog: &str| item(id, MenuItem::Dialog(dialog.to_string()));
        Keyboard::Inline(vec![
            vec![dialog(register, "register")],
            vec![
                dialog(ids::MENU_PRODUCT, "product"),
                dialog(ids::MENU_MENTORING, "mentoring"),
            ],
            vec![
                item(ids::MENU_FAQ, MenuItem::Faq),
                item(ids::MENU_STATUS, MenuItem::Status),
            ],
            vec![
                item(ids::MENU_LANGUAGE, MenuItem::Language),
                item(ids::MENU_HELP, MenuItem::Help),
            ],
        ])
    }

    /// The main menu, noting an unfinished form.
    pub(super) fn menu(&mut self) {
        let text = self.menu_text();
        let keyboard = self.menu_keyboard();
        self.out.send(text, keyboard);
    }

    fn menu_text(&self) -> String {
        let mut text = self.out.t(ids::MENU_TITLE);
        if let Some(form) = &self.session.form {
            text.push_str("\n\n");
            text.push_str(&self.about_dialog(ids::MENU_FORM_PENDING, &form.dialog));
        }
        text
    }

    pub(super) fn language_picker(&mut self) {
        let text = self.out.t(ids::LANGUAGE_PROMPT);
        let keyboard = Keyboard::Inline(vec![vec![
            self.out
                .button(ids::LANGUAGE_ID, ButtonData::Language(Lang::Id)),
            self.out
                .button(ids::LANGUAGE_EN, ButtonData::Language(Lang::En)),
            self.out
                .button(ids::LANGUAGE_JV, ButtonData::Language(Lang::Jv)),
        ]]);
        self.out.send(text, keyboard);
    }

    /// A language was picked: said in it, then where the person was.
    pub(super) fn set_language(&mut self, lang: Lang) {
        self.out.lang = lang;
        self.out.push(Effect::SetLanguage(lang));
        self.out.toast(self.out.t(ids::LANGUAGE_SET_TOAST));
        let text = self.out.t(ids::LANGUAGE_SET);
        self.out.edit_or_send(text, Keyboard::None);
        if self.session.form.is_some() {
            self.reprompt(String::new());
        } else {
            self.menu();
        }
    }

    pub(super) fn status(&mut self) {
        let tickets = self.ctx.lookup.tickets_of(self.event.user);
        let text = if tickets.is_empty() {
            self.out.t(ids::STATUS_EMPTY)
        } else {
            let mut text = self.out.t(ids::STATUS_TITLE);
            for t in tickets.iter().take(20) {
                let status = self.out.text_of(t.status.message_id());
                text.push('\n');
                text.push_str(
                    &self.out.tf(
                        ids::STATUS_LINE,
                        Args::new()
                            .str("number", &t.number)
                            .str("title", &t.title)
                            .html("status", status)
                            .str("date", crate::time::format_date(t.updated_at, self.lang())),
                    ),
                );
            }
            text
        };
        self.send_with_menu(text);
        self.remind_form();
    }

    /// /privasi: everything stored about the user, and why.
    fn privacy(&mut self) {
        let facts = self.ctx.lookup.privacy(self.event.user);
        let lang = self.lang();
        let none = self.out.t(ids::PRIVACY_NONE);
        let or_none = |v: Option<String>| v.unwrap_or_else(|| none.clone());
        let mut text = self.out.t(ids::PRIVACY_TITLE);
        text.push_str("\n\n");
        text.push_str(
            &self.out.tf(
                ids::PRIVACY_ACCOUNT,
                Args::new()
                    .num("id", self.event.user)
                    .str("name", or_none(facts.first_name.clone()))
                    .str(
                        "username",
                        or_none(facts.username.as_ref().map(|u| format!("@{u}"))),
                    )
                    .str("language", lang.code())
                    .str(
                        "first",
                        or_none(facts.first_seen.map(|t| crate::time::format_date(t, lang))),
                    ),
            ),
        );
        text.push_str("\n\n");
        text.push_str(&self.privacy_profile());
        let tickets = self.ctx.lookup.tickets_of(self.event.user);
        text.push_str("\n\n");
        text.push_str(
            &self.out.tf(
                ids::PRIVACY_TICKETS,
                Args::new()
                    .num("count", tickets.len() as i64)
                    .num("questions", facts.faq_questions as i64),
            ),
        );
        text.push_str("\n\n");
        text.push_str(&self.out.t(ids::PRIVACY_WHY));
        let keyboard = Keyboard::Inline(vec![
            vec![
                self.out
                    .button(ids::BUTTON_ERASE, ButtonData::Privacy(PrivacyButton::Erase)),
            ],
            vec![self.menu_button()],
        ]);
        self.out.send(text, keyboard);
    }

    /// The profile part of /privasi, with the proof of consent.
    fn privacy_profile(&self) -> String {
        let Some(p) = self.ctx.profile else {
            return self.out.t(ids::PRIVACY_NO_PROFILE);
        };
        let mut text = self.out.t(ids::PRIVACY_PROFILE);
        for (label, value) in answer_lines(self.ctx.content, self.lang(), "register", &p.answers) {
            text.push('\n');
            text.push_str(&self.out.tf(
                ids::SUMMARY_LINE,
                Args::new().html("label", label).html("value", value),
            ));
        }
        if let Some(at) = p.consent_at {
            text.push('\n');
            text.push_str(
                &self.out.tf(
                    ids::PRIVACY_CONSENT,
                    Args::new()
                        .str("date", crate::time::format_datetime(at, self.lang()))
                        .num("version", i64::from(p.consent_notice)),
                ),
            );
        }
        text
    }

    /// /hapusdata: says what will go and what stays, and asks.
    pub(super) fn confirm_erase(&mut self) {
        let text = self.out.t(ids::ERASE_CONFIRM);
        let keyboard = Keyboard::Inline(vec![
            vec![self.out.button(
                ids::BUTTON_ERASE_YES,
                ButtonData::Privacy(PrivacyButton::Yes),
            )],
            vec![
                self.out
                    .button(ids::BUTTON_ERASE_NO, ButtonData::Privacy(PrivacyButton::No)),
            ],
        ]);
        self.out.send(text, keyboard);
    }

    /// Erases the user's personal data (the store does it in the event's
    /// transaction); the conversation starts afresh.
    pub(super) fn erase(&mut self) {
        self.out.push(Effect::EraseUser(self.event.user));
        self.session = Session::default();
        let text = self.out.t(ids::ERASE_DONE);
        self.out.edit_or_send(text, Keyboard::None);
    }

    pub(super) fn cancel(&mut self) {
        let text = match self.session.form.take() {
            Some(form) => self.about_dialog(ids::FORM_CANCELLED, &form.dialog),
            None => self.out.t(ids::NOTHING_TO_CANCEL),
        };
        self.send_with_menu(text);
    }
}
