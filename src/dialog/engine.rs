//! The conversation rules. See the module docs of [`crate::dialog`].

use jiff::SignedDuration;

use super::definition::{Choice, Dialog, Input, Step, Submit};
use super::input::{self, Problem, RegionMatch};
use super::*;
use crate::content::Content;
use crate::faq::Verdict;
use crate::html::escape;
use crate::i18n::{Args, Lang, MsgId, ids};

/// Stands in for the ticket number in a confirmation text until the store
/// has assigned it (in the same transaction). User text never contains it:
/// input is cleaned of private-use characters.
pub const TICKET_PLACEHOLDER: &str = "\u{E000}TICKET\u{E000}";

/// A session idle for longer than this is offered "continue or start over".
const IDLE_AFTER: SignedDuration = SignedDuration::from_hours(24);

/// Longest text the engine looks at; longer input is refused politely.
const MAX_INPUT_CHARS: usize = 4096;

/// Read-only questions the engine may ask the store.
pub trait Lookup {
    /// The user's tickets, newest first.
    fn tickets_of(&self, user: i64) -> Vec<TicketSummary>;
    /// One ticket by number.
    fn ticket(&self, number: &str) -> Option<Ticket>;
    /// What is stored about a user besides profile and tickets (/privasi).
    fn privacy(&self, user: i64) -> PrivacyFacts;
}

/// Everything the engine reads besides the session and the event.
pub struct Context<'a> {
    pub content: &'a Content,
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
    let mut turn = Turn {
        ctx,
        event,
        lang,
        session,
        effects: Vec::new(),
        toast: None,
    };
    turn.run();
    turn.session.last_active = Some(event.now);
    turn.session.v = Session::VERSION;
    Outcome {
        session: turn.session,
        effects: turn.effects,
        toast: turn.toast,
    }
}

/// One pass through the engine: the state being changed and the effects
/// gathered so far.
struct Turn<'a, 'c> {
    ctx: &'a Context<'c>,
    event: &'a Event,
    lang: Lang,
    session: Session,
    effects: Vec<Effect>,
    toast: Option<String>,
}

