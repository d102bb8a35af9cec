//! The real `cylch` binary: serving the demo on SQLite and PostgreSQL,
//! migrations, backups and the version.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cylch_store::testing::TempDir;

fn cylch() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cylch"));
    // Nothing from the developer's own environment may steer these runs.
    for name in [
        "DATABASE_URL",
        "CYLCH_LISTEN",
        "CYLCH_DATA_DIR",
        "CYLCH_CONFIG",
        "CYLCH_BASE_URL",
        "CYLCH_SMTP_URL",
    ] {
        command.env_remove(name);
    }
    command
}

/// A data folder of its own, removed when the test is done with it (hold it
/// longer than the server that uses it).
fn temp_dir() -> TempDir {
    TempDir::new("cylch-cli")
}

/// A running `cylch serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
    output: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(data_dir: &Path, database_url: Option<&str>) -> Server {
    let mut command = cylch();
    command
        .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir);
    if let Some(url) = database_url {
        command.env("DATABASE_URL", url);
    }
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Held from the start, so the process is stopped on every path.
    let mut server = Server {
        child,
        address: String::new(),
        output: String::new(),
    };
    let mut reader = BufReader::new(server.child.stdout.take().unwrap());
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 || Instant::now() > deadline {
            panic!(
                "cylch serve stopped before it was ready:\n{}",
                server.output
            );
        }
        server.output.push_str(&line);
        if let Some(rest) = line.strip_prefix("Cylch is running at http://") {
            server.address = rest.split('/').next().unwrap().to_owned();
            return server;
        }
    }
}

/// One HTTP/1.1 request over a plain socket; returns the status and the
/// whole response.
fn http(address: &str, request: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, response)
}

fn cookie(response: &str, name: &str) -> String {
    response
        .lines()
        .filter_map(|l| l.strip_prefix("set-cookie: "))
        .find_map(|l| l.strip_prefix(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap().to_owned())
        .unwrap_or_else(|| panic!("no {name} cookie in\n{response}"))
}

/// Signs in as a printed demo login and reads the home page in `language`.
fn sign_in_and_see_home(server: &Server, email: &str, language: &str) -> String {
    assert!(
        server.output.contains(email),
        "the demo login {email} is printed:\n{}",
        server.output
    );
    let (_, form) = http(
        &server.address,
        &format!(
            "GET /sign-in HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.address
        ),
    );
    let csrf = cookie(&form, "cylch_csrf");
    let body = format!(
        "csrf={csrf}&email={}&password=cylch-demo-2026&next=%2F",
        email.replace('@', "%40")
    );
    let (status, signed_in) = http(
        &server.address,
        &format!(
            "POST /sign-in HTTP/1.1\r\nHost: {}\r\nCookie: cylch_csrf={csrf}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            server.address,
            body.len()
        ),
    );
    assert_eq!(status, 303, "{signed_in}");
    let session = cookie(&signed_in, "cylch_session");
    let (status, home) = http(
        &server.address,
        &format!(
            "GET / HTTP/1.1\r\nHost: {}\r\nCookie: cylch_session={session}; cylch_lang={language}\r\nConnection: close\r\n\r\n",
            server.address
        ),
    );
    assert_eq!(status, 200);
    home
}

#[test]
fn serve_demo_on_sqlite_signs_in_in_english_and_welsh() {
    let dir = temp_dir();
    let server = serve(dir.path(), None);
    assert!(
        dir.join("cylch.sqlite3").exists(),
        "the database is created in the data folder"
    );
    let english = sign_in_and_see_home(&server, "gareth@demo.cylch.example", "en");
    assert!(english.contains("Cydweithfa Teulu"), "{english}");
    assert!(english.contains("Treasurer"));
    let welsh = sign_in_and_see_home(&server, "carys@demo.cylch.example", "cy");
    assert!(welsh.contains("lang=\"cy\""));
    assert!(welsh.contains("Cadeirydd"), "{welsh}");
}

#[test]
fn serve_demo_on_postgresql() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let Some(url) = runtime.block_on(cylch_store::testing::fresh_postgres_url()) else {
        return;
    };
    let (first_dir, second_dir) = (temp_dir(), temp_dir());
    let server = serve(first_dir.path(), Some(&url));
    let home = sign_in_and_see_home(&server, "megan@demo.cylch.example", "en");
    assert!(home.contains("Supported person"), "{home}");
    drop(server);
    // A second start finds the schema and the demo in place.
    let again = serve(second_dir.path(), Some(&url));
    assert!(again.output.contains("already loaded"), "{}", again.output);
}

#[test]
fn migrate_demo_and_backup_a_live_database() {
    let dir = temp_dir();
    let migrated = cylch()
        .args(["migrate", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        migrated.status.success(),
        "{}",
        String::from_utf8_lossy(&migrated.stderr)
    );
    let demo = cylch()
        .args(["demo", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(demo.status.success());
    assert!(String::from_utf8_lossy(&demo.stdout).contains("carys@demo.cylch.example"));
    let copy = dir.join("copy.sqlite3");
    let backup = cylch()
        .arg("backup")
        .arg(&copy)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        backup.status.success(),
        "{}",
        String::from_utf8_lossy(&backup.stderr)
    );
    assert!(std::fs::metadata(&copy).unwrap().len() > 10_000);
    let again = cylch()
        .arg("backup")
        .arg(&copy)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        !again.status.success(),
        "an existing file is never overwritten"
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn backup_on_postgresql_explains_pg_dump() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let Some(url) = runtime.block_on(cylch_store::testing::fresh_postgres_url()) else {
        return;
    };
    let dir = temp_dir();
    let out = cylch()
        .arg("backup")
        .arg(dir.join("never-written"))
        .env("DATABASE_URL", &url)
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
}

#[test]
fn version_help_and_a_bad_config_file() {
    let version = cylch().arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("cylch {}", env!("CARGO_PKG_VERSION"))
    );
    let help = cylch().args(["serve", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("--data-dir"));
    let dir = temp_dir();
    let config = dir.join("cylch.toml");
    std::fs::write(&config, "listen = 8080\nnonsense = true\n").unwrap();
    let bad = cylch()
        .args(["migrate", "--config"])
        .arg(&config)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("is not valid"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}
