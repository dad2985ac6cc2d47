-- The territory a coordinator attached to each campaign (server/src/db/territories.rs): the
-- résidences of the dwelling files attached so far, merged into one JSON document
-- (`domain::territory::Territory`), which every enrolled tablet fetches when its version changes.
-- Campaign content, not events: the log stays small, and attaching a file again changes nothing.
CREATE TABLE campaign_territories (
    campaign      TEXT PRIMARY KEY REFERENCES campaigns (id),
    -- `domain::campaign_territory::version` of `document`: pull answers name it.
    version       TEXT NOT NULL,
    document      TEXT NOT NULL,
    residences    BIGINT NOT NULL,
    buildings     BIGINT NOT NULL,
    entrances     BIGINT NOT NULL,
    doors         BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    -- The name of the coordinator who attached the last file.
    updated_by    TEXT NOT NULL
);
