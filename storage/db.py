"""Opening the SQLite file: pragmas and numbered migrations."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sqlite3
from collections.abc import Iterable
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite
from aiosqlite.context import Result

from storage.private import create_file, make_folders

BUSY_TIMEOUT_MS = 30_000


class CountedConnection(aiosqlite.Connection):
    """An aiosqlite connection that counts its round trips: each public call that puts one
    job on the worker thread's queue (an execute, an execute_fetchall, a commit) adds one.
    Only aiosqlite's public methods are overridden, so a release that changes its
    internals cannot break this. Rows come back with execute_fetchall (one trip for the
    statement and its rows); a fetch from a cursor (only the config sync at start-up does
    one) is not counted. It shows where the statements of an update go
    (Database.trips, the round-trip test)."""

    trips = 0

    # Each returns aiosqlite's Result (awaitable, and usable with `async with`) as is:
    # the call is the trip.
    def execute(self, *args: Any, **kwargs: Any) -> Result[aiosqlite.Cursor]:
        self.trips += 1
        return super().execute(*args, **kwargs)

    def execute_fetchall(self, *args: Any, **kwargs: Any) -> Result[Iterable[sqlite3.Row]]:
        self.trips += 1
        return super().execute_fetchall(*args, **kwargs)

    def execute_insert(self, *args: Any, **kwargs: Any) -> Result[sqlite3.Row | None]:
        self.trips += 1
        return super().execute_insert(*args, **kwargs)

    def executemany(self, *args: Any, **kwargs: Any) -> Result[aiosqlite.Cursor]:
        self.trips += 1
        return super().executemany(*args, **kwargs)

    async def commit(self) -> None:
        self.trips += 1
        await super().commit()

    async def rollback(self) -> None:
        self.trips += 1
        await super().rollback()


def open_connection(path: Path) -> CountedConnection:
    """Like aiosqlite.connect(path, isolation_level=None) (we issue BEGIN ourselves);
    await it to connect."""
    return CountedConnection(partial(sqlite3.connect, str(path), isolation_level=None),
                             iter_chunk_size=64)


def _migrations() -> list[tuple[int, str]]:
    found = []
    for item in resources.files("storage.migrations").iterdir():
        match = re.fullmatch(r"(\d+)_\w+\.sql", item.name)
        if match:
            found.append((int(match.group(1)), item.read_text(encoding="utf-8")))
    return sorted(found)


class StorageError(Exception):
    """The database file cannot be used as it is. The message names the path, what is
    wrong and what to do; the caller adds how to point the bot elsewhere."""

    def __init__(self, path: Path, problem: str, fix: str) -> None:
        super().__init__(f"cannot use {path}: {problem}; {fix}")
        self.path, self.problem, self.fix = path, problem, fix


# SQLite's primary result codes that mean "this file, as it is, will not do" (the rest,
# e.g. a constraint failing in a migration, is a bug and keeps its traceback).
_READONLY, _CANTOPEN, _CORRUPT, _NOTADB, _PERM, _FULL, _IOERR = 8, 14, 11, 26, 3, 13, 10


async def connect(path: Path, busy_ms: int = BUSY_TIMEOUT_MS) -> CountedConnection:
    """Open (creating the folder) and migrate. isolation_level=None: we issue BEGIN ourselves.
    A file or folder that cannot be used raises StorageError, never a bare sqlite3 error."""
    _make_folder(path)
    if _is_dir(path):  # SQLite would only say "unable to open database file"
        raise StorageError(path, "it is a folder, not a file",
                           f"name a file inside it, like {path / 'regbot.sqlite3'}")
    # 0600 before SQLite opens it: its -wal and -shm then get the same mode. A failure
    # (e.g. a read-only folder) is left to SQLite, whose error is explained below.
    with contextlib.suppress(OSError):
        create_file(path)
    try:
        # Probed with plain sqlite3 first: when aiosqlite.connect itself fails, its worker
        # thread outlives the event loop and prints a traceback of its own at exit.
        await asyncio.to_thread(_probe, path)
    except sqlite3.Error as exc:
        raise _explain(path, exc) or exc from None
    conn = open_connection(path)
    await conn  # starts its thread and connects
    try:
        conn.row_factory = aiosqlite.Row
        await conn.execute(f"PRAGMA busy_timeout = {busy_ms}")
        await _wal(conn)
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute("PRAGMA foreign_keys = ON")
        # Deleted or overwritten content is zeroed, not left in free space: erased personal
        # data must not be readable from the file (storage/privacy.py).
        await conn.execute("PRAGMA secure_delete = ON")
        await migrate(conn)
    except BaseException as exc:
        await conn.close()  # aiosqlite's thread would otherwise keep the process alive
        if isinstance(exc, sqlite3.Error) and (plain := _explain(path, exc)):
            raise plain from None
        raise
    return conn


def _probe(path: Path) -> None:
    """Open the file (creating it when missing, as connect would) and read its header."""
    probe = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        probe.execute("PRAGMA schema_version").fetchone()
    finally:
        probe.close()


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # e.g. the folder cannot be searched: SQLite's error is explained below
        return False


def _make_folder(path: Path) -> None:
    try:
        make_folders(path.parent)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in reversed(path.parents) if p.exists() and not p.is_dir()),
                       path.parent)
        raise StorageError(path, f"{blocker} is a file, not a folder",
                           "move that file away or choose another path") from None
    except PermissionError:
        raise StorageError(path, f"the folder {path.parent} cannot be created "
                           "(permission denied)",
                           "create it and give the bot's user write access") from None
    except OSError as exc:  # e.g. a system folder (/proc) or a read-only disk
        raise StorageError(path, f"the folder {path.parent} cannot be created "
                           f"({exc.strerror or exc})",
                           "choose a path in a folder the bot's user can write to") from None


def _explain(path: Path, exc: sqlite3.Error) -> StorageError | None:
    """Turn SQLite's terse answer into what is wrong with the file and the fix."""
    code = getattr(exc, "sqlite_errorcode", -1) & 0xFF
    folder = path.parent
    grant = "give the bot's user write access"
    if code in (_NOTADB, _CORRUPT):
        return StorageError(path, "it is not an SQLite database, or it is damaged",
                            "restore it from a backup or move it away "
                            "(the bot then starts an empty one)")
    if code == _FULL:
        return StorageError(path, "the disk is full", "free some space")
    if code not in (_READONLY, _CANTOPEN, _PERM, _IOERR):
        return None
    if path.exists() and not os.access(path, os.R_OK):
        return StorageError(path, "the file cannot be read (permission denied)",
                            "give the bot's user read and write access")
    if path.exists() and not os.access(path, os.W_OK):
        return StorageError(path, "the file is read-only", grant)
    if not os.access(folder, os.W_OK | os.X_OK):
        # SQLite creates the file, and its -wal and -shm companions, in the folder.
        return StorageError(path, f"the folder {folder} is not writable", grant + " to it")
    if code == _IOERR:
        return StorageError(path, f"disk I/O error ({exc})", "check the disk and the file")
    return StorageError(path, f"SQLite cannot open or write it ({exc})",
                        "check the file and the folder's permissions")


