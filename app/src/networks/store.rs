//! The networks room's SQL.

use super::{
    DirectoryEntry, Invitation, JoinPolicy, JoinRequest, Network, NetworkMember, NetworkRole,
    NetworkStatus, OwnRequest, Visibility,
};
use crate::{
    core::{
        audit::{self, Entry},
        Actor,
    },
    db::{conflict_if_taken, name_key, public_id, Db},
    error::AppError,
};

/// A checked new network.
pub struct NewNetwork {
    pub name: String,
    pub purpose: String,
    pub staircase: crate::staircase::Staircase,
    pub visibility: Visibility,
    pub join_policy: JoinPolicy,
    pub regions: Vec<String>,
    /// CPV divisions, two digits each.
    pub themes: Vec<String>,
}

const INSERT_NETWORK: &str = "INSERT INTO networks \
     (public_id, name, name_key, purpose, staircase, visibility, join_policy, status, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'forming', $8) RETURNING id";
const INSERT_REGION: &str = "INSERT INTO network_regions (network_id, lan_code) VALUES ($1, $2)";
const INSERT_THEME: &str = "INSERT INTO network_themes (network_id, division) VALUES ($1, $2)";
const INSERT_MEMBER: &str =
    "INSERT INTO network_members (network_id, organisation_id, role, status, since) \
     VALUES ($1, $2, $3, 'active', $4)";

/// Creates a network with the actor's organisation as its coordinator;
/// `Conflict` when the name is taken.
pub async fn create(db: &Db, new: &NewNetwork, actor: Actor) -> Result<String, AppError> {
    let mut tx = db.pool().begin().await?;
    let now = db.now();
    let public_id = public_id();
    let (id,): (i64,) = sqlx::query_as(INSERT_NETWORK)
        .bind(&public_id)
        .bind(&new.name)
        .bind(name_key(&new.name))
        .bind(&new.purpose)
        .bind(new.staircase.code())
        .bind(new.visibility.code())
        .bind(new.join_policy.code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(conflict_if_taken)?;
    for lan in &new.regions {
        sqlx::query(INSERT_REGION)
            .bind(id)
            .bind(lan)
            .execute(&mut *tx)
            .await?;
    }
    for division in &new.themes {
        sqlx::query(INSERT_THEME)
            .bind(id)
            .bind(division)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(INSERT_MEMBER)
        .bind(id)
        .bind(actor.organisation_id)
        .bind(NetworkRole::Coordinator.code())
        .bind(now)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(id, "created", &new.name, ""),
    )
    .await?;
    tx.commit().await?;
    Ok(public_id)
}

type NetworkRow = (i64, String, String, String, String, String, String, String);

const FIND: &str =
    "SELECT id, public_id, name, purpose, staircase, visibility, join_policy, status \
     FROM networks WHERE public_id = $1";
const REGIONS: &str =
    "SELECT lan_code FROM network_regions WHERE network_id = $1 ORDER BY lan_code";
const THEMES: &str = "SELECT division FROM network_themes WHERE network_id = $1 ORDER BY division";

/// The network and its internal id.
pub async fn find(db: &Db, public_id: &str) -> Result<Option<(i64, Network)>, AppError> {
    let row: Option<NetworkRow> = sqlx::query_as(FIND)
        .bind(public_id)
        .fetch_optional(db.pool())
        .await?;
    let Some((id, public_id, name, purpose, staircase, visibility, join_policy, status)) = row
    else {
        return Ok(None);
    };
    let regions: Vec<(String,)> = sqlx::query_as(REGIONS)
        .bind(id)
        .fetch_all(db.pool())
        .await?;
    let themes: Vec<(String,)> = sqlx::query_as(THEMES).bind(id).fetch_all(db.pool()).await?;
    let network = Network {
        public_id,
        name,
        purpose,
        staircase,
        visibility: Visibility::parse(&visibility)
            .ok_or_else(|| AppError::internal("visibility"))?,
        join_policy: JoinPolicy::parse(&join_policy)
            .ok_or_else(|| AppError::internal("join policy"))?,
        status: NetworkStatus::parse(&status).ok_or_else(|| AppError::internal("status"))?,
        regions: regions.into_iter().map(|(l,)| l).collect(),
        themes: themes.into_iter().map(|(d,)| d).collect(),
    };
    Ok(Some((id, network)))
}

const MEMBERS: &str = "SELECT o.public_id, o.name, nm.role FROM network_members nm \
     JOIN organisations o ON o.id = nm.organisation_id \
     WHERE nm.network_id = $1 AND nm.status = $2 ORDER BY o.name";

/// The active member organisations.
pub async fn members(db: &Db, network_id: i64) -> Result<Vec<NetworkMember>, AppError> {
    members_in(db, network_id, "active").await
}

/// Organisations invited that have not answered yet, with the role offered.
pub async fn invited(db: &Db, network_id: i64) -> Result<Vec<NetworkMember>, AppError> {
    members_in(db, network_id, "invited").await
}

async fn members_in(
    db: &Db,
    network_id: i64,
    status: &str,
) -> Result<Vec<NetworkMember>, AppError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(MEMBERS)
        .bind(network_id)
        .bind(status)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(organisation_public_id, name, role)| {
            Some(NetworkMember {
                organisation_public_id,
                name,
                role: NetworkRole::parse(&role)?,
            })
        })
        .collect())
}