/// A form action carried by a stamped button.
enum Action<'d> {
    Pick(&'d str),
    Toggle(&'d str),
    Done,
    Yes,
    No,
    Skip,
    Back,
    Cancel,
    Submit,
    EditMenu,
    EditField(&'d str),
    Region(usize),
    Continue,
    Restart,
}

/// What came in for the current step.
enum Given<'d> {
    Text(&'d str),
    Action(Action<'d>),
    Photos(&'d [String]),
    Contact { phone: &'d str, own: bool },
    Media,
}

impl<'a, 'c> Turn<'a, 'c> {
    fn i18n(&self) -> &'c crate::i18n::I18n {
        &self.ctx.content.i18n
    }

    fn t(&self, id: MsgId) -> String {
        self.i18n().msg(self.lang, id)
    }

    fn tf(&self, id: MsgId, args: Args<'_>) -> String {
        self.i18n().fmt(self.lang, id, args)
    }

    fn text_of(&self, id: &str) -> String {
        self.i18n().text(self.lang, id, Args::new())
    }

    fn send(&mut self, text: String, keyboard: Keyboard) {
        self.effects.push(Effect::Send(OutMessage {
            chat: self.event.chat,
            text,
            keyboard,
            edit: None,
            fill_ticket: false,
            media: Vec::new(),
            attachment: None,
        }));
    }

    fn edit_or_send(&mut self, text: String, keyboard: Keyboard) {
        let edit = match &self.event.kind {
            EventKind::Button { message_id, .. } => *message_id,
            _ => None,
        };
        self.effects.push(Effect::Send(OutMessage {
            chat: self.event.chat,
            text,
            keyboard,
            edit,
            fill_ticket: false,
            media: Vec::new(),
            attachment: None,
        }));
    }

    fn button(&self, id: MsgId, data: impl Into<String>) -> Button {
        Button {
            label: self.t(id),
            data: data.into(),
        }
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
                    self.form_input(Given::Text(&text));
                } else {
                    self.free_text(&text);
                }
            }
            EventKind::Photos(ids) => {
                if self.session.form.is_some() {
                    self.form_input(Given::Photos(ids));
                } else {
                    self.send_with_menu(self.t(ids::PHOTO_OUTSIDE_FORM));
                }
            }
            EventKind::Contact { phone, own } => {
                if self.session.form.is_some() {
                    self.form_input(Given::Contact { phone, own: *own });
                } else {
                    self.send_with_menu(self.t(ids::CONTACT_OUTSIDE_FORM));
                }
            }
            EventKind::Unsupported(_) => {
                if self.session.form.is_some() {
                    self.form_input(Given::Media);
                } else {
                    self.send_with_menu(self.t(ids::MEDIA_UNSUPPORTED));
                }
            }
        }
    }

    /// A message that is not about the form: shown, then the form (if any)
    /// is asked again so the person knows where they are.
    fn problem_or_menu(&mut self, id: MsgId) {
        let text = self.t(id);
        if self.session.form.is_some() {
            self.reprompt(text);
        } else {
            self.send_with_menu(text);
        }
    }

    // ----- commands ---------------------------------------------------

    fn command(&mut self, name: &str, args: &str) {
        match name {
            "start" => {
                let first = self.event.first_name.clone().unwrap_or_default();
                let mut text = self.tf(ids::WELCOME, Args::new().str("name", first));
                if self.ctx.profile.is_none() {
                    text.push_str("\n\n");
                    text.push_str(&self.t(ids::WELCOME_REGISTER_HINT));
                }
                self.send(text, Keyboard::None);
                self.menu();
            }
            "menu" => self.menu(),
            "status" => self.status(),
            "privasi" | "privacy" => {
                self.privacy();
                self.remind_form();
            }
            "hapusdata" | "deletedata" => self.confirm_erase(),
            "tanya" | "ask" if !args.trim().is_empty() && self.session.form.is_none() => {
                self.free_text(&clean(args));
            }
            "tanya" | "ask" => {
                self.faq_categories(false);
                self.remind_form();
            }
            "bahasa" | "language" => self.language_picker(),
            "bantuan" | "help" => {
                let text = self.t(ids::HELP);
                self.send(text, Keyboard::None);
                self.remind_form();
            }
            "batal" | "cancel" => self.cancel(),
            "kembali" | "back" => {
                if self.session.form.is_some() {
                    self.form_input(Given::Action(Action::Back));
                } else {
                    self.menu();
                }
            }
            "lewati" | "skip" => {
                if self.session.form.is_some() {
                    self.form_input(Given::Action(Action::Skip));
                } else {
                    self.menu();
                }
            }
            _ if self.dialog_for_command(name).is_some() => {
                let id = self.dialog_for_command(name).expect("checked").id.clone();
                self.start_dialog(&id);
            }
            _ => {
                let text = self.tf(
                    ids::UNKNOWN_COMMAND,
                    Args::new().str("command", format!("/{name}")),
                );
                if self.session.form.is_some() {
                    self.reprompt(text);
                } else {
                    self.send_with_menu(text);
                }
            }
        }
    }

    /// The dialog a command starts (`commands` in its file).
    fn dialog_for_command(&self, name: &str) -> Option<&'c Dialog> {
        self.ctx
            .content
            .dialogs
            .iter()
            .find(|d| d.commands.iter().any(|c| c == name))
    }

    fn menu_keyboard(&self) -> Keyboard {
        let register = if self.ctx.profile.is_some() {
            ids::MENU_PROFILE
        } else {
            ids::MENU_REGISTER
        };
        Keyboard::Inline(vec![
            vec![self.button(register, "m:register")],
            vec![
                self.button(ids::MENU_PRODUCT, "m:product"),
                self.button(ids::MENU_MENTORING, "m:mentoring"),
            ],
            vec![
                self.button(ids::MENU_FAQ, "m:faq"),
                self.button(ids::MENU_STATUS, "m:status"),
            ],
            vec![
                self.button(ids::MENU_LANGUAGE, "m:language"),
                self.button(ids::MENU_HELP, "m:help"),
            ],
        ])
    }

    /// The main menu, noting an unfinished form.
    fn menu(&mut self) {
        let mut text = self.t(ids::MENU_TITLE);
        if let Some(form) = &self.session.form {
            let title = self.dialog_title(&form.dialog);
            text.push_str("\n\n");
            text.push_str(&self.tf(ids::MENU_FORM_PENDING, Args::new().html("dialog", title)));
        }
        let keyboard = self.menu_keyboard();
        self.send(text, keyboard);
    }

    fn send_with_menu(&mut self, text: String) {
        let keyboard = Keyboard::Inline(vec![vec![self.button(ids::BUTTON_MENU, "m:menu")]]);
        self.send(text, keyboard);
    }

    fn language_picker(&mut self) {
        let text = self.t(ids::LANGUAGE_PROMPT);
        let keyboard = Keyboard::Inline(vec![vec![
            self.button(ids::LANGUAGE_ID, "l:id"),
            self.button(ids::LANGUAGE_EN, "l:en"),
        ]]);
        self.send(text, keyboard);
    }

    fn status(&mut self) {
        let tickets = self.ctx.lookup.tickets_of(self.event.user);
        let text = if tickets.is_empty() {
            self.t(ids::STATUS_EMPTY)
        } else {
            let mut text = self.t(ids::STATUS_TITLE);
            for t in tickets.iter().take(20) {
                let status = self.text_of(t.status.message_id());
                text.push('\n');
                text.push_str(
                    &self.tf(
                        ids::STATUS_LINE,
                        Args::new()
                            .str("number", &t.number)
                            .str("title", &t.title)
                            .html("status", status)
                            .str("date", crate::time::format_date(t.updated_at, self.lang)),
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
        let none = self.t(ids::PRIVACY_NONE);
        let or_none = |v: &Option<String>| v.clone().unwrap_or_else(|| none.clone());
        let mut text = self.t(ids::PRIVACY_TITLE);
        text.push_str("\n\n");
        text.push_str(
            &self.tf(
                ids::PRIVACY_ACCOUNT,
                Args::new()
                    .num("id", self.event.user)
                    .str("name", or_none(&facts.first_name))
                    .str(
                        "username",
                        facts
                            .username
                            .as_ref()
                            .map_or(none.clone(), |u| format!("@{u}")),
                    )
                    .str("language", self.lang.code())
                    .str(
                        "first",
                        facts
                            .first_seen
                            .map_or(none.clone(), |t| crate::time::format_date(t, self.lang)),
                    ),
            ),
        );
        text.push_str("\n\n");
        match self.ctx.profile {
            Some(p) => {
                text.push_str(&self.t(ids::PRIVACY_PROFILE));
                for (label, value) in
                    answer_lines(self.ctx.content, self.lang, "register", &p.answers)
                {
                    text.push('\n');
                    text.push_str(&self.tf(
                        ids::SUMMARY_LINE,
                        Args::new().html("label", label).html("value", value),
                    ));
                }
                if let Some(at) = p.consent_at {
                    text.push('\n');
                    text.push_str(
                        &self.tf(
                            ids::PRIVACY_CONSENT,
                            Args::new()
                                .str("date", crate::time::format_datetime(at, self.lang))
                                .num("version", i64::from(p.consent_notice)),
                        ),
                    );
                }
            }
            None => text.push_str(&self.t(ids::PRIVACY_NO_PROFILE)),
        }
        let tickets = self.ctx.lookup.tickets_of(self.event.user);
        text.push_str("\n\n");
        text.push_str(
            &self.tf(
                ids::PRIVACY_TICKETS,
                Args::new()
                    .num("count", tickets.len() as i64)
                    .num("questions", facts.faq_questions as i64),
            ),
        );
        text.push_str("\n\n");
        text.push_str(&self.t(ids::PRIVACY_WHY));
        let keyboard = Keyboard::Inline(vec![
            vec![self.button(ids::BUTTON_ERASE, "p:erase")],
            vec![self.button(ids::BUTTON_MENU, "m:menu")],
        ]);
        self.send(text, keyboard);
    }

    /// /hapusdata: says what will go and what stays, and asks.
    fn confirm_erase(&mut self) {
        let text = self.t(ids::ERASE_CONFIRM);
        let keyboard = Keyboard::Inline(vec![
            vec![self.button(ids::BUTTON_ERASE_YES, "p:yes")],
            vec![self.button(ids::BUTTON_ERASE_NO, "p:no")],
        ]);
        self.send(text, keyboard);
    }

    /// Erases the user's personal data (the store does it in the event's
    /// transaction); the conversation starts afresh.
    fn erase(&mut self) {
        self.effects.push(Effect::EraseUser(self.event.user));
        self.session = Session::default();
        let text = self.t(ids::ERASE_DONE);
        self.edit_or_send(text, Keyboard::None);
    }

    /// After an aside (help, status), show the pending form step again.
    fn remind_form(&mut self) {
        if self.session.form.is_some() {
            self.reprompt(String::new());
        }
    }

    fn cancel(&mut self) {
        match self.session.form.take() {
            Some(form) => {
                let title = self.dialog_title(&form.dialog);
                let text = self.tf(ids::FORM_CANCELLED, Args::new().html("dialog", title));
                self.send_with_menu(text);
            }
            None => {
                let text = self.t(ids::NOTHING_TO_CANCEL);
                self.send_with_menu(text);
            }
        }
    }

    fn dialog_title(&self, dialog: &str) -> String {
        match self.ctx.content.dialog(dialog) {
            Some(d) => self.text_of(&d.title),
            None => dialog.to_string(),
        }
    }

    // ----- buttons ------------------------------------------------------

    fn button_press(&mut self, data: &str) {
        if let Some(item) = data.strip_prefix("m:") {
            self.toast = Some(String::new());
            match item {
                "menu" => self.menu(),
                id if self.ctx.content.dialog(id).is_some() => self.start_dialog(id),
                "status" => self.status(),
                "faq" => self.faq_categories(false),
                "language" => self.language_picker(),
                "help" => self.command("bantuan", ""),
                _ => self.stale(),
            }
            return;
        }
        if let Some(action) = data.strip_prefix("q:") {
            return self.faq_button(action);
        }
        if let Some(action) = data.strip_prefix("p:") {
            self.toast = Some(String::new());
            return match action {
                "erase" => self.confirm_erase(),
                "yes" => self.erase(),
                "no" => {
                    let text = self.t(ids::ERASE_KEPT);
                    self.edit_or_send(text, Keyboard::None);
                }
                _ => self.stale(),
            };
        }
        if let Some(number) = data.strip_prefix("rv:") {
            self.toast = Some(String::new());
            return self.revise(number);
        }
        if let Some(code) = data.strip_prefix("l:") {
            match Lang::from_code(code) {
                Some(lang) => {
                    self.lang = lang;
                    self.effects.push(Effect::SetLanguage(lang));
                    self.toast = Some(self.t(ids::LANGUAGE_SET_TOAST));
                    let text = self.t(ids::LANGUAGE_SET);
                    self.edit_or_send(text, Keyboard::None);
                    if self.session.form.is_some() {
                        self.reprompt(String::new());
                    } else {
                        self.menu();
                    }
                }
                None => self.stale(),
            }
            return;
        }
        let Some((stamp, action)) = data.split_once(':') else {
            return self.stale();
        };
        let current = stamp.parse::<u32>().ok() == Some(self.session.stamp);
        if !current || self.session.form.is_none() {
            return self.stale();
        }
        let action = match action.split_once(':') {
            None => match action {
                "d" => Action::Done,
                "y" => Action::Yes,
                "n" => Action::No,
                "k" => Action::Skip,
                "b" => Action::Back,
                "x" => Action::Cancel,
                "s" => Action::Submit,
                "e" => Action::EditMenu,
                "ic" => Action::Continue,
                "ir" => Action::Restart,
                _ => return self.stale(),
            },
            Some(("c", v)) => Action::Pick(v),
            Some(("t", v)) => Action::Toggle(v),
            Some(("f", v)) => Action::EditField(v),
            Some(("r", v)) => match v.parse() {
                Ok(i) => Action::Region(i),
                Err(_) => return self.stale(),
            },
            Some(_) => return self.stale(),
        };
        self.toast = Some(String::new());
        self.form_input(Given::Action(action));
    }

    /// A press on a button of a message the conversation has moved on from.
    fn stale(&mut self) {
        self.toast = Some(self.t(ids::BUTTON_STALE));
    }

    // ----- free text outside a form ---------------------------------------

    fn free_text(&mut self, text: &str) {
        if !text.chars().any(char::is_alphanumeric) {
            return self.send_with_menu(self.t(ids::EMPTY_MESSAGE));
        }
        let question: String = text.chars().take(1000).collect();
        self.session.last_question = Some(question.clone());
        let faq = &self.ctx.content.faq;
        let result = faq.match_question(text);
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
                    .map(|e| {
                        vec![Button {
                            label: self.text_of(&e.question_id()),
                            data: format!("q:a:{}", e.id),
                        }]
                    })
                    .collect();
                rows.push(vec![self.button(ids::BUTTON_ASK_STAFF, "q:s")]);
                let text = self.t(ids::FAQ_SUGGEST);
                self.send(text, Keyboard::Inline(rows));
            }
            Verdict::Unknown => {
                self.effects.push(Effect::LogFaq(FaqLog {
                    at: self.event.now,
                    user: self.event.user,
                    lang: self.lang,
                    kind: FaqLogKind::Unanswered,
                    entry: None,
                    text: Some(question),
                }));
                let text = self.t(ids::FAQ_UNKNOWN);
                let keyboard = Keyboard::Inline(vec![
                    vec![self.button(ids::BUTTON_ASK_STAFF, "q:s")],
                    vec![
                        self.button(ids::BUTTON_FAQ_LIST, "q:h"),
                        self.button(ids::BUTTON_MENU, "m:menu"),
                    ],
                ]);
                self.send(text, keyboard);
            }
        }
    }

    /// FAQ browsing and feedback buttons (`q:...`); always valid, since the
    /// FAQ does not depend on the conversation's state.
    fn faq_button(&mut self, action: &str) {
        self.toast = Some(String::new());
        let faq = &self.ctx.content.faq;
        match action.split_once(':') {
            None if action == "h" => self.faq_categories(true),
            None if action == "s" => self.ask_staff(),
            Some(("c", cat)) if faq.categories.iter().any(|c| c.id == cat) => {
                let mut rows: Vec<Vec<Button>> = faq
                    .entries_in(cat)
                    .map(|e| {
                        vec![Button {
                            label: self.text_of(&e.question_id()),
                            data: format!("q:a:{}", e.id),
                        }]
                    })
                    .collect();
                rows.push(vec![self.button(ids::BUTTON_BACK, "q:h")]);
                let text = self.tf(
                    ids::FAQ_CATEGORY,
                    Args::new().html("category", self.text_of(&format!("faq-cat-{cat}"))),
                );
                self.edit_or_send(text, Keyboard::Inline(rows));
            }
            Some(("a", id)) if faq.entry(id).is_some() => self.faq_answer(id, true),
            Some(("y", id)) if faq.entry(id).is_some() => {
                self.toast = Some(self.t(ids::FAQ_THANKS_TOAST));
                self.log_feedback(id, FaqLogKind::Helpful);
            }
            Some(("n", id)) if faq.entry(id).is_some() => {
                self.toast = Some(self.t(ids::FAQ_THANKS_TOAST));
                self.log_feedback(id, FaqLogKind::Unhelpful);
                let text = self.t(ids::FAQ_UNHELPFUL);
                let keyboard =
                    Keyboard::Inline(vec![vec![self.button(ids::BUTTON_ASK_STAFF, "q:s")]]);
                self.send(text, keyboard);
            }
            _ => self.stale(),
        }
    }

    fn log_feedback(&mut self, entry: &str, kind: FaqLogKind) {
        self.effects.push(Effect::LogFaq(FaqLog {
            at: self.event.now,
            user: self.event.user,
            lang: self.lang,
            kind,
            entry: Some(entry.to_string()),
            text: self.session.last_question.clone(),
        }));
    }

    fn faq_categories(&mut self, edit: bool) {
        let faq = &self.ctx.content.faq;
        let mut rows: Vec<Vec<Button>> = faq
            .categories
            .iter()
            .map(|c| {
                vec![Button {
                    label: self.text_of(&format!("faq-cat-{}", c.id)),
                    data: format!("q:c:{}", c.id),
                }]
            })
            .collect();
        rows.push(vec![self.button(ids::BUTTON_MENU, "m:menu")]);
        let text = self.t(ids::FAQ_CATEGORIES);
        if edit {
            self.edit_or_send(text, Keyboard::Inline(rows));
        } else {
            self.send(text, Keyboard::Inline(rows));
        }
    }

    /// An FAQ answer with feedback buttons; from browsing it replaces the
    /// list it was picked from.
    fn faq_answer(&mut self, id: &str, edit: bool) {
        let Some(entry) = self.ctx.content.faq.entry(id) else {
            return self.stale();
        };
        let text = self.tf(
            ids::FAQ_ANSWER,
            Args::new()
                .html("question", self.text_of(&entry.question_id()))
                .html("answer", self.text_of(&entry.answer_id())),
        );
        let keyboard = Keyboard::Inline(vec![
            vec![
                self.button(ids::BUTTON_HELPFUL, format!("q:y:{id}")),
                self.button(ids::BUTTON_UNHELPFUL, format!("q:n:{id}")),
            ],
            vec![self.button(ids::BUTTON_ASK_STAFF, "q:s")],
            vec![
                self.button(ids::BUTTON_BACK, format!("q:c:{}", entry.category)),
                self.button(ids::BUTTON_MENU, "m:menu"),
            ],
        ]);
        if edit {
            self.edit_or_send(text, keyboard);
        } else {
            self.send(text, keyboard);
        }
    }

    /// "Ask the staff": the last question becomes a QST ticket; without
    /// one, the question form asks for it.
    fn ask_staff(&mut self) {
        let Some(question) = self.session.last_question.take() else {
            return self.start_dialog(QUESTION_DIALOG);
        };
        let Some(dialog) = self.ctx.content.dialog(QUESTION_DIALOG) else {
            return self.stale();
        };
        let mut answers = Answers::new();
        answers.insert(QUESTION_STEP.to_string(), Answer::Text(question));
        self.submit_answers(dialog, answers);
    }

    // ----- forms --------------------------------------------------------

    fn start_dialog(&mut self, id: &str) {
        let Some(dialog) = self.ctx.content.dialog(id) else {
            tracing::error!(dialog = id, "dialog missing from content");
            return self.send_with_menu(self.t(ids::NOT_UNDERSTOOD));
        };
        if dialog.requires_profile && self.ctx.profile.is_none() {
            let text = self.tf(
                ids::NEED_PROFILE,
                Args::new().html("dialog", self.text_of(&dialog.title)),
            );
            let keyboard = Keyboard::Inline(vec![
                vec![self.button(ids::MENU_REGISTER, "m:register")],
                vec![self.button(ids::BUTTON_MENU, "m:menu")],
            ]);
            return self.send(text, keyboard);
        }
        if let Some(old) = &self.session.form {
            if old.dialog == id {
                let text = self.t(ids::FORM_ALREADY_OPEN);
                return self.reprompt(text);
            }
            let title = self.dialog_title(&old.dialog);
            let text = self.tf(ids::FORM_REPLACED, Args::new().html("dialog", title));
            self.send(text, Keyboard::None);
        }
        let mut intro = self.text_of(&format!("{}-intro", dialog.id));
        if dialog.submit == Submit::Profile && self.ctx.profile.is_some() {
            intro.push_str("\n\n");
            intro.push_str(&self.t(ids::PROFILE_UPDATE_NOTE));
        }
        self.send(intro, Keyboard::None);
        let first = dialog.steps[0].id.clone();
        self.session.form = Some(Form {
            dialog: dialog.id.clone(),
            step: first,
            answers: Answers::new(),
            trail: Vec::new(),
            phase: Phase::Asking,
            editing: false,
            idle_offer: false,
            draft: Draft::default(),
            ticket: None,
        });
        self.prompt(String::new());
    }

    fn dialog(&self) -> Option<&'c Dialog> {
        let form = self.session.form.as_ref()?;
        self.ctx.content.dialog(&form.dialog)
    }

    fn form_input(&mut self, given: Given<'_>) {
        let Some(dialog) = self.dialog() else {
            // A session saved by an older version with a dialog that no
            // longer exists: drop it kindly.
            self.session.form = None;
            return self.menu();
        };
        let form = self.session.form.as_ref().expect("checked by dialog()");
        // The idle offer comes first, before anything is taken as an answer.
        if form.idle_offer {
            return match given {
                Given::Action(Action::Continue) => {
                    self.form_mut().idle_offer = false;
                    self.reprompt(String::new());
                }
                Given::Action(Action::Restart) => {
                    self.session.form = None;
                    self.start_dialog(&dialog.id);
                }
                Given::Action(Action::Cancel) => self.cancel(),
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
        if let Given::Action(Action::Cancel) = given {
            return self.cancel();
        }
        match form.phase {
            Phase::Asking => self.asking(dialog, given),
            Phase::Summary => self.summary_input(dialog, given),
            Phase::ChooseEdit => self.choose_edit_input(dialog, given),
        }
    }

    fn form_mut(&mut self) -> &mut Form {
        self.session.form.as_mut().expect("a form is open")
    }

    fn idle_offer(&mut self, dialog: &Dialog) {
        self.session.stamp += 1;
        let s = self.session.stamp;
        let text = self.tf(
            ids::IDLE_OFFER,
            Args::new().html("dialog", self.text_of(&dialog.title)),
        );
        let keyboard = Keyboard::Inline(vec![
            vec![self.button(ids::BUTTON_CONTINUE, format!("{s}:ic"))],
            vec![self.button(ids::BUTTON_RESTART, format!("{s}:ir"))],
            vec![self.button(ids::BUTTON_CANCEL, format!("{s}:x"))],
        ]);
        self.send(text, keyboard);
    }

    fn asking(&mut self, dialog: &'c Dialog, given: Given<'_>) {
        let form = self.session.form.as_ref().expect("open");
        let Some(step) = dialog.step(&form.step) else {
            // The dialog changed under a stored session: start the step anew.
            self.form_mut().step = dialog.steps[0].id.clone();
            return self.prompt(String::new());
        };
        match given {
            Given::Action(Action::Back) => return self.back(dialog),
            Given::Action(Action::Skip) if step.optional => {
                return self.accept(dialog, step, Answer::Skipped);
            }
            Given::Text(t) if step.optional && is_skip_word(t) => {
                return self.accept(dialog, step, Answer::Skipped);
            }
            Given::Action(Action::Submit | Action::EditMenu | Action::EditField(_)) => {
                return self.stale();
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

    /// Turns the input into an answer for `step`; `Ok(None)` when the input
    /// was a partial one (a toggle, one more photo) already answered here.
    fn read_answer(&mut self, step: &Step, given: Given<'_>) -> Result<Option<Answer>, Problem> {
        match (&step.input, given) {
            (_, Given::Media) => Err(Problem::NotText),
            (
                Input::Text {
                    min_len,
                    max_len,
                    pattern,
                    ..
                },
                Given::Text(t),
            ) => {
                let t = t.trim();
                let len = t.chars().count();
                if len == 0 {
                    return Err(Problem::Empty);
                }
                if !t.chars().any(char::is_alphanumeric) {
                    return Err(Problem::NoLetters);
                }
                if len < *min_len {
                    return Err(Problem::TooShort { min: *min_len });
                }
                if len > *max_len {
                    return Err(Problem::TooLong { max: *max_len });
                }
                if let Some(p) = pattern {
                    if !p.is_match(t) {
                        return Err(Problem::Pattern);
                    }
                }
                Ok(Some(Answer::Text(t.to_string())))
            }
            (Input::Number { min, max, .. }, Given::Text(t)) => {
                let n = input::parse_amount(t).ok_or(Problem::NotANumber)?;
                if n < *min {
                    return Err(Problem::NumberTooSmall { min: *min });
                }
                if n > *max {
                    return Err(Problem::NumberTooLarge { max: *max });
                }
                Ok(Some(Answer::Number(n)))
            }
            (Input::Choice { options }, Given::Action(Action::Pick(v))) => options
                .iter()
                .find(|o| o.value == v)
                .map(|o| Some(Answer::Choice(o.value.clone())))
                .ok_or(Problem::NotAnOption),
            (Input::Choice { options }, Given::Text(t)) => self
                .typed_option(options, t)
                .map(|o| Some(Answer::Choice(o.value.clone())))
                .ok_or(Problem::NotAnOption),
            (
                Input::MultiChoice {
                    options, exclusive, ..
                },
                Given::Action(Action::Toggle(v)),
            ) => {
                if !options.iter().any(|o| o.value == v) {
                    return Err(Problem::NotAnOption);
                }
                let form = self.form_mut();
                let selected = &mut form.draft.selected;
                if let Some(pos) = selected.iter().position(|s| s == v) {
                    selected.remove(pos);
                } else if exclusive.iter().any(|e| e == v) {
                    *selected = vec![v.to_string()];
                } else {
                    selected.retain(|s| !exclusive.contains(s));
                    selected.push(v.to_string());
                }
                self.multi_prompt_edit();
                Ok(None)
            }
            (Input::MultiChoice { min, .. }, Given::Action(Action::Done)) => {
                self.finish_multi(step, *min)
            }
            (
                Input::MultiChoice {
                    options,
                    exclusive,
                    min,
                },
                Given::Text(t),
            ) => {
                if is_done_word(t) {
                    return self.finish_multi(step, *min);
                }
                let mut picked: Vec<String> = Vec::new();
                for part in t.split([',', ';', '\n']).flat_map(|p| {
                    // "1 3 5" as well as "1, 3, 5"
                    if p.trim()
                        .chars()
                        .all(|c| c.is_ascii_digit() || c.is_whitespace())
                    {
                        p.split_whitespace().map(str::to_string).collect::<Vec<_>>()
                    } else {
                        vec![p.to_string()]
                    }
                }) {
                    if part.trim().is_empty() {
                        continue;
                    }
                    let option = self
                        .typed_option(options, &part)
                        .ok_or(Problem::NotAnOption)?;
                    if !picked.contains(&option.value) {
                        picked.push(option.value.clone());
                    }
                }
                if picked.len() > 1 && picked.iter().any(|p| exclusive.contains(p)) {
                    return Err(Problem::NotAnOption);
                }
                if picked.len() < (*min).max(1) {
                    return Err(Problem::NoneSelected { min: (*min).max(1) });
                }
                Ok(Some(Answer::Choices(sorted_like(options, picked))))
            }
            (Input::YesNo, Given::Action(Action::Yes)) => Ok(Some(Answer::Yes(true))),
            (Input::YesNo, Given::Action(Action::No)) => Ok(Some(Answer::Yes(false))),
            (Input::YesNo, Given::Text(t)) => yes_no(t)
                .map(|b| Some(Answer::Yes(b)))
                .ok_or(Problem::NotYesNo),
            (Input::Consent, given) => {
                let agreed = match given {
                    Given::Action(Action::Yes) => Some(true),
                    Given::Action(Action::No) => Some(false),
                    Given::Text(t) => yes_no(t),
                    _ => None,
                };
                match agreed {
                    Some(true) => Ok(Some(Answer::Consent(self.event.now))),
                    Some(false) => {
                        self.session.form = None;
                        let text = self.t(ids::CONSENT_DECLINED);
                        self.send_with_menu(text);
                        Ok(None)
                    }
                    None => Err(Problem::NotYesNo),
                }
            }
            (Input::Phone, Given::Contact { phone, own }) => {
                if !own {
                    return Err(Problem::NotOwnContact);
                }
                let digits = if phone.starts_with('+') {
                    phone.to_string()
                } else {
                    format!("+{phone}")
                };
                input::normalize_phone(&digits)
                    .map(|p| Some(Answer::Phone(p)))
                    .ok_or(Problem::BadPhone)
            }
            (Input::Phone, Given::Text(t)) => input::normalize_phone(t)
                .map(|p| Some(Answer::Phone(p)))
                .ok_or(Problem::BadPhone),
            (Input::Email, Given::Text(t)) => input::normalize_email(t)
                .map(|e| Some(Answer::Email(e)))
                .ok_or(Problem::BadEmail),
            (Input::Photos { max, .. }, Given::Photos(new)) => {
                let max = *max;
                let form = self.form_mut();
                let room = max.saturating_sub(form.draft.photos.len());
                let overflow = new.len() > room;
                form.draft.photos.extend(new.iter().take(room).cloned());
                let count = form.draft.photos.len();
                if count >= max {
                    let photos = std::mem::take(&mut form.draft.photos);
                    if overflow {
                        let text =
                            self.tf(ids::PHOTOS_TOO_MANY, Args::new().num("max", max as i64));
                        self.send(text, Keyboard::None);
                    }
                    return Ok(Some(Answer::Photos(photos)));
                }
                self.photo_progress(step);
                Ok(None)
            }
            (Input::Photos { min, .. }, Given::Action(Action::Done)) => self.finish_photos(*min),
            (Input::Photos { min, .. }, Given::Text(t)) if is_done_word(t) => {
                self.finish_photos(*min)
            }
            (Input::Photos { .. }, _) => Err(Problem::NeedPhoto),
            (Input::Region, Given::Text(t)) => {
                if t.chars().count() > 80 {
                    return Err(Problem::UnknownRegion);
                }
                match self.ctx.content.regions.find(t) {
                    RegionMatch::One(name) => Ok(Some(Answer::Region(name))),
                    RegionMatch::Several(names) => {
                        self.form_mut().draft.region_choices = names;
                        self.prompt(self.t(ids::REGION_WHICH));
                        Ok(None)
                    }
                    RegionMatch::None => Err(Problem::UnknownRegion),
                }
            }
            (Input::Region, Given::Action(Action::Region(i))) => {
                let form = self.session.form.as_ref().expect("open");
                form.draft
                    .region_choices
                    .get(i)
                    .map(|n| Some(Answer::Region(n.clone())))
                    .ok_or(Problem::UnknownRegion)
            }
            (_, Given::Photos(_)) => Err(Problem::NotText),
            (_, Given::Contact { .. }) => Err(Problem::NotText),
            (Input::Phone, _) => Err(Problem::BadPhone),
            (Input::Choice { .. } | Input::MultiChoice { .. }, _) => Err(Problem::NotAnOption),
            (Input::YesNo, _) => Err(Problem::NotYesNo),
            (_, Given::Action(_)) => {
                self.stale();
                Ok(None)
            }
        }
    }

    fn finish_multi(&mut self, step: &Step, min: usize) -> Result<Option<Answer>, Problem> {
        let form = self.form_mut();
        if form.draft.selected.len() < min.max(1) {
            return Err(Problem::NoneSelected { min: min.max(1) });
        }
        let picked = std::mem::take(&mut form.draft.selected);
        Ok(Some(Answer::Choices(sorted_like(
            step.input.options(),
            picked,
        ))))
    }

    fn finish_photos(&mut self, min: usize) -> Result<Option<Answer>, Problem> {
        let form = self.form_mut();
        if form.draft.photos.len() < min.max(1) {
            return Err(Problem::TooFewPhotos { min: min.max(1) });
        }
        Ok(Some(Answer::Photos(std::mem::take(&mut form.draft.photos))))
    }

    /// An option typed as its number, its label in the user's language, or
    /// its value.
    fn typed_option<'o>(&self, options: &'o [Choice], typed: &str) -> Option<&'o Choice> {
        let wanted = simplify_label(typed);
        if wanted.is_empty() {
            return None;
        }
        if let Ok(n) = wanted.parse::<usize>() {
            return n.checked_sub(1).and_then(|i| options.get(i));
        }
        options.iter().find(|o| {
            o.value == wanted
                || o.value.replace('_', " ") == wanted
                || Lang::ALL
                    .iter()
                    .any(|l| simplify_label(&self.i18n().text(*l, &o.label, Args::new())) == wanted)
        })
    }

    fn accept(&mut self, dialog: &'c Dialog, step: &Step, answer: Answer) {
        let form = self.form_mut();
        form.answers.insert(step.id.clone(), answer);
        form.draft = Draft::default();
        if !form.trail.contains(&step.id) {
            form.trail.push(step.id.clone());
        }
        // Answers of steps whose condition no longer holds are dropped.
        let answers = form.answers.clone();
        for s in &dialog.steps {
            if !applies(s, &answers) {
                form.answers.remove(&s.id);
                form.trail.retain(|t| t != &s.id);
            }
        }
        let next = if form.editing {
            dialog
                .steps
                .iter()
                .find(|s| applies(s, &form.answers) && !form.answers.contains_key(&s.id))
        } else {
            let index = dialog.step_index(&step.id).unwrap_or(0);
            dialog.steps[index + 1..]
                .iter()
                .find(|s| applies(s, &form.answers))
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
        form.draft = Draft::default();
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
                let text = self.t(ids::BACK_AT_START);
                self.reprompt(text);
            }
        }
    }

    fn summary_input(&mut self, dialog: &'c Dialog, given: Given<'_>) {
        match given {
            Given::Action(Action::Submit) => self.submit(dialog),
            Given::Text(t) if is_submit_word(t) => self.submit(dialog),
            Given::Action(Action::EditMenu) => {
                self.form_mut().phase = Phase::ChooseEdit;
                self.edit_menu(dialog);
            }
            Given::Action(Action::Back) => {
                let form = self.form_mut();
                if let Some(last) = form.trail.last().cloned() {
                    form.step = last;
                    form.phase = Phase::Asking;
                    self.prompt(String::new());
                }
            }
            Given::Action(_) => self.stale(),
            _ => {
                let text = self.t(ids::SUMMARY_USE_BUTTONS);
                self.send(text, Keyboard::None);
                self.summary(dialog, false);
            }
        }
    }

    fn choose_edit_input(&mut self, dialog: &'c Dialog, given: Given<'_>) {
        match given {
            Given::Action(Action::EditField(id)) => {
                let answers = &self.session.form.as_ref().expect("open").answers;
                match dialog.step(id) {
                    Some(step)
                        if applies(step, answers) && !matches!(step.input, Input::Consent) =>
                    {
                        let form = self.form_mut();
                        form.step = step.id.clone();
                        form.phase = Phase::Asking;
                        form.editing = true;
                        self.prompt(String::new());
                    }
                    _ => self.stale(),
                }
            }
            Given::Action(Action::Back) => {
                self.form_mut().phase = Phase::Summary;
                self.summary(dialog, true);
            }
            Given::Action(_) => self.stale(),
            _ => {
                let text = self.t(ids::SUMMARY_USE_BUTTONS);
                self.send(text, Keyboard::None);
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
                let status = self.text_of(t.status.message_id());
                Err(self.tf(
                    ids::REVISE_NOT_POSSIBLE,
                    Args::new().str("number", number).html("status", status),
                ))
            }
            _ => Err(self.t(ids::BUTTON_STALE)),
        }
    }

    /// "Fix and resubmit": the ticket's form, prefilled, at its summary.
    fn revise(&mut self, number: &str) {
        let ticket = match self.revisable(number) {
            Ok(t) => t,
            Err(text) => return self.send_with_menu(text),
        };
        let Some(dialog) = self.ctx.content.dialog(&ticket.dialog) else {
            return self.stale();
        };
        if let Some(old) = &self.session.form {
            if old.ticket.as_deref() != Some(number) {
                let title = self.dialog_title(&old.dialog);
                let text = self.tf(ids::FORM_REPLACED, Args::new().html("dialog", title));
                self.send(text, Keyboard::None);
            }
        }
        let trail = dialog
            .steps
            .iter()
            .filter(|st| ticket.answers.contains_key(&st.id))
            .map(|st| st.id.clone())
            .collect::<Vec<_>>();
        self.session.form = Some(Form {
            dialog: dialog.id.clone(),
            step: trail
                .last()
                .cloned()
                .unwrap_or_else(|| dialog.steps[0].id.clone()),
            answers: ticket.answers.clone(),
            trail,
            phase: Phase::Summary,
            editing: false,
            idle_offer: false,
            draft: Draft::default(),
            ticket: Some(ticket.number.clone()),
        });
        let text = self.tf(ids::REVISE_INTRO, Args::new().str("number", &ticket.number));
        self.send(text, Keyboard::None);
        self.summary(dialog, false);
    }

    /// Sends a revised ticket back to the staff under the same number.
    fn resubmit(&mut self, number: &str, answers: Answers) {
        let ticket = match self.revisable(number) {
            Ok(t) => t,
            Err(text) => return self.send_with_menu(text),
        };
        let expected = ticket.version();
        let mut ticket = ticket;
        ticket.answers = answers;
        ticket.record(HistoryEntry {
            at: self.event.now,
            by: self.event.user,
            status: TicketStatus::Open,
            note: None,
            by_name: None,
        });
        let text = self.tf(ids::RESUBMITTED, Args::new().str("number", number));
        self.effects.push(Effect::UpdateTicket { ticket, expected });
        self.send_with_menu(text);
    }

    fn submit_answers(&mut self, dialog: &'c Dialog, answers: Answers) {
        match &dialog.submit {
            Submit::Profile => {
                let consent_at = answers.values().find_map(|a| match a {
                    Answer::Consent(t) => Some(*t),
                    _ => None,
                });
                self.effects.push(Effect::SaveProfile(Profile {
                    v: Profile::VERSION,
                    user: self.event.user,
                    answers,
                    consent_at,
                    consent_notice: CONSENT_NOTICE_VERSION,
                    updated_at: self.event.now,
                }));
                let text = self.text_of(&dialog.done);
                self.send_with_menu(text);
            }
            Submit::Ticket { prefix } => {
                self.effects.push(Effect::CreateTicket(NewTicket {
                    prefix: prefix.clone(),
                    dialog: dialog.id.clone(),
                    user: self.event.user,
                    chat: self.event.chat,
                    lang: self.lang,
                    answers,
                    created_at: self.event.now,
                }));
                let text = self.i18n().text(
                    self.lang,
                    &dialog.done,
                    Args::new().html("ticket", TICKET_PLACEHOLDER),
                );
                let keyboard =
                    Keyboard::Inline(vec![vec![self.button(ids::BUTTON_MENU, "m:menu")]]);
                self.effects.push(Effect::Send(OutMessage {
                    chat: self.event.chat,
                    text,
                    keyboard,
                    edit: None,
                    fill_ticket: true,
                    media: Vec::new(),
                    attachment: None,
                }));
            }
        }
    }

    // ----- prompts ------------------------------------------------------

    /// Asks the current step again, after `note` (what was wrong).
    fn reprompt(&mut self, note: String) {
        let Some(dialog) = self.dialog() else {
            return self.send_with_menu(note);
        };
        let form = self.session.form.as_ref().expect("open");
        if form.idle_offer {
            if !note.is_empty() {
                self.send(note, Keyboard::None);
            }
            return self.idle_offer(dialog);
        }
        match form.phase {
            Phase::Asking => self.prompt(note),
            Phase::Summary | Phase::ChooseEdit => {
                if !note.is_empty() {
                    self.send(note, Keyboard::None);
                }
                self.session.form.as_mut().expect("open").phase = Phase::Summary;
                self.summary(dialog, false);
            }
        }
    }

    /// Shows the current step's question with its buttons.
    fn prompt(&mut self, note: String) {
        self.session.stamp += 1;
        let mut text = String::new();
        if !note.is_empty() {
            text.push_str(&note);
            text.push_str("\n\n");
        }
        text.push_str(&self.step_text());
        let keyboard = self.step_keyboard();
        self.send(text, keyboard);
    }

    /// The current step's question: header, question, hint, current answer.
    fn step_text(&self) -> String {
        let dialog = self.dialog().expect("open form has a dialog");
        let form = self.session.form.as_ref().expect("open");
        let step = dialog.step(&form.step).expect("current step exists");
        let (number, total) = position(dialog, step, &form.answers);
        let mut text = self.tf(
            ids::STEP_HEADER,
            Args::new()
                .html("dialog", self.text_of(&dialog.title))
                .num("number", number as i64)
                .num("total", total as i64),
        );
        text.push('\n');
        text.push_str(&self.text_of(&step.prompt));
        let hint = self.hint(step);
        if !hint.is_empty() {
            text.push_str("\n\n");
            text.push_str(&hint);
        }
        if let Some(current) = form.answers.get(&step.id) {
            if form.editing || form.trail.contains(&step.id) {
                let shown = self.display(step, current);
                text.push_str("\n\n");
                text.push_str(&self.tf(ids::CURRENT_ANSWER, Args::new().html("answer", shown)));
            }
        }
        text
    }

    /// The current step's buttons, stamped with the session's stamp.
    fn step_keyboard(&self) -> Keyboard {
        let dialog = self.dialog().expect("open form has a dialog");
        let form = self.session.form.as_ref().expect("open");
        let step = dialog.step(&form.step).expect("current step exists");
        let s = self.session.stamp;
        let mut rows: Vec<Vec<Button>> = Vec::new();
        match &step.input {
            Input::Choice { options } => {
                for pair in options.chunks(2) {
                    rows.push(
                        pair.iter()
                            .map(|o| Button {
                                label: self.text_of(&o.label),
                                data: format!("{s}:c:{}", o.value),
                            })
                            .collect(),
                    );
                }
            }
            Input::MultiChoice { .. } => rows.extend(self.multi_rows(step, s)),
            Input::YesNo => rows.push(vec![
                self.button(ids::BUTTON_YES, format!("{s}:y")),
                self.button(ids::BUTTON_NO, format!("{s}:n")),
            ]),
            Input::Consent => rows.push(vec![
                self.button(ids::BUTTON_AGREE, format!("{s}:y")),
                self.button(ids::BUTTON_DISAGREE, format!("{s}:n")),
            ]),
            Input::Photos { min, .. } if form.draft.photos.len() >= (*min).max(1) => {
                rows.push(vec![self.button(ids::BUTTON_DONE, format!("{s}:d"))]);
            }
            Input::Region if !form.draft.region_choices.is_empty() => {
                for (i, name) in form.draft.region_choices.iter().enumerate() {
                    rows.push(vec![Button {
                        label: name.clone(),
                        data: format!("{s}:r:{i}"),
                    }]);
                }
            }
            _ => {}
        }
        if step.optional {
            rows.push(vec![self.button(ids::BUTTON_SKIP, format!("{s}:k"))]);
        }
        rows.push(vec![
            self.button(ids::BUTTON_BACK, format!("{s}:b")),
            self.button(ids::BUTTON_CANCEL, format!("{s}:x")),
        ]);
        if matches!(step.input, Input::Phone) {
            // A reply keyboard cannot carry inline buttons; /kembali and
            // /batal are in the hint.
            Keyboard::RequestContact {
                label: self.t(ids::BUTTON_SHARE_CONTACT),
            }
        } else {
            Keyboard::Inline(rows)
        }
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
                return self.tf(
                    ids::HINT_PHOTOS,
                    Args::new()
                        .num("min", (*min).max(1) as i64)
                        .num("max", *max as i64),
                );
            }
            Input::Region => ids::HINT_REGION,
        };
        self.t(id)
    }

    fn multi_rows(&self, step: &Step, s: u32) -> Vec<Vec<Button>> {
        let form = self.session.form.as_ref().expect("open");
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
                        Button {
                            label: self.tf(mark, Args::new().html("label", self.text_of(&o.label))),
                            data: format!("{s}:t:{}", o.value),
                        }
                    })
                    .collect()
            })
            .collect();
        rows.push(vec![self.button(ids::BUTTON_DONE, format!("{s}:d"))]);
        rows
    }

    /// After a toggle: the same message, with the marks updated.
    fn multi_prompt_edit(&mut self) {
        let text = self.step_text();
        let keyboard = self.step_keyboard();
        self.edit_or_send(text, keyboard);
    }

    fn photo_progress(&mut self, step: &Step) {
        let form = self.session.form.as_ref().expect("open");
        let count = form.draft.photos.len();
        let Input::Photos { min, max } = step.input else {
            return;
        };
        self.session.stamp += 1;
        let s = self.session.stamp;
        let text = self.tf(
            ids::PHOTO_RECEIVED,
            Args::new()
                .num("count", count as i64)
                .num("max", max as i64),
        );
        let mut rows = Vec::new();
        if count >= min.max(1) {
            rows.push(vec![self.button(ids::BUTTON_DONE, format!("{s}:d"))]);
        }
        rows.push(vec![
            self.button(ids::BUTTON_BACK, format!("{s}:b")),
            self.button(ids::BUTTON_CANCEL, format!("{s}:x")),
        ]);
        self.send(text, Keyboard::Inline(rows));
    }

    fn summary(&mut self, dialog: &'c Dialog, edit: bool) {
        self.session.stamp += 1;
        let s = self.session.stamp;
        let form = self.session.form.as_ref().expect("open");
        let mut text = self.tf(
            ids::SUMMARY_TITLE,
            Args::new().html("dialog", self.text_of(&dialog.title)),
        );
        for step in dialog.steps.iter().filter(|st| applies(st, &form.answers)) {
            if matches!(step.input, Input::Consent) {
                continue;
            }
            if let Some(answer) = form.answers.get(&step.id) {
                text.push('\n');
                text.push_str(
                    &self.tf(
                        ids::SUMMARY_LINE,
                        Args::new()
                            .html("label", self.text_of(&step.label))
                            .html("value", self.display(step, answer)),
                    ),
                );
            }
        }
        text.push_str("\n\n");
        text.push_str(&self.t(ids::SUMMARY_CONFIRM));
        let keyboard = Keyboard::Inline(vec![
            vec![self.button(ids::BUTTON_SUBMIT, format!("{s}:s"))],
            vec![
                self.button(ids::BUTTON_EDIT, format!("{s}:e")),
                self.button(ids::BUTTON_CANCEL, format!("{s}:x")),
            ],
        ]);
        if edit {
            self.edit_or_send(text, keyboard);
        } else {
            self.send(text, keyboard);
        }
    }

    fn edit_menu(&mut self, dialog: &'c Dialog) {
        let s = self.session.stamp;
        let form = self.session.form.as_ref().expect("open");
        let mut rows: Vec<Vec<Button>> = Vec::new();
        let fields: Vec<&Step> = dialog
            .steps
            .iter()
            .filter(|st| applies(st, &form.answers) && !matches!(st.input, Input::Consent))
            .collect();
        for pair in fields.chunks(2) {
            rows.push(
                pair.iter()
                    .map(|st| Button {
                        label: self.text_of(&st.label),
                        data: format!("{s}:f:{}", st.id),
                    })
                    .collect(),
            );
        }
        rows.push(vec![self.button(ids::BUTTON_BACK, format!("{s}:b"))]);
        let text = self.t(ids::EDIT_WHICH);
        self.edit_or_send(text, Keyboard::Inline(rows));
    }

    /// An answer as the summary shows it (HTML).
    fn display(&self, step: &Step, answer: &Answer) -> String {
        display_answer(self.i18n(), self.lang, step, answer)
    }

    fn problem_text(&self, step: &Step, problem: &Problem) -> String {
        let text = match problem {
            Problem::Empty => self.t(ids::ERR_EMPTY),
            Problem::NoLetters => self.t(ids::ERR_NO_LETTERS),
            Problem::TooShort { min } => {
                self.tf(ids::ERR_TOO_SHORT, Args::new().num("min", *min as i64))
            }
            Problem::TooLong { max } => {
                self.tf(ids::ERR_TOO_LONG, Args::new().num("max", *max as i64))
            }
            Problem::Pattern => match &step.input {
                Input::Text {
                    pattern_error: Some(id),
                    ..
                } => self.text_of(id),
                _ => self.t(ids::ERR_PATTERN),
            },
            Problem::NotANumber => self.t(ids::ERR_NOT_A_NUMBER),
            Problem::NumberTooSmall { min } => self.tf(
                ids::ERR_NUMBER_TOO_SMALL,
                Args::new().html("min", self.number(step, *min)),
            ),
            Problem::NumberTooLarge { max } => self.tf(
                ids::ERR_NUMBER_TOO_LARGE,
                Args::new().html("max", self.number(step, *max)),
            ),
            Problem::NotAnOption => self.t(ids::ERR_NOT_AN_OPTION),
            Problem::NotYesNo => self.t(ids::ERR_NOT_YES_NO),
            Problem::BadPhone => self.t(ids::ERR_PHONE),
            Problem::NotOwnContact => self.t(ids::ERR_NOT_OWN_CONTACT),
            Problem::BadEmail => self.t(ids::ERR_EMAIL),
            Problem::UnknownRegion => self.t(ids::ERR_REGION),
            Problem::NeedPhoto => self.t(ids::ERR_NEED_PHOTO),
            Problem::TooManyPhotos { max } => {
                self.tf(ids::PHOTOS_TOO_MANY, Args::new().num("max", *max as i64))
            }
            Problem::TooFewPhotos { min } => {
                self.tf(ids::ERR_TOO_FEW_PHOTOS, Args::new().num("min", *min as i64))
            }
            Problem::NoneSelected { min } => {
                self.tf(ids::ERR_NONE_SELECTED, Args::new().num("min", *min as i64))
            }
            Problem::NotText => {
                let expected = match step.input {
                    Input::Photos { .. } => ids::EXPECT_PHOTO,
                    Input::Phone => ids::EXPECT_PHONE,
                    Input::Choice { .. }
                    | Input::MultiChoice { .. }
                    | Input::YesNo
                    | Input::Consent => ids::EXPECT_BUTTON,
                    _ => ids::EXPECT_TEXT,
                };
                self.t(expected)
            }
        };
        self.tf(ids::INPUT_PROBLEM, Args::new().html("problem", text))
    }

    fn number(&self, step: &Step, n: i64) -> String {
        match step.input {
            Input::Number { currency: true, .. } => input::format_rupiah(n),
            _ => input::group_thousands(n),
        }
    }
}

