"""Personal data: /forget_me erases a person everywhere (after freeing their seats, so the
waitlist moves on as with a cancel), and retention erases each event's personal data
`retain_days` after its start, the organisers having been reminded the day before."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from aiogram.filters.callback_data import CallbackData

from core.config import Settings
from core.i18n import Texts
from core.ids import RowId
from services.events import Event
from services.registration import Registrations
from services.team import Team
from storage import pending, privacy
from storage.fsm import FormStore
from storage.notices import Letter
from storage.people import People

log = logging.getLogger(__name__)
WARN_BEFORE = timedelta(days=1)


class ExportCb(CallbackData, prefix="ax"):
    """The retention warning's "export now": that event's list, before it is erased."""

    ev: RowId


def notice(t: Texts, settings: Settings, event: Event | None = None) -> str:
    """The privacy notice, in the reader's language: who, what, why, how long, who sees it,
    how to withdraw. Who: the config's controller, else the event's organisers as readers
    of this language see them."""
    p = settings.privacy
    own = next((text for lang, text in p.text.items() if lang == t.language), None)
    organisers = event.texts(t.language).organisers if event is not None else ""
    controller = ((own and own.controller) or p.controller or organisers
                  or t("privacy-controller-default"))
    contact = (own and own.contact) or p.contact or "-"
    return t("privacy-notice", controller=controller, contact=contact,
             days=p.retain_days, version=p.notice_version) + "\n" + t("privacy-after")


@dataclass(frozen=True)
class Expiry:
    warn: list[Event]  # to be erased within a day: tell the organisers (once)
    erased: dict[int, int]  # event id -> registrations erased now
    forms: int = 0  # unfinished forms erased now


class Privacy:
    def __init__(self, settings: Settings, registrations: Registrations, forms: FormStore,
                 people: People, team: Team | None = None) -> None:
        self.settings, self.registrations, self.forms = settings, registrations, forms
        self.people = people
        self.team = team

    @property
    def retain(self) -> timedelta:
        return timedelta(days=self.settings.privacy.retain_days)

    async def forget(self, user_id: int) -> int:
        """Cancel (seats freed, queues moved, the next in line told), then erase: rows,
        conversation state, audit details. Returns the registrations erased."""
        held = await self.registrations.of_person(user_id)
        # Forms waiting for approval are erased too: their organisers hear of it as well.
        waited = await pending.of_user(self.registrations.db, user_id)
        for event, _ in held:
            await self.registrations.of(event).cancel(user_id)
        # Private chats only: the chat id is the user id (DefaultKeyBuilder's key has both).
        await self.forms.forget(f":{user_id}:{user_id}:")
        await self.people.forget(user_id)  # the language choice
        if self.team is not None:  # a member leaves every team
            await self.team.forget(user_id)
        erased = await privacy.erase_person(self.registrations.db, user_id,
                                            self.registrations.clock())
        log.info("forget-me: %d registrations erased", erased)  # no id: it is personal too
        for event, reg in held:  # ids only: the news says "(data erased)"
            await self.registrations.of(event).tell_organisers("self-erase", reg.id)
        for form in waited:
            if (of_form := await self.registrations.events.get(form.event_id)) is not None:
                await self.registrations.of(of_form).tell_organisers("self-erase", None)
        return erased

    async def _warnings(self, event: Event) -> list[tuple[int, Letter]]:
        """The day-before reminder to each organiser, in their own language, with a button
        to export the list first."""
        letters = []
        for admin in self.settings.telegram.admins:
            language = await self.people.reader_language(admin)
            title = event.texts(language or self.settings.bot.default_language).title
            letters.append((admin, Letter(
                "adm-retention-warning",
                {"title": title, "days": self.settings.privacy.retain_days},
                language,
                (("adm-btn-export-now", ExportCb(ev=event.id).pack()),))))
        return letters

    async def expire(self) -> Expiry:
        """Warn (through the outbox) and erase what is due; the caller wakes the outbox."""
        now = self.registrations.clock()
        db = self.registrations.db
        warn = []
        for event_id in await privacy.due_for_erasure(db, now - self.retain + WARN_BEFORE):
            event = await self.registrations.events.get(event_id)
            if event is not None and await privacy.warn_once(
                    db, event_id, now, await self._warnings(event)):
                warn.append(event)
        erased = {}
        forms = 0
        for event_id in await privacy.due_for_erasure(db, now - self.retain):
            forms += await self.forms.forget_event(event_id)
            erased[event_id] = await privacy.erase_event(db, event_id, now)
            if self.team is not None:  # the event's team goes with its participants
                await self.team.erase_event(event_id)
            log.info("retention: event %s: %d registrations erased", event_id,
                     erased[event_id])
        expired = await self.forms.expire(now - self.settings.privacy.form_expiry)
        if expired:
            await db.checkpoint()  # the deleted forms' bytes leave the WAL too
            log.info("retention: %d unfinished forms erased", expired)
        return Expiry(warn, erased, forms + expired)
