"""B2 seat race: 1,000 concurrent confirmations for 10 seats through Ledger.register, in one
process and in two processes on one file; baseline: a raw aiosqlite loop doing the same
INSERT, each in a BEGIN IMMEDIATE transaction, on the same kind of file."""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import ROOT
from bench.race_worker import CAPACITY, ledger_claims, raw_claims
from bench.report import TIMES, Row, Section
from bench.seed import event
from storage.database import Database
from storage.db import connect
from storage.ledger import Ledger


class Overbooked(AssertionError):
    pass


@dataclass
class Race:
    processes: int
    claims: int
    ledger_wall: float
    raw_wall: float
    seated: int
    waitlisted: int

    @property
    def ledger_rate(self) -> float:
        return self.claims / self.ledger_wall

    @property
    def raw_rate(self) -> float:
        return self.claims / self.raw_wall


async def _fresh(folder: Path, name: str) -> Path:
    path = folder / name
    db = await Database.open(path)  # creates and migrates
    await db.close()
    return path


async def _verify(path: Path, claims: int) -> tuple[int, int]:
    db = await Database.open(path)
    try:
        counts = await Ledger(db, await event(db, CAPACITY)).counts()
        codes = await db.fetchone("SELECT COUNT(DISTINCT entry_code) AS n FROM registrations"
                                  " WHERE entry_code IS NOT NULL")
    finally:
        await db.close()
    total = counts.seated + counts.waitlisted + counts.online
    if counts.seated != CAPACITY or total != claims or codes is None or codes["n"] != CAPACITY:
        raise Overbooked(f"{claims} claims for {CAPACITY} seats gave {counts}")
    return counts.seated, counts.waitlisted


async def one_process(claims: int) -> Race:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw_path = await _fresh(folder, "raw.sqlite3")
        conn = await connect(raw_path)
        started = time.perf_counter()
        await raw_claims(conn, range(claims))
        raw_wall = time.perf_counter() - started
        await conn.close()

        path = await _fresh(folder, "ledger.sqlite3")
        db = await Database.open(path)
        started = time.perf_counter()
        await ledger_claims(db, range(claims))
        ledger_wall = time.perf_counter() - started
        await db.close()
        seated, waitlisted = await _verify(path, claims)
    return Race(1, claims, ledger_wall, raw_wall, seated, waitlisted)


async def _two_workers(path: Path, claims: int, mode: str) -> float:
    half = claims // 2
    procs = [await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.race_worker", str(path), str(first), str(half), mode,
        cwd=ROOT, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        for first in (0, half)]
    for proc in procs:
        assert proc.stdout is not None
        if (await proc.stdout.readline()).strip() != b"ready":
            raise RuntimeError("race worker failed to start")
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write(b"go\n")
        await proc.stdin.drain()
    spans = []
    for proc in procs:
        out, _ = await proc.communicate()
        if proc.returncode:
            raise RuntimeError(f"race worker exited with {proc.returncode}")
        spans.append(json.loads(out))
    return float(max(s["end"] for s in spans) - min(s["start"] for s in spans))


async def two_processes(claims: int) -> Race:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw_wall = await _two_workers(await _fresh(folder, "raw.sqlite3"), claims, "raw")
        path = await _fresh(folder, "ledger.sqlite3")
        ledger_wall = await _two_workers(path, claims, "ledger")
        seated, waitlisted = await _verify(path, claims)
    return Race(2, claims, ledger_wall, raw_wall, seated, waitlisted)


async def section(claims: int, repeats: int = 3) -> Section:
    """Best of `repeats` for each side (the runs take about a second)."""
    races: dict[int, Race] = {}
    for processes, contest in ((1, one_process), (2, two_processes)):
        runs = [await contest(claims) for _ in range(repeats)]
        races[processes] = Race(processes, claims, min(r.ledger_wall for r in runs),
                                min(r.raw_wall for r in runs), runs[0].seated, runs[0].waitlisted)
        for run in runs:
            print(f"  B2 {processes} process(es): {run.seated} seats given, {run.waitlisted}"
                  f" waitlisted, of {claims} claims", flush=True)
    rows = []
    for processes, race in races.items():
        where = "one process" if processes == 1 else "two processes, one file"
        rows.append(Row(f"seats given for {claims:,} claims on {CAPACITY} ({where})",
                        race.seated, "", None, "", f"exactly {CAPACITY}",
                        race.seated == CAPACITY))
        rows.append(Row(f"claims/s ({where})", race.ledger_rate, "/s", race.raw_rate,
                        "raw aiosqlite loop", f"≥ 0.7 {TIMES} raw",
                        race.ledger_rate >= 0.7 * race.raw_rate))
    result = Section("B2", "seat race", rows)
    result.notes = [
        f"{claims:,} Ledger.register(..., OFFLINE) calls started at once (asyncio.gather) for"
        f" {CAPACITY} seats; in the two-process case {claims // 2} in each of two processes"
        " (bench.race_worker) released together on one WAL file, the rate over the span from"
        " the first start to the last end.",
        "Baseline: the same INSERT ... ON CONFLICT as Ledger.register, each in its own"
        " BEGIN IMMEDIATE ... COMMIT, in a plain loop on a raw aiosqlite connection opened"
        " with the same pragmas (storage.db.connect); no seat logic.",
        f"Checked after every run: exactly {CAPACITY} active offline rows with distinct entry"
        f" codes, all {claims:,} registered, the rest waitlisted. Best of {repeats} runs.",
    ]
    return result
