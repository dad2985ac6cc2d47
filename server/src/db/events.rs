//! The event log: storing pushed events exactly once, and reading pages for pulls.
//!
//! Positions and commit order: a pull hands out rows by increasing `position` and the device then
//! asks only for positions after the last one it saw. That is safe only if no row can become
//! visible later with a smaller position. SQLite has one writer at a time, so it holds. PostgreSQL
//! takes identity values before commit, so two concurrent pushes could commit out of order; every
//! push therefore takes a transaction-level advisory lock first, which makes "take positions,
//! commit" one critical section: positions become visible in increasing order. Pushes are short
//! (one multi-row insert that commits on its own, or for a long batch one `COPY` in a transaction
//! that takes the lock first), so the lock costs little (see BENCHMARKS.md for the ingest figures).

mod copy;
mod insert;

pub use copy::COPY_FROM_ROWS;

use super::{Backend, Db};
use domain::event::EventEnvelope;
use domain::ids::{CampaignId, DeviceId, EventId};
use domain::sync::{Cursor, PullPage, TEAM_KINDS, team_json};
use sqlx::Row;
use std::collections::HashSet;

/// How many pushes of this process may wait for PostgreSQL's push lock at once. A push waiting
/// for the lock holds a pooled connection; without a bound, 200 devices pushing at the same
/// instant parked every connection of the pool on the lock, and pulls and token checks queued
/// behind them. More than one, so that the next push is ready the moment the lock is free (and
/// so that concurrent pushes still race in server/tests/sync.rs, which must fail without the
/// lock); the lock itself still orders pushes across processes.
const PUSHERS_AT_THE_LOCK: usize = 3;
static PUSH_GATE: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(PUSHERS_AT_THE_LOCK);

/// What storage did with the events it was given.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Stored {
    /// Newly stored by this call.
    pub new: HashSet<EventId>,
    /// Not stored: another event of the same device already holds that `seq`. A device never
    /// reuses a seq, so this means a corrupt or forged device; the event goes to "À vérifier".
    pub seq_taken: HashSet<EventId>,
}

impl Db {
    /// Stores `events` (already checked) in one statement; an id already stored is left as it is
    /// (the caller reports it as a duplicate). Each row gets its team view's JSON beside the
    /// envelope ([`team_json`]), so pulls never parse what they hand out. How the statement is
    /// written for each backend, and why: [`insert`].
    ///
    /// Everything that can happen outside PostgreSQL's push lock does: the JSON is written before
    /// the statement, and telling duplicates from taken sequence numbers waits until after the
    /// commit (rows are never deleted, so an id seen then was there when the insert skipped it).
    /// The lock itself is taken by the insert statement, which commits on its own: one round trip
    /// under the lock instead of three (lock, insert, commit). A long batch on PostgreSQL is
    /// copied in instead (events/copy.rs), whose cheaper rows are worth those three round trips.
    pub async fn store_events(&self, events: &[&EventEnvelope]) -> Result<Stored, sqlx::Error> {
        let mut stored = Stored::default();
        if events.is_empty() {
            return Ok(stored);
        }
        let rows = events
            .iter()
            .map(|event| insert::EventRow::new(event))
            .collect::<Result<Vec<_>, _>>()?;
        // SQLite is not gated: a push queued here would bind its 4,000 parameters only once the
        // one before it has committed, where SQLite's own lock lets it bind while that one
        // writes (measured: a gate cost more than SQLite's polling for its lock; BENCHMARKS.md).
        let gate = if self.backend() == Backend::Postgres {
            Some(
                PUSH_GATE
                    .acquire()
                    .await
                    .map_err(|e| sqlx::Error::Protocol(e.to_string()))?,
            )
        } else {
            None
        };
        let inserted = self.insert_rows(&rows).await?;
        drop(gate);
        let inserted = match inserted {
            insert::Inserted::All => {
                stored.new = events.iter().map(|e| e.id.clone()).collect();
                return Ok(stored);
            }
            insert::Inserted::Some(ids) => ids,
        };
        let not_inserted: Vec<&EventEnvelope> = events
            .iter()
            .copied()
            .filter(|e| !inserted.contains(e.id.as_str()))
            .collect();
        let already_there = self.existing_ids(&not_inserted).await?;
        for event in events {
            if inserted.contains(event.id.as_str()) {
                stored.new.insert(event.id.clone());
            } else if !already_there.contains(event.id.as_str()) {
                stored.seq_taken.insert(event.id.clone());
            }
        }
        Ok(stored)
    }

