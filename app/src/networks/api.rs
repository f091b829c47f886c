//! The networks room's server functions. Each starts at the network's
//! guard (`core::Guard`), which says who the person is in the network.

// A server function takes one argument per form field; long forms have
// many, and the generated client function repeats the list.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use leptos::prelude::*;

/// Starts a network; the person's verified organisation becomes its
/// coordinator.
#[server(endpoint = "networks/create")]
pub async fn create_network(
    name: String,
    purpose: String,
    organisation: String,
    staircase: String,
    #[server(default)] regions: Vec<String>,
    #[server(default)] themes: Vec<String>,
    visibility: String,
    join_policy: String,
) -> Result<(), AppError> {
    use super::{store, JoinPolicy, Visibility, NAME_MAX, PURPOSE_MAX};
    use crate::{
        error::{Checker, FieldProblem},
        regions as lan_list,
        staircase::Staircase,
    };

    let user = crate::accounts::require_verified()?;
    let ctx = crate::context::app_context()?;
    let mut check = Checker::new();
    let clean_name = check.text("name", &name, true, NAME_MAX);
    let clean_purpose = check.text("purpose", &purpose, true, PURPOSE_MAX);
    let org =
        store::verified_organisation_of(&ctx.db, organisation.trim(), user.account_id).await?;
    if org.is_none() {
        check.refuse("organisation", FieldProblem::InvalidChoice);
    }
    let step = Staircase::parse(&staircase);
    if step.is_none() {
        check.refuse("staircase", FieldProblem::InvalidChoice);
    }
    let mut lan_codes: Vec<String> = regions.iter().map(|r| r.trim().to_string()).collect();
    lan_codes.sort();
    lan_codes.dedup();
    if lan_codes.is_empty() {
        check.refuse("regions", FieldProblem::Required);
    } else if lan_codes.iter().any(|code| lan_list::lan(code).is_none()) {
        check.refuse("regions", FieldProblem::InvalidChoice);
    }
    let mut divisions: Vec<String> = themes.iter().map(|t| t.trim().to_string()).collect();
    divisions.sort();
    divisions.dedup();
    if divisions.is_empty() {
        check.refuse("themes", FieldProblem::Required);
    } else if divisions
        .iter()
        .any(|code| crate::cpv::division(code).is_none())
    {
        check.refuse("themes", FieldProblem::InvalidChoice);
    }
    let shown = Visibility::parse(&visibility);
    if shown.is_none() {
        check.refuse("visibility", FieldProblem::InvalidChoice);
    }
    let policy = JoinPolicy::parse(&join_policy);
    if policy.is_none() {
        check.refuse("join_policy", FieldProblem::InvalidChoice);
    }
    let mut sent = vec![
        ("name", name.as_str()),
        ("purpose", purpose.as_str()),
        ("organisation", organisation.as_str()),
        ("staircase", staircase.as_str()),
        ("visibility", visibility.as_str()),
        ("join_policy", join_policy.as_str()),
    ];
    sent.extend(regions.iter().map(|r| ("regions", r.as_str())));
    sent.extend(themes.iter().map(|t| ("themes", t.as_str())));
    check.finish(&sent)?;
    let (Some(organisation_id), Some(staircase), Some(visibility), Some(join_policy)) =
        (org, step, shown, policy)
    else {
        return Err(AppError::BadRequest);
    };
    let new = store::NewNetwork {
        name: clean_name,
        purpose: clean_purpose,
        staircase,
        visibility,
        join_policy,
        regions: lan_codes,
        themes: divisions,
    };
    let actor = crate::core::Actor {
        account_id: user.account_id,
        organisation_id,
    };
    let public_id = store::create(&ctx.db, &new, actor).await?;
    leptos_axum::redirect(&format!("/natverk/{public_id}?startat=1"));
    Ok(())
}

