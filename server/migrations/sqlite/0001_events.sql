-- The append-only log of events received from devices. One row per event, whatever the number
-- of times a device sends it: the event id (UUIDv7, made on the device) is the key.
CREATE TABLE events (
    -- Server order of arrival: the pull cursor walks this column.
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The event's own id; unique so that a retried push stores nothing twice.
    id          TEXT NOT NULL UNIQUE,
    -- The device that recorded it and its per-device sequence number (no gaps, starts at 1).
    device      TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    -- Hybrid logical clock as its sortable text form: orders edits across devices.
    hlc         TEXT NOT NULL,
    campaign    TEXT NOT NULL,
    -- The body's wire name (FieldNoteRecorded, ...), to filter without parsing JSON.
    kind        TEXT NOT NULL,
    -- The whole envelope as the device sent it, in the domain's JSON shape.
    envelope    TEXT NOT NULL,
    received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (device, seq)
);
CREATE INDEX events_by_campaign ON events (campaign, position);