    /// Spells the bind parameter number `n` (from 1) of a long statement for this backend.
    ///
    /// PostgreSQL gets `$n`. SQLite gets an anonymous `?`, bound in order: for a numbered one,
    /// sqlx asks SQLite for each parameter's name, and SQLite finds a name by walking the list of
    /// all of them, so a push of 500 events (3,500 parameters) spent half the server's time there
    /// (measured on 2026-11-25: the ingest rate doubled without it; see BENCHMARKS.md).
    fn parameters(&self) -> fn(usize) -> String {
        match self.backend() {
            Backend::Sqlite => |_| "?".to_owned(),
            Backend::Postgres => |n| format!("${n}"),
        }
    }

    async fn existing_ids(
        &self,
        events: &[&EventEnvelope],
    ) -> Result<HashSet<String>, sqlx::Error> {
        if events.is_empty() {
            return Ok(HashSet::new());
        }
        let placeholders: Vec<String> = (1..=events.len()).map(self.parameters()).collect();
        let sql = format!(
            "SELECT id FROM events WHERE id IN ({})",
            placeholders.join(",")
        );
        let mut query = sqlx::query(&sql);
        for event in events {
            query = query.bind(event.id.to_string());
        }
        query
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|row| row.try_get::<String, _>(0))
            .collect()
    }

    /// The rows of one pull page for `device` of `campaign` (`page.limit + 1` at most, see
    /// `PullResponse::more_after`): the team views ([`team_json`]) of the other devices' events
    /// after `page.after`, as stored, for `PullResponse::json_from_rows` to copy.
    pub async fn pull_page_rows(
        &self,
        campaign: &CampaignId,
        device: &DeviceId,
        page: PullPage,
    ) -> Result<Vec<(Cursor, String)>, sqlx::Error> {
        // Walks events_by_campaign from the cursor; rows without a team view are few and skipped.
        let rows = sqlx::query(
            "SELECT position, team_json FROM events \
             WHERE campaign = $1 AND position > $2 AND team_json IS NOT NULL AND device <> $3 \
             ORDER BY position LIMIT $4",
        )
        .bind(campaign.as_str().to_owned())
        .bind(page.after.position().min(i64::MAX as u64) as i64)
        .bind(device.to_string())
        .bind(i64::from(page.limit) + 1)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    Cursor::from_position(row.try_get::<i64, _>(0)?.max(0) as u64),
                    row.try_get::<String, _>(1)?,
                ))
            })
            .collect()
    }

    /// Writes the team view of every stored event of a shared kind that has none yet: rows stored
    /// before migration 0005, or rows whose envelope was rewritten and their view cleared. Runs
    /// when the server opens its database, a page at a time; returns how many rows it filled.
    pub async fn fill_team_views(&self) -> Result<u64, sqlx::Error> {
        let kinds: Vec<String> = (0..TEAM_KINDS.len())
            .map(|i| format!("${}", i + 2))
            .collect();
        let select = format!(
            "SELECT position, envelope FROM events \
             WHERE team_json IS NULL AND position > $1 AND kind IN ({}) \
             ORDER BY position LIMIT 1000",
            kinds.join(",")
        );
        let mut filled = 0;
        let mut after = 0i64;
        loop {
            let mut query = sqlx::query(&select).bind(after);
            for kind in TEAM_KINDS {
                query = query.bind(kind);
            }
            let rows = query.fetch_all(self.pool()).await?;
            let Some(last) = rows.last() else {
                return Ok(filled);
            };
            after = last.try_get(0)?;
            let mut tx = self.pool().begin().await?;
            for row in &rows {
                let position: i64 = row.try_get(0)?;
                let envelope: String = row.try_get(1)?;
                let team = serde_json::from_str::<EventEnvelope>(&envelope)
                    .ok()
                    .and_then(|event| team_json(&event));
                let Some(team) = team else {
                    // Stored events were checked on the way in; one that no longer reads is a
                    // bug to look at, not a reason to stop the server. It stays off the pulls.
                    tracing::error!("event at position {position} does not read; not shared");
                    continue;
                };
                sqlx::query("UPDATE events SET team_json = $1 WHERE position = $2")
                    .bind(team)
                    .bind(position)
                    .execute(&mut *tx)
                    .await?;
                filled += 1;
            }
            tx.commit().await?;
        }
    }

    /// How many events the server holds, for the health check and the tests.
    pub async fn event_count(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM events")
            .fetch_one(self.pool())
            .await
    }

    /// Every event of `campaign` with its position, oldest first: the coordinator's import reads
    /// it page by page.
    pub async fn campaign_events(
        &self,
        campaign: &CampaignId,
        after: Cursor,
        limit: u32,
    ) -> Result<Vec<(Cursor, String)>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT position, envelope FROM events WHERE campaign = $1 AND position > $2 \
             ORDER BY position LIMIT $3",
        )
        .bind(campaign.as_str().to_owned())
        .bind(after.position().min(i64::MAX as u64) as i64)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok((
                    Cursor::from_position(row.try_get::<i64, _>(0)?.max(0) as u64),
                    row.try_get(1)?,
                ))
            })
            .collect()
    }
}
