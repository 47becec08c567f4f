//! How a form asks: the step's question with its header, hint, current
//! answer and stamped buttons; the summary and the edit menu; what was
//! wrong with an answer.

use super::Turn;
use super::checks::Problem;
use crate::button_data::{ButtonData, FormButton};
use crate::content::{Dialog, Input, Step, display_answer, format_number};
use crate::i18n::{Args, MsgId, ids};
use crate::outcome::{Button, Keyboard};
use crate::records::{Answer, Phase};

impl Turn<'_, '_> {
    /// A button of the current form, stamped with the session's stamp.
    pub(super) fn form_button(&self, label: MsgId, action: FormButton) -> Button {
        self.out.button(label, self.stamped(action))
    }

    fn stamped(&self, action: FormButton) -> ButtonData {
        ButtonData::Form {
            stamp: self.session.stamp,
            action,
        }
    }

    /// Asks the current step again, after `note` (what was wrong).
    pub(super) fn reprompt(&mut self, note: String) {
        let Some(dialog) = self.dialog() else {
            return self.send_with_menu(note);
        };
        if self.form().idle_offer {
            if !note.is_empty() {
                self.out.say(note);
            }
            return self.idle_offer(dialog);
        }
        match self.form().phase {
            Phase::Asking => self.prompt(note),
            Phase::Summary | Phase::ChooseEdit => {
                if !note.is_empty() {
                    self.out.say(note);
                }
                self.form_mut().phase = Phase::Summary;
                self.summary(dialog, false);
            }
        }
    }

    /// Shows the current step's question with its buttons.
    pub(super) fn prompt(&mut self, note: String) {
        self.session.stamp += 1;
        let mut text = String::new();
        if !note.is_empty() {
            text.push_str(&note);
            text.push_str("\n\n");
        }
        text.push_str(&self.step_text());
        let keyboard = self.step_keyboard();
        self.out.send(text, keyboard);
    }

    /// The open form's dialog and current step.
    fn current(&self) -> (&Dialog, &Step) {
        let dialog = self.dialog().expect("open form has a dialog");
        let step = dialog.step(&self.form().step).expect("current step exists");
        (dialog, step)
    }

    /// The current step's question: header, question, hint, current answer.
    fn step_text(&self) -> String {
        let (dialog, step) = self.current();
        let form = self.form();
        let (number, total) = dialog.position(step, &form.answers);
        let mut text = self.out.tf(
            ids::STEP_HEADER,
            Args::new()
                .html("dialog", self.out.text_of(&dialog.title))
                .num("number", number as i64)
                .num("total", total as i64),
        );
        text.push('\n');
        text.push_str(&self.out.text_of(&step.prompt));
        let hint = self.hint(step);
        if !hint.is_empty() {
            text.push_str("\n\n");
            text.push_str(&hint);
        }
        if let Some(current) = form.answers.get(&step.id) {
            if form.editing || form.trail.contains(&step.id) {
                let shown = self.display(step, current);
                text.push_str("\n\n");
                text.push_str(
                    &self
                        .out
                        .tf(ids::CURRENT_ANSWER, Args::new().html("answer", shown)),
                );
            }
        }
        text
    }

    /// The current step's buttons, stamped with the session's stamp.
    fn step_keyboard(&self) -> Keyboard {
        let (_, step) = self.current();
        let form = self.form();
        let mut rows: Vec<Vec<Button>> = Vec::new();
        match &step.input {
            Input::Choice { options } => {
                for pair in options.chunks(2) {
                    rows.push(
                        pair.iter()
                            .map(|o| {
                                let data = self.stamped(FormButton::Pick(o.value.clone()));
                                Button::new(self.out.text_of(&o.label), &data)
                            })
                            .collect(),
                    );
                }
            }
            Input::MultiChoice { .. } => rows.extend(self.multi_rows(step)),
            Input::YesNo => rows.push(vec![
                self.form_button(ids::BUTTON_YES, FormButton::Yes),
                self.form_button(ids::BUTTON_NO, FormButton::No),
            ]),
            Input::Consent => rows.push(vec![
                self.form_button(ids::BUTTON_AGREE, FormButton::Yes),
                self.form_button(ids::BUTTON_DISAGREE, FormButton::No),
            ]),
            Input::Photos { min, .. } if form.draft.photos.len() >= (*min).max(1) => {
                rows.push(vec![self.form_button(ids::BUTTON_DONE, FormButton::Done)]);
            }
            Input::Region if !form.draft.region_choices.is_empty() => {
                for (i, name) in form.draft.region_choices.iter().enumerate() {
                    rows.push(vec![Button::new(
                        name.clone(),
                        &self.stamped(FormButton::Region(i)),
                    )]);
                }
            }
            _ => {}
        }
        if step.optional {
            rows.push(vec![self.form_button(ids::BUTTON_SKIP, FormButton::Skip)]);
        }
        rows.push(self.back_and_cancel());
        if matches!(step.input, Input::Phone) {
            // A reply keyboard cannot carry inline buttons; /kembali and
            // /batal are in the hint.
            Keyboard::RequestContact {
                label: self.out.t(ids::BUTTON_SHARE_CONTACT),
            }
        } else {
            Keyboard::Inline(rows)
        }
    }

