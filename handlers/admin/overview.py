"""Read-outs: /stats, /export (CSV document), /log (latest audit rows)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, Message

from bot.i18n import Texts
from bot.timeutil import zone
from handlers.admin import csvfile, rules, views
from handlers.admin.console import NAMES_EVENT, Console
from handlers.admin.reminders import next_reminder

LOG_SIZE = 20


async def stats(message: Message, t: Texts, console: Console) -> None:
    counts = await console.organiser.counts()
    intake = await console.desk.intake()
    everyone = await console.organiser.everyone()
    await message.answer(views.stats(t, console.event.info.title, counts, intake,
                                     everyone, console.tz, await next_reminder(t, console)))


async def export(message: Message, t: Texts, console: Console) -> None:
    everyone = await console.organiser.everyone()
    stamp = console.now().astimezone(zone(console.tz)).strftime("%Y%m%d-%H%M")
    document = BufferedInputFile(csvfile.export(everyone, console.tz),
                                 f"registrations-{stamp}.csv")
    await console.record("export", details=f"{len(everyone)} rows")
    await message.answer_document(document, caption=t("adm-export-caption",
                                                      count=len(everyone), tz=console.tz))


async def audit_log(message: Message, t: Texts, console: Console) -> None:
    entries = await console.organiser.latest_audit(LOG_SIZE)
    for chunk in rules.chunks(views.log(t, entries, console.tz)):
        await message.answer(chunk)


def router() -> Router:
    r = Router(name="admin-overview")
    r.message.register(stats, Command("stats"), flags=NAMES_EVENT)
    r.message.register(export, Command("export"), flags=NAMES_EVENT)
    r.message.register(audit_log, Command("log"), flags=NAMES_EVENT)
    return r
