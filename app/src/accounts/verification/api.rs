//! Email verification's server functions: using the mailed link, and
//! asking for a new one.

use crate::error::AppError;
use leptos::prelude::*;

/// Confirms an email address (a new account's, or a changed one).
#[server(endpoint = "accounts/verify-email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    use crate::accounts::{flow, store, store::TokenPurpose, tokens};
    let ctx = crate::context::app_context()?;
    let hash = tokens::hash_token(token.trim());
    if let Some(link) = store::consume_email_token(&ctx.db, &hash, TokenPurpose::Verify).await? {
        store::mark_verified(&ctx.db, link.account_id).await?;
    } else if let Some(store::UsedLink {
        account_id,
        new_email: Some(new_email),
    }) = store::consume_email_token(&ctx.db, &hash, TokenPurpose::ChangeEmail).await?
    {
        let old = store::change_email(&ctx.db, account_id, &new_email).await?;
        flow::event(&ctx, account_id, store::SecurityEvent::EmailChanged).await?;
        let lang = store::account_language(&ctx.db, account_id).await?;
        flow::notify(
            &ctx,
            &old,
            lang,
            flow::Notice::EmailChanged { to: &new_email },
        )
        .await?;
    } else {
        return Err(AppError::InvalidToken);
    }
    leptos_axum::redirect(&format!(
        "/konto/verifiera?klart=1#{}",
        super::pages::DONE_NOTICE
    ));
    Ok(())
}

/// Mails the signed-in person a new verification link, as often as a
/// reset link may be asked for. `till` is the page to return to, where
/// the notice says the link is sent. Nothing is sent to an address that
/// is verified already.
#[server(endpoint = "accounts/resend-verification")]
pub async fn resend_verification(#[server(default)] till: String) -> Result<(), AppError> {
    use crate::context;
    let user = crate::accounts::require_user()?;
    super::send_again(&context::app_context()?, &user).await?;
    leptos_axum::redirect(&super::sent_notice_on(&till));
    Ok(())
}
