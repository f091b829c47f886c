//! The organisations room's server functions.

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub(crate) mod check {
    //! Turning form fields into a checked registration.
    use crate::{
        error::{Checker, FieldProblem},
        organisations::{
            store::NewOrganisation, OrgKind, OrgNumber, OrgNumberError, NAME_MAX, WEBSITE_MAX,
        },
        regions,
    };

    pub fn org_number(check: &mut Checker, raw: &str) -> Option<OrgNumber> {
        match OrgNumber::parse(raw) {
            Ok(number) => Some(number),
            Err(e) => {
                let problem = match e {
                    _ if raw.trim().is_empty() => FieldProblem::Required,
                    OrgNumberError::NotDigits => FieldProblem::OrgNumberNotDigits,
                    OrgNumberError::WrongLength => FieldProblem::OrgNumberLength,
                    OrgNumberError::NotAnOrganisation => FieldProblem::OrgNumberNotOrganisation,
                    OrgNumberError::CheckDigit => FieldProblem::OrgNumberCheckDigit,
                };
                check.refuse("org_number", problem);
                None
            }
        }
    }

    fn website(check: &mut Checker, raw: &str) -> String {
        let site = check.text("website", raw, false, WEBSITE_MAX);
        let host = site
            .strip_prefix("https://")
            .or_else(|| site.strip_prefix("http://"))
            .map(|rest| rest.split('/').next().unwrap_or_default());
        let valid = site.is_empty()
            || host.is_some_and(|h| {
                h.contains('.')
                    && h.chars()
                        .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
            });
        if !valid {
            check.refuse("website", FieldProblem::InvalidUrl);
        }
        site
    }

    #[allow(clippy::too_many_arguments)]
    pub fn registration(
        check: &mut Checker,
        org_number_raw: &str,
        name: &str,
        kind: &str,
        lan: &str,
        kommun: &str,
        website_raw: &str,
    ) -> Option<NewOrganisation> {
        let number = org_number(check, org_number_raw);
        let name = check.text("name", name, true, NAME_MAX);
        let kind = OrgKind::parse(kind);
        if kind.is_none() {
            check.refuse("kind", FieldProblem::InvalidChoice);
        }
        let lan = regions::lan(lan.trim());
        if lan.is_none() {
            check.refuse("lan", FieldProblem::InvalidChoice);
        }
        let kommun = match kommun.trim() {
            "" if kind == Some(OrgKind::Kommun) => {
                check.refuse("kommun", FieldProblem::Required);
                None
            }
            "" => None,
            code => match regions::kommun(code) {
                None => {
                    check.refuse("kommun", FieldProblem::InvalidChoice);
                    None
                }
                Some(k) if lan.is_some_and(|l| !k.code.starts_with(l.code)) => {
                    check.refuse("kommun", FieldProblem::KommunOutsideLan);
                    None
                }
                Some(k) => Some(k.code.to_string()),
            },
        };
        let website = website(check, website_raw);
        Some(NewOrganisation {
            org_number: number?,
            name,
            kind: kind?,
            lan_code: lan?.code.to_string(),
            kommun_code: kommun,
            website,
        })
    }
}

/// Registers an organisation, or asks to join it when its number is
/// already registered. Needs a verified email address.
#[server(endpoint = "organisations/register")]
pub async fn register_organisation(
    org_number: String,
    name: String,
    kind: String,
    lan: String,
    kommun: String,
    website: String,
) -> Result<(), AppError> {
    use super::store::{self, Registered};
    use crate::error::Checker;
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let mut checker = Checker::new();
    let new = check::registration(
        &mut checker,
        &org_number,
        &name,
        &kind,
        &lan,
        &kommun,
        &website,
    );
    checker.finish(&[
        ("org_number", &org_number),
        ("name", &name),
        ("kind", &kind),
        ("lan", &lan),
        ("kommun", &kommun),
        ("website", &website),
    ])?;
    let new = new.ok_or(AppError::BadRequest)?;
    let path = match store::register(&ctx.db, &new, user.account_id).await? {
        Registered::Created(id) => format!("/organisationer/{id}?registrerad=1"),
        Registered::JoinRequested(id) => format!("/organisationer/{id}?ansokt=1"),
        Registered::AlreadyThere(id) => format!("/organisationer/{id}?redan=1"),
    };
    leptos_axum::redirect(&path);
    Ok(())
}

/// The organisation page's content for the person asking. Its public
/// facts are for anyone signed in; its people only for its own members
/// and site admins, and their addresses only for those who decide.
#[server(endpoint = "organisations/view")]
pub async fn organisation_view(organisation: String) -> Result<super::OrganisationView, AppError> {
    use super::{store, OrganisationView, Role, Status};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let (id, organisation) = store::find(&ctx.db, &organisation)
        .await?
        .ok_or(AppError::NotFound)?;
    let mine = store::membership(&ctx.db, id, user.account_id).await?;
    let insider = user.site_admin || matches!(mine, Some((_, Status::Active)));
    let decides =
        user.site_admin || (organisation.verified && mine == Some((Role::Admin, Status::Active)));
    let members = if insider {
        store::members(&ctx.db, id, decides).await?
    } else {
        Vec::new()
    };
    Ok(OrganisationView {
        organisation,
        my_role: mine.map(|(role, _)| role),
        my_status: mine.map(|(_, status)| status),
        site_admin: user.site_admin,
        decides,
        members,
    })
}