/// Commands the engine answers itself; a dialog file cannot claim them.
pub const BUILTIN_COMMANDS: &[&str] = &[
    "start",
    "menu",
    "status",
    "tanya",
    "ask",
    "bahasa",
    "language",
    "bantuan",
    "help",
    "batal",
    "cancel",
    "kembali",
    "back",
    "lewati",
    "skip",
    "privasi",
    "privacy",
    "hapusdata",
    "deletedata",
];

/// The dialog that asks the staff a question (a QST ticket), and its step.
const QUESTION_DIALOG: &str = "question";
const QUESTION_STEP: &str = "question";

/// Version of the privacy notice shown at registration (stored as proof of
/// consent); raise it when the notice text changes.
pub const CONSENT_NOTICE_VERSION: u32 = 2;

/// Whether a step is asked, given the answers so far.
fn applies(step: &Step, answers: &Answers) -> bool {
    match &step.when {
        None => true,
        Some(cond) => answers
            .get(&cond.step)
            .is_some_and(|a| a.matches(&cond.equals)),
    }
}

/// (number of this step among the applicable ones, how many apply).
fn position(dialog: &Dialog, step: &Step, answers: &Answers) -> (usize, usize) {
    let applicable: Vec<&Step> = dialog
        .steps
        .iter()
        .filter(|s| applies(s, answers))
        .collect();
    let number = applicable
        .iter()
        .position(|s| s.id == step.id)
        .map_or(1, |i| i + 1);
    (number, applicable.len())
}

