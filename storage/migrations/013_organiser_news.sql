-- What participants did that their organisers are told of (issue 19): a cancellation, a
-- "No, free my seat" answer, an erasure. Each is an audit row with admin_id 0 (the
-- person, not an organiser), so /log lists it; told_at is when the organisers' digest
-- carried it (NULL: still to be told; the outbox sends it, resumed after a restart).
ALTER TABLE audit ADD COLUMN told_at TEXT;
CREATE INDEX audit_untold ON audit (id) WHERE admin_id = 0 AND told_at IS NULL;
