-- Every change to an event (an /editevent save, /capacity, /close, /open) raises its
-- version: an /editevent draft carries the version it started from, and a save of a draft
-- whose event changed meanwhile is refused instead of silently undoing the other change.
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- The outbox learns a third kind: "the event moved" (its time or venue changed), queued
-- for every active registration in the same transaction as the edit. `details` keeps what
-- the event said before (JSON), so the text made at send time can say what was and what
-- is. SQLite cannot change a CHECK in place: the table is made again.
CREATE TABLE notices_new (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('promoted', 'released', 'moved')),
    version         INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    status          TEXT    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sent', 'unreachable', 'failed', 'void')),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    details         TEXT    -- 'moved': {"starts_at": ..., "venue": ...} as the event was
);
INSERT INTO notices_new (id, registration_id, kind, version, attempts, status, created_at,
    updated_at)
SELECT id, registration_id, kind, version, attempts, status, created_at, updated_at
FROM notices;
DROP TABLE notices;
ALTER TABLE notices_new RENAME TO notices;
CREATE INDEX notices_pending ON notices (id) WHERE status = 'pending';
CREATE INDEX notices_registration ON notices (registration_id, kind) WHERE status = 'pending';
