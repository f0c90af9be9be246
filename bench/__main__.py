"""`python -m bench [--quick] [--only B1a,B3] [--out BENCHMARKS.md]` runs the benchmarks
and writes the report; `python -m bench --profile b1|b3` profiles one path instead."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from bench import b1_burst, b2_race, b3_fanout, b4_memory, b5_startup, b6_stampede, b7_flood
from bench.common import ROOT
from bench.history import before_after
from bench.profile import profile
from bench.report import Section, render


@dataclass(frozen=True)
class Sizes:
    users: int = 1000  # B1 (both transports) and B4's users mid-form
    repeats: int = 2  # B1a alternating runs
    claims: int = 1000  # B2
    big: int = 10_000  # B3 recipients at the high limit
    small: int = 300  # B3 recipients at 30/s
    starts: int = 5  # B5 runs
    stampede: int = 1000  # B6: people in 60 s (and 300 in 10 s)
    stampede_small: int = 300
    stampede_slow: int = 80  # B6 against a Telegram slower than the bot's pace, in 5 s
    probes: int = 20  # B7: people timing their answer during the flood


QUICK = Sizes(users=100, repeats=1, claims=200, big=1000, small=60, starts=2, stampede=60,
              stampede_small=30, stampede_slow=20, probes=5)


def plan(sizes: Sizes) -> dict[str, Callable[[], Awaitable[Section]]]:
    return {
        "B1a": lambda: b1_burst.section_in_process(sizes.users, sizes.repeats),
        "B1b": lambda: b1_burst.section_http(sizes.users),
        "B2": lambda: b2_race.section(sizes.claims),
        "B3": lambda: b3_fanout.section(sizes.big, 1000.0, sizes.small, 30.0),
        "B4": b4_memory.section,
        "B5": lambda: b5_startup.section(sizes.starts),
        "B6": lambda: b6_stampede.section(sizes.stampede, 60.0, sizes.stampede_small, 10.0,
                                          sizes.stampede, sizes.stampede_slow),
        "B7": lambda: b7_flood.section(40, 15, sizes.probes),
    }


async def run(keys: list[str], sizes: Sizes) -> list[Section]:
    sections = []
    steps = plan(sizes)
    for key in keys:
        print(f"{key} ...", flush=True)
        started = time.perf_counter()
        section = await steps[key]()
        section.seconds = time.perf_counter() - started
        for row in section.rows:
            verdict = "" if row.passed is None else ("PASS" if row.passed else "MISS")
            base = "" if row.baseline is None else f" (baseline {row.baseline:,.3g})"
            print(f"  {row.figure}: {row.ours:,.3g} {row.unit}{base} {verdict}", flush=True)
        print(f"{key} done in {section.seconds:.0f} s", flush=True)
        sections.append(section)
    return sections


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke run")
    parser.add_argument("--only", help="comma-separated: B1a,B1b,B2,B3,B4,B5,B6,B7")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--profile", choices=("b1", "b3"), help="profile one path and stop")
    parser.add_argument("--profile-out", type=Path, help="folder for the profile (default: tmp)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sizes = QUICK if args.quick else Sizes()
    if args.profile:
        profile(args.profile, 300 if args.profile == "b1" else sizes.big, args.profile_out)
        return 0
    keys = list(plan(sizes))
    if args.only:
        wanted = {k.strip().lower() for k in args.only.split(",")}
        keys = [k for k in keys if k.lower() in wanted]
    started = time.perf_counter()
    sections = asyncio.run(run(keys, sizes))
    total = time.perf_counter() - started
    command = "python -m bench" + (" --quick" if args.quick else "")
    notes = ROOT / "bench" / "NOTES.md"
    args.out.write_text(render(sections, total, command, notes, before_after(sections)),
                        encoding="utf-8")
    print(f"wrote {args.out} ({total / 60:.1f} min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
