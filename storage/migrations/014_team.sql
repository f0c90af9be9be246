-- The team: per event, organisers and door staff added from the chat (owners stay the
-- config's telegram.admins). A removed member's row stays (removed_at) so the audit and
-- "checked in by" keep a name until the event's retention erases the event's team.
CREATE TABLE team (
    event_id   INTEGER NOT NULL REFERENCES events (id),
    user_id    INTEGER NOT NULL,
    role       TEXT    NOT NULL CHECK (role IN ('organiser', 'door')),
    name       TEXT    NOT NULL DEFAULT '',
    added_by   INTEGER NOT NULL,
    added_at   TEXT    NOT NULL,
    removed_at TEXT,
    PRIMARY KEY (event_id, user_id)
);
CREATE INDEX team_user ON team (user_id);

-- One-time invitation links (https://t.me/<bot>?start=join_<token>).
CREATE TABLE team_invites (
    token      TEXT    PRIMARY KEY,
    event_id   INTEGER NOT NULL REFERENCES events (id),
    role       TEXT    NOT NULL CHECK (role IN ('organiser', 'door')),
    created_by INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    used_by    INTEGER,
    used_at    TEXT,
    revoked_at TEXT
);
CREATE INDEX team_invites_event ON team_invites (event_id);

-- Who checked the person in (an owner's or a team member's Telegram id).
ALTER TABLE registrations ADD COLUMN checked_in_by INTEGER;
