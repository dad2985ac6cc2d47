//! The accounts' SQL: one statement per operation, the same text for SQLite and PostgreSQL.

use super::Account;
use crate::db::Db;
use domain::accounts::{Secret, expired_before};
use sqlx::Row;

/// A stored session and whose it is.
pub(super) struct SessionRow {
    pub account: Account,
    pub csrf_token: String,
    pub created_at_ms: u64,
    pub last_seen_ms: u64,
}

impl Db {
    /// Adds an account; `None` when the email is taken (compared as stored: lower-cased).
    pub(super) async fn insert_account(
        &self,
        email: &str,
        name: &str,
        password_hash: &str,
        now_ms: u64,
    ) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar(
            "INSERT INTO coordinators (email, name, password_hash, created_at_ms) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(email.to_owned())
        .bind(name.to_owned())
        .bind(password_hash.to_owned())
        .bind(now_ms as i64)
        .fetch_optional(self.pool())
        .await
    }

    /// The account with this (normalised) email and its password hash.
    pub(super) async fn account_for_sign_in(
        &self,
        email: &str,
    ) -> Result<Option<(Account, String)>, sqlx::Error> {
        let row =
            sqlx::query("SELECT id, email, name, password_hash FROM coordinators WHERE email = $1")
                .bind(email.to_owned())
                .fetch_optional(self.pool())
                .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some((
            Account {
                id: row.try_get(0)?,
                email: row.try_get(1)?,
                name: row.try_get(2)?,
            },
            row.try_get(3)?,
        )))
    }

    pub(super) async fn insert_session(
        &self,
        id_hash: &str,
        account: i64,
        csrf_token: &Secret,
        now_ms: u64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO coordinator_sessions \
             (id_hash, coordinator, csrf_token, created_at_ms, last_seen_ms) \
             VALUES ($1, $2, $3, $4, $4)",
        )
        .bind(id_hash.to_owned())
        .bind(account)
        .bind(csrf_token.as_str().to_owned())
        .bind(now_ms as i64)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    pub(super) async fn session_row(
        &self,
        id_hash: &str,
    ) -> Result<Option<SessionRow>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT c.id, c.email, c.name, s.csrf_token, s.created_at_ms, s.last_seen_ms \
             FROM coordinator_sessions s JOIN coordinators c ON c.id = s.coordinator \
             WHERE s.id_hash = $1",
        )
        .bind(id_hash.to_owned())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(SessionRow {
            account: Account {
                id: row.try_get(0)?,
                email: row.try_get(1)?,
                name: row.try_get(2)?,
            },
            csrf_token: row.try_get(3)?,
            created_at_ms: row.try_get::<i64, _>(4)?.max(0) as u64,
            last_seen_ms: row.try_get::<i64, _>(5)?.max(0) as u64,
        }))
    }

    pub(super) async fn touch_session(
        &self,
        id_hash: &str,
        now_ms: u64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE coordinator_sessions SET last_seen_ms = $1 WHERE id_hash = $2")
            .bind(now_ms as i64)
            .bind(id_hash.to_owned())
            .execute(self.pool())
            .await
            .map(|_| ())
    }

    pub(super) async fn delete_session(&self, id_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM coordinator_sessions WHERE id_hash = $1")
            .bind(id_hash.to_owned())
            .execute(self.pool())
            .await
            .map(|_| ())
    }

    pub(super) async fn delete_expired_sessions(&self, now_ms: u64) -> Result<(), sqlx::Error> {
        let (idle_before, made_before) = expired_before(now_ms);
        sqlx::query(
            "DELETE FROM coordinator_sessions WHERE last_seen_ms <= $1 OR created_at_ms <= $2",
        )
        .bind(idle_before as i64)
        .bind(made_before as i64)
        .execute(self.pool())
        .await
        .map(|_| ())
    }
}
