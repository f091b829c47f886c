//! Accounts through the router: sign-up, verification, sign-in, lockout,
//! sessions, reset, change of password and email, my data, deletion.

use crate::helpers::{form, TestApp};

const PASSWORD: &str = "gröna äpplen i november";
const EMAIL: &str = "anna.andersson@vaxjo.se";

fn ok(res: &crate::helpers::Answer) -> bool {
    res.status.is_success() || res.status.is_redirection()
}

fn error_kind(res: &crate::helpers::Answer) -> String {
    let json: serde_json::Value = serde_json::from_str(&res.body).unwrap_or_default();
    json["error"].as_str().unwrap_or_default().to_string()
}

async fn verified_at(app: &TestApp, email: &str) -> Option<i64> {
    let (at,): (Option<i64>,) =
        sqlx::query_as("SELECT email_verified_at FROM accounts WHERE email = $1")
            .bind(email)
            .fetch_one(app.db.pool())
            .await
            .unwrap();
    at
}

db_test!(
    signing_up_mails_a_link_that_verifies_the_address_once,
    |app| {
        let res = app
            .sign_up("Anna Andersson", "Anna.Andersson@Vaxjo.se", PASSWORD)
            .await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(
            res.header("location"),
            "/konto/skapa?skickat=1#konto-skapat"
        );
        assert_eq!(verified_at(&app, EMAIL).await, None);
        let token = app.token_mailed_to(EMAIL).await;
        let verify = form(&[("token", &token)]);
        let res = app
            .post_form("/api/accounts/verify-email", &verify, &[])
            .await;
        assert!(ok(&res), "{}", res.body);
        assert!(verified_at(&app, EMAIL).await.is_some());
        assert_eq!(res.header("location"), "/konto/verifiera?klart=1#bekraftad");
        // The next step: joining or registering one's organisation.
        let done = app.get("/konto/verifiera?klart=1").await;
        assert!(done.body.contains(r#"id="bekraftad""#));
        assert!(
            done.body.contains(r#"href="/organisationer/ny#sok""#),
            "{}",
            done.body
        );
        assert!(done
            .body
            .contains(r#"href="/organisationer/ny#registrera""#));

        let again = app
            .post_form("/api/accounts/verify-email", &verify, &[])
            .await;
        assert_eq!(again.status, 400);
        assert_eq!(error_kind(&again), "invalid_token");
    }
);

db_test!(an_expired_verification_link_is_refused, |app| {
    app.sign_up("Anna Andersson", EMAIL, PASSWORD).await;
    let token = app.token_mailed_to(EMAIL).await;
    sqlx::query("UPDATE email_tokens SET expires_at = $1")
        .bind(app::core::clock::Clock::system().now_ms() - 1)
        .execute(app.db.pool())
        .await
        .unwrap();
    let res = app
        .post_form(
            "/api/accounts/verify-email",
            &form(&[("token", &token)]),
            &[],
        )
        .await;
    assert_eq!(error_kind(&res), "invalid_token");
    assert_eq!(verified_at(&app, EMAIL).await, None);
});

db_test!(
    weak_passwords_are_refused_per_field_and_nothing_is_saved,
    |app| {
        for (password, problem) in [
            ("kort", "too_short"),
            ("Password1234", "common_password"),
            ("anna.andersson är jag", "password_contains_email"),
        ] {
            let res = app.sign_up("Anna", EMAIL, password).await;
            assert_eq!(res.status, 400, "{password}");
            let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
            assert_eq!(json["fields"][0]["field"], "password");
            assert_eq!(json["fields"][0]["problem"]["problem"], problem);
            assert!(!res.body.contains(password), "the password is never echoed");
        }
        let res = app.sign_up("", "inte-en-adress", PASSWORD).await;
        let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
        let fields: Vec<_> = json["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["name", "email"]);
        assert_eq!(app.count("accounts").await, 0);
        assert_eq!(app.count("outbox").await, 0);
    }
);

db_test!(
    signing_up_with_a_taken_address_answers_the_same_and_tells_the_owner,
    |app| {
        let first = app.sign_up("Anna", EMAIL, PASSWORD).await;
        let second = app
            .sign_up("Någon annan", EMAIL, "ett helt annat lösenord")
            .await;
        assert_eq!(
            (first.status, first.header("location")),
            (second.status, second.header("location"))
        );
        assert_eq!(first.body, second.body);
        assert_eq!(app.count("accounts").await, 1);
        let mails = app.mails_to(EMAIL).await;
        assert_eq!(mails.len(), 2);
        assert!(mails[0].1.contains("glomt-losenord"), "{}", mails[0].1);
    }
);

db_test!(
    signing_in_sets_an_http_only_lax_session_cookie_and_shows_the_account,
    |app| {
        app.sign_up("Anna Andersson", EMAIL, PASSWORD).await;
        let res = app
            .post_form(
                "/api/accounts/sign-in",
                &form(&[("email", EMAIL), ("password", PASSWORD)]),
                &[],
            )
            .await;
        let cookie = res.set_cookie("samrad_session").expect("a session cookie");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        assert!(!cookie.contains("Secure"), "plain http in tests: {cookie}");
        let token = cookie
            .split(';')
            .next()
            .unwrap()
            .trim_start_matches("samrad_session=");
        assert!(token.len() >= 43, "256 bits, base64url");
        let (stored,): (String,) = sqlx::query_as("SELECT token_hash FROM sessions")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert_ne!(stored, token, "only a hash of the token is stored");

        let page = app
            .get_as(cookie.split(';').next().unwrap(), "/konto")
            .await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("Mitt konto") && page.body.contains(EMAIL));
        assert!(page.body.contains("Din e-postadress är inte bekräftad än"));
        assert_eq!(
            app.get("/konto").await.header("location"),
            "/konto/logga-in?till=%2Fkonto"
        );
    }
);

db_test!(each_sign_in_gets_a_new_token, |app| {
    let first = app.verified_user(EMAIL, PASSWORD).await;
    let second = app.sign_in(EMAIL, PASSWORD).await.unwrap();
    assert_ne!(first, second);
    assert_eq!(app.count("sessions").await, 2);
});

db_test!(
    an_unknown_email_and_a_wrong_password_get_the_same_answer,
    |app| {
        app.sign_up("Anna", EMAIL, PASSWORD).await;
        let wrong = app
            .sign_in(EMAIL, "fel lösenord helt och hållet")
            .await
            .unwrap_err();
        let unknown = app.sign_in("ingen@kommun.se", PASSWORD).await.unwrap_err();
        assert_eq!(wrong.status, 401);
        // Each answer echoes only the address that was typed, so the form
        // comes back with it; apart from that they are the same answer.
        let body = |res: &crate::helpers::Answer, typed: &str| {
            let mut json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
            assert_eq!(json["values"], serde_json::json!([["email", typed]]));
            json.as_object_mut().unwrap().remove("values");
            json
        };
        assert_eq!(
            (wrong.status, body(&wrong, EMAIL)),
            (unknown.status, body(&unknown, "ingen@kommun.se"))
        );
        assert_eq!(error_kind(&wrong), "invalid_credentials");
        // What is not an address (a password in the wrong box) is not echoed.
        let misplaced = app
            .sign_in("mitt hemliga lösenord", PASSWORD)
            .await
            .unwrap_err();
        assert_eq!(misplaced.status, 401);
        assert!(!misplaced.body.contains("hemliga"), "{}", misplaced.body);
    }
);

db_test!(
    the_sixth_sign_in_after_five_failures_is_locked_out_and_the_owner_told,
    |app| {
        app.verified_user(EMAIL, PASSWORD).await;
        for attempt in 1..=5 {
            let res = app
                .sign_in(EMAIL, "inte rätt lösenord alls")
                .await
                .unwrap_err();
            assert_eq!(error_kind(&res), "invalid_credentials", "attempt {attempt}");
        }
        let sixth = app.sign_in(EMAIL, PASSWORD).await.unwrap_err();
        assert_eq!(sixth.status, 429);
        assert_eq!(error_kind(&sixth), "account_locked");
        let mails = app.mails_to(EMAIL).await;
        assert!(mails[0].0.contains("låst"), "{:?}", mails[0]);

        // The window passes: the account opens again.
        sqlx::query("UPDATE auth_events SET at = at - $1")
            .bind(16 * 60 * 1000_i64)
            .execute(app.db.pool())
            .await
            .unwrap();
        assert!(app.sign_in(EMAIL, PASSWORD).await.is_ok());
    }
);

db_test!(a_revoked_session_stops_working_at_once, |app| {
    let laptop = app.verified_user(EMAIL, PASSWORD).await;
    let phone = app.sign_in(EMAIL, PASSWORD).await.unwrap();
    let (phone_id,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM sessions")
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    let page = app.get_as(&laptop, "/konto").await;
    assert!(
        page.body.contains("Chrome, Linux"),
        "the session list names the browser"
    );

    let res = app
        .post_as(
            &laptop,
            "/api/accounts/end-session",
            &format!("session_id={phone_id}"),
        )
        .await;
    assert!(ok(&res), "{}", res.body);
    assert_eq!(
        app.get_as(&phone, "/konto").await.header("location"),
        "/konto/logga-in?till=%2Fkonto"
    );
    assert_eq!(app.get_as(&laptop, "/konto").await.status, 200);

    // Nobody ends a session that is not theirs.
    let other = app.verified_user("bo@lund.se", PASSWORD).await;
    let (laptop_id,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM sessions")
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    let res = app
        .post_as(
            &other,
            "/api/accounts/end-session",
            &format!("session_id={laptop_id}"),
        )
        .await;
    assert_eq!(res.status, 404);
    assert_eq!(app.get_as(&laptop, "/konto").await.status, 200);
    let res = app
        .post_as(&other, "/api/accounts/end-session", "session_id=abc")
        .await;
    assert_eq!(res.status, 400);
});

db_test!(signing_out_deletes_the_session_on_the_server, |app| {
    let cookie = app.verified_user(EMAIL, PASSWORD).await;
    let res = app.post_as(&cookie, "/api/accounts/sign-out", "").await;
    assert!(res.header("set-cookie").contains("Max-Age=0"));
    assert_eq!(app.count("sessions").await, 0);
    assert_eq!(
        app.get_as(&cookie, "/konto").await.header("location"),
        "/konto/logga-in?till=%2Fkonto"
    );
});

db_test!(an_idle_session_expires_after_eight_hours, |app| {
    let cookie = app.verified_user(EMAIL, PASSWORD).await;
    sqlx::query("UPDATE sessions SET last_seen_at = $1")
        .bind(app::core::clock::Clock::system().now_ms() - 8 * 3_600_000 - 1)
        .execute(app.db.pool())
        .await
        .unwrap();
    assert_eq!(
        app.get_as(&cookie, "/konto").await.header("location"),
        "/konto/logga-in?till=%2Fkonto"
    );
});

db_test!(
    password_reset_answers_the_same_for_known_and_unknown_emails,
    |app| {
        app.verified_user(EMAIL, PASSWORD).await;
        let before = app.count("outbox").await;
        let known = app
            .post_form(
                "/api/accounts/forgot-password",
                &form(&[("email", EMAIL)]),
                &[],
            )
            .await;
        let unknown = app
            .post_form(
                "/api/accounts/forgot-password",
                &form(&[("email", "ingen@kommun.se")]),
                &[],
            )
            .await;
        assert_eq!(known.status, unknown.status);
        assert_eq!(known.body, unknown.body);
        assert_eq!(known.header("location"), unknown.header("location"));
        assert_eq!(
            app.count("outbox").await,
            before + 1,
            "only the real account gets a mail"
        );
    }
);

db_test!(
    a_reset_link_sets_a_new_password_once_and_ends_every_session,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        app.post_form(
            "/api/accounts/forgot-password",
            &form(&[("email", EMAIL)]),
            &[],
        )
        .await;
        let token = app.token_mailed_to(EMAIL).await;
        let weak = app
            .post_form(
                "/api/accounts/reset-password",
                &form(&[("token", &token), ("password", "kort")]),
                &[],
            )
            .await;
        assert_eq!(weak.status, 400, "a weak password does not spend the token");
        let new = "blå cyklar längs älven";
        let res = app
            .post_form(
                "/api/accounts/reset-password",
                &form(&[("token", &token), ("password", new)]),
                &[],
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(
            app.get_as(&cookie, "/konto").await.header("location"),
            "/konto/logga-in?till=%2Fkonto"
        );
        assert!(app.sign_in(EMAIL, PASSWORD).await.is_err());
        assert!(app.sign_in(EMAIL, new).await.is_ok());
        let again = app
            .post_form(
                "/api/accounts/reset-password",
                &form(&[("token", &token), ("password", "ännu ett nytt lösenord")]),
                &[],
            )
            .await;
        assert_eq!(error_kind(&again), "invalid_token");
    }
);

db_test!(an_expired_reset_link_is_refused, |app| {
    app.verified_user(EMAIL, PASSWORD).await;
    app.post_form(
        "/api/accounts/forgot-password",
        &form(&[("email", EMAIL)]),
        &[],
    )
    .await;
    let token = app.token_mailed_to(EMAIL).await;
    sqlx::query("UPDATE email_tokens SET expires_at = $1 WHERE purpose = 'reset'")
        .bind(app::core::clock::Clock::system().now_ms() - 1)
        .execute(app.db.pool())
        .await
        .unwrap();
    let res = app
        .post_form(
            "/api/accounts/reset-password",
            &form(&[("token", &token), ("password", "blå cyklar längs älven")]),
            &[],
        )
        .await;
    assert_eq!(error_kind(&res), "invalid_token");
});

db_test!(
    changing_the_password_needs_the_current_one_and_ends_the_other_sessions,
    |app| {
        let here = app.verified_user(EMAIL, PASSWORD).await;
        let elsewhere = app.sign_in(EMAIL, PASSWORD).await.unwrap();
        let new = "en ny vår i skogen";
        let wrong = app
            .post_as(
                &here,
                "/api/accounts/change-password",
                &form(&[
                    ("current_password", "fel fel fel fel"),
                    ("new_password", new),
                ]),
            )
            .await;
        assert_eq!(wrong.status, 400);
        assert!(wrong.body.contains("wrong_password"));
        let res = app
            .post_as(
                &here,
                "/api/accounts/change-password",
                &form(&[("current_password", PASSWORD), ("new_password", new)]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        assert_eq!(
            app.get_as(&here, "/konto").await.status,
            200,
            "this session stays"
        );
        assert_eq!(
            app.get_as(&elsewhere, "/konto").await.header("location"),
            "/konto/logga-in?till=%2Fkonto"
        );
        assert!(app.sign_in(EMAIL, new).await.is_ok());
    }
);

db_test!(a_new_email_address_applies_only_once_verified, |app| {
    let cookie = app.verified_user(EMAIL, PASSWORD).await;
    let new = "anna@region.se";
    let res = app
        .post_as(
            &cookie,
            "/api/accounts/change-email",
            &form(&[("new_email", new), ("password", PASSWORD)]),
        )
        .await;
    assert!(ok(&res), "{}", res.body);
    assert!(
        app.sign_in(new, PASSWORD).await.is_err(),
        "not before verification"
    );
    let token = app.token_mailed_to(new).await;
    app.post_form(
        "/api/accounts/verify-email",
        &form(&[("token", &token)]),
        &[],
    )
    .await;
    assert!(app.sign_in(new, PASSWORD).await.is_ok());
    assert!(app.sign_in(EMAIL, PASSWORD).await.is_err());
});

db_test!(
    the_profile_is_edited_with_field_messages_for_bad_input,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        let res = app
            .post_as(
                &cookie,
                "/api/accounts/update-profile",
                &form(&[("name", " "), ("title", "Upphandlare"), ("language", "fr")]),
            )
            .await;
        assert_eq!(res.status, 400);
        let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
        assert_eq!(json["fields"][0]["field"], "name");
        assert_eq!(json["fields"][1]["field"], "language");
        let res = app
            .post_as(
                &cookie,
                "/api/accounts/update-profile",
                &form(&[
                    ("name", "Anna A."),
                    ("title", "Upphandlare"),
                    ("language", "en"),
                ]),
            )
            .await;
        assert!(ok(&res));
        assert!(res.header("set-cookie").contains("samrad_lang=en"));
        let page = app.get_as(&cookie, "/konto").await;
        assert!(page.body.contains(r#"value="Upphandlare""#));
        let anonymous = app
            .post_form(
                "/api/accounts/update-profile",
                &form(&[("name", "X"), ("title", ""), ("language", "sv")]),
                &[],
            )
            .await;
        assert_eq!(anonymous.status, 401);
    }
);

db_test!(my_data_downloads_as_json_and_only_for_me, |app| {
    let cookie = app.verified_user(EMAIL, PASSWORD).await;
    let res = app.get_as(&cookie, "/konto/mina-uppgifter.json").await;
    assert_eq!(res.status, 200);
    assert!(res.header("content-disposition").contains("attachment"));
    let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(json["account"]["email"], EMAIL);
    assert_eq!(json["sessions"].as_array().unwrap().len(), 1);
    assert!(!res.body.contains("argon2"), "no password hash");
    assert_eq!(app.get("/konto/mina-uppgifter.json").await.status, 401);
});

db_test!(
    deleting_the_account_erases_personal_data_and_ends_sessions,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        let wrong = app
            .post_as(
                &cookie,
                "/api/accounts/delete",
                "confirm_password=fel&confirm=ja",
            )
            .await;
        assert_eq!(wrong.status, 400);
        let unconfirmed = app
            .post_as(
                &cookie,
                "/api/accounts/delete",
                &form(&[("confirm_password", PASSWORD)]),
            )
            .await;
        assert_eq!(unconfirmed.status, 400);
        assert!(
            unconfirmed.body.contains("not_confirmed"),
            "{}",
            unconfirmed.body
        );
        assert_eq!(app.count("sessions").await, 1, "nothing is erased");
        let page = app.get_as(&cookie, "/konto").await;
        assert!(
            page.body.contains("Ja, radera mitt konto"),
            "the confirming step"
        );
        let res = app
            .post_as(
                &cookie,
                "/api/accounts/delete",
                &form(&[("confirm_password", PASSWORD), ("confirm", "ja")]),
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let (email, name, hash, deleted): (String, String, String, Option<i64>) =
            sqlx::query_as("SELECT email, name, password_hash, deleted_at FROM accounts")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert!(!email.contains("anna") && name.is_empty() && hash.is_empty() && deleted.is_some());
        assert_eq!(app.count("sessions").await, 0);
        assert!(app.sign_in(EMAIL, PASSWORD).await.is_err());
        assert!(
            app.verified_user(EMAIL, PASSWORD)
                .await
                .contains("samrad_session="),
            "the address is free again"
        );
    }
);

db_test!(sign_ups_from_one_address_are_limited, |app| {
    for n in 0..10 {
        let res = app
            .sign_up("Anna", &format!("person{n}@kommun.se"), PASSWORD)
            .await;
        assert!(ok(&res), "{n}: {}", res.body);
    }
    let res = app.sign_up("Anna", "person10@kommun.se", PASSWORD).await;
    assert_eq!(res.status, 429);
    assert_eq!(app.count("accounts").await, 10);
});

db_test!(a_cross_site_sign_in_is_refused, |app| {
    app.verified_user(EMAIL, PASSWORD).await;
    let res = app
        .post_form(
            "/api/accounts/sign-in",
            &form(&[("email", EMAIL), ("password", PASSWORD)]),
            &[
                ("origin", "https://evil.example"),
                ("sec-fetch-site", "cross-site"),
            ],
        )
        .await;
    assert_eq!(res.status, 403);
    assert!(res.header("set-cookie").is_empty());
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_https_the_session_cookie_is_host_prefixed_and_secure() {
    let app = TestApp::spawn_at(app::db::Engine::Sqlite, "https://samrad.example.se")
        .await
        .unwrap();
    app.sign_up("Anna", EMAIL, PASSWORD).await;
    let res = app
        .post_form(
            "/api/accounts/sign-in",
            &form(&[("email", EMAIL), ("password", PASSWORD)]),
            &[("origin", "https://samrad.example.se")],
        )
        .await;
    let cookie = res
        .set_cookie("__Host-samrad_session")
        .expect("session cookie");
    assert!(cookie.starts_with("__Host-samrad_session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
}

db_test!(
    a_session_ends_at_its_absolute_expiry_however_active,
    |app| {
        let cookie = app.verified_user(EMAIL, PASSWORD).await;
        sqlx::query("UPDATE sessions SET expires_at = $1, last_seen_at = $2")
            .bind(app::core::clock::Clock::system().now_ms() - 1)
            .bind(app::core::clock::Clock::system().now_ms())
            .execute(app.db.pool())
            .await
            .unwrap();
        assert_eq!(
            app.get_as(&cookie, "/konto").await.header("location"),
            "/konto/logga-in?till=%2Fkonto"
        );
    }
);

db_test!(a_hash_with_older_parameters_is_upgraded_at_sign_in, |app| {
    use argon2::{password_hash::SaltString, Algorithm, Argon2, Params, PasswordHasher, Version};
    app.verified_user(EMAIL, PASSWORD).await;
    let old = Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(4096, 3, 1, None).unwrap(),
    );
    let salt = SaltString::encode_b64(b"saltsaltsaltsalt").unwrap();
    let old_hash = old
        .hash_password(PASSWORD.as_bytes(), &salt)
        .unwrap()
        .to_string();
    sqlx::query("UPDATE accounts SET password_hash = $1")
        .bind(&old_hash)
        .execute(app.db.pool())
        .await
        .unwrap();
    assert!(app.sign_in(EMAIL, PASSWORD).await.is_ok());
    let (stored,): (String,) = sqlx::query_as("SELECT password_hash FROM accounts")
        .fetch_one(app.db.pool())
        .await
        .unwrap();
    assert!(
        stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{stored}"
    );
    assert!(app.sign_in(EMAIL, PASSWORD).await.is_ok());
});

db_test!(no_address_serves_the_outbox, |app| {
    app.sign_up("Anna", EMAIL, PASSWORD).await;
    for path in ["/outbox", "/api/outbox", "/konto/outbox", "/admin/outbox"] {
        let res = app.get(path).await;
        assert!(
            res.status == 404 || res.status == 405,
            "{path}: {}",
            res.status
        );
        assert!(!res.body.contains("token="), "{path}");
    }
});

/// Sign-ins and reset requests from one address are counted in the
/// database and refused past the configured allowance.
async fn sign_ins_and_resets_from_one_address_are_limited(engine: app::db::Engine) {
    let Some(app) = TestApp::spawn_with(engine, |c| {
        c.ip_allowance.sign_ins_per_15_min = 3;
        c.ip_allowance.resets_per_hour = 2;
    })
    .await
    else {
        eprintln!("skipped: TEST_DATABASE_URL is not set");
        return;
    };
    app.sign_up("Anna", EMAIL, PASSWORD).await;
    for _ in 0..3 {
        assert!(app.sign_in(EMAIL, PASSWORD).await.is_ok());
    }
    let fourth = app.sign_in(EMAIL, PASSWORD).await.unwrap_err();
    assert_eq!(fourth.status, 429);
    let reset = form(&[("email", EMAIL)]);
    for _ in 0..2 {
        let res = app
            .post_form("/api/accounts/forgot-password", &reset, &[])
            .await;
        assert!(ok(&res), "{}", res.body);
    }
    let third = app
        .post_form("/api/accounts/forgot-password", &reset, &[])
        .await;
    assert_eq!(third.status, 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_ins_and_resets_from_one_address_are_limited_on_sqlite() {
    sign_ins_and_resets_from_one_address_are_limited(app::db::Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_ins_and_resets_from_one_address_are_limited_on_postgres() {
    sign_ins_and_resets_from_one_address_are_limited(app::db::Engine::Postgres).await;
}

db_test!(
    a_new_verification_link_goes_only_to_an_unverified_address,
    |app| {
        let anonymous = app
            .post_form("/api/accounts/resend-verification", "till=%2Fkonto", &[])
            .await;
        assert_eq!(anonymous.status, 401);
        app.sign_up("Anna Andersson", EMAIL, PASSWORD).await;
        let first = app.token_mailed_to(EMAIL).await;
        let cookie = app.sign_in(EMAIL, PASSWORD).await.unwrap();
        let page = app.get_as(&cookie, "/konto").await;
        assert!(page.body.contains("Skicka länken igen"), "{}", page.body);
        let res = app
            .post_as(
                &cookie,
                "/api/accounts/resend-verification",
                "till=%2Fkonto",
            )
            .await;
        assert_eq!(res.header("location"), "/konto?lank=1#verifiering-skickad");
        let second = app.token_mailed_to(EMAIL).await;
        assert_ne!(first, second, "a new link");
        let elsewhere = app
            .post_as(
                &cookie,
                "/api/accounts/resend-verification",
                "till=https%3A%2F%2Fevil.example%2F",
            )
            .await;
        assert_eq!(
            elsewhere.header("location"),
            "/konto?lank=1#verifiering-skickad"
        );
        let res = app
            .post_form(
                "/api/accounts/verify-email",
                &form(&[("token", &second)]),
                &[],
            )
            .await;
        assert!(ok(&res), "{}", res.body);
        let mails = app.mails_to(EMAIL).await.len();
        app.post_as(
            &cookie,
            "/api/accounts/resend-verification",
            "till=%2Fkonto",
        )
        .await;
        assert_eq!(
            app.mails_to(EMAIL).await.len(),
            mails,
            "nothing to a verified address"
        );
    }
);
