//! Test helpers: a fresh database per test (a temporary SQLite file, or a
//! new PostgreSQL database created and dropped here) and the real router.
#![allow(dead_code)]

use app::db::{Db, Engine};
use axum::{
    body::Body,
    http::{HeaderMap, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use server::config::Config;
use tower::ServiceExt;

pub const SITE: &str = "http://localhost:3000";

/// Runs the body once on SQLite and once on PostgreSQL; the PostgreSQL run
/// is skipped (with a note) when TEST_DATABASE_URL is not set.
macro_rules! db_test {
    ($name:ident, |$app:ident| $body:block) => {
        db_test!($name, config = |_config| {}, |$app| $body);
    };
    ($name:ident, config = |$config:ident| $adjust:block, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $app = $crate::helpers::TestApp::spawn_with(
                    app::db::Engine::Sqlite,
                    |$config: &mut server::config::Config| $adjust,
                )
                .await
                .expect("SQLite test app");
                $body
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($app) = $crate::helpers::TestApp::spawn_with(
                    app::db::Engine::Postgres,
                    |$config: &mut server::config::Config| $adjust,
                )
                .await
                else {
                    eprintln!("skipped: TEST_DATABASE_URL is not set");
                    return;
                };
                $body
            }
        }
    };
}

pub struct TestApp {
    pub router: Router,
    pub site: String,
    pub db: Db,
    pub database: TestDatabase,
    /// The app's own clock, which the test moves instead of sleeping.
    pub clock: app::core::clock::Clock,
}

#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

/// A multipart body under construction: text fields and files in order.
#[derive(Default)]
pub struct Multipart {
    bytes: Vec<u8>,
}

impl Multipart {
    pub const BOUNDARY: &'static str = "----samrad-test-7MA4YWxkTrZu0gW";

    pub fn field(mut self, name: &str, value: &str) -> Self {
        self.bytes.extend_from_slice(
            format!(
                "--{}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n",
                Self::BOUNDARY
            )
            .as_bytes(),
        );
        self
    }

    pub fn file(mut self, name: &str, file_name: &str, bytes: &[u8]) -> Self {
        self.bytes.extend_from_slice(
            format!(
                "--{}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n",
                Self::BOUNDARY
            )
            .as_bytes(),
        );
        self.bytes.extend_from_slice(bytes);
        self.bytes.extend_from_slice(b"\r\n");
        self
    }

    /// The body, closed.
    pub fn end(mut self) -> Self {
        self.bytes
            .extend_from_slice(format!("--{}--\r\n", Self::BOUNDARY).as_bytes());
        self
    }
}

impl Answer {
    /// The whole `Set-Cookie` line that sets `name` (not one that clears it).
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with(&format!("{name}=")) && !c.contains("Max-Age=0"))
            .map(str::to_owned)
    }

    /// `name=value` of a cookie set by this answer, to send back.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookie(name)
            .map(|c| c.split(';').next().unwrap_or_default().to_string())
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

impl TestApp {
    /// `None` for PostgreSQL when no TEST_DATABASE_URL is configured.
    pub async fn spawn(engine: Engine) -> Option<TestApp> {
        Self::spawn_at(engine, SITE).await
    }

    /// A test app whose public address is `site` (for https behaviour).
    pub async fn spawn_at(engine: Engine, site: &str) -> Option<TestApp> {
        Self::spawn_with(engine, |config| config.site_origin = site.to_string()).await
    }

    /// A test app with its configuration adjusted by `adjust`.
    pub async fn spawn_with(engine: Engine, adjust: impl FnOnce(&mut Config)) -> Option<TestApp> {
        let database = TestDatabase::create(engine).await?;
        let clock = app::core::clock::Clock::adjustable();
        let db = server::db::connect(&database.url)
            .await
            .expect("connect")
            .with_clock(clock.clone());
        server::db::migrate(&db).await.expect("migrate");
        let mut config = test_config(&database.url);
        config.clock = clock.clone();
        adjust(&mut config);
        let site = config.site_origin.clone();
        let router = server::routes::router(&config, db.clone());
        Some(TestApp {
            router,
            site,
            db,
            database,
            clock,
        })
    }

