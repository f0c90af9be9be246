"""Who a campaign reaches, checked again at send time (people cancel and switch).

The rule itself lives with the ledger (storage.models.Audience), next to the SQL that
fixed the recipients when the campaign opened; this is only the scheduler's name for it."""

from __future__ import annotations

from storage.models import Registration, parse_audience


def reaches(reg: Registration, audience: str) -> bool:
    return parse_audience(audience).reaches(reg)
