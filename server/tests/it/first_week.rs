//! The shared first-week patterns (#14): feedback where the eye is, the
//! return to the asked-for page, and what was typed surviving a sign-in.

use crate::helpers::*;

const EMAIL: &str = "greta@kommun.se";
const PASSWORD: &str = "en lång mening om vintern";
const ACCOUNT_PAGE: &str = "http://localhost:3000/konto";
const HOUR_MS: i64 = 3_600_000;

/// A form post from a browser without JavaScript, on the account page.
async fn post_from_account_page(app: &TestApp, cookie: &str, path: &str, body: &str) -> Answer {
    app.post_form(
        path,
        body,
        &[
            ("cookie", cookie),
            ("accept", "text/html"),
            ("referer", ACCOUNT_PAGE),
        ],
    )
    .await
}

/// Signs in through the form, as the sign-in page sends it, and returns
/// the session cookie and where the browser is sent.
async fn sign_in_to(
    app: &TestApp,
    email: &str,
    till: &str,
    extra_cookie: &str,
) -> (String, String) {
    let mut headers = vec![
        ("accept", "text/html"),
        ("referer", "http://localhost:3000/konto/logga-in"),
    ];
    if !extra_cookie.is_empty() {
        headers.push(("cookie", extra_cookie));
    }
    let res = app
        .post_form(
            "/api/accounts/sign-in",
            &form(&[("email", email), ("password", PASSWORD), ("till", till)]),
            &headers,
        )
        .await;
    let cookie = res.cookie("samrad_session").expect("signed in");
    (cookie, res.header("location").to_string())
}

db_test!(
    a_refused_form_opens_at_its_focused_summary_with_fel_first_in_the_title,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        let res = post_from_account_page(
            &app,
            &cookie,
            "/api/accounts/update-profile",
            &form(&[("name", " "), ("title", "Upphandlare"), ("language", "sv")]),
        )
        .await;
        let location = res.header("location");
        assert!(location.ends_with("#error-summary"), "{location}");
        let page = app
            .get_as(&cookie, location.split('#').next().unwrap())
            .await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("<title>Fel: Mitt konto"),
            "the title says Fel: first"
        );
        let summary = page
            .body
            .split("id=\"error-summary\"")
            .next()
            .and_then(|before| before.rsplit('<').next())
            .expect("a summary");
        assert!(summary.starts_with("div"), "{summary}");
        assert!(page.body.contains("autofocus"), "the summary takes focus");
        assert!(
            page.body.contains("href=\"#field-name\""),
            "it links to the field"
        );
        assert!(
            page.body.contains("id=\"field-name\"")
                && page.body.contains("aria-describedby=\"field-name-error\"")
                && page.body.contains("id=\"field-name-error\""),
            "the field carries its message"
        );
        assert!(
            page.body.contains("value=\"Upphandlare\""),
            "what was typed is back"
        );

        let plain = app.get_as(&cookie, "/konto").await;
        assert!(
            plain.body.contains("<title>Mitt konto"),
            "no Fel: without a refusal"
        );
    }
);

db_test!(
    signing_in_returns_to_the_page_asked_for_and_only_to_this_site,
    |app| {
        app.verified_user(EMAIL, PASSWORD).await;
        let asked = app.get("/natverk/mina?sida=2").await;
        assert_eq!(
            asked.header("location"),
            "/konto/logga-in?till=%2Fnatverk%2Fmina%3Fsida%3D2"
        );
        let page = app
            .get("/konto/logga-in?till=%2Fnatverk%2Fmina%3Fsida%3D2")
            .await;
        assert!(page
            .body
            .contains("name=\"till\" value=\"/natverk/mina?sida=2\""));
        assert!(page
            .body
            .contains("Logga in för att komma till sidan du öppnade."));

        let (_, location) = sign_in_to(&app, EMAIL, "/natverk/mina?sida=2", "").await;
        assert_eq!(location, "/natverk/mina?sida=2");
        for foreign in [
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "",
        ] {
            let (_, location) = sign_in_to(&app, EMAIL, foreign, "").await;
            assert_eq!(location, "/oversikt", "{foreign:?}");
        }
        let page = app.get("/konto/logga-in?till=%2F%2Fevil.example").await;
        assert!(
            !page.body.contains("name=\"till\""),
            "a foreign address is not carried on"
        );
    }
);

