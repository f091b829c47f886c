//! Joining's SQL: requests and decisions, invitations and answers,
//! leaving and roles. Every change that could take a network's last
//! coordinator locks the network first.

use super::{Answer, Decision, Invitation, JoinRequest, NewInvitation, OwnRequest};
use crate::{
    core::{
        audit::{self, Entry},
        guard::RoleCode,
        ids::{AccountId, NetworkId, OrganisationId},
        notify, Actor,
    },
    db::Db,
    error::AppError,
    networks::NetworkRole,
    organisations::OrganisationRef,
};

type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

/// Logs the change and commits it: no membership changes without its
/// entry in the audit log.
async fn commit_logged(
    db: &Db,
    mut tx: Tx<'_>,
    actor: Actor,
    entry: Entry<'_>,
) -> Result<(), AppError> {
    audit::record(&mut tx, db.now(), actor, entry).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    ORG_IN_NETWORK =
        "SELECT status FROM network_members WHERE network_id = $1 AND organisation_id = $2"
);

/// `Conflict` when the organisation is a member, invited or asking to
/// join already; a refused or departed organisation may come again.
async fn ensure_outside(
    tx: &mut Tx<'_>,
    network_id: NetworkId,
    organisation_id: OrganisationId,
) -> Result<(), AppError> {
    let status: Option<String> = sqlx::query_scalar(ORG_IN_NETWORK)
        .bind(network_id)
        .bind(organisation_id)
        .fetch_optional(&mut **tx)
        .await?;
    match status.as_deref() {
        Some("active" | "requested" | "invited") => Err(AppError::Conflict),
        _ => Ok(()),
    }
}

crate::sql!(
    UPSERT_REQUEST = "INSERT INTO network_members \
     (network_id, organisation_id, role, status, since, motivation) \
     VALUES ($1, $2, 'member', 'requested', $3, $4) \
     ON CONFLICT (network_id, organisation_id) DO UPDATE SET status = 'requested', \
     role = 'member', since = $3, motivation = $4, decision_reason = ''"
);

/// The actor's organisation asks to join.
#[tracing::instrument(skip_all)]
pub async fn request_join(
    db: &Db,
    network_id: NetworkId,
    organisation_name: &str,
    actor: Actor,
    motivation: &str,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    ensure_outside(&mut tx, network_id, actor.organisation_id).await?;
    sqlx::query(UPSERT_REQUEST)
        .bind(network_id)
        .bind(actor.organisation_id)
        .bind(db.now())
        .bind(motivation)
        .execute(&mut *tx)
        .await?;
    notify::join_requested(
        &mut tx,
        network_id,
        actor.organisation_id,
        actor.account_id,
        db.now(),
    )
    .await?;
    commit_logged(
        db,
        tx,
        actor,
        Entry::network(network_id, "join_requested", organisation_name, motivation),
    )
    .await
}

crate::sql!(
    REQUESTS = "SELECT o.public_id AS organisation_public_id, o.name, nm.motivation \
     FROM network_members nm JOIN organisations o ON o.id = nm.organisation_id \
     WHERE nm.network_id = $1 AND nm.status = 'requested' ORDER BY nm.since"
);

/// The requests waiting for a decision, oldest first.
#[tracing::instrument(skip_all)]
pub async fn requests(db: &Db, network_id: NetworkId) -> Result<Vec<JoinRequest>, AppError> {
    Ok(sqlx::query_as(REQUESTS)
        .bind(network_id)
        .fetch_all(db.pool())
        .await?)
}

crate::sql!(
    DECIDE = "UPDATE network_members SET status = $1, decision_reason = $2, since = $3 \
     WHERE network_id = $4 AND organisation_id = $5 AND status = 'requested'"
);

