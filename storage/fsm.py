"""Key-value rows for conversation state; the aiogram adapter lives in bot/fsm_storage.py."""

from __future__ import annotations

import json
from typing import Any

from storage.database import Database

Row = tuple[str | None, str]  # (state, data as JSON), as stored
CACHE_LIMIT = 10_000  # rows kept in memory; past it the copy starts again empty


class FormStore:
    """Every read is answered from a write-through copy of the rows once a key was read or
    written: conversation state is written only through this store, by the one process
    polling the bot (Telegram allows one poller per token), so the copy is the table. Each
    copy update directly follows its statement (no await in between), so it keeps the
    database's order."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._rows: dict[str, Row | None] = {}  # None: no row

    async def get_state(self, key: str) -> str | None:
        row = await self._row(key)
        return None if row is None else row[0]

    async def set_state(self, key: str, state: str | None) -> None:
        await self._db.execute(
            "INSERT INTO fsm (key, state) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET state = excluded.state",
            (key, state),
        )
        if key in self._rows:
            row = self._rows[key]
            self._rows[key] = (state, "{}" if row is None else row[1])
        if state is None:  # only a cleared state can leave the row empty
            await self._forget_if_empty(key)

    async def get_data(self, key: str) -> dict[str, Any]:
        row = await self._row(key)
        return {} if row is None else dict(json.loads(row[1]))

    async def set_data(self, key: str, data: dict[str, Any]) -> None:
        text = json.dumps(data, ensure_ascii=False)
        await self._db.execute(
            "INSERT INTO fsm (key, data) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET data = excluded.data",
            (key, text),
        )
        if key in self._rows:
            row = self._rows[key]
            self._rows[key] = (None if row is None else row[0], text)
        if not data:  # only cleared data can leave the row empty
            await self._forget_if_empty(key)

    async def forget(self, fragment: str) -> int:
        """Erase every conversation whose key contains `fragment` (a person's ids): the
        rows and the copy in memory."""
        pattern = "%" + fragment.replace("%", "").replace("_", r"\_") + "%"
        removed = await self._db.execute(r"DELETE FROM fsm WHERE key LIKE ? ESCAPE '\'",
                                         (pattern,))
        for key in [k for k in self._rows if fragment in k]:
            self._rows[key] = None
        return removed

    async def _row(self, key: str) -> Row | None:
        if key in self._rows:
            return self._rows[key]
        found = await self._db.fetchone("SELECT state, data FROM fsm WHERE key = ?", (key,))
        row = None if found is None else (found["state"], str(found["data"]))
        if len(self._rows) >= CACHE_LIMIT:
            self._rows.clear()
        self._rows[key] = row
        return row

    async def _forget_if_empty(self, key: str) -> None:
        # Finished conversations leave no rows behind.
        if await self._db.execute(
            "DELETE FROM fsm WHERE key = ? AND state IS NULL AND data = '{}'", (key,)
        ):
            self._rows[key] = None
