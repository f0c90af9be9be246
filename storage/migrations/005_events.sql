-- Events as data: one bot and one database hold a series of events. Every registration,
-- campaign and audit row belongs to one event. Rows made before this migration belong to
-- event 1, a placeholder without a slug that the config's (first) event adopts at start.
-- Runs with foreign keys off (storage/db.py), checked with foreign_key_check before COMMIT.
CREATE TABLE events (
    id                INTEGER PRIMARY KEY,
    slug              TEXT UNIQUE,  -- used in links; NULL only for the placeholder
    source            TEXT    NOT NULL CHECK (source IN ('config', 'chat')),
    definition        TEXT    NOT NULL DEFAULT '{}',  -- the event's settings as JSON
    starts_at         TEXT,         -- UTC, fixed width: string order is time order
    capacity          INTEGER NOT NULL DEFAULT 0,     -- the definition's room size
    capacity_override INTEGER,      -- /capacity; cleared when the config's size changes
    intake            TEXT    NOT NULL DEFAULT 'open'
        CHECK (intake IN ('open', 'online-only', 'closed')),
    sequence          INTEGER NOT NULL DEFAULT 0,     -- raised when time or venue change
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
INSERT INTO events (id, slug, source, capacity_override, intake, created_at, updated_at)
VALUES (1, NULL, 'config',
        (SELECT CAST(value AS INTEGER) FROM event_settings WHERE key = 'capacity'),
        COALESCE((SELECT value FROM event_settings WHERE key = 'intake'), 'open'),
        strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'),
        strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'));
DROP TABLE event_settings;

-- One registration per person per event (the same person may attend several events).
CREATE TABLE registrations_new (
    id             INTEGER PRIMARY KEY,
    event_id       INTEGER NOT NULL REFERENCES events (id),
    user_id        INTEGER NOT NULL,
    chat_id        INTEGER NOT NULL,
    language       TEXT    NOT NULL,
    full_name      TEXT    NOT NULL,
    organisation   TEXT    NOT NULL,
    role           TEXT    NOT NULL,
    phone          TEXT,
    format         TEXT    NOT NULL CHECK (format IN ('offline', 'online')),
    status         TEXT    NOT NULL CHECK (status IN ('active', 'cancelled')),
    waitlisted_at  TEXT,
    entry_code     TEXT UNIQUE,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    cancelled_at   TEXT,
    checked_in_at  TEXT,
    unreachable_at TEXT,
    queue_no       INTEGER,
    UNIQUE (event_id, user_id),
    CHECK (entry_code IS NULL OR format = 'offline'),
    CHECK (waitlisted_at IS NULL OR format = 'online')
);
INSERT INTO registrations_new (id, event_id, user_id, chat_id, language, full_name,
    organisation, role, phone, format, status, waitlisted_at, entry_code, created_at,
    updated_at, cancelled_at, checked_in_at, unreachable_at, queue_no)
SELECT id, 1, user_id, chat_id, language, full_name, organisation, role, phone, format,
    status, waitlisted_at, entry_code, created_at, updated_at, cancelled_at, checked_in_at,
    unreachable_at, queue_no FROM registrations;
DROP TABLE registrations;
ALTER TABLE registrations_new RENAME TO registrations;
CREATE INDEX registrations_seats ON registrations (event_id, status, format);
CREATE INDEX registrations_user ON registrations (user_id);
CREATE UNIQUE INDEX registrations_queue_no ON registrations (queue_no)
    WHERE queue_no IS NOT NULL;

-- A campaign's recipients are one event's registrations. Reminder keys name the event.
ALTER TABLE campaigns ADD COLUMN event_id INTEGER REFERENCES events (id);
-- A broadcast inviting past participants carries a button that opens this event.
ALTER TABLE campaigns ADD COLUMN invite_event INTEGER REFERENCES events (id);
UPDATE campaigns SET event_id = 1;
UPDATE deliveries SET campaign = 'reminder:1:' || substr(campaign, 10)
    WHERE campaign LIKE 'reminder:%';
UPDATE campaigns SET key = 'reminder:1:' || substr(key, 10) WHERE key LIKE 'reminder:%';

ALTER TABLE audit ADD COLUMN event_id INTEGER REFERENCES events (id);
UPDATE audit SET event_id = 1;

-- The event each organiser is working on in the console (/events chooses it).
CREATE TABLE admin_event (
    admin_id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id)
);
