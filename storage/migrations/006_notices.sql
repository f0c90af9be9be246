-- Every change to a registration raises its version: buttons carry the version they were
-- shown for, so a press on an older one is refused instead of acting on the new state.
ALTER TABLE registrations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- The outbox: what someone must be told about their seat, written in the same
-- transaction as the seat change, sent later by the paced sender, resumed after a
-- restart. The text is made at send time from the row as it is then, and a notice whose
-- news is no longer true is voided instead of sent.
CREATE TABLE notices (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER NOT NULL REFERENCES registrations (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('promoted', 'released')),
    -- the registration's version right after the change: a later change makes it old news
    version         INTEGER NOT NULL,
    -- sends begun: above 1 only when the process died with this notice in flight (it is
    -- then sent again: a repeated "seat freed up" costs less than a lost one)
    attempts        INTEGER NOT NULL DEFAULT 0,
    status          TEXT    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sent', 'unreachable', 'failed', 'void')),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX notices_pending ON notices (id) WHERE status = 'pending';
