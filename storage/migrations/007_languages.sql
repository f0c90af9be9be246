-- The language each person chose with /language. It wins over Telegram's language_code
-- from then on; a person without a row gets their language_code (or the default).
CREATE TABLE people (
    user_id    INTEGER PRIMARY KEY,
    language   TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
