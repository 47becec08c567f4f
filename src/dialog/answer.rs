//! A step's input turned into its answer. The checks themselves are pure
//! (`checks.rs`); what is here also changes the session when the input is
//! partial: an option ticked, one more photo, a region to confirm, consent
//! declined.

use super::Turn;
use super::checks::{self, Problem};
use super::form::Given;
use crate::button_data::FormButton;
use crate::content::{Input, RegionMatch, Step};
use crate::i18n::{Args, ids};
use crate::records::Answer;

/// An answer, `None` when the input was partial and already answered here,
/// or the problem to re-ask with.
type Read = Result<Option<Answer>, Problem>;

impl Turn<'_, '_> {
    /// Turns the input into an answer for `step`.
    pub(super) fn read_answer(&mut self, step: &Step, given: Given<'_>) -> Read {
        if let Given::Media = given {
            return Err(Problem::NotText);
        }
        match &step.input {
            Input::Text {
                min_len,
                max_len,
                pattern,
                ..
            } => match given {
                Given::Text(t) => {
                    checks::check_text(t, *min_len, *max_len, pattern.as_ref()).map(typed_text)
                }
                other => self.wrong_kind(other),
            },
            Input::Number { min, max, .. } => match given {
                Given::Text(t) => {
                    checks::check_number(t, *min, *max).map(|n| Some(Answer::Number(n)))
                }
                other => self.wrong_kind(other),
            },
            Input::Choice { options } => match given {
                Given::Action(FormButton::Pick(v)) => options.iter().find(|o| o.value == v),
                Given::Text(t) => checks::typed_option(self.out.i18n(), options, t),
                other => return self.not_an_option(other),
            }
            .map(|o| Some(Answer::Choice(o.value.clone())))
            .ok_or(Problem::NotAnOption),
            Input::MultiChoice { .. } => self.multi_choice(step, given),
            Input::YesNo => match given {
                Given::Action(FormButton::Yes) => Ok(Some(Answer::Yes(true))),
                Given::Action(FormButton::No) => Ok(Some(Answer::Yes(false))),
                Given::Text(t) => checks::yes_no(t)
                    .map(|b| Some(Answer::Yes(b)))
                    .ok_or(Problem::NotYesNo),
                Given::Action(_) => Err(Problem::NotYesNo),
                _ => Err(Problem::NotText),
            },
            Input::Consent => self.consent(given),
            Input::Phone => match given {
                Given::Contact { phone, own } => {
                    checks::contact_phone(phone, own).map(|p| Some(Answer::Phone(p)))
                }
                Given::Text(t) => checks::normalize_phone(t)
                    .map(|p| Some(Answer::Phone(p)))
                    .ok_or(Problem::BadPhone),
                Given::Photos(_) => Err(Problem::NotText),
                _ => Err(Problem::BadPhone),
            },
            Input::Email => match given {
                Given::Text(t) => checks::normalize_email(t)
                    .map(|e| Some(Answer::Email(e)))
                    .ok_or(Problem::BadEmail),
                other => self.wrong_kind(other),
            },
            Input::Photos { min, max } => self.photos(step, *min, *max, given),
            Input::Region => self.region(given),
        }
    }

    /// Input of the wrong kind for a text, number or e-mail step: a photo
    /// or contact is not text; a stray button is from an older message.
    fn wrong_kind(&mut self, given: Given<'_>) -> Read {
        match given {
            Given::Action(_) => {
                self.out.stale();
                Ok(None)
            }
            _ => Err(Problem::NotText),
        }
    }

    /// What a button press or other input means at a choice step.
    fn not_an_option(&mut self, given: Given<'_>) -> Read {
        match given {
            Given::Photos(_) | Given::Contact { .. } => Err(Problem::NotText),
            _ => Err(Problem::NotAnOption),
        }
    }

