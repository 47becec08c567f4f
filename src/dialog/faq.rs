//! A free question outside a form: answered from the FAQ, answered with
//! suggestions, or admitted unknown (and kept for the staff); FAQ browsing
//! by category, 👍/👎 feedback, and "ask the staff", which turns the last
//! question into a QST ticket.

use super::{QUESTION_DIALOG, QUESTION_STEP, Turn};
use crate::button_data::{ButtonData, FaqButton};
use crate::content::faq::{self, Entry, SmallTalk, Verdict};
use crate::i18n::{Args, ids};
use crate::outcome::{Button, Effect, Keyboard};
use crate::records::{Answer, Answers, FaqLog, FaqLogKind};

impl Turn<'_, '_> {
    pub(super) fn free_text(&mut self, text: &str) {
        if faq::text::words(text).is_empty() {
            return self.send_with_menu(self.out.t(ids::EMPTY_MESSAGE));
        }
        let faq = &self.ctx.faq;
        let result = faq.match_question(text);
        if let Some(talk) = result.small_talk {
            return self.small_talk(talk, text);
        }
        let question: String = text.chars().take(1000).collect();
        self.session.last_question = Some(question.clone());
        match result.verdict {
            Verdict::Answer => {
                let id = result
                    .best()
                    .expect("an answer has a best entry")
                    .id
                    .clone();
                self.faq_answer(&id, false);
            }
            Verdict::Suggest => {
                let mut rows: Vec<Vec<Button>> = result
                    .suggestions()
                    .iter()
                    .filter_map(|s| faq.entry(&s.id))
                    .map(|e| vec![self.entry_button(e)])
                    .collect();
                rows.push(vec![self.ask_staff_button()]);
                let text = self.out.t(ids::FAQ_SUGGEST);
                self.out.send(text, Keyboard::Inline(rows));
            }
            Verdict::Unknown => {
                self.log_faq(FaqLogKind::Unanswered, None, Some(question));
                let text = self.out.t(ids::FAQ_UNKNOWN);
                let keyboard = Keyboard::Inline(vec![
                    vec![self.ask_staff_button()],
                    vec![
                        self.out
                            .button(ids::BUTTON_FAQ_LIST, ButtonData::Faq(FaqButton::Categories)),
                        self.menu_button(),
                    ],
                ]);
                self.out.send(text, keyboard);
            }
        }
    }

    /// A greeting, thanks, "ok", a goodbye or "are you a bot?": a short
    /// answer in kind, with the menu; nothing is logged as unanswered.
    fn small_talk(&mut self, talk: SmallTalk, text: &str) {
        let id = match talk {
            SmallTalk::Greeting | SmallTalk::Goodbye if faq::is_salam(text) => {
                ids::SMALL_TALK_SALAM
            }
            SmallTalk::Greeting => ids::SMALL_TALK_GREETING,
            SmallTalk::Thanks => ids::SMALL_TALK_THANKS,
            SmallTalk::Ack => ids::SMALL_TALK_ACK,
            SmallTalk::Goodbye => ids::SMALL_TALK_GOODBYE,
            SmallTalk::BotOrHuman => ids::SMALL_TALK_BOT,
        };
        let text = self.out.t(id);
        let keyboard = self.menu_keyboard();
        self.out.send(text, keyboard);
    }

    fn entry_button(&self, entry: &Entry) -> Button {
        Button::new(
            entry.title(self.out.i18n(), self.lang()),
            &ButtonData::Faq(FaqButton::Answer(entry.id.clone())),
        )
    }

    fn ask_staff_button(&self) -> Button {
        self.out
            .button(ids::BUTTON_ASK_STAFF, ButtonData::Faq(FaqButton::AskStaff))
    }

