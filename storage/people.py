"""People's own settings, apart from any registration: the language they chose (see
migration 007). Which languages exist is the caller's business (storage knows no catalogs)."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.models import to_db

CACHE_LIMIT = 10_000  # people kept in memory; past it the copy starts again empty


class People:
    """Read on every update (the language middleware), written only through here by the one
    process that polls the bot: a write-through copy spares a database trip per update.
    The table (only those who chose a language) is read whole at the first miss, so
    someone never seen before costs no read either, while it fits in the copy."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._known: dict[int, str | None] = {}
        self._loaded = False
        self._complete = False  # every row is in the copy: a miss means no choice
        self._telegram: dict[int, str] = {}  # Telegram's language_code, as last seen

    def seen(self, user_id: int, code: str | None) -> None:
        """Remember the Telegram language an update came with (memory only), for messages
        the bot starts itself: they have no update to read it from."""
        if code:
            if len(self._telegram) >= CACHE_LIMIT and user_id not in self._telegram:
                self._telegram.clear()
            self._telegram[user_id] = code

    async def reader_language(self, user_id: int) -> str | None:
        """The language to write to someone outside an update (an organiser's notices):
        their choice, else their Telegram language if seen this run, else the language of
        their latest registration; None: the caller's default."""
        chosen = await self.language(user_id)
        if chosen is not None:
            return chosen
        if user_id in self._telegram:
            return self._telegram[user_id]
        row = await self.db.fetchone("SELECT language FROM registrations WHERE user_id = ?"
                                     " ORDER BY id DESC LIMIT 1", (user_id,))
        return None if row is None else str(row["language"])

    async def language(self, user_id: int) -> str | None:
        """The language this person chose, or None if they never did."""
        if user_id in self._known:
            return self._known[user_id]
        if self._complete:
            return None
        if not self._loaded:
            await self._load()
            if user_id in self._known or self._complete:
                return self._known.get(user_id)
        row = await self.db.fetchone("SELECT language FROM people WHERE user_id = ?", (user_id,))
        if len(self._known) >= CACHE_LIMIT:
            self._known.clear()
            self._complete = False
        # setdefault: a choice made while this read waited is newer.
        return self._known.setdefault(user_id, None if row is None else str(row["language"]))

    async def _load(self) -> None:
        self._loaded = True
        rows = await self.db.fetchall("SELECT user_id, language FROM people LIMIT ?",
                                      (CACHE_LIMIT,))
        if len(rows) >= CACHE_LIMIT:
            return  # too many to keep: read person by person
        for row in rows:
            # setdefault: a choice or an erasure made while the read waited is newer.
            self._known.setdefault(int(row["user_id"]), str(row["language"]))
        self._complete = True

    async def forget(self, user_id: int) -> None:
        """/forget_me: the choice is about a person too."""
        await self.db.execute("DELETE FROM people WHERE user_id = ?", (user_id,))
        self._known[user_id] = None  # not popped: the copy may be the whole table
        self._telegram.pop(user_id, None)

    async def choose(self, user_id: int, language: str, now: datetime) -> None:
        """Remember the choice and move the person's active registrations to it, together:
        reminders, promotions and broadcasts read the registration's language."""
        stamp = to_db(now)
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO people (user_id, language, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET language = excluded.language,"
                " updated_at = excluded.updated_at",
                (user_id, language, stamp))
            await conn.execute(
                "UPDATE registrations SET language = ? WHERE user_id = ? AND status = 'active'",
                (language, user_id))
        self._known[user_id] = language  # after the commit: the copy follows the table


async def known_chats(db: Database) -> list[tuple[int, str]]:
    """The chats of people registered (not erased), with their language: a sandbox run
    again on the same database knows them again (they stay reachable)."""
    rows = await db.fetchall("SELECT chat_id, language FROM registrations"
                             " WHERE erased_at IS NULL AND chat_id > 0"
                             " GROUP BY chat_id ORDER BY chat_id")
    return [(int(r["chat_id"]), str(r["language"])) for r in rows]
