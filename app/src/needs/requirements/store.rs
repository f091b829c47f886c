//! The requirements' SQL: the list in its order, proposals, edits and
//! acceptances (each a new version), moves, and the versions.

use super::{Level, Requirement, RequirementText, RequirementVersion};
use crate::{
    core::ids::public_id,
    core::{
        ids::{NeedId, OrganisationId, RequirementId},
        Actor,
    },
    db::Db,
    error::AppError,
    needs::NeedKey,
};

crate::sql!(
    /// Each requirement with who proposed it and who last changed its
    /// text: an edit is a version after the first that is not accepted
    /// (an acceptance is a version that is).
    REQUIREMENTS = "SELECT r.public_id, r.text, r.motive, r.verification, r.level, \
     r.accepted, r.version, r.organisation_id AS proposer_id, o.name AS proposed_by, \
     eo.name AS edited_by, ev.at AS edited_at FROM requirements r \
     JOIN organisations o ON o.id = r.organisation_id \
     LEFT JOIN requirement_versions ev ON ev.requirement_id = r.id AND ev.version = \
      (SELECT MAX(x.version) FROM requirement_versions x WHERE x.requirement_id = r.id \
       AND x.version > 1 AND x.accepted = 0) \
     LEFT JOIN organisations eo ON eo.id = ev.organisation_id \
     WHERE r.need_id = $1 ORDER BY r.position, r.id"
);

#[derive(sqlx::FromRow)]
struct RequirementRow {
    public_id: String,
    text: String,
    motive: String,
    verification: String,
    #[sqlx(try_from = "String")]
    level: Level,
    accepted: i64,
    version: i64,
    proposer_id: OrganisationId,
    proposed_by: String,
    edited_by: Option<String>,
    edited_at: Option<i64>,
}

/// The need's requirements in their order; `may_edit` says whether the
/// person may change one proposed by the given organisation.
#[tracing::instrument(skip_all)]
pub async fn of_need(
    db: &Db,
    need_id: NeedId,
    may_edit: impl Fn(OrganisationId) -> bool,
) -> Result<Vec<Requirement>, AppError> {
    let rows: Vec<RequirementRow> = sqlx::query_as(REQUIREMENTS)
        .bind(need_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| Requirement {
            public_id: r.public_id,
            text: r.text,
            motive: r.motive,
            verification: r.verification,
            level: r.level,
            accepted: r.accepted == 1,
            version: r.version,
            proposed_by: r.proposed_by,
            edited: r.edited_by.zip(r.edited_at),
            may_edit: may_edit(r.proposer_id),
        })
        .collect())
}

crate::sql!(
    PLACE = "SELECT r.id, r.organisation_id AS proposer, n.public_id AS need_public_id \
     FROM requirements r JOIN needs n ON n.id = r.need_id WHERE r.public_id = $1"
);

/// A requirement, the organisation that proposed it and the need it
/// belongs to.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Place {
    pub id: RequirementId,
    pub proposer: OrganisationId,
    pub need_public_id: String,
}

#[tracing::instrument(skip_all)]
pub async fn place(db: &Db, requirement_public_id: &str) -> Result<Option<Place>, AppError> {
    Ok(sqlx::query_as(PLACE)
        .bind(requirement_public_id)
        .fetch_optional(db.pool())
        .await?)
}

crate::sql!(
    INSERT = "INSERT INTO requirements (public_id, need_id, position, text, \
     motive, verification, level, accepted, version, organisation_id) \
     VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM requirements WHERE need_id = $2), \
     $3, $4, $5, $6, 0, 1, $7) RETURNING id"
);
crate::sql!(
    INSERT_VERSION = "INSERT INTO requirement_versions (requirement_id, \
     version, at, account_id, organisation_id, text, motive, verification, level, accepted) \
     SELECT id, version, $2, $3, $4, text, motive, verification, level, accepted \
     FROM requirements WHERE id = $1"
);

