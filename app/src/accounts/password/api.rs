//! The password's server functions: a reset link for a forgotten one,
//! setting a new one from that link, and changing it.

use super::{ChangePasswordForm, ResetPasswordForm};
use crate::error::AppError;
use leptos::prelude::*;

/// Mails a reset link when the address has an account; answers the same
/// either way.
#[server(endpoint = "accounts/forgot-password")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    use crate::{
        accounts::{flow, limits, store, store::TokenPurpose, Email},
        context,
        error::Checker,
    };
    let ctx = context::app_context()?;
    let mut check = Checker::new();
    let address = Email::field(&mut check, "email", &email);
    check.finish(&[("email", &email)])?;
    limits::check_ip(
        &ctx.db,
        limits::IpLimit::PasswordReset,
        ctx.ip_allowance,
        &context::client_info().ip,
    )
    .await?;
    if let Some(address) = address {
        if let Some(account) = store::credentials(&ctx.db, &address).await? {
            flow::send_link(
                &ctx,
                account.account_id,
                &address,
                TokenPurpose::Reset,
                account.language,
            )
            .await?;
        }
    }
    leptos_axum::redirect("/konto/glomt-losenord?skickat=1");
    Ok(())
}

/// Sets a new password from a reset link and ends every session.
#[server(endpoint = "accounts/reset-password")]
pub async fn reset_password(#[server(flatten)] form: ResetPasswordForm) -> Result<(), AppError> {
    use super::{store as passwords, NewPassword};
    use crate::accounts::{
        flow, sessions::store as sessions, store, store::TokenPurpose, tokens, Email,
    };
    let ctx = crate::context::app_context()?;
    let hash = tokens::hash_token(form.token.trim());
    // Check the password before spending the single-use token on it.
    let email = store::reset_token_email(&ctx.db, &hash)
        .await?
        .and_then(|e| Email::parse(&e).ok())
        .ok_or(AppError::InvalidToken)?;
    let password = NewPassword::from_reset(&form, &email)?;
    let account = store::consume_email_token(&ctx.db, &hash, TokenPurpose::Reset)
        .await?
        .ok_or(AppError::InvalidToken)?
        .account_id;
    passwords::set_password(&ctx.db, account, &password.hash().await?).await?;
    sessions::end_all_sessions(&ctx.db, account).await?;
    // A link sent before the reset (by whoever had the account) is dead.
    store::revoke_tokens(
        &ctx.db,
        account,
        &[TokenPurpose::Reset, TokenPurpose::ChangeEmail],
    )
    .await?;
    flow::event(&ctx, account, store::SecurityEvent::PasswordReset).await?;
    leptos_axum::redirect("/konto/logga-in?aterstallt=1");
    Ok(())
}

/// Changes the password; needs the current one, ends the other sessions.
#[server(endpoint = "accounts/change-password")]
pub async fn change_password(#[server(flatten)] form: ChangePasswordForm) -> Result<(), AppError> {
    use super::{store as passwords, NewPassword};
    use crate::{
        accounts::{flow, sessions::store as sessions, store, store::TokenPurpose, Email},
        core::ids::AccountId,
    };
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let current = flow::recheck_password(&ctx, &user, form.current_password.clone()).await?;
    let email = Email::parse(&user.email).map_err(AppError::internal)?;
    let password = NewPassword::from_change(&form, &email, current)?;
    let account = AccountId(user.account_id);
    passwords::set_password(&ctx.db, account, &password.hash().await?).await?;
    sessions::end_other_sessions(&ctx.db, account, user.session_id).await?;
    store::revoke_tokens(
        &ctx.db,
        account,
        &[TokenPurpose::Reset, TokenPurpose::ChangeEmail],
    )
    .await?;
    flow::notify(
        &ctx,
        &user.email,
        user.language,
        flow::Notice::PasswordChanged,
    )
    .await?;
    flow::event(&ctx, account, store::SecurityEvent::PasswordChanged).await?;
    leptos_axum::redirect(&format!(
        "/konto?losenord=1#{}",
        crate::accounts::pages::PASSWORD_NOTICE
    ));
    Ok(())
}
