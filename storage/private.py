"""Files that hold personal data are the bot's alone: the database (and so its -wal and
-shm, which SQLite creates with the database file's mode), the running lock, backups and
the sandbox's files are created 0600, the folders made for them 0700, whatever the
process's umask (systemd's default, 022, would leave them readable by every local user)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

FILE_MODE, FOLDER_MODE = 0o600, 0o700


def make_folders(folder: Path) -> None:
    """Like folder.mkdir(parents=True, exist_ok=True), each folder created here 0700 (the
    ones already there keep their mode: they may be shared on purpose)."""
    missing = []
    at = folder
    while not at.exists():
        missing.append(at)
        if at.parent == at:
            break
        at = at.parent
    if not missing and not folder.is_dir():
        raise FileExistsError(f"{folder} is a file, not a folder")
    for one in reversed(missing):
        try:
            one.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            if not one.is_dir():
                raise
            continue  # made meanwhile by someone else: theirs
        os.chmod(one, FOLDER_MODE)  # mkdir's mode passes through the umask


def create_file(path: Path) -> bool:
    """Create `path` empty and 0600 when missing (an empty file is a new SQLite database);
    True when it was created here. An existing file is left as it is."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, FILE_MODE)  # os.open's mode passes through the umask
    finally:
        os.close(fd)
    return True


def open_private(path: Path) -> BinaryIO:
    """open(path, "a+b"), creating the file 0600 when missing."""
    create_file(path)
    return path.open("a+b")
