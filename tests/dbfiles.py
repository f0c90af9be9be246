"""What SQLite keeps on disk for the bot's database: the file, its WAL and shared memory."""

from __future__ import annotations

from pathlib import Path


def raw_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.glob("regbot.sqlite3*")))
