//! The organisations room's SQL.

use super::{Member, MyOrganisation, OrgNumber, Organisation, Role, Status};
use crate::{
    db::{conflict_if_taken, public_id, Db},
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
    let now = db.now();
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

/// An organisation found by its number.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ByNumber {
    pub id: i64,
    pub public_id: String,
    pub verified_at: Option<i64>,
}

impl ByNumber {
    pub fn verified(&self) -> bool {
        self.verified_at.is_some()
    }
}

const BY_NUMBER: &str =
    "SELECT id, public_id, verified_at FROM organisations WHERE org_number = $1";

/// The organisation with this number.
pub async fn find_by_number(
    db: &Db,
    number: &super::OrgNumber,
) -> Result<Option<ByNumber>, AppError> {
    Ok(sqlx::query_as(BY_NUMBER)
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

const MEMBERS: &str = "SELECT a.id, a.name, a.title, a.email, m.role, m.status \
     FROM organisation_members m JOIN accounts a ON a.id = m.account_id \
     WHERE m.organisation_id = $1 AND m.status <> 'refused' ORDER BY m.status, a.name";

/// The organisation's people and waiting requests; their addresses only
/// when `with_email` (for its admins and site admins, who decide).
pub async fn members(
    db: &Db,
    organisation_id: i64,
    with_email: bool,
) -> Result<Vec<Member>, AppError> {
    let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(MEMBERS)
        .bind(organisation_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(account_id, name, title, email, role, status)| {
            Some(Member {
                account_id,
                name,
                title,
                email: if with_email { email } else { String::new() },
                role: Role::parse(&role)?,
                status: Status::parse(&status)?,
            })
        })
        .collect())
}

/// Who decides on an organisation's people, for its log.
#[derive(Clone, Copy, Debug)]
pub struct Decider {
    pub account_id: i64,
}

const AUDIT: &str = "INSERT INTO organisation_audit \
     (organisation_id, at, actor_account_id, action, subject_account_id) VALUES ($1, $2, $3, $4, $5)";

async fn audit(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    at: i64,
    organisation_id: i64,
    by: Decider,
    action: &str,
    subject: i64,
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

/// Locks the organisation's row (on both engines), so that changes to
/// its admins happen one at a time and the last admin always stays.
const LOCK: &str = "UPDATE organisations SET name = name WHERE id = $1";
const ACTIVE_ADMINS: &str = "SELECT COUNT(*) FROM organisation_members \
     WHERE organisation_id = $1 AND role = 'admin' AND status = 'active'";
const ROLE_OF: &str = "SELECT role FROM organisation_members \
     WHERE organisation_id = $1 AND account_id = $2 AND status = 'active'";

/// The active member's role, with the organisation locked; `NotFound`
/// when the person is no active member, `LastAdmin` when they are its
/// only admin.
async fn lock_member_not_last_admin(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation_id: i64,
    account_id: i64,
) -> Result<Role, AppError> {
    sqlx::query(LOCK)
        .bind(organisation_id)
        .execute(&mut **tx)
        .await?;
    let role: Option<String> = sqlx::query_scalar(ROLE_OF)
        .bind(organisation_id)
        .bind(account_id)
        .fetch_optional(&mut **tx)
        .await?;
    let role = role
        .and_then(|r| Role::parse(&r))
        .ok_or(AppError::NotFound)?;
    if role == Role::Admin {
        let admins: i64 = sqlx::query_scalar(ACTIVE_ADMINS)
            .bind(organisation_id)
            .fetch_one(&mut **tx)
            .await?;
        if admins <= 1 {
            return Err(AppError::LastAdmin);
        }
    }
    Ok(role)
}

const DECIDE: &str =
    "UPDATE organisation_members SET status = $1, decided_at = $2, decided_by = $3 \
     WHERE organisation_id = $4 AND account_id = $5 AND status = 'pending'";

/// Approves or refuses a pending request; `NotFound` when there is none.
pub async fn decide(
    db: &Db,
    organisation_id: i64,
    account_id: i64,
    approve: bool,
    by: Decider,
) -> Result<(), AppError> {
    let status = if approve {
        Status::Active
    } else {
        Status::Refused
    };
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(DECIDE)
        .bind(status.code())
        .bind(db.now())
        .bind(by.account_id)
        .bind(organisation_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    let action = if approve {
        "member_approved"
    } else {
        "member_refused"
    };
    audit(&mut tx, db.now(), organisation_id, by, action, account_id).await?;
    tx.commit().await?;
    Ok(())
}

const SET_ROLE: &str = "UPDATE organisation_members SET role = $1 \
     WHERE organisation_id = $2 AND account_id = $3 AND status = 'active'";

/// Makes an active member an admin too; `NotFound` when no such member.
pub async fn make_admin(
    db: &Db,
    organisation_id: i64,
    account_id: i64,
    by: Decider,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(SET_ROLE)
        .bind(Role::Admin.code())
        .bind(organisation_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    audit(
        &mut tx,
        db.now(),
        organisation_id,
        by,
        "admin_made",
        account_id,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Makes an admin a member again; never the last admin.
pub async fn demote_admin(
    db: &Db,
    organisation_id: i64,
    account_id: i64,
    by: Decider,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    if lock_member_not_last_admin(&mut tx, organisation_id, account_id).await? != Role::Admin {
        return Err(AppError::NotFound);
    }
    sqlx::query(SET_ROLE)
        .bind(Role::Member.code())
        .bind(organisation_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        db.now(),
        organisation_id,
        by,
        "admin_demoted",
        account_id,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const REMOVE: &str =
    "DELETE FROM organisation_members WHERE organisation_id = $1 AND account_id = $2";

/// Takes a person out of the organisation; their rights through it end
/// with their next request. Never the last admin. The log keeps that
/// they were there.
pub async fn remove_member(
    db: &Db,
    organisation_id: i64,
    account_id: i64,
    by: Decider,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    lock_member_not_last_admin(&mut tx, organisation_id, account_id).await?;
    sqlx::query(REMOVE)
        .bind(organisation_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        db.now(),
        organisation_id,
        by,
        "member_removed",
        account_id,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

const VERIFY: &str = "UPDATE organisations SET verified_at = $1, verified_by = $2 \
     WHERE id = $3 AND verified_at IS NULL";

pub async fn verify(db: &Db, organisation_id: i64, by: Decider) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(VERIFY)
        .bind(db.now())
        .bind(by.account_id)
        .bind(organisation_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 1 {
        audit(
            &mut tx,
            db.now(),
            organisation_id,
            by,
            "verified",
            by.account_id,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

const CLAIMS: &str = "SELECT o.public_id, o.name, o.org_number, o.created_at, a.name, a.email, \
     a.title, m.role, m.status, m.requested_at FROM organisations o \
     JOIN organisation_members m ON m.organisation_id = o.id \
     JOIN accounts a ON a.id = m.account_id \
     WHERE o.verified_at IS NULL AND m.status <> 'refused' \
     ORDER BY o.created_at, o.id, m.requested_at, a.id";

/// Every organisation waiting for verification with everyone who claims
/// it, for site admins: the first registrant of a number owns nothing
/// until a site admin has checked who is who.
pub async fn claims(db: &Db) -> Result<Vec<super::Claim>, AppError> {
    type Row = (
        String,
        String,
        String,
        i64,
        String,
        String,
        String,
        String,
        String,
        i64,
    );
    let rows: Vec<Row> = sqlx::query_as(CLAIMS).fetch_all(db.pool()).await?;
    let mut out: Vec<super::Claim> = Vec::new();
    for (public_id, name, org_number, registered_at, person, email, title, role, status, at) in rows
    {
        if out.last().map(|c| &c.public_id) != Some(&public_id) {
            out.push(super::Claim {
                public_id,
                name,
                org_number,
                registered_at,
                claimants: Vec::new(),
            });
        }
        if let Some(claim) = out.last_mut() {
            claim.claimants.push(super::Claimant {
                name: person,
                email,
                title,
                admin: role == Role::Admin.code(),
                pending: status == Status::Pending.code(),
                requested_at: at,
            });
        }
    }
    Ok(out)
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
