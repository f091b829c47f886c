//! The organisations room's SQL: registering, finding, verifying, and
//! the organisation's log. Its people's SQL is in members/store.rs.

use super::{Claim, Claimant, MyOrganisation, NewOrganisation, Organisation, Role, Status};
use crate::{
    core::ids::public_id,
    core::ids::{AccountId, OrganisationId},
    db::{conflict_if_taken, Db},
    error::AppError,
};

/// What registering a number did.
#[derive(Debug, PartialEq, Eq)]
pub enum Registered {
    Created(String),
    JoinRequested(String),
    AlreadyThere(String),
}

#[derive(sqlx::FromRow)]
struct Registrant {
    id: OrganisationId,
    public_id: String,
}

crate::sql!(FIND_BY_NUMBER = "SELECT id, public_id FROM organisations WHERE org_number = $1");
crate::sql!(
    INSERT_ORG = "INSERT INTO organisations \
     (public_id, org_number, name, kind, lan_code, kommun_code, website, created_at, name_key) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"
);
crate::sql!(
    INSERT_MEMBER = "INSERT INTO organisation_members \
     (organisation_id, account_id, role, status, requested_at, decided_at) \
     VALUES ($1, $2, $3, $4, $5, $6)"
);
crate::sql!(
    IS_MEMBER = "SELECT COUNT(*) FROM organisation_members \
     WHERE organisation_id = $1 AND account_id = $2"
);

/// Registers an organisation with `account_id` as its admin, or, when the
/// number is taken, asks to join the one that has it.
#[tracing::instrument(skip_all)]
pub async fn register(
    db: &Db,
    new: &NewOrganisation,
    account_id: AccountId,
) -> Result<Registered, AppError> {
    let mut tx = db.pool().begin().await?;
    let now = db.now();
    let existing: Option<Registrant> = sqlx::query_as(FIND_BY_NUMBER)
        .bind(new.org_number().as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let outcome = if let Some(existing) = existing {
        match join(&mut tx, existing.id, account_id, now).await? {
            Asked::Requested => Registered::JoinRequested(existing.public_id),
            Asked::AlreadyThere => Registered::AlreadyThere(existing.public_id),
        }
    } else {
        let public_id = public_id();
        let id: OrganisationId = sqlx::query_scalar(INSERT_ORG)
            .bind(&public_id)
            .bind(new.org_number().as_str())
            .bind(new.name())
            .bind(new.kind().code())
            .bind(new.lan().as_str())
            .bind(new.kommun_code())
            .bind(new.website())
            .bind(now)
            .bind(crate::core::ids::name_key(new.name()))
            .fetch_one(&mut *tx)
            .await
            .map_err(conflict_if_taken)?;
        sqlx::query(INSERT_MEMBER)
            .bind(id)
            .bind(account_id)
            .bind(Role::Admin.code())
            .bind(Status::Active.code())
            .bind(now)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        Registered::Created(public_id)
    };
    tx.commit().await?;
    Ok(outcome)
}

/// What asking to join an organisation did.
#[derive(Debug, PartialEq, Eq)]
pub enum Asked {
    Requested,
    /// A member already, waiting for a decision, or refused before.
    AlreadyThere,
}

/// Asks to join an organisation found in the search: a pending request
/// its admins decide on (site admins, while it is not verified).
#[tracing::instrument(skip_all)]
pub async fn ask_to_join(
    db: &Db,
    organisation_id: OrganisationId,
    account_id: AccountId,
) -> Result<Asked, AppError> {
    let mut tx = db.pool().begin().await?;
    let asked = join(&mut tx, organisation_id, account_id, db.now()).await?;
    tx.commit().await?;
    Ok(asked)
}

/// A pending request, unless the person already has a place (or a
/// refusal) in the organisation.
async fn join(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation_id: OrganisationId,
    account_id: AccountId,
    now: i64,
) -> Result<Asked, AppError> {
    let member: i64 = sqlx::query_scalar(IS_MEMBER)
        .bind(organisation_id)
        .bind(account_id)
        .fetch_one(&mut **tx)
        .await?;
    if member > 0 {
        return Ok(Asked::AlreadyThere);
    }
    sqlx::query(INSERT_MEMBER)
        .bind(organisation_id)
        .bind(account_id)
        .bind(Role::Member.code())
        .bind(Status::Pending.code())
        .bind(now)
        .bind(None::<i64>)
        .execute(&mut **tx)
        .await?;
    Ok(Asked::Requested)
}

/// An organisation found by its public id.
#[derive(Debug)]
pub struct Found {
    pub id: OrganisationId,
    pub organisation: Organisation,
}

#[derive(sqlx::FromRow)]
struct OrganisationRow {
    id: OrganisationId,
    public_id: String,
    org_number: String,
    name: String,
    kind: String,
    lan_code: String,
    kommun_code: Option<String>,
    website: String,
    verified_at: Option<i64>,
}

crate::sql!(
    FIND = "SELECT id, public_id, org_number, name, kind, lan_code, kommun_code, website, \
     verified_at FROM organisations WHERE public_id = $1"
);

#[tracing::instrument(skip_all)]
pub async fn find(db: &Db, public_id: &str) -> Result<Option<Found>, AppError> {
    let row: Option<OrganisationRow> = sqlx::query_as(FIND)
        .bind(public_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|row| Found {
        id: row.id,
        organisation: Organisation {
            public_id: row.public_id,
            org_number: row.org_number,
            name: row.name,
            kind: row.kind,
            lan_code: row.lan_code,
            kommun_code: row.kommun_code,
            website: row.website,
            verified: row.verified_at.is_some(),
        },
    }))
}

