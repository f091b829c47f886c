//! Building blocks shared by every page.

pub mod confirm;
pub mod form;
pub mod layout;
pub mod staircase_explorer;
pub mod status;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Whether the page's URL has `key` in its query, as redirects after a
/// successful form post say what happened (`?sparat=1`).
pub fn query_has(key: &str) -> bool {
    use_query_map().get_untracked().get(key).is_some()
}

/// A query parameter of the page's URL, or "".
pub fn query_value(key: &str) -> String {
    use_query_map().get_untracked().get(key).unwrap_or_default()
}

/// Text as HTML text: `&`, `<` and `>` as entities.
pub fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Percent-encodes a value for a URL's query string.
pub fn url_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
