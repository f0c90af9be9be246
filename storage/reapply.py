"""A restore never brings back someone erased since the backup was taken: before the
backup replaces the database, the erasures the database records (rows whose personal data
is gone, events erased by retention) are read; after, each one the backup predates is
made again in the restored file. Ids are enough: a registration is the same one when its
id and creation time match (an unrelated database's rows are left alone).

Plain sqlite3 (the `restore` command runs no event loop); the statements are the ones
storage/privacy.py erases with."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage.privacy import ANONYMISE, SCRUB


@dataclass
class Erasures:
    """What the database being replaced had erased."""

    rows: list[dict[str, Any]] = field(default_factory=list)  # erased registrations, whole
    forgotten: set[int] = field(default_factory=set)  # of those, ids erased by /forget_me
    events: dict[str, str] = field(default_factory=dict)  # slug -> erased_at (retention)
    log: list[tuple[Any, ...]] = field(default_factory=list)  # the erasures table


def read(path: Path) -> Erasures:
    """The erasures recorded in the database at `path` (none when there is no file, or it
    is from before erasure existed)."""
    found = Erasures()
    if not path.is_file():
        return found
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        columns = {r["name"] for r in conn.execute("PRAGMA table_info(registrations)")}
        if "erased_at" not in columns:
            return found
        found.rows = [dict(r) for r in conn.execute(
            "SELECT * FROM registrations WHERE erased_at IS NOT NULL")]
        found.events = {r["slug"]: r["erased_at"] for r in conn.execute(
            "SELECT slug, erased_at FROM events WHERE erased_at IS NOT NULL"
            " AND slug IS NOT NULL")}
        by_retention = {(r["id"], r["erased_at"]) for r in conn.execute(
            "SELECT id, erased_at FROM events WHERE erased_at IS NOT NULL")}
        found.forgotten = {r["id"] for r in found.rows
                           if (r["event_id"], r["erased_at"]) not in by_retention}
        found.log = [tuple(r) for r in conn.execute(
            "SELECT reason, event_id, rows, at FROM erasures ORDER BY id")]
    return found


def reapply(conn: sqlite3.Connection, erasures: Erasures) -> int:
    """In the restored database (migrated, no transaction open): make again every erasure
    it predates, in one transaction. Returns the registrations erased again."""
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA secure_delete = ON")  # the old bytes are zeroed, not freed
    columns = {r["name"] for r in conn.execute("PRAGMA table_info(registrations)")}
    again = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for row in erasures.rows:
            found = conn.execute(
                "SELECT user_id FROM registrations WHERE id = ? AND created_at = ?"
                " AND erased_at IS NULL", (row["id"], row["created_at"])).fetchone()
            if found is None:
                continue  # erased in the backup already, or not the same registration
            where, params = "id = :id", {"id": row["id"], "stamp": row["erased_at"]}
            for statement in SCRUB:
                conn.execute(statement.format(where=where), params)
            # The row as the database knew it after the erasure (cancelled, seat freed).
            kept = {k: v for k, v in row.items() if k in columns and k != "id"}
            conn.execute(f"UPDATE registrations SET {', '.join(f'{k} = ?' for k in kept)}"
                         " WHERE id = ?", (*kept.values(), row["id"]))
            if row["id"] in erasures.forgotten:  # the person, not only the event
                user = int(found["user_id"])
                conn.execute("DELETE FROM people WHERE user_id = ?", (user,))
                conn.execute("DELETE FROM pending WHERE user_id = ?", (user,))
                conn.execute("DELETE FROM notices WHERE kind = 'declined' AND chat_id = ?",
                             (user,))
                conn.execute(r"DELETE FROM fsm WHERE key LIKE ? ESCAPE '\'",
                             (f"%:{user}:{user}:%",))
            again += 1
        for slug, stamp in erasures.events.items():
            event = conn.execute("SELECT id FROM events WHERE slug = ? AND erased_at IS NULL",
                                 (slug,)).fetchone()
            if event is None:
                continue
            where = "event_id = :event AND erased_at IS NULL"
            params = {"event": event["id"], "stamp": stamp}
            for statement in SCRUB:
                conn.execute(statement.format(where=where), params)
            again += conn.execute(f"{ANONYMISE} WHERE {where}", params).rowcount
            conn.execute("UPDATE events SET erased_at = :stamp WHERE id = :event", params)
            conn.execute("DELETE FROM pending WHERE event_id = :event", params)
            conn.execute("DELETE FROM notices WHERE kind = 'declined' AND event_id = :event",
                         params)
            conn.execute("DELETE FROM fsm WHERE json_valid(data)"
                         " AND json_extract(data, '$.event') = ?", (event["id"],))
        latest = conn.execute("SELECT max(at) FROM erasures").fetchone()[0] or ""
        for reason, event_slug_id, rows, at in erasures.log:
            if at > latest:  # recorded after the backup: the log says so too
                conn.execute("INSERT INTO erasures (reason, event_id, rows, at) VALUES"
                             " (?, (SELECT id FROM events WHERE id = ?), ?, ?)",
                             (reason, event_slug_id, rows, at))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return again
