//! Joining's server functions: the guard (as coordinator, or as the admin
//! of an organisation), the form parsed, the store, a redirect.

use super::{
    AnswerForm, DecisionForm, Invitation, InvitationForm, JoinRequestForm, RoleChangeForm,
};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::{store, OwnRequest},
    crate::{
        accounts::SessionUser,
        context::AppContext,
        core::{
            ids::{AccountId, NetworkId},
            Actor, Guard,
        },
        db::Db,
        networks::{api::as_coordinator, store::Administered, Network, NetworkMember},
    },
};

/// The person as admin of one of their organisations, in a network they
/// may know of (hidden networks answer NotFound).
#[cfg(feature = "ssr")]
struct AsAdmin {
    ctx: AppContext,
    guard: Guard,
    actor: Actor,
    organisation: Administered,
}

#[cfg(feature = "ssr")]
async fn as_organisation_admin(network: &str, organisation: &str) -> Result<AsAdmin, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, Some(&user), network).await?;
    let organisation =
        crate::networks::store::administered_organisations(&ctx.db, AccountId(user.account_id))
            .await?
            .into_iter()
            .find(|o| o.public_id == organisation.trim())
            .ok_or(AppError::Forbidden)?;
    let actor = Actor::new(&user, organisation.id);
    Ok(AsAdmin {
        ctx,
        guard,
        actor,
        organisation,
    })
}

/// An organisation's admin asks to join on its behalf, with a motivation.
#[server(endpoint = "networks/request-join")]
pub async fn request_join(
    network: String,
    #[server(flatten)] form: JoinRequestForm,
) -> Result<(), AppError> {
    use super::NewJoinRequest;
    let admin = as_organisation_admin(&network, &form.organisation).await?;
    let network_id = admin.guard.network.id;
    let takes_requests = crate::networks::store::network(&admin.ctx.db, network_id)
        .await?
        .takes_requests();
    if !takes_requests {
        return Err(AppError::Forbidden);
    }
    if !admin.organisation.verified() {
        return Err(AppError::OrganisationNotVerified);
    }
    let request = NewJoinRequest::parse(&form)?;
    crate::accounts::limits::check_account(
        &admin.ctx.db,
        crate::accounts::limits::AccountLimit::JoinRequest,
        admin.actor.account_id,
    )
    .await?;
    store::request_join(
        &admin.ctx.db,
        network_id,
        &admin.organisation.name,
        admin.actor,
        request.motivation(),
    )
    .await?;
    leptos_axum::redirect(&format!("/natverk/{network}?ansokt=1#ansokt"));
    Ok(())
}

/// A coordinator approves or refuses a request; a refusal needs a reason,
/// which the requester sees, and is confirmed (it cannot be taken back).
#[server(endpoint = "networks/decide-join")]
pub async fn decide_join(
    network: String,
    #[server(flatten)] form: DecisionForm,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    use super::Decision;
    let coordinating = as_coordinator(&network).await?;
    let db = &coordinating.ctx.db;
    let decision = Decision::parse(&form)?;
    if !decision.approve() {
        crate::ui::confirm::require_confirmed(&confirm)?;
    }
    let organisation = crate::organisations::lookup(db, decision.organisation())
        .await?
        .ok_or(AppError::NotFound)?;
    store::decide_join(
        db,
        coordinating.guard.network.id,
        &organisation,
        &decision,
        coordinating.actor,
    )
    .await?;
    leptos_axum::redirect(&format!("/natverk/{network}?beslut=1#beslut"));
    Ok(())
}

/// An organisation's admin takes the organisation out of the network,
/// once confirmed. The last coordinator cannot leave. A hidden network is
/// no longer there for them, so they land on their own networks.
#[server(endpoint = "networks/leave")]
pub async fn leave_network(
    network: String,
    organisation: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    let admin = as_organisation_admin(&network, &organisation).await?;
    if admin.guard.network.status == crate::networks::NetworkStatus::Closed {
        return Err(AppError::NetworkClosed);
    }
    crate::ui::confirm::require_confirmed(&confirm)?;
    store::leave(
        &admin.ctx.db,
        admin.guard.network.id,
        &admin.organisation.name,
        admin.actor,
    )
    .await?;
    if admin.guard.network.visibility == crate::networks::Visibility::Hidden {
        leptos_axum::redirect("/natverk/mina?lamnat=1#lamnat");
    } else {
        leptos_axum::redirect(&format!("/natverk/{network}?lamnat=1#lamnat"));
    }
    Ok(())
}