const SET_STATUS: &str = "UPDATE networks SET status = $1 WHERE id = $2 AND status = $3";

/// Moves the network along one arrow of its lifecycle, with the reason in
/// the audit log; `Conflict` when someone moved it first.
pub async fn transition(
    db: &Db,
    network_id: i64,
    from: NetworkStatus,
    to: NetworkStatus,
    actor: Actor,
    reason: &str,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(SET_STATUS)
        .bind(to.code())
        .bind(network_id)
        .bind(from.code())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    let change = format!("{} → {}", from.code(), to.code());
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(network_id, "status_changed", &change, reason),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const ACTOR_ORG: &str = "SELECT o.id FROM organisations o \
     JOIN organisation_members m ON m.organisation_id = o.id \
     WHERE o.public_id = $1 AND m.account_id = $2 AND m.status = 'active' \
     AND o.verified_at IS NOT NULL";

/// The internal id of a verified organisation the person actively
/// belongs to, or `None`.
pub async fn verified_organisation_of(
    db: &Db,
    organisation_public_id: &str,
    account_id: i64,
) -> Result<Option<i64>, AppError> {
    let row: Option<(i64,)> = sqlx::query_as(ACTOR_ORG)
        .bind(organisation_public_id)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|(id,)| id))
}

const ORG_IN_NETWORK: &str =
    "SELECT status FROM network_members WHERE network_id = $1 AND organisation_id = $2";
const UPSERT_REQUEST: &str = "INSERT INTO network_members \
     (network_id, organisation_id, role, status, since, motivation) \
     VALUES ($1, $2, 'member', 'requested', $3, $4) \
     ON CONFLICT (network_id, organisation_id) DO UPDATE SET status = 'requested', \
     role = 'member', since = $3, motivation = $4, decision_reason = ''";

/// The organisation asks to join; `Conflict` when it is already a member
/// or has a request waiting. A refused or departed organisation may ask again.
pub async fn request_join(
    db: &Db,
    network_id: i64,
    organisation_name: &str,
    actor: Actor,
    motivation: &str,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let current: Option<(String,)> = sqlx::query_as(ORG_IN_NETWORK)
        .bind(network_id)
        .bind(actor.organisation_id)
        .fetch_optional(&mut *tx)
        .await?;
    if matches!(
        current.as_ref().map(|(s,)| s.as_str()),
        Some("active" | "requested" | "invited")
    ) {
        return Err(AppError::Conflict);
    }
    sqlx::query(UPSERT_REQUEST)
        .bind(network_id)
        .bind(actor.organisation_id)
        .bind(db.now())
        .bind(motivation)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(network_id, "join_requested", organisation_name, motivation),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const REQUESTS: &str = "SELECT o.public_id, o.name, nm.motivation FROM network_members nm \
     JOIN organisations o ON o.id = nm.organisation_id \
     WHERE nm.network_id = $1 AND nm.status = 'requested' ORDER BY nm.since";

pub async fn requests(db: &Db, network_id: i64) -> Result<Vec<JoinRequest>, AppError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(REQUESTS)
        .bind(network_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(organisation_public_id, name, motivation)| JoinRequest {
            organisation_public_id,
            name,
            motivation,
        })
        .collect())
}