fn sorted_like(options: &[Choice], picked: Vec<String>) -> Vec<String> {
    options
        .iter()
        .filter(|o| picked.contains(&o.value))
        .map(|o| o.value.clone())
        .collect()
}

/// Removes control and private-use characters (keeps new lines).
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| (!c.is_control() || *c == '\n') && !('\u{E000}'..='\u{F8FF}').contains(c))
        .collect()
}

fn simplify_label(s: &str) -> String {
    let lower = s.to_lowercase();
    let kept: String = lower
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn yes_no(text: &str) -> Option<bool> {
    const YES: &[&str] = &[
        "ya", "y", "iya", "iyo", "yes", "yup", "ok", "oke", "okay", "betul", "benar", "setuju",
        "agree", "nggih", "enggih", "inggih", "ho oh", "sip", "siap", "boleh",
    ];
    const NO: &[&str] = &[
        "tidak",
        "tdk",
        "no",
        "n",
        "nggak",
        "ngga",
        "gak",
        "ga",
        "enggak",
        "ndak",
        "mboten",
        "ora",
        "belum",
        "blm",
        "nope",
        "tidak setuju",
        "disagree",
    ];
    let t = simplify_label(text);
    if YES.contains(&t.as_str()) {
        Some(true)
    } else if NO.contains(&t.as_str()) {
        Some(false)
    } else {
        None
    }
}

fn is_done_word(text: &str) -> bool {
    matches!(
        simplify_label(text).as_str(),
        "selesai" | "sudah" | "done" | "finish" | "rampung" | "wis" | "cukup"
    )
}

fn is_skip_word(text: &str) -> bool {
    text.trim() == "-"
        || matches!(
            simplify_label(text).as_str(),
            "lewati" | "skip" | "tidak ada" | "tidak punya" | "belum ada" | "ga ada" | "gak ada"
        )
}

fn is_submit_word(text: &str) -> bool {
    matches!(
        simplify_label(text).as_str(),
        "kirim" | "submit" | "send" | "ya" | "ok" | "oke" | "yes"
    )
}

/// An answer as people read it (HTML, user text escaped): the summary, the
/// staff notification and /tiket all use this.
pub fn display_answer(
    i18n: &crate::i18n::I18n,
    lang: Lang,
    step: &Step,
    answer: &Answer,
) -> String {
    match answer {
        Answer::Text(t) | Answer::Phone(t) | Answer::Email(t) | Answer::Region(t) => escape(t),
        Answer::Number(n) => match step.input {
            Input::Number { currency: true, .. } => input::format_rupiah(*n),
            _ => input::group_thousands(*n),
        },
        Answer::Choice(v) => option_label(i18n, lang, step, v),
        Answer::Choices(vs) => vs
            .iter()
            .map(|v| option_label(i18n, lang, step, v))
            .collect::<Vec<_>>()
            .join(", "),
        Answer::Yes(true) => i18n.msg(lang, ids::BUTTON_YES),
        Answer::Yes(false) => i18n.msg(lang, ids::BUTTON_NO),
        Answer::Photos(p) => i18n.fmt(
            lang,
            ids::PHOTOS_COUNT,
            Args::new().num("count", p.len() as i64),
        ),
        Answer::Consent(_) => i18n.msg(lang, ids::BUTTON_AGREE),
        Answer::Skipped => i18n.msg(lang, ids::ANSWER_SKIPPED),
    }
}

fn option_label(i18n: &crate::i18n::I18n, lang: Lang, step: &Step, value: &str) -> String {
    step.input
        .options()
        .iter()
        .find(|o| o.value == value)
        .map(|o| i18n.text(lang, &o.label, Args::new()))
        .unwrap_or_else(|| escape(value))
}

/// A form's answers as (label, value) lines, HTML, in step order, without
/// consent and without steps whose condition does not hold.
pub fn answer_lines(
    content: &Content,
    lang: Lang,
    dialog: &str,
    answers: &Answers,
) -> Vec<(String, String)> {
    let Some(dialog) = content.dialog(dialog) else {
        return Vec::new();
    };
    dialog
        .steps
        .iter()
        .filter(|st| applies(st, answers) && !matches!(st.input, Input::Consent))
        .filter_map(|st| {
            let answer = answers.get(&st.id)?;
            Some((
                content.i18n.text(lang, &st.label, Args::new()),
                display_answer(&content.i18n, lang, st, answer),
            ))
        })
        .collect()
}
