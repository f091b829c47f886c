//! The real `samrad` binary as a process on a port of its own, and a real
//! HTTP client to talk to it: for the tests that kill it, run two of it,
//! or take its database away.

use crate::helpers::{form, Answer};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::{client::legacy::Client, rt::TokioExecutor};
use std::{
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

pub const BIN: &str = env!("CARGO_BIN_EXE_samrad");

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `samrad <args>` on `database_url`, to the end; panics with its output
/// when it fails.
pub fn samrad(database_url: &str, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", database_url)
        .env_remove("SITE_URL")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .output()
        .expect("samrad runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "samrad {args:?} failed: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// A running `samrad serve`; killed when dropped. Requests go through
/// its address (`ServerAt`), which tasks can copy.
pub struct Server {
    child: Child,
    pub port: u16,
    pub log: PathBuf,
    at: ServerAt,
}

impl std::ops::Deref for Server {
    type Target = ServerAt;

    fn deref(&self) -> &ServerAt {
        &self.at
    }
}

/// Where a server listens.
#[derive(Clone, Copy, Debug)]
pub struct ServerAt(pub u16);

impl Server {
    /// Starts the server on `database_url` and waits until it answers.
    pub async fn start(database_url: &str) -> Server {
        Server::start_logging(database_url, "warn").await
    }

    /// Starts the server logging at `level` into `self.log`.
    pub async fn start_logging(database_url: &str, level: &str) -> Server {
        let port = free_port();
        let log = std::env::temp_dir().join(format!("samrad-{port}.log"));
        let child = Command::new(BIN)
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("BIND", format!("127.0.0.1:{port}"))
            .env("SITE_ROOT", "target/site-for-tests")
            .env_remove("SITE_URL")
            .env("RUST_LOG", level)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).expect("log file"))
            .spawn()
            .expect("samrad serve starts");
        let server = Server {
            child,
            port,
            log,
            at: ServerAt(port),
        };
        server.wait_until_ready().await;
        server
    }

    async fn wait_until_ready(&self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if let Some(res) = self.try_request("GET", "/healthz", None, None).await {
                if res.status == 200 {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "samrad on port {} did not answer within a minute: {}",
            self.port,
            std::fs::read_to_string(&self.log).unwrap_or_default()
        );
    }

    /// Whether the process is still the one started (not exited).
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().ok().flatten().is_none()
    }

    /// kill -9: no shutdown, no flushing.
    pub fn kill_hard(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl ServerAt {
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.0)
    }

    /// A request as a browser on the site sends it; `None` when the
    /// connection fails or nothing answers within ten seconds.
    pub async fn try_request(
        &self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        body: Option<&str>,
    ) -> Option<Answer> {
        self.send(method, path, cookie, body, None).await
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        body: Option<&str>,
        accept: Option<&str>,
    ) -> Option<Answer> {
        let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
        let mut req = hyper::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.origin()))
            .header("origin", self.origin())
            .header("user-agent", "samrad-fault-test");
        if let Some(cookie) = cookie {
            req = req.header("cookie", cookie);
        }
        if let Some(accept) = accept {
            req = req.header("accept", accept);
        }
        if body.is_some() {
            req = req.header("content-type", "application/x-www-form-urlencoded");
        }
        let req = req
            .body(Full::new(Bytes::from(body.unwrap_or_default().to_string())))
            .unwrap();
        let answer = async {
            let res = client.request(req).await.ok()?;
            let status = res.status();
            let headers = res.headers().clone();
            let bytes = res.into_body().collect().await.ok()?.to_bytes();
            Some(Answer {
                status,
                headers,
                body: String::from_utf8_lossy(&bytes).into_owned(),
            })
        };
        tokio::time::timeout(Duration::from_secs(10), answer)
            .await
            .ok()
            .flatten()
    }

    pub async fn request(
        &self,
        method: &str,
        path: &str,
        cookie: Option<&str>,
        body: Option<&str>,
    ) -> Answer {
        self.try_request(method, path, cookie, body)
            .await
            .unwrap_or_else(|| panic!("no answer to {method} {path}"))
    }

    /// Signs in; the session cookie (`name=value`) or the refusal.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<String, Answer> {
        let res = self
            .request(
                "POST",
                "/api/accounts/sign-in",
                None,
                Some(&form(&[("email", email), ("password", password)])),
            )
            .await;
        match res.cookie("samrad_session") {
            Some(cookie) if res.status.is_success() => Ok(cookie),
            _ => Err(res),
        }
    }

    pub async fn comment(&self, cookie: &str, dialogue: &str, body: &str) -> Option<Answer> {
        self.try_request(
            "POST",
            "/api/comments/post",
            Some(cookie),
            Some(&form(&[
                ("subject", "dialogue"),
                ("target", dialogue),
                ("parent", ""),
                ("body", body),
            ])),
        )
        .await
    }

    /// A page as a browser asks for it.
    pub async fn get(&self, path: &str, cookie: &str) -> Option<Answer> {
        self.send("GET", path, Some(cookie), None, Some("text/html"))
            .await
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill_hard();
        let _ = std::fs::remove_file(&self.log);
    }
}

/// The demo story's dialogue and someone who may write in its discussion:
/// (dialogue's public id, member's email).
pub async fn demo_dialogue_and_member(database_url: &str) -> (String, String) {
    let db = server::db::connect(database_url).await.expect("connect");
    let row: (String, String) = sqlx::query_as(
        "SELECT d.public_id, a.email FROM dialogues d \
         JOIN network_members nm ON nm.network_id = d.network_id \
         AND nm.role IN ('member', 'coordinator') \
         JOIN organisation_members om ON om.organisation_id = nm.organisation_id \
         JOIN accounts a ON a.id = om.account_id ORDER BY d.id, a.id LIMIT 1",
    )
    .fetch_one(db.pool())
    .await
    .expect("the demo has a dialogue with members");
    db.pool().close().await;
    row
}

/// A folder removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("{prefix}-{:016x}", rand::random::<u64>()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
