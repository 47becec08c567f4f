//! The callback data of every inline button the bot makes, typed: one
//! [`ButtonData`] parsed from what Telegram sends back and written (with
//! `Display`) into the buttons, so the protocol lives in one place.
//!
//! The wire format, kept short for Telegram's 64 bytes:
//!
//! | data | meaning |
//! |---|---|
//! | `m:<item>` | main menu: `menu`, `status`, `faq`, `language`, `help`, or a dialog id |
//! | `q:h`, `q:s`, `q:c:<category>`, `q:a:<entry>`, `q:y:<entry>`, `q:n:<entry>` | FAQ: categories, ask the staff, a category, an answer, 👍, 👎 |
//! | `p:erase`, `p:yes`, `p:no` | personal data: erase?, yes, no |
//! | `rv:<ticket>` | fix and resubmit a ticket |
//! | `l:<lang>` | choose a language |
//! | `<stamp>:<action>[:<value>]` | a form step's button, stamped with the session's stamp |
//! | `s:<action>:<ticket>` | a staff review action |
//! | `t:a:<ticket>`, `t:c:<ticket>:<category>`, `t:e:<ticket>:<entry>`, `t:n:<ticket>:<category>`, `t:x:<ticket>` | teaching the FAQ an answered question: start, a category, as an example of an entry, as a new entry, remove |
//! | `b:…` | composing, cancelling and resending broadcasts |

use std::fmt;

use crate::i18n::Lang;
use crate::records::StaffAction;

/// Telegram's limit on callback data.
pub const MAX_BYTES: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ButtonData {
    Menu(MenuItem),
    Faq(FaqButton),
    Privacy(PrivacyButton),
    /// "Fix and resubmit" on a ticket that needs revision.
    Revise(String),
    Language(Lang),
    /// A form step's button; `stamp` is the session's stamp when it was
    /// shown, so a press on an older message is recognised.
    Form {
        stamp: u32,
        action: FormButton,
    },
    Staff {
        action: StaffAction,
        ticket: String,
    },
    Teach(TeachButton),
    Broadcast(BroadcastButton),
}

