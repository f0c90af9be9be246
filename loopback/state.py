"""All mutable state of the fake Telegram: chats, messages, files, update queue."""

# The waiting API takes an explicit deadline (`timeout=`) by design.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .faults import ApiError, bad_request
from .models import BotMessage, Person, UploadedFile


@dataclass
class ChatState:
    id: int
    type: str  # "private" | "group" | "supergroup"
    person: Person | None = None  # the other side of a private chat
    title: str | None = None
    username: str | None = None
    bot_messages: list[BotMessage] = field(default_factory=list)
    user_messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    events: list[tuple[float, str]] = field(default_factory=list)  # user-side transcript lines
    actions: list[str] = field(default_factory=list)  # sendChatAction actions
    last_message_id: int = 0
    seq: int = 0  # bumped on every bot write (send/edit/delete)
    mark: int = 0  # ``seq`` at the user's most recent action
    # Set on every bot write to this chat: a user waiting for a reply wakes for their own
    # chat only (with a thousand people waiting, one shared wake-up per request made the
    # stand-in, not the bot, the bottleneck).
    written: asyncio.Event = field(default_factory=asyncio.Event, repr=False, compare=False)

    def next_message_id(self) -> int:
        self.last_message_id += 1
        return self.last_message_id

    def find(self, message_id: int) -> BotMessage | None:
        for msg in self.bot_messages:
            if msg.message_id == message_id:
                return msg
        return None

    def transcript(self) -> str:
        lines = list(self.events) + [(m.at, m.describe()) for m in self.bot_messages]
        lines.sort(key=lambda item: item[0])
        return "\n".join(line for _, line in lines) or "(empty chat)"


@dataclass
class CallbackQueryInfo:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    answer: dict[str, Any] | None = None


class State:
    """Shared by the HTTP handlers and the user-side API (same event loop)."""

    def __init__(self, bot: Person) -> None:
        self.bot = bot
        self.chats: dict[int, ChatState] = {}
        self.updates: list[dict[str, Any]] = []  # unconfirmed, oldest first
        self.last_update_id = 0
        self.poll_generation = 0
        self.long_polls = 0  # getUpdates requests currently waiting
        self.files: dict[str, UploadedFile] = {}
        self.callbacks: dict[str, CallbackQueryInfo] = {}
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        # (field, language_code) -> text; field is "description" or "short_description"
        self.profile: dict[tuple[str, str], str] = {}
        self.webhook_url = ""  # setWebhook's url ("" when none is set)
        self.webhook_secret: str | None = None
        self.closing = False
        self.changed = asyncio.Condition()  # notified on every update, request, bot write
        self._ids = itertools.count(1)

    def new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids)}"

    def chat(self, chat_id: Any) -> ChatState:
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        chat = self.chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None and isinstance(chat_id, str) and chat_id.startswith("@"):
            chat = next((c for c in self.chats.values() if c.username == chat_id[1:]), None)
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def writable_chat(self, chat_id: Any) -> ChatState:
        """The chat for a send/edit; 403 if the user blocked the bot."""
        chat = self.chat(chat_id)
        if chat.person is not None and chat.person.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    def add_file(self, upload: UploadedFile, prefix: str = "BQACAgIAAx-file-") -> str:
        file_id = self.new_id(prefix)
        self.files[file_id] = upload
        return file_id

    def store(self, chat: ChatState, msg: BotMessage) -> None:
        chat.seq += 1
        msg.seq = chat.seq
        chat.bot_messages.append(msg)
        chat.written.set()

    def touch(self, chat: ChatState, msg: BotMessage) -> None:
        chat.seq += 1
        msg.seq = chat.seq
        chat.written.set()

    def enqueue(self, kind: str, payload: dict[str, Any]) -> int:
        self.last_update_id += 1
        self.updates.append({"update_id": self.last_update_id, kind: payload})
        return self.last_update_id

    def confirm(self, offset: int) -> None:
        if offset < 0:
            self.updates = self.updates[offset:]
        else:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]

    async def notify(self) -> None:
        async with self.changed:
            self.changed.notify_all()

    async def wait(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """Wait (on the condition, not by polling) until predicate() holds; False on deadline."""
        async with self.changed:
            try:
                async with asyncio.timeout(timeout):
                    await self.changed.wait_for(predicate)
            except TimeoutError:
                return predicate()
        return True

    @staticmethod
    def now() -> tuple[int, float]:
        return int(time.time()), time.monotonic()
