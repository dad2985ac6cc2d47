//! PostgreSQL's cheapest way in for a fresh batch: `COPY events … FROM STDIN` in binary.
//!
//! `COPY` skips the executor's per-row work of an `INSERT … SELECT` (the `unnest` of eight
//! arrays, a projection and a tuple slot per row), and binary rows need no parsing of escapes:
//! each value is its length and its bytes. Like the plain insert ([`super::insert`]), it fails as
//! a whole on the first id already stored or sequence number already taken, having stored
//! nothing; the caller then inserts the batch again the conflict-aware way.
//!
//! `COPY` cannot take the push lock itself, so it runs in a transaction that takes the lock first
//! (the identity values are drawn by the copy, after the lock, as in the insert) and reads the
//! reception time once, with the lock, instead of computing the column's default for every row.
//! That is three round trips under the lock instead of one (lock, copy, commit), a fraction of a
//! millisecond on the same host against the batch's work; small pushes keep the one-statement
//! insert ([`COPY_FROM_ROWS`]).

use super::insert::{EventRow, PUSH_LOCK_KEY};
use sqlx::{Connection as _, PgPool};

/// Batches at least this long go in with `COPY`; shorter ones with the one-statement insert, whose
/// single round trip under the lock matters more than per-row work when there are few rows
/// (a crowd of devices pushing three visits each waits for the lock one push after another).
pub const COPY_FROM_ROWS: usize = 50;

/// The lock, then the reception time as the column's default would write it
/// (migrations/postgres/0001_events.sql): `now()` is the transaction's start, the same for every
/// row.
const LOCK_AND_TIME: &str = "\
SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') \
FROM (SELECT pg_advisory_xact_lock($1)) AS push_lock";

const COPY: &str = "COPY events (id, device, seq, hlc, campaign, kind, envelope, team_json, \
                    received_at) FROM STDIN (FORMAT binary)";

/// Stores every row of `rows` in one transaction, or nothing (a unique violation when one is
/// already there).
pub(super) async fn copy_rows(pool: &PgPool, rows: &[EventRow<'_>]) -> Result<(), sqlx::Error> {
    let mut conn = pool.acquire().await?;
    let mut tx = conn.begin().await?;
    let received_at: String = sqlx::query_scalar(LOCK_AND_TIME)
        .bind(PUSH_LOCK_KEY)
        .fetch_one(&mut *tx)
        .await?;
    let data = binary_rows(rows, &received_at);
    let mut copy = tx.copy_in_raw(COPY).await?;
    copy.send(data).await?;
    copy.finish().await?;
    tx.commit().await
}

/// Nine values per row, in [`COPY`]'s order.
const COLUMNS: i16 = 9;

/// The rows in PostgreSQL's binary copy format: a header, then per row the number of values and
/// each value as its length (-1 for NULL) and its bytes (text as UTF-8, bigint as 8 bytes
/// big-endian), then -1.
fn binary_rows(rows: &[EventRow<'_>], received_at: &str) -> Vec<u8> {
    let per_row = rows.first().map_or(0, |row| 256 + row.envelope.len() * 2);
    let mut out = Vec::with_capacity(19 + rows.len() * per_row + 2);
    out.extend_from_slice(b"PGCOPY\n\xff\r\n\0");
    out.extend_from_slice(&0i32.to_be_bytes()); // flags: no OIDs
    out.extend_from_slice(&0i32.to_be_bytes()); // no header extension
    let text = |out: &mut Vec<u8>, value: &str| {
        out.extend_from_slice(&(value.len() as i32).to_be_bytes());
        out.extend_from_slice(value.as_bytes());
    };
    for row in rows {
        let event = row.event;
        out.extend_from_slice(&COLUMNS.to_be_bytes());
        text(&mut out, event.id.as_str());
        text(&mut out, event.device.as_str());
        out.extend_from_slice(&8i32.to_be_bytes());
        out.extend_from_slice(&(event.seq as i64).to_be_bytes());
        text(&mut out, &row.hlc);
        text(&mut out, event.campaign.as_str());
        text(&mut out, event.body.kind());
        text(&mut out, &row.envelope);
        match &row.team {
            Some(team) => text(&mut out, team),
            None => out.extend_from_slice(&(-1i32).to_be_bytes()),
        }
        text(&mut out, received_at);
    }
    out.extend_from_slice(&(-1i16).to_be_bytes());
    out
}