/// A coordinator invites an organisation, found by its number, with the
/// role it will have (member or observer).
#[server(endpoint = "networks/invite")]
pub async fn invite_organisation(
    network: String,
    #[server(flatten)] form: InvitationForm,
) -> Result<(), AppError> {
    use super::NewInvitation;
    let coordinating = as_coordinator(&network).await?;
    let db = &coordinating.ctx.db;
    let found = match form.number() {
        Some(number) => crate::organisations::lookup_by_number(db, &number).await?,
        None => None,
    };
    let invitation = NewInvitation::parse(&form, found)?;
    store::invite(
        db,
        coordinating.guard.network.id,
        &invitation,
        coordinating.actor,
    )
    .await?;
    leptos_axum::redirect(&format!("/natverk/{network}?inbjuden=1#inbjuden"));
    Ok(())
}

/// An invited organisation's admin accepts or declines. Works for hidden
/// networks too: the invitation is what lets the organisation know of it,
/// so it is found by the invitation rather than through the guard.
#[server(endpoint = "networks/answer-invitation")]
pub async fn answer_invitation(
    network: String,
    #[server(flatten)] form: AnswerForm,
) -> Result<(), AppError> {
    use super::Answer;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let answer = Answer::parse(&form)?;
    let invitation = store::invitation_for(
        &ctx.db,
        network.trim(),
        answer.organisation(),
        AccountId(user.account_id),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let actor = Actor::new(&user, invitation.organisation_id);
    store::answer_invitation(&ctx.db, &invitation, &answer, actor).await?;
    if answer.accept() {
        leptos_axum::redirect(&format!("/natverk/{network}?valkommen=1#valkommen"));
    } else {
        leptos_axum::redirect("/natverk/mina?avbojd=1#avbojd");
    }
    Ok(())
}

/// Invitations waiting for organisations I administer.
#[server(endpoint = "networks/invitations")]
pub async fn my_invitations() -> Result<Vec<Invitation>, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    store::invitations(&ctx.db, AccountId(user.account_id)).await
}

/// A coordinator gives a member organisation another role; the last
/// coordinator cannot be demoted.
#[server(endpoint = "networks/role")]
pub async fn change_role(
    network: String,
    #[server(flatten)] form: RoleChangeForm,
) -> Result<(), AppError> {
    use super::RoleChange;
    let coordinating = as_coordinator(&network).await?;
    let db = &coordinating.ctx.db;
    let change = RoleChange::parse(&form)?;
    let organisation = crate::organisations::lookup(db, change.organisation())
        .await?
        .ok_or(AppError::NotFound)?;
    store::change_role(
        db,
        coordinating.guard.network.id,
        &organisation,
        change.role(),
        coordinating.actor,
    )
    .await?;
    leptos_axum::redirect(&format!("/natverk/{network}?roll=1#roll"));
    Ok(())
}

/// What the person's organisations may do about joining one network, for
/// its page.
#[cfg(feature = "ssr")]
#[derive(Default)]
pub(in crate::networks) struct JoinChoices {
    /// Their waiting or refused requests, with the reason.
    pub own_requests: Vec<OwnRequest>,
    /// Verified organisations they administer that may ask to join:
    /// (public id, name).
    pub may_request_for: Vec<(String, String)>,
    /// Verified organisations they administer that are members.
    pub may_leave_for: Vec<(String, String)>,
}

#[cfg(feature = "ssr")]
pub(in crate::networks) async fn choices(
    db: &Db,
    user: &SessionUser,
    network_id: NetworkId,
    network: &Network,
    members: &[NetworkMember],
) -> Result<JoinChoices, AppError> {
    let account_id = AccountId(user.account_id);
    let own_requests = store::own_requests(db, network_id, account_id).await?;
    let administered = crate::networks::store::administered_organisations(db, account_id).await?;
    let is_member = |public_id: &str| {
        members
            .iter()
            .any(|m| m.organisation_public_id == public_id)
    };
    let is_waiting = |name: &str| {
        own_requests
            .iter()
            .any(|r| r.organisation == name && r.status == "requested")
    };
    let (inside, outside): (Vec<_>, Vec<_>) = administered
        .into_iter()
        .filter(|o| o.verified())
        .map(|o| (o.public_id, o.name))
        .partition(|(public_id, _)| is_member(public_id));
    let may_request_for = if network.takes_requests() {
        outside
            .into_iter()
            .filter(|(_, name)| !is_waiting(name))
            .collect()
    } else {
        Vec::new()
    };
    Ok(JoinChoices {
        own_requests,
        may_request_for,
        may_leave_for: inside,
    })
}