/// The network page's content for the person asking. A hidden network
/// answers a non-member exactly as a network that does not exist.
#[server(endpoint = "networks/view")]
pub async fn network_view(network: String) -> Result<super::NetworkView, AppError> {
    use super::{store, Action, NetworkView};
    use crate::core::{audit, Guard};
    let user = crate::accounts::current_user();
    let ctx = crate::context::app_context()?;
    let guard = Guard::of_network(&ctx.db, user.as_ref(), &network).await?;
    let id = guard.network.id;
    let (_, network) = store::find(&ctx.db, &guard.network.public_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = crate::i18n::use_lang();
    let oversees = guard.can(Action::SeeLog, &[]);
    let (audit, requests, invited) = if oversees {
        let deleted = crate::accounts::text::text(lang).deleted_user;
        (
            audit::of_network(&ctx.db, id, deleted).await?,
            store::requests(&ctx.db, id).await?,
            store::invited(&ctx.db, id).await?,
        )
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    let members = store::members(&ctx.db, id).await?;
    let (own_requests, may_request_for, may_leave_for) = match &user {
        Some(user) => {
            let own = store::own_requests(&ctx.db, id, user.account_id).await?;
            let administered = store::administered_organisations(&ctx.db, user.account_id).await?;
            let is_member = |public_id: &str| {
                members
                    .iter()
                    .any(|m| m.organisation_public_id == public_id)
            };
            let is_waiting = |name: &str| {
                own.iter()
                    .any(|r| r.organisation == name && r.status == "requested")
            };
            let open = network.join_policy == super::JoinPolicy::Request
                && network.status != super::NetworkStatus::Closed;
            let (inside, outside): (Vec<_>, Vec<_>) = administered
                .into_iter()
                .filter(|o| o.verified())
                .map(|o| (o.public_id, o.name))
                .partition(|(public_id, _)| is_member(public_id));
            let may_request = if open {
                outside
                    .into_iter()
                    .filter(|(_, name)| !is_waiting(name))
                    .collect()
            } else {
                Vec::new()
            };
            (own, may_request, inside)
        }
        None => (Vec::new(), Vec::new(), Vec::new()),
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
        rights: super::NetworkRights {
            read: guard.can(Action::ReadContent, &[]),
            start: guard.can(Action::Start, &[]),
            govern: guard.can(Action::Govern, &[]),
            see_log: oversees,
        },
        audit,
        requests,
        own_requests,
        may_request_for,
        may_leave_for,
        invited,
        feed_token,
    })
}

/// A coordinator moves the network along its lifecycle, with a reason.
#[server(endpoint = "networks/status")]
pub async fn change_network_status(
    network: String,
    status: String,
    reason: String,
) -> Result<(), AppError> {
    use super::{store, NetworkStatus, REASON_MAX};
    use crate::error::{Checker, FieldProblem};
    let (ctx, guard, actor) = as_coordinator(&network).await?;
    let current = guard.network.status;
    let mut check = Checker::new();
    let next = NetworkStatus::parse(&status);
    match next {
        Some(next) if current.can_become(next) => {}
        _ => check.refuse("status", FieldProblem::InvalidChoice),
    }
    let reason_text = check.text("reason", &reason, true, REASON_MAX);
    check.finish(&[("reason", &reason)])?;
    let next = next.ok_or(AppError::BadRequest)?;
    store::transition(
        &ctx.db,
        guard.network.id,
        current,
        next,
        actor,
        &reason_text,
    )
    .await?;
    leptos_axum::redirect(&format!("/natverk/{network}?status=1"));
    Ok(())
}

/// The organisation I administer for `organisation`, in a network I may
/// know of: (context, guard, actor, the organisation's name and whether
/// it is verified). Hidden networks answer NotFound.
#[cfg(feature = "ssr")]
async fn as_organisation_admin(
    network: &str,
    organisation: &str,
) -> Result<
    (
        crate::context::AppContext,
        crate::core::Guard,
        crate::core::Actor,
        super::store::Administered,
    ),
    AppError,
> {
    use super::store;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = crate::core::Guard::of_network(&ctx.db, Some(&user), network).await?;
    let administered = store::administered_organisations(&ctx.db, user.account_id)
        .await?
        .into_iter()
        .find(|o| o.public_id == organisation.trim())
        .ok_or(AppError::Forbidden)?;
    let actor = crate::core::Actor {
        account_id: user.account_id,
        organisation_id: administered.id,
    };
    Ok((ctx, guard, actor, administered))
}

/// An organisation's admin asks to join on its behalf, with a motivation.
#[server(endpoint = "networks/request-join")]
pub async fn request_join(
    network: String,
    organisation: String,
    motivation: String,
) -> Result<(), AppError> {
    use super::{store, JoinPolicy, NetworkStatus, REASON_MAX};
    use crate::error::Checker;
    let (ctx, guard, actor, organisation) = as_organisation_admin(&network, &organisation).await?;
    let (_, net) = store::find(&ctx.db, &guard.network.public_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if net.join_policy != JoinPolicy::Request || net.status == NetworkStatus::Closed {
        return Err(AppError::Forbidden);
    }
    if !organisation.verified() {
        return Err(AppError::OrganisationNotVerified);
    }
    let mut check = Checker::new();
    let motivation_text = check.text("motivation", &motivation, true, REASON_MAX);
    check.finish(&[("motivation", &motivation)])?;
    store::request_join(
        &ctx.db,
        guard.network.id,
        &organisation.name,
        actor,
        &motivation_text,
    )
    .await?;
    leptos_axum::redirect(&format!("/natverk/{network}?ansokt=1"));
    Ok(())
}

/// A coordinator approves or refuses a request; a refusal needs a reason,
/// which the requester sees.
#[server(endpoint = "networks/decide-join")]
pub async fn decide_join(
    network: String,
    organisation: String,
    decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use super::{store, REASON_MAX};
    use crate::error::Checker;
    let (ctx, guard, actor) = as_coordinator(&network).await?;
    let approve = match decision.as_str() {
        "approve" => true,
        "refuse" => false,
        _ => return Err(AppError::BadRequest),
    };
    let mut check = Checker::new();
    let reason_text = check.text("reason", &reason, !approve, REASON_MAX);
    check.finish(&[("reason", &reason)])?;
    store::decide_join(
        &ctx.db,
        guard.network.id,
        organisation.trim(),
        approve,
        &reason_text,
        actor,
    )
    .await?;
    leptos_axum::redirect(&format!("/natverk/{network}?beslut=1"));
    Ok(())
}

/// An organisation's admin takes the organisation out of the network. The
/// last coordinator cannot leave.
#[server(endpoint = "networks/leave")]
pub async fn leave_network(network: String, organisation: String) -> Result<(), AppError> {
    let (ctx, guard, actor, organisation) = as_organisation_admin(&network, &organisation).await?;
    if guard.network.status == super::NetworkStatus::Closed {
        return Err(AppError::NetworkClosed);
    }
    super::store::leave(&ctx.db, guard.network.id, &organisation.name, actor).await?;
    leptos_axum::redirect(&format!("/natverk/{network}?lamnat=1"));
    Ok(())
}

/// The networks my organisations belong to.
#[server(endpoint = "networks/mine")]
pub async fn my_networks() -> Result<Vec<super::MyNetwork>, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    super::store::mine(&ctx.db, user.account_id).await
}

/// A coordinator invites an organisation, found by its number, with the
/// role it will have (member or observer).
#[server(endpoint = "networks/invite")]
pub async fn invite_organisation(
    network: String,
    org_number: String,
    role: String,
) -> Result<(), AppError> {
    use super::{store, NetworkRole};
    use crate::{
        error::{Checker, FieldProblem},
        organisations::{api::check, store as organisations},
    };
    let (ctx, guard, actor) = as_coordinator(&network).await?;
    let mut checker = Checker::new();
    let number = check::org_number(&mut checker, &org_number);
    let role = NetworkRole::parse(&role).filter(|r| *r != NetworkRole::Coordinator);
    if role.is_none() {
        checker.refuse("role", FieldProblem::InvalidChoice);
    }
    let organisation = match &number {
        Some(number) => organisations::find_by_number(&ctx.db, number).await?,
        None => None,
    };
    match &organisation {
        None if number.is_some() => checker.refuse("org_number", FieldProblem::UnknownOrganisation),
        Some(found) if !found.verified() => {
            checker.refuse("org_number", FieldProblem::OrganisationNotVerified)
        }
        _ => {}
    }
    checker.finish(&[("org_number", &org_number)])?;
    let (Some(organisation), Some(role)) = (organisation, role) else {
        return Err(AppError::BadRequest);
    };
    store::invite(&ctx.db, guard.network.id, organisation.id, role, actor).await?;
    leptos_axum::redirect(&format!("/natverk/{network}?inbjuden=1"));
    Ok(())
}

/// Organisations to invite, found by name or number; for coordinators.
#[server(endpoint = "networks/find-organisations")]
pub async fn find_organisations(
    network: String,
    text: String,
) -> Result<Vec<super::FoundOrganisation>, AppError> {
    use super::{store, FoundOrganisation};
    let text = text.trim();
    if text.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let (ctx, _, _) = as_coordinator(&network).await?;
    Ok(store::search_organisations(&ctx.db, text)
        .await?
        .into_iter()
        .map(|(public_id, name, org_number)| FoundOrganisation {
            public_id,
            name,
            org_number,
        })
        .collect())
}

/// An invited organisation's admin accepts or declines. Works for hidden
/// networks too: the invitation is what lets the organisation know of it.
#[server(endpoint = "networks/answer-invitation")]
pub async fn answer_invitation(
    network: String,
    organisation: String,
    answer: String,
) -> Result<(), AppError> {
    use super::store;
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let accept = match answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::BadRequest),
    };
    let (id, organisation_id) = store::invitation_for(
        &ctx.db,
        network.trim(),
        organisation.trim(),
        user.account_id,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let actor = crate::core::Actor {
        account_id: user.account_id,
        organisation_id,
    };
    store::answer_invitation(&ctx.db, id, accept, actor).await?;
    if accept {
        leptos_axum::redirect(&format!("/natverk/{network}?valkommen=1"));
    } else {
        leptos_axum::redirect("/natverk/mina?avbojd=1");
    }
    Ok(())
}

