//! Forms: starting a dialog, taking each step's input, the idle offer,
//! back, the summary with submit and edit, and what a submission becomes
//! (a profile, a new ticket, or a revised ticket under its old number).

use super::{CONSENT_NOTICE_VERSION, IDLE_AFTER, Turn};
use crate::button_data::{ButtonData, FormButton, MenuItem};
use crate::content::{Dialog, Input, Submit};
use crate::i18n::{Args, ids};
use crate::outcome::{Effect, Keyboard, OutMessage, TICKET_PLACEHOLDER};
use crate::records::{
    Answer, Answers, Form, HistoryEntry, NewTicket, Phase, Profile, StepDraft, Ticket, TicketStatus,
};

/// What came in for the current step.
pub(super) enum Given<'d> {
    Text(&'d str),
    Action(FormButton),
    Photos(&'d [String]),
    Contact { phone: &'d str, own: bool },
    Media,
}

impl<'c> Turn<'_, 'c> {
    pub(super) fn start_dialog(&mut self, id: &str) {
        let Some(dialog) = self.ctx.content.dialog(id) else {
            tracing::error!(dialog = id, "dialog missing from content");
            return self.send_with_menu(self.out.t(ids::NOT_UNDERSTOOD));
        };
        if dialog.requires_profile && self.ctx.profile.is_none() {
            let text = self.about_dialog(ids::NEED_PROFILE, &dialog.id);
            let keyboard = Keyboard::Inline(vec![
                vec![self.out.button(
                    ids::MENU_REGISTER,
                    ButtonData::Menu(MenuItem::Dialog("register".into())),
                )],
                vec![self.menu_button()],
            ]);
            return self.out.send(text, keyboard);
        }
        if let Some(old) = &self.session.form {
            if old.dialog == id {
                let text = self.out.t(ids::FORM_ALREADY_OPEN);
                return self.reprompt(text);
            }
            let text = self.about_dialog(ids::FORM_REPLACED, &old.dialog);
            self.out.say(text);
        }
        let mut intro = self.out.text_of(&dialog.intro());
        if dialog.submit == Submit::Profile && self.ctx.profile.is_some() {
            intro.push_str("\n\n");
            intro.push_str(&self.out.t(ids::PROFILE_UPDATE_NOTE));
        }
        self.out.say(intro);
        self.session.form = Some(Form::start(&dialog.id, &dialog.steps[0].id));
        self.prompt(String::new());
    }

    pub(super) fn form_input(&mut self, given: Given<'_>) {
        let Some(dialog) = self.dialog() else {
            // A session saved by an older version with a dialog that no
            // longer exists: drop it kindly.
            self.session.form = None;
            return self.menu();
        };
        // The idle offer comes first, before anything is taken as an answer.
        if self.form().idle_offer {
            return match given {
                Given::Action(FormButton::Continue) => {
                    self.form_mut().idle_offer = false;
                    self.reprompt(String::new());
                }
                Given::Action(FormButton::Restart) => {
                    self.session.form = None;
                    self.start_dialog(&dialog.id);
                }
                Given::Action(FormButton::Cancel) => self.cancel(),
                _ => self.idle_offer(dialog),
            };
        }
        let idle = self
            .session
            .last_active
            .is_some_and(|t| self.event.now.duration_since(t) > IDLE_AFTER);
        if idle {
            self.form_mut().idle_offer = true;
            return self.idle_offer(dialog);
        }
        if let Given::Action(FormButton::Cancel) = given {
            return self.cancel();
        }
        match self.form().phase {
            Phase::Asking => self.asking(dialog, given),
            Phase::Summary => self.summary_input(dialog, given),
            Phase::ChooseEdit => self.choose_edit_input(dialog, given),
        }
    }

    pub(super) fn idle_offer(&mut self, dialog: &Dialog) {
        self.session.stamp += 1;
        let text = self.about_dialog(ids::IDLE_OFFER, &dialog.id);
        let keyboard = Keyboard::Inline(vec![
            vec![self.form_button(ids::BUTTON_CONTINUE, FormButton::Continue)],
            vec![self.form_button(ids::BUTTON_RESTART, FormButton::Restart)],
            vec![self.form_button(ids::BUTTON_CANCEL, FormButton::Cancel)],
        ]);
        self.out.send(text, keyboard);
    }

    fn asking(&mut self, dialog: &'c Dialog, given: Given<'_>) {
        let Some(step) = dialog.step(&self.form().step) else {
            // The dialog changed under a stored session: start the step anew.
            self.form_mut().step = dialog.steps[0].id.clone();
            return self.prompt(String::new());
        };
        match given {
            Given::Action(FormButton::Back) => return self.back(dialog),
            Given::Action(FormButton::Skip) if step.optional => {
                return self.accept(dialog, step, Answer::Skipped);
            }
            Given::Text(t) if step.optional && super::checks::is_skip_word(t) => {
                return self.accept(dialog, step, Answer::Skipped);
            }
            Given::Action(FormButton::Submit | FormButton::EditMenu | FormButton::EditField(_)) => {
                return self.out.stale();
            }
            _ => {}
        }
        match self.read_answer(step, given) {
            Ok(Some(answer)) => self.accept(dialog, step, answer),
            Ok(None) => {}
            Err(problem) => {
                let text = self.problem_text(step, &problem);
                self.reprompt(text);
            }
        }
    }

    fn accept(&mut self, dialog: &'c Dialog, step: &crate::content::Step, answer: Answer) {
        let form = self.form_mut();
        form.answers.insert(step.id.clone(), answer);
        form.draft = StepDraft::default();
        if !form.trail.contains(&step.id) {
            form.trail.push(step.id.clone());
        }
        // Answers of steps whose condition no longer holds are dropped.
        let answers = form.answers.clone();
        for s in &dialog.steps {
            if !s.applies(&answers) {
                form.answers.remove(&s.id);
                form.trail.retain(|t| t != &s.id);
            }
        }
        let next = if form.editing {
            dialog
                .applicable(&form.answers)
                .find(|s| !form.answers.contains_key(&s.id))
        } else {
            let index = dialog.step_index(&step.id).unwrap_or(0);
            dialog.steps[index + 1..]
                .iter()
                .find(|s| s.applies(&form.answers))
        };
        match next {
            Some(next) => {
                form.step = next.id.clone();
                self.prompt(String::new());
            }
            None => {
                form.editing = false;
                form.phase = Phase::Summary;
                self.summary(dialog, false);
            }
        }
    }

    fn back(&mut self, dialog: &'c Dialog) {
        let form = self.form_mut();
        form.draft = StepDraft::default();
        if form.editing {
            form.editing = false;
            form.phase = Phase::Summary;
            return self.summary(dialog, false);
        }
        let current = form.step.clone();
        // The step before the current one in the trail.
        let position = form.trail.iter().position(|s| s == &current);
        let previous = match position {
            Some(0) => None,
            Some(p) => Some(form.trail[p - 1].clone()),
            None => form.trail.last().cloned(),
        };
        match previous {
            Some(prev) => {
                form.step = prev;
                form.phase = Phase::Asking;
                self.prompt(String::new());
            }
            None => {
                let text = self.out.t(ids::BACK_AT_START);
                self.reprompt(text);
            }
        }
    }

    fn summary_input(&mut self, dialog: &'c Dialog, given: Given<'_>) {
        match given {
            Given::Action(FormButton::Submit) => self.submit(dialog),
            Given::Text(t) if super::checks::is_submit_word(t) => self.submit(dialog),
            Given::Action(FormButton::EditMenu) => {
                self.form_mut().phase = Phase::ChooseEdit;
                self.edit_menu(dialog);
            }
            Given::Action(FormButton::Back) => {
                let form = self.form_mut();
                if let Some(last) = form.trail.last().cloned() {
                    form.step = last;
                    form.phase = Phase::Asking;
                    self.prompt(String::new());
                }
            }
            Given::Action(_) => self.out.stale(),
            _ => {
                let text = self.out.t(ids::SUMMARY_USE_BUTTONS);
                self.out.say(text);
                self.summary(dialog, false);
            }
        }
    }

    fn choose_edit_input(&mut self, dialog: &'c Dialog, given: Given<'_>) {
        match given {
            Given::Action(FormButton::EditField(id)) => {
                let answers = &self.form().answers;
                match dialog.step(&id) {
                    Some(step)
                        if step.applies(answers) && !matches!(step.input, Input::Consent) =>
                    {
                        let form = self.form_mut();
                        form.step = step.id.clone();
                        form.phase = Phase::Asking;
                        form.editing = true;
                        self.prompt(String::new());
                    }
                    _ => self.out.stale(),
                }
            }
            Given::Action(FormButton::Back) => {
                self.form_mut().phase = Phase::Summary;
                self.summary(dialog, true);
            }
            Given::Action(_) => self.out.stale(),
            _ => {
                let text = self.out.t(ids::SUMMARY_USE_BUTTONS);
                self.out.say(text);
                self.edit_menu(dialog);
            }
        }
    }

    fn submit(&mut self, dialog: &'c Dialog) {
        let form = self.session.form.take().expect("open");
        match form.ticket {
            Some(number) => self.resubmit(&number, form.answers),
            None => self.submit_answers(dialog, form.answers),
        }
    }

    /// The ticket `number` if it belongs to this user and awaits revision.
    fn revisable(&self, number: &str) -> Result<Ticket, String> {
        match self.ctx.lookup.ticket(number) {
            Some(t) if t.user == self.event.user && t.status == TicketStatus::NeedsRevision => {
                Ok(t)
            }
            Some(t) if t.user == self.event.user => {
                let status = self.out.text_of(t.status.message_id());
                Err(self.out.tf(
                    ids::REVISE_NOT_POSSIBLE,
                    Args::new().str("number", number).html("status", status),
                ))
            }
            _ => Err(self.out.t(ids::BUTTON_STALE)),
        }
    }

    /// "Fix and resubmit": the ticket's form, prefilled, at its summary.
    pub(super) fn revise(&mut self, number: &str) {
        let ticket = match self.revisable(number) {
            Ok(t) => t,
            Err(text) => return self.send_with_menu(text),
        };
        let Some(dialog) = self.ctx.content.dialog(&ticket.dialog) else {
            return self.out.stale();
        };
        if let Some(old) = &self.session.form {
            if old.ticket.as_deref() != Some(number) {
                let text = self.about_dialog(ids::FORM_REPLACED, &old.dialog);
                self.out.say(text);
            }
        }
        let trail = dialog
            .steps
            .iter()
            .filter(|st| ticket.answers.contains_key(&st.id))
            .map(|st| st.id.clone())
            .collect::<Vec<_>>();
        let mut form = Form::start(&dialog.id, &dialog.steps[0].id);
        if let Some(last) = trail.last() {
            form.step = last.clone();
        }
        form.answers = ticket.answers.clone();
        form.trail = trail;
        form.phase = Phase::Summary;
        form.ticket = Some(ticket.number.clone());
        self.session.form = Some(form);
        let text = self
            .out
            .tf(ids::REVISE_INTRO, Args::new().str("number", &ticket.number));
        self.out.say(text);
        self.summary(dialog, false);
    }

    /// Sends a revised ticket back to the staff under the same number.
    fn resubmit(&mut self, number: &str, answers: Answers) {
        let mut ticket = match self.revisable(number) {
            Ok(t) => t,
            Err(text) => return self.send_with_menu(text),
        };
        let expected = ticket.version();
        ticket.answers = answers;
        ticket.record(HistoryEntry {
            at: self.event.now,
            by: self.event.user,
            status: TicketStatus::Open,
            note: None,
            by_name: None,
        });
        let text = self
            .out
            .tf(ids::RESUBMITTED, Args::new().str("number", number));
        self.out.push(Effect::UpdateTicket { ticket, expected });
        self.send_with_menu(text);
    }

    pub(super) fn submit_answers(&mut self, dialog: &'c Dialog, answers: Answers) {
        match &dialog.submit {
            Submit::Profile => {
                let consent_at = answers.values().find_map(|a| match a {
                    Answer::Consent(t) => Some(*t),
                    _ => None,
                });
                self.out.push(Effect::SaveProfile(Profile {
                    v: Profile::VERSION,
                    user: self.event.user,
                    answers,
                    consent_at,
                    consent_notice: CONSENT_NOTICE_VERSION,
                    updated_at: self.event.now,
                }));
                let text = self.out.text_of(&dialog.done);
                self.send_with_menu(text);
            }
            Submit::Ticket { prefix } => {
                self.out.push(Effect::CreateTicket(NewTicket {
                    prefix: prefix.clone(),
                    dialog: dialog.id.clone(),
                    user: self.event.user,
                    chat: self.event.chat,
                    lang: self.lang(),
                    answers,
                    created_at: self.event.now,
                    region: self
                        .ctx
                        .profile
                        .and_then(|p| p.text("region"))
                        .map(str::to_string),
                }));
                let text = self.out.i18n().text(
                    self.lang(),
                    &dialog.done,
                    Args::new().html("ticket", TICKET_PLACEHOLDER),
                );
                let keyboard = Keyboard::Inline(vec![vec![self.menu_button()]]);
                self.out.push(Effect::Send(OutMessage {
                    fill_ticket: true,
                    ..OutMessage::new(self.event.chat, text).with_keyboard(keyboard)
                }));
            }
        }
    }
}
