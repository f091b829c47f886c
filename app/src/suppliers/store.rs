//! The suppliers room's SQL.

use super::{MySupplier, NewSupplier};
use crate::{
    core::ids::{public_id, AccountId, SupplierId},
    db::Db,
    error::AppError,
    organisations::{Member, Role, Status},
};

/// How many suppliers one person may register: enough for a consultant
/// with a few companies, too few to fill a dialogue's places with
/// made-up ones.
pub const SUPPLIERS_PER_PERSON: i64 = 5;

/// A supplier as stored.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredSupplier {
    pub id: SupplierId,
    pub public_id: String,
    pub name: String,
    pub country: String,
    pub scheme: String,
    pub identifier: String,
}

/// What registering did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Registered {
    Created(String),
    /// The number was registered: the person now asks to join.
    JoinRequested(String),
    /// The person belongs, or asked, already.
    AlreadyThere(String),
}

crate::sql!(
    BY_IDENTIFIER = "SELECT id, public_id, name, country, scheme, identifier FROM suppliers \
     WHERE country = $1 AND identifier = $2"
);
crate::sql!(
    BY_PUBLIC_ID = "SELECT id, public_id, name, country, scheme, identifier FROM suppliers \
     WHERE public_id = $1"
);
crate::sql!(
    /// Writing first takes the write lock at once (SQLite) and meets the
    /// unique key (both engines): of simultaneous registrations of one
    /// number, one inserts and the others find it.
    INSERT = "INSERT INTO suppliers (public_id, name, country, scheme, identifier, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (country, identifier) DO NOTHING RETURNING id"
);
crate::sql!(
    ADMIN_OF = "SELECT COUNT(*) FROM supplier_members WHERE account_id = $1 AND role = 'admin' \
     AND status = 'active'"
);
crate::sql!(
    INSERT_MEMBER = "INSERT INTO supplier_members (supplier_id, account_id, role, status, \
     requested_at) VALUES ($1, $2, $3, $4, $5)"
);
crate::sql!(
    MEMBERSHIP = "SELECT role, status FROM supplier_members \
     WHERE supplier_id = $1 AND account_id = $2"
);
crate::sql!(
    ASK_AGAIN = "UPDATE supplier_members SET status = 'pending', requested_at = $1, \
     decided_at = NULL, decided_by = NULL WHERE supplier_id = $2 AND account_id = $3 \
     AND status = 'refused'"
);

/// Registers the supplier with the person as its admin, or, when its
/// number is registered already, makes the person ask to join it (again,
/// after a refusal). Simultaneous registrations of one number meet the
/// unique key: the second becomes a request to join.
#[tracing::instrument(skip_all)]
pub async fn register(
    db: &Db,
    new: &NewSupplier,
    account: AccountId,
) -> Result<Registered, AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    let public = public_id();
    let created: Option<SupplierId> = sqlx::query_scalar(INSERT)
        .bind(&public)
        .bind(&new.name)
        .bind(new.country.code)
        .bind(new.identity.scheme())
        .bind(new.identity.as_str())
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
    if let Some(id) = created {
        let admin_of: i64 = sqlx::query_scalar(ADMIN_OF)
            .bind(account)
            .fetch_one(&mut *tx)
            .await?;
        if admin_of >= SUPPLIERS_PER_PERSON {
            return Err(AppError::TooManyRequests);
        }
        sqlx::query(INSERT_MEMBER)
            .bind(id)
            .bind(account)
            .bind(Role::Admin.code())
            .bind(Status::Active.code())
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        return Ok(Registered::Created(public));
    }
    let existing: Option<StoredSupplier> = sqlx::query_as(BY_IDENTIFIER)
        .bind(new.country.code)
        .bind(new.identity.as_str())
        .fetch_optional(&mut *tx)
        .await?;
    let supplier = existing.ok_or_else(|| AppError::internal("supplier vanished"))?;
    let membership: Option<MembershipRow> = sqlx::query_as(MEMBERSHIP)
        .bind(supplier.id)
        .bind(account)
        .fetch_optional(&mut *tx)
        .await?;
    let outcome = match membership.map(|m| m.status) {
        None => {
            sqlx::query(INSERT_MEMBER)
                .bind(supplier.id)
                .bind(account)
                .bind(Role::Member.code())
                .bind(Status::Pending.code())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            Registered::JoinRequested(supplier.public_id)
        }
        Some(status) if status == Status::Refused.code() => {
            sqlx::query(ASK_AGAIN)
                .bind(now)
                .bind(supplier.id)
                .bind(account)
                .execute(&mut *tx)
                .await?;
            Registered::JoinRequested(supplier.public_id)
        }
        Some(_) => Registered::AlreadyThere(supplier.public_id),
    };
    tx.commit().await?;
    Ok(outcome)
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    role: String,
    status: String,
}

