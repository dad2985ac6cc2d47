//! The one statement that stores a push's events, as each backend takes it cheapest.
//!
//! Measured on the ingest benchmark (4 devices pushing batches of 500, BENCHMARKS.md), where the
//! server's and the database's CPU per event is what sets the rate:
//!
//! - A fresh batch is inserted without `ON CONFLICT`: PostgreSQL then checks each unique index
//!   once, while the insert inserts, instead of probing every unique index first and inserting
//!   after (about a tenth of PostgreSQL's time in the ingest, under the push lock), and neither
//!   backend has to hand back the ids it stored: a plain insert that succeeds stored every row.
//!   Only a batch holding an id already stored, or a sequence number already taken, fails with a
//!   unique violation; it is then inserted again with `ON CONFLICT DO NOTHING RETURNING id`, as
//!   before. A failed statement stores nothing, so the answers are the same either way.
//! - PostgreSQL gets each column as one text parameter, the values joined by a separator no value
//!   can hold, and splits them with `string_to_array` inside the statement: nine parameters (the
//!   lock's key and eight columns) instead of 4,001, one statement text whatever the batch size
//!   (prepared once per connection), and no 500-row `VALUES` list to parse, plan and initialise.
//!   The reception time is formatted once per statement instead of once per row.
//! - On PostgreSQL a batch of at least [`COPY_FROM_ROWS`](super::copy::COPY_FROM_ROWS) events
//!   is copied in instead ([`super::copy`]); the statement below stores the shorter ones and is
//!   the fallback of both.
//! - SQLite gets anonymous `?` parameters (see [`Db::parameters`](super::Db)), bound from borrowed
//!   text: nothing is copied before sqlx copies it for SQLite's worker thread.

use super::super::{Backend, Db};
use domain::event::EventEnvelope;
use sqlx::Row as _;
use std::collections::HashSet;
use std::fmt::Write as _;

/// Any constant identifies the lock; this one spells "PALI".
pub(super) const PUSH_LOCK_KEY: i64 = 0x5041_4c49;

/// Separates the values of one column in PostgreSQL's parameters: ASCII "record separator".
/// JSON escapes every control character inside strings and never writes one outside them, and
/// ids, device ids, clock stamps, campaign ids and kinds are plain printable ASCII, so no stored
/// value can hold it.
const SEPARATOR: char = '\u{1e}';

/// One event as it is written: the texts the server makes for it, made before any lock is taken.
pub(super) struct EventRow<'a> {
    pub event: &'a EventEnvelope,
    /// The envelope as stored and handed to coordinators.
    pub envelope: String,
    /// The team view's JSON ([`domain::sync::team_json`]), `None` when it stays on the server.
    pub team: Option<String>,
    pub hlc: String,
}

impl<'a> EventRow<'a> {
    pub fn new(event: &'a EventEnvelope) -> Result<EventRow<'a>, sqlx::Error> {
        Ok(EventRow {
            event,
            envelope: serde_json::to_string(event).map_err(|e| sqlx::Error::Encode(e.into()))?,
            team: domain::sync::team_json(event),
            hlc: event.hlc.to_string(),
        })
    }
}

/// What the insert stored.
pub(super) enum Inserted {
    /// Every row: the plain insert went through.
    All,
    /// These ids only; the others were already stored or their sequence number is taken.
    Some(HashSet<String>),
}

impl Db {
    /// Inserts `rows` in one statement that commits on its own (on PostgreSQL it takes the push
    /// lock itself; the caller holds the gate to it). A long batch on PostgreSQL goes in with
    /// `COPY` ([`super::copy`]) instead of the plain insert; either stores all or nothing, and a
    /// unique violation falls back to the same conflict-aware insert.
    pub(super) async fn insert_rows(&self, rows: &[EventRow<'_>]) -> Result<Inserted, sqlx::Error> {
        let fresh = match self.copy_pool() {
            Some(pool) if rows.len() >= super::copy::COPY_FROM_ROWS => {
                super::copy::copy_rows(pool, rows).await
            }
            _ => self.try_insert(rows, false).await.map(|_| ()),
        };
        match fresh {
            Ok(()) => Ok(Inserted::All),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                let ids = self.try_insert(rows, true).await?;
                Ok(Inserted::Some(ids))
            }
            Err(e) => Err(e),
        }
    }

