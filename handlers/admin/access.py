"""The one gate of the admin console: who may use which command and which button.

Owners (`telegram.admins`, in their private chat) pass for everything, as before. Team
members (services.team) pass only for what their role in their current event allows
(the table below); a button that names an event (or a registration) is checked against
the presser's role in that event. Everyone else, and anything outside a role, falls
through to the participant routers: the answer to any unknown command or stale button.
Membership is read on every update, so a removal holds at once, old buttons included."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from aiogram.filters import Filter
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Chat, Message, User

from core.config import Settings
from handlers.admin.callbacks import (
    ApprovalCb,
    CastCb,
    DraftCb,
    EventCb,
    FormEditCb,
    IntakeCb,
    InviteCb,
    ListCb,
    RegCb,
    TeamCb,
    VersionCb,
)
from handlers.admin.commands import ADMIN
from services.entry_pass import CHECKIN_PREFIX
from services.events import Event
from services.privacy import ExportCb
from services.team import Role, Team, covers, rank

# What each console command needs, at the member's current event.
COMMANDS: dict[str, Role] = {
    "checkin": Role.DOOR, "door": Role.DOOR, "events": Role.DOOR,
    "stats": Role.ORGANISER, "list": Role.ORGANISER, "export": Role.ORGANISER,
    "broadcast": Role.ORGANISER, "capacity": Role.ORGANISER, "close": Role.ORGANISER,
    "open": Role.ORGANISER, "reminders": Role.ORGANISER, "log": Role.ORGANISER,
    "team": Role.ORGANISER, "form": Role.ORGANISER, "pending": Role.ORGANISER,
    "newevent": Role.OWNER, "editevent": Role.OWNER,
}  # fmt: skip
# What each console button needs (by its callback prefix).
BUTTONS: dict[str, Role] = {
    ListCb.__prefix__: Role.ORGANISER, RegCb.__prefix__: Role.ORGANISER,
    IntakeCb.__prefix__: Role.ORGANISER, CastCb.__prefix__: Role.ORGANISER,
    VersionCb.__prefix__: Role.ORGANISER, InviteCb.__prefix__: Role.ORGANISER,
    ExportCb.__prefix__: Role.ORGANISER, TeamCb.__prefix__: Role.ORGANISER,
    EventCb.__prefix__: Role.DOOR, DraftCb.__prefix__: Role.OWNER,
    ApprovalCb.__prefix__: Role.ORGANISER, FormEditCb.__prefix__: Role.ORGANISER,
}  # fmt: skip
# Buttons that name their own event: the role there counts, not at the current event.
EVENT_BUTTONS: tuple[type[EventCb | InviteCb | ExportCb | TeamCb | ApprovalCb | FormEditCb],
                     ...] = (EventCb, InviteCb, ExportCb, TeamCb, ApprovalCb, FormEditCb)
# Anything else a member sends (a draft's text, a contact picked for the team).
OTHER_MESSAGES = Role.ORGANISER


@dataclass(frozen=True)
class Access:
    """Who is at the console: their role there and (for members) the event it works on,
    with their role in each of their events (None: an owner, every event)."""

    role: Role
    event: Event | None = None
    roles: Mapping[int, Role] | None = None


def commands_for(role: Role) -> list[str]:
    """The console commands this role may use, in the menu's order."""
    return [c for c in ADMIN if covers(role, COMMANDS.get(c, Role.OWNER))]


async def console_role(team: Team, user_id: int) -> Role | None:
    """The widest role someone has anywhere (an owner's: OWNER), for menus and /help;
    None: no console at all. The gate still decides per update and per event."""
    if team.is_owner(user_id):
        return Role.OWNER
    roles = (await team.roles(user_id)).values()
    return max(roles, key=rank, default=None)


def command_of(text: str) -> tuple[str, str]:
    """'/checkin@bot ABC' -> ('checkin', 'ABC'); not a command -> ('', '')."""
    if not text.startswith("/"):
        return "", ""
    head, _, args = text[1:].partition(" ")
    return head.partition("@")[0].lower(), args.strip()


def _needed(message: Message) -> Role | None:
    name, args = command_of(message.text or "")
    if name == "start":  # the entry pass's QR code only; any other start is a participant's
        return Role.DOOR if args.startswith(CHECKIN_PREFIX) else None
    if name:
        return COMMANDS.get(name)
    return OTHER_MESSAGES


def _unpack(data: str) -> CallbackData | None:
    prefix = data.partition(":")[0]
    for kind in (*EVENT_BUTTONS, RegCb):
        if kind.__prefix__ == prefix:
            try:
                return kind.unpack(data)
            except (TypeError, ValueError):
                return None
    return None


async def member_access(team: Team, user_id: int, event: Message | CallbackQuery) -> Access | None:
    """A team member's access to this update, or None (refused)."""
    roles = await team.roles(user_id)
    current = await team.current_for(user_id) if roles else None
    if current is None:
        return None
    access = Access(roles[current.id], current, MappingProxyType(roles))
    if isinstance(event, Message):
        need = _needed(event)
        return access if need is not None and covers(access.role, need) else None
    need = BUTTONS.get((event.data or "").partition(":")[0])
    if need is None:
        return None
    data = _unpack(event.data or "")
    if isinstance(data, (EventCb, InviteCb, ExportCb, TeamCb, ApprovalCb, FormEditCb)):
        there = roles.get(data.ev)
        return access if there is not None and covers(there, need) else None
    if isinstance(data, RegCb) and await team.event_of(data.reg) != current.id:
        return None  # a row of another event: not theirs to see
    return access if covers(access.role, need) else None


class AdminOnly(Filter):
    """Passes owners, and members for what their role allows; adds `access`."""

    async def __call__(self, event: Message | CallbackQuery, settings: Settings,
                       team: Team) -> bool | dict[str, Any]:
        chat: Chat | None
        if isinstance(event, CallbackQuery):
            chat = event.message.chat if event.message else None
        else:
            chat = event.chat
        user: User | None = event.from_user
        if chat is None or user is None or chat.type != "private" or chat.id != user.id:
            return False
        if user.id in settings.telegram.admins:
            return {"access": Access(Role.OWNER)}
        access = await member_access(team, user.id, event)
        return False if access is None else {"access": access}