/// A person's place in a supplier: (role, status).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Membership {
    pub role: Role,
    pub status: Status,
}

impl Membership {
    pub fn active(self) -> bool {
        self.status == Status::Active
    }

    pub fn active_admin(self) -> bool {
        self.active() && self.role == Role::Admin
    }

    pub fn pending(self) -> bool {
        self.status == Status::Pending
    }
}

/// The supplier with this number.
#[tracing::instrument(skip_all)]
pub async fn by_number(
    db: &Db,
    country: &str,
    identifier: &str,
) -> Result<Option<StoredSupplier>, AppError> {
    Ok(sqlx::query_as(BY_IDENTIFIER)
        .bind(country)
        .bind(identifier)
        .fetch_optional(db.pool())
        .await?)
}

#[tracing::instrument(skip_all)]
pub async fn find(db: &Db, public_id: &str) -> Result<Option<StoredSupplier>, AppError> {
    Ok(sqlx::query_as(BY_PUBLIC_ID)
        .bind(public_id.trim())
        .fetch_optional(db.pool())
        .await?)
}

#[tracing::instrument(skip_all)]
pub async fn membership(
    db: &Db,
    supplier: SupplierId,
    account: AccountId,
) -> Result<Option<Membership>, AppError> {
    let row: Option<MembershipRow> = sqlx::query_as(MEMBERSHIP)
        .bind(supplier)
        .bind(account)
        .fetch_optional(db.pool())
        .await?;
    row.map(|r| {
        Ok(Membership {
            role: Role::parse(&r.role).ok_or_else(|| AppError::internal("supplier role"))?,
            status: Status::parse(&r.status)
                .ok_or_else(|| AppError::internal("supplier member status"))?,
        })
    })
    .transpose()
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    account_id: i64,
    name: String,
    title: String,
    email: String,
    role: String,
    status: String,
    requested_at: i64,
}

crate::sql!(
    PEOPLE = "SELECT a.id AS account_id, a.name, a.title, a.email, m.role, m.status, \
     m.requested_at FROM supplier_members m JOIN accounts a ON a.id = m.account_id \
     WHERE m.supplier_id = $1 AND m.status IN ('active', 'pending') ORDER BY a.name, a.id"
);

/// The supplier's people and those who ask to join.
#[tracing::instrument(skip_all)]
pub async fn people(db: &Db, supplier: SupplierId) -> Result<Vec<Member>, AppError> {
    let rows: Vec<MemberRow> = sqlx::query_as(PEOPLE)
        .bind(supplier)
        .fetch_all(db.pool())
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Member {
                account_id: r.account_id,
                name: r.name,
                title: r.title,
                email: r.email,
                role: Role::parse(&r.role).ok_or_else(|| AppError::internal("supplier role"))?,
                status: Status::parse(&r.status)
                    .ok_or_else(|| AppError::internal("supplier member status"))?,
                requested_at: r.requested_at,
            })
        })
        .collect()
}

crate::sql!(
    DECIDE = "UPDATE supplier_members SET status = $1, decided_at = $2, decided_by = $3 \
     WHERE supplier_id = $4 AND account_id = $5 AND status = 'pending'"
);

