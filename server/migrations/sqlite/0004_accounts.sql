-- Coordinators: the landlord's team members who sign in to the coordination screen. The first one
-- is created on the command line (`palier-server admin create`).
CREATE TABLE coordinators (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Trimmed and lower-cased (domain::accounts::coordinator_email): one account per address,
    -- whatever the case it is typed in.
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    -- argon2id PHC string, parameters and salt included; never the password.
    password_hash TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL
);

-- Signed-in browsers. The cookie holds a random session id; only its SHA-256 is stored, so a
-- copy of the database does not sign anyone in.
CREATE TABLE coordinator_sessions (
    id_hash       TEXT PRIMARY KEY,
    coordinator   INTEGER NOT NULL REFERENCES coordinators (id) ON DELETE CASCADE,
    -- Sent back by the page in X-CSRF-Token; useless without the cookie, so kept as is.
    csrf_token    TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    last_seen_ms  BIGINT NOT NULL
);
CREATE INDEX coordinator_sessions_by_last_seen ON coordinator_sessions (last_seen_ms);
