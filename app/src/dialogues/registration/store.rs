//! Registration's SQL.

use super::{Attendance, Registration};
use crate::{
    core::{
        ids::{DialogueId, OrganisationId},
        Actor,
    },
    db::Db,
    dialogues::store::DialogueKey,
    error::AppError,
};

crate::sql!(
    LOCK_CAPACITY = "UPDATE dialogues SET capacity = capacity WHERE id = $1 RETURNING capacity"
);
crate::sql!(
    TAKEN = "SELECT COUNT(*) FROM dialogue_registrations \
     WHERE dialogue_id = $1 AND withdrawn_at IS NULL"
);
crate::sql!(
    REGISTERED = "SELECT COUNT(*) FROM dialogue_registrations \
     WHERE dialogue_id = $1 AND organisation_id = $2 AND withdrawn_at IS NULL"
);
crate::sql!(
    REGISTER = "INSERT INTO dialogue_registrations (dialogue_id, organisation_id, \
     attendees, account_id, registered_at) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (dialogue_id, organisation_id) DO UPDATE SET attendees = $3, account_id = $4, \
     registered_at = $5, withdrawn_at = NULL"
);

/// Registers the organisation, or updates who attends. The dialogue's row
/// is locked first, so simultaneous registrations are counted one at a
/// time and the capacity holds. `Full` when no place is left.
#[tracing::instrument(skip_all)]
pub async fn register(
    db: &Db,
    key: DialogueKey,
    attendance: &Attendance,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let capacity: i64 = sqlx::query_scalar(LOCK_CAPACITY)
        .bind(key.id)
        .fetch_one(&mut *tx)
        .await?;
    let already: i64 = sqlx::query_scalar(REGISTERED)
        .bind(key.id)
        .bind(actor.organisation_id)
        .fetch_one(&mut *tx)
        .await?;
    let taken: i64 = sqlx::query_scalar(TAKEN)
        .bind(key.id)
        .fetch_one(&mut *tx)
        .await?;
    if already == 0 && taken >= capacity {
        return Err(AppError::Full);
    }
    sqlx::query(REGISTER)
        .bind(key.id)
        .bind(actor.organisation_id)
        .bind(attendance.attendees())
        .bind(actor.account_id)
        .bind(db.now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    WITHDRAW = "UPDATE dialogue_registrations SET withdrawn_at = $1 \
     WHERE dialogue_id = $2 AND organisation_id = $3 AND withdrawn_at IS NULL"
);

/// Withdraws the organisation's registration; `NotFound` when it has none.
#[tracing::instrument(skip_all)]
pub async fn withdraw(
    db: &Db,
    key: DialogueKey,
    organisation_id: OrganisationId,
) -> Result<(), AppError> {
    let done = sqlx::query(WITHDRAW)
        .bind(db.now())
        .bind(key.id)
        .bind(organisation_id)
        .execute(db.pool())
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// How many places are taken, in a transaction that holds the
/// dialogue's row (as a correction of its capacity does).
pub async fn registered_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue_id: DialogueId,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(TAKEN)
        .bind(dialogue_id)
        .fetch_one(&mut **tx)
        .await?)
}

/// How many places are taken.
#[tracing::instrument(skip_all)]
pub async fn registered_count(db: &Db, dialogue_id: DialogueId) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(TAKEN)
        .bind(dialogue_id)
        .fetch_one(db.pool())
        .await?)
}

crate::sql!(
    REGISTRATIONS = "SELECT o.name AS organisation, r.attendees, r.registered_at \
     FROM dialogue_registrations r JOIN organisations o ON o.id = r.organisation_id \
     WHERE r.dialogue_id = $1 AND r.withdrawn_at IS NULL ORDER BY o.name"
);

/// The organisations registered now, for hosts and the record.
#[tracing::instrument(skip_all)]
pub async fn registrations(
    db: &Db,
    dialogue_id: DialogueId,
) -> Result<Vec<Registration>, AppError> {
    Ok(sqlx::query_as(REGISTRATIONS)
        .bind(dialogue_id)
        .fetch_all(db.pool())
        .await?)
}

#[derive(sqlx::FromRow)]
struct AttendeesRow {
    organisation_id: OrganisationId,
    attendees: String,
}

crate::sql_with_list!(
    REGISTERED_AMONG = "SELECT organisation_id, attendees FROM dialogue_registrations \
     WHERE dialogue_id = $1 AND withdrawn_at IS NULL AND organisation_id IN ({list})",
    from = 2
);

/// Which of these organisations are registered now, and who attends for
/// each, in one query.
#[tracing::instrument(skip_all)]
pub async fn registered_among(
    db: &Db,
    dialogue_id: DialogueId,
    organisations: &[OrganisationId],
) -> Result<Vec<(OrganisationId, String)>, AppError> {
    if organisations.is_empty() {
        return Ok(Vec::new());
    }
    let mut query = sqlx::query_as::<_, AttendeesRow>(REGISTERED_AMONG.with(organisations.len()))
        .bind(dialogue_id);
    for id in organisations {
        query = query.bind(*id);
    }
    let rows = query.fetch_all(db.pool()).await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.organisation_id, r.attendees))
        .collect())
}
