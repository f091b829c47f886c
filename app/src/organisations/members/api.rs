//! The server functions that decide on an organisation's people.

use crate::error::AppError;
use leptos::prelude::*;

/// An organisation's admin approves or refuses a request to join; for an
/// organisation not yet verified, only a site admin decides, since its
/// first registrant may not be who they claim.
#[server(endpoint = "organisations/decide")]
pub async fn decide_member(
    organisation: String,
    account_id: i64,
    decision: String,
) -> Result<(), AppError> {
    use crate::core::ids::AccountId;
    let approve = match decision.as_str() {
        "approve" => true,
        "refuse" => false,
        _ => return Err(AppError::BadRequest),
    };
    let (ctx, by, id) = as_decider(&organisation).await?;
    super::store::decide(&ctx.db, id, AccountId(account_id), approve, by).await?;
    leptos_axum::redirect(&format!(
        "/organisationer/{}?beslut=1#{}",
        organisation.trim(),
        crate::organisations::pages::DECIDED_NOTICE
    ));
    Ok(())
}

/// An organisation's admin makes an active member an admin too.
#[server(endpoint = "organisations/make-admin")]
pub async fn make_admin(organisation: String, account_id: i64) -> Result<(), AppError> {
    use crate::core::ids::AccountId;
    let (ctx, by, id) = as_decider(&organisation).await?;
    super::store::make_admin(&ctx.db, id, AccountId(account_id), by).await?;
    leptos_axum::redirect(&format!(
        "/organisationer/{}?roll=1#{}",
        organisation.trim(),
        crate::organisations::pages::PEOPLE_NOTICE
    ));
    Ok(())
}

/// An organisation's admin makes another admin a member again; the last
/// admin stays.
#[server(endpoint = "organisations/demote-admin")]
pub async fn demote_admin(organisation: String, account_id: i64) -> Result<(), AppError> {
    use crate::core::ids::AccountId;
    let (ctx, by, id) = as_decider(&organisation).await?;
    super::store::demote_admin(&ctx.db, id, AccountId(account_id), by).await?;
    leptos_axum::redirect(&format!(
        "/organisationer/{}?roll=1#{}",
        organisation.trim(),
        crate::organisations::pages::PEOPLE_NOTICE
    ));
    Ok(())
}

/// An organisation's admin takes a person out (someone who left the job);
/// their rights through the organisation end at once, so it takes the
/// confirming step. The last admin stays.
#[server(endpoint = "organisations/remove-member")]
pub async fn remove_member(
    organisation: String,
    account_id: i64,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    use crate::core::ids::AccountId;
    let (ctx, by, id) = as_decider(&organisation).await?;
    crate::ui::confirm::require_confirmed(&confirm)?;
    super::store::remove_member(&ctx.db, id, AccountId(account_id), by).await?;
    leptos_axum::redirect(&format!(
        "/organisationer/{}?borttagen=1#{}",
        organisation.trim(),
        crate::organisations::pages::PEOPLE_NOTICE
    ));
    Ok(())
}

/// The one place that says who decides on an organisation's people: its
/// admins once a site admin has verified it, and site admins always.
#[cfg(feature = "ssr")]
async fn as_decider(
    organisation: &str,
) -> Result<
    (
        crate::context::AppContext,
        crate::organisations::store::Decider,
        crate::core::ids::OrganisationId,
    ),
    AppError,
> {
    use crate::{core::ids::AccountId, organisations::store};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let found = store::find(&ctx.db, organisation.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let account_id = AccountId(user.account_id);
    let by = store::Decider { account_id };
    if user.site_admin {
        return Ok((ctx, by, found.id));
    }
    match super::store::membership(&ctx.db, found.id, account_id).await? {
        Some(m) if m.is_active_admin() && found.organisation.verified => Ok((ctx, by, found.id)),
        Some(m) if m.is_active_admin() => Err(AppError::OrganisationNotVerified),
        _ => Err(AppError::Forbidden),
    }
}
