//! The `samrad` binary as an operator meets it: clear one-line errors,
//! migrations, create-admin, and a graceful stop.

use std::{
    io::{Read, Write},
    net::{TcpListener, TcpStream},
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

const BIN: &str = env!("CARGO_BIN_EXE_samrad");

fn temp_sqlite() -> (String, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("samrad-cli-{:016x}", rand::random::<u64>()));
    let path = dir.join("samrad.db");
    (format!("sqlite://{}", path.display()), dir)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn samrad(args: &[&str], envs: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_remove("DATABASE_URL")
        .env_remove("SITE_URL")
        .env("RUST_LOG", "warn");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd
}

/// Runs to the end and gives (exit success, stdout, stderr).
fn run(args: &[&str], envs: &[(&str, &str)]) -> (bool, String, String) {
    let out = samrad(args, envs)
        .stdin(Stdio::null())
        .output()
        .expect("samrad runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}

fn start_server(db_url: &str, port: u16) -> Child {
    let mut child = samrad(
        &["serve"],
        &[
            ("DATABASE_URL", db_url),
            ("BIND", &format!("127.0.0.1:{port}")),
        ],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .expect("server starts");
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if http_get(port, "/healthz").is_some_and(|a| a.starts_with("HTTP/1.1 200")) {
            return child;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not become healthy");
}

#[test]
fn an_unsupported_database_url_is_one_clear_line_and_a_failure() {
    let (ok, _, err) = run(
        &["migrate"],
        &[("DATABASE_URL", "mysql://root:hemligt@localhost/x")],
    );
    assert!(!ok);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.starts_with("samrad: DATABASE_URL") && err.contains("not supported"),
        "{err}"
    );
    assert!(!err.contains("hemligt"), "passwords are not printed: {err}");
}

#[test]
fn an_unreachable_database_is_one_clear_line_and_a_failure() {
    let started = Instant::now();
    let (ok, _, err) = run(
        &["migrate"],
        &[(
            "DATABASE_URL",
            "postgres://samrad:hemligt@127.0.0.1:1/samrad",
        )],
    );
    assert!(!ok);
    assert!(started.elapsed() < Duration::from_secs(15));
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("cannot reach the database"), "{err}");
    assert!(!err.contains("hemligt"), "{err}");
}

#[test]
fn a_port_in_use_is_one_clear_line_and_a_failure() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let (db, dir) = temp_sqlite();
    let (ok, _, err) = run(
        &["serve"],
        &[
            ("DATABASE_URL", &db),
            ("BIND", &format!("127.0.0.1:{port}")),
        ],
    );
    assert!(!ok);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("cannot listen on 127.0.0.1:{port}")),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn migrate_creates_the_sqlite_file_and_is_idempotent() {
    let (db, dir) = temp_sqlite();
    for _ in 0..2 {
        let (ok, out, err) = run(&["migrate"], &[("DATABASE_URL", &db)]);
        assert!(ok, "{err}");
        assert!(out.contains("migrated (sqlite)"), "{out}");
    }
    assert!(dir.join("samrad.db").is_file());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn create_admin_creates_then_promotes_and_refuses_short_passwords() {
    let (db, dir) = temp_sqlite();
    let env = [
        ("DATABASE_URL", db.as_str()),
        ("SAMRAD_ADMIN_PASSWORD", "kort"),
    ];
    let (ok, _, err) = run(&["create-admin", "--email", "admin@samrad.se"], &env);
    assert!(!ok);
    assert!(err.contains("12 to 256 characters"), "{err}");

    let env = [
        ("DATABASE_URL", db.as_str()),
        ("SAMRAD_ADMIN_PASSWORD", "ett långt och bra lösenord"),
    ];
    let (ok, out, err) = run(&["create-admin", "--email", "Admin@Samrad.se"], &env);
    assert!(ok, "{err}");
    assert!(out.contains("created site admin admin@samrad.se"), "{out}");
    let (ok, out, _) = run(&["create-admin", "--email", "admin@samrad.se"], &env);
    assert!(ok);
    assert!(out.contains("is now a site admin"), "{out}");
    let (ok, _, err) = run(&["create-admin", "--email", "inte en adress"], &env);
    assert!(!ok && err.contains("is not an email address"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn sigterm_lets_a_request_in_flight_finish_then_exits_cleanly() {
    let (db, dir) = temp_sqlite();
    let port = free_port();
    let mut server = start_server(&db, port);

    // A POST whose body is only half sent when the signal arrives.
    let body = "description=Halvv%C3%A4gs&page=&email=";
    let (first, rest) = body.split_at(12);
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "POST /api/accessibility/report HTTP/1.1\r\nHost: 127.0.0.1\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{first}",
        body.len()
    )
    .unwrap();
    stream.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(rest.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 ") && answer.contains("location: /tillganglighet?tack=1"),
        "the request ran to its end: {answer}"
    );

    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = server.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    let _ = std::fs::remove_dir_all(dir);
}
