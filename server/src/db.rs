//! Connecting, migrating and checking the database, for either engine.

use app::db::{Db, Engine};
use sqlx::{any::AnyPoolOptions, Executor};
use std::time::Duration;

/// How long a request waits for a connection before it is told the
/// service is unavailable, rather than hanging.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(1);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// WAL lets readers work while one writer writes; the busy timeout makes
/// a writer wait for the lock instead of failing at once.
const SQLITE_PRAGMAS: &str =
    "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
     PRAGMA synchronous = NORMAL;";

pub async fn connect(url: &str) -> Result<Db, String> {
    sqlx::any::install_default_drivers();
    let engine = Engine::from_url(url).ok_or_else(|| format!("unsupported database URL {url}"))?;
    let url = match engine {
        Engine::Sqlite => sqlite_url_creating_file(url)?,
        Engine::Postgres => url.to_string(),
    };
    let pool = AnyPoolOptions::new()
        .max_connections(match engine {
            Engine::Sqlite => 8,
            Engine::Postgres => 16,
        })
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if engine == Engine::Sqlite {
                    conn.execute(SQLITE_PRAGMAS).await?;
                }
                Ok(())
            })
        })
        .connect_lazy(&url)
        .map_err(|e| format!("the database URL is not valid: {e}"))?;
    let db = Db::new(pool, engine);
    match tokio::time::timeout(CONNECT_TIMEOUT, db.pool().acquire()).await {
        Ok(Ok(_)) => Ok(db),
        Ok(Err(e)) => Err(format!("cannot reach the database: {e}")),
        Err(_) => Err("cannot reach the database: no answer within 5 seconds".into()),
    }
}

/// SQLite creates the file only when asked (`mode=rwc`); its folder must exist.
fn sqlite_url_creating_file(url: &str) -> Result<String, String> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Err("DATABASE_URL must name a SQLite file, e.g. sqlite://data/samrad.db".into());
    }
    if let Some(dir) = std::path::Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create the folder {}: {e}", dir.display()))?;
    }
    Ok(if url.contains("mode=") {
        url.to_string()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    })
}

/// Applies the migrations embedded in the binary for this engine.
pub async fn migrate(db: &Db) -> Result<(), String> {
    let migrator = match db.engine() {
        Engine::Sqlite => sqlx::migrate!("../migrations/sqlite"),
        Engine::Postgres => sqlx::migrate!("../migrations/postgres"),
    };
    migrator
        .run(db.pool())
        .await
        .map_err(|e| format!("migrating the database failed: {e}"))
}

app::sql!(SCHEMA_VERSION = "SELECT MAX(version) FROM _sqlx_migrations");

/// The newest applied migration.
pub async fn schema_version(db: &Db) -> Result<i64, sqlx::Error> {
    let version: Option<i64> = sqlx::query_scalar(SCHEMA_VERSION)
        .fetch_one(db.pool())
        .await?;
    Ok(version.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_are_opened_in_create_mode() {
        let dir = std::env::temp_dir().join("samrad-url-test");
        let url = format!("sqlite://{}/x.db", dir.display());
        assert_eq!(
            sqlite_url_creating_file(&url).unwrap(),
            format!("{url}?mode=rwc")
        );
        assert!(dir.is_dir());
        assert!(sqlite_url_creating_file("sqlite::memory:").is_err());
    }
}
