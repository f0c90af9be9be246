-- After the event (issue 23): certificates of attendance anyone can verify, and the
-- feedback poll's answers. Both belong to a registration: retention and /forget_me erase
-- them with it (storage/privacy.py). "Who came" needs no column: checked_in_at is set at
-- the door for a seat and by "Join now" for an online participant.
CREATE TABLE certificates (
    registration_id INTEGER PRIMARY KEY REFERENCES registrations (id),
    code            TEXT    NOT NULL UNIQUE,  -- in the verification link
    full_name       TEXT    NOT NULL,         -- as printed (the person may correct it once)
    corrected_at    TEXT,                     -- the one correction
    issued_at       TEXT                      -- the PDF was sent; the name is final
);

CREATE TABLE feedback (
    registration_id INTEGER PRIMARY KEY REFERENCES registrations (id),
    poll_id         TEXT    UNIQUE,           -- Telegram's, to match the poll_answer
    rating          INTEGER CHECK (rating BETWEEN 1 AND 5),
    comment         TEXT,
    answered_at     TEXT
);