/// Approves or refuses a waiting request, with the reason the requester
/// will see; `NotFound` when nothing waits.
#[tracing::instrument(skip_all)]
pub async fn decide_join(
    db: &Db,
    network_id: NetworkId,
    organisation: &OrganisationRef,
    decision: &Decision,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(DECIDE)
        .bind(decision.status())
        .bind(decision.reason())
        .bind(db.now())
        .bind(network_id)
        .bind(organisation.id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    notify::join_decided(
        &mut tx,
        network_id,
        organisation.id,
        decision.approve(),
        actor.account_id,
        db.now(),
    )
    .await?;
    let entry = Entry::network(
        network_id,
        decision.action(),
        &organisation.name,
        decision.reason(),
    );
    commit_logged(db, tx, actor, entry).await
}

crate::sql!(
    OWN_REQUESTS = "SELECT o.name AS organisation, nm.status, nm.decision_reason AS reason \
     FROM network_members nm JOIN organisations o ON o.id = nm.organisation_id \
     JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
     WHERE nm.network_id = $1 AND om.account_id = $2 AND om.status = 'active' \
     AND nm.status IN ('requested', 'refused') ORDER BY o.name"
);

/// The waiting or refused requests of the person's organisations.
#[tracing::instrument(skip_all)]
pub async fn own_requests(
    db: &Db,
    network_id: NetworkId,
    account_id: AccountId,
) -> Result<Vec<OwnRequest>, AppError> {
    Ok(sqlx::query_as(OWN_REQUESTS)
        .bind(network_id)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?)
}

crate::sql!(
    /// Locks the network's row (on both engines) so that membership
    /// changes in one network happen one at a time.
    LOCK_NETWORK = "UPDATE networks SET status = status WHERE id = $1"
);
crate::sql!(
    COORDINATORS = "SELECT COUNT(*) FROM network_members \
     WHERE network_id = $1 AND role = 'coordinator' AND status = 'active'"
);
crate::sql!(
    ROLE_OF = "SELECT role FROM network_members \
     WHERE network_id = $1 AND organisation_id = $2 AND status = 'active'"
);

async fn lock_network(tx: &mut Tx<'_>, network_id: NetworkId) -> Result<(), AppError> {
    sqlx::query(LOCK_NETWORK)
        .bind(network_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The organisation's role as an active member; `NotFound` when it is none.
async fn role_of(
    tx: &mut Tx<'_>,
    network_id: NetworkId,
    organisation_id: OrganisationId,
) -> Result<NetworkRole, AppError> {
    let role: Option<String> = sqlx::query_scalar(ROLE_OF)
        .bind(network_id)
        .bind(organisation_id)
        .fetch_optional(&mut **tx)
        .await?;
    let role = role.ok_or(AppError::NotFound)?;
    Ok(RoleCode::try_from(role).map_err(AppError::internal)?.0)
}

/// `LastCoordinator` unless the (locked) network has more than one.
async fn ensure_another_coordinator(
    tx: &mut Tx<'_>,
    network_id: NetworkId,
) -> Result<(), AppError> {
    let coordinators: i64 = sqlx::query_scalar(COORDINATORS)
        .bind(network_id)
        .fetch_one(&mut **tx)
        .await?;
    if coordinators <= 1 {
        return Err(AppError::LastCoordinator);
    }
    Ok(())
}

crate::sql!(
    LEAVE = "UPDATE network_members SET status = 'left', since = $1 \
     WHERE network_id = $2 AND organisation_id = $3 AND status = 'active'"
);

/// The actor's organisation leaves; the last coordinator cannot. The
/// network is locked first, so two coordinators leaving at once cannot
/// both pass the count.
#[tracing::instrument(skip_all)]
pub async fn leave(
    db: &Db,
    network_id: NetworkId,
    organisation_name: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    lock_network(&mut tx, network_id).await?;
    if role_of(&mut tx, network_id, actor.organisation_id).await? == NetworkRole::Coordinator {
        ensure_another_coordinator(&mut tx, network_id).await?;
    }
    sqlx::query(LEAVE)
        .bind(db.now())
        .bind(network_id)
        .bind(actor.organisation_id)
        .execute(&mut *tx)
        .await?;
    commit_logged(
        db,
        tx,
        actor,
        Entry::network(network_id, "left", organisation_name, ""),
    )
    .await
}

crate::sql!(
    INVITE = "INSERT INTO network_members (network_id, organisation_id, role, status, since) \
     VALUES ($1, $2, $3, 'invited', $4) \
     ON CONFLICT (network_id, organisation_id) DO UPDATE SET status = 'invited', role = $3, \
     since = $4, motivation = '', decision_reason = ''"
);

/// Invites an organisation with the role it will have; `Conflict` when it
/// is already a member, invited or asking to join.
#[tracing::instrument(skip_all)]
pub async fn invite(
    db: &Db,
    network_id: NetworkId,
    invitation: &NewInvitation,
    actor: Actor,
) -> Result<(), AppError> {
    let organisation = invitation.organisation();
    let mut tx = db.pool().begin().await?;
    lock_network(&mut tx, network_id).await?;
    ensure_outside(&mut tx, network_id, organisation.id).await?;
    sqlx::query(INVITE)
        .bind(network_id)
        .bind(organisation.id)
        .bind(invitation.role().code())
        .bind(db.now())
        .execute(&mut *tx)
        .await?;
    let subject = format!("{} ({})", organisation.name, invitation.role().code());
    commit_logged(
        db,
        tx,
        actor,
        Entry::network(network_id, "invited", &subject, ""),
    )
    .await
}

crate::sql!(
    INVITED_NETWORK = "SELECT n.id AS network_id, o.id AS organisation_id, o.name AS organisation \
     FROM networks n \
     JOIN network_members nm ON nm.network_id = n.id AND nm.status = 'invited' \
     JOIN organisations o ON o.id = nm.organisation_id \
     JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
     WHERE n.public_id = $1 AND o.public_id = $2 AND om.account_id = $3 \
     AND om.role = 'admin' AND om.status = 'active'"
);

/// An invitation the person may answer, as an admin of the invited
/// organisation.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct WaitingInvitation {
    pub network_id: NetworkId,
    pub organisation_id: OrganisationId,
    /// The invited organisation's name.
    pub organisation: String,
}

/// The invitation to one of the person's organisations (by public ids)
/// that they may answer as its admin.
#[tracing::instrument(skip_all)]
pub async fn invitation_for(
    db: &Db,
    network_public_id: &str,
    organisation_public_id: &str,
    account_id: AccountId,
) -> Result<Option<WaitingInvitation>, AppError> {
    Ok(sqlx::query_as(INVITED_NETWORK)
        .bind(network_public_id)
        .bind(organisation_public_id)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?)
}

crate::sql!(
    ACCEPT = "UPDATE network_members SET status = 'active', since = $1 \
     WHERE network_id = $2 AND organisation_id = $3 AND status = 'invited'"
);
crate::sql!(
    /// A declined invitation leaves no membership row behind (the audit
    /// log keeps the history), so the network may invite again later.
    DECLINE = "DELETE FROM network_members \
     WHERE network_id = $1 AND organisation_id = $2 AND status = 'invited'"
);

/// The invited organisation (the actor's) accepts or declines; `NotFound`
/// when no invitation waits.
#[tracing::instrument(skip_all)]
pub async fn answer_invitation(
    db: &Db,
    invitation: &WaitingInvitation,
    answer: &Answer,
    actor: Actor,
) -> Result<(), AppError> {
    let network_id = invitation.network_id;
    let mut tx = db.pool().begin().await?;
    let done = if answer.accept() {
        sqlx::query(ACCEPT)
            .bind(db.now())
            .bind(network_id)
            .bind(actor.organisation_id)
            .execute(&mut *tx)
            .await?
    } else {
        sqlx::query(DECLINE)
            .bind(network_id)
            .bind(actor.organisation_id)
            .execute(&mut *tx)
            .await?
    };
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    let entry = Entry::network(network_id, answer.action(), &invitation.organisation, "");
    commit_logged(db, tx, actor, entry).await
}

crate::sql!(
    INVITATIONS = "SELECT n.public_id AS network_public_id, n.name AS network_name, n.purpose, \
     o.public_id AS organisation_public_id, o.name AS organisation, nm.role \
     FROM network_members nm \
     JOIN networks n ON n.id = nm.network_id \
     JOIN organisations o ON o.id = nm.organisation_id \
     JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
     WHERE om.account_id = $1 AND om.role = 'admin' AND om.status = 'active' \
     AND nm.status = 'invited' ORDER BY n.name, o.name"
);

#[derive(sqlx::FromRow)]
struct InvitationRow {
    network_public_id: String,
    network_name: String,
    purpose: String,
    organisation_public_id: String,
    organisation: String,
    #[sqlx(try_from = "String")]
    role: RoleCode,
}

/// Invitations waiting for an answer from organisations the person
/// administers.
#[tracing::instrument(skip_all)]
pub async fn invitations(db: &Db, account_id: AccountId) -> Result<Vec<Invitation>, AppError> {
    let rows: Vec<InvitationRow> = sqlx::query_as(INVITATIONS)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| Invitation {
            network_public_id: row.network_public_id,
            network_name: row.network_name,
            purpose: row.purpose,
            organisation_public_id: row.organisation_public_id,
            organisation: row.organisation,
            role: row.role.0,
        })
        .collect())
}

crate::sql!(
    SET_ROLE = "UPDATE network_members SET role = $1 \
     WHERE network_id = $2 AND organisation_id = $3 AND status = 'active'"
);

/// Gives a member organisation another role. The last coordinator cannot
/// be demoted: the network is locked first, as in `leave`.
#[tracing::instrument(skip_all)]
pub async fn change_role(
    db: &Db,
    network_id: NetworkId,
    organisation: &OrganisationRef,
    role: NetworkRole,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    lock_network(&mut tx, network_id).await?;
    let current = role_of(&mut tx, network_id, organisation.id).await?;
    if current == role {
        return Ok(());
    }
    if current == NetworkRole::Coordinator {
        ensure_another_coordinator(&mut tx, network_id).await?;
    }
    sqlx::query(SET_ROLE)
        .bind(role.code())
        .bind(network_id)
        .bind(organisation.id)
        .execute(&mut *tx)
        .await?;
    let subject = format!(
        "{}: {} → {}",
        organisation.name,
        current.code(),
        role.code()
    );
    commit_logged(
        db,
        tx,
        actor,
        Entry::network(network_id, "role_changed", &subject, ""),
    )
    .await
}
