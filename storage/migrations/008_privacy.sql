-- Personal data handled lawfully: consent before any personal question (its time and the
-- notice's version are kept with the registration), and erasure that leaves only
-- non-identifying counts (who: nobody; what: how many, when, why).
ALTER TABLE registrations ADD COLUMN consent_at TEXT;
ALTER TABLE registrations ADD COLUMN consent_version TEXT;
ALTER TABLE registrations ADD COLUMN erased_at TEXT;

CREATE TABLE erasures (
    id        INTEGER PRIMARY KEY,
    reason    TEXT    NOT NULL CHECK (reason IN ('forget-me', 'retention')),
    event_id  INTEGER REFERENCES events (id),  -- retention: whose event; forget-me: none
    rows      INTEGER NOT NULL,                -- registrations erased
    at        TEXT    NOT NULL
);

-- Retention: the organisers were reminded (the day before) that this event's data goes.
ALTER TABLE events ADD COLUMN retention_warned_at TEXT;
ALTER TABLE events ADD COLUMN erased_at TEXT;