    /// FAQ browsing and feedback buttons; always valid, since the FAQ does
    /// not depend on the conversation's state.
    pub(super) fn faq_button(&mut self, action: FaqButton) {
        self.out.ack();
        let faq = &self.ctx.faq;
        let known = |id: &str| faq.entry(id).is_some();
        match action {
            FaqButton::Categories => self.faq_categories(true),
            FaqButton::AskStaff => self.ask_staff(),
            FaqButton::Category(cat) if faq.categories.iter().any(|c| c.id == cat) => {
                let mut rows: Vec<Vec<Button>> = faq
                    .entries_in(&cat)
                    .map(|e| vec![self.entry_button(e)])
                    .collect();
                rows.push(vec![
                    self.out
                        .button(ids::BUTTON_BACK, ButtonData::Faq(FaqButton::Categories)),
                ]);
                let text = self.out.tf(
                    ids::FAQ_CATEGORY,
                    Args::new().html("category", self.out.text_of(&format!("faq-cat-{cat}"))),
                );
                self.out.edit_or_send(text, Keyboard::Inline(rows));
            }
            FaqButton::Answer(id) if known(&id) => self.faq_answer(&id, true),
            FaqButton::Helpful(id) if known(&id) => {
                self.out.toast(self.out.t(ids::FAQ_THANKS_TOAST));
                self.log_feedback(&id, FaqLogKind::Helpful);
            }
            FaqButton::Unhelpful(id) if known(&id) => {
                self.out.toast(self.out.t(ids::FAQ_THANKS_TOAST));
                self.log_feedback(&id, FaqLogKind::Unhelpful);
                let text = self.out.t(ids::FAQ_UNHELPFUL);
                let keyboard = Keyboard::Inline(vec![vec![self.ask_staff_button()]]);
                self.out.send(text, keyboard);
            }
            _ => self.out.stale(),
        }
    }

    fn log_feedback(&mut self, entry: &str, kind: FaqLogKind) {
        let question = self.session.last_question.clone();
        self.log_faq(kind, Some(entry.to_string()), question);
    }

    fn log_faq(&mut self, kind: FaqLogKind, entry: Option<String>, text: Option<String>) {
        self.out.push(Effect::LogFaq(FaqLog {
            at: self.event.now,
            user: self.event.user,
            lang: self.lang(),
            kind,
            entry,
            text,
        }));
    }

    pub(super) fn faq_categories(&mut self, edit: bool) {
        let faq = &self.ctx.faq;
        let mut rows: Vec<Vec<Button>> = faq
            .categories
            .iter()
            .map(|c| {
                vec![Button::new(
                    self.out.text_of(&format!("faq-cat-{}", c.id)),
                    &ButtonData::Faq(FaqButton::Category(c.id.clone())),
                )]
            })
            .collect();
        rows.push(vec![self.menu_button()]);
        let text = self.out.t(ids::FAQ_CATEGORIES);
        self.send_or_edit(edit, text, Keyboard::Inline(rows));
    }

    /// An FAQ answer with feedback buttons; from browsing it replaces the
    /// list it was picked from.
    fn faq_answer(&mut self, id: &str, edit: bool) {
        let Some(entry) = self.ctx.faq.entry(id) else {
            return self.out.stale();
        };
        let (i18n, lang) = (self.out.i18n(), self.lang());
        let text = self.out.tf(
            ids::FAQ_ANSWER,
            Args::new()
                .html("question", entry.title(i18n, lang))
                .html("answer", entry.answer(i18n, lang)),
        );
        let faq = |b| ButtonData::Faq(b);
        let keyboard = Keyboard::Inline(vec![
            vec![
                self.out
                    .button(ids::BUTTON_HELPFUL, faq(FaqButton::Helpful(id.to_string()))),
                self.out.button(
                    ids::BUTTON_UNHELPFUL,
                    faq(FaqButton::Unhelpful(id.to_string())),
                ),
            ],
            vec![self.ask_staff_button()],
            vec![
                self.out.button(
                    ids::BUTTON_BACK,
                    faq(FaqButton::Category(entry.category.clone())),
                ),
                self.menu_button(),
            ],
        ]);
        self.send_or_edit(edit, text, keyboard);
    }

    /// "Ask the staff": the last question becomes a QST ticket; without
    /// one, the question form asks for it.
    fn ask_staff(&mut self) {
        let Some(question) = self.session.last_question.take() else {
            return self.start_dialog(QUESTION_DIALOG);
        };
        let Some(dialog) = self.ctx.content.dialog(QUESTION_DIALOG) else {
            return self.out.stale();
        };
        let mut answers = Answers::new();
        answers.insert(QUESTION_STEP.to_string(), Answer::Text(question));
        self.submit_answers(dialog, answers);
    }
}