async def _wal(conn: aiosqlite.Connection) -> None:
    """Switching to WAL ignores the busy timeout: when another process is opening the
    same new file at this moment, SQLite says "locked" at once. Try again for a while."""
    for attempt in range(100):
        try:
            await conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                raise
            await asyncio.sleep(0.05)


async def migrate(conn: aiosqlite.Connection, upto: int | None = None) -> int:
    """Apply every migration newer than PRAGMA user_version (up to `upto`, for tests that
    build an older schema), each in its own transaction. Foreign keys are off meanwhile so
    a migration can rebuild a table the SQLite way (create, copy, drop, rename); each is
    checked with foreign_key_check before it commits."""
    row = next(iter(await conn.execute_fetchall("PRAGMA user_version")), None)
    current = int(row[0]) if row else 0
    pending = [(v, s) for v, s in _migrations() if v > current and (upto is None or v <= upto)]
    if not pending:
        return current
    await conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction
    try:
        current = await _apply(conn, pending, current)
    finally:
        await conn.execute("PRAGMA foreign_keys = ON")
    return current


async def _apply(conn: aiosqlite.Connection, pending: list[tuple[int, str]],
                 current: int) -> int:
    for version, script in pending:
        # BEGIN IMMEDIATE so two processes starting at once cannot both migrate.
        await conn.execute("BEGIN IMMEDIATE")
        try:
            again = next(iter(await conn.execute_fetchall("PRAGMA user_version")), None)
            if again and int(again[0]) >= version:
                await conn.execute("ROLLBACK")
                continue
            for statement in _split(script):
                await conn.execute(statement)
            broken = await conn.execute_fetchall("PRAGMA foreign_key_check")
            if broken:
                raise sqlite3.IntegrityError(f"migration {version} breaks a reference: "
                                             f"{[tuple(r) for r in broken][:5]}")
            await conn.execute(f"PRAGMA user_version = {version}")
            await conn.execute("COMMIT")
        except BaseException:
            await conn.execute("ROLLBACK")
            raise
        current = version
    return current


def _split(script: str) -> list[str]:
    """executescript() would COMMIT our transaction; run statements one by one instead
    (sqlite3.complete_statement knows about comments and quotes)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(ln.strip().startswith("--") or not ln.strip()
                                  for ln in buffer.splitlines()):
        raise ValueError(f"unterminated statement in migration: {buffer[:80]!r}")
    return statements
