"""Builds everything a running bot needs. No globals: tests and benchmarks build as many
apps as they like, each with its own Bot, Dispatcher, scheduler and database."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, BinaryIO

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.client.telegram import TelegramAPIServer
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.dispatcher.middlewares.user_context import UserContextMiddleware
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.storage.memory import SimpleEventIsolation
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import InlineKeyboardMarkup, TelegramObject, Update
from aiogram.utils.callback_answer import CallbackAnswerMiddleware
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot import webhook
from bot.runlock import hold_shared
from core.alerts import PlainAlerts
from core.config import Settings
from core.edits import NotModifiedIsDone
from core.flood import PersonLimit, Verdict
from core.fsm_storage import SQLiteStorage
from core.i18n import Catalog, Texts
from core.pacer import Pacer
from core.sender import Sender
from core.throttle import RetryAfterGate
from core.timeutil import Clock, format_local, system_clock
from handlers import keyboards, setup_routers, views
from handlers.admin import approval
from handlers.admin.commands import set_profile
from handlers.admin.console import PinFirstAnswer
from handlers.middleware import LanguageMiddleware
from scheduler.campaigns import Campaigns
from scheduler.fanout import FanOut
from scheduler.followups import Followups
from scheduler.reminders import Reminders
from scheduler.retention import EVERY_HOURS, Retention
from services.alarm import StorageAlarm
from services.certificates import Certificates
from services.events import Event, Events
from services.outbox import Organisers, Outbox
from services.privacy import Privacy
from services.registration import Registrations
from services.team import Team
from storage.audit import Untold
from storage.database import Database
from storage.deliveries import Deliveries
from storage.events import EventStore
from storage.fsm import FormStore
from storage.models import Registration
from storage.notices import Notices
from storage.people import People
from storage.team import TeamStore

log = logging.getLogger("regbot")
STOP_GRACE = 30  # seconds a stop waits for the updates already fetched


def create_bot(settings: Settings, gate: RetryAfterGate, pacer: Pacer) -> Bot:
    session = AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram.api_base),
                             timeout=settings.sender.request_timeout)
    session.middleware(NotModifiedIsDone())  # an edit into what is shown is done
    session.middleware(PlainAlerts())  # a button's pop-up is plain text, not HTML
    session.middleware(gate)  # outer: a 429 pauses everyone; a refused reply is repeated
    # inner: every attempt of every message-sending request takes a slot, replies first
    session.middleware(pacer)
    return Bot(settings.telegram.token.get_secret_value(), session=session,
               default=DefaultBotProperties(parse_mode=ParseMode.HTML,
                                            link_preview_is_disabled=True))


@dataclass
class App:
    settings: Settings
    db: Database
    bot: Bot
    dp: TrackingDispatcher
    scheduler: AsyncIOScheduler
    registrations: Registrations
    reminders: Reminders
    campaigns: Campaigns
    retention: Retention
    running_lock: BinaryIO | None = None  # see bot/runlock.py: restore waits for us to stop

    async def close(self) -> None:
        await self.db.close()
        if self.running_lock is not None:
            self.running_lock.close()
            self.running_lock = None

    stopping: asyncio.Event = field(default_factory=asyncio.Event)  # webhook mode's stop

    async def run(self, handle_signals: bool = True, polling_timeout: int = 10) -> None:
        """Poll (the default) or serve the webhook (`[webhook] url` set) until stopped by a
        signal or stop(); then finish and close."""
        try:
            if self.settings.webhook.url is None:
                await self.dp.start_polling(self.bot, handle_signals=handle_signals,
                                            polling_timeout=polling_timeout)
            else:
                await webhook.serve(self.dp, self.bot, self.settings.webhook, self.healthy,
                                    self.stopping, handle_signals=handle_signals)
        finally:
            await self.close()

    async def stop(self) -> None:
        """Stop whichever mode runs, as a signal would."""
        self.stopping.set()
        if self.settings.webhook.url is None:
            await self.dp.stop_polling()

    async def healthy(self) -> bool:
        """Alive: the database answers a trivial query and the scheduler runs."""
        return self.scheduler.running and await self.db.fetchone("SELECT 1") is not None


async def create_app(settings: Settings, clock: Clock = system_clock) -> App:
    db = await Database.open(settings.storage.path,
                             int(settings.storage.busy_timeout.total_seconds() * 1000))
    events = Events(EventStore(db), settings, clock)
    try:
        running_lock = hold_shared(settings.storage.path)
    except BaseException:
        await db.close()
        raise
    try:
        await events.sync()  # the config's events, created or updated by id
    except BaseException:
        await db.close()
        if running_lock is not None:
            running_lock.close()
        raise
    gate = RetryAfterGate()
    # The Sender shares the session's Pacer: it takes the slot itself for a message decided
    # when its slot comes (a seat notice, a reminder with the entry code).
    pacer = Pacer(settings.sender.rate_per_second, settings.sender.per_chat_interval, gate)
    bot = create_bot(settings, gate, pacer)
    catalog = Catalog(settings.bot.default_language)
    sender = Sender(bot, gate, settings.sender.rate_per_second, settings.sender.max_attempts,
                    settings.sender.retry_backoff, pacer=pacer)
    people = People(db)
    team = Team(TeamStore(db), events, settings, clock)
    organisers = Organisers(Untold(db), settings.telegram.admins, people.reader_language,
                            team.organisers_of)
    outbox = Outbox(Notices(db), events, sender, catalog, clock, buttons=keyboards.entry_pass,
                    organisers=organisers)
    registrations = Registrations(db, events, clock, sender, outbox)

    async def screen(t: Texts, reg: Registration,
                     event: Event) -> tuple[str, InlineKeyboardMarkup | None]:
        """The news of an approval shows the registration as /my does, made at send time."""
        return await views.my(t, registrations.of(event), reg)

    outbox.screen = screen

    async def waiting_notice(t: Texts, event: Event, pending_id: int,
                             ) -> tuple[str, InlineKeyboardMarkup | None] | None:
        """A new form waiting for approval, as the organisers read it when it goes."""
        found = await registrations.waiting_by_id(pending_id)
        if found is None or found[0].event.id != event.id:
            return None  # decided or withdrawn meanwhile
        desk, waiting = found
        return (approval.notice(t, desk, waiting),
                approval.buttons(t, event.id, waiting.id))

    outbox.waiting_notice = waiting_notice
    scheduler = AsyncIOScheduler(timezone="UTC")
    deliveries = Deliveries(db)
    fanout = FanOut(deliveries, sender, clock)
    reminders = Reminders(settings, events, registrations, deliveries, fanout, catalog,
                          scheduler)
    campaigns = Campaigns(registrations, events, deliveries, fanout, sender, catalog, clock,
                          reminders)
    certificates = Certificates(db, events, catalog, clock)
    followups = Followups(events, registrations, deliveries, fanout, scheduler, clock, catalog,
                          sender, certificates)
    forms = FormStore(db, clock)
    privacy = Privacy(settings, registrations, forms, people, team)
    retention = Retention(privacy)
    dp = TrackingDispatcher(catalog, frozenset(settings.telegram.admins),
                            storage=SQLiteStorage(forms),
                            events_isolation=SimpleEventIsolation(), settings=settings,
                            events=events, registrations=registrations, sender=sender,
                            clock=clock, scheduler=scheduler, deliveries=deliveries,
                            reminders=reminders, campaigns=campaigns, people=people,
                            privacy=privacy, team=team, pacer=pacer,
                            certificates=certificates,
                            alarm=StorageAlarm(settings, sender, catalog))
    in_flight = dp.in_flight
    dp.update.outer_middleware(_log_update)
    dp.update.outer_middleware(LanguageMiddleware(catalog, people))
    dp.callback_query.middleware(CallbackAnswerMiddleware())
    dp.include_router(setup_routers())

    first_poll = FirstPoll()
    bot.session.middleware(first_poll)
    bot.session.middleware(PinFirstAnswer())  # the console's event line in its answer
    background: set[asyncio.Task[None]] = set()

    async def on_startup(bot: Bot) -> None:
        me = await bot.me()
        log.info("started: bot @%s, database %s", me.username, settings.storage.path)
        for event in await events.upcoming():
            log.info("event %s %r starts %s: links %s, %s, %s", event.slug, event.info.title,
                     format_local(event.starts_utc, event.info.timezone),
                     *[await registrations.event_link(event, s)
                       for s in ("", "_offline", "_online")])
        if settings.webhook.url is not None:  # no polls: Telegram calls us
            first_poll.seen.set()
        # Descriptions and menus (if changed) once the bot answers: they are cosmetic, and
        # after a restart in a busy hour every second before the first poll is a wait.
        background.add(asyncio.create_task(_profile_after(first_poll.seen, bot, settings,
                                                          catalog), name="profile"))
        scheduler.start()
        scheduler.add_job(retention.run, "interval", hours=EVERY_HOURS, id="retention",
                          next_run_time=datetime.now(UTC), replace_existing=True)
        # Before the outbox starts: the config may have turned approval off meanwhile.
        await registrations.confirm_unasked()
        outbox.start()  # and sends what a previous run left in it
        await reminders.plan()
        await followups.plan()
        await campaigns.resume()

    async def on_shutdown() -> None:
        # Polling has stopped: every update already fetched (Telegram will not send it
        # again) is answered, those still waiting behind the same person's earlier one
        # included, before the database closes.
        deadline = asyncio.get_running_loop().time() + STOP_GRACE
        while in_flight and (left := deadline - asyncio.get_running_loop().time()) > 0:
            await asyncio.wait(set(in_flight), timeout=left)
        if in_flight:
            log.warning("stopping with %d updates unanswered after %d s", len(in_flight),
                        STOP_GRACE)
        if not first_poll.seen.is_set():  # never polled: nothing to finish
            for task in background:
                task.cancel()
        if background:
            await asyncio.wait(background, timeout=settings.sender.request_timeout)
        fanout.stop()  # sends in flight complete and are recorded; the rest waits
        grace = settings.sender.request_timeout * 2
        # No job starts now, and the running ones (a reminder or follow-up mid-send) finish
        # their sends and records first: the scheduler's shutdown cancels the jobs still
        # running (APScheduler's asyncio executor), which lost the record of a message
        # already sent, so the next start sent it again.
        if scheduler.running:
            scheduler.pause()
        await reminders.stop(grace)
        await campaigns.stop(grace)
        await followups.stop(grace)
        if scheduler.running:
            scheduler.shutdown(wait=False)
        await outbox.stop(grace)

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    return App(settings, db, bot, dp, scheduler, registrations, reminders, campaigns,
               retention, running_lock)


class FirstPoll(BaseRequestMiddleware):
    """`seen` is set once the bot first asks Telegram for updates: it answers from then on."""

    def __init__(self) -> None:
        self.seen = asyncio.Event()

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot,
                       method: TelegramMethod[TelegramType]) -> Response[TelegramType]:
        if isinstance(method, GetUpdates):
            self.seen.set()
        return await make_request(bot, method)


async def _profile_after(seen: asyncio.Event, bot: Bot, settings: Settings,
                         catalog: Catalog) -> None:
    await seen.wait()
    try:
        await set_profile(bot, settings, catalog)
    except Exception:  # cosmetic: never worth stopping for (set_profile logs API refusals)
        log.warning("could not set the bot's descriptions and command menus", exc_info=True)


Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
updates_log = logging.getLogger("regbot.updates")


async def _log_update(handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
    """One line per handled update: its id, kind, latency and the user's numeric id; never
    names, phone numbers or message text."""
    started = time.perf_counter()
    try:
        return await handler(event, data)
    finally:
        user = data.get("event_from_user")
        latency = round((time.perf_counter() - started) * 1000, 1)
        kind = getattr(event, "event_type", "update")
        user_id = user.id if user is not None else None
        updates_log.info("update %s (%s) from user %s handled in %.1f ms",
                         getattr(event, "update_id", "?"), kind, user_id, latency,
                         extra={"update_id": getattr(event, "update_id", None), "kind": kind,
                                "user_id": user_id, "latency_ms": latency})


class TrackingDispatcher(Dispatcher):
    """Knows every update it was handed, from the moment it arrives: aiogram runs each
    fetched update as a task, and one waiting for the same person's earlier update (the
    event isolation's lock) has not reached any middleware yet; a stop waits for them all.
    A person's updates beyond the per-person limit are dropped here, before any lock."""

    def __init__(self, catalog: Catalog, exempt: frozenset[int], **kwargs: Any) -> None:
        super().__init__(catalog=catalog, **kwargs)
        self.in_flight: set[asyncio.Task[Any]] = set()
        # Per person, before anything else (the FSM's lock included): see core/flood.py.
        self.limit = PersonLimit()
        self._catalog, self._exempt = catalog, exempt  # organisers are never limited

    async def feed_update(self, bot: Bot, update: Update, **kwargs: Any) -> Any:
        task = asyncio.current_task()
        if task is not None:
            self.in_flight.add(task)
        try:
            context = UserContextMiddleware.resolve_event_context(update)
            user = context.user
            if user is None or user.id in self._exempt:
                return await super().feed_update(bot, update, **kwargs)
            verdict = self.limit.arrive(user.id)
            if verdict is not Verdict.HANDLE:
                if verdict is Verdict.WARN:
                    log.info("user %s sends faster than answered: slowed down", user.id)
                    if context.chat is not None and context.chat.id == user.id:
                        await self._slow_down(bot, user.id, user.language_code)
                return UNHANDLED
            try:
                return await super().feed_update(bot, update, **kwargs)
            finally:
                self.limit.done(user.id)
        finally:
            if task is not None:
                self.in_flight.discard(task)

    async def _slow_down(self, bot: Bot, chat_id: int, language: str | None) -> None:
        t = self._catalog.for_language(language)
        try:
            await bot.send_message(chat_id, t("slow-down"))
        except TelegramAPIError as exc:  # blocked, gone: they are dropped all the same
            log.info("slow-down notice not sent: %s", exc)