db_test!(
    what_was_typed_after_the_session_ended_comes_back_after_signing_in_again,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        app.clock.advance(8 * HOUR_MS + 60_000);
        let res = post_from_account_page(
            &app,
            &cookie,
            "/api/accounts/update-profile",
            &form(&[
                ("name", "Greta Gran"),
                ("title", "Strateg för inköp"),
                ("language", "sv"),
            ]),
        )
        .await;
        assert!(res.status.is_redirection(), "{}", res.status);
        assert_eq!(res.header("location"), "/konto/logga-in?till=%2Fkonto");
        let kept = res
            .cookie("samrad_kept")
            .expect("the browser holds the key");
        assert!(res.set_cookie("samrad_kept").unwrap().contains("HttpOnly"));
        let (stored,): (String,) = sqlx::query_as("SELECT error FROM form_feedback")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert!(
            !stored.contains("Greta"),
            "kept encoded, like every refused form"
        );

        let (session, location) = sign_in_to(&app, EMAIL, "/konto", &kept).await;
        assert_eq!(location, "/konto");
        let page = app.get_as(&format!("{session}; {kept}"), "/konto").await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("Det du skrev finns kvar"),
            "the form says why"
        );
        assert!(
            page.body.contains("value=\"Strateg för inköp\""),
            "{}",
            page.body
        );
        assert!(page.body.contains("value=\"Greta Gran\""));
        assert!(!page.body.contains("<title>Fel:"), "not the person's error");
        assert!(
            page.headers
                .get_all("set-cookie")
                .iter()
                .any(|c| c.to_str().unwrap().starts_with("samrad_kept=;")),
            "the key is cleared"
        );
        assert_eq!(app.count("form_feedback").await, 0, "given back once");
        let again = app.get_as(&format!("{session}; {kept}"), "/konto").await;
        assert!(!again.body.contains("Strateg för inköp"));
    }
);

db_test!(
    what_an_expired_session_sent_is_never_given_to_someone_else_nor_keeps_passwords,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        app.verified_user("hugo@kommun.se", PASSWORD).await;
        app.clock.advance(8 * HOUR_MS + 60_000);
        let res = post_from_account_page(
            &app,
            &cookie,
            "/api/accounts/change-email",
            &form(&[
                ("new_email", "greta.gran@kommun.se"),
                ("password", PASSWORD),
            ]),
        )
        .await;
        let kept = res.cookie("samrad_kept").expect("kept");
        let (stored,): (String,) = sqlx::query_as("SELECT error FROM form_feedback")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        let decoded = decode(&stored);
        assert!(decoded.contains("greta.gran@kommun.se"), "{decoded}");
        assert!(!decoded.contains(PASSWORD), "no password is kept");

        let (hugo, _) = sign_in_to(&app, "hugo@kommun.se", "/konto", &kept).await;
        let page = app.get_as(&format!("{hugo}; {kept}"), "/konto").await;
        assert!(
            !page.body.contains("greta.gran@kommun.se"),
            "another person gets nothing"
        );
        assert_eq!(app.count("form_feedback").await, 1);

        app.clock.advance(HOUR_MS + 1);
        let (greta, _) = sign_in_to(&app, EMAIL, "/konto", &kept).await;
        let page = app.get_as(&format!("{greta}; {kept}"), "/konto").await;
        assert!(
            !page.body.contains("greta.gran@kommun.se"),
            "nothing waits longer than an hour"
        );
    }
);

