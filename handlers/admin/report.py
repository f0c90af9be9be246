"""/report: the funder's report (PDF and CSV) of the organiser's current event, in their
language; `/report names` adds the list of names. Also the after-the-start lines of
/stats: who came, and the feedback."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, Message

from core.i18n import Texts
from handlers.admin.console import NAMES_EVENT, Console
from services import report as funder
from storage.models import Registration

NAMES = "names"


async def send_report(message: Message, command: CommandObject, t: Texts,
                      console: Console) -> None:
    names = (command.args or "").strip().lower() == NAMES
    everyone = await console.organiser.everyone()
    figures = await funder.figures(console.registrations.db, t, console.event, everyone, names)
    made = console.now()
    stem = f"report-{console.event.slug}-{made:%Y%m%d-%H%M}"
    await console.record("report", details="with names" if names else "")
    await message.answer_document(
        BufferedInputFile(funder.pdf_bytes(t, figures, made), f"{stem}.pdf"),
        caption=t("report-caption", title=figures.title))
    await message.answer_document(BufferedInputFile(funder.csv_bytes(t, figures),
                                                    f"{stem}.csv"))


async def stats_after(t: Texts, console: Console, everyone: list[Registration]) -> str:
    """Once the event has started: who came; once anyone answered, the feedback."""
    if not console.desk.started():
        return ""
    figures = await funder.figures(console.registrations.db, t, console.event, everyone)
    lines = [t("adm-stats-after", checked=figures.checked_in, seated=figures.seated,
               joined=figures.joined, online=figures.online + figures.waitlisted)]
    votes = sum(figures.feedback.ratings.values())
    if figures.average is not None:
        lines.append(t("adm-stats-feedback", votes=votes, average=f"{figures.average:.1f}"))
    return "\n\n" + "\n".join(lines)


def router() -> Router:
    r = Router(name="admin-report")
    r.message.register(send_report, Command("report"), flags=NAMES_EVENT)
    return r
