-- Campaigns: a landlord's outreach operation over a territory, for a period.
CREATE TABLE campaigns (
    -- Short stable id ([a-z0-9-], see domain::ids::CampaignId), chosen by the coordinator.
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    -- How long residents' personal details are kept after the last contact (default 3 years).
    retention_days INTEGER NOT NULL DEFAULT 1095,
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