    fn back_and_cancel(&self) -> Vec<Button> {
        vec![
            self.form_button(ids::BUTTON_BACK, FormButton::Back),
            self.form_button(ids::BUTTON_CANCEL, FormButton::Cancel),
        ]
    }

    fn hint(&self, step: &Step) -> String {
        let id = match &step.input {
            Input::Text { .. } => return String::new(),
            Input::Number { currency: true, .. } => ids::HINT_AMOUNT,
            Input::Number { .. } => ids::HINT_NUMBER,
            Input::Choice { .. } => ids::HINT_CHOICE,
            Input::MultiChoice { .. } => ids::HINT_MULTI,
            Input::YesNo | Input::Consent => return String::new(),
            Input::Phone => ids::HINT_PHONE,
            Input::Email => ids::HINT_EMAIL,
            Input::Photos { min, max } => {
                return self.out.tf(
                    ids::HINT_PHOTOS,
                    Args::new()
                        .num("min", (*min).max(1) as i64)
                        .num("max", *max as i64),
                );
            }
            Input::Region => ids::HINT_REGION,
        };
        self.out.t(id)
    }

    fn multi_rows(&self, step: &Step) -> Vec<Vec<Button>> {
        let form = self.form();
        let mut rows: Vec<Vec<Button>> = step
            .input
            .options()
            .chunks(2)
            .map(|pair| {
                pair.iter()
                    .map(|o| {
                        let mark = if form.draft.selected.contains(&o.value) {
                            ids::TOGGLE_ON
                        } else {
                            ids::TOGGLE_OFF
                        };
                        let label = self
                            .out
                            .tf(mark, Args::new().html("label", self.out.text_of(&o.label)));
                        Button::new(label, &self.stamped(FormButton::Toggle(o.value.clone())))
                    })
                    .collect()
            })
            .collect();
        rows.push(vec![self.form_button(ids::BUTTON_DONE, FormButton::Done)]);
        rows
    }

    /// After a toggle: the same message, with the marks updated.
    pub(super) fn multi_prompt_edit(&mut self) {
        let text = self.step_text();
        let keyboard = self.step_keyboard();
        self.out.edit_or_send(text, keyboard);
    }

    pub(super) fn photo_progress(&mut self, step: &Step) {
        let count = self.form().draft.photos.len();
        let Input::Photos { min, max } = step.input else {
            return;
        };
        self.session.stamp += 1;
        let text = self.out.tf(
            ids::PHOTO_RECEIVED,
            Args::new()
                .num("count", count as i64)
                .num("max", max as i64),
        );
        let mut rows = Vec::new();
        if count >= min.max(1) {
            rows.push(vec![self.form_button(ids::BUTTON_DONE, FormButton::Done)]);
        }
        rows.push(self.back_and_cancel());
        self.out.send(text, Keyboard::Inline(rows));
    }

