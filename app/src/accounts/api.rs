//! The accounts room's server functions: authenticate, check, call the
//! store, answer. Every one is a POST from a plain form.

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
mod flow {
    //! Steps shared by several server functions.
    use crate::{
        accounts::{
            store,
            store::{SecurityEvent, TokenPurpose},
            tokens, Email,
        },
        context::AppContext,
        error::{AppError, Checker, FieldProblem},
        i18n::Lang,
        mail,
    };

    pub const VERIFY_LIFETIME_MS: i64 = 24 * 60 * 60 * 1000;
    pub const RESET_LIFETIME_MS: i64 = 60 * 60 * 1000;

    pub fn email_field(check: &mut Checker, field: &str, raw: &str) -> Option<Email> {
        match Email::parse(raw) {
            Ok(email) => Some(email),
            Err(crate::accounts::EmailError::Empty) => {
                check.refuse(field, FieldProblem::Required);
                None
            }
            Err(_) => {
                check.refuse(field, FieldProblem::InvalidEmail);
                None
            }
        }
    }

    pub fn language_field(check: &mut Checker, raw: &str) -> Lang {
        Lang::parse(raw).unwrap_or_else(|| {
            check.refuse("language", FieldProblem::InvalidChoice);
            Lang::default()
        })
    }

    /// Starts the session once every check has passed.
    pub async fn finish_sign_in(
        ctx: &AppContext,
        account_id: i64,
        email: &str,
        lang: Lang,
    ) -> Result<(), AppError> {
        use crate::{accounts::limits, accounts::session, context};
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
        leptos_axum::redirect("/konto");
        Ok(())
    }

    /// Keeps a security event for the account's owner, with the address
    /// the request came from.
    pub async fn event(
        ctx: &AppContext,
        account_id: i64,
        event: SecurityEvent,
    ) -> Result<(), AppError> {
        let ip = crate::context::client_info().ip;
        store::record_event(&ctx.db, account_id, event, &ip).await
    }

    /// Counts a failed sign-in; the failure that locks the account also
    /// tells its owner.
    pub async fn sign_in_failed(
        ctx: &AppContext,
        email: &str,
        account: Option<i64>,
    ) -> Result<(), AppError> {
        use crate::accounts::limits;
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
        check: &mut Checker,
        user: &crate::accounts::SessionUser,
        field: &str,
        password: String,
    ) -> Result<(), AppError> {
        use crate::accounts::{limits, password as pw, password::Verdict};
        if limits::is_locked(&ctx.db, &user.email).await? {
            return Err(AppError::AccountLocked);
        }
        let stored = store::password_hash_of(&ctx.db, user.account_id).await?;
        if pw::verify(password, stored).await? == Verdict::Wrong {
            sign_in_failed(ctx, &user.email, Some(user.account_id)).await?;
            check.refuse(field, FieldProblem::WrongPassword);
        }
        Ok(())
    }

    /// Tells an address that something changed on its account (the old
    /// address, when the email itself changed), with no link to follow.
    pub async fn notify(
        ctx: &AppContext,
        to: &str,
        lang: Lang,
        what: Notice<'_>,
    ) -> Result<(), AppError> {
        let sv = lang == Lang::Sv;
        let (subject, body) = match (what, sv) {
            (Notice::PasswordChanged, true) => (
                "Ditt lösenord i Samråd är ändrat".to_string(),
                "Hej!\n\nLösenordet till ditt Samråd-konto har just ändrats. Var det inte du, \
                 välj ett nytt lösenord med \"Glömt lösenordet\" och kontakta din organisation."
                    .to_string(),
            ),
            (Notice::PasswordChanged, false) => (
                "Your Samråd password was changed".to_string(),
                "Hello!\n\nThe password of your Samråd account was just changed. If it was not you, \
                 choose a new one with \"Forgot password\" and contact your organisation."
                    .to_string(),
            ),
            (Notice::EmailChanged { to: new }, true) => (
                "Din e-postadress i Samråd är ändrad".to_string(),
                format!("Hej!\n\nDitt Samråd-konto använder nu adressen {new}. Var det inte du, \
                 kontakta Samråds support genast."),
            ),
            (Notice::EmailChanged { to: new }, false) => (
                "Your Samråd email address was changed".to_string(),
                format!("Hello!\n\nYour Samråd account now uses the address {new}. If it was not you, \
                 contact Samråd's support at once."),
            ),
        };
        mail::send(ctx, to, &subject, &body).await
    }

