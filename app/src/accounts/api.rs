//! The accounts room's server functions: authenticate, parse, call the
//! store, answer. Every one is a POST from a plain form. Those of the
//! sub-rooms are re-exported here, where they have always been.

use super::{ChangeEmailForm, ProfileForm, SignUpForm};
use crate::error::AppError;
use leptos::prelude::*;

pub use super::password::api::{
    change_password, forgot_password, reset_password, ChangePassword, ForgotPassword, ResetPassword,
};
pub use super::sessions::api::{
    end_session, my_sessions, sign_in, sign_out, EndSession, MySessions, SignIn, SignOut,
};
pub use super::two_factor::api::{
    confirm_two_factor, disable_two_factor, start_two_factor, two_factor_setup, verify_two_factor,
    ConfirmTwoFactor, DisableTwoFactor, StartTwoFactor, TwoFactorSetup, VerifyTwoFactor,
};
pub use super::verification::api::{
    resend_verification, verify_email, ResendVerification, VerifyEmail,
};

/// Creates an account and mails a verification link. The answer is the
/// same whether or not the address already had an account; its owner gets
/// a note instead.
#[server(endpoint = "accounts/sign-up")]
pub async fn sign_up(#[server(flatten)] form: SignUpForm) -> Result<(), AppError> {
    use super::{flow, limits, store, store::TokenPurpose, NewAccount};
    use crate::context;

    let ctx = context::app_context()?;
    let new = NewAccount::parse(&form)?;
    limits::check_ip(
        &ctx.db,
        limits::IpLimit::SignUp,
        ctx.ip_allowance,
        &context::client_info().ip,
    )
    .await?;
    let hash = new.password().hash().await?;
    let created =
        store::create_account(&ctx.db, new.email(), new.name(), &hash, new.language()).await?;
    match created {
        Some(id) => {
            flow::send_link(&ctx, id, new.email(), TokenPurpose::Verify, new.language()).await?
        }
        None => flow::notify_sign_up_attempt(&ctx, new.email()).await?,
    }
    leptos_axum::redirect(&format!(
        "/konto/skapa?skickat=1#{}",
        super::pages::SIGNED_UP_NOTICE
    ));
    Ok(())
}

/// Starts an email change: the new address gets a link, and the change
/// applies when it is opened.
#[server(endpoint = "accounts/change-email")]
pub async fn change_email(#[server(flatten)] form: ChangeEmailForm) -> Result<(), AppError> {
    use super::{flow, store, store::TokenPurpose, NewEmail};
    use crate::core::ids::AccountId;
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    let password = flow::recheck_password(&ctx, &user, form.password.clone()).await?;
    let new = NewEmail::parse(&form, password)?;
    // A taken address gets no link; the answer is the same, so it tells
    // nobody which addresses have accounts.
    if !store::email_taken(&ctx.db, new.email()).await? {
        flow::send_link(
            &ctx,
            AccountId(user.account_id),
            new.email(),
            TokenPurpose::ChangeEmail,
            user.language,
        )
        .await?;
    }
    leptos_axum::redirect(&format!("/konto?epost=1#{}", super::pages::EMAIL_NOTICE));
    Ok(())
}

#[server(endpoint = "accounts/update-profile")]
pub async fn update_profile(#[server(flatten)] form: ProfileForm) -> Result<(), AppError> {
    use super::{store, Profile};
    use crate::core::ids::AccountId;
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    let profile = Profile::parse(&form)?;
    store::update_profile(&ctx.db, AccountId(user.account_id), &profile).await?;
    crate::i18n::api::remember_language(profile.language())?;
    leptos_axum::redirect(&format!("/konto?sparat=1#{}", super::pages::PROFILE_NOTICE));
    Ok(())
}

/// Erases my personal data and ends my sessions; needs the password and
/// the confirming step (checked first, so a missing step never counts
/// toward the lockout).
#[server(endpoint = "accounts/delete")]
pub async fn delete_account(
    confirm_password: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    use super::{flow, session};
    let user = super::require_user()?;
    crate::ui::confirm::require_confirmed(&confirm)?;
    let ctx = crate::context::app_context()?;
    flow::recheck_password(&ctx, &user, confirm_password)
        .await?
        .require("confirm_password")?;
    crate::privacy::erase(&ctx.db, user.account_id).await?;
    crate::context::set_cookie(&session::clear_cookie(ctx.secure_cookies))?;
    leptos_axum::redirect("/?raderat=1");
    Ok(())
}
