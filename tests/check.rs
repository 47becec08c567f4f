//! `opop-bot check` on the shipped content and on broken copies: each
//! problem class is reported with its file and line, and the exit code is 1.

use std::path::Path;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_opop-bot"))
}

mod common;

use common::copy_dir;

/// A copy of the shipped content to break.
fn content_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&root.join("dialogs"), &dir.path().join("dialogs"));
    copy_dir(&root.join("locales"), &dir.path().join("locales"));
    dir
}

fn run_check(dir: &Path) -> (i32, String) {
    let out = bin()
        .arg("check")
        .arg("--dialogs")
        .arg(dir.join("dialogs"))
        .arg("--locales")
        .arg(dir.join("locales"))
        .env_remove("OPOP_CONFIG")
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn line_of(path: &Path, needle: &str) -> usize {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap()
        + 1
}

#[test]
fn shipped_content_passes() {
    let out = bin()
        .arg("check")
        .env_remove("OPOP_CONFIG")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.starts_with("ok:"), "{stdout}");
}

#[test]
fn an_unknown_step_reference_is_reported_at_its_line() {
    let dir = content_copy();
    let file = dir.path().join("dialogs/product.toml");
    edit(
        &file,
        "when = { step = \"export\"",
        "when = { step = \"exprot\"",
    );
    let line = line_of(&file, "exprot");
    let (code, out) = run_check(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "product.toml:{line}: `when` refers to `exprot`, which is not an earlier step"
        )),
        "{out}"
    );
}

#[test]
fn a_regex_that_does_not_compile_is_reported_at_its_line() {
    let dir = content_copy();
    let file = dir.path().join("dialogs/register.toml");
    edit(
        &file,
        "pattern = '^[0-9]{8,20}$'",
        "pattern = '^[0-9]{8,20$'",
    );
    let line = line_of(&file, "{8,20$");
    let (code, out) = run_check(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("register.toml:{line}: pattern does not compile")),
        "{out}"
    );
}

#[test]
fn a_message_missing_from_a_locale_is_reported_where_it_is_used() {
    let dir = content_copy();
    let file = dir.path().join("locales/en/dialogs.ftl");
    edit(&file, "product-price-label =", "product-price-label-typo =");
    let dialog = dir.path().join("dialogs/product.toml");
    let line = line_of(&dialog, "id = \"price\"");
    let (code, out) = run_check(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "product.toml:{line}: message `product-price-label` is missing from locales/en"
        )),
        "{out}"
    );
    assert!(
        out.contains("message `product-price-label-typo` has no id version"),
        "{out}"
    );
}

#[test]
fn a_code_message_missing_is_reported() {
    let dir = content_copy();
    edit(
        &dir.path().join("locales/id/main.ftl"),
        "button-stale =",
        "# button-stale =",
    );
    let (code, out) = run_check(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains("src/i18n/ids.rs:1: message `button-stale` is missing from locales/id"),
        "{out}"
    );
}

#[test]
fn fluent_syntax_errors_are_reported_at_their_line() {
    let dir = content_copy();
    let file = dir.path().join("locales/id/main.ftl");
    edit(&file, "nothing-to-cancel = ", "nothing-to-cancel = { $oops");
    let line = line_of(&file, "{ $oops");
    let (code, out) = run_check(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("main.ftl:{line}: Fluent syntax error")),
        "{out}"
    );
}

#[test]
fn a_variable_the_code_does_not_pass_is_reported() {
    let dir = content_copy();
    let file = dir.path().join("locales/en/main.ftl");
    edit(
        &file,
        "nothing-to-cancel = ",
        "nothing-to-cancel = { $form } ",
    );
    let line = line_of(&file, "nothing-to-cancel =");
    let (code, out) = run_check(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "main.ftl:{line}: message `nothing-to-cancel` uses $form, which the code does not pass"
        )),
        "{out}"
    );
}

#[test]
fn invalid_telegram_html_is_reported() {
    let dir = content_copy();
    let file = dir.path().join("locales/id/main.ftl");
    edit(
        &file,
        "button-menu = 🏠 Menu",
        "button-menu = 🏠 Menu & <div>x</div>",
    );
    let line = line_of(&file, "button-menu =");
    let (code, out) = run_check(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "main.ftl:{line}: message `button-menu`: a bare '&'"
        )),
        "{out}"
    );
}

#[test]
fn an_unknown_input_kind_is_reported() {
    let dir = content_copy();
    let file = dir.path().join("dialogs/mentoring.toml");
    edit(&file, "kind = \"text\"", "kind = \"essay\"");
    let line = line_of(&file, "essay");
    let (code, out) = run_check(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("mentoring.toml:{line}: unknown kind `essay`")),
        "{out}"
    );
}

#[test]
fn a_dialog_claiming_a_built_in_command_is_reported() {
    let dir = content_copy();
    let file = dir.path().join("dialogs/mentoring.toml");
    edit(
        &file,
        "commands = [\"pendampingan\", \"mentoring\"]",
        "commands = [\"pendampingan\", \"status\"]",
    );
    let line = line_of(&file, "commands =");
    let (code, out) = run_check(dir.path());
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "mentoring.toml:{line}: command `status` is already a built-in command"
        )),
        "{out}"
    );
}
