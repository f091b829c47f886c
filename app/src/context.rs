//! What server functions and pages get from the server: the database and
//! the site's settings, provided per request by the `server` crate.

use crate::i18n::Lang;

#[cfg(feature = "ssr")]
pub use server_side::*;

#[cfg(feature = "ssr")]
mod server_side {
    use crate::{db::Db, error::AppError, i18n::Lang};
    use leptos::prelude::*;

    /// Per-request services; cheap to clone.
    #[derive(Clone, Debug)]
    pub struct AppContext {
        pub db: Db,
        /// Cookies get `Secure` (and the `__Host-` prefix) when the site is
        /// served over https.
        pub secure_cookies: bool,
        /// `https://samrad.example.se`, for links in emails.
        pub site_origin: String,
        pub sessions: crate::accounts::session::SessionPolicy,
        pub ip_allowance: crate::accounts::limits::IpAllowance,
        /// Mail leaves by SMTP; otherwise it stays in the outbox.
        pub smtp_configured: bool,
    }

    /// Who is asking: put in the request by the server's middleware.
    #[derive(Clone, Debug, Default)]
    pub struct ClientInfo {
        pub ip: String,
        pub user_agent: String,
    }

    pub fn client_info() -> ClientInfo {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<ClientInfo>().cloned())
            .unwrap_or_default()
    }

    /// A cookie sent with the current request.
    pub fn request_cookie(name: &str) -> Option<String> {
        let parts = use_context::<http::request::Parts>()?;
        let header = parts.headers.get(http::header::COOKIE)?.to_str().ok()?;
        crate::accounts::session::cookie_value(header, name).map(str::to_owned)
    }

    /// Adds a `Set-Cookie` header to the response being made.
    pub fn set_cookie(cookie: &str) -> Result<(), AppError> {
        let value = http::HeaderValue::from_str(cookie).map_err(AppError::internal)?;
        expect_context::<leptos_axum::ResponseOptions>()
            .append_header(http::header::SET_COOKIE, value);
        Ok(())
    }

    pub fn app_context() -> Result<AppContext, AppError> {
        use_context::<AppContext>().ok_or_else(|| AppError::internal("AppContext not provided"))
    }

    /// The context where a render may lack it (the route list is made
    /// at start-up by rendering the app once): none is no error.
    pub fn maybe_app_context() -> Option<AppContext> {
        use_context::<AppContext>()
    }

    pub(crate) fn lang_from_request() -> Lang {
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .headers
                    .get(http::header::COOKIE)
                    .and_then(|v| v.to_str().ok())
                    .map(Lang::from_cookie_header)
            })
            .unwrap_or_default()
    }

    /// The Content-Security-Policy for a page; scripts run only from our
    /// origin or with this response's nonce. `wasm-unsafe-eval` lets the
    /// islands' WebAssembly compile; it does not allow `eval` of scripts.
    pub fn content_security_policy(nonce: Option<&str>) -> String {
        let script_nonce = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
        format!(
            "default-src 'self'; script-src 'self'{script_nonce} 'wasm-unsafe-eval'; \
             style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
             object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
        )
    }

    /// Gives the page the nonce its request carries (see the server's
    /// security headers, which send the matching policy).
    pub(crate) fn apply_content_security_policy() {
        let nonce = use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<super::PageNonce>().cloned());
        match nonce {
            Some(super::PageNonce(nonce)) => {
                provide_context(leptos::nonce::Nonce::from_value(nonce))
            }
            None => leptos::nonce::provide_nonce(),
        }
    }
}

/// The script nonce of the request being answered.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct PageNonce(pub String);

/// Now, by the clock of the request being answered: the server's, or a
/// test's own. Pages render on the server only, so the browser never asks.
pub fn now_ms() -> i64 {
    #[cfg(feature = "ssr")]
    return maybe_app_context()
        .map(|ctx| ctx.db.now())
        .unwrap_or_else(|| crate::core::clock::Clock::system().now_ms());
    #[cfg(not(feature = "ssr"))]
    0
}

/// The language of the request being rendered.
pub fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    return lang_from_request();
    #[cfg(not(feature = "ssr"))]
    Lang::default()
}
