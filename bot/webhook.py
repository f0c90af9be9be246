"""Webhook mode: Telegram POSTs updates to `[webhook] url`; we listen behind it on
listen_host:listen_port at the URL's path, plus `GET /healthz` for the supervisor."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from core.config import HEALTH_PATH, WebhookSection

if TYPE_CHECKING:
    from aiogram import Bot, Dispatcher
    from aiohttp import web

log = logging.getLogger("regbot")

Health = Callable[[], Awaitable[bool]]
# The server waits this long for requests in progress when stopping; the updates they
# started are waited for by the dispatcher's shutdown (in-flight tracking in the factory).
SHUTDOWN_TIMEOUT = 5.0
# A connection that has not sent a complete request within this many seconds is closed
# (else connections that never finish their headers or body are held open forever).
REQUEST_TIMEOUT = 10.0


class ListenError(Exception):
    """The webhook server could not bind its address ([webhook] listen_host/listen_port)."""


def web_app(dp: Dispatcher, bot: Bot, config: WebhookSection, healthy: Health) -> web.Application:
    """The aiohttp app: the update route (secret checked by aiogram: a wrong or missing
    X-Telegram-Bot-Api-Secret-Token gets 401 before anything is parsed) and the health check.
    Its start-up and shutdown run the dispatcher's, as polling does."""
    # Imported here: polling, the default, never needs the web server (about 20 ms at start).
    from aiogram.webhook.aiohttp_server import setup_application
    from aiohttp import web

    from bot.webhook_guard import SecretChecked, within

    if config.secret is None:  # the config refuses a url without one; never serve unguarded
        raise ValueError("webhook mode needs [webhook] secret")
    app = web.Application()
    # First, so that at shutdown the dispatcher's (which waits for updates in flight and
    # lets the outbox finish) runs before the request handler closes the bot's session.
    setup_application(app, dp, bot=bot)
    # Answered at once and handled in the background (aiogram's default): Telegram waits
    # for no reply, and a slow handler does not hold its connection open.
    SecretChecked(dp, bot, secret_token=config.secret.get_secret_value(),
                  handle_in_background=True).register(app, path=config.path)
    app.middlewares.append(within(REQUEST_TIMEOUT))

    async def health(request: web.Request) -> web.Response:
        try:
            ok = await healthy()
        except Exception:  # a broken database is an answer, not a crash of the check
            log.warning("health check failed", exc_info=True)
            ok = False
        return web.Response(text="ok\n" if ok else "unhealthy\n", status=200 if ok else 503)

    app.router.add_get(HEALTH_PATH, health)
    return app


async def register(bot: Bot, config: WebhookSection,
                   updates: list[str] | None = None) -> None:
    """Tell Telegram where to send updates, and which kinds (`updates`: the ones the
    handlers use, e.g. poll_answer for the feedback poll). Updates queued while we were
    down (or while polling) are delivered there, not dropped."""
    if config.url is None or config.secret is None:
        raise ValueError("webhook mode needs [webhook] url and secret")
    await bot.set_webhook(config.url, secret_token=config.secret.get_secret_value(),
                          allowed_updates=updates)
    log.info("webhook set: Telegram sends updates to %s; listening on %s:%d%s",
             config.url, config.listen_host, config.listen_port, config.path)


async def serve(dp: Dispatcher, bot: Bot, config: WebhookSection, healthy: Health,
                stop: asyncio.Event, handle_signals: bool = True) -> None:
    """Listen until `stop` is set (or SIGTERM/SIGINT); then stop gracefully.

    On stop the webhook is left registered, deliberately: Telegram keeps the updates that
    arrive meanwhile and delivers them when we are back (a restart or a new version loses
    nothing), and in a rolling deploy the old process stopping must not unregister the
    webhook the new one has just set. Going back to polling needs one deleteWebhook call
    (see the README), since Telegram refuses getUpdates while a webhook is set."""
    from aiohttp import web

    app = web_app(dp, bot, config, healthy)
    # keepalive_timeout also runs from a connection's start: one that never completes
    # its request (headers) is closed after REQUEST_TIMEOUT, as an idle one is.
    # lingering_time: after the 408, the rest of a body is not waited for much longer.
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=SHUTDOWN_TIMEOUT,
                           handle_signals=False, keepalive_timeout=REQUEST_TIMEOUT,
                           lingering_time=1.0)
    await runner.setup()  # runs the dispatcher's start-up (getMe, scheduler, outbox...)
    try:
        site = web.TCPSite(runner, config.listen_host, config.listen_port)
        try:
            await site.start()
        except OSError as exc:  # port taken (perhaps by the old process), unknown host
            raise ListenError(f"cannot listen on {config.listen_host}:{config.listen_port} "
                              f"for the webhook: {exc.strerror or exc}") from None
        # Listening first: Telegram may call at once.
        await register(bot, config, dp.resolve_used_update_types())
        if handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        log.info("stopping: webhook server")
    finally:
        if handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(sig)
        await runner.cleanup()  # the dispatcher's shutdown, then the bot's session closes
