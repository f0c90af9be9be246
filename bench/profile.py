"""`python -m bench --profile b1|b3`: pyinstrument over our side of a benchmark (the slow
paths: B1's per-update handling on the in-process transport, B3's fan-out); prints the
call tree and writes an HTML report next to it."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from bench import b1_burst, b3_fanout


async def _target(which: str, users: int) -> None:
    if which == "b1":
        await b1_burst.ours_in_process(users)
    elif which == "b3":
        await b3_fanout.run_campaign(users, 1000.0)
    else:
        raise SystemExit(f"--profile: b1 or b3, not {which!r}")


def profile(which: str, users: int, out: Path | None) -> Path:
    try:
        from pyinstrument import Profiler
    except ImportError:
        raise SystemExit("--profile needs pyinstrument: pip install -e '.[dev,bench]'") from None
    folder = out or Path(tempfile.mkdtemp(prefix="regbot-profile-"))
    folder.mkdir(parents=True, exist_ok=True)
    profiler = Profiler(interval=0.001, async_mode="disabled")
    profiler.start()
    asyncio.run(_target(which, users))
    profiler.stop()
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    print(text)
    (folder / f"{which}.txt").write_text(text, encoding="utf-8")
    html = folder / f"{which}.html"
    html.write_text(profiler.output_html(), encoding="utf-8")
    print(f"profile written to {html}")
    return html