/// Staff teaching the FAQ a question they answered (a QST ticket).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeachButton {
    /// "➕ Add to FAQ": the categories to put it in.
    Start(String),
    /// A category: its entries, and "a new question here".
    Category { ticket: String, category: String },
    /// As one more example of an entry.
    Example { ticket: String, entry: String },
    /// As a new entry in a category, the staff's reply its answer.
    NewEntry { ticket: String, category: String },
    /// Takes back what was taught from the ticket.
    Remove(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MenuItem {
    Menu,
    Status,
    Faq,
    Language,
    Help,
    /// Starts the dialog with this id.
    Dialog(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaqButton {
    /// The list of categories (replacing the message it is on).
    Categories,
    AskStaff,
    Category(String),
    Answer(String),
    Helpful(String),
    Unhelpful(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivacyButton {
    Erase,
    Yes,
    No,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormButton {
    Pick(String),
    Toggle(String),
    Done,
    Yes,
    No,
    Skip,
    Back,
    Cancel,
    Submit,
    EditMenu,
    EditField(String),
    /// One of the regions a typo could mean, by position.
    Region(usize),
    /// The idle offer: continue, or start over.
    Continue,
    Restart,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BroadcastButton {
    /// Drops the draft.
    Cancel,
    /// Back to the audience menu.
    Audiences,
    Audience(AudienceButton),
    AudienceLanguage(Lang),
    /// Ticks or unticks the option at this position of a multi-select.
    Toggle(usize),
    Done,
    SendNow,
    Schedule,
    English,
    /// Stops a scheduled or running job.
    CancelJob(u64),
    /// Sends a finished job again to its interrupted recipients.
    ResendInterrupted(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudienceButton {
    All,
    NoProfile,
    Region,
    Pillar,
    Category,
    Language,
}

/// Which side a button belongs to, from its data alone (malformed data
/// included): the staff and broadcast sides route their own presses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Staff,
    Broadcast,
    Conversation,
}

const FORM_WORDS: &[(&str, FormButton)] = &[
    ("d", FormButton::Done),
    ("y", FormButton::Yes),
    ("n", FormButton::No),
    ("k", FormButton::Skip),
    ("b", FormButton::Back),
    ("x", FormButton::Cancel),
    ("s", FormButton::Submit),
    ("e", FormButton::EditMenu),
    ("ic", FormButton::Continue),
    ("ir", FormButton::Restart),
];

const AUDIENCE_WORDS: &[(&str, AudienceButton)] = &[
    ("all", AudienceButton::All),
    ("noprofile", AudienceButton::NoProfile),
    ("region", AudienceButton::Region),
    ("pillar", AudienceButton::Pillar),
    ("category", AudienceButton::Category),
    ("lang", AudienceButton::Language),
];

const BROADCAST_WORDS: &[(&str, BroadcastButton)] = &[
    ("x", BroadcastButton::Cancel),
    ("aud", BroadcastButton::Audiences),
    ("d", BroadcastButton::Done),
    ("go", BroadcastButton::SendNow),
    ("sch", BroadcastButton::Schedule),
    ("en", BroadcastButton::English),
];

fn word_of<T: PartialEq + Clone>(words: &[(&'static str, T)], value: &T) -> &'static str {
    words
        .iter()
        .find(|(_, v)| v == value)
        .map_or("", |(w, _)| w)
}

fn value_of<T: Clone>(words: &[(&'static str, T)], word: &str) -> Option<T> {
    words
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, v)| v.clone())
}

impl ButtonData {
    /// Reads callback data; `None` for anything the bot did not write.
    pub fn parse(data: &str) -> Option<ButtonData> {
        let (head, rest) = data.split_once(':')?;
        Some(match head {
            "m" => ButtonData::Menu(match rest {
                "menu" => MenuItem::Menu,
                "status" => MenuItem::Status,
                "faq" => MenuItem::Faq,
                "language" => MenuItem::Language,
                "help" => MenuItem::Help,
                dialog => MenuItem::Dialog(dialog.to_string()),
            }),
            "q" => ButtonData::Faq(match rest.split_once(':') {
                None if rest == "h" => FaqButton::Categories,
                None if rest == "s" => FaqButton::AskStaff,
                Some(("c", v)) => FaqButton::Category(v.to_string()),
                Some(("a", v)) => FaqButton::Answer(v.to_string()),
                Some(("y", v)) => FaqButton::Helpful(v.to_string()),
                Some(("n", v)) => FaqButton::Unhelpful(v.to_string()),
                _ => return None,
            }),
            "p" => ButtonData::Privacy(match rest {
                "erase" => PrivacyButton::Erase,
                "yes" => PrivacyButton::Yes,
                "no" => PrivacyButton::No,
                _ => return None,
            }),
            "rv" => ButtonData::Revise(rest.to_string()),
            "l" => ButtonData::Language(Lang::from_code(rest)?),
            "s" => {
                let (code, ticket) = rest.split_once(':')?;
                ButtonData::Staff {
                    action: StaffAction::from_code(code)?,
                    ticket: ticket.to_string(),
                }
            }
            "t" => ButtonData::Teach(parse_teach(rest)?),
            "b" => ButtonData::Broadcast(parse_broadcast(rest)?),
            stamp => ButtonData::Form {
                stamp: stamp.parse().ok()?,
                action: parse_form(rest)?,
            },
        })
    }

    /// The side a press belongs to, by the data's namespace.
    pub fn side(data: &str) -> Side {
        match data.split_once(':').map(|(head, _)| head) {
            Some("s" | "t") => Side::Staff,
            Some("b") => Side::Broadcast,
            _ => Side::Conversation,
        }
    }

    /// Whether the written data fits Telegram's limit.
    pub fn fits(&self) -> bool {
        self.to_string().len() <= MAX_BYTES
    }
}

fn parse_form(rest: &str) -> Option<FormButton> {
    Some(match rest.split_once(':') {
        None => value_of(FORM_WORDS, rest)?,
        Some(("c", v)) => FormButton::Pick(v.to_string()),
        Some(("t", v)) => FormButton::Toggle(v.to_string()),
        Some(("f", v)) => FormButton::EditField(v.to_string()),
        Some(("r", v)) => FormButton::Region(v.parse().ok()?),
        Some(_) => return None,
    })
}

fn parse_teach(rest: &str) -> Option<TeachButton> {
    let (code, rest) = rest.split_once(':')?;
    let pair = || {
        rest.split_once(':')
            .map(|(t, v)| (t.to_string(), v.to_string()))
    };
    Some(match code {
        "a" => TeachButton::Start(rest.to_string()),
        "x" => TeachButton::Remove(rest.to_string()),
        "c" => {
            let (ticket, category) = pair()?;
            TeachButton::Category { ticket, category }
        }
        "e" => {
            let (ticket, entry) = pair()?;
            TeachButton::Example { ticket, entry }
        }
        "n" => {
            let (ticket, category) = pair()?;
            TeachButton::NewEntry { ticket, category }
        }
        _ => return None,
    })
}

fn parse_broadcast(rest: &str) -> Option<BroadcastButton> {
    Some(match rest.split_once(':') {
        None => value_of(BROADCAST_WORDS, rest)?,
        Some(("a", v)) => BroadcastButton::Audience(value_of(AUDIENCE_WORDS, v)?),
        Some(("l", v)) => BroadcastButton::AudienceLanguage(Lang::from_code(v)?),
        Some(("t", v)) => BroadcastButton::Toggle(v.parse().ok()?),
        Some(("c", v)) => BroadcastButton::CancelJob(v.parse().ok()?),
        Some(("ri", v)) => BroadcastButton::ResendInterrupted(v.parse().ok()?),
        Some(_) => return None,
    })
}

impl fmt::Display for ButtonData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ButtonData::Menu(item) => {
                let item = match item {
                    MenuItem::Menu => "menu",
                    MenuItem::Status => "status",
                    MenuItem::Faq => "faq",
                    MenuItem::Language => "language",
                    MenuItem::Help => "help",
                    MenuItem::Dialog(id) => id,
                };
                write!(f, "m:{item}")
            }
            ButtonData::Faq(b) => match b {
                FaqButton::Categories => f.write_str("q:h"),
                FaqButton::AskStaff => f.write_str("q:s"),
                FaqButton::Category(v) => write!(f, "q:c:{v}"),
                FaqButton::Answer(v) => write!(f, "q:a:{v}"),
                FaqButton::Helpful(v) => write!(f, "q:y:{v}"),
                FaqButton::Unhelpful(v) => write!(f, "q:n:{v}"),
            },
            ButtonData::Privacy(b) => f.write_str(match b {
                PrivacyButton::Erase => "p:erase",
                PrivacyButton::Yes => "p:yes",
                PrivacyButton::No => "p:no",
            }),
            ButtonData::Revise(ticket) => write!(f, "rv:{ticket}"),
            ButtonData::Language(lang) => write!(f, "l:{}", lang.code()),
            ButtonData::Form { stamp, action } => match action {
                FormButton::Pick(v) => write!(f, "{stamp}:c:{v}"),
                FormButton::Toggle(v) => write!(f, "{stamp}:t:{v}"),
                FormButton::EditField(v) => write!(f, "{stamp}:f:{v}"),
                FormButton::Region(i) => write!(f, "{stamp}:r:{i}"),
                word => write!(f, "{stamp}:{}", word_of(FORM_WORDS, word)),
            },
            ButtonData::Staff { action, ticket } => write!(f, "s:{}:{ticket}", action.code()),
            ButtonData::Teach(b) => match b {
                TeachButton::Start(t) => write!(f, "t:a:{t}"),
                TeachButton::Remove(t) => write!(f, "t:x:{t}"),
                TeachButton::Category { ticket, category } => write!(f, "t:c:{ticket}:{category}"),
                TeachButton::Example { ticket, entry } => write!(f, "t:e:{ticket}:{entry}"),
                TeachButton::NewEntry { ticket, category } => {
                    write!(f, "t:n:{ticket}:{category}")
                }
            },
            ButtonData::Broadcast(b) => match b {
                BroadcastButton::Audience(a) => write!(f, "b:a:{}", word_of(AUDIENCE_WORDS, a)),
                BroadcastButton::AudienceLanguage(l) => write!(f, "b:l:{}", l.code()),
                BroadcastButton::Toggle(i) => write!(f, "b:t:{i}"),
                BroadcastButton::CancelJob(id) => write!(f, "b:c:{id}"),
                BroadcastButton::ResendInterrupted(id) => write!(f, "b:ri:{id}"),
                word => write!(f, "b:{}", word_of(BROADCAST_WORDS, word)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<ButtonData> {
        let value = "x".repeat(24);
        let entry = "e".repeat(40);
        let ticket = "PRD-2026-00001".to_string();
        let mut all = vec![
            ButtonData::Menu(MenuItem::Menu),
            ButtonData::Menu(MenuItem::Status),
            ButtonData::Menu(MenuItem::Faq),
            ButtonData::Menu(MenuItem::Language),
            ButtonData::Menu(MenuItem::Help),
            ButtonData::Menu(MenuItem::Dialog(value.clone())),
            ButtonData::Faq(FaqButton::Categories),
            ButtonData::Faq(FaqButton::AskStaff),
            ButtonData::Faq(FaqButton::Category(entry.clone())),
            ButtonData::Faq(FaqButton::Answer(entry.clone())),
            ButtonData::Faq(FaqButton::Helpful(entry.clone())),
            ButtonData::Faq(FaqButton::Unhelpful(entry.clone())),
            ButtonData::Privacy(PrivacyButton::Erase),
            ButtonData::Privacy(PrivacyButton::Yes),
            ButtonData::Privacy(PrivacyButton::No),
            ButtonData::Revise(ticket.clone()),
            ButtonData::Language(Lang::En),
            ButtonData::Broadcast(BroadcastButton::AudienceLanguage(Lang::Id)),
            ButtonData::Broadcast(BroadcastButton::Toggle(37)),
            ButtonData::Broadcast(BroadcastButton::CancelJob(u64::MAX)),
            ButtonData::Broadcast(BroadcastButton::ResendInterrupted(u64::MAX)),
        ];
        for action in StaffAction::ALL {
            all.push(ButtonData::Staff {
                action,
                ticket: ticket.clone(),
            });
        }
        let qst = "QST-2026-99999".to_string();
        all.extend(
            [
                TeachButton::Start(qst.clone()),
                TeachButton::Remove(qst.clone()),
                TeachButton::Category {
                    ticket: qst.clone(),
                    category: entry.clone(),
                },
                TeachButton::Example {
                    ticket: qst.clone(),
                    entry: entry.clone(),
                },
                TeachButton::NewEntry {
                    ticket: qst.clone(),
                    category: entry.clone(),
                },
            ]
            .map(ButtonData::Teach),
        );
        for (_, a) in AUDIENCE_WORDS {
            all.push(ButtonData::Broadcast(BroadcastButton::Audience(*a)));
        }
        for (_, b) in BROADCAST_WORDS {
            all.push(ButtonData::Broadcast(b.clone()));
        }
        let stamp = u32::MAX;
        for action in FORM_WORDS.iter().map(|(_, a)| a.clone()).chain([
            FormButton::Pick(value.clone()),
            FormButton::Toggle(value.clone()),
            FormButton::EditField(value.clone()),
            FormButton::Region(99),
        ]) {
            all.push(ButtonData::Form { stamp, action });
        }
        all
    }

    #[test]
    fn every_kind_reads_back_and_fits_telegram() {
        for data in every_kind() {
            let written = data.to_string();
            assert_eq!(ButtonData::parse(&written), Some(data.clone()), "{written}");
            assert!(data.fits(), "{written} is {} bytes", written.len());
        }
    }

    #[test]
    fn the_wire_format_is_unchanged() {
        let form = |action| ButtonData::Form { stamp: 7, action }.to_string();
        assert_eq!(form(FormButton::Pick("kopi".into())), "7:c:kopi");
        assert_eq!(form(FormButton::Continue), "7:ic");
        assert_eq!(
            ButtonData::Staff {
                action: StaffAction::Approve,
                ticket: "PRD-2026-00001".into()
            }
            .to_string(),
            "s:ap:PRD-2026-00001"
        );
        assert_eq!(
            ButtonData::Broadcast(BroadcastButton::Audience(AudienceButton::NoProfile)).to_string(),
            "b:a:noprofile"
        );
        assert_eq!(
            ButtonData::Menu(MenuItem::Dialog("register".into())).to_string(),
            "m:register"
        );
        assert_eq!(ButtonData::parse("7:zz"), None);
        assert_eq!(ButtonData::parse("s:zz:PRD-2026-00001"), None);
        assert_eq!(ButtonData::parse("no colon"), None);
        assert_eq!(ButtonData::side("s:zz:1"), Side::Staff);
        assert_eq!(ButtonData::side("b:anything"), Side::Broadcast);
        assert_eq!(ButtonData::side("7:d"), Side::Conversation);
    }
}
