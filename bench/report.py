"""BENCHMARKS.md: machine, versions, one table of every figure against its baseline and
target, then each benchmark's details and the profiling notes (bench/NOTES.md)."""

from __future__ import annotations

import math
import os
import platform
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

TIMES = "\u00d7"  # the multiplication sign
PACKAGES = ("aiogram", "aiohttp", "aiosqlite", "APScheduler", "pydantic", "pydantic-settings",
            "fluent.runtime", "pyinstrument")


@dataclass
class Row:
    figure: str
    ours: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    target: str = ""
    passed: bool | None = None  # None: reported for context, no target
    digits: int = 0

    def cells(self, bench: str) -> list[str]:
        ratio = (f"{self.ours / self.baseline:.2f}{TIMES}" if self.baseline
                 and not math.isnan(self.ours) else "")
        base = (f"{_num(self.baseline, self.digits)} {self.unit} ({self.baseline_name})"
                if self.baseline is not None else self.baseline_name)
        verdict = "" if self.passed is None else ("PASS" if self.passed else "**MISS**")
        return [bench, self.figure, f"{_num(self.ours, self.digits)} {self.unit}", base, ratio,
                self.target, verdict]


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _num(value: float, digits: int) -> str:
    return "n/a" if math.isnan(value) else f"{value:,.{digits}f}"


def machine() -> list[str]:
    model = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    ram = "unknown"
    with open("/proc/meminfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB"
                break
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return [
        f"- Machine: {model}, {os.cpu_count()} cores, {ram} RAM;"
        f" {platform.system()} {platform.release()}",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version};"
        f" {', '.join(versions)}",
    ]


def render(sections: list[Section], total_seconds: float, command: str, notes: Path,
           before_after: list[str]) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Written by `{command}` (bench/); every figure is measured next to its baseline in"
        " the same run, on this machine, so compare the ratios rather than the raw numbers"
        " across machines. The whole run took"
        f" {total_seconds / 60:.1f} min.",
        "",
        *machine(),
        "",
        "## Summary",
        "",
        "| | Figure | Ours | Baseline | Ratio | Target | |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for section in sections:
        for row in section.rows:
            lines.append("| " + " | ".join(row.cells(section.key)) + " |")
    for section in sections:
        lines += ["", f"## {section.key}: {section.title}", "",
                  f"_{section.seconds:.0f} s of the run._", ""]
        lines += [f"- {note}" for note in section.notes]
    if notes.is_file():
        lines += ["", notes.read_text(encoding="utf-8").rstrip()]
    if before_after:
        lines += ["", "### Before and after the fixes", "",
                  "Before: the run of `make bench` just before the fixes, same machine"
                  " (2026-11-25 17:35 UTC); after: this run.", "", *before_after]
    return "\n".join(lines) + "\n"
