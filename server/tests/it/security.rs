//! Cross-site mutations and oversized bodies are refused before any
//! handler runs.

use axum::{body::Body, http::Request};

db_test!(a_cross_site_post_is_refused_and_changes_nothing, |app| {
    let form = "description=Fr%C3%A5n+en+annan+sajt&page=&email=";
    for (origin, fetch_site) in [
        ("https://evil.example", "cross-site"),
        ("https://evil.example", "same-origin"),
        ("http://localhost:3000", "cross-site"),
        ("http://localhost:3000", "same-site"),
    ] {
        let req = Request::post("/api/accessibility/report")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", origin)
            .header("sec-fetch-site", fetch_site)
            .body(Body::from(form))
            .unwrap();
        let res = app.send(req).await;
        assert_eq!(res.status, 403, "{origin} {fetch_site}");
        assert_eq!(res.body, r#"{"error":"forbidden"}"#);
    }
    assert_eq!(app.count("accessibility_reports").await, 0);
    let same = app.post_form("/api/accessibility/report", form, &[]).await;
    assert_eq!(
        same.status, 200,
        "same-origin post is let through: {}",
        same.body
    );
    assert_eq!(app.count("accessibility_reports").await, 1);
});

db_test!(an_oversized_body_is_refused_with_413, |app| {
    let over = server::routes::BODY_LIMIT + 1024;
    let huge = format!("description={}&page=&email=", "a".repeat(over));
    let res = app.post_form("/api/accessibility/report", &huge, &[]).await;
    assert_eq!(res.status, 413);
    assert_eq!(res.body, r#"{"error":"payload_too_large"}"#);
    assert_eq!(app.count("accessibility_reports").await, 0);
});

db_test!(every_response_has_a_request_id, |app| {
    let a = app.get("/healthz").await;
    let b = app.get("/healthz").await;
    assert!(!a.header("x-request-id").is_empty());
    assert_ne!(a.header("x-request-id"), b.header("x-request-id"));
});
