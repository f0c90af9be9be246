"""Opening the SQLite file: pragmas and numbered migrations."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from importlib import resources
from pathlib import Path

import aiosqlite

BUSY_TIMEOUT_MS = 30_000


def _migrations() -> list[tuple[int, str]]:
    found = []
    for item in resources.files("storage.migrations").iterdir():
        match = re.fullmatch(r"(\d+)_\w+\.sql", item.name)
        if match:
            found.append((int(match.group(1)), item.read_text(encoding="utf-8")))
    return sorted(found)


async def connect(path: Path) -> aiosqlite.Connection:
    """Open (creating the folder) and migrate. isolation_level=None: we issue BEGIN ourselves."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = await aiosqlite.connect(path, isolation_level=None)
    try:
        conn.row_factory = aiosqlite.Row
        await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await _wal(conn)
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute("PRAGMA foreign_keys = ON")
        await migrate(conn)
    except BaseException:
        await conn.close()  # aiosqlite's thread would otherwise keep the process alive
        raise
    return conn


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
    async with conn.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
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
            async with conn.execute("PRAGMA user_version") as cur:
                again = await cur.fetchone()
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
