//! The command menu Telegram shows, registered at start with setMyCommands:
//! Indonesian by default and for `language_code` id, English for en.

use teloxide::Bot;
use teloxide::payloads::SetMyCommandsSetters;
use teloxide::prelude::Requester;
use teloxide::types::BotCommand;

use crate::app::App;
use crate::i18n::{Lang, MsgId, ids};

/// Built-in commands in menu order: (Indonesian name, English name, text).
const BUILT_IN: &[(&str, &str, MsgId)] = &[
    ("start", "start", ids::CMD_START),
    ("menu", "menu", ids::CMD_MENU),
    ("tanya", "ask", ids::CMD_ASK),
    ("status", "status", ids::CMD_STATUS),
    ("bahasa", "language", ids::CMD_LANGUAGE),
    ("bantuan", "help", ids::CMD_HELP),
    ("batal", "cancel", ids::CMD_CANCEL),
];

/// The menu for one language: built-ins plus every dialog that declares
/// commands (its first command is Indonesian, its last English).
pub fn menu(app: &App, lang: Lang) -> Vec<BotCommand> {
    let i18n = &app.content.i18n;
    let mut list: Vec<BotCommand> = BUILT_IN[..2]
        .iter()
        .map(|(id, en, msg)| command(lang, id, en, i18n.msg(lang, *msg)))
        .collect();
    for d in &app.content.dialogs {
        if let (Some(id), Some(en)) = (d.commands.first(), d.commands.last()) {
            let title = crate::html::to_plain(&i18n.text(lang, &d.title, crate::i18n::Args::new()));
            list.push(command(lang, id, en, title));
        }
    }
    list.extend(
        BUILT_IN[2..]
            .iter()
            .map(|(id, en, msg)| command(lang, id, en, i18n.msg(lang, *msg))),
    );
    list
}

fn command(lang: Lang, id: &str, en: &str, description: String) -> BotCommand {
    let name = if lang == Lang::En { en } else { id };
    BotCommand::new(name, description)
}

/// Commands shown in the staff chat: (Indonesian, English, text).
const STAFF: &[(&str, &str, MsgId)] = &[
    ("antrian", "queue", ids::CMD_QUEUE),
    ("tiket", "ticket", ids::CMD_TICKET),
    ("ringkasan", "digest", ids::CMD_DIGEST),
    ("ekspor", "export", ids::CMD_EXPORT),
    ("batal", "cancel", ids::CMD_CANCEL),
    ("bantuan", "help", ids::CMD_HELP),
];

/// The staff chat's menu, in the staff language.
pub fn staff_menu(app: &App) -> Vec<BotCommand> {
    let lang = app.config.staff.language;
    STAFF
        .iter()
        .map(|(id, en, msg)| command(lang, id, en, app.content.i18n.msg(lang, *msg)))
        .collect()
}

/// An admin's menu: everyone's, plus the broadcast commands.
pub fn admin_menu(app: &App) -> Vec<BotCommand> {
    let lang = app.config.staff.language;
    let mut list = menu(app, lang);
    for (id, en, msg) in [
        ("siaran", "broadcast", ids::CMD_BROADCAST),
        (
            "siaran_status",
            "broadcast_status",
            ids::CMD_BROADCAST_STATUS,
        ),
    ] {
        list.push(command(lang, id, en, app.content.i18n.msg(lang, msg)));
    }
    list
}

/// Registers the menus; a failure is logged, never fatal.
pub async fn register(bot: &Bot, app: &App) {
    for admin in &app.config.roles.admins {
        let scope = teloxide::types::BotCommandScope::Chat {
            chat_id: teloxide::types::Recipient::Id(teloxide::types::ChatId(*admin)),
        };
        if let Err(e) = bot.set_my_commands(admin_menu(app)).scope(scope).await {
            tracing::warn!(error = %e, "setMyCommands for an admin failed");
        }
    }
    if let Some(chat) = app.staff_chat() {
        let scope = teloxide::types::BotCommandScope::Chat {
            chat_id: teloxide::types::Recipient::Id(teloxide::types::ChatId(chat)),
        };
        if let Err(e) = bot.set_my_commands(staff_menu(app)).scope(scope).await {
            tracing::warn!(error = %e, "setMyCommands for the staff chat failed");
        }
    }
    let id = menu(app, Lang::Id);
    let en = menu(app, Lang::En);
    let calls = [
        bot.set_my_commands(id.clone()).await.map(|_| ()),
        bot.set_my_commands(id)
            .language_code("id")
            .await
            .map(|_| ()),
        bot.set_my_commands(en)
            .language_code("en")
            .await
            .map(|_| ()),
    ];
    for result in calls {
        if let Err(e) = result {
            tracing::warn!(error = %e, "setMyCommands failed");
        }
    }
}
