//! The accessibility statement's problem report, and how server functions
//! answer bad input.

use base64::Engine as _;

const REFERER: &str = "http://localhost:3000/tillganglighet";

/// The error a refused form left on the server for its page: the URL
/// carries only a key to it.
async fn kept_error(app: &crate::helpers::TestApp, location: &str) -> serde_json::Value {
    assert!(!location.contains("__err"), "{location}");
    assert!(location.contains("__fb="), "{location}");
    let (encoded,): (String,) = sqlx::query_as("SELECT error FROM form_feedback")
        .fetch_one(app.db.pool())
        .await
        .expect("the error is kept");
    let encoded = urlencoding_decode(&encoded);
    let bytes = base64::engine::general_purpose::URL_SAFE
        .decode(encoded.as_bytes())
        .expect("base64");
    serde_json::from_slice(&bytes).expect("json")
}

fn urlencoding_decode(s: &str) -> String {
    s.replace("%3D", "=").replace("%3d", "=")
}

db_test!(
    a_report_is_stored_and_the_browser_is_sent_to_the_thanks,
    |app| {
        let res = app
        .post_form(
            "/api/accessibility/report",
            "description=Knappen+g%C3%A5r+inte+att+n%C3%A5&page=%2Fnatverk&email=Anna%40Kommun.se",
            &[("accept", "text/html"), ("referer", REFERER)],
        )
        .await;
        assert_eq!(res.status, 302);
        assert_eq!(
            res.header("location"),
            "/tillganglighet?tack=1#rapport-mottagen"
        );
        let (description, email): (String, Option<String>) =
            sqlx::query_as("SELECT description, email FROM accessibility_reports")
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert_eq!(description, "Knappen går inte att nå");
        assert_eq!(email.as_deref(), Some("anna@kommun.se"));
        let thanks = app.get("/tillganglighet?tack=1").await;
        assert!(thanks.body.contains("Tack! Din rapport är mottagen."));
    }
);

db_test!(
    a_refused_report_comes_back_with_every_problem_and_what_was_typed,
    |app| {
        let res = app
            .post_form(
                "/api/accessibility/report",
                "description=+++&page=&email=inte-en-adress",
                &[("accept", "text/html"), ("referer", REFERER)],
            )
            .await;
        assert_eq!(res.status, 302);
        let location = res.header("location").to_string();
        assert!(location.starts_with(REFERER), "{location}");
        let error = kept_error(&app, &location).await;
        assert_eq!(error["error"], "validation");
        let fields: Vec<&str> = error["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["description", "email"]);
        assert_eq!(app.count("accessibility_reports").await, 0, "nothing saved");

        let path = location.trim_start_matches("http://localhost:3000");
        let page = app.get(path).await;
        assert!(page.body.contains("Fältet måste fyllas i."));
        assert!(page
            .body
            .contains("Ange en e-postadress i formen namn@exempel.se."));
        assert!(
            page.body.contains(r#"value="inte-en-adress""#),
            "the typed value is kept"
        );
        assert!(page.body.contains(r#"aria-invalid="true""#));
    }
);

db_test!(
    a_refusal_too_long_to_keep_comes_back_with_its_errors_and_without_the_text,
    |app| {
        // A megabyte's description is no report; only its errors are kept.
        let long = "x".repeat(700 * 1024);
        let res = app
            .post_form(
                "/api/accessibility/report",
                &format!("description={long}&page=&email=inte-en-adress"),
                &[("accept", "text/html"), ("referer", REFERER)],
            )
            .await;
        assert_eq!(res.status, 302, "{}", res.body);
        let location = res.header("location").to_string();
        let (kept,): (i64,) = sqlx::query_as("SELECT LENGTH(error) FROM form_feedback")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert!(kept < 4096, "{kept} characters kept");
        let error = kept_error(&app, &location).await;
        assert_eq!(error["error"], "validation");
        assert_eq!(error["fields"][0]["field"], "description");
        assert_eq!(error["fields"][0]["problem"]["problem"], "too_long");
        assert_eq!(error["values"], serde_json::json!([]), "no values");
        let path = location.trim_start_matches("http://localhost:3000");
        let page = app.get(path).await;
        assert!(
            page.body.contains("Skriv högst 4000 tecken."),
            "the error is shown"
        );
        assert_eq!(app.count("accessibility_reports").await, 0, "nothing saved");
    }
);

db_test!(
    a_malformed_server_function_body_answers_400_with_a_clear_message,
    |app| {
        for body in ["description=x", "", "page=1&email=2"] {
            let res = app.post_form("/api/accessibility/report", body, &[]).await;
            assert_eq!(res.status, 400, "body {body:?}: {}", res.body);
            let json: serde_json::Value = serde_json::from_str(&res.body).expect("JSON error");
            assert_eq!(
                json,
                serde_json::json!({"error": "bad_request"}),
                "{body:?}"
            );
        }
        let res = app.post_form("/api/language", "lang=fr", &[]).await;
        assert_eq!(res.status, 400);
        assert_eq!(app.count("accessibility_reports").await, 0);
    }
);

db_test!(
    an_unknown_server_function_answers_404_and_a_get_is_not_allowed,
    |app| {
        let res = app.post_form("/api/finns-inte", "", &[]).await;
        assert_eq!(res.status, 404);
        assert_eq!(res.body, r#"{"error":"not_found"}"#);
        let res = app.get("/api/language").await;
        assert_eq!(res.status, 405);
    }
);

db_test!(
    the_statement_has_every_part_of_diggs_model_in_both_languages,
    |app| {
        let sv = app.get("/tillganglighet").await;
        assert_eq!(sv.status, 200);
        for part in [
            "Samrådsförvaltningen står bakom Samråd",
            "delvis förenlig med lagen om tillgänglighet till digital offentlig service",
            "Innehåll som inte är tillgängligt",
            "Bristande förenlighet med lagkraven",
            "Oskäligt betungande anpassning",
            "Innehåll som inte omfattas av lagkraven",
            "Hur vi testat webbplatsen",
            "Vi bekräftar inom två arbetsdagar",
            "href=\"mailto:tillganglighet@samrad.se\"",
            "href=\"https://www.digg.se/tdosanmalan\"",
            "2 december 2026",
        ] {
            assert!(sv.body.contains(part), "the statement lacks {part:?}");
        }
        assert!(
            !sv.body.contains("Vi känner inte till några brister"),
            "the statement names what is not accessible"
        );
        let en = app
            .get_with("/tillganglighet", &[("cookie", "samrad_lang=en")])
            .await;
        assert!(en.body.contains("Disproportionate burden"), "{}", en.status);
        assert!(en.body.contains("href=\"https://www.digg.se/tdosanmalan\""));
    }
);
