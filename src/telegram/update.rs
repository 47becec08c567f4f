//! Telegram updates -> [`Delivery`]s. The only place a teloxide `Update`
//! is read; everything it yields is teloxide-free.

use jiff::Timestamp;
use teloxide::types::{ChatMemberKind, Message, Update, UpdateKind};
use teloxide::utils::render::RenderMessageTextHelper;

use crate::commands::StaffCommand;
use crate::event::{Delivery, Event, EventKind, MediaKind, ReplyTo};

/// What an update means to the bot.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// Something a decider handles, with its update id and callback.
    Event(Box<Delivery>),
    /// The user blocked (false) or unblocked (true) the bot.
    Membership { user: i64, active: bool },
    /// The bot was removed from this group.
    LeftGroup { chat: i64 },
    /// Edited messages, channel posts, other groups, unknown kinds.
    Ignore,
}

/// Maps one update. `staff_chat` is the only group the bot talks in;
/// there it handles commands and replies to its own messages (answers to
/// questions, reasons asked for). In other groups only `/grupstaf`, which
/// makes a group the staff chat.
pub fn incoming(update: &Update, staff_chat: Option<i64>, now: Timestamp) -> Incoming {
    let mut incoming = kind(update, staff_chat, now);
    if let Incoming::Event(delivery) = &mut incoming {
        delivery.update_id = Some(i64::from(update.id.0));
    }
    incoming
}

fn kind(update: &Update, staff_chat: Option<i64>, now: Timestamp) -> Incoming {
    match &update.kind {
        UpdateKind::Message(m) => message(m, staff_chat, now),
        UpdateKind::CallbackQuery(q) => {
            let Some(data) = q.data.clone() else {
                return Incoming::Ignore;
            };
            let Some(msg) = &q.message else {
                return Incoming::Ignore;
            };
            let chat = msg.chat().id.0;
            if chat != q.from.id.0 as i64 && Some(chat) != staff_chat {
                return Incoming::Ignore;
            }
            let event = Event {
                user: q.from.id.0 as i64,
                chat,
                language_code: q.from.language_code.clone(),
                first_name: Some(q.from.first_name.clone()),
                kind: EventKind::Button {
                    data,
                    message_id: Some(msg.id().0),
                },
                now,
                reply_to: None,
                formatted: None,
            };
            let mut delivery = Delivery::new(event).with_username(q.from.username.as_deref());
            delivery.callback = Some(q.id.0.clone());
            Incoming::Event(Box::new(delivery))
        }
        UpdateKind::MyChatMember(m) if !m.chat.is_private() => match m.new_chat_member.kind {
            ChatMemberKind::Banned(_) | ChatMemberKind::Left => {
                Incoming::LeftGroup { chat: m.chat.id.0 }
            }
            _ => Incoming::Ignore,
        },
        UpdateKind::MyChatMember(m) => {
            let active = match m.new_chat_member.kind {
                ChatMemberKind::Banned(_) | ChatMemberKind::Left => false,
                ChatMemberKind::Member { .. } => true,
                _ => return Incoming::Ignore,
            };
            Incoming::Membership {
                user: m.chat.id.0,
                active,
            }
        }
        _ => Incoming::Ignore,
    }
}

