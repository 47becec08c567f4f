//! What a review of the running bot found (issue 15), each as the promise
//! it breaks: private files under any umask, a control socket only the
//! bot's user can use, no start without the keyring.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use super::support::bot::*;
use super::support::fake_bot_api::TestUser;

/// Every path under `dir` that its group or others may read, write or
/// enter.
/// The bot runs meanwhile: a path it removes between the listing and the
/// look (a journal segment a checkpoint covered) is not loose.
fn loose_paths(dir: &Path) -> Vec<String> {
    let mut loose = Vec::new();
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return loose;
    };
    let mode = meta.permissions().mode();
    if mode & 0o077 != 0 {
        loose.push(format!("{} {:o}", dir.display(), mode & 0o777));
    }
    if meta.is_dir() {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return loose;
        };
        for entry in entries.flatten() {
            loose.extend(loose_paths(&entry.path()));
        }
    }
    loose
}

/// The real binary with `args`, the data folder and a umask of 000.
fn cli_umask_000(args: &[&str], data: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_opop-bot"));
    cmd.args(args)
        .env("OPOP_DATA_DIR", data)
        .env_remove("OPOP_CONFIG")
        .stdin(Stdio::null());
    // SAFETY: umask is async-signal-safe.
    unsafe {
        cmd.pre_exec(|| {
            libc::umask(0);
            Ok(())
        });
    }
    cmd.output().unwrap()
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

#[tokio::test(flavor = "multi_thread")]
async fn under_umask_000_nothing_the_bot_writes_is_readable_by_others() {
    let f = fake();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let _bot = start_bot_with(&f, &data, &[], |cmd| unsafe {
        cmd.pre_exec(|| {
            libc::umask(0);
            Ok(())
        });
    });
    assert!(f.wait_for_polling(WAIT).await, "the bot polls");
    let user = TestUser::new(1501, "Siti").lang("id");
    register(&f, &user).await;
    say(&f, &user, "/produk").await;
    say(&f, &user, "Kopi Arabika Ijen").await;
    press(&f, &user, "Kopi").await;
    say(&f, &user, "Kopi arabika dari kebun santri.").await;
    let before = replies(&f, user.id).len();
    f.push_update(f.photo_update(&user, None, None));
    new_replies(&f, user.id, before, "a photo").await;
    press(&f, &user, "Selesai").await;
    // The day's automatic backup was written at start.
    assert!(
        std::fs::read_dir(data.join("backups")).unwrap().count() > 0,
        "a daily backup"
    );
    // Exports and a backup through the running bot, also under umask 000.
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o700)).unwrap();
    for args in [
        vec!["export", "--out", out.join("opop.xlsx").to_str().unwrap()],
        vec![
            "export",
            "--format",
            "csv",
            "--out",
            out.join("csv").to_str().unwrap(),
        ],
        vec![
            "backup",
            "--out",
            out.join("backup.jsonl").to_str().unwrap(),
        ],
    ] {
        let done = cli_umask_000(&args, &data);
        assert!(
            done.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&done.stderr)
        );
    }
    assert!(out.join("csv/Produk.csv").exists());
    assert_eq!(loose_paths(&data), Vec::<String>::new(), "the data folder");
    let mut outputs = loose_paths(&out);
    outputs.retain(|p| !p.starts_with(&format!("{} ", out.display())));
    assert_eq!(outputs, Vec::<String>::new(), "the exports and the backup");
}

