-- A forgotten PIN on a tablet (domain::at_rest::recovery): when a coordinator allowed that
-- device to open its sealed copy of its data key, once, for a few minutes. NULL: not allowed, or
-- the permission was used.
ALTER TABLE devices ADD COLUMN recovery_allowed_at_ms BIGINT;
