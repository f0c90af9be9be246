"""Shared helpers for the reminder tests: an event with reminders, the people to remind,
what reached them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.config import Settings
from core.timeutil import zone
from loopback import FakeTelegram
from tests.harness import settings_for

ALMATY = zone("Asia/Almaty")
EVENT_UTC = datetime(2030, 11, 12, 12, 0, tzinfo=UTC)  # 17:00 in Almaty


def with_reminders(fake: FakeTelegram, folder: Path, reminders: list[dict[str, Any]],
                   starts: datetime = EVENT_UTC, capacity: int = 10,
                   **extra: Any) -> Settings:
    base = settings_for(fake, folder, offline_capacity=capacity,
                        starts_at=starts.astimezone(ALMATY).replace(tzinfo=None).isoformat())
    data = base.model_dump(mode="python")
    data["telegram"]["token"] = fake.token
    data["reminders"] = reminders
    for section, values in extra.items():
        data[section] = {**data.get(section, {}), **values}
    return Settings.model_validate(data)


def people(fake: FakeTelegram, ids: range) -> None:
    """Telegram knows a chat only once the person has talked to the bot."""
    for user_id in ids:
        fake.user(user_id, language_code="en")


def reminders_to(fake: FakeTelegram, chat_id: int) -> list[str]:
    return [m.plain_text for m in fake.sent(chat_id) if "Reminder" in m.plain_text]