fn message(m: &Message, staff_chat: Option<i64>, now: Timestamp) -> Incoming {
    let Some(from) = m.from.as_ref() else {
        return Incoming::Ignore;
    };
    if from.is_bot {
        return Incoming::Ignore;
    }
    let chat = m.chat.id.0;
    let private = m.chat.is_private();
    let staff = Some(chat) == staff_chat;
    // In a group, only a reply to one of the bot's own messages is text
    // meant for the bot.
    let reply_to = m
        .reply_to_message()
        .filter(|r| !private && r.from.as_ref().is_some_and(|f| f.is_bot))
        .map(|r| ReplyTo {
            message_id: r.id.0,
            text: r.text().or(r.caption()).unwrap_or_default().to_string(),
        });
    let user = from.id.0 as i64;
    let formatted = if m.text().is_some() {
        m.html_text().or_else(|| m.text().map(crate::html::escape))
    } else {
        m.html_caption()
            .or_else(|| m.caption().map(crate::html::escape))
    };
    let kind = if let Some(text) = m.text() {
        match command(text) {
            Some((name, args))
                if private
                    || staff
                    || StaffCommand::parse(&name) == Some(StaffCommand::StaffGroup) =>
            {
                EventKind::Command { name, args }
            }
            Some(_) => return Incoming::Ignore,
            None if private || (staff && reply_to.is_some()) => EventKind::Text(text.to_string()),
            None => return Incoming::Ignore,
        }
    } else if !private {
        return Incoming::Ignore;
    } else if let Some(sizes) = m.photo() {
        // The last size is the largest.
        match sizes.last() {
            Some(p) => EventKind::Photos(vec![p.file.id.0.clone()]),
            None => return Incoming::Ignore,
        }
    } else if let Some(c) = m.contact() {
        EventKind::Contact {
            phone: c.phone_number.clone(),
            own: c.user_id.is_some_and(|id| id.0 as i64 == user),
        }
    } else if m.sticker().is_some() {
        EventKind::Unsupported(MediaKind::Sticker)
    } else if m.document().is_some() {
        EventKind::Unsupported(MediaKind::Document)
    } else if m.voice().is_some() || m.audio().is_some() || m.video_note().is_some() {
        EventKind::Unsupported(MediaKind::Voice)
    } else if m.video().is_some() || m.animation().is_some() {
        EventKind::Unsupported(MediaKind::Video)
    } else if m.location().is_some() || m.venue().is_some() {
        EventKind::Unsupported(MediaKind::Location)
    } else if m.caption().is_some() || m.poll().is_some() || m.dice().is_some() {
        EventKind::Unsupported(MediaKind::Other)
    } else {
        // Service messages (joins, pins, ...) are not for the engine.
        return Incoming::Ignore;
    };
    let event = Event {
        user,
        chat,
        language_code: from.language_code.clone(),
        first_name: Some(from.first_name.clone()),
        kind,
        now,
        reply_to,
        formatted,
    };
    let mut delivery = Delivery::new(event).with_username(from.username.as_deref());
    delivery.media_group = m.media_group_id().map(|g| g.0.clone());
    Incoming::Event(Box::new(delivery))
}

