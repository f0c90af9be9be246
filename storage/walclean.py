"""After an erasure the old pages must leave the files: a truncating WAL checkpoint copies
the log into the database (where secure_delete has zeroed the old bytes) and empties it.

It must never make anyone wait. A checkpoint that truncates needs every reader to be on
the latest snapshot; another process holding a read transaction (a `sqlite3` shell, a
backup tool, a replica) would make it wait out the busy timeout. So it runs on a
connection of its own, off the writer's lock and with a busy timeout of a fraction of a
second: the bot's writes go
on, and the person's answer does not wait. When a reader is in the way, a background task
tries again (every second at first, then less often) until it succeeds, saying so once
when it starts waiting and once when it is done: never a silent failure."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from pathlib import Path

log = logging.getLogger(__name__)
FIRST_RETRY_S, MAX_RETRY_S = 1.0, 30.0
# How long one try waits for readers: long enough for the bot's own reads (milliseconds),
# far too short to make anyone notice.
PATIENCE_S = 0.25


def truncate(path: Path) -> bool:
    """One truncating checkpoint that hardly waits: True when the WAL is now empty."""
    try:
        conn = sqlite3.connect(path, timeout=PATIENCE_S, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        row = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:  # "database is locked": a writer is busy right now
        return False
    finally:
        conn.close()
    return row is not None and row[0] == 0


class WalCleaner:
    def __init__(self, path: Path, first_retry_s: float = FIRST_RETRY_S) -> None:
        self.path = path
        self.first_retry_s = first_retry_s
        self._retry: asyncio.Task[None] | None = None
        self.clean = asyncio.Event()  # set while the WAL holds nothing erased
        self.clean.set()

    async def checkpoint(self) -> None:
        """Empty the WAL now if nobody's read is in the way, else soon (in the background)."""
        self.clean.clear()
        if self._retry is not None and not self._retry.done():
            return  # already waiting: it will cover this erasure too
        if await asyncio.to_thread(truncate, self.path):
            self.clean.set()
            return
        log.warning("erased data stays in %s-wal until another process's read of the "
                    "database ends (a sqlite3 shell, a backup?); trying again in the "
                    "background", self.path.name)
        self._retry = asyncio.create_task(self._again(), name="wal-clean")

    async def _again(self) -> None:
        delay = self.first_retry_s
        while True:
            await asyncio.sleep(delay)
            if await asyncio.to_thread(truncate, self.path):
                self.clean.set()
                log.info("the WAL of %s is emptied: the erased data has left the files",
                         self.path.name)
                return
            delay = min(delay * 2, MAX_RETRY_S)

    async def stop(self) -> None:
        """At close: one last try; a retry still waiting ends (the next erasure or the
        last connection's close, when the reader is gone, empties the WAL)."""
        if self._retry is None or self._retry.done():
            return
        self._retry.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._retry
        if await asyncio.to_thread(truncate, self.path):
            self.clean.set()
            log.info("the WAL of %s is emptied: the erased data has left the files",
                     self.path.name)
        else:
            log.warning("stopping while erased data still waits in %s-wal for another "
                        "process's read to end", self.path.name)
