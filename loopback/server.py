"""FakeTelegram: an aiohttp Bot API server on 127.0.0.1 plus the test-side control API."""

# The waiting API takes an explicit deadline (`timeout=`) by design.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from aiohttp import web

from . import methods_edit, methods_misc, methods_send  # noqa: F401  (register methods)
from .faults import ApiError, Fault, FaultRule
from .methods_misc import scope_key
from .models import BotMessage, Person, Recorded
from .params import read_params
from .registry import lookup
from .state import State
from .user import FakeGroup, FakeUser

log = logging.getLogger(__name__)
CLIENT_GONE = 499  # Recorded.status of a request whose client disconnected before the answer


class FakeTelegram:
    def __init__(
        self,
        token: str = "123456:TEST-TOKEN",
        bot_id: int | None = None,
        bot_username: str = "regbot_test",
        bot_first_name: str = "RegBot",
    ) -> None:
        self.token = token
        self.bot_id = bot_id if bot_id is not None else int(token.split(":", 1)[0])
        bot = Person(self.bot_id, bot_first_name, username=bot_username, is_bot=True)
        self.state = State(bot)
        self.requests: list[Recorded] = []
        self.faults: list[FaultRule] = []
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._users: dict[int, FakeUser] = {}

    # -- lifecycle -------------------------------------------------------------------------
    async def start(self, port: int = 0) -> None:
        """Listen on 127.0.0.1:``port`` (0: a free port; pass the old port to restart in place)."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self.state.closing = False
        self._runner = web.AppRunner(
            app, handler_cancellation=True, shutdown_timeout=1.0, access_log=None
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        self.state.closing = True
        await self.state.notify()  # release long polls and hangs
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        if not self._port:
            raise RuntimeError("FakeTelegram is not started")
        return f"http://127.0.0.1:{self._port}"

    # -- HTTP --------------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        received = time.monotonic()
        call = Recorded(request.match_info["method"], {}, received, CLIENT_GONE)
        try:
            call.status, body = await self._respond(request, call)
        except asyncio.CancelledError:  # the client disconnected before the answer
            self.requests.append(call)
            await self.state.notify()
            raise
        self.requests.append(call)
        await self.state.notify()
        return web.json_response(body, status=call.status)

    async def _respond(self, request: web.Request, call: Recorded) -> tuple[int, dict[str, Any]]:
        """Handle one call; fills in ``call.method`` (canonical name) and ``call.params``."""
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            call.params = await read_params(request)
            found = lookup(call.method)
            if found is None:
                raise ApiError(404, "Not Found")
            call.method, handler = found
            fault = self._fault_for(call.method, call.params)
            if fault is not None and fault.delay:
                await self.state.wait(lambda: self.state.closing, fault.delay)
            if fault is not None and fault.status is not None:
                raise fault.to_error()
            return 200, {"ok": True, "result": await handler(self.state, call.params)}
        except ApiError as exc:
            body: dict[str, Any] = {"ok": False, "error_code": exc.status}
            body["description"] = exc.description
            if exc.retry_after is not None:
                body["parameters"] = {"retry_after": exc.retry_after}
            return exc.status, body
        except Exception as exc:  # a bug in the fake: make it loud, but keep serving
            log.exception("fake Telegram failed on %s", call.method)
            return 500, {"ok": False, "error_code": 500, "description": f"Fake failed: {exc!r}"}

    def _fault_for(self, method: str, params: dict[str, Any]) -> Fault | None:
        for rule in list(self.faults):
            if (fault := rule(method, params)) is not None:
                return fault
        return None

    # -- test-side API -------------------------------------------------------------------------
    def calls(self, method: str) -> list[Recorded]:
        return [r for r in self.requests if r.method.lower() == method.lower()]

    def add_fault(self, rule: FaultRule) -> None:
        self.faults.append(rule)

    def clear_faults(self) -> None:
        self.faults.clear()

    def user(
        self,
        user_id: int,
        first_name: str = "User",
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
    ) -> FakeUser:
        """A Telegram user with a private chat (chat id == user id). Idempotent per id."""
        if user_id not in self._users:
            person = Person(user_id, first_name, last_name, username, language_code)
            self._users[user_id] = FakeUser(self.state, person)
        return self._users[user_id]

    def group(
        self, chat_id: int = -100123, title: str = "Group", username: str | None = None
    ) -> FakeGroup:
        """A supergroup with the bot in it (messages to ``@username`` also reach it)."""
        return FakeGroup(self.state, chat_id, title, username)

    def block(self, user_id: int, blocked: bool = True) -> None:
        chat = self.state.chats.get(user_id)
        if chat is None or chat.person is None:
            raise KeyError(f"no user {user_id}")
        chat.person.blocked = blocked

    def unblock(self, user_id: int) -> None:
        self.block(user_id, blocked=False)

    def sent(self, chat_id: int) -> list[BotMessage]:
        chat = self.state.chats.get(chat_id)
        return list(chat.bot_messages) if chat else []

    def commands(
        self, scope: str | dict[str, Any] = "default", language_code: str = ""
    ) -> list[dict[str, Any]]:
        """Commands set via setMyCommands for a scope key ('default', 'all_private_chats',
        'chat:<id>') or a BotCommandScope dict; [] if none were set."""
        key = scope if isinstance(scope, str) else scope_key(self.state, scope)
        return self.state.commands.get((key, language_code), [])

    def take_updates(self) -> list[dict[str, Any]]:
        """Remove and return the queued updates, for a test to deliver them itself (as
        Telegram does to a webhook) instead of the bot polling for them."""
        taken, self.state.updates = self.state.updates, []
        return taken

    @property
    def webhook(self) -> tuple[str, str | None]:
        """setWebhook's (url, secret_token); ("", None) when none is set."""
        return self.state.webhook_url, self.state.webhook_secret

    @property
    def pending_updates(self) -> int:
        """Updates not yet confirmed by the bot (via getUpdates offset)."""
        return len(self.state.updates)

    @property
    def polling(self) -> bool:
        """True while a getUpdates long poll is waiting for updates."""
        return self.state.long_polls > 0

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        """Wait until predicate() is true; re-checked after every request and user action."""
        if not await self.state.wait(predicate, timeout):
            tail = "\n".join(f"  {r.method} -> {r.status}" for r in self.requests[-15:])
            raise AssertionError(f"condition not met within {timeout}s; last requests:\n{tail}")
