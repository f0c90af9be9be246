"""Reminder status from the scheduler (through services.ports.CampaignsPort): /reminders and
the 'next reminder' line of /stats."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from core import render
from core.i18n import Texts
from handlers.admin import rules, views
from handlers.admin.console import NAMES_EVENT, Console

PENDING = ("scheduled", "running")


async def next_reminder(t: Texts, console: Console) -> str:
    """When the next reminder goes out and how many it will reach (if sent now)."""
    pending = [s for s in await console.campaigns.status(console.event) if s.state in PENDING]
    if not pending:
        return t("adm-no-reminder")
    first = min(pending, key=lambda s: s.due)
    audience = first.reminder.audience.value
    count = (first.report.pending if first.state == "running"
             else await console.campaigns.count(audience, console.event))
    return t("adm-next-reminder", due=views.moment(first.due, console.tz),
             before=render.exact_span(first.reminder.before, t.language),
             audience=t(f"adm-aud-{audience}"), count=count)


async def reminders(message: Message, t: Texts, console: Console) -> None:
    found = sorted(await console.campaigns.status(console.event), key=lambda s: s.due)
    lines = [t("adm-reminders-head")] if found else [t("adm-reminders-none")]
    for s in found:
        state = f"adm-rstate-{s.state}"
        lines.append(t("adm-reminder-row", due=views.moment(s.due, console.tz),
                       before=render.exact_span(s.reminder.before, t.language),
                       audience=t(f"adm-aud-{s.reminder.audience.value}"),
                       state=t(state) if t.has(state) else s.state, sent=s.report.sent,
                       unreachable=s.report.unreachable, failed=s.report.failed,
                       pending=s.report.pending, skipped=s.report.skipped))
    for chunk in rules.chunks(lines):
        await message.answer(chunk)


def router() -> Router:
    r = Router(name="admin-reminders")
    r.message.register(reminders, Command("reminders"), flags=NAMES_EVENT)
    return r