    /// The statement, plain (`skip_stored` false: fails on any stored id or taken sequence number,
    /// answers nothing) or skipping the rows already there and answering the ids it stored.
    async fn try_insert(
        &self,
        rows: &[EventRow<'_>],
        skip_stored: bool,
    ) -> Result<HashSet<String>, sqlx::Error> {
        let tail = if skip_stored {
            " ON CONFLICT DO NOTHING RETURNING id"
        } else {
            ""
        };
        let columns = match self.backend() {
            Backend::Postgres => postgres_columns(rows),
            Backend::Sqlite => Vec::new(),
        };
        let sql = match self.backend() {
            Backend::Postgres => format!("{POSTGRES_INSERT}{tail}"),
            Backend::Sqlite => sqlite_insert(rows.len(), tail),
        };
        let mut query = sqlx::query(&sql);
        match self.backend() {
            Backend::Postgres => {
                query = query.bind(PUSH_LOCK_KEY);
                for column in &columns {
                    query = query.bind(column.as_str());
                }
            }
            Backend::Sqlite => {
                for row in rows {
                    let event = row.event;
                    query = query
                        .bind(event.id.as_str())
                        .bind(event.device.as_str())
                        .bind(event.seq as i64)
                        .bind(row.hlc.as_str())
                        .bind(event.campaign.as_str())
                        .bind(event.body.kind())
                        .bind(row.envelope.as_str())
                        .bind(row.team.as_deref());
                }
            }
        }
        if !skip_stored {
            query.execute(self.pool()).await?;
            return Ok(HashSet::new());
        }
        query
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|row| row.try_get::<String, _>(0))
            .collect()
    }
}

/// The lock is taken by a `MATERIALIZED` CTE that every inserted row is joined with, so no
/// identity value is drawn before the lock is held; the reception time is the column's default
/// (migrations/postgres/0001_events.sql), computed once for the statement: `now()` is the same
/// for every row of a transaction anyway.
const POSTGRES_INSERT: &str = "\
WITH push_lock AS MATERIALIZED (\
    SELECT pg_advisory_xact_lock($1), \
           to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS received_at) \
INSERT INTO events (id, device, seq, hlc, campaign, kind, envelope, team_json, received_at) \
SELECT v.id, v.device, v.seq::bigint, v.hlc, v.campaign, v.kind, v.envelope, v.team_json, \
       push_lock.received_at \
FROM push_lock CROSS JOIN unnest(\
    string_to_array($2, chr(30)), string_to_array($3, chr(30)), string_to_array($4, chr(30)), \
    string_to_array($5, chr(30)), string_to_array($6, chr(30)), string_to_array($7, chr(30)), \
    string_to_array($8, chr(30)), string_to_array($9, chr(30), '')\
) AS v (id, device, seq, hlc, campaign, kind, envelope, team_json)";

/// The eight columns of [`POSTGRES_INSERT`], each as one text of the rows' values joined by
/// [`SEPARATOR`]; an event without a team view has an empty one, read back as NULL.
fn postgres_columns(rows: &[EventRow<'_>]) -> Vec<String> {
    let mut columns: Vec<String> = [40, 40, 8, 64, 16, 20, 500, 500]
        .iter()
        .map(|per_row| String::with_capacity(per_row * rows.len()))
        .collect();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            for column in &mut columns {
                column.push(SEPARATOR);
            }
        }
        let event = row.event;
        columns[0].push_str(event.id.as_str());
        columns[1].push_str(event.device.as_str());
        let _ = write!(columns[2], "{}", event.seq);
        columns[3].push_str(&row.hlc);
        columns[4].push_str(event.campaign.as_str());
        columns[5].push_str(event.body.kind());
        columns[6].push_str(&row.envelope);
        columns[7].push_str(row.team.as_deref().unwrap_or(""));
    }
    columns
}

/// SQLite's multi-row insert of `rows` rows, then `tail`.
fn sqlite_insert(rows: usize, tail: &str) -> String {
    const HEAD: &str =
        "INSERT INTO events (id, device, seq, hlc, campaign, kind, envelope, team_json) VALUES ";
    const ROW: &str = "(?,?,?,?,?,?,?,?)";
    let mut sql = String::with_capacity(HEAD.len() + rows * (ROW.len() + 1) + tail.len());
    sql.push_str(HEAD);
    for i in 0..rows {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str(ROW);
    }
    sql.push_str(tail);
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_stored_text_can_hold_the_separator() {
        // The separator inside a note comes out of the JSON escaped, not as itself.
        let text = serde_json::to_string(&format!("a{SEPARATOR}b")).unwrap();
        assert!(!text.contains(SEPARATOR));
        assert!(text.contains("\\u001e"));
    }

    #[test]
    fn sqlite_statement_has_eight_anonymous_parameters_per_row() {
        let sql = sqlite_insert(3, "");
        assert_eq!(sql.matches('?').count(), 24);
        assert!(sql.ends_with("(?,?,?,?,?,?,?,?),(?,?,?,?,?,?,?,?),(?,?,?,?,?,?,?,?)"));
    }
}
