"""One mailer (issue 18): every message that is not a reply goes through the outbox,
recorded before it is sent and sent again after a restart if it was not recorded as
done. The kill -9 tests ("the event moved", the retention warning) are in test_crash."""

from __future__ import annotations

from handlers.admin.callbacks import RegCb
from loopback import FakeTelegram
from tests.admin import admin, ask, enrol
from tests.harness import ADMIN, Running, eventually, has

TOLD = "The organisers have cancelled your registration"


async def test_what_an_organiser_did_is_told_through_the_outbox(fake: FakeTelegram,
                                                               small: Running) -> None:
    reg = await enrol(small, fake, 1)
    olga = admin(fake)
    await ask(olga, "/list", "Which list?")
    await olga.press_data(RegCb(act="cancel", reg=reg.id, v=reg.version, sure=True).pack())
    await olga.reply(has("Person 1"))
    await fake.user(1).wait_for(has(TOLD))

    async def recorded() -> bool:
        rows = await small.app.db.fetchall(
            "SELECT registration_id, kind, status, attempts FROM notices WHERE kind = 'told'")
        return [tuple(r) for r in rows] == [(reg.id, "told", "sent", 1)]

    await eventually(recorded, what="the message recorded in the outbox")
    assert sum(TOLD in m.plain_text for m in fake.sent(1)) == 1


async def test_a_broadcast_report_is_recorded_in_the_outbox(fake: FakeTelegram,
                                                           small: Running) -> None:
    await enrol(small, fake, 1)
    key = await small.app.campaigns.broadcast("Hello", "all", ADMIN, await small.event(),
                                              language="en")
    report = await admin(fake).wait_for(has("Broadcast finished"), timeout=20)
    assert "1 sent" in report.plain_text, key

    async def recorded() -> bool:  # the row is written right after the send
        rows = await small.app.db.fetchall(
            "SELECT chat_id, status, details FROM notices WHERE kind = 'organiser'")
        return (len(rows) == 1 and rows[0]["chat_id"] == ADMIN and rows[0]["status"] == "sent"
                and "broadcast-report" in rows[0]["details"])

    await eventually(recorded, what="the report recorded in the outbox")
