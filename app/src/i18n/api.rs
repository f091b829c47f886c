//! The language switch: a plain form post, so it works without JavaScript.

use crate::error::AppError;
use leptos::prelude::*;

/// Remembers the chosen language in a cookie for a year; the browser is
/// sent back to the page it came from.
#[server(endpoint = "language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    let lang = super::Lang::parse(&lang).ok_or(AppError::BadRequest)?;
    remember_language(lang)
}

/// Sets the language cookie on the response being made.
#[cfg(feature = "ssr")]
pub fn remember_language(lang: super::Lang) -> Result<(), AppError> {
    let ctx = crate::context::app_context()?;
    let secure = if ctx.secure_cookies { "; Secure" } else { "" };
    crate::context::set_cookie(&format!(
        "{}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        super::LANG_COOKIE,
        lang.code()
    ))
}
