//! The individual meetings' SQL. Offering, booking, moving and cancelling
//! all take the dialogue's lock first (the market part's), so bookings are
//! decided one at a time: of twenty suppliers asking for the last slot at
//! once, one gets it and nineteen are told it is taken. A unique index
//! (one slot per supplier) stands behind the lock.

use super::{HeldMeeting, HostSlot, Offer, Offered};
use crate::{
    core::{
        audit::{self, Entry},
        ids::{public_id, DialogueId, SupplierId},
        market::SupplierActor,
        Actor,
    },
    db::Db,
    dialogues::{
        market::{
            store::{lock, require_registered, tell, Mail},
            InformationKind,
        },
        store::DialogueKey,
    },
    error::AppError,
};

/// One slot as stored, with its supplier's name.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SlotRow {
    pub public_id: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub place: String,
    pub link: String,
    pub supplier_id: Option<SupplierId>,
    pub supplier: String,
    pub attendees: String,
    pub booked_at: Option<i64>,
}

impl SlotRow {
    pub fn for_hosts(self) -> HostSlot {
        HostSlot {
            public_id: self.public_id,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            place: self.place,
            link: self.link,
            supplier: self.supplier,
            attendees: self.attendees,
            booked_at: self.booked_at,
        }
    }

    /// In minutes.
    pub fn length(&self) -> i64 {
        (self.ends_at - self.starts_at) / 60_000
    }
}

crate::sql!(
    SLOTS = "SELECT m.public_id, m.starts_at, m.ends_at, m.place, m.link, m.supplier_id, \
     COALESCE(s.name, '') AS supplier, m.attendees, m.booked_at FROM meeting_slots m \
     LEFT JOIN suppliers s ON s.id = m.supplier_id WHERE m.dialogue_id = $1 \
     ORDER BY m.starts_at, m.id"
);

/// Every slot of the dialogue, in time order.
#[tracing::instrument(skip_all)]
pub async fn slots(db: &Db, dialogue: DialogueId) -> Result<Vec<SlotRow>, AppError> {
    Ok(sqlx::query_as(SLOTS)
        .bind(dialogue)
        .fetch_all(db.pool())
        .await?)
}

crate::sql!(
    HELD = "SELECT m.public_id, m.starts_at, m.ends_at, COALESCE(s.name, '') AS supplier \
     FROM meeting_slots m JOIN suppliers s ON s.id = m.supplier_id \
     WHERE m.dialogue_id = $1 AND m.starts_at <= $2 ORDER BY m.starts_at, m.id"
);

