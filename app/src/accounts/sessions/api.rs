//! Signing in and out, and the person's own sessions.

use crate::error::AppError;
use leptos::prelude::*;

/// Signs in with email and password. Unknown addresses cost the same
/// time as known ones, and the answer never says which was wrong. With
/// two-step verification on, a code is asked for next. `till` is the page
/// to return to (kept only if it is a path of this site).
#[server(endpoint = "accounts/sign-in")]
pub async fn sign_in(
    email: String,
    password: String,
    #[server(default)] till: String,
) -> Result<(), AppError> {
    use super::session;
    use crate::{
        accounts::{
            flow, limits,
            password::{self as pw, Verdict},
            store, tokens,
            two_factor::store as two_factor,
            Email, ReturnPath,
        },
        context,
        ui::url_encode,
    };

    let ctx = context::app_context()?;
    let back = ReturnPath::parse(&till);
    limits::check_ip(
        &ctx.db,
        limits::IpLimit::SignIn,
        ctx.ip_allowance,
        &context::client_info().ip,
    )
    .await?;
    // An address comes back into the form; the password never does, nor
    // what is not an address (a password typed in the wrong box).
    let address =
        Email::parse(&email).map_err(|_| AppError::InvalidCredentials { values: Vec::new() })?;
    let refused = || AppError::InvalidCredentials {
        values: vec![("email".into(), email.trim().to_string())],
    };
    if limits::is_locked(&ctx.db, address.as_str()).await? {
        return Err(AppError::AccountLocked);
    }
    let account = store::credentials(&ctx.db, &address).await?;
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let verdict = pw::verify(password.clone(), stored).await?;
    let (Verdict::Right { rehash }, Some(account)) = (verdict, account.as_ref()) else {
        flow::sign_in_failed(
            &ctx,
            address.as_str(),
            account.as_ref().map(|a| a.account_id),
        )
        .await?;
        return Err(refused());
    };
    if rehash {
        pw::store::set_password(&ctx.db, account.account_id, &pw::hash(password).await?).await?;
    }
    if account.two_factor {
        let (token, hash) = tokens::new_token();
        two_factor::create_challenge(&ctx.db, &hash, account.account_id, session::CHALLENGE_MS)
            .await?;
        context::set_cookie(&session::set_challenge_cookie(&token, ctx.secure_cookies))?;
        let verify = match &back {
            Some(back) => format!(
                "/konto/tvasteg/verifiera?till={}",
                url_encode(back.as_str())
            ),
            None => "/konto/tvasteg/verifiera".to_string(),
        };
        leptos_axum::redirect(&verify);
        return Ok(());
    }
    flow::finish_sign_in(
        &ctx,
        account.account_id,
        address.as_str(),
        account.language,
        back,
    )
    .await
}

/// Ends this session on the server and in the browser.
#[server(endpoint = "accounts/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use super::{session, store};
    use crate::core::ids::AccountId;
    let ctx = crate::context::app_context()?;
    if let Some(user) = crate::accounts::current_user() {
        store::end_session(&ctx.db, AccountId(user.account_id), user.session_id).await?;
    }
    crate::context::set_cookie(&session::clear_cookie(ctx.secure_cookies))?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Ends one of my sessions (another browser, or this one).
#[server(endpoint = "accounts/end-session")]
pub async fn end_session(session_id: i64) -> Result<(), AppError> {
    use super::store;
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    if !store::end_session(&ctx.db, AccountId(user.account_id), session_id).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!(
        "/konto?avslutad=1#{}",
        super::pages::SESSION_NOTICE
    ));
    Ok(())
}

/// My sessions, for the account page.
#[server(endpoint = "accounts/sessions")]
pub async fn my_sessions() -> Result<Vec<super::SessionInfo>, AppError> {
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    super::store::sessions(&ctx.db, AccountId(user.account_id), user.session_id).await
}

/// Keeps this session alive: the answer to the warning that it is about
/// to end. Any request does the same; this one says so.
#[server(endpoint = "accounts/keep-signed-in")]
pub async fn keep_signed_in() -> Result<(), AppError> {
    use super::store;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    store::touch(&ctx.db, user.session_id, ctx.db.now()).await
}
