//! The server's storage: an embedded SQLite file in WAL mode, its schema kept by migrations.

use anyhow::Context;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::path::Path;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct Campaign {
    pub id: String,
    pub name: String,
    pub retention_days: i64,
}

#[derive(Clone)]
pub struct Db {
    pool: SqlitePool,
}

impl Db {
    /// Opens (creating if needed) `palier.sqlite` in `data_dir` and brings its schema up to date.
    pub async fn open_in(data_dir: &Path) -> anyhow::Result<Db> {
        std::fs::create_dir_all(data_dir)
            .with_context(|| format!("cannot create the data folder {}", data_dir.display()))?;
        let options = SqliteConnectOptions::new()
            .filename(data_dir.join("palier.sqlite"))
            .create_if_missing(true)
            // WAL lets readers (pulls, health) run while a push writes.
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .context("cannot open the SQLite database")?;
        sqlx::migrate!("migrations/sqlite")
            .run(&pool)
            .await
            .context("database migration failed")?;
        Ok(Db { pool })
    }

    /// Adds the demo campaign unless it is already there (a restart keeps its data as it is).
    pub async fn seed_demo(&self) -> Result<(), sqlx::Error> {
        let demo = domain::demo::campaign();
        sqlx::query("INSERT OR IGNORE INTO campaigns (id, name, retention_days) VALUES (?, ?, ?)")
            .bind(demo.id.as_str())
            .bind(demo.name)
            .bind(demo.retention_days)
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn campaigns(&self) -> Result<Vec<Campaign>, sqlx::Error> {
        sqlx::query_as("SELECT id, name, retention_days FROM campaigns ORDER BY created_at, id")
            .fetch_all(&self.pool)
            .await
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
}
