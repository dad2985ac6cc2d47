-- What the rest of the team may pull of each event, as JSON written once at push time; the same
-- column as the SQLite schema (see migrations/sqlite/0005_team_json.sql).
ALTER TABLE events ADD COLUMN team_json TEXT;
-- No index of its own: a pull walks events_by_campaign (campaign, position) from its cursor and
-- skips the few rows that stay on the server; a partial index on shared rows would cost every
-- push one more index insert, under the push lock on PostgreSQL, for little gain on pulls.
