"""Key-value rows for conversation state; the aiogram adapter lives in core/fsm_storage.py."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from storage.database import Database
from storage.models import to_db

Row = tuple[str | None, str]  # (state, data as JSON), as stored
EMPTY: Row = (None, "{}")  # what a finished conversation leaves: no row at all
CACHE_LIMIT = 10_000  # rows kept in memory; past it the copy starts again empty

# updated_at: when the person last answered; unfinished forms expire after a while.
_UPSERT = ("INSERT INTO fsm (key, state, data, updated_at) VALUES (?, ?, ?, ?)"
           " ON CONFLICT (key) DO UPDATE SET state = excluded.state, data = excluded.data,"
           " updated_at = excluded.updated_at")
_DELETE = "DELETE FROM fsm WHERE key = ?"


class _Update:
    """One update's handling, inside FormStore.batch()."""

    def __init__(self) -> None:
        self.changed: set[str] = set()  # keys changed since its last message went out
        self.sent = False  # a message went out (held changes were written before it)


_UPDATE: ContextVar[_Update | None] = ContextVar("fsm_update", default=None)


class FormStore:
    """Every read is answered from a write-through copy of the rows: conversation state is
    written only through this store, by the one process polling the bot (Telegram allows
    one poller per token), so the copy is the table. The whole table (half-filled forms
    only: finished ones leave no row) is read once, at the first miss, so a person never
    seen before costs no read either. Each copy update directly follows its statement (no
    await in between), so it keeps the database's order.

    Inside `batch()` (one update's handling) changes are held and each changed key is
    written once, as one statement (the state and the data together), right before the
    update's next message goes out (`before_sending`): what the person is shown never runs
    ahead of the stored form. What changes after the last message of an update (the id of
    the question just sent) is held until the person's next change, which writes it along,
    or until `write_held` (at shutdown). A form step is then one round trip instead of
    three (answer, next state, the question's message id). Emptying a conversation
    (finishing or dropping the form) is written at once, so a failure to do so reaches the
    caller that asked for it."""

    def __init__(self, db: Database,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._db = db
        self._clock = clock
        # When each held change was made: a change written later (at the next message or
        # at shutdown) keeps its own time, so a restart does not make a form look fresh.
        self._changed_at: dict[str, datetime] = {}
        self._rows: dict[str, Row | None] = {}  # None: no row
        self._held: dict[str, tuple[Row | None, Row]] = {}  # key -> (as stored, now)
        self._loaded = False  # the table was read whole once
        self._complete = False  # every row is in the copy: a miss means no row

    async def get_state(self, key: str) -> str | None:
        row = await self._row(key)
        return None if row is None else row[0]

    async def set_state(self, key: str, state: str | None) -> None:
        row = await self._row(key)
        await self._put(key, row, (state, EMPTY[1] if row is None else row[1]))

    async def get_data(self, key: str) -> dict[str, Any]:
        row = await self._row(key)
        return {} if row is None else dict(json.loads(row[1]))

    async def set_data(self, key: str, data: dict[str, Any]) -> None:
        row = await self._row(key)
        text = json.dumps(data, ensure_ascii=False)
        await self._put(key, row, (None if row is None else row[0], text))

    @asynccontextmanager
    async def batch(self) -> AsyncIterator[None]:
        """Around one update's handling (nested: the outer one counts). An update that
        sends nothing writes its changes when it ends (also when it fails: what was set
        stays set)."""
        if _UPDATE.get() is not None:
            yield
            return
        update = _UPDATE.set(_Update())
        try:
            yield
        finally:
            current = _UPDATE.get()
            _UPDATE.reset(update)
            if current is not None and not current.sent:
                await self._write_held(current.changed)

    async def before_sending(self) -> None:
        """A message of the current update is about to go out: write its changes first."""
        current = _UPDATE.get()
        if current is None:
            return
        current.sent = True
        if current.changed:
            keys, current.changed = current.changed, set()
            await self._write_held(keys)

    async def write_held(self) -> None:
        """Write every held change (at shutdown)."""
        await self._write_held(set(self._held))

    async def forget(self, fragment: str) -> int:
        """Erase every conversation whose key contains `fragment` (a person's ids): the
        rows, the copy in memory, and changes held for them."""
        pattern = "%" + fragment.replace("%", "").replace("_", r"\_") + "%"
        removed = await self._db.execute(r"DELETE FROM fsm WHERE key LIKE ? ESCAPE '\'",
                                         (pattern,), private=True)
        for key in [k for k in self._rows if fragment in k]:
            self._rows[key] = None
        for key in [k for k in self._held if fragment in k]:
            del self._held[key]
            self._changed_at.pop(key, None)
        return removed

    async def expire(self, before: datetime) -> int:
        """Erase every conversation last written before `before` (an abandoned form)."""
        rows = await self._db.write_returning(
            "DELETE FROM fsm WHERE updated_at < ? RETURNING key", (to_db(before),))
        return self._drop([str(r["key"]) for r in rows])

    async def forget_event(self, event_id: int) -> int:
        """Erase every unfinished form for this event (its retention has come)."""
        rows = await self._db.write_returning(
            "DELETE FROM fsm WHERE json_valid(data)"
            " AND json_extract(data, '$.event') = ? RETURNING key", (event_id,))
        return self._drop([str(r["key"]) for r in rows])

    def _drop(self, keys: list[str]) -> int:
        for key in keys:
            if key in self._rows:
                self._rows[key] = None
            self._held.pop(key, None)
            self._changed_at.pop(key, None)
        return len(keys)

    async def _put(self, key: str, old: Row | None, new: Row) -> None:
        """Change one key: held inside a batch, else (and when emptied) written now."""
        stored: Row | None = None if new == EMPTY else new
        if stored == old:
            return  # nothing changes: no statement
        current = _UPDATE.get()
        held = self._held.pop(key, None)
        self._changed_at[key] = self._clock()
        if current is not None and stored is not None:
            self._held[key] = (old if held is None else held[0], stored)
            current.changed.add(key)
            self._remember(key, stored)
            return
        if current is not None:
            current.changed.discard(key)
        if stored is None and held is not None and held[0] is None:
            self._changed_at.pop(key, None)
            self._remember(key, None)  # never stored: nothing to delete
            return
        try:
            await self._write(key, stored)
        except BaseException:
            if held is not None:  # not written: still to write
                self._held[key] = held
            raise
        self._remember(key, stored)

    async def _write(self, key: str, row: Row | None) -> None:
        changed = self._changed_at.get(key) or self._clock()
        if row is None:
            await self._db.execute(_DELETE, (key,), private=True)
        else:
            await self._db.execute(_UPSERT, (key, row[0], row[1], to_db(changed)),
                                   private=True)
        if self._changed_at.get(key) is changed:
            del self._changed_at[key]

    async def _write_held(self, keys: set[str]) -> None:
        for key in sorted(keys):
            held = self._held.pop(key, None)
            if held is None:
                continue  # written along with a later change, or forgotten
            stored, now = held
            if now == stored:
                self._changed_at.pop(key, None)
                continue  # changed and changed back
            try:
                await self._write(key, now)
            except BaseException:
                # Not written: the copy goes back to the table (the form stays where it
                # was stored, as if this change had never been asked for).
                self._rows[key] = stored
                raise

    def _remember(self, key: str, row: Row | None) -> None:
        if key not in self._rows and len(self._rows) >= CACHE_LIMIT:
            self._rows.clear()
            self._complete = False
            # Held changes are not in the table yet: they stay.
            self._rows.update((k, held[1]) for k, held in self._held.items())
        self._rows[key] = row

    async def _row(self, key: str) -> Row | None:
        if key in self._rows:
            return self._rows[key]
        if self._complete:
            return None
        if not self._loaded:
            await self._load()
            if key in self._rows or self._complete:
                return self._rows.get(key)
        found = await self._db.fetchone("SELECT state, data FROM fsm WHERE key = ?", (key,))
        row = None if found is None else (found["state"], str(found["data"]))
        self._remember(key, row)
        return row

    async def _load(self) -> None:
        """Read the whole table once (the writer's connection, in its turn: no change of
        this process can fall between the read and the copy)."""
        self._loaded = True
        rows = await self._db.write_returning("SELECT key, state, data FROM fsm")
        if len(rows) >= CACHE_LIMIT:
            return  # too many to keep: read key by key
        for found in rows:
            key = str(found["key"])
            if key not in self._rows:  # a change made while the read waited is newer
                self._rows[key] = (found["state"], str(found["data"]))
        self._complete = True
