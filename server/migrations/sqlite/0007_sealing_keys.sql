-- Each campaign's P-256 key pair for sealed kiosk records (server/src/sealing.rs): kiosks seal
-- sign-ups and callback requests with the public key, only the server opens them. Made on first
-- need; the private key never leaves this table (back it up like the rest of the database: a
-- lost key means sealed records still waiting on kiosks can no longer be opened).
CREATE TABLE sealing_keys (
    campaign      TEXT PRIMARY KEY REFERENCES campaigns (id),
    -- base64url of the raw (uncompressed, 65-byte) public point, as devices receive it.
    public_key    TEXT NOT NULL,
    -- base64url of the 32-byte private scalar.
    private_key   TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL
);
