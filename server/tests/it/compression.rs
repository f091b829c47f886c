//! Pages leave compressed for a browser that accepts it, and decode to the
//! page itself; a page that shows a secret, and what is compressed
//! already, leave as they are.

use crate::helpers::{form, TestApp};
use app::db::Engine;
use axum::body::Body;
use axum::http::{HeaderMap, Request};
use http_body_util::BodyExt;
use std::io::Read;
use tower::ServiceExt;

/// The response's headers and its body's bytes, as they cross the wire.
async fn on_the_wire(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> (HeaderMap, Vec<u8>) {
    let mut req = Request::get(path).header("accept", "text/html");
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = app
        .router
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .expect("router answers");
    assert_eq!(res.status(), 200, "{path}");
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (headers, bytes.to_vec())
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_leaves_compressed_for_a_browser_that_accepts_it_and_decodes_to_the_page() {
    let app = TestApp::spawn(Engine::Sqlite).await.unwrap();
    let (plain_headers, plain) = on_the_wire(&app, "/konto/logga-in", &[]).await;
    assert_eq!(header(&plain_headers, "content-encoding"), "");
    let page = String::from_utf8(plain).unwrap();
    assert!(page.ends_with("</html>"), "{page}");

    let (headers, gzipped) =
        on_the_wire(&app, "/konto/logga-in", &[("accept-encoding", "gzip")]).await;
    assert_eq!(header(&headers, "content-encoding"), "gzip");
    assert!(header(&headers, "vary").contains("accept-encoding"));
    let mut decoded = String::new();
    flate2::read::GzDecoder::new(gzipped.as_slice())
        .read_to_string(&mut decoded)
        .expect("valid gzip");
    // Each response has a script nonce of its own; the rest is the page.
    let without_nonce = |html: &str| {
        html.split("nonce=\"")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('"').unwrap().1
                }
            })
            .collect::<String>()
    };
    assert_eq!(without_nonce(&decoded), without_nonce(&page));
    assert!(
        gzipped.len() * 2 < page.len(),
        "{} bytes for a page of {}",
        gzipped.len(),
        page.len()
    );

    let (headers, brotli) = on_the_wire(
        &app,
        "/konto/logga-in",
        &[("accept-encoding", "gzip, deflate, br")],
    )
    .await;
    assert_eq!(header(&headers, "content-encoding"), "br", "brotli first");
    assert!(brotli.len() * 2 < page.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_with_a_two_step_secret_and_what_is_compressed_already_leave_as_they_are() {
    let app = TestApp::spawn(Engine::Sqlite).await.unwrap();
    let password = "gröna äpplen i november";
    let cookie = app.verified_user("anna.andersson@vaxjo.se", password).await;
    app.post_as(
        &cookie,
        "/api/accounts/two-factor/start",
        &form(&[("enable_password", password)]),
    )
    .await;
    let (headers, body) = on_the_wire(
        &app,
        "/konto/tvasteg",
        &[("cookie", &cookie), ("accept-encoding", "br, gzip")],
    )
    .await;
    assert_eq!(header(&headers, "content-encoding"), "", "never compressed");
    assert_eq!(header(&headers, "cache-control"), "no-store, no-transform");
    assert!(String::from_utf8(body)
        .unwrap()
        .contains(r#"data-testid="totp-secret""#));

    // Any other page of the signed-in person is compressed, and kept by no cache.
    let (headers, _) = on_the_wire(
        &app,
        "/konto",
        &[("cookie", &cookie), ("accept-encoding", "br, gzip")],
    )
    .await;
    assert_eq!(header(&headers, "content-encoding"), "br");
    assert_eq!(header(&headers, "cache-control"), "no-store");

    // Small answers are not worth it.
    let (headers, _) = on_the_wire(&app, "/healthz", &[("accept-encoding", "br, gzip")]).await;
    assert_eq!(header(&headers, "content-encoding"), "");
}
