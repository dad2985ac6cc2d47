-- One-time enrollment codes a coordinator shows as a QR code and as a short code to type.
CREATE TABLE enrollment_codes (
    -- Canonical form (8 base-32 symbols, no dash): see domain::enrollment::EnrollmentCode.
    code          TEXT PRIMARY KEY,
    campaign      TEXT NOT NULL REFERENCES campaigns (id),
    -- Milliseconds since 1970 (UTC), like every time the server compares.
    created_at_ms BIGINT NOT NULL,
    used_at_ms    BIGINT,
    used_by       TEXT
);

-- Devices enrolled in a campaign. A device keeps its id for life; enrolling again (after a
-- revocation, or into another campaign) replaces its token.
CREATE TABLE devices (
    id             TEXT PRIMARY KEY,
    campaign       TEXT NOT NULL REFERENCES campaigns (id),
    label          TEXT NOT NULL,
    -- SHA-256 of the token, hex: the token itself is never stored.
    token_hash     TEXT NOT NULL UNIQUE,
    enrolled_at_ms BIGINT NOT NULL,
    revoked_at_ms  BIGINT,
    last_seen_ms   BIGINT
);
