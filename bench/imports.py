"""What `import aiogram` costs, in the pinned version and in the last version before 3.29
(where the import grew), each in a fresh interpreter: the figures behind the pin.

The older version is installed once into a cached virtualenv (.bench/aiogram-<version>,
git-ignored) with the same pydantic as ours, so only aiogram differs."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import venv
from importlib import metadata
from pathlib import Path

from bench.common import ROOT
from bench.report import Row, Section

BEFORE_GROWTH = "3.28.2"
RUNS = 5
PROBE = """
import json, time
t = time.perf_counter()
import aiogram, aiogram.methods, aiogram.types
took = time.perf_counter() - t
with open("/proc/self/status") as f:
    rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) * 1024 / 1e6
print(json.dumps({"version": aiogram.__version__, "seconds": took, "rss": rss}))
"""


def _probe(python: Path | str) -> dict[str, float | str]:
    out = subprocess.run([str(python), "-c", PROBE], capture_output=True, text=True, check=True,
                         cwd="/")
    result: dict[str, float | str] = json.loads(out.stdout)
    return result


def _older_python() -> Path:
    folder = ROOT / ".bench" / f"aiogram-{BEFORE_GROWTH}"
    python = folder / "bin" / "python"
    if not python.exists():
        venv.create(folder, with_pip=True)
        pins = [f"aiogram=={BEFORE_GROWTH}", f"pydantic=={metadata.version('pydantic')}"]
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *pins], check=True)
    return python


def _median(python: Path | str) -> tuple[str, float, float]:
    probes = [_probe(python) for _ in range(RUNS)]
    return (str(probes[0]["version"]), statistics.median(float(p["seconds"]) for p in probes),
            statistics.median(float(p["rss"]) for p in probes))


def extend(section: Section) -> None:
    """Add the import rows (pinned against the older version) to B5."""
    pinned, seconds, rss = _median(sys.executable)
    try:
        older, old_seconds, old_rss = _median(_older_python())
    except (OSError, subprocess.CalledProcessError) as exc:
        section.notes.append(f"aiogram {BEFORE_GROWTH} could not be installed for the import"
                             f" comparison ({exc}); the pinned version alone: {seconds * 1000:.0f}"
                             f" ms, {rss:.1f} MB.")
        return
    section.rows += [
        Row(f"`import aiogram` time, pinned {pinned}", seconds * 1000, "ms",
            old_seconds * 1000, f"aiogram {older}"),
        Row(f"`import aiogram` RSS, pinned {pinned}", rss, "MB", old_rss, f"aiogram {older}",
            digits=1),
    ]
    section.notes.append(
        f"Import: `import aiogram, aiogram.methods, aiogram.types` in a fresh interpreter,"
        f" median of {RUNS}; aiogram {older} in a cached virtualenv (.bench/) with the same"
        f" pydantic {metadata.version('pydantic')}.")
