-- The append-only log of events received from devices; the same columns as the SQLite schema.
CREATE TABLE events (
    -- Server order of arrival: the pull cursor walks this column. Pushes take a transaction-level
    -- advisory lock before inserting, so positions are handed out in commit order (see db/events.rs).
    position    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    device      TEXT NOT NULL,
    seq         BIGINT NOT NULL,
    hlc         TEXT NOT NULL,
    campaign    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    envelope    TEXT NOT NULL,
    received_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    UNIQUE (device, seq)
);
CREATE INDEX events_by_campaign ON events (campaign, position);
