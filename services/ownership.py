"""The one rule for a participant's registration button (my registration, the calendar
file and the entry pass, "still coming?"): the pressed registration must be the presser's
own, still active, and at the version the button was shown for. Every such button carries
the registration's id and version (core.ids), and every handler of one asks this first.

The organisers' details buttons carry the version too (handlers.admin.actions), with their
own rule of who may press: an organiser, on the console's current event."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from services.registration import Desk, Registrations
from storage.models import Registration
from storage.pending import Waiting


class Verdict(StrEnum):
    OWN = "own"  # the presser's, active, at the shown version: act on it
    NOT_YOURS = "not-yours"  # someone else's, gone, cancelled, or forged
    STALE = "stale"  # the presser's, but changed since the button was shown


@dataclass(frozen=True)
class Pressed:
    verdict: Verdict
    # Set unless NOT_YOURS: a stale press can show the registration as it is now.
    desk: Desk | None = None
    reg: Registration | None = None


async def pressed(registrations: Registrations, reg_id: int, version: int,
                  user_id: int) -> Pressed:
    reg = await registrations.by_id(reg_id)
    desk = await registrations.desk_of(reg) if reg is not None else None
    if reg is None or desk is None or reg.user_id != user_id or not reg.active:
        return Pressed(Verdict.NOT_YOURS)
    if reg.version != version:
        return Pressed(Verdict.STALE, desk, reg)
    return Pressed(Verdict.OWN, desk, reg)


@dataclass(frozen=True)
class PressedWaiting:
    """A participant's button about their form waiting for approval: the desk and the
    form if it is the presser's and still waiting, else None (someone else's, forged, or
    decided or withdrawn since: one answer for all, it says nothing of others' forms)."""

    desk: Desk | None = None
    waiting: Waiting | None = None


async def pressed_waiting(registrations: Registrations, pending_id: int,
                          user_id: int) -> PressedWaiting:
    found = await registrations.waiting_by_id(pending_id)
    if found is None or found[1].who.user_id != user_id:
        return PressedWaiting()
    return PressedWaiting(*found)
