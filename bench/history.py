"""The figures of the run before the profiling fixes (same machine, `make bench` at
2026-11-25 17:35 UTC), so the report can show before -> after next to this run's."""

from __future__ import annotations

from bench.report import TIMES, Section

# figure label -> (ours, baseline) before the fixes
BEFORE: dict[str, tuple[float, float | None]] = {
    "updates/s, 1,000 users at once (in-process)": (230, 2922),
    "latency p50, one update at a time (in-process)": (4.02, 0.38),
    "latency p99, one update at a time (in-process)": (7.51, 0.82),
    "updates/s, 1,000 users at once (HTTP)": (179, 902),
    "claims/s (one process)": (694, 3883),
    "claims/s (two processes, one file)": (796, 5448),
    "achieved rate, 10,000 recipients at limit 1,000/s": (847, 1000),
    "CPU per message, limit 1,000/s": (1.048, None),  # the baseline changed since
    "most in any 1 s window, limit 30/s": (31, 30),
    "achieved rate, 300 recipients at limit 30/s": (30.0, 30),
}


def before_after(sections: list[Section]) -> list[str]:
    rows = [(r.figure, r, BEFORE[r.figure]) for s in sections for r in s.rows
            if r.figure in BEFORE]
    if not rows:
        return []
    lines = ["| Figure | Before (ratio to baseline) | This run (ratio to baseline) |",
             "| --- | --- | --- |"]
    for figure, row, (ours, base) in rows:
        then = f"{_num(ours)} {row.unit}" + (f" ({ours / base:.2f}{TIMES})" if base else "")
        now = f"{_num(row.ours)} {row.unit}" + (
            f" ({row.ours / row.baseline:.2f}{TIMES})" if base and row.baseline else "")
        lines.append(f"| {figure} | {then} | {now} |")
    return lines


def _num(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"
