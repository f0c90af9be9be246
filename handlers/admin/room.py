"""The room and the intake: /capacity N, /close (offline only or all), /open."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from core.i18n import Texts
from handlers.admin import keyboards, rules, screens, views
from handlers.admin.callbacks import IntakeCb
from handlers.admin.console import NAMES_EVENT, Console
from services.registration import Intake


async def intake_text(t: Texts, console: Console, changed: bool) -> str:
    setting = await console.organiser.stored_intake()
    text = t("adm-intake-set" if changed else "adm-intake-kept",
             intake=views.intake_label(t, setting))
    if console.now() >= console.event.closes_utc:
        text += "\n" + t("adm-intake-deadline")
    return text


async def capacity(message: Message, command: CommandObject, t: Texts, console: Console) -> None:
    before = await console.organiser.counts()
    if not command.args:
        await message.answer(t("adm-capacity-now", capacity=before.capacity,
                               seated=before.seated, waitlisted=before.waitlisted))
        return
    wanted = rules.parse_capacity(command.args)
    if wanted is None:
        await message.answer(t("adm-capacity-usage", max=rules.MAX_CAPACITY))
        return
    result = await console.organiser.set_capacity(wanted)
    if isinstance(result, int):
        await console.record("capacity", details=f"{wanted}: refused, {result} taken")
        await message.answer(t("adm-capacity-refused", seated=result, capacity=wanted))
        return
    await console.record("capacity", details=f"{before.capacity} → {wanted},"
                                             f" {len(result)} promoted")
    await console.desk.tell_promoted(result)
    after = await console.organiser.counts()
    text = t("adm-capacity-set", capacity=after.capacity, seated=after.seated)
    if result:
        text += "\n" + t("adm-done-promoted", names=views.names(result))
    await message.answer(text)


async def close(message: Message, t: Texts, console: Console) -> None:
    intake = views.intake_label(t, await console.desk.intake())
    await message.answer(t("adm-close-ask", intake=intake), reply_markup=keyboards.close(t))


async def closing(cb: CallbackQuery, callback_data: IntakeCb, bot: Bot, t: Texts,
                  console: Console) -> None:
    changed = callback_data.to != "keep"
    if changed:
        await console.organiser.set_intake(Intake(callback_data.to))
        await console.record("intake", details=callback_data.to)
    await screens.show(cb, bot, (await intake_text(t, console, changed), None))


async def reopen(message: Message, t: Texts, console: Console) -> None:
    await console.organiser.set_intake(Intake.OPEN)
    await console.record("intake", details=Intake.OPEN.value)
    await message.answer(await intake_text(t, console, changed=True))


def router() -> Router:
    r = Router(name="admin-room")
    r.message.register(capacity, Command("capacity"), flags=NAMES_EVENT)
    r.message.register(close, Command("close"), flags=NAMES_EVENT)
    r.callback_query.register(closing, IntakeCb.filter())
    r.message.register(reopen, Command("open"), flags=NAMES_EVENT)
    return r
