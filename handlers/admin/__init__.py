"""The organiser console. One gate (AdminOnly) on the router guards every message and
button below it; everything else passes on to the participant routers untouched."""

from __future__ import annotations

from aiogram import Router

from handlers.admin import (
    actions,
    approval,
    broadcast,
    door,
    events,
    form,
    lists,
    overview,
    reminders,
    report,
    retention,
    room,
    team,
)
from handlers.admin.access import AdminOnly
from handlers.admin.console import ConsoleMiddleware


def router() -> Router:
    r = Router(name="admin")
    r.message.filter(AdminOnly())
    r.callback_query.filter(AdminOnly())
    r.message.middleware(ConsoleMiddleware())
    r.callback_query.middleware(ConsoleMiddleware())
    r.include_routers(
        overview.router(),
        form.router(),  # before lists: its /list <question id>
        lists.router(),
        actions.router(),
        door.router(),
        approval.router(),
        team.router(),
        room.router(),
        reminders.router(),
        report.router(),
        retention.router(),
        events.router(),  # its draft steps take plain text, in their own states
        broadcast.router(),  # last: its draft step takes plain text
    )
    return r
