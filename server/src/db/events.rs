//! The event log: storing pushed events exactly once, and reading pages for pulls.
//!
//! Positions and commit order: a pull hands out rows by increasing `position` and the device then
//! asks only for positions after the last one it saw. That is safe only if no row can become
//! visible later with a smaller position. SQLite has one writer at a time, so it holds. PostgreSQL
//! takes identity values before commit, so two concurrent pushes could commit out of order; every
//! push therefore takes a transaction-level advisory lock first, which makes "take positions,
//! commit" one critical section: positions become visible in increasing order. Pushes are short
//! (one multi-row insert), so the lock costs little (see BENCHMARKS.md for the ingest figures).

use super::{Backend, Db};
use domain::event::EventEnvelope;
use domain::ids::{CampaignId, DeviceId, EventId};
use domain::sync::{Cursor, PullPage, PullResponse, TEAM_KINDS, team_view};
use sqlx::Row;
use std::collections::HashSet;
use std::fmt::Write as _;

/// Any constant identifies the lock; this one spells "PALI".
const PUSH_LOCK_KEY: i64 = 0x5041_4c49;

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
    /// Stores `events` (already checked) in one transaction; an id already stored is left as it is
    /// (the caller reports it as a duplicate).
    pub async fn store_events(&self, events: &[&EventEnvelope]) -> Result<Stored, sqlx::Error> {
        let mut stored = Stored::default();
        if events.is_empty() {
            return Ok(stored);
        }
        let mut tx = self.pool().begin().await?;
        if self.backend() == Backend::Postgres {
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(PUSH_LOCK_KEY)
                .execute(&mut *tx)
                .await?;
        }
        let mut sql = String::from(
            "INSERT INTO events (id, device, seq, hlc, campaign, kind, envelope) VALUES ",
        );
        let param = self.parameters();
        for i in 0..events.len() {
            let p = i * 7;
            let sep = if i == 0 { "" } else { "," };
            let _ = write!(
                sql,
                "{sep}({},{},{},{},{},{},{})",
                param(p + 1),
                param(p + 2),
                param(p + 3),
                param(p + 4),
                param(p + 5),
                param(p + 6),
                param(p + 7)
            );
        }
        sql.push_str(" ON CONFLICT DO NOTHING RETURNING id");
        let mut query = sqlx::query(&sql);
        for event in events {
            let envelope =
                serde_json::to_string(event).map_err(|e| sqlx::Error::Encode(e.into()))?;
            query = query
                .bind(event.id.to_string())
                .bind(event.device.to_string())
                .bind(event.seq as i64)
                .bind(event.hlc.to_string())
                .bind(event.campaign.as_str().to_owned())
                .bind(event.body.kind().to_owned())
                .bind(envelope);
        }
        let inserted: HashSet<String> = query
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|row| row.try_get::<String, _>(0))
            .collect::<Result<_, _>>()?;
        let not_inserted: Vec<&EventEnvelope> = events
            .iter()
            .copied()
            .filter(|e| !inserted.contains(e.id.as_str()))
            .collect();
        let already_there = self.existing_ids(&mut tx, &not_inserted).await?;
        tx.commit().await?;
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
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
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
            .fetch_all(&mut **tx)
            .await?
            .iter()
            .map(|row| row.try_get::<String, _>(0))
            .collect()
    }

    /// One pull page for `device` of `campaign`: the other devices' events the team may see
    /// ([`team_view`]), after `page.after`.
    pub async fn pull_page(
        &self,
        campaign: &CampaignId,
        device: &DeviceId,
        page: PullPage,
    ) -> Result<PullResponse, sqlx::Error> {
        // Every kind the team may see, as placeholders $5, $6…: the list grows with the domain.
        let kinds: Vec<String> = (0..TEAM_KINDS.len())
            .map(|i| format!("${}", i + 5))
            .collect();
        let sql = format!(
            "SELECT position, envelope FROM events \
             WHERE campaign = $1 AND device <> $2 AND position > $3 AND kind IN ({}) \
             ORDER BY position LIMIT $4",
            kinds.join(",")
        );
        let mut query = sqlx::query(&sql)
            .bind(campaign.as_str().to_owned())
            .bind(device.to_string())
            .bind(page.after.position().min(i64::MAX as u64) as i64)
            .bind(i64::from(page.limit) + 1);
        for kind in TEAM_KINDS {
            query = query.bind(kind);
        }
        let rows = query.fetch_all(self.pool()).await?;
        let mut page_rows = Vec::with_capacity(rows.len());
        for row in &rows {
            let position = Cursor::from_position(row.try_get::<i64, _>(0)?.max(0) as u64);
            let envelope: String = row.try_get(1)?;
            match serde_json::from_str::<EventEnvelope>(&envelope) {
                Ok(event) => {
                    if let Some(view) = team_view(&event) {
                        page_rows.push((position, view));
                    }
                }
                // Stored events were checked on the way in; a row that no longer reads is a bug
                // to look at, not a reason to stop every device's sync.
                Err(e) => tracing::error!("event at position {position} does not read: {e}"),
            }
        }
        Ok(PullResponse::from_rows(page, page_rows))
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