/// Adds a proposed requirement last in the need's list.
#[tracing::instrument(skip_all)]
pub async fn propose(
    db: &Db,
    need: NeedKey,
    text: &RequirementText,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let id: RequirementId = sqlx::query_scalar(INSERT)
        .bind(public_id())
        .bind(need.id)
        .bind(text.text())
        .bind(text.motive())
        .bind(text.verification())
        .bind(text.level().code())
        .bind(actor.organisation_id)
        .fetch_one(&mut *tx)
        .await?;
    write_version(&mut tx, db.now(), id, actor).await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Requirement(id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Keeps the requirement as it now stands as its current version.
async fn write_version(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    at: i64,
    id: RequirementId,
    actor: Actor,
) -> Result<(), AppError> {
    sqlx::query(INSERT_VERSION)
        .bind(id)
        .bind(at)
        .bind(actor.account_id)
        .bind(actor.organisation_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

crate::sql!(
    EDIT = "UPDATE requirements SET text = $1, motive = $2, \
     verification = $3, level = $4, accepted = 0, version = version + 1 \
     WHERE id = $5 AND version = $6"
);

/// Saves an edit as the next version; an accepted requirement becomes a
/// proposal again. `Conflict` when someone saved since `seen_version`.
#[tracing::instrument(skip_all)]
pub async fn edit(
    db: &Db,
    id: RequirementId,
    seen_version: i64,
    text: &RequirementText,
    actor: Actor,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(EDIT)
        .bind(text.text())
        .bind(text.motive())
        .bind(text.verification())
        .bind(text.level().code())
        .bind(id)
        .bind(seen_version)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    write_version(&mut tx, db.now(), id, actor).await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Requirement(id)).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    ACCEPT = "UPDATE requirements SET accepted = 1, version = version + 1 \
     WHERE id = $1 AND accepted = 0"
);

/// Accepts a proposed requirement; `Conflict` if it already is.
#[tracing::instrument(skip_all)]
pub async fn accept(db: &Db, id: RequirementId, actor: Actor) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    let done = sqlx::query(ACCEPT).bind(id).execute(&mut *tx).await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict);
    }
    write_version(&mut tx, db.now(), id, actor).await?;
    crate::core::search::refresh(&mut tx, crate::core::search::Item::Requirement(id)).await?;
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    /// Takes the need's row lock, so two moves of its requirements queue.
    LOCK_NEED = "UPDATE needs SET version = version WHERE id = $1"
);
crate::sql!(ORDER = "SELECT id FROM requirements WHERE need_id = $1 ORDER BY position, id");
crate::sql!(
    /// Positions 1.. in the list's order, so it has no gaps or ties.
    RENUMBER = "UPDATE requirements SET position = o.place FROM \
     (SELECT id, ROW_NUMBER() OVER (ORDER BY position, id) AS place FROM requirements \
      WHERE need_id = $1) o WHERE requirements.id = o.id"
);
crate::sql!(
    /// `$1` takes position `$2`, and `$3` position `$4`.
    SWAP = "UPDATE requirements SET position = \
     CASE WHEN id = $1 THEN CAST($2 AS BIGINT) ELSE CAST($4 AS BIGINT) END \
     WHERE id = $1 OR id = $3"
);

/// Moves a requirement one place up or down; at either end nothing moves.
/// Positions are renumbered 1.. in the same transaction, so the list has
/// no gaps or ties afterwards.
#[tracing::instrument(skip_all)]
pub async fn move_one(
    db: &Db,
    need_id: NeedId,
    id: RequirementId,
    up: bool,
) -> Result<(), AppError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query(LOCK_NEED)
        .bind(need_id)
        .execute(&mut *tx)
        .await?;
    let order: Vec<RequirementId> = sqlx::query_scalar(ORDER)
        .bind(need_id)
        .fetch_all(&mut *tx)
        .await?;
    let at = order
        .iter()
        .position(|r| *r == id)
        .ok_or(AppError::NotFound)?;
    sqlx::query(RENUMBER)
        .bind(need_id)
        .execute(&mut *tx)
        .await?;
    let other = if up { at.checked_sub(1) } else { Some(at + 1) };
    if let Some(other) = other.filter(|o| *o < order.len()) {
        // Renumbered, the requirement at index i holds position i + 1.
        sqlx::query(SWAP)
            .bind(order[at])
            .bind(other as i64 + 1)
            .bind(order[other])
            .bind(at as i64 + 1)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

crate::sql!(
    VERSIONS = "SELECT r.public_id AS requirement, v.version, v.at, \
     COALESCE(a.name, '') AS author, a.deleted_at, COALESCE(o.name, '') AS organisation, \
     v.level, v.text, v.motive, v.verification, v.accepted \
     FROM requirement_versions v JOIN requirements r ON r.id = v.requirement_id \
     LEFT JOIN accounts a ON a.id = v.account_id \
     LEFT JOIN organisations o ON o.id = v.organisation_id \
     WHERE r.need_id = $1 ORDER BY r.position, r.id, v.version"
);

#[derive(sqlx::FromRow)]
struct VersionRow {
    requirement: String,
    version: i64,
    at: i64,
    author: String,
    deleted_at: Option<i64>,
    organisation: String,
    #[sqlx(try_from = "String")]
    level: Level,
    text: String,
    motive: String,
    verification: String,
    accepted: i64,
}

/// Every version of every requirement of a need, in list order.
#[tracing::instrument(skip_all)]
pub async fn versions(
    db: &Db,
    need_id: NeedId,
    deleted_user: &str,
) -> Result<Vec<RequirementVersion>, AppError> {
    let rows: Vec<VersionRow> = sqlx::query_as(VERSIONS)
        .bind(need_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|v| RequirementVersion {
            requirement: v.requirement,
            version: v.version,
            at: v.at,
            author: crate::core::shown_name(v.author, v.deleted_at, deleted_user),
            organisation: v.organisation,
            level: v.level,
            text: v.text,
            motive: v.motive,
            verification: v.verification,
            accepted: v.accepted == 1,
        })
        .collect())
}
