"""The sandbox's terminal chat: lines typed (or piped) become messages and button presses
of the person you act as; a few /commands of its own switch person and move time."""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import os
import re
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram.types import TelegramObject
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_SUBMITTED
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.sandbox.screen import Person, Screen
from core.timeutil import zone
from loopback import FakeTelegram, TravelClock
from scheduler.travel import travel

PARTICIPANT_BASE = 1000  # participant N is user 1000 + N
ORGANISER = "Organiser"  # the admin's first name
HANDLED_WITHIN = 20.0  # seconds to wait for the bot to finish with a message or press
JOBS_WITHIN = 120.0  # ... for the reminders that came due after /wait
FINISH_WITHIN = 30.0  # ... for its last sends (a broadcast, its report) before stopping
MAX_WAIT = timedelta(days=400)  # a year and a bit: every reminder is in reach, no year 2300
SPAN = re.compile(r"(\d+)([dhms])")
UNITS = {"d": "days", "h": "hours", "m": "minutes", "s": "seconds"}
LANGUAGES = ("en", "ru", "kk")

HELP = """Sandbox commands (everything else goes to the bot, as in Telegram):
  1, 2, ...     press that button of the bot's latest message (a number it has no
                button for is sent as a message: a phone number, a seat count)
  /as 2         become participant 2 (/as 1 is where you started)
  /as admin     become the organiser (an admin of the bot: try /events, /stats)
  /wait 23h     move time forward (30m, 2d, 90s, 1d2h; up to 400d); due reminders are sent
  /time         the sandbox's time now
  /lang ru      this person's Telegram language (en, ru, kk); the bot's /language wins
  /say 5        send a text that would be read as a button number
  a\\nb          \\n is a line break (options one per line, a title and a venue)
  /vote 4       answer the latest poll the bot sent you with option 4
  /quit         stop (Ctrl-D too)"""


