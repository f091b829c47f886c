//! The accessibility room's SQL.

use super::{ProblemReport, Report};
use crate::{db::Db, error::AppError};

crate::sql!(
    INSERT_REPORT = "INSERT INTO accessibility_reports (description, page, email, created_at) \
     VALUES ($1, $2, $3, $4)"
);

#[tracing::instrument(skip_all)]
pub async fn insert_report(db: &Db, report: &ProblemReport) -> Result<(), AppError> {
    sqlx::query(INSERT_REPORT)
        .bind(report.description())
        .bind(report.page())
        .bind(report.contact().map(|e| e.as_str()))
        .bind(db.now())
        .execute(db.pool())
        .await?;
    Ok(())
}

crate::sql!(
    REPORTS = "SELECT id, description, page, email, created_at FROM accessibility_reports \
     ORDER BY id DESC LIMIT 500"
);

/// The newest reports first.
#[tracing::instrument(skip_all)]
pub async fn reports(db: &Db) -> Result<Vec<Report>, AppError> {
    Ok(sqlx::query_as(REPORTS).fetch_all(db.pool()).await?)
}
