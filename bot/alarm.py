"""Telling the organisers once when the database cannot be written, not once per update."""

from __future__ import annotations

import logging

from bot.config import Settings
from bot.i18n import Catalog
from bot.sender import Sender

log = logging.getLogger(__name__)


class StorageAlarm:
    def __init__(self, settings: Settings, sender: Sender, catalog: Catalog) -> None:
        self._settings, self._sender, self._catalog = settings, sender, catalog
        self._raised = False

    async def raise_once(self, reason: str) -> None:
        log.error("STORAGE: the database %s cannot be written: %s. Participants are told to "
                  "try again later; nothing they entered is lost.",
                  self._settings.storage.path, reason)
        if self._raised:
            return
        self._raised = True  # once per run: a restart after the fix starts afresh
        t = self._catalog.for_language(None)
        for admin in self._settings.telegram.admins:
            await self._sender.send(admin, t("adm-storage-alarm",
                                             path=str(self._settings.storage.path),
                                             reason=reason))
