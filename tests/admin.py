"""Shared helpers for the admin console tests (no tests here).

The participant side is seeded straight through the running app's Registrations (fast);
the organiser side always goes through the loopback Bot API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from loopback import BotMessage, FakeTelegram, FakeUser
from storage.models import Applicant, Format, Registration
from tests.harness import ADMIN, Running

UNKNOWN = "I did not understand that."  # the fallback's answer to any unknown command
STALE_BUTTON = "This button is out of date."
# Every table an admin action could change (fsm and groups_told are conversation state).
LEDGER_TABLES = ("registrations", "events", "admin_event", "audit", "campaigns", "deliveries")


def admin(fake: FakeTelegram) -> FakeUser:
    return fake.user(ADMIN, first_name="Olga", language_code="en")


async def enrol(running: Running, fake: FakeTelegram, user_id: int, fmt: Format = Format.OFFLINE,
                name: str | None = None, org: str = "NGO Help", phone: str | None = None,
                language: str = "en") -> Registration:
    """Register someone (one second after the previous one, so queue order is visible)."""
    fake.user(user_id, first_name=f"P{user_id}", language_code=language)
    running.clock.travel(timedelta(seconds=1))
    who = Applicant(user_id=user_id, chat_id=user_id, language=language,
                    full_name=name or f"Person {user_id}", organisation=org, role="ngo",
                    phone=phone)
    return (await (await running.desk()).register(who, fmt)).registration


async def reg(running: Running, user_id: int) -> Registration:
    found = await (await running.desk()).ledger.get(user_id)
    assert found is not None
    return found


async def ask(user: FakeUser, text: str, *parts: str) -> BotMessage:
    """Send a command; return the first reply containing all `parts`."""
    await user.send(text)
    return await user.reply(lambda m: all(p in m.plain_text for p in parts))


async def snapshot(running: Running) -> dict[str, list[tuple[Any, ...]]]:
    db = running.app.db
    return {table: [tuple(row) for row in await db.fetchall(f"SELECT * FROM {table} ORDER BY 1")]
            for table in LEDGER_TABLES}


async def audit_rows(running: Running) -> list[tuple[Any, ...]]:
    rows = await running.app.db.fetchall(
        "SELECT admin_id, action, registration_id, details FROM audit ORDER BY id")
    return [tuple(row) for row in rows]


async def open_details(olga: FakeUser, kind: str, row: str, *header: str) -> BotMessage:
    """/list → a list → a row; returns the details screen (which shows all of `header`)."""
    await ask(olga, "/list", "Which list?")
    await olga.press(kind)
    await olga.reply(lambda m: "page 1 of 1" in m.plain_text)
    await olga.press(row)
    return await olga.reply(lambda m: all(p in m.plain_text for p in header))
