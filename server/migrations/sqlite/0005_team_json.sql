-- What the rest of the team may pull of each event (domain::sync::team_view), as the JSON a pull
-- hands out, written once at push time: a pull then copies stored text instead of parsing,
-- stripping and re-serialising every envelope (about 9 µs an event; see BENCHMARKS.md).
-- NULL when the event stays on the server only (sign-ups, field notes, ...). Rows stored before
-- this column existed are filled by the server when it opens the database (db/events.rs,
-- fill_team_views): a team kind with a NULL here means "not computed yet".
ALTER TABLE events ADD COLUMN team_json TEXT;
-- No index of its own: a pull walks events_by_campaign (campaign, position) from its cursor and
-- skips the few rows that stay on the server; a partial index on shared rows would cost every
-- push one more index insert, under the push lock on PostgreSQL, for little gain on pulls.
