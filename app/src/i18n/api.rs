//! The language switch: a plain form post, so it works without JavaScript.

use crate::error::AppError;
use leptos::prelude::*;

/// Remembers the chosen language in a cookie for a year; the browser is
/// sent back to the page it came from.
#[server(endpoint = "language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    use super::{Lang, LANG_COOKIE};
    let lang = Lang::parse(&lang).ok_or(AppError::BadRequest)?;
    let ctx = crate::context::app_context()?;
    let secure = if ctx.secure_cookies { "; Secure" } else { "" };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        lang.code()
    );
    let value = http::HeaderValue::from_str(&cookie).map_err(AppError::internal)?;
    expect_context::<leptos_axum::ResponseOptions>().append_header(http::header::SET_COOKIE, value);
    Ok(())
}
