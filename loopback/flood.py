"""Telegram's flood control, as a fault rule: at most `per_second` messages a second for
the bot, and one per chat per `per_chat` seconds; past either, 429 with retry_after.

    fake.add_fault(FloodControl(per_second=30, per_chat=1.0))

Telegram's real limit varies by bot and load; `per_second` and `per_chat` may be changed
mid-run (read on every request) to see the bot follow it (tests/test_pace_adapts.py).
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from .faults import Fault

MESSAGES = frozenset({"sendMessage", "sendDocument", "sendPhoto", "sendMediaGroup",
                      "copyMessage", "forwardMessage", "editMessageText",
                      "editMessageReplyMarkup", "editMessageCaption"})


class FloodControl:
    def __init__(self, per_second: int = 30, per_chat: float = 1.0, retry_after: int = 1) -> None:
        self.per_second, self.per_chat, self.retry_after = per_second, per_chat, retry_after
        self._recent: deque[float] = deque()
        self._chat_last: dict[str, float] = {}
        self.refused = 0
        self.accepted = 0

    def __call__(self, method: str, params: dict[str, Any]) -> Fault | None:
        if method not in MESSAGES:
            return None
        now = time.monotonic()
        while self._recent and now - self._recent[0] >= 1.0:
            self._recent.popleft()
        chat = str(params.get("chat_id", ""))
        too_soon = now - self._chat_last.get(chat, -1e9) < self.per_chat
        if len(self._recent) >= self.per_second or too_soon:
            self.refused += 1
            return Fault.too_many(self.retry_after)
        self._recent.append(now)
        self._chat_last[chat] = now
        self.accepted += 1
        return None
