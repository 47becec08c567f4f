//! Who does not get into the desk, over plain HTTP: tampered, expired and
//! replayed launch data, a manager's valid launch data, a cookie made for
//! another bot, a form without its CSRF token, a photo without a session;
//! and a one-time login link from /meja, once.

use reqwest::StatusCode;
use reqwest::header::{COOKIE, SET_COOKIE};

use crate::support::bot::{WAIT, press, say};
use crate::support::fake_bot_api::TestUser;
use crate::{BUDI, launch, running};

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// POSTs launch data; the status, the page's text and the session cookie.
async fn sign_in(base: &str, data: &str) -> (StatusCode, String, Option<String>) {
    let body: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("init_data", data)
        .finish();
    let r = client()
        .post(format!("{base}/desk/session"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let cookie = r
        .headers()
        .get(SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_string);
    (status, r.text().await.unwrap(), cookie)
}

#[tokio::test(flavor = "multi_thread")]
async fn strangers_and_forgeries_are_refused_with_a_readable_page() {
    let r = running().await;
    let base = &r.base;

    // Tampered: the user changed after Telegram signed it.
    let tampered = launch(BUDI, "Budi", None, 10).replace("9101", "9102");
    let (status, page, cookie) = sign_in(base, &tampered).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(page.contains("Data dari Telegram tidak sah"), "{page}");
    assert!(cookie.is_none());

    // Expired: two hours old (the desk takes an hour).
    let (status, page, _) = sign_in(base, &launch(BUDI, "Budi", None, 7200)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(page.contains("Tautan sudah kedaluwarsa"), "{page}");

    // A manager's genuine launch data.
    let (status, page, _) = sign_in(base, &launch(1001, "Ahmad", None, 10)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(page.contains("Khusus petugas"), "{page}");

    // Genuine staff data: once; the same data again is a replay.
    let data = launch(BUDI, "Budi", Some("PRD-2026-00001"), 10);
    let (status, page, cookie) = sign_in(base, &data).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("/desk/ticket/PRD-2026-00001"), "{page}");
    let cookie = cookie.expect("a session cookie");
    let (status, _, _) = sign_in(base, &data).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "replayed");

    // The session works, and pages carry the security headers.
    let queue = client()
        .get(format!("{base}/desk/queue"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(queue.status(), StatusCode::OK);
    let csp = queue.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("frame-ancestors"),
        "{csp}"
    );
    let page = queue.text().await.unwrap();
    assert!(page.len() < 100_000, "a page under 100 KB: {}", page.len());

    // A cookie signed for another bot.
    let other = opop_bot::web::auth::Keys::new("654321:ANOTHERBOTTOKENanotherbottoken0");
    let forged = opop_bot::web::auth::Session::new(BUDI, i64::MAX / 2, "x").cookie(&other);
    let r2 = client()
        .get(format!("{base}/desk/queue"))
        .header(COOKIE, format!("opop_desk={forged}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r2.status(), StatusCode::UNAUTHORIZED);
    assert!(r2.text().await.unwrap().contains("Belum masuk"));

    // A form without its CSRF token.
    let post = client()
        .post(format!("{base}/desk/ticket/PRD-2026-00001"))
        .header(COOKIE, &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("action=ap&version=1")
        .send()
        .await
        .unwrap();
    assert_eq!(post.status(), StatusCode::FORBIDDEN);
    assert!(post.text().await.unwrap().contains("Formulir tidak sah"));
    let ticket = r.fake.sent_to(1001);
    assert!(
        !ticket.iter().any(|m| m
            .plain_text
            .as_deref()
            .is_some_and(|t| t.contains("disetujui"))),
        "nothing was approved"
    );

    // A photo without a session.
    let photo = client()
        .get(format!("{base}/desk/photo/PRD-2026-00001/0"))
        .send()
        .await
        .unwrap();
    assert_eq!(photo.status(), StatusCode::UNAUTHORIZED);
    let photo = client()
        .get(format!("{base}/desk/photo/PRD-2026-00001/0"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(photo.status(), StatusCode::OK);
    assert_eq!(photo.headers()["content-type"], "image/png");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_login_link_from_the_desk_command_works_once() {
    let r = running().await;
    let budi = TestUser::new(BUDI, "Budi").lang("id");
    let t = say(&r.fake, &budi, "/meja").await;
    assert!(t.contains("Meja kurasi"), "{t}");
    let message = r
        .fake
        .sent_to(BUDI)
        .into_iter()
        .rev()
        .find(|m| {
            m.plain_text
                .as_deref()
                .is_some_and(|t| t.contains("Meja kurasi"))
        })
        .expect("the /meja message");
    let markup = message.reply_markup.clone().expect("buttons");
    let rows = markup["inline_keyboard"]
        .as_array()
        .expect("an inline keyboard");
    assert_eq!(
        rows[0][0]["web_app"]["url"].as_str(),
        Some(format!("{}/desk/", r.base).as_str()),
        "{markup}"
    );
    let login = rows[1][0]["url"]
        .as_str()
        .expect("a login link")
        .to_string();
    assert!(
        login.starts_with(&format!("{}/desk/login/", r.base)),
        "{login}"
    );
    let first = client().get(&login).send().await.unwrap();
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    assert!(first.headers().contains_key(SET_COOKIE));
    let again = client().get(&login).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED, "single use");
    // The staff member's private chat got the desk as its menu button.
    let menu = r
        .fake
        .wait_for(
            |f| {
                f.calls("setChatMenuButton")
                    .into_iter()
                    .find(|c| c.chat_id == Some(BUDI))
            },
            WAIT,
        )
        .await
        .expect("setChatMenuButton for Budi");
    assert_eq!(menu.params["menu_button"]["type"], "web_app");
    let _ = press;
}
