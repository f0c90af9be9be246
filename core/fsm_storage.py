"""aiogram FSM storage over the ledger's SQLite file, so a half-filled form survives restarts."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import NextRequestMiddlewareType
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType

from storage.fsm import FormStore


class SQLiteStorage(BaseStorage):
    """Within an update (`batch`), the form's changes are written once, before the
    update's next message goes out (see storage.fsm.FormStore): `attach` the bot whose
    requests are those messages."""

    def __init__(self, store: FormStore) -> None:
        self._store = store
        self._keys = DefaultKeyBuilder(with_destiny=True)
        self._attached: set[int] = set()  # ids of the request middleware managers

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._store.set_state(self._keys.build(key), value)

    async def get_state(self, key: StorageKey) -> str | None:
        return await self._store.get_state(self._keys.build(key))

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._store.set_data(self._keys.build(key), dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return await self._store.get_data(self._keys.build(key))

    def attach(self, bot: Bot) -> None:
        """Write the current update's form changes before each of its Bot API requests
        (once per session's middleware manager; a no-op outside an update's batch)."""
        manager = bot.session.middleware
        if id(manager) not in self._attached:
            self._attached.add(id(manager))
            manager(self._before_request)

    def batch(self) -> AbstractAsyncContextManager[None]:
        """Around one update's handling (see storage.fsm.FormStore.batch)."""
        return self._store.batch()

    async def _before_request(self, make_request: NextRequestMiddlewareType[TelegramType],
                              bot: Bot, method: TelegramMethod[TelegramType],
                              ) -> Response[TelegramType]:
        await self._store.before_sending()
        return await make_request(bot, method)

    async def close(self) -> None:
        """The database belongs to the application; it closes it. What is still held
        (the id of a question sent last) is written now."""
        await self._store.write_held()
