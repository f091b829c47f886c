//! Two-step verification: set-up, sign-in with a code or a recovery code,
//! replay refused, and the switch that requires it of site admins.

use crate::helpers::{form, TestApp};
use app::accounts::totp;

const PASSWORD: &str = "gröna äpplen i november";
const EMAIL: &str = "anna.andersson@vaxjo.se";

fn code(secret: &str, offset_steps: i64) -> String {
    let step =
        app::core::clock::Clock::system().now_ms() / 1000 / totp::STEP_SECONDS + offset_steps;
    totp::code_of_step(secret, step).unwrap()
}

/// The secret shown on the set-up page.
fn secret_on(body: &str) -> Option<&str> {
    let element = body.split(r#"data-testid="totp-secret""#).nth(1)?;
    element.split('>').nth(1)?.split('<').next()
}

/// Turns two-step on for a fresh account; returns (session cookie, secret, codes).
async fn with_two_factor(app: &TestApp) -> (String, String, Vec<String>) {
    let cookie = app.verified_user(EMAIL, PASSWORD).await;
    app.post_as(
        &cookie,
        "/api/accounts/two-factor/start",
        &form(&[("enable_password", PASSWORD)]),
    )
    .await;
    let page = app.get_as(&cookie, "/konto/tvasteg").await;
    let secret = secret_on(&page.body)
        .unwrap_or_else(|| panic!("the set-up page shows the secret: {}", page.body))
        .to_string();
    let codes: Vec<String> = page
        .body
        .split("<li><code>")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 10, "ten recovery codes are shown");

    let wrong = app
        .post_as(&cookie, "/api/accounts/two-factor/confirm", "code=000000")
        .await;
    assert_eq!(wrong.status, 400);
    assert!(wrong.body.contains("wrong_code"));
    let res = app
        .post_as(
            &cookie,
            "/api/accounts/two-factor/confirm",
            &format!("code={}", code(&secret, 0)),
        )
        .await;
    assert!(
        res.status.is_success() || res.status.is_redirection(),
        "{}",
        res.body
    );
    (cookie, secret, codes)
}

async fn password_step(app: &TestApp) -> String {
    let res = app
        .post_form(
            "/api/accounts/sign-in",
            &form(&[("email", EMAIL), ("password", PASSWORD)]),
            &[],
        )
        .await;
    assert_eq!(res.header("location"), "/konto/tvasteg/verifiera");
    assert!(
        res.cookie("samrad_session").is_none(),
        "no session before the code"
    );
    res.cookie("samrad_mfa").expect("a challenge cookie")
}

db_test!(
    with_two_step_on_a_sign_in_needs_a_code_that_works_once,
    |app| {
        let (_, secret, _) = with_two_factor(&app).await;
        let challenge = password_step(&app).await;

        // The step used to confirm the set-up cannot sign in again.
        let replay = app
            .post_as(
                &challenge,
                "/api/accounts/two-factor/verify",
                &format!("code={}", code(&secret, 0)),
            )
            .await;
        assert_eq!(replay.status, 400, "{}", replay.body);
        let res = app
            .post_as(
                &challenge,
                "/api/accounts/two-factor/verify",
                &format!("code={}", code(&secret, 1)),
            )
            .await;
        let session = res
            .cookie("samrad_session")
            .unwrap_or_else(|| panic!("{}", res.body));
        assert_eq!(app.get_as(&session, "/konto").await.status, 200);

        let used = app
            .post_as(
                &challenge,
                "/api/accounts/two-factor/verify",
                &format!("code={}", code(&secret, 1)),
            )
            .await;
        assert_eq!(used.status, 400, "the challenge is spent");
    }
);

db_test!(a_recovery_code_signs_in_once, |app| {
    let (_, _, codes) = with_two_factor(&app).await;
    let challenge = password_step(&app).await;
    let res = app
        .post_as(
            &challenge,
            "/api/accounts/two-factor/verify",
            &form(&[("code", &codes[3].to_uppercase())]),
        )
        .await;
    assert!(res.cookie("samrad_session").is_some(), "{}", res.body);

    let challenge = password_step(&app).await;
    let again = app
        .post_as(
            &challenge,
            "/api/accounts/two-factor/verify",
            &form(&[("code", &codes[3])]),
        )
        .await;
    assert_eq!(again.status, 400);
    assert!(again.body.contains("wrong_code"));
});

db_test!(wrong_codes_count_towards_the_lockout, |app| {
    with_two_factor(&app).await;
    let challenge = password_step(&app).await;
    for _ in 0..5 {
        let res = app
            .post_as(&challenge, "/api/accounts/two-factor/verify", "code=123456")
            .await;
        assert_eq!(res.status, 400);
    }
    let res = app
        .post_as(&challenge, "/api/accounts/two-factor/verify", "code=654321")
        .await;
    assert_eq!(res.status, 429);
    assert!(res.body.contains("account_locked"));
});

db_test!(turning_two_step_off_needs_the_password, |app| {
    let (cookie, _, _) = with_two_factor(&app).await;
    let wrong = app
        .post_as(
            &cookie,
            "/api/accounts/two-factor/disable",
            "disable_password=fel",
        )
        .await;
    assert_eq!(wrong.status, 400);
    let res = app
        .post_as(
            &cookie,
            "/api/accounts/two-factor/disable",
            &form(&[("disable_password", PASSWORD)]),
        )
        .await;
    assert!(res.status.is_success() || res.status.is_redirection());
    assert!(
        app.sign_in(EMAIL, PASSWORD).await.is_ok(),
        "no code asked any more"
    );
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_required_an_admin_without_two_step_has_no_admin_rights_until_it_is_on() {
    let app = TestApp::spawn_with(app::db::Engine::Sqlite, |c| {
        c.sessions.admin_requires_two_factor = true
    })
    .await
    .unwrap();
    let hash = app::accounts::password::hash(PASSWORD.into())
        .await
        .unwrap();
    let email = app::accounts::Email::parse(EMAIL).unwrap();
    app::accounts::store::create_site_admin(&app.db, &email, "Admin", &hash)
        .await
        .unwrap();
    let cookie = app.sign_in(EMAIL, PASSWORD).await.unwrap();
    let page = app.get_as(&cookie, "/konto").await;
    assert!(page
        .body
        .contains("Som webbplatsadministratör måste du slå på tvåstegsverifiering"));

    app.post_as(
        &cookie,
        "/api/accounts/two-factor/start",
        &form(&[("enable_password", PASSWORD)]),
    )
    .await;
    let setup = app.get_as(&cookie, "/konto/tvasteg").await;
    let secret = secret_on(&setup.body).unwrap().to_string();
    app.post_as(
        &cookie,
        "/api/accounts/two-factor/confirm",
        &format!("code={}", code(&secret, 0)),
    )
    .await;
    let page = app.get_as(&cookie, "/konto").await;
    assert!(!page.body.contains("Som webbplatsadministratör måste"));
}
