//! Steps several of the room's server functions share: starting a session
//! once every check has passed, counting failures toward the lockout,
//! asking for the password again, and the mails that tell a person what
//! happened to their account.

use super::{
    limits,
    password::{self, Recheck, Verdict},
    sessions::session,
    store::{self, SecurityEvent, TokenPurpose},
    text::mail_text,
    tokens, Email, SessionUser,
};
use crate::{
    context::{self, AppContext},
    core::ids::AccountId,
    error::AppError,
    i18n::Lang,
    mail,
};

pub const VERIFY_LIFETIME_MS: i64 = 24 * 60 * 60 * 1000;
pub const RESET_LIFETIME_MS: i64 = 60 * 60 * 1000;

/// Starts the session once every check has passed, and sends the person
/// on to the page they asked for (or the overview).
pub async fn finish_sign_in(
    ctx: &AppContext,
    account_id: AccountId,
    email: &str,
    lang: Lang,
    back: Option<super::ReturnPath>,
) -> Result<(), AppError> {
    let client = context::client_info();
    limits::clear_failures(&ctx.db, email).await?;
    let token = session::start(
        &ctx.db,
        account_id,
        &client.user_agent,
        &client.ip,
        ctx.sessions,
    )
    .await?;
    context::set_cookie(&session::set_cookie(
        &token,
        ctx.secure_cookies,
        ctx.sessions,
    ))?;
    crate::i18n::api::remember_language(lang)?;
    store::record_event(&ctx.db, account_id, SecurityEvent::SignIn, &client.ip).await?;
    leptos_axum::redirect(back.as_ref().map_or(super::LANDING, |b| b.as_str()));
    Ok(())
}

/// Keeps a security event for the account's owner, with the address
/// the request came from.
pub async fn event(
    ctx: &AppContext,
    account_id: AccountId,
    event: SecurityEvent,
) -> Result<(), AppError> {
    let ip = context::client_info().ip;
    store::record_event(&ctx.db, account_id, event, &ip).await
}

/// Counts a failed sign-in; the failure that locks the account also
/// tells its owner.
pub async fn sign_in_failed(
    ctx: &AppContext,
    email: &str,
    account: Option<AccountId>,
) -> Result<(), AppError> {
    let locks = limits::record_failure(&ctx.db, email).await?;
    let Some(account_id) = account else {
        return Ok(());
    };
    event(ctx, account_id, SecurityEvent::SignInFailed).await?;
    if locks {
        event(ctx, account_id, SecurityEvent::Locked).await?;
        tracing::warn!("account locked after repeated failed sign-ins");
        mail::send(
            ctx,
            email,
            "Ditt Samråd-konto är tillfälligt låst / Your Samråd account is locked",
            "Någon har försökt logga in på ditt konto med fel lösenord eller kod fem gånger. \
             Kontot är låst i 15 minuter. Var det inte du, byt gärna lösenord.\n\n\
             Someone tried to sign in to your account with a wrong password or code five times. \
             The account is locked for 15 minutes.",
        )
        .await?;
    }
    Ok(())
}

/// Checks the signed-in person's password again before a sensitive
/// change. A wrong one counts toward the lockout exactly as a failed
/// sign-in does, so a stolen session cannot guess the password.
pub async fn recheck_password(
    ctx: &AppContext,
    user: &SessionUser,
    password: String,
) -> Result<Recheck, AppError> {
    if limits::is_locked(&ctx.db, &user.email).await? {
        return Err(AppError::AccountLocked);
    }
    let account_id = AccountId(user.account_id);
    let stored = password::store::password_hash_of(&ctx.db, account_id).await?;
    if password::verify(password, stored).await? == Verdict::Wrong {
        sign_in_failed(ctx, &user.email, Some(account_id)).await?;
        return Ok(Recheck::Wrong);
    }
    Ok(Recheck::Right)
}

/// What changed on an account, for the notice to its address.
#[derive(Clone, Copy)]
pub enum Notice<'a> {
    PasswordChanged,
    EmailChanged { to: &'a str },
}

/// Tells an address that something changed on its account (the old
/// address, when the email itself changed), with no link to follow.
pub async fn notify(
    ctx: &AppContext,
    to: &str,
    lang: Lang,
    what: Notice<'_>,
) -> Result<(), AppError> {
    let t = mail_text(lang);
    let (subject, body) = match what {
        Notice::PasswordChanged => (
            t.password_changed_subject,
            t.password_changed_body.to_string(),
        ),
        Notice::EmailChanged { to: new } => (t.email_changed_subject, (t.email_changed_body)(new)),
    };
    mail::send(ctx, to, subject, &body).await
}

/// Mails a single-use link to the page that takes its token.
pub async fn send_link(
    ctx: &AppContext,
    account_id: AccountId,
    to: &Email,
    purpose: TokenPurpose,
    lang: Lang,
) -> Result<(), AppError> {
    let (token, hash) = tokens::new_token();
    let (lifetime, path) = match purpose {
        TokenPurpose::Reset => (RESET_LIFETIME_MS, "/konto/aterstall"),
        TokenPurpose::Verify | TokenPurpose::ChangeEmail => {
            (VERIFY_LIFETIME_MS, "/konto/verifiera")
        }
    };
    let new_email = (purpose == TokenPurpose::ChangeEmail).then_some(to);
    store::insert_email_token(&ctx.db, &hash, account_id, purpose, new_email, lifetime).await?;
    let link = format!("{}{path}?token={token}", ctx.site_origin);
    let t = mail_text(lang);
    let (subject, body) = match purpose {
        TokenPurpose::Reset => (t.reset_subject, (t.reset_body)(&link)),
        TokenPurpose::Verify | TokenPurpose::ChangeEmail => {
            (t.verify_subject, (t.verify_body)(&link))
        }
    };
    mail::send(ctx, to.as_str(), subject, &body).await
}

/// Tells the owner of an address that someone tried to sign up with it.
pub async fn notify_sign_up_attempt(ctx: &AppContext, to: &Email) -> Result<(), AppError> {
    mail::send(
        ctx,
        to.as_str(),
        "Försök att skapa konto i Samråd / Sign-up attempt in Samråd",
        &format!(
            "Någon försökte skapa ett konto i Samråd med din adress. Du har redan ett konto; \
             har du glömt lösenordet kan du välja ett nytt: {}/konto/glomt-losenord\n\n\
             Someone tried to create a Samråd account with your address, which already has one.",
            ctx.site_origin
        ),
    )
    .await
}
