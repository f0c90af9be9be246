"""Telling the organisers once when the database cannot be written, not once per update."""

from __future__ import annotations

import logging

from core.config import Settings
from core.i18n import Catalog
from core.sender import Sender
from storage.database import StorageUnavailable
from storage.people import People

log = logging.getLogger(__name__)


class StorageAlarm:
    def __init__(self, settings: Settings, sender: Sender, catalog: Catalog) -> None:
        self._settings, self._sender, self._catalog = settings, sender, catalog
        self._raised = False

    async def raise_once(self, reason: str, people: People | None = None) -> None:
        """`people`: whose languages the organisers are told in (their own, else the
        default language)."""
        log.error("STORAGE: the database %s cannot be written: %s. Participants are told to "
                  "try again later; nothing they entered is lost.",
                  self._settings.storage.path, reason)
        if self._raised:
            return
        self._raised = True  # once per run: a restart after the fix starts afresh
        for admin in self._settings.telegram.admins:
            t = self._catalog.for_language(await _language(people, admin))
            await self._sender.send(admin, t("adm-storage-alarm",
                                             path=str(self._settings.storage.path),
                                             reason=reason))


async def _language(people: People | None, admin: int) -> str | None:
    """The organiser's language, if the database lets us read it now (it is failing: the
    alarm goes out anyway, in the default language at worst)."""
    if people is None:
        return None
    try:
        return await people.reader_language(admin)
    except StorageUnavailable:
        return None
