-- The organiser's own form (issue 21): answers to an event's own questions, as JSON keyed
-- by question id (the built-in name, organisation, role, phone keep their columns). NULL:
-- none asked, or erased.
ALTER TABLE registrations ADD COLUMN answers TEXT;

-- Approval (an event with `approval = true`): a confirmed form waits here for an
-- organiser, holding no seat and no place in the queue, getting no reminders. Approve
-- moves it into registrations (the seat rule at that moment), decline deletes it; both
-- in one transaction. Erasure deletes these rows too.
CREATE TABLE pending (
    id              INTEGER PRIMARY KEY,
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
