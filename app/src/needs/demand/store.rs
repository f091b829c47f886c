//! The demand's SQL: each organisation's declaration on a need.

use super::{Declaration, Interest};
use crate::{core::ids::NeedId, db::Db, error::AppError};

crate::sql!(
    INTERESTS = "SELECT o.public_id AS organisation_public_id, o.name AS organisation, \
     i.quantity, i.unit, i.value_sek, i.earliest, i.confidence, i.comment \
     FROM need_interests i JOIN organisations o ON o.id = i.organisation_id \
     WHERE i.need_id = $1 ORDER BY o.name"
);

/// The declarations on a need, by organisation name.
#[tracing::instrument(skip_all)]
pub async fn interests(db: &Db, need_id: NeedId) -> Result<Vec<Interest>, AppError> {
    Ok(sqlx::query_as(INTERESTS)
        .bind(need_id)
        .fetch_all(db.pool())
        .await?)
}

crate::sql!(
    DECLARE = "INSERT INTO need_interests (need_id, organisation_id, quantity, unit, \
     value_sek, earliest, confidence, comment, account_id, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
     ON CONFLICT (need_id, organisation_id) DO UPDATE SET quantity = $3, unit = $4, \
     value_sek = $5, earliest = $6, confidence = $7, comment = $8, account_id = $9, updated_at = $10"
);

/// Declares or updates the organisation's interest: one per organisation.
#[tracing::instrument(skip_all)]
pub async fn declare(db: &Db, need_id: NeedId, declaration: &Declaration) -> Result<(), AppError> {
    let declarer = declaration.declarer();
    sqlx::query(DECLARE)
        .bind(need_id)
        .bind(declarer.organisation_id)
        .bind(declaration.quantity())
        .bind(declaration.unit())
        .bind(declaration.value_sek())
        .bind(declaration.earliest())
        .bind(declaration.confidence().code())
        .bind(declaration.comment())
        .bind(declarer.account_id)
        .bind(db.now())
        .execute(db.pool())
        .await?;
    Ok(())
}
