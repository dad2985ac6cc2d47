//! The server under test: a fresh store (a SQLite folder or a new PostgreSQL database), devices
//! enrolled in it, and the release binary started as its own process on a free loopback port.

use crate::http::Connection;
use anyhow::{Context, bail};
use domain::enrollment::EnrollmentCode;
use domain::ids::{CampaignId, DeviceId};
use server::db::Db;
use server::db::devices::random_bytes;
use sqlx::Connection as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where the server keeps its data for one scenario.
pub struct Store {
    folder: tempfile::TempDir,
    /// `Some` on PostgreSQL: a database made for this store.
    database_url: Option<String>,
}

impl Store {
    /// A new, empty store: SQLite in a fresh folder, or a fresh database next to `postgres` (the
    /// URL of any database of the cluster, e.g. the one `cargo xtask` makes).
    pub async fn fresh(postgres: Option<&str>) -> anyhow::Result<Store> {
        let folder = tempfile::Builder::new().prefix("palier-bench-").tempdir()?;
        let database_url = match postgres {
            None => None,
            Some(base) => {
                let name = format!(
                    "palier_bench_{}",
                    random_bytes::<6>()
                        .iter()
                        .map(|b| format!("{b:02x}"))
                        .collect::<String>()
                );
                let mut admin = sqlx::PgConnection::connect(base)
                    .await
                    .context("cannot reach PostgreSQL")?;
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .await?;
                admin.close().await?;
                let (prefix, _) = base.rsplit_once('/').context("a database URL has a path")?;
                Some(format!("{prefix}/{name}"))
            }
        };
        Ok(Store {
            folder,
            database_url,
        })
    }

    fn data_dir(&self) -> &Path {
        self.folder.path()
    }

    /// Enrolls `count` devices in the demo campaign, straight in storage: the enrollment endpoint
    /// lets one device in per second (on purpose), and it is not what is measured. The tokens are
    /// real ones, made and hashed by the server's own code.
    pub async fn enroll(&self, count: usize) -> anyhow::Result<Vec<Enrolled>> {
        let db = Db::open(self.database_url.as_deref(), self.data_dir()).await?;
        db.seed_demo().await?;
        let mut devices = Vec::with_capacity(count);
        for n in 0..count {
            let id = DeviceId::from_random(random_bytes());
            let (code, _): (EnrollmentCode, u64) =
                db.create_enrollment_code(&CampaignId::demo()).await?;
            let (token, _) = db
                .enroll(&code, &id, &format!("Tablette {n}"))
                .await
                .map_err(|e| anyhow::anyhow!("cannot enroll a benchmark device: {e:?}"))?;
            devices.push(Enrolled {
                id,
                token: token.as_str().to_owned(),
            });
        }
        db.close().await;
        Ok(devices)
    }

    /// SQLite's or PostgreSQL's version, for the report.
    pub async fn engine_version(&self) -> anyhow::Result<String> {
        Ok(match &self.database_url {
            Some(url) => {
                let mut conn = sqlx::PgConnection::connect(url).await?;
                let version: String = sqlx::query_scalar("SHOW server_version")
                    .fetch_one(&mut conn)
                    .await?;
                conn.close().await?;
                format!("PostgreSQL {version}")
            }
            None => {
                // The library the server links, not the file: the same bundled build.
                let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:").await?;
                let version: String = sqlx::query_scalar("SELECT sqlite_version()")
                    .fetch_one(&mut conn)
                    .await?;
                conn.close().await?;
                format!("SQLite {version}")
            }
        })
    }
}

/// A device the server knows.
#[derive(Clone)]
pub struct Enrolled {
    pub id: DeviceId,
    pub token: String,
}

/// The server process, killed when dropped.
pub struct ServerProcess {
    child: Child,
    pub addr: SocketAddr,
}

impl ServerProcess {
    pub async fn start(binary: &Path, store: &Store) -> anyhow::Result<ServerProcess> {
        let addr: SocketAddr = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?;
        let dist = store.data_dir().join("dist");
        std::fs::create_dir_all(&dist)?;
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>Palier</title>",
        )?;
        let log = std::fs::File::create(store.data_dir().join("server.log"))?;
        let mut command = Command::new(binary);
        command
            .arg("--addr")
            .arg(addr.to_string())
            .arg("--dist")
            .arg(&dist)
            .arg("--data-dir")
            .arg(store.data_dir())
            .arg("--demo")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(log);
        if let Some(url) = &store.database_url {
            command.arg("--database-url").arg(url);
        }
        let child = command
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        let mut server = ServerProcess { child, addr };
        server.wait_healthy(store.data_dir()).await?;
        Ok(server)
    }

    async fn wait_healthy(&mut self, folder: &Path) -> anyhow::Result<()> {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(30) {
            if let Some(status) = self.child.try_wait()? {
                bail!(
                    "the server exited ({status}) before answering; its log:\n{}",
                    log_of(folder)
                );
            }
            let mut connection = Connection::new(self.addr);
            if let Ok(answer) = connection.get("/api/v1/health").await
                && answer.status == 200
            {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        bail!(
            "the server did not answer its health check within 30 s; its log:\n{}",
            log_of(folder)
        )
    }

    /// Events the server holds, from its health check.
    pub async fn event_count(&self) -> anyhow::Result<u64> {
        let answer = Connection::new(self.addr).get("/api/v1/health").await?;
        let health: serde_json::Value = serde_json::from_slice(&answer.body)?;
        health["events"]
            .as_u64()
            .context("the health check has no event count")
    }

    /// CPU seconds the server process has used so far (user + system), from /proc.
    pub fn cpu_seconds(&self) -> f64 {
        cpu_seconds_of(format!("/proc/{}/stat", self.child.id()))
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn log_of(folder: &Path) -> String {
    std::fs::read_to_string(folder.join("server.log")).unwrap_or_default()
}

/// CPU seconds of this process so far.
pub fn own_cpu_seconds() -> f64 {
    cpu_seconds_of("/proc/self/stat")
}

/// utime + stime of a /proc/<pid>/stat file, in seconds (Linux counts in USER_HZ, 100 a second).
fn cpu_seconds_of(stat: impl Into<PathBuf>) -> f64 {
    let Ok(text) = std::fs::read_to_string(stat.into()) else {
        return f64::NAN;
    };
    // The command name, in parentheses, may hold spaces: count fields after its closing one.
    let Some((_, rest)) = text.rsplit_once(')') else {
        return f64::NAN;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the name: state is field 3 of the man page, utime 14 and stime 15.
    let ticks = |i: usize| fields.get(i - 3).and_then(|f| f.parse::<f64>().ok());
    match (ticks(14), ticks(15)) {
        (Some(user), Some(system)) => (user + system) / 100.0,
        _ => f64::NAN,
    }
}
