-- Coordinators and their signed-in browsers; the same columns as the SQLite schema.
CREATE TABLE coordinators (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Trimmed and lower-cased (domain::accounts::coordinator_email).
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    -- argon2id PHC string, parameters and salt included; never the password.
    password_hash TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL
);

-- Only the SHA-256 of the session id is stored: a copy of the database signs nobody in.
CREATE TABLE coordinator_sessions (
    id_hash       TEXT PRIMARY KEY,
    coordinator   BIGINT NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    csrf_token    TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    last_seen_ms  BIGINT NOT NULL
);
CREATE INDEX coordinator_sessions_by_last_seen ON coordinator_sessions (last_seen_ms);
