//! The built CSS, JavaScript and wasm under `/pkg`, and what a page loads
//! of them.
//!
//! - Files come precompressed (`cargo leptos build --release
//!   --precompress` writes `.br` and `.gz` beside each); the browser gets
//!   the smallest it accepts, and the plain file otherwise.
//! - A file whose name carries its content hash (cargo-leptos's
//!   `hash-files`) never changes, so browsers keep it a year; any other
//!   file is checked again each time.
//! - A page with no island loads no script and no wasm: the shell always
//!   writes the loader, and `island_free_pages` takes it out of pages that
//!   turned out to have nothing to hydrate.

use axum::{
    body::{to_bytes, Body},
    extract::Request,
    http::{header, HeaderValue},
    middleware::{self, Next},
    response::Response,
    Router,
};
use tower_http::services::ServeDir;

/// Largest page looked at for islands; larger ones are left as they are.
const PAGE_LIMIT: usize = 16 * 1024 * 1024;

/// `/pkg/*` from `<site_root>/pkg`.
pub fn pkg_routes<S: Clone + Send + Sync + 'static>(site_root: &str) -> Router<S> {
    let files = ServeDir::new(std::path::Path::new(site_root).join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service("/pkg", files)
        .layer(middleware::from_fn(cache_lifetime))
}

async fn cache_lifetime(req: Request, next: Next) -> Response {
    let immutable = is_hashed(req.uri().path());
    let mut res = next.run(req).await;
    if res.status().is_success() || res.status() == axum::http::StatusCode::NOT_MODIFIED {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(if immutable {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            }),
        );
    }
    res
}

/// `samrad.<hash>.wasm`: a name that changes whenever the content does.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3
        && parts[parts.len() - 2].len() >= 10
        && parts[parts.len() - 2]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether the build wrote file hashes (cargo-leptos puts `hash.txt`
/// beside the server binary, where Leptos reads it).
pub fn files_are_hashed() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|file| file.is_file())
}

/// Takes the island loader (module preload, wasm preload, loader script)
/// out of an HTML page that has no island.
pub async fn island_free_pages(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    if !crate::security::is_html(res.headers()) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, PAGE_LIMIT).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let page = match std::str::from_utf8(&bytes) {
        Ok(page) if !page.contains("<leptos-island") => without_loader(page),
        _ => None,
    };
    match page {
        Some(page) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(page))
        }
        None => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// The page without the loader the shell writes (from the module preload
/// to the end of the loader script) and without the resource data Leptos
/// appends after `</html>` for islands to hydrate with.
fn without_loader(page: &str) -> Option<String> {
    let start = page.find("<link rel=\"modulepreload\"")?;
    let script = start + page[start..].find("<script type=\"module\"")?;
    let end = script + page[script..].find("</script>")? + "</script>".len();
    let rest = &page[end..];
    let rest = rest
        .find("</html>")
        .map(|close| &rest[..close + "</html>".len()])
        .unwrap_or(rest);
    Some(format!("{}{rest}", &page[..start]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_with_a_content_hash_are_immutable() {
        assert!(is_hashed("/pkg/samrad.Xq3-k_9aZbQ1cD.wasm"));
        assert!(!is_hashed("/pkg/samrad.wasm"));
        assert!(!is_hashed("/pkg/samrad.css"));
        assert!(!is_hashed("/pkg/samrad_bg.wasm.d.ts"));
    }

    #[test]
    fn the_loader_is_cut_from_its_preload_to_its_script_end() {
        let page = "<head><link rel=\"stylesheet\" href=\"/pkg/a.css\">\
            <link rel=\"modulepreload\" href=\"/pkg/a.js\">\
            <link rel=\"preload\" href=\"/pkg/a.wasm\" as=\"fetch\">\
            <script type=\"module\" nonce=\"n\">load()</script><title>T</title></head>\
            <body></body></html><script nonce=\"n\">__RESOLVED_RESOURCES=[];</script>";
        assert_eq!(
            without_loader(page).unwrap(),
            "<head><link rel=\"stylesheet\" href=\"/pkg/a.css\"><title>T</title></head>\
             <body></body></html>"
        );
    }
}
