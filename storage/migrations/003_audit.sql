-- What organisers did in the admin console: who, which action, on which registration
-- (if any), free-form details, and when (UTC text, fixed width like the ledger).
CREATE TABLE audit (
    id              INTEGER PRIMARY KEY,
    admin_id        INTEGER NOT NULL,
    action          TEXT    NOT NULL,
    registration_id INTEGER REFERENCES registrations (id),
    details         TEXT    NOT NULL DEFAULT '',
    at              TEXT    NOT NULL
);
