"""Webhook mode end to end: the real app listens on 127.0.0.1; updates the loopback's users
send are POSTed to it as Telegram would, with or without the right secret."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr, ValidationError

from bot.factory import App, create_app
from core.config import Settings, WebhookSection
from loopback import FakeTelegram
from tests.harness import has_button, settings_for

SECRET = "s3cret-Token_for-tests"
URL = "https://bot.example.org/telegram/updates"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Served:
    fake: FakeTelegram
    app: App
    task: asyncio.Task[None]
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def post(self, update: dict[str, Any], secret: str | None) -> int:
        headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
        async with aiohttp.ClientSession() as http, http.post(
                self.base + "/telegram/updates", json=update, headers=headers) as resp:
            return resp.status

    async def health(self) -> int:
        async with aiohttp.ClientSession() as http, http.get(self.base + "/healthz") as resp:
            return resp.status


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Served]:
    async with FakeTelegram() as fake:
        port = _free_port()
        settings = settings_for(fake, tmp_path).model_copy(update={"webhook": WebhookSection(
            url=URL, secret=SecretStr(SECRET), listen_host="127.0.0.1", listen_port=port)})
        app = await create_app(settings)
        task = asyncio.create_task(app.run(handle_signals=False))
        # Listening once setWebhook was called (start-up hooks have run before it).
        await fake.wait_until(lambda: bool(fake.calls("setWebhook")), timeout=15)
        try:
            yield Served(fake, app, task, port)
        finally:
            await app.stop()
            await asyncio.wait_for(task, 30)


async def test_set_webhook_carries_the_url_and_secret(served: Served) -> None:
    (call,) = served.fake.calls("setWebhook")
    assert call.params["url"] == URL
    assert call.params["secret_token"] == SECRET
    assert "poll_answer" in call.params["allowed_updates"]  # the feedback poll's answers
    assert served.fake.webhook == (URL, SECRET)
    assert not served.fake.calls("getUpdates")  # no polling in webhook mode


async def test_an_update_with_the_secret_is_handled(served: Served) -> None:
    user = served.fake.user(101, "Alice")
    await user.send("/start")
    (update,) = served.fake.take_updates()
    assert await served.post(update, SECRET) == 200
    await user.wait_for(has_button("Register"))


async def test_a_wrong_or_missing_secret_gets_401_and_is_not_handled(served: Served) -> None:
    user = served.fake.user(102, "Mallory")
    await user.send("/start")
    (update,) = served.fake.take_updates()
    assert await served.post(update, "not-the-secret") == 401
    assert await served.post(update, None) == 401
    # The server is fine: a properly signed update from someone else is handled.
    other = served.fake.user(103, "Bob")
    await other.send("/start")
    (control,) = served.fake.take_updates()
    assert await served.post(control, SECRET) == 200
    await other.wait_for(has_button("Register"))
    assert served.fake.sent(102) == []


async def test_healthz_while_the_database_and_scheduler_live(served: Served) -> None:
    assert await served.health() == 200
    served.app.scheduler.shutdown(wait=False)
    assert await served.health() == 503


async def test_stopping_keeps_the_webhook(tmp_path: Path) -> None:
    # Telegram keeps updates for a set webhook while we restart; deleting it on stop would
    # also unset the one a newer process (rolling deploy) has just set.
    async with FakeTelegram() as fake:
        settings = settings_for(fake, tmp_path).model_copy(update={"webhook": WebhookSection(
            url=URL, secret=SecretStr(SECRET), listen_port=_free_port())})
        app = await create_app(settings)
        task = asyncio.create_task(app.run(handle_signals=False))
        await fake.wait_until(lambda: bool(fake.calls("setWebhook")), timeout=15)
        await app.stop()
        await asyncio.wait_for(task, 30)
        assert not fake.calls("deleteWebhook")
        assert fake.webhook == (URL, SECRET)


def test_polling_stays_the_default() -> None:
    assert WebhookSection().url is None


@pytest.mark.parametrize(("given", "words"), [
    ({"url": URL}, "REGBOT_WEBHOOK__SECRET"),
    ({"url": "http://bot.example.org/hook", "secret": SECRET}, "https://"),
    ({"url": URL, "secret": "has spaces inside"}, "letters, digits"),
    ({"url": "https://bot.example.org/healthz", "secret": SECRET}, "health check"),
    ({"url": URL, "secret": SECRET, "listen_prt": 80}, "listen_prt"),
])
def test_bad_webhook_config_is_refused(given: dict[str, Any], words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Settings.model_validate({
            "telegram": {"token": "1:x"}, "webhook": given,
            "event": {"title": "T", "starts_at": "2030-01-01T10:00:00", "offline_capacity": 1,
                      "venue": "V", "contact_phone": "1", "zoom_conference_id": "1"}})
    assert words in str(caught.value)


async def test_a_taken_port_is_one_plain_error(tmp_path: Path) -> None:
    from bot.webhook import ListenError

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        async with FakeTelegram() as fake:
            settings = settings_for(fake, tmp_path).model_copy(update={
                "webhook": WebhookSection(url=URL, secret=SecretStr(SECRET), listen_port=port)})
            app = await create_app(settings)
            with pytest.raises(ListenError, match=f"127.0.0.1:{port}"):
                await app.run(handle_signals=False)
            assert not fake.calls("setWebhook")
