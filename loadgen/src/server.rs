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
    /// The cluster's postmaster, when its pid file can be read: its CPU and its children's are
    /// the database's share of a scenario (see [`Store::database_cpu_seconds`]).
    postmaster: Option<u32>,
}

impl Store {
    /// A new, empty store: SQLite in a fresh folder, or a fresh database next to `postgres` (the
    /// URL of any database of the cluster, e.g. the one `cargo xtask` makes).
    pub async fn fresh(postgres: Option<&str>) -> anyhow::Result<Store> {
        let folder = tempfile::Builder::new().prefix("palier-bench-").tempdir()?;
        let mut postmaster = None;
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
                // Superusers may read it; a cluster of someone else's just goes unmeasured.
                let data_dir: Option<String> = sqlx::query_scalar("SHOW data_directory")
                    .fetch_one(&mut admin)
                    .await
                    .ok();
                postmaster = data_dir.and_then(|dir| {
                    let pid_file = std::fs::read_to_string(Path::new(&dir).join("postmaster.pid"));
                    pid_file.ok()?.lines().next()?.trim().parse().ok()
                });
                admin.close().await?;
                let (prefix, _) = base.rsplit_once('/').context("a database URL has a path")?;
                Some(format!("{prefix}/{name}"))
            }
        };
        Ok(Store {
            folder,
            database_url,
            postmaster,
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

impl Store {
    /// CPU seconds PostgreSQL has used so far, all its processes together (user + system), or
    /// NaN on SQLite (its work is the server's own) and when the cluster cannot be read. The
    /// postmaster's own time and that of its children that ended (it waits for them), plus that of
    /// its live children: backends, WAL writer, checkpointer, autovacuum.
    pub fn database_cpu_seconds(&self) -> f64 {
        let Some(postmaster) = self.postmaster else {
            return f64::NAN;
        };
        let Some(own) = stat_fields(format!("/proc/{postmaster}/stat")) else {
            return f64::NAN;
        };
        // utime, stime, cutime, cstime: fields 14 to 17 of proc(5).
        let mut ticks: f64 = (14..=17).filter_map(|i| field(&own, i)).sum();
        let Ok(processes) = std::fs::read_dir("/proc") else {
            return f64::NAN;
        };
        for process in processes.flatten() {
            let Some(fields) = stat_fields(process.path().join("stat")) else {
                continue;
            };
            if field(&fields, 4) == Some(f64::from(postmaster)) {
                ticks += (14..=15).filter_map(|i| field(&fields, i)).sum::<f64>();
            }
        }
        ticks / 100.0
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
    let Some(fields) = stat_fields(stat) else {
        return f64::NAN;
    };
    match (field(&fields, 14), field(&fields, 15)) {
        (Some(user), Some(system)) => (user + system) / 100.0,
        _ => f64::NAN,
    }
}

/// The fields of a /proc/<pid>/stat file after the command name, which is in parentheses and may
/// hold spaces: the first is the state, field 3 of proc(5).
fn stat_fields(stat: impl Into<PathBuf>) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(stat.into()).ok()?;
    let (_, rest) = text.rsplit_once(')')?;
    Some(rest.split_whitespace().map(str::to_owned).collect())
}

/// Field `n` of proc(5) (utime is 14), as a number.
fn field(fields: &[String], n: usize) -> Option<f64> {
    fields.get(n - 3)?.parse().ok()
}
