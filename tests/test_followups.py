"""Follow-ups after the event: to who came, to who did not, in each reader's language,
once, across a restart."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from bench.seed import applicant
from bench.seed import event as seed_event
from bot.cli_commands import check
from core.config import Settings
from loopback import FakeTelegram, TravelClock
from storage.database import Database
from storage.ledger import Ledger
from storage.models import Format
from tests.harness import ADMIN, has, settings_for, start
from tests.reminders import ALMATY, EVENT_UTC
from tests.test_config_errors import TOKEN, config, refused
from tests.travel import travel

ATTENDED = "Thank you for coming"
ATTENDED_KK = "Келгеніңізге рахмет"
ABSENT = "Sorry we missed you"
FOLLOWUPS: list[dict[str, Any]] = [
    {"after": "PT1H", "audience": "attended", "text": ATTENDED,
     "link": "https://example.org/recording",
     "translations": {"kk": {"text": ATTENDED_KK}}},
    {"after": "PT2H", "audience": "absent", "text": ABSENT},
]


def with_followups(fake: FakeTelegram, folder: Path,
                   followups: list[dict[str, Any]] = FOLLOWUPS) -> Settings:
    local = EVENT_UTC.astimezone(ALMATY).replace(tzinfo=None).isoformat()
    return settings_for(fake, folder, starts_at=local, followups=followups)


async def seed_people(path: Path) -> dict[int, str]:
    """1 (kk) and 2 (en) hold seats, 3 registered and cancelled; their entry codes."""
    db = await Database.open(path)
    ledger = Ledger(db, await seed_event(db, 10, starts=EVENT_UTC))
    codes: dict[int, str] = {}
    for user_id, language in ((1, "kk"), (2, "en"), (3, "en")):
        outcome = await ledger.register(applicant(user_id, language), Format.OFFLINE,
                                        EVENT_UTC - timedelta(days=3))
        codes[user_id] = outcome.registration.entry_code or ""
    await ledger.cancel(3, EVENT_UTC - timedelta(days=2))
    await db.close()
    return codes


def followups_to(fake: FakeTelegram, chat_id: int) -> list[str]:
    return [m.plain_text for m in fake.sent(chat_id)
            if any(t in m.plain_text for t in (ATTENDED, ATTENDED_KK, ABSENT))]


async def test_attended_and_absent_each_get_theirs_once(fake: FakeTelegram,
                                                        tmp_path: Path) -> None:
    settings = with_followups(fake, tmp_path)
    codes = await seed_people(settings.storage.path)
    for user_id in (1, 2, 3):
        fake.user(user_id, language_code="en")
    olga = fake.user(ADMIN, first_name="Olga", language_code="en")
    clock = TravelClock(EVENT_UTC - timedelta(minutes=10))
    running = await start(fake, settings, clock)
    await olga.send(f"/checkin {codes[1]}")  # at the door
    await olga.wait_for(has("welcome"))

    travel(running, timedelta(minutes=10) + timedelta(hours=2, minutes=59))
    assert not any(followups_to(fake, u) for u in (1, 2, 3)), "a minute early"
    travel(running, timedelta(minutes=1))  # the end (17:00 + 2 h) + 1 h: attended
    await fake.wait_until(lambda: bool(followups_to(fake, 1)), timeout=10)
    travel(running, timedelta(hours=1))  # + 2 h: absent
    await fake.wait_until(lambda: bool(followups_to(fake, 2)), timeout=10)
    await fake.wait_until(lambda: not running.app.scheduler.get_jobs() or all(
        not j.id.startswith("followup") for j in running.app.scheduler.get_jobs()), timeout=10)
    await running.stop()

    again = await start(fake, settings, clock)  # a restart plans nothing more
    jobs = [j.id for j in again.app.scheduler.get_jobs()]
    await again.stop()
    assert not [j for j in jobs if j.startswith("followup")]
    assert followups_to(fake, 1) == [
        f"Round table\n\n{ATTENDED_KK}\n\nhttps://example.org/recording"]
    assert followups_to(fake, 2) == [f"Round table\n\n{ABSENT}"]
    assert followups_to(fake, 3) == []  # cancelled


async def test_a_followup_missed_while_down_is_sent_late_once(fake: FakeTelegram,
                                                              tmp_path: Path) -> None:
    settings = with_followups(fake, tmp_path)
    await seed_people(settings.storage.path)
    for user_id in (1, 2, 3):
        fake.user(user_id, language_code="en")
    clock = TravelClock(EVENT_UTC + timedelta(days=1))  # down all evening
    running = await start(fake, settings, clock)
    await fake.wait_until(lambda: all(followups_to(fake, u) for u in (1, 2)), timeout=10)
    await fake.wait_until(lambda: not running.app.scheduler.get_jobs() or all(
        not j.id.startswith("followup") for j in running.app.scheduler.get_jobs()), timeout=10)
    await running.stop()
    assert followups_to(fake, 1) == followups_to(fake, 2) == [f"Round table\n\n{ABSENT}"]


def test_check_lists_followups_in_local_time(fake: FakeTelegram, tmp_path: Path) -> None:
    out = io.StringIO()
    check(with_followups(fake, tmp_path), tmp_path / "config.toml", out,
          now=EVENT_UTC - timedelta(days=1))
    text = out.getvalue()
    assert "ends          2030-11-12 19:00" in text  # Almaty
    assert "follow-up     2030-11-12 20:00" in text
    assert "[attended, 1 hour after the end; kk]" in text
    assert "follow-up     2030-11-12 21:00" in text and "[absent, 2 hours after the end;" in text
    # The poll is on by default with follow-ups: 30 minutes after the end.
    assert "feedback poll 2030-11-12 19:30" in text and "30 minutes after the end" in text
    assert "certificates" not in text  # not asked for


@pytest.mark.parametrize("followup, words", [
    ({"after": "PT1H", "text": "x", "audiense": "all"}, "audiense"),
    ({"after": "PT1H", "text": "x", "audience": "came"}, "audience"),
    ({"after": "P15M", "text": "x"}, "after"),
    ({"after": "PT1H", "text": "x", "translations": {"de": {"text": "y"}}}, "de"),
])
def test_strict_followup_config(fake: FakeTelegram, tmp_path: Path,
                                followup: dict[str, Any], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        with_followups(fake, tmp_path, [followup])


def test_the_documented_toml_form_loads(fake: FakeTelegram, tmp_path: Path) -> None:
    """config.example.toml's commented block, uncommented, is valid TOML and config."""
    example = (Path(__file__).resolve().parent.parent / "config.example.toml").read_text(
        encoding="utf-8")
    block = example[example.index("# [[event.followups]]"):example.index("\n\n", example.index(
        "# [[event.followups]]"))]
    path = tmp_path / "config.toml"
    path.write_text(f"""
[telegram]
token = "{fake.token}"
[event]
title = "Round table"
starts_at = 2030-11-12T17:00:00
offline_capacity = 10
venue = "DKU"
contact_phone = "+7 777 397 11 27"
zoom_conference_id = "846 8448 4087"
""" + "\n".join(line.removeprefix("# ") for line in block.splitlines()), encoding="utf-8")
    from core.config import load_settings

    event = load_settings(path).all_events[0]
    assert [(f.audience.value, f.in_language("kk")[0][:11]) for f in event.followups] == [
        ("attended", "Келгеніңізг"), ("absent", "We missed y")]


