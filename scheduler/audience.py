"""Who a campaign reaches, checked again at send time (people cancel and switch)."""

from __future__ import annotations

from storage.models import Format, Registration


def reaches(reg: Registration, audience: str) -> bool:
    if not reg.active:
        return False
    if audience == "offline":
        return reg.format is Format.OFFLINE
    if audience == "online":
        return reg.format is Format.ONLINE
    if audience == "waitlist":
        return reg.waitlisted_at is not None
    return audience == "all"
