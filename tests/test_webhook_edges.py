"""Issue 20, finding 8: the webhook's edges. A malformed secret header gets 401 (no
traceback); a secret under 16 characters is refused by the config; a connection that does
not send a complete request in time is closed."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from bot import webhook
from bot.factory import create_app
from core.config import WebhookSection
from loopback import FakeTelegram
from tests.harness import settings_for
from tests.test_webhook import SECRET, URL, Served, _free_port

PATH = "/telegram/updates"


@pytest.fixture
async def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Served]:
    monkeypatch.setattr(webhook, "REQUEST_TIMEOUT", 1.0)  # the real one is 10 s
    async with FakeTelegram() as fake:
        port = _free_port()
        settings = settings_for(fake, tmp_path).model_copy(update={"webhook": WebhookSection(
            url=URL, secret=SecretStr(SECRET), listen_host="127.0.0.1", listen_port=port)})
        app = await create_app(settings)
        task = asyncio.create_task(app.run(handle_signals=False))
        await fake.wait_until(lambda: bool(fake.calls("setWebhook")), timeout=15)
        try:
            yield Served(fake, app, task, port)
        finally:
            await app.stop()
            await asyncio.wait_for(task, 30)


async def raw(served: Served, request: bytes) -> tuple[bytes, float]:
    """Send bytes as they are; what the server answers until it closes, and how long
    that took."""
    loop = asyncio.get_running_loop()
    reader, writer = await asyncio.open_connection("127.0.0.1", served.port)
    began = loop.time()
    writer.write(request)
    await writer.drain()
    try:
        async with asyncio.timeout(15):
            said = await reader.read()  # until the server closes the connection
    finally:
        writer.close()
    return said, loop.time() - began


async def test_finding8_a_malformed_secret_gets_401_without_a_traceback(
        served: Served, caplog: pytest.LogCaptureFixture) -> None:
    body = b'{"update_id": 1}'
    for secret in ("s\u00e9cret-\u0441\u0435\u043a\u0440\u0435\u0442".encode(), b"\xff\xfe"):
        said, _ = await raw(served, b"POST " + PATH.encode() + b" HTTP/1.1\r\nHost: x\r\n"
                            b"Connection: close\r\nContent-Type: application/json\r\n"
                            b"X-Telegram-Bot-Api-Secret-Token: " + secret + b"\r\n"
                            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        assert said.startswith(b"HTTP/1.1 401"), said
    assert [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []


async def test_finding8_incomplete_requests_are_closed(served: Served) -> None:
    headers_only, waited = await raw(served, b"POST " + PATH.encode() + b" HTTP/1.1\r\n"
                                     b"Host: x\r\n")  # and nothing more, ever
    assert headers_only == b"" and waited < 10  # closed, by the 1 s limit set above
    no_body, took = await raw(served, b"POST " + PATH.encode() + b" HTTP/1.1\r\nHost: x\r\n"
                           b"X-Telegram-Bot-Api-Secret-Token: " + SECRET.encode() + b"\r\n"
                           b"Content-Length: 100\r\n\r\n{")  # 99 bytes never come
    assert no_body.startswith(b"HTTP/1.1 408") and took < 10, (no_body, took)
    assert await served.health() == 200  # the server itself goes on


@pytest.mark.parametrize("secret", ["x", "fifteen-chars-x"])
def test_finding8_a_short_secret_is_refused_in_plain_words(secret: str) -> None:
    with pytest.raises(ValidationError, match="too short: use at least 16 characters"):
        WebhookSection(url=URL, secret=SecretStr(secret))
    WebhookSection(url=URL, secret=SecretStr(secret + "y" * (16 - len(secret))))