@pytest.mark.parametrize(("block", "words"), [
    ('[[event.followups]]\nafter = "PT1H"\ntext = "x"\naudiense = "all"',
     ["unknown key `audiense`", "audience"]),
    ('[[event.followups]]\nafter = "PT1H"\ntext = "x"\naudience = "came"',
     ["audience", "attended"]),
    ('[event.feedback]\nafter = "PT30M"\nenabld = false', ["unknown key `enabld`", "enabled"]),
    ('[[event.followups]]\nafter = "PT1H"\ntext = "x"\n[event.followups.text.kk]\ntext = "y"',
     ["TOML"]),
])
def test_followup_mistakes_are_one_plain_line(tmp_path: Path, block: str, words: list[str],
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGBOT_TELEGRAM__TOKEN", TOKEN)
    said = refused(config(tmp_path, tail=block), capsys)
    assert len(said.strip().splitlines()) == 1, said
    assert all(w in said for w in words), said


def test_check_lists_certificates_and_a_poll_without_followups(fake: FakeTelegram,
                                                               tmp_path: Path) -> None:
    local = EVENT_UTC.astimezone(ALMATY).replace(tzinfo=None).isoformat()
    settings = settings_for(fake, tmp_path, starts_at=local, certificates=True,
                            feedback={"after": "PT1H"})
    out = io.StringIO()
    check(settings, tmp_path / "config.toml", out, now=EVENT_UTC - timedelta(days=1))
    text = out.getvalue()
    assert "certificates  2030-11-12 19:00" in text
    assert "feedback poll 2030-11-12 20:00" in text and "follow-up" not in text
