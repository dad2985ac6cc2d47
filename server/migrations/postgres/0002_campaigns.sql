-- Campaigns: a landlord's outreach operation over a territory, for a period.
CREATE TABLE campaigns (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    retention_days BIGINT NOT NULL DEFAULT 1095,
    created_at     TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);
