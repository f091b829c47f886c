use crate::{accounts::Email, db::Db, error::AppError};

const INSERT_REPORT: &str =
    "INSERT INTO accessibility_reports (description, page, email, created_at) \
     VALUES ($1, $2, $3, $4)";

pub async fn insert_report(
    db: &Db,
    description: &str,
    page: &str,
    email: Option<&Email>,
) -> Result<(), AppError> {
    sqlx::query(INSERT_REPORT)
        .bind(description)
        .bind(page)
        .bind(email.map(|e| e.as_str().to_string()))
        .bind(db.now())
        .execute(db.pool())
        .await?;
    Ok(())
}

const REPORTS: &str = "SELECT id, description, page, email, created_at FROM accessibility_reports \
     ORDER BY id DESC LIMIT 500";

pub async fn reports(db: &Db) -> Result<Vec<super::Report>, AppError> {
    Ok(sqlx::query_as(REPORTS).fetch_all(db.pool()).await?)
}
