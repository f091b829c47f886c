//! The SQL of an organisation's people. Every decision goes to the
//! organisation's log in the same transaction.

use super::{Member, Role, Status};
use crate::{
    core::ids::{AccountId, OrganisationId},
    db::Db,
    error::AppError,
    organisations::store::{audit, Decider},
};

/// A person's role and status in an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Membership {
    pub role: Role,
    pub status: Status,
}

impl Membership {
    pub fn is_active(self) -> bool {
        self.status == Status::Active
    }

    pub fn is_active_admin(self) -> bool {
        self.is_active() && self.role == Role::Admin
    }
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    role: String,
    status: String,
}

crate::sql!(
    MEMBERSHIP = "SELECT role, status FROM organisation_members \
     WHERE organisation_id = $1 AND account_id = $2"
);

/// A person's role and status in an organisation, if any.
#[tracing::instrument(skip_all)]
pub async fn membership(
    db: &Db,
    organisation_id: OrganisationId,
    account_id: AccountId,
) -> Result<Option<Membership>, AppError> {
    let row: Option<MembershipRow> = sqlx::query_as(MEMBERSHIP)
        .bind(organisation_id)
        .bind(account_id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.and_then(|row| {
        Some(Membership {
            role: Role::parse(&row.role)?,
            status: Status::parse(&row.status)?,
        })
    }))
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    account_id: AccountId,
    name: String,
    title: String,
    email: String,
    role: String,
    status: String,
    requested_at: i64,
}

crate::sql!(
    MEMBERS = "SELECT a.id AS account_id, a.name, a.title, a.email, m.role, m.status, \
     m.requested_at \
     FROM organisation_members m JOIN accounts a ON a.id = m.account_id \
     WHERE m.organisation_id = $1 AND m.status <> 'refused' ORDER BY m.status, a.name"
);

/// The organisation's people and waiting requests; their addresses only
/// when `with_email` (for its admins and site admins, who decide).
#[tracing::instrument(skip_all)]
pub async fn members(
    db: &Db,
    organisation_id: OrganisationId,
    with_email: bool,
) -> Result<Vec<Member>, AppError> {
    let rows: Vec<MemberRow> = sqlx::query_as(MEMBERS)
        .bind(organisation_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(Member {
                account_id: row.account_id.0,
                name: row.name,
                title: row.title,
                email: if with_email { row.email } else { String::new() },
                role: Role::parse(&row.role)?,
                status: Status::parse(&row.status)?,
                requested_at: row.requested_at,
            })
        })
        .collect())
}

crate::sql!(
    /// Locks the organisation's row (on both engines), so that changes to
    /// its admins happen one at a time and the last admin always stays.
    LOCK = "UPDATE organisations SET name = name WHERE id = $1"
);
crate::sql!(
    ACTIVE_ADMINS = "SELECT COUNT(*) FROM organisation_members \
     WHERE organisation_id = $1 AND role = 'admin' AND status = 'active'"
);
crate::sql!(
    ROLE_OF = "SELECT role FROM organisation_members \
     WHERE organisation_id = $1 AND account_id = $2 AND status = 'active'"
);

/// The active member's role, with the organisation locked; `NotFound`
/// when the person is no active member, `LastAdmin` when they are its
/// only admin.
async fn lock_member_not_last_admin(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    organisation_id: OrganisationId,
    account_id: AccountId,
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

crate::sql!(
    DECIDE = "UPDATE organisation_members SET status = $1, decided_at = $2, decided_by = $3 \
     WHERE organisation_id = $4 AND account_id = $5 AND status = 'pending'"
);

/// Approves or refuses a pending request; `NotFound` when there is none.
#[tracing::instrument(skip_all)]
pub async fn decide(
    db: &Db,
    organisation_id: OrganisationId,
    account_id: AccountId,
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

crate::sql!(
    SET_ROLE = "UPDATE organisation_members SET role = $1 \
     WHERE organisation_id = $2 AND account_id = $3 AND status = 'active'"
);

/// Makes an active member an admin too; `NotFound` when no such member.
#[tracing::instrument(skip_all)]
pub async fn make_admin(
    db: &Db,
    organisation_id: OrganisationId,
    account_id: AccountId,
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
#[tracing::instrument(skip_all)]
pub async fn demote_admin(
    db: &Db,
    organisation_id: OrganisationId,
    account_id: AccountId,
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

crate::sql!(
    REMOVE = "DELETE FROM organisation_members WHERE organisation_id = $1 AND account_id = $2"
);

/// Takes a person out of the organisation; their rights through it end
/// with their next request. Never the last admin. The log keeps that
/// they were there.
#[tracing::instrument(skip_all)]
pub async fn remove_member(
    db: &Db,
    organisation_id: OrganisationId,
    account_id: AccountId,
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
