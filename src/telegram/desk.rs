//! The desk's Telegram side: product photos fetched by file id for it
//! (`getFile`, then the file), and each staff member's menu button opening
//! it in their private chat (`setChatMenuButton` with `web_app`; admins
//! and staff only, everyone else keeps the command menu).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use teloxide::Bot;
use teloxide::net::Download;
use teloxide::payloads::SetChatMenuButtonSetters;
use teloxide::prelude::Requester;
use teloxide::types::{ChatId, MenuButton, WebAppInfo};

use crate::app::App;
use crate::i18n::ids;
use crate::staff::DeskLinks;
use crate::web::photos::Fetch;

/// Photos through the Bot API.
pub struct Photos(pub Bot);

impl Fetch for Photos {
    fn fetch<'a>(
        &'a self,
        file_id: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<Vec<u8>, String>> + Send + 'a>> {
        Box::pin(async move {
            let file = self
                .0
                .get_file(file_id.to_string().into())
                .await
                .map_err(|e| e.to_string())?;
            let mut bytes = Vec::new();
            self.0
                .download_file(&file.path, &mut bytes)
                .await
                .map_err(|e| e.to_string())?;
            Ok(bytes)
        })
    }
}

/// Sets the desk as the menu button of every staff member's private chat.
pub async fn menu_buttons(bot: &Bot, app: &Arc<App>, desk: &dyn DeskLinks) {
    let Ok(url) = desk.desk_url().parse() else {
        return;
    };
    let roles = &app.config.roles;
    let mut people: Vec<i64> = roles.admins.iter().chain(&roles.staff).copied().collect();
    people.sort_unstable();
    people.dedup();
    for person in people {
        let lang = app
            .store
            .user(person)
            .ok()
            .flatten()
            .map_or(app.config.staff.language, |u| u.speaks());
        let text = crate::html::to_plain(&app.content.i18n.msg(lang, ids::BUTTON_DESK_OPEN));
        let button = MenuButton::WebApp {
            text,
            web_app: WebAppInfo {
                url: Clone::clone(&url),
            },
        };
        if let Err(e) = bot
            .set_chat_menu_button()
            .chat_id(ChatId(person))
            .menu_button(button)
            .await
        {
            tracing::warn!(error = %e, person, "cannot set the desk's menu button");
        }
    }
}