    pub async fn send(&self, req: Request<Body>) -> Answer {
        let what = format!("{} {}", req.method(), req.uri());
        let limit = std::time::Duration::from_secs(20);
        let res = tokio::time::timeout(limit, self.router.clone().oneshot(req))
            .await
            .unwrap_or_else(|_| panic!("no answer within {limit:?}: {what}"))
            .expect("router answers");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = tokio::time::timeout(limit, res.into_body().collect())
            .await
            .unwrap_or_else(|_| panic!("no complete body within {limit:?}: {what}"))
            .expect("body")
            .to_bytes();
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut req = Request::get(path);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    /// A form post as a browser on our own site sends it.
    /// `headers` replace the defaults of the same name.
    pub async fn post_form(&self, path: &str, body: &str, headers: &[(&str, &str)]) -> Answer {
        let mut req = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("content-length", body.len())
            .header("origin", self.site.as_str())
            .header("sec-fetch-site", "same-origin")
            .body(Body::from(body.to_string()))
            .unwrap();
        for (k, v) in headers {
            req.headers_mut().insert(
                axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                axum::http::HeaderValue::from_str(v).unwrap(),
            );
        }
        self.send(req).await
    }

    /// A multipart form post, as a browser sends a form with files
    /// (`html`: it accepts a page back) or as a script does.
    pub async fn post_multipart(
        &self,
        cookie: Option<&str>,
        path: &str,
        body: Multipart,
        html: bool,
    ) -> Answer {
        let mut req = Request::post(path)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={}", Multipart::BOUNDARY),
            )
            .header("content-length", body.bytes.len())
            .header("origin", self.site.as_str())
            .header("sec-fetch-site", "same-origin")
            .header(
                "accept",
                if html {
                    "text/html,application/xhtml+xml"
                } else {
                    "application/json"
                },
            );
        if let Some(cookie) = cookie {
            req = req.header("cookie", cookie);
        }
        self.send(req.body(Body::from(body.bytes)).unwrap()).await
    }

    /// A download's status, headers and bytes as they are.
    pub async fn get_bytes(
        &self,
        cookie: Option<&str>,
        path: &str,
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        let mut req = Request::get(path);
        if let Some(cookie) = cookie {
            req = req.header("cookie", cookie);
        }
        let res = self
            .router
            .clone()
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .expect("router answers");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        (status, headers, bytes.to_vec())
    }

    /// A form post carrying a session cookie.
    pub async fn post_as(&self, cookie: &str, path: &str, body: &str) -> Answer {
        self.post_form(path, body, &[("cookie", cookie)]).await
    }

    pub async fn get_as(&self, cookie: &str, path: &str) -> Answer {
        self.get_with(path, &[("cookie", cookie)]).await
    }

    pub async fn sign_up(&self, name: &str, email: &str, password: &str) -> Answer {
        let body = form(&[
            ("name", name),
            ("email", email),
            ("password", password),
            ("language", "sv"),
        ]);
        self.post_form("/api/accounts/sign-up", &body, &[]).await
    }

    /// Signs in and returns the session cookie (`name=value`).
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<String, Answer> {
        let body = form(&[("email", email), ("password", password)]);
        let res = self
            .post_form(
                "/api/accounts/sign-in",
                &body,
                &[("user-agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0")],
            )
            .await;
        let cookie = res.cookie("samrad_session");
        match cookie {
            Some(cookie) if res.status.is_success() || res.status.is_redirection() => Ok(cookie),
            _ => Err(res),
        }
    }

    /// A verified account, signed in; returns its session cookie.
    pub async fn verified_user(&self, email: &str, password: &str) -> String {
        let res = self.sign_up("Anna Andersson", email, password).await;
        assert!(
            res.status.is_success() || res.status.is_redirection(),
            "{}",
            res.body
        );
        let token = self.token_mailed_to(email).await;
        let res = self
            .post_form(
                "/api/accounts/verify-email",
                &form(&[("token", &token)]),
                &[],
            )
            .await;
        assert!(
            res.status.is_success() || res.status.is_redirection(),
            "{}",
            res.body
        );
        self.sign_in(email, password)
            .await
            .unwrap_or_else(|r| panic!("sign in: {}", r.body))
    }

    /// The mails sent to an address, newest first.
    pub async fn mails_to(&self, email: &str) -> Vec<(String, String)> {
        sqlx::query_as("SELECT subject, body FROM outbox WHERE recipient = $1 ORDER BY id DESC")
            .bind(email)
            .fetch_all(self.db.pool())
            .await
            .expect("outbox")
    }

    /// The token in the newest link mailed to `email`.
    pub async fn token_mailed_to(&self, email: &str) -> String {
        let mails = self.mails_to(email).await;
        let (_, body) = mails.first().expect("a mail was sent");
        body.split("token=")
            .nth(1)
            .expect("the mail has a link")
            .split_whitespace()
            .next()
            .unwrap()
            .to_string()
    }

    pub async fn count(&self, table: &str) -> i64 {
        let (n,): (i64,) =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(self.db.pool())
                .await
                .expect("count");
        n
    }
}

/// An `application/x-www-form-urlencoded` body.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn test_config(database_url: &str) -> Config {
    use clap::Parser;
    let cli = server::config::Cli::try_parse_from([
        "samrad",
        "--database-url",
        database_url,
        "--site-url",
        SITE,
        "--site-root",
        "target/site-for-tests",
    ])
    .expect("test settings");
    Config::from_settings(&cli.settings).expect("test config")
}

fn unique_name() -> String {
    format!("samrad_test_{:016x}", rand::random::<u64>())
}

