"""One pace for every message the bot sends: replies, edits, documents, reminders,
broadcasts. Telegram refuses (429) a bot that sends more than about 30 messages a second,
or more than about one a second to one chat; waiting for the refusal and then retrying
everything at once is what lost replies in a stampede. So every message-sending request
first takes a slot here:

- at most `rate` a second in all, and one per chat per `per_chat_interval`;
- replies (requests made while an update is handled) go before bulk sends (the Sender's
  reminders and broadcasts), first come first served among each kind; a request whose chat
  must still wait does not hold up the others;
- while Telegram asks the bot to pause (RetryAfterGate), nothing is granted.

aiolimiter's bucket has no priorities or per-chat spacing, which are the point here; the
scheduler below is a few lines of plain asyncio instead. Every grant costs O(log n) in the
people waiting (two heaps of ready tickets, one of tickets whose chat must still wait), so
a stampede of thousands does not slow the pace down."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.methods import (
    CopyMessage,
    EditMessageCaption,
    EditMessageReplyMarkup,
    EditMessageText,
    ForwardMessage,
    SendDocument,
    SendMediaGroup,
    SendMessage,
    SendPhoto,
)

from core.throttle import GRANTED, PACED, RetryAfterGate

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import Response, TelegramMethod

# What Telegram counts as a message (answerCallbackQuery, getUpdates & co. are not).
MESSAGES = (SendMessage, SendDocument, SendPhoto, SendMediaGroup, CopyMessage, ForwardMessage,
            EditMessageText, EditMessageReplyMarkup, EditMessageCaption)
# Telegram counts requests where they arrive; network jitter can bring two of them closer
# there than they left here. Spacing as if the second were this much longer keeps every
# second at the endpoint within the limit, for 2 % of the rate.
JITTER = 0.02
# A grant that comes late (the loop woke up after the slot) may be caught up on, up to this
# much: at a high rate a timer per slot oversleeps every time and would lose a third of
# the rate. Within any second that still stays under the rate, thanks to JITTER's margin.
SLACK = 0.005


@dataclass(order=True)
class _Ticket:
    seq: int  # arrival order: first come first served within a kind
    bulk: bool = field(compare=False)
    chat: int | None = field(compare=False)
    granted: asyncio.Future[None] = field(compare=False)


class Pacer(BaseRequestMiddleware):
    def __init__(self, rate: float, per_chat_interval: float, gate: RetryAfterGate,
                 monotonic: Callable[[], float] | None = None) -> None:
        self.spacing = (1 + JITTER) / rate
        # The same margin per chat, plus a little for two requests' different paths.
        self.per_chat = per_chat_interval * (1 + JITTER) + 0.02 if per_chat_interval else 0.0
        self.gate = gate
        self.monotonic = monotonic or gate.monotonic
        # Tickets whose chat may receive now, by arrival: replies, then bulk sends.
        self._ready: tuple[list[_Ticket], list[_Ticket]] = ([], [])
        # Tickets whose chat must wait, by the moment it may receive again.
        self._held: list[tuple[float, _Ticket]] = []
        self._count = 0  # tickets not yet granted or given up
        self._seq = itertools.count()
        self._next = 0.0  # the earliest moment of the next grant
        self._chat_next: dict[int, float] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def waiting(self) -> int:
        return self._count

    async def __call__(self, make_request: Any, bot: Bot,
                       method: TelegramMethod[Any]) -> Response[Any]:
        if isinstance(method, MESSAGES) and not GRANTED.get():  # else the Sender took it
            chat = getattr(method, "chat_id", None)
            await self.acquire(chat if isinstance(chat, int) else None, bulk=PACED.get())
        response: Response[Any] = await make_request(bot, method)
        return response

    async def acquire(self, chat: int | None, bulk: bool) -> None:
        now = self.monotonic()
        if not self._count and self._free(chat, now) and not self.gate.paused:
            self._taken(chat, now)  # nobody waits and the slot is free: no queue, no task
            return
        ticket = _Ticket(next(self._seq), bulk, chat, asyncio.get_running_loop().create_future())
        self._count += 1
        self._place(ticket, now)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._grant(), name="pacer")
        self._wake.set()
        try:
            await ticket.granted
        finally:
            # Cancelled (asyncio cancels the awaited future too): skipped when it comes up.
            if not ticket.granted.done():
                ticket.granted.cancel()
            if ticket.granted.cancelled():
                self._count -= 1

    def _free(self, chat: int | None, now: float) -> bool:
        return self._next <= now and (chat is None or self._chat_next.get(chat, 0.0) <= now)

    def _taken(self, chat: int | None, now: float) -> None:
        """A slot was granted now to a message for `chat`."""
        self._next = max(now - SLACK, self._next) + self.spacing
        if chat is not None and self.per_chat:
            self._chat_next[chat] = now + self.per_chat
            if len(self._chat_next) > 10_000:  # forget chats whose pause is over
                self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}

    def _place(self, ticket: _Ticket, now: float) -> None:
        free_at = self._chat_next.get(ticket.chat, 0.0) if ticket.chat is not None else 0.0
        if free_at <= now:
            heapq.heappush(self._ready[ticket.bulk], ticket)
        else:
            heapq.heappush(self._held, (free_at, ticket))

    def _release_held(self, now: float) -> None:
        while self._held and self._held[0][0] <= now:
            _, ticket = heapq.heappop(self._held)
            self._place(ticket, now)  # its chat may have been served again meanwhile

    def _next_ready(self, now: float) -> _Ticket | None:
        """The first ticket that may go now (replies first), or None."""
        for queue in self._ready:
            while queue:
                ticket = queue[0]
                if ticket.granted.done():  # its caller gave up
                    heapq.heappop(queue)
                    continue
                if ticket.chat is not None and self._chat_next.get(ticket.chat, 0.0) > now:
                    # Another ticket of its chat went first (a reply ahead of it).
                    heapq.heappop(queue)
                    self._place(ticket, now)
                    continue
                return ticket
        return None

    async def _grant(self) -> None:
        """Hand out slots while anyone waits; ends when nobody does."""
        while self._count:
            await self.gate.wait()
            now = self.monotonic()
            self._release_held(now)
            ticket = self._next_ready(now)
            if ticket is not None and self._next <= now:
                heapq.heappop(self._ready[ticket.bulk])
                ticket.granted.set_result(None)
                self._count -= 1
                self._taken(ticket.chat, now)
                continue
            if ticket is not None:
                wait = self._next - now
            elif self._held:
                wait = self._held[0][0] - now
            else:
                wait = 1.0  # only given-up tickets left: the count catches up at once
            self._wake.clear()
            with contextlib.suppress(TimeoutError):  # a new ticket may be ready earlier
                await asyncio.wait_for(self._wake.wait(), timeout=max(wait, 0.001))
