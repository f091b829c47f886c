//! Pages and text downloads compressed on their way out, brotli or gzip as
//! the browser accepts, so a long thread crosses the network at a seventh
//! of its size without a proxy in front. Assets are compressed once at
//! build time (`--precompress`) and files as they were uploaded; both pass
//! as they are.
//!
//! BREACH: a compressed page's length can betray a secret in it when an
//! attacker can also put text of their own into the same page and watch
//! the sizes. Samråd's pages carry no anti-forgery token (mutations are
//! checked for same origin) and its cookie is `SameSite=Lax`; the one page
//! that shows a secret (two-step set-up) says `no-transform`, which this
//! layer, like any proxy, respects.

use axum::http::{header, Extensions, HeaderMap, StatusCode, Version};
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Brotli's quality 4 (and gzip's level 4): it takes the long thread's
/// 44.7 KB to 6.7 KB in about 0.3 ms; from quality 9 on, a page costs
/// 6–65 ms for a tenth fewer bytes (`bench/compression`).
const LEVEL: i32 = 4;

/// Below this a response fits in one packet anyway.
const SMALLEST: u16 = 1024;

const TEXT: [&str; 6] = [
    "text/html",
    "application/atom+xml",
    "application/json",
    "text/csv",
    "text/calendar",
    "text/plain",
];

pub fn layer() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .quality(CompressionLevel::Precise(LEVEL))
        .compress_when(SizeAbove::new(SMALLEST).and(text_that_may_be_compressed))
}

fn text_that_may_be_compressed(
    _: StatusCode,
    _: Version,
    headers: &HeaderMap,
    _: &Extensions,
) -> bool {
    let value = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    };
    let kind = value(header::CONTENT_TYPE);
    TEXT.iter().any(|text| kind.starts_with(text))
        && !value(header::CACHE_CONTROL).contains("no-transform")
}
