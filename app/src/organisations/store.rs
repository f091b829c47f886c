//! The organisations room's SQL.

use super::{Member, MyOrganisation, OrgNumber, Organisation, Role, Status};
use crate::{
    db::{conflict_if_taken, now_ms, public_id, Db},
    error::AppError,
};

/// A checked registration.
pub struct NewOrganisation {
    pub org_number: OrgNumber,
    pub name: String,
    pub kind: super::OrgKind,
    pub lan_code: String,
    pub kommun_code: Option<String>,
    pub website: String,
}

/// What registering a number did.
#[derive(Debug, PartialEq, Eq)]
pub enum Registered {
    Created(String),
    JoinRequested(String),
    AlreadyThere(String),
}

const FIND_BY_NUMBER: &str = "SELECT id, public_id FROM organisations WHERE org_number = $1";
const INSERT_ORG: &str = "INSERT INTO organisations \
     (public_id, org_number, name, kind, lan_code, kommun_code, website, created_at, name_key) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
const INSERT_MEMBER: &str = "INSERT INTO organisation_members \
     (organisation_id, account_id, role, status, requested_at, decided_at) VALUES ($1, $2, $3, $4, $5, $6)";
const MEMBERSHIP: &str =
    "SELECT role, status FROM organisation_members WHERE organisation_id = $1 AND account_id = $2";

/// Registers an organisation with `account_id` as its admin, or, when the
/// number is taken, asks to join the one that has it.
pub async fn register(
    db: &Db,
    new: &NewOrganisation,
    account_id: i64,
) -> Result<Registered, AppError> {
    let mut tx = db.pool().begin().await?;
    let now = now_ms();
    let existing: Option<(i64, String)> = sqlx::query_as(FIND_BY_NUMBER)
        .bind(new.org_number.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let outcome = if let Some((id, public_id)) = existing {
        let member: Option<(String, String)> = sqlx::query_as(MEMBERSHIP)
            .bind(id)
            .bind(account_id)
            .fetch_optional(&mut *tx)
            .await?;
        if member.is_some() {
            Registered::AlreadyThere(public_id)
        } else {
            sqlx::query(INSERT_MEMBER)
                .bind(id)
                .bind(account_id)
                .bind(Role::Member.code())
                .bind(Status::Pending.code())
                .bind(now)
                .bind(None::<i64>)
                .execute(&mut *tx)
                .await?;
            Registered::JoinRequested(public_id)
        }
    } else {
        let public_id = public_id();
        let (id,): (i64,) = sqlx::query_as(INSERT_ORG)
            .bind(&public_id)
            .bind(new.org_number.as_str())
            .bind(&new.name)
            .bind(new.kind.code())
            .bind(&new.lan_code)
            .bind(new.kommun_code.clone())
            .bind(&new.website)
            .bind(now)
            .bind(crate::db::name_key(&new.name))
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

type OrgRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<i64>,
);

const FIND: &str = "SELECT id, public_id, org_number, name, kind, lan_code, kommun_code, website, \
     verified_at FROM organisations WHERE public_id = $1";

/// The organisation and its internal id.
/// The organisation with this number: (id, public id).
pub async fn find_by_number(
    db: &Db,
    number: &super::OrgNumber,
) -> Result<Option<(i64, String)>, AppError> {
    Ok(sqlx::query_as(FIND_BY_NUMBER)
        .bind(number.as_str())
        .fetch_optional(db.pool())
        .await?)
}

pub async fn find(db: &Db, public_id: &str) -> Result<Option<(i64, Organisation)>, AppError> {
    let row: Option<OrgRow> = sqlx::query_as(FIND)
        .bind(public_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(
        |(id, public_id, org_number, name, kind, lan_code, kommun_code, website, verified)| {
            (
                id,
                Organisation {
                    public_id,
                    org_number,
                    name,
                    kind,
                    lan_code,
                    kommun_code,
                    website,
                    verified: verified.is_some(),
                },
            )
        },
    ))
}

/// A person's role and status in an organisation, if any.
pub async fn membership(
    db: &Db,
    organisation_id: i64,
    account_id: i64,
) -> Result<Option<(Role, Status)>, AppError> {
    let row: Option<(String, String)> = sqlx::query_as(MEMBERSHIP)
        .bind(organisation_id)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(|(role, status)| Some((Role::parse(&role)?, Status::parse(&status)?))))
}

const MEMBERS: &str = "SELECT a.id, a.name, a.title, m.role, m.status \
     FROM organisation_members m JOIN accounts a ON a.id = m.account_id \
     WHERE m.organisation_id = $1 AND m.status <> 'refused' ORDER BY m.status, a.name";

pub async fn members(db: &Db, organisation_id: i64) -> Result<Vec<Member>, AppError> {
    let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(MEMBERS)
        .bind(organisation_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(account_id, name, title, role, status)| {
            Some(Member {
                account_id,
                name,
                title,
                role: Role::parse(&role)?,
                status: Status::parse(&status)?,
            })
        })
        .collect())
}

const DECIDE: &str =
    "UPDATE organisation_members SET status = $1, decided_at = $2, decided_by = $3 \
     WHERE organisation_id = $4 AND account_id = $5 AND status = 'pending'";

/// Approves or refuses a pending request; false when there is none.
pub async fn decide(
    db: &Db,
    organisation_id: i64,
    account_id: i64,
    approve: bool,
    decided_by: i64,
) -> Result<bool, AppError> {
    let status = if approve {
        Status::Active
    } else {
        Status::Refused
    };
    let done = sqlx::query(DECIDE)
        .bind(status.code())
        .bind(now_ms())
        .bind(decided_by)
        .bind(organisation_id)
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

const MAKE_ADMIN: &str = "UPDATE organisation_members SET role = 'admin' \
     WHERE organisation_id = $1 AND account_id = $2 AND status = 'active'";

pub async fn make_admin(db: &Db, organisation_id: i64, account_id: i64) -> Result<bool, AppError> {
    let done = sqlx::query(MAKE_ADMIN)
        .bind(organisation_id)
        .bind(account_id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

const VERIFY: &str = "UPDATE organisations SET verified_at = $1, verified_by = $2 \
     WHERE id = $3 AND verified_at IS NULL";

pub async fn verify(db: &Db, organisation_id: i64, by: i64) -> Result<(), AppError> {
    sqlx::query(VERIFY)
        .bind(now_ms())
        .bind(by)
        .bind(organisation_id)
        .execute(db.pool())
        .await?;
    Ok(())
}

const MINE: &str = "SELECT o.public_id, o.name, m.role, m.status, o.verified_at \
     FROM organisation_members m JOIN organisations o ON o.id = m.organisation_id \
     WHERE m.account_id = $1 AND m.status <> 'refused' ORDER BY o.name";

pub async fn mine(db: &Db, account_id: i64) -> Result<Vec<MyOrganisation>, AppError> {
    let rows: Vec<(String, String, String, String, Option<i64>)> = sqlx::query_as(MINE)
        .bind(account_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(public_id, name, role, status, verified)| {
            Some(MyOrganisation {
                public_id,
                name,
                role: Role::parse(&role)?,
                status: Status::parse(&status)?,
                verified: verified.is_some(),
            })
        })
        .collect())
}
