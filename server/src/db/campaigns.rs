//! Campaigns: the demo one added at start-up, and lookups for the API and push checks.

use super::Db;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sqlx::FromRow)]
pub struct Campaign {
    pub id: String,
    pub name: String,
    pub retention_days: i64,
}

impl Db {
    /// Adds the demo campaign unless it is already there (a restart keeps its data as it is).
    pub async fn seed_demo(&self) -> Result<(), sqlx::Error> {
        let demo = domain::demo::campaign();
        sqlx::query(
            "INSERT INTO campaigns (id, name, retention_days) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(demo.id.as_str().to_owned())
        .bind(demo.name.to_owned())
        .bind(i64::from(demo.retention_days))
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    pub async fn campaigns(&self) -> Result<Vec<Campaign>, sqlx::Error> {
        sqlx::query_as("SELECT id, name, retention_days FROM campaigns ORDER BY created_at, id")
            .fetch_all(self.pool())
            .await
    }

    pub async fn campaign(&self, id: &str) -> Result<Option<Campaign>, sqlx::Error> {
        sqlx::query_as("SELECT id, name, retention_days FROM campaigns WHERE id = $1")
            .bind(id.to_owned())
            .fetch_optional(self.pool())
            .await
    }
}
