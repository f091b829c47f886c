//! What a supplier does in a dialogue: registers (and so receives every
//! update), says who comes to each meeting within its places, asks, and
//! withdraws. Each under the dialogue's lock, as `tell` is.

use super::{lock, log};
use crate::{
    core::{
        ids::{public_id, DialogueId, SupplierId},
        market::SupplierActor,
    },
    db::Db,
    dialogues::market::InformationKind,
    error::AppError,
};

crate::sql!(
    REGISTER = "INSERT INTO dialogue_suppliers (dialogue_id, supplier_id, account_id, \
     registered_at) VALUES ($1, $2, $3, $4) ON CONFLICT (dialogue_id, supplier_id) \
     DO UPDATE SET account_id = $3, registered_at = $4, withdrawn_at = NULL \
     WHERE dialogue_suppliers.withdrawn_at IS NOT NULL"
);

/// Registers the supplier; registering again changes nothing.
#[tracing::instrument(skip_all)]
pub async fn register(db: &Db, dialogue: DialogueId, actor: SupplierActor) -> Result<(), AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    lock(&mut tx, dialogue).await?;
    let done = sqlx::query(REGISTER)
        .bind(dialogue)
        .bind(actor.supplier_id)
        .bind(actor.account_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 1 {
        let kind = InformationKind::Registered;
        log(&mut tx, dialogue, kind, "", Some(actor.supplier_id), now).await?;
    }
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    WITHDRAW = "UPDATE dialogue_suppliers SET withdrawn_at = $1 \
     WHERE dialogue_id = $2 AND supplier_id = $3 AND withdrawn_at IS NULL"
);
crate::sql!(
    LEAVE_MEETINGS = "DELETE FROM meeting_suppliers WHERE supplier_id = $1 \
     AND session_id IN (SELECT id FROM dialogue_sessions WHERE dialogue_id = $2)"
);

/// Withdraws the supplier, its people from every meeting, and its
/// individual meeting if that is still ahead.
#[tracing::instrument(skip_all)]
pub async fn withdraw(db: &Db, dialogue: DialogueId, actor: SupplierActor) -> Result<(), AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    lock(&mut tx, dialogue).await?;
    let done = sqlx::query(WITHDRAW)
        .bind(now)
        .bind(dialogue)
        .bind(actor.supplier_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    sqlx::query(LEAVE_MEETINGS)
        .bind(actor.supplier_id)
        .bind(dialogue)
        .execute(&mut *tx)
        .await?;
    crate::dialogues::slots::store::release_ahead(&mut tx, dialogue, actor.supplier_id, now)
        .await?;
    let kind = InformationKind::Withdrawn;
    log(&mut tx, dialogue, kind, "", Some(actor.supplier_id), now).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(MEETING = "SELECT id FROM dialogue_sessions WHERE public_id = $1 AND dialogue_id = $2");
crate::sql!(
    COMING = "SELECT COUNT(*) FROM meeting_suppliers WHERE session_id = $1 AND supplier_id = $2"
);
crate::sql!(TAKEN = "SELECT COUNT(*) FROM meeting_suppliers WHERE session_id = $1");
crate::sql!(
    IS_REGISTERED = "SELECT COUNT(*) FROM dialogue_suppliers WHERE dialogue_id = $1 \
     AND supplier_id = $2 AND withdrawn_at IS NULL"
);
crate::sql!(
    ATTEND = "INSERT INTO meeting_suppliers (session_id, supplier_id, attendees, registered_at) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (session_id, supplier_id) \
     DO UPDATE SET attendees = $3, registered_at = $4"
);

/// Refuses a supplier that is not registered (any more), under the
/// dialogue's lock.
pub(crate) async fn require_registered(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    supplier: SupplierId,
) -> Result<(), AppError> {
    let registered: i64 = sqlx::query_scalar(IS_REGISTERED)
        .bind(dialogue)
        .bind(supplier)
        .fetch_one(&mut **tx)
        .await?;
    if registered == 0 {
        return Err(AppError::Forbidden);
    }
    Ok(())
}

/// Says who comes to one meeting for the supplier, while its places last.
/// The dialogue's row is locked first, so simultaneous registrations are
/// counted one at a time. `Full` when no place is left.
#[tracing::instrument(skip_all)]
pub async fn attend(
    db: &Db,
    dialogue: DialogueId,
    meeting: &str,
    attendees: &str,
    actor: SupplierActor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let places = lock(&mut tx, dialogue).await?;
    // Checked again under the lock: a withdrawal may have come between
    // the guard's look and this one.
    require_registered(&mut tx, dialogue, actor.supplier_id).await?;
    let session: i64 = sqlx::query_scalar(MEETING)
        .bind(meeting.trim())
        .bind(dialogue)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let coming: i64 = sqlx::query_scalar(COMING)
        .bind(session)
        .bind(actor.supplier_id)
        .fetch_one(&mut *tx)
        .await?;
    let taken: i64 = sqlx::query_scalar(TAKEN)
        .bind(session)
        .fetch_one(&mut *tx)
        .await?;
    if coming == 0 && taken >= places {
        return Err(AppError::Full);
    }
    sqlx::query(ATTEND)
        .bind(session)
        .bind(actor.supplier_id)
        .bind(attendees)
        .bind(db.now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    ASK = "INSERT INTO supplier_questions (public_id, dialogue_id, supplier_id, account_id, \
     body, asked_at) VALUES ($1, $2, $3, $4, $5, $6)"
);

/// A supplier's question, for the hosts.
#[tracing::instrument(skip_all)]
pub async fn ask(
    db: &Db,
    dialogue: DialogueId,
    question: &str,
    actor: SupplierActor,
) -> Result<(), AppError> {
    sqlx::query(ASK)
        .bind(public_id())
        .bind(dialogue)
        .bind(actor.supplier_id)
        .bind(actor.account_id)
        .bind(question)
        .bind(db.now())
        .execute(db.pool())
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct MeetingPlacesRow {
    public_id: String,
    taken: i64,
}

crate::sql!(
    MEETING_PLACES = "SELECT s.public_id, \
     (SELECT COUNT(*) FROM meeting_suppliers m WHERE m.session_id = s.id) AS taken \
     FROM dialogue_sessions s WHERE s.dialogue_id = $1"
);

/// Supplier places taken per meeting: (meeting's public id, taken).
#[tracing::instrument(skip_all)]
pub async fn places_taken(db: &Db, dialogue: DialogueId) -> Result<Vec<(String, i64)>, AppError> {
    let rows: Vec<MeetingPlacesRow> = sqlx::query_as(MEETING_PLACES)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(|r| (r.public_id, r.taken)).collect())
}

#[derive(sqlx::FromRow)]
struct AttendingRow {
    supplier_id: SupplierId,
    meeting: String,
    attendees: String,
}

crate::sql!(
    ATTENDING = "SELECT m.supplier_id, s.public_id AS meeting, m.attendees \
     FROM meeting_suppliers m JOIN dialogue_sessions s ON s.id = m.session_id \
     WHERE s.dialogue_id = $1 ORDER BY s.starts_at, s.id"
);

/// Who comes to which meeting, per supplier: (supplier, meeting, who).
#[tracing::instrument(skip_all)]
pub async fn attending(
    db: &Db,
    dialogue: DialogueId,
) -> Result<Vec<(SupplierId, String, String)>, AppError> {
    let rows: Vec<AttendingRow> = sqlx::query_as(ATTENDING)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.supplier_id, r.meeting, r.attendees))
        .collect())
}
