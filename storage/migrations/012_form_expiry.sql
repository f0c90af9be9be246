-- Unfinished forms expire ([privacy] form_expiry after the last answer): each row keeps
-- when it was last written. Rows from before this migration count from now.
ALTER TABLE fsm ADD COLUMN updated_at TEXT;
UPDATE fsm SET updated_at = strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now');
