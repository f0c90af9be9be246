"""One pace for every message the bot sends: replies, edits, documents, reminders,
broadcasts. Telegram refuses (429) a bot that sends more than about 30 messages a second,
or more than about one a second to one chat; waiting for the refusal and then retrying
everything at once is what lost replies in a stampede. So every message-sending request
first takes a slot here:

- at most `rate` a second in all, and one per chat per `per_chat_interval`;
- replies (requests made while an update is handled) go before bulk sends (the Sender's
  reminders and broadcasts), first come first served among each kind; a request whose chat
  must still wait does not hold up the others;
- while Telegram asks the bot to pause (RetryAfterGate), nothing is granted;
- the pace learns Telegram's real one, which is not published and varies by bot and load:
  a 429 lowers it, and it creeps back up while none comes, never above the configured rate
  (see "How the pace adapts" below). Replies keep their priority throughout.

aiolimiter's bucket has no priorities or per-chat spacing, which are the point here; the
scheduler below is a few lines of plain asyncio instead. Every grant costs O(log n) in the
people waiting (two heaps of ready tickets, one of tickets whose chat must still wait), so
a stampede of thousands does not slow the pace down."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.exceptions import TelegramRetryAfter
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

log = logging.getLogger(__name__)

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

# How the pace adapts, AIMD as in TCP (multiplicative decrease, additive increase): a 429
# that can only be the bot's overall pace cuts the rate at once to what Telegram accepted
# in the second before it, less MARGIN (between half and 95 % of the rate: the next
# refusal cuts again); `hold` seconds after the pause Telegram asked for, if none came meanwhile, it
# creeps back up, `step` of the configured rate every `period`, each step twice the one
# before, never above the configured rate. Every probe above the real limit costs a
# refusal and a pause for everyone (retry_after), so it waits long and starts small.
# A 429 in a chat that had a message just before, while the bot as a whole was not busy,
# is that chat's limit: the spacing per chat widens by half and narrows back the same
# way, a tenth of the widening first.
MIN_RATE = 1.0  # messages a second: a pace that low is as good as stopped anyway
MAX_PER_CHAT = 5.0  # seconds: more than any chat's limit (groups: 20 a minute)
BUSY = 0.5  # "busy": granted at least this share of the rate in the second before
# Below a learned limit, as the default 29 a second is below Telegram's 30: the requests'
# timing wobbles on the way (JITTER covers the network only), and every refusal costs a
# pause for everyone.
MARGIN = 0.03


@dataclass(frozen=True)
class Adapt:
    """The tuning of the adaptation (tests shorten the times to run it in a few seconds)."""
    hold: float = 30.0  # seconds after a cut (and its pause) before the first step back
    period: float = 10.0  # seconds between steps
    step: float = 0.02  # the first step, as a share of the configured rate


@dataclass(order=True)
class _Ticket:
    seq: int  # arrival order: first come first served within a kind
    bulk: bool = field(compare=False)
    chat: int | None = field(compare=False)
    granted: asyncio.Future[None] = field(compare=False)


class Pacer(BaseRequestMiddleware):
    def __init__(self, rate: float, per_chat_interval: float, gate: RetryAfterGate,
                 monotonic: Callable[[], float] | None = None, adapt: Adapt = Adapt()) -> None:
        self.configured, self.configured_per_chat = rate, per_chat_interval
        self.adapt = adapt
        self._set_rate(rate)
        self._set_per_chat(per_chat_interval)
        self.gate = gate
        self.monotonic = monotonic or gate.monotonic
        # Tickets whose chat may receive now, by arrival: replies, then bulk sends.
        self._ready: tuple[list[_Ticket], list[_Ticket]] = ([], [])
        # Tickets whose chat must wait, by the moment it may receive again.
        self._held: list[tuple[float, _Ticket]] = []
        self._count = 0  # tickets not yet granted or given up
        self._seq = itertools.count()
        self._next = 0.0  # the earliest moment of the next grant
        # Per chat: its previous grant and its last one (the gap tells a chat's 429).
        self._chat_last: dict[int, tuple[float, float]] = {}
        # The adaptation: grants of the last second, grants Telegram accepted (by when
        # they were granted), when the rate was last cut and when it next steps up.
        self._granted: deque[float] = deque()
        self._accepted: deque[float] = deque()
        self._cut_at = self._widened_at = -1e18
        self._raise_at = self._narrow_at = float("inf")
        self._rate_step = self._chat_step = 0.0
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def waiting(self) -> int:
        return self._count

    @property
    def rate(self) -> float:
        """The pace now, in messages a second (the configured one unless Telegram refused)."""
        self._recover(self.monotonic())
        return self._rate

    @property
    def per_chat_interval(self) -> float:
        """The spacing per chat now, in seconds (the configured one unless a chat's 429)."""
        self._recover(self.monotonic())
        return self._interval

    async def __call__(self, make_request: Any, bot: Bot,
                       method: TelegramMethod[Any]) -> Response[Any]:
        if not isinstance(method, MESSAGES):
            return await make_request(bot, method)  # type: ignore[no-any-return]
        chat = getattr(method, "chat_id", None)
        chat = chat if isinstance(chat, int) else None
        if not GRANTED.get():  # else the Sender took the slot itself (a message decided late)
            await self.acquire(chat, bulk=PACED.get())
        granted = self.monotonic()
        previous = self._chat_last.get(chat, (None, None))[0] if chat is not None else None
        try:
            response: Response[Any] = await make_request(bot, method)
        except TelegramRetryAfter as exc:
            self.refused(chat, granted, previous, exc.retry_after)
            raise
        self._accepted.append(granted)
        while self._accepted[0] < granted - 2.0:  # only the last second is ever counted
            self._accepted.popleft()
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

    def _chat_free_at(self, chat: int | None) -> float:
        """When `chat` may receive again: its last grant plus the spacing per chat now (so
        a widened spacing holds back chats already waiting, too)."""
        if chat is None or not self.per_chat or (last := self._chat_last.get(chat)) is None:
            return 0.0
        return last[1] + self.per_chat

    def _free(self, chat: int | None, now: float) -> bool:
        return self._next <= now and self._chat_free_at(chat) <= now

    def _taken(self, chat: int | None, now: float) -> None:
        """A slot was granted now to a message for `chat`."""
        self._next = max(now - SLACK, self._next) + self.spacing
        self._granted.append(now)
        while self._granted[0] < now - 1.0:
            self._granted.popleft()
        if now >= min(self._raise_at, self._narrow_at):
            self._recover(now)
        if chat is not None:
            last = self._chat_last.get(chat)
            self._chat_last[chat] = (last[1] if last else -1e18, now)
            if len(self._chat_last) > 10_000:  # forget chats whose last message is old
                keep = now - max(self.per_chat, MAX_PER_CHAT)
                self._chat_last = {c: t for c, t in self._chat_last.items() if t[1] > keep}

    def _place(self, ticket: _Ticket, now: float) -> None:
        free_at = self._chat_free_at(ticket.chat)
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
                if self._chat_free_at(ticket.chat) > now:
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

    # The adaptation (see "How the pace adapts" at the top).

    def refused(self, chat: int | None, granted: float, previous: float | None,
                retry_after: float = 0.0) -> None:
        """Telegram refused (429) a message granted at `granted` and asked the bot to wait
        `retry_after` seconds; `previous` is when its chat's message before it was granted
        (None: none, or not known)."""
        now = self.monotonic()
        resume = now + retry_after  # the pause proves nothing: the hold starts after it
        # The second before it, or less if the bot was paused (then it sent nothing).
        start = max(granted - 1.0, self.gate.paused_until)
        span = granted - start
        sent = sum(1 for t in self._granted if start <= t <= granted)
        busy = sent >= BUSY * self._rate * max(span, 0.25)
        recent = previous is not None and granted - previous < max(2 * self._interval, 1.0)
        if recent and not busy:
            if granted >= self._widened_at:  # else it was spaced before the last widening
                assert previous is not None
                wider = max(self._interval, granted - previous, 0.1) * 1.5
                self._widen(min(wider, max(MAX_PER_CHAT, self.configured_per_chat)), now, resume)
            return
        if granted < self._cut_at:  # granted at the old pace: already answered by a cut
            return
        # Telegram's limit is per second: what it accepted in the second before is the
        # pace it allows, even if the bot was paused for part of that second.
        accepted = sum(1 for t in self._accepted if granted - 1.0 <= t < granted)
        learned = accepted * (1 - MARGIN)
        self._cut(min(max(learned, self._rate * 0.5), self._rate * 0.95), now, resume)

    def _set_rate(self, rate: float) -> None:
        self._rate = rate
        self.spacing = (1 + JITTER) / rate

    def _set_per_chat(self, interval: float) -> None:
        self._interval = interval
        # The same margin per chat, plus a little for two requests' different paths.
        self.per_chat = interval * (1 + JITTER) + 0.02 if interval else 0.0

    def _cut(self, rate: float, now: float, resume: float) -> None:
        was = self._rate
        self._set_rate(max(rate, min(MIN_RATE, self.configured)))
        self._cut_at, self._raise_at = now, resume + self.adapt.hold
        self._rate_step = self.configured * self.adapt.step
        log.warning("Telegram refused a message (429): pace %.1f messages/s (was %.1f, "
                    "configured %.1f)", self._rate, was, self.configured)

    def _widen(self, interval: float, now: float, resume: float) -> None:
        was = self._interval
        self._set_per_chat(interval)
        self._widened_at, self._narrow_at = now, resume + self.adapt.hold
        self._chat_step = (interval - self.configured_per_chat) / 10
        log.warning("Telegram refused a message to a chat (429): one message per chat every "
                    "%.2f s (was %.2f, configured %.2f)", interval, was,
                    self.configured_per_chat)

    def _recover(self, now: float) -> None:
        """The steps back towards the configured pace that are due by `now`."""
        if now >= self._raise_at:
            was = self._rate
            rate = self._rate
            while now >= self._raise_at and rate < self.configured:
                rate = min(rate + self._rate_step, self.configured)
                self._rate_step *= 2
                self._raise_at += self.adapt.period
            self._set_rate(rate)
            if rate >= self.configured:
                self._raise_at = float("inf")
            log.info("no 429 for a while: pace %.1f messages/s (was %.1f, configured %.1f)",
                     rate, was, self.configured)
        if now >= self._narrow_at:
            was = self._interval
            interval = self._interval
            while now >= self._narrow_at and interval > self.configured_per_chat:
                interval = max(interval - self._chat_step, self.configured_per_chat)
                self._chat_step *= 2
                self._narrow_at += self.adapt.period
            self._set_per_chat(interval)
            if interval <= self.configured_per_chat:
                self._narrow_at = float("inf")
            log.info("no 429 in a chat for a while: one message per chat every %.2f s "
                     "(was %.2f, configured %.2f)", interval, was, self.configured_per_chat)
