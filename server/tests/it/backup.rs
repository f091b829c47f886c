//! `samrad backup` and `samrad restore`: a copy taken while the server
//! writes holds exactly what was there at that moment, and a restore
//! brings all of it back, on the running server, without a restart.

use crate::process::{demo_dialogue_and_member, samrad, Server, TempDir, BIN};
use server::seed::PASSWORD;

/// Every row of every table.
async fn contents(url: &str) -> Vec<(String, i64, String)> {
    let db = server::db::connect(url).await.unwrap();
    let all = crate::helpers::table_contents(&db, &[]).await;
    db.pool().close().await;
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_while_serving_restores_everything_it_held_and_nothing_later() {
    let dir = TempDir::new("samrad-backup");
    let url = format!("sqlite://{}/samrad.db", dir.path().display());
    samrad(&url, &["seed", "--scale", "demo"]);
    let (dialogue, email) = demo_dialogue_and_member(&url).await;
    let server = Server::start(&url).await;
    let cookie = server.sign_in(&email, PASSWORD).await.expect("signed in");
    let post = |body: &'static str| {
        let (cookie, dialogue) = (cookie.clone(), dialogue.clone());
        let at = *server;
        async move {
            let res = at.comment(&cookie, &dialogue, body).await.unwrap();
            assert!(res.status.is_success(), "{}", res.body);
        }
    };
    post("Skrivet före säkerhetskopian.").await;

    let before = contents(&url).await;
    let files = before.iter().find(|(t, _, _)| t == "stored_files").unwrap();
    assert!(
        files.1 >= 1,
        "the demo holds an attached file, bytes and all"
    );
    let file = dir.path().join("kopior").join("samrad-kopia.db");
    let file_arg = file.display().to_string();
    let said = samrad(&url, &["backup", &file_arg]);
    assert!(said.contains("backed up"), "{said}");
    post("Skrivet efter säkerhetskopian.").await;
    assert_ne!(contents(&url).await, before);

    let again = std::process::Command::new(BIN)
        .args(["backup", &file_arg])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(!again.status.success(), "a backup never overwrites a file");

    let not_a_backup = dir.path().join("anteckningar.txt");
    std::fs::write(&not_a_backup, "inte en databas").unwrap();
    let refused = std::process::Command::new(BIN)
        .args(["restore", &not_a_backup.display().to_string()])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("not a SQLite database"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );

    // Restored under the running server, which goes on serving.
    samrad(&url, &["restore", &file_arg]);
    assert_eq!(contents(&url).await, before, "every row of every table");
    let page = server
        .request("GET", &format!("/dialoger/{dialogue}"), Some(&cookie), None)
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Skrivet före säkerhetskopian."));
    assert!(!page.body.contains("Skrivet efter säkerhetskopian."));
    let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(server::db::connect(&url).await.unwrap().pool())
        .await
        .unwrap();
    assert_eq!(check, "ok");
}

#[tokio::test]
async fn backup_on_postgres_points_to_pg_dump() {
    let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("skipped: TEST_DATABASE_URL is not set");
        return;
    };
    let out = std::process::Command::new(BIN)
        .args(["backup", "/tmp/samrad-never-written.db"])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
    assert!(!std::path::Path::new("/tmp/samrad-never-written.db").exists());
}