/// Who decides on an organisation or its people, for its log.
#[derive(Clone, Copy, Debug)]
pub struct Decider {
    pub account_id: AccountId,
}

crate::sql!(
    AUDIT = "INSERT INTO organisation_audit \
     (organisation_id, at, actor_account_id, action, subject_account_id) \
     VALUES ($1, $2, $3, $4, $5)"
);

/// Writes one decision to the organisation's log.
pub(super) async fn audit(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    at: i64,
    organisation_id: OrganisationId,
    by: Decider,
    action: &str,
    subject: AccountId,
) -> Result<(), AppError> {
    sqlx::query(AUDIT)
        .bind(organisation_id)
        .bind(at)
        .bind(by.account_id)
        .bind(action)
        .bind(subject)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

crate::sql!(
    VERIFY = "UPDATE organisations SET verified_at = $1, verified_by = $2 \
     WHERE id = $3 AND verified_at IS NULL"
);
crate::sql!(
    /// Everyone the organisation's verification concerns: its people and
    /// those waiting to join.
    TO_TELL = "SELECT a.email, a.language FROM organisation_members m \
     JOIN accounts a ON a.id = m.account_id \
     WHERE m.organisation_id = $1 AND m.status <> 'refused' AND a.deleted_at IS NULL \
     ORDER BY a.id"
);

/// Someone to tell by mail, in their language.
#[derive(Debug, sqlx::FromRow)]
pub struct Recipient {
    pub email: String,
    pub language: String,
}

/// Marks the organisation verified; the people to tell when this did it
/// (none when it was verified already).
#[tracing::instrument(skip_all)]
pub async fn verify(
    db: &Db,
    organisation_id: OrganisationId,
    by: Decider,
) -> Result<Vec<Recipient>, AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(VERIFY)
        .bind(db.now())
        .bind(by.account_id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(Vec::new());
    }
    audit(
        &mut tx,
        db.now(),
        organisation_id,
        by,
        "verified",
        by.account_id,
    )
    .await?;
    let to_tell: Vec<Recipient> = sqlx::query_as(TO_TELL)
        .bind(organisation_id)
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(to_tell)
}

#[derive(sqlx::FromRow)]
struct ClaimRow {
    public_id: String,
    name: String,
    org_number: String,
    registered_at: i64,
    person: String,
    email: String,
    title: String,
    role: String,
    status: String,
    requested_at: i64,
}

crate::sql!(
    CLAIMS = "SELECT o.public_id, o.name, o.org_number, o.created_at AS registered_at, \
     a.name AS person, a.email, a.title, m.role, m.status, m.requested_at FROM organisations o \
     JOIN organisation_members m ON m.organisation_id = o.id \
     JOIN accounts a ON a.id = m.account_id \
     WHERE o.verified_at IS NULL AND m.status <> 'refused' \
     ORDER BY o.created_at, o.id, m.requested_at, a.id"
);

/// Every organisation waiting for verification with everyone who claims
/// it, for site admins: the first registrant of a number owns nothing
/// until a site admin has checked who is who.
#[tracing::instrument(skip_all)]
pub async fn claims(db: &Db) -> Result<Vec<Claim>, AppError> {
    let rows: Vec<ClaimRow> = sqlx::query_as(CLAIMS).fetch_all(db.pool()).await?;
    let mut out: Vec<Claim> = Vec::new();
    for row in rows {
        if out.last().map(|c| &c.public_id) != Some(&row.public_id) {
            out.push(Claim {
                public_id: row.public_id,
                name: row.name,
                org_number: row.org_number,
                registered_at: row.registered_at,
                claimants: Vec::new(),
            });
        }
        if let Some(claim) = out.last_mut() {
            claim.claimants.push(Claimant {
                name: row.person,
                email: row.email,
                title: row.title,
                admin: row.role == Role::Admin.code(),
                pending: row.status == Status::Pending.code(),
                requested_at: row.requested_at,
            });
        }
    }
    Ok(out)
}

#[derive(sqlx::FromRow)]
struct MineRow {
    public_id: String,
    name: String,
    role: String,
    status: String,
    verified_at: Option<i64>,
}

crate::sql!(
    MINE = "SELECT o.public_id, o.name, m.role, m.status, o.verified_at \
     FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id \
     WHERE m.account_id = $1 AND m.status <> 'refused' ORDER BY o.name"
);

#[tracing::instrument(skip_all)]
pub async fn mine(db: &Db, account_id: AccountId) -> Result<Vec<MyOrganisation>, AppError> {
    let rows: Vec<MineRow> = sqlx::query_as(MINE)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(MyOrganisation {
                public_id: row.public_id,
                name: row.name,
                role: Role::parse(&row.role)?,
                status: Status::parse(&row.status)?,
                verified: row.verified_at.is_some(),
            })
        })
        .collect())
}