/// A database that exists for one test and is removed after it.
pub struct TestDatabase {
    pub url: String,
    engine: Engine,
    name: String,
    admin_url: Option<String>,
}

impl TestDatabase {
    pub async fn create(engine: Engine) -> Option<TestDatabase> {
        let name = unique_name();
        match engine {
            Engine::Sqlite => {
                let path = std::env::temp_dir().join(format!("{name}.db"));
                Some(TestDatabase {
                    url: format!("sqlite://{}", path.display()),
                    engine,
                    name: path.display().to_string(),
                    admin_url: None,
                })
            }
            Engine::Postgres => {
                let admin_url = std::env::var("TEST_DATABASE_URL").ok()?;
                use sqlx::{Connection, Executor};
                let mut conn = sqlx::PgConnection::connect(&admin_url)
                    .await
                    .expect("TEST_DATABASE_URL answers");
                conn.execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .await
                    .expect("create test database");
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(b, _)| b)
                    .unwrap_or(&admin_url);
                Some(TestDatabase {
                    url: format!("{base}/{name}"),
                    engine,
                    name,
                    admin_url: Some(admin_url),
                })
            }
        }
    }

    /// Makes the database refuse connections (PostgreSQL only) and ends
    /// the ones it has, as when the server goes away.
    pub async fn cut_off(&self) {
        self.admin(&format!(
            "ALTER DATABASE {} ALLOW_CONNECTIONS false",
            self.name
        ))
        .await;
        self.admin(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{}'",
            self.name
        ))
        .await;
    }

    pub async fn restore(&self) {
        self.admin(&format!(
            "ALTER DATABASE {} ALLOW_CONNECTIONS true",
            self.name
        ))
        .await;
    }

    async fn admin(&self, sql: &str) {
        use sqlx::{Connection, Executor};
        let url = self.admin_url.as_deref().expect("PostgreSQL only");
        let mut conn = sqlx::PgConnection::connect(url)
            .await
            .expect("admin connection");
        conn.execute(sqlx::AssertSqlSafe(sql.to_string()))
            .await
            .expect("admin statement");
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match self.engine {
            Engine::Sqlite => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", self.name));
                }
            }
            Engine::Postgres => {
                let Some(admin_url) = self.admin_url.clone() else {
                    return;
                };
                let name = self.name.clone();
                // Drop runs inside the test's runtime; a thread of its own
                // can block on a fresh one.
                let _ = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("runtime");
                    rt.block_on(async move {
                        use sqlx::{Connection, Executor};
                        if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                            let _ = conn
                                .execute(sqlx::AssertSqlSafe(format!(
                                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                                )))
                                .await;
                        }
                    });
                })
                .join();
            }
        }
    }
}

/// A valid organisationsnummer for test organisation `i` (2120NN-NNNC),
/// distinct for each `i`.
pub fn org_number(i: usize) -> String {
    app::organisations::OrgNumber::completing(&format!("2120{i:05}"))
        .expect("nine digits")
        .as_str()
        .to_string()
}

/// A server function or form post that went through: 2xx or a redirect.
pub fn ok(res: &Answer) -> bool {
    res.status.is_success() || res.status.is_redirection()
}

/// Every table's rows, as (table, rows, their text in a fixed order), but
/// the tables in `skip`: what "the database is unchanged" and "the restore
/// has everything" compare.
pub async fn table_contents(db: &Db, skip: &[&str]) -> Vec<(String, i64, String)> {
    let tables: Vec<(String,)> = sqlx::query_as(match db.engine() {
        Engine::Sqlite => {
            // Not the full-text index's own tables: they hold what
            // `search_documents` holds, in their own layout.
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' \
             AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        Engine::Postgres => {
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = 'public' ORDER BY 1"
        }
    })
    .fetch_all(db.pool())
    .await
    .unwrap();
    let mut out = Vec::new();
    for (table,) in tables {
        if skip.contains(&table.as_str()) {
            continue;
        }
        let sql = match db.engine() {
            Engine::Sqlite => {
                let columns: Vec<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                    "SELECT name FROM pragma_table_info('{table}')"
                )))
                .fetch_all(db.pool())
                .await
                .unwrap();
                let row = columns
                    .iter()
                    .map(|(c,)| format!("quote(\"{c}\")"))
                    .collect::<Vec<_>>()
                    .join(" || ',' || ");
                format!(
                    "SELECT COUNT(*), COALESCE(group_concat(r, char(10)), '') \
                     FROM (SELECT {row} AS r FROM \"{table}\" ORDER BY rowid)"
                )
            }
            Engine::Postgres => format!(
                "SELECT COUNT(*)::bigint, \
                 COALESCE(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM \"{table}\" x"
            ),
        };
        let (n, rows): (i64, String) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .fetch_one(db.pool())
            .await
            .unwrap();
        out.push((table, n, rows));
    }
    out
}