/// The booked meetings whose time has come, with their suppliers.
#[tracing::instrument(skip_all)]
pub async fn held(db: &Db, dialogue: DialogueId) -> Result<Vec<HeldMeeting>, AppError> {
    let rows: Vec<HeldRow> = sqlx::query_as(HELD)
        .bind(dialogue)
        .bind(db.now())
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| HeldMeeting {
            public_id: r.public_id,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            supplier: r.supplier,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct HeldRow {
    public_id: String,
    starts_at: i64,
    ends_at: i64,
    supplier: String,
}

crate::sql!(
    OFFERED = "SELECT COUNT(*) AS count, MIN((ends_at - starts_at) / 60000) AS minutes, \
     MIN(CASE WHEN starts_at > $2 THEN starts_at END) AS first_ahead \
     FROM meeting_slots WHERE dialogue_id = $1"
);

#[derive(sqlx::FromRow)]
struct OfferedRow {
    count: i64,
    minutes: Option<i64>,
    first_ahead: Option<i64>,
}

impl From<OfferedRow> for Offered {
    fn from(row: OfferedRow) -> Offered {
        Offered {
            minutes: row.minutes,
            count: row.count,
            first_ahead: row.first_ahead,
        }
    }
}

/// What the dialogue offers already, for checking a new offer.
#[tracing::instrument(skip_all)]
pub async fn offered(db: &Db, dialogue: DialogueId, now: i64) -> Result<Offered, AppError> {
    let row: OfferedRow = sqlx::query_as(OFFERED)
        .bind(dialogue)
        .bind(now)
        .fetch_one(db.pool())
        .await?;
    Ok(row.into())
}

crate::sql!(
    INSERT_SLOT = "INSERT INTO meeting_slots (public_id, dialogue_id, starts_at, ends_at, \
     place, link, offered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
);
crate::sql!(SET_CUTOFF = "UPDATE dialogues SET slot_cutoff = $1 WHERE id = $2");

/// Offers the slots and sets the cut-off, and tells every registered
/// supplier in the same transaction: all see the same slots from the
/// same moment. `checked` is what the offer was checked against; another
/// host's offer in between is a `Conflict`, so the limits and the one
/// length hold.
#[tracing::instrument(skip_all)]
pub async fn offer(
    db: &Db,
    key: DialogueKey,
    (offer, checked): (&Offer, Offered),
    told: &str,
    mail: &Mail,
    actor: Actor,
) -> Result<(), AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    lock(&mut tx, key.id).await?;
    let offered: OfferedRow = sqlx::query_as(OFFERED)
        .bind(key.id)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    let offered = Offered::from(offered);
    if (offered.count, offered.minutes) != (checked.count, checked.minutes) {
        return Err(AppError::Conflict);
    }
    for (starts_at, ends_at) in offer.slots() {
        sqlx::query(INSERT_SLOT)
            .bind(public_id())
            .bind(key.id)
            .bind(*starts_at)
            .bind(*ends_at)
            .bind(offer.place())
            .bind(offer.link())
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(SET_CUTOFF)
        .bind(offer.cutoff())
        .bind(key.id)
        .execute(&mut *tx)
        .await?;
    tell(&mut tx, key.id, InformationKind::Message, told, mail, now).await?;
    let count = offer.slots().len().to_string();
    let entry = Entry::dialogue(key.network_id, key.id, "slots_offered", &count, "");
    audit::record(&mut tx, now, actor, entry).await?;
    tx.commit().await?;
    Ok(())
}

crate::audit_text!("slots_offered", super::text::offered_log);

crate::sql!(
    CUTOFF = "SELECT d.slot_cutoff, d.status, n.status AS network_status FROM dialogues d \
     JOIN networks n ON n.id = d.network_id WHERE d.id = $1"
);

#[derive(sqlx::FromRow)]
struct Open {
    slot_cutoff: Option<i64>,
    status: String,
    network_status: String,
}
crate::sql!(
    SLOT = "SELECT id, starts_at, supplier_id FROM meeting_slots \
     WHERE public_id = $1 AND dialogue_id = $2"
);
crate::sql!(
    HOLDS = "SELECT id, starts_at, supplier_id FROM meeting_slots \
     WHERE dialogue_id = $1 AND supplier_id = $2"
);
crate::sql!(
    RELEASE = "UPDATE meeting_slots SET supplier_id = NULL, booked_by = NULL, \
     booked_at = NULL, attendees = '' WHERE id = $1"
);
crate::sql!(
    TAKE = "UPDATE meeting_slots SET supplier_id = $1, booked_by = $2, booked_at = $3, \
     attendees = $4 WHERE id = $5 AND supplier_id IS NULL"
);
crate::sql!(SAY_WHO = "UPDATE meeting_slots SET attendees = $1 WHERE id = $2");

#[derive(sqlx::FromRow)]
struct SlotFacts {
    id: i64,
    starts_at: i64,
    supplier_id: Option<SupplierId>,
}

/// Under the lock: bookings are taken until the cut-off, while the
/// dialogue takes registrations in a network that is not closed (a step
/// taken since the guard looked counts).
async fn require_open(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    now: i64,
) -> Result<(), AppError> {
    let open: Open = sqlx::query_as(CUTOFF)
        .bind(dialogue)
        .fetch_one(&mut **tx)
        .await?;
    let taking = crate::dialogues::DialogueStatus::parse(&open.status)
        .is_some_and(|s| s.takes_registrations())
        && open.network_status != "closed";
    match open.slot_cutoff {
        Some(cutoff) if now < cutoff && taking => Ok(()),
        _ => Err(AppError::BookingsClosed),
    }
}

async fn holds(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    supplier: SupplierId,
) -> Result<Option<SlotFacts>, AppError> {
    Ok(sqlx::query_as(HOLDS)
        .bind(dialogue)
        .bind(supplier)
        .fetch_optional(&mut **tx)
        .await?)
}

/// Books the slot for the supplier, or moves its booking there when
/// `booking.moving()`; booking the slot it holds again changes who comes.
/// `SlotTaken` when another supplier holds it, `SlotHeld` when the
/// supplier holds another and is not moving, `BookingsClosed` past the
/// cut-off or for a meeting begun, `NotFound` for no such slot.
#[tracing::instrument(skip_all)]
pub async fn book(
    db: &Db,
    dialogue: DialogueId,
    booking: &super::Booking,
    actor: SupplierActor,
) -> Result<(), AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    lock(&mut tx, dialogue).await?;
    require_registered(&mut tx, dialogue, actor.supplier_id).await?;
    require_open(&mut tx, dialogue, now).await?;
    let slot: SlotFacts = sqlx::query_as(SLOT)
        .bind(booking.slot())
        .bind(dialogue)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    if slot.starts_at <= now {
        return Err(AppError::BookingsClosed);
    }
    let held = holds(&mut tx, dialogue, actor.supplier_id).await?;
    if held.as_ref().is_some_and(|h| h.id == slot.id) {
        sqlx::query(SAY_WHO)
            .bind(booking.attendees())
            .bind(slot.id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        return Ok(());
    }
    if slot.supplier_id.is_some() {
        return Err(AppError::SlotTaken);
    }
    if let Some(held) = held {
        if !booking.moving() {
            return Err(AppError::SlotHeld);
        }
        if held.starts_at <= now {
            return Err(AppError::BookingsClosed);
        }
        sqlx::query(RELEASE).bind(held.id).execute(&mut *tx).await?;
    }
    let done = sqlx::query(TAKE)
        .bind(actor.supplier_id)
        .bind(actor.account_id)
        .bind(now)
        .bind(booking.attendees())
        .bind(slot.id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::SlotTaken);
    }
    tx.commit().await?;
    Ok(())
}

/// Cancels the supplier's booking. `NotFound` when it holds none,
/// `BookingsClosed` past the cut-off or once the meeting has begun.
#[tracing::instrument(skip_all)]
pub async fn cancel(db: &Db, dialogue: DialogueId, actor: SupplierActor) -> Result<(), AppError> {
    let now = db.now();
    let mut tx = db.pool().begin().await?;
    lock(&mut tx, dialogue).await?;
    require_open(&mut tx, dialogue, now).await?;
    let held = holds(&mut tx, dialogue, actor.supplier_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if held.starts_at <= now {
        return Err(AppError::BookingsClosed);
    }
    sqlx::query(RELEASE).bind(held.id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    RELEASE_AHEAD = "UPDATE meeting_slots SET supplier_id = NULL, booked_by = NULL, \
     booked_at = NULL, attendees = '' \
     WHERE dialogue_id = $1 AND supplier_id = $2 AND starts_at > $3"
);

/// A withdrawing supplier gives up a meeting still ahead; one held stays
/// in the record.
pub async fn release_ahead(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dialogue: DialogueId,
    supplier: SupplierId,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(RELEASE_AHEAD)
        .bind(dialogue)
        .bind(supplier)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
