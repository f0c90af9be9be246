"""Read-outs: /stats, /export (CSV document), /log (latest audit rows)."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, Message

from core.i18n import Texts
from core.pacer import Pacer
from core.spreadsheet import delimiter
from core.timeutil import zone
from handlers.admin import csvfile, rules, sheet, views
from handlers.admin.console import NAMES_EVENT, Console
from handlers.admin.reminders import next_reminder
from handlers.admin.report import stats_after
from services.after import Aftercare
from storage.audit import PARTICIPANT

LOG_SIZE = 20


async def stats(message: Message, t: Texts, console: Console, pacer: Pacer) -> None:
    counts = await console.organiser.counts()
    intake = await console.desk.intake()
    everyone = await console.organiser.everyone()
    pace = views.pace(t, pacer.rate, pacer.configured, pacer.waiting)
    # With approval, those waiting come with the counts (apart: no seat, in no count).
    waiting = await console.desk.waiting_count() if console.event.info.approval else None
    text = views.stats(t, console.event.texts(t.language).title, counts, intake, everyone,
                       console.tz, await next_reminder(t, console), pace, waiting)
    await message.answer(text + await stats_after(t, console, everyone))


async def export(message: Message, t: Texts, console: Console,
                 command: CommandObject | None = None) -> None:
    """An Excel workbook; `/export csv`: CSV, separated by ";" for Russian and Kazakh
    organisers (what Excel expects under those locales), else by ","."""
    everyone = await console.organiser.everyone()
    waiting = await console.desk.waiting_list()  # an approval's security list, checked
    stamp = console.now().astimezone(zone(console.tz)).strftime("%Y%m%d-%H%M")
    if command is not None and (command.args or "").strip().lower() == "csv":
        results = await Aftercare(console.registrations).results(console.event.id)
        data = csvfile.export(everyone, console.tz, t("adm-erased"),
                              delimiter=delimiter(t.language), results=results,
                              own=console.event.info.form_model.questions,
                              waiting=waiting)
        document = BufferedInputFile(data, f"registrations-{stamp}.csv")
    else:
        data = sheet.workbook(t, everyone, console.tz, console.event.info,
                              await console.organiser.queue_positions(),
                              await Aftercare(console.registrations).results(console.event.id),
                              waiting)
        document = BufferedInputFile(data, f"registrations-{stamp}.xlsx")
    await console.record("export", details=f"{len(everyone)} rows")
    caption = t("adm-export-caption", count=len(everyone), tz=console.tz)
    if waiting:
        caption += "\n" + t("adm-export-waiting", count=len(waiting))
    await message.answer_document(document, caption=caption)


async def _names(bot: Bot, ids: set[int]) -> dict[int, str]:
    """Organisers by name (a handful of look-ups); one Telegram cannot resolve keeps its id."""
    found: dict[int, str] = {}
    for admin_id in ids:
        try:
            found[admin_id] = (await bot.get_chat(admin_id)).full_name
        except TelegramAPIError:
            continue
    return found


async def audit_log(message: Message, bot: Bot, t: Texts, console: Console) -> None:
    entries = await console.organiser.latest_audit(LOG_SIZE)
    admins = await _names(bot, {e.admin_id for e in entries if e.admin_id != PARTICIPANT})
    for chunk in rules.chunks(views.log(t, entries, console.tz, admins)):
        await message.answer(chunk)


def router() -> Router:
    r = Router(name="admin-overview")
    r.message.register(stats, Command("stats"), flags=NAMES_EVENT)
    r.message.register(export, Command("export"), flags=NAMES_EVENT)
    r.message.register(audit_log, Command("log"), flags=NAMES_EVENT)
    return r