#[tokio::test(flavor = "multi_thread")]
async fn another_user_can_neither_use_the_control_socket_nor_make_the_bot_write() {
    if !is_root() {
        eprintln!("skipped: running as another user needs root");
        return;
    }
    let f = fake();
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = dir.path().join("data");
    let _bot = start_bot(&f, &data, &[]);
    assert!(f.wait_for_polling(WAIT).await, "the bot polls");
    let socket = data.join("control.sock");
    assert!(socket.exists());
    assert_eq!(
        std::fs::metadata(&socket).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // A folder the other user (nobody, 65534) may write in.
    let theirs = tempfile::tempdir().unwrap();
    std::fs::set_permissions(theirs.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let target = theirs.path().join("stolen.jsonl");
    let as_nobody = || {
        Command::new(env!("CARGO_BIN_EXE_opop-bot"))
            .args(["backup", "--out", target.to_str().unwrap()])
            .env("OPOP_DATA_DIR", &data)
            .env_remove("OPOP_CONFIG")
            .uid(65534)
            .gid(65534)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let before = loose_paths(&data);
    let out = as_nobody();
    assert!(!out.status.success(), "the data folder keeps them out");
    assert!(!target.exists());
    // Even with the folder and the socket opened up by mistake, the bot
    // answers only its own user (SO_PEERCRED).
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&socket, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = as_nobody();
    assert!(!out.status.success(), "refused by the bot");
    assert!(!target.exists(), "nothing written for them");
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(before, Vec::<String>::new());
    // A request line without end is refused after a few kilobytes.
    {
        use std::io::{BufRead, Write};
        let mut stream = std::os::unix::net::UnixStream::connect(&socket).unwrap();
        let _ = stream.write_all(&vec![b'x'; 1 << 20]);
        let mut answer = String::new();
        std::io::BufReader::new(stream)
            .read_line(&mut answer)
            .unwrap();
        assert!(answer.contains("request longer than"), "{answer}");
    }
    // The operator's own backup still works, but never over the keyring.
    let keyring = std::fs::read(data.join("keyring.json")).unwrap();
    let out = cli_umask_000(
        &[
            "backup",
            "--out",
            data.join("keyring.json").to_str().unwrap(),
        ],
        &data,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("the data folder's own files"));
    assert_eq!(std::fs::read(data.join("keyring.json")).unwrap(), keyring);
    let mine = dir.path().join("mine.jsonl");
    let out = cli_umask_000(&["backup", "--out", mine.to_str().unwrap()], &data);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read_to_string(&mine)
            .unwrap()
            .starts_with("{\"format\"")
    );
}

/// A small tmpfs at `dir`, unmounted when dropped; `None` where mounting
/// is not allowed (not root, or no mount namespace to do it in).
struct Tmpfs(std::path::PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).ok()?;
        if std::env::var_os("TEST_NO_TMPFS").is_some() {
            return None;
        }
        let ok = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Tmpfs(dir.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Fills the disk holding `dir` with a file `name`.
fn fill_disk(dir: &Path) -> std::path::PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut file = std::fs::File::create(&path).unwrap();
    let block = vec![0u8; 1 << 16];
    while file.write_all(&block).is_ok() {}
    let _ = file.sync_all();
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_disk_stops_the_bot_with_one_line_and_it_goes_on_afterwards() {
    let f = fake();
    let dir = tempfile::tempdir().unwrap();
    // The data folder on a small tmpfs where the test may mount one; else
    // the flush failure is injected (OPOP_FAULT).
    let disk = Tmpfs::mount(&dir.path().join("disk"), "24m");
    let data = dir.path().join("disk/data");
    let full = dir.path().join("FULL");
    let fault = format!("disk-full:{}", full.display());
    let extra: Vec<(&str, &str)> = match &disk {
        Some(_) => Vec::new(),
        None => {
            eprintln!("no tmpfs here: the full disk is injected");
            vec![("OPOP_FAULT", fault.as_str())]
        }
    };
    let mut bot = start_bot_with(&f, &data, &extra, |cmd| {
        cmd.stderr(Stdio::piped());
    });
    assert!(f.wait_for_polling(WAIT).await, "the bot polls");
    let user = TestUser::new(1502, "Rina").lang("id");
    let t = say(&f, &user, "/bantuan").await;
    assert!(t.contains("Perintah yang tersedia"), "{t}");
    let filler = match &disk {
        Some(_) => Some(fill_disk(&dir.path().join("disk"))),
        None => {
            std::fs::write(&full, b"").unwrap();
            None
        }
    };
    let update = f.push_update(f.text_update(&user, "/menu"));
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = bot.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the bot keeps running on a full disk"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(!status.success(), "a non-zero exit, so systemd restarts it");
    let mut said = String::new();
    std::io::Read::read_to_string(&mut bot.0.stderr.take().unwrap(), &mut said).unwrap();
    let lines: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("cannot be written"))
        .collect();
    assert_eq!(lines.len(), 1, "one line says it: {said}");
    assert!(lines[0].contains("free space"), "what to do: {said}");
    assert!(said.lines().count() < 20, "no flood of errors: {said}");
    // The update may have been stored and confirmed before the failing
    // flush: then the inbox holds it; else Telegram delivers it again.
    let _ = update;
    // Space again: the next start answers the message, once.
    match filler {
        Some(path) => std::fs::remove_file(path).unwrap(),
        None => std::fs::remove_file(&full).unwrap(),
    }
    let before = replies(&f, user.id).len();
    drop(bot);
    let _bot = start_bot(&f, &data, &[]);
    let t = new_replies(&f, user.id, before, "/menu after the restart").await;
    assert!(t.contains("Menu utama"), "{t}");
    assert_eq!(replies(&f, user.id).len(), before + 1, "answered once");
}

const ADMIN: i64 = 9301;

/// Says `text` in the group; returns the bot's new replies there.
async fn say_in(
    f: &super::support::fake_bot_api::FakeBotApi,
    group: &super::support::fake_bot_api::TestChat,
    user: &TestUser,
    text: &str,
) -> String {
    let before = replies(f, group.id).len();
    f.push_update(f.group_text_update(group, user, text));
    new_replies(f, group.id, before, text).await
}

/// A manager's question the FAQ does not know, handed to the staff.
async fn ask_the_staff(f: &super::support::fake_bot_api::FakeBotApi, user: &TestUser, q: &str) {
    say(f, user, q).await;
    let t = press(f, user, "Tanya petugas").await;
    assert!(t.contains("QST-"), "{t}");
}

/// Texts of the messages the bot sent to `chat`.
fn texts_to(f: &super::support::fake_bot_api::FakeBotApi, chat: i64) -> Vec<String> {
    f.sent_to(chat)
        .iter()
        .filter_map(|m| m.plain_text.clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_staff_group_upgraded_to_a_supergroup_is_followed() {
    use super::support::fake_bot_api::TestChat;
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let (old, new) = (-4_001, -1_004_001);
    let bot = start_bot(
        &f,
        data.path(),
        &[
            ("OPOP_ADMINS", &ADMIN.to_string()),
            ("OPOP_STAFF_CHAT", &old.to_string()),
        ],
    );
    assert!(f.wait_for_polling(WAIT).await, "the bot polls");
    f.add_chat(TestChat::supergroup(new, "Sekretariat OPOP").to_json());
    f.migrate_chat(old, new);
    let manager = TestUser::new(1601, "Rina").lang("id");
    ask_the_staff(&f, &manager, "cuaca besok bagaimana ya").await;
    let notice = f
        .wait_for(
            |f| texts_to(f, new).into_iter().find(|t| t.contains("QST-")),
            WAIT,
        )
        .await
        .expect("the notice reached the supergroup");
    assert!(notice.contains("cuaca besok"), "{notice}");
    let told = f
        .wait_for(
            |f| {
                texts_to(f, ADMIN)
                    .into_iter()
                    .find(|t| t.contains("supergrup"))
            },
            WAIT,
        )
        .await
        .expect("the admin was told");
    assert!(told.contains(&new.to_string()), "{told}");
    // After a restart (OPOP_STAFF_CHAT still names the old group) notices
    // go straight to the supergroup.
    drop(bot);
    let refused_before = f.calls("sendMessage").iter().filter(|c| !c.is_ok()).count();
    let _bot = start_bot(
        &f,
        data.path(),
        &[
            ("OPOP_ADMINS", &ADMIN.to_string()),
            ("OPOP_STAFF_CHAT", &old.to_string()),
        ],
    );
    assert!(f.wait_for_polling(WAIT).await);
    ask_the_staff(&f, &manager, "jadwal pasar malam kapan").await;
    f.wait_for(
        |f| {
            texts_to(f, new)
                .into_iter()
                .find(|t| t.contains("pasar malam"))
        },
        WAIT,
    )
    .await
    .expect("the second notice reached the supergroup");
    let refused_after = f.calls("sendMessage").iter().filter(|c| !c.is_ok()).count();
    assert_eq!(refused_before, refused_after, "nothing sent to the old id");
}

#[tokio::test(flavor = "multi_thread")]
async fn notices_are_kept_when_the_bot_is_removed_from_the_staff_group() {
    use super::support::fake_bot_api::TestChat;
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let _bot = start_bot(&f, data.path(), &[("OPOP_ADMINS", &ADMIN.to_string())]);
    assert!(f.wait_for_polling(WAIT).await, "the bot polls");
    let admin = TestUser::new(ADMIN, "Admin").lang("id");
    let first = TestChat::supergroup(-1_004_002, "Sekretariat lama");
    let second = TestChat::supergroup(-1_004_003, "Sekretariat baru");
    let t = say_in(&f, &first, &admin, "/grupstaf").await;
    assert!(t.contains("grup petugas OPOP"), "{t}");
    // The bot is removed from the group: Telegram says so, and refuses sends.
    f.block_chat(first.id);
    f.push_update(f.group_my_chat_member_update(&first, &admin, "member", "left"));
    let manager = TestUser::new(1602, "Sari").lang("id");
    ask_the_staff(&f, &manager, "cuaca besok bagaimana ya").await;
    let told = f
        .wait_for(
            |f| {
                texts_to(f, ADMIN)
                    .into_iter()
                    .find(|t| t.contains("dikeluarkan"))
            },
            WAIT,
        )
        .await
        .expect("the admin was told privately");
    assert!(told.contains("/grupstaf"), "what to do: {told}");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let told_times = texts_to(&f, ADMIN)
        .iter()
        .filter(|t| t.contains("dikeluarkan"))
        .count();
    assert_eq!(told_times, 1, "told once");
    // A new staff group: the kept notice goes there.
    let t = say_in(&f, &second, &admin, "/grupstaf").await;
    assert!(t.contains("grup petugas OPOP"), "{t}");
    let notice = f
        .wait_for(
            |f| {
                texts_to(f, second.id)
                    .into_iter()
                    .find(|t| t.contains("QST-"))
            },
            WAIT,
        )
        .await
        .expect("the kept notice reached the new staff group");
    assert!(notice.contains("cuaca besok"), "{notice}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_erasure_reaches_the_notices_already_in_the_staff_group() {
    use super::support::fake_bot_api::TestChat;
    const STAFF: i64 = 9302;
    let f = fake();
    let data = tempfile::tempdir().unwrap();
    let _bot = start_bot(
        &f,
        data.path(),
        &[
            ("OPOP_ADMINS", &ADMIN.to_string()),
            ("OPOP_STAFF", &STAFF.to_string()),
        ],
    );
    assert!(f.wait_for_polling(WAIT).await, "the bot polls");
    let admin = TestUser::new(ADMIN, "Admin").lang("id");
    let budi = TestUser::new(STAFF, "Budi").lang("id");
    let group = TestChat::supergroup(-1_004_010, "Sekretariat OPOP");
    say_in(&f, &group, &admin, "/grupstaf").await;
    let siti = TestUser::new(1603, "Siti").lang("id").username("siti_pp");
    register(&f, &siti).await;
    say(&f, &siti, "/produk").await;
    say(&f, &siti, "Kopi Arabika Ijen").await;
    press(&f, &siti, "Kopi").await;
    say(&f, &siti, "Kopi arabika dari kebun santri.").await;
    let before = replies(&f, siti.id).len();
    f.push_update(f.photo_update(&siti, None, Some("kopi")));
    f.push_update(f.photo_update(&siti, None, Some("kopi")));
    new_replies(&f, siti.id, before, "album").await;
    press(&f, &siti, "Selesai").await;
    say(&f, &siti, "25rb").await;
    say(&f, &siti, "500").await;
    press(&f, &siti, "Halal").await;
    press(&f, &siti, "Selesai").await;
    press(&f, &siti, "Tidak").await;
    let t = press(&f, &siti, "Kirim").await;
    let number = format!("PRD-{}-00001", this_year());
    assert!(t.contains(&number), "{t}");
    ask_the_staff(&f, &siti, "cuaca besok bagaimana ya").await;
    // The group holds the album, the notices and an export.
    let personal =
        |t: &str| t.contains("Ahmad Fauzi") || t.contains("siti_pp") || t.contains("6281234567890");
    f.wait_for(
        |f| (texts_to(f, group.id).iter().filter(|t| personal(t)).count() >= 2).then_some(()),
        WAIT,
    )
    .await
    .expect("two notices with the submitter");
    say_in(&f, &group, &budi, "/ekspor").await;
    let export = f
        .wait_for(
            |f| {
                f.sent_to(group.id)
                    .into_iter()
                    .find(|m| m.method == "sendDocument")
            },
            WAIT,
        )
        .await
        .expect("the workbook");
    let album: Vec<_> = f
        .sent_to(group.id)
        .into_iter()
        .filter(|m| m.method == "sendMediaGroup")
        .collect();
    assert_eq!(album.len(), 2);

    say(&f, &siti, "/hapusdata").await;
    press(&f, &siti, "Ya, hapus").await;
    let notice = f
        .wait_for(
            |f| {
                texts_to(f, group.id)
                    .into_iter()
                    .find(|t| t.contains("menghapus data pribadinya"))
            },
            WAIT,
        )
        .await
        .expect("the staff's erasure notice");
    assert!(notice.contains(&number), "every ticket named: {notice}");
    assert!(
        notice.contains(&format!("QST-{}-00001", this_year())),
        "{notice}"
    );
    // Every copy in the group now reads as erased, photos and the export gone.
    f.wait_for(
        |f| {
            let gone = album
                .iter()
                .chain([&export])
                .all(|m| f.is_deleted(m.chat_id, m.message_id));
            let left: Vec<String> = f
                .sent_to(group.id)
                .iter()
                .filter_map(|m| f.message(m.chat_id, m.message_id))
                .filter_map(|m| m["text"].as_str().map(str::to_string))
                .filter(|t| personal(t))
                .collect();
            (gone && left.is_empty()).then_some(())
        },
        WAIT,
    )
    .await
    .expect("no personal data left in the staff group");
    let erased: Vec<String> = f
        .sent_to(group.id)
        .iter()
        .filter_map(|m| f.message(m.chat_id, m.message_id))
        .filter_map(|m| m["text"].as_str().map(str::to_string))
        .filter(|t| t.contains("data pribadi pengirim telah dihapus"))
        .collect();
    assert_eq!(erased.len(), 2, "both notices edited: {erased:?}");
}
