//! The organisations room's server functions. Those that decide on an
//! organisation's people are in members/api.rs, and the search and the
//! request to join in search/api.rs, re-exported here.

use super::RegistrationForm;
use crate::error::AppError;
use leptos::prelude::*;

pub use super::members::api::{
    decide_member, demote_admin, make_admin, remove_member, DecideMember, DemoteAdmin, MakeAdmin,
    RemoveMember,
};
pub use super::search::api::{ask_to_join, search_organisations, AskToJoin, SearchOrganisations};

/// From a registration refused because the address is not verified yet:
/// mails a new link and sends the form back as it was typed, so that
/// asking for the link loses nothing.
#[server(endpoint = "organisations/resend-link")]
pub async fn resend_link(#[server(flatten)] form: RegistrationForm) -> Result<(), AppError> {
    let user = crate::accounts::require_user()?;
    // Verified meanwhile (in another tab): the form is what they meant.
    if user.verified {
        return register_organisation(form).await;
    }
    crate::accounts::verification::send_again(&crate::context::app_context()?, &user).await?;
    Err(form.refused_unverified())
}

/// Registers an organisation, or asks to join it when its number is
/// already registered. Needs a verified email address; before that the
/// form comes back with everything typed, so nothing is lost meanwhile.
#[server(endpoint = "organisations/register")]
pub async fn register_organisation(
    #[server(flatten)] form: RegistrationForm,
) -> Result<(), AppError> {
    use super::{
        pages,
        store::{self, Registered},
        NewOrganisation,
    };
    use crate::{accounts::limits, core::ids::AccountId};
    let user = crate::accounts::require_user()?;
    if !user.verified {
        return Err(form.refused_unverified());
    }
    let ctx = crate::context::app_context()?;
    let new = NewOrganisation::parse(&form)?;
    // A number already registered makes this a request to join, which
    // mails that organisation's admins: counted as every request is.
    let account = AccountId(user.account_id);
    limits::check_account(&ctx.db, limits::AccountLimit::JoinRequest, account).await?;
    let path = match store::register(&ctx.db, &new, account).await? {
        Registered::Created(id) => format!("/organisationer/{id}?registrerad=1"),
        Registered::JoinRequested(id) => format!("/organisationer/{id}?ansokt=1"),
        Registered::AlreadyThere(id) => format!("/organisationer/{id}?redan=1"),
    };
    leptos_axum::redirect(&format!("{path}#{}", pages::ASKED_NOTICE));
    Ok(())
}

/// The organisation page's content for the person asking. Its public
/// facts are for anyone signed in; its people only for its own members
/// and site admins, and their addresses only for those who decide.
#[server(endpoint = "organisations/view")]
pub async fn organisation_view(organisation: String) -> Result<super::OrganisationView, AppError> {
    use super::{members::store as members, store, OrganisationView};
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let found = store::find(&ctx.db, &organisation)
        .await?
        .ok_or(AppError::NotFound)?;
    let mine = members::membership(&ctx.db, found.id, AccountId(user.account_id)).await?;
    let insider = user.site_admin || mine.is_some_and(|m| m.is_active());
    let decides = user.site_admin
        || (found.organisation.verified && mine.is_some_and(|m| m.is_active_admin()));
    // Who asks to join is for those who decide on it: while the
    // organisation is not verified that is a site admin, not whoever
    // registered it first.
    let members = if insider {
        let mut people = members::members(&ctx.db, found.id, decides).await?;
        people.retain(|m| decides || m.status != super::members::Status::Pending);
        people
    } else {
        Vec::new()
    };
    Ok(OrganisationView {
        organisation: found.organisation,
        my_role: mine.map(|m| m.role),
        my_status: mine.map(|m| m.status),
        site_admin: user.site_admin,
        decides,
        members,
    })
}

/// A site admin marks an organisation verified after checking it by hand;
/// its people, and those waiting to join, get a mail that says so.
#[server(endpoint = "organisations/verify")]
pub async fn verify_organisation(organisation: String) -> Result<(), AppError> {
    use super::{pages, store, text::verified_mail};
    use crate::{core::ids::AccountId, i18n::Lang};
    let user = crate::accounts::require_user()?;
    if !user.site_admin {
        return Err(AppError::Forbidden);
    }
    let ctx = crate::context::app_context()?;
    let found = store::find(&ctx.db, organisation.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let by = store::Decider {
        account_id: AccountId(user.account_id),
    };
    let page = format!("/organisationer/{}", found.organisation.public_id);
    for person in store::verify(&ctx.db, found.id, by).await? {
        let mail = verified_mail(Lang::parse(&person.language).unwrap_or_default());
        let link = format!("{}{page}", ctx.site_origin);
        let body = (mail.body)(&found.organisation.name, &link);
        crate::mail::send(&ctx, &person.email, mail.subject, &body).await?;
    }
    leptos_axum::redirect(&format!("{page}?verifierad=1#{}", pages::VERIFIED_NOTICE));
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
    use crate::core::ids::AccountId;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    super::store::mine(&ctx.db, AccountId(user.account_id)).await
}
