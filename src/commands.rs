//! The built-in commands of each side, typed: their Indonesian and English
//! names and the text Telegram's command menu shows for them. Dialogs add
//! their own commands in their files (`commands = ["daftar", "register"]`);
//! a dialog file cannot claim a name of these tables (`opop-bot check`).

use crate::i18n::{MsgId, ids};

macro_rules! commands {
    ($(#[$doc:meta])* $name:ident {
        $($(#[$vdoc:meta])* $variant:ident = $id:literal / $en:literal $(, $menu:ident)?;)*
    }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant),*
        }

        impl $name {
            /// Every command, in menu order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The Indonesian and the English name (without `/`).
            pub fn names(self) -> [&'static str; 2] {
                match self {
                    $($name::$variant => [$id, $en]),*
                }
            }

            /// Its description in Telegram's command menu, if it is listed.
            pub fn menu_text(self) -> Option<MsgId> {
                match self {
                    $($name::$variant => commands!(@menu $($menu)?)),*
                }
            }

            /// The command a typed name (lower-cased) stands for.
            pub fn parse(name: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|c| c.names().contains(&name))
            }
        }
    };
    (@menu) => { None };
    (@menu $menu:ident) => { Some(ids::$menu) };
}

commands! {
    /// What every user may type; the dialog engine answers them.
    UserCommand {
        Start = "start" / "start", CMD_START;
        Menu = "menu" / "menu", CMD_MENU;
        Ask = "tanya" / "ask", CMD_ASK;
        Status = "status" / "status", CMD_STATUS;
        Language = "bahasa" / "language", CMD_LANGUAGE;
        Help = "bantuan" / "help", CMD_HELP;
        Cancel = "batal" / "cancel", CMD_CANCEL;
        Back = "kembali" / "back";
        Skip = "lewati" / "skip";
        Privacy = "privasi" / "privacy";
        DeleteData = "hapusdata" / "deletedata";
    }
}

commands! {
    /// Staff commands, in the staff chat or privately.
    StaffCommand {
        Queue = "antrian" / "queue", CMD_QUEUE;
        Ticket = "tiket" / "ticket", CMD_TICKET;
        Digest = "ringkasan" / "digest", CMD_DIGEST;
        Export = "ekspor" / "export", CMD_EXPORT;
        Learned = "dipelajari" / "learned", CMD_LEARNED;
        Desk = "meja" / "desk", CMD_DESK;
        /// Works in any group: an admin makes it the staff chat.
        StaffGroup = "grupstaf" / "staffgroup";
    }
}

commands! {
    /// Admins' broadcast commands (private chat).
    AdminCommand {
        Broadcast = "siaran" / "broadcast", CMD_BROADCAST;
        BroadcastStatus = "siaran_status" / "broadcast_status", CMD_BROADCAST_STATUS;
    }
}

/// Whether a name belongs to a built-in command of any side.
pub fn is_builtin(name: &str) -> bool {
    UserCommand::parse(name).is_some()
        || StaffCommand::parse(name).is_some()
        || AdminCommand::parse(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_both_languages() {
        assert_eq!(UserCommand::parse("bantuan"), Some(UserCommand::Help));
        assert_eq!(UserCommand::parse("help"), Some(UserCommand::Help));
        assert_eq!(
            StaffCommand::parse("staffgroup"),
            Some(StaffCommand::StaffGroup)
        );
        assert_eq!(
            AdminCommand::parse("siaran_status"),
            Some(AdminCommand::BroadcastStatus)
        );
        assert_eq!(UserCommand::parse("daftar"), None);
        assert!(is_builtin("antrian") && !is_builtin("produk"));
    }
}