    #[derive(Clone, Copy)]
    pub enum Notice<'a> {
        PasswordChanged,
        EmailChanged { to: &'a str },
    }

    /// Mails a single-use link; `path` is the page that takes the token.
    pub async fn send_link(
        ctx: &AppContext,
        account_id: i64,
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
        let sv = lang == Lang::Sv;
        let (subject, body) = match (purpose, sv) {
            (TokenPurpose::Reset, true) => (
                "Välj nytt lösenord i Samråd",
                format!("Hej!\n\nNågon (förhoppningsvis du) bad om ett nytt lösenord. Välj ett här inom en timme:\n{link}\n\nBad du inte om det kan du strunta i det här mejlet."),
            ),
            (TokenPurpose::Reset, false) => (
                "Choose a new password in Samråd",
                format!("Hello!\n\nSomeone (hopefully you) asked for a new password. Choose one here within an hour:\n{link}\n\nIf you did not ask, ignore this email."),
            ),
            (_, true) => (
                "Bekräfta din e-postadress i Samråd",
                format!("Hej!\n\nBekräfta din e-postadress i Samråd genom att öppna länken inom 24 timmar:\n{link}\n"),
            ),
            (_, false) => (
                "Verify your email address in Samråd",
                format!("Hello!\n\nVerify your email address in Samråd by opening this link within 24 hours:\n{link}\n"),
            ),
        };
        mail::send(ctx, to.as_str(), subject, &body).await
    }
}

/// Creates an account and mails a verification link. The answer is the
/// same whether or not the address already had an account; its owner gets
/// a note instead.
#[server(endpoint = "accounts/sign-up")]
pub async fn sign_up(
    name: String,
    email: String,
    password: String,
    language: String,
) -> Result<(), AppError> {
    use super::{limits, password as pw, store, store::TokenPurpose, NAME_MAX};
    use crate::mail;
    use crate::{context, error::Checker};

    let ctx = context::app_context()?;
    let mut check = Checker::new();
    let clean_name = check.text("name", &name, true, NAME_MAX);
    let address = flow::email_field(&mut check, "email", &email);
    let lang = flow::language_field(&mut check, &language);
    if let Some(problem) = address.as_ref().and_then(|a| pw::problem(&password, a)) {
        check.refuse("password", problem);
    }
    check.finish(&[("name", &name), ("email", &email), ("language", &language)])?;
    let address = address.ok_or(AppError::BadRequest)?;

    limits::check_ip(
        &ctx.db,
        limits::IpLimit::SignUp,
        ctx.ip_allowance,
        &context::client_info().ip,
    )
    .await?;
    let hash = pw::hash(password).await?;
    match store::create_account(&ctx.db, &address, &clean_name, &hash, lang).await? {
        Some(id) => flow::send_link(&ctx, id, &address, TokenPurpose::Verify, lang).await?,
        None => {
            mail::send(
                &ctx,
                address.as_str(),
                "Försök att skapa konto i Samråd / Sign-up attempt in Samråd",
                &format!(
                    "Någon försökte skapa ett konto i Samråd med din adress. Du har redan ett konto; \
                     har du glömt lösenordet kan du välja ett nytt: {}/konto/glomt-losenord\n\n\
                     Someone tried to create a Samråd account with your address, which already has one.",
                    ctx.site_origin
                ),
            )
            .await?
        }
    }
    leptos_axum::redirect("/konto/skapa?skickat=1");
    Ok(())
}