/// Approves or refuses a request to join; `NotFound` when none waits.
#[tracing::instrument(skip_all)]
pub async fn decide(
    db: &Db,
    supplier: SupplierId,
    account: AccountId,
    approve: bool,
    by: AccountId,
) -> Result<(), AppError> {
    let status = if approve {
        Status::Active
    } else {
        Status::Refused
    };
    let done = sqlx::query(DECIDE)
        .bind(status.code())
        .bind(db.now())
        .bind(by)
        .bind(supplier)
        .bind(account)
        .execute(db.pool())
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

crate::sql!(
    CANCEL_REQUEST = "DELETE FROM supplier_members WHERE supplier_id = $1 AND account_id = $2 \
     AND status = 'pending'"
);

/// Withdraws the person's own request to join; `NotFound` when none waits.
#[tracing::instrument(skip_all)]
pub async fn cancel_request(
    db: &Db,
    supplier: SupplierId,
    account: AccountId,
) -> Result<(), AppError> {
    let done = sqlx::query(CANCEL_REQUEST)
        .bind(supplier)
        .bind(account)
        .execute(db.pool())
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct MineRow {
    public_id: String,
    name: String,
    scheme: String,
    role: String,
    status: String,
}

crate::sql!(
    MINE = "SELECT s.public_id, s.name, s.scheme, m.role, m.status FROM supplier_members m \
     JOIN suppliers s ON s.id = m.supplier_id \
     WHERE m.account_id = $1 AND m.status IN ('active', 'pending') ORDER BY s.name, s.id"
);

/// The suppliers the person belongs to or asks to join. An enskild
/// firma's name (often its owner's) is `hidden` until the person is let
/// in: else typing a personnummer would tell whose it is.
#[tracing::instrument(skip_all)]
pub async fn mine(db: &Db, account: AccountId, hidden: &str) -> Result<Vec<MySupplier>, AppError> {
    let rows: Vec<MineRow> = sqlx::query_as(MINE)
        .bind(account)
        .fetch_all(db.pool())
        .await?;
    rows.into_iter()
        .map(|r| {
            let active = r.status == Status::Active.code();
            Ok(MySupplier {
                public_id: r.public_id,
                name: super::shown_name(&r.scheme, r.name, active, hidden),
                role: Role::parse(&r.role).ok_or_else(|| AppError::internal("supplier role"))?,
                active,
            })
        })
        .collect()
}

crate::sql!(
    ADMINS = "SELECT COUNT(*) FROM supplier_members WHERE supplier_id = $1 AND role = 'admin' \
     AND status = 'active'"
);
crate::sql!(LOCK_SUPPLIER = "UPDATE suppliers SET name = name WHERE id = $1");
crate::sql!(
    REMOVE = "DELETE FROM supplier_members WHERE supplier_id = $1 AND account_id = $2 \
     AND status = 'active'"
);

/// Removes an active person from the supplier (or lets them leave): from
/// the next request they act for it no more and get none of its mail.
/// The last admin stays (`LastAdmin`); `NotFound` for no such person.
#[tracing::instrument(skip_all)]
pub async fn remove(db: &Db, supplier: SupplierId, account: AccountId) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    // One removal at a time, so two admins cannot remove each other.
    sqlx::query(LOCK_SUPPLIER)
        .bind(supplier)
        .execute(&mut *tx)
        .await?;
    let role: Option<MembershipRow> = sqlx::query_as(MEMBERSHIP)
        .bind(supplier)
        .bind(account)
        .fetch_optional(&mut *tx)
        .await?;
    let role = role
        .filter(|m| m.status == Status::Active.code())
        .ok_or(AppError::NotFound)?
        .role;
    if role == Role::Admin.code() {
        let admins: i64 = sqlx::query_scalar(ADMINS)
            .bind(supplier)
            .fetch_one(&mut *tx)
            .await?;
        if admins <= 1 {
            return Err(AppError::LastAdmin);
        }
    }
    sqlx::query(REMOVE)
        .bind(supplier)
        .bind(account)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    MAKE_ADMIN = "UPDATE supplier_members SET role = 'admin' WHERE supplier_id = $1 \
     AND account_id = $2 AND status = 'active' AND role = 'member'"
);

/// Makes an active member an admin too; `NotFound` when there is none.
#[tracing::instrument(skip_all)]
pub async fn make_admin(db: &Db, supplier: SupplierId, account: AccountId) -> Result<(), AppError> {
    let done = sqlx::query(MAKE_ADMIN)
        .bind(supplier)
        .bind(account)
        .execute(db.pool())
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
