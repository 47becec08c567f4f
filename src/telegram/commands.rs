//! The command menu Telegram shows, registered at start with setMyCommands:
//! Indonesian by default and for `language_code` id, English for en,
//! Javanese descriptions (with the Indonesian command names) for jv.

use teloxide::Bot;
use teloxide::payloads::SetMyCommandsSetters;
use teloxide::prelude::Requester;
use teloxide::types::BotCommand;

use crate::app::App;
use crate::commands::{AdminCommand, StaffCommand, UserCommand};
use crate::i18n::{Args, Lang, MsgId};

/// A menu entry from a command table: its name in `lang`, its text.
fn entry(lang: Lang, names: [&str; 2], text: MsgId, app: &App) -> BotCommand {
    let name = if lang == Lang::En { names[1] } else { names[0] };
    BotCommand::new(name, app.content.i18n.msg(lang, text))
}

/// The listed commands of a table, in its order.
fn listed<C: Copy>(
    app: &App,
    lang: Lang,
    commands: &[C],
    names: impl Fn(C) -> [&'static str; 2],
    text: impl Fn(C) -> Option<MsgId>,
) -> Vec<BotCommand> {
    commands
        .iter()
        .filter_map(|c| Some(entry(lang, names(*c), text(*c)?, app)))
        .collect()
}

/// The menu for one language: /start and /menu, every dialog that
/// declares commands (its first command is Indonesian, its last English),
/// then the other built-ins.
pub fn menu(app: &App, lang: Lang) -> Vec<BotCommand> {
    let users = listed(
        app,
        lang,
        UserCommand::ALL,
        UserCommand::names,
        UserCommand::menu_text,
    );
    let (head, tail) = users.split_at(2.min(users.len()));
    let mut list = head.to_vec();
    for d in &app.content.dialogs {
        if let (Some(id), Some(en)) = (d.commands.first(), d.commands.last()) {
            let title = crate::html::to_plain(&app.content.i18n.text(lang, &d.title, Args::new()));
            let name = if lang == Lang::En { en } else { id };
            list.push(BotCommand::new(name, title));
        }
    }
    list.extend_from_slice(tail);
    list
}

/// The staff chat's menu, in the staff language: the staff commands, then
/// /batal and /bantuan.
pub fn staff_menu(app: &App) -> Vec<BotCommand> {
    let lang = app.config.staff.language;
    let mut list = listed(
        app,
        lang,
        StaffCommand::ALL,
        StaffCommand::names,
        StaffCommand::menu_text,
    );
    list.extend(listed(
        app,
        lang,
        &[UserCommand::Cancel, UserCommand::Help],
        UserCommand::names,
        UserCommand::menu_text,
    ));
    list
}

/// An admin's menu: everyone's, plus the broadcast commands.
pub fn admin_menu(app: &App) -> Vec<BotCommand> {
    let lang = app.config.staff.language;
    let mut list = menu(app, lang);
    list.extend(listed(
        app,
        lang,
        AdminCommand::ALL,
        AdminCommand::names,
        AdminCommand::menu_text,
    ));
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
    let jv = menu(app, Lang::Jv);
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
        bot.set_my_commands(jv)
            .language_code("jv")
            .await
            .map(|_| ()),
    ];
    for result in calls {
        if let Err(e) = result {
            tracing::warn!(error = %e, "setMyCommands failed");
        }
    }
}