    pub(super) fn summary(&mut self, dialog: &Dialog, edit: bool) {
        self.session.stamp += 1;
        let form = self.form();
        let mut text = self.out.tf(
            ids::SUMMARY_TITLE,
            Args::new().html("dialog", self.out.text_of(&dialog.title)),
        );
        for step in dialog.fields(&form.answers) {
            if let Some(answer) = form.answers.get(&step.id) {
                text.push('\n');
                text.push_str(
                    &self.out.tf(
                        ids::SUMMARY_LINE,
                        Args::new()
                            .html("label", self.out.text_of(&step.label))
                            .html("value", self.display(step, answer)),
                    ),
                );
            }
        }
        text.push_str("\n\n");
        text.push_str(&self.out.t(ids::SUMMARY_CONFIRM));
        let keyboard = Keyboard::Inline(vec![
            vec![self.form_button(ids::BUTTON_SUBMIT, FormButton::Submit)],
            vec![
                self.form_button(ids::BUTTON_EDIT, FormButton::EditMenu),
                self.form_button(ids::BUTTON_CANCEL, FormButton::Cancel),
            ],
        ]);
        self.send_or_edit(edit, text, keyboard);
    }

    pub(super) fn edit_menu(&mut self, dialog: &Dialog) {
        let form = self.form();
        let fields: Vec<&Step> = dialog.fields(&form.answers).collect();
        let mut rows: Vec<Vec<Button>> = fields
            .chunks(2)
            .map(|pair| {
                pair.iter()
                    .map(|st| {
                        let data = self.stamped(FormButton::EditField(st.id.clone()));
                        Button::new(self.out.text_of(&st.label), &data)
                    })
                    .collect()
            })
            .collect();
        rows.push(vec![self.form_button(ids::BUTTON_BACK, FormButton::Back)]);
        let text = self.out.t(ids::EDIT_WHICH);
        self.out.edit_or_send(text, Keyboard::Inline(rows));
    }

    /// An answer as the summary shows it (HTML).
    fn display(&self, step: &Step, answer: &Answer) -> String {
        display_answer(self.out.i18n(), self.lang(), step, answer)
    }

    pub(super) fn problem_text(&self, step: &Step, problem: &Problem) -> String {
        let num = |id, name, n: usize| self.out.tf(id, Args::new().num(name, n as i64));
        let amount = |id, name, n: i64| {
            self.out
                .tf(id, Args::new().html(name, format_number(step, n)))
        };
        let text = match problem {
            Problem::Empty => self.out.t(ids::ERR_EMPTY),
            Problem::NoLetters => self.out.t(ids::ERR_NO_LETTERS),
            Problem::TooShort { min } => num(ids::ERR_TOO_SHORT, "min", *min),
            Problem::TooLong { max } => num(ids::ERR_TOO_LONG, "max", *max),
            Problem::Pattern => match &step.input {
                Input::Text {
                    pattern_error: Some(id),
                    ..
                } => self.out.text_of(id),
                _ => self.out.t(ids::ERR_PATTERN),
            },
            Problem::NotANumber => self.out.t(ids::ERR_NOT_A_NUMBER),
            Problem::NumberTooSmall { min } => amount(ids::ERR_NUMBER_TOO_SMALL, "min", *min),
            Problem::NumberTooLarge { max } => amount(ids::ERR_NUMBER_TOO_LARGE, "max", *max),
            Problem::NotAnOption => self.out.t(ids::ERR_NOT_AN_OPTION),
            Problem::NotYesNo => self.out.t(ids::ERR_NOT_YES_NO),
            Problem::BadPhone => self.out.t(ids::ERR_PHONE),
            Problem::NotOwnContact => self.out.t(ids::ERR_NOT_OWN_CONTACT),
            Problem::BadEmail => self.out.t(ids::ERR_EMAIL),
            Problem::UnknownRegion => self.out.t(ids::ERR_REGION),
            Problem::NeedPhoto => self.out.t(ids::ERR_NEED_PHOTO),
            Problem::TooManyPhotos { max } => num(ids::PHOTOS_TOO_MANY, "max", *max),
            Problem::TooFewPhotos { min } => num(ids::ERR_TOO_FEW_PHOTOS, "min", *min),
            Problem::NoneSelected { min } => num(ids::ERR_NONE_SELECTED, "min", *min),
            Problem::NotText => self.out.t(match step.input {
                Input::Photos { .. } => ids::EXPECT_PHOTO,
                Input::Phone => ids::EXPECT_PHONE,
                Input::Choice { .. }
                | Input::MultiChoice { .. }
                | Input::YesNo
                | Input::Consent => ids::EXPECT_BUTTON,
                _ => ids::EXPECT_TEXT,
            }),
        };
        self.out
            .tf(ids::INPUT_PROBLEM, Args::new().html("problem", text))
    }
}
