//! The server's storage: an embedded SQLite file in WAL mode by default, or PostgreSQL when given a
//! `postgres://` URL. One set of queries serves both (sqlx's `Any` driver, `$1` placeholders);
//! each backend keeps its own migrations, since their DDL differs.

pub mod callbacks;
pub mod campaigns;
pub mod devices;
pub mod erasure;
pub mod events;
pub mod territories;

use anyhow::Context;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};
use std::path::Path;

pub use campaigns::Campaign;

/// Which database is behind the pool: a few statements differ (locking, upserts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// As the health check reports it.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgresql",
        }
    }
}

#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// PostgreSQL only: connections of PostgreSQL's own driver, for what `Any` cannot do
    /// (`COPY … FROM STDIN` of a push's events, db/events/copy.rs). Opened when first needed.
    copy: Option<sqlx::PgPool>,
}

impl Db {
    /// Opens PostgreSQL when `database_url` is given, else `palier.sqlite` in `data_dir`.
    pub async fn open(database_url: Option<&str>, data_dir: &Path) -> anyhow::Result<Db> {
        match database_url {
            Some(url) => Db::connect_postgres(url).await,
            None => Db::open_in(data_dir).await,
        }
    }

    /// Opens (creating if needed) `palier.sqlite` in `data_dir` and brings its schema up to date.
    pub async fn open_in(data_dir: &Path) -> anyhow::Result<Db> {
        std::fs::create_dir_all(data_dir)
            .with_context(|| format!("cannot create the data folder {}", data_dir.display()))?;
        let file = data_dir.join("palier.sqlite");
        let url = format!("sqlite://{}?mode=rwc", file.display());
        install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(4)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    // WAL lets readers (pulls, health) run while a push writes; NORMAL sync is
                    // durable across a process crash (kill -9), which is what a server risks.
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
                    )
                    .await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .context("cannot open the SQLite database")?;
        sqlx::migrate!("migrations/sqlite")
            .run(&pool)
            .await
            .context("database migration failed")?;
        Db {
            pool,
            backend: Backend::Sqlite,
            copy: None,
        }
        .with_team_views()
        .await
    }

    /// Connects to PostgreSQL and brings its schema up to date.
    pub async fn connect_postgres(url: &str) -> anyhow::Result<Db> {
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            anyhow::bail!("the database URL must start with postgres:// (got {url:?})");
        }
        install_default_drivers();
        let pool = AnyPoolOptions::new()
            .max_connections(16)
            .connect(url)
            .await
            .context("cannot connect to PostgreSQL")?;
        sqlx::migrate!("migrations/postgres")
            .run(&pool)
            .await
            .context("database migration failed")?;
        // Pushes reach the database a few at a time (db/events.rs, PUSHERS_AT_THE_LOCK): a small
        // pool of its own is enough, and costs no connection until a long push comes.
        let copy = sqlx::postgres::PgPoolOptions::new()
            .max_connections(4)
            .connect_lazy(url)
            .context("cannot read the PostgreSQL URL")?;
        Db {
            pool,
            backend: Backend::Postgres,
            copy: Some(copy),
        }
        .with_team_views()
        .await
    }

    /// Fills the team view of events stored before migration 0005 (db/events.rs) before the
    /// server answers its first pull.
    async fn with_team_views(self) -> anyhow::Result<Db> {
        let filled = self
            .fill_team_views()
            .await
            .context("cannot prepare the stored events for pulls")?;
        if filled > 0 {
            tracing::info!("prepared {filled} stored events for pulls (team views)");
        }
        Ok(self)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub(crate) fn copy_pool(&self) -> Option<&sqlx::PgPool> {
        self.copy.as_ref()
    }

    /// A round trip to the database, for the health check.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn schema_version(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success")
            .fetch_one(&self.pool)
            .await
    }

    /// Closes every connection: tests call it before dropping a throwaway PostgreSQL database.
    pub async fn close(&self) {
        self.pool.close().await;
        if let Some(copy) = &self.copy {
            copy.close().await;
        }
    }
}

/// Milliseconds since 1970 (UTC), the server's clock for expiry, rate limits and the HLC check.
/// The envelopes of rows whose first column is a stored envelope; a row that does not read (a
/// damaged one) is logged and left out rather than failing the whole answer.
pub(crate) fn envelopes(
    rows: &[sqlx::any::AnyRow],
) -> Result<Vec<domain::event::EventEnvelope>, sqlx::Error> {
    use sqlx::Row;
    let mut events = Vec::with_capacity(rows.len());
    for row in rows {
        let text: String = row.try_get(0)?;
        match serde_json::from_str(&text) {
            Ok(event) => events.push(event),
            Err(e) => tracing::error!("a stored event does not read: {e}"),
        }
    }
    Ok(events)
}

pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}
