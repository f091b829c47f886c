//! The database layer's promises on each engine.

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
