//! The networks room's SQL.

use super::{
    Access, AuditEntry, JoinPolicy, JoinRequest, Network, NetworkMember, NetworkRole,
    NetworkStatus, OwnRequest, Visibility,
};
use crate::{
    db::{conflict_if_taken, now_ms, public_id, Db},
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
}

/// Who acts, for the audit log.
#[derive(Clone, Copy, Debug)]
pub struct Actor {
    pub account_id: i64,
    pub organisation_id: i64,
}

/// Names are unique however they are cased or spaced.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

const INSERT_NETWORK: &str = "INSERT INTO networks \
     (public_id, name, name_key, purpose, staircase, visibility, join_policy, status, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'forming', $8) RETURNING id";
const INSERT_REGION: &str = "INSERT INTO network_regions (network_id, lan_code) VALUES ($1, $2)";
const INSERT_MEMBER: &str =
    "INSERT INTO network_members (network_id, organisation_id, role, status, since) \
     VALUES ($1, $2, $3, 'active', $4)";
const INSERT_AUDIT: &str = "INSERT INTO network_audit \
     (network_id, at, actor_account_id, actor_organisation_id, action, subject, reason) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

/// Creates a network with the actor's organisation as its coordinator;
/// `Conflict` when the name is taken.
pub async fn create(db: &Db, new: &NewNetwork, actor: Actor) -> Result<String, AppError> {
    let mut tx = db.pool().begin().await?;
    let now = now_ms();
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
    sqlx::query(INSERT_MEMBER)
        .bind(id)
        .bind(actor.organisation_id)
        .bind(NetworkRole::Coordinator.code())
        .bind(now)
        .execute(&mut *tx)
        .await?;
    audit_entry(&mut tx, id, actor, "created", &new.name, "").await?;
    tx.commit().await?;
    Ok(public_id)
}

type NetworkRow = (i64, String, String, String, String, String, String, String);

const FIND: &str =
    "SELECT id, public_id, name, purpose, staircase, visibility, join_policy, status \
     FROM networks WHERE public_id = $1";
const REGIONS: &str =
    "SELECT lan_code FROM network_regions WHERE network_id = $1 ORDER BY lan_code";

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
    };
    Ok(Some((id, network)))
}

const BEST_ROLE: &str = "SELECT nm.role, nm.organisation_id FROM network_members nm \
     JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
     WHERE nm.network_id = $1 AND nm.status = 'active' \
     AND om.account_id = $2 AND om.status = 'active'";

/// The one place that decides who someone is in a network: the best role
/// of any organisation they actively belong to, else what their account
/// is. Returns the organisation that role comes from, for the audit log.
pub async fn access(
    db: &Db,
    user: Option<&crate::accounts::SessionUser>,
    network_id: i64,
) -> Result<(Access, Option<i64>), AppError> {
    let Some(user) = user else {
        return Ok((Access::Anonymous, None));
    };
    let roles: Vec<(String, i64)> = sqlx::query_as(BEST_ROLE)
        .bind(network_id)
        .bind(user.account_id)
        .fetch_all(db.pool())
        .await?;
    let best = roles
        .into_iter()
        .filter_map(|(role, org)| NetworkRole::parse(&role).map(|r| (r, org)))
        .max_by_key(|(role, _)| *role);
    Ok(match best {
        Some((role, org)) => (Access::from_role(role), Some(org)),
        None if user.site_admin => (Access::SiteAdmin, None),
        None => (Access::SignedIn, None),
    })
}

const MEMBERS: &str = "SELECT o.public_id, o.name, nm.role FROM network_members nm \
     JOIN organisations o ON o.id = nm.organisation_id \
     WHERE nm.network_id = $1 AND nm.status = 'active' ORDER BY o.name";

