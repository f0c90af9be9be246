"""Small shared helpers: settings for a bench app, percentiles, resident memory, timing."""

from __future__ import annotations

import gc
import math
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.steps import TOKEN
from core.config import Settings

ROOT = Path(__file__).resolve().parent.parent


def settings(folder: Path, api_base: str = "http://127.0.0.1:9", rate: float = 200.0,
             capacity: int = 10, token: str = TOKEN) -> Settings:
    """Like tests.harness.settings_for, without needing a FakeTelegram object in this process."""
    event: dict[str, Any] = {
        "title": "Round table", "starts_at": "2030-11-12T17:00:00", "timezone": "Asia/Almaty",
        "offline_capacity": capacity, "venue": "DKU, Almaty",
        "contact_phone": "+7 777 397 11 27", "zoom_conference_id": "846 8448 4087",
        "stream_url": "https://facebook.com/dku", "organisers": "DKU & FES",
        "agenda": ["Migration today", "Role of NGOs"],
    }
    return Settings.model_validate({
        "telegram": {"token": token, "api_base": api_base, "admins": [9000]},
        "storage": {"path": folder / "regbot.sqlite3"},
        "event": event,
        "sender": {"rate_per_second": rate, "per_chat_interval": 0, "retry_backoff": 0.05},
    })


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of unsorted values; nan if empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def rss_mb() -> float:
    """Resident set size of this process now (VmRSS), in MB (10^6 bytes)."""
    gc.collect()
    with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError("no VmRSS in /proc/self/status")


def max_in_window(times: Sequence[float], window: float = 1.0) -> int:
    """The most moments that fall in any half-open window [t, t + window)."""
    ordered = sorted(times)
    best, lo = 0, 0
    for hi, moment in enumerate(ordered):
        while moment - ordered[lo] >= window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


class Stopwatch:
    """Wall and CPU (process) time of a block."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0

    def __enter__(self) -> Stopwatch:
        self._wall0, self._cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall0
        self.cpu = time.process_time() - self._cpu0
