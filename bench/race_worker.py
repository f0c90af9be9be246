"""`python -m bench.race_worker PATH FIRST N MODE`: one side of B2's two-process race.

Opens the ledger file, prints "ready", waits for a line on stdin, then makes N claims for
offline seats (MODE ledger: N concurrent Ledger.register calls; MODE raw: the baseline
loop of BEGIN IMMEDIATE / the same INSERT / COMMIT on a raw aiosqlite connection) and
prints {"start": t, "end": t} (time.monotonic, comparable across processes)."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiosqlite

from bench.seed import event
from storage.database import Database
from storage.db import connect
from storage.ledger import UPSERT, Ledger
from storage.models import Applicant, Format, to_db

T0 = datetime(2030, 11, 1, 6, 0, tzinfo=UTC)
CAPACITY = 10
# The baseline runs Ledger.register's own upsert (without the seat decision after it).
INSERT = UPSERT


def applicant(user_id: int) -> Applicant:
    return Applicant(user_id=user_id, chat_id=user_id, language="en",
                     full_name=f"Person {user_id}", organisation="Org", role="ngo", phone=None)


async def ledger_claims(db: Database, users: range) -> None:
    """Every user confirms "offline" at once."""
    ledger = Ledger(db, await event(db, CAPACITY))
    await asyncio.gather(*(ledger.register(applicant(u), Format.OFFLINE,
                                           T0 + timedelta(microseconds=u)) for u in users))


async def raw_claims(conn: aiosqlite.Connection, users: range) -> None:
    """The baseline: the same INSERT, one BEGIN IMMEDIATE transaction each, in a loop."""
    for user in users:
        stamp = to_db(T0 + timedelta(microseconds=user))
        await conn.execute("BEGIN IMMEDIATE")
        await conn.execute_fetchall(INSERT, (1, user, user, "en", f"Person {user}", "Org",
                                             "ngo", None, stamp, stamp, None, None))
        await conn.execute("COMMIT")


async def main(path: Path, users: range, mode: str) -> None:
    loop = asyncio.get_running_loop()
    if mode == "ledger":
        db = await Database.open(path)
    else:
        conn = await connect(path)
    print("ready", flush=True)
    await loop.run_in_executor(None, sys.stdin.readline)
    start = time.monotonic()
    if mode == "ledger":
        await ledger_claims(db, users)
        end = time.monotonic()
        await db.close()
    else:
        await raw_claims(conn, users)
        end = time.monotonic()
        await conn.close()
    print(json.dumps({"start": start, "end": end}), flush=True)


if __name__ == "__main__":
    where, first, count, how = sys.argv[1:5]
    asyncio.run(main(Path(where), range(int(first), int(first) + int(count)), how))
