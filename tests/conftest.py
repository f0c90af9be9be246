from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from core.config import Settings
from loopback import FakeTelegram
from tests.harness import ADMIN, Running, settings_for, start


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
def settings(fake: FakeTelegram, tmp_path: Path) -> Settings:
    return settings_for(fake, tmp_path)


@pytest.fixture
async def running(fake: FakeTelegram, settings: Settings) -> AsyncIterator[Running]:
    app = await start(fake, settings)
    yield app
    await app.stop()


@pytest.fixture
async def small(fake: FakeTelegram, tmp_path: Path) -> AsyncIterator[Running]:
    """A three-seat room, with the admin's chat known before the start."""
    fake.user(ADMIN, first_name="Olga", language_code="en")
    app = await start(fake, settings_for(fake, tmp_path, offline_capacity=3))
    yield app
    await app.stop()


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    """A bare aiogram Bot on the loopback API, for tests of one part (sender, fan-out)."""
    client = Bot(fake.token, session=AiohttpSession(
        api=TelegramAPIServer.from_base(fake.base_url)))
    yield client
    await client.session.close()
