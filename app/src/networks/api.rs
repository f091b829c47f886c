//! The network's server functions. Each starts at the network's guard
//! (`core::Guard`), which says who the person is in the network.

use super::{NetworkForm, NetworkStatusForm};
use crate::error::AppError;
use leptos::prelude::*;

/// Starts a network; the person's verified organisation becomes its
/// coordinator.
#[server(endpoint = "networks/create")]
pub async fn create_network(#[server(flatten)] form: NetworkForm) -> Result<(), AppError> {
    use super::{store, NewNetwork};
    use crate::core::{ids::AccountId, Actor};
    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let founder = store::verified_organisation_of(
        &ctx.db,
        form.organisation.trim(),
        AccountId(user.account_id),
    )
    .await?;
    let new = NewNetwork::parse(&form, founder)?;
    let public_id = store::create(&ctx.db, &new, Actor::new(&user, new.founder())).await?;
    leptos_axum::redirect(&format!("/natverk/{public_id}?startat=1#startat"));
    Ok(())
}

/// The network page's content for the person asking. A hidden network
/// answers a non-member exactly as a network that does not exist.
#[server(endpoint = "networks/view")]
pub async fn network_view(network: String) -> Result<super::NetworkView, AppError> {
    use super::{joining, store, Action, NetworkRights, NetworkView};
    use crate::core::{audit, Guard};
    let user = crate::accounts::current_user();
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, user.as_ref(), &network).await?;
    let id = guard.network.id;
    let network = store::network(&ctx.db, id).await?;
    let oversees = guard.can(Action::SeeLog, &[]);
    let (audit, requests, invited) = if oversees {
        let lang = crate::i18n::use_lang();
        let deleted = crate::accounts::text::text(lang).deleted_user;
        (
            audit::of_network(&ctx.db, id, deleted, lang).await?,
            joining::store::requests(&ctx.db, id).await?,
            store::invited(&ctx.db, id).await?,
        )
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    let members = store::members(&ctx.db, id).await?;
    let choices = match &user {
        Some(user) => joining::api::choices(&ctx.db, user, id, &network, &members).await?,
        None => joining::api::JoinChoices::default(),
    };
    // Each organisation has a feed secret of its own, so leaving revokes it.
    let feed_token = match guard.organisations().first() {
        Some(organisation) => Some(store::feed_token(&ctx.db, id, organisation.id).await?),
        None => None,
    };
    Ok(NetworkView {
        members,
        network,
        access: guard.access(),
        rights: NetworkRights {
            read: guard.can(Action::ReadContent, &[]),
            start: guard.can(Action::Start, &[]),
            govern: guard.can(Action::Govern, &[]),
            see_log: oversees,
        },
        audit,
        requests,
        own_requests: choices.own_requests,
        may_request_for: choices.may_request_for,
        may_leave_for: choices.may_leave_for,
        invited,
        feed_token,
    })
}

/// A coordinator moves the network along its lifecycle, with a reason.
#[server(endpoint = "networks/status")]
pub async fn change_network_status(
    network: String,
    #[server(flatten)] form: NetworkStatusForm,
) -> Result<(), AppError> {
    use super::{store, StatusStep};
    let coordinating = as_coordinator(&network).await?;
    let network_id = coordinating.guard.network.id;
    let step = StatusStep::parse(&form, coordinating.guard.network.status)?;
    store::transition(&coordinating.ctx.db, network_id, &step, coordinating.actor).await?;
    leptos_axum::redirect(&format!("/natverk/{network}?status=1#status-andrad"));
    Ok(())
}

/// A coordinator ends every organisation's calendar-feed secret (a
/// leaked address stops working); each gets a new one.
#[server(endpoint = "networks/rotate-feed")]
pub async fn rotate_feed(network: String) -> Result<(), AppError> {
    let coordinating = as_coordinator(&network).await?;
    let network = &coordinating.guard.network;
    super::store::rotate_feeds(&coordinating.ctx.db, network.id, coordinating.actor).await?;
    leptos_axum::redirect(&format!(
        "/natverk/{}?kalender=1#kalender-bytt",
        network.public_id
    ));
    Ok(())
}

/// The audit log as CSV, for coordinators; anyone else is answered as if
/// there were no such network or no right to it.
#[cfg(feature = "ssr")]
pub async fn audit_csv(
    ctx: &crate::context::AppContext,
    user: Option<&crate::accounts::SessionUser>,
    network: &str,
) -> Result<String, AppError> {
    use crate::core::{audit, Guard};
    let guard = Guard::of_network(&ctx.db, user, network).await?;
    guard.require(super::Action::SeeLog)?;
    let lang = user.map(|u| u.language).unwrap_or_default();
    let deleted = crate::accounts::text::text(lang).deleted_user;
    let entries = audit::of_network(&ctx.db, guard.network.id, deleted, lang).await?;
    Ok(audit::csv(&entries))
}

/// The signed-in person as a coordinator of a network, acting for the
/// organisation that holds the role.
#[cfg(feature = "ssr")]
pub(in crate::networks) struct Coordinating {
    pub ctx: crate::context::AppContext,
    pub guard: crate::core::Guard,
    pub actor: crate::core::Actor,
}

#[cfg(feature = "ssr")]
pub(in crate::networks) async fn as_coordinator(network: &str) -> Result<Coordinating, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = crate::core::Guard::of_network(&ctx.db, Some(&user), network).await?;
    let actor = guard.actor_for(super::Action::Govern, None)?;
    Ok(Coordinating { ctx, guard, actor })
}