const DECIDE: &str = "UPDATE network_members SET status = $1, decision_reason = $2, since = $3 \
     WHERE network_id = $4 AND organisation_id = $5 AND status = 'requested'";
const ORG_BY_PUBLIC_ID: &str = "SELECT id, name FROM organisations WHERE public_id = $1";

/// Approves or refuses a waiting request, with the reason the requester
/// will see; `NotFound` when nothing waits.
pub async fn decide_join(
    db: &Db,
    network_id: i64,
    organisation_public_id: &str,
    approve: bool,
    reason: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let (organisation_id, name): (i64, String) = sqlx::query_as(ORG_BY_PUBLIC_ID)
        .bind(organisation_public_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let done = sqlx::query(DECIDE)
        .bind(if approve { "active" } else { "refused" })
        .bind(reason)
        .bind(db.now())
        .bind(network_id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    let action = if approve {
        "join_approved"
    } else {
        "join_refused"
    };
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(network_id, action, &name, reason),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const OWN_REQUESTS: &str = "SELECT o.name, nm.status, nm.decision_reason FROM network_members nm \
     JOIN organisations o ON o.id = nm.organisation_id \
     JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
     WHERE nm.network_id = $1 AND om.account_id = $2 AND om.status = 'active' \
     AND nm.status IN ('requested', 'refused') ORDER BY o.name";

pub async fn own_requests(
    db: &Db,
    network_id: i64,
    account_id: i64,
) -> Result<Vec<OwnRequest>, AppError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(OWN_REQUESTS)
        .bind(network_id)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(organisation, status, reason)| OwnRequest {
            organisation,
            status,
            reason,
        })
        .collect())
}

const COORDINATORS: &str = "SELECT COUNT(*) FROM network_members \
     WHERE network_id = $1 AND role = 'coordinator' AND status = 'active'";
const ROLE_OF: &str = "SELECT role FROM network_members \
     WHERE network_id = $1 AND organisation_id = $2 AND status = 'active'";
const LEAVE: &str = "UPDATE network_members SET status = 'left', since = $1 \
     WHERE network_id = $2 AND organisation_id = $3 AND status = 'active'";

/// Locks the network's row (on both engines) so that membership changes
/// in one network happen one at a time.
const LOCK_NETWORK: &str = "UPDATE networks SET status = status WHERE id = $1";

