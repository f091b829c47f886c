//! The page shell: language, landmarks, islands, 404, security headers.

db_test!(
    the_start_page_is_swedish_by_default_with_landmarks_and_an_island,
    |app| {
        let page = app.get("/").await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains(r#"<html lang="sv""#),
            "{}",
            &page.body[..200]
        );
        assert!(page.body.contains("Hoppa till innehållet"));
        assert!(page.body.contains("<header") && page.body.contains("<nav"));
        assert!(page.body.contains(r#"<main id="main""#) && page.body.contains("<footer"));
        assert!(page.body.contains("Innovationstrappan"));
        assert!(
            page.body.contains("<leptos-island"),
            "the staircase is an island"
        );
        assert!(page.body.contains("<title>Samråd – beställarnätverk"));
    }
);

db_test!(the_language_cookie_switches_the_page_to_english, |app| {
    let page = app.get_with("/", &[("cookie", "samrad_lang=en")]).await;
    assert!(page.body.contains(r#"<html lang="en""#));
    assert!(page.body.contains("Skip to content"));
    assert!(page.body.contains("På svenska"));
});

db_test!(
    the_language_switch_sets_a_cookie_and_returns_to_the_page,
    |app| {
        let res = app
            .post_form(
                "/api/language",
                "lang=en",
                &[
                    ("accept", "text/html"),
                    ("referer", "http://localhost:3000/tillganglighet"),
                ],
            )
            .await;
        assert_eq!(res.status, 302);
        // The framework strips earlier error parameters, leaving an empty query.
        assert_eq!(
            res.header("location").trim_end_matches('?'),
            "http://localhost:3000/tillganglighet"
        );
        let cookie = res.header("set-cookie");
        assert!(cookie.starts_with("samrad_lang=en;"), "{cookie}");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
    }
);

db_test!(
    a_staircase_step_in_the_url_is_shown_without_javascript,
    |app| {
        let page = app.get("/?steg=initiera").await;
        assert!(page.body.contains("Starta forskning och utveckling"));
        assert!(!page.body.contains("Köp det som redan finns"));
    }
);

db_test!(an_unknown_address_answers_404_with_a_swedish_page, |app| {
    let page = app.get("/finns-inte").await;
    assert_eq!(page.status, 404);
    assert!(page.body.contains("Sidan finns inte"));
    assert!(page.body.contains(r#"<main id="main""#));
});

db_test!(
    pages_carry_security_headers_and_a_csp_nonce_matching_their_scripts,
    |app| {
        let page = app.get("/").await;
        assert_eq!(page.header("x-content-type-options"), "nosniff");
        assert_eq!(
            page.header("referrer-policy"),
            "strict-origin-when-cross-origin"
        );
        assert!(!page.header("x-request-id").is_empty());
        let csp = page.header("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("page CSP has a nonce");
        assert!(nonce.len() >= 16);
        assert!(page
            .body
            .contains(&format!(r#"<script type="module" nonce="{nonce}""#)));
        let other = app.get("/").await;
        assert_ne!(
            other.header("content-security-policy"),
            csp,
            "a fresh nonce per page"
        );
    }
);
