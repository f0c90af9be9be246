"""/team: the current event's members, invitations and removals; the link's other end
(/start join_<token>, for anyone) and the contact picked with Telegram's request_users."""

from __future__ import annotations

import logging
from typing import Literal

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import (
    CallbackQuery,
    KeyboardButton,
    KeyboardButtonRequestUsers,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.keyboard import InlineKeyboardBuilder

from core.i18n import Catalog, Texts
from core.render import shorten
from core.sender import Result, Sender
from handlers.admin import commands, screens, views
from handlers.admin.access import commands_for, console_role
from handlers.admin.callbacks import TeamCb
from handlers.admin.console import NAMES_EVENT, Console
from services.events import Event
from services.team import JOIN_PREFIX, Role, Team, invite_link, may_manage
from storage.people import People
from storage.team import InviteRow, MemberRow

log = logging.getLogger(__name__)
INVITABLE: tuple[Literal["organiser", "door"], ...] = ("organiser", "door")


def _role(t: Texts, role: str) -> str:
    return t(f"team-role-{role}")


def _request_id(event: Event, role: Role) -> int:
    """request_users answers with this number only: the event and the role, in 32 bits."""
    return event.id * 2 + (1 if role is Role.ORGANISER else 0)


def _from_request(request_id: int) -> tuple[int, Role]:
    return request_id // 2, Role.ORGANISER if request_id % 2 else Role.DOOR


def _screen(t: Texts, console: Console, members: list[MemberRow],
            pending: list[InviteRow]) -> screens.Screen:
    ev, tz = console.event.id, console.tz
    lines = [t("team-head", owners=len(console.settings.telegram.admins))]
    lines += [t("team-row", name=m.name or str(m.user_id), role=_role(t, m.role),
                since=views.moment(m.added_at, tz)) for m in members]
    if not members:
        lines.append(t("team-empty"))
    lines += [t("team-link-row", role=_role(t, i.role), until=views.moment(i.expires_at, tz),
                tz=tz) for i in pending]
    kb = InlineKeyboardBuilder()
    for role in INVITABLE:
        if may_manage(console.role, Role(role)):
            kb.button(text=t(f"team-btn-invite-{role}"),
                      callback_data=TeamCb(act="invite", ev=ev, role=role))
    for m in members:
        if may_manage(console.role, Role(m.role)):
            name = shorten(m.name or str(m.user_id), 40)
            kb.button(text=t("team-btn-remove", name=name),
                      callback_data=TeamCb(act="remove", ev=ev, who=m.user_id))
    for i in pending:
        if may_manage(console.role, Role(i.role)):
            kb.button(text=t("team-btn-revoke", role=_role(t, i.role),
                             until=views.moment(i.expires_at, tz)),
                      callback_data=TeamCb(act="revoke", ev=ev, tok=i.token))
    kb.adjust(1)
    return "\n".join(lines), kb.as_markup()


async def _show(t: Texts, console: Console, team: Team) -> screens.Screen:
    ev = console.event.id
    return _screen(t, console, await team.members(ev), await team.pending(ev))


async def show_team(message: Message, t: Texts, console: Console, team: Team) -> None:
    text, markup = await _show(t, console, team)
    await message.answer(text, reply_markup=markup)


async def _event(console: Console, callback_data: TeamCb) -> Event | None:
    """The button's event (the gate has checked the presser's role there)."""
    return await console.events.get(callback_data.ev)


async def invite(cb: CallbackQuery, callback_data: TeamCb, bot: Bot, t: Texts,
                 callback_answer: CallbackAnswer, console: Console, team: Team) -> None:
    event = await _event(console, callback_data)
    role = Role(callback_data.role)
    actor = await team.role_in(console.admin_id, callback_data.ev)
    if event is None or actor is None or not may_manage(actor, role):
        callback_answer.text, callback_answer.show_alert = t("error-stale-button"), True
        return
    made = await team.invite(event, role, console.admin_id)
    tz = event.info.timezone
    link = invite_link((await bot.me()).username, made.token)
    pick = KeyboardButton(text=t("team-btn-pick", role=_role(t, role.value)),
                          request_users=KeyboardButtonRequestUsers(
                              request_id=_request_id(event, role), user_is_bot=False,
                              max_quantity=1, request_name=True))
    await bot.send_message(cb.from_user.id, t(
        "team-invite", role=_role(t, role.value), title=event.texts(t.language).title, link=link,
        until=views.moment(made.expires_at, tz), tz=tz),
        reply_markup=ReplyKeyboardMarkup(keyboard=[[pick]], resize_keyboard=True,
                                         one_time_keyboard=True))


async def _tell(sender: Sender, catalog: Catalog, people: People, user_id: int, key: str,
                event: Event, **args: str) -> Result:
    """A message to someone outside their own update, in their language (the event's
    title too)."""
    t = catalog.for_language(await people.reader_language(user_id))
    return (await sender.send(user_id, t(key, title=event.texts(t.language).title,
                                         **args))).result


async def _menu(bot: Bot, catalog: Catalog, team: Team, user_id: int) -> None:
    """Their chat's command menu follows their roles (a hint: the gate decides)."""
    role = await console_role(team, user_id)
    await commands.member_menu(bot, catalog, user_id, commands_for(role) if role else [])


async def remove(cb: CallbackQuery, callback_data: TeamCb, bot: Bot, t: Texts,
                 callback_answer: CallbackAnswer, console: Console, team: Team,
                 people: People) -> None:
    event = await _event(console, callback_data)
    actor = await team.role_in(console.admin_id, callback_data.ev)
    members = {m.user_id: m for m in await team.members(callback_data.ev)}
    member = members.get(callback_data.who)
    if (event is None or actor is None or member is None
            or not may_manage(actor, Role(member.role))):
        callback_answer.text, callback_answer.show_alert = t("team-gone"), True
        return
    await team.remove(event.id, member.user_id, console.admin_id)
    callback_answer.text = t("team-removed", name=member.name or str(member.user_id))
    await _tell(console.sender, console.catalog, people, member.user_id, "team-removed-you",
                event, role=member.role)
    await _menu(bot, console.catalog, team, member.user_id)
    if event.id == console.event.id:
        await screens.show(cb, bot, await _show(t, console, team))


async def revoke(cb: CallbackQuery, callback_data: TeamCb, bot: Bot, t: Texts,
                 callback_answer: CallbackAnswer, console: Console, team: Team) -> None:
    if not await team.revoke(callback_data.ev, callback_data.tok, console.admin_id):
        callback_answer.text, callback_answer.show_alert = t("team-gone"), True
        return
    callback_answer.text = t("team-revoked")
    if callback_data.ev == console.event.id:
        await screens.show(cb, bot, await _show(t, console, team))


async def picked(message: Message, bot: Bot, t: Texts, console: Console, team: Team,
                 people: People) -> None:
    """A contact chosen with the invitation's request_users button: a member at once, if
    the bot can write to them (they have talked to it), else the link is the way."""
    shared = message.users_shared
    if shared is None:
        return
    event_id, role = _from_request(shared.request_id)
    event = await console.events.get(event_id)
    actor = await team.role_in(console.admin_id, event_id)
    if event is None or actor is None or not may_manage(actor, role):
        await message.answer(t("error-stale-button"), reply_markup=ReplyKeyboardRemove())
        return
    for user in shared.users:
        name = " ".join(p for p in (user.first_name, user.last_name) if p) or str(user.user_id)
        if not await team.add(event, role, user.user_id, name, console.admin_id):
            await message.answer(t("team-pick-owner", name=name),
                                 reply_markup=ReplyKeyboardRemove())
            continue
        told = await _tell(console.sender, console.catalog, people, user.user_id,
                           "team-joined", event, role=role.value)
        if told is not Result.SENT:  # never talked to the bot: it cannot write first
            await team.remove(event.id, user.user_id, console.admin_id)
            await message.answer(t("team-pick-unreachable", name=name),
                                 reply_markup=ReplyKeyboardRemove())
            continue
        await message.answer(t("team-added", name=name, role=_role(t, role.value),
                               title=event.texts(t.language).title),
                             reply_markup=ReplyKeyboardRemove())
        await _menu(bot, console.catalog, team, user.user_id)


async def join(message: Message, command: CommandObject, bot: Bot, t: Texts, team: Team,
               sender: Sender, catalog: Catalog, people: People) -> None:
    """Anyone opening an invitation link: a member, or (used, expired, revoked) plain
    words and nothing changed."""
    user = message.from_user
    if user is None:
        return
    token = (command.args or "").removeprefix(JOIN_PREFIX)
    done = await team.join(token, user.id, user.full_name)
    invite, event = done.invite, done.event
    if done.status != "ok" or invite is None or event is None:
        at = views.moment(invite.expires_at, event.info.timezone) if invite and event else ""
        await message.answer(t(f"team-link-{done.status}", at=at))
        return
    await message.answer(t("team-joined", role=invite.role, title=event.texts(t.language).title))
    await _tell(sender, catalog, people, invite.created_by, "team-joined-tell",
                event, name=user.full_name, role=invite.role)
    log.info("event %s: a %s joined the team", event.slug, invite.role)
    await _menu(bot, catalog, team, user.id)


def router() -> Router:
    """Inside the console (behind the gate)."""
    r = Router(name="admin-team")
    r.message.register(show_team, Command("team"), flags=NAMES_EVENT)
    r.message.register(picked, F.users_shared)
    r.callback_query.register(invite, TeamCb.filter(F.act == "invite"))
    r.callback_query.register(remove, TeamCb.filter(F.act == "remove"))
    r.callback_query.register(revoke, TeamCb.filter(F.act == "revoke"))
    return r


def join_router() -> Router:
    """For anyone, in a private chat: the invitation link's /start join_<token>."""
    r = Router(name="team-join")
    r.message.register(join, F.chat.type == "private",
                       CommandStart(deep_link=True, magic=F.args.startswith(JOIN_PREFIX)))
    return r
