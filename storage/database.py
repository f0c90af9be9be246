"""The SQLite file of one process: a writer connection shared by the ledger, the outbox and
the FSM store, and a reader connection beside it.

aiosqlite runs one connection on one thread, so a transaction opened by one coroutine
would swallow statements of another: a lock serialises the writer's statement groups.
Reads go to the reader connection, so they never wait behind a write (WAL lets readers see
the last commit while a writer works); across processes, BEGIN IMMEDIATE and the busy
timeout do the writer's job. A database still busy after the busy timeout is tried again
(with a log line) instead of failing the person's update.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from storage.db import BUSY_TIMEOUT_MS, CountedConnection, connect, open_connection
from storage.walclean import WalCleaner

log = logging.getLogger(__name__)
Params = Sequence[Any] | dict[str, Any]
T = TypeVar("T")
BUSY_RETRIES = 3  # after the busy timeout itself: about 2 minutes in all


# What SQLite says when the file cannot take a write now: nothing wrong with the request.
_UNAVAILABLE = ("locked", "busy", "readonly", "read-only", "disk is full", "disk i/o error",
                "unable to open")


class StorageUnavailable(Exception):
    """The database cannot be written (or read) right now: read-only, full, failing, or
    locked by another process for too long. What was committed before stays committed."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def busy(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and (
        "locked" in str(exc) or "busy" in str(exc))


async def _patient(path: Path, what: str, busy_s: float,
                   attempt: Callable[[], Awaitable[T]]) -> T:
    """Retry while another process holds the write lock; a file that cannot be used
    raises StorageUnavailable."""
    for tries in range(BUSY_RETRIES + 1):
        try:
            return await attempt()
        except sqlite3.OperationalError as exc:
            if busy(exc) and tries < BUSY_RETRIES:
                log.warning("database busy for %.1f s (another process holds the write "
                            "lock); %s: trying again", busy_s, what)
                continue
            if any(word in str(exc).lower() for word in _UNAVAILABLE):
                raise StorageUnavailable(path, str(exc)) from exc
            raise
    raise AssertionError("unreachable")  # the loop returns or raises


class Database:
    def __init__(self, conn: CountedConnection, reader: CountedConnection,
                 path: Path, busy_ms: int = BUSY_TIMEOUT_MS) -> None:
        self._conn = conn
        self._reader = reader
        self._lock = asyncio.Lock()
        self.path = path
        self._busy_s = busy_ms / 1000
        # Raised by every write except those that declare they leave other reads true
        # (conversation state, which its store copies): a copy of a read taken at an
        # older generation may be out of date (services/registration.py keeps them per update).
        self.generation = 0
        self.wal = WalCleaner(path)  # after erasures; never on the writer's lock

    def _patient(self, what: str, attempt: Callable[[], Awaitable[T]]) -> Awaitable[T]:
        return _patient(self.path, what, self._busy_s, attempt)

    @classmethod
    async def open(cls, path: Path, busy_ms: int = BUSY_TIMEOUT_MS) -> Database:
        writer = await connect(path, busy_ms)  # creates and migrates
        try:
            reader = open_connection(path)
            await reader
            reader.row_factory = aiosqlite.Row
            await reader.execute(f"PRAGMA busy_timeout = {busy_ms}")
            await reader.execute("PRAGMA query_only = ON")
        except BaseException:
            await writer.close()
            raise
        return cls(writer, reader, path, busy_ms)

    @property
    def trips(self) -> int:
        """Round trips into aiosqlite's threads so far, writer and reader together (each
        execute, fetch, cursor close or commit is one): what an update costs in SQLite."""
        return self._conn.trips + self._reader.trips

    async def close(self) -> None:
        await self.wal.stop()
        async with self._lock:
            await self._conn.close()
            await self._reader.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE takes the write lock up front: every read inside sees the final truth.
        Anything failing inside, the COMMIT included, rolls the whole group back."""
        async with self._lock:
            await self._patient("BEGIN", lambda: self._conn.execute("BEGIN IMMEDIATE"))
            self.generation += 1
            try:
                yield self._conn
                await self._patient("COMMIT", lambda: self._conn.execute("COMMIT"))
            except BaseException:
                if self._conn.in_transaction:
                    await self._conn.execute("ROLLBACK")
                raise

    async def execute(self, sql: str, params: Params = (), *, private: bool = False) -> int:
        """One autocommitted statement; returns the number of rows changed. `private`:
        only its caller reads what it changes (the generation stays)."""
        async def attempt() -> int:
            # One trip: the rows changed are read from the cursor (no trip), and the
            # cursor is not closed (that would be a second trip): it holds no statement
            # once the write is done and is freed with its last reference.
            cur = await self._conn.execute(sql, params)
            return cur.rowcount

        async with self._lock:
            if not private:
                self.generation += 1
            return await self._patient(sql[:40], attempt)

    async def checkpoint(self) -> None:
        """Copy the WAL into the database and truncate it: after an erasure, the old pages
        must not linger in the log file (storage/walclean.py: nobody waits for it)."""
        await self.wal.checkpoint()

    async def write_returning(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        """One autocommitted write with RETURNING: its rows."""
        async with self._lock:
            self.generation += 1
            return list(await self._patient(
                sql[:40], lambda: self._conn.execute_fetchall(sql, params)))

    async def fetchone(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        """A read: one statement sees one snapshot, and never waits for a writer."""
        rows = await self._patient(sql[:40],
                                   lambda: self._reader.execute_fetchall(sql, params))
        return next(iter(rows), None)

    async def fetchall(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        return list(await self._patient(sql[:40],
                                        lambda: self._reader.execute_fetchall(sql, params)))