async fn lock_network(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    network_id: i64,
) -> Result<(), AppError> {
    sqlx::query(LOCK_NETWORK)
        .bind(network_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// `LastCoordinator` unless the (locked) network has more than one.
async fn ensure_another_coordinator(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    network_id: i64,
) -> Result<(), AppError> {
    let (coordinators,): (i64,) = sqlx::query_as(COORDINATORS)
        .bind(network_id)
        .fetch_one(&mut **tx)
        .await?;
    if coordinators <= 1 {
        return Err(AppError::LastCoordinator);
    }
    Ok(())
}

/// The organisation leaves; the last coordinator cannot. The network is
/// locked first, so two coordinators leaving at once cannot both pass the
/// count.
pub async fn leave(
    db: &Db,
    network_id: i64,
    organisation_name: &str,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    lock_network(&mut tx, network_id).await?;
    let role: Option<(String,)> = sqlx::query_as(ROLE_OF)
        .bind(network_id)
        .bind(actor.organisation_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some((role,)) = role else {
        return Err(AppError::NotFound);
    };
    if role == NetworkRole::Coordinator.code() {
        ensure_another_coordinator(&mut tx, network_id).await?;
    }
    sqlx::query(LEAVE)
        .bind(db.now())
        .bind(network_id)
        .bind(actor.organisation_id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(network_id, "left", organisation_name, ""),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const ADMIN_ORGS: &str = "SELECT o.id, o.public_id, o.name, o.verified_at FROM organisations o JOIN organisation_members m ON m.organisation_id = o.id \
     WHERE m.account_id = $1 AND m.role = 'admin' AND m.status = 'active' ORDER BY o.name";

/// An organisation the person administers.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Administered {
    pub id: i64,
    pub public_id: String,
    pub name: String,
    pub verified_at: Option<i64>,
}

impl Administered {
    pub fn verified(&self) -> bool {
        self.verified_at.is_some()
    }
}

/// The organisations a person administers.
pub async fn administered_organisations(
    db: &Db,
    account_id: i64,
) -> Result<Vec<Administered>, AppError> {
    Ok(sqlx::query_as(ADMIN_ORGS)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?)
}

/// A network one of my organisations belongs to, for "Mina nätverk".
const MINE: &str = "SELECT DISTINCT n.public_id, n.name, n.status, nm.role FROM networks n \
     JOIN network_members nm ON nm.network_id = n.id AND nm.status = 'active' \
     JOIN organisations o ON o.id = nm.organisation_id AND o.verified_at IS NOT NULL \
     JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
     WHERE om.account_id = $1 AND om.status = 'active' ORDER BY n.name";

pub async fn mine(db: &Db, account_id: i64) -> Result<Vec<super::MyNetwork>, AppError> {
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(MINE)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(public_id, name, status, role)| {
            Some(super::MyNetwork {
                public_id,
                name,
                status: NetworkStatus::parse(&status)?,
                role: NetworkRole::parse(&role)?,
            })
        })
        .collect())
}

const INVITE: &str =
    "INSERT INTO network_members (network_id, organisation_id, role, status, since) \
     VALUES ($1, $2, $3, 'invited', $4) \
     ON CONFLICT (network_id, organisation_id) DO UPDATE SET status = 'invited', role = $3, \
     since = $4, motivation = '', decision_reason = ''";

/// Invites an organisation with the role it will have; `Conflict` when it
/// is already a member, invited or asking to join.
pub async fn invite(
    db: &Db,
    network_id: i64,
    organisation_id: i64,
    role: NetworkRole,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    lock_network(&mut tx, network_id).await?;
    let current: Option<(String,)> = sqlx::query_as(ORG_IN_NETWORK)
        .bind(network_id)
        .bind(organisation_id)
        .fetch_optional(&mut *tx)
        .await?;
    if matches!(
        current.as_ref().map(|(s,)| s.as_str()),
        Some("active" | "requested" | "invited")
    ) {
        return Err(AppError::Conflict);
    }
    sqlx::query(INVITE)
        .bind(network_id)
        .bind(organisation_id)
        .bind(role.code())
        .bind(db.now())
        .execute(&mut *tx)
        .await?;
    let name = organisation_name(&mut tx, organisation_id).await?;
    let subject = format!("{name} ({})", role.code());
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(network_id, "invited", &subject, ""),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const ORG_NAME: &str = "SELECT name FROM organisations WHERE id = $1";

async fn organisation_name(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation_id: i64,
) -> Result<String, AppError> {
    let (name,): (String,) = sqlx::query_as(ORG_NAME)
        .bind(organisation_id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(name)
}

const ACCEPT: &str = "UPDATE network_members SET status = 'active', since = $1 \
     WHERE network_id = $2 AND organisation_id = $3 AND status = 'invited'";
/// A declined invitation leaves no membership row behind (the audit log
/// keeps the history), so the network may invite again later.
const DECLINE: &str = "DELETE FROM network_members \
     WHERE network_id = $1 AND organisation_id = $2 AND status = 'invited'";

/// The invited organisation accepts or declines; `NotFound` when no
/// invitation waits.
pub async fn answer_invitation(
    db: &Db,
    network_id: i64,
    accept: bool,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = if accept {
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
    let name = organisation_name(&mut tx, actor.organisation_id).await?;
    let action = if accept {
        "invitation_accepted"
    } else {
        "invitation_declined"
    };
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(network_id, action, &name, ""),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const INVITATIONS: &str = "SELECT n.public_id, n.name, n.purpose, o.public_id, o.name, nm.role \
     FROM network_members nm \
     JOIN networks n ON n.id = nm.network_id \
     JOIN organisations o ON o.id = nm.organisation_id \
     JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
     WHERE om.account_id = $1 AND om.role = 'admin' AND om.status = 'active' \
     AND nm.status = 'invited' ORDER BY n.name, o.name";

/// Invitations waiting for an answer from organisations the person
/// administers.
pub async fn invitations(db: &Db, account_id: i64) -> Result<Vec<Invitation>, AppError> {
    let rows: Vec<(String, String, String, String, String, String)> = sqlx::query_as(INVITATIONS)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(
                network_public_id,
                network_name,
                purpose,
                organisation_public_id,
                organisation,
                role,
            )| {
                Some(Invitation {
                    network_public_id,
                    network_name,
                    purpose,
                    organisation_public_id,
                    organisation,
                    role: NetworkRole::parse(&role)?,
                })
            },
        )
        .collect())
}

const INVITED_NETWORK: &str = "SELECT n.id, om.organisation_id FROM networks n \
     JOIN network_members nm ON nm.network_id = n.id AND nm.status = 'invited' \
     JOIN organisations o ON o.id = nm.organisation_id \
     JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
     WHERE n.public_id = $1 AND o.public_id = $2 AND om.account_id = $3 \
     AND om.role = 'admin' AND om.status = 'active'";

/// The network and organisation of an invitation the person may answer:
/// (network id, organisation id).
pub async fn invitation_for(
    db: &Db,
    network_public_id: &str,
    organisation_public_id: &str,
    account_id: i64,
) -> Result<Option<(i64, i64)>, AppError> {
    Ok(sqlx::query_as(INVITED_NETWORK)
        .bind(network_public_id)
        .bind(organisation_public_id)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?)
}

const SET_ROLE: &str = "UPDATE network_members SET role = $1 \
     WHERE network_id = $2 AND organisation_id = $3 AND status = 'active'";

/// Gives a member organisation another role. The last coordinator cannot
/// be demoted: the network is locked first, as in `leave`.
pub async fn change_role(
    db: &Db,
    network_id: i64,
    organisation_id: i64,
    role: NetworkRole,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    lock_network(&mut tx, network_id).await?;
    let current: Option<(String,)> = sqlx::query_as(ROLE_OF)
        .bind(network_id)
        .bind(organisation_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(current) = current.and_then(|(r,)| NetworkRole::parse(&r)) else {
        return Err(AppError::NotFound);
    };
    if current == role {
        return Ok(());
    }
    if current == NetworkRole::Coordinator {
        ensure_another_coordinator(&mut tx, network_id).await?;
    }
    sqlx::query(SET_ROLE)
        .bind(role.code())
        .bind(network_id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    let name = organisation_name(&mut tx, organisation_id).await?;
    let subject = format!("{name}: {} → {}", current.code(), role.code());
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(network_id, "role_changed", &subject, ""),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Directory filters, already checked.
#[derive(Clone, Debug, Default)]
pub struct DirectoryQuery {
    pub text: String,
    pub theme: Option<String>,
    pub lan: Option<String>,
    pub open_only: bool,
    /// The public id of the last network on the previous page.
    pub after: Option<String>,
}

/// Whether network `n` is one the person (`$1`) may know of: listed, or
/// hidden with one of their verified organisations an active member.
macro_rules! known_to_person {
    () => {
        concat!(
            "(n.visibility = 'listed' OR ",
            $crate::reads_network!("n.id"),
            ")"
        )
    };
}

/// The rows a person may see. Everything after the WHERE is shared by the
/// page and its count, so the count never includes what the list hides.
const DIRECTORY_FROM: &str = concat!(
    "FROM networks n WHERE ",
    known_to_person!(),
    " AND ($2 = '' OR n.name_key LIKE $3 ESCAPE '\\') \
     AND ($4 = '' OR EXISTS (SELECT 1 FROM network_themes t WHERE t.network_id = n.id AND t.division = $4)) \
     AND ($5 = '' OR EXISTS (SELECT 1 FROM network_regions r WHERE r.network_id = n.id AND r.lan_code = $5)) \
     AND ($6 = 0 OR (n.join_policy = 'request' AND n.status <> 'closed'))"
);
const AFTER: &str = " AND (n.name_key > $7 OR (n.name_key = $7 AND n.id > $8))";
/// A cursor the person may not know of is no cursor: the list starts over.
const CURSOR: &str = concat!(
    "SELECT n.name_key, n.id FROM networks n WHERE n.public_id = $2 AND ",
    known_to_person!()
);

/// One page of the network directory, in name order, and the number of
/// networks that match.
pub async fn directory(
    db: &Db,
    account_id: i64,
    query: &DirectoryQuery,
    page_size: i64,
) -> Result<(Vec<DirectoryEntry>, i64), AppError> {
    let key = name_key(&query.text);
    let pattern = format!("%{}%", escape_like(&key));
    let theme = query.theme.clone().unwrap_or_default();
    let lan = query.lan.clone().unwrap_or_default();
    let open = i64::from(query.open_only);
    let count_sql = format!("SELECT COUNT(*) {DIRECTORY_FROM}");
    // Built from this file's constants only; values go in as parameters.
    let (total,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(count_sql))
        .bind(account_id)
        .bind(&key)
        .bind(&pattern)
        .bind(&theme)
        .bind(&lan)
        .bind(open)
        .fetch_one(db.pool())
        .await?;
    let cursor: Option<(String, i64)> = match &query.after {
        Some(after) => {
            sqlx::query_as(CURSOR)
                .bind(account_id)
                .bind(after)
                .fetch_optional(db.pool())
                .await?
        }
        None => None,
    };
    let has_cursor = cursor.is_some();
    let (after_key, after_id) = cursor.unwrap_or_default();
    let page_sql = format!(
        "SELECT n.id, n.public_id, n.name, n.purpose, n.status, n.join_policy, \
         (SELECT COUNT(*) FROM network_members c WHERE c.network_id = n.id AND c.status = 'active') \
         {DIRECTORY_FROM}{} ORDER BY n.name_key, n.id LIMIT $9",
        if has_cursor {
            AFTER
        } else {
            " AND $7 = $7 AND $8 = $8"
        }
    );
    type Row = (i64, String, String, String, String, String, i64);
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(page_sql))
        .bind(account_id)
        .bind(&key)
        .bind(&pattern)
        .bind(&theme)
        .bind(&lan)
        .bind(open)
        .bind(&after_key)
        .bind(after_id)
        .bind(page_size)
        .fetch_all(db.pool())
        .await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let regions = codes_by_network(db, "network_regions", "lan_code", &ids).await?;
    let themes = codes_by_network(db, "network_themes", "division", &ids).await?;
    let entries = rows
        .into_iter()
        .filter_map(
            |(id, public_id, name, purpose, status, join_policy, members)| {
                let status = NetworkStatus::parse(&status)?;
                Some(DirectoryEntry {
                    public_id,
                    name,
                    purpose,
                    status,
                    open: join_policy == JoinPolicy::Request.code()
                        && status != NetworkStatus::Closed,
                    members,
                    regions: regions.get(&id).cloned().unwrap_or_default(),
                    themes: themes.get(&id).cloned().unwrap_or_default(),
                })
            },
        )
        .collect();
    Ok((entries, total))
}

/// The codes (län or CPV divisions) of a page of networks, in one query.
async fn codes_by_network(
    db: &Db,
    table: &str,
    column: &str,
    ids: &[i64],
) -> Result<std::collections::HashMap<i64, Vec<String>>, AppError> {
    let mut out: std::collections::HashMap<i64, Vec<String>> = Default::default();
    if ids.is_empty() {
        return Ok(out);
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT network_id, {column} FROM {table} WHERE network_id IN ({}) ORDER BY {column}",
        placeholders.join(", ")
    );
    // `table` and `column` are this file's constants; ids are parameters.
    let mut query = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
    for id in ids {
        query = query.bind(*id);
    }
    for (id, code) in query.fetch_all(db.pool()).await? {
        out.entry(id).or_default().push(code);
    }
    Ok(out)
}

/// Escapes LIKE's wildcards so a search for "50%" means those characters.
fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

const ORGANISATION_SEARCH: &str = "SELECT public_id, name, org_number FROM organisations \
     WHERE (name_key LIKE $1 ESCAPE '\\' OR org_number = $2) AND verified_at IS NOT NULL \
     ORDER BY name, id LIMIT 20";

/// Organisations whose name contains the text or whose number is it, for
/// inviting from the directory: (public id, name, number).
pub async fn search_organisations(
    db: &Db,
    text: &str,
) -> Result<Vec<(String, String, String)>, AppError> {
    let pattern = format!("%{}%", escape_like(&name_key(text)));
    Ok(sqlx::query_as(ORGANISATION_SEARCH)
        .bind(pattern)
        .bind(text.trim())
        .fetch_all(db.pool())
        .await?)
}

/// A feed works only while its organisation is an active, verified
/// member: leaving the network revokes it.
const BY_FEED_TOKEN: &str = "SELECT n.id, n.name FROM network_feeds f \
     JOIN networks n ON n.id = f.network_id \
     JOIN network_members nm ON nm.network_id = f.network_id \
     AND nm.organisation_id = f.organisation_id AND nm.status = 'active' \
     JOIN organisations o ON o.id = f.organisation_id AND o.verified_at IS NOT NULL \
     WHERE f.token = $1";

/// The network with this calendar-feed secret: (id, name).
pub async fn by_feed_token(db: &Db, token: &str) -> Result<Option<(i64, String)>, AppError> {
    if token.len() < 32 {
        return Ok(None);
    }
    Ok(sqlx::query_as(BY_FEED_TOKEN)
        .bind(token)
        .fetch_optional(db.pool())
        .await?)
}

const NEW_FEED: &str =
    "INSERT INTO network_feeds (network_id, organisation_id, token, created_at) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (network_id, organisation_id) DO NOTHING";
const FEED: &str = "SELECT token FROM network_feeds WHERE network_id = $1 AND organisation_id = $2";

/// An organisation's calendar-feed secret for the network, made the first
/// time it is asked for.
pub async fn feed_token(
    db: &Db,
    network_id: i64,
    organisation_id: i64,
) -> Result<String, AppError> {
    sqlx::query(NEW_FEED)
        .bind(network_id)
        .bind(organisation_id)
        .bind(crate::db::secret_token())
        .bind(db.now())
        .execute(db.pool())
        .await?;
    Ok(sqlx::query_scalar(FEED)
        .bind(network_id)
        .bind(organisation_id)
        .fetch_one(db.pool())
        .await?)
}

/// Ends every organisation's feed secret; each gets a new one when its
/// people next open the network page.
pub async fn rotate_feeds(db: &Db, network_id: i64, actor: Actor) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query("DELETE FROM network_feeds WHERE network_id = $1")
        .bind(network_id)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        db.now(),
        actor,
        Entry::network(network_id, "feed_rotated", "", ""),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