/// `/name@bot args` -> (lower-cased name, args).
fn command(text: &str) -> Option<(String, String)> {
    let rest = text.strip_prefix('/')?;
    let (head, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let name = head.split('@').next().unwrap_or(head);
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    Some((name.to_lowercase(), args.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(json: serde_json::Value) -> Update {
        let u: Update = serde_json::from_str(&json.to_string()).unwrap();
        if let UpdateKind::Error(v) = &u.kind {
            panic!("not understood by teloxide: {v}");
        }
        // The inbox stores updates re-serialized; they must read back.
        let again: Update = serde_json::from_slice(&serde_json::to_vec(&u).unwrap()).unwrap();
        assert_eq!(again, u);
        u
    }

    fn now() -> Timestamp {
        "2026-11-28T03:00:00Z".parse().unwrap()
    }

    fn private_message(extra: serde_json::Value) -> serde_json::Value {
        let mut m = serde_json::json!({
            "message_id": 5,
            "date": 1_790_000_000,
            "chat": {"id": 42, "type": "private", "first_name": "Siti"},
            "from": {"id": 42, "is_bot": false, "first_name": "Siti", "language_code": "en", "username": "siti"},
        });
        m.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        serde_json::json!({"update_id": 1, "message": m})
    }

    fn kind(i: Incoming) -> EventKind {
        match i {
            Incoming::Event(delivery) => delivery.event.kind,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn commands_with_bot_suffix_and_text() {
        let u = update(private_message(
            serde_json::json!({"text": "/Produk@opop_bot  kopi"}),
        ));
        assert_eq!(
            kind(incoming(&u, None, now())),
            EventKind::Command {
                name: "produk".into(),
                args: "kopi".into()
            }
        );
        let u = update(private_message(
            serde_json::json!({"text": "gmn cara daftar"}),
        ));
        assert_eq!(
            kind(incoming(&u, None, now())),
            EventKind::Text("gmn cara daftar".into())
        );
    }

    #[test]
    fn the_largest_photo_and_own_contacts() {
        let u = update(private_message(
            serde_json::json!({"media_group_id": "g1", "photo": [
                {"file_id": "small", "file_unique_id": "s", "width": 90, "height": 90},
                {"file_id": "big", "file_unique_id": "b", "width": 1280, "height": 1280}
            ]}),
        ));
        match incoming(&u, None, now()) {
            Incoming::Event(delivery) => {
                assert_eq!(delivery.event.kind, EventKind::Photos(vec!["big".into()]));
                assert_eq!(delivery.media_group.as_deref(), Some("g1"));
            }
            other => panic!("{other:?}"),
        }
        let u = update(private_message(
            serde_json::json!({"contact": {"phone_number": "6281", "first_name": "Siti", "user_id": 42}}),
        ));
        assert_eq!(
            kind(incoming(&u, None, now())),
            EventKind::Contact {
                phone: "6281".into(),
                own: true
            }
        );
        let u = update(private_message(
            serde_json::json!({"contact": {"phone_number": "6281", "first_name": "Budi", "user_id": 7}}),
        ));
        assert_eq!(
            kind(incoming(&u, None, now())),
            EventKind::Contact {
                phone: "6281".into(),
                own: false
            }
        );
    }

    #[test]
    fn stickers_and_documents_are_unsupported_not_errors() {
        let u = update(private_message(serde_json::json!({"sticker": {
            "file_id": "st", "file_unique_id": "u", "type": "regular", "width": 512, "height": 512,
            "is_animated": false, "is_video": false
        }})));
        assert_eq!(
            kind(incoming(&u, None, now())),
            EventKind::Unsupported(MediaKind::Sticker)
        );
    }

    #[test]
    fn other_groups_edits_and_channel_posts_are_ignored() {
        let group = serde_json::json!({"update_id": 3, "message": {
            "message_id": 1, "date": 1_790_000_000,
            "chat": {"id": -100, "type": "supergroup", "title": "x"},
            "from": {"id": 42, "is_bot": false, "first_name": "Siti"},
            "text": "/status"
        }});
        assert_eq!(
            incoming(&update(group.clone()), None, now()),
            Incoming::Ignore
        );
        assert!(matches!(
            incoming(&update(group), Some(-100), now()),
            Incoming::Event(_)
        ));
        let mut edited = private_message(serde_json::json!({"text": "x"}));
        let m = edited["message"].take();
        let edited = serde_json::json!({"update_id": 1, "edited_message": m});
        assert_eq!(incoming(&update(edited), None, now()), Incoming::Ignore);
    }

    #[test]
    fn staff_chat_replies_and_grupstaf_elsewhere() {
        let group = |text: &str, reply_from_bot: Option<bool>| {
            let mut m = serde_json::json!({
                "message_id": 5, "date": 1_790_000_000,
                "chat": {"id": -100, "type": "supergroup", "title": "x"},
                "from": {"id": 42, "is_bot": false, "first_name": "Budi"},
                "text": text
            });
            if let Some(is_bot) = reply_from_bot {
                m["reply_to_message"] = serde_json::json!({
                    "message_id": 3, "date": 1_790_000_000,
                    "chat": {"id": -100, "type": "supergroup", "title": "x"},
                    "from": {"id": 7, "is_bot": is_bot, "first_name": "OPOP"},
                    "text": "🆕 Pertanyaan · QST-2026-00001"
                });
            }
            update(serde_json::json!({"update_id": 4, "message": m}))
        };
        // In the staff chat: a reply to the bot is text for the bot ...
        let Incoming::Event(delivery) =
            incoming(&group("Jawabannya ya", Some(true)), Some(-100), now())
        else {
            panic!("a reply to the bot is handled");
        };
        let event = delivery.event;
        assert_eq!(event.kind, EventKind::Text("Jawabannya ya".into()));
        let reply = event.reply_to.expect("the replied message");
        assert_eq!(reply.message_id, 3);
        assert!(reply.text.contains("QST-2026-00001"));
        // ... chatter, or replies to people, are not.
        assert_eq!(
            incoming(&group("halo semua", None), Some(-100), now()),
            Incoming::Ignore
        );
        assert_eq!(
            incoming(&group("setuju", Some(false)), Some(-100), now()),
            Incoming::Ignore
        );
        // In another group only /grupstaf gets through.
        assert!(matches!(
            incoming(&group("/grupstaf@opop_bot", None), None, now()),
            Incoming::Event(_)
        ));
        assert_eq!(
            incoming(&group("/antrian", None), None, now()),
            Incoming::Ignore
        );
    }

    #[test]
    fn blocking_and_unblocking() {
        let member = |status: &str| {
            update(serde_json::json!({"update_id": 9, "my_chat_member": {
                "chat": {"id": 42, "type": "private", "first_name": "Siti"},
                "from": {"id": 42, "is_bot": false, "first_name": "Siti"},
                "date": 1_790_000_000,
                "old_chat_member": {"user": {"id": 1, "is_bot": true, "first_name": "bot"}, "status": "member"},
                "new_chat_member": {"user": {"id": 1, "is_bot": true, "first_name": "bot"}, "status": status, "until_date": 0}
            }}))
        };
        assert_eq!(
            incoming(&member("kicked"), None, now()),
            Incoming::Membership {
                user: 42,
                active: false
            }
        );
        assert_eq!(
            incoming(&member("member"), None, now()),
            Incoming::Membership {
                user: 42,
                active: true
            }
        );
    }
}
