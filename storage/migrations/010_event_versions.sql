-- Every change to an event (an /editevent save, /capacity, /close, /open) raises its
-- version: an /editevent draft carries the version it started from, and a save of a draft
-- whose event changed meanwhile is refused instead of silently undoing the other change.
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- The outbox becomes the one mailer for every message that is not a reply: besides the
-- seat notices it carries "the event moved" (queued for every active registration in the
-- same transaction as the edit), "an organiser did this to your registration" ('told'),
-- and messages to organisers ('organiser': the retention warning, a broadcast's report),
-- which have a chat but no registration. `details` (JSON) keeps what the text is made of:
-- for 'moved' what the event said before, for 'told' the catalog key, for 'organiser' the
-- key, its arguments, the language and the buttons. SQLite cannot change a CHECK or a NOT
-- NULL in place: the table is made again.
CREATE TABLE notices_new (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER REFERENCES registrations (id),  -- NULL: to an organiser
    kind            TEXT    NOT NULL
        CHECK (kind IN ('promoted', 'released', 'moved', 'told', 'organiser')),
    version         INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    status          TEXT    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sent', 'unreachable', 'failed', 'void')),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    chat_id         INTEGER,  -- the organiser's chat, for kind 'organiser'
    details         TEXT,
    CHECK ((registration_id IS NULL) = (kind = 'organiser')),
    CHECK (kind <> 'organiser' OR chat_id IS NOT NULL)
);
INSERT INTO notices_new (id, registration_id, kind, version, attempts, status, created_at,
    updated_at)
SELECT id, registration_id, kind, version, attempts, status, created_at, updated_at
FROM notices;
DROP TABLE notices;
ALTER TABLE notices_new RENAME TO notices;
CREATE INDEX notices_pending ON notices (id) WHERE status = 'pending';
CREATE INDEX notices_registration ON notices (registration_id, kind) WHERE status = 'pending';
