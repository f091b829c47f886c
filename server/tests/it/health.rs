use crate::helpers::TestApp;
use app::db::Engine;

db_test!(health_reports_the_engine_and_schema_version, |app| {
    let res = app.get("/healthz").await;
    assert_eq!(res.status, 200);
    let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["database"], app.db.engine().name());
    assert!(json["schema_version"].as_i64().unwrap() >= 1);
});

/// PostgreSQL can be cut off from one test database without touching the
/// others; SQLite is a file the process always reaches.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_is_degraded_while_postgres_is_away_and_recovers_by_itself() {
    let Some(app) = TestApp::spawn(Engine::Postgres).await else {
        eprintln!("skipped: TEST_DATABASE_URL is not set");
        return;
    };
    app.database.cut_off().await;
    let started = std::time::Instant::now();
    let res = app.get("/healthz").await;
    assert_eq!(res.status, 503, "{}", res.body);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(json["status"], "degraded");
    assert_eq!(json["database"], "postgres");

    app.database.restore().await;
    let mut status = 0;
    for _ in 0..20 {
        status = app.get("/healthz").await.status.as_u16();
        if status == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert_eq!(status, 200, "health recovers without a restart");
}
