-- A campaign is one reminder (key 'reminder:<before>s-<audience>') or one broadcast
-- ('broadcast:<n>'). Its recipients are fixed when it opens; the deliveries rows are the
-- record of what was sent: APScheduler's jobs are only wake-up timers.
CREATE TABLE campaigns (
    key         TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('reminder', 'broadcast')),
    audience    TEXT NOT NULL,
    body        TEXT,            -- broadcast text (HTML); reminders render per person
    created_by  INTEGER,         -- admin user id for broadcasts
    language    TEXT,            -- the admin's language, for the final report
    state       TEXT NOT NULL CHECK (state IN ('running', 'done', 'skipped')),
    opened_at   TEXT NOT NULL,
    finished_at TEXT
);

CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    campaign        TEXT    NOT NULL REFERENCES campaigns (key),
    registration_id INTEGER NOT NULL REFERENCES registrations (id),
    status          TEXT    NOT NULL
        CHECK (status IN ('pending', 'sent', 'unreachable', 'failed', 'skipped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    message_id      INTEGER,
    error           TEXT,
    answer          TEXT,        -- 'yes' / 'no' to "still coming?"
    updated_at      TEXT    NOT NULL,
    UNIQUE (campaign, registration_id)
);
CREATE INDEX deliveries_pending ON deliveries (campaign, status);
