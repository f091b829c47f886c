//! Faults, on the real binary: killed with kill -9 in the middle of
//! writes, two instances on one PostgreSQL, and PostgreSQL stopped under
//! load (a throwaway cluster of the test's own, never the shared server).

use crate::helpers::TestDatabase;
use crate::process::{demo_dialogue_and_member, free_port, samrad, Server, TempDir};
use app::db::Engine;
use server::seed::PASSWORD;
use std::{
    process::Command,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

/// Writers posting comments until the server stops answering: the bodies
/// of the comments whose post got a 2xx.
fn start_writers(
    server: &Server,
    cookie: &str,
    dialogue: &str,
    writers: usize,
) -> Vec<tokio::task::JoinHandle<Vec<String>>> {
    (0..writers)
        .map(|w| {
            let (port, cookie, dialogue) = (server.port, cookie.to_string(), dialogue.to_string());
            tokio::spawn(async move {
                let mut acknowledged = Vec::new();
                for n in 0.. {
                    let body = format!("Skrivprov {w}-{n}");
                    let target = crate::process::ServerAt(port);
                    match target.comment(&cookie, &dialogue, &body).await {
                        Some(res) if res.status.is_success() => acknowledged.push(body),
                        Some(res) if res.status.is_server_error() => {}
                        Some(res) => panic!("a comment was refused: {} {}", res.status, res.body),
                        None => break,
                    }
                }
                acknowledged
            })
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_server_killed_mid_write_restarts_on_an_intact_sqlite_database_with_every_acknowledged_comment(
) {
    let database = TestDatabase::create(Engine::Sqlite).await.unwrap();
    samrad(&database.url, &["seed", "--scale", "demo"]);
    let (dialogue, email) = demo_dialogue_and_member(&database.url).await;
    let mut server = Server::start(&database.url).await;
    let cookie = server.sign_in(&email, PASSWORD).await.expect("signed in");

    let writers = start_writers(&server, &cookie, &dialogue, 8);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill_hard();
    let mut acknowledged = Vec::new();
    for writer in writers {
        acknowledged.extend(writer.await.unwrap());
    }
    assert!(
        acknowledged.len() > 10,
        "the load wrote before the kill ({} comments)",
        acknowledged.len()
    );

    let restarted = Server::start(&database.url).await;
    let db = server::db::connect(&database.url).await.unwrap();
    let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(db.pool())
        .await
        .unwrap();
    assert_eq!(check, "ok");
    let mut missing = Vec::new();
    for body in &acknowledged {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM comments WHERE body = $1")
            .bind(body)
            .fetch_one(db.pool())
            .await
            .unwrap();
        if n != 1 {
            missing.push(body.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "{} of {} acknowledged comments are not there: {missing:?}",
        missing.len(),
        acknowledged.len()
    );
    let page = restarted
        .request("GET", &format!("/dialoger/{dialogue}"), Some(&cookie), None)
        .await;
    assert_eq!(page.status, 200, "the session outlived the kill");
    // The first page of threads (the oldest ten) holds some of them; which
    // ones depends on how the writers interleaved.
    assert!(
        acknowledged
            .iter()
            .any(|body| page.body.contains(body.as_str())),
        "the restarted server shows the comments"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_postgres_share_sessions_comments_and_brute_force_counts() {
    let Some(database) = TestDatabase::create(Engine::Postgres).await else {
        eprintln!("skipped: TEST_DATABASE_URL is not set");
        return;
    };
    samrad(&database.url, &["seed", "--scale", "demo"]);
    let (dialogue, email) = demo_dialogue_and_member(&database.url).await;
    let a = Server::start(&database.url).await;
    let b = Server::start(&database.url).await;

    let cookie = a.sign_in(&email, PASSWORD).await.expect("signed in on A");
    let on_b = b.request("GET", "/konto", Some(&cookie), None).await;
    assert_eq!(on_b.status, 200);
    assert!(on_b.body.contains(&email), "B knows the session made on A");

    let posted = a
        .comment(&cookie, &dialogue, "Skrivet på instans A.")
        .await
        .unwrap();
    assert!(posted.status.is_success(), "{}", posted.body);
    let page = b
        .request("GET", &format!("/dialoger/{dialogue}"), Some(&cookie), None)
        .await;
    assert!(page.body.contains("Skrivet på instans A."), "B shows it");

    // Failed sign-ins counted on both lock the account on both.
    let limit = app::accounts::limits::LOCK_FAILURES;
    for i in 0..limit {
        let server = if i % 2 == 0 { &a } else { &b };
        let wrong = server.sign_in(&email, "fel lösenord").await.unwrap_err();
        assert_eq!(wrong.status, 401, "{}", wrong.body);
    }
    for server in [&a, &b] {
        let locked = server.sign_in(&email, PASSWORD).await.unwrap_err();
        assert!(
            locked.body.contains("account_locked"),
            "{} {}",
            locked.status,
            locked.body
        );
    }
}

/// A PostgreSQL cluster of the test's own on a spare port, stopped and
/// removed when dropped.
struct Cluster {
    dir: TempDir,
    port: u16,
}

impl Cluster {
    fn bin(tool: &str) -> String {
        let found = std::fs::read_dir("/usr/lib/postgresql")
            .into_iter()
            .flatten()
            .flatten()
            .map(|v| v.path().join("bin").join(tool))
            .find(|p| p.exists());
        found
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| tool.to_string())
    }

    /// PostgreSQL refuses to run as root; then it runs as `postgres`.
    fn run(tool: &str, args: &[&str]) -> std::process::Output {
        let as_root = Command::new("id")
            .arg("-u")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
            .unwrap_or(false);
        let mut cmd = if as_root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", &Self::bin(tool)]);
            c
        } else {
            Command::new(Self::bin(tool))
        };
        let out = cmd.args(args).output().unwrap_or_else(|e| {
            panic!("{tool} cannot run here ({e}); install PostgreSQL's server tools")
        });
        assert!(
            out.status.success(),
            "{tool} {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn create() -> Cluster {
        let dir = TempDir::new("samrad-pg");
        let _ = Command::new("chown")
            .args(["postgres:postgres", &dir.path().display().to_string()])
            .status();
        let data = dir.path().join("data").display().to_string();
        Self::run(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        );
        let cluster = Cluster {
            dir,
            port: free_port(),
        };
        cluster.start();
        cluster
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn start(&self) {
        let options = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log").display().to_string();
        Self::run(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-o",
                &options,
                "-l",
                &log,
                "-w",
                "start",
            ],
        );
    }

    fn stop(&self) {
        Self::run(
            "pg_ctl",
            &["-D", &self.data(), "-m", "immediate", "-w", "stop"],
        );
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(|| self.stop());
    }
}

/// A request's answer and how long it took.
async fn timed<T>(request: impl std::future::Future<Output = T>) -> (T, Duration) {
    let started = Instant::now();
    let answer = request.await;
    (answer, started.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn with_postgres_stopped_under_load_requests_get_503_within_two_seconds_and_service_resumes_by_itself(
) {
    let cluster = Cluster::create();
    samrad(&cluster.url(), &["seed", "--scale", "demo"]);
    let (dialogue, email) = demo_dialogue_and_member(&cluster.url()).await;
    let mut server = Server::start(&cluster.url()).await;
    let cookie = server.sign_in(&email, PASSWORD).await.expect("signed in");
    let page = format!("/dialoger/{dialogue}");

    // Readers keep the pool busy while the database goes away.
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let (stop, cookie, page) = (stop.clone(), cookie.clone(), page.clone());
            let port = server.port;
            tokio::spawn(async move {
                let mut slowest = Duration::ZERO;
                let mut statuses = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let started = Instant::now();
                    let res = crate::process::ServerAt(port)
                        .get(&page, &cookie)
                        .await
                        .expect("an answer, never a hang");
                    slowest = slowest.max(started.elapsed());
                    statuses.push(res.status.as_u16());
                }
                (slowest, statuses)
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;
    cluster.stop();
    tokio::time::sleep(Duration::from_millis(1500)).await;

    let (res, took) = timed(server.request("GET", &page, Some(&cookie), None)).await;
    assert_eq!(res.status, 503, "{}", res.body);
    assert!(took < Duration::from_secs(2), "took {took:?}");
    let (html, took) = timed(server.get(&page, &cookie)).await;
    let html = html.expect("an answer");
    assert_eq!(html.status, 503);
    assert!(took < Duration::from_secs(2), "took {took:?}");
    assert!(
        html.body.contains("<html lang=\"sv\">")
            && html.body.contains("Samråd är tillfälligt otillgängligt"),
        "a readable page: {}",
        html.body
    );
    assert_eq!(html.header("retry-after"), "10");
    let (post, took) = timed(server.comment(&cookie, &dialogue, "Under avbrottet")).await;
    let post = post.expect("an answer");
    assert_eq!(post.status, 503, "{}", post.body);
    assert!(post.body.contains("unavailable"));
    assert!(took < Duration::from_secs(2), "took {took:?}");

    cluster.start();
    let back = Instant::now();
    let mut status = 0;
    while back.elapsed() < Duration::from_secs(20) {
        status = server
            .request("GET", &page, Some(&cookie), None)
            .await
            .status
            .as_u16();
        if status == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(status, 200, "service resumes once PostgreSQL is back");
    assert!(server.is_running(), "without a restart of samrad");

    stop.store(true, Ordering::Relaxed);
    for reader in readers {
        let (slowest, statuses) = reader.await.unwrap();
        assert!(
            slowest < Duration::from_secs(2),
            "a request during the outage took {slowest:?}"
        );
        assert!(
            statuses.iter().all(|s| [200, 503].contains(s)),
            "only pages or 503: {statuses:?}"
        );
    }
}
