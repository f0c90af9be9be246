-- Approval's decisions go through the outbox (issue 21): the news of an approval is
-- written in the same transaction as the approval ('approved', about the registration it
-- made: its text is made at send time from the row as it is then), and a decline's in the
-- decline's ('declined': no registration is left, so like a message to an organiser it
-- has a chat and its letter in `details`, and the event it is about in `event_id`, which
-- retention erases it by). A kill -9 between the decision and the send loses neither.
-- SQLite cannot change a CHECK in place: the table is made again.
CREATE TABLE notices_new (
    id              INTEGER PRIMARY KEY,
    registration_id INTEGER REFERENCES registrations (id),  -- NULL: 'organiser', 'declined'
    kind            TEXT    NOT NULL CHECK (kind IN (
        'promoted', 'released', 'moved', 'told', 'organiser', 'approved', 'declined')),
    version         INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    status          TEXT    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sent', 'unreachable', 'failed', 'void')),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    chat_id         INTEGER,  -- the chat, for 'organiser' and 'declined'
    details         TEXT,
    event_id        INTEGER REFERENCES events (id),  -- for 'declined'
    CHECK ((registration_id IS NULL) = (kind IN ('organiser', 'declined'))),
    CHECK (kind NOT IN ('organiser', 'declined') OR chat_id IS NOT NULL),
    CHECK (kind <> 'declined' OR event_id IS NOT NULL)
);
INSERT INTO notices_new (id, registration_id, kind, version, attempts, status, created_at,
    updated_at, chat_id, details)
SELECT id, registration_id, kind, version, attempts, status, created_at, updated_at, chat_id,
    details
FROM notices;
DROP TABLE notices;
ALTER TABLE notices_new RENAME TO notices;
CREATE INDEX notices_pending ON notices (id) WHERE status = 'pending';
CREATE INDEX notices_registration ON notices (registration_id, kind) WHERE status = 'pending';

-- A waiting form's id is in its Approve / Decline buttons, which stay in the other
-- organisers' chats and in /pending lists after it is decided: a plain INTEGER PRIMARY KEY
-- reuses the id of a deleted row (the largest, or 1 once the table is empty), so such a
-- stale button decided a newer form of someone else. AUTOINCREMENT never reuses one.
CREATE TABLE pending_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id        INTEGER NOT NULL REFERENCES events (id),
    user_id         INTEGER NOT NULL,
    chat_id         INTEGER NOT NULL,
    language        TEXT    NOT NULL,
    full_name       TEXT    NOT NULL,
    organisation    TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    phone           TEXT,
    answers         TEXT,
    consent_at      TEXT,
    consent_version TEXT,
    wants           TEXT    NOT NULL CHECK (wants IN ('offline', 'online')),
    created_at      TEXT    NOT NULL,
    UNIQUE (event_id, user_id)
);
INSERT INTO pending_new SELECT id, event_id, user_id, chat_id, language, full_name,
    organisation, role, phone, answers, consent_at, consent_version, wants, created_at
FROM pending;
DROP TABLE pending;
ALTER TABLE pending_new RENAME TO pending;