/// An organisation's admin approves or refuses a request to join; for an
/// organisation not yet verified, only a site admin decides, since its
/// first registrant may not be who they claim.
#[server(endpoint = "organisations/decide")]
pub async fn decide_member(
    organisation: String,
    account_id: i64,
    decision: String,
) -> Result<(), AppError> {
    let approve = match decision.as_str() {
        "approve" => true,
        "refuse" => false,
        _ => return Err(AppError::BadRequest),
    };
    let (ctx, by, id) = as_decider(&organisation).await?;
    super::store::decide(&ctx.db, id, account_id, approve, by).await?;
    leptos_axum::redirect(&format!("/organisationer/{}?beslut=1", organisation.trim()));
    Ok(())
}

/// An organisation's admin makes an active member an admin too.
#[server(endpoint = "organisations/make-admin")]
pub async fn make_admin(organisation: String, account_id: i64) -> Result<(), AppError> {
    let (ctx, by, id) = as_decider(&organisation).await?;
    super::store::make_admin(&ctx.db, id, account_id, by).await?;
    leptos_axum::redirect(&format!("/organisationer/{}?beslut=1", organisation.trim()));
    Ok(())
}

/// An organisation's admin makes another admin a member again; the last
/// admin stays.
#[server(endpoint = "organisations/demote-admin")]
pub async fn demote_admin(organisation: String, account_id: i64) -> Result<(), AppError> {
    let (ctx, by, id) = as_decider(&organisation).await?;
    super::store::demote_admin(&ctx.db, id, account_id, by).await?;
    leptos_axum::redirect(&format!("/organisationer/{}?beslut=1", organisation.trim()));
    Ok(())
}

/// An organisation's admin takes a person out (someone who left the job);
/// their rights through the organisation end at once. The last admin
/// stays.
#[server(endpoint = "organisations/remove-member")]
pub async fn remove_member(organisation: String, account_id: i64) -> Result<(), AppError> {
    let (ctx, by, id) = as_decider(&organisation).await?;
    super::store::remove_member(&ctx.db, id, account_id, by).await?;
    leptos_axum::redirect(&format!(
        "/organisationer/{}?borttagen=1",
        organisation.trim()
    ));
    Ok(())
}

/// A site admin marks an organisation verified after checking it by hand.
#[server(endpoint = "organisations/verify")]
pub async fn verify_organisation(organisation: String) -> Result<(), AppError> {
    use super::store;
    let user = crate::accounts::require_user()?;
    if !user.site_admin {
        return Err(AppError::Forbidden);
    }
    let ctx = crate::context::app_context()?;
    let (id, _) = store::find(&ctx.db, &organisation)
        .await?
        .ok_or(AppError::NotFound)?;
    let by = store::Decider {
        account_id: user.account_id,
    };
    store::verify(&ctx.db, id, by).await?;
    leptos_axum::redirect(&format!("/organisationer/{}", organisation.trim()));
    Ok(())
}

/// Organisations waiting for verification, with everyone who claims each
/// one; for site admins.
#[server(endpoint = "organisations/claims")]
pub async fn claims() -> Result<Vec<super::Claim>, AppError> {
    let user = crate::accounts::require_user()?;
    if !user.site_admin {
        return Err(AppError::Forbidden);
    }
    let ctx = crate::context::app_context()?;
    super::store::claims(&ctx.db).await
}

/// My organisations, for my account page.
#[server(endpoint = "organisations/mine")]
pub async fn my_organisations() -> Result<Vec<super::MyOrganisation>, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    super::store::mine(&ctx.db, user.account_id).await
}

/// The one place that says who decides on an organisation's people: its
/// admins once a site admin has verified it, and site admins always.
#[cfg(feature = "ssr")]
async fn as_decider(
    organisation: &str,
) -> Result<(crate::context::AppContext, super::store::Decider, i64), AppError> {
    use super::{store, Role, Status};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let (id, found) = store::find(&ctx.db, organisation.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let by = store::Decider {
        account_id: user.account_id,
    };
    if user.site_admin {
        return Ok((ctx, by, id));
    }
    match store::membership(&ctx.db, id, user.account_id).await? {
        Some((Role::Admin, Status::Active)) if found.verified => Ok((ctx, by, id)),
        Some((Role::Admin, Status::Active)) => Err(AppError::OrganisationNotVerified),
        _ => Err(AppError::Forbidden),
    }
}