/// Confirms an email address (a new account's, or a changed one).
#[server(endpoint = "accounts/verify-email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    use super::{store, store::TokenPurpose, tokens};
    let ctx = crate::context::app_context()?;
    let hash = tokens::hash_token(token.trim());
    if let Some((account, _)) =
        store::consume_email_token(&ctx.db, &hash, TokenPurpose::Verify).await?
    {
        store::mark_verified(&ctx.db, account).await?;
    } else if let Some((account, Some(new_email))) =
        store::consume_email_token(&ctx.db, &hash, TokenPurpose::ChangeEmail).await?
    {
        let old = store::change_email(&ctx.db, account, &new_email).await?;
        flow::event(&ctx, account, store::SecurityEvent::EmailChanged).await?;
        let lang = store::account_language(&ctx.db, account).await?;
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
    leptos_axum::redirect("/konto/verifiera?klart=1");
    Ok(())
}

/// Signs in with email and password. Unknown addresses cost the same
/// time as known ones, and the answer never says which was wrong. With
/// two-step verification on, a code is asked for next.
#[server(endpoint = "accounts/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    use super::{limits, password as pw, password::Verdict, session, store, tokens, Email};
    use crate::context;

    let ctx = context::app_context()?;
    limits::check_ip(
        &ctx.db,
        limits::IpLimit::SignIn,
        ctx.ip_allowance,
        &context::client_info().ip,
    )
    .await?;
    let address = Email::parse(&email).map_err(|_| AppError::InvalidCredentials)?;
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
        return Err(AppError::InvalidCredentials);
    };
    if rehash {
        store::set_password(&ctx.db, account.account_id, &pw::hash(password).await?).await?;
    }
    if account.two_factor {
        let (token, hash) = tokens::new_token();
        store::create_challenge(&ctx.db, &hash, account.account_id, session::CHALLENGE_MS).await?;
        context::set_cookie(&session::set_challenge_cookie(&token, ctx.secure_cookies))?;
        leptos_axum::redirect("/konto/tvasteg/verifiera");
        return Ok(());
    }
    flow::finish_sign_in(&ctx, account.account_id, address.as_str(), account.language).await
}

