"""Key-value rows for conversation state; the aiogram adapter lives in bot/fsm_storage.py."""

from __future__ import annotations

import json
from typing import Any

from storage.database import Database


class FormStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get_state(self, key: str) -> str | None:
        row = await self._db.fetchone("SELECT state FROM fsm WHERE key = ?", (key,))
        return None if row is None else row["state"]

    async def set_state(self, key: str, state: str | None) -> None:
        await self._db.execute(
            "INSERT INTO fsm (key, state) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET state = excluded.state",
            (key, state),
        )
        await self._forget_if_empty(key)

    async def get_data(self, key: str) -> dict[str, Any]:
        row = await self._db.fetchone("SELECT data FROM fsm WHERE key = ?", (key,))
        return {} if row is None else dict(json.loads(row["data"]))

    async def set_data(self, key: str, data: dict[str, Any]) -> None:
        await self._db.execute(
            "INSERT INTO fsm (key, data) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET data = excluded.data",
            (key, json.dumps(data, ensure_ascii=False)),
        )
        await self._forget_if_empty(key)

    async def _forget_if_empty(self, key: str) -> None:
        # Finished conversations leave no rows behind.
        await self._db.execute(
            "DELETE FROM fsm WHERE key = ? AND state IS NULL AND data = '{}'", (key,)
        )