db_test!(a_form_sent_after_signing_out_is_not_kept, |app| {
    let cookie = app.verified_user(EMAIL, PASSWORD).await;
    let out = app.post_as(&cookie, "/api/accounts/sign-out", "").await;
    assert!(ok(&out), "{}", out.status);
    let res = post_from_account_page(
        &app,
        &cookie,
        "/api/accounts/update-profile",
        &form(&[("name", "Greta Gran"), ("title", ""), ("language", "sv")]),
    )
    .await;
    assert!(
        res.cookie("samrad_kept").is_none(),
        "a session that was ended keeps nothing"
    );
    assert_eq!(
        app.count("form_feedback").await,
        1,
        "only the ordinary refusal"
    );
});

db_test!(
    signed_in_pages_warn_before_the_idle_limit_and_the_warning_can_keep_the_session,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        let page = app.get_as(&cookie, "/konto").await;
        assert!(
            page.body.contains("SessionWarning"),
            "the warning island is on the page"
        );
        let region = page
            .body
            .split('<')
            .find(|tag| tag.contains("class=\"session-warning\""))
            .expect("the warning's region is on the page from the start");
        assert!(region.contains("aria-live=\"assertive\""), "{region}");
        let public = app.get("/").await;
        assert!(
            !public.body.contains("SessionWarning"),
            "not for the signed-out"
        );

        app.clock.advance(7 * HOUR_MS);
        let kept = app
            .post_as(&cookie, "/api/accounts/keep-signed-in", "")
            .await;
        assert!(kept.status.is_success(), "{}", kept.status);
        app.clock.advance(7 * HOUR_MS);
        assert_eq!(
            app.get_as(&cookie, "/konto").await.status,
            200,
            "still signed in"
        );
        let anonymous = app.post_form("/api/accounts/keep-signed-in", "", &[]).await;
        assert_eq!(anonymous.status, 401);
    }
);

/// A kept error as the JSON it encodes.
fn decode(stored: &str) -> String {
    use base64::Engine as _;
    let encoded = stored.replace("%3D", "=");
    let bytes = base64::engine::general_purpose::URL_SAFE
        .decode(encoded.as_bytes())
        .expect("base64");
    String::from_utf8(bytes).expect("utf-8")
}

db_test!(
    an_error_typed_into_the_address_fills_in_nothing_and_only_the_servers_key_does,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        let refused = post_from_account_page(
            &app,
            &cookie,
            "/api/accounts/update-profile",
            &form(&[
                ("name", ""),
                ("title", "Förfalskad titel"),
                ("language", "sv"),
            ]),
        )
        .await;
        assert!(refused.status.is_redirection(), "{}", refused.status);
        let (error,): (String,) = sqlx::query_as("SELECT error FROM form_feedback")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        for name in ["__err", "%5F%5Ferr", "%5f_err"] {
            let crafted = app
                .get_as(
                    &cookie,
                    &format!("/konto?__path=/api/accounts/update-profile&{name}={error}"),
                )
                .await;
            assert!(
                !crafted.body.contains("Förfalskad titel"),
                "a link with {name} must not fill in the form"
            );
        }
        let back = refused
            .header("location")
            .split('#')
            .next()
            .unwrap()
            .to_string();
        let page = app.get_as(&cookie, &back).await;
        assert!(
            page.body.contains("Förfalskad titel"),
            "the server's own key brings the values back"
        );
    }
);

db_test!(
    values_kept_for_after_sign_in_are_not_read_through_the_refused_form_key,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        app.clock.advance(9 * HOUR_MS);
        let res = post_from_account_page(
            &app,
            &cookie,
            "/api/accounts/update-profile",
            &form(&[
                ("name", "Greta Gran"),
                ("title", "Hemlig titel"),
                ("language", "sv"),
            ]),
        )
        .await;
        let kept = res
            .cookie("samrad_kept")
            .expect("the values are kept for after sign-in");
        let key = kept
            .split('=')
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_string();
        let stranger = app
            .get(&format!(
                "/konto/logga-in?__fb={key}&__path=/api/accounts/update-profile"
            ))
            .await;
        assert!(
            !stranger.body.contains("Hemlig titel"),
            "a kept form is only for its own account"
        );
        assert_eq!(
            app.count("form_feedback").await,
            1,
            "and it is still there for them"
        );
    }
);
