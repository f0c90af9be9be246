"""The webhook's edges (imported only in webhook mode: aiohttp's server is not needed to
poll). Any malformed secret header is a plain 401; a request whose body does not arrive in
time is answered 408 and its connection closed."""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable

from aiogram import Bot
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

log = logging.getLogger("regbot")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class SecretChecked(SimpleRequestHandler):
    def verify_secret(self, telegram_secret_token: str, bot: Bot) -> bool:
        """Compared as bytes: aiogram's compare_digest of two str raises TypeError for a
        header with a non-ASCII character (a 500 and a traceback instead of a 401)."""
        if not self.secret_token:
            return True
        given = telegram_secret_token.encode("utf-8", "surrogateescape")
        return hmac.compare_digest(given, self.secret_token.encode("utf-8"))


def within(seconds: float) -> Callable[..., Awaitable[web.StreamResponse]]:
    """A request (its headers came) whose handler, reading the body, takes longer: 408."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            async with asyncio.timeout(seconds):
                return await handler(request)
        except TimeoutError:
            log.warning("webhook: a request not complete within %.0f s was closed", seconds)
            return web.Response(status=408, headers={"Connection": "close"})

    return middleware
