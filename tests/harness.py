"""Run the real app (the factory `python -m bot` uses) against the loopback Bot API."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.factory import App, create_app
from core.config import Settings
from loopback import BotMessage, FakeTelegram, FakeUser, TravelClock
from services.events import Event
from services.registration import Desk

ADMIN = 9000


def settings_for(fake: FakeTelegram, folder: Path, **event: Any) -> Settings:
    data: dict[str, Any] = {
        "title": "Round table", "starts_at": "2030-11-12T17:00:00", "timezone": "Asia/Almaty",
        "offline_capacity": 10, "venue": "DKU, Almaty", "contact_phone": "+7 777 397 11 27",
        "zoom_conference_id": "846 8448 4087", "stream_url": "https://facebook.com/dku",
        "organisers": "DKU & FES", "agenda": ["Migration today", "Role of NGOs"],
    }
    data.update(event)
    return Settings.model_validate({
        "telegram": {"token": fake.token, "api_base": fake.base_url, "admins": [ADMIN]},
        "storage": {"path": folder / "regbot.sqlite3"},
        "event": data,
        "sender": {"rate_per_second": 200, "per_chat_interval": 0, "retry_backoff": 0.05},
    })


@dataclass
class Running:
    app: App
    task: asyncio.Task[None]
    clock: TravelClock = field(default_factory=TravelClock)

    async def stop(self) -> None:
        await self.app.dp.stop_polling()
        await self.task

    async def event(self, slug: str = "event") -> Event:
        found = await self.app.registrations.events.by_slug(slug)
        if found is None:
            raise LookupError(slug)
        return found

    async def desk(self, slug: str = "event") -> Desk:
        """One event's registrations (the config's [event] is "event" in the tests)."""
        return self.app.registrations.of(await self.event(slug))


async def start(fake: FakeTelegram, settings: Settings, clock: TravelClock | None = None,
                ) -> Running:
    clock = clock or TravelClock()
    app = await create_app(settings, clock=clock)
    task = asyncio.create_task(app.run(handle_signals=False, polling_timeout=1))
    # Started once its first long poll is waiting at the fake (start-up hooks have run).
    await fake.wait_until(lambda: fake.polling, timeout=15)
    return Running(app, task, clock)


def has(*parts: str) -> Callable[[BotMessage], bool]:
    return lambda m: all(p in m.plain_text for p in parts)


def has_button(label: str) -> Callable[[BotMessage], bool]:
    return lambda m: any(label in b for b in m.buttons)


async def register(user: FakeUser, name: str = "Alice Smith", org: str = "NGO Help",
                   fmt: str = "Offline", phone: str | None = None) -> BotMessage:
    """The whole form in English; returns the bot's answer to Confirm."""
    await user.send("/start")
    await user.wait_for(has_button("Register"))
    await user.press("Register")
    await user.wait_for(has_button("I agree"))  # the privacy notice comes first
    await user.press("I agree")
    await user.wait_for(has("full name"))
    await user.send(name)
    await user.wait_for(has("organisation"))
    await user.send(org)
    await user.wait_for(has_button("NGO"))
    await user.press("NGO")
    await user.wait_for(has("phone number"))
    await user.send(phone or "Skip")
    await user.wait_for(has_button("Online"))
    await user.press(fmt)
    await user.wait_for(has_button("Confirm"))
    await user.press("Confirm")
    return await user.wait_for(has("registered"))


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 10.0,
                     what: str = "condition") -> None:
    """Poll a condition that nothing notifies us of (e.g. a row another process writes),
    until a deadline."""
    deadline = asyncio.get_running_loop().time() + within
    while not await check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{what} not met within {within}s")
        await asyncio.sleep(0.02)
