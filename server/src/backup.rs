//! `samrad backup FILE` and `samrad restore FILE` for the embedded SQLite
//! database. PostgreSQL has its own tools (pg_dump, pg_restore; see the
//! README).
//!
//! A backup is SQLite's `VACUUM INTO`: one read transaction, so the copy
//! is consistent even while the server writes, never a copy of a file in
//! the middle of a change. A restore replaces every table's contents with
//! the backup's in one write transaction: a running server sees the old
//! database or the restored one, never a mix, and needs no restart.

use anyhow::{bail, Context};
use app::db::{Db, Engine};
use sqlx::{sqlite::SqliteConnectOptions, ConnectOptions, Connection, SqliteConnection};
use std::{path::Path, str::FromStr};

const PG: &str = "backup and restore are for SQLite; for PostgreSQL use pg_dump and \
     pg_restore (see the README)";

/// Writes a consistent copy of the running database to `file`, which must
/// not exist yet, and checks the copy.
pub async fn backup(db: &Db, file: &Path) -> anyhow::Result<()> {
    if db.engine() != Engine::Sqlite {
        bail!(PG);
    }
    if file.exists() {
        bail!(
            "{} exists already; a backup never overwrites a file",
            file.display()
        );
    }
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    }
    sqlx::query("VACUUM INTO $1")
        .bind(file.display().to_string())
        .execute(db.pool())
        .await
        .context("the backup failed")?;
    let mut copy = open(file, true).await?;
    check(&mut copy, file).await
}

/// Replaces everything in the database at `database_url` with the backup
/// in `file`, in one transaction.
pub async fn restore(database_url: &str, file: &Path) -> anyhow::Result<()> {
    if Engine::from_url(database_url) != Some(Engine::Sqlite) {
        bail!(PG);
    }
    if !file.is_file() {
        bail!("there is no backup at {}", file.display());
    }
    check(&mut open(file, true).await?, file).await?;
    let mut target = SqliteConnectOptions::from_str(database_url)
        .context("the database URL is not valid")?
        .create_if_missing(true)
        .busy_timeout(std::time::Duration::from_secs(30))
        .connect()
        .await
        .context("cannot open the database")?;
    replace_all(&mut target, file)
        .await
        .context("the restore failed and changed nothing")
}

async fn open(file: &Path, read_only: bool) -> anyhow::Result<SqliteConnection> {
    SqliteConnectOptions::new()
        .filename(file)
        .read_only(read_only)
        .connect()
        .await
        .with_context(|| format!("cannot open {}", file.display()))
}

/// The copy is whole and is a Samråd database.
async fn check(copy: &mut SqliteConnection, file: &Path) -> anyhow::Result<()> {
    let (verdict,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&mut *copy)
        .await
        .with_context(|| format!("{} is not a SQLite database", file.display()))?;
    if verdict != "ok" {
        bail!("{} is damaged: {verdict}", file.display());
    }
    let migrations: Result<(i64,), _> = sqlx::query_as("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&mut *copy)
        .await;
    match migrations {
        Ok((n,)) if n > 0 => Ok(()),
        _ => bail!("{} is not a Samråd database", file.display()),
    }
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

async fn replace_all(target: &mut SqliteConnection, file: &Path) -> Result<(), sqlx::Error> {
    // Tables are dropped and filled in any order; the backup was consistent.
    sqlx::query("PRAGMA foreign_keys = OFF")
        .execute(&mut *target)
        .await?;
    sqlx::query("ATTACH DATABASE $1 AS backup")
        .bind(file.display().to_string())
        .execute(&mut *target)
        .await?;
    let result = async {
        let mut tx = target.begin().await?;
        // A full-text table drops its shadow tables with it; they are
        // never dropped or created on their own.
        let current: Vec<(String,)> = sqlx::query_as(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' \
             AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%'",
        )
        .fetch_all(&mut *tx)
        .await?;
        for (table,) in current {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DROP TABLE main.{}",
                quoted(&table)
            )))
            .execute(&mut *tx)
            .await?;
        }
        // Tables first (with their rows), then what is built on them.
        let schema: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT type, name, sql FROM backup.sqlite_master WHERE sql IS NOT NULL \
             AND name NOT LIKE 'sqlite_%' AND name NOT IN (SELECT name FROM pragma_table_list \
             WHERE schema = 'backup' AND type = 'shadow') \
             ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid",
        )
        .fetch_all(&mut *tx)
        .await?;
        for (kind, name, sql) in &schema {
            sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                .execute(&mut *tx)
                .await?;
            if kind == "table" && !sql.starts_with("CREATE VIRTUAL TABLE") {
                let name = quoted(name);
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "INSERT INTO main.{name} SELECT * FROM backup.{name}"
                )))
                .execute(&mut *tx)
                .await?;
            }
        }
        // A full-text table over another table's rows (the search index)
        // is built again from them: its rows came in before its triggers.
        for (_, name, _) in schema
            .iter()
            .filter(|(_, _, sql)| sql.contains("USING fts5"))
        {
            let name = quoted(name);
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO main.{name} ({name}) VALUES ('rebuild')"
            )))
            .execute(&mut *tx)
            .await?;
        }
        let sequences: (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM backup.sqlite_master WHERE name = 'sqlite_sequence'",
        )
        .fetch_one(&mut *tx)
        .await?;
        if sequences.0 > 0 {
            sqlx::query("DELETE FROM main.sqlite_sequence")
                .execute(&mut *tx)
                .await?;
            sqlx::query("INSERT INTO main.sqlite_sequence SELECT * FROM backup.sqlite_sequence")
                .execute(&mut *tx)
                .await?;
        }
        let broken: Vec<(String,)> =
            sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
                .fetch_all(&mut *tx)
                .await?;
        if !broken.is_empty() {
            return Err(sqlx::Error::Protocol(format!(
                "the backup breaks foreign keys in {broken:?}"
            )));
        }
        tx.commit().await
    }
    .await;
    sqlx::query("DETACH DATABASE backup")
        .execute(&mut *target)
        .await?;
    result
}
