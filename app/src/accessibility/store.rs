use crate::{
    accounts::Email,
    db::{now_ms, Db},
    error::AppError,
};

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
        .bind(now_ms())
        .execute(db.pool())
        .await?;
    Ok(())
}
