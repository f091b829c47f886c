//! Two-step verification's server functions: the second step of a
//! sign-in, and turning it on and off.

use crate::error::AppError;
use leptos::prelude::*;

/// The second step of a sign-in: a code from the app or a recovery code.
#[server(endpoint = "accounts/two-factor/verify")]
pub async fn verify_two_factor(
    code: String,
    #[server(default)] till: String,
) -> Result<(), AppError> {
    use super::{store, totp};
    use crate::{
        accounts::{flow, limits, sessions::session, store as accounts, tokens},
        context,
        error::{Checker, FieldProblem},
    };

    let ctx = context::app_context()?;
    let token = context::request_cookie(session::challenge_cookie_name(ctx.secure_cookies))
        .ok_or(AppError::InvalidToken)?;
    let hash = tokens::hash_token(&token);
    let account_id = store::challenge_account(&ctx.db, &hash)
        .await?
        .ok_or(AppError::InvalidToken)?;
    let state = store::two_factor_state(&ctx.db, account_id)
        .await?
        .ok_or(AppError::InvalidToken)?;
    if limits::is_locked(&ctx.db, &state.email).await? {
        return Err(AppError::AccountLocked);
    }
    let now_s = ctx.db.now() / 1000;
    let accepted = match totp::verify(&state.secret, &code, now_s, state.last_step) {
        Some(step) => store::use_totp_step(&ctx.db, account_id, step).await?,
        None => store::use_recovery_code(&ctx.db, account_id, &code).await?,
    };
    if !accepted {
        flow::sign_in_failed(&ctx, &state.email, Some(account_id)).await?;
        let mut check = Checker::new();
        check.refuse("code", FieldProblem::WrongCode);
        return check.finish(&[]);
    }
    store::end_challenge(&ctx.db, &hash).await?;
    context::set_cookie(&session::clear_challenge_cookie(ctx.secure_cookies))?;
    let lang = accounts::account_language(&ctx.db, account_id).await?;
    let back = crate::accounts::ReturnPath::parse(&till);
    flow::finish_sign_in(&ctx, account_id, &state.email, lang, back).await
}

/// Starts turning two-step verification on: a new secret and recovery
/// codes, shown on the set-up page until confirmed.
#[server(endpoint = "accounts/two-factor/start")]
pub async fn start_two_factor(enable_password: String) -> Result<(), AppError> {
    use super::{store, totp};
    use crate::{accounts::flow, core::ids::AccountId};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    flow::recheck_password(&ctx, &user, enable_password)
        .await?
        .require("enable_password")?;
    store::begin_two_factor(
        &ctx.db,
        AccountId(user.account_id),
        &totp::new_secret(),
        &totp::new_recovery_codes(),
    )
    .await?;
    leptos_axum::redirect("/konto/tvasteg");
    Ok(())
}

/// The pending set-up, for the set-up page.
#[server(endpoint = "accounts/two-factor/setup")]
pub async fn two_factor_setup() -> Result<Option<super::TwoFactorSetup>, AppError> {
    use super::{store, totp};
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    Ok(
        store::pending_two_factor(&ctx.db, AccountId(user.account_id))
            .await?
            .map(|pending| super::TwoFactorSetup {
                uri: totp::provisioning_uri(&pending.secret, &user.email),
                secret: pending.secret,
                recovery_codes: pending.recovery_codes,
            }),
    )
}

/// Turns two-step verification on once the app shows the right code.
#[server(endpoint = "accounts/two-factor/confirm")]
pub async fn confirm_two_factor(code: String) -> Result<(), AppError> {
    use super::{store, totp};
    use crate::{
        accounts::{flow, store::SecurityEvent},
        core::ids::AccountId,
        error::{Checker, FieldProblem},
    };
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let account_id = AccountId(user.account_id);
    let pending = store::pending_two_factor(&ctx.db, account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(step) = totp::verify(&pending.secret, &code, ctx.db.now() / 1000, None) else {
        let mut check = Checker::new();
        check.refuse("code", FieldProblem::WrongCode);
        return check.finish(&[]);
    };
    store::confirm_two_factor(&ctx.db, account_id, step).await?;
    flow::event(&ctx, account_id, SecurityEvent::TwoFactorOn).await?;
    leptos_axum::redirect(&format!(
        "/konto?tvasteg=1#{}",
        super::pages::ENABLED_NOTICE
    ));
    Ok(())
}

/// Turns two-step verification off; needs the password.
#[server(endpoint = "accounts/two-factor/disable")]
pub async fn disable_two_factor(disable_password: String) -> Result<(), AppError> {
    use super::store;
    use crate::{
        accounts::{flow, store::SecurityEvent},
        core::ids::AccountId,
    };
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    flow::recheck_password(&ctx, &user, disable_password)
        .await?
        .require("disable_password")?;
    let account_id = AccountId(user.account_id);
    store::disable_two_factor(&ctx.db, account_id).await?;
    flow::event(&ctx, account_id, SecurityEvent::TwoFactorOff).await?;
    leptos_axum::redirect(&format!(
        "/konto?tvasteg_av=1#{}",
        super::pages::DISABLED_NOTICE
    ));
    Ok(())
}
