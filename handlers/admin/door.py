"""At the door: /checkin CODE and /door (who has a seat, who has arrived)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message

from core.i18n import Texts
from handlers.admin import rules, views
from handlers.admin.console import NAMES_EVENT, Console
from services.entry_pass import CHECKIN_PREFIX
from services.team import Team
from storage.models import Registration

MAX_CODE = 32  # longer input cannot be a code; keep the audit row and the reply short


async def _by(bot: Bot, t: Texts, console: Console, team: Team, reg: Registration) -> str:
    """Who checked the person in: the member's name, else Telegram's (an owner)."""
    who = await team.checked_in_by(reg.id)
    if who is None:
        return t("adm-checkin-by-nobody")
    if name := await team.name_of(console.event.id, who):
        return name
    try:
        return (await bot.get_chat(who)).full_name
    except TelegramAPIError:
        return str(who)


async def answer(bot: Bot, t: Texts, console: Console, team: Team, result: str,
                 reg: Registration | None, code: str) -> str:
    """Every answer to a code on a seat says how many of the seats are checked in now."""
    if result == "unknown" or reg is None:
        return t("adm-checkin-unknown", code=code)
    counts = await console.organiser.counts()
    if result == "already" and reg.checked_in_at:
        return t("adm-checkin-already", name=views.who(t, reg), org=reg.organisation,
                 at=views.moment(reg.checked_in_at, console.tz),
                 by=await _by(bot, t, console, team, reg),
                 arrived=counts.checked_in, seated=counts.seated)
    return t("adm-checkin-ok", name=views.who(t, reg), org=reg.organisation,
             arrived=counts.checked_in, seated=counts.seated)


async def checkin(message: Message, command: CommandObject, bot: Bot, t: Texts,
                  console: Console, team: Team) -> None:
    """/checkin CODE, or the entry pass's QR code scanned with the phone's camera: Telegram
    opens /start checkin_CODE (for anyone outside the team, an ordinary start)."""
    raw = command.args or ""
    code = rules.normalise_code(raw.removeprefix(CHECKIN_PREFIX))[:MAX_CODE]
    if not code:
        await message.answer(t("adm-checkin-usage"))
        return
    result, reg = await console.organiser.check_in(code, console.admin_id)
    await console.record("checkin", reg.id if reg else None, f"{code}: {result}")
    await message.answer(await answer(bot, t, console, team, result, reg, code))


async def door(message: Message, t: Texts, console: Console) -> None:
    seated = await console.organiser.seated()
    capacity = (await console.organiser.counts()).capacity
    for chunk in rules.chunks(views.door(t, seated, capacity)):
        await message.answer(chunk)


def router() -> Router:
    r = Router(name="admin-door")
    r.message.register(checkin, Command("checkin"), flags=NAMES_EVENT)
    r.message.register(checkin, CommandStart(deep_link=True,
                                             magic=F.args.startswith(CHECKIN_PREFIX)),
                       flags=NAMES_EVENT)
    r.message.register(door, Command("door"), flags=NAMES_EVENT)
    return r