class Tracker:
    """When the bot is done: updates handled (an outer middleware) and scheduler jobs
    finished (APScheduler's events)."""

    def __init__(self) -> None:
        self.handled: set[int] = set()
        self.handling = 0  # updates in the bot's hands now
        self.jobs_running = 0
        self._changed = asyncio.Event()

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        self.handling += 1
        try:
            return await handler(event, data)
        finally:
            self.handling -= 1
            update_id = getattr(event, "update_id", None)
            if isinstance(update_id, int):
                self.handled.add(update_id)
                self._changed.set()

    def on_job(self, event: Any) -> None:
        self.jobs_running += 1 if event.code == EVENT_JOB_SUBMITTED else -1
        self._changed.set()

    def watch(self, scheduler: AsyncIOScheduler) -> None:
        scheduler.add_listener(self.on_job,
                               EVENT_JOB_SUBMITTED | EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

    async def until(self, done: Callable[[], bool], within: float) -> bool:
        """Wait for done() (re-checked when an update or job finishes, and every 0.1 s for
        what nothing notifies: a job coming due); False at the deadline."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(within):
                while not done():
                    self._changed.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._changed.wait(), 0.1)
                return True
        return done()


@dataclass(frozen=True)
class Planned:
    """One reminder as /wait reports it."""

    event: str
    key: str
    before: timedelta
    due: datetime
    state: str  # scheduled | running | done | skipped
    sent: int


def passed(before: dict[str, Planned], after: list[Planned], now: datetime) -> list[str]:
    """What a /wait went past: each reminder sent (late, if the wait jumped over its time)
    or skipped, and why."""
    lines = []
    for item in after:
        was = before.get(item.key)
        if was is None or (was.state == item.state and was.sent == item.sent):
            continue
        name = f"{item.event}: the reminder {_span(item.before)} before"
        if item.state == "skipped":
            lines.append(f"(skipped: {name} - its time passed after the event had started)")
            continue
        late = now - item.due
        when = f", {_span(late)} late (the wait jumped over its time)" if late > LATE else ""
        lines.append(f"({name} went out: {item.sent} sent{when})")
    return lines


LATE = timedelta(minutes=5)


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{n}{unit}" for n, unit in ((days, "d"), (hours, "h"), (minutes, "m")) if n]
    return "".join(parts) or "0m"


@dataclass
class Engine:
    """The parts of the running app the console waits on."""

    fake: FakeTelegram
    clock: TravelClock
    scheduler: AsyncIOScheduler
    busy: Callable[[], bool]  # reminders or broadcasts being sent
    outbox_settled: Callable[[], Awaitable[None]]  # until the seat notices are sent
    tracker: Tracker
    timezone: str
    admin: int
    # Every reminder of every event (for /wait's report of what it went past).
    reminders: Callable[[], Awaitable[list[Planned]]] | None = None

    def idle(self) -> bool:
        """Nothing to do now: no update in hand or unanswered, no job due or running, no
        reminder or broadcast being sent."""
        state, tracker, moment = self.fake.state, self.tracker, datetime.now(UTC)
        answered = state.last_update_id == 0 or state.last_update_id in tracker.handled
        due = any(job.next_run_time is not None and job.next_run_time <= moment
                  for job in self.scheduler.get_jobs())
        return (answered and tracker.handling <= 0 and not due
                and tracker.jobs_running <= 0 and not self.busy())


def parse_span(text: str) -> timedelta | None:
    """A span typed after /wait; None when it is not one. Too many days for a timedelta
    come back as timedelta.max (longer than /wait allows), not as an error."""
    compact = text.replace(" ", "").lower()
    if not compact or SPAN.sub("", compact):
        return None
    try:
        span = sum((timedelta(**{UNITS[u]: int(n)}) for n, u in SPAN.findall(compact)),
                   timedelta())
    except OverflowError:
        return timedelta.max
    return span if span > timedelta(0) else None


def start_reader(loop: asyncio.AbstractEventLoop, lines: asyncio.Queue[str | None]) -> None:
    """Lines from stdin, None at the end. A thread with os.read works alike on a terminal,
    a pipe and a file (the event loop can watch only the first two), and holds no lock of
    sys.stdin that would stall the interpreter's exit."""
    def put(line: str | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is already closed: we are exiting
            loop.call_soon_threadsafe(lines.put_nowait, line)

    def read() -> None:
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        pending = ""
        while True:
            try:
                chunk = os.read(0, 4096)
            except OSError:  # e.g. the terminal went away
                chunk = b""
            if not chunk:
                break
            pending += decoder.decode(chunk)
            while "\n" in pending:
                line, pending = pending.split("\n", 1)
                put(line.rstrip("\r"))
        pending += decoder.decode(b"", final=True)
        if pending:
            put(pending)
        put(None)

    threading.Thread(target=read, name="sandbox-stdin", daemon=True).start()


class Console:
    def __init__(self, engine: Engine, screen: Screen, interactive: bool) -> None:
        self.engine, self.screen, self.interactive = engine, screen, interactive
        self.become("1")

    def now_text(self) -> str:
        moment = self.engine.clock().astimezone(zone(self.engine.timezone))
        return f"{moment:%a %d %b %Y, %H:%M} ({self.engine.timezone})"

    def become(self, who: str) -> bool:
        if who.lower() in ("admin", "organiser", "organizer"):
            key, user_id, label, name = "admin", self.engine.admin, "organiser", ORGANISER
        elif who.isdigit() and 0 < int(who) < 100000:
            number = int(who)
            key, user_id = str(number), PARTICIPANT_BASE + number
            label, name = f"participant {number}", f"Participant {number}"
        else:
            return False
        person = self.screen.people.get(key)
        if person is None:
            user = self.engine.fake.user(user_id, first_name=name, language_code="en")
            switch = "/as admin" if key == "admin" else f"/as {key}"
            person = self.screen.people[key] = Person(user, label, switch)
        self.screen.current = person
        return True

    async def run(self, lines: asyncio.Queue[str | None]) -> None:
        watcher = asyncio.create_task(self._watch())
        try:
            while True:
                self.screen.refresh()
                if self.interactive:
                    self.screen.show_prompt()
                line = await lines.get()
                self.screen.prompt_shown = False
                if line is None:
                    self.screen.say("(end of input: stopping)")
                    break
                if not self.interactive:  # a piped session's transcript shows what was typed
                    self.screen.say(self.screen.prompt() + line)
                if not await self.handle(line.strip()):
                    break
            await self.finish()
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher

    async def _watch(self) -> None:
        """Bot messages are printed as they arrive, also while you are typing."""
        state = self.engine.fake.state
        while True:
            await state.wait(self.screen.has_news, timeout=3600)
            self.screen.refresh()

    async def handle(self, text: str) -> bool:
        """One line; False to stop."""
        word, _, rest = text.partition(" ")
        command, rest = word.lower(), rest.strip()
        say = self.screen.say
        if not text:
            return True
        if command in ("/quit", "/exit"):
            return False
        if command == "/help":
            say(HELP + "\n(and the bot's own /help:)")
            await self.send("/help")
        elif command == "/as":
            if not self.become(rest):
                say("usage: /as 2 (participant 2) or /as admin (the organiser)")
            else:
                admin = self.screen.current is self.screen.people.get("admin")
                admin_hint = " - an admin of the bot: try /events, /stats" if admin else ""
                say(f"(you are now {self.screen.prompt()[:-2]}{admin_hint})")
        elif command == "/wait":
            span = parse_span(rest)
            if span is None:
                say("usage: /wait 23h (also 30m, 2d, 90s, or combined: 1d2h)")
            elif span > MAX_WAIT:
                say(f"(/wait goes at most {MAX_WAIT.days} days ahead at a time, e.g. /wait "
                    f"{MAX_WAIT.days}d; /time shows where you are)")
            else:
                await self.wait(span)
        elif command == "/time":
            say(f"(sandbox time: {self.now_text()})")
        elif command == "/lang":
            self.language(rest.lower())
        elif command == "/say":
            if rest:
                await self.send(rest)
            else:
                say("usage: /say 5 (sends the text 5 to the bot, not a press of button 5)")
        elif command == "/vote":
            await self.vote(rest)
        elif text.isdigit() and self.numbered(int(text)):
            await self.press(int(text))
        elif text.isdigit() and self.screen.current and self.screen.current.buttons:
            say(f"(sent {text} as a message: the bot's latest message has no button {text})")
            await self.send(text)
        else:
            await self.send(text)
        return True

    def language(self, code: str) -> None:
        person = self.screen.current
        if code not in LANGUAGES or person is None:
            self.screen.say(f"usage: /lang {'|'.join(LANGUAGES)}")
            return
        person.user.person.language_code = code
        self.screen.say(f"({person.label}'s Telegram is now set to {code})")

    async def _handled(self) -> None:
        """Until the bot has handled the update just made (its replies are sent by then)."""
        update_id = self.engine.fake.state.last_update_id
        tracker = self.engine.tracker
        if not await tracker.until(lambda: update_id in tracker.handled, HANDLED_WITHIN):
            self.screen.say(f"(the bot has not answered within {HANDLED_WITHIN:.0f} s; "
                            "see the log)")

    async def send(self, text: str) -> None:
        person = self.screen.current
        if person is None or not text:
            return
        # A terminal line holds no line break; the bot's several-line answers need them.
        await person.user.send(text.replace("\\n", "\n"))
        await self._handled()

    async def vote(self, choice: str) -> None:
        """A poll's answer (the feedback poll after an event)."""
        person = self.screen.current
        polls = [m.poll for m in person.user.messages if m.poll] if person else []
        if person is None or not polls or not choice.isdigit() or not (
                1 <= int(choice) <= len(polls[-1]["options"])):
            self.screen.say("usage: /vote 4 (an option of the latest poll the bot sent you)")
            return
        await person.user.vote([int(choice) - 1])
        await self._handled()

    def numbered(self, number: int) -> bool:
        """A number presses a button only when the bot's latest word (its latest message
        that is not a file) has that button; otherwise it answers a typed question (a
        phone 87015554433, a seat count 15, a name asked after a card with buttons)."""
        person = self.screen.current
        if person is None or person.buttons is None:
            return False
        message_id, buttons = person.buttons
        said = [m.message_id for m in person.user.messages
                if not m.deleted and m.document is None]
        return message_id == max(said, default=0) and 1 <= number <= len(buttons)

    async def press(self, number: int) -> None:
        person = self.screen.current
        say = self.screen.say
        if person is None or person.buttons is None:
            say(f"(no buttons to press: the bot's messages show none now; to send {number} "
                f"as a message: /say {number})")
            return
        message_id, buttons = person.buttons
        if not 1 <= number <= len(buttons):
            say(f"(there is no button {number}: the latest buttons are 1-{len(buttons)}; "
                f"to send {number} as a message: /say {number})")
            return
        button = buttons[number - 1]
        if button.url:
            say(f"(button {number} opens a link: {button.url})")
            return
        say(f"(you pressed [{button.label}])")
        if button.contact:
            await person.user.send_contact()
        elif button.reply or button.data is None:
            await person.user.send(button.label)
        else:
            query = await person.user.press_data(button.data, message_id)
            await self._handled()
            answer = self.engine.fake.state.callbacks[query].answer or {}
            if answer.get("text"):
                say(f"(pop-up: {answer['text']})")
            return
        await self._handled()

    async def wait(self, span: timedelta) -> None:
        """Move the clock and the scheduler's timers together (APScheduler keeps real time:
        a job due `span` from now becomes due now), then let what came due run."""
        engine = self.engine
        planned = await engine.reminders() if engine.reminders else []
        travel(engine.clock, engine.scheduler, span)

        if not await engine.tracker.until(engine.idle, JOBS_WITHIN):
            self.screen.say(f"(still sending after {JOBS_WITHIN:.0f} s; see the log)")
        self.screen.refresh()
        if engine.reminders:
            for line in passed({p.key: p for p in planned}, await engine.reminders(),
                               engine.clock()):
                self.screen.say(line)
        self.screen.say(f"(sandbox time: {self.now_text()})")

    async def finish(self) -> None:
        """Before stopping, what the bot is still doing (a broadcast's last sends and its
        report, a seat notice) is let finish, so that its last messages are shown too."""
        engine, loop = self.engine, asyncio.get_running_loop()
        deadline = loop.time() + FINISH_WITHIN
        settled = False
        with contextlib.suppress(TimeoutError):
            while not settled and await engine.tracker.until(engine.idle,
                                                              deadline - loop.time()):
                # The outbox tells when it is done, not whether it is busy: asked second.
                await asyncio.wait_for(engine.outbox_settled(), deadline - loop.time())
                settled = engine.idle()  # and the notices it sent started nothing new
        if not settled:
            self.screen.say(f"(the bot is still sending after {FINISH_WITHIN:.0f} s; "
                            "stopping anyway, see the log)")
        self.screen.refresh()
