"""config.example.toml's event keys: the example's `id`, and its commented per-event
reminders and [[events]] block still load once uncommented (so copying them works)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from core.config import load_settings

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:ABCdef-ghi_JKL"
EXAMPLE_START, EXAMPLE_END = "# [[event.reminders]]", "# Reminders before the start"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("REGBOT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", TOKEN)


def test_the_example_names_its_event() -> None:
    settings = load_settings(ROOT / "config.example.toml")
    assert [e.slug for e in settings.all_events] == ["dku-migration-2020"]


def test_the_commented_series_example_loads(tmp_path: Path) -> None:
    text = (ROOT / "config.example.toml").read_text("utf-8")
    start, end = text.index(EXAMPLE_START), text.index(EXAMPLE_END)
    # Uncomment the TOML lines only ("# [[...]]", "# [...]" and "# key = value"), not the
    # prose.
    block = re.sub(r"(?m)^# (?=\[|[a-z_]+ = )", "", text[start:end])
    path = tmp_path / "config.toml"
    path.write_text(text[:start] + block + text[end:], "utf-8")
    settings = load_settings(path)
    first, second = settings.all_events
    assert (first.slug, second.slug) == ("dku-migration-2020", "dku-labour-2020-12")
    assert [r.before.total_seconds() for r in settings.plan_for(first)] == [7200]
    assert [r.before.total_seconds() for r in settings.plan_for(second)] == [86400, 3600]
    assert second.starts_utc.isoformat() == "2020-12-10T09:00:00+00:00"  # UTC+6 then