/// Invitations waiting for organisations I administer.
#[server(endpoint = "networks/invitations")]
pub async fn my_invitations() -> Result<Vec<super::Invitation>, AppError> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    super::store::invitations(&ctx.db, user.account_id).await
}

/// A coordinator gives a member organisation another role; the last
/// coordinator cannot be demoted.
#[server(endpoint = "networks/role")]
pub async fn change_role(
    network: String,
    organisation: String,
    role: String,
) -> Result<(), AppError> {
    use super::{store, NetworkRole};
    use crate::error::{Checker, FieldProblem};
    let (ctx, guard, actor) = as_coordinator(&network).await?;
    let mut checker = Checker::new();
    let role = NetworkRole::parse(&role);
    if role.is_none() {
        checker.refuse("role", FieldProblem::InvalidChoice);
    }
    checker.finish(&[])?;
    let role = role.ok_or(AppError::BadRequest)?;
    let (organisation_id, _) = crate::organisations::store::find(&ctx.db, organisation.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    store::change_role(&ctx.db, guard.network.id, organisation_id, role, actor).await?;
    leptos_axum::redirect(&format!("/natverk/{network}?roll=1"));
    Ok(())
}

/// One page of the network directory: the networks the person may know
/// of, filtered by name, theme, län and openness.
#[server(endpoint = "networks/directory")]
pub async fn network_directory(
    #[server(default)] text: String,
    #[server(default)] theme: String,
    #[server(default)] lan: String,
    #[server(default)] open: bool,
    #[server(default)] after: String,
) -> Result<super::DirectoryPage, AppError> {
    use super::{store, DirectoryPage, DIRECTORY_PAGE_SIZE};
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let known = |code: &str, ok: bool| (!code.is_empty() && ok).then(|| code.to_string());
    let query = store::DirectoryQuery {
        text: text.chars().take(super::NAME_MAX).collect(),
        theme: known(&theme, crate::cpv::division(&theme).is_some()),
        lan: known(&lan, crate::regions::lan(&lan).is_some()),
        open_only: open,
        after: (!after.is_empty()).then_some(after),
    };
    let (mut entries, total) =
        store::directory(&ctx.db, user.account_id, &query, DIRECTORY_PAGE_SIZE + 1).await?;
    let next = if entries.len() as i64 > DIRECTORY_PAGE_SIZE {
        entries.truncate(DIRECTORY_PAGE_SIZE as usize);
        entries.last().map(|e| e.public_id.clone())
    } else {
        None
    };
    Ok(DirectoryPage {
        entries,
        total,
        next,
    })
}

/// A coordinator ends every organisation's calendar-feed secret (a
/// leaked address stops working); each gets a new one.
#[server(endpoint = "networks/rotate-feed")]
pub async fn rotate_feed(network: String) -> Result<(), AppError> {
    let (ctx, guard, actor) = as_coordinator(&network).await?;
    super::store::rotate_feeds(&ctx.db, guard.network.id, actor).await?;
    leptos_axum::redirect(&format!(
        "/natverk/{}?kalender=1#kalender",
        guard.network.public_id
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
    let entries = audit::of_network(&ctx.db, guard.network.id, deleted).await?;
    Ok(audit::csv(&entries))
}

/// The signed-in person as a coordinator of the network, acting for the
/// organisation that holds the role.
#[cfg(feature = "ssr")]
async fn as_coordinator(
    network: &str,
) -> Result<
    (
        crate::context::AppContext,
        crate::core::Guard,
        crate::core::Actor,
    ),
    AppError,
> {
    let user = crate::accounts::require_user()?;
    let ctx = crate::context::app_context()?;
    let guard = crate::core::Guard::of_network(&ctx.db, Some(&user), network).await?;
    let actor = guard.actor_for(super::Action::Govern, None)?;
    Ok((ctx, guard, actor))
}
