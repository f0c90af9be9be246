"""The in-process transport: an aiogram session that answers Bot API methods in memory.

It does what AiohttpSession does except the network: every field is prepared (JSON-dumped)
as for a form post, the answer is a JSON body parsed by BaseSession.check_response into the
method's return type, and each request yields to the event loop once, as real I/O would.
It remembers the last few messages sent to each chat so simulated users can read them and
press their buttons."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import Counter, deque
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from aiogram.client.session.base import BaseSession
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import TelegramMethod
    from aiogram.types import InputFile

KEEP = 3  # messages remembered per chat
TRUE_METHODS = frozenset({
    "answerCallbackQuery", "setMyCommands", "deleteMyCommands", "deleteWebhook",
    "sendChatAction", "setChatMenuButton", "deleteMessage", "close", "logOut",
})


@dataclass
class Sent:
    """A message the bot sent, as the Bot API returned it."""

    json: dict[str, Any]

    @property
    def text(self) -> str:
        return str(self.json.get("text", ""))

    @property
    def buttons(self) -> dict[str, str]:
        """Inline button label -> callback_data."""
        rows = (self.json.get("reply_markup") or {}).get("inline_keyboard") or []
        return {b["text"]: b.get("callback_data", "") for row in rows for b in row}


class MemorySession(BaseSession):
    def __init__(self, keep: int = KEEP) -> None:
        super().__init__()
        self.keep = keep
        self.chats: dict[int, deque[Sent]] = {}
        self.calls: Counter[str] = Counter()
        self._message_ids: Counter[int] = Counter()
        self._me: dict[str, Any] | None = None

    async def close(self) -> None:
        """Nothing to release."""

    async def stream_content(self, url: str, headers: dict[str, Any] | None = None,
                             timeout: int = 30, chunk_size: int = 65536,  # noqa: ASYNC109
                             raise_for_status: bool = True) -> AsyncGenerator[bytes, None]:
        raise NotImplementedError("files are not simulated")
        yield b""  # pragma: no cover

    async def make_request(self, bot: Bot, method: TelegramMethod[TelegramType],
                           timeout: int | None = None,  # noqa: ASYNC109
                           ) -> TelegramType:
        files: dict[str, InputFile] = {}
        form: dict[str, str] = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if prepared:
                form[key] = prepared
        name = method.__api_method__
        self.calls[name] += 1
        await asyncio.sleep(0)  # a real request suspends the caller at least once
        status, body = self._answer(bot, name, form)
        response = self.check_response(bot, method, status, self.json_dumps(body))
        return cast(TelegramType, response.result)

    def last(self, chat_id: int) -> list[Sent]:
        """Messages the bot sent to the chat, newest first."""
        return list(reversed(self.chats.get(chat_id, ())))

    # -- answers ----------------------------------------------------------------------------
    def _answer(self, bot: Bot, name: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if name == "sendMessage":
            return 200, {"ok": True, "result": self._send(bot, form)}
        if name == "getMe":
            return 200, {"ok": True, "result": self.me(bot)}
        if name in TRUE_METHODS:
            return 200, {"ok": True, "result": True}
        return 400, {"ok": False, "error_code": 400,
                     "description": f"Bad Request: {name} is not simulated in memory"}

    def me(self, bot: Bot) -> dict[str, Any]:
        if self._me is None:
            self._me = {"id": bot.id, "is_bot": True, "first_name": "Bench",
                        "username": "bench_bot", "can_join_groups": True,
                        "can_read_all_group_messages": False, "supports_inline_queries": False}
        return self._me

    def _send(self, bot: Bot, form: dict[str, str]) -> dict[str, Any]:
        chat_id = int(form["chat_id"])
        self._message_ids[chat_id] += 1
        me = self.me(bot)
        message: dict[str, Any] = {
            "message_id": self._message_ids[chat_id] * 2,  # odd ids are the user's
            "from": {"id": me["id"], "is_bot": True, "first_name": me["first_name"],
                     "username": me["username"]},
            "chat": {"id": chat_id, "type": "private", "first_name": "User"},
            "date": int(time.time()),
            "text": form.get("text", ""),
        }
        markup = form.get("reply_markup")
        if markup and markup.startswith('{"inline_keyboard"'):
            message["reply_markup"] = json.loads(markup)
        log = self.chats.get(chat_id)
        if log is None:
            log = self.chats[chat_id] = deque(maxlen=self.keep)
        log.append(Sent(message))
        return message


_update_ids = itertools.count(1)


def message_update(user_id: int, text: str, message_id: int) -> dict[str, Any]:
    """A private text message from a user, as getUpdates would deliver it."""
    message: dict[str, Any] = {
        "message_id": message_id,
        "from": user_json(user_id),
        "chat": {"id": user_id, "type": "private", "first_name": "User"},
        "date": int(time.time()),
        "text": text,
    }
    if text.startswith("/"):
        length = len(text.split(maxsplit=1)[0])
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return {"update_id": next(_update_ids), "message": message}


def callback_update(user_id: int, data: str, on: dict[str, Any]) -> dict[str, Any]:
    """A button press on the bot message `on`."""
    number = next(_update_ids)
    return {"update_id": number, "callback_query": {
        "id": str(number), "from": user_json(user_id), "chat_instance": str(user_id * 7919),
        "message": on, "data": data,
    }}


def user_json(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "User", "language_code": "en"}