    fn multi_choice(&mut self, step: &Step, given: Given<'_>) -> Read {
        let Input::MultiChoice {
            options,
            exclusive,
            min,
        } = &step.input
        else {
            return Err(Problem::NotAnOption);
        };
        match given {
            Given::Action(FormButton::Toggle(v)) => {
                if !options.iter().any(|o| o.value == v) {
                    return Err(Problem::NotAnOption);
                }
                let selected = &mut self.form_mut().draft.selected;
                if let Some(pos) = selected.iter().position(|s| *s == v) {
                    selected.remove(pos);
                } else if exclusive.contains(&v) {
                    *selected = vec![v];
                } else {
                    selected.retain(|s| !exclusive.contains(s));
                    selected.push(v);
                }
                self.multi_prompt_edit();
                Ok(None)
            }
            Given::Action(FormButton::Done) => self.finish_multi(step, *min),
            Given::Text(t) if checks::is_done_word(t) => self.finish_multi(step, *min),
            Given::Text(t) => checks::typed_options(self.out.i18n(), options, exclusive, *min, t)
                .map(|picked| Some(Answer::Choices(picked))),
            other => self.not_an_option(other),
        }
    }

    fn finish_multi(&mut self, step: &Step, min: usize) -> Read {
        let form = self.form_mut();
        if form.draft.selected.len() < min.max(1) {
            return Err(Problem::NoneSelected { min: min.max(1) });
        }
        let picked = std::mem::take(&mut form.draft.selected);
        Ok(Some(Answer::Choices(checks::sorted_like(
            step.input.options(),
            picked,
        ))))
    }

    fn consent(&mut self, given: Given<'_>) -> Read {
        let agreed = match given {
            Given::Action(FormButton::Yes) => Some(true),
            Given::Action(FormButton::No) => Some(false),
            Given::Text(t) => checks::yes_no(t),
            _ => None,
        };
        match agreed {
            Some(true) => Ok(Some(Answer::Consent(self.event.now))),
            Some(false) => {
                self.session.form = None;
                let text = self.out.t(ids::CONSENT_DECLINED);
                self.send_with_menu(text);
                Ok(None)
            }
            None => Err(Problem::NotYesNo),
        }
    }

    fn photos(&mut self, step: &Step, min: usize, max: usize, given: Given<'_>) -> Read {
        match given {
            Given::Photos(new) => {
                let form = self.form_mut();
                let room = max.saturating_sub(form.draft.photos.len());
                let overflow = new.len() > room;
                form.draft.photos.extend(new.iter().take(room).cloned());
                if form.draft.photos.len() >= max {
                    let photos = std::mem::take(&mut form.draft.photos);
                    if overflow {
                        let text = self
                            .out
                            .tf(ids::PHOTOS_TOO_MANY, Args::new().num("max", max as i64));
                        self.out.say(text);
                    }
                    return Ok(Some(Answer::Photos(photos)));
                }
                self.photo_progress(step);
                Ok(None)
            }
            Given::Action(FormButton::Done) => self.finish_photos(min),
            Given::Text(t) if checks::is_done_word(t) => self.finish_photos(min),
            _ => Err(Problem::NeedPhoto),
        }
    }

    fn finish_photos(&mut self, min: usize) -> Read {
        let form = self.form_mut();
        if form.draft.photos.len() < min.max(1) {
            return Err(Problem::TooFewPhotos { min: min.max(1) });
        }
        Ok(Some(Answer::Photos(std::mem::take(&mut form.draft.photos))))
    }

    fn region(&mut self, given: Given<'_>) -> Read {
        match given {
            Given::Text(t) => {
                if t.chars().count() > checks::MAX_REGION_CHARS {
                    return Err(Problem::UnknownRegion);
                }
                match self.ctx.content.regions.find(t) {
                    RegionMatch::One(name) => Ok(Some(Answer::Region(name))),
                    RegionMatch::Several(names) => {
                        self.form_mut().draft.region_choices = names;
                        self.prompt(self.out.t(ids::REGION_WHICH));
                        Ok(None)
                    }
                    RegionMatch::None => Err(Problem::UnknownRegion),
                }
            }
            Given::Action(FormButton::Region(i)) => self
                .form()
                .draft
                .region_choices
                .get(i)
                .map(|n| Some(Answer::Region(n.clone())))
                .ok_or(Problem::UnknownRegion),
            Given::Action(_) => {
                self.out.stale();
                Ok(None)
            }
            _ => Err(Problem::NotText),
        }
    }
}

fn typed_text(text: String) -> Option<Answer> {
    Some(Answer::Text(text))
}
