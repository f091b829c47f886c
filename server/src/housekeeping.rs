//! Work the server does now and then on its own: erasing what is kept
//! only for a while (mail bodies after a day, refused form values after
//! an hour). Every instance may run it; each step is one idempotent
//! statement, so two instances doing it at once do no harm.

use app::db::Db;
use std::time::Duration;

const EVERY: Duration = Duration::from_secs(10 * 60);

/// One round of housekeeping.
pub async fn run_once(db: &Db) -> Result<(), app::error::AppError> {
    app::mail::purge(db).await?;
    crate::feedback::purge(db).await?;
    Ok(())
}

/// Runs for the life of the server.
pub fn spawn(db: Db) {
    tokio::spawn(async move {
        loop {
            if run_once(&db).await.is_err() {
                tracing::warn!("housekeeping: the database cannot be reached; trying later");
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}
