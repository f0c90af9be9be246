-- Registrations: one row per Telegram user; re-registering after a cancel reuses the row.
CREATE TABLE registrations (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL UNIQUE,
    chat_id       INTEGER NOT NULL,
    language      TEXT    NOT NULL,
    full_name     TEXT    NOT NULL,
    organisation  TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    phone         TEXT,
    format        TEXT    NOT NULL CHECK (format IN ('offline', 'online')),
    status        TEXT    NOT NULL CHECK (status IN ('active', 'cancelled')),
    -- set while an online participant queues for an offline seat (FIFO by this time, then id)
    waitlisted_at TEXT,
    entry_code    TEXT UNIQUE,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    cancelled_at  TEXT,
    checked_in_at TEXT,
    unreachable_at TEXT,
    CHECK (entry_code IS NULL OR format = 'offline'),
    CHECK (waitlisted_at IS NULL OR format = 'online')
);
CREATE INDEX registrations_seats ON registrations (status, format);
CREATE INDEX registrations_queue ON registrations (waitlisted_at, id) WHERE waitlisted_at IS NOT NULL;

-- Organiser overrides of config values (capacity, open/closed); absent key = config value.
CREATE TABLE event_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- aiogram FSM state, so a half-filled form survives a restart.
CREATE TABLE fsm (
    key   TEXT PRIMARY KEY,
    state TEXT,
    data  TEXT NOT NULL DEFAULT '{}'
);

-- Group chats already told that the bot works in private only.
CREATE TABLE groups_told (
    chat_id INTEGER PRIMARY KEY
);
