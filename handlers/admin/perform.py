"""The four actions of the details screen. Each changes the ledger at most once, tells the
people concerned, writes the audit row, and says what happened (for the admin)."""

from __future__ import annotations

from core.i18n import Texts
from handlers.admin import views
from handlers.admin.console import Console
from handlers.admin.rules import Act, promotion_refusal
from services.after import Aftercare
from storage.models import Format, Outcome, Registration


async def perform(act: Act, reg: Registration, t: Texts, console: Console) -> tuple[bool, str]:
    """(done, what to tell the admin)."""
    if act is Act.PROMOTE:
        return await _promote(reg, t, console)
    if act in (Act.PRESENT, Act.ABSENT):
        done = await Aftercare(console.registrations).mark(reg, act is Act.PRESENT)
        await console.record(act.value, reg.id)
        return (True, t(f"adm-done-{act.value}")) if done else (False, t("adm-stale"))
    if act is Act.CHECKIN:
        result, _ = await console.organiser.check_in(reg.entry_code or "", console.admin_id)
        await console.record(act.value, reg.id, f"{reg.entry_code}: {result}")
        return (True, t("adm-done-checkin")) if result == "ok" else (False, t("adm-stale"))
    if act is Act.CANCEL:
        outcome = await console.desk.cancel(reg.user_id)
    else:
        outcome = await console.desk.switch(reg.user_id, Format.ONLINE)
    if outcome is None or not outcome.changed:
        return False, t("adm-stale")
    await console.record(act.value, reg.id, f"was {reg.placement.value}")
    await console.tell(reg, f"by-organiser-{'cancelled' if act is Act.CANCEL else 'online'}")
    return True, _promoted_too(t, t(f"adm-done-{act.value}"), outcome)


async def _promote(reg: Registration, t: Texts, console: Console) -> tuple[bool, str]:
    refusal = promotion_refusal(reg, (await console.organiser.counts()).seats_left)
    fresh = None
    if refusal is None:  # checked again inside the seat transaction
        result, fresh = await console.organiser.promote(reg.id)
        refusal = {"ok": None, "full": "room-full"}.get(result, "not-waitlisted")
    await console.record(Act.PROMOTE.value, reg.id, refusal or "ok")
    if refusal or fresh is None:
        return False, t(f"adm-refuse-{refusal}")
    await console.desk.tell_promoted((fresh,))
    return True, t("adm-done-promote")


def _promoted_too(t: Texts, text: str, outcome: Outcome) -> str:
    if not outcome.promoted:
        return text
    return text + "\n" + t("adm-done-promoted", names=views.names(outcome.promoted))