/// The second step of a sign-in: a code from the app or a recovery code.
#[server(endpoint = "accounts/two-factor/verify")]
pub async fn verify_two_factor(code: String) -> Result<(), AppError> {
    use super::{limits, session, store, tokens, totp};
    use crate::{
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
    let (email, secret, last_step) = store::two_factor_state(&ctx.db, account_id)
        .await?
        .ok_or(AppError::InvalidToken)?;
    if limits::is_locked(&ctx.db, &email).await? {
        return Err(AppError::AccountLocked);
    }
    let now_s = ctx.db.now() / 1000;
    let accepted = match totp::verify(&secret, &code, now_s, last_step) {
        Some(step) => store::use_totp_step(&ctx.db, account_id, step).await?,
        None => store::use_recovery_code(&ctx.db, account_id, &code).await?,
    };
    if !accepted {
        flow::sign_in_failed(&ctx, &email, Some(account_id)).await?;
        let mut check = Checker::new();
        check.refuse("code", FieldProblem::WrongCode);
        return check.finish(&[]);
    }
    store::end_challenge(&ctx.db, &hash).await?;
    context::set_cookie(&session::clear_challenge_cookie(ctx.secure_cookies))?;
    let lang = store::account_language(&ctx.db, account_id).await?;
    flow::finish_sign_in(&ctx, account_id, &email, lang).await
}

/// Starts turning two-step verification on: a new secret and recovery
/// codes, shown on the set-up page until confirmed.
#[server(endpoint = "accounts/two-factor/start")]
pub async fn start_two_factor(enable_password: String) -> Result<(), AppError> {
    use super::{store, totp};
    use crate::error::Checker;
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    let mut check = Checker::new();
    flow::recheck_password(&ctx, &mut check, &user, "enable_password", enable_password).await?;
    check.finish(&[])?;
    store::begin_two_factor(
        &ctx.db,
        user.account_id,
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
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    Ok(store::pending_two_factor(&ctx.db, user.account_id)
        .await?
        .map(|(secret, recovery_codes)| super::TwoFactorSetup {
            uri: totp::provisioning_uri(&secret, &user.email),
            secret,
            recovery_codes,
        }))
}

/// Turns two-step verification on once the app shows the right code.
#[server(endpoint = "accounts/two-factor/confirm")]
pub async fn confirm_two_factor(code: String) -> Result<(), AppError> {
    use super::{store, totp};
    use crate::error::{Checker, FieldProblem};
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    let (secret, _) = store::pending_two_factor(&ctx.db, user.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(step) = totp::verify(&secret, &code, ctx.db.now() / 1000, None) else {
        let mut check = Checker::new();
        check.refuse("code", FieldProblem::WrongCode);
        return check.finish(&[]);
    };
    store::confirm_two_factor(&ctx.db, user.account_id, step).await?;
    flow::event(&ctx, user.account_id, store::SecurityEvent::TwoFactorOn).await?;
    leptos_axum::redirect("/konto?tvasteg=1#tvasteg");
    Ok(())
}

/// Turns two-step verification off; needs the password.
#[server(endpoint = "accounts/two-factor/disable")]
pub async fn disable_two_factor(disable_password: String) -> Result<(), AppError> {
    use super::store;
    use crate::error::Checker;
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    let mut check = Checker::new();
    flow::recheck_password(
        &ctx,
        &mut check,
        &user,
        "disable_password",
        disable_password,
    )
    .await?;
    check.finish(&[])?;
    store::disable_two_factor(&ctx.db, user.account_id).await?;
    flow::event(&ctx, user.account_id, store::SecurityEvent::TwoFactorOff).await?;
    leptos_axum::redirect("/konto?tvasteg_av=1#tvasteg");
    Ok(())
}

/// Ends this session on the server and in the browser.
#[server(endpoint = "accounts/sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use super::{session, store};
    let ctx = crate::context::app_context()?;
    if let Some(user) = super::current_user() {
        store::end_session(&ctx.db, user.account_id, user.session_id).await?;
    }
    crate::context::set_cookie(&session::clear_cookie(ctx.secure_cookies))?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Mails a reset link when the address has an account; answers the same
/// either way.
#[server(endpoint = "accounts/forgot-password")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    use super::{limits, store, store::TokenPurpose};
    use crate::{context, error::Checker};
    let ctx = context::app_context()?;
    let mut check = Checker::new();
    let address = flow::email_field(&mut check, "email", &email);
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
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use super::{password as pw, store, store::TokenPurpose, tokens, Email};
    use crate::error::Checker;
    let ctx = crate::context::app_context()?;
    let hash = tokens::hash_token(token.trim());
    // Check the password before spending the single-use token on it.
    let email = store::reset_token_email(&ctx.db, &hash)
        .await?
        .and_then(|e| Email::parse(&e).ok())
        .ok_or(AppError::InvalidToken)?;
    let mut check = Checker::new();
    if let Some(problem) = pw::problem(&password, &email) {
        check.refuse("password", problem);
    }
    check.finish(&[])?;
    let (account, _) = store::consume_email_token(&ctx.db, &hash, TokenPurpose::Reset)
        .await?
        .ok_or(AppError::InvalidToken)?;
    store::set_password(&ctx.db, account, &pw::hash(password).await?).await?;
    store::end_all_sessions(&ctx.db, account).await?;
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
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use super::{password as pw, store, store::TokenPurpose, Email};
    use crate::error::Checker;
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    let mut check = Checker::new();
    flow::recheck_password(
        &ctx,
        &mut check,
        &user,
        "current_password",
        current_password,
    )
    .await?;
    let email = Email::parse(&user.email).map_err(AppError::internal)?;
    if let Some(problem) = pw::problem(&new_password, &email) {
        check.refuse("new_password", problem);
    }
    check.finish(&[])?;
    store::set_password(&ctx.db, user.account_id, &pw::hash(new_password).await?).await?;
    store::end_other_sessions(&ctx.db, user.account_id, user.session_id).await?;
    store::revoke_tokens(
        &ctx.db,
        user.account_id,
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
    flow::event(&ctx, user.account_id, store::SecurityEvent::PasswordChanged).await?;
    leptos_axum::redirect("/konto?losenord=1");
    Ok(())
}

/// Starts an email change: the new address gets a link, and the change
/// applies when it is opened.
#[server(endpoint = "accounts/change-email")]
pub async fn change_email(new_email: String, password: String) -> Result<(), AppError> {
    use super::{store, store::TokenPurpose};
    use crate::error::Checker;
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    let mut check = Checker::new();
    let address = flow::email_field(&mut check, "new_email", &new_email);
    flow::recheck_password(&ctx, &mut check, &user, "password", password).await?;
    check.finish(&[("new_email", &new_email)])?;
    let address = address.ok_or(AppError::BadRequest)?;
    // A taken address gets no link; the answer is the same, so it tells
    // nobody which addresses have accounts.
    if !store::email_taken(&ctx.db, &address).await? {
        flow::send_link(
            &ctx,
            user.account_id,
            &address,
            TokenPurpose::ChangeEmail,
            user.language,
        )
        .await?;
    }
    leptos_axum::redirect("/konto?epost=1");
    Ok(())
}

#[server(endpoint = "accounts/update-profile")]
pub async fn update_profile(name: String, title: String, language: String) -> Result<(), AppError> {
    use super::{store, NAME_MAX};
    use crate::error::Checker;
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    let mut check = Checker::new();
    let clean_name = check.text("name", &name, true, NAME_MAX);
    let clean_title = check.text("title", &title, false, NAME_MAX);
    let lang = flow::language_field(&mut check, &language);
    check.finish(&[("name", &name), ("title", &title), ("language", &language)])?;
    store::update_profile(&ctx.db, user.account_id, &clean_name, &clean_title, lang).await?;
    crate::i18n::api::remember_language(lang)?;
    leptos_axum::redirect("/konto?sparat=1");
    Ok(())
}

/// Ends one of my sessions (another browser, or this one).
#[server(endpoint = "accounts/end-session")]
pub async fn end_session(session_id: i64) -> Result<(), AppError> {
    use super::store;
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    if !store::end_session(&ctx.db, user.account_id, session_id).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect("/konto?avslutad=1#inloggningar");
    Ok(())
}

/// Erases my personal data and ends my sessions; needs the password.
#[server(endpoint = "accounts/delete")]
pub async fn delete_account(confirm_password: String) -> Result<(), AppError> {
    use super::session;
    use crate::error::Checker;
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    let mut check = Checker::new();
    flow::recheck_password(
        &ctx,
        &mut check,
        &user,
        "confirm_password",
        confirm_password,
    )
    .await?;
    check.finish(&[])?;
    crate::privacy::erase(&ctx.db, user.account_id).await?;
    crate::context::set_cookie(&session::clear_cookie(ctx.secure_cookies))?;
    leptos_axum::redirect("/?raderat=1");
    Ok(())
}

/// My sessions, for the account page.
#[server(endpoint = "accounts/sessions")]
pub async fn my_sessions() -> Result<Vec<super::SessionInfo>, AppError> {
    let user = super::require_user()?;
    let ctx = crate::context::app_context()?;
    super::store::sessions(&ctx.db, user.account_id, user.session_id).await
}
