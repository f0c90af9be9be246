"""aiogram FSM storage over the ledger's SQLite file, so a half-filled form survives restarts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey

from storage.fsm import FormStore


class SQLiteStorage(BaseStorage):
    def __init__(self, store: FormStore) -> None:
        self._store = store
        self._keys = DefaultKeyBuilder(with_destiny=True)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._store.set_state(self._keys.build(key), value)

    async def get_state(self, key: StorageKey) -> str | None:
        return await self._store.get_state(self._keys.build(key))

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._store.set_data(self._keys.build(key), dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return await self._store.get_data(self._keys.build(key))

    async def close(self) -> None:
        """The database belongs to the application; it closes it."""
