"""The one audience rule, without Telegram: a real ledger file with someone in every
placement, and who each audience (and each organiser list) selects, in SQL and in Python."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bench.seed import T0, applicant, event
from core.i18n import Catalog
from handlers.admin.callbacks import CastCb
from handlers.admin.keyboards import audiences
from storage.after import mark_present
from storage.database import Database
from storage.deliveries import Deliveries
from storage.ledger import Ledger
from storage.models import Audience, Format, Placement, Registration, parse_audience
from storage.reports import KINDS, Reports, sizes

SEATED, WAITLISTED, ONLINE = 1, 2, 3
WAITLISTED_CANCELLED, ONLINE_CANCELLED, SEATED_CANCELLED = 4, 5, 6

EXPECTED = {
    Audience.ALL: {SEATED, WAITLISTED, ONLINE},
    Audience.OFFLINE: {SEATED},
    Audience.ONLINE: {WAITLISTED, ONLINE},  # the waitlisted attend online meanwhile
    Audience.WAITLIST: {WAITLISTED},
    Audience.ATTENDED: {SEATED, ONLINE},  # checked in at the door, joined online
    Audience.ABSENT: {WAITLISTED},  # the cancelled are in no audience, come or not
}
LISTS = {
    "offline": {SEATED},
    "waitlist": {WAITLISTED},
    "online": {ONLINE},  # online only: the waitlisted have their own list
    "all": {SEATED, WAITLISTED, ONLINE, WAITLISTED_CANCELLED, ONLINE_CANCELLED,
            SEATED_CANCELLED},
}

EVENT = 1  # the seeded event: the first one a new database gets


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A one-seat room: someone seated, someone queued, someone online, and one cancelled
    from each of those placements."""
    database = await Database.open(tmp_path / "ledger.sqlite3")
    ledger = Ledger(database, await event(database, 1))
    moments = iter(T0 + timedelta(seconds=s) for s in range(100))

    async def register(user_id: int, fmt: Format) -> None:
        await ledger.register(applicant(user_id), fmt, next(moments))

    await register(SEATED_CANCELLED, Format.OFFLINE)
    await ledger.cancel(SEATED_CANCELLED, next(moments))  # the queue is empty: nobody moves up
    await register(SEATED, Format.OFFLINE)
    await register(WAITLISTED, Format.OFFLINE)
    await register(ONLINE, Format.ONLINE)
    await register(WAITLISTED_CANCELLED, Format.OFFLINE)
    await ledger.cancel(WAITLISTED_CANCELLED, next(moments))
    await register(ONLINE_CANCELLED, Format.ONLINE)
    await ledger.cancel(ONLINE_CANCELLED, next(moments))
    ids = {reg.user_id: reg.id for reg in await _everyone(database)}
    for user_id in (SEATED, ONLINE):  # who came: an organiser's mark (as the door sets it)
        assert await mark_present(database, ids[user_id], EVENT, True, next(moments))
    yield database
    await database.close()


async def _everyone(db: Database) -> list[Registration]:
    return await Reports(db, EVENT).everyone()


async def test_the_seed_has_every_placement(db: Database) -> None:
    found = {(reg.user_id, reg.active, reg.placement) for reg in await _everyone(db)}
    assert {(SEATED, True, Placement.SEATED), (WAITLISTED, True, Placement.WAITLISTED),
            (ONLINE, True, Placement.ONLINE)} <= found
    assert {user for user, active, _ in found if not active} == {
        WAITLISTED_CANCELLED, ONLINE_CANCELLED, SEATED_CANCELLED}


@pytest.mark.parametrize("audience", list(Audience))
async def test_campaigns_reach_their_audience(db: Database, audience: Audience) -> None:
    deliveries = Deliveries(db)
    assert await deliveries.count(audience, EVENT) == len(EXPECTED[audience])
    assert await deliveries.open(f"test:{audience}", "broadcast", audience.value, T0, EVENT)
    recipients = {reg.user_id for _, reg in await deliveries.pending(f"test:{audience}")}
    assert recipients == EXPECTED[audience]
    campaign = await deliveries.campaign(f"test:{audience}")
    assert campaign is not None and campaign.audience is audience


@pytest.mark.parametrize("audience", list(Audience))
async def test_the_send_time_check_agrees_with_the_sql(db: Database, audience: Audience) -> None:
    reached = {reg.user_id for reg in await _everyone(db) if audience.reaches(reg)}
    assert reached == EXPECTED[audience]


@pytest.mark.parametrize("kind", KINDS)
async def test_organiser_lists(db: Database, kind: str) -> None:
    reports, ledger = Reports(db, EVENT), Ledger(db, EVENT)
    listed = [reg.user_id for reg in await reports.page(kind, 0, -1)]
    assert set(listed) == LISTS[kind] and len(listed) == len(LISTS[kind])
    assert sizes(await ledger.counts())[kind] == len(LISTS[kind])


async def test_queue_positions_are_the_waitlist(db: Database) -> None:
    reports = Reports(db, EVENT)
    queued = [reg.id for reg in await reports.page("waitlist", 0, -1)]
    assert await reports.queue_positions() == {reg_id: n for n, reg_id in enumerate(queued, 1)}


def test_unknown_audiences_are_refused_plainly() -> None:
    assert parse_audience("waitlist") is Audience.WAITLIST
    with pytest.raises(ValueError, match="unknown audience 'everyone'"):
        parse_audience("everyone")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_broadcast_keyboard_offers_every_audience(language: str) -> None:
    t = Catalog().for_language(language)
    markup = audiences(t, dict.fromkeys(Audience, 7))
    data = [b.callback_data for row in markup.inline_keyboard for b in row]
    assert data[:len(Audience)] == [CastCb(act="aud", aud=a).pack() for a in Audience]
    labels = [b.text for row in markup.inline_keyboard for b in row][:len(Audience)]
    assert all(label == t("adm-btn-aud", audience=t(f"adm-aud-{a.value}"), count=7)
               for label, a in zip(labels, Audience, strict=True))