pub async fn members(db: &Db, network_id: i64) -> Result<Vec<NetworkMember>, AppError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(MEMBERS)
        .bind(network_id)
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
    audit_entry(
        &mut tx,
        network_id,
        actor,
        "status_changed",
        &change,
        reason,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const AUDIT: &str = "SELECT l.at, COALESCE(a.name, ''), a.deleted_at, COALESCE(o.name, ''), \
     l.action, l.subject, l.reason FROM network_audit l \
     LEFT JOIN accounts a ON a.id = l.actor_account_id \
     LEFT JOIN organisations o ON o.id = l.actor_organisation_id \
     WHERE l.network_id = $1 ORDER BY l.id";

pub async fn audit(
    db: &Db,
    network_id: i64,
    deleted_user: &str,
) -> Result<Vec<AuditEntry>, AppError> {
    type Row = (i64, String, Option<i64>, String, String, String, String);
    let rows: Vec<Row> = sqlx::query_as(AUDIT)
        .bind(network_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(at, actor, deleted, organisation, action, subject, reason)| AuditEntry {
                at,
                actor: if deleted.is_some() {
                    deleted_user.to_string()
                } else {
                    actor
                },
                organisation,
                action,
                subject,
                reason,
            },
        )
        .collect())
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

/// Writes one audit entry inside the caller's transaction.
async fn audit_entry(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    network_id: i64,
    actor: Actor,
    action: &str,
    subject: &str,
    reason: &str,
) -> Result<(), AppError> {
    sqlx::query(INSERT_AUDIT)
        .bind(network_id)
        .bind(now_ms())
        .bind(actor.account_id)
        .bind(actor.organisation_id)
        .bind(action)
        .bind(subject)
        .bind(reason)
        .execute(&mut **tx)
        .await?;
    Ok(())
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
        .bind(now_ms())
        .bind(motivation)
        .execute(&mut *tx)
        .await?;
    audit_entry(
        &mut tx,
        network_id,
        actor,
        "join_requested",
        organisation_name,
        motivation,
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
        .bind(now_ms())
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
    audit_entry(&mut tx, network_id, actor, action, &name, reason).await?;
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
    sqlx::query(LOCK_NETWORK)
        .bind(network_id)
        .execute(&mut *tx)
        .await?;
    let role: Option<(String,)> = sqlx::query_as(ROLE_OF)
        .bind(network_id)
        .bind(actor.organisation_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some((role,)) = role else {
        return Err(AppError::NotFound);
    };
    if role == NetworkRole::Coordinator.code() {
        let (coordinators,): (i64,) = sqlx::query_as(COORDINATORS)
            .bind(network_id)
            .fetch_one(&mut *tx)
            .await?;
        if coordinators <= 1 {
            return Err(AppError::LastCoordinator);
        }
    }
    sqlx::query(LEAVE)
        .bind(now_ms())
        .bind(network_id)
        .bind(actor.organisation_id)
        .execute(&mut *tx)
        .await?;
    audit_entry(&mut tx, network_id, actor, "left", organisation_name, "").await?;
    tx.commit().await?;
    Ok(())
}

const ADMIN_ORGS: &str = "SELECT o.id, o.public_id, o.name FROM organisations o \
     JOIN organisation_members m ON m.organisation_id = o.id \
     WHERE m.account_id = $1 AND m.role = 'admin' AND m.status = 'active' ORDER BY o.name";

/// The organisations a person administers: (id, public id, name).
pub async fn administered_organisations(
    db: &Db,
    account_id: i64,
) -> Result<Vec<(i64, String, String)>, AppError> {
    Ok(sqlx::query_as(ADMIN_ORGS)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?)
}

/// A network one of my organisations belongs to, for "Mina nätverk".
const MINE: &str = "SELECT DISTINCT n.public_id, n.name, n.status, nm.role FROM networks n \
     JOIN network_members nm ON nm.network_id = n.id AND nm.status = 'active' \
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

/// The audit log as CSV (UTF-8 with a byte-order mark, so Excel reads å,
/// ä and ö), one row per entry, times in Stockholm time.
pub fn audit_csv(entries: &[AuditEntry]) -> String {
    let mut out = String::from("\u{feff}tid;person;organisation;händelse;detalj;motivering\r\n");
    for e in entries {
        let fields = [
            crate::time::format_stockholm(e.at),
            e.actor.clone(),
            e.organisation.clone(),
            e.action.clone(),
            e.subject.clone(),
            e.reason.clone(),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a field, and defuses text a spreadsheet would run as a formula.
fn csv_field(value: &str) -> String {
    let safe = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    format!("\"{}\"", safe.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_csv_quotes_fields_and_defuses_formulas() {
        let entry = AuditEntry {
            at: 0,
            actor: "Anna \"A\" Andersson".into(),
            organisation: "Stockholms stad".into(),
            action: "join_refused".into(),
            subject: "=HYPERLINK(\"x\")".into(),
            reason: "Fel län; fel tid".into(),
        };
        let csv = audit_csv(&[entry]);
        assert!(csv.starts_with("\u{feff}tid;person;"));
        assert!(
            csv.contains("\"1970-01-01 01:00\";\"Anna \"\"A\"\" Andersson\";\"Stockholms stad\"")
        );
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        assert!(csv.ends_with("\"Fel län; fel tid\"\r\n"));
    }
}
