-- Waitlist order as an explicit number: two joins can share a timestamp (same microsecond,
-- or a clock that does not move), and then the row id would decide, which is not FIFO
-- for someone who re-registered. queue_no is set exactly when waitlisted_at is.
ALTER TABLE registrations ADD COLUMN queue_no INTEGER;
UPDATE registrations SET queue_no = (
    SELECT COUNT(*) FROM registrations q
    WHERE q.waitlisted_at IS NOT NULL
      AND (q.waitlisted_at, q.id) <= (registrations.waitlisted_at, registrations.id)
) WHERE waitlisted_at IS NOT NULL;
CREATE UNIQUE INDEX registrations_queue_no ON registrations (queue_no) WHERE queue_no IS NOT NULL;
