"""Who is using the database: a running bot holds a shared advisory lock (flock) on a file
next to it, `<database>.lock`; `restore` needs it exclusively, so it is refused while any
bot runs. The operating system drops the lock when the process ends, even on kill -9, so a
crash never leaves a stale "running" mark behind."""

from __future__ import annotations

import fcntl
from pathlib import Path
from typing import BinaryIO

from storage.private import make_folders, open_private


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def hold_shared(db: Path) -> BinaryIO | None:
    """Taken by a running bot, for as long as the returned file stays open. None when the
    folder is read-only: the bot still runs (and says why it cannot write), and a restore
    could not write there either."""
    try:
        fh = open_private(lock_path(db))
    except OSError:
        return None
    fcntl.flock(fh, fcntl.LOCK_SH)  # waits only while a restore is writing the file
    return fh


def take_exclusive(db: Path) -> BinaryIO | None:
    """For restore: the lock, or None while a bot runs on this database."""
    make_folders(db.parent)
    fh = open_private(lock_path(db))
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.close()
        return None
    return fh
