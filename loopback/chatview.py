"""Reading one chat from the user side: messages, waits, button presses."""

# The waiting API takes an explicit deadline (`timeout=`) by design.
# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from .models import BotMessage, Person
from .objects import bot_message_json, user_json, user_message_json
from .state import CallbackQueryInfo, ChatState, State

Predicate = Callable[[BotMessage], bool]


class ChatView:
    def __init__(self, state: State, chat: ChatState) -> None:
        self._state = state
        self._chat = chat
        self._last_query: str | None = None

    @property
    def chat_id(self) -> int:
        return self._chat.id

    @property
    def messages(self) -> list[BotMessage]:
        """Everything the bot sent to this chat, in order (deleted ones flagged)."""
        return list(self._chat.bot_messages)

    @property
    def last(self) -> BotMessage:
        """The latest non-deleted bot message."""
        for msg in reversed(self._chat.bot_messages):
            if not msg.deleted:
                return msg
        raise AssertionError(f"the bot sent nothing to chat {self.chat_id}")

    @property
    def keyboard(self) -> list[str]:
        """Texts of the reply keyboard currently shown (last one sent and not removed)."""
        current: list[str] = []
        for msg in self._chat.bot_messages:
            if msg.reply_keyboard:
                current = msg.reply_keyboard
            elif msg.removes_keyboard:
                current = []
        return current

    @property
    def chat_actions(self) -> list[str]:
        return list(self._chat.actions)

    def transcript(self) -> str:
        return self._chat.transcript()

    async def wait_for(
        self, predicate: Predicate | None = None, timeout: float = 10.0
    ) -> BotMessage:
        """The latest non-deleted bot message matching predicate, waiting for one to appear."""
        return await self._wait(predicate, timeout, since=None)

    async def reply(self, predicate: Predicate | None = None, timeout: float = 10.0) -> BotMessage:
        """The first bot message sent or edited after this chat's latest user action
        (send/press) that matches predicate (default: any)."""
        return await self._wait(predicate, timeout, since=self._chat.mark)

    async def _wait(
        self, predicate: Predicate | None, timeout: float, since: int | None
    ) -> BotMessage:
        found: list[BotMessage] = []

        def ready() -> bool:
            if since is None:
                candidates = [m for m in reversed(self._chat.bot_messages) if not m.deleted]
            else:
                fresh = [m for m in self._chat.bot_messages if m.seq > since and not m.deleted]
                candidates = sorted(fresh, key=lambda m: m.seq)
            found[:] = [m for m in candidates if predicate is None or predicate(m)][:1]
            return bool(found)

        if not await self._until_written(ready, timeout):
            what = "a new bot message" if since is not None else "a bot message"
            raise AssertionError(
                f"chat {self.chat_id}: no {what} matching the predicate within {timeout}s."
                f"\nTranscript:\n{self.transcript()}"
            )
        return found[0]

    async def _until_written(self, ready: Callable[[], bool], timeout: float) -> bool:
        """Wait until ready() holds, re-checked after each bot write to this chat (the
        predicates look at this chat's messages only); False at the deadline."""
        try:
            async with asyncio.timeout(timeout):
                while not ready():
                    self._chat.written.clear()  # no await since ready(): nothing missed
                    await self._chat.written.wait()
        except TimeoutError:
            return ready()
        return True

    async def _deliver(self, sender: Person, content: dict[str, Any], line: str) -> int:
        date, at = self._state.now()
        message_id = self._chat.next_message_id()
        message = user_message_json(self._chat, sender, message_id, date, content)
        self._chat.user_messages[message_id] = message
        self._mark(at, line)
        self._state.enqueue("message", message)
        await self._state.notify()
        return message_id

    async def _edit(self, sender: Person, message_id: int, text: str) -> None:
        """The user edits a message they sent: an `edited_message` update."""
        date, at = self._state.now()
        original = self._chat.user_messages.get(message_id)
        if original is None:
            raise KeyError(f"no user message {message_id} in chat {self.chat_id}")
        edited = {**original, "text": text, "edit_date": date}
        self._chat.user_messages[message_id] = edited
        self._mark(at, f"> {sender.first_name} edited #{message_id}: {text!r}")
        self._state.enqueue("edited_message", edited)
        await self._state.notify()

    def _mark(self, at: float, line: str) -> None:
        self._chat.events.append((at, line))
        self._chat.mark = self._chat.seq

    def _find_button(self, label: str) -> tuple[BotMessage, dict[str, Any]]:
        live = [m for m in reversed(self._chat.bot_messages) if not m.deleted]
        for matches in (lambda t: t == label, lambda t: label in t):
            for msg in live:
                for button in msg.inline_buttons:
                    if matches(str(button.get("text", ""))):
                        return msg, button
        available = {m.message_id: m.buttons for m in live if m.buttons}
        raise AssertionError(
            f"chat {self.chat_id}: no inline button {label!r}; available (by message id): "
            f"{available}\nTranscript:\n{self.transcript()}"
        )

    async def _press(self, sender: Person, label: str) -> str:
        msg, button = self._find_button(label)
        data = button.get("callback_data")
        if data is None:
            raise AssertionError(f"button {label!r} has no callback_data: {button}")
        return await self._callback(sender, msg, str(data), f"[{button.get('text')}]")

    async def _press_data(self, sender: Person, data: str, message_id: int | None) -> str:
        msg = self.last if message_id is None else self._chat.find(message_id)
        if msg is None:
            raise AssertionError(f"chat {self.chat_id}: no bot message #{message_id}")
        return await self._callback(sender, msg, data, "(forged)")

    async def _callback(self, sender: Person, msg: BotMessage, data: str, what: str) -> str:
        query_id = self._state.new_id("4400")
        at = self._state.now()[1]
        self._state.callbacks[query_id] = CallbackQueryInfo(
            query_id, sender.id, self.chat_id, msg.message_id, data
        )
        self._mark(at, f"> {sender.first_name} pressed {what} on #{msg.message_id} data={data!r}")
        self._state.enqueue(
            "callback_query",
            {
                "id": query_id,
                "from": user_json(sender),
                "chat_instance": str(abs(self.chat_id) * 7919),
                "message": bot_message_json(self._state, self._chat, msg),
                "data": data,
            },
        )
        self._last_query = query_id
        await self._state.notify()
        return query_id

    async def answer_to_press(self, timeout: float = 10.0) -> dict[str, Any]:
        """Parameters of the answerCallbackQuery for the latest press (waits for it)."""
        if self._last_query is None:
            raise RuntimeError("nothing was pressed")
        query = self._state.callbacks[self._last_query]
        if not await self._state.wait(lambda: query.answer is not None, timeout):
            raise AssertionError(
                f"callback query {query.id} (data={query.data!r}) not answered within "
                f"{timeout}s.\nTranscript:\n{self.transcript()}"
            )
        if query.answer is None:  # the wait above returned True, so this cannot happen
            raise RuntimeError(f"callback query {query.id} lost its answer")
        return query.answer

    def _answers(self, user_id: int) -> list[dict[str, Any]]:
        queries = self._state.callbacks.values()
        return [q.answer for q in queries if q.user_id == user_id and q.answer is not None]
