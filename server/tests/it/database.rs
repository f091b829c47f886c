//! The database layer's promises on each engine.

use std::collections::BTreeSet;

db_test!(
    migrations_are_applied_and_the_same_sql_runs_on_both_engines,
    |app| {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM _sqlx_migrations")
            .fetch_one(app.db.pool())
            .await
            .unwrap();
        assert!(n >= 1);
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO accessibility_reports (description, page, email, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind("Kontrasten är för låg")
        .bind("/")
        .bind(None::<String>)
        .bind(1_700_000_000_000_i64)
        .fetch_one(app.db.pool())
        .await
        .unwrap();
        let (text,): (String,) =
            sqlx::query_as("SELECT description FROM accessibility_reports WHERE id = $1")
                .bind(id)
                .fetch_one(app.db.pool())
                .await
                .unwrap();
        assert_eq!(text, "Kontrasten är för låg");
    }
);

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout() {
    let app = crate::helpers::TestApp::spawn(app::db::Engine::Sqlite)
        .await
        .unwrap();
    let mut conn = app.db.pool().acquire().await.unwrap();
    let (mode,): (String,) = sqlx::query_as("PRAGMA journal_mode")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let (fk,): (i64,) = sqlx::query_as("PRAGMA foreign_keys")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(fk, 1);
    let (timeout,): (i64,) = sqlx::query_as("PRAGMA busy_timeout")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(timeout, 5000);
}

/// The two migration trees are written by hand side by side; a column
/// added to one only would work on one engine and fail on the other.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_migration_trees_make_the_same_tables_and_columns() {
    let Some(postgres_database) =
        crate::helpers::TestDatabase::create(app::db::Engine::Postgres).await
    else {
        eprintln!("skipped: TEST_DATABASE_URL is not set");
        return;
    };
    let sqlite_database = crate::helpers::TestDatabase::create(app::db::Engine::Sqlite)
        .await
        .expect("a SQLite file");
    let sqlite = migrated_columns(
        &sqlite_database.url,
        "SELECT m.name, p.name FROM pragma_table_list m, pragma_table_info(m.name) p \
         WHERE m.schema = 'main' AND m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
         AND m.name <> '_sqlx_migrations' ORDER BY 1, 2",
    )
    .await;
    let postgres = migrated_columns(
        &postgres_database.url,
        "SELECT table_name::text, column_name::text FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations' ORDER BY 1, 2",
    )
    .await;
    // Each engine's full-text index is its own: FTS5's tables on SQLite
    // (left out above), the generated `tsvector` on PostgreSQL.
    let mut postgres = postgres;
    postgres.remove("search_documents.vector");
    let only_in = |one: &BTreeSet<String>, other: &BTreeSet<String>| {
        one.difference(other).cloned().collect::<Vec<_>>()
    };
    assert!(
        sqlite == postgres,
        "only in migrations/sqlite: {:?}; only in migrations/postgres: {:?}",
        only_in(&sqlite, &postgres),
        only_in(&postgres, &sqlite)
    );
}

/// Every `table.column` of a fresh database once migrated. A set, because
/// the engines sort names by different collations.
async fn migrated_columns(url: &str, sql: &'static str) -> BTreeSet<String> {
    let db = server::db::connect(url).await.expect("connect");
    server::db::migrate(&db).await.expect("migrate");
    let columns: Vec<(String, String)> = sqlx::query_as(sql)
        .fetch_all(db.pool())
        .await
        .expect("the tables' columns");
    columns
        .into_iter()
        .map(|(table, column)| format!("{table}.{column}"))
        .collect()
}
