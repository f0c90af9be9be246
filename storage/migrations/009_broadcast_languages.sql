-- A broadcast written once per language: {"kk": html, "ru": html, ...}. `body` stays the
-- text for everyone (NULL when only language versions were written); kept with the
-- campaign so a broadcast resumed after a restart still sends each reader their version.
ALTER TABLE campaigns ADD COLUMN bodies TEXT;
